"""bookjson.scan reads what json.loads reads, a chapter at a time, across any chunk size."""

import io
import json

import pytest

from ficaudio.listen import bookjson

DOC = {"format": 1, "title": "Tïdes 😀", "n": -2.5e3, "big": 123456789, "flags": [True, False, None],
       "chapters": [{"index": 1, "cues": [{"text": "a \"q\" é\n"}]}, {"index": 2, "cues": []}, [], "x", 12.75],
       "after": {"nested": ["chapters", {"chapters": [1]}]}}  # fmt: skip


@pytest.mark.parametrize("chunk_bytes", [1, 2, 3, 7, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 1])
@pytest.mark.parametrize("ascii_only", [True, False])
def test_scan_reads_what_json_loads_reads(monkeypatch, chunk_bytes, indent, ascii_only):
    monkeypatch.setattr(bookjson, "CHUNK_BYTES", chunk_bytes)
    raw = json.dumps(DOC, indent=indent, ensure_ascii=ascii_only).encode("utf-8")
    spans = []
    document = bookjson.scan(io.BytesIO(raw), lambda number, value, span: spans.append(span) or (number, value))
    assert document == {**DOC, "chapters": list(enumerate(DOC["chapters"]))}
    assert [bookjson.read_span(io.BytesIO(raw), span) for span in spans] == DOC["chapters"]


@pytest.mark.parametrize("text", ['{\n "a": 1,\n oops\n}', '{"a": 1}\n\nx', '{"a" 1}', '{"chapters": [1,\n]}',
                                  '{"chapters": [{"a": 1}\n {"b": 2}]}', "", '{"a": [1, 2}', '{\n"a": "open'])  # fmt: skip
def test_syntax_errors_are_worded_and_placed_as_json_loads_does(monkeypatch, text):
    monkeypatch.setattr(bookjson, "CHUNK_BYTES", 2)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(bookjson.JsonSyntaxError) as caught:
        bookjson.scan(io.BytesIO(text.encode()), lambda number, value, span: value)
    assert (caught.value.msg, caught.value.line) == (expected.value.msg, expected.value.lineno)
