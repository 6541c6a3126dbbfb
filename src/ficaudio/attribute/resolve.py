"""Turn a mention (``she``, ``the ANBU captain``, ``I``) into a character, using what was read so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from ficaudio.attribute.characters import Person
from ficaudio.attribute.document import Document, Mention, Paragraph, Salience
from ficaudio.models import Gender

FIRST_PERSON_NAME = "I"
"""Name of the first-person narrator until the text tells us theirs."""

_GENERIC_HEADS = frozenset({"man", "woman", "boy", "girl", "gentleman", "lady", "lad", "lass", "fellow", "guy", "stranger", "figure", "person", "child", "kid", "youth"})


@dataclass
class Conversation:
    """Who has been talking in the current scene, most recent turn last."""

    turns: list[str] = field(default_factory=list)
    addressee: str | None = None  # named by a vocative in the last turn
    narration_paragraphs: int = 0  # narration-only paragraphs since the last turn

    def participants(self) -> list[str]:
        seen: list[str] = []
        for name in reversed(self.turns[-6:]):
            if name not in seen:
                seen.append(name)
        return seen

    def reset(self) -> None:
        self.turns.clear()
        self.addressee = None
        self.narration_paragraphs = 0


class Resolver:
    """Reads the narration in order and resolves mentions to people."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.salience = Salience()
        self.conversation = Conversation()
        self._resolved: dict[int, str | None] = {}  # mention start -> person name
        self._people = {p.name: p for p in doc.roster.people}

    def person(self, name: str) -> Person | None:
        return self._people.get(name)

    def gender(self, name: str) -> Gender:
        p = self._people.get(name)
        return p.gender if p else Gender.UNKNOWN

    def read(self, para: Paragraph) -> None:
        """Resolve and remember every narration mention of a paragraph, in order."""
        for m in para.mentions:
            name = self.mention(m, para)
            if name:
                self.salience.add(m.start, name, m.subject)

    def mention(self, m: Mention, para: Paragraph) -> str | None:
        """The person a mention refers to (cached: a mention is resolved once)."""
        if m.start not in self._resolved:
            self._resolved[m.start] = self._resolve(m, para)
        return self._resolved[m.start]

    def _resolve(self, m: Mention, para: Paragraph) -> str | None:
        if m.kind == "name":
            return m.person
        if m.kind == "first_person":
            return self.first_person().name
        if m.kind == "pronoun":
            return pronoun_by_gender(self, m.gender, m.start, para)
        return description_referent(self, m, para)

    def first_person(self) -> Person:
        existing = self.person(FIRST_PERSON_NAME)
        if existing:
            return existing
        person = self.doc.roster.add(Person(FIRST_PERSON_NAME), [])
        self._people[person.name] = person
        return person

    def add_person(self, person: Person) -> None:
        self._people[person.name] = person


def pronoun_by_gender(resolver: Resolver, gender: Gender, position: int, para: Paragraph, *, exclude: str | None = None) -> str | None:
    """``she`` is the most recently mentioned woman; ``he`` the most recent man.

    Example: ``Ino waved at Kakashi. She smiled.`` -> Ino. Characters whose gender is
    unknown are used only when nobody of the pronoun's gender was mentioned recently.
    """
    fallback = None
    for _, name, _ in resolver.salience.recent(position):
        if name == exclude:
            continue
        g = resolver.gender(name)
        if g is gender:
            return name
        if g is Gender.UNKNOWN and fallback is None and name != FIRST_PERSON_NAME:
            fallback = name
    return fallback


def speaker_pronoun(resolver: Resolver, gender: Gender, position: int, para: Paragraph) -> str | None:
    """The speaker meant by ``she said``: two women talking -> the subject of this paragraph,
    else the one who did not speak last; otherwise the most recent woman.

    Example: Ino and Sakura talk; ``Ino laughed. "Fine," she said.`` -> Ino;
    ``"Fine," she said.`` right after Ino spoke, with no subject in the paragraph -> Sakura.
    """
    subject = _paragraph_subject(resolver, gender, position, para)
    if subject:
        return subject
    turns = resolver.conversation.turns
    same = _recent_of_gender(resolver, gender, position)
    if turns and len(same) >= 2 and same[0] == turns[-1]:
        return same[1]  # two women talking: "she said" right after one spoke is the other
    return pronoun_by_gender(resolver, gender, position, para)


def _recent_of_gender(resolver: Resolver, gender: Gender, position: int, limit: int = 30) -> list[str]:
    """Distinct people of a gender in the recent events, most recent first."""
    names: list[str] = []
    for _, name, _ in resolver.salience.recent(position, limit):
        if name not in names and resolver.gender(name) is gender:
            names.append(name)
    return names


def _paragraph_subject(resolver: Resolver, gender: Gender, position: int, para: Paragraph) -> str | None:
    for m in reversed([m for m in para.mentions if m.start < position and m.subject]):
        name = resolver.mention(m, para)
        if name and resolver.gender(name) is gender:
            return name
    return None


def description_referent(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """``the Hokage`` -> the character with that alias or title; ``the woman`` -> the most
    recent woman; ``his wife`` -> a woman other than the man just mentioned; otherwise a new
    character named by the description (``the ANBU captain``)."""
    roster = resolver.doc.roster
    bare = m.text.split(" ", 1)[1] if " " in m.text else m.text
    for form in (m.text, bare, "the " + bare):
        if person := roster.lookup(form):
            return person.name
    titled = _titled_person(resolver, m.head) or _same_head_description(resolver, m.head)
    if titled:
        return titled
    if m.gender is not Gender.UNKNOWN and (m.head in _GENERIC_HEADS or not m.text.lower().startswith(("the ", "a ", "an "))):
        return pronoun_by_gender(resolver, m.gender, m.start, para, exclude=_possessor(resolver, m, para))
    if m.text.lower().startswith(("a ", "an ")):
        return None  # "a man" is someone new and nameless
    person = roster.description_person(m.text.lower() if m.text[:1].isupper() else m.text, m.gender)
    resolver.add_person(person)
    return person.name


def _titled_person(resolver: Resolver, head: str) -> str | None:
    """``the captain`` is ``Captain Rhys`` when exactly one character bears that title."""
    hits = [p.name for p in resolver.doc.roster.people if p.name.lower().startswith(head + " ") and head]
    return hits[0] if len(hits) == 1 else None


def _same_head_description(resolver: Resolver, head: str) -> str | None:
    """``the captain`` after ``the ANBU captain`` was met: the same person."""
    hits = [p.name for p in resolver.doc.roster.people if p.name.startswith("the ") and p.name.endswith(" " + head)]
    return hits[0] if len(hits) == 1 else None


def _possessor(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """For ``his wife``: the man ``his`` refers to, who is not the wife."""
    det = m.text.split(" ", 1)[0].lower()
    if det not in ("his", "her"):
        return None
    return pronoun_by_gender(resolver, Gender.MALE if det == "his" else Gender.FEMALE, m.start, para)
