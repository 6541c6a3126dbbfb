"""A deterministic engine with no native dependency, for tests and dry runs.

Each clip is a quiet square-ish tone whose length is proportional to the text and whose
frequency encodes the voice id and pitch, so a test can tell voices apart in the output:

>>> from ficaudio.models import Voice
>>> engine = SilentEngine()
>>> len(engine.synthesize("Hello", Voice("en-us"))) // 2  # 5 chars x 60 ms x 22.05
6615
>>> silent_tone_hz(Voice("silent-high")) > silent_tone_hz(Voice("silent-low"))
True
"""

from __future__ import annotations

import difflib
import math
import struct

from ficaudio.engines import VoiceInfo
from ficaudio.errors import EngineError
from ficaudio.models import Voice

SILENT_SAMPLE_RATE_HZ = 22050
MS_PER_CHAR_AT_175_WPM = 60
"""Clip length per character of text at espeak's default rate; scales with 175 / rate_wpm."""
TONE_AMPLITUDE = 1000
"""Peak of the tone at volume 1.0 (about -30 dBFS): quiet, never clipping."""

_BASES = ("en", "en-us", "en-gb", "en-gb-x-rp", "gmw/en", "gmw/en-us")
_MALE_VARIANTS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8")
_FEMALE_VARIANTS = ("f1", "f2", "f3", "f4", "f5", "belinda", "Annie")


NAMED_TONES_HZ = {"silent-low": 100, "silent-mid": 160, "silent-high": 240}
"""Ids that say what they sound like, for tests that want obviously different voices."""


def _voice_list() -> tuple[VoiceInfo, ...]:
    """The named tones, then espeak-style ids (base alone and with each variant)."""
    voices = [VoiceInfo(name, name, "en", None) for name in NAMED_TONES_HZ]
    voices += [VoiceInfo(base, base, base.rsplit("/", 1)[-1], "male") for base in _BASES]
    for base in _BASES:
        for variant in _MALE_VARIANTS + _FEMALE_VARIANTS:
            gender = "male" if variant in _MALE_VARIANTS else "female"
            voices.append(VoiceInfo(f"{base}+{variant}", variant, base.rsplit("/", 1)[-1], gender, variant=variant))
    return tuple(voices)


SILENT_VOICES = _voice_list()
_INDEX = {info.id: i for i, info in enumerate(SILENT_VOICES)}


def silent_tone_hz(voice: Voice) -> float:
    """Tone frequency for ``voice``, times 2^((pitch-50)/100) for its pitch.

    Named tones have their own base; other ids get 110 Hz + 4 Hz per voice-list index.
    Rounded to a whole number of samples per period so a clip is an exact repeat.

    >>> silent_tone_hz(Voice("silent-low")), silent_tone_hz(Voice("silent-high"))
    (100.22727272727273, 239.67391304347825)
    """
    base_hz = NAMED_TONES_HZ.get(voice.id, 110 + 4 * _INDEX[voice.id])
    nominal_hz = base_hz * 2 ** ((voice.pitch - 50) / 100)
    period_samples = round(SILENT_SAMPLE_RATE_HZ / nominal_hz)
    return SILENT_SAMPLE_RATE_HZ / period_samples


def silent_duration_ms(text: str, voice: Voice) -> int:
    """Length of the clip for ``text``: ``silent_duration_ms("Hi", Voice("en")) == 120``."""
    return round(len(text) * MS_PER_CHAR_AT_175_WPM * 175 / max(voice.rate_wpm, 1))


def _one_period(voice: Voice) -> bytes:
    period_samples = round(SILENT_SAMPLE_RATE_HZ / silent_tone_hz(voice))
    amplitude = TONE_AMPLITUDE * max(0.0, min(voice.volume, 1.0))
    values = (round(amplitude * math.sin(2 * math.pi * i / period_samples)) for i in range(period_samples))
    return struct.pack(f"<{period_samples}h", *values)


class SilentEngine:
    """Quiet tones instead of speech: instant, deterministic, no native code."""

    name = "silent"
    version = "1"
    sample_rate_hz = SILENT_SAMPLE_RATE_HZ

    def voices(self) -> list[VoiceInfo]:
        return list(SILENT_VOICES)

    def check_voice(self, voice_id: str) -> None:
        if voice_id not in _INDEX:
            matches = difflib.get_close_matches(voice_id, list(_INDEX), n=3)
            hint = f"did you mean {', '.join(map(repr, matches))}?" if matches else None
            raise EngineError(f"unknown voice {voice_id!r}", hint=hint or f"the silent engine has {', '.join(NAMED_TONES_HZ)}, en-us, en-us+m7 ...")

    def synthesize(self, text: str, voice: Voice) -> bytes:
        self.check_voice(voice.id)
        total_samples = round(silent_duration_ms(text, voice) * SILENT_SAMPLE_RATE_HZ / 1000)
        period = _one_period(voice)
        repeats = -(-total_samples * 2 // len(period))
        return (period * repeats)[: total_samples * 2]
