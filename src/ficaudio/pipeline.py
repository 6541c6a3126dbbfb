"""The one place that orders ficaudio's stages.

parse -> segment -> attribute -> cast  (:func:`build_script`, pure, no output)
-> plan -> render -> stitch -> tag     (:func:`render_story`, writes the book)

Stages never call each other; each takes frozen data and returns frozen data. Only this
module decides what runs when, what is reused from an earlier run, and where files go.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import attribute, bigstory, bookfolder, cast, parse, segment, speech
from .bigstory import Carry
from .bookfolder import BookResult
from .config import Config, voice_position
from .errors import EngineError
from .files import atomic_write_bytes, atomic_write_text, atomic_writer, safe_name
from .models import NARRATOR, ChapterAudio, ChapterPlan, Cue, RenderPlan, Script, Utterance
from .progress import QuietReporter, Reporter

if TYPE_CHECKING:
    from .render import WordCheck

FALLBACK_ENCODINGS = {"cp1252": "Windows-1252", "latin-1": "Latin-1"}
"""Encodings the readers fall back to when a file is not valid UTF-8: worth a note to the user."""

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


def build_script(
    path: str | Path,
    config: Config,
    *,
    notes: bool = False,
    format: str | None = None,
    corrections: Path | None = None,
    reporter: Reporter | None = None,
    part: parse.Part | None = None,
    carry: Carry = Carry(),
) -> Script:
    """Story file -> attributed, cast script. Reads the file; writes nothing.

    ``corrections``: a script file the user edited (``ficaudio script`` output); its speaker
    and kind changes are applied to the lines they were made on, matched by text.
    ``part``: read only that part of a big file, going on from ``carry``.
    """
    story = parse.read_story(path, format=format) if part is None else bigstory.read_part(path, part, carry)
    if story.encoding.lower() in FALLBACK_ENCODINGS and carry.first is None:
        (reporter or QuietReporter()).info(f"note: {path} is not UTF-8 or UTF-16; read it as {FALLBACK_ENCODINGS[story.encoding.lower()]}")
    segments = segment.segment(story, notes=notes)
    configured = config.known_characters()
    names = {c.name for c in configured}
    known = (*configured, *(c for c in carry.characters if c.name not in names))
    attribution = attribute.attribute(story, segments, known=known)
    if corrections is not None:
        from .corrections import apply_corrections, load_corrections

        attribution, stale = apply_corrections(story, attribution, load_corrections(corrections))
        for problem in stale:
            (reporter or QuietReporter()).info(f"warning: {problem}")
    return Script(story, attribution, cast.cast(attribution, config, before=carry.cast))


def script_pieces(path: str | Path, config: Config, *, as_text: bool = False, notes: bool = False, format: str | None = None,
                  corrections: Path | None = None, reporter: Reporter | None = None) -> Iterator[str]:  # fmt: skip
    """The script of a story (``ficaudio script``) in pieces to write one after another: one
    piece, or one per part of a big file (memory holds one part)."""
    from .script_io import records, to_jsonl, to_text

    reporter = reporter or QuietReporter()
    parts: Sequence[parse.Part | None] = parse.story_parts(path, format=format) or (None,)
    carry, log, stale = Carry(), _Collector(), None
    for part in parts:
        script = build_script(path, config, notes=notes, format=format, corrections=corrections, reporter=log, part=part, carry=carry)
        rows = records(script)
        yield to_text(script, first_number=carry.rows + 1, header=carry.first is None, rows=rows) if as_text else to_jsonl(script, offset=carry.chars, rows=rows)
        carry = bigstory.carried(script, carry, len(rows))
        stale = _report_part(reporter, log.messages, stale)
        log.messages.clear()
    for message in sorted(stale or ()):  # in a big file, only what no part used is stale
        reporter.info(message)


def _report_part(reporter: Reporter, messages: Sequence[str], stale: set[str] | None) -> set[str]:
    """One part of a big story read: its notes are reported now (the encoding note comes with the
    first part only); a correction it did not use (``warning: ...``) stays stale only while no part
    has used it, and is reported after the last part by the caller."""
    for message in messages:
        if not message.startswith("warning: "):
            reporter.info(message)
    unused = {m for m in messages if m.startswith("warning: ")}
    return unused if stale is None else stale & unused


def render_story(path: str | Path, config: Config, options: RenderOptions, reporter: Reporter | None = None) -> BookResult:
    """Story file -> ``OUT/<slug>/`` with chapter MP3s, the whole book, and the script.

    Nothing changed since the last complete render (story bytes, settings, ficaudio itself,
    every output file still there): returns at once without parsing. A run killed at any
    point resumes: finished chapters and cached clips are reused, the rest is made.
    """
    from .cache import max_cache_bytes

    reporter = reporter or QuietReporter()
    cache_cap = max_cache_bytes()  # a bad FICAUDIO_CACHE_MAX_GB stops here, not after a big story's parts are prepared
    fingerprint = bookfolder.input_fingerprint(path, config, options)
    unchanged = bookfolder.unchanged_book(Path(options.out_dir), Path(path), fingerprint)
    if unchanged is not None:
        reporter.info(f"{unchanged.title}: unchanged since the last render")
        return unchanged
    parts = parse.story_parts(path, format=options.format)
    if parts:
        _warn_disk_space(Path(path), Path(options.out_dir), config, reporter)
    prepared = _prepare(path, config, options, QuietReporter() if parts else reporter, *parts[:1])  # a part's messages: _prepare_parts
    engine = _checked_engine(config, prepared.plan)  # before any output exists
    folder = bookfolder.book_folder(Path(options.out_dir), prepared.facts.title, Path(path))
    with bookfolder.locked(folder):
        atomic_write_text(folder / bookfolder.OWNER, str(Path(path).resolve()))
        state = bookfolder.read_state(folder)
        facts = replace(prepared.facts, line_texts={}, checks={})  # the book's title, fandom, cover
        heading = replace(prepared.plan, chapters=())
        if parts:  # part 1 handed over in a list it takes it from: stored on disk, then let go
            handed, prepared = [prepared], None
            pieces, total = _prepare_parts(folder, path, parts, handed, config, options, engine, reporter)
        else:
            atomic_write_text(folder / "script.jsonl", prepared.script_jsonl)
            atomic_write_text(folder / "script.txt", prepared.script_text)
            pieces, total = [_Kept(prepared.facts, prepared.plan)], len(prepared.plan.chapters)
        del prepared  # the script texts: written, not needed again
        result = _render_into(folder, state, _Book(facts, heading, total), pieces, config, options, engine, reporter, cache_cap)
        bookfolder.remember(folder, state, Path(path), fingerprint, result.utterances)
    return result


BYTES_PER_WORD = 6.0
"""Plain-text story bytes per word, about (the sample: 6.17), for estimates before reading."""


def _warn_disk_space(story: Path, out_dir: Path, config: Config, reporter: Reporter) -> None:
    """Before a big story's hours of work: say so if its MP3s (chapters and whole book, at the
    configured bitrate and the narrator's pace) will not fit on the output disk."""
    hours = story.stat().st_size / BYTES_PER_WORD / config.narrator.rate_wpm / 60
    needed = 2 * hours * 3600 * config.bitrate_kbps * 1000 / 8
    existing = next((p for p in (out_dir, *out_dir.resolve().parents) if p.exists()), Path("."))
    free = shutil.disk_usage(existing).free
    if needed > free:
        reporter.info(f"warning: {story.name} will make about {hours:,.0f} hours of audio, ~{needed / 1e9:,.0f} GB of MP3 "
                      f"(chapters and the whole book); {existing} has {free / 1e9:,.0f} GB free")  # fmt: skip


