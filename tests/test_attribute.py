"""Tests of the attribute stage: one small hand-written scene per rule."""

from __future__ import annotations

import re

import pytest

from ficaudio.attribute import attribute
from ficaudio.attribute.characters import Occurrence, is_character_form
from ficaudio.attribute.mentions import description_at, split_honorific
from ficaudio.models import (
    NARRATOR,
    UNKNOWN_SPEAKER,
    Block,
    BlockKind,
    Chapter,
    Character,
    Gender,
    Segment,
    SegmentKind,
    Story,
)

_QUOTE = re.compile(r'"[^"\n]*"|“[^”\n]*”')
_THOUGHT = re.compile(r"\*[^*\n]+\*")

INO = Character("Ino", (), Gender.FEMALE)
KIBA = Character("Kiba", (), Gender.MALE)
SAKURA = Character("Sakura", (), Gender.FEMALE)
KAKASHI = Character("Kakashi", ("Hatake",), Gender.MALE)


def story(text: str) -> tuple[Story, list[Segment]]:
    """Paragraphs are lines; a line ``***`` is a scene break; "..." are quotations."""
    blocks, segments, offset = [], [], 0
    for raw in text.split("\n"):
        b = len(blocks)
        kind = BlockKind.SCENE_BREAK if raw.strip() == "***" else BlockKind.PARAGRAPH
        blocks.append(Block(kind, offset, offset + len(raw)))
        if kind is BlockKind.SCENE_BREAK:
            segments.append(Segment(1, b, SegmentKind.SCENE_BREAK, offset, offset + len(raw), raw))
        else:
            segments.extend(_paragraph_segments(text, b, offset, offset + len(raw)))
        offset += len(raw) + 1
    return Story(text, "t", None, "t.txt", (Chapter(1, None, None, tuple(blocks)),)), segments


def _paragraph_segments(text: str, b: int, start: int, end: int) -> list[Segment]:
    found, cursor = [], start
    spans = sorted([(m.start() + start, m.end() + start, SegmentKind.DIALOGUE) for m in _QUOTE.finditer(text[start:end])]
                   + [(m.start() + start, m.end() + start, SegmentKind.THOUGHT) for m in _THOUGHT.finditer(text[start:end])])
    for s, e, kind in spans:
        if s > cursor:
            found.append(Segment(1, b, SegmentKind.NARRATION, cursor, s, text[cursor:s]))
        found.append(Segment(1, b, kind, s, e, text[s:e]))
        cursor = e
    if cursor < end:
        found.append(Segment(1, b, SegmentKind.NARRATION, cursor, end, text[cursor:end]))
    return found


def speakers(text: str, known=()) -> list[tuple[str, str]]:
    st, segs = story(text)
    result = attribute(st, segs, known=known)
    return [(l.speaker, l.rule) for l in result.lines if l.segment.kind in (SegmentKind.DIALOGUE, SegmentKind.THOUGHT)]


# --------------------------------------------------------------------------- tags
@pytest.mark.parametrize(
    "text, expected",
    [
        ('Ino walked in.\n"Go," Ino said.', ("Ino", "explicit_tag")),  # tag after
        ('Ino walked in.\n"Go," said Ino.', ("Ino", "explicit_tag")),  # inverted
        ('Ino walked in.\n"Go," said Ino softly.', ("Ino", "explicit_tag")),
        ('Ino walked in.\nIno said, "Go."', ("Ino", "explicit_tag")),  # tag before
        ('Ino walked in.\nIno turned to Kiba and said quietly: "Go."', ("Ino", "explicit_tag")),
        ('Kiba and Ino sat.\n"Go," Ino told Kiba.', ("Ino", "explicit_tag")),  # object is not the speaker
        ('Kiba and Ino sat.\n"Go," said Kiba to Ino.', ("Kiba", "explicit_tag")),
    ],
)
def test_named_tags(text, expected):
    assert speakers(text, [INO, KIBA])[-1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Ino waved at Kiba.\n"Go!" She whispered.', ("Ino", "pronoun_tag")),  # mis-capitalised tag
        ('Ino waved at Kiba.\n"Go," he tells Ino.', ("Kiba", "pronoun_tag")),  # object after the verb
        ('Kiba sat down by Ino.\n"Go," she said.', ("Ino", "pronoun_tag")),  # gender picks the woman
        ('Kiba sat down by Ino.\n"Go," he had said.', ("Kiba", "pronoun_tag")),
    ],
)
def test_pronoun_tags(text, expected):
    assert speakers(text, [INO, KIBA])[-1] == expected


