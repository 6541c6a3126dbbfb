"""Every docstring example in ficaudio.listen runs and holds."""

import doctest
import importlib

import pytest

MODULES = ["book", "bookjson", "feed", "m4b", "player", "publish", "sample", "serve", "transcript"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"ficaudio.listen.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
