"""Tests of ficaudio.attribute.names: src/ficaudio/attribute/names.py."""

from __future__ import annotations

import pytest

from ficaudio.attribute.names import name_prior
from ficaudio.models import Gender


def test_first_names_list_gives_a_prior():
    pytest.importorskip("gender_guesser")
    assert name_prior("Elizabeth")[0] is Gender.FEMALE
    assert name_prior("Daisuke")[0] is Gender.MALE
    assert name_prior("Zzyzx") == (Gender.UNKNOWN, 0.0)
