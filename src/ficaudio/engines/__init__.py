"""Speech engines: a small Protocol and a registry of named engines.

>>> "silent" in engine_names()
True

Each engine turns one utterance into a complete clip of s16le mono PCM at its
``sample_rate_hz``. Engines are cheap to build: native libraries initialise on first use,
so a parent process can read ``name``/``version``/``sample_rate_hz`` for cache keys.
"""

from __future__ import annotations

import difflib
import importlib
import sys
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ficaudio.errors import EngineError
from ficaudio.models import Voice


@dataclass(frozen=True)
class VoiceInfo:
    """One voice an engine offers."""

    id: str
    """What goes into ``Voice.id`` (e.g. "en-us", "en+f4")."""
    name: str
    """Human name ("English (America)", "Annie")."""
    language: str
    """Language code ("en-us"); "" when the engine does not say."""
    gender: str | None = None
    """"male", "female" or None when unknown."""
    engine_name: str = ""
    """The engine's own identifier ("gmw/en-US", "!v/m7", a SAPI token)."""
    variant: str | None = None
    """espeak variant file name ("m7") for variant entries, None for base voices."""


@runtime_checkable
class Engine(Protocol):
    name: str  # registry name: "espeak", "pyttsx3", "silent"
    version: str  # goes into cache keys: a change of library or processing re-renders
    sample_rate_hz: int

    def voices(self) -> list[VoiceInfo]: ...

    def check_voice(self, voice_id: str) -> None: ...

    def synthesize(self, text: str, voice: Voice) -> bytes: ...


_REGISTRY = {
    "espeak": ("ficaudio.engines.espeak", "EspeakEngine"),
    "pyttsx3": ("ficaudio.engines.pyttsx3_engine", "Pyttsx3Engine"),
    "silent": ("ficaudio.engines.silent", "SilentEngine"),
}

_loaded: dict[str, Engine] = {}


def engine_names() -> list[str]:
    """Names :func:`load_engine` accepts, besides "default"."""
    return sorted(_REGISTRY)


def default_engine_name(platform: str = sys.platform) -> str:
    """espeak on Linux (fast, direct); pyttsx3 (SAPI5 / NSSS) elsewhere.

    >>> default_engine_name("linux"), default_engine_name("darwin")
    ('espeak', 'pyttsx3')
    """
    return "espeak" if platform.startswith("linux") else "pyttsx3"


def resolve_engine_name(name: str) -> str:
    """Registry name for ``name``; EngineError naming close matches when unknown.

    >>> resolve_engine_name("default") in engine_names()
    True
    """
    resolved = default_engine_name() if name == "default" else name
    if resolved not in _REGISTRY:
        matches = difflib.get_close_matches(name, engine_names(), n=2)
        hint = f"did you mean {', '.join(matches)}?" if matches else f"known engines: {', '.join(engine_names())}"
        raise EngineError(f"unknown speech engine {name!r}", hint=hint)
    return resolved


def load_engine(name: str = "default") -> Engine:
    """The engine called ``name``, one instance per process (native engines init once)."""
    resolved = resolve_engine_name(name)
    if resolved not in _loaded:
        module_name, class_name = _REGISTRY[resolved]
        engine_class = getattr(importlib.import_module(module_name), class_name)
        _loaded[resolved] = engine_class()
    return _loaded[resolved]
