"""Preview: choosing script lines, rendering them through engine + cache; voice pitch ranges and samples."""

import pytest

from ficaudio.config import load_config
from ficaudio.engines import VoiceInfo
from ficaudio.errors import InputError
from ficaudio.models import Pause, Utterance
from ficaudio.pipeline import build_script
from ficaudio.preview import (
    DEFAULT_ESPEAK_PITCH_HZ,
    espeak_pitch_hz,
    parse_line_range,
    pitch_line_hz,
    preview_items,
    render_preview,
    render_voice_samples,
    select_lines,
)
from ficaudio.script_io import parse_text, to_text
from ficaudio.stitch import mp3_duration_ms



@pytest.fixture
def config(tmp_path):
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: silent\nnarrator: {voice: silent-low}\npools:\n  female: [silent-high]\n  male: [silent-mid]\n  unknown: [silent-mid]\n", encoding="utf-8")
    return load_config(voices)


@pytest.mark.parametrize("text, expected", [("3:5", (3, 5)), (" 3 : 5 ", (3, 5)), ("4:", (4, None)), (":2", (None, 2)), ("7:7", (7, 7))])
def test_line_ranges(text, expected):
    assert parse_line_range(text) == expected


@pytest.mark.parametrize("text", ["3-5", ":", "a:b", ""])
def test_bad_line_ranges_say_what_they_should_look_like(text):
    with pytest.raises(InputError) as caught:
        parse_line_range(text)
    assert str(caught.value) == (
        f"--lines must look like A:B (script line numbers), not {text!r}\n"
        "  hint: for example --lines 12:20; see `ficaudio script STORY --format text`"
    )


def test_a_backwards_range_is_refused():
    with pytest.raises(InputError) as caught:
        parse_line_range("9:3")
    assert str(caught.value) == "--lines 9:3: the first line comes after the last"


def test_lines_are_those_numbered_in_the_text_script(story, config):
    script = build_script(story, config)
    rows = {r.number: r.text for r in parse_text(to_text(script), "s.txt")}
    chosen = select_lines(script, None, 3, 5)
    assert [" ".join(line.segment.text.split()) for line in chosen] == [rows[3], rows[4], rows[5]]


def test_chapter_filters_and_an_unknown_chapter_is_refused(story, config):
    script = build_script(story, config)
    assert {line.segment.chapter for line in select_lines(script, 2, None, None)} == {2}
    with pytest.raises(InputError) as caught:
        select_lines(script, 3, None, None)
    assert str(caught.value) == "--chapter 3: the story has 2 chapters"


def test_preview_items_voice_each_line_by_its_speaker(story, config):
    script = build_script(story, config)
    lines = select_lines(script, 1, None, None)
    items = list(preview_items(script, lines, config))
    spoken = [item for item in items if isinstance(item, Utterance)]
    assert [u.voice for u in spoken] == [script.cast.narrator if l.speaker == "Narrator" else script.cast.voice_for(l.speaker) for l in lines]
    assert all(isinstance(items[i], Pause) for i in range(1, len(items), 2))


def test_preview_says_each_line_as_the_render_will(story, tmp_path):
    from ficaudio import speech

    voices = tmp_path / "respelled.yaml"
    voices.write_text("engine: silent\nnarrator: {voice: silent-low}\npronunciations:\n  Mira: meera\n", encoding="utf-8")
    config = load_config(voices)
    script = build_script(story, config)
    lines = select_lines(script, None, None, None)
    previewed = {(u.text, u.voice) for u in preview_items(script, lines, config) if isinstance(u, Utterance)}
    rendered = {(u.text, u.voice) for u in speech.utterances(speech.plan(script, config))}
    assert previewed <= rendered and any("Meera" in text for text, _ in previewed)


def test_render_preview_writes_a_small_mp3_and_reuses_the_cache(story, config, tmp_path):
    out = tmp_path / "out" / "preview.mp3"
    first = render_preview(story, config, lines="2:4", out=out, cache_dir=tmp_path / "cache")
    assert out.is_file() and first.lines == 3 and first.synthesized == 3
    assert first.duration_ms == mp3_duration_ms(out) > 1000
    again = render_preview(story, config, lines="2:4", out=out, cache_dir=tmp_path / "cache")
    assert again.synthesized == 0


def test_pitch_line_of_an_espeak_voice_file(tmp_path):
    (tmp_path / "voices" / "!v").mkdir(parents=True)
    (tmp_path / "voices" / "!v" / "m7").write_text("name male7\ngender male\npitch  75 125  // low\n", encoding="utf-8")
    (tmp_path / "lang" / "gmw").mkdir(parents=True)
    (tmp_path / "lang" / "gmw" / "en").write_text("name English\nlanguage en\n", encoding="utf-8")
    assert pitch_line_hz(tmp_path / "voices" / "!v" / "m7") == (75, 125)
    assert espeak_pitch_hz(tmp_path, "!v/m7", "m7") == (75, 125)
    assert espeak_pitch_hz(tmp_path, "gmw/en", None) == DEFAULT_ESPEAK_PITCH_HZ
    assert espeak_pitch_hz(None, "gmw/en", None) is None


class TwoVoices:
    """A stand-in engine with two voices, to keep the sample test quick."""

    name, version, sample_rate_hz = "two", "1", 22050

    def voices(self):
        return [VoiceInfo("en-a", "Alpha", "en"), VoiceInfo("fr-b", "Beta", "fr"), VoiceInfo("en-gone", "Gone", "en"), VoiceInfo("en+b", "Bravo", "en")]

    def synthesize(self, text, voice):
        if voice.id == "en-gone":
            from ficaudio.errors import EngineError

            raise EngineError("refused voice 'en-gone'")
        return b"\x10\x00" * 2205 * (2 if voice.id == "en+b" else 1)


def test_voice_samples_one_mp3_per_voice_of_the_language(tmp_path):
    from ficaudio.progress import PlainReporter
    import io

    log = io.StringIO()
    written = render_voice_samples(TwoVoices(), tmp_path / "samples", language="en", reporter=PlainReporter(log))
    assert [p.name for p in written] == ["en-a.mp3", "en-b.mp3"]
    assert "warning: no sample for en-gone: refused voice 'en-gone'\n" in log.getvalue()
    assert [mp3_duration_ms(p) for p in written] == [100, 200]


def test_voice_samples_for_a_language_with_no_voice(tmp_path):
    from ficaudio.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        render_voice_samples(TwoVoices(), tmp_path / "samples", language="de")
    assert str(caught.value) == "the two engine has no voice for language 'de'\n  hint: run `ficaudio voices` to see them"


def test_preview_has_the_renders_silences_and_skips_a_line_that_says_nothing(tmp_path, config):
    from ficaudio import speech

    path = tmp_path / "short.txt"
    path.write_text('"Hello there," Ann said.\n\nxD\n\n"Bye," Ann said.\n\n***\n\n"Back," Ann said.\n', encoding="utf-8")
    script = build_script(path, config)
    items = list(preview_items(script, select_lines(script, None, None, None), config))
    assert items == list(speech.plan(script, config).chapters[0].items[:-1])  # all but the chapter's closing pause
    result = render_preview(path, config, out=tmp_path / "p.mp3", cache_dir=tmp_path / "cache")
    assert result.lines == 6  # not the "xD" line
