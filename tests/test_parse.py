"""Tests of ficaudio.parse: decoding, errors, file discovery and the plain-text shapes.

Every input is written by hand into tmp_path.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ficaudio.errors import InputError
from ficaudio.models import AsideKind, BlockKind, Story
from ficaudio.parse import find_stories, read_story
from ficaudio.parse.lines import INVISIBLE


def write(tmp_path: Path, content: str | bytes, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def paragraphs(story: Story, chapter: int = 1) -> list[str]:
    blocks = story.chapters[chapter - 1].blocks
    return [story.span(b.start, b.end) for b in blocks if b.kind is BlockKind.PARAGRAPH]


def asides(story: Story, kind: AsideKind) -> list[str]:
    return [story.span(a.start, a.end) for a in story.asides if a.kind is kind]


def assert_covered_once(story: Story) -> None:
    """Every visible character is in exactly one block, aside or heading; spans are trimmed."""
    spans = [(b.start, b.end) for c in story.chapters for b in c.blocks]
    spans += [(a.start, a.end) for a in story.asides] + [c.heading for c in story.chapters if c.heading]
    owners = [0] * len(story.text)
    for start, end in spans:
        assert story.text[start:end] == story.text[start:end].strip(" \t\n" + INVISIBLE)
        for offset in range(start, end):
            owners[offset] += 1
    for offset, char in enumerate(story.text):
        if not (char.isspace() or char in INVISIBLE):
            assert owners[offset] == 1, (offset, story.text[max(0, offset - 20) : offset + 20])


# ------------------------------------------------------------------ decoding
@pytest.mark.parametrize(
    ("raw", "encoding", "text"),
    [
        (b"Tom ran.\nAna sat.\n", "utf-8", "Tom ran.\nAna sat.\n"),
        (codecs.BOM_UTF8 + "Café.\n".encode(), "utf-8-sig", "Café.\n"),
        ("“Hi,” Ana said.\r\n".encode("utf-16"), "utf-16", "“Hi,” Ana said.\n"),
        (b"\x93Hi,\x94 Ana said.\r\nTom nodded.", "cp1252", "“Hi,” Ana said.\nTom nodded."),
        (b"Tom ran.\r\n\r\nAna sat.\rEnd.", "utf-8", "Tom ran.\n\nAna sat.\nEnd."),
        (b"Odd byte \x81 in a sentence of story text.", "latin-1", "Odd byte \x81 in a sentence of story text."),
    ],
)
def test_text_is_what_python_reads(tmp_path, raw, encoding, text):
    path = write(tmp_path, raw)
    story = read_story(path)
    assert (story.encoding, story.text) == (encoding, text)
    with open(path, encoding=story.encoding) as handle:
        assert handle.read() == story.text


def test_bom_is_not_story_text(tmp_path):
    story = read_story(write(tmp_path, codecs.BOM_UTF8 + b"Ana sat."))
    assert paragraphs(story) == ["Ana sat."]


@pytest.mark.parametrize(
    "raw",
    [b"ID3\x04\x00\x00\x00\x00\x00\x00", b"PK\x03\x04\x14\x00\x00", b"text\x00with nul", bytes(range(1, 32)) * 20],
)
def test_binary_file_is_refused(tmp_path, raw):
    path = write(tmp_path, raw)
    with pytest.raises(InputError) as caught:
        read_story(path)
    assert str(caught.value) == f"{path} is not a text story (it looks like binary data)"


@pytest.mark.parametrize("raw", [b"", b"  \n\t\r\n\n", codecs.BOM_UTF8 + b"\n"])
def test_empty_file_is_refused(tmp_path, raw):
    path = write(tmp_path, raw)
    with pytest.raises(InputError) as caught:
        read_story(path)
    assert str(caught.value) == f"{path} is empty: no story text to read"


def test_missing_file_and_folder_and_unknown_format(tmp_path):
    with pytest.raises(InputError) as caught:
        read_story(tmp_path / "nope.txt")
    assert str(caught.value) == f"no such file or folder: {tmp_path / 'nope.txt'}"
    with pytest.raises(InputError) as caught:
        read_story(tmp_path)
    assert str(caught.value) == f"{tmp_path} is a folder, not a story file"
    with pytest.raises(InputError) as caught:
        read_story(write(tmp_path, "Ana sat."), format="docx")
    assert str(caught.value).startswith("unknown story format 'docx' (known: ")


def test_only_header_lines_is_refused(tmp_path):
    path = write(tmp_path, "Rating: T\nPairings: Ana/Tom\n")
    with pytest.raises(InputError) as caught:
        read_story(path)
    assert str(caught.value) == f"{path} has no story text: every line looks like a header, note or site text"


def test_forced_text_format_reads_any_suffix(tmp_path):
    story = read_story(write(tmp_path, "Ana sat.", name="story.md"), format="text")
    assert paragraphs(story) == ["Ana sat."]


# ------------------------------------------------------------- find_stories
def test_find_stories_in_folder_sorted_not_recursive(tmp_path):
    for name in ("b.txt", "a.HTML", "c.epub", "notes.md", ".hidden.txt", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    single = write(tmp_path, "x", name="z.md")
    found = find_stories([tmp_path, single, tmp_path / "b.txt"])
    assert [p.name for p in found] == ["a.HTML", "b.txt", "c.epub", "z.md"]


def test_find_stories_skips_the_pages_ficaudio_wrote(tmp_path):
    # rendering with --out set to the stories' own folder leaves a library index.html there
    from ficaudio.listen.player import library_page

    (tmp_path / "index.html").write_text(library_page([]))
    (tmp_path / "story.html").write_text("<!DOCTYPE html><html><body><p>Ana sat.</p></body></html>")
    (tmp_path / "story.txt").write_text("Ana sat.")
    assert [p.name for p in find_stories([tmp_path])] == ["story.html", "story.txt"]
    # named on its own, a file is always taken: the user asked for it
    assert find_stories([tmp_path / "index.html"]) == [tmp_path / "index.html"]


def test_find_stories_errors(tmp_path):
    with pytest.raises(InputError) as caught:
        find_stories([tmp_path / "missing"])
    assert str(caught.value) == f"no such file or folder: {tmp_path / 'missing'}"
    (tmp_path / "readme.md").write_text("x")
    with pytest.raises(InputError) as caught:
        find_stories([tmp_path])
    assert str(caught.value) == f"no stories in folder {tmp_path} (looked for .txt, .html, .htm, .epub)"


# ------------------------------------------------------------------ shapes
AO3_PAGE = """Actions

