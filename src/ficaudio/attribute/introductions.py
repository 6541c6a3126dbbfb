"""Speakers who say who they are: ``"I am Brother Cole."`` names the one speaking.

A pass after the others (like :mod:`.narrator`): a self-introduction inside a quotation
either names a person we only knew by a description (``the monk`` -> Brother Cole, for
every line of the monk) or corrects the speaker of that one line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ficaudio.attribute.document import Document
from ficaudio.attribute.mentions import is_name_word, name_runs, words
from ficaudio.attribute.resolve import FIRST_PERSON_NAME
from ficaudio.attribute.rules import Decision, decided, vocatives_in
from ficaudio.models import SegmentKind

_SELF_INTRODUCTION = re.compile(
    r"(?<![\w'’])(?:I am|I'm|I’m|my name is|My name is|my name's|My name's|call me|Call me)\s+"
    r"((?:[A-Z][\w'’-]*\.?\s+)?[A-Z][\w-]*)(?![\w'’])"
)


_NAME_WORD = r"[A-Z][a-z][\w'’-]*"
_BARE_FULL_NAME = re.compile(rf"^[\"“‘']*(?:({_NAME_WORD})\.\s+)?({_NAME_WORD}) ({_NAME_WORD})\.(?:\s|[\"”’']*$)")
_ASKS_NAME = re.compile(r"\b(?:[Ww]ho are you|your name|[Hh]ave a name|[Ww]ho is this|[Ww]ho's this|[Ww]ho’s this)\b[^\"”]*\?")


def bare_introduction(quote: str, previous: str) -> str | None:
    """A quotation that opens on a full name and a full stop introduces its speaker when it
    gives the surname first (``"Marrow. Brynn Marrow. Ninth Company."``), or when the quotation
    before it asks for a name or is itself such an introduction (``"Maud Pennick. Nobody's
    company."`` after ``"Marrow. Brynn Marrow."``); a full name alone is otherwise a call.

    >>> bare_introduction('"Marrow. Brynn Marrow. Ninth Company."', '"Hold the lamp."')
    'Brynn Marrow'
    >>> bare_introduction('"Maud Pennick. Nobody’s company."', '"Marrow. Brynn Marrow."')
    'Maud Pennick'
    >>> bare_introduction('"Harry Potter. We meet again."', '"Hold the lamp."') is None
    True
    """
    m = _BARE_FULL_NAME.match(quote)
    if not m or not is_name_word(m.group(2)):
        return None
    bond_form = m.group(1) == m.group(3)
    if bond_form or _ASKS_NAME.search(previous) or (previous and bare_introduction(previous, "")):
        return f"{m.group(2)} {m.group(3)}"
    return None


def introduced_name(doc: Document, quote: str, previous: str = "") -> str | None:
    """The name a speaker gives themselves in a quotation, as a roster name when it is one.

    >>> from ficaudio.attribute.characters import Roster
    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(roster=Roster())
    >>> introduced_name(doc, '"Forgive me. I am Brother Cole. You are hunting the dragon."')
    'Brother Cole'
    >>> introduced_name(doc, '"I am Afraid."'), introduced_name(doc, '"I am here."')
    (None, None)
    """
    m = _SELF_INTRODUCTION.search(quote)
    phrase = m.group(1) if m else bare_introduction(quote, previous)
    if not phrase:
        return None
    if not all(is_name_word(w.rstrip(".")) or w.rstrip(".").lower() in _TITLE_WORDS for w in phrase.split()):
        return None
    runs = name_runs(words(phrase), phrase)
    if not runs:
        return None
    person = doc.roster.resolve(runs[0])
    if person is not None:
        return person.name
    return phrase if " " in phrase or _looks_like_name(phrase) else None


_TITLE_WORDS = frozenset({"brother", "sister", "father", "mother", "captain", "doctor", "dr", "mr", "mrs", "miss", "ms", "lady", "lord", "sir", "master", "parson", "professor"})
_NOT_INTRODUCTIONS = frozenset({"afraid", "sorry", "sure", "fine", "glad", "here", "not", "telling", "going"})


def _looks_like_name(word: str) -> bool:
    return word.lower() not in _NOT_INTRODUCTIONS and is_name_word(word)


def self_introductions(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """Apply every self-introduction in place; return renames for described people.

    ``"Forgive me. I am Brother Cole."`` said by ``the monk`` -> ``{"the monk": "Brother
    Cole"}`` (all the monk's lines); said by a named person (``Sir John``) -> that one line
    becomes Brother Cole's (rule ``self_introduction``).
    """
    renames: dict[str, str] = {}
    dialogue: list[int] = []
    for index, decision in sorted(decisions.items()):
        quote = doc.segments[index].text
        name = introduced_name(doc, quote, doc.segments[dialogue[-1]].text if dialogue else "")
        if name is not None and (asker := reciprocal_asker(doc, decisions, dialogue)):
            decision = decisions[index] = replace(decision, speaker=asker)
        if doc.segments[index].kind is SegmentKind.DIALOGUE:
            dialogue.append(index)
        if name is None or name == decision.speaker or decision.speaker == FIRST_PERSON_NAME:
            continue
        if decision.speaker.startswith("the ") and decision.speaker not in renames and not _asked_by(decisions, dialogue, decision.speaker):
            renames[decision.speaker] = name
        else:
            decisions[index] = decided(name, "self_introduction")
    return renames


def _asked_by(decisions: dict[int, Decision], dialogue: list[int], speaker: str) -> bool:
    """Whether ``speaker`` said the line before (``"Do you have a name?"``): the name given in
    answer is someone else's, so it corrects that one line and renames nobody."""
    return len(dialogue) >= 2 and decisions[dialogue[-2]].speaker == speaker


def reciprocal_asker(doc: Document, decisions: dict[int, Decision], dialogue: list[int]) -> str | None:
    """Who gives their name in answer to another's introduction: the described person who
    spoke before it (``"Do you have a name?" the healer asked.`` / ``"Marrow. Brynn
    Marrow."`` / ``"Maud Pennick."`` -> the healer, so every line of hers is Maud Pennick's)."""
    if len(dialogue) < 2:
        return None
    introduction, asked = dialogue[-1], dialogue[-2]
    previous = doc.segments[asked].text
    if not introduced_name(doc, doc.segments[introduction].text, previous):
        return None
    asker = decisions[asked].speaker
    return asker if asker.startswith("the ") and asker != decisions[introduction].speaker else None


def addressed_description_named(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """A described speaker who answers when a character is called by name is that character,
    when the name's owner never speaks nor acts otherwise: ``"Mrs. Hall, come here," said
    Teddy.`` / ``The landlady looked up. "What now?"`` -> ``{"the landlady": "Mrs. Hall"}``
    (Mrs. Hall being a character the roster knows). A call that is nothing but a name the
    roster does not know (:func:`bare_call`: ``"Ysolde," said the monk.`` / ``The dragon went
    still. "You know my name."``) names a described speaker who had spoken before the call. Only a reply read from its own paragraph
    counts; the narrator's answers (``"Pip, sir."``) name the narrator, not whoever speaks next.
    """
    speakers = {d.speaker for d in decisions.values()}
    subjects = {m.person for p in doc.paragraphs for m in p.mentions if m.kind == "name" and m.subject}
    dialogue = [i for i in sorted(decisions) if doc.segments[i].kind is SegmentKind.DIALOGUE]
    renames: dict[str, str] = {}
    for index, following in zip(dialogue, dialogue[1:]):
        replier = decisions[following].speaker
        if not replier.startswith("the ") or replier in renames or decisions[index].speaker in (FIRST_PERSON_NAME, replier):
            continue
        if decisions[following].rule not in _READ_FROM_PARAGRAPH:
            continue  # a guessed turn is no evidence of who answered the call
        if doc.paragraph_of[index] is doc.paragraph_of[following]:
            continue
        silent = [n for n in vocatives_in(doc, doc.segments[index].text) if n not in speakers and n not in subjects]
        if not silent and _spoke_before(decisions, replier, index) and (called := bare_call(doc, doc.segments[index].text)):
            silent = [] if doc.roster.lookup(called) else [called]  # a name met only in this call: nobody else owns it
        if len(silent) == 1 and silent[0] not in renames.values():
            renames[replier] = silent[0]
    return renames


def thanked_description_named(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """A described speaker whom the very next quotation calls by a name the story has not
    written before is that name's bearer: ``"That's Myra," says the old man at the end of the
    counter.`` / ``"Thanks, Walt."`` -> ``{"the man": "Walt"}`` (the tag must be read from its
    own paragraph; the call is in the next one).
    """
    dialogue = [i for i in sorted(decisions) if doc.segments[i].kind is SegmentKind.DIALOGUE]
    renames: dict[str, str] = {}
    for index, following in zip(dialogue, dialogue[1:]):
        described = decisions[index].speaker
        if not described.startswith("the ") or described in renames or decisions[index].rule not in _READ_FROM_PARAGRAPH | {"same_paragraph_continuation"}:
            continue
        if doc.paragraph_of[following] is doc.paragraph_of[index] or decisions[following].speaker == described:
            continue
        called = {n for n in vocatives_in(doc, doc.segments[following].text) if _first_written_at(doc, n) >= doc.segments[following].start}
        if len(called) == 1 and (name := called.pop()) not in renames.values():
            renames[described] = name
    return renames


def _first_written_at(doc: Document, name: str) -> int:
    """Where any form of a roster person is first written in the text."""
    person = doc.roster.by_name(name)
    forms = person.forms if person else (name,)
    found = [m.start() for f in forms if (m := re.search(rf"(?<![\w'’]){re.escape(f)}(?![\w])", doc.text))]
    return min(found, default=len(doc.text))


def _spoke_before(decisions: dict[int, Decision], speaker: str, index: int) -> bool:
    """Whether ``speaker`` had a line before segment ``index`` (was there to be called)."""
    return any(i < index and d.speaker == speaker for i, d in decisions.items())


_BARE_CALL = re.compile(r"^[\"“‘']*([A-Z][a-z]+)[,.!?]+[\"”’']*$")


def bare_call(doc: Document, quote: str) -> str | None:
    """A quotation that is nothing but a name calls someone by it: ``"Ysolde,"`` -> ``Ysolde``
    (a word the story also writes in lower case, even with an ending, ``"Wait!"`` / ``waited``,
    is a word, not a name; a broken-off ``"Because--"`` is no call).

    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(text='"Ysolde," said the monk. "Wait!" He waited.')
    >>> bare_call(doc, '"Ysolde,"'), bare_call(doc, '"Wait!"'), bare_call(doc, '"Yes."'), bare_call(doc, '"Go now."'), bare_call(doc, '"Because--"')
    ('Ysolde', None, None, None, None)
    """
    m = _BARE_CALL.match(quote)
    if not m or not is_name_word(m.group(1)):
        return None
    word = m.group(1)
    return None if re.search(rf"(?<![\w'’]){re.escape(word.lower())}", doc.text) else word


_READ_FROM_PARAGRAPH = frozenset({"explicit_tag", "pronoun_tag", "description_tag", "named_action_beat", "pronoun_action_beat", "description_action_beat"})
