"""Quotation finding: the pure core of the segment stage.

Works on a plain string and spans of paragraphs in it; knows nothing of Story or Segment, so
attribution and ``bench/quotes.py`` can call it directly.

How a mark is read (each step a named function below):

1. :func:`mark_flank` looks at the characters on each side of a quote mark: a mark with a
   space (or an opening bracket/dash) before it and a word after it *opens*; a word before and
   a space or punctuation after it *closes*. The glyph (``“`` or ``”``) is only a tie-breaker,
   so mismatched marks (``”Stop.”``) still pair up.
2. :func:`pair_marks` walks a paragraph's marks: an opener pairs with the next mark that can
   close. Quotations never leave their paragraph: an opener never closed ends at the
   paragraph's end (an unambiguous opener) or is left as narration (an ambiguous stray mark).
   An opener met inside a quotation starts a new one (the previous one lacked its closing
   mark), unless :func:`is_nested` sees opener, closer, closer: a quotation inside a quotation.
3. :func:`is_mention` leaves quoted phrases inside a narration sentence (scare quotes,
   titles, names: ``a "full dress" coat``, ``the overture to "The Poet and the Peasant"``,
   ``was called "the house"``) to the narrator: they are not speech, unless they open a
   clause after a conjunction (``the girls whispered, and "spiritual."``); lower-case words
   quoted mid-sentence (``remember, "the house" had been``) are narration too, and so is an
   epigraph with its source (:func:`is_epigraph`).
4. :func:`quote_style` decides once per text whether dialogue uses double or single marks;
   in single-mark texts :func:`single_mark` keeps apostrophes (``don't``, ``'em``,
   ``dancin'``, ``the Uchihas' house``) out of the way.
5. :func:`dash_dialogue` decides once per text whether dialogue is written with dashes
   (Joyce, many translations: ``—Come up, Kinch!``): then a paragraph that opens with a dash
   is speech, cut around one inserted tag by :func:`dash_quotations`.

Multi-paragraph quotations (a paragraph that ends inside a quotation and a next paragraph
that opens with a quote mark): by default each paragraph's part is its own quotation,
ending at its paragraph's end without a closing mark. LitBank's gold annotates such a part
that way more often than as one span across the break (``bench/quotes.py
--join-continued``: 2 fewer exact matches of 1,765), and per-paragraph pieces keep the paragraph pause in the audio.
``join_continued=True`` gives one quotation across the break instead.
"""

from __future__ import annotations

import re

from ficaudio import letters
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

DOUBLE_OPENING_GLYPHS = "“„«‟"
DOUBLE_CLOSING_GLYPHS = "”»"
DOUBLE_MARKS = '"' + DOUBLE_OPENING_GLYPHS + DOUBLE_CLOSING_GLYPHS
SINGLE_MARKS = "'‘’‛"
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS
# May stand right before an opening mark / right after a closing mark without making it
# "attached" ("—"Wait"", "("No")", "'Hi,'").
LEFT_BOUNDARY = "([{<—–-/*_~" + SINGLE_MARKS + DOUBLE_MARKS
RIGHT_BOUNDARY = ".,;:!?)]}>—–-…/*_~" + SINGLE_MARKS + DOUBLE_MARKS
# A closing single mark right after one of these ends a quotation, not a word ("'Hi,'").
SENTENCE_PUNCTUATION = ".,;:!?—–-…"
DASHES = "—–-…"
# Punctuation right after a closing single mark that follows a letter ("does'--for", "doors',").
FIRM_AFTER = ",;:—–-)"
# Lower-case words that start with an apostrophe: "'em", "'til", "'cause" (dropped letters).
ELIDED_WORDS = frozenset(
    "em til tis twas twere twill cause bout round n nuff fraid kay cept sup neath ere im ave "
    "appen ow er ello alf ome".split()
)