Work Header

Rating:
General Audiences
Fandom:
Original Work
Stats:
Published:
2024-05-01
Words:
900

The Lantern Keepers

Wren Hollis

Summary:

Two keepers, one storm.

Notes:

My first story here!

Chapter 1: the storm

Notes:

(See the end of the chapter for notes.)

Chapter Text

Mara climbed the stair.

“Light it,” Tobin said.

Notes:

Thanks for reading.

Chapter 2

Summary:

Morning after.

Chapter Text

The sea was quiet.
"""


def test_ao3_page_copy(tmp_path):
    story = read_story(write(tmp_path, AO3_PAGE))
    assert (story.format, story.title, story.author, story.fandom) == (
        "ao3-text", "The Lantern Keepers", "Wren Hollis", "Original Work")
    assert story.summary == "Two keepers, one storm."
    assert [(c.index, c.title) for c in story.chapters] == [(1, "the storm"), (2, None)]
    assert story.span(*story.chapters[0].heading) == "Chapter 1: the storm"
    assert paragraphs(story, 1) == ["Mara climbed the stair.", "“Light it,” Tobin said."]
    assert paragraphs(story, 2) == ["The sea was quiet."]
    found = {(a.kind, a.chapter, story.span(a.start, a.end)) for a in story.asides}
    assert (AsideKind.NOTES, None, "My first story here!") in found
    assert (AsideKind.END_NOTES, 1, "Thanks for reading.") in found
    assert (AsideKind.SUMMARY, 2, "Morning after.") in found
    chrome = " ".join(asides(story, AsideKind.CHROME))
    for label in ("Actions", "Work Header", "Fandom:", "Chapter Text", "Notes:", "(See the end"):
        assert label in chrome
    assert_covered_once(story)


def test_ao3_single_chapter_copy(tmp_path):
    story = read_story(write(tmp_path, "Chapter Text\nAna waited.\n“Well?” Tom asked.\nNothing.\n", "the_wait.txt"))
    assert story.title == "The Wait"
    assert [(c.index, c.title, c.heading) for c in story.chapters] == [(1, None, None)]
    assert paragraphs(story) == ["Ana waited.", "“Well?” Tom asked.", "Nothing."]
    assert asides(story, AsideKind.CHROME) == ["Chapter Text"]


def test_ffn_header_and_end_prologue(tmp_path):
    text = "Pairings: Ana/Tom\n\nRating: T\n\nDisclaimer: all mine.\n\n\n\nAna ran.\n\n\"Wait!\" She called.\n\nEnd Prologue.\n"
    story = read_story(write(tmp_path, text))
    assert story.format == "ffn-text"
    assert asides(story, AsideKind.HEADER) == ["Pairings: Ana/Tom", "Rating: T", "Disclaimer: all mine."]
    assert paragraphs(story) == ["Ana ran.", "\"Wait!\" She called.", "End Prologue."]


def test_a_title_line_above_an_ffn_header(tmp_path):
    """A pasted work often opens on its title, then its "Key: value" header: every field of the
    header is an aside (none is read aloud as chapter text, none is the title)."""
    text = ("The Salt Road (Or, Gulls)\n\nFandom: Tidewatch (Webcomic)\nCharacters: Ana Reyes, Tom Vail\n"
            "Additional Tags: Alternate Universe - Coffee Shops & Cafés, Slow Burn, Found Family, Gulls, "
            "Lighthouses, Happy Ending\n\nDisclaimer: Tidewatch belongs to its creator.\n\n"
            "Chapter 1: The Road\n\nAna walked the long road to the sea, counting the gulls as they wheeled.\n")
    story = read_story(write(tmp_path, text))
    assert story.title == "The Salt Road (Or, Gulls)"
    assert story.fandom == "Tidewatch (Webcomic)"
    assert [c.title for c in story.chapters] == ["The Road"]
    assert paragraphs(story) == ["Ana walked the long road to the sea, counting the gulls as they wheeled."]
    assert_covered_once(story)


@pytest.mark.parametrize(
    "opening",
    ["The Salt Road\nby ivy_marsh", "the salt road, or: a long way round"],
)
def test_an_ao3_copy_under_a_byline_or_a_lower_case_title_keeps_its_header_aside(tmp_path, opening):
    """A byline between the title and the fields, or a title in lower case (as many AO3 titles
    are), still opens the header: no field, disclaimer or note is read as the story."""
    text = (f"{opening}\n\nFandom: Tidewatch (Webcomic)\nRating: General Audiences\nCharacters: Ana Reyes, Tom Vail\n"
            "Additional Tags: Slow Burn, Gulls\n\nDisclaimer: Tidewatch belongs to its creator.\n\n"
            "Author's Note: for the Spring Swap!\n\nChapter 1: The Road\n\n"
            "Ana walked the long road to the sea, counting the gulls as they wheeled.\n")
    story = read_story(write(tmp_path, text))
    assert story.title == opening.split("\n")[0]
    assert [c.title for c in story.chapters] == ["The Road"]
    assert paragraphs(story) == ["Ana walked the long road to the sea, counting the gulls as they wheeled."]
    assert_covered_once(story)


@pytest.mark.parametrize(
    "opening",
    ["The note on the fridge was short.\nNote: Gone to the docks. Back by six.",
     "The alarm went off at three.\nWarning: hull breach on deck four.",
     "I woke up to a blue screen over the bed.\nTitle: The Fool Who Woke Twice\nStatus: Poisoned (mild)",
     "Log entry 42\nStatus: still stranded."],
)
def test_a_story_opening_on_its_own_labelled_line_is_no_header(tmp_path, opening):
    """A story may open on a short line and a labelled line of its own (a note, an alarm, a
    game's screen, a log): those keys are no work's header (no ``Fandom:``, ``Rating:``,
    ``Characters:``), so neither line is a title or a header, and both are read."""
    story = read_story(write(tmp_path, f"{opening}\n\nMara ate the pie. \"You ate the pie,\" Tobin said.\n", "pie.txt"))
    assert story.title == "Pie"
    assert paragraphs(story)[:-1] == opening.split("\n") and not story.asides


@pytest.mark.parametrize(
    ("opening", "title", "notes"),
    [("Hope you enjoy this one!", "Pie", ["Hope you enjoy this one!"]),
     ("This is my first fic so please be gentle with me.", "Pie", ["This is my first fic so please be gentle with me."]),
     ("Why Does It Always Have To Be Boats?", "Why Does It Always Have To Be Boats?", []),
     ("i think i'm okay", "i think i'm okay", [])],
)
def test_the_first_line_before_a_work_s_header_is_its_title_or_a_note(tmp_path, opening, title, notes):
    """The file's first line before a work's header is its title, though not title-shaped
    (lower case, or ending on a question mark), or a note when it reads as a sentence -- never
    the story's first line, nor the book's title when it is a note."""
    text = f"{opening}\nWarnings: none, just fluff\nRating: T\nPairing: Mara/Tobin\n\nMara ate the pie. \"You ate the pie,\" Tobin said.\n"
    story = read_story(write(tmp_path, text, "pie.txt"))
    assert story.title == title
    assert asides(story, AsideKind.NOTES) == notes
    assert paragraphs(story) == ['Mara ate the pie. "You ate the pie," Tobin said.']
    assert_covered_once(story)


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_bare_summary_or_notes_label_keeps_its_paragraph_aside(tmp_path, gap):
    """``Summary:`` and ``Notes:`` alone on their lines (as an AO3 page shows them) have their
    text under them, after a blank line or not: the header's, not read as the story."""
    text = (f"Salt Road\nby wren\n\nFandom: Tidewatch\nRating: T\n\nSummary:{gap}Mara finds out what Tobin did.\n\n"
            f"Notes:{gap}Thanks to Jess for the beta!\n\nMara slammed the door. \"You lied,\" she said.\n")
    story = read_story(write(tmp_path, text))
    assert paragraphs(story) == ['Mara slammed the door. "You lied," she said.']
    assert story.summary == "Mara finds out what Tobin did."
    assert_covered_once(story)


def test_a_bare_field_label_takes_only_the_line_under_it(tmp_path):
    """A field's bare label (``Warnings:`` with nothing under it) takes no paragraph after a blank
    line: that is the story's first."""
    text = "Salt Road\n\nFandom: Tidewatch\nWarnings:\n\nMara slammed the door. \"You lied,\" she said.\n"
    assert paragraphs(read_story(write(tmp_path, text))) == ['Mara slammed the door. "You lied," she said.']


def test_a_fanfiction_net_page_s_rated_line_is_the_header(tmp_path):
    """FanFiction.Net's page writes its fields on one ``Rated:`` line: the header, not the story."""
    text = ("Salt Road\nBy: wrenfeather\n\nRated: Fiction T - English - Romance - Mara V., Tobin H. - Words: 1,204 - "
            "Published: 3/2/2024 - Status: Complete\n\nA/N: Thanks to Jess for the beta!\n\nThe kettle had boiled twice.\n")
    story = read_story(write(tmp_path, text))
    assert (story.title, paragraphs(story)) == ("Salt Road", ["The kettle had boiled twice."])
    assert_covered_once(story)


def test_plain_title_notes_and_byline(tmp_path):
    text = "Written for the Spring Swap: Lighthouses\n\nHope you like it!\n\nThe Salt Road\nby Ivy Marsh\n\n" \
        "Ana walked the long road to the sea, counting the gulls as they wheeled above her head.\n"
    story = read_story(write(tmp_path, text))
    assert (story.title, story.author) == ("The Salt Road", "Ivy Marsh")
    assert asides(story, AsideKind.NOTES) == ["Written for the Spring Swap: Lighthouses\n\nHope you like it!"]
    assert len(paragraphs(story)) == 1
    assert_covered_once(story)


def test_story_starting_with_a_sentence_has_no_title_line(tmp_path):
    story = read_story(write(tmp_path, "He's home, end of story.\n\n\"Hi,\" Ana said.\n", "my_story-final.txt"))
    assert story.title == "My Story Final"
    assert paragraphs(story)[0] == "He's home, end of story."


@pytest.mark.parametrize(
    ("line", "title"),
    [("Chapter 12", None), ("Chapter 12: The Storm", "The Storm"), ("Chapter Twelve - Rain", "Rain"),
     ("CHAPTER XII", None), ("Prologue", "Prologue"), ("Epilogue", "Epilogue"), ("~Chapter 3~", None)],
)
def test_chapter_headings(tmp_path, line, title):
    story = read_story(write(tmp_path, f"Ana sat.\n\n{line}\n\nTom ran.\n"))
    assert [c.title for c in story.chapters] == [None, title]
    assert story.span(*story.chapters[1].heading) == line
    assert paragraphs(story, 2) == ["Tom ran."]


def test_no_heading_is_one_chapter_and_sentences_are_not_headings(tmp_path):
    story = read_story(write(tmp_path, "Chapter two was the worst.\n\nEnd Prologue.\n"))
    assert [(c.index, c.title, c.heading) for c in story.chapters] == [(1, None, None)]


@pytest.mark.parametrize("rule", ["***", "* * *", "~~~", "oOo", "xXx", "-o-o-o-", "x-x-x", "~o~", "-x-", "---", "___", "§"])
def test_symbol_scene_breaks(tmp_path, rule):
    story = read_story(write(tmp_path, f"Ana sat.\n\n{rule}\n\nTom ran.\n"))
    kinds = [b.kind for b in story.chapters[0].blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.SCENE_BREAK, BlockKind.PARAGRAPH]
    assert story.span(story.chapters[0].blocks[1].start, story.chapters[0].blocks[1].end) == rule


def test_blank_run_scene_break_in_single_spaced_text(tmp_path):
    story = read_story(write(tmp_path, "Ana sat.\n\nTom ran.\n\n\n\nDawn came.\n\nBirds sang.\n"))
    blocks = story.chapters[0].blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "scene_break", "paragraph", "paragraph"]
    assert blocks[2].start == blocks[2].end == blocks[1].end


