"""Turn a mention (``she``, ``the ANBU captain``, ``I``) into a character, using what was read so far."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Callable, Collection

from ficaudio import letters
from ficaudio.attribute.aliases import join_person
from ficaudio.attribute.characters import DUBBED, Person
from ficaudio.attribute.document import Document, Mention, Paragraph, Salience, looks_like_verb, told_to_you
from ficaudio.attribute.lexicon import FIRST_PERSON_MIN_SHARE, FAMILY_KIN, GENDERED_ROLES, KIN_GENDER, NOT_AFTER_SHORT_TITLE, SPEECH_VERBS, SUBORDINATORS, TITLES
from ficaudio.attribute.mentions import compound_head, fold, is_group_noun, is_name_word, owned_tag_subject, word_before
from ficaudio.models import Gender

FIRST_PERSON_NAME = "I"
"""Name of the first-person narrator until the text tells us theirs."""

_SUBJECT_REACH_CHARS = 200  # a subject this far before a same-gender object still wins
VOICE_HEADS = frozenset({"voice", "voices"})
_GENERIC_HEADS_OF = {  # a described person may later be called by a plainer noun
    "father": ("man", "gentleman", "fellow"), "mother": ("woman", "lady"), "husband": ("man",), "wife": ("woman", "lady"),
    "boy": ("lad", "child", "kid", "youth"), "girl": ("lass", "child", "kid", "lady"),
}
GENERIC_HEADS = frozenset({"man", "woman", "boy", "girl", "gentleman", "lady", "lad", "lass", "fellow", "guy", "stranger", "figure", "person", "child", "kid", "youth"})


@dataclass
class Conversation:
    """Who has been talking in the current scene, most recent turn last."""

    turns: list[str] = field(default_factory=list)
    addressee: str | None = None  # named by a vocative in the last turn
    acted_on: str | None = None  # the one person the last turn's narration names as its object
    narration_paragraphs: int = 0  # narration-only paragraphs since the last turn
    exchange: int = 0  # turns taken since the last paragraph of narration alone
    last_actor: str | None = None  # subject of the narration that ended the previous paragraph
    announced: str | None = None  # who the previous paragraph's closing words said would speak
    reacted: str | None = None  # a listener whose reaction alone filled the previous paragraph
    gestured: str | None = None  # a listener whose nod or shake of the head opened the previous paragraph
    narrated: list[str] = field(default_factory=list)  # narration subjects since the last turn
    before_last_turn: list[str] = field(default_factory=list)  # narration subjects just before the last turn
    onlookers: set[str] = field(default_factory=set)  # subjects of that narration since the last turn who only watch (:func:`.conversation.onlookers`)
    acting: set[str] = field(default_factory=set)  # subjects of that narration shown doing more than watching
    onlookers_before_last_turn: set[str] = field(default_factory=set)  # the same, just before the last turn
    departed: set[str] = field(default_factory=set)  # sent away by the narration, not back to speak yet
    silent: set[str] = field(default_factory=set)  # said by the narration since the last turn to keep silent
    call: str = ""  # a phone call: "ringing", "open", or "" for none
    on_line: str | None = None  # who the voice on the line of that call is
    into_phone: bool = False  # the last turn was spoken into the phone
    line_reported: bool = False  # narration since the last turn told what the far end of the call said
    holder: str | None = None  # who holds the phone on a call: its owner when it rang, or who answered it
    on_speaker: bool = False  # the call is heard by the room (``on speaker``)
    call_lines: int = 0  # lines heard since the phone rang
    last_speaker: str | None = None  # who said the last quotation, unless a narration paragraph came since
    last_tagged: bool = False  # that quotation's own paragraph named its speaker (a tag or an action beat)
    tagged_quote: tuple[int, str] | None = None  # the last quotation so named (its segment, its speaker), kept past narration
    summoned: str | None = None  # called forward to be questioned (``"The Crown calls Edith Marsh."``), not heard yet
    asked: bool = False  # the last turn ended on a question
    reported: tuple[str, str | None, bool] | None = None  # a speech act a paragraph of narration just reported: speaker, listener, words given

    def participants(self) -> list[str]:
        seen: list[str] = []
        for name in reversed(self.turns[-6:]):
            if name not in seen:
                seen.append(name)
        return seen

    def reset(self) -> None:
        self.turns.clear()
        self.addressee = None
        self.acted_on = None
        self.narration_paragraphs = 0
        self.exchange = 0
        self.last_actor = None
        self.announced = None
        self.reacted = None
        self.gestured = None
        self.narrated = []
        self.before_last_turn = []
        self.onlookers, self.onlookers_before_last_turn, self.acting = set(), set(), set()
        self.departed = set()
        self.silent = set()
        self.call, self.on_line, self.into_phone, self.line_reported = "", None, False, False
        self.holder, self.on_speaker, self.call_lines = None, False, 0
        self.summoned, self.asked = None, False
        self.reported = None
        self.last_speaker, self.last_tagged = None, False

    def rename(self, old: str, new: str) -> None:
        """Every mention of ``old`` in the scene's state becomes ``new`` (two people found one).

        >>> c = Conversation(turns=["the nurse", "Ada"], addressee="the nurse", departed={"the nurse"})
        >>> c.rename("the nurse", "Wen"); (c.turns, c.addressee, c.departed)
        (['Wen', 'Ada'], 'Wen', {'Wen'})
        """
        one = {old: new}
        self.turns, self.narrated, self.before_last_turn = ([one.get(n, n) for n in names] for names in (self.turns, self.narrated, self.before_last_turn))
        self.departed, self.silent, self.onlookers, self.onlookers_before_last_turn, self.acting = (
            {one.get(n, n) for n in names} for names in (self.departed, self.silent, self.onlookers, self.onlookers_before_last_turn, self.acting))
        for field_name in ("addressee", "acted_on", "last_actor", "announced", "reacted", "gestured", "on_line", "holder", "last_speaker", "summoned"):
            person = getattr(self, field_name)
            setattr(self, field_name, one.get(person, person))
        if self.reported:
            speaker, listener, words_given = self.reported
            self.reported = (one.get(speaker, speaker), one.get(listener, listener), words_given)
        if self.tagged_quote:
            index, speaker = self.tagged_quote
            self.tagged_quote = (index, one.get(speaker, speaker))


class Resolver:
    """Reads the narration in order and resolves mentions to people."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.salience = Salience()
        self.conversation = Conversation()
        self._resolved: dict[int, str | None] = {}  # mention start -> person name
        self.settled: dict[int, str] = {}  # pronoun start -> the speaker a quotation found it to be
        self.voice_sources: dict[str, str] = {}  # a thing a named voice came from ("console") -> that person
        self.matches: dict[str, list[int]] = {}  # a pattern of an attribute -> where the text has it
        self.marks: dict[str, list[int]] | None = None  # a role -> where the text gives someone its mark (role_marks)
        self.surnames: dict[str, set[str]] | None = None  # a person -> the surnames the text writes after their name (family_names)
        self._people = {p.name: p for p in doc.roster.people}
        self.scene_start = 0  # where the scene being read began
        self.drawn_break = False  # whether it began after a written break (a line of symbols, a chapter heading), not a run of blank lines
        self.paragraph: Paragraph | None = None  # the paragraph being read, and the one before
        self.previous_paragraph: Paragraph | None = None
        self.inner_states: Counter = Counter()  # person -> inner states the scene's narration reports of them
        self.story_inner_states: Counter = Counter()  # the same, over the whole story so far
        self.unfree_replies: dict[int, tuple[str, list[str]]] = {}  # a scene's first reply no one of the scene is free to give -> (the voice it answers, the names it calls)

    def person(self, name: str) -> Person | None:
        return self._people.get(name)

    def gender(self, name: str) -> Gender:
        p = self._people.get(name)
        return p.gender if p else Gender.UNKNOWN

    def viewpoint(self, gender: Gender) -> str | None:
        """The scene's viewpoint character of ``gender``: the one whose inner states the
        narration reports most (twice at least, more often than anyone else of that gender).
        Until a scene gives anyone's inner states that often, it is told from the head the
        story so far was mostly told from: that one person goes on past ``* * *``."""
        if found := most_inner_states(self, self.inner_states, gender):
            return found
        if any(most_inner_states(self, self.inner_states, g) for g in (Gender.FEMALE, Gender.MALE)):
            return None
        story = most_inner_states(self, self.story_inner_states, None)
        return story if story and self.gender(story) is gender else None

    def read(self, para: Paragraph) -> None:
        """Resolve and remember every narration mention of a paragraph, in order."""
        if para.scene_start:
            self.scene_start = para.start
            self.drawn_break = bool(self.doc.text[self.paragraph.end if self.paragraph else 0:para.start].strip())
            self.inner_states.clear()
        self.previous_paragraph, self.paragraph = self.paragraph, para
        for m in para.mentions:
            name = self.mention(m, para)
            if name and (m.subject or m.clause_subject) and reports_inner_state(self.doc.text, m):
                self.inner_states[name] += 1
                self.story_inner_states[name] += 1
            if name:
                acts = m.subject or ((m.clause_subject or definite_description_acts(self.doc.text, m)) and not in_complement_clause(self.doc.text, m))
                self.salience.add(m.start, name, acts and not named_as_relation(self.doc.text, m))

    def mention(self, m: Mention, para: Paragraph) -> str | None:
        """The person a mention refers to (cached: a mention is resolved once)."""
        if m.start not in self._resolved:
            self._resolved[m.start] = self._resolve(m, para)
        return self._resolved[m.start]

    def read_as(self, m: Mention) -> str | None:
        """The person a mention was already resolved to, if it was (nothing is resolved anew)."""
        return self._resolved.get(m.start)

    def settle(self, m: Mention, name: str) -> None:
        """A pronoun found to be a quotation's speaker means that person from now on: in
        ``"Nadia does." He swipes to answer. "Hey, you're on speaker."`` both quotations are his."""
        self._resolved[m.start] = self.settled[m.start] = name

    def _resolve(self, m: Mention, para: Paragraph) -> str | None:
        if m.kind == "name":
            return m.person
        if m.kind == "first_person":
            return self.first_person().name if narrated_in_first_person(self.doc) else None
        if m.kind == "second_person":
            return self.first_person().name if told_to_you(self.doc) else None
        if m.kind == "pronoun":
            bound = named_later_in_clause(self, m, para)
            name = pronoun_by_gender(self, m.gender, m.start, para, exclude=bound)
            learn_gender_from_pronoun(self, name, m, bound)
            return name
        name = description_referent(self, m, para)
        if name:
            keep_fuller_description(self.doc.roster.by_name(name), m)
        return name

    def first_person(self) -> Person:
        """The person the story is told by or to: ``I`` of a first-person story, ``you`` of one told to you."""
        existing = self.person(FIRST_PERSON_NAME)
        if existing:
            return existing
        person = self.doc.roster.add(Person(FIRST_PERSON_NAME), [])
        self._people[person.name] = person
        return person

    def add_person(self, person: Person) -> None:
        self._people[person.name] = person

    def join(self, described: str, name: str) -> None:
        """``described`` (a person known by a description so far) is ``name``: their forms,
        gender and past mentions become ``name``'s."""
        person, owner = self._people.pop(described), self._people[name]
        join_person(self.doc.roster, person, owner)
        self.doc.roster.index(described, owner, force=True)  # the description itself, never a form of its own person
        self.salience.rename(described, name)
        self._resolved = {at: name if n == described else n for at, n in self._resolved.items()}
        self.settled = {at: name if n == described else n for at, n in self.settled.items()}
        self.voice_sources = {at: name if n == described else n for at, n in self.voice_sources.items()}
        self.conversation.rename(described, name)


