"""The script's text and JSONL forms: written, read back, and refused with exact messages."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficaudio.attribute.confidence import CALIBRATED
from ficaudio.config import load_config
from ficaudio.errors import InputError
from ficaudio.pipeline import build_script
from ficaudio.script_io import (
    ScriptRow,
    looks_like_jsonl,
    numbered_lines,
    parse_script,
    parse_text,
    read_script,
    records,
    to_jsonl,
    to_text,
)

STORY = """Chapter 1: the lantern

Mira lifted the lantern.  "Does it work?" she asked.

"Only one way to find out," said Tomas.

Chapter 2: the dark

The hall went dark. "Mira?" Tomas called.
"""


@pytest.fixture
def script(tmp_path):
    story = tmp_path / "lantern.txt"
    story.write_text(STORY, encoding="utf-8")
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: silent\nnarrator: {voice: silent-low}\npools:\n  male: [silent-mid]\n  unknown: [silent-mid]\n", encoding="utf-8")
    return build_script(story, load_config(voices))


def test_text_form_reads_back_row_for_row(script):
    rows = parse_text(to_text(script), "s.txt")
    expected = records(script)
    assert [r.number for r in rows] == list(range(1, len(expected) + 1))
    assert [r.text for r in rows] == [" ".join(e["text"].split()) for e in expected]
    assert [r.speaker for r in rows] == [e["speaker"] for e in expected]
    assert [r.chapter for r in rows] == [e["chapter"] for e in expected]


def test_text_form_has_a_header_saying_how_columns_are_separated(script):
    text = to_text(script)
    assert "# Columns are separated by two or more spaces (or a tab): LINE  CHAPTER  SPEAKER  RULE  TEXT\n" in text
    row = next(line for line in text.splitlines() if "Only one way" in line)
    assert row.split()[0].isdigit() and "  Tomas  " in row and f"  explicit_tag {CALIBRATED['explicit_tag']:.2f}  " in row


def test_text_keeps_the_whole_text_of_long_lines(tmp_path):
    story = tmp_path / "long.txt"
    long_line = "word " * 100
    story.write_text(f'{long_line}\n\n"Fine," said Ann.\n', encoding="utf-8")
    out = to_text(build_script(story, load_config(None)))
    assert long_line.strip() in out


def test_jsonl_reads_back_with_offsets(script):
    rows = parse_script(to_jsonl(script), "s.jsonl")
    assert [r.start for r in rows] == [e["start"] for e in records(script)]
    assert rows[0].file_line == 1 and rows[0].number == 1


def test_forms_are_told_apart_by_content(tmp_path, script):
    path = tmp_path / "fix.anything"
    path.write_text(to_jsonl(script), encoding="utf-8")
    assert read_script(path)[0].start == 0
    path.write_text(to_text(script), encoding="utf-8")
    assert read_script(path)[0].start is None
    assert looks_like_jsonl("\n# c\n{}") and not looks_like_jsonl("")


def test_tabs_separate_columns_too():
    (row,) = parse_text("3\tch1\tMira Vale\texplicit_tag 0.97\t“Hi  there”\n", "f.txt")
    assert row == ScriptRow(1, 3, 1, "Mira Vale", "explicit_tag 0.97", "“Hi there”")


def test_unspoken_rows_have_no_speaker():
    (row,) = parse_text("    1  ch0    -         chrome, not spoken   Chapter Text\n", "f.txt")
    assert row.speaker is None


def test_a_row_with_a_lost_column_gap_is_refused_with_its_line():
    with pytest.raises(InputError) as caught:
        parse_text("# header\n   12  ch1  Ino explicit_tag 0.97  “Dammit, Ino!”\n", "fix.txt")
    assert str(caught.value) == (
        "fix.txt:2: expected 5 columns (LINE, CHAPTER, SPEAKER, RULE, TEXT), found 4\n"
        "  hint: columns are separated by two or more spaces or a tab; keep two spaces after a name you edit"
    )


def test_a_bad_line_number_is_refused():
    with pytest.raises(InputError) as caught:
        parse_text("twelve  ch1  Ino  explicit_tag 0.97  “Dammit, Ino!”\n", "fix.txt")
    assert str(caught.value) == "fix.txt:1: LINE must be a whole number, not 'twelve'"


def test_malformed_jsonl_is_refused_with_its_line():
    with pytest.raises(InputError) as caught:
        parse_script('{"text": "a", "speaker": "A"}\n{"text": oops}\n', "fix.jsonl")
    assert str(caught.value).startswith("fix.jsonl:2: not a JSON object: Expecting value")


def test_jsonl_row_without_text_is_refused():
    with pytest.raises(InputError) as caught:
        parse_script('{"speaker": "A"}\n', "fix.jsonl")
    assert str(caught.value) == 'fix.jsonl:1: a JSONL script row needs a "text" field'


def test_missing_script_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_script(tmp_path / "nope.txt")
    assert str(caught.value) == f"script file not found: {tmp_path / 'nope.txt'}\n  hint: save one with `ficaudio script STORY > FILE`"


def test_numbered_lines_skip_asides_and_point_at_lines(script):
    numbers = numbered_lines(script)
    for number, index in numbers.items():
        assert records(script)[number - 1]["start"] == script.lines[index].segment.start


names = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=12)
words = st.lists(st.text(st.characters(whitelist_categories=("L", "P", "N")), min_size=1, max_size=8), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(names, min_size=1, max_size=3), words), min_size=1, max_size=5))
def test_any_speaker_and_text_round_trip_through_a_text_row(rows):
    lines = [f"{n:5d}  ch1  {' '.join(who)}  explicit_tag 0.97  {' '.join(text)}" for n, (who, text) in enumerate(rows, 1)]
    parsed = parse_text("\n".join(lines), "f.txt")
    assert [(r.speaker, r.text) for r in parsed] == [(" ".join(who), " ".join(text)) for who, text in rows]


def test_jsonl_fields_stay_stable(script):
    row = json.loads(to_jsonl(script).splitlines()[1])
    assert list(row) == ["chapter", "kind", "start", "end", "text", "speaker", "voice", "confidence", "rule", "spoken"]


@pytest.mark.parametrize("module", ["ficaudio.script_io", "ficaudio.corrections", "ficaudio.castfile", "ficaudio.preview"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