@dataclass(frozen=True)
class _Book:
    """The whole book's facts and title/author/summary (a plan without chapters), for the
    book file, its tags and book.json."""

    facts: StoryFacts
    plan: RenderPlan
    chapters: int  # how many the book has


@dataclass(frozen=True)
class _Kept:
    """A prepared story's facts and plan, held in memory (a story read whole)."""

    facts: StoryFacts
    plan: RenderPlan

    def load(self) -> tuple[StoryFacts, RenderPlan]:
        return self.facts, self.plan


@dataclass(frozen=True)
class _Stored:
    """A prepared part's facts and plan, kept on disk until its chapters are rendered."""

    path: Path

    def load(self) -> tuple[StoryFacts, RenderPlan]:
        import pickle

        with open(self.path, "rb") as handle:
            return pickle.load(handle)


PARTS = ".ficaudio-parts"
"""In a book folder, while a story read in parts renders: each part's plan, prepared ahead."""


def _prepare_parts(folder: Path, path, parts: Sequence[parse.Part], handed: list[Prepared], config: Config, options: RenderOptions, engine, reporter: Reporter) -> tuple[list[_Stored], int]:
    """Prepare every part of a big story (``handed`` holds part 1's, prepared already), one at
    a time: the script files written as they go, each part's plan kept on disk, so memory
    holds one part."""
    import pickle

    store = folder / PARTS
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir()
    pieces, prepared, carry = [], handed.pop(), Carry()  # part 1's, prepared already; carry: each part's for the next
    stale: set[str] | None = None
    reporter.start(f"preparing {len(parts)} parts", len(parts))
    with atomic_writer(folder / "script.jsonl") as jsonl, atomic_writer(folder / "script.txt") as text:
        for part in parts:
            if part.number > 1:
                prepared = _prepare(path, config, options, QuietReporter(), part, carry)
                _check_voices(engine, config, prepared.plan)
            jsonl(prepared.script_jsonl)
            text(prepared.script_text)
            pieces.append(_Stored(store / f"{part.number:05d}.pickle"))
            atomic_write_bytes(pieces[-1].path, pickle.dumps((prepared.facts, prepared.plan), pickle.HIGHEST_PROTOCOL))
            stale = _report_part(reporter, prepared.warnings, stale)
            carry = prepared.carry
            del prepared
            reporter.info(f"prepared part {part.number} of {part.count}: chapters up to {carry.chapters}")
            reporter.advance(part.number, part.count)
    reporter.finish()
    for message in sorted(stale or ()):  # a correction is stale only if no part used it
        reporter.info(message)
    return pieces, carry.chapters


