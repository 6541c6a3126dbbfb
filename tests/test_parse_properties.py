"""Property tests: whatever the document, every visible character of the file lands in
exactly one block, aside or chapter heading, and Story.text is what Python reads."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficaudio.errors import InputError
from ficaudio.parse.text import story_from_text
from test_parse import assert_covered_once

WORDS = st.sampled_from(["Ana", "Tom", "sat", "ran", "the", "sea", "said", "“Hi,”", '"No!"', "—", "…", "é"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
STRUCTURE = st.sampled_from(
    [
        "Chapter 1", "Chapter 2: the sea", "CHAPTER IV", "Prologue", "Chapter Text", "Work Header", "Actions",
        "Summary:", "Notes:", "(See the end of the chapter for notes.)", "Rating: T", "Pairings: Ana/Tom",
        "A/N: thanks!", "***", "* * *", "oOo", "~", "by Someone", "The Long Road Home", "Fandom:", "Hits:",
        "End Prologue.", "\u200b", "\xa0",
    ]
)
LINE = st.tuples(st.sampled_from(["", " ", "\t", "\xa0"]), st.one_of(SENTENCE, STRUCTURE), st.sampled_from(["", " "]))
GAP = st.sampled_from(["\n", "\n\n", "\n\n\n", "\n\n\n\n\n", "\r\n", "\r\n\r\n", "\n \n"])


@st.composite
def documents(draw) -> str:
    lines = draw(st.lists(LINE.map("".join), min_size=1, max_size=30))
    gaps = draw(st.lists(GAP, min_size=len(lines), max_size=len(lines)))
    return "".join(line + gap for line, gap in zip(lines, gaps))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_visible_character_is_in_exactly_one_span(document):
    text = document.replace("\r\n", "\n").replace("\r", "\n")
    try:
        story = story_from_text(text, source_path="gen.txt")
    except InputError as exc:
        assert "has no story text" in str(exc)
        return
    assert story.text == text
    assert_covered_once(story)
    assert all(c.index == n for n, c in enumerate(story.chapters, start=1))


@settings(max_examples=60, deadline=None)
@given(documents(), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252"]))
def test_text_equals_python_text_mode(tmp_path_factory, document, encoding):
    from ficaudio.parse import read_story

    try:
        raw = document.encode(encoding)
    except UnicodeEncodeError:
        return  # cp1252 cannot hold every generated character
    path = tmp_path_factory.mktemp("doc") / "story.txt"
    path.write_bytes(raw)
    try:
        story = read_story(path)
    except InputError as exc:
        assert "has no story text" in str(exc) or "is empty" in str(exc)
        return
    with open(path, encoding=story.encoding) as handle:
        assert handle.read() == story.text
