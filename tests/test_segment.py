"""Tests of the segment stage (ficaudio.segment) and its quote/thought finders.

Stories are built by hand with :func:`story_from`: one paragraph block per non-blank line,
a line of ``***`` is a scene break.
"""

from __future__ import annotations

import doctest
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ficaudio.segment
import ficaudio.segmentation.quotes
import ficaudio.segmentation.thoughts
from ficaudio.models import Aside, AsideKind, Block, BlockKind, Chapter, Segment, SegmentKind, Story
from ficaudio.segment import find_quotations, segment
from ficaudio.segmentation.quotes import Style, quotations_in_paragraphs

D, N, T = SegmentKind.DIALOGUE, SegmentKind.NARRATION, SegmentKind.THOUGHT
SCENE_BREAK_LINE = "***"


def blocks_of(text: str, offset: int = 0, end: int | None = None) -> tuple[Block, ...]:
    """One PARAGRAPH block per non-blank line of ``text[offset:end]``, ``***`` lines as breaks."""
    blocks, pos = [], offset
    for line in text[offset:end].split("\n"):
        if line.strip() == SCENE_BREAK_LINE:
            blocks.append(Block(BlockKind.SCENE_BREAK, pos, pos + len(line)))
        elif line.strip():
            blocks.append(Block(BlockKind.PARAGRAPH, pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(blocks)


def story_from(text: str, **fields) -> Story:
    chapter = Chapter(1, None, None, blocks_of(text))
    return Story(text=text, title="t", author=None, source_path="t.txt", chapters=(chapter,), **fields)


def pieces(text: str) -> list[tuple[SegmentKind, str]]:
    return [(s.kind, s.text) for s in segment(story_from(text))]


def assert_lossless(story: Story, segments: tuple[Segment, ...]) -> None:
    """Sorted, non-overlapping, each equals its slice, every block character covered once."""
    assert [s.start for s in segments] == sorted(s.start for s in segments)
    for before, after in zip(segments, segments[1:]):
        assert before.end <= after.start
    covered = bytearray(len(story.text))
    for s in segments:
        assert s.end > s.start and story.text[s.start : s.end] == s.text
        for pos in range(s.start, s.end):
            covered[pos] += 1
    for chapter in story.chapters:
        for block in chapter.blocks:
            assert all(covered[pos] == 1 for pos in range(block.start, block.end)), block


# ----------------------------------------------------------------------------- quote marks
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Hello," she said.', [(D, '"Hello,"'), (N, " she said.")]),
        ("“Hello,” she said.", [(D, "“Hello,”"), (N, " she said.")]),
        ('“Stop."', [(D, '“Stop."')]),
        ('"Stop.”', [(D, '"Stop.”')]),
        ("”Stop.”", [(D, "”Stop.”")]),
        ("«Bonjour», dit-il.", [(D, "«Bonjour»"), (N, ", dit-il.")]),
        (
            '"Hello," she said, "how are you?"',
            [(D, '"Hello,"'), (N, " she said, "), (D, '"how are you?"')],
        ),
        ('"Go." "Now!"', [(D, '"Go."'), (N, " "), (D, '"Now!"')]),
        ("\"She said 'no' to me,\" he said.", [(D, "\"She said 'no' to me,\""), (N, " he said.")]),
        ('"Wait--" he began.', [(D, '"Wait--"'), (N, " he began.")]),
        ('"--and then," he said.', [(D, '"--and then,"'), (N, " he said.")]),
        ("He wore a \"full dress\" coat.", [(N, 'He wore a "full dress" coat.')]),
        ('He said "Exactly" and left.', [(N, "He said "), (D, '"Exactly"'), (N, " and left.")]),
    ],
)
def test_double_quotations(text, expected):
    assert pieces(text) == expected


@pytest.mark.parametrize(
    "narration",
    [
        'They watched for "the seafaring man with one leg." every day.',  # opens in lower case
        'The twins played the overture to "The Poet and the Peasant."',  # a title
        'The main building was called "the house," to tell it apart.',  # a name after "was called"
        'The "Red Death" had long devastated the country.',  # after a sentence-opening article
        'He came from a region called "North\'ard".',  # a bare name after a naming "called"
    ],
)
def test_quoted_phrases_in_narration_are_not_dialogue(narration):
    assert pieces(narration) == [(N, narration)]


