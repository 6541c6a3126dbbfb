"""Rules that find a quotation's speaker from its own paragraph.

Each tag finder returns the *mention* that names the speaker; the deciding rules
(:func:`explicit_tag`, :func:`pronoun_tag`...) resolve it and report their own name, so the
script says e.g. ``rule=pronoun_tag``. Types: a tag naming the speaker is *explicit*; a
pronoun or description is *anaphoric*; anything found without a tag is *implicit*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ficaudio import letters
from ficaudio.attribute.address import addressed_by_rank
from ficaudio.attribute.characters import Person, called_before_full_stop, called_before_question
from ficaudio.attribute.confidence import confidence
from ficaudio.attribute.document import Document, Mention, Paragraph, looks_like_verb, told_to_you
from ficaudio.attribute.lexicon import SUBORDINATORS, BEFORE_PARTICIPLE, NOT_AFTER_BOUND_TITLE, PARTICIPLE, SAID_ALONE_RANKS, not_after_titles, OBJECT_PRONOUN_GENDER, TITLE_BEFORE_NAME, KIN_GENDER, NOT_PERSON_HEADS, SHORT_TITLES, SPEECH_VERBS, THOUGHT_VERBS, TITLES
from ficaudio.attribute.mentions import NameRun, Word, calls_reader_placeholder, compound_head, is_group_noun, is_name_word, is_person_noun, name_runs, runs_of, word_before, words, writes_reader_placeholder
from ficaudio.attribute.resolve import FIRST_PERSON_NAME, TELLING_KINDS, VOICE_HEADS, Resolver, TagVerb, description_referent, relation_answering, in_contact_relative_clause, new_described, in_relative_clause, reports_inner_state, named_later_in_clause, pronoun_by_gender, speaker_pronoun
from ficaudio.models import Gender, Segment, SegmentKind

_ADVERB = letters.compile(r"^[a-z]+ly$")
_AUXILIARIES = frozenset({"had", "has", "have", "was", "is", "would", "could", "will", "did", "does", "then", "finally", "just", "also", "only", "quickly", "suddenly", "again", "still", "now", "simply", "merely", "softly", "quietly"})
_SENTENCE_END = letters.compile(r"[.!?…;]")
_TAG_WINDOW_CHARS = 160


@dataclass(frozen=True)
class Decision:
    speaker: str
    confidence: float
    rule: str
    case: str = ""  # the case of the rule measured apart in the confidence table (``three_way``)


def decided(speaker: str, rule: str, case: str = "") -> Decision:
    """A decision with its rule's calibrated confidence (see :mod:`.confidence`)."""
    return Decision(speaker, confidence(rule, case), rule, case)


@dataclass
class QuoteContext:
    """A quotation and the narration around it inside its paragraph."""

    doc: Document
    index: int  # index of the segment
    segment: Segment
    para: Paragraph
    order: int  # 0 for the first quotation of the paragraph
    before: tuple[int, int]  # narration since the previous quotation (or paragraph start)
    after: tuple[int, int]  # narration up to the next quotation (or paragraph end)
    named: list[str] | None = field(default=None, repr=False, compare=False)  # named_in_quote's answer, once asked

    def mentions_in(self, span: tuple[int, int]) -> list[Mention]:
        return [m for m in self.para.mentions if span[0] <= m.start < span[1]]


def quote_context(doc: Document, index: int) -> QuoteContext:
    para = doc.paragraph_of[index]
    order = para.quotes.index(index)
    seg = doc.segments[index]
    previous_end = doc.segments[para.quotes[order - 1]].end if order else para.start
    next_start = doc.segments[para.quotes[order + 1]].start if order + 1 < len(para.quotes) else para.end
    return QuoteContext(doc, index, seg, para, order, (previous_end, seg.start), (seg.end, max(seg.end, next_start)))


# ----------------------------------------------------------------------------- tag finders
def tag_after_quote(ctx: QuoteContext) -> Mention | None:
    """The tag right after the quotation: ``"Go," Ino said``, ``"Go!" She whispered``
    (mis-capitalised), ``"Go," said Ino`` (inverted), ``"Go," he tells Gai`` (the subject,
    not the object)."""
    start, end = ctx.after
    ws = words(ctx.doc.text, start, min(end, start + _TAG_WINDOW_CHARS))
    at = {m.start: m for m in ctx.mentions_in(ctx.after)}
    if not ws or "\n" in ctx.doc.text[start:ws[0].start]:
        return None
    return _inverted_tag(ws, at) or _subject_verb_tag(ctx.doc.text, ws, at) or inverted_description(ctx.doc.text, ws, at)


def _inverted_tag(ws: list[Word], at: dict[int, Mention]) -> Mention | None:
    """``said Ino``, ``replied his wife``, ``cried Mrs. Bennet impatiently``."""
    k = 1 if _ADVERB.match(ws[0].lower) and len(ws) > 1 else 0
    if ws[k].lower not in SPEECH_VERBS:
        return None
    for j in range(k + 1, min(k + 3, len(ws))):
        if ws[j].start in at:
            return at[ws[j].start]
        if not _ADVERB.match(ws[j].lower):
            return None
    return None


_TAG_DETERMINERS = frozenset({"the", "that", "this", "his", "her", "their", "my", "our", "your"})


def inverted_description(text: str, ws: list[Word], at: dict[int, Mention] | None = None) -> Mention | None:
    """An inverted tag makes whatever noun follows it a speaker, even one no list knows:
    ``"I've lost the best missus," sobbed the faithful attendant`` -> ``the faithful
    attendant``; ``said that gentleman``. The phrase ends at a comma, a relative word or
    an adverb (``said the weeping handmaiden, who...``, ``said the boy officer slowly``).

    >>> t = ' sobbed the faithful attendant, who wept.'
    >>> inverted_description(t, words(t)).text
    'the faithful attendant'
    """
    if len(ws) < 3 or ws[0].lower not in SPEECH_VERBS or ws[1].lower not in _TAG_DETERMINERS:
        return None
    phrase: list[Word] = []
    for w in ws[2:6]:
        if at and w.start in at and at[w.start].kind == "name":
            return at[w.start]  # "said the poet Syme": the name in apposition
        if w.lower in _STOP_NOUN_PHRASE or _ADVERB.match(w.lower) or not w.text.replace("-", "").isalpha():
            break
        phrase.append(w)
        if text[w.end:w.end + 1] in ",.;:!?—":
            break
    if not phrase or phrase[-1].lower in NOT_PERSON_HEADS or is_group_noun(phrase[-1].lower):
        return None
    head = compound_head(phrase[-1].lower)
    return Mention(ws[1].start, phrase[-1].end, "description", text[ws[1].start:phrase[-1].end], KIN_GENDER.get(head, Gender.UNKNOWN), head=head)


_STOP_NOUN_PHRASE = frozenset("of and or but to in on at was is were who whom whose which when where while as with from for by not".split())


def _subject_verb_tag(text: str, ws: list[Word], at: dict[int, Mention]) -> Mention | None:
    """``Ino said``, ``she had whispered``, ``the old man finally said``."""
    first = at.get(ws[0].start)
    if first is None:
        return None
    following = [w for w in ws if w.start >= first.end][:3]
    for w in following:
        if _SENTENCE_END.search(text[first.end:w.start]):
            return None
        if w.lower in SPEECH_VERBS:
            return None if thinks_about(text, w) else first
        if w.lower not in _AUXILIARIES and not _ADVERB.match(w.lower):
            return None
    return None


_THOUGHT_OBJECT = letters.compile(r"\s+(?:it|that|this|about|of|so|how|what|he|she|they|we|I|you)\b")


def thinks_about(text: str, verb: Word) -> bool:
    """A thought verb with an object (``I thought it was the dumbest thing``, ``she thought
    about it``) tells what someone made of the line, not who says it: no tag.

    >>> t = "I thought it was dumb."
    >>> thinks_about(t, words(t)[1]), thinks_about("I thought.", words("I thought.")[1])
    (True, False)
    """
    return verb.lower in THOUGHT_VERBS and bool(_THOUGHT_OBJECT.match(text, verb.end))


def tag_before_quote(ctx: QuoteContext) -> Mention | None:
    """A tag that introduces the quotation: ``Ino said, "Go."``, ``She turned to him and
    said quietly:``, and the middle of a split quotation ``"Go," he said, "now."``."""
    start, end = ctx.before
    text = ctx.doc.text
    ws = words(text, max(start, end - _TAG_WINDOW_CHARS), end)
    verb = next((w for w in reversed(ws[-5:]) if w.lower in SPEECH_VERBS), None) or _verb_before_asides(text, ws)
    if verb is None or _SENTENCE_END.search(text[verb.end:end]):
        return None
    if _WISHED_SPEECH.search(text, max(0, verb.start - 40), verb.start) and not _SAYS_THE_QUOTE.fullmatch(text, verb.end, end):
        return None  # 'made you want to tell him true things:' -- not 'Lena needed to tell him, "..."'
    sentence_start = _sentence_start(text, start, verb.start)
    candidates = [m for m in ctx.mentions_in(ctx.before) if sentence_start <= m.start < verb.start]
    if not candidates:
        return None
    adjacent = candidates[-1]
    between = [w for w in ws if adjacent.end <= w.start < verb.start]
    if len(between) <= 2 and all(w.lower in _AUXILIARIES or _ADVERB.match(w.lower) for w in between):
        return adjacent
    tag = coordinated_subject(text, candidates, verb.start) or next((m for m in reversed(candidates) if m.subject), None)
    return heard_instead(text, candidates, tag)


# a speech verb someone only wants or means to say is no tag: "something about Pike made you want to tell him true things:"
# ... unless the quotation is what they go on to say, right after the verb: 'Lena needed to tell him, "The ledger's gone."',
# 'Pike tried to say, "Wait--"' (an object pronoun or a name, an adverb, then the comma)
_SAYS_THE_QUOTE = letters.compile(r"(?:\s+(?:him|her|them|me|us|you|everyone|[a-z]+ly|[A-Z][a-z]+)){0,2}\s*[,:]\s*")
_WISHED_SPEECH = letters.compile(r"\b(?:want|wants|wanted|wanting|need|needs|needed|meant|mean|means|hoped|hope|wished|wish|longed|dared|tried|try|tries|trying)\s+to\s+$")


_SUBJECT_SKIP = frozenset({"finally", "then", "just", "also", "only", "still", "simply", "merely", "slowly", "quickly", "suddenly", "softly", "quietly", "never", "already", "now"})


def coordinated_subject(text: str, candidates: list[Mention], verb_start: int) -> Mention | None:
    """The subject of the verb phrase the speech verb ends: the last person before it who is
    followed by a verb (``the man finally looks at him and says,`` -> the man; ``while
    she's busy, Kakashi opens his mouth and says,`` -> Kakashi). An object (``at Kakashi``)
    or a possessive (``his mouth``) is not followed by a verb.

    >>> t = "He brought tea before the man finally looks at him and says,"
    >>> from ficaudio.attribute.document import Mention
    >>> ms = [Mention(0, 2, "pronoun", "He", subject=True), Mention(22, 29, "description", "the man")]
    >>> coordinated_subject(t, ms, t.index("says")).text
    'the man'
    """
    for m in reversed(candidates):
        clause_broken = "," in text[m.end:verb_start] and not is_verb_list(text, m.end, verb_start)  # "when he spoke to her, and then said"
        if clause_broken or m.kind == "pronoun" and not m.subject:  # the main subject, not an object's pronoun
            continue
        following = [w for w in words(text, m.end, verb_start) if w.lower not in _SUBJECT_SKIP and not _ADVERB.match(w.lower)]
        if following and following[0].start - m.end < 20 and looks_like_verb(following[0].lower):
            return m
    return None


_LIST_GLUE = frozenset({"and", "then"})


def is_verb_list(text: str, start: int, verb_start: int) -> bool:
    """Whether the commas between a subject and its speech verb only part a list of its verb
    phrases: ``the old man (had) walked down the line, stopped in front of him, and said,`` --
    every part opens on a verb (the first after any auxiliary or adverb), the last is only
    ``and``/``then``. An object before the first comma opens no verb phrase of its own
    (``Mara looked at Tom, sighed, and said``: not Tom's list).

    >>> t = "the old man walked down the line, stopped in front of him, and said"
    >>> is_verb_list(t, 11, t.index("said")), is_verb_list("she shrugged, and then he said", 3, 26)
    (True, False)
    >>> t = "Mara looked at Tom, sighed, and said"
    >>> is_verb_list(t, 4, t.index("said")), is_verb_list(t, t.index(","), t.index("said"))
    (True, False)
    """
    parts = text[start:verb_start].split(",")
    if len(parts) < 3:
        return False
    first, *middle, last = parts
    own = [w for w in words(first) if w.lower not in _AUXILIARIES and not _ADVERB.match(w.lower)]
    if not own or not looks_like_verb(own[0].lower) or any(w.lower not in _LIST_GLUE for w in words(last)):
        return False
    return all((ws := [w for w in words(part) if w.lower not in _LIST_GLUE]) and looks_like_verb(ws[0].lower) for part in middle)


def _verb_before_asides(text: str, ws: list[Word]) -> Word | None:
    """A speech verb whose clause ends with a comma, followed only by asides:
    ``Kakashi opens his mouth and says, casually, smoothly, with an infuriating amount of composure,``.
    """
    for w in reversed(ws[-15:-5]):
        if w.lower in SPEECH_VERBS and text[w.end:w.end + 1] in (",", ":"):
            return w
    return None


