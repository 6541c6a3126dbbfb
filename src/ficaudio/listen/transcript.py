"""Cues -> WebVTT and SRT text: one cue per spoken segment, the speaker as a voice tag.

Times come from book.json, which the render stage computes from sample counts; here they
are only formatted, never re-measured. Pure functions: text in, text out. A whole book's
transcript is written block by block (:func:`vtt_header`, :func:`vtt_block`,
:func:`srt_block`), never held whole; :func:`to_vtt` and :func:`to_srt` join the same blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ficaudio.models import NARRATOR, Cue

_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def vtt_timestamp(ms: int) -> str:
    """WebVTT time, always with hours so every reader accepts it.

    >>> vtt_timestamp(3_723_004)
    '01:02:03.004'
    """
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def srt_timestamp(ms: int) -> str:
    """SRT time: like WebVTT's with a comma before the milliseconds.

    >>> srt_timestamp(61_500)
    '00:01:01,500'
    """
    return vtt_timestamp(ms).replace(".", ",")


def tidy_cue_text(text: str) -> str:
    """One paragraph per cue: no blank lines (they end a cue), runs of spaces collapsed.

    >>> tidy_cue_text("  Hello,\\n\\n  world  ")
    'Hello, world'
    """
    lines = (_SPACES.sub(" ", line).strip() for line in _BLANK_LINES.sub("\n", text).split("\n"))
    return " ".join(line for line in lines if line)


def escape_vtt(text: str) -> str:
    """Escape the three characters WebVTT cue text reserves (``-->`` then cannot appear).

    >>> escape_vtt("a<b & c-->d")
    'a&lt;b &amp; c--&gt;d'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt_voice(speaker: str) -> str:
    """A ``<v>`` start tag; the annotation is escaped like cue text, newlines removed.

    >>> vtt_voice("Mr. <Smith>")
    '<v Mr. &lt;Smith&gt;>'
    """
    return f"<v {escape_vtt(tidy_cue_text(speaker))}>"


def vtt_header(title: str | None) -> str:
    """A WebVTT file's first line; blocks follow, each after a blank line.

    >>> vtt_header("A --> B")
    'WEBVTT - A -> B'
    """
    return "WEBVTT" + (f" - {tidy_cue_text(title).replace('-->', '->')}" if title else "")


def vtt_block(number: int, cue: Cue) -> str:
    """One WebVTT cue block (no blank line around it).

    >>> vtt_block(3, Cue(0, 1500, "Sakura", "Hi"))
    '3\\n00:00:00.000 --> 00:00:01.500\\n<v Sakura>Hi</v>'
    """
    return (f"{number}\n{vtt_timestamp(cue.start_ms)} --> {vtt_timestamp(cue.end_ms)}\n"
            f"{vtt_voice(cue.speaker)}{escape_vtt(tidy_cue_text(cue.text))}</v>")  # fmt: skip


def to_vtt(cues: Iterable[Cue], *, title: str | None = None) -> str:
    """A WebVTT file: ``<v Speaker>`` on every cue, the narrator's included.

    >>> print(to_vtt([Cue(0, 1500, "Sakura", "Hi & bye")]), end="")
    WEBVTT
    <BLANKLINE>
    1
    00:00:00.000 --> 00:00:01.500
    <v Sakura>Hi &amp; bye</v>
    """
    blocks = (vtt_block(number, cue) for number, cue in enumerate(spoken(cues), start=1))
    return "\n\n".join([vtt_header(title), *blocks]) + "\n"


def escape_srt(text: str) -> str:
    """SRT has no escapes: players (ffmpeg, mpv, VLC) read ``<...>`` as markup and drop
    unknown tags, and show ``&lt;`` literally. So angle brackets become the look-alike
    single guillemets; ``&`` needs nothing.

    >>> escape_srt("a <Smith> & b")
    'a ‹Smith› & b'
    """
    return text.replace("<", "\u2039").replace(">", "\u203a")


def srt_text(cue: Cue) -> str:
    """SRT has no voice tags: characters' lines start with ``Name:``, narration has none.

    >>> srt_text(Cue(0, 1, "Sakura", "a & b"))
    'Sakura: a & b'
    >>> srt_text(Cue(0, 1, "Narrator", "The end."))
    'The end.'
    """
    text = escape_srt(tidy_cue_text(cue.text))
    return text if cue.speaker == NARRATOR else f"{escape_srt(tidy_cue_text(cue.speaker))}: {text}"


def srt_block(number: int, cue: Cue) -> str:
    """One SubRip block (no blank line around it).

    >>> srt_block(2, Cue(1000, 2000, "Narrator", "Rain."))
    '2\\n00:00:01,000 --> 00:00:02,000\\nRain.'
    """
    return f"{number}\n{srt_timestamp(cue.start_ms)} --> {srt_timestamp(cue.end_ms)}\n{srt_text(cue)}"


def to_srt(cues: Iterable[Cue]) -> str:
    """A SubRip file, cues numbered from 1.

    >>> print(to_srt([Cue(1000, 2000, "Narrator", "Rain.")]), end="")
    1
    00:00:01,000 --> 00:00:02,000
    Rain.
    """
    blocks = [srt_block(number, cue) for number, cue in enumerate(spoken(cues), start=1)]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def spoken(cues: Iterable[Cue]) -> Iterable[Cue]:
    """Cues with something to read; an empty cue would be an empty block, which ends a file."""
    return (cue for cue in cues if tidy_cue_text(cue.text))
