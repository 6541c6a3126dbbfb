"""A fan fiction's header, read once: where it ends and whom its ``Characters:`` field lists.

Pasted AO3/FFN text opens on a title, a byline, the work's fields (``Fandom:``, ``Rating:``,
``Characters:``, ``Summary:``) and notes (``A/N: ...``) before the story. :func:`read_header`
marks those paragraphs, and every heuristic that needs the header asks the :class:`Header` it
returns. The title, byline and chapter-heading tests are parse's own (:mod:`ficaudio.parse.lines`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol, Sequence

from ficaudio import letters
from ficaudio.attribute.lexicon import SHORT_TITLES, SPEECH_VERBS
from ficaudio.parse.lines import chapter_heading_title

CAST_FIELD = letters.compile(r"^Characters?:\s*(.+)$", re.M)
_PEOPLE_FIELD = letters.compile(r"^(?:Characters?|Relationships?|Pairings?):\s*(.+)$", re.M)
_PAIRING_FIELD = letters.compile(r"^(?:Relationships?|Pairings?):\s*(.+)$", re.M)
_NAME_WORD = letters.compile(r"[A-Z][\w'’-]*")
_FRONT_MATTER_LABEL = letters.compile(r"(?:A/N|(?:[A-Z][\w'’]*\s?){1,3}):\s")
# the fields only a header has (a story's own lines say "Warning: hull breach", "Setting: the workshop", "Notes: none")
_HEADER_ONLY_KEYS = r"Fandoms?|Characters?|Relationships?|Pairings?|Ratings?|Rated|(?:Additional )?Tags|Word Count|Words|Chapters"
_HEADER_ONLY_FIELD = letters.compile(rf"(?:{_HEADER_ONLY_KEYS}):\s")
_WORK_FIELD = letters.compile(
    rf"(?:{_HEADER_ONLY_KEYS}|Warnings?|Genres?|Summary|Disclaimer|Notes?|A/N|AN"
    r"|Author(?:['’]s Notes?)?|Series|Title|Prompt|Beta(?: Reader)?|Dedications?|Spoilers|Timeline|Setting):\s")
_SUMMARY_FIELD = letters.compile(r"(?:Summary|Description):\s")
_FIELD_LOOKAHEAD = 3  # paragraphs: a summary quoting a line, or running on, before the next field
_WORD = letters.compile(r"[a-z]+")


class _Block(Protocol):
    start: int
    end: int
    quotes: list[int]
    front_matter: bool


_BRACKETED = re.compile(r"\([^()]*\)")  # a cast entry's note: "Wren Aldane (Player Character)"
_KIN_NOTE = letters.compile(r"\([^()]*\b(?:(?:god|step|grand|great-grand|half-)?(?:siblings?|sisters?|brothers?|twins?|family|cousins?|parents?|mother|father|daughter|son|aunt|uncle|niece|nephew))\b[^()]*\)", re.I)  # "Aurelie & Corin (siblings)": kin, no friends


GENERIC_CAST_WORDS = frozenset({"Original", "Other", "Others", "Minor", "Ensemble", "Everyone", "Reader", "You", "Various", "Background", "Unnamed"})
"""First words of AO3's generic character tags (``Original Female Character(s)``, ``Ensemble``,
``Reader``, ``Minor Characters``), which name no one."""


@dataclass(frozen=True)
class Header:
    """``end``: where the story proper begins, after the leading header fields and notes (0 for
    none); ``cast``: the span of the ``Characters:`` field's list, when the header has one;
    ``headings``: the spans of the chapter headings after it (``Chapter 3: Eight Counts``);
    ``front_end``: where the leading title, byline and labelled lines end, work field or not
    (a Tumblr title ``Captain Oduya x Fem!Reader`` alone is front matter, but no header)."""

    end: int = 0
    cast: tuple[int, int] | None = None
    headings: tuple[tuple[int, int], ...] = ()
    front_end: int = 0

    def cast_names(self, text: str) -> list[str]:
        """The names the ``Characters:`` field lists, in order.

        >>> Header(40, (12, 20)).cast_names("Characters: Tess, Jo\\nTess laughed.")
        ['Tess', 'Jo']
        """
        return [n.strip() for n in text[self.cast[0]:self.cast[1]].split(",") if n.strip()] if self.cast else []

    def people_words(self, text: str) -> set[str]:
        """The words of the names the header's ``Characters:``, ``Relationship:`` and ``Pairing:``
        fields list, AO3's generic tags' words (``Ensemble``, ``Original Female Character``) left out.

        >>> sorted(Header(60, (12, 20)).people_words("Characters: Tess, Jo\\nPairing: Tess/Kit Vane\\nTess laughed."))
        ['Jo', 'Kit', 'Tess', 'Vane']
        >>> sorted(Header(60, (12, 40)).people_words("Characters: Ensemble, Tess\\nTess laughed."))
        ['Tess']
        """
        return {w for m in _PEOPLE_FIELD.finditer(text, 0, self.end) for w in _NAME_WORD.findall(m.group(1))} - GENERIC_CAST_WORDS

    def people_names(self, text: str) -> list[str]:
        """The full names the header's ``Characters:``, ``Relationship:`` and ``Pairing:`` fields
        list, split at commas, pairing marks and bars, brackets dropped, in order.

        >>> Header(60, (12, 20)).people_names("Relationship: Cal Vance & Jo Pike, Nell Vance/Mara Ruiz\\nCal ran.")
        ['Cal Vance', 'Jo Pike', 'Nell Vance', 'Mara Ruiz']
        """
        names = []
        for m in _PEOPLE_FIELD.finditer(text, 0, self.end):
            for part in re.split(r"\s*(?:,|/|&|\||\sx\s)\s*", _BRACKETED.sub(" ", m.group(1))):
                if (name := " ".join(part.split())) and name not in names:
                    names.append(name)
        return names

    def romantic_pairs(self, text: str) -> list[tuple[str, str]]:
        """The two names of each romantic pairing (``A/B``) the header's ``Relationship:`` and
        ``Pairing:`` fields list, brackets dropped; ``&`` (a friendship) and a pairing of three
        are none.

        >>> Header(80, None).romantic_pairs("Relationship: Maggie Lowe/Bert Lowe, Tess & Jo, Kit/Ana/Ben\\nTess ran.")
        [('Maggie Lowe', 'Bert Lowe')]
        """
        pairs = []
        for m in _PAIRING_FIELD.finditer(text, 0, self.end):
            for part in _BRACKETED.sub(" ", m.group(1)).split(","):
                names = [" ".join(n.split()) for n in part.split("/")]
                if len(names) == 2 and all(names) and "&" not in part:
                    pairs.append((names[0], names[1]))
        return pairs

    def friendship_pairs(self, text: str) -> list[tuple[str, str]]:
        """The two names of each friendship (``A & B``) the header's ``Relationship:`` and
        ``Pairing:`` fields list, brackets dropped; a pairing (``A/B``), a friendship of three and
        one its note calls kin (``Aurelie & Corin (siblings)``) are none.

        >>> Header(80, None).friendship_pairs("Relationship: Kit/Ana, Tess & Jo, Al & Bo & Cy, Di & Ed (siblings)\\nTess ran.")
        [('Tess', 'Jo')]
        >>> Header(120, None).friendship_pairs("Relationship: Tess & Jo (best friends, roommates), Sirius & Harry (godfather & godson)\\nTess ran.")
        [('Tess', 'Jo')]
        """
        pairs = []
        for m in _PAIRING_FIELD.finditer(text, 0, self.end):
            for part in re.split(r",(?![^()]*\))", m.group(1)):  # commas inside a note ("(best friends, roommates)") split no pairing
                if _KIN_NOTE.search(part):
                    continue
                names = [" ".join(n.split()) for n in _BRACKETED.sub(" ", part).split("&")]
                if len(names) == 2 and all(names) and "/" not in part:
                    pairs.append((names[0], names[1]))
        return pairs

    def family_names(self, text: str) -> set[str]:
        """The surnames two or more of the ``Characters:`` field's full names share (a family:
        ``Ewan Haldane, Kirsty Haldane``).

        >>> sorted(Header(60, (12, 60)).family_names("Characters: Ewan Haldane, Kirsty Haldane, Pete Sinclair\\nKirsty ran."))
        ['Haldane']
        """
        surnames = Counter(n.split()[-1] for n in self.cast_names(text) if len(n.split()) > 1)
        return {s for s, count in surnames.items() if count > 1}

    def pov_names(self, text: str) -> list[str]:
        """The names the header's tags give the point of view (AO3's ``Nell POV``, ``Aoi's POV``,
        ``A/N: Tam POV, set after ...``), each a whole tag or note of its own: ``Chapter 2 will
        be from Kit's POV`` tells another chapter's, and ``First Person POV`` names no one (a
        roster lookup decides).

        >>> t = "Tags: Fluff, Nell POV, First Person POV\\nA/N: Chapter 2 will be from Kit's POV!\\nI ran."
        >>> Header(70, None).pov_names(t)
        ['Nell', 'First Person']
        """
        return [found.group(1) for item in _TAG_ITEMS.split(text[:self.end]) if (found := _POV_TAG.fullmatch(item.strip()))]

    def fandom_words(self, text: str) -> list[str]:
        """The words of the header's ``Fandom:`` field, brackets dropped (AO3 writes a fandom
        after each character it tags: ``Arthur (Merlin)``).

        >>> Header(40, None).fandom_words("Fandom: Merlin (TV)\\nTess laughed.")
        ['Merlin', 'TV']
        """
        found = _FANDOM_FIELD.search(text, 0, self.end)
        return found.group(1).replace("(", " ").replace(")", " ").split() if found else []


def read_header(paragraphs: Sequence[_Block], text: str, set_aside: Sequence[tuple[int, int]] = ()) -> Header:
    """Mark the header's paragraphs (:func:`mark_front_matter`) and read where it ends and what
    its ``Characters:`` field lists. Labelled paragraphs make a header only when one of them is
    a work's field (``Fandom:``, ``Characters:``, ``A/N:``): a novel's ``Imprimis: I am a man
    ...`` or ``Chapter I: The Bertolini`` opens on a label, but is the story.
    ``set_aside``: the lines of the work's fields and notes that the reader already kept out of
    the story, before its first paragraph (an AO3 page read from a file); they are the header
    too, so a file and the same text pasted as paragraphs have one header.

    >>> from ficaudio.attribute.document import Paragraph
    >>> t = "Fandom: Tideway\\nCharacters: Nell, Kit\\nNell laughed."
    >>> read_header([Paragraph(0, 0, 0, 15), Paragraph(0, 1, 16, 37), Paragraph(0, 2, 38, 51)], t)
    Header(end=37, cast=(28, 37), headings=(), front_end=37)
    >>> paras = [Paragraph(0, 0, 0, 14), Paragraph(0, 1, 15, 28)]
    >>> read_header(paras, "Imprimis: I am\\nNell laughed."), paras[0].front_matter
    (Header(end=0, cast=None, headings=(), front_end=14), False)
    """
    front_end, work_fields = mark_front_matter(paragraphs, text)
    front = [p for p in paragraphs if p.front_matter]
    if not work_fields:
        for para in front:
            para.front_matter = False
        if not set_aside:
            return Header(front_end=front_end)
    end = front[-1].end if work_fields else set_aside[-1][1]
    cast = CAST_FIELD.search(text, 0, end)
    return Header(end, cast.span(1) if cast else None, tuple(_heading_spans(paragraphs, text, end)), max(front_end, end))


def mark_front_matter(paragraphs: Sequence[_Block], text: str) -> tuple[int, bool]:
    """Mark the header fields and author's notes that open a fan fiction (``Characters: ...``,
    ``A/N: ...``): the leading run of labelled paragraphs before the first quotation, under at
    most a title or byline line. A label after the story's narration has begun (``Pier Nine:
    11:40 p.m.``, ``Day 2: ...``) is the story's own, and ends the search -- unless work fields
    come both before it and within the next few paragraphs: a summary that quotes a line or
    runs on for one untagged paragraph (``Summary: "You're late," she said.``, then
    ``Characters: ...``) is the header's (:func:`summary_goes_on`).
    Returns where the walked-over lines end (0 where the first paragraph is the story), and
    whether any of them is a work's field (:func:`_work_field`).

    >>> from ficaudio.attribute.document import Paragraph
    >>> paras = [Paragraph(0, 0, 0, 20), Paragraph(0, 1, 21, 40), Paragraph(0, 2, 41, 54)]
    >>> mark_front_matter(paras, "Characters: Tess, Jo\\nA/N: for my friend\\nTess laughed."), [p.front_matter for p in paras]
    ((40, True), [True, True, False])
    >>> paras = [Paragraph(0, 0, 0, 29), Paragraph(0, 1, 30, 43)]
    >>> mark_front_matter(paras, "Tess ran. Jo followed her in.\\nPier Nine: 11."), [p.front_matter for p in paras]
    ((0, False), [False, False])
    """
    started, fields, end, summary = False, False, 0, False
    for i, para in enumerate(paragraphs):
        label = not para.quotes and bool(_FRONT_MATTER_LABEL.match(text, para.start, para.end))
        if not label and (started or para.quotes or not _title_line(text[para.start:para.end])):
            if not (fields and summary_goes_on(para, text, summary) and any(_HEADER_ONLY_FIELD.match(text, p.start, p.end) for p in paragraphs[i + 1:i + 1 + _FIELD_LOOKAHEAD])):
                return end, fields
            label = True
        para.front_matter = label
        started, fields, end = started or label, fields or _work_field(para, text), para.end
        summary = bool(_SUMMARY_FIELD.match(text, para.start, para.end))
    return end, fields


def is_listing_field(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a field only a work's header has (``Characters: Mira Sol``,
    ``Relationship:``, ``Fandom: ...``), not a story's labelled line, nor the header's prose (a
    summary or a note, which :func:`ficaudio.parse.lines.is_work_field` also counts as the header's).

    >>> [is_listing_field(t, 0, len(t)) for t in ("Characters: Mira Sol", "Relationship:", "Warning: hull breach", "Relationship:s")]
    [True, True, False, False]
    """
    return bool(_HEADER_ONLY_FIELD_OR_LABEL.match(text, start, end))


