"""The command line as a user meets it: exact error text, exit codes, no half-written files."""

import json
import os
import subprocess
import sys
import time

import pytest

from ficaudio.cli import app

STORY = """Actions

Work Header

The Lantern Test

Summary:

Two friends test a lantern.

Chapter 1: the lantern

Chapter Text

Mira lifted the lantern. "Does it work?" she asked.

"Only one way to find out," said Tomas.

Chapter 2: the dark

Chapter Text

The hall went dark. "Mira?" Tomas called.

"Here," she said.
"""


@pytest.fixture
def story(tmp_path):  # this module's story is an AO3 page copy (overrides conftest's)
    path = tmp_path / "lantern.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def silent_voices(tmp_path):
    path = tmp_path / "voices.yaml"
    path.write_text(
        "engine: silent\nnarrator: {voice: silent-low}\n"
        "pools:\n  female: [silent-high]\n  male: [silent-mid]\n  unknown: [silent-mid]\n",
        encoding="utf-8",
    )
    return path


def run(runner, *args):
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_missing_story_file(runner, tmp_path):
    code, out = run(runner, "script", tmp_path / "nope.txt")
    assert code == 1
    assert out == f"error: no such file or folder: {tmp_path / 'nope.txt'}\n"


def test_empty_story(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    code, out = run(runner, "script", empty)
    assert code == 1
    assert out == f"error: {empty} is empty: no story text to read\n"


def test_malformed_voices_yaml_names_the_line(runner, story, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("narrator:\n  voice: en-us\n  rate: [fast\n", encoding="utf-8")
    code, out = run(runner, "script", story, "--voices", bad)
    assert code == 1
    assert out.startswith(f"error: {bad}:4:1: malformed YAML: ")
    assert "Traceback" not in out


def test_unknown_voice_id_is_refused_before_any_output(runner, story, tmp_path):
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: silent\nnarrator:\n  voice: silent-nope\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out = run(runner, "render", story, "--voices", voices, "--out", out_dir, "--quiet")
    assert code == 1
    assert out.startswith(f"error: {voices}:3:10: unknown voice 'silent-nope'")
    assert not list(out_dir.rglob("*.mp3"))


def test_script_jsonl_offsets_index_the_story(runner, story, silent_voices):
    code, out = run(runner, "script", story, "--voices", silent_voices)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    source = story.read_text(encoding="utf-8")
    assert all(source[r["start"] : r["end"]] == r["text"] for r in rows)
    dialogue = [r for r in rows if r["kind"] == "dialogue"]
    assert [r["text"] for r in dialogue][:2] == ['"Does it work?"', '"Only one way to find out,"']
    assert all(r["speaker"] == "Narrator" for r in rows if r["kind"] == "narration" and r["spoken"])
    assert {r["kind"] for r in rows} >= {"chrome", "summary", "heading", "narration", "dialogue"}


def test_script_text_format(runner, story, silent_voices):
    code, out = run(runner, "script", story, "--voices", silent_voices, "--format", "text")
    assert code == 0
    assert "Tomas" in out and '"Only one way to find out,"' in out


def test_a_folder_of_stories_given_to_script_says_which_file_to_name(runner, story, silent_voices, tmp_path):
    folder = tmp_path / "shelf"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = run(runner, "script", folder, "--voices", silent_voices)
    assert code != 0 and "holds 2 stories" in out
    assert f"hint: name one of them (a.txt, b.txt), e.g. `ficaudio script {folder / 'a.txt'}`" in out


def test_render_end_to_end_with_the_silent_engine(runner, story, silent_voices, tmp_path):
    from ficaudio.tags import read_chapters

    out_dir = tmp_path / "out"
    code, out = run(runner, "render", story, "--voices", silent_voices, "--out", out_dir, "--jobs", "2", "--quiet")
    assert code == 0, out
    folder = out_dir / "the-lantern-test"
    assert sorted(p.name for p in folder.glob("*.mp3")) == ["01-the-lantern.mp3", "02-the-dark.mp3", "the-lantern-test.mp3"]
    assert out.startswith(f"{folder / 'the-lantern-test.mp3'}  (0:")
    assert [title for title, _, _ in read_chapters(folder / "the-lantern-test.mp3")] == ["the lantern", "the dark"]
    assert (folder / "script.jsonl").is_file() and (folder / "script.txt").is_file()


def test_second_render_synthesises_nothing(runner, story, silent_voices, tmp_path):
    args = ["render", story, "--voices", silent_voices, "--out", tmp_path / "out", "--quiet"]
    first = run(runner, *args)
    second = run(runner, *args)
    assert first[0] == second[0] == 0
    assert second[1].endswith("0 new clips)\n")


def test_help_is_fast_and_lists_commands():
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "ficaudio.cli", "--help"], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    for command in ("render", "script", "voices", "cache"):
        assert command in result.stdout
    assert elapsed < 2.0  # generous for CI; bench/render.py measures the 0.3 s target


def test_every_command_has_help(runner):
    for command in ("render", "script", "voices", "cache"):
        code, out = run(runner, command, "--help")
        assert code == 0 and len(out) > 100


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity on this platform")
def test_default_jobs_follow_the_cores_this_process_may_use():
    # one allowed core on a many-core host (taskset, a container): one worker, not one per host core
    script = ("import os; os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]}); "
              "from ficaudio.cli import usable_cores; print(usable_cores())")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "1"


def test_the_hint_for_a_folder_of_stories_quotes_a_path_with_spaces(runner, story, silent_voices, tmp_path):
    folder = tmp_path / "My Fics"
    folder.mkdir()
    for name in ("a b.txt", "c.txt"):
        (folder / name).write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = run(runner, "script", folder, "--voices", silent_voices)
    assert code != 0 and f"e.g. `ficaudio script '{folder / 'a b.txt'}'`" in out
