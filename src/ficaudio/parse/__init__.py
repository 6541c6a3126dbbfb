"""parse: story file -> :class:`~ficaudio.models.Story`. The only stage that reads story files.

One reader per input format, chosen by :func:`detect_format` (file suffix, then a look at the
first bytes) or forced with ``format=``. Readers are registered with :func:`register_reader`;
the built-in text reader is always there, and ``ficaudio.parse.html`` / ``ficaudio.parse.epub``
are loaded on first use when those modules exist (each defines ``READER: Reader``).

Public API::

    read_story(path, *, format=None) -> Story
    story_parts(path, *, format=None) -> tuple[Part, ...]   # a big text file's parts, () for most
    read_part(path, part, first, chapters_before=0) -> Story
    find_stories(paths) -> list[Path]
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ficaudio.errors import InputError
from ficaudio.models import Story
from ficaudio.parse.parts import Part, plan_parts, read_part
from ficaudio.parse.text import read_text_file

__all__ = ["Part", "Reader", "STORY_SUFFIXES", "detect_format", "find_stories", "read_part", "read_story", "register_reader", "story_parts"]

STORY_SUFFIXES = (".txt", ".html", ".htm", ".epub")
"""Suffixes :func:`find_stories` picks up in a folder (case-insensitive)."""

SUFFIX_FORMATS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".epub": "epub"}
OPTIONAL_READER_MODULES = {"html": "ficaudio.parse.html", "epub": "ficaudio.parse.epub"}
SNIFF_BYTES = 512
MAX_STORY_BYTES = 20_000_000
"""Larger files are refused when read whole (HTML, EPUB, UTF-16 text): parsing holds the whole
document. Plain text this big is read in parts (:func:`story_parts`), up to
:data:`MAX_TEXT_BYTES`."""
MAX_TEXT_BYTES = 70_000_000
"""Plain-text files are refused above this: ~11 million words, ~1,100 hours of audio, near the
~1,190 hours that a whole-book MP3's ID3 chapter marks (32-bit milliseconds) can address."""


@dataclass(frozen=True)
class Reader:
    """A story reader: ``read(path) -> Story`` for one input format."""

    format: str  # "text", "html", "epub"
    read: Callable[[Path], Story]


_READERS: dict[str, Reader] = {}


def register_reader(reader: Reader) -> None:
    """Make ``reader`` the one used for ``reader.format`` (a later call replaces it)."""
    _READERS[reader.format] = reader


register_reader(Reader("text", read_text_file))


def reader_for(format: str) -> Reader | None:
    """The registered reader of a format, loading its optional module on first use."""
    if format not in _READERS and format in OPTIONAL_READER_MODULES:
        try:
            module = importlib.import_module(OPTIONAL_READER_MODULES[format])
        except ModuleNotFoundError as exc:
            if exc.name != OPTIONAL_READER_MODULES[format]:
                raise  # the reader exists but one of its own imports is missing: a real bug
            return None
        register_reader(module.READER)
    return _READERS.get(format)


def sniff_format(head: bytes) -> str | None:
    """Format told by a file's first bytes, whatever its suffix.

    >>> sniff_format(b"<!DOCTYPE html><html>"), sniff_format(b"PK\\x03\\x04mimetypeapplication/epub+zip"), sniff_format(b"Once")
    ('html', 'epub', None)
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"PK\x03\x04") and b"epub" in head[:SNIFF_BYTES]:
        return "epub"
    return None


def detect_format(path: Path) -> str:
    """Reader format for a file: its content when that is telling and readable, else its suffix.

    Unknown suffixes are read as text (the text reader rejects binary data).
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        head = b""  # the reader reports the error with its own message
    sniffed = sniff_format(head)
    if sniffed is not None and reader_for(sniffed) is not None:
        return sniffed
    return SUFFIX_FORMATS.get(path.suffix.lower(), "text")


