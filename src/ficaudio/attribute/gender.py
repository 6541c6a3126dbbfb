"""Gender of each character from the text: titles, honorifics, and the pronouns after its name."""

from __future__ import annotations

import re
from collections import Counter

from ficaudio import letters
from ficaudio.attribute.characters import Person, Roster
from ficaudio.attribute.lexicon import BODY_PARTS, HONORIFIC_GENDER, KIN_GENDER, MALE_PRONOUNS, SIBLING_HONORIFICS
from ficaudio.attribute.mentions import NameRun, is_person_noun, split_honorific
from ficaudio.attribute.names import name_prior
from ficaudio.models import Gender

_PRONOUN = letters.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_WINDOW_CHARS = 120  # about one sentence after the name
_NEXT_SENTENCE = letters.compile(r"^[^.!?\"“”\n]*[.!?][^\S\n]+(He|She)\b")  # within the paragraph


_WINDOW_STOP = letters.compile(r"[\"“”\n]")  # a quotation mark or the paragraph's end
_WORD_CHAR = re.compile(r"[\w'’-]")


def _word_start(text: str, start: int, at: int) -> int:
    """Where the word running through ``at`` opens (not before ``start``).

    >>> _word_start("looked up. Her cup", 0, 13)
    11
    """
    while at > start and _WORD_CHAR.match(text, at - 1):
        at -= 1
    return at


def narration_window(text: str, run: NameRun, next_run_start: int) -> str:
    """The narration right after a name, up to the next name (~one sentence), never into a
    quotation or the next paragraph: ``Kakashi turned. "She's gone."`` says nothing about Kakashi.

    >>> from ficaudio.attribute.mentions import name_runs, words
    >>> t = 'Kakashi turned. "She left."'
    >>> narration_window(t, name_runs(words(t), t)[0], len(t))
    ' turned. '
    """
    end = min(next_run_start, run.end + _WINDOW_CHARS)
    if end < next_run_start and end < len(text) and _WORD_CHAR.match(text, end):
        end = _word_start(text, run.end, end)  # never half a word: ``Her`` cut to ``He``
    window = text[run.end:end]
    stop = _WINDOW_STOP.search(window)
    return window[:stop.start()] if stop else window


def pronoun_after_name(text: str, run: NameRun, next_run_start: int) -> Gender:
    """The gender of the first he/she-family pronoun after a name, before the next name.

    >>> from ficaudio.attribute.mentions import name_runs, words
    >>> t = "Sakura shook her head."
    >>> pronoun_after_name(t, name_runs(words(t), t)[0], len(t))
    <Gender.FEMALE: 'female'>
    """
    m = _PRONOUN.search(narration_window(text, run, next_run_start))
    if not m:
        return Gender.UNKNOWN
    return Gender.MALE if m.group(1).lower() in MALE_PRONOUNS else Gender.FEMALE


_OWN_BODY = letters.compile(rf"\b(?:his|her)\s+(?:own\b|(?:(?:free|left|right|other|good|bad)\s+)?(?:{'|'.join(sorted(BODY_PARTS))})\b)", re.IGNORECASE)
"""``shook her head``, ``raised his free hand``: the subject's own body (a side or a state
between, not any word: ``held her small hands`` are someone else's)."""


_LEANT_ON = frozenset("ear ears neck chest shoulder shoulders hair arm arms back mouth lips face throat cheek".split())
_INTO_ANOTHERS_BODY = letters.compile(
    r"^\W*[a-z]+,?(?:\s+(?:[a-z]+ly|back|forward|down|up|close|closer),?)*\s+(?:in|into|against)\s+"
    rf"(?P<owner>his|her)\s+(?:{'|'.join(sorted(_LEANT_ON))})\b", re.IGNORECASE)
"""``Noor said in his ear``, ``Mara leaned back against his shoulder``, ``said Noor, fervently,
in his ear``: a possessive right after the verb (an adverb between, set off by commas or not)
and ``in``/``into``/``against`` is the body of the one spoken into or leant on
(:data:`_LEANT_ON`), someone else's. One's own body is moved, not entered (``Mara rubbed her
eyes``), save what one speaks into (``said into her hands``); and a thing moved against a body
is held to one's own (``Oren pressed the phone against his ear``)."""
_CONTRASTED_OWN = re.compile(r"\s+own\b", re.IGNORECASE)
"""``his own``/``her own`` after a possessive name sets another's against the named one's
(``Theo took the pack off Jess's front and swung it onto his own``, ``Mara's eyes met his
own``): the pronoun is not the named person's."""


