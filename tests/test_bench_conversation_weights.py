"""The conversation-weights experiment (bench/conversation_weights.py): its vote, and that the
cascade's weights reproduce the engine exactly while leaving the engine's rules as they were."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
weights_bench = pytest.importorskip("conversation_weights")
attribution_bench = pytest.importorskip("attribution")

import ficaudio.attribute as engine  # noqa: E402


def test_doctests():
    assert doctest.testmod(weights_bench).failed == 0


def test_cascade_weights_reproduce_the_engine():
    text = next(t for t in attribution_bench.load_texts(attribution_bench.DEFAULT_FIXTURES, typed=True) if t.name == "two_am")
    plain = attribution_bench.Tally()
    attribution_bench.run_text(text, plain, roster=False, gold_spans=True)
    name, right, gold = weights_bench.correct_count((text, weights_bench.CASCADE))
    assert (right, gold) == (plain.correct, plain.gold)
    assert engine._CONVERSATION_RULES == weights_bench.RULES


def test_a_vote_can_overturn_the_first_rule():
    proposals = [("turn_taking", "Ada"), ("answers_previous", "Bo"), ("salient_character", "Bo")]
    assert weights_bench.voted(proposals, weights_bench.CASCADE) == "Ada"
    assert weights_bench.voted(proposals, weights_bench.RANKS) == "Ada"  # 3 against 2 + 1: a tie goes to the earlier rule
    assert weights_bench.voted(proposals, {**weights_bench.RANKS, "turn_taking": 2}) == "Bo"