def test_double_spaced_text_is_not_all_scene_breaks(tmp_path):
    body = "\n\n\n".join(f"Line {n} of the tale." for n in range(10))
    story = read_story(write(tmp_path, body + "\n\n\n\n\n\nLater that day."))
    kinds = [b.kind for b in story.chapters[0].blocks]
    assert kinds.count(BlockKind.SCENE_BREAK) == 1 and kinds[-2] == BlockKind.SCENE_BREAK


def test_stray_gap_inside_a_conversation_is_not_a_break(tmp_path):
    story = read_story(write(tmp_path, 'Ana sat.\n\n"I see."\n\n\n"Do you?"\n\nTom ran.\n'))
    assert BlockKind.SCENE_BREAK not in [b.kind for b in story.chapters[0].blocks]


def test_hard_wrapped_text_joins_lines(tmp_path):
    wrapped = (
        "It was the best of days and the worst of days, said the keeper to\n"
        "his daughter as they climbed the long stair of the old lighthouse\n"
        "at dusk.\n\n"
        "She did not answer him at first, for the wind was loud and the sea\n"
        "below them was throwing itself against the rocks like a wild dog\n"
        "that had slipped its chain.\n"
    )
    story = read_story(write(tmp_path, wrapped))
    assert len(paragraphs(story)) == 2
    assert paragraphs(story)[0].endswith("lighthouse\nat dusk.")


