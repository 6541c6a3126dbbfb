"""Load and validate ``voices.yaml`` into typed, frozen settings.

The file is read with ruamel.yaml's round-trip loader (safe: it builds only plain maps,
lists and scalars) so that every problem can be reported at its ``file:line:col`` with a
fix, e.g. ``voices.yaml:7:5: unknown key 'vocie' in characters -> Sakura (did you mean 'voice'?)``.
Defaults live in the package's own ``data/voices.yaml``; a user's file is layered on top.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .lexicon import Lexicon, available_lexicons, build_lexicon
from .models import Character, Gender, Voice
from .textnorm import DEFAULT_READER_NAME

DEFAULT_VOICES_NAME = "voices.yaml"


@dataclass(frozen=True)
class CharacterConfig:
    """A character the user named in voices.yaml."""

    name: str
    aliases: tuple[str, ...] = ()
    gender: Gender = Gender.UNKNOWN
    voice: Voice | None = None  # None: pick from the pool for ``gender``


@dataclass(frozen=True)
class Pauses:
    """Silence between pieces of the book, in milliseconds (paragraph < scene < chapter)."""

    sentence_ms: int = 120  # between sentences of one segment
    segment_ms: int = 150  # between segments of one paragraph (quote, tag, quote)
    paragraph_ms: int = 450
    scene_break_ms: int = 1400
    heading_ms: int = 900  # after a chapter title
    chapter_ms: int = 2200  # at the end of every chapter file


@dataclass(frozen=True)
class SpeechStyle:
    """How a kind of text is read, relative to the voice that reads it (thoughts, messages)."""

    rate_factor: float = 1.0  # times the voice's words per minute
    volume_factor: float = 1.0  # times the voice's volume (the result is capped at 1)
    pitch_shift: int = 0  # added to the voice's pitch (espeak's 0..99 scale, clamped)
    voice: str | None = None  # another engine voice id; None: the reader's own voice


THOUGHT_STYLE = SpeechStyle(rate_factor=0.92, volume_factor=0.8, pitch_shift=-4)
MESSAGE_STYLE = SpeechStyle(rate_factor=0.95, pitch_shift=8)


@dataclass(frozen=True)
class Config:
    engine: str = "default"
    narrator: Voice = Voice("en-us")
    characters: tuple[CharacterConfig, ...] = ()
    pools: Mapping[Gender, tuple[Voice, ...]] = field(default_factory=dict)
    pauses: Pauses = Pauses()
    bitrate_kbps: int = 64
    source: str = "<built-in defaults>"
    lexicons: tuple[str, ...] = ()  # starter lexicons enabled by name, in order
    pronunciations: tuple[tuple[str, str], ...] = ()  # the user's word -> respelling, wins
    thoughts: SpeechStyle = THOUGHT_STYLE  # THOUGHT segments, applied to the thinker's voice
    messages: SpeechStyle = MESSAGE_STYLE  # texts and letters set apart in the story
    reader: str = DEFAULT_READER_NAME  # who a reader-insert's Y/N is, said aloud ("you", or a name)

    def lexicon(self) -> Lexicon:
        """The enabled starter lexicons with the user's pronunciations on top."""
        return build_lexicon(self.lexicons, self.pronunciations)

    def known_characters(self) -> tuple[Character, ...]:
        """The configured characters as attribution's ``known`` roster."""
        return tuple(
            Character(c.name, c.aliases, c.gender, "configured in voices.yaml" if c.gender != Gender.UNKNOWN else "")
            for c in self.characters
        )

    def all_voices(self) -> list[Voice]:
        configured = [c.voice for c in self.characters if c.voice]
        pooled = [v for pool in self.pools.values() for v in pool]
        return [self.narrator, *configured, *pooled]


