"""Tags: ID3 v2.3 text frames for chapter files, and CTOC/CHAP chapter marks for the book.

What players need (FIELD-NOTES, "ID3 chapters"): ID3 v2.3 (Apple Podcasts mishandles v2.4
chapter titles), ONE top-level ordered CTOC (flags 0x03) with a TIT2, a TIT2 in every
CHAP, and the frames in the file in chronological order -- mutagen sorts frames by size
when saving, which made ffmpeg list chapters out of order. :class:`_InsertionOrderID3`
writes frames in the order they were added; the tests read the raw bytes back.

Choices made here:

* More than 255 chapters (the CTOC entry count is one byte): nested CTOCs. The top-level
  CTOC lists child CTOCs ("Chapters 1-255", "Chapters 256-510"...), each holding at most
  255 CHAPs, all ordered. 255 * 255 chapters at most, beyond that an OutputError.
* CHAP titles longer than :data:`MAX_CHAP_TITLE_CHARS` are cut (with "...") in the CHAP's
  TIT2, which players show in a one-line chapter list; the full title is kept in the same
  CHAP's TIT3 (description) and in the chapter file's own TIT2.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import mutagen
from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TALB, TCON, TIT2, TIT3, TPE1, TRCK, CTOCFlags, Encoding
from mutagen.id3 import ID3NoHeaderError

from ficaudio.errors import OutputError

GENRE = "Audiobook"
MAX_CTOC_ENTRIES = 255  # the CTOC entry count is a single byte
MAX_CHAPTERS = MAX_CTOC_ENTRIES * MAX_CTOC_ENTRIES  # with one level of nesting
MAX_CHAP_TITLE_CHARS = 100
MAX_TIME_MS = 0xFFFFFFFF  # CHAP times are unsigned 32-bit ms (~49.7 days)
TOP_TOC_ID = "toc"

Chapter = tuple[str, int, int]  # (title, start_ms, end_ms)


class _InsertionOrderID3(ID3):
    """An ID3 tag that writes its frames in the order they were added.

    mutagen 1.47/1.48 sorts frames (TIT2, TPE1... first, then by size) in ``ID3._write``
    and offers no public option to keep our order, so we override that one hook. If a
    future mutagen drops it, ``test_frames_are_written_in_chronological_order`` fails.
    """

    def _write(self, config):
        from mutagen.id3._tags import save_frame

        return bytearray().join(save_frame(frame, config=config) for frame in self.values())


# ------------------------------------------------------------------------ helpers
def text_encoding(text: str) -> Encoding:
    """Latin-1 when the text fits (read by every player), else UTF-16 (v2.3 has no UTF-8).

    >>> text_encoding("Chapter 1"), text_encoding("Kakashi-sensei \u2014 \u3042")
    (<Encoding.LATIN1: 0>, <Encoding.UTF16: 1>)
    """
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return Encoding.UTF16
    return Encoding.LATIN1


def short_chapter_title(title: str, max_chars: int = MAX_CHAP_TITLE_CHARS) -> str:
    """``title`` cut to ``max_chars`` at a word boundary when possible, ending in "...".

    >>> short_chapter_title("The very long night of the long knives", 20)
    'The very long...'
    >>> short_chapter_title("Short", 20)
    'Short'
    """
    if len(title) <= max_chars:
        return title
    cut = title[: max_chars - 3]
    if " " in cut[max_chars // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "..."


def _text(frame_class, text: str, **kw):
    return frame_class(encoding=text_encoding(text), text=[text], **kw)


def cover_mime(cover: bytes) -> str:
    """MIME type of a cover image from its first bytes (JPEG or PNG only).

    >>> cover_mime(b"\\x89PNG\\r\\n\\x1a\\n...")
    'image/png'
    """
    if cover.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if cover.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    raise OutputError("cover image is neither JPEG nor PNG", hint="convert the cover to .jpg or .png")


def _save(tag: ID3, path: Path) -> None:
    """Replace the file's ID3 tags with ``tag`` as v2.3 (and drop any ID3v1)."""
    if not Path(path).is_file():
        raise OutputError("cannot tag: no such file", path=str(path))
    try:
        tag.update_to_v23()
        tag.save(path, v2_version=3, v1=0)
    except (mutagen.MutagenError, OSError) as exc:
        raise OutputError(f"cannot write ID3 tag: {exc}", path=str(path)) from exc


# ------------------------------------------------------------------ chapter files
def tag_chapter_file(path: Path, *, title: str, album: str, author: str | None, track: int, total: int) -> None:
    """Tag one chapter MP3: TIT2 title, TALB album (the book), TPE1 author, TRCK "N/M", TCON.

    Replaces whatever tag the file had, so tagging twice gives the same bytes.
    """
    if not 1 <= track <= total:
        raise OutputError(f"track {track} of {total} is out of range", path=str(path))
    tag = _InsertionOrderID3()
    tag.add(_text(TIT2, title))
    tag.add(_text(TALB, album))
    if author:
        tag.add(_text(TPE1, author))
    tag.add(TRCK(encoding=Encoding.LATIN1, text=[f"{track}/{total}"]))
    tag.add(TCON(encoding=Encoding.LATIN1, text=[GENRE]))
    _save(tag, path)


