import pytest

from dataclasses import replace

from ficaudio.config import Config, Pauses, SpeechStyle
from ficaudio.models import (
    NARRATOR, UNKNOWN_SPEAKER, Attribution, Block, BlockKind, Cast, Chapter, Line, Pause, Script, Segment, SegmentKind, Story,
    Utterance, Voice,
)
from ficaudio.speech import chunks, has_speech, plan, speakable, styled, utterances

P, S = BlockKind.PARAGRAPH, BlockKind.SCENE_BREAK
CONFIG = Config(thoughts=SpeechStyle(rate_factor=0.5, volume_factor=0.5, pitch_shift=-10), messages=SpeechStyle(pitch_shift=20))


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


def _script(text: str, segments: list[tuple], chapters=1, blocks=None, speakers=None) -> Script:
    blocks = blocks or (Block(BlockKind.PARAGRAPH, 0, len(text)),)
    story = Story(text, "Book", "Ann Author", "x.txt", tuple(Chapter(i, None, None, blocks) for i in range(1, chapters + 1)))
    speakers = speakers or [NARRATOR if seg[0] != SegmentKind.DIALOGUE else "Ann" for seg in segments]
    lines = tuple(
        Line(Segment(ch, para, kind, s, e, text[s:e]), speaker)
        for (kind, ch, para, s, e), speaker in zip(segments, speakers, strict=True)
    )
    cast = Cast(Voice("n"), (("Ann", Voice("a")),))
    return Script(story, Attribution((), lines), cast)


def test_y_n_is_said_as_the_reader_and_the_script_keeps_it():
    text = '"Y/N!" Ann said.'
    script = _script(text, [(SegmentKind.DIALOGUE, 1, 0, 0, 6), (SegmentKind.NARRATION, 1, 0, 6, 16)])
    said = [item.text for item in plan(script, Config(reader="Sam")).chapters[0].items if isinstance(item, Utterance)]
    assert said[1:] == ["Sam!", "Ann said."] and script.lines[0].segment.text == '"Y/N!"'


def test_plan_orders_voices_and_pauses():
    text = '"Hi," Ann said. Then she left.\n\n* * *\n\nNext day.'
    script = _script(text, [
        (SegmentKind.DIALOGUE, 1, 0, 0, 5),
        (SegmentKind.NARRATION, 1, 0, 5, 30),
        (SegmentKind.SCENE_BREAK, 1, 1, 32, 37),
        (SegmentKind.NARRATION, 1, 2, 39, 48),
    ])
    p = Pauses()
    items = plan(script, Config()).chapters[0].items
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
    second = plan(script, Config()).chapters[1]
    assert second.title == "Chapter 2"
    assert second.items[0] == Utterance("Chapter 2.", Voice("n"))


def test_segments_with_nothing_to_say_are_skipped():
    script = _script("— ...", [(SegmentKind.NARRATION, 1, 0, 0, 5)])
    spoken = [i for i in plan(script, Config()).chapters[0].items if isinstance(i, Utterance)]
    assert spoken == [Utterance("Book, by Ann Author.", Voice("n"))]


def _spoken(script: Script, config: Config = CONFIG) -> list[Utterance]:
    return utterances(plan(script, config))[1:]  # without the book's title


def test_utterances_say_who_speaks_and_which_line():
    text = '"Hi," Ann said.'
    script = _script(text, [(SegmentKind.DIALOGUE, 1, 0, 0, 5), (SegmentKind.NARRATION, 1, 0, 5, 15)])
    title, *spoken = utterances(plan(script, CONFIG))
    assert (title.speaker, title.line) == (NARRATOR, -1)
    assert [(u.speaker, u.line) for u in spoken] == [("Ann", 0), (NARRATOR, 1)]


