"""ficaudio serve: byte ranges, nothing outside the folder, feeds for the client's host."""

import http.client
import io
from pathlib import Path

import feedparser
import pytest

from ficaudio.errors import FicaudioError, InputError
from ficaudio.listen import publish, publish_library
from ficaudio.listen.sample import write_sample_book
from ficaudio.listen.serve import open_server, parse_range, print_banner, start_server, Unsatisfiable

TIMEOUT_S = 5


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    publish(write_sample_book(out / "the-lantern-test"))
    publish_library(out)
    (out / "secret-outside.txt").write_text("x")  # reachable only through the symlink below
    return out


@pytest.fixture(scope="module")
def server(out_dir):
    with start_server(out_dir) as running:
        yield running


def get(server, path: str, headers: dict | None = None, method: str = "GET"):
    """Raw request: http.client sends the path exactly as given (no normalising)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.server.port, timeout=TIMEOUT_S)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


BOOK = "/the-lantern-test/the-lantern-test.mp3"


def test_binds_localhost_by_default(server):
    assert server.server.server_address[0] == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:")


def test_whole_file(server, out_dir):
    status, headers, body = get(server, BOOK)
    assert status == 200
    assert body == (out_dir / BOOK[1:]).read_bytes()
    assert headers["Content-Type"] == "audio/mpeg"
    assert headers["Accept-Ranges"] == "bytes"


@pytest.mark.parametrize(("header", "first", "last"), [("bytes=0-99", 0, 99), ("bytes=1000-", 1000, None),
                                                         ("bytes=-500", -500, None), ("bytes=70000-99999999", 70000, None)])
def test_ranges(server, out_dir, header, first, last):
    data = (out_dir / BOOK[1:]).read_bytes()
    status, headers, body = get(server, BOOK, {"Range": header})
    assert status == 206
    expected = data[first : None if last is None else last + 1]
    assert body == expected
    start = first if first >= 0 else len(data) + first
    assert headers["Content-Range"] == f"bytes {start}-{start + len(expected) - 1}/{len(data)}"
    assert headers["Content-Length"] == str(len(expected))


def test_unsatisfiable_range_is_416(server, out_dir):
    size = (out_dir / BOOK[1:]).stat().st_size
    status, headers, _ = get(server, BOOK, {"Range": f"bytes={size}-"})
    assert status == 416
    assert headers["Content-Range"] == f"bytes */{size}"


def test_stale_if_range_gets_the_whole_file(server, out_dir):
    status, _, body = get(server, BOOK, {"Range": "bytes=0-9", "If-Range": '"old"'})
    assert status == 200 and len(body) == (out_dir / BOOK[1:]).stat().st_size


def test_head_has_no_body(server, out_dir):
    status, headers, body = get(server, BOOK, method="HEAD")
    assert (status, body) == (200, b"")
    assert headers["Content-Length"] == str((out_dir / BOOK[1:]).stat().st_size)


@pytest.mark.parametrize("path", ["/../secret.txt", "/the-lantern-test/../../etc/passwd", "/%2e%2e/etc/passwd",
                                  "/the-lantern-test/%2E%2E/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd",
                                  "/the-lantern-test/.book.json.part", "/a%00b", "/..\\etc"])
def test_refuses_paths_outside_or_hidden(server, path):
    status, _, body = get(server, path)
    assert status == 403, (path, body)


def test_absolute_paths_stay_inside(server):
    status, _, _ = get(server, "//etc/passwd")
    assert status == 404  # read as <folder>/etc/passwd, which does not exist


def test_symlink_pointing_out_is_refused(out_dir, tmp_path):
    (tmp_path / "secret.txt").write_text("secret")
    (out_dir / "the-lantern-test" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    try:
        with start_server(out_dir) as srv:
            status, _, body = get(srv, "/the-lantern-test/leak.txt")
    finally:
        (out_dir / "the-lantern-test" / "leak.txt").unlink()
    assert status == 403 and b"secret" not in body


def test_missing_file_is_404(server):
    assert get(server, "/the-lantern-test/nope.mp3")[0] == 404


def test_directory_redirects_then_serves_the_player(server):
    status, headers, _ = get(server, "/the-lantern-test")
    assert status == 301 and headers["Location"] == "/the-lantern-test/"
    status, headers, body = get(server, "/the-lantern-test/")
    assert status == 200 and b'id="chapters"' in body


def test_feed_uses_the_host_the_client_reached(server):
    status, headers, body = get(server, "/the-lantern-test/feed.xml", {"Host": "192.168.1.20:8000"})
    assert status == 200 and headers["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(body)
    assert parsed.entries[1].enclosures[0].href == "http://192.168.1.20:8000/the-lantern-test/01-the-lantern.mp3"


def test_library_feed_uses_the_host_too(server):
    parsed = feedparser.parse(get(server, "/feed.xml", {"Host": "phone.local:8000"})[2])
    assert parsed.entries[0].enclosures[0].href == "http://phone.local:8000/the-lantern-test/the-lantern-test.mp3"


def test_bad_host_header_falls_back_to_the_bound_address(server):
    body = get(server, "/the-lantern-test/feed.xml", {"Host": 'x"><evil'})[2]
    assert b"evil" not in body
    assert f"http://127.0.0.1:{server.server.port}/the-lantern-test/".encode() in body


def test_enclosure_url_downloads_the_exact_bytes(server, out_dir):
    parsed = feedparser.parse(get(server, "/the-lantern-test/feed.xml")[2])
    enclosure = parsed.entries[2].enclosures[0]
    path = enclosure.href.split(str(server.server.port), 1)[1]
    status, _, body = get(server, path)
    assert status == 200 and len(body) == int(enclosure.length)


def test_banner_lists_feeds_and_prints_a_qr_code(server):
    out = io.StringIO()
    print_banner(server.server, out, show_qr=True)
    text = out.getvalue()
    assert f"feed: {server.url}feed.xml   Library (all stories)" in text
    assert f"feed: {server.url}the-lantern-test/feed.xml   The Lantern Test" in text
    assert "--host 0.0.0.0" in text
    assert "\u2580" in text or "\u2584" in text  # half blocks of the compact QR code


def test_port_in_use_is_a_clean_error(server, out_dir):
    with pytest.raises(FicaudioError, match=f"cannot listen on 127.0.0.1:{server.server.port}"):
        open_server(out_dir, port=server.server.port)


def test_serving_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match="not a folder to serve"):
        open_server(tmp_path / "nope")


def test_parse_range_edge_cases():
    assert parse_range(None, 10) is None
    assert parse_range("items=0-1", 10) is None
    assert parse_range("bytes=5-2", 10) is None
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=-0", 10)
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=0-", 0)


def test_feeds_read_each_book_json_once_per_change(tmp_path, monkeypatch):
    import ficaudio.listen.serve as serve_module

    publish(write_sample_book(tmp_path / "the-lantern-test"))
    loads = []
    load = serve_module.load_book
    monkeypatch.setattr(serve_module, "load_book", lambda folder: (loads.append(folder.name), load(folder))[1])
    with start_server(tmp_path) as running:
        first = get(running, "/the-lantern-test/feed.xml")
        assert get(running, "/the-lantern-test/feed.xml")[2] == first[2]
        assert get(running, "/feed.xml")[0] == 200
        assert loads == ["the-lantern-test"]
        book_json = tmp_path / "the-lantern-test" / "book.json"
        book_json.write_text(book_json.read_text("utf-8").replace("The Lantern Test", "The Lantern Retold"), encoding="utf-8")
        assert b"The Lantern Retold" in get(running, "/the-lantern-test/feed.xml")[2]
        assert loads == ["the-lantern-test"] * 2


def test_a_feed_is_read_again_when_an_audio_file_changes_or_goes(tmp_path):
    publish(write_sample_book(tmp_path / "the-lantern-test"))
    chapter = tmp_path / "the-lantern-test" / "02-the-ledger.mp3"
    with start_server(tmp_path) as running:
        assert get(running, "/the-lantern-test/feed.xml")[0] == 200
        with chapter.open("ab") as grown:
            grown.write(b"\0" * 1000)  # book.json now states the wrong size
        assert get(running, "/the-lantern-test/feed.xml")[0] == 500
        chapter.unlink()
        assert get(running, "/the-lantern-test/feed.xml")[0] == 500