# A quotation right after one of these is speech even when short: `he said "Exactly"`.
SPEECH_VERBS = frozenset(
    "said says say cried asked asks replied replies answered shouted whispered yelled called "
    "exclaimed muttered murmured added repeated continued began returned observed remarked "
    "screamed sighed snapped growled hissed laughed went goes like".split()
)
MENTION_MAX_WORDS = 4
TAG_WINDOW_WORDS = 4  # a speech verb this close before a quotation tags it: `he said quietly, "maybe"`
THINKING_VERBS = frozenset("thought thinks think wondered".split())
# After a quotation, these start a tag or an action, not a sentence going on: "Bye" and she left.
TAG_STARTS = frozenset("and but then or came comes".split())
DETERMINERS = frozenset("the a an his her their my our its your this that".split())
# A quoted phrase after one of these names something: `a room called "the den"`.
NAMING_VERBS = frozenset("called named titled entitled dubbed nicknamed termed".split())
BE_FORMS = frozenset("is are was were be been being".split())
SUBJECT_PRONOUNS = frozenset("i you he she it we they who".split())
ARTICLES = frozenset("the a an".split())
CLAUSE_CONJUNCTIONS = frozenset("and but then".split())
_PUNCTUATION_RE = letters.compile(r"[^\w\s'’-]")
# Where the sentence around a quotation starts: a stop (not after a title: "Mr. Bennet") or a colon.
_SENTENCE_START_RE = letters.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?]\s|:\s")
# A quote mark that is no apostrophe (not between letters).
_QUOTE_MARK_RE = letters.compile(
    "[" + re.escape(DOUBLE_MARKS) + r"]|(?<!\w)[" + re.escape(SINGLE_MARKS) + r"]|[" + re.escape(SINGLE_MARKS) + r"](?!\w)"
)
# An epigraph's source at its paragraph's end: after a closing mark or a stop, a dash and
# capitalised words (small joining words allowed): `lost?"--Shakespeare`, `it. --The Maid's Tragedy.`
_SOURCE_WORD = r"(?:[A-Z][\w'’.]*|of|the|and|in|from|by|to|a)[:,]?"
_EPIGRAPH_SOURCE_RE = letters.compile(
    r"[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + r".!?]\s*(?:--|—|–)\s*[A-Z][\w'’.]*[:,]?(?:\s+" + _SOURCE_WORD + r")*\.?$"
)
# The two words after a quotation (the first in lower case).
_FOLLOWING_RE = letters.compile(r"[ \t]+([a-z][\w'’-]*)[ \t]+([\w'’-]+)")
# The sentence goes on after a quotation: a space and a lower-case word.
_GOES_ON_RE = letters.compile(r"[,;]?[ \t]+[a-z]")
_WORD_RE = letters.compile(r"[^\W\d_]+")
_CLAUSE_START_RE = letters.compile(r"[,;—–-]\s*([a-z]+)\s+$")

# Dash dialogue (Joyce, many translations): a paragraph opening with a dash is speech,
# cut around one inserted tag (`—Thanks, old chap, he cried briskly. That will do.`).
DIALOGUE_DASH_RE = letters.compile(r"\s*(?:—|–|--)(?=[^\s—–-])")
DASH_TAG_VERBS = (SPEECH_VERBS - {"went", "goes", "like", "say"}) | {"told", "tells", "murmured", "answered"}
_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
_TAG_VERB = "(?:" + "|".join(sorted(DASH_TAG_VERBS)) + ")"
_TAG_SUBJECT = r"(?:he|she|they|I|we|it|" + _NAME + ")"
_DASH_TAG_RE = letters.compile(
    r"(?<=[,!?]) (?:" + _TAG_SUBJECT + " " + _TAG_VERB + "|" + _TAG_VERB + " " + _TAG_SUBJECT + r")\b[^.,;:!?]*[.,;:!?]"
)
MIN_DASH_PARAGRAPHS = 3
_DOUBLE_RE = letters.compile("[" + re.escape(DOUBLE_MARKS) + "]")
_SINGLE_RE = letters.compile("[" + re.escape(SINGLE_MARKS) + "]")
_WORD_AFTER_RE = letters.compile(r"[a-z]+")

Span = tuple[int, int]


class Flank(Enum):
    """Which side of a mark touches a word."""

    OPEN = "open"  # boundary before, word after: ` "Hi`
    CLOSE = "close"  # word before, boundary after: `Hi" `
    LONE = "lone"  # boundary on both sides: ` " `
    BOTH = "both"  # word on both sides: `Hi"there`, `,"she`


