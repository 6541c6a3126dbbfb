"""Speakers who say who they are: ``"I am Brother Cole."`` names the one speaking.

A pass after the others (like :mod:`.narrator`): a self-introduction inside a quotation
either names a person we only knew by a description (``the monk`` -> Brother Cole, for
every line of the monk) or corrects the speaker of that one line; a name given in answer to
who one is names the described newcomer who was talking (:func:`self_named_newcomer`). Calls, thanks and the one
person of a gender the scene names later (:func:`described_then_named`) or a call a role answers first
(:func:`role_answering_call_named`) name described speakers the same way, and
a parent called ``Mama`` by a Penhallow is Mrs. Penhallow (:func:`kin_name_of_family`), and a
name only called, heard as a voice, is the person who answers its calls (:func:`called_name_answered`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from ficaudio import letters
from ficaudio.attribute.aliases import MAY_CALL, surname_of, writes_word
from ficaudio.attribute.characters import Person, acts_after, may_be_name, written_as_place
from ficaudio.attribute.document import Document, Mention, Paragraph
from ficaudio.attribute.lexicon import FAMILY_KIN, GENDERED_ROLES, KIN_GENDER, KIN_NAMES, NEUTRAL_TITLES, NOT_AFTER_SHORT_TITLE, TITLE_GENDER
from ficaudio.attribute.names import name_prior
from ficaudio.attribute.narrator import story_names
from ficaudio.attribute.mentions import description_at, is_group_noun, is_name_word, is_person_noun, name_runs, search_where_written, words, written_at
from ficaudio.attribute.resolve import FIRST_PERSON_NAME, GENERIC_HEADS, Resolver, header_partner, relation_kinds, written_by_name
from ficaudio.attribute.rules import Decision, calls_in_the_room, decided, quote_context, turned_to, vocatives_in
from ficaudio.models import Gender, SegmentKind

_SELF_INTRODUCTION = letters.compile(
    r"(?<![\w'’])(?:I am|I'm|I’m|my name is|My name is|my name's|My name's|call me|Call me)\s+"
    r"((?:[A-Z][\w'’-]*\.?\s+)?[A-Z][\w-]*)(?![\w'’])"
)


_NAME_WORD = r"[A-Z][a-z][\w'’-]*"
_BARE_FULL_NAME = letters.compile(rf"^[\"“‘']*(?:({_NAME_WORD})\.\s+)?({_NAME_WORD}) ({_NAME_WORD})\.(?:\s|[\"”’']*$)")
_ASKS_NAME = letters.compile(r"\b(?:[Ww]ho are you|your name|[Hh]ave a name|[Ww]ho is this|[Ww]ho's this|[Ww]ho’s this)\b[^\"”]*\?")


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


_FULL_NAME_ALONE = letters.compile(rf"^[\"“‘']*({_NAME_WORD} {_NAME_WORD})[,.]?[\"”’']*$")


def full_name_first_given(doc: Document, index: int) -> str | None:
    """A quotation that is nothing but a full name never written before it gives its speaker's
    own name (``"I don't believe we've met."`` / ``"Cordelia Vance," the senator's wife said``);
    a name the story (its header and notes aside) has met already, either part, as a whole word
    (``Roses`` is no ``Rose``), is a call (``"Harry Potter," said Snape``;
``"Marisol. Did you?"`` ... ``"Marisol Abara."``: her mother's scolding). Read for
    a described speaker only: a named one saying a new name answers a question (``"Who was
    it?"`` / ``"Father Flynn."``).

    >>> from types import SimpleNamespace
    >>> from ficaudio.attribute.header import Header
    >>> t = 'Teddy bowed. "Cordelia Vance," said the woman. "Cordelia Vance," he said.'
    >>> doc = SimpleNamespace(text=t, header=Header(), segments=[SimpleNamespace(start=13, text='"Cordelia Vance,"'), SimpleNamespace(start=48, text='"Cordelia Vance,"')])
    >>> full_name_first_given(doc, 0), full_name_first_given(doc, 1)
    ('Cordelia Vance', None)
    """
    m = _FULL_NAME_ALONE.match(doc.segments[index].text)
    if not m or not all(is_name_word(w) for w in m.group(1).split()):
        return None
    before = doc.text[doc.header.end:doc.segments[index].start]  # sliced only for a quotation that is a full name alone
    return None if any(writes_word(before, w) for w in m.group(1).split()) else m.group(1)


def introduced_name(doc: Document, quote: str, previous: str = "") -> str | None:
    """The name a speaker gives themselves in a quotation, as a roster name when it is one.

    >>> from ficaudio.attribute.characters import Roster
    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(roster=Roster())
    >>> introduced_name(doc, '"Forgive me. I am Brother Cole. You are hunting the dragon."')
    'Brother Cole'
    >>> introduced_name(doc, '"I am Afraid."'), introduced_name(doc, '"I am here."')
    (None, None)
    >>> introduced_name(doc, '"You may call me Ysolde. And you may sit."'), introduced_name(doc, '"I am Norwegian. This is joy."')
    ('Ysolde', None)
    """
    m = _SELF_INTRODUCTION.search(quote)
    phrase = m.group(1) if m else bare_introduction(quote, previous)
    if phrase and m and not _all_name_words(phrase):
        if m.group(0).lower().startswith(("i ", "i'", "i’")):
            return _person_before_full_stop(doc, phrase)
        phrase = phrase.split(". ")[0]  # "Call me Honora. And you...": the sentence ends at the name (not "I am Norwegian. This")
    if not phrase or not _all_name_words(phrase):
        return None
    runs = name_runs(words(phrase), phrase)
    if not runs:
        return None
    person = doc.roster.resolve(runs[0])
    if person is not None:
        return person.name
    return phrase if " " in phrase or _looks_like_name(phrase, doc) else None


_GREETING_NAME = letters.compile(r"(?:^[\"“‘']*|[.!?]\s+)([A-Z][a-z][\w'’-]*)\.\s+(?:[Ii]t['’]s\s+|[Ii]t is\s+)?(?:[Nn]ice|[Gg]ood|[Gg]reat|[Pp]leased|[Ll]ovely|[Gg]lad|[Hh]appy)\s+to\s+(?:finally\s+)?meet\s+you")


def greeting_name(text: str, story_start: int, at: int, quote: str) -> str | None:
    """A name the story (its header and notes aside: from ``story_start``) has not written
    before ``at``, said alone right before ``nice to meet you``, is the speaker's own: ``"And
    this must be Julian. Dennis. Great to meet you."`` -> Dennis (a name written before is the
    one greeted: ``"Julian. Great to meet you."`` after ``This is Julian``). Only a name
    (:func:`~ficaudio.attribute.characters.may_be_name`, strictly): ``"Welcome. Nice to meet
    you."`` greets, it names nobody.

    >>> t = 'Her father came out.'
    >>> greeting_name(t, 0, len(t), '"So you are Ana. Tobias. Nice to meet you."'), greeting_name(t, 0, len(t), '"Welcome. Nice to meet you."')
    ('Tobias', None)
    >>> greeting_name('This is Tobias.', 0, 15, '"Tobias. Nice to meet you."') is None
    True
    """
    m = _GREETING_NAME.search(quote)  # matched before any slice of the text: most lines fail here
    if not m or not may_be_name(text, m.group(1), strict=True) or writes_word(text[story_start:at], m.group(1)):
        return None
    return m.group(1)


def _person_before_full_stop(doc: Document, phrase: str) -> str | None:
    """``I'm Wes. I run the shop``: a sentence that ends on a person's name (one the roster
    knows, not ``Norwegian. This``) gives that name.

    >>> from collections import Counter
    >>> from types import SimpleNamespace
    >>> from ficaudio.attribute.characters import Person, Roster
    >>> doc = SimpleNamespace(roster=Roster())
    >>> _ = doc.roster.add(Person("Wes", Counter(Wes=3)), ["Wes"])
    >>> _person_before_full_stop(doc, "Wes. I"), _person_before_full_stop(doc, "Norwegian. This")
    ('Wes', None)
    """
    head = phrase.split(". ")[0]
    person = doc.roster.resolve_phrase(head) if ". " in phrase and head.lower() not in _TITLE_WORDS else None
    return person.name if person is not None else None


def _all_name_words(phrase: str) -> bool:
    return all(is_name_word(w.rstrip(".")) or w.rstrip(".").lower() in _TITLE_WORDS for w in phrase.split())


_TITLE_WORDS = frozenset({"brother", "sister", "father", "mother", "captain", "doctor", "dr", "mr", "mrs", "miss", "ms", "lady", "lord", "sir", "master", "parson", "professor"})
_NOT_INTRODUCTIONS = frozenset({"afraid", "sorry", "sure", "fine", "glad", "here", "not", "telling", "going"})


def _looks_like_name(word: str, doc: Document) -> bool:
    """A word after ``I'm`` that no one on the roster bears may be a name given, but not a word of
    three letters or more in capitals: ``"I'm TRYING to--"`` stresses a word (a name shouted,
    ``I'm MAYA``, is a roster person's, found before this test by :func:`introduced_name`).
    Two capitals are a name of initials (``AJ``, ``TJ``) only where the text shows them acting
    as a person (``TJ grinned``): ``"I'm HR, actually."``, ``"I'm UK based."`` name no one.

    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(text="TJ grinned.")
    >>> [_looks_like_name(w, doc) for w in ("Wes", "TRYING", "Afraid", "TJ", "HR")]
    [True, False, False, True, False]
    """
    if word.lower() in _NOT_INTRODUCTIONS or not is_name_word(word) or (len(word) > 2 and word.isupper()):
        return False
    return not (len(word) == 2 and word.isupper()) or any(acts_after(doc.text, m.end()) for m in re.finditer(rf"\b{word}\b", doc.text))


def self_introductions(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """Apply every self-introduction in place; return renames for described people.

    ``"Forgive me. I am Brother Cole."`` said by ``the monk`` -> ``{"the monk": "Brother
    Cole"}`` (all the monk's lines; so for ``Mom``: ``"Call me Yukiko."``); said by a named person (``Sir John``) -> that one line
    becomes Brother Cole's (rule ``self_introduction``) -- unless the narration never writes
    the name and the paragraph shows nobody else: then it is the speaker's cover name
    (:func:`is_cover_name`), ``{"Miss Vogel": "Juno"}``.
    """
    renames: dict[str, str] = {}
    dialogue: list[int] = []
    for index, decision in sorted(decisions.items()):
        quote = doc.segments[index].text
        name = (introduced_name(doc, quote, doc.segments[dialogue[-1]].text if dialogue else "")
                or (greeting_name(doc.text, doc.header.end, doc.segments[index].start, quote) if _movable(decision) else None)
                or (full_name_first_given(doc, index) if is_unnamed(decision.speaker) else None))
        if name is not None and written_as_place(doc.text, name):
            name = None  # "Tarrow Ford," he said ... Halloway was at Tarrow Ford: where, not who
        if name is not None and (asker := reciprocal_asker(doc, decisions, dialogue)):
            decision = decisions[index] = replace(decision, speaker=asker)
        if doc.segments[index].kind is SegmentKind.DIALOGUE:
            dialogue.append(index)
        owner = name if name is not None and _SELF_INTRODUCTION.search(quote) else decision.speaker
        if (called_as := _self_description(doc, quote, owner, decisions)) and called_as not in renames:
            renames[called_as] = owner
        if name is None or name == decision.speaker or decision.speaker == FIRST_PERSON_NAME:
            continue
        if is_unnamed(decision.speaker) and decision.speaker not in renames and not _asked_by(doc, decisions, dialogue, decision.speaker):
            renames[decision.speaker] = name
        elif is_cover_name(doc, name) and name not in renames and not _shows_another(doc, index, decision.speaker):
            renames[name] = decision.speaker
        else:
            decisions[index] = decided(name, "self_introduction")
    return renames


_CALL_ME_THE = letters.compile(r"(?<![\w'’])(?:[Cc]all|[Cc]alls|[Cc]alled)\s+me\s+(the\s+[\w'’ -]+)")
_NOT_SO_CALLED = letters.compile(r"(?:\b(?:[Dd]on['’]t|[Dd]o not|[Nn]ever|[Nn]ot|[Ss]top|[Ww]on['’]t|[Cc]an['’]t|[Nn]obody|[Nn]o one)\s+(?:\w+\s+){0,2})$")
_SENTENCE_CLOSE = letters.compile(r"[.!?…]")


def _self_description(doc: Document, quote: str, speaker: str, decisions: dict[int, Decision]) -> str | None:
    """The described voice a quotation says is its speaker's: ``call me the X`` names the one
    speaking, as ``call me X`` does, so ``"They call me the Margrave. You may call me Mr.
    Aurelian."`` makes the voice ``the Margrave`` Mr. Aurelian's (``speaker``: the name the same
    quotation gives, else the one who says it, when named). A call refused (``Don't call me
    the boss``, ``Don't you dare call me the boss``, ``nobody calls me the captain``) or asked
    about (``Did you just call me the intern?``) names no one, and neither does a description
    no line was given to, nor one that runs on past its noun (``They will call me the fool who
    lost the fleet``: said of the speaker, while the story's fool is another).

    >>> from ficaudio.attribute.characters import Roster
    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(roster=Roster())
    >>> said = {0: SimpleNamespace(speaker="the Captain"), 1: SimpleNamespace(speaker="the boss")}
    >>> _self_description(doc, '"They call me the Captain."', "Ida", said), _self_description(doc, '"Never call me the boss."', "Ida", said)
    ('the Captain', None)
    """
    if is_unnamed(speaker) or speaker == FIRST_PERSON_NAME:
        return None
    for m in _CALL_ME_THE.finditer(quote):
        if _NOT_SO_CALLED.search(quote, max(0, m.start() - 24), m.start()) or (end := _SENTENCE_CLOSE.search(quote, m.end())) and end.group() == "?":
            continue  # refused, or asked ("Did you just call me the intern?")
        found = description_at(m.group(1), doc.roster.speaker_nouns)
        if found is None or found[0] != m.group(1).strip(" -"):
            continue  # "They'll call me the fool who lost the fleet": a phrase said of me, no name of mine
        voices = {d.speaker for d in decisions.values() if d.speaker.lower() == found[0].lower()} - {speaker}
        if len(voices) == 1:
            return voices.pop()
    return None


def is_cover_name(doc: Document, name: str) -> bool:
    """A name a named speaker gives themselves that only the quotations ever say -- the
    narration never writes it -- is a cover name or a second name of theirs, not another
    person: ``"And you, Miss--?"`` / ``"Vogel. Annika Vogel."`` in a story whose narration calls
    her Juno throughout."""
    person = doc.roster.by_name(name)
    return person is not None and not person.known and not any(m.person == name for m in story_names(doc))


def _shows_another(doc: Document, index: int, speaker: str) -> bool:
    """Whether the quotation's paragraph shows someone other than ``speaker`` (a description,
    or another person by name): ``The stranger rode a step nearer. "... I am Parson Wendel."``
    -- the name may be the stranger's, whoever ``he said`` was read as."""
    return any(m.kind == "description" or m.kind == "name" and m.person != speaker for m in doc.paragraph_of[index].mentions)


def _movable(decision: Decision) -> bool:
    """Whether a greeting may name the line's speaker: one known only by a description or kin
    word, or a line whose speaker no tag or beat of its own named (``"Likewise. Nice to meet
    you," Theo said.`` stays Theo's)."""
    return is_unnamed(decision.speaker) or decision.rule not in _READ_FROM_PARAGRAPH


_CALLED_ME = letters.compile(r"(?<![\w'’])(?:[Cc]alls|[Cc]alled)\s+me\s+([A-Z][a-z][\w'’-]*)(?![\w'’-])")


def called_me_named(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A name a speaker says others call them by (``"Nobody calls me Kore anymore,"``,
    ``"Gran called me Pip"``) is that speaker's, though the story heard it as a voice of its own
    from the calls (``"The point, Kore, is ..."``): ``{"Kore": "Persephone"}``. Only a named
    speaker (not ``I``, not a description or kin word, whose own name is still to find), a name
    that is a person of the story with no tagged line of its own (``"You just called me
    Steve," Sam said.`` to a Steve whom tags make speak is a wrong name, not Sam's), no name
    another pass renamed (``taken``), one speaker only, and genders that do not clash. A name
    the narration writes is someone the story shows apart from the speaker (``Nadia had texted
    Marco`` ... ``"He called me Nadia," Lena said.``, ``Aunt Rachel had been dead for ten
    years``): a wrong name the speaker was called, not hers; the name must be one only the
    quotations say.
    """
    doc = resolver.doc
    tagged = {d.speaker for d in decisions.values() if d.rule == "explicit_tag"}
    narrated = {x.person for para in doc.paragraphs for x in para.mentions if x.kind == "name" and x.person and x.start >= doc.header.end}
    tagged |= {p.name for name in narrated if (p := doc.roster.by_name(name)) is not None}
    claims: dict[str, set[str]] = defaultdict(set)
    for index, decision in decisions.items():
        speaker = decision.speaker
        if speaker == FIRST_PERSON_NAME or is_unnamed(speaker) or doc.segments[index].kind is not SegmentKind.DIALOGUE:
            continue
        for found in _CALLED_ME.finditer(doc.segments[index].text):
            person = doc.roster.lookup(found.group(1))
            if person is not None and person.name != speaker and not person.known and person.name not in tagged and person.name not in taken:
                claims[person.name].add(speaker)
    return {name: speaker for name, (speaker, *others) in claims.items() if not others and _genders_agree(resolver, name, speaker)}


def is_unnamed(speaker: str) -> bool:
    """A speaker known by no name of their own: a description (``the monk``) or a kin word
    (``Mom``, ``Okaa-san``); the name they give themselves names them from then on.

    >>> is_unnamed("the monk"), is_unnamed("Okaa"), is_unnamed("Dad"), is_unnamed("Sir John")
    (True, True, True, False)
    """
    return speaker.startswith("the ") or speaker.lower() in KIN_NAMES


def _asked_by(doc: Document, decisions: dict[int, Decision], dialogue: list[int], speaker: str) -> bool:
    """Whether ``speaker`` said the line before, in a paragraph of its own (``"Do you have a
    name?"``): the name given in answer is someone else's, so it corrects that one line and
    renames nobody. A line before in the same paragraph is the speaker going on (``"Only you,"
    the clerk said. "I'm Mavis, by the way."``; ``"There she is!" Her father came down the walk.
    "... Dennis. Great to meet you."``): the name is theirs."""
    return len(dialogue) >= 2 and decisions[dialogue[-2]].speaker == speaker and doc.paragraph_of[dialogue[-2]] is not doc.paragraph_of[dialogue[-1]]


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
    still. "You know my name."``) names a described speaker who had spoken before the call, when the
    word is a real name or the reply owns it (:func:`_answered_as_name`: ``"Delighted," Teddy said.``
    names nobody). The
    call may be any quotation of the turn before, not only its last (``"Feel sick, Thea?" he asked.
    "Why didn't you call?"`` / ``"I thought you were here," she said.``). Only a reply read from its own paragraph
    counts; the narrator's answers (``"Pip, sir."``) name the narrator, not whoever speaks next.
    """
    speakers = {d.speaker for d in decisions.values()}
    subjects = {m.person for p in doc.paragraphs for m in p.mentions if m.kind == "name" and m.subject}
    dialogue = [i for i in sorted(decisions) if doc.segments[i].kind is SegmentKind.DIALOGUE]
    renames: dict[str, str] = {}
    lines = _lines_by_speaker(decisions)
    for index, following in zip(dialogue, dialogue[1:]):
        replier = decisions[following].speaker
        if not replier.startswith("the ") or replier in renames or decisions[index].speaker in (FIRST_PERSON_NAME, replier):
            continue
        if decisions[following].rule not in _READ_FROM_PARAGRAPH:
            continue  # a guessed turn is no evidence of who answered the call
        if doc.paragraph_of[index] is doc.paragraph_of[following] or _scene_break_between(doc, index, following):
            continue
        silent = [n for n in _called_in_paragraph(doc, decisions, index, replier) if n not in speakers and n not in subjects]
        if not silent and _spoke_before(lines, replier, index) and (called := bare_call(doc, doc.segments[index].text)):
            silent = [] if doc.roster.lookup(called) or not _answered_as_name(doc, called, doc.segments[following].text) else [called]  # met only in this call
        if len(silent) == 1 and silent[0] not in renames.values():
            renames[replier] = silent[0]
    return renames


def role_answering_call_named(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A role first heard answering a call by name is the person called: ``"You know that
    better than I do, Noor."`` / ``"I do," says the attending.`` -> ``{"the attending": "Noor
    Haddad"}``, every line of hers; the call may open a later sentence (``"Soundcheck. Ruth,
    with me."`` / ``"Fine," said the drummer.``). Only a role that the story never brought in as someone new
    (``an attending``), no word of sex or kin (``the woman`` answering may be anyone), its tag
    read in its own paragraph, the call naming one person of its gender, not its caller.
    People the other passes renamed (``taken``) are left alone.
    """
    doc = resolver.doc
    dialogue = [i for i in sorted(decisions) if doc.segments[i].kind is SegmentKind.DIALOGUE]
    first: dict[str, int] = {}
    for index in dialogue:
        first.setdefault(decisions[index].speaker, index)
    renames: dict[str, str] = {}
    for index, following in zip(dialogue, dialogue[1:]):
        replier, caller = decisions[following].speaker, decisions[index].speaker
        if first[replier] != following or not _unintroduced_role(doc.text, replier, doc.segments[following].start) or replier in taken:
            continue
        if decisions[following].rule not in _DESCRIBED_RULES or doc.paragraph_of[index] is doc.paragraph_of[following] or _scene_break_between(doc, index, following):
            continue
        called = [n for n in dict.fromkeys([*vocatives_in(doc, doc.segments[index].text), *turned_to(quote_context(doc, index))]) if n != caller and doc.roster.by_name(n)]
        if len(called) == 1 and _genders_agree(resolver, replier, called[0]) and called[0] not in renames.values():
            renames[replier] = called[0]
    return renames


_CLAIMS_ROLE = letters.compile(r"(?<![\w'’])(?<![Ii]f\s)(?<!think\s)(?<!thought\s)(?<!whether\s)(?:I am|I'm|I’m)\s+(?:the|a|an|your|their)\s+((?:[a-z-]+\s+){0,2}(?!(?:here|now|too)\b)[a-z-]+)(?=(?:\s+(?:here|now|too))?\s*(?:[,.!;—]|of\b|[\"”’]|$))")
"""A speaker's own claim to a role (``I'm the captain.``); not a question or a supposition
(``You think I'm the captain?``, ``If I'm the captain,``)."""


def role_claimed_named(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A role a named speaker says is theirs (``"I'm the captain," said Idris.``, ``"I am a
    lost delivery driver," says Tomek``) names the voice the story knows by that role alone:
    every line of ``the captain`` is Idris's. Only a role claimed by one named person, not a
    word of sex or kin (``"I'm a grown woman"``), genders agreeing. People the other passes
    renamed (``taken``) are left alone.

    >>> [m.group(1) for m in _CLAIMS_ROLE.finditer('"I’m the captain. I am a lost delivery driver, sir. I’m the cook here. I’m not a doctor."')]
    ['captain', 'lost delivery driver', 'cook']
    >>> [m.group(1) for m in _CLAIMS_ROLE.finditer('"You think I’m the captain? If I’m the captain, we sink. I thought I’m the boss."')]
    []
    """
    doc = resolver.doc
    voices = {d.speaker for d in decisions.values() if d.speaker.startswith("the ") and d.speaker not in taken}
    claimers: dict[str, set[str]] = {}
    for index, decision in decisions.items():
        if doc.segments[index].kind is not SegmentKind.DIALOGUE or is_unnamed(decision.speaker) or decision.speaker == FIRST_PERSON_NAME:
            continue
        for m in _CLAIMS_ROLE.finditer(doc.segments[index].text):
            head = m.group(1).rsplit(" ", 1)[-1]
            if f"the {head}" in voices and head not in KIN_GENDER:
                claimers.setdefault(f"the {head}", set()).add(decision.speaker)
    return {role: named for role, names in claimers.items() if len(names) == 1 for named in names if _genders_agree(resolver, role, named)}


def header_title_named(doc: Document, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A fan fiction header that lists a character under a title (``Characters: ...,
    Keeper-of-Accord Ysse``) names the speaker the story knows only by that title: every line
    of ``the Keeper-of-Accord`` is Ysse's. People the other passes renamed (``taken``) are
    left alone.

    >>> from types import SimpleNamespace
    >>> from ficaudio.attribute.characters import Roster
    >>> from ficaudio.attribute.header import Header
    >>> doc = SimpleNamespace(text="Characters: Tobin Aske, Keeper-of-Accord Ysse", roster=Roster(), header=Header(45, (12, 45)))
    >>> header_title_named(doc, {3: decided("the Keeper-of-Accord", "description_tag")}, {})
    {'the Keeper-of-Accord': 'Ysse'}
    """
    described = {d.speaker.lower(): d.speaker for d in decisions.values() if d.speaker.startswith("the ") and d.speaker not in taken}
    renames: dict[str, str] = {}
    for listed in (n.split() for n in doc.header.cast_names(doc.text)):
        for k in range(1, len(listed)):
            if speaker := described.get("the " + " ".join(listed[:k]).lower()):
                name = " ".join(listed[k:])
                renames[speaker] = person.name if (person := doc.roster.lookup(name)) else name
    return renames


def _unintroduced_role(text: str, described: str, before: int) -> bool:
    """Whether ``described`` is a role (``the attending``; not ``the woman``, ``the boy``) the
    text has not brought in as someone new (``an attending``, ``a tall attending``) before ``before``.

    >>> _unintroduced_role("An attending came in.", "the attending", 30), _unintroduced_role("She came.", "the attending", 9), _unintroduced_role("", "the woman", 0)
    (False, True, False)
    """
    head = described.rsplit(" ", 1)[-1]
    if not described.startswith("the ") or head in KIN_GENDER and head not in GENDERED_ROLES:
        return False
    return not _brought_in_before(text, head, before)


_AN_BEFORE = re.compile(r"\b[Aa]n? (?:[\w'’-]+ ){0,2}\Z")  # "an ", "a tall ": ends where the role's word is written


def _brought_in_before(text: str, head: str, before: int) -> bool:
    """Whether ``text`` writes ``a``/``an``, at most two words, then ``head`` (a whole word) ending by
    ``before``. The ``a``/``an`` opens at most four spaces back from the word.

    >>> _brought_in_before("An old attending came. The attending", "attending", 36), _brought_in_before("Attendings came.", "attending", 16)
    (True, False)
    """
    return _written_after(text, head, before, _AN_BEFORE, 4)


def _written_after(text: str, head: str, before: int, opener: re.Pattern[str], spaces: int) -> bool:
    """Whether ``text`` writes ``head`` (a whole word, after a space) ending by ``before`` right
    where ``opener`` (a pattern ending on ``\\Z``) ends, ``opener`` starting at most ``spaces``
    spaces back from the word: looked for where ``head`` is written (``str.find``), not by a
    pattern tried at every letter of a long story."""
    whole_word = re.compile(rf"{re.escape(head)}\b")
    for at in written_at(text, head):
        if at + len(head) > before:
            return False
        if at and text[at - 1] == " " and whole_word.match(text, at, before) and opener.search(text, _after_spaces_back(text, at, spaces), at):
            return True
    return False


def _after_spaces_back(text: str, at: int, spaces: int) -> int:
    """Where the text starts after the ``spaces``-th space before ``at`` (0 if there are fewer)."""
    for _ in range(spaces):
        at = text.rfind(" ", 0, at)
        if at < 0:
            return 0
    return at + 1


def _genders_agree(resolver: Resolver, a: str, b: str) -> bool:
    """Whether two people's genders do not clash (either may be unknown)."""
    genders = {resolver.gender(a), resolver.gender(b)} - {Gender.UNKNOWN}
    return len(genders) <= 1


def _scene_break_between(doc: Document, index: int, following: int) -> bool:
    """Whether a scene or chapter break falls after quotation ``index``'s paragraph and by
    quotation ``following``'s: a line after the break answers no call made before it."""
    starts = doc.paragraph_starts
    first = bisect.bisect_right(starts, doc.paragraph_of[index].start)
    last = bisect.bisect_right(starts, doc.paragraph_of[following].start)
    return any(para.scene_start for para in doc.paragraphs[first:last])


def _called_in_paragraph(doc: Document, decisions: dict[int, Decision], index: int, replier: str) -> list[str]:
    """The names the quotations of ``index``'s paragraph call, by whoever is not the replier:
    ``"Feel pretty sick, Thea?" he asked. "Why didn't you call somebody?"`` calls Thea even
    though the turn ends on another quotation."""
    para = doc.paragraph_of[index]
    called = [n for i in para.quotes if i <= index and (d := decisions.get(i)) and d.speaker != replier for n in vocatives_in(doc, doc.segments[i].text)]
    return list(dict.fromkeys(called))


def thanked_description_named(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """A described speaker whom the very next quotation calls by a name the story has not
    written before is that name's bearer: ``"That's Myra," says the old man at the end of the
    counter.`` / ``"Thanks, Walt."`` -> ``{"the man": "Walt"}`` (the tag must be read from its
    own paragraph; the call is in the next one, or in the same one under its own tag naming
    someone else: ``said the weeping handmaiden. "Ah, Ellis," cried Miss Marjoribanks``).
    The call must come in the paragraph right after the described speaker's: with narration
    between, or a scene break, it may greet someone who has come in since (``"Pie, then,"``
    said by the stranger / ``At ten the sheriff came in.`` / ``"Evening, Dee," Margie said.``:
    Dee is the sheriff).
    """
    dialogue = [i for i in sorted(decisions) if doc.segments[i].kind is SegmentKind.DIALOGUE]
    renames: dict[str, str] = {}
    for index, following in zip(dialogue, dialogue[1:]):
        described = decisions[index].speaker
        if not described.startswith("the ") or described in renames or decisions[index].rule not in _READ_FROM_PARAGRAPH | {"same_paragraph_continuation"}:
            continue
        if decisions[following].speaker == described or doc.paragraph_of[following] is doc.paragraph_of[index] and decisions[following].rule != "explicit_tag":
            continue  # in the same paragraph only a caller named by its own tag is someone else
        if doc.paragraph_of[following] is not doc.paragraph_of[index] and doc.paragraph_before(doc.paragraph_of[following]) is not doc.paragraph_of[index]:
            continue  # narration between, or a new scene (no paragraph before it): the call may be to someone who came in since
        called = {n for n in calls_in_the_room(doc, doc.segments[following].text) if _first_written_at(doc, n) >= doc.segments[following].start}
        if len(called) == 1 and (name := called.pop()) not in renames.values():
            renames[described] = name
    return renames


def _first_written_at(doc: Document, name: str) -> int:
    """Where any form of a roster person is first written in the text."""
    person = doc.roster.by_name(name)
    forms = person.forms if person else (name,)
    found = [m.start() for f in forms if (m := search_where_written(re.compile(rf"(?<![\w'’]){re.escape(f)}(?![\w])"), doc.text, f))]
    return min(found, default=len(doc.text))


def _lines_by_speaker(decisions: dict[int, Decision]) -> dict[str, list[tuple[int, str]]]:
    """Each speaker's lines as (segment index, deciding rule), read once for many questions."""
    lines: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, d in decisions.items():
        lines[d.speaker].append((i, d.rule))
    return lines


def _spoke_before(lines: dict[str, list[tuple[int, str]]], speaker: str, index: int, unless: str = "") -> bool:
    """Whether ``speaker`` had a line before segment ``index`` (was there to be called), not
    counting lines decided by the rule ``unless``; ``lines`` from :func:`_lines_by_speaker`."""
    return any(i < index and rule != unless for i, rule in lines.get(speaker, ()))


_BARE_CALL = letters.compile(r"^[\"“‘']*([A-Z][a-z]+)[,.!?]+[\"”’']*$")


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
    return None if search_where_written(re.compile(rf"(?<![\w'’]){re.escape(word.lower())}"), doc.text, word.lower()) else word


_OWN_NAME = letters.compile(r"(?<![\w'’])my name\b", re.IGNORECASE)


def _answered_as_name(doc: Document, word: str, reply: str) -> bool:
    """Whether a word called alone is a name: a real one (:func:`~ficaudio.attribute.characters.may_be_name`,
    strictly: a listed given name or one written mid-sentence), or one the reply owns (``"Ysolde," said
    the monk.`` / ``"You know my name."``). A word said as a one-word reply is none (``"Delighted,"
    Teddy said.``, ``"Yield?"``, ``"Likewise."``).

    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(text="")
    >>> _answered_as_name(doc, "Ysolde", "You know my name."), _answered_as_name(doc, "Delighted", "Are you?"), _answered_as_name(doc, "Thea", "What?")
    (True, False, True)
    """
    return may_be_name(doc.text, word, strict=True) or bool(_OWN_NAME.search(reply))


_READ_FROM_PARAGRAPH = frozenset({"explicit_tag", "pronoun_tag", "description_tag", "named_action_beat", "pronoun_action_beat", "description_action_beat"})


_SENTENCE_END = letters.compile(NOT_AFTER_SHORT_TITLE + r"[.!?;]")


def described_then_named(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A described speaker (``the old lady``) is the one person of that gender the narration of
    the scene names, when the name is met and speaks only after the description has spoken,
    the description was written with an article before the name came (``his lady`` is a
    relation, maybe of a Lady Ferrars who calls later), and the two are never in one sentence
    as two people: ``The old lady whirled round.`` ... ``His aunt Polly stood surprised a
    moment`` -> ``{"the lady": "Aunt Polly"}``. People the other passes renamed (``taken``), or
    renamed someone to, are left alone, and so is an epithet (:func:`is_epithet`: ``the Warden``
    is a name in its own right, not a stranger waiting for one)."""
    events = resolver.salience.events()
    lines: dict[str, list[int]] = {}
    for index, decision in sorted(decisions.items()):
        lines.setdefault(decision.speaker, []).append(resolver.doc.segments[index].start)
    renames: dict[str, str] = {}
    for described, said in lines.items():
        person = resolver.person(described)
        if not described.startswith("the ") or is_epithet(described) or described in taken or person is None or person.known or person.gender is Gender.UNKNOWN:
            continue
        name = _one_named_of_gender(resolver, person.gender, said[0])
        if name and name not in renames.values() and name not in taken.values() and _named_after(resolver, events, lines, described, name):
            renames[described] = name
    return renames


_NAME_GIVEN = letters.compile(r"(?:His|Her) (?:first |real |full )?name (?:is|was) ")


def named_by_possessive(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A described speaker whom the narration's ``his``/``her`` means where it gives that
    pronoun's name is the person of the name: ``an old woman peered out at us`` / ``"How
    much?" she said.`` / ``* * *`` / ``Her name was Old Hesk, and she had run the ferry for forty
    years`` -> ``{"the woman": "Hesk"}``, every line of the old woman. The pronoun is read as the
    resolver read it (the one ``her`` means there); the name must be met there for the first
    time in the story (its header aside): a name the reader knows already is someone else,
    not a new name for the described. Genders must agree; people the other passes renamed
    (``taken``) are left alone, and so is an epithet (``the Warden``).

    Scenes: tests/test_attribute_introductions.py.
    """
    doc = resolver.doc
    speakers = {d.speaker for d in decisions.values()}
    renames: dict[str, str] = {}
    for para in doc.paragraphs:
        for m in para.mentions:
            if m.kind != "pronoun" or not (found := _NAME_GIVEN.match(doc.text, m.start)):
                continue
            described = resolver.read_as(m)
            person = resolver.person(described) if described else None
            if person is None or person.known or described not in speakers or not described.startswith("the ") or is_epithet(described) or described in taken or described in renames:
                continue
            named = next((n for n in para.mentions if n.kind == "name" and n.start == found.end() and n.person), None)
            owner = doc.roster.by_name(named.person) if named else None
            if owner is None or owner is person or not _genders_agree(resolver, described, named.person) or _another_described_since(resolver, described, m):
                continue
            before = doc.text[doc.header.end:m.start]
            if not any(search_where_written(re.compile(rf"(?<![\w'’]){re.escape(f)}(?![\w])"), before, f) for f in owner.forms):
                renames[described] = owner.name
    return renames


def _another_described_since(resolver: Resolver, described: str, m: Mention) -> bool:
    """Whether the narration brings in someone else by description, of the pronoun ``m``'s
    gender or of none, after its last mention of ``described`` and before ``m``: ``The sergeant
    pointed at a skinny boy by the door. His name was Pell`` names the boy, whoever the resolver
    took ``his`` for."""
    doc = resolver.doc
    gender = Gender.MALE if m.text.lower() == "his" else Gender.FEMALE
    between = [x for para in doc.paragraphs if para.start <= m.start for x in para.mentions if x.start < m.start and x.kind in ("description", "name", "pronoun")]
    last = max((x.start for x in between if resolver.read_as(x) == described), default=-1)
    return any(x.kind == "description" and x.start > last and resolver.read_as(x) != described and x.gender in (gender, Gender.UNKNOWN)
               and not is_group_noun(x.head or "") for x in between)


def self_named_newcomer(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """One who answers with their own name when asked who they are, never having spoken before
    (``"And who might you be?"`` / ``"Tobias. Tobias Crane."``:
    :func:`~ficaudio.attribute.rules.self_named_answer`), is the one person known by a description,
    met in that scene, who had been talking in it -- not the asker: ``A man in a wet coat stood at
    the gate.`` / ``"Is this the harbour office?" said the man.`` ... ``"Tobias. Tobias Crane."``
    -> ``{"the man": "Tobias Crane"}``, every line of his. Genders must agree; people the other
    passes renamed (``taken``) are left alone, and so is an epithet.

    Scenes: tests/test_attribute_introductions.py.
    """
    doc = resolver.doc
    dialogue = [i for i in sorted(decisions) if doc.segments[i].kind is SegmentKind.DIALOGUE]
    renames: dict[str, str] = {}
    lines = _lines_by_speaker(decisions)
    for k, index in enumerate(dialogue):
        name = decisions[index].speaker
        if decisions[index].rule != "self_named_answer" or _spoke_before(lines, name, index, unless="alternation_backfill"):
            continue  # a line backfilled from this very answer is no earlier line of theirs
        lo, _ = _scene_around(doc, doc.segments[index].start)
        asker = decisions[dialogue[k - 1]].speaker if k else None
        talking = {decisions[i].speaker for i in dialogue[:k] if doc.segments[i].start >= lo}
        described = [d for d in talking if _described_newcomer(resolver, d, lo) and d not in (asker, *taken) and _genders_agree(resolver, d, name)]
        if len(described) == 1 and name not in renames.values():
            renames[described[0]] = name
    return renames


def _described_newcomer(resolver: Resolver, described: str, scene_start: int) -> bool:
    """Whether ``described`` is a description person (not an epithet) first met in the scene from ``scene_start``."""
    person = resolver.person(described)
    if not described.startswith("the ") or is_epithet(described) or person is None or person.known:
        return False
    return resolver.salience.first_seen.get(described, -1) >= scene_start


_NAME_ALONE = letters.compile(r"^[\"“‘']*((?:[A-Z][a-z]*\.? )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)[,.!?…]*[\"”’']*$")


def greeted_newcomer_named(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A newcomer the narration brings in by description (``Standing in the doorway is a tall
    man in a grey cardigan.``) is the person someone greets by name alone in the very next
    paragraph (``"Professor Halvorsen," Caleb says, very faintly.``), when that paragraph of
    narration brings in no one else and the name is not the greeter's own: every line of
    ``the man`` is Professor Halvorsen's. The named person must not have spoken before, and the
    call must be the paragraph's only quotation: ``"Tom," Ana said, "what are you having?"``
    asks Tom, at the table all along, not the waiter who has just come over."""
    doc = resolver.doc
    renames: dict[str, str] = {}
    lines = _lines_by_speaker(decisions)
    for index, decision in sorted(decisions.items()):
        m = _NAME_ALONE.match(doc.segments[index].text)
        if not m or (called := doc.roster.resolve_phrase(m.group(1))) is None or (previous := doc.paragraph_before(doc.paragraph_of[index])) is None or previous.quotes:
            continue
        if len(doc.paragraph_of[index].quotes) > 1 or _spoke_before(lines, called.name, index):
            continue  # a call going on into a question, or to someone who has spoken already: no newcomer
        met = resolver.salience.named_between(previous.start, previous.end)
        newcomers = [n for n in met if n.startswith("the ") and resolver.salience.first_seen.get(n, -1) >= previous.start]
        if len(met) == 1 and len(newcomers) == 1 and called.name != decision.speaker and newcomers[0] not in taken and _genders_agree(resolver, newcomers[0], called.name):
            renames[newcomers[0]] = called.name
    return renames


def is_epithet(described: str) -> bool:
    """A description whose head noun the text capitalises, the way a name is written: a title
    used as someone's name (``the Warden``, ``the Doctor``), not an anonymous ``the old lady``.

    >>> is_epithet("the Warden"), is_epithet("the old lady")
    (True, False)
    """
    return described.rsplit(" ", 1)[-1][:1].isupper()


def _one_named_of_gender(resolver: Resolver, gender: Gender, at: int) -> str | None:
    """The one named person of ``gender`` the scene around ``at`` mentions, if only one."""
    in_scene = resolver.salience.named_between(*_scene_around(resolver.doc, at))
    named = {n for n in in_scene if not n.startswith("the ") and n != FIRST_PERSON_NAME and resolver.gender(n) is gender}
    return named.pop() if len(named) == 1 else None


def _named_after(resolver: Resolver, events: list[tuple[int, str, bool]], lines: dict[str, list[int]], described: str, name: str) -> bool:
    """Whether ``name`` is first met and first speaks after ``described`` spoke, after the
    description was written with an article, and never in one sentence with it."""
    first_seen, said = resolver.salience.first_seen, lines[described]
    if first_seen[name] <= first_seen.get(described, said[0]) or lines.get(name, [len(resolver.doc.text)])[0] <= said[0]:
        return False
    return _written_with_article(resolver.doc.text, described, first_seen[name]) and not _in_one_sentence(resolver.doc.text, events, described, name)


_ARTICLE_BEFORE_HEAD = re.compile(r"\b(?:[Tt]he|an?|An?) (?:[\w'’-]+,? ){0,3}\Z")  # "the ", "The old, ": ends where the head noun is written


def _written_with_article(text: str, described: str, before: int) -> bool:
    """Whether ``the man`` was written as ``the``/``a`` (at most three adjectives) ``man``
    before ``before``: the article opens at most five spaces back from the word.

    >>> _written_with_article("The old lady laughed. Aunt Polly", "the lady", 22), _written_with_article("his lady said. Lady Ferrars", "the lady", 15)
    (True, False)
    >>> _written_with_article("A tall, thin man. The manager", "the man", 29), _written_with_article("The manager", "the man", 11)
    (True, False)
    """
    return _written_after(text, described.rsplit(" ", 1)[-1], before, _ARTICLE_BEFORE_HEAD, 5)


def _scene_around(doc: Document, position: int) -> tuple[int, int]:
    """The start and end of the scene (a chapter, or the text between scene breaks) holding ``position``."""
    starts = [p.start for p in doc.paragraphs if p.scene_start]
    lo = max((s for s in starts if s <= position), default=0)
    hi = min((s for s in starts if s > position), default=len(doc.text))
    return lo, hi


def _in_one_sentence(text: str, events: list[tuple[int, str, bool]], a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are ever mentioned in one sentence (two people, not one)."""
    at_a = [at for at, n, _ in events if n == a]
    at_b = [at for at, n, _ in events if n == b]
    return any(not _SENTENCE_END.search(text, min(x, y), max(x, y)) for x in at_a for y in at_b)


_PARENT_TITLES = {"mother": ("Mrs.", "Lady"), "father": ("Mr.", "Sir", "Lord")}  # as written, unlike aliases._PARENT_TITLES
_GRANDPARENTS = frozenset({"grandmother", "grandfather"})  # kin a child calls by a kin word (``Gran``) and no title


def kin_name_of_family(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """A parent known only by the kin word the quotations call them (``"Only a note, Mama."``)
    is the one married person of the callers' surname the roster knows: ``Mama``, called by
    Harriet (``Miss Penhallow``), is ``Mrs. Penhallow`` -> ``{"Mama": "Mrs. Penhallow"}``;
    ``Papa`` would be ``Mr.``/``Sir`` of that name.

    The roster's :func:`~ficaudio.attribute.aliases.join_parent_to_family` joins such a
    parent before any rule runs when it can (one titled parent whose surname another person's
    form bears); this pass, after the rules, goes by who makes the call and the surnames the
    text writes for them (:func:`_surnames`), and finds some that one does not (the
    introductions test's Penhallow scene). Where no titled parent bears the name, the one untitled
    person of the kin word's gender with a full name in a caller's surname is the parent
    (:func:`_untitled_parents`); so too for a grandparent (``Grandad``, called by Libby Lowther, is
    the header's Albert Lowther, whom only his wife's quotations call ``Bert``).
    """
    renames: dict[str, str] = {}
    called: dict[int, list[str]] = {}  # quotation -> the names it calls, read once for every parent
    for person in doc.roster.people:
        kin = KIN_NAMES.get(person.name.lower(), "")
        titles = _PARENT_TITLES.get(kin, () if kin in _GRANDPARENTS else None)  # a grandparent has no family title of its own
        if titles is None or person.known:
            continue
        called = called or {i: vocatives_in(doc, doc.segments[i].text) for i in decisions}
        callers = {d.speaker for i, d in decisions.items() if person.name in called[i]}
        surnames = {s for c in callers if (p := doc.roster.by_name(c)) for s in _surnames(doc.text, p)}
        parents = {p.name for t in titles for s in surnames if (p := doc.roster.lookup(f"{t} {s}")) and p.name not in callers}
        parents = parents or _untitled_parents(doc, KIN_NAMES[person.name.lower()], surnames, callers)
        parents -= {n for i, d in decisions.items() if d.speaker == person.name for n in called[i]}  # Gran's "Ann, you look tired" is no Gran of Ann's
        if len(parents) == 1:
            renames[person.name] = parents.pop()
    return {**_spouses_kin_named(doc, renames), **renames}


_SPOUSES_KIN = {"mother": "father", "father": "mother", "grandmother": "grandfather", "grandfather": "grandmother"}


def _spouses_kin_named(doc: Document, renames: dict[str, str]) -> dict[str, str]:
    """A parent's or grandparent's kin word (``Gran``) that found no one is the partner the
    header pairs (``Margaret Lowther/Albert Lowther``) with the one person its spouse's kin word
    was found to be (``Grandad`` -> Albert Lowther): a gran and a grandad are a couple. Only
    when one voice of the spouse's kin word found a person, the pairing is one of two (a
    ``/``, not ``&``), and the partner is a person of the kin word's gender (whom another kin
    word may name too: her son's ``Mum`` is the grandchildren's ``Gran``) whom the narration
    never writes by name as a sentence's subject: a ``Margaret`` the narration writes
    (``Margaret came out of the kitchen``) is the narration's own name for her, and a ``Gran``
    beside her is someone else's gran (a cousin's, of the other side of the family).

    Scenes: tests/test_attribute_introductions.py.
    """
    pairs = doc.header.romantic_pairs(doc.text) if renames else []
    found: dict[str, str] = {}
    narrated = {m.person for m in story_names(doc) if m.subject and doc.text[m.end:m.end + 1] in " ’'"} if pairs else set()  # "Margaret came out", not a call ("I'm not, Maggie.")
    for person in doc.roster.people:
        kin = KIN_NAMES.get(person.name.lower(), "")
        if kin not in _SPOUSES_KIN or person.known or person.name in renames:
            continue
        spouses = {to for kin_word, to in renames.items() if KIN_NAMES.get(kin_word.lower()) == _SPOUSES_KIN[kin]}
        spouse = doc.roster.by_name(spouses.pop()) if len(spouses) == 1 else None
        if spouse is None:
            continue
        partners = {id(p): p for a, b in pairs for mine, other in ((a, b), (b, a))
                    if doc.roster.lookup(mine) is spouse and (p := doc.roster.lookup(other)) is not None and p is not spouse}
        if len(partners) == 1:
            partner = next(iter(partners.values()))
            if partner.gender is KIN_GENDER[kin] and not partner.known and partner.name not in narrated:
                found[person.name] = partner.name
    return found


_NARRATORS_SIBLINGS = {f"my {kin}": KIN_GENDER[kin] for kin in ("brother", "sister")}


def narrators_sibling_named(doc: Document, decisions: dict[int, Decision], renames: dict[str, str]) -> dict[str, str]:
    """The narrator's ``my brother`` (``my sister``), heard as a voice of its own, is the one
    person the header lists with the narrator's surname, not the narrator, whose gender does not
    clash: Wren Aldane tells the story and the header lists ``Pip Aldane`` -> ``{"my brother":
    "Pip"}``. The narrator's name is the one the story gives ``I`` (``renames``); their surname
    the last word of a listed full name opening with it. Two such, or none, name nobody: a
    second listed of the surname and gender counts though the story never writes them; so does
    a sibling the narration counts as more than one (``I have two brothers``, ``my other
    brother``: one may be unlisted), and a voice of other kin of that gender still unnamed
    (``Dad``, ``my husband``: the one listed may be theirs) or already named so, and one the
    narration calls other kin (``My cousin Kit``).
    """
    narrator = renames.get(FIRST_PERSON_NAME)
    spoken = {d.speaker for d in decisions.values()}
    voices = spoken & set(_NARRATORS_SIBLINGS)
    if not narrator or not voices:
        return {}
    body = doc.text[doc.header.end:]
    kin_voices = {v: _kin_gender(v) for v in spoken if v not in _NARRATORS_SIBLINGS} | {v: _kin_gender(v) for v in renames if v not in _NARRATORS_SIBLINGS}
    listed, mine, surnames = _narrators_family(doc, narrator)
    taken = {name for v, name in renames.items() if (p := doc.roster.by_name(v)) and p.title in _TITLED_PARENTS}  # a parent named by the title (narrators_titled_parent_named)
    taken |= {words_of[0] for words_of in listed if (p := doc.roster.lookup(" ".join(words_of))) and p.title in _TITLED_PARENTS and p.name in spoken}
    named_apart = {v for v in kin_voices if any(words_of[0] == v and words_of[1] not in surnames for words_of in listed)}  # "Nana Doyle" listed: that Nana is no Hollister
    found: dict[str, str] = {}
    for voice in sorted(voices):
        kin = [words_of[0] for words_of in listed if words_of[1] in surnames and words_of[0] not in mine and words_of[0] not in taken
               and _gender_of(doc, words_of[0]) in (Gender.UNKNOWN, _NARRATORS_SIBLINGS[voice])]
        gender, noun = _NARRATORS_SIBLINGS[voice], voice.split()[1]
        if _more_than_one(body, noun) or any(g is gender and v not in renames and v not in named_apart for v, g in kin_voices.items()):
            continue
        if len(surnames) == 1 and len(kin) == 1 and (person := doc.roster.lookup(kin[0])) and person.name != narrator \
                and not any(renames[v] == person.name for v, g in kin_voices.items() if g is gender and v in renames) \
                and not _called_other_kin(body, [kin[0]], noun, owners=r"[Mm]y"):
            found[voice] = person.name
    return found


_NARRATORS_PARENTS = frozenset({"mother", "father"})
_KIN_OF_ONE_NAME = {"mother": ("sister", "wife", "daughter"), "father": ("brother", "husband", "son")}  # kin of a parent's gender who share the narrator's surname
_ELDERS_OF_ONE_NAME = {"mother": ("grandmother", "aunt"), "father": ("grandfather", "uncle")}  # elder kin of that gender who may share it


def narrators_parent_named(doc: Document, decisions: dict[int, Decision], renames: dict[str, str]) -> dict[str, str]:
    """The narrator's mother (father), heard as a voice of its own that the narration writes
    as ``my mother`` (``Mama`` with the alias ``my mother``, or ``my mom`` itself), is the one
    person the header lists with the narrator's surname, of the parent's gender, whose given
    name the narration never writes: June Pruitt tells the story, the header lists ``Loretta
    Pruitt``, and only a quotation calls her ``Loretta`` -> ``{"Mama": "Loretta Pruitt"}``.
    Nobody either where the narration writes the narrator's kin who may share the surname and
    are of the parent's gender (``my sister``, ``my wife``, ``my daughter`` for a mother;
    ``my brother``, ``my husband``, ``my son`` for a father), or a person of the story is an
    elder kin of that gender (``Gran``, ``Grandpa``, ``my aunt``): the one listed may be theirs.

    As :func:`narrators_sibling_named`, the narrator's name is the one the story gives ``I``
    and their surname the last word of a listed full name opening with it. Nobody when two
    listed of the surname are of that gender, when the listed one's gender is unknown, when
    the narration writes their given name (a sister the narrator calls ``Nell`` is no
    ``Mom``: a first-person narrator calls a parent by the kin word), or calls them other kin
    (``my aunt Loretta``), nor for a kin voice the narration never writes as the narrator's
    (a friend's ``Mom``, called by the friend).
    """
    narrator = renames.get(FIRST_PERSON_NAME)
    if not narrator:
        return {}
    voices = {d.speaker for d in decisions.values()} - set(renames)
    parents = {v: kin for v in voices if (kin := _narrators_parent(doc, v))}
    if not parents:
        return {}
    body = doc.text[doc.header.end:]
    listed, mine, surnames = _narrators_family(doc, narrator)
    if len(surnames) != 1:
        return {}
    narrated = {w for para in doc.paragraphs for m in para.mentions if m.kind == "name" and m.start >= doc.header.end for w in m.text.split()}
    narration = " ".join(doc.text[s:e] for s, e in doc.narration_spans if s >= doc.header.end)
    found: dict[str, str] = {}
    for voice, kin in sorted(parents.items()):
        gender = KIN_GENDER[kin]
        if re.search(rf"\b[Mm]y\s+(?:[a-z]+\s+)?(?:{'|'.join(_KIN_OF_ONE_NAME[kin])})\b", narration):
            continue  # the narrator's sister, wife or daughter may be the one listed of the surname
        if any(_elder_kin(v) in _ELDERS_OF_ONE_NAME[kin] for v in voices | {p.name for p in doc.roster.people}):
            continue  # a Gran of the story's own may be the one listed of the surname
        alike = [words_of[0] for words_of in listed if words_of[1] in surnames and words_of[0] not in mine
                 and _gender_of(doc, words_of[0]) in (Gender.UNKNOWN, gender)]
        if len(alike) != 1 or _gender_of(doc, alike[0]) is not gender or alike[0] in narrated:
            continue
        if (person := doc.roster.lookup(alike[0])) and person.name != narrator and person.name not in parents \
                and not _called_other_kin(body, [alike[0]], kin, owners=r"[Mm]y"):
            found[voice] = person.name
    return found


_FAMILY_TITLES = {"mother": ("mrs", "ms"), "father": ("mr",)}  # Person.title keys: a parent's title of the family's surname
_TITLED_PARENTS = frozenset(t for titles in _FAMILY_TITLES.values() for t in titles)
_UNMARRIED_TITLES = frozenset({"miss", "master"})  # a daughter's or son's title: nobody's Mrs. or Mr.


def narrators_titled_parent_named(doc: Document, decisions: dict[int, Decision], renames: dict[str, str]) -> dict[str, str]:
    """The narrator's parent heard as the family's title and surname, called by a parent's kin
    word (``Mrs. Hollister``, whom the narrator calls ``Mum``), is the one person the header
    lists with the narrator's surname and the parent's gender who is none of the family's
    other voices: Josie Hollister tells the story, the header lists ``Claire Hollister`` and
    ``Helen Hollister``, and Claire speaks in a voice of her own (or is titled ``Miss``, a
    daughter's title), or is talked about in the voice's own lines (``"Anna's upstairs," Mum
    said``: nobody speaks of herself by her name; a call, ``"Helen? Helen, is she there?"``, is
    left out, for a call is often misread as the line of the one called) -> ``{"Mrs. Hollister":
    "Helen"}``. A listed one the story never makes a person of (``Richard Hollister``, called
    once) gives the voice its full name and given name instead of a rename. The title, unlike
    a bare kin word, says the voice is no grandparent, aunt or friend's parent: a ``Mrs.`` of
    the narrator's surname who is called ``Mum`` is the narrator's family's mother.

    Nobody when two listed of the surname may be that parent (a listed one of unknown gender
    counts), when the narration calls the one listed other kin (``my aunt Helen``), nor when
    the narration writes the narrator's kin of the parent's gender who share the surname
    (``my sister``, ``my wife``, ``my daughter`` for a mother) and none of the listed ones of
    that gender speaks in a voice of their own or bears a child's title: the one listed may be
    that sister, and the mother unlisted.
    """
    narrator = renames.get(FIRST_PERSON_NAME)
    if not narrator:
        return {}
    listed, mine, surnames = _narrators_family(doc, narrator)
    if len(surnames) != 1:
        return {}
    surname = next(iter(surnames))
    voices = {d.speaker for d in decisions.values()}
    body = doc.text[doc.header.end:]
    narration = " ".join(doc.text[s:e] for s, e in doc.narration_spans if s >= doc.header.end)
    found: dict[str, str] = {}
    for voice in sorted(voices - set(renames)):
        person = doc.roster.by_name(voice)
        kin = next((k for k, titles in _FAMILY_TITLES.items() if person and person.title in titles), None)
        if kin is None or person.known or voice.split()[-1] != surname or kin not in {KIN_NAMES.get(f.lower()) for f in person.forms}:
            continue
        gender = KIN_GENDER[kin]
        alike = [words_of[0] for words_of in listed if words_of[1] == surname and words_of[0] not in mine
                 and _gender_of(doc, words_of[0]) in (Gender.UNKNOWN, gender)]
        said = " ".join(doc.segments[i].text for i, d in decisions.items() if d.speaker == voice)
        apart = {given for given in alike if re.search(rf"\b{re.escape(given)}(?:['’]s\b|\s+[a-z])", said)  # "Anna's upstairs," Mum said: she is no Anna (a call may be a line misread)
                 or (p := doc.roster.lookup(given)) is not None and p is not person and (p.title in _UNMARRIED_TITLES or p.name in voices)}
        left = [given for given in alike if given not in apart]
        if len(left) != 1 or _gender_of(doc, left[0]) is not gender or _called_other_kin(body, left, kin, owners=r"[Mm]y"):
            continue
        if not apart and re.search(rf"\b[Mm]y\s+(?:[a-z]+\s+)?(?:{'|'.join(_KIN_OF_ONE_NAME[kin])})\b", narration):
            continue  # the narrator's sister, wife or daughter may be the one listed
        given = left[0]
        owner = doc.roster.lookup(given)
        if owner is not None and owner is not person:
            if owner.name not in voices and not owner.known:
                found[voice] = owner.name
        elif owner is None and doc.roster.lookup(f"{given} {surname}") is None:
            person.forms.setdefault(f"{given} {surname}", 0)
            doc.roster.index(f"{given} {surname}", person)
            person.forms.setdefault(given, 0)
            doc.roster.index(given, person)
    return found


def narrators_partner_named(doc: Document, decisions: dict[int, Decision], renames: dict[str, str]) -> dict[str, str]:
    """The narrator's ``my best friend``, ``my co-host``, ``my girlfriend``, heard as a voice of its
    own, is the one the work's header pairs with the narrator (``Relationship: Delphine Marsh &
    Bex Okafor``, Delphine telling the story -> ``{"my co-host": "Bex"}``), as
    :func:`~ficaudio.attribute.resolve.partner_in_header` makes ``her best friend`` of a named
    possessor. The narrator's name is the one the story gives ``I`` (``renames``); nobody as
    :func:`~ficaudio.attribute.resolve.header_partner` says, nor a friend the story never names
    (:func:`~ficaudio.attribute.resolve.written_by_name`: ``Peter Parker & Tony Stark`` is no
    friendship of classmates)."""
    name = renames.get(FIRST_PERSON_NAME)
    narrator = (doc.roster.by_name(name) or doc.roster.by_name(FIRST_PERSON_NAME)) if name else None
    if narrator is None:
        return {}
    found: dict[str, str] = {}
    for voice in sorted({d.speaker for d in decisions.values()} - set(renames)):
        if voice.lower().startswith("my ") and (kinds := relation_kinds(voice)) and (partner := header_partner(doc, narrator, kinds)) and partner is not narrator \
                and ("friends" not in kinds or written_by_name(doc, partner)):
            found[voice] = partner.name
    return found


def _elder_kin(name: str) -> str:
    """The kin noun a person's name is, bare or the narrator's: ``Gran``, ``Obaa-san`` ->
    grandmother, ``my aunt`` -> aunt, ``my grandfather`` -> grandfather; else ``""``."""
    word = name.lower().removeprefix("my ").split("-")[0]
    return KIN_NAMES.get(word) or (word if word in ("grandmother", "grandfather", "aunt", "uncle") else "")


def _narrators_family(doc: Document, narrator: str) -> tuple[list[list[str]], set[str], set[str]]:
    """The header's listed two-word names (split), the narrator's own names, and the surnames of
    the listed names that are the narrator's (``June Pruitt`` for a narrator named ``June``)."""
    listed = [n.split() for n in doc.header.people_names(doc.text) if len(n.split()) == 2]
    me = doc.roster.by_name(narrator)
    mine = {narrator, *(me.forms if me else ())}
    return listed, mine, {words_of[1] for words_of in listed if words_of[0] in mine or " ".join(words_of) in mine}


def _narrators_parent(doc: Document, voice: str) -> str | None:
    """``mother`` or ``father`` for a voice that is a parent's kin word the narration writes as
    the narrator's (``my mother``, ``my dad``: the voice's own name or one of its forms), else
    None."""
    person = doc.roster.by_name(voice)
    forms = {voice, *(person.forms if person else ())}
    kins = {KIN_NAMES.get(f.lower().removeprefix("my "), "") for f in forms} - {""}
    mine = {KIN_NAMES.get(f.lower()[3:], "") for f in forms if f.lower().startswith("my ")} - {""}
    return kins.pop() if len(kins) == 1 and kins == mine and kins <= _NARRATORS_PARENTS else None


_KIN_WORDS = FAMILY_KIN | {"cousin", "stepbrother", "stepsister"}


def _called_other_kin(text: str, names: Iterable[str], kin: str, owners: str = r"[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our") -> bool:
    """Whether the text sets a kin word of another kind than ``kin`` beside one of ``names``,
    before it (``My cousin Kit``) or after it (``Kit, my cousin,``; ``Old Haldane, her
    grandfather,`` is no ``father``; ``Reid, her dad,`` is), owned by one of ``owners``.

    >>> t = "My cousin Kit arrived. Old Haldane, her grandfather, mended nets. Reid, her dad, waved."
    >>> [_called_other_kin(t, [n], k) for n, k in (("Kit", "brother"), ("Haldane", "father"), ("Reid", "father"))]
    [True, True, False]
    >>> _called_other_kin("Kit, my dad, waved.", ["Kit"], "brother"), _called_other_kin("my big brother Kit", ["Kit"], "brother")
    (True, False)
    """
    for name in names:
        n = re.escape(name)
        for m in re.finditer(rf"\b(?:{owners})\s+(?:[a-z]+\s+)?([a-z]+),?\s+{n}\b|\b{n},\s+(?:{owners})\s+(?:[a-z]+\s+)?([a-z]+)(?![\w'’])", text):
            word = m.group(1) or m.group(2)
            if word in _KIN_WORDS and KIN_NAMES.get(word, word) != kin:
                return True
    return False


def _more_than_one(text: str, kin: str) -> bool:
    """Whether the text counts the narrator's ``kin`` (``brother``) as more than one.

    >>> _more_than_one("I have two brothers.", "brother"), _more_than_one("my other brother", "brother"), _more_than_one("my little brother", "brother")
    (True, True, False)
    """
    return re.search(rf"\b(?:(?:[Mm]y|[Oo]ur|two|three|four|five|both|[Bb]oth\s+my)\s+(?:[a-z]+\s+)?{kin}s|[Mm]y\s+(?:other|second|third|eldest|oldest|youngest|middle)\s+{kin})\b", text) is not None


def _kin_gender(voice: str) -> Gender | None:
    """The gender of a voice that is a kin word of the narrator's family other than a sibling
    (``Dad``, ``Grandad``, ``my husband``, ``my father``), else None.

    >>> _kin_gender("Dad"), _kin_gender("my husband"), _kin_gender("Tom"), _kin_gender("my friend")
    (<Gender.MALE: 'male'>, <Gender.MALE: 'male'>, None, None)
    """
    word = voice.lower().removeprefix("my ").removeprefix("our ")
    kin = KIN_NAMES.get(word, word if word in FAMILY_KIN and word not in ("brother", "sister") else "")
    return KIN_GENDER.get(kin) if kin else None


def _gender_of(doc: Document, given: str) -> Gender:
    """A listed given name's gender: its person's, else the first-names list's (one the story
    never writes counts too: a second brother listed and unseen still makes two)."""
    person = doc.roster.lookup(given)
    return person.gender if person and person.gender is not Gender.UNKNOWN else name_prior(given)[0]


def _untitled_parents(doc: Document, kin: str, surnames: set[str], callers: set[str]) -> set[str]:
    """The people of the gender of ``kin`` (``father``, ``mother``, ``grandfather``,
    ``grandmother``), no caller and untitled, with a full name in one of the callers'
    ``surnames`` whose given name the narration never writes: a parent the narration calls by
    the surname alone (``Dad``, called by Kirsty Haldane, is the skipper ``Haldane`` whom the
    header lists as ``Ewan Haldane``) or by the kin word alone while only the quotations call
    them by name (``Grandad``, whom his wife calls ``Albert``), not a brother the narration calls
    ``Rob``, nor one the narration sets apart as other kin (``Haldane, her uncle,``), nor one the
    story never writes a word of (``Ann Reyes`` only in the header, Tom's mother while an
    unlisted ``Gran`` speaks).

    Scenes: tests/test_attribute_introductions.py.
    """
    body = doc.text[doc.header.end:]
    narrated = {w for para in doc.paragraphs for m in para.mentions if m.kind == "name" and m.start >= doc.header.end for w in m.text.split()}
    return {p.name for p in doc.roster.people if p.gender is KIN_GENDER[kin] and not p.title and not p.known and p.name not in callers
            and any(surname_of(f) in surnames and f.split()[0] not in narrated for f in p.forms)
            and any(writes_word(body, w) for f in p.forms for w in f.split())  # one only the header names is no one seen
            and not _called_other_kin(body, (p.name, *p.forms), kin)}


def _surnames(text: str, person: Person) -> set[str]:
    """A person's surnames: the last word of a form of two or more words (``Miss Penhallow``)
    and a capitalised word the text writes right after their name (``Harriet Penhallow sat``).

    >>> sorted(_surnames("Harriet Penhallow sat down.", Person("Harriet", {"Harriet": 1, "Miss Dale": 1})))
    ['Dale', 'Penhallow']
    """
    after_name = re.compile(letters.widen(rf"\b{re.escape(person.name)} ([A-Z][a-z][\w'’-]*)\b"))
    written, end = set(), 0
    for at in written_at(text, person.name + " "):  # every match opens where the name is written (as findall, none inside another)
        if at >= end and (m := after_name.match(text, at)):
            written.add(m.group(1))
            end = m.end()
    return {f.split()[-1] for f in person.forms if " " in f and f.split()[-1][:1].isupper()} | written


_DESCRIBING_COPULA = letters.compile(r"\s+(?:is|was)\s+(?!not\b)([a-z]+)\b")
_DESCRIBED_RULES = frozenset({"description_tag", "description_action_beat"})


def introduced_after_speaking(resolver: Resolver, para: Paragraph, decisions: dict[int, Decision]) -> None:
    """A speaker a tag knows only by a description, met in the scene for the first time, is
    the person the very next paragraph introduces: a name never met before opening it with
    ``is``/``was`` and what they are (``"Someone will have to open it," said the Chancellor.``
    / ``Aurek Thane was sixty and looked forty`` -> the Chancellor is Aurek Thane, every line;
    not ``Aurek Thane was waiting``, someone arriving). Joined at once, so the later ``the
    Chancellor`` is Thane too.

    Scenes: tests/test_attribute_introductions.py.
    """
    previous = resolver.previous_paragraph
    name = _portrayed_opener(resolver, para)
    if previous is None or not previous.quotes or name is None or _acted_before(resolver, decisions, name, para.start):
        return
    described = {d.speaker for i in previous.quotes if (d := decisions.get(i)) and d.rule in _DESCRIBED_RULES}
    speaker = described.pop() if len(described) == 1 else None
    if not speaker or not _new_speaker(resolver, decisions, speaker, previous.start) or not _genders_agree(resolver, speaker, name):
        return
    resolver.join(speaker, name)
    for index, decision in decisions.items():
        if decision.speaker == speaker:
            decisions[index] = replace(decision, speaker=name)


def _portrayed_opener(resolver: Resolver, para: Paragraph) -> str | None:
    """The person a paragraph opens by portraying: ``Aurek Thane was sixty`` -> Thane (not
    ``Thane was waiting``, ``Thane was not``)."""
    opener = para.mentions[0] if para.mentions else None
    if para.scene_start or opener is None or opener.kind != "name" or not (opener.subject and opener.initial):
        return None
    text = resolver.doc.text
    verb = _DESCRIBING_COPULA.match(text, opener.end)
    if not verb or verb.group(1).endswith(("ing", "ed")) or text[para.start:opener.start].strip():
        return None
    return opener.person


def _acted_before(resolver: Resolver, decisions: dict[int, Decision], name: str, before: int) -> bool:
    """Whether ``name`` spoke, or was the subject of the narration, before ``before`` (a name in
    a story's header or a list of characters is neither)."""
    spoke = any(d.speaker == name and resolver.doc.segments[i].start < before for i, d in decisions.items())
    return spoke or any(n == name and subject and at < before for at, n, subject in resolver.salience.events())


def _new_speaker(resolver: Resolver, decisions: dict[int, Decision], described: str, since: int) -> bool:
    """Whether ``described`` is a description person with no line before ``since``."""
    person = resolver.person(described)
    if person is None or person.known or not described.startswith("the "):
        return False
    return not any(d.speaker == described and resolver.doc.segments[i].start < since for i, d in decisions.items())



_VOTING_RULES = _READ_FROM_PARAGRAPH | {"same_paragraph_continuation", "last_actor_speaks"}
_NAME_TAGS = frozenset({"explicit_tag", "named_action_beat"})


def called_name_answered(resolver: Resolver, decisions: dict[int, Decision], taken: dict[str, str]) -> dict[str, str]:
    """A name the quotations call someone by more often than the narration writes it, heard as a
    voice of its own, is the person its calls reply to or who answers them -- a pet name or a
    role used as a name while the narration says the surname: ``"Again, Ozzie?" Dimitri
    asked.`` / ``"Again. Too much salt."`` ... ``"I can fix it, Ozzie," said Dimitri.`` /
    ``Okafor shook his head. "No. I will."`` -> ``{"Ozzie": "Okafor"}``. The speakers of the
    lines just before and just after each call vote (in the paragraphs next to the caller's, a
    line read from its own tag or beat, a name that is not the caller's); the winner needs two
    votes and more than half. Not a person whose own tagged line calls the name (nobody calls
    themselves), nor genders that clash, nor a name another pass renamed (``taken``). A role
    written as a name (``Chef``, ``Coach``: :func:`is_role_word`) is someone's second name however
    often the narration writes it, so one vote names it, the vote of the line the call replies to:
    ``Mercer looks at the clock. "It's late."`` / ``"I know, Chef, I'm just the messenger."`` ->
    ``{"Chef": "Mercer"}``. One who answers a call after it is not always the one called (``"Coach,
    how many?" Lily asked.`` / ``"Ten," Tom said.``): alone, that vote names nobody.
    """
    doc = resolver.doc
    votes, replied, calls, callers = _call_votes(doc, decisions, taken)
    written = Counter(m.person for m in story_names(doc))
    renames: dict[str, str] = {}
    for name, counter in votes.items():
        owner, weight = counter.most_common(1)[0] if counter else ("", 0)
        role = is_role_word(name)
        if (weight >= 2 or role and owner in replied[name]) and weight * 2 > sum(counter.values()) and (written[name] < calls[name] or role) and owner not in callers[name] and _genders_agree(resolver, name, owner):
            renames[name] = owner
    return renames


def is_role_word(name: str) -> bool:
    """A role or rank written as a name (``Chef``, ``Coach``, ``Captain``, ``King``): however often
    the narration writes it, it is a second name for the person who holds the role. Not a word
    of kin or sex (``Dad``, ``Brother``, ``Boy``, ``Lady``), a polite address any stranger gets
    (``Sir``, ``Miss``), nor a group or an anonymous voice: a child may call ``Dad`` while a
    sibling answers.

    >>> [is_role_word(w) for w in ("Chef", "Coach", "Captain", "King", "Waitress")]
    [True, True, True, True, True]
    >>> [is_role_word(w) for w in ("Dad", "Mom", "Brother", "Sir", "Miss", "Boy", "Lady", "Man", "Friend", "Voice", "Dennis", "Lord Hollin")]
    [False, False, False, False, False, False, False, False, False, False, False, False]
    """
    w = name.lower()
    if " " in name or w in KIN_NAMES or w in _NOT_ROLES or is_group_noun(w):
        return False
    if w in KIN_GENDER or w in TITLE_GENDER:
        return w in GENDERED_ROLES or w in _RANK_TITLES
    return is_person_noun(name) or w in NEUTRAL_TITLES


_RANK_TITLES = frozenset({"king", "queen", "prince", "princess", "lord", "duke", "duchess", "count", "countess", "baron", "master"})
_NOT_ROLES = GENERIC_HEADS | {"voice", "friend", "figure", "creature", "stranger"}


def _call_votes(doc: Document, decisions: dict[int, Decision], taken: dict[str, str]) -> tuple[dict[str, Counter], dict[str, set[str]], Counter, dict[str, set[str]]]:
    """For each voice a quotation calls by name: who spoke the lines next to its calls (votes:
    in the paragraph just before or after, in the same chapter), which of them spoke the line
    before (the call replies to them), how often it is called, and who calls it by a tag naming them."""
    dialogue = [i for i in sorted(decisions) if doc.segments[i].kind is SegmentKind.DIALOGUE]
    speakers = {decisions[i].speaker for i in dialogue}
    votes: dict[str, Counter] = defaultdict(Counter)
    replied: dict[str, set[str]] = defaultdict(set)
    calls: Counter = Counter()
    callers: dict[str, set[str]] = defaultdict(set)
    for k, index in enumerate(dialogue):
        if not MAY_CALL.search(doc.segments[index].text):
            continue  # no capitalised word where a call stands
        caller, para = decisions[index].speaker, doc.paragraph_of[index]
        around = dialogue[k - 1:k] + dialogue[k + 1:k + 2]
        near = [o for o in around if doc.paragraph_of[o].chapter == para.chapter and abs(doc.paragraph_of[o].index - para.index) == 1]
        neighbours = [decisions[o] for o in near]
        before = {decisions[o].speaker for o in near if o < index}
        for name in vocatives_in(doc, doc.segments[index].text):
            if name not in speakers or name in (caller, FIRST_PERSON_NAME) or name in taken or not name[:1].isupper():
                continue
            calls[name] += 1
            if decisions[index].rule in _NAME_TAGS:
                callers[name].add(caller)
            voters = [d.speaker for d in neighbours if d.rule in _VOTING_RULES and d.speaker not in (caller, name, FIRST_PERSON_NAME) and d.speaker[:1].isupper()]
            votes[name].update(voters)
            replied[name].update(before.intersection(voters))
    return votes, replied, calls, callers