def read_story(path: str | os.PathLike, *, format: str | None = None) -> Story:
    """Read one story file into a :class:`Story`.

    ``format`` forces a reader ("text", "html", "epub"); by default it is detected.
    Errors (all :class:`~ficaudio.errors.InputError`):
    ``no such file or folder: PATH``, ``PATH is a folder, not a story file``,
    ``PATH is empty: no story text to read``,
    ``PATH is not a text story (it looks like binary data)``,
    ``unknown story format 'X' (known: ...)``, ``no reader for FORMAT stories is installed (PATH)``.
    """
    story_path = Path(path)
    if not story_path.exists():
        raise InputError(f"no such file or folder: {story_path}")
    if story_path.is_dir():
        raise InputError(f"{story_path} is a folder, not a story file")
    chosen = format or detect_format(story_path)
    check_size(story_path, hint=WHOLE_TEXT_HINT if chosen == "text" else None)
    reader = reader_for(chosen)
    if reader is None and format is not None and chosen not in OPTIONAL_READER_MODULES:
        known = ", ".join(sorted(set(_READERS) | set(OPTIONAL_READER_MODULES)))
        raise InputError(f"unknown story format {format!r} (known: {known})")
    if reader is None:
        raise InputError(f"no reader for {chosen} stories is installed ({story_path})")
    return reader.read(story_path)


def story_parts(path: str | os.PathLike, *, format: str | None = None) -> tuple[Part, ...]:
    """The parts a big plain-text story file is read in (:mod:`ficaudio.parse.parts`);
    ``()``: read it whole with :func:`read_story` (every other story, and every error)."""
    story_path = Path(path)
    if not story_path.is_file() or (format or detect_format(story_path)) != "text":
        return ()
    size = check_size(story_path, limit=MAX_TEXT_BYTES)
    return plan_parts(story_path, size)


WHOLE_TEXT_HINT = "`ficaudio render` and `ficaudio script` read a text file this big in parts; this command needs it whole: split it into parts (one file per volume or arc)"


def check_size(path: Path, *, limit: int = MAX_STORY_BYTES, hint: str | None = None) -> int:
    """Refuse a file over ``limit`` bytes before reading a byte of it; its size."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if size > limit:
        raise InputError(f"{path} is {size / 1e6:.1f} MB, more than the {limit // 1_000_000:,} MB a story file may be",
                         hint=hint or "split it into parts (one file per volume or arc) and render each")  # fmt: skip
    return size


GENERATOR_MARK = b'<meta name="generator" content="ficaudio'
"""What ficaudio's own player and library pages carry in their ``<head>``."""


def written_by_ficaudio(head: bytes) -> bool:
    """True for the first bytes of a page ficaudio wrote (a player or library ``index.html``).

    Rendering into the folder the stories come from must not make the next run read the
    library page as a story called "Audiobooks".

    >>> written_by_ficaudio(b'<!DOCTYPE html><head><meta name="generator" content="ficaudio">')
    True
    >>> written_by_ficaudio(b"<!DOCTYPE html><head><title>Chapter 1</title>")
    False
    """
    return GENERATOR_MARK in head


def _is_story_file(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in STORY_SUFFIXES or path.name.startswith("."):
        return False
    if path.suffix.lower() not in (".html", ".htm"):
        return True
    try:
        with open(path, "rb") as handle:
            return not written_by_ficaudio(handle.read(SNIFF_BYTES))
    except OSError:
        return True  # the reader reports why it cannot be read


def folder_stories(folder: Path) -> list[Path]:
    """Story files directly inside a folder (not its subfolders), sorted by name.

    Hidden files and the pages ficaudio itself wrote are skipped.
    """
    return sorted(child for child in folder.iterdir() if _is_story_file(child))


def find_stories(paths: Sequence[str | os.PathLike]) -> list[Path]:
    """Expand files and folders into story files, in the order given, without duplicates.

    A file is taken whatever its suffix; a folder gives its ``.txt``/``.html``/``.htm``/``.epub``
    files, sorted by name, not recursive. Errors: ``no such file or folder: PATH`` and
    ``no stories in folder PATH (looked for .txt, .html, .htm, .epub)``.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            stories = folder_stories(path)
            if not stories:
                raise InputError(f"no stories in folder {path} (looked for {', '.join(STORY_SUFFIXES)})")
        elif path.exists():
            stories = [path]
        else:
            raise InputError(f"no such file or folder: {path}")
        found.extend(s for s in stories if s not in found)
    return found
