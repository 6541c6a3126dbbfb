"""pyttsx3's own drivers (SAPI5 on Windows, NSSS on macOS, espeak-ng on Linux).

The portable fallback. Facts this code is shaped by (FIELD-NOTES.md): ``runAndWait()``
returns before the file is written, so each utterance is awaited on the
'finished-utterance' event; queueing several files writes only the last, so there is one
``save_to_file`` per wait; unknown voice ids are silently ignored, so they are refused here.
On Linux this driver initialises espeak-ng in retrieval mode: it cannot share a process
with the direct ``espeak`` engine.
"""

from __future__ import annotations

import contextlib
import difflib
import importlib.metadata
import io
import sys
import tempfile
import threading
import wave
from pathlib import Path

from ficaudio.engines import VoiceInfo
from ficaudio.engines import audio
from ficaudio.engines import espeak_lib
from ficaudio.errors import EngineError
from ficaudio.models import Voice

DRIVER_SAMPLE_RATES_HZ = {"espeak": 22050}
"""Rates known without synthesising (pyttsx3's espeak driver hard-codes 22050 Hz)."""

WAIT_BASE_S = 30.0
WAIT_PER_CHAR_S = 0.2
EMPTY_RETRIES = 3
"""Attempts at an utterance whose WAV came back empty before giving up."""


def default_driver_name(platform: str = sys.platform) -> str:
    """pyttsx3's driver for ``platform``: ``default_driver_name("win32") == "sapi5"``."""
    if platform == "win32":
        return "sapi5"
    return "nsss" if platform == "darwin" else "espeak"


def read_wav_pcm(path: Path) -> tuple[bytes, int]:
    """(s16le mono PCM, sample rate) of a WAV file, converting width and channels if needed."""
    try:
        with wave.open(str(path), "rb") as wav:
            frames = wav.readframes(wav.getnframes())
            width, channels, rate_hz = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
    except (OSError, EOFError, wave.Error) as exc:
        raise EngineError(f"pyttsx3 wrote an unreadable WAV file {path}: {exc}") from exc
    if width != audio.SAMPLE_WIDTH_BYTES:
        frames = audio.audioop.lin2lin(frames, width, audio.SAMPLE_WIDTH_BYTES)
    if channels == 2:
        frames = audio.audioop.tomono(frames, audio.SAMPLE_WIDTH_BYTES, 0.5, 0.5)
    return frames, rate_hz


