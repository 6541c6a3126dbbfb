"""load_book: valid folders load; every kind of broken book.json names its place."""

import json
from pathlib import Path

import pytest

from ficaudio.errors import InputError
from ficaudio.listen import load_book
from ficaudio.listen.sample import write_sample_book
from ficaudio.models import Cue


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return write_sample_book(tmp_path_factory.mktemp("book") / "the-lantern-test")


def test_loads_the_sample(sample):
    book = load_book(sample)
    assert (book.title, book.author, book.slug, book.cover) == ("The Lantern Test", "A. Tester", "the-lantern-test", "cover.png")
    assert [c.index for c in book.chapters] == [1, 2, 3]
    assert [c.start_ms for c in book.chapters] == [0, 3000, 6000]
    assert book.chapters[1].audio.bytes == (sample / "02-the-ledger.mp3").stat().st_size
    assert book.created.utcoffset().total_seconds() == 0


def test_book_cues_are_shifted_by_chapter_start(sample):
    book = load_book(sample)
    cues = list(book.book_cues())
    assert len(cues) == 9
    assert cues[3] == Cue(3000, 4000, "Narrator", "The lantern swung in the wind.")


def test_cues_stay_in_book_json_until_iterated(sample):
    cues = load_book(sample).chapters[1].cues
    assert not isinstance(cues, tuple) and len(cues) == 3
    assert list(cues)[1] == cues[1] == Cue(1000, 2000, "Mira", "Is it <lit> yet? Tom & I can't see.")


def test_a_book_json_changed_after_loading_is_not_read_unchecked(sample, tmp_path):
    folder = _broken(sample, tmp_path, lambda d: None)
    book = load_book(folder)
    (folder / "book.json").write_text((folder / "book.json").read_text() + " ")
    with pytest.raises(InputError, match="changed while it was being read"):
        list(book.chapters[0].cues)


def _broken(sample: Path, tmp_path: Path, edit) -> Path:
    folder = tmp_path / "copy"
    folder.mkdir()
    for f in sample.iterdir():
        (folder / f.name).symlink_to(f)
    data = json.loads((sample / "book.json").read_text())
    edit(data)
    (folder / "book.json").unlink()
    (folder / "book.json").write_text(json.dumps(data))
    return folder


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("title"), "title: missing"),
        (lambda d: d.update(title=3), "title: expected a string, found int"),
        (lambda d: d.update(format=2), "format: format 2 is not supported (this ficaudio reads format 1)"),
        (lambda d: d.update(extra=1), "unknown field 'extra'"),
        (lambda d: d.update(created="2026-11-21T05:30:00"), "created: needs a timezone (e.g. +00:00): '2026-11-21T05:30:00'"),
        (lambda d: d.update(created="yesterday"), "created: not an ISO 8601 date: 'yesterday'"),
        (lambda d: d.update(chapters=[]), "chapters: a book needs at least one chapter"),
        (lambda d: d["chapters"][0].pop("file"), "chapters[0].file: missing"),
        (lambda d: d["chapters"][1].update(file="../x.mp3"),
         "chapters[1].file: must be a file name inside the story folder, found '../x.mp3'"),
        (lambda d: d["chapters"][1].update(file="nope.mp3"), "chapters[1].file: file 'nope.mp3' does not exist in"),
        (lambda d: d["chapters"][0].update(bytes=5), "chapters[0].bytes: says 5 bytes but 01-the-lantern.mp3 has"),
        (lambda d: d["chapters"][0].update(duration_ms=True), "chapters[0].duration_ms: expected an integer, found true/false"),
        (lambda d: d["chapters"][2].update(index=7), "chapters[2].index: index 7 out of order"),
        (lambda d: d["chapters"][1].update(start_ms=0), "chapters[1].start_ms: start 0 ms is out of order"),
        (lambda d: d["chapters"][0]["cues"][1].update(end_ms=10),
         "chapters[0].cues[1].end_ms: ends (10 ms) before it starts (1000 ms)"),
        (lambda d: d["chapters"][0]["cues"][2].update(end_ms=3100),
         "chapters[0].cues[2].end_ms: ends at 3100 ms, after its chapter (3000 ms)"),
        (lambda d: d.update(cover="cover.gif"), "cover: file 'cover.gif' does not exist"),
        (lambda d: d.update(book=[]), "book: expected an object, found a list"),
    ],
)
def test_broken_book_json_names_the_place(sample, tmp_path, edit, message):
    folder = _broken(sample, tmp_path, edit)
    with pytest.raises(InputError) as caught:
        load_book(folder)
    assert message in caught.value.message
    assert caught.value.path == str(folder / "book.json")


def test_no_book_json(tmp_path):
    with pytest.raises(InputError, match="no book.json here: not a rendered story folder"):
        load_book(tmp_path)


def test_invalid_json_gives_the_line(tmp_path):
    (tmp_path / "book.json").write_text('{\n "title": "x",\n oops\n}')
    with pytest.raises(InputError) as caught:
        load_book(tmp_path)
    assert caught.value.line == 3
    assert caught.value.message.startswith("not valid JSON")


def test_optional_fields_may_be_null(sample, tmp_path):
    folder = _broken(sample, tmp_path, lambda d: d.update(author=None, summary=None, fandom=None, cover=None))
    book = load_book(folder)
    assert (book.author, book.summary, book.cover) == (None, None, None)
