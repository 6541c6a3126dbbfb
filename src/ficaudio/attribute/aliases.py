"""Names of one person that only the text links, so the roster holds one person, not two:
a codename the narration equates with a name (``Theo is Ghostlight.``), a full name written
once (``Hettie Fairweather`` joins ``Miss Fairweather``; ``Anne Carrick`` is ``Miss Carrick``,
not ``Mr. Carrick``), a bare honorific written as a name (``Sensei`` is ``Hayame-sensei``), a
kin word used as a name (``Mom`` is ``her mother``; a ``Mom`` called once is the narrator's
``my mom``), a role whose call a named person answers (``"We do, Hokage-sama."`` /
``Tsubaki raised her eyes.``) and a surname used only to call someone (``"Something funny, Marsh?"``).

Run while the document is built (:func:`ficaudio.attribute.document.build_document`), so
every rule afterwards sees the joined person. A description or role a sentence equates with
a name (``Kira, the tall girl,``) is :mod:`ficaudio.attribute.described`'s.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from itertools import permutations
from typing import TYPE_CHECKING

from ficaudio import letters
from ficaudio.attribute.header import Header
from ficaudio.attribute.characters import Person, Roster, after_article, is_vocative_run, titled_name_forms, titled_name_givers, wife_by_husbands_name
from ficaudio.attribute.lexicon import FIRST_PERSON_MIN_SHARE, TITLE_GENDER, JAPANESE_KIN_NAMES, JAPANESE_RANKS, both_kin_names, GIVEN_NAME_TITLES, KNIGHTS_TITLES, PARTICIPLE, SAID_ALONE_RANKS, GENDERED_ROLES, HONORIFIC_GENDER, KIN_GENDER, KIN_NAMES, NEUTRAL_TITLES, TITLES, CLIPPED_TITLES, rank_of_word, same_title
from ficaudio.attribute.mentions import NameRun, Word, is_name_word, is_person_noun, name_runs, search_where_written, split_honorific, words
from ficaudio.attribute.names import clips, pet_stem, full_names_of, is_listed_given_name, is_patronymic_of, is_pet_form, name_prior
from ficaudio.models import Gender

if TYPE_CHECKING:
    from ficaudio.attribute.document import Document, Mention, Paragraph

_OTHER_NAME = r"(?:(?:real |actual |user|screen |online |call |code |stage |pen )?(?:name|handle|username|nickname|codename)|call[ -]?sign)"
_CALLERS = r"(?:everyone|everybody|people|they|we|the others|(?:his|her|their|our) friends)"
_EQUATOR = rf"(?:is|was|becomes|became|,? who (?:is|was)|,? whose {_OTHER_NAME} (?:is|was)|,? aka|,? a\.k\.a\.|,? also known as|,? better known as|,? nicknamed|,? (?:who|whom) {_CALLERS} (?:call|calls|called)|,? who (?:goes|went) by|, {_OTHER_NAME})"
_STILL = r"(?: (?:still|once|just|really|actually|always))?"  # "when Vesper was still Theo Marchetti"
_EQUATING = letters.compile(rf"\s*{_EQUATOR}{_STILL}\s+")
_MAY_EQUATE = letters.compile(rf"[A-Z][\w'’-]* ?{_EQUATOR}{_STILL} [A-Z]")
_QUOTED_NICKNAME = letters.compile(r"\b([A-Z][\w'’-]+) [\"“‘']([A-Z][\w'’-]+)[\"”’'] ([A-Z][\w'’-]+)\b")
MAY_CALL = letters.compile(r"(?:^\W*|, )[A-Z][\w'’.-]*(?: [A-Z][\w'’-]*)*\s*[,.?!]")  # a capitalised word where a call stands
_EQUATION_END = letters.compile(r"\s*(?:[,.;!?]|and\b|when\b|who\b|from\b|$)")
_KIN_CALL = letters.compile(r"(?:^\W*|,\s*)(" + "|".join(k.capitalize() for k in KIN_NAMES) + r")\s*[,.!?…—]")
_NARRATORS_KIN = letters.compile(r"\b[Mm]y (" + "|".join(KIN_NAMES) + r")\b")
_TITLE_CALL = letters.compile(r"(?:^\W*|,\s*)([A-Z][a-z]+)(-(?:sama|dono|sensei|san))?(?=\s*[,.!?…—])")
_ADDRESSED_MIN = 2  # one call may be to someone who never appears again
_VOTES_MIN = 2  # calls with its owner the narration's subject just before


def join_person(roster: Roster, person: Person, owner: Person) -> None:
    """Fold ``person`` into ``owner``: every form of theirs names ``owner`` from now on."""
    for form, count in person.forms.items():
        owner.forms[form] += count
        roster.index(form, owner, force=True)
        if roster.lookup(form.split()[-1]) is person:
            roster.index(form.split()[-1], owner, force=True)
    if owner.gender is Gender.UNKNOWN:
        owner.gender, owner.gender_reason = person.gender, person.gender_reason
    roster.people.remove(person)


def join_into_larger(roster: Roster, a: Person, b: Person) -> None:
    """Join two people found to be one into whichever of them the text mentions more."""
    smaller, larger = sorted((a, b), key=lambda p: p.mentions)
    join_person(roster, smaller, larger)


def join_equated_names(roster: Roster, text: str, spans: list[tuple[int, int]]) -> None:
    """Two people the narration equates are one: ``Theo is Ghostlight.``, ``So Dani becomes
    Riptide, and Marcus becomes Static`` (a name, ``is``/``was``/``becomes``/``became``, a
    name that ends the clause or is followed by ``who`` or ``from``: ``back when Vesper was
    still Theo Marchetti from Stockport and Kit was Jonah Kettering who sold fridges``), a
    handle or nickname and the name behind it (``says Brickhaus, who is Dima when his mom is
    in the room``, ``Kestrel, whose real name was Priya,``, ``Noor, call sign Static,``,
    ``Kit, whose stage name is Lowlight,``, ``Dima aka Brickhaus``, ``Wilhelmina, whom everyone called Moth,``, ``Ana, nicknamed Nan,``, ``Ana,
    who went by Nan``); the less mentioned joins the more mentioned, even though the sentence
    names both (which alone would keep them apart).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); theo = r.add(Person("Theo", Counter(Theo=9)), ["Theo"])
    >>> ghost = r.add(Person("Ghostlight", Counter(Ghostlight=4)), ["Ghostlight"])
    >>> t = "Theo is Ghostlight. Theo is Ghostlight's friend."
    >>> join_equated_names(r, t, [(0, 19)]); [p.name for p in r.people], r.lookup("Ghostlight").name
    (['Theo'], 'Theo')
    """
    for start, end in spans:
        if not _MAY_EQUATE.search(text, start, end):
            continue  # most narration equates nobody: skip scanning its names
        runs = name_runs(words(text, start, end), text)
        for first, second in zip(runs, runs[1:]):
            if not (_EQUATING.fullmatch(text, first.end, second.start) and _EQUATION_END.match(text, second.end, end)):
                continue
            a, b = roster.resolve(first), roster.resolve(second)
            if a and b and a is not b and may_be(a, b) and may_be(b, a):
                join_into_larger(roster, a, b)  # not kept apart: naming both in one sentence is the equation


_PRONOUN_EQUATING = letters.compile(r"(?:^|[.!?]\s+)(?:(He)|She)(?: is| was| has been| had been|['’]s been|['’]d been) $")
_MAY_PRONOUN_EQUATE = letters.compile(r"\b(?:He|She)(?: is| was| has been| had been|['’][sd] been) [A-Z]")
_NICKNAME_END = letters.compile(r"\s*(?:[,.;!?]|and\b|when\b|since\b|to\b|$)")


def join_pronoun_equated_names(roster: Roster, text: str, spans: list[tuple[int, int]]) -> None:
    """A name a sentence gives to the one person the narration has named so far in its stretch
    is another name of that person: ``Theo Lindqvist sat down. He was Rook to the team.``,
    ``Anders Brekke did not look up. He'd been Bear since his first season.`` (``he``/``she``
    opening a sentence, ``is``/``was``/``has been``/``had been``, a name that ends the clause);
    not when the stretch has named someone else too (then ``he`` may be either).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); theo = r.add(Person("Theo Lind", Counter({"Theo Lind": 1})), ["Theo Lind", "Theo"])
    >>> rook = r.add(Person("Rook", Counter(Rook=5)), ["Rook"])
    >>> t = "Theo Lind sat down. He was Rook, or kid."
    >>> join_pronoun_equated_names(r, t, [(0, len(t))]); [p.name for p in r.people]
    ['Rook']
    """
    for start, end in spans:
        if not _MAY_PRONOUN_EQUATE.search(text, start, end):
            continue  # most narration gives no name: skip scanning its names
        runs = name_runs(words(text, start, end), text)
        for k, run in enumerate(runs[1:], 1):
            pronoun = _PRONOUN_EQUATING.search(text, max(start, run.start - 20), run.start)
            if not (pronoun and _NICKNAME_END.match(text, run.end, end)):
                continue
            named = {id(p): p for r in runs[:k] if (p := roster.resolve(r))}
            nickname, person = roster.resolve(run), named.popitem()[1] if len(named) == 1 else None
            gender = Gender.MALE if pronoun.group(1) else Gender.FEMALE
            if person and nickname and nickname is not person and person.gender in (gender, Gender.UNKNOWN) and may_be(nickname, person):
                join_into_larger(roster, nickname, person)


def join_quoted_nicknames(roster: Roster, text: str) -> None:
    """A nickname quoted inside a full name (``Marcus "Bug" Delacroix``, ``Ana ‘Nan’ Ruiz``) is
    one more name of that person: the nickname's person takes the given and the full name as
    forms, or joins the person already known by them.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); bug = r.add(Person("Bug", Counter(Bug=9)), ["Bug"])
    >>> join_quoted_nicknames(r, 'Marcus "Bug" Delacroix played bass.'); r.lookup("Marcus").name, r.lookup("Marcus Delacroix").name
    ('Bug', 'Bug')
    """
    for m in _QUOTED_NICKNAME.finditer(text):
        given, nickname, surname = m.groups()
        person = roster.lookup(nickname)
        owner = roster.lookup(f"{given} {surname}") or roster.lookup(given)
        if person is None or not is_name_word(given) or not is_name_word(surname) or given.lower().rstrip(".") in TITLES:
            continue  # Agent "Wolf" Smith: a title is nobody's given name
        if owner is None:
            _add_aliases(roster, person, (given, f"{given} {surname}"))
        elif owner is not person and may_be(person, owner) and may_be(owner, person):
            join_into_larger(roster, person, owner)




def writes_word(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` as a whole word (``\\bword\\b``).

    >>> writes_word("Annabel met Ann.", "Ann"), writes_word("Annabel left.", "Ann")
    (True, False)
    """
    return search_where_written(re.compile(rf"\b{re.escape(word)}\b"), text, word) is not None


def join_header_cast(roster: Roster, text: str, header: Header) -> None:
    """A fan fiction's header lists its characters by their full names (``Characters: Priya
    Raman, Juniper Vasquez, Marcus Delacroix``); a listed name the story itself never writes, by
    it or by a name already joined to it (``Clem`` for ``Clementine Ashby``), is a character the
    story calls otherwise. When, of one gender, exactly one listed name goes
    unwritten and exactly one untitled person of the story is missing from the list (``Bug``,
    his friends' name for him; ``June``), the two are one person: the story's person takes the
    listed full name and its given name. Two of a gender on either side, or none, join nobody.

    Scenes: tests/test_attribute_aliases.py.
    """
    if not (listed := header.cast_names(text)):
        return
    body = text[header.end:]
    listed_words = {w for n in listed for w in n.split()}
    unwritten = [n for n in listed if all(is_name_word(w) and not writes_word(body, w) for w in n.split()) and not _written_person(roster.lookup(n), body)]
    unlisted = [p for p in roster.people if not (p.known or p.title or p.name.lower() in KIN_NAMES) and p.gender is not Gender.UNKNOWN
                and writes_word(body, p.name) and not any(w in listed_words for f in p.forms for w in split_honorific(f)[0].split())]
    for gender in (Gender.MALE, Gender.FEMALE):
        names = [n for n in unwritten if _listed_gender(n) is gender]
        people = [p for p in unlisted if p.gender is gender]
        if len(names) == 1 and len(people) == 1:
            if (listed_person := roster.lookup(names[0])) not in (None, people[0]):
                join_person(roster, listed_person, people[0])
            _add_aliases(roster, people[0], (names[0], names[0].split()[0]), force=True)


def _add_aliases(roster: Roster, person: Person, forms: tuple[str, ...], force: bool = False) -> None:
    """Give ``person`` each of ``forms`` as one of its names (an alias, not a count of uses)."""
    for form in forms:
        person.forms.setdefault(form, 0)
        roster.index(form, person, force=force)


def place_family_surnames(roster: Roster, text: str, header: Header) -> None:
    """A bare surname the ``Characters:`` field lists for two or more people (``Ewan Haldane,
    Kirsty Haldane``), which the roster's build left a person of its own, is the one listed
    person whose given name's gender is the surname's, by its pronouns (``Haldane roared ...
    his shoulders`` is Ewan, not Kirsty): the person the given name names, else the surname's
    person takes the listed name. Of two listed of its gender (a father and a son), it is the
    one the story never calls by his given name. Where its gender fits no one listed alone,
    the surname goes, as any surname does, to the most mentioned person of a full name bearing
    it (:func:`_surname_bearer`), if each may be the other by gender and forms (``may_be``).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); k = r.add(Person("Kirsty", Counter({"Kirsty": 9, "Kirsty Haldane": 1}), Gender.FEMALE), ["Kirsty", "Kirsty Haldane"])
    >>> h = r.add(Person("Haldane", Counter(Haldane=5), Gender.MALE), ["Haldane"])
    >>> place_family_surnames(r, "Characters: Ewan Haldane, Kirsty Haldane\\nKirsty ran.", Header(41, (12, 41))); r.lookup("Ewan").name, sorted(h.forms)
    ('Haldane', ['Ewan', 'Ewan Haldane', 'Haldane'])
    """
    listed = header.cast_names(text)
    for surname in sorted(header.family_names(text)):
        person = roster.lookup(surname)
        if person is None or person.known or person.title or not only_surname_forms(person, surname):
            continue
        entries = [n for n in listed if len(n.split()) > 1 and n.split()[-1] == surname]
        fitting = [n for n in entries if _listed_gender(n) is person.gender] if person.gender is not Gender.UNKNOWN else []
        if len(fitting) > 1:  # a father and a son: the one the story never calls by his given name
            fitting = [n for n in fitting if not writes_word(text[header.end:], n.split()[0])]
        if len(fitting) == 1:
            given = roster.lookup(fitting[0].split()[0])
            if given is not None and given is not person and may_be(person, given):
                join_person(roster, person, given)
            elif given is None:
                _add_aliases(roster, person, (fitting[0], fitting[0].split()[0]))
        elif (bearer := _surname_bearer(roster, person, surname)) is not None and may_be(person, bearer) and may_be(bearer, person):
            join_person(roster, person, bearer)


