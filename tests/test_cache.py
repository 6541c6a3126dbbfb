"""ClipCache: keys, round-trips, atomic writes, housekeeping, default location."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficaudio import cache as cache_module
from ficaudio.cache import ClipCache, clip_key, default_cache_dir
from ficaudio.errors import OutputError
from ficaudio.models import Utterance, Voice

ENGINE_ID = "espeak/1.52.0/22050"
BASE = Utterance("Hello there.", Voice("en-us", rate_wpm=175, pitch=50, volume=1.0))


# ------------------------------------------------------------------------- keys
@pytest.mark.parametrize(
    "changed",
    [
        dataclasses.replace(BASE, text="Hello there!"),
        dataclasses.replace(BASE, text="Hello there. "),
        dataclasses.replace(BASE, voice=dataclasses.replace(BASE.voice, id="en-us+m7")),
        dataclasses.replace(BASE, voice=dataclasses.replace(BASE.voice, rate_wpm=176)),
        dataclasses.replace(BASE, voice=dataclasses.replace(BASE.voice, pitch=51)),
        dataclasses.replace(BASE, voice=dataclasses.replace(BASE.voice, volume=0.9)),
    ],
)
def test_key_changes_with_any_voice_field_or_the_text(changed):
    assert clip_key(changed, ENGINE_ID) != clip_key(BASE, ENGINE_ID)


@pytest.mark.parametrize("engine_id", ["espeak/1.52.1/22050", "espeak/1.52.0/16000", "pyttsx3/1.52.0/22050"])
def test_key_changes_with_engine_identity(engine_id):
    assert clip_key(BASE, engine_id) != clip_key(BASE, ENGINE_ID)


def test_key_is_stable_for_equal_inputs():
    twin = Utterance("Hello there.", Voice("en-us", 175, 50, 1))  # int volume == 1.0
    assert clip_key(twin, ENGINE_ID) == clip_key(BASE, ENGINE_ID)
    assert len(clip_key(BASE, ENGINE_ID)) == 64


def test_key_does_not_confuse_field_boundaries():
    a = Utterance('x", "y', Voice("en"))
    b = Utterance("x", Voice('en", "y'))
    assert clip_key(a, ENGINE_ID) != clip_key(b, ENGINE_ID)


# ------------------------------------------------------------------------- store
@settings(max_examples=30, deadline=None)
@given(pcm=st.binary(max_size=4000), text=st.text(max_size=40))
def test_write_then_read_round_trips(tmp_path_factory, pcm, text):
    store = ClipCache(tmp_path_factory.mktemp("clips"))
    key = store.key_for(Utterance(text, Voice("en")), ENGINE_ID)
    assert not store.has(key)
    store.write(key, pcm)
    assert store.has(key) and store.read(key) == pcm


def test_size_and_clear(tmp_path):
    store = ClipCache(tmp_path)
    for i in range(5):
        store.write(clip_key(Utterance(str(i), Voice("en")), ENGINE_ID), bytes(100 * (i + 1)))
    assert store.size_bytes() == 1500
    store.clear()
    assert store.size_bytes() == 0 and tmp_path.is_dir()


@pytest.mark.parametrize("cleared_by", ["this store", "another store"])
def test_writes_go_on_after_the_cache_is_cleared(tmp_path, cleared_by):
    store, key = ClipCache(tmp_path), clip_key(BASE, ENGINE_ID)
    store.write(key, b"\x01\x00")
    (store if cleared_by == "this store" else ClipCache(tmp_path)).clear()
    assert not store.path(key).parent.exists()
    store.write(key, b"\x02\x00")  # the shard folder it made before is gone: made again
    assert store.read(key) == b"\x02\x00"


def test_empty_or_missing_root_is_fine(tmp_path):
    store = ClipCache(tmp_path / "not-yet")
    assert store.size_bytes() == 0 and not store.has("ab" * 32)
    store.clear()


def test_interrupted_write_leaves_no_clip_and_no_temp(tmp_path, monkeypatch):
    store = ClipCache(tmp_path)
    key = clip_key(BASE, ENGINE_ID)

    def crash(src, dst):
        raise KeyboardInterrupt  # arrives between the write and the rename

    monkeypatch.setattr(cache_module.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        store.write(key, b"\x01\x02" * 1000)
    assert not store.has(key)
    assert list(tmp_path.rglob("*")) == [store.path(key).parent]


def test_os_error_becomes_output_error(tmp_path):
    (tmp_path / "root").write_text("a file where the cache should be")
    store = ClipCache(tmp_path / "root")
    with pytest.raises(OutputError, match="cannot write to the clip cache"):
        store.write(clip_key(BASE, ENGINE_ID), b"\x00\x00")


KILL_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from ficaudio import cache
    store = cache.ClipCache(sys.argv[1])
    store.write("aa" + "0" * 62, b"\\x01\\x00" * 5000)     # a complete clip
    def die(src, dst):
        os.kill(os.getpid(), signal.SIGKILL)          # kill -9 between write and rename
    cache.os.replace = die
    store.write("bb" + "0" * 62, b"\\x02\\x00" * 5000)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_9_mid_write_never_leaves_a_truncated_clip(tmp_path):
    run = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(tmp_path)], capture_output=True, timeout=30)
    assert run.returncode == -9
    store = ClipCache(tmp_path)
    assert store.read("aa" + "0" * 62) == b"\x01\x00" * 5000
    assert not store.has("bb" + "0" * 62)
    leftovers = list((tmp_path / "bb").iterdir())
    assert [p.name.startswith(cache_module.TEMP_PREFIX) for p in leftovers] == [True]
    assert store.size_bytes() == 10000  # the stray temp file is not a clip
    store.clear()
    assert not (tmp_path / "bb").exists()


# ------------------------------------------------------------------------- location
@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"HOME": "/home/a"}, "/home/a/.cache/ficaudio"),
        ("linux", {"HOME": "/home/a", "XDG_CACHE_HOME": "/xdg"}, "/xdg/ficaudio"),
        ("darwin", {"HOME": "/Users/a"}, "/Users/a/Library/Caches/ficaudio"),
        ("win32", {"HOME": "C:/Users/a", "LOCALAPPDATA": "C:/Users/a/AppData/Local"}, "C:/Users/a/AppData/Local/ficaudio/Cache"),
        ("linux", {"HOME": "/home/a", "FICAUDIO_CACHE_DIR": "/big/disk"}, "/big/disk"),
        ("darwin", {"HOME": "/Users/a", "FICAUDIO_CACHE_DIR": "/big/disk"}, "/big/disk"),
    ],
)
def test_default_cache_dir(platform, env, expected):
    assert default_cache_dir(platform, env) == Path(expected)


def test_default_cache_dir_reads_the_real_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FICAUDIO_CACHE_DIR", str(tmp_path))
    assert default_cache_dir() == tmp_path
    assert os.environ["FICAUDIO_CACHE_DIR"] == str(tmp_path)


def test_trim_removes_least_recently_used_clips_first(tmp_path):
    import os

    cache = ClipCache(tmp_path)
    for number, key in enumerate(("aa01", "bb02", "cc03")):
        path = cache.write(key, bytes(100))
        os.utime(path, (1_000 + number, 1_000 + number))  # aa01 oldest
    cache.read("aa01")  # reading marks it used: now the newest
    assert cache.trim(200) == 1 and not cache.has("bb02") and cache.has("aa01") and cache.has("cc03")
    assert cache.trim(0) == 2 and cache.size_bytes() == 0


def test_a_clip_trimmed_meanwhile_reads_as_missing(tmp_path):
    cache = ClipCache(tmp_path)
    cache.write("aa01", bytes(10))
    cache.trim(0)
    with pytest.raises(FileNotFoundError):
        cache.read("aa01")


def test_the_cap_comes_from_the_environment():
    from ficaudio.cache import max_cache_bytes
    from ficaudio.errors import OutputError

    assert max_cache_bytes({"FICAUDIO_CACHE_MAX_GB": "2"}) == 2_000_000_000
    with pytest.raises(OutputError, match="not a number of gigabytes"):
        max_cache_bytes({"FICAUDIO_CACHE_MAX_GB": "lots"})
