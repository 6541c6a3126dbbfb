"""Story text -> text for speech: small pure rewrites, composed by :func:`for_speech`.

Each rule is measured against espeak-ng 1.52 (phonemes traced from ``espeak_Synth``):

- ``…`` and ``. . .`` -> ``...``: espeak pauses on ``...`` (``Wait... no`` 991 ms against
  912 ms for ``Wait, no``) and says nothing for the dots.
- em/en dashes between words -> ``, `` (a short pause); a dash that ends the text (a cut-off,
  ``Stop--``) -> ``...``, so the line trails off instead of being spoken or dropped.
- stutters ``K-K-Kakashi`` -> ``Ka, Ka, Kakashi``: espeak says ``K-K-`` as letter names
  ("kay kay").
- elongations ``Kakashiii`` -> ``Kakashi``: espeak said "kaka-shi-eye-eye".
- runs of all-caps words (shouting) -> lower case: espeak reads them the same either way;
  lower case keeps other engines from spelling them and lets the lexicon match them.
- decades (``1990s`` was "nineteen hundred ninety z"), currency (``$5.50`` was "dollar
  five point five zero"), ``#1`` ("hash one"), number ranges (``1-2``, "one dash two").
- URLs -> "link to example dot com" (a 33-character URL took 4.9 s of letters).
- the reader-insert placeholder ``Y/N`` ("your name"; ``(y/n)``, ``[Y/N]``, ``F/N``; see
  :mod:`ficaudio.placeholders`) -> "you" (with the verb after it agreeing: "you are") or the
  name set as ``reader:`` in voices.yaml: espeak said "why slash en". ``L/N``, ``M/N`` and
  ``Y/L/N`` (the rest of the name) are dropped; ``[Y/N]`` ending a question is a yes/no prompt.
  The script and transcripts keep ``Y/N`` as written.
- emoji and pictographs are DROPPED, with a comma where they separated words: espeak names
  them ("loudly crying face" x3, "red heart", "right arrow", "tilde"), which breaks the
  story. Text emoticons (``:)``, ``<3``, ``xD``) and ``~`` go the same way.

Words are never dropped: only the rewrites above change a word, and a test checks it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from . import placeholders

if TYPE_CHECKING:
    from .lexicon import Lexicon

QUOTES = "\"'“”‘’«»„‟‹›"

_WHITESPACE = re.compile(r"\s+")
_DASH_BETWEEN_WORDS = re.compile(r"\s*[—–]+\s*|(?<=\w)--+(?=\w)|\s+--+\s+")
_DASH_AT_END = re.compile(r"\s*(?:[—–]+|--+)\s*$")
_HYPHEN_BEFORE_DOTS = re.compile(r"(?<=\w)-+(?=\.\.\.|[!?])")
_HANGING_HYPHEN = re.compile(r"(?<=\w)-(?=\s|$)")
_MARKERS = re.compile(r"(?<!\w)[*_/]+(?=\S)|(?<=\S)[*_/]+(?!\w)")
_SPACED_DOTS = re.compile(r"\.(?:\s\.){2,}")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_STUTTER = re.compile(r"\b((?P<frag>[^\W\d_]{1,2})(?:-(?P=frag))*)-(?P<word>(?P=frag)[^\W\d_]*)", re.IGNORECASE)
_LONG_RUN = re.compile(r"([^\W\d_])\1{2,}", re.IGNORECASE)
_SYLLABLE = re.compile(r"y?[^aeiouy\W]*[aeiouy]*h?", re.IGNORECASE)
_ROMAN = re.compile(r"[IVXLCDM]+")
_CAPS_WORD = r"[A-Z][A-Z'’]+\b"
_SHOUT_RUN = re.compile(rf"\b{_CAPS_WORD}(?:[ ,!?.]+{_CAPS_WORD})+")
_DECADE = re.compile(r"\b(1\d|20)?(\d)0['’]?s\b")
_CURRENCY = re.compile(r"([$£€])(\d[\d,]*)(?:\.(\d\d))?\b")
_NUMBER_SIGN = re.compile(r"#(?=\d)")
_HEIGHT = re.compile(r"\b(\d)\s?['’′]\s?(\d{1,2})\s?(?:[\"”″]|['’′]{2})(?!\w)")
_RANGE = re.compile(r"\b(\d{1,4})\s?[-–]\s?(\d{1,4})\b(?![-–/]\d)")
_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]-?[()DPp3/\\|]|<3+|[xX]D|\^_*\^)(?![^\s.,!?])|~+")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_YES_NO_PROMPT = re.compile(r"(?<=\?)\s*" + placeholders.YES_NO + r"(?=[\s\])>:]*$)")
_HONORIFIC = r"(?P<honorific>-(?i:chan|san|kun|sama|senpai))?"
_YOU_AGREE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}
_VERB = r"(?:(?P<gap>[*_/]*\s+)(?P<verb>(?i:" + "|".join(_YOU_AGREE).replace("'", "['’]") + r"))\b)"
_READER_SAID = re.compile(rf"(?P<name>{placeholders.READER_NAME}(?:\s+{placeholders.OTHER_NAME_PART})*){_HONORIFIC}(?:{placeholders.POSSESSIVE}|{_VERB})?")
_OTHER_NAME_PART_SAID = re.compile(rf"(?:,\s*|\s+)?{placeholders.OTHER_NAME_PART}{placeholders.POSSESSIVE}?")
_YOU_CONTRACTED = re.compile(r"\s+(?:(?P<have>been|got)|not|gonna|going)\b", re.IGNORECASE)
DEFAULT_READER_NAME = "you"  # who Y/N is, said aloud, unless voices.yaml names the reader

TENS = {"2": "twenties", "3": "thirties", "4": "forties", "5": "fifties", "6": "sixties", "7": "seventies", "8": "eighties", "9": "nineties"}
CURRENCY_NAMES = {"$": ("dollar", "dollars"), "£": ("pound", "pounds"), "€": ("euro", "euros")}


# ------------------------------------------------------------------ typography
def collapse_whitespace(text: str) -> str:
    """One space between words, none at the ends.

    >>> collapse_whitespace("line one\\n\\n  line two ")
    'line one line two'
    """
    return _WHITESPACE.sub(" ", text).strip()


def strip_markers(text: str) -> str:
    """Italic markers (``/x/``, ``*x*``, ``_x_``) go; the same characters inside words stay.

    >>> strip_markers("/Please/ and *sigh*, and/or snake_case 5 * 3")
    'Please and sigh, and/or snake_case 5 * 3'
    """
    return _MARKERS.sub("", text)


def strip_quotes(text: str) -> str:
    """Quote marks go; an apostrophe between letters (``don't``) stays.

    >>> strip_quotes("“I don't know,” 'she' said.")
    "I don't know, she said."
    """
    return "".join(ch for i, ch in enumerate(text) if ch not in QUOTES or _is_apostrophe(text, i))


def _is_apostrophe(text: str, index: int) -> bool:
    # Stripping quotes char by char loses "don't": keep ' and ’ with a letter on both sides.
    if text[index] not in "'’" or index == 0 or index + 1 >= len(text):
        return False
    return text[index - 1].isalnum() and text[index + 1].isalnum()


def ellipses(text: str) -> str:
    """``…`` and spaced dots become ``...``, which espeak turns into a pause.

    >>> ellipses("Wait… no. . . fine")
    'Wait... no... fine'
    """
    return _SPACED_DOTS.sub("...", text.replace("…", "..."))


def dashes(text: str) -> str:
    """A dash that ends the text is a cut-off (``...``); one between words is a short pause.

    A hyphen left hanging after a word (``I was going to- He-``) is a cut-off too; the
    hyphens of ``well-known`` stay.

    >>> dashes("Wait—no, I meant -- Stop--")
    'Wait, no, I meant, Stop...'
    >>> dashes("You well-known-...sadistic- I was going to-")
    'You well-known...sadistic... I was going to...'
    """
    text = _HYPHEN_BEFORE_DOTS.sub("", text)
    text = _HANGING_HYPHEN.sub("...", text)
    text = _DASH_AT_END.sub("...", text)
    return _DASH_BETWEEN_WORDS.sub(", ", text)


# ------------------------------------------------------------------ word shapes
def stutters(text: str) -> str:
    """``K-K-Kakashi`` -> ``Ka, Ka, Kakashi``: each fragment becomes the word's first syllable.

    >>> stutters("K-K-Kakashi, I-I'm s-sorry. T-shirt, so-so.")
    "Ka, Ka, Kakashi, I, I'm so, sorry. T-shirt, so-so."
    """
    return _STUTTER.sub(_stutter_repl, text)


def _stutter_repl(match: re.Match) -> str:
    frag, word = match["frag"], match["word"]
    if len(word) == len(frag) and len(frag) > 1:  # "so-so", "no-no": doubled words, not a stutter
        return match[0]
    count = match[1].count("-") + 1
    return ", ".join([first_syllable(word)] * count + [word])


def first_syllable(word: str) -> str:
    """Leading consonants plus the first vowels (and an ``h`` after them): what a stutter repeats.

    >>> [first_syllable(w) for w in ("Kakashi", "Tsunade", "I'm", "what", "yes", "Oh")]
    ['Ka', 'Tsu', 'I', 'wha', 'ye', 'Oh']
    """
    found = _SYLLABLE.match(word)
    return found[0] if found and found[0] else word[:1]


def elongations(text: str) -> str:
    """A letter said three or more times is said once (twice for ``ee``/``oo``/``mm`` before
    a consonant, so ``Coool`` stays "cool" and ``Hmmm`` stays "hmm").

    >>> elongations("Kakashiii! Noooo, Whaaat? Coool. Pleeease. Hmmm. Heeey")
    'Kakashi! No, What? Cool. Please. Hmm. Hey'
    """
    return _LONG_RUN.sub(_elongation_repl, text)


def _elongation_repl(match: re.Match) -> str:
    letter = match[1]
    if _ROMAN.fullmatch(_word_at(match.string, match.start())):  # "Henry VIII", "XXX"
        return match[0]
    after = match.string[match.end() : match.end() + 1]
    keep_two = letter.lower() in "eom" and after.isalpha() and after.lower() not in "aeiouy"
    keep_two = keep_two or (letter.lower() == "m" and not after.isalpha())  # "Hmm", "Mmm"
    return letter * (2 if keep_two else 1)


def _word_at(text: str, index: int) -> str:
    start = index
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = index
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def shouting(text: str) -> str:
    """Two or more all-caps words in a row are shouting: lower case, sentence starts kept.

    A lone caps word (``ANBU``, ``FBI``) may be an acronym and stays as it is.

    >>> shouting("I said GET OUT OF HERE! NOW. The FBI came.")
    'I said Get out of here! Now. The FBI came.'
    """
    return _SHOUT_RUN.sub(_calm, text)


def _calm(match: re.Match) -> str:
    parts = re.split(r"([ ,!?.]+)", match[0])  # words at even indices, separators between
    out = []
    for index, part in enumerate(parts):
        starts_sentence = index == 0 or (index % 2 == 0 and re.search(r"[.!?]", parts[index - 1]))
        out.append(part[0] + part[1:].lower() if starts_sentence else part.lower())
    return "".join(out)


# ------------------------------------------------------------------ numbers and symbols
def decades(text: str) -> str:
    """``1990s`` -> ``19 nineties``, ``90s`` -> ``nineties`` (espeak said "ninety z").

    >>> decades("the 1990s, the '80s and the 1900s")
    "the 19 nineties, the 'eighties and the 19 hundreds"
    """
    return _DECADE.sub(_decade_repl, text)


def _decade_repl(match: re.Match) -> str:
    century, tens = match[1], match[2]
    if tens == "0" and century == "20":
        return "2 thousands"
    if tens == "0":
        return f"{century} hundreds" if century else match[0]
    if tens == "1":  # "1910s": espeak's own "nineteen tens" is as good as anything
        return f"{century or ''} tens".strip()
    return f"{century} {TENS[tens]}" if century else TENS[tens]


def currency(text: str) -> str:
    """``$5.50`` -> ``5 dollars 50`` (espeak said "dollar five point five zero").

    >>> currency("It cost $1, then £20.50 and €3,000.")
    'It cost 1 dollar, then 20 pounds 50 and 3,000 euros.'
    """

    def repl(match: re.Match) -> str:
        one, many = CURRENCY_NAMES[match[1]]
        name = one if match[2] == "1" else many
        return f"{match[2]} {name} {match[3]}" if match[3] and match[3] != "00" else f"{match[2]} {name}"

    return _CURRENCY.sub(repl, text)


def heights(text: str) -> str:
    """``6'2"`` -> ``6 foot 2`` (the inch mark would be taken for a quotation mark and lost).

    >>> heights("She was 5’4”, he was 6′2″ tall.")
    'She was 5 foot 4, he was 6 foot 2 tall.'
    """
    return _HEIGHT.sub(r"\1 foot \2", text)


def number_signs(text: str) -> str:
    """``#1`` -> ``number 1`` (espeak said "hash one").

    >>> number_signs("She was #1.")
    'She was number 1.'
    """
    return _NUMBER_SIGN.sub("number ", text)


def ranges(text: str) -> str:
    """``1-2`` -> ``1 to 2`` (espeak said "one dash two"); dates like ``2020-01-02`` stay.

    >>> ranges("pages 10-12, in 2020-01-02")
    'pages 10 to 12, in 2020-01-02'
    """
    return _RANGE.sub(lambda m: m[0] if _in_date(m) or _is_phone(m) else f"{m[1]} to {m[2]}", text)


def _is_phone(match: re.Match) -> bool:
    return len(match[1]) == 3 and len(match[2]) == 4  # "555-1234"


def _in_date(match: re.Match) -> bool:
    before = match.string[max(0, match.start() - 1) : match.start()]
    return before in "-/" and before != ""


def urls(text: str) -> str:
    """A URL becomes "link to" and its site, dots spoken.

    >>> urls("see https://www.example.com/a?b=1 now, or www.fanfiction.net.")
    'see link to example dot com now, or link to fanfiction dot net.'
    """
    return _URL.sub(_url_repl, text)


def _url_repl(match: re.Match) -> str:
    url = match[0].rstrip(".,;:!?)")
    trailing = match[0][len(url) :]
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).split("/")[0].split("?")[0]
    host = host.split(":")[0]  # a port is noise
    return f"link to {' dot '.join(p for p in host.split('.') if p)}{trailing}"


def is_pictograph(ch: str) -> bool:
    """Emoji, pictographs, arrows and their modifiers (variation selectors, skin tones, ZWJ).

    >>> [is_pictograph(c) for c in "a😭❤→♥é"]
    [False, True, True, True, True, False]
    """
    if ch in "\u200d\ufe0f\ufe0e\u20e3":
        return True
    code = ord(ch)
    if code < 0x2000 or 0x2100 <= code <= 0x214F:  # keep °, ©, ™, №: espeak names them well
        return False
    if 0x2190 <= code <= 0x21FF or 0x27F0 <= code <= 0x297F:  # arrows are "math symbols"
        return True
    category = unicodedata.category(ch)
    return category == "So" or (category == "Sk" and 0x1F3FB <= code <= 0x1F3FF)


def pictographs(text: str) -> str:
    """Emoji and text emoticons are dropped; a comma stands where they split words.

    >>> pictographs("Oh my god 😭😭 I can't :) see you <3 later~")
    "Oh my god, I can't, see you, later"
    """
    text = _EMOTICON.sub("\ufffc", text)
    text = "".join("\ufffc" if is_pictograph(ch) else ch for ch in text)
    text = re.sub(r"\s*\ufffc[\ufffc\s]*", "\ufffc", text)
    text = re.sub(r"(?<=\w)\ufffc(?=\w)", ", ", text)
    return re.sub(r"\ufffc(?=[.,!?;:]|$)", "", text).replace("\ufffc", " ")


def reader_placeholders(text: str, reader: str = DEFAULT_READER_NAME) -> str:
    """``Y/N`` (also ``y/n``, ``(Y/N)``, ``[Y/N]``, ``F/N``) -> ``reader``; ``Y/N's`` -> "your"
    for "you", else the name's. The rest of the name (``L/N``, ``M/N``, ``Y/L/N``) is not said;
    ``[Y/N]`` ending a question is a yes/no prompt.

    >>> reader_placeholders("(Y/N)'s phone buzzed. “Y/N L/N, wait!” and/or y/no")
    'your phone buzzed. “you, wait!” and/or y/no'
    >>> reader_placeholders("[y/n] laughed; F/N’s turn, Miss L/N.", "Sam")
    'Sam laughed; Sam’s turn, Miss.'
    >>> reader_placeholders("Accept the quest? [Y/N]")
    'Accept the quest? yes or no'

    Said as "you", the verb after it agrees, ``Y/N's been`` is "you've been" and an honorific
    goes (a story that tells of the reader as "she" reads better with a name set):

    >>> reader_placeholders("Y/N was late, so Y/N-chan's gonna run; Y/N's bag")
    "you were late, so you're gonna run; your bag"
    """
    if "/" not in text:
        return text  # every placeholder has its slash
    text = _YES_NO_PROMPT.sub(" yes or no", text)

    def said(match: re.Match) -> str:
        if reader.lower() != "you":
            return reader + match.string[match.end("name"):match.end()]
        if match["verb"]:
            return reader + match["gap"] + _YOU_AGREE[match["verb"].lower().replace("’", "'")]
        if match["possessive"]:
            contracted = _YOU_CONTRACTED.match(match.string, match.end())
            return reader + ("'ve" if contracted and contracted["have"] else "'re" if contracted else "r")
        return reader

    return _OTHER_NAME_PART_SAID.sub("", _READER_SAID.sub(said, text))


def tidy(text: str) -> str:
    """Punctuation left stranded by the rewrites: ``, .`` -> ``.``, no leading comma.

    >>> tidy(" , Wait , no ,. Fine,")
    'Wait, no. Fine'
    """
    text = collapse_whitespace(text)
    text = re.sub(r"\s+([,.!?;:])", r"\1", text)
    text = re.sub(r",+(?=[.!?;:,])", "", text)
    return text.strip(" ,")


# ------------------------------------------------------------------ composition
NUMBER_RULES = (heights, decades, currency, number_signs, ranges)  # before dashes: "1–2" is a range; before quotes go
STORY_RULES = (strip_markers, strip_quotes, ellipses, dashes)
WORD_RULES = (stutters, elongations, shouting)


def for_speech(text: str, lexicon: Lexicon | None = None, reader: str = DEFAULT_READER_NAME) -> str:
    """Story text as it should be sent to the engine; ``reader``: who ``Y/N`` is.

    URLs go first (their slashes and dots would look like markers and stops), then the
    reader placeholder (before quote marks go, so ``(Y/N)'s`` keeps its apostrophe), the
    lexicon last (so ``Kakashiii`` is ``Kakashi`` before it is looked up).

    >>> for_speech("“Wait—no. /Please/,” he said… K-K-Kakashi!!! 😭")
    'Wait, no. Please, he said... Ka, Ka, Kakashi!!!'
    """
    text = urls(collapse_whitespace(text))
    text = reader_placeholders(pictographs(text), reader)
    for rule in (*NUMBER_RULES, *STORY_RULES, *WORD_RULES):
        text = rule(text)
    text = tidy(text)
    return lexicon.apply(text) if lexicon is not None else text


def has_letters_or_digits(text: str) -> bool:
    """True when an engine has something to say.

    >>> has_letters_or_digits("... —"), has_letters_or_digits("7")
    (False, True)
    """
    return bool(_LETTER_OR_DIGIT.search(text))