def _surname_bearer(roster: Roster, person: Person, surname: str) -> Person | None:
    """The most mentioned other person with a name of two or more words ending in ``surname``."""
    bearers = [p for p in roster.people if p is not person and any(surname_of(f) == surname for f in p.forms)]
    return max(bearers, key=lambda p: p.mentions, default=None)


def surname_of(form: str) -> str:
    """The last word of a name of two or more words (``Ewan Haldane`` -> ``Haldane``); none of one word.

    >>> surname_of("Ewan Haldane"), surname_of("Haldane")
    ('Haldane', '')
    """
    return form.split()[-1] if " " in form.strip() else ""


def join_header_name_forms(roster: Roster, text: str, header: Header, tagged: Collection[str] = frozenset()) -> None:
    """The ``Characters:`` field lists each person once, so two people of the story named by one
    entry are one: a name and the other name after a bar (``Priya Vashti | Lodestar``, a hero
    and her code name; ``Aether | Traveler``) or in brackets after it (``Tomasz Brzezinski
    (Mouse)``), or the two words of a full name that no other entry shares (``Kaido Sora``, a
    surname and a given name the story writes apart), when their genders agree; a bracket's
    two must both have one, for a bracket may hold a fandom or a place (``Bartholomew
    (Larkhollow)``) that the story writes like a name. What is no second name of one person
    (:func:`_one_persons_forms`): AO3's fandom in brackets (``Arthur Pendragon (Merlin)``
    beside ``Merlin (Merlin)``, the ``Fandom:`` field's, or any bracket of a field where one
    bracket holds more than a word: ``Sasuke Uchiha (Naruto), Izuku Midoriya (My Hero
    Academia)``; ``Tomasz Nowak (Mouse), Agnes Ek (Birdie)`` are two nicknames), a relation (``Arthur (Ron's
    dad)``), a pairing (``Sherlock/John Watson``), two of a family (``Sam Winchester | Dean
    Winchester``); nor a full name one of whose words the story writes after another person's
    name (``Ben Solo`` beside ``Han Solo``), nor one whose two words two titles name
    (:func:`_titled_apart`: ``Colonel Fitzwilliam`` beside ``Mr. Darcy``), nor one whose first
    word the tags name with a rank after it and whose second word they name too
    (:func:`_ranked_apart`: ``Kuroiwa-kantoku`` and ``Emi`` beside a listed ``Kuroiwa Emi``).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); gus = r.add(Person("Gus", Counter(Gus=6), Gender.MALE), ["Gus"])
    >>> _ = r.add(Person("Bulwark", Counter(Bulwark=3), Gender.MALE), ["Bulwark"])
    >>> t = "Characters: Gus Feld | Bulwark, Tam Reyes\\n"
    >>> join_header_name_forms(r, t, Header(42, (12, 41))); [p.name for p in r.people], r.lookup("Bulwark").name
    (['Gus'], 'Gus')
    """
    listed, story = header.cast_names(text), text[header.end:]
    words_listed = Counter(w.strip("()") for entry in listed for w in entry.split())
    words_listed.update({word: 2 for word in header.fandom_words(text)})
    # a bracket of more than a word is a fandom (My Hero Academia): then every bracket is one
    crossover = any(" " in found[2].strip() for entry in listed if (found := _CAST_BRACKET.fullmatch(entry)))
    for entry in listed:
        forms = _one_persons_forms(entry, words_listed) if not crossover or "(" not in entry else ("", "")
        a, b = (roster.resolve_phrase(form) for form in forms)
        if "|" not in entry and "(" not in entry and (a is None) != (b is None):
            _give_listed_name(roster, story, entry, forms, a or b)
        if a and b and a is not b and may_be(a, b) and may_be(b, a) and ("(" not in entry or Gender.UNKNOWN not in (a.gender, b.gender)):
            full_name = "|" not in entry and "(" not in entry
            if full_name and (_word_given_to_another(roster, story, forms) or _titled_apart(a, b) or a_parents_title(text, a, b) or a_parents_title(text, b, a)
                              or _surname_titled_otherwise(story, entry, forms[1]) or _ranked_apart(a, b, tagged) or _ranked_apart(b, a, tagged)):
                continue
            join_into_larger(roster, a, b)


def join_titled_listed_names(roster: Roster, text: str, header: Header) -> None:
    """A listed full name the story writes once after the words a person's name opens with
    (``Sect Leader Yan Zhaolin``, beside ``Sect Leader Yan`` and a listed ``Yan Zhaolin``;
    ``Uncle Aldo Ferrante`` beside ``Uncle Aldo``) is that person's, in either order of
    family and given name: the title stands before the name's first word, whichever it is.
    Only where no other listed name shares that first word, and the full name is no one
    else's.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); yan = r.add(Person("Sect Leader Yan", Counter({"Sect Leader Yan": 3})), ["Sect Leader Yan"])
    >>> t = "Characters: Yan Zhaolin, Qin Mo\\nSect Leader Yan Zhaolin's voice came out of the paper."
    >>> join_titled_listed_names(r, t, Header(31, (12, 31))); r.lookup("Yan Zhaolin").name
    'Sect Leader Yan'
    >>> r = Roster(); yan = r.add(Person("Sect Leader Yan", Counter({"Sect Leader Yan": 3})), ["Sect Leader Yan"])
    >>> t = "Characters: Yan Zhaolin, Qin Mo\\nThen Sect Leader Yan Zhaolin spoke."
    >>> join_titled_listed_names(r, t, Header(31, (12, 31))); r.lookup("Yan Zhaolin").name
    'Sect Leader Yan'
    """
    listed, story = header.cast_names(text), text[header.end:]
    firsts = Counter(entry.split()[0] for entry in listed if len(entry.split()) == 2)
    for entry in listed:
        words_of = entry.split()
        if len(words_of) != 2 or firsts[words_of[0]] != 1 or "(" in entry or "|" in entry:
            continue
        for hit in re.finditer(rf"\b((?:[A-Z][\w'’.-]* ){{1,3}}){re.escape(entry)}\b", story):
            before = hit.group(1).split()  # as many capitalised words as stand there: "Then Sect Leader"
            person = next((p for k in range(len(before)) if (p := roster.lookup(" ".join([*before[k:], words_of[0]])))), None)
            owner = roster.lookup(entry)
            if person is None or person.known or owner is person:
                continue
            if owner is None:
                _add_aliases(roster, person, (entry,))
            elif may_be(person, owner) and may_be(owner, person):
                join_into_larger(roster, person, owner)
            break


def _give_listed_name(roster: Roster, story: str, entry: str, forms: tuple[str, str], person: Person) -> None:
    """A listed full name of which the story makes a person of one word only, the other
    nobody's (``Ozaki Hinata``, the story's ``Ozaki``, ``Ozaki-san``, never ``Hinata``), is that
    person's: the person takes the listed name and its other word. Only a person the story
    knows by that word alone (no other name; no title but a rank or calling of one's own,
    :data:`_RANKS_OF_ONE`: ``Professor McGonagall`` is the listed ``Minerva McGonagall``, a
    ``Mrs. Thorne`` may be a listed ``Agatha Thorne``'s mother), whose gender the other word's
    does not contradict, and not when the other word is a title (``Captain Ingram`` listed),
    nor when the story writes it in lower case or after someone else's name.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); oz = r.add(Person("Ozaki", Counter({"Ozaki": 8, "Ozaki-san": 0}), Gender.FEMALE), ["Ozaki", "Ozaki-san"])
    >>> _give_listed_name(r, "Ozaki-san laughed.", "Ozaki Hinata", ("Ozaki", "Hinata"), oz); r.lookup("Hinata").name
    'Ozaki'
    >>> prof = r.add(Person("Professor Thorne", Counter({"Professor Thorne": 3, "Thorne": 1}), Gender.FEMALE, title="professor"), ["Professor Thorne", "Thorne"])
    >>> mrs = r.add(Person("Mrs. Vane", Counter({"Mrs. Vane": 3, "Vane": 1}), Gender.FEMALE, title="mrs"), ["Mrs. Vane", "Vane"])
    >>> _give_listed_name(r, "Thorne sat.", "Agatha Thorne", ("Agatha", "Thorne"), prof); _give_listed_name(r, "Vane sat.", "Ivy Vane", ("Ivy", "Vane"), mrs)
    >>> r.lookup("Agatha").name, r.lookup("Ivy")
    ('Professor Thorne', None)
    """
    found = next((f for f in forms if roster.resolve_phrase(f) is person), "")
    other = next((f for f in forms if f != found), "")
    if not found or not other or " " in found or " " in other or person.known or person.title not in _RANKS_OF_ONE or not only_surname_forms(person, found):
        return
    if roster.lookup(other) is not None or other.lower().rstrip(".") in TITLES or re.search(rf"\b{re.escape(other.lower())}\b", story) or _word_given_to_another(roster, story, forms):
        return
    if Gender.UNKNOWN not in (person.gender, prior := name_prior(other)[0]) and prior is not person.gender:
        return
    _add_aliases(roster, person, (entry, other))


_RANKS_OF_ONE = frozenset({None} | (NEUTRAL_TITLES - set(TITLE_GENDER) - {"elder"}))
"""What a person may be titled and still take a listed full name of one of its words
(:func:`_give_listed_name`): no title, or a rank or calling that is one person's own
(``Professor McGonagall``, ``Dr. Raman``), not one a family shares (``Mrs.``, ``Mr.``,
``Lady``) nor a kin word (``Father``, ``Elder``)."""


def join_listed_given_names(roster: Roster, text: str, header: Header) -> None:
    """A listed full name whose surname another listed name shares (``Ron Weasley, Molly
    Weasley``: a family) joins no one by its surname (:func:`join_header_name_forms`), but
    its given name, which no other listed name has, is one person's: the story's person of
    that given name (``Ron``) takes the full name as one of its names, whatever gender the
    first-names list gives the name (it calls ``Jess`` a man's): the person is the one the
    story calls by it. Not a titled or configured person, nor where the full name already
    names someone else. The surname is given to nobody: which of the family a bare
    ``Weasley`` is stays the other passes'. Run when the voices are settled (a name only: the
    full name is the header's, which the story's text never writes, so no rule reads it), so
    that a given name that another pass makes the narrator's (``"Go ahead, Maud."``) takes it
    along.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); ron = r.add(Person("Ron", Counter(Ron=9), Gender.MALE), ["Ron"])
    >>> t = "Characters: Ron Weasley, Molly Weasley\\nRon ran."
    >>> join_listed_given_names(r, t, Header(39, (12, 39))); r.lookup("Ron Weasley").name, r.lookup("Molly Weasley")
    ('Ron', None)
    """
    listed = [entry for entry in header.cast_names(text) if "(" not in entry and "|" not in entry and not _PAIRING_MARKS.search(entry)]
    words_listed = Counter(w.strip("()") for entry in header.cast_names(text) for w in entry.split())
    for entry in listed:
        found = _given_and_surname(entry.split())
        if len(found) != 2 or " " in found[1] or words_listed[found[0]] != 1 or words_listed[found[1]] < 2:
            continue
        person = roster.lookup(found[0])
        if person is None or person.known or person.title or roster.lookup(entry) not in (None, person):
            continue
        _add_aliases(roster, person, (entry,))


def join_listed_surname_nicknames(roster: Roster, text: str, header: Header, narration: Sequence[Sequence[Word]] = ()) -> None:
    """A one-word name the story writes before the surname of one listed full name is that
    person's nickname: the header lists ``Struan McCall`` and the story writes ``Moose McCall,
    six and a half feet of oilskin`` and then only ``Moose``. Only when the header lists one
    person of that surname, the nickname is no word of the header's people fields, no given
    name of the header's person is a person of the story's own (``Ben`` and a ``Margaret
    Ashby`` who is his mother, with ``Ben Ashby`` listed), and the genders agree. Not in a
    story told by ``I`` (its ``narration`` words) whose narration never writes the listed given
    name: the listed person may be the narrator, and ``Tank McCall`` the narrator's brother.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); moose = r.add(Person("Moose", Counter(Moose=9), Gender.MALE), ["Moose"])
    >>> t = "Characters: Struan McCall, Ewan Haldane\\nMoose McCall laughed."
    >>> join_listed_surname_nicknames(r, t, Header(39, (12, 39))); sorted(moose.forms)
    ['Moose', 'Struan', 'Struan McCall']
    """
    listed, story = header.cast_names(text), text[header.end:]
    listed_words = header.people_words(text)
    told = [w for span in narration for w in span if w.start >= header.end]
    narrated = {w.text for w in told}
    first_person = _first_person_told(told)
    parts = [(entry, _given_and_surname(entry.split())) for entry in listed if "(" not in entry and "|" not in entry]
    by_surname = Counter(p[1] for _, p in parts if len(p) == 2)
    for entry, found in parts:
        if len(found) != 2 or by_surname[found[1]] != 1 or not found[1][:1].isupper():
            continue
        given, surname = found
        if roster.lookup(given) is not None or roster.lookup(entry) is not None or first_person and given not in narrated:
            continue
        nicknames = {m.group(1) for m in re.finditer(r"\b([A-Z][a-z]+) " + re.escape(surname) + r"\b", story)}
        people = {id(p): p for x in nicknames if x not in listed_words and x.lower().rstrip(".") not in TITLES
                  and (p := roster.lookup(x)) is not None and not p.known and not p.title and p.name == x and set(p.forms) <= {x}}
        if len(people) != 1:
            continue
        person = next(iter(people.values()))
        if Gender.UNKNOWN not in (person.gender, listed := _listed_gender(entry)) and person.gender is not listed:
            continue
        _add_aliases(roster, person, (entry, given))


def _first_person_told(told: Sequence[Word]) -> bool:
    """Whether narration words are told by ``I``: ``I`` is a real share of the ``I``, ``he``
    and ``she`` it writes (a third-person story's free indirect ``I`` stays below it).

    >>> _first_person_told(words("I came down the ladder. My brother was aboard. He ate.")), _first_person_told(words("He ate. She ate. He slept. He woke. She ran. He sat. I think, he thought."))
    (True, False)
    """
    counts = Counter(w.lower for w in told if w.lower in ("i", "he", "she"))
    return counts["i"] >= FIRST_PERSON_MIN_SHARE * sum(counts.values()) > 0


_CAST_BRACKET = letters.compile(r"(.+?)\s*\(([^()]+)\)")
_PAIRING_MARKS = letters.compile(r"[/&+]|\sx\s")


