"""synthesize_all: dedupe, skip cached, same bytes for any jobs, errors, Ctrl-C."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficaudio.cache import ClipCache
from ficaudio.engines.silent import silent_duration_ms
from ficaudio.errors import ConfigError, EngineError, Interrupted
from ficaudio.models import Utterance, Voice
from ficaudio.render import batch_size, engine_identity, pending_utterances, synthesize_all

VOICES = [Voice("en-us"), Voice("en+f4", pitch=70), Voice("en-us+m7", rate_wpm=200, volume=0.6)]


def utterances(count: int) -> list[Utterance]:
    return [Utterance(f"Line {i}: and then, she said, it rained.", VOICES[i % len(VOICES)]) for i in range(count)]


def cache_contents(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.glob("??/*.pcm"))}


def test_engine_identity_names_engine_version_and_rate():
    identity = engine_identity("espeak")
    assert identity.startswith("espeak/1.") and identity.endswith("/22050")


def test_pending_dedupes_and_skips_cached(tmp_path):
    store = ClipCache(tmp_path)
    utts = utterances(4) + utterances(4)  # every line twice
    engine_id = engine_identity("silent")
    store.write(store.key_for(utts[0], engine_id), b"\x00\x00")
    total, pending = pending_utterances(utts, store, engine_id)
    assert total == 4 and [u for _, u in pending] == utts[1:4]


@pytest.mark.parametrize(("pending", "jobs", "expected"), [(1, 4, 1), (7, 2, 1), (80, 2, 10), (5000, 2, 64)])
def test_batch_size(pending, jobs, expected):
    assert batch_size(pending, jobs) == expected


@pytest.mark.parametrize(("engine_name", "count"), [("silent", 40), ("espeak", 24)])
def test_jobs_1_and_2_give_identical_cache_contents(tmp_path, engine_name, count):
    utts = utterances(count)
    for jobs in (1, 2):
        synthesize_all(utts, ClipCache(tmp_path / str(jobs)), engine_name=engine_name, jobs=jobs)
    one, two = cache_contents(tmp_path / "1"), cache_contents(tmp_path / "2")
    assert len(one) == count and one == two


def test_clips_are_what_the_engine_makes(tmp_path):
    utts = utterances(3)
    store = ClipCache(tmp_path)
    synthesize_all(utts, store, engine_name="silent", jobs=1)
    engine_id = engine_identity("silent")
    for utt in utts:
        assert len(store.read(store.key_for(utt, engine_id))) == 2 * round(silent_duration_ms(utt.text, utt.voice) * 22.05)


def test_second_call_synthesises_nothing(tmp_path):
    store, utts = ClipCache(tmp_path), utterances(10)
    synthesize_all(utts, store, engine_name="silent", jobs=2)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.glob("??/*.pcm")}
    progress = []
    synthesize_all(utts, store, engine_name="silent", jobs=2, on_progress=lambda done, total: progress.append((done, total)))
    assert progress == [(10, 10)]
    assert {p: p.stat().st_mtime_ns for p in tmp_path.glob("??/*.pcm")} == before


def test_progress_counts_distinct_clips_up_to_total(tmp_path):
    progress = []
    synthesize_all(utterances(12) * 2, ClipCache(tmp_path), engine_name="silent", jobs=2, on_progress=lambda d, t: progress.append((d, t)))
    assert progress[0] == (0, 12) and progress[-1] == (12, 12)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_worker_error_names_the_text_that_failed(tmp_path):
    bad = Utterance("The bad line.", Voice("klingon"))
    with pytest.raises(EngineError) as info:
        synthesize_all([*utterances(2), bad], ClipCache(tmp_path), engine_name="silent", jobs=2)
    assert info.value.message == "unknown voice 'klingon' while synthesising 'The bad line.'"


def test_ctrl_c_raises_interrupted_and_keeps_only_complete_clips(tmp_path):
    store, utts = ClipCache(tmp_path), utterances(600)
    calls = []

    def interrupt_on_first_result(done, total):
        calls.append(done)
        if len(calls) == 2:  # the first call is the before-work report
            raise KeyboardInterrupt

    with pytest.raises(Interrupted):
        synthesize_all(utts, store, engine_name="silent", jobs=2, on_progress=interrupt_on_first_result)
    engine_id = engine_identity("silent")
    sizes = {store.key_for(u, engine_id): 2 * round(silent_duration_ms(u.text, u.voice) * 22.05) for u in utts}
    written = {p.stem: p.stat().st_size for p in tmp_path.glob("??/*.pcm")}
    assert 0 < len(written) < len(utts)  # stopped early ...
    assert all(sizes[key] == size for key, size in written.items())  # ... and nothing half written
    assert not list(tmp_path.rglob(".tmp-*"))


@pytest.mark.parametrize("jobs", [0, -1])
def test_jobs_must_be_positive(tmp_path, jobs):
    with pytest.raises(ConfigError, match=f"jobs must be 1 or more, not {jobs}"):
        synthesize_all(utterances(1), ClipCache(tmp_path), engine_name="silent", jobs=jobs)


def test_unknown_engine_is_refused_before_any_work(tmp_path):
    with pytest.raises(EngineError, match="unknown speech engine 'espeek'"):
        synthesize_all(utterances(1), ClipCache(tmp_path), engine_name="espeek", jobs=1)
    assert not tmp_path.joinpath("x").exists() and cache_contents(tmp_path) == {}


# ------------------------------------------------------------------ worker start-up
WORKER_MAIN = '''
import sys
from pathlib import Path

marker = Path(sys.argv[1])
if __name__ == "__mp_main__":  # a spawned worker ran this file again
    marker.write_text("re-imported")
if __name__ == "__main__":
    from ficaudio.cache import ClipCache
    from ficaudio.models import Pause, Utterance, Voice
    from ficaudio.render import ChapterJob, render_chapters, synthesize_all

    cache = ClipCache(marker.parent / "cache")
    synthesize_all([Utterance("Hello there.", Voice("silent-low"))], cache, engine_name="silent", jobs=1)
    job = ChapterJob(1, "one", (Utterance("Hello.", Voice("silent-low")), Pause(100)), str(marker.parent / "one.mp3"), "b", None, 1)
    (done,) = render_chapters([job], engine_name="silent", cache=cache, sample_rate_hz=22050, bitrate_kbps=64, workers=1)
    print(done.sample_count)
'''


def test_workers_do_not_re_import_the_parents_main_module(tmp_path):
    """spawn re-runs the parent's __main__ in each worker: for ficaudio, the whole CLI."""
    import subprocess
    import sys

    script = tmp_path / "main.py"
    script.write_text(WORKER_MAIN, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(tmp_path / "marker")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 2205 and (tmp_path / "one.mp3").is_file()
    assert not (tmp_path / "marker").exists()


# ------------------------------------------------------------------ one call apart
def test_run_apart_returns_the_result():
    from ficaudio.files import safe_name
    from ficaudio.render import run_apart

    assert run_apart("naming", safe_name, "../../etc/passwd") == "etc-passwd"


def test_run_apart_raises_ficaudio_errors_as_they_were(tmp_path):
    from ficaudio.errors import InputError
    from ficaudio.parse import read_story
    from ficaudio.render import run_apart

    story = tmp_path / "chapter1.txt"
    story.write_bytes(b"\x89PNG\r\n\x1a\nIHDR")
    with pytest.raises(InputError) as here:
        read_story(story)
    with pytest.raises(InputError) as apart:
        run_apart("reading", read_story, story)
    assert str(apart.value) == str(here.value) and apart.value.path == here.value.path


def test_run_apart_a_crash_carries_the_childs_traceback():
    import math

    from ficaudio.render import run_apart

    with pytest.raises(RuntimeError, match="(?s)a child process failed:.*ValueError: math domain error"):
        run_apart("computing", math.sqrt, -1)


def test_run_apart_a_dead_child_is_a_clear_error():
    import os

    from ficaudio.errors import FicaudioError
    from ficaudio.render import run_apart

    with pytest.raises(FicaudioError, match=r"the process exiting died \(exit 3\)"):
        run_apart("exiting", os._exit, 3)


def test_run_apart_ctrl_c_kills_the_child_at_once(monkeypatch):
    import time

    from ficaudio import render

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "_receive", interrupted)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        render.run_apart("sleeping", time.sleep, 60)
    assert time.monotonic() - started < 20  # the child was killed, not waited for
