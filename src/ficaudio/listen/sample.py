"""A small rendered story folder made of tones: for tests, demos and the gPodder check.

Encoded with the same ffmpeg as ``ficaudio render`` (LAME header, exact sample counts);
the book is one encode of all chapters' PCM, so chapter ``i`` starts at ``i * chapter_ms``.
"""

from __future__ import annotations

import json
import math
import struct
import subprocess
import zlib
from array import array
from collections.abc import Sequence
from pathlib import Path

from ficaudio.listen.book import BOOK_FORMAT, BOOK_JSON
from ficaudio.errors import OutputError
from ficaudio.stitch import ffmpeg_exe

SAMPLE_RATE_HZ = 22050
SAMPLE_LINES = (
    ("Narrator", "The lantern swung in the wind."),
    ("Mira", "Is it <lit> yet? Tom & I can't see."),
    ("Tom", "Not yet."),
)


def tone_pcm(duration_ms: int, frequency_hz: float, sample_rate_hz: int = SAMPLE_RATE_HZ) -> bytes:
    """Raw s16le mono sine at a quarter of full scale.

    >>> len(tone_pcm(10, 440.0, 8000))
    160
    """
    count = duration_ms * sample_rate_hz // 1000
    step = 2 * math.pi * frequency_hz / sample_rate_hz
    return array("h", (int(8000 * math.sin(i * step)) for i in range(count))).tobytes()


def tiny_png(width_px: int = 8, height_px: int = 8, rgb: tuple[int, int, int] = (200, 90, 40)) -> bytes:
    """A valid one-colour PNG, built by hand so no image library is needed.

    >>> tiny_png()[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes(rgb) * width_px for _ in range(height_px))
    header = struct.pack(">IIBBBBB", width_px, height_px, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def sample_cues(duration_ms: int, lines: Sequence[tuple[str, str]] = SAMPLE_LINES) -> list[dict]:
    """Cues sharing a chapter evenly, in the book.json shape.

    >>> sample_cues(900, [("A", "x"), ("B", "y")])[1]
    {'start_ms': 450, 'end_ms': 900, 'speaker': 'B', 'text': 'y'}
    """
    step_ms = duration_ms // len(lines)
    return [{"start_ms": i * step_ms, "end_ms": duration_ms if i == len(lines) - 1 else (i + 1) * step_ms,
             "speaker": speaker, "text": text} for i, (speaker, text) in enumerate(lines)]  # fmt: skip


def write_sample_book(
    folder: Path,
    *,
    title: str = "The Lantern Test",
    slug: str = "the-lantern-test",
    chapter_titles: Sequence[str] = ("the lantern", "the ledger", "the tide"),
    chapter_ms: int = 3000,
    with_cover: bool = True,
    created: str = "2026-11-21T05:30:00+00:00",
) -> Path:
    """Write chapter MP3s, the book MP3, a cover and book.json into ``folder``; return it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    chapter_paths = [folder / f"{i:02d}-{_slug(t)}.mp3" for i, t in enumerate(chapter_titles, start=1)]
    pcm = [tone_pcm(chapter_ms, 330.0 + 110 * i) for i in range(len(chapter_titles))]
    for path, chapter_pcm in zip(chapter_paths, pcm):
        encode_tone_mp3(chapter_pcm, path)
    book_path = folder / f"{slug}.mp3"
    encode_tone_mp3(b"".join(pcm), book_path)
    starts_ms = [i * chapter_ms for i in range(len(chapter_titles))]
    if with_cover:
        (folder / "cover.png").write_bytes(tiny_png())
    chapters = [_chapter_entry(i, t, p, start_ms, chapter_ms) for i, (t, p, start_ms)
                in enumerate(zip(chapter_titles, chapter_paths, starts_ms), start=1)]  # fmt: skip
    data = {"format": BOOK_FORMAT, "generator": "ficaudio sample", "title": title, "author": "A. Tester",
            "summary": "Three tones & a <lantern>.", "fandom": "Tests", "language": "en", "created": created,
            "cover": "cover.png" if with_cover else None,
            "book": {"file": book_path.name, "duration_ms": chapter_ms * len(chapter_titles), "bytes": book_path.stat().st_size},
            "chapters": chapters}  # fmt: skip
    (folder / BOOK_JSON).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return folder


def encode_tone_mp3(pcm: bytes, dest: Path) -> None:
    """One ffmpeg run: s16le mono PCM on stdin -> 64 kbps MP3 at ``dest``."""
    cmd = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "s16le", "-ar",
           str(SAMPLE_RATE_HZ), "-ac", "1", "-i", "pipe:0", "-c:a", "libmp3lame", "-b:a", "64k", str(dest)]  # fmt: skip
    done = subprocess.run(cmd, input=pcm, capture_output=True, check=False)
    if done.returncode != 0:
        raise OutputError(f"ffmpeg failed: {done.stderr.decode(errors='replace')[-300:]}", path=str(dest))


def _chapter_entry(index: int, title: str, path: Path, start_ms: int, chapter_ms: int) -> dict:
    return {"index": index, "title": title, "file": path.name, "duration_ms": chapter_ms,
            "bytes": path.stat().st_size, "start_ms": start_ms, "cues": sample_cues(chapter_ms)}  # fmt: skip


def _slug(title: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())
