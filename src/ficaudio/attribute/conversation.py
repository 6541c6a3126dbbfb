"""Rules over the sequence of turns: who answers whom when no tag says so."""

from __future__ import annotations

import bisect
import re
from re import Match, Pattern

from ficaudio import letters
from ficaudio.attribute.lexicon import BEFORE_PARTICIPLE, OBJECT_PRONOUN_CLOSES, OBJECT_PRONOUN_GENDER, PARTICIPLE
from ficaudio.attribute.document import Mention, Paragraph, is_possessive_name, looks_like_verb, told_to_you
from ficaudio.attribute.resolve import FIRST_PERSON_NAME, Conversation, Resolver, in_side_clause, most_inner_states, narrated_in_first_person, pronoun_by_gender
from ficaudio.attribute.rules import Decision, QuoteContext, decided, named_in_quote, vocatives
from ficaudio.segmentation.quotes import DOUBLE_CLOSING_GLYPHS, DOUBLE_OPENING_GLYPHS


def same_paragraph_continuation(resolver: Resolver, ctx: QuoteContext, previous: Decision | None) -> Decision | None:
    """A later quotation of a paragraph with no new tag or subject keeps the speaker:
    ``"Go," Ino said. "Now."`` -> both Ino. It is as sure as the quotation it continues
    (measured: after a name tag 156/156 right, a pronoun tag 121/139, a turn-taking guess 6/13)."""
    if ctx.order == 0 or previous is None or previous.speaker in vocatives(ctx):
        return None
    return Decision(previous.speaker, previous.confidence, "same_paragraph_continuation")


