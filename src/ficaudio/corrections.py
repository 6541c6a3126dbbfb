"""Apply a person's fixes from an edited script to a fresh attribution.

The user saves ``ficaudio script`` (JSONL or text), changes a SPEAKER here and there and
gives the file back (``ficaudio render --script FILE``). Each row of that file claims "this
text is said by X". A row whose claim differs from what ficaudio decides now is a
correction; it becomes a line with rule :data:`USER_RULE` and confidence 1.0.

Rows find their line by text (whitespace-normalised), not by offset, so corrections survive
edits of the story: the chapter and the position (predicted from the rows matched before
it) only break ties between repeated texts. A claim whose text is gone is reported as
stale; a narration row left as narration claims nothing worth a warning.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from .models import NARRATOR, Attribution, Character, Line, SegmentKind, Story
from .script_io import ScriptRow, normalise_text, read_script

USER_RULE = "user correction"
NARRATOR_WORDS = frozenset({"narrator", "narration"})
"""SPEAKER values, in any case, that mark a line as narration."""
SHOWN_TEXT_CHARS = 60
_FIXABLE = frozenset({SegmentKind.NARRATION, SegmentKind.DIALOGUE, SegmentKind.THOUGHT, SegmentKind.NOTE, SegmentKind.HEADING})


@dataclass(frozen=True)
class Corrections:
    """The rows of an edited script, and where they came from (for messages)."""

    source: str
    rows: tuple[ScriptRow, ...]


def load_corrections(path: Path) -> Corrections:
    """Read an edited script, JSONL or the text form (told apart by content)."""
    return Corrections(str(path), tuple(read_script(Path(path))))


def apply_corrections(story: Story, attribution: Attribution, corrections: Corrections) -> tuple[Attribution, list[str]]:
    """``attribution`` with every correction applied, and one message per stale correction."""
    lines = list(attribution.lines)
    names = speaker_names(attribution)
    stale: list[str] = []
    for row, index in match_rows(story, lines, corrections.rows):
        speaker = canonical_speaker(row.speaker, names)
        if index is None:
            if claims_something(row, speaker):
                stale.append(stale_message(corrections.source, row))
        elif lines[index].speaker != speaker:
            lines[index] = replace(lines[index], speaker=speaker, confidence=1.0, rule=USER_RULE, case="")
    return Attribution(_with_new_speakers(attribution.characters, lines), tuple(lines)), stale


# --------------------------------------------------------------------------- rules
def speaker_names(attribution: Attribution) -> dict[str, str]:
    """Lower-cased names and aliases -> canonical name, so "sakura-chan" fixes to "Sakura".

    Speakers of lines count too (a speaker need not be a discovered character).

    >>> speaker_names(Attribution((Character("Sakura", ("Sakura-chan",)),), ()))["sakura-chan"]
    'Sakura'
    """
    names = {line.speaker.lower(): line.speaker for line in attribution.lines}
    for character in attribution.characters:
        for name in (*character.aliases, character.name):  # the name itself wins over an alias
            names[name.lower()] = character.name
    return names


def canonical_speaker(written: str | None, names: dict[str, str]) -> str | None:
    """The speaker a row means: Narrator for "narration"/"narrator", a character for an alias.

    >>> canonical_speaker("NARRATION", {}), canonical_speaker("ino", {"ino": "Ino"}), canonical_speaker("Tom", {})
    ('Narrator', 'Ino', 'Tom')
    """
    if written is None:
        return None
    if written.lower() in NARRATOR_WORDS:
        return NARRATOR
    return names.get(written.lower(), written)


def claims_something(row: ScriptRow, speaker: str | None) -> bool:
    """Whether a row that no longer matches the story is worth a warning.

    Plain narration left as narration is what ficaudio would decide anyway; anything else
    (a quotation, a named speaker, an earlier correction) is a claim the user may have made.

    >>> row = ScriptRow(1, 1, 1, "Narrator", "narration", "It rained.")
    >>> claims_something(row, "Narrator"), claims_something(row, "Ino")
    (False, True)
    """
    return speaker is not None and (speaker != NARRATOR or row.rule != "narration")


def stale_message(source: str, row: ScriptRow) -> str:
    """``fix.txt:14: script line 12 (Ino) no longer matches the story: “Dammit, Ino!”``."""
    text = row.text if len(row.text) <= SHOWN_TEXT_CHARS else row.text[: SHOWN_TEXT_CHARS - 1] + "…"
    return f"{source}:{row.file_line}: script line {row.number} ({row.speaker}) no longer matches the story: {text}"


# ------------------------------------------------------------------------ matching
def match_rows(story: Story, lines: list[Line], rows: tuple[ScriptRow, ...]) -> list[tuple[ScriptRow, int | None]]:
    """Each spoken row with the index of its line in ``lines`` (None: its text is gone).

    A line is used once. Among lines with the same text, the one in the row's chapter and
    nearest the predicted offset wins; the prediction is the row's old offset shifted by
    how far the previously matched row moved, so an inserted paragraph does not mislead it.
    """
    by_text: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.segment.kind in _FIXABLE:
            by_text[normalise_text(line.segment.text)].append(index)
    used: set[int] = set()
    shift = 0  # new offset - old offset of the last matched row
    matches = []
    for row, old_offset in zip(rows, old_offsets(rows), strict=True):
        if row.speaker is None:
            continue
        free = [i for i in by_text.get(row.text, ()) if i not in used]
        index = nearest_line(free, lines, row.chapter, old_offset + shift) if free else None
        if index is not None:
            used.add(index)
            shift = lines[index].segment.start - old_offset
        matches.append((row, index))
    return matches


def old_offsets(rows: tuple[ScriptRow, ...]) -> list[int]:
    """Each row's offset in the story the script was made from; estimated for the text form.

    The text form has no offsets: the running length of the rows' texts stands in, which
    only has to be right locally (it is corrected by the shift of the last matched row).

    >>> old_offsets((ScriptRow(1, 1, 1, "A", "r", "Hi."), ScriptRow(2, 2, 1, "A", "r", "Yes.")))
    [0, 5]
    """
    offsets, running = [], 0
    for row in rows:
        offsets.append(row.start if row.start is not None else running)
        running = (row.start if row.start is not None else running) + len(row.text) + 2  # +2: the gap between paragraphs
    return offsets


def nearest_line(candidates: list[int], lines: list[Line], chapter: int, predicted_offset: int) -> int:
    """The candidate in ``chapter`` (if any is) whose segment starts nearest the prediction.

    >>> from ficaudio.models import Segment
    >>> seg = lambda ch, start: Line(Segment(ch, 0, SegmentKind.DIALOGUE, start, start + 5, '"No."'), "A")
    >>> nearest_line([0, 1, 2], [seg(1, 10), seg(2, 900), seg(2, 2000)], 2, 1800)
    2
    """
    return min(candidates, key=lambda i: (lines[i].segment.chapter != chapter, abs(lines[i].segment.start - predicted_offset)))


def _with_new_speakers(characters: tuple[Character, ...], lines: list[Line]) -> tuple[Character, ...]:
    """Characters plus any speaker a correction introduced (so casting and tables see them)."""
    known = {c.name for c in characters}
    added = dict.fromkeys(
        line.speaker for line in lines if line.rule == USER_RULE and line.speaker != NARRATOR and line.speaker not in known
    )
    return (*characters, *(Character(name, gender_reason="named in a script correction") for name in added))