def most_inner_states(resolver: Resolver, counts: Counter, gender: Gender | None) -> str | None:
    """The named person of ``gender`` (None: of either) with the most inner states in
    ``counts``: two at least, more than anyone else of that gender."""
    genders = (gender,) if gender else (Gender.FEMALE, Gender.MALE)
    ranked = list(islice(((n, c) for n, c in counts.most_common() if resolver.gender(n) in genders and n != FIRST_PERSON_NAME and not n[0].islower()), 2))  # the first two decide
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


_INNER_STATE = letters.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:(?:could|couldn[’']t|can|can[’']t|did|didn[’']t|does|doesn[’']t|would|had|has)\s+(?:not\s+|never\s+|only\s+|almost\s+|still\s+|just\s+)?)?"
    r"(?:thinks?|thought|feels?|felt|wonder(?:s|ed)?|knows?|knew|reali[sz](?:e|es|ed)|notic(?:e|es|ed)|hates?|hated|wish(?:es|ed)?|remember(?:s|ed)?|wants?|wanted|hop(?:e|es|ed)|fears?|feared|suspect(?:s|ed)?|see|hear|tell|sense[sd]?|decid(?:e|es|ed)|imagin(?:e|es|ed))\b")


def reports_inner_state(text: str, m: Mention) -> bool:
    """Whether the narration reports a thought, a feeling or a perception of the subject
    ``m``: ``she thought``, ``she felt``, ``she could see``, ``she hates that she notices``.
    The person the narration does this for most in a scene is its viewpoint character.

    >>> t = "She wondered why. Bea could see the door. Bea took the cup."
    >>> [reports_inner_state(t, Mention(s, e, "name", t[s:e])) for s, e in ((0, 3), (18, 21), (42, 45))]
    [True, True, False]
    """
    return bool(_INNER_STATE.match(text, m.end))


def newcomer_named_by_tag(resolver: Resolver, name: str, tag_at: int) -> str | None:
    """A person described as they come in (``A figure stepped through the doorway.``) whom the
    next paragraph's tag names on their first appearance (``"Hayame-chan," said Gensai
    Kurobane.``) is that person: the description to join to the name, or None.

    Scenes: tests/test_attribute_resolve.py.
    """
    previous = resolver.previous_paragraph
    if previous is None or previous.quotes or resolver.salience.first_seen.get(name, tag_at) < tag_at:
        return None
    for m in previous.mentions:
        if m.kind == "description" and m.subject and m.text.lower().startswith(("a ", "an ")):
            described = resolver.mention(m, previous)
            person = resolver.person(described) if described else None
            if person and not person.known and described.startswith("the ") and resolver.salience.first_seen.get(described, 0) >= previous.start:
                return described if resolver.gender(name) in (Gender.UNKNOWN, person.gender) else None
    return None


_RELATION_APPOSITION = letters.compile(r",\s+(?:his|her|their)\s")


def named_as_relation(text: str, m: Mention) -> bool:
    """``and Millie, her lymphatic maid, had been brisked up, she carried the cloth``: a name
    whose apposition makes it someone's relation is not who the sentence is about (the
    ``her`` is another woman, the one the next ``she`` means).

    >>> t = "and Millie, her maid, had been scolded, she carried the cloth"
    >>> named_as_relation(t, Mention(4, 10, "name", "Millie")), named_as_relation("Millie, come here", Mention(0, 6, "name", "Millie"))
    (True, False)
    """
    return m.kind == "name" and bool(_RELATION_APPOSITION.match(text, m.end))


_THE_HEAD_VERB = letters.compile(r"\s+([a-z]+)")


def definite_description_acts(text: str, m: Mention) -> bool:
    """``..., and the man needs some colour in his face``: a ``the`` description followed by
    its verb is the subject of its clause, someone already in the scene (not ``the man who``).

    >>> t = "and the man needs colour"
    >>> definite_description_acts(t, Mention(4, 11, "description", "the man", head="man")), definite_description_acts("the man who came", Mention(0, 7, "description", "the man", head="man"))
    (True, False)
    """
    if m.kind != "description" or not m.text.lower().startswith("the "):
        return False
    verb = _THE_HEAD_VERB.match(text, m.end)
    return bool(verb) and looks_like_verb(verb.group(1))


_COMPLEMENTIZERS = frozenset({"if", "whether", "that", "way", "how"})


def in_complement_clause(text: str, m: Mention) -> bool:
    """A name or description right after ``if``/``whether``/``that``/``the way``/``how`` is
    what someone thinks about or sees, not who acts: in ``He wonders if Iruka is worth the
    risk.`` and ``He had seen the way the kid flinched`` the topic stays with ``He``.

    >>> t = "He wonders if Iruka is worth it. He saw the way the kid flinched."
    >>> in_complement_clause(t, Mention(14, 19, "name", "Iruka")), in_complement_clause(t, Mention(0, 2, "pronoun", "He"))
    (True, False)
    >>> in_complement_clause(t, Mention(48, 55, "description", "the kid"))
    True
    """
    return word_before(text, m.start, 12) in _COMPLEMENTIZERS


def narrated_in_first_person(doc: Document) -> bool:
    """Whether the story has a first-person narrator: ``I`` is a real share of the narration's
    subjects (a third-person story's free indirect thoughts stay below it)."""
    return doc.first_person_share >= FIRST_PERSON_MIN_SHARE


def pronoun_by_gender(resolver: Resolver, gender: Gender, position: int, para: Paragraph, *, exclude: Collection[str] = ()) -> str | None:
    """The person a ``he``/``she`` means: the most recent one of its gender
    (:func:`recent_by_gender`), unless that one is not a subject of late and the scene's
    viewpoint character of that gender is present (:func:`viewpoint_over_passive`). Never the
    one who says ``I`` (:func:`third_person_exclude`)."""
    exclude = third_person_exclude(exclude)
    name = recent_by_gender(resolver, gender, position, para, exclude=exclude)
    return viewpoint_over_passive(resolver, gender, position, name, exclude) or name


def third_person_exclude(exclude: Collection[str]) -> frozenset[str]:
    """``exclude`` and the first person: a ``he``/``she`` never means the one who says ``I``
    (or the ``you`` a story is told to), whatever gender the narrator has: in ``I held the
    door for Noa. She nodded.`` ``she`` is Noa, even when the narrator is a woman too.

    >>> sorted(third_person_exclude({"Noa"}))
    ['I', 'Noa']
    """
    return frozenset(exclude) | {FIRST_PERSON_NAME}


TELLING_KINDS = frozenset({"first_person", "second_person"})  # mentions of the I who tells and the you told


_PRONOUN_AT = letters.compile(r"(?:he|she|He|She)\b")
_ACTIVE_REACH_CHARS = 400  # a person made a subject this recently is who a pronoun may well mean


def viewpoint_over_passive(resolver: Resolver, gender: Gender, position: int, name: str | None, exclude: Collection[str]) -> str | None:
    """In a scene told close to one person (:meth:`Resolver.viewpoint`), a ``she`` whose most
    recent woman only spoke or was acted on of late (not named as a subject of the narration
    within about three sentences) is the viewpoint character, when she is in the scene:
    ``Shay steered Iris onto the floor ... "Clearly." They sway. She keeps her eyes on his
    tie`` -> Iris, whose thoughts the scene gives, not Shay, the last woman named.

    Scenes: tests/test_attribute_resolve.py."""
    pov = resolver.viewpoint(gender)
    if not name or not pov or pov == name or pov in exclude:
        return None
    recent = [(at, n, subject) for at, n, subject in resolver.salience.recent(position, 30) if at >= resolver.scene_start]
    text = resolver.doc.text
    if any(n == name and subject and position - at <= _ACTIVE_REACH_CHARS and not _PRONOUN_AT.match(text, at) for at, n, subject in recent):
        return None
    return pov if any(n == pov for _, n, _ in recent) else None


def recent_by_gender(resolver: Resolver, gender: Gender, position: int, para: Paragraph, *, exclude: Collection[str] = ()) -> str | None:
    """``she`` is the most recent woman, preferring one who was the subject of a sentence.

    Example: ``Ino waved at Kakashi. She smiled.`` -> Ino; ``She woke and saw that the
    maid was not her nurse. She said`` -> the woman of the ``She ... saw`` chain, not the
    maid seen. Characters whose gender is unknown are used only when nobody of the
    pronoun's gender was mentioned recently -- or in the scene being read: after a scene
    break, ``Pip's phone buzzed.`` / ``She was typing`` is Pip, not a woman of the scene before.
    One of the gender met in the scene being read, even as an object, is meant before any
    subject of the scene before: ``* * *`` / ``The door was never locked to Amos. He found
    Del`` -> Amos, not the man who last did something before the break.
    """
    text = resolver.doc.text
    first, subject, fallback = None, None, None
    opening: dict[str | None, str | None] = {}  # scene_opening_referent by fallback, read once each
    for at, name, was_subject in resolver.salience.recent(position):
        if name in exclude:
            continue
        if at < resolver.scene_start <= position and first is not None:
            break  # the scene's own person of this gender, not a subject of the scene before
        if at < resolver.scene_start <= position:
            if fallback not in opening:
                opening[fallback] = scene_opening_referent(resolver, gender, fallback, exclude)
            if carried := opening[fallback]:
                return carried
        g = resolver.gender(name)
        if first is None and g is Gender.UNKNOWN and was_subject and name != FIRST_PERSON_NAME and _same_sentence(text, at, position):
            return name  # "As the ANBU captain approached her he stopped": the captain
        if g is gender:
            first = first or (at, name)
            if was_subject and subject and _SENTENCE_END.search(text, at, subject[0]):
                break  # the subordinate subject's sentence has no main subject of this gender
            if was_subject:
                subject = (at, name)
                if not (opens_subordinate_clause(text, at) and _SENTENCE_END.search(text, at, position)):
                    break
        elif g is Gender.UNKNOWN and fallback is None and name != FIRST_PERSON_NAME:
            fallback = name
    if first and subject and first[1] != subject[1] and first[0] - subject[0] > _SUBJECT_REACH_CHARS:
        return first[1]  # the subject is too far back: the recent object is the one meant
    if subject or first:
        return (subject or first)[1]
    return fallback


def scene_opening_referent(resolver: Resolver, gender: Gender, fallback: str | None, exclude: Collection[str]) -> str | None:
    """Who a ``she`` means when the scene being read has named no woman yet: the viewpoint
    character (:meth:`Resolver.viewpoint`), whose head the story goes on in past ``* * *``
    (``The guard gave them a quarter of an hour.`` / ``Corvin grinned at her`` -> the heroine,
    not the guard), else the scene's own person of unknown gender, not someone of the scene
    before (``Pip's phone buzzed.`` / ``She was typing`` -> Pip)."""
    pov = resolver.viewpoint(gender)
    return pov if pov and pov not in exclude else fallback


def opens_subordinate_clause(text: str, at: int) -> bool:
    """A subject right after ``while``/``as``/``when``/``because``/... is the subject of a side
    clause: ``She leaned across while the professor was busy.`` -- the next sentence's ``she``
    is the main clause's subject, not the professor.

    >>> t = "She leaned across while the professor was busy."
    >>> opens_subordinate_clause(t, 24), opens_subordinate_clause(t, 0)
    (True, False)
    """
    return word_before(text, at, 12) in SUBORDINATORS


_RELATIVE_CLAUSE = letters.compile(r"(?:^|[,;:—(]|--)\s*(?:which|who|whom|whose)\b[^,;:—()!?.]*$", re.IGNORECASE)


def in_relative_clause(text: str, at: int) -> bool:
    """A subject inside a clause that a comma and ``which``/``who`` open is about someone
    else's doing: ``Pell sat on my desk, which he knows I hate.`` -- neither ``he`` nor ``I``
    is who the sentence is about.

    >>> t = "Pell sat on my desk, which he knows I hate. Then I left."
    >>> [in_relative_clause(t, t.index(w)) for w in ("he knows", "I hate", "I left")]
    [True, True, False]
    """
    return bool(_RELATIVE_CLAUSE.search(text, max(0, at - 60), at))