_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|seemed|felt|became)\s+$", re.IGNORECASE)
"""``Sasha's choices were her own``: an ``own`` said of the named one's thing is the named one's."""


def _is_possessive(text: str, run: NameRun) -> bool:
    from ficaudio.attribute.document import is_possessive_name  # not at the top: document imports this module
    return is_possessive_name(text, run.end)


_WEIGHT = {"he": 1.0, "she": 1.0, "himself": 1.0, "herself": 1.0, "his": 0.8, "hers": 0.8, "her": 0.3, "him": 0.0}


def _pronoun_weight(text: str, run: NameRun, next_run_start: int) -> float:
    """How surely the first pronoun after a name speaks of the named person.

    ``he``/``she``, ``shook her head`` and ``her own room`` do: 1. ``his`` usually belongs to the subject
    (``Oren settles into his seat``): 0.8; a possessive ``her`` (``lifted her cup``): 0.3
    (in a woman's point of view it is as often hers: ``Kakashi brushed her cheek``);
    an object ``her``/``him`` is someone else (``Kakashi pulls her into an alcove``,
    ``Oren looked at him``), and so is the body spoken into (``Noor said in his ear``): 0.
    A possessive with another of its gender and none of the other in the name's sentence
    (:func:`one_gender_throughout`: ``Mara looked up from her monitors and took off her
    headphones``) is the subject's: 1.

    >>> t = "Oren settles into his seat."
    >>> from ficaudio.attribute.mentions import name_runs, words
    >>> _pronoun_weight(t, name_runs(words(t), t)[0], len(t))
    0.8
    """
    window = narration_window(text, run, next_run_start)
    first = _PRONOUN.search(window)
    if not first:
        return 0.0
    if _INTO_ANOTHERS_BODY.match(window):
        return 0.0
    if _CONTRASTED_OWN.match(window, first.end()) and _is_possessive(text, run) and not _COPULA_BEFORE.search(window, 0, first.start()):
        return 0.0  # "took the pack off Jess's front and swung it onto his own": not Jess's
    if _OWN_BODY.match(window, first.start()):
        return 1.0
    pronoun = first.group(1).lower()
    if pronoun == "her" and is_object_her(window[first.end():]):
        return 0.0
    return 1.0 if pronoun in ("his", "her") and one_gender_throughout(window) else _WEIGHT[pronoun]


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s")


def _first_sentence(window: str) -> str:
    """``window`` up to its first sentence's end: ``" took her cup. She sat."`` -> ``" took her cup."``."""
    return _SENTENCE_BREAK.split(window, maxsplit=1)[0]


def one_gender_throughout(window: str) -> bool:
    """Whether the name's own sentence holds two or more he/she-family pronouns, all of one
    gender (``Judge Abelard swept in with his robe flapping and his reading glasses``,
    ``Mara looked up from behind her monitors and took off her headphones``): a possessive may
    be someone else's, two alike with no one else's beside them are the subject's.

    >>> one_gender_throughout(" swept in with his robe flapping and his glasses. He sat."), one_gender_throughout(" took her cup. She sat.")
    (True, False)
    >>> one_gender_throughout(" took her hand in his and kissed her fingers.")
    False
    """
    sentence = _first_sentence(window)
    pronouns = [m.group(1).lower() in MALE_PRONOUNS for m in _PRONOUN.finditer(sentence)]
    return len(pronouns) >= 2 and len(set(pronouns)) == 1


_AFTER_OBJECT = frozenset("""
to at in into on onto with from for of by up down out off over away back around through across toward towards
a an the and or but as than so that this then when while if again close closer tight tightly
""".split())


def is_object_her(rest: str) -> bool:
    """Whether ``her`` is an object (``pulls her into``, ``kissed her.``) rather than a
    possessive (``her cup``): it ends the clause or a function word follows.

    >>> is_object_her(" into a narrow alcove"), is_object_her(" cup"), is_object_her(", then"), is_object_her(" warily")
    (True, False, True, True)
    """
    m = re.match(letters.widen(r"\s*([A-Za-z]+)"), rest)
    return m is None or m.group(1).lower() in _AFTER_OBJECT or m.group(1).lower().endswith("ly")  # "at her warily"


_PREPOSITION_BEFORE = letters.compile(r"\b(?:to|at|with|from|of|for|by|on|in|into|toward|towards|about|than|like|upon|over|under|behind|and|or)\W*$", re.IGNORECASE)


