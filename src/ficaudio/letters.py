"""Letter classes that include accented letters, for the text patterns that look for names.

Fan fiction is full of names written with accents and macrons: Tomás, Zoë, Chloé, Björn, Élodie,
Łukasz, Ōkami, Yūki. A pattern written ``[A-Z][a-z]+`` reads ``Tomás`` as ``Tom`` and
``Élodie`` as no name at all, so one person becomes two voices (or none). :func:`compile` is
``re.compile`` with every ``A-Z`` and ``a-z`` range in the pattern widened to the upper- and
lower-case letters of the Latin, Greek and Cyrillic blocks, so patterns keep their plain
spelling and still see those names.

>>> compile(r"\\b[A-Z][a-z]+\\b").findall("Tomás met Élodie and Łukasz")
['Tomás', 'Élodie', 'Łukasz']
>>> compile(r"[^A-Za-z]+").findall("Zoë, Ōkami")
[', ']
"""

from __future__ import annotations

import re

_BLOCKS = (range(0xC0, 0x530), range(0x1E00, 0x1F00))  # Latin-1 .. Cyrillic, Latin Extended Additional
UPPER = "".join(c for block in _BLOCKS for c in map(chr, block) if c.isalpha() and c.isupper())
LOWER = "".join(c for block in _BLOCKS for c in map(chr, block) if c.isalpha() and c.islower())


def widen(pattern: str) -> str:
    """The pattern with its ``A-Z``/``a-z`` ranges taking accented letters too."""
    return pattern.replace("A-Z", "A-Z" + UPPER).replace("a-z", "a-z" + LOWER)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - mirrors re.compile
    """``re.compile`` of :func:`widen` (pattern)."""
    return re.compile(widen(pattern), flags)
