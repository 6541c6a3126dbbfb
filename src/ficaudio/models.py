"""Frozen data that flows between ficaudio's stages.

Every stage is a function from one of these to the next; none of them is mutated.
Offsets (``start``/``end``) always index :attr:`Story.text`, the story's text exactly as
ficaudio read it, so ``story.text[seg.start:seg.end] == seg.text`` for every segment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

NARRATOR = "Narrator"
"""Speaker name of every line that is not a character's (narration, headings, notes)."""

UNKNOWN_SPEAKER = "Unknown"
"""Speaker of a quotation no rule could attribute; cast to a neutral voice."""


# --------------------------------------------------------------------------- parse
class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    SCENE_BREAK = "scene_break"


@dataclass(frozen=True)
class Block:
    """One paragraph of story text, or a scene break (a blank-line run, ``***``...)."""

    kind: BlockKind
    start: int
    end: int


class AsideKind(StrEnum):
    """Text of the file that is not story text. Only notes-like kinds are ever read."""

    CHROME = "chrome"  # site furniture: "Actions", "Work Header", "Chapter Text"... never read
    SUMMARY = "summary"  # work or chapter summary (read with --notes)
    NOTES = "notes"  # author's notes before a chapter (read with --notes)
    END_NOTES = "end_notes"  # notes after a chapter or the work (read with --notes)
    HEADER = "header"  # FFN-style "Rating:", "Pairings:"... (read with --notes)


@dataclass(frozen=True)
class Aside:
    """A span of the file kept out of the story text; listed in the script as unspoken."""

    kind: AsideKind
    start: int
    end: int
    chapter: int | None = None  # None: belongs to the whole work


@dataclass(frozen=True)
class Chapter:
    index: int  # 1-based, reading order
    title: str | None  # "the mission"; None when the source gives none
    heading: tuple[int, int] | None  # span of the heading line in Story.text, if any
    blocks: tuple[Block, ...]
    continued: bool = False  # goes on with the chapter before (a big file read in parts was cut inside it)


@dataclass(frozen=True)
class Story:
    text: str  # the whole source as read; every offset indexes this
    title: str
    author: str | None
    source_path: str
    chapters: tuple[Chapter, ...]
    asides: tuple[Aside, ...] = ()
    fandom: str | None = None
    summary: str | None = None
    encoding: str = "utf-8"
    format: str = "text"  # which reader produced it: "text", "ao3-text", "ffn-text", ...
    # Italic spans of story text (<em>, <i>, italic styles in HTML/EPUB); the segmenter makes
    # THOUGHT segments of those outside quotations that read like a clause.
    emphasis: tuple[tuple[int, int], ...] = ()
    # Paragraphs the source sets apart (blockquote, centred, monospace: texts, letters, signs).
    set_apart: tuple[tuple[int, int], ...] = ()
    cover: bytes | None = field(default=None, repr=False)  # cover image (JPEG/PNG) for the tags
    title_from_file: bool = False  # the text gives no title: ``title`` was made from the file name
    in_parts: bool = False  # one part of a big file: its chapters are some of the book's, numbered on

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


# ------------------------------------------------------------------------- segment
class SegmentKind(StrEnum):
    HEADING = "heading"  # a chapter title, read by the narrator
    NARRATION = "narration"
    DIALOGUE = "dialogue"  # one quotation, quote marks included
    THOUGHT = "thought"  # italic / marked inner speech
    NOTE = "note"  # an aside read because of --notes
    SCENE_BREAK = "scene_break"  # never spoken: a pause


SPOKEN_KINDS = frozenset(
    {SegmentKind.HEADING, SegmentKind.NARRATION, SegmentKind.DIALOGUE, SegmentKind.THOUGHT, SegmentKind.NOTE}
)


@dataclass(frozen=True)
class Segment:
    chapter: int  # Chapter.index
    paragraph: int  # index into Chapter.blocks of the block the segment starts in
    kind: SegmentKind
    start: int
    end: int
    text: str  # == Story.text[start:end]


# ----------------------------------------------------------------------- attribute
class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Character:
    name: str  # canonical name, e.g. "Kakashi"
    aliases: tuple[str, ...] = ()  # other forms seen or configured: "Kakashi-sensei", "Hatake"
    gender: Gender = Gender.UNKNOWN
    gender_reason: str = ""  # why: "she x12 near mentions", "configured", "title Mrs."
    mentions: int = 0