def _one_persons_forms(entry: str, words_listed: Counter) -> tuple[str, str]:
    """The two names one ``Characters:`` entry gives a person, else two empty strings.
    ``words_listed`` counts every word of the field (brackets stripped) and of ``Fandom:``.

    >>> listed = Counter("Ros Marlow Tom Marlow Kaido Sora Arthur Merlin Merlin Merlin".split())
    >>> [_one_persons_forms(e, listed) for e in ("Ros Marlow", "Kaido Sora", "Ana | Vex", "Tomasz Nowak (Mouse)", "Arthur (Merlin)", "Arthur (Ron's dad)", "Sherlock/John Watson", "Sam Winchester | Dean Winchester")]
    [('', ''), ('Kaido', 'Sora'), ('Ana', 'Vex'), ('Tomasz Nowak', 'Mouse'), ('', ''), ('', ''), ('', ''), ('', '')]
    """
    if _PAIRING_MARKS.search(entry):
        return "", ""
    if "|" in entry:
        forms = [f.strip() for f in entry.split("|")]
        if len(forms) == 2 and set(forms[0].split()) & set(forms[1].split()):
            return "", ""  # Sam Winchester | Dean Winchester: two of a family
    elif bracket := _CAST_BRACKET.fullmatch(entry):
        forms = [bracket[1], bracket[2]]
        if "'s" in forms[1] or "’s" in forms[1] or words_listed[forms[1]] > 1:
            return "", ""  # a relation (Ron's dad), or the fandom AO3 writes after each name
    else:
        forms = _given_and_surname(entry.split())
        if any(words_listed[w] > 1 for f in forms for w in f.split()):
            return "", ""
    return (forms[0], forms[1]) if len(forms) == 2 else ("", "")


_SURNAME_PARTICLES = frozenset("von van der den de du da di del della le la ter ten".split())


def _given_and_surname(words_of: list[str]) -> list[str]:
    """A listed name's given name and surname: a title before them is neither, and a lower-case
    particle opens the surname (``Count Emil von Stahlberg`` -> ``Emil``, ``von Stahlberg``);
    else the words as written.

    >>> _given_and_surname("Count Emil von Stahlberg".split()), _given_and_surname("Kaido Sora".split()), _given_and_surname("Lady Ysolde Fane".split())
    (['Emil', 'von Stahlberg'], ['Kaido', 'Sora'], ['Ysolde', 'Fane'])
    """
    rest = words_of[1:] if len(words_of) > 2 and words_of[0].lower().rstrip(".") in TITLES else words_of
    if len(rest) == 3 and rest[1] in _SURNAME_PARTICLES:
        return [rest[0], f"{rest[1]} {rest[2]}"]
    return rest


def _surname_titled_otherwise(story: str, entry: str, surname: str) -> bool:
    """Whether a titled listed name's surname is written after another title in the story: then
    it names another of the family too (``Miss de Bourgh``, the daughter of a listed ``Lady
    Catherine de Bourgh``; ``Baron von Stahlberg`` beside ``Count Emil von Stahlberg``). An
    untitled entry, or the same title, is no sign (``Lady de Bourgh``).

    >>> t = "Miss de Bourgh sat by the fire. Lady de Bourgh rose."
    >>> _surname_titled_otherwise(t, "Lady Catherine de Bourgh", "de Bourgh"), _surname_titled_otherwise(t.replace("Miss", "Lady"), "Lady Catherine de Bourgh", "de Bourgh")
    (True, False)
    """
    listed = entry.split()[0].lower().rstrip(".")
    if len(entry.split()) < 3 or listed not in TITLES:
        return False
    return any(m.group(1).lower() in TITLES and m.group(1).lower() != listed
               for m in re.finditer(rf"\b([A-Z][a-z]+)\.?\s+{re.escape(surname)}\b", story))


def _titled_apart(given: Person, surname: Person) -> bool:
    """Whether the people a listed full name's given name and surname name are two: the surname
    is a titled person's (``Mr. Darcy``) and the given name bears a title that goes before a
    surname, so it is someone else's surname (``Colonel Fitzwilliam`` beside a listed
    ``Fitzwilliam Darcy``). A title that goes before a given name is no sign (``Princess
    Leia`` and ``General Organa``, ``Miss Elizabeth`` and ``Miss Bennet``), nor is one title
    on both (``Mr. Matthew`` and ``Mr. Reyne``: a servant's name for the son of the house), nor
    a title on the surname alone (``Captain Reyes`` and a bare ``Mara``).

    >>> colonel, mr, princess = Person("Colonel Fitzwilliam", title="colonel"), Person("Mr. Darcy", title="mr"), Person("Princess Leia", title="princess")
    >>> _titled_apart(colonel, mr), _titled_apart(princess, Person("General Organa", title="general")), _titled_apart(Person("Mara"), Person("Captain Reyes", title="captain"))
    (True, False, False)
    >>> _titled_apart(Person("Mr. Matthew", title="mr"), Person("Mr. Reyne", title="mr"))
    False
    """
    return bool(given.title and surname.title) and given.title != surname.title and given.title not in GIVEN_NAME_TITLES


def _word_given_to_another(roster: Roster, story: str, forms: tuple[str, str]) -> bool:
    """Whether the story writes one word of a full name after a name of the roster other than
    the full name's other word (``Han Solo`` beside a listed ``Ben Solo``): that word names
    someone else too. A title before it is no sign (``Captain Reyes`` is ``Mara Reyes``).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); _ = r.add(Person("Han", Counter(Han=3), Gender.MALE), ["Han"])
    >>> [_word_given_to_another(r, t, ("Ben", "Solo")) for t in ("Han Solo laughed.", "Captain Solo bowed.", "Ben Solo bowed.")]
    [True, False, False]
    """
    for word, partner in ((forms[1], forms[0]), (forms[0], forms[1])):
        for hit in re.finditer(rf"\b([A-Z][\w'’-]*) {re.escape(word)}\b", story):
            before = hit.group(1)
            if before != partner and before.lower() not in TITLES and roster.lookup(before) is not None:
                return True
    return False


def drop_header_only_names(roster: Roster, runs: list[NameRun], header: Header) -> None:
    """A work's header and headings name titles, not people: a name written only in the
    ``header`` (the title, ``Fandom: Lanternwake (Webcomic)``, ``Disclaimer: Lanternwake
    and its characters belong to ...``) or in a chapter heading (``Chapter 3: Eight Counts``)
    is a fandom, a title or a place, and gets no voice. A name the header's ``Characters:``
    field lists is a person though the story never writes it (a narrator's own name).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> t = "Fandom: Lanternwake\\nCharacters: Ana Ruiz\\nChapter 1: Sea Glass\\nAna waved."
    >>> r = Roster()
    >>> for n in ("Lanternwake", "Sea Glass", "Ana Ruiz", "Ana"): _ = r.add(Person(n, Counter({n: 1})), [n])
    >>> drop_header_only_names(r, name_runs(words(t), t), Header(40, (32, 40), ((41, 61),))); [p.name for p in r.people]
    ['Ana Ruiz', 'Ana']
    """
    if not header.end:
        return
    cast = header.cast or (0, 0)
    in_story = [_in_body(r.start, header) or cast[0] <= r.start < cast[1] for r in runs]
    unseen = {id(p): p for r, seen in zip(runs, in_story) if not seen and (p := roster.resolve(r)) and not p.known}
    for r, seen in zip(runs, in_story):
        if not unseen:
            break
        if seen and (p := roster.resolve(r)):
            unseen.pop(id(p), None)
    for person in unseen.values():
        roster.remove(person)


def _in_body(at: int, header: Header) -> bool:
    """Whether ``at`` is past the header and in no chapter heading.

    >>> header = Header(end=5, cast=None, headings=((10, 20), (30, 40)))
    >>> [_in_body(at, header) for at in (3, 7, 15, 25, 35, 45)]
    [False, True, False, True, False, True]
    """
    return at >= header.end and not _in_spans(at, header.headings)


