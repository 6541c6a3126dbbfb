"""Round 14 rules: a form of address (``Your Highness``) is never a character's name
(:data:`~ficaudio.attribute.lexicon.NOT_NAMES`), and in a first-person story a name that exists
only as what others call someone is the narrator's (:func:`vocative_only_names`).
Scenes are written by hand; each scene test fails with its rule taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story


def _attribution(paragraphs: list[str]):
    story, segments = _story(paragraphs)
    return attribute(story, segments)


def _speakers(attribution) -> list[str]:
    return [l.speaker for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE]


_THRONE_ROOM = [
    "Queen Maud reads the letter by the window. Lord Ansel waits at her elbow.",
    '"The riders are back, Your Majesty," I say from the door.',
    '"How many?" Queen Maud asks.',
    '"All of them, Majesty."',
    '"They are tired, Majesty," says Lord Ansel.',
    '"Then let them sleep," says the queen.',
]


def test_a_form_of_address_is_no_character():
    attribution = _attribution(_THRONE_ROOM)
    assert not {"Majesty", "Your Majesty"} & {c.name for c in attribution.characters}
    speakers = _speakers(attribution)
    assert speakers[1:3] == ["Queen Maud", speakers[0]]


_NIGHT_WATCH = [
    "The sergeant finds me at the gate before dawn.",
    '"You\'re late, Rook," the sergeant says.',
    '"The horse threw a shoe," I say.',
    '"Take the east wall, Rook."',
    "Ilse comes up the ladder with two mugs and hands me one.",
    '"Drink, Tarn. You look frozen," Ilse says.',
    '"I am frozen."',
    '"Then drink faster, Tarn."',
    '"Yes, Ilse."',
]


def test_a_name_only_ever_addressed_is_the_narrator():
    attribution = _attribution(_NIGHT_WATCH)
    speakers = _speakers(attribution)
    assert "Tarn" not in {c.name for c in attribution.characters}
    assert speakers[1] == speakers[4] == speakers[6] == "Rook"
    assert speakers[3] == speakers[5] == "Ilse"
