"""The attribute stage: who says each quotation, found offline by named heuristic rules.

``attribute(story, segments)`` reads the story once, paragraph by paragraph: characters
and their genders are discovered first (:mod:`.characters`, :mod:`.gender`; one person's other
names joined by :mod:`.aliases`, the descriptions and roles a sentence equates with a name by
:mod:`.described`), then each
quotation is given to the rules in priority order (:mod:`.rules` inside its paragraph,
:mod:`.conversation` across turns, :mod:`.calls` the voice on a phone's line); self-introductions
(:mod:`.introductions`) give their lines to the one named, and a second pass (:mod:`.alternation`) revises guessed turns
from the anchored turns after them as well as before; then the names people give (:mod:`.introductions`)
and the narrator's name (:mod:`.narrator`) rename speakers. Every line records the rule that decided it.
"""

from __future__ import annotations

import re
from typing import Collection, Sequence

from ficaudio import letters
from ficaudio.attribute.aliases import join_listed_given_names
from ficaudio.attribute.address import addressed_by_rank
from ficaudio.attribute.alternation import addressed_by_next_turn, alternation_backfill, opening_called_by_the_reply
from ficaudio.attribute.calls import bare_line_is_the_caller, device_tag_is_the_line, far_voice_named, follow_call, holder_answers_line, holder_goes_on, holder_picks_up, identified_on_the_channel, join_call_signs_to_users, line_answers_phone, station_call_sign, voice_on_the_line
from ficaudio.attribute.conversation import (
    acted_on_replies,
    answers_previous,
    calls_the_other_of_two,
    departs,
    is_remembered_other,
    leaves,
    onlookers,
    door_shut_behind,
    DOOR_SHUT_BEHIND_PRONOUN,
    last_actor_speaks,
    silent_people,
    salient_character,
    same_paragraph_continuation,
    summoned_answers,
    speaker_goes_on_after_narration,
    speaker_goes_on_after_gesture,
    speaker_goes_on_after_reaction,
    speaker_goes_on_past_silence,
    speech_runs_on,
    reported_speaker_speaks,
    reported_speech,
    turn_taking,
    unfree_first_reply,
    viewpoint_replies,
    viewpoint_thinker,
    vocative_addressee_replies,
)
from ficaudio.attribute.document import Document, Mention, Paragraph, build_document, is_possessive_name, told_to_you
from ficaudio.attribute.introductions import addressed_description_named, called_me_named, self_named_newcomer, greeted_newcomer_named, called_name_answered, described_then_named, header_title_named, introduced_after_speaking, kin_name_of_family, named_by_possessive, narrators_parent_named, narrators_partner_named, narrators_sibling_named, narrators_titled_parent_named, role_answering_call_named, role_claimed_named, self_introductions, thanked_description_named
from ficaudio.attribute.lexicon import OBJECT_PRONOUN_CLOSES
from ficaudio.attribute.narrator import addressed_only_names, name_first_person
from ficaudio.attribute.mentions import READER_PLACEHOLDER, word_before
from ficaudio.attribute.reader import addressed_reader_gender, tagged_reader_gender
from ficaudio.attribute.resolve import FIRST_PERSON_NAME, Resolver, narrated_in_first_person, in_side_clause, newcomer_named_by_tag, pronoun_by_gender, voice_named_by
from ficaudio.attribute.rules import Decision, address_phrases, called_in_turn, is_address_phrase, QuoteContext, action_beat, anonymous_tag, decided, named_in_quote, announced_by_previous_paragraph, closing_tag, explicit_tag, group_tag, named_action_beat, names_in_answer, quote_context, roll_call_answer, self_named_answer, split_quotation, summoned, tag_after_quote, tag_before_quote, turned_to, unnamed_voice_end, vocatives, echoed_name, thought_not_said, BEAT_RULES, TAG_RULES
from ficaudio.models import NARRATOR, UNKNOWN_SPEAKER, Attribution, Character, Line, Segment, SegmentKind, Story, Gender

__all__ = ["attribute", "Decision"]

_CONVERSATION_RULES = (speech_runs_on, holder_picks_up, holder_goes_on, line_answers_phone, holder_answers_line, speaker_goes_on_after_narration, speaker_goes_on_after_gesture, speaker_goes_on_past_silence, reported_speaker_speaks, vocative_addressee_replies, summoned_answers, bare_line_is_the_caller, acted_on_replies, last_actor_speaks, speaker_goes_on_after_reaction, turn_taking, calls_the_other_of_two, answers_previous, salient_character)
_MAX_NARRATION_PARAGRAPHS = 3  # this much narration without speech ends a conversation
_REVEALING_KINDS = frozenset({"name", "description"})


