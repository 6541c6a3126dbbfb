"""Script -> RenderPlan: what each voice says, in order, with the pauses between.

This is where story text becomes text for speech (quote marks and italic markers go,
dashes and ellipses become pauses the engine understands) and where long lines are cut
at sentence boundaries, so each engine call stays short and each edit re-renders little.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .config import Pauses
from .models import (
    NARRATOR,
    ChapterPlan,
    Line,
    Pause,
    RenderPlan,
    Script,
    SegmentKind,
    Utterance,
    Voice,
)

MAX_UTTERANCE_CHARS = 400
NOTE_PREFIX = "Author's note."

_QUOTES = "\"'“”‘’«»„‟‹›"
_SPEAKABLE = re.compile(r"[^\W_]")  # a letter or digit somewhere
_WHITESPACE = re.compile(r"\s+")
_DASH_BETWEEN_WORDS = re.compile(r"\s*[—–]+\s*|(?<=\w)--+(?=\w)|\s+--+\s+")
_DASH_AT_END = re.compile(r"\s*(?:[—–]+|--+)\s*$")
_MARKERS = re.compile(r"(?<!\w)[*_/]+(?=\S)|(?<=\S)[*_/]+(?!\w)")


def has_speech(text: str) -> bool:
    """True when the text holds something an engine can say (a letter or a digit)."""
    return bool(_SPEAKABLE.search(text))


def speakable(text: str) -> str:
    """Story text as it should be sent to the engine.

    >>> speakable('“Wait—no. /Please/,” he said…')
    'Wait, no. Please, he said...'
    """
    text = _WHITESPACE.sub(" ", text).strip()
    text = text.replace("…", "...")
    text = _MARKERS.sub("", text)
    text = "".join(ch for ch in text if ch not in _QUOTES or _is_apostrophe(text, ch))
    text = _DASH_AT_END.sub("...", text)
    text = _DASH_BETWEEN_WORDS.sub(", ", text)
    return _WHITESPACE.sub(" ", text).strip(" ,")


def _is_apostrophe(text: str, ch: str) -> bool:
    # Stripping quotes char by char loses "don't"; keep ’ and ' when a letter sits on both sides.
    return ch in "'’" and re.search(rf"\w{re.escape(ch)}\w", text) is not None


@lru_cache(maxsize=1)
def _sentence_tokenizer():
    import punkt

    return punkt.PunktSentenceTokenizer(punkt.load_model("english"))


def chunks(text: str, limit: int = MAX_UTTERANCE_CHARS) -> list[str]:
    """Cut ``text`` at sentence ends into pieces of at most ``limit`` characters where possible."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for sentence in _sentence_tokenizer().tokenize(text):
        if pieces and len(pieces[-1]) + 1 + len(sentence) <= limit:
            pieces[-1] = f"{pieces[-1]} {sentence}"
        else:
            pieces.extend(_hard_split(sentence, limit))
    return pieces


def _hard_split(sentence: str, limit: int) -> list[str]:
    """A sentence longer than ``limit`` is cut at the last space (or comma) before the limit."""
    out = []
    while len(sentence) > limit:
        cut = max(sentence.rfind(", ", 0, limit) + 1, sentence.rfind(" ", 0, limit))
        cut = cut if cut > 0 else limit
        out.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [*out, sentence] if sentence else out


def plan(script: Script, pauses: Pauses) -> RenderPlan:
    """Order every utterance and pause of the book, chapter by chapter."""
    story = script.story
    by_chapter: dict[int, list[Line]] = {}
    for line in script.lines:
        by_chapter.setdefault(line.segment.chapter, []).append(line)
    chapters = []
    for chapter in story.chapters:
        lines = by_chapter.get(chapter.index, [])
        title = chapter_title(script, chapter.index)
        items = list(_chapter_items(script, chapter.index, lines, pauses))
        chapters.append(ChapterPlan(chapter.index, title, tuple(items)))
    return RenderPlan(story.title, story.author, story.summary, tuple(chapters))


def chapter_title(script: Script, index: int) -> str:
    """Title players show for a chapter: its own title, else "Chapter N" (or the book's title)."""
    story = script.story
    chapter = story.chapters[index - 1]
    if chapter.title:
        return chapter.title
    return story.title if len(story.chapters) == 1 else f"Chapter {index}"


def _chapter_items(script: Script, index: int, lines: list[Line], pauses: Pauses) -> Iterator[Utterance | Pause]:
    narrator = script.cast.narrator
    if index == 1:
        byline = f", by {script.story.author}" if script.story.author else ""
        yield Utterance(speakable(f"{script.story.title}{byline}."), narrator)
        yield Pause(pauses.heading_ms)
    has_heading = any(line.segment.kind == SegmentKind.HEADING for line in lines)
    if not has_heading and len(script.story.chapters) > 1:
        yield Utterance(speakable(_spoken_heading(script, index)), narrator)
        yield Pause(pauses.heading_ms)
    previous: Line | None = None
    for line in lines:
        if line.segment.kind == SegmentKind.SCENE_BREAK:
            yield Pause(pauses.scene_break_ms)
            previous = None
            continue
        text = _line_text(line)
        if not has_speech(text):
            continue
        if previous is not None:
            same_paragraph = previous.segment.paragraph == line.segment.paragraph
            yield Pause(pauses.segment_ms if same_paragraph else pauses.paragraph_ms)
        voice = narrator if line.speaker == NARRATOR else script.cast.voice_for(line.speaker)
        yield from _utterances(text, voice, pauses)
        if line.segment.kind == SegmentKind.HEADING:
            yield Pause(pauses.heading_ms)
            previous = None
        else:
            previous = line
    yield Pause(pauses.chapter_ms)


def _spoken_heading(script: Script, index: int) -> str:
    title = script.story.chapters[index - 1].title
    return f"Chapter {index}. {title}." if title else f"Chapter {index}."


def _line_text(line: Line) -> str:
    text = speakable(line.segment.text)
    if line.segment.kind == SegmentKind.HEADING and text and text[-1].isalnum():
        text += "."
    if line.segment.kind == SegmentKind.NOTE:
        text = f"{NOTE_PREFIX} {text}"
    return text


def _utterances(text: str, voice: Voice, pauses: Pauses) -> Iterator[Utterance | Pause]:
    for number, piece in enumerate(chunks(text)):
        if number:
            yield Pause(pauses.sentence_ms)
        yield Utterance(piece, voice)


def utterances(plan_: RenderPlan) -> list[Utterance]:
    """Every utterance of the plan, in order (duplicates kept)."""
    return [item for ch in plan_.chapters for item in ch.items if isinstance(item, Utterance)]