# --------------------------------------------------------------------------- book
def tag_book(
    path: Path,
    *,
    title: str,
    author: str | None,
    summary: str | None,
    chapters: Sequence[Chapter],
    cover: bytes | None = None,
) -> None:
    """Tag the whole-book MP3: text frames, CTOC/CHAP chapter marks, optional cover.

    ``chapters`` are (title, start_ms, end_ms) in playing order. Frames are written in
    this order: TIT2 TPE1 TALB TCON COMM, the CTOC(s), the CHAPs by time, APIC last.
    """
    _check_chapters(chapters, path)
    tag = _InsertionOrderID3()
    for frame in _book_text_frames(title, author, summary):
        tag.add(frame)
    for frame in _toc_frames(title, len(chapters)):
        tag.add(frame)
    for number, chapter in enumerate(chapters):
        tag.add(_chap_frame(number, chapter))
    if cover is not None:
        tag.add(APIC(encoding=Encoding.LATIN1, mime=cover_mime(cover), type=3, desc="Cover", data=cover))
    _save(tag, path)


def _book_text_frames(title: str, author: str | None, summary: str | None) -> Iterator:
    yield _text(TIT2, title)
    if author:
        yield _text(TPE1, author)
    yield _text(TALB, title)
    yield TCON(encoding=Encoding.LATIN1, text=[GENRE])
    if summary:
        yield COMM(encoding=text_encoding(summary), lang="eng", desc="", text=[summary])


def _check_chapters(chapters: Sequence[Chapter], path: Path) -> None:
    """Chapters must fit ID3 (count, 32-bit ms) and be in time order."""
    if len(chapters) > MAX_CHAPTERS:
        raise OutputError(f"{len(chapters)} chapters: ID3 chapter tables hold at most {MAX_CHAPTERS}",
                          path=str(path), hint="join chapters into larger parts")  # fmt: skip
    previous_start_ms = 0
    for number, (_, start_ms, end_ms) in enumerate(chapters, 1):
        if not 0 <= start_ms <= end_ms <= MAX_TIME_MS or start_ms < previous_start_ms:
            raise OutputError(f"chapter {number}: times {start_ms}..{end_ms} ms are not in order",
                              path=str(path))  # fmt: skip
        previous_start_ms = start_ms


def chap_id(number: int) -> str:
    """Element id of the CHAP for 0-based chapter ``number``.

    >>> chap_id(0), chap_id(300)
    ('chp0', 'chp300')
    """
    return f"chp{number}"


def _toc_frames(book_title: str, chapter_count: int) -> Iterator[CTOC]:
    """The top-level CTOC, then (over 255 chapters) one child CTOC per 255 chapters."""
    if chapter_count == 0:
        return
    ids = [chap_id(n) for n in range(chapter_count)]
    ordered_top = CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    if chapter_count <= MAX_CTOC_ENTRIES:
        yield CTOC(element_id=TOP_TOC_ID, flags=ordered_top, child_element_ids=ids,
                   sub_frames=[_text(TIT2, book_title)])  # fmt: skip
        return
    groups = [ids[at : at + MAX_CTOC_ENTRIES] for at in range(0, chapter_count, MAX_CTOC_ENTRIES)]
    child_ids = [f"{TOP_TOC_ID}{n}" for n in range(1, len(groups) + 1)]
    yield CTOC(element_id=TOP_TOC_ID, flags=ordered_top, child_element_ids=child_ids,
               sub_frames=[_text(TIT2, book_title)])  # fmt: skip
    first = 1
    for toc_id, group in zip(child_ids, groups):
        label = f"Chapters {first}-{first + len(group) - 1}"
        yield CTOC(element_id=toc_id, flags=CTOCFlags.ORDERED, child_element_ids=group,
                   sub_frames=[_text(TIT2, label)])  # fmt: skip
        first += len(group)


def _chap_frame(number: int, chapter: Chapter) -> CHAP:
    title, start_ms, end_ms = chapter
    sub_frames = [_text(TIT2, short_chapter_title(title))]
    if short_chapter_title(title) != title:
        sub_frames.append(_text(TIT3, title))  # keep the full title
    return CHAP(element_id=chap_id(number), start_time=start_ms, end_time=end_ms, sub_frames=sub_frames)


# --------------------------------------------------------------------------- read
def read_chapters(path: Path) -> list[Chapter]:
    """(title, start_ms, end_ms) per chapter, in the top-level CTOC's order (nested followed).

    Without a CTOC, the CHAPs sorted by start time. No tag at all: an empty list.
    """
    try:
        tag = ID3(path)
    except ID3NoHeaderError:
        return []
    except (mutagen.MutagenError, OSError) as exc:
        raise OutputError(f"cannot read ID3 tag: {exc}", path=str(path)) from exc
    by_id = {f.element_id: f for f in tag.getall("CHAP") + tag.getall("CTOC")}
    tops = [f for f in tag.getall("CTOC") if f.flags & CTOCFlags.TOP_LEVEL]
    if not tops:
        chaps = sorted(tag.getall("CHAP"), key=lambda f: f.start_time)
        return [_chapter_of(f) for f in chaps]
    return [_chapter_of(f) for f in _walk_toc(tops[0], by_id, path, seen=set())]


def _walk_toc(toc: CTOC, by_id: dict, path: Path, seen: set[str]) -> Iterator[CHAP]:
    """CHAPs below ``toc`` in order; child CTOCs are followed, loops and dangling ids refused."""
    if toc.element_id in seen:
        raise OutputError(f"CTOC '{toc.element_id}' contains itself", path=str(path))
    seen.add(toc.element_id)
    for child_id in toc.child_element_ids:
        child = by_id.get(child_id)
        if child is None:
            raise OutputError(f"CTOC '{toc.element_id}' lists a missing element '{child_id}'", path=str(path))
        if isinstance(child, CTOC):
            yield from _walk_toc(child, by_id, path, seen)
        else:
            yield child


def _chapter_of(chap: CHAP) -> Chapter:
    titles = chap.sub_frames.getall("TIT2")
    return (str(titles[0]) if titles else "", chap.start_time, chap.end_time)
