"""The attributed script as a person or a program reads it: JSONL and an aligned text view.

JSONL: one object per segment, in reading order, with offsets into the story text
(``source[start:end] == text``). What the story file holds but ficaudio does not speak
(site chrome, notes without ``--notes``) is listed too, with ``"spoken": false``, so that
nothing is dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .models import NARRATOR, Line, Script, SegmentKind, Story
from .speech import has_speech

SPOKEN = {SegmentKind.HEADING, SegmentKind.NARRATION, SegmentKind.DIALOGUE, SegmentKind.THOUGHT, SegmentKind.NOTE}


def records(script: Script) -> list[dict]:
    """Segments and unspoken asides merged in file order."""
    rows = [_line_record(script, line) for line in script.lines]
    rows.extend(_aside_records(script.story, {(r["start"], r["end"]) for r in rows}))
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


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


def to_jsonl(script: Script) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(script))


def to_text(script: Script, width: int = 100) -> str:
    """One line per segment: ``index chapter speaker (rule conf) text`` with aligned columns."""
    rows = records(script)
    name_width = max([len(r["speaker"] or "-") for r in rows] + [8])
    out = []
    for number, r in enumerate(rows, 1):
        text = " ".join(r["text"].split())
        if len(text) > width:
            text = text[: width - 1] + "…"
        who = r["speaker"] or f"({r['kind']})"
        how = f"{r['rule']} {r['confidence']:.2f}" if r["kind"] in ("dialogue", "thought") else ""
        out.append(f"{number:5d}  ch{r['chapter']:<3d} {who:<{name_width}}  {how:<24} {text}")
    return "\n".join(out) + "\n"
