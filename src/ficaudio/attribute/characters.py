"""Character discovery: which capitalised names are people, and which names are one person.

A :class:`Roster` is built once per story (from the user's ``known`` characters first, then
from the text) and answers "who is ``Kakashi-sensei``?" for the rules.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from ficaudio import letters
from ficaudio.attribute.lexicon import ANIMAL_BODY, ANIMAL_NOUNS, BODY_PARTS, both_kin_names, DEMONYMS, DETERMINERS, GIVEN_NAME_TITLES, GROUP_PREFIXES, HONORIFIC_GENDER, KIN_NAMES, SIBLING_HONORIFICS, MONTH_GIVEN_NAMES, NEUTRAL_TITLES, NUMBER_WORDS, PERSONIFIED_NOUNS, PLACE_PREFIXES, PLACE_WORDS, SPEECH_VERBS, TITLE_GENDER, TITLES, is_present_tense, rank_of_word, same_title, title_prefixes
from ficaudio.attribute.mentions import WORD_NAMES, NameRun, description_at, is_name_word, is_person_noun, name_runs, split_honorific, words, written_at
from ficaudio.attribute.names import clips, is_listed_given_name, is_patronymic_of, is_pet_form, name_prior
from ficaudio.models import Character, Gender

_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "into", "of", "near", "across", "toward", "towards", "through", "upon", "throughout", "outside", "beyond"})  # a place or a time
# the prepositions that rarely take a person after a common verb ("ran to Ino" and "looked at Ino" do)
_PLACE_ONLY_PREPOSITIONS = frozenset({"from", "in", "into", "near", "across", "through", "throughout", "outside", "beyond"})
_DATE_PREPOSITIONS = frozenset({"until", "till"})
_IN_A_PLACE = _PLACE_ONLY_PREPOSITIONS - {"from", "near"}  # not "from" (a text from Jess) nor "near"
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:!?…—–)\"”’]|$)")
_TITLE_SPELLING = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "dr": "Dr.", "st": "St.", "mme": "Mme.", "mlle": "Mlle."}


@dataclass
class Person:
    """A character while it is being built (mutable; frozen into a models.Character at the end)."""

    name: str
    forms: Counter = field(default_factory=Counter)  # surface form -> mentions
    gender: Gender = Gender.UNKNOWN
    gender_reason: str = ""
    known: bool = False  # from the user's voices.yaml: its name is never changed
    title: str | None = None  # "mrs" for Mrs. Bennet: keeps Mr. and Mrs. Bennet apart

    @property
    def mentions(self) -> int:
        return sum(self.forms.values())

    def freeze(self) -> Character:
        aliases = tuple(sorted({f for f in self.forms if f != self.name}, key=lambda f: (-self.forms[f], f)))
        return Character(self.name, aliases, self.gender, self.gender_reason, self.mentions)


@dataclass
class Occurrence:
    """Statistics of one surface form across the story."""

    total: int = 0
    mid_sentence: int = 0
    after_preposition: int = 0
    after_place_preposition: int = 0  # after one that rarely takes a person: "from Northgate", not "ran to Ino"
    in_a_place: int = 0  # after "in", "into", "outside" ... and no owner's 's: "in Dunmore", not "in Mara's room" (see _IN_A_PLACE)
    after_article: int = 0  # "the Hokage", "the ANBU", "a Range Rover": a role, a group or a thing, not a name
    tagged: int = 0  # next to a speech verb: "Ino said", "said Ino"
    tagged_mid: int = 0  # tagged in mid-sentence: "said Good" (never a sentence-opening "Nobody said")
    in_quote: int = 0
    tagged_by_quote: int = 0  # tagged right beside a quotation: '"Sir," said JARVIS' (not 'the screen says DEFEAT')
    called: int = 0  # a quotation opens by calling it: '"Marisol. Did you ..."' (see called_before_full_stop)
    embodied: int = 0  # its own body follows it: "Orla shook her head", "Orla's eyes" (see has_own_body)
    acts: int = 0  # a verb a person does follows it in the narration: "Orla shrugged" (see acts_after)
    acts_as_person: int = 0  # of those, a sentence only a person's: "Kakashi coughed, his hand on his chest", "Kakashi sat" (see acts_as_a_person)
    before_noun: int = 0  # a noun follows it: "Chicago people", "Senior year" (see nouns_only)
    titled: Counter = field(default_factory=Counter)
    honorifics: Counter = field(default_factory=Counter)


def title_form(title: str, form: str) -> str:
    """``('mrs', 'Bennet')`` -> ``Mrs. Bennet``."""
    return f"{_TITLE_SPELLING.get(title, title.capitalize())} {form}"


_DUBBED = {"knight": ("sir ", "dame ")}
"""The titles a knight bears before the name: ``Dame Isolde`` and ``Sir Brom`` are knights."""
DUBBED = frozenset(_DUBBED)
"""The ranks a ``Sir``/``Dame`` bears (``a knight`` in the narration is someone new, not them)."""


class Roster:
    """All characters of a story and every form that names one of them."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_form: dict[str, Person] = {}
        self.apart: set[frozenset[str]] = set()  # forms that name two people
        self.speaker_nouns: frozenset[str] = frozenset()  # nouns the story's tags make speakers ("the archer")
        self.nouns: set[str] = set()  # the story's nouns (nouns_only): "the Blackwater envoy" is about an envoy
        self.families: set[str] = set()  # surnames a header lists for two people: a bare one is placed later (place_family_surnames)

    def may_join(self, person: Person, form: str) -> bool:
        """Whether ``form`` may become one more name of ``person`` (no form of theirs is kept apart from it)."""
        return not self.apart or all(frozenset((form, f)) not in self.apart for f in person.forms)

    def add(self, person: Person, forms: list[str]) -> Person:
        self.people.append(person)
        for form in forms:
            self.index(form, person)
        return person

    def index(self, form: str, person: Person, *, force: bool = False) -> None:
        """Make ``form`` (any case, periods ignored) name ``person``; first come keeps it
        (``force``: a form kept apart from its first owner moves to its own person)."""
        if force:
            self._by_form[_key(form)] = person
        self._by_form.setdefault(_key(form), person)

    def lookup(self, form: str) -> Person | None:
        return self._by_form.get(_key(form))

    def title_bearers(self, title: str) -> list[Person]:
        """The people who bear ``title`` in any of their names, written out or abbreviated:
        ``captain`` -> ``Captain Rhys``, ``Commander Hale`` who goes by ``Hale`` for
        ``commander``, ``Dr. Archie`` for ``doctor``, ``Capt Rhys`` (stored without its stop)
        for ``captain``; not a bare ``Captain``."""
        if not title:
            return []
        prefixes = title_prefixes(title) + _DUBBED.get(title, ())
        return [p for p in self.people if any(" " in f and f.lower().startswith(prefixes) for f in (p.name, *p.forms))]  # every prefix ends in a space

    def honorific_bearers(self, honorific: str) -> list[Person]:
        """The people who bear ``honorific`` (lower case) as a suffix in any of their forms:
        ``sensei`` -> ``Kurosaki`` who is called ``Kurosaki-sensei``."""
        suffix = "-" + honorific
        return [p for p in self.people if any(f.lower().endswith(suffix) for f in p.forms)]

    def sole_honorific_bearer(self, honorific: str) -> Person | None:
        """The one person a bare honorific said as a name calls (``"Why, sensei?"``, the only
        ``X-sensei``): None for a word no honorific, one borne by two or more, or a sibling's
        word (``"Hyung, wait!"``, :data:`~ficaudio.attribute.lexicon.SIBLING_HONORIFICS`), said to
        whichever older friend is there."""
        if honorific not in HONORIFIC_GENDER or honorific in SIBLING_HONORIFICS:
            return None
        bearers = self.honorific_bearers(honorific)
        return bearers[0] if len(bearers) == 1 else None

    def honorifics_called(self, quote: str) -> list[Person]:
        """The one bearer of each bare honorific a quotation calls out, at its start or after a
        comma: ``"You don't know that, senpai."`` calls the only ``X-senpai``, and so does
        ``"Why, sensei?"``.

        >>> [m.group(1) for m in _HONORIFIC_ALONE.finditer('"Why, sensei?"')]
        ['Why', 'sensei']
        """
        return [p for m in _HONORIFIC_ALONE.finditer(quote) if (p := self.sole_honorific_bearer(m.group(1).lower()))]

    def resolve_phrase(self, phrase: str) -> Person | None:
        """The person the first name in ``phrase`` refers to (:meth:`resolve`), if any."""
        runs = name_runs(words(phrase), phrase)
        return self.resolve(runs[0]) if runs else None

    def resolve(self, run: NameRun) -> Person | None:
        """The person a name run refers to: titled form first, then full name, then parts.

        ``Mrs. Bennet`` -> Mrs. Bennet; ``Kakashi-sensei`` -> Kakashi; ``Hatake`` -> Kakashi
        (when only one Hatake is known).
        """
        if run.title and (hit := self.lookup(title_form(run.title, run.form))):
            return hit
        if hit := self.lookup(run.form):
            return hit
        if len(run.words) > 1:
            return self.lookup(run.words[0]) or self.surname_owner(run.words[-1])
        return None

    def surname_owner(self, surname: str) -> Person | None:
        """Who a full name with an unknown given name is, by its surname alone: not a
        ``Mrs.``/``Ms.`` of that name, a wife or mother whose child or husband shares it
        (``"Marisol Abara."`` is not ``Ms. Abara``); anyone else who bears it."""
        person = self.lookup(surname)
        return None if person is not None and person.title in _MARRIED_TITLES and person.name == title_form(person.title, surname) else person

    def remove(self, person: Person) -> None:
        """Take ``person`` off the roster: no form names them any more."""
        self.people.remove(person)
        self._by_form = {k: p for k, p in self._by_form.items() if p is not person}

    def holds(self, person: Person) -> bool:
        """Whether ``person`` itself is still on the roster (by identity: ``in`` would compare
        every record before it field by field)."""
        return any(p is person for p in self.people)

    def by_name(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name == name), None)

    def description_person(self, phrase: str, gender: Gender) -> Person:
        """A character known only by a description (``the ANBU captain``), made on first use."""
        if person := self.lookup(phrase):
            return person
        person = self.add(Person(phrase, gender=gender, gender_reason=f"noun in '{phrase}'"), [phrase])
        return person


