"""Tests of ficaudio.attribute.lexicon: src/ficaudio/attribute/lexicon.py."""

from __future__ import annotations

import re

import pytest

from ficaudio.attribute.conversation import is_remembered
from ficaudio.attribute.document import Mention
from ficaudio.attribute.lexicon import OBJECT_PRONOUN_CLOSES
from ficaudio.attribute.rules import _done_before

from attribute_scenes import LATE_COUPLE, dialogue_speakers, scene_attribution, speakers_of


def test_contracted_pronoun_is_a_subject():
    scene = [LATE_COUPLE, "He never goes anywhere blind. She’s teased him about it. “Why do you need to know that?”"]
    assert dialogue_speakers(scene)[-1] == "Mara"


_THRONE_ROOM = [
    "Queen Maud reads the letter by the window. Lord Ansel waits at her elbow.",
    '"The riders are back, Your Majesty," I say from the door.',
    '"How many?" Queen Maud asks.',
    '"All of them, Majesty."',
    '"They are tired, Majesty," says Lord Ansel.',
    '"Then let them sleep," says the queen.',
]


def test_a_form_of_address_is_no_character():
    attribution = scene_attribution(_THRONE_ROOM)
    assert not {"Majesty", "Your Majesty"} & {c.name for c in attribution.characters}
    speakers = speakers_of(attribution)
    assert speakers[1:3] == ["Queen Maud", speakers[0]]


def test_a_cousin_in_a_tag_is_a_person_not_the_man_his_means():
    scene = ['"I am sure Ino agrees with me," said Kiba to his uncle.',
             '"Ino can speak for herself," said his cousin, coldly.']
    speakers = dialogue_speakers(scene)
    assert speakers[1] not in ("Kiba", "his uncle") and "cousin" in speakers[1]


def test_a_role_noun_says_its_gender():
    scene = [
        "Presently he was met by an elderly parson on a gray mare.",
        '"Good night," said the man with the basket.',
        '"Good night, Sir John," said the parson.',
        '"Now, sir, we met last market-day on this road."',
        "The parson rode a step or two nearer.",
        '"It was only my whim," he said.',
    ]
    assert dialogue_speakers(scene)[-1] == "the parson"


def test_an_ly_adjective_after_her_does_not_close_an_object_pronoun():
    closes = re.compile(rf"\b(him|her){OBJECT_PRONOUN_CLOSES}")
    found = [bool(closes.search(t)) for t in ("He turned to her slowly.", "She looked at him sharply then", "She met her only friend.",
                                               "He kissed her lovely face.", "They walked behind her ugly dog.", "He smiled at her gently as she sat.")]
    assert found == [True, True, False, False, False, True]


_PLURAL_DAYS = [
    "Nate pushed the door open. Rain ran off his hood.",
    "The barista looked up from the till. In forty Fridays she had never once said anything new, and in forty Fridays he had never once been on time.",
    '"Morning!" she said. "Flat white for Nate?"',
    '"Please."',
]


def test_a_day_in_the_plural_is_no_person():
    # "in forty Fridays": a count of days, never the "she" who greets him
    assert "Fridays" not in dialogue_speakers(_PLURAL_DAYS)


@pytest.mark.parametrize("between", ["quietly", "even", "just", "already", "barely", "hardly", "not", "never", "often", "long since", "once", "still", "all"])
def test_the_pluperfect_and_the_past_perfect_time_clause_take_the_same_words_after_had(between):
    text = f"She said before Teo had {between} gone."
    teo = Mention(text.index("Teo"), text.index("Teo") + 3, "name", "Teo", subject=True)
    assert is_remembered(text, teo) and _done_before(text, teo)


@pytest.mark.parametrize("honorific, gender", [("hyung", "male"), ("oppa", "male"), ("noona", "female"), ("unnie", "female"), ("eonni", "female"), ("sunbae", "unknown"), ("gege", "male"), ("jiejie", "female"), ("shixiong", "male"), ("shizun", "unknown")])
def test_a_korean_or_chinese_honorific_gives_the_gender_of_the_one_it_calls(honorific, gender):
    # "Yerin-noona" is a woman whoever calls her so; "Taemin-hyung" a man
    from ficaudio.attribute.lexicon import HONORIFIC_GENDER

    assert HONORIFIC_GENDER[honorific].value == gender