_INFINITIVE_SPEECH = letters.compile(r"\bto\s+\w+\s*$")


def closing_tag(text: str, span: tuple[int, int], ws: list[Word], mentions: list[Mention]) -> Mention | None:
    """The subject of a speech verb that ends a stretch of narration, announcing a quotation
    that follows in the next paragraph: ``He said:``, ``and then she says,``, ``She reached
    up on her tiptoes to whisper in his ear.`` (``ws``: the span's words, as :func:`words` reads them).

    >>> from ficaudio.attribute.document import Mention
    >>> t = "He leaned forward. He said:"
    >>> closing_tag(t, (0, len(t)), words(t), [Mention(19, 21, "pronoun", "He", subject=True)]).text
    'He'

    Of two subjects in the sentence, the one nearest the verb says it:

    >>> t = "He watched her silently, till, waking from her daydream, she abruptly asked:"
    >>> closing_tag(t, (0, len(t)), words(t), [Mention(0, 2, "pronoun", "He", subject=True), Mention(57, 60, "pronoun", "she", subject=True)]).text
    'she'
    """
    start, end = span
    verb = next((w for w in reversed(ws[-4:]) if w.lower in SPEECH_VERBS), None) or verb_before_colon_aside(text, ws, end)
    if verb is None or _SENTENCE_END.search(text, verb.end, end) and text[end - 1:end].strip() not in (".", "!"):
        return None
    ending = text[verb.end:end].strip()
    if inverted := inverted_closing_subject(text, verb, end, mentions):
        return inverted
    if ending not in (":", ",") and not _COLON_ASIDE.match(ending) and not (ending.endswith(".") and not ending.startswith(",") and _INFINITIVE_SPEECH.search(text, start, verb.end)):
        return None  # "Sakura said nothing." announces no quotation; "to whisper in his ear." does, "had to admit, very blue." not
    if _SENTENCE_END.search(text[verb.end:end].rstrip(".:,")):
        return None
    sentence_start = _sentence_start(text, start, verb.start)
    candidates = [m for m in mentions if sentence_start <= m.start < verb.start]
    return coordinated_subject(text, candidates, verb.start) or next((m for m in reversed(candidates) if m.subject), None)


def inverted_closing_subject(text: str, verb: Word, end: int, mentions: list[Mention]) -> Mention | None:
    """The subject after a closing speech verb, as older prose puts it: ``Said she:``,
    ``and then said he, gravely:`` announce her or his quotation in the next paragraph.

    >>> t = "She loved her devices. Said she:"
    >>> inverted_closing_subject(t, words(t)[-2], len(t), [Mention(28, 31, "pronoun", "she")]).text
    'she'
    """
    after = next((m for m in mentions if verb.end < m.start < end), None)
    if after is None or text[verb.end:after.start].strip() or after.kind not in ("pronoun", "name"):
        return None
    return after if _COLON_ASIDE.match(text[after.end:end].strip()) or text[after.end:end].strip() == ":" else None


_COLON_ASIDE = letters.compile(r"^,?\s*(?:[a-z]+ly|again|aloud|(?:with|in|to|at|as|after|without|under|from|for)\b[^.!?;:\"“”‘’]*?)\s*,?\s*:[-—–]*$")


def verb_before_colon_aside(text: str, ws: list[Word], end: int) -> Word | None:
    """The speech verb of a closing ``said`` whose manner comes between it and the colon:
    ``and said sternly:``, ``Miss Bartlett said, with more restraint:``, ``came up to my room
    and said in a very hysterical way:``.

    >>> t = "Miss Bartlett said, with more restraint:"
    >>> verb_before_colon_aside(t, words(t), len(t)).text
    'said'
    >>> t = "Miss Bartlett said that it rained, and sighed:"
    >>> verb_before_colon_aside(t, words(t), len(t)) is None
    True
    """
    verb = next((w for w in reversed(ws[-16:]) if w.lower in SPEECH_VERBS), None)
    return verb if verb and _COLON_ASIDE.match(text[verb.end:end].strip()) else None


def _sentence_start(text: str, floor: int, position: int) -> int:
    last = None
    for m in _SENTENCE_END.finditer(text, floor, position):
        last = m
    return last.end() if last else floor


_UNNAMED_VOICE_AFTER = letters.compile(r"[\s,]*(?:(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\s+)?(?:a|another)\s+(?:[a-z]+\s+)?voices?\b(?P<end>)(?:\s+(?P<then>[a-z]+))?")


def unnamed_voice_end(ctx: QuoteContext) -> int | None:
    """Where the word ``voice`` ends when the quotation's tag is a voice nobody is named for:
    ``"Get a room," a voice yells from the bathroom``, ``"No!" cried a voice from the top of
    the table``; None for any other tag.

    >>> t = '"Get a room," a voice yells from the bathroom.'
    >>> bool(_UNNAMED_VOICE_AFTER.match(t, 13)), _UNNAMED_VOICE_AFTER.match(t, 13).group("then")
    (True, 'yells')
    """
    m = _UNNAMED_VOICE_AFTER.match(ctx.doc.text, ctx.after[0], ctx.after[1])
    return m.end("end") if m and (m.group("verb") in SPEECH_VERBS or m.group("then") in SPEECH_VERBS) else None


def action_beat(ctx: QuoteContext) -> Mention | None:
    """The subject of the narration next to the quotation in its paragraph:
    ``Kakashi looked over at her. "You've done enough."`` or ``"Enough." Kakashi sighed.``"""
    text = ctx.doc.text
    mentions = [m for m in ctx.mentions_in(ctx.before) if not _unrealised(text, m)]
    if voiced := next((m for m in mentions if device_gives_voice(text, m, ctx.before[0], ctx.before[1])), None):
        return voiced  # "The radio came alive with the captain's voice." -> the captain
    before = [m for m in mentions if m.subject] or [m for m in mentions if m.clause_subject]
    if before:
        if (main := fronted_clause_subject(text, mentions, before[-1])) is not None:
            before = [*before, main]  # "When he had gone, Matti let his head fall back." -> Matti
        subject = interrupting_subject(text, mentions, before[-1]) or main_clause_subject(text, before, before[-1])  # with no sentence subject, a clause's: "It has no effect on Ino, who lifts her cup."
        subject = watched_actor(text, before, subject)
        return heard_person(text, mentions, before, subject) or heard_instead(text, mentions, subject)
    mentions = ctx.mentions_in(ctx.after)
    first_sentence_end = _first_sentence_end(ctx.doc.text, ctx.after)
    after = [m for m in mentions if m.subject and m.start < first_sentence_end]
    return heard_instead(text, mentions, after[0]) if after else None


_DEVICE_CAME_WITH = letters.compile(
    r"\b(?:radio|handheld|handset|walkie(?:[\s-]talkie)?|phone|intercom|speaker|earpiece|headset|comms?|receiver)\b[^.!?;\"“”]{0,40}?"
    r"\b(?:came\s+(?:alive|to\s+life)|comes\s+(?:alive|to\s+life)|crackled|crackles|hissed|hisses|buzzed|buzzes|filled|fills)\s+with\s+$", re.IGNORECASE)


_LATER_SENTENCE = letters.compile(r"[.!?…]\s+[^\w\s]*\w")


def device_gives_voice(text: str, m: Mention, start: int, end: int | None = None) -> bool:
    """Whether ``m`` is a voice that a phone or a radio, its sentence's subject, came alive or
    crackled with: ``The radio on his harness came alive with the captain's voice``, ``The
    handheld crackled with the dispatcher's voice`` -- the voice's owner speaks the quotation
    beside it (not ``The room filled with the captain's voice``, nor ``his voice``: the
    ``his`` may be the one holding the radio).

    >>> t = "The radio on Hollis's harness came alive with the captain's voice, calm. The room filled with the captain's voice."
    >>> [device_gives_voice(t, Mention(t.index(v), t.index(v) + 19, "description", "the captain's voice", head="voice"), 0) for v in ("the captain's voice, calm", "the captain's voice.")]
    [True, False]
    """
    named_voice = m.kind == "name" and m.text.endswith(("'s", "’s")) and _VOICE_AFTER.match(text, m.end)  # "with Mara's voice." -> Mara
    if not named_voice and (m.kind != "description" or m.head != "voice" or not _OWNERS_VOICE.search(m.text)):
        return False
    if end is not None and _LATER_SENTENCE.search(text, m.end, end):
        return False  # "... with the captain's voice. Hollis snatched it up. "Copy."": the beat goes on past the radio
    sentence = max([start, *(k + 1 for k in (text.rfind(stop, start, m.start) for stop in ".!?") if k >= 0)])
    return bool(_DEVICE_CAME_WITH.search(text, sentence, m.start))


_VOICE_AFTER = letters.compile(r"\s+voice\b")
_OWNERS_VOICE = letters.compile(r"['’]s\s+voice$")
_FRONTED_OPENERS = SUBORDINATORS - {"whereas"}  # when, after, once, as, while, before, until, since, because, though, although, if
_SENTENCE_OPENER = letters.compile(r"(?:^|[.!?…”\"\n]\s*)(\w+)\s+$")


def fronted_clause_subject(text: str, mentions: list[Mention], subject: Mention) -> Mention | None:
    """The main subject of a sentence that opens on a time or side clause, when ``subject`` is
    that clause's: in ``When he had gone, Matti let his head fall back.`` Matti acts, not the
    one who had gone (the reading takes a sentence's first person for its subject, so the name
    after the comma is only a clause's). ``None`` when ``subject`` does not follow the clause's
    opening word at the start of a sentence, or no named subject follows in the same sentence
    after a comma. The main subject opens its clause right after the comma (not a name of
    the clause's own: ``When Tom, Ana and Kit got to the door, the lights were off.`` -- the lights);
    one the sentence sends away does not act (``When Jun looked up, Ana was already gone.``
    -- Jun); and where the clause says its subject is speaking, the quotation stays theirs
    (:func:`_clause_subject_speaks`: ``While Tom talked, Ana stared at the wall.`` -- Tom).

    >>> t = "When he had gone, Matti let his head fall back. "
    >>> ms = [Mention(5, 7, "pronoun", "he", subject=True), Mention(18, 23, "name", "Matti", clause_subject=True)]
    >>> fronted_clause_subject(t, ms, ms[0]).text
    'Matti'
    >>> t = "He waved when Ana had gone, and Matti sat. "
    >>> ms = [Mention(0, 2, "pronoun", "He", subject=True), Mention(14, 17, "name", "Ana", clause_subject=True), Mention(32, 37, "name", "Matti", clause_subject=True)]
    >>> fronted_clause_subject(t, ms, ms[0]) is None, fronted_clause_subject(t, ms, ms[1]) is None
    (True, True)
    """
    opener = _SENTENCE_OPENER.search(text, max(0, subject.start - 40), subject.start)
    if opener is None or opener.group(1).lower() not in _FRONTED_OPENERS or _clause_subject_speaks(text, opener.group(1), subject):
        return None
    from ficaudio.attribute.conversation import departs  # not at the top: conversation imports this module

    main = [m for m in mentions if m.start > subject.end and m.clause_subject and text[subject.end:m.start].rstrip().endswith(",") and not _SENTENCE_END.search(text, subject.end, m.start)]
    return main[0] if main and not (departs(text, main[0]) and not _HANGS_UP.match(text, main[0].end)) else None


_TALKING = letters.compile(r"\s+(?:(?:was|is|kept)\s+)?(?:\w+ly\s+)?(?P<verb>[a-z]+)\b(?P<on>\s+on\b)?")
_TALK_WORDS = frozenset("talk talks talked talking speaking explaining rambled rambles rambling ranted rants ranting lectured lectures lecturing".split())
_SPEAKS_UP = letters.compile(r"\s+(?:\w+ly\s+)?(?:spoke|speaks|talked|talks|found\s+(?:my|his|her|their)\s+voice|could\s+(?:speak|talk))\b")


def _clause_subject_speaks(text: str, opener: str, subject: Mention) -> bool:
    """Whether the opening clause says its subject is speaking, so the quotation is theirs, not
    the one after the comma who only listens: talking in a ``while``/``as`` clause (``While Tom
    talked, Ana stared at the wall. "Are you even listening?"`` -> Tom), or speaking up in a
    ``when``/``once`` clause (``When Tom finally spoke, Ana flinched.``, ``When I found my voice,
    Tom was at the door. "Wait!"``). Not a question asked before (``When Ana asked, Tom
    shrugged.`` -> Tom answers), nor talk that is over (``When Tom stopped talking``).

    >>> t = "While Tom talked, Ana sat. As Kit went on, Jo sat. When Mo finally spoke, Al sat. When Lu asked, Cy sat."
    >>> [_clause_subject_speaks(t, t[:t.index(n)].split()[-1], Mention(t.index(n), t.index(n) + len(n), "name", n)) for n in ("Tom", "Kit", "Mo", "Lu")]
    [True, True, True, False]
    """
    opener = opener.lower()
    if opener in ("when", "once"):
        return bool(_SPEAKS_UP.match(text, subject.end))
    m = _TALKING.match(text, subject.end)
    if opener not in ("while", "as") or m is None:
        return False
    verb = m.group("verb")
    return verb in SPEECH_VERBS or verb in _TALK_WORDS or bool(m.group("on")) and verb in ("went", "goes", "going")


_HANGS_UP = letters.compile(r"\s+(?:\w+ly\s+)?(?:hung|hangs)\s+up\b")  # the phone, not the room: "After he had gone, Ana hung up." -- Ana is still there


