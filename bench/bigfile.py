"""Memory while ficaudio renders a very big story file, against a ten-times-smaller one, side by side.

    python bench/bigfile.py [--mb 50] [--compare-mb 5] [--render-seconds 60] [--engine espeak|silent]

For each size (the smaller first): builds a plain-text story of that many megabytes the way
bench/render.py does (the sample's chapters repeated, reworded, renumbered), starts
`ficaudio render` on it and samples the whole process tree's RSS (parent, preparing children,
workers) at 20 Hz: the peak while the story is prepared (read, segmented, attributed, cast,
planned: part by part for a big file) and while chapters render, for ``--render-seconds``
of rendering; then stops the render with Ctrl-C (SIGINT) as a user would. A full render of
50 MB (~8 million words, ~800 hours of audio) takes hours; the preparation, whose memory is
the one that would grow with the file, runs to its end.

Target (issue "reliability": a 50 MB file works, memory bounded): the big file's peaks are
close to the small file's (ratio near 1, far from the 10x of the sizes).
Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import ROOT, TreeRss, _ficaudio, _env, long_story, snapshot_source  # noqa: E402

WORDS_PER_MB = 162_000  # of the sample's text (6.17 bytes a word)


def silent_voices(folder: Path) -> Path:
    path = folder / "voices.yaml"
    path.write_text("engine: silent\nnarrator:\n  voice: silent-low\n", "utf-8")
    return path


def run(story: Path, out: Path, voices: Path, render_seconds: float) -> dict:
    """Prepare ``story`` to the end, render for ``render_seconds``, stop; the peaks of each phase."""
    cmd = [*_ficaudio(), "render", str(story), "--out", str(out), "--voices", str(voices)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(FICAUDIO_CACHE_DIR=str(out / "cache"), PYTHONUNBUFFERED="1"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, preexec_fn=_ctrl_c_allowed)  # fmt: skip
    rss = TreeRss(proc.pid)
    phase = {"prepared_at": None, "parts": 0, "chapters_done": 0, "last": ""}
    reader = threading.Thread(target=_follow, args=(proc, phase, rss), daemon=True)
    reader.start()
    while proc.poll() is None:
        time.sleep(0.2)
        if phase["prepared_at"] and time.perf_counter() - phase["prepared_at"] > render_seconds:
            proc.send_signal(signal.SIGINT)
            proc.wait()
    reader.join()
    tree, _pss, _parent = rss.stop()
    prepare_s = (phase["prepared_at"] or time.perf_counter()) - start
    return {"prepare_s": prepare_s, "prepare_peak": phase.get("prepare_peak", tree), "render_peak": tree, "parts": phase["parts"],
            "chapters": phase["chapters_done"], "code": proc.returncode, "last": phase["last"]}  # fmt: skip


def _ctrl_c_allowed() -> None:
    """In the render: Ctrl-C (SIGINT) stops it, even when this bench runs in the background
    (a shell starts background jobs with SIGINT ignored, and children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _follow(proc, phase: dict, rss: TreeRss) -> None:
    """Watch the render's log: the preparation ends when the first chapters start
    ("TITLE: N chapters, U utterances, M to synthesise")."""
    for line in proc.stdout:
        phase["last"] = line.strip() or phase["last"]
        if line.startswith("prepared part"):
            phase["parts"] += 1
        if line.rstrip().endswith("to synthesise") and phase["prepared_at"] is None:
            phase["prepared_at"] = time.perf_counter()
            phase["prepare_peak"] = rss.peak_bytes
            rss.peak_bytes = 0  # from here on: the render's own peak
        if line.lstrip().startswith("chapter "):
            phase["chapters_done"] += 1


def report(sizes: list[float], render_seconds: float, engine: str, scratch: Path) -> None:
    import render as bench_render

    bench_render.SOURCE = snapshot_source(scratch)
    voices = silent_voices(scratch) if engine == "silent" else ROOT / "voices.yaml"
    results = {}
    for mb in sizes:
        story = scratch / f"story-{mb:g}mb.txt"
        story.write_text(long_story(int(mb * WORDS_PER_MB)), "utf-8")
        size = story.stat().st_size
        result = run(story, scratch / f"out-{mb:g}", voices, render_seconds)
        results[mb] = result
        print(f"{size / 1e6:6.1f} MB ({int(mb * WORDS_PER_MB):,} words): parts {result['parts'] or 1}, prepared in {result['prepare_s']:.0f} s, "
              f"peak tree RSS preparing {result['prepare_peak'] / 2**20:.0f} MB, rendering ({render_seconds:g} s, {result['chapters']} chapters) "
              f"{result['render_peak'] / 2**20:.0f} MB; exit {result['code']}")  # fmt: skip
        story.unlink()
    small, big = results[sizes[0]], results[sizes[-1]]
    print(f"ratio {sizes[-1]:g} MB / {sizes[0]:g} MB: preparing {big['prepare_peak'] / small['prepare_peak']:.2f}, "
          f"rendering {big['render_peak'] / small['render_peak']:.2f} (sizes {sizes[-1] / sizes[0]:g}x)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--compare-mb", type=float, default=5)
    parser.add_argument("--render-seconds", type=float, default=60)
    parser.add_argument("--engine", choices=("espeak", "silent"), default="espeak")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report([args.compare_mb, args.mb], args.render_seconds, args.engine, Path(tmp))


if __name__ == "__main__":
    main()
