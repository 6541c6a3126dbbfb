"""Descriptions and roles a sentence equates with a name, so that every later mention of the
description is that person: apposition (``Kira, the tall girl,`` / ``the tall girl, Kira,`` /
``Osric the herald had ...``), a copula (``The tall girl was Kira.`` / ``Kira was the tall
girl``), a name given (``The ferryman, whose name was Wyn,`` / ``a bent old man called Wyn`` /
``His name was Wyn.``), a role (``Iris, charge nurse,`` / ``Marco, her race engineer,`` /
``She was the quartermaster``), a relation (``Her brother Edmund``), an introduction pointing at
someone (``"This is Kira," he says, nodding at the tall girl.``), a parent the next sentence
names and a description the next sentence labels with a name (``Odile Marchand: twenty, ...``).

Run while the document is built (:func:`ficaudio.attribute.document.build_document`), after
the names are joined (:mod:`ficaudio.attribute.aliases`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ficaudio import letters
from ficaudio.attribute.aliases import join_person, may_be, may_be_rank
from ficaudio.attribute.characters import Person, Roster, role_after_name
from ficaudio.attribute.lexicon import KIN_GENDER, KIN_NAMES
from ficaudio.attribute.mentions import description_at, is_group_noun, is_name_word, is_person_noun, name_runs, search_where_written, words
from ficaudio.models import Gender

if TYPE_CHECKING:
    from ficaudio.attribute.document import Document

_NAME = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
_APPOSITION = letters.compile(_NAME + r", (?=(?:the|a|an) )")
_DESCRIPTION_IS = letters.compile(r"(?:^|(?<=\n)|(?<=[.!?”\"’] ))((?:The|A|An) [^.,;!?]{1,40}?) (?:is|was) " + _NAME + r"(?=[.,;!?]|$)")
_NAME_OPENING = letters.compile(r"(?:^|(?<=\n)|(?<=[.!?”\"’] ))" + _NAME + r"(?= the [a-z])")  # "Osric the herald had ..." opening a sentence: characters.role_after_name
_NOT_ASKED = r"(?<!\b[Ii]f )(?<!\b[Ww]hether )"  # "whether Kit is the killer" asks, it does not say
_NAME_IS = letters.compile(_NOT_ASKED + _NAME + r" (?:is|was) (?=(?:the|a|an) )")
_DESCRIPTION_THEN_NAME = letters.compile(r"\b([Tt]he [^.,;!?\"“”()]{1,40}?), " + _NAME + r",(?! (?:and|or)\b)")  # the description stops at a parenthesis: "the boys go by their stage names (Sol, Kite, Rook)" names no Kite
_ROLE_APPOSITION = letters.compile(_NAME + r", (?=(?:his|her|their|my|our) )")
_ROLE_PREDICATE = letters.compile(_NOT_ASKED + _NAME + r"(?:, who (?:is|was)| (?:is|was|had been|has been)) (?=(?:his|her|their|my|our) )")
_DETERMINER = r"(?:the|a|an|his|her|their|my|our|its|your|this|that|these|those|then|now|and|or|but|who|whom|whose|which|when|where|as|so|all|both|each|every|no|not|some|one|two|three|four|five|of|in|at|on|for|with|by|from|to|into|after|before|about|like)"  # nor a preposition: "Kakashi, of all people," gives no role
_BARE_ROLE_APPOSITION = letters.compile(_NAME + rf", (?!{_DETERMINER}\b)((?:[a-z][\w'’-]* ){{0,2}}[a-z][\w'’-]*|[A-Z][a-z]+(?= of ))(?=, | of | at | on | for |[.;—]|$)")
_BARE_ROLE_PREDICATE = letters.compile(_NOT_ASKED + _NAME + r"(?:,? (?:is|was|has|had) [^.,;:!?\"“”A-Z]{1,60},(?: and)?)? (?:is|was|has been|had been) (?!" + _DETERMINER + r"\b)([a-z][\w'’-]*) (?=(?:of|at|for)\b)")
_RELATIVE = r"((?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
_GIVEN_NAME = _RELATIVE + r"(?<!['’]s)"  # a name given, maybe titled; never a possessive ("as Kira's cousin")
_DESCRIPTION_NAMED_BY = letters.compile(r"\b([Tt]he [^.,;!?\"“”—–]{1,40}?)(?:, whose (?:first |real )?name (?:is|was)|,? (?:who )?introduced (?:himself|herself) as) " + _GIVEN_NAME + r"(?=[\s,.;:!?—]|$)")
_PRONOUN_NAME_IS = letters.compile(r"(?<=[.!?] )(His|Her) (?:first |real )?name (?:is|was) " + _GIVEN_NAME + r"(?=[,.;!?—]|\s+and\b)")
_CALLED_NAME = letters.compile(r" (called|named) " + _NAME + r"(?=[\s,.;:!?]|$)")
_ARTICLE = letters.compile(r"\b(?:[Tt]he|[Aa]n?) ")
_SUBJECT_IS = letters.compile(r"(?:^|(?<=[.!?”\"’] )|(?<=\n))((?:The|A|An) [^.,;!?—–]{1,40}?)(?: (?:is|was) |\s*(?:,|—|–|--)\s*)$")
_RELATION = (r"(?:[Hh]is|[Hh]er|[Mm]y|[Tt]heir|[Oo]ur) (?:(?:best|oldest|old|dear|closest|little|big|older|younger|elder|eldest|youngest|twin) )?"
             r"(?:brother|sister|mother|father|aunt|uncle|son|daughter|husband|wife|cousin|friend|companion|partner|roommate|flatmate|colleague|comrade)")
_KIN_APPOSITION = letters.compile(r"\b(" + _RELATION + r"),? " + _RELATIVE + r"(?=[,.;!?]| [a-z])")
_RELATION_AFTER_NAME = letters.compile(r"(?<![\w'’])" + _RELATIVE + r"(?:, (" + _RELATION + r")(?=[,.;!?—])| (?:is|was|had been) (" + _RELATION + r")(?=[,.;!?—]| and\b))")  # not a list: "Sam, my sister and I"
_INTRODUCING = letters.compile(r"^\W*(?:[Tt]his is|Meet) " + _NAME)
_POINTING_AT = letters.compile(r"\b(?:at|to|towards|toward) (?=(?:the|a|an) )")


def index_described_names(doc: Document) -> None:
    """A description the text equates with a name names that person from the start:
    ``Kira, the tall girl, ...`` and ``the tall girl, Kira, ...`` (apposition; without commas only
    as a sentence's subject: ``Osric the herald had a voice ...``), ``The tall girl
    was Kira.`` and ``Kira was the tall girl`` (copula) and
    ``"This is Kira," he says, nodding at the tall girl.`` (an introduction pointing at her)
    make every ``the tall girl`` Kira, and ``Iris, charge nurse,`` every ``the charge nurse`` Iris; ``Her brother Edmund`` makes a later ``her brother`` Edmund.
    The prose lines of the work's header and notes that the reader set aside are read first, as the
    story's narration is (:attr:`Document.front_lines`): an author's note's ``Noor is the GM``
    makes every ``the GM`` Noor, as when the note is pasted as a paragraph. Only the notes' and
    summary's sentences: a field's list is no prose (``Characters: The Doctor, Rose Tyler,
    Jackie Tyler`` says nothing of who the Doctor is).
    """
    for start, end in doc.front_lines:
        _index_narration(doc, start, end)
    for para in doc.paragraphs:
        for start, end in para.narration(doc.segments):
            _index_narration(doc, start, end)
        for index in para.quotes:
            if m := _INTRODUCING.match(doc.segments[index].text):
                for start, end in para.narration(doc.segments):
                    for at in _POINTING_AT.finditer(doc.text, start, end):
                        _index_description(doc.roster, m.group(1), doc.text[at.end():end], closed=False)


def _index_narration(doc: Document, start: int, end: int) -> None:
    """Every equation of a description with a name in one stretch of narration (or one line
    of the work's header and notes: :attr:`Document.front_lines`)."""
    for m in _APPOSITION.finditer(doc.text, start, end):
        _index_description(doc.roster, m.group(1), doc.text[m.end():end], closed=True)
    for m in _NAME_OPENING.finditer(doc.text, start, end):
        _index_named_role(doc.roster, doc.text, m)
    for m in _DESCRIPTION_IS.finditer(doc.text, start, end):
        _index_description(doc.roster, m.group(2), m.group(1), closed=False)
    for m in _NAME_IS.finditer(doc.text, start, end):
        _index_described_by_copula(doc.roster, m.group(1), doc.text[m.end():end])
    for m in _DESCRIPTION_THEN_NAME.finditer(doc.text, start, end):
        _index_description(doc.roster, m.group(2), m.group(1), closed=False)
    for m in _DESCRIPTION_NAMED_BY.finditer(doc.text, start, end):
        _index_description(doc.roster, m.group(2), m.group(1), closed=False)
    for m in _PRONOUN_NAME_IS.finditer(doc.text, start, end):
        _index_name_given_by_pronoun(doc, m, start)
    for m in _CALLED_NAME.finditer(doc.text, start, end):
        _index_called_description(doc.roster, doc.text, start, m)
    for m in _KIN_APPOSITION.finditer(doc.text, start, end):
        _index_relation(doc.roster, m.group(2), m.group(1))
    for m in _ROLE_APPOSITION.finditer(doc.text, start, end):
        _index_role(doc.roster, m.group(1), doc.text[m.end():end])
    for m in _ROLE_PREDICATE.finditer(doc.text, start, end):
        _index_predicated_role(doc.roster, m.group(1), doc.text[m.end():end])
    for m in _PRONOUN_IS.finditer(doc.text, start, end):
        _index_pronoun_copula(doc, m, start, end)
    for m in _BARE_ROLE_APPOSITION.finditer(doc.text, start, end):
        _index_bare_role(doc.roster, m.group(1), m.group(2), doc.text)
    for m in _BARE_ROLE_PREDICATE.finditer(doc.text, start, end):
        _index_bare_role(doc.roster, m.group(1), m.group(2), doc.text)
    for m in _RELATION_AFTER_NAME.finditer(doc.text, start, end):
        _index_relation(doc.roster, m.group(1), m.group(2) or m.group(3))


_PARENT_NOUNS = r"(?:mother|father|mom|dad|mum|grandmother|grandfather)"
_PARENT_THEN_NAMED = letters.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] ))([^.!?\"“”]*\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur) (" + _PARENT_NOUNS + r")\b[^.!?\"“”]*[.!?]) ([A-Z][\w'’-]+ [A-Z][\w'’-]+)\b")


def join_parent_named_next(doc: Document) -> None:
    """A parent the narration describes (``Across the table, her father did not say anything
    at all.``) and a full name that opens the next sentence, written there for the first time
    (``Morikawa Tetsuo had been pouring tea for thirty years``), are one person: the story
    introduces the parent by name. The kin word the children call him (``Dad``) joins the
    named person too. Not when the first sentence names anyone else, nor when the name was met
    before (``Her father sighed. Tom Reyes laughed.`` with Tom Reyes known: Mina's friend).
    """
    header_end = doc.header.end
    for para in doc.paragraphs:
        for start, end in para.narration(doc.segments):
            for m in _PARENT_THEN_NAMED.finditer(doc.text, start, end):
                if any(not r.initial for r in name_runs(words(m.group(1)), m.group(1))) or m.group(3) in doc.text[header_end:m.start(3)]:
                    continue
                runs = name_runs(words(m.group(3)), m.group(3))
                named = doc.roster.resolve(runs[0]) if len(runs) == 1 and len(runs[0].words) == 2 else None
                noun = KIN_NAMES.get(m.group(2).lower(), m.group(2).lower())
                if named is None or KIN_GENDER[noun] not in (named.gender, Gender.UNKNOWN) and named.gender is not Gender.UNKNOWN:
                    continue
                parent = doc.roster.lookup(noun)
                if parent is not None and parent is not named and parent.name.lower() in KIN_NAMES and may_be(parent, named):
                    join_person(doc.roster, parent, named)
                doc.roster.index(noun, named, force=True)


_LABELLED_NAME = letters.compile(r"(?<=[.!?] )([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})(?::\s| (?:is|was) (?!not\b)[a-z]+\b(?<!ing)(?<!ed))")
_SENTENCE_START = letters.compile(r".*(?:^|[.!?] )", re.S)


def index_description_named_next(doc: Document) -> None:
    """A person described in one sentence (``Across the table, the new intern is sitting very
    straight.``) is the one whose full name opens the next as a label, with a colon, met there
    for the first time (``Celeste Amadi: three weeks on the service, top of her class.``, or
    portrayed: ``Celeste Amadi was twenty-six and terrified.``, not ``was sitting``): the
    story introduces the description by name. Every ``the new intern`` is Amadi, and so is
    ``the intern`` when it names no one else. Not when the sentence describes two people.
    """
    header_end = doc.header.end
    for para in doc.paragraphs:
        for start, end in para.narration(doc.segments):
            for m in _LABELLED_NAME.finditer(doc.text, start, end):
                person = doc.roster.resolve_phrase(m.group(1))
                if person is None or _written_before(doc.text, person, header_end, m.start()):
                    continue
                before = doc.text[start:m.start()]
                described = _definite_descriptions(doc.roster, before[_SENTENCE_START.match(before[:-2]).end():])
                if len(described) == 1:
                    _index_described_and_head(doc.roster, described[0], person)


def _written_before(text: str, person: Person, start: int, end: int) -> bool:
    """Whether any name of ``person`` is written between ``start`` and ``end`` (met already)."""
    between = text[start:end]
    return any(search_where_written(re.compile(rf"(?<![\w'’]){re.escape(f)}(?![\w'’-])"), between, f) for f in person.forms)


def _definite_descriptions(roster: Roster, sentence: str) -> list[tuple[str, str]]:
    """The ``the`` descriptions of people in a sentence: (phrase, head noun)."""
    found = (description_at(sentence[m.start():], roster.speaker_nouns) for m in re.finditer(r"\b[Tt]he ", sentence))
    return [f for f in found if f]


def _index_described_and_head(roster: Roster, described: tuple[str, str], person: Person) -> None:
    """Make ``the new intern`` and, when it may be a rank, ``the intern`` name ``person``."""
    phrase, head = described
    for form in ("the " + phrase.split(" ", 1)[1].lower(), "the " + head if may_be_rank(roster, head) else ""):
        if form and roster.lookup(form) is None:
            roster.index(form, person)


def _index_description(roster: Roster, name: str, following: str, *, closed: bool) -> None:
    """Make the description that opens ``following`` name the person called ``name``
    (``closed``: an apposition, whose description must end at a comma); never a group (``the
    boys go by their stage names (Sol, Kite, ...)`` names no one); a role of something
    named by a possessive (``Kit, the band's singer,``) names them by the role alone too
    (:func:`_role_of_possessor`)."""
    found = description_at(following, roster.speaker_nouns)
    person = roster.resolve_phrase(name)
    if not found or person is None or is_group_noun(found[1]) or (closed and not following[len(found[0]):].startswith(",")):
        return
    phrase = "the " + found[0].split(" ", 1)[1].lower()
    for form in (phrase, _role_of_possessor(roster, phrase, found[1])):
        if form and roster.lookup(form) is None:
            roster.index(form, person)


def _index_named_role(roster: Roster, text: str, m: re.Match) -> None:
    """``Osric the herald had a voice like a bell``: a name given with the role the story's tags
    make a speaker (``the herald called``; :func:`~ficaudio.attribute.characters.role_after_name`)
    is that person, even one the narration names only here; not a description after a
    sentence-opening word (``Perhaps the river ...``, ``Apparently the ferryman ...``), nor a
    role no tag makes a speaker."""
    name = m.group(1)
    found = role_after_name(text, name, m.end(1), roster.speaker_nouns)
    if not found or found[1] not in roster.speaker_nouns:
        return
    person = roster.resolve_phrase(name)
    if person is None and " " in name:
        return
    person = person or roster.add(Person(name), [name])
    if roster.lookup("the " + found[1]) is None:
        roster.index("the " + found[1], person)


def _role_of_possessor(roster: Roster, phrase: str, head: str) -> str | None:
    """``the band's singer`` -> ``the singer``: the role a possessive noun ties to its group,
    place or craft is the person's role for the story (a later ``said the singer``); not a word
    of sex or kin (``the doctor's man``, ``the vicar's wife`` are other people's).

    >>> from ficaudio.attribute.characters import Roster
    >>> r = Roster(); r.speaker_nouns = frozenset({"singer"})
    >>> _role_of_possessor(r, "the band's singer", "singer"), _role_of_possessor(r, "the doctor's man", "man"), _role_of_possessor(r, "the singer", "singer")
    ('the singer', None, None)
    """
    words_of = phrase.split()
    if len(words_of) != 3 or not words_of[1].endswith(("'s", "’s")) or not may_be_rank(roster, head):
        return None
    return "the " + head


def _index_called_description(roster: Roster, text: str, start: int, m: re.Match) -> None:
    """``a brisk woman called Fiona Marsh``, ``the boy named Kit``: the description right before
    ``called``/``named`` names that person, and so does a subject the sentence equates with it
    (``The moderator is a brisk woman called Fiona Marsh`` -> the moderator). ``the boy called
    Kit`` may be the boy calling out, so ``called`` counts only after ``a``/``an``.

    >>> from collections import Counter
    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); r.speaker_nouns = frozenset({"moderator"}); fi = r.add(Person("Fiona Marsh", Counter({"Fiona Marsh": 1})), ["Fiona Marsh"])
    >>> t = "The moderator is a brisk woman called Fiona Marsh who runs things. The boy called Tom over."
    >>> for hit in _CALLED_NAME.finditer(t): _index_called_description(r, t, 0, hit)
    >>> r.lookup("the brisk woman").name, r.lookup("the moderator").name, r.lookup("the boy")
    ('Fiona Marsh', 'Fiona Marsh', None)
    """
    before = text[max(start, m.start() - 50):m.start()]
    for article in _ARTICLE.finditer(before):
        phrase = before[article.start():]
        found = description_at(phrase, roster.speaker_nouns)
        if found is None or found[0] != phrase or (m.group(1) == "called" and article.group().lower().startswith("the")):
            continue
        _index_description(roster, m.group(2), phrase, closed=False)
        at = m.start() - len(phrase)
        if (subject := _SUBJECT_IS.search(text, max(start, at - 50), at)) and _bare_subject(roster, subject):
            _index_description(roster, m.group(2), subject.group(1), closed=False)
        return


def _bare_subject(roster: Roster, subject: re.Match) -> bool:
    """Whether a subject set off by a comma or dash before ``a ... called X`` is a description
    and nothing more (``The ferryman — a bent old man called Wyn``), not a clause that goes on
    to someone else (``The sergeant waved at the newcomer, a lanky boy called Wyn``); one
    before ``is``/``was`` is the copula's subject as it stands."""
    if subject.group(0).rstrip().endswith(("is", "was")):
        return True
    found = description_at(subject.group(1), roster.speaker_nouns)
    return found is not None and found[0] == subject.group(1)


def _index_name_given_by_pronoun(doc: Document, m: re.Match, start: int) -> None:
    """``The herald unrolled the scroll. His name was Osric.``: a sentence giving ``his``/``her``
    name, right after a sentence opened by a description of that gender (or of none), names the
    person so described, when that sentence mentions nobody else: ``The sergeant pointed at a
    skinny boy by the door. His name was Pell`` brings in the boy, and Pell is his name.

    Scenes: tests/test_attribute_described.py.
    """
    before = doc.text[start:m.start()].rstrip()
    sentence = before[max(before.rfind(c, 0, len(before) - 1) for c in ".!?") + 1:].lstrip(" \"”’")
    found = description_at(sentence, doc.roster.speaker_nouns)
    gender = Gender.MALE if m.group(1) == "His" else Gender.FEMALE
    if found and sentence[:1].isupper() and KIN_GENDER.get(found[1], Gender.UNKNOWN) in (gender, Gender.UNKNOWN) and not _mentions_someone(doc.roster, sentence[len(found[0]):]):
        _index_description(doc.roster, m.group(2), sentence, closed=False)


def _mentions_someone(roster: Roster, text: str) -> bool:
    """Whether ``text`` names or describes a person: a person noun or a role the tags make a
    speaker (``at a skinny boy``), or a name (``at Tomas``).

    >>> r = Roster(); r.speaker_nouns = frozenset({"ferryman"})
    >>> _mentions_someone(r, " pointed at a skinny boy"), _mentions_someone(r, " nodded to Tomas"), _mentions_someone(r, " spat in the water")
    (True, True, False)
    """
    return any(is_person_noun(w) or w in roster.speaker_nouns or is_name_word(w) for w in re.findall(r"[\w'’-]+", text))


def _index_described_by_copula(roster: Roster, name: str, following: str) -> None:
    """``Tsubaki was the Hokage``, ``Joseph was an old man``, ``Mira was the archer`` (a noun the
    story's tags make a speaker): the description after ``is``/``was`` names that person when it is definite or says more than a bare noun (``Harry was a man of
    few words`` does not make every ``the man`` Harry).

    >>> from collections import Counter
    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); joe = r.add(Person("Joseph", Counter(Joseph=3)), ["Joseph"])
    >>> _index_described_by_copula(r, "Joseph", "an old man, and"); _index_described_by_copula(r, "Joseph", "a man of few words")
    >>> r.lookup("the old man").name, r.lookup("the man")
    ('Joseph', None)
    """
    found = description_at(following, roster.speaker_nouns)
    if found and (found[0].lower().startswith("the ") or len(found[0].split()) > 2):
        _index_description(roster, name, following, closed=False)


_PRONOUN_IS = letters.compile(r"(?<=[.!?] )(He|She) (?:is|was|had been|has been) (?=(?:the|their|our|his|her) )")


def _index_pronoun_copula(doc: Document, m: re.Match, start: int, end: int) -> None:
    """``Mara came up the gangway. She was the captain, and ...``: a sentence saying what
    ``he``/``she`` is, right after a sentence that names one person, its subject, of no other
    gender, gives that person the role as :func:`_index_described_by_copula` and
    :func:`_index_predicated_role` do for ``Mara was the captain`` / ``Mara was their captain``.

    Scenes: tests/test_attribute_described.py.
    """
    before = doc.text[start:m.start()]
    named = [(run, p) for run in name_runs(words(before, max(before.rfind(c, 0, len(before.rstrip()) - 1) for c in ".!?") + 1), before) if (p := doc.roster.resolve(run))]
    if len(named) != 1 or not named[0][0].initial:
        return
    person = named[0][1]
    gender = Gender.MALE if m.group(1) == "He" else Gender.FEMALE
    if person.gender not in (gender, Gender.UNKNOWN):
        return
    following = doc.text[m.end():end]
    if following.startswith("the "):
        _index_described_by_copula(doc.roster, person.name, following)
    else:
        _index_predicated_role(doc.roster, person.name, following)


def _index_role(roster: Roster, name: str, following: str) -> None:
    """``Callum, his race engineer,``: the role after a name, with its possessive, names that
    person from now on, in full and by its noun alone (a later ``said his engineer`` is
    Callum); kin (``Edmund, her brother``) is :func:`_index_relation`'s.

    >>> from collections import Counter
    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); cal = r.add(Person("Callum", Counter(Callum=3)), ["Callum"])
    >>> _index_role(r, "Callum", "his race engineer, came on the radio"); r.lookup("his engineer").name, r.lookup("his race engineer").name
    ('Callum', 'Callum')
    """
    found = description_at(following, roster.speaker_nouns)
    person = roster.resolve_phrase(name)
    if not found or person is None or found[1] in KIN_GENDER or not following[len(found[0]):].startswith(","):
        return
    possessive = found[0].split(" ", 1)[0].lower()
    for phrase in (found[0].lower(), f"{possessive} {found[1]}"):
        if roster.lookup(phrase) is None:
            roster.index(phrase, person)


_ROLE_PREDICATE_END = letters.compile(r"\s*(?:[,.;!?—]|(?:and|for|since|until|in|on|at)\b|$)")


def _index_predicated_role(roster: Roster, name: str, following: str) -> None:
    """``Kit, who was their singer and ...``, ``Delia had been their manager for four years``:
    a role the narration says a named person holds names that person from now on, by the
    role with its possessive and with ``the`` (a later ``the singer started`` is Kit), when
    nobody holds that phrase yet; not kin (:func:`_index_relation`). Such a role is a person
    noun of the story (:data:`ficaudio.attribute.mentions._ROLE_OF_NAME`).

    >>> from collections import Counter
    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); r.speaker_nouns = frozenset({"singer"}); kit = r.add(Person("Kit", Counter(Kit=3)), ["Kit"])
    >>> _index_predicated_role(r, "Kit", "their singer and their rhythm guitarist"); r.lookup("the singer").name, r.lookup("their singer").name
    ('Kit', 'Kit')
    >>> _index_predicated_role(r, "Kit", "her brother, and"); r.lookup("the brother")
    """
    found = description_at(following, roster.speaker_nouns)
    person = roster.resolve_phrase(name)
    if not found or person is None or found[1] in KIN_GENDER or not _ROLE_PREDICATE_END.match(following, len(found[0])):
        return
    possessive = found[0].split(" ", 1)[0].lower()
    for phrase in (found[0].lower(), f"{possessive} {found[1]}", f"the {found[1]}"):
        if roster.lookup(phrase) is None:
            roster.index(phrase, person)


def _index_bare_role(roster: Roster, name: str, role: str, text: str = "") -> None:
    """``Iris Fennimore, charge nurse, twenty years on the ward``: a role set after a name with
    no article, ending on a noun of rank or trade, names that person as ``the <role>`` (a later
    ``the charge nurse says`` is Iris); so does a capitalised rank before ``of`` (``Ilse
    Varenne, Countess of Marrow,`` -> ``the countess``), and a role said of a name with no article
    before ``of``/``at``/``for`` (``Ambrose Pell is seventy, has been curator of maps since 1990``,
    ``Tom was captain of the team``: :data:`_BARE_ROLE_PREDICATE`). Not a word of sex or kin (``Tom, boy of ten,``), nor
    anything else after a comma (``Iris, tired, sat``: no role noun), nor a rank someone else
    bears before a name (with ``the old Countess Delaine``, ``the countess`` is hers, not Ilse's), nor a
    group (``Kakashi, of all people,``), nor a role the ``text`` shows beside that person as someone
    else (:func:`_shown_apart`: ``Jun was master of nothing yet`` is a figure of speech where
    ``Mara grinned at Jun behind the master's back``).

    >>> from collections import Counter
    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); iris = r.add(Person("Iris Fennimore", Counter({"Iris Fennimore": 2})), ["Iris Fennimore"])
    >>> t = "That is Iris Fennimore, charge nurse, and Iris Fennimore, tired, sits. Iris Fennimore, girl of ten."
    >>> for m in _BARE_ROLE_APPOSITION.finditer(t): _index_bare_role(r, m.group(1), m.group(2))
    >>> r.lookup("the charge nurse").name, r.lookup("the tired"), r.lookup("the girl")
    ('Iris Fennimore', None, None)
    >>> [m.group(2) for m in _BARE_ROLE_APPOSITION.finditer("Ilse Varenne, Countess of Marrow, and Tomas Brell, Ward, came.")]  # a capitalised word not before ``of`` is no role; ``came`` is no rank (may_be_rank)
    ['Countess', 'came']
    """
    person, role = roster.resolve_phrase(name), role.lower()
    head = role.rsplit(" ", 1)[-1]
    if person is None or not may_be_rank(roster, head) or is_group_noun(head) or roster.lookup("the " + role) is not None or any(p is not person for p in roster.title_bearers(head)) or _shown_apart(text, person, role):
        return
    roster.index("the " + role, person)


_TIED = letters.compile(r"\s*,\s*|\s+(?:is|was)\s+")  # an apposition or a copula between a name and a description


def _shown_apart(text: str, person: Person, role: str) -> bool:
    """Whether ``text`` writes ``the <role>`` in one sentence with a name of ``person``, neither
    in apposition nor joined by ``is``/``was``: two people (``Mara grinned at Jun behind the
    master's back.``), as :func:`~ficaudio.attribute.characters.forms_kept_apart` keeps two names.

    >>> from collections import Counter
    >>> jun = Person("Jun", Counter(Jun=3))
    >>> _shown_apart("Jun bowed. Mara grinned at Jun behind the master's back.", jun, "master"), _shown_apart("Jun, the master, bowed. The master was Jun.", jun, "master")
    (True, False)
    """
    names = [f for f in person.forms if f[:1].isupper()]
    if not text or not names:
        return False
    name = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(names, key=len, reverse=True)) + r")\b")
    for m in re.finditer(rf"\b[Tt]he {re.escape(role)}\b", text):
        start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        end = min((k for k in (text.find(c, m.end()) for c in ".!?\n") if k >= 0), default=len(text))
        for n in name.finditer(text, start, end):
            between = text[n.end():m.start()] if n.end() <= m.start() else text[m.end():n.start()]
            if not _TIED.fullmatch(between):
                return True
    return False