@dataclass(frozen=True)
class Line:
    """A segment with the speaker that says it, how sure we are and which rule decided."""

    segment: Segment
    speaker: str  # NARRATOR for narration and headings
    confidence: float = 1.0  # 0..1
    rule: str = "narration"  # name of the rule (a function in ficaudio.attribute) that decided
    case: str = ""  # the case of the rule whose measured precision is the confidence (``three_way``)


@dataclass(frozen=True)
class Attribution:
    characters: tuple[Character, ...]
    lines: tuple[Line, ...]


# ---------------------------------------------------------------------------- cast
@dataclass(frozen=True)
class Voice:
    """How one speaker sounds: an engine voice id plus prosody."""

    id: str  # engine voice id, e.g. "en-us+m7"
    rate_wpm: int = 175  # words per minute
    pitch: int = 50  # 0..99 (espeak scale)
    volume: float = 1.0  # 0..1


@dataclass(frozen=True)
class VoiceReason:
    """Why a speaker has its voice: configured in voices.yaml (no gender), or place ``slot``
    (1-based) of a gender's pool, reused at ``pitch`` when the pool had run dry.

    >>> str(VoiceReason()), str(VoiceReason(Gender.FEMALE, 2)), str(VoiceReason(Gender.MALE, 1, pitch=62))
    ('configured in voices.yaml', 'pool female #2', 'pool male #1 (reused at pitch 62)')
    >>> VoiceReason(Gender.FEMALE)
    Traceback (most recent call last):
    ValueError: a pool voice's reason needs its slot
    """

    gender: Gender | None = None
    slot: int | None = None
    pitch: int | None = None  # the shifted pitch of a reused pool voice

    def __post_init__(self) -> None:
        if (self.gender is None) != (self.slot is None):
            raise ValueError("a pool voice's reason needs its slot" if self.slot is None else "a configured voice has no pool slot")

    @property
    def reused(self) -> bool:
        return self.pitch is not None

    def __str__(self) -> str:
        if self.gender is None:
            return "configured in voices.yaml"
        return f"pool {self.gender.value} #{self.slot}" + (f" (reused at pitch {self.pitch})" if self.reused else "")


@dataclass(frozen=True)
class Cast:
    """Voice per speaker. Built by :func:`ficaudio.cast.cast`, deterministic."""

    narrator: Voice
    voices: tuple[tuple[str, Voice], ...] = ()  # (speaker, voice), in first-appearance order
    reasons: tuple[tuple[str, VoiceReason], ...] = ()  # (speaker, why that voice)

    def voice_for(self, speaker: str) -> Voice:
        return dict(self.voices).get(speaker, self.narrator)


@dataclass(frozen=True)
class Script:
    """Everything needed to render a story, and what ``ficaudio script`` prints."""

    story: Story
    attribution: Attribution
    cast: Cast

    @property
    def lines(self) -> tuple[Line, ...]:
        return self.attribution.lines


# ---------------------------------------------------------------------------- render
@dataclass(frozen=True)
class Utterance:
    """One engine call: text exactly as spoken and the voice that speaks it.

    Equality and hashing use only ``text`` and ``voice`` (what the engine hears), so the
    same sentence said twice by the same voice is synthesised once.
    """

    text: str
    voice: Voice
    speaker: str = field(default="", compare=False)  # who says it, for transcripts
    line: int = field(default=-1, compare=False)  # index into Script.lines it comes from


@dataclass(frozen=True)
class Pause:
    duration_ms: int


@dataclass(frozen=True)
class ChapterPlan:
    index: int
    title: str  # as shown in players ("Chapter 1: the mission")
    items: tuple[Utterance | Pause, ...]


@dataclass(frozen=True)
class RenderPlan:
    title: str
    author: str | None
    summary: str | None
    chapters: tuple[ChapterPlan, ...]
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Cue:
    """One spoken segment's place in a chapter file (for transcripts and players)."""

    start_ms: int  # from the start of the chapter file
    end_ms: int
    speaker: str
    text: str  # the segment's story text, tidied for reading


@dataclass(frozen=True)
class ChapterAudio:
    """A rendered chapter file, its exact length, and where each line is in it."""

    index: int
    title: str
    path: str
    sample_count: int
    sample_rate_hz: int
    cues: tuple[Cue, ...] = ()

    @property
    def duration_ms(self) -> int:
        return round(self.sample_count * 1000 / self.sample_rate_hz)