@pytest.mark.parametrize(
    "narration",
    [
        'Before he could remember, "the house" had been a summer home.',  # after a comma
        'Upstairs were the bedrooms; "mother-and-father\'s room" the largest.',  # after a semicolon
        "I 'never told my love' vocally; still, looks have language.",  # after a capital word
        'He was, that is to say, a man who, as he put it, "tarried," in town.',  # "say" far back
    ],
)
def test_lower_case_words_quoted_inside_a_narration_sentence_are_not_dialogue(narration):
    assert pieces(narration) == [(N, narration)]


@pytest.mark.parametrize(
    "narration",
    [
        'They said he was at Geneva "studying." His enemies said more.',  # a phrase after a capital word
        'His wife was the Boston "Society Contralto," and a singer.',  # a title after a capital word
        '"Side-burns" found nourishment upon childlike profiles.',  # the subject of the sentence
    ],
)
def test_quoted_phrases_after_a_capital_word_or_as_a_subject_are_not_dialogue(narration):
    assert pieces(narration) == [(N, narration)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He turned to Ron "Go away."', [(N, "He turned to Ron "), (D, '"Go away."')]),
        ('Mary called "Come here!"', [(N, "Mary called "), (D, '"Come here!"')]),
        ('"Hey" grinned Harry.', [(D, '"Hey"'), (N, " grinned Harry.")]),
        ('"Sorry" escaped her lips.', [(D, '"Sorry"'), (N, " escaped her lips.")]),
        ('"Bye" and she left.', [(D, '"Bye"'), (N, " and she left.")]),
    ],
)
def test_speech_after_a_name_or_before_a_tag_stays_dialogue(text, expected):
    assert pieces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Well," he said, "maybe" and left.', [(D, '"Well,"'), (N, " he said, "), (D, '"maybe"'), (N, " and left.")]),
        ('He blushed, "yeah..."', [(N, "He blushed, "), (D, '"yeah..."')]),
        ('On the bottle, ("which was new," said Alice)', [(N, "On the bottle, ("), (D, '"which was new,"'), (N, " said Alice)")]),
        ("In it, 'and what use is a book,' thought Alice.", [(N, "In it, "), (D, "'and what use is a book,'"), (N, " thought Alice.")]),
    ],
)
def test_lower_case_speech_inside_a_sentence_stays_dialogue(text, expected):
    assert pieces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He called "Come here!"', [(N, "He called "), (D, '"Come here!"')]),
        ('She said "maybe later" and left.', [(N, "She said "), (D, '"maybe later"'), (N, " and left.")]),
    ],
)
def test_speech_after_a_speech_verb_stays_dialogue(text, expected):
    assert pieces(text) == expected


def test_a_quotation_opening_a_clause_after_a_conjunction_is_dialogue():
    text = '"Psychic," the girls whispered, and "spiritual."'
    assert pieces(text) == [(D, '"Psychic,"'), (N, " the girls whispered, and "), (D, '"spiritual."')]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘Hello,’ she said. ‘Go.’", [(D, "‘Hello,’"), (N, " she said. "), (D, "‘Go.’")]),
        ("'Hello,' she said, 'don't go.'", [(D, "'Hello,'"), (N, " she said, "), (D, "'don't go.'")]),
        ("'I'm goin' home,' he said.", [(D, "'I'm goin' home,'"), (N, " he said.")]),
        ("'Look at the Uchihas' house,' he said.", [(D, "'Look at the Uchihas' house,'"), (N, " he said.")]),
        ("'I think--' she stopped.", [(D, "'I think--'"), (N, " she stopped.")]),
        (
            "The adage, 'handsome is, that handsome does'--for he threw her out of the stairs' window.",
            [(N, "The adage, "), (D, "'handsome is, that handsome does'"), (N, "--for he threw her out of the stairs' window.")],
        ),
    ],
)
def test_single_quotations(text, expected):
    assert pieces(text) == expected


def test_single_quotation_reading_out_a_double_quoted_one():
    text = "‘Go on,’ she said.\n‘“My dear Edwin. Your loving Gran.”’"
    assert pieces(text) == [(D, "‘Go on,’"), (N, " she said."), (D, "‘“My dear Edwin. Your loving Gran.”’")]


@pytest.mark.parametrize(
    "narration",
    [
        "We saw 'em at the Uchihas' house.",
        "It was the '90s, and dancin' was all we did at Sakura's.",
        "At five o'clock the boys' dogs barked; 'twas late.",
        "Rock 'n' roll, y'all.",
    ],
)
def test_apostrophes_are_not_quotes_in_single_quote_text(narration):
    text = f"'Hi,' she said.\n{narration}\n'Bye,' he said."
    story = story_from(text)
    second = [s for s in segment(story) if s.paragraph == 1]
    assert [(s.kind, s.text) for s in second] == [(N, narration)]