def attribute(story: Story, segments: Sequence[Segment], *, known: Sequence[Character] = ()) -> Attribution:
    """One :class:`Line` per segment, in order, plus the characters found (most-spoken first).

    ``known`` characters (from voices.yaml) keep their names; others are discovered.
    """
    doc = build_document(story, segments, known)
    join_call_signs_to_users(doc)
    doc.narrator_names |= addressed_only_names(doc)
    resolver = Resolver(doc)
    decisions: dict[int, Decision] = {}
    thoughts: dict[int, Decision] = {}
    for para in doc.paragraphs:
        _attribute_paragraph(resolver, para, decisions, thoughts)
    viewpoint_replies(resolver, decisions)
    revealed_by_next_paragraph(resolver, decisions)
    revealed_voice(resolver, decisions)
    far_voice_named(resolver, decisions)
    introduced = self_introductions(doc, decisions)  # before the backfill: a speaker naming themselves anchors the turns before it
    opening_called_by_the_reply(doc, decisions)
    addressed_by_next_turn(doc, decisions)
    alternation_backfill(doc, decisions)
    renames = {**kin_name_of_family(doc, decisions), **thanked_description_named(doc, decisions), **addressed_description_named(doc, decisions), **introduced, **name_first_person(doc, decisions)}
    renames = {**narrators_titled_parent_named(doc, decisions, renames), **renames}
    renames = {**narrators_sibling_named(doc, decisions, renames), **renames}
    renames = {**narrators_parent_named(doc, decisions, renames), **renames}
    renames = {**called_me_named(resolver, decisions, renames), **renames}
    renames = {**narrators_partner_named(doc, decisions, renames), **renames}
    renames = {**described_then_named(resolver, decisions, renames), **renames}
    renames = {**named_by_possessive(resolver, decisions, renames), **renames}
    renames = {**self_named_newcomer(resolver, decisions, renames), **renames}
    renames = {**greeted_newcomer_named(resolver, decisions, renames), **renames}
    renames = {**role_answering_call_named(resolver, decisions, renames), **renames}
    renames = {**header_title_named(doc, decisions, renames), **renames}
    renames = {**called_name_answered(resolver, decisions, renames), **renames}
    renames = follow_renames({**role_claimed_named(resolver, decisions, renames), **renames})
    give_reader_gender(doc)
    join_listed_given_names(doc.roster, doc.text, doc.header)  # a name only: who speaks is settled
    lines = tuple(_line(i, seg, decisions.get(i) or thoughts.get(i), renames) for i, seg in enumerate(segments))
    return Attribution(_characters(doc, lines, renames), lines)


def follow_renames(renames: dict[str, str]) -> dict[str, str]:
    """Each speaker renamed to the end of its chain: a role named by the call it answered, whose
    name a later pass found to be another name of someone (``the captain`` -> ``Jonah`` ->
    ``Pelly``), is that someone.

    >>> follow_renames({"the captain": "Jonah", "Jonah": "Pelly", "Coach": "Halloran"})
    {'the captain': 'Pelly', 'Jonah': 'Pelly', 'Coach': 'Halloran'}
    """
    followed = {}
    for name, new in renames.items():
        seen = {name}
        while new in renames and new not in seen:
            seen.add(new)
            new = renames[new]
        followed[name] = new
    return followed


def give_reader_gender(doc: Document) -> None:
    """The reader of a reader-insert -- ``you`` (``I`` until renamed) in a story told to you,
    else the person named by the placeholder ``Y/N`` -- takes the gender the tags say, else
    where their pronouns say none, the one quotations addressing them say (:mod:`.reader`)."""
    reader = doc.roster.by_name(FIRST_PERSON_NAME if told_to_you(doc) else READER_PLACEHOLDER)
    if reader is None:
        return
    quotes = [doc.segments[i].text for i in doc.paragraph_of]
    if found := tagged_reader_gender(doc.text[:doc.header.front_end]) or (reader.gender is Gender.UNKNOWN and addressed_reader_gender(quotes)):
        reader.gender, reader.gender_reason = found


def _attribute_paragraph(resolver: Resolver, para: Paragraph, decisions: dict[int, Decision], thoughts: dict[int, Decision] | None = None) -> None:
    """Decide each quotation of ``para`` (into ``decisions``), then carry into the conversation
    what its narration says for the turns after it: who acted last, who is announced, who left,
    who keeps silent; a paragraph of narration alone says too who watches, who reacts and what
    speech it reports."""
    conv = resolver.conversation
    if para.scene_start:
        conv.reset()
    resolver.read(para)
    introduced_after_speaking(resolver, para, decisions)
    pending = list(para.thoughts)  # decided in their place among the quotations, no turn of the talk
    if not para.quotes:
        _decide_thoughts(resolver, para, pending, para.end, thoughts)
        conv.narration_paragraphs += 1
        conv.last_speaker = None
        if conv.narration_paragraphs >= _MAX_NARRATION_PARAGRAPHS:
            conv.reset()
        conv.last_actor = closing_actor(resolver, para)
        conv.announced = announced_speaker(resolver, para)
        conv.reacted = reacting_listener(resolver, para)
        conv.gestured = gesturing_listener(resolver, para)
        conv.narrated.extend(narration_subjects(resolver, para, para.end))
        watchers, actors = onlookers(resolver, para)
        conv.acting |= actors
        conv.onlookers = (conv.onlookers | watchers) - conv.acting
        conv.departed |= departures(resolver, para)
        conv.silent |= silent_people(resolver, para, para.start)
        conv.reported = reported_speech(resolver, para)
        follow_call(resolver, para, decisions)
        return
    previous: Decision | None = None
    for index in para.quotes:
        _decide_thoughts(resolver, para, pending, resolver.doc.segments[index].start, thoughts)
        ctx = quote_context(resolver.doc, index)
        decision = decide(resolver, ctx, previous)
        if (decision is None or decision.rule == "salient_character") and unfree_first_reply(resolver, ctx):
            resolver.unfree_replies[index] = (conv.turns[-1], named_in_quote(ctx))
        if decision and decision.rule == "explicit_tag" and (described := newcomer_named_by_tag(resolver, decision.speaker, ctx.segment.start)):
            resolver.join(described, decision.speaker)
        if decision:
            decisions[index] = decision
            resolver.salience.add(ctx.segment.start, decision.speaker, False)
            previous = decision
            if decision.rule != "group_tag":  # a crowd's line leaves the last person's turn as it was
                named = decision.rule in TAG_RULES or decision.rule in BEAT_RULES
                conv.tagged_quote = (index, decision.speaker) if named else conv.tagged_quote
                # a quotation that goes on from a tagged one of its paragraph is named by that tag too
                conv.last_speaker, conv.last_tagged = decision.speaker, named or decision.rule == "same_paragraph_continuation" and conv.last_tagged
    _decide_thoughts(resolver, para, pending, para.end, thoughts)
    _thought_before_own_line(resolver.doc, para, decisions, thoughts)
    _end_turn(resolver, para, decisions)
    conv.last_actor = closing_actor(resolver, para)
    conv.announced = announced_speaker(resolver, para)
    conv.reacted = None
    conv.gestured = None
    conv.reported = None
    conv.departed |= departures(resolver, para)
    conv.silent = silent_people(resolver, para, resolver.doc.segments[para.quotes[-1]].end)
    follow_call(resolver, para, decisions)