def _index_relation(roster: Roster, name: str, relation: str) -> None:
    """``Her brother Edmund``, ``my best friend, Dana,``, ``Dana, my oldest friend,``, ``Dana
    was my friend``: the relation, with its possessive, names that person from now on (a later
    ``said her brother`` or ``my friend asked`` is that person), and so does the relation
    without its adjective (``my friend`` for ``my best friend``), unless it already names someone.

    >>> from collections import Counter
    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); ned = r.add(Person("Edmund", Counter(Edmund=3)), ["Edmund"])
    >>> _index_relation(r, "Edmund", "Her brother"); r.lookup("her brother").name
    'Edmund'
    >>> [m.groups() for m in _KIN_APPOSITION.finditer("Her brother Edmund came, and my mother, Mrs. Hale, sighed.")]
    [('Her brother', 'Edmund'), ('my mother', 'Mrs. Hale')]
    >>> [(m.group(1), m.group(2) or m.group(3)) for m in _RELATION_AFTER_NAME.finditer("At last Dana, my oldest friend, sat down. Ben was my cousin and a fool.")]
    [('Dana', 'my oldest friend'), ('Ben', 'my cousin')]
    """
    person = roster.resolve_phrase(name)
    if person is None:
        return
    possessive, *_, noun = relation.lower().split()
    for phrase in {relation.lower(), f"{possessive} {noun}"}:
        if roster.lookup(phrase) is None:
            roster.index(phrase, person)
    if person.gender is Gender.UNKNOWN and noun in KIN_GENDER:
        person.gender, person.gender_reason = KIN_GENDER[noun], f"'{relation}' in apposition"