# a determiner and up to three words of a noun phrase, then (at the end) the subject pronoun's place
_CONTACT_RELATIVE = letters.compile(r"\b(?:the|a|an|every|any|some|no|each|my|his|her|their|our|your)\s+(?P<np>(?:[a-z]+\s+){0,2}?[a-z]+)\s+$")
_CLAUSE_OPENERS = SUBORDINATORS | {"and", "but", "or", "so", "then", "yet", "nor", "if", "where", "that", "than", "till"}
_PREPOSITIONS = frozenset("""
at by for from in into of off on onto over to toward towards under upon with without about above across after against along
among around behind below beneath beside besides between beyond during except inside near past through throughout within
""".split())
_DETERMINERS = frozenset("the a an every any some no each my his her their our your this that these those".split())
_CLAUSE_BREAK = letters.compile(r"[,;:.!?—()\"“”]|--")
_CONTACT_SUBJECT = letters.compile(r"(?:I|he|she|we|they|you)\b")


def in_contact_relative_clause(text: str, at: int) -> bool:
    """A subject pronoun right after a noun phrase that a verb or preposition of its clause
    governs, with no ``who``/``that`` between, opens a relative clause on that noun: ``She was
    the only person I knew who did crosswords in pen.``, ``Dana looked at the mug I was
    holding.`` -- the sentence is about She and Dana, not about I. A noun phrase or a
    prepositional phrase that opens its clause is an adverbial (``and that night I cried``,
    ``and at the top of the stairs I stopped``: I acts), and a subordinator is no noun (``from
    his face before he spoke``). A noun phrase set after a comma beside the clause before it,
    with no conjunction, is no adverbial but that clause's noun said again (``He laughed, a big
    rusty laugh I hadn't heard in years``: He acts), unless it names a time (``He left, the next
    morning I cried``: I acts).

    >>> t = "She was the only person I had ever met. Dana looked at the mug I held. He left, and that night I cried. I ran."
    >>> [in_contact_relative_clause(t, t.index(w)) for w in ("I had", "I held", "I cried", "I ran")]
    [True, True, False, False]
    >>> t = "He turned, and at the top of the stairs I stopped. I can tell from his face before he speaks."
    >>> [in_contact_relative_clause(t, t.index(w)) for w in ("I stopped", "he speaks")]
    [False, False]
    >>> t = "He laughed, a big rusty laugh I hadn't heard. He left, the next morning I cried."
    >>> [in_contact_relative_clause(t, t.index(w)) for w in ("I hadn't", "I cried")]
    [True, False]
    """
    if not _CONTACT_SUBJECT.match(text, at):
        return False
    window = text[max(0, at - 80):at]
    m = _CONTACT_RELATIVE.search(window)
    if m is None or (_CLAUSE_OPENERS | {"like"}) & set(m.group("np").split()):  # "the roof like he": no noun
        return False
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() if breaks else 0:].split()
    opener = max((k for k, w in enumerate(clause) if w.lower() in _CLAUSE_OPENERS), default=-1)
    clause = clause[opener + 1:]
    if clause and clause[0].lower() in _DETERMINERS and opener < 0 and breaks and breaks[-1].group() == "," and clause[-1].lower() not in _TIME_NOUNS:
        return True  # "He laughed, a big rusty laugh I hadn't heard in years": a noun set beside the clause before
    return bool(clause) and clause[0].lower() not in _PREPOSITIONS | _DETERMINERS


_TIME_NOUNS = frozenset("""
night nights day days morning mornings evening evenings afternoon afternoons time times moment moments minute minutes
second seconds hour hours week weeks month months year years summer winter spring autumn fall weekend later after
before ago instant while
""".split())


def in_side_clause(text: str, at: int) -> bool:
    """A subject at ``at`` in a side clause: one a subordinator opens (:func:`opens_subordinate_clause`)
    or a relative clause (:func:`in_relative_clause`)."""
    return opens_subordinate_clause(text, at) or in_relative_clause(text, at)


_SENTENCE_END = letters.compile(NOT_AFTER_SHORT_TITLE + r"[.!?…;]")  # "Mr. Hale", "Capt. Hale" go on


def _same_sentence(text: str, start: int, position: int) -> bool:
    """Whether nothing ends a sentence between a mention and a later pronoun (a short reach).

    >>> _same_sentence("As Mr. Hale came in he sat", 3, 19), _same_sentence("Hale came. He sat", 0, 11)
    (True, False)
    """
    return position - start < 80 and not _SENTENCE_END.search(text, start, position)


def speaker_pronoun(resolver: Resolver, gender: Gender, position: int, para: Paragraph, *, exclude: Collection[str] = ()) -> str | None:
    """The speaker meant by ``she said``: two women talking -> the subject of this paragraph,
    else the one whose turn it is in an established exchange (:func:`exchange_partner`), else
    the one who did not speak in the paragraph just before, when she is in the talk (she had
    a turn of late, or was a subject in the last sentences: not a woman only named in passing,
    ``a cab waited for Mrs. Grell``); otherwise the most recent woman.

    Example: Ino and Sakura talk; ``Ino laughed. "Fine," she said.`` -> Ino;
    ``"Fine," she said.`` right after Ino spoke, with no subject in the paragraph -> Sakura.
    """
    exclude = third_person_exclude(exclude)
    subject = side_clause_subject(resolver, gender, position, para) or _paragraph_subject(resolver, gender, position, para)
    if subject and subject not in exclude:
        return subject
    conv = resolver.conversation
    turns = conv.turns
    same = _recent_of_gender(resolver, gender, position)
    if (partner := exchange_partner(conv)) and resolver.gender(partner) is gender and partner not in exclude:
        return partner  # two men talking, A, B, A: "he said" is B's turn
    if turns and conv.narration_paragraphs == 0 and same and same[0] == turns[-1] and (other := other_in_the_talk(resolver, same[1:], position, exclude)):
        return other  # two women talking: "she said" right after one spoke is the other
    return pronoun_by_gender(resolver, gender, position, para, exclude=exclude)


def side_clause_subject(resolver: Resolver, gender: Gender, position: int, para: Paragraph) -> str | None:
    """A ``he``/``she`` opening a side clause (``before``, ``until``, ``as``, ``because``...)
    means the subject its clause hangs on: the nearest subject of its gender before it in its
    own sentence, a later clause's included: ``He went, and Corin waited until the door had
    closed before he let his shoulders drop.`` -> Corin, not the one who went; the owner
    that opens a side clause of its own counts (``Tom smiles when Ben's hand brushes his as
    he sits`` -> Ben).

    Scenes: tests/test_attribute_resolve.py.
    """
    text = resolver.doc.text
    if not opens_subordinate_clause(text, position):
        return None
    for m in reversed([m for m in para.mentions if m.start < position and m.kind not in TELLING_KINDS and (m.subject or m.clause_subject or opens_subordinate_clause(text, m.start))]):
        if _SENTENCE_END.search(text, m.end, position):
            return None
        if (name := resolver.mention(m, para)) and resolver.gender(name) is gender:
            return name
    return None


def in_the_talk(resolver: Resolver, name: str, position: int) -> bool:
    """Whether a person is part of the scene's talk: a turn of late, or a subject within about two sentences."""
    return name in resolver.conversation.participants() or _recent_subject(resolver, name, position)


def other_in_the_talk(resolver: Resolver, others: list[str], position: int, exclude: Collection[str]) -> str | None:
    """The most recent of ``others`` (people of the pronoun's gender, most recent first, the
    last speaker left out) who is in the talk: a turn of late, or a subject within about two
    sentences. A woman only named in passing (``she took chemistry with Mrs. Hale``) is
    passed over for the one further back who talks."""
    return next((name for name in others if name not in exclude and in_the_talk(resolver, name, position)), None)


def exchange_partner(conv: Conversation) -> str | None:
    """Whose turn it is in an established two-person exchange: after turns A, B, A, the last
    two with no paragraph of narration before them, the next is B's. ``"You could have
    died," Oren says.`` / ``"So could you."`` / ``"I had a rifle."`` / ... -> a ``he says``
    now means the man whose turn it is, not the one who just spoke.

    >>> exchange_partner(Conversation(turns=["Oren", "Vess", "Oren"], exchange=2)), exchange_partner(Conversation(turns=["Oren", "Vess", "Oren"], exchange=1))
    ('Vess', None)
    >>> exchange_partner(Conversation(turns=["Aya", "Saki", "Jun"], exchange=3))
    """
    turns = conv.turns
    if conv.exchange < 2 or conv.narration_paragraphs or len(turns) < 3 or not turns[-3] == turns[-1] != turns[-2]:
        return None
    return turns[-2]


_COPULAS = frozenset({"was", "is", "am", "are", "were", "be", "been", "as", "named", "called", "himself", "herself"})
_CLAUSE_END = letters.compile(r"[.!?;:\"“”]")


def named_later_in_clause(resolver: Resolver, m: Mention, para: Paragraph) -> frozenset[str]:
    """People a sentence-initial ``he``/``she`` or description (or an inverted tag's
    pronoun: ``said he``) cannot mean: those named later in its own clause (binding: ``He
    walks up to Iruka`` -> he is not Iruka; ``"Sure?" he asks, turning to face Iruka`` -> not
    Iruka; ``The old woman crossed the kitchen, moved June aside`` -> not June), or described there by a
    ``the`` description, as the narration already read it (``"My friend," said he,
    addressing the old man`` -> not the old man); unless a copula links them (``He was
    Kakashi``).

    Scenes: tests/test_attribute_resolve.py.
    """
    text = resolver.doc.text
    if m.kind not in ("pronoun", "description") or not (m.subject and m.initial or _inverted_after_speech_verb(text, m)):
        return frozenset()
    names = set()
    for later in para.mentions:
        if later.start <= m.start:
            continue
        if _CLAUSE_END.search(text, m.end, later.start):
            break
        name = later.person if later.kind == "name" else resolver.read_as(later) if _definite_description(later) else None
        if name and not _after_copula(text, m.end, later.start):
            names.add(name)
    return frozenset(names)


def _definite_description(m: Mention) -> bool:
    """``the old man``, not ``her voice`` (often the pronoun's own person)."""
    return m.kind == "description" and m.text.lower().startswith("the ")


def _inverted_after_speech_verb(text: str, m: Mention) -> bool:
    """``said he``: the pronoun right after a speech verb, an inverted tag's subject."""
    return word_before(text, m.start, 16) in SPEECH_VERBS


def _after_copula(text: str, floor: int, position: int) -> bool:
    """``He was Kakashi``: the word before the name links it to the pronoun.

    >>> _after_copula("He was Kakashi", 2, 7), _after_copula("He saw Kakashi", 2, 7)
    (True, False)
    """
    return word_before(text, position, 12, floor) in _COPULAS


def _recent_of_gender(resolver: Resolver, gender: Gender, position: int, limit: int = 30) -> list[str]:
    """Distinct people of a gender in the recent events, most recent first."""
    names: list[str] = []
    for _, name, _ in resolver.salience.recent(position, limit):
        if name not in names and resolver.gender(name) is gender and name != FIRST_PERSON_NAME:
            names.append(name)
    return names


def _paragraph_subject(resolver: Resolver, gender: Gender, position: int, para: Paragraph) -> str | None:
    """The latest subject of ``gender`` in the paragraph before ``position`` (a main clause's
    too); or its latest subject, named and of a gender never shown, when nobody of ``gender`` is
    named before: whom a ``he``/``she`` at ``position`` means."""
    for k, m in enumerate(reversed([m for m in para.mentions if m.start < position and m.kind not in TELLING_KINDS and (m.subject or _main_clause_subject(resolver, m))])):
        name = resolver.mention(m, para)
        if name and resolver.gender(name) is gender:
            return name
        if k == 0 and m.kind == "name" and name and resolver.gender(name) is Gender.UNKNOWN and not someone_of_gender_before(resolver, gender, position, para):
            return name  # "Shikamaru presses his fingers... 'Why?' he mutters": the gender was never shown
    return None