def test_author_note_at_the_end_is_end_notes(tmp_path):
    story = read_story(write(tmp_path, "Ana sat.\n\nTom ran.\n\nA/N: Thanks for reading!\n"))
    assert [(a.kind, a.chapter) for a in story.asides] == [(AsideKind.END_NOTES, 1)]
    assert paragraphs(story) == ["Ana sat.", "Tom ran."]


def test_an_end_notes_label_sets_its_notes_aside_to_the_next_chapter(tmp_path):
    text = (
        "Chapter 1: Rain\n\nAna sat.\n\n\"Tom?\" she said.\n\n* * *\n\nEnd Notes:\n\n"
        "Next time: the storm. Thank you all!\n\nChapter 2: Sun\n\nTom ran.\n"
    )
    story = read_story(write(tmp_path, text))
    assert [(a.kind, a.chapter) for a in story.asides] == [(AsideKind.END_NOTES, 1)]
    assert "Next time" in story.text[story.asides[0].start:story.asides[0].end]
    assert paragraphs(story) == ["Ana sat.", '"Tom?" she said.'] and paragraphs(story, 2) == ["Tom ran."]


def test_an_end_note_on_its_label_s_line_is_set_aside(tmp_path):
    text = "Ana sat by the window for a long time, watching the rain.\n\n\"Tom?\" she said.\n\nEnd note: Thank you for reading! Next chapter: the storm.\n"
    story = read_story(write(tmp_path, text))
    assert [a.kind for a in story.asides] == [AsideKind.END_NOTES]
    assert paragraphs(story)[-1] == '"Tom?" she said.'


