"""What a given name tells offline: a prior for its bearer's gender (PyPI ``gender-guesser``)
and the full names an English nickname shortens (PyPI ``nicknames``, Apache-2.0).

The gender list (``nam_dict.txt``, ~48,000 first names from many countries, Japan included) only
tilts the balance: text evidence (pronouns after the name, titles, honorifics) overrides it.
A name the list does not know, or calls androgynous, gives no prior. The nicknames table
(~2,700 hand-curated pairs: ``Hattie`` -> ``Harriet``, ``Ned`` -> ``Edmund``/``Edward``/``Edwin``)
only proposes; :func:`~ficaudio.attribute.aliases.join_nicknames` decides.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ficaudio.models import Gender

PRIOR_VOTES = {"male": (Gender.MALE, 1.5), "female": (Gender.FEMALE, 1.5), "mostly_male": (Gender.MALE, 0.75), "mostly_female": (Gender.FEMALE, 0.75)}
"""List answer -> (gender, weight in pronoun votes): a sure name counts as 1.5 clear pronouns."""


@lru_cache(maxsize=1)
def _nicknamer():
    try:
        from nicknames import NickNamer
    except ImportError:  # optional at run time: without the table, no nickname is known
        return None
    return NickNamer()


def full_names_of(nickname: str) -> frozenset[str]:
    """The given names (lower case) an English nickname or diminutive is listed for:
    ``Hattie`` -> harriet, ``Ned`` -> edmund, edward, edwin (tests/test_attribute_names.py);
    and those a pet form in another language is made from (:data:`OTHER_PET_FORMS`):
    ``Zosia`` -> zofia.

    >>> full_names_of("Xq"), sorted(full_names_of("Zosia"))
    (frozenset(), ['zofia'])
    """
    namer = _nicknamer()
    listed = frozenset(namer.canonicals_of(nickname)) if namer is not None and nickname.isalpha() else frozenset()
    return listed | OTHER_PET_FORMS.get(nickname.lower(), frozenset())


_UNDECOMPOSED = str.maketrans("łŁøØđĐ", "lLoOdD")  # letters with a stroke, which Unicode does not split into letter and mark


def unaccented(word: str) -> str:
    """``word`` without its diacritics, as a name is often typed: ``Staś`` -> ``Stas``,
    ``Małgorzata`` -> ``Malgorzata``, ``José`` -> ``Jose``.

    >>> unaccented("Staś"), unaccented("Małgorzata"), unaccented("Zoë")
    ('Stas', 'Malgorzata', 'Zoe')
    """
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pet_forms(table: str) -> dict[str, frozenset[str]]:
    """``"zosia: zofia; staś: stanisław; ..."`` -> {``zosia``: {``zofia``}, ``staś``:
    {``stanisław``, ``stanislaw``}, ``stas``: the same, ...}: each form written with its
    diacritics reached also as typed without them, both as the pet form and as the name.

    >>> sorted(_pet_forms("staś: stanisław")["stas"])
    ['stanislaw', 'stanisław']
    """
    forms: dict[str, frozenset[str]] = {}
    for entry in filter(str.strip, table.split(";")):
        pet, names = entry.split(":")
        full = frozenset(spelling for n in names.split(",") for spelling in (n.strip(), unaccented(n.strip())))
        for key in {pet.strip(), unaccented(pet.strip())}:
            forms[key] = forms.get(key, frozenset()) | full
    return forms


OTHER_PET_FORMS = _pet_forms("""
    zosia: zofia; kasia: katarzyna; basia: barbara; gosia: małgorzata; ania: anna; magda: magdalena;
    ola: aleksandra; tomek: tomasz; kuba: jakub; bartek: bartłomiej; wojtek: wojciech;
    jurek: jerzy; janek: jan; franek: franciszek; krzyś: krzysztof; staś: stanisław;
    jaś: jan; michaś: michał; piotruś: piotr;
    sasha: aleksandr, aleksandra, alexander, alexandra, alexandr; misha: mikhail; dima: dmitri, dmitry, dmitriy;
    kolya: nikolai, nikolay; volodya: vladimir; vova: vladimir; seryozha: sergei, sergey; alyosha: aleksei, alexei, alexey, aleksey;
    lyosha: aleksei, alexei, alexey, aleksey; vanya: ivan; petya: pyotr, petr; pasha: pavel; kostya: konstantin;
    zhenya: yevgeny, evgeny, yevgenia, evgenia; grisha: grigory, grigori; fedya: fyodor, fedor; tolya: anatoly, anatoli;
    borya: boris; styopa: stepan; slava: vyacheslav, stanislav, yaroslav, vladislav; rodya: rodion; yura: yuri, yury;
    natasha: natalia, natalya, natalie; katya: yekaterina, ekaterina; nastya: anastasia, anastasiya; masha: maria, mariya;
    dasha: darya, daria; olya: olga; tanya: tatiana, tatyana; sveta: svetlana; lena: yelena, elena; galya: galina;
    lyuba: lyubov; nadya: nadezhda; sonya: sofya, sofia; dunya: avdotya; lyuda: lyudmila; ira: irina;
    beppe: giuseppe; peppe: giuseppe; peppino: giuseppe; pino: giuseppe; gigi: luigi; totò: salvatore;
    turi: salvatore; tano: gaetano; pippo: filippo; ciccio: francesco; checco: francesco; nanni: giovanni; gianni: giovanni;
    vanni: giovanni; enzo: vincenzo, lorenzo; sandro: alessandro; nando: ferdinando; tonio: antonio; totonno: antonio;
    mimmo: domenico; memè: domenico; betta: elisabetta; pina: giuseppina;
    pepe: josé; paco: francisco; pancho: francisco; curro: francisco; nacho: ignacio; lupe: guadalupe;
    chuy: jesús; chus: jesús; quique: enrique; kike: enrique; memo: guillermo; lalo: eduardo;
    beto: alberto, roberto, humberto; toño: antonio; manolo: manuel; rafa: rafael; santi: santiago;
    moncho: ramón; lucho: luis; pili: pilar; charo: rosario; lola: dolores; conchita: concepción;
    concha: concepción; pepa: josefa; paca: francisca; chelo: consuelo; meche: mercedes; tere: teresa;
    sepp: josef, joseph; hansi: hans, johannes; liesl: elisabeth; gretel: margarete, margarethe; willi: wilhelm;
    resi: theresia, therese; kathi: katharina; steffi: stefanie
