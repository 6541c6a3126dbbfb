"""Script -> RenderPlan: what each voice says, in order, with the pauses between.

Story text becomes text for speech here (:func:`ficaudio.textnorm.for_speech`: quote marks
and italic markers go, dashes and ellipses become pauses, names are respelled by the
lexicon), each line gets its voice (thoughts and set-apart messages in their own style),
and long lines are cut at sentence boundaries, so each engine call stays short and each
edit re-renders little.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from .config import Config, Pauses, SpeechStyle
from .lexicon import Lexicon
from .models import (
    NARRATOR,
    UNKNOWN_SPEAKER,
    BlockKind,
    Chapter,
    ChapterPlan,
    Line,
    Pause,
    RenderPlan,
    Script,
    Segment,
    SegmentKind,
    Story,
    Utterance,
    Voice,
)
from .textnorm import DEFAULT_READER_NAME, for_speech, has_letters_or_digits

MAX_UTTERANCE_CHARS = 400
NOTE_PREFIX = "Author's note."
MIN_RATE_WPM, MAX_RATE_WPM = 80, 450  # the range voices.yaml accepts for ``rate``


def has_speech(text: str) -> bool:
    """True when the text holds something an engine can say (a letter or a digit).

    >>> has_speech("... —"), has_speech("Oh.")
    (False, True)
    """
    return has_letters_or_digits(text)


def speakable(text: str, lexicon: Lexicon | None = None, reader: str = DEFAULT_READER_NAME) -> str:
    """Story text as it should be sent to the engine (see :mod:`ficaudio.textnorm`).

    >>> speakable('“Wait—no. /Please/,” he said…')
    'Wait, no. Please, he said...'
    """
    return for_speech(text, lexicon, reader)


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


# ------------------------------------------------------------------ voices
def styled(voice: Voice, style: SpeechStyle) -> Voice:
    """``voice`` changed by a thought/message style, kept inside the engine's ranges.

    >>> styled(Voice("en", rate_wpm=200, pitch=50, volume=0.9), SpeechStyle(0.9, 0.5, -60, "en+f2"))
    Voice(id='en+f2', rate_wpm=180, pitch=0, volume=0.45)
    """
    rate_wpm = min(MAX_RATE_WPM, max(MIN_RATE_WPM, round(voice.rate_wpm * style.rate_factor)))
    return replace(
        voice,
        id=style.voice or voice.id,
        rate_wpm=rate_wpm,
        pitch=min(99, max(0, voice.pitch + style.pitch_shift)),
        volume=min(1.0, max(0.0, round(voice.volume * style.volume_factor, 3))),
    )


def set_apart_spans(script: Script) -> tuple[tuple[int, int], ...]:
    """Spans of texts and letters the reader marked as set apart (``Story.set_apart``), if any.

    Accepts ``(start, end)`` pairs or objects with ``start``/``end``.
    """
    spans = getattr(script.story, "set_apart", ()) or ()
    return tuple((s[0], s[1]) if isinstance(s, tuple) else (s.start, s.end) for s in spans)


def in_spans(segment: Segment, spans: tuple[tuple[int, int], ...]) -> bool:
    """True when the segment starts inside one of the spans.

    >>> seg = Segment(1, 0, SegmentKind.NARRATION, 10, 20, "x" * 10)
    >>> in_spans(seg, ((0, 5), (8, 30))), in_spans(seg, ((0, 10),))
    (True, False)
    """
    return any(start <= segment.start < end for start, end in spans)


@dataclass(frozen=True)
class Reading:
    """What every line of one plan needs: the script, settings, lexicon, set-apart spans."""

    script: Script
    config: Config
    lexicon: Lexicon
    set_apart: tuple[tuple[int, int], ...]

    @property
    def pauses(self) -> Pauses:
        return self.config.pauses

    @property
    def narrator(self) -> Voice:
        return self.script.cast.narrator

    def say(self, text: str) -> str:
        return speakable(text, self.lexicon, self.config.reader)


def line_voice(reading: Reading, line: Line) -> Voice:
    """The line's speaker's voice; a thought in the thought style (by the narrator when the
    thinker is unknown); anything set apart (texts, letters) in the message style."""
    kind, speaker = line.segment.kind, line.speaker
    reader_is_narrator = speaker == NARRATOR or (kind == SegmentKind.THOUGHT and speaker == UNKNOWN_SPEAKER)
    voice = reading.narrator if reader_is_narrator else reading.script.cast.voice_for(speaker)
    if kind == SegmentKind.THOUGHT:
        voice = styled(voice, reading.config.thoughts)
    if reading.set_apart and in_spans(line.segment, reading.set_apart):
        voice = styled(voice, reading.config.messages)
    return voice


def reading_for(script: Script, config: Config) -> Reading:
    """What saying the lines of ``script`` with ``config`` needs, made once (the lexicon is
    loaded and the set-apart spans found here), for :func:`line_items` and :func:`line_voice`."""
    return Reading(script, config, config.lexicon(), set_apart_spans(script))


def line_items(reading: Reading, line: Line, number: int = -1) -> Iterator[Utterance | Pause]:
    """One line as a render says it: its text for speech (lexicon, reader name), in its voice
    (thoughts and set-apart messages styled), cut at sentences; nothing when nothing is said."""
    text = _line_text(reading, line)
    if has_speech(text):
        yield from _utterances(text, line_voice(reading, line), reading.pauses, line.speaker, number)


# ------------------------------------------------------------------ planning
def plan(script: Script, config: Config) -> RenderPlan:
    """Order every utterance and pause of the book, chapter by chapter."""
    story = script.story
    reading = reading_for(script, config)
    by_chapter: dict[int, list[tuple[int, Line]]] = {}
    for number, line in enumerate(script.lines):
        by_chapter.setdefault(line.segment.chapter, []).append((number, line))
    chapters = []
    for chapter in story.chapters:
        items = tuple(_chapter_items(reading, chapter, by_chapter.get(chapter.index, [])))
        chapters.append(ChapterPlan(chapter.index, chapter_title(story, chapter), items))
    return RenderPlan(story.title, story.author, story.summary, tuple(chapters))


def chapter_title(story: Story, chapter: Chapter) -> str:
    """Title players show for a chapter: its own title, else "Chapter N" (or the book's title)."""
    if chapter.title:
        return chapter.title
    return story.title if len(story.chapters) == 1 and not story.in_parts else f"Chapter {chapter.index}"


def _chapter_items(reading: Reading, chapter: Chapter, lines: list[tuple[int, Line]]) -> Iterator[Utterance | Pause]:
    yield from _chapter_opening(reading, chapter, lines)
    pauses = reading.pauses
    yield from spaced(_heard(reading, lines), pauses, lambda previous, line, scene_break: gap_ms(chapter, previous, line, pauses, scene_break))
    yield Pause(pauses.chapter_ms)


def _heard(reading: Reading, lines: list[tuple[int, Line]]) -> Iterator[tuple[Line, list[Utterance | Pause], bool]]:
    """Each line that says something, what it says, and whether a SCENE_BREAK segment came since the last such line."""
    scene_break = False
    for number, line in lines:
        if line.segment.kind == SegmentKind.SCENE_BREAK:
            scene_break = True
        elif said := list(line_items(reading, line, number)):
            yield line, said, scene_break
            scene_break = False


def spaced(said: Iterable[tuple[Line, list[Utterance | Pause], bool]], pauses: Pauses,
           gap: Callable[[Line, Line, bool], int]) -> Iterator[Utterance | Pause]:
    """What each line says, with ``gap(previous, line, scene_break)`` of silence between two lines
    and a heading's pause after a heading (which no gap follows): one place for a render's and a
    preview's spacing."""
    previous: Line | None = None
    for line, items, scene_break in said:
        if previous is not None:
            yield Pause(gap(previous, line, scene_break))
        yield from items
        heading = line.segment.kind is SegmentKind.HEADING
        if heading:
            yield Pause(pauses.heading_ms)
        previous = None if heading else line


def _chapter_opening(reading: Reading, chapter: Chapter, lines: list[tuple[int, Line]]) -> Iterator[Utterance | Pause]:
    """The book's title and author before chapter 1 (unless the title is only the file's name);
    a spoken "Chapter N" where the text has no heading of its own (and does not go on with the
    chapter before)."""
    story, narrator = reading.script.story, reading.narrator
    if chapter.index == 1 and not story.title_from_file:
        byline = f", by {story.author}" if story.author else ""
        yield Utterance(reading.say(f"{story.title}{byline}."), narrator, NARRATOR)
        yield Pause(reading.pauses.heading_ms)
    has_heading = any(line.segment.kind == SegmentKind.HEADING for _, line in lines)
    if not has_heading and not chapter.continued and (len(story.chapters) > 1 or story.in_parts):
        yield Utterance(reading.say(_spoken_heading(chapter)), narrator, NARRATOR)
        yield Pause(reading.pauses.heading_ms)


def gap_ms(chapter: Chapter, previous: Line, line: Line, pauses: Pauses, scene_break: bool = False) -> int:
    """Silence between two spoken lines: a scene break (a SCENE_BREAK segment, or a break
    block between their paragraphs, including the zero-width block a blank-line run leaves),
    else a segment gap inside one paragraph, else a paragraph gap.

    >>> from ficaudio.models import Block
    >>> P, S = BlockKind.PARAGRAPH, BlockKind.SCENE_BREAK
    >>> ch = Chapter(1, None, None, (Block(P, 0, 5), Block(S, 5, 5), Block(P, 7, 9)))
    >>> a, b = (Line(Segment(1, p, SegmentKind.NARRATION, 0, 1, "x"), NARRATOR) for p in (0, 2))
    >>> gap_ms(ch, a, b, Pauses()), gap_ms(ch, a, a, Pauses())
    (1400, 150)
    """
    first, second = previous.segment.paragraph, line.segment.paragraph
    between = chapter.blocks[max(first + 1, 0) : max(second, 0)]
    if scene_break or any(block.kind is BlockKind.SCENE_BREAK for block in between):
        return pauses.scene_break_ms
    return pauses.segment_ms if first == second else pauses.paragraph_ms


def _spoken_heading(chapter: Chapter) -> str:
    title = chapter.title
    return f"Chapter {chapter.index}. {title}." if title else f"Chapter {chapter.index}."


def _line_text(reading: Reading, line: Line) -> str:
    text = reading.say(line.segment.text)
    if line.segment.kind == SegmentKind.HEADING and text and text[-1].isalnum():
        text += "."
    if line.segment.kind == SegmentKind.NOTE:
        text = f"{NOTE_PREFIX} {text}"
    return text


def _utterances(text: str, voice: Voice, pauses: Pauses, speaker: str, number: int) -> Iterator[Utterance | Pause]:
    for index, piece in enumerate(chunks(text)):
        if index:
            yield Pause(pauses.sentence_ms)
        yield Utterance(piece, voice, speaker, number)


def utterances(plan_: RenderPlan) -> list[Utterance]:
    """Every utterance of the plan, in order (duplicates kept)."""
    return [item for ch in plan_.chapters for item in ch.items if isinstance(item, Utterance)]
