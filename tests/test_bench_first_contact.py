"""Tests of bench/first_contact.py and its data, bench/first_contact.json: each round's blind six
scored per rule by the engine that had never seen them, which the confidence table is measured on.

The file is rebuilt by ``bench/first_contact.py measure`` (git archive of each commit); here it is
only read: it must parse, its counts must add up, and the confidence table must say what it says.
"""

from __future__ import annotations

import doctest
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from ficaudio.attribute.confidence import CALIBRATED, INHERITED, MOST_SURE, confidence

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
first_contact = pytest.importorskip("first_contact")
import attribution as attribution_bench  # noqa: E402  (bench/ on the path above)

CONTACTS = first_contact.load()
NOT_ENTRIES = first_contact.NOT_RULES | INHERITED


def test_doctests():
    result = doctest.testmod(first_contact)
    assert result.failed == 0 and result.attempted > 0


def test_the_file_holds_the_contacts_the_script_lists():
    listed = [(r, commit, pooled) for r, commit, _folder, _names, _recorded, pooled in first_contact.CONTACTS]
    assert [(c["round"], c["commit"][:7], c["pooled"]) for c in CONTACTS] == listed


@pytest.mark.parametrize("contact", CONTACTS, ids=lambda c: f"round{c['round']}-{c['commit'][:7]}")
def test_every_contact_adds_up(contact):
    assert re.fullmatch(r"[0-9a-f]{40}", contact["commit"])
    assert len(contact["stories"]) == 6 and 500 <= contact["quotations"] <= 700
    assert 0 < contact["right"] <= contact["quotations"]
    assert contact["right"] == contact["recorded_right"]  # the figure the round wrote down
    assert 0 <= contact["ece"] < 1 and 0 <= contact["brier"] < 1
    for table in ("rules", "entries"):
        for key, (fired, right) in contact[table].items():
            assert 0 <= right <= fired, (table, key)
    assert sum(fired for fired, _ in contact["rules"].values()) == contact["quotations"]  # every quotation under one rule
    entries = sum(fired for key, (fired, _) in contact["entries"].items())
    missed = sum(contact["rules"].get(key, (0, 0))[0] for key in first_contact.NOT_RULES)
    assert entries == contact["quotations"] - missed
    by_rule = Counter()
    for key, (fired, _) in contact["entries"].items():
        by_rule[key.split("/")[0]] += fired
    assert {k: v for k, v in by_rule.items() if v} == {k: f for k, (f, _) in contact["rules"].items() if k not in first_contact.NOT_RULES}


def test_no_story_is_pooled_twice():
    stories = [s for c in CONTACTS if c["pooled"] for s in c["stories"]]
    assert len(stories) == len(set(stories))


def test_the_table_is_the_precision_on_first_contact():
    """Where an entry fired 20 times on first contact, its confidence is that precision (the
    prior moves it by at most its weight's share of the gap to the prior, taken as 0.3 at most;
    rounding to 0.05 a little more), never the dev precision: turn_taking, 918 firings, may stray
    0.03 from its 0.65; first_person_action_beat, 52, 0.11 from its 0.58."""
    pooled = first_contact.pooled_entries(CONTACTS)
    weight = first_contact.PRIOR_WEIGHT
    far = {key: (round(c["right"] / c["fired"], 3), CALIBRATED[key]) for key, c in pooled.items()
           if key in CALIBRATED and c["fired"] >= first_contact.POOL_UNDER
           and abs(c["right"] / c["fired"] - CALIBRATED[key]) > 0.025 + weight / (c["fired"] + weight) * 0.3}
    assert not far, f"refresh the table (bench/first_contact.py table): {far}"


def test_lines_of_first_contact_are_right_about_as_often_as_the_table_says():
    """The expected calibration error over the pooled first contacts, each entry's lines at the
    confidence the engine gives them (the inherited lines, which take another line's value, left
    out), bucketed and scored by the benchmark's own functions."""
    tally = attribution_bench.Tally()
    for key, c in first_contact.pooled_entries(CONTACTS).items():
        if key in NOT_ENTRIES or not c["fired"]:
            continue
        value = confidence(*key.split("/", 1))
        assert 0 < value <= MOST_SURE
        tally.by_confidence[attribution_bench.confidence_bucket(value)].update(n=c["fired"], right=c["right"], confidence=value * c["fired"])
    assert attribution_bench.expected_calibration_error(tally) < 0.03
