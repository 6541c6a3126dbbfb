"""The work's header, read once (attribute/header.py)."""

from __future__ import annotations

from ficaudio.attribute.document import build_paragraphs
from ficaudio.attribute.header import read_header
from ficaudio.models import Gender

from attribute_scenes import paragraph_characters, paragraph_story


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
