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


class _InProcess:
    """A stand-in for a process pool that maps in this process."""

    @staticmethod
    def map(f, items):
        return [f(item) for item in items]


def test_check_fails_when_the_vote_differs_from_the_plain_engine(monkeypatch):
    text = next(t for t in attribution_bench.load_texts(attribution_bench.DEFAULT_FIXTURES, typed=True) if t.name == "two_am")
    assert weights_bench.check(_InProcess, [text]) == 0
    reversed_order = {name: i + 1 for i, name in enumerate(weights_bench.NAMES)}  # the last rule first
    monkeypatch.setattr(weights_bench, "CASCADE", reversed_order)
    assert weights_bench.check(_InProcess, [text]) == 1
    assert weights_bench._weights is not reversed_order  # voting() put the weights back
