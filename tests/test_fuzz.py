"""Hypothesis over parse -> segment -> attribute -> plan with hostile text: nothing but
ficaudio's own errors escape, every character of the story text is in exactly one
segment, in order, and every spoken segment's words reach the engine.

(atheris was considered: it needs a clang-built CPython extension per platform; the same
entry points are driven here by hypothesis, which shrinks failures to a readable input.)
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ficaudio import attribute, segment, speech
from ficaudio.config import Config, Pauses
from ficaudio.cast import cast
from ficaudio.errors import FicaudioError
from ficaudio.models import SPOKEN_KINDS, Script, SegmentKind
from ficaudio.parse import read_story
from ficaudio.parse.lines import INVISIBLE
from ficaudio.parse.text import story_from_text
from ficaudio.render import count_words, words_check

QUOTES = st.sampled_from(list("\"'“”‘’«»„‹›「」") + ["''", "``", '"\'', "‘“"])
WORDS = st.sampled_from(["Ana", "Tom", "said", "asked", "she", "he", "the", "sea", "don't", "Kakashi-sensei", "42", "é", "Zoë", "ＡＢＣ", "日本", "ana's"])
UNICODE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=4)
PUNCT = st.sampled_from([".", ",", "!", "?", "—", "–", "…", "...", "-", "*", "/", "_", ":", ";", "~", "(", ")"])
GAPS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n\n\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\n \n"])
STRUCTURE = st.sampled_from(["Chapter 1: start", "Chapter 2", "CHAPTER III", "***", "* * *", "Prologue", "Summary:", "Notes:", "A/N:"])
PIECES = st.one_of(WORDS, WORDS, WORDS, QUOTES, PUNCT, GAPS, GAPS, UNICODE, STRUCTURE.map(lambda s: f"\n\n{s}\n\n"))
CONFIG = Config(engine="silent", pauses=Pauses())
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def texts():
    return st.lists(PIECES, min_size=1, max_size=120).map("".join)


def parsed(text: str):
    try:
        return story_from_text(text.replace("\r\n", "\n").replace("\r", "\n"), source_path="fuzz.txt")
    except FicaudioError:
        return None


@FUZZ
@given(texts(), st.booleans())
@example('"\ufeff', False)  # a byte-order mark after a quote mark (found by hypothesis)
def test_segments_cover_the_story_text_exactly_once_in_order(text, notes):
    story = parsed(text)
    if story is None:
        return
    segments = segment.segment(story, notes=notes)
    assert all(s.text == story.text[s.start : s.end] and s.start < s.end for s in segments)
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:]))  # in order, no overlap
    wanted = set()
    for chapter in story.chapters:
        spans = [chapter.heading] if chapter.heading and chapter.heading[1] > chapter.heading[0] else []
        wanted |= {i for start, end in spans + [(b.start, b.end) for b in chapter.blocks] for i in range(start, end)}
    covered = {i for s in segments if s.kind is not SegmentKind.NOTE for i in range(s.start, s.end)}
    assert covered == wanted
    asides = {i for a in story.asides for i in range(a.start, a.end)}
    dropped = [i for i, ch in enumerate(story.text) if not ch.isspace() and ch not in INVISIBLE and i not in covered | asides]
    assert dropped == []  # what is not a segment is an aside, listed in the script as unspoken
    # (zero-width marks at a paragraph's edges are trimmed with its spaces: '"\ufeff' is the paragraph '"')


@FUZZ
@given(texts())
def test_every_spoken_segment_reaches_the_engine(text):
    story = parsed(text)
    if story is None:
        return
    segments = segment.segment(story)
    attribution = attribute.attribute(story, segments)
    script = Script(story, attribution, cast(attribution, CONFIG))
    plan = speech.plan(script, CONFIG)
    for check in words_check(script, plan):
        assert check.dropped_lines == ()
    spoken = [line for line in script.lines if line.segment.kind in SPOKEN_KINDS and count_words(line.segment.text)]
    assert all(speech.has_speech(speech.speakable(line.segment.text)) for line in spoken)


@FUZZ
@given(st.one_of(st.binary(max_size=400), texts().map(lambda t: t.encode("utf-8")), texts().map(lambda t: t.encode("utf-16")),
                 texts().map(lambda t: t.encode("cp1252", "replace"))),  # fmt: skip
       st.sampled_from(["story.txt", "story.html", "story"]))
def test_only_ficaudio_errors_escape_parse_segment_attribute(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    try:
        story = read_story(path)
        attribute.attribute(story, segment.segment(story, notes=True))
    except FicaudioError:
        pass
