"""Hear before rendering: a few script lines to one small MP3, and a sample per engine voice.

``preview`` goes through the real engine and the shared clip cache, with the same text
preparation, voices (:func:`ficaudio.speech.line_items`) and silences between lines
(:func:`ficaudio.speech.gap_ms`) as a full render, so every clip it
makes is reused by the render that follows. Line numbers are those of the text script
(``ficaudio script --format text``), inclusive at both ends.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config, Pauses
from .errors import ConfigError, EngineError, InputError
from .models import Line, Pause, Script, SegmentKind, Utterance
from .progress import QuietReporter, Reporter

DEFAULT_PREVIEW_LINES = 20
"""Lines previewed when no ``--lines`` range is given (from the start of the chapter or story)."""
SAMPLE_SENTENCE = "This is {name}. Shall I read your story tonight?"
DEFAULT_ESPEAK_PITCH_HZ = (82, 118)
"""espeak-ng's built-in pitch range for a voice whose files set none (voices.c defaults)."""
_LINE_RANGE = re.compile(r"^\s*(\d*)\s*:\s*(\d*)\s*$")


@dataclass(frozen=True)
class PreviewResult:
    path: Path
    duration_ms: int
    lines: int  # script lines heard
    synthesized: int  # clips the engine had to make


# --------------------------------------------------------------------------- selecting
def parse_line_range(text: str) -> tuple[int | None, int | None]:
    """``"A:B"`` -> (A, B), either end may be left out; both ends included.

    >>> parse_line_range("12:20"), parse_line_range(":5"), parse_line_range("7:")
    ((12, 20), (None, 5), (7, None))
    """
    match = _LINE_RANGE.match(text)
    if match is None or text.strip() == ":":
        raise InputError(f"--lines must look like A:B (script line numbers), not {text!r}",
                         hint="for example --lines 12:20; see `ficaudio script STORY --format text`")
    first, last = (int(v) if v else None for v in match.groups())
    if first is not None and last is not None and first > last:
        raise InputError(f"--lines {text}: the first line comes after the last")
    return first, last


def select_lines(script: Script, chapter: int | None, first: int | None, last: int | None) -> list[Line]:
    """Spoken lines of ``chapter`` (all chapters when None) numbered first..last in the text script."""
    from .script_io import numbered_lines

    if chapter is not None and not 1 <= chapter <= len(script.story.chapters):
        raise InputError(f"--chapter {chapter}: the story has {len(script.story.chapters)} chapters")
    chosen = [
        script.lines[index]
        for number, index in numbered_lines(script).items()
        if (first is None or number >= first) and (last is None or number <= last)
        and (chapter is None or script.lines[index].segment.chapter == chapter)
        and _is_heard(script.lines[index])
    ]
    chosen = chosen if first is not None or last is not None else chosen[:DEFAULT_PREVIEW_LINES]
    return chosen


def _is_heard(line: Line) -> bool:
    from .speech import has_speech

    return line.segment.kind not in (SegmentKind.SCENE_BREAK,) and has_speech(line.segment.text)


def preview_items(script: Script, lines: Sequence[Line], config: Config) -> Iterator[Utterance | Pause]:
    """Utterances and pauses for ``lines`` as a render has them: the lines that say something,
    with the render's silences between them."""
    return _with_gaps(script, said_lines(script, lines, config), config.pauses)


def said_lines(script: Script, lines: Sequence[Line], config: Config) -> list[tuple[Line, list[Utterance | Pause]]]:
    """Each of ``lines`` that says something (``xD`` alone says nothing), with what it says."""
    from .speech import line_items, reading_for

    reading = reading_for(script, config)
    return [(line, said) for line in lines if (said := list(line_items(reading, line)))]


def _with_gaps(script: Script, said: Sequence[tuple[Line, list]], pauses: Pauses) -> Iterator[Utterance | Pause]:
    """What each line says, with the gap :func:`speech.gap_ms` puts between two lines (a
    chapter pause between chapters), and a heading's pause after it."""
    from .speech import gap_ms, spaced

    chapters = {chapter.index: chapter for chapter in script.story.chapters}

    def gap(previous: Line, line: Line, _: bool) -> int:
        same = previous.segment.chapter == line.segment.chapter
        return gap_ms(chapters[line.segment.chapter], previous, line, pauses) if same else pauses.chapter_ms

    return spaced(((line, items, False) for line, items in said), pauses, gap)


# --------------------------------------------------------------------------- rendering
def render_preview(
    story_path: Path,
    config: Config,
    *,
    chapter: int | None = None,
    lines: str | None = None,
    out: Path = Path("output/preview.mp3"),
    script_file: Path | None = None,
    jobs: int = 1,
    cache_dir: Path | None = None,
    reporter: Reporter | None = None,
) -> PreviewResult:
    """Render the chosen lines of ``story_path`` to ``out`` (through the engine and clip cache)."""
    from .pipeline import build_script

    reporter = reporter or QuietReporter()
    first, last = parse_line_range(lines) if lines else (None, None)
    script = build_script(story_path, config, corrections=script_file, reporter=reporter)
    said = said_lines(script, select_lines(script, chapter, first, last), config)
    if not said:
        raise InputError("no spoken lines in that range", hint="see the line numbers with `ficaudio script STORY --format text`")
    items = list(_with_gaps(script, said, config.pauses))
    synthesized = _encode(items, config, Path(out), cache_dir, jobs, reporter)
    from .stitch import mp3_duration_ms

    return PreviewResult(Path(out), mp3_duration_ms(Path(out)), len(said), synthesized)


