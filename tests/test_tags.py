"""Tests for ficaudio.tags: ID3 v2.3 text frames, CTOC/CHAP, byte order of frames in the file."""

from __future__ import annotations

import doctest
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags

from ficaudio import tags
from ficaudio.errors import OutputError
from ficaudio.stitch import encode_mp3, ffmpeg_exe, mp3_sample_count, silence
from ficaudio.tags import read_chapters, tag_book, tag_chapter_file

RATE_HZ = 22050
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture(scope="module")
def master_mp3(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tags") / "master.mp3"
    encode_mp3([silence(2000, RATE_HZ)], path, sample_rate_hz=RATE_HZ)
    return path


@pytest.fixture
def mp3(master_mp3, tmp_path) -> Path:
    path = tmp_path / "book.mp3"
    shutil.copyfile(master_mp3, path)
    return path


def raw_frames(path: Path) -> list[tuple[str, str]]:
    """(frame id, CHAP/CTOC element id or '') of each top-level ID3 v2.3 frame, in file order."""
    data = path.read_bytes()
    assert data[:3] == b"ID3" and data[3] == 3, "expected an ID3 v2.3 tag"
    size = sum((data[6 + i] & 0x7F) << (7 * (3 - i)) for i in range(4))  # synchsafe
    at, end, frames = 10, 10 + size, []
    while at + 10 <= end and data[at : at + 4] != b"\0\0\0\0":
        frame_id = data[at : at + 4].decode("ascii")
        frame_size = int.from_bytes(data[at + 4 : at + 8], "big")  # v2.3: plain 32-bit
        body = data[at + 10 : at + 10 + frame_size]
        element = body.split(b"\0", 1)[0].decode("latin-1") if frame_id in ("CHAP", "CTOC") else ""
        frames.append((frame_id, element))
        at += 10 + frame_size
    return frames


def ffmpeg_chapters(path: Path) -> list[tuple[str, float, float]]:
    """(title, start s, end s) per chapter as ``ffmpeg -i`` prints them on stderr."""
    err = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True).stderr
    found = re.findall(r"Chapter #\d+:\d+: start ([\d.]+), end ([\d.]+)\n\s+Metadata:\n\s+title\s+: (.*)\n", err)
    return [(title, float(start), float(end)) for start, end, title in found]


def book_chapters(count: int, step_ms: int = 10) -> list[tuple[str, int, int]]:
    return [(f"Chapter {n + 1}", n * step_ms, (n + 1) * step_ms) for n in range(count)]


def test_docstring_examples():
    assert doctest.testmod(tags).failed == 0


# ------------------------------------------------------------------ chapter files
def test_chapter_file_text_frames(mp3):
    tag_chapter_file(mp3, title="Chapter 3: the mission", album="A Book", author="Someone", track=3, total=12)
    tag = ID3(mp3)
    assert tag.version == (2, 3, 0)
    got = {key: str(tag[key]) for key in ("TIT2", "TALB", "TPE1", "TRCK", "TCON")}
    assert got == {"TIT2": "Chapter 3: the mission", "TALB": "A Book", "TPE1": "Someone",
                   "TRCK": "3/12", "TCON": "Audiobook"}  # fmt: skip


def test_chapter_file_without_author_and_retagging_replaces(mp3):
    tag_chapter_file(mp3, title="old", album="A", author="X", track=1, total=1)
    tag_chapter_file(mp3, title="新しい", album="A", author=None, track=1, total=1)
    tag = ID3(mp3)
    assert tag.getall("TIT2")[0].text == ["新しい"] and not tag.getall("TPE1")


def test_tagging_keeps_the_audio(mp3):
    before = mp3_sample_count(mp3)
    tag_chapter_file(mp3, title="t", album="a", author=None, track=1, total=2)
    tag_book(mp3, title="b", author=None, summary=None, chapters=book_chapters(3), cover=PNG)
    assert mp3_sample_count(mp3) == before


@pytest.mark.parametrize(("track", "total"), [(0, 3), (4, 3)])
def test_chapter_file_track_out_of_range(mp3, track, total):
    with pytest.raises(OutputError, match=f"track {track} of {total} is out of range"):
        tag_chapter_file(mp3, title="t", album="a", author=None, track=track, total=total)


def test_tagging_a_missing_file_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="no such file"):
        tag_chapter_file(tmp_path / "nope.mp3", title="t", album="a", author=None, track=1, total=1)