def test_a_notes_label_inside_a_scene_is_story_text(tmp_path):
    # a notebook's "Notes:" with the scene going on after it: nothing is dropped
    text = "Ana sat at the desk by the window and opened the notebook to the last page she had written on.\n\nNotes:\n\nThe door was open.\n\n\"Tom,\" she said. \"Look.\"\n"
    story = read_story(write(tmp_path, text))
    assert story.asides == [] or all(a.kind is not AsideKind.END_NOTES for a in story.asides)
    assert paragraphs(story)[-1] == '"Tom," she said. "Look."'
    assert "Notes:" in paragraphs(story)


def test_end_notes_stop_where_the_story_goes_on_without_a_heading(tmp_path):
    # a story posted in parts: plain text takes "Part 2" (or a scene break) for no heading, and
    # the part after the end notes is story (round 42H)
    for goes_on in ("Part 2", "Part Two: The Storm", "II.", "~ 2 ~", "* * *"):
        text = (
            "Chapter 1: Rain\n\nAna sat by the window and watched the rain over the harbour.\n\n\"Tom?\" she said.\n\n"
            f"End Notes:\n\nThanks for reading! More soon.\n\n{goes_on}\n\nTom ran down to the harbour.\n\n\"Ana!\" he shouted.\n"
        )
        story = read_story(write(tmp_path, text))
        assert [(a.kind, a.chapter) for a in story.asides] == [(AsideKind.END_NOTES, 1)], goes_on
        assert paragraphs(story)[-2:] == ["Tom ran down to the harbour.", '"Ana!" he shouted.'], goes_on


