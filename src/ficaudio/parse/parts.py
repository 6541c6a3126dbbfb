"""Big plain-text stories are read in parts, so memory stays bounded whatever the file's size.

A file over :data:`PART_BYTES` is cut into byte ranges of about that size by a streaming scan
(:func:`plan_parts`): at a chapter heading where one is near, else at a paragraph break, else
at a line end or a space. Each part is read on its own (:func:`read_part`) as the
continuation of the first: chapters numbered on from the part before, the work's title and
author from the first part, a chapter cut in two going on as "TITLE (continued)". Parsing,
attribution and rendering then hold one part at a time. HTML and EPUB files and UTF-16 text
are read whole (their readers need the whole document), up to
:data:`~ficaudio.parse.MAX_STORY_BYTES`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ficaudio.errors import InputError
from ficaudio.models import Chapter, Story
from ficaudio.parse.decode import bom_encoding, decode_story_bytes
from ficaudio.parse.lines import chapter_heading_title
from ficaudio.parse.text import story_from_text

PART_BYTES = 2_000_000
"""Text files bigger than this (~330,000 words) are read, attributed and rendered in parts of
about this size, so preparing one takes the same memory whatever the size of the whole file
(bench/bigfile.py)."""

_READ_BYTES = 1 << 16  # the scan reads lines in pieces of at most this many bytes
_EARLIEST = 3 / 4  # a cut is looked for in the last quarter of a part's size


@dataclass(frozen=True)
class Part:
    """One part of a big story file: bytes ``start:end``; ``number`` counts from 1."""

    number: int
    count: int
    start: int
    end: int


@dataclass
class _Cuts:
    """Where the scan may cut, best kind last seen in the window, and the cuts made."""

    made: list[int]
    heading: int | None = None  # a chapter heading line after a blank line
    paragraph: int | None = None  # a line after a blank line
    line: int | None = None  # any line start
    space: int | None = None  # after a space inside a very long line
    char: int | None = None  # before a character (not inside one) in text with neither

    def best(self) -> int | None:
        return self.heading or self.paragraph or self.line or self.space or self.char

    def cut(self, at: int) -> None:
        self.made.append(at)
        self.heading = self.paragraph = self.line = self.space = self.char = None


def plan_parts(path: Path, size: int, *, part_bytes: int | None = None) -> tuple[Part, ...]:
    """The parts of a plain-text story file (of ``part_bytes``, by default :data:`PART_BYTES`);
    ``()`` when it is read whole (most stories)."""
    part_bytes = part_bytes or PART_BYTES
    if size <= part_bytes:
        return ()
    with open(path, "rb") as handle:
        if bom_encoding(handle.read(4)) in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            return ()
        handle.seek(0)
        cuts = [cut for cut in _scan(handle, part_bytes) if cut < size]
    ends = [*cuts[1:], size]
    return tuple(Part(number, len(cuts), start, end) for number, (start, end) in enumerate(zip(cuts, ends, strict=True), 1))


def _scan(handle, part_bytes: int) -> list[int]:
    """Cut offsets (the first is 0) from one pass over the file's lines."""
    cuts = _Cuts([0])
    position, after_blank, line_start = 0, True, True
    piece_bytes = min(_READ_BYTES, max(64, part_bytes // 8))
    while piece := handle.readline(piece_bytes):
        if position - cuts.made[-1] >= part_bytes:
            cuts.cut(cuts.best() or _character_start(handle, cuts.made[-1] + part_bytes))
        if position - cuts.made[-1] >= part_bytes * _EARLIEST:
            _note(cuts, piece, position, after_blank, line_start)
        position += len(piece)
        line_start = piece.endswith(b"\n")
        if line_start:
            after_blank = not piece.strip()
    return cuts.made


def _note(cuts: _Cuts, piece: bytes, position: int, after_blank: bool, line_start: bool) -> None:
    """Remember ``piece``'s start (or a space inside it) as a place to cut."""
    if not line_start:
        space = piece.rfind(b" ")
        cuts.space = position + space + 1 if space > 0 else cuts.space
        if start := _last_character_start(piece):
            cuts.char = position + start
    elif after_blank and piece.strip() and chapter_heading_title(piece.decode("utf-8", "replace").strip()) is not None:
        cuts.heading = position
    elif after_blank and piece.strip():
        cuts.paragraph = position
    else:
        cuts.line = position


def _character_start(handle, at: int) -> int:
    """The first offset from ``at`` on where a UTF-8 character starts (a forced cut never
    splits one): the file is peeked at and left where it was."""
    resume = handle.tell()
    handle.seek(at)
    head = handle.read(4)
    handle.seek(resume)
    return at + next((k for k, byte in enumerate(head) if byte & 0xC0 != 0x80), 0)


def _last_character_start(piece: bytes) -> int:
    """Offset in ``piece`` of its last UTF-8 character's first byte (0 if none is found).

    >>> _last_character_start("aé😀".encode())
    3
    """
    for offset in range(len(piece) - 1, 0, -1):
        if piece[offset] & 0xC0 != 0x80:
            return offset
    return 0


def read_part(path: Path, part: Part, first: Story | None, *, chapters_before: int = 0) -> Story:
    """One part of a big file as a Story of its own text.

    ``first``: the first part's story (None when reading the first part): its format tells
    how to read this part, and its title, author, fandom and summary are this part's too.
    Chapters are numbered on from ``chapters_before``; a part that starts inside a chapter
    opens with an untitled chapter without a heading (the pipeline names it "TITLE (continued)").
    """
    try:
        with open(path, "rb") as handle:
            handle.seek(part.start)
            data = handle.read(part.end - part.start)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if first is None:
        text, encoding = decode_story_bytes(data, str(path))
        return story_from_text(text, source_path=str(path), encoding=encoding)
    text, encoding = _decode_part(data, path)
    story = story_from_text(text, source_path=str(path), encoding=encoding, continues=first.format)
    chapters = tuple(_numbered(c, chapters_before) for c in story.chapters if c.blocks or c.heading)
    asides = tuple(replace(a, chapter=a.chapter + chapters_before) if a.chapter else a for a in story.asides)
    return replace(story, title=first.title, title_from_file=first.title_from_file, author=first.author, fandom=first.fandom,
                   summary=first.summary, chapters=chapters, asides=asides)  # fmt: skip


def _decode_part(data: bytes, path: Path) -> tuple[str, str]:
    """A later part's text; one with nothing but white space in it reads as empty."""
    if not data.strip():
        return "", "utf-8"
    return decode_story_bytes(data, str(path))


def _numbered(chapter: Chapter, before: int) -> Chapter:
    return replace(chapter, index=chapter.index + before)
