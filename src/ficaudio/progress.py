"""How long work tells the user where it is: rich bars on a terminal, plain lines elsewhere.

The pipeline only calls a :class:`Reporter`; which one is chosen is the CLI's business
(:func:`choose_reporter`). A render reports one bar for the story (``start`` / ``advance``)
and one per chapter being made (``chapter``), then a line per finished chapter
(``chapter_done``): on a terminal the bars have an ETA each, elsewhere only the lines
are printed, so a log file gets one line per chapter.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol


class Reporter(Protocol):
    def info(self, message: str) -> None: ...
    def start(self, label: str, total: int) -> None: ...
    def advance(self, done: int, total: int) -> None: ...
    def chapter(self, index: int, title: str, done: int, total: int) -> None: ...
    def chapter_done(self, index: int, count: int, title: str, summary: str) -> None: ...
    def finish(self) -> None: ...


def chapter_line(index: int, count: int, title: str, summary: str) -> str:
    """The log line of a finished chapter.

    >>> chapter_line(3, 12, "the keeper", "0:04:10, 1 new clip")
    "  chapter 3/12 'the keeper': 0:04:10, 1 new clip"
    """
    return f"  chapter {index}/{count} {title!r}: {summary}"


class QuietReporter:
    """--quiet: only what the pipeline returns is printed, by the CLI."""

    def info(self, message: str) -> None:
        pass

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, done: int, total: int) -> None:
        pass

    def chapter(self, index: int, title: str, done: int, total: int) -> None:
        pass

    def chapter_done(self, index: int, count: int, title: str, summary: str) -> None:
        pass

    def finish(self) -> None:
        pass


class PlainReporter(QuietReporter):
    """Not a terminal (CI, a log file): one line per chapter, a story line per 10%."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.label, self.started, self.next_decile = "", 0.0, 1

    def _print(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def info(self, message: str) -> None:
        self._print(message)

    def start(self, label: str, total: int) -> None:
        self.label, self.started, self.next_decile = label, time.monotonic(), 1

    def advance(self, done: int, total: int) -> None:
        if total and done * 10 >= self.next_decile * total:
            self.next_decile = done * 10 // total + 1
            elapsed = time.monotonic() - self.started
            self._print(f"  {self.label}: {done}/{total} ({elapsed:.1f} s)")

    def chapter_done(self, index: int, count: int, title: str, summary: str) -> None:
        self._print(chapter_line(index, count, title, summary))


class RichReporter(QuietReporter):
    """A terminal: a bar with ETA for the story, one per chapter in progress, chapter lines above."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.progress = None
        self.task = None
        self.chapter_tasks: dict[int, object] = {}

    def info(self, message: str) -> None:
        self.console.print(message, highlight=False, markup=False)

    def start(self, label: str, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.finish()
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self.progress.start()
        self.task = self.progress.add_task(label, total=total)

    def advance(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.update(self.task, completed=done, total=total)

    def chapter(self, index: int, title: str, done: int, total: int) -> None:
        if self.progress is None:
            return
        if index not in self.chapter_tasks:
            self.chapter_tasks[index] = self.progress.add_task(f"  {index}. {title[:40]}", total=total)
        self.progress.update(self.chapter_tasks[index], completed=done, total=total)

    def chapter_done(self, index: int, count: int, title: str, summary: str) -> None:
        task = self.chapter_tasks.pop(index, None)
        if task is not None and self.progress is not None:
            self.progress.remove_task(task)
        self.console.print(chapter_line(index, count, title, summary), highlight=False, markup=False)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
            self.chapter_tasks.clear()


def choose_reporter(quiet: bool) -> Reporter:
    if quiet:
        return QuietReporter()
    return RichReporter() if sys.stderr.isatty() else PlainReporter()