def _in_spans(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    """``at`` falls inside one of ``spans`` (in text order and apart: only the last one opening
    by ``at`` may hold it).

    >>> [_in_spans(at, ((10, 20), (30, 40))) for at in (5, 10, 20, 35)]
    [False, True, False, True]
    """
    k = bisect_right(spans, (at, math.inf)) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _written_person(person: Person | None, body: str) -> bool:
    """Whether the story writes a person by one of their names (a listed ``Clementine Ashby``
    already joined to the ``Clem`` of the story is no one the story calls otherwise)."""
    return person is not None and any(writes_word(body, f) for f in person.forms if " " not in f)


def _listed_gender(full_name: str) -> Gender:
    """The gender the first-names list gives a listed name, by either of its words
    (``Marcus Delacroix``, ``Morikawa Sena``)."""
    genders = {name_prior(w)[0] for w in full_name.split()} - {Gender.UNKNOWN}
    return genders.pop() if len(genders) == 1 else Gender.UNKNOWN


def join_bare_honorifics(roster: Roster) -> None:
    """A bare honorific the text uses as a name is the one person who bears it as a suffix:
    ``Sensei folded the map.`` with ``"We cross at dusk," Hayame-sensei said.`` -> ``Sensei``
    is Hayame, not a fifth member of the team, and keeps her name. Two bearers (``Ryo-sensei``,
    ``Aki-sensei``) leave it alone. So for a sibling's title: ``Onii-chan`` is the one brother
    called ``Kai-nii``.
    """
    for person in list(roster.people):
        honorific = _bare_honorific(person)
        bearers = [p for p in roster.honorific_bearers(honorific) if p is not person] if honorific else []
        if len(bearers) == 1 and may_be(person, bearers[0]) and roster.may_join(bearers[0], person.name):
            join_person(roster, person, bearers[0])


_HONORIFIC_ROLES = {"sensei": "teacher"}  # the honorific that is a role's own word


def index_honorific_roles(roster: Roster) -> None:
    """The one person called by a teacher's honorific (``Kurosaki-sensei``) is the teacher the
    narration writes: ``Their teacher turned a page.`` is Kurosaki. Two bearers (``Ryo-sensei``,
    ``Aki-sensei``) leave it alone.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); k = r.add(Person("Kurosaki", Counter({"Kurosaki": 3, "Kurosaki-sensei": 1})), ["Kurosaki"])
    >>> index_honorific_roles(r); r.lookup("their teacher").name, r.lookup("the teacher").name
    ('Kurosaki', 'Kurosaki')
    """
    for honorific, role in _HONORIFIC_ROLES.items():
        bearers = roster.honorific_bearers(honorific)
        if len(bearers) != 1:
            continue
        for possessive in ("the", "his", "her", "their", "our", "my"):
            if roster.lookup(f"{possessive} {role}") is None:
                roster.index(f"{possessive} {role}", bearers[0])


def _bare_honorific(person: Person) -> str | None:
    """The honorific a person's one name is, itself called with honorifics or not, and with the
    polite ``o-`` of a sibling's title (``Onii-chan`` is one who is called ``Kai-nii``).

    >>> _bare_honorific(Person("Onii", Counter({"Onii": 2, "Onii-chan": 0}))), _bare_honorific(Person("Sensei", Counter(Sensei=3)))
    ('nii', 'sensei')
    >>> _bare_honorific(Person("Omar", Counter(Omar=3))) is None
    True
    """
    bases = {split_honorific(f)[0].lower() for f in person.forms}
    base = bases.pop() if len(bases) == 1 else ""
    for honorific in (base, base[1:] if base in _POLITE_SIBLING_TITLES else ""):
        if honorific in HONORIFIC_GENDER:
            return honorific
    return None


_POLITE_SIBLING_TITLES = frozenset({"onii", "onee"})  # not "Osama", "Okun": only a sibling's title takes the polite o-


def join_kin_names(roster: Roster) -> None:
    """Two kin words for one relation are one person: ``Dad`` and ``Otou-san``, ``Mum`` and
    ``Mama``, when no sentence names the two apart (``Dad and Papa were arguing`` keeps two
    fathers); the less mentioned joins the more mentioned.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); dad = r.add(Person("Dad", Counter(Dad=3)), ["Dad"])
    >>> otou = r.add(Person("Otou", Counter(Otou=1)), ["Otou"])
    >>> join_kin_names(r); [p.name for p in r.people], r.lookup("Otou").name
    (['Dad'], 'Dad')
    """
    bearers = _kin_name_bearers(roster)
    for people in bearers.values():
        owner, *others = sorted(people, key=lambda p: -p.mentions)
        if others and all(roster.may_join(owner, f) for p in others for f in p.forms):
            for person in others:
                join_person(roster, person, owner)


def _kin_name_bearers(roster: Roster) -> dict[str, list[Person]]:
    """Kin noun -> the discovered people called by it as a name (``Mom``, ``Okaa-san``: mother)."""
    bearers: dict[str, list[Person]] = defaultdict(list)
    for person in roster.people:
        if (noun := KIN_NAMES.get(person.name.lower())) and not person.known:
            bearers[noun].append(person)
    return bearers


def index_kin_names(roster: Roster) -> None:
    """A person the story calls by a kinship word as a name (``Mom``, ``Dad``, ``Gran``) is the
    one its descriptions by that kin noun mean (``her mother``, ``the mother``): one mother,
    not two voices. Only when a single person bears that kin name; the noun's gender is theirs.
    (The narrator's ``my mom`` is joined by :func:`index_narrators_kin`.)

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); mom = r.add(Person("Mom", Counter(Mom=3)), ["Mom"])
    >>> index_kin_names(r); r.lookup("mother").name, mom.gender.value
    ('Mom', 'female')
    """
    bearers = _kin_name_bearers(roster)
    for noun, people in bearers.items():
        if len(people) == 1 and roster.lookup(noun) in (None, people[0]):
            person = people[0]
            roster.index(noun, person)
            if person.gender is Gender.UNKNOWN or KIN_GENDER[noun] not in (Gender.UNKNOWN, person.gender) and _written_as_kin(person):  # a kin word's own gender, over pronouns that mean the one who says it
                person.gender, person.gender_reason = KIN_GENDER[noun], f"kin name {person.name}"


def _written_as_kin(person: Person) -> bool:
    """Whether a person named by a kin word is written as kin: an English kin word (``Grandad``),
    a Japanese one with its honorific (``Okaa-san``); not ``Kaa``, the python of the Jungle
    Book, whom the story's ``he`` keeps male.

    >>> [_written_as_kin(Person(n, Counter(forms))) for n, forms in (("Grandad", {"Grandad": 3}), ("Okaa", {"Okaa": 3, "Okaa-san": 0}), ("Kaa", {"Kaa": 7}))]
    [True, True, False]
    """
    return person.name.lower() not in JAPANESE_KIN_NAMES or any("-" in f for f in person.forms)


_PARENT_TITLES = {"mother": ("mrs", "ms"), "father": ("mr",)}  # Person.title keys


def join_parent_to_family(roster: Roster) -> None:
    """A parent called by a kinship word (``Mama``, ``Dad``) is the family's ``Mrs.``/``Ms.``
    (``Mr.``) when the story has exactly one of that title whose surname another person of the
    story also bears, in a full or titled name (the child: ``Harriet Penhallow``, ``Miss
    Penhallow``): ``"Only a note, Mama."`` is Mrs. Penhallow's daughter speaking to her. Two
    such families, or none, leave the kinship name alone (after the rules,
    :func:`~ficaudio.attribute.introductions.kin_name_of_family` tries the callers' surnames).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); mama = r.add(Person("Mama", Counter(Mama=4)), ["Mama"])
    >>> mrs = r.add(Person("Mrs. Penhallow", Counter({"Mrs. Penhallow": 5}), title="mrs"), ["Mrs. Penhallow"])
    >>> hattie = r.add(Person("Harriet", Counter({"Harriet": 9, "Miss Penhallow": 3})), ["Harriet", "Miss Penhallow"])
    >>> join_parent_to_family(r); r.lookup("Mama").name, r.lookup("mother").name
    ('Mrs. Penhallow', 'Mrs. Penhallow')
    """
    for person in list(roster.people):
        noun = KIN_NAMES.get(person.name.lower())
        if noun not in _PARENT_TITLES or person.known:
            continue
        parents = [p for p in roster.people if p.title in _PARENT_TITLES[noun] and _has_family(roster, p)]
        if len(parents) == 1 and may_be(person, parents[0]):
            join_person(roster, person, parents[0])
            roster.index(noun, parents[0])


def _has_family(roster: Roster, parent: Person) -> bool:
    """Whether someone else bears the surname of a titled ``parent`` in a name of two words or more."""
    surname = parent.name.split()[-1]
    return any(p is not parent and any(surname in f and len(f.split()) > 1 and f.split()[-1] == surname for f in p.forms) for p in roster.people)  # (a word of a form is in it)


def index_narrators_kin(doc: Document) -> None:
    """A kin word a quotation calls someone by (``"I'm in a match, Mom!"``) is one more name of
    the narrator's relative the narration describes (``My mom's voice comes through the wood``):
    one mother, described as ``my mom`` and called ``Mom`` (the person the call made, when a
    call alone made one; else the described one, who takes the call as a name). The bare kin
    noun (``her mother``) is :func:`index_kin_names`'s.
    """
    called = {m.group(1) for i in _quotations(doc) for m in _KIN_CALL.finditer(doc.segments[i].text)}
    described = {m.group(0).lower() for para in doc.paragraphs for s, e in para.narration(doc.segments) for m in _NARRATORS_KIN.finditer(doc.text, s, e)} if called else set()
    for call in sorted(called):
        noun = KIN_NAMES[call.lower()]
        phrases = {p for p in described if KIN_NAMES[p.split()[1]] == noun}
        if not phrases or any(doc.roster.lookup(p) is not None for p in phrases):
            continue
        person = doc.roster.lookup(call)
        if person is None:
            person = doc.roster.description_person(min(phrases), KIN_GENDER[noun])
            person.forms[call] += 1
        _add_aliases(doc.roster, person, tuple(phrases))


def index_title_answerers(doc: Document) -> None:
    """A role the text writes as ``the Hokage`` names the person who answers when it is called:
    ``"We do, Hokage-sama," Hoshiko answered.`` / ``Tsubaki finally raised her eyes. "Good."``
    -> every ``the Hokage`` is Tsubaki. The call is a title (``, Captain.``) or a word with a
    respectful suffix; the answer is the next paragraph, opening on a name its caller's paragraph
    does not write, of one who may be the one called (:func:`_may_be_called`). Not when a
    character bears the title in a name (``Captain Reyes``), nor when two people answer it, nor
    when one answer is of someone who cannot be the one called. A person the roster knows only
    by the title itself (``the Hokage said``, the capitalised role read as a name) is the
    answerer too (:func:`_title_only_person`)."""
    answerers: dict[str, set[str]] = defaultdict(set)
    refused: set[str] = set()
    scene = 0
    for k, (para, following) in enumerate(zip(doc.paragraphs, doc.paragraphs[1:])):
        scene = k if para.scene_start else scene
        calls = [m.group(1).lower() for i in para.quotes for m in _TITLE_CALL.finditer(doc.segments[i].text) if m.group(2) or m.group(1).lower() in NEUTRAL_TITLES]
        if not calls or not following.quotes or following.scene_start or (opener := _opening_person(doc, following)) is None:
            continue
        if not re.search(rf"\b{re.escape(opener.name)}\b", doc.text[para.start:para.end]):
            for title in calls:
                answerers[title].add(opener.name)
                if not _may_be_called(doc, doc.paragraphs[scene:k + 1], title, opener):
                    refused.add(title)
    for title, names in answerers.items():
        if len(names) != 1 or title in refused or doc.roster.title_bearers(title):
            continue
        answerer = doc.roster.by_name(names.pop())
        if (titled := _title_only_person(doc.roster, doc.text, title)) is not None and titled is not answerer and may_be(titled, answerer):
            join_person(doc.roster, titled, answerer)
        if _written_as_role(doc, title, answerer):
            doc.roster.index("the " + title, answerer)


def _may_be_called(doc: Document, scene: list[Paragraph], title: str, answerer: Person) -> bool:
    """Whether the one who answers a call of ``title`` may be the one called, by what the scene
    wrote up to the call (``scene``): not one the text sets beside the title as another person
    (``The Captain sat in the big chair while Spock ran the scans.``: the roster keeps the two
    apart), and, where the scene's narration showed ``the <title>`` speaking or acting before the
    call (:func:`_shows_the_title_acting`), one it named there too. A newcomer who answers a
    summons of the Doctor the scene has shown (``"Only the horses," the Doctor said.`` /
    ``"Doctor!" Rose shouted.`` / ``Jack stepped out of the box.``) is someone else; a newcomer
    who answers a title the scene never showed, or wrote only as a possessive or as absent
    (``The Hokage's office was quiet.``, ``The coach was late again.``), may be the one called."""
    if not doc.roster.may_join(answerer, title.capitalize()):
        return False
    spans = [span for para in scene for span in para.narration(doc.segments)]
    if not any(_shows_the_title_acting(doc.text[s:e], title) for s, e in spans):
        return True
    return any(doc.roster.resolve(run) is answerer for span in spans for run in name_runs(doc.words_of_narration(span), doc.text))


_ACTS = rf"(?:{PARTICIPLE}|went|came|took|gave|saw|ran|rose|spoke|shook|drew|threw|knew|began|fell|wore|(?!(?:was|has|does|always|perhaps|sometimes)\b)[a-z]{2,}[^sui'\W]s)\b"


def _shows_the_title_acting(text: str, title: str) -> bool:
    """Whether ``text`` shows ``the <title>`` speaking or acting: the subject of a verb in the past
    or present (``the Doctor said``, ``The Doctor went in first``, ``the coach blows the
    whistle``), not a possessive (``The Hokage's office``) nor one who is absent or awaited
    (``The coach was late again.``, ``The doctor would see her soon.``).

    >>> [_shows_the_title_acting(t, "doctor") for t in ("The Doctor went in first.", '"No," the doctor said.', "The doctor's office was cold.", "The doctor was late.", "The doctor would come.")]
    [True, True, False, False, False]
    """
    return re.search(rf"\b[Tt]he (?i:{re.escape(title)})(?:\s+[a-z]+ly)?\s+{_ACTS}", text) is not None


def _writes_the_title(text: str, title: str) -> bool:
    """Whether ``text`` writes ``the <title>`` as a role, not inside a longer word (``The
    Kakashi-ness of it``).

    >>> _writes_the_title("The Hokage's office was cold.", "hokage"), _writes_the_title("The Kakashi-ness of it.", "kakashi")
    (True, False)
    """
    return re.search(rf"\b[Tt]he {re.escape(title)}\b(?!-)", text, re.IGNORECASE) is not None


def _title_only_person(roster: Roster, text: str, title: str) -> Person | None:
    """The untitled person the roster knows by ``title`` alone, bare or with a respectful suffix
    (``Hokage``, ``Hokage-sama``), when the narration writes it as a role (``the Hokage``).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); h = r.add(Person("Hokage", Counter({"Hokage": 3, "Hokage-sama": 0})), ["Hokage", "Hokage-sama"])
    >>> _title_only_person(r, "The Hokage sat.", "hokage").name, _title_only_person(r, "Hokage sat.", "hokage")
    ('Hokage', None)
    """
    person = roster.lookup(title)
    if person is None or person.known or person.title or {split_honorific(f)[0].lower() for f in person.forms} != {title}:
        return None
    return person if _writes_the_title(text, title) else None


_NOT_RANKS = frozenset({"person", "figure", "creature", "voice", "stranger", "child", "kid", "baby", "infant", "youth", "friend", "companion", "guest", "visitor", "newcomer"})
"""Person nouns that say nothing of a role: ``First Person Hale`` in a header gives no rank."""


def index_rank_titles(roster: Roster, narration_runs: list[NameRun], quote_runs: list[NameRun], text: str) -> None:
    """A role noun written before a name as its title, though no list knows it as one
    (``Ensign Matthias Dov sat up.``, ``Squire Trelawney``, or in a quotation: ``"Chef Okonkwo
    would like twelve buns"``), makes ``the <role>`` that person: a later ``the ensign said``
    is Dov; so does a rank of two words (``Team Leader Baek`` -> ``the team leader``). Not a word that is someone's given name (``Earl
    Hines``, ``Guy Fawkes``) or that only says sex or kin (``Man Friday``), not a role the text
    never writes as ``the <role>``, and not when the role is written before two people's names
    (two ensigns). The narration's bearer of a role, named or not, outranks one only talked
    about: with ``Chef Ruiz ran the kitchen.`` (or ``Chef Marco Ruiz``, no one the roster
    knows) a quotation's ``"Chef Brandt is coming tonight"`` names no ``the chef``.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); dov = r.add(Person("Dov", Counter(Dov=3)), ["Dov"])
    >>> t = "Ensign Matthias Dov sat up. Man Dov left."
    >>> index_rank_titles(r, name_runs(words(t), t), [], t + " The ensign sat. The man left."); r.lookup("the ensign").name, r.lookup("the man")
    ('Dov', None)
    """
    narrated = _rank_bearers(roster, narration_runs)
    quoted = _rank_bearers(roster, quote_runs)
    for rank, names in {**quoted, **narrated}.items():
        if len(names) == 1 and roster.lookup("the " + rank) is None and re.search(rf"\b[Tt]he {rank}\b", text):
            roster.index("the " + rank, roster.by_name(names.pop()))


def _rank_bearers(roster: Roster, runs: list[NameRun]) -> dict[str, set[str]]:
    """Each role noun written before a name in ``runs``, with the people those names are (none
    where the roster knows no one by the name)."""
    bearers: dict[str, set[str]] = defaultdict(set)
    for run in runs:
        if run.title:
            continue
        size = _rank_size(roster, run.words)
        if not size:
            continue
        rest = NameRun(run.words[size:], None, run.honorific, run.start, run.end, False)
        person = roster.resolve(rest) or roster.lookup(run.form)  # the name after the rank, or the whole titled name
        bearers[" ".join(run.words[:size]).lower()].update([person.name] if person else [])
    return bearers


def _rank_size(roster: Roster, words_of: Sequence[str]) -> int:
    """How many words of a name run open it as a rank: one (``Ensign Matthias Dov``), or two
    when a word that is no name stands before a role noun (``Team Leader Jang``, ``Head Chef
    Brandt``: a compound rank); none when the run has no name left after it.

    >>> from ficaudio.attribute.characters import Roster
    >>> r = Roster(); r.speaker_nouns = set()
    >>> _rank_size(r, ("Team", "Leader", "Jang")), _rank_size(r, ("Chef", "Brandt")), _rank_size(r, ("Brandt",))
    (2, 1, 0)
    """
    if len(words_of) >= 3 and words_of[0].isalpha() and may_be_rank(roster, words_of[1]) and not is_listed_given_name(words_of[0]) and roster.lookup(words_of[0]) is None:
        return 2
    return 1 if len(words_of) >= 2 and may_be_rank(roster, words_of[0]) else 0


_AGENT_ENDINGS = ("ler", "er", "or", "r")


def index_call_sign_agents(roster: Roster, text: str) -> None:
    """A voice named for what it does (a call sign: ``Tessaly Control``, ``Central Dispatch``)
    is the ``the controller``, ``the dispatcher`` the narration writes: the agent noun of the
    name's last word. Not a person's name (a word of it someone's given name: ``Ethan Hunt`` is
    no hunter; or a title: ``Mr. Bake``); only a noun the text writes with ``the``, and one call
    sign for it.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); c = r.add(Person("Tessaly Control", Counter({"Tessaly Control": 3})), ["Tessaly Control"])
    >>> index_call_sign_agents(r, "This is Tessaly Control. The controller sighed."); r.lookup("the controller").name
    'Tessaly Control'
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for person in roster.people:
        last = person.name.rsplit(" ", 1)[-1]
        if " " not in person.name or person.title or person.known or any(is_listed_given_name(w) for w in person.name.split()):
            continue
        for ending in _AGENT_ENDINGS:
            owners[last.lower() + ending].add(person.name)
    for agent in {m.group(1).lower() for m in re.finditer(r"\b[Tt]he ([a-z]+(?:ler|er|or|r))\b", text)}:
        if len(names := owners.get(agent, ())) == 1 and roster.lookup("the " + agent) is None:
            roster.index("the " + agent, roster.by_name(next(iter(names))))


def may_be_rank(roster: Roster, word: str) -> bool:
    """Whether a capitalised word opening a name may be a rank: a noun naming a role (a person
    noun, or one the tags make a speaker), no one's name, not only a sex or kin word."""
    low = word.lower()
    role = (is_person_noun(low) or low in roster.speaker_nouns) and low not in _NOT_RANKS
    return role and (low not in KIN_GENDER or low in GENDERED_ROLES) and not is_listed_given_name(word) and roster.lookup(word) is None


def _opening_person(doc: Document, para: Paragraph) -> Person | None:
    """The roster person whose name opens a paragraph: ``Tsubaki finally raised her eyes.``"""
    runs = name_runs(words(doc.text, para.start, min(para.end, para.start + 80)), doc.text)
    return doc.roster.resolve(runs[0]) if runs and runs[0].start == para.start else None


def _written_as_role(doc: Document, title: str, answerer: Person) -> bool:
    """Whether the narration writes ``the <title>``, a word that is no one's name but the
    answerer's (``Kakashi-san`` calls Kakashi), and no one is yet known by it."""
    return doc.roster.lookup(title) in (None, answerer) and doc.roster.lookup("the " + title) is None and _writes_the_title(doc.text, title)


def _quotations(doc: Document) -> list[int]:
    """Every quotation of the story, spoken or thought, in order."""
    return [i for para in doc.paragraphs for i in para.quotes]


def join_full_names(roster: Roster, runs: list[NameRun], text: str, tagged: Collection[str] = frozenset()) -> None:
    """A full name written even once (``Hettie Fairweather``) joins the person known only by
    its surname (``Miss Fairweather``, ``Fairweather``) to the one known by its given name,
    whose gender must be known and not clash, and never to a parent's title
    (:func:`a_parents_title`: a ``Mrs.``/``Ms.``, a mother or a wife; a ``Mr.`` where the story
    writes the given name's father). Not a full name whose first word is written before another
    name too (``Shiraishi Rin``, ``Shiraishi Aoi``: a family name written first, so ``Aoi`` is no
    surname of ``Shiraishi-kaichou``; or two people of one given name). Nor where the tags name
    both a rank after its first word and its second word (``"Laps," Kuroiwa-kantoku said.`` and
    ``"Again?" Emi said.`` beside a listed ``Kuroiwa Emi``: :func:`_ranked_apart`).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); hettie = r.add(Person("Hettie", Counter(Hettie=8), Gender.FEMALE), ["Hettie"])
    >>> miss = r.add(Person("Miss Fairweather", Counter({"Miss Fairweather": 2}), title="miss"), ["Miss Fairweather", "Fairweather"])
    >>> join_full_names(r, name_runs(words("Hettie Fairweather"), "Hettie Fairweather"), ""); r.lookup("Fairweather").name
    'Hettie'
    """
    givens = _given_names_by_surname(runs)
    after = defaultdict(set)  # a given name -> the words written after it
    for given_word, surname_words in ((g, s) for s, gs in givens.items() for g in gs):
        after[given_word].add(surname_words)
    for run in runs:
        if len(run.words) != 2 or run.title or len(after[run.words[0]]) > 1:
            continue  # a first word before two names (Shiraishi Rin, Shiraishi Aoi): a family name written first, or two of one given name
        given, surname = roster.lookup(run.words[0]), roster.lookup(run.words[1])
        if not given or not surname or given is surname or " " in given.name:
            continue
        if len(givens[run.words[1]]) != 1 and _titled_fits(roster, surname, givens[run.words[1]], tagged) is not given:
            continue
        if _ranked_apart(given, surname, tagged):
            continue
        if only_surname_forms(surname, run.words[1]) and _genders_allow(given, surname) and may_be(surname, given) and not a_parents_title(text, given, surname):
            join_person(roster, surname, given)


_SURNAME_RANKS = JAPANESE_RANKS | {"sensei"}
"""Japanese ranks written after a surname (a teacher, a coach, a club's captain, a president)."""


def _ranked_apart(first: Person, second: Person, tagged: Collection[str]) -> bool:
    """Whether the tags name both a rank after the first word of a full name written family
    first (``Kuroiwa-kantoku`` of a listed ``Kuroiwa Emi``) and its second word (``Emi said``):
    the coach and a girl of her name, two speakers (see :func:`join_full_names`).

    >>> from ficaudio.attribute.characters import Person
    >>> coach, emi = Person("Kuroiwa", Counter({"Kuroiwa": 3, "Kuroiwa-kantoku": 1})), Person("Emi", Counter(Emi=2))
    >>> _ranked_apart(coach, emi, {"Kuroiwa", "Emi"}), _ranked_apart(coach, emi, {"Kuroiwa"})
    (True, False)
    """
    ranked = any("-" in f and f.rsplit("-", 1)[1].lower() in _SURNAME_RANKS for f in first.forms)
    return ranked and any(f in tagged or f.split("-")[0] in tagged for f in first.forms) and any(f in tagged for f in second.forms)


def _titled_fits(roster: Roster, surname: Person, givens: set[str], tagged: Collection[str] = frozenset()) -> Person | None:
    """Of the people whose given names are written before one surname (``Wes Adair``, ``Nell
    Adair``), the one whose gender the surname person's title gives (``Mr. Adair``): Wes, when
    Nell is a woman. None where the title has no gender, not exactly one fits, another titled
    person bears the surname, or the speech tags (or the names opening beats of talk) name both
    the titled name and the given name that fits (``said Mr. Adair`` or ``Mr. Adair smiled.
    "Call me Tom."``, and ``Wes said``: the family's father talking with his son, not the son)."""
    gender = TITLE_GENDER.get(surname.title or "", Gender.UNKNOWN)
    last = surname.name.split()[-1]
    if sum(bool(p.title) and p.name.split()[-1] == last for p in roster.people) != 1:
        return None  # a Master and a Miss of one surname: join_titled_siblings pairs them
    people = {id(p): p for g in givens if (p := roster.lookup(g)) is not None and p is not surname}
    fitting = [p for p in people.values() if p.gender is gender] if gender is not Gender.UNKNOWN else []
    if len(fitting) == 1 and any(" ".join(_after_titles(f.split())[1]) in tagged for f in surname.forms) and any(g in tagged for g in _untitled_givens(fitting[0])):
        return None
    return fitting[0] if len(fitting) == 1 and all(p.gender is not Gender.UNKNOWN for p in people.values()) else None


_FATHER_WORDS = "|".join(k for k, noun in KIN_NAMES.items() if noun == "father")


def a_parents_title(text: str, given: Person, titled: Person) -> bool:
    """Whether ``titled`` (a person of ``given``'s surname) bears a family's title that names a
    parent rather than ``given``: a ``Mrs.``/``Ms.`` always (a mother, a wife), a ``Mr.`` when a
    sentence naming ``given`` writes their father (``Kenji's father``, ``Kenji waited with his
    dad.``: the ``Mr. Sato`` of the next sentence is that father, not Kenji).

    >>> kenji, mr, mrs = Person("Kenji"), Person("Mr. Sato", title="mr"), Person("Mrs. Sato", title="mrs")
    >>> [a_parents_title(t, kenji, mr) for t in ("Kenji's father came.", "Kenji waited with his dad.", "Kenji waited. His father came.")]
    [True, True, False]
    >>> a_parents_title("Kenji waited.", kenji, mrs), a_parents_title("Kenji waited with his dad.", kenji, Person("Captain Sato", title="captain"))
    (True, False)
    """
    if titled.title not in _PARENT_TITLES["father"]:
        return titled.title in _PARENT_TITLES["mother"]
    pattern = rf"\b{re.escape(given.name)}(?:['’]s\s+|\b[^.!?\"“”]*\b(?:his|her)\s+)(?:{_FATHER_WORDS})\b"
    return search_where_written(letters.compile(pattern), text, given.name) is not None


def lengthen_surnames(roster: Roster, runs: list[NameRun]) -> None:
    """A full name written once (``"I'm Ambrose Tull, your commentator"``) whose given name is
    a first name nobody bears is the full name of the untitled person known by its surname
    (``Tull``): the given name and the full name become theirs.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); tull = r.add(Person("Tull", Counter(Tull=4)), ["Tull"])
    >>> lengthen_surnames(r, name_runs(words("I'm Ambrose Tull, hi."), "")); r.lookup("Ambrose").name, sorted(tull.forms)
    ('Tull', ['Ambrose', 'Ambrose Tull', 'Tull'])
    """
    givens = _given_names_by_surname(runs)
    for run in runs:
        if len(run.words) != 2 or run.title or len(givens[run.words[1]]) != 1 or roster.lookup(run.words[0]):
            continue
        surname = roster.lookup(run.words[1])
        if surname and surname.title is None and only_surname_forms(surname, run.words[1]) and _given_name_allows(run.words[0], surname):
            for form in (run.form, run.words[0]):
                surname.forms[form] += 1
                roster.index(form, surname)


def drop_family_names(roster: Roster, narration_runs: list[NameRun], runs: list[NameRun], text: str) -> None:
    """A surname that two or more people's full names share (``Morikawa Sena``, ``Morikawa
    Tetsuo``), which the narration never writes alone for a person (only ``the Morikawa tea
    house``, ``the Morikawas``) and the quotations call (``"Thank you, Morikawa-san."``),
    names a family, not one person: it gets no voice of its own; each full name goes to the
    person its given name names. A surname the narration writes alone (``Durbeyfield said``,
    the father of the family) stays a person.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); fam = r.add(Person("Ito", Counter({"Ito": 3, "Ito Mei": 1})), ["Ito", "Ito Mei"])
    >>> for n in ("Mei", "Ren"): _ = r.add(Person(n, Counter({n: 5})), [n])
    >>> t = "Ito Mei and Ito Ren came in."
    >>> drop_family_names(r, name_runs(words(t), t), [], t); [p.name for p in r.people], r.lookup("Ito Mei").name, r.lookup("Ito")
    (['Mei', 'Ren'], 'Mei', None)
    """
    partners: dict[str, set[str]] = defaultdict(set)  # a surname -> the people its full names name
    for run in narration_runs + runs:
        if len(run.words) == 2 and not run.title:
            for surname, given in (run.words, run.words[::-1]):
                if (person := roster.lookup(given)) and person.name == given:
                    partners[surname].add(given)
    alone = {run.words[0] for run in narration_runs if len(run.words) == 1 and not after_article(text, run.start)}
    for person in list(roster.people):
        name = person.name
        if person.known or person.title or name in alone or len(partners[name] - {name}) < 2:
            continue
        roster.remove(person)
        for form in person.forms:
            if len(words := form.split()) == 2 and (given := roster.lookup(words[1] if words[0] == name else words[0])):
                given.forms[form] += person.forms[form]
                roster.index(form, given, force=True)


def join_nicknames(roster: Roster, answering: Collection[frozenset[str]] = frozenset()) -> None:
    """A one-word name that an English nicknames table lists for the given name of exactly one
    other person is that person: ``Hattie`` is ``Harriet Penhallow``, ``Ned`` is ``Edmund``,
    ``Lizzy`` is ``Elizabeth`` -- unless genders clash, a sentence names the two apart (``Ned
    and Edmund``), or two people bear a full name it shortens (``Ned`` with an ``Edward`` and an
    ``Edmund``). The tables are PyPI ``nicknames`` and ours of pet forms in other languages (``Zosia`` of ``Zofia``; :func:`~ficaudio.attribute.names.full_names_of`).
    Nor when the tags of two turns in a row name the two (``answering``, lower case: ``"Morning,"
    Lola said.`` then ``"You slept late," Dolores said.``): one answers the other.

    Scenes: tests/test_attribute_aliases.py.
    """
    givens = {id(p): _lower_givens(p) for p in roster.people}  # read once for every nickname (a join reads the owner's anew)
    for person in list(roster.people):
        full = full_names_of(person.name) if roster.holds(person) and _is_bare_given_name(person) else frozenset()
        full = frozenset(g for g in full if frozenset((person.name.lower(), g)) not in answering)  # the name of one who answers them is another's
        owners = [p for p in roster.people if p is not person and not p.known and full & givens[id(p)]] if full else []
        if len(owners) == 1 and may_be(person, owners[0]) and roster.may_join(owners[0], person.name):
            join_person(roster, person, owners[0])
            givens[id(owners[0])] = _lower_givens(owners[0])


_A_PET_FORM = letters.compile(r"A-([A-Z][a-z]+)")  # A-Ci, A-Xian: a Chinese pet form, A- and a given name's last syllable


def join_a_pet_forms(roster: Roster) -> None:
    """A Chinese pet form, ``A-`` before the last syllable of a given name (``A-Ci`` of ``Jiang
    Ci``, ``A-Xian`` of ``Wei Wuxian``), is the one person whose full name, family name first,
    ends in that syllable: not when two do (``A-Lin`` beside ``Yan Lin`` and ``Yan Zhaolin``),
    nor when genders clash or a sentence names the two apart.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); ci = r.add(Person("A-Ci", Counter({"A-Ci": 4})), ["A-Ci"])
    >>> jiang = r.add(Person("Jiang Ci", Counter({"Jiang Ci": 9, "Jiang": 0}), Gender.MALE), ["Jiang Ci", "Jiang"])
    >>> join_a_pet_forms(r); r.lookup("A-Ci").name
    'Jiang Ci'
    """
    for person in list(roster.people):
        found = _A_PET_FORM.fullmatch(person.name) if roster.holds(person) and set(person.forms) == {person.name} else None
        if found is None:
            continue
        syllable = found.group(1).lower()
        owners = [p for p in roster.people if p is not person and not p.known
                  and any(len(f.split()) == 2 and f.split()[1].lower().endswith(syllable) for f in p.forms)]
        if len(owners) == 1 and may_be(person, owners[0]) and may_be(owners[0], person) and roster.may_join(owners[0], person.name):
            join_person(roster, person, owners[0])


def _lower_givens(person: Person) -> set[str]:
    return {g.lower() for g in _untitled_givens(person)}


def join_diminutives(roster: Roster, runs: list[NameRun]) -> None:
    """A pet form of a given name (:func:`diminutive_stems`: ``Matty`` for ``Matthias``,
    ``Tessie`` for ``Tess``, ``Wrennie`` for ``Wren``) is the person of the one given name it
    opens, a person's own or the given name of a full name written anywhere (``Ensign Matthias
    Dov``: its ``Mr. Dov``), who takes the pet form, the given and the full name -- unless
    genders clash, a sentence names the two apart, two given names fit (``Matty`` with a
    ``Matthew`` and a ``Matthias``) or the one is a surname made of the pet form's name
    (``Johnny`` is not ``Johnson``).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); matty = r.add(Person("Matty", Counter(Matty=9), Gender.MALE), ["Matty"])
    >>> dov = r.add(Person("Mr. Dov", Counter({"Mr. Dov": 2, "Dov": 1}), Gender.MALE, title="mr"), ["Mr. Dov", "Dov"])
    >>> t = "Ensign Matthias Dov sat down."
    >>> join_diminutives(r, name_runs(words(t), t)); [p.name for p in r.people], sorted(dov.forms)
    (['Mr. Dov'], ['Dov', 'Matthias', 'Matthias Dov', 'Matty', 'Mr. Dov'])
    """
    surnames: dict[str, set[str]] = defaultdict(set)  # a given name -> the surnames written after it
    for run in runs:
        for given in run.words[:-1]:
            surnames[given].add(run.words[-1])
    full_names = {given: found.pop() for given, found in surnames.items() if len(found) == 1 and is_name_word(given)}
    for person in list(roster.people):
        stems = diminutive_stems(person.name) if roster.holds(person) and _is_bare_given_name(person) else ()
        givens = {g for g in {*full_names, *(g for p in roster.people if p is not person for g in _untitled_givens(p))}
                  if g != person.name and any(_stem_opens(s, g) for s in stems) and not is_patronymic_of(g, (person.name, *stems))} if stems else set()
        if len(givens) != 1:
            continue
        given = givens.pop()
        owner = roster.lookup(given) or (roster.surname_owner(full_names[given]) if given in full_names else None)
        if owner is None or owner is person or not may_be(person, owner) or not roster.may_join(owner, person.name):
            continue
        join_person(roster, person, owner)
        _add_aliases(roster, owner, (given, f"{given} {full_names[given]}") if given in full_names else ())


def index_called_name_forms(roster: Roster, text: str, called_runs: list[tuple[NameRun, int]], lower_words: Counter) -> None:
    """A one-word name the quotations call someone by, that nobody bears and the text never
    writes in lower case, is one more name of the one person whose given name it clips or
    lengthens by two letters or more, or whose full name a nicknames table gives it
    (:func:`~ficaudio.attribute.names.full_names_of`: ``"Zosia, sit."`` to ``Zofia``):
    ``"There's a first time for everything, Viv."`` in a
    story whose narration writes ``Vivian``; ``"Speaker, Elijah, I'm driving."`` to ``Eli``
    -- not when two people's given names fit, nor a name a sentence keeps apart from that
    person. ``called_runs``: each name run of a quotation, with where its quotation starts.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); vivian = r.add(Person("Vivian", Counter(Vivian=9)), ["Vivian"])
    >>> t = '"Not tonight, Viv. Tell Vivienne."'
    >>> index_called_name_forms(r, t, [(run, 0) for run in name_runs(words(t), t)], Counter()); sorted(vivian.forms)
    ['Viv', 'Vivian']
    """
    called = {r.form for r, start in called_runs if len(r.words) == 1 and not r.title and r.form.isalpha()
              and roster.lookup(r.form) is None and not lower_words[r.form.lower()] and is_vocative_run(text, r, start)}
    givens = [(g, p) for p in roster.people if not p.known for g in _untitled_givens(p)] if called else []
    for form in called:
        full = full_names_of(form)
        owners = list({id(p): p for g, p in givens if clips(form, g) or clips(g, form) or g.lower() in full}.values())
        if len(owners) == 1 and roster.may_join(owners[0], form):
            _add_aliases(roster, owners[0], (form,))


def join_clipped_names(roster: Roster, tagged: Collection[str] = frozenset()) -> None:
    """A one-word name cut from the front of another's given name is the person of the one name
    it opens (:func:`_cut_from`): ``Ro`` is ``Sir Roland``, ``Aggie`` is ``Agatha``, ``Sophy`` is
    ``Sophia``; never a surname (``John`` is not ``Mr. Johnson``). Not when two people's names
    fit, genders clash (a brother ``Sam`` and ``Samantha``; by first-names lists sure of both
    names: ``Max`` is not ``Maxine``, but ``Alex`` may be ``Alexandra``) or a sentence names the
    two apart; a name in ``-a`` tied by its stem alone (``Cora`` of ``Corisande``), not when the
    story's speech tags name both (``tagged`` forms: ``said Veronica``, ``Vera said``), as
    :func:`join_pet_form_endings`.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); sophy = r.add(Person("Sophy", Counter(Sophy=9), Gender.FEMALE), ["Sophy"])
    >>> sophia = r.add(Person("Miss Sophia Farrant", Counter({"Sophia Farrant": 1}), Gender.FEMALE, title="miss"), ["Sophia Farrant"])
    >>> join_clipped_names(r); [p.name for p in r.people], sorted(sophia.forms)
    (['Miss Sophia Farrant'], ['Sophia Farrant', 'Sophy'])
    """
    heads = {id(p): _word_heads(p) for p in roster.people}  # every owner's given word opens with the name's first two letters
    for person in list(roster.people):
        short = roster.holds(person) and _is_bare_given_name(person) and person.name.isalpha()
        owners = [p for p in roster.people if p is not person and person.name[:2] in heads[id(p)] and _cut_from(person.name, p)
                  and not both_kin_names(person.name, p.name)] if short else []  # Gran is no clip of Grandad
        if person.name in tagged:  # two speakers the tags name: an -a stem is no tie of its own
            owners = [p for p in owners if _cut_from(person.name, p, a_stems=False) or not any(w in tagged for w in _given_words(p, (person.name,)))]
        if len(owners) == 1 and may_be(person, owners[0]) and _prior_allows(person, owners[0]) and roster.may_join(owners[0], person.name):
            join_person(roster, person, owners[0])
            heads[id(owners[0])] = _word_heads(owners[0])


def join_pet_form_endings(roster: Roster, tagged: Collection[str] = frozenset()) -> None:
    """A one-word pet name made of the end of another's given name and ``-ie``, ``-y`` or
    ``-a`` (:func:`~ficaudio.attribute.names.is_pet_form`: ``Goldie`` of ``Marigold``, ``Bella``
    of ``Isabella``'s ``bell``) is the person of the one given name it ends, as
    :func:`join_clipped_names` joins one cut from the front: not when two people's names fit,
    genders clash or a sentence names the two apart, nor when the story's speech tags name both
    (``tagged`` forms: ``said Rosalind`` and ``Linda said``, two women talking; the shape is the
    only tie, and a narration that tags a speaker by both names is rare beside two people of
    names that happen to share an end).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); goldie = r.add(Person("Goldie", Counter(Goldie=9), Gender.FEMALE), ["Goldie"])
    >>> marigold = r.add(Person("Marigold Ashby", Counter({"Marigold Ashby": 2, "Marigold": 3})), ["Marigold Ashby", "Marigold"])
    >>> join_pet_form_endings(r); [p.name for p in r.people], sorted(marigold.forms)
    (['Marigold Ashby'], ['Goldie', 'Marigold', 'Marigold Ashby'])
    """
    for person in list(roster.people):
        stem = pet_stem(person.name).lower()
        if len(stem) < 4 or not roster.holds(person) or not _is_bare_given_name(person) or not person.name.isalpha():
            continue
        owners = [p for p in roster.people if p is not person and any(stem in f.lower() for f in p.forms)  # (quicker first)
                  and any(is_pet_form(person.name, w) and w.lower().endswith(stem) for w in _given_words(p, (person.name,)))]
        if person.name in tagged and any(w in tagged for p in owners for w in _given_words(p, (person.name,))):
            continue
        if len(owners) == 1 and may_be(person, owners[0]) and _prior_allows(person, owners[0]) and roster.may_join(owners[0], person.name):
            join_person(roster, person, owners[0])


def _word_heads(person: Person) -> set[str]:
    """The first two letters of every word of a person's forms (a quick test before :func:`_cut_from`)."""
    return {word[:2] for form in person.forms for word in form.split()}


def _cut_from(name: str, owner: Person, a_stems: bool = True) -> bool:
    """Whether ``name`` is cut from the front of one of ``owner``'s given names
    (:func:`_given_words`), two letters shorter at least (``Ann`` is not ``Anne``): itself
    (``Ro`` of ``Roland``) or a pet form's stem three letters shorter at least
    (:func:`diminutive_stems`: ``Aggie`` -> ``Ag`` of ``Agatha``, ``Jenny`` -> ``Jen`` of
    ``Jennifer``, but ``Jenna`` is a name of her own). A plain ``-y``/``-ie`` is no stem (``Henry`` is not cut from ``Henrietta``),
    only the same name spelled with ``-a``/``-ia`` (``Sophy``, ``Sophie`` of ``Sophia``).

    >>> def owner(*forms): return Person(forms[0], Counter(forms))
    >>> [_cut_from(n, owner(*f)) for n, f in (("Ro", ["Roland"]), ("Ro", ["Sir Roland", "Roland"]), ("Aggie", ["Agatha"]), ("John", ["Mr. Johnson", "Johnson"]), ("John", ["Johnson"]), ("Johnny", ["Mr. Johnson"]))]
    [True, True, True, False, False, False]
    >>> [_cut_from(n, owner(*f)) for n, f in (("Sophy", ["Sophia Farrant"]), ("Henry", ["Henrietta"]), ("Ann", ["Anne"]), ("Fran", ["Frances"]), ("Jenny", ["Jennifer"]), ("Jenny", ["Jenna"]))]
    [True, False, False, True, True, False]
    """
    stems = diminutive_stems(name, shortest=2)
    a_stem = name[:-1] if a_stems and name.endswith("a") and len(name) >= 4 else ""
    return any(word in _a_spellings(name) or clips(name, word, shortest=2) or any(_stem_opens(s, word) and s != word for s in stems)
               or a_stem and word.startswith(a_stem) and len(word) >= len(a_stem) + 4
               for word in _given_words(owner, (name, *stems)))


def _given_words(owner: Person, short: tuple[str, ...]) -> set[str]:
    """The words of ``owner``'s names that are given names: the first of a name, past any title
    (``Sir Roland``, ``Aunt Henrietta``, ``Sophia Farrant``), but not a surname: not the one word
    after ``Mr``/``Mrs``/``Ms``/``Miss``, nor a word after a given name anywhere, nor a lone word
    that is a patronymic of a ``short`` name (:func:`~ficaudio.attribute.names.is_patronymic_of`: ``Johnson`` of ``John``).

    >>> sorted(_given_words(Person("Sir Roland", Counter({"Sir Roland": 1, "Mr. Pike": 1, "Tam Pike": 1})), ("Ro",)))
    ['Roland', 'Tam']
    """
    titled = [_after_titles(f.split()) for f in owner.forms]
    surnames = {w for titles, rest in titled for w in (rest if titles & _FAMILY_TITLES and len(rest) == 1 else rest[1:])}
    firsts = {rest[0] for titles, rest in titled if rest and (len(rest) > 1 or not is_patronymic_of(rest[0], short))}
    return {w for w in firsts - surnames if w.isalpha() and w[0].isupper()}


_FAMILY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx"})  # a surname follows them


def _after_titles(words: list[str]) -> tuple[set[str], list[str]]:
    """A name's leading titles (lower case, no full stop) and the words after them."""
    at = next((i for i, w in enumerate(words) if w.lower().rstrip(".") not in TITLES), len(words))
    return {w.lower().rstrip(".") for w in words[:at]}, words[at:]


def _a_spellings(name: str) -> set[str]:
    """The same given name ending in ``-a``/``-ia`` for one in plain ``-y``/``-ie`` (four letters
    before it): ``Sophy`` -> Sophia, Sopha; not a pet form's doubled consonant (``Jenny`` is no
    ``Jenna``).

    >>> sorted(_a_spellings("Sophy")), _a_spellings("Jenny")
    (['Sopha', 'Sophia'], set())
    """
    base = name[:-2] if name.endswith("ie") else name[:-1] if name.endswith("y") else ""
    return {base + "a", base + "ia"} if len(base) >= 4 and base[-1] != base[-2] else set()


_UNISEX_SHORT = frozenset({"alex", "fran", "sam", "jo", "chris", "pat", "charlie", "frankie", "jamie", "jess", "nicky", "toni", "terry", "billie", "bobbie"})
"""Short forms of both a man's and a woman's name, whatever a first-names list leans to."""


def _prior_allows(person: Person, owner: Person) -> bool:
    """A short name and the name it opens are not of opposite genders that the text or a
    first-names list is sure of (``Max`` is not ``Maxine``); a short form both genders use
    (``Alex`` may be ``Alexandra``: :data:`_UNISEX_SHORT`) waives the list, not the text
    (``Sam`` whom the text calls he is no ``Samantha`` it calls she).

    >>> alexandra, maxine = (Person(n, Counter([n]), Gender.FEMALE) for n in ("Alexandra", "Maxine"))
    >>> [_prior_allows(Person(n, Counter([n])), o) for n, o in (("Alex", alexandra), ("Max", maxine), ("Max", Person("Maxine", Counter(["Maxine"]))))]
    [True, False, False]
    >>> _prior_allows(Person("Alex", Counter(["Alex"]), Gender.MALE), alexandra)
    False
    """
    if len({person.gender, owner.gender} - {Gender.UNKNOWN}) == 2:
        return False
    genders = {_sure_gender(person, [person.name]), _sure_gender(owner, _given_words(owner, (person.name,)))} - {Gender.UNKNOWN}
    return person.name.lower() in _UNISEX_SHORT or len(genders) < 2


def _sure_gender(person: Person, given: Iterable[str]) -> Gender:
    """A person's gender, else the one a first-names list is sure of for all its given names."""
    if person.gender is not Gender.UNKNOWN:
        return person.gender
    sure = {g for g, weight in map(name_prior, given) if weight >= 1}
    return sure.pop() if len(sure) == 1 else Gender.UNKNOWN


def join_inner_clips(roster: Roster, narration_runs: list[NameRun]) -> None:
    """A one-word name only ever said in quotations, that no first-names list knows, is the
    person of the one name it is cut from the middle or the end of (``"Relax, Lij."`` to
    ``Eli``, whom a call also names ``Elijah``; ``Xander`` of ``Alexander``) -- two letters
    shorter at least; not when two names hold it, genders clash or a sentence names the two
    apart (``Ann`` of ``Joanna`` is a name of its own: the list knows it).

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); lij = r.add(Person("Lij", Counter(Lij=3)), ["Lij"])
    >>> eli = r.add(Person("Eli", Counter(Eli=9, Elijah=0)), ["Eli", "Elijah"])
    >>> join_inner_clips(r, []); [p.name for p in r.people], sorted(eli.forms)
    (['Eli'], ['Eli', 'Elijah', 'Lij'])
    """
    narrated = {r.form for r in narration_runs}
    clips = [p for p in roster.people if len(p.name) >= 3 and p.name not in narrated and _is_bare_given_name(p) and not is_listed_given_name(p.name)]
    words_of = [(f.lower(), p) for p in roster.people if not p.known for f in {split_honorific(f)[0] for f in p.forms} if " " not in f] if clips else []
    joined: set[int] = set()
    for person in clips:
        clip = person.name.lower()
        owners = list({id(p): p for f, p in words_of if p is not person and id(p) not in joined and len(f) >= len(clip) + 2 and f.find(clip, 1) > 0}.values())
        if len(owners) == 1 and may_be(person, owners[0]) and roster.may_join(owners[0], person.name):
            join_person(roster, person, owners[0])
            joined.add(id(person))


def _stem_opens(stem: str, given: str) -> bool:
    """Whether a pet form's stem is ``given`` or opens it three letters or more shorter:
    ``Tess`` of ``Tessie`` is Tess, ``Matt`` of ``Matty`` opens Matthias, ``Jenn`` of ``Jenny``
    does not open ``Jenna``, a name of her own.

    >>> [_stem_opens(s, g) for s, g in (("Tess", "Tess"), ("Matt", "Matthias"), ("Jenn", "Jenna"), ("Jen", "Jenna"))]
    [True, True, False, False]
    """
    return given == stem or (given.startswith(stem) and len(given) >= len(stem) + 3)


def diminutive_stems(name: str, shortest: int = 3) -> tuple[str, ...]:
    """The stems a pet name may cut a given name at: ``-y`` or ``-ie`` after a doubled consonant,
    kept or not (``Matty`` -> Matt, Mat; ``Tessie`` -> Tess, Tes); ``shortest`` letters at least.
    A name in plain ``-y`` or ``-ie`` is no pet form here: ``Henry``, ``Emily``, and ``Marie``,
    ``Julie``, ``Sophie``, full names that would cut to ``Margaret``'s ``Mar`` (``Katie`` is
    missed); :func:`join_clipped_names` takes it only for the same name in ``-a``/``-ia``.

    >>> diminutive_stems("Matty"), diminutive_stems("Tessie"), diminutive_stems("Henry"), diminutive_stems("Marie")
    (('Matt', 'Mat'), ('Tess', 'Tes'), (), ())
    """
    suffix = 2 if name.endswith("ie") else 1 if name.endswith("y") else 0
    base = name[:-suffix] if suffix else ""
    if len(base) < 3 or base[-1] != base[-2] or base[-1].lower() in "aeiou":
        return ()
    stems = (base, base[:-1])
    return tuple(s for s in stems if len(s) >= shortest)


def _untitled_givens(person: Person) -> set[str]:
    """The first words of a person's untitled forms: ``Harriet Penhallow`` -> Harriet."""
    return {rest[0] for titles, rest in (_after_titles(f.split()) for f in person.forms) if not titles and rest}


def _is_bare_given_name(person: Person) -> bool:
    """A discovered, untitled person known by one word only (with its honorific calls)."""
    return not person.known and not person.title and all(split_honorific(f)[0] == person.name for f in person.forms)


def _given_name_allows(given: str, person: Person) -> bool:
    """A word the first-names list knows, of no gender that clashes with ``person``'s."""
    prior, weight = name_prior(given)
    return weight > 0 and (person.gender is Gender.UNKNOWN or prior in (Gender.UNKNOWN, person.gender))


def only_surname_forms(person: Person, surname: str) -> bool:
    """Whether every form of ``person`` is the surname, ends with it (``Miss Fairweather``) or
    clips it (``Fair`` for ``Fairbairn``), an honorific call aside (``Kaname-kun``): nobody the
    text knows by another given name.

    >>> only_surname_forms(Person("Fairbairn", Counter(Fairbairn=5, Fair=3)), "Fairbairn")
    True
    >>> only_surname_forms(Person("Fairbairn", Counter(Fairbairn=5, Nell=3)), "Fairbairn")
    False
    >>> only_surname_forms(Person("Kaname", Counter({"Kaname": 9, "Kaname-kun": 0})), "Kaname")
    True
    """
    bare = {split_honorific(f)[0] for f in person.forms}
    return all(f.split()[-1] == surname or surname.startswith(f) and len(f) > 2 for f in bare)


_UNMARRIED_TITLES = {Gender.FEMALE: frozenset({"miss", "ms"}), Gender.MALE: frozenset({"mr", "sir", "lord", "master"})}


def join_titled_surnames(roster: Roster) -> None:
    """A full name (``Anne Carrick``) is the one titled person of its surname whose title fits its
    gender (``Miss Carrick``, not ``Mr. Carrick``, her brother), never a ``Mrs.`` (a mother, a
    wife), nor a titled surname that a written titled full name gives (``Ms. Hale`` is ``Ms.
    Anna Hale``'s, not her niece ``Elena Hale``'s: :func:`titled_name_givers`); a full name of
    unknown gender is left alone.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); anne = r.add(Person("Anne Carrick", Counter({"Anne Carrick": 1}), Gender.FEMALE), ["Anne Carrick"])
    >>> for name, title in (("Miss Carrick", "miss"), ("Mr. Carrick", "mr")): _ = r.add(Person(name, Counter({name: 2}), title=title), [name])
    >>> join_titled_surnames(r); r.lookup("Miss Carrick").name, r.lookup("Mr. Carrick").name
    ('Anne Carrick', 'Mr. Carrick')
    >>> jane = r.add(Person("Jane Bennet", Counter({"Jane Bennet": 1}), Gender.FEMALE), ["Jane Bennet"])
    >>> mother = r.add(Person("Mrs. Bennet", Counter({"Mrs. Bennet": 2}), title="mrs"), ["Mrs. Bennet"])
    >>> join_titled_surnames(r); r.lookup("Mrs. Bennet").name
    'Mrs. Bennet'
    """
    for person in list(roster.people):
        words, gender = person.name.split(), _gender_or_prior(person)
        if len(words) != 2 or person.title or gender not in _UNMARRIED_TITLES or not roster.holds(person):
            continue
        titled = [p for p in roster.people if p.title in _UNMARRIED_TITLES[gender] and p.name.split()[-1] == words[1]]
        if len(titled) == 1 and not any(titled_name_givers(roster, f) for f in titled[0].forms) and roster.may_join(person, titled[0].name):
            join_person(roster, titled[0], person)


def join_titled_siblings(roster: Roster, runs: list[NameRun]) -> None:
    """Two or more people of one surname known by unmarried titles (``Master Ashgrove``,
    ``Miss Ashgrove``) and as many given names written before that surname (``Corvin
    Ashgrove``, ``Wren Ashgrove``) are the same people when only one pairing fits their genders
    (the man is Master, the woman Miss); each titled person joins the given name's. Numbers that
    differ (``Mr. Bennet`` and ``Miss Bennet`` with five daughters) or two pairings that fit
    (two brothers) join nobody; a ``Mrs.`` never counts.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> from ficaudio.attribute.lexicon import TITLE_GENDER
    >>> r = Roster(); cor = r.add(Person("Corvin", Counter(Corvin=5), Gender.MALE), ["Corvin"]); wren = r.add(Person("Wren", Counter(Wren=5)), ["Wren"])
    >>> for name, title in (("Master Ashgrove", "master"), ("Miss Ashgrove", "miss")): _ = r.add(Person(name, Counter({name: 2}), TITLE_GENDER[title], title=title), [name])
    >>> t = "Corvin Ashgrove and Wren Ashgrove."
    >>> join_titled_siblings(r, name_runs(words(t), t)); r.lookup("Master Ashgrove").name, r.lookup("Miss Ashgrove").name
    ('Corvin', 'Wren')
    """
    givens = _given_names_by_surname(runs)
    for surname, names in givens.items():
        titled = [p for p in roster.people if p.title in _SIBLING_TITLES and p.name.split()[-1] == surname and only_surname_forms(p, surname)]
        people = list({id(p): p for g in sorted(names) if (p := roster.lookup(g))}.values())
        if not 2 <= len(titled) <= 4 or len(people) != len(titled) or len(names) != len(titled) or any(p.title for p in people):
            continue
        pairings = [list(zip(titled, order)) for order in permutations(people)]
        fitting = [pairs for pairs in pairings if all(may_be(t, p) for t, p in pairs)]
        if len(fitting) == 1 and all(roster.may_join(p, t.name) for t, p in fitting[0]):
            for person, owner in fitting[0]:
                join_person(roster, person, owner)


_SIBLING_TITLES = frozenset({"miss", "master", "mr"})  # a Mrs./Ms. is a mother or a wife


def join_knights_given_names(roster: Roster, runs: list[NameRun]) -> None:
    """``Sir`` and ``Dame`` go before a given name (``Sir John``, never ``Sir Durbeyfield``):
    a person known by one is the person of the one full name written with that given name
    (``John Durbeyfield``, known as ``Durbeyfield``), when no other surname follows it and
    genders agree.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); jack = r.add(Person("Durbeyfield", Counter(Durbeyfield=9), Gender.MALE), ["Durbeyfield"])
    >>> sir = r.add(Person("Sir John", Counter({"Sir John": 4}), Gender.MALE, title="sir"), ["Sir John"])
    >>> t = "Who be you, John Durbeyfield?"
    >>> join_knights_given_names(r, name_runs(words(t), t)); r.lookup("Sir John").name
    'Durbeyfield'
    """
    surnames: dict[str, set[str]] = defaultdict(set)
    for run in runs:
        if len(run.words) == 2 and not run.title:
            surnames[run.words[0]].add(run.words[1])
    for person in list(roster.people):
        given = person.name.split()[-1] if person.title in KNIGHTS_TITLES and len(person.name.split()) == 2 else ""
        if len(surnames.get(given, ())) != 1:
            continue
        surname = next(iter(surnames[given]))
        owner = roster.lookup(f"{given} {surname}") or roster.surname_owner(surname)
        if owner is not None and owner is not person and not owner.title and may_be(person, owner) and roster.may_join(owner, person.name):
            join_person(roster, person, owner)


def split_rank_from_word(roster: Roster, text: str, lower_words: Counter, quotes: Sequence[tuple[int, int]]) -> None:
    """A rank said alone and written short, then a word that opens the next sentence
    (``"Thanks, Prof. Seriously."``, ``‘Prof. Seriously. ...’``, ``"Yes, Sgt. Understood…"``,
    ``"Thanks, Prof. Seriously, thanks,"``) is no person ``Prof
    Seriously``: where every capitalised use of that word has this shape inside a quotation
    (``quotes``: their spans) -- the rank called after a comma or opening the quotation, the
    word a sentence of its own -- the text writes it in lower case elsewhere (``seriously``) and
    it is no given name, the person is the bare rank (``Prof``), which :func:`join_bare_titles`
    gives to its one bearer (``Professor Adeyemi``) and :func:`drop_spoken_clips` drops when
    nobody bears it. ``Lt. Manning``, a word the text never writes in lower case, stays a name,
    and so does an officer named by a tag or in narration (``Sgt. Black said``, ``Prof. Plum
    poured the tea``), however ordinary the word.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); p = r.add(Person("Prof Seriously", Counter({"Prof Seriously": 1})), ["Prof Seriously", "Seriously"])
    >>> split_rank_from_word(r, '"Thanks, Prof. Seriously." I was serious.', Counter(seriously=1), [(0, 27)]); [p.name for p in r.people]
    ['Prof']
    """
    for person in list(roster.people):
        rank, _, word = person.name.partition(" ")
        if person.known or rank.lower() not in SAID_ALONE_RANKS or not word or " " in word or not lower_words[word.lower()] or is_listed_given_name(word):
            continue
        called = [m.start(1) for m in re.finditer(rf"(?:,\s*|[\"“‘']\s*)({re.escape(rank)}\.\s+{re.escape(word)}\b)(?=[.!?,…\"”’'—–-]|\s*$)", text)]
        if len(re.findall(rf"\b{re.escape(word)}\b", text)) == len(called) and all(_in_spans(at, quotes) for at in called):
            bare = roster.lookup(rank) or roster.add(Person(rank, Counter()), [rank])
            join_person(roster, person, bare)


def join_bare_titles(roster: Roster) -> None:
    """A title, or its clip, used alone as a name (``Doctor``, ``"Night, Cap."``, ``Doc said``) is
    the one person who bears it before a name (``Dr. Hale``, ``Captain Varga``, ``Doc Lind``),
    when that person is named more than once: a captain mentioned in passing (``before I told
    Captain Orji``) is no one's ``Cap``. Two bearers, or clashing genders, join nobody.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); doc = r.add(Person("Doc", Counter(Doc=7)), ["Doc"])
    >>> lind = r.add(Person("Doc Lind", Counter({"Doc Lind": 4})), ["Doc Lind"])
    >>> join_bare_titles(r); [p.name for p in r.people], sorted(lind.forms)
    (['Doc Lind'], ['Doc', 'Doc Lind'])
    """
    for person in list(roster.people):
        title = _bare_title(person)
        bearers = [p for p in roster.people if p is not person and any(_bears(f, title) for f in p.forms)] if title else []
        if len(bearers) == 1 and bearers[0].mentions > 1 and may_be(person, bearers[0]) and roster.may_join(bearers[0], person.name):
            join_person(roster, person, bearers[0])


def drop_spoken_clips(roster: Roster, narration_runs: list[NameRun]) -> None:
    """A clipped rank only ever said in quotations (``"Night, Cap."``, ``"Look at you, Sarge."``),
    that no one bears before a name, is a form of address, as ``Captain`` or ``sir`` is: it
    names whoever holds the role, and is no voice of its own. One the narration writes
    (``Doc shut the door``) stays a person.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); cap = r.add(Person("Cap", Counter(Cap=3)), ["Cap"]); doc = r.add(Person("Doc", Counter(Doc=2)), ["Doc"])
    >>> t = "Doc shut the door."
    >>> drop_spoken_clips(r, name_runs(words(t), t)); [p.name for p in r.people]
    ['Doc']
    """
    written = {run.words for run in narration_runs}
    for person in list(roster.people):
        if person.name.lower() in CLIPPED_TITLES and not person.known and (person.name,) not in written:
            roster.remove(person)


def _bare_title(person: Person) -> str | None:
    """The rank a discovered person's one-word name is: ``Cap`` -> captain."""
    return rank_of_word(person.name) if not person.known and " " not in person.name else None


def _bears(form: str, title: str) -> bool:
    """Whether a name of two words or more opens with ``title`` in any spelling, clipped too."""
    first, *rest = form.split()
    return bool(rest) and (rank := rank_of_word(first)) is not None and same_title(rank, title)


def join_titled_initials(roster: Roster) -> None:
    """A title before an initial (``Mrs. P``, ``Dr. K.``) is the one person of that title
    whose surname the initial opens (``Mrs. Pettibone``); two such (``Mrs. Pell`` and ``Mrs.
    Pettibone``) join nobody.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); p = r.add(Person("Mrs. P", Counter({"Mrs. P": 3}), title="mrs"), ["Mrs. P"])
    >>> pb = r.add(Person("Mrs. Pettibone", Counter({"Mrs. Pettibone": 2}), title="mrs"), ["Mrs. Pettibone"])
    >>> join_titled_initials(r); [q.name for q in r.people], r.lookup("Mrs. P").name
    (['Mrs. Pettibone'], 'Mrs. Pettibone')
    """
    for person in list(roster.people):
        initial = _titled_initial(person)
        owners = [q for q in roster.people if q is not person and q.title and same_title(q.title, person.title)
                  and any(len(w := f.split()) == 2 and len(w[1]) > 2 and w[1].startswith(initial) for f in q.forms)] if initial else []
        if len(owners) == 1 and roster.may_join(owners[0], person.name):
            join_person(roster, person, owners[0])


def _titled_initial(person: Person) -> str | None:
    """The initial of a titled person known by a title and one capital letter: ``Mrs. P`` -> P."""
    words_of = person.name.split()
    initial = words_of[-1].rstrip(".") if len(words_of) == 2 and person.title else ""
    return initial if len(initial) == 1 and initial.isupper() else None


def _gender_or_prior(person: Person) -> Gender:
    """A person's gender, or, when the text leaves it open, the one the first-names list is
    sure of for the given name (``Tobias Carrick`` -> male)."""
    prior, weight = name_prior(person.name.split()[0])
    return person.gender if person.gender is not Gender.UNKNOWN or weight < 1.5 else prior


def own_name_parts(roster: Roster, lower_words: Counter) -> None:
    """A person's full or titled name owns its parts (:func:`_name_parts`) when no one else's
    name holds them: ``Mrs. Pinnock`` is also ``Pinnock``, and ``Lady Ashgrove``, written once
    as ``Corisande Ashgrove``, is also ``Corisande`` -- one more name (an alias) that a bare
    mention resolves to. A surname two people bear (``Mr. and Mrs. Bennet``), or a given name
    in two full names, stays nobody's; so does a word the story writes in lower case.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); cora = r.add(Person("Lady Ashgrove", Counter({"Lady Ashgrove": 4, "Corisande Ashgrove": 1}), title="lady"), ["Lady Ashgrove", "Corisande Ashgrove"])
    >>> own_name_parts(r, Counter()); r.lookup("Corisande").name, sorted(cora.forms)
    ('Lady Ashgrove', ['Ashgrove', 'Corisande', 'Corisande Ashgrove', 'Lady Ashgrove'])
    """
    bearers = Counter(w for p in roster.people for w in {w for f in p.forms for w in f.split()})
    for person in roster.people:
        honoured = _honoured_words(person)
        parts = {w for f in person.forms for w in _name_parts(f, lower_words, honoured)} if not person.known else set()
        for part in sorted(parts - set(person.forms)):
            if bearers[part] == 1 and roster.lookup(part) in (None, person) and _only_a_name(part, lower_words):
                _add_aliases(roster, person, (part,))  # counted under the full form


def _only_a_name(word: str, lower_words: Counter) -> bool:
    """A word the story never writes in lower case, nor a kin word or a title: ``Ashgrove``,
    not ``Four`` of ``Squad Four`` nor ``Grandma`` of ``Grandma Pearl``."""
    return not lower_words[word.lower()] and word.lower() not in KIN_NAMES and word.lower().rstrip(".") not in TITLES


def _honoured_words(person: Person) -> set[str]:
    """The names a person's forms write with an honorific after them: ``Mochizuki`` of
    ``Mochizuki-kun``, ``Ozaki`` of ``Ozaki-san``."""
    return {base for f in person.forms for w in f.split() if (found := split_honorific(w))[1] for base in found[:1]}


def _name_parts(form: str, lower_words: Counter | None = None, honoured: Collection[str] = ()) -> tuple[str, ...]:
    """The parts a name of two or three words gives its person: the given name of a full name
    (``Corisande Ashgrove`` -> ``Corisande``), and its surname when the first-names list knows
    the given name (``Theo Okafor`` -> both; ``Old Wren`` may be a nickname: ``Old`` only); the
    surname a title stands before (``Mrs. Pinnock`` -> ``Pinnock``), with the given name too
    unless the title is ``Mrs.``/``Ms.`` before a name the first-names list does not know as a
    woman's (``Mrs. Newland Archer`` -> ``Archer``: her husband's; ``Mrs. Adela Thorne`` -> both);
    a clipped rank is a title (``Doc Lind`` -> ``Lind``); a name written family name first
    gives both its words (``Kang Hyun-woo`` -> ``Kang``, ``Hyun-woo``: :func:`family_first`).

    >>> _name_parts("Corisande Ashgrove"), _name_parts("Theo Okafor"), _name_parts("Dr. Edmund Hale"), _name_parts("Mrs. Newland Archer"), _name_parts("Tess")
    (('Corisande',), ('Theo', 'Okafor'), ('Hale', 'Edmund'), ('Archer',), ())
    >>> _name_parts("Mrs. Adela Thorne")
    ('Thorne', 'Adela')
    >>> _name_parts("Doc Lind")  # a clipped rank is a title
    ('Lind',)
    """
    words_of = form.split()
    first = words_of[0].lower().rstrip(".")
    title = first if len(words_of) > 1 and (first in TITLES or rank_of_word(first)) else None
    name = words_of[1:] if title else words_of
    if not 1 <= len(name) <= 3 or (len(name) == 1 and not title):
        return ()
    if not title:
        if family_first(name, lower_words or Counter()):
            return (name[0], split_honorific(name[1])[0])
        if len(name) == 2 and set(name) & set(honoured):  # an honorific after a word of it (``Mochizuki-kun``): a name of two names, in either order
            return (name[0], name[1])
        return (name[0], name[-1]) if name_prior(name[0])[1] > 0 else (name[0],)
    return (name[-1],) if len(name) == 1 or wife_by_husbands_name(title, " ".join(name)) else (name[-1], name[0])


_ROMANISED_GIVEN = letters.compile(r"[A-Z][a-z]+-[a-z]+")  # Hyun-woo, Na-rae, Ye-jin: syllables joined, the second in lower case
_ONE_SYLLABLE = letters.compile(r"[^aeiouy]*[aeiouy]+[^aeiouy]*")  # kang, yoon, choi, han (lower-cased): one run of vowels


def family_first(name: Sequence[str], lower_words: Counter) -> bool:
    """Whether a two-word name is written family name first, as Korean and Chinese names are,
    its given name last: a family name of one syllable before a given name romanised in
    syllables joined by a hyphen, the second in lower case (``Kang Hyun-woo``, ``Han
    Na-rae``), the family name no word the story writes in lower case (``lower_words``:
    not ``Old Sea-dog``); not a double surname (``Anna Smith-Jones``), nor a title's words
    (``Umbrellas Re-covered``). An honorific after the name is no part of it.

    >>> family_first(("Kang", "Hyun-woo"), Counter()), family_first(("Han", "Na-rae-sunbae"), Counter()), family_first(("Anna", "Smith-Jones"), Counter())
    (True, True, False)
    >>> family_first(("Umbrellas", "Re-covered"), Counter()), family_first(("Theo", "Okafor"), Counter()), family_first(("Old", "Sea-dog"), Counter(old=3))
    (False, False, False)
    """
    if len(name) != 2 or lower_words[name[0].lower()] or not _ONE_SYLLABLE.fullmatch(name[0].lower()):
        return False
    return bool(_ROMANISED_GIVEN.fullmatch(split_honorific(name[1])[0]))


def own_titled_name_forms(roster: Roster) -> None:
    """A titled full name (a title, a given name the first-names list knows, a surname) gives its
    person the full name without the title and the title before the surname, where no one else
    has them and no other titled full name gives them too: ``Major Edwin Ashdown`` is also
    ``Edwin Ashdown`` and ``Major Ashdown``, ``Mrs. Adela Thorne`` also ``Adela Thorne``. Not
    ``Mrs. Charles Musgrove`` -> ``Charles Musgrove`` (her husband, :func:`~ficaudio.attribute.characters.wife_by_husbands_name`), nor a
    title that goes before a given name -> title and surname: ``Sir Henry Curtis`` is no ``Sir
    Curtis``, and ``Miss Jemima Pinkerton`` may be the younger sister of ``Miss Pinkerton``; nor
    ``Mrs. Musgrove`` when ``Mrs. Charles Musgrove`` and ``Mrs. Henry Musgrove`` are both written.

    >>> from ficaudio.attribute.characters import Person, Roster
    >>> r = Roster(); major = r.add(Person("Major Edwin Ashdown", Counter({"Major Edwin Ashdown": 1})), ["Major Edwin Ashdown"])
    >>> sir = r.add(Person("Sir Henry Curtis", Counter({"Sir Henry Curtis": 1})), ["Sir Henry Curtis"])
    >>> own_titled_name_forms(r); sorted(major.forms), sorted(sir.forms)
    (['Edwin Ashdown', 'Major Ashdown', 'Major Edwin Ashdown'], ['Henry Curtis', 'Sir Henry Curtis'])
    """
    given = {id(p): {name for form in p.forms for name in titled_name_forms(form)} for p in roster.people if not p.known}
    givers = Counter(name for names in given.values() for name in names)
    for person in roster.people:
        for name in sorted(given.get(id(person), ())):
            if givers[name] == 1 and name not in person.forms and roster.lookup(name) in (None, person):
                _add_aliases(roster, person, (name,))  # counted under the titled form


def _given_names_by_surname(runs: list[NameRun]) -> dict[str, set[str]]:
    """Every given name written before each surname (``Jane Bennet``, ``Elizabeth Bennet``: two)."""
    givens: dict[str, set[str]] = defaultdict(set)
    for run in runs:
        if len(run.words) == 2:
            givens[run.words[1]].add(run.words[0])
    return givens


def _genders_allow(given: Person, surname: Person) -> bool:
    """A given name's person of known gender may take any surname person; one of unknown
    gender (its pronouns split, as in a woman's point of view full of ``his``) only an
    untitled one (``Marrow``, never ``Mr. Marrow``, a family form)."""
    return given.gender is not Gender.UNKNOWN or surname.title is None


def join_addressed_only_names(doc: Document, first_person: bool = False) -> None:
    """A name the quotations only ever call someone by (addressed at least twice, never
    written in the narration) is a second name of the person the narration is about when it
    is called: the subjects of the paragraph before each call, less the people named in the
    calling paragraph (its speaker), vote, and a clear winner of a fitting gender takes it.
    A bare honorific called out counts as a call of its one bearer (``Umezawa-senpai`` once,
    then ``"You don't know that, senpai."``). In a story told in the ``first_person``, an
    ``I`` the paragraph before makes its subject votes for the narrator, who is no person of
    the roster (``"Heard," Ines says. I've worked next to her for years.`` / ``"Birdie.
    Risotto."`` may call ``I``): the name is left to the narrator's rules. A code name, call
    sign or handle (one word no first-names list knows) summoned at a sentence's start is
    answered next by its bearer: the one the next paragraph names speaking votes too
    (``"Anvil, status?"`` / ``"Parked," Tomek reports.``).

    Example: ``Edwin laughed into his tea.`` / ``"Something funny, Marsh?"`` and ``Edwin
    found himself with Rupert.`` / ``"Psst. Marsh," Rupert whispered.`` -> ``Marsh`` is
    Edwin, not a third boy who answers.
    """
    in_narration = {m.person for p in doc.paragraphs for m in p.mentions if m.kind == "name"}
    calls: Counter = Counter()
    votes: dict[str, Counter] = defaultdict(Counter)
    for k, para in enumerate(doc.paragraphs):
        called = [p for p in called_people(doc, para) if not p.known and p.name not in in_narration]
        if not called:
            continue
        named_here = {m.person for m in para.mentions if m.kind == "name"}
        before = _call_voters(doc.paragraphs[k - 1], para, doc.paragraphs[max(0, k - 5):k - 1], first_person) - named_here if k else set()
        answer = _answerer(doc.paragraphs[k + 1:k + 2], named_here) if len(called) == 1 else None
        for person in called:
            calls[person.name] += 1
            for candidate in before - {person.name}:
                votes[person.name][candidate] += 1 / len(before - {person.name})
            if answer and answer != person.name and _summons_by_handle(doc, para, person.name):
                votes[person.name][answer] += 1
    for name, counter in votes.items():
        person, owner = doc.roster.by_name(name), _winner(doc.roster, counter)
        if calls[name] < _ADDRESSED_MIN or not person or person.known:
            continue
        if isinstance(owner, str):
            name_epithet(doc.roster, person, owner)
        elif owner and doc.roster.may_join(owner, name):
            join_person(doc.roster, person, owner)


def _summons_by_handle(doc: Document, para: Paragraph, name: str) -> bool:
    """Whether a quotation of the paragraph opens a sentence by calling ``name``, a one-word
    name no first-names list knows (a code name, call sign or handle: ``"Anvil, status?"``,
    ``"Good. Ferryman, warehouse."``): a summons its bearer answers next."""
    if " " in name or is_listed_given_name(name):
        return False
    opening = letters.compile(rf"(?:^\W*|[.!?]\s+){re.escape(name)},")
    return any(opening.search(doc.segments[i].text) for i in para.quotes)


def _answerer(following: list[Paragraph], callers: set[str]) -> str | None:
    """The person the paragraph after a call names as its speaker -- the subject of its
    narration, by name, when it speaks: ``"Anvil, status?"`` / ``"Parked. Bored," Tomek
    reports.`` -> Tomek; not one named in the calling paragraph (the caller)."""
    if not following or not following[0].quotes or following[0].scene_start:
        return None
    subject = next((m for m in following[0].mentions if m.subject and m.kind == "name" and m.person), None)
    return subject.person if subject and subject.person not in callers else None


def name_epithet(roster: Roster, person: Person, epithet: str) -> None:
    """A capitalised epithet the narration uses for someone whom the quotations only call by a
    name (``The Warden was already moving`` / ``"Left! Maelis, left!"``) is that name's person:
    every ``the Warden`` is Maelis from now on."""
    if roster.lookup(epithet) is None:
        _add_aliases(roster, person, (epithet,))


def _subjects(para: Paragraph, first_person: bool = False) -> set[str]:
    """The subjects of a paragraph's narration a call may be said to: named people, epithets
    (:func:`_epithet`) and, in a story told by ``I`` (``first_person``), the narrator's vote."""
    names = {m.person for m in para.mentions if m.kind == "name" and (m.subject or m.clause_subject) and m.person}
    narrator = {NARRATOR_VOTE for m in para.mentions if first_person and m.kind == "first_person" and m.subject}
    return names | narrator | {_epithet(m) for m in para.mentions if m.kind == "description" and (m.subject or m.clause_subject) and _epithet(m)}


NARRATOR_VOTE = "<narrator>"  # the first-person narrator's vote: a string no roster name can be, so it never wins a person


def _epithet(m: Mention) -> str:
    """``the Warden`` for a description whose capitalised head stands alone after ``the``."""
    words_of = m.text.split()
    return f"the {words_of[1]}" if len(words_of) == 2 and words_of[0].lower() == "the" and words_of[1][:1].isupper() else ""


def _call_voters(previous: Paragraph, calling: Paragraph, earlier: list[Paragraph], first_person: bool = False) -> set[str]:
    """Who a call may be said to: the subjects of the paragraph before it (a ``she`` there is
    the one woman the few paragraphs before name) -- unless the calling paragraph's own subject
    is a bare ``he``/``she``, which takes up that subject as the caller (``Owen presses his
    mouth to Felix's hair.`` / ``"Okay," he says. "Okay, Sunshine."``): then the people that
    paragraph acted on.

    Scenes: tests/test_attribute_aliases.py.
    """
    subjects = _subjects(previous, first_person) or _pronoun_subject(previous, earlier)
    pronouns = {m.gender for m in calling.mentions if m.kind == "pronoun" and m.subject}
    taken_up = any(m.gender in pronouns for m in previous.mentions if m.kind == "name" and m.person in subjects)
    if not taken_up or any(m.kind == "name" and m.subject for m in calling.mentions):
        return subjects
    return {m.person for m in previous.mentions if m.kind == "name" and m.person} - subjects


def _pronoun_subject(para: Paragraph, earlier: list[Paragraph]) -> set[str]:
    """The one person of the pronoun's gender named in ``earlier`` and ``para``, when a
    he/she is the paragraph's subject (``She was already pulling on jeans.``)."""
    genders = {m.gender for m in para.mentions if m.kind == "pronoun" and m.subject}
    named = {m.person for p in (*earlier, para) for m in p.mentions if m.kind == "name" and m.person and m.gender in genders}
    return named if len(genders) == 1 and len(named) == 1 else set()


def called_people(doc: Document, para: Paragraph) -> list[Person]:
    """The roster people the quotations of a paragraph address by name."""
    called = []
    for index in para.quotes:
        seg = doc.segments[index]
        called.extend(p for p in doc.roster.honorifics_called(seg.text) if p not in called)
        if not MAY_CALL.search(seg.text):
            continue  # no capitalised word where a call stands: skip scanning its names
        for run in doc.runs_of_quote(index):
            if is_vocative_run(doc.text, run, seg.start) and (person := doc.roster.resolve(run)) and person not in called:
                called.append(person)
    return called


def _winner(roster: Roster, counter: Counter) -> Person | str | None:
    """The candidate with more than half of the votes: a person, or an epithet (``the Warden``)."""
    name, weight = counter.most_common(1)[0]
    if weight < _VOTES_MIN or weight * 2 <= sum(counter.values()):
        return None
    return name if name.startswith("the ") else roster.by_name(name)


def may_be(person: Person, owner: Person) -> bool:
    """Genders that do not contradict each other, and nobody configured by the user."""
    unknown = Gender.UNKNOWN
    return not person.known and (person.gender in (unknown, owner.gender) or owner.gender is unknown)