def test_a_bare_notes_label_ends_a_chapter_only_when_it_talks_to_readers(tmp_path):
    # a detective's whiteboard "Notes:" and narration after it, no dialogue: story (round 42H);
    # a blank line after the label is no quotation
    scene = (
        "Chapter 1: The Board\n\nRosa pinned the last photograph to the corkboard and stepped back.\n\n"
        "She uncapped a marker and wrote across the top of the whiteboard.\n\nNotes:\n\n"
        "Victim one was last seen at the Blue Door on Friday.\nBoth women had a key to the back office.\n\n"
        "She stared at it until the letters swam.\n"
    )
    story = read_story(write(tmp_path, scene))
    assert all(a.kind is not AsideKind.END_NOTES for a in story.asides)
    assert paragraphs(story)[-1] == "She stared at it until the letters swam."
    notes = "Chapter 1: Rain\n\nAna sat by the window.\n\n\"Tom?\" she said.\n\nNotes:\n\nThanks for reading! Kudos make my day.\n"
    story = read_story(write(tmp_path, notes))
    assert [(a.kind, a.chapter) for a in story.asides] == [(AsideKind.END_NOTES, 1)]
    assert paragraphs(story) == ["Ana sat by the window.", '"Tom?" she said.']


def test_a_title_from_the_file_name_is_marked_as_such(tmp_path):
    untitled = tmp_path / "003_some-fic.txt"
    untitled.write_text("Pairings: A and B\n\nRating: T\n\nShe ran.\n", encoding="utf-8")
    titled = tmp_path / "titled.txt"
    titled.write_text("Actions\n\nWork Header\n\nThe Real Title\n\nChapter Text\n\nShe ran.\n", encoding="utf-8")
    assert read_story(untitled).title_from_file is True
    assert read_story(titled).title_from_file is False
