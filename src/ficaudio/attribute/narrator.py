"""The first-person narrator's name, learnt from how the text names them; the voice of the reader a story is told to."""

from __future__ import annotations

import re
from collections import Counter

from ficaudio import letters
from ficaudio.attribute.aliases import writes_word
from ficaudio.attribute.calls import answers_with_own_name
from ficaudio.attribute.document import Document, Mention, told_to_you
from ficaudio.attribute.lexicon import same_title
from ficaudio.attribute.mentions import READER_PLACEHOLDER, name_runs, words, writes_reader_placeholder, written_at
from ficaudio.attribute.resolve import FIRST_PERSON_NAME, narrated_in_first_person
from ficaudio.attribute.names import is_listed_given_name, name_prior
from ficaudio.attribute.rules import Decision, address_phrases, calls_in_the_room, names_in_answer, quote_context, tag_after_quote, tag_before_quote, vocatives_in

_NAME = r"((?:Mr\.?|Mrs\.?|Miss|Dr\.?)?\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
_SELF_NAMING = letters.compile(
    r"\b(?:[Mm]y name (?:is|was)|[Cc]all me|called myself|came to be called|I am called|I was called|I was named|I'm called"
    r"|(?:[Tt]hey|[Pp]eople|[Ee]veryone|[Ee]verybody|[Ff]olks|[Mm]en) (?:call|called|calls) me|I (?:am|was) known as)\s+" + _NAME
)
# Why a separate pattern: an appositive after `I` (`I, Sallie McBride, ...`) and `I am X` in
# narration name the narrator, but only a name closed by a comma, dash or full stop is one
# (`I am Glad to ...` is not a name); `I am` is kept to narration, never a quotation.
_SELF_APPOSITION = letters.compile(r"(?:^|[^\w'’])I,\s+" + _NAME + r"\s*(?:,|--|—)")
_SELF_STATEMENT = letters.compile(r"\bI(?: am|'m|’m| was)\s+" + _NAME + r"\s*(?:[,.;!]|--|—)")
# Why only the narrator's own speech: a quotation that is just a full or titled name
# (`"Jonathan Harker."`) or a name followed by `your ...`/`at your service` presents its
# speaker; anyone else's such line may name a third person.
_SELF_PRESENTATION = letters.compile(
    r"[\"“‘'_]*((?:Mr\.?|Mrs\.?|Miss|Dr\.?)\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|[A-Z][\w'’-]*\s+[A-Z][\w'’-]*)"
    r"(?:\.[\"”’'_]*$|,\s+(?:your|at your)\b)"
)
_SELF_ALIAS = letters.compile(
    r"\b(?:idea|picture|portrait|description) of\s+" + _NAME + r",\s+(?:commonly|usually|generally|otherwise|better) (?:called|known)"
)
_SELF_REFLEXIVE = letters.compile(r"\b" + _NAME + r",?\s+(?:that is(?: to say)?,?\s+)?(?:myself|(?:that|this) is me)\b")


def name_first_person(doc: Document, decisions: dict[int, Decision]) -> dict[str, str]:
    """``{"I": name}`` when the text tells the narrator's name, else ``{}``; in a story told
    to you, the reader's voice (:func:`reader_name`).

    Three sources, the first that answers wins: :func:`self_named` (``My name is Pip``,
    ``I called myself Pip``), :func:`pov_tagged` (the work's tags: ``Pip POV``) and
    :func:`addressed_narrator` (others keep addressing a person the narration never names as a
    subject: ``"Pip, come here"``). Every name found for
    the narrator maps to the one shown: the name others call them by most (:func:`most_called`),
    not necessarily the one they give themself.
    """
    if not any(d.speaker == FIRST_PERSON_NAME for d in decisions.values()):
        return {}
    if told_to_you(doc):
        return {FIRST_PERSON_NAME: reader_name(doc)}
    name = self_named(doc, decisions) or pov_tagged(doc) or addressed_narrator(doc, decisions)
    if not name:
        return {}
    add_called_full_forms(doc, name)
    calls = calls_by_others(doc, decisions)
    names = [name, *vocative_only_names(doc, decisions, name, calls)]
    shown = most_called(calls, names)
    add_called_given_name(doc, decisions, shown)
    if listed := listed_full_name(doc, names, decisions):
        add_listed_full_name(doc, listed)
        speakers = {d.speaker for d in decisions.values()}
        names += [w for w in listed.split() if w not in names and w not in speakers and doc.roster.by_name(w)]
    return {FIRST_PERSON_NAME: shown, **{other: shown for other in names if other != shown}}


