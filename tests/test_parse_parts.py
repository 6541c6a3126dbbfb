"""ficaudio.parse.parts: a big text file read in parts that cover it exactly once."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ficaudio.models import Story
from ficaudio.parse.parts import Part, plan_parts, read_part

PARAGRAPH = "Mira lifted the lantern and looked at the water for a long while.\n\n"


def chaptered(chapters: int, paragraphs: int) -> str:
    return "The Long Night\n\n" + "".join(f"Chapter {n}: rain {n}\n\n" + PARAGRAPH * paragraphs for n in range(1, chapters + 1))


def parts_of(tmp_path: Path, text: str | bytes, part_bytes: int) -> tuple[bytes, tuple[Part, ...]]:
    path = tmp_path / "big.txt"
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(data)
    return data, plan_parts(path, len(data), part_bytes=part_bytes)


def test_a_file_no_bigger_than_a_part_is_read_whole(tmp_path):
    data, parts = parts_of(tmp_path, chaptered(3, 2), 10_000)
    assert parts == ()


def test_parts_cover_the_file_once_and_cut_at_chapter_headings(tmp_path):
    data, parts = parts_of(tmp_path, chaptered(40, 10), 3_000)
    assert len(parts) > 5 and parts[0].start == 0 and parts[-1].end == len(data)
    assert all(a.end == b.start for a, b in zip(parts, parts[1:]))
    assert [p.number for p in parts] == list(range(1, len(parts) + 1)) and {p.count for p in parts} == {len(parts)}
    assert all(data[p.start :].startswith(b"Chapter ") for p in parts[1:])
    assert all(p.end - p.start <= 3_000 for p in parts[:-1])


def test_without_a_heading_near_a_part_ends_at_a_paragraph_break(tmp_path):
    data, parts = parts_of(tmp_path, chaptered(1, 200), 2_000)
    assert len(parts) > 3
    assert all(data[: p.start].endswith(b"\n\n") and data[p.start :].startswith(b"Mira") for p in parts[1:])


def test_one_enormous_paragraph_is_cut_after_a_space(tmp_path):
    data, parts = parts_of(tmp_path, "word " * 20_000, 10_000)
    assert len(parts) >= 10
    assert all(data[p.start - 1 : p.start] == b" " for p in parts[1:])


def test_utf16_text_is_read_whole(tmp_path):
    data, parts = parts_of(tmp_path, chaptered(40, 10).encode("utf-16"), 3_000)
    assert parts == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab “”é😀 \n\r", min_size=1, max_size=3_000) | st.text(alphabet="aé😀", min_size=1, max_size=3_000), st.integers(50, 800))
def test_parts_decode_to_the_whole_text(tmp_path_factory, text, part_bytes):
    """Lossless: the parts' bytes join into the file, and no cut splits a character."""
    path = tmp_path_factory.mktemp("parts") / "s.txt"
    data = text.encode("utf-8")
    path.write_bytes(data)
    parts = plan_parts(path, len(data), part_bytes=part_bytes) or (Part(1, 1, 0, len(data)),)
    assert b"".join(data[p.start : p.end] for p in parts) == data
    assert "".join(data[p.start : p.end].decode("utf-8") for p in parts) == text


def test_later_parts_number_their_chapters_on_and_keep_the_first_parts_title(tmp_path):
    data, parts = parts_of(tmp_path, chaptered(40, 10), 3_000)
    path = tmp_path / "big.txt"
    first = read_part(path, parts[0], None)
    second = read_part(path, parts[1], first, chapters_before=first.chapters[-1].index)
    assert first.title == "The Long Night" and second.title == "The Long Night"
    assert second.chapters[0].index == first.chapters[-1].index + 1
    assert second.chapters[0].title == f"rain {second.chapters[0].index}"
    assert [c.index for c in second.chapters] == list(range(second.chapters[0].index, second.chapters[-1].index + 1))


def test_a_later_part_of_an_ao3_page_copy_starts_inside_the_story_text(tmp_path):
    first = Story(text="", title="Salt Road", author="Ana", source_path="x.txt", chapters=(), format="ao3-text")
    path = tmp_path / "part.txt"
    path.write_bytes(b"The tide came in over the flats.\n\nChapter 9: rain\n\nChapter Text\n\nShe ran.\n")
    story = read_part(path, Part(2, 2, 0, path.stat().st_size), first, chapters_before=7)
    assert [(c.index, c.title) for c in story.chapters] == [(8, None), (9, "rain")]
    assert story.text[story.chapters[0].blocks[0].start : story.chapters[0].blocks[0].end] == "The tide came in over the flats."