def someone_of_gender_before(resolver: Resolver, gender: Gender, position: int, para: Paragraph) -> bool:
    """Whether the paragraph names a person of ``gender`` before ``position``: then a subject
    of unknown gender is not who ``she`` means (``Pip edged closer to Maren. She put a hand
    on his shoulder.`` -> Maren, not Pip).

    Scenes: tests/test_attribute_resolve.py.
    """
    return any(m.start < position and (name := resolver.mention(m, para)) and resolver.gender(name) is gender
               for m in para.mentions if m.kind in ("name", "description"))


def _main_clause_subject(resolver: Resolver, m: Mention) -> bool:
    """A name that opens a main clause mid-sentence (``Kakashi should leave, but before he
    can muster his resolve, Iruka’s back``) is the paragraph's newest subject; one after a
    conjunction (``Iruka says, and Kakashi closes his eyes``, ``if Iruka is``) is not.

    Scenes: tests/test_attribute_resolve.py.
    """
    if not m.clause_subject or m.kind != "name":
        return False
    return word_before(resolver.doc.text, m.start, 30).endswith(",")  # after "and"/"if" it is a side clause


def description_referent(resolver: Resolver, m: Mention, para: Paragraph, exclude: frozenset[str] = frozenset()) -> str | None:
    """``the Hokage`` -> the character with that alias or title; ``the captain`` -> the one
    person titled so (``Captain Rhys``) or ``the ANBU captain`` met before; ``the woman`` -> the most
    recent woman; ``his wife`` -> a woman other than the man just mentioned; ``her voice``
    -> the woman ``her`` means; ``a man`` -> someone new (``the man``); otherwise a new
    character named by the description (``the ANBU captain``). A described person found
    by alias, title, earlier description or attribute, or made new, learns an unknown
    gender from the pronoun after the mention (``The surgeon leaned over the cot. He``).
    Groups (``the people``) and a bare ``the voice`` are nobody in particular."""
    roster = resolver.doc.roster
    if m.head in VOICE_HEADS:
        return _voice_owner(resolver, m, para)
    if is_group_noun(m.head):
        return None
    bare = m.text.split(" ", 1)[1] if " " in m.text else m.text
    for form in (m.text, bare, "the " + bare):
        if person := roster.lookup(form):
            if described_in_another_scene(resolver, person, m) and (named := _generic_referent(resolver, m, para)):
                return named
            _learn_gender(resolver, person, m)
            return person.name
    if spouse := spouse_of_possessor(resolver, m, para):
        return spouse
    if partner := partner_in_header(resolver, m, para):
        return partner
    if kin := kin_sharing_surname(resolver, m, para):
        return kin
    titled = (None if possessive_rank(m) or _newcomer_knight(m) else _titled_person(resolver, m.head)) or _same_head_description(resolver, m.head, m.text)
    if titled:
        if titled.startswith("the ") and (person := resolver.person(titled)):
            _learn_gender(resolver, person, m)  # a described person only: a named one has pronouns of their own
        return titled
    if bearer := attribute_bearer(resolver, m):
        _learn_gender(resolver, resolver.person(bearer), m)
        return bearer
    indefinite = m.text.lower().startswith(("a ", "an "))
    generic = indefinite or m.head in GENERIC_HEADS
    if indefinite and (in_comparison(resolver.doc.text, m) or in_portrait_of_named(resolver.doc.text, m)) or predicates_someone(resolver.doc.text, m):
        return None  # "no other woman looked such a lady as she did", "being a modern mother, she": not a newcomer
    if generic and not (m.subject or m.clause_subject) and not _is_tag_subject(resolver, m) and not (indefinite and taken_up_by_next_sentence(resolver.doc.text, m)) and not definite_description_acts(resolver.doc.text, m):
        return None  # "like a man", "the man who finds himself...": nobody who acts in the story
    if _is_possessive(m) and not m.subject and not _is_tag_subject(resolver, m):
        return None  # "loosened his grip on his student": someone already known, not a new person
    if elder := aged_bearer(resolver, m):
        return elder
    if m.gender is not Gender.UNKNOWN and not indefinite and not narrators_relative(m) and not (located_newcomer(resolver.doc.text, m) and (m.initial and m.subject or _is_tag_subject(resolver, m))) and (m.head in GENERIC_HEADS or not m.text.lower().startswith("the ")):
        found = _generic_referent(resolver, m, para, exclude)
        if found:
            return found
    return new_described(resolver, m)


def new_described(resolver: Resolver, m: Mention) -> str:
    """Someone new, named by the description ``m`` (``a man`` -> ``the man``; ``the ANBU
    captain``)."""
    generic = m.text.lower().startswith(("a ", "an ")) or m.head in GENERIC_HEADS
    name = f"the {m.head}" if generic else (m.text.lower() if m.text[:1].isupper() else m.text)
    person = resolver.doc.roster.description_person(name, m.gender)
    _learn_gender(resolver, person, m)
    resolver.add_person(person)
    return person.name


_OLD_WORDS = frozenset({"old", "elderly", "aged"})
_MARKS_OF_AGE = r"\b(?:is|was|turned|,)\s+(?:about\s+|nearly\s+|almost\s+|past\s+|over\s+)?(?:fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+years\s+old|\s+or\s+so|\s+if\s+(?:she|he)\s+was\s+a\s+day|(?=[,.;]|\s+and\b))|\b(?:her|his)\s+grand(?:daughter|son|child|children|kids?)\b"


def aged_bearer(resolver: Resolver, m: Mention) -> str | None:
    """``the old woman`` is the one person of the scene the narration gave an old age in years
    (``Mrs. Holt is seventy-eight``, ``Abel Kerr, ninety-one years old``, ``Tobias, who was
    sixty or so``, ``his gran, Pearl, is ninety``, ``Abel was sixty if he was a day``) or a
    grandchild (``Tobias pushed a plate toward his grandson``). The age is said of the name it
    follows at once, after ``is``, ``was``, ``turned`` or a comma (``Mrs. Odell had just turned
    eighty``); the grandchild of the name nearest before it with no comma between: not ``Tess's gran was seventy``, ``Ben, his grandson, carried the bags``, ``Ana
    counted forty-nine, fifty`` nor an age said inside a quotation. A plain ``the woman`` is
    left to the other rules: only ``old``, ``elderly`` or ``aged`` asks for the age.

    Scenes: tests/test_attribute_resolve.py.
    """
    if not m.text.lower().startswith("the ") or not _OLD_WORDS & set(m.text.lower().split()):
        return None
    present = resolver.salience.named_between(resolver.scene_start, m.start)
    votes = Counter({name: n for name, n in _names_aged(resolver, m).items() if name in present})
    return _one_bearer(votes)


_AGE_AFTER_NAME = letters.compile(r"\s*(?:,\s*(?:who\s+)?)?(?:(?:has|had|just|already|only|recently|finally)\s+)*")
_GRANDCHILD_AFTER_NAME = letters.compile(r"\s+[^,]*")


def _names_aged(resolver: Resolver, m: Mention) -> Counter:
    """For each age or grandchild the narration before ``m`` gives, the name it is said of
    (``_MARKS_OF_AGE``; see :func:`aged_bearer`), when the genders do not differ."""
    doc = resolver.doc
    if _MARKS_OF_AGE not in resolver.matches:  # in narration only, read once
        resolver.matches[_MARKS_OF_AGE] = [hit.start() for hit in re.finditer(_MARKS_OF_AGE, doc.text, re.IGNORECASE) if doc.narration_span_at(hit.start())]
    return _names_before(resolver, resolver.matches[_MARKS_OF_AGE], m, _age_said_of)


def _age_said_of(text: str, name: Mention, at: int) -> bool:
    """Whether the age or grandchild at ``at`` is said of ``name``, the name nearest before it
    in its sentence: an age right after it (``Holt is``, ``Abel, ninety``, ``Tobias, who was``,
    ``Odell had just turned``), a grandchild with no comma between (not ``Ben, his grandson``)."""
    said_of = _GRANDCHILD_AFTER_NAME if text[at:at + 4].lower() in ("her ", "his ") else _AGE_AFTER_NAME
    return said_of.fullmatch(text, name.end, at) is not None


_WITH_ATTRIBUTE = letters.compile(r"\s+with\s+(?:the|a|an|his|her|their)\s+([a-z-]+(?:\s+[a-z-]+){0,2})(?=[.,;!?])")
_BLOND = "blonde?|golden|fair|flaxen"
_HAIR_COLOURS = {"redhead": "red|ginger|auburn|copper", "blonde": _BLOND, "blond": _BLOND, "brunette": "brown|dark|chestnut"}


def attribute_bearer(resolver: Resolver, m: Mention) -> str | None:
    """``says the girl with the gummy worms`` is the one named person of her gender the narration
    has written beside that thing: ``Trix has ... a bag of gummy worms``, ``says Trix around a
    gummy worm`` (the name nearest before it in its sentence; the whole phrase first, then
    without its last word: ``the pink hands`` -> ``pink``). ``The redhead`` is the one the
    narration gave red hair: ``Tess stood in the doorway, hair a red tangle``; ``the captain``
    the one it gave the mark of the role: ``Hamish came in, captain's armband on his sleeve``
    (a bare role's, not ``the captain's`` nor ``his captain's``, someone else's).

    Scenes: tests/test_attribute_resolve.py.
    """
    if not m.text.lower().startswith("the "):
        return None
    if colours := _HAIR_COLOURS.get(m.head):
        return _one_bearer(_names_beside(resolver, rf"\b(?:{colours})\b[^.!?]{{0,25}}\bhair\b|\bhair\b[^.!?]{{0,25}}\b(?:{colours})\b", m))
    if m.text.lower() == "the " + m.head and (votes := _names_before(resolver, role_marks(resolver).get(m.head, []), m)):
        return _one_bearer(votes)  # "Hamish came in, captain's armband over his sleeve": the captain
    found = _WITH_ATTRIBUTE.match(resolver.doc.text, m.end)
    phrase = found.group(1).split() if found else []
    for length in range(len(phrase), 0, -1):
        if votes := _names_beside(resolver, rf"\b{re.escape(' '.join(phrase[:length]))}(?:s|es)?\b", m):
            return _one_bearer(votes)
    return None


def _one_bearer(votes: Counter) -> str | None:
    """The person with the most votes, when no one ties them: ``{Trix: 2, Lux: 1}`` -> Trix."""
    best = votes.most_common(2)
    return best[0][0] if len(best) == 1 or best and best[0][1] > best[1][1] else None


def _names_beside(resolver: Resolver, pattern: str, m: Mention) -> Counter:
    """For each time the narration before ``m`` matches ``pattern``, the named person nearest
    before it in its sentence, when their genders do not differ."""
    if pattern not in resolver.matches:  # the same description is met again in a long story
        resolver.matches[pattern] = [hit.start() for hit in re.finditer(pattern, resolver.doc.text, re.IGNORECASE)]
    return _names_before(resolver, resolver.matches[pattern], m)


