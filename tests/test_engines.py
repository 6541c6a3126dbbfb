"""Engines: the registry, the silent engine's contract, real espeak-ng (small), pyttsx3 in a subprocess."""

from __future__ import annotations

import json
import math
import struct
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficaudio.engines import Engine, audio, default_engine_name, engine_names, espeak_lib, load_engine
from ficaudio.engines.espeak_state import read_symbols
from ficaudio.engines.silent import SILENT_SAMPLE_RATE_HZ, SilentEngine, silent_tone_hz
from ficaudio.errors import EngineError
from ficaudio.models import Voice

SENTENCE = "Well, I suppose we should be going now, she said quietly."


def tone(freq_hz: float, amplitude: int, seconds: float, rate_hz: int = 22050) -> bytes:
    count = int(rate_hz * seconds)
    return struct.pack(f"<{count}h", *(round(amplitude * math.sin(2 * math.pi * freq_hz * i / rate_hz)) for i in range(count)))


def level_dbfs(pcm: bytes) -> float:
    return audio.to_dbfs(audio.gated_rms(pcm, 22050))


# ------------------------------------------------------------------------- registry
def test_registry_lists_the_three_engines():
    assert engine_names() == ["espeak", "pyttsx3", "silent"]


@pytest.mark.parametrize(("platform", "expected"), [("linux", "espeak"), ("darwin", "pyttsx3"), ("win32", "pyttsx3")])
def test_default_engine_per_platform(platform, expected):
    assert default_engine_name(platform) == expected


def test_unknown_engine_names_close_match():
    with pytest.raises(EngineError) as info:
        load_engine("espaek")
    assert info.value.message == "unknown speech engine 'espaek'"
    assert "espeak" in info.value.hint


def test_engines_satisfy_the_protocol():
    assert isinstance(load_engine("silent"), Engine)
    assert isinstance(load_engine("espeak"), Engine)


# ------------------------------------------------------------------------- audio helpers
def test_trim_keeps_ten_ms_around_the_sound():
    silence = bytes(2 * 22050)
    trimmed = audio.trim_silence(silence + tone(200, 8000, 0.5) + silence, 22050)
    assert abs(audio.sample_count(trimmed) - (11025 + 2 * 220)) <= 2 * 22  # sine zero-crossings at edges


def test_trim_of_silence_is_empty():
    assert audio.trim_silence(bytes(4000), 22050) == b""


@pytest.mark.parametrize(("amplitude", "volume"), [(500, 1.0), (12000, 1.0), (3000, 0.5), (3000, 0.25)])
def test_normalise_brings_any_level_to_target_scaled_by_volume(amplitude, volume):
    out = audio.normalise_loudness(tone(150, amplitude, 0.5), 22050, volume)
    expected = audio.LOUDNESS_TARGET_DBFS + 20 * math.log10(volume)
    assert level_dbfs(out) == pytest.approx(expected, abs=0.3)


def test_normalise_never_clips():
    square = struct.pack("<4h", 2000, 2000, -2000, -2000) * 2000  # crest factor 1: target would clip
    out = audio.normalise_loudness(square, 22050, 1.0, target_dbfs=0.0)
    assert audio.to_dbfs(max(abs(v) for v in memoryview(out).cast("h"))) <= audio.PEAK_CEILING_DBFS + 0.01


# ------------------------------------------------------------------------- silent engine
@pytest.mark.parametrize("voice_id", ["silent-low", "silent-mid", "en-us", "en+f4", "en-us+m7", "gmw/en-us+Annie"])
def test_silent_length_is_60_ms_per_char(voice_id):
    pcm = SilentEngine().synthesize("x" * 10, Voice(voice_id))
    assert audio.sample_count(pcm) == round(0.600 * SILENT_SAMPLE_RATE_HZ)


def test_silent_length_follows_rate():
    slow = SilentEngine().synthesize("abcd", Voice("en", rate_wpm=175))
    fast = SilentEngine().synthesize("abcd", Voice("en", rate_wpm=350))
    assert len(slow) == 2 * len(fast)


@pytest.mark.parametrize(
    ("a", "b"),
    [(Voice("silent-low"), Voice("silent-high")), (Voice("en+f4"), Voice("en+m3")), (Voice("en", pitch=20), Voice("en", pitch=80))],
)
def test_silent_voices_are_told_apart_by_pitch(a, b):
    engine = SilentEngine()
    hz_a = audio.zero_crossing_hz(engine.synthesize("hello there", a), 22050)
    hz_b = audio.zero_crossing_hz(engine.synthesize("hello there", b), 22050)
    assert hz_a == pytest.approx(silent_tone_hz(a), rel=0.03)
    assert hz_b == pytest.approx(silent_tone_hz(b), rel=0.03)
    assert abs(hz_a - hz_b) > 10


def test_silent_volume_scales_amplitude_and_is_deterministic():
    engine = SilentEngine()
    loud, quiet = engine.synthesize("hello", Voice("en")), engine.synthesize("hello", Voice("en", volume=0.5))
    assert max(memoryview(quiet).cast("h")) == pytest.approx(max(memoryview(loud).cast("h")) / 2, abs=1)
    assert engine.synthesize("hello", Voice("en")) == loud