class Style(Enum):
    DOUBLE = "double"
    SINGLE = "single"


@dataclass(frozen=True)
class Mark:
    """A quote mark with what it may do. ``closes``: None, "weak", "firm" or "strong"."""

    pos: int
    opens: bool  # may start a quotation when outside one
    closes: str | None  # may end the current quotation
    interrupts: bool  # a clear opener met inside a quotation: the previous one was never closed
    sure_opener: bool  # unclosed, it still makes a quotation (not a stray mark)


@dataclass(frozen=True)
class Quotation:
    start: int
    end: int
    closed: bool  # False: ended at its paragraph's end or before the next opener


def mark_flank(text: str, pos: int, lo: int, hi: int) -> Flank:
    """Classify the mark at ``pos`` by its neighbours inside the paragraph ``[lo, hi)``.

    >>> [mark_flank('"Hi," she', i, 0, 9).value for i in (0, 4)]
    ['open', 'close']
    """
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    left_clean = before.isspace() or before in LEFT_BOUNDARY
    right_clean = after.isspace() or after in RIGHT_BOUNDARY
    if left_clean and right_clean:
        return Flank.LONE
    if left_clean:
        return Flank.OPEN
    return Flank.CLOSE if right_clean else Flank.BOTH


def double_mark(text: str, pos: int, lo: int, hi: int) -> Mark:
    """A double mark: the flank decides; the glyph only breaks ties.

    >>> double_mark('”Stop.”', 0, 0, 7).opens, double_mark('”Stop.”', 6, 0, 7).closes
    (True, 'strong')
    """
    flank = mark_flank(text, pos, lo, hi)
    if flank is Flank.OPEN:
        return Mark(pos, opens=True, closes=None, interrupts=True, sure_opener=True)
    if flank is Flank.CLOSE:
        return Mark(pos, opens=False, closes="strong", interrupts=False, sure_opener=False)
    may_open = text[pos] not in DOUBLE_CLOSING_GLYPHS
    return Mark(pos, opens=may_open, closes="strong", interrupts=False, sure_opener=False)


def is_elision(text: str, pos: int, hi: int) -> bool:
    """An apostrophe that stands for dropped letters at a word's start: ``'em``, ``'90s``.

    >>> is_elision("see 'em go", 4, 10), is_elision("'Hello'", 0, 7)
    (True, False)
    """
    after = text[pos + 1 : pos + 2]
    if after.isdigit():
        return True
    word = _WORD_AFTER_RE.match(text, pos + 1, hi)
    return word is not None and word.group() in ELIDED_WORDS and not text[word.end() : word.end() + 1].isalpha()


def single_mark(text: str, pos: int, lo: int, hi: int) -> Mark | None:
    """A single mark, or None for an apostrophe (``don't``, ``'em``, ``o'clock``).

    A closer after a letter is "weak": it may be ``dancin'`` or ``the Uchihas'``, so a later
    "strong" closer (after punctuation, ``'Hi,'``) wins over it; "firm" when punctuation
    follows it (``the adage, 'handsome is, that handsome does'--for``).

    >>> single_mark("don't", 3, 0, 5) is None, single_mark("'Hi,' she", 4, 0, 9).closes
    (True, 'strong')
    """
    flank = mark_flank(text, pos, lo, hi)
    before = text[pos - 1] if pos > lo else " "
    if flank is Flank.OPEN:
        if is_elision(text, pos, hi):
            return None
        return Mark(pos, opens=True, closes=None, interrupts=True, sure_opener=True)
    if flank is Flank.LONE:
        return nested_edge_mark(text, pos, lo, hi) or dashed_single_mark(text, pos, lo, hi)
    strength = "strong" if before in SENTENCE_PUNCTUATION else "weak"
    if flank is Flank.BOTH and strength == "weak":
        return None  # letters on both sides: an apostrophe inside a word
    if strength == "weak" and text[pos + 1 : pos + 2] in FIRM_AFTER and pos + 1 < hi:
        strength = "firm"
    return Mark(pos, opens=False, closes=strength, interrupts=False, sure_opener=False)


