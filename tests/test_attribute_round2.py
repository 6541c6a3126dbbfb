"""Tests of the round-2 attribution rules: one small hand-written scene per rule.

Covers: non-person names, description boundaries and groups, voices, indefinite newcomers,
pronouns that prefer the subject, gender weights, the narrator naming themselves, and the
backward alternation pass.
"""

from __future__ import annotations

import pytest

from ficaudio.attribute import attribute
from ficaudio.attribute.alternation import Turn, alternation_speaker
from ficaudio.attribute.characters import Occurrence, is_non_person_form
from ficaudio.attribute.document import Paragraph
from ficaudio.attribute.mentions import description_at, is_group_noun, name_runs, words
from ficaudio.attribute.gender import _object_discount, _pronoun_weight
from ficaudio.models import Character, Gender, SegmentKind
from test_attribute import INO, KIBA, SAKURA, speakers, story


# ------------------------------------------------------------------ non-person names
@pytest.mark.parametrize(
    "form, occurrence, expected",
    [
        ("Front Street", Occurrence(total=2, mid_sentence=2), True),  # place word last
        ("New York", Occurrence(total=3, mid_sentence=3), True),  # place prefix
        ("American", Occurrence(total=2, mid_sentence=2), True),  # demonym
        ("Irish", Occurrence(total=5, mid_sentence=5, tagged=2), False),  # a nickname that speaks
        ("Hall", Occurrence(total=4, mid_sentence=4, titled={"mrs": 4}), False),  # Mrs. Hall
        ("Presently", Occurrence(total=2, mid_sentence=0), True),  # adverb only at sentence start
        ("Molly", Occurrence(total=3, mid_sentence=2), False),
    ],
)
def test_is_non_person_form(form, occurrence, expected):
    from collections import Counter

    occurrence.titled = Counter(occurrence.titled)
    assert is_non_person_form(form, occurrence) is expected


def test_ship_after_the_in_italics_is_not_a_speaker():
    text = ("The _Heron_ was sinking. Ino ran along the deck of the _Heron_.\n"
            "The _Heron_ tilted. Ino looked back.\n\"We have to jump,\" she said.")
    st, segs = story(text)
    result = attribute(st, segs, known=[INO])
    assert "Heron" not in [c.name for c in result.characters]
    assert [l.speaker for l in result.lines if l.segment.kind is SegmentKind.DIALOGUE] == ["Ino"]


# ----------------------------------------------------------------------- descriptions
@pytest.mark.parametrize(
    "text, expected",
    [
        ("the time when my father came", None),  # a wh-word ends the phrase
        ("the organ which her husband played", None),
        ("the old woman said", ("the old woman", "woman")),
        ("the boy officer answered", ("the boy", "boy")),
    ],
)
def test_description_stops_at_function_words(text, expected):
    assert description_at(text) == expected


def test_group_nouns():
    assert is_group_noun("sisters") and is_group_noun("people") and not is_group_noun("sister")


def test_possessive_voice_speaks_for_its_owner():
    text = 'Kiba waited by the door.\nHis voice was rough. "Open up."'
    assert speakers(text, [KIBA]) == [("Kiba", "description_action_beat")]


def test_group_description_is_not_a_speaker():
    text = 'Ino faced the crowd.\n"Never!" cried the people.'
    assert speakers(text, [INO])[0][0] != "the people"


def test_indefinite_subject_is_a_newcomer_not_the_last_man():
    text = 'Kiba sat alone.\nA man came to the table. "Is this seat taken?" he asked.'
    assert speakers(text, [KIBA])[0] == ("the man", "pronoun_tag")


def test_indefinite_object_creates_nobody():
    st, segs = story('Kiba ran like a man on fire.\n"Hurry," Kiba said.')
    assert "the man" not in [c.name for c in attribute(st, segs, known=[KIBA]).characters]


def test_generic_noun_is_not_a_differently_described_person():
    text = ('The father stood up.\n"Sit," said the father.\nThe boy shook his head.\n"No," said the boy.')
    assert [s for s, _ in speakers(text)] == ["the father", "the boy"]


# ------------------------------------------------------------------------- pronouns
def test_pronoun_prefers_the_recent_subject_over_an_object():
    text = ('Ino woke cross and saw that the woman by her bed was not Sakura.\n'
            '"Why did you come?" she said to the woman.')
    assert speakers(text, [INO, SAKURA])[0] == ("Ino", "pronoun_tag")


def test_he_said_after_narration_is_not_forced_to_the_other_man():
    text = ('Kiba met Ryo.\n"Hi," Ryo said.\nLater Kiba handed Ino a cup. She took it.\n"Careful," he said.')
    ryo = Character("Ryo", (), Gender.MALE)
    assert speakers(text, [INO, KIBA, ryo])[-1] == ("Kiba", "pronoun_tag")


# --------------------------------------------------------------------------- gender
def _run(text: str):
    return name_runs(words(text), text)[0]


@pytest.mark.parametrize(
    "text, weight",
    [
        ("Oren smiled and he sat.", 1.0),
        ("Oren settles into his seat.", 0.8),
        ("Oren looked at her warily.", 0.0),  # an object: someone else (round 3)
        ("Oren lifted her cup.", 0.3),  # a possessive, often hers in a woman's point of view
        ("Oren pushed him away.", 0.0),
        ("Oren shook his head.", 1.0),  # own body
    ],
)
def test_pronoun_weight(text, weight):
    assert _pronoun_weight(text, _run(text), len(text)) == weight


def test_name_after_preposition_votes_weakly():
    text = "To Oren she is a mystery."
    assert _object_discount(text, _run(text)) == 0.3
    assert _object_discount("Oren said", _run("Oren said")) == 1.0


# ------------------------------------------------------------------------- narrator
def test_narrator_who_names_themselves():
    text = ('My name was Philip, but I called myself Pip.\nJoe came in.\n"Where were you?" Joe asked.\n'
            '"Out," I said.')
    assert speakers(text)[-1] == ("Pip", "first_person_tag")


def test_narrator_addressed_once_and_never_a_subject():
    text = ('Holmes sat by the fire.\n"You look tired, Watson," Holmes said.\n"I am," I said.\n'
            '"Mrs. Hudson says Watson works too hard," said Holmes.')
    assert speakers(text)[1] == ("Watson", "first_person_tag")


# ----------------------------------------------------------------------- alternation
def test_untagged_opening_turns_alternate_back_from_the_first_tag():
    text = 'Kiba met Ino at the gate.\n"Where?"\n"North."\n"How far?" Ino asked.\n"Two days," Kiba said.'
    result = speakers(text, [INO, KIBA])
    assert [s for s, _ in result] == ["Ino", "Kiba", "Ino", "Kiba"]
    assert result[0][1] == "alternation_backfill"


def test_newcomer_tagged_later_does_not_rewrite_the_pair():
    text = ('Ino met Kiba at the gate.\n"Well," Ino said.\n"Well what?"\n"You know."\n"I do not."\n'
            '"Stop it," Sakura said.')
    result = speakers(text, [INO, KIBA, SAKURA])
    assert [s for s, _ in result] == ["Ino", "Kiba", "Ino", "Kiba", "Sakura"]


def test_alternation_speaker_needs_a_partner_for_odd_distance():
    p = Paragraph(1, 0, 0, 0)
    turns = [Turn(p, 0, "Ino", True), Turn(p, 1, None, False)]
    assert alternation_speaker(turns, 1) is None
