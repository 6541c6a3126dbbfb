"""The plain-text reader: every text shape (plain, FFN header, AO3 page copy) -> Story.

Shapes are told apart by their lines (:func:`ficaudio.parse.ao3.is_ao3_copy`); each shape
classifies lines into roles and :func:`ficaudio.parse.roles.assemble` builds the Story.
"""

from __future__ import annotations

import re
from itertools import takewhile
from pathlib import Path

from ficaudio.errors import InputError
from ficaudio.models import AsideKind, Story
from ficaudio.parse.ao3 import END_NOTES_LABELS, NOTES_LABELS, classify_ao3, is_ao3_copy
from ficaudio.parse.decode import decode_story_bytes
from ficaudio.parse.layout import Meta
from ficaudio.parse.lines import (
    HEADING_DECORATION,
    NUMBER_WORD,
    QUOTE_OPENERS,
    ROMAN,
    TextLine,
    byline_author,
    chapter_heading_title,
    header_field,
    is_author_note_line,
    is_prose_line,
    is_scene_break_line,
    is_title_like,
    is_work_field,
    reads_as_sentence,
    split_lines,
)
from ficaudio.parse.roles import Role, RoleKind, aside, assemble, heading, initial_roles

MAX_LEAD_LINES = 5
"""Short lines before the story that may hold notes and a title; more means story text."""
MAX_TITLE_WORDS = 12
"""A file's first line of at most this many words, before a header field, is its title."""


# ------------------------------------------------------------------ plain text
def mark_headings(lines: list[TextLine], roles: list[Role]) -> None:
    """Chapter heading lines ("Chapter 3: Rain", "Prologue") become HEADING roles."""
    for index, line in enumerate(lines):
        title = chapter_heading_title(line.text) if line.text else None
        if title is not None:
            roles[index] = heading(title)


def header_kind(key: str) -> AsideKind:
    """FFN header lines are HEADER asides, except a summary, which is a SUMMARY.

    >>> header_kind("summary"), header_kind("pairings")
    (<AsideKind.SUMMARY: 'summary'>, <AsideKind.HEADER: 'header'>)
    """
    return AsideKind.SUMMARY if key == "summary" else AsideKind.HEADER


def mark_header_lines(lines: list[TextLine], roles: list[Role], *, in_lead: bool = True) -> dict[str, str]:
    """FFN-style "Key: value" lines and A/N lines that open the file or a chapter -> asides.
    A bare label has its value under it, which is the header's too: a field's on the next line
    (``Characters:`` / ``Ana Reyes, Tom Vail``), a summary's or a note's in the next paragraph,
    after a blank line or not (``Summary:`` and ``Notes:`` alone on their lines, as an AO3 page
    shows them).

    Returns the header fields found (lower-case key -> value), first one wins.
    """
    fields: dict[str, str] = {}  # in_lead: at the top of the file or of a chapter, before its story text
    under: AsideKind | None = None  # the kind of a bare label whose value is to come, or coming
    fill: str | None = None  # the field that value gives (none where a field of that key came before)
    block = taken = False  # the value may come after a blank line; a line of it is taken
    for index, line in enumerate(lines):
        role = roles[index]
        if role.kind is RoleKind.HEADING:
            in_lead, under = True, None
        elif role.kind is RoleKind.BLANK and (taken or not block):
            under = None
        elif role.kind is RoleKind.BODY and in_lead:
            found = header_field(line.text)
            if found is None and not is_author_note_line(line.text):
                if under is not None:
                    roles[index], taken = aside(under), True
                    if fill is not None:
                        fields[fill] = f"{fields[fill]} {line.text}".strip()
                    continue
                in_lead = titles_a_header(lines, index)
                continue
            key, value = found or ("a/n", line.text)
            under = None if value else header_kind(key)
            fill, block, taken = None if key in fields else key, key in BLOCK_KEYS, False
            fields.setdefault(key, value)
            roles[index] = aside(header_kind(key), new_region=True)
    return fields


BLOCK_KEYS = frozenset({"summary", "notes", "a/n", "an", "author's note", "author's notes", "authors note",
                        "authors notes", "author note", "author notes", "disclaimer"})