_NARRATOR_TAGS = frozenset({"first_person_tag", "first_person_action_beat"})  # the narrator's own line, read from its paragraph


def listed_full_name(doc: Document, names: list[str], decisions: dict[int, Decision]) -> str | None:
    """The narrator's full name in a fan fiction header's cast (``Characters: Wren Castellano,
    Anton Mercer``): the one listed full name with a word that is already one of the
    narrator's ``names`` or that the quotations call more often than the narration (less its
    front matter) writes it (in quotations not tagged as the narrator's own: ``"Castellano."``,
    ``"Nobody here is a genius, Castellano."``; ``"I know, Tomas," I said`` calls someone
    else),
    whose other words the narration never writes (``Wren``: someone the narration writes of
    in the third person is not ``I``; ``Mercer yells`` keeps ``Anton Mercer`` off), and no
    other listed name shares that word. Nor a name whose word another person's short name
    opens (``Tamsin Ortega`` is ``Tam``'s, whom the narration writes). Two such names, or
    none, say nothing.
    """
    listed = [n.split() for n in doc.header.cast_names(doc.text) if len(n.split()) > 1]
    if not listed:
        return None
    narration = story_narration(doc)
    written = Counter(re.findall(r"[\w'’-]+", narration))
    called: Counter = Counter()
    for index, decision in decisions.items():
        if decision.rule not in _NARRATOR_TAGS:
            called.update({w for phrase in address_phrases(doc.segments[index].text) for w in phrase.rstrip(".").split()})
    shared = Counter(w for n in listed for w in set(n))
    clips = {p.name for p in doc.roster.people if len(p.name) >= 3 and " " not in p.name and p.name not in names}
    fits = [n for n in listed
            if any(shared[w] == 1 and (w in names or called[w] > written[w]) for w in n)
            and not any(written[w] for w in n if w not in names and called[w] <= written[w])
            and not any(w != c and w.startswith(c) for w in n for c in clips)]
    return " ".join(fits[0]) if len(fits) == 1 else None


def add_listed_full_name(doc: Document, listed: str) -> None:
    """The listed full name and its given name (``Edmund`` of ``Dr. Edmund Hale``) become
    names of the narrator (aliases, no uses)."""
    narrator = doc.roster.by_name(FIRST_PERSON_NAME)
    runs = name_runs(words(listed), listed)
    given = [runs[0].words[0]] if runs and len(runs[0].words) > 1 else []
    for form in (listed, *given):
        if narrator is not None and doc.roster.lookup(form) in (None, narrator):
            narrator.forms.setdefault(form, 0)


def most_called(calls: Counter, names: list[str]) -> str:
    """Of the narrator's names, the one others call them by most (the first on a tie):
    ``Biscuit``, called by every friend, over ``Cedar Cabin``, the cabin's name once put to them."""
    return max(names, key=lambda n: calls[n])


READER = "You"


def reader_name(doc: Document) -> str:
    """The voice of the reader a story is told to: ``Y/N`` where the text writes the
    placeholder for "your name" (the reader-insert convention), else ``You``; never a name
    others call them, since the reader has none of their own."""
    return READER_PLACEHOLDER if writes_reader_placeholder(doc.text) else READER