def test_thoughts_use_the_thinkers_voice_in_the_thought_style():
    text = "/Run,/ Ann thought. /Why?/"
    segments = [(SegmentKind.THOUGHT, 1, 0, 0, 6), (SegmentKind.NARRATION, 1, 0, 6, 19), (SegmentKind.THOUGHT, 1, 0, 19, 25)]
    script = _script(text, segments, speakers=["Ann", NARRATOR, UNKNOWN_SPEAKER])
    ann, narration, unknown = _spoken(script)
    assert ann == Utterance("Run", Voice("a", rate_wpm=88, pitch=40, volume=0.5))
    assert narration.voice == Voice("n")
    assert unknown.voice == Voice("n", rate_wpm=88, pitch=40, volume=0.5)  # the narrator thinks it
    assert unknown.speaker == UNKNOWN_SPEAKER


def test_styled_voices_stay_in_the_engines_ranges():
    loud = SpeechStyle(rate_factor=2, volume_factor=2, pitch_shift=50, voice="en+f2")
    assert styled(Voice("en", rate_wpm=400, pitch=80, volume=0.9), loud) == Voice("en+f2", 450, 99, 1.0)


def test_set_apart_text_is_read_in_the_message_style():
    text = "Her phone buzzed. Where are you? She sighed."
    segments = [(SegmentKind.NARRATION, 1, 0, 0, 17), (SegmentKind.NARRATION, 1, 1, 18, 31), (SegmentKind.NARRATION, 1, 2, 32, 44)]
    blocks = (Block(P, 0, 17), Block(P, 18, 31), Block(P, 32, 44))
    script = _script(text, segments, blocks=blocks)
    story = replace(script.story, set_apart=((18, 31),))
    voices = [u.voice for u in _spoken(replace(script, story=story))]
    assert voices == [Voice("n"), Voice("n", pitch=70), Voice("n")]
    assert [u.voice for u in _spoken(script)] == [Voice("n")] * 3  # no spans: nothing changes


def test_zero_width_scene_break_between_paragraphs_is_a_scene_pause():
    # The parser leaves a blank-line-run break as a zero-width block and the segmenter
    # makes no segment for it: the planner must still pause for a scene.
    text = "One.\n\n\n\nTwo.\n\nThree."
    blocks = (Block(P, 0, 4), Block(S, 4, 4), Block(P, 8, 12), Block(P, 14, 20))
    segments = [(SegmentKind.NARRATION, 1, 0, 0, 4), (SegmentKind.NARRATION, 1, 2, 8, 12), (SegmentKind.NARRATION, 1, 3, 14, 20)]
    items = plan(_script(text, segments, blocks=blocks), CONFIG).chapters[0].items[2:]
    p = CONFIG.pauses
    assert [i.duration_ms if isinstance(i, Pause) else i.text for i in items] == [
        "One.", p.scene_break_ms, "Two.", p.paragraph_ms, "Three.", p.chapter_ms
    ]


def test_scene_break_at_the_start_of_a_chapter_adds_no_pause():
    text = "***\nOne."
    blocks = (Block(S, 0, 3), Block(P, 4, 8))
    script = _script(text, [(SegmentKind.SCENE_BREAK, 1, 0, 0, 3), (SegmentKind.NARRATION, 1, 1, 4, 8)], blocks=blocks)
    items = plan(script, CONFIG).chapters[0].items
    assert items[2:] == (Utterance("One.", Voice("n")), Pause(CONFIG.pauses.chapter_ms))


def test_pronunciations_and_lexicons_reach_the_engine_text():
    text = '"Kakashi-sensei, y-yes," Ino said.'
    script = _script(text, [(SegmentKind.DIALOGUE, 1, 0, 0, 24), (SegmentKind.NARRATION, 1, 0, 24, 34)])
    config = replace(CONFIG, lexicons=("naruto",), pronunciations=(("Kakashi", "kah-kah-shi"),))
    assert [u.text for u in _spoken(script, config)] == ["Kah-kah-shi-sensei, ye, yes", "Ee-noh said."]


def test_a_title_made_from_the_file_name_is_not_read_aloud():
    import dataclasses

    script = _script("Once.", [(SegmentKind.NARRATION, 1, 0, 0, 5)])
    script = dataclasses.replace(script, story=dataclasses.replace(script.story, title_from_file=True))
    spoken = [i.text for i in plan(script, Config()).chapters[0].items if isinstance(i, Utterance)]
    assert spoken == ["Once."]