def watched_actor(text: str, subjects: list[Mention], subject: Mention) -> Mention:
    """A narrator who only notices what someone else in the beat does (``I had not noticed
    him pick it up``, ``I could see her hands shake``) does not take the beat from that
    person: ``Vane held up a wheel. I had not noticed him pick it up. "Such as time."`` ->
    Vane. Only when the noticing has a ``him``/``her`` for its object, the one who acted, or
    when the narrator (or the ``you`` a story is told to) only takes in by ear or eye what
    the other does (:func:`perceives`: ``Priya bumps her shoulder into mine. Through the
    wind I only catch half of it.`` -> Priya).

    >>> t = "Vane held up a wheel. I had not noticed him pick it up. "
    >>> ms = [Mention(0, 4, "name", "Vane", Gender.MALE, subject=True), Mention(22, 23, "first_person", "I", subject=True)]
    >>> watched_actor(t, ms, ms[1]).text, watched_actor(t.replace("him", "it"), ms, ms[1]).text
    ('Vane', 'I')
    >>> t = "Vane held up a wheel. I could not make out the words. "
    >>> watched_actor(t, ms, ms[1]).text
    'Vane'
    """
    if subject.kind not in TELLING_KINDS:
        return subject
    perceiving = perceives(text, subject)
    if not (perceiving or reports_inner_state(text, subject)):
        return subject
    actors = [m for m in subjects if m.start < subject.start and m.kind not in TELLING_KINDS]
    if not actors:
        return subject
    sentence = text[subject.end:(found.start() if (found := _SENTENCE_END.search(text, subject.end)) else len(text))]
    watched = _WATCHED.search(sentence)
    if watched is None:
        return actors[-1] if perceiving else subject
    return actors[-1] if actors[-1].gender in (OBJECT_PRONOUN_GENDER[watched.group(1).lower()], Gender.UNKNOWN) else subject


_SPEECH_HEARD = r"(?:only\s+|just\s+)?(?:half|most|some|none|little|bits|snatches|the\s+(?:words|rest|end|last|first)|a\s+word|every\s+word|what|him|her|them)"
_PERCEIVES = letters.compile(
    rf"\s+(?:(?:[a-z]+\s+){{0,2}}?(?:catch|catches|caught|make out|made out|hear|hears|heard)\s+{_SPEECH_HEARD}"
    r"|(?:could|can|did|do)(?:\s+not|n['’]t)\s+(?:read|see|hear|make\s+out|understand))\b")


def perceives(text: str, m: Mention) -> bool:
    """Whether the narration has ``m`` take in what someone else says or shows: by ear, of
    speech (``I only catch half of it``, ``you can still hear him``), or failing to read or see
    (``an expression I could not read``), or by sight of a person doing something
    (:func:`sees_someone_act`). Taking in a thing is acting: ``I caught it
    one-handed``, ``I read it twice``, ``I saw my chance`` keep the line the narrator's.

    >>> t = "I only catch half of it. I caught it one-handed. I could not read him. I saw my chance."
    >>> [perceives(t, Mention(i, i + 1, "first_person", "I")) for i in (0, 25, 49, 71)]
    [True, False, True, False]
    """
    return bool(_PERCEIVES.match(text, m.end)) or sees_someone_act(text, m)


_SEES_SOMEONE_DO = letters.compile(r"\s+(?:saw|watched|noticed|see|sees|watch|watches|notice|notices)\s+(?P<who>[A-Z][\w'’-]+|the\s+(?:[a-z]+\s+)?[a-z]+)\s+(?!(?:and|or|but|with|in|at|on|to|for|from|of)\b)[a-z]+")


def sees_someone_act(text: str, m: Mention) -> bool:
    """``I saw the young man flinch``, ``you watch Kim go``: ``m`` sees a third party (a name,
    ``the`` and a person noun) do something, a bare verb after them. Seeing a thing happen
    (``I saw the door open``) or someone somewhere is not it, nor seeing ``him``/``her``, the one
    the scene already has in view: ``I saw him grin and rolled my eyes. "Don't."`` is the
    narrator's own reaction.

    >>> t = "I saw the young man flinch. I saw the door open. I saw him grin. I watched Kim go."
    >>> [sees_someone_act(t, Mention(i, i + 1, "first_person", "I")) for i in (0, 28, 49, 65)]
    [True, False, False, True]
    """
    seen = _SEES_SOMEONE_DO.match(text, m.end)
    if seen is None:
        return False
    who = seen.group("who")
    return who[:1].isupper() or is_person_noun(who.split()[-1])


_WATCHED = letters.compile(r"\b(him|her)\b", re.IGNORECASE)


_HEAR_ADVERBS = r"(?:(?:never|just|already|still|barely|only|hardly|faintly)\s+)*"
_HEARS = letters.compile(rf"(?:['’][sd]|\s+(?:has|had|have))?\s+{_HEAR_ADVERBS}(?:(?:can|could)\s+{_HEAR_ADVERBS})?(?:hear|hears|heard)\s+")


def heard_person(text: str, mentions: list[Mention], subjects: list[Mention], subject: Mention) -> Mention | None:
    """The person a subject of the beat's sentence hears speaks the quotation, not the one who
    hears: ``My mom lets them in. I hear her from all the way up in my room. "Marisol!"`` ->
    her; ``I hear her before I see her.`` -> her.

    >>> t = "I hear her before I see her. "
    >>> ms = [Mention(0, 1, "first_person", "I", subject=True), Mention(7, 10, "pronoun", "her"), Mention(18, 19, "first_person", "I", subject=True), Mention(24, 27, "pronoun", "her")]
    >>> heard_person(t, ms, [ms[0], ms[2]], ms[2]).start
    7
    """
    sentence_start = _sentence_start(text, subjects[0].start, subject.start)
    for hearer in (m for m in subjects if m.start >= sentence_start):
        found = _HEARS.match(text, hearer.end)
        heard = found and next((m for m in mentions if m.start == found.end()), None)
        if heard:
            return heard
    return None


def heard_instead(text: str, mentions: list[Mention], subject: Mention | None) -> Mention | None:
    """A subject who hears does not speak; the person heard does: ``"Get out," Mary heard
    her say`` -> her; ``I heard one of them cry aloud, "Stop!"`` -> nobody the text names
    (not ``I``). Any other subject stays the speaker.

    >>> t = 'Mary heard her say'
    >>> ms = [Mention(0, 4, "name", "Mary", subject=True), Mention(11, 14, "pronoun", "her")]
    >>> heard_instead(t, ms, ms[0]).text, heard_instead(t, ms[:1], ms[0]), heard_instead("Mary said", ms[:1], ms[0]).text
    ('her', None, 'Mary')
    """
    found = _HEARS.match(text, subject.end) if subject else None
    if not found:
        return subject
    return next((m for m in mentions if m.start == found.end()), None)


_INTERRUPTERS = frozenset({"before", "until", "when"})
_MODAL_AFTER = letters.compile(r"\s+(?:can|could|would|might|may|should)\b")


def _after_interrupter(text: str, m: Mention) -> bool:
    """Whether ``m`` comes right after ``before``/``until``/``when``: ``before Bash holds up a hand``."""
    return word_before(text, m.start, 12) in _INTERRUPTERS


def _unrealised(text: str, m: Mention) -> bool:
    """``before he can stop her``: a subject of what does not happen does not act."""
    return _after_interrupter(text, m) and bool(_MODAL_AFTER.match(text, m.end))


def interrupting_subject(text: str, mentions: list[Mention], subject: Mention) -> Mention | None:
    """The subject of a ``before``/``until``/``when`` clause that ends the sentence of the
    beat's subject takes the turn from it: ``She gets as far as the base before Bash holds up
    a hand. "Question."`` -> Bash (``before he can stop her`` never happens: see :func:`action_beat`).

    >>> t = "She gets as far as the base before Bash holds up a hand. "
    >>> ms = [Mention(0, 3, "pronoun", "She", subject=True), Mention(35, 39, "name", "Bash", clause_subject=True)]
    >>> interrupting_subject(t, ms, ms[0]).text
    'Bash'
    """
    later = [m for m in mentions if m.start > subject.start and (m.subject or m.clause_subject) and m.kind not in TELLING_KINDS]
    if not later or _SENTENCE_END.search(text, subject.end, later[-1].start) or not _after_interrupter(text, later[-1]):
        return None
    return later[-1]


_SIDE_CLAUSE_OPENERS = frozenset({"like", "if", "though", "although", "because", "since", "while", "whereas", "so", "that", "than"})


_TIME_OPENERS = _INTERRUPTERS | {"after", "as", "once"}
_PAST_PERFECT = letters.compile(rf"(?:['’]d|\s+had)(?:\s+{BEFORE_PARTICIPLE})*\s+(?:{PARTICIPLE})\b")


def _done_before(text: str, subject: Mention, opener: str | None = None) -> bool:
    """A time clause in the past perfect (``opener``: the word before its subject, when the
    caller has it) tells what had already happened when the sentence's main subject acted:
    ``he said before I'd even sat down`` -- he, not I, acts."""
    opener = word_before(text, subject.start, 12) if opener is None else opener
    return opener in _TIME_OPENERS and bool(_PAST_PERFECT.match(text, subject.end) or _PAST_PERFECT.match(text, subject.end - 2))


def main_clause_subject(text: str, subjects: list[Mention], subject: Mention) -> Mention:
    """The beat's last subject, unless it opens a side clause (``like``, ``as if``, ``because``, ``than``,
    ``so``, ``that``...) of a sentence whose main subject came first: that subject acts, the
    other is only talked about (``She is quiet long enough that I can hear the lamp hiss.`` ->
    She). ``He laughs, like she has startled it out of him. "Honest, at last."`` -> He
    (a ``before``/``until``/``when`` clause is :func:`interrupting_subject`'s). A relative
    clause is a side clause too: ``He took the chair, which was warm as far as I cared.`` -> He;
    so is a ``when`` clause in which the one the subject acted on only takes what they were
    handed (:func:`_takes_what_was_given`: ``She handed him a plate ... when he took it.`` -> She).
    The narrator (or the ``you`` told) in a ``before``/``until``/``when`` clause takes the beat
    only by an event there (:func:`_narrator_waits`): ``Tom was halfway out before I caught his
    arm.`` -> I, but ``"Tell him," Mara said, when I said nothing.`` -> Mara. Any subject of a
    time clause (``before``, ``when``, ``until``, ``after``, ``as``, ``once``) in the past perfect
    tells what had already happened, and yields too (:func:`_done_before`): ``"It's bleed," he
    said before she'd even sat down.`` -> he.

    >>> t = "He laughs, like she has startled it out of him. "
    >>> ms = [Mention(0, 2, "pronoun", "He", subject=True), Mention(16, 19, "pronoun", "she", subject=True)]
    >>> main_clause_subject(t, ms, ms[1]).text
    'He'
    >>> t = "He laughs. So she has won. "
    >>> ms = [Mention(0, 2, "pronoun", "He", subject=True), Mention(14, 17, "pronoun", "she", subject=True)]
    >>> main_clause_subject(t, ms, ms[1]).text
    'she'
    """
    opener = word_before(text, subject.start, 12)
    contact = in_contact_relative_clause(text, subject.start)
    side = opener in _SIDE_CLAUSE_OPENERS or in_relative_clause(text, subject.start) or contact or _done_before(text, subject, opener) or _takes_what_was_given(text, subjects, subject, opener)
    if not (side or subject.kind in TELLING_KINDS and opener in _INTERRUPTERS):
        return subject
    earlier = [m for m in subjects if m.start < subject.start and m.subject and not _SENTENCE_END.search(text, m.end, subject.start)
               and not (contact and _in_side_clause(text, m))]  # "as though I were a canoe she'd got back": not I
    if not earlier or not (side or _narrator_waits(text, earlier[-1], subject)):
        return subject
    return earlier[-1]


_OBJECT_OF = {"he": "him", "she": "her"}


_TAKES_IT = letters.compile(r"\s+(?:[a-z]+ly\s+)?(?:took|takes|take|accepted|accepts|caught|catches|grabbed|grabs|reached\s+for|reaches\s+for|tried\s+to\s+take)\b")
"""The verb of a ``when`` clause that only takes what was handed (``when he took it``)."""


def _takes_what_was_given(text: str, subjects: list[Mention], subject: Mention, opener: str) -> bool:
    """Whether ``subject`` is a ``he``/``she`` opening a ``when`` clause that only tells the
    object of the sentence's earlier subject taking what it was handed: ``She handed him a
    plate, and didn't let go of it when he took it.`` -- she acts (and speaks), the ``him`` she
    handed it to only takes it. The earlier subject is of the other gender, the clause's
    pronoun the object pronoun of the same person, before it in the same sentence, and the
    clause's verb one of taking (not ``She had been watching him when he finally looked up.``:
    he acts there, and the line after is his).

    >>> t = "She handed him a plate, and didn't let go of it when he took it. "
    >>> ms = [Mention(0, 3, "pronoun", "She", Gender.FEMALE, subject=True), Mention(53, 55, "pronoun", "he", Gender.MALE, subject=True)]
    >>> _takes_what_was_given(t, ms, ms[1], "when"), _takes_what_was_given("She was at the door when he called. ", [Mention(0, 3, "pronoun", "She", Gender.FEMALE, subject=True), Mention(25, 27, "pronoun", "he", Gender.MALE, subject=True)], Mention(25, 27, "pronoun", "he", Gender.MALE, subject=True), "when")
    (True, False)
    >>> t = "She was glaring at him when he turned his head. "
    >>> _takes_what_was_given(t, [Mention(0, 3, "pronoun", "She", Gender.FEMALE, subject=True), Mention(28, 30, "pronoun", "he", Gender.MALE, subject=True)], Mention(28, 30, "pronoun", "he", Gender.MALE, subject=True), "when")
    False
    """
    if opener != "when" or subject.kind != "pronoun" or (obj := _OBJECT_OF.get(subject.text.lower())) is None or not _TAKES_IT.match(text, subject.end):
        return False  # ``when he finally looked up``, ``when he turned his head``: the one acted on acts, and may speak
    earlier = [m for m in subjects if m.start < subject.start and m.subject and m.kind == "pronoun" and m.gender not in (subject.gender, None) and not _SENTENCE_END.search(text, m.end, subject.start)]
    return bool(earlier) and re.search(rf"\b{obj}\b", text[earlier[-1].end:subject.start]) is not None