def _object_discount(text: str, run: NameRun) -> float:
    """A pronoun after a name that follows a preposition (``To Holmes she is...``), ends a
    list (``He goes to Asuma and Kurenai's wedding. He makes...``) or owns another person
    (:func:`owns_other_subject`) is as likely about someone else: 0.3; after a subject
    name (``Holmes said he...``): 1."""
    return 0.3 if _PREPOSITION_BEFORE.search(text[max(0, run.start - 12):run.start]) or owns_other_subject(text, run) else 1.0


_POSSESSED = letters.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")


def owns_other_subject(text: str, run: NameRun) -> bool:
    """Whether a possessive name owns another person, whom its sentence may go on about: after
    ``Noor's cousin had painted it, and he`` the ``he`` is the cousin's. A thing or the owner's
    own body cannot be that ``he``/``she`` (after ``Dez's voice came on, as if he`` or ``Dez's
    phone buzzed, and he`` it is Dez's), and ``Noor's going``/``Noor's been`` owns nothing.

    >>> from ficaudio.attribute.mentions import name_runs, words
    >>> t = "Noor's cousin left. Dez's voice rose. Ada's left hand shook. Ada sat. Ida's phone buzzed. Eve's going."
    >>> [owns_other_subject(t, r) for r in name_runs(words(t), t)]
    [True, False, False, False, False, False]
    """
    from ficaudio.attribute.document import is_possessive_name  # not at the top: document imports this module
    if not is_possessive_name(text, run.end):
        return False
    m = _POSSESSED.match(text, run.end)
    return bool(m) and not BODY_PARTS & set(m.groups()) and any(w and is_person_noun(w) for w in m.groups())  # a voice is a body part here


_AFTER_OBJECT_WEIGHT = 0.8  # like a possessive "his": usually, not always, the subject's
_SENTENCE_STOP = letters.compile(r"[.!?;]")


def pronoun_after_object(window: str, object_gender: Gender) -> Gender | None:
    """After an object pronoun (``Kakashi addressed her in the tone he used``), the next
    pronoun of the other gender in the same sentence is the subject's: male here.

    >>> pronoun_after_object(" addressed her in the tone he used.", Gender.FEMALE)
    <Gender.MALE: 'male'>
    >>> pronoun_after_object(" pulled her close. He smiled.", Gender.FEMALE) is None
    True
    """
    first = _PRONOUN.search(window)
    stop = _SENTENCE_STOP.search(window, first.end()) if first else None
    for m in _PRONOUN.finditer(window, first.end() if first else 0, stop.start() if stop else len(window)):
        gender = Gender.MALE if m.group(1).lower() in MALE_PRONOUNS else Gender.FEMALE
        if gender is not object_gender:
            return gender
    return None


def vote_pronouns(text: str, runs: list[tuple[NameRun, Person]], voters: dict[str, Counter] | None = None) -> dict[str, Counter]:
    """Count, per person, the pronoun genders that follow its mentions in narration
    (``voters``, when given, counts per person and gender the mentions that voted)."""
    votes: dict[str, Counter] = {}
    for k, (run, person) in enumerate(runs):
        next_start = runs[k + 1][0].start if k + 1 < len(runs) else len(text)
        _vote_mention(text, run, next_start, votes.setdefault(person.name, Counter()))
        if voters is not None and (own := own_clause_pronoun(text, run, next_start)) is not Gender.UNKNOWN:
            voters.setdefault(person.name, Counter())[own] += 1
    return {name: count for name, count in votes.items() if count}


def own_clause_pronoun(text: str, run: NameRun, next_start: int) -> Gender:
    """The gender the text itself gives a mention, where no one else can be meant: a subject
    pronoun or possessive in the name's own sentence (``Mika looks up from her bunk``), or the
    subject of the next sentence when the name opened its own (``Dima sighs. He sits.``); not a
    pronoun of a later sentence (``... marry Eileen. He hid``), nor an object (``pulls her``).

    >>> from ficaudio.attribute.mentions import name_runs, words
    >>> t = "Mika looks up from her bunk. He was going to marry Eileen. He hid."
    >>> [own_clause_pronoun(t, r, len(t)).value for r in name_runs(words(t), t)]
    ['female', 'unknown']
    >>> t = "Dima glanced back—\\n\\nShe laughed. He sat."
    >>> own_clause_pronoun(t, name_runs(words(t), t)[0], len(t)).value
    'unknown'
    """
    if owns_other_subject(text, run):
        return Gender.UNKNOWN
    window = narration_window(text, run, next_start)
    sentence = _first_sentence(window)
    if (first := _PRONOUN.search(sentence)) and _pronoun_weight(text, run, next_start) > 0:
        return Gender.MALE if first.group(1).lower() in MALE_PRONOUNS else Gender.FEMALE
    if run.initial and (m := _NEXT_SENTENCE.match(text[run.end:next_start])):
        return Gender.MALE if m.group(1) == "He" else Gender.FEMALE
    return Gender.UNKNOWN


