"""The render pipeline as a library: same bytes whatever --jobs, re-render only what
changed, resume from the journal, the words check, progress reporting."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import time
from pathlib import Path

import pytest

from ficaudio import speech
from ficaudio.bookfolder import JOURNAL, MANIFEST
from ficaudio.cache import ClipCache
from ficaudio.config import load_config
from ficaudio.models import Utterance
from ficaudio.pipeline import RenderOptions, build_script, printable_title, render_story
from ficaudio.progress import PlainReporter, RichReporter
from ficaudio.render import count_words, words_check

VOICES = (
    "engine: silent\nnarrator: {voice: silent-low}\n"
    "characters:\n  Mira: {gender: female, voice: VOICE}\n  Tomas: {gender: male, voice: silent-mid}\n"
)
STORY = (
    "Chapter 1: the lantern\n\nMira lifted the lantern. \"Does it work?\" Mira asked.\n\n"
    "\"Only one way to find out,\" Tomas said.\n\n"
    "Chapter 2: the dark\n\nThe hall went dark. \"Here,\" Tomas said.\n\nThey waited.\n\n"
    "Chapter 3: the end\n\nMorning came slowly over the harbour.\n"
)


def setup(tmp_path: Path, voice: str = "silent-high", story: str = STORY):
    voices, path = tmp_path / "voices.yaml", tmp_path / "lantern.txt"
    voices.write_text(VOICES.replace("VOICE", voice), encoding="utf-8")
    path.write_text(story, encoding="utf-8")
    return path, load_config(voices)


def options(tmp_path: Path, **kw) -> RenderOptions:
    return RenderOptions(out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", **kw)


def mp3_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.mp3"))}


def mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.mp3")}


def test_output_bytes_are_the_same_whatever_jobs(tmp_path):
    story, config = setup(tmp_path)
    one = render_story(story, config, RenderOptions(out_dir=tmp_path / "a", cache_dir=tmp_path / "ca", jobs=1))
    two = render_story(story, config, RenderOptions(out_dir=tmp_path / "b", cache_dir=tmp_path / "cb", jobs=2))
    assert mp3_bytes(one.folder) == mp3_bytes(two.folder) and len(mp3_bytes(one.folder)) == 4
    assert one.chapters == tuple(dataclasses.replace(c, path=c.path.replace(str(tmp_path / "b"), str(tmp_path / "a"))) for c in two.chapters)


def test_a_big_story_prepared_in_a_child_gives_the_same_book(tmp_path, monkeypatch):
    import ficaudio.pipeline

    story, config = setup(tmp_path)
    here = render_story(story, config, RenderOptions(out_dir=tmp_path / "a", cache_dir=tmp_path / "ca", jobs=1))
    monkeypatch.setattr(ficaudio.pipeline, "PREPARE_APART_MIN_BYTES", 0)  # every story is "big"
    apart = render_story(story, config, RenderOptions(out_dir=tmp_path / "b", cache_dir=tmp_path / "cb", jobs=1))
    assert mp3_bytes(apart.folder) == mp3_bytes(here.folder) and len(mp3_bytes(here.folder)) == 4
    for name in ("script.jsonl", "script.txt"):
        assert (apart.folder / name).read_bytes() == (here.folder / name).read_bytes()
    cues = lambda folder: [c["cues"] for c in json.loads((folder / "book.json").read_text("utf-8"))["chapters"]]  # noqa: E731
    assert cues(apart.folder) == cues(here.folder) and cues(here.folder)[0]


def test_second_render_is_a_no_op_and_a_touched_output_is_remade(tmp_path):
    story, config = setup(tmp_path)
    first = render_story(story, config, options(tmp_path))
    before = mtimes(first.folder)
    again = render_story(story, config, options(tmp_path))
    assert again.synthesized == 0 and again.chapters == first.chapters and mtimes(first.folder) == before
    (first.folder / "script.txt").unlink()
    remade = render_story(story, config, options(tmp_path))
    assert (first.folder / "script.txt").is_file() and remade.synthesized == 0
    assert mtimes(first.folder) == before  # chapters and book were reused, not re-encoded


def test_a_new_voice_re_renders_only_that_characters_lines(tmp_path):
    story, config = setup(tmp_path)
    first = render_story(story, config, options(tmp_path))
    before = mtimes(first.folder)
    _, changed = setup(tmp_path, voice="silent-mid")
    second = render_story(story, changed, options(tmp_path))
    script = build_script(story, changed)
    mira = {u for u in speech.utterances(speech.plan(script, changed)) if u.speaker == "Mira"}
    assert second.synthesized == len(mira) > 0
    after = mtimes(first.folder)
    assert after["01-the-lantern.mp3"] != before["01-the-lantern.mp3"]  # Mira speaks here
    assert after["02-the-dark.mp3"] == before["02-the-dark.mp3"] and after["03-the-end.mp3"] == before["03-the-end.mp3"]


def test_editing_one_paragraph_re_renders_only_that_paragraph(tmp_path):
    story, config = setup(tmp_path)
    first = render_story(story, config, options(tmp_path))
    before = mtimes(first.folder)
    story.write_text(STORY.replace("They waited.", "They waited for a long time."), encoding="utf-8")
    second = render_story(story, config, options(tmp_path))
    assert second.synthesized == 1
    after = mtimes(first.folder)
    assert sorted(name for name in after if after[name] != before[name]) == ["02-the-dark.mp3", "lantern.mp3"]


def test_a_killed_run_resumes_from_the_journal(tmp_path):
    story, config = setup(tmp_path)
    first = render_story(story, config, options(tmp_path))
    folder = first.folder
    # As a run killed after chapter 2 leaves it: the manifest gone, the journal's lines there.
    manifest = (folder / MANIFEST).read_text("utf-8")
    import json

    entries = json.loads(manifest)["chapters"]
    (folder / JOURNAL).write_text("".join(json.dumps([name, entry]) + "\n" for name, entry in entries.items()) + '["torn', "utf-8")
    (folder / MANIFEST).unlink()
    (folder / "lantern.mp3").unlink()
    before = mtimes(folder)
    again = render_story(story, config, options(tmp_path))
    after = mtimes(folder)
    assert again.synthesized == 0 and {n: t for n, t in after.items() if n != "lantern.mp3"} == before
    assert not (folder / JOURNAL).exists() and (folder / "lantern.mp3").is_file()
    assert again.chapters == first.chapters


def test_no_cache_keeps_the_shared_cache_untouched(tmp_path):
    story, config = setup(tmp_path)
    result = render_story(story, config, options(tmp_path, use_cache=False))
    assert result.synthesized > 0
    assert not (tmp_path / "cache").exists() and not (result.folder / ".ficaudio-cache").exists()


# ------------------------------------------------------------------ the words check
def test_words_check_counts_match_and_a_dropped_segment_is_detected(tmp_path):
    story, config = setup(tmp_path)
    script = build_script(story, config)
    plan = speech.plan(script, config)
    assert all(check.problems() == [] for check in words_check(script, plan))
    chapter = plan.chapters[1]
    victim = next(i for i, item in enumerate(chapter.items) if isinstance(item, Utterance) and item.line >= 0)
    dropped = dataclasses.replace(chapter, items=chapter.items[:victim] + chapter.items[victim + 1 :])
    broken = dataclasses.replace(plan, chapters=(plan.chapters[0], dropped, plan.chapters[2]))
    checks = words_check(script, broken)
    line = chapter.items[victim].line
    assert checks[0].problems() == [] and checks[2].problems() == []
    assert checks[1].dropped_lines == (line,)
    assert f"script line {line} has words but none reach the engine" in checks[1].problems()


@pytest.mark.parametrize(("text", "count"), [("", 0), ("— … ***", 0), ("Don't go, 3 times!", 5), ("Kakashi-sensei", 2), ("Zoë said: ¿qué?", 3)])
def test_count_words(text, count):
    assert count_words(text) == count


def test_printable_titles():
    assert printable_title("../a\x00b\n\tc") == "../a b c" and printable_title(None) is None


# ------------------------------------------------------------------ progress
def test_plain_log_has_one_line_per_chapter(tmp_path):
    story, config = setup(tmp_path)
    stream = io.StringIO()
    render_story(story, config, options(tmp_path), PlainReporter(stream))
    lines = [line for line in stream.getvalue().splitlines() if line.startswith("  chapter ")]
    assert [line.split(":")[0] for line in lines if "chapter 2/3" in line] == ["  chapter 2/3 'the dark'"]
    assert len(lines) == 3 and all("words in the story ->" in line for line in lines)


def test_rich_bars_for_story_and_chapters(tmp_path):
    from rich.console import Console

    story, config = setup(tmp_path)
    reporter = RichReporter()
    reporter.console = Console(file=io.StringIO(), force_terminal=True, width=100)
    render_story(story, config, options(tmp_path), reporter)
    shown = reporter.console.file.getvalue()
    assert "chapter 3/3 'the end'" in shown and reporter.progress is None


# ------------------------------------------------------------------ cache hygiene
def test_sweep_removes_only_old_temp_files(tmp_path):
    cache = ClipCache(tmp_path)
    (tmp_path / "ab").mkdir()
    old, fresh = tmp_path / "ab" / ".tmp-old", tmp_path / "ab" / ".tmp-fresh"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert cache.sweep_temp_files() == 1 and not old.exists() and fresh.exists()


@pytest.mark.parametrize("module", ["pipeline", "render", "files", "progress", "cache", "parse", "engines.espeak_lib"])
def test_docstring_examples(module):
    import doctest
    import importlib

    assert doctest.testmod(importlib.import_module(f"ficaudio.{module}")).failed == 0


def test_an_epub_cover_reaches_the_book_tags_and_the_feed_folder(tmp_path):
    from mutagen.id3 import ID3

    _, config = setup(tmp_path)
    epub = Path(__file__).parent / "fixtures" / "fanficfare.epub"
    book = render_story(epub, config, options(tmp_path))
    covers = list(book.folder.glob("cover.*"))
    assert len(covers) == 1
    assert ID3(book.book_path).getall("APIC")[0].data == covers[0].read_bytes()
    assert f'"cover": "{covers[0].name}"' in (book.folder / "book.json").read_text("utf-8")


def test_rendering_several_stories_writes_a_library_feed(tmp_path):
    from ficaudio.pipeline import render_stories

    story, config = setup(tmp_path)
    other = tmp_path / "second.txt"
    other.write_text(STORY.replace("lantern", "candle"), encoding="utf-8")
    books = list(render_stories([story, other], config, options(tmp_path)))
    assert len({b.folder for b in books}) == 2
    assert (tmp_path / "out" / "feed.xml").is_file()


def test_a_windows_1252_story_is_read_with_a_note(tmp_path):
    _, config = setup(tmp_path)
    path = tmp_path / "old-ffn-save.txt"
    path.write_bytes(b"\x93Hello,\x94 she said. It\x92s fine.\n")
    log = io.StringIO()
    script = build_script(path, config, reporter=PlainReporter(log))
    assert log.getvalue() == f"note: {path} is not UTF-8 or UTF-16; read it as Windows-1252\n"
    assert [line.segment.text for line in script.lines][0] == "\u201cHello,\u201d"


def test_a_render_reads_the_manifest_once_under_the_lock(tmp_path, monkeypatch):
    from contextlib import contextmanager

    from ficaudio import bookfolder

    story, config = setup(tmp_path)
    read, read_state, locked = bookfolder._read_json, bookfolder.read_state, bookfolder.locked
    reads, holding, states_read_holding = [], [False], []

    @contextmanager
    def watched_lock(folder):
        with locked(folder):
            holding[0] = True
            yield
            holding[0] = False

    monkeypatch.setattr(bookfolder, "_read_json", lambda path: (reads.append(path.name), read(path))[1])
    monkeypatch.setattr(bookfolder, "locked", watched_lock)
    monkeypatch.setattr(bookfolder, "read_state", lambda folder: (states_read_holding.append(holding[0]), read_state(folder))[1])
    first = render_story(story, config, options(tmp_path))
    assert reads.count(MANIFEST) == 1 and states_read_holding == [True]
    story.write_text(STORY.replace("slowly", "at last"), encoding="utf-8")
    reads.clear()
    again = render_story(story, config, options(tmp_path))
    assert reads.count(MANIFEST) == 2  # the unchanged-book check, then the render's own read
    assert mp3_bytes(again.folder).keys() == mp3_bytes(first.folder).keys()
    reads.clear()
    assert render_story(story, config, options(tmp_path)).synthesized == 0 and reads.count(MANIFEST) == 1


def test_two_stories_with_one_title_get_two_folders_and_keep_them(tmp_path):
    _, config = setup(tmp_path)
    first, second = tmp_path / "a" / "home.txt", tmp_path / "b" / "home.txt"
    for path, words in ((first, "Mira sang."), (second, "Tomas slept.")):
        path.parent.mkdir()
        path.write_text(f"Home\n\nChapter 1: one\n\n{words}\n\nChapter 2: two\n\nThe end.\n", encoding="utf-8")
    one = render_story(first, config, options(tmp_path))
    two = render_story(second, config, options(tmp_path))
    again = render_story(first, config, options(tmp_path, jobs=1))
    assert one.folder != two.folder and again.folder == one.folder
    assert (one.folder.name, two.folder.name) == ("home", "home-2")


def test_chapter_cues_live_on_disk_not_in_the_manifest_and_old_manifests_are_read(tmp_path):
    from ficaudio import bookfolder
    from ficaudio.models import ChapterAudio, ChapterPlan, Cue

    mp3 = tmp_path / "01-rain.mp3"
    mp3.write_bytes(b"x" * 10)
    cue = Cue(0, 900, "Mira", "Rain.")
    light = bookfolder.keep_cues(tmp_path, ChapterAudio(1, "rain", str(mp3), 22050, 22050, (cue,)))
    assert light.cues == () and bookfolder.load_cues(tmp_path, light) == (cue,)
    bookfolder.journal(tmp_path, light, "k")
    assert "cues" not in bookfolder.read_state(tmp_path).chapters["01-rain.mp3"]
    (tmp_path / bookfolder.CUES / "01-rain.mp3.json").unlink()
    entry = {"key": "k", "bytes": 10, "samples": 22050, "cues": [{"start_ms": 0, "end_ms": 900, "speaker": "Mira", "text": "Rain."}]}
    plan = ChapterPlan(1, "rain", ())
    assert bookfolder.reusable_chapter(entry, "k", mp3, plan, 22050) == light  # an entry from before: its cues moved out
    assert bookfolder.load_cues(tmp_path, light) == (cue,)
    (tmp_path / bookfolder.CUES / "01-rain.mp3.json").unlink()
    without_cues = {k: v for k, v in entry.items() if k != "cues"}
    assert bookfolder.reusable_chapter(without_cues, "k", mp3, plan, 22050) is None  # cues lost: render the chapter again


def test_a_bad_cache_cap_stops_the_render_before_the_story_is_read(tmp_path, monkeypatch):
    from ficaudio import pipeline
    from ficaudio.errors import OutputError

    story, config = setup(tmp_path)
    monkeypatch.setenv("FICAUDIO_CACHE_MAX_GB", "lots")
    monkeypatch.setattr(pipeline.parse, "story_parts", lambda *a, **k: pytest.fail("the story was read before the setting was checked"))
    with pytest.raises(OutputError, match="FICAUDIO_CACHE_MAX_GB"):
        render_story(story, config, options(tmp_path))
    assert not (tmp_path / "out").exists()


def test_the_folder_state_holds_the_chapters_just_written_after_write_manifest(tmp_path):
    from ficaudio import bookfolder
    from ficaudio.models import ChapterAudio

    old, new = tmp_path / "01-rain.mp3", tmp_path / "01-sun.mp3"
    for mp3 in (old, new):
        mp3.write_bytes(b"x" * 10)
    bookfolder.journal(tmp_path, ChapterAudio(1, "rain", str(old), 22050, 22050, ()), "k")
    state = bookfolder.read_state(tmp_path)
    bookfolder.write_manifest(tmp_path, state, [ChapterAudio(1, "sun", str(new), 22050, 22050, ())], ["k2"], {"file": "b.mp3"})
    assert state.chapters == state.manifest["chapters"] == bookfolder.read_state(tmp_path).chapters
    assert list(state.chapters) == ["01-sun.mp3"]
