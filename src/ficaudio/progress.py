"""How long work tells the user where it is: a rich bar on a terminal, plain lines elsewhere.

The pipeline only calls a :class:`Reporter`; which one is chosen is the CLI's business.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol


class Reporter(Protocol):
    def info(self, message: str) -> None: ...
    def start(self, label: str, total: int) -> None: ...
    def advance(self, done: int, total: int) -> None: ...
    def finish(self) -> None: ...


class QuietReporter:
    """--quiet: only what the pipeline returns is printed, by the CLI."""

    def info(self, message: str) -> None:
        pass

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, done: int, total: int) -> None:
        pass

    def finish(self) -> None:
        pass


class PlainReporter:
    """Not a terminal (CI, a log file): one line per step, and at most one progress line per 10%."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.label, self.started, self.next_decile = "", 0.0, 1

    def info(self, message: str) -> None:
        print(message, file=self.stream, flush=True)

    def start(self, label: str, total: int) -> None:
        self.label, self.started, self.next_decile = label, time.monotonic(), 1

    def advance(self, done: int, total: int) -> None:
        if total and done * 10 >= self.next_decile * total:
            self.next_decile = done * 10 // total + 1
            elapsed = time.monotonic() - self.started
            print(f"  {self.label}: {done}/{total} ({elapsed:.1f} s)", file=self.stream, flush=True)

    def finish(self) -> None:
        pass


class RichReporter:
    """A terminal: one rich progress bar with an ETA per step."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.progress = None
        self.task = None

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

    def finish(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def choose_reporter(quiet: bool) -> Reporter:
    if quiet:
        return QuietReporter()
    return RichReporter() if sys.stderr.isatty() else PlainReporter()