PREPARE_APART_MIN_BYTES = 16 * 1024
"""Story files this big (~3,000 words and up) are parsed and attributed in a child process.

Attribution holds the whole story (a 100,000-word one: ~50 MB with its name tables and
sentence model), and Python keeps freed memory; in a child, the system gets it all back
before the render starts, so the parent stays small whatever the book's size. A smaller
story is prepared here: its fixed ~25 MB of tables stay, still far under the 200 MB
budget, and the process start (~0.3 s) is saved where it would weigh most."""


@dataclass(frozen=True)
class Prepared:
    """A story (or one part of a big one) made ready to render, without the Script: what the
    render and its files need."""

    plan: RenderPlan
    facts: StoryFacts
    script_jsonl: str  # the script files' contents
    script_text: str
    warnings: tuple[str, ...]  # for the reporter (corrections that no longer match)
    carry: Carry = Carry()  # for the next part of a big story


def prepare(path: str | Path, config: Config, options: RenderOptions, part: parse.Part | None = None, carry: Carry = Carry()) -> Prepared:
    """parse -> segment -> attribute -> cast -> plan; keeps of the Script only what rendering uses."""
    from .script_io import records, to_jsonl, to_text

    log = _Collector()
    script = build_script(path, config, notes=options.notes, format=options.format, corrections=options.script, reporter=log, part=part, carry=carry)
    plan = printable_titles(speech.plan(script, config))
    rows = records(script)  # once: the jsonl, the text and the carry all read them
    jsonl, text = to_jsonl(script, offset=carry.chars, rows=rows), to_text(script, first_number=carry.rows + 1, header=carry.first is None, rows=rows)
    after = bigstory.carried(script, carry, len(rows)) if part is not None else Carry()
    return Prepared(plan, story_facts(script, plan), jsonl, text, tuple(log.messages), after)


def _prepare(path: str | Path, config: Config, options: RenderOptions, reporter: Reporter, part: parse.Part | None = None, carry: Carry = Carry()) -> Prepared:
    """:func:`prepare` here for a small story, in a child process for a big one or a part."""
    from .render import run_apart

    try:
        big = part is not None or Path(path).stat().st_size >= PREPARE_APART_MIN_BYTES
    except OSError:
        big = False  # the reader reports a missing or unreadable file, with its own words
    what = f"preparing part {part.number} of {part.count} of the story" if part else "preparing the story"
    prepared = run_apart(what, prepare, path, config, options, part, carry) if big else prepare(path, config, options)
    for message in prepared.warnings:
        reporter.info(message)
    return prepared


