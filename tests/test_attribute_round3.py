"""Round 3 rules: typographic contractions, pronoun windows, the first-names prior, vocatives
against pronoun tags, and ``I`` in third-person narration. Scenes are written by hand here."""

from __future__ import annotations

import pytest

from ficaudio.attribute import attribute
from ficaudio.attribute.gender import is_object_her, narration_window
from ficaudio.attribute.mentions import fold, is_name_word, name_runs, words
from ficaudio.attribute.names import name_prior
from ficaudio.models import Block, BlockKind, Chapter, Gender, Segment, SegmentKind, Story
from ficaudio.segment import find_quotations


def _story(paragraphs: list[str]) -> tuple[Story, list[Segment]]:
    text = "\n\n".join(paragraphs)
    blocks, cursor = [], 0
    for p in paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, cursor, cursor + len(p)))
        cursor += len(p) + 2
    story = Story(text, "t", None, "t", (Chapter(1, None, None, tuple(blocks)),))
    segments = []
    for b, block in enumerate(blocks):
        at = block.start
        for s, e in [q for q in map(tuple, find_quotations(text)) if block.start <= q[0] < block.end]:
            if s > at:
                segments.append(Segment(1, b, SegmentKind.NARRATION, at, s, text[at:s]))
            segments.append(Segment(1, b, SegmentKind.DIALOGUE, s, e, text[s:e]))
            at = e
        if at < block.end:
            segments.append(Segment(1, b, SegmentKind.NARRATION, at, block.end, text[at:block.end]))
    return story, segments


def _speakers(paragraphs: list[str]) -> list[str]:
    story, segments = _story(paragraphs)
    return [l.speaker for l in attribute(story, segments).lines if l.segment.kind is SegmentKind.DIALOGUE]


def _characters(paragraphs: list[str]) -> dict:
    story, segments = _story(paragraphs)
    return {c.name: c for c in attribute(story, segments).characters}


@pytest.mark.parametrize("word, name", [("I’m", False), ("She’d", False), ("He's", False), ("You’re", False), ("Ino’s", True), ("Iruka", True)])
def test_typographic_contractions_are_not_names(word, name):
    assert is_name_word(word) is name


def test_fold_straightens_apostrophes():
    assert fold("I’VE") == "i've"


def test_curly_contractions_never_become_characters():
    chars = _characters([
        "Iruka smiled at Kakashi. “I’m fine, really. I’m sure.” He laughed.",
        "Kakashi shrugged. “I’m not.” He sat down, and Iruka looked at him. “I’ve been worse.”",
    ])
    assert not any(name.startswith("I’") for name in chars)


def test_narration_window_stops_at_a_quotation():
    text = 'Kakashi turned. "She left."'
    run = name_runs(words(text), text)[0]
    assert "She" not in narration_window(text, run, len(text))


@pytest.mark.parametrize("rest, is_object", [(" into a narrow alcove", True), (" cup", False), (".", True), (" close", True), (" eyes", False)])
def test_object_her(rest, is_object):
    assert is_object_her(rest) is is_object


def test_object_her_does_not_make_a_man_female():
    # a name the first-names list does not know: only the text can tell
    chars = _characters([
        "At dusk, Zarek pulls her into an alcove. Mara gasps when Zarek holds her against the wall.",
        "Later Zarek kisses her. “Quiet,” Zarek says, and he waits.",
    ])
    assert chars["Zarek"].gender is Gender.MALE


def test_first_names_list_gives_a_prior():
    pytest.importorskip("gender_guesser")
    assert name_prior("Elizabeth")[0] is Gender.FEMALE
    assert name_prior("Daisuke")[0] is Gender.MALE
    assert name_prior("Zzyzx") == (Gender.UNKNOWN, 0.0)


def test_text_evidence_overrides_the_name_prior():
    # "Elizabeth" is a woman's name in the list, but the text says he, three times
    chars = _characters([
        "Elizabeth sighed. He rubbed his eyes. Elizabeth was tired, and he knew it. Elizabeth said he would go.",
        "“Fine,” Elizabeth said.",
    ])
    assert chars["Elizabeth"].gender is Gender.MALE


def test_name_prior_decides_when_the_text_is_silent():
    pytest.importorskip("gender_guesser")
    chars = _characters([
        "Margaret and Thomas walked to the river.",
        "“Cold,” said Margaret. “Very,” said Thomas.",
    ])
    assert chars["Margaret"].gender is Gender.FEMALE
    assert chars["Thomas"].gender is Gender.MALE


def test_pronoun_tag_never_means_the_addressee():
    speakers = _speakers([
        "At noon, Naruto and Kakashi stood by the river. Naruto whistled, and he grinned. Then Kakashi pulled his shirt off, and he stretched.",
        "“Damn, Kakashi,” he drawls.",
    ])
    assert speakers == ["Naruto"]


def test_first_person_thoughts_in_a_third_person_story_are_nobody():
    speakers = _speakers([
        "At dusk, Kakashi walked home, and Sakura followed Kakashi. He was tired. He sat down. He read. He sighed.",
        "He waited. He looked up. He stood. He frowned. He turned. He listened.",
        "“Are these reliable?” Sakura asked.",
        "Why do I even care?",
        "“I wouldn't know.”",
    ])
    assert speakers[-1] == "Kakashi"
