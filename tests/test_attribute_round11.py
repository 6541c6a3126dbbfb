"""Round 11 rules: a first-person narrator named by a self-description (:func:`self_named`,
:func:`self_description`) and a spouse named by the text (:func:`spouse_of_possessor`).
Scenes are written by hand; each scene test fails with its rule taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.narrator import _SELF_ALIAS, _SELF_APPOSITION, _SELF_NAMING, _SELF_STATEMENT
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story


def _speakers(paragraphs: list[str]) -> list[str]:
    story, segments = _story(paragraphs)
    return [l.speaker for l in attribute(story, segments).lines if l.segment.kind is SegmentKind.DIALOGUE]


_VISIT = [
    "The rain had not stopped for a week when the bell rang.",
    '"Come in out of the wet," I said, and opened the door wide.',
    "Two old friends stood there, shaking their coats.",
    '"We were passing," one of them said.',
    '"You were never passing," I answered.',
]


def test_narrator_named_by_apposition_after_i():
    scene = ["Nobody asked me, I, Tobias Wren, the last clerk of the office, to keep this record."] + _VISIT
    speakers = _speakers(scene)
    assert speakers[0] == "Tobias Wren" and speakers[2] == "Tobias Wren"


def test_narrator_named_by_self_portrait_with_alias():
    scene = [
        "Picture a short, grey man with ink on my cuffs and a cough, and you will get a very fair "
        "idea of Tobias Wren, commonly called Old Wren by the porters."
    ] + _VISIT
    speakers = _speakers(scene)
    assert speakers[0] == "Tobias Wren" and speakers[2] == "Tobias Wren"


def test_narrator_named_by_what_people_called_him():
    scene = ["In the market everyone called me Tobias, though it was never my name at birth."] + _VISIT
    assert _speakers(scene)[0] == "Tobias"


def test_i_am_a_name_only_when_the_roster_knows_it():
    assert _SELF_STATEMENT.search("I am Tobias Wren, and I keep the books.")
    known = ["Tobias Wren kept the books before me.", "I was Tobias Wren, after all; the books were mine now."] + _VISIT
    assert _speakers(known)[0] == "Tobias Wren"
    unknown = ["I am Glad, I told myself, that it rains."] + _VISIT
    assert _speakers(unknown)[0] == "I"


def test_self_naming_patterns():
    assert _SELF_APPOSITION.search("Me--I, Sallie Brown, the head of it").group(1) == "Sallie Brown"
    assert not _SELF_APPOSITION.search("Then I, too, went home.")  # lower-case: no name
    assert _SELF_NAMING.search("people call me Red now").group(1) == "Red"
    assert _SELF_ALIAS.search("a fair idea of Tom Hale, commonly called Ox").group(1) == "Tom Hale"


_COUPLE = [
    "Mr. Grant sat by the fire, and Mrs. Grant sewed at the window.",
    "Miss Price, the governess, brought in a letter from the evening post and left.",
    '"My dear Mr. Grant," said his lady, "the Hartleys are coming."',
    "Mr. Grant put down his paper.",
    '"Are they indeed?" he said.',
    '"They are," cried his wife.',
]


def test_his_lady_and_his_wife_are_the_mrs_of_the_mister():
    speakers = _speakers(_COUPLE)
    assert speakers[0] == speakers[1] == "Mrs. Grant"
    assert speakers[2] == "Mr. Grant"
    assert speakers[3] == "Mrs. Grant"


def test_her_husband_is_the_mister_of_the_mrs():
    # a guard: the older nearest-man rule also gets this scene; the spouse rule must not break it
    scene = [
        "Mrs. Hale poured the tea. Mr. Hale had gone out to the barn an hour before.",
        "Tom Reed came in from the yard. He sat down to mend a harness in the corner.",
        "The door opened and she looked up.",
        'Tom Reed glanced at the window. "Snow on the road," said her husband, stamping his boots.',
    ]
    assert _speakers(scene) == ["Mr. Hale"]


def test_a_wife_with_no_named_spouse_stays_a_description():
    scene = ["Mr. Grant came in from the garden.", '"It will rain," said his wife.']
    assert _speakers(scene)[0] != "Mr. Grant"
