"""MP3 frames, read and written by hand: layer III headers, the LAME/Info tag, CRC-16, the seek table.

What :mod:`ficaudio.stitch` needs to give every file an exact length without decoding it
(see FIELD-NOTES, "MP3 encoding and stitching"): parse frame headers and skip ID3v2 tags,
read and patch the LAME/Info frame (frame count, bytes, seek table, encoder delay and
padding, music and tag CRCs), walk a file's audio frames, and compute the CRC-16 of tens
of MB at C speed. Pure functions over bytes; only :func:`read_head` opens a file.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from ficaudio.errors import OutputError

# ------------------------------------------------------------- MPEG frame parsing
_BITRATES_KBPS = {  # layer III, index 1..14
    1: (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    2: (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2 and 2.5
}
_BASE_RATES_HZ = (44100, 48000, 32000)
_VERSION_BITS = {3: (1, 1), 2: (2, 2), 0: (2, 4)}  # bits -> (bitrate table, rate divisor)


@dataclass(frozen=True)
class FrameHeader:
    """The fields of a layer III frame header that framing and joining need."""

    mpeg1: bool
    sample_rate_hz: int
    bitrate_kbps: int
    mono: bool
    frame_bytes: int

    @property
    def samples_per_frame(self) -> int:
        return 1152 if self.mpeg1 else 576

    @property
    def info_offset(self) -> int:
        """Where a Xing/Info tag starts in the frame: after the header and side info."""
        return 4 + ((17 if self.mono else 32) if self.mpeg1 else (9 if self.mono else 17))

    def same_stream(self, other: FrameHeader) -> bool:
        return (self.mpeg1, self.sample_rate_hz, self.mono) == (other.mpeg1, other.sample_rate_hz, other.mono)


@lru_cache(maxsize=256)  # a file uses only a handful of distinct header words
def parse_frame_header(word: int) -> FrameHeader | None:
    """Decode a 32-bit big-endian MPEG layer III header; None when it is not one.

    >>> parse_frame_header(0xFFF380C0).frame_bytes  # MPEG-2, 64 kbps, 22050 Hz, mono
    208
    """
    version_bits, layer_bits = (word >> 19) & 3, (word >> 17) & 3
    bitrate_index, rate_index = (word >> 12) & 15, (word >> 10) & 3
    if word >> 21 != 0x7FF or version_bits == 1 or layer_bits != 1:
        return None
    if bitrate_index in (0, 15) or rate_index == 3:
        return None  # free format and reserved values: never written by LAME
    table, divisor = _VERSION_BITS[version_bits]
    rate_hz = _BASE_RATES_HZ[rate_index] // divisor
    kbps = _BITRATES_KBPS[table][bitrate_index - 1]
    padding = (word >> 9) & 1
    frame_bytes = (144 if table == 1 else 72) * kbps * 1000 // rate_hz + padding
    return FrameHeader(table == 1, rate_hz, kbps, (word >> 6) & 3 == 3, frame_bytes)


def _header_at(buf, offset: int) -> FrameHeader | None:
    if offset + 4 > len(buf):
        return None
    return parse_frame_header(int.from_bytes(buf[offset : offset + 4], "big"))


def id3v2_size(buf) -> int:
    """Bytes taken by an ID3v2 tag at the start of ``buf`` (0 when there is none).

    >>> id3v2_size(b"ID3\\x03\\x00\\x00\\x00\\x00\\x01\\x00" + bytes(128))
    138
    """
    if len(buf) < 10 or buf[:3] != b"ID3":
        return 0
    size = 0
    for byte in buf[6:10]:  # synchsafe: 7 bits per byte
        size = (size << 7) | (byte & 0x7F)
    footer = 10 if buf[5] & 0x10 else 0
    return 10 + size + footer


# --------------------------------------------------------------- LAME/Info header
@dataclass(frozen=True)
class LameInfo:
    """A Xing/Info frame with a LAME extension, as ffmpeg (and LAME) write it.

    Field offsets are from the "Info" tag (XING_SIZE = 156 bytes, flags 0x0F).
    """

    frame: bytes  # the whole Info frame
    header: FrameHeader
    frame_count: int  # audio frames after the Info frame
    stream_bytes: int  # Info frame + audio frames
    delay_samples: int  # encoder delay (ffmpeg adds the decoder's 529 itself)
    padding_samples: int
    music_bytes: int  # LAME "music length"
    music_crc: int
    tag_crc_ok: bool

    @property
    def sample_count(self) -> int:
        """Samples a gapless decoder returns: frames minus delay and padding."""
        return self.frame_count * self.header.samples_per_frame - self.delay_samples - self.padding_samples


_INFO_FLAGS = 0x0F  # frames | bytes | TOC | quality: what ffmpeg and LAME write
_BYTES_FLAG = 0x02
LAME_DELAY_AT, MUSIC_LENGTH_AT, MUSIC_CRC_AT, TAG_CRC_AT = 141, 148, 152, 154
_XING_SIZE = 156
_TAG_CRC_SPAN = 190
MAX_U32 = 0xFFFFFFFF


def read_lame_info(buf, offset: int) -> LameInfo | None:
    """The LAME/Info header of the frame at ``offset``; None when that frame is audio."""
    header = _header_at(buf, offset)
    if header is None:
        return None
    frame = bytes(buf[offset : offset + header.frame_bytes])
    at = header.info_offset
    if frame[at : at + 4] not in (b"Info", b"Xing") or len(frame) < at + _XING_SIZE:
        return None
    if int.from_bytes(frame[at + 4 : at + 8], "big") & _INFO_FLAGS != _INFO_FLAGS:
        return None
    word = lambda rel, size: int.from_bytes(frame[at + rel : at + rel + size], "big")  # noqa: E731
    delay_padding = word(LAME_DELAY_AT, 3)
    return LameInfo(
        frame=frame, header=header, frame_count=word(8, 4), stream_bytes=word(12, 4),
        delay_samples=delay_padding >> 12, padding_samples=delay_padding & 0xFFF,
        music_bytes=word(MUSIC_LENGTH_AT, 4), music_crc=word(MUSIC_CRC_AT, 2),
        tag_crc_ok=tag_crc(frame, at) == word(TAG_CRC_AT, 2),
    )  # fmt: skip


def tag_crc(frame: bytes, info_offset: int) -> int:
    """CRC of the Info tag as ffmpeg computes it: first 190 bytes, CRC field zeroed."""
    at = info_offset + TAG_CRC_AT
    blanked = frame[:at] + b"\0\0" + frame[at + 2 :]
    return crc16(blanked[:_TAG_CRC_SPAN])


def patch_info(info: LameInfo, fields: dict[int, bytes]) -> bytes:
    """``info``'s frame with fields replaced (offsets from the Info tag) and its tag CRC redone."""
    frame = bytearray(info.frame)
    at = info.header.info_offset
    for rel, value in fields.items():
        frame[at + rel : at + rel + len(value)] = value
    frame[at + TAG_CRC_AT : at + TAG_CRC_AT + 2] = tag_crc(bytes(frame), at).to_bytes(2, "big")
    return bytes(frame)


