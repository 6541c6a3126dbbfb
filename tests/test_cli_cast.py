"""The review commands as a user meets them: cast, voices, preview, script --> render --script, --format."""

import json

import pytest

from conftest import LANTERN
from ficaudio.cli import app

VOICES = "engine: silent   # keep me\nnarrator: {voice: silent-low}\ncharacters:\n  # pinned by hand\npools:\n  female: [silent-high]\n  male: [silent-mid]\n  unknown: [silent-mid]\n"


@pytest.fixture
def voices(tmp_path):
    path = tmp_path / "voices.yaml"
    path.write_text(VOICES, encoding="utf-8")
    return path


def run(runner, *args):
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_cast_shows_the_table_and_updates_the_file(runner, story, voices):
    code, out = run(runner, "cast", story, "--voices", voices)
    assert code == 0, out
    assert out.endswith(f"{voices}: updated, 1 character added\n")
    assert "Tomas" in out and "speaker" in out and "voices file" in out
    text = voices.read_text(encoding="utf-8")
    assert text.startswith(VOICES.split("pools:")[0]) and "  Tomas: {voice: " in text


def test_cast_dry_run_writes_nothing(runner, story, voices):
    code, out = run(runner, "cast", story, "--voices", voices, "--dry-run")
    assert code == 0
    assert out.endswith(f"dry run: 1 new character not written to {voices}\n")
    assert voices.read_text(encoding="utf-8") == VOICES


def test_cast_with_a_misspelt_key(runner, story, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("engine: silent\nnarator: {voice: silent-low}\n", encoding="utf-8")
    code, out = run(runner, "cast", story, "--voices", bad)
    assert code == 1
    assert out == f"error: {bad}:2:1: unknown key 'narator'\n  hint: did you mean 'narrator'?\n"


def test_voices_lists_pitch_ranges(runner, voices):
    code, out = run(runner, "voices", "--voices", voices)
    assert code == 0
    assert out.startswith("engine: silent 1 (22050 Hz)\n  silent-low          en             100-100 Hz   silent-low\n")


def test_voices_sample_renders_one_mp3_per_voice(runner, voices, tmp_path):
    code, out = run(runner, "voices", "--voices", voices, "--sample", tmp_path / "samples", "--language", "en-gb-x-rp")
    assert code == 0, out
    count = len(list((tmp_path / "samples").glob("*.mp3")))
    assert count == 16 and out.endswith(f"{tmp_path / 'samples'}  ({count} samples)\n")


def test_preview_writes_the_chosen_lines(runner, story, voices, tmp_path, monkeypatch):
    monkeypatch.setenv("FICAUDIO_CACHE_DIR", str(tmp_path / "cache"))
    out_file = tmp_path / "p.mp3"
    code, out = run(runner, "preview", story, "--voices", voices, "--lines", "2:3", "--out", out_file, "--quiet")
    assert code == 0, out
    assert out.startswith(f"{out_file}  (0:00:0") and out.endswith(", 2 lines, 2 new clips)\n")


def test_preview_of_one_line_says_line_not_lines(runner, story, voices, tmp_path, monkeypatch):
    monkeypatch.setenv("FICAUDIO_CACHE_DIR", str(tmp_path / "cache"))
    out_file = tmp_path / "p.mp3"
    code, out = run(runner, "preview", story, "--voices", voices, "--lines", "2:2", "--out", out_file, "--quiet")
    assert code == 0, out
    assert out.endswith(", 1 line, 1 new clip)\n"), out


def test_preview_with_a_bad_range(runner, story, voices):
    code, out = run(runner, "preview", story, "--voices", voices, "--lines", "2-3")
    assert code == 1
    assert out == "error: --lines must look like A:B (script line numbers), not '2-3'\n  hint: for example --lines 12:20; see `ficaudio script STORY --format text`\n"


def test_edited_script_given_back_to_render(runner, story, voices, tmp_path, monkeypatch):
    monkeypatch.setenv("FICAUDIO_CACHE_DIR", str(tmp_path / "cache"))
    code, text = run(runner, "script", story, "--voices", voices, "--format", "text")
    assert code == 0
    rows = text.splitlines(keepends=True)
    index = next(i for i, row in enumerate(rows) if row.rstrip().endswith('"Here,"'))
    speaker = rows[index].split("  ch2  ")[1].split()[0]
    rows[index] = rows[index].replace(f"  {speaker}", "  Mira" + " " * (len(speaker) - 4), 1)
    fix = tmp_path / "fix.txt"
    fix.write_text("".join(rows), encoding="utf-8")
    code, out = run(runner, "render", story, "--voices", voices, "--out", tmp_path / "out", "--script", fix, "--quiet")
    assert code == 0, out
    written = [json.loads(r) for r in (tmp_path / "out" / "lantern" / "script.jsonl").read_text(encoding="utf-8").splitlines()]
    here = next(r for r in written if r["text"] == '"Here,"')
    assert (here["speaker"], here["rule"], here["confidence"]) == ("Mira", "user correction", 1.0)


def test_script_reports_stale_corrections(runner, story, voices, tmp_path):
    fix = tmp_path / "fix.txt"
    fix.write_text('   12  ch2  Mira  pronoun_tag 0.90  "Gone,"\n', encoding="utf-8")
    result = runner.invoke(app, ["script", str(story), "--voices", str(voices), "--script", str(fix)])
    assert result.exit_code == 0
    assert result.stderr == f'warning: {fix}:1: script line 12 (Mira) no longer matches the story: "Gone,"\n'


def test_render_refuses_an_unknown_output_format(runner, story, voices, tmp_path):
    code, out = run(runner, "render", story, "--voices", voices, "--out", tmp_path / "out", "--format", "mp3,ogg")
    assert code == 1
    assert out == "error: unknown output format 'ogg' in --format\n  hint: choose from mp3, m4b, comma-separated (e.g. mp3,m4b)\n"
    assert not (tmp_path / "out").exists()


def test_render_script_with_several_stories_is_refused(runner, story, voices, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(LANTERN, encoding="utf-8")
    code, out = run(runner, "render", story, other, "--voices", voices, "--script", tmp_path / "fix.txt")
    assert code == 1
    assert out == "error: --script fixes one story, but 2 were given\n  hint: render the story the script was made from on its own\n"


@pytest.mark.parametrize("command", ["cast", "preview", "voices", "serve", "render", "script"])
def test_every_new_command_has_help(runner, command):
    code, out = run(runner, command, "--help")
    assert code == 0 and len(out) > 100


def test_voices_lists_one_language_unless_asked_for_all(runner):
    code, english = run(runner, "voices", "--engine", "espeak")
    code_all, every = run(runner, "voices", "--engine", "espeak", "--language", "all")
    assert code == code_all == 0
    assert "en-us " in english and " af " not in english
    assert " af " in every and len(every.splitlines()) > len(english.splitlines())


def test_cast_table_fits_80_columns_and_says_why_below_it(runner, story, voices, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out = run(runner, "cast", story, "--voices", voices, "--dry-run")
    assert code == 0 and max(len(line.rstrip()) for line in out.splitlines()[:-1]) <= 80  # the last: the voices file's path
    table, why = out.split("\nwhy:\n")
    assert "│ Tomas" in table and "pool" not in table  # reasons are not in the table's cells
    assert why.lstrip().startswith("Tomas") and "voice: " in why
