"""Round 13 rules: a clipped nickname is the full name's person (:func:`merge_short_forms`),
and untagged turns follow the people the narration is about (:func:`narrated_partner`).
Scenes are written by hand; each scene test fails with its rule taken out."""

from __future__ import annotations

from collections import Counter

from ficaudio.attribute import attribute
from ficaudio.attribute.characters import Person, Roster, short_form_owner
from ficaudio.attribute.conversation import narrated_partner
from ficaudio.attribute.resolve import Conversation
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story


def _attribution(paragraphs: list[str]):
    story, segments = _story(paragraphs)
    return attribute(story, segments)


def _speakers(paragraphs: list[str]) -> list[str]:
    return [l.speaker for l in _attribution(paragraphs).lines if l.segment.kind is SegmentKind.DIALOGUE]


_NICKNAME = [
    "Callum was waiting at the gate when the bus pulled in. Callum waved.",
    '"You took your time," Callum said.',
    '"Traffic," said Mira.',
    "Cal grinned and took her bag.",
    '"Liar," said Cal.',
]


def test_a_clipped_nickname_speaks_as_the_full_name():
    attribution = _attribution(_NICKNAME)
    speakers = [l.speaker for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE]
    assert speakers == ["Callum", "Mira", "Callum"]
    assert "Cal" not in {c.name for c in attribution.characters}


def _roster(*names: str) -> tuple[Roster, list[Person]]:
    roster = Roster()
    people = [roster.add(Person(n, Counter({n: 3})), [n]) for n in names]
    return roster, people


def test_short_form_needs_three_letters_two_more_and_one_owner():
    roster, (ann, anne) = _roster("Ann", "Anne")
    assert short_form_owner(roster, ann) is None  # one letter longer: a spelling, not a nickname
    roster, (sam, samantha, samuel) = _roster("Sam", "Samantha", "Samuel")
    assert short_form_owner(roster, sam) is None  # two owners: nobody
    roster, (al, alan) = _roster("Al", "Alan")
    assert short_form_owner(roster, al) is None  # too short to trust


def test_short_form_kept_apart_when_a_sentence_names_both():
    roster, (cal, callum) = _roster("Cal", "Callum")
    roster.apart = {frozenset(("Cal", "Callum"))}
    assert short_form_owner(roster, cal) is None


_KITCHEN = [
    "Omar sat on the sofa with his arm in a sling.",
    '"Chocolate," said Omar.',
    '"Painkillers first," Rosa said.',
    '"Yes, Mum," said Omar.',
    "In the kitchen, Lena filled a glass of water while Rosa hunted for a spoon.",
    '"So," Lena said.',
    '"Don\'t."',
]


def test_untagged_reply_goes_to_the_one_the_narration_is_about():
    assert _speakers(_KITCHEN)[-1] == "Rosa"


def test_narrated_partner_stays_out_when_the_previous_speaker_is_narrated_too():
    conv = Conversation(turns=["Omar", "Rosa", "Omar", "Lena"], before_last_turn=["Lena", "Omar", "Rosa"])
    assert narrated_partner(conv, []) is None
    conv = Conversation(turns=["Omar", "Lena"], before_last_turn=["Lena", "Rosa"])
    assert narrated_partner(conv, []) is None  # Rosa has not spoken: not yet a partner
    conv = Conversation(turns=["Rosa", "Omar", "Lena"], before_last_turn=["Lena", "Rosa"])
    assert narrated_partner(conv, ["Rosa"]) is None  # the quotation addresses her