def without_byte_count(frame: bytes, info_offset: int) -> bytes:
    """An Info frame (flags 0x0F layout) rewritten without its byte-count field: flags 0x0D,
    everything after the field moved up 4 bytes, the LAME "music length" zeroed, the tag CRC
    redone. For a stream over 4 GiB, which the 32-bit field cannot count; decoders take the
    length from the frame count and the seek table against the file's size.
    """
    at = info_offset
    body = bytearray(frame[at : at + _XING_SIZE])
    body[4:8] = (_INFO_FLAGS & ~_BYTES_FLAG).to_bytes(4, "big")
    body[MUSIC_LENGTH_AT : MUSIC_LENGTH_AT + 4] = bytes(4)
    body = body[:12] + body[16:] + bytes(4)  # drop the byte count, keep the size
    out = bytearray(frame)
    out[at : at + _XING_SIZE] = body
    crc_at = at + TAG_CRC_AT - 4
    out[crc_at : crc_at + 2] = b"\0\0"
    out[crc_at : crc_at + 2] = crc16(bytes(out[:_TAG_CRC_SPAN])).to_bytes(2, "big")
    return bytes(out)


def read_head(path: Path) -> tuple[bytes, int]:
    """The first bytes of ``path`` from its first MPEG frame, and that frame's file offset."""
    with open(path, "rb") as f:
        start = id3v2_size(f.read(10))
        f.seek(start)
        return f.read(4096), start