# --------------------------------------------------------------------------- book
def test_book_frames_and_ctoc(mp3):
    chapters = [("Prologue", 0, 500), ("Chapter 1", 500, 1200), ("Épilogue — fin", 1200, 2000)]
    tag_book(mp3, title="The Book", author="Author", summary="What happens.", chapters=chapters, cover=PNG)
    tag = ID3(mp3)
    assert tag.version == (2, 3, 0)
    assert [str(tag[k]) for k in ("TIT2", "TPE1", "TALB", "TCON")] == ["The Book", "Author", "The Book", "Audiobook"]
    assert tag.getall("COMM")[0].text == ["What happens."]
    assert tag.getall("APIC")[0].mime == "image/png" and tag.getall("APIC")[0].data == PNG
    (ctoc,) = tag.getall("CTOC")
    assert ctoc.flags == CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED == 0x03
    assert ctoc.child_element_ids == ["chp0", "chp1", "chp2"]
    assert str(ctoc.sub_frames["TIT2"]) == "The Book"
    assert read_chapters(mp3) == chapters


def test_frames_are_written_in_chronological_order(mp3):
    # Longest title first: mutagen's default (size-sorted) order would move chp0 last.
    chapters = [("A very long first chapter title, much longer than the rest", 0, 700),
                ("Two", 700, 1400), ("Three, medium", 1400, 2000)]  # fmt: skip
    tag_book(mp3, title="B", author="A", summary="S", chapters=chapters, cover=PNG)
    assert raw_frames(mp3) == [("TIT2", ""), ("TPE1", ""), ("TALB", ""), ("TCON", ""), ("COMM", ""),
                               ("CTOC", "toc"), ("CHAP", "chp0"), ("CHAP", "chp1"), ("CHAP", "chp2"),
                               ("APIC", "")]  # fmt: skip


def test_plain_mutagen_would_reorder_these_frames(mp3):
    """Guards the test above: the order it checks is not what mutagen does by itself."""
    tag_book(mp3, title="B", author="A", summary=None, chapters=[("A long first title", 0, 5), ("B", 5, 9)])
    plain = ID3(mp3)
    plain.save(mp3, v2_version=3)
    assert [e for f, e in raw_frames(mp3) if f == "CHAP"] == ["chp1", "chp0"]


def test_ffmpeg_lists_chapters_in_order_with_titles_and_times(mp3):
    chapters = [("The longest title of them all, by far", 0, 400), ("B", 400, 1500), ("C c", 1500, 2000)]
    tag_book(mp3, title="B", author=None, summary=None, chapters=chapters)
    assert ffmpeg_chapters(mp3) == [(t, s / 1000, e / 1000) for t, s, e in chapters]


def test_long_chapter_titles_are_cut_in_chap_and_kept_in_tit3(mp3):
    long_title = "Chapter 7: " + "and then they walked on " * 10
    tag_book(mp3, title="B", author=None, summary=None, chapters=[(long_title, 0, 2000)])
    (chap,) = ID3(mp3).getall("CHAP")
    short = str(chap.sub_frames["TIT2"])
    assert len(short) <= tags.MAX_CHAP_TITLE_CHARS and short.endswith("...")
    assert long_title.startswith(short[:-3]) and str(chap.sub_frames["TIT3"]) == long_title


def test_no_chapters_writes_no_ctoc(mp3):
    tag_book(mp3, title="B", author=None, summary=None, chapters=[])
    assert not ID3(mp3).getall("CTOC") and read_chapters(mp3) == []


@pytest.mark.parametrize(
    "chapters",
    [[("a", 0, 10), ("b", 5, 4)], [("a", 10, 20), ("b", 0, 10)], [("a", -1, 10)], [("a", 0, 2**32)]],
)
def test_chapters_out_of_order_or_range_are_refused(mp3, chapters):
    with pytest.raises(OutputError, match="not in order"):
        tag_book(mp3, title="B", author=None, summary=None, chapters=chapters)


def test_cover_must_be_jpeg_or_png(mp3):
    with pytest.raises(OutputError, match="neither JPEG nor PNG"):
        tag_book(mp3, title="B", author=None, summary=None, chapters=[], cover=b"GIF89a...")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    titles=st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60),
                    min_size=1, max_size=8),  # fmt: skip
    lengths_ms=st.lists(st.integers(0, 10**6), min_size=8, max_size=8),
)
def test_write_then_read_chapters_round_trips(mp3, titles, lengths_ms):
    starts = [sum(lengths_ms[:i]) for i in range(len(titles) + 1)]
    chapters = [(t, starts[i], starts[i + 1]) for i, t in enumerate(titles)]
    tag_book(mp3, title="B", author=None, summary=None, chapters=chapters)
    assert read_chapters(mp3) == chapters