class Pyttsx3Engine:
    """One ``save_to_file`` + wait per utterance, read back as PCM, trimmed and normalised."""

    name = "pyttsx3"

    def __init__(self, driver_name: str | None = None) -> None:
        self._driver_name = driver_name or default_driver_name()
        try:
            pyttsx3_version = importlib.metadata.version("pyttsx3")
        except importlib.metadata.PackageNotFoundError as exc:
            raise EngineError("pyttsx3 is not installed", hint="pip install pyttsx3") from exc
        self.version = f"{pyttsx3_version}/{self._driver_name}/trim{audio.KEEP_EDGE_MS}ms/norm{audio.LOUDNESS_TARGET_DBFS:g}"
        self._rate_hz: int | None = DRIVER_SAMPLE_RATES_HZ.get(self._driver_name)
        self._engine = None
        self._finished = threading.Event()
        self._voice_ids: dict[str, str] = {}  # lower-cased accepted id -> driver id
        self._espeak_table = None
        self._tmp = tempfile.TemporaryDirectory(prefix="ficaudio-pyttsx3-")

    # ------------------------------------------------------------------ setup
    def _driver(self):
        if self._engine is None:
            self._engine = self._start_driver()
            self._engine.connect("finished-utterance", lambda **_: self._finished.set())
            self._voice_ids = {v.id.lower(): v.id for v in self._driver_voices()}
        return self._engine

    def _start_driver(self):
        if self._driver_name == "espeak":
            espeak_lib.prepare_library()  # pyttsx3 finds pip's espeak-ng only this way
            espeak_lib.claim_process("pyttsx3")
        try:
            import pyttsx3

            return pyttsx3.init(self._driver_name)
        except Exception as exc:  # pyttsx3 raises bare RuntimeError/ImportError/OSError per driver
            raise EngineError(f"pyttsx3 driver {self._driver_name!r} failed to start: {exc}",
                              hint=espeak_lib.INSTALL_HINT if self._driver_name == "espeak" else None) from exc

    def _driver_voices(self) -> list[VoiceInfo]:
        voices = []
        for v in self._engine.getProperty("voices"):
            language = (v.languages or [""])[0]
            language = language.decode("utf-8", "replace") if isinstance(language, bytes) else str(language)
            voices.append(VoiceInfo(v.id, v.name or v.id, language, None, engine_name=v.id))
        return voices

    @property
    def sample_rate_hz(self) -> int:
        """The driver's output rate: known for espeak, else read from a first short WAV."""
        if self._rate_hz is None:
            self._synthesize_wav("a", None)
        return self._rate_hz

    # ------------------------------------------------------------------ voices
    def voices(self) -> list[VoiceInfo]:
        self._driver()
        return self._driver_voices()

    def _espeak_accepts(self, voice_id: str) -> bool:
        """On espeak, the direct engine's ids work here too ("en-us", "en-us+m7")."""
        if self._driver_name != "espeak":
            return False
        if self._espeak_table is None:
            from ficaudio.engines.espeak import build_voice_table

            self._espeak_table = build_voice_table(espeak_lib.binding())
        return self._espeak_table.resolve(voice_id) is not None

    def check_voice(self, voice_id: str) -> None:
        """Refuse ids the driver does not list: pyttsx3 would silently keep the last voice."""
        self._driver()
        if voice_id.lower() in self._voice_ids or self._espeak_accepts(voice_id):
            return
        matches = difflib.get_close_matches(voice_id.lower(), list(self._voice_ids), n=3)
        hint = f"did you mean {', '.join(map(repr, matches))}?" if matches else None
        raise EngineError(f"unknown voice {voice_id!r}", hint=hint or f"pyttsx3's {self._driver_name} driver does not list it")

    # ------------------------------------------------------------------ synthesis
    def _apply(self, engine, voice: Voice) -> None:
        engine.setProperty("voice", self._voice_ids.get(voice.id.lower(), voice.id))
        engine.setProperty("rate", voice.rate_wpm)
        engine.setProperty("volume", 1.0)  # loudness and volume come from the normaliser
        with contextlib.suppress(KeyError):  # SAPI5/NSSS have no pitch property
            engine.setProperty("pitch", voice.pitch)

    def _synthesize_wav(self, text: str, voice: Voice | None) -> bytes:
        """Synthesise into a fresh temp WAV, wait for 'finished-utterance', read it back; a WAV
        with no audio in it is made again (pyttsx3's espeak driver now and then writes the file
        before any sample of the utterance came: measured 2 clips in 24), and an error if it
        stays empty."""
        for _attempt in range(EMPTY_RETRIES):
            pcm = self._synthesize_wav_once(text, voice)
            if pcm:
                return pcm
        raise EngineError(f"pyttsx3 gave no audio for {text[:60]!r}", hint="try --engine espeak")

    def _synthesize_wav_once(self, text: str, voice: Voice | None) -> bytes:
        engine = self._driver()
        path = Path(self._tmp.name) / "utterance.wav"
        path.unlink(missing_ok=True)
        if voice is not None:
            self._apply(engine, voice)
        self._finished.clear()
        with contextlib.redirect_stdout(io.StringIO()):  # the espeak driver prints "Audio saved to"
            engine.save_to_file(text, str(path))
            engine.runAndWait()
            done = self._finished.wait(WAIT_BASE_S + WAIT_PER_CHAR_S * len(text))
        if not done or not path.exists():
            raise EngineError(f"pyttsx3 did not finish synthesising {text[:60]!r}")
        pcm, rate_hz = read_wav_pcm(path)
        if self._rate_hz not in (None, rate_hz):
            raise EngineError(f"pyttsx3 changed sample rate from {self._rate_hz} to {rate_hz} Hz")
        self._rate_hz = rate_hz
        return pcm

    def synthesize(self, text: str, voice: Voice) -> bytes:
        """Complete s16le mono clip: ends trimmed, loudness normalised to the voice's volume."""
        self.check_voice(voice.id)
        if not text.strip():
            return b""  # pyttsx3 asserts on empty text
        pcm = audio.trim_silence(self._synthesize_wav(text, voice), self.sample_rate_hz)
        return audio.normalise_loudness(pcm, self.sample_rate_hz, voice.volume)
