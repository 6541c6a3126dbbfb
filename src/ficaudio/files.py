"""Safe file names and writes that never leave a half-written file under a final name."""

from __future__ import annotations

import errno
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ficaudio.errors import OutputError

MAX_NAME_CHARS = 80
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_name(title: str | None, *, fallback: str = "untitled") -> str:
    """A file or folder name made from a title, that cannot escape its folder.

    >>> safe_name("../../etc/passwd")
    'etc-passwd'
    >>> safe_name("Chapter 1: the mission")
    'chapter-1-the-mission'
    """
    text = unicodedata.normalize("NFKD", title or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and ch.isprintable())
    text = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-_")
    text = text[:MAX_NAME_CHARS].rstrip("-_")
    if not text or text in _WINDOWS_RESERVED:
        return safe_name(fallback) if fallback and fallback != title else "untitled"
    return text


def default_mode(path: Path) -> None:
    """Give a finished temporary file the permissions a plain ``open(..., "w")`` would have.

    mkstemp makes files private (0600); audiobooks are meant to be copied and served.
    """
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


def write_error(exc: OSError, dest: Path) -> OutputError:
    """The OutputError for a failed write; a full disk (or quota, or size limit) says so plainly.

    >>> str(write_error(OSError(28, "No space left on device"), Path("b.mp3"))).splitlines()[0]
    'b.mp3: the disk is full (or a file size limit was reached) while writing'
    """
    if exc.errno in DISK_FULL_ERRNOS:
        return OutputError("the disk is full (or a file size limit was reached) while writing", path=str(dest),
                           hint="free some space and run again: finished chapters and clips are kept")  # fmt: skip
    return OutputError(f"cannot write: {exc.strerror or exc}", path=str(dest))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place.

    Any failure leaves ``path`` as it was and no temporary file; OSErrors become OutputError.
    """
    with atomic_writer(path, binary=True) as write:
        write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@contextmanager
def atomic_writer(path: Path, *, binary: bool = False) -> Iterator[Callable]:
    """``write(text)`` (``write(bytes)`` if ``binary``) calls build ``path`` piece by piece in
    a temporary file beside it, renamed into place when the block ends without an error (else
    removed). OSErrors become OutputError."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise write_error(exc, path) from exc
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle.write
        default_mode(Path(tmp))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_error(exc, path) from exc
        raise
