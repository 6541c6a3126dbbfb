"""Corrections from an edited script: applied by text, surviving edits of the story, stale ones reported."""

import pytest

from ficaudio.config import load_config
from ficaudio.corrections import USER_RULE, Corrections, apply_corrections, load_corrections
from ficaudio.models import NARRATOR
from ficaudio.pipeline import build_script
from ficaudio.script_io import ScriptRow, parse_text, to_jsonl, to_text

STORY = """Chapter 1: the lantern

Mira lifted the lantern. "Does it work?" she asked.

"Only one way to find out," said Tomas.

"Yes."

"Yes."

Chapter 2: the dark

The hall went dark. "Mira?" Tomas called.

"Here," she said.
"""
INSERTED = "Rain hammered the roof for an hour, and nobody in the house slept.\n\n"


@pytest.fixture
def config(tmp_path):
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: silent\nnarrator: {voice: silent-low}\npools:\n  female: [silent-high]\n  male: [silent-mid]\n  unknown: [silent-mid]\n", encoding="utf-8")
    return load_config(voices)


def write_story(tmp_path, text):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    return path


def edit_row(script_text: str, quote: str, old: str, new: str, occurrence: int = 1) -> str:
    """Change the SPEAKER word of the ``occurrence``-th row whose text is ``quote``, as a person would."""
    lines = script_text.splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.rstrip("\n").endswith(f"  {quote}")]
    index = hits[occurrence - 1]
    assert f"  {old}  " in lines[index]
    lines[index] = lines[index].replace(f"  {old}  ", f"  {new}{' ' * (len(old) - len(new))}  " if len(new) < len(old) else f"  {new}  ", 1)
    return "".join(lines)


def speaker_of(attribution, text, occurrence=1):
    return [line for line in attribution.lines if line.segment.text == text][occurrence - 1]


def corrected(tmp_path, config, story_text, script_file):
    return build_script(write_story(tmp_path, story_text), config, corrections=script_file)


def test_a_changed_speaker_is_applied_with_the_user_rule(tmp_path, config):
    original = build_script(write_story(tmp_path, STORY), config)
    fix = tmp_path / "fix.txt"
    fix.write_text(edit_row(to_text(original), '"Here,"', "Tomas", "Mira"), encoding="utf-8")
    line = speaker_of(corrected(tmp_path, config, STORY, fix).attribution, '"Here,"')
    assert (line.speaker, line.rule, line.confidence) == ("Mira", USER_RULE, 1.0)


def test_unchanged_rows_change_nothing(tmp_path, config):
    original = build_script(write_story(tmp_path, STORY), config)
    fix = tmp_path / "fix.txt"
    fix.write_text(to_text(original), encoding="utf-8")
    assert corrected(tmp_path, config, STORY, fix).attribution == original.attribution


def test_narrator_marks_a_quotation_as_narration(tmp_path, config):
    original = build_script(write_story(tmp_path, STORY), config)
    fix = tmp_path / "fix.txt"
    fix.write_text(edit_row(to_text(original), '"Mira?"', "Tomas", "narration"), encoding="utf-8")
    line = speaker_of(corrected(tmp_path, config, STORY, fix).attribution, '"Mira?"')
    assert (line.speaker, line.rule) == (NARRATOR, USER_RULE)


def test_correction_survives_a_paragraph_inserted_earlier(tmp_path, config):
    original = build_script(write_story(tmp_path, STORY), config)
    fix = tmp_path / "fix.txt"
    fix.write_text(edit_row(to_text(original), '"Here,"', "Tomas", "Mira"), encoding="utf-8")
    edited = STORY.replace("The hall went dark.", INSERTED + "The hall went dark.")
    script = corrected(tmp_path, config, edited, fix)
    line = speaker_of(script.attribution, '"Here,"')
    assert (line.speaker, line.rule) == ("Mira", USER_RULE)
    assert line.segment.start == speaker_of(original.attribution, '"Here,"').segment.start + len(INSERTED)


