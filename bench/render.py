"""Render throughput against the engine's own floor, measured side by side in one run.

    python bench/render.py [--words 100000] [--jobs N]

1. builds a long story (deterministic: the sample story's chapters repeated, renumbered),
2. floor: libespeak-ng says the same utterances in ONE process, then ONE ffmpeg encode of
   that audio with the same settings -> audio-seconds per wall-second,
3. `ficaudio render` cold (empty cache, empty output folder),
4. `ficaudio render` again (nothing changed: a no-op),
5. peak RSS (largest single process, and the whole process tree sampled at 20 Hz),
6. `ficaudio --help` wall time.

Targets (issue "speed"): cold >= 0.8 x floor x cores; no-op <= 5% of cold; peak RSS <= 200 MB;
--help <= 0.3 s. Linux only (reads /proc for the tree's RSS).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "input" / "the-tide-ledger.txt"
FICAUDIO = [sys.executable, "-m", "ficaudio.cli"]


def long_story(words: int) -> str:
    """The sample's chapters repeated until ``words`` words of chapter text, renumbered."""
    text = SAMPLE.read_text("utf-8")
    head, _, rest = text.partition("Chapter 1:")
    chapters = re.split(r"\n(?=Chapter \d+:)", "Chapter 1:" + rest)
    body, count, number = [], 0, 0
    while count < words:
        for chapter in chapters:
            number += 1
            renumbered = re.sub(r"^Chapter \d+:", f"Chapter {number}:", chapter.strip())
            body.append(renumbered)
            count += len(renumbered.split())
            if count >= words:
                break
    return head + "\n\n".join(body) + "\n"


def floor(story: Path, jobs_note: int) -> tuple[float, float, float]:
    """(audio seconds, synth seconds, encode seconds) for espeak + one ffmpeg encode, one process."""
    code = f"""
import sys, time, tempfile, subprocess
sys.path.insert(0, {str(ROOT / 'src')!r})
from ficaudio.config import load_config
from ficaudio.pipeline import build_script
from ficaudio import speech
from ficaudio.engines import load_engine
from ficaudio.stitch import ffmpeg_exe
config = load_config({str(ROOT / 'voices.yaml')!r})
plan = speech.plan(build_script({str(story)!r}, config), config) if speech.plan.__code__.co_varnames[1] == 'config' else speech.plan(build_script({str(story)!r}, config), config.pauses)
texts = [(u.text, u.voice) for u in dict.fromkeys(speech.utterances(plan))]
engine = load_engine('espeak')
raw = getattr(engine, 'synthesize_raw', engine.synthesize)
samples = 0
with tempfile.TemporaryFile() as pcm:
    t0 = time.perf_counter()
    for text, voice in texts:
        data = raw(text, voice)
        samples += len(data) // 2
        pcm.write(data)
    synth = time.perf_counter() - t0
    pcm.seek(0)
    t0 = time.perf_counter()
    subprocess.run([ffmpeg_exe(), '-v', 'error', '-f', 's16le', '-ar', str(engine.sample_rate_hz), '-ac', '1', '-i', 'pipe:0',
                    '-c:a', 'libmp3lame', '-b:a', f'{{config.bitrate_kbps}}k', '-f', 'mp3', '-y', '/dev/null'], stdin=pcm, check=True)
    encode = time.perf_counter() - t0
print(samples / engine.sample_rate_hz, synth, encode)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


class TreeRss:
    """Samples the summed RSS of a process and its descendants from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_bytes, self._stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.wait(0.05):
            total = sum(_rss_pages(p) for p in _tree(self.pid)) * page
            self.peak_bytes = max(self.peak_bytes, total)

    def stop(self) -> int:
        self._stop.set()
        self.thread.join()
        return self.peak_bytes


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


def timed_render(story: Path, out: Path, cache: Path, jobs: int) -> tuple[float, int, str]:
    env = {**os.environ, "FICAUDIO_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT / "src")}
    cmd = [*FICAUDIO, "render", str(story), "--out", str(out), "--jobs", str(jobs), "--voices", str(ROOT / "voices.yaml"), "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rss = TreeRss(proc.pid)
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    peak = rss.stop()
    if proc.returncode:
        sys.exit(f"render failed ({proc.returncode}):\n{stderr}")
    return elapsed, peak, stdout.strip()


def help_seconds() -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*FICAUDIO, "--help"], capture_output=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ficaudio-bench-") as tmp:
        tmp_path = Path(tmp)
        story = tmp_path / "long-story.txt"
        story.write_text(long_story(args.words), "utf-8")
        print(f"story: {len(story.read_text('utf-8').split()):,} words, jobs={args.jobs}, cores={os.cpu_count()}")
        audio_s, synth_s, encode_s = floor(story, args.jobs)
        floor_x = audio_s / (synth_s + encode_s)
        print(f"floor (1 process): {audio_s / 3600:.2f} h audio; espeak {synth_s:.1f} s ({audio_s / synth_s:.0f}x), "
              f"ffmpeg {encode_s:.1f} s ({audio_s / encode_s:.0f}x) -> {floor_x:.0f}x real time")
        cold_s, cold_rss, line = timed_render(story, tmp_path / "out", tmp_path / "cache", args.jobs)
        print(f"cold render: {cold_s:.1f} s -> {audio_s / cold_s:.0f}x real time, peak RSS (tree) {cold_rss / 1e6:.0f} MB  [{line}]")
        noop_s, noop_rss, _ = timed_render(story, tmp_path / "out", tmp_path / "cache", args.jobs)
        print(f"no-op render: {noop_s:.1f} s, peak RSS (tree) {noop_rss / 1e6:.0f} MB")
        target = 0.8 * floor_x * args.jobs
        print()
        print(f"cold / (floor x jobs):  {audio_s / cold_s / (floor_x * args.jobs):.2f}   (target >= 0.80; cold {audio_s / cold_s:.0f}x vs {target:.0f}x)")
        print(f"no-op / cold:           {noop_s / cold_s:.3f}  (target <= 0.05)")
        print(f"peak RSS, whole tree:   {max(cold_rss, noop_rss) / 1e6:.0f} MB (target <= 200 MB)")
        print(f"ficaudio --help:        {help_seconds():.3f} s (target <= 0.3 s; best of 5)")


if __name__ == "__main__":
    main()
