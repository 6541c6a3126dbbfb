"""Make libespeak-ng's output depend only on the utterance, not on what was said before.

espeak-ng keeps synthesis state across calls that no API resets: the pitch "flutter"
position (``Flutter_ix``, a static in wavegen.c), the automatic gain (``agc``) and the
glottal cycle counter (``cycle_count``), plus two random generators for breath noise.
Measured: the same sentence synthesised five times in a row gave five different clips
(lengths differing by ~300 samples). With these reset before each call, every clip is
byte-identical whatever came before it -- which is what makes the cache content the same
for any number of worker processes.

The statics are found in the library's ELF symbol table (present in the espeakng-loader
build, absent from stripped system builds). When they cannot be found, synthesis still
works; clips are then merely not byte-reproducible (:attr:`WavegenState.complete` False).
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass
from pathlib import Path

ANCHOR_SYMBOL = "espeak_Synth"
"""An exported function: its run-time address minus its symbol value is the load bias."""

RESET_VALUES = {"Flutter_ix": 0, "agc": 256, "cycle_count": 0}
"""Static variable (name before the compiler's ".NNNN" suffix) -> value after WavegenInit."""

RANDOM_SEED = 1

_PLAUSIBLE = {"Flutter_ix": range(0, 368 * 64, 64), "agc": range(0, 257), "cycle_count": range(0, 2**31 - 1)}
"""Values each static can hold; anything else means the symbol is not what we think."""

_SHT_SYMTAB = 2
_ELF_MAGIC = b"\x7fELF"


def _sections(data: bytes) -> list[tuple[int, int, int, int]]:
    """(type, offset, size, link) of each section of a little-endian ELF64 file."""
    section_offset = struct.unpack_from("<Q", data, 0x28)[0]
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    headers = []
    for i in range(count):
        base = section_offset + i * entry_size
        kind = struct.unpack_from("<I", data, base + 4)[0]
        offset, size = struct.unpack_from("<QQ", data, base + 0x18)
        link = struct.unpack_from("<I", data, base + 0x28)[0]
        headers.append((kind, offset, size, link))
    return headers


def read_symbols(library: Path) -> dict[str, tuple[int, int]]:
    """Name -> (value, size) from the ELF ``.symtab`` of ``library``; {} when absent.

    ``.symtab`` keeps local (static) symbols that the dynamic table omits.
    """
    data = library.read_bytes()
    if data[:4] != _ELF_MAGIC or data[4] != 2 or data[5] != 1:  # ELF64, little-endian only
        return {}
    sections = _sections(data)
    symbols: dict[str, tuple[int, int]] = {}
    for kind, offset, size, link in sections:
        if kind != _SHT_SYMTAB:
            continue
        strtab_offset = sections[link][1]
        for entry in range(offset, offset + size, 24):
            name_index, _info, _other, _shndx, value, sym_size = struct.unpack_from("<IBBHQQ", data, entry)
            end = data.index(b"\x00", strtab_offset + name_index)
            symbols[data[strtab_offset + name_index : end].decode("ascii", "replace")] = (value, sym_size)
    return symbols


def loaded_library_path(fragment: str = "libespeak-ng") -> Path | None:
    """File of the loaded library whose path contains ``fragment`` (Linux /proc only)."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return None
    for line in maps.read_text().splitlines():
        path = line.split(maxsplit=5)[-1] if line.count(" ") >= 5 else ""
        if fragment in path and Path(path).is_file():
            return Path(path)
    return None


def _static_address(symbols: dict[str, tuple[int, int]], name: str, bias: int) -> int | None:
    """Run-time address of the 4-byte static ``name`` (or ``name.NNNN``), None if absent."""
    for symbol, (value, size) in symbols.items():
        if (symbol == name or symbol.startswith(name + ".")) and size == 4:
            return bias + value
    return None


@dataclass
class WavegenState:
    """Handles on espeak's cross-call state; :meth:`reset` before each utterance."""

    statics: dict[str, ctypes.c_int]
    seed_functions: tuple

    @property
    def complete(self) -> bool:
        return len(self.statics) == len(RESET_VALUES)

    def reset(self) -> None:
        for name, handle in self.statics.items():
            handle.value = RESET_VALUES[name]
        for seed in self.seed_functions:
            seed(RANDOM_SEED)


def _seed_functions(dll) -> tuple:
    """espeak-ng's own generator (1.52+) and libc's rand(), which older code paths use."""
    functions = []
    if hasattr(dll, "espeak_ng_SetRandSeed"):
        dll.espeak_ng_SetRandSeed.argtypes = [ctypes.c_long]
        functions.append(dll.espeak_ng_SetRandSeed)
    try:
        functions.append(ctypes.CDLL(None).srand)
    except (OSError, AttributeError, TypeError):  # no libc handle (Windows)
        pass
    return tuple(functions)


def find_wavegen_state(dll) -> WavegenState:
    """Locate espeak's statics in the loaded library; empty when it is stripped or not ELF."""
    seeds = _seed_functions(dll)
    library = loaded_library_path()
    symbols = read_symbols(library) if library else {}
    if ANCHOR_SYMBOL not in symbols:
        return WavegenState({}, seeds)
    bias = ctypes.cast(getattr(dll, ANCHOR_SYMBOL), ctypes.c_void_p).value - symbols[ANCHOR_SYMBOL][0]
    statics = {}
    for name in RESET_VALUES:
        address = _static_address(symbols, name, bias)
        handle = ctypes.c_int.from_address(address) if address is not None else None
        if handle is not None and handle.value in _PLAUSIBLE[name]:
            statics[name] = handle
    return WavegenState(statics, seeds)
