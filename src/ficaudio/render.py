"""Render: make sure every utterance of a plan has its clip in the cache.

Synthesis runs in ``jobs`` worker processes started with 'spawn' (never fork: a process
that has loaded espeak-ng must not be forked, and espeak initialises once per process).
Each worker builds its engine once, takes batches of utterances and writes the clips to
the cache itself, so only keys and counts cross process boundaries. Clips do not depend
on which worker made them, so the cache ends up the same whatever ``jobs`` is.
"""

from __future__ import annotations

import multiprocessing
import re
import signal
import sys
import threading
import time
import types
from contextlib import contextmanager
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ficaudio.cache import ClipCache
from ficaudio.engines import load_engine
from ficaudio.errors import ConfigError, EngineError, FicaudioError, Interrupted
from ficaudio.models import Pause, Utterance

MAX_BATCH_SIZE = 64
"""Utterances per task: enough to amortise IPC (~0.1 ms) against ~1-4 ms per clip."""
BATCHES_PER_JOB = 4
"""Aim for a few batches per worker so the last ones finish together."""

ProgressCallback = Callable[[int, int], None]


def engine_identity(engine_name: str) -> str:
    """``name/version/rate`` of an engine, for cache keys; does not initialise espeak.

    >>> engine_identity("silent")
    'silent/1/22050'
    """
    engine = load_engine(engine_name)
    return f"{engine.name}/{engine.version}/{engine.sample_rate_hz}"


def pending_utterances(
    utterances: Sequence[Utterance], cache: ClipCache, engine_id: str
) -> tuple[int, list[tuple[str, Utterance]]]:
    """(number of distinct clips, [(key, utterance)] not yet cached), in first-use order."""
    unique: dict[str, Utterance] = {}
    for utt in utterances:
        unique.setdefault(cache.key_for(utt, engine_id), utt)
    return len(unique), [(key, utt) for key, utt in unique.items() if not cache.has(key)]