def add_called_full_forms(doc: Document, name: str) -> None:
    """Names in quotations that lengthen the narrator's short name and belong to nobody else
    are the narrator's full name (``Mari`` is ``"Marisol. Did you ..."``, ``"Marisol Abara."``):
    they become more names of that person.

    >>> full_forms_of("Mari", ["Marisol", "Maria Lopez", "Mari", "Marc", "Marisol Abara"])
    ['Marisol', 'Marisol Abara']
    """
    person = doc.roster.by_name(name)
    if person is None:
        return
    quotes = [text for i in doc.paragraph_of if _may_lengthen(name, text := doc.segments[i].text)]
    runs = [r for text in quotes for r in name_runs(words(text), text)]
    forms = [r.form for r in runs if doc.roster.resolve(r) in (None, person)]
    for form in full_forms_of(name, forms):
        person.forms[form] += 1


def add_called_given_name(doc: Document, decisions: dict[int, Decision], name: str) -> None:
    """A narrator others know by title and surname (``"Mr. Halloran."``) whom a quotation
    calls by a name nobody else bears has that name too: a clip of the surname (``"I know,
    Hal."``), or a given name the narration never writes (their mother's remembered ``"Don't
    look for it, Kit."``; one such given name only, two say nothing). Each becomes one more
    name of that person. Only quotations calling one name count (``"Night, Halloran"`` is a
    greeting and a name, not two names).
    """
    person = doc.roster.by_name(name)
    runs = name_runs(words(name), name)
    if person is None or not runs or not runs[0].title or len(runs[0].words) != 1:
        return
    surname = runs[0].words[0]
    others = narrator_calls(doc, decisions)
    called = {phrases[0].rstrip(".") for i, d in decisions.items() if d.speaker != FIRST_PERSON_NAME
              and len(phrases := address_phrases(doc.segments[i].text)) == 1}
    called = {n for n in called if " " not in n and n != surname and n not in others and doc.roster.lookup(n) is None}
    clips = [n for n in called if surname.startswith(n) and len(n) >= 3]
    narration = story_narration(doc)
    given = [n for n in called if n not in clips and is_listed_given_name(n) and not writes_word(narration, n)]
    for form in clips + (given if len(given) == 1 else []):
        person.forms[form] += 1


def _may_lengthen(short: str, quote: str) -> bool:
    """Whether a quotation may hold a name lengthening ``short``: it writes ``short`` (a
    name's words are the text's own), or a slash (the reader's placeholder, written ``Y/N``
    however the text spells it)."""
    return short in quote or "/" in quote


def full_forms_of(short: str, forms: list[str]) -> list[str]:
    """The forms whose given name lengthens ``short`` by at least two letters (``Mari`` ->
    ``Marisol``, not ``Maria``)."""
    return sorted({f for f in forms if f.split()[0].startswith(short) and len(f.split()[0]) > len(short) + 1})


def self_named(doc: Document, decisions: dict[int, Decision]) -> str | None:
    """The name the narrator gives themselves in narration or in their own speech: a line their
    own paragraph gives them (``I said``, ``I shrugged.``), not one turn taking guessed, which may
    be another's ``"You may call me Mr. Aurelian."``.

    Example: ``So, I called myself Pip, and came to be called Pip.`` -> ``Pip``;
    ``Me--I, Sallie Brown, the head of it`` -> ``Sallie Brown`` (:func:`self_description`);
    the narrator's own ``"Jonathan Harker."`` or ``"Mr. Lockwood, your new tenant, sir."``.
    """
    narration = [span for para in doc.paragraphs for span in para.narration(doc.segments)]
    tagged = {i for i, d in decisions.items() if d.speaker == FIRST_PERSON_NAME and d.rule in _NARRATOR_TAGS}
    tagged |= {i for para in doc.paragraphs if tagged & set(para.quotes) for i in para.quotes
               if (d := decisions.get(i)) and d.speaker == FIRST_PERSON_NAME and d.rule == "same_paragraph_continuation"}  # '"Hi," I said. "My name is Wren."'
    own_speech = [(doc.segments[i].start, doc.segments[i].end) for i in sorted(tagged)]
    found: Counter = Counter()
    last: dict[str, int] = {}  # where a name was last given: of two given as often, the later wins ("My name was Philip, but I called myself Pip")
    for start, end in narration + own_speech:
        for pattern in (_SELF_NAMING, _SELF_APPOSITION):
            for m in pattern.finditer(doc.text, start, end):
                name = _canonical(doc, m.group(1))
                found[name] += 1
                last[name] = max(last.get(name, -1), m.start())
    for start, end in own_speech:
        found.update(_canonical(doc, m.group(1)) for m in [_SELF_PRESENTATION.match(doc.text[start:end])] if m and _a_name(doc, m.group(1)))
    for start, end in narration:
        found.update(self_description(doc, start, end))
    found.pop(None, None)
    return max(found, key=lambda n: (found[n], last.get(n, -1))) if found else None