def test_silent_refuses_unknown_voice_with_suggestion():
    with pytest.raises(EngineError) as info:
        SilentEngine().synthesize("hi", Voice("en-us+m77"))
    assert info.value.message == "unknown voice 'en-us+m77'"
    assert "en-us+m7" in info.value.hint


# ------------------------------------------------------------------------- espeak (real)
@pytest.fixture(scope="module")
def espeak():
    return load_engine("espeak")


def test_espeak_identity(espeak):
    assert espeak.sample_rate_hz == 22050
    assert espeak.version.startswith("1.")  # libespeak-ng's own version first
    assert espeak.reproducible


@pytest.mark.parametrize("voice_id", ["en-us", "en", "en-us+m7", "en+f4", "en-us+Annie", "gmw/en-US", "English (America)"])
def test_espeak_accepts_ids_and_variants(espeak, voice_id):
    espeak.check_voice(voice_id)


@pytest.mark.parametrize(
    ("voice_id", "suggestion"), [("en+zzz", None), ("xx-yy", None), ("en-us+annie", "'en-us+Annie'"), ("en+m77", "'en+m7'")]
)
def test_espeak_refuses_unknown_voice(espeak, voice_id, suggestion):
    with pytest.raises(EngineError) as info:
        espeak.synthesize("Hello.", Voice(voice_id))
    assert info.value.message == f"unknown voice {voice_id!r}"
    if suggestion:
        assert suggestion in info.value.hint


def test_espeak_voice_list_has_gendered_variants(espeak):
    by_id = {v.id: v for v in espeak.voices()}
    assert by_id["en+f4"].gender == "female" and by_id["en+m7"].gender == "male"
    assert by_id["en-us"].name == "English (America)"


def test_espeak_clip_is_complete_trimmed_and_at_target(espeak):
    pcm = espeak.synthesize(SENTENCE, Voice("en-us"))
    assert 2.5 < audio.sample_count(pcm) / 22050 < 5.0  # the whole sentence, not a fragment
    retrimmed = audio.trim_silence(pcm, 22050)  # ends already trimmed: a second pass cuts < 1 ms
    assert len(pcm) - len(retrimmed) <= 2 * 2 * 22
    assert level_dbfs(pcm) == pytest.approx(audio.LOUDNESS_TARGET_DBFS, abs=0.5)


def test_espeak_settings_never_leak_between_alternating_utterances(espeak):
    low_quiet = Voice("en-us", pitch=10, volume=0.5)
    high_loud = Voice("en+f4", pitch=90, volume=1.0)
    first = {v: espeak.synthesize(SENTENCE, v) for v in (low_quiet, high_loud)}
    for _ in range(3):
        for voice in (low_quiet, high_loud):
            assert espeak.synthesize(SENTENCE, voice) == first[voice]
    f0_low, f0_high = (audio.estimate_f0_hz(first[v], 22050) for v in (low_quiet, high_loud))
    assert f0_high > 1.5 * f0_low
    assert level_dbfs(first[low_quiet]) == pytest.approx(level_dbfs(first[high_loud]) - 6.0, abs=1.0)


def test_espeak_raw_volume_is_set_on_every_call():
    from ficaudio.engines.espeak import EspeakEngine

    raw = EspeakEngine(loudness_target_dbfs=None)
    levels = [level_dbfs(raw.synthesize(SENTENCE, Voice("en-us", volume=v))) for v in (1.0, 0.25, 1.0, 0.25)]
    assert levels[0] == pytest.approx(levels[2], abs=0.1) and levels[1] == pytest.approx(levels[3], abs=0.1)
    assert levels[0] - levels[1] == pytest.approx(12.0, abs=1.5)


def test_espeak_pitch_parameter_moves_f0(espeak):
    f0 = [audio.estimate_f0_hz(espeak.synthesize(SENTENCE, Voice("en-us", pitch=p)), 22050) for p in (10, 50, 90)]
    assert f0[0] < f0[1] < f0[2]


def test_espeak_rate_changes_length(espeak):
    slow, fast = (espeak.synthesize(SENTENCE, Voice("en-us", rate_wpm=r)) for r in (120, 300))
    assert len(slow) > 1.8 * len(fast)


@pytest.mark.parametrize("text", ["", "   "])
def test_espeak_blank_text_gives_empty_clip(espeak, text):
    assert espeak.synthesize(text, Voice("en-us")) == b""


def test_pyttsx3_refuses_to_share_a_process_with_direct_espeak(espeak):
    from ficaudio.engines.pyttsx3_engine import Pyttsx3Engine

    espeak.synthesize("Hi.", Voice("en-us"))  # espeak is initialised in this process now
    with pytest.raises(EngineError, match="cannot run in a process that already used 'espeak'"):
        Pyttsx3Engine("espeak").voices()


