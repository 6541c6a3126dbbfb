"""Stitch: raw PCM -> one MP3 per chapter, chapter MP3s -> one book MP3.

Two rules hold everything together (see FIELD-NOTES, "MP3 encoding and stitching"):

* One encode per output audio. :func:`encode_mp3` streams PCM chunks through ONE LAME
  encoder in this process (PyPI ``lameenc``: no threads, no pipe, no second process);
  :func:`join_mp3` builds the book from the chapter MP3s frame by frame, without decoding
  or re-encoding anything. ffmpeg (imageio-ffmpeg) encodes only when lameenc is missing.
* Exact lengths. Every file starts with a LAME/Info header (frame count, bytes, seek table,
  encoder delay and padding, CRCs) so a decoder returns exactly the samples we fed in.
  lameenc writes no such header, so :class:`_Mp3Writer` writes it from the frames it
  really wrote. The book gets one new Info header computed the same way, and each
  chapter's start in the book is computed from frame counts, never measured.

The frame-level machinery (headers, the LAME/Info tag, CRCs, the seek table) lives in
:mod:`ficaudio.mp3frames`; this module encodes, joins and writes files.

Every file is written under a temporary name in its destination folder and renamed into
place only when complete, so a crash, a full disk or Ctrl-C never leaves a half file under
the final name.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ficaudio.errors import OutputError
from ficaudio.files import DISK_FULL_ERRNOS, default_mode, write_error
from ficaudio.mp3frames import (
    HEADER_WORD,
    LAME_DELAY_AT,
    LAME_QUALITY,
    MAX_U32,
    MUSIC_CRC_AT,
    MUSIC_LENGTH_AT,
    TAG_CRC_AT,
    Crc16Stream,
    LameInfo,
    Part,
    TocBags,
    crc16,
    crc16_combine,
    info_header_word,
    lame_tag,
    parse_frame_header,
    patch_info,
    read_head,
    read_lame_info,
    scan_part,
    tag_crc,
    without_byte_count,
)

MPEG_SAMPLE_RATES_HZ = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)
"""Sample rates an MP3 can carry (MPEG-1, -2 and -2.5 layer III)."""

STDERR_TAIL_LINES = 8
"""How many of ffmpeg's last stderr lines an OutputError quotes."""

_COPY_CHUNK_BYTES = 1 << 20  # bounded memory while copying frames into the book


# ----------------------------------------------------------------------- ffmpeg
def ffmpeg_exe() -> str:
    """Path of an ffmpeg binary: a system ``ffmpeg`` on PATH, else imageio-ffmpeg's own.

    >>> Path(ffmpeg_exe()).name.startswith("ffmpeg")
    True
    """
    system = shutil.which("ffmpeg")
    if system:
        return system
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError) as exc:
        raise OutputError(
            f"no ffmpeg found to encode MP3 ({exc})",
            hint="pip install imageio-ffmpeg (bundles ffmpeg), or install ffmpeg (apt install ffmpeg)",
        ) from exc


def silence(duration_ms: int, sample_rate_hz: int) -> bytes:
    """Raw s16le mono PCM of ``duration_ms`` of silence (rounded to whole samples).

    >>> len(silence(10, 22050))  # 220.5 samples -> 220, 2 bytes each
    440
    """
    if duration_ms < 0 or sample_rate_hz <= 0:
        raise ValueError(f"silence({duration_ms}, {sample_rate_hz}): need duration_ms >= 0, rate > 0")
    return bytes(2 * round(duration_ms * sample_rate_hz / 1000))


