#!/usr/bin/env python3
"""Subscribe a real podcast client (gPodder's ``gpo``) to a feed served by ``ficaudio serve``.

Usage:  python scripts/gpodder_check.py [STORY_OR_OUT_FOLDER]

Without a folder, a small sample story (tones, 3 chapters) is made in a temp folder and
published. The folder is served on 127.0.0.1 (a free port) by ficaudio's own server in a
thread; gpo, with its own temporary home, subscribes to the feed, updates, lists the
episodes, downloads one by GUID, and the downloaded file is compared byte for byte with
the served one. Every step has a time limit; the temp folders and the server are removed
whatever happens. Exit 0: passed; 1: a check failed; 2: gpo is not installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import feedparser

from ficaudio.listen import load_book, publish
from ficaudio.listen.sample import write_sample_book
from ficaudio.listen.serve import start_server

STEP_TIMEOUT_S = 60


def gpo(env: dict[str, str], *args: str) -> str:
    """Run one gpo command; its output, or SystemExit(1) with what it said."""
    done = subprocess.run(["gpo", *args], env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT_S)
    print(f"$ gpo {' '.join(args)}\n{done.stdout.strip()}\n{done.stderr.strip()}".rstrip())
    if done.returncode != 0:
        raise SystemExit(f"FAIL: gpo {args[0]} exited with {done.returncode}")
    return done.stdout


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def story_folder(arg: str | None, work: Path) -> Path:
    """The folder to serve: a copy of the given rendered story, or a fresh sample."""
    if arg is None:
        folder = write_sample_book(work / "served" / "the-lantern-test")
    else:
        folder = work / "served" / Path(arg).name
        shutil.copytree(arg, folder)
    publish(folder)
    return folder


def check(folder: Path, work: Path) -> None:
    env = {**os.environ, "GPODDER_HOME": str(work / "gpodder-home"),
           "GPODDER_DOWNLOAD_DIR": str(work / "downloads")}  # fmt: skip
    book = load_book(folder)
    with start_server(folder.parent) as server:
        feed_url = f"{server.url}{folder.name}/feed.xml"
        print(f"serving {folder.parent} at {server.url}; feed {feed_url}")
        started = time.monotonic()
        gpo(env, "subscribe", feed_url)
        gpo(env, "update", feed_url)
        listing = gpo(env, "episodes", "--guid", feed_url)
        entries = feedparser.parse(feed_url).entries
        wanted = entries[1]  # chapter 1
        missing = [e.title for e in entries if e.id not in listing]
        if missing:
            raise SystemExit(f"FAIL: gpo lists no episode for {missing}")
        gpo(env, "download", feed_url, wanted.id)
        seconds = time.monotonic() - started
    downloads = [p for p in (work / "downloads").rglob("*") if p.is_file()]
    source = folder / book.chapters[0].audio.file
    matches = [p for p in downloads if p.stat().st_size == source.stat().st_size and sha256(p) == sha256(source)]
    if not matches:
        raise SystemExit(f"FAIL: no downloaded file equals {source.name}; got {[str(p) for p in downloads]}")
    print(f"PASS: gpo subscribed to {len(entries)} episodes and downloaded {wanted.title!r} "
          f"-> {matches[0].relative_to(work)} ({source.stat().st_size} bytes, identical) in {seconds:.1f} s")


def main() -> int:
    if shutil.which("gpo") is None:
        print("SKIP: gpo not found (apt-get install gpodder)")
        return 2
    work = Path(tempfile.mkdtemp(prefix="ficaudio-gpodder-"))
    try:
        check(story_folder(sys.argv[1] if len(sys.argv) > 1 else None, work), work)
        return 0
    except SystemExit as failed:
        print(failed)
        return 1
    except subprocess.TimeoutExpired as exc:
        print(f"FAIL: timed out after {exc.timeout} s: {exc.cmd}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
