"""Ctrl-C and kill -9 at random moments, then a rerun: the same bytes as a run never
interrupted, no half-written file under a final name at any point, no temp files left.

The real CLI runs in a subprocess (its own session, so a signal to the group is what a
terminal's Ctrl-C does). Moments are drawn from a seeded generator: bounded and repeatable.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from ficaudio.stitch import join_book

SILENT_VOICES = (
    "engine: silent\nnarrator: {voice: silent-low}\n"
    "pools:\n  female: [silent-high]\n  male: [silent-mid]\n  unknown: [silent-mid]\n"
)
PARAGRAPH = 'Mira lifted the lantern and looked along the wall. "Does it work?" she asked. "Only one way to find out," said Tomas.\n\n'
STORY = "".join(f"Chapter {n}: part {n}\n\n" + PARAGRAPH * 6 for n in range(1, 4))
FOLDER = "story"
VARIABLE = {"book.json", "feed.xml"}  # carry the creation time; compared without it below


@pytest.fixture
def inputs(tmp_path):
    story, voices = tmp_path / f"{FOLDER}.txt", tmp_path / "voices.yaml"
    story.write_text(STORY, encoding="utf-8")
    voices.write_text(SILENT_VOICES, encoding="utf-8")
    return story, voices


def command(story: Path, voices: Path, out: Path, jobs: int = 2) -> list[str]:
    return [sys.executable, "-m", "ficaudio.cli", "render", str(story), "--voices", str(voices), "--out", str(out), "--quiet", "--jobs", str(jobs)]


def environment(cache: Path) -> dict[str, str]:
    return {**os.environ, "FICAUDIO_CACHE_DIR": str(cache)}


def run(story, voices, out, cache, jobs=2) -> subprocess.CompletedProcess:
    result = subprocess.run(command(story, voices, out, jobs), env=environment(cache), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every visible output file's bytes; book.json without its creation time."""
    files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.name not in VARIABLE}
    book = json.loads((folder / "book.json").read_text("utf-8"))
    book.pop("created")
    files["book.json"] = json.dumps(book, sort_keys=True).encode()
    return files


def assert_no_half_written_mp3(out: Path, scratch: Path) -> None:
    """Every MP3 under a final name is whole: its frames and Info header agree."""
    for mp3 in out.rglob("*.mp3"):
        if not mp3.name.startswith("."):
            join_book([mp3], scratch / "check.mp3")  # raises OutputError on a truncated file


def assert_no_leftovers(out: Path, cache: Path, *, killed: bool = False) -> None:
    """No temp file in the book folder. In the clip cache, a clip whose writer was killed -9
    mid-write stays as a ``.tmp-*`` file (nothing can clean up after SIGKILL): it is never read
    as a clip, and a later run sweeps it once it is an hour old (another render may share the
    cache and still be writing it)."""
    assert not list(out.rglob("*.part"))
    if not killed:
        assert not list(cache.rglob(".tmp-*"))


def start(story, voices, out, cache) -> subprocess.Popen:
    return subprocess.Popen(command(story, voices, out), env=environment(cache), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)  # fmt: skip


def wait_until_rendering(proc: subprocess.Popen, out: Path, started: float, limit_s: float = 30.0) -> None:
    """Until this run has written its script (it holds the book folder then) or has ended: a
    Ctrl-C sent earlier could land before Python has even set up its signal handling on a
    loaded machine, which tests nothing of ficaudio's."""
    script = out / FOLDER / "script.jsonl"
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and proc.poll() is None:
        if script.exists() and script.stat().st_mtime >= started:
            return
        time.sleep(0.01)


def test_kill_9_at_random_moments_then_rerun_gives_the_same_book(tmp_path, inputs):
    story, voices = inputs
    run(story, voices, tmp_path / "reference", tmp_path / "cache-ref")
    reference = snapshot(tmp_path / "reference" / FOLDER)
    out, cache, moments = tmp_path / "out", tmp_path / "cache", random.Random(20261121)
    for _ in range(4):
        proc = start(story, voices, out, cache)
        time.sleep(moments.uniform(0.2, 1.6))
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group, as an OOM killer or a power cut would
        proc.communicate()
        assert_no_half_written_mp3(out, tmp_path)
    run(story, voices, out, cache)
    assert snapshot(out / FOLDER) == reference
    assert_no_leftovers(out, cache, killed=True)