@pytest.mark.parametrize(
    "text",
    ["He was 6' 2\" tall and weighed a lot.", 'A stray " mark.', "Don't, it's Sakura's."],
)
def test_stray_marks_stay_narration(text):
    assert pieces(text) == [(N, text)]


def test_double_style_ignores_single_marks():
    text = "\"Hi.\" \"Go.\" \"Now.\" 'Tis Sakura's 'thing'."
    assert pieces(text)[-1] == (N, " 'Tis Sakura's 'thing'.")


# ------------------------------------------------------------------------- unbalanced quotes
def test_unclosed_quotation_stops_at_its_paragraph():
    assert pieces('"Stop! he yelled.\nHe left. "Wait," she said.') == [
        (D, '"Stop! he yelled.'),
        (N, "He left. "),
        (D, '"Wait,"'),
        (N, " she said."),
    ]


def test_quotation_nested_in_double_marks_stays_inside():
    text = "“She read the “Spectator,” and slept,” he said."
    assert pieces(text) == [(D, "“She read the “Spectator,” and slept,”"), (N, " he said.")]


@pytest.mark.parametrize(
    "epigraph",
    [
        '"Mine ear is open: Say, is my kingdom lost?"--Shakespeare',
        '"Since I can do no good, reach at something near it. --The Maid\'s Tragedy: BEAUMONT AND FLETCHER.',
        "“I knew you were trouble when you walked in.” — Taylor Swift, Red",
    ],
)
def test_an_epigraph_with_its_source_is_narration(epigraph):
    assert pieces(epigraph + "\nHe rode on.") == [(N, epigraph), (N, "He rode on.")]


def test_a_line_broken_off_before_a_name_stays_dialogue():
    assert pieces('"I was--" Harry stopped.') == [(D, '"I was--"'), (N, " Harry stopped.")]


def test_two_quotations_nested_in_one_stay_inside():
    text = "‘She was glad to say ‘good-by,’ than ‘how do you do.’ But we should call.’ Mother sighed."
    quotation = "‘She was glad to say ‘good-by,’ than ‘how do you do.’ But we should call.’"
    assert pieces(text) == [(D, quotation), (N, " Mother sighed.")]


def test_opener_inside_an_unclosed_quotation_starts_a_new_one():
    assert pieces('"Stop, he said. "Wait."') == [(D, '"Stop, he said.'), (N, " "), (D, '"Wait."')]


def test_unclosed_quotation_keeps_trailing_space_as_narration():
    assert pieces('He said, "Stop  ') == [(N, "He said, "), (D, '"Stop'), (N, "  ")]


def test_multi_paragraph_quotation_is_one_dialogue_per_paragraph():
    text = '"First part of a long speech.\n"Second part."\nShe stopped.'
    assert pieces(text) == [
        (D, '"First part of a long speech.'),
        (D, '"Second part."'),
        (N, "She stopped."),
    ]


def test_join_continued_gives_one_span_across_the_break():
    text = '"First part.\n"Second part," she said.'
    assert find_quotations(text, join_continued=True) == [(0, 27)]
    assert find_quotations(text) == [(0, 12), (13, 27)]


def test_continuation_does_not_cross_a_scene_break():
    story = story_from('"First part.\n***\n"Second part."')
    kinds = [(s.kind, s.text) for s in segment(story)]
    assert kinds == [(D, '"First part.'), (SegmentKind.SCENE_BREAK, "***"), (D, '"Second part."')]


# --------------------------------------------------------------------------------- thoughts
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/I hate this./ She sighed.", [(T, "/I hate this./"), (N, " She sighed.")]),
        ("*Idiot,* he thought.", [(T, "*Idiot,*"), (N, " he thought.")]),
        ("She thought, _not again_, and left.", [(N, "She thought, "), (T, "_not again_"), (N, ", and left.")]),
        ("/Run./", [(T, "/Run./")]),
        ('"I /really hate/ this," he said.', [(D, '"I /really hate/ this,"'), (N, " he said.")]),
        ('"Hi." /Why me?/ "Bye."', [(D, '"Hi."'), (N, " "), (T, "/Why me?/"), (N, " "), (D, '"Bye."')]),
        ("/Y/N, you idiot,/ you thought.", [(T, "/Y/N, you idiot,/"), (N, " you thought.")]),
        ("/I miss Y/N L/N./ She sighed.", [(T, "/I miss Y/N L/N./"), (N, " She sighed.")]),
        ("/Y/N?/", [(T, "/Y/N?/")]),
    ],
)
def test_marked_thoughts(text, expected):
    assert pieces(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bring cake and/or pie.",
        "See http://example.com/a/b/ now.",
        "She computed 5 * 3 * 2 fast.",
        "Set my_var_name to one.",
        "She was _very_ angry.",
        "Read /r/fanfiction daily.",
        "A **bold** claim.",
    ],
)
def test_not_thoughts(text):
    assert pieces(text) == [(N, text)]


