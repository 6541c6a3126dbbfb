import pytest

from ficaudio.config import Pauses
from ficaudio.models import (
    NARRATOR, Attribution, Block, BlockKind, Cast, Chapter, Line, Pause, Script, Segment, SegmentKind, Story, Utterance, Voice,
)
from ficaudio.speech import chunks, has_speech, plan, speakable


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("“Wait—no. /Please/,” he said…", "Wait, no. Please, he said..."),
        ('"I don\'t know," she said.', "I don't know, she said."),
        ('"Stop--"', "Stop..."),
        ("*sigh*", "sigh"),
        ("and/or 5 * 3 snake_case", "and/or 5 * 3 snake_case"),
        ("line one\n\nline two", "line one line two"),
    ],
)
def test_speakable(text, spoken):
    assert speakable(text) == spoken


@pytest.mark.parametrize(("text", "expected"), [("...", False), ("—", False), ('"', False), ("Oh.", True), ("7", True)])
def test_has_speech(text, expected):
    assert has_speech(text) is expected


def test_long_text_is_cut_at_sentences_without_losing_words():
    text = " ".join(f"Sentence number {i} is here." for i in range(60))
    pieces = chunks(text, limit=120)
    assert all(len(p) <= 120 for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_a_sentence_longer_than_the_limit_is_cut_at_spaces():
    text = "word " * 100
    assert " ".join(chunks(text.strip(), limit=50)).split() == text.split()


def _script(text: str, segments: list[tuple[SegmentKind, int, int, int, str]], chapters=1) -> Script:
    blocks = (Block(BlockKind.PARAGRAPH, 0, len(text)),)
    story = Story(text, "Book", "Ann Author", "x.txt", tuple(Chapter(i, None, None, blocks) for i in range(1, chapters + 1)))
    lines = tuple(
        Line(Segment(ch, para, kind, s, e, text[s:e]), NARRATOR if kind != SegmentKind.DIALOGUE else "Ann")
        for kind, ch, para, s, e in [(k, c, p, s, e) for k, c, p, s, e in segments]
    )
    cast = Cast(Voice("n"), (("Ann", Voice("a")),))
    return Script(story, Attribution((), lines), cast)


def test_plan_orders_voices_and_pauses():
    text = '"Hi," Ann said. Then she left.\n\n* * *\n\nNext day.'
    script = _script(text, [
        (SegmentKind.DIALOGUE, 1, 0, 0, 5),
        (SegmentKind.NARRATION, 1, 0, 5, 30),
        (SegmentKind.SCENE_BREAK, 1, 1, 32, 37),
        (SegmentKind.NARRATION, 1, 2, 39, 48),
    ])
    p = Pauses()
    items = plan(script, p).chapters[0].items
    assert items == (
        Utterance("Book, by Ann Author.", Voice("n")),
        Pause(p.heading_ms),
        Utterance("Hi", Voice("a")),
        Pause(p.segment_ms),
        Utterance("Ann said. Then she left.", Voice("n")),
        Pause(p.scene_break_ms),
        Utterance("Next day.", Voice("n")),
        Pause(p.chapter_ms),
    )


def test_chapters_without_heading_segments_get_a_spoken_title():
    script = _script("Text.", [(SegmentKind.NARRATION, 1, 0, 0, 5), (SegmentKind.NARRATION, 2, 0, 0, 5)], chapters=2)
    second = plan(script, Pauses()).chapters[1]
    assert second.title == "Chapter 2"
    assert second.items[0] == Utterance("Chapter 2.", Voice("n"))


def test_segments_with_nothing_to_say_are_skipped():
    script = _script("— ...", [(SegmentKind.NARRATION, 1, 0, 0, 5)])
    spoken = [i for i in plan(script, Pauses()).chapters[0].items if isinstance(i, Utterance)]
    assert spoken == [Utterance("Book, by Ann Author.", Voice("n"))]