# ------------------------------------------------------------------------- espeak missing
def test_missing_espeak_says_what_to_install(monkeypatch):
    monkeypatch.setattr(espeak_lib.ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(espeak_lib, "_loader_paths", lambda: None)
    with pytest.raises(EngineError) as info:
        espeak_lib.prepare_library()
    assert info.value.message == "espeak-ng was not found"
    assert "pip install espeakng-loader" in info.value.hint and "espeak-ng" in info.value.hint


def test_bad_data_path_is_refused_before_espeak_can_exit(monkeypatch, tmp_path):
    monkeypatch.setattr(espeak_lib.ctypes.util, "find_library", lambda name: "libespeak-ng.so.1")
    monkeypatch.setenv("ESPEAK_DATA_PATH", str(tmp_path))
    with pytest.raises(EngineError, match="has no 'phontab' file"):
        espeak_lib.prepare_library()


def test_symbol_reader_ignores_non_elf_files(tmp_path):
    path = tmp_path / "not-a-library.dll"
    path.write_bytes(b"MZ" + bytes(100))
    assert read_symbols(path) == {}


# ------------------------------------------------------------------------- pyttsx3 (own process)
PYTTSX3_SCRIPT = textwrap.dedent(
    """
    import json
    from ficaudio.engines import load_engine, audio
    from ficaudio.errors import EngineError
    from ficaudio.models import Voice
    engine = load_engine("pyttsx3")
    out = {"rate": engine.sample_rate_hz, "clips": []}
    for voice in [Voice("en-us", pitch=10), Voice("en+f4", pitch=90, volume=0.5), Voice("en-us", pitch=10)]:
        pcm = engine.synthesize(%r, voice)
        out["clips"].append([len(pcm) // 2, audio.estimate_f0_hz(pcm, 22050), audio.to_dbfs(audio.gated_rms(pcm, 22050))])
    try:
        engine.check_voice("no-such-voice")
    except EngineError as exc:
        out["refused"] = exc.message
    print(json.dumps(out))
    """
    % SENTENCE
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="espeak driver only on Linux")
def test_pyttsx3_engine_in_its_own_process():
    run = subprocess.run([sys.executable, "-c", PYTTSX3_SCRIPT], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["rate"] == 22050
    (n1, f1, l1), (n2, f2, l2), (n3, f3, l3) = result["clips"]
    assert n1 > 2.5 * 22050 and n2 > 2.5 * 22050  # complete utterances
    assert f2 > 1.5 * f1 and f3 == pytest.approx(f1, rel=0.1)  # pitch follows each voice
    assert l1 == pytest.approx(-20.0, abs=0.5) and l2 == pytest.approx(-26.0, abs=1.0) and l3 == pytest.approx(l1, abs=0.5)
    assert result["refused"] == "unknown voice 'no-such-voice'"


def test_every_english_voice_espeak_lists_can_speak():
    """`ficaudio voices` must only offer ids that render (espeak lists "en-gb" but selects "gmw/en")."""
    from ficaudio.engines import load_engine
    from ficaudio.models import Voice

    engine = load_engine("espeak")
    listed = [v.id for v in engine.voices() if v.language.startswith("en")]
    assert "en-gb" in listed and len(listed) > 50
    assert all(engine.synthesize("Hi.", Voice(voice_id)) for voice_id in listed)


def reference_loud_bounds(pcm: bytes, threshold: int, rate_hz: int):
    """Every sample looked at: the plain definition the fast version must match."""
    loud = [i for i in range(len(pcm) // 2) if abs(int.from_bytes(pcm[2 * i : 2 * i + 2], "little", signed=True)) > threshold]
    return (loud[0], loud[-1]) if loud else None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3000), st.integers(-32768, 32767)), max_size=6), st.integers(200, 3000))
def test_loud_bounds_match_the_plain_definition(bursts, length):
    samples = [0] * length
    for position, value in bursts:
        samples[position % length] = value
    pcm = b"".join(v.to_bytes(2, "little", signed=True) for v in samples)
    assert audio._loud_bounds(pcm, audio.SILENCE_THRESHOLD, 22050) == reference_loud_bounds(pcm, audio.SILENCE_THRESHOLD, 22050)


def test_pyttsx3_makes_an_empty_utterance_again_and_refuses_one_that_stays_empty(monkeypatch):
    # pyttsx3's espeak driver now and then writes the WAV before any sample came
    from ficaudio.engines import pyttsx3_engine
    from ficaudio.engines.pyttsx3_engine import Pyttsx3Engine

    engine = Pyttsx3Engine.__new__(Pyttsx3Engine)
    clips = iter([b"", b"\x01\x00" * 10])
    monkeypatch.setattr(engine, "_synthesize_wav_once", lambda text, voice: next(clips))
    assert engine._synthesize_wav("Hello.", None) == b"\x01\x00" * 10
    calls = []
    monkeypatch.setattr(engine, "_synthesize_wav_once", lambda text, voice: calls.append(text) or b"")
    with pytest.raises(EngineError):
        engine._synthesize_wav("Hello.", None)
    assert len(calls) == pyttsx3_engine.EMPTY_RETRIES