def _decide_thoughts(resolver: Resolver, para: Paragraph, pending: list[int], before: int, thoughts: dict[int, Decision] | None) -> None:
    """Decide the thoughts of ``para`` (``*Not again,* she thought.``) that start before
    ``before``, taking them from ``pending``: each is its thinker's, by its tag or the
    viewpoint, but no quotation of the paragraph and no turn of the talk."""
    while pending and resolver.doc.segments[pending[0]].start < before:
        index = pending.pop(0)
        decision = explicit_tag(resolver, ctx := thought_context(resolver.doc, para, index)) or viewpoint_thinker(resolver, ctx)
        if decision and thoughts is not None:
            thoughts[index] = decision


def _thought_before_own_line(doc: Document, para: Paragraph, decisions: dict[int, Decision], thoughts: dict[int, Decision] | None) -> None:
    """An untagged thought that opens its paragraph right before a quotation its tag or beat
    names the speaker of is that speaker's: ``*You have no idea.* "Long week," Kira said.``
    -> Kira (one paragraph, one character), not the latest subject before it nor no one; so is
    each of a run of such thoughts (``*Not again.* *Not today.* "Drive," Mara said.``)."""
    if thoughts is None or not para.quotes or not para.thoughts:
        return
    nxt = para.quotes[0]
    run, end = [], para.start  # the thoughts that open the paragraph, nothing but spaces between them and the line
    for index in para.thoughts:
        seg = doc.segments[index]
        if index > nxt or doc.text[end:seg.start].strip():
            break
        run.append(index)
        end = seg.end
    said = decisions.get(nxt)
    if not run or doc.text[end:doc.segments[nxt].start].strip() or said is None or said.rule not in TAG_RULES | BEAT_RULES:
        return
    for index in run:
        if (found := thoughts.get(index)) is None or found.rule == "viewpoint_thinker":
            thoughts[index] = decided(said.speaker, "thought_before_own_line")


def thought_tags(doc: Document, para: Paragraph) -> set[int]:
    """Where the tags of a paragraph's thoughts start (``*Not again,* Aggie thinks.`` -> Aggie):
    thinking is no act the talk answers."""
    found = set()
    for index in para.thoughts:
        ctx = thought_context(doc, para, index)
        for m in (tag_after_quote(ctx), tag_before_quote(ctx)):
            if m is not None:
                found.add(m.start)
    return found


def thought_context(doc: Document, para: Paragraph, index: int) -> QuoteContext:
    """A thought's context as a quotation's: the narration between it and the quotation or
    thought before it and after it in its paragraph."""
    marked = sorted(para.quotes + para.thoughts)
    order = marked.index(index)
    seg = doc.segments[index]
    previous_end = doc.segments[marked[order - 1]].end if order else para.start
    next_start = doc.segments[marked[order + 1]].start if order + 1 < len(marked) else para.end
    return QuoteContext(doc, index, seg, para, order, (previous_end, seg.start), (seg.end, max(seg.end, next_start)))


def departures(resolver: Resolver, para: Paragraph) -> set[str]:
    """The people a paragraph's narration sends away: ``The professor left.`` -> the professor;
    ``The door shut behind her.`` -> her (unless another has just left: ``Hale left, and the
    door swung shut behind him.`` is Hale's going, but not one asleep: ``Her brother was asleep.
    The door shut behind her.`` is both); ``Her brother was asleep`` -> her brother."""
    text = resolver.doc.text
    left = {name for m in para.mentions if ((m.subject or m.clause_subject) and leaves(text, m) or m.kind != "pronoun" and door_shut_behind(text, m)) and (name := resolver.mention(m, para))}
    gone = left | {name for m in para.mentions if (m.subject or m.clause_subject) and departs(text, m) and (name := resolver.mention(m, para))}
    return gone if left else gone | {name for name in (object_pronoun(resolver, para, DOOR_SHUT_BEHIND_PRONOUN),) if name}


