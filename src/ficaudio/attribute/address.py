"""Forms of address: ``ma'am``, ``sir``, ``my lady``, ``Your Highness``, ``Captain`` name the
listener, so the people they fit are not the speaker of the quotation that uses them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ficaudio import letters
from ficaudio.attribute.characters import Person
from ficaudio.attribute.document import Document
from ficaudio.attribute.lexicon import NEUTRAL_TITLES, SHORT_TITLES, TITLE_GENDER, same_title
from ficaudio.models import Gender

# Titles of rank (not of mere courtesy or kinship: `Mr.`, `Aunt`): a `sir` or `ma'am` goes to them.
_COURTESY_OR_KIN = frozenset({"mr", "mister", "master", "mistress", "mrs", "miss", "ms", "uncle", "aunt", "father", "mother", "brother", "sister",
                              "monsieur", "herr", "signor", "signora", "frau", "madame", "mademoiselle", "mme", "mlle"})
RANK_TITLES = (frozenset(TITLE_GENDER) | NEUTRAL_TITLES) - _COURTESY_OR_KIN
# Titles that call their bearer when said alone (``"Yes, Master."``, ``"Aye, Captain."``): rank, and
# master/mistress, which a servant or an apprentice says to a master, though a ``sir`` goes to no miller.
_CALLED_TITLES = RANK_TITLES | {"master", "mistress"}
_MONARCHS = frozenset({"king", "queen", "emperor", "empress", "majesty"})  # "Your Majesty"
_ROYAL_CHILDREN = frozenset({"prince", "princess", "highness"})  # "Your Highness"

_GENDERED_ADDRESS = letters.compile(r"\b(?:(sir|my lord|milord|your lordship)|(ma['’]am|madam|my lady|milady|your ladyship))\b", re.IGNORECASE)
# "Your Highness", "Majesty" (capitalised, as a form of address is): not "His Majesty" (spoken of) nor "the majesty of it".
_ROYAL_ADDRESS = letters.compile(r"(?<![Hh]is )(?<![Hh]er )(?<![Tt]heir )\b(?:[Yy]our (?:[Rr]oyal |[Ii]mperial )?)?(?:(Highness)|Majesty)\b")
_NAME_AFTER_STOP = letters.compile(r"\.\s*[A-Z]")
_RANK_ADDRESS = letters.compile(r"(?:^\W*|,\s*)([A-Z][a-z]+)\s*(?=[,.!?…—-]|\W*$)")
_NIM = letters.compile(r"-nim(?![A-Za-z])", re.IGNORECASE)  # Korean: "Manager-nim", any role made a title


def person_titles(person: Person) -> frozenset[str]:
    """The titles a person is known by: the first word of each of their names, and the noun
    of a ``the X`` description (``Captain Dray``, ``the captain`` -> captain).

    >>> sorted(person_titles(Person("Princess Isolde", forms={"the princess": 1, "Isolde": 2})))
    ['isolde', 'princess']
    """
    return _titles_of(person.name, tuple(person.forms))


@lru_cache(maxsize=4096)
def _titles_of(name: str, forms: tuple[str, ...]) -> frozenset[str]:
    """:func:`person_titles` of a person's names (remembered: every form of address in a story
    is fitted against every person of its roster)."""
    titles = set()
    for form in (name, *forms):
        words = form.lower().replace(".", "").split()
        if words:
            titles.add(words[1] if words[0] in ("the", "her", "his") and len(words) == 2 else words[0])
    return frozenset(titles)


def addressed_by_rank(doc: Document, quote: str, courtesy: bool = True) -> list[str]:
    """People a quotation's forms of address fit: ``"Yes, ma'am."`` -> every woman of rank
    (a title that is not `Mrs.`/`Aunt`); ``"Sir, you're bleeding."`` -> every man of rank;
    ``"Yes, Majesty."`` -> a king or queen, ``"Say what, Highness?"`` -> a prince or princess
    (or, where no prince or princess fits, a king or queen, whom stories call that too);
    ``"Yes, Captain."`` or ``"Aye, Capt."`` -> the captain; so does any role with the Korean
    ``-nim`` (``"Manager-nim, slow down."`` -> the manager), which makes a title of any role.
    None of them says it: a form of address names the listener. Without ``courtesy``, only
    titles (``Highness``, ``Captain``) are read, not ``sir``/``ma'am``/``my lord``, which any
    man or woman spoken to politely may be called.

    Scenes: tests/test_attribute_address.py.
    """
    wanted = _wanted(quote, courtesy)
    if not wanted:
        return []
    fit = [p.name for p in doc.roster.people if _fits(p, wanted)]
    if not fit and any(ranks is _ROYAL_CHILDREN for _, ranks in wanted):
        crowned = [(gender, _MONARCHS if ranks is _ROYAL_CHILDREN else ranks) for gender, ranks in wanted]
        fit = [p.name for p in doc.roster.people if _fits(p, crowned)]
    return fit


@lru_cache(maxsize=4096)
def _wanted(quote: str, courtesy: bool = True) -> tuple[tuple[Gender | None, frozenset[str]], ...]:
    """(gender, titles) pairs the quotation's forms of address ask for (remembered: the rules
    ask of one quotation many times)."""
    wanted: list[tuple[Gender | None, frozenset[str]]] = []
    if courtesy:
        for m in _GENDERED_ADDRESS.finditer(quote):
            wanted.append((Gender.MALE if m.group(1) else Gender.FEMALE, RANK_TITLES))
    for m in _ROYAL_ADDRESS.finditer(quote):
        wanted.append((None, _ROYAL_CHILDREN if m.group(1) else _MONARCHS))
    for m in _RANK_ADDRESS.finditer(quote):
        if not courtesy and _GENDERED_ADDRESS.fullmatch(m.group(1)):
            continue  # "Sir, you're bleeding.": any man spoken to politely, not the knight
        if (word := m.group(1).lower()) in _CALLED_TITLES and not title_before_name(m.group(1), quote[m.end(1):]):
            wanted.append((None, frozenset(rank for rank in _CALLED_TITLES if same_title(rank, word))))
        elif _NIM.match(quote, m.end(1)):
            wanted.append((None, frozenset({word})))  # Korean: any role called with -nim ("Manager-nim, slow down.")
    return tuple(wanted)


def title_before_name(word: str, after: str) -> bool:
    """A title written short with its full stop (``Dr.``, ``Capt.``) stands before a name, not
    for one: ``"Dr. Haddad, I can explain"`` calls Dr. Haddad alone, not every doctor; a stop
    that closes the quotation (``"Aye, Capt."``) leaves the title standing for the person.

    >>> title_before_name("Dr", ". Haddad, I can explain."), title_before_name("Doctor", "."), title_before_name("Capt", ".")
    (True, False, False)
    """
    return word.lower() in SHORT_TITLES and bool(_NAME_AFTER_STOP.match(after))


def _fits(person: Person, wanted: Sequence[tuple[Gender | None, frozenset[str]]]) -> bool:
    """Whether a person has the gender and a title one of the forms of address asks for (their
    titles read only when the gender fits)."""
    ranks = [ranks for gender, ranks in wanted if gender is None or person.gender is gender]
    if not ranks:
        return False
    titles = person_titles(person)
    return any(titles & r for r in ranks)