# --------------------------------------------------------------------------- loading
def load_config(path: str | Path | None = None) -> Config:
    """Built-in defaults, overlaid with ``path`` (or ./voices.yaml when it exists)."""
    defaults_text = resources.files("ficaudio").joinpath("data/voices.yaml").read_text("utf-8")
    config = _from_mapping(_load_yaml(defaults_text, "<built-in voices.yaml>"), "<built-in voices.yaml>", Config())
    chosen = Path(path) if path is not None else _default_path()
    if chosen is None:
        return config
    if not chosen.is_file():
        raise ConfigError(f"voices file not found: {chosen}", hint="pass --voices FILE or create voices.yaml")
    try:
        text = chosen.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read voices file: {exc}", path=str(chosen)) from exc
    return _from_mapping(_load_yaml(text, str(chosen)), str(chosen), replace(config, source=str(chosen)))


def _default_path() -> Path | None:
    candidate = Path.cwd() / DEFAULT_VOICES_NAME
    return candidate if candidate.is_file() else None


def _load_yaml(text: str, source: str) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        raise ConfigError(
            f"malformed YAML: {problem}",
            path=source,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="check indentation, colons and brackets on that line",
        ) from exc
    except YAMLError as exc:
        raise ConfigError(f"malformed YAML: {exc}", path=source) from exc
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ConfigError("the top level must be a mapping of settings (key: value)", path=source, line=1)
    return data


# ------------------------------------------------------------------------ validation
class _Where:
    """Where a value sits in the file, for error messages."""

    def __init__(self, source: str, trail: tuple[str, ...] = ()):
        self.source, self.trail = source, trail

    def child(self, key: str) -> _Where:
        return _Where(self.source, (*self.trail, str(key)))

    def error(self, message: str, node: Any = None, key: Any = None, hint: str | None = None) -> ConfigError:
        line, col = _position(node, key)
        where = " -> ".join(self.trail)
        text = f"{message} in {where}" if where else message
        return ConfigError(text, path=self.source, line=line, column=col, hint=hint)


def _position(node: Any, key: Any) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if key is None:
            line, col = lc.line, lc.col
        elif isinstance(key, int):
            line, col = lc.item(key)
        else:
            line, col = lc.key(key)
    except (KeyError, TypeError, IndexError, AttributeError):
        line, col = lc.line, lc.col
    return line + 1, col + 1


def _check_keys(node: Mapping, allowed: tuple[str, ...], where: _Where) -> None:
    for key in node:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
            raise where.error(f"unknown key '{key}'", node, key, hint=hint)


