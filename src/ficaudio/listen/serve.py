"""``ficaudio serve``: the output folder over HTTP for phones and podcast apps.

* Byte ranges (206, ``Content-Range``, 416): podcast apps and browsers seek with them.
* Nothing outside the folder: ``..`` (plain or percent-encoded), absolute paths, dot
  files (temp files) and symlinks that resolve outside are refused.
* Feeds are rebuilt per request with the host the client used (``Host`` header), so a
  phone that reached ``http://192.168.1.20:8000/`` gets enclosure URLs it can reach; each
  story's book.json is read once per change (:class:`Shelf`), not per request.
* Binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import email.utils
import re
import socket
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import quote, unquote, urlsplit

from ficaudio.errors import FicaudioError, InputError
from ficaudio.listen.book import BOOK_JSON, BookInfo, file_stamp, load_book
from ficaudio.listen.feed import story_feed
from ficaudio.listen.publish import FEED_FILE, library_books, library_feed_bytes, story_url
from ficaudio.listen.player import PLAYER_PAGE

CHUNK_BYTES = 256 * 1024
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

CONTENT_TYPES = {
    ".mp3": "audio/mpeg", ".m4b": "audio/mp4", ".m4a": "audio/mp4",
    ".vtt": "text/vtt; charset=utf-8", ".srt": "application/x-subrip; charset=utf-8",
    ".json": "application/json", ".xml": "application/rss+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
}  # fmt: skip

_HOST_HEADER = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


# --------------------------------------------------------------------- pure rules
class Refused(Exception):
    """A request path that must not be served (outside the folder, hidden, malformed)."""


def request_segments(raw_path: str) -> list[str]:
    """The decoded path segments of a request target; refuses ``..``, dot files, NUL, ``\\``.

    >>> request_segments("/my%20book/01-a.mp3?x=1")
    ['my book', '01-a.mp3']
    >>> request_segments("/a/%2e%2e/b")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ...
    ficaudio.listen.serve.Refused: '..' in path
    """
    path = unquote(urlsplit(raw_path).path, errors="strict")
    segments = [s for s in path.split("/") if s not in ("", ".")]
    for segment in segments:
        if segment == "..":
            raise Refused("'..' in path")
        if segment.startswith(".") or "\0" in segment or "\\" in segment:
            raise Refused(f"not served: {segment!r}")
    return segments


def resolve_inside(root: Path, segments: list[str]) -> Path:
    """``root/segments`` with symlinks resolved; refused unless it is still under ``root``.

    ``root`` must already be resolved.
    """
    target = root.joinpath(*segments).resolve()
    if target != root and not target.is_relative_to(root):
        raise Refused("outside the served folder")
    return target


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class Unsatisfiable(Exception):
    """A Range that selects no byte of the file: answered with 416."""


def parse_range(header: str | None, size_bytes: int) -> ByteRange | None:
    """The one range a ``Range`` header asks for; None to send the whole file.

    Malformed and multi-range headers are ignored (RFC 9110 allows it): the client gets 200.

    >>> parse_range("bytes=0-99", 1000), parse_range("bytes=900-", 1000), parse_range("bytes=-10", 1000)
    (ByteRange(start=0, end=99), ByteRange(start=900, end=999), ByteRange(start=990, end=999))
    >>> parse_range("bytes=0-1,5-6", 1000) is None, parse_range("bytes=10-2000", 1000)
    (True, ByteRange(start=10, end=999))
    """
    match = _RANGE.match((header or "").strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if not first:  # suffix range: the last N bytes
        if int(last) == 0 or size_bytes == 0:
            raise Unsatisfiable()
        return ByteRange(max(0, size_bytes - int(last)), size_bytes - 1)
    start = int(first)
    end = min(int(last), size_bytes - 1) if last else size_bytes - 1
    if last and int(last) < start:
        return None  # invalid syntax: ignore
    if start >= size_bytes:
        raise Unsatisfiable()
    return ByteRange(start, end)


def client_base_url(host_header: str | None, fallback_host: str) -> str:
    """``http://<host>/`` as the client named us, if the Host header looks like a host.

    >>> client_base_url("192.168.1.20:8000", "127.0.0.1:8000")
    'http://192.168.1.20:8000/'
    >>> client_base_url("evil\\"><x", "127.0.0.1:8000")
    'http://127.0.0.1:8000/'
    """
    host = (host_header or "").strip()
    return f"http://{host if _HOST_HEADER.match(host) else fallback_host}/"


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent), else 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: picks the outgoing interface only
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def display_host(bound_host: str, port: int) -> str:
    """The ``host:port`` to print: a wildcard bind is shown as the LAN address."""
    host = lan_address() if bound_host in ("0.0.0.0", "", "::") else bound_host
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# ------------------------------------------------------------------------ handler
class ListenHandler(BaseHTTPRequestHandler):
    server_version = "ficaudio"
    protocol_version = "HTTP/1.1"  # keep-alive: apps fetch many ranges of one file
    server: ListenServer

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib's name)
        if self.server.log is not None:
            self.server.log.write(f"{self.address_string()} {format % args}\n")

    def _respond(self, *, send_body: bool) -> None:
        try:
            target = resolve_inside(self.server.root, request_segments(self.path))
        except (Refused, UnicodeDecodeError):
            return self._error(HTTPStatus.FORBIDDEN, "outside the served folder", send_body)
        try:
            if target.is_dir():
                return self._directory(target, send_body)
            if target.name == FEED_FILE and self._send_feed(target.parent, send_body):
                return None
            if target.is_file():
                return self._file(target, send_body)
        except FicaudioError as exc:
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc), send_body)
        except (BrokenPipeError, ConnectionResetError):
            return None  # the client went away mid-download: normal for podcast apps
        return self._error(HTTPStatus.NOT_FOUND, "not found", send_body)

    def _directory(self, folder: Path, send_body: bool) -> None:
        if not urlsplit(self.path).path.endswith("/"):  # relative links in the page need the slash
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        page = folder / PLAYER_PAGE
        if page.is_file():
            return self._file(page, send_body)
        return self._error(HTTPStatus.NOT_FOUND, "no index.html here (run `ficaudio render` to make one)", send_body)

    def _send_feed(self, folder: Path, send_body: bool) -> bool:
        """A feed rebuilt for the URL this client used; False when ``folder`` has none."""
        base = client_base_url(self.headers.get("Host"), display_host(*self.server.server_address[:2]))
        relative = folder.relative_to(self.server.root).parts
        folder_url = base + "".join(quote(part) + "/" for part in relative)
        if (folder / BOOK_JSON).is_file():
            body = story_feed(self.server.shelf.book(folder), folder_url)
        elif folder == self.server.root:
            body = library_feed_bytes(folder, folder_url, library_books(folder, self.server.shelf.book))
        else:
            body = None
        if body is None:
            return False
        self._send_bytes(body, CONTENT_TYPES[".xml"], send_body)
        return True

    def _send_bytes(self, body: bytes, mime: str, send_body: bool, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", mime)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str, send_body: bool) -> None:
        self._send_bytes(f"{status.value} {status.phrase}: {message}\n".encode(), "text/plain; charset=utf-8",
                         send_body, status)  # fmt: skip

    def _file(self, path: Path, send_body: bool) -> None:
        stat = path.stat()
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
        try:
            wanted = parse_range(self.headers.get("Range"), stat.st_size)
        except Unsatisfiable:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{stat.st_size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.headers.get("If-Range") not in (None, etag):
            wanted = None  # the client's copy is of another version: send it all
        self.send_response(HTTPStatus.PARTIAL_CONTENT if wanted else HTTPStatus.OK)
        self.send_header("Content-Type", content_type(path))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        start, length = (wanted.start, wanted.length) if wanted else (0, stat.st_size)
        if wanted:
            self.send_header("Content-Range", f"bytes {wanted.start}-{wanted.end}/{stat.st_size}")
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if send_body:
            self._copy(path, start, length)

    def _copy(self, path: Path, start: int, length: int) -> None:
        with open(path, "rb") as source:
            source.seek(start)
            while length > 0:
                chunk = source.read(min(CHUNK_BYTES, length))
                if not chunk:
                    break  # file shrank while serving; the client sees a short body
                self.wfile.write(chunk)
                length -= len(chunk)


# ------------------------------------------------------------------------- server
class Shelf:
    """The books a server has read, each kept until its book.json or one of its audio files
    changes (size or mtime): a podcast app polling a feed must not make the server read a big
    book.json each time, and the feed's enclosures must still be the files as they are
    (:func:`load_book` checks their sizes; a render stopped between writing the MP3s and
    book.json leaves them disagreeing)."""

    def __init__(self) -> None:
        self._books: dict[Path, tuple[tuple, BookInfo]] = {}
        self._lock = threading.Lock()

    def book(self, folder: Path) -> BookInfo:
        stamp = file_stamp(folder / BOOK_JSON)  # taken before reading: a change while reading reads again next time
        with self._lock:
            kept = self._books.get(folder)
        if stamp is not None and kept is not None and kept[0] == _stamps(folder, stamp, kept[1]):
            return kept[1]
        book = load_book(folder)
        if stamp is not None:
            with self._lock:
                self._books[folder] = (_stamps(folder, stamp, book), book)
        return book


def _stamps(folder: Path, book_json: tuple[int, int], book: BookInfo) -> tuple:
    """book.json's stamp and those of the book's audio files (None for one that is gone)."""
    return book_json, tuple(file_stamp(folder / audio.file) for audio in (book.audio, *(c.audio for c in book.chapters)))


class ListenServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, root: Path, host: str, port: int, log: TextIO | None) -> None:
        self.root = root
        self.log = log
        self.shelf = Shelf()
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), ListenHandler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{display_host(self.server_address[0], self.port)}/"


def open_server(folder: Path, *, host: str = "127.0.0.1", port: int = 8000, log: TextIO | None = None) -> ListenServer:
    """A bound (not yet running) server for ``folder``; port 0 picks a free port."""
    root = Path(folder).resolve()
    if not root.is_dir():
        raise InputError("not a folder to serve", path=str(folder), hint="give the --out folder of `ficaudio render`")
    try:
        return ListenServer(root, host, port, log)
    except OSError as exc:
        raise FicaudioError(f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                            hint="choose another --port, or stop the program using this one") from exc  # fmt: skip


class BackgroundServer:
    """A server running in a daemon thread; ``with start_server(...) as srv: srv.url``."""

    def __init__(self, server: ListenServer) -> None:
        self.server = server
        self.thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> BackgroundServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_server(folder: Path, *, host: str = "127.0.0.1", port: int = 0, log: TextIO | None = None) -> BackgroundServer:
    """Serve ``folder`` from a background thread (for tests and scripts); port 0: any free."""
    return BackgroundServer(open_server(folder, host=host, port=port, log=log))


# --------------------------------------------------------------------------- CLI
def feed_urls(root: Path, base_url: str) -> list[tuple[str, str]]:
    """(label, URL) of every feed under ``root``: the story's, or the library's and each story's."""
    if (root / BOOK_JSON).is_file():
        return [(load_book(root).title, base_url + FEED_FILE)]
    books = library_books(root)
    urls = [("Library (all stories)", base_url + FEED_FILE)] if books else []
    return urls + [(b.title, story_url(base_url, b.folder.name) + FEED_FILE) for b in books]


def print_banner(server: ListenServer, out: TextIO, *, show_qr: bool) -> None:
    """Where to point a browser or podcast app, and a QR code of the main feed."""
    urls = feed_urls(server.root, server.url)
    out.write(f"Serving {server.root} at {server.url}  (Ctrl-C to stop)\n")
    if not urls:
        out.write("No rendered stories here yet (no book.json found).\n")
    for label, url in urls:
        out.write(f"  feed: {url}   {label}\n")
    if server.server_address[0] in LOCAL_HOSTS:
        out.write("Only this computer can connect. To listen on a phone on the same network: --host 0.0.0.0\n")
    if show_qr and urls:
        import segno  # only needed for the terminal QR code

        out.write(f"Scan to open {urls[0][1]}:\n")
        segno.make(urls[0][1], error="m").terminal(out=out, compact=True)
    out.flush()


def serve(folder: Path, *, host: str = "127.0.0.1", port: int = 8000, open_qr: bool = True) -> None:
    """Serve ``folder`` until Ctrl-C; prints the feed URLs and (``open_qr``) a QR code."""
    server = open_server(folder, host=host, port=port, log=sys.stderr)
    with server:
        print_banner(server, sys.stdout, show_qr=open_qr)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            sys.stdout.write("\nstopped\n")
