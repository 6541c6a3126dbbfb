"""Regression: the attribution harness's score on our annotated fixtures must not drop.

The fixtures (``bench/data``, 5 original stories, 303 quotations) live in the repository;
nothing here reads /work/shared. Levels: what the engine reached when this test was written
(0.815 overall, 0.98 explicit, gold quotation spans, no roster), minus a small margin.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
attribution_bench = pytest.importorskip("attribution")


@pytest.fixture(scope="module")
def tally():
    texts = attribution_bench.load_texts(BENCH / "data", typed=True)
    assert sum(len(t.gold) for t in texts) >= 300
    return attribution_bench.score(texts, gold_spans=True)


def test_overall_accuracy_does_not_drop(tally):
    assert tally.correct / tally.gold >= 0.79


def test_explicit_accuracy_does_not_drop(tally):
    explicit = tally.by_type["explicit"]
    assert explicit["correct"] / explicit["n"] >= 0.95


def test_every_dialogue_quotation_gets_a_line(tally):
    assert tally.matched == tally.gold