_MARRIED_TITLES = frozenset({"mrs", "ms"})


_DOTS_AND_SPACES = re.compile(r"[.\s]+")


def _key(form: str) -> str:
    return _DOTS_AND_SPACES.sub(" ", form.lower().replace("’", "'")).strip()


def count_forms(runs_in_narration: list[NameRun], runs_in_quotes: list[NameRun], text: str, lower_words: Counter, nouns: set[str], called: Counter | None = None, speakers: frozenset[str] = frozenset()) -> dict[str, Occurrence]:
    """Gather per-form statistics used to decide which forms are characters (``nouns``: the
    text's :func:`nouns_only`; ``called``: the names quotations open by calling,
    :func:`called_before_full_stop`; ``speakers``: the nouns the story's tags make speakers,
    :func:`~ficaudio.attribute.mentions.speaker_nouns`)."""
    stats: dict[str, Occurrence] = defaultdict(Occurrence)
    for form, count in (called or {}).items():
        stats[form].called += count
    for run, in_quote in [(r, False) for r in runs_in_narration] + [(r, True) for r in runs_in_quotes]:
        occ = stats[run.form]
        occ.total += 1
        occ.mid_sentence += not run.initial
        occ.in_quote += in_quote
        before = _word_before(text, run.start)
        occ.after_preposition += before in _PLACE_PREPOSITIONS or before in _DATE_PREPOSITIONS and ends_clause(text, run.end)
        occ.after_place_preposition += before in _PLACE_ONLY_PREPOSITIONS
        occ.in_a_place += before in _IN_A_PLACE and not is_possessive_end(text, run.end) and text[run.end:run.end + 2] not in ("'s", "’s")
        occ.after_article += (after_article(text, run.start) or after_count(text, run.start)) and not run.title
        occ.tagged += (not in_quote) and _is_tagged(text, run)
        occ.tagged_mid += (not in_quote) and not run.initial and _is_tagged(text, run)
        occ.tagged_by_quote += (not in_quote) and _is_tagged(text, run) and beside_quotation(text, run)
        occ.embodied += (not in_quote) and (has_own_body(text, run.end) or run.initial and role_after_name(text, run.form, run.end, speakers) is not None)
        occ.before_noun += before_noun(text, run, nouns)
        acts = (not in_quote) and acts_after(text, run.end)
        occ.acts += acts
        occ.acts_as_person += acts and acts_as_a_person(text, run.end)
        if run.title:
            occ.titled[run.title] += 1
        if run.honorific:
            occ.honorifics[run.honorific] += 1
    return stats


_HONORIFIC_ALONE = letters.compile(r"(?:^\W*|,\s*)([A-Za-z]+)\s*(?=[,.!?…—-]|\W*$)")  # a word said alone as a call, at a quotation's start or after a comma
_AFTER_DETERMINER = letters.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Tt]heir|[Mm]y|[Yy]our|[Oo]ur)\s+([a-z]{3,})\b")
_AFTER_SUBJECT = letters.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Yy]ou|[Ii]t)\s+([a-z]+)\b")


def nouns_only(text: str) -> set[str]:
    """The lower-case words a story writes after a determiner (``the people``) and never after
    a subject pronoun (``she smiled``): nouns, which a name does not
    stand before, so ``Chicago people`` shows a place and ``Tom smiled`` does not.

    >>> sorted(nouns_only("The people smiled. She smiled at the year. They walk to the door."))
    ['door', 'people', 'year']
    """
    return {m.group(1) for m in _AFTER_DETERMINER.finditer(text)} - {m.group(1) for m in _AFTER_SUBJECT.finditer(text)}


def before_noun(text: str, run: NameRun, nouns: set[str]) -> bool:
    """Whether a name (not a possessive) stands right before a noun, as a modifier does:
    ``Chicago people``, ``Senior year``; not ``Eileen's father``, ``Chris and Molly``.

    >>> t = "Chicago people. Eileen's father."
    >>> before_noun(t, NameRun(("Chicago",), None, None, 0, 7, True), {"people", "father"}), before_noun(t, NameRun(("Eileen",), None, None, 16, 24, True), {"people", "father"})
    (True, False)
    """
    return text[run.end:run.end + 1] == " " and not is_possessive_end(text, run.end) and _word_after(text, run.end) in nouns


_DETERMINER_BEFORE = letters.compile(rf"\b(?:{'|'.join(f'[{d[0].upper()}{d[0]}]{d[1:]}' for d in sorted(DETERMINERS, key=lambda d: (-len(d), d)))})\s[_*\"“]*$")


def modifies_noun(text: str, run: NameRun, nouns: set[str]) -> bool:
    """Whether a name stands between a determiner and a noun, as a modifier does: ``The
    Blackwater envoy``, ``the Lebrun cottages``, ``that Pruett boy`` speak of the envoy, the
    cottages, the boy -- no mention of a person called so; ``with her, Orrey last`` and
    ``told her Orrey`` are no such phrase.

    >>> t = "The Blackwater envoy bowed. She left with her, Orrey last."
    >>> runs = [NameRun(("Blackwater",), None, None, 4, 14, False), NameRun(("Orrey",), None, None, 43, 48, False)]
    >>> [modifies_noun(t, r, {"envoy", "last"}) for r in runs]
    [True, False]
    """
    return bool(_DETERMINER_BEFORE.search(text, max(0, run.start - 10), run.start)) and before_noun(text, run, nouns)