@pytest.mark.parametrize("form", [to_text, to_jsonl])
def test_repeated_text_keeps_its_occurrence_after_an_edit(tmp_path, config, form):
    original = build_script(write_story(tmp_path, STORY), config)
    rows = to_text(original) if form is to_text else to_jsonl(original)
    if form is to_text:
        rows = edit_row(rows, '"Yes."', "Tomas", "Mira", occurrence=2)
    else:
        second_yes = [i for i, r in enumerate(rows.splitlines()) if '"text": "\\"Yes.\\""' in r][1]
        lines = rows.splitlines(keepends=True)
        lines[second_yes] = lines[second_yes].replace('"speaker": "Tomas"', '"speaker": "Mira"')
        rows = "".join(lines)
    fix = tmp_path / "fix.script"
    fix.write_text(rows, encoding="utf-8")
    edited = INSERTED + STORY.replace("Chapter 1: the lantern\n\n", "Chapter 1: the lantern\n\n" + INSERTED)
    attribution = corrected(tmp_path, config, edited, fix).attribution
    assert [speaker_of(attribution, '"Yes."', n).speaker for n in (1, 2)] == ["Tomas", "Mira"]


def test_a_deleted_line_is_reported_stale_with_its_line_and_text(tmp_path, config):
    original = build_script(write_story(tmp_path, STORY), config)
    fix = tmp_path / "fix.txt"
    fix.write_text(edit_row(to_text(original), '"Here,"', "Tomas", "Mira"), encoding="utf-8")
    without = STORY.replace('"Here," she said.\n', "")
    story = build_script(write_story(tmp_path, without), config)
    attribution, stale = apply_corrections(story.story, story.attribution, load_corrections(fix))
    row_line = next(n for n, line in enumerate(fix.read_text(encoding="utf-8").splitlines(), 1) if line.endswith('"Here,"'))
    number = int(fix.read_text(encoding="utf-8").splitlines()[row_line - 1].split()[0])
    assert stale == [f'{fix}:{row_line}: script line {number} (Mira) no longer matches the story: "Here,"']
    assert attribution.lines == story.attribution.lines


def test_narration_rows_that_are_gone_are_not_reported(tmp_path, config):
    original = build_script(write_story(tmp_path, STORY), config)
    fix = tmp_path / "fix.txt"
    fix.write_text(to_text(original), encoding="utf-8")
    story = build_script(write_story(tmp_path, STORY.replace("The hall went dark. ", "")), config)
    _, stale = apply_corrections(story.story, story.attribution, load_corrections(fix))
    assert stale == []


def test_a_name_in_any_case_resolves_to_its_speaker_and_a_new_name_becomes_a_character(tmp_path, config):
    story = build_script(write_story(tmp_path, STORY), config)
    rows = (
        ScriptRow(1, 3, 1, "tomas", "unattributed 0.00", '"Does it work?"'),
        ScriptRow(2, 13, 2, "Ghost Girl", "pronoun_tag 0.90", '"Here,"'),
    )
    attribution, stale = apply_corrections(story.story, story.attribution, Corrections("fix.txt", rows))
    assert stale == []
    assert speaker_of(attribution, '"Does it work?"').speaker == "Tomas"
    assert speaker_of(attribution, '"Here,"').speaker == "Ghost Girl"
    assert "Ghost Girl" in [c.name for c in attribution.characters]


def test_rendered_script_text_reads_back_as_corrections(tmp_path, config):
    """A script saved after corrections says 'user correction' and still reads back."""
    original = build_script(write_story(tmp_path, STORY), config)
    fix = tmp_path / "fix.txt"
    fix.write_text(edit_row(to_text(original), '"Here,"', "Tomas", "Mira"), encoding="utf-8")
    again = to_text(corrected(tmp_path, config, STORY, fix))
    (row,) = [r for r in parse_text(again, "again.txt") if r.text == '"Here,"']
    assert (row.speaker, row.rule) == ("Mira", "user correction 1.00")
