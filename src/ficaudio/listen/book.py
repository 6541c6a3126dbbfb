"""book.json -> :class:`BookInfo`: the one place the listening stage reads render output.

The render stage writes ``book.json`` next to the MP3s it made; everything in
:mod:`ficaudio.listen` (feeds, transcripts, player page, M4B) is built from the frozen
:class:`BookInfo` this module returns, never from the JSON directly. Every problem is
reported as an :class:`~ficaudio.errors.InputError` naming the file and the place in it
(``chapters[2].cues[5].end_ms``), because a wrong book.json means a render bug or a
hand edit, and either needs to be found fast.

A book's cues are not held: :func:`load_book` checks each chapter as
:mod:`~ficaudio.listen.bookjson` reads it and keeps where its cues lie in book.json
(:class:`StoredCues`); they are read again, a chapter at a time, when iterated. So a book of
800,000 cues loads and publishes in the memory of one chapter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from ficaudio.errors import InputError
from ficaudio.listen.bookjson import JsonSyntaxError, Span, read_span, scan
from ficaudio.models import Cue

BOOK_JSON = "book.json"
"""Name of the render stage's description of a story folder."""

BOOK_FORMAT = 1
"""The only ``format`` version this module reads."""

_FIELDS = {"format", "generator", "title", "author", "summary", "fandom", "language",
           "created", "cover", "book", "chapters"}  # fmt: skip


@dataclass(frozen=True)
class AudioFile:
    """One audio file of the story folder, as book.json describes it."""

    file: str  # name inside the story folder, e.g. "01-the-lantern.mp3"
    duration_ms: int
    bytes: int


@dataclass(frozen=True)
class StoredCues(Sequence[Cue]):
    """A chapter's cues left in book.json, read from it each time they are iterated.

    ``stamp`` is book.json's (size, mtime) when it was checked: a book.json changed since
    raises :class:`InputError` rather than give cues that were never checked.
    """

    path: Path
    span: Span  # the chapter's object in book.json
    cue_count: int
    stamp: tuple[int, int] | None

    def load(self) -> tuple[Cue, ...]:
        """The chapter's cues (all of them: index into the result, not into this)."""
        if file_stamp(self.path) != self.stamp:
            raise InputError("changed while it was being read: publish again", path=str(self.path))
        with open(self.path, "rb") as handle:
            items = read_span(handle, self.span)["cues"]
        return tuple(Cue(c["start_ms"], c["end_ms"], c["speaker"], c["text"]) for c in items)

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.load())

    def __len__(self) -> int:
        return self.cue_count

    def __getitem__(self, index):
        return self.load()[index]


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(size, modification time in ns) of a file; None when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True)
class ChapterInfo:
    index: int  # 1-based reading order
    title: str
    audio: AudioFile
    start_ms: int  # where the chapter starts in the whole-book file
    cues: Sequence[Cue]  # times relative to the chapter file; StoredCues when loaded from book.json

    @property
    def stem(self) -> str:
        """File name without ``.mp3``: the base of this chapter's transcript names."""
        return PurePosixPath(self.audio.file).stem


@dataclass(frozen=True)
class BookInfo:
    """A rendered story: what the feed, transcripts, player page and M4B are built from."""

    folder: Path
    title: str
    author: str | None
    summary: str | None
    fandom: str | None
    language: str
    created: datetime  # first render, timezone-aware; kept across re-renders
    cover: str | None  # image file name inside the folder
    audio: AudioFile  # the whole-book MP3
    chapters: tuple[ChapterInfo, ...]
    generator: str = "ficaudio"

    @property
    def slug(self) -> str:
        """The whole-book file's stem, e.g. ``the-lantern-test``."""
        return PurePosixPath(self.audio.file).stem

    def book_cues(self) -> Iterator[Cue]:
        """Every chapter's cues shifted to whole-book time, read a chapter at a time.

        >>> c = ChapterInfo(2, "b", AudioFile("b.mp3", 900, 1), 1000, (Cue(0, 500, "N", "x"),))
        >>> list(BookInfo(Path("."), "t", None, None, None, "en", datetime.now(), None,
        ...               AudioFile("t.mp3", 1900, 1), (c,)).book_cues())
        [Cue(start_ms=1000, end_ms=1500, speaker='N', text='x')]
        """
        for chapter in self.chapters:
            yield from shifted(chapter.cues, chapter.start_ms)