"""Header labels whose value is a paragraph of its own, which may come after a blank line."""


def titles_a_header(lines: list[TextLine], index: int) -> bool:
    """A title or byline line whose next line, past a byline, is a header field: the header's
    lead goes on. The file's first line of at most :data:`MAX_TITLE_WORDS` words opens a header
    too, though no title by its shape, when a work's header follows it: a title in lower case
    (AO3 titles often are: ``blueprints for a city nobody will live in``) or a note (``Hope you
    enjoy!``) before ``Rating: T``. A work's header is a run of fields with one only a work's
    header has (:func:`~ficaudio.parse.lines.is_work_field`): a story may open on a sentence and
    its own ``Note: back by six`` or ``Warning: hull breach``, a game's ``Title:`` and ``Status:``.

    >>> ls = [TextLine(0, 8, "Salt Road"), TextLine(9, 9, ""), TextLine(10, 27, "Fandom: Tidewatch")]
    >>> titles_a_header(ls, 0), titles_a_header(ls[:1], 0)
    (True, False)
    >>> ls = [TextLine(0, 9, "salt road"), TextLine(10, 17, "by wren"), TextLine(18, 35, "Fandom: Tidewatch")]
    >>> titles_a_header(ls, 0), titles_a_header(ls, 1)
    (True, True)
    >>> ls = [TextLine(0, 26, "The alarm started at three."), TextLine(27, 54, "Warning: hull breach on deck")]
    >>> titles_a_header(ls, 0)
    False
    """
    text = lines[index].text
    following = (line.text for line in lines[index + 1 :] if line.text and not byline_author(line.text))
    if is_title_like(text) or byline_author(text):
        return header_field(next(following, "")) is not None
    if any(line.text for line in lines[:index]) or len(text.split()) > MAX_TITLE_WORDS:
        return False
    fields = takewhile(lambda line: header_field(line) is not None or is_author_note_line(line), following)
    return any(is_work_field(line) for line in fields)


def mark_author_notes(lines: list[TextLine], roles: list[Role]) -> None:
    """A/N lines inside a chapter: NOTES before its story text, END_NOTES after it."""
    seen_story = False
    for index, line in enumerate(lines):
        role = roles[index]
        if role.kind is RoleKind.HEADING:
            seen_story = False
        elif role.kind is RoleKind.BODY:
            if is_author_note_line(line.text):
                roles[index] = aside(AsideKind.END_NOTES if seen_story else AsideKind.NOTES, new_region=True)
            else:
                seen_story = True


def mark_end_notes(lines: list[TextLine], roles: list[Role]) -> None:
    """An ``End Notes:`` label after a chapter's story text, alone on its line or before the note
    itself (``End notes: Thanks for reading!``), opens its end notes, which run to the
    next chapter heading, a scene break or a part's number (``Part 2``, ``II.``, ``~ 2 ~``: the
    story goes on there, where plain text knows no heading) or the file's end (an AO3 download or
    a page copy made text). A bare ``Notes:`` there does the same when no line after it opens a
    quotation and the lines after it talk as an author does to readers (``Thanks for reading``,
    ``kudos``, ``next chapter``): a notebook's or a whiteboard's ``Notes:`` inside a scene is
    followed by more story, which is never dropped.

    >>> lines = [TextLine(0, 0, t) for t in ("It rained.", "End Notes:", "Thanks for reading!", "Part 2", "Tom ran.")]
    >>> roles = initial_roles(lines); mark_end_notes(lines, roles); [r.kind.value for r in roles]
    ['body', 'aside', 'aside', 'body', 'body']
    >>> lines = [TextLine(0, 0, t) for t in ("It rained.", "End note: Thanks for reading!", "Kudos welcome.")]
    >>> roles = initial_roles(lines); mark_end_notes(lines, roles); [r.kind.value for r in roles]
    ['body', 'aside', 'aside']
    """
    seen_story, index = False, 0
    while index < len(lines):
        role = roles[index]
        if role.kind is RoleKind.HEADING:
            seen_story = False
        elif role.kind is RoleKind.BODY and seen_story and _opens_end_notes(lines, roles, index):
            roles[index] = aside(AsideKind.END_NOTES, new_region=True)
            index += 1
            while index < len(lines) and roles[index].kind is not RoleKind.HEADING and not _story_goes_on(lines[index].text):
                if roles[index].kind is RoleKind.BODY:
                    roles[index] = aside(AsideKind.END_NOTES)
                index += 1
            continue
        elif role.kind is RoleKind.BODY:
            seen_story = True
        index += 1