def nested_edge_mark(text: str, pos: int, lo: int, hi: int) -> Mark | None:
    """A single mark against a double one at a quotation's edge: a character reading out a
    quotation (``‘“My dear Edwin. ... Gran.”’``); the double mark is looked through.

    >>> nested_edge_mark('‘“Hi.”’', 0, 0, 7).opens, nested_edge_mark('‘“Hi.”’', 6, 0, 7).closes
    (True, 'strong')
    """
    if text[pos + 1 : pos + 2] in tuple(DOUBLE_MARKS) and text[pos + 2 : pos + 3].isalnum() and pos + 2 < hi:
        return Mark(pos, opens=True, closes=None, interrupts=True, sure_opener=True)
    if pos - 2 >= lo and text[pos - 1] in DOUBLE_MARKS and not text[pos - 2].isspace():
        return Mark(pos, opens=False, closes="strong", interrupts=False, sure_opener=False)
    return None


def dashed_single_mark(text: str, pos: int, lo: int, hi: int) -> Mark | None:
    """A single mark between a space and a dash: ``'--yes`` opens, ``think--'`` closes.

    >>> dashed_single_mark("x '--yes", 2, 0, 8).opens, dashed_single_mark("think--' (", 7, 0, 10).closes
    (True, 'strong')
    """
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    if not before.isspace() and before in SENTENCE_PUNCTUATION and (after.isspace() or after in RIGHT_BOUNDARY):
        return Mark(pos, opens=False, closes="strong", interrupts=False, sure_opener=False)
    if (before.isspace() or before in "([") and after in DASHES:
        return Mark(pos, opens=True, closes=None, interrupts=True, sure_opener=True)
    return None


def paragraph_marks(text: str, lo: int, hi: int, style: Style) -> list[Mark]:
    """The quote marks of one paragraph that matter for ``style``.

    >>> [m.pos for m in paragraph_marks("'Hi,' he said, don't", 0, 20, Style.SINGLE)]
    [0, 4]
    """
    if style is Style.DOUBLE:
        return [double_mark(text, m.start(), lo, hi) for m in _DOUBLE_RE.finditer(text, lo, hi)]
    marks = (single_mark(text, m.start(), lo, hi) for m in _SINGLE_RE.finditer(text, lo, hi))
    return [mark for mark in marks if mark is not None]


def end_before_space(text: str, start: int, limit: int) -> int:
    """End of ``text[start:limit]`` without trailing whitespace (an unclosed quotation's end).

    >>> end_before_space('"Stop  \\n', 0, 8)
    5
    """
    end = limit
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def is_nested(marks: Sequence[Mark], index: int) -> bool:
    """An opener inside a quotation that is a quotation within it: ``"the "Spectator," and"``.

    It is when the mark after it closes and, past any further inner pairs (opener, closer),
    a closer is left for the outer quotation (``'... to say 'good-by,' than 'how do you do.'
    But ... you know.'``); otherwise the outer quotation lacked its closing mark (``"Stop.
    "Wait."``).

    >>> o, c = Mark(0, True, None, True, True), Mark(0, False, "strong", False, False)
    >>> is_nested([o, c, c], 0), is_nested([o, c, o], 0), is_nested([o, c], 0), is_nested([o, c, o, c, c], 0)
    (True, False, False, True)
    """
    if index + 1 >= len(marks) or not closes_only(marks[index + 1]):
        return False
    depth = 1  # the outer quotation
    for mark in marks[index + 2 :]:
        if closes_only(mark):
            depth -= 1
            if depth == 0:
                return True
        elif mark.interrupts:
            depth += 1
    return False


def closes_only(mark: Mark) -> bool:
    return mark.closes == "strong" and not mark.opens