def shifted(cues: Sequence[Cue], by_ms: int) -> Iterator[Cue]:
    """Cues moved ``by_ms`` later: a chapter's cues in whole-book time."""
    return (Cue(cue.start_ms + by_ms, cue.end_ms + by_ms, cue.speaker, cue.text) for cue in cues)


# --------------------------------------------------------------------------- loading
class _Reader:
    """Typed access to one JSON object that reports every problem with its place."""

    def __init__(self, data: Any, place: str, path: Path) -> None:
        self.path = path
        self.place = place
        if not isinstance(data, dict):
            self.fail(f"expected an object, found {_kind(data)}")
        self.data = data

    def fail(self, message: str, where: str | None = None) -> None:
        place = ".".join(p for p in (self.place, where) if p)
        prefix = f"{place}: " if place else ""
        raise InputError(f"{prefix}{message}", path=str(self.path),
                         hint="book.json is written by `ficaudio render`; render the story again")  # fmt: skip

    def get(self, key: str, kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            self.fail("missing", key)
        value = self.data[key]
        if value is None and optional:
            return None
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            self.fail(f"expected {_names(kind)}, found {_kind(value)}", key)
        return value

    def text(self, key: str, *, optional: bool = False) -> str | None:
        value = self.get(key, str, optional=optional)
        if value is not None and not value.strip() and not optional:
            self.fail("must not be empty", key)
        return value or None if optional else value

    def count(self, key: str, *, minimum: int = 0) -> int:
        value = self.get(key, int)
        if value < minimum:
            self.fail(f"must be >= {minimum}, found {value}", key)
        return value

    def child(self, key: str, data: Any) -> _Reader:
        return _Reader(data, ".".join(p for p in (self.place, key) if p), self.path)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            type(None): "null"}.get(type(value), type(value).__name__)  # fmt: skip


def _names(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join({dict: "an object", list: "a list", str: "a string", int: "an integer"}.get(k, k.__name__)
                       for k in kinds)  # fmt: skip


def load_book(folder: Path) -> BookInfo:
    """Read and validate ``folder/book.json``; audio files must exist with the stated size.

    Example: a folder rendered by ``ficaudio render`` gives ``load_book(f).chapters[0].index == 1``;
    a book.json whose first chapter lacks ``file`` raises
    ``InputError("chapters[0].file: missing")``.
    """
    folder = Path(folder)
    path = folder / BOOK_JSON
    stamp = file_stamp(path)
    data = _read_json(path, lambda i, item, span: _checked_chapter(i, item, StoredCues(path, span, 0, stamp)))
    root = _Reader(data, "", path)
    unknown = sorted(set(root.data) - _FIELDS)
    if unknown:
        root.fail(f"unknown field {unknown[0]!r}; known: {', '.join(sorted(_FIELDS))}")
    if root.get("format", int) != BOOK_FORMAT:
        root.fail(f"format {root.data['format']} is not supported (this ficaudio reads format {BOOK_FORMAT})",
                  "format")  # fmt: skip
    book = BookInfo(
        folder=folder,
        title=root.text("title"),
        author=root.text("author", optional=True),
        summary=root.text("summary", optional=True),
        fandom=root.text("fandom", optional=True),
        language=root.text("language", optional=True) or "en",
        created=_created(root),
        cover=_cover(root, folder),
        audio=_audio(root.child("book", root.get("book", dict)), folder),
        chapters=_chapters(root),
        generator=root.text("generator", optional=True) or "ficaudio",
    )
    check_chapter_starts(book, root)
    return book


def _read_json(path: Path, on_chapter) -> Any:
    """book.json's fields; ``chapters`` as ``on_chapter`` made each (see :func:`bookjson.scan`)."""
    try:
        with open(path, "rb") as handle:
            return scan(handle, on_chapter)
    except FileNotFoundError as exc:
        raise InputError("no book.json here: not a rendered story folder", path=str(path),
                         hint="run `ficaudio render STORY --out OUT` first") from exc  # fmt: skip
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    except (UnicodeDecodeError, JsonSyntaxError) as exc:
        line = getattr(exc, "line", None)
        raise InputError(f"not valid JSON ({getattr(exc, 'msg', exc)})", path=str(path), line=line) from exc


def _created(root: _Reader) -> datetime:
    value = root.text("created")
    try:
        created = datetime.fromisoformat(value)
    except ValueError:
        root.fail(f"not an ISO 8601 date: {value!r}", "created")
    if created.tzinfo is None:
        root.fail(f"needs a timezone (e.g. +00:00): {value!r}", "created")
    return created


def safe_file_name(name: str) -> bool:
    """True for a plain file name in the folder itself: no directories, no ``..``.

    >>> [safe_file_name(n) for n in ("01-a.mp3", "../x.mp3", "a/b.mp3", ".hidden", "")]
    [True, False, False, False, False]
    """
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".") and "\0" not in name


