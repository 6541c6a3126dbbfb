"""The EPUB reader: AO3 (calibre) EPUBs, FanFicFare EPUBs, generic EPUB 3, and hostile archives.

The EPUB fixtures are built from the unpacked folders in tests/fixtures by
tests/fixtures/build_epubs.py; the first test checks the committed files match their folders.
"""

from __future__ import annotations

import doctest
import importlib.util
import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ficaudio.cli import app
from ficaudio.errors import InputError
from ficaudio.models import AsideKind, BlockKind
from ficaudio.parse import epub, read_story
from story_text import asides, blocks, spans

FIXTURES = Path(__file__).parent / "fixtures"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def load_builder():
    spec = importlib.util.spec_from_file_location("build_epubs", FIXTURES / "build_epubs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_epub(path: Path, files: dict[str, bytes | str], *, opf: str | None = None) -> Path:
    """A minimal EPUB: container -> content.opf -> one chapter, with files added or replaced."""
    chapter = '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hello there.</p></body></html>'
    members: dict[str, bytes | str] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
        ),
        "content.opf": opf
        or (
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tiny</dc:title></metadata>'
            '<manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="c1"/></spine></package>'
        ),
        "c1.xhtml": chapter,
    }
    members.update(files)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():  # mimetype first and stored, as EPUB requires
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return path


# -------------------------------------------------------------------- fixtures
def test_committed_epubs_match_their_folders():
    builder = load_builder()
    folders = builder.fixture_folders()
    assert [f.name for f in folders] == ["ao3-epub", "fanficfare-epub", "generic-epub"]
    for folder in folders:
        committed = FIXTURES / (folder.name.removesuffix("-epub") + ".epub")
        assert committed.read_bytes() == builder.epub_bytes(folder), f"run tests/fixtures/build_epubs.py ({folder.name})"


def test_ao3_epub():
    story = read_story(FIXTURES / "ao3.epub")
    assert (story.format, story.title, story.author, story.fandom, story.cover) == (
        "ao3-epub", "The Lantern Keeper", "ficaudio_tester", "Lanterns of Vey (Web Series)", None
    )
    assert [(c.title, story.text[slice(*c.heading)]) for c in story.chapters] == [
        ("The Last Lantern", "Chapter 1: The Last Lantern"), (None, "Chapter 2"),
    ]
    assert asides(story, AsideKind.SUMMARY, 1) == ["Night falls on the harbour."]
    assert asides(story, AsideKind.END_NOTES, 1) == ["Next chapter soon."]
    assert asides(story, AsideKind.END_NOTES) == ["Thank you for reading!"]
    # calibre moved the italics and centring into stylesheet classes
    assert spans(story, "emphasis") == ["Not tonight. Please, not tonight.", "told", "He'll be on it,", "He has to be."]
    assert spans(story, "set_apart") == ["Tobin: where r u"]
    assert blocks(story, BlockKind.SCENE_BREAK) == ["~*~"]


def test_fanficfare_epub():
    story = read_story(FIXTURES / "fanficfare.epub")
    assert (story.format, story.title, story.author, story.fandom) == (
        "fanficfare-epub", "The Lantern Keeper", "ficaudio_tester", "Lanterns of Vey (Web Series)"
    )
    assert story.summary == "Mira keeps the last lantern lit. Tobin keeps forgetting his keys."
    assert story.cover is not None and story.cover.startswith(PNG_MAGIC)
    assert [c.title for c in story.chapters] == ["The Last Lantern", None]
    assert asides(story, AsideKind.NOTES, 1) == ["Written for a prompt. Thanks to my beta!"]
    assert asides(story, AsideKind.SUMMARY, 1) == ["Night falls on the harbour."]
    assert asides(story, AsideKind.END_NOTES, 1) == ["Next chapter soon."]
    assert asides(story, AsideKind.END_NOTES, 2) == ["Thank you for reading!"]
    assert "Table of Contents" not in story.text
    assert blocks(story, BlockKind.SCENE_BREAK) == ["xXx"]


def test_generic_epub3():
    story = read_story(FIXTURES / "generic.epub")
    assert (story.format, story.title, story.author, story.fandom) == ("epub", "The Salt Road", "Ana Reyes", None)
    assert story.summary == "Two couriers, one road, and a letter neither of them should open."
    assert story.cover is not None and story.cover.startswith(PNG_MAGIC)
    assert [c.title for c in story.chapters] == ["Salt", None]  # the nav document is not a chapter
    assert asides(story, AsideKind.CHROME) == ["The Salt Road by Ana Reyes"]  # the title page
    assert spans(story, "emphasis") == ["Three more days to the coast.", "penance", "for once"]
    assert spans(story, "set_apart") == ["NO FIRES PAST THIS MARKER", "WHERE IS IT"]
    assert blocks(story, BlockKind.SCENE_BREAK) == ["◇ ◇ ◇"]