_TITLED = letters.compile(r"(?:Mr|Mrs|Miss|Dr)\b")


def _a_name(doc: Document, phrase: str) -> bool:
    """Whether a quotation's two capitalised words are a name: titled, a person of the roster,
    or opening on a given name the first-names list knows (``"Jonathan Harker."``), not a
    wish or a thanks (``"Bless Jun."``)."""
    runs = name_runs(words(phrase), phrase)
    return bool(_TITLED.match(phrase)) or bool(runs) and doc.roster.resolve(runs[0]) is not None or is_listed_given_name(phrase.split()[0])


def pov_tagged(doc: Document) -> str | None:
    """The person a tag of the work's header gives the point of view, one of the roster or of
    the header's ``Characters:`` field: in a story told as ``I``, ``Tags: Fluff, Nell POV``
    names the narrator Nell, though no one calls her by name (:meth:`Header.pov_names`)."""
    listed = {word for entry in doc.header.cast_names(doc.text) for word in entry.split()}
    for phrase in doc.header.pov_names(doc.text):
        runs = name_runs(words(phrase), phrase)
        if runs and (person := doc.roster.resolve(runs[0])):
            return person.name
        if runs and set(phrase.split()) <= listed:
            return phrase
    return None


def self_description(doc: Document, start: int, end: int) -> list[str]:
    """Known characters the narration equates with the narrator: ``I am X`` in narration
    (never inside a quotation, where it introduces the speaker), ``X, that is, myself`` and a
    self-portrait ending ``you will get a very fair idea of X, commonly called Y``.

    Only names the roster already knows count (``I am Glad.`` names nobody), except before an
    alias clause, which shows a name by itself.
    Example: ``I was Tom Hale, then.`` -> ``Tom Hale`` when Tom Hale is a character.
    """
    # The alias clause itself shows a person's name (`X, commonly called Y`): X need not be known.
    names = [_canonical(doc, m.group(1)) for m in _SELF_ALIAS.finditer(doc.text, start, end)]
    for pattern in (_SELF_STATEMENT, _SELF_REFLEXIVE):
        for m in pattern.finditer(doc.text, start, end):
            person = doc.roster.resolve_phrase(m.group(1))
            if person is not None:
                names.append(person.name)
    return names


def story_narration(doc: Document) -> str:
    """The narration of the story (not its front matter), paragraphs joined by spaces."""
    return " ".join(doc.text[s:e] for p in doc.paragraphs if not p.front_matter for s, e in p.narration(doc.segments))


def story_names(doc: Document) -> list[Mention]:
    """The name mentions of the narration, the front matter's aside (a header's ``Characters:
    Biscuit, Cal`` lists the narrator's name without seeing them from outside)."""
    return [m for p in doc.paragraphs if not p.front_matter for m in p.mentions if m.kind == "name"]


def _canonical(doc: Document, phrase: str) -> str | None:
    """The roster name of the first name in ``phrase``, or that name as written where no one on
    the roster bears it; None where ``phrase`` holds no name."""
    runs = name_runs(words(phrase), phrase)
    if not runs:
        return None
    person = doc.roster.resolve(runs[0])
    return person.name if person else runs[0].form


