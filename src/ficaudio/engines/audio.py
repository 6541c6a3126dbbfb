"""Small operations on one clip of s16le mono PCM, shared by every engine.

Clips are short (one utterance), so working on whole ``bytes`` is fine here; chapters are
never built this way (stitch appends PCM frames to a file instead).
"""

from __future__ import annotations

import math
import statistics
import warnings

with warnings.catch_warnings():
    # audioop is deprecated in 3.11/3.12 and provided by audioop-lts from 3.13 on.
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop

SAMPLE_WIDTH_BYTES = 2
FULL_SCALE = 32768.0

SILENCE_THRESHOLD = 328
"""|sample| at or below this (-40 dBFS) counts as silence when trimming clip ends."""

KEEP_EDGE_MS = 10
"""Silence kept at each trimmed end, so the first and last phones are not clipped."""

LOUDNESS_TARGET_DBFS = -20.0
"""Gated RMS level every clip of volume 1.0 is brought to (see :func:`normalise_loudness`)."""

PEAK_CEILING_DBFS = -1.0
"""Gain is limited so no sample goes above this: loudness never buys clipping."""

GATE_DBFS = -45.0
"""20 ms frames quieter than this are left out of the loudness measure (pauses between words)."""

FRAME_MS = 20


def samples_per_ms(sample_rate_hz: int) -> float:
    """Samples in one millisecond: ``samples_per_ms(22050) == 22.05``."""
    return sample_rate_hz / 1000


def sample_count(pcm: bytes) -> int:
    """Number of 16-bit samples in ``pcm``: ``sample_count(b"\\x00\\x00" * 3) == 3``."""
    return len(pcm) // SAMPLE_WIDTH_BYTES


def to_dbfs(amplitude: float) -> float:
    """Level of a linear amplitude in dB relative to full scale: ``to_dbfs(32768) == 0.0``."""
    return -math.inf if amplitude <= 0 else 20 * math.log10(amplitude / FULL_SCALE)


def _first_loud_sample(pcm: bytes, threshold: int, step: int) -> int | None:
    """Index of the first sample louder than ``threshold`` walking by ``step`` (1 or -1)."""
    count = sample_count(pcm)
    indices = range(count) if step > 0 else range(count - 1, -1, -1)
    for i in indices:
        if abs(audioop.getsample(pcm, SAMPLE_WIDTH_BYTES, i)) > threshold:
            return i
    return None


def _loud_bounds(pcm: bytes, threshold: int, sample_rate_hz: int) -> tuple[int, int] | None:
    """First and last loud sample, found frame by frame (fast) then sample by sample.

    Frames are tried from each end inwards: speech starts and ends within a few frames,
    so the middle of a clip is never looked at.
    """
    frame_bytes = round(samples_per_ms(sample_rate_hz) * FRAME_MS) * SAMPLE_WIDTH_BYTES
    offsets = range(0, len(pcm), frame_bytes)
    loud = (at for at in offsets if audioop.max(pcm[at : at + frame_bytes], SAMPLE_WIDTH_BYTES) > threshold)
    first = next(loud, None)
    if first is None:
        return None
    last = next(at for at in reversed(offsets) if audioop.max(pcm[at : at + frame_bytes], SAMPLE_WIDTH_BYTES) > threshold)
    start = first // SAMPLE_WIDTH_BYTES + _first_loud_sample(pcm[first : first + frame_bytes], threshold, 1)
    end = last // SAMPLE_WIDTH_BYTES + _first_loud_sample(pcm[last : last + frame_bytes], threshold, -1)
    return start, end


def trim_silence(pcm: bytes, sample_rate_hz: int, keep_ms: int = KEEP_EDGE_MS) -> bytes:
    """Cut leading/trailing silence, keeping ``keep_ms`` at each end; all-silent -> b"".

    >>> quiet, loud = b"\\x00\\x00" * 1000, b"\\x00\\x10" * 10
    >>> len(trim_silence(quiet + loud + quiet, 1000, keep_ms=2)) // 2
    14
    """
    bounds = _loud_bounds(pcm, SILENCE_THRESHOLD, sample_rate_hz)
    if bounds is None:
        return b""
    keep = round(samples_per_ms(sample_rate_hz) * keep_ms)
    start = max(0, bounds[0] - keep)
    end = min(sample_count(pcm), bounds[1] + 1 + keep)
    return pcm[start * SAMPLE_WIDTH_BYTES : end * SAMPLE_WIDTH_BYTES]


