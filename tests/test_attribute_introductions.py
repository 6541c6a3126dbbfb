"""Tests of ficaudio.attribute.introductions: src/ficaudio/attribute/introductions.py."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.characters import Roster
from ficaudio.attribute.introductions import bare_call, introduced_name
from ficaudio.models import SegmentKind
from types import SimpleNamespace

from attribute_scenes import (
    dialogue_lines, dialogue_speakers, paragraph_story, scene_attribution, speakers, story,
)


def test_self_introduction_names_the_described_speaker():
    paragraphs = [
        "An old monk stood in the road, leaning on his staff.",
        'The monk bowed. "Forgive me. I am Brother Anselm. You are far from home."',
        '"Where are you going?" the monk asked.',
    ]
    story, segments = paragraph_story(paragraphs)
    result = attribute(story, segments)
    speakers = [l.speaker for l in result.lines if l.segment.kind is SegmentKind.DIALOGUE]
    assert speakers == ["Brother Anselm", "Brother Anselm"]
    assert "Brother Anselm" in {c.name for c in result.characters}


def test_self_introduction_corrects_a_named_speaker_line():
    paragraphs = [
        "Oswin sat on the wall. He was whittling a stick.",
        '"Good day," Oswin said.',
        'The stranger rode a step nearer. "It was my whim," he said. "I am Parson Wendel, the antiquary."',
    ]
    speakers = dialogue_speakers(paragraphs)
    assert speakers[-1] == "Parson Wendel"


def test_introduced_name_needs_a_name():
    doc = type("Doc", (), {"roster": Roster()})()
    assert introduced_name(doc, '"Forgive me. I am Brother Anselm."') == "Brother Anselm"
    assert introduced_name(doc, '"I am Afraid of it."') is None
    assert introduced_name(doc, '"I’m Kenji’s student."') is None


def test_described_speaker_answering_a_silent_name_is_that_character():
    scene = [
        'Teddy knocked at the kitchen of Mrs. Hall and waited. Mrs. Hall was not a woman to hurry.',
        '"Mrs. Hall, are you there?" Teddy called.',
        'The landlady looked up from the stove. "What now?"',
    ]
    # "Mrs. Hall" is a subject once here, so she is known to act: no rename
    assert dialogue_speakers(scene)[-1] == "the landlady"
    scene[0] = 'Teddy knocked at the kitchen of Mrs. Hall and waited for an answer from Mrs. Hall.'
    assert dialogue_speakers(scene)[-1] == "Mrs. Hall"


_CALLED_SCENE = [
    "The wolf came out of the trees. She was grey and enormous.",
    '"Thieves," the wolf said.',
    '"Marrow," said the old hunter.',
    'The wolf went still. "You remember my name."',
]


def test_a_described_speaker_answering_a_bare_call_takes_that_name():
    attribution = scene_attribution(_CALLED_SCENE)
    lines = [l for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE]
    assert [(l.speaker, l.rule) for l in lines] == [
        ("Marrow", "description_tag"), ("the old hunter", "description_tag"), ("Marrow", "description_action_beat")]
    assert "Marrow" in {c.name for c in attribution.characters}


def test_a_broken_off_word_or_a_common_word_is_no_call():
    doc = SimpleNamespace(text='"Open," she said, and he opened it.')
    assert bare_call(doc, '"Open,"') is None  # the story writes "opened": a word
    assert bare_call(doc, '"Because--"') is None
    assert bare_call(doc, '"Marrow!"') == "Marrow"
    lines = dialogue_lines(["The wolf came out of the trees. She was grey.", '"Thieves," the wolf said.', '"Because--" said the old hunter.', 'The wolf went still. "Go on."'])
    assert lines[2].speaker == "the wolf"


def test_a_call_answered_by_someone_who_had_not_spoken_names_nobody():
    lines = dialogue_lines(["The wolf came out of the trees.", '"Thieves," the wolf said.', '"Marrow," said the old hunter.', 'The stranger went still. "Go on."'])
    assert lines[0].speaker == "the wolf" and lines[1].speaker == "the old hunter"