def addressed_narrator(doc: Document, decisions: dict[int, Decision]) -> str | None:
    """A name others address while the narration never makes it a subject: the narrator. In
    this order: a name addressed twice or more; the name an answer to the narrator's own line
    calls them (:func:`called_in_reply`); a name addressed once whose bearer never speaks and
    is never the subject of narration. Never one the narration names in the third person, as
    a family or under its title spelt another way (:func:`seen_from_outside`).

    Example: in a story told as ``I said``, ``"Pip, come here"`` and ``"Well, Pip?"`` said
    by others, with ``Pip`` never the subject of a narration sentence -> Pip. Never a name the
    narrator's own quotations call someone (:func:`narrator_calls`).
    """
    addressed: Counter = Counter()
    for index, decision in decisions.items():
        if decision.speaker != FIRST_PERSON_NAME and not names_in_answer(quote_context(doc, index)):
            addressed.update(set(calls_in_the_room(doc, doc.segments[index].text)))
    subjects = Counter(m.person for m in story_names(doc) if m.subject)
    speakers = Counter(d.speaker for d in decisions.values())
    others = narrator_calls(doc, decisions)
    often = [n for n, count in addressed.most_common() if n not in others and count >= 2 and subjects[n] < count]
    once = [n for n, count in addressed.most_common() if n not in others and count == 1 and subjects[n] == 0 and speakers[n] <= 1]
    return _first_not_seen_from_outside(doc, often) or _first_not_seen_from_outside(doc, [called_in_reply(doc, decisions)]) or _first_not_seen_from_outside(doc, once)


def _first_not_seen_from_outside(doc: Document, names: list[str | None]) -> str | None:
    """The first of ``names`` that the narration never writes of someone in the third person
    (:func:`seen_from_outside`)."""
    return next((n for n in names if n and not seen_from_outside(doc, n)), None)


def seen_from_outside(doc: Document, name: str) -> bool:
    """Whether the narration writes ``name`` of someone in the third person: another of the
    family (:func:`named_as_family_in_narration`) or the same titled person spelt another way
    (:func:`titled_surname_in_narration`)."""
    return named_as_family_in_narration(doc, name) or titled_surname_in_narration(doc, name)


def titled_surname_in_narration(doc: Document, name: str) -> bool:
    """Whether the narration writes a titled ``name``'s surname for someone under the same
    title however spelt, or bare: ``Dr. Strand turned`` and ``Strand turned`` are the ``"Yes,
    Doctor Strand?"`` others say, a person seen from outside, never ``I``. Another title is
    another person (``Mrs. Hale`` in the narration leaves the ``Mr. Hale`` others call free).
    """
    runs = name_runs(words(name), name)
    if not runs or not runs[0].title:
        return False
    title, surname = runs[0].title, runs[0].words[-1]
    return any(run.words[-1] == surname and (run.title or len(run.words) == 1) and _same_title(run.title, title)
               for para in doc.paragraphs for m in para.mentions if m.kind == "name" and (surname in m.text or surname == READER_PLACEHOLDER)  # read where written
               for run in name_runs(words(m.text), m.text)[:1])


def _same_title(title: str | None, other: str) -> bool:
    """Whether a name's ``title`` (None: a bare surname) may be ``other`` however spelt.

    >>> _same_title("dr", "doctor"), _same_title(None, "doctor"), _same_title("mrs", "mr")
    (True, True, False)
    """
    return title is None or same_title(title, other)


def named_as_family_in_narration(doc: Document, name: str) -> bool:
    """Whether the narration gives ``name``'s family name to someone else it knows by given
    name (``Bed nine was Tilly Marchant``, Tilly being a person of the story): that family is
    described in the third person, so ``Mr. Marchant`` whom others address is not ``I``."""
    surname = name.split()[-1]
    full_name = letters.compile(r"\b([A-Z][\w'’-]*) " + re.escape(surname) + r"\b")
    person = doc.roster.by_name(name)
    return any((given := doc.roster.lookup(m.group(1))) and given is not person
               for start, end in narration_writing(doc, surname)
               for m in full_name.finditer(doc.text, start, end))