def test_a_thread_of_text_messages_is_no_thought():
    """Lines that each open on a sender's name and a colon, two or more together, are a
    thread of messages someone reads (round 44J): written words, no one's thought."""
    thread = "Her phone buzzed.\n\n*Dario: you up*\n*Dario: the bus left without us*\n*Sofi (Team B): lol*"
    assert SegmentKind.THOUGHT not in [kind for kind, _ in pieces(thread)]


def test_a_thread_with_a_paragraph_for_each_message_is_no_thought():
    """Round 44L: a thread whose messages stand a blank line apart, each its own paragraph, is a
    thread too -- not the reader's thoughts."""
    thread = "Aiko's phone lit up.\n\n*Ren: you up?*\n\n_Ren: i did something dumb_\n\n\"Oh no,\" Aiko said."
    assert SegmentKind.THOUGHT not in [kind for kind, _ in pieces(thread)]


@pytest.mark.parametrize(
    ("text", "thought"),
    [
        ("He stood.\n\n*Plan B: run.*\n\nHe ran.", "*Plan B: run.*"),  # one line alone: a plan thought
        ("*Okay,* she thought.\n*Okay. Breathe.*", "*Okay. Breathe.*"),  # thoughts on lines of their own, no sender
        ("She read it twice. *Step one: breathe.* Then she laughed.", "*Step one: breathe.*"),  # inside a sentence
        ("He stood.\n\n*Plan A: hide.*\n*Plan B: run.*\n\nHe ran.", "*Plan B: run.*"),  # one mind's two plans
        ("She froze.\n*Option A: lie.*\n*Option B: lie better.*", "*Option A: lie.*"),  # a list's labels are no senders
    ],
)
def test_lines_that_are_no_thread_stay_thoughts(text, thought):
    assert (T, thought) in pieces(text)


# ------------------------------------------------------------------------- whole stories
def test_exact_segments_with_heading_scene_break_and_paragraph_indices():
    text = 'Chapter 1\n"Hi," she said.\n***\n/Oh no./\n'
    story = Story(
        text=text,
        title="t",
        author=None,
        source_path="t.txt",
        chapters=(Chapter(1, "one", (0, 9), blocks_of(text, 10)),),
    )
    assert segment(story) == (
        Segment(1, -1, SegmentKind.HEADING, 0, 9, "Chapter 1"),
        Segment(1, 0, D, 10, 15, '"Hi,"'),
        Segment(1, 0, N, 15, 25, " she said."),
        Segment(1, 1, SegmentKind.SCENE_BREAK, 26, 29, "***"),
        Segment(1, 2, T, 30, 38, "/Oh no./"),
    )


def notes_story() -> Story:
    text = "WORK NOTE\nChapter 1\nCH NOTE\nHello.\nEND NOTE\nCHROME\nChapter 2\nBye.\nWORK END"
    span = {word: (text.index(word), text.index(word) + len(word)) for word in text.split("\n")}
    chapter_one = Chapter(1, None, span["Chapter 1"], (Block(BlockKind.PARAGRAPH, *span["Hello."]),))
    chapter_two = Chapter(2, None, span["Chapter 2"], (Block(BlockKind.PARAGRAPH, *span["Bye."]),))
    asides = (
        Aside(AsideKind.NOTES, *span["WORK NOTE"]),
        Aside(AsideKind.SUMMARY, *span["CH NOTE"], chapter=1),
        Aside(AsideKind.END_NOTES, *span["END NOTE"], chapter=1),
        Aside(AsideKind.CHROME, *span["CHROME"]),
        Aside(AsideKind.END_NOTES, *span["WORK END"]),
    )
    return Story(text, "t", None, "t.txt", (chapter_one, chapter_two), asides=asides)