def batch_size(pending_count: int, jobs: int) -> int:
    """Utterances per task: a few batches per worker, at most :data:`MAX_BATCH_SIZE`.

    >>> batch_size(2000, 2), batch_size(10, 2), batch_size(0, 1)
    (64, 2, 1)
    """
    return max(1, min(MAX_BATCH_SIZE, -(-pending_count // (jobs * BATCHES_PER_JOB))))


def make_batches(pending: list[tuple[str, Utterance]], jobs: int) -> list[list[tuple[str, Utterance]]]:
    size = batch_size(len(pending), jobs)
    return [pending[i : i + size] for i in range(0, len(pending), size)]


# --------------------------------------------------------------------------- worker side
@dataclass(frozen=True)
class BatchResult:
    """What a worker sends back: clips written, or the failure that stopped it."""

    written: int
    error: str | None = None
    failed_text: str | None = None
    hint: str | None = None


_worker: dict = {}


def _init_worker(engine_name: str, engine_id: str, cache_root: str, stop_event) -> None:
    """Build the engine once per worker; Ctrl-C is the parent's business (it sets ``stop``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(cache=ClipCache(cache_root), stop=stop_event, error=None)
    try:
        _worker["engine"] = load_engine(engine_name)
        if engine_identity(engine_name) != engine_id:
            raise EngineError(f"worker engine is {engine_identity(engine_name)!r}, parent expected {engine_id!r}")
    except FicaudioError as exc:  # reported with the first batch, not as a broken pool
        _worker["error"] = exc


def _synthesize_batch(batch: list[tuple[str, Utterance]]) -> BatchResult:
    """Synthesise and cache each clip of ``batch``; stop early when the parent says so."""
    if _worker["error"] is not None:
        return BatchResult(0, _worker["error"].message, None, _worker["error"].hint)
    written = 0
    for key, utt in batch:
        if _worker["stop"].is_set():
            break
        try:
            _worker["cache"].write(key, _worker["engine"].synthesize(utt.text, utt.voice))
        except FicaudioError as exc:
            return BatchResult(written, exc.message, utt.text, exc.hint)
        except Exception as exc:  # a third-party failure inside the engine
            return BatchResult(written, f"{type(exc).__name__}: {exc}", utt.text)
        written += 1
    return BatchResult(written)


# --------------------------------------------------------------------------- parent side
def _raise_for(result: BatchResult) -> None:
    if result.error is None:
        return
    where = f" while synthesising {result.failed_text[:80]!r}" if result.failed_text is not None else ""
    raise EngineError(f"{result.error}{where}", hint=result.hint)


def _run_pool(batches, executor: ProcessPoolExecutor, done: int, total: int, on_progress) -> int:
    """Submit every batch, collect results as they come; returns the final done count."""
    with bare_main():  # every worker is spawned by these submits
        futures: set[Future] = {executor.submit(_synthesize_batch, batch) for batch in batches}
    while futures:
        finished, futures = wait(futures, return_when=FIRST_COMPLETED)
        for future in finished:
            result = future.result()
            done += result.written
            _raise_for(result)
            if on_progress is not None:
                on_progress(done, total)
    return done


def synthesize_all(
    utterances: Sequence[Utterance],
    cache: ClipCache,
    *,
    engine_name: str,
    jobs: int,
    on_progress: ProgressCallback | None = None,
) -> None:
    """Make sure every utterance's clip is in ``cache``; synthesise only what is missing.

    Progress is reported in this process as (clips done, distinct clips). Ctrl-C stops the
    workers after their current clip and raises :class:`Interrupted`; every clip already
    written is complete and kept.
    """
    if jobs < 1:
        raise ConfigError(f"jobs must be 1 or more, not {jobs}")
    engine_id = engine_identity(engine_name)
    total, pending = pending_utterances(utterances, cache, engine_id)
    done = total - len(pending)
    if on_progress is not None:
        on_progress(done, total)
    if not pending:
        return
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    executor = ProcessPoolExecutor(
        max_workers=min(jobs, len(pending)),
        mp_context=context,
        initializer=_init_worker,
        initargs=(engine_name, engine_id, str(cache.root), stop),
    )
    try:
        _run_pool(make_batches(pending, jobs), executor, done, total, on_progress)
    except KeyboardInterrupt:
        stop.set()
        executor.shutdown(wait=True, cancel_futures=True)
        raise Interrupted("interrupted; clips made so far are cached, run again to resume") from None
    except BrokenProcessPool as exc:
        raise EngineError(
            "a synthesis worker process died", hint="run with --jobs 1 -v to see the engine's own message"
        ) from exc
    finally:
        stop.set()  # on errors, workers stop after their current clip
        executor.shutdown(wait=True, cancel_futures=True)


# ===================================================================== chapter rendering
# A worker takes one whole chapter: it says the chapter's clips that are not cached yet
# (writing each to the cache) and streams the chapter's PCM straight into LAME in the same
# process (stitch.encode_mp3), so a worker is one busy thread: no encoder process, no pipe,
# clips just made are never read back, and the parent only schedules. A chapter file
# depends only on its own plan, so the bytes are the same whatever ``jobs`` is.

PROGRESS_INTERVAL_S = 0.2
"""How often a worker reports how far into its chapter it is."""


@dataclass(frozen=True)
class ChapterJob:
    """Everything a worker needs to write one chapter file."""

    index: int
    title: str
    items: tuple  # Utterance | Pause, in playing order
    dest: str  # final path of the chapter MP3
    album: str
    author: str | None
    total: int  # chapters in the book, for the track tag


@dataclass(frozen=True)
class ChapterDone:
    """A written chapter: its exact length and where each utterance is in it."""

    index: int
    sample_count: int
    timeline: tuple[tuple[int, int, int], ...]  # (item number, first sample, end sample) per utterance
    synthesized: int  # clips the engine said for this chapter
    error: tuple[str, str, str | None, str | None] | None = None  # (error class, message, path, hint)


def chapter_work(job: ChapterJob) -> int:
    """Rough cost of a chapter (characters to say), to start the longest chapters first.

    >>> from ficaudio.models import Pause, Voice
    >>> chapter_work(ChapterJob(1, "t", (Utterance("Hello.", Voice("en")), Pause(100)), "x.mp3", "b", None, 1))
    6
    """
    return sum(len(item.text) for item in job.items if isinstance(item, Utterance))


def _init_chapter_worker(engine_name: str, engine_id: str, cache_root: str, stop_event, progress_queue) -> None:
    """Per worker: Ctrl-C is the parent's business; die with the parent; engine built lazily."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _worker.update(cache=ClipCache(cache_root), stop=stop_event, queue=progress_queue,
                   engine_name=engine_name, engine_id=engine_id, engine=None)  # fmt: skip


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when the parent dies (kill -9 leaves no orphan
    finishing a chapter behind the next run's back). Elsewhere a no-op."""
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _engine():
    if _worker["engine"] is None:
        _worker["engine"] = load_engine(_worker["engine_name"])
        if engine_identity(_worker["engine_name"]) != _worker["engine_id"]:
            raise EngineError(f"worker engine is {engine_identity(_worker['engine_name'])!r}, parent expected {_worker['engine_id']!r}")
    return _worker["engine"]


class _Stopped(Exception):
    """The parent asked the workers to stop (Ctrl-C or another worker's error)."""


class _ChapterAudio:
    """The PCM of one chapter, item by item, with the timeline and synthesis count kept."""

    def __init__(self, job: ChapterJob, sample_rate_hz: int) -> None:
        self.job, self.rate_hz = job, sample_rate_hz
        self.timeline: list[tuple[int, int, int]] = []
        self.synthesized = 0
        self.position = 0
        self.last_report = 0.0

    def clip(self, utt: Utterance) -> bytes:
        """The utterance's clip: from the cache, or said now and cached."""
        cache = _worker["cache"]
        key = cache.key_for(utt, _worker["engine_id"])
        try:
            return cache.read(key)
        except FileNotFoundError:  # never said, or trimmed since: said now
            pass
        pcm = _engine().synthesize(utt.text, utt.voice)
        cache.write(key, pcm)
        self.synthesized += 1
        return pcm

    def chunks(self) -> Iterator[bytes]:
        for number, item in enumerate(self.job.items):
            if _worker["stop"].is_set():
                raise _Stopped
            if isinstance(item, Pause):
                pcm = bytes(2 * round(item.duration_ms * self.rate_hz / 1000))
            else:
                pcm = self.clip(item)
                self.timeline.append((number, self.position, self.position + len(pcm) // 2))
            self.position += len(pcm) // 2
            self._report(number + 1)
            yield pcm

    def _report(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last_report >= PROGRESS_INTERVAL_S or done == len(self.job.items):
            self.last_report = now
            _worker["queue"].put((self.job.index, done, len(self.job.items)))


def _render_chapter(job: ChapterJob, sample_rate_hz: int, bitrate_kbps: int) -> ChapterDone:
    """Worker side: synthesise what is missing, encode, tag, rename into place."""
    from ficaudio import stitch, tags

    audio = _ChapterAudio(job, sample_rate_hz)

    def tag(path) -> None:
        tags.tag_chapter_file(path, title=job.title, album=job.album, author=job.author, track=job.index, total=job.total)

    try:
        samples = stitch.encode_mp3(audio.chunks(), Path(job.dest), sample_rate_hz=sample_rate_hz,
                                    bitrate_kbps=bitrate_kbps, before_rename=tag)  # fmt: skip
    except _Stopped:
        return ChapterDone(job.index, 0, (), audio.synthesized, ("Interrupted", "stopped", None, None))
    except FicaudioError as exc:
        return ChapterDone(job.index, 0, (), audio.synthesized, (type(exc).__name__, exc.message, exc.path, exc.hint))
    except Exception as exc:  # a third-party failure inside the engine or the tagger
        return ChapterDone(job.index, 0, (), audio.synthesized, ("EngineError", f"{type(exc).__name__}: {exc}", None, None))
    return ChapterDone(job.index, samples, tuple(audio.timeline), audio.synthesized)


def _raise_chapter_error(done: ChapterDone, job: ChapterJob) -> None:
    kind, message, path, hint = done.error
    raise error_class(kind, EngineError)(f"chapter {job.index} ({job.title}): {message}", path=path, hint=hint)


def error_class(name: str, default: type[FicaudioError]) -> type[FicaudioError]:
    """The ficaudio error class called ``name`` (sent back by a child process), else ``default``.

    >>> error_class("InputError", EngineError).__name__, error_class("SystemExit", EngineError).__name__
    ('InputError', 'EngineError')
    """
    from ficaudio import errors

    found = getattr(errors, name, default)
    return found if isinstance(found, type) and issubclass(found, FicaudioError) else default


ChapterProgress = Callable[[int, int, int], None]
"""(chapter index, items done, items in the chapter)."""


def render_chapters(
    jobs: Sequence[ChapterJob],
    *,
    engine_name: str,
    cache: ClipCache,
    sample_rate_hz: int,
    bitrate_kbps: int,
    workers: int,
    on_progress: ChapterProgress | None = None,
) -> Iterator[ChapterDone]:
    """Write every chapter of ``jobs`` with ``workers`` processes; yield each as it completes.

    Longest chapters start first, so the last ones to finish are short. Ctrl-C stops every
    worker after its current clip (their temp files removed) and raises
    :class:`Interrupted`; finished chapters and every cached clip stay.
    """
    if workers < 1:
        raise ConfigError(f"jobs must be 1 or more, not {workers}")
    if not jobs:
        return
    engine_id = engine_identity(engine_name)
    context = multiprocessing.get_context("spawn")
    stop, queue = context.Event(), context.Queue()
    executor = ProcessPoolExecutor(
        max_workers=min(workers, len(jobs)), mp_context=context, initializer=_init_chapter_worker,
        initargs=(engine_name, engine_id, str(cache.root), stop, queue),
    )  # fmt: skip
    try:
        yield from _run_chapters(jobs, executor, queue, sample_rate_hz, bitrate_kbps, on_progress)
    except KeyboardInterrupt:
        stop.set()
        executor.shutdown(wait=True, cancel_futures=True)
        raise Interrupted("interrupted; finished chapters and clips are kept, run again to resume") from None
    except BrokenProcessPool as exc:
        raise EngineError("a render worker process died", hint="run with --jobs 1 -v to see the engine's own message") from exc
    finally:
        stop.set()
        executor.shutdown(wait=True, cancel_futures=True)
        queue.close()


@contextmanager
def sigint_blocked():
    """Hold back Ctrl-C while worker processes start: they inherit the blocked mask, so a
    Ctrl-C cannot hit one half-started (a traceback from inside its imports); the parent
    gets it as soon as the workers exist. A no-op off the main thread or without sigmask.
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def bare_main():
    """Let worker processes start without re-importing the parent's ``__main__``.

    'spawn' runs the parent's main module again in every worker (as ``__mp_main__``). For
    ``ficaudio`` that is the CLI: typer, click and rich, ~8 MB per worker, none of it used
    there. Workers run functions of ficaudio modules, never of ``__main__``, so while they
    start ``__main__`` is a bare module with no file and no spec: nothing to re-import.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _run_chapters(jobs, executor, queue, sample_rate_hz, bitrate_kbps, on_progress) -> Iterator[ChapterDone]:
    with sigint_blocked(), bare_main():  # every worker is spawned by these submits
        by_future = {
            executor.submit(_render_chapter, job, sample_rate_hz, bitrate_kbps): job
            for job in sorted(jobs, key=chapter_work, reverse=True)
        }
    pending = set(by_future)
    while pending:
        finished, pending = wait(pending, timeout=PROGRESS_INTERVAL_S, return_when=FIRST_COMPLETED)
        _drain(queue, on_progress)
        for future in finished:
            done = future.result()
            if done.error is not None:
                _raise_chapter_error(done, by_future[future])
            yield done
    _drain(queue, on_progress)


def _drain(queue, on_progress: ChapterProgress | None) -> None:
    """Pass on every progress report the workers have queued so far."""
    import queue as queue_module

    while True:
        try:
            report = queue.get_nowait()
        except (queue_module.Empty, OSError, ValueError):
            return
        if on_progress is not None:
            on_progress(*report)


# ====================================================================== one call apart
# Whole-book work (parsing, attribution) holds the whole book in memory; done in a child
# process, that memory goes back to the system when the child ends, and the parent that
# then schedules the render stays small whatever the book's size.

def run_apart(what: str, function: Callable, *args):
    """``function(*args)`` in a spawned child process; its result, or its error raised here.

    ``what`` names the work in the message if the child dies ("preparing the story").

    A :class:`FicaudioError` comes back as the same class with the same message, place
    and hint. Ctrl-C kills the child and is raised here as KeyboardInterrupt. ``function``
    and its arguments and result must pickle (module-level function, frozen data).
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_apart_main, args=(sender, function, args), daemon=True)
    with sigint_blocked(), bare_main():
        child.start()
    sender.close()  # ours: so EOF is seen when the child dies
    try:
        kind, value = _receive(receiver, child, what)
    except BaseException:
        child.kill()  # Ctrl-C (or anything else) here: the child's work is not wanted
        raise
    finally:
        child.join()
        receiver.close()
    return _unpack(kind, value)


def _receive(receiver, child, what: str) -> tuple[str, object]:
    try:
        return receiver.recv()
    except EOFError:
        child.join()
        status = f"exit {child.exitcode}"
        if child.exitcode is not None and child.exitcode < 0:
            status = f"killed by {signal.Signals(-child.exitcode).name}"
        raise FicaudioError(f"the process {what} died ({status})", hint="out of memory? run again to retry") from None


def _apart_main(sender, function: Callable, args: tuple) -> None:
    """Child side of :func:`run_apart`: Ctrl-C is the parent's business; die with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    try:
        sender.send(("ok", function(*args)))
    except FicaudioError as exc:
        sender.send(("error", (type(exc).__name__, exc.message, exc.path, exc.line, exc.column, exc.hint)))
    except Exception:
        import traceback

        sender.send(("crash", traceback.format_exc()))
    finally:
        sender.close()


def _unpack(kind: str, value):
    if kind == "ok":
        return value
    if kind == "error":
        name, message, path, line, column, hint = value
        raise error_class(name, FicaudioError)(message, path=path, line=line, column=column, hint=hint)
    raise RuntimeError(f"a child process failed:\n{value}")


# ========================================================================= words check
# What reaches the engine must be the story: every spoken segment's words, in its
# utterances. Normalisation (speech.py, textnorm.py) rewrites text -- numbers become
# words, stutters and URLs shrink -- so words are counted as runs of letters or digits,
# and only a clear shortfall, or a line with words that has no utterance at all, is
# reported.

_WORD = re.compile(r"[^\W_]+")
MIN_SPOKEN_SHARE = 0.9
"""Below this share of a chapter's story words reaching the engine, something was dropped."""


def count_words(text: str) -> int:
    """Runs of letters or digits: robust to punctuation and quote marks being rewritten.

    >>> count_words('“Don’t—wait,” she said. 42!')
    6
    """
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class WordCheck:
    """One chapter: story words in spoken segments vs words in the utterances sent."""

    chapter: int
    story_words: int
    spoken_words: int
    dropped_lines: tuple[int, ...] = ()  # script lines with words but no utterance

    def problems(self) -> list[str]:
        """What looks dropped, in words a user can act on ([] when nothing does).

        >>> WordCheck(2, 100, 50, (7,)).problems()
        ['script line 7 has words but none reach the engine', 'only 50 of 100 story words reach the engine']
        """
        found = [f"script line {n} has words but none reach the engine" for n in self.dropped_lines]
        if self.spoken_words < MIN_SPOKEN_SHARE * self.story_words:
            found.append(f"only {self.spoken_words:,} of {self.story_words:,} story words reach the engine")
        return found


def words_check(script, plan) -> tuple[WordCheck, ...]:
    """A :class:`WordCheck` per chapter of ``plan`` (utterances are tied to lines by ``line``)."""
    from ficaudio.models import SPOKEN_KINDS

    sent: dict[int, int] = {}
    for chapter in plan.chapters:
        for item in chapter.items:
            if isinstance(item, Utterance) and item.line >= 0:
                sent[item.line] = sent.get(item.line, 0) + count_words(item.text)
    story: dict[int, list[int]] = {}
    for number, line in enumerate(script.lines):
        if line.segment.kind in SPOKEN_KINDS:
            story.setdefault(line.segment.chapter, []).append(number)
    return tuple(_chapter_check(chapter.index, script, story.get(chapter.index, []), sent) for chapter in plan.chapters)


def _chapter_check(index: int, script, numbers: list[int], sent: dict[int, int]) -> WordCheck:
    words = {n: count_words(script.lines[n].segment.text) for n in numbers}
    dropped = tuple(n for n in numbers if words[n] and n not in sent)
    return WordCheck(index, sum(words.values()), sum(sent.get(n, 0) for n in numbers), dropped)