def find_closer(marks: Sequence[Mark], first: int) -> tuple[int | None, int]:
    """Index of the mark closing a quotation opened before ``marks[first]``, and where to go on.

    The first strong closer wins; without one, the first firm closer, else the last weak
    one, before an interrupting opener (or the paragraph's end). Returns ``(None, stop)``
    when nothing closes.

    >>> o, w, f = Mark(0, True, None, True, True), Mark(6, False, "weak", False, False), Mark(9, False, "firm", False, False)
    >>> find_closer([o, w], 1), find_closer([o, f, w], 1)
    ((1, 2), (1, 2))
    """
    weak = firm = None
    index = first
    while index < len(marks):
        mark = marks[index]
        if mark.closes == "strong":
            return index, index + 1
        if mark.closes == "weak":
            weak = index
        elif mark.closes == "firm":
            firm = index if firm is None else firm
        elif mark.interrupts and is_nested(marks, index):
            index += 2  # skip the inner pair; the outer quotation goes on
            continue
        elif mark.interrupts:
            break
        index += 1
    chosen = firm if firm is not None else weak
    if chosen is not None:
        return chosen, chosen + 1
    return None, index


def pair_marks(text: str, marks: Sequence[Mark], hi: int) -> list[Quotation]:
    """Pair a paragraph's marks into quotations, bounded by the paragraph end ``hi``.

    >>> text = '"Stop," he said. "Wait'
    >>> [(q.start, q.end, q.closed) for q in pair_marks(text, paragraph_marks(text, 0, 22, Style.DOUBLE), 22)]
    [(0, 7, True), (17, 22, False)]
    """
    quotations: list[Quotation] = []
    index = 0
    while index < len(marks):
        opener = marks[index]
        if not opener.opens:
            index += 1
            continue
        closer, after = find_closer(marks, index + 1)
        if closer is not None:
            quotations.append(Quotation(opener.pos, marks[closer].pos + 1, True))
            index = after
        elif opener.sure_opener:
            limit = marks[after].pos if after < len(marks) else hi
            quotations.append(Quotation(opener.pos, end_before_space(text, opener.pos, limit), False))
            index = after
        else:
            index += 1  # an ambiguous mark nothing closes: a stray mark, left in narration
    return quotations


def is_mention(text: str, quotation: Quotation, paragraph_start: int) -> bool:
    """A quoted phrase inside a narration sentence: a scare quote, a title, a word, a name.

    Read by the narrator as part of the sentence, not as dialogue. It follows a lower-case
    word (or a sentence-opening article, ``The "Red Death"``) that is not a speech verb
    ("the so-called "doeskin"" yes, "he said "Exactly"" no), and either holds at most
    :data:`MENTION_MAX_WORDS` words or reads as a phrase, not a sentence
    (:func:`reads_as_phrase`). After a naming verb (``was called "the house"``) a phrase or
    a bare name (:func:`is_bare_name`: ``a region called "North'ard".``) is a name even
    though ``called`` is also a speech verb.

    >>> text = 'He wore a "full dress" coat and said "Go."'
    >>> is_mention(text, Quotation(10, 22, True), 0), is_mention(text, Quotation(37, 42, True), 0)
    (True, False)
    """
    if not quotation.closed:
        return False
    inner = text[quotation.start + 1 : quotation.end - 1]
    before = text[paragraph_start : quotation.start]
    if starts_a_clause(before):
        return False
    after = text[quotation.end : quotation.end + 40]
    if words_inside_a_sentence(inner, before, after) or quoted_subject(inner, before, after):
        return True
    words = before.split()
    if not words or not before[-1:].isspace() or not words[-1][-1:].isalpha():
        return False
    last = words[-1]
    if not last[:1].islower() and last.lower() not in ARTICLES:
        return phrase_after_a_capital_word(inner, before)
    phrase = reads_as_phrase(inner)
    if last.lower() in SPEECH_VERBS:
        return (phrase or is_bare_name(inner)) and names_after(words)
    return phrase or len(inner.split()) <= MENTION_MAX_WORDS


