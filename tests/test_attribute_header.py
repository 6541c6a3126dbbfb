"""The work's header, read once (attribute/header.py)."""

from __future__ import annotations

from ficaudio.attribute.document import build_paragraphs
from ficaudio.attribute.header import read_header
from ficaudio.models import Gender

from attribute_scenes import dialogue_speakers, paragraph_characters, paragraph_story


def _header(paragraphs: list[str]):
    story, segments = paragraph_story(paragraphs)
    return read_header(build_paragraphs(story, segments)[0], story.text)


def test_a_novel_opening_on_a_labelled_chapter_heading_has_no_header():
    # ``Chapter I: The Gull Inn`` is a label, but no work's field: the novel starts there
    header = _header(["Chapter I: The Gull Inn", "The landlady had promised them rooms over the harbour.", '"She promised," Agnes said.'])
    assert header.end == 0 and header.cast is None


def test_a_header_is_read_once_with_its_cast_and_the_headings_after_it():
    paragraphs = ["Harbour Lights", "Fandom: Tideway", "Characters: Nell Price, Kit Moss", "Chapter 1: Low Water", "Nell laughed.", '"Kit!" she called.']
    story, _ = paragraph_story(paragraphs)
    header = _header(paragraphs)
    assert header.cast_names(story.text) == ["Nell Price", "Kit Moss"]
    assert [story.text[s:e] for s, e in header.headings] == ["Chapter 1: Low Water"]
    assert story.text[header.end:].lstrip().startswith("Chapter 1")


def test_a_tumblr_header_of_pairing_and_warnings_is_a_header():
    # ``Pairing:``, ``Warnings:``, ``Word Count:`` are a work's fields as much as AO3's ``Fandom:``
    scene = [
        "Pairing: Captain Oduya x Fem!Reader",
        "Warnings: none, just fluff",
        "The ferry horn shakes the whole deck. You grip the rail and watch the harbour lights shrink.",
        'Captain Oduya leans beside you. "First crossing, (Y/N)?"',
        '"Is it that obvious?" you ask.',
    ]
    assert _header(scene).end > 0
    assert paragraph_characters(scene)["Y/N"].gender is Gender.FEMALE


def test_a_summary_that_quotes_a_line_or_runs_on_does_not_end_the_header():
    # a work field after a summary that quotes a line, or after its second paragraph, is still
    # the header's: the cast it lists is read
    for summary in (['Summary: "Not again," she sighed. A night at the harbour.'], ["Summary: A night at the harbour.", "Nobody sleeps."]):
        paragraphs = ["Fandom: Tideway", *summary, "Characters: Nell Price, Kit Moss", "Nell laughed.", '"Kit!" she called.']
        story, _ = paragraph_story(paragraphs)
        header = _header(paragraphs)
        assert header.cast_names(story.text) == ["Nell Price", "Kit Moss"]
        assert story.text[header.end:].lstrip().startswith("Nell laughed.")


def test_a_story_after_one_field_still_ends_the_header():
    # narration after a field, with no field coming, is the story (its quotation is no summary's)
    paragraphs = ["Fandom: Tideway", "Nell laughed at the gulls.", '"Kit!" she called.', "Notes: none"]
    story, _ = paragraph_story(paragraphs)
    assert story.text[_header(paragraphs).end:].lstrip().startswith("Nell laughed")


def test_a_story_line_labelled_like_a_field_does_not_swallow_the_opening():
    # ``Warning:`` and ``Setting:`` are fields a story's own lines write too (a ship's computer,
    # a scene label): the tagged opening before one is the story, and its speaker stays
    for label in ("Warning: hull breach detected on deck four.", "Setting: the dry dock, after midnight."):
        scene = [
            "Fandom: Starfall",
            "Rating: T",
            "The klaxon woke Ruiz before the lights came on. Abara was already at the console.",
            '"Talk to me," Ruiz said.',
            label,
            '"Seal it," Abara said.',
            '"Sealing."',
        ]
        story, _ = paragraph_story(scene)
        assert story.text[_header(scene).end:].lstrip().startswith("The klaxon")
        assert dialogue_speakers(scene) == ["Ruiz", "Abara", "Ruiz"]