def is_possessive_end(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` ends in ``'s``/``’s`` (owner or contraction: see
    :func:`~ficaudio.attribute.document.is_possessive_name`)."""
    return text[max(0, end - 2):end] in ("'s", "’s")


_LAST_WORD = letters.compile(r"([A-Za-z]+)[^A-Za-z.!?]*$")
_FIRST_WORD = letters.compile(r"[^\w.!?]*?([A-Za-z]+)")


_ARTICLE_BEFORE = letters.compile(r"\b(?:[Tt]he|[Aa]n?)(?:\s[\s_*\"“‘'(]*|\s*(?:[—–]|--)\s*)$")


def after_article(text: str, position: int) -> bool:
    """Whether an article comes right before ``position``: ``the Hokage`` (a role), ``a Range
    Rover``, ``an Elphberg`` (a thing, one of a family) -- not a person's name; ``an' Burt``
    (dialect for ``and``) has none.

    >>> after_article("park a Range Rover", 7), after_article("Shady an' Burt", 15), after_article("the _Lusitania_", 4), after_article('the "Red Death"', 5)
    (True, False, True, True)
    >>> after_article("the ‘Red Death’", 5), after_article("the 'Red Death'", 5), after_article("the—Hokage", 4), after_article("Then Hokage", 5)
    (True, True, True, False)
    >>> after_article("the--Hokage", 5), after_article("the -- Hokage", 7)
    (True, True)
    """
    return bool(_ARTICLE_BEFORE.search(text, max(0, position - 8), position))


_COUNT_BEFORE = letters.compile(r"(?<![\w-])(?:([A-Za-z]+)[ \t]+)?(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Tt]wenty|[Hh]undred|[Dd]ozen|[Ss]everal)[ \t]$")
_CLOCK_BEFORE = frozenset("at by until till before after around about since past half quarter to nearly almost gone".split())


def after_count(text: str, position: int) -> bool:
    """Whether a number of them comes right before ``position``: ``two Qesh attendants``,
    ``four Vulcans``, ``between two Kurogane defenders`` -- a kind, a people or a team counted,
    not a person's name; a clock time (``At six Mara left``, ``half eleven Marcus comes``,
    ``quarter to two Jo``) is no count, nor a heading's number on the line before (``Chapter
    Two`` then ``Neville was...``).

    >>> t = "the two Qesh attendants; At six Mara left; half eleven Marcus comes; quarter to two Jo; Chapter Two\\nNeville; Bryn"
    >>> [after_count(t, t.index(w)) for w in ("Qesh", "Mara", "Marcus", "Jo", "Neville", "Bryn")]
    [True, False, False, False, False, False]
    """
    found = _COUNT_BEFORE.search(text, max(0, position - 20), position)
    return found is not None and (found.group(1) or "").lower() not in _CLOCK_BEFORE


def _word_before(text: str, position: int) -> str:
    """The word before ``position`` in its sentence (``finish. Green lights`` has none), letters
    only; unlike :func:`mentions.word_before`, which keeps a word's punctuation and crosses a
    sentence's end.

    >>> _word_before("said _Tom_", 6), _word_before("Idris let it finish. Green lights", 21)
    ('said', '')
    """
    # "[^A-Za-z]" and not "\W": "the _Lusitania_" (italics) must still see "the"
    m = _LAST_WORD.search(text[max(0, position - 30):position])
    return m.group(1).lower() if m else ""


def _word_after(text: str, position: int) -> str:
    """The word after ``position`` in its sentence: ``Tom said`` -> ``said``; ``Tom. Said`` -> none."""
    m = _FIRST_WORD.match(text[position:position + 30])
    return m.group(1).lower() if m else ""


def beside_quotation(text: str, run: NameRun) -> bool:
    """Whether a quotation mark is within a few words of a run, in its paragraph: ``"Sir," said JARVIS``.

    >>> t = '"Sir," said JARVIS. The screen says DEFEAT in red.'
    >>> beside_quotation(t, NameRun(("JARVIS",), None, None, 12, 18, False)), beside_quotation(t, NameRun(("DEFEAT",), None, None, 36, 42, False))
    (True, False)
    """
    before = text[max(0, run.start - 15):run.start].rsplit("\n", 1)[-1]
    after = text[run.end:run.end + 15].split("\n", 1)[0]
    return bool(re.search(r"[\"“”]", before + after))


_OWN_BODY_AFTER = letters.compile(rf"(?:['’]s|\s+(?!(?:by|with|in|on|of|at|to|from|for|into|over|under|against)\b)[a-z]+\s+(?:his|her))\s+(?:{'|'.join(sorted(BODY_PARTS))})\b")


def has_own_body(text: str, end: int) -> bool:
    """Whether a name is followed by its own body, a person's sign: ``Orla shook her head``,
    ``Orla's eyes sting`` (not ``Mars is older``, nor ``Judging by her face``).

    >>> t = "Orla shook her head. Orla’s eyes sting. Mars is older. Judging by her face"
    >>> has_own_body(t, 4), has_own_body(t, 25), has_own_body(t, 44), has_own_body(t, 62)
    (True, True, False, False)
    """
    return bool(_OWN_BODY_AFTER.match(text, end))


_THE_AFTER_NAME = letters.compile(r" the [a-z]")
_OF_AFTER = letters.compile(r" of\b")
_OPENING_ADVERBS = frozenset("""upstairs downstairs outside inside indoors outdoors together alone underneath
overhead nearby elsewhere somewhere everywhere meanwhile afterwards afterward sometimes today tonight
tomorrow yesterday later soon once again still instead whenever wherever however otherwise""".split())


def role_after_name(text: str, name: str, end: int, nouns: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The role a name opening a sentence holds in close apposition (no comma): ``Osric the
    herald had a voice like a bell.`` -> ``('the herald', 'herald')``, a person noun or one the
    tags make a speaker (``nouns``); ``the herald of the king`` is not one. The word must be a
    name (:func:`may_be_name`), not an adverb opening the sentence (``Apparently the ferryman
    had``, ``Upstairs the floor creaked``).

    >>> t = "Osric the herald had a voice. Upstairs the guard was asleep. Osric the"
    >>> role_after_name(t, "Osric", 5, frozenset({"herald"})), role_after_name(t, "Osric", 5), role_after_name(t, "Upstairs", 38), role_after_name(t, "Osric", 68)
    (('the herald', 'herald'), None, None, None)
    """
    if not _THE_AFTER_NAME.match(text, end):
        return None
    found = description_at(text[end + 1:end + 80], nouns)
    after = end + 1 + len(found[0]) if found else end
    if found is None or _OF_AFTER.match(text, after) or not text.startswith(" ", after):
        return None
    return found if " " in name or may_be_name(text, name) else None


def may_be_name(text: str, word: str, *, strict: bool = False) -> bool:
    """Whether a word opening a sentence may be a name: never written in lower case, and
    either a name the first-names list knows, or one the text capitalises in the middle of a
    sentence, or else (unless ``strict``) no ``-ly`` word nor adverb of place or time
    (``Apparently``, ``Upstairs``, ``Together``): a short fic may never write those in lower case.
    ``strict`` is for words that open greetings (``"Welcome. Nice to meet you."``, ``Morning``,
    ``Likewise``): only a listed name or one written mid-sentence counts.

    >>> may_be_name("", "Osric"), may_be_name("", "Apparently"), may_be_name("", "Upstairs"), may_be_name("Perhaps. it was perhaps", "Perhaps")
    (True, False, False, False)
    >>> may_be_name("Morning came.", "Morning", strict=True), may_be_name("She met Dennis.", "Dennis", strict=True), may_be_name("Ask Quillon.", "Quillon", strict=True)
    (False, True, True)
    """
    if not is_name_word(word) or _written_where(text, word.lower(), lambda before: not before[-1:].isalpha()):
        return False
    if is_listed_given_name(word) or _written_where(text, word, lambda before: before[-1:] == " " and before[-2:-1] in _MID_SENTENCE_BEFORE):
        return True
    return not strict and not word.lower().endswith("ly") and word.lower() not in _OPENING_ADVERBS


_MID_SENTENCE_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz,;:")


def _written_where(text: str, word: str, fits: Callable[[str], bool]) -> bool:
    """Whether ``text`` writes ``word`` as a whole word with the two characters before it
    ``fits`` (found by ``str.find``: a pattern search over a novel for each word costs more)."""
    return any(not text[at + len(word):at + len(word) + 1].isalpha() and fits(text[max(0, at - 2):at]) for at in written_at(text, word))


def is_tagged(text: str, run: NameRun) -> bool:
    """A name right before or after a speech verb: ``Ino said``, ``said Ino``."""
    return _is_tagged(text, run)


def _is_tagged(text: str, run: NameRun) -> bool:
    return _word_before(text, run.start) in SPEECH_VERBS or _word_after(text, run.end) in SPEECH_VERBS


def is_character_form(form: str, occ: Occurrence, lower_words: Counter) -> bool:
    """Whether a capitalised form names a person.

    ``Kakashi`` seen 12 times mid-sentence is; ``Konoha`` (mostly after ``in``/``to``) and
    ``Well`` (also written ``well``) are not; one ``Mr. Morris`` is (the title says so).
    """
    words = form.split()
    if not all(is_name_word(w) or w.lower() in WORD_NAMES for w in words) or is_non_person_form(form, occ):
        return False
    if is_bare_letter(form, occ):
        return False
    if occ.called and form.lower() in KIN_NAMES:
        return True  # "I'm in a match, Mom!": a kinship word called is a person, though "my mom" is written too
    if len(words) == 1 and (lower_words[form.lower()] * 2 > occ.total or form.lower() in WORD_NAMES) and not word_made_person(occ):
        return False  # an ordinary word that starts sentences ("Still", "Nobody"), a weekday
    if len(words) == 1 and form.lower() in MONTH_GIVEN_NAMES and not (occ.in_quote or word_made_person(occ)):
        return False  # "one afternoon in early June": a month the narration dates things by
    if occ.after_article * 2 >= occ.total:
        return False  # "the Hokage": a title, handled as a description
    evidence = sum(occ.titled.values()) + sum(occ.honorifics.values()) + occ.tagged + occ.embodied
    if (evidence or is_called_person(occ)) and not named_in_passing(occ):
        return True
    if (occ.after_preposition + occ.before_noun) * 2 >= occ.total:
        return False  # a place or a modifier: "in Konoha", "to London", "Chicago people"
    if occ.in_a_place >= 2 and not occ.acts:
        return False  # "outside Dunmore", "plus nine in Dunmore", and it never does a thing: a place talked about
    return occ.mid_sentence >= 1 and occ.total >= 2 or occ.mid_sentence >= 2 or opens_sentences_as_a_name(form, occ, lower_words)


def is_called_person(occ: Occurrence) -> bool:
    """A word a quotation opens by calling (``"Ino. Wait for me."``) is a person, unless the text
    otherwise writes it after a preposition that rarely takes a person: a place said as a topic,
    ``"Transferred from Northgate."`` ... ``"Northgate. Is it true ...?"``. ``Kiba ran to Ino``
    and ``looked at Ino`` keep Ino a person: people are run to and looked at. (``occ.called``
    counts only a call closed by a full stop, :func:`called_before_full_stop`.)

    >>> is_called_person(Occurrence(total=2, called=1, after_place_preposition=1)), is_called_person(Occurrence(total=3, called=1, after_place_preposition=1))
    (False, True)
    >>> is_called_person(Occurrence(total=2, called=1, after_preposition=1)), is_called_person(Occurrence(total=2))
    (True, False)
    """
    return occ.called > 0 and occ.after_place_preposition * 2 < occ.total


def ends_clause(text: str, end: int) -> bool:
    """Whether the clause ends right after a name: ``until Lady Day.`` is a date, while ``until
    Mr. Hale came home`` and ``till Mara left`` have a person who starts a clause.

    >>> t = "They waited until Lady Day. She sat until Mara left."
    >>> ends_clause(t, t.index("Day") + 3), ends_clause(t, t.index("Mara") + 4)
    (True, False)
    """
    return _CLAUSE_ENDS.match(text, end) is not None


def opens_sentences_as_a_name(form: str, occ: Occurrence, lower_words: Counter) -> bool:
    """A one-word given name a first-names list knows, opening two sentences of the narration or
    more and never written in lower case, is a person though no sentence has it mid-way, if one
    opening shows it doing what a person does: ``Teo sat on the wall.`` ... ``Teo shrugged.``
    (``Will``, ``May``, ``Grace`` are written lower case too; a quotation's ``"Night."`` is no
    narration; ``Paris was grey.`` ... ``Paris always was.`` is a place: :func:`acts_after`).
    A listed name that is also such a word (``Rain``, ``Dawn``, ``Summer``) needs a sentence only a
    person's: ``Rain drummed on the glass. Rain lashed the garden.`` is the weather, ``Dawn sat
    on the wall.`` a woman. A name no list knows needs two such openings (``Kakashi coughed.`` ... ``Kakashi watched
    her work.``: a short scene names its people only at sentence starts), and a number is none
    (``Twelve wolves sat``, ``Twelve pairs of eyes``: a plural noun reads like a verb in ``-s``).
    One of the two must be a sentence only a person's (:func:`acts_as_a_person`): ``Thunder
    rolled ... Thunder cracked again``, ``Hogwarts loomed ... Hogwarts welcomed them back`` are
    no one; nor is an adverb (``Upstairs creaked. Upstairs groaned``), nor a feeling, the
    weather or a time of day a writer makes act (``Panic gripped her. Panic clawed at her
    throat``: :data:`~ficaudio.attribute.lexicon.PERSONIFIED_NOUNS`).

    >>> opens_sentences_as_a_name("Teo", Occurrence(total=2, acts=1), Counter()), opens_sentences_as_a_name("Night", Occurrence(total=2, in_quote=2, acts=1), Counter())
    (True, False)
    >>> opens_sentences_as_a_name("Paris", Occurrence(total=2), Counter())
    False
    >>> [opens_sentences_as_a_name(w, Occurrence(total=2, acts=2, acts_as_person=p), Counter()) for w, p in (("Rain", 0), ("Dawn", 1))]
    [False, True]
    >>> [opens_sentences_as_a_name(w, Occurrence(total=2, acts=n, acts_as_person=p), Counter()) for w, n, p in (("Kakashi", 2, 1), ("Kakashi", 1, 1), ("Twelve", 2, 2), ("Thunder", 2, 0), ("Upstairs", 2, 1), ("Panic", 2, 2), ("Exhaustion", 2, 2))]
    [True, False, False, False, False, False, False]
    """
    return " " not in form and occ.total - occ.in_quote >= 2 and not lower_words[form.lower()] \
        and (occ.acts > 0 and is_listed_given_name(form) and (form.lower() not in PERSONIFIED_NOUNS or occ.acts_as_person > 0)
             or occ.acts >= 2 and occ.acts_as_person > 0 and form.lower() not in _NEVER_OPENING_NAMES
             and not form.lower().endswith(_ABSTRACT_ENDINGS))


_VERB_AFTER = letters.compile(r"\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_ANY_SUBJECT_VERBS = frozenset("""
is was are were be been has had have came comes meant means seemed seems looked looks became becomes remained remains
ended ends began begins lay lies fell falls went goes passed passes arrived arrives stayed stays turned turns always
""".split())
_PERSON_IRREGULAR_PASTS = frozenset("sat stood knelt ran held shook took gave made thought knew felt saw heard kept spoke told said got put".split())


_NEVER_OPENING_NAMES = NUMBER_WORDS | _OPENING_ADVERBS | PERSONIFIED_NOUNS  # words that open sentences doing things and name no one


def acts_after(text: str, end: int) -> bool:
    """Whether the word after a name is a verb a person does (``Teo shrugged``, ``Teo sat``,
    ``Teo quietly grins``), not one any subject takes (``Paris was grey``, ``Easter came early``).

    >>> t = "Teo shrugged. Teo quietly grins. Paris was grey. Easter came early. Paris always was."
    >>> [acts_after(t, t.index(w, k) + len(w)) for w, k in (("Teo", 0), ("Teo", 5), ("Paris", 0), ("Easter", 0), ("Paris", 40))]
    [True, True, False, False, False]
    """
    m = _VERB_AFTER.match(text, end)
    if m is None or (w := m.group(1)) in _ANY_SUBJECT_VERBS:
        return False
    return w.endswith("ed") or w in SPEECH_VERBS or w in _PERSON_IRREGULAR_PASTS or is_present_tense(w)  # w is letters: no "'s"


_ABSTRACT_ENDINGS = ("ness", "tion", "sion", "ity", "ment", "ism")
"""Endings of abstract nouns a writer makes act (``Exhaustion dragged at him.``,
``Loneliness followed her home.``), which no name no list knows ends in."""


_PERSON_PRONOUN = letters.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.IGNORECASE)


def acts_as_a_person(text: str, end: int) -> bool:
    """Whether the sentence a name opens is a person's: its verb is one of speaking or a
    person's own (``sat``, ``knelt``, ``said``), or the sentence goes on with a person's pronoun
    (``Kakashi coughed, his hand on his chest.``, ``Aziraphale fussed with his waistcoat.``);
    not ``Thunder cracked again, closer.``, nor ``Hogwarts welcomed them back the way it
    always did.`` (what only acts on a person, ``Panic gripped her.``, is told by
    :data:`~ficaudio.attribute.lexicon.PERSONIFIED_NOUNS`).

    >>> t = "Kakashi coughed, his hand on his chest. Thunder cracked again. Kakashi sat. Hogwarts welcomed them."
    >>> [acts_as_a_person(t, t.index(w) + len(w.split()[0])) for w in ("Kakashi", "Thunder", "Kakashi sat", "Hogwarts")]
    [True, False, True, False]
    >>> t = "Ravenhold shook as the riders came. Meridian ran on solar power."
    >>> [acts_as_a_person(t, t.index(w) + len(w)) for w in ("Ravenhold", "Meridian")]
    [False, False]
    """
    m = _VERB_AFTER.match(text, end)
    if m is not None and (m.group(1) in SPEECH_VERBS or m.group(1) in _ONLY_A_PERSON_PASTS):
        return True
    stop = _SENTENCE_STOP.search(text, end)
    return bool(_PERSON_PRONOUN.search(text, end, stop.start() if stop else len(text)))


_SENTENCE_STOP = letters.compile(r"[.!?…]")
_ONLY_A_PERSON_PASTS = frozenset("sat stood knelt spoke said told thought knew felt saw heard".split())
"""Verbs of :data:`_PERSON_IRREGULAR_PASTS` a place or a thing does not take as their subject
(``Hogwarts shook``, ``the engine ran``, ``the dam held`` are no people)."""


def is_word_called_once(form: str, occ: Occurrence, forms) -> bool:
    """A word met once in the whole story, as a call, that no first-names list knows and no other
    name starts with or contains is an ordinary word, not a person: ``"Understood. Manage the
    fronts."``, ``"Affirmative. Hold position."``. (``"Dec. Look at me."`` beside ``Declan`` and
    ``"Achterberg. Your boyfriend's here."`` beside ``Owen Achterberg`` stay names.)

    >>> once = Occurrence(total=1, called=1)
    >>> is_word_called_once("Understood", once, {"Emil": None}), is_word_called_once("Dec", once, {"Declan": None})
    (True, False)
    >>> is_word_called_once("Achterberg", once, {"Owen Achterberg": None}), is_word_called_once("Mari", once, {})
    (False, False)
    """
    if not (occ.total == occ.called == 1 and " " not in form) or occ.tagged or occ.titled or occ.honorifics or occ.embodied:
        return False
    if form.lower() in KIN_NAMES:
        return False  # "Mom. Are you home?"
    if any(other != form and (other.startswith(form) or form in other.split()) for other in forms):
        return False
    return not is_listed_given_name(form)


def is_bare_letter(form: str, occ: Occurrence) -> bool:
    """A single capital letter is a subsection, a grade or a crossword's clue (``subsection C``,
    ``Starts with a P``), not a person, unless a title or a speech tag makes it one (``said K``).

    >>> is_bare_letter("C", Occurrence(total=2, mid_sentence=2)), is_bare_letter("K", Occurrence(total=2, tagged=1)), is_bare_letter("Ino", Occurrence(total=2))
    (True, False, False)
    """
    return len(form) == 1 and not (occ.tagged or occ.titled)


def named_in_passing(occ: Occurrence) -> bool:
    """A titled name met once, after a preposition, never tagged (``faith in Mother Church``,
    ``the beauty of St. John``): a figure the narration alludes to, not a character.

    >>> named_in_passing(Occurrence(total=1, after_preposition=1, titled=Counter({"st": 1})))
    True
    >>> named_in_passing(Occurrence(total=1, titled=Counter({"mr": 1}))), named_in_passing(Occurrence(total=2, after_preposition=2, titled=Counter({"mr": 2})))
    (False, False)
    """
    return occ.total == 1 and occ.after_preposition == 1 and not occ.tagged


def word_made_person(occ: Occurrence) -> bool:
    """A surname that is also an ordinary word (``good``, ``young``, ``brown``) is a person once
    a title names it (``Mr. Good``) or a speech tag makes it a speaker in mid-sentence
    (``said Good``); a sentence-opening ``Nobody said`` proves nothing.

    >>> word_made_person(Occurrence(total=5, tagged_mid=1)), word_made_person(Occurrence(total=5, tagged=1))
    (True, False)
    >>> word_made_person(Occurrence(total=3, titled=Counter({"mr": 1})))
    True
    """
    return occ.tagged_mid >= 1 or sum(occ.titled.values()) >= 1


def is_non_person_form(form: str, occ: Occurrence) -> bool:
    """Capitalised forms that name places, peoples or nothing at all.

    ``Front Street``, ``Norcombe Hill``, ``New York`` (place words), ``Team Kurosaki`` (a
    group), ``American`` (a demonym) and ``Presently`` (an adverb that only ever starts sentences) are not characters;
    a listed given name ending in ``-ly`` (``Lily looked up.``) is no adverb.

    >>> is_non_person_form("Norcombe Hill", Occurrence(total=3, mid_sentence=3)), is_non_person_form("Team Kurosaki", Occurrence(total=3, mid_sentence=2))
    (True, True)
    >>> is_non_person_form("Presently", Occurrence(total=2, mid_sentence=0))
    True
    >>> is_non_person_form("Molly", Occurrence(total=4, mid_sentence=3)), is_non_person_form("Lily", Occurrence(total=3, mid_sentence=0))
    (False, False)
    """
    words = form.lower().split()
    if sum(occ.titled.values()) * 2 > occ.total:
        return False  # "Mrs. Hall", "Mr. English": a title makes a person of any word
    if is_interface_label(form, occ):
        return True
    if words[-1] in PLACE_WORDS and not (len(words) == 1 and occ.tagged_by_quote):
        return True  # not "Heath", "Lane", "Park" alone beside a quotation: '"I need to talk to Cliff," Heath said.'
    if any(w in DEMONYMS for w in words) and not occ.tagged:
        return True  # a nickname such as "Irish" shows itself as the subject of "said"
    if len(words) > 1 and words[0] in _PLACE_OR_GROUP_OPENINGS and not _titles_a_person(words[1]):
        return True  # "New York", "Team Kurosaki": a place, a group; "Squad Leader Ames" is a person
    return len(words) == 1 and words[0].endswith("ly") and occ.mid_sentence == 0 and not is_listed_given_name(form)


_PLACE_OR_GROUP_OPENINGS = PLACE_PREFIXES | GROUP_PREFIXES


def _titles_a_person(word: str) -> bool:
    """Whether the word after a group word makes the form a person's title: ``Squad Leader
    Ames``, ``Clan Chief Moira``, ``Team Captain Rogers`` (not ``Team Kurosaki``).

    >>> _titles_a_person("leader"), _titles_a_person("captain"), _titles_a_person("kurosaki")
    (True, True, False)
    """
    return word in TITLES or is_person_noun(word)


def is_interface_label(form: str, occ: Occurrence) -> bool:
    """A word written only in capitals that no speech tag beside a quotation makes a speaker
    is a label, an overlay or a shout (``The overlay says LIVE in red``, ``The screen says
    DEFEAT``, ``BREAKING``), not a character; ``"Sir," said JARVIS`` is one.

    >>> is_interface_label("LIVE", Occurrence(total=1, mid_sentence=1, tagged=1)), is_interface_label("JARVIS", Occurrence(total=1, tagged=1, tagged_by_quote=1))
    (True, False)
    >>> is_interface_label("Molly", Occurrence(total=4, mid_sentence=3)), is_interface_label("I", Occurrence(total=9))
    (False, False)
    """
    return len(form) > 1 and form.replace(" ", "").isupper() and not occ.tagged_by_quote


def run_key(run: NameRun) -> str:
    """The form a run adds to a person: ``Miss Agatha`` (titled) or ``Kakashi``."""
    return title_form(run.title, run.form) if run.title else run.form


def is_vocative_run(text: str, run: NameRun, quote_start: int) -> bool:
    """A name run inside a quotation that addresses someone: at the quotation's start or after
    a comma, and followed by a comma, ``?``, ``!`` or ``.``; or opening a sentence (after a
    cry, a question or a full stop) and followed by a comma (``"Left! Maelis, left!"``,
    ``"Good. Ferryman, warehouse."``).

    >>> t = '"For whom is this, Miss Agatha?" said Miss Thornbury.'
    >>> is_vocative_run(t, NameRun(("Agatha",), "miss", None, 19, 30, False), 0)
    True
    >>> is_vocative_run('"Ask Miss Agatha."', NameRun(("Agatha",), "miss", None, 5, 16, False), 0)
    False
    """
    before = text[quote_start:run.start].rstrip()
    opens = not before.strip("\"“‘'_ ")
    after = text[run.end:run.end + 1]
    return (opens or before.endswith(",")) and after in (",", "?", "!", ".") or before.endswith(("!", "?", ".")) and after == ","


_NAME_STOP = letters.compile(r"^\W*((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\.\s+(\S.*)$", re.DOTALL)
_SECOND_PERSON = letters.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
_ITS_ME = letters.compile(r"it['’]s\s+me\b", re.IGNORECASE)
_TOPIC_PRONOUNS = frozenset({"he", "she", "they", "his", "her", "their", "he's", "she's", "he’s", "she’s"})
_IMPERATIVES = frozenset("tell look come go get sit stand wait listen stop take give let help run hold stay leave keep put open follow watch answer say move hurry bring try don't don’t do".split())


def called_before_full_stop(quote: str) -> list[str]:
    """A quotation that opens on a name and a full stop calls that person when what follows
    speaks to someone (``you``, or an order): ``"Mari. Tell him."``, ``"Marisol. Did you take
    the chicken out?"``, ``"Marco. It's me."`` (a caller announcing themselves to the one
    named); not a self-introduction or a report (``"Marrow. Brynn Marrow. Ninth
    Company."``, ``"Jonah. We met at Shay's graduation."``, ``"Static. Alive."``), nor a name
    the next sentence takes up as its subject (``"Aya. She likes you."``).

    >>> called_before_full_stop('"Mari. Tell him."'), called_before_full_stop('"Achterberg. Your boyfriend’s here."')
    (['Mari'], ['Achterberg'])
    >>> called_before_full_stop('"Jonah. We met at Shay’s graduation."'), called_before_full_stop('"Marrow. Brynn Marrow. You know me."')
    ([], [])
    >>> called_before_full_stop('"Aya. She likes you."'), called_before_full_stop('"Ann. Tell Annika I said so."')
    ([], ['Ann'])
    >>> called_before_full_stop('"Kaito. Did he call you?"'), called_before_full_stop('"Kaito. Did you call him?"')
    ([], ['Kaito'])
    """
    opened = _name_then_rest(quote)
    if opened is None:
        return []
    name, rest, first = opened
    return [name] if _SECOND_PERSON.search(rest) or first in _IMPERATIVES or _ITS_ME.match(rest) else []


def _name_then_rest(quote: str, strip: str = "") -> tuple[str, str, str] | None:
    """``(name, what follows it, its first word in lower case, ``strip`` taken off)`` of a
    quotation that opens on a name and a full stop, when the name may be called: not one given
    again in full (``"Marrow. Brynn Marrow."``), nor one the next sentence takes up as its
    subject (``"Aya. She likes you."``) or asks about (``"Kaito. Did he call you?"``)."""
    m = _NAME_STOP.match(quote)
    if not m or not all(is_name_word(w) or w.lower().rstrip(".") in TITLES for w in m.group(1).split()):
        return None
    name, rest = m.group(1), m.group(2)
    if re.search(rf"\b{re.escape(name.split()[-1])}\b", rest):
        return None
    first = rest.split(maxsplit=1)[0].lower().strip(strip)
    if first in _TOPIC_PRONOUNS or "?" in rest and _THIRD_PERSON_SUBJECT.search(rest.split("?", 1)[0]):
        return None
    return name, rest, first


def called_before_question(quote: str) -> list[str]:
    """A quotation that opens on a name and a full stop and goes on to ask something, or to say
    ``please``, calls that person though no ``you`` says so: ``"Oren. Where did we leave the
    canoe?"``, ``"Ada. Six. Is the gate shut again?"``, ``"Lise. Please. I need one minute."`` --
    the one named is the one asked; not a name given again in full, nor one the next sentence
    takes up as its subject (as :func:`called_before_full_stop`). For the turns only: the roster
    counts no call this way (a topic said first, ``"Kitchen. Who's got the big pan?"``, asks the
    room; a word that is no one's name calls no one).

    >>> called_before_question('"Oren. Where did we leave the canoe?"'), called_before_question('"Lise. Please. I need one minute."')
    (['Oren'], ['Lise'])
    >>> called_before_question('"Brennan. Night porter at the old hotel."'), called_before_question('"Noemi. She asked for me?"'), called_before_question('"Dahl. Ivo Dahl. Ready?"')
    ([], [], [])
    >>> called_before_question('"Mum. Is she still angry?"'), called_before_question('"Oren. Did he call you?"'), called_before_question('"Oren. Did you see her?"')
    ([], [], ['Oren'])
    """
    opened = _name_then_rest(quote, strip="*_.,!\"”’'—…")
    if opened is None:
        return []
    name, rest, first = opened
    return [name] if "?" in rest or first == "please" else []


_THIRD_PERSON_SUBJECT = letters.compile(r"\b(?:is|was|did|does|do|has|had|will|would|can|could|should|isn['’]t|wasn['’]t|didn['’]t|doesn['’]t|hasn['’]t|won['’]t|can['’]t)\s+(?:he|she)\b", re.IGNORECASE)
"""A question whose subject is someone spoken of, not to: after a name and a full stop
(``"Oren. Did he call you?"``, ``"Mum. Is she still angry?"``) the name is the question's topic."""

_COPULA_BEFORE = letters.compile(r"\b(?:[Hh]e|[Ss]he) (?:is|was|became|becomes)(?: (?:just|only|still|simply|again|always))? $")


def forms_kept_apart(tag_pairs: list[tuple[NameRun, NameRun]], sentence_runs: list[list[NameRun]], text: str) -> set[frozenset[str]]:
    """Pairs of forms that name two people, whatever a shared full name suggests
    (``Miss Agatha Thornbury`` must not merge ``Miss Agatha`` with ``Miss Thornbury``):

    * a quotation tagged with one form addresses the other (``"..., Miss Agatha?" said Miss
      Thornbury``): the speaker is not the one addressed -- unless the speaker, tagged by a
      bare name, says that name with a title (``"Mister Crane," said Crane, "does not--"``);
    * both forms are named in one narration sentence, not as an apposition
      (``In Miss Agatha's eyes a letter of her sister, Miss Thornbury, ...``) nor as what a
      ``he``/``she`` is said to be (``Corvin looked at her, and for a moment he was just Cor again``),
    nor as a rank and the bare name it stands before (``Lieutenant Grogan came up the stairs, as
    only Grogan does``), nor as a given name and its pet form in a later clause
    (:func:`_pet_form_after`: ``asked Miss Sophia Farrant to dance, and Sophy, who was ...``).

    >>> a, b = NameRun(("Agatha",), "miss", None, 0, 11, False), NameRun(("Thornbury",), "miss", None, 40, 54, False)
    >>> sorted(next(iter(forms_kept_apart([(a, b)], [], ""))))
    ['Miss Agatha', 'Miss Thornbury']
    """
    apart = {frozenset((run_key(a), run_key(b))) for a, b in tag_pairs if not _calls_own_titled_name(a, b)}
    for runs in sentence_runs:
        for k, a in enumerate(runs):
            for b in runs[k + 1:]:
                if text[a.end:b.start].strip(" ,(’'s") and run_key(a) != run_key(b) and not _COPULA_BEFORE.search(text, a.end, b.start) and not _rank_and_bare_name(a, b) and not _pet_form_after(a, b, text):
                    apart.add(frozenset((run_key(a), run_key(b))))
    return {pair for pair in apart if len(pair) == 2}


_CONTRAST_BETWEEN = re.compile(r"\b(?:but|while|whereas|though|although|yet)\b|\bI\b")
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:his|her|their|its|my|our|your|the|a|an)\b")
_NAME_BETWEEN = re.compile(r"\b[A-Z]")
_NEXT_IN_A_LIST = re.compile(r"(?:,|\b(?:and|or|nor))\s*\Z")  # "..., Isolde had brought the tins, and Cora had brought nothing"


def _pet_form_after(first: NameRun, later: NameRun, text: str) -> bool:
    """Whether ``later``, one untitled word written after the FULL name ``first`` (two words or
    more, or titled; not under ``Mrs.``, where the given name may be her husband's) in a later
    clause of the sentence, has the shape of a pet form (:func:`~ficaudio.attribute.names.is_pet_form`)
    of ``first``'s given name: ``asked Miss Sophia Farrant to dance, and Sophy, who was ...`` --
    the narration giving her short name, not a second girl. Not when ``I`` or a contrast
    (``but``, ``while``, ``whereas``, ``though``) stands between, nor another name with the
    short name next in a list after it (``Corabelle Finch iced the cake, Isolde brought the
    tins, and Cora brought nothing``: three girls; ``Corisande Ashgrove listened, and Isolde
    knew that the quieter Cora got ...`` is one), nor when the short name
    takes a kinship or role apposition (``Charles Weston came in, and Charlie, his son``), nor a
    bare given name (``Charles came in, and Charlie``: father and son as often as one man).

    >>> run = lambda w, t, s, e: NameRun(w, t, None, s, e, False)
    >>> t = "Miss Sophia Farrant danced, and Sophy smiled. Corisande, Cora and Tam."
    >>> [_pet_form_after(a, b, t) for a, b in ((run(("Sophia", "Farrant"), "miss", 0, 19), run(("Sophy",), None, 32, 37)), (run(("Corisande",), None, 46, 55), run(("Cora",), None, 57, 61)))]
    [True, False]
    >>> t = "Corabelle Finch iced it, Isolde had tins, and Cora ate. Corisande Ash sat, and Isolde knew the quiet Cora was sad."
    >>> [_pet_form_after(run(w, None, s, s + n), run(("Cora",), None, e, e + 4), t) for w, s, n, e in ((("Corabelle", "Finch"), 0, 15, 46), (("Corisande", "Ash"), 56, 13, 101))]
    [False, True]
    >>> t = "Ann Weston came in, and Annie, her daughter, sat. Ann Weston sat, but Annie stood."
    >>> [_pet_form_after(run(("Ann", "Weston"), None, s, s + 10), run(("Annie",), None, e, e + 5), t) for s, e in ((0, 24), (50, 70))]
    [False, False]
    """
    full = (len(first.words) > 1 or first.title not in (None, "mr", "mrs", "ms", "miss")) and first.title != "mrs"
    between = text[first.end:later.start]
    return (
        full
        and len(later.words) == 1
        and not later.title
        and "," in between
        and bool(between.strip(" ,"))
        and not _CONTRAST_BETWEEN.search(between)
        and not (_NAME_BETWEEN.search(between) and _NEXT_IN_A_LIST.search(between))
        and not _APPOSITION_AFTER.match(text, later.end)
        and is_pet_form(later.words[0], first.words[0])
    )


def _calls_own_titled_name(tagged: NameRun, called: NameRun) -> bool:
    """Whether a speaker tagged by a bare name says that name with a title (``"Mister Crane,"
    said Crane, "does not--"``): a man speaking of himself, not calling someone else; not a
    woman's title (``"Mrs. Crane," said Crane``: a husband calling his wife).

    >>> crane, mister, mrs = NameRun(("Crane",), None, None, 20, 25, False), NameRun(("Crane",), "mister", None, 1, 13, True), NameRun(("Crane",), "mrs", None, 1, 11, True)
    >>> _calls_own_titled_name(crane, mister), _calls_own_titled_name(NameRun(("Crane",), "mrs", None, 20, 30, False), mister), _calls_own_titled_name(crane, mrs)
    (True, False, False)
    """
    return tagged.title is None and called.title is not None and TITLE_GENDER.get(called.title) is not Gender.FEMALE and tagged.words == called.words


_RANKS = NEUTRAL_TITLES - frozenset(TITLE_GENDER)  # a rank is one person's; kin share a surname, not a rank


def _rank_and_bare_name(a: NameRun, b: NameRun) -> bool:
    """Whether one run is the other's name after a rank (``Lieutenant Grogan``, ``Grogan``).

    >>> lt, bare, mrs = (NameRun(("Grogan",), t, None, 0, 6, False) for t in ("lieutenant", None, "mrs"))
    >>> _rank_and_bare_name(lt, bare), _rank_and_bare_name(bare, lt), _rank_and_bare_name(mrs, bare)
    (True, True, False)
    """
    titled, bare = (a, b) if a.title else (b, a)
    return titled.title in _RANKS and bare.title is None and titled.words == bare.words or _rank_alone(a, b) or _rank_alone(b, a)


def _rank_alone(ranked: NameRun, bare: NameRun) -> bool:
    """Whether ``bare`` is the rank, alone, that opens ``ranked`` (``Doc Lind`` ... ``Doc``).

    >>> _rank_alone(NameRun(("Doc", "Lind"), None, None, 0, 8, False), NameRun(("Doc",), None, None, 20, 23, False))
    True
    """
    return len(ranked.words) > 1 and bare.words == ranked.words[:1] and not ranked.title and not bare.title and rank_of_word(bare.words[0]) is not None


def build_roster(stats: dict[str, Occurrence], lower_words: Counter, known: list[Character], apart: set[frozenset[str]] = frozenset(), families: set[str] = frozenset(), not_people: set[str] = frozenset(), listed_givens: set[str] = frozenset()) -> Roster:
    """Turn accepted forms into people, merging full names, parts and titled forms, never two
    forms that :func:`forms_kept_apart` found to be two people, nor a bare surname the header
    lists for two people (``families``) into either; a given name the header lists
    (``listed_givens``) needs only one sentence of the story's that is a person's
    (:func:`is_listed_actor`)."""
    roster = Roster()
    roster.apart = apart
    roster.families = set(families)
    for character in known:
        _add_known(roster, character)
    places = place_short_names(stats) | set(not_people)
    borne = borne_honorifics(stats)
    accepted = {f: o for f, o in stats.items() if (is_character_form(f, o, lower_words) or names_a_bearer(f, o, borne)
                                                   or f in listed_givens and is_listed_actor(f, o, lower_words)) and f not in places}
    accepted = {f: o for f, o in accepted.items() if not is_word_called_once(f, o, stats)}
    for form in sorted(accepted, key=lambda f: (-len(f.split()), -accepted[f].total, f)):
        _place_form(roster, form, accepted[form])
    for form, occ in stats.items():
        if named_in_passing(occ) and form not in accepted:
            join_in_passing(roster, form, occ)
    merge_short_forms(roster)
    return roster


def is_listed_actor(form: str, occ: Occurrence, lower_words: Counter) -> bool:
    """A given name the header's ``Characters:`` field lists is a person when the story opens
    one sentence of the narration with it doing what a person does (:func:`acts_after`):
    ``Ada glanced up from the till. "The sign lies."``, written once, as the last beat of a
    scene (the header is the evidence :func:`opens_sentences_as_a_name` asks a second opening
    for). A word written lower case too (``Will``, ``Hope``) needs more (:func:`is_character_form`),
    and one a writer makes act (``Summer``, ``Rain``) a sentence only a person's, as in
    :func:`opens_sentences_as_a_name`.

    >>> is_listed_actor("Ada", Occurrence(total=1, acts=1), Counter()), is_listed_actor("Ada", Occurrence(total=1), Counter())
    (True, False)
    >>> is_listed_actor("Hope", Occurrence(total=1, acts=1), Counter({"hope": 2})), is_listed_actor("Summer", Occurrence(total=1, acts=1), Counter())
    (False, False)
    >>> is_listed_actor("Summer", Occurrence(total=1, acts=1, acts_as_person=1), Counter())  # "Summer sat on the steps."
    True
    """
    word = form.lower()
    return (" " not in form and occ.acts > 0 and not lower_words[word] and word not in NUMBER_WORDS | _OPENING_ADVERBS
            and (word not in PERSONIFIED_NOUNS or occ.acts_as_person > 0))


def borne_honorifics(stats: dict[str, Occurrence]) -> set[str]:
    """The honorifics a name of the story bears (``Akane-sensei`` -> ``sensei``): written bare
    and capitalised (``Sensei checked the straps``) they name a person, whom
    :func:`~ficaudio.attribute.aliases.join_bare_honorifics` finds.

    >>> sorted(borne_honorifics({"Akane": Occurrence(total=1, honorifics=Counter(sensei=1)), "Konoha": Occurrence(total=2)}))
    ['sensei']
    """
    return {h.lower() for occ in stats.values() for h in occ.honorifics if h.lower() in HONORIFIC_GENDER}  # a call's particle (``-ah``) is none


def names_a_bearer(form: str, occ: Occurrence, borne: set[str]) -> bool:
    """Whether a bare honorific is a name of the one who bears it (:func:`borne_honorifics`):
    a sibling's word (:data:`~ficaudio.attribute.lexicon.SIBLING_HONORIFICS`) only where the
    narration writes it (``Noona dropped the bags``), not one only quotations say, which calls
    whichever older friend is there (``"Hyung, wait!"``).

    >>> names_a_bearer("Sensei", Occurrence(total=2, in_quote=2), {"sensei"}), names_a_bearer("Hyung", Occurrence(total=2, in_quote=2), {"hyung"})
    (True, False)
    >>> names_a_bearer("Noona", Occurrence(total=2, in_quote=1), {"noona"}), names_a_bearer("Hyung", Occurrence(total=1), set())
    (True, False)
    """
    word = form.lower()
    return word in borne and not (word in SIBLING_HONORIFICS and occ.in_quote >= occ.total)


_AT_A_PLACE = r"(?:\b(?:was|were|is|are|been|be|being|am)\s+(?:at|in)|\b(?:[Tt]hroughout|[Oo]utside|[Bb]eyond))\s+"  # not "across": "Lucia reached across Tom"


def written_as_place(text: str, name: str) -> bool:
    """Whether the text writes ``name`` where a place goes: after ``was at``/``were in``
    (``Halloway was at Tarrow Ford``) or a preposition that takes no person (``outside``,
    ``beyond``, ``throughout``; not ``across``, which does: ``Lucia reached across Tom for the
    potatoes``), not as an owner (``outside Mara's door``); not after
    ``from`` or ``near``, which take people (``a text from Jess``, ``the letter was from Jess``,
    ``he was near Jess``). A quotation that is such a name answers where, not who (``"Tarrow
    Ford," he said quietly``).

    >>> written_as_place("Halloway was at Tarrow Ford.", "Tarrow Ford"), written_as_place("She smiled at Tom Reyes.", "Tom Reyes")
    (True, False)
    >>> written_as_place("He leaned across Mara Quill's desk.", "Mara Quill"), written_as_place("They camped outside Esk.", "Esk")
    (False, True)
    >>> written_as_place("Lucia reached across Tom for the potatoes.", "Tom")
    False
    >>> written_as_place("The letter was from Jess Amory.", "Jess Amory")
    False
    """
    return any(text.startswith(name, at) and _NOT_AN_OWNER.match(text, at + len(name)) for at in _place_openings(text))


_NOT_AN_OWNER = re.compile(r"\b(?!['’]s\b)")


@lru_cache(maxsize=4)
def _place_openings(text: str) -> tuple[int, ...]:
    """Where a word after a place's preposition starts (:func:`written_as_place`), found once per text."""
    return tuple(m.end() for m in re.finditer(_AT_A_PLACE, text))


_AT_A_PLACE_RUN = re.compile(_AT_A_PLACE + r"([A-Z][a-z][\w-]*(?: [A-Z][a-z][\w-]*)*)(['’]s\b)?")


def written_places(text: str, stats: dict[str, Occurrence]) -> set[str]:
    """Forms the text writes where a place goes (:func:`written_as_place`: ``Halloway was at
    Tarrow Ford``) that no tag, title, body or call makes a person and that never does what a
    person does (``Lucia reached across Tom for the potatoes`` ... ``Tom shrugged``: a person).

    >>> sorted(written_places("Halloway was at Tarrow Ford. Mara was at Tom's side.", {"Tarrow Ford": Occurrence(total=2), "Tom": Occurrence(total=1)}))
    ['Tarrow Ford']
    """
    written = set()
    for m in _AT_A_PLACE_RUN.finditer(text):
        names = m.group(1).split()
        written |= {" ".join(names[:n]) for n in range(1, len(names) + 1) if not (n == len(names) and m.group(2))}
    return {f for f in written if (o := stats.get(f)) is not None and not (o.tagged or o.embodied or o.called or sum(o.titled.values()))}


_NAME = r"([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)"
_CALLED_NAME = letters.compile(r"\b(?:called|named)\s+" + _NAME + r"\b")
_KIND_BEFORE = letters.compile(r"\b(?:[Aa]n?|[Tt]he|[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our|[Tt]hat|[Tt]his)\s+(?:[\w-]+\s+){0,3}?([A-Za-z-]+)\s+$")
_NAME_THE_ANIMAL = letters.compile(_NAME + r"(?:\s+[Tt]he\s+([A-Z][a-z-]+)\b|,\s+the\s+(?:[A-Za-z-]+\s+){0,2}?([A-Za-z-]+)(?=[,.;]))")
_NAME_WAS_ANIMAL = letters.compile(_NAME + r"\s+(?:was|is)\s+(?:the|my|his|her|their|our)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\b")
_ANIMAL_BODY_OF = letters.compile(_NAME + r"(?:['’]s\s+|\s+[a-z]+\s+(?:[a-z]+\s+)?(?:his|her|its)\s+)(?:[a-z-]+\s+){0,2}?(" + "|".join(sorted(ANIMAL_BODY)) + r")\b")


def is_animal_noun(word: str) -> bool:
    """An animal's noun, or a capitalised compound ending in one (``Thunderhawk``, a made-up
    species of a monster-catching fandom), never a creature fiction makes talk.

    >>> is_animal_noun("goose"), is_animal_noun("Geese"), is_animal_noun("Thunderhawk"), is_animal_noun("dragon"), is_animal_noun("Scat")
    (True, False, True, False, False)
    """
    low = word.lower()
    if low in ANIMAL_NOUNS or low.endswith("s") and low[:-1] in ANIMAL_NOUNS:
        return True
    return word[:1].isupper() and any(low.endswith(a) and len(low) - len(a) >= 3 for a in ANIMAL_NOUNS if len(a) >= 4)


_WORD = re.compile(r"[A-Za-z][a-z-]+")


def _animal_in_paragraph(text: str, start: int, end: int) -> bool:
    """Whether the paragraph of an animal's body part (``Biscuit's paws``) names an animal too
    (``fifty pounds of basset hound``, ``With Thunderhawks it's hard to tell``): feathers,
    hooves, paws and talons alone are also an angel's, a centaur's, a werewolf's, a harpy's,
    and those talk (``Aziraphale ruffled his feathers``, ``Firenze's hooves rang``, ``Derek's
    paws tore up the leaves``)."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para = text[para_start:para_end if para_end >= 0 else len(text)]
    return any(is_animal_noun(w) or w[:1].isupper() and w.endswith("s") and is_animal_noun(w[:-1]) for w in _WORD.findall(para))


_PEOPLE_CALLED = frozenset("rat snake pig chicken goat lamb sheep mouse fox dog bull cow hog sow mule donkey toad ox bear".split())
"""Animals a person is said to be, lower-case, in a sentence about what kind of person they are: ``Vinnie was the
rat`` (who talked to the police), ``Dana was the snake``, ``Marco, the pig,``."""


def _said_of_people(noun: str) -> bool:
    """Whether ``N was the <noun>`` or ``N, the <noun>,`` may say what a person is (:data:`_PEOPLE_CALLED`);
    ``Admiral the Goose``, a capitalised epithet, names an animal all the same."""
    return noun in _PEOPLE_CALLED or noun.endswith("s") and noun[:-1] in _PEOPLE_CALLED


def animal_names(text: str, stats: dict[str, Occurrence]) -> set[str]:
    """One-word names the text gives an animal and no quotation's tag makes a speaker: the
    name after ``a <animal> called/named`` (``a tabby named Admiral``), before ``the <animal>``
    (``Admiral the Goose``), said to be one (``Admiral was the goose``), or owning what only an
    animal has (``Biscuit's tail``, ``Verity ruffles her feathers``). A pet, a mount, a monster
    caught and trained is no voice; a talking cat who ``said`` a line beside a quotation
    (``tagged_by_quote``) keeps its voice, and so does a role written mostly after ``the``
    (``the Keeper's feathers``: a description).

    >>> t = "Her partner, a huge Thunderhawk called Verity, rode on her shoulder. Verity ruffled her feathers. Mara grinned."
    >>> sorted(animal_names(t, {"Verity": Occurrence(total=2), "Mara": Occurrence(total=1)}))
    ['Verity']
    >>> animal_names(t, {"Verity": Occurrence(total=3, tagged=1, tagged_by_quote=1)})
    set()
    """
    found: set[str] = set()
    for m in _CALLED_NAME.finditer(text):  # "a <kind> called N", read back from the rare "called"/"named"
        kind = _KIND_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if kind and is_animal_noun(kind.group(1)):
            found.add(m.group(1))
    for pattern, noun_groups, lower_group in ((_NAME_THE_ANIMAL, (2, 3), 3), (_NAME_WAS_ANIMAL, (2,), 2)):
        for m in pattern.finditer(text):  # the lower-case noun may say what kind of person one is: "Vinnie was the rat"
            if any(m.group(g) and is_animal_noun(m.group(g)) and not (g == lower_group and _said_of_people(m.group(g))) for g in noun_groups):
                found.add(m.group(1))
    found |= {m.group(1) for m in _ANIMAL_BODY_OF.finditer(text) if _animal_in_paragraph(text, m.start(), m.end())}
    return {f for f in found if f in stats and not stats[f].tagged_by_quote and stats[f].after_article * 2 < stats[f].total
            and not sum(stats[f].titled.values())}


def place_short_names(stats: dict[str, Occurrence]) -> set[str]:
    """One-word forms that open a place's name (``Brightwater`` of ``Brightwater Academy``) and
    that no title or speech tag makes a person: the place called short (``the last time
    Brightwater ran the drill``).

    >>> sorted(place_short_names({"Brightwater Academy": Occurrence(total=1), "Brightwater": Occurrence(total=2), "Ino": Occurrence(total=3)}))
    ['Brightwater']
    """
    firsts = {f.split()[0] for f in stats if len(f.split()) > 1 and f.split()[-1].lower() in PLACE_WORDS}
    return {f for f in firsts if f in stats and not (stats[f].tagged or sum(stats[f].titled.values()))}


def join_in_passing(roster: Roster, form: str, occ: Occurrence) -> None:
    """A titled full name met once in passing (``to Mr. Peter Pett``) is one more name of the
    person its title and surname name (``Mr. Pett``), never a new person.

    >>> r = Roster(); pett = r.add(Person("Mr. Pett"), ["Mr. Pett"])
    >>> join_in_passing(r, "Peter Pett", Occurrence(total=1, after_preposition=1, titled=Counter({"mr": 1})))
    >>> r.lookup("Mr. Peter Pett").name, sorted(pett.forms)
    ('Mr. Pett', ['Mr. Peter Pett'])
    """
    for title in occ.titled:
        person = roster.lookup(title_form(title, form.split()[-1])) if " " in form else None
        if person:
            roster.index(title_form(title, form), person)
            person.forms[title_form(title, form)] += occ.titled[title]


def short_form_owner(roster: Roster, person: Person) -> Person | None:
    """The one person whose given name a discovered one-word name shortens (a clipped
    nickname: ``Cal`` for ``Callum``, ``Alex`` for ``Alexander``, ``Sam`` for ``Samantha``).

    The short name has at least three letters, the long one at least two more (``Ann`` is not
    ``Anne``); it must open exactly one other person's given name, neither person may be a
    configured or titled one, nor the long name a surname made of the short one (``Johnson``
    is not ``John``'s), and no sentence may name the two apart (``Cal and Callum``).
    The short name may carry honorifics (``Kai``, ``Kai-kun``, ``Kai-nii`` for ``Kaito``).

    >>> r = Roster(); cal = r.add(Person("Cal", Counter(Cal=2)), ["Cal"])
    >>> callum = r.add(Person("Callum", Counter(Callum=9)), ["Callum"])
    >>> short_form_owner(r, cal).name, short_form_owner(r, callum)
    ('Callum', None)
    """
    short = person.name
    if person.known or person.title or " " in short or len(short) < 3 or {split_honorific(f)[0] for f in person.forms} != {short}:
        return None
    owners = [p for p in roster.people if p is not person and not p.known and not p.title and short in p.name  # (quicker first)
              and clips(short, _given(p)) and not is_patronymic_of(_given(p), (short,))
              and not both_kin_names(short, _given(p))]  # Gran is no clip of Grandad
    if len(owners) != 1 or not roster.may_join(owners[0], short):
        return None
    return owners[0]


def _given(person: Person) -> str:
    return person.name.split()[0]


def merge_short_forms(roster: Roster) -> None:
    """Fold each clipped nickname's person into the person it shortens (see :func:`short_form_owner`)."""
    for person in list(roster.people):
        owner = short_form_owner(roster, person)
        if owner is None:
            continue
        for form, count in person.forms.items():
            owner.forms[form] += count
            roster.index(form, owner, force=True)
        roster.people.remove(person)


def _add_known(roster: Roster, character: Character) -> None:
    person = Person(character.name, Counter(), character.gender, character.gender_reason or "configured", known=True)
    roster.add(person, [character.name, *character.aliases])


def _place_form(roster: Roster, form: str, occ: Occurrence) -> None:
    """Attach a form to the person it belongs to, or start a new person."""
    for title, count in occ.titled.most_common():
        _place_titled(roster, title, form, count)
    plain = occ.total - sum(occ.titled.values())
    if plain <= 0:
        return
    person = roster.lookup(form) or (None if form in roster.families else _person_with_part(roster, form))
    if person is None or not roster.may_join(person, form):
        person = roster.add(Person(form), [form])
        roster.index(form, person, force=True)
    roster.index(form, person)
    person.forms[form] += plain
    for honorific, count in occ.honorifics.items():
        roster.index(f"{form}-{honorific}", person)
        person.forms[f"{form}-{honorific}"] += 0  # listed as an alias, counted under the base form


def _place_titled(roster: Roster, title: str, form: str, count: int) -> None:
    """``Mrs. Bennet`` is its own person unless an untitled person of that name fits its gender."""
    full = title_form(title, form)
    person = roster.lookup(full)
    if person is None:
        givers = titled_name_givers(roster, full)
        candidates = givers or ([] if _surname_of_two(roster, title, form) else [p for p in (roster.lookup(form), _person_with_part(roster, form)) if p])
        partner = next((p for p in candidates if len(givers) < 2 and _title_fits(p, title) and roster.may_join(p, full)), None)
        if partner:
            person = partner
            person.title = person.title or title  # "Mr. Marlowe" joined Peter: "Mrs. Marlowe" will not
        else:
            person = roster.add(Person(full, title=title), [full])
            if not (TITLE_GENDER.get(title) is Gender.FEMALE and candidates or wife_by_husbands_name(title, form)):
                roster.index(form, person)  # a bare "Bennet" goes to the first titled Bennet seen; not to a Mrs./Miss when another Bennet exists
    roster.index(full, person)
    person.forms[full] += count
    if title in TITLE_GENDER and person.gender is Gender.UNKNOWN:
        person.gender, person.gender_reason = TITLE_GENDER[title], f"title {title_form(title, '').strip()}"


def _surname_of_two(roster: Roster, title: str, surname: str) -> bool:
    """Whether a rank that says no gender (``Sheriff``, ``Detective``) is written before a
    surname that two people's full names end in: ``Sheriff Whitcomb`` beside ``Dolores
    Whitcomb`` and her sister ``Ada Whitcomb`` is not the one the surname was first indexed to.

    >>> r = Roster(); _ = r.add(Person("Dolores Whitcomb", Counter({"Dolores Whitcomb": 1})), ["Dolores Whitcomb"])
    >>> _surname_of_two(r, "sheriff", "Whitcomb")
    False
    >>> _ = r.add(Person("Ada Whitcomb", Counter({"Ada Whitcomb": 1})), ["Ada Whitcomb"]); _surname_of_two(r, "sheriff", "Whitcomb"), _surname_of_two(r, "mrs", "Whitcomb")
    (True, False)
    """
    if title in TITLE_GENDER or " " in surname:
        return False
    return sum(any(len(f.split()) > 1 and f.split()[-1] == surname for f in (p.name, *p.forms)) for p in roster.people) > 1


def titled_name_givers(roster: Roster, full: str) -> list[Person]:
    """The people with a titled full name that gives the title and surname ``full`` (see
    :func:`titled_name_forms`): ``Captain Tate`` is the one ``Captain Rowan Tate``, never his
    wife ``Mara Tate``, and no one of two brothers ``Mr. Owen Quill`` and ``Mr. Peter Quill``.

    >>> r = Roster(); rowan = r.add(Person("Captain Rowan Tate", Counter({"Captain Rowan Tate": 1})), ["Captain Rowan Tate"])
    >>> mara = r.add(Person("Mara Tate", Counter({"Mara Tate": 2})), ["Mara Tate"])
    >>> [p.name for p in titled_name_givers(r, "Captain Tate")], titled_name_givers(r, "Mr. Tate")
    (['Captain Rowan Tate'], [])
    """
    return [p for p in roster.people if any(full in titled_name_forms(f) for f in p.forms)]


def titled_name_forms(form: str) -> tuple[str, ...]:
    """``Dr. Edwin Haddad`` -> ``Edwin Haddad``, ``Dr. Haddad``; ``Lady Isolde Fane`` -> ``Isolde
    Fane``; ``Mrs. Charles Musgrove`` -> ``Mrs. Musgrove`` (his wife); not ``Edwin Haddad`` (no
    title), nor ``Madame St. Aubert`` or ``Madame Du Pont`` (no given name between).

    >>> titled_name_forms("Dr. Edwin Haddad"), titled_name_forms("Lady Isolde Fane"), titled_name_forms("Mrs. Charles Musgrove")
    (('Edwin Haddad', 'Dr. Haddad'), ('Isolde Fane',), ('Mrs. Musgrove',))
    >>> titled_name_forms("Edwin Haddad"), titled_name_forms("Madame St. Aubert"), titled_name_forms("Madame Du Pont")
    ((), (), ())
    """
    words_of = form.split()
    title = words_of[0].lower().rstrip(".")
    if len(words_of) != 3 or not (title in TITLES or rank_of_word(title)) or not is_name_word(words_of[2]) or not name_prior(words_of[1])[1] > 0:
        return ()
    untitled = () if wife_by_husbands_name(title, " ".join(words_of[1:])) else (" ".join(words_of[1:]),)
    return untitled if title in GIVEN_NAME_TITLES else (*untitled, f"{words_of[0]} {words_of[2]}")


def wife_by_husbands_name(title: str, form: str) -> bool:
    """``Mrs. Newland Archer`` is the wife of the man ``Newland Archer``: a ``Mrs.`` before a
    full name whose given name is not a woman's never makes the bare full name hers.

    >>> wife_by_husbands_name("mrs", "Newland Archer"), wife_by_husbands_name("mrs", "Emma McChesney"), wife_by_husbands_name("mrs", "Archer")
    (True, False, False)
    """
    return title == "mrs" and " " in form and name_prior(form.split()[0])[0] is not Gender.FEMALE


def _title_fits(person: Person, title: str) -> bool:
    """Whether a titled form may name ``person``: same title, or an untitled person whose
    given name does not contradict the title (``Mrs. Marlowe`` is not ``Peter Marlowe``).

    >>> _title_fits(Person("Peter Marlowe"), "mrs"), _title_fits(Person("Peter Marlowe"), "mr")
    (False, True)
    """
    if person.title is None:
        return _given_name_fits(person.name, title)
    return same_title(person.title, title)


def _given_name_fits(full_name: str, title: str) -> bool:
    """A gendered title fits a full name unless its given name is surely the other gender;
    ``Mrs.`` needs a given name known to be a woman's (``Mrs. Archer`` is not ``Newland
    Archer``, a name the list does not know: a married woman is often his mother or his wife).

    >>> _given_name_fits("Newland Archer", "mrs"), _given_name_fits("Newland Archer", "mr"), _given_name_fits("Emma Hale", "mrs")
    (False, True, True)
    """
    parts = full_name.split()
    wanted = TITLE_GENDER.get(title)
    if len(parts) < 2 or wanted in (None, Gender.UNKNOWN):
        return True
    prior, weight = name_prior(parts[0])
    if title == "mrs" and prior is Gender.UNKNOWN:
        return False
    return prior in (Gender.UNKNOWN, wanted) or weight < 1.5


def _person_with_part(roster: Roster, form: str) -> Person | None:
    """The most mentioned person whose full name contains the one-word ``form``."""
    if " " in form:
        return None
    owners = [p for p in roster.people if any(form in f and form in f.split() for f in (p.name, *p.forms))]  # a word of a name is in it
    husbands = [p for p in owners if p.title != "mrs"]  # a bare "Marlowe" is the husband, not "Mrs. Marlowe"
    return max(husbands or owners, key=lambda p: p.mentions, default=None)


def finalise_names(roster: Roster) -> None:
    """Name each discovered person by its most used form (``Kakashi``, not ``Kakashi Hatake``),
    never a rank alone while they have a name (``Commander Kurogane``, not ``Commander``)."""
    for person in roster.people:
        if person.known or not person.forms:
            continue
        named = [f for f in person.forms if " " in f or not rank_of_word(f)] or list(person.forms)
        best = max(named, key=lambda f: (person.forms[f], len(f)))
        if person.title and roster.lookup(best) is not person:
            continue  # keep "Mrs. Bennet" when a bare "Bennet" would name someone else
        person.name = best
