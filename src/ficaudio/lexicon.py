"""Pronunciation lexicons: whole words (case-insensitive) -> respellings espeak-ng says well.

A :class:`Lexicon` is built from the starter lexicons the user enables by name
(``lexicons: [naruto]`` in voices.yaml; files in ``ficaudio/data/lexicons/``) with the
user's own ``pronunciations:`` on top (the user wins). Japanese honorific suffixes are
handled on any name: ``Kakashi-sensei`` -> the respelled name + "sensei", ``Naruto-kun``
-> "Naruto-koon".

Respellings, not espeak phonemes: espeak-ng reads ``[[h@l'oU]]`` as phonemes only when the
caller passes the ``espeakPHONEMES`` flag to ``espeak_Synth``, which ficaudio's engine does
not (in plain text mode it said "left bracket... h at l o u"), and other engines never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from .errors import ConfigError

LEXICON_DIR = "data/lexicons"

HONORIFICS: tuple[tuple[str, str], ...] = (
    # Suffix -> respelling. Measured with espeak-ng 1.52: "kun" was "kun" as in "fun", "chan"
    # rhymed with "man", "hime" was "him"; "sama", "sensei", "senpai", "dono" were already right.
    ("san", "sahn"),
    ("sama", "sama"),
    ("kun", "koon"),
    ("chan", "chahn"),
    ("sensei", "sensei"),
    ("senpai", "senpai"),
    ("sempai", "senpai"),
    ("dono", "dono"),
    ("hime", "heemeh"),
    ("nii", "nee"),
    ("nii-san", "nee-sahn"),
    ("nii-chan", "nee-chahn"),
    ("niisan", "neesahn"),
    ("nee-san", "neh-sahn"),
    ("nee-chan", "neh-chahn"),
    ("neesan", "nehsahn"),
    ("shishou", "sheeshoh"),
    ("taichou", "tie-choh"),
)


@dataclass(frozen=True)
class Lexicon:
    """Words (lower case) and honorific suffixes with their respellings.

    >>> Lexicon((("kakashi", "kah-kah-shee"),)).apply("KAKASHI-sensei saw kakashi's dog.")
    "Kah-kah-shee-sensei saw kah-kah-shee's dog."
    """

    words: tuple[tuple[str, str], ...] = ()
    honorifics: tuple[tuple[str, str], ...] = HONORIFICS

    @cached_property
    def _words(self) -> dict[str, str]:
        return dict(self.words)

    @cached_property
    def _honorifics(self) -> dict[str, str]:
        return dict(self.honorifics)

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        # One regex for the whole text: longest alternatives first, so "hokage-sama" as an
        # entry wins over "hokage" + honorific, and "nii-san" over "nii".
        words = _alternation(self._words)
        hons = _alternation(self._honorifics)
        entry = rf"(?P<entry>{words or '(?!)'})(?:-(?P<hon1>{hons}))?"
        named = rf"(?P<name>[^\W\d_][\w'’]*?)-(?P<hon2>{hons})"
        return re.compile(rf"(?<![\w-])(?:{entry}|{named})(?!\w)", re.IGNORECASE)

    def apply(self, text: str) -> str:
        """``text`` with every known word respelled (whole words, any case).

        >>> Lexicon().apply("Naruto-kun and Hinata-chan, not Sakura-chan's T-shirt.")
        "Naruto-koon and Hinata-chahn, not Sakura-chahn's T-shirt."
        """
        return self._pattern.sub(self._respell, text)

    def _respell(self, match: re.Match[str]) -> str:
        if match["entry"] is not None:
            word, hon = _same_initial(match["entry"], self._words[match["entry"].lower()]), match["hon1"]
        else:
            word, hon = match["name"], match["hon2"]
        return f"{word}-{self._honorifics[hon.lower()]}" if hon else word

    def __len__(self) -> int:
        return len(self.words)


def _same_initial(original: str, respelling: str) -> str:
    """A capitalised word gets a capitalised respelling (sentence starts stay visible).

    >>> _same_initial("Kakashi", "kah-kah-shee"), _same_initial("jutsu", "joot-soo")
    ('Kah-kah-shee', 'joot-soo')
    """
    return respelling[:1].upper() + respelling[1:] if original[:1].isupper() else respelling


def _alternation(table: Mapping[str, str]) -> str:
    return "|".join(re.escape(key) for key in sorted(table, key=len, reverse=True))


# ------------------------------------------------------------------ building
def available_lexicons() -> list[str]:
    """Names of the starter lexicons shipped with ficaudio, sorted.

    >>> "naruto" in available_lexicons()
    True
    """
    folder = resources.files("ficaudio").joinpath(LEXICON_DIR)
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=None)
def lexicon_entries(name: str) -> tuple[tuple[str, str], ...]:
    """(word, respelling) pairs of one starter lexicon, in file order."""
    if name not in available_lexicons():
        raise ConfigError(
            f"unknown lexicon {name!r}", hint=f"available lexicons: {', '.join(available_lexicons())}"
        )
    text = resources.files("ficaudio").joinpath(f"{LEXICON_DIR}/{name}.yaml").read_text("utf-8")
    return _parse_lexicon(text, name)


def _parse_lexicon(text: str, name: str) -> tuple[tuple[str, str], ...]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(text) or {}
    except YAMLError as exc:
        raise ConfigError(f"starter lexicon {name!r} is malformed: {exc}") from exc
    table = data.get("pronunciations") if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(isinstance(v, str) and v.strip() for v in table.values()):
        raise ConfigError(f"starter lexicon {name!r} needs a 'pronunciations:' mapping of word: respelling")
    return tuple((str(k), v.strip()) for k, v in table.items())


def build_lexicon(names: Iterable[str] = (), pronunciations: Iterable[tuple[str, str]] = ()) -> Lexicon:
    """The enabled starter lexicons in order, then the user's pronunciations; later wins.

    Keys starting with ``-`` are honorific suffixes (``-kun: koon``).

    >>> build_lexicon(["naruto"], [("Kakashi", "kakashi"), ("-kun", "kun")]).apply("Kakashi, Naruto-kun")
    'Kakashi, Nah-roo-toh-kun'
    """
    words: dict[str, str] = {}
    honorifics = dict(HONORIFICS)
    for key, respelling in [*(pair for name in names for pair in lexicon_entries(name)), *pronunciations]:
        if key.startswith("-"):
            honorifics[key[1:].lower()] = respelling
        else:
            words[key.lower()] = respelling
    return Lexicon(tuple(words.items()), tuple(honorifics.items()))
