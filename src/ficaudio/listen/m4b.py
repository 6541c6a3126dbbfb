"""BookInfo -> ``<slug>.m4b``: AAC audio, chapter marks and cover for audiobook apps.

One ffmpeg run re-encodes the whole-book MP3 (already stitched and exact) to AAC; the
chapters and book tags go in through an ffmetadata file, the cover as an attached picture.
ffmpeg's MP4 muxer writes both a QuickTime chapter track (Apple Books, BookPlayer) and a
Nero ``chpl`` box (mutagen, many Android players).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ficaudio.errors import OutputError
from ficaudio.listen.book import BookInfo
from ficaudio.stitch import ffmpeg_exe

AAC_BITRATE_KBPS = 64
"""Speech at 22.05 kHz mono: 64 kbps AAC is transparent and about the MP3's size."""

M4B_TIMEOUT_S_PER_HOUR = 600
"""Generous bound on one encode: ffmpeg's AAC runs at ~100x+ real time on 2 cores."""


def escape_ffmetadata(text: str) -> str:
    """ffmetadata values escape ``=``, ``;``, ``#``, ``\\`` and newlines with a backslash.

    >>> escape_ffmetadata("a=b; #c\\\\d\\ne")
    'a\\\\=b\\\\; \\\\#c\\\\\\\\d\\\\\\ne'
    """
    for char in ("\\", "=", ";", "#", "\n"):
        text = text.replace(char, "\\" + char)
    return text


def ffmetadata(book: BookInfo) -> str:
    """Book tags plus one [CHAPTER] per chapter; a chapter ends where the next begins."""
    tags = {"title": book.title, "album": book.title, "artist": book.author, "album_artist": book.author,
            "genre": "Audiobook", "comment": book.summary, "date": str(book.created.year)}  # fmt: skip
    lines = [";FFMETADATA1"]
    lines += [f"{key}={escape_ffmetadata(value)}" for key, value in tags.items() if value]
    ends_ms = [c.start_ms for c in book.chapters[1:]] + [book.audio.duration_ms]
    for chapter, end_ms in zip(book.chapters, ends_ms):
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={chapter.start_ms}", f"END={end_ms}",
                  f"title={escape_ffmetadata(chapter.title)}"]  # fmt: skip
    return "\n".join(lines) + "\n"


def m4b_command(book: BookInfo, metadata: Path, dest: Path) -> list[str]:
    """The ffmpeg command line: audio from the book MP3, tags+chapters from ``metadata``."""
    cmd = [ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
           "-i", str(book.folder / book.audio.file), "-i", str(metadata)]  # fmt: skip
    if book.cover:
        cmd += ["-i", str(book.folder / book.cover), "-map", "2:v", "-c:v", "copy", "-disposition:v", "attached_pic"]
    cmd += ["-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c:a", "aac",
            "-b:a", f"{AAC_BITRATE_KBPS}k", "-f", "ipod", "-brand", "M4B ", str(dest)]  # fmt: skip
    return cmd


def write_m4b(book: BookInfo) -> Path:
    """Write ``<slug>.m4b`` next to the book MP3 (atomically: temp name, then rename)."""
    dest = book.folder / f"{book.slug}.m4b"
    tmp = dest.with_name(f".{dest.name}.part")
    metadata = dest.with_name(f".{book.slug}.ffmetadata")
    try:
        metadata.write_text(ffmetadata(book), encoding="utf-8")
        _run(m4b_command(book, metadata, tmp), dest, timeout_s=_timeout_s(book))
        tmp.replace(dest)
    except OSError as exc:
        raise OutputError(f"cannot write M4B: {exc.strerror or exc}", path=str(dest)) from exc
    finally:
        tmp.unlink(missing_ok=True)
        metadata.unlink(missing_ok=True)
    return dest


def _timeout_s(book: BookInfo) -> float:
    return 60 + M4B_TIMEOUT_S_PER_HOUR * book.audio.duration_ms / 3_600_000


def _run(cmd: list[str], dest: Path, *, timeout_s: float) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OutputError(f"ffmpeg took over {timeout_s:.0f} s to write the M4B", path=str(dest)) from exc
    if done.returncode != 0:
        tail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()[-6:]
        raise OutputError("ffmpeg could not write the M4B: " + " | ".join(tail), path=str(dest),
                          hint="check the book MP3 and cover image are valid")  # fmt: skip
