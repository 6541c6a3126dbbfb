"""Lines of a text story and the named rules that say what one line looks like.

Every rule here looks at one stripped line (plus, for some, its neighbours) and knows
nothing about the reader's state; the readers in :mod:`ficaudio.parse.text` and
:mod:`ficaudio.parse.ao3` combine them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
"""Zero-width characters treated like whitespace: they carry no story text."""

QUOTE_OPENERS = "\"“„«‘'"
"""Characters a line of dialogue starts with."""


@dataclass(frozen=True)
class TextLine:
    """One line of Story.text: its stripped content and the span of that content."""

    start: int  # offset of the first non-space character (line start when blank)
    end: int  # offset after the last non-space character
    text: str  # == story text[start:end]

    @property
    def blank(self) -> bool:
        return not self.text


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace and zero-width characters at both ends.

    >>> strip_span("  ab \\u200b", 0, 6)
    (2, 4)
    """
    while start < end and (text[start].isspace() or text[start] in INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
        end -= 1
    return start, end


def split_lines(text: str) -> list[TextLine]:
    """Split on ``\\n`` only (as the text was read), keeping offsets of stripped content.

    >>> [(l.start, l.end, l.text) for l in split_lines(" a \\n\\nb")]
    [(1, 2, 'a'), (4, 4, ''), (5, 6, 'b')]
    """
    lines, offset = [], 0
    for raw in text.split("\n"):
        start, end = strip_span(text, offset, offset + len(raw))
        lines.append(TextLine(start, end, text[start:end]))
        offset += len(raw) + 1
    return lines


# ------------------------------------------------------------------ scene breaks
SCENE_BREAK_RE = re.compile(r"(?:[oO0xX_]|[^\w\s\"“”„«»‘’'.…?!,;()])+")
LETTERED_BREAK_RE = re.compile(r"[oO]{3,}|[xX]{3,}|(?:[oO][xX])+[oO]?|(?:[xX][oO])+[xX]?")  # its letters, symbols taken out


def is_scene_break_line(line: str) -> bool:
    """A line of symbols only (``***``, ``* * *``, ``~~~``, ``oOo``, ``xXx``, ``-o-o-o-``, ``---``, ``§``),
    or one ``o``/``x`` framed by symbols (``~o~``, ``-x-``).

    Quotes, dots and ``?!`` alone are not breaks: ``"..."`` and ``…`` are speech or beats.

    >>> [is_scene_break_line(s) for s in ("* * *", "oOo", "-xXx-", "-o-o-o-", "~o~", "~", "...", '"!"', "Ox", "o-", "No", "000")]
    [True, True, True, True, True, True, False, False, False, False, False, False]
    """
    core = "".join(line.split())
    if not core or not SCENE_BREAK_RE.fullmatch(core):
        return False
    if letters := re.sub(r"[^A-Za-z0-9]", "", core):
        framed = len(letters) == 1 and letters in "oOxX" and not core[0].isalnum() and not core[-1].isalnum()
        return framed or (len(core) >= 3 and bool(LETTERED_BREAK_RE.fullmatch(letters)))
    return True


# -------------------------------------------------------------------- chapters
NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]?(?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
)
ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
CHAPTER_RE = re.compile(
    rf"(?:chapter\s*|chap(?:\.\s*|\s+)|ch(?:\.\s*|\s+))(?P<num>\d+|{NUMBER_WORD}|{ROMAN})(?![\w'’])"
    r"(?:\s*[:.\-–—~|)]+\s*(?P<title>.*?)|\s+(?P<bare>\S.*?))?\s*",
    re.IGNORECASE,
)
SPECIAL_CHAPTER_RE = re.compile(r"(?:prologue|epilogue|interlude)(?:\s*[:.\-–—]+\s*.*?)?\s*", re.IGNORECASE)
HEADING_DECORATION = " \t#*~=_[]<>|"
MAX_HEADING_CHARS = 100


def chapter_heading_title(line: str) -> str | None:
    """Title of a chapter heading line, ``""`` for a heading without a title, None if no heading.

    Prologue/Epilogue/Interlude headings are their own title.

    >>> [chapter_heading_title(s) for s in ("Chapter 12: The Storm", "CHAPTER XII", "Chapter Twelve - Rain")]
    ['The Storm', '', 'Rain']
    >>> [chapter_heading_title(s) for s in ("Prologue", "End Prologue.", "Chapter 2 was long.", "Chi")]
    ['Prologue', None, None, None]
    """
    core = line.strip(HEADING_DECORATION)
    if not core or len(core) > MAX_HEADING_CHARS or core[0] in QUOTE_OPENERS:
        return None
    if SPECIAL_CHAPTER_RE.fullmatch(core):
        return core
    match = CHAPTER_RE.fullmatch(core)
    if not match:
        return None
    if match["bare"] is not None:  # "Chapter 3 The Storm": only when the rest reads as a title
        return match["bare"] if is_title_like(match["bare"]) else None
    return (match["title"] or "").strip(HEADING_DECORATION)


# ---------------------------------------------------------------- titles, prose
MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or so the to up with".split())


