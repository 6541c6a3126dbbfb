"""Round 7 rules: two relatives that one full name would merge are kept apart (one addresses
the other in a tagged line, or both are named in one sentence), a gendered title does not join
a full name whose given name is the other gender, and a bare surname names the husband, not
``Mrs. X``. Scenes are written by hand; each test fails when its rule is taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.characters import Person, _title_fits, forms_kept_apart, is_vocative_run
from ficaudio.attribute.mentions import NameRun
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story


def _attribution(paragraphs: list[str]):
    story, segments = _story(paragraphs)
    return attribute(story, segments)


def _speakers(paragraphs: list[str]) -> list[str]:
    return [l.speaker for l in _attribution(paragraphs).lines if l.segment.kind is SegmentKind.DIALOGUE]


SISTERS = [
    "The school of Miss Agatha Thornbury stood at the end of the lane.",
    '"Is the coach at the gate, Miss Agatha?" asked Miss Thornbury.',
    '"It is, sister," replied Miss Agatha.',
    '"Then fetch the girl at once," said Miss Thornbury.',
    '"I shall," said Miss Agatha.',
]


def test_a_tagged_speaker_addressing_a_relative_keeps_them_apart():
    speakers = _speakers(SISTERS)
    assert speakers[0] != speakers[1]
    assert speakers[0] == speakers[2] and speakers[1] == speakers[3]


def test_two_forms_named_in_one_sentence_are_two_people():
    scene = [
        "Mr. Oswin Hale kept the shop.",
        "In the morning Mr. Oswin watched Mr. Hale count the coins.",
        '"Twelve," said Mr. Hale.',
        '"Thirteen," said Mr. Oswin.',
    ]
    first, second = _speakers(scene)
    assert first != second


def test_forms_kept_apart_ignores_an_apposition():
    a, b = NameRun(("Hale",), "mr", None, 0, 8, False), NameRun(("Oswin", "Hale"), None, None, 10, 20, False)
    text = "Mr. Hale, Oswin Hale, came."
    assert forms_kept_apart([], [[a, b]], text) == set()


def test_vocative_run_needs_a_pause_after_it():
    text = '"Ask Miss Agatha about it."'
    assert not is_vocative_run(text, NameRun(("Agatha",), "miss", None, 5, 16, False), 0)
    text = '"Miss Agatha, come here."'
    assert is_vocative_run(text, NameRun(("Agatha",), "miss", None, 1, 12, False), 0)


def test_a_wife_title_does_not_join_a_man_named_in_full():
    assert not _title_fits(Person("Peter Marlowe"), "mrs")
    assert _title_fits(Person("Peter Marlowe"), "mr")
    assert _title_fits(Person("Mary Lennard"), "mrs")  # no contradiction: may be the same woman


def test_a_bare_surname_names_the_husband_not_mrs():
    scene = [
        "At six Peter Marlowe came home late. Mrs. Marlowe was waiting by the fire for Peter Marlowe.",
        "Marlowe hung up his coat and sat down. Mrs. Marlowe put down her sewing.",
        '"You are late," said Mrs. Marlowe.',
        '"The roads were bad," said Marlowe.',
    ]
    attribution = _attribution(scene)
    speakers = _speakers(scene)
    assert speakers[0] != speakers[1]
    husband = next(c for c in attribution.characters if c.name == speakers[1])
    assert "Mrs. Marlowe" not in (husband.name, *husband.aliases)
