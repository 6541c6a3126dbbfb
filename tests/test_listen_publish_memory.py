"""publish holds about one chapter's cues at a time: its peak does not grow with the book.

A 50 MB story has ~800,000 cues; holding them all (as publish once did, through
load_book) took about a gigabyte. Here two books with chapters of the same size, one ten
times longer, are published under tracemalloc: the longer one's peak stays close to the
shorter one's (holding every cue, it was about ten times the size).
"""

import json
import tracemalloc
from pathlib import Path

from ficaudio.listen import publish

CUES_PER_CHAPTER = 150


def _book(folder: Path, chapters: int) -> Path:
    """book.json laid out as render writes it (a chapter a line), with stub MP3s."""
    folder.mkdir()
    chapter_ms = CUES_PER_CHAPTER * 3000
    head = {"format": 1, "title": "Tides", "language": "en", "created": "2026-11-21T00:00:00+00:00",
            "book": {"file": "book.mp3", "duration_ms": chapters * chapter_ms, "bytes": 10}}  # fmt: skip
    lines = []
    for i in range(chapters):
        cues = [{"start_ms": j * 3000, "end_ms": j * 3000 + 2900, "speaker": ("Narrator", "Mira")[j % 2],
                 "text": f"The tide came in over the flats and she watched it rise, line {j}."}
                for j in range(CUES_PER_CHAPTER)]  # fmt: skip
        lines.append(json.dumps({"index": i + 1, "title": f"Chapter {i + 1}", "file": f"{i + 1:03d}.mp3",
                                 "duration_ms": chapter_ms, "bytes": 10, "start_ms": i * chapter_ms, "cues": cues}))  # fmt: skip
        (folder / f"{i + 1:03d}.mp3").write_bytes(b"x" * 10)
    (folder / "book.mp3").write_bytes(b"x" * 10)
    (folder / "book.json").write_text(json.dumps(head, indent=1)[:-2] + ',\n "chapters": [\n  '
                                      + ",\n  ".join(lines) + "\n ]\n}\n")  # fmt: skip
    return folder


def _publish_peak(folder: Path) -> int:
    tracemalloc.start()
    try:
        publish(folder)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_publish_peak_does_not_grow_with_the_number_of_cues(tmp_path):
    short, long = _book(tmp_path / "short", 3), _book(tmp_path / "long", 30)
    _publish_peak(short)  # imports and caches, so neither measure counts them
    short_peak, long_peak = _publish_peak(short), _publish_peak(long)
    assert long_peak < 1.5 * short_peak, (short_peak, long_peak)  # all cues held: about 8x
    assert (long / "book.vtt").read_text("utf-8").count(" --> ") == 30 * CUES_PER_CHAPTER