# --------------------------------------------------------------------------- CRC
@lru_cache(maxsize=1)
def _crc16_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


def crc16(data: bytes, crc: int = 0) -> int:
    """CRC-16/ARC (reflected 0x8005, init 0), the CRC of LAME tags and ffmpeg.

    >>> hex(crc16(b"123456789"))
    '0xbb3d'
    """
    table = _crc16_table()
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc


def _gf2_apply(matrix: Sequence[int], vector: int) -> int:
    result, bit = 0, 0
    while vector:
        if vector & 1:
            result ^= matrix[bit]
        vector >>= 1
        bit += 1
    return result


def crc16_combine(crc_a: int, crc_b: int, length_b: int) -> int:
    """CRC of ``a + b`` from the CRCs of both parts and ``len(b)`` (as zlib's crc32_combine).

    Lets the book's music CRC come from each chapter's stored CRC instead of re-reading
    every byte in Python.

    >>> crc16_combine(crc16(b"1234"), crc16(b"56789"), 5) == crc16(b"123456789")
    True
    """
    # The operator "feed one zero bit" as 16 columns, squared up to 2**k zero bytes.
    op = [0xA001] + [1 << (i - 1) for i in range(1, 16)]
    for _ in range(3):  # one bit -> one byte
        op = [_gf2_apply(op, col) for col in op]
    while length_b:
        if length_b & 1:
            crc_a = _gf2_apply(op, crc_a)
        op = [_gf2_apply(op, col) for col in op]
        length_b >>= 1
    return crc_a ^ crc_b


# ------------------------------------------------------------------ frame walking
@dataclass(frozen=True)
class Part:
    """One chapter MP3 as the book needs it: its audio frames and LAME numbers."""

    path: Path
    info: LameInfo
    audio_start: int
    audio_end: int
    frame_bytes: array  # size of every audio frame, for the book's seek table
    bitrates_kbps: frozenset[int]


def scan_part(buf, path: Path) -> Part:
    """Find the Info frame and every audio frame of one chapter MP3, checking framing."""
    info_at = id3v2_size(buf)
    info = read_lame_info(buf, info_at)
    if info is None:
        raise OutputError("no LAME/Info header after the ID3 tag (not written by encode_mp3?)", path=str(path))
    start = info_at + info.header.frame_bytes
    end, sizes, bitrates = _walk_frames(buf, start, info.header, path)
    if len(sizes) != info.frame_count:
        raise OutputError(f"Info header says {info.frame_count} frames, file has {len(sizes)} (truncated?)",
                          path=str(path))
    return Part(path, info, start, end, sizes, frozenset(bitrates))


def _walk_frames(buf, offset: int, first: FrameHeader, path: Path) -> tuple[int, array, set[int]]:
    """Walk frame headers from ``offset``; return (end of audio, frame sizes, bitrates).

    A 10-hour book has 1.4 million frames, so the loop is kept lean: each distinct header
    word (a file has two or three) is parsed and checked once.
    """
    sizes, known, buf_bytes = array("I"), {}, len(buf)
    unpack = HEADER_WORD.unpack_from
    while offset + 4 <= buf_bytes:
        word = unpack(buf, offset)[0]
        frame_bytes = known.get(word)
        if frame_bytes is None:
            frame_bytes = known[word] = _frame_bytes_of(word, first, offset, path)
            if frame_bytes == 0:
                break
        if offset + frame_bytes > buf_bytes:
            raise OutputError(f"last frame cut short at byte {offset} (truncated file?)", path=str(path))
        sizes.append(frame_bytes)
        offset += frame_bytes
    _check_trailer(buf, offset, path)
    bitrates = {parse_frame_header(word).bitrate_kbps for word, size in known.items() if size}
    return offset, sizes, bitrates


def _frame_bytes_of(word: int, first: FrameHeader, offset: int, path: Path) -> int:
    """Size of frames with this header word; 0 when it is not a frame header (the audio ended)."""
    header = parse_frame_header(word)
    if header is None:
        return 0
    if not header.same_stream(first):
        raise OutputError(f"stream changes format at byte {offset}", path=str(path))
    return header.frame_bytes