def is_title_like(line: str) -> bool:
    """Short, capitalised, not a sentence: ``A Stone Has Never Felt So Heavy``.

    >>> [is_title_like(s) for s in ("With One Long Kiss", "Hope you love angst!", '"Hi," he said')]
    [True, False, False]
    """
    words = line.split()
    if not 1 <= len(words) <= 15 or len(line) > 80 or line[0] in QUOTE_OPENERS:
        return False
    if line[-1] in ".,;!?…\"”'’" or not (line[0].isupper() or line[0].isdigit()):
        return False
    major = [w for w in words[1:] if w.lower() not in MINOR_WORDS and w[0].isalpha()]
    return sum(w[0].isupper() for w in major) >= len(major) / 2


def is_prose_line(line: str) -> bool:
    """A line that reads as story text: long, or dialogue, or a full sentence of 8+ words.

    >>> [is_prose_line(s) for s in ('"No!"', "A Stone Has Never Felt So Heavy", "x" * 120)]
    [True, False, True]
    """
    if len(line) >= 100 or line[0] in QUOTE_OPENERS:
        return True
    return len(line.split()) >= 8 and line[-1] in ".!?…\"”"


BYLINE_RE = re.compile(r"(?:by|written by|author)\s*:?\s+(?P<name>\S.{0,58})", re.IGNORECASE)


def byline_author(line: str) -> str | None:
    """The name in ``by NAME`` / ``Written by NAME``.

    >>> byline_author("by Quillfeather"), byline_author("Bye now")
    ('Quillfeather', None)
    """
    match = BYLINE_RE.fullmatch(line)
    return match["name"].strip() if match else None


# ----------------------------------------------------------------- FFN headers
HEADER_RE = re.compile(r"(?P<key>[A-Za-z][A-Za-z'’/ .]{0,24}?)\s*:\s*(?P<value>.*)")
AUTHOR_NOTE_RE = re.compile(r"(?:a/n|author'?s'? notes?)\b\s*[:.\-–—]?\s*.*", re.IGNORECASE)


def _header_keys() -> frozenset[str]:
    """Keys of FFN-style header lines, several words long ("word count") or one."""
    multi = {"author's note", "author's notes", "authors note", "authors notes", "author note",
             "author notes", "word count", "beta reader", "beta'd by", "betaed by", "dedicated to",
             "additional tags", "archive warning", "archive warnings", "content warning",
             "content warnings", "trigger warning", "trigger warnings", "written for"}
    single = {"pairing", "pairings", "rating", "ratings", "rated", "warning", "warnings", "disclaimer", "a/n",
              "an", "note", "notes", "summary", "title", "author", "genre", "genres", "character",
              "characters", "fandom", "fandoms", "words", "status", "spoiler", "spoilers", "beta",
              "prompt", "dedication", "category", "categories", "timeline", "setting", "language",
              "published", "updated", "chapters", "series", "relationship", "relationships", "tags",
              "cw", "tw", "length", "feedback", "crossover", "couples"}
    return frozenset(multi | single)


FFN_HEADER_KEYS = _header_keys()
WORK_ONLY_KEYS = FFN_HEADER_KEYS - {
    "author", "categories", "category", "feedback", "language", "length", "note", "notes", "prompt", "published",
    "series", "setting", "status", "timeline", "title", "updated", "warning", "warnings"}
"""The header keys only a work's header has: not those a story's own lines may say too (``Warning: hull
breach``, ``Note: back by six``, ``Status: missing``, ``Setting: the docks``, ``Title: Fool`` on a game's screen)."""


def header_field(line: str) -> tuple[str, str] | None:
    """``(key, value)`` of an FFN-style header line, key lower-cased; None otherwise.

    >>> header_field("Pairings: Mara/Tobin"), header_field("She said: no")
    (('pairings', 'Mara/Tobin'), None)
    """
    match = HEADER_RE.fullmatch(line)
    if match is None:
        return None
    key = match["key"].strip().lower().replace("’", "'")
    return (key, match["value"].strip()) if key in FFN_HEADER_KEYS else None


def is_work_field(line: str) -> bool:
    """A header line only a work's header has: a field of :data:`WORK_ONLY_KEYS` or an author's note.

    >>> [is_work_field(s) for s in ("Pairing: Mara/Tobin", "A/N: hi!", "Warning: hull breach", "Note: back by six")]
    [True, True, False, False]
    """
    found = header_field(line)
    return found[0] in WORK_ONLY_KEYS if found else is_author_note_line(line)


def reads_as_sentence(line: str) -> bool:
    """A line that ends as a sentence does and is no title without that end: ``Hope you enjoy!``,
    ``The note on the fridge was short.``, not ``Why Does It Have To Be Boats?``.

    >>> [reads_as_sentence(s) for s in ("Hope you enjoy!", "Why Does It Have To Be Boats?", "salt road")]
    [True, False, False]
    """
    end = SENTENCE_END_RE.search(line)
    return end is not None and not is_title_like(line[: end.start()] or line)


SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”'’)]*\s*$")


def is_author_note_line(line: str) -> bool:
    """``A/N: ...`` or ``Author's Note: ...`` lines (an aside wherever they appear).

    >>> is_author_note_line("A/N: thanks for reading!"), is_author_note_line("Anna ran.")
    (True, False)
    """
    return bool(AUTHOR_NOTE_RE.fullmatch(line))
