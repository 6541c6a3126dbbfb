"""The attributed script as a person or a program reads it: JSONL, an editable text form, and
readers for both (an edited script given back to ``ficaudio render --script``).

JSONL: one object per segment, in reading order, with offsets into the story text
(``source[start:end] == text``). What the story file holds but ficaudio does not speak
(site chrome, notes without ``--notes``) is listed too, with ``"spoken": false``, so that
nothing is dropped silently.

Text: one row per segment, columns separated by two or more spaces::

    12  ch1  Sakura  explicit_tag 0.97  “Dammit, Ino!”

A person fixes a line by editing one word, the SPEAKER column (a name, or ``Narrator``);
the TEXT column is whitespace-normalised but never shortened, because it is how a
correction finds its line again after the story changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .models import NARRATOR, Line, Script, SegmentKind, Story
from .speech import has_speech

SPOKEN = {SegmentKind.HEADING, SegmentKind.NARRATION, SegmentKind.DIALOGUE, SegmentKind.THOUGHT, SegmentKind.NOTE}
UNSPOKEN_MARK = "-"
"""SPEAKER column of a row that is not spoken (site chrome, scene breaks, unread notes)."""
TEXT_COLUMNS = ("LINE", "CHAPTER", "SPEAKER", "RULE", "TEXT")
_COLUMN_GAP = re.compile(r"\t+|  +")  # two or more spaces, or tabs: single spaces live inside names and rules


# ------------------------------------------------------------------------------ writers
def records(script: Script) -> list[dict]:
    """Segments and unspoken asides merged in file order."""
    return [row for row, _ in _numbered_records(script)]


def numbered_lines(script: Script) -> dict[int, int]:
    """Row number as ``to_text`` shows it (1-based) -> index into ``script.lines``; asides have none."""
    return {number: index for number, (_, index) in enumerate(_numbered_records(script), 1) if index is not None}


def _numbered_records(script: Script) -> list[tuple[dict, int | None]]:
    rows: list[tuple[dict, int | None]] = [(_line_record(script, line), i) for i, line in enumerate(script.lines)]
    spans = {(r["start"], r["end"]) for r, _ in rows}
    rows.extend((aside, None) for aside in _aside_records(script.story, spans))
    return sorted(rows, key=lambda pair: (pair[0]["start"], pair[0]["end"]))


def _line_record(script: Script, line: Line) -> dict:
    seg = line.segment
    spoken = seg.kind in SPOKEN and has_speech(seg.text)
    voice = script.cast.narrator if line.speaker == NARRATOR else script.cast.voice_for(line.speaker)
    return {
        "chapter": seg.chapter,
        "kind": seg.kind.value,
        "start": seg.start,
        "end": seg.end,
        "text": seg.text,
        "speaker": line.speaker if spoken else None,
        "voice": voice.id if spoken else None,
        "confidence": round(line.confidence, 3),
        "rule": line.rule,
        "spoken": spoken,
    }


def _aside_records(story: Story, already: set[tuple[int, int]]) -> Iterator[dict]:
    for aside in story.asides:
        if (aside.start, aside.end) in already:
            continue  # read aloud as a NOTE segment (--notes)
        yield {
            "chapter": aside.chapter or 0,
            "kind": aside.kind.value,
            "start": aside.start,
            "end": aside.end,
            "text": story.text[aside.start : aside.end],
            "speaker": None,
            "voice": None,
            "confidence": 1.0,
            "rule": "not spoken",
            "spoken": False,
        }


def to_jsonl(script: Script, *, offset: int = 0, rows: list[dict] | None = None) -> str:
    """One JSON object per row. ``offset``: where the script's story text starts in the
    whole file's (a later part of a big file), added to every ``start``/``end``; ``rows``:
    its :func:`records`, when the caller has them already."""
    rows = records(script) if rows is None else rows
    if offset:
        rows = [{**r, "start": r["start"] + offset, "end": r["end"] + offset} for r in rows]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def normalise_text(text: str) -> str:
    """Whitespace runs become one space: the form rows are written and matched in.

    >>> normalise_text(' “Wait,\\n  Ino!” ')
    '“Wait, Ino!”'
    """
    return " ".join(text.split())


def text_header(script: Script) -> list[str]:
    """The comment lines that tell a person how to edit the text form."""
    return [
        f"# ficaudio script: {script.story.title} ({Path(script.story.source_path).name})",
        f"# Columns are separated by two or more spaces (or a tab): {'  '.join(TEXT_COLUMNS)}",
        "# To fix a line, change its SPEAKER: another name, or Narrator to read a quotation as narration.",
        "# Then give this file back: ficaudio render STORY --script FILE (or ficaudio preview STORY --script FILE).",
        "# Leave TEXT as it is: corrections find their line by it, even after the story changes.",
        f"# SPEAKER '{UNSPOKEN_MARK}' marks text that is not spoken. Lines starting with # are ignored.",
    ]


def _rule_column(record: dict) -> str:
    if not record["spoken"]:
        return f"{record['kind']}, not spoken"
    if record["kind"] in ("dialogue", "thought"):
        return f"{record['rule']} {record['confidence']:.2f}"
    return record["rule"]


def to_text(script: Script, *, first_number: int = 1, header: bool = True, rows: list[dict] | None = None) -> str:
    """One row per segment: ``LINE  CHAPTER  SPEAKER  RULE  TEXT`` in aligned columns.

    A later part of a big file: rows numbered from ``first_number``, without the header
    (``rows``: the script's :func:`records`, when the caller has them already)."""
    rows = records(script) if rows is None else rows
    speakers = [normalise_text(r["speaker"]) if r["speaker"] else UNSPOKEN_MARK for r in rows]
    rules = [_rule_column(r) for r in rows]
    name_width = max([len(s) for s in speakers] + [8])
    rule_width = max([len(r) for r in rules] + [9])
    out = text_header(script) if header else []
    for number, (r, who, how) in enumerate(zip(rows, speakers, rules, strict=True), first_number):
        text = normalise_text(r["text"]) or "(blank)"
        out.append(f"{number:5d}  ch{r['chapter']:<3d}  {who:<{name_width}}  {how:<{rule_width}}  {text}")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------ readers
@dataclass(frozen=True)
class ScriptRow:
    """One row of a script file as read back: what the file says about one segment."""

    file_line: int  # 1-based line of the row in the script file, for messages
    number: int  # the row's LINE number (text form) or its position (JSONL), 1-based
    chapter: int
    speaker: str | None  # None: the row is not spoken
    rule: str
    text: str  # whitespace-normalised
    start: int | None = None  # offset in the story the script was made from (JSONL only)


def read_script(path: Path) -> list[ScriptRow]:
    """Rows of a script file, JSONL or the text form, told apart by content."""
    try:
        text = Path(path).read_text("utf-8")
    except FileNotFoundError:
        raise InputError(f"script file not found: {path}", hint="save one with `ficaudio script STORY > FILE`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read script file: {exc}", path=str(path)) from exc
    return parse_script(text, str(path))


def looks_like_jsonl(text: str) -> bool:
    """True when the first row that is not blank or a comment is a JSON object.

    >>> looks_like_jsonl('{"text": "Hi"}\\n'), looks_like_jsonl('# c\\n    1  ch1  Narrator  narration  Hi\\n')
    (True, False)
    """
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line.lstrip().startswith("{")
    return False


def parse_script(text: str, source: str) -> list[ScriptRow]:
    """Rows of a script given as text; ``source`` names it in error messages."""
    text = text.removeprefix("\ufeff")  # editors on Windows add a BOM
    return parse_jsonl(text, source) if looks_like_jsonl(text) else parse_text(text, source)


def parse_text(text: str, source: str) -> list[ScriptRow]:
    """Rows of the text form; blank lines and ``#`` comments are skipped."""
    rows = []
    for file_line, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(_text_row(line, file_line, source))
    return rows


def _text_row(line: str, file_line: int, source: str) -> ScriptRow:
    columns = _COLUMN_GAP.split(line.strip(), maxsplit=len(TEXT_COLUMNS) - 1)
    if len(columns) != len(TEXT_COLUMNS):
        raise InputError(
            f"expected {len(TEXT_COLUMNS)} columns ({', '.join(TEXT_COLUMNS)}), found {len(columns)}",
            path=source,
            line=file_line,
            hint="columns are separated by two or more spaces or a tab; keep two spaces after a name you edit",
        )
    number, chapter, speaker, rule, body = columns
    return ScriptRow(
        file_line=file_line,
        number=_whole_number(number, "LINE", source, file_line),
        chapter=_whole_number(chapter.removeprefix("ch"), "CHAPTER", source, file_line),
        speaker=None if speaker == UNSPOKEN_MARK else speaker,
        rule=rule,
        text=normalise_text(body),
    )


def _whole_number(value: str, column: str, source: str, file_line: int) -> int:
    if not value.isdigit():
        raise InputError(f"{column} must be a whole number, not {value!r}", path=source, line=file_line)
    return int(value)


def parse_jsonl(text: str, source: str) -> list[ScriptRow]:
    """Rows of JSONL from ``ficaudio script``: an object per line with at least ``text``."""
    rows = []
    for file_line, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(_json_row(line, file_line, source, len(rows) + 1))
    return rows


def _json_row(line: str, file_line: int, source: str, number: int) -> ScriptRow:
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise InputError(f"not a JSON object: {exc.args[0]}", path=source, line=file_line,
                         hint="each line of a JSONL script is one object from `ficaudio script`") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("a JSONL script row needs a \"text\" field", path=source, line=file_line)
    speaker = data.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise InputError(f"\"speaker\" must be a name or null, not {speaker!r}", path=source, line=file_line)
    start = data.get("start")
    chapter = data.get("chapter")
    return ScriptRow(
        file_line=file_line,
        number=number,
        chapter=chapter if isinstance(chapter, int) else 0,
        speaker=normalise_text(speaker) or None if speaker else None,
        rule=str(data.get("rule", "")),
        text=normalise_text(data["text"]),
        start=start if isinstance(start, int) and not isinstance(start, bool) else None,
    )