class _Collector(QuietReporter):
    """Keeps the messages a stage reports, to pass them on from wherever it ran."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def info(self, message: str) -> None:
        self.messages.append(message)


@dataclass(frozen=True)
class StoryFacts:
    """What the render needs from a Script once script.jsonl/script.txt are written.

    The Script (story text, segments, attribution) is the parent's largest object and
    grows with the book; rendering holds only this, so memory stays flat while it runs.
    """

    title: str
    fandom: str | None
    cover: bytes | None
    line_texts: dict[int, str]  # script line -> its story text tidied for reading, for every spoken line
    checks: dict[int, WordCheck]  # chapter index -> words check


def story_facts(script: Script, plan: RenderPlan) -> StoryFacts:
    """The facts of ``script`` that ``plan``'s render uses (cues, book.json, tags, checks)."""
    from .render import words_check

    spoken = {item.line for chapter in plan.chapters for item in chapter.items if isinstance(item, Utterance) and item.line >= 0}
    texts = {line: " ".join(script.lines[line].segment.text.split()) for line in sorted(spoken) if line < len(script.lines)}
    checks = {check.chapter: check for check in words_check(script, plan)}
    story = script.story
    return StoryFacts(story.title, story.fandom, story.cover, texts, checks)


def render_stories(paths: Sequence[Path], config: Config, options: RenderOptions, reporter: Reporter | None = None) -> Iterator[BookResult]:
    """Render each story in turn, then give the output folder a library feed over all its books."""
    for path in paths:
        yield render_story(path, config, options, reporter)
    _publish_library(Path(options.out_dir))


def _publish_library(out_dir: Path) -> None:
    from importlib.util import find_spec

    if find_spec("ficaudio.listen") is not None:
        from .listen import publish_library

        publish_library(out_dir)


def printable_title(title: str | None) -> str | None:
    """A title as tags, feeds and players can carry it: control characters become spaces.

    >>> printable_title("a\x07b\x1b[31mc  d")
    'a b [31mc d'
    """
    if title is None:
        return None
    return " ".join("".join(ch if ch.isprintable() else " " for ch in title).split())


def printable_titles(plan: RenderPlan) -> RenderPlan:
    """``plan`` with every title printable (any reader may pass control characters through)."""
    chapters = tuple(replace(c, title=printable_title(c.title) or f"Chapter {c.index}") for c in plan.chapters)
    return replace(plan, title=printable_title(plan.title) or "Untitled", author=printable_title(plan.author), chapters=chapters)


def _render_into(folder: Path, state: bookfolder.FolderState, book: _Book, pieces, config: Config, options: RenderOptions, engine, reporter: Reporter, cache_cap: int) -> BookResult:
    """Every piece's chapters (one piece, or one per part of a big story), then the book."""
    from . import render
    from .cache import ClipCache, default_cache_dir

    engine_id = render.engine_identity(config.engine)
    cache = ClipCache(folder / bookfolder.PRIVATE_CACHE if not options.use_cache else options.cache_dir or default_cache_dir())
    bookfolder.sweep(folder, cache, use_cache=options.use_cache)
    trimmer = _CacheTrimmer(cache, cache_cap)
    chapters: list[ChapterAudio] = []
    keys: list[str] = []
    missing = spoken = 0
    for number, piece in enumerate(pieces, 1):
        facts, plan = piece.load()
        utterances = list(dict.fromkeys(speech.utterances(plan)))
        missing += (new := sum(not cache.has(cache.key_for(u, engine_id)) for u in utterances))
        spoken += len(utterances)
        where = f" (part {number} of {len(pieces)})" if len(pieces) > 1 else ""
        reporter.info(f"{book.facts.title}{where}: {len(plan.chapters)} chapters, {len(utterances)} utterances, {new} to synthesise")
        done, done_keys = _chapter_files(folder, state, facts, plan, cache, engine_id, engine.sample_rate_hz, config, options, reporter,
                                         total=book.chapters, on_chapter=trimmer.chapter_done)  # fmt: skip
        chapters.extend(done)
        keys.extend(done_keys)
        del facts, plan, utterances
    book_path, starts_ms, duration_ms = _book_file(folder, state, book.facts, book.plan, chapters, keys, reporter)
    bookfolder.write_book_json(folder, state, book.plan, book_path, chapters, starts_ms, duration_ms, fandom=book.facts.fandom, cover=book.facts.cover)
    _publish(folder, options)
    if not options.use_cache:  # kept until now so a killed --no-cache run resumes too
        shutil.rmtree(cache.root, ignore_errors=True)
    shutil.rmtree(folder / PARTS, ignore_errors=True)
    if options.use_cache:  # the --no-cache run's own cache is gone already
        trimmer.trim()
    return BookResult(book.facts.title, folder, book_path, tuple(chapters), duration_ms, missing, spoken)


