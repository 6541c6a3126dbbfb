"""A big story read in parts (:func:`ficaudio.parse.story_parts`): what each part hands the
next, so names, voices, chapter numbers and script rows go on as if the story were read whole."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import parse, speech
from .models import Cast, Character, Script, Story


@dataclass(frozen=True)
class Carry:
    """What one part of a big story file hands to the next (:func:`ficaudio.parse.story_parts`):
    where it ends, the characters found and the voices given, so names and voices stay the same."""

    first: Story | None = None  # the first part's story, its text dropped: format, title, author
    chapters: int = 0  # chapters in the parts before
    rows: int = 0  # script rows before (script.txt numbers them on)
    chars: int = 0  # characters of story text before (script.jsonl offsets go on)
    last_title: str | None = None  # the last chapter's title so far, for a chapter cut in two
    characters: tuple[Character, ...] = ()
    cast: Cast | None = None


MAX_CARRIED_CHARACTERS = 300
"""Characters handed from part to part, most mentioned first (memory stays bounded)."""


def read_part(path: str | Path, part: parse.Part, carry: Carry) -> Story:
    """Part ``part`` of a big story file as a Story going on from ``carry``: chapters numbered
    on, a chapter cut in two going on as "TITLE (continued)" (no heading spoken for it)."""
    story = parse.read_part(Path(path), part, carry.first, chapters_before=carry.chapters)
    story = replace(story, in_parts=True)
    if story.chapters and story.chapters[0].heading is None and carry.first is not None:
        opening = replace(story.chapters[0], title=f"{carry.last_title} (continued)" if carry.last_title else None, continued=True)
        story = replace(story, chapters=(opening, *story.chapters[1:]))
    return story


def carried(script: Script, carry: Carry, rows: int) -> Carry:
    """The carry for the part after ``script``'s (``rows``: how many script rows it wrote)."""
    story = script.story
    first = carry.first or replace(story, text="", chapters=(), asides=(), emphasis=(), set_apart=())
    found = {c.name: c for c in carry.characters}
    for character in script.attribution.characters:
        found.setdefault(character.name, character)
    characters = sorted(found.values(), key=lambda c: -c.mentions)[:MAX_CARRIED_CHARACTERS]
    last_title = speech.chapter_title(story, story.chapters[-1]) if story.chapters and not story.chapters[-1].continued else carry.last_title
    chapters = max((c.index for c in story.chapters), default=carry.chapters)
    return Carry(first, chapters, carry.rows + rows, carry.chars + len(story.text), last_title, tuple(characters), script.cast)
