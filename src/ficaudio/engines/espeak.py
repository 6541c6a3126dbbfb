"""The default engine on Linux: libespeak-ng driven synchronously, one call per utterance.

Every call sets voice, rate, pitch and volume before synthesising, and the callback collects
exactly that call's samples, so no setting leaks from one utterance to the next (pyttsx3's
asynchronous driver got 12 of 40 volumes wrong; see FIELD-NOTES.md).
"""

from __future__ import annotations

import ctypes
import difflib
from dataclasses import dataclass

from ficaudio.engines import VoiceInfo
from ficaudio.engines import audio
from ficaudio.engines import espeak_lib
from ficaudio.engines.espeak_state import find_wavegen_state
from ficaudio.errors import EngineError
from ficaudio.models import Voice

ESPEAK_SAMPLE_RATE_HZ = 22050
VARIANT_PREFIX = "!v/"
_GENDERS = {1: "male", 2: "female"}


@dataclass(frozen=True)
class VoiceTable:
    """Names espeak accepts: base voices (by id, file, language or name) and variants."""

    bases: dict[str, VoiceInfo]  # lower-cased accepted name -> voice
    variants: dict[str, VoiceInfo]  # exact variant file name ("m7", "Annie") -> variant

    def resolve(self, voice_id: str) -> tuple[VoiceInfo, VoiceInfo | None] | None:
        """Base voice and variant named by ``"en-us+m7"``; None when either is unknown."""
        base_name, _, variant_name = voice_id.partition("+")
        base = self.bases.get(base_name.strip().lower())
        variant = self.variants.get(variant_name) if variant_name else None
        if base is None or (variant_name and variant is None):
            return None
        return base, variant

    def close_matches(self, voice_id: str) -> list[str]:
        """Known ids that look like ``voice_id``: ``["en+m7"]`` for ``"en+m77"``."""
        base_name, plus, variant_name = voice_id.partition("+")
        if plus and base_name.lower() in self.bases:
            names = difflib.get_close_matches(variant_name, list(self.variants), n=3, cutoff=0.5)
            return [f"{base_name}+{name}" for name in names]
        return difflib.get_close_matches(voice_id.lower(), list(self.bases), n=3, cutoff=0.6)


def _language(raw: bytes | None) -> str:
    """espeak's language field is a priority byte then the code: b"\\x05en-us" -> "en-us"."""
    return raw[1:].decode("utf-8", "replace") if raw else ""


def _base_info(voice) -> VoiceInfo:
    language = _language(voice.languages)
    return VoiceInfo(
        id=language or voice.identifier.decode("utf-8").rsplit("/", 1)[-1].lower(),
        name=voice.name.decode("utf-8", "replace"),
        language=language,
        gender=_GENDERS.get(voice.gender),
        engine_name=voice.identifier.decode("utf-8", "replace"),
    )


def _variant_info(voice) -> VoiceInfo:
    file_name = voice.identifier.decode("utf-8", "replace").removeprefix(VARIANT_PREFIX)
    return VoiceInfo(
        id=f"en+{file_name}",
        name=voice.name.decode("utf-8", "replace"),
        language="en",
        gender=_GENDERS.get(voice.gender),
        engine_name=voice.identifier.decode("utf-8", "replace"),
        variant=file_name,
    )


def _base_keys(info: VoiceInfo) -> list[str]:
    """Every lower-cased name espeak's SetVoiceByName accepts for one base voice."""
    file_path = info.engine_name.lower()
    return [info.id, file_path, file_path.rsplit("/", 1)[-1], info.name.lower()]


def build_voice_table(lib) -> VoiceTable:
    """Read espeak's voice list once (needs an initialised library)."""
    bases: dict[str, VoiceInfo] = {}
    for voice in lib.ListVoices(None):
        info = _base_info(voice)
        for key in _base_keys(info):
            bases.setdefault(key, info)
    spec = lib.VOICE()
    spec.languages = b"variant"
    variants = {v.variant: v for v in map(_variant_info, lib.ListVoices(ctypes.pointer(spec)))}
    return VoiceTable(bases, variants)


class _Session:
    """espeak-ng initialised in this process: one per process, shared by every engine object."""

    def __init__(self, lib) -> None:
        espeak_lib.claim_process("espeak")
        rate_hz = lib.Initialize(lib.AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0)
        if rate_hz != ESPEAK_SAMPLE_RATE_HZ:
            raise EngineError(f"espeak-ng initialised at {rate_hz} Hz, expected {ESPEAK_SAMPLE_RATE_HZ}")
        self.chunks: list[bytes] = []
        lib.SetSynthCallback(self._on_samples)
        self.state = find_wavegen_state(lib.dll)

    def _on_samples(self, wav, sample_count: int, _events) -> int:
        if sample_count > 0:
            self.chunks.append(ctypes.string_at(wav, sample_count * audio.SAMPLE_WIDTH_BYTES))
        return 0  # 0 = go on synthesising


_session: _Session | None = None
_table: VoiceTable | None = None


