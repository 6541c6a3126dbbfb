"""The book folder's state: what an earlier render left there, and what this one may reuse.

``OUT/<slug>/`` holds the book, and beside it the state that lets a render resume or skip:

* the owner file (which story file the folder belongs to, :func:`book_folder`);
* the manifest (chapter keys and cues, the book, the input fingerprint, every output's size)
  and the journal (one line per chapter finished since), read and written under :func:`locked`;
* book.json and the cover, which the listening files are made from.

Small functions over paths and dicts; :mod:`ficaudio.pipeline` decides when each is called.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .config import Config
from .errors import OutputError
from .files import atomic_write_bytes, atomic_write_text, atomic_writer, safe_name
from .models import ChapterAudio, ChapterPlan, Cue, RenderPlan

if TYPE_CHECKING:
    from .pipeline import RenderOptions

MANIFEST = ".ficaudio-manifest.json"


JOURNAL = ".ficaudio-journal.jsonl"


PRIVATE_CACHE = ".ficaudio-cache"  # --no-cache: clips live here during the render only


RUNS = ".ficaudio-runs"  # in the out folder: which book folder each story file went to
OWNER = ".ficaudio-source"  # in each book folder: the story file it was rendered from
CUES = ".ficaudio-cues"  # in each book folder: each chapter's cues (CHAPTER.mp3.json), until book.json holds them


@dataclass(frozen=True)
class BookResult:
    title: str
    folder: Path
    book_path: Path
    chapters: tuple[ChapterAudio, ...]
    duration_ms: int
    synthesized: int  # utterances the engine had to say this run
    utterances: int  # utterances in the book (distinct)


def book_folder(out_dir: Path, title: str, story: Path) -> Path:
    """``OUT/<title-slug>/``, or ``-2``, ``-3``... when another story file already owns that folder.

    Two stories called "Home" must not overwrite each other; the same story rendered again
    comes back to its own folder.
    """
    base = safe_name(title, fallback=story.stem)
    source = str(story.resolve())
    for number in range(1, 10_000):
        folder = out_dir / (base if number == 1 else f"{base}-{number}")
        try:
            owner = (folder / OWNER).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            owner = None  # a new folder, or one from before owners were recorded
        if owner in (None, source):
            return folder
    raise OutputError(f"too many stories called {title!r} in {out_dir}", hint="render into another --out folder")


def reusable_chapter(entry: dict | None, key: str, dest: Path, chapter: ChapterPlan, rate_hz: int) -> ChapterAudio | None:
    """The chapter as an earlier run wrote it, when its key matches and the file and its cues
    are intact (cues stay on disk: see :func:`keep_cues`)."""
    if not entry or entry.get("key") != key or not same_size(dest, entry.get("bytes")):
        return None
    audio = ChapterAudio(chapter.index, chapter.title, str(dest), entry["samples"], rate_hz)
    if "cues" in entry:  # a folder written before cues moved out of the manifest
        keep_cues(dest.parent, replace(audio, cues=tuple(Cue(**c) for c in entry["cues"])))
    return audio if cues_path(dest.parent, audio).exists() else None


def cues_path(folder: Path, chapter: ChapterAudio) -> Path:
    return folder / CUES / f"{Path(chapter.path).name}.json"


def keep_cues(folder: Path, chapter: ChapterAudio) -> ChapterAudio:
    """Write a finished chapter's cues to disk; the chapter without them, to hold in memory
    (a big book's cues would otherwise grow with the book while it renders)."""
    path = cues_path(folder, chapter)
    path.parent.mkdir(exist_ok=True)
    atomic_write_text(path, json.dumps([asdict(cue) for cue in chapter.cues], ensure_ascii=False))
    return replace(chapter, cues=())


def load_cues(folder: Path, chapter: ChapterAudio) -> tuple[Cue, ...]:
    try:
        return tuple(Cue(**c) for c in json.loads(cues_path(folder, chapter).read_text("utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        raise OutputError(f"the cues of {Path(chapter.path).name} are missing or damaged", path=str(cues_path(folder, chapter)),
                          hint="render again: that chapter will be made anew") from exc  # fmt: skip


def cover_digest(cover: bytes | None) -> str:
    return hashlib.sha256(cover).hexdigest() if cover else ""


def same_size(path: Path, size) -> bool:
    try:
        return path.stat().st_size == size
    except OSError:
        return False


def chapter_file_name(chapter: ChapterPlan) -> str:
    return f"{chapter.index:02d}-{safe_name(chapter.title, fallback=f'chapter-{chapter.index}')}.mp3"


def digest(parts: Sequence[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


# -------------------------------------------------------------------- book folder state
# MANIFEST: the state after the last complete render (chapter keys and cues, the book,
# the input fingerprint and every output file's size). JOURNAL: one JSON line appended per
# chapter finished since, so a killed run's chapters are reused; a torn last line (kill
# mid-append) is ignored. Both are read only under the folder's lock, once per render
# (:func:`read_state`); the render changes the :class:`FolderState` it holds and writes it.


@dataclass
class FolderState:
    """What earlier renders left in a book folder: the manifest as last written, and its
    chapter entries (file name -> entry) overridden by those journaled since."""

    manifest: dict
    chapters: dict[str, dict]

    def write(self, folder: Path) -> None:
        atomic_write_text(folder / MANIFEST, json.dumps(self.manifest, indent=1))


def read_manifest(folder: Path) -> dict:
    return _read_json(folder / MANIFEST)


def _chapter_entry(chapter: ChapterAudio, key: str) -> dict:
    return {"key": key, "index": chapter.index, "title": chapter.title, "samples": chapter.sample_count,
            "rate_hz": chapter.sample_rate_hz, "bytes": Path(chapter.path).stat().st_size}  # fmt: skip


def read_state(folder: Path) -> FolderState:
    """The manifest, and its chapter entries overridden by journaled chapters."""
    manifest = read_manifest(folder)
    entries = dict(manifest.get("chapters", {}))
    try:
        lines = (folder / JOURNAL).read_text("utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            name, entry = json.loads(line)
        except ValueError:  # a line torn by a kill
            continue
        entries[name] = entry
    return FolderState(manifest, entries)


def journal(folder: Path, chapter: ChapterAudio, key: str) -> None:
    line = json.dumps([Path(chapter.path).name, _chapter_entry(chapter, key)], ensure_ascii=False)
    try:
        with open(folder / JOURNAL, "a", encoding="utf-8") as journal:
            journal.write(line + "\n")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(folder / JOURNAL)) from exc


def write_manifest(folder: Path, state: FolderState, chapters: Sequence[ChapterAudio], keys: Sequence[str], book: dict) -> None:
    """The finished chapters and book into ``state`` and the manifest; the journal is done with."""
    entries = {Path(c.path).name: _chapter_entry(c, k) for c, k in zip(chapters, keys, strict=True)}
    state.manifest = {"chapters": entries, "book": book}
    state.chapters = dict(entries)
    state.write(folder)
    (folder / JOURNAL).unlink(missing_ok=True)


def sweep(folder: Path, cache, *, use_cache: bool) -> None:
    """Leftovers of a killed run: temporary files in the book folder (safe: we hold its lock),
    a private --no-cache cache when the shared one is used now, and old cache temp files."""
    for leftover in folder.glob(".*.part"):
        leftover.unlink(missing_ok=True)
    if use_cache:
        shutil.rmtree(folder / PRIVATE_CACHE, ignore_errors=True)
    cache.sweep_temp_files()


# ------------------------------------------------------------------- unchanged books
def input_fingerprint(path: str | Path, config: Config, options: RenderOptions) -> str | None:
    """Digest of everything a render's output depends on; None when the story is unreadable.

    The story's bytes, the settings, the corrections file, the options that change the
    output, and ficaudio's own files (a code change re-renders, conservatively).
    """
    try:
        parts = [__version__, _file_digest(Path(path)), repr(config), repr((options.notes, options.format, tuple(options.formats)))]
        parts.append(_file_digest(Path(options.script)) if options.script else "")
    except OSError:
        return None
    parts.append(_package_stamp())
    return digest(parts)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _package_stamp() -> str:
    """Names, sizes and modification times of ficaudio's own files (code and data)."""
    root = Path(__file__).parent
    stats = sorted(
        f"{p.relative_to(root)}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    return digest(stats)


def _marker(out_dir: Path, story: Path) -> Path:
    """Where the out folder remembers which book folder a story file went to."""
    story_id = hashlib.sha256(str(story.resolve()).encode("utf-8")).hexdigest()[:20]
    return out_dir / RUNS / f"{story_id}.json"


def remember(folder: Path, state: FolderState, story: Path, fingerprint: str | None, utterances: int) -> None:
    """After a complete render: the fingerprint and every output file's size and time."""
    state.manifest.update(fingerprint=fingerprint, utterances=utterances, outputs=_outputs(folder))
    state.write(folder)
    marker = _marker(folder.parent, story)
    marker.parent.mkdir(exist_ok=True)
    atomic_write_text(marker, json.dumps({"folder": folder.name, "story": str(story.resolve())}))


def _outputs(folder: Path) -> dict[str, list[int]]:
    """Visible files of the book folder: name -> [bytes, mtime ns]."""
    found = {}
    for path in folder.iterdir():
        if path.is_file() and not path.name.startswith("."):
            stat = path.stat()
            found[path.name] = [stat.st_size, stat.st_mtime_ns]
    return found


def unchanged_book(out_dir: Path, story: Path, fingerprint: str | None) -> BookResult | None:
    """The last render's result when nothing it depends on changed and no output was touched."""
    if fingerprint is None:
        return None
    folder_name = _read_json(_marker(out_dir, story)).get("folder")
    if not isinstance(folder_name, str) or safe_name(folder_name) != folder_name:
        return None
    folder = out_dir / folder_name
    if not (folder / MANIFEST).is_file():
        return None
    with locked(folder):
        manifest = read_manifest(folder)
        if manifest.get("fingerprint") != fingerprint or manifest.get("outputs") != _outputs(folder):
            return None
        return _result_from(folder, manifest)


def _result_from(folder: Path, manifest: dict) -> BookResult | None:
    try:
        entries = sorted(manifest["chapters"].items(), key=lambda item: item[1]["index"])
        chapters = tuple(
            ChapterAudio(e["index"], e["title"], str(folder / name), e["samples"], e["rate_hz"])
            for name, e in entries
        )
        book = manifest["book"]
        title = _read_json(folder / "book.json").get("title") or folder.name
        return BookResult(title, folder, folder / book["file"], chapters, book["duration_ms"], 0, manifest.get("utterances", 0))
    except (KeyError, TypeError, ValueError):
        return None


def write_book_json(folder: Path, state: FolderState, plan: RenderPlan, book_path: Path, chapters, starts_ms, duration_ms, *,
                    fandom: str | None, cover: bytes | None) -> None:  # fmt: skip
    """book.json: what the listening files (feed, transcripts, player) are made from.

    Written a chapter at a time, each chapter's cues read from where :func:`keep_cues` put them."""
    book = state.manifest.get("book", {})
    previous = book if "created" in book else _read_json(folder / "book.json")
    data = {
        "format": 1,
        "generator": f"ficaudio {__version__}",
        "title": plan.title,
        "author": plan.author,
        "summary": plan.summary,
        "fandom": fandom,
        "language": "en",
        "created": previous.get("created") or datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "cover": _write_cover(folder, cover) or previous.get("cover"),
        "book": {"file": book_path.name, "duration_ms": duration_ms, "bytes": book_path.stat().st_size},
    }
    with atomic_writer(folder / "book.json") as write:
        write(json.dumps(data, ensure_ascii=False, indent=1)[:-2] + ',\n "chapters": [')
        for number, (chapter, start) in enumerate(zip(chapters, starts_ms, strict=True)):
            write(("," if number else "") + "\n  " + json.dumps(_chapter_json(folder, chapter, start), ensure_ascii=False))
        write("\n ]\n}\n")
    state.manifest.setdefault("book", {}).update(created=data["created"], cover=data["cover"])  # written by remember(), so the next render need not read book.json back


def _write_cover(folder: Path, cover: bytes | None) -> str | None:
    """The story's cover beside the book (for the feed and player page); its file name."""
    if not cover:
        return None
    from .tags import cover_mime

    name = "cover.png" if cover_mime(cover) == "image/png" else "cover.jpg"
    atomic_write_bytes(folder / name, cover)
    return name


def _chapter_json(folder: Path, chapter: ChapterAudio, start_ms: int) -> dict:
    path = Path(chapter.path)
    return {
        "index": chapter.index,
        "title": chapter.title,
        "file": path.name,
        "duration_ms": chapter.duration_ms,
        "bytes": path.stat().st_size,
        "start_ms": start_ms,
        "cues": [asdict(cue) for cue in chapter.cues or load_cues(folder, chapter)],
    }


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remove_stale(folder: Path, state: FolderState, keep: set[str]) -> None:
    """Chapter files an earlier (or killed) run wrote that this run does not (a chapter was removed)."""
    listed = set(state.chapters) | {state.manifest.get("book", {}).get("file", "")}
    for name in listed - keep - {""}:
        (folder / name).unlink(missing_ok=True)
        (folder / CUES / f"{name}.json").unlink(missing_ok=True)


@contextmanager
def locked(folder: Path):
    from filelock import FileLock, Timeout

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder {folder}: {exc.strerror}", hint="choose another --out folder") from exc
    lock = FileLock(str(folder / ".ficaudio.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise OutputError(f"another ficaudio render is writing {folder}", hint="wait for it to finish, or render into another --out folder") from None
    try:
        yield
    finally:
        lock.release()