def _opens_end_notes(lines: list[TextLine], roles: list[Role], index: int) -> bool:
    """Whether the line at ``index`` is an end-notes label (see :func:`mark_end_notes`)."""
    label = lines[index].text
    if label in END_NOTES_LABELS or _END_NOTES_OPENING.match(label):
        return True
    if label not in NOTES_LABELS:
        return False
    rest = [lines[i].text for i in takewhile(lambda i: roles[i].kind is not RoleKind.HEADING and not _story_goes_on(lines[i].text), range(index + 1, len(lines)))]
    return not any(t[:1] and t[:1] in QUOTE_OPENERS for t in rest) and bool(_TO_READERS.search(" ".join(rest)))  # "" is in every string


_END_NOTES_OPENING = re.compile(r"(?:chapter\s+)?end\s+notes?\s*[:\-–—]\s*\S", re.IGNORECASE)
"""A label with its note on the same line: ``End Notes: Thank you for reading!``, ``End note: ...``."""
_PART_NUMBER = re.compile(rf"(?:(?:part|book|act|section)\s+(?:\d+|{NUMBER_WORD}|{ROMAN})(?![\w'’])(?:\s*[:.\-–—~|)]+.*)?|\d+|{ROMAN})\.?", re.IGNORECASE)
_TO_READERS = re.compile(r"\b(?:thanks?|thank you|kudos|comments?|reviews?|reviewing|beta(?:ed|'d)?|fic|tumblr|ao3|prompt|update[sd]?|"
                         r"(?:next|this|last) chapter|for reading|hope you|see you)\b", re.IGNORECASE)


def _story_goes_on(line: str) -> bool:
    """A scene break or a part's number, which plain text does not take for a heading: the end
    notes before it are over and the story goes on (``* * *``, ``Part 2``, ``Part Two: Rain``,
    ``II.``, ``~ 3 ~``).

    >>> [_story_goes_on(s) for s in ("* * *", "Part 2", "Part Two: Rain", "II.", "~ 3 ~", "Thanks for reading!", "Iliad.")]
    [True, True, True, True, True, False, False]
    """
    return bool(line) and (is_scene_break_line(line) or bool(_PART_NUMBER.fullmatch(line.strip(HEADING_DECORATION))))


def lead_run(lines: list[TextLine], roles: list[Role]) -> list[int] | None:
    """Indices of the short non-story lines that open the story text (notes, title, byline).

    None when the opening is long (then it is story text, not a title block).
    """
    run: list[int] = []
    for index, line in enumerate(lines):
        role = roles[index]
        if role.kind is RoleKind.BLANK or (role.kind is RoleKind.ASIDE and not run):
            continue
        if role.kind is not RoleKind.BODY or is_scene_break_line(line.text) or is_prose_line(line.text) and not titles_a_header(lines, index):
            return run
        run.append(index)
        if len(run) > MAX_LEAD_LINES:
            return None
    return run