def _voice_table(lib) -> VoiceTable:
    """espeak's voices, read without initialising synthesis when the library allows it.

    Only the data path is needed to list voices, so a parent process can check a cast's
    voices and stay free of an initialised espeak.
    """
    global _table
    if _table is None:
        if _session is None and hasattr(lib.dll, "espeak_ng_InitializePath"):
            lib.dll.espeak_ng_InitializePath.argtypes = [ctypes.c_char_p]
            lib.dll.espeak_ng_InitializePath(None)
        else:
            _get_session(lib)
        _table = build_voice_table(lib)
    return _table


def _get_session(lib) -> _Session:
    global _session
    if _session is None:
        _session = _Session(lib)
    return _session


class EspeakEngine:
    """libespeak-ng through pyttsx3's ctypes binding, synchronous output, one call per clip.

    Built cheaply (library loaded, version read); espeak itself initialises on first use,
    so a parent process can ask for the identity without initialising it.
    """

    name = "espeak"
    sample_rate_hz = ESPEAK_SAMPLE_RATE_HZ

    def __init__(self, loudness_target_dbfs: float | None = audio.LOUDNESS_TARGET_DBFS) -> None:
        self._lib = espeak_lib.binding()
        self._target_dbfs = loudness_target_dbfs
        processing = "raw" if loudness_target_dbfs is None else f"norm{loudness_target_dbfs:g}"
        self.version = f"{espeak_lib.version()}/trim{audio.KEEP_EDGE_MS}ms/{processing}"
        self._checked: set[str] = set()

    @property
    def reproducible(self) -> bool:
        """True when clips are byte-identical across calls and processes (see espeak_state)."""
        return _get_session(self._lib).state.complete

    # ------------------------------------------------------------------ voices
    def voices(self) -> list[VoiceInfo]:
        """Base voices (one per language) then the variants, as ``en+<variant>``."""
        table = _voice_table(self._lib)
        unique_bases = {info.engine_name: info for info in table.bases.values()}
        return sorted(unique_bases.values(), key=lambda v: v.id) + list(table.variants.values())

    def check_voice(self, voice_id: str) -> None:
        """Raise EngineError naming close matches when espeak has no such voice.

        espeak's SetVoiceByName accepts some unknown names silently (``en+zzz`` gives plain
        ``en``), so ids are checked against espeak's own voice and variant lists.
        """
        if voice_id in self._checked:
            return
        table = _voice_table(self._lib)
        if table.resolve(voice_id) is None:
            matches = table.close_matches(voice_id)
            hint = f"did you mean {', '.join(map(repr, matches))}?" if matches else None
            raise EngineError(
                f"unknown voice {voice_id!r}", hint=hint or "espeak voice ids look like 'en-us' or 'en-us+m7'"
            )
        self._checked.add(voice_id)

    # ------------------------------------------------------------------ synthesis
    def _apply(self, voice: Voice) -> None:
        """Set every parameter on every call, voice first (a voice change resets prosody)."""
        lib = self._lib
        if lib.SetVoiceByName(voice.id.encode("utf-8")) != lib.EE_OK:
            # A language id espeak lists ("en-gb") is not always a name it selects by:
            # select the voice file that speaks it instead ("gmw/en").
            resolved = _voice_table(lib).resolve(voice.id)
            by_file = resolved and resolved[0].engine_name + (f"+{resolved[1].variant}" if resolved[1] else "")
            if not by_file or lib.SetVoiceByName(by_file.encode("utf-8")) != lib.EE_OK:
                raise EngineError(f"espeak refused voice {voice.id!r}")
        # When normalising, loudness comes from the normaliser; full scale avoids quantisation.
        volume = 100 if self._target_dbfs is not None else round(voice.volume * 100)
        for parameter, value in ((lib.RATE, voice.rate_wpm), (lib.PITCH, voice.pitch), (lib.VOLUME, volume)):
            if lib.SetParameter(parameter, int(value), 0) != lib.EE_OK:
                raise EngineError(f"espeak refused parameter {parameter}={value} for voice {voice.id!r}")

    def synthesize_raw(self, text: str, voice: Voice) -> bytes:
        """espeak's samples for ``text``, untrimmed and unnormalised."""
        self.check_voice(voice.id)
        session = _get_session(self._lib)
        self._apply(voice)
        session.state.reset()  # same text + voice -> same bytes, whatever was said before
        session.chunks = []
        try:
            status = self._lib.Synth(text.encode("utf-8"), flags=self._lib.CHARS_UTF8)
        except UnicodeEncodeError as exc:
            raise EngineError(f"text cannot be encoded for espeak: {text[:60]!r}: {exc}") from exc
        self._lib.Synchronize()
        if status != self._lib.EE_OK:
            raise EngineError(f"espeak failed (status {status}) on {text[:60]!r}")
        return b"".join(session.chunks)

    def synthesize(self, text: str, voice: Voice) -> bytes:
        """Complete s16le mono clip: ends trimmed, loudness normalised to the voice's volume."""
        pcm = audio.trim_silence(self.synthesize_raw(text, voice), self.sample_rate_hz)
        if self._target_dbfs is None:
            return pcm
        return audio.normalise_loudness(pcm, self.sample_rate_hz, voice.volume, self._target_dbfs)