def field_lines(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], bool]]:
    """Each line of ``spans`` with whether it belongs to a work's field: the field itself
    (:func:`is_listing_field`) or the value under its bare label (an AO3 page's ``Characters:``
    alone on its line, then ``Mira Sol, Tobin Ash``).

    >>> t = "Characters:\\nMira Sol\\nA/N: hi"
    >>> [(t[s:e], f) for (s, e), f in field_lines(t, [(0, 11), (12, 20), (21, 28)])]
    [('Characters:', True), ('Mira Sol', True), ('A/N: hi', False)]
    """
    under_label = False
    for start, end in spans:
        field = is_listing_field(text, start, end)
        yield (start, end), field or under_label
        under_label = field and text[start:end].rstrip().endswith(":")  # the value comes on the next line


_HEADER_ONLY_FIELD_OR_LABEL = letters.compile(rf"(?:{_HEADER_ONLY_KEYS}):(?:\s|$)")  # a field, or its label alone on the line


def summary_goes_on(para: _Block, text: str, after_summary: bool) -> bool:
    """A paragraph that is a summary quoting a line (``Summary: "Not again," she sighed.``), or
    the one untagged paragraph right after a summary (``Nobody sleeps.``); a tagged line after
    it (``"You came," Kit said.``) is the story's opening.

    >>> from ficaudio.attribute.document import Paragraph
    >>> t = "Summary: a night.\\nNobody sleeps.\\n'You came,' Kit said."
    >>> [summary_goes_on(Paragraph(0, 0, a, b), t, True) for a, b in ((18, 32), (33, 53))]
    [True, False]
    >>> summary_goes_on(Paragraph(0, 0, 18, 32), t, False)
    False
    """
    if _SUMMARY_FIELD.match(text, para.start, para.end):
        return True
    return after_summary and not any(w in SPEECH_VERBS for w in _WORD.findall(text, para.start, para.end))


