"""Round 9 rules: a described speaker who answers a call made only of a name is that name
(``"Ysolde," said the monk.`` / ``The dragon turned. "You know my name."``), and a speaker
asked who they are names themselves (``"Who is there?"`` / ``"Chief Engineer Brann."``).
Scenes are written by hand; each test fails when its rule is taken out."""

from __future__ import annotations

from types import SimpleNamespace

from ficaudio.attribute import attribute
from ficaudio.attribute.introductions import bare_call
from ficaudio.models import SegmentKind

from test_attribute_round6 import _story


def _attribution(paragraphs: list[str]):
    story, segments = _story(paragraphs)
    return attribute(story, segments)


def _lines(paragraphs: list[str]):
    return [l for l in _attribution(paragraphs).lines if l.segment.kind is SegmentKind.DIALOGUE]


_CALLED_SCENE = [
    "The wolf came out of the trees. She was grey and enormous.",
    '"Thieves," the wolf said.',
    '"Marrow," said the old hunter.',
    'The wolf went still. "You remember my name."',
]


def test_a_described_speaker_answering_a_bare_call_takes_that_name():
    attribution = _attribution(_CALLED_SCENE)
    lines = [l for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE]
    assert [(l.speaker, l.rule) for l in lines] == [
        ("Marrow", "description_tag"), ("the old hunter", "description_tag"), ("Marrow", "description_action_beat")]
    assert "Marrow" in {c.name for c in attribution.characters}


def test_a_broken_off_word_or_a_common_word_is_no_call():
    doc = SimpleNamespace(text='"Open," she said, and he opened it.')
    assert bare_call(doc, '"Open,"') is None  # the story writes "opened": a word
    assert bare_call(doc, '"Because--"') is None
    assert bare_call(doc, '"Marrow!"') == "Marrow"
    lines = _lines(["The wolf came out of the trees. She was grey.", '"Thieves," the wolf said.', '"Because--" said the old hunter.', 'The wolf went still. "Go on."'])
    assert lines[2].speaker == "the wolf"


def test_a_call_answered_by_someone_who_had_not_spoken_names_nobody():
    lines = _lines(["The wolf came out of the trees.", '"Thieves," the wolf said.', '"Marrow," said the old hunter.', 'The stranger went still. "Go on."'])
    assert lines[0].speaker == "the wolf" and lines[1].speaker == "the old hunter"


def test_an_answer_to_who_is_there_names_its_speaker():
    lines = _lines([
        "Captain Vess and Oren walked down the corridor. Oren had been here before; Chief Brann had built it.",
        "A voice crackles from a speaker above the door.",
        '"Who am I speaking to?" Vess asks.',
        '"Chief Engineer Brann. The only one left."',
    ])
    assert "Brann" in lines[1].speaker
    assert lines[1].rule == "self_named_answer"


def test_a_name_that_answers_identify_yourself_is_not_a_vocative():
    lines = _lines([
        "Captain Ilse Vess led the way, with Oren and Mika behind her.",
        'A voice crackles from above. "Identify yourselves."',
        'Vess doesn\'t flinch. "Captain Ilse Vess, freighter Heron. We answered your call."',
    ])
    assert "Vess" in lines[1].speaker


def test_a_name_opening_an_ordinary_reply_is_still_a_vocative():
    lines = _lines([
        "Captain Ilse Vess led the way, with Oren behind her.",
        '"Where are we going?" Oren asks.',
        'Vess doesn\'t turn. "Oren, keep up."',
    ])
    assert lines[1].speaker != "Oren"
