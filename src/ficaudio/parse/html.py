"""The HTML reader: AO3 downloads, FanFicFare HTML and any other HTML page -> Story.

Parsed with the stdlib ``html.parser`` (:mod:`ficaudio.parse.markup`): nothing is fetched,
no entity is expanded beyond HTML's own, broken markup is read the way browsers mostly do.
:attr:`Story.text` is the extracted text (one paragraph a line, a blank line between), not
the file's markup: every offset in the Story indexes that text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ficaudio.errors import InputError
from ficaudio.models import Story
from ficaudio.parse import Reader
from ficaudio.parse.decode import bom_encoding, guess_encoding
from ficaudio.parse.layout import Meta, StoryBuilder, Styles
from ficaudio.parse.markup import Element, parse_html
from ficaudio.parse.shapes import is_ao3, is_fff_html, read_ao3, read_fff_html, read_generic
from ficaudio.parse.text import title_from_path

MAX_HTML_BYTES = 64 * 1024 * 1024
"""Largest HTML file read (the longest AO3 works are ~15 MB as HTML)."""

CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
CHARSET_SNIFF_BYTES = 2048


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` near its top, if Python knows it.

    >>> declared_charset(b'<meta charset="windows-1252">'), declared_charset(b'<meta charset="nope">')
    ('cp1252', None)
    """
    match = CHARSET_RE.search(data[:CHARSET_SNIFF_BYTES])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_markup(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of an HTML/XHTML file: byte-order mark, then the declared
    charset, then UTF-8, then Windows-1252 (never fails: Latin-1 maps every byte).

    >>> decode_markup('<p>café</p>'.encode("cp1252"))
    ('<p>café</p>', 'cp1252')
    """
    for encoding in (bom_encoding(data), declared_charset(data)):
        if encoding is None:
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass  # a wrong declaration is common in old saves: guess instead
    encoding = guess_encoding(data)
    return data.decode(encoding), encoding


def read_markup_bytes(path: Path, limit: int | None = None) -> bytes:
    """A file's bytes, refused past ``limit`` (default :data:`MAX_HTML_BYTES`) or when empty."""
    limit = MAX_HTML_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path} is too large to read as a story ({size:,} bytes; the limit is {limit:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(f"{path} is empty: no story text to read")
    return data


def story_from_tree(root: Element, *, source_path: str, encoding: str, styles: Styles = Styles()) -> Story:
    """Build a Story from a parsed HTML page of any shape (AO3, FanFicFare, generic)."""
    builder = StoryBuilder()
    if is_ao3(root):
        meta, story_format = read_ao3(root, builder, styles), "ao3-html"
    elif is_fff_html(root):
        meta, story_format = read_fff_html(root, builder, styles), "fanficfare-html"
    else:
        meta, story_format = read_generic(root, builder, styles), "html"
    return finish(builder, meta, source_path=source_path, encoding=encoding, format=story_format)


def finish(builder: StoryBuilder, meta: Meta, *, source_path: str, encoding: str, format: str) -> Story:
    """The Story, or ``InputError("PATH has no story text: ...")`` when only notes were found."""
    if not builder.has_story_text():
        raise InputError(f"{source_path} has no story text: the {format} file holds no paragraph outside notes and site text")
    return builder.story(meta, source_path=source_path, encoding=encoding, format=format, fallback_title=title_from_path(source_path))


def read_html_file(path: Path) -> Story:
    """The registered reader for ``.html``/``.htm`` files (and any file starting ``<!DOCTYPE html``)."""
    text, encoding = decode_markup(read_markup_bytes(path))
    return story_from_tree(parse_html(text), source_path=str(path), encoding=encoding)


READER = Reader(format="html", read=read_html_file)
