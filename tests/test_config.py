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


def test_reader_name_for_y_n(tmp_path):
    assert load_config(write(tmp_path, "reader: Sam\n")).reader == "Sam"
    assert load_config(write(tmp_path, "engine: default\n")).reader == "you"
    with pytest.raises(ConfigError, match="'reader' must be a non-empty text"):
        load_config(write(tmp_path, "reader: ''\n"))


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


# ----------------------------------------------------------------- text for speech
from ficaudio.config import SpeechStyle  # noqa: E402
from ficaudio.lexicon import available_lexicons  # noqa: E402


def test_builtin_speech_settings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config.lexicons == () and config.pronunciations == ()
    assert config.thoughts == SpeechStyle(rate_factor=0.92, volume_factor=0.8, pitch_shift=-4)
    assert config.messages.pitch_shift == 8


def test_lexicons_pronunciations_and_styles(tmp_path):
    text = (
        "lexicons: [naruto]\n"
        "pronunciations:\n  Kakashi: kah-kah-shi\n  -kun: kun\n"
        "thoughts:\n  rate_factor: 0.8\n"
        "messages:\n  voice: en+f2\n"
    )
    config = load_config(write(tmp_path, text))
    assert config.lexicons == ("naruto",)
    assert config.pronunciations == (("Kakashi", "kah-kah-shi"), ("-kun", "kun"))
    assert config.thoughts == SpeechStyle(rate_factor=0.8, volume_factor=0.8, pitch_shift=-4)  # other keys kept
    assert config.messages.voice == "en+f2"
    assert config.lexicon().apply("Kakashi and Sasuke-kun") == "Kah-kah-shi and Sahss-keh-kun"


def test_a_single_lexicon_name_is_accepted(tmp_path):
    assert load_config(write(tmp_path, "lexicons: harry_potter\n")).lexicons == ("harry_potter",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "lexicons: [naruto, narutoo]\n",
            "voices.yaml:1:20: unknown lexicon 'narutoo' in lexicons\n"
            f"  hint: did you mean 'naruto'? available lexicons: {', '.join(available_lexicons())}",
        ),
        (
            "lexicons: [klingon]\n",
            f"voices.yaml:1:12: unknown lexicon 'klingon' in lexicons\n  hint: available lexicons: {', '.join(available_lexicons())}",
        ),
        (
            "pronunciations:\n  Kakashi: \"[[kak'aSi]]\"\n",
            "voices.yaml:2:3: 'Kakashi': espeak phonemes ([[...]]) are not read as phonemes in pronunciations\n"
            "  hint: write a respelling instead, e.g. Kakashi: kah-kah-shee",
        ),
        (
            "pronunciations:\n  Kakashi: ''\n",
            "voices.yaml:2:3: 'Kakashi' must be a non-empty text, not '' in pronunciations",
        ),
        (
            "pronunciations:\n  '!!': bang\n",
            "voices.yaml:2:3: '!!' is not a word to respell in pronunciations\n"
            "  hint: keys are words like 'Kakashi' or suffixes like '-kun'",
        ),
        (
            "thoughts:\n  rate_factr: 0.9\n",
            "voices.yaml:2:3: unknown key 'rate_factr' in thoughts\n  hint: did you mean 'rate_factor'?",
        ),
        (
            "messages:\n  pitch_shift: 70\n",
            "voices.yaml:2:3: 'pitch_shift' must be a whole number from -50 to 50, not 70 in messages",
        ),
        (
            "thoughts: slower\n",
            "voices.yaml:1:1: 'thoughts' must be a mapping (key: value lines) in thoughts",
        ),
    ],
)
def test_speech_settings_validation(tmp_path, text, expected):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    assert str(info.value).replace(str(tmp_path) + "/", "") == expected


def test_root_voices_yaml_is_the_shipped_template():
    """`ficaudio cast` creates voices.yaml from the packaged template; the repo's copy must match."""
    root = Path(__file__).parent.parent
    assert (root / "voices.yaml").read_text("utf-8") == (root / "src/ficaudio/data/voices.template.yaml").read_text("utf-8")
