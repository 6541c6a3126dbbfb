import os

import pytest

from ficaudio.errors import OutputError

from ficaudio.files import atomic_write_text, safe_name


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("Chapter 1: the mission", "chapter-1-the-mission"),
        ("CON", "untitled"),
        ("\x00\x07", "untitled"),
        ("Été — déjà vu", "ete-deja-vu"),
    ],
)
def test_safe_name_cannot_escape_or_be_reserved(title, name):
    assert safe_name(title) == name


def test_safe_name_is_bounded():
    assert len(safe_name("x" * 500)) <= 80


def test_safe_name_fallback():
    assert safe_name("???", fallback="My story") == "my-story"


def test_atomic_write_leaves_no_partial_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "script.txt"

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError) as err:
        atomic_write_text(target, "hello")
    assert str(err.value) == (f"{target}: the disk is full (or a file size limit was reached) while writing\n"
                              "  hint: free some space and run again: finished chapters and clips are kept")
    assert list(tmp_path.iterdir()) == []
