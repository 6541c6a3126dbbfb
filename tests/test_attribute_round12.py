"""Round 12 rules: a surname that is also an ordinary word (:func:`word_made_person`,
:func:`may_be_surname`). Scenes are written by hand; each scene test fails with its rule taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.characters import Occurrence, word_made_person
from ficaudio.attribute.mentions import may_be_surname, words
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story


def _speakers(paragraphs: list[str]) -> list[str]:
    story, segments = _story(paragraphs)
    return [l.speaker for l in attribute(story, segments).lines if l.segment.kind is SegmentKind.DIALOGUE]


_FRIENDS = [
    "It was a good evening, and a good fire burned. Good food was on the table, good wine in the jug.",
    "Then there was Good, who is not like the rest of us: short and loud, and a good friend.",
    "Hollis had been silent a long while, and so had Good.",
    '"Three years," said Good. "Why do you ask?"',
    '"Because I have a good reason," said Hollis.',
    '"Then tell it," said Good.',
]


def test_a_surname_that_is_a_word_speaks_once_a_tag_names_it():
    speakers = _speakers(_FRIENDS)
    assert speakers == ["Good", "Good", "Hollis", "Good"]


def test_a_title_also_makes_the_word_a_person():
    scene = [
        "The good doctor was late. It was a good day for it, and good weather too.",
        "Mr. Good came in at last, shaking the rain from his hat.",
        '"Sorry," Mr. Good muttered.',
        '"No matter," Hollis said.',
    ]
    assert _speakers(scene)[0] in ("Good", "Mr. Good")


def test_word_made_person_needs_a_title_or_a_mid_sentence_tag():
    assert word_made_person(Occurrence(total=4, tagged_mid=1))
    assert not word_made_person(Occurrence(total=4, tagged=2))  # "Good," she said: a word


def test_only_a_mid_sentence_adjective_may_be_a_surname():
    ws = words("Good heavens, said Good. Nobody said Nobody.")
    flags = [(w.text, may_be_surname(w)) for w in ws]
    assert flags[0] == ("Good", False) and flags[3] == ("Good", True) and ("Nobody", True) not in flags

