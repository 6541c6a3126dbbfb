"""BookInfo -> ``index.html``: one static page that plays the book and follows the text.

Everything is inside the page (style, script, chapter list, transcript with each line's
times as ``data-`` attributes): a page opened from disk cannot fetch anything, and a
listener offline must still get the whole thing. Text goes in through :func:`html.escape`
only; the template (``ficaudio/data/player/``) holds no logic. The page is made in pieces
(:func:`player_page_pieces`), the transcript a chapter at a time, so a book of any length is
written without holding its whole transcript.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from importlib import resources
from string import Template
from urllib.parse import quote

from ficaudio.listen.book import BookInfo, ChapterInfo, shifted
from ficaudio.models import NARRATOR, Cue
from ficaudio.listen.transcript import tidy_cue_text

PLAYER_PAGE = "index.html"


def _asset(name: str) -> str:
    return resources.files("ficaudio").joinpath("data", "player", name).read_text(encoding="utf-8")


def clock(ms: int) -> str:
    """``M:SS`` under an hour, ``H:MM:SS`` from there.

    >>> clock(61_000), clock(3_725_000)
    ('1:01', '1:02:05')
    """
    hours, rest = divmod(round(ms / 1000), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def chapter_item(chapter: ChapterInfo) -> str:
    """One ``<li>`` of the chapter list; the button seeks the book to the chapter.

    >>> from ficaudio.listen.book import AudioFile
    >>> chapter_item(ChapterInfo(2, "a<b", AudioFile("x.mp3", 1, 1), 61_000, ()))
    '<li data-index="2" data-start-ms="61000"><button type="button">a&lt;b</button><span class="time">1:01</span></li>'
    """
    return (f'<li data-index="{chapter.index}" data-start-ms="{chapter.start_ms}">'
            f'<button type="button">{html.escape(chapter.title)}</button>'
            f'<span class="time">{clock(chapter.start_ms)}</span></li>')  # fmt: skip


def transcript_line(cue: Cue) -> str:
    """One ``<p>`` per cue in book time; narration is styled apart from characters' lines.

    >>> transcript_line(Cue(10, 900, "Mira", "Hi & <bye>"))
    '<p class="line" data-start-ms="10" data-end-ms="900"><span class="speaker">Mira</span>Hi &amp; &lt;bye&gt;</p>'
    """
    kind = "line narration" if cue.speaker == NARRATOR else "line"
    return (f'<p class="{kind}" data-start-ms="{cue.start_ms}" data-end-ms="{cue.end_ms}">'
            f'<span class="speaker">{html.escape(cue.speaker)}</span>{html.escape(tidy_cue_text(cue.text))}</p>')  # fmt: skip


def chapter_transcript(chapter: ChapterInfo) -> str:
    """A chapter's heading and lines, in book time.

    >>> from ficaudio.listen.book import AudioFile
    >>> print(chapter_transcript(ChapterInfo(2, "B", AudioFile("x.mp3", 1, 1), 1000, (Cue(0, 5, "Narrator", "x"),))))
    <h3 id="chapter-2">B</h3>
    <p class="line narration" data-start-ms="1000" data-end-ms="1005"><span class="speaker">Narrator</span>x</p>
    """
    lines = (transcript_line(cue) for cue in shifted(chapter.cues, chapter.start_ms))
    return "\n".join([f'<h3 id="chapter-{chapter.index}">{html.escape(chapter.title)}</h3>', *lines])


def transcript_pieces(book: BookInfo) -> Iterator[str]:
    """Every chapter's heading and lines, in book time, a chapter a piece."""
    for number, chapter in enumerate(book.chapters):
        yield ("\n" if number else "") + chapter_transcript(chapter)


def link_items(links: Sequence[tuple[str, str]]) -> str:
    """``<li>`` download links for (file name, label) pairs."""
    return "\n".join(f'<li><a href="{quote(name)}">{html.escape(label)}</a></li>' for name, label in links)


def player_page(book: BookInfo, links: Sequence[tuple[str, str]] = ()) -> str:
    """The whole page as text. ``links``: extra files to offer (feed, transcripts, M4B)."""
    return "".join(player_page_pieces(book, links))


TRANSCRIPT_SLOT = "${transcript}"
"""Where the template takes the transcript: the page is written up to it, then the
transcript a chapter at a time, then the rest."""


def player_page_pieces(book: BookInfo, links: Sequence[tuple[str, str]] = ()) -> Iterator[str]:
    """The page in pieces: what comes before the transcript, each chapter's part, the rest."""
    before, after = _asset("index.html").split(TRANSCRIPT_SLOT)
    fields = page_fields(book, links)
    yield Template(before).substitute(fields)
    yield from transcript_pieces(book)
    yield Template(after).substitute(fields)


def page_fields(book: BookInfo, links: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The template's values, all but the transcript."""
    byline = " · ".join(html.escape(part) for part in (book.author and f"by {book.author}", book.fandom) if part)
    return dict(
        language=html.escape(book.language),
        title=html.escape(book.title),
        byline=byline,
        summary=f'<p class="summary">{html.escape(book.summary)}</p>' if book.summary else "",
        cover=f'<img src="{quote(book.cover)}" alt="">' if book.cover else "",
        audio_src=quote(book.audio.file),
        chapters="\n".join(chapter_item(c) for c in book.chapters),
        links=link_items(links),
        generator=html.escape(book.generator),
        style=_asset("player.css"),
        script=_asset("player.js"),
    )


def library_page(books: Sequence[BookInfo]) -> str:
    """A plain page listing each story's player page and feed (relative links only)."""
    items = "\n".join(
        f'<li><a href="{quote(b.folder.name)}/{PLAYER_PAGE}">{html.escape(b.title)}</a>'
        f'{html.escape(f" by {b.author}" if b.author else "")} '
        f'(<a href="{quote(b.folder.name)}/feed.xml">feed</a>)</li>'
        for b in books
    )
    return ('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="generator" content="ficaudio">'  # so `ficaudio render OUT` skips it
            f"<title>Audiobooks</title>\n<style>\n{_asset('player.css')}\n</style></head>\n"
            f'<body><h1>Audiobooks</h1>\n<ul id="stories">\n{items}\n</ul>\n'
            '<p><a href="feed.xml">Podcast feed of all stories</a></p></body>\n</html>\n')  # fmt: skip
