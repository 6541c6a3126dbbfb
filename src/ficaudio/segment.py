"""The segment stage: Story -> Segments (heading, narration, dialogue, thought, note, break).

Lossless: inside each paragraph block the segments tile the block exactly, so every
character of the story text is accounted for and ``story.text[s.start:s.end] == s.text``.
Quotations are found by :mod:`ficaudio.segmentation.quotes` (pure string code, also used
by attribution and ``bench/quotes.py``); marked thoughts by
:mod:`ficaudio.segmentation.thoughts`. A quotation never leaves its paragraph unless
``join_continued`` is asked of the quote finder, which this stage does not do (see the
quotes module for why).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ficaudio.models import Aside, AsideKind, Block, BlockKind, Chapter, Segment, SegmentKind, Story
from ficaudio.segmentation.quotes import Span, Style, dash_dialogue, find_quotations, quotations_in_paragraphs, quote_style
from ficaudio.segmentation.thoughts import emphasis_thoughts, find_thoughts, merge_thoughts

__all__ = ["find_quotations", "segment"]

def segment(story: Story, *, notes: bool = False) -> tuple[Segment, ...]:
    """All segments of ``story`` in reading order (sorted by start, never overlapping).

    ``notes=True`` adds one NOTE segment per non-chrome aside.
    """
    paragraphs = [(b.start, b.end) for c in story.chapters for b in paragraph_blocks(c)]
    style, dashes = quote_style(story.text, paragraphs), dash_dialogue(story.text, paragraphs)
    segments = [s for chapter in story.chapters for s in chapter_segments(story, chapter, style, dashes)]
    if notes:
        segments.extend(note_segments(story))
    return tuple(sorted(segments, key=lambda s: s.start))


def paragraph_blocks(chapter: Chapter) -> list[Block]:
    return [b for b in chapter.blocks if b.kind is BlockKind.PARAGRAPH]


def make_segment(story: Story, chapter: int, paragraph: int, kind: SegmentKind, start: int, end: int) -> Segment:
    return Segment(chapter, paragraph, kind, start, end, story.text[start:end])


def chapter_segments(story: Story, chapter: Chapter, style: Style, dashes: bool) -> Iterator[Segment]:
    """The chapter's heading, then its blocks cut into segments (``dashes``: the story writes
    dialogue with dashes, see :func:`~ficaudio.segmentation.quotes.dash_dialogue`)."""
    if chapter.heading is not None and chapter.heading[1] > chapter.heading[0]:
        yield make_segment(story, chapter.index, -1, SegmentKind.HEADING, *chapter.heading)
    for run in block_runs(chapter.blocks):
        if chapter.blocks[run[0]].kind is BlockKind.SCENE_BREAK:
            yield from scene_break_segments(story, chapter, run)
        else:
            yield from paragraph_run_segments(story, chapter, run, style, dashes)


def block_runs(blocks: Sequence[Block]) -> list[list[int]]:
    """Indices of blocks grouped into runs of the same kind (a quotation never crosses a break).

    >>> P, S = BlockKind.PARAGRAPH, BlockKind.SCENE_BREAK
    >>> block_runs([Block(P, 0, 1), Block(P, 2, 3), Block(S, 4, 5), Block(P, 6, 7)])
    [[0, 1], [2], [3]]
    """
    runs: list[list[int]] = []
    for index, block in enumerate(blocks):
        if runs and blocks[runs[-1][-1]].kind is block.kind:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def scene_break_segments(story: Story, chapter: Chapter, run: Sequence[int]) -> Iterator[Segment]:
    for index in run:
        block = chapter.blocks[index]
        if block.end > block.start:
            yield make_segment(story, chapter.index, index, SegmentKind.SCENE_BREAK, block.start, block.end)


def paragraph_run_segments(
    story: Story, chapter: Chapter, run: Sequence[int], style: Style, dashes: bool
) -> Iterator[Segment]:
    """Segments of consecutive paragraph blocks: dialogue for each quotation, the rest narration."""
    spans = [(chapter.blocks[i].start, chapter.blocks[i].end) for i in run]
    quotations = iter(quotations_in_paragraphs(story.text, spans, style=style, dashes=dashes))
    pending = next(quotations, None)
    for index in run:
        block, inside = chapter.blocks[index], []
        while pending is not None and pending[0] < block.end:  # quotations come in text order
            inside.append(pending)
            pending = next(quotations, None)
        yield from tile_block(story, chapter.index, index, block, inside)


def tile_block(story: Story, chapter: int, index: int, block: Block, quotations: Sequence[Span]) -> Iterator[Segment]:
    """Cut one block into dialogue (the quotations) and narration/thought (the gaps between).

    Italic thoughts (HTML/EPUB :attr:`Story.emphasis`) are found once per block, so a
    thought that holds no quotation is judged against the whole paragraph.
    """
    italic = emphasis_thoughts(story.text, story.emphasis, block.start, block.end, quotations) if story.emphasis else []
    cursor = block.start
    for start, end in quotations:
        yield from narration_segments(story, chapter, index, cursor, start, italic)
        yield make_segment(story, chapter, index, SegmentKind.DIALOGUE, start, end)
        cursor = end
    yield from narration_segments(story, chapter, index, cursor, block.end, italic)


def narration_segments(
    story: Story, chapter: int, index: int, start: int, end: int, italic: Sequence[Span] = ()
) -> Iterator[Segment]:
    """Narration between ``start`` and ``end``, with marked and italic thoughts cut out as THOUGHT."""
    cursor = start
    inside = [(s, e) for s, e in italic if start <= s and e <= end]
    for thought_start, thought_end in merge_thoughts(find_thoughts(story.text, start, end), inside):
        if thought_start > cursor:
            yield make_segment(story, chapter, index, SegmentKind.NARRATION, cursor, thought_start)
        yield make_segment(story, chapter, index, SegmentKind.THOUGHT, thought_start, thought_end)
        cursor = thought_end
    if end > cursor:
        yield make_segment(story, chapter, index, SegmentKind.NARRATION, cursor, end)


def note_segments(story: Story) -> Iterator[Segment]:
    """One NOTE per aside that is not site chrome, numbered with the chapter it is read in."""
    for aside in story.asides:
        if aside.kind is not AsideKind.CHROME and aside.end > aside.start:
            yield make_segment(story, note_chapter(story, aside), -1, SegmentKind.NOTE, aside.start, aside.end)


def note_chapter(story: Story, aside: Aside) -> int:
    """The chapter a note is read with: its own, else (work notes) the first, or the last
    when the note comes after the last chapter's text (work end notes).

    >>> story = Story("ab", "t", None, "p", (Chapter(1, None, None, ()), Chapter(2, None, None, (Block(BlockKind.PARAGRAPH, 0, 1),))))
    >>> note_chapter(story, Aside(AsideKind.END_NOTES, 1, 2)), note_chapter(story, Aside(AsideKind.NOTES, 0, 0))
    (2, 1)
    """
    if aside.chapter is not None:
        return aside.chapter
    if not story.chapters:
        return 1
    last = story.chapters[-1]
    last_end = max((b.end for b in last.blocks), default=last.heading[1] if last.heading else 0)
    return last.index if aside.start >= last_end and last.blocks else story.chapters[0].index