""")
"""Pet forms of given names in Polish, Russian, Italian, Spanish and German that the English
nicknames table does not list (lower case; ``-sia``/``-ek``/``-ya``/``-ino`` forms whose stem is
no clip of the name: ``Zosia`` of ``Zofia``, ``Tomek`` of ``Tomasz``, ``Sasha`` of ``Aleksandr``,
``Beppe`` of ``Giuseppe``, ``Pepe`` of ``José``): common forms from the languages' own usage,
proposals only, as the English table's are (:func:`~ficaudio.attribute.aliases.join_nicknames`).
Each is written once with its diacritics; :func:`_pet_forms` adds it as typed without them."""


@lru_cache(maxsize=1)
def _detector():
    try:
        from gender_guesser.detector import Detector
    except ImportError:  # optional at run time: without the list, no prior
        return None

    class QuickDetector(Detector):
        """The list read with the built-in text reader: ``codecs.open`` (the library's) takes
        twice as long over its 48,000 lines, the names read the same (tests/test_attribute_names.py)."""

        def _parse(self, filename):
            self.names = {}
            with open(filename, encoding="utf-8") as f:
                for line in f:
                    self._eat_name_line(line.strip())

    return QuickDetector(case_sensitive=False)


def name_prior(given_name: str) -> tuple[Gender, float]:
    """The gender a first-names list gives a name, and how much it weighs.

    >>> name_prior("Elizabeth")
    (<Gender.FEMALE: 'female'>, 1.5)
    >>> name_prior("Xq")
    (<Gender.UNKNOWN: 'unknown'>, 0.0)
    """
    detector = _detector()
    if detector is None or not given_name.isalpha():
        return Gender.UNKNOWN, 0.0
    answer = detector.get_gender(given_name)
    return PRIOR_VOTES.get(answer, (Gender.UNKNOWN, 0.0))


def is_listed_given_name(word: str) -> bool:
    """Whether the first-names list knows the word as someone's given name (of any gender).

    >>> is_listed_given_name("Mari"), is_listed_given_name("Understood")
    (True, False)
    """
    detector = _detector()
    return detector is not None and word.isalpha() and detector.get_gender(word) != "unknown"


def is_patronymic_of(word: str, short: tuple[str, ...]) -> bool:
    """Whether ``word`` is a surname made of one of the given names ``short`` names are or shorten
    and ``-son``/``-sen``/``-s`` (``Johnson`` of ``John``, ``Roberts`` of ``Rob``'s Robert,
    ``Daniels`` of ``Danny``'s Daniel), as a surname-only character is called; ``Frances`` is
    no ``Fran``'s France.

    >>> [is_patronymic_of(w, s) for w, s in (("Johnson", ("John",)), ("Roberts", ("Rob",)), ("Daniels", ("Danny", "Dann", "Dan")), ("Frances", ("Fran",)), ("Agatha", ("Ag",)))]
    [True, True, True, False, False]
    """
    base = re.sub(r"(?:son|sen|s)$", "", word)
    return base != word and any(base == s or base.lower() in full_names_of(s) for s in short)


_PET_ENDINGS = ("ie", "a", "y")


def pet_stem(short: str) -> str:
    """A pet form's stem: the name less a final ``-ie``, ``-a`` or ``-y``; ``""`` for none.

    >>> pet_stem("Goldie"), pet_stem("Cora"), pet_stem("Tom")
    ('Gold', 'Cor', '')
    """
    end = next((e for e in _PET_ENDINGS if short.endswith(e)), "")
    return short[: -len(end)] if end else ""


def clips(short: str, long: str, shortest: int = 3) -> bool:
    """Whether ``short`` (``shortest`` letters at least) opens ``long``, two letters or more shorter.

    >>> clips("Cor", "Corisande"), clips("Cora", "Coral"), clips("Jo", "Joanna")
    (True, False, False)
    """
    return len(short) >= shortest and len(long) >= len(short) + 2 and long.startswith(short)


def is_pet_form(short: str, given: str) -> bool:
    """Whether ``short`` has the shape of a pet form of the given name ``given``: its stem
    (``short`` less a final ``-ie``, ``-a`` or ``-y``, three letters at least) opens ``given``,
    which is two letters or more longer than the stem (``Cora`` of ``Corisande``: ``Cor``;
    ``Sophy`` of ``Sophia``: ``Soph``), or, four letters at least, ends it, three letters or
    more shorter than ``given`` (``Goldie`` of ``Marigold``). A shape only: ``Cora`` fits
    ``Corinne`` too, and who is whom is the caller's to decide.

    >>> [is_pet_form(s, g) for s, g in (("Cora", "Corisande"), ("Sophy", "Sophia"), ("Goldie", "Marigold"), ("Cora", "Cora"), ("Marco", "Marchetti"), ("Aki", "Kurosaki"))]
    [True, True, True, False, False, False]
    """
    stem = pet_stem(short)
    if len(stem) < 3 or not given.isalpha():
        return False
    return clips(stem, given) or len(stem) >= 4 and given.endswith(stem.lower()) and len(given) >= len(stem) + 3
