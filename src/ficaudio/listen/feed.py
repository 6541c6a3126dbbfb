"""BookInfo -> podcast feed (RSS 2.0 + iTunes + Podcasting 2.0), built with feedgen.

One episode per chapter in reading order plus one whole-book episode. Everything a podcast
app keys on is derived from book.json so a re-render gives the same feed:

* GUIDs are UUIDs from the book's slug and first-render date, never from URLs (a phone
  reaching the server by another address must not see new episodes);
* publication dates are the first-render date plus the chapter number in minutes, so
  "oldest first" is reading order and nothing moves on a re-render;
* enclosure lengths are the files' exact byte sizes (checked by :func:`load_book`).

The ``podcast:`` elements (``chapters``, ``transcript``, ``guid``) come from a small
feedgen extension (:class:`PodcastIndexExtension`), since feedgen ships only iTunes'.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePosixPath
from urllib.parse import quote

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from ficaudio.errors import OutputError
from ficaudio.listen.book import BookInfo, ChapterInfo

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
CHAPTERS_JSON_TYPE = "application/json+chapters"
VTT_TYPE = "text/vtt"
SRT_TYPE = "application/x-subrip"
FICAUDIO_NS = uuid.UUID("5d1d6a4e-6b5e-4f0e-9a53-2f7f3f1c0a10")
"""Namespace of every GUID ficaudio makes (uuid5 of this and the book's identity)."""

CHAPTER_SPACING = timedelta(minutes=1)
"""pubDate step between episodes: apps sort by date, and some round to the minute."""


# ------------------------------------------------------------ file names next to audio
def chapters_json_name(audio_file: str) -> str:
    """``01-a.mp3`` -> ``01-a.chapters.json``."""
    return f"{PurePosixPath(audio_file).stem}.chapters.json"


def transcript_name(audio_file: str, kind: str) -> str:
    """``01-a.mp3``, ``vtt`` -> ``01-a.vtt``."""
    return f"{PurePosixPath(audio_file).stem}.{kind}"


def book_guid(book: BookInfo) -> uuid.UUID:
    """Identity of a story across re-renders: its slug and its first render's date.

    Not the title (an author may retitle a fic) and not a URL (the host varies).
    """
    return uuid.uuid5(FICAUDIO_NS, f"{book.slug}|{book.created.isoformat()}")


def episode_guid(book: BookInfo, chapter: ChapterInfo | None) -> str:
    """``urn:uuid:...`` per chapter (or the whole book when ``chapter`` is None)."""
    name = "book" if chapter is None else f"chapter {chapter.index}"
    return uuid.uuid5(book_guid(book), name).urn


def itunes_duration(duration_ms: int) -> str:
    """``HH:MM:SS``, rounded to the nearest second.

    >>> itunes_duration(3_723_600)
    '01:02:04'
    """
    hours, rest = divmod(round(duration_ms / 1000), 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


# ------------------------------------------------------------- podcast:chapters JSON
def chapters_json(book: BookInfo, chapter: ChapterInfo | None = None) -> str:
    """Podcasting 2.0 JSON chapters: every chapter for the book, one for a chapter episode.

    For a book whose second chapter "the ledger" starts at 61000 ms,
    ``json.loads(chapters_json(book))["chapters"][1] == {"startTime": 61.0, "title": "the ledger"}``.
    """
    marks = [(c.start_ms, c.title) for c in book.chapters] if chapter is None else [(0, chapter.title)]
    return json.dumps({"version": "1.2.0", "author": book.author or "", "title": book.title,
                       "chapters": [{"startTime": start_ms / 1000, "title": title} for start_ms, title in marks]},
                      ensure_ascii=False, indent=1) + "\n"  # fmt: skip


# ----------------------------------------------------------- feedgen extension
@dataclass(frozen=True)
class Transcript:
    url: str
    type: str
    language: str | None = None
    rel: str | None = None  # "captions" marks a timed transcript


class PodcastIndexExtension(BaseExtension):
    """Channel-level ``podcast:`` elements (only ``podcast:guid`` is used)."""

    def __init__(self) -> None:
        self._guid: str | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, feed):
        if self._guid:
            channel = feed[0]
            xml_elem(f"{{{PODCAST_NS}}}guid", channel).text = self._guid
        return feed

    def podcast_guid(self, value: str) -> None:
        self._guid = value


class PodcastIndexEntryExtension(BaseEntryExtension):
    """Item-level ``podcast:chapters`` and ``podcast:transcript``."""

    def __init__(self) -> None:
        self._chapters_url: str | None = None
        self._transcripts: list[Transcript] = []

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, entry):
        if self._chapters_url:
            xml_elem(f"{{{PODCAST_NS}}}chapters", entry, url=self._chapters_url, type=CHAPTERS_JSON_TYPE)
        for t in self._transcripts:
            attrs = {"url": t.url, "type": t.type, **({"language": t.language} if t.language else {}),
                     **({"rel": t.rel} if t.rel else {})}  # fmt: skip
            xml_elem(f"{{{PODCAST_NS}}}transcript", entry, **attrs)
        return entry

    def podcast_chapters(self, url: str) -> None:
        self._chapters_url = url

    def podcast_transcript(self, transcript: Transcript) -> None:
        self._transcripts.append(transcript)


# -------------------------------------------------------------------- the feeds
def file_url(base_url: str, name: str) -> str:
    """Absolute URL of a file in the folder ``base_url`` points at (name percent-encoded).

    >>> file_url("http://h:8000/my-book/", "01 a&b.mp3")
    'http://h:8000/my-book/01%20a%26b.mp3'
    """
    return base_url.rstrip("/") + "/" + quote(name)