def narration_writing(doc: Document, word: str) -> list[tuple[int, int]]:
    """The narration spans that write ``word`` (found where the text writes it, not by
    reading every span), in order."""
    found: list[tuple[int, int]] = []
    for at in written_at(doc.text, word):
        span = doc.narration_span_at(at)
        if span and at + len(word) <= span[1] and (not found or found[-1] != span):
            found.append(span)
    return found


def called_in_reply(doc: Document, decisions: dict[int, Decision]) -> str | None:
    """The name that answers to the narrator's own lines call them by: the first quotation of
    a paragraph right after one that ends on the narrator's quotation, spoken by someone else,
    opening or closing on a name (the roster's, or a given name the first-names list knows;
    never one inside a quotation it quotes, nor one the narrator calls someone, nor a subject
    of the narration).

    Example: ``"What does Bessie say I have done?" I asked.`` / ``"Jane, I don't like
    cavillers ..."`` -> Jane, though the text never writes Jane again; not ``Master Reed`` from
    ``"Say, 'What do you want, Master Reed?'"``, the words the narrator is told to say.
    """
    called: Counter = Counter()
    for index in replies_to_narrator(doc, decisions):
        text = _INNER_QUOTATION.sub(" ", doc.segments[index].text)
        called.update({name for phrase in address_phrases(text) if (name := _called_name(doc, phrase, text))})
    subjects = {m.person for m in story_names(doc) if m.subject}
    others = narrator_calls(doc, decisions)
    return next((name for name, _ in called.most_common() if name not in others and name not in subjects), None)


# a quotation inside a quotation: opened after a space, closed after its punctuation
_INNER_QUOTATION = letters.compile(r"(?<=\s)['‘“\"][^'‘’“”\"]*[.!?,]['’”\"]")


def replies_to_narrator(doc: Document, decisions: dict[int, Decision]) -> list[int]:
    """Quotations that answer the narrator: the first of a paragraph whose paragraph before
    ends on a quotation of the narrator's, and not the narrator's own, with the rest of that
    paragraph's quotations its speaker goes on with (``"Your mother," Dr. Vell said, "is a
    sensible woman. Go to bed, Mr. Ashcombe."``)."""
    replies = []
    for before, para in zip(doc.paragraphs, doc.paragraphs[1:]):
        if not (before.quotes and para.quotes) or para.scene_start:
            continue
        last, first = decisions.get(before.quotes[-1]), decisions.get(para.quotes[0])
        if last and last.speaker == FIRST_PERSON_NAME and (first is None or first.speaker != FIRST_PERSON_NAME):
            replies.append(para.quotes[0])
            replies.extend(i for i in para.quotes[1:] if first and (d := decisions.get(i)) and d.speaker == first.speaker)
    return replies


def _called_name(doc: Document, phrase: str, quote: str) -> str | None:
    """Who ``phrase`` calls in ``quote``: a person of the roster, or a given name that opens or
    closes a quotation saying more than the name (``"Jane, sit down."``, ``"Go to bed, Tobias."``; not ``"Jane Eyre."``,
    an answer, nor ``"..., Grimpen, Devon. House-surgeon ..."``, a list)."""
    phrase = phrase.rstrip(".")  # "Go to bed, Tobias." calls Tobias
    runs = name_runs(words(phrase), phrase)
    said = quote.strip("\"“”‘’'_ .,!?")
    if not runs or said == phrase:
        return None
    if person := doc.roster.resolve(runs[0]):
        return person.name
    at_edge = said.startswith(phrase) or said.endswith(phrase)
    return runs[0].form if at_edge and name_prior(runs[0].words[0])[1] > 0 else None


def narrator_calls(doc: Document, decisions: dict[int, Decision]) -> set[str]:
    """The names the narrator's own quotations address: people other than the narrator
    (``"You're late, Gravy," I said.`` -> Gravy is never ``I``, however often others call him);
    not the narrator's own name said into a phone (``"Dunmore," I said into it.``)."""
    mine = ((i, vocatives_in(doc, doc.segments[i].text)) for i, d in decisions.items() if d.speaker == FIRST_PERSON_NAME)
    return {n for i, called in mine if called and not answers_with_own_name(doc, i) for n in called}


