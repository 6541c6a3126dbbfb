"""Bad inputs through the real CLI: the exact message, the exit code, and no output file
under a final name. Inputs are built here by hand; the silent engine keeps it fast."""

from __future__ import annotations

import ast
import codecs
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from mutagen.id3 import ID3
from typer.testing import CliRunner

from ficaudio.cli import app

SRC = Path(__file__).resolve().parent.parent / "src" / "ficaudio"

SILENT_VOICES = (
    "engine: silent\nnarrator: {voice: silent-low}\n"
    "pools:\n  female: [silent-high]\n  male: [silent-mid]\n  unknown: [silent-mid]\n"
)
STORY = 'Chapter 1: the lantern\n\nMira lifted the lantern. "Does it work?" she asked.\n\n"Only one way to find out," said Tomas.\n'


@pytest.fixture
def voices(tmp_path) -> Path:
    path = tmp_path / "voices.yaml"
    path.write_text(SILENT_VOICES, encoding="utf-8")
    return path


def cli(*args) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def render(story: Path, voices: Path, out: Path, *extra) -> tuple[int, str]:
    return cli("render", story, "--voices", voices, "--out", out, "--jobs", "2", *extra)


def visible_files(root: Path) -> list[Path]:
    """Files under final names: nothing hidden (state, temp files) on the way down."""
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def script_rows(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "script.jsonl").read_text("utf-8").splitlines()]


def warm_cache_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "FICAUDIO_CACHE_DIR": str(tmp_path / "cache")}


def run_cli(args, env=None, **kw) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "ficaudio.cli", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env or dict(os.environ), **kw)


# ------------------------------------------------------------------ refused inputs
def test_missing_path(tmp_path, voices):
    missing = tmp_path / "nope.txt"
    assert render(missing, voices, tmp_path / "out") == (1, f"error: no such file or folder: {missing}\n")
    assert not (tmp_path / "out").exists()