def encoder_command(dest: Path, *, sample_rate_hz: int, bitrate_kbps: int) -> list[str]:
    """ffmpeg's argument list (never a shell string) to encode s16le mono from stdin to ``dest``.

    >>> encoder_command(Path("x.mp3"), sample_rate_hz=22050, bitrate_kbps=64)[-5:]
    ['-id3v2_version', '0', '-f', 'mp3', 'x.mp3']
    """
    # -id3v2_version 0: no ffmpeg tag; ficaudio.tags writes the only tag later.
    # -write_xing 1 (the default, spelled out): the LAME/Info header is what makes lengths exact.
    return [
        ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error", "-y",
        "-f", "s16le", "-ar", str(sample_rate_hz), "-ac", "1", "-i", "pipe:0",
        "-map_metadata", "-1", "-c:a", "libmp3lame", "-b:a", f"{bitrate_kbps}k",
        "-write_xing", "1", "-id3v2_version", "0", "-f", "mp3", str(dest),
    ]  # fmt: skip


# ------------------------------------------------------------- temp-then-rename
@contextlib.contextmanager
def _temp_output(dest: Path) -> Iterator[Path]:
    """Yield a fresh temporary path next to ``dest``; rename it to ``dest`` only on success.

    On any exception (KeyboardInterrupt included) the temporary file is removed and the
    exception propagates, so ``dest`` is either the old file or the complete new one.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:
        raise OutputError(f"cannot create a file in {dest.parent}: {exc.strerror}", path=str(dest)) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        default_mode(tmp)
        os.replace(tmp, dest)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_error(exc, dest) from exc
        raise


# ---------------------------------------------------------------------- encoding
FinishHook = Callable[[Path], None]
"""Called with the complete temporary file just before it is renamed into place (to tag it)."""


def encode_mp3(
    pcm_chunks: Iterable[bytes],
    dest: Path,
    *,
    sample_rate_hz: int,
    bitrate_kbps: int = 64,
    before_rename: FinishHook | None = None,
) -> int:
    """Encode raw s16le mono PCM chunks into one MP3 at ``dest``; return the sample count.

    One encoder per file (LAME in this process; ffmpeg only without lameenc); chunks are
    streamed, never joined in memory. The file appears under ``dest`` only once complete,
    with a LAME/Info header that makes a decoder return exactly the samples written.

    Example: ``encode_mp3([silence(100, 22050)], Path("a.mp3"), sample_rate_hz=22050)``
    returns 2205 and ``mp3_sample_count("a.mp3") == 2205``.
    """
    dest = Path(dest)
    if sample_rate_hz not in MPEG_SAMPLE_RATES_HZ:
        raise OutputError(f"MP3 cannot carry {sample_rate_hz} Hz audio", path=str(dest),
                          hint=f"use one of {', '.join(map(str, MPEG_SAMPLE_RATES_HZ))} Hz")
    lameenc = _lameenc()
    with _temp_output(dest) as tmp:
        if lameenc is not None:
            sample_count = _lame_encode(lameenc, pcm_chunks, tmp, dest, sample_rate_hz, bitrate_kbps)
        else:
            sample_count = _ffmpeg_encode(pcm_chunks, tmp, dest, sample_rate_hz, bitrate_kbps)
        if before_rename is not None:
            before_rename(tmp)
    return sample_count


def _ffmpeg_encode(pcm_chunks: Iterable[bytes], tmp: Path, dest: Path, sample_rate_hz: int, bitrate_kbps: int) -> int:
    """The fallback encoder: one ffmpeg process fed through a pipe; returns the sample count."""
    cmd = encoder_command(tmp, sample_rate_hz=sample_rate_hz, bitrate_kbps=bitrate_kbps)
    byte_count = _run_encoder(cmd, pcm_chunks, dest)
    _fix_trailing_padding(tmp, byte_count // 2, dest)
    return byte_count // 2


def _run_encoder(cmd: list[str], pcm_chunks: Iterable[bytes], dest: Path) -> int:
    """Run ffmpeg, feed it every chunk, wait for it; return the byte count fed.

    stderr goes to an unnamed temp file, not a pipe: nobody reads a pipe while we write
    stdin, and a chatty ffmpeg would block forever on a full one.
    """
    with tempfile.TemporaryFile() as err:
        try:
            # Its own session: a terminal's Ctrl-C reaches ficaudio, which stops ffmpeg itself
            # (and removes the temp file) instead of ffmpeg finishing a file nobody wants.
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        except OSError as exc:
            raise OutputError(f"cannot start ffmpeg ({cmd[0]}): {exc}", path=str(dest)) from exc
        try:
            byte_count = _feed(proc, pcm_chunks)
        except BrokenPipeError:
            byte_count = -1  # ffmpeg died early; its stderr says why
        except BaseException:  # Ctrl-C, or the chunk producer failed: stop ffmpeg now
            proc.kill()
            raise
        finally:
            with contextlib.suppress(OSError):  # flushing into a dead ffmpeg raises again
                proc.stdin.close()
            proc.wait()
        if proc.returncode != 0 or byte_count < 0:
            raise _ffmpeg_failed(proc.returncode, _tail(err), dest)
    if byte_count % 2:
        raise OutputError(f"PCM ended mid-sample ({byte_count} bytes of 16-bit audio)", path=str(dest))
    return byte_count


def _feed(proc: subprocess.Popen, pcm_chunks: Iterable[bytes]) -> int:
    """Write chunks to ffmpeg's stdin and close it; return the number of bytes written."""
    byte_count = 0
    for chunk in pcm_chunks:
        proc.stdin.write(chunk)
        byte_count += memoryview(chunk).nbytes  # len() of an array('h') counts samples
    proc.stdin.close()
    return byte_count