def _names_before(resolver: Resolver, places: list[int], m: Mention, said_of: Callable[[str, Mention, int], bool] | None = None) -> Counter:
    """For each place before ``m``, the named person nearest before it in its sentence, when
    their genders do not differ (and, given ``said_of``, when it says the place is theirs)."""
    doc, votes = resolver.doc, Counter()
    for at in (at for at in places if at < m.start):
        para = doc.paragraphs[bisect.bisect_right(doc.paragraph_starts, at) - 1]
        before = [n for n in para.mentions if n.kind == "name" and n.person and n.end <= at and not _SENTENCE_END.search(doc.text, n.end, at)]
        if not before or said_of is not None and not said_of(doc.text, before[-1], at):
            continue
        if m.gender is Gender.UNKNOWN or resolver.gender(before[-1].person) in (m.gender, Gender.UNKNOWN):
            votes[before[-1].person] += 1
    return votes


_POSSESSIVE_S = letters.compile(r"['’]s\s+[a-z]")
_BARE_ROLE_OWNING = letters.compile(r"(?:,|\bwith|\bwearing|\bin)\s+([a-z]+)$")


def role_marks(resolver: Resolver) -> dict[str, list[int]]:
    """Where the text gives someone the mark of a role, by the role's bare possessive after a
    comma, ``with``, ``wearing`` or ``in`` (``, captain's armband``, ``in nurse's scrubs``; not
    ``the captain's``, ``his captain's``): role -> places, read once per story. A kin or sex
    word is no role (``, father's old watch in his hand`` is a keepsake, not a mark).

    >>> r = Resolver.__new__(Resolver); r.doc = type("D", (), {"text": "Hamish came in, captain's armband on. The captain's wife waved. Tom sat, father's watch in hand."})(); r.marks = None
    >>> role_marks(r)
    {'captain': [16]}
    """
    if resolver.marks is None:
        text, resolver.marks = resolver.doc.text, {}
        for hit in _POSSESSIVE_S.finditer(text):
            owning = _BARE_ROLE_OWNING.search(text, max(0, hit.start() - 30), hit.start())
            if owning and (owning.group(1) not in KIN_GENDER or owning.group(1) in GENDERED_ROLES):
                resolver.marks.setdefault(owning.group(1), []).append(owning.start(1))
    return resolver.marks


def described_in_another_scene(resolver: Resolver, person: Person, m: Mention) -> bool:
    """``the man`` met again after a scene break or a chapter, where the scene has not
    mentioned the man of the earlier one: the plain noun may be someone the new scene names
    (``The man who answered spoke lightly`` behind the ballroom curtain is Mr. Strake, who
    just walked past it, not the man at the gate two chapters back).

    Scenes: tests/test_attribute_resolve.py.
    """
    if person.known or not (person.name.startswith("the ") and m.text.lower().startswith("the ")) or m.head not in GENERIC_HEADS or m.gender is Gender.UNKNOWN:
        return False  # "a man" is someone new; a described character of the user's roster stays
    if repeated_epithet(resolver.doc.text, m):
        return False  # "the girl in grey" again: the story's fixed name for one person
    return all(at < resolver.scene_start for at, name, _ in resolver.salience.recent(m.start) if name == person.name)


def repeated_epithet(text: str, m: Mention) -> bool:
    """A ``the`` description with where it is or what it wears that the text has used before
    (``The girl in grey tilts her head`` ... after a scene break ``The girl in grey is looking
    at the letter``) is a fixed epithet of one person, not a plain noun for whoever the new
    scene names: ``the girl`` alone may be anyone, ``the girl in grey`` is the one met before.

    >>> t = "The girl in grey nods. The girl in grey smiles."
    >>> [repeated_epithet(t, Mention(at, at + 8, "description", "The girl", head="girl")) for at in (0, 23)]
    [False, True]
    >>> repeated_epithet("The girl in red nods. The girl in grey smiles.", Mention(22, 30, "description", "The girl", head="girl"))
    False
    """
    found = _EPITHET_TAIL.match(text, m.end)
    if not m.text.lower().startswith("the ") or found is None:
        return False
    return phrase_written_before(text, (*m.text.lower().split(), *found.group(1).lower().split()), m.start)


def phrase_written_before(text: str, phrase: tuple[str, ...], end: int) -> bool:
    """Whether the lower-case words of ``phrase`` are written as a phrase, in any case and
    spacing, before ``end``. An ASCII phrase is looked for in the text made lower case
    (:func:`_lower_in_place`) by a case-sensitive pattern opening on its first word, which
    ``re`` finds by a quick scan (the case-blind pattern, opening on ``\\b``, is tried at
    every letter); the word boundary before it is checked where it is found.

    >>> t = "Bathe girl in grey. The  girl\\nIN GREY nods."
    >>> phrase_written_before(t, ("the", "girl", "in", "grey"), 19), phrase_written_before(t, ("the", "girl", "in", "grey"), len(t))
    (False, True)
    >>> phrase_written_before("ſo the girl in grey", ("the", "girl", "in", "grey"), 19)  # a letter re matches to s: the case-blind pattern
    True
    """
    lowered = _lower_in_place(text)
    if lowered is None or not all(map(str.isascii, phrase)):
        return _epithet_pattern(phrase).search(text, 0, end) is not None
    pattern, at = _lower_phrase_pattern(phrase), 0
    while (found := pattern.search(lowered, at, end)) and not _WORD_START.match(lowered, found.start()):
        at = found.start() + 1
    return found is not None


_WORD_START = re.compile(r"\b")


@lru_cache(maxsize=1)
def _lower_in_place(text: str) -> str | None:
    """``text`` in lower case with every letter where it was, where an ASCII letter in it
    matches a case-blind pattern's letter exactly when its lower case is that letter: None
    where it writes one of the four other letters ``re`` matches to an ASCII one (``İ``, whose
    lower case is two characters, ``ı``, ``ſ``, the Kelvin sign)."""
    return None if any(c in text for c in "\u0130\u0131\u017f\u212a") else text.lower()


@lru_cache(maxsize=1024)
def _epithet_pattern(phrase: tuple[str, ...]) -> re.Pattern:
    """``the girl in grey`` -> a pattern for it written anywhere, in any case and spacing.

    >>> bool(_epithet_pattern(("the", "girl", "in", "grey")).search("The  girl\\nin grey"))
    True
    """
    return re.compile(r"\b" + r"\s+".join(map(re.escape, phrase)) + r"\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _lower_phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern:
    """:func:`_epithet_pattern` for lower-case text, case-sensitive and without its opening ``\\b``."""
    return re.compile(r"\s+".join(map(re.escape, phrase)) + r"\b")


_EPITHET_TAIL = letters.compile(r"\s+((?:at|behind|beside|near|in|with)\s+(?:(?:the|a|an|his|her|their)\s+)?[a-z-]+)")
_LOCATING = letters.compile(r"\s+(?:(?:at|behind|beside|near)\s+the\s+[a-z]|in\s+(?!(?:question|charge|tears|turn|love|his|her|its|their|my|our|your)\b)(?:the\s+|a\s+|an\s+)?[a-z])")


def located_newcomer(text: str, m: Mention) -> bool:
    """``says the old man at the end of the counter``, ``The girl in grey tilts her head``: a
    ``the`` description placed where it sits or by what it wears points someone out for the
    first time, not the man just mentioned (not ``the man in question``, ``the man in
    charge``, ``the girl in his arms``: an idiom or an owner says who is meant).

    >>> t = "says the old man at the end of the counter, without looking up"
    >>> located_newcomer(t, Mention(5, 16, "description", "the old man", head="man")), located_newcomer("says the old man, laughing", Mention(5, 16, "description", "the old man", head="man"))
    (True, False)
    >>> [located_newcomer(t, Mention(0, 8, "description", "The girl", head="girl")) for t in ("The girl in grey nods.", "The girl in question nods.", "The girl in his arms nods.", "The girl in charge nods.")]
    [True, False, False, False]
    """
    return m.text.lower().startswith("the ") and bool(_LOCATING.match(text, m.end))


_ARTICLES = frozenset({"the", "a", "an"})
_RELATIVES = frozenset({"father", "mother", "dad", "mum", "mom", "papa", "pa", "mamma", "mama", "ma", "uncle", "aunt",
                        "husband", "wife", "grandfather", "grandmother", "brother", "sister", "son", "daughter"})


def narrators_relative(m: Mention) -> bool:
    """``my father``, ``our mother``: the narrator's own relative is one fixed person of the
    story (so ``my father`` is ``my father`` every time), never the man just mentioned.

    >>> narrators_relative(Mention(0, 9, "description", "my father", head="father")), narrators_relative(Mention(0, 10, "description", "his father", head="father"))
    (True, False)
    """
    words = m.text.lower().split()
    return len(words) == 2 and words[0] in ("my", "our") and m.head in _RELATIVES


def keep_fuller_description(person: Person | None, m: Mention) -> None:
    """A fuller description that resolves to a described person becomes one of its aliases:
    ``The big man`` met as ``the man`` is also called ``the big man`` (so a cast or a reader
    sees the words the story uses for him).

    >>> p = Person("the man")
    >>> keep_fuller_description(p, Mention(0, 11, "description", "The big man", head="man"))
    >>> sorted(p.forms)
    ['the big man']
    """
    words = m.text.split()
    if person is None or person.known or not person.name.startswith("the ") or len(words) < 3:
        return
    if words[0].lower() not in _ARTICLES or words[-1].lower() != person.name.rsplit(" ", 1)[-1]:
        return  # "his big man" is a relation; "the big one" names no head of this person
    person.forms["the " + " ".join(words[1:]).lower()] += 1


def learn_gender_from_pronoun(resolver: Resolver, name: str | None, m: Mention, bound: Collection[str] = ()) -> None:
    """A subject ``he``/``she`` resolved to a person whose gender is unknown, with nobody of
    that gender in reach (but those its own clause names, who cannot be it), tells that
    person's gender: ``Tess shrugged. She handed Noa the glass.`` -> Tess is a woman (so a
    later ``she said`` can find her), even though Noa is one too.

    Scenes: tests/test_attribute_resolve.py.
    """
    person = resolver.person(name) if name else None
    if person is None or person.gender is not Gender.UNKNOWN or not m.subject or m.gender is Gender.UNKNOWN:
        return
    if name == FIRST_PERSON_NAME or set(_recent_of_gender(resolver, m.gender, m.start)) - set(bound):
        return  # someone of that gender is in reach: the pronoun may be theirs after all
    if not _recent_subject(resolver, name, m.start):
        return  # a place or a thing named in passing ("in Chicago. She was eighteen") is no one
    person.gender = m.gender
    person.gender_reason = f"subject '{m.text}' resolved to them"


_LEARN_REACH_CHARS = 300  # the pronoun's antecedent was a subject within about two sentences


def _recent_subject(resolver: Resolver, name: str, position: int) -> bool:
    """Whether ``name`` was the subject of a sentence shortly before ``position``."""
    return any(n == name and subject and position - at <= _LEARN_REACH_CHARS for at, n, subject in resolver.salience.recent(position, 20))


def _learn_gender(resolver: Resolver, person: Person, m: Mention) -> None:
    """A described person of unknown gender takes it from the pronoun after this mention --
    unless that pronoun means someone just named (:func:`pronoun_means_one_named`)."""
    if person.gender is Gender.UNKNOWN and m.kind == "description" and not person.known:
        gender = description_gender(resolver.doc.text, m.end)
        if gender is not Gender.UNKNOWN and pronoun_means_one_named(resolver, m, gender):
            return
        person.gender = gender
        person.gender_reason = f"pronoun after '{m.text}'" if person.gender is not Gender.UNKNOWN else ""


_NAMED_REACH_CHARS = 300  # about two sentences back: the person a pronoun just after may still mean


def pronoun_means_one_named(resolver: Resolver, m: Mention, gender: Gender) -> bool:
    """Whether the ``he``/``she`` after a ``the`` description that is a preposition's object
    means a person of that gender named just before in the scene, not the description: in
    ``Tom found Mara on the quay. It was dark except for the guard lamp, and she was sitting on
    a crate`` the ``she`` is Mara's and the guard is no woman; ``Tom waited on the quay for the
    guard. She came at noon`` (no woman named), ``The guard came out, and she waved`` (the
    description acts) and ``Tom spoke with the guard. She was a broad woman`` (a portrait:
    :func:`_portrait_follows`) still give the guard her gender."""
    if not m.text.lower().startswith("the ") or word_before(resolver.doc.text, m.start, 12) not in _PREPOSITIONS:
        return False
    if _portrait_follows(resolver.doc.text, m.end):
        return False  # "spoke with the guard. She was a broad woman": a newcomer's portrait
    return any(at >= resolver.scene_start and m.start - at <= _NAMED_REACH_CHARS and not name.startswith("the ") and name != FIRST_PERSON_NAME and resolver.gender(name) is gender
               for at, name, _ in resolver.salience.recent(m.start, 10))


_SUBJECT_PRONOUN = letters.compile(r"\b(he|she|He|She)\b")
_PERSON_PORTRAIT = letters.compile(r"(?:he|she|He|She)\s+(?:was|is)\s+(?:a|an)\s+(?:[\w'’-]+,?\s+){0,4}?(?:man|woman|girl|boy|lad|lass|fellow|gentleman|lady)\b")


def _portrait_follows(text: str, end: int) -> bool:
    """Whether the next subject pronoun after a description opens a portrait of a person of
    its gender (``She was a broad woman with a scar``): a first sight of the one just
    described, not more of someone met before.

    >>> _portrait_follows("the guard. She was a broad woman with a scar.", 9), _portrait_follows("the guard lamp, and she was sitting on a crate.", 9)
    (True, False)
    >>> _portrait_follows("the guard. She was tired of waiting.", 9)
    False
    """
    window = text[end:end + 160]
    found = _SUBJECT_PRONOUN.search(window)
    return bool(found and _PERSON_PORTRAIT.match(window, found.start()))


_NEXT_SENTENCE = letters.compile(r"[^.!?;\"“”]{0,40}[.!?]\s+([^.!?\"“”]*)")
_PRONOUNS_OF = {Gender.MALE: letters.compile(r"\b(?:he|him|his|He|His)\b"), Gender.FEMALE: letters.compile(r"\b(?:she|her|She|Her)\b")}
_SIMILE_WORDS = frozenset({"like", "as", "than", "such"})


def in_comparison(text: str, m: Mention) -> bool:
    """``like a man``, ``such a lady as she``, ``more than a child``: a likeness, not a person.

    >>> in_comparison("looked such a lady as she did", Mention(12, 18, "description", "a lady")), in_comparison("saw a lady", Mention(4, 10, "description", "a lady"))
    (True, False)
    """
    return word_before(text, m.start, 12) in _SIMILE_WORDS


_BECOMING = frozenset({"be", "being", "become", "becomes", "became", "becoming"})
_BE = frozenset({"is", "was", "am", "are", "were"})
_SENTENCE_OPENING = letters.compile(r"(?:^|[.!?][\"”’']?\s+|\n)$")


def predicates_someone(text: str, m: Mention) -> bool:
    """A description (``a``/``an``/``the``) that says what someone already there is, not a
    newcomer: after ``be``/``being``/``became`` (``being a modern mother, she donned her hat``,
    ``too young to be the mother of this boy``), after ``is``/``was`` with a name for subject
    (``Joseph was an old man``; not after ``He was``, which may describe a visitor not yet
    known), or a sentence by itself (``Mr. Heathcliff and I are a suitable pair. A capital
    fellow! He ...``). ``There was a man at the door`` brings one in; ``who could be our
    visitor`` is a relation, left to the possessive's own rules.

    >>> t = "And being a modern mother, she went. A capital fellow! He nodded. There was a man."
    >>> [predicates_someone(t, Mention(t.index(p), t.index(p) + len(p), "description", p)) for p in ("a modern mother", "A capital fellow", "a man")]
    [True, True, False]
    >>> predicates_someone("Joseph was an old man.", Mention(11, 21, "description", "an old man"))
    True
    """
    if m.text.split(" ", 1)[0].lower() not in _ARTICLES:
        return False  # "who could be our visitor": a relation, resolved as one
    before = text[max(0, m.start - 30):m.start].split()
    if before and before[-1].lower() in _BECOMING:
        return True
    if len(before) >= 2 and before[-1].lower() in _BE and is_name_word(before[-2]):
        return True
    return bool(_SENTENCE_OPENING.search(text, max(0, m.start - 4), m.start)) and text[m.end:m.end + 1] in ("!", ".")


_PORTRAIT = letters.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4})(?:is|was)\s+(?!not\b)([a-z]+)")
_SENTENCE_BEFORE = letters.compile(r".*(?:[.!?][\"”’']?\s+|\n)", re.DOTALL)