def closing_actor(resolver: Resolver, para: Paragraph) -> str | None:
    """The subject of the narration that ends a paragraph, after its last quotation:
    ``"It's Gai, isn't it," Iruka says, and Kakashi bursts into laughter.`` -> Kakashi; not
    a side clause's (``she takes the mug before he can stop her`` -> her), nor a relative
    clause's (``Pell sat on my desk, which he knows I hate.`` -> Pell)."""
    doc = resolver.doc
    last_quote_end = doc.segments[para.quotes[-1]].end if para.quotes else para.start
    tags = thought_tags(doc, para)
    subjects = [m for m in para.mentions if m.start >= last_quote_end and (m.subject or m.clause_subject) and not is_remembered_other(doc.text, m) and m.start not in tags]
    subjects = [m for m in subjects if not in_side_clause(doc.text, m.start)] or subjects
    if not subjects or possessive_reaction(doc.text, subjects[-1]):
        return None
    return resolver.mention(subjects[-1], para)


def narration_subjects(resolver: Resolver, para: Paragraph, before: int) -> list[str]:
    """The people the narration of a paragraph is about (its subjects), up to ``before``:
    ``In the kitchen, Tess filled a glass while Noa hunted for a spoon.`` -> Tess, Noa (not a
    subject of what does not happen: ``before he can stop her``)."""
    text = resolver.doc.text
    tags = thought_tags(resolver.doc, para)
    subjects = [m for m in para.mentions if m.start < before and (m.subject or m.clause_subject) and not in_unrealised_clause(text, m.start) and m.start not in tags]
    return [name for m in subjects if (name := resolver.mention(m, para))]


_UNREALISED = frozenset({"before", "until", "unless", "if"})


def in_unrealised_clause(text: str, at: int) -> bool:
    """A subject right after ``before``/``until``/``unless``/``if`` does not act in the scene:
    ``she takes the mug out of Owen's hand before he can stop her`` is about her alone.

    >>> t = "She takes the mug before he can stop her, while Noa laughs."
    >>> in_unrealised_clause(t, t.index("he can")), in_unrealised_clause(t, t.index("Noa"))
    (True, False)
    """
    return word_before(text, at, 12) in _UNREALISED


def reacting_listener(resolver: Resolver, para: Paragraph) -> str | None:
    """The listener whose body alone reacts in a paragraph of narration (``Sakura’s eyes
    sting.``): every subject of the paragraph is that person's possessive."""
    subjects = [m for m in para.mentions if m.subject or m.clause_subject]
    if not subjects or not all(possessive_reaction(resolver.doc.text, m) for m in subjects):
        return None
    names = {resolver.mention(m, para) for m in subjects}
    return names.pop() if len(names) == 1 else None


_NODS = letters.compile(r"\s+(?:[a-z]+ly\s+|only\s+|just\s+)?(?:nods|nodded|(?:shakes|shook)\s+(?:his|her|their|my)\s+head)\b")


def gesturing_listener(resolver: Resolver, para: Paragraph) -> str | None:
    """The listener whose nod or shake of the head opens a paragraph of narration (``Matty
    shook his head.``, ``Haddad nods once.``): the gesture is their answer, so the one who
    was talking goes on (:func:`.conversation.speaker_goes_on_after_gesture`).

    >>> bool(_NODS.match(" shook his head.")), bool(_NODS.match(" nodded once.")), bool(_NODS.match(" shook the rug."))
    (True, True, False)
    """
    subjects = [m for m in para.mentions if m.subject]
    if not subjects or resolver.doc.text[para.start:subjects[0].start].strip() or not _NODS.match(resolver.doc.text, subjects[0].end):
        return None
    return resolver.mention(subjects[0], para)


def possessive_reaction(text: str, m: Mention) -> bool:
    """``Sakura’s eyes sting.``: a possessive subject (a body part, a voice) reacts; the
    person does not take the turn, so the one who was talking goes on.

    >>> t = "Sakura’s eyes sting."
    >>> possessive_reaction(t, Mention(0, 8, "name", "Sakura’s")), possessive_reaction("Sakura’s done.", Mention(0, 8, "name", "Sakura’s"))
    (True, False)
    """
    return m.kind == "name" and is_possessive_name(text, m.end)


def announced_speaker(resolver: Resolver, para: Paragraph) -> str | None:
    """Who a paragraph's closing narration says is about to speak: ``He said:``, ``and then
    she says,``, ``She reached up to whisper in his ear.`` -> that subject (the quotation
    comes in the next paragraph)."""
    doc = resolver.doc
    spans = para.narration(doc.segments)
    if not spans or spans[-1][1] < para.end or (para.quotes and spans[-1][0] < doc.segments[para.quotes[-1]].end):
        return None
    m = closing_tag(doc.text, spans[-1], doc.words_of_narration(spans[-1]), para.mentions) or voice_heard_last(doc.text, spans[-1], para.mentions)
    return resolver.mention(m, para) if m else None


_HEARD_VOICE = letters.compile(r"\b(?:hear|hears|heard|hearing)\b[^.!?]*$")
_VOICE_AFTER = letters.compile(r"['’]s\s+voice\b")