_TAG_RULES = frozenset({"explicit_tag", "named_action_beat"})


def vocative_only_names(doc: Document, decisions: dict[int, Decision], narrator: str, addressed: Counter) -> list[str]:
    """Names that live mostly as what others call someone -- addressed at least twice, written
    in the narration less often than that, never named by a tag -- are more names of the
    narrator: in a first-person story the one others keep addressing is the ``I`` they talk to.

    Example: narration in ``I``; the captain says ``"You're on watch, Hollis."`` and ``"Now,
    Hollis!"``, the princess says ``"Sit, Wren."``; ``Hollis`` is nowhere in the narration ->
    ``Hollis`` is the narrator (already named Wren), not a second person who answers. A surname
    read once off a list (``Ashby and Keller, Greenhouse Three.``) and called twice (``"Look,
    Ashby."``, ``"Sing, Ashby!"``) is one too. ``addressed``: :func:`calls_by_others`.
    """
    in_narration = Counter(m.person for m in story_names(doc))
    tagged = {d.speaker for d in decisions.values() if d.rule in _TAG_RULES}
    return [n for n, count in addressed.items() if count >= 2 and n != narrator and in_narration[n] < count
            and n not in tagged and not seen_from_outside(doc, n)]


def calls_by_others(doc: Document, decisions: dict[int, Decision]) -> Counter:
    """How many quotations not the narrator's call each name (once a quotation)."""
    addressed: Counter = Counter()
    for index, decision in decisions.items():
        if decision.speaker != FIRST_PERSON_NAME:
            addressed.update(set(calls_in_the_room(doc, doc.segments[index].text)))
    return addressed


def addressed_only_names(doc: Document) -> frozenset[str]:
    """Before any quotation is attributed: in a first-person story, the names quotations
    address (at least twice) that the narration never writes are what others call the
    narrator, so a quotation addressing one is not the narrator's (see
    :func:`ficaudio.attribute.rules.narrator_addressed`).

    Example: narration in ``I``; ``"Sit, Wren."``, ``"Wren! WREN! Left!"``; ``Wren`` never
    in the narration -> {Wren}. A companion the narration names (``Dray looks at me``) is not one,
    nor a name at least half of whose calls the narrator's own tagged lines make
    (:func:`tagged_to_narrator`): one such line may be a greeting at the narrator's door (``I
    knock and the door flies open. "Nell! You came!"``), not the narrator's call.
    """
    if not narrated_in_first_person(doc):
        return frozenset()
    addressed: Counter = Counter()
    own: Counter = Counter()
    for para in doc.paragraphs:
        for index in para.quotes:
            called = set(calls_in_the_room(doc, doc.segments[index].text))
            addressed.update(called)
            if called and tagged_to_narrator(doc, index):
                own.update(called)
    in_narration = {m.person for m in story_names(doc)}
    return frozenset(n for n, count in addressed.items() if count >= _ADDRESSED_MIN and n not in in_narration
                     and own[n] * 2 < count and not titled_surname_in_narration(doc, n))


def tagged_to_narrator(doc: Document, index: int) -> bool:
    """Whether the quotation's own paragraph gives it to ``I``: a tag (``"Go, Nacchan," I
    say``) or a beat whose narration has no subject but ``I`` (``I lean over to her. "It's
    damp, Nacchan."``). A name the narrator calls is someone else's, never the narrator's own."""
    ctx = quote_context(doc, index)
    if found := tag_after_quote(ctx) or tag_before_quote(ctx):
        return found.kind == "first_person"
    subjects = [m.kind for m in ctx.mentions_in(ctx.before) if m.subject]
    return bool(subjects) and set(subjects) == {"first_person"}


_ADDRESSED_MIN = 2  # one address may be to someone who never appears in the narration