def in_portrait_of_named(text: str, m: Mention) -> bool:
    """An indefinite description inside a sentence that portrays a named person (a name, then
    ``is``/``was`` and what they are) says what that person is like; nobody new comes in:
    ``Miss Letitia Crane was perhaps nineteen, with the red knuckles of a girl who sews.``
    (not ``Tom was waiting for a girl``, an act, nor ``There was a girl``).

    >>> t = "It rained. Miss Letitia Crane was perhaps nineteen, with the hands of a girl who sews. Tom was waiting for a girl."
    >>> [in_portrait_of_named(t, Mention(t.index(p), t.index(p) + 6, "description", "a girl")) for p in ("a girl who", "a girl.")]
    [True, False]
    """
    floor = max(0, m.start - 300)
    before = _SENTENCE_BEFORE.match(text, floor, m.start)
    portrait = _PORTRAIT.match(text, before.end() if before else floor, m.start)
    if not portrait or portrait.group(2).endswith(("ing", "ed")):
        return False
    return all(is_name_word(w) or fold(w).rstrip(".") in TITLES for w in portrait.group(1).split())


def taken_up_by_next_sentence(text: str, m: Mention) -> bool:
    """``She had been conscious of a man behind. She felt him observing her.``: an indefinite
    person that ends a sentence (not a simile: ``like a man``) and whom the next sentence
    calls ``he``/``him`` enters the story.

    >>> t = "She saw a man behind. She felt him watch."
    >>> taken_up_by_next_sentence(t, Mention(8, 13, "description", "a man", head="man", gender=Gender.MALE))
    True
    >>> taken_up_by_next_sentence("He ran like a man. He laughed.", Mention(12, 17, "description", "a man", head="man", gender=Gender.MALE))
    False
    """
    hit = _NEXT_SENTENCE.match(text, m.end)
    if not hit or m.gender not in _PRONOUNS_OF or in_comparison(text, m):
        return False
    return bool(_PRONOUNS_OF[m.gender].search(hit.group(1)))


_QUOTE_MARK = letters.compile(r"[\"“”]")


def description_gender(text: str, end: int) -> Gender:
    r"""A described person whose noun says no gender takes the next subject pronoun of the
    narration: ``The dragon came down out of the clouds. She landed`` -> female. Never
    past a quotation, nor out of a paragraph that has one: after ``"Very foul," the healer
    agreed.`` the next paragraph's ``He`` is the one who answers.

    >>> description_gender("The dragon came down. She landed.", 10)
    <Gender.FEMALE: 'female'>
    >>> description_gender('The robot beeped. "He left."', 9)
    <Gender.UNKNOWN: 'unknown'>
    >>> description_gender('"Foul," the healer agreed.\nHe turned.', 18), description_gender('The healer waited.\nShe turned.', 10)
    (<Gender.UNKNOWN: 'unknown'>, <Gender.FEMALE: 'female'>)
    """
    window = text[end:end + 160]
    if _QUOTE_MARK.search(text, text.rfind("\n", 0, end) + 1, end):
        window = window.split("\n", 1)[0]
    stop = _QUOTE_MARK.search(window)
    m = _SUBJECT_PRONOUN.search(window[:stop.start()] if stop else window)
    if not m:
        return own_possessive_gender(window[:stop.start()] if stop else window)
    return Gender.MALE if m.group(1).lower() == "he" else Gender.FEMALE


_OWN_POSSESSIVE = letters.compile(r"\b(?:with|in|on|into|over|under|at|by|behind|across|against|from|to|between)\s+(his|her)\s+([a-z]+)\b")


_NOT_POSSESSED = frozenset("and or but as when while that then to for with again too now so before after back up down out away off".split())  # "looked at her and": an object


_LAID_HAND = letters.compile(r"\b(?:a|one|two|his|her|its|the)\s+(?:[a-z]+\s+)?(?:hand|hands|palm|palms|finger|fingers|fist|knuckles|thumb)\s+$", re.IGNORECASE)
"""``put a hand on his shoulder``, ``laid two fingers against her throat``: a hand laid on a body is laid on someone else's."""


def own_possessive_gender(window: str) -> Gender:
    """A description's own sentence that says its person's body or things with ``his``/``her``
    after a preposition, with nobody named between: ``the ghost has drifted to the
    bookshelf, reading the spines with her head on one side`` -> female.

    >>> own_possessive_gender(" is standing by the shelf, reading with her head on one side."), own_possessive_gender(" waved Tom through with his pass.")
    (<Gender.FEMALE: 'female'>, <Gender.UNKNOWN: 'unknown'>)
    >>> own_possessive_gender(" looked at her and left."), own_possessive_gender(" swore under his breath. She ran.")
    (<Gender.UNKNOWN: 'unknown'>, <Gender.MALE: 'male'>)
    """
    end = _SENTENCE_END.search(window)
    sentence = window[:end.start()] if end else window
    m = next((m for m in _OWN_POSSESSIVE.finditer(sentence) if m.group(2) not in _NOT_POSSESSED and not _LAID_HAND.search(sentence, 0, m.start())), None)
    if not m or any(w[:1].isupper() for w in sentence[:m.start()].split()):
        return Gender.UNKNOWN
    return Gender.MALE if m.group(1) == "his" else Gender.FEMALE


def _is_possessive(m: Mention) -> bool:
    """``his student``, ``my student``: a relation of someone, not a new character by itself."""
    return m.text.split(" ", 1)[0].lower() in ("his", "her", "my", "their", "our", "your")


def _is_tag_subject(resolver: Resolver, m: Mention) -> bool:
    """``"Go," said the man``: a description right after a speech verb acts."""
    return word_before(resolver.doc.text, m.start, 20).strip(",") in SPEECH_VERBS