def last_actor_speaks(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """An untagged quotation right after a paragraph that ended on someone else acting is
    theirs: ``"It's Gai, isn't it," Iruka says, and Kakashi bursts into laughter.`` /
    ``"It is."`` -> Kakashi (not the one who just spoke, nor anyone the quotation addresses,
    nor one the scene had not had in it until that paragraph glimpsed them, unless coming in:
    :func:`in_scene_before`)."""
    conv = resolver.conversation
    actor = conv.last_actor
    if actor is None or actor == FIRST_PERSON_NAME or not conv.turns or actor in conv.departed or actor in named_in_quote(ctx):
        return None  # no conversation yet: salient_character opens it (and the backfill may revise)
    if conv.turns and actor == conv.turns[-1]:  # measured: "the same one again" is right < 1/2
        return None
    if not in_scene_before(resolver, actor):
        return None
    return decided(actor, "last_actor_speaks")


def in_scene_before(resolver: Resolver, name: str) -> bool:
    """Whether ``name`` was in the scene before the paragraph just read: has spoken in it, was
    named by its narration anywhere since the scene began (not only lately), or comes in in that
    paragraph (``Vera walked in.``) -- not one that paragraph only mentions (``somewhere Marco
    dips Shay``)."""
    before = resolver.previous_paragraph
    if before is None or name in resolver.conversation.turns:
        return True
    if name in resolver.salience.named_between(resolver.scene_start, before.start):
        return True
    return any(arrives(resolver.doc.text, m) and resolver.read_as(m) == name for m in before.mentions)


def speaker_goes_on_after_narration(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """After a paragraph of narration about the last speaker alone, that speaker goes on:
    ``"Good morning," said the doctor.`` / ``The doctor bent over the bed.`` / ``"Let me take him."``
    -> the doctor (the narration gave the turn to no one else). It comes before the reply of
    the one the last turn called: ``"Come out, Tom!" she shouted.`` / ``She turned to seize a
    small boy by the collar.`` / ``"What have you been doing?"`` -> she, not Tom. Not after a
    question: the one asked answers it (``"Did you take the tablets?"`` / ``Hale bent over the
    bed.`` / ``"Two, this morning."`` -> not Hale)."""
    conv = resolver.conversation
    if conv.narration_paragraphs == 0 or not conv.turns or conv.last_actor != conv.turns[-1] or conv.asked:
        return None
    if set(conv.narrated) != {conv.turns[-1]} or conv.turns[-1] in named_in_quote(ctx):
        return None
    return decided(conv.turns[-1], "speaker_goes_on_after_narration")


def speaker_goes_on_after_gesture(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A listener who answers a question, a call or a remark with a nod or a shake of the head has
    had their turn: after a paragraph of narration that opens on it (and is about no third
    person), the one who was talking goes on. ``"Did I ever tell you about the flood?" Ana
    asked.`` / ``Tom shook his head.`` / ``"It came up to the second step."`` -> Ana, not Tom, nor
    anyone Ana called; ``"You look tired," Ana said.`` / ``Tom nodded.`` / ``"Go to bed, then."``
    -> Ana. Not when the nodder spoke the turn before the last and the last turn, answering her,
    asks nothing (``"Ready?" Ana asked.`` / ``"As I'll ever be," Tom said.`` / ``Ana nodded.``)."""
    conv = resolver.conversation
    listener = conv.gestured
    if listener is None or conv.narration_paragraphs != 1 or not conv.turns or listener == conv.turns[-1]:
        return None
    if conv.turns[-2:-1] == [listener] and not conv.asked:
        return None  # the last turn answered the nodder and asked her nothing: her nod takes it
    if not set(conv.narrated) <= {listener, conv.turns[-1]} or conv.turns[-1] in named_in_quote(ctx):
        return None
    return decided(conv.turns[-1], "speaker_goes_on_after_gesture")


def speaker_goes_on_past_silence(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """When the narration since the last turn says the one who spoke before it keeps silent,
    the last speaker goes on: ``"Mother gave it to me," said Ogden. Mr. Pett grunted, but made
    no verbal comment.`` / ``"Got a grouch this morning, haven't you, pop?"`` -> Ogden."""
    conv = resolver.conversation
    if len(conv.turns) < 2 or conv.turns[-2] not in conv.silent or conv.turns[-1] in conv.silent or conv.turns[-1] in named_in_quote(ctx):
        return None
    return decided(conv.turns[-1], "speaker_goes_on_past_silence")


def speech_runs_on(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A speech whose paragraph ends with its quotation left open (an opening mark and no
    closing one after it) goes on in the next paragraph: the writer's sign that the same voice
    keeps talking. ``"Nell Adair," Earl said. "In the flood of '78 she rowed out alone.`` /
    ``"And you know what she told them?"`` -> Earl, not anyone the speech named. Only for the
    quotation that opens the next paragraph, straight after (no scene break), only where
    that paragraph's speech was given to someone, and only a speech of some length
    (:data:`_RUN_ON_WORDS`)."""
    conv = resolver.conversation
    before = resolver.previous_paragraph
    if conv.last_speaker is None or before is None or not before.quotes or ctx.para.scene_start:
        return None
    doc = resolver.doc
    left = doc.text[doc.segments[before.quotes[-1]].start:before.end]
    if doc.text[ctx.para.start:ctx.segment.start].strip() or not left_open(left) or len(left.split()) < _RUN_ON_WORDS:
        return None
    return decided(conv.last_speaker, "speech_runs_on")


_RUN_ON_WORDS = 8
"""A speech runs on over a paragraph break when it is long (a speaker holding forth: 10 to 67
words in our stories); a few words left open are more likely a closing mark forgotten (``"I
don't know," Ana said. "Maybe tomorrow.`` / ``"Tomorrow's too late."`` -> the other)."""


def left_open(text: str) -> bool:
    """Whether ``text`` (a paragraph from its last quotation on) ends inside a quotation: its
    last double quotation mark opens one (a curly opening mark with a space or nothing before
    it, or a straight one with a space or nothing before it and a letter after it), with nothing
    closing it. A curly opening mark straight after a word or a dash closes a speech, typed the
    wrong way round (``“I didn’t mean—“ Tom started.``: a speech cut off, not left open).

    >>> [left_open(t) for t in ("“Go,” he said. “In the flood we rowed.", "“Go,” he said.", '"Go," he said. "We rowed.', '"Go," he said.', 'We rowed--" She laughed.', '"Go," she said. "Why?”')]
    [True, False, True, False, False, False]
    >>> [left_open(t) for t in ("“I didn’t mean—“ Tom started.", "“You never—“", "“Go.“")]
    [False, False, False]
    """
    at = max(text.rfind(c) for c in DOUBLE_OPENING_GLYPHS + DOUBLE_CLOSING_GLYPHS + '"')
    if at < 0:
        return False
    if text[at] != '"':
        return text[at] in DOUBLE_OPENING_GLYPHS and (at == 0 or text[at - 1].isspace())
    return (at == 0 or text[at - 1].isspace()) and text[at + 1:at + 2].isalnum()


def vocative_addressee_replies(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """The person named in the previous turn answers: ``"Kakashi, listen."`` / ``"I'm
    listening."`` -> Kakashi."""
    conv = resolver.conversation
    addressee = conv.addressee
    if addressee and conv.turns and addressee != conv.turns[-1] and addressee not in named_in_quote(ctx):
        return decided(addressee, "vocative_addressee_replies")
    return None


def summoned_answers(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """The one a quotation called forward to be questioned answers the first question put
    to them: ``"The Crown calls Edith Marsh."`` / ``She took the stand.`` / ``"You keep the
    inn?" the lawyer asked.`` / ``"Thirty years, sir."`` -> Edith Marsh, not the judge who
    spoke before the lawyer."""
    conv = resolver.conversation
    person = conv.summoned
    if person is None or not conv.asked or not conv.turns or person == conv.turns[-1] or person in named_in_quote(ctx) or person in conv.departed:
        return None
    return decided(person, "summoned_answers")


def acted_on_replies(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """The one the last speaker acted on answers: ``Pearl turns the enormous glasses on
    Iris. "And you let him go to Seattle."`` / ``"Grandma Pearl, it was more complicated"``
    -> Iris."""
    conv = resolver.conversation
    target = conv.acted_on
    if target and conv.turns and not conv.narration_paragraphs and target != conv.turns[-1] and target not in named_in_quote(ctx) and target not in conv.departed:
        return decided(target, "acted_on_replies")
    return None


def speaker_goes_on_after_reaction(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A listener's reaction in a paragraph of its own does not take the turn: the one who
    was talking goes on. ``"...someone else," Ino says.`` / ``Sakura’s eyes sting.`` /
    ``"I mean, you fell for..."`` -> Ino."""
    conv = resolver.conversation
    if conv.reacted is None or not conv.turns or conv.reacted == conv.turns[-1] or conv.turns[-1] in named_in_quote(ctx):
        return None
    return decided(conv.turns[-1], "speaker_goes_on_after_reaction")


def turn_taking(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """Untagged turns alternate between two speakers: A, B, then A again, unless the narration
    since the last turn is about someone else (:func:`narrated_other`). When a third
    person spoke among the last turns (A, C, B) the alternation is a weaker guess (case
    ``three_way`` of the confidence table: right 0.60 of the time, against 0.81)."""
    conv = resolver.conversation
    turns = conv.turns
    if turns and (other := narrated_other(conv, named_in_quote(ctx))):
        return decided(other, "narrated_other")
    if len(turns) >= 2 and turns[-2] != turns[-1] and (partner := narrated_partner(conv, named_in_quote(ctx))):
        return decided(partner, "narrated_partner")
    if len(turns) >= 2 and turns[-2] != turns[-1] and turns[-2] not in named_in_quote(ctx) and turns[-2] not in conv.departed:
        return decided(turns[-2], "turn_taking", "three_way" if three_way(turns) else "")
    return None


def calls_the_other_of_two(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """In a talk of two, a line that calls one of them by name is the other's, even where the
    count of turns would give it to the one called or make the last speaker speak twice:
    ``"I know," Tomas said.`` / ``"I'm sorry he said it."`` / ``"That's not your fault, Ro."``
    -> Tomas, whoever the count says spoke the line between (the name says who listens; of
    two, the other speaks). Only where the last four turns hold two people, no paragraph of
    narration came since the last turn (it may bring in a third voice, or a call from afar),
    the line calls the one of them who did not speak last and no one else, and
    :func:`answers_previous` finds no one else the scene has named (a third voice joining:
    ``Ines set the glasses down.`` / ``"Teo, drink something."`` stays open to Ines); not a line
    that opens by shouting the name (``"Mara! Come and dry these dishes!"``, from indoors)."""
    turns = resolver.conversation.turns
    if len(turns) < 3 or len(set(turns[-4:])) != 2 or resolver.conversation.narration_paragraphs:
        return None
    called = named_in_quote(ctx)
    if called != [turns[-2]] or _called_by_another_name(resolver, ctx, called[0]) or _shouts_name(resolver, ctx.segment.text, called[0]):
        return None
    other = answers_previous(resolver, ctx)
    if other is not None and other.speaker in resolver.salience.named_between(resolver.scene_start, ctx.segment.start):
        return None  # someone else of the scene is at hand: a third voice, not a slip of the count
    return decided(turns[-1], "calls_the_other_of_two")


_SHOUTED_NAME = letters.compile(r"^[\"“‘'\s]*([A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*)?)\s*!")


def _shouts_name(resolver: Resolver, quote: str, name: str) -> bool:
    """Whether a line opens by shouting ``name`` (``"Mara! Come and dry these dishes!"``): a
    summons from elsewhere as often as not, not the one beside her speaking again. Another word
    shouted first is no such call (``"Stop! Teo, you can't keep doing this."``).

    Scenes: tests/test_attribute_conversation.py.
    """
    m = _SHOUTED_NAME.match(quote)
    person = resolver.doc.roster.by_name(name)
    return bool(m) and person is not None and m.group(1) in {person.name, *person.forms}


def _called_by_another_name(resolver: Resolver, ctx: QuoteContext, name: str) -> bool:
    """Whether the last line, just before this one, called ``name`` by a name this line does not
    use: ``"Suki, who is going to die?"`` / ``"Oi, Tanaka. You said seven."`` -- one speaker keeps
    to one name for the one they talk to, so the second is a new voice (arriving unnamed yet),
    not the last speaker again.

    Scenes: tests/test_attribute_conversation.py.
    """
    before = resolver.previous_paragraph
    person = resolver.doc.roster.by_name(name)
    if before is None or not before.quotes or person is None:
        return False
    forms = {person.name, *person.forms}
    used_before = {f for f in forms if re.search(rf"\b{re.escape(f)}\b", resolver.doc.segments[before.quotes[-1]].text)}
    used_now = {f for f in forms if re.search(rf"\b{re.escape(f)}\b", ctx.segment.text)}
    return bool(used_before and used_now and not used_before & used_now)


def narrated_other(conv: Conversation, addressed: list[str]) -> str | None:
    """After narration about one person other than the last speaker, the talk has turned to
    them: they speak next, not the one who spoke two turns ago. ``"Bring the rope," Mara said.``
    / ``Teo dragged the sled up the bank. The ice groaned under it.`` / ``"Got it."`` -> Teo.
    Only a person met by name and not one the narration shows only watching (as
    :func:`narrated_newcomers`); the first-person narrator counts among the people narrated but
    is not chosen (``Pell and I traded a look.`` -> no one).

    >>> narrated_other(Conversation(turns=["Mara"], narrated=["Teo", "Teo"]), [])
    'Teo'
    >>> [narrated_other(Conversation(turns=["Mara"], narrated=n), []) for n in (["Mara"], ["Teo", "I"], ["Teo", "Ana"], ["the ice"])]
    [None, None, None, None]
    >>> narrated_other(Conversation(turns=["Mara"], narrated=["Teo"], onlookers={"Teo"}), []), narrated_other(Conversation(turns=["Mara"], narrated=["Teo"]), ["Teo"])
    (None, None)
    """
    people = _named_others(conv.narrated, conv.turns[-1], addressed, conv.onlookers)
    return people.pop() if len(people) == 1 and FIRST_PERSON_NAME not in people else None


def narrated_partner(conv: Conversation, addressed: list[str]) -> str | None:
    """Turn-taking follows the people the narration is about: when the narration just before
    the last turn left out the one who spoke before it and is about exactly one other person
    who has spoken in this conversation, that person answers. ``"Yes, Mum," Cal said.`` / ``In the kitchen, Tess filled a glass
    while Noa hunted for a spoon.`` / ``"So," Tess said.`` / ``"Don't."`` -> Noa, not Cal.

    >>> narrated_partner(Conversation(turns=["Noa", "Cal", "Tess"], before_last_turn=["Tess", "Noa"]), [])
    'Noa'
    >>> narrated_partner(Conversation(turns=["Cal", "Tess"], before_last_turn=["Cal", "Noa"]), [])

    When that narration is about the first-person narrator alone, the narrator answers
    (``Emeka says, and his icon blinks out.`` / ``For a while I think about the goats.`` /
    ``"Well," Roz says.`` / ``"Thank you."`` -> I, not Emeka):

    >>> narrated_partner(Conversation(turns=["Emeka", "Roz"], before_last_turn=["I"]), [])
    'I'

    When it names no one else who has spoken, someone it puts beside the last speaker who has
    not spoken yet may be the partner (:func:`narrated_newcomers`).
    """
    last, before = conv.turns[-1], conv.turns[-2]
    if before in conv.before_last_turn:
        return None
    others = {n for n in conv.before_last_turn if n not in (last, FIRST_PERSON_NAME) and n not in addressed and n in conv.turns}
    if not others and FIRST_PERSON_NAME in conv.before_last_turn and last != FIRST_PERSON_NAME:
        return FIRST_PERSON_NAME
    others = others or narrated_newcomers(conv, addressed)
    return others.pop() if len(others) == 1 else None


def narrated_newcomers(conv: Conversation, addressed: list[str]) -> set[str]:
    """The people a narration about the last speaker puts beside them who have not spoken in
    this conversation: the two the narration is about are the two talking. ``"Go," Mara says.``
    / ``She leans on his shoulder. Downstairs, Teo yells up the stairs.`` / ``"Two minutes,"
    Ines calls back.`` / ``"I'm counting!"`` -> Teo, not Mara. Only a person met by name (a
    description may be no one in the talk: ``a man on the screen checks his watch``), and not
    one the narration shows only watching (``Noa watched his face.``: taking it in, not answering).

    >>> narrated_newcomers(Conversation(turns=["Mara", "Ines"], before_last_turn=["Ines", "Teo"]), [])
    {'Teo'}
    >>> narrated_newcomers(Conversation(turns=["Mara", "Ines"], before_last_turn=["Ines", "the man"]), [])
    set()
    >>> narrated_newcomers(Conversation(turns=["Mara", "Ines"], before_last_turn=["Teo"]), [])
    set()
    >>> narrated_newcomers(Conversation(turns=["Mara", "Ines"], before_last_turn=["Ines", "Teo"], onlookers_before_last_turn={"Teo"}), [])
    set()
    """
    last = conv.turns[-1]
    if last not in conv.before_last_turn:
        return set()
    return _named_others(conv.before_last_turn, last, addressed, conv.onlookers_before_last_turn) - {FIRST_PERSON_NAME}


def _named_others(narrated: list[str], last: str, addressed: list[str], onlookers: set[str]) -> set[str]:
    """The people met by name among ``narrated`` other than the last speaker, not called in the
    quotation and not only watching."""
    return {n for n in narrated if n != last and n[:1].isupper() and n not in addressed and n not in onlookers}


_THREE_WAY_TURNS = 4  # this many recent turns with three people in them make a three-way talk


def three_way(turns: list[str]) -> bool:
    """Whether three or more people share the last turns of a conversation.

    >>> three_way(["Ino", "Kiba", "Ino", "Kiba"]), three_way(["Ino", "Shino", "Kiba", "Ino"])
    (False, True)
    """
    return len(set(turns[-_THREE_WAY_TURNS:])) >= 3


def answers_previous(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """An untagged quotation after someone spoke is the reply of the other person present:
    the most recently mentioned character who is not the last speaker. In a story told to
    you, the reader is present in every scene, so when no one else has been mentioned since
    the scene began, the reader replies: ``* * *`` / ``"She does this," Rafe says.`` /
    ``"Your sister?"`` -> you, not the friend of the scene before. The first reply of a scene
    past a written break (a line of symbols, a chapter heading; one voice heard so far) is no
    one's of the scene before but the narrator ``I``, who is in every scene: ``* * *`` /
    ``"You're late," Odile said.`` / ``"Traffic."`` -> I, not Bram of the barn before; with no
    one else the next rule decides. The scene before still answers where the narration says
    ``we`` (:func:`came_as_we`), and past a run of blank lines, which may be a stray gap inside
    the talk (:attr:`Resolver.drawn_break`). Where no one else is at hand, a first-person
    narrator the scene shows only as ``me``/``my`` replies (:func:`narrator_in_scene`): ``Ines
    found me at the half.`` / ``"Are they speaking?" she asked.`` / ``"Rafe and Hana?"`` -> I."""
    turns = resolver.conversation.turns
    if not turns:
        return None
    voc = named_in_quote(ctx)
    past_break: bool | None = None  # whether the scene before is cut off; read once, where needed
    for at, name, _ in resolver.salience.recent(ctx.segment.start):
        if at < resolver.scene_start and told_to_you(resolver.doc):
            name = FIRST_PERSON_NAME
        elif at < resolver.scene_start and name != FIRST_PERSON_NAME:
            if past_break is None:
                past_break = resolver.drawn_break and len(set(turns)) == 1 and not came_as_we(resolver, ctx.segment.start)
            if past_break:
                continue
        if name != turns[-1] and name not in voc and name not in resolver.conversation.departed:
            return decided(name, "answers_previous")
    if turns[-1] != FIRST_PERSON_NAME and FIRST_PERSON_NAME not in voc and narrator_in_scene(resolver, ctx.segment.start):
        return decided(FIRST_PERSON_NAME, "answers_previous")
    return None


_WE = letters.compile(r"\b[Ww]e\b")
_ME = letters.compile(r"\b(?:[Mm]e|[Mm]y|[Mm]yself)\b")


def narrator_in_scene(resolver: Resolver, end: int) -> bool:
    """Whether a first-person story's narration has put its narrator in the scene before
    ``end`` as ``me``/``my``/``myself`` (``Ines found me there at the half.``): the narrator is
    there to answer, though no ``I`` has acted in the scene for the reader's memory to hold."""
    if not narrated_in_first_person(resolver.doc) or FIRST_PERSON_NAME in resolver.conversation.departed:
        return False
    return _scene_narration_says(resolver, end, _ME)


def came_as_we(resolver: Resolver, end: int) -> bool:
    """Whether the scene's narration before ``end`` says ``we``: the narrator came into it with
    company, the people of the scene before (``* * *`` / ``It was dark when we came back``)."""
    return _scene_narration_says(resolver, end, _WE)


def _scene_narration_says(resolver: Resolver, end: int, pattern: Pattern[str]) -> bool:
    """Whether the scene's narration before ``end`` holds ``pattern``."""
    doc, starts = resolver.doc, resolver.doc.narration_starts
    spans = doc.narration_spans[bisect.bisect_left(starts, resolver.scene_start):bisect.bisect_left(starts, end)]
    return any(pattern.search(doc.text, s, min(e, end)) for s, e in spans)


def unfree_first_reply(resolver: Resolver, ctx: QuoteContext) -> bool:
    """Whether a quotation is the first reply of a scene past a written break (its second
    quotation), to a first line its own paragraph names the speaker of. Asked where
    :func:`answers_previous` found no one of the scene free to give it (everyone named since the
    break is that voice or called in the line); in a story told in the third person the reply
    is then the viewpoint person's, whom the narration follows without naming them
    (:func:`viewpoint_replies`). A first line the engine only guessed may be that person's own."""
    turns = resolver.conversation.turns
    doc = resolver.doc
    if not (resolver.drawn_break and len(turns) == 1 and resolver.conversation.last_tagged) or narrated_in_first_person(doc) or told_to_you(doc):
        return False
    scene = doc.paragraphs[bisect.bisect_left(doc.paragraph_starts, resolver.scene_start):bisect.bisect_left(doc.paragraph_starts, ctx.para.start)]
    return sum(len(p.quotes) for p in scene) + ctx.order == 1


def viewpoint_replies(resolver: Resolver, decisions: dict[int, Decision]) -> None:
    """A scene's first reply that no one of the scene is free to give (:func:`unfree_first_reply`,
    asked where only :func:`salient_character` or no rule decided it) is the story's viewpoint
    person's: the one whose inner states the narration reports most over the whole story
    (``she thought``, ``he wondered``), unless that one spoke the line answered or is called in
    it: in a story told close to Maren, ``* * *`` / ``The cottage
    smelled of tar, and Oskar was at the stove.`` / ``"You came back," Oskar said.`` / ``"I
    said I would."`` -> Maren, not Oskar again nor Piet of the scene before. Read once the
    story is read to its end."""
    pov = most_inner_states(resolver, resolver.story_inner_states, None)
    for index, (last, called) in resolver.unfree_replies.items():
        if pov and pov != last and pov not in called:
            decisions[index] = decided(pov, "viewpoint_replies")


def salient_character(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """Last resort: the character a short beat of narration just before opens on (see
    :func:`opening_beat_subjects`), else the one most recently mentioned as a subject, opens
    a conversation."""
    voc = named_in_quote(ctx)
    recent = (name for _, name, subject in resolver.salience.recent(ctx.segment.start) if subject)
    for name in (*opening_beat_subjects(resolver, ctx), *recent):
        if name not in voc and name != FIRST_PERSON_NAME and name not in resolver.conversation.departed:
            return decided(name, "salient_character")
    return None


_SHORT_BEAT_CHARS = 300  # a few sentences; measured: 200-300 the same, 500 loses a LitBank line


def opening_beat_subjects(resolver: Resolver, ctx: QuoteContext) -> list[str]:
    """The subjects, in order, of a short paragraph of narration right before a scene's first
    quotation: its first subject is the one who speaks first (``Dani drops her bag on the
    bench. He's sitting on the floor ...`` / ``"Bad night?"`` -> Dani, not the man described
    last).

    Scenes: tests/test_attribute_conversation.py.
    """
    before = resolver.previous_paragraph
    if before is None or before.quotes or ctx.order or ctx.para.scene_start or before.end - before.start > _SHORT_BEAT_CHARS:
        return []
    silent = silent_people(resolver, before, before.start)
    return [name for m in before.mentions if m.subject and (name := resolver.mention(m, before)) and name not in silent]


def silent_people(resolver: Resolver, para: Paragraph, after: int) -> set[str]:
    """The people a paragraph's narration after ``after`` says keep silent: ``Mr. Pett
    grunted, but made no verbal comment.`` -> Mr. Pett (not ``She didn't answer for a moment``)."""
    actors = [m for m in para.mentions if m.start >= after and (m.subject or m.clause_subject)]
    return {name for m, following in zip(actors, [*actors[1:], None]) if keeps_silent(resolver.doc.text, m, following) and (name := resolver.mention(m, para))}


_WATCHES = letters.compile(
    r"\s+(?:\w+ly\s+)?(?P<verb>watch(?:es|ed)?|saw|sees?|stared|stares|gazed|gazes|observed|observes|listened|listens|looked\s+on|looks\s+on)\b")


_SENTENCE_STOP = letters.compile(r"[.!?;]")
_AND_THEN = letters.compile(r"\b(?:and|then)\s+(?:then\s+)?(?:[a-z]+ly\s+)?([a-z]+)\b")
_STILL_WATCHING = frozenset("""watch watches watched listen listens listened wait waits waited stare stares stared gaze gazes gazed
look looks looked see sees saw observe observes observed is was are were be been""".split())
"""Verbs that go on watching, or say what someone is (``watched and waited``, ``stared and was still``): no act."""


def onlookers(resolver: Resolver, para: Paragraph) -> tuple[set[str], set[str]]:
    """The subjects of a paragraph's narration who watch or listen, and those it shows doing
    anything else, as (watchers, actors): ``Tomas drank. Noa watched his face.`` -> ({Noa},
    {Tomas}); one the pluperfect remembers (``Teo had left for the city``) does nothing now and
    counts with the watchers. One who watches and then acts in the same sentence acts (``Teo saw
    the key and took it``); the caller keeps as onlookers only the watchers no clause since the
    last turn shows acting (``Noa watched him.`` / ``She took the cup.``: Noa acts).
    """
    text = resolver.doc.text
    subjects = [(name, watches(text, m) or is_remembered_other(text, m)) for m in para.mentions if (m.subject or m.clause_subject) and (name := resolver.mention(m, para))]
    return {name for name, watching in subjects if watching}, {name for name, watching in subjects if not watching}


def watches(text: str, m: Mention) -> bool:
    """Whether the subject mention ``m`` only watches or listens in its sentence: not one who
    then does something else (``Teo saw the key and took it``, ``watched the door, then stood
    up``); ``watched and waited`` still watches.

    >>> t = "Tomas drank. Noa watched his face. Bea stared, and Bea laughed. Teo saw the key and snatched it."
    >>> [watches(t, Mention(t.index(n), t.index(n) + len(n), "name", n)) for n in ("Tomas", "Noa", "Bea", "Teo")]
    [False, True, True, False]
    >>> t = "Al watched and waited. Bo sees the key and takes it. Cy watched the ships and boats."
    >>> [watches(t, Mention(t.index(n), t.index(n) + 2, "name", n)) for n in ("Al", "Bo", "Cy")]
    [True, False, True]
    >>> t = "Di watches the gulls and tides. Ed watches the boats and gulls come in."
    >>> [watches(t, Mention(t.index(n), t.index(n) + 2, "name", n)) for n in ("Di", "Ed")]
    [True, True]
    """
    seen = _WATCHES.match(text, m.end)
    if not seen:
        return False
    present = seen.group("verb").split()[0].endswith("s")  # sees, watches, looks on; not saw, looked on
    stop = _SENTENCE_STOP.search(text, seen.end())
    return not any(_acts(text, word, present) for word in _AND_THEN.finditer(text, seen.end(), stop.start() if stop else len(text)))


_PLURAL_BEFORE = letters.compile(r"[a-z]s\W*$")
_OBJECT_AFTER = letters.compile(
    r"\s+(?:the|a|an|his|her|their|my|our|your|its|this|that|it|him|them|me|us|you|to|into|onto|out|up|down"
    r"|off|away|back|over|across|through|towards?|at|in|on|from|with)\b")


def _acts(text: str, word: Match[str], present: bool) -> bool:
    """Whether the word after ``and``/``then`` is a verb of doing in the tense of the watching
    (``sees ... and takes``, ``saw ... and took``; not a plural noun: ``watched the ships and boats``).
    In the present, after a plural noun (``watches the gulls and tides``), the word is a verb
    only with an object or a preposition after it (``sees the keys and takes them``).

    >>> t = "Bo watches the gulls and tides. Bo sees the keys and takes them."
    >>> [_acts(t, m, True) for m in _AND_THEN.finditer(t)]
    [False, True]
    """
    verb = word.group(1)
    if verb in _STILL_WATCHING or not looks_like_verb(verb) or verb.endswith("s") is not present:
        return False
    continues_a_plural = present and _PLURAL_BEFORE.search(text, max(0, word.start() - 30), word.start())
    return not continues_a_plural or bool(_OBJECT_AFTER.match(text, word.end()))


_SILENT = letters.compile(
    r"[^.!?;]*?\b(?:without a word|without speaking|silently|in silence|says nothing|said nothing"
    r"|(?:does|did|do)(?:\s+not|n['’]t)\s+(?:say\s+anything|answer|reply|respond)"
    r"|(?:made|makes)\s+no\s+(?:\w+\s+)?(?:reply|answer|comment|response))\b")
_FOR_NOW = letters.compile(r"\s+(?:for\s+an?\s+|at\s+first|yet\b|until\b)")


def keeps_silent(text: str, m: Mention, following: Mention | None) -> bool:
    """Whether the clause of a subject (up to the next subject) says they do not speak: ``Owen
    moves his feet, and Felix sits in it without a word.`` -- Felix; the one who speaks next
    is the other person. Also ``doesn't say anything``, ``did not answer``, ``made no verbal
    comment``; not a silence that only lasts a while (``did not answer for a moment``).

    >>> t = "Owen moves, and Felix sits without a word."
    >>> owen, felix = Mention(0, 4, "name", "Owen"), Mention(15, 20, "name", "Felix")
    >>> keeps_silent(t, owen, felix), keeps_silent(t, felix, None)
    (False, True)
    >>> [keeps_silent(t, Mention(0, 4, "name", "Owen"), None) for t in ("Owen made no reply.", "Owen did not answer at first.")]
    [True, False]
    """
    silent = _SILENT.match(text, m.end)
    return bool(silent) and (following is None or silent.end() <= following.start) and not _FOR_NOW.match(text, silent.end())


_DEPARTS = letters.compile(
    r"\s+(?:\w+ly\s+|then\s+|had\s+|has\s+|already\s+)*(?:left|leaves|departed|departs|retired|retires"
    r"|(?:went|goes|walked|walks|stepped|steps|slipped|slips|hurried|hurries|stalked|stalks|strode|strides"
    r"|shuffled|shuffles|toddled|toddles|wandered|wanders|headed|heads|marched|marches|stomped|stomps|stormed|storms"
    r"|trudged|trudges|drifted|drifts|swept|sweeps|padded|pads|limped|limps|sauntered|saunters|ran|runs)\s+(?:out|off|away)"
    r"|(?:went|goes|gone)\s+(?:to\s+bed|to\s+sleep|home|upstairs)|gone\s+(?:out|off|away)"
    r"|(?:was|is)\s+(?:already\s+)?gone|gone(?=\s*[,.;:!?—])|disappeared|disappears|vanished|vanishes|hung\s+up|hangs\s+up)"
    r"(?=\s*(?:[,.;:!?—]|$)|\s+(?:the\s+(?:room|house|kitchen|office|hall|shop|tent|library|building)|and|without|through|into|out|to|toward|towards|down|up|along|across|for|on)\b)")
"""A verb of leaving with no object but a room: ``left.``, ``left the room``, ``walked out into``,
a manner of going off (``shuffles off down the stairs``, ``toddles off toward the table``), going
to bed or home (``has gone to bed``, ``went home``), gone and no more (``she's gone, swallowed by the
crowd``) -- not ``left him alone``, ``left off``,
``hung up his coat``, ``ran out of tea``."""


_ASLEEP = letters.compile(
    r"(?:\s+(?:was|is|were|are|lay|lies|fell|falls)|\s+(?:had|has)\s+(?:fallen|been)|['’]s(?:\s+(?:fallen|been))?)"
    r"(?:\s+(?:still|already|fast|sound|half|now)){0,2}\s+(?:asleep|sleeping|unconscious)\b")
"""Asleep: ``was asleep``, ``had fallen asleep``, ``’s fast asleep``, ``lay still asleep``,
``was sleeping``, ``lay unconscious``, ``is half asleep``; a verb or ``’s`` first (not ``Ed,
still asleep,``)."""


def departs(text: str, m: Mention) -> bool:
    """Whether the subject mention ``m`` leaves the scene: ``The professor left, and the door
    swung shut.`` -- someone gone takes no more turns in the conversation; nor does someone
    asleep (``Her brother was asleep in the chair.``) until a tag gives them a turn.

    >>> t = "The professor left. Tom walked out. Ana left him alone. She's gone. He'd gone to the window."
    >>> [departs(t, Mention(s, e, "description", t[s:e])) for s, e in ((0, 13), (20, 23), (36, 39), (56, 61), (68, 72))]
    [True, True, False, True, False]
    >>> t = "Her brother was asleep in the chair. Ana fell fast asleep. Tom’s asleep. Bo was sleepy."
    >>> [departs(t, Mention(s, e, "description", t[s:e])) for s, e in ((0, 11), (37, 40), (59, 62), (73, 75))]
    [True, True, True, False]
    >>> t = "Mo was sleeping. Al lay unconscious. Jo is half asleep. Ed, still asleep, snored. Cy had asleep."
    >>> [departs(t, Mention(t.index(n), t.index(n) + 2, "name", n)) for n in ("Mo", "Al", "Jo", "Ed", "Cy")]
    [True, True, True, False, False]
    """
    return leaves(text, m) or bool(_ASLEEP.match(text, m.end))


def leaves(text: str, m: Mention) -> bool:
    """Whether the subject mention ``m`` goes out (``The professor left``), not only to sleep."""
    return bool(_DEPARTS.match(text, m.end))


_IN_A_STATE = r"(?!\s+(?:(?:his|her|their|my|your|our|its|pain|circles|silence|surprise|agony|fear|shock)\b|the\s+(?!(?:\w+\s+)?(?:door|doorway|gate|room)\b)))"
"""After ``in``, not where a place or a state follows (``in his seat``, ``in the dark``, ``in pain``) -- ``in the door`` is a way in."""
_ARRIVES = letters.compile(
    rf"\s+(?:\w+ly\s+|then\s+|had\s+|has\s+)*(?:(?:came|comes|walked|walks|stepped|steps|hurried|hurries|strode|strides|burst|bursts"
    r"|swept|sweeps|wandered|wanders|ran|runs|slipped|slips|barged|barges|marched|marches|padded|pads|crept|creeps|tiptoed|tiptoes"
    r"|limped|limps|shuffled|shuffles|strolled|strolls|sauntered|saunters|stomped|stomps|stormed|storms|trudged|trudges"
    rf"|rushed|rushes|dashed|dashes|darted|darts|raced|races|ducked|ducks|edged|edges|sidled|sidles|staggered|staggers|stumbled|stumbles)\s+in\b{_IN_A_STATE}"
    r"|(?:put|puts|poked|pokes|stuck|sticks)\s+(?:his|her|their)\s+head\s+(?:in|round|around|through)\b"
    r"|(?:entered|enters|arrived|arrives)\b|(?:appeared|appears)\s+in\s+the\s+door|(?:leaned|leans|leant)\s+out\s+(?:of|into|through)\b)")
"""A verb of coming in, in any manner: ``came in``, ``padded in``, ``walked in the door``, ``put
her head in``, ``leaned out of the window`` (or ``into the night``), ``entered``, ``appeared in
the doorway`` -- not ``came into view``, ``walked into the wall``, ``came to``, nor moving within
a place or a state (``shuffled in his seat``, ``stumbled in the dark``, ``limped in pain``,
``leaned out over the rail``)."""


def arrives(text: str, m: Mention) -> bool:
    """Whether the subject mention ``m`` comes into the scene: ``The door opened and Dolly put
    her head in.`` -- someone who was not there to speak before.

    >>> t = "The door opened and Vera put her head in. Tom walked into the wall. Ana entered."
    >>> [arrives(t, Mention(s, e, "name", t[s:e])) for s, e in ((20, 24), (42, 45), (68, 71))]
    [True, False, True]
    >>> t = "Bo padded in on bare feet. Cy crept into bed. Di leaned out of the window."
    >>> [arrives(t, Mention(t.index(n), t.index(n) + 2, "name", n)) for n in ("Bo", "Cy", "Di")]
    [True, False, True]
    """
    return bool(_ARRIVES.match(text, m.end))


_DOOR_SHUT = (r"\bdoor\s+(?:\w+\s+)?(?:shut|shuts|closed|closes|slammed|slams|clicked|clicks|swung|swings|banged|bangs|thudded|thuds)"
              r"(?:\s+(?:shut|closed|to))?\s+behind\s+")
_DOOR_SHUT_BEHIND = letters.compile(_DOOR_SHUT + "$")
DOOR_SHUT_BEHIND_PRONOUN = letters.compile(rf"{_DOOR_SHUT}(him|her){OBJECT_PRONOUN_CLOSES}")
"""``The door shut behind him.``: the one a door shuts behind, by a pronoun (group 1)."""


def door_shut_behind(text: str, m: Mention) -> bool:
    """Whether ``m`` is the one a door shuts behind: ``The door shut behind Vera.`` -- she
    has left the room, though the sentence is about the door (a pronoun, which is not always
    a mention, is found by :data:`DOOR_SHUT_BEHIND_PRONOUN`: ``behind him`` but not
    ``behind her brother``).

    >>> t = "The door shut behind Vera. She sat down behind Tom."
    >>> door_shut_behind(t, Mention(21, 25, "name", "Vera")), door_shut_behind(t, Mention(47, 50, "name", "Tom"))
    (True, False)
    >>> [bool(DOOR_SHUT_BEHIND_PRONOUN.search(t)) for t in ("The door shut behind him.", "The door clicked shut behind her brother.")]
    [True, False]
    """
    return bool(_DOOR_SHUT_BEHIND.search(text[max(0, m.start - 60):m.start]))


def viewpoint_thinker(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A thought belongs to the viewpoint character: the latest subject of the narration.
    ``Sakura froze. *Not again.*`` -> Sakura."""
    for _, name, subject in resolver.salience.recent(ctx.segment.end + 1):
        if subject:
            return decided(name, "viewpoint_thinker")
    return None


_OPEN_ACTS = (r"ask|asks|asked|explain|explains|explained|question|questions|questioned|answer|answers|answered"
              r"|reply|replies|replied|say|says|said|repeat|repeats|repeated|whisper|whispers|whispered|murmur|murmurs|murmured"
              r"|mutter|mutters|muttered|mumble|mumbles|mumbled|speak|speaks|spoke|talk|talks|talked|inquire|inquires|inquired|enquire|enquires|enquired"
              r"|demand|demands|demanded|insist|insists|insisted|suggest|suggests|suggested|remark|remarks|remarked|announce|announces|announced"
              r"|plead|pleads|pleaded|beg|begs|begged|interrupt|interrupts|interrupted"
              r"|(?:continue|continues|continued|resume|resumes|resumed|(?:went|goes)\s+on|(?:put|puts)\s+in)"
              r"(?=(?:\s+\w+ly)?\s*[,.;:!?—]|\s+to\s+(?:him|her|them|(?P<to_name>[A-Z])))")
"""Verbs of a speech act whose words may be left to the quotation after (``explained to
Cotter.``, ``went on.``, ``put in.``); going on, resuming and putting in only with nothing
after but a stop or the one spoken to (``continued quietly,``, ``went on to her``, ``went on to
Cotter`` where Cotter is a person: :func:`reported_speech`), not ``went on down the path``,
``continued to stir``, ``resumed her seat``, ``put in her head``, ``went on to Penzance``."""
_GOING_ON = (r"(?:is|was|are|were)\s+(?:still\s+)?(?:talking|speaking|saying|muttering|explaining|asking|whispering|reading\s+aloud)"
             r"|(?:began|begins|started|starts)\s+to\s+(?:speak|talk|explain|ask|say|read\s+aloud)|(?:read|reads)\s+(?:it|them|the\s+\w+(?:\s+\w+)?)\s+(?:aloud|out)"
             r"|(?:took|takes)\s+up\s+the\s+(?:tale|story|thread)")
"""A speech act still going on, or begun (``was still talking``, ``began to explain``,
``reads the last line aloud``; not ``was reading by the fire``): the quotation after is its words, even from a side clause."""
_TELLING = r"tell|tells|told|inform|informs|informed|remind|reminds|reminded|warn|warns|warned|assure|assures|assured"
"""Verbs of passing on what the reader knows already: ``She told him.`` is over when it is said."""
_REPORTS_SPEECH = letters.compile(rf"(?:\s+(?:\w+ly|then|just|also|again))*\s+(?:(?P<going>{_GOING_ON})|(?P<tell>{_TELLING})|{_OPEN_ACTS})\b")
_VOICE_GOES_ON = letters.compile(r"(?:['’]s)?\s+(?:\w+\s+)?voice\s+(?:went\s+on|continued|came|rose|cut\s+in|broke\s+in)\b")
_CONTENT_GIVEN = letters.compile(
    r"(?:\s+\w+ly)?\s+(?:that|if|whether|what|why|how|where|when|who|so|as\s+much|nothing|something|everything|anything|all|about|of|no|yes|the|a|an|his|her|their|it)\b")
_OBJECT_PRONOUN = letters.compile(r"(?:\s+to)?\s+(him|her|them|me|us|you)\b")
_BEFORE_LISTENER = letters.compile(r"(?:\s+to)?\s+")
_OWNED = letters.compile(r"\s+\w+")


def reported_speech(resolver: Resolver, para: Paragraph) -> tuple[str, str | None, bool] | None:
    """The last speech act a paragraph of narration reports, as (speaker, listener or None,
    whether the narration gives what was said): a subject and a speech verb (``Oriel
    explained to Brannock.``), a speech going on (``Oriel was still talking``), or a voice
    (``Then Oriel’s voice came through the wall.``). Not one remembered (``Oriel had told
    him``, ``she’d said``: the pluperfect reports a turn of the past, measured: 2 of 6 right),
    nor a finished one in a side clause (``as he spoke``: the turn that was just heard).

    >>> [bool(_REPORTS_SPEECH.match(t)) for t in (" explained to Cotter.", " was still talking,", " put in.", " put in her head.", " had told him.", " laughed.")]
    [True, True, True, False, False, False]
    >>> [bool(_CONTENT_GIVEN.match(t)) for t in (" whether the boats were in", " so at length", " quietly.", " at once,")]
    [True, True, False, False]
    """
    text = resolver.doc.text
    found = None
    for m in para.mentions:
        if m.kind == "name" and _VOICE_GOES_ON.match(text, m.end) and not in_side_clause(text, m.start):
            found = (resolver.mention(m, para), None, False)
        elif (m.subject or m.clause_subject) and not is_remembered(text, m) and (act := _REPORTS_SPEECH.match(text, m.end)) and (act.group("going") or not in_side_clause(text, m.start)):
            speaker = resolver.mention(m, para)
            listener, end = _listener(resolver, para, act.end(), speaker)
            if act.group("to_name") and not listener:
                continue  # went on to a place, not to a person
            found = (speaker, listener, not act.group("going") and bool(act.group("tell") or _CONTENT_GIVEN.match(text, end)))
    return found if found and found[0] else None


_PLUPERFECT = letters.compile(rf"\s+had(?:\s+{BEFORE_PARTICIPLE})*\s+(?:{PARTICIPLE})\b")


def is_remembered(text: str, m: Mention) -> bool:
    """Whether the subject mention ``m`` is told in the pluperfect (``Teo had left for the city``,
    ``Ana had long since gone``) or with a ``’d`` (``she’d said``, ``she’d say``: had or would):
    a turn of the past or a habit, not one the scene sees now; ``had`` owning or having to
    (``Teo had a cup``, ``Teo had to go``) is not.

    >>> t = "Teo had left. Ana'd said so. Bo had long since gone. Cy had a cup. Di had to go. Ed left."
    >>> [is_remembered(t, Mention(t.index(n), t.index(n) + len(n), "name", n)) for n in ("Teo", "Ana'd", "Bo", "Cy", "Di", "Ed")]
    [True, True, True, False, False, False]
    """
    return m.text.endswith(("'d", "’d")) or bool(_PLUPERFECT.match(text, m.end))


def is_remembered_other(text: str, m: Mention) -> bool:
    """:func:`is_remembered`, for anyone but the narrator: the ``I`` of ``I had given him no
    sign`` tells the story's own past and is still in the scene, so no turn of the narrator's
    is remembered (measured, round 36).

    >>> t = "I had left. Teo had left."
    >>> [is_remembered_other(t, Mention(t.index(n), t.index(n) + len(n), k, n)) for n, k in (("I", "first_person"), ("Teo", "name"))]
    [False, True]
    """
    return m.kind != "first_person" and is_remembered(text, m)


def _listener(resolver: Resolver, para: Paragraph, at: int, speaker: str) -> tuple[str | None, int]:
    """The person a speech verb ending at ``at`` is addressed to, right after it (``asked
    Gideon``, ``explained to Cotter``, ``told him``: the man of the scene but the speaker),
    and where the words after them begin; no one when the one named owns the listener
    (``asked Brannock's sister``)."""
    text = resolver.doc.text
    if pronoun := _OBJECT_PRONOUN.match(text, at):
        gender = OBJECT_PRONOUN_GENDER.get(pronoun.group(1))
        return gender and pronoun_by_gender(resolver, gender, pronoun.start(1), para, exclude=(speaker,)), pronoun.end()
    for o in para.mentions:
        if o.start >= at and _BEFORE_LISTENER.fullmatch(text, at, o.start):
            owned = _OWNED.match(text, o.end) if is_possessive_name(text, o.end) else None
            return (None, owned.end()) if owned else (resolver.mention(o, para), o.end)
    return None, at


def reported_speaker_speaks(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A paragraph of narration that reports a speech act names the voice of the untagged
    quotation after it. When the narration leaves the words out, the quotation is them and
    the speaker's: ``Oriel explained to Brannock.`` / ``"The tide turns at six."`` -> Oriel
    (also ``was still talking``, ``Oriel’s voice came through the wall``). When it gives them
    (``asked Brannock whether the boats were in``, ``said so``) or passes on what is known
    (``She told him.``), the act is over and the one spoken to answers -- or, called by name
    in the quotation, leaves the asker: ``"Brannock?"`` -> Oriel; with no one spoken to,
    no one is named. Measured over fixtures and LitBank: 9 decisions, 8 right (the ninth the
    right person under another name)."""
    conv = resolver.conversation
    if conv.reported is None:
        return None
    speaker, listener, words_given = conv.reported
    order = (listener, speaker) if words_given and listener else () if words_given else (speaker,)
    voc = named_in_quote(ctx)
    name = next((n for n in order if n and n not in voc and n not in conv.departed), None)
    return decided(name, "reported_speech_turn") if name else None
