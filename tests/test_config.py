from pathlib import Path

import pytest

from ficaudio.config import load_config
from ficaudio.errors import ConfigError
from ficaudio.models import Gender, Voice


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "voices.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_defaults_have_pools_for_every_gender(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert set(config.pools) == {Gender.FEMALE, Gender.MALE, Gender.UNKNOWN}
    assert config.source == "<built-in defaults>"


def test_project_voices_yaml_is_valid():
    config = load_config(Path(__file__).parent.parent / "voices.yaml")
    assert config.narrator.id == "en-us"


def test_character_with_voice_and_aliases(tmp_path):
    config = load_config(write(tmp_path, "characters:\n  Sakura:\n    voice: en+f3\n    aliases: [Haruno]\n    gender: female\n    rate: 190\n"))
    [sakura] = config.characters
    assert sakura.voice == Voice("en+f3", rate_wpm=190, pitch=50, volume=1.0)
    assert sakura.aliases == ("Haruno",)
    assert sakura.gender is Gender.FEMALE
    assert config.known_characters()[0].gender_reason == "configured in voices.yaml"


def test_bare_voice_id_for_a_character(tmp_path):
    config = load_config(write(tmp_path, "characters:\n  Ino: en-us+f2\n"))
    assert config.characters[0].voice.id == "en-us+f2"


def test_user_pool_replaces_builtin_pool_of_that_gender_only(tmp_path):
    config = load_config(write(tmp_path, "pools:\n  male: [en+m1]\n"))
    assert [v.id for v in config.pools[Gender.MALE]] == ["en+m1"]
    assert len(config.pools[Gender.FEMALE]) > 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "characters:\n  Sakura:\n    vocie: en+f3\n",
            "voices.yaml:3:5: unknown key 'vocie' in characters -> Sakura\n  hint: did you mean 'voice'?",
        ),
        (
            "narator:\n  voice: en\n",
            "voices.yaml:1:1: unknown key 'narator'\n  hint: did you mean 'narrator'?",
        ),
        (
            "narrator:\n  voice: en\n  pitch: 120\n",
            "voices.yaml:3:3: 'pitch' must be a whole number from 0 to 99, not 120 in narrator",
        ),
        (
            "characters:\n  Kiba:\n    gender: dog\n",
            "voices.yaml:3:5: 'gender' must be one of female, male, unknown, not 'dog' in characters -> Kiba",
        ),
        (
            "narrator: [1, 2\nengine: x\n",
            "voices.yaml:2:7: malformed YAML: expected ',' or ']', but got ':'\n  hint: check indentation, colons and brackets on that line",
        ),
        ("- just\n- a list\n", "voices.yaml:1: the top level must be a mapping of settings (key: value)"),
    ],
)
def test_validation_messages_name_file_line_and_fix(tmp_path, text, expected):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert str(info.value).replace(str(tmp_path) + "/", "") == expected


def test_missing_voices_file(tmp_path):
    with pytest.raises(ConfigError, match="voices file not found"):
        load_config(tmp_path / "nope.yaml")


def test_voices_yaml_in_current_folder_is_used(tmp_path, monkeypatch):
    write(tmp_path, "narrator: en-gb-x-rp\n")
    monkeypatch.chdir(tmp_path)
    assert load_config(None).narrator.id == "en-gb-x-rp"
