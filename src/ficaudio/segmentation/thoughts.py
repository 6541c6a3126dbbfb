"""Marked thoughts in plain text: ``/like this/``, ``*like this*``, ``_like this_``.

Plain-text fan fiction loses italics; writers mark inner speech with slashes, asterisks or
underscores instead. Only narration is searched (emphasis inside a quotation stays dialogue).
"""

from __future__ import annotations

import re

THOUGHT_MARKERS = "/*_"
# The marker must touch a boundary outside and a non-space inside, so `and/or`, `5 * 3`,
# `snake_case` and `http://a/b` never open one.
_THOUGHT_RE = re.compile(
    r"""(?<![^\s(\["“'‘—–-])"""  # start of text, or a space/bracket/quote/dash before
    r"""([/*_])(?=[^\s/*_])"""  # opening marker, a non-space right after it
    r"""((?:(?!\1)[^\n])*?[^\s/*_])"""  # the content: no marker of the same kind, no newline
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
        if looks_like_thought(match.group(2), alone):
            spans.append((lo + match.start(), lo + match.end()))
    return spans
