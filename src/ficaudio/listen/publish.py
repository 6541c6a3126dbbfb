"""Write everything a listener needs next to the rendered audio.

:func:`publish` is called by the pipeline once per story folder, after render/stitch/tag;
:func:`publish_library` once per run over the output folder. Both only read book.json
(through :func:`load_book`) and write files; each file is written under a temporary name
and renamed into place, so a reader (``ficaudio serve``, a podcast app) never sees half
of one. Files made of the whole book's cues (its transcripts, the player page) are written
a chapter at a time, so publishing holds one chapter's cues however long the book is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import quote

from ficaudio.errors import ConfigError
from ficaudio.files import atomic_write_bytes, atomic_writer
from ficaudio.listen.book import BOOK_JSON, BookInfo, ChapterInfo, load_book, shifted
from ficaudio.listen.feed import chapters_json, chapters_json_name, library_feed, story_feed, transcript_name
from ficaudio.listen.m4b import write_m4b
from ficaudio.listen.player import PLAYER_PAGE, library_page, player_page_pieces
from ficaudio.listen.transcript import spoken, srt_block, to_srt, to_vtt, vtt_block, vtt_header

FORMATS = ("mp3", "m4b")
"""Audio formats ``--format`` accepts; mp3 is always written by render itself."""

FEED_FILE = "feed.xml"

DEFAULT_SERVER_URL = "http://localhost:8000/"
"""Where ``ficaudio serve OUT`` puts OUT with its defaults: the base of on-disk feeds.

``serve`` rewrites feeds per request with the address the client used, so this only
matters for a feed.xml copied elsewhere (set ``base_url`` to a real host for that).
"""


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """Lower-cased, known formats; ``"mp3,m4b"`` strings are split too.

    >>> check_formats(["MP3,m4b"])
    ('mp3', 'm4b')
    """
    names = tuple(name.strip().lower() for item in formats for name in item.split(",") if name.strip())
    for name in names:
        if name not in FORMATS:
            raise ConfigError(f"unknown audio format {name!r}", hint=f"use one or more of: {', '.join(FORMATS)}")
    return names


def write_text(path: Path, text: str | bytes) -> Path:
    """Write atomically: a temp file in the same folder, then rename over ``path``."""
    atomic_write_bytes(path, text.encode("utf-8") if isinstance(text, str) else text)
    return path


def write_pieces(path: Path, pieces: Iterable[str]) -> Path:
    """Write text made piece by piece, atomically, never holding it whole."""
    with atomic_writer(path) as write:
        for piece in pieces:
            write(piece)
    return path


def story_url(base_url: str, folder_name: str) -> str:
    """URL of a story folder under the library's URL.

    >>> story_url("http://localhost:8000/", "my book")
    'http://localhost:8000/my%20book/'
    """
    return f"{base_url.rstrip('/')}/{quote(folder_name)}/"


def write_transcripts(book: BookInfo) -> list[Path]:
    """``.vtt`` and ``.srt`` for each chapter (chapter time) and for the book (book time).

    One pass over the chapters, each chapter's cues read once: its own two files are
    written, and its blocks appended to the book's two, numbered on from the last chapter's.
    """
    written: list[Path] = []
    book_vtt, book_srt = (book.folder / transcript_name(book.audio.file, kind) for kind in ("vtt", "srt"))
    with atomic_writer(book_vtt) as vtt, atomic_writer(book_srt) as srt:
        vtt(vtt_header(book.title))
        number = 0
        for chapter in book.chapters:
            cues = tuple(chapter.cues)
            written += write_chapter_transcripts(book, chapter, cues)
            for number, cue in enumerate(spoken(shifted(cues, chapter.start_ms)), start=number + 1):
                vtt("\n\n" + vtt_block(number, cue))
                srt(("\n\n" if number > 1 else "") + srt_block(number, cue))
        vtt("\n")
        srt("\n" if number else "")
    return [*written, book_vtt, book_srt]


def write_chapter_transcripts(book: BookInfo, chapter: ChapterInfo, cues: Sequence) -> list[Path]:
    """A chapter's ``.vtt`` and ``.srt``, in chapter time."""
    return [write_text(book.folder / transcript_name(chapter.audio.file, "vtt"), to_vtt(cues, title=chapter.title)),
            write_text(book.folder / transcript_name(chapter.audio.file, "srt"), to_srt(cues))]  # fmt: skip


def write_chapter_files(book: BookInfo) -> list[Path]:
    """Podcasting 2.0 chapters JSON for each chapter episode and for the whole book."""
    written = [write_text(book.folder / chapters_json_name(c.audio.file), chapters_json(book, c))
               for c in book.chapters]  # fmt: skip
    written.append(write_text(book.folder / chapters_json_name(book.audio.file), chapters_json(book)))
    return written


def page_links(book: BookInfo, extra_files: Sequence[str]) -> list[tuple[str, str]]:
    """What the player page offers to download, existing files only."""
    links = [(FEED_FILE, "Podcast feed (subscribe in a podcast app)"), (book.audio.file, "Whole book (MP3)")]
    links += [(name, label) for name, label in extra_files]
    links += [(transcript_name(book.audio.file, "vtt"), "Transcript (WebVTT)"),
              (transcript_name(book.audio.file, "srt"), "Transcript (SRT)")]  # fmt: skip
    return links


def publish(folder: Path, *, formats: Sequence[str] = ("mp3",), base_url: str | None = None) -> list[Path]:
    """Transcripts, chapter JSON, feed.xml, index.html and (``m4b`` in formats) the M4B.

    ``base_url`` is the URL the story folder will be served at; by default where
    ``ficaudio serve`` puts it (``http://localhost:8000/<folder name>/``).
    Returns the paths written, in the order written.
    """
    wanted = check_formats(formats)
    book = load_book(Path(folder))
    written = write_transcripts(book) + write_chapter_files(book)
    extra = []
    if "m4b" in wanted:
        written.append(write_m4b(book))
        extra.append((written[-1].name, "Audiobook with chapters (M4B)"))
    url = base_url or story_url(DEFAULT_SERVER_URL, book.folder.name)
    written.append(write_text(book.folder / FEED_FILE, story_feed(book, url)))
    written.append(write_pieces(book.folder / PLAYER_PAGE, player_page_pieces(book, page_links(book, extra))))
    return written


def library_books(out_dir: Path, load: Callable[[Path], BookInfo] = load_book) -> list[BookInfo]:
    """Every subfolder of ``out_dir`` with a book.json, by folder name, each read by ``load``;
    a broken one raises."""
    return [load(sub) for sub in sorted(Path(out_dir).iterdir()) if (sub / BOOK_JSON).is_file()]


def library_feed_bytes(out_dir: Path, base_url: str, books: Sequence[BookInfo] | None = None) -> bytes | None:
    """The library feed for ``out_dir`` served at ``base_url``; None without stories."""
    books = library_books(out_dir) if books is None else books
    if not books:
        return None
    pairs = [(book, story_url(base_url, book.folder.name)) for book in books]
    return library_feed(pairs, base_url, title=f"{Path(out_dir).resolve().name} (ficaudio library)")


def publish_library(out_dir: Path, *, base_url: str | None = None) -> Path | None:
    """``out_dir/feed.xml`` (returned) and an index.html over every story folder in it.

    Returns None, writing nothing, when no subfolder holds a book.json.
    """
    out_dir = Path(out_dir)
    books = library_books(out_dir)
    if not books:
        return None
    write_text(out_dir / PLAYER_PAGE, library_page(books))
    return write_text(out_dir / FEED_FILE, library_feed_bytes(out_dir, base_url or DEFAULT_SERVER_URL, books))
