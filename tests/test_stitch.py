"""Tests for ficaudio.stitch: real LAME (lameenc) and, as the fallback, real ffmpeg
(imageio-ffmpeg) on a few seconds of synthetic PCM; every file decoded by ffmpeg."""

from __future__ import annotations

import contextlib
import doctest
import math
import random
import resource
import shutil
import signal
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficaudio import mp3frames, stitch
from ficaudio.errors import OutputError
from ficaudio.mp3frames import Crc16Stream, crc16, crc16_combine, parse_frame_header
from ficaudio.stitch import (
    encode_mp3,
    ffmpeg_exe,
    join_book,
    join_mp3,
    mp3_duration_ms,
    mp3_sample_count,
    silence,
)

RATE_HZ = 22050
CLICK_LEVEL = 20000


# ------------------------------------------------------------------------ helpers
def tone(sample_count: int, *, freq_hz: float = 220.0, level: int = 3000, rate_hz: int = RATE_HZ) -> bytes:
    """A quiet sine: stands in for speech between clicks."""
    step = 2 * math.pi * freq_hz / rate_hz
    return array("h", (int(level * math.sin(i * step)) for i in range(sample_count))).tobytes()


def clicked(sample_count: int, *, rate_hz: int = RATE_HZ) -> bytes:
    """Silence with a loud 2 ms 1 kHz burst at sample 0: an easy-to-find start marker.

    (A 1 kHz burst, not a one-sample click: 64 kbps MP3 low-passes near 8 kHz.)
    """
    samples = array("h", bytes(2 * sample_count))
    for i in range(min(rate_hz // 500, sample_count)):
        samples[i] = int(CLICK_LEVEL * math.sin(2 * math.pi * 1000 * i / rate_hz))
    return samples.tobytes()


def decode(path: Path) -> array:
    """Decode an MP3 to s16le mono with ffmpeg (pipe), as a player would, gaplessly."""
    out = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "pipe:1"],
        capture_output=True, check=True,
    )  # fmt: skip
    return array("h", out.stdout)


def click_positions(samples: array, *, min_gap: int = RATE_HZ // 10) -> list[int]:
    """Indices where a loud click begins (first sample over half the click level)."""
    found: list[int] = []
    for i, value in enumerate(samples):
        if abs(value) > CLICK_LEVEL // 2 and (not found or i - found[-1] > min_gap):
            found.append(i)
    return found


def chunks(data: bytes, size: int):
    for at in range(0, len(data), size):
        yield data[at : at + size]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def ffmpeg_only(monkeypatch):
    """As on a machine without lameenc: ffmpeg encodes."""
    monkeypatch.setattr(stitch, "_lameenc", lambda: None)


@pytest.fixture(params=["lameenc", "ffmpeg"])
def encoder(request, monkeypatch) -> str:
    """Run the test with each encoder: both must give exact lengths."""
    if request.param == "ffmpeg":
        monkeypatch.setattr(stitch, "_lameenc", lambda: None)
    return request.param


# ----------------------------------------------------------------------- helpers
def test_docstring_examples():
    for module in (stitch, mp3frames):  # the frame machinery's examples moved with it
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


@pytest.mark.parametrize(
    ("duration_ms", "rate_hz", "byte_count"), [(0, 22050, 0), (1000, 22050, 44100), (10, 22050, 440)]
)
def test_silence_is_zero_samples_of_the_rounded_length(duration_ms, rate_hz, byte_count):
    assert silence(duration_ms, rate_hz) == bytes(byte_count)


def test_silence_refuses_negative_duration():
    with pytest.raises(ValueError):
        silence(-1, RATE_HZ)


@pytest.mark.parametrize(
    ("word", "fields"),
    [
        (0xFFF380C0, (False, 22050, 64, True, 208)),  # what encode_mp3 writes by default
        (0xFFFB9064, (True, 44100, 128, False, 417)),  # MPEG-1 stereo, 128 kbps
        (0xFFFB9264, (True, 44100, 128, False, 418)),  # ... with the padding bit
    ],
)
def test_parse_frame_header(word, fields):
    h = parse_frame_header(word)
    assert (h.mpeg1, h.sample_rate_hz, h.bitrate_kbps, h.mono, h.frame_bytes) == fields


@pytest.mark.parametrize("word", [0x49443303, 0xFFF300C0, 0xFFF3F0C0, 0xFFF38CC0, 0xFFF580C0])
def test_parse_frame_header_rejects_non_frames(word):
    assert parse_frame_header(word) is None  # "ID3", free format, bad bitrate, bad rate, layer II


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=64), st.binary(max_size=300))
def test_crc16_combine_equals_crc_of_concatenation(a, b):
    assert crc16_combine(crc16(a), crc16(b), len(b)) == crc16(a + b)


