"""Render throughput against the engine's own floor, measured side by side in one run.

    python bench/render.py [--words 100000] [--jobs N] [--keep DIR]

1. builds a long story, deterministic: the sample story's chapters repeated and renumbered,
   each copy's lower-case words swapped by a seeded permutation, so every copy says new
   sentences (nothing is cheaper because the cache or dedup already has it),
2. floor: libespeak-ng says every distinct utterance in ONE process (raw, no trimming or
   loudness work), then ONE MP3 encode of that audio plus the plan's pauses with the
   render's own encoder and settings (``stitch.encode_mp3``: LAME in-process, same bitrate
   and quality) -> audio-seconds per wall-second,
3. `ficaudio render` cold (empty cache, empty output folder),
4. `ficaudio render` again (nothing changed: a no-op),
5. peak RSS of the whole process tree (parent and workers; summed, sampled at 20 Hz), and
   of the parent alone,
6. `ficaudio --help` wall time (best of 5).

Targets (issue "speed"): cold >= 0.8 x floor x cores; no-op <= 5% of cold; peak RSS <= 200 MB
and flat as the book grows (run with --words 20000 and 100000); --help <= 0.3 s.
Linux only (reads /proc for the tree's RSS). Not a test: it takes minutes at 100,000 words.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"  # replaced by a snapshot in report(): edits made meanwhile do not count
SAMPLE = ROOT / "input" / "the-tide-ledger.txt"
VOICES = ROOT / "voices.yaml"
WORD = re.compile(r"\b[a-z]{3,}\b")  # lower-case words: names, headings and short words stay


# ------------------------------------------------------------------------- the story
def reworded(chapter: str, copy: int, vocabulary: list[str]) -> str:
    """``chapter`` with its lower-case words swapped by a seeded permutation (copy 0: as is).

    Every copy says different sentences of the same shape (quotes, tags, paragraphs).
    """
    if copy == 0:
        return chapter
    shuffled = vocabulary[:]
    random.Random(copy).shuffle(shuffled)
    mapping = dict(zip(vocabulary, shuffled))
    heading, _, body = chapter.partition("\n")
    return heading + "\n" + WORD.sub(lambda m: mapping[m.group(0)], body)


def long_story(words: int) -> str:
    """The sample's chapters repeated (reworded, renumbered) until ``words`` words of chapter text."""
    text = SAMPLE.read_text("utf-8")
    head, _, rest = text.partition("Chapter 1:")
    chapters = re.split(r"\n(?=Chapter \d+:)", "Chapter 1:" + rest)
    vocabulary = sorted(set(WORD.findall("".join(chapters))))
    body, count, number = [], 0, 0
    while count < words:
        for chapter in chapters:
            renumbered = re.sub(r"^Chapter \d+:", f"Chapter {number + 1}:", chapter.strip())
            body.append(reworded(renumbered, number // len(chapters), vocabulary))
            number += 1
            count += len(renumbered.split())
            if count >= words:
                break
    return head + "\n\n".join(body) + "\n"


# ------------------------------------------------------------------------- the floor
FLOOR_CODE = """
import json, sys, tempfile, time, subprocess
from pathlib import Path
from ficaudio import speech
from ficaudio.config import load_config
from ficaudio.engines import load_engine
from ficaudio.models import Pause
from ficaudio.pipeline import build_script
from ficaudio.stitch import encode_mp3, encoder_identity
story, voices, dest = sys.argv[1:4]
config = load_config(voices)
plan = speech.plan(build_script(story, config), config)
texts = list(dict.fromkeys(speech.utterances(plan)))
pause_ms = sum(i.duration_ms for c in plan.chapters for i in c.items if isinstance(i, Pause))
engine = load_engine("espeak")
rate = engine.sample_rate_hz
samples = 0
with tempfile.TemporaryFile() as pcm:
    t0 = time.perf_counter()
    for utt in texts:
        data = engine.synthesize_raw(utt.text, utt.voice)
        samples += len(data) // 2
        pcm.write(data)
    synth = time.perf_counter() - t0
    pause_samples = round(pause_ms * rate / 1000)
    pcm.write(bytes(2 * pause_samples))
    samples += pause_samples
    pcm.seek(0)
    t0 = time.perf_counter()
    encoded = encode_mp3(iter(lambda: pcm.read(1 << 20), b""), Path(dest), sample_rate_hz=rate, bitrate_kbps=config.bitrate_kbps)
    encode = time.perf_counter() - t0
    assert encoded == samples
print(json.dumps({"audio_s": samples / rate, "synth_s": synth, "encode_s": encode, "utterances": len(texts), "encoder": encoder_identity()}))
"""


def floor(story: Path, scratch: Path) -> dict:
    """Engine + encoder speed in one process (see the module docstring)."""
    cmd = [sys.executable, "-c", FLOOR_CODE, str(story), str(VOICES), str(scratch / "floor.mp3")]
    with CpuMeter() as cpu:
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=_env()).stdout
    return {**json.loads(out.splitlines()[-1]), "cpu": cpu}


class CpuMeter:
    """CPU seconds used by the child processes run inside the ``with`` (and their own reaped
    children), and by every other process on the machine meanwhile (from /proc/stat).

    On a shared machine the second number says how much of the cores the run did not get.
    """

    def __enter__(self) -> CpuMeter:
        self.ours_s = self.others_s = 0.0
        self._ours, self._machine, self._wall = _children_cpu_s(), _machine_busy_s(), time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.wall_s = time.perf_counter() - self._wall
        self.ours_s = _children_cpu_s() - self._ours
        self.others_s = max(0.0, _machine_busy_s() - self._machine - self.ours_s)

    def others_share(self) -> float:
        """Share of the machine's CPU time (wall x cores) that went to other processes."""
        return self.others_s / (self.wall_s * (os.cpu_count() or 1))


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _machine_busy_s() -> float:
    """CPU seconds all processes used since boot (every /proc/stat column but idle and iowait)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------------ RSS sampling
class TreeRss:
    """Samples the summed RSS and PSS of a process and its descendants from /proc.

    RSS counts pages shared between the processes (libpython, libc, the ffmpeg binary)
    once per process, so its sum overstates; PSS splits each shared page between its
    users, so its sum is the tree's real footprint. Both are reported.
    """

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_bytes, self.peak_pss_bytes, self._stop = pid, 0, 0, threading.Event()
        self.parent_peak_bytes = 0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.wait(0.05):
            pids = _tree(self.pid)
            self.peak_bytes = max(self.peak_bytes, sum(_rss_pages(p) for p in pids) * page)
            self.parent_peak_bytes = max(self.parent_peak_bytes, _rss_pages(self.pid) * page)
            self.peak_pss_bytes = max(self.peak_pss_bytes, sum(_pss_bytes(p) for p in pids))

    def stop(self) -> tuple[int, int, int]:
        self._stop.set()
        self.thread.join()
        return self.peak_bytes, self.peak_pss_bytes, self.parent_peak_bytes


def _pss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


# ------------------------------------------------------------------------ the renders
def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SOURCE), **extra}


def snapshot_source(scratch: Path) -> Path:
    """A copy of ficaudio's source to run: on a shared tree, a file edited during the bench
    would change the package stamp and turn the no-op render into a full one."""
    copy = scratch / "src"
    shutil.copytree(ROOT / "src" / "ficaudio", copy / "ficaudio", ignore=shutil.ignore_patterns("__pycache__"))
    # Byte-compiled as pip does at install: with PYTHONDONTWRITEBYTECODE set (as in some
    # sandboxes) every process would otherwise compile ficaudio from source again.
    compileall.compile_dir(copy, quiet=1)
    return copy


def _ficaudio() -> list[str]:
    """The installed console script when there is one (what users run), else ``-m``."""
    script = Path(sys.executable).parent / "ficaudio"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ficaudio.cli"]


def timed_render(story: Path, out: Path, cache: Path, jobs: int) -> tuple[float, tuple[int, int, int], float, CpuMeter]:
    """(wall seconds, peak (tree RSS, tree PSS, parent RSS) bytes, book seconds, CPU) of one ``ficaudio render``."""
    cmd = [*_ficaudio(), "render", str(story), "--out", str(out), "--jobs", str(jobs), "--voices", str(VOICES), "--quiet"]
    with CpuMeter() as cpu:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=_env(FICAUDIO_CACHE_DIR=str(cache)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        rss = TreeRss(proc.pid)
        _, stderr = proc.communicate()
        elapsed = time.perf_counter() - start
        peak = rss.stop()
    if proc.returncode:
        sys.exit(f"render failed ({proc.returncode}):\n{stderr}")
    book = json.loads(next(out.glob("*/book.json")).read_text("utf-8"))
    return elapsed, peak, book["book"]["duration_ms"] / 1000, cpu


def help_seconds() -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*_ficaudio(), "--help"], capture_output=True, check=True, env=_env())
        best = min(best, time.perf_counter() - start)
    return best


def report(words: int, jobs: int, scratch: Path) -> None:
    global SOURCE
    SOURCE = snapshot_source(scratch)
    story = scratch / "long-story.txt"
    story.write_text(long_story(words), "utf-8")
    print(f"story: {len(story.read_text('utf-8').split()):,} words, jobs={jobs}, cores={os.cpu_count()}, "
          f"load average {_load()}")
    f = floor(story, scratch)
    floor_x = f["audio_s"] / (f["synth_s"] + f["encode_s"])
    print(f"floor (1 process): {f['audio_s'] / 3600:.2f} h audio, {f['utterances']} utterances; "
          f"espeak {f['synth_s']:.1f} s, encode {f['encode_s']:.1f} s ({f['encoder']}) -> {floor_x:.0f}x real time; "
          f"{f['cpu'].ours_s:.1f} CPU s, other processes took {f['cpu'].others_share():.0%} of the machine")
    cold_s, (cold_rss, cold_pss, cold_parent), book_s, cold_cpu = timed_render(story, scratch / "out", scratch / "cache", jobs)
    print(f"cold render:  {cold_s:.1f} s for {book_s / 3600:.2f} h -> {book_s / cold_s:.0f}x real time, "
          f"peak tree RSS {cold_rss / 1e6:.0f} MB (PSS {cold_pss / 1e6:.0f} MB; parent alone {cold_parent / 1e6:.0f} MB); "
          f"{cold_cpu.ours_s:.1f} CPU s, other processes took {cold_cpu.others_share():.0%} of the machine")
    noop_s, (noop_rss, noop_pss, _), _, _ = timed_render(story, scratch / "out", scratch / "cache", jobs)
    print(f"no-op render: {noop_s:.2f} s, peak tree RSS {noop_rss / 1e6:.0f} MB (PSS {noop_pss / 1e6:.0f} MB)")
    print()
    print(f"cold / (floor x jobs):  {book_s / cold_s / (floor_x * jobs):.2f}   (target >= 0.80)")
    print(f"CPU: render / floor:    {cold_cpu.ours_s / f['cpu'].ours_s:.2f}   (work the render adds to the floor's: "
          f"clip cache, trimming, loudness, tags, parsing and attribution, the join)")
    print(f"no-op / cold:           {noop_s / cold_s:.3f}  (target <= 0.05)")
    print(f"peak memory, whole tree: RSS sum {max(cold_rss, noop_rss) / 1e6:.0f} MB, PSS sum {max(cold_pss, noop_pss) / 1e6:.0f} MB (target <= 200 MB)")
    print(f"ficaudio --help:        {help_seconds():.3f} s (target <= 0.3 s; best of 5)")
    print(f"load average at the end: {_load()}")


def _load() -> str:
    """The 1, 5 and 15 minute load averages: on a shared machine they say how noisy the timings are."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    args = parser.parse_args()
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        args.keep.mkdir(parents=True)
        report(args.words, args.jobs, args.keep)
        return
    with tempfile.TemporaryDirectory(prefix="ficaudio-bench-") as tmp:
        report(args.words, args.jobs, Path(tmp))


if __name__ == "__main__":
    main()
