"""`ficaudio cast` and voices.yaml: the user's file survives (every line, comment, choice); new
characters are added one line each; problems are reported with their place and a fix."""

import difflib

import pytest

from ficaudio.castfile import add_characters, check_voice_ids, review_cast, template_text
from ficaudio.config import load_config
from ficaudio.errors import ConfigError

STORY = """Chapter 1

"Where is the lantern?" Mira asked.

"Under the stairs," said Tomas.

"Then fetch it," Mira said.

"Fine," Tomas said. "But you owe me."

"Nobody owes anybody," said Old Greta.
"""

USER_FILE = """# My voices -- hand written, keep my notes!
engine: silent   # tests need no espeak

# the narrator
narrator:
  voice: silent-low   # deep
  rate: 170

characters:   # who I pinned
  # Tomas is gruff
  Tomas:
    voice: "silent-high"   # my choice, quoted on purpose
    gender: male
# a comment at column 0 that belongs to pools

pools:
  female: [silent-mid, en-us+f2]
  male: ['en-us+m7', en+m2]   # single quotes kept
  unknown: [silent-mid]
# trailing comment
"""


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def only_added_lines(before: str, after: str) -> list[str]:
    """Lines the diff adds; fails when it removes or changes any line."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [d for d in diff if d.startswith("- ")], "a line of the user's file was changed or removed"
    return [d[2:] for d in diff if d.startswith("+ ")]


def test_cast_keeps_every_line_of_the_users_file_and_adds_new_characters(tmp_path, story):
    voices = tmp_path / "voices.yaml"
    voices.write_text(USER_FILE, encoding="utf-8")
    review = review_cast(story, voices)
    after = voices.read_text(encoding="utf-8")
    added = only_added_lines(USER_FILE, after)
    assert review.added == ("Mira", "Old Greta")
    assert [line.split(":")[0] for line in added] == ["  Mira", "  Old Greta"]
    mira = next(r for r in review.rows if r.name == "Mira")
    assert added[0].startswith(f"  Mira: {{voice: {mira.voice.id}")
    assert added[0].endswith(f"}}  # added by ficaudio cast: 2 lines; {mira.voice_reason}") or "; gender: " in added[0]
    # inserted inside the characters block, before the column-0 comment that belongs to pools
    assert after.index("  Old Greta:") < after.index("# a comment at column 0")
    config = load_config(voices)
    assert {c.name: c.voice for c in config.characters} == {"Tomas": config.characters[0].voice, **{r.name: r.voice for r in review.rows if r.status == "added"}}
    assert config.characters[0].voice.id == "silent-high"


def test_the_users_voice_is_never_reassigned_and_a_second_run_changes_nothing(tmp_path, story):
    voices = tmp_path / "voices.yaml"
    voices.write_text(USER_FILE, encoding="utf-8")
    review_cast(story, voices)
    once = voices.read_text(encoding="utf-8")
    second = review_cast(story, voices)
    assert voices.read_text(encoding="utf-8") == once
    assert second.added == () and not second.written
    tomas = next(r for r in second.rows if r.name == "Tomas")
    assert (tomas.voice.id, tomas.voice_reason, tomas.status) == ("silent-high", "configured in voices.yaml", "in voices file")


def test_most_frequent_speakers_get_the_first_pool_voices(tmp_path, story):
    voices = tmp_path / "voices.yaml"
    pool = "[en+m1, en+m2, en+m3, en+m4]"
    voices.write_text(f"engine: silent\nnarrator: {{voice: silent-low}}\npools:\n  female: {pool}\n  male: {pool}\n  unknown: {pool}\n", encoding="utf-8")
    review = review_cast(story, voices, dry_run=True)
    counts = [r.lines for r in review.rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert [r.voice.id for r in review.rows] == ["en+m1", "en+m2", "en+m3"]


def test_dry_run_writes_nothing(tmp_path, story):
    voices = tmp_path / "voices.yaml"
    review = review_cast(story, voices, dry_run=True)
    assert not voices.exists() and not review.written and review.added


def test_a_missing_file_is_created_from_the_commented_template(tmp_path, story, monkeypatch):
    monkeypatch.chdir(tmp_path)
    review = review_cast(story)
    made = (tmp_path / "voices.yaml").read_text(encoding="utf-8")
    assert review.created and review.written and review.voices_path == tmp_path / "voices.yaml"
    assert only_added_lines(template_text(), made)
    assert "# voices.yaml: who sounds like what." in made


@pytest.mark.parametrize(
    "characters_line, expected_line",
    [("characters: {}  # none yet\n", "characters:  # none yet\n"), ("characters:\n", "characters:\n"), ("characters: ~\n", "characters:\n")],
)
def test_an_empty_characters_value_takes_block_entries(characters_line, expected_line):
    text = f"engine: silent\n{characters_line}pools:\n  male: [en+m1]\n"
    result = add_characters(text, ["Ann: {voice: en+f2}"], "v.yaml")
    assert result == f"engine: silent\n{expected_line}  Ann: {{voice: en+f2}}\npools:\n  male: [en+m1]\n"


def test_a_file_without_characters_gets_the_section_at_the_end():
    result = add_characters("engine: silent", ["Ann: {voice: en+f2}"], "v.yaml")
    assert result.startswith("engine: silent\n\n# Characters found by `ficaudio cast`")
    assert result.endswith("characters:\n  Ann: {voice: en+f2}\n")


def test_entries_follow_the_indent_of_existing_ones():
    text = "characters:\n    Ann: en+f2\n    # note\nengine: silent\n"
    assert add_characters(text, ["Bo: {voice: en+m1}"], "v.yaml") == "characters:\n    Ann: en+f2\n    # note\n    Bo: {voice: en+m1}\nengine: silent\n"


def test_a_one_line_characters_mapping_is_refused_with_its_place():
    with pytest.raises(ConfigError) as caught:
        add_characters("engine: silent\ncharacters: {Ann: en+f2}\n", ["Bo: {voice: en+m1}"], "v.yaml")
    assert str(caught.value) == (
        "v.yaml:2:13: characters is written on one line ({...}); ficaudio cast adds one line per character\n"
        "  hint: write characters as a block: 'characters:' then one 'Name: {...}' line each"
    )


def test_names_that_need_quotes_are_quoted_and_load_back(tmp_path):
    text = add_characters("characters:\n", ['"No": {voice: en+f2}', '"Kakashi: sensei": {voice: en+m1}'], "v.yaml")
    path = tmp_path / "v.yaml"
    path.write_text("engine: silent\n" + text, encoding="utf-8")
    assert [c.name for c in load_config(path).characters] == ["No", "Kakashi: sensei"]


def test_unknown_voice_ids_are_all_listed_with_place_and_fix(tmp_path):
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: silent\nnarrator:\n  voice: silent-lo\ncharacters:\n  Ann: {voice: en-us+f9}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        check_voice_ids(load_config(voices))
    assert str(caught.value) == (
        "2 unknown voice ids for the silent engine:\n"
        f"  {voices}:3:10: unknown voice 'silent-lo' (did you mean 'silent-low', 'silent-mid', 'silent-high'?)\n"
        f"  {voices}:5:16: unknown voice 'en-us+f9' (did you mean 'en-us+f5', 'en-us+f4', 'en-us+f3'?)\n"
        "  hint: run `ficaudio voices` to list the voices your engine offers"
    )


def test_a_misspelt_key_is_reported_with_its_place_before_anything_is_written(tmp_path, story):
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: silent\ncharacters:\n  Ann:\n    vocie: en+f2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        review_cast(story, voices)
    assert str(caught.value) == f"{voices}:4:5: unknown key 'vocie' in characters -> Ann\n  hint: did you mean 'voice'?"
    assert voices.read_text(encoding="utf-8") == "engine: silent\ncharacters:\n  Ann:\n    vocie: en+f2\n"
