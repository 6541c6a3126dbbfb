"""Every docstring example in the parse, attribution, plan and command-line modules runs and holds.

The house rule is a docstring example on every rule; run here, an example that rots fails
the suite instead of misleading the next reader. (listen/, stitch, tags and pipeline have
their own doctest tests beside their other tests.)
"""

import doctest
import importlib

import pytest

MODULES = [
    "ficaudio.parse.ao3", "ficaudio.parse.decode", "ficaudio.parse.lines", "ficaudio.parse.roles",
    "ficaudio.parse.text", "ficaudio.speech", "ficaudio.textnorm", "ficaudio.placeholders", "ficaudio.lexicon", "ficaudio.letters", "ficaudio.cli",
    "ficaudio.segment", "ficaudio.models", "ficaudio.attribute", "ficaudio.attribute.address", "ficaudio.attribute.alternation", "ficaudio.attribute.calls",
    "ficaudio.attribute.characters", "ficaudio.attribute.confidence", "ficaudio.attribute.conversation", "ficaudio.attribute.described", "ficaudio.attribute.document",
    "ficaudio.attribute.gender", "ficaudio.attribute.header", "ficaudio.attribute.introductions", "ficaudio.attribute.mentions",
    "ficaudio.attribute.names", "ficaudio.attribute.narrator", "ficaudio.attribute.resolve", "ficaudio.attribute.rules",
]  # fmt: skip


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0  # a module listed here keeps at least one example