def _voice_owner(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """``his voice`` speaks for him: the man ``his`` means; ``his mother's voice`` for the
    person ``his mother`` is (see :func:`voice_possessor`). ``the voice`` is nobody known."""
    if owner := voice_possessor(m):
        return description_referent(resolver, owner, para)
    if named := voice_named_by(resolver, para, m.end):
        return named
    return _possessor(resolver, m, para)


_VOICE_OF = letters.compile(r"(?:\s+of|,?\s+(?:which|that|whom)\b[^.;!?\"“”]{0,60}?\bthat\s+of)\s+")


def voice_named_by(resolver: Resolver, para: Paragraph, end: int) -> str | None:
    """The person a voice is said to be right after the word ``voice`` (ending at ``end``):
    ``cried the voice of John Reed`` -> John Reed; ``replied another voice, which Margaret
    knew to be that of Mrs. Gibson`` -> Mrs. Gibson (not Margaret, who only hears it)."""
    found = _VOICE_OF.match(resolver.doc.text, end)
    named = found and next((m for m in para.mentions if m.start == found.end() and m.kind == "name"), None)
    return resolver.mention(named, para) if named else None


def voice_possessor(m: Mention) -> Mention | None:
    """The person a possessive before ``voice`` describes: ``his mother's voice`` -> ``his
    mother`` (who acts, as a voice in a tag speaks for its owner).

    >>> voice_possessor(Mention(0, 18, "description", "his mother's voice", head="voice")).text
    'his mother'
    >>> voice_possessor(Mention(0, 9, "description", "his voice", head="voice")), voice_possessor(Mention(0, 15, "description", "a woman's voice", head="voice"))
    (None, None)
    """
    words = m.text.split()
    if len(words) < 3 or not words[-2].endswith(("'s", "’s")) or words[0].lower() in ("a", "an"):
        return None  # "a woman's voice" is a woman not yet known, maybe one already met
    text = " ".join(words[:-1])[:-2]
    head = compound_head(text.rsplit(" ", 1)[-1].lower())
    return Mention(m.start, m.start + len(text), "description", text, KIN_GENDER.get(head, Gender.UNKNOWN), subject=True, head=head)


def _generic_referent(resolver: Resolver, m: Mention, para: Paragraph, exclude: frozenset[str] = frozenset()) -> str | None:
    """``the boy`` is the most recent male who is not known as something else (``the father``);
    ``the other girl`` is not the one who spoke last, nor is a description tagging the reply to
    her (:func:`answering_last_speaker`); a subject is not the one its own clause
    names (:func:`named_later_in_clause`), and when that binds away one of its own gender and
    leaves only someone out of the talk (:func:`in_the_talk`), it is someone new: ``The dying
    Indian sank at Herncastle's feet`` is not a man met pages back."""
    possessor = _possessor(resolver, m, para)
    bound = named_later_in_clause(resolver, m, para)
    others = sentence_subjects_before(resolver, m, para) | other_than_last_speaker(resolver, m) | bound | answering_last_speaker(resolver, m, para) | exclude
    bound_alike = any(resolver.gender(name) is m.gender for name in bound)
    for _, name, _ in resolver.salience.recent(m.start):
        if name in (possessor, FIRST_PERSON_NAME) or name in others or resolver.gender(name) is not m.gender:
            continue  # a description, like a he/she, never means the one who says I
        if bound_alike and not in_the_talk(resolver, name, m.start):
            return None  # the one person alike in reach is bound away: someone new, not one met long ago
        if name.startswith("the ") and not name.endswith(" " + m.head) and m.head not in _GENERIC_HEADS_OF.get(name.rsplit(" ", 1)[-1], ()):
            continue  # "the father" is not "the boy"
        return name
    return None


def other_than_last_speaker(resolver: Resolver, m: Mention) -> frozenset[str]:
    """``"Probably not," the other girl admits.``: ``other`` sets the last speaker apart.

    >>> r = Resolver.__new__(Resolver); r.conversation = Conversation(turns=["Dani"])
    >>> other_than_last_speaker(r, Mention(0, 15, "description", "the other girl", head="girl")), other_than_last_speaker(r, Mention(0, 8, "description", "the girl", head="girl"))
    (frozenset({'Dani'}), frozenset())
    """
    turns = resolver.conversation.turns
    return frozenset(turns[-1:]) if "other" in m.text.lower().split() else frozenset()


_AFTER_QUOTATION = letters.compile(r"[,!?…—-][\"”’']\s+(?:[a-z]+\s+)?$")  # '"Her," the dead girl', '"Go," hisses the girl'


class TagVerb:
    """A kind of speech verb a pronoun tag can carry on either side: ``he added`` (after the
    pronoun, an adverb allowed between) or ``added he`` (before it, within 20 characters)."""

    def __init__(self, verbs: str) -> None:
        self._after = letters.compile(rf"\s+(?:[a-z]+ly\s+)?(?:{verbs})\b")
        self._before = letters.compile(rf"\b(?:{verbs})\s+$")

    def tags(self, text: str, m: Mention) -> bool:
        """Whether one of the verbs stands right after or right before mention ``m``."""
        return bool(self._after.match(text, m.end) or self._before.search(text, max(0, m.start - 20), m.start))


_GOES_ON_TAG = TagVerb(r"added|continued|resumed|pursued|persisted|went\s+on|goes\s+on|adds|continues")
"""``the young man continued``, ``continued the young man``: the tag says the speaker goes on."""


def answering_last_speaker(resolver: Resolver, m: Mention, para: Paragraph | None) -> frozenset[str]:
    """A description tagging the quotation after another person's turn (``"Don't talk to it,"
    hisses Freddie.`` / ``"Her," the dead girl corrects her.``), or opening the narration of
    that reply's paragraph (``"The stowaway," said Crane.`` / ``The big man shifted. "He's a
    boy."``, when that turn's own tag or beat named its speaker), answers that person: the
    writer would say ``she``/``he`` for the one who just spoke. A tag after the quotation
    still answers the last turn past one paragraph of narration (``"I don't have five
    minutes," Teddy said.`` / ``It was the first time he had raised his voice.`` / ``"You have
    five minutes," the taller man said`` -> not Teddy), unless it says the speaker goes on
    (``continued the young man``) or no one else of the description's gender is in the scene.

    ``para`` is the description's own paragraph, not necessarily the one being read.

    >>> from types import SimpleNamespace
    >>> r = Resolver.__new__(Resolver); r.conversation = Conversation(last_speaker="Dani", last_tagged=True); r.paragraph = None
    >>> m = Mention(0, 11, "description", "The big man", head="man", subject=True); r.doc = SimpleNamespace(text='The big man shifted. "No."')
    >>> answering_last_speaker(r, m, SimpleNamespace(quotes=[1], mentions=[m]))
    frozenset({'Dani'})

    Scenes: tests/test_attribute_resolve.py.
    """
    conv = resolver.conversation
    last = conv.last_speaker
    text = resolver.doc.text
    beat = conv.last_tagged and para is not None and para.quotes and m.subject and para.mentions and para.mentions[0].start == m.start
    tag = _AFTER_QUOTATION.search(text, max(0, m.start - 20), m.start)
    if tag and not last and conv.turns and conv.narration_paragraphs == 1 and not _GOES_ON_TAG.tags(text, m):
        others = resolver.salience.named_between(resolver.scene_start, m.start) - {conv.turns[-1], FIRST_PERSON_NAME}
        if any(resolver.gender(name) is m.gender for name in others):
            last = conv.turns[-1]  # past a paragraph of narration a reply's tag still answers the last turn, when another of its kind is at hand
    if not last or not (beat or tag):
        return frozenset()
    return frozenset({last})


def sentence_subjects_before(resolver: Resolver, m: Mention, para: Paragraph) -> frozenset[str]:
    """People who are the subject of the sentence a later description sits in: ``He's brought
    Iruka tea before the man looks at him`` -- ``the man`` is not the one ``He`` means.

    Scenes: tests/test_attribute_resolve.py.
    """
    text = resolver.doc.text
    found = set()
    for earlier in para.mentions:
        if earlier.start >= m.start:
            break
        if earlier.subject and not _SENTENCE_END.search(text, earlier.end, m.start) and (name := resolver.mention(earlier, para)):
            found.add(name)
    return frozenset(found)


_RANK_TITLES = frozenset({"lady", "lord", "sir", "madam", "dame", "master", "mistress"})


def possessive_rank(m: Mention) -> bool:
    """``his lady`` is his wife, not ``Lady Ferrars``: a rank after a possessive names a
    relation (spouse, employer), so it never looks up the one character bearing that title
    (kin words still do: ``his aunt`` is ``Aunt Maud``).

    >>> possessive_rank(Mention(0, 9, "description", "his lady", head="lady")), possessive_rank(Mention(0, 9, "description", "the lady", head="lady"))
    (True, False)
    """
    return _is_possessive(m) and m.head in _RANK_TITLES


def _newcomer_knight(m: Mention) -> bool:
    """``A knight in black armour rode into the hall``: someone new, not the story's one ``Sir
    Kay`` (:meth:`Roster.title_bearers` reads ``Sir``/``Dame`` as the rank ``knight``), so the
    ``the knight`` after it is that newcomer's.

    >>> _newcomer_knight(Mention(0, 8, "description", "A knight", head="knight")), _newcomer_knight(Mention(0, 10, "description", "the knight", head="knight"))
    (True, False)
    """
    return m.head in DUBBED and m.text.lower().startswith(("a ", "an ", "another "))


def _titled_person(resolver: Resolver, head: str) -> str | None:
    """``the captain`` is ``Captain Rhys`` when exactly one character bears that title
    (:meth:`Roster.title_bearers`: in any of their names, written out or abbreviated)."""
    hits = resolver.doc.roster.title_bearers(head)
    return hits[0].name if len(hits) == 1 else None


def _same_head_description(resolver: Resolver, head: str, text: str = "") -> str | None:
    """``the captain`` after ``the ANBU captain`` was met: the same person; ``the older
    brother`` after ``the younger brother`` is not (:func:`set_apart_by_contrast`), and ``the
    oldest sister`` after ``the eldest sister`` and ``the youngest sister`` is the eldest: the
    one met not set apart from it."""
    hits = [p.name for p in resolver.doc.roster.people if p.name.startswith("the ") and p.name.endswith(" " + head)]
    hits = [h for h in hits if not set_apart_by_contrast(h, text)]
    return hits[0] if len(hits) == 1 else None


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "other"})
_CONTRASTS = frozenset({"older", "younger", "elder", "eldest", "oldest", "youngest", "taller", "shorter", "bigger", "smaller"}) | _ORDINALS
_SAME_CONTRAST = {"elder": "older", "eldest": "oldest"}  # two spellings of one contrast: the elder sister is the older sister


def set_apart_by_contrast(described: str, other: str) -> bool:
    """Whether two descriptions of one head noun each carry a word that sets one of two apart
    (``older``, ``younger``, ``taller``, ``first``, ``other``) and the words differ: ``the
    younger brother`` and ``the older brother`` are the two brothers, ``the taller man`` and
    ``the shorter man`` two men; ``the ANBU captain`` and ``the captain`` may be one. A later
    one counted out by an ordinal (``the second disciple``) is not one met with another
    word before the noun (``the Hanshuang disciple``): the ordinal picks one of many, the
    other word said who that one was.

    >>> set_apart_by_contrast("the younger brother", "the older brother"), set_apart_by_contrast("the ANBU captain", "the captain")
    (True, False)
    >>> set_apart_by_contrast("the older brother", "The older brother"), set_apart_by_contrast("the taller man", "the man")
    (False, False)
    >>> set_apart_by_contrast("the Hanshuang disciple", "the second disciple"), set_apart_by_contrast("the disciple", "the second disciple")
    (True, False)
    >>> set_apart_by_contrast("the eldest sister", "the oldest sister"), set_apart_by_contrast("the elder brother", "the younger brother")
    (False, True)
    """
    head = described.lower().split()[-1]
    mine_all, theirs_all = ({_SAME_CONTRAST.get(w, w) for w in (words[1:words.index(head)] if head in words else words[1:])}
                            for words in (d.lower().split() for d in (described, other)))
    mine, theirs = mine_all & _CONTRASTS, theirs_all & _CONTRASTS
    return bool(mine and theirs and mine != theirs) or bool(theirs & _ORDINALS and mine_all and mine_all != theirs_all)


