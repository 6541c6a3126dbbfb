"""Bytes of a story file -> text exactly as ``open(path, encoding=ENC).read()`` returns it.

The script prints offsets into :attr:`Story.text`, so the text must be what Python's own
universal-newline reader gives for the recorded encoding: ``\\r\\n`` and ``\\r`` become ``\\n``.
"""

from __future__ import annotations

import codecs
import unicodedata

from ficaudio.errors import InputError

BINARY_MAGIC = (
    b"ID3",  # MP3 with tags
    b"\xff\xfb", b"\xff\xf3", b"\xff\xf2",  # MP3 frames
    b"PK\x03\x04",  # zip, epub, docx
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"RIFF", b"OggS", b"fLaC",
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
)
"""File signatures of formats that are never a plain-text story."""

CONTROL_RATIO_LIMIT = 0.05
"""Above this share of control characters a decoded file is taken for binary data."""

ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def binary_error(path: str) -> InputError:
    """The one error for a file that is not text.

    >>> str(binary_error("a.mp3"))
    'a.mp3 is not a text story (it looks like binary data)'
    """
    return InputError(f"{path} is not a text story (it looks like binary data)")


def has_binary_signature(data: bytes) -> bool:
    """True for NUL bytes or a known binary magic number.

    >>> has_binary_signature(b"ID3\\x03..."), has_binary_signature(b"Once upon a time")
    (True, False)
    """
    return data.startswith(BINARY_MAGIC) or b"\x00" in data


def control_ratio(text: str) -> float:
    """Share of control characters other than tabs and line breaks.

    >>> control_ratio("ab\\x01\\x02")
    0.5
    """
    if not text:
        return 0.0
    controls = sum(1 for c in text if c not in ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")
    return controls / len(text)


def bom_encoding(data: bytes) -> str | None:
    """Encoding announced by a byte-order mark; its codec strips the mark when reading.

    >>> bom_encoding(codecs.BOM_UTF8 + b"Hi"), bom_encoding(b"Hi")
    ('utf-8-sig', None)
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # checked first: the UTF-32 LE mark begins with the UTF-16 LE one
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return None


def guess_encoding(data: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else Windows-1252, else Latin-1 (never fails).

    >>> guess_encoding("café".encode()), guess_encoding(b"\\x93Hi\\x94"), guess_encoding(b"\\x81")
    ('utf-8', 'cp1252', 'latin-1')
    """
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return "latin-1"  # maps every byte; cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined


def universal_newlines(text: str) -> str:
    """What Python's text mode does to line ends.

    >>> universal_newlines("a\\r\\nb\\rc\\n")
    'a\\nb\\nc\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_story_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` with ``text == open(path, encoding=encoding).read()``.

    Raises ``InputError("PATH is not a text story (it looks like binary data)")`` for binary
    data and ``InputError("PATH is empty: no story text to read")`` for an empty or
    whitespace-only file.

    >>> decode_story_bytes(b"Hello\\r\\nworld", "s.txt")
    ('Hello\\nworld', 'utf-8')
    """
    encoding = bom_encoding(data)
    if encoding is None:
        if has_binary_signature(data):
            raise binary_error(path)
        encoding = guess_encoding(data)
    try:
        text = universal_newlines(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not valid {encoding} text (byte {exc.start}: {exc.reason})") from exc
    if control_ratio(text) > CONTROL_RATIO_LIMIT:
        raise binary_error(path)
    if not text.strip():
        raise InputError(f"{path} is empty: no story text to read")
    return text, encoding
