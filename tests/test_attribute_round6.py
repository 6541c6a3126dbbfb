"""Round 6 rules: ``’s`` = "is" before a predicative word, a main-clause name as the newest
subject of a tag's paragraph, names inside ``if``/``whether``/``that`` clauses as topics
rather than actors, and a listener's reaction that does not take the turn. Scenes are
written by hand; each test fails when its rule is taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute, possessive_reaction
from ficaudio.attribute.document import Mention, is_possessive_name, is_predicative_after_s, words
from ficaudio.attribute.resolve import in_complement_clause
from ficaudio.models import Block, BlockKind, Chapter, Segment, SegmentKind, Story
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


def _rules(paragraphs: list[str]) -> list[str]:
    story, segments = _story(paragraphs)
    return [l.rule for l in attribute(story, segments).lines if l.segment.kind is SegmentKind.DIALOGUE]


# ---------------------------------------------------------------- ’s = is before a predicative
def test_s_before_a_predicative_word_and_a_pause_is_is():
    t = "Halvard’s back, setting a cup down."
    assert is_predicative_after_s(t, words(t)[1])
    assert not is_possessive_name(t, len("Halvard’s"))


def test_s_before_a_noun_and_a_verb_stays_possessive():
    t = "Halvard’s back ached all night."
    assert not is_predicative_after_s(t, words(t)[1])
    assert is_possessive_name(t, len("Halvard’s"))


def test_a_man_who_is_back_in_a_main_clause_says_the_tagged_line():
    scene = [
        "The café was nearly empty when Daren sat down by the window. He had not slept, and he was cold. "
        "He had come to see Halvard, and now he regretted it.",
        "Daren should leave, but before he can find his resolve, Halvard’s back, setting a cup in front of him. "
        "“You looked cold,” he says simply.",
    ]
    assert _speakers(scene) == ["Halvard"]


def test_a_name_after_and_is_not_the_newest_subject_of_a_tag():
    # "and Halvard closes his eyes" is a side clause: the tag after the next line is still Daren's
    scene = [
        "Daren sat at the small table by the window with Halvard. He had not slept.",
        "“It’s fine,” Daren says, and Halvard closes his eyes. “You can stay,” he adds.",
    ]
    assert _speakers(scene) == ["Daren", "Daren"]


# ---------------------------------------------------------------- complement clauses
def test_a_name_after_if_is_marked_as_a_complement():
    t = "He wonders if Halvard is worth it."
    assert in_complement_clause(t, Mention(14, 21, "name", "Halvard"))
    assert not in_complement_clause(t, Mention(0, 2, "pronoun", "He"))


def test_a_name_inside_an_if_clause_does_not_take_the_next_he():
    scene = [
        "It was late when Daren reached the old house with Halvard, who was talking about the roof.",
        "Halvard laughed, and then he went inside.",
        "Out on the step, Daren waits. He wonders if Halvard is worth the risk.",
        "“I’d like,” he says softly, “to know you more.”",
    ]
    assert _speakers(scene) == ["Daren", "Daren"]


# ---------------------------------------------------------------- a listener's reaction
def test_a_possessive_subject_is_a_reaction():
    t = "Linnea’s eyes sting."
    assert possessive_reaction(t, Mention(0, 8, "name", "Linnea’s"))
    assert not possessive_reaction("Linnea’s gone.", Mention(0, 8, "name", "Linnea’s"))


def test_the_speaker_goes_on_after_the_listener_only_reacts():
    scene = [
        "“Why do I always get hurt?” Linnea asks.",
        "Petra sighs. “Because you always choose the hard way.”",
        "Linnea’s eyes sting.",
        "“I mean, you chose the north road, and the river, and the winter.”",
    ]
    assert _speakers(scene) == ["Linnea", "Petra", "Petra"]
    assert _rules(scene)[-1] == "speaker_goes_on_after_reaction"


def test_a_listener_who_acts_takes_the_turn():
    scene = [
        "“Why do I always get hurt?” Linnea asks.",
        "Petra sighs. “Because you always choose the hard way.”",
        "Linnea wipes her eyes and turns to the window.",
        "“I chose what I could.”",
    ]
    assert _speakers(scene)[-1] == "Linnea"
