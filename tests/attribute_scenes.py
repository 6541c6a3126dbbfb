"""Scene builders shared by the attribute tests: hand-written stories and what attribute() makes of them.

Two ways to write a scene:

* :func:`story` / :func:`speakers`: one paragraph a line, ``***`` a scene break, ``"..."`` a
  quotation and ``*...*`` a thought (the quotations are found by a plain pattern here);
* :func:`paragraph_story` and the helpers after it: a list of paragraphs, the quotations found by
  the segment stage's own :func:`~ficaudio.segment.find_quotations` (curly quotes, nesting).

Nothing here reads /work/shared: every test builds its input by hand.
"""

from __future__ import annotations

import re

from ficaudio.attribute import attribute
from ficaudio.models import Block, BlockKind, Chapter, Character, Gender, Segment, SegmentKind, Story
from ficaudio.segment import find_quotations

_QUOTE = re.compile(r'"[^"\n]*"|“[^”\n]*”')
_THOUGHT = re.compile(r"\*[^*\n]+\*")

INO = Character("Ino", (), Gender.FEMALE)
KIBA = Character("Kiba", (), Gender.MALE)
SAKURA = Character("Sakura", (), Gender.FEMALE)
KAKASHI = Character("Kakashi", ("Hatake",), Gender.MALE)


# scenes that tests of more than one module start from
THREE_AT_TABLE = [
    "Nadia sat at the table. Felix stood at the sink, and Marcus leaned in the doorway.",
    '"Where were you?" Nadia asked.',
    '"Out," Felix said.',
]
LATE_COUPLE = 'Tomas and Mara had not spoken all day. Mara walked in. She was tired. Tomas looked up at her and he smiled. "Late again," Tomas said.'


# ----------------------------------------------------------------- one paragraph a line
def story(text: str) -> tuple[Story, list[Segment]]:
    """Paragraphs are lines; a line ``***`` is a scene break; "..." are quotations.

    >>> st, segs = story('Ino sat.\\n"Go," Ino said.')
    >>> [s.kind.name for s in segs]
    ['NARRATION', 'DIALOGUE', 'NARRATION']
    """
    blocks, segments, offset = [], [], 0
    for raw in text.split("\n"):
        b = len(blocks)
        kind = BlockKind.SCENE_BREAK if raw.strip() == "***" else BlockKind.PARAGRAPH
        blocks.append(Block(kind, offset, offset + len(raw)))
        if kind is BlockKind.SCENE_BREAK:
            segments.append(Segment(1, b, SegmentKind.SCENE_BREAK, offset, offset + len(raw), raw))
        else:
            segments.extend(_paragraph_segments(text, b, offset, offset + len(raw)))
        offset += len(raw) + 1
    return Story(text, "t", None, "t.txt", (Chapter(1, None, None, tuple(blocks)),)), segments


def _paragraph_segments(text: str, b: int, start: int, end: int) -> list[Segment]:
    found, cursor = [], start
    spans = sorted([(m.start() + start, m.end() + start, SegmentKind.DIALOGUE) for m in _QUOTE.finditer(text[start:end])]
                   + [(m.start() + start, m.end() + start, SegmentKind.THOUGHT) for m in _THOUGHT.finditer(text[start:end])])
    for s, e, kind in spans:
        if s > cursor:
            found.append(Segment(1, b, SegmentKind.NARRATION, cursor, s, text[cursor:s]))
        found.append(Segment(1, b, kind, s, e, text[s:e]))
        cursor = e
    if cursor < end:
        found.append(Segment(1, b, SegmentKind.NARRATION, cursor, end, text[cursor:end]))
    return found


def speakers(text: str, known=()) -> list[tuple[str, str]]:
    """(speaker, rule) of each quotation and thought of a one-paragraph-a-line scene."""
    st, segs = story(text)
    result = attribute(st, segs, known=known)
    return [(l.speaker, l.rule) for l in result.lines if l.segment.kind in (SegmentKind.DIALOGUE, SegmentKind.THOUGHT)]


def line_characters(text: str) -> dict[str, Character]:
    """The characters of a one-paragraph-a-line scene, by name."""
    st, segs = story(text)
    return {c.name: c for c in attribute(st, segs).characters}


# ----------------------------------------------------------------- a list of paragraphs
def paragraph_story(paragraphs: list[str]) -> tuple[Story, list[Segment]]:
    """Paragraphs joined by blank lines; quotations found as the segment stage finds them.

    >>> st, segs = paragraph_story(["Ino sat.", '“Go,” Ino said.'])
    >>> [s.kind.name for s in segs]
    ['NARRATION', 'DIALOGUE', 'NARRATION']
    """
    text = "\n\n".join(paragraphs)
    blocks, cursor = [], 0
    for p in paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, cursor, cursor + len(p)))
        cursor += len(p) + 2
    story = Story(text, "t", None, "t", (Chapter(1, None, None, tuple(blocks)),))
    segments = []
    for b, block in enumerate(blocks):
        at = block.start
        for s, e in [q for q in map(tuple, find_quotations(text)) if block.start <= q[0] < block.end]:
            if s > at:
                segments.append(Segment(1, b, SegmentKind.NARRATION, at, s, text[at:s]))
            segments.append(Segment(1, b, SegmentKind.DIALOGUE, s, e, text[s:e]))
            at = e
        if at < block.end:
            segments.append(Segment(1, b, SegmentKind.NARRATION, at, block.end, text[at:block.end]))
    return story, segments


def scene_attribution(paragraphs: list[str]):
    """What :func:`~ficaudio.attribute.attribute` makes of a list of paragraphs, no roster."""
    story, segments = paragraph_story(paragraphs)
    return attribute(story, segments)


def speakers_of(attribution) -> list[str]:
    """The speaker of each quotation of an attribution, in order."""
    return [l.speaker for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE]


def dialogue_lines(paragraphs: list[str]):
    """The attributed lines of the quotations of a list of paragraphs."""
    return [l for l in scene_attribution(paragraphs).lines if l.segment.kind is SegmentKind.DIALOGUE]


def dialogue_speakers(paragraphs: list[str]) -> list[str]:
    """The speaker of each quotation of a list of paragraphs."""
    return [l.speaker for l in dialogue_lines(paragraphs)]


def dialogue_rules(paragraphs: list[str]) -> list[str]:
    """The rule that named the speaker of each quotation of a list of paragraphs."""
    return [l.rule for l in dialogue_lines(paragraphs)]


def paragraph_characters(paragraphs: list[str]) -> dict[str, Character]:
    """The characters of a list of paragraphs, by name."""
    return {c.name: c for c in scene_attribution(paragraphs).characters}
