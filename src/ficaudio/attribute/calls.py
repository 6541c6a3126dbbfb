"""Phone calls: a call makes a talk between the one holding the phone and the voice on the line.

A ringing phone or an answered one opens a call; ``It's Nadia.`` said over the ringing, or the
first name the call's lines call out (``"Jamie. Hey."``), says who is on the line; the narration
then gives that person any line it says comes down the line (``There was a long breath on the
other end.``), and the reply to a line spoken into the phone; ``hangs up`` or ``the line went
dead`` ends the call. A named voice coming over a phone or radio (``Nadia's voice came through
his earpiece``) also puts that person on the line; a caller who says ``this is NAME`` over a
phone or radio is NAME; on a call heard in a room, a bare line after the room answered the
line is the line's again. A call has a holder -- the owner of the phone that rang, the one who
picks it up, who answers with a hello or a name, who takes it when it is handed over -- who is never
the voice on the line and who, on a call the room does not hear, answers the line though someone in
the room spoke before it; a tag that makes the phone the speaker (``says the phone``) gives the line
to the voice on the line. A radio call sign is the one shown speaking the calls it signs
(``Brogan crawls in with the radio. "Aric Base, Aric One, over."``), and those calls are theirs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ficaudio import letters
from ficaudio.attribute.aliases import join_person
from ficaudio.attribute.lexicon import TITLE_BEFORE_NAME
from ficaudio.attribute.mentions import is_name_word, is_person_noun
from ficaudio.attribute.names import is_listed_given_name
from ficaudio.attribute.characters import is_possessive_end
from ficaudio.attribute.document import Document, Mention, Paragraph
from ficaudio.attribute.resolve import FIRST_PERSON_NAME, Resolver
from ficaudio.attribute.rules import BEAT_RULES, TAG_RULES, Decision, QuoteContext, decided, is_radio_procedure, named_in_quote, radio_calls, quote_context, self_named_with_affiliation, tag_after_quote, tag_before_quote, vocatives
from ficaudio.models import SegmentKind

_PHONE = r"(?:(?:tele)?phone|cell|mobile)"
_RING_GAP = r"(?:(?!\b(?:as|when|while|and|but|until|till|before|after|because|then)\s+(?:the|a|an|his|her|my|their|our|your|some)\b)[^.!?;]){0,40}?"
"""What may stand between a phone and its ringing: not a new clause with a subject of its own, whose
ringing is something else's (``put her phone down just as the doorbell rang``, ``pocketed his phone
when the bell rang``; but ``stared at his phone as it rang``)."""
_RINGS = letters.compile(rf"\b{_PHONE}\b{_RING_GAP}\b(?:buzz|ring|rang|vibrat|lit\s+up|lights\s+up)", re.IGNORECASE)
_OPENS = letters.compile(
    r"\b(?:swipes?|swiped|swiping)\s+to\s+answer\b|\banswer(?:s|ed|ing)?\s+(?:it|the\s+call|the\s+phone|(?:his|her|my|their)\s+phone)\b"
    r"|\bpick(?:s|ed)?\s+up\s+(?:on\s+the\s+(?:first|second|third|fourth)\s+ring|at\s+once)\b|\bdiall?(?:s|ed|ing)\b"
    rf"|\b(?:holds?|held|puts?|presse[sd]|press)\s+(?:it|the\s+{_PHONE}|(?:his|her|my)\s+{_PHONE})\s+to\s+(?:his|her|my|their)\s+ear\b"
    r"|\bspeaker(?:phone)?\s+button\b|\bon\s+speaker(?:phone)?\b", re.IGNORECASE)
_ENDS = letters.compile(
    r"\b(?:hangs?|hung|hanging)\s+up\b|\bline\s+(?:goes|went)\s+dead\b|\b(?:ends|ended)\s+the\s+call\b"
    r"|\b(?:call|line|connection)\s+(?:drops|dropped|cuts\s+out|cut\s+out|disconnects|disconnected)\b"
    r"|\b(?:the|my|his|her|their|our)\s+(?:call|line|connection)\s+(?:freezes|froze|stutters|stuttered)\b[^.!?]{0,60}?\band\s+(?:then\s+)?(?:drops|dropped|dies|died)\b"
    rf"|\brang\s+off\b|\b(?:puts?|set|sets|slams?|slammed|drops?|dropped|lays?|laid)\s+the\s+(?:{_PHONE}|receiver|handset)\s+(?:down|back)\b|\bback\s+on\s+(?:its|the)\s+(?:hook|cradle)\b", re.IGNORECASE)
_FAR_END = letters.compile(
    rf"\bon\s+the\s+other\s+end\b|\b(?:on|down)\s+the\s+line\b|\b(?:out\s+of|from|through)\s+the\s+(?:[a-z]+\s+)?(?:{_PHONE}|speaker|receiver)\b"
    rf"|\bvoice\s+on\s+the\s+(?:{_PHONE}|speaker)\b", re.IGNORECASE)
_DIALLED = letters.compile(r"\bdiall?(?:s|ed|ing)\b|\b(?:rang|calls?|called|phoned)\s+(?:him|her|them|back)\b", re.IGNORECASE)
_HANDLED = letters.compile(rf"\b(?:{_PHONE}|speaker|receiver)\b", re.IGNORECASE)
_SAID_INTO = letters.compile(rf"\binto\s+(?:it|the\s+(?:{_PHONE}|receiver|mouthpiece|handset)|(?:his|her|my|their)\s+{_PHONE})\b", re.IGNORECASE)
_OWN_NAME = letters.compile(rf"^[\"“‘']*{TITLE_BEFORE_NAME}?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)[.,]?[\"”’'\s]*$")
_REPORTED = letters.compile(r"\b(?:said|says|told\s+(?:me|him|her|them)|wanted\s+to\s+know|asked|answered|replied|admitted|agreed)\b", re.IGNORECASE)
_I_BEFORE = letters.compile(r"\bI\s+(?:[a-z]+ly\s+)?$")  # the narrator is the verb's own subject
_SENTENCES = letters.compile(r"[^.!?]+[.!?]*")
_ITS_NAME = letters.compile(r"(?:^|[.!?]\s+|^\W+)It['’]s\s+([A-Z][\w'’-]*)\s*[.!]")
_DEVICE = letters.compile(rf"\b(?:{_PHONE}|radio|comm|comms|comm\s+board|earpiece|headset|handset|speakers?|loudspeakers?|intercom|receiver|walkie(?:[\s-]talkie)?|channel)\b", re.IGNORECASE)
_CHANNEL = letters.compile(rf"{_DEVICE.pattern}|\b(?:on|down)\s+the\s+line\b|\brang\b", re.IGNORECASE)
_VOICE_THROUGH = letters.compile(r"\s+voice\b[^.!?]{0,60}?\b(?:came|comes|filled|fills|crackled|crackles|sounded|sounds|cut|cuts|spoke|speaks)\b")
_SENTENCE_END = letters.compile(r"[.!?]|$")
_OWNED_RINGS = letters.compile(rf"\b(?:(my)|his|her|their|[A-Z][\w'’-]*['’]s?)\s+(?:[a-z]+\s+)?{_PHONE}\b{_RING_GAP}\b(?:buzz|ring|rang|vibrat|lit\s+up|lights\s+up)", re.IGNORECASE)
_HELLO = letters.compile(r"^[\"“‘']*(?:(?:hello|hullo|hallo)\s*[?.!,]*|(?:yeah|yes|yo|hey)\s*\?)[\"”’']*$", re.IGNORECASE)
_ON_SPEAKER = letters.compile(r"\bspeaker(?:phone)?\b", re.IGNORECASE)
_HANDED_OVER = letters.compile(
    rf"\b(?:holds?|held|hands?|handed|pass(?:es|ed)?|gives?|gave|offers?|offered)\s+(?:the\s+(?:{_PHONE}|receiver|handset)|it|(?:his|her|my|their)\s+{_PHONE})\s+(?:(?:out|over|across)\b(?:\s+(?:over|across)\b)?(?:\s+(?P<to>to)\b)?|(?P<to2>to)\b)"
    rf"|\b(?:takes?|took|grabs?|grabbed|snatche[sd]|snatch)\s+(?:the\s+(?:{_PHONE}|receiver|handset)|it)\s+(?:from|out\s+of)\b", re.IGNORECASE)
_TAKES = letters.compile(rf"\b(?:takes?|took)\s+(?:it|the\s+(?:{_PHONE}|receiver|handset))\b", re.IGNORECASE)
_SHOWN_RULES = TAG_RULES | BEAT_RULES
_PICKS_UP = letters.compile(
    rf"\b(?:pick(?:s|ed)?|snatch(?:es|ed)?|grab(?:s|bed)?|scoop(?:s|ed)?)\s+(?:(?:it|the\s+(?:{_PHONE}|receiver|handset))\s+)?up\b(?!\s+(?:the|a|an|his|her|my|their)\b)"
    rf"|\banswer(?:s|ed)?\s+(?:it|the\s+(?:call|{_PHONE})|(?:his|her|my|their)\s+{_PHONE})\b", re.IGNORECASE)
_TEXTED = letters.compile(r"\b(?:texts?|texted|messages?|chat|notifications?|e-?mails?|DMs?)\b", re.IGNORECASE)
_THIS_IS = letters.compile(r"^[\"“‘'*\W]*(?:[^.!?,\"”]{1,40},\s+)?[Tt]his\s+is\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:\s+speaking)?\s*[,.!—]")


def phone_rings(text: str) -> bool:
    """``Bash's phone starts buzzing against the table``, ``His phone lit up in his pocket``.

    >>> phone_rings("Bash's phone starts buzzing against the table."), phone_rings("She picks up the phone.")
    (True, False)
    >>> phone_rings("Ben's phone, forgotten on the table, rang."), phone_rings("He stared at his phone as it rang."), phone_rings("Mara tossed her phone onto the couch as the doorbell rang.")
    (True, True, False)
    """
    return bool(_RINGS.search(text))


def call_opens(text: str) -> bool:
    """``He swipes to answer``, ``She was already dialling``, ``held it to his ear``,
    ``He picked up on the first ring``, ``stabbed the speaker button``, ``put it on speaker``
    (not ``picks up her scarf``, ``the speaker at the podium``).

    >>> [call_opens(t) for t in ("He swipes to answer.", "She was already dialling.", "Noa held it to his ear.", "She picks up her scarf.")]
    [True, True, True, False]
    """
    return bool(_OPENS.search(text))


def call_ends(text: str) -> bool:
    """``He hangs up on her.``, ``The line went dead.``, ``The call freezes, and then drops.``

    >>> call_ends("He hangs up on her."), call_ends("The line went dead."), call_ends("He hangs his coat up.")
    (True, True, False)
    >>> call_ends("The call freezes on her face, and then drops."), call_ends("The connection cut out."), call_ends("The call came and I dropped my fork.")
    (True, True, False)
    >>> call_ends("She rang off."), call_ends("He put the receiver down slowly."), call_ends("The earpiece went back on its hook."), call_ends("She put the kettle down.")
    (True, True, True, False)
    """
    return bool(_ENDS.search(text))


def from_the_line(text: str) -> bool:
    """Narration that says a line comes down the phone: ``There was a long breath on the other
    end.``, ``The voice that comes out of the phone is dry``, ``says the voice from the phone``,
    ``a pause on the line``, ``the voice on the phone`` (not ``Bash leans over the phone``, nor
    ``Bash is on the phone``).

    >>> [from_the_line(t) for t in ("There was a long breath on the other end.", "The voice that comes out of the phone is dry.", "Bash leans over the phone.")]
    [True, True, False]
    >>> [from_the_line(t) for t in ("tinny through the little speaker", "crackling from the cheap receiver", "the voice on the phone went up", "Bash is on the phone")]
    [True, True, True, False]
    """
    return bool(_FAR_END.search(text))


def answers_with_own_name(doc: Document, index: int) -> bool:
    """A quotation that is only a name, said into a phone or as the speaker answers it, is
    the speaker giving their own name, not a call: ``The phone went at two.`` / ``"Marsh,"
    I said into it.``, ``She answered the phone. "Okafor."``;
    not a name asked or cried (``"Marsh?"``, ``"Marsh!"``), nor one said to a phone just
    dialled (the caller greets the one who answers).

    >>> [is_own_name(q) for q in ('"Marsh,"', '"Mr. Marsh."', '"Marsh?"', '"Yes."', '"Good Morning."')]
    [True, True, False, False, False]
    """
    if not is_own_name(doc.segments[index].text):
        return False
    para = doc.paragraph_of[index]
    here = para.narration_text(doc.text, doc.segments)
    before = doc.text[previous.start:previous.end] if (previous := doc.paragraph_before(para)) else ""
    into_phone = _SAID_INTO.search(here) and _HANDLED.search(here + " " + before)
    return bool(into_phone or call_opens(here)) and not _DIALLED.search(here + " " + before)


def is_own_name(quote: str) -> bool:
    """A quotation that is only a name (a title before it allowed), every word a name word."""
    found = _OWN_NAME.match(quote)
    return bool(found) and all(is_name_word(w) for w in found.group(1).split())


def reports_far_end(text: str) -> bool:
    """Narration that tells in its own words what someone not the narrator said:
    ``The breathing said it was.``, ``Nobody, the voice said.``, ``She wanted to know who was
    asking.`` (not ``I said I would call back.``, ``So I told him no.``: the narrator's own
    words).

    >>> [reports_far_end(t) for t in ("The breathing said it was.", "I said I would call back.", "Then I said I would call back.", "So I told him no.", "I waited.")]
    [True, False, False, False, False]
    >>> [reports_far_end(t) for t in ("She asked if I wanted to come.", "The voice asked what I wanted.", "I only wanted to know.")]
    [True, True, False]
    """
    return any(not _I_BEFORE.search(s, 0, m.start()) for s in _SENTENCES.findall(text) for m in _REPORTED.finditer(s))


def caller_named(resolver: Resolver, ctx: QuoteContext) -> str | None:
    """The person a quotation says is calling: ``"Oh, thank God. It's Nadia."`` -> Nadia.

    >>> bool(_ITS_NAME.search("Oh, thank God. It's Nadia. Be quiet.")), bool(_ITS_NAME.search("It's Tuesday's ship."))
    (True, False)
    """
    found = _ITS_NAME.search(ctx.segment.text)
    person = resolver.doc.roster.lookup(found.group(1)) if found else None
    return person.name if person else None


def voice_through_device(resolver: Resolver, para: Paragraph) -> str | None:
    """The person whose voice the narration says comes over a phone or a radio, or fills the
    place while a call rings: ``Halloran's voice came through his earpiece``, ``Nadia's voice
    filled the car`` -> that person, who is then on the line (not ``Nadia's voice shook``, nor
    ``Mercer's voice cuts down the line``: a kitchen's line is no phone's).

    >>> [bool(_VOICE_THROUGH.match(t)) for t in (" voice came through his earpiece", " voice filled the car", " voice shook")]
    [True, True, False]
    """
    doc = resolver.doc
    call = resolver.conversation.call
    for m in para.mentions:
        if m.kind == "name" and is_possessive_end(doc.text, m.end) and (found := _VOICE_THROUGH.match(doc.text, m.end, para.end)):
            if call or _DEVICE.search(doc.text, m.end, _SENTENCE_END.search(doc.text, found.end(), para.end + 1).start()):
                return resolver.mention(m, para)
    return None


def identifies_itself(quote: str) -> str | None:
    """The name a quotation opens by giving as its own, as one does on a phone or a radio:
    ``"Blood bank, this is Teddy."``, ``"This is Anvil. He's coming my way."`` -> the name
    (not ``"This is Tuesday's ship"``, nor ``"This is what I mean."``).

    >>> [identifies_itself(q) for q in ('"Blood bank, this is Teddy."', '"This is Anvil. He is here."', '"This is what I mean."', '"Well, this is Rome, after all."')]
    ['Teddy', 'Anvil', None, 'Rome']
    """
    found = _THIS_IS.match(quote)
    return found.group(1) if found else None


_HOLDER_THEN_SELF = letters.compile(r"^[\"“‘'*\W]*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?),\s+it(?:['’]s|\s+is)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s*[,.!—]")


def names_self_to_holder(resolver: Resolver, quote: str) -> str | None:
    """The name a caller gives as their own after calling the one who answered:
    ``"Sakura, it's Tsunade."`` on an answered call, Sakura holding the phone -> Tsunade. Said
    to anyone else (``"Mum, it's Dad."``, the holder handing the phone over) it is no caller's.

    >>> _HOLDER_THEN_SELF.match('"Ana, it’s Carla. Are you free?"').groups(), _HOLDER_THEN_SELF.match('"It’s Carla."')
    (('Ana', 'Carla'), None)
    """
    conv = resolver.conversation
    found = _HOLDER_THEN_SELF.match(quote)
    if not found or conv.call != "open" or conv.holder is None:
        return None
    called = resolver.doc.roster.lookup(found.group(1))
    return found.group(2) if called is not None and called.name == conv.holder else None


def identified_on_the_channel(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """Over a phone or a radio a caller says who is speaking: ``The comm board chirped.`` /
    ``"Harbour Ash, this is Relay Control."`` -> Relay Control, as is ``"This is Anvil,"
    says the radio`` -> Anvil. Face to face the same words introduce someone else (``"This is
    Priya," he says, nodding at the tall girl.``), so a phone or a radio must be in the
    narration of the quotation's paragraph or the one before, and no person tags it. On an
    answered call, a line calling the holder and naming itself (``"Sakura, it's Tsunade."``,
    :func:`names_self_to_holder`) is the caller's likewise."""
    name = identifies_itself(ctx.segment.text) or names_self_to_holder(resolver, ctx.segment.text) or _named_by_its_next_quote(ctx)
    person = resolver.doc.roster.lookup(name) if name else None
    if person is None or not (resolver.conversation.call or _channel_beside(ctx)) or _tagged_by_someone(ctx):
        return None
    if any(m.subject and m.kind in ("name", "first_person", "pronoun") and resolver.mention(m, ctx.para) not in (None, person.name) for m in ctx.mentions_in(_last_sentence(ctx.doc.text, ctx.before))):
        return None  # ``Tom pointed at the stage. "This is Mira Holt."``, ``He nudged her.``: someone else acting just before introduces her
    return decided(person.name, "identified_on_the_channel")


def _last_sentence(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The last sentence of the narration ``span``: ``Tom leaned toward the speaker. The radio
    crackled. `` -> `` The radio crackled. `` (Tom acts, but the radio is what speaks next).

    >>> t = "Tom leaned toward the speaker. The radio crackled. "; t[slice(*_last_sentence(t, (0, len(t))))]
    ' The radio crackled. '
    """
    start, end = span
    body = text[start:end].rstrip()
    cut = max(body.rfind(mark, 0, len(body) - 1) for mark in ".!?…")
    return (start + cut + 1 if cut >= 0 else start, end)


def _named_by_its_next_quote(ctx: QuoteContext) -> str | None:
    """The name the paragraph's next quotation gives as its own, when this quotation's tag,
    between the two, is a bare voice or a device: ``"Good afternoon, everyone!" says the
    voice from the speakers. "This is Mira Holt, and ..."`` -> Mira Holt for both halves."""
    doc = ctx.doc
    tag = tag_after_quote(ctx)
    if tag is None or ctx.order + 1 >= len(ctx.para.quotes) or not _nobody_yet(tag):
        return None
    if _NEW_SENTENCE.search(doc.text, tag.end, ctx.after[1]):
        return None  # a sentence of narration after the tag may bring someone else in
    return identifies_itself(doc.segments[ctx.para.quotes[ctx.order + 1]].text)


def device_tag_is_the_line(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A line the phone itself is said to speak during a call is the voice on the line's:
    ``"Three minutes," says the phone, and hangs up.`` -> the caller, not a voice called
    ``the phone``."""
    line = resolver.conversation.on_line
    tag = tag_after_quote(ctx) or tag_before_quote(ctx)
    if line is None or tag is None or tag.kind != "description" or not _DEVICE.fullmatch(tag.head or ""):
        return None
    resolver.settle(tag, line)
    resolver.salience.reassign(tag.start, line)  # the phone is no one the talk turns to afterwards
    return decided(line, "device_tag_is_the_line")


def station_call_sign(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """A radio call giving as its caller a call sign the story joined to its user
    (:func:`join_call_signs_to_users`) is that user's, with no channel in sight: ``"Aric One,
    Aric Base. Go ahead, over."``, ``"... Thanks, Morag. Aric One out."`` -- unless a person
    tags it."""
    doc = resolver.doc
    if not doc.call_signs or _tagged_by_someone(ctx):
        return None
    user = next((u for called, caller in radio_calls(ctx.segment.text) if (u := station_user(doc, called, caller))), None)
    return decided(user, "station_call_sign") if user else None


def station_user(doc: Document, called: str | None, caller: str) -> str | None:
    """The user of the call sign a radio call gives as its caller -- by that form, or by another
    of its person's (``Falmoor`` -> ``Falmoor Coastguard``) -- when the station called, if any,
    is someone else of the roster or a call sign (not ``"Copy, Aric One."``)."""
    person = doc.roster.lookup(caller)
    user = doc.call_signs.get(caller) or (person.name if person and person.name in doc.call_signs.values() and not is_listed_given_name(caller) else None)
    if user is None or called is None or called in doc.call_signs:
        return user
    other = doc.roster.lookup(called)
    return user if other is not None and other.name != user else None


def _channel_beside(ctx: QuoteContext) -> bool:
    """A phone or a radio in the narration of the quotation's paragraph, or anywhere in the
    paragraph before (``"On speaker, Mr. Dov."`` / ``"Harbour Ash, this is Relay Control."``)."""
    doc = ctx.doc
    before = doc.text[previous.start:previous.end] if (previous := doc.paragraph_before(ctx.para)) else ""
    return any(_CHANNEL.search(n) for n in (before, *(doc.text[s:e] for s, e in ctx.para.narration(doc.segments))))


def _tagged_by_someone(ctx: QuoteContext) -> bool:
    """A speech tag whose subject is not a phone or a radio, nor a voice nobody is named for
    yet (``he says``, not ``says the radio``, ``says the voice``)."""
    tag = tag_after_quote(ctx) or tag_before_quote(ctx)
    return tag is not None and not _nobody_yet(tag)


_NEW_SENTENCE = letters.compile(r"[.!?…]\s+[^\w\s]*\w")
_BARE_VOICE = letters.compile(r"(?:the|a)\s+voice", re.IGNORECASE)


def _nobody_yet(tag: Mention) -> bool:
    """A tag's subject that is a phone or a radio, or a voice nobody is named for yet (``the
    voice``, ``a voice``; not ``Mara's voice``)."""
    return bool(_DEVICE.fullmatch(tag.head or "")) or tag.kind == "description" and bool(_BARE_VOICE.fullmatch(tag.text))


def follow_call(resolver: Resolver, para: Paragraph, decisions: dict[int, Decision]) -> None:
    """Update the call in progress after a paragraph: ringing or answered, who is on the line
    (``It's Nadia.`` over the ringing; else the first name a line of the answered call calls),
    whether the last turn was spoken into the phone, and whether the call has ended: then the
    voice on the line has left the talk (``The line went dead.`` / ``"What was that?"`` is
    someone's in the room)."""
    conv = resolver.conversation
    doc = resolver.doc
    narration = para.narration_text(doc.text, doc.segments)
    conv.line_reported = bool(conv.call and not para.quotes and (conv.line_reported or reports_far_end(narration)))
    if call_ends(narration):
        conv.departed |= {conv.on_line} if conv.on_line else set()
        conv.call, conv.on_line, conv.into_phone, conv.holder, conv.on_speaker = "", None, False, None, False
        return
    opened = call_opens(narration)
    ringing = phone_rings(narration) and not conv.call
    still_ringing = conv.call == "ringing"  # rang before this paragraph, answered by no one yet
    rang = ringing or still_ringing  # a phone that rang is answered here, not one dialled
    if opened or ringing:
        conv.call = "open" if opened else "ringing"
    if ringing:
        conv.holder, conv.on_speaker, conv.call_lines = ringing_phone_owner(resolver, para), False, 0
    if rang and (not conv.call_lines or still_ringing) and (answerer := who_picks_up(resolver, para)):
        conv.call, conv.holder = "open", answerer  # ``The phone rang. Gran snatched it up.``; ``Kiba's phone rang. Ino grabbed it up.``
        conv.call_lines = 0 if still_ringing else conv.call_lines  # ``"Damn," Kiba said.`` over the ringing was the room's, not the call's
    if (voice := voice_through_device(resolver, para)) and voice != conv.on_line:
        conv.call, conv.on_line = "open", voice
    if not conv.call:
        return
    conv.on_speaker = conv.on_speaker or bool(_ON_SPEAKER.search(doc.text, para.start, para.end))
    if _HANDED_OVER.search(narration) and (taker := who_takes_the_phone(resolver, para)):
        conv.holder = taker  # ``Ada held the phone out to Tom. He took it.``: someone else has it now
    answered_at = _answered_at(doc, para)
    ring = _in_narration(_RINGS, doc, para) if ringing and not opened else None
    in_the_room = resolver.salience.named_between(resolver.scene_start, ring.start()) if ring else set()  # ``Nadia and Felix were eating when his phone buzzed.``
    for index in para.quotes:
        decision = decisions.get(index)
        if decision is None or doc.segments[index].kind is not SegmentKind.DIALOGUE:
            continue
        if answered_at is not None and doc.segments[index].start < answered_at:
            continue  # ``Kiba's phone buzzed. "Don't you dare," Ino said. He answered it anyway.``: the room's, before the call
        if conv.call == "ringing" and conv.holder is None and conv.on_line is None and not conv.call_lines and answers_the_phone(doc.segments[index].text, doc.roster):
            conv.call, conv.holder = "open", decision.speaker  # ``"Blue Heron," I said.``: who answers holds the phone
        answered = conv.call == "open" or ringing  # not a phone left to ring while the room talks
        if conv.on_line is None and conv.holder is not None and decision.speaker != conv.holder and decision.rule in _SHOWN_RULES and conv.call_lines <= 1 and answered and not conv.on_speaker \
                and decision.speaker not in in_the_room:
            conv.call, conv.on_line = "open", decision.speaker  # the first voice shown speaking on a held phone is the far one (not one the scene had in the room before the ring, on a phone no one answered)
        conv.call_lines += 1
        if conv.on_line is None:
            ctx = quote_context(doc, index)
            called = vocatives(ctx) if conv.call == "open" else []
            conv.on_line = self_named_with_affiliation(ctx) or next((n for n in (caller_named(resolver, ctx), *called) if n and n != decision.speaker and n != conv.holder), None)
    last = decisions.get(para.quotes[-1]) if para.quotes else None
    conv.into_phone = bool(last and conv.on_line and last.speaker != conv.on_line and _HANDLED.search(narration))


def _answered_at(doc: Document, para: Paragraph) -> int | None:
    """Where the paragraph's narration says the phone is answered (``He answered it anyway.``,
    ``picked it up``, ``held it to his ear``), if it does: a line before that is said in the room."""
    found = [m.start() for pattern in (_OPENS, _PICKS_UP) if (m := _in_narration(pattern, doc, para))]
    return min(found) if found else None


def ringing_phone_owner(resolver: Resolver, para: Paragraph) -> str | None:
    """Whose phone the paragraph says rings, who will hold it: ``My phone buzzed in my
    pocket.`` -> the narrator, ``Eli's phone buzzed in his hand`` -> Eli, ``His phone lit
    up`` -> the man it means (nobody for ``The phone rang.``, nor for a phone that buzzes
    with a text: ``Her phone buzzes. It's the class group chat``)."""
    doc = resolver.doc
    found = _in_narration(_OWNED_RINGS, doc, para)
    if found is None or _in_narration(_TEXTED, doc, para):
        return None
    if found.group(1):
        return FIRST_PERSON_NAME
    return next((resolver.mention(m, para) for m in para.mentions if m.start == found.start() and m.kind in ("name", "pronoun")), None)


def who_picks_up(resolver: Resolver, para: Paragraph) -> str | None:
    """Who the narration says picks up a ringing phone: the subject of the sentence (``Gran
    snatched it up.``, ``Roz picked up, listened``, ``he picked it up``, ``I answered it``)."""
    found = _in_narration(_PICKS_UP, resolver.doc, para)
    return _subject_before(resolver, para, found.start()) if found else None


def who_takes_the_phone(resolver: Resolver, para: Paragraph) -> str | None:
    """Who the narration says takes a phone handed over: the subject of ``took it`` (``The
    sheriff took it and listened``), else the one it is held out or handed to (``Ada handed
    the phone to Tom.``); nobody where the narration says neither."""
    doc = resolver.doc
    if found := _in_narration(_TAKES, doc, para):
        return _subject_before(resolver, para, found.start())
    found = _in_narration(_HANDED_OVER, doc, para)
    if found is None or not (found.group("to") or found.group("to2")):
        return None
    target = next((m for m in para.mentions if m.start > found.end() and m.kind in ("name", "description") and not doc.text[found.end():m.start].strip()), None)
    return resolver.mention(target, para) if target else None


def _in_narration(pattern: re.Pattern[str], doc: Document, para: Paragraph) -> re.Match[str] | None:
    """The first match of ``pattern`` in the paragraph's narration (not in its quotations)."""
    return next((found for s, e in para.narration(doc.segments) if (found := pattern.search(doc.text, s, e))), None)


def _subject_before(resolver: Resolver, para: Paragraph, at: int) -> str | None:
    """The person the subject of the sentence holding ``at`` refers to, if a person opens it."""
    text = resolver.doc.text
    opens = max(para.start, *(text.rfind(c, para.start, at) for c in ".!?"))
    subject = next((m for m in reversed(para.mentions) if opens <= m.start < at and m.subject and m.kind in _PERSON_KINDS), None)
    return resolver.mention(subject, para) if subject else None


def answers_the_phone(quote: str, roster=None) -> bool:
    """A line that answers a ringing phone: a name or a place alone (``"Blue Heron."``,
    ``"Moretti."``) or a hello (``"Hello?"``, ``"Yeah?"``); not ``"Hey."``, which the caller
    as often says first, nor a name asked (``"Ada?"``). Given the story's roster, one word
    alone counts as a name only if the roster knows it: ``"Damn,"`` over the ringing is an
    oath, not an answer.

    >>> [answers_the_phone(q) for q in ('"Blue Heron,"', '"Hello?"', '"Yeah?"', '"Hello, Mum."', '"Get that, would you?"', '"Hey."', '"Ada?"')]
    [True, True, True, False, False, False, False]
    """
    if _HELLO.match(quote):
        return True
    found = _OWN_NAME.match(quote)
    if not is_own_name(quote) or found is None:
        return False
    name = found.group(1)
    return roster is None or " " in name or roster.lookup(name) is not None


def holder_picks_up(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """The first line after a phone rang, when it is a hello or a name alone, is the one who
    picks up: the phone's owner or the one the narration shows picking it up (``The phone by
    the till rang. Ada picked it up.`` / ``"Hale's Books."`` -> Ada)."""
    conv = resolver.conversation
    if not conv.call or conv.holder is None or conv.call_lines or not answers_the_phone(ctx.segment.text, resolver.doc.roster) or conv.holder in conv.departed:
        return None
    if set(named_in_quote(ctx)) - {conv.holder}:
        return None  # ``"Moretti."`` when another Moretti is in the story: a name that may be the caller's
    return decided(conv.holder, "holder_picks_up")


def holder_answers_line(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """On a call only its holder hears (not on speaker), an untagged reply to the voice on the
    line is the holder's, not the turn of someone in the room who spoke before the line did:
    ``"—hear me? June?"`` / ``"Lights went out a second. They're back."`` -> the one holding
    the phone, though Earl spoke in the dark just before. Not past narration (the holder may
    have answered there), except the phone handed to a new holder, who speaks next; and not
    where the line called someone else in the room by name (``"Don't celebrate, Ben."`` /
    ``"No!"`` -> Ben: the room heard the phone on the table)."""
    conv = resolver.conversation
    holder, line = conv.holder, conv.on_line
    if conv.narration_paragraphs and not (conv.narration_paragraphs == 1 and _handed_over_just_before(ctx)):
        return None  # the holder may have answered in the narration (``I give her a thumbs-up.``)
    if conv.call != "open" or conv.on_speaker or holder is None or line is None or holder == line or not conv.turns or conv.turns[-1] != line:
        return None
    if holder in named_in_quote(ctx) or holder in conv.departed:
        return None
    if conv.addressee and conv.addressee != holder and not conv.narration_paragraphs:
        return None  # ``"Don't celebrate, Ben."``: the voice on the line spoke to someone else in the room, who answers
    return decided(holder, "holder_answers_line")


def _handed_over_just_before(ctx: QuoteContext) -> bool:
    """Whether the paragraph before the quotation's hands the phone over (``Ada held the phone
    out to her brother. Tom took it.``): the one who took it speaks next."""
    previous = ctx.doc.paragraph_before(ctx.para)
    return previous is not None and _in_narration(_HANDED_OVER, ctx.doc, previous) is not None


def voice_on_the_line(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """During a call, a quotation the narration beside it says comes down the line is the
    voice on the line's: ``There was a long breath on the other end. "Okay."``, ``"Hi." The
    voice that comes out of the phone is dry``."""
    conv = resolver.conversation
    if conv.on_line is None or conv.on_line in named_in_quote(ctx):
        return None
    beside = ctx.doc.text[ctx.before[0]:ctx.before[1]] + " " + ctx.doc.text[ctx.after[0]:ctx.after[1]]
    if not from_the_line(beside):
        return None
    return decided(conv.on_line, "voice_on_the_line")


def holder_goes_on(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """During a call whose far end the narration only reports (``"Blue Mercer?" I said.`` /
    ``The breathing said it was.`` / ``"I'm looking for your piano player."``), the one who
    spoke into the phone goes on: nobody else has been heard (the voice on the line, if it
    spoke, is no holder)."""
    conv = resolver.conversation
    holder = next((n for n in reversed(conv.turns) if n != conv.on_line), None) if conv.line_reported else None
    if holder is None or holder in named_in_quote(ctx):
        return None
    return decided(holder, "holder_goes_on")


def line_answers_phone(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """During a call, the untagged reply to a line spoken into the phone is the voice on the
    line's: ``Bash picks the phone back up. "Okay, bye."`` / ``"Sleep, Bash."`` -> the caller."""
    conv = resolver.conversation
    if not conv.into_phone or conv.narration_paragraphs or conv.on_line is None or conv.on_line in named_in_quote(ctx):
        return None
    return decided(conv.on_line, "line_answers_phone")


def bare_line_is_the_caller(resolver: Resolver, ctx: QuoteContext) -> Decision | None:
    """On a call heard in a room, the people in the room are shown speaking (a tag or a beat)
    and the voice on the line is only heard: when the line spoke and someone in the room
    answered with a tag or a beat, a bare quotation (no narration in its paragraph) is the
    line's again: ``"Is the pilot out?"`` / ``Ada threw Noa a look. "How would I know?"`` /
    ``"There should be a blue flame at the back."`` -> the caller."""
    conv = resolver.conversation
    if conv.call != "open" or conv.on_line is None or conv.narration_paragraphs or not conv.last_tagged or not conv.turns:
        return None
    if conv.turns[-2:-1] != [conv.on_line] or conv.turns[-1] == conv.on_line or conv.on_line in named_in_quote(ctx) or _has_narration(ctx):
        return None
    return decided(conv.on_line, "bare_line_is_the_caller")


def _has_narration(ctx: QuoteContext) -> bool:
    """Whether the quotation's paragraph has any words outside its quotations."""
    return any(ctx.doc.text[s:e].strip() for s, e in ctx.para.narration(ctx.doc.segments))


def join_call_signs_to_users(doc: Document) -> None:
    """A call sign a radio call gives as its caller (:func:`~ficaudio.attribute.rules.radio_calls`)
    is a name of the one its paragraph shows speaking it -- a name or ``I`` opening a sentence
    of the narration, its tag, or the owner of the voice (``Brogan crawls in with the radio.
    "Aric Base, Aric One, over."``, ``Then Morag's voice. "Aric One, Aric Base. Go ahead,
    over."``) -- when every such paragraph shows the same person: a boat's call sign that two
    of its crew use stays its own. Only a station's name (:func:`_station_calls`), never one
    the narration writes as a subject (``Moss crouched.`` / ``"Okafor, Moss."``; a title
    may be a station's name). Only in a story that names a radio, a walkie-talkie, a handset,
    a phone, an intercom or a comm: elsewhere ``"Kiba, Akamaru, dinner!"`` calls two people
    face to face. The signs and their users are kept in ``doc.call_signs``; one the narrator
    uses is a name that, addressed, means the narrator."""
    if not _RADIO_WORD.search(doc.text):
        return
    calls = [(i, call) for para in doc.paragraphs for i in para.quotes for call in radio_calls(doc.segments[i].text)]
    stations = {caller for _, (called, caller) in calls if called}
    subjects = {m.text for p in doc.paragraphs for m in p.mentions if m.kind == "name" and m.subject and m.start >= doc.header.end}
    users: dict[str, set[str]] = defaultdict(set)
    unseen: set[str] = set()  # stations no paragraph shows anyone speaking for, each call over a radio
    off_air: set[str] = set()  # callers of a call with no radio in sight (``"Pebblehorn, Rockslide!"``: an order in a battle)
    for index, (called, caller) in calls:
        if caller not in subjects and _station_calls(doc, stations, called, caller):
            ctx = quote_context(doc, index)
            shown = _shown_speaking(ctx)
            users[caller] |= shown
            unseen |= {caller} if called is not None and not shown and not _anyone_acts(ctx) else set()
            off_air |= set() if is_radio_procedure(doc.segments[index].text) or _channel_beside(ctx) else {caller}
    for station, shown in users.items():
        if len(shown) == 1:
            _give_call_sign(doc, station, next(iter(shown)))
    for station in unseen - off_air:
        if not users[station] and (person := doc.roster.lookup(station)) is not None and person.name not in doc.call_signs.values() \
                and _names_station(person.name, station):
            doc.call_signs[station] = person.name  # ``"Morning Tern, Skerrvoe Coastguard. Be advised ..."``: a station no one is shown at speaks as itself


def _names_station(name: str, station: str) -> bool:
    """Whether a roster person's name is the station's own (``Skerrvoe Coastguard`` for
    ``Coastguard``), not a person's the form was joined to (``Kirsty`` for ``Silver Gull``).

    >>> _names_station("Skerrvoe Coastguard", "Coastguard"), _names_station("Kirsty", "Silver Gull")
    (True, False)
    """
    return f" {station} " in f" {name} "


def _station_calls(doc: Document, stations: set[str], called: str | None, caller: str) -> bool:
    """Whether a call passes between stations. Its caller is a station's name: opening on a
    name word (not ``"Ines, I--"``), not one given name, no person noun; that the narration
    never writes it as a subject is :func:`join_call_signs_to_users`'s check. The station
    called is someone else of the roster or the caller of another call (``"Aric Base, Aric
    One, over."`` / ``"Aric One, Aric Base."``; ``"Copy, Aric One."`` calls no station); a
    sign-off with none called needs a caller so known."""
    if not is_name_word(caller.split()[0]) or is_listed_given_name(caller) or any(is_person_noun(w.lower()) for w in caller.split()):
        return False
    if called is not None:
        return called in stations or doc.roster.lookup(called) not in (None, doc.roster.lookup(caller))
    return caller in stations or doc.roster.lookup(caller) is not None


_VOICE_AFTER = letters.compile(r"(?:['’]s)?\s+voice\b")
_RADIO_WORD = letters.compile(rf"\b(?:radio|walkie|handset|{_PHONE}|intercom|comms?)\b", re.IGNORECASE)
_PERSON_KINDS = frozenset({"name", "description", "first_person", "second_person"})
_WATCHING = letters.compile(r"\s+(?:[a-z]+ly\s+)?(?:watch|watches|watched|see|sees|saw|hear|hears|heard|listen|listens|listened|observe|observes|observed)\b")


def _shown_speaking(ctx: QuoteContext) -> set[str]:
    """Who a quotation's paragraph shows speaking it: its tag's name or ``I``, the names and
    ``I`` opening sentences of its narration (not an owner: ``Brogan's harness``; not one who
    watches or hears another: ``Kirsty watched her father unhook the handset.``),
    the owner of a voice; nobody where a he or she opens a sentence (``He unclips the radio.
    I lean in.``)."""
    doc = ctx.doc
    shown = {_speaker_of(m) for m in (tag_after_quote(ctx) or tag_before_quote(ctx),) if m and _speaker_of(m)}
    for m in ctx.para.mentions:
        if m.kind == "pronoun" and m.initial:
            return set()
        if _VOICE_AFTER.match(doc.text, m.end) or m.initial and not is_possessive_end(doc.text, m.end) and not _watches_another(ctx.para, m, doc.text):
            shown |= {_speaker_of(m)} - {None}
    return shown


def _anyone_acts(ctx: QuoteContext) -> bool:
    """Whether the narration of the quotation's paragraph has a person as a subject (``He keyed
    his radio.``, ``Kirsty grabbed the handset.``), not only an owner (``a woman's voice came
    through it``)."""
    text = ctx.doc.text
    return any((m.subject or m.initial) and m.kind in _PERSON_KINDS | {"pronoun"} and not is_possessive_end(text, m.end) and not _VOICE_AFTER.match(text, m.end)
               for m in ctx.para.mentions if not any(ctx.doc.segments[i].start <= m.start < ctx.doc.segments[i].end for i in ctx.para.quotes))


def _watches_another(para: Paragraph, m: Mention, text: str) -> bool:
    """Whether the sentence ``m`` opens has them watch or hear another person (a name, a
    description, ``I`` or ``you``): ``Kirsty watched her father unhook the handset.``, ``I
    heard Mum pick up the phone.`` -- not ``Kirsty grinned at her father.``, the one at the radio."""
    if not _WATCHING.match(text, m.end):
        return False
    end = _SENTENCE_END.search(text, m.end).start()
    return any(o is not m and o.kind in _PERSON_KINDS and m.end <= o.start < end for o in para.mentions)


def _speaker_of(m: Mention) -> str | None:
    """The person a name mention names, or the narrator for ``I``."""
    return FIRST_PERSON_NAME if m.kind == "first_person" else m.person if m.kind == "name" else None


def _give_call_sign(doc: Document, station: str, user: str) -> None:
    """Make ``station`` a name of ``user``: its person joins them, or the bare form names them;
    the narrator's station is a name that means the narrator."""
    roster = doc.roster
    person = roster.lookup(station)
    if user == FIRST_PERSON_NAME:
        doc.call_signs[station] = user
        doc.narrator_names |= {person.name} if person else set()
        return
    owner = roster.by_name(user)
    if owner is None or person is not None and (person.known or not roster.may_join(owner, station)):
        return
    doc.call_signs[station] = user
    if person is None:
        roster.index(station, owner)
    elif person is not owner:
        join_person(roster, person, owner)
        for para in doc.paragraphs:
            para.mentions = [replace(m, person=owner.name) if m.person == person.name else m for m in para.mentions]


_CALL_RULES = frozenset({"voice_on_the_line", "identified_on_the_channel", "device_tag_is_the_line", "station_call_sign"})
_GOES_ON = frozenset({"same_paragraph_continuation", "speech_runs_on"})  # a line that only goes on from the one before (a split quotation shares its first half's decision)
_REVEAL_WINDOW = 4  # paragraphs after a far voice in which the room's answer may name it


def far_voice_named(resolver: Resolver, decisions: dict[int, Decision]) -> None:
    """A voice over a radio, a phone or a speaker that the narration names only as ``the voice``
    (``"Kessler, this is the *Dawn*, over," said the voice.``, ``"Come back, over." The voice
    sounded rougher.``) is the one the room's answer calls by name (``The chief leaned in.
    "I'm here, Ingram."`` -> Ingram): the first line of the paragraphs after it, not the voice's
    own, that calls one person who is not its speaker names it. Where no answer names it, the
    voice last named so in the scene is taking up the channel again. A speech that runs on from
    the voice's paragraph goes with it."""
    doc = resolver.doc
    paragraphs = doc.paragraphs
    named_before: str | None = None
    scene = 0
    for k, para in enumerate(paragraphs):
        if para.scene_start:
            named_before, scene = None, k
        if not para.quotes or not _far_voice(quote_context(doc, para.quotes[0]), decisions):
            continue
        name = _answer_names(resolver, paragraphs[k + 1:k + 1 + _REVEAL_WINDOW], decisions) or named_before
        if name is None or name in named_in_quote(quote_context(doc, para.quotes[0])) or name in _in_the_room(resolver, paragraphs[scene:k], decisions):
            continue  # ``"Turn it off, Tom," Mara said.``: the answer calls someone in the room, not the voice
        named_before = name
        first = decisions[para.quotes[0]]
        old = first.speaker
        for index in para.quotes:
            if (d := decisions.get(index)) is first or d is not None and d.speaker == old and d.rule in _GOES_ON:  # the voice's split or going on; not ``"B," Tom said.``
                decisions[index] = decided(name, "far_voice_named")
        for following in paragraphs[k + 1:]:
            runs_on = following.quotes and (d := decisions.get(following.quotes[0])) is not None and d.rule == "speech_runs_on" and d.speaker == old
            if not runs_on:
                break
            for index in following.quotes:
                if (d := decisions.get(index)) is not None and d.speaker == old and d.rule in _GOES_ON:
                    decisions[index] = decided(name, "far_voice_named")


def _in_the_room(resolver: Resolver, paragraphs: list[Paragraph], decisions: dict[int, Decision]) -> set[str]:
    """Who the scene shows in the room: the subjects its narration names and the speakers of
    its lines that no call rule gave to a voice on a channel."""
    named = {m.person for p in paragraphs for m in p.mentions if m.kind == "name" and (m.subject or m.clause_subject) and m.person}
    return named | {d.speaker for p in paragraphs for i in p.quotes if (d := decisions.get(i)) and d.rule not in _CALL_RULES | {"far_voice_named"}
                    and not _far_voice(quote_context(resolver.doc, i), decisions)}


def _far_voice(ctx: QuoteContext, decisions: dict[int, Decision]) -> bool:
    """Whether a quotation is a voice named only as ``the voice`` -- its tag, or the subject
    opening its paragraph's narration -- with a radio, a phone or a speaker beside it, that no
    call rule already named."""
    decision = decisions.get(ctx.index)
    if decision is None or decision.rule in _CALL_RULES or not _channel_beside(ctx):
        return False
    tag = tag_after_quote(ctx) or tag_before_quote(ctx)
    if tag is not None:
        return tag.kind == "description" and bool(_THE_VOICE.fullmatch(tag.text))
    text = ctx.doc.text
    return any(m.kind == "description" and m.subject and m.initial and _THE_VOICE.fullmatch(m.text) and not _VOICE_THROUGH_OWNER.match(text, m.end)
               for m in ctx.para.mentions if m.start >= ctx.segment.end)


_THE_VOICE = letters.compile(r"[Tt]he\s+voice")
_VOICE_THROUGH_OWNER = letters.compile(r"\s+of\b")  # ``the voice of the captain``: an owner named


def _answer_names(resolver: Resolver, following: list[Paragraph], decisions: dict[int, Decision]) -> str | None:
    """The one person the room's first line after a far voice calls, not the line's speaker
    (``"I'm here, Ingram."``), skipping the voice's own lines and the room's lines that call
    no one; nobody past a paragraph of narration alone, or where a line calls two."""
    doc = resolver.doc
    for para in following:
        if para.scene_start or not para.quotes:
            return None  # a paragraph of narration alone: the exchange with the voice is over
        ctx = quote_context(doc, para.quotes[0])
        decision = decisions.get(para.quotes[0])
        if decision is None or _far_voice(ctx, decisions):
            continue
        opening = _OPENING_NAME.match(ctx.segment.text)
        person = doc.roster.lookup(opening.group(1)) if opening else None
        called = [n for n in dict.fromkeys([*vocatives(ctx), *([person.name] if person else [])]) if n != decision.speaker]
        if called:
            return called[0] if len(called) == 1 else None
    return None


_OPENING_NAME = letters.compile(r"^[\"“‘']*([A-Z][\w'’-]*)\.\s")  # ``"Ingram. We're here."``: the one answered, named first
