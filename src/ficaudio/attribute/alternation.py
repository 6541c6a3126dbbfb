"""A second pass over each conversation: untagged turns take their speaker from the nearest
tagged turn, backwards as well as forwards (A-B-A alternation).

The forward rules (:mod:`.conversation`) only know what came before; a reader also uses what
comes after: in ``"Q1" / "Q2" / "Q3," said Ino.`` the untagged Q1 is Ino's too. Before it, a
guessed turn that the next turn answers by name (``"Shut up, Pell!"``) becomes that person's and
anchors the count (:func:`addressed_by_next_turn`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficaudio import letters
from ficaudio.attribute.calls import call_ends
from ficaudio.attribute.conversation import arrives
from ficaudio.attribute.document import Document, Paragraph
from ficaudio.attribute.resolve import FIRST_PERSON_NAME
from ficaudio.attribute.lexicon import NOT_AFTER_SHORT_TITLE, SHORT_TITLES
from ficaudio.attribute.rules import BEAT_RULES, TAG_RULES, Decision, address_phrases, decided, named_in_quote, quote_context, vocatives
from ficaudio.models import SegmentKind

ANCHOR_RULES = TAG_RULES | BEAT_RULES | {"addressed_by_next_turn", "self_introduction", "self_named_answer", "calls_the_other_of_two"}
"""Rules that read the speaker from the paragraph itself (a tag, a beat, a reply's call by name,
a speaker's own name for themselves, unasked or asked for): they anchor a conversation."""

GUESS_RULES = frozenset({"turn_taking", "narrated_other", "answers_previous", "salient_character"})
"""Rules that guess from the sequence of turns, or from the one other person the narration since
the last turn is about (``narrated_other``, a weak guess that the anchors around it overrule): the
second pass may revise them (a guess from the narration before a talk, ``salient_character``, only
as :func:`said_again_two_turns_on` says)."""


@dataclass
class Turn:
    """One paragraph of a conversation: its first dialogue quotation and who says it."""

    para: Paragraph
    first: int  # segment index of its first dialogue quotation
    speaker: str | None
    anchored: bool
    rule: str = ""  # the rule that decided its first quotation
    arrival: bool = False  # its narration brings someone in by name (``Dolly put her head in``)
    case: str = ""  # the case of that rule (``three_way``: three people shared the turns counted)


def conversations(doc: Document, decisions: dict[int, Decision]) -> list[list[Turn]]:
    """Runs of consecutive dialogue paragraphs; a scene break or a paragraph of narration only
    ends a run (after it, who is talking must be read again), and so does a paragraph whose
    narration ends a phone call (``"Oh, and bring the—" The call cut out.``): the voice on the
    line takes no more turns, and the two left in the room do not go on its count."""
    runs: list[list[Turn]] = [[]]
    for para in doc.paragraphs:
        dialogue = [i for i in para.quotes if doc.segments[i].kind is SegmentKind.DIALOGUE]
        if para.scene_start or not dialogue:
            runs.append([])
        if dialogue:
            decision = decisions.get(dialogue[0])
            anchored = decision is not None and decision.rule in ANCHOR_RULES
            rule, case = (decision.rule, decision.case) if decision else ("", "")
            runs[-1].append(Turn(para, dialogue[0], decision.speaker if decision else None, anchored, rule, brings_someone_in(doc, para), case))
            if call_ends(para.narration_text(doc.text, doc.segments)):
                runs.append([])
    return [run for run in runs if len(run) >= 2]


def brings_someone_in(doc: Document, para: Paragraph) -> bool:
    """Whether a paragraph's narration has a named person come in (:func:`.conversation.arrives`)."""
    return any(m.kind == "name" and (m.subject or m.clause_subject) and arrives(doc.text, m) for m in para.mentions)


def alternation_speaker(turns: list[Turn], k: int) -> str | None:
    """The speaker the nearest anchored turn implies for turn ``k`` of a conversation.

    An anchor an even number of turns away spoke this turn too; an odd number away, the other
    person did: the nearest anchor of a different speaker at odd distance from the first.

    >>> from ficaudio.attribute.document import Paragraph
    >>> p = Paragraph(1, 0, 0, 0)
    >>> ts = [Turn(p, 0, None, False), Turn(p, 1, None, False), Turn(p, 2, "Ino", True), Turn(p, 3, "Kiba", True)]
    >>> alternation_speaker(ts, 0), alternation_speaker(ts, 1)
    ('Ino', 'Kiba')
    """
    usable = _usable_anchors(turns, k)
    anchors = sorted((abs(j - k), j) for j in usable)
    if not anchors:
        return None
    j = anchors[0][1]
    partner = next((turns[i].speaker for _, i in anchors if turns[i].speaker != turns[j].speaker), None)
    anchored = [i for i, t in enumerate(turns) if t.anchored]
    if partner is not None and (voted := parity_vote(turns, k, anchored, (turns[j].speaker, partner))):
        return voted
    if (k - j) % 2 == 0:
        return turns[j].speaker
    partners = sorted((abs(i - k), i) for i in usable if (i - j) % 2 and turns[i].speaker != turns[j].speaker)
    if partners:
        return turns[partners[0][1]].speaker
    return None  # the other person is not anchored anywhere near: leave the forward guess


def alternates_between(turns: list[Turn], j: int, k: int) -> bool:
    """Whether the anchored turns between anchor ``j`` and turn ``k`` keep to two people taking
    turns with ``j``'s speaker (an even distance from ``j``: that speaker; odd: one other):
    a third voice between them breaks the count.

    >>> from ficaudio.attribute.document import Paragraph
    >>> p = Paragraph(1, 0, 0, 0)
    >>> names = ["Noa", None, "Tess", None, "Noa"]  # Tess at an even distance from Noa: a third voice
    >>> ts = [Turn(p, i, n, n is not None) for i, n in enumerate(names)]
    >>> alternates_between(ts, 4, 1), alternates_between(ts, 4, 3), alternates_between(ts, 2, 1)
    (False, True, True)
    """
    lo, hi = sorted((j, k))
    others = set()
    for i in range(lo + 1, hi):
        if not turns[i].anchored:
            continue
        if (i - j) % 2 == 0 and turns[i].speaker != turns[j].speaker:
            return False
        if (i - j) % 2:
            others.add(turns[i].speaker)
    return turns[j].speaker not in others and len(others) <= 1


_PARITY_REACH_TURNS = 8  # anchors further than this say little about who speaks now


def parity_vote(turns: list[Turn], k: int, anchored: list[int], pair: tuple[str | None, str | None]) -> str | None:
    """Which of the two people talking says turn ``k``: every anchor of the pair within reach
    votes for the parity it implies (nearer anchors weigh more), so one wrong tag does not
    flip a whole run. The pair's stretch ends at an anchor of a third person. An anchor an odd
    distance away votes for everyone but its speaker, a ``turn_taking`` guess for the turn included: a
    question by one and a tag of the other on either side of it leave a third person's guess.

    >>> from ficaudio.attribute.document import Paragraph
    >>> p = Paragraph(1, 0, 0, 0)
    >>> names = ["Ino", "Kiba", "Kiba", None, "Kiba", "Ino"]  # one wrong tag at turn 1
    >>> ts = [Turn(p, i, n, n is not None) for i, n in enumerate(names)]
    >>> parity_vote(ts, 3, [0, 1, 2, 4, 5], ("Kiba", "Ino"))
    'Ino'
    """
    score: dict[str, float] = {pair[0]: 0.0, pair[1]: 0.0}
    if turns[k].rule == "turn_taking":
        score.setdefault(turns[k].speaker, 0.0)
    for j in _pair_stretch(turns, k, anchored, pair):
        for name in score:
            if (name == turns[j].speaker) == ((k - j) % 2 == 0):
                score[name] += 1.0 / abs(k - j)
    ranked = sorted(score.values(), reverse=True)
    best = max(score, key=score.get)
    return best if ranked[0] > ranked[1] else None


def _pair_stretch(turns: list[Turn], k: int, anchored: list[int], pair: tuple) -> list[int]:
    """Anchors of the pair around ``k``, stopping on each side at a third person's anchor."""
    found = []
    for side in (sorted((j for j in anchored if j < k), reverse=True), sorted(j for j in anchored if j > k)):
        for j in side:
            if turns[j].speaker not in pair or abs(j - k) > _PARITY_REACH_TURNS:
                break
            found.append(j)
    return found


def _usable_anchors(turns: list[Turn], k: int) -> list[int]:
    """Anchors before turn ``k``, and after it those whose speaker is anchored before ``k`` too
    (a newcomer who speaks later breaks the alternation, so says nothing about ``k``) -- all
    of them when the conversation has no anchor before ``k`` -- up to a turn whose narration
    brings someone in (``The door opened and Dolly put her head in.``): who talks after an
    arrival says nothing about who talked before it -- and none after ``k`` when ``k`` was
    counted through two people alone (:func:`counted_between_two`) -- and of those, the ones
    whose count to ``k`` keeps to two people (:func:`alternates_between`)."""
    before = [j for j in range(k) if turns[j].anchored]
    talked = {turns[j].speaker for j in before}
    end = k + 1 if before and counted_between_two(turns[k]) else next((j for j in range(k + 1, len(turns)) if turns[j].arrival), len(turns))
    after = [j for j in range(k + 1, end) if turns[j].anchored and (not before or turns[j].speaker in talked)]
    return [j for j in before + after if alternates_between(turns, j, k)]


def counted_between_two(turn: Turn) -> bool:
    """Whether a turn was guessed by counting back through a talk of two people alone
    (``turn_taking``, not its ``three_way`` case). Such a count, from a tag before it, holds
    against a tag after it: a voice tagged a few turns on is more often someone coming back
    into the talk than a sign the count slipped (``"Who wants tea?" Ino asked.`` / ``"Me," Kiba
    said.`` / ``"Milk?"`` / ``"No milk."`` / ``"Sugar?"`` / ``"Two."`` / ``"It's cold out here,"
    Sakura said.`` -- ``"Sugar?"`` stays Ino's: Sakura, tagged before the tea and after it, is
    not counted into it).

    >>> from ficaudio.attribute.document import Paragraph
    >>> p = Paragraph(1, 0, 0, 0)
    >>> counted_between_two(Turn(p, 0, "Ino", False, "turn_taking")), counted_between_two(Turn(p, 0, "Ino", False, "turn_taking", case="three_way"))
    (True, False)
    """
    return turn.rule == "turn_taking" and turn.case != "three_way"


def alternation_backfill(doc: Document, decisions: dict[int, Decision]) -> None:
    """Revise guessed turns from the anchored turns around them, in place.

    Example: ``"Where?"`` / ``"North."`` / ``"How far?" Ino asked.`` -> the first is Ino's
    and the second her partner's, even when nothing before them said so.
    """
    for turns in conversations(doc, decisions):
        for k, turn in enumerate(turns):
            if turn.anchored:
                continue
            decision = decisions.get(turn.first)
            if decision is not None and decision.rule not in GUESS_RULES:
                continue
            speaker = alternation_speaker(turns, k)
            if decision is not None and decision.rule == "salient_character" and not said_again_two_turns_on(turns, k, speaker):
                continue
            if speaker and speaker != turn.speaker and speaker not in named_in_quote(quote_context(doc, turn.first)):
                _reassign(doc, decisions, turn, speaker)


def said_again_two_turns_on(turns: list[Turn], k: int, speaker: str | None) -> bool:
    """Whether the nearest anchor to turn ``k`` is ``speaker``'s own, an even number of turns
    away. Only that outweighs the narration that put someone forward for a conversation's
    opening line (``salient_character``): the other person of an anchor an odd number of
    turns away is a count that assumes two people talk, and a third is often the one shown.

    >>> from ficaudio.attribute.document import Paragraph
    >>> p = Paragraph(1, 0, 0, 0)
    >>> ts = [Turn(p, 0, "Marek", False), Turn(p, 1, "Dana", True), Turn(p, 2, "Lio", True)]
    >>> said_again_two_turns_on(ts, 0, "Lio"), said_again_two_turns_on([ts[0], Turn(p, 1, None, False), ts[2]], 0, "Lio")
    (False, True)
    """
    usable = _usable_anchors(turns, k)
    nearest = min(usable, key=lambda j: abs(j - k), default=None)
    return nearest is not None and (k - nearest) % 2 == 0 and turns[nearest].speaker == speaker


def _reassign(doc: Document, decisions: dict[int, Decision], turn: Turn, speaker: str, first: Decision | None = None) -> None:
    """Give the turn's first quotation (as ``first`` says, or as the backfill's guess), and the
    later ones that only continued it, to ``speaker``."""
    old = decisions.get(turn.first)
    decisions[turn.first] = first or decided(speaker, "alternation_backfill")
    for index in turn.para.quotes:
        later = decisions.get(index)
        if index != turn.first and later and later.rule == "same_paragraph_continuation" and old and later.speaker == old.speaker:
            decisions[index] = decided(speaker, "alternation_backfill")


REPLY_RULES = GUESS_RULES | {"vocative_addressee_replies", "last_actor_speaks", "narrated_partner"}
"""Forward guesses that the next turn's call by name may overrule."""


def addressed_by_next_turn(doc: Document, decisions: dict[int, Decision]) -> None:
    """A guessed turn is the one the next turn answers by name: ``"It's true!"`` / ``"Shut up,
    Pell!"`` -> Pell said the first. The answer then anchors the alternation like a tag.

    Not an answer: a name after narration (``Tess dropped into the chair. "Hi, Callum."``
    greets a newcomer), a name called out (``"Sora! The scroll!"``), a name the narration
    never writes (``Mama``, said to a mother the narration calls ``her mother``), a name
    given to a question for one (``"What is his name?"`` / ``"Bingley."``).
    """
    narrated = {m.person for p in doc.paragraphs for m in p.mentions if m.kind == "name"} | {FIRST_PERSON_NAME}
    for turns in conversations(doc, decisions):
        for turn, reply in zip(turns, turns[1:]):
            decision = decisions.get(turn.first)
            if decision is None or decision.rule not in REPLY_RULES or not answers_by_name(doc, reply.first) or asks_for_a_name(doc.segments[turn.first].text):
                continue
            called = [n for n in vocatives(quote_context(doc, reply.first)) if n != reply.speaker and n in narrated and not asked_about_another(doc.segments[reply.first].text, n)]
            if len(called) == 1 and called[0] != turn.speaker and called[0] not in named_in_quote(quote_context(doc, turn.first)):
                _reassign(doc, decisions, turn, called[0], decided(called[0], "addressed_by_next_turn"))


def opening_called_by_the_reply(doc: Document, decisions: dict[int, Decision]) -> None:
    """A talk's opening line only guessed from the narration before it (``salient_character``),
    or one no rule could guess at all, is the one the reply calls by name, even past the
    replier's own beat or a paragraph of narration between them: ``Wren stacked the chairs.`` /
    ``"You missed one."`` / ``She didn't look round.`` / ``"Go home, Petra."`` -> Petra, not
    Wren, who is the one spoken to; ``Milo had been humming.`` / ``"It's gravel, Milo."`` (the
    one person shown is called: no guess) / ``Milo grinned. "Gravy, Jess."`` -> Jess. Not a
    name called out (``"Sora! The scroll!"``), one the narration never writes, or the replier's;
    and not where the narration before the reply announces it (:func:`_announced`)."""
    narrated = {m.person for p in doc.paragraphs for m in p.mentions if m.kind == "name"} | {FIRST_PERSON_NAME}
    for opening, reply in _opening_and_reply(doc):
        decision, answer = decisions.get(opening), decisions.get(reply)
        if decision is not None and decision.rule != "salient_character" or _CALLED_OUT.match(doc.segments[reply].text) or asks_for_a_name(doc.segments[opening].text) or _announced(doc, reply):
            continue
        replier = answer.speaker if answer else None
        called = [n for n in vocatives(quote_context(doc, reply)) if n != replier and n in narrated and not asked_about_another(doc.segments[reply].text, n)]
        if len(called) == 1 and (decision is None or called[0] != decision.speaker) and called[0] not in named_in_quote(quote_context(doc, opening)):
            decisions[opening] = decided(called[0], "addressed_by_next_turn")


def _announced(doc: Document, index: int) -> bool:
    """Whether the paragraph before quotation ``index`` ends on a colon, announcing it as its
    subject's words (``Halted, he peered down the stairs and called out coarsely:``): the one
    who spoke before going on, not an answer."""
    before = doc.paragraph_before(doc.paragraph_of[index])
    return before is not None and doc.text[before.start:before.end].rstrip().endswith(":")


def _opening_and_reply(doc: Document) -> list[tuple[int, int]]:
    """Each paragraph's first quotation and the first of the next paragraph that talks, in the
    same scene, with at most one paragraph of narration only between them."""
    pairs, last, between = [], None, 0
    for para in doc.paragraphs:
        dialogue = [i for i in para.quotes if doc.segments[i].kind is SegmentKind.DIALOGUE]
        if para.scene_start:
            last, between = None, 0
        if not dialogue:
            between += 1
            continue
        if last is not None and between <= 1:
            pairs.append((last, dialogue[0]))
        last, between = dialogue[0], 0
    return pairs


_THIRD_PERSON = letters.compile(r"\b(?:he|she|him)\b", re.IGNORECASE)
_SENTENCE_END = letters.compile(NOT_AFTER_SHORT_TITLE + r"[.!?…]+")


def asked_about_another(quote: str, name: str) -> bool:
    """Whether the sentence that calls ``name`` speaks of someone else in the third person:
    ``"Doesn't he have a face, Cal?"`` turns to Cal to talk about the one who spoke, so Cal
    did not say the line before. The sentence is the one of the phrase that calls (a title's
    full stop ends none: ``"Doesn't he have a face, Mr. Hale?"``).

    >>> asked_about_another("“You have a face. Doesn't he have a face, Cal?”", "Cal"), asked_about_another("“Shut up, Pell!”", "Pell")
    (True, False)
    >>> asked_about_another("“Is she coming? Wait. Doesn't he have a face, Mr. Hale?”", "Mr. Hale"), asked_about_another("“Is she coming? Sit down, Mr. Hale.”", "Mr. Hale")
    (True, False)
    >>> asked_about_another("“Mr. Tom, is he here? Sit down, Mr. Hale.”", "Mr. Hale")
    False
    """
    name_words = {w for w in name.replace(".", " ").split() if w.lower() not in SHORT_TITLES}  # a shared "Mr." picks no call
    at = next((found.start() for phrase in address_phrases(quote) if name_words & set(phrase.replace(".", " ").split())
               for found in [re.search(re.escape(phrase), quote)] if found), None)
    if at is None:
        return False
    start = max((end.end() for end in _SENTENCE_END.finditer(quote, 0, at)), default=0)
    end = _SENTENCE_END.search(quote, at)
    return bool(_THIRD_PERSON.search(quote, start, end.end() if end else len(quote)))


_CALLED_OUT = letters.compile(r"^\W*[A-Z][\w'’-]*!")


def answers_by_name(doc: Document, index: int) -> bool:
    """Whether quotation ``index`` can answer someone by name: it opens its paragraph (no
    narration before it) and does not open on a name called out.

    >>> bool(_CALLED_OUT.match("“Sora! The scroll!”")), bool(_CALLED_OUT.match("“Shut up, Pell!”"))
    (True, False)
    """
    para = doc.paragraph_of[index]
    segment = doc.segments[index]
    return not doc.text[para.start:segment.start].strip() and not _CALLED_OUT.match(segment.text)


_NAME_QUESTION = letters.compile(
    r"\b(?:name\b|who(?:['’]s| is| are| was)\s+(?:you|it|this|that|there|he|she)\b)[^.!?]*\?"
    r"|^\W*who\s+(?:did|does|said|says|told|sent|called|wrote|else)\b[^.!?,]{0,30}\?\W*$", re.IGNORECASE)


def asks_for_a_name(quote: str) -> bool:
    """``"What is his name?"``, ``"Who's there?"``, ``"Who did?"``: the answer gives a name, it
    does not call one.

    >>> asks_for_a_name("“What is his name?”"), asks_for_a_name("“Who’s there?”"), asks_for_a_name("“Who’re you calling a child?”")
    (True, True, False)
    >>> asks_for_a_name("“Who did?”"), asks_for_a_name("“Who said that to you?”"), asks_for_a_name("“Who did this, and why, Tom?”")
    (True, True, False)
    """
    return bool(_NAME_QUESTION.search(quote))
