"""The one place that orders ficaudio's stages.

parse -> segment -> attribute -> cast  (:func:`build_script`, pure, no output)
-> plan -> render -> stitch -> tag     (:func:`render_story`, writes the book)

Stages never call each other; each takes frozen data and returns frozen data. Only this
module decides what runs when, what is reused from an earlier run, and where files go.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import __version__, attribute, cast, parse, segment, speech
from .config import Config, voice_position
from .errors import EngineError, OutputError
from .files import atomic_write_text, safe_name
from .models import NARRATOR, ChapterAudio, ChapterPlan, Cue, Pause, RenderPlan, Script, Utterance
from .progress import QuietReporter, Reporter

MANIFEST = ".ficaudio-manifest.json"


@dataclass(frozen=True)
class RenderOptions:
    out_dir: Path = Path("output")
    jobs: int = os.cpu_count() or 1
    cache_dir: Path | None = None  # None: the platform's cache folder
    use_cache: bool = True  # False: a throw-away cache inside the book folder
    notes: bool = False
    format: str | None = None  # force a story reader
    formats: tuple[str, ...] = ("mp3",)  # audio outputs: mp3, m4b
    script: Path | None = None  # an edited script whose corrections apply (ficaudio render --script)


@dataclass(frozen=True)
class BookResult:
    title: str
    folder: Path
    book_path: Path
    chapters: tuple[ChapterAudio, ...]
    duration_ms: int
    synthesized: int  # utterances the engine had to say this run
    utterances: int  # utterances in the book (distinct)


def build_script(
    path: str | Path,
    config: Config,
    *,
    notes: bool = False,
    format: str | None = None,
    corrections: Path | None = None,
    reporter: Reporter | None = None,
) -> Script:
    """Story file -> attributed, cast script. Reads the file; writes nothing.

    ``corrections``: a script file the user edited (``ficaudio script`` output); its speaker
    and kind changes are applied to the lines they were made on, matched by text.
    """
    story = parse.read_story(path, format=format)
    segments = segment.segment(story, notes=notes)
    attribution = attribute.attribute(story, segments, known=config.known_characters())
    if corrections is not None:
        from .corrections import apply_corrections, load_corrections

        attribution, stale = apply_corrections(story, attribution, load_corrections(corrections))
        for problem in stale:
            (reporter or QuietReporter()).info(f"warning: {problem}")
    return Script(story, attribution, cast.cast(attribution, config))


def render_story(path: str | Path, config: Config, options: RenderOptions, reporter: Reporter | None = None) -> BookResult:
    """Story file -> ``OUT/<slug>/`` with chapter MP3s, the whole book, and the script."""
    reporter = reporter or QuietReporter()
    script = build_script(path, config, notes=options.notes, format=options.format, corrections=options.script, reporter=reporter)
    plan = speech.plan(script, config)
    folder = Path(options.out_dir) / safe_name(script.story.title, fallback=Path(path).stem)
    with _locked(folder):
        return _render_into(folder, script, plan, config, options, reporter)


def _render_into(folder: Path, script: Script, plan: RenderPlan, config: Config, options: RenderOptions, reporter: Reporter) -> BookResult:
    from . import render
    from .cache import ClipCache, default_cache_dir

    engine = _checked_engine(config, plan)
    engine_id = render.engine_identity(config.engine)
    cache_root = options.cache_dir or default_cache_dir()
    if not options.use_cache:
        cache_root = folder / ".ficaudio-cache"
    cache = ClipCache(Path(cache_root))
    utterances = list(dict.fromkeys(speech.utterances(plan)))
    missing = [u for u in utterances if not cache.has(cache.key_for(u, engine_id))]
    reporter.info(f"{script.story.title}: {len(plan.chapters)} chapters, {len(utterances)} utterances, {len(missing)} to synthesise")
    if missing:
        reporter.start("synthesising", len(missing))
        render.synthesize_all(missing, cache, engine_name=config.engine, jobs=options.jobs, on_progress=reporter.advance)
        reporter.finish()
    book_path, chapters, starts_ms, duration_ms = _stitch(folder, script, plan, cache, engine_id, engine.sample_rate_hz, config, options, reporter)
    atomic_write_text(folder / "script.jsonl", _script_jsonl(script))
    atomic_write_text(folder / "script.txt", _script_text(script))
    _write_book_json(folder, script, plan, book_path, chapters, starts_ms, duration_ms)
    _publish(folder, options)
    if not options.use_cache:
        cache.clear()
    return BookResult(script.story.title, folder, book_path, chapters, duration_ms, len(missing), len(utterances))


def _publish(folder: Path, options: RenderOptions) -> None:
    """Feed, transcripts and player page from book.json (when the listening package is installed)."""
    from importlib.util import find_spec

    if find_spec("ficaudio.listen") is None:
        return
    from .listen import publish

    publish(folder, formats=options.formats)


def _checked_engine(config: Config, plan: RenderPlan):
    """Load the engine and refuse, before any work, a voice it does not have."""
    from .engines import load_engine

    engine = load_engine(config.engine)
    used = dict.fromkeys(u.voice.id for u in speech.utterances(plan))
    for voice_id in used:
        try:
            engine.check_voice(voice_id)
        except EngineError as exc:
            line, column = voice_position(config.source, voice_id)
            path = config.source if line else None
            raise EngineError(exc.message, path=path, line=line, column=column, hint=exc.hint or "run `ficaudio voices` to list the voices") from exc
    return engine


# ------------------------------------------------------------------------- stitching
def _stitch(folder, script, plan, cache, engine_id, rate_hz, config, options, reporter):
    from . import stitch, tags

    manifest = _read_manifest(folder)
    total = len(plan.chapters)
    jobs = [(chapter, folder / _chapter_file_name(chapter), _chapter_key(chapter, cache, engine_id, config.bitrate_kbps, plan, total)) for chapter in plan.chapters]
    reporter.start("encoding chapters", total)

    def encode(job) -> ChapterAudio:
        chapter, dest, key = job
        known = manifest.get("chapters", {}).get(dest.name)
        if known and known.get("key") == key and dest.is_file():
            cues = tuple(Cue(**c) for c in known["cues"])
            return ChapterAudio(chapter.index, chapter.title, str(dest), known["samples"], rate_hz, cues)
        timeline: list = []
        pcm = _chapter_pcm(chapter, cache, engine_id, rate_hz, timeline)
        samples = stitch.encode_mp3(pcm, dest, sample_rate_hz=rate_hz, bitrate_kbps=config.bitrate_kbps)
        tags.tag_chapter_file(dest, title=chapter.title, album=plan.title, author=plan.author, track=chapter.index, total=total)
        return ChapterAudio(chapter.index, chapter.title, str(dest), samples, rate_hz, _cues(script, timeline, rate_hz))

    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        chapters = []
        for done, audio in enumerate(pool.map(encode, jobs), 1):
            chapters.append(audio)
            reporter.advance(done, total)
    reporter.finish()
    book_path = folder / f"{safe_name(plan.title, fallback='book')}.mp3"
    book_key = _digest([j[2] for j in jobs] + [plan.title, plan.author or "", plan.summary or ""])
    book = manifest.get("book", {})
    if book.get("key") != book_key or not book_path.is_file():
        reporter.info("joining the book")
        starts_ms = list(stitch.join_mp3([Path(c.path) for c in chapters], book_path))
        duration_ms = stitch.mp3_duration_ms(book_path)
        tags.tag_book(book_path, title=plan.title, author=plan.author, summary=plan.summary, chapters=_chapter_marks(chapters, starts_ms, duration_ms))
        book = {"key": book_key, "file": book_path.name, "starts_ms": starts_ms, "duration_ms": duration_ms}
    _remove_stale(folder, manifest, {j[1].name for j in jobs} | {book_path.name})
    _write_manifest(folder, chapters, [j[2] for j in jobs], book)
    return book_path, tuple(chapters), book["starts_ms"], book["duration_ms"]


def _chapter_file_name(chapter: ChapterPlan) -> str:
    return f"{chapter.index:02d}-{safe_name(chapter.title, fallback=f'chapter-{chapter.index}')}.mp3"


def _chapter_marks(chapters: Sequence[ChapterAudio], starts_ms: Sequence[int], book_ms: int) -> list[tuple[str, int, int]]:
    ends = [*starts_ms[1:], book_ms]
    return [(c.title, start, end) for c, start, end in zip(chapters, starts_ms, ends, strict=True)]


def _chapter_pcm(chapter: ChapterPlan, cache, engine_id: str, rate_hz: int, timeline: list) -> Iterator[bytes]:
    """The chapter's audio, clip by clip; appends (utterance, start, end) sample positions to timeline."""
    position = 0
    for item in chapter.items:
        if isinstance(item, Pause):
            pcm = b"\x00\x00" * round(item.duration_ms * rate_hz / 1000)
        else:
            pcm = cache.read(cache.key_for(item, engine_id))
            timeline.append((item, position, position + len(pcm) // 2))
        position += len(pcm) // 2
        yield pcm


def _cues(script: Script, timeline: Sequence[tuple[Utterance, int, int]], rate_hz: int) -> tuple[Cue, ...]:
    """One cue per spoken line: its utterances merged, times from sample counts."""
    merged: list[list] = []
    for utterance, start, end in timeline:
        if merged and utterance.line >= 0 and merged[-1][0] == utterance.line:
            merged[-1][2] = end
        else:
            merged.append([utterance.line, start, end, utterance])
    return tuple(_cue(script, line, start, end, utt, rate_hz) for line, start, end, utt in merged)


def _cue(script: Script, line: int, start: int, end: int, utterance: Utterance, rate_hz: int) -> Cue:
    text = " ".join(script.lines[line].segment.text.split()) if 0 <= line < len(script.lines) else utterance.text
    speaker = utterance.speaker or NARRATOR
    return Cue(round(start * 1000 / rate_hz), round(end * 1000 / rate_hz), speaker, text)


def _chapter_key(chapter: ChapterPlan, cache, engine_id: str, bitrate_kbps: int, plan: RenderPlan, total: int) -> str:
    parts = [engine_id, str(bitrate_kbps), chapter.title, plan.title, plan.author or "", f"{chapter.index}/{total}"]
    for item in chapter.items:
        if isinstance(item, Utterance):
            parts.append(f"{cache.key_for(item, engine_id)}:{item.speaker}:{item.line}")
        else:
            parts.append(f"pause:{item.duration_ms}")
    return _digest(parts)


def _digest(parts: Sequence[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


# -------------------------------------------------------------------- book folder state
def _read_manifest(folder: Path) -> dict:
    return _read_json(folder / MANIFEST)


def _write_manifest(folder: Path, chapters: Sequence[ChapterAudio], keys: Sequence[str], book: dict) -> None:
    entries = {
        Path(c.path).name: {"key": k, "samples": c.sample_count, "cues": [asdict(cue) for cue in c.cues]}
        for c, k in zip(chapters, keys, strict=True)
    }
    atomic_write_text(folder / MANIFEST, json.dumps({"chapters": entries, "book": book}, indent=1))


def _write_book_json(folder: Path, script: Script, plan: RenderPlan, book_path: Path, chapters, starts_ms, duration_ms) -> None:
    """book.json: what the listening files (feed, transcripts, player) are made from."""
    previous = _read_json(folder / "book.json")
    story = script.story
    data = {
        "format": 1,
        "generator": f"ficaudio {__version__}",
        "title": plan.title,
        "author": plan.author,
        "summary": plan.summary,
        "fandom": story.fandom,
        "language": "en",
        "created": previous.get("created") or datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "cover": previous.get("cover"),
        "book": {"file": book_path.name, "duration_ms": duration_ms, "bytes": book_path.stat().st_size},
        "chapters": [_chapter_json(c, start) for c, start in zip(chapters, starts_ms, strict=True)],
    }
    atomic_write_text(folder / "book.json", json.dumps(data, ensure_ascii=False, indent=1))


def _chapter_json(chapter: ChapterAudio, start_ms: int) -> dict:
    path = Path(chapter.path)
    return {
        "index": chapter.index,
        "title": chapter.title,
        "file": path.name,
        "duration_ms": chapter.duration_ms,
        "bytes": path.stat().st_size,
        "start_ms": start_ms,
        "cues": [asdict(cue) for cue in chapter.cues],
    }


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _remove_stale(folder: Path, manifest: dict, keep: set[str]) -> None:
    """Chapter files an earlier run wrote that this run does not (a chapter was removed)."""
    listed = set(manifest.get("chapters", {})) | {manifest.get("book", {}).get("file", "")}
    for name in listed - keep - {""}:
        (folder / name).unlink(missing_ok=True)


@contextmanager
def _locked(folder: Path):
    from filelock import FileLock, Timeout

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror}", hint="choose another --out folder") from exc
    lock = FileLock(str(folder / ".ficaudio.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise OutputError(f"another ficaudio render is writing {folder}", hint="wait for it to finish, or render into another --out folder") from None
    try:
        yield
    finally:
        lock.release()


def _script_jsonl(script: Script) -> str:
    from .script_io import to_jsonl

    return to_jsonl(script)


def _script_text(script: Script) -> str:
    from .script_io import to_text

    return to_text(script)