def _possessor(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """For ``his wife`` (or ``his voice``): the man ``his`` refers to, who is not the wife."""
    det = m.text.split(" ", 1)[0].lower()
    if det not in ("his", "her"):
        return None
    return pronoun_by_gender(resolver, Gender.MALE if det == "his" else Gender.FEMALE, m.start, para)


_WIFE_HEADS = frozenset({"wife", "lady", "missus", "missis", "spouse"})
_HUSBAND_HEADS = frozenset({"husband", "lord", "spouse"})
_HUSBAND_TITLES = ("Mr.", "Sir", "Lord", "Dr.")
_WIFE_TITLES = ("Mrs.", "Lady")
_TITLED_SURNAME = letters.compile(r"^(?:Mr|Mrs|Sir|Lady|Lord|Dr)\.?\s+(?:[A-Z][\w'’-]*\s+)?([A-Z][\w'’-]*)$")


def spouse_of_possessor(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """``his wife`` / ``his lady`` / ``her husband`` is the spouse the text names: ``Mrs. X``
    for the man ``Mr. X`` whom ``his`` means (or, when he has no named spouse, the one titled
    married person the paragraph names, even in its quotation: ``"My dear Mr. X," said his
    lady``).

    Scenes: tests/test_attribute_resolve.py.
    """
    det = m.text.split(" ", 1)[0].lower()
    wife = det == "his" and m.head in _WIFE_HEADS
    if not (wife or det == "her" and m.head in _HUSBAND_HEADS):
        return None
    spouse_titles = _WIFE_TITLES if wife else _HUSBAND_TITLES
    possessor = _possessor(resolver, m, para)
    if possessor and (spouse := _titled_spouse(resolver, possessor, spouse_titles)):
        return spouse
    candidates = _titled_named_in(resolver, para, _HUSBAND_TITLES if wife else _WIFE_TITLES)
    spouses = {s for c in candidates if (s := _titled_spouse(resolver, c, spouse_titles))}
    return spouses.pop() if len(spouses) == 1 else None


_ROMANTIC_HEADS = frozenset({"girlfriend", "boyfriend", "fiancé", "fiancée", "fiance", "fiancee", "lover", "sweetheart"})
_FRIEND_HEADS = frozenset({"friend", "co-host", "cohost", "bestie"})
_EITHER_HEADS = frozenset({"partner"})  # a partner in love or in work: the possessor's one pairing of either kind
_FRIEND_WORDS = frozenset({"best", "oldest", "closest", "dearest", "old", "longtime", "long-time"})


def partner_in_header(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """``her best friend``, ``his girlfriend`` is the one the work's header pairs with the one
    ``her``/``his`` means: AO3's ``Relationship:`` field writes a romance ``A/B`` and a friendship
    ``A & B``, so ``Jess & Priya`` makes Jess's best friend Priya, and ``Ares/Aphrodite`` makes
    his girlfriend Aphrodite when ``his`` is Ares (the narrator's ``my best friend`` waits for
    the narrator's name: :func:`~ficaudio.attribute.introductions.narrators_partner_named`).
    Nobody as :func:`header_partner` says.

    Scenes: tests/test_attribute_resolve.py.
    """
    if m.text.split(" ", 1)[0].lower() not in ("his", "her") or not (kinds := relation_kinds(m.text)):
        return None
    first = _first_in_scene(resolver, m)
    possessor = _possessor(resolver, m, para)
    owner = resolver.person(possessor) if possessor else None
    if first is not m and owner is not None and resolver.read_as(first) == owner.name:
        return owner.name  # the scene's first ``her best friend`` was read as the one ``her`` now means: the friend again
    partner = header_partner(resolver.doc, owner, kinds) if owner else None
    if partner is None or resolver.person(partner.name) is not partner or "friends" in kinds and not written_by_name(resolver.doc, partner):
        return None
    said = _GENDERED_PARTNERS.get(m.text.lower().split()[-1], Gender.UNKNOWN)
    if Gender.UNKNOWN not in (said, partner.gender) and partner.gender is not said:
        return None  # "his girlfriend" beside "Harry Potter/Draco Malfoy": the endgame is not who he dates now
    turns = resolver.conversation.turns
    if turns and turns[-1] == partner.name:
        return None  # the partner just spoke: "her" was misread (Jess speaks, then "her best friend said"), no one answers herself
    return partner.name


_GENDERED_PARTNERS = {"girlfriend": Gender.FEMALE, "fiancée": Gender.FEMALE, "boyfriend": Gender.MALE, "fiancé": Gender.MALE}


def _first_in_scene(resolver: Resolver, m: Mention) -> Mention:
    """The scene's first description in ``m``'s words after the possessive (``Her best friend``
    ... ``her best friend``), ``m`` itself if none comes before it."""
    start = max(resolver.scene_start, resolver.doc.header.end)
    words_of = m.text.lower().split()[1:]
    earlier = [x for para in resolver.doc.paragraphs if para.end >= start and para.start <= m.start for x in para.mentions
               if x.kind == "description" and start <= x.start < m.start and x.text.lower().split()[1:] == words_of]
    return min(earlier, key=lambda x: x.start, default=m)


def written_by_name(doc: Document, person: Person) -> bool:
    """Whether the story's narration writes ``person`` by name (the header aside): AO3's ``&``
    pairs a mentor or a godfather too (``Peter Parker & Tony Stark``), and a friend the story
    never names (``his best friend``, beside a Tony the header alone lists) is no evidence
    that the description is the header's partner."""
    return any(x.kind == "name" and x.start >= doc.header.end and x.person and doc.roster.by_name(x.person) is person
               for para in doc.paragraphs if para.end > doc.header.end for x in para.mentions)


def relation_kinds(phrase: str) -> tuple[str, ...]:
    """The header's kinds of pairing a relation may be written in: ``romantic`` (``A/B``) for
    ``his girlfriend``, ``friends`` (``A & B``) for ``her best friend`` or ``my co-host``, both
    for ``her partner`` (in love or in work); none for anything else, nor for a relation that
    says more than how close (``her new friend``, ``his ex-girlfriend``).

    >>> relation_kinds("her best friend"), relation_kinds("His girlfriend"), relation_kinds("my partner"), relation_kinds("her new friend"), relation_kinds("the friend")
    (('friends',), ('romantic',), ('romantic', 'friends'), (), ())
    """
    words_of = phrase.lower().split()
    if len(words_of) < 2 or words_of[0] not in ("his", "her", "my") or any(w not in _FRIEND_WORDS for w in words_of[1:-1]):
        return ()
    head = words_of[-1]
    if head in _FRIEND_HEADS:
        return ("friends",)
    if len(words_of) == 2 and head in _ROMANTIC_HEADS:
        return ("romantic",)
    if len(words_of) == 2 and head in _EITHER_HEADS:
        return ("romantic", "friends")
    return ()


def header_partner(doc: Document, owner: Person, kinds: tuple[str, ...]) -> Person | None:
    """The one person the header's ``Relationship:`` field pairs with ``owner`` in a pairing of
    those ``kinds`` (``romantic``: ``A/B``; ``friends``: ``A & B``). Nobody when the owner has two
    such pairings or none, or where the pair shares a surname (``Jess Mahler & Kat Mahler``:
    sisters, whatever the mark)."""
    pairs = [*(doc.header.romantic_pairs(doc.text) if "romantic" in kinds else []), *(doc.header.friendship_pairs(doc.text) if "friends" in kinds else [])]
    others = set()
    for a, b in pairs:
        if len(a.split()) > 1 and len(b.split()) > 1 and a.split()[-1] == b.split()[-1]:
            continue  # one family's two names: kin or spouses, no friendship or courtship
        mine = [name in owner.forms or doc.roster.resolve_phrase(name) is owner for name in (a, b)]
        if mine[0] != mine[1]:
            others.add(b if mine[0] else a)
    partner = doc.roster.resolve_phrase(others.pop()) if len(others) == 1 else None
    return partner if partner is not None and partner is not owner else None

def relation_answering(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """The ``his``/``her`` of a tag whose subject is a relation no list knows as a person (``"He
    had to sit down," her ex admitted.``: :func:`~ficaudio.attribute.mentions.owned_tag_subject`)
    owns the speaker, and is not the speaker. In a talk of two named people, the ``her`` meaning
    the one who spoke last, the relation is the other: Jess and Marcus talking, Jess's turn just
    said -> Marcus. Nobody otherwise: a talk of more, a ``his``/``her`` read as someone other
    than the last speaker (the one spoken to last is whose relation answers; a ``his`` read as
    the one who just spoke is a misreading, no ground to name the other), the other of the
    relation's other gender.

    Scenes: tests/test_attribute_rules.py.
    """
    text = resolver.doc.text
    relation = owned_tag_subject(text, m.start, SPEECH_VERBS) if m.text.lower() in ("his", "her") else None
    talk = resolver.conversation.participants()
    if relation is None or len(talk) != 2 or any(n == FIRST_PERSON_NAME or not n[:1].isupper() for n in talk):
        return None
    owner = pronoun_by_gender(resolver, m.gender, m.start, para)
    if owner is None or owner != resolver.conversation.turns[-1]:
        return None
    other = talk[0] if talk[1] == owner else talk[1]
    gender = _GENDERED_PARTNERS.get(relation[1], KIN_GENDER.get(relation[1], Gender.UNKNOWN))
    return None if gender is not Gender.UNKNOWN and resolver.gender(other) not in (gender, Gender.UNKNOWN) else other


def kin_sharing_surname(resolver: Resolver, m: Mention, para: Paragraph) -> str | None:
    """``his sister`` / ``her father`` is the one person of the kin word's gender who shares
    the surname of the one ``his``/``her`` means: a family shares its name (``Rafe Castellano``
    ... ``"You had a bruised toe," his sister says.`` -> ``Marisol Castellano``); nobody when
    two fit or the possessor has no surname.

    Scenes: tests/test_attribute_resolve.py.
    """
    if m.head not in FAMILY_KIN or len(m.text.split()) != 2:
        return None
    owner = resolver.person(name) if (name := _possessor(resolver, m, para)) else None
    names = family_names(resolver)
    surnames = names.get(owner.name, set()) if owner else set()
    gender = KIN_GENDER[m.head]
    kin = {p.name for p in resolver.doc.roster.people if p is not owner and p.gender is gender and surnames & names.get(p.name, set())}
    return kin.pop() if len(kin) == 1 else None


_FULL_NAME = letters.compile(r"\b([A-Z][\w'’-]+) ([A-Z][\w'’-]+)\b")


def family_names(resolver: Resolver) -> dict[str, set[str]]:
    """Each person's surnames, read once per story: the last word of a name of theirs of two
    capitalised words (``Mrs. Hale``), and the word the text writes after one of their names
    (``Tess Marlowe`` for Tess)."""
    if resolver.surnames is None:
        roster = resolver.doc.roster
        resolver.surnames = {p.name: _surnames(p) for p in roster.people}
        for hit in _FULL_NAME.finditer(resolver.doc.text):
            if (person := roster.lookup(hit.group(1))) and roster.lookup(hit.group(2)) in (None, person):
                resolver.surnames.setdefault(person.name, set()).add(hit.group(2))
    return resolver.surnames


def _surnames(person: Person) -> set[str]:
    """The last words of a person's names of two capitalised words or more: ``Rafe Castellano``
    and ``Mrs. Hale`` -> ``{Castellano, Hale}``.

    >>> sorted(_surnames(Person("Rafe", Counter({"Rafe": 3, "Rafe Castellano": 1, "Mrs. Hale": 1, "the boy": 1}))))
    ['Castellano', 'Hale']
    """
    return {f.split()[-1] for f in (person.name, *person.forms) if len(f.split()) > 1 and all(w[:1].isupper() for w in f.split())}


def _titled_named_in(resolver: Resolver, para: Paragraph, titles: tuple[str, ...]) -> list[str]:
    """People with one of ``titles`` whose titled name appears anywhere in the paragraph."""
    text = resolver.doc.text[para.start:para.end]
    return [p.name for p in resolver.doc.roster.people if p.name.startswith(titles) and p.name in text]


def _titled_spouse(resolver: Resolver, name: str, titles: tuple[str, ...]) -> str | None:
    """``Mr. Grant`` -> ``Mrs. Grant`` when the roster has her (the surname and a spouse's title)."""
    surname = _TITLED_SURNAME.match(name)
    if not surname:
        return None
    hits = {p.name for t in titles if (p := resolver.doc.roster.lookup(f"{t} {surname.group(1)}"))}
    return hits.pop() if len(hits) == 1 else None