def _check_trailer(buf, offset: int, path: Path) -> None:
    """After the last frame only known tags may follow (ID3v1, APE, Lyrics3, appended ID3v2)."""
    rest = len(buf) - offset
    if rest and bytes(buf[offset : offset + 3]) not in (b"TAG", b"APE", b"LYR", b"ID3"):
        raise OutputError(f"{rest} bytes that are not MP3 frames at byte {offset}", path=str(path))


class TocBags:
    """LAME's (and ffmpeg's) Xing seek table: 100 byte positions at 1 % steps of time."""

    BAGS = 400

    def __init__(self, info_frame_bytes: int) -> None:
        self.size, self.want, self.seen, self.pos = info_frame_bytes, 1, 0, 0
        self.bag = [0] * self.BAGS

    def add(self, frame_bytes: int) -> None:
        self.add_all((frame_bytes,))

    def add_all(self, frame_sizes: Sequence[int]) -> None:
        """Same as :meth:`add` for each size in turn; the running sums are made in C."""
        ends = list(accumulate(frame_sizes, initial=self.size))  # ends[k]: bytes after k more frames
        done = 0
        while done + self.want - self.seen <= len(frame_sizes):
            done += self.want - self.seen
            self.seen = 0
            self.bag[self.pos] = ends[done]
            self.pos += 1
            if self.pos == self.BAGS:  # halve the resolution, keep every second bag
                self.bag[: self.BAGS // 2] = self.bag[1 :: 2]
                self.want *= 2
                self.pos = self.BAGS // 2
        self.seen += len(frame_sizes) - done
        self.size = ends[-1]

    def toc(self) -> bytes:
        if self.pos == 0:
            return bytes(100)
        return bytes([0] + [min(256 * self.bag[i * self.pos // 100] // self.size, 255) for i in range(1, 100)])


# ------------------------------------------------------------ writing the LAME tag
LAME_QUALITY = 5
"""LAME's algorithm quality, 0 (slowest) .. 9. At 64 kbps mono speech 5 sounds like LAME's
default 3 and costs less CPU; the bitrate, not this, sets the file size."""

LAME_VERSION_TAG = b"LAME3.100"
"""The encoder string of our Info headers: lameenc bundles LAME 3.100, and "LAME" is what
ffmpeg and mutagen look for before they apply the delay and padding."""

HEADER_WORD = struct.Struct(">I")


def info_header_word(sample_rate_hz: int, bitrate_kbps: int) -> int:
    """The frame header of our Info frame: the stream's, at a bitrate whose frame holds the tag.

    >>> hex(info_header_word(22050, 64)), hex(info_header_word(22050, 32))  # 32 kbps: too small
    ('0xfff380c4', '0xfff380c4')
    """
    mpeg1 = sample_rate_hz >= 32000
    version_bits = 3 if mpeg1 else (2 if sample_rate_hz >= 16000 else 0)
    rate_index = _BASE_RATES_HZ.index(sample_rate_hz * (1 if mpeg1 else 2 if version_bits == 2 else 4))
    table = _BITRATES_KBPS[1 if mpeg1 else 2]
    candidates = [kbps for kbps in table if kbps >= bitrate_kbps] + list(reversed(table))
    for kbps in candidates:
        # sync, version, layer III, no CRC | bitrate, rate | mono, "original" (as LAME writes it)
        word = 0xFFE00000 | version_bits << 19 | 1 << 17 | 1 << 16 | (table.index(kbps) + 1) << 12 | rate_index << 10 | 0xC4
        header = parse_frame_header(word)
        if header.frame_bytes >= max(header.info_offset + _XING_SIZE, _TAG_CRC_SPAN):
            return word
    raise OutputError(f"no MP3 frame at {sample_rate_hz} Hz can hold a LAME header")  # unreachable for MPEG rates


def lame_tag(
    *,
    vbr: bool,
    frame_count: int,
    stream_bytes: int,
    toc: bytes,
    bitrate_kbps: int,
    delay_samples: int,
    padding_samples: int,
    source_rate_hz: int,
    music_crc: int,
) -> bytes:
    """The 156-byte Xing/Info tag with LAME's extension, tag CRC left zero (the frame fills it).

    Layout as LAME 3.100 writes it (VbrTag.c): "Info" (CBR) or "Xing", flags 0x0F, frames,
    bytes, 100-byte TOC, quality; then version, revision/method, lowpass, peak, two replay
    gains, flags/ATH, bitrate, delay and padding (12 bits each), misc, mp3gain, preset,
    music length, music CRC, tag CRC. Unknown values (lowpass, gains) are 0, as allowed.

    >>> tag = lame_tag(vbr=False, frame_count=3, stream_bytes=832, toc=bytes(100), bitrate_kbps=64,
    ...                delay_samples=576, padding_samples=600, source_rate_hz=22050, music_crc=0xBEEF)
    >>> len(tag), tag[:4], tag[120:129], tag[141:144].hex(), tag[152:154].hex()
    (156, b'Info', b'LAME3.100', '240258', 'beef')
    """
    quality = 100 - 10 * 4 - LAME_QUALITY  # LAME's formula; the VBR quality is unused in CBR (default 4)
    source_bits = 0 if source_rate_hz <= 32000 else 1 if source_rate_hz == 44100 else 2 if source_rate_hz == 48000 else 3
    return b"".join([
        b"Xing" if vbr else b"Info", _INFO_FLAGS.to_bytes(4, "big"), frame_count.to_bytes(4, "big"),
        stream_bytes.to_bytes(4, "big"), toc, quality.to_bytes(4, "big"),
        LAME_VERSION_TAG, bytes([2 if vbr else 1]),  # revision 0; method: 1 CBR, 2 ABR
        bytes(1 + 4 + 2 + 2 + 1),  # lowpass, peak, radio and audiophile gain, flags/ATH: unknown
        bytes([min(bitrate_kbps, 255)]), ((delay_samples << 12) | padding_samples).to_bytes(3, "big"),
        bytes([source_bits << 6]), bytes(1 + 2),  # misc: source rate, mono; mp3gain; preset
        stream_bytes.to_bytes(4, "big"), music_crc.to_bytes(2, "big"), bytes(2),
    ])  # fmt: skip


# ----------------------------------------------------------------------- fast CRC
CRC16_PERIOD_BYTES = 32767
"""A zero byte's effect on the CRC-16/ARC register repeats after this many bytes: x^8 has
order 32767 modulo x^16 + x^15 + x^2 + 1. So bytes 32767 apart can be XORed together first."""


_CRC_FOLD_BYTES = 32 * CRC16_PERIOD_BYTES  # ~1 MiB held before folding


class Crc16Stream:
    """CRC-16/ARC of a long stream at C speed (a chapter is tens of MB; pure Python does ~10 MB/s).

    Bytes are XOR-folded into one 32767-byte block, aligned by their distance from the
    stream's end (big-int XORs, in C), and only that block goes through :func:`crc16`.

    >>> stream = Crc16Stream()
    >>> stream.update(b"1234"); stream.update(b"56789")
    >>> hex(stream.value()) == hex(crc16(b"123456789"))
    True
    """

    def __init__(self) -> None:
        self.folded = 0  # XOR of every 32767-byte block so far, as one big-endian int
        self.pending = bytearray()  # starts at a multiple of the period
        self.length = 0

    def update(self, data: bytes) -> None:
        self.pending += data
        self.length += len(data)
        if len(self.pending) >= _CRC_FOLD_BYTES:
            self._fold(len(self.pending) - len(self.pending) % CRC16_PERIOD_BYTES)

    def _fold(self, byte_count: int) -> None:
        with memoryview(self.pending) as view:
            for at in range(0, byte_count, CRC16_PERIOD_BYTES):
                self.folded ^= int.from_bytes(view[at : at + CRC16_PERIOD_BYTES], "big")
        del self.pending[:byte_count]

    def value(self) -> int:
        self._fold(len(self.pending) - len(self.pending) % CRC16_PERIOD_BYTES)
        folded = self.folded
        if self.pending:  # zero bytes after the end change no XOR
            folded ^= int.from_bytes(self.pending + bytes(CRC16_PERIOD_BYTES - len(self.pending)), "big")
        block = folded.to_bytes(CRC16_PERIOD_BYTES, "big")
        shift = self.length % CRC16_PERIOD_BYTES  # block[r] holds bytes at positions r mod period
        return crc16(block[shift:] + block[:shift])