def voice_heard_last(text: str, span: tuple[int, int], mentions: Sequence[Mention]) -> Mention | None:
    """The person whose voice the last sentence of a paragraph's narration hears, who speaks
    next: ``Noel leans closer to the speaker and hears the creak of a door, Hale's voice,
    too close to the microphone.`` / ``"There."`` -> Hale (not ``Hale's voice was gone.``).

    >>> t = "Ino leans in and hears a door, Hale's voice, a cough."
    >>> voice_heard_last(t, (0, len(t)), [Mention(0, 3, "name", "Ino", subject=True), Mention(31, 37, "name", "Hale's")]).text
    "Hale's"
    """
    start, end = span
    sentence_start = max(start, *(k + 1 for k in (text.rfind(c, start, end - 1) for c in ".!?")))
    for m in mentions:
        if sentence_start <= m.start < end and m.kind == "name" and _VOICE_AFTER.match(text, m.end - 2) and _HEARD_VOICE.search(text, sentence_start, m.start):
            return m
    return None


def decide(resolver: Resolver, ctx: QuoteContext, previous: Decision | None) -> Decision | None:
    """Apply the rules in priority order; the first that decides wins (a quotation's; a thought is
    decided by :func:`_decide_thoughts`)."""
    if decision := split_quotation(resolver, ctx, previous) or group_tag(resolver, ctx) or identified_on_the_channel(resolver, ctx) or device_tag_is_the_line(resolver, ctx) or station_call_sign(resolver, ctx) or explicit_tag(resolver, ctx) or anonymous_tag(resolver, ctx):
        return decision
    if ctx.order > 0:
        return _later_quote(resolver, ctx, previous)
    if decision := self_named_answer(resolver, ctx) or roll_call_answer(resolver, ctx) or announced_by_previous_paragraph(resolver, ctx):
        return decision
    if decision := voice_on_the_line(resolver, ctx) or named_action_beat(resolver, ctx):
        return decision
    for rule in _CONVERSATION_RULES:
        if decision := rule(resolver, ctx):
            return decision
    return None


def _later_quote(resolver: Resolver, ctx: QuoteContext, previous: Decision | None) -> Decision | None:
    """A second quotation in a paragraph: a new subject between the two may take over, but the
    previous quotation's own tag (``"A," she said. "B."``, ``"This is Halloran," said the
    radio. "B."``) does not."""
    beat = action_beat(ctx)
    if beat is not None and beat.start < ctx.segment.start and not (previous and previous.rule in _TAGGED_RULES and _is_previous_tag(ctx, beat)):
        if decision := named_action_beat(resolver, ctx):
            return decision
    return same_paragraph_continuation(resolver, ctx, previous)


def _is_previous_tag(ctx: QuoteContext, beat: Mention) -> bool:
    """Whether the subject before this quotation is the previous quotation's own tag
    (``"A," she said. "B."``), not a new actor (``she says, "A." Ino leans in. "B."``)."""
    if len([m for m in ctx.mentions_in(ctx.before) if m.subject]) > 1:
        return False
    tag = tag_after_quote(quote_context(ctx.doc, ctx.para.quotes[ctx.order - 1]))
    return tag is not None and tag.start == beat.start


_TAGGED_RULES = TAG_RULES | {"identified_on_the_channel"}  # a radio's tag is no new speaker's beat
_UNSURE_RULES = frozenset({"salient_character", "answers_previous"})


def revealed_by_next_paragraph(resolver: Resolver, decisions: dict[int, Decision]) -> None:
    """An untagged quotation no rule was sure of, followed by a paragraph of narration that
    opens on a person, is that person's: ``"Hello, pop!"`` / ``Ogden was sprawling in a deep
    chair in the shadows.`` -> Ogden (the voice first, then who it was). A guessed turn is
    revised the same way when the narration just before it names no one and the person
    revealed has not been talking: ``The door banged open.`` / ``"What is all this
    shouting?"`` / ``Nonna stood in the doorway ...`` -> Nonna, not the next in turn."""
    paragraphs = resolver.doc.paragraphs
    for before, para, following in zip([None, *paragraphs], paragraphs, paragraphs[1:]):
        if len(para.quotes) != 1 or following.quotes or following.thoughts or following.scene_start:
            continue  # a paragraph with a thought is its thinker's reaction to the line, not the line's voice revealed
        index = para.quotes[0]
        decision = decisions.get(index)
        guessed_turn = decision is not None and decision.rule in _TURN_RULES and before is not None and not before.quotes and not before.mentions
        if decision is not None and decision.rule not in _UNSURE_RULES and not guessed_turn:
            continue
        opener = next((m for m in following.mentions if m.subject), None)
        if opener is None or not opener.initial or opener.kind not in _REVEALING_KINDS:
            continue
        name = resolver.mention(opener, following)
        if guessed_turn and name in _recent_speakers(decisions, index):
            continue
        if name and name != FIRST_PERSON_NAME and name not in named_in_quote(quote_context(resolver.doc, index)):
            decisions[index] = decided(name, "revealed_by_next_paragraph")


_TURN_RULES = frozenset({"turn_taking", "last_actor_speaks", "narrated_partner"})


def _recent_speakers(decisions: dict[int, Decision], index: int, back: int = 12) -> set[str]:
    """Who spoke the ``back`` quotations before ``index``."""
    return {d.speaker for i in range(max(0, index - back), index) if (d := decisions.get(i))}