def test_folder_without_stories(tmp_path, voices):
    folder = tmp_path / "pics"
    folder.mkdir()
    (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff")
    code, out = render(folder, voices, tmp_path / "out")
    assert (code, out) == (1, f"error: no stories in folder {folder} (looked for .txt, .html, .htm, .epub)\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content", ["", "  \n\n\t \n", "\u00a0\n\u3000\n"], ids=["empty", "blank", "unicode-spaces"])
def test_empty_or_whitespace_only(tmp_path, voices, content):
    story = tmp_path / "story.txt"
    story.write_text(content, encoding="utf-8")
    assert render(story, voices, tmp_path / "out") == (1, f"error: {story} is empty: no story text to read\n")
    assert visible_files(tmp_path / "out") == []


@pytest.mark.parametrize(
    "data",
    [b"ID3\x03\x00\x00\x00\x00\x00\x0a" + bytes(10) + b"\xff\xf3\x80\xc4" + bytes(300), b"\xff\xf3\x80\xc4" + bytes(300), b"\x89PNG\r\n\x1a\nIHDR"],
    ids=["mp3-with-tag", "mp3-frames", "png"],
)
def test_binary_file_given_as_a_story(tmp_path, voices, data):
    story = tmp_path / "chapter1.txt"
    story.write_bytes(data)
    code, out = render(story, voices, tmp_path / "out")
    assert (code, out) == (1, f"error: {story} is not a text story (it looks like binary data)\n")
    assert visible_files(tmp_path / "out") == []


def test_a_50_mb_text_file_is_read_a_part_at_a_time(tmp_path, voices, monkeypatch):
    import shutil
    from collections import namedtuple

    monkeypatch.setattr(shutil, "disk_usage", lambda path: namedtuple("usage", "total used free")(10**13, 0, 10**13))
    story = tmp_path / "huge.txt"
    with open(story, "wb") as handle:  # sparse: costs no disk; binary once read
        handle.truncate(50_000_000)
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code, out = render(story, voices, tmp_path / "out")
    assert (code, out) == (1, f"error: {story} is not a text story (it looks like binary data)\n")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_kb < 40_000  # one 2 MB part read, not 50 MB
    assert visible_files(tmp_path / "out") == []


def test_a_50_mb_html_file_is_refused_before_it_is_read(tmp_path, voices):
    story = tmp_path / "huge.html"
    with open(story, "wb") as handle:
        handle.truncate(50_000_000)
    before_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code, out = render(story, voices, tmp_path / "out")
    assert (code, out) == (1, f"error: {story} is 50.0 MB, more than the 20 MB a story file may be\n"
                              "  hint: split it into parts (one file per volume or arc) and render each\n")  # fmt: skip
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before_kb < 20_000  # never read into memory
    assert visible_files(tmp_path / "out") == []


def big_story(chapters: int) -> str:
    scene = 'Mira lifted the lantern. "Does it work?" she asked.\n\n"Only one way to find out," said Tomas.\n\nThe wick caught.\n\n'
    return "The Long Night\n\n" + "".join(f"Chapter {n}: night {n}\n\n" + scene * 3 for n in range(1, chapters + 1))


def test_a_big_text_file_renders_in_parts_as_it_would_whole(tmp_path, voices, monkeypatch):
    """Files over PART_BYTES are prepared and rendered a part at a time (memory bounded by the
    part, not the file: bench/bigfile.py measures it at 50 MB); here parts are made small."""
    story = tmp_path / "long.txt"
    story.write_text(big_story(12), encoding="utf-8")
    assert render(story, voices, tmp_path / "whole")[0] == 0
    monkeypatch.setattr("ficaudio.parse.parts.PART_BYTES", 1_500)
    code, out = render(story, voices, tmp_path / "parts")
    assert code == 0 and "prepared part 1 of 3: chapters up to 4\n" in out and "prepared part 3 of 3: chapters up to 12\n" in out
    whole, parts = tmp_path / "whole" / "the-long-night", tmp_path / "parts" / "the-long-night"
    keep = ("chapter", "kind", "start", "end", "text", "spoken")  # speakers: each part is attributed on its own
    assert [{k: r[k] for k in keep} for r in script_rows(parts)] == [{k: r[k] for k in keep} for r in script_rows(whole)]
    book = lambda folder: json.loads((folder / "book.json").read_text("utf-8"))  # noqa: E731
    assert [c["title"] for c in book(parts)["chapters"]] == [c["title"] for c in book(whole)["chapters"]] == [f"night {n}" for n in range(1, 13)]
    assert book(parts)["book"]["duration_ms"] == book(whole)["book"]["duration_ms"]
    assert [p.name for p in visible_files(parts)] == [p.name for p in visible_files(whole)]
    assert not (parts / ".ficaudio-parts").exists()


def test_a_chapter_cut_between_parts_goes_on_as_its_continuation(tmp_path, voices, monkeypatch):
    story = tmp_path / "one.txt"
    story.write_text(big_story(1) + "The wick caught again.\n\n" * 120, encoding="utf-8")
    monkeypatch.setattr("ficaudio.parse.parts.PART_BYTES", 1_500)
    code, out = render(story, voices, tmp_path / "out")
    assert code == 0, out
    chapters = json.loads((tmp_path / "out" / "the-long-night" / "book.json").read_text("utf-8"))["chapters"]
    assert [c["title"] for c in chapters] == ["night 1"] + ["night 1 (continued)"] * (len(chapters) - 1) and len(chapters) > 1
    spoken = [r["text"] for r in script_rows(tmp_path / "out" / "the-long-night") if r["spoken"]]
    assert spoken.count("Chapter 1: night 1") == 1 and "Chapter 2" not in " ".join(spoken)


def test_malformed_voices_yaml_says_file_line_column(tmp_path):
    bad = tmp_path / "voices.yaml"
    bad.write_text("narrator:\n  voice: en-us\n  rate: [fast\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out = render(story, bad, tmp_path / "out")
    assert code == 1
    assert out == (f"error: {bad}:4:1: malformed YAML: expected ',' or ']', but got '<stream end>'\n"
                   "  hint: check indentation, colons and brackets on that line\n")  # fmt: skip
    assert not (tmp_path / "out").exists()


def test_yaml_is_loaded_safely(tmp_path):
    marker = tmp_path / "pwned"
    evil = tmp_path / "voices.yaml"
    evil.write_text(f'engine: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out = render(story, evil, tmp_path / "out")
    assert code == 1 and out.startswith(f"error: {evil}:1:1: ")
    assert not marker.exists()


def test_unknown_voice_id(tmp_path):
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: silent\nnarrator:\n  voice: silent-lowe\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out = render(story, voices, tmp_path / "out")
    assert (code, out) == (1, f"error: {voices}:3:10: unknown voice 'silent-lowe'\n  hint: did you mean 'silent-low', 'silent-mid', 'silent-high'?\n")
    assert not (tmp_path / "out").exists()  # refused before any output


def test_espeak_unavailable_says_what_to_install(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    voices = tmp_path / "voices.yaml"
    voices.write_text("engine: espeak\n", encoding="utf-8")
    env = {**os.environ, "FICAUDIO_ESPEAK_LIBRARY": str(tmp_path / "nowhere" / "libespeak-ng.so.1")}
    result = run_cli(["render", story, "--voices", voices, "--out", tmp_path / "out"], env=env)
    assert result.returncode == 1
    assert result.stderr == (
        f"error: espeak-ng library {tmp_path / 'nowhere' / 'libespeak-ng.so.1'} (set by FICAUDIO_ESPEAK_LIBRARY) does not exist\n"
        "  hint: unset FICAUDIO_ESPEAK_LIBRARY, or install it with `pip install espeakng-loader` or the system package `espeak-ng`\n"
    )
    assert not (tmp_path / "out").exists()


def test_output_folder_not_writable(tmp_path, voices):
    # Tests may run as root, whom chmod does not stop: a regular FILE in the path stops anyone.
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out = render(story, voices, blocker / "out")
    assert (code, out) == (1, f"error: cannot create output folder {blocker / 'out' / 's'}: Not a directory\n"
                              "  hint: choose another --out folder\n")  # fmt: skip


def test_disk_full_during_encoding(tmp_path, voices):
    """RLIMIT_FSIZE stands in for a full disk: writes past it fail (ffmpeg: SIGXFSZ or EFBIG)."""
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    env = warm_cache_env(tmp_path)
    warm = run_cli(["render", story, "--voices", voices, "--out", tmp_path / "warm", "--quiet"], env=env)
    assert warm.returncode == 0, warm.stderr  # clips cached: only encoding writes big files now

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4000, resource.RLIM_INFINITY))

    out = tmp_path / "out"
    result = run_cli(["render", story, "--voices", voices, "--out", out, "--quiet"], env=env, preexec_fn=limit_file_size)
    dest = out / "s" / "01-the-lantern.mp3"
    assert result.returncode == 1
    assert result.stderr == (f"error: {dest}: chapter 1 (the lantern): the disk is full (or a file size limit was reached) while encoding\n"
                             "  hint: free some space and run again: finished chapters and clips are kept\n")  # fmt: skip
    assert not list(out.rglob("*.mp3")) and not list(out.rglob("*.part"))


# ------------------------------------------------------------------ inputs that work
@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_windows_1252_and_utf16_stories_render(tmp_path, voices, encoding):
    text = "Chapter 1: the café\n\n\u201cIs it open?\u201d asked Zoë. \u201cThe café?\u201d\n"
    story = tmp_path / "story.txt"
    story.write_bytes(text.encode(encoding))
    if encoding == "utf-16":
        assert story.read_bytes()[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    code, out = render(story, voices, tmp_path / "out", "--quiet")
    assert code == 0, out
    rows = script_rows(tmp_path / "out" / "story")
    assert [r["text"] for r in rows if r["kind"] == "dialogue"] == ["\u201cIs it open?\u201d", "\u201cThe café?\u201d"]


def test_story_without_dialogue(tmp_path, voices):
    story = tmp_path / "quiet.txt"
    story.write_text("Chapter 1: alone\n\nThe house was empty. Nobody spoke.\n\nThe rain went on all night.\n", encoding="utf-8")
    code, out = render(story, voices, tmp_path / "out")
    assert code == 0, out
    rows = script_rows(tmp_path / "out" / "quiet")
    assert rows and not [r for r in rows if r["kind"] == "dialogue"]
    assert {r["speaker"] for r in rows if r["spoken"]} == {"Narrator"}
    assert "warning" not in out


def test_one_paragraph_of_100000_characters(tmp_path, voices):
    sentence = 'She ran on and on, "why?" she asked nobody, and the road went on. '
    paragraph = (sentence * (100_000 // len(sentence) + 1))[:100_000].rstrip() + "\n"
    story = tmp_path / "long.txt"
    story.write_text(paragraph, encoding="utf-8")
    code, out = cli("script", story, "--voices", voices)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    story_rows = [r for r in rows if r["kind"] in ("narration", "dialogue", "thought", "heading")]
    assert "".join(r["text"] for r in story_rows) == paragraph.rstrip("\n")  # every character, once, in order


def test_one_long_paragraph_reaches_the_engine_whole(tmp_path):
    from ficaudio import speech
    from ficaudio.config import load_config
    from ficaudio.pipeline import build_script
    from ficaudio.render import words_check

    voices = tmp_path / "voices.yaml"
    voices.write_text(SILENT_VOICES, encoding="utf-8")
    story = tmp_path / "long.txt"
    story.write_text(("The road went on, and on, and she walked it. " * 2300).strip() + "\n", encoding="utf-8")
    config = load_config(voices)
    script = build_script(story, config)
    plan = speech.plan(script, config)
    (check,) = words_check(script, plan)
    assert check.problems() == [] and check.story_words == 2300 * 10
    assert max(len(u.text) for u in speech.utterances(plan)) <= speech.MAX_UTTERANCE_CHARS


def test_unbalanced_quotes_everywhere_render_without_dropping_words(tmp_path, voices):
    story = tmp_path / "mess.txt"
    story.write_text(
        'Chapter 1: quotes\n\n"Wait, she said. He didn\'t.\n\n\u201cNo\u201d \u201d yes \u201c maybe.\n\n'
        "'Single, she said' and then ' alone.\n\n\u00abHalf open. \u201eLow\n\nPlain end.\n",
        encoding="utf-8",
    )
    code, out = render(story, voices, tmp_path / "out")
    assert code == 0, out
    assert "warning" not in out
    assert "chapter 1/1 'quotes'" in out  # the per-chapter log line with the words check


# ------------------------------------------------------------------ hostile names
HOSTILE = (
    "Actions\n\nWork Header\n\n../../../tmp/evil\n\nSummary:\n\nA test.\n\n"
    "Chapter 1: /etc/shadow\n\nChapter Text\n\nIt rained.\n\n"
    "Chapter 2: CON\n\nChapter Text\n\nIt snowed.\n\n"
    f"Chapter 3: {'x' * 500}\n\nChapter Text\n\nHail.\n\n"
    "Chapter 4: a\x07b\x1bc\n\nChapter Text\n\nFog.\n"
)


def test_hostile_titles_become_safe_file_names(tmp_path, voices):
    story = tmp_path / "hostile.txt"
    story.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    code, output = render(story, voices, out, "--quiet")
    assert code == 0, output
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(out in p.parents or p.parent == tmp_path for p in written)  # nothing escaped
    (folder,) = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert folder.name == "tmp-evil"
    mp3s = sorted(p.name for p in folder.glob("*.mp3"))
    assert mp3s[:4] == ["01-etc-shadow.mp3", "02-chapter-2.mp3", f"03-{'x' * 80}.mp3", "04-a-b-c.mp3"]
    assert all(name.isprintable() and len(name) <= 100 for name in os.listdir(folder))


def test_ffmpeg_and_subprocesses_get_argument_lists_never_a_shell():
    offenders = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "shell" and not (isinstance(node.value, ast.Constant) and node.value.value is False):
                offenders.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr in ("system", "popen") and getattr(node.value, "id", "") == "os":
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


# ------------------------------------------------------------------ many chapters
def test_300_chapters_get_nested_chapter_tables(tmp_path):
    voices = tmp_path / "voices.yaml"
    voices.write_text(SILENT_VOICES.replace("narrator: {voice: silent-low}", "narrator: {voice: silent-low, rate: 450}"), encoding="utf-8")
    story = tmp_path / "many.txt"
    story.write_text("".join(f"Chapter {n}: part {n}\n\nGo.\n\n" for n in range(1, 301)), encoding="utf-8")
    code, out = render(story, voices, tmp_path / "out", "--quiet")
    assert code == 0, out
    from ficaudio.tags import read_chapters

    (book,) = [p for p in (tmp_path / "out").glob("*/*.mp3") if not p.name[:3].rstrip("-").isdigit()]
    chapters = read_chapters(book)
    assert [title for title, _, _ in chapters] == [f"part {n}" for n in range(1, 301)]
    assert all(a[2] <= b[1] for a, b in zip(chapters, chapters[1:]))
    tocs = {frame.element_id: frame for frame in ID3(book).getall("CTOC")}
    assert tocs["toc"].child_element_ids == ["toc1", "toc2"]
    assert len(tocs["toc1"].child_element_ids) == 255 and len(tocs["toc2"].child_element_ids) == 45


def test_the_script_of_a_big_file_is_made_a_part_at_a_time_and_reads_as_the_whole(tmp_path, voices, monkeypatch):
    story = tmp_path / "long.txt"
    story.write_text(big_story(12), encoding="utf-8")
    whole = {form: cli("script", story, "--voices", voices, "--format", form) for form in ("jsonl", "text")}
    monkeypatch.setattr("ficaudio.parse.parts.PART_BYTES", 1_500)
    for form, (code, out) in whole.items():
        parted_code, parted = cli("script", story, "--voices", voices, "--format", form)
        assert code == parted_code == 0
        if form == "jsonl":
            keep = ("chapter", "kind", "start", "end", "text")
            rows = lambda out: [{k: json.loads(line)[k] for k in keep} for line in out.splitlines()]  # noqa: E731
            assert rows(parted) == rows(out)
        else:
            numbers = lambda out: [line.split()[:2] for line in out.splitlines()]  # noqa: E731
            assert numbers(parted) == numbers(out)  # one header, rows numbered on across parts


def test_the_clip_cache_stays_under_its_cap_while_a_book_renders(tmp_path, voices, monkeypatch):
    from ficaudio.cache import ClipCache

    story = tmp_path / "long.txt"
    story.write_text(big_story(12), encoding="utf-8")
    monkeypatch.setenv("FICAUDIO_CACHE_DIR", str(tmp_path / "free"))
    assert render(story, voices, tmp_path / "free-out")[0] == 0
    capped = tmp_path / "capped"
    monkeypatch.setenv("FICAUDIO_CACHE_DIR", str(capped))
    monkeypatch.setenv("FICAUDIO_CACHE_MAX_GB", "0.00002")  # 20 kB: a few clips
    seen = []
    monkeypatch.setattr("ficaudio.pipeline._CacheTrimmer.TRIM_EVERY_CHAPTERS", 1)
    original = ClipCache.trim
    monkeypatch.setattr(ClipCache, "trim", lambda self, cap: (seen.append(self.size_bytes()), original(self, cap))[1])
    assert render(story, voices, tmp_path / "capped-out")[0] == 0
    assert len(seen) >= 12 and ClipCache(capped).size_bytes() <= 20_000 < ClipCache(tmp_path / "free").size_bytes()
    book = lambda out: json.loads((out / "the-long-night" / "book.json").read_text("utf-8"))  # noqa: E731
    assert book(tmp_path / "capped-out")["chapters"] == book(tmp_path / "free-out")["chapters"]


def test_commands_that_need_a_story_whole_say_which_ones_read_a_big_text_file_in_parts(tmp_path, voices):
    story = tmp_path / "huge.txt"
    with open(story, "wb") as handle:
        handle.truncate(25_000_000)
    code, out = cli("cast", story, "--voices", voices, "--dry-run")
    assert (code, out) == (1, f"error: {story} is 25.0 MB, more than the 20 MB a story file may be\n"
                              "  hint: `ficaudio render` and `ficaudio script` read a text file this big in parts; this command needs "
                              "it whole: split it into parts (one file per volume or arc)\n")  # fmt: skip


def test_a_text_file_beyond_what_one_audiobook_can_address_is_refused_before_it_is_read(tmp_path, voices):
    story = tmp_path / "enormous.txt"
    with open(story, "wb") as handle:
        handle.truncate(80_000_000)
    code, out = render(story, voices, tmp_path / "out")
    assert (code, out) == (1, f"error: {story} is 80.0 MB, more than the 70 MB a story file may be\n"
                              "  hint: split it into parts (one file per volume or arc) and render each\n")  # fmt: skip


def test_a_big_story_that_will_not_fit_on_the_disk_is_warned_about_before_the_work(tmp_path, voices, monkeypatch):
    import shutil
    from collections import namedtuple

    story = tmp_path / "long.txt"
    story.write_text(big_story(12), encoding="utf-8")
    monkeypatch.setattr("ficaudio.parse.parts.PART_BYTES", 1_500)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(10**9, 10**9, 10_000))
    code, out = render(story, voices, tmp_path / "out")
    assert code == 0 and out.startswith("warning: long.txt will make about 0 hours of audio, ~0 GB of MP3 (chapters and the whole book); ")
    assert "has 0 GB free\n" in out.splitlines(keepends=True)[0]


def test_a_big_story_reports_a_stale_correction_once_and_one_a_later_part_uses_never(tmp_path, voices, monkeypatch):
    story = tmp_path / "long.txt"
    story.write_text(big_story(12), encoding="utf-8")
    fix = tmp_path / "fix.txt"
    fix.write_text('    1  ch12  Mira  pronoun_tag 0.90  “Gone nowhere,”\n   90  ch12  Mira  turn_taking 0.80  "Only one way to find out,"\n', encoding="utf-8")
    monkeypatch.setattr("ficaudio.parse.parts.PART_BYTES", 1_500)
    code, out = render(story, voices, tmp_path / "parts", "--script", fix)
    assert code == 0, out
    assert out.count("no longer matches") == 1 and "Gone nowhere" in out