DISK_FULL_SIGNS = ("No space left", "File too large", "Disk quota exceeded")
"""ffmpeg's words (strerror) when the disk, a quota or a file size limit is full."""


def _ffmpeg_failed(returncode: int, stderr_tail: str, dest: Path) -> OutputError:
    """The error for a failed ffmpeg run: its exit status or signal, and its last words.

    A full disk gets its own plain message: nothing ffmpeg says would help more.
    """
    if returncode == -signal.SIGXFSZ or any(sign in stderr_tail for sign in DISK_FULL_SIGNS):
        return _disk_full(dest)
    status = f"exit {returncode}"
    if returncode < 0:
        with contextlib.suppress(ValueError):
            status = f"killed by {signal.Signals(-returncode).name}"
    hint = None
    if "Unknown encoder 'libmp3lame'" in stderr_tail:
        hint = "this ffmpeg lacks libmp3lame: install one that has it, or remove it from PATH to use imageio-ffmpeg's"
    return OutputError(f"ffmpeg failed ({status}): {stderr_tail}", path=str(dest), hint=hint)


def _disk_full(dest: Path) -> OutputError:
    return OutputError("the disk is full (or a file size limit was reached) while encoding", path=str(dest),
                       hint="free some space and run again: finished chapters and clips are kept")  # fmt: skip