_TEXT_OVER_LIST_MENTIONS = 2  # one pronoun after a name may be a neighbour's; two mentions agreeing are the text's word


def text_overrules_list(prior: Gender, voted_by: Counter) -> Gender | None:
    """The text's own gender for a person when it clearly disagrees with the first-names list:
    at least two mentions say the other gender in their own clause (:func:`own_clause_pronoun`)
    and none says the list's (``Mika``, a boy's name in the list, then ``Mika Sato leans in,
    her medical kit ...``, ``Mika looks up from her bunk``).

    >>> text_overrules_list(Gender.MALE, Counter({Gender.FEMALE: 2}))
    <Gender.FEMALE: 'female'>
    >>> text_overrules_list(Gender.MALE, Counter({Gender.FEMALE: 1})), text_overrules_list(Gender.MALE, Counter({Gender.FEMALE: 3, Gender.MALE: 1}))
    (None, None)
    """
    other = Gender.MALE if prior is Gender.FEMALE else Gender.FEMALE
    if prior is Gender.UNKNOWN or voted_by[prior] or voted_by[other] < _TEXT_OVER_LIST_MENTIONS:
        return None
    return other


_COPULA = letters.compile(r"\s+(?:is|was)\s+(?:a|an)\s+")


def copula_gender(text: str, run: NameRun) -> Gender:
    """``Emma was a tall, big-boned woman`` -> female: a name equated with a gendered noun
    among the next few words of its sentence.

    >>> t = "Emma was a tall, big-boned woman. Tom was a good sort of man."
    >>> copula_gender(t, NameRun(("Emma",), None, None, 0, 4, True)), copula_gender(t, NameRun(("Tom",), None, None, 34, 37, True))
    (<Gender.FEMALE: 'female'>, <Gender.UNKNOWN: 'unknown'>)
    """
    m = _COPULA.match(text, run.end)
    if not m:
        return Gender.UNKNOWN
    for word in text[m.end():m.end() + 60].split()[:4]:
        if (noun := word.rstrip(",.;:!?")) in KIN_GENDER:
            return KIN_GENDER[noun]
        if word.endswith((".", ";", ":", "!", "?")) or word in ("of", "who", "with"):
            break
    return Gender.UNKNOWN


def said_outright(text: str, runs: list[tuple[NameRun, Person]]) -> dict[str, Gender]:
    """The people the narration equates with a gendered noun (:func:`copula_gender`), when it
    only ever says one gender for them: this outweighs pronouns, which may be a neighbour's."""
    said: dict[str, set[Gender]] = {}
    for run, person in runs:
        if (gender := copula_gender(text, run)) is not Gender.UNKNOWN:
            said.setdefault(person.name, set()).add(gender)
    return {name: genders.pop() for name, genders in said.items() if len(genders) == 1}


def _vote_mention(text: str, run: NameRun, next_start: int, count: Counter) -> None:
    """Add to ``count`` the genders the narration after one name (up to ``next_start``) gives
    it: the first pronoun after it, weighed (:func:`_pronoun_weight`), and the ``He``/``She``
    opening the next sentence when the name opened its own."""
    gender = pronoun_after_name(text, run, next_start)
    object_gender = None
    if gender is not Gender.UNKNOWN:
        weight = _pronoun_weight(text, run, next_start) * _object_discount(text, run)
        count[gender] += weight
        if weight == 0:
            object_gender = gender  # "Kakashi addressed her ...": a woman is near, not him
            if own := pronoun_after_object(narration_window(text, run, next_start), gender):
                count[own] += _AFTER_OBJECT_WEIGHT * _object_discount(text, run)
    if run.initial and (m := _NEXT_SENTENCE.match(text[run.end:next_start])):
        # "Oren sighs. He sits." -- the next sentence's subject is usually the same person (in
        # the same paragraph: one opening the next is often the listener reacting),
        # but not after an object of that gender ("Kakashi addressed her ... She stopped.")
        following = Gender.MALE if m.group(1) == "He" else Gender.FEMALE
        if following is not object_gender:
            count[following] += 1


