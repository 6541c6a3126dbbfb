"""Tests of ficaudio.attribute.names: src/ficaudio/attribute/names.py."""

from __future__ import annotations

import pytest

from ficaudio.attribute.names import full_names_of, name_prior
from ficaudio.models import Gender


def test_first_names_list_gives_a_prior():
    pytest.importorskip("gender_guesser")
    assert name_prior("Elizabeth")[0] is Gender.FEMALE
    assert name_prior("Daisuke")[0] is Gender.MALE
    assert name_prior("Zzyzx") == (Gender.UNKNOWN, 0.0)


def test_nicknames_table_gives_the_full_names_a_nickname_shortens():
    pytest.importorskip("nicknames")
    assert full_names_of("Hattie") == {"harriet"}
    assert {"edmund", "edward"} <= full_names_of("Ned")
    assert full_names_of("Zzyzx") == frozenset()


def test_the_first_names_list_reads_the_same_as_the_librarys_own_reader():
    detector = pytest.importorskip("gender_guesser.detector")
    from ficaudio.attribute.names import _detector

    assert list(_detector().names.items()) == list(detector.Detector(case_sensitive=False).names.items())


def test_pet_forms_of_other_languages_give_their_full_names():
    # Polish, Russian, Italian, Spanish: forms the English nicknames table does not list
    assert "zofia" in full_names_of("Zosia") and "tomasz" in full_names_of("Tomek")
    assert "mikhail" in full_names_of("Misha") and "giuseppe" in full_names_of("Beppe")
    assert "francisco" in full_names_of("Paco")
    assert "zuzanna" not in full_names_of("Zosia")  # Zuzia is Zuzanna's; Zosia is Zofia's only


def test_a_pet_form_is_found_typed_with_or_without_its_diacritics():
    # the table writes Staś of Stanisław once; fan writers type either spelling of either name
    for pet in ("Staś", "Stas"):
        assert {"stanisław", "stanislaw"} <= full_names_of(pet)
    assert {"małgorzata", "malgorzata"} <= full_names_of("Gosia")
    assert {"josé", "jose"} <= full_names_of("Pepe")
    assert "salvatore" in full_names_of("Toto") and "salvatore" in full_names_of("Totò")
