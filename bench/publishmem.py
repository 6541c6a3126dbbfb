"""Peak memory of ``listen.publish`` for a synthetic book of 80,000 cues against 800,000, side by side.

    python bench/publishmem.py [--cues-per-chapter 400] [--chapters 200 2000] [--keep DIR]

For each chapter count: writes a story folder whose book.json is laid out as render writes
it (one chapter a line, each with ``--cues-per-chapter`` cues of narration and dialogue) with
stub MP3s (publish checks their sizes, never decodes them), then runs ``publish(folder)`` in a
fresh Python process and reports that process's peak RSS (``ru_maxrss``), the time, and the
peak of a process that only imports ficaudio.listen (the floor). The 800,000-cue folder is
about 0.6 GB on disk while it runs.

Target (issue "reliability": a 50 MB story, ~800,000 cues, publishes in bounded memory): the
big book's peak close to the small one's (ratio near 1, far from the 10x of the cues).
Before the listening files were written a chapter at a time: 109 MB at 80,000 cues and about
1 GB at 800,000.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINES = (("Narrator", "The tide came in over the flats and she watched it rise, line {}."),
         ("Mira", "Is it <lit> yet? Tom & I can't see the lantern from here ({})."))  # fmt: skip
CHILD = """
import resource, sys, time
from pathlib import Path
floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from ficaudio.listen import publish
if sys.argv[1] != "-":
    started = time.perf_counter()
    publish(Path(sys.argv[1]))
    print(f"{time.perf_counter() - started:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
else:
    print(f"0 {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
"""


def chapter_json(index: int, cues_per_chapter: int, start_ms: int) -> dict:
    """One chapter as book.json holds it: 3 s a cue, the two lines taking turns."""
    cues = [{"start_ms": j * 3000, "end_ms": j * 3000 + 2900, "speaker": LINES[j % 2][0],
             "text": LINES[j % 2][1].format(j)} for j in range(cues_per_chapter)]  # fmt: skip
    return {"index": index, "title": f"Chapter {index}", "file": f"{index:04d}-chapter.mp3",
            "duration_ms": cues_per_chapter * 3000, "bytes": 10, "start_ms": start_ms, "cues": cues}  # fmt: skip


def write_book(folder: Path, chapters: int, cues_per_chapter: int) -> int:
    """A story folder of ``chapters`` chapters; book.json's size in bytes."""
    folder.mkdir(parents=True)
    chapter_ms = cues_per_chapter * 3000
    (folder / "book.mp3").write_bytes(b"x" * 10)
    head = {"format": 1, "generator": "bench", "title": "Big", "author": "A. Bench", "summary": None, "fandom": None,
            "language": "en", "created": "2026-11-21T00:00:00+00:00", "cover": None,
            "book": {"file": "book.mp3", "duration_ms": chapters * chapter_ms, "bytes": 10}}  # fmt: skip
    with open(folder / "book.json", "w", encoding="utf-8") as out:
        out.write(json.dumps(head, indent=1)[:-2] + ',\n "chapters": [')
        for i in range(chapters):
            chapter = chapter_json(i + 1, cues_per_chapter, i * chapter_ms)
            (folder / chapter["file"]).write_bytes(b"x" * 10)
            out.write(("," if i else "") + "\n  " + json.dumps(chapter))
        out.write("\n ]\n}\n")
    return (folder / "book.json").stat().st_size


def measure(folder: str) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of a fresh process publishing ``folder`` ("-": importing only)."""
    done = subprocess.run([sys.executable, "-c", CHILD, folder], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})  # fmt: skip
    seconds, peak_mb = done.stdout.split()
    return float(seconds), float(peak_mb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues-per-chapter", type=int, default=400)
    parser.add_argument("--chapters", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--keep", type=Path, help="write the books here and leave them (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="publishmem-") as temp:
        base = args.keep or Path(temp)
        print(f"floor (import ficaudio.listen only): peak RSS {measure('-')[1]:.0f} MB")
        print(f"{'cues':>9} {'book.json MB':>13} {'publish s':>10} {'peak RSS MB':>12}")
        peaks = []
        for chapters in args.chapters:
            folder = base / f"book-{chapters}"
            size = write_book(folder, chapters, args.cues_per_chapter)
            seconds, peak_mb = measure(str(folder))
            peaks.append((chapters * args.cues_per_chapter, peak_mb))
            print(f"{chapters * args.cues_per_chapter:>9,} {size / 1e6:>13.1f} {seconds:>10.1f} {peak_mb:>12.0f}")
    (small_cues, small_mb), (big_cues, big_mb) = peaks[0], peaks[-1]
    print(f"ratio: peak RSS x{big_mb / small_mb:.2f} for x{big_cues / small_cues:.0f} the cues")


if __name__ == "__main__":
    main()