def _tail(err_file) -> str:
    """Last :data:`STDERR_TAIL_LINES` non-empty lines of ffmpeg's stderr, on one line."""
    err_file.seek(0)
    lines = [ln.strip() for ln in err_file.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    return " | ".join(lines[-STDERR_TAIL_LINES:]) or "(no message)"


def _fix_trailing_padding(path: Path, expected_samples: int, dest: Path) -> None:
    """Make the LAME header promise exactly ``expected_samples``, or refuse the file.

    ffmpeg reports at most 1105 samples of trailing padding (one frame plus the decoder
    delay): when the input ends 1..47 samples into a 576-sample frame the true padding is
    up to 1151 and a decoder would return up to 46 extra samples. The header's padding
    field is 12 bits, so we write the true value; everything else stays as ffmpeg wrote it.
    """
    head, frame_at = read_head(path)
    info = read_lame_info(head, 0)
    if info is None:
        raise OutputError("ffmpeg wrote no LAME/Info header", path=str(dest))
    excess = info.sample_count - expected_samples
    padding = info.padding_samples + excess
    if excess and not (0 < excess < info.header.samples_per_frame and padding < 1 << 12):
        raise OutputError(f"encoder wrote {info.sample_count} samples, expected {expected_samples}", path=str(dest))
    if excess:
        delay_padding = (info.delay_samples << 12) | padding
        with open(path, "r+b") as f:
            f.seek(frame_at)
            f.write(patch_info(info, {LAME_DELAY_AT: delay_padding.to_bytes(3, "big")}))


# ---------------------------------------------------------------------- lengths
def mp3_sample_count(path: Path) -> int:
    """Exact decoded sample count of an MP3 written by :func:`encode_mp3` or :func:`join_mp3`."""
    head, _ = read_head(path)
    info = read_lame_info(head, 0)
    if info is None:
        raise OutputError("no LAME/Info header: exact length unknown", path=str(path))
    return info.sample_count


def mp3_duration_ms(path: Path) -> int:
    """Duration in ms from the Info/Xing header (no ffprobe needed), exact for our files.

    mutagen 1.48 applies the LAME delay/padding only when the encoder string starts with
    "LAME"; ffmpeg writes "Lavc...", so mutagen alone overstates each file by 48-78 ms
    (delay + padding). We read delay/padding ourselves and use mutagen for other files.
    """
    head, _ = read_head(Path(path))
    info = read_lame_info(head, 0)
    if info is not None:
        return round(info.sample_count * 1000 / info.header.sample_rate_hz)
    return _mutagen_duration_ms(Path(path))


def _mutagen_duration_ms(path: Path) -> int:
    import mutagen.mp3

    try:
        return round(mutagen.mp3.MP3(path).info.length * 1000)
    except (mutagen.MutagenError, OSError) as exc:
        raise OutputError(f"cannot read MP3 length: {exc}", path=str(path)) from exc


# ------------------------------------------------------------------ LAME in-process
LAME_ENCODER_DELAY_SAMPLES = 576
"""Samples LAME puts before the first input sample when it does not resample (ENCDELAY)."""


_MAX_PADDING_SAMPLES = (1 << 12) - 1  # a 12-bit field in the LAME tag


def _lameenc():
    """The ``lameenc`` module, or None when it is not installed (then ffmpeg encodes)."""
    try:
        import lameenc
    except ImportError:
        return None
    return lameenc


def encoder_identity() -> str:
    """Which encoder writes the MP3s, and how: part of each chapter's key, so a change re-encodes.

    >>> encoder_identity().split("/")[0] in ("lameenc", "ffmpeg")
    True
    """
    if _lameenc() is None:
        return "ffmpeg/libmp3lame"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"lameenc/{version('lameenc')}/q{LAME_QUALITY}"
    except PackageNotFoundError:
        return f"lameenc/unknown/q{LAME_QUALITY}"


def _lame_encoder(lameenc, sample_rate_hz: int, bitrate_kbps: int):
    encoder = lameenc.Encoder()
    encoder.set_channels(1)
    encoder.set_in_sample_rate(sample_rate_hz)
    encoder.set_out_sample_rate(sample_rate_hz)  # never resample: the delay stays 576
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_quality(LAME_QUALITY)
    encoder.silence()  # LAME prints nothing on our stdout
    return encoder


def _whole_samples(pcm_chunks: Iterable[bytes], dest: Path) -> Iterator[bytes]:
    """The chunks as ``bytes`` of whole 16-bit samples (LAME refuses half a sample).

    A chunk may end mid-sample (a pipe or file read does): its odd byte waits for the next.
    """
    odd = b""
    for chunk in pcm_chunks:
        data = odd + bytes(chunk) if odd or not isinstance(chunk, bytes) else chunk
        cut = len(data) & ~1
        odd = data[cut:]
        if cut:
            yield data[:cut] if odd else data
    if odd:
        raise OutputError("PCM ended mid-sample (an odd number of bytes of 16-bit audio)", path=str(dest))


def _lame_encode(lameenc, pcm_chunks: Iterable[bytes], tmp: Path, dest: Path, sample_rate_hz: int, bitrate_kbps: int) -> int:
    """Encode with LAME in this process into ``tmp``; write its Info header last. Returns samples."""
    encoder = _lame_encoder(lameenc, sample_rate_hz, bitrate_kbps)
    try:
        with open(tmp, "r+b") as out:
            writer = _Mp3Writer(out, sample_rate_hz, bitrate_kbps, dest)
            sample_count = 0
            for chunk in _whole_samples(pcm_chunks, dest):
                sample_count += len(chunk) // 2
                writer.write(encoder.encode(chunk))
            if sample_count:  # LAME makes two frames of silence from nothing: keep none
                writer.write(encoder.flush())
            writer.finish(sample_count)
    except OSError as exc:
        raise _disk_full(dest) if exc.errno in DISK_FULL_ERRNOS else write_error(exc, dest) from exc
    except RuntimeError as exc:  # lameenc's only exception type
        raise OutputError(f"LAME failed: {exc}", path=str(dest)) from exc
    return sample_count


class _Mp3Writer:
    """LAME's output after a placeholder Info frame; counts what the real Info frame needs.

    LAME writes no Info header when driven through lameenc (FIELD-NOTES: the audio then
    comes 1105 samples late and the file sounds 73 ms longer), so this writes one from
    the frames it saw: their number and bytes, the seek table, the delay and padding, and
    the CRC of the audio -- the same fields LAME and ffmpeg write, at the same offsets.
    """

    def __init__(self, out, sample_rate_hz: int, bitrate_kbps: int, dest: Path) -> None:
        self.out, self.dest, self.rate_hz = out, dest, sample_rate_hz
        self.info_word = info_header_word(sample_rate_hz, bitrate_kbps)
        self.info_header = parse_frame_header(self.info_word)
        self.frame_count = 0
        self.audio_bytes = 0
        self.bitrates: set[int] = set()
        self.known_words: dict[int, int] = {}  # header word -> frame bytes
        self.toc = TocBags(self.info_header.frame_bytes)
        self.crc = Crc16Stream()
        self.unparsed = bytearray()  # from the next frame's first byte: headers may straddle writes
        out.write(bytes(self.info_header.frame_bytes))  # rewritten by finish()

    def write(self, data: bytes) -> None:
        if not data:
            return
        self.out.write(data)
        self.crc.update(data)
        self.audio_bytes += len(data)
        self.unparsed += data
        self._count_frames()

    def _count_frames(self) -> None:
        buf, at, sizes, known = self.unparsed, 0, [], self.known_words
        while at + 4 <= len(buf):
            word = HEADER_WORD.unpack_from(buf, at)[0]
            frame_bytes = known.get(word) or self._learn(word, at)
            if at + frame_bytes > len(buf):
                break
            sizes.append(frame_bytes)
            at += frame_bytes
        del buf[:at]
        self.toc.add_all(sizes)
        self.frame_count += len(sizes)

    def _learn(self, word: int, at: int) -> int:
        """Check a header word not seen before (a stream has two or three); its frame size."""
        header = parse_frame_header(word)
        if header is None or header.sample_rate_hz != self.rate_hz or not header.mono:
            raise OutputError(f"LAME wrote something that is not a {self.rate_hz} Hz mono frame at byte {at}", path=str(self.dest))
        self.bitrates.add(header.bitrate_kbps)
        self.known_words[word] = header.frame_bytes
        return header.frame_bytes

    def finish(self, sample_count: int) -> None:
        """Write the real Info frame over the placeholder."""
        if self.unparsed:
            raise OutputError(f"LAME's output ends with {len(self.unparsed)} bytes of a cut frame", path=str(self.dest))
        delay = LAME_ENCODER_DELAY_SAMPLES if self.frame_count else 0
        padding = self.frame_count * self.info_header.samples_per_frame - delay - sample_count
        if not 0 <= padding <= _MAX_PADDING_SAMPLES:
            raise OutputError(f"LAME wrote {self.frame_count} frames for {sample_count} samples", path=str(self.dest))
        self.out.seek(0)
        self.out.write(self._info_frame(delay, padding))

    def _info_frame(self, delay_samples: int, padding_samples: int) -> bytes:
        header = self.info_header
        stream_bytes = header.frame_bytes + self.audio_bytes
        if stream_bytes > MAX_U32:
            raise OutputError(f"{stream_bytes} bytes: an MP3 Info header counts at most 4 GiB", path=str(self.dest),
                              hint="lower the bitrate or split the chapter")  # fmt: skip
        tag = lame_tag(
            vbr=len(self.bitrates) > 1, frame_count=self.frame_count, stream_bytes=stream_bytes, toc=self.toc.toc(),
            bitrate_kbps=max(self.bitrates, default=header.bitrate_kbps), delay_samples=delay_samples,
            padding_samples=padding_samples, source_rate_hz=self.rate_hz, music_crc=self.crc.value(),
        )  # fmt: skip
        frame = bytearray(header.frame_bytes)
        frame[:4] = HEADER_WORD.pack(self.info_word)
        frame[header.info_offset : header.info_offset + len(tag)] = tag
        at = header.info_offset + TAG_CRC_AT
        frame[at : at + 2] = tag_crc(bytes(frame), header.info_offset).to_bytes(2, "big")
        return bytes(frame)


# -------------------------------------------------------------------------- join
@dataclass(frozen=True)
class JoinedBook:
    """Where each part starts in the joined book, exact to the sample."""

    path: str
    sample_rate_hz: int
    sample_count: int  # what a gapless decoder returns for the whole book
    starts_samples: tuple[int, ...]  # first sample of each part's own audio

    @property
    def duration_ms(self) -> int:
        return round(self.sample_count * 1000 / self.sample_rate_hz)

    @property
    def starts_ms(self) -> tuple[int, ...]:
        return tuple(round(s * 1000 / self.sample_rate_hz) for s in self.starts_samples)

    def spans_ms(self) -> list[tuple[int, int]]:
        """(start_ms, end_ms) per part; a part ends where the next begins, the last at the end.

        >>> JoinedBook("b.mp3", 1000, 900, (0, 300)).spans_ms()
        [(0, 300), (300, 900)]
        """
        ends = self.starts_ms[1:] + (self.duration_ms,)
        return list(zip(self.starts_ms, ends))


class _BookWriter:
    """Appends chapter MP3s' audio frames to one open file and writes the Info frame last."""

    def __init__(self, out) -> None:
        self.out = out
        self.first: LameInfo | None = None
        self.frame_count = 0
        self.audio_bytes = 0
        self.music_crc = 0
        self.bitrates: set[int] = set()
        self.starts_samples: list[int] = []
        self.last_padding = 0
        self.toc: TocBags | None = None

    def append(self, part: Part, buf) -> None:
        if self.first is None:
            self._start(part.info)
        elif not part.info.header.same_stream(self.first.header):
            raise OutputError("parts differ in sample rate, channels or MPEG version", path=str(part.path))
        spf = part.info.header.samples_per_frame
        # Part's own audio begins after its encoder delay; the book trims only the first delay.
        self.starts_samples.append(self.frame_count * spf + part.info.delay_samples - self.first.delay_samples)
        self.toc.add_all(part.frame_bytes)
        self._copy(buf, part.audio_start, part.audio_end)
        self.music_crc = crc16_combine(self.music_crc, _part_music_crc(part, buf), part.audio_end - part.audio_start)
        self.frame_count += len(part.frame_bytes)
        self.audio_bytes += part.audio_end - part.audio_start
        self.bitrates |= part.bitrates_kbps
        self.last_padding = part.info.padding_samples

    def _start(self, info: LameInfo) -> None:
        self.first = info
        self.toc = TocBags(len(info.frame))
        self.out.write(bytes(len(info.frame)))  # placeholder, rewritten by finish()

    def _copy(self, buf, start: int, end: int) -> None:
        for at in range(start, end, _COPY_CHUNK_BYTES):
            self.out.write(buf[at : min(at + _COPY_CHUNK_BYTES, end)])

    def finish(self) -> bytes:
        """The book's Info frame, built from the first part's as a template."""
        first = self.first
        stream_bytes = len(first.frame) + self.audio_bytes
        counted = stream_bytes <= MAX_U32  # a book over 4 GiB (~150 hours at 64 kbps) states no byte count
        frame = patch_info(first, {
            0: b"Xing" if len(self.bitrates) > 1 else b"Info",
            8: self.frame_count.to_bytes(4, "big"),
            12: (stream_bytes if counted else 0).to_bytes(4, "big"),
            16: self.toc.toc(),
            LAME_DELAY_AT: ((first.delay_samples << 12) | self.last_padding).to_bytes(3, "big"),
            MUSIC_LENGTH_AT: (stream_bytes if counted else 0).to_bytes(4, "big"),
            MUSIC_CRC_AT: self.music_crc.to_bytes(2, "big"),
        })  # fmt: skip
        return frame if counted else without_byte_count(frame, first.header.info_offset)

    @property
    def sample_count(self) -> int:
        spf = self.first.header.samples_per_frame
        return self.frame_count * spf - self.first.delay_samples - self.last_padding


def _part_music_crc(part: Part, buf) -> int:
    """The part's stored audio CRC when its tag is intact and covers exactly its frames."""
    info = part.info
    audio_bytes = part.audio_end - part.audio_start
    if info.tag_crc_ok and info.music_bytes == len(info.frame) + audio_bytes:
        return info.music_crc
    return crc16(buf[part.audio_start : part.audio_end])  # slow path: recompute


def join_mp3(parts: Sequence[Path], dest: Path) -> list[int]:
    """Join chapter MP3s into one book MP3 without re-encoding; return each part's start in ms.

    The start of part *i* is where its own audio begins in the book (see :func:`join_book`
    for sample-exact starts and the book's length).
    """
    return list(join_book(parts, dest).starts_ms)


BookHook = Callable[[Path, "JoinedBook"], None]
"""Called with the complete temporary book and where its parts start, before the rename."""


def join_book(parts: Sequence[Path], dest: Path, *, before_rename: BookHook | None = None) -> JoinedBook:
    """Join chapter MP3s (from :func:`encode_mp3`) into one book MP3 without re-encoding.

    Each part's ID3 tags and Info frame are dropped, its audio frames copied as they are,
    and one Info header is written for the whole book (first part's encoder delay, last
    part's padding, frame count, seek table, CRCs). Each part keeps its own encoder
    delay and padding inside the book: ~50-80 ms of near-silence between chapters, so
    the book is that much longer than the sum of its chapters.

    Example: two copies of a 0.5 s chapter at 22050 Hz (22 frames of 576 samples, encoder
    delay 576 each) give ``starts_samples == (0, 12672)``: 22 * 576 + 576 - 576.
    """
    if not parts:
        raise OutputError("no chapter files to join", path=str(dest))
    dest = Path(dest)
    with _temp_output(dest) as tmp:
        with open(tmp, "r+b") as out:
            book = _BookWriter(out)
            for path in parts:
                _append_file(book, Path(path))
            out.seek(0)
            out.write(book.finish())
        joined = JoinedBook(str(dest), book.first.header.sample_rate_hz, book.sample_count, tuple(book.starts_samples))
        if before_rename is not None:  # e.g. the chapter marks, which need the starts
            before_rename(tmp, joined)
    return joined


def _append_file(book: _BookWriter, path: Path) -> None:
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size == 0:
                raise OutputError("empty chapter file", path=str(path))
            with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
                book.append(scan_part(buf, path), buf)
    except FileNotFoundError as exc:
        raise OutputError("chapter file is missing", path=str(path)) from exc
