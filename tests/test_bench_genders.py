"""The gender audit (bench/genders.py): a story's characters matched to its annotated cast."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
genders_bench = pytest.importorskip("genders")


def test_a_two_person_story_has_both_genders_right(tmp_path):
    # two_am: Jamie and Tess, told in the first person; every matched character is counted once
    for path in (BENCH / "data").glob("two_am.*"):
        shutil.copy(path, tmp_path)
    counts = genders_bench.audit(tmp_path)
    assert counts["matched"] >= 1
    assert counts["matched"] == counts["agree"] + counts["unknown"] + counts["wrong"]
    assert counts["wrong"] == 0