def _encode(items: list, config: Config, out: Path, cache_dir: Path | None, jobs: int, reporter: Reporter) -> int:
    from .cache import ClipCache, default_cache_dir
    from .engines import load_engine
    from .render import engine_identity, pending_utterances, synthesize_all
    from .stitch import encode_mp3, silence

    engine = load_engine(config.engine)
    utterances = [item for item in items if isinstance(item, Utterance)]
    for voice_id in dict.fromkeys(u.voice.id for u in utterances):
        engine.check_voice(voice_id)  # refuse before any work, with the engine's own hint
    cache = ClipCache(cache_dir or default_cache_dir())
    engine_id = engine_identity(config.engine)
    _, missing = pending_utterances(utterances, cache, engine_id)
    if missing:
        reporter.start("synthesising", len(missing))
        synthesize_all(utterances, cache, engine_name=config.engine, jobs=jobs, on_progress=reporter.advance)
        reporter.finish()
    rate_hz = engine.sample_rate_hz
    pcm = (silence(i.duration_ms, rate_hz) if isinstance(i, Pause) else cache.read(cache.key_for(i, engine_id)) for i in items)
    out.parent.mkdir(parents=True, exist_ok=True)
    encode_mp3(pcm, out, sample_rate_hz=rate_hz, bitrate_kbps=config.bitrate_kbps)
    return len(missing)


# ------------------------------------------------------------------------------ voices
@dataclass(frozen=True)
class VoiceListing:
    id: str
    language: str
    name: str
    pitch_hz: tuple[int, int] | None  # (low, high) at pitch 50; None when the engine does not say


def list_voices(engine) -> list[VoiceListing]:
    """Every voice of ``engine`` with its pitch range (see :func:`pitch_range_hz`)."""
    return [VoiceListing(info.id, info.language, info.name, pitch_range_hz(engine, info)) for info in engine.voices()]


def pitch_range_hz(engine, info) -> tuple[int, int] | None:
    """Where a voice's pitch lies, in Hz, read from what configures it (not measured).

    espeak: the ``pitch LOW HIGH`` line of the variant file (``voices/!v/m7``: 75 125), else
    of the language file, else espeak's default 82..118. silent: its tone. Others: None.

    >>> from ficaudio.engines import load_engine
    >>> silent = load_engine("silent")
    >>> pitch_range_hz(silent, next(v for v in silent.voices() if v.id == "silent-low"))
    (100, 100)
    """
    if engine.name == "silent":
        from .engines.silent import silent_tone_hz
        from .models import Voice

        tone_hz = round(silent_tone_hz(Voice(info.id)))
        return tone_hz, tone_hz
    if engine.name == "espeak":
        return espeak_pitch_hz(espeak_data_dir(), info.engine_name, info.variant)
    return None


def espeak_data_dir() -> Path | None:
    """espeak-ng's data folder: the one the engine was pointed at, else the usual places."""
    candidates = [os.environ.get("ESPEAK_DATA_PATH", ""), "/usr/share/espeak-ng-data", "/usr/lib/x86_64-linux-gnu/espeak-ng-data"]
    return next((Path(c) for c in candidates if c and (Path(c) / "voices").is_dir()), None)


def espeak_pitch_hz(data_dir: Path | None, engine_name: str, variant: str | None) -> tuple[int, int] | None:
    """(low, high) from the variant's or the language's ``pitch`` line; espeak's default otherwise."""
    if data_dir is None:
        return None
    files = [data_dir / "voices" / "!v" / variant] if variant else [data_dir / "lang" / engine_name]
    for path in files:
        found = pitch_line_hz(path)
        if found:
            return found
    return DEFAULT_ESPEAK_PITCH_HZ


def pitch_line_hz(path: Path) -> tuple[int, int] | None:
    """The ``pitch LOW HIGH`` setting of an espeak voice file, or None."""
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        parts = line.split("//")[0].split()  # espeak files comment with //
        if len(parts) == 3 and parts[0] == "pitch" and parts[1].isdigit() and parts[2].isdigit():
            return int(parts[1]), int(parts[2])
    return None


def render_voice_samples(engine, folder: Path, *, language: str = "en", bitrate_kbps: int = 64,
                         reporter: Reporter | None = None) -> list[Path]:
    """One short sentence per voice (of ``language``) into ``folder/<voice>.mp3``."""
    from .files import safe_name
    from .models import Voice
    from .stitch import encode_mp3

    reporter = reporter or QuietReporter()
    chosen = [v for v in engine.voices() if v.language.lower().startswith(language.lower())]
    if not chosen:
        raise ConfigError(f"the {engine.name} engine has no voice for language {language!r}", hint="run `ficaudio voices` to see them")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    reporter.start("sampling voices", len(chosen))
    for done, info in enumerate(chosen, 1):
        try:
            pcm = engine.synthesize(SAMPLE_SENTENCE.format(name=info.name), Voice(info.id))
        except EngineError as exc:  # a listed voice the engine then refuses: say so, sample the rest
            reporter.info(f"warning: no sample for {info.id}: {exc.message}")
            continue
        dest = folder / f"{safe_name(info.id)}.mp3"
        encode_mp3([pcm], dest, sample_rate_hz=engine.sample_rate_hz, bitrate_kbps=bitrate_kbps)
        written.append(dest)
        reporter.advance(done, len(chosen))
    reporter.finish()
    return written