def _new_feed(title: str, link: str, description: str, language: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension)
    fg.title(title)
    fg.link(href=link, rel="alternate")
    fg.description(description)
    fg.language(language)
    fg.generator("ficaudio")  # feedgen's default names feedgen and changes with its version
    fg.podcast.itunes_category("Arts", "Books")
    return fg


def story_description(book: BookInfo) -> str:
    """The feed's description: the summary, or a sentence saying what the feed is."""
    by = f" by {book.author}" if book.author else ""
    return book.summary or f"{book.title}{by}, read by ficaudio's voices."


def story_feed(book: BookInfo, base_url: str) -> bytes:
    """The RSS of one story whose files are served at ``base_url`` (a folder URL)."""
    fg = _new_feed(book.title, file_url(base_url, "index.html"), story_description(book), book.language)
    fg.podcast.itunes_type("serial")  # apps then list episodes oldest first: reading order
    fg.podcastindex.podcast_guid(str(book_guid(book)))
    if book.author:  # RSS <author> wants an e-mail address; itunes:author takes a name
        fg.podcast.itunes_author(book.author)
    if book.summary:
        fg.podcast.itunes_summary(book.summary)
    if book.cover:
        fg.image(url=file_url(base_url, book.cover), title=book.title, link=file_url(base_url, "index.html"))
        fg.podcast.itunes_image(_itunes_image_url(base_url, book.cover))
    _add_book_episode(fg, book, base_url)
    for chapter in book.chapters:
        _add_chapter_episode(fg, book, chapter, base_url)
    fg.lastBuildDate(book.created + CHAPTER_SPACING * len(book.chapters))
    return _rss(fg)


def _rss(fg: FeedGenerator) -> bytes:
    """The feed's XML; a text XML cannot carry (control characters) is a ficaudio error."""
    try:
        return fg.rss_str(pretty=True)
    except ValueError as exc:  # lxml: "All strings must be XML compatible"
        raise OutputError(f"cannot write the podcast feed: {exc}", hint="remove control characters from titles and summaries") from exc


def _itunes_image_url(base_url: str, cover: str) -> str:
    """feedgen only takes ``.jpg``/``.png`` URLs; ``.jpeg`` covers are given a query so
    the URL ends in ``.jpg`` while naming the same file."""
    url = file_url(base_url, cover)
    return url if url.lower().endswith((".jpg", ".png")) else url + "?.jpg"


def _add_chapter_episode(fg: FeedGenerator, book: BookInfo, chapter: ChapterInfo, base_url: str) -> None:
    fe = _add_episode(fg, book, base_url, audio_file=chapter.audio.file, size_bytes=chapter.audio.bytes,
                      duration_ms=chapter.audio.duration_ms, guid=episode_guid(book, chapter),
                      title=chapter.title, order=chapter.index)  # fmt: skip
    fe.podcast.itunes_episode(chapter.index)
    fe.description(f"Chapter {chapter.index} of {book.title}: {chapter.title}.")


def _add_book_episode(fg: FeedGenerator, book: BookInfo, base_url: str) -> None:
    """The whole book as one episode, dated first so it heads the list in reading order."""
    fe = _add_episode(fg, book, base_url, audio_file=book.audio.file, size_bytes=book.audio.bytes,
                      duration_ms=book.audio.duration_ms, guid=episode_guid(book, None),
                      title=f"{book.title} (whole book)", order=0)  # fmt: skip
    fe.description(f"All {len(book.chapters)} chapters of {book.title} in one file, with chapter marks.")


def _add_episode(fg: FeedGenerator, book: BookInfo, base_url: str, *, audio_file: str, size_bytes: int,
                 duration_ms: int, guid: str, title: str, order: int):  # fmt: skip
    fe = fg.add_entry(order="append")
    fe.guid(guid, permalink=False)
    fe.title(title)
    fe.link(href=file_url(base_url, "index.html"))
    fe.enclosure(file_url(base_url, audio_file), str(size_bytes), "audio/mpeg")
    fe.pubDate(book.created + CHAPTER_SPACING * order)
    fe.podcast.itunes_duration(itunes_duration(duration_ms))
    fe.podcast.itunes_episode_type("full")
    fe.podcast.itunes_title(title)
    if book.author:
        fe.podcast.itunes_author(book.author)
    fe.podcastindex.podcast_chapters(file_url(base_url, chapters_json_name(audio_file)))
    for kind, mime, rel in (("vtt", VTT_TYPE, "captions"), ("srt", SRT_TYPE, None)):
        fe.podcastindex.podcast_transcript(Transcript(file_url(base_url, transcript_name(audio_file, kind)),
                                                      mime, book.language, rel))  # fmt: skip
    return fe


def library_feed(books: Sequence[tuple[BookInfo, str]], base_url: str, title: str) -> bytes:
    """One feed over several stories: each story's whole-book episode.

    ``books`` pairs each book with its folder URL; ``base_url`` is the library's own folder.
    """
    fg = _new_feed(title, file_url(base_url, "index.html"),
                   f"{len(books)} audiobook{'s' if len(books) != 1 else ''} made with ficaudio.", books[0][0].language)  # fmt: skip
    fg.podcast.itunes_type("episodic")
    for book, book_url in sorted(books, key=lambda pair: (pair[0].created, pair[0].slug)):
        _add_book_episode(fg, book, book_url)
    fg.lastBuildDate(max(book.created for book, _ in books))
    return _rss(fg)