# -------------------------------------------------------------------- > 255 chapters
@pytest.mark.parametrize(("count", "ctoc_count"), [(255, 1), (256, 3), (600, 4)])
def test_many_chapters_nest_ctocs_of_at_most_255(mp3, count, ctoc_count):
    chapters = book_chapters(count)
    tag_book(mp3, title="Long", author=None, summary=None, chapters=chapters)
    tag = ID3(mp3)
    ctocs = {f.element_id: f for f in tag.getall("CTOC")}
    assert len(ctocs) == ctoc_count
    assert all(len(f.child_element_ids) <= 255 and "TIT2" in f.sub_frames for f in ctocs.values())
    tops = [f for f in ctocs.values() if f.flags & CTOCFlags.TOP_LEVEL]
    assert len(tops) == 1 and tops[0].flags == 0x03
    assert read_chapters(mp3) == chapters
    frame_order = raw_frames(mp3)
    assert [e for f, e in frame_order if f == "CHAP"] == [f"chp{n}" for n in range(count)]
    assert max(i for i, (f, _) in enumerate(frame_order) if f == "CTOC") < frame_order.index(("CHAP", "chp0"))


def test_ffmpeg_lists_300_chapters_in_order(mp3):
    # Title lengths that go up and down, so any size-sorted order would show.
    chapters = [(t + " x" * (n * 7 % 5), s, e) for n, (t, s, e) in enumerate(book_chapters(300, step_ms=6))]
    tag_book(mp3, title="Long", author=None, summary=None, chapters=chapters)
    assert [title for title, _, _ in ffmpeg_chapters(mp3)] == [t for t, _, _ in chapters]


def test_more_chapters_than_nested_ctocs_hold_is_refused(mp3):
    too_many = [("c", n, n + 1) for n in range(tags.MAX_CHAPTERS + 1)]
    with pytest.raises(OutputError, match="at most 65025"):
        tag_book(mp3, title="B", author=None, summary=None, chapters=too_many)


# --------------------------------------------------------------------------- read
def test_read_chapters_without_tag_or_ctoc(mp3):
    assert read_chapters(mp3) == []
    tag = ID3()
    tag.add(CHAP(element_id="b", start_time=10, end_time=20, sub_frames=[TIT2(text=["second"])]))
    tag.add(CHAP(element_id="a", start_time=0, end_time=10, sub_frames=[TIT2(text=["first"])]))
    tag.save(mp3, v2_version=3)
    assert read_chapters(mp3) == [("first", 0, 10), ("second", 10, 20)]


@pytest.mark.parametrize(
    ("children", "message"), [(["ghost"], "missing element 'ghost'"), (["toc"], "contains itself")]
)
def test_read_chapters_refuses_broken_tables(mp3, children, message):
    tag = ID3()
    tag.add(CTOC(element_id="toc", flags=3, child_element_ids=children, sub_frames=[]))
    tag.save(mp3, v2_version=3)
    with pytest.raises(OutputError, match=message):
        read_chapters(mp3)


def test_joined_book_chapter_marks_end_to_end(tmp_path):
    from ficaudio.stitch import join_book

    parts = []
    for n, duration_ms in enumerate([700, 1300, 450]):
        parts.append(tmp_path / f"ch{n}.mp3")
        encode_mp3([silence(duration_ms, RATE_HZ)], parts[-1], sample_rate_hz=RATE_HZ)
        tag_chapter_file(parts[-1], title=f"Part {n}", album="B", author=None, track=n + 1, total=3)
    joined = join_book(parts, tmp_path / "book.mp3")
    chapters = [(f"Part {n}", s, e) for n, (s, e) in enumerate(joined.spans_ms())]
    tag_book(tmp_path / "book.mp3", title="B", author=None, summary=None, chapters=chapters)
    assert read_chapters(tmp_path / "book.mp3") == chapters
    assert [start for _, start, _ in ffmpeg_chapters(tmp_path / "book.mp3")] == [s / 1000 for _, s, _ in chapters]
    assert mp3_sample_count(tmp_path / "book.mp3") == joined.sample_count
