"""The reader of a reader-insert: their gender, from the work's tags or from how others address them.

A reader-insert's tags say who "you" are (``Female Reader``, ``Fem!Reader``, ``Reader (Male)``,
``GN!Reader``); the reader has no pronouns of their own in a story told to you, so without the
tags the voice would be a guess. Tags are strong evidence; the text addressing the reader with
a gendered word (``"Y/N, you're such a good girl"``) is weak evidence, used only where the tags
say nothing; no evidence leaves the gender unknown.
"""

from __future__ import annotations

import re
from collections import Counter

from ficaudio import letters
from ficaudio.attribute.mentions import writes_reader_placeholder
from ficaudio.models import Gender

_FEMALE = r"female|fem|f|femme|girl|woman|lady"
_MALE = r"male|masc|m|boy|man|guy"
_NEUTRAL = r"gender[- ]?neutral|gn|nb|non[- ]?binary|enby|agender|genderless"
_GENDER_WORD = rf"(?P<g>{_NEUTRAL}|{_FEMALE}|{_MALE})"
_READER_WORD = r"(?:reader|y/n)"
# Why three shapes: the `!` of fandom shorthand (`Fem!Reader`) is never prose; a gender word
# before `Reader` is a tag only as an item of a list (`Tags: Female Reader, Fluff`, `Ren x Male
# Reader`), never `a female reader came in`; after it, in brackets (`Reader (Female)`) or in a
# note's sentence (`reader is a girl`), or the pronouns a note gives them (`Reader uses she/her`).
_READER_TAGS = (
    letters.compile(rf"(?<![\w!]){_GENDER_WORD}!{_READER_WORD}(?!\w)", re.I),
    letters.compile(rf"(?:^|[,:;(/&×]|\bx\b)\s*{_GENDER_WORD}[ -]{_READER_WORD}(?:[ -]insert)?\s*(?=[,;)\n]|$)", re.I | re.M),
    letters.compile(rf"\b{_READER_WORD}\s*[(\[]\s*{_GENDER_WORD}\s*[)\]]", re.I),
    letters.compile(rf"\b{_READER_WORD} is (?:an? )?{_GENDER_WORD}\b", re.I),
    letters.compile(rf"\b{_READER_WORD}\s+(?:uses|is referred to (?:as|with|by))\s+(?P<g>she|he|they)\s*/\s*(?:her|him|them)\b", re.I),
)


def tagged_reader_gender(text: str) -> tuple[Gender, str] | None:
    """The reader's gender the tags of a work's header (``text``: the text up to
    :attr:`Header.front_end`) say, with the tag as the reason; ``None`` where no tag says one. A neutral tag (``GN!Reader``) is an answer too: unknown, on purpose.
    Tags saying both genders say nothing.

    >>> tagged_reader_gender("Relationship: Ren/Reader\\nAdditional Tags: Fluff, Female Reader, Slow Burn")
    (<Gender.FEMALE: 'female'>, 'tag Female Reader')
    >>> tagged_reader_gender("Kai x Male!Reader"), tagged_reader_gender("Kai x GN!Reader")[0]
    ((<Gender.MALE: 'male'>, 'tag Male!Reader'), <Gender.UNKNOWN: 'unknown'>)
    >>> tagged_reader_gender("A/N: Y/N = your name. Reader uses she/her in this one."), tagged_reader_gender("Reader uses they/them.")[0]
    ((<Gender.FEMALE: 'female'>, 'tag Reader uses she/her'), <Gender.UNKNOWN: 'unknown'>)
    >>> tagged_reader_gender("Kai x Reader"), tagged_reader_gender("Then a female reader came in, frowning.")
    (None, None)
    """
    found: Counter = Counter()
    first: dict[Gender, str] = {}
    for pattern in _READER_TAGS:
        for m in pattern.finditer(text):
            gender = _gender_of_word(m.group("g"))
            found[gender] += 1
            first.setdefault(gender, m.group().strip(" ,:;(/&×").removeprefix("x ").removeprefix("X ").strip())
    if not found or (found[Gender.MALE] and found[Gender.FEMALE]):
        return None
    gender = Gender.FEMALE if found[Gender.FEMALE] else Gender.MALE if found[Gender.MALE] else Gender.UNKNOWN
    return gender, f"tag {first[gender]}"


def _gender_of_word(word: str) -> Gender:
    word = word.lower()
    if re.fullmatch(_FEMALE, word) or word == "she":
        return Gender.FEMALE
    if re.fullmatch(_MALE, word) or word == "he":
        return Gender.MALE
    return Gender.UNKNOWN


_ADDRESS_NOUN = r"(?P<n>girl|boy|lady|woman|man|gentleman|sir|lad|lass|princess|prince|miss|ma['’]am|madam)"
# `you're (such) a good girl`, or the noun called where a name is (`Good girl, Y/N.`, `..., young man!`)
_ADDRESSED_AS = (
    letters.compile(rf"\byou(?:['’]re| are)\s+(?:such\s+)?(?:an?\s+|my\s+)?(?:\w+\s+)?{_ADDRESS_NOUN}\b", re.I),
    letters.compile(rf"(?:^\W*|,\s*)(?:(?:good|little|young|my|dear|sweet)\s+)?{_ADDRESS_NOUN}(?=\s*[,.!?…—-]|\W*$)", re.I),
)
# `Man, Y/N, you missed it.`, `Oh, boy.`: a bare `man`/`boy` opening a quotation, alone or
# after an interjection, is an exclamation said to anyone, not an address.
_EXCLAMATION = letters.compile(r"^\W*(?:(?:oh|ah|aw+|ugh|uh)\W+)?(?:man|boy)\b", re.I)
_NOUN_GENDER = {"girl": Gender.FEMALE, "lady": Gender.FEMALE, "woman": Gender.FEMALE, "lass": Gender.FEMALE,
                "princess": Gender.FEMALE, "miss": Gender.FEMALE, "ma'am": Gender.FEMALE, "madam": Gender.FEMALE,
                "boy": Gender.MALE, "man": Gender.MALE, "gentleman": Gender.MALE, "sir": Gender.MALE,
                "lad": Gender.MALE, "prince": Gender.MALE}


def addressed_reader_gender(quotes: list[str]) -> tuple[Gender, str] | None:
    """Weak evidence of the reader's gender: quotations that write the reader's placeholder
    and call them a gendered word (``"Y/N, you're such a good girl."``, ``"Morning, Y/N. Sit
    down, young man."``); one gender only, else ``None``.

    >>> addressed_reader_gender(['"Y/N, you\\'re such a good girl."', '"Tea?"'])
    (<Gender.FEMALE: 'female'>, 'called girl')
    >>> addressed_reader_gender(['"You\\'re a good girl."']), addressed_reader_gender(['"Y/N, sit, young man."', '"Hey, girl, Y/N."'])
    (None, None)
    >>> addressed_reader_gender(['"Man, Y/N, you missed it."', '"Oh, boy. Y/N is here."'])
    """
    found: dict[Gender, str] = {}
    for quote in quotes:
        if not writes_reader_placeholder(quote):
            continue
        for pattern in _ADDRESSED_AS:
            for m in pattern.finditer(quote):
                if (exclaimed := _EXCLAMATION.match(quote)) and exclaimed.end() == m.end():
                    continue
                noun = m.group("n").lower().replace("’", "'")
                found.setdefault(_NOUN_GENDER[noun], f"called {noun}")
    return found.popitem() if len(found) == 1 else None