def test_ctrl_c_exits_130_cleanly_and_a_rerun_finishes(tmp_path, inputs):
    story, voices = inputs
    # Distinct sentences (no clip shared), so each run renders for a while after it starts.
    story.write_text(
        "".join(f"Chapter {c}: part {c}\n\n" + "".join(f"Line {c} {p}: {PARAGRAPH}" for p in range(12)) for c in range(1, 5)),
        encoding="utf-8",
    )
    run(story, voices, tmp_path / "reference", tmp_path / "cache-ref")
    reference = snapshot(tmp_path / "reference" / FOLDER)
    out, cache, moments = tmp_path / "out", tmp_path / "cache", random.Random(7)
    codes = []
    for _ in range(3):
        started = time.time()
        proc = start(story, voices, out, cache)
        wait_until_rendering(proc, out, started)
        time.sleep(moments.uniform(0.0, 0.4))
        try:
            os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends
        except ProcessLookupError:
            pass  # it had finished already (rc 0 below)
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode in (130, 0), stderr  # 0: it had finished already
        codes.append(proc.returncode)
        if proc.returncode == 130:
            assert "interrupted" in stderr and "Traceback" not in stderr
        assert_no_half_written_mp3(out, tmp_path)
        assert not list(out.rglob("*.part"))  # Ctrl-C cleans up after itself at once
    assert 130 in codes  # at least one run was really interrupted
    run(story, voices, out, cache)
    assert snapshot(out / FOLDER) == reference
    assert_no_leftovers(out, cache)


def test_kill_9_with_espeak_then_rerun_gives_the_same_book(tmp_path):
    story, voices = tmp_path / f"{FOLDER}.txt", tmp_path / "voices.yaml"
    story.write_text("Chapter 1: one\n\n" + PARAGRAPH * 3 + "Chapter 2: two\n\n" + PARAGRAPH * 3, encoding="utf-8")
    voices.write_text("engine: espeak\n", encoding="utf-8")
    run(story, voices, tmp_path / "reference", tmp_path / "cache-ref")
    out, cache = tmp_path / "out", tmp_path / "cache"
    proc = start(story, voices, out, cache)
    time.sleep(0.9)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert_no_half_written_mp3(out, tmp_path)
    run(story, voices, out, cache)
    assert snapshot(out / FOLDER) == snapshot(tmp_path / "reference" / FOLDER)
    assert_no_leftovers(out, cache, killed=True)


def test_a_second_render_into_a_folder_being_written_is_refused(tmp_path, inputs):
    story, voices = inputs
    folder = tmp_path / "out" / FOLDER
    folder.mkdir(parents=True)
    with FileLock(str(folder / ".ficaudio.lock")):  # another render holds the folder
        result = subprocess.run(command(story, voices, tmp_path / "out"), env=environment(tmp_path / "cache"), capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == (f"error: another ficaudio render is writing {folder}\n"
                             "  hint: wait for it to finish, or render into another --out folder\n")  # fmt: skip
    assert not list(folder.glob("*.mp3"))


def test_two_renders_at_once_never_corrupt_the_book(tmp_path, inputs):
    story, voices = inputs
    run(story, voices, tmp_path / "reference", tmp_path / "cache-ref")
    out, cache = tmp_path / "out", tmp_path / "cache"
    first, second = start(story, voices, out, cache), start(story, voices, out, cache)
    stderrs = [p.communicate(timeout=120)[1] for p in (first, second)]
    results = [(p.returncode, err) for p, err in zip((first, second), stderrs)]
    assert sorted(code for code, _ in results) in ([0, 0], [0, 1])
    for code, stderr in results:
        if code == 1:
            assert stderr.startswith(f"error: another ficaudio render is writing {out / FOLDER}")
    assert snapshot(out / FOLDER) == snapshot(tmp_path / "reference" / FOLDER)