def words_inside_a_sentence(inner: str, before: str, after: str) -> bool:
    """Lower-case words quoted in the middle of a narration sentence that goes on after them
    in lower case, with no punctuation inside but a last comma (``before Robert could
    remember, "the house" had been``, ``unlike himself, "met," and had``): the narrator's
    words, unless the sentence so far holds a quotation, or a speech verb in its last
    :data:`TAG_WINDOW_WORDS` words (``He said softly, "maybe" and``; not ``that is to say,
    ..., or, as he expressed it, "tarried," in``), or a speech or thinking verb follows (``("which was not here," said
    Alice)``, ``in it, 'and what is the use of a book,' thought Alice``).

    >>> words_inside_a_sentence("the house", "Before he could remember, ", " had been")
    True
    >>> words_inside_a_sentence("maybe", '"Well," he said, ', " and left"), words_inside_a_sentence("the house", "", " was")
    (False, False)
    >>> words_inside_a_sentence("yeah...", "He blushed, ", ""), words_inside_a_sentence("which was it,", "On it, (", " said Al")
    (False, False)
    """
    core = inner.removesuffix(",")
    if not core[:1].islower() or _PUNCTUATION_RE.search(core):
        return False
    sentence = _SENTENCE_START_RE.split(before)[-1]
    words = _WORD_RE.findall(sentence.lower())
    if not words or _QUOTE_MARK_RE.search(sentence) or SPEECH_VERBS.intersection(words[-TAG_WINDOW_WORDS:]):
        return False
    following = _WORD_RE.findall(after.lower())[:2]
    return _GOES_ON_RE.match(after) is not None and not (SPEECH_VERBS | THINKING_VERBS).intersection(following)


def phrase_after_a_capital_word(inner: str, before: str) -> bool:
    """A phrase (:func:`reads_as_phrase`, no ``!`` or ``?``) quoted right after a capitalised
    word that is not the first of its sentence: ``he was at Geneva "studying."``, ``the
    Boston "Society Contralto,"``; not ``Then "Go home."``, ``He turned to Ron "Go away."``.

    >>> phrase_after_a_capital_word("studying.", "He was at Geneva "), phrase_after_a_capital_word("studying.", "Then ")
    (True, False)
    """
    sentence = _SENTENCE_START_RE.split(before)[-1]
    if len(sentence.split()) < 2 or _QUOTE_MARK_RE.search(sentence) or "!" in inner or "?" in inner:
        return False
    return reads_as_phrase(inner)


def quoted_subject(inner: str, before: str, after: str) -> bool:
    """A few words quoted at a sentence's start, with no punctuation inside, that the sentence
    goes on from as its subject: ``"Side-burns" found nourishment``, ``"THE BOTTOMS"
    succeeded to``. Not when a pronoun, a speech or thinking verb, a conjunction or
    ``came`` follows, nor a capitalised word or a determiner after it (a tag: ``"Hey" he
    said``, ``"Hey" grinned Harry``, ``"Sorry" escaped her lips``, ``"Bye" and she left``).

    >>> quoted_subject("Side-burns", "", " found nourishment"), quoted_subject("Hey", "", " grinned Harry")
    (True, False)
    """
    if _SENTENCE_START_RE.split(before)[-1].strip() or _PUNCTUATION_RE.search(inner):
        return False
    if not inner.strip() or len(inner.split()) > MENTION_MAX_WORDS:
        return False
    following = _FOLLOWING_RE.match(after)
    if following is None:
        return False
    verb, next_word = following.group(1), following.group(2)
    if verb in SUBJECT_PRONOUNS or verb in SPEECH_VERBS | THINKING_VERBS | TAG_STARTS:
        return False
    return not next_word[:1].isupper() and next_word.lower() not in DETERMINERS


def starts_a_clause(before: str) -> bool:
    """The quotation follows a conjunction that opens a new clause (``the girls whispered, and
    "Spiritual!"``, ``"I will"--and "I will!" cried the ladies``): it is said, not named.

    >>> starts_a_clause("she sang, and "), starts_a_clause('"I will"--and '), starts_a_clause("bread and ")
    (True, True, False)
    """
    match = _CLAUSE_START_RE.search(before)
    return match is not None and match.group(1) in CLAUSE_CONJUNCTIONS


