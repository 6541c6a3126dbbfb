"""Story text by kind, for the reader tests (HTML, EPUB): what a Story's offsets pick out."""

from __future__ import annotations

from ficaudio.models import AsideKind, BlockKind, Story


def blocks(story: Story, kind: BlockKind = BlockKind.PARAGRAPH) -> list[str]:
    return [story.text[b.start : b.end] for c in story.chapters for b in c.blocks if b.kind is kind]


def asides(story: Story, kind: AsideKind, chapter: int | None = None) -> list[str]:
    return [story.text[a.start : a.end] for a in story.asides if a.kind is kind and a.chapter == chapter]


def spans(story: Story, field: str) -> list[str]:
    return [story.text[s:e] for s, e in getattr(story, field)]
