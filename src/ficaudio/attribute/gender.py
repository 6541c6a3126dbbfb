"""Gender of each character from the text: titles, honorifics, and the pronouns after its name."""

from __future__ import annotations

import re
from collections import Counter

from ficaudio.attribute.characters import Person, Roster
from ficaudio.attribute.lexicon import FEMALE_PRONOUNS, HONORIFIC_GENDER, MALE_PRONOUNS
from ficaudio.attribute.mentions import NameRun
from ficaudio.models import Gender

_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_WINDOW_CHARS = 120  # about one sentence after the name
_NEXT_SENTENCE = re.compile(r"^[^.!?\"“”]*[.!?]\s+(He|She)\b")


def pronoun_after_name(text: str, run: NameRun, next_run_start: int) -> Gender:
    """The gender of the first he/she-family pronoun after a name, before the next name.

    >>> from ficaudio.attribute.mentions import name_runs, words
    >>> t = "Sakura shook her head."
    >>> pronoun_after_name(t, name_runs(words(t), t)[0], len(t))
    <Gender.FEMALE: 'female'>
    """
    window = text[run.end:min(next_run_start, run.end + _WINDOW_CHARS)]
    m = _PRONOUN.search(window)
    if not m:
        return Gender.UNKNOWN
    return Gender.MALE if m.group(1).lower() in MALE_PRONOUNS else Gender.FEMALE


_OWN_BODY = re.compile(r"\b(?:his|her)\s+(?:own\s+)?(?:head|eyes|eye|hand|hands|arms|arm|face|lips|mouth|shoulders|shoulder|hair|teeth|fists|fist|brow|chin|nose|voice|breath|feet|legs|jaw|cheeks|throat|back)\b", re.IGNORECASE)


_WEIGHT = {"he": 1.0, "she": 1.0, "himself": 1.0, "herself": 1.0, "his": 0.8, "hers": 0.8, "her": 0.5, "him": 0.3}


def _pronoun_weight(text: str, run: NameRun, next_run_start: int) -> float:
    """How surely the first pronoun after a name speaks of the named person.

    ``he``/``she`` and ``shook her head`` do: 1. ``his`` usually belongs to the subject
    (``Oren settles into his seat``): 0.8; ``her`` may be an object: 0.5; ``him`` after a
    name is mostly someone else (``Oren looked at him``): 0.3.

    >>> t = "Oren settles into his seat."
    >>> from ficaudio.attribute.mentions import name_runs, words
    >>> _pronoun_weight(t, name_runs(words(t), t)[0], len(t))
    0.8
    """
    pronoun = _first_pronoun(text, run, next_run_start)
    window = text[run.end:min(next_run_start, run.end + _WINDOW_CHARS)]
    first = _PRONOUN.search(window)
    if first and _OWN_BODY.match(window, first.start()):
        return 1.0
    return _WEIGHT.get(pronoun, 0.0)


def _first_pronoun(text: str, run: NameRun, next_run_start: int) -> str:
    m = _PRONOUN.search(text[run.end:min(next_run_start, run.end + _WINDOW_CHARS)])
    return m.group(1).lower() if m else ""


_PREPOSITION_BEFORE = re.compile(r"\b(?:to|at|with|from|of|for|by|on|in|into|toward|towards|about|than|like|upon|over|under|behind)\W*$", re.IGNORECASE)


def _object_discount(text: str, run: NameRun) -> float:
    """A pronoun after a name that follows a preposition (``To Holmes she is...``) is as likely
    about someone else: 0.3; after a subject name (``Holmes said he...``): 1."""
    return 0.3 if _PREPOSITION_BEFORE.search(text[max(0, run.start - 12):run.start]) else 1.0


def vote_pronouns(text: str, runs: list[tuple[NameRun, Person]]) -> dict[str, Counter]:
    """Count, per person, the pronoun genders that follow its mentions in narration."""
    votes: dict[str, Counter] = {}
    for k, (run, person) in enumerate(runs):
        next_start = runs[k + 1][0].start if k + 1 < len(runs) else len(text)
        gender = pronoun_after_name(text, run, next_start)
        if gender is not Gender.UNKNOWN:
            weight = _pronoun_weight(text, run, next_start) * _object_discount(text, run)
            votes.setdefault(person.name, Counter())[gender] += weight
        if run.initial and (m := _NEXT_SENTENCE.match(text[run.end:next_start])):
            # "Oren sighs. He sits." -- the next sentence's subject is usually the same person
            votes.setdefault(person.name, Counter())[Gender.MALE if m.group(1) == "He" else Gender.FEMALE] += 1
    return votes


def honorific_gender(person: Person) -> Gender:
    """``-kun`` says male, ``-hime`` female; ``-chan``/``-sensei`` say nothing."""
    genders = {HONORIFIC_GENDER[f.rpartition("-")[2].lower()] for f in person.forms if f.rpartition("-")[2].lower() in HONORIFIC_GENDER}
    genders.discard(Gender.UNKNOWN)
    return genders.pop() if len(genders) == 1 else Gender.UNKNOWN


def infer_genders(roster: Roster, text: str, runs: list[tuple[NameRun, Person]]) -> None:
    """Set each person's gender (unless configured or titled) with a reason the user can read."""
    votes = vote_pronouns(text, runs)
    for person in roster.people:
        if person.gender is not Gender.UNKNOWN:
            continue
        count = votes.get(person.name, Counter())
        male, female = count[Gender.MALE], count[Gender.FEMALE]
        if max(male, female) >= 1 and max(male, female) > 2 * min(male, female):
            person.gender = Gender.MALE if male > female else Gender.FEMALE
            person.gender_reason = f"he x{male:g}, she x{female:g} after mentions"
        elif (by_suffix := honorific_gender(person)) is not Gender.UNKNOWN:
            person.gender, person.gender_reason = by_suffix, "honorific"