def given_name_prior(person: Person, full_names: dict[tuple[str, str], str] | None = None) -> tuple[Gender, float]:
    """The first-names list's view of a person's given name (the first word of its most used
    untitled form): ``Elizabeth Bennet`` -> female. Titled people (``Mrs. Bennet``) get none:
    their title already says it, and a surname tells nothing: when that form is one word that
    the narration also wrote after a given name (``full_names``, :func:`given_names_before`),
    the given name is read instead (``Gwen Talbot`` once, ``Talbot`` after -> Gwen).
    """
    if person.title or not person.forms:
        return Gender.UNKNOWN, 0.0
    form = max(person.forms, key=lambda f: (person.forms[f], len(f)))
    return name_prior((full_names or {}).get((person.name, form), form).split()[0])


def given_names_before(runs: list[tuple[NameRun, Person]]) -> dict[tuple[str, str], str]:
    """A person's one-word forms that the narration also writes as the last word of an
    untitled two-word name of theirs, mapped to that name: ``Gwen Talbot ... Talbot said`` ->
    ``{("Talbot", "Talbot"): "Gwen Talbot"}`` (a surname, whose gender the given name tells).
    A first word the names list does not know is no given name (``Poor Emily``, ``Little Emily``).

    >>> from ficaudio.attribute.characters import Person
    >>> emily, gwen = Person("Emily", Counter(Emily=3)), Person("Talbot", Counter(Talbot=3))
    >>> given_names_before([(NameRun(("Poor", "Emily"), None, None, 0, 10, True), emily), (NameRun(("Gwen", "Talbot"), None, None, 20, 31, False), gwen)])
    {('Talbot', 'Talbot'): 'Gwen Talbot'}
    """
    return {(person.name, run.words[-1]): run.form for run, person in runs
            if len(run.words) == 2 and not run.title and run.words[-1] in person.forms and name_prior(run.words[0])[0] is not Gender.UNKNOWN}


def honorific_gender(person: Person) -> Gender:
    """``-kun`` says male, ``-hime`` female; ``-chan``/``-sensei`` say nothing. Only an honorific
    :func:`split_honorific` takes off a name says it (``Wen-jie`` is a given name, no sister's
    ``-jie``), and a Korean or Chinese sibling's word only on a name: written alone it may be
    one (``Xiong``, ``Didi``).

    >>> [honorific_gender(Person(n, Counter({n: 1}))).name for n in ("Minho-hyung", "Wen-jie", "Xiong", "Nii")]
    ['MALE', 'UNKNOWN', 'UNKNOWN', 'MALE']
    """
    genders = {HONORIFIC_GENDER[h] for f in person.forms if (h := _honorific_of(f)) in HONORIFIC_GENDER}
    genders.discard(Gender.UNKNOWN)
    return genders.pop() if len(genders) == 1 else Gender.UNKNOWN


def _honorific_of(form: str) -> str | None:
    """The honorific a form ends on, or is when written alone (``Sensei``), lower case."""
    if "-" in form:
        return split_honorific(form)[1]
    word = form.lower()
    return None if word in SIBLING_HONORIFICS else word


def infer_genders(roster: Roster, text: str, runs: list[tuple[NameRun, Person]], *, use_names: bool = True) -> None:
    """Set each person's gender (unless configured or titled) with a reason the user can read.

    Pronoun votes decide; a first-names list (:func:`given_name_prior`) adds a prior that
    text evidence outweighs; honorifics (``-kun``) decide when nothing else does.
    """
    voters: dict[str, Counter] = {}
    votes = vote_pronouns(text, runs, voters)
    said = said_outright(text, runs)
    full_names = given_names_before(runs)
    for person in roster.people:
        if person.gender is not Gender.UNKNOWN:
            continue
        if person.name in said:
            person.gender, person.gender_reason = said[person.name], "a gendered noun after 'was a'"
            continue
        count = votes.get(person.name, Counter())
        prior, weight = given_name_prior(person, full_names) if use_names else (Gender.UNKNOWN, 0.0)
        if own := text_overrules_list(prior, voters.get(person.name, Counter())):
            person.gender, person.gender_reason = own, f"he x{count[Gender.MALE]:g}, she x{count[Gender.FEMALE]:g} after mentions, over the first-name list ({prior.value})"
            continue
        if prior is not Gender.UNKNOWN:
            count = count + Counter({prior: weight})
        male, female = count[Gender.MALE], count[Gender.FEMALE]
        if max(male, female) >= 1 and max(male, female) > 2 * min(male, female):
            person.gender = Gender.MALE if male > female else Gender.FEMALE
            person.gender_reason = f"he x{male:g}, she x{female:g} after mentions" + (f" (first-name list: {prior.value})" if weight else "")
        elif (by_suffix := honorific_gender(person)) is not Gender.UNKNOWN:
            person.gender, person.gender_reason = by_suffix, "honorific"