# ------------------------------------------------------------------------- ffmpeg
def test_ffmpeg_exe_falls_back_to_imageio(monkeypatch):
    import imageio_ffmpeg

    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert ffmpeg_exe() == imageio_ffmpeg.get_ffmpeg_exe()


def test_ffmpeg_exe_missing_says_what_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # import fails
    with pytest.raises(OutputError) as err:
        ffmpeg_exe()
    assert "pip install imageio-ffmpeg" in str(err.value)


# ------------------------------------------------------------------------- encode
@pytest.mark.parametrize("sample_count", [1, 577, RATE_HZ, 2 * RATE_HZ + 13])
def test_encode_decodes_to_exactly_the_input_sample_count(tmp_path, sample_count, encoder):
    dest = tmp_path / "ch.mp3"
    assert encode_mp3([tone(sample_count)], dest, sample_rate_hz=RATE_HZ) == sample_count
    assert len(decode(dest)) == sample_count
    assert mp3_sample_count(dest) == sample_count
    assert mp3_duration_ms(dest) == round(sample_count * 1000 / RATE_HZ)
    assert leftovers(tmp_path) == ["ch.mp3"]


@pytest.mark.parametrize("rate_hz", [8000, 16000, 44100])
def test_encode_other_rates_exact(tmp_path, rate_hz, encoder):
    dest = tmp_path / "ch.mp3"
    assert encode_mp3([tone(rate_hz // 3, rate_hz=rate_hz)], dest, sample_rate_hz=rate_hz) == rate_hz // 3
    assert len(decode(dest)) == rate_hz // 3


@pytest.mark.parametrize("rate_hz", [11025, RATE_HZ, 48000])  # MPEG-2.5, -2 and -1: one LAME delay
def test_encode_streams_odd_sized_chunks_and_keeps_timing(tmp_path, rate_hz, encoder):
    pcm = tone(rate_hz // 2, rate_hz=rate_hz) + clicked(rate_hz, rate_hz=rate_hz)  # click at exactly 0.5 s
    dest = tmp_path / "ch.mp3"
    assert encode_mp3(chunks(pcm, 333), dest, sample_rate_hz=rate_hz) == len(pcm) // 2
    (click,) = click_positions(decode(dest), min_gap=rate_hz // 10)
    assert abs(click - rate_hz // 2) <= rate_hz // 1000  # 1 ms: the 50 ms encoder delay is gone


@pytest.mark.parametrize("bitrate_kbps", [32, 64, 128])
def test_lame_file_has_a_complete_info_header(tmp_path, bitrate_kbps):
    dest = tmp_path / "ch.mp3"
    count = 3 * RATE_HZ + 101
    encode_mp3(chunks(tone(count), 5000), dest, sample_rate_hz=RATE_HZ, bitrate_kbps=bitrate_kbps)
    data = dest.read_bytes()
    info = mp3frames.read_lame_info(data, 0)
    audio = data[len(info.frame) :]
    assert info.frame[info.header.info_offset + 120 : info.header.info_offset + 129] == b"LAME3.100"
    assert info.tag_crc_ok and info.music_crc == crc16(audio)
    assert info.stream_bytes == info.music_bytes == len(data)
    assert info.delay_samples == stitch.LAME_ENCODER_DELAY_SAMPLES and info.sample_count == count
    first_audio = parse_frame_header(int.from_bytes(audio[:4], "big"))
    assert first_audio.bitrate_kbps == min(bitrate_kbps, 160)  # 160: MPEG-2's highest
    assert info.frame_count * first_audio.frame_bytes <= len(audio) < info.frame_count * (first_audio.frame_bytes + 1)
    assert len(decode(dest)) == count


def test_lame_file_lengths_agree_for_mutagen_and_ffmpeg(tmp_path):
    import mutagen.mp3

    dest = tmp_path / "ch.mp3"
    encode_mp3([tone(RATE_HZ + 577)], dest, sample_rate_hz=RATE_HZ)
    assert round(mutagen.mp3.MP3(dest).info.length * RATE_HZ) == RATE_HZ + 577 == len(decode(dest))
    out = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(dest), "-f", "null", "-"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stderr == ""


def test_lame_toc_points_at_frame_starts(tmp_path):
    dest = tmp_path / "ch.mp3"
    encode_mp3([tone(10 * RATE_HZ)], dest, sample_rate_hz=RATE_HZ)
    data = dest.read_bytes()
    info = mp3frames.read_lame_info(data, 0)
    toc = info.frame[info.header.info_offset + 16 : info.header.info_offset + 116]
    assert toc[0] == 0 and list(toc) == sorted(toc) and 240 <= toc[99] <= 255
    assert toc[50] == pytest.approx(128, abs=2)  # CBR: half the time is half the bytes


@pytest.mark.parametrize(("rate_hz", "kbps", "frame_kbps"), [(22050, 64, 64), (22050, 32, 64), (44100, 32, 64), (8000, 8, 24), (48000, 320, 320)])
def test_info_frame_uses_the_stream_bitrate_when_the_tag_fits(rate_hz, kbps, frame_kbps):
    header = parse_frame_header(mp3frames.info_header_word(rate_hz, kbps))
    assert (header.sample_rate_hz, header.mono, header.bitrate_kbps) == (rate_hz, True, frame_kbps)
    assert header.frame_bytes >= header.info_offset + 156


def test_encoder_identity_names_the_encoder(monkeypatch):
    assert stitch.encoder_identity().startswith("lameenc/") and stitch.encoder_identity().endswith(f"/q{stitch.LAME_QUALITY}")
    monkeypatch.setattr(stitch, "_lameenc", lambda: None)
    assert stitch.encoder_identity() == "ffmpeg/libmp3lame"


def test_without_lameenc_ffmpeg_encodes(tmp_path, ffmpeg_only):
    encode_mp3([tone(RATE_HZ)], tmp_path / "ch.mp3", sample_rate_hz=RATE_HZ)
    info = mp3frames.read_lame_info((tmp_path / "ch.mp3").read_bytes(), 0)
    assert info.frame[info.header.info_offset + 120 : info.header.info_offset + 124] == b"Lavc"


def reference_toc(info_frame_bytes: int, sizes: list[int]) -> bytes:
    """LAME's seek table, frame by frame as LAME's VbrTag.c builds it: the plain version."""
    bag, want, seen, pos, total = [0] * 400, 1, 0, 0, info_frame_bytes
    for size in sizes:
        total += size
        seen += 1
        if seen == want:
            bag[pos], pos, seen = total, pos + 1, 0
            if pos == 400:
                bag[:200], want, pos = bag[1::2], want * 2, 200
    if pos == 0:
        return bytes(100)
    return bytes([0] + [min(256 * bag[i * pos // 100] // total, 255) for i in range(1, 100)])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([208, 209, 104, 417]), max_size=3000), st.lists(st.integers(1, 700), max_size=8))
def test_toc_built_in_batches_equals_lames_frame_by_frame(sizes, batch_lengths):
    toc = mp3frames.TocBags(208)
    at = 0
    for length in [*batch_lengths, len(sizes)]:
        toc.add_all(sizes[at : at + length])
        at = min(at + length, len(sizes))
    assert toc.toc() == reference_toc(208, sizes)


@pytest.mark.parametrize("max_batch", [1, 3, 50])
def test_toc_of_a_long_stream_in_small_batches_equals_lames(max_batch):
    rng = random.Random(max_batch)
    sizes = [rng.choice((208, 209)) for _ in range(5000)]  # 5000 frames: the bags halve 4 times
    toc, at = mp3frames.TocBags(208), 0
    while at < len(sizes):
        step = rng.randint(1, max_batch)
        toc.add_all(sizes[at : at + step])
        at += step
    assert toc.toc() == reference_toc(208, sizes)


@pytest.mark.parametrize("length", [0, 1, 9, 32766, 32767, 32768, 65534, 100_003])
def test_crc16_stream_equals_crc16_across_the_fold_period(monkeypatch, length):
    monkeypatch.setattr(mp3frames, "_CRC_FOLD_BYTES", mp3frames.CRC16_PERIOD_BYTES)  # fold at every period
    data = random.Random(length).randbytes(length)
    stream = Crc16Stream()
    cuts = sorted(random.Random(length + 1).sample(range(length + 1), min(length + 1, 5)))
    for start, end in zip([0, *cuts], [*cuts, length]):
        stream.update(data[start:end])
    assert stream.value() == crc16(data)


def test_encode_refuses_a_rate_mp3_cannot_carry(tmp_path):
    with pytest.raises(OutputError, match="MP3 cannot carry 22000 Hz"):
        encode_mp3([tone(100)], tmp_path / "ch.mp3", sample_rate_hz=22000)
    assert leftovers(tmp_path) == []


def test_encode_odd_byte_count_fails_without_a_file(tmp_path):
    with pytest.raises(OutputError, match="mid-sample"):
        encode_mp3([tone(100) + b"\x01"], tmp_path / "ch.mp3", sample_rate_hz=RATE_HZ)
    assert leftovers(tmp_path) == []


def test_encode_into_a_missing_folder_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="cannot create a file in"):
        encode_mp3([tone(100)], tmp_path / "gone" / "ch.mp3", sample_rate_hz=RATE_HZ)


def test_encode_folder_removed_midway_leaves_nothing(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()

    def pcm():
        yield tone(RATE_HZ)
        shutil.rmtree(folder)  # the temp file's folder disappears under ffmpeg
        yield tone(RATE_HZ)

    with pytest.raises(OutputError):
        encode_mp3(pcm(), folder / "ch.mp3", sample_rate_hz=RATE_HZ)
    assert not (folder / "ch.mp3").exists()


def test_ffmpeg_failure_quotes_its_stderr_and_keeps_the_old_file(tmp_path, monkeypatch, ffmpeg_only):
    dest = tmp_path / "ch.mp3"
    dest.write_bytes(b"old")
    real = stitch.encoder_command

    def broken(path, **kw):
        cmd = real(path, **kw)
        cmd[cmd.index("libmp3lame")] = "no_such_encoder"
        return cmd

    monkeypatch.setattr(stitch, "encoder_command", broken)
    big = bytes(8 << 20)  # more than a pipe buffer: ffmpeg is gone before we finish writing
    with pytest.raises(OutputError, match="ffmpeg failed .*no_such_encoder"):
        encode_mp3([big, big], dest, sample_rate_hz=RATE_HZ)
    assert dest.read_bytes() == b"old"
    assert leftovers(tmp_path) == ["ch.mp3"]


@contextlib.contextmanager
def file_size_limit(limit_bytes: int):
    """Files cannot grow past ``limit_bytes`` (EFBIG), like a full disk; ffmpeg inherits it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a fatal signal
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)


def test_encode_disk_full_is_an_output_error_without_a_file(tmp_path, encoder):
    # subprocess restores SIGXFSZ in the child, so ffmpeg is killed by it rather than told EFBIG.
    with file_size_limit(20_000), pytest.raises(OutputError) as err:
        encode_mp3([tone(RATE_HZ)] * 10, tmp_path / "ch.mp3", sample_rate_hz=RATE_HZ)
    assert str(err.value) == (f"{tmp_path / 'ch.mp3'}: the disk is full (or a file size limit was reached) while encoding\n"
                              "  hint: free some space and run again: finished chapters and clips are kept")
    assert leftovers(tmp_path) == []


def test_join_disk_full_is_an_output_error_without_a_file(tmp_path):
    parts = make_parts(tmp_path, [RATE_HZ * 3, RATE_HZ * 3])  # about 24 kB each
    with file_size_limit(30_000), pytest.raises(OutputError, match="the disk is full"):
        join_book(parts, tmp_path / "book.mp3")
    assert leftovers(tmp_path) == ["ch0.mp3", "ch1.mp3"]


def test_lame_failure_is_an_output_error_without_a_file(tmp_path, monkeypatch):
    class Broken:
        def __getattr__(self, name):
            raise RuntimeError("Not currently encoding")

    monkeypatch.setattr(stitch, "_lame_encoder", lambda *args: Broken())
    with pytest.raises(OutputError, match="LAME failed: Not currently encoding"):
        encode_mp3([tone(100)], tmp_path / "ch.mp3", sample_rate_hz=RATE_HZ)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", [KeyboardInterrupt, ValueError])
def test_ctrl_c_or_a_failing_producer_removes_temp_and_reraises(tmp_path, failure, encoder):
    def pcm():
        yield tone(RATE_HZ)
        raise failure

    with pytest.raises(failure):
        encode_mp3(pcm(), tmp_path / "ch.mp3", sample_rate_hz=RATE_HZ)
    assert leftovers(tmp_path) == []


def test_ctrl_c_kills_ffmpeg_removes_temp_and_reraises(tmp_path, monkeypatch, ffmpeg_only):
    started = []
    real_popen = subprocess.Popen

    def recording_popen(*args, **kw):
        started.append(real_popen(*args, **kw))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", recording_popen)

    def pcm():
        yield tone(RATE_HZ)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        encode_mp3(pcm(), tmp_path / "ch.mp3", sample_rate_hz=RATE_HZ)
    assert leftovers(tmp_path) == []
    assert started and started[0].poll() is not None  # ffmpeg was killed and reaped


# --------------------------------------------------------------------------- join
def make_parts(folder: Path, sample_counts: list[int]) -> list[Path]:
    """Chapter MP3s, each silence + a click on its very first sample, then a quiet tone."""
    paths = []
    for i, count in enumerate(sample_counts):
        path = folder / f"ch{i}.mp3"
        pcm = clicked(count // 2) + tone(count - count // 2)
        assert encode_mp3(chunks(pcm, 4096), path, sample_rate_hz=RATE_HZ) == count
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("join")
    counts = [int(0.7 * RATE_HZ), int(1.3 * RATE_HZ) + 7, int(0.45 * RATE_HZ) + 1, 2 * RATE_HZ + 577]
    parts = make_parts(folder, counts)
    return folder, counts, parts, join_book(parts, folder / "book.mp3")


def test_join_starts_match_where_the_clicks_are(book):
    folder, counts, parts, joined = book
    clicks = click_positions(decode(folder / "book.mp3"))
    assert len(clicks) == len(parts)
    for click, start in zip(clicks, joined.starts_samples):
        assert abs(click - start) <= RATE_HZ // 1000  # 1 ms (brief: 30 ms); frame arithmetic is exact
    assert joined.starts_samples[0] == 0


def test_join_length_is_exact_and_chapters_add_up(book):
    folder, counts, parts, joined = book
    decoded = decode(folder / "book.mp3")
    assert len(decoded) == joined.sample_count == mp3_sample_count(folder / "book.mp3")
    assert mp3_duration_ms(folder / "book.mp3") == joined.duration_ms
    chapters_ms = sum(mp3_duration_ms(p) for p in parts)
    assert 0 <= joined.duration_ms - chapters_ms <= 100 * len(parts)
    spans = joined.spans_ms()
    assert spans[-1][1] == joined.duration_ms and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_join_plays_without_decode_errors(book):
    folder, *_ = book
    out = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(folder / "book.mp3"), "-f", "null", "-"],
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0 and out.stderr == ""


def test_join_info_header_crcs_are_right(book):
    folder, *_ = book
    data = (folder / "book.mp3").read_bytes()
    info = mp3frames.read_lame_info(data, 0)
    assert info.tag_crc_ok
    assert info.music_crc == crc16(data[len(info.frame) :])
    assert info.music_bytes == info.stream_bytes == len(data)


def test_a_book_over_4_gib_states_no_byte_count_and_still_decodes_exactly(book, tmp_path, monkeypatch):
    """A 32-bit Info header cannot count a book over 4 GiB (a 50 MB story: ~800 hours): the
    field is left out (flags 0x0D) and decoders still apply the LAME delay and padding."""
    folder, counts, parts, joined = book
    monkeypatch.setattr(stitch, "MAX_U32", 1_000)  # this small book stands for a huge one
    big = join_book(parts, tmp_path / "big.mp3")
    data = (tmp_path / "big.mp3").read_bytes()
    at = parse_frame_header(int.from_bytes(data[:4], "big")).info_offset
    assert int.from_bytes(data[at + 4 : at + 8], "big") == 0x0D and data[at + 116 : at + 125] == b"LAME3.100"
    assert mp3frames.read_lame_info(data, 0) is None  # not the 0x0F layout: never read back as one
    assert big.sample_count == joined.sample_count == len(decode(tmp_path / "big.mp3"))
    normal = (folder / "book.mp3").read_bytes()
    info_bytes = parse_frame_header(int.from_bytes(data[:4], "big")).frame_bytes
    assert len(data) == len(normal) and data[info_bytes:] == normal[info_bytes:]  # only the Info frame differs


def test_join_of_one_part_is_byte_identical_to_it(tmp_path):
    (part,) = make_parts(tmp_path, [RATE_HZ + 123])
    joined = join_book([part], tmp_path / "book.mp3")
    assert (tmp_path / "book.mp3").read_bytes() == part.read_bytes()  # same Info frame: TOC, CRCs...
    assert joined.starts_samples == (0,) and joined.sample_count == RATE_HZ + 123


def test_join_skips_id3_tags_of_the_parts(tmp_path):
    from mutagen.id3 import ID3, TIT2

    parts = make_parts(tmp_path, [RATE_HZ, RATE_HZ])
    for i, part in enumerate(parts):
        tag = ID3()
        tag.add(TIT2(encoding=3, text=f"chapter {i}"))
        tag.save(part, v2_version=3, v1=2)  # ID3v2 in front and ID3v1 at the end
    joined = join_book(parts, tmp_path / "book.mp3")
    assert len(decode(tmp_path / "book.mp3")) == joined.sample_count
    assert len(click_positions(decode(tmp_path / "book.mp3"))) == 2


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p: p.write_bytes(b""), "empty chapter file"),
        (lambda p: p.write_bytes(b"not an mp3 at all" * 20), "no LAME/Info header"),
        (lambda p: p.write_bytes(p.read_bytes()[:-100]), "cut short"),
        (lambda p: p.write_bytes(p.read_bytes() + b"junk" * 10), "not MP3 frames"),
        (lambda p: p.unlink(), "missing"),
    ],
)
def test_join_refuses_a_bad_part_and_writes_nothing(tmp_path, damage, message):
    parts = make_parts(tmp_path, [RATE_HZ // 2, RATE_HZ // 2])
    damage(parts[1])
    with pytest.raises(OutputError, match=message):
        join_book(parts, tmp_path / "book.mp3")
    assert not (tmp_path / "book.mp3").exists()
    assert not [n for n in leftovers(tmp_path) if n.endswith(".part")]


def test_join_of_lame_and_ffmpeg_parts_keeps_starts_exact(tmp_path, monkeypatch):
    (lame,) = make_parts(tmp_path / "l", [RATE_HZ // 2]) if (tmp_path / "l").mkdir() is None else ()
    monkeypatch.setattr(stitch, "_lameenc", lambda: None)
    (ffmpeg,) = make_parts(tmp_path / "f", [RATE_HZ // 3]) if (tmp_path / "f").mkdir() is None else ()
    joined = join_book([lame, ffmpeg, lame], tmp_path / "book.mp3")
    decoded = decode(tmp_path / "book.mp3")
    assert len(decoded) == joined.sample_count
    clicks = click_positions(decoded)
    assert len(clicks) == 3 and all(abs(c - s) <= RATE_HZ // 1000 for c, s in zip(clicks, joined.starts_samples))


def test_join_refuses_parts_of_different_rates(tmp_path):
    encode_mp3([tone(8000, rate_hz=16000)], tmp_path / "a.mp3", sample_rate_hz=16000)
    encode_mp3([tone(8000)], tmp_path / "b.mp3", sample_rate_hz=RATE_HZ)
    with pytest.raises(OutputError, match="differ in sample rate"):
        join_book([tmp_path / "a.mp3", tmp_path / "b.mp3"], tmp_path / "book.mp3")
    assert not (tmp_path / "book.mp3").exists()


def test_join_nothing_is_an_error(tmp_path):
    with pytest.raises(OutputError, match="no chapter files"):
        join_book([], tmp_path / "book.mp3")


def test_join_with_empty_parts_keeps_starts_exact(tmp_path):
    # An empty encode has no encoder delay (0 frames), so the parts' delays differ here.
    encode_mp3([], tmp_path / "empty.mp3", sample_rate_hz=RATE_HZ)
    assert mp3frames.read_lame_info((tmp_path / "empty.mp3").read_bytes(), 0).delay_samples == 0
    a, b = make_parts(tmp_path, [RATE_HZ // 2, RATE_HZ // 3])
    joined = join_book([tmp_path / "empty.mp3", a, tmp_path / "empty.mp3", b], tmp_path / "book.mp3")
    decoded = decode(tmp_path / "book.mp3")
    assert len(decoded) == joined.sample_count
    clicks = click_positions(decoded)
    starts = [joined.starts_samples[1], joined.starts_samples[3]]
    assert len(clicks) == 2 and all(abs(c - s) <= RATE_HZ // 1000 for c, s in zip(clicks, starts))


def test_join_mp3_returns_the_starts_in_ms(book):
    folder, counts, parts, joined = book
    assert join_mp3(parts, folder / "again.mp3") == list(joined.starts_ms)
    assert joined.starts_ms[1] == round(joined.starts_samples[1] * 1000 / RATE_HZ)


def test_lame_output_that_is_not_frames_is_refused_without_a_file(tmp_path, monkeypatch):
    class Garbage:
        def encode(self, pcm):
            return b"not an mp3 frame at all"

        def flush(self):
            return b""

    monkeypatch.setattr(stitch, "_lame_encoder", lambda *args: Garbage())
    with pytest.raises(OutputError, match="LAME wrote something that is not a 22050 Hz mono frame at byte 0"):
        encode_mp3([tone(RATE_HZ)], tmp_path / "ch.mp3", sample_rate_hz=RATE_HZ)
    assert leftovers(tmp_path) == []
