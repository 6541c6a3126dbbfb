import re
import time

import pytest

from ficaudio.errors import ConfigError
from ficaudio.lexicon import HONORIFICS, Lexicon, available_lexicons, build_lexicon, lexicon_entries


def test_whole_words_any_case_possessives_kept():
    lexicon = Lexicon((("ino", "ee-noh"), ("hokage-sama", "hoh-kah-gheh sama"), ("hokage", "hoh-kah-gheh")))
    text = "Ino, INO's casino; ino. Hokage-sama met the hokage."
    assert lexicon.apply(text) == "Ee-noh, Ee-noh's casino; ee-noh. Hoh-kah-gheh sama met the hoh-kah-gheh."


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Kakashi-sensei", "Kah-kah-shee-sensei"),
        ("Naruto-kun's", "Naruto-koon's"),
        ("Hinata-chan and Itachi-nii-san", "Hinata-chahn and Itachi-nee-sahn"),
        ("a sun-tan, a T-shirt, Kakashi-nope", "a sun-tan, a T-shirt, Kah-kah-shee-nope"),
    ],
)
def test_honorifics_on_any_name(text, spoken):
    assert Lexicon((("kakashi", "kah-kah-shee"),)).apply(text) == spoken


def test_user_entries_win_and_may_change_honorifics():
    lexicon = build_lexicon(["naruto"], [("Kakashi", "kakashi"), ("-kun", "kun")])
    assert lexicon.apply("Kakashi and Sasuke-kun") == "Kakashi and Sahss-keh-kun"


def test_later_lexicons_win_over_earlier_ones():
    assert build_lexicon([], [("Rei", "ray"), ("rei", "reh")]).apply("Rei") == "Reh"


def test_unknown_lexicon_lists_the_available_ones():
    with pytest.raises(ConfigError) as info:
        build_lexicon(["narut0"])
    assert str(info.value) == f"unknown lexicon 'narut0'\n  hint: available lexicons: {', '.join(available_lexicons())}"


@pytest.mark.parametrize("name", available_lexicons())
def test_starter_lexicons_are_well_formed(name):
    entries = lexicon_entries(name)
    assert 30 <= len(entries) <= 80
    words = [word.lower() for word, _ in entries]
    assert len(words) == len(set(words)), "duplicate words"
    assert all(re.fullmatch(r"[^\W\d_][\w'-]*", word) for word in words)
    assert all(re.fullmatch(r"[a-zA-Z' -]+", respelling) for _, respelling in entries), "espeak-friendly ASCII respellings"
    assert all("[[" not in respelling for _, respelling in entries)


def test_at_least_three_fandoms_ship():
    assert {"naruto", "harry_potter", "my_hero_academia"} <= set(available_lexicons())


def test_applying_a_big_lexicon_is_fast():
    lexicon = build_lexicon(available_lexicons())
    text = "Kakashi-sensei looked at Sasuke and Hermione's Patronus. " * 2000  # ~120 k characters
    started = time.perf_counter()
    spoken = lexicon.apply(text)
    assert time.perf_counter() - started < 1.0
    assert spoken.count("Kah-kah-shee-sensei") == 2000


def test_honorific_table_has_no_duplicates():
    suffixes = [suffix for suffix, _ in HONORIFICS]
    assert len(suffixes) == len(set(suffixes))
