"""book.json read a piece at a time: the top-level fields whole, each chapter on its own.

A big book's book.json holds ~800,000 cues, about a gigabyte as Python objects; :func:`scan`
decodes one chapter at a time, hands it to a callback, and forgets it, so reading the book
holds about one chapter however long the book is. The callback is told where the chapter
lies in the file (:class:`Span`: byte offset and length), so :func:`read_span` can decode
that chapter alone again later. Any JSON text is read (one line, one chapter a line as
render writes it, or indented; keys in any order), and a syntax error is reported like
:func:`json.loads` reports it: message and line.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

CHUNK_BYTES = 1 << 20
"""Bytes read at a time; a value longer than what is buffered doubles the next read."""

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_TRUNCATION_CHARS = 16
"""A decode error, or a value's end, this close to the buffer's end may only mean the value goes on past it."""


class JsonSyntaxError(ValueError):
    """Not valid JSON: ``msg`` as json.loads words it, ``line`` 1-based in the whole file."""

    def __init__(self, msg: str, line: int) -> None:
        super().__init__(f"{msg}: line {line}")
        self.msg = msg
        self.line = line


@dataclass(frozen=True)
class Span:
    """Where one JSON value lies in a file: its first byte and its length in bytes."""

    offset: int
    length: int


class _Stream:
    """The file's text from the first unconsumed value on, with that point's byte offset and line."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.text, self.pos, self.offset, self.line, self.eof = "", 0, 0, 1, False

    def more(self) -> bool:
        """Append the next chunk (at least as long as the buffer); False at the end of the file."""
        if self.eof:
            return False
        data = self.handle.read(max(CHUNK_BYTES, len(self.text)))
        self.eof = not data
        self.text += self.decoder.decode(data, final=self.eof)
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end), the position left on it."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos : self.pos + 1]

    def expect(self, allowed: str, message: str) -> str:
        """Consume one of the ``allowed`` characters (after white space) and return it."""
        char = self.peek()
        if not char or char not in allowed:
            self.fail(message)
        self.pos += 1
        return char

    def drop(self) -> None:
        """Forget what was consumed, moving the byte offset and line past it."""
        done = self.text[: self.pos]
        self.offset += len(done.encode("utf-8"))
        self.line += done.count("\n")
        self.text, self.pos = self.text[self.pos :], 0

    def value(self) -> tuple[Any, Span]:
        """Decode the value at the position (reading on until it is whole) and where it lay."""
        self.peek()
        self.drop()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, 0)
            except json.JSONDecodeError as exc:
                if not (self._maybe_cut(exc) and self.more()):
                    self.pos = exc.pos
                    self.fail(exc.msg)
                continue
            if end < len(self.text) - _TRUNCATION_CHARS or not self.more():  # "1.5e3" cut after "1." decodes as 1
                self.pos = end
                span = Span(self.offset, len(self.text[:end].encode("utf-8")))
                self.drop()
                return value, span

    def _maybe_cut(self, exc: json.JSONDecodeError) -> bool:
        return exc.pos >= len(self.text) - _TRUNCATION_CHARS or exc.msg.startswith("Unterminated string")

    def fail(self, msg: str) -> None:
        raise JsonSyntaxError(msg, self.line + self.text.count("\n", 0, self.pos))


def scan(handle: BinaryIO, on_chapter: Callable[[int, Any, Span], Any]) -> Any:
    """The JSON document in ``handle``; a top-level ``chapters`` list holds what ``on_chapter``
    returned for each element (its number, its decoded value, its span) instead of the element.

    >>> import io
    >>> scan(io.BytesIO(b'{"t": "x",\\n "chapters": [{"a": 1},\\n {"a": 2}]}'), lambda i, v, s: (i, v["a"], s.offset))
    {'t': 'x', 'chapters': [(0, 1, 25), (1, 2, 36)]}
    """
    stream = _Stream(handle)
    if stream.peek() != "{":  # not a book at all: load_book says what it is
        document = stream.value()[0]
    else:
        document = _members(stream, on_chapter)
    if stream.peek():
        stream.fail("Extra data")
    return document


def _members(stream: _Stream, on_chapter: Callable[[int, Any, Span], Any]) -> dict:
    stream.expect("{", "Expecting value")
    members: dict[str, Any] = {}
    if stream.peek() == "}":
        stream.pos += 1
        return members
    while True:
        if stream.peek() != '"':
            stream.fail("Expecting property name enclosed in double quotes")
        key = stream.value()[0]
        stream.expect(":", "Expecting ':' delimiter")
        if key == "chapters" and stream.peek() == "[":
            members[key] = _elements(stream, on_chapter)
        else:
            members[key] = stream.value()[0]
        if stream.expect(",}", "Expecting ',' delimiter") == "}":
            return members


def _elements(stream: _Stream, on_chapter: Callable[[int, Any, Span], Any]) -> list:
    stream.expect("[", "Expecting value")
    results: list = []
    if stream.peek() == "]":
        stream.pos += 1
        return results
    while True:
        results.append(on_chapter(len(results), *stream.value()))
        if stream.expect(",]", "Expecting ',' delimiter") == "]":
            return results


def read_span(handle: BinaryIO, span: Span) -> Any:
    """Decode the value a :func:`scan` found at ``span`` again."""
    handle.seek(span.offset)
    return json.loads(handle.read(span.length))