def mark_title_block(lines: list[TextLine], roles: list[Role]) -> tuple[str | None, str | None]:
    """Find ``title [by author]`` in the opening short lines; lines before it are notes.

    Returns ``(title, author)``; the title and byline lines become CHROME asides. The file's
    first line that opens a work's header (:func:`titles_a_header`) but reads as a sentence
    (``Hope you enjoy!``) is a note, and the book keeps its file's title.
    """
    run = lead_run(lines, roles) or []
    titles = [i for i in run if (is_title_like(lines[i].text) or titles_a_header(lines, i)) and not byline_author(lines[i].text)]
    if not titles:
        return None, None
    title_index = titles[-1]
    for index in run[: run.index(title_index)]:
        roles[index] = aside(AsideKind.NOTES)
    if reads_as_sentence(lines[title_index].text):  # the file's first line before a work's header, no title: a note
        roles[title_index] = aside(AsideKind.NOTES, new_region=True)
        return None, None
    roles[title_index] = aside(AsideKind.CHROME, new_region=True)
    author = None
    after = run[run.index(title_index) + 1 :]
    if after and byline_author(lines[after[0]].text):
        author = byline_author(lines[after[0]].text)
        roles[after[0]] = aside(AsideKind.CHROME)
    return lines[title_index].text, author


def classify_plain(lines: list[TextLine], *, opening: bool = True) -> tuple[list[Role], Meta, bool]:
    """Roles for plain text and FFN-style files; the flag says whether a header was found.

    ``opening=False``: the lines go on from an earlier part of the file (no title block, no
    header before the first chapter heading)."""
    roles = initial_roles(lines)
    mark_headings(lines, roles)
    fields = mark_header_lines(lines, roles, in_lead=opening)
    title, author = mark_title_block(lines, roles) if opening else (None, None)
    mark_author_notes(lines, roles)
    mark_end_notes(lines, roles)
    meta = Meta(
        title=fields.get("title") or title,
        author=fields.get("author") or author,
        fandom=fields.get("fandom") or fields.get("fandoms"),
        summary=fields.get("summary"),
    )
    return roles, meta, bool(fields)


# --------------------------------------------------------------------- Story
def title_from_path(path: str | Path) -> str:
    """A readable title from a file name.

    >>> title_from_path("stories/my_story-final.txt")
    'My Story Final'
    """
    words = re.split(r"[\s_\-.]+", Path(path).stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Untitled"


def aside_text(text: str, asides, kind: AsideKind) -> str | None:
    """Text of the work-level asides of one kind, paragraphs separated by blank lines."""
    parts = [text[a.start : a.end] for a in asides if a.kind is kind and a.chapter is None]
    return "\n\n".join(parts) or None


def story_from_text(text: str, *, source_path: str, encoding: str = "utf-8", continues: str | None = None) -> Story:
    """Build a Story from decoded text (any plain-text shape).

    Raises ``InputError("PATH has no story text: ...")`` when every line is a note or header.
    ``continues``: the text is a later part of a big file whose first part was read as this
    format (``"ao3-text"``, ``"text"``...): no title or header is looked for, and an AO3 part
    starts inside the story text. Such a part may hold no story text at all.

    >>> s = story_from_text("Chapter 1: Rain\\n\\nIt rained.\\n", source_path="rain.txt")
    >>> [(c.index, c.title, len(c.blocks)) for c in s.chapters], s.title
    ([(1, 'Rain', 1)], 'Rain')
    """
    lines = split_lines(text)
    if continues == "ao3-text" or (continues is None and is_ao3_copy(lines)):
        roles, ao3 = classify_ao3(lines, in_story=continues is not None)
        meta, story_format = Meta(ao3.title, ao3.author, ao3.fandom), "ao3-text"
    else:
        roles, meta, has_header = classify_plain(lines, opening=continues is None)
        story_format = continues or ("ffn-text" if has_header else "text")
    chapters, asides = assemble(lines, roles)
    if continues is None and not any(chapter.blocks for chapter in chapters):
        raise InputError(f"{source_path} has no story text: every line looks like a header, note or site text")
    return Story(
        text=text,
        title=meta.title or title_from_path(source_path),
        title_from_file=not meta.title,
        author=meta.author,
        source_path=source_path,
        chapters=chapters,
        asides=asides,
        fandom=meta.fandom,
        summary=meta.summary or aside_text(text, asides, AsideKind.SUMMARY),
        encoding=encoding,
        format=story_format,
    )


def read_text_file(path: Path) -> Story:
    """The registered reader for plain-text stories (``.txt`` and unknown suffixes)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    text, encoding = decode_story_bytes(data, str(path))
    return story_from_text(text, source_path=str(path), encoding=encoding)