def revealed_voice(resolver: Resolver, decisions: dict[int, Decision]) -> None:
    """A quotation tagged by a voice nobody is named for (``"Get a room," a voice yells from the
    bathroom.``) is a third person's, not one of those talking before it: the person the tag
    says the voice is (``replied another voice, which Margaret knew to be that of Mrs.
    Gibson``), the person the reply
    calls by name (``"We're talking, June," Owen calls back.`` -> June), or else the first
    new person the narration after it shows (``I turned. Tom Keller was standing there.``);
    the rest of the voice's paragraph goes with it."""
    doc = resolver.doc
    for k, para in enumerate(doc.paragraphs):
        if not para.quotes or (voice_end := unnamed_voice_end(ctx := quote_context(doc, para.quotes[0]))) is None:
            continue
        talking = {d.speaker for i in range(max(0, para.quotes[0] - 8), para.quotes[0]) if (d := decisions.get(i))}
        name = voice_named_by(resolver, para, voice_end) or _voice_named_beside(resolver, para, voice_end, talking) or _voice_named_after(resolver, doc.paragraphs[k + 1:k + 3], decisions, talking)
        if name and name not in named_in_quote(ctx):
            for index in para.quotes:
                decisions[index] = decided(name, "revealed_voice")


def _voice_named_beside(resolver: Resolver, para: Paragraph, voice_end: int, talking: set[str]) -> str | None:
    """The first person the voice's own paragraph names after it who was not talking:
    ``says a voice out of my phone, because of course Roz is already in the channel`` -> Roz."""
    return next((name for m in para.mentions if m.start > voice_end and m.kind == "name" and (name := resolver.mention(m, para)) and name not in talking), None)


def _voice_named_after(resolver: Resolver, following: list[Paragraph], decisions: dict[int, Decision], talking: set[str]) -> str | None:
    """Who the paragraphs after a voice reveal it to be: the one person a tagged reply calls
    by name, or the first subject of the narration who was not talking."""
    for para in following:
        if para.scene_start:
            return None
        if para.quotes:
            decision = decisions.get(para.quotes[0])
            if decision is None or decision.rule not in TAG_RULES:
                return None
            called = [n for n in vocatives(quote_context(resolver.doc, para.quotes[0])) if n != decision.speaker and n not in talking]
            return called[0] if len(called) == 1 else None
        for m in para.mentions:
            if m.subject and m.kind in _REVEALING_KINDS and (name := resolver.mention(m, para)) and name not in talking:
                return name
    return None


def _end_turn(resolver: Resolver, para: Paragraph, decisions: dict[int, Decision]) -> None:
    """Record who spoke in this paragraph, whom they addressed by name, and how many turns
    the exchange has run since a paragraph of narration alone."""
    conv = resolver.conversation
    if conv.narration_paragraphs:
        conv.exchange = 0
    conv.narration_paragraphs = 0
    conv.addressee = None
    conv.acted_on = None
    conv.before_last_turn, conv.narrated = conv.narrated, []
    conv.onlookers_before_last_turn, conv.onlookers, conv.acting = conv.onlookers, set(), set()
    for index in para.quotes:
        decision = decisions.get(index)
        if decision is None or resolver.doc.segments[index].kind is not SegmentKind.DIALOGUE or decision.rule == "group_tag":
            continue  # a group's chorus is no one's turn in the talk
        ctx = quote_context(resolver.doc, index)
        if thought_not_said(ctx):
            continue  # "said he mentally": heard by no one, not a turn
        if not conv.turns or conv.turns[-1] != decision.speaker:
            conv.turns.append(decision.speaker)
            conv.exchange += 1
        conv.departed.discard(decision.speaker)
        addressed = [] if names_in_answer(ctx) else [n for n in turned_to(ctx) or vocatives(ctx) or called_by_name(ctx) or called_in_scene(resolver, ctx) or addressed_by_title(resolver, ctx) if n != decision.speaker]
        conv.addressee = addressed[0] if addressed else conv.addressee
        called = [n for n in summoned(ctx) if n != decision.speaker]  # heard once they speak
        conv.summoned = called[0] if called else None if conv.summoned == decision.speaker else conv.summoned
        conv.asked = ctx.segment.text.rstrip(" ”\"'’—-").endswith("?")
    if conv.turns:
        conv.acted_on = acted_on(resolver, para, conv.turns[-1])


def called_in_scene(resolver: Resolver, ctx: QuoteContext) -> list[str]:
    """The one a quotation calls only by opening on their name before a question or a
    ``please``, or by their name cut off (:func:`.rules.called_in_turn`: ``"Oren. Where did we
    leave the canoe?"``, ``"Oren—"``), when the scene has had them in it: they answer next. One
    the scene has neither heard nor named may be someone's other name, not yet joined to them (a
    pet name for the one beside the speaker): no call is read then, and the count decides. Nor
    one the narration has sent away (``Kaito had left for Osaka.`` ... ``"Kaito—"``): the name
    is the topic broken off, and they are not there to answer."""
    conv = resolver.conversation
    present = (set(conv.turns) | named_in_scene(resolver, ctx.segment.start)) - conv.departed
    return [n for n in called_in_turn(ctx) if n in present]


