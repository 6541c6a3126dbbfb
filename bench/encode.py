"""Benchmark ficaudio.stitch: MP3 encode speed, memory, and chapter join speed.

    .venv/bin/python bench/encode.py                 # 1 h of 22.05 kHz mono, 20 chapters
    .venv/bin/python bench/encode.py --minutes 5 --verify

Input is a synthetic speech-like signal (voiced "syllables" at 100-220 Hz with 3
harmonics and a syllable envelope, separated by pauses), streamed in ~1 s chunks the way
rendered clips arrive. Does not need /work/shared. Prints our figures next to the ones
in FIELD-NOTES ("MP3 encoding and stitching").
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from array import array
from pathlib import Path

from ficaudio.stitch import encode_mp3, encoder_identity, ffmpeg_exe, join_book, mp3_duration_ms

BLOCK_SECONDS = 10
BLOCK_COUNT = 6  # distinct 10 s blocks, cycled: the encoder never sees a trivially repeating signal


def speech_like_block(seed: int, rate_hz: int) -> bytes:
    """10 s of syllable-like voiced sound and pauses (s16le mono)."""
    rng = random.Random(seed)
    out = array("h")
    while len(out) < BLOCK_SECONDS * rate_hz:
        out.extend(_syllable(rng, rate_hz))
        pause_samples = int(rng.uniform(0.03, 0.4) * rate_hz)
        out.extend(array("h", bytes(2 * pause_samples)))
    return out[: BLOCK_SECONDS * rate_hz].tobytes()


def _syllable(rng: random.Random, rate_hz: int) -> array:
    count = int(rng.uniform(0.12, 0.3) * rate_hz)
    f0_hz, level = rng.uniform(100, 220), rng.uniform(3000, 9000)
    step = 2 * math.pi * f0_hz / rate_hz
    return array("h", (
        int(level * math.sin(math.pi * i / count) * (math.sin(i * step) + 0.5 * math.sin(2 * i * step)
                                                      + 0.25 * math.sin(3 * i * step)) / 1.75)
        for i in range(count)
    ))  # fmt: skip


def pcm_stream(blocks: list[bytes], seconds: int, rate_hz: int):
    """``seconds`` of audio in 1 s chunks cycling through the blocks."""
    chunk_bytes = 2 * rate_hz
    cycle = itertools.cycle(b[i : i + chunk_bytes] for b in blocks for i in range(0, len(b), chunk_bytes))
    for _ in range(seconds):
        yield next(cycle)


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB, from /proc."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def decoded_samples(path: Path) -> int:
    cmd = [ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "pipe:1"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as proc:
        return sum(len(chunk) for chunk in iter(lambda: proc.stdout.read(1 << 20), b"")) // 2


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minutes", type=int, default=60)
    ap.add_argument("--chapters", type=int, default=20)
    ap.add_argument("--rate", type=int, default=22050)
    ap.add_argument("--bitrate", type=int, default=64)
    ap.add_argument("--verify", action="store_true", help="decode the book with ffmpeg and check its length")
    args = ap.parse_args()
    seconds = args.minutes * 60
    print(f"encoder: {encoder_identity()}")
    t0 = time.perf_counter()
    blocks = [speech_like_block(seed, args.rate) for seed in range(BLOCK_COUNT)]
    print(f"generated {BLOCK_COUNT} x {BLOCK_SECONDS} s blocks in {time.perf_counter() - t0:.1f} s; "
          f"RSS {rss_mb()[0]:.0f} MB")  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="ficaudio-bench-") as tmp:
        folder = Path(tmp)
        rss_before, children_before = rss_mb()[0], children_peak_rss_mb()
        t0 = time.perf_counter()
        samples = encode_mp3(pcm_stream(blocks, seconds, args.rate), folder / "one.mp3",
                             sample_rate_hz=args.rate, bitrate_kbps=args.bitrate)  # fmt: skip
        one_s = time.perf_counter() - t0
        one_rss, one_peak = rss_mb()
        children_after = children_peak_rss_mb()  # a max: unchanged when no encoder process ran
        encoder_process = f"{children_after:.0f} MB" if children_after > children_before else "none (in-process)"
        size_mb = (folder / "one.mp3").stat().st_size / 1e6

        per_chapter = seconds // args.chapters
        parts = [folder / f"ch{i:03d}.mp3" for i in range(args.chapters)]
        t0 = time.perf_counter()
        for part in parts:
            encode_mp3(pcm_stream(blocks, per_chapter, args.rate), part, sample_rate_hz=args.rate,
                       bitrate_kbps=args.bitrate)  # fmt: skip
        chapters_s = time.perf_counter() - t0

        rss_join_before = rss_mb()[0]
        t0 = time.perf_counter()
        book = join_book(parts, folder / "book.mp3")
        join_s = time.perf_counter() - t0
        join_rss, join_peak = rss_mb()
        chapter_sum_ms = sum(mp3_duration_ms(p) for p in parts)

        rows = [
            ("encode 1 file, speed", f"{seconds / one_s:.0f}x real time ({one_s:.1f} s for {args.minutes} min)",
             "ffmpeg ~350x, lameenc ~360x (64 kbps)"),
            ("encode: encoder process peak RSS", encoder_process, "ffmpeg 32 MB, lameenc 14 MB in-process"),
            ("encode: our RSS (now / peak)",
             f"{one_rss:.0f} / {one_peak:.0f} MB (+{one_rss - rss_before:.0f} MB)", "-"),
            ("encode: file size", f"{size_mb:.1f} MB, {samples} samples", "-"),
            (f"encode {args.chapters} chapter files", f"{seconds / chapters_s:.0f}x real time ({chapters_s:.1f} s)",
             "-"),
            (f"join {args.chapters} chapters -> book", f"{join_s:.2f} s ({seconds / join_s:.0f}x real time)",
             "pydub sum() of 1,000 clips: 42 s / 478 MB"),
            ("join: our RSS (now / peak)",
             f"{join_rss:.0f} / {join_peak:.0f} MB (+{join_rss - rss_join_before:.0f} MB)",
             "pydub export of 1 h: 315 MB"),
            ("book length - sum of chapters", f"{book.duration_ms - chapter_sum_ms} ms over {args.chapters} chapters",
             "byte-joined ffmpeg files: wrong length"),
        ]  # fmt: skip
        if args.verify:
            decoded = decoded_samples(folder / "book.mp3")
            rows.append(("book decoded samples vs header", f"{decoded} vs {book.sample_count}", "-"))
        width = max(len(r[0]) for r in rows)
        print(f"\n{'measure':<{width}}  {'ficaudio.stitch (this run)':<52}  FIELD-NOTES")
        for name, ours, notes in rows:
            print(f"{name:<{width}}  {ours:<52}  {notes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