def _mapping(value: Any, where: _Where, parent: Any, key: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise where.error(f"'{key}' must be a mapping (key: value lines)", parent, key)
    return value


def _number(value: Any, lo: float, hi: float, where: _Where, parent: Any, key: str, kind=int):
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not ok or (kind is int and not float(value).is_integer()) or not lo <= value <= hi:
        wanted = "a whole number" if kind is int else "a number"
        raise where.error(f"'{key}' must be {wanted} from {lo:g} to {hi:g}, not {value!r}", parent, key)
    return kind(value)


def _text(value: Any, where: _Where, parent: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error(f"'{key}' must be a non-empty text, not {value!r}", parent, key)
    return value.strip()


VOICE_KEYS = ("voice", "rate", "pitch", "volume")


def _voice(node: Any, where: _Where, base: Voice, parent: Any, key: str) -> Voice:
    """A voice is either a bare id (``en+f3``) or a mapping with voice/rate/pitch/volume."""
    if isinstance(node, str):
        return replace(base, id=_text(node, where, parent, key))
    node = _mapping(node, where, parent, key)
    _check_keys(node, VOICE_KEYS, where)
    return _voice_fields(node, where, base)


def _voice_fields(node: Mapping, where: _Where, base: Voice) -> Voice:
    voice = base
    if "voice" in node:
        voice = replace(voice, id=_text(node["voice"], where, node, "voice"))
    if "rate" in node:
        voice = replace(voice, rate_wpm=_number(node["rate"], 80, 450, where, node, "rate"))
    if "pitch" in node:
        voice = replace(voice, pitch=_number(node["pitch"], 0, 99, where, node, "pitch"))
    if "volume" in node:
        voice = replace(voice, volume=_number(node["volume"], 0, 1, where, node, "volume", float))
    return voice


def _gender(value: Any, where: _Where, parent: Any, key: str) -> Gender:
    try:
        return Gender(str(value).lower())
    except ValueError:
        raise where.error(
            f"'{key}' must be one of female, male, unknown, not {value!r}", parent, key
        ) from None


CHARACTER_KEYS = ("aliases", "gender", *VOICE_KEYS)


def _character(name: str, node: Any, where: _Where, narrator: Voice, parent: Any) -> CharacterConfig:
    if isinstance(node, str):
        return CharacterConfig(name, voice=replace(narrator, id=_text(node, where, parent, name)))
    node = {} if node is None else _mapping(node, where, parent, name)
    _check_keys(node, CHARACTER_KEYS, where)
    aliases = node.get("aliases", [])
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise where.error("'aliases' must be a list of names", node, "aliases")
    gender = _gender(node["gender"], where, node, "gender") if "gender" in node else Gender.UNKNOWN
    voice = _voice_fields(node, where, narrator) if any(k in node for k in VOICE_KEYS) else None
    if voice is not None and "voice" not in node:
        raise where.error("a character with rate/pitch/volume needs a 'voice' too", node, None)
    return CharacterConfig(name, tuple(a.strip() for a in aliases), gender, voice)


def _characters(node: Any, where: _Where, narrator: Voice, parent: Any) -> tuple[CharacterConfig, ...]:
    if node is None:
        return ()
    node = _mapping(node, where, parent, "characters")
    return tuple(_character(str(n), v, where.child(str(n)), narrator, node) for n, v in node.items())


def _pools(node: Any, where: _Where, narrator: Voice, parent: Any) -> dict[Gender, tuple[Voice, ...]]:
    node = _mapping(node, where, parent, "pools")
    pools = {}
    for key, voices in node.items():
        gender = _gender(key, where, node, key)
        if not isinstance(voices, list) or not voices:
            raise where.error(f"pool '{key}' must be a non-empty list of voices", node, key)
        pools[gender] = tuple(_voice(v, where.child(str(key)), narrator, voices, i) for i, v in enumerate(voices))
    return pools


PAUSE_KEYS = tuple(f.name for f in Pauses.__dataclass_fields__.values())
TOP_KEYS = ("engine", "narrator", "characters", "pools", "pauses", "output", "lexicons", "pronunciations", "thoughts", "messages", "reader")


def _pauses(node: Any, where: _Where, base: Pauses, parent: Any) -> Pauses:
    node = _mapping(node, where, parent, "pauses")
    _check_keys(node, PAUSE_KEYS, where)
    return replace(base, **{k: _number(v, 0, 10_000, where, node, k) for k, v in node.items()})


def _from_mapping(data: Mapping, source: str, base: Config) -> Config:
    top = _Where(source)
    _check_keys(data, TOP_KEYS, top)
    config = base
    if "engine" in data:
        config = replace(config, engine=_text(data["engine"], top, data, "engine"))
    if "narrator" in data:
        config = replace(config, narrator=_voice(data["narrator"], top.child("narrator"), config.narrator, data, "narrator"))
    speaker_base = Voice(config.narrator.id, rate_wpm=config.narrator.rate_wpm)
    if "characters" in data:
        chars = _characters(data["characters"], top.child("characters"), speaker_base, data)
        config = replace(config, characters=chars)
    if "pools" in data:
        pools = _pools(data["pools"], top.child("pools"), speaker_base, data)
        config = replace(config, pools={**config.pools, **pools})
    if "pauses" in data:
        config = replace(config, pauses=_pauses(data["pauses"], top.child("pauses"), config.pauses, data))
    if "output" in data:
        config = replace(config, bitrate_kbps=_output(data["output"], top.child("output"), data))
    return _speech_settings(data, top, config)


def _speech_settings(data: Mapping, top: _Where, config: Config) -> Config:
    """The sections that shape how text is said: lexicons, pronunciations, thoughts, messages, reader."""
    if "lexicons" in data:
        config = replace(config, lexicons=_lexicons(data["lexicons"], top.child("lexicons"), data))
    if "pronunciations" in data:
        mine = _pronunciations(data["pronunciations"], top.child("pronunciations"), data)
        config = replace(config, pronunciations=tuple({**dict(config.pronunciations), **dict(mine)}.items()))
    for section in ("thoughts", "messages"):
        if section in data:
            style = _style(data[section], top.child(section), getattr(config, section), data, section)
            config = replace(config, **{section: style})
    if "reader" in data:
        config = replace(config, reader=_text(data["reader"], top, data, "reader"))
    return config


def _lexicons(node: Any, where: _Where, parent: Any) -> tuple[str, ...]:
    """``lexicons: [naruto, harry_potter]`` (or one name); each must be a shipped lexicon."""
    names = [node] if isinstance(node, str) else node
    if names is None:
        return ()
    if not isinstance(names, list):
        raise where.error("'lexicons' must be a list of lexicon names", parent, "lexicons")
    known = available_lexicons()
    for index, name in enumerate(names):
        if name not in known:
            close = difflib.get_close_matches(str(name), known, n=1)
            hint = (f"did you mean '{close[0]}'? " if close else "") + f"available lexicons: {', '.join(known)}"
            at = (names, index) if names is node else (parent, "lexicons")
            raise where.error(f"unknown lexicon {name!r}", *at, hint=hint)
    return tuple(names)


_WORD_KEY = re.compile(r"-?[^\W\d_][\w'’. -]*")


def _pronunciations(node: Any, where: _Where, parent: Any) -> tuple[tuple[str, str], ...]:
    """``Kakashi: kah-kah-shee`` lines; a key starting with ``-`` is an honorific suffix."""
    if node is None:
        return ()
    node = _mapping(node, where, parent, "pronunciations")
    pairs = []
    for key, value in node.items():
        word = str(key).strip()
        if not _WORD_KEY.fullmatch(word):
            raise where.error(f"{word!r} is not a word to respell", node, key, hint="keys are words like 'Kakashi' or suffixes like '-kun'")
        respelling = _text(value, where, node, key)
        if "[[" in respelling:
            raise where.error(
                f"{word!r}: espeak phonemes ([[...]]) are not read as phonemes", node, key,
                hint="write a respelling instead, e.g. Kakashi: kah-kah-shee",
            )
        pairs.append((word, respelling))
    return tuple(pairs)


STYLE_KEYS = ("rate_factor", "volume_factor", "pitch_shift", "voice")


def _style(node: Any, where: _Where, base: SpeechStyle, parent: Any, key: str) -> SpeechStyle:
    node = _mapping(node, where, parent, key)
    _check_keys(node, STYLE_KEYS, where)
    style = base
    if "rate_factor" in node:
        style = replace(style, rate_factor=_number(node["rate_factor"], 0.5, 2, where, node, "rate_factor", float))
    if "volume_factor" in node:
        style = replace(style, volume_factor=_number(node["volume_factor"], 0, 2, where, node, "volume_factor", float))
    if "pitch_shift" in node:
        style = replace(style, pitch_shift=_number(node["pitch_shift"], -50, 50, where, node, "pitch_shift"))
    if "voice" in node:
        style = replace(style, voice=_text(node["voice"], where, node, "voice"))
    return style


def _output(node: Any, where: _Where, parent: Any) -> int:
    node = _mapping(node, where, parent, "output")
    _check_keys(node, ("bitrate_kbps",), where)
    return _number(node.get("bitrate_kbps", 64), 32, 320, where, node, "bitrate_kbps")


def voice_position(config_path: str, voice_id: str) -> tuple[int | None, int | None]:
    """Line and column of the first mention of ``voice_id`` in a voices file (for errors)."""
    try:
        lines = Path(config_path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None, None
    for number, line in enumerate(lines, 1):
        column = line.split("#", 1)[0].find(voice_id)
        if column >= 0:
            return number, column + 1
    return None, None