def test_an_ffn_header_of_title_rated_and_authors_note_is_a_header():
    # ``Title:``, ``Rated:`` and ``Author's Note:`` are FFN's fields: the story starts after them,
    # so a name in the note (Odile) is not written by the story, and the woman who gives it is named by it
    scene = [
        "Title: The Night Crossing",
        "Rated: T",
        "Author's Note: for Odile, who wanted more trains.",
        "The train swayed through the dark. Bram leaned on the window and watched the lights go by.",
        'A woman in a green scarf sat down across from him. "Odile. Nice to meet you."',
        '"Bram," he said.',
        '"First time on the night train?" the woman asked.',
    ]
    story, _ = paragraph_story(scene)
    assert story.text[_header(scene).end:].lstrip().startswith("The train swayed")
    assert dialogue_speakers(scene)[0] == "Odile"


def test_a_title_with_an_abbreviated_chapter_number_still_opens_a_header():
    # ``(Ch. 4)`` abbreviates, it ends no sentence: the fields under such a title are the header's
    paragraphs = ["Salt and Static (Ch. 4)", "Fandom: Tideway", "Characters: Nell Price, Kit Moss", "Tags: Nell POV, First Person", "I pulled the door shut behind me.", '"Kit!" I called.']
    story, _ = paragraph_story(paragraphs)
    header = _header(paragraphs)
    assert header.cast_names(story.text) == ["Nell Price", "Kit Moss"]
    assert story.text[header.end:].lstrip().startswith("I pulled")


def _characters_of_file(tmp_path, text: str) -> dict[str, set[str]]:
    from ficaudio.attribute import attribute
    from ficaudio.parse import read_story
    from ficaudio.segment import segment

    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    story = read_story(path)
    return {c.name: {c.name, *c.aliases} for c in attribute(story, list(segment(story))).characters}


def test_a_header_the_reader_sets_aside_is_read_as_the_header(tmp_path):
    # an AO3 page saved as text: the reader keeps the work's fields out of the story, and the
    # header's ``Characters:`` field still tells that Al and Brogan are one man (an alias of
    # the listed full name), as when the same lines are pasted as the story's paragraphs
    text = "\n\n".join([
        "Whiteout",
        "Fandom: High Cairn (TV)",
        "Characters: Alasdair Brogan, Tamsin Ruddock",
        "Chapter 1: Snow",
        "The radio crackled in the hut. Brogan pulled on his gloves and looked at the door.",
        '"Go," Tamsin said.',
        '"Going," Brogan said. He went out into the snow.',
        '"Tam, it\'s Al. I can see the crag from here," he said over the radio.',
        '"Copy, Al," Tamsin said.',
    ]) + "\n"
    characters = _characters_of_file(tmp_path, text)
    brogan = next(forms for forms in characters.values() if "Brogan" in forms)
    assert "Alasdair Brogan" in brogan


def test_an_ao3_or_fanficfare_download_s_characters_field_is_the_header_cast():
    # AO3's HTML and EPUB downloads and FanFicFare's keep the work's fields among the page's
    # furniture (chrome asides); the Characters: field still tells the attribution its cast
    from pathlib import Path

    from ficaudio.attribute.document import build_document
    from ficaudio.parse import read_story
    from ficaudio.segment import segment

    fixtures = Path(__file__).parent / "fixtures"
    for name in ("ao3-download.html", "ao3.epub", "fanficfare.epub", "fanficfare.html"):
        story = read_story(fixtures / name)
        header = build_document(story, list(segment(story)), []).header
        assert header.cast_names(story.text) == ["Mira Sol", "Tobin Ash"], name


def test_an_ao3_page_copy_s_bare_label_takes_the_line_under_it():
    # a page copied from AO3's site puts a field's label and its value on two lines
    from ficaudio.attribute.document import _work_header_lines, build_paragraphs
    from ficaudio.models import AsideKind, Aside, Block, BlockKind, Chapter, Story

    text = "Work Header\nCharacters:\nMira Sol, Tobin Ash\nKudos\nMira ran."
    asides = tuple(Aside(AsideKind.CHROME, s, e) for s, e in ((0, 11), (12, 23), (24, 43), (44, 49)))
    story = Story(text, "t", None, "t", (Chapter(1, None, None, (Block(BlockKind.PARAGRAPH, 50, 59),)),), asides)
    paragraphs, _ = build_paragraphs(story, [])
    assert [(text[s:e], field) for (s, e), field in _work_header_lines(story, paragraphs)] == [("Characters:", True), ("Mira Sol, Tobin Ash", True)]