def _in_side_clause(text: str, m: Mention) -> bool:
    """Whether a subject opens a side clause (:func:`main_clause_subject`'s openers) or a relative one."""
    return word_before(text, m.start, 12) in _SIDE_CLAUSE_OPENERS or in_relative_clause(text, m.start) or in_contact_relative_clause(text, m.start)


_STATIVE = letters.compile(r"\s+(?:was|were|am|is|are)\b")
_TAG_END = r"(?:\s+(?:[a-z]+ly|to\s+\w+))*,"  # a tag's adverbs or `to <name>`, then its comma
_TAG_THEN_COMMA = letters.compile(r"\s+(?:" + "|".join(sorted(SPEECH_VERBS)) + r")" + _TAG_END)
_INVERTED_TAG_THEN_COMMA = letters.compile(_TAG_END)


def _narrator_waits(text: str, earlier: Mention, subject: Mention) -> bool:
    """The narrator (or the ``you`` told) in a ``before``/``until``/``when`` clause is only
    background when the clause tells a state (``the way he used to when you were small``) or
    the earlier subject is a tag's whose verb, with an adverb or a ``to <name>`` after it, the
    comma closes (``"Tell him," Mara said quietly, when I said nothing.``), or an inverted tag's
    (``said Mara, when``); an event there is the narrator stepping in: ``Tom was halfway out
    before I caught his arm.`` -> I.

    >>> t = 'Mara said, when I said nothing. Tom was out before I caught him. He ran when I was small.'
    >>> m = lambda i, n: Mention(i, i + n, "pronoun", t[i:i + n], subject=True)
    >>> [_narrator_waits(t, m(a, b), m(c, 1)) for a, b, c in ((0, 4, 16), (32, 3, 51), (65, 2, 77))]
    [True, False, True]
    >>> t = 'Mara said to Tom, when I said nothing.'
    >>> _narrator_waits(t, m(0, 4), m(23, 1))
    True
    >>> t = 'said Mara, when I said nothing. came Mara, when I said nothing.'
    >>> [_narrator_waits(t, m(a, 4), m(b, 1)) for a, b in ((5, 16), (37, 48))]
    [True, False]
    """
    return bool(_STATIVE.match(text, subject.end) or _TAG_THEN_COMMA.match(text, earlier.end) or _inverted_tag_then_comma(text, earlier))


def _inverted_tag_then_comma(text: str, earlier: Mention) -> bool:
    """Whether ``earlier`` is an inverted tag's subject that a comma closes: ``said Mara, when``,
    ``said Mara quietly, when``."""
    return word_before(text, earlier.start, 12) in SPEECH_VERBS and bool(_INVERTED_TAG_THEN_COMMA.match(text, earlier.end))


_INWARD = letters.compile(r"\b(?:mentally|inwardly|silently|to\s+(?:him|her|them)sel(?:f|ves))\b")
_TAG_CLAUSE_END = letters.compile(r"[,.!?;:—\"“”‘’]")
_CLAUSE_BOUNDARY = letters.compile(r"[.!?;\"“”]")


def thought_not_said(ctx: QuoteContext) -> bool:
    """Whether the quotation's tag says it was thought, not said to anyone: ``"The darling!"
    thought Newland``, ``"A sign," said he mentally``, ``"Fool," she muttered to herself``,
    ``said he mentally: "the rose fades."``. No one hears it, so it is no turn in the talk.

    Scenes: tests/test_attribute_rules.py.
    """
    text = ctx.doc.text
    if (m := tag_after_quote(ctx)) is not None:
        end = _TAG_CLAUSE_END.search(text, m.end, ctx.after[1])
        clause = text[ctx.after[0]:end.start() if end else ctx.after[1]]
    else:  # the last words before it: 'said he mentally: "', 'he thought, "'
        start, end = ctx.before
        ws = words(text, max([start] + [b.end() for b in _CLAUSE_BOUNDARY.finditer(text, start, end)]), end)[-4:]
        clause = text[ws[0].start:end] if ws else ""
    return bool(_INWARD.search(clause) or THOUGHT_VERBS & {w.lower for w in words(clause)})


def _first_sentence_end(text: str, span: tuple[int, int]) -> int:
    m = _SENTENCE_END.search(text, span[0] + 1, span[1])
    return m.end() if m else span[1]


# ------------------------------------------------------------------------- deciding rules
def resolve_mention(resolver: Resolver, ctx: QuoteContext, m: Mention) -> str | None:
    """The speaker a tag mention means; pronouns in tags use :func:`speaker_pronoun`, then
    :func:`vocative_excludes_speaker`."""
    if m.kind == "pronoun":
        if settled := resolver.settled.get(m.start):
            return settled
        if relation := relation_answering(resolver, m, ctx.para):
            return relation  # '"He had to sit down," her ex admitted.': not the "her"
        speaker = speaker_going_on(resolver, ctx, m) or addressee_replying(resolver, ctx, m) or acted_on_replying(resolver, ctx, m) or speaker_pronoun(resolver, m.gender, m.start, ctx.para, exclude=named_later_in_clause(resolver, m, ctx.para))
        speaker = vocative_excludes_speaker(resolver, ctx, m, speaker)
        if speaker:
            resolver.settle(m, speaker)
        return speaker
    if m.kind == "description" and not m.subject:
        # the tag makes it act: "before the man finally looks at him and says," (not cached as
        # narration, where a mid-sentence "the man" is nobody in particular)
        return description_referent(resolver, replace(m, subject=True), ctx.para)
    return resolver.mention(m, ctx.para)


_GOES_ON = TagVerb(r"added|continued|resumed|pursued|persisted|went\s+on")
_REPLIES = TagVerb(r"replied|answered|returned|rejoined|retorted")


def goes_on_tag(text: str, m: Mention) -> bool:
    """``he added``, ``continued she``, ``she went on``: the tag says the speaker goes on.

    >>> t = '"And bring my chest," he added. "Yes," he said.'
    >>> goes_on_tag(t, Mention(22, 24, "pronoun", "he")), goes_on_tag(t, Mention(39, 41, "pronoun", "he"))
    (True, False)
    """
    return _GOES_ON.tags(text, m)


def speaker_going_on(resolver: Resolver, ctx: QuoteContext, m: Mention) -> str | None:
    """A pronoun tag that says the speaker goes on (:func:`goes_on_tag`) means whoever said
    the last quotation, when the pronoun fits them and no narration paragraph came between:
    ``"It'll be because you was born to hang," laughed the saloon-keeper. "Here, lend me a
    hand," he added.`` -> the saloon-keeper, not the last man the narration named."""
    last = resolver.conversation.last_speaker
    if not last or last == FIRST_PERSON_NAME or not goes_on_tag(ctx.doc.text, m):
        return None
    return last if resolver.gender(last) in (m.gender, Gender.UNKNOWN) and last not in vocatives(ctx) else None


def addressee_replying(resolver: Resolver, ctx: QuoteContext, m: Mention) -> str | None:
    """On the first quotation of the paragraph right after a turn that called someone by name,
    a pronoun means that person: a tag that says the speaker replies, when the pronoun fits
    (``"It's time you did something, Fergus," said I.`` / ``"What can I do?" replied he;`` ->
    Fergus, not the last man the narration named); a tag or beat right after the paragraph's
    opening quotation, when the pronoun fits and the narration named the called person of
    late (:func:`tags_opening_quotation`: ``"Where's your aunt, Wick?"`` / ``"Dead, Captain,"
    he said.`` -> Wick; a name met only in the call may be another name of someone present);
    or a pronoun of the called person's gender opening the paragraph (``"Come here, Ilse." /
    She didn't turn from the rail.`` -> Ilse)."""
    conv = resolver.conversation
    called = conv.addressee
    text = ctx.doc.text
    if ctx.order or conv.narration_paragraphs or not called or called == FIRST_PERSON_NAME or called in vocatives(ctx):
        return None
    fits = resolver.gender(called) in (m.gender, Gender.UNKNOWN)
    if _REPLIES.tags(text, m):
        return called if fits else None
    if tags_opening_quotation(ctx, m):
        return called if fits and called in resolver.salience.named_lately(m.start) else None
    return called if resolver.gender(called) is m.gender and opens_paragraph(ctx, m) else None


def tags_opening_quotation(ctx: QuoteContext, m: Mention) -> bool:
    """Whether a pronoun follows, with nothing but a comma between, a quotation that opens its
    paragraph: the tag or beat of the paragraph's first words (``"Dead, Captain," he said.``,
    ``"Nothing to say, ma'am." He had risen.``), not a pronoun of later narration."""
    text = ctx.doc.text
    return m.start >= ctx.segment.end and not text[ctx.para.start:ctx.segment.start].strip() and not text[ctx.segment.end:m.start].strip(" ,")


def opens_paragraph(ctx: QuoteContext, m: Mention) -> bool:
    """Whether a pronoun is the first word of its paragraph, before its quotation:
    ``She didn't turn from the rail. "You said dusk."``"""
    return m.start < ctx.segment.start and not ctx.doc.text[ctx.para.start:m.start].strip()


def acted_on_replying(resolver: Resolver, ctx: QuoteContext, m: Mention) -> str | None:
    """The pronoun tag of a paragraph's first quotation, right after a turn whose narration
    acted on one person of the pronoun's gender (``Edda pointed a stick at Joss. "Ha!"``),
    means that person when nothing of the paragraph comes before the quotation and the turn's
    paragraph made no one else of that gender a subject: ``"Traitor," he muttered.`` -> Joss,
    not the last man the narration made a subject a paragraph earlier."""
    conv = resolver.conversation
    target = conv.acted_on
    if ctx.order or conv.narration_paragraphs or not target or not conv.turns or target == conv.turns[-1] or m.start < ctx.segment.end:
        return None
    if ctx.doc.text[ctx.para.start:ctx.segment.start].strip() or resolver.gender(target) is not m.gender:
        return None
    if target in vocatives(ctx) or target in conv.departed or _other_subject_of_gender(resolver, m.gender, conv.turns[-1]):
        return None
    return target


def _other_subject_of_gender(resolver: Resolver, gender: Gender, speaker: str) -> bool:
    """Whether the paragraph before makes someone of ``gender`` other than its speaker a subject
    (``Mr. Denham muttered something``): then a pronoun may well be theirs."""
    prev = resolver.previous_paragraph
    subjects = {resolver.mention(m, prev) for m in prev.mentions if m.subject or m.clause_subject} if prev else set()
    return any(name and name != speaker and resolver.gender(name) is gender for name in subjects)


def vocative_excludes_speaker(resolver: Resolver, ctx: QuoteContext, m: Mention, speaker: str | None) -> str | None:
    """A pronoun tag never means the person the quotation addresses: in ``"Damn, Kakashi,"
    he drawls`` ``he`` is the other man present (the most recent one who is not Kakashi)."""
    if speaker is None or speaker not in vocatives(ctx):
        return speaker
    return pronoun_by_gender(resolver, m.gender, m.start, ctx.para, exclude={speaker, *named_later_in_clause(resolver, m, ctx.para)})


_KIND_RULE = {"name": "explicit_tag", "pronoun": "pronoun_tag", "description": "description_tag", "first_person": "first_person_tag", "second_person": "second_person_tag"}
_KIND_BEAT = {"name": "named_action_beat", "pronoun": "pronoun_action_beat", "description": "description_action_beat", "first_person": "first_person_action_beat", "second_person": "second_person_action_beat"}


_VOICE_SOURCE = letters.compile(r"[^.!?;\"“”‘’]*?\b(?:from|through|over|out\s+of)\s+(?:the|a|an|his|her|my|their|our)\s+(?:[a-z-]+\s+)?(?P<source>[a-z-]+)(?=\s*[,.;:!?—]|$)")


def voice_source(text: str, start: int, end: int) -> str | None:
    """The thing a named speaker's voice comes from, in the rest of the tag's sentence:
    ``said Tuesday, very softly, from the console.`` -> ``console`` (so a later ``said the
    console`` is Tuesday: the text itself made the console her voice). Never a person noun.

    >>> t = '"Here," said Tuesday, very softly, from the console. "Good," said Idris from the top of the stairs.'
    >>> voice_source(t, 20, 52), voice_source(t, 71, len(t))
    ('console', None)
    """
    m = _VOICE_SOURCE.match(text, start, end)
    return m.group("source") if m and not is_person_noun(m.group("source")) else None


