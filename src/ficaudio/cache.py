"""Content-addressed store of synthesised utterances (s16le mono PCM).

A clip's key hashes everything that shapes its audio: the engine identity (name, version,
sample rate), the voice (id, rate, pitch, volume) and the text as spoken. Same inputs,
same key, so a re-run or a resumed run synthesises only what changed.

Writes are atomic: the clip goes to a temp file in the same directory, then ``os.replace``
moves it under its final name, so a kill at any moment leaves either the whole clip or
no clip (plus, at worst, a stray ``.tmp-*`` file that :meth:`ClipCache.clear` removes).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ficaudio.errors import OutputError
from ficaudio.files import write_error
from ficaudio.models import Utterance

CLIP_SUFFIX = ".pcm"
TEMP_PREFIX = ".tmp-"
STALE_TEMP_S = 3600
"""A temp file this old was left by a killed writer (a live write takes milliseconds)."""
KEY_SCHEMA = "ficaudio-clip-v1"
"""Bumped when the key recipe changes, so old clips are never misread."""
DEFAULT_MAX_GB = 4.0
"""The cache is trimmed to this size (least recently used clips first) while and after
ficaudio renders: clips are raw audio, ~160 MB per hour of speech, so a 100,000-word book
leaves ~1.6 GB and a 50 MB story would leave ~130 GB. ``FICAUDIO_CACHE_MAX_GB`` changes it."""


def max_cache_bytes(environ: dict[str, str] | None = None) -> int:
    """The cache's size cap: ``FICAUDIO_CACHE_MAX_GB`` (a number, may be fractional), else the default.

    >>> max_cache_bytes({"FICAUDIO_CACHE_MAX_GB": "0.5"}), max_cache_bytes({})
    (500000000, 4000000000)
    """
    value = (os.environ if environ is None else environ).get("FICAUDIO_CACHE_MAX_GB", "")
    try:
        gigabytes = float(value) if value.strip() else DEFAULT_MAX_GB
    except ValueError:
        raise OutputError(f"FICAUDIO_CACHE_MAX_GB={value!r} is not a number of gigabytes", hint="e.g. FICAUDIO_CACHE_MAX_GB=10") from None
    return max(0, int(gigabytes * 1e9))


def default_cache_dir(platform: str = sys.platform, environ: dict[str, str] | None = None) -> Path:
    """Where clips live unless told otherwise; ``FICAUDIO_CACHE_DIR`` overrides.

    >>> default_cache_dir("linux", {"HOME": "/home/a", "XDG_CACHE_HOME": "/c"})
    PosixPath('/c/ficaudio')
    >>> default_cache_dir("darwin", {"HOME": "/Users/a"})
    PosixPath('/Users/a/Library/Caches/ficaudio')
    """
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME") or Path.home())
    if env.get("FICAUDIO_CACHE_DIR"):
        return Path(env["FICAUDIO_CACHE_DIR"])
    if platform == "win32":
        local = env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(local) / "ficaudio" / "Cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / "ficaudio"
    return Path(env.get("XDG_CACHE_HOME") or home / ".cache") / "ficaudio"


def clip_key(utterance: Utterance, engine_id: str) -> str:
    """sha256 hex of the engine identity, every voice field and the text as spoken.

    >>> from ficaudio.models import Voice
    >>> a = clip_key(Utterance("Hi.", Voice("en-us")), "espeak/1.52/22050")
    >>> a == clip_key(Utterance("Hi.", Voice("en-us", pitch=51)), "espeak/1.52/22050")
    False
    """
    voice = utterance.voice
    fields = [KEY_SCHEMA, engine_id, voice.id, voice.rate_wpm, voice.pitch, repr(float(voice.volume)), utterance.text]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class ClipCache:
    """Clips under ``root/<2 hex>/<key>.pcm``; the fan-out keeps directories small."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self._shards: set[Path] = set()  # shard folders known to exist: one mkdir each, not one per clip

    def key_for(self, utt: Utterance, engine_id: str) -> str:
        return clip_key(utt, engine_id)

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{CLIP_SUFFIX}"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def read(self, key: str) -> bytes:
        """The clip's audio; reading marks it used, so :meth:`trim` keeps it longest.
        Raises FileNotFoundError when it is gone (trimmed or cleared meanwhile)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
            os.utime(path)
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise OutputError(f"cannot read cached clip {key}: {exc.strerror or exc}", path=str(path)) from exc
        return data

    def write(self, key: str, pcm: bytes) -> Path:
        """Store ``pcm`` under ``key`` atomically; returns the final path."""
        final = self.path(key)
        try:
            fd, temp_name = self._temp_file(final.parent)
        except OSError as exc:
            raise OutputError(f"cannot write to the clip cache: {exc.strerror or exc}", path=str(final.parent)) from exc
        try:
            with os.fdopen(fd, "wb") as temp:
                temp.write(pcm)
            os.replace(temp_name, final)
        except BaseException as exc:  # KeyboardInterrupt too: never leave the temp file behind
            Path(temp_name).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise write_error(exc, final) from exc
            raise
        return final

    def _temp_file(self, shard: Path) -> tuple[int, str]:
        """A new temp file in ``shard``, making the folder the first time (or if it was removed)."""
        if shard not in self._shards:
            shard.mkdir(parents=True, exist_ok=True)
            self._shards.add(shard)
        try:
            return tempfile.mkstemp(prefix=TEMP_PREFIX, dir=shard)
        except FileNotFoundError:  # cleared under us (ficaudio cache --clear in another shell)
            shard.mkdir(parents=True, exist_ok=True)
            return tempfile.mkstemp(prefix=TEMP_PREFIX, dir=shard)

    def _clip_files(self):
        return self.root.glob(f"??/*{CLIP_SUFFIX}") if self.root.is_dir() else iter(())

    def size_bytes(self) -> int:
        """Bytes taken by complete clips (temp files left by a crash are not counted)."""
        return sum(p.stat().st_size for p in self._clip_files())

    def trim(self, max_bytes: int) -> int:
        """Remove the least recently used clips until the clips take at most ``max_bytes``;
        returns how many were removed. A clip a render still needs is said again."""
        clips = []
        for path in self._clip_files():
            try:
                stat = path.stat()
            except OSError:  # removed meanwhile (another render's trim, a clear)
                continue
            clips.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in clips)
        removed = 0
        for _, size, path in sorted(clips, key=lambda clip: clip[0]):
            if total <= max_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed

    def sweep_temp_files(self, older_than_s: float = STALE_TEMP_S) -> int:
        """Remove temp files left by killed writers; returns how many were removed.

        Only old ones: another render may be writing a fresh one into the shared cache now.
        """
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - older_than_s
        removed = 0
        for temp in self.root.glob(f"??/{TEMP_PREFIX}*"):
            try:
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()
                    removed += 1
            except OSError:  # raced with another sweeper or writer: theirs now
                continue
        return removed

    def clear(self) -> None:
        """Remove every clip and stray temp file; the root directory itself stays."""
        self._shards.clear()
        if not self.root.is_dir():
            return
        for shard in self.root.iterdir():
            if shard.is_dir() and len(shard.name) == 2:
                shutil.rmtree(shard, ignore_errors=True)
