"""The player page: its HTML, and a real click in headless Chromium (skipped without one).

Chromium is driven over the DevTools protocol with the ``websockets`` package; nothing is
downloaded. Install Debian's ``chromium`` (or set FICAUDIO_CHROMIUM) to run the browser tests.
"""

import contextlib
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from ficaudio.listen import load_book, publish
from ficaudio.listen.player import player_page
from ficaudio.listen.sample import write_sample_book
from ficaudio.listen.serve import start_server

BROWSER_TIMEOUT_S = 15


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    folder = write_sample_book(tmp_path_factory.mktemp("player") / "the-lantern-test")
    publish(folder)
    return folder


def test_page_lists_chapters_and_escapes_text(story):
    page = (story / "index.html").read_text()
    assert page.count('<li data-index="') == 3
    assert '<li data-index="2" data-start-ms="3000"><button type="button">the ledger</button>' in page
    assert "Is it &lt;lit&gt; yet? Tom &amp; I can&#x27;t see." in page
    assert 'src="the-lantern-test.mp3"' in page
    assert "<lit>" not in page
    assert "http" not in page.lower().replace("http-equiv", "")  # no CDN, nothing fetched from anywhere


def test_transcript_lines_are_in_book_time(story):
    page = player_page(load_book(story))
    assert '<p class="line narration" data-start-ms="6000" data-end-ms="7000">' in page


# ------------------------------------------------------------------ headless browser
def chromium_path() -> str | None:
    return os.environ.get("FICAUDIO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="no chromium found (apt-get install chromium)")


class Browser:
    """One headless Chromium and one page, over the DevTools protocol."""

    def __init__(self) -> None:
        from websockets.sync.client import connect

        self.profile = tempfile.mkdtemp(prefix="ficaudio-chromium-")
        self.proc = subprocess.Popen(
            [chromium_path(), "--headless=new", "--no-sandbox", "--disable-gpu", "--mute-audio", "--no-first-run",
             "--no-default-browser-check", "--autoplay-policy=no-user-gesture-required",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        self.ids = itertools.count(1)
        self.stack = contextlib.ExitStack()
        self.ws = self.stack.enter_context(connect(self._devtools_url(), max_size=None, open_timeout=BROWSER_TIMEOUT_S))
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def _devtools_url(self) -> str:
        port_file = Path(self.profile) / "DevToolsActivePort"  # Chromium writes "port\npath"
        deadline = time.monotonic() + BROWSER_TIMEOUT_S
        while time.monotonic() < deadline:
            if port_file.is_file() and len(port_file.read_text().split("\n")) >= 2:
                port, path = port_file.read_text().split("\n")[:2]
                return f"ws://127.0.0.1:{port}{path}"
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("chromium did not start")

    def call(self, method: str, session: str | None = None, **params):
        message = {"id": next(self.ids), "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv(timeout=BROWSER_TIMEOUT_S))
            if reply.get("id") == message["id"]:
                assert "error" not in reply, reply["error"]
                return reply["result"]

    def page(self, method: str, **params):
        return self.call(method, session=self.session, **params)

    def js(self, expression: str, *, may_fail: bool = False):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if may_fail and "exceptionDetails" in result:
            return None
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.page("Page.navigate", url=url)
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")

    def wait_for(self, expression: str):
        """Poll until truthy; errors count as not yet (the page may still be loading)."""
        deadline = time.monotonic() + BROWSER_TIMEOUT_S
        while time.monotonic() < deadline:
            value = self.js(expression, may_fail=True)
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {expression}")

    def click(self, selector: str) -> None:
        """A real mouse click (press + release) at the middle of the element."""
        x, y = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                       "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                       "return [r.x + r.width / 2, r.y + r.height / 2]; })()")  # fmt: skip
        for kind in ("mousePressed", "mouseReleased"):
            self.page("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def close(self) -> None:
        self.stack.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        pytest.skip("no chromium found (apt-get install chromium)")
    b = Browser()
    yield b
    b.close()


AUDIO = "document.getElementById('audio')"


def _click_chapter_and_check(browser: Browser, url: str) -> None:
    browser.open(url)
    browser.wait_for(f"{AUDIO}.readyState >= 1")
    assert browser.js(f"{AUDIO}.duration") == pytest.approx(9.0, abs=0.1)
    browser.click('#chapters li[data-index="3"] button')
    browser.wait_for(f"{AUDIO}.currentTime >= 6.0")
    assert browser.js(f"{AUDIO}.currentTime") < 8.0  # moved to chapter 3 (6 s), not past it
    assert browser.js("window.ficaudioPlayer.currentChapter()") == 2
    current = browser.wait_for("document.querySelector('#transcript p.current')?.dataset.startMs")
    assert 6000 <= int(current) < 9000
    browser.click('#chapters li[data-index="1"] button')
    browser.wait_for(f"{AUDIO}.currentTime < 2.0")


@needs_chromium
def test_click_a_chapter_from_disk(browser, story):
    _click_chapter_and_check(browser, (story / "index.html").as_uri())


@needs_chromium
def test_click_a_chapter_through_serve(browser, story):
    with start_server(story.parent) as server:
        _click_chapter_and_check(browser, f"{server.url}the-lantern-test/")
        assert browser.js(f"{AUDIO}.seekable.length") == 1  # Range support makes the MP3 seekable


@needs_chromium
def test_transcript_highlight_follows_playback(browser, story):
    browser.open((story / "index.html").as_uri())
    browser.wait_for(f"{AUDIO}.readyState >= 1")
    browser.click('#transcript p[data-start-ms="4000"]')
    browser.wait_for(f"{AUDIO}.currentTime >= 5.05")  # playing on: next line (5000 ms) lights up
    assert browser.wait_for("document.querySelector('#transcript p.current').dataset.startMs === '5000'")
