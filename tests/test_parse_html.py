"""The HTML reader: AO3 downloads, FanFicFare HTML, generic pages, hostile and broken markup,
and the segmenter's italic thoughts. Fixtures are in tests/fixtures (written by the project)."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ficaudio.cli import app
from ficaudio.errors import InputError
from ficaudio.models import AsideKind, BlockKind, SegmentKind, Story
from ficaudio.parse import html as html_reader
from ficaudio.parse import layout, markup, read_story, shapes
from ficaudio.segment import segment
from ficaudio.segmentation import thoughts
from story_text import asides, blocks, spans

FIXTURES = Path(__file__).parent / "fixtures"


def write_html(tmp_path: Path, body: str, name: str = "story.html") -> Path:
    path = tmp_path / name
    path.write_text(f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>", encoding="utf-8")
    return path


def check_offsets(story: Story) -> None:
    """Every span indexes Story.text; no block or aside spans a newline-free paragraph wrongly."""
    for chapter in story.chapters:
        for block in chapter.blocks:
            piece = story.text[block.start : block.end]
            assert piece and piece == piece.strip() and "\n" not in piece
    for start, end in story.emphasis + story.set_apart:
        assert 0 <= start < end <= len(story.text)


# ------------------------------------------------------------------------ AO3
@pytest.fixture(scope="module")
def ao3() -> Story:
    return read_story(FIXTURES / "ao3-download.html")


def test_ao3_metadata(ao3):
    assert (ao3.format, ao3.title, ao3.author, ao3.fandom) == (
        "ao3-html", "The Lantern Keeper", "ficaudio_tester", "Lanterns of Vey (Web Series)"
    )
    assert ao3.summary == "Mira keeps the last lantern lit. Tobin keeps forgetting his keys."
    assert [(c.index, c.title) for c in ao3.chapters] == [(1, "The Last Lantern"), (2, None)]
    assert ao3.text[slice(*ao3.chapters[0].heading)] == "Chapter 1: The Last Lantern"
    check_offsets(ao3)


def test_ao3_notes_are_asides_by_chapter(ao3):
    assert asides(ao3, AsideKind.NOTES) == [
        "Written for a prompt: a light left on. Thanks to my beta!",
        "Inspired by The Long Night by someone",
    ]
    assert asides(ao3, AsideKind.SUMMARY, 1) == ["Night falls on the harbour."]
    assert asides(ao3, AsideKind.NOTES, 1) == ["Short chapter, sorry!"]
    assert asides(ao3, AsideKind.END_NOTES, 1) == ["Next chapter soon. Kudos keep me writing!"]
    assert asides(ao3, AsideKind.END_NOTES) == [
        "Thank you for reading! Find me on my blog.",
        "Works inspired by this one:\n\nThe Ferry Home by reader",
    ]
    chrome = asides(ao3, AsideKind.CHROME)
    assert "Fandom: Lanterns of Vey (Web Series)" in chrome[2] and "by ficaudio_tester" in chrome


def test_ao3_story_text_excludes_site_text_and_scripts(ao3):
    story_text = " ".join(blocks(ao3))
    for unwanted in ("Posted originally", "Kudos", "See the end", "alert(", "Chapter Summary", "<"):
        assert unwanted not in story_text
    assert blocks(ao3)[0].startswith("The wind came off the water")


def test_ao3_scene_breaks(ao3):
    # two <p>&nbsp;</p>, an <hr>, and a centred "* * *"
    assert blocks(ao3, BlockKind.SCENE_BREAK) == ["* * *", "* * *", "* * *"]


def test_ao3_italics_and_set_apart(ao3):
    assert spans(ao3, "emphasis") == [
        "Not tonight. Please, not tonight.", "told", "Of course he did.", "always", "He'll be on it,", "He has to be.",
    ]
    assert spans(ao3, "set_apart") == [
        "Tobin: where r u",
        "Tobin: never mind. found the keys",
        "Dear Mira, if you are reading this, the lantern is yours now.",
    ]


# ----------------------------------------------------------------- FanFicFare
def test_fanficfare_html():
    story = read_story(FIXTURES / "fanficfare.html")
    assert (story.format, story.title, story.author, story.fandom) == (
        "fanficfare-html", "The Lantern Keeper", "ficaudio_tester", "Lanterns of Vey (Web Series)"
    )
    assert [c.title for c in story.chapters] == ["The Last Lantern", None]
    assert asides(story, AsideKind.NOTES, 1) == ["Written for a prompt. Thanks to my beta!"]
    assert asides(story, AsideKind.END_NOTES, 1) == ["Next chapter soon."]
    assert story.summary == "Mira keeps the last lantern lit. Tobin keeps forgetting his keys."
    assert "Table of Contents" not in story.text  # the contents list is navigation
    assert blocks(story, BlockKind.SCENE_BREAK) == ["oOo"]
    check_offsets(story)


# ------------------------------------------------------------------- generic
def test_generic_windows_1252_page():
    story = read_story(FIXTURES / "generic-cp1252.html")
    assert (story.format, story.encoding, story.title) == ("html", "cp1252", "Salt and Ferry")
    assert [c.title for c in story.chapters] == [None, "Low Tide", "High Water"]
    assert blocks(story)[0] == "“The sea remembers what the shore forgets.”"  # the epigraph stays story text
    assert "Pell’s café" in blocks(story)[-1]
    # empty <p> between every paragraph is spacing; a longer run is a break; so is a centred -x-x-x-
    assert blocks(story, BlockKind.SCENE_BREAK) == ["* * *", "-x-x-x-"]
    check_offsets(story)


def test_generic_headings_make_chapters(tmp_path):
    path = write_html(tmp_path, "<h1>Book</h1><h2>Chapter 1: Rain</h2><p>It rained.</p><h2>Chapter 2</h2><p>Dry.</p>")
    story = read_story(path)
    assert story.title == "Book"
    assert [(c.title, len(c.blocks)) for c in story.chapters] == [("Rain", 1), (None, 1)]


def test_detected_by_content_whatever_the_suffix(tmp_path):
    path = write_html(tmp_path, "<p>Hello there, friend.</p>", name="story.txt")
    assert read_story(path).format == "html"


def test_forced_format(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<p>Only a fragment.</p>", encoding="utf-8")
    assert read_story(path, format="html").format == "html"
    assert read_story(path).format == "text"


# ------------------------------------------------------------- hostile, broken
def test_broken_markup_is_still_read(tmp_path):
    path = write_html(tmp_path, "<div><p>One <i>two</b> three<p>Four</span></div></div><p>Five")
    assert blocks(read_story(path)) == ["One two three", "Four", "Five"]


def test_script_style_and_comments_are_never_text(tmp_path):
    body = "<style>p{}</style><p>Safe.</p><script>var x = '<p>evil</p>';</script><!-- hidden --><noscript>no</noscript>"
    story = read_story(write_html(tmp_path, body))
    assert blocks(story) == ["Safe."] and "evil" not in story.text and "hidden" not in story.text


def test_entity_declarations_are_not_expanded(tmp_path):
    path = tmp_path / "xxe.html"
    path.write_text(
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>Hi &xxe; there.</p></body></html>',
        encoding="utf-8",
    )
    text = read_story(path).text
    assert "root:" not in text and "Hi &xxe; there." in text


def test_deep_nesting_does_not_recurse_forever(tmp_path):
    story = read_story(write_html(tmp_path, "<div>" * 5000 + "<p>Deep.</p>" + "</div>" * 5000))
    assert blocks(story) == ["Deep."]


def test_no_story_text(tmp_path):
    path = write_html(tmp_path, "<script>x()</script>")
    with pytest.raises(InputError) as info:
        read_story(path)
    assert str(info.value) == f"{path} has no story text: the html file holds no paragraph outside notes and site text"


def test_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_HTML_BYTES", 100)
    path = write_html(tmp_path, "<p>" + "word " * 50 + "</p>")
    with pytest.raises(InputError, match=r"is too large to read as a story \(\d+ bytes; the limit is 100\)"):
        read_story(path)


def test_wrong_charset_declaration_falls_back(tmp_path):
    path = tmp_path / "s.html"
    path.write_bytes('<html><meta charset="utf-8"><body><p>“Café,” she said.</p></body></html>'.encode("cp1252"))
    story = read_story(path)
    assert (story.encoding, blocks(story)) == ("cp1252", ["“Café,” she said."])


# ------------------------------------------------------------------ italics
def kinds(story: Story) -> list[tuple[str, str]]:
    return [(s.kind.value, s.text) for s in segment(story) if s.kind is not SegmentKind.HEADING]


def test_italic_clause_outside_dialogue_is_a_thought(tmp_path):
    story = read_story(write_html(tmp_path, "<p>She sat. <em>This is a mistake.</em> Then she stood.</p>"))
    assert kinds(story) == [
        ("narration", "She sat. "), ("thought", "This is a mistake."), ("narration", " Then she stood."),
    ]


def test_emphasis_inside_dialogue_stays_dialogue(tmp_path):
    story = read_story(write_html(tmp_path, '<p>"I <em>told you so</em>," he said.</p>'))
    assert kinds(story) == [("dialogue", '"I told you so,"'), ("narration", " he said.")]


def test_one_emphasised_word_is_not_a_thought(tmp_path):
    story = read_story(write_html(tmp_path, "<p>It was <i>always</i> the same.</p>"))
    assert kinds(story) == [("narration", "It was always the same.")]


def test_italics_take_their_trailing_punctuation(tmp_path):
    story = read_story(write_html(tmp_path, "<p><i>Not again</i>. He sighed.</p>"))
    assert kinds(story)[0] == ("thought", "Not again.")


def test_script_command_reads_every_html_fixture():
    runner = CliRunner()
    for name in ("ao3-download.html", "fanficfare.html", "generic-cp1252.html"):
        result = runner.invoke(app, ["script", str(FIXTURES / name)])
        assert result.exit_code == 0, result.output
        # stdout only: notes such as "read it as Windows-1252" go to stderr and are not JSON
        rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        assert any(row.get("kind") == "thought" for row in rows), name


@pytest.mark.parametrize("module", [markup, layout, shapes, html_reader, thoughts])
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0
