"""The reader-insert's placeholders: where a story told to "you" writes the reader's name.

Reader-inserts write ``Y/N`` ("your name"; also ``y/n``, ``(Y/N)``, ``[Y/N]``, ``F/N``, first
name) where the reader fills in their own name, and ``L/N`` (last name), ``M/N`` (middle name)
or ``Y/L/N`` (your last name) for the rest of it. The one pattern here is what both the
attribution (:mod:`ficaudio.attribute.mentions`: the placeholder is a person, the reader) and
the speech (:mod:`ficaudio.textnorm`: what is said for it) take for a placeholder.

A placeholder is no part of a word nor of a run of slashed letters (``and/or y/no``,
``Y/N/A``, ``NY/NJ``, ``2Y/N``, ``and/Y/N``), but an italic or thought marker may touch it
(``_Y/N_``, ``/Y/N, you idiot,/``); its brackets come in pairs.

>>> [m.group() for m in READER_NAME_RE.finditer("_Y/N_ and (y/n)'s bag, [F/N], Y/N/A, and/or y/no, (Y/N")]
['Y/N', "(y/n)'s", '[F/N]', 'Y/N']
>>> [m.group() for m in re.finditer(OTHER_NAME_PART, "Y/N L/N, (M/N) and Y/L/N, not L/NA")]
['L/N', '(M/N)', 'Y/L/N']
"""

from __future__ import annotations

import re


def _bare_or_bracketed(letters: str) -> str:
    return rf"(?:\(\s*{letters}\s*\)|\[\s*{letters}\s*\]|{letters})"


_NOT_AFTER = r"(?<![^\W_])(?<![^\W_]/)"  # no letter or digit before, nor a letter and a slash
_NOT_BEFORE = r"(?![^\W_])(?!/[^\W_])"
READER_NAME = _NOT_AFTER + _bare_or_bracketed(r"(?i:[yf]/n)") + _NOT_BEFORE
OTHER_NAME_PART = _NOT_AFTER + _bare_or_bracketed(r"(?i:y/l/n|[lm]/n)") + _NOT_BEFORE
POSSESSIVE = r"(?P<possessive>['’]s(?![^\W_]))"
YES_NO = _bare_or_bracketed(r"(?i:y/n)")  # a yes/no prompt after a question, when nothing else follows
READER_NAME_RE = re.compile(rf"{READER_NAME}{POSSESSIVE}?")


def reader_name_at(text: str, at: int) -> re.Match | None:
    """The reader's name placeholder whose letters start at ``at`` (its brackets and
    possessive ``'s`` included), or None.

    >>> text = "He took (Y/N)'s hand."
    >>> reader_name_at(text, 9).group(), reader_name_at("Y/NA", 0)
    ("(Y/N)'s", None)
    """
    if at and text[at - 1] in "([":
        bracketed = READER_NAME_RE.match(text, at - 1)
        if bracketed:
            return bracketed
    return READER_NAME_RE.match(text, at)