def test_split_quotation_keeps_speaker_on_both_halves():
    assert speakers('Kiba and Ino sat.\n"Go," Ino said, "before it rains."', [INO, KIBA]) == [("Ino", "explicit_tag")] * 2


def test_same_gender_pronoun_goes_to_the_subject_of_the_paragraph():
    text = 'Ino met Sakura at the gate.\n"Hi," Sakura said.\nIno laughed. "Hello," she said.'
    assert speakers(text, [INO, SAKURA])[-1] == ("Ino", "pronoun_tag")


def test_same_gender_pronoun_without_subject_goes_to_the_other_speaker():
    text = 'Ino met Sakura at the gate.\n"Hi," Sakura said.\n"Hello," she said.'
    assert speakers(text, [INO, SAKURA])[-1] == ("Ino", "pronoun_tag")


def test_description_tag_makes_a_character_named_by_it():
    text = 'Ino stood by the window.\n"Halt," the ANBU captain said.\n"Why?" Ino asked.'
    assert speakers(text)[0] == ("the ANBU captain", "description_tag")
    st, segs = story(text)
    assert "the ANBU captain" in [c.name for c in attribute(st, segs).characters]


# ----------------------------------------------------------------------- action beats
@pytest.mark.parametrize(
    "text, expected",
    [
        ('Kiba and Ino sat.\nIno frowned at him. "Stop."', ("Ino", "named_action_beat")),
        ('Kiba and Ino sat.\n"Stop." Ino frowned at him.', ("Ino", "named_action_beat")),  # beat after
        ('Kiba and Ino sat.\nHe sighed. "Fine."', ("Kiba", "pronoun_action_beat")),
    ],
)
def test_action_beats(text, expected):
    assert speakers(text, [INO, KIBA])[-1] == expected


def test_two_speakers_in_one_paragraph():
    text = 'Kiba and Ino sat.\n"Stop," Ino said. Kiba laughed. "Make me."'
    assert [s for s, _ in speakers(text, [INO, KIBA])] == ["Ino", "Kiba"]


# ------------------------------------------------------------------- vocatives & turns
def test_vocative_is_not_the_speaker_and_answers_next():
    text = 'Ino and Kiba waited.\nKiba yawned.\n"Kakashi, listen." Kakashi looked up.\n"I am listening."'
    result = speakers(text, [INO, KIBA, KAKASHI])
    assert result[0][0] != "Kakashi"
    assert result[1] == ("Kakashi", "vocative_addressee_replies")


def test_turn_taking_alternates_untagged_lines():
    text = 'Ino met Kiba.\n"A," Ino said.\n"B," Kiba said.\n"C."\n"D."\n"E."'
    assert [s for s, _ in speakers(text, [INO, KIBA])] == ["Ino", "Kiba", "Ino", "Kiba", "Ino"]
    assert speakers(text, [INO, KIBA])[2][1] == "turn_taking"


def test_third_speaker_breaks_alternation():
    text = 'Ino met Kiba.\n"A," Ino said.\n"B," Kiba said.\n"C," said Sakura.\n"D."'
    assert [s for s, _ in speakers(text, [INO, KIBA, SAKURA])] == ["Ino", "Kiba", "Sakura", "Kiba"]


def test_scene_break_ends_the_conversation():
    text = 'Ino met Kiba.\n"A," Ino said.\n"B," Kiba said.\n***\n"C."'
    assert speakers(text, [INO, KIBA])[-1][1] != "turn_taking"


