"""Round 10 rule: a rank after a possessive (``said his lady``) is a relation of someone, not
the one character bearing that title (``Lady Lucas``, met later). Scenes are written by hand;
the scene test fails when :func:`possessive_rank` is taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.document import Mention
from ficaudio.attribute.resolve import possessive_rank
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story

_SPOUSE_SCENE = [
    "Mr. Grant was reading by the fire.",
    '"My dear," said his lady to him one evening, "have you heard the news?"',
    "Mr. Grant replied that he had not.",
    "Later, Sir Hugh and Lady Ferrars came to call.",
    '"Good evening," said Lady Ferrars.',
]


def _speakers(paragraphs: list[str]) -> list[str]:
    story, segments = _story(paragraphs)
    return [l.speaker for l in attribute(story, segments).lines if l.segment.kind is SegmentKind.DIALOGUE]


def test_his_lady_is_not_the_one_titled_lady_of_the_story():
    speakers = _speakers(_SPOUSE_SCENE)
    assert speakers[0] != "Lady Ferrars" and speakers[1] != "Lady Ferrars"
    assert speakers[0] == speakers[1]  # both halves of the split quotation: the same wife
    assert speakers[2] == "Lady Ferrars"


def test_the_lady_still_finds_the_titled_character():
    scene = ["Lady Ferrars came into the hall.", '"Good evening," said the lady.']
    assert _speakers(scene) == ["Lady Ferrars"]


def test_possessive_rank_only_for_ranks_after_a_possessive():
    def m(text: str) -> Mention:
        return Mention(0, len(text), "description", text, head=text.split()[-1])

    assert possessive_rank(m("his lady")) and possessive_rank(m("her lord"))
    assert not possessive_rank(m("the lady")) and not possessive_rank(m("his aunt"))