class _CacheTrimmer:
    """Keeps the clip cache under its cap while a book renders: trimmed every
    :data:`TRIM_EVERY_CHAPTERS` finished chapters and at the end (a big book's clips alone
    would fill a disk)."""

    TRIM_EVERY_CHAPTERS = 25

    def __init__(self, cache, max_bytes: int) -> None:
        self.cache, self.max_bytes, self.since = cache, max_bytes, 0

    def chapter_done(self) -> None:
        self.since += 1
        if self.since >= self.TRIM_EVERY_CHAPTERS:
            self.trim()

    def trim(self) -> None:
        self.since = 0
        self.cache.trim(self.max_bytes)


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
    _check_voices(engine, config, plan)
    return engine


def _check_voices(engine, config: Config, plan: RenderPlan) -> None:
    used = dict.fromkeys(u.voice.id for u in speech.utterances(plan))
    for voice_id in used:
        try:
            engine.check_voice(voice_id)
        except EngineError as exc:
            line, column = voice_position(config.source, voice_id)
            path = config.source if line else None
            raise EngineError(exc.message, path=path, line=line, column=column, hint=exc.hint or "run `ficaudio voices` to list the voices") from exc


# ------------------------------------------------------------------------- stitching
def _chapter_files(folder, state: bookfolder.FolderState, facts: StoryFacts, plan, cache, engine_id, rate_hz, config, options, reporter, *, total: int, on_chapter=lambda: None):
    """Every chapter MP3 of ``plan`` (``total``: the book's chapters): reused when its key says
    nothing changed, else rendered by workers.

    Each finished chapter is journaled at once, so a run killed later reuses it.
    """
    from . import render, stitch

    checks = facts.checks
    encoder_id = stitch.encoder_identity()
    done: dict[int, ChapterAudio] = {}
    jobs, keys = [], {}
    for chapter in plan.chapters:
        dest = folder / bookfolder.chapter_file_name(chapter)
        keys[chapter.index] = _chapter_key(chapter, cache, engine_id, encoder_id, config.bitrate_kbps, plan, total)
        reused = bookfolder.reusable_chapter(state.chapters.get(dest.name), keys[chapter.index], dest, chapter, rate_hz)
        if reused is not None:
            done[chapter.index] = reused
            reporter.chapter_done(chapter.index, total, chapter.title, _chapter_log(reused, checks.get(chapter.index), "unchanged"))
        else:
            jobs.append(render.ChapterJob(chapter.index, chapter.title, chapter.items, str(dest), plan.title, plan.author, total))
    _warn_words(checks.values(), reporter)
    by_index = {job.index: job for job in jobs}
    reporter.start(f"{plan.title}", sum(len(job.items) for job in jobs))
    progress = _Progress(reporter, by_index)
    try:
        for result in render.render_chapters(jobs, engine_name=config.engine, cache=cache, sample_rate_hz=rate_hz,
                                             bitrate_kbps=config.bitrate_kbps, workers=options.jobs, on_progress=progress.update):
            job = by_index[result.index]
            audio = ChapterAudio(job.index, job.title, job.dest, result.sample_count, rate_hz, _cues(facts, _timeline(job, result), rate_hz))
            audio = bookfolder.keep_cues(folder, audio)
            bookfolder.journal(folder, audio, keys[job.index])
            done[job.index] = audio
            on_chapter()
            progress.finished(job.index)
            reporter.chapter_done(job.index, total, job.title, _chapter_log(audio, checks.get(job.index), f"{result.synthesized} new clips"))
    finally:
        reporter.finish()
    return tuple(done[c.index] for c in plan.chapters), [keys[c.index] for c in plan.chapters]


class _Progress:
    """Turns workers' (chapter, items done, items) reports into the story's and chapters' bars."""

    def __init__(self, reporter: Reporter, jobs: dict) -> None:
        self.reporter, self.jobs = reporter, jobs
        self.items_done: dict[int, int] = {}
        self.total = sum(len(job.items) for job in jobs.values())

    def update(self, index: int, done: int, total: int) -> None:
        self.items_done[index] = done
        self.reporter.chapter(index, self.jobs[index].title, done, total)
        self.reporter.advance(sum(self.items_done.values()), self.total)

    def finished(self, index: int) -> None:
        self.update(index, len(self.jobs[index].items), len(self.jobs[index].items))