def test_notes_are_placed_in_reading_order():
    found = [(s.chapter, s.kind, s.text, s.paragraph) for s in segment(notes_story(), notes=True)]
    note, heading = SegmentKind.NOTE, SegmentKind.HEADING
    assert found == [
        (1, note, "WORK NOTE", -1),
        (1, heading, "Chapter 1", -1),
        (1, note, "CH NOTE", -1),
        (1, N, "Hello.", 0),
        (1, note, "END NOTE", -1),
        (2, heading, "Chapter 2", -1),
        (2, N, "Bye.", 0),
        (2, note, "WORK END", -1),
    ]


def test_notes_are_left_out_by_default():
    assert SegmentKind.NOTE not in {s.kind for s in segment(notes_story())}


def test_find_quotations_on_plain_paragraphs():
    text = '"One," she said.\n\n“Two.”\nNo quote here.\n\'Tis "three"'
    assert [text[s:e] for s, e in find_quotations(text)] == ['"One,"', "“Two.”", '"three"']


def test_quote_style_can_be_forced():
    text = "'Hi,' he said."
    assert quotations_in_paragraphs(text, [(0, len(text))], style=Style.DOUBLE) == []
    assert quotations_in_paragraphs(text, [(0, len(text))], style=Style.SINGLE) == [(0, 5)]


@pytest.mark.parametrize(
    "module", [ficaudio.segment, ficaudio.segmentation.quotes, ficaudio.segmentation.thoughts]
)
def test_docstring_examples_hold(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# ----------------------------------------------------------------------------- dash dialogue
DASH_OPENING = "—Come up, Kinch!\n—Back to barracks! he said sternly.\n—Thanks, old chap, he cried briskly. That will do.\n"


def test_dash_dialogue_is_speech_cut_around_its_tag():
    assert pieces(DASH_OPENING + "He laughed.") == [
        (D, "—Come up, Kinch!"),
        (D, "—Back to barracks!"), (N, " he said sternly."),
        (D, "—Thanks, old chap,"), (N, " he cried briskly. "), (D, "That will do."),
        (N, "He laughed."),
    ]


def test_a_dash_opened_paragraph_among_quote_marks_stays_narration():
    text = '"Wait," she said.\n—and then the lights went out.\n"Go."\n—or so they said.\n—Nothing.'
    assert [k for k, _ in pieces(text)] == [D, N, N, D, N, N]


# ----------------------------------------------------------------------------- properties
PIECES = st.sampled_from(
    [
        "word", "Sakura", " ", " ", "  ", "\n", "\n", "\n\n\n", '"', "“", "”", "«", "»", "'", "‘", "’",
        "don't", "'em", "dancin'", "the '90s", "Uchihas'", "/", "*", "_", "and/or", "5 * 3", "snake_case",
        ",", ".", "!", "?", "--", "—", "…", "***", "é", "日本", "🙂", "\t", "(", ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60), st.booleans())
def test_segments_are_lossless(parts, notes):
    story = story_from("".join(parts))
    assert_lossless(story, segment(story, notes=notes))


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_segments_are_lossless_in_dash_dialogue(parts):
    story = story_from(DASH_OPENING + "".join(parts))
    assert_lossless(story, segment(story))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_segments_are_lossless_on_any_text(text):
    story = story_from(text)
    assert_lossless(story, segment(story))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60), st.booleans())
def test_quotations_stay_in_order_and_inside_the_text(parts, join):
    """And each one opens with a quote mark (or a dash, in dash dialogue)."""
    text = "".join(parts)
    spans = find_quotations(text, join_continued=join)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[s] in "\"“”«»„'‘’—-" for s, _ in spans)  # a dash: dash dialogue


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=60))
def test_thoughts_open_and_close_with_the_same_marker(parts):
    story = story_from("".join(parts))
    for s in segment(story):
        if s.kind is T:
            assert s.text[0] == s.text[-1] and s.text[0] in "/*_" and len(s.text) > 2


def test_segmenting_100k_words_takes_well_under_a_second():
    paragraph = (
        '"Hello there," she said, "don\'t you think it\'s late?" He shrugged. /Not again./ '
        "They walked to the Uchihas' house at five o'clock, talking about the '90s.\n"
    )
    text = paragraph * (100_000 // len(paragraph.split()) + 1)
    story = story_from(text)
    started = time.perf_counter()
    segments = segment(story)
    elapsed_s = time.perf_counter() - started
    assert len(segments) > 20_000
    assert elapsed_s < 1.0
