"""WebVTT and SRT: exact text, escaping, and a parse-back property over any cue text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ficaudio.listen.transcript import escape_vtt, srt_timestamp, to_srt, to_vtt, tidy_cue_text, vtt_timestamp
from ficaudio.models import Cue

CUES = [
    Cue(0, 2100, "Narrator", "The Lantern Test."),
    Cue(2100, 4250, "Sakura", 'She said "a < b & c"\n\nthen -->left.'),
]


def test_vtt_exact():
    assert to_vtt(CUES, title="The Lantern Test") == (
        "WEBVTT - The Lantern Test\n\n"
        "1\n00:00:00.000 --> 00:00:02.100\n<v Narrator>The Lantern Test.</v>\n\n"
        "2\n00:00:02.100 --> 00:00:04.250\n"
        '<v Sakura>She said "a &lt; b &amp; c" then --&gt;left.</v>\n'
    )


def test_srt_exact():
    assert to_srt(CUES) == (
        "1\n00:00:00,000 --> 00:00:02,100\nThe Lantern Test.\n\n"
        "2\n00:00:02,100 --> 00:00:04,250\n"
        'Sakura: She said "a \u2039 b & c" then --\u203aleft.\n'
    )


def test_empty_cues_are_dropped_and_numbering_stays_dense():
    vtt = to_vtt([Cue(0, 10, "N", "  "), Cue(10, 20, "N", "x")])
    assert "1\n00:00:00.010 --> 00:00:00.020" in vtt
    assert to_srt([]) == ""


def test_speaker_with_markup_is_escaped_in_the_voice_tag():
    assert "<v Dr. &lt;X&gt; &amp; co>hi</v>" in to_vtt([Cue(0, 1, "Dr. <X> & co", "hi")])


def test_timestamps_past_an_hour():
    assert vtt_timestamp(36_000_000 + 1) == "10:00:00.001"
    assert srt_timestamp(59_999) == "00:00:59,999"


def _parse_vtt(text: str) -> list[tuple[int, int, str, str]]:
    """A strict little reader of what to_vtt writes: (start_ms, end_ms, speaker, text)."""
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[0].startswith("WEBVTT")
    out = []
    for block in blocks[1:]:
        number, timing, payload = block.split("\n")
        assert number.isdigit()
        start, end = (_ms(t) for t in timing.split(" --> "))
        match = re.fullmatch(r"<v ([^>]*)>([^<>]*)</v>", payload)
        assert match, payload
        out.append((start, end, _unescape(match.group(1)), _unescape(match.group(2))))
    return out


def _ms(stamp: str) -> int:
    h, m, s = stamp.split(":")
    return (int(h) * 3600 + int(m) * 60) * 1000 + round(float(s) * 1000)


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
_pieces = st.text(_chars, max_size=5) | st.sampled_from(["\n", "\n\n", "-->", "&", "<", ">", "&amp;", " "])
cue_text = st.lists(_pieces, min_size=1, max_size=6).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**8), st.integers(0, 10**5), cue_text, cue_text), max_size=6))
def test_vtt_reads_back(items):
    cues = [Cue(start, start + length, speaker, text) for start, length, speaker, text in items]
    kept = [c for c in cues if tidy_cue_text(c.text)]
    parsed = _parse_vtt(to_vtt(cues))
    assert parsed == [(c.start_ms, c.end_ms, tidy_cue_text(c.speaker), tidy_cue_text(c.text)) for c in kept]


def test_escape_vtt_leaves_plain_text():
    assert escape_vtt("plain, text!") == "plain, text!"
