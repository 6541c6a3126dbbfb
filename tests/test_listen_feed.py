"""The podcast feed as a real client reads it (feedparser), plus the raw podcast: elements."""

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest

from ficaudio.listen import load_book, publish, publish_library
from ficaudio.listen.feed import PODCAST_NS, story_feed
from ficaudio.listen.sample import write_sample_book

BASE = "http://192.168.1.20:8000/the-lantern-test/"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return write_sample_book(tmp_path_factory.mktemp("feed") / "the-lantern-test")


@pytest.fixture(scope="module")
def parsed(sample):
    return feedparser.parse(story_feed(load_book(sample), BASE))


def test_feed_is_well_formed_rss_with_both_namespaces(parsed):
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert "http://www.itunes.com/dtds/podcast-1.0.dtd" in parsed.namespaces.values()
    assert PODCAST_NS in parsed.namespaces.values()


def test_channel_metadata(parsed):
    feed = parsed.feed
    assert feed.title == "The Lantern Test"
    assert feed.author == "A. Tester"
    assert feed.summary == "Three tones & a <lantern>."
    assert feed.image.href == BASE + "cover.png"
    assert feed.language == "en"


def test_one_episode_per_chapter_in_reading_order_plus_the_book(parsed, sample):
    titles = [e.title for e in parsed.entries]
    assert titles == ["The Lantern Test (whole book)", "the lantern", "the ledger", "the tide"]
    assert [e.get("itunes_episode") for e in parsed.entries] == [None, "1", "2", "3"]
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates) and len(set(dates)) == 4


def test_enclosures_have_exact_lengths_and_type(parsed, sample):
    for entry, name in zip(parsed.entries, ["the-lantern-test.mp3", "01-the-lantern.mp3", "02-the-ledger.mp3", "03-the-tide.mp3"]):
        (enclosure,) = entry.enclosures
        assert enclosure.href == BASE + name
        assert int(enclosure.length) == (sample / name).stat().st_size
        assert enclosure.type == "audio/mpeg"
    assert [e.itunes_duration for e in parsed.entries] == ["00:00:09", "00:00:03", "00:00:03", "00:00:03"]


def test_guids_are_stable_across_republish_and_hosts(sample, parsed):
    other = feedparser.parse(story_feed(load_book(sample), "http://localhost:9999/x/"))
    assert [e.id for e in other.entries] == [e.id for e in parsed.entries]
    assert len({e.id for e in parsed.entries}) == 4
    assert all(e.id.startswith("urn:uuid:") for e in parsed.entries)


def test_guids_change_for_another_book(tmp_path, parsed):
    other = write_sample_book(tmp_path / "other", slug="other-book", chapter_titles=("a",), chapter_ms=500)
    ids = {e.id for e in feedparser.parse(story_feed(load_book(other), BASE)).entries}
    assert not ids & {e.id for e in parsed.entries}


def test_podcast_chapters_and_transcripts_per_episode(sample):
    root = ElementTree.fromstring(story_feed(load_book(sample), BASE))
    items = root.findall("channel/item")
    for item, stem in zip(items, ["the-lantern-test", "01-the-lantern", "02-the-ledger", "03-the-tide"]):
        chapters = item.find(f"{{{PODCAST_NS}}}chapters")
        assert chapters.attrib == {"url": f"{BASE}{stem}.chapters.json", "type": "application/json+chapters"}
        transcripts = {t.attrib["type"]: t.attrib["url"] for t in item.findall(f"{{{PODCAST_NS}}}transcript")}
        assert transcripts == {"text/vtt": f"{BASE}{stem}.vtt", "application/x-subrip": f"{BASE}{stem}.srt"}
    assert root.find(f"channel/{{{PODCAST_NS}}}guid").text


def test_published_files_back_every_link(sample, tmp_path):
    folder = tmp_path / "the-lantern-test"
    shutil.copytree(sample, folder)
    written = publish(folder, base_url=BASE)
    assert {p.name for p in written} >= {"feed.xml", "index.html", "the-lantern-test.vtt", "01-the-lantern.srt",
                                         "the-lantern-test.chapters.json"}
    parsed = feedparser.parse((folder / "feed.xml").read_bytes())
    root = ElementTree.fromstring((folder / "feed.xml").read_bytes())
    links = [e.enclosures[0].href for e in parsed.entries]
    links += [el.attrib["url"] for el in root.iter() if el.tag.startswith(f"{{{PODCAST_NS}}}") and "url" in el.attrib]
    for link in links:
        assert link.startswith(BASE)
        assert (folder / link[len(BASE):]).is_file(), link
    book_chapters = json.loads((folder / "the-lantern-test.chapters.json").read_text())
    assert book_chapters["chapters"] == [{"startTime": 0.0, "title": "the lantern"},
                                         {"startTime": 3.0, "title": "the ledger"},
                                         {"startTime": 6.0, "title": "the tide"}]


def test_republish_gives_the_same_feed(sample, tmp_path):
    folder = tmp_path / "the-lantern-test"
    shutil.copytree(sample, folder)
    publish(folder)
    first = (folder / "feed.xml").read_bytes()
    publish(folder)
    assert (folder / "feed.xml").read_bytes() == first
    assert b"http://localhost:8000/the-lantern-test/01-the-lantern.mp3" in first


def test_library_feed_has_one_episode_per_story(tmp_path):
    write_sample_book(tmp_path / "a", slug="a", title="Story A", chapter_titles=("x",), chapter_ms=500)
    write_sample_book(tmp_path / "b", slug="b", title="Story B", chapter_titles=("y", "z"), chapter_ms=500,
                      created="2026-11-22T00:00:00+00:00")
    (tmp_path / "not-a-story").mkdir()
    path = publish_library(tmp_path, base_url="http://h/")
    assert path == tmp_path / "feed.xml"
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo
    assert [e.enclosures[0].href for e in parsed.entries] == ["http://h/a/a.mp3", "http://h/b/b.mp3"]
    assert (tmp_path / "index.html").is_file()


def test_library_without_stories_writes_nothing(tmp_path):
    assert publish_library(tmp_path) is None
    assert list(tmp_path.iterdir()) == []



def test_a_title_xml_cannot_carry_is_a_clear_error(sample):
    import dataclasses

    from ficaudio.errors import OutputError

    book = dataclasses.replace(load_book(sample), title="bell\x07ringer")
    with pytest.raises(OutputError, match="cannot write the podcast feed"):
        story_feed(book, BASE)