def _timeline(job, result) -> list[tuple[Utterance, int, int]]:
    return [(job.items[number], start, end) for number, start, end in result.timeline]


def _chapter_log(audio: ChapterAudio, check, what: str) -> str:
    """One line per chapter: length, the words check, what was done."""
    words = f", {check.story_words:,} words in the story -> {check.spoken_words:,} to the engine" if check else ""
    return f"{_clock(audio.duration_ms)}{words}, {what}"


def _warn_words(checks, reporter: Reporter) -> None:
    for check in checks:
        for problem in check.problems():
            reporter.info(f"warning: chapter {check.chapter}: {problem}")


def _clock(duration_ms: int) -> str:
    """``h:mm:ss``: ``_clock(3_723_000) == '1:02:03'``."""
    seconds = round(duration_ms / 1000)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _book_file(folder: Path, state: bookfolder.FolderState, facts: StoryFacts, plan: RenderPlan, chapters: Sequence[ChapterAudio], keys: Sequence[str], reporter: Reporter):
    """The whole-book MP3: a frame-level join, tagged before it is renamed into place."""
    from . import stitch

    book_path = folder / f"{safe_name(plan.title, fallback='book')}.mp3"
    book_key = bookfolder.digest([*keys, plan.title, plan.author or "", plan.summary or "", bookfolder.cover_digest(facts.cover)])
    book = state.manifest.get("book", {})
    if book.get("key") != book_key or not bookfolder.same_size(book_path, book.get("bytes")):
        reporter.info("joining the book")
        joined = stitch.join_book([Path(c.path) for c in chapters], book_path, before_rename=_book_tagger(facts, plan, chapters))
        kept = {name: book[name] for name in ("created", "cover") if name in book}  # book.json's, not read back
        book = {**kept, "key": book_key, "file": book_path.name, "starts_ms": list(joined.starts_ms), "duration_ms": joined.duration_ms}
    bookfolder.remove_stale(folder, state, {Path(c.path).name for c in chapters} | {book_path.name})
    book["bytes"] = book_path.stat().st_size
    bookfolder.write_manifest(folder, state, chapters, keys, book)
    return book_path, book["starts_ms"], book["duration_ms"]


def _book_tagger(facts: StoryFacts, plan: RenderPlan, chapters: Sequence[ChapterAudio]):
    from . import tags

    def tag(path: Path, joined) -> None:
        marks = _chapter_marks(chapters, joined.starts_ms, joined.duration_ms)
        tags.tag_book(path, title=plan.title, author=plan.author, summary=plan.summary, chapters=marks, cover=facts.cover)

    return tag


def _chapter_marks(chapters: Sequence[ChapterAudio], starts_ms: Sequence[int], book_ms: int) -> list[tuple[str, int, int]]:
    ends = [*starts_ms[1:], book_ms]
    return [(c.title, start, end) for c, start, end in zip(chapters, starts_ms, ends, strict=True)]


def _cues(facts: StoryFacts, timeline: Sequence[tuple[Utterance, int, int]], rate_hz: int) -> tuple[Cue, ...]:
    """One cue per spoken line: its utterances merged, times from sample counts."""
    merged: list[list] = []
    for utterance, start, end in timeline:
        if merged and utterance.line >= 0 and merged[-1][0] == utterance.line:
            merged[-1][2] = end
        else:
            merged.append([utterance.line, start, end, utterance])
    return tuple(_cue(facts, line, start, end, utt, rate_hz) for line, start, end, utt in merged)


def _cue(facts: StoryFacts, line: int, start: int, end: int, utterance: Utterance, rate_hz: int) -> Cue:
    text = facts.line_texts.get(line, utterance.text)
    speaker = utterance.speaker or NARRATOR
    return Cue(round(start * 1000 / rate_hz), round(end * 1000 / rate_hz), speaker, text)


def _chapter_key(chapter: ChapterPlan, cache, engine_id: str, encoder_id: str, bitrate_kbps: int, plan: RenderPlan, total: int) -> str:
    parts = [engine_id, encoder_id, str(bitrate_kbps), chapter.title, plan.title, plan.author or "", f"{chapter.index}/{total}"]
    for item in chapter.items:
        if isinstance(item, Utterance):
            parts.append(f"{cache.key_for(item, engine_id)}:{item.speaker}:{item.line}")
        else:
            parts.append(f"pause:{item.duration_ms}")
    return bookfolder.digest(parts)