def explicit_tag(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A speech tag next to the quotation (after it, or before it) names the speaker by name,
    pronoun, description or ``I``: ``"Go," said Ino`` -> Ino (explicit_tag);
    ``"Go," she said`` -> the woman meant (pronoun_tag); ``"Go," the ANBU captain said``
    (description_tag); ``"Go," I said`` -> the narrator (first_person_tag). A thing a named
    voice came from speaks for that person (:func:`voice_source`): ``said Tuesday from the
    console`` ... ``"Thank you," said the console.`` -> Tuesday (description_tag). A
    description is not someone its quotation asks after or calls (:func:`named_in_quote`):
    ``"Is Tom there?" the man asked.`` is another man, or someone new, not Tom, the last
    man seen."""
    for finder in (tag_after_quote, tag_before_quote):
        m = finder(ctx)
        if m is not None:
            speaker = m.kind == "description" and resolver.voice_sources.get(m.head) or resolve_mention(resolver, ctx, m)
            if m.kind == "description" and speaker and not speaker.startswith("the ") and speaker in named_in_quote(ctx):
                named = frozenset(named_in_quote(ctx))  # "Is Tom there?" the man asked.: not Tom; another man, or someone new
                speaker = description_referent(resolver, replace(m, subject=True), ctx.para, named)
                speaker = speaker if speaker and speaker not in named else new_described(resolver, m)
            if speaker and m.kind == "name" and (source := voice_source(ctx.doc.text, m.end, _first_sentence_end(ctx.doc.text, (m.end, ctx.para.end)))):
                resolver.voice_sources[source] = speaker
            if speaker:
                rule = _KIND_RULE[m.kind]
                return decided(speaker, rule)
    return None


_FULL_STOP = letters.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?…;]")  # "said Mrs. Hale, as" goes on


def split_quotation(resolver: Resolver, ctx: QuoteContext, previous: Decision | None) -> Decision | None:
    """The second half of a quotation split by its own tag is the same speaker's, whatever
    else the one sentence between says: ``"Oh, Tom," exclaimed Mrs. Hale, as he finished,
    "I had just written."`` -> Mrs. Hale (``he finished`` is not a new tag). A name or
    description that tags the second half itself still wins (``"A," said Tom, and Ann
    answered, "B."``; ``"Yes," Dec said, just as I said, "No."`` -> the narrator), unless it
    only might have (``"You came," said Anne, and then, before Harriet could answer, "Show
    her the lamp."`` -> Anne)."""
    if ctx.order == 0 or previous is None or previous.rule not in TAG_RULES:
        return None
    start, end = ctx.before
    if _FULL_STOP.search(ctx.doc.text, start, end) or previous.speaker in vocatives(ctx):
        return None
    tag = tag_after_quote(quote_context(ctx.doc, ctx.para.quotes[ctx.order - 1]))
    if tag is None or not start <= tag.start < end:
        return None
    own = tag_before_quote(ctx)
    if own is not None and own.start != tag.start and own.kind in ("name", "description", *TELLING_KINDS) and not _unrealised(ctx.doc.text, own):
        return None  # not "before Harriet could answer": she does not
    return previous


TAG_RULES = frozenset(_KIND_RULE.values())
BEAT_RULES = frozenset(_KIND_BEAT.values())


def announced_by_previous_paragraph(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A quotation opening a paragraph, after one whose narration ended on a speech verb, is
    the announced speaker's: ``He said:`` / ``"I have a view."`` -> him; ``She reached up
    to whisper in his ear.`` / ``"Even that mole is cute!"`` -> her."""
    speaker = resolver.conversation.announced
    if speaker is None or ctx.before[1] > ctx.before[0] and ctx.doc.text[ctx.before[0]:ctx.before[1]].strip():
        return None
    if speaker in named_in_quote(ctx):
        return None
    return decided(speaker, "announced_by_previous_paragraph")


def named_action_beat(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """No tag, but the paragraph's narration next to the quotation has a subject who acts:
    ``Kakashi sighed. "Fine."`` -> Kakashi (named_action_beat); ``He sighed. "Fine."`` ->
    pronoun_action_beat. A person the quotation addresses by name is never its speaker."""
    m = action_beat(ctx)
    if m is None:
        return None
    speaker = resolve_mention(resolver, ctx, m)
    if not speaker or speaker in named_in_quote(ctx):
        return None
    rule = _KIND_BEAT[m.kind]
    return decided(speaker, rule)


# ------------------------------------------------------------------------------ vocatives
# only the interjection ignores case: a name must be capitalised (``"It’s Gai, isn’t it"`` names nobody)
# a word an apostrophe opens after the opening mark is a dialect's clipped word (``“‘Ello, Harry``), no name
_VOCATIVE_START = letters.compile(r"^\W*(?:(?:(?i:hey|oh|well|yes|no|listen|look|please|thanks|thank you|sorry|good morning|hello|hi|dear|my dear)|(?<=^[\"“]['‘’])[A-Z][a-z]*),?\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?)\s*(?:,|!|\?|\.\W*$|…)")
_NAME_CUT_OFF = letters.compile(r"^\W*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?)\s*(?:—|–|--)\W*$")
"""A quotation that is a name and a dash, cut off (``"Oren—"``): the speaker began to speak to
that person, or to stop them."""
_VOCATIVE_END = letters.compile(r",\s*((?:my\s+dear\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?)\s*[.!?…—-]*\W*$")
# a rank said alone calls (``"Cheers, Prof. See you."``, ``"Good one, Rev. Really."``); written short
# before a name it does not (``, Capt. Rhys,``; ``Thanks, Capt. Rhys.``: ``then``, read by _address_phrases)
_AFTER_RANK = "(?:%s)" % "|".join(rf"(?<=\b{short.capitalize()}\.)" for short in sorted(SAID_ALONE_RANKS))
_RANK_BEFORE_NAME = rf"(?!{_AFTER_RANK}\s+[A-Z][\w'’-]*(?:[,;]|\s+[A-Z]))(?:{_AFTER_RANK}(?=\s+(?P<then>[A-Z][\w'’-]*)[.!?…]))?"
_VOCATIVE_MID = letters.compile(rf",\s+({TITLE_BEFORE_NAME}?[A-Z][\w'’-]*(?:-[a-z]+)?){NOT_AFTER_BOUND_TITLE}[.!?]{_RANK_BEFORE_NAME}\s")
# what follows a name called inside a sentence: a lower-case word or ``I`` (``Rupert, I swear``), not a
# parenthetical ``I think,`` (``Wendell, I think, is late``: the name is the subject, no one is called)
_AFTER_CALL = r"(?:[a-z]|I\b(?!\s+[a-z]+,)|I['’])"
_VOCATIVE_INNER = letters.compile(rf"\b([a-z]+),\s+({TITLE_BEFORE_NAME}?[A-Z][\w'’-]*),\s+(?!(?:and|or|nor)\b){_AFTER_CALL}")


def vocatives(ctx: QuoteContext) -> list[str]:
    """People addressed by name inside the quotation: ``"Kakashi, listen"``, ``"Go home, Ino."``.

    They are not its speaker, and usually answer next; a name echoed back
    (:func:`echoed_name`) calls nobody, nor does a name asked back (:func:`echoed_question`),
    nor one inside words the quotation repeats (:func:`without_embedded_quotations`).
    """
    if echoed_name(ctx):
        return []
    echo = echoed_question(ctx)
    return narrator_addressed(ctx.doc, [n for n in vocatives_in(ctx.doc, ctx.segment.text) if not echo or n not in _names_in(ctx.doc, echo)])


_NAME_QUESTION_OPENS = letters.compile(r"^[\"“‘']*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\?(?=\s+\S)")
_NEXT_SENTENCE = letters.compile(r"[^.!?…]*")


def echoed_question(ctx: QuoteContext) -> str | None:
    """A name asked back at the opening of a quotation, which the quotation before it spoke of
    without calling: ``"Hale said he'd seen them."`` / ``"Hale? And her ladyship?"`` -> Hale, a
    name repeated in surprise, not a call (not ``"Come here, Hale."`` / ``"Hale? He's gone."``,
    nor a name nobody said before, ``"Tam? You awake?"``). Calling someone just spoken of is
    no echo: :func:`calls_the_one_asked_back`.
    """
    m = _NAME_QUESTION_OPENS.match(ctx.segment.text)
    previous = _previous_quotation(ctx) if m else None
    if previous is None or not re.search(rf"\b{re.escape(m.group(1))}\b", previous.text) or calls_the_one_asked_back(ctx, m):
        return None
    called = {w for phrase in address_phrases(previous.text) for w in phrase.split()}
    return None if set(m.group(1).split()) & called else m.group(1)


_GREETING_WORDS = "hey|hi|hello|oi|psst"
_GREETS = letters.compile(rf"\b(?:{_GREETING_WORDS})\b", re.IGNORECASE)
_CALLED_OUT = letters.compile(r"\s*(?:[\w'’.-]+\s+){0,2}?(?:called|calls|shouted|shouts|yelled|yells|hollered|hollers)\b", re.IGNORECASE)


def calls_the_one_asked_back(ctx: QuoteContext, m: re.Match[str]) -> bool:
    """Whether a quotation opening on a name asked (``m``) speaks to that person: a greeting in
    the next sentence, the name called again, or a tag of calling out (``"Tam? You awake?" Jory
    called.``) -- not a ``you`` alone, which after a name asked back speaks to the one who named
    it (``"Tam? Are you sure?" Mara asked.``).

    >>> [_GREETS.search(q) is not None for q in ("Hey, you up?", "Are you sure?")]
    [True, False]
    """
    quote = ctx.segment.text
    names = set(m.group(1).split())
    if _GREETS.search(_NEXT_SENTENCE.match(quote, m.end()).group()) or _CALLED_OUT.match(ctx.doc.text, ctx.after[0]):
        return True
    return sum(bool(names & set(p.rstrip(".!?…").split())) for p in address_phrases(quote)) > 1


_VOCATIVE_LATER_START = letters.compile(rf"[.!?…]\s+({TITLE_BEFORE_NAME}?[A-Z][\w'’-]*),\s+(?!(?:and|or|nor)\b){_AFTER_CALL}")


def turned_to(ctx: QuoteContext) -> list[str]:
    """People a quotation turns to by name in a later sentence, set off by a comma: ``"I have
    manners! Ren, tell her."``, ``"Call surgery. Dr. Amadi, you'll come with me."`` -- the
    one turned to answers next, though the sentences before may answer someone else (so
    these are not :func:`vocatives`, which also say whom a quotation replies to); the word
    after the comma may be ``I`` (``"It keeps. Julian, I do this every year."``); not a list
    (``"Ren, Sora and I went."``) nor a subject before a parenthetical (``"Wendell, I think, is late."``).

    >>> [m.group(1) for q in ("It keeps. Julian, I do this.", "It keeps. Ren, Sora and I went.", "Wait. Wendell, I think, is late.") for m in _VOCATIVE_LATER_START.finditer(q)]
    ['Julian']
    """
    phrases = [m.group(1) for m in _VOCATIVE_LATER_START.finditer(without_embedded_quotations(ctx.segment.text)) if is_address_phrase(m.group(1))]
    return narrator_addressed(ctx.doc, [n for phrase in phrases for n in _names_in(ctx.doc, phrase)])


_NAME_RUN = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*"
_SUMMONS = letters.compile(
    rf"\bcalls\s+({_NAME_RUN})(?:\s+to\s+the\s+(?:stand|witness\s+(?:stand|box)|front))?\s*[.!,]"
    rf"|(?:^|[.!?]\s+)({_NAME_RUN}),?\s+to\s+the\s+(?:stand|witness\s+(?:stand|box)|front)\b")


def summoned(ctx: QuoteContext) -> list[str]:
    """People a quotation calls forward to be questioned: ``"The prosecution calls Dr. Reyes."``,
    ``"Mr. Finch to the stand!"`` -- the one summoned answers the questions that follow (not
    ``"You called your brother before me."``, nor ``"We should call Sarah."``: a phone call).

    >>> [bool(_SUMMONS.search(q)) for q in ("The Crown calls Edith Marsh, keeper of the inn.", "Edith Marsh, to the stand!", "You called your brother before me.", "We should call Sarah.")]
    [True, True, False, False]
    """
    return [n for m in _SUMMONS.finditer(ctx.segment.text) for n in _names_in(ctx.doc, m.group(1) or m.group(2))]


_BARE_NAME = letters.compile(r"^[\"“‘']*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}?)[.?…,]*[\"”’'\s]*$")  # "Tull!" calls


def echoed_name(ctx: QuoteContext) -> str | None:
    """A quotation that is only a name the quotation before it used, said back: ``"Thank you,
    Gran."`` / ``"Gran." Her mouth twitched.``, ``"I'm telling Lindqvist."`` / ``"Lindqvist."``
    -> the name (a word repeated, in surprise or to weigh it, not a call); not a repeated call
    (``"Tom?"`` / ``"Tom?"``), nor one cried out (``"I'm Ambrose Tull."`` / ``"Tull!"``).

    Scenes: tests/test_attribute_rules.py.
    """
    m = _BARE_NAME.match(ctx.segment.text)
    previous = _previous_quotation(ctx) if m else None
    if previous is None or _BARE_NAME.match(previous.text):
        return None
    name = m.group(1).rstrip(".")
    return name if re.search(rf"\b{re.escape(name)}\b", previous.text) else None


def narrator_addressed(doc: Document, names: list[str]) -> list[str]:
    """A name of the first-person narrator addressed in a quotation addresses ``I``: in
    ``"Wren! WREN! Left!"`` (Wren being what others call the narrator) the narrator is the
    listener, never the speaker, so ``I`` joins the people addressed (first: ``I`` answers).
    """
    if not doc.narrator_names or not any(n in doc.narrator_names for n in names):
        return names
    return [FIRST_PERSON_NAME, *(n for n in names if n != FIRST_PERSON_NAME)]


_SELF_NAMING_BEFORE = letters.compile(r"(?:\bI am|\bI['’]m|\bname is|\bname['’]s|\bcall me|\bthis is)\s*$", re.IGNORECASE)


_TO_CALLEE = letters.compile(r"\s+to\s+[A-Z][\w'’-]*(?=\s*[,.!?:;—-]|\s+(?:over|this\s+is|come\s+in|do\s+you)\b|\s*[\"”’']?\s*$)")
_NAME_TO_NAME = letters.compile(r"\b[A-Z][\w'’-]*\s+to\s+[A-Z]")


def calls_out_as(quote: str, run: NameRun) -> bool:
    """Whether the name opening a quotation is the caller's in radio procedure, caller ``to``
    callee: ``"Ferreira to Ops. Deny it."``, ``"Hornet to Nightjar, you're clear."`` -- the
    speaker's own call sign, not a name the line speaks to (``"Go to Ops"``: no name opens it).
    The callee is one word, and the line makes no second such pair: ``"Mara to Records, Tom to
    Docks."`` and ``"Harry to Grimmauld Place."`` send people, they call no one.

    >>> [calls_out_as(q, runs_of(q)[0]) for q in ('"Hornet to Nightjar, you are clear."', '"Hornet, to the left!"', '"Mara to Records, Tom to Docks."', '"Harry to Grimmauld Place."')]
    [True, False, False, False]
    """
    return _TO_CALLEE.match(quote, run.end) is not None and len(_NAME_TO_NAME.findall(quote)) == 1


_SELF_PRESENTED = letters.compile(r"^\W*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\.\s+(?:I\b|I['’]|[A-Z][a-z]+\s+[a-z]+\.)")


def presents_oneself(quote: str) -> bool:
    """A quotation that opens on a name and a full stop, then speaks in the first person or
    gives a two-word title, presents its speaker: ``"Noor. Best friend. I've heard a lot
    about you."``, ``"Hale. I run the night desk."``; not a call (``"Noor. Come here."``),
    nor ``"Sol. Yeah. Collects people."``.

    >>> [presents_oneself(q) for q in ('"Noor. Best friend."', '"Hale. I run the desk."', '"Noor. Come here."', '"Sol. Yeah. Collects people."')]
    [True, True, False, False]
    """
    return bool(_SELF_PRESENTED.match(quote)) and not called_before_full_stop(quote)


def named_in_quote(ctx: QuoteContext) -> list[str]:
    """People a quotation speaks of or to by name: its speaker is none of them
    (``"Congratulations on having Tsunade teach you."`` is not Tsunade's), unless the speaker
    names themselves (``"I am Brother Cole."``); a name inside words the quotation repeats
    is not counted (``"He said, ‘Go home, Mara.’"`` may be Mara's).

    Scenes: tests/test_attribute_rules.py. Read once per quotation context (the conversation
    rules each ask it).
    """
    if ctx.named is None:
        ctx.named = _named_in_quote(ctx)
    return ctx.named


def _named_in_quote(ctx: QuoteContext) -> list[str]:
    text = ctx.segment.text
    if (echo := echoed_name(ctx)) and (previous := _previous_quotation(ctx)) and echo in address_phrases(previous.text):
        return []  # "Thank you, Gran." / "Gran.": said back by the one it called
    found = [n for n in vocatives(ctx) if n != self_named_on_request(ctx)]
    for run in runs_of(without_embedded_quotations(text)):
        if _SELF_NAMING_BEFORE.search(text[:run.start]) or not any(c.isalnum() for c in text[:run.start]) and (presents_oneself(text) or calls_out_as(text, run)):
            continue
        person = ctx.doc.roster.resolve(run)
        if person and person.name not in found:
            found.append(person.name)
    found.extend(n for n in addressed_by_rank(ctx.doc, text) if n not in found)
    found.extend(n for n in reader_named(ctx.doc, text) if n not in found)
    found.extend(n for n in reader_told(ctx) if n not in found)
    return narrator_addressed(ctx.doc, found)


def reader_named(doc: Document, quote: str) -> list[str]:
    """In a story told to you, a quotation that writes the reader's placeholder speaks to or
    of ``you``, who is not its speaker: ``"The famous Y/N."`` -> [you]; not one where the
    placeholder follows a self-naming (``"Hi. I'm Y/N."``: the reader introducing themself)."""
    if not told_to_you(doc) or not writes_reader_placeholder(quote):
        return []
    return [] if _SELF_NAMED_READER.search(quote) else [FIRST_PERSON_NAME]


_SELF_NAMED_READER = letters.compile(r"(?:\bI am|\bI['’]m|\bname is|\bname['’]s|\bcall me)\s*[(\[]?[YyFf]/[Nn]\b")


_TAG_TO_YOU = letters.compile(r"[\s,]*(?:\w+\s+){1,3}?(\w+)\s+you\b")


def reader_told(ctx: QuoteContext) -> list[str]:
    """In a story told to you, a quotation whose tag is said to ``you`` (``"Welcome," he tells
    you``, ``"Drink?" the barman asks you``) is spoken to the reader, who is not its speaker,
    even where the tag's subject is someone the text has not made clear.

    >>> [bool(m) and m.group(1) for m in (_TAG_TO_YOU.match(" he tells you."), _TAG_TO_YOU.match(" the barman asks you"), _TAG_TO_YOU.match(" you say"))]
    ['tells', 'asks', False]
    """
    if not told_to_you(ctx.doc):
        return []
    tag = _TAG_TO_YOU.match(ctx.doc.text, ctx.after[0], ctx.after[1])
    return [FIRST_PERSON_NAME] if tag and tag.group(1).lower() in SPEECH_VERBS else []


def reader_called(doc: Document, quote: str) -> list[str]:
    """In a story told to you, a quotation calling the reader's placeholder addresses ``you``:
    ``"Y/N, this is Theo."`` -> [you], who answers next like anyone called by name."""
    return [FIRST_PERSON_NAME] if told_to_you(doc) and calls_reader_placeholder(quote) else []


def vocatives_in(doc: Document, quote: str) -> list[str]:
    found = []
    for phrase in address_phrases(quote):
        found.extend(n for n in _names_in(doc, phrase) if n not in found)
    found.extend(n for n in honorific_vocatives(doc, quote) if n not in found)
    found.extend(n for n in reader_called(doc, quote) if n not in found)
    return found


def turn_calls(quote: str) -> list[str]:
    """Calls that say only who is spoken to, and so who answers next: a name opening a
    quotation before a question or a ``please`` (:func:`.characters.called_before_question`),
    and a name cut off by a dash (``"Oren—"``). Read for the turns alone
    (:func:`called_in_turn`): no pass that finds or joins names counts them, since a call
    heard once by a name the story has not joined to its bearer would make that name a voice of
    its own, or another's name.

    >>> turn_calls('"Oren. Where did we leave the canoe?"'), turn_calls('"Oren—"'), turn_calls('"I—"'), turn_calls('"Oren, I—"')
    (['Oren'], ['Oren'], [], [])
    """
    cut_off = _NAME_CUT_OFF.match(quote)
    return called_before_question(quote) + ([cut_off.group(1)] if cut_off and is_address_phrase(cut_off.group(1)) else [])


def called_in_turn(ctx: QuoteContext) -> list[str]:
    """The people :func:`turn_calls` finds a quotation calling, by the roster's names."""
    found: list[str] = []
    for phrase in turn_calls(ctx.segment.text):
        found.extend(n for n in _names_in(ctx.doc, phrase) if n not in found)
    return narrator_addressed(ctx.doc, found)


def calls_in_the_room(doc: Document, quote: str) -> list[str]:
    """The names a quotation calls someone beside the speaker by (:func:`vocatives_in`): none
    on the radio, where a line in radio procedure (:func:`is_radio_procedure`) calls the
    station at the other end of the channel (``"Harbour Control, Harbour Control, this is Silver
    Gull, over."``, ``"Base, we're at the ridge. Over."``), as does a line giving as its
    caller a call sign the story joined to its user (``"Copy, Base. Thanks, Morag. Aric One
    out."``), so a radio call names no narrator and no newcomer the narration has just
    described.
    """
    radio = is_radio_procedure(quote) or bool(doc.call_signs) and any(caller in doc.call_signs for _, caller in radio_calls(quote))
    return [] if radio else vocatives_in(doc, quote)


def address_phrases(quote: str) -> list[str]:
    """The capitalised phrases a quotation calls someone by, known to the roster or not: at its
    start, at its end, or closing a sentence after a comma.

    >>> address_phrases('"Jane, sit down. Stay there, Miss Eyre."'), address_phrases('"On the paper, Nell. Keep up."')
    (['Jane', 'Miss Eyre'], ['Nell'])
    >>> address_phrases('"It is gone, Mr. Hale. All of it."')
    ['Mr. Hale']

    A title's full stop ends no sentence: ``"The cook, Mrs. Hale, said so."`` calls no one.

    >>> address_phrases('"The cook, Mrs. Hale, said so."')
    []
    """
    return list(_address_phrases(quote))


@lru_cache(maxsize=16384)
def _address_phrases(quote: str) -> tuple[str, ...]:
    """:func:`address_phrases`, remembered: the rules ask it of the same quotation many times."""
    quote = without_embedded_quotations(quote)
    phrases = [m.group(1) for pattern in (_VOCATIVE_START, _VOCATIVE_END) if (m := pattern.search(quote)) and is_address_phrase(m.group(1))]
    phrases += [m.group(1) for m in _VOCATIVE_MID.finditer(quote) if not (m.group("then") and is_name_word(m.group("then")))]  # "It's on the paper, Nell. I can't..."
    return tuple(phrases + called_before_full_stop(quote) + called_after_full_stop(quote) + inner_vocatives(quote))


_EMBEDDED = letters.compile(r"“[^“”]*”|(?<![\w’'])‘[^‘]*?’(?!\w)|(?<![\w'’])'(?=\w)(?:[^'\n]|(?<=\w)'(?=\w))*?(?<=[\w.,!?…—-])'(?!\w)")
_INTRODUCES_WORDS = letters.compile(rf"(?:[,:]|\b(?:{'|'.join(sorted(SPEECH_VERBS | {'like', 'go', 'goes', 'went'}, key=len, reverse=True))}))\s*$", re.IGNORECASE)
_INTRODUCER_REACH = 20  # a speech verb and the spaces after it: where the words it introduces begin
_ELISION_OPENS = letters.compile(r"['‘’](?:em|im|ere|cause|tis|twas|til|bout|round)\b", re.IGNORECASE)
"""A word clipped at its front (``‘em``, ``’ere``, ``’cause``, ``’Tis``): the mark is an apostrophe, never an opening quote.
Not segmentation's ``ELIDED_WORDS``, on purpose: that list is read in lower case only, and this
one in any case (a stretch opens on ``’Tis``); its longer list would read ``‘Alf`` or ``‘Kay``,
names as often as clipped words, as a dialect's mark here. Sharing it moved no line (round 39d)."""
_CLIPPED_CLOSE = letters.compile(r"(?:\Bin|\ban|\bo|\bth)['’]$")
"""A word clipped at its end (``waitin’``, ``an’``, ``o’``, ``th’``): the closing mark is an apostrophe."""


@lru_cache(maxsize=16384)
def without_embedded_quotations(quote: str) -> str:
    """The quotation with the quotations it repeats blanked out: a name called in words someone
    else said (``"Then he said, ‘Keep to your room, Miss Hale.’"``) calls nobody in the talk
    now, so the one named is not the listener, and may well be the speaker.

    >>> address_phrases("“He said, ‘Keep to your room, Miss Hale.’ I did.”"), address_phrases("‘He said, “Stay, Tom.”’")
    ([], [])
    >>> address_phrases("“You are supposed to say 'no, Tom, of course not'.”"), address_phrases("“Don’t go, Tom’s waiting, Mara.”")
    ([], ['Mara.'])
    >>> address_phrases("“And he says, 'Aye, Tom. Don't you fret.'”")  # a repeated line's own apostrophes
    []

    Single quotation marks are also apostrophes: a single-quoted stretch is words repeated
    (said, written: ``The top reads ‘Happy birthday, Tom.’``; one word: ``Don’t ‘Tom’ me.``)
    unless it opens or closes on a clipped word, the marks of a dialect's dropped letters
    (``‘Ello, Tom, I’ve been waitin’ ages.``, ``‘Ello, Tom, an’ how are yeh?``, ``I told ‘em,
    Tom, I’m goin’.``; see ``_dialect_marks``).

    >>> address_phrases("“‘Ello, Tom, I’ve been waitin’ ages.”"), address_phrases("“’Tis you, Tom, come in, I was expectin’ you.”")
    (['Tom'], ['Tom'])
    >>> address_phrases("“‘Ello, Tom, an’ how are yeh?”"), address_phrases("“I told ‘em, Tom, I’m not goin’.”")
    (['Tom'], ['Tom'])
    """
    start = 1 if quote[:1] in "“\"'‘" else 0
    end = len(quote) - 1 if len(quote) > start and quote[-1] in "”\"'’" else len(quote)
    inner = quote[start:end]
    return quote[:start] + _EMBEDDED.sub(lambda m: _blank_repeated(inner, m), inner) + quote[end:]


def _blank_repeated(inner: str, m: re.Match[str]) -> str:
    """The repeated words ``m`` blanked, or kept where single marks are only apostrophes."""
    return m.group() if m.group()[0] != "“" and _dialect_marks(inner, m) else " " * len(m.group())


def _dialect_marks(inner: str, m: re.Match[str]) -> bool:
    """Whether a single-quoted stretch's marks are a dialect's dropped letters: it closes on a
    clipped word (``waitin’``, ``an’``), or opens on one (``‘em``, ``’Tis``) or ends a lower-case
    word with the sentence going on (``the twins’ pony``) and is not words a speech verb, a
    comma or a colon leads into that run to the quotation's end (``He said, 'Round the back.'``).
    Written words are repeated words: ``The banner read ‘Welcome home, Tom!’``.

    >>> t = "The card read ‘Love always, Tom.’"; _dialect_marks(t, _EMBEDDED.search(t))
    False
    >>> t = "‘Ello, Tom, an’ how are yeh?"; _dialect_marks(t, _EMBEDDED.search(t))
    True
    """
    stretch, after = m.group(), inner[m.end():]
    if _CLIPPED_CLOSE.search(stretch):
        return True
    if _INTRODUCES_WORDS.search(inner, max(0, m.start() - _INTRODUCER_REACH), m.start()) and not any(c.isalpha() for c in after):
        return False
    goes_on = " " in stretch and stretch[-2:-1].islower() and any(c.isalpha() for c in after)  # not one word: ``Don’t ‘Tom’ me``
    return bool(_ELISION_OPENS.match(stretch)) or goes_on


_NOT_A_TITLES_STOP = not_after_titles(SHORT_TITLES, r"\.")  # after the stop: cheap class first
_CLOSING_NAME = letters.compile(rf"[.!?…*]{_NOT_A_TITLES_STOP}\s+((?:{TITLE_BEFORE_NAME}|(?:Master|Mistress)\s+)?[A-Z][\w'’-]*)[.!?]\W*$")
_SPEAKS_TO = letters.compile(rf"\b(?:you|your|yours|yourself|{_GREETING_WORDS})\b", re.IGNORECASE)


def called_after_full_stop(quote: str) -> list[str]:
    """A quotation that speaks to someone (``you``, a greeting) and closes on a name as a
    sentence of its own calls that person, who answers next: ``"Keep your eyes on the road.
    Mara."``, ``"Hey. Mara."``; not a
    name that closes a quotation speaking to nobody (``"The one who lied was Tom. Tom."``).

    >>> called_after_full_stop('"Then listen, because you get one try. Mara."'), called_after_full_stop('"It was him all along. Tom."')
    (['Mara'], [])

    A title's full stop ends no sentence: ``"Did you tell Mr. Hale?"`` asks about Mr. Hale, it
    does not call him.

    >>> called_after_full_stop('"Did you tell Mr. Hale?"'), called_after_full_stop('"You heard me. Mr. Hale?"')
    ([], ['Mr. Hale'])
    """
    m = _CLOSING_NAME.search(quote)
    return [m.group(1)] if m and _SPEAKS_TO.search(quote, 0, m.start()) else []


def inner_vocatives(quote: str) -> list[str]:
    """Names set off by commas inside a sentence, after a lower-case word and before one:
    ``"Come with me, Gilbert, for ..."``, ``"It is your best work, Basil, the best ..."``;
    not a list (``Tom, Dick, and Harry``) nor an apposition after a person noun (``my
    brother, Edmund, came``); the word after may be ``I`` (``"It is yours, Rupert, I swear."``),
    but not a parenthetical ``I believe,`` after the subject (``what, Wendell, I believe, wants``).

    >>> inner_vocatives('"Come with me, Gilbert, for I want you."'), inner_vocatives('"I saw my brother, Edmund, at the ball."')
    (['Gilbert'], [])
    >>> inner_vocatives('"Ask them, Tom, Dick, and Harry."'), inner_vocatives('"It is yours, Rupert, I swear."')
    ([], ['Rupert'])
    >>> inner_vocatives('"I know it is, Chef, I was there."'), inner_vocatives('"You know what, Wendell, I believe, wants the left."')
    (['Chef'], [])
    """
    return [m.group(2) for m in _VOCATIVE_INNER.finditer(quote) if not is_person_noun(m.group(1))]


def honorific_vocatives(doc: Document, quote: str) -> list[str]:
    """A bare honorific used as a name addresses the one character who bears it:
    ``"Why, sensei?"`` addresses the only ``X-sensei`` of the story. A sibling's word
    (``"Hyung, wait!"``, :data:`~ficaudio.attribute.lexicon.SIBLING_HONORIFICS`) is said to
    whichever older friend is there: it addresses no one bearer (where the narration names
    someone so, the roster knows the word as that person's name).

    """
    return [p.name for p in doc.roster.honorifics_called(quote)]


def is_address_phrase(phrase: str) -> bool:
    """Whether a capitalised phrase before a comma can be a form of address: every word a
    name or a title (``Kakashi-sensei``, ``Mr. Bennet``), not ``It’s Gai`` or ``Why``, and
    not a possessive (``"Mr. Drury’s, sir."`` answers whose voice it was), nor a name owning
    the words after it (``"Miller’s Bridge?"`` asks about a place).

    >>> is_address_phrase("Kakashi-sensei"), is_address_phrase("It’s Gai"), is_address_phrase("my dear Ino")
    (True, False, True)
    >>> is_address_phrase("Mr. Drury’s"), is_address_phrase("Miller’s Bridge")
    (False, False)
    """
    ws = [w for w in phrase.split() if w.lower() not in ("my", "dear")]
    return (bool(ws) and all(is_name_word(w) or w.lower().rstrip(".") in TITLES for w in ws)
            and not any(w.endswith(("'s", "’s")) for w in ws))


def _names_in(doc: Document, phrase: str) -> list[str]:
    names = []
    for run in runs_of(phrase):
        person = doc.roster.resolve(run)
        if person:
            names.append(person.name)
    return names


# ------------------------------------------------------------------------ asked who they are
_IDENTIFY_REQUEST = letters.compile(
    r"\b(?:who(?:['’]s| is| are| am)\s+(?:you|we|(?:there|this|that|it)(?:\s+(?:speaking|calling|talking)(?:\s+(?:to|with))?)?"
    r"|i\s+(?:speaking|talking)\s+(?:to|with)|speaking|calling|asking)(?:,[^?]*)?\s*\?|identify (?:yourself|yourselves)|(?:your|the) name\b[^.!]*[?])"
    r"|(?:^|[.!?]\s|[—–]|--)\W*\band you(?:\s+are)?\s*(?:[—–]|--|\.\.\.|…)+\s*\??\W*$", re.IGNORECASE
)
_INTRODUCED_AND_YOU = letters.compile(  # "I'm Teo, and you--": a name given, the turn handed over
    r"\b(?:I['’]m|I am|[Mm]y name['’]s|[Mm]y name is|[Nn]ame['’]s)\s+[A-Z][^,.!?]*,\s*and you(?:\s+are)?\s*(?:[—–]|--|\.\.\.|…)+\s*\??\W*$"
)
_LEADING_CAPITALS = letters.compile(r"^\W*(?:[A-Z][\w'’.-]*\s+)*$")


def self_named_on_request(ctx: QuoteContext, asker: str | None = None) -> str | None:
    """Asked who they are, a speaker answers with their own name: ``"Who am I speaking to?"``
    / ``"Chief Engineer Brann. The only one left."`` -> Brann; ``"Identify yourselves."`` /
    ``"Captain Ilse Vess, freighter Heron."`` -> Vess; ``"And you are--?"`` or a sentence broken
    off at ``"And you--"`` / ``"Agatha."`` -> Agatha; not a question of who does something
    (``"Who's going to die?"`` / ``"Suki."``, ``"Who are you calling a coward?"``, ``"Who is
    it for?"``), nor a line trailing off (``"Just me and you--"``). The name opens the answer
    (titles before it only) and ends its phrase; it is the speaker, not someone addressed, and
    not the ``asker`` (who said the request, where a tag says so).

    >>> [bool(_IDENTIFY_REQUEST.search(q)) for q in ("Who am I speaking to?", "Who are you, then?", "Who's there?", "And you are—?", "“And you—”", "Teo will show you up. And you—", "Who is this about?", "Who are you calling a coward?", "Who are you talking to?", "And you—you were there?")]
    [True, True, True, True, True, True, False, False, False, False]
    >>> [bool(_IDENTIFY_REQUEST.search(q)) for q in ("It was always going to be me and you—", "Thank you, and you...", "Me and you…", "Stand and you—", "Stand-and you—")]
    [False, False, False, False, False]
    >>> [_asks_who(q) for q in ("I'm Teo, and you—", "My name's Teo, and you are...?", "Thank you, and you...", "It was me and you—")]
    [True, True, False, False]

    Scenes: tests/test_attribute_rules.py.
    """
    asked = _previous_quotation(ctx)
    if asked is None or not _asks_who(asked.text):
        return None
    text = ctx.segment.text
    runs = name_runs(words(text), text)
    if not runs or not _LEADING_CAPITALS.match(text[:runs[0].start]) or not re.match(r"\s*[,.]", text[runs[0].end:]):
        return None
    person = ctx.doc.roster.resolve(runs[0])
    return person.name if person and person.name != asker else None


def _asks_who(quotation: str) -> bool:
    """Whether a quotation asks who someone is (:data:`_IDENTIFY_REQUEST`), or gives its
    speaker's name and hands the turn over: ``"I'm Teo, and you--"``."""
    return bool(_IDENTIFY_REQUEST.search(quotation) or _INTRODUCED_AND_YOU.search(quotation))


_BARE_NAME_STOP = letters.compile(r"^\W*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\.\W*$")


def names_in_answer(ctx: QuoteContext) -> bool:
    """A quotation that is only a name and a full stop, right after a question, answers it
    with the name of someone spoken of: ``"What is his name?"`` / ``"Bingley."`` calls
    nobody, so Bingley does not answer next.

    Scenes: tests/test_attribute_rules.py.
    """
    asked = _previous_quotation(ctx)
    return bool(_BARE_NAME_STOP.match(ctx.segment.text)) and asked is not None and asked.text.rstrip("\"”’' ").endswith("?")


def _previous_quotation(ctx: QuoteContext) -> Segment | None:
    """The quotation said just before this one (narration between them is skipped)."""
    for seg in reversed(ctx.doc.segments[max(0, ctx.index - 4):ctx.index]):
        if seg.kind is SegmentKind.DIALOGUE:
            return seg
    return None


_NAME_WITH_AFFILIATION = letters.compile(
    r"(?:^[\"“‘']*|[.!?]\s+)([A-Z][\w'’-]+\s+[A-Z][\w'’-]+),\s+([A-Z][\w'’&-]*)(?:\s+[\w'’&-]+){0,3}\.(?:\s|[\"”’']*$)")


_RADIO_SIGN_OFF = letters.compile(r"[,.!]\s+(?:over|out|over and out)[.,!]?[\"”’']*\s*$", re.IGNORECASE)
_PROCEDURE_WORD = r"(?i:roger|copy|copied|wilco|affirmative|acknowledged|over)\b"
# the words before "out" in an order: people ("all of you", "you two", "everyone"), one word
# opening the line that is no procedure word ("Kids", not "Roger"), a name called ("Rufus. Out!")
_ORDER_OUT = letters.compile(
    r"(?:\b(?i:you(?: two| three| all| guys| lot)?|all of you|every(?:one|body)|guys)|^[\"“‘']*(?!" + _PROCEDURE_WORD + r")[\w'’]+|,\s+[A-Z][\w'’]+)"
    r"[,.!]\s+(?i:out)\b")


def is_radio_procedure(quote: str) -> bool:
    """A line said in radio procedure: it hands the channel over or closes it (``..., over."``,
    ``..., out."``), and opens, if it opens on two names, on the station called and then the
    one calling (``"Silver Gull, Harbour Control."``).

    >>> [is_radio_procedure(q) for q in ("“Silver Gull, Harbour Control. Say again, over.”", "“Harbour Control, out.”", "“Get out.”", "“Ingrid Haugland, NRK.”")]
    [True, True, False, False]
    >>> is_radio_procedure("“Harbour Control, this is Silver Gull, over,”"), is_radio_procedure("“Get out,”")  # before its tag
    (True, False)

    An order to leave is no sign-off: the word before ``out`` is people (``"All of you, out."``,
    ``"Hey, you two, out."``), one word opening the line (``"Kids, out."``) or a name called
    (``"Hands up, Nessa. Out!"``); a procedure word (``"Roger, out."``, ``"..., over and
    out!"``) or a station (``"Eagle One, out!"``, ``"... Falmoor, out."``) signs off.

    >>> [is_radio_procedure(q) for q in ("“Kids, out.”", "“Nessa, out!”", "“Hands up, Nessa. Out!”", "“All of you, out.”", "“Hey, you two, out.”")]
    [False, False, False, False, False]
    >>> [is_radio_procedure(q) for q in ("“Every hour. Falmoor, out.”", "“Roger, out.”", "“Copy, out.”", "“Ridge Base, this is Eagle One, over and out!”", "“Eagle One, out!”")]
    [True, True, True, True, True]
    """
    return bool(_RADIO_SIGN_OFF.search(quote)) and not _ORDER_OUT.search(quote)


_STATION = r"[A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*){0,2}"
_STATIONS_OPENING = letters.compile(rf"^[\"“‘'*\W]*({_STATION}(?:,\s+(?:[Tt]his\s+is\s+)?{_STATION})+)\s*[,.!—]")
_STATION_SIGNING_OFF = letters.compile(rf"(?:^[\"“‘'*\W]*|[.!?]\s+)({_STATION}),?\s+(?:out|over)[.!]?[\"”’'*]*\s*$")
_QUOTE_OPENING = letters.compile(r"[\"“‘'*\W]*")


def radio_calls(quote: str) -> list[tuple[str | None, str]]:
    """The calls a line may make in radio procedure, each the station called (``None`` when
    none is) and the caller: procedure opens on the station called, then the caller
    (``"Aric Base, Aric Base, this is Aric One, over."``, ``"Conn, Sonar. New contact."``), and
    may sign off with the caller's own call sign (``"... Falmoor, out."``, ``"... Aric One
    out."``; not ``"Get out."``). Whether the names are stations is for the story to say
    (:func:`ficaudio.attribute.calls.join_call_signs_to_users`).

    >>> [radio_calls(q) for q in ('"Aric Base, Aric Base, this is Aric One, over."', '"Conn, Sonar, transient, aft!"', '"Copy, Base. Thanks. Aric One out."')]
    [[('Aric Base', 'Aric One')], [('Conn', 'Sonar')], [('Copy', 'Base'), (None, 'Aric One')]]
    >>> [radio_calls(q) for q in ('"Get out."', '"Hi. Where were you?"', '"Marsh, Marsh."', '"Every hour. Falmoor, out."')]
    [[], [], [], [(None, 'Falmoor')]]
    """
    calls: list[tuple[str | None, str]] = []
    if found := _STATIONS_OPENING.match(quote):
        parts = [re.sub(r"^[Tt]his\s+is\s+", "", p) for p in re.split(r",\s+", found.group(1))]
        if caller := next((p for p in parts[1:] if p != parts[0]), None):
            calls.append((parts[0], caller))
    signed = _STATION_SIGNING_OFF.search(quote)
    if signed and (is_radio_procedure(quote) or not _QUOTE_OPENING.fullmatch(quote, 0, signed.start(1))):
        calls.append((None, signed.group(1)))
    return calls


def self_named_with_affiliation(ctx: QuoteContext) -> str | None:
    """A sentence of a quotation that is a full name, a comma and whom it works for introduces
    its speaker, as on a phone or at a press conference: ``"Ingrid Haugland, NRK. Emil, ..."``,
    ``"Pip! Hiya! Marcus Vale, Northern Wave drivetime."`` -> that person, when both words are
    one name and whom it works for opens on a name word (not ``"Your Honour, I must protest."``,
    nor ``"Tom Riddle, I presume."``, nor ``"Ruth Adebayo! Best drummer in the North"``: calls).

    >>> [bool(_NAME_WITH_AFFILIATION.search(q)) for q in ("“Ingrid Haugland, NRK. Emil, well?”", "“Hi! Marcus Vale, Northern Wave drivetime. Hello.”", "“Ruth Adebayo! Best drummer.”", "“Marcus Vale, you are late.”")]
    [True, True, False, False]

    On the radio (a line that ends ``over`` or ``out``) the order is the call's: ``"Silver
    Gull, Harbour Control. Say again, over."`` is Harbour Control calling Silver Gull, so the
    first name is not the speaker's: :func:`is_radio_procedure`.
    """
    found = _NAME_WITH_AFFILIATION.search(ctx.segment.text)
    if not found or not is_name_word(found.group(2)) or is_radio_procedure(ctx.segment.text):
        return None  # the rare affiliation first, then the costlier radio test
    runs = name_runs(words(found.group(1)), found.group(1))
    person = ctx.doc.roster.resolve(runs[0]) if runs and runs[0].form == found.group(1) else None
    return person.name if person else None


def self_named_answer(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """The rule form of :func:`self_named_on_request` and :func:`self_named_with_affiliation`:
    the quotation's own name is its speaker -- not the one whose tagged line asked for it."""
    tagged = resolver.conversation.tagged_quote
    asked = _previous_quotation(ctx)
    asker = tagged[1] if tagged and asked is ctx.doc.segments[tagged[0]] else None
    name = self_named_on_request(ctx, asker) or self_named_with_affiliation(ctx)
    return decided(name, "self_named_answer") if name else None


# ------------------------------------------------------------------------------ roll calls
_OPENING_NAME = letters.compile(r"^\W*([A-Z][\w'’-]*)([,.])\s")
_CALLED = letters.compile(r"^\W*([A-Z][\w'’-]*)\?\W*$")


def roll_call_answer(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """An answer that opens with the name just called is its bearer reporting in:
    ``"Static?"`` / ``"Static, north wall."`` -> Static (not a call of Static); so is each of
    a run of bare answers that open on different people's names, one of them closed by a full
    stop (``"Static. Alive."`` / ``"Riptide. Fine."``; not ``"Tommy, old thing!"`` /
    ``"Tuppence, old bean!"``, two calls).

    Scenes: tests/test_attribute_rules.py.
    """
    opening = _opening_name(ctx)
    if opening is None or tag_after_quote(ctx) or tag_before_quote(ctx):
        return None
    person, stop = opening
    if resolver.conversation.turns and resolver.conversation.turns[-1] == person.name:
        return None  # ``"Just fine?"`` (Mum) / ``"Mum. It was fine."``: a call of the one who just spoke, not Mum reporting in
    previous = _neighbour_quotation(ctx, -1)
    called = previous is not None and (m := _CALLED.match(previous.segment.text)) and ctx.doc.roster.lookup(m.group(1)) is person
    if called or any(_reports_in_turn(other, person, stop) for other in (previous, _neighbour_quotation(ctx, 1))):
        return decided(person.name, "roll_call_answer")
    return None


def _reports_in_turn(other: QuoteContext | None, person: Person, stop: str) -> bool:
    """Whether a neighbouring bare answer opens on someone else's name, one of the two with a full stop."""
    opening = _opening_name(other) if other is not None else None
    return opening is not None and opening[0] is not person and "." in (stop, opening[1])


def _opening_name(ctx: QuoteContext) -> tuple[Person, str] | None:
    """The person whose name opens a quotation that is its paragraph's only text, and the mark after it."""
    m = _OPENING_NAME.match(ctx.segment.text)
    if not m or ctx.doc.text[ctx.para.start:ctx.para.end].strip() != ctx.segment.text.strip():
        return None
    person = ctx.doc.roster.lookup(m.group(1))
    return (person, m.group(2)) if person else None


def _neighbour_quotation(ctx: QuoteContext, step: int) -> QuoteContext | None:
    """The quotation just before (``step`` -1) or after (1) this one, with only narration between."""
    k = ctx.index + step
    while 0 <= k < len(ctx.doc.segments) and abs(k - ctx.index) <= 4:
        if ctx.doc.segments[k].kind is SegmentKind.DIALOGUE:
            return quote_context(ctx.doc, k)
        k += step
    return None


# ------------------------------------------------------------------------ anonymous voices
_NOT_A_SPEECH_VERB = "(?!(?:" + "|".join(map(re.escape, sorted(SPEECH_VERBS, key=len, reverse=True))) + r")\b)"
_ANONYMOUS = rf"(?P<who>some(?:body|one| one)\s+else|one\s+of\s+(?:them|us|those|these|the\s+[a-z-]+)|another(?:\s+{_NOT_A_SPEECH_VERB}[a-z-]+)?|one(?=[,.;:!?—]))"
_SEXES = frozenset({"female", "male"})
_ANONYMOUS_TAGS = (letters.compile(rf"[\s,—–-]*(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)(?:\s+[a-z]+ly)?,?\s+{_ANONYMOUS}", re.IGNORECASE),
                   letters.compile(rf"[\s,—–-]*{_ANONYMOUS}\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE))


def anonymous_voice(text: str, at: int) -> str | None:
    """The words for a speaker the tag does not identify, when the tag right after a quotation
    has one: ``"Won't you tell?" somebody else inquired`` -> ``somebody else``; ``said one of
    the colts``, ``said another``, ``cried another female``, ``said one, a mulatto``. Such a
    voice is someone new, not whoever was talking. A bare ``said someone`` is not: in fan
    fiction it is as often one of those present, unnamed for effect (measured: the fixtures
    lose a line that LitBank gains).

    >>> t = '"Go?" somebody else asked. "Two," said another. "No," said one of the colts.'
    >>> anonymous_voice(t, 5), anonymous_voice(t, 33), anonymous_voice(t, 53)
    ('somebody else', 'another', 'one of the colts')
    >>> anonymous_voice('"Go," said someone.', 5)
    >>> anonymous_voice('"Go," said one who knew.', 5), anonymous_voice('"Go," another day began.', 5), anonymous_voice('"Go," said another voice.', 5)
    (None, None, None)
    >>> anonymous_voice('"Go," another said quietly.', 5), anonymous_voice('"Go," cried another female.', 5)
    ('another', 'another female')
    """
    m = next((m for tag in _ANONYMOUS_TAGS if (m := tag.match(text, at)) and m.group("verb").lower() in SPEECH_VERBS), None)
    if m is None:
        return None
    who = m.group("who").lower()
    words_of = who.split()
    if words_of[0] == "another" and len(words_of) > 1 and (words_of[1] in VOICE_HEADS or not (is_person_noun(words_of[1]) or words_of[1] in _SEXES)):
        return "another" if _ADVERB.match(words_of[1]) else None  # "another voice": see unnamed_voice_end
    return who


def anonymous_tag(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A quotation tagged by a speaker the text does not identify (``somebody exclaimed``,
    ``said another``, ``said one of the colts``) is a new, unnamed person's, named by
    those words: not one of the people talking before it."""
    who = anonymous_voice(ctx.doc.text, ctx.after[0])
    if who is None:
        return None
    head = compound_head(who.rsplit(" ", 1)[-1])
    person = resolver.doc.roster.description_person(who, KIN_GENDER.get(head, Gender.UNKNOWN))
    resolver.add_person(person)
    return decided(person.name, "anonymous_tag")


# ------------------------------------------------------------------------------- groups
_GROUP = r"(?P<group>(?:all\s+)?the\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]+s|others|crowd|audience|class|company)|everyone|everybody|both\s+of\s+them)"
_GROUP_TAGS = (letters.compile(rf"[ ,—–-]*(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)(?:\s+[a-z]+ly)?,?\s+{_GROUP}\b", re.IGNORECASE),
               letters.compile(rf"[ ,—–-]*{_GROUP}\s+(?:all\s+|together\s+|[a-z]+ly\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE))
_GROUP_BEFORE = letters.compile(rf"(?:^|[.!?;]\s+|,\s+(?:and|then)\s+){_GROUP}\s+(?:all\s+|together\s+|[a-z]+ly\s+)?(?P<verb>[a-z]+)(?:\s+[a-z]+ly)?[,:]?\s*$", re.IGNORECASE | re.MULTILINE)


def group_voice(text: str, before: tuple[int, int], after_start: int) -> str | None:
    """The group a quotation's tag gives it to, named ``the`` and its noun: ``"Psychic," the
    girls whispered`` -> ``the girls``; ``All the ladies said "Poor child!"`` -> ``the
    ladies``; ``cried the others``; ``everyone said``. A plural of a person noun or a group
    noun; not a family, its name capitalised (``the Hales``, ``the Porters``), nor ``the words said``.

    >>> group_voice('"Psychic," the girls whispered.', (0, 0), 10), group_voice('All the ladies said "Poor child!"', (0, 20), 33)
    ('the girls', 'the ladies')
    >>> group_voice('"Go," the Hales said.', (0, 0), 5), group_voice('"Go," said the others.', (0, 0), 5), group_voice('"Go," the words said.', (0, 0), 5)
    (None, 'the others', None)
    >>> group_voice('"Go," the Porters said.', (0, 0), 5), group_voice('"Go," said the class.', (0, 0), 5), group_voice('"Go," the princess said.', (0, 0), 5)
    (None, 'the class', None)
    """
    found = [m for tag in _GROUP_TAGS if (m := tag.match(text, after_start))] + [m for m in [_GROUP_BEFORE.search(text, *before)] if m]
    for m in found:
        noun = (m.group("noun") or "").lower()
        if m.group("verb").lower() in SPEECH_VERBS and (not noun or _is_people(noun)) and not (m.group("noun") or "")[:1].isupper():
            return f"the {noun}" if noun else m.group("group").lower()
    return None


def _is_people(noun: str) -> bool:
    """``girls``, ``ladies``, ``others``, ``crowd``: several people (not ``words``)."""
    if noun in ("others", "audience", "class"):
        return True
    if noun.endswith("ss"):
        return False  # "the princess"
    return is_group_noun(noun) or noun.endswith("s") and is_person_noun(noun[:-1]) or noun.endswith("ies") and is_person_noun(noun[:-3] + "y")


def group_tag(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A quotation tagged as said by a group (``the girls whispered``, ``All the ladies said``,
    ``the others chorused``) is the group's, one voice for all of them, and not the nearest
    person's."""
    name = group_voice(ctx.doc.text, ctx.before, ctx.after[0])
    if name is None:
        return None
    person = resolver.doc.roster.description_person(name, Gender.UNKNOWN)
    resolver.add_person(person)
    return decided(person.name, "group_tag")