# ---------------------------------------------------------------- first person, thoughts
def test_first_person_narrator_is_named_by_how_others_address_them():
    text = ('Mara came in.\n"Hello, Wren," Mara said.\n"Hi," I said.\n"Come on, Wren. We are late," Mara said.\n'
            '"Coming," I said.')
    result = speakers(text)
    assert [s for s, _ in result] == ["Mara", "Wren", "Mara", "Wren"]
    assert result[1][1] == "first_person_tag"


def test_thought_goes_to_the_viewpoint_character():
    assert speakers("Kiba stared at the door. *Not again.*", [KIBA]) == [("Kiba", "viewpoint_thinker")]


# ------------------------------------------------------------------ the Attribution
def test_one_line_per_segment_with_narrator_and_unknown():
    st, segs = story('The rain fell.\n***\n"Who is there?"')
    result = attribute(st, segs)
    assert [l.segment for l in result.lines] == segs
    assert result.lines[0].speaker == NARRATOR and result.lines[0].rule == "narration"
    assert result.lines[-1].speaker == UNKNOWN_SPEAKER and result.lines[-1].confidence == 0.0


def test_known_characters_keep_their_canonical_name():
    text = 'Hatake walked in.\n"Yo," Hatake said.'
    assert speakers(text, [KAKASHI]) == [("Kakashi", "explicit_tag")]


def test_confidence_is_between_zero_and_one():
    st, segs = story('Ino met Kiba.\n"A," Ino said.\n"B."\nHe sighed. "C."')
    assert all(0.0 <= l.confidence <= 1.0 for l in attribute(st, segs).lines)


# ------------------------------------------------------------ characters and genders
def _characters(text: str) -> dict[str, Character]:
    st, segs = story(text)
    return {c.name: c for c in attribute(st, segs).characters}


def test_honorific_forms_merge_into_one_character():
    found = _characters('Kakashi walked in. Naruto waved.\n"Kakashi-sensei!" Naruto shouted.\nKakashi smiled at him.')
    assert "Kakashi-sensei" in found["Kakashi"].aliases


def test_titles_keep_mr_and_mrs_apart_and_give_gender():
    found = _characters('Then Mr. Bennet sat. Later Mrs. Bennet stood.\n"No," said Mr. Bennet.\n"Yes," said Mrs. Bennet.')
    assert found["Mr. Bennet"].gender is Gender.MALE and found["Mrs. Bennet"].gender is Gender.FEMALE


def test_full_name_and_parts_are_one_character():
    found = _characters("Yesterday Daisuke Mori arrived. Then Daisuke sat. Later Mori left. Then Daisuke ran.")
    assert len([n for n in found if "Daisuke" in n or "Mori" in n]) == 1


def test_gender_from_pronouns_after_mentions():
    found = _characters("Then Hoshiko shook her head. Later Hoshiko sat. She smiled. Then Ryo waved. He laughed. Later Ryo sat.")
    assert found["Hoshiko"].gender is Gender.FEMALE and found["Ryo"].gender is Gender.MALE


@pytest.mark.parametrize(
    "form, occurrence, expected",
    [
        ("Kakashi", Occurrence(total=5, mid_sentence=4), True),
        ("Konoha", Occurrence(total=4, mid_sentence=4, after_preposition=4), False),  # a place
        ("Hokage", Occurrence(total=4, mid_sentence=4, after_the=4), False),  # a title: "the Hokage"
        ("Still", Occurrence(total=3, mid_sentence=0), False),  # a sentence-initial word
    ],
)
def test_is_character_form(form, occurrence, expected):
    from collections import Counter

    assert is_character_form(form, occurrence, Counter({"still": 9})) is expected


def test_mention_helpers():
    assert split_honorific("Sakura-chan") == ("Sakura", "chan")
    assert description_at("his wife impatiently") == ("his wife", "wife")
    assert description_at("the door creaked") is None
