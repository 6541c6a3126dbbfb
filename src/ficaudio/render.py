"""Render: make sure every utterance of a plan has its clip in the cache.

Synthesis runs in ``jobs`` worker processes started with 'spawn' (never fork: a process
that has loaded espeak-ng must not be forked, and espeak initialises once per process).
Each worker builds its engine once, takes batches of utterances and writes the clips to
the cache itself, so only keys and counts cross process boundaries. Clips do not depend
on which worker made them, so the cache ends up the same whatever ``jobs`` is.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from ficaudio.cache import ClipCache
from ficaudio.engines import load_engine
from ficaudio.errors import ConfigError, EngineError, FicaudioError, Interrupted
from ficaudio.models import Utterance

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