def _work_field(para: _Block, text: str) -> bool:
    """``para`` is a work's field (``Characters: ...``, ``Words: 900``), not a text message's
    ``Felix: where r u``."""
    return not para.quotes and bool(_WORK_FIELD.match(text, para.start, para.end))


def _title_line(line: str) -> bool:
    """A title or byline (``Tidewater``, ``by quietfox``): a short line of no full sentence.
    Looser than parse's ``is_title_like`` on purpose: a label must follow it, and AO3 titles are
    often lower case (``blueprints for a city nobody will live in``).

    A full stop after a word ends a sentence, unless the word is an abbreviation that ends none
    (``(ch. 3)``, ``Pt. 2``, ``Mrs. Hudson``, ``vs.``); ``?`` and ``!`` are a title's own.

    >>> [_title_line(t) for t in ("The Long Way Home", "Tess ran. Jo followed her in.", "Fog Machine Feelings (Ch. 3)", "hello, goodbye (pt. 2)", "Mrs. Price Comes Home", "Soulmates? In This Economy")]
    [True, False, True, True, True, True]
    """
    return len(line.split()) <= 12 and all(word.lower() in _ENDS_NO_SENTENCE for word in _FULL_STOP_AFTER.findall(line))


_TAG_ITEMS = letters.compile(r"[,\n]|^[\w !/'’-]{1,30}:[ \t]*", re.MULTILINE)  # a list's items, a field's label dropped
_POV_TAG = letters.compile(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)(?:['’]s)? POV[.!]?")
_FANDOM_FIELD = letters.compile(r"^Fandoms?:[ \t]*(.+)$", re.MULTILINE)
_FULL_STOP_AFTER = letters.compile(r"\b([A-Za-z]*[a-z]{2})\.\s+\S")  # `ran. Jo`; the word, to tell `(Ch. 3)` and `Mrs. Hale` apart
_ENDS_NO_SENTENCE = SHORT_TITLES | frozenset({"ch", "chs", "pt", "pts", "vol", "vols", "ep", "bk", "no", "vs", "feat", "ft", "etc"})


def _heading_spans(paragraphs: Sequence[_Block], text: str, after: int) -> list[tuple[int, int]]:
    """The chapter headings after ``after`` (``Chapter 3: Eight Counts``, ``Prologue``), as
    parse reads a heading line.

    >>> from ficaudio.attribute.document import Paragraph
    >>> t = "Chapter 3: Eight Counts\\nChapter 2 was long."
    >>> _heading_spans([Paragraph(0, 0, 0, 23), Paragraph(0, 1, 24, 43)], t, 0)
    [(0, 23)]
    """
    return [(p.start, p.end) for p in paragraphs if p.start >= after and not p.quotes and chapter_heading_title(text[p.start:p.end]) is not None]
