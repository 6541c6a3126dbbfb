"""Find libespeak-ng and import the ctypes binding pyttsx3 ships for it.

Order: a system libespeak-ng (``apt install espeak-ng``, Homebrew, the Windows installer),
else the copy bundled by PyPI ``espeakng-loader``. Loading must happen before
``pyttsx3.drivers._espeak`` is imported, because that module binds the library at import.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from pathlib import Path
from types import ModuleType

from ficaudio.errors import EngineError

INSTALL_HINT = "install it with `pip install espeakng-loader` or the system package `espeak-ng`"
LIBRARY_ENV = "FICAUDIO_ESPEAK_LIBRARY"
"""Path of a libespeak-ng to use instead of the system's or the bundled one."""

_binding: ModuleType | None = None


def _loader_paths() -> tuple[str, str] | None:
    """(library, data dir) of the espeakng-loader wheel, or None when it is not installed."""
    try:
        import espeakng_loader
    except ImportError:
        return None
    try:
        return espeakng_loader.get_library_path(), espeakng_loader.get_data_path()
    except RuntimeError:  # the wheel is there but its data directory is gone
        return None


def _check_data_dir(data_dir: str) -> None:
    """Refuse a data directory espeak cannot use: espeak would exit(1) the whole process."""
    if not (Path(data_dir) / "phontab").is_file():
        raise EngineError(
            f"espeak-ng data directory {data_dir!r} has no 'phontab' file",
            hint=f"fix or unset ESPEAK_DATA_PATH, or {INSTALL_HINT}",
        )


def _load_bundled() -> None:
    """Load espeakng-loader's library globally so the binding's dlopen finds it."""
    paths = _loader_paths()
    if paths is None:
        raise EngineError("espeak-ng was not found", hint=INSTALL_HINT)
    library, data_dir = paths
    _load(library, data_dir)


def _load(library: str, data_dir: str) -> None:
    """Load ``library`` for the binding to find, with its voice data (checked first: without
    it espeak exit(1)s the whole process)."""
    _check_data_dir(data_dir)
    try:
        ctypes.CDLL(library, mode=ctypes.RTLD_GLOBAL)
    except OSError as exc:
        raise EngineError(f"could not load {library}: {exc}", hint=INSTALL_HINT) from exc
    os.environ["ESPEAK_DATA_PATH"] = data_dir


def _load_chosen(library: str) -> None:
    """The library named by :data:`LIBRARY_ENV` (data: ESPEAK_DATA_PATH, else the bundled data)."""
    if not Path(library).is_file():
        raise EngineError(f"espeak-ng library {library} (set by {LIBRARY_ENV}) does not exist",
                          hint=f"unset {LIBRARY_ENV}, or {INSTALL_HINT}")  # fmt: skip
    bundled = _loader_paths()
    data_dir = os.environ.get("ESPEAK_DATA_PATH") or (bundled[1] if bundled else None)
    if data_dir is None:
        raise EngineError("espeak-ng data not found", hint=f"set ESPEAK_DATA_PATH, or {INSTALL_HINT}")
    _load(library, data_dir)


def prepare_library() -> None:
    """Make libespeak-ng loadable by the binding: the one named by FICAUDIO_ESPEAK_LIBRARY,
    else the system copy if any, else the bundled one."""
    if os.environ.get(LIBRARY_ENV):
        _load_chosen(os.environ[LIBRARY_ENV])
    elif ctypes.util.find_library("espeak-ng") is None:
        _load_bundled()
    elif "ESPEAK_DATA_PATH" in os.environ:
        _check_data_dir(os.environ["ESPEAK_DATA_PATH"])


def binding() -> ModuleType:
    """The imported ``pyttsx3.drivers._espeak`` module, library found and loaded."""
    global _binding
    if _binding is None:
        prepare_library()
        try:
            from pyttsx3.drivers import _espeak
        except (RuntimeError, OSError, AttributeError) as exc:
            raise EngineError(f"espeak-ng could not be loaded: {exc}", hint=INSTALL_HINT) from exc
        _binding = _espeak
    return _binding


def version() -> str:
    """libespeak-ng's version string, e.g. "1.52.0"; needs no espeak_Initialize."""
    return binding().Info(None).decode("ascii", "replace")


_process_owner: str | None = None


def claim_process(owner: str) -> None:
    """Record who initialises espeak here; a second, different user is refused.

    espeak-ng initialises once per process with one output mode, so the direct engine
    (synchronous) and pyttsx3's driver (retrieval mode) cannot share a process.
    """
    global _process_owner
    if _process_owner not in (None, owner):
        raise EngineError(
            f"the {owner!r} engine cannot run in a process that already used {_process_owner!r}",
            hint="espeak-ng initialises once per process; use one engine per process",
        )
    _process_owner = owner