def reads_as_phrase(inner: str) -> bool:
    """Quoted words that are no sentence of speech: they open in lower case (``the seafaring
    man with one leg``) or are a title (``The Poet and the Peasant``).

    >>> reads_as_phrase("numerous as the leaves,"), reads_as_phrase("New York Society as I Have Seen It.")
    (True, True)
    >>> reads_as_phrase("Are you all like this?"), reads_as_phrase("Go home.")
    (False, False)
    """
    alphabetic = [c for c in inner if c.isalpha()]
    if alphabetic and alphabetic[0].islower():
        return True
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", inner) if len(w) > 3]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def is_bare_name(inner: str) -> bool:
    """At most :data:`MENTION_MAX_WORDS` words with no punctuation at all, as a name is
    written (``North'ard``, ``Rachel Lynde's husband``); speech has some (``Come here!``).

    >>> is_bare_name("Rachel Lynde's husband"), is_bare_name("Come here!")
    (True, False)
    """
    return bool(inner.strip()) and len(inner.split()) <= MENTION_MAX_WORDS and not _PUNCTUATION_RE.search(inner)


def names_after(words: Sequence[str]) -> bool:
    """The words before a quotation end in a naming verb: ``called``, ``was called``.

    >>> names_after("a room called".split()), names_after("he called".split())
    (True, False)
    """
    if words[-1].lower() not in NAMING_VERBS:
        return False
    previous = words[-2].lower() if len(words) > 1 else ""
    previous = previous.rstrip(",;")
    return previous in BE_FORMS or (previous.isalpha() and previous not in SUBJECT_PRONOUNS)


def quote_style(text: str, paragraphs: Iterable[Span]) -> Style:
    """SINGLE when more quotations open with single marks than with double ones.

    >>> quote_style("'Hi,' she said. 'Go.'", [(0, 21)]).value, quote_style('"Hi," she said', [(0, 14)]).value
    ('single', 'double')
    """
    double_openers = single_openers = 0
    for lo, hi in paragraphs:
        double_openers += sum(m.opens for m in paragraph_marks(text, lo, hi, Style.DOUBLE))
        single_openers += sum(m.opens for m in paragraph_marks(text, lo, hi, Style.SINGLE))
    return Style.SINGLE if single_openers > double_openers else Style.DOUBLE


def dash_dialogue(text: str, paragraphs: Iterable[Span]) -> bool:
    """Whether the text writes dialogue with dashes: at least :data:`MIN_DASH_PARAGRAPHS`
    paragraphs open with a dash, more than twice as many as open with a quote mark (a few
    paragraphs opening with an interrupted sentence, ``—and then``, in a text of quoted
    speech are narration).

    >>> dash_dialogue("—Hi.\\n—Go.\\n—No.", [(0, 4), (5, 9), (10, 14)]), dash_dialogue('"Hi."', [(0, 5)])
    (True, False)
    """
    dashes = marks = 0
    for lo, hi in paragraphs:
        dashes += opens_with_dash(text, lo, hi)
        marks += text[lo:hi].lstrip()[:1] in QUOTE_MARKS
    return dashes >= MIN_DASH_PARAGRAPHS and dashes > 2 * marks


def opens_with_dash(text: str, lo: int, hi: int) -> bool:
    """The paragraph's first visible character is a dash touching a word (``—Come up``, ``--O``)."""
    return DIALOGUE_DASH_RE.match(text, lo, hi) is not None


def dash_quotations(text: str, lo: int, hi: int) -> list[Quotation]:
    """A dash-opened paragraph as speech: all of it, or the parts before and after its first
    inserted tag (a name or pronoun and a speech verb, up to the next punctuation).

    >>> t = "—Thanks, old chap, he cried briskly. That will do."
    >>> [t[q.start:q.end] for q in dash_quotations(t, 0, len(t))]
    ['—Thanks, old chap,', 'That will do.']
    """
    start = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
    tag = _DASH_TAG_RE.search(text, start, hi)
    if tag is None:
        return [Quotation(start, end_before_space(text, start, hi), True)]
    quotations = [Quotation(start, tag.start(), True)]
    rest = tag.end() + len(text[tag.end() : hi]) - len(text[tag.end() : hi].lstrip())
    if rest < hi:
        quotations.append(Quotation(rest, end_before_space(text, rest, hi), True))
    return quotations


