"""Marked thoughts in plain text: ``/like this/``, ``*like this*``, ``_like this_``.

Plain-text fan fiction loses italics; writers mark inner speech with slashes, asterisks or
underscores instead. Only narration is searched (emphasis inside a quotation stays dialogue).
HTML and EPUB keep their italics as :attr:`~ficaudio.models.Story.emphasis` spans;
:func:`emphasis_thoughts` picks the thoughts among them by the same test.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ficaudio import placeholders

THOUGHT_MARKERS = "/*_"
# The marker must touch a boundary outside and a non-space inside, so `and/or`, `5 * 3`,
# `snake_case` and `http://a/b` never open one. A reader-insert's placeholder (`Y/N`, `L/N`)
# is one word of the content, slashes and all: `/Y/N, you idiot,/ you thought`.
_PLACEHOLDER = f"(?:{placeholders.READER_NAME}|{placeholders.OTHER_NAME_PART})"
_THOUGHT_RE = re.compile(
    r"""(?<![^\s(\["“'‘—–-])"""  # start of text, or a space/bracket/quote/dash before
    r"""([/*_])(?=[^\s/*_])"""  # opening marker, a non-space right after it
    rf"""((?:{_PLACEHOLDER}|(?!\1)[^\n])*?(?:{_PLACEHOLDER}|[^\s/*_]))"""  # the content: no marker of the same kind, no newline
    r"""\1(?![^\s.,;:!?)\]}"”'’—–…-])"""  # closing marker, then end/space/punctuation
)
# One marked word is a thought when punctuated like a clause: `*Idiot,* he thought`.
CLAUSE_END = ".!?…,;:—–-"


def looks_like_thought(content: str, stands_alone: bool) -> bool:
    """Marked text that reads as inner speech, not one emphasised word or a path.

    Two or more words, or a word punctuated like a clause (``Idiot!``, ``Idiot,``), or all
    there is of its narration piece (``stands_alone``).

    >>> looks_like_thought("I hate this", False), looks_like_thought("very", False)
    (True, False)
    >>> looks_like_thought("Idiot!", False), looks_like_thought("see://x y", False)
    (True, False)
    """
    if "://" in content or "www." in content:
        return False
    return stands_alone or len(content.split()) >= 2 or content[-1] in CLAUSE_END


def find_thoughts(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of marked thoughts (markers included) in the narration ``text[lo:hi]``.

    >>> text = "He sighed. /Not again./ Use and/or 5 * 3 or my_var."
    >>> [text[s:e] for s, e in find_thoughts(text, 0, len(text))]
    ['/Not again./']
    """
    piece = text[lo:hi]
    spans = []
    for match in _THOUGHT_RE.finditer(piece):
        alone = not (piece[: match.start()].strip() or piece[match.end() :].strip())
        if looks_like_thought(match.group(2), alone) and not in_chat_thread(text, lo + match.start()):
            spans.append((lo + match.start(), lo + match.end()))
    return spans


# A line of a text-message thread or a chat log: a marked line that opens on a sender's name
# (capitalised words, a bracketed note) and a colon: ``*Priya: the buses*``, ``_Kyle (Group 7): lol ok_``.
_CHAT_LINE = re.compile(r"[ \t]*([/*_])([A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){0,2}(?:[ \t]+\([^)\n]*\))?:[ \t]+[^\n]*\1[ \t]*")

LIST_LABELS = frozenset(
    "plan option step rule note reminder goal priority problem question fact lesson pro pros con cons "
    "todo to-do item reason point idea choice task target objective".split()
)
"""Words that head a line of someone's own list, not a sender: ``*Plan A: hide.*`` / ``*Plan B: run.*``
are one mind's two plans, not two people texting."""


def in_chat_thread(text: str, at: int) -> bool:
    r"""Whether the marked text starting at ``at`` is a line of a text-message thread: its
    line and the line before or after it are each a marked line opening on a sender's name
    and a colon (``*Marcus: u alive*`` / ``*Marcus: thank the new girl for me*``). Written
    words, no one's thought; one such line alone may be a thought's plan (``*Plan B: run.*``).

    >>> t = "Four messages.\n*Priya: kyle*\n*Kyle (Group 7): lol ok*\n\nShe sighed."
    >>> in_chat_thread(t, t.index("*Priya")), in_chat_thread(t, t.index("*Kyle"))
    (True, True)
    >>> t = "He stood.\n\n*Plan B: run.*\n\nHe ran."
    >>> in_chat_thread(t, t.index("*Plan"))
    False
    >>> t = "It buzzed.\n\n*Ren: you up?*\n\n*Ren: i did something dumb*\n\nShe groaned."
    >>> in_chat_thread(t, t.index("*Ren: you")), in_chat_thread(t, t.index("*Ren: i"))
    (True, True)
    >>> t = "He stood.\n\n*Plan A: hide.*\n*Plan B: run.*\n\nHe ran."
    >>> in_chat_thread(t, t.index("*Plan A")), in_chat_thread(t, t.index("*Plan B"))
    (False, False)
    """
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if not _is_chat_line(text, (start, end)):
        return False
    return _is_chat_line(text, _line_before(text, start)) or _is_chat_line(text, _line_after(text, end))


def _line_before(text: str, start: int) -> tuple[int, int] | None:
    """The nearest line before the line at ``start`` that is not blank (blank lines between
    paragraphs skipped: a thread may give each message a paragraph of its own)."""
    while start > 0:
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return start, end
    return None


def _line_after(text: str, end: int) -> tuple[int, int] | None:
    """The nearest line after the line ending at ``end`` that is not blank."""
    while end < len(text):
        start = end + 1
        end = _line_end(text, start)
        if text[start:end].strip():
            return start, end
    return None


def _is_chat_line(text: str, span: tuple[int, int] | None) -> bool:
    """Whether ``span`` is a marked line opening on a sender and a colon; a list's label
    (``*Step two: ...*``) is no sender."""
    match = span and _CHAT_LINE.fullmatch(text, *span)
    return bool(match) and match.group(2).lower() not in LIST_LABELS


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


# ------------------------------------------------------------ italics (HTML/EPUB)
TRAILING_PUNCTUATION = ".,;:!?…—–"

Span = tuple[int, int]


def emphasis_in(emphasis: Sequence[Span], lo: int, hi: int) -> list[Span]:
    """The emphasis spans (sorted by start) that start inside ``[lo, hi)``, clipped to it.

    >>> emphasis_in([(0, 2), (5, 9), (12, 30)], 4, 20)
    [(5, 9), (12, 20)]
    """
    first = bisect.bisect_left(emphasis, (lo, lo))
    found = []
    for start, end in emphasis[first:]:
        if start >= hi:
            break
        found.append((start, min(end, hi)))
    return found


def with_trailing_punctuation(text: str, end: int, hi: int) -> int:
    """Extend an italic span over the punctuation right after it: ``<i>Not again</i>.``

    >>> with_trailing_punctuation("Not again. He", 9, 13)
    10
    """
    while end < hi and text[end] in TRAILING_PUNCTUATION:
        end += 1
    return end


def overlaps(span: Span, others: Sequence[Span]) -> bool:
    """True when ``span`` shares a character with one of ``others``.

    >>> overlaps((3, 6), [(0, 3), (8, 9)]), overlaps((3, 6), [(5, 7)])
    (False, True)
    """
    return any(start < span[1] and span[0] < end for start, end in others)


def emphasis_thoughts(text: str, emphasis: Sequence[Span], lo: int, hi: int, quotations: Sequence[Span]) -> list[Span]:
    """Italic spans of the paragraph ``text[lo:hi]`` that are thoughts.

    An italic span that touches a quotation stays with the dialogue (emphasis in speech, or an
    italic flashback holding speech); the others are thoughts when they read like one
    (:func:`looks_like_thought`: two words, a clause, or all there is between quotations).

    >>> text = 'I can do this. "You *can*," she said. Maybe not.'
    >>> [text[s:e] for s, e in emphasis_thoughts(text, [(0, 13), (20, 23), (38, 47)], 0, len(text), [(15, 26)])]
    ['I can do this.', 'Maybe not.']
    """
    thoughts = []
    for start, end in emphasis_in(emphasis, lo, hi):
        end = with_trailing_punctuation(text, end, hi)
        if overlaps((start, end), quotations):
            continue
        gap_start = max([q_end for _, q_end in quotations if q_end <= start], default=lo)
        gap_end = min([q_start for q_start, _ in quotations if q_start >= end], default=hi)
        alone = not (text[gap_start:start].strip() or text[end:gap_end].strip())
        if looks_like_thought(text[start:end], alone):
            thoughts.append((start, end))
    return thoughts


def merge_thoughts(marked: Sequence[Span], italic: Sequence[Span]) -> list[Span]:
    """Both kinds of thought spans in order; an italic span overlapping a marked one is dropped.

    >>> merge_thoughts([(5, 9)], [(0, 3), (6, 12)])
    [(0, 3), (5, 9)]
    """
    kept = [span for span in italic if not overlaps(span, marked)]
    return sorted([*marked, *kept])
