"""Find the words that may refer to a person: capitalised names, pronouns, descriptions.

Everything here is pure text scanning; deciding which names are characters lives in
:mod:`ficaudio.attribute.characters`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple

from ficaudio import letters, placeholders
from ficaudio.attribute.names import is_listed_given_name
from ficaudio.attribute.lexicon import ANIMAL_NOUNS, LY_WORD, BODY_PARTS, GIVEN_NAME_SYLLABLES, HONORIFIC_GENDER, KIN_GENDER, VOCATIVE_PARTICLES, NOT_NAMES, NOT_PERSON_HEADS, PLACE_PREFIXES, PLACE_WORDS, SHORT_TITLES, TITLES

_WORD = letters.compile(r"(?<![0-9A-Za-z])[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*\.?")  # not the B of "Room 4B"
_SLASHED_LETTERS = letters.compile(r"(?<![A-Za-z/])[A-Za-z]/[A-Za-z](?![A-Za-z/])")  # Y/N, L/N: a placeholder, no word
_SENTENCE_END = letters.compile(r"[.!?…:;]\W*$|^\W*[\"“‘'(]\W*$|^\s*$")


class Word(NamedTuple):
    """One word of the text: its surface, where it is, whether a sentence starts there, and
    its lower-case form, made once (a named tuple: made for every word of every span read, it
    is quicker to make than a dataclass)."""

    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence, paragraph or quotation
    lower: str  # folded, without a final full stop: ``Mr.`` -> ``mr``, ``I’m`` -> ``i'm``


_PLACEHOLDER_CALLED = letters.compile(r"(?:^\W*|,\s*)" + placeholders.READER_NAME + r"(?=\s*[,.!?…—-]|\W*$)")


def writes_reader_placeholder(text: str) -> bool:
    """Whether a text writes the reader-insert's placeholder for "your name" (``Y/N``,
    ``(Y/N)``, ``y/n``, ``F/N``), which the reader fills in with their own.

    >>> writes_reader_placeholder('"Y/N, this is Theo."'), writes_reader_placeholder("and/or N/A")
    (True, False)
    """
    return bool(placeholders.READER_NAME_RE.search(text))


def word_before(text: str, at: int, reach: int, floor: int = 0) -> str:
    """The last word of the ``reach`` characters before ``at`` (not before ``floor``), in lower
    case with any punctuation it carries; ``""`` where there is none. The word that opens a
    clause, or ends a tag, right before a mention. (``characters._word_before`` is the
    other reading: letters only, and never past the sentence's start.)

    >>> word_before("She left before he came", 16, 12), word_before("Well, he said", 6, 12), word_before("He", 0, 12)
    ('before', 'well,', '')
    """
    before = text[max(floor, at - reach):at].split()
    return before[-1].lower() if before else ""


def calls_reader_placeholder(quote: str) -> bool:
    """Whether a quotation calls someone by the reader's placeholder, where a name is called
    (opening it or after a comma, before a pause or its end): ``"Y/N! You came!"``,
    ``"Sit down, (y/n)."``; not ``"Have you seen Y/N?"``, which speaks of the reader.

    >>> [calls_reader_placeholder(q) for q in ('"Y/N! You came!"', '"Sit down, (y/n)."', '"Have you seen Y/N?"')]
    [True, True, False]
    """
    return bool(_PLACEHOLDER_CALLED.search(quote))


def written_at(text: str, word: str) -> Iterator[int]:
    """Every position where ``text`` writes ``word`` (found by ``str.find``, quicker than a
    pattern tried at every letter), in order.

    >>> list(written_at("Ann met Annabel.", "Ann"))
    [0, 8]
    """
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def search_where_written(pattern: re.Pattern, text: str, word: str) -> re.Match | None:
    """The first match of ``pattern``, a pattern that matches ``word`` in a setting, searched
    from where ``text`` first writes ``word``; a pattern opening on ``\\b`` or a look-behind is
    otherwise tried at every letter. Only for a case-sensitive pattern whose every match begins
    with ``word`` itself: no such match starts before (an ``IGNORECASE`` one could).

    >>> search_where_written(re.compile(r"\\bAnn\\b"), "Annabel met Ann.", "Ann").start()
    12
    """
    at = text.find(word)
    return pattern.search(text, at) if at >= 0 else None


def fold(word: str) -> str:
    """Lower case with a typographic apostrophe made straight: ``I’m`` -> ``i'm``.

    >>> fold("I’m"), fold("Ino's")
    ("i'm", "ino's")
    """
    return word.lower().replace("’", "'")


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Split ``text[start:end]`` into words, marking sentence-initial ones.

    >>> [(w.text, w.initial) for w in words('He ran. "Stop," Ino said.')]
    [('He', True), ('ran', False), ('Stop', True), ('Ino', False), ('said', False)]
    >>> t = '"Stop," Ino said. "Go." Ino went.'
    >>> [(w.text, w.initial) for w in words(t, 7, 17) + words(t, 23)]
    [('Ino', False), ('said', False), ('Ino', True), ('went', False)]
    >>> [w.text for w in words("Study Room 4B is on the 3rd floor.")]  # no person "B"
    ['Study', 'Room', 'is', 'on', 'the', 'floor']
    >>> [w.text for w in words('"(y/n), this is Theo." Theo/Marcus, (L/N)')]  # the reader's name, no person "Y" nor "L"
    ['Y/N', 'this', 'is', 'Theo', 'Theo', 'Marcus']
    """
    end = len(text) if end is None else end
    found: list[Word] = []
    previous_end = start
    slashed = text.find("/", start, end) >= 0  # no slash: no placeholder nor slashed letters to look for
    for match in _WORD.finditer(text, start, end):
        at = match.start()
        if at < previous_end:
            continue  # inside a placeholder's span: the "s" of "(Y/N)'s"
        placeholder = placeholders.reader_name_at(text, at) if slashed else None
        if slashed and not placeholder and in_slashed_letters(text, at):
            continue
        gap = text[previous_end:at]
        if not found:
            initial = _span_opens_sentence(text, start, gap)
        else:
            initial = gap != " " and _starts_sentence(found[-1].text, gap)  # one space: the sentence goes on
        if placeholder:
            token, end_at = reader_placeholder_word(placeholder), placeholder.end()
        else:
            token = match.group()
            token = _strip_period(token) if token.endswith(".") else token
            end_at = at + len(token)
        found.append(_new_word(Word, (token, at, end_at, initial, fold(token).rstrip("."))))
        previous_end = end_at
    return found


_new_word = tuple.__new__  # a Word made straight from its fields, without the named tuple's own __new__ (a call per word)


READER_PLACEHOLDER = "Y/N"


def reader_placeholder_word(placeholder: re.Match) -> str:
    """The word a written placeholder for the reader's name is, however spelt: ``Y/N``
    (``(y/n)``, ``[Y/n]``, ``F/N``), or ``Y/N's`` where it owns something (``(Y/N)'s bag``)."""
    return READER_PLACEHOLDER + (placeholder.group("possessive") or "")


def in_slashed_letters(text: str, at: int) -> bool:
    """Whether the letter at ``at`` is one of two single letters joined by a slash: the
    reader-insert's placeholders (``Y/N`` for "your name", ``L/N``) stand for a name the
    reader fills in, so their letters are no names (``Theo/Marcus``, a pairing, keeps its words)."""
    return any(_SLASHED_LETTERS.match(text, k) for k in (at, at - 2) if k >= 0)


def _span_opens_sentence(text: str, start: int, gap: str) -> bool:
    """Whether a span's first word starts a sentence: not after a quotation closed on a comma
    (``"Stop," Ino said``: the sentence goes on), else yes."""
    return not (start > 1 and text[start - 2:start] in (',"', ",”", ",'", ",’") and not gap.strip())


def _strip_period(token: str) -> str:
    # keep the period of titles written short ("Mr.") only; a sentence's final period is
    # punctuation, after a title written out too ("Yes, Captain. Understood.")
    if token.endswith(".") and token[:-1].lower() not in SHORT_TITLES:
        return token[:-1]
    return token


_SENTENCE_BREAK = re.compile(r"[.!?…\n]|(?:^|\s)[\"“‘]$")  # a stop, a line's end, or an opening quote (after a space) ending the gap


def _starts_sentence(previous_word: str, gap: str) -> bool:
    """A sentence starts after . ! ? or an opening quote (but not after "Mr.")."""
    if previous_word.endswith(".") and previous_word[:-1].lower() in SHORT_TITLES:
        return False
    # an opening quote (after a space) starts a sentence; a closing one followed by a space does not
    return bool(_SENTENCE_BREAK.search(gap))


def is_capitalised(word: str) -> bool:
    """``Kakashi`` and ``O'Hara`` are; ``said``, ``I`` and ``I’m`` (a pronoun) are not.

    >>> [is_capitalised(w) for w in ("Kakashi", "said", "I", "I’m", "Ivy", "I'll")]
    [True, False, False, False, True, False]
    """
    return word[:1].isupper() and not (word[0] == "I" and fold(word) in _FIRST_PERSON_FORMS)  # (only an I folds to them)


_FIRST_PERSON_FORMS = frozenset({"i", "i'm", "i'd", "i'll", "i've"})


@dataclass(frozen=True)
class NameRun:
    """A run of capitalised words that may name a person: ``Mr. Bennet``, ``Sakura-chan``."""

    words: tuple[str, ...]  # without title or honorific, possessive removed
    title: str | None  # "mr", "captain"...
    honorific: str | None  # "sensei", "kun"...
    start: int
    end: int
    initial: bool  # the run starts a sentence (its first word may be an ordinary word)

    @property
    def form(self) -> str:
        return " ".join(self.words)


def split_honorific(word: str) -> tuple[str, str | None]:
    """``Kakashi-sensei`` -> (``Kakashi``, ``sensei``); ``Jean-Luc`` stays whole. A suffix
    that also ends given names (``-jie``, :data:`GIVEN_NAME_SYLLABLES`), or a Korean call's
    particle (``-ah``, :data:`VOCATIVE_PARTICLES`), comes off only a base of two syllables or
    more (:func:`_whole_given_name`): ``Taemin-ah`` is Taemin, ``Su-ah`` and ``Wen-jie`` are names.

    >>> split_honorific("Sakura-chan"), split_honorific("Jean-Luc"), split_honorific("Na-rae-sunbae")
    (('Sakura', 'chan'), ('Jean-Luc', None), ('Na-rae', 'sunbae'))
    >>> split_honorific("Taemin-ah"), split_honorific("Su-ah"), split_honorific("Yanli-jie"), split_honorific("Wen-jie")
    (('Taemin', 'ah'), ('Su-ah', None), ('Yanli', 'jie'), ('Wen-jie', None))
    >>> split_honorific("Yoon-ah"), split_honorific("Yoongi-ya")
    (('Yoon-ah', None), ('Yoongi', 'ya'))
    """
    base, _, suffix = word.rpartition("-")
    suffix = suffix.lower()
    if not base or suffix not in HONORIFIC_GENDER and suffix not in VOCATIVE_PARTICLES:
        return word, None
    if (suffix in GIVEN_NAME_SYLLABLES or suffix in VOCATIVE_PARTICLES) and not _whole_given_name(base, suffix):
        return word, None
    return base, suffix


_VOWEL_RUN = letters.compile(r"[aeiouy]+")  # a syllable of a romanised name: Taemin, Yoongi two; Yoon, Hyun, Kyung one


def _whole_given_name(base: str, suffix: str) -> bool:
    """Whether a name a particle or a syllable-like suffix follows is a whole given name, of two
    syllables or more: hyphenated (``Na-rae``) or of four letters or more (``Taemin``,
    ``Yanli``); not one syllable (``Su`` of ``Su-ah``, ``Wen`` of ``Wen-jie``). Before a call's
    particle the syllables are counted, a run of vowels each (``Taemin-ah``, ``Jimin-ah``), as
    Korean given names of one syllable and ``-ah`` are spelt with four letters and more
    (``Yoon-ah``, ``Hyun-ah``, ``Kyung-ah``: whole names).

    >>> _whole_given_name("Taemin", "ah"), _whole_given_name("Yoon", "ah"), _whole_given_name("Yanli", "jie"), _whole_given_name("Qing", "jie")
    (True, False, True, True)
    """
    if "-" in base:
        return True
    if suffix in VOCATIVE_PARTICLES:
        return len(_VOWEL_RUN.findall(base.lower())) >= 2
    return len(base) >= 4


def strip_possessive(word: str) -> str:
    """``Ino's`` -> ``Ino``; ``James'`` -> ``James``."""
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def name_runs(ws: list[Word], text: str) -> list[NameRun]:
    """Group consecutive capitalised words (an optional title first) into name runs.

    >>> [(r.title, r.form) for r in name_runs(words("Then Mr. Bennet met Kakashi-sensei."), "")]
    [('mr', 'Bennet'), (None, 'Kakashi')]
    """
    runs: list[NameRun] = []
    i = 0
    while i < len(ws):
        j = _run_end(ws, i, text) if ws[i].text[:1].isupper() else i  # a run opens on a capital
        if j > i:
            runs.append(_make_run(ws[i:j], text))
            i = j
        else:
            i += 1
    return [r for r in runs if r.words]


@lru_cache(maxsize=16384)
def runs_of(text: str) -> tuple[NameRun, ...]:
    """The name runs of a short text read on its own (a quotation, a phrase), remembered: the
    rules read the same quotation's names many times.

    >>> [r.form for r in runs_of("Go home, Ino.")]
    ['Ino']
    """
    return tuple(name_runs(words(text), text))


def _run_end(ws: list[Word], i: int, text: str) -> int:
    j = i
    while j < len(ws) and is_capitalised(ws[j].text):
        if j > i and (ws[j].initial or _gap_breaks(text, ws[j - 1].end, ws[j].start)):
            break
        j += 1
        if strip_possessive(ws[j - 1].text) != ws[j - 1].text or "-" in ws[j - 1].text and split_honorific(ws[j - 1].text)[1]:
            break  # "Ino's friend", "Sakura-chan said": a possessive or honorific ends a name
    return j


def _gap_breaks(text: str, start: int, end: int) -> bool:
    # a comma or anything but one space between words splits "Sakura, Naruto" into two
    return bool(text) and text[start:end] not in (" ", "")


WORD_NAMES = frozenset({"good", "great", "fine", "bad", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
"""Words of :data:`NOT_NAMES` that are also names (``Captain Good``, a ship's AI called
``Tuesday``): capitalised in mid-sentence they may be a name; the roster then asks for a title or
a tag (``word_made_person``)."""


def may_be_surname(word: Word) -> bool:
    """``said Good``, ``said Tuesday`` (mid-sentence, capitalised) may name a person; ``Good
    heavens`` opening a sentence, or ``Nobody`` anywhere, does not.

    >>> ws = words("Then said Good. Good heavens. Then said Tuesday.")
    >>> may_be_surname(ws[2]), may_be_surname(ws[3]), may_be_surname(ws[-1])
    (True, False, True)
    """
    return word.lower in WORD_NAMES and not word.initial


def _make_run(run: list[Word], text: str = "") -> NameRun:
    while run and (run[0].lower in NOT_NAMES and run[0].lower not in TITLES and not (len(run) == 1 and may_be_surname(run[0])) or opening_adverb(run, text)):
        run = run[1:]  # "Then Kakashi", "on Tuesday Lux", "Eventually Draco": the first word is not a name
    if not run:
        return NameRun((), None, None, 0, 0, False)
    title = None
    parts = [strip_possessive(w.text) for w in run]
    if parts and parts[0].lower().rstrip(".") in TITLES and len(parts) > 1:
        title = parts[0].lower().rstrip(".")
        parts = parts[1:]
    elif len(parts) > 3 and parts[1].lower().rstrip(".") in TITLES and parts[0].lower().rstrip(".") not in TITLES and not _place_named_for(parts):
        title = parts[1].lower().rstrip(".")  # "Station Chief Ruth Halvorsen", "Police Sgt. Ruth Vale": a title its post's word stands before
        parts = parts[2:]
    honorific = None
    if parts:
        parts[-1], honorific = split_honorific(parts[-1])
    return NameRun(tuple(unstammered(p) for p in parts), title, honorific, run[0].start, run[-1].end, run[0].initial)


def _place_named_for(parts: list[str]) -> bool:
    """Whether a run with a title in its second word is a place named for a titled person, no
    post and its bearer: ``Lake Captain Reyes Park``, ``the Old Major Thomas Bridge`` (a place's
    first or last word, :data:`~ficaudio.attribute.lexicon.PLACE_PREFIXES` /
    :data:`~ficaudio.attribute.lexicon.PLACE_WORDS`).

    >>> _place_named_for(["Old", "Major", "Thomas", "Bridge"]), _place_named_for(["Lake", "Captain", "Reyes", "Park"]), _place_named_for(["Station", "Chief", "Ruth", "Halvorsen"])
    (True, True, False)
    """
    return parts[0].lower() in PLACE_PREFIXES or parts[-1].lower() in PLACE_WORDS


_LY_ADVERB = re.compile(LY_WORD)


def opening_adverb(run: list[Word], text: str = "") -> bool:
    """Whether a run of capitalised words opens a sentence with an adverb in ``-ly`` before a
    name (``Eventually Draco tipped his head back``, ``Presently Tom came``): the adverb is
    capitalised only by its place, no part of the name. A given name in ``-ly`` that the
    first-names list knows (``Molly Weasley``, ``Emily``), an ``-ly`` noun (``Holly``), a short
    word (``Early March``), a word in ``-aly``, ``-oly``, ``-yly`` (an adverb is made of an
    adjective, which does not end so: ``Tessaly Control`` is a place's, ``Italy`` one), or an
    adverb alone (``Finally.``) is not one.

    A word ``text`` (the story) writes capitalised where no sentence starts, or with an owner's
    ``'s``, is a name too, one the list does not know (``"Morning," Everly said.``,
    ``Characters: Waverly Earp``): an adverb is capitalised only at a sentence's start.

    >>> [opening_adverb(words(t)[:2]) for t in ("Eventually Draco sat.", "Molly Weasley sat.", "Lily Evans sat.", "Tessaly Control here.", "Early March came.")]
    [True, False, False, False, False]
    >>> t = 'Everly Hart sat. "Hi," Everly said.'; opening_adverb(words(t)[:2], t)
    False
    """
    first = run[0]
    return (len(run) > 1 and first.initial and len(first.lower) > 5 and first.lower[-3] not in "aoy" and bool(_LY_ADVERB.fullmatch(first.lower))
            and not is_listed_given_name(first.text) and not _written_as_a_name(text, first.text))


@lru_cache(maxsize=4096)
def _written_as_a_name(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` capitalised after a lower-case word, a comma, a
    semicolon or a colon (a closing quotation mark between), or with an owner's ``'s``:
    ``said Everly``, ``"Hi," Everly said``, ``Everly's coat``."""
    return bool(re.search(rf"(?:[a-z,;:][\"”’']?\s+{re.escape(word)}(?![\w'’-])|(?<![\w'’-]){re.escape(word)}['’]s\b)", text))


def unstammered(word: str) -> str:
    """A stammered name is the name: each piece before the last hyphen only starts the word
    after it over, one letter or a start said twice (``H-Hayami``, ``K-K-Kit``,
    ``Ma-Ma-Marisol`` -> ``Hayami``, ``Kit``, ``Marisol``); a double name's first part is no
    start of its second (``Jean-Luc``, ``Mary-Kate``), or a name of its own written once
    before it (``Ana-Anabel``, ``Li-Lian``).

    >>> [unstammered(w) for w in ("H-Hayami", "K-K-Kit", "Ma-Ma-Marisol", "Jean-Luc", "Anne-Annette", "Ana-Anabel", "Li-Lian")]
    ['Hayami', 'Kit', 'Marisol', 'Jean-Luc', 'Anne-Annette', 'Ana-Anabel', 'Li-Lian']
    """
    if "-" not in word:
        return word
    *starts, name = word.split("-")
    said_over = len(starts) > 1 or len(starts[0]) == 1
    if said_over and all(0 < len(s) < len(name) and len(s) <= 3 and name.lower().startswith(s.lower()) for s in starts):
        return name
    return word


_DESCRIPTION = letters.compile(r"(the|his|her|their|my|our|your|a|an)((?:\s+[A-Za-z][\w'’-]*){1,4})", re.IGNORECASE)


_ADJECTIVE_NOUNS = frozenset({"elder"})  # person nouns that also stand before a noun as its adjective


def description_at(text: str, speakers: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """A description of a person at the start of ``text``: (phrase, head noun) or None.

    The head must be a person noun (``woman``, ``wife``, ``Hokage``) or a noun the story's
    tags make a speaker (``speakers``: ``said the archer``), so ``the door`` is not a person.

    >>> description_at("the old woman said"), description_at("his wife impatiently")
    (('the old woman', 'woman'), ('his wife', 'wife'))
    >>> description_at("the elder brother said"), description_at("the elder said")
    (('the elder brother', 'brother'), ('the elder', 'elder'))
    """
    m = _DESCRIPTION.match(text)
    if not m:
        return None
    following = m.group(2).split()
    for k, head in enumerate(following):
        if head.lower() in _ADJECTIVE_NOUNS and k + 1 < len(following) and is_person_noun(following[k + 1]):
            continue  # "the elder brother": an elder's word before a noun is the brother's age
        if (is_person_noun(head) or head.lower().rstrip(".,") in speakers) and titles_a_name(following, k):
            return None  # "For a long moment Lady Ashgrove said": the title opens a name, it heads no description
        if is_person_noun(head) or head.lower().rstrip(".,") in speakers:
            return " ".join([m.group(1), *following[: k + 1]]), compound_head(head.lower().rstrip(".,"))
        if head.lower() in _STOP_DESCRIPTION or head[-1:] in ",;:.!?":
            return None  # "the door of the woman", "the time when my father": the phrase ended
    return None


def titles_a_name(following: list[str], k: int) -> bool:
    """Whether the person noun ``following[k]`` is a title before a name, after words of the phrase
    in lower case: capitalised, with a capitalised word after it and none before it (``a long
    moment Lady Ashgrove`` -- the moment is long, Lady Ashgrove is the person; not ``the old
    woman``, nor ``the ANBU Captain`` with no name after).

    >>> titles_a_name("long moment Lady Ashgrove said".split(), 2), titles_a_name("old woman Mara".split(), 1)
    (True, False)
    >>> titles_a_name("Hokage Tsunade".split(), 0), titles_a_name("ANBU Captain said".split(), 1)
    (False, False)
    """
    head = following[k]
    return (k > 0 and head[:1].isupper() and not head.isupper() and k + 1 < len(following) and following[k + 1][:1].isupper()
            and not any(w[:1].isupper() for w in following[:k]))


# someone's one-word relation as the subject of a tag right after a quotation: '"Me again," his
# rival said.', '"No," says her partner.' (the relation speaks, not the one "his" means)
_OWNED_TAG = letters.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+([a-z]+)(?:\s+(?:[a-z]+ly\s+)?([a-z]+)\b|(?=\s*[,.;:!?—]))")
_QUOTE_CLOSED_BEFORE = letters.compile(r"[,!?…—][\"”’']\s+(?:([a-z]+)\s+)?$")
_NOT_OWNED_SPEAKERS = frozenset("""
voice voices highness majesty lordship ladyship excellency eminence holiness grace honour honor
advice words reply answer tone expression look smile laugh silence face eyes mouth lips letter note message
phone text screen watch radio
gut stomach belly pride conscience heart brain mind head instinct instincts subconscious ego logic sense
reflection shadow body
""".split())
"""What follows ``his``/``her`` in a tag and is no one else: the speaker's own voice or face, a form
of address that stands for the speaker (``"Quite," said her ladyship.``), a thing that tells
(``his advice concluded``, ``her phone said``), or a part of the speaker that talks to them
(``"Don't jump," his gut said.``, ``her conscience said``). Nor an animal (``her dog said``)."""


def owned_tag_subject(text: str, at: int, speech_verbs: frozenset[str]) -> tuple[str, str] | None:
    """``his rival`` at ``at`` when it is a tag's subject right after a quotation (``"Go," his rival
    said``, ``"Go," said his rival.``): (phrase, head), a person of their own though no list knows
    the noun. Not the speaker's own voice or a form of address (:data:`_NOT_OWNED_SPEAKERS`), nor
    a body part.

    >>> t = '"Me again," his rival said. "No," says her partner. "Yes," his voice said. "So," his rival knew.'
    >>> [owned_tag_subject(t, t.index(w), frozenset({"said", "says"})) for w in ("his rival said", "her partner", "his voice", "his rival knew")]
    [('his rival', 'rival'), ('her partner', 'partner'), None, None]
    >>> t = '"No," says her partner mildly. "No," says her partner at once. His rival said no.'
    >>> [owned_tag_subject(t, t.index(w), frozenset({"said", "says"})) for w in ("her partner mildly", "her partner at", "His rival")]
    [('her partner', 'partner'), None, None]
    >>> t = '"Jump," his gut said. "Woof," her dog said. "Go on," her conscience said.'
    >>> [owned_tag_subject(t, t.index(w), frozenset({"said"})) for w in ("his gut", "her dog", "her conscience")]
    [None, None, None]
    """
    m = _OWNED_TAG.match(text, at)
    before = _QUOTE_CLOSED_BEFORE.search(text, max(0, at - 30), at) if m else None
    if m is None or before is None or is_person_noun(m.group(1)) or m.group(1) in BODY_PARTS or m.group(1) in _NOT_OWNED_SPEAKERS or m.group(1) in ANIMAL_NOUNS or m.group(1) in _STOP_DESCRIPTION:
        return None
    inverted = before.group(1)
    if inverted is None and m.group(2) not in speech_verbs or inverted is not None and (inverted not in speech_verbs or m.group(2) is not None and not m.group(2).endswith("ly")):
        return None
    return text[at:m.end(1)], m.group(1)


_INVERTED_TAG_HEAD = letters.compile(r"[,!?…—][\"”’']\s+([a-z]+)\s+the\s+([A-Za-z][a-z]+|[A-Z]{2,3})(?=\s*[,.;:!?—])")
_TAG_HEAD = letters.compile(r"[,!?…—][\"”’']\s+the\s+([A-Za-z][a-z]+|[A-Z]{2,3})\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


def speaker_nouns(text: str, speech_verbs: frozenset[str]) -> frozenset[str]:
    """The nouns a story's tags make speakers that no list knows as people: ``"Two," said
    the Warden.`` and ``offered the archer.`` (an inverted tag, once is enough), ``"And
    you?" the moderator asks`` (a tag in the usual order, twice at least: ``the ceiling
    said`` once may be a voice out of the ceiling) -> ``warden``, ``archer``,
    ``moderator``, so the narration's ``the archer tore the oilcloth off his bow`` is a
    person too.

    >>> sorted(speaker_nouns('"Two," said the Warden. "No," offered the archer, "never." The door shut.', frozenset({"said", "offered"})))
    ['archer', 'warden']
    >>> sorted(speaker_nouns('"And you?" the moderator asks. "Go!" the moderator says. "Hm," the ceiling says.', frozenset({"asks", "says"})))
    ['moderator']

    A role written as an initialism is such a noun too (``"Dive," the XO said.``):

    >>> sorted(speaker_nouns('"Dive," the XO said. "Now," the XO said. "Go," said the MC.', frozenset({"said"})))
    ['mc', 'xo']

    So are the roles the narration says a named person holds (:data:`_ROLE_OF_NAME`):

    >>> sorted(speaker_nouns("He said Kit, who was their singer and their guitarist, yawned. Delia Frost had been their manager for years. Silence was her answer.", frozenset()))
    ['manager', 'singer']
    >>> sorted(speaker_nouns("They had toured for years. Then Tom was their drummer, and it ended.", frozenset()))
    ['drummer']
    >>> sorted(speaker_nouns("She waited, and Tom was her anchor. Then Tom was her answer; Tom was her other.", frozenset()))
    []
    """
    heads = {m.group(2).lower() for m in _INVERTED_TAG_HEAD.finditer(text) if m.group(1) in speech_verbs}
    direct = Counter(m.group(1).lower() for m in _TAG_HEAD.finditer(text) if m.group(2) in speech_verbs)
    heads |= {head for head, count in direct.items() if count >= 2} | {m.group(1) for m in _ROLE_OF_NAME.finditer(text) if _names_holder(m) and m.group(1) not in _NOT_ROLES}
    return frozenset(h for h in heads if not is_person_noun(h) and not is_group_noun(h) and h not in _STOP_DESCRIPTION and h not in NOT_PERSON_HEADS)


_ROLE_OF_NAME = letters.compile(
    r"(?:\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+|(?<=[a-z,;:]\s)[A-Z][\w'’-]+)(?:,\s+who\s+(?:is|was)|\s+(?:is|was|had\s+been|has\s+been))\s+(?:his|her|their|my|our)\s+(?:[a-z]+\s+)?"
    r"([a-z]+(?:er|or|ist|ian|ant))(?=\s*(?:[,;—]|\.(?!\w)|(?:and|for|since|until)\b))")
"""A role a sentence says a named person holds: ``said Kit, who was their singer and``, ``Delia
Frost had been their manager for`` -- a noun of agency (``-er``, ``-ist``, ...), the story's word
for a person; the name a full name or mid-sentence (``Silence was her answer.`` names no one)."""


def _names_holder(role: re.Match) -> bool:
    """Whether a :data:`_ROLE_OF_NAME` match's capitals name someone: the first word, or the
    second after a capitalised opener (``Then Tom was their manager``)."""
    first, second = (role.group(0).split() + [""])[:2]
    return is_name_word(first) or second[:1].isupper() and is_name_word(second)


_NOT_ROLES = frozenset("""
answer anchor other error mirror letter number order power matter corner center centre water paper dinner
prayer shelter border colour color honour honor favour favor humour humor terror horror anger danger
""".split())
"""Nouns of the ``-er``/``-or`` shape that are no person's role (``and Tom was her answer``)."""


_STOP_DESCRIPTION = frozenset("""
of and or but to in on at was is were are had has have be been said with who whom whose which when where
while that this these those the a an my his her their our your its if then than as not
""".split())


CREATURE_NOUNS = frozenset("""
dragon dragoness wolf werewolf ghost spirit demon beast monster vampire fairy faerie goblin troll ogre
phoenix unicorn griffin gryphon serpent golem angel wraith specter spectre sprite kitsune droid cyborg
automaton ai computer
""".split())
"""Creatures and machines that speak in fiction (``"Thieves," the dragon said``): people here."""

_PERSON_NOUNS = frozenset(set(KIN_GENDER) | {
    "captain", "doctor", "teacher", "stranger", "officer", "soldier", "guard", "leader", "child", "kid",
    "student", "master", "servant", "elder", "knight", "wizard", "witch", "ninja", "shinobi",
    "medic", "nurse", "pilot", "commander", "sergeant", "lieutenant", "general", "colonel", "major",
    "professor", "clerk", "driver", "merchant", "innkeeper", "landlord", "landlady", "sailor",
    "seaman", "boatswain", "convict", "prisoner", "host", "hostess", "guest", "visitor", "friend",
    "companion", "priest", "vicar", "parson", "squire", "judge", "lawyer", "butler", "cook",
    "footman", "coachman", "porter", "waiter", "waitress", "maid", "housekeeper", "chief", "boss", "chef",
    "sensei", "instructor", "apprentice", "youth", "baby", "infant", "newcomer",
    "creature", "voice", "figure", "person", "people", "crowd", "twins", "twin", "men", "women", "children",
    "boys", "girls", "ladies", "soldiers", "servants", "guests", "villagers", "captain", "hokage",
    "kazekage", "genin", "chunin", "chuunin", "jonin", "jounin", "sage", "king", "queen",
    "emperor", "empress", "princess", "prince", "duke", "count", "countess", "baron", "baroness",
    "dwarf", "elf", "orc", "robot", "android", "alien", "engineer", "scientist", "mechanic",
    "navigator", "admiral", "cadet", "ensign", "bartender", "shopkeeper", "vendor", "healer",
    "mage", "ranger", "thief", "bandit", "warrior", "hunter", "headmaster", "headmistress",
    "principal", "coach", "nun", "monk", "mistress", "hag", "giant", "gentleman", "gentlemen", "keeper",
    "redhead", "blonde", "blond", "brunette", "deputy", "sheriff",
} | CREATURE_NOUNS)


def is_person_noun(word: str) -> bool:
    """``wife``, ``captain``, ``Hokage``, ``step-son`` name people; ``door`` does not."""
    w = compound_head(word.lower().rstrip(".,"))
    return w in _PERSON_NOUNS or (w.endswith("s") and w[:-1] in KIN_GENDER)


_KIN_PREFIXES = ("step", "grand", "foster", "god", "half")


def compound_head(word: str) -> str:
    """The person noun a compound ends with: ``step-son`` and ``stepson`` are a son,
    ``saloon-keeper`` a keeper, ``boy-officer`` an officer; other words stay as they are.

    >>> compound_head("step-son"), compound_head("stepmother"), compound_head("saloon-keeper"), compound_head("door")
    ('son', 'mother', 'keeper', 'door')
    """
    if "-" in word and (last := word.rsplit("-", 1)[1]) in _PERSON_NOUNS:
        return last
    for prefix in _KIN_PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in KIN_GENDER:
            return word[len(prefix):]
    return word


_GROUP_NOUNS = frozenset({
    "people", "crowd", "twins", "gentlemen", "men", "women", "children", "boys", "girls", "ladies", "folks",
    "soldiers", "servants", "guests", "others", "family", "party", "company", "group", "audience", "villagers",
})


def is_group_noun(word: str) -> bool:
    """``the people``, ``her sisters``: a group, not one speaker.

    >>> is_group_noun("sisters"), is_group_noun("crowd"), is_group_noun("sister")
    (True, True, False)
    """
    w = word.lower()
    return w in _GROUP_NOUNS or (w.endswith("s") and w[:-1] in KIN_GENDER)


def is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name (not ``The``, ``Monday``, ``I``, nor a
    drawn-out shout: ``Meeeen``, ``Nooo``).

    >>> is_name_word("Maren"), is_name_word("Meeeen"), is_name_word("Yaaah"), is_name_word("Lleyton")
    (True, False, False, True)
    """
    folded = fold(word).rstrip(".")
    return is_capitalised(word) and folded not in NOT_NAMES and not _is_pronoun_contraction(folded) and not _DRAWN_OUT.search(folded)


_DRAWN_OUT = re.compile(r"([a-z])\1\1")  # a letter three times running: a shout drawn out, no name


_CONTRACTION_ENDINGS = ("'d", "'s", "'ll", "'re", "'ve", "'m", "n't")


def _is_pronoun_contraction(folded: str) -> bool:
    """``She’d``, ``He's``, ``They're``: a common word with a clitic, never a name.

    >>> _is_pronoun_contraction("she'd"), _is_pronoun_contraction("ino's")
    (True, False)
    """
    for ending in _CONTRACTION_ENDINGS:
        if folded.endswith(ending) and folded[: -len(ending)] in NOT_NAMES:
            return True
    return False

