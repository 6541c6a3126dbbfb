"""Tests of ficaudio.attribute.document: src/ficaudio/attribute/document.py."""

from __future__ import annotations

from ficaudio.attribute.document import is_possessive_name, is_predicative_after_s, looks_like_verb, words

from attribute_scenes import LATE_COUPLE, dialogue_speakers


def test_possessive_name_before_participle_is_a_subject():
    paragraphs = [
        "Rafael came in and nodded to Tomas. He sat down by the fire.",
        "Tomas poured the tea for Rafael. He hummed to himself.",
        "Tomas kept talking, and by the time Rafael’s done listening, the tea is cold.",
        '"Thank you," he says.',
    ]
    assert dialogue_speakers(paragraphs) == ["Rafael"]


def test_relative_clause_actor_speaks():
    scene = [
        LATE_COUPLE + ' Rika watched them; nobody had asked Rika anything.',
        '"I was early," Mara said.',
        'It has no effect on Rika, who lifts her teacup. "Listen, you did well."',
    ]
    assert dialogue_speakers(scene)[-1] == "Rika"


def test_looks_like_verb():
    assert looks_like_verb("opens") and looks_like_verb("smiled") and not looks_like_verb("mouth")


def test_s_before_a_predicative_word_and_a_pause_is_is():
    t = "Halvard’s back, setting a cup down."
    assert is_predicative_after_s(t, words(t)[1])
    assert not is_possessive_name(t, len("Halvard’s"))


def test_s_before_a_noun_and_a_verb_stays_possessive():
    t = "Halvard’s back ached all night."
    assert not is_predicative_after_s(t, words(t)[1])
    assert is_possessive_name(t, len("Halvard’s"))