def open_at_end(text: str, quotation: Quotation, paragraph_end: int) -> bool:
    """A quotation still open when its paragraph ends (no closing mark, nothing after it).

    >>> open_at_end('"Aaa ', Quotation(0, 4, False), 5), open_at_end('"A" b', Quotation(0, 3, True), 5)
    (True, False)
    """
    return not quotation.closed and quotation.end == end_before_space(text, quotation.start, paragraph_end)


def opens_paragraph(text: str, quotation: Quotation, paragraph_start: int) -> bool:
    """A quotation whose opening mark is the paragraph's first visible character.

    >>> opens_paragraph('x\\n  "Hi"', Quotation(4, 8, True), 2)
    True
    """
    return not text[paragraph_start : quotation.start].strip()


def quotations_in_paragraphs(
    text: str,
    paragraphs: Sequence[Span],
    *,
    style: Style | None = None,
    dashes: bool | None = None,
    join_continued: bool = False,
) -> list[Span]:
    """Quotation spans in ``text`` over consecutive paragraph spans, in order.

    With ``join_continued``, a quotation open at its paragraph's end and a next paragraph
    opening with a quotation become one span across the break (the classic convention).
    ``dashes`` (decided by :func:`dash_dialogue` when None): dash-opened paragraphs are speech.

    >>> quotations_in_paragraphs('"Aaa\\n"Bb," x', [(0, 4), (5, 12)], join_continued=True)
    [(0, 10)]
    """
    style = style or quote_style(text, paragraphs)
    dashes = dash_dialogue(text, paragraphs) if dashes is None else dashes
    spans: list[Span] = []
    tail_open = False  # spans[-1] was still open when the previous paragraph ended
    for lo, hi in paragraphs:
        found = paragraph_quotations(text, lo, hi, style, dashes)
        if join_continued and tail_open and found and opens_paragraph(text, found[0], lo):
            spans[-1] = (spans[-1][0], found[0].end)
            spans.extend((q.start, q.end) for q in found[1:])
        else:
            spans.extend((q.start, q.end) for q in found)
        tail_open = bool(found) and open_at_end(text, found[-1], hi)
    return spans


def paragraph_quotations(text: str, lo: int, hi: int, style: Style, dashes: bool) -> list[Quotation]:
    """The quotations of one paragraph: dash dialogue, or paired quote marks that are no mention."""
    if dashes and opens_with_dash(text, lo, hi):
        return dash_quotations(text, lo, hi)
    if is_epigraph(text, lo, hi):
        return []
    return [q for q in pair_marks(text, paragraph_marks(text, lo, hi, style), hi) if not is_mention(text, q, lo)]


def is_epigraph(text: str, lo: int, hi: int) -> bool:
    """A paragraph that opens with a quote mark and ends, after the quotation's last
    sentence, with a dash and its source: an epigraph, read by the narrator
    (``"Mine ear is open ... Say, is my kingdom lost?"--Shakespeare``, ``"Since I can do no
    good ... near it. --The Maid's Tragedy: BEAUMONT AND FLETCHER.``, ``"..." — Taylor Swift``).
    Not an interrupted line (``"I don't--" Harry began.``: lower-case words).

    >>> t = '"Is my kingdom lost?"--Shakespeare'
    >>> is_epigraph(t, 0, len(t)), is_epigraph('"I was--" Harry stopped.', 0, 24)
    (True, False)
    """
    paragraph = text[lo:hi].strip()
    return paragraph[:1] in QUOTE_MARKS and _EPIGRAPH_SOURCE_RE.search(paragraph) is not None


def paragraph_spans(text: str) -> list[Span]:
    """Spans of the non-blank lines of ``text`` (one paragraph per line).

    >>> paragraph_spans("ab\\n\\n  \\ncd")
    [(0, 2), (7, 9)]
    """
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_quotations(
    text: str, *, style: Style | None = None, dashes: bool | None = None, join_continued: bool = False
) -> list[Span]:
    """``(start, end)`` of every quotation, quote marks included, in a text with one paragraph a line.

    >>> text = '"Hi," she said. “Stop.”'
    >>> [text[s:e] for s, e in find_quotations(text)]
    ['"Hi,"', '“Stop.”']
    """
    return quotations_in_paragraphs(text, paragraph_spans(text), style=style, dashes=dashes, join_continued=join_continued)