def test_script_command_reads_every_epub_fixture():
    runner = CliRunner()
    for name in ("ao3.epub", "fanficfare.epub", "generic.epub"):
        result = runner.invoke(app, ["script", str(FIXTURES / name)])
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        kinds = {row["kind"] for row in rows}
        # every fixture has italic thoughts, quoted dialogue and a scene break; a reader that
        # loses its italics or paragraphs would drop one of these
        assert {"thought", "dialogue", "scene_break", "narration"} <= kinds, (name, kinds)


# --------------------------------------------------------------------- hostile
def test_zip_bomb_ratio_is_refused(tmp_path):
    path = make_epub(tmp_path / "bomb.epub", {"c1.xhtml": b"<p>" + b"\0" * (3 * 1024 * 1024) + b"</p>"})
    with pytest.raises(InputError, match=r"c1\.xhtml is compressed [\d,]+ to 1 \(limit 100\): refusing a possible zip bomb"):
        read_story(path)


def test_too_many_members_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(epub, "MAX_MEMBERS", 3)
    path = make_epub(tmp_path / "many.epub", {})
    with pytest.raises(InputError, match=r"has 4 files inside; an EPUB story has far fewer \(limit 3\)"):
        read_story(path)


def test_total_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(epub, "MAX_TOTAL_BYTES", 100)
    with pytest.raises(InputError, match=r"would unpack to [\d,]+ bytes \(limit 100\): refusing a possible zip bomb"):
        read_story(make_epub(tmp_path / "big.epub", {}))


def test_member_read_is_capped_whatever_the_header_says(tmp_path, monkeypatch):
    monkeypatch.setattr(epub, "MAX_MEMBER_BYTES", 50)
    with pytest.raises(InputError, match=r"container\.xml is larger than 50 bytes: refusing a possible zip bomb"):
        read_story(make_epub(tmp_path / "s.epub", {}))


def test_external_entity_in_the_package_is_refused(tmp_path):
    opf = (
        '<?xml version="1.0"?><!DOCTYPE package [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>&xxe;</dc:title></metadata><manifest/><spine/></package>"
    )
    path = make_epub(tmp_path / "xxe.epub", {}, opf=opf)
    with pytest.raises(InputError, match=r"content\.opf declares XML entities or external references, which ficaudio refuses"):
        read_story(path)


def test_entity_declaration_in_a_chapter_is_refused(tmp_path):
    chapter = '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol "lol">]><html><body><p>&lol;</p></body></html>'
    with pytest.raises(InputError, match=r"c1\.xhtml declares XML entities, which ficaudio refuses"):
        read_story(make_epub(tmp_path / "lol.epub", {"c1.xhtml": chapter}))


def test_script_in_a_chapter_is_not_text(tmp_path):
    chapter = '<html><body><p>Safe.</p><script>document.write("evil")</script></body></html>'
    story = read_story(make_epub(tmp_path / "s.epub", {"c1.xhtml": chapter}))
    assert blocks(story) == ["Safe."] and "evil" not in story.text


def test_not_a_zip(tmp_path):
    path = tmp_path / "fake.epub"
    path.write_bytes(b"just text")
    with pytest.raises(InputError, match=r"fake\.epub is not a readable EPUB \(zip\) file"):
        read_story(path)


def test_missing_container(tmp_path):
    path = tmp_path / "bare.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(InputError, match=r"is not a valid EPUB: META-INF/container\.xml is missing"):
        read_story(path)


def test_malformed_package(tmp_path):
    with pytest.raises(InputError, match=r"is not a valid EPUB: content\.opf is not well-formed XML"):
        read_story(make_epub(tmp_path / "bad.epub", {}, opf="<package><unclosed></package>"))


def test_a_cover_that_is_not_jpeg_or_png_is_left_out(tmp_path):
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tiny</dc:title></metadata>'
        '<manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="img" href="cover.gif" media-type="image/gif" properties="cover-image"/></manifest>'
        '<spine><itemref idref="c1"/></spine></package>'
    )
    story = read_story(make_epub(tmp_path / "gif.epub", {"cover.gif": b"GIF89a..."}, opf=opf))
    assert story.cover is None and blocks(story) == ["Hello there."]


def test_detection_by_content(tmp_path):
    path = make_epub(tmp_path / "book.bin", {})
    assert read_story(path).format == "epub"


def test_docstring_examples():
    assert doctest.testmod(epub).failed == 0


def test_bytes_of_zip_in_memory_do_not_leak_between_tests():
    # the builder is deterministic: two builds of one folder are identical
    builder = load_builder()
    folder = FIXTURES / "generic-epub"
    assert builder.epub_bytes(folder) == builder.epub_bytes(folder)
    assert zipfile.ZipFile(io.BytesIO(builder.epub_bytes(folder))).namelist()[0] == "mimetype"