def addressed_by_title(resolver: Resolver, ctx: QuoteContext) -> list[str]:
    """The one person in the scene a quotation's title of address fits (``"You are late, Your
    Highness."``, ``"Aye, Captain."``): one who has talked in it, else one its narration has
    named. They answer next, like one called by name; a title that fits two of them calls
    neither, one who has not been in the scene is not called, and ``sir`` or ``ma'am`` (any
    man or woman spoken to politely) calls no one in particular. The speaker (the last turn)
    is left out before the fits are counted: a title they hold themselves calls someone else."""
    conv = resolver.conversation
    fits = [n for n in addressed_by_rank(ctx.doc, ctx.segment.text, courtesy=False) if n != conv.turns[-1]]
    present = fits and ([n for n in fits if n in conv.turns] or [n for n in fits if n in named_in_scene(resolver, ctx.segment.start)])
    return present if len(present) == 1 else []


def named_in_scene(resolver: Resolver, before: int) -> set[str]:
    """The people the scene has named (in narration or by a tag) before ``before``, among the
    last 60 mentions (:meth:`Salience.recent`): in a long scene, one named only at its start
    and not since is no longer taken to be there."""
    return {n for at, n, _ in resolver.salience.recent(before) if at >= resolver.scene_start}


def acted_on(resolver: Resolver, para: Paragraph, speaker: str) -> str | None:
    """The one person a speaker's paragraph names in its narration other than as a subject:
    ``Pearl turns the enormous glasses on Iris. "And you let him go to Seattle."`` -> Iris;
    or turns to, or tells, with a pronoun (:data:`_FACED`, :func:`told_by_pronoun`):
    ``Cole rounded on her.``

    >>> [bool(_FACED.search(t)) for t in ("Kit rounded on him.", "She turned back to her, and", "He glanced at her.", "She sat next to her.", "He turned to her brother.", "He looked at her hands.", "without looking at him.")]
    [True, True, True, False, False, False, False]
    >>> [bool(_FACED.search(t)) for t in ("I glance at him.", "Looking at her, he", "Turning to him, she", "grinning at her.", "nodding at him.", "without even looking at him.", "never looked at him.")]
    [True, True, True, True, True, False, False]
    """
    text = resolver.doc.text
    objects = {name for m in para.mentions if not (m.subject or m.clause_subject or is_possessive_name(text, m.end)) and m.kind in ("name", "first_person") and (name := resolver.mention(m, para)) and name != speaker}
    objects |= {name for name in (told_by_pronoun(resolver, para, speaker), object_pronoun(resolver, para, _FACED, exclude=(speaker,))) if name}
    if speaker != FIRST_PERSON_NAME and narrated_in_first_person(resolver.doc) and _ME_OBJECT.search(para.narration_text(text, resolver.doc.segments)):
        if {resolver.mention(m, para) for m in para.mentions if m.subject or m.clause_subject} <= {speaker, FIRST_PERSON_NAME}:
            objects.add(FIRST_PERSON_NAME)  # no one else acts there (``Pike snorted behind me.`` is no look at me)
    return objects.pop() if len(objects) == 1 else None


_ME_OBJECT = letters.compile(r"(?<!\bthan\s)\bme\b")
"""The first-person narrator as the object of a speaker's own paragraph (``She hands me mine
last.``, ``He looks me up and down.``), not one measured against (``longer than me``)."""


def object_pronoun(resolver: Resolver, para: Paragraph, pattern: re.Pattern[str], *, exclude: Collection[str] = ()) -> str | None:
    """The person meant by the ``him``/``her`` (group 1 of ``pattern``) first found in a
    paragraph's narration: the latest of that gender (:func:`pronoun_by_gender`)."""
    for start, end in para.narration(resolver.doc.segments):
        if found := pattern.search(resolver.doc.text, start, end):
            gender = Gender.MALE if found.group(1).lower() == "him" else Gender.FEMALE
            return pronoun_by_gender(resolver, gender, found.start(1), para, exclude=exclude)
    return None


_TOLD_PRONOUN = letters.compile(
    r"\b(?:tells?|told|asks?|asked|(?:says?|said|whispers?|whispered|mutters?|muttered|calls?|called|shouts?|shouted|yells?|yelled)\s+to)"
    rf"\s+(him|her){OBJECT_PRONOUN_CLOSES}")


def told_by_pronoun(resolver: Resolver, para: Paragraph, speaker: str) -> str | None:
    """The one a paragraph's narration says the speaker tells or asks, by a pronoun:
    ``"Free drinks," you tell him.`` -> the man of the scene (the latest but the speaker);
    not ``tells her sister`` nor ``tells her family`` (``her`` owning a noun), nor where a
    quotation calls someone by name (``"Go back to sleep, Clemmie," Aggie tells her.``: the
    name says who, if anyone can).

    >>> [bool(_TOLD_PRONOUN.search(t)) for t in ("you tell her quietly.", "you tell her family.", "she asked him, and")]
    [True, False, True]
    """
    if any(address_phrases(resolver.doc.segments[i].text) for i in para.quotes):
        return None
    return object_pronoun(resolver, para, _TOLD_PRONOUN, exclude=(speaker,))