def gated_rms(pcm: bytes, sample_rate_hz: int) -> float:
    """RMS over the 20 ms frames louder than :data:`GATE_DBFS` (0.0 when none are).

    Pauses between words would otherwise make a slow voice measure quieter than a fast one.

    >>> round(gated_rms(b"\\x00\\x00" * 441 + b"\\x00\\x10" * 441, 22050))
    4096
    """
    frame_bytes = round(samples_per_ms(sample_rate_hz) * FRAME_MS) * SAMPLE_WIDTH_BYTES
    powers = []
    for i in range(0, len(pcm), frame_bytes):
        rms = audioop.rms(pcm[i : i + frame_bytes], SAMPLE_WIDTH_BYTES)
        if to_dbfs(rms) > GATE_DBFS:
            powers.append(rms * rms)
    return math.sqrt(sum(powers) / len(powers)) if powers else 0.0


def loudness_gain_db(pcm: bytes, sample_rate_hz: int, target_dbfs: float) -> float:
    """Gain that brings the clip's gated RMS to ``target_dbfs``, limited by the peak ceiling.

    >>> round(loudness_gain_db(b"\\x00\\x10" * 2205, 22050, -12.0), 1)
    6.1
    """
    rms = gated_rms(pcm, sample_rate_hz)
    if rms == 0.0:
        return 0.0
    peak = audioop.max(pcm, SAMPLE_WIDTH_BYTES)
    return min(target_dbfs - to_dbfs(rms), PEAK_CEILING_DBFS - to_dbfs(peak))


def normalise_loudness(
    pcm: bytes, sample_rate_hz: int, volume: float = 1.0, target_dbfs: float = LOUDNESS_TARGET_DBFS
) -> bytes:
    """Bring a clip to ``target_dbfs`` scaled by the voice's ``volume`` (0..1).

    Every voice then sounds equally loud at volume 1.0, whatever the engine made of it;
    volume 0.5 is 6 dB below the others.

    >>> normalise_loudness(b"\\x00\\x10" * 4, 22050, volume=0.0)
    b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00'
    """
    if volume <= 0:
        return bytes(len(pcm))
    gain_db = loudness_gain_db(pcm, sample_rate_hz, target_dbfs + 20 * math.log10(volume))
    return audioop.mul(pcm, SAMPLE_WIDTH_BYTES, 10 ** (gain_db / 20))


def zero_crossing_hz(pcm: bytes, sample_rate_hz: int) -> float:
    """Rough pitch of a tone: upward zero crossings per second over the whole clip.

    >>> import math, struct
    >>> tone = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 100 * i / 8000))) for i in range(8000))
    >>> round(zero_crossing_hz(tone, 8000))
    100
    """
    count = sample_count(pcm)
    if count < 2:
        return 0.0
    crossings = audioop.cross(pcm, SAMPLE_WIDTH_BYTES)  # counts both directions
    return crossings / 2 / (count / sample_rate_hz)


F0_ANALYSIS_RATE_HZ = 4000
"""Speech is resampled to this rate for :func:`estimate_f0_hz` (F0 of voices is 60-400 Hz)."""


def _frame_period_samples(frame: list[int], half: int, lags: range) -> int:
    """Lag with the highest autocorrelation over the first ``half`` samples of ``frame``."""
    return max(lags, key=lambda lag: sum(frame[i] * frame[i + lag] for i in range(half)))


def estimate_f0_hz(pcm: bytes, sample_rate_hz: int, min_hz: int = 60, max_hz: int = 500) -> float:
    """Median fundamental frequency of the loud 40 ms frames, by autocorrelation (0.0 if none).

    Crude but enough to tell a pitch 10 voice from a pitch 90 one, or m7 from f4.

    >>> import math, struct
    >>> tone = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 200 * i / 22050))) for i in range(22050))
    >>> round(estimate_f0_hz(tone, 22050))
    200
    """
    rate = F0_ANALYSIS_RATE_HZ
    low, _ = audioop.ratecv(pcm, SAMPLE_WIDTH_BYTES, 1, sample_rate_hz, rate, None, 1, 3)  # 1,3: smooths
    samples = memoryview(low).cast("h").tolist()
    half = rate * FRAME_MS * 2 // 1000
    lags = range(rate // max_hz, rate // min_hz + 1)
    estimates = []
    for start in range(0, len(samples) - 2 * half, half):
        frame = samples[start : start + 2 * half]
        if to_dbfs(math.sqrt(sum(v * v for v in frame[:half]) / half)) > -30:
            estimates.append(rate / _frame_period_samples(frame, half, lags))
    return statistics.median(estimates) if estimates else 0.0