def _file_name(reader: _Reader, key: str, folder: Path, *, optional: bool = False) -> str | None:
    name = reader.text(key, optional=optional)
    if name is None:
        return None
    if not safe_file_name(name):
        reader.fail(f"must be a file name inside the story folder, found {name!r}", key)
    if not (folder / name).is_file():
        reader.fail(f"file {name!r} does not exist in {folder}", key)
    return name


def _cover(root: _Reader, folder: Path) -> str | None:
    name = _file_name(root, "cover", folder, optional=True)
    if name and PurePosixPath(name).suffix.lower() not in (".jpg", ".jpeg", ".png"):
        root.fail(f"cover must be a .jpg or .png image, found {name!r}", "cover")
    return name


def _audio(reader: _Reader, folder: Path) -> AudioFile:
    name = _file_name(reader, "file", folder)
    size_bytes = reader.count("bytes", minimum=1)
    actual_bytes = (folder / name).stat().st_size
    if actual_bytes != size_bytes:
        reader.fail(f"says {size_bytes} bytes but {name} has {actual_bytes}", "bytes")
    return AudioFile(name, reader.count("duration_ms", minimum=1), size_bytes)


def _chapters(root: _Reader) -> tuple[ChapterInfo, ...]:
    """The chapters :func:`_checked_chapter` made while book.json was read; the first problem raises."""
    items = root.get("chapters", list)
    if not items:
        root.fail("a book needs at least one chapter", "chapters")
    for item in items:
        if isinstance(item, InputError):
            raise item
    chapters = tuple(items)
    for i, chapter in enumerate(chapters):
        if chapter.index != i + 1:
            root.fail(f"index {chapter.index} out of order: chapters must be numbered 1, 2, 3... in reading order",
                      f"chapters[{i}].index")  # fmt: skip
    return chapters


def _checked_chapter(number: int, item: Any, cues: StoredCues) -> ChapterInfo | InputError:
    """Chapter ``number`` of book.json checked as it is read, its cues left in the file;
    a problem is returned, to be raised once the whole file is known to be JSON."""
    try:
        return _chapter(_Reader(item, f"chapters[{number}]", cues.path), cues)
    except InputError as exc:
        return exc


def _chapter(reader: _Reader, cues: StoredCues) -> ChapterInfo:
    audio = _audio(reader, cues.path.parent)
    cue_items = reader.get("cues", list)
    for i, item in enumerate(cue_items):
        _cue(reader.child(f"cues[{i}]", item), audio.duration_ms)
    return ChapterInfo(reader.count("index", minimum=1), reader.text("title"), audio,
                       reader.count("start_ms"), replace(cues, cue_count=len(cue_items)))  # fmt: skip


CUE_END_SLACK_MS = 30
"""How far past its chapter's end a cue may reach (rounding of sample counts to ms)."""


def _cue(reader: _Reader, chapter_ms: int) -> Cue:
    start_ms, end_ms = reader.count("start_ms"), reader.count("end_ms")
    if end_ms < start_ms:
        reader.fail(f"ends ({end_ms} ms) before it starts ({start_ms} ms)", "end_ms")
    if end_ms > chapter_ms + CUE_END_SLACK_MS:
        reader.fail(f"ends at {end_ms} ms, after its chapter ({chapter_ms} ms)", "end_ms")
    return Cue(start_ms, end_ms, reader.text("speaker"), reader.get("text", str))


def check_chapter_starts(book: BookInfo, root: _Reader) -> None:
    """Chapters start at 0 in the book, in order, and none past the book's end.

    Starts come from frame counts in the book file, so they are checked for order, not
    recomputed from the chapters' rounded durations.
    """
    previous_ms = -1
    for i, chapter in enumerate(book.chapters):
        if i == 0 and chapter.start_ms != 0:
            root.fail(f"the first chapter must start at 0 ms, found {chapter.start_ms}", "chapters[0].start_ms")
        if chapter.start_ms <= previous_ms or chapter.start_ms >= book.audio.duration_ms:
            root.fail(f"start {chapter.start_ms} ms is out of order or past the book's end "
                      f"({book.audio.duration_ms} ms)", f"chapters[{i}].start_ms")  # fmt: skip
        previous_ms = chapter.start_ms