_TURNING = r"(?:[Tt]urn(?:s|ed|ing)?|[Rr]ound(?:s|ed|ing)?|[Ss]pun|[Ss]pins?|[Ss]pinning|[Ww]heel(?:s|ed|ing)?|[Ss]wung|[Ss]wings?|[Ss]winging|[Ww]hirl(?:s|ed|ing)?)"
_LOOKING = r"(?:(?:[Ll]ook|[Gg]lanc|[Ss]tar|[Gg]lar|[Pp]eer|[Gg]az|[Ss]mil|[Gg]rin|[Ff]rown|[Nn]od|[Ww]ink)(?:s|es|ed|d|ing|e)?|grinned|grinning|nodded|nodding|winked|stared)"
_NOT_DONE = "".join(rf"(?<!{no}\s{adverb})" for no in ("without", "not", "never", "n't") for adverb in ("", r"even\s", r"really\s"))
_FACED = letters.compile(
    rf"{_NOT_DONE}\b(?:{_TURNING}(?:\s+(?:back|round|around))?\s+(?:on|to|toward|towards)|{_LOOKING}(?:\s+(?:up|back|over|across))?\s+at)"
    rf"\s+(him|her){OBJECT_PRONOUN_CLOSES}")
"""A turn or a look directed at someone by a pronoun: ``Kit rounded on him``, ``She turned to
her``, ``He looked at her strangely`` (not ``she handed him the cup``, ``sat next to her``,
``turned to her brother``, ``looked at her hands``, ``without even looking at him``,
``never looked at him``); base, -ing and sentence-initial forms too (``I glance at him``,
``Turning to her,``)."""


_BARE_CALL = letters.compile(r"^\W*[A-Z][\w'’.-]*(?:[\s?!.,]+[A-Z][\w'’.-]*){0,3}[?!]\W*$")
_CAPITALISED = letters.compile(r"[A-Z][\w'’.-]*")


def called_by_name(ctx: QuoteContext) -> list[str]:
    """A quotation that is nothing but a name called out (``?`` or ``!``) addresses its bearer:
    ``"Price? Callum Price?"`` -> Callum, who answers next (not ``"Jonathan Harker."``, an
    answer giving one's own name, nor ``"Ma'am?"``, which fits every lady present, nor a
    question about someone, ``"Who's Dr. Abernathy?"``, whose last call is not all names).
    An interjection before the call is no part of it: ``"Hello? Callum Price?"``.

    >>> [bool(_BARE_CALL.match(q)) for q in ("“Price? Callum Price?”", "“Callum is late.”", "“Jonathan Harker.”")]
    [True, False, False]
    >>> [last_call(q) for q in ("“Hello? Callum Price?”", "“Who's Dr. Abernathy?”", "“Price? Callum Price?”")]
    ['Callum Price', "Who's Dr. Abernathy", 'Callum Price']
    """
    if not _BARE_CALL.match(ctx.segment.text) or echoed_name(ctx) or not is_address_phrase(last_call(ctx.segment.text)):
        return []
    by_rank = addressed_by_rank(ctx.doc, ctx.segment.text)
    return [n for n in named_in_quote(ctx) if n not in by_rank]


_CALL_BREAK = letters.compile(r"[?!]+\W+(?=\w)")


def last_call(quote: str) -> str:
    """The capitalised words of a quotation's last unit, after its last ``?`` or ``!``."""
    return " ".join(_CAPITALISED.findall(_CALL_BREAK.split(quote.strip(" “”\"'’‘"))[-1]))


def _line(index: int, seg: Segment, decision: Decision | None, renames: dict[str, str]) -> Line:
    if seg.kind not in (SegmentKind.DIALOGUE, SegmentKind.THOUGHT):
        return Line(seg, NARRATOR, 1.0, "narration")
    if decision is None:
        return Line(seg, UNKNOWN_SPEAKER, 0.0, "unattributed")
    return Line(seg, renames.get(decision.speaker, decision.speaker), decision.confidence, decision.rule, decision.case)


def _characters(doc: Document, lines: tuple[Line, ...], renames: dict[str, str]) -> tuple[Character, ...]:
    spoken: dict[str, int] = {}
    for line in lines:
        spoken[line.speaker] = spoken.get(line.speaker, 0) + 1
    people = {}
    for person in doc.roster.people:
        character = person.freeze()
        name = renames.get(character.name, character.name)
        if name in people:
            people[name] = _with_aliases(people[name], character, own=name == character.name)
            continue
        if not (character.mentions or name in spoken or person.known):
            continue
        aliases = character.aliases if name == character.name else (character.name, *character.aliases)
        people[name] = Character(name, aliases, character.gender, character.gender_reason, character.mentions)
    return tuple(sorted(people.values(), key=lambda c: (-spoken.get(c.name, 0), -c.mentions, c.name)))


def _with_aliases(character: Character, renamed: Character, *, own: bool = False) -> Character:
    """A person renamed to an existing character's name keeps their forms as its aliases:
    ``the old man``, named ``Walt`` by a call, is an alias of Walt. The gender is the named
    person's (``own``: ``renamed`` is the person of that name, met after a role renamed to it),
    else whichever of the two is known: ``Matron`` named ``Miss Greaves`` is a woman, ``the man``
    named ``Professor Halvorsen`` a man."""
    extra = tuple(f for f in (renamed.name, *renamed.aliases) if f != character.name and f not in character.aliases)
    first, second = (renamed, character) if own else (character, renamed)
    known = first if first.gender is not Gender.UNKNOWN else second
    return Character(character.name, character.aliases + extra, known.gender, known.gender_reason, character.mentions + renamed.mentions)
