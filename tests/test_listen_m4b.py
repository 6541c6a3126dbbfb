"""M4B: AAC with chapters and cover that ffmpeg and mutagen read back."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from mutagen.mp4 import MP4

from ficaudio.errors import ConfigError, OutputError
from ficaudio.listen import load_book, publish
from ficaudio.listen.m4b import ffmetadata, write_m4b
from ficaudio.listen.sample import write_sample_book
from ficaudio.stitch import ffmpeg_exe


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, list[Path]]:
    folder = write_sample_book(tmp_path_factory.mktemp("m4b") / "the-lantern-test",
                               chapter_titles=("the lantern", "the ledger; = #2", "the tide"))  # fmt: skip
    return folder, publish(folder, formats=("mp3", "m4b"))


def test_publish_writes_the_m4b_and_links_it(published):
    folder, written = published
    assert folder / "the-lantern-test.m4b" in written
    assert 'href="the-lantern-test.m4b"' in (folder / "index.html").read_text()
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # temp files cleaned up


def test_mutagen_reads_chapters_tags_and_cover(published):
    folder, _ = published
    m4b = MP4(folder / "the-lantern-test.m4b")
    assert [(c.start, c.title) for c in m4b.chapters] == [(0.0, "the lantern"), (3.0, "the ledger; = #2"), (6.0, "the tide")]
    assert m4b.tags["\xa9nam"] == ["The Lantern Test"]
    assert m4b.tags["\xa9ART"] == ["A. Tester"]
    assert m4b.tags["covr"][0].startswith(b"\x89PNG")
    assert m4b.info.codec.startswith("mp4a")
    assert m4b.info.length == pytest.approx(9.0, abs=0.1)


def test_ffmpeg_lists_the_chapters(published):
    folder, _ = published
    probe = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(folder / "the-lantern-test.m4b")],
                           capture_output=True, text=True, timeout=30)  # fmt: skip
    starts = re.findall(r"Chapter #0:\d+: start ([\d.]+), end ([\d.]+)", probe.stderr)
    assert [(float(a), float(b)) for a, b in starts] == [(0.0, 3.0), (3.0, 6.0), (6.0, 9.0)]
    assert "major_brand     : M4B" in probe.stderr


def test_ffmetadata_escapes_special_characters(published):
    text = ffmetadata(load_book(published[0]))
    assert "title=the ledger\\; \\= \\#2" in text
    assert text.startswith(";FFMETADATA1\n")


def test_unknown_format_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ConfigError) as caught:
        publish(tmp_path, formats=("mp3,ogg",))
    assert str(caught.value) == "unknown audio format 'ogg'\n  hint: use one or more of: mp3, m4b"
    assert list(tmp_path.iterdir()) == []


def test_ffmpeg_failure_is_an_output_error(published, tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(published[0], folder)
    book = load_book(folder)
    (folder / book.audio.file).write_bytes(b"\0" * book.audio.bytes)  # not audio any more
    with pytest.raises(OutputError, match="ffmpeg could not write the M4B"):
        write_m4b(book)
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # temp files removed
