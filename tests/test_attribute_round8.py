"""Round 8 rules: an inverted tag makes the noun after it a speaker (``sobbed the faithful
attendant``), compound person nouns (``step-son``), one speaker for a quotation split by its
own tag, and a weaker turn-taking guess when three people share the talk. Scenes are written
by hand; each test fails when its rule is taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.conversation import three_way
from ficaudio.attribute.mentions import compound_head, description_at, words
from ficaudio.attribute.rules import inverted_description
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story


def _lines(paragraphs: list[str]):
    story, segments = _story(paragraphs)
    return [l for l in attribute(story, segments).lines if l.segment.kind is SegmentKind.DIALOGUE]


def test_an_inverted_tag_makes_an_unlisted_noun_a_speaker():
    lines = _lines([
        "Lady Merrow sat by the fire, and her maid stood by the door.",
        '"I cannot bear to leave you, madam," sobbed the faithful attendant.',
    ])
    assert lines[0].speaker == "the faithful attendant"
    assert lines[0].rule == "description_tag"


def test_an_inverted_description_ends_at_a_name_in_apposition():
    t = ' said the poet Ren quietly.'
    ws = words(t)
    assert inverted_description(t, ws).text == "the poet Ren"  # no mention known: the phrase
    assert inverted_description(' said the other.', words(' said the other.')) is None
    assert inverted_description(' said the crowd.', words(' said the crowd.')) is None


def test_a_compound_kin_noun_is_a_person_of_that_gender():
    assert compound_head("step-son") == "son" and compound_head("grandmother") == "mother"
    assert description_at("his step-son shrugged") == ("his step-son", "son")
    lines = _lines([
        "Mr. Pett frowned at the breakfast table.",
        'His step-son shrugged. "I did nothing."',
    ])
    assert lines[0].speaker != "Mr. Pett"
    assert lines[0].rule == "description_action_beat"


def test_a_quotation_split_by_its_own_tag_keeps_one_speaker():
    lines = _lines([
        "Mr. Denham sat by the window. He said nothing.",
        '"The moors are bare," said Mr. Fortescue, and he went on about the moors for some time.',
        '"Oh, Mr. Fortescue," exclaimed Mrs. Hilton, as he finished, "I had just written to say how I envied her!"',
    ])
    assert [l.speaker for l in lines[1:]] == ["Mrs. Hilton", "Mrs. Hilton"]  # "as he finished" is no new tag


def test_a_new_name_tagging_the_second_half_still_wins():
    lines = _lines([
        "Tom Reed and Ann Bell stood at the gate.",
        '"Come in," said Tom, and Ann answered, "Gladly."',
    ])
    assert [l.speaker for l in lines] == ["Tom", "Ann"]


def test_turn_taking_among_three_is_a_weaker_guess():
    assert three_way(["Ino", "Shino", "Kiba", "Ino"]) and not three_way(["Ino", "Kiba", "Ino", "Kiba"])
    three = _lines([
        '"Where?" asked Ino.',
        '"North," said Shino.',
        '"How far?" asked Kiba.',
        '"Two days."',
    ])
    two = _lines([
        '"Where?" asked Ino.',
        '"North," said Kiba.',
        '"How far?" asked Ino.',
        '"Two days."',
    ])
    assert three[-1].rule == two[-1].rule == "turn_taking"
    assert three[-1].confidence < two[-1].confidence
