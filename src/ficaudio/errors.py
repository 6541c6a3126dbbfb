"""One family of errors, each able to say where the problem is and how to fix it.

Only :func:`ficaudio.cli.main` turns these into ``error: ...`` and an exit code; every
third-party exception is wrapped into one of these where it enters ficaudio.
"""

from __future__ import annotations


class FicaudioError(Exception):
    """A problem the user can act on. ``str()`` gives ``place: message`` plus a hint line."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint

    @property
    def place(self) -> str:
        """``path:line:col`` with whatever parts are known ('' when none)."""
        parts = [str(p) for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.place}: {self.message}" if self.place else self.message
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class InputError(FicaudioError):
    """A story file that cannot be read as a story (missing, empty, binary...)."""


class ConfigError(FicaudioError):
    """voices.yaml (or another setting) is malformed or names something unknown."""


class EngineError(FicaudioError):
    """The speech engine is missing, refuses a voice, or failed to synthesise."""


class OutputError(FicaudioError):
    """Output could not be written (permissions, disk full, encoder failure)."""


class Interrupted(FicaudioError):
    """The user pressed Ctrl-C; work done so far is kept in the cache."""

    exit_code = 130
