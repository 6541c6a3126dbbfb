"""The story as the rules see it: paragraphs, their quotations and the people their narration mentions."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

from ficaudio import letters
from ficaudio.attribute.header import GENERIC_CAST_WORDS, Header, field_lines, read_header
from ficaudio.attribute.aliases import drop_family_names, drop_header_only_names, join_bare_titles, split_rank_from_word, drop_spoken_clips, join_clipped_names, join_pet_form_endings, index_call_sign_agents, index_called_name_forms, index_honorific_roles, index_kin_names, join_inner_clips, index_narrators_kin, index_rank_titles, index_title_answerers, join_addressed_only_names, join_bare_honorifics, join_diminutives, join_equated_names, join_pronoun_equated_names, join_full_names, join_header_cast, join_a_pet_forms, place_family_surnames, join_header_name_forms, join_titled_listed_names, join_listed_surname_nicknames, join_kin_names, join_knights_given_names, join_nicknames, join_parent_to_family, join_quoted_nicknames, join_titled_initials, join_titled_siblings, join_titled_surnames, lengthen_surnames, own_name_parts, own_titled_name_forms
from ficaudio.attribute.described import index_described_names, index_description_named_next, join_parent_named_next
from ficaudio.attribute.characters import Occurrence, animal_names, written_places, Roster, build_roster, called_before_full_stop, count_forms, is_character_form, finalise_names, forms_kept_apart, is_possessive_end, is_tagged, is_vocative_run, modifies_noun, nouns_only
from ficaudio.attribute.gender import infer_genders
from ficaudio.attribute.lexicon import FIRST_PERSON_MIN_SHARE, FIRST_PERSON_SUBJECTS, KIN_GENDER, SECOND_PERSON_SUBJECTS, KIN_NAMES, SPEECH_VERBS, SUBJECT_PRONOUNS, SUBORDINATORS, is_present_tense
from ficaudio.attribute.mentions import NameRun, Word, description_at, is_capitalised, name_runs, speaker_nouns, words
from ficaudio.models import AsideKind, BlockKind, Character, Gender, Segment, SegmentKind, Story

QUOTE_KINDS = frozenset({SegmentKind.DIALOGUE, SegmentKind.THOUGHT})
_PREPOSITIONS = frozenset({"to", "at", "with", "from", "of", "for", "by", "on", "in", "into", "toward", "towards", "about", "than", "like"})


@dataclass(frozen=True)
class Mention:
    """A reference to a person in narration: a name, a pronoun or a description."""

    start: int
    end: int
    kind: str  # "name" | "pronoun" | "first_person" | "second_person" | "description"
    text: str
    gender: Gender = Gender.UNKNOWN
    person: str | None = None  # resolved at build time for names only
    subject: bool = False  # the first person-mention of its sentence (or he/she/I)
    head: str = ""  # head noun of a description ("wife")
    initial: bool = False  # first word of its sentence ("He walks...", '"Go," he said')
    clause_subject: bool = False  # subject of a later clause ("..., and Kakashi wants", "the big man, who sits")


@dataclass
class Paragraph:
    chapter: int
    index: int
    start: int
    end: int
    quotes: list[int] = field(default_factory=list)  # indices into the segment list of its quotations (its thoughts apart)
    thoughts: list[int] = field(default_factory=list)  # indices of its thoughts (``*Not again,* she thought.``): no quotations of the talk
    mentions: list[Mention] = field(default_factory=list)
    scene_start: bool = False  # first paragraph of a chapter or after a scene break
    front_matter: bool = False  # a header field or an author's note before the story (``Characters: ...``, ``A/N: ...``)

    def narration(self, segments: Sequence[Segment]) -> list[tuple[int, int]]:
        """Spans of the paragraph outside its quotations and thoughts."""
        spans, cursor = [], self.start
        for i in sorted(self.quotes + self.thoughts) if self.thoughts else self.quotes:
            seg = segments[i]
            if seg.start > cursor:
                spans.append((cursor, seg.start))
            cursor = max(cursor, seg.end)
        if cursor < self.end:
            spans.append((cursor, self.end))
        return spans

    def narration_text(self, text: str, segments: Sequence[Segment]) -> str:
        """The paragraph's words outside its quotations, joined by spaces (``Kit took the radio.``)."""
        return " ".join(text[s:e] for s, e in self.narration(segments))


@dataclass
class Document:
    story: Story
    segments: Sequence[Segment]
    paragraphs: list[Paragraph]
    roster: Roster
    paragraph_of: dict[int, Paragraph]  # segment index -> its paragraph
    first_person_share: float = 0.0  # share of narration pronouns that are "I"
    second_person_share: float = 0.0  # share of narration subject pronouns that are "you"
    narrator_names: frozenset[str] = frozenset()  # names that, when addressed, mean the "I" narrator
    header: Header = Header()  # the work's header: where it ends (header.end: where the story proper begins), whom its Characters: field lists
    narration_words: dict[tuple[int, int], list[Word]] = field(default_factory=dict)  # each narration span's words, read once (_scan)
    quote_runs: dict[int, list[NameRun]] = field(default_factory=dict)  # each quotation's name runs, read once (_scan)
    call_signs: dict[str, str] = field(default_factory=dict)  # a radio call sign -> the name of its user, or the narrator's (calls.join_call_signs_to_users)
    front_lines: tuple[tuple[int, int], ...] = ()  # the prose lines (notes, summary; no field) of the work's header the reader set aside before the story (_work_header_lines): read for who is who, never as the story's paragraphs

    @property
    def text(self) -> str:
        return self.story.text

    @cached_property
    def narration_spans(self) -> list[tuple[int, int]]:
        """Every paragraph's spans outside its quotations, in order (those :attr:`narration_words` holds)."""
        return list(self.narration_words)

    @cached_property
    def narration_starts(self) -> list[int]:
        """Where each of :attr:`narration_spans` starts (for bisecting)."""
        return [start for start, _ in self.narration_spans]

    def narration_span_at(self, at: int) -> tuple[int, int] | None:
        """The narration span holding offset ``at``; ``None`` inside a quotation."""
        k = bisect.bisect_right(self.narration_starts, at) - 1
        return self.narration_spans[k] if k >= 0 and at < self.narration_spans[k][1] else None

    @cached_property
    def paragraph_starts(self) -> list[int]:
        """Where each paragraph starts, in order (for bisecting to a paragraph's ordinal)."""
        return [para.start for para in self.paragraphs]

    def words_of_narration(self, span: tuple[int, int]) -> list[Word]:
        """The words of a narration span, as the scan read them (one list shared by every
        reader: not to be changed); a span the scan did not read is read now."""
        found = self.narration_words.get(span)
        return found if found is not None else words(self.text, *span)

    def runs_of_quote(self, index: int) -> list[NameRun]:
        """The name runs of quotation ``index`` (a segment index), as the scan read them (one
        list shared by every reader: not to be changed); one the scan did not read is read now."""
        found = self.quote_runs.get(index)
        if found is not None:
            return found
        seg = self.segments[index]
        return name_runs(words(self.text, seg.start, seg.end), self.text)

    def paragraph_before(self, para: Paragraph) -> Paragraph | None:
        """The paragraph right before ``para`` in the same scene: None after a scene break or at the start."""
        at = bisect.bisect_right(self.paragraph_starts, para.start) - 1
        return self.paragraphs[at - 1] if at and not para.scene_start else None


def build_paragraphs(story: Story, segments: Sequence[Segment]) -> tuple[list[Paragraph], dict[int, Paragraph]]:
    """One Paragraph per story block, with the indices of the quotations that start in it."""
    paragraphs: dict[tuple[int, int], Paragraph] = {}
    ordered: list[Paragraph] = []
    for chapter in story.chapters:
        scene_start = True
        for b, block in enumerate(chapter.blocks):
            if block.kind is BlockKind.SCENE_BREAK:
                scene_start = True
                continue
            para = Paragraph(chapter.index, b, block.start, block.end, scene_start=scene_start)
            paragraphs[(chapter.index, b)] = para
            ordered.append(para)
            scene_start = False
    paragraph_of = {}
    starts = [p.start for p in ordered]
    for i, seg in enumerate(segments):
        if seg.kind is SegmentKind.SCENE_BREAK:
            _mark_scene_break(ordered, starts, seg.start)
        para = paragraphs.get((seg.chapter, seg.paragraph))
        if para is not None and seg.kind is SegmentKind.THOUGHT:
            para.thoughts.append(i)
            paragraph_of[i] = para
        elif para is not None and seg.kind in QUOTE_KINDS:
            para.quotes.append(i)
            paragraph_of[i] = para
    return ordered, paragraph_of


def _mark_scene_break(paragraphs: list[Paragraph], starts: list[int], position: int) -> None:
    """The first paragraph at or after a scene break starts a scene (``starts``: where each
    paragraph starts, in order)."""
    k = bisect.bisect_left(starts, position)
    if k < len(paragraphs):
        paragraphs[k].scene_start = True


_WORK_HEADER_ASIDES = frozenset({AsideKind.HEADER, AsideKind.NOTES, AsideKind.SUMMARY})
_LINE = letters.compile(r"[^\n]*\S[^\n]*")


def _work_header_lines(story: Story, paragraphs: Sequence[Paragraph]) -> list[tuple[tuple[int, int], bool]]:
    """The lines of the work's header that the reader kept out of the story before its first
    paragraph: every line of its fields, summary and notes, and of the page's furniture the work's
    fields only (an AO3 download's ``Characters: Mira Sol, Tobin Ash``; a page copy's bare
    ``Characters:`` with its value on the next line). They are read as the header, and their
    names counted, as when the same text is pasted as the story's paragraphs. Each line comes with
    whether it belongs to a field (:func:`~ficaudio.attribute.header.field_lines`)."""
    first = paragraphs[0].start if paragraphs else len(story.text)
    lines = _aside_lines(story, lambda a: a.end <= first)
    of_fields = field_lines(story.text, [span for span, _ in lines])
    return [(span, of_a_field) for (span, kind), (_, of_a_field) in zip(lines, of_fields) if kind in _WORK_HEADER_ASIDES or of_a_field]


def _end_note_lines(story: Story) -> list[tuple[int, int]]:
    """The lines of the end notes the reader set aside after a chapter (``End Notes: Thanks for
    reading! Next time Mara finally tells her sister.``): never read aloud, but their names are
    counted as the story's own, as when the same notes are pasted as its last paragraphs."""
    return [span for span, _ in _aside_lines(story, lambda a: a.kind is AsideKind.END_NOTES)]


def _aside_lines(story: Story, keep) -> list[tuple[tuple[int, int], AsideKind]]:
    """Each line's span and kind, in the story's order, of the asides ``keep`` takes."""
    return [(m.span(), a.kind) for a in sorted(story.asides, key=lambda a: a.start) if keep(a)
            for m in _LINE.finditer(story.text, a.start, a.end)]


def _made_by_the_story(stats: dict[str, Occurrence], in_story: dict[str, Occurrence], lower_words: Counter, listed: set[str]) -> dict[str, Occurrence]:
    """The forms' statistics, where a form the story writes counts its header's mentions only
    when the story's own writing makes it a person. The header's notes name the author's world
    (``A/N: Beta'd by the wonderful Hope``), and a word the story writes at a sentence's start
    (``Hope was a stupid thing to hold on to``) is no person for it; the header's mentions still
    count for a name the story makes a person (``Tobin``), one written only in the header (its
    full names, dropped or joined later), and a word of a name its ``Characters:``,
    ``Relationship:`` or ``Pairing:`` field lists (``listed``)."""
    return {form: in_story[form] if form in in_story and not set(form.split()) & listed and not is_character_form(form, in_story[form], lower_words)
            else occ for form, occ in stats.items()}


def build_document(story: Story, segments: Sequence[Segment], known: Sequence[Character]) -> Document:
    """Discover characters and their genders, then list every mention in narration."""
    paragraphs, paragraph_of = build_paragraphs(story, segments)
    text = story.text
    work_header = _work_header_lines(story, paragraphs)
    set_aside = [span for span, _ in work_header]
    header = read_header(paragraphs, text, set_aside)
    end_notes = [Paragraph(0, i, start, end) for i, (start, end) in enumerate(_end_note_lines(story), len(set_aside))]
    scanned = _scan(text, segments, [*(Paragraph(0, i, start, end) for i, (start, end) in enumerate(set_aside)), *paragraphs, *end_notes])
    narration_runs, quote_runs, lower_words = scanned.narration_runs, scanned.quote_runs, scanned.lower_words
    called = called_names(text, segments, scanned)
    apart = forms_kept_apart(_tag_vocative_pairs(text, segments, paragraphs, scanned), scanned.sentence_runs, text)
    nouns = speaker_nouns(text, SPEECH_VERBS)
    text_nouns = nouns_only(text)
    stats = count_forms(narration_runs, quote_runs, text, lower_words, text_nouns, called, nouns)
    header_lines = {*set_aside, *(span for p in paragraphs if p.front_matter for span in p.narration(segments))}
    if header_lines:  # the story's own counts, of the forms the header writes only (counts add up run by run)
        header_forms = {r.form for span in header_lines for r in scanned.span_runs.get(span, ())}
        in_story = [r for span, runs in scanned.span_runs.items() if span not in header_lines for r in runs if r.form in header_forms]
        own = count_forms(in_story, [r for r in quote_runs if r.form in header_forms], text, lower_words, text_nouns,
                          Counter({form: n for form, n in called.items() if form in header_forms}), nouns)
        stats = _made_by_the_story(stats, own, lower_words, header.people_words(text))
    listed_givens = {name.split()[0] for name in header.cast_names(text)} - GENERIC_CAST_WORDS
    roster = build_roster(stats, lower_words, list(known), apart, header.family_names(text), animal_names(text, stats) | written_places(text, stats), listed_givens)
    roster.nouns = text_nouns
    narration_spans = list(scanned.span_words)  # what Document.narration_spans will give; the joins run before it exists
    join_equated_names(roster, text, narration_spans)
    join_pronoun_equated_names(roster, text, narration_spans)
    join_quoted_nicknames(roster, text)
    resolved = [(r, p) for r in narration_runs if not modifies_noun(text, r, text_nouns) and (p := roster.resolve(r))]
    infer_genders(roster, text, resolved)
    place_family_surnames(roster, text, header)
    tagged = {form for form, occ in stats.items() if occ.tagged}
    join_nicknames(roster, _answering_tags(text, segments, paragraphs, scanned))
    join_a_pet_forms(roster)
    join_diminutives(roster, narration_runs + quote_runs)
    join_clipped_names(roster, tagged)
    join_pet_form_endings(roster, tagged)
    speaking = tagged | {n for para in paragraphs if para.quotes for n in _beat_opener(text, para, segments, scanned)}  # tags and beats
    join_full_names(roster, narration_runs + quote_runs, text, speaking)
    lengthen_surnames(roster, narration_runs + quote_runs)
    join_titled_surnames(roster)
    join_titled_initials(roster)
    join_titled_siblings(roster, narration_runs + quote_runs)
    join_knights_given_names(roster, narration_runs + quote_runs)
    split_rank_from_word(roster, text, lower_words, sorted((segments[i].start, segments[i].end) for i in scanned.quote_runs_of))
    join_bare_titles(roster)
    drop_spoken_clips(roster, narration_runs)
    index_called_name_forms(roster, text, [(r, segments[i].start) for i, runs in scanned.quote_runs_of.items() for r in runs], lower_words)
    join_inner_clips(roster, narration_runs)
    finalise_names(roster)
    own_name_parts(roster, lower_words)
    own_titled_name_forms(roster)
    drop_family_names(roster, narration_runs, quote_runs, text)
    drop_header_only_names(roster, narration_runs + quote_runs, header)
    join_header_cast(roster, text, header)
    join_header_name_forms(roster, text, header, tagged)
    join_titled_listed_names(roster, text, header)
    join_listed_surname_nicknames(roster, text, header, list(scanned.span_words.values()))
    join_bare_honorifics(roster)
    join_parent_to_family(roster)
    join_kin_names(roster)
    index_kin_names(roster)
    doc = Document(story, segments, paragraphs, roster, paragraph_of, header=header, narration_words=scanned.span_words, quote_runs=scanned.quote_runs_of, front_lines=tuple(span for span, of_a_field in work_header if not of_a_field))
    roster.speaker_nouns = nouns
    index_described_names(doc)
    index_rank_titles(roster, narration_runs, quote_runs, text)
    index_call_sign_agents(roster, text)
    index_honorific_roles(roster)
    index_description_named_next(doc)
    join_parent_named_next(doc)
    index_narrators_kin(doc)
    index_title_answerers(doc)
    for para in paragraphs:
        para.mentions = _mentions_of(text, para, segments, scanned, roster)
    doc.first_person_share = _first_person_share(paragraphs)
    doc.second_person_share = _second_person_share(paragraphs, _you_subjects(text, scanned))
    if told_to_you(doc):
        for para in paragraphs:
            para.mentions = _mentions_of(text, para, segments, scanned, roster, you=True)
    join_addressed_only_names(doc, doc.first_person_share >= FIRST_PERSON_MIN_SHARE)
    return doc


@dataclass
class _Scanned:
    """The story's words read once: the words and name runs of each narration span and of
    each quotation, the lower-case words counted, and the runs of each narration sentence."""

    span_words: dict[tuple[int, int], list[Word]] = field(default_factory=dict)  # narration span -> its words
    span_runs: dict[tuple[int, int], list[NameRun]] = field(default_factory=dict)  # narration span -> its runs, spans in order
    quote_runs_of: dict[int, list[NameRun]] = field(default_factory=dict)  # quotation index -> its runs
    lower_words: Counter = field(default_factory=Counter)
    sentence_runs: list[list[NameRun]] = field(default_factory=list)  # a narration sentence's runs, where two or more

    @property
    def narration_runs(self) -> list[NameRun]:
        return [r for runs in self.span_runs.values() for r in runs]

    @property
    def quote_runs(self) -> list[NameRun]:
        return [r for runs in self.quote_runs_of.values() for r in runs]


def _scan(text: str, segments: Sequence[Segment], paragraphs: list[Paragraph]) -> _Scanned:
    """Read every narration span and quotation of the story once (:class:`_Scanned`)."""
    scanned = _Scanned()
    for para in paragraphs:
        for start, end in para.narration(segments):
            scanned.span_words[(start, end)] = ws = words(text, start, end)
            scanned.lower_words.update(w.lower for w in ws if not is_capitalised(w.text))
            scanned.span_runs[(start, end)] = runs = name_runs(ws, text)
            scanned.sentence_runs.extend(g for g in _runs_by_sentence(ws, runs) if len(g) > 1)
        for i in sorted(para.quotes + para.thoughts):
            ws = words(text, segments[i].start, segments[i].end)
            scanned.lower_words.update(w.lower for w in ws if not is_capitalised(w.text))
            scanned.quote_runs_of[i] = name_runs(ws, text)
    return scanned


def called_names(text: str, segments: Sequence[Segment], scanned: _Scanned) -> Counter:
    """The names quotations call someone by where the call itself shows a person: a name
    opening a quotation before a full stop and words to someone (``"Marisol. Did you ..."``),
    and a kinship word called anywhere (``"I'm in a match, Mom!"``). A call is counted under
    the form its name is counted under in the text, without its title (``"Mr. Hale. Sit
    down."`` counts for ``Hale``). Scenes: tests/test_attribute_document.py."""
    called: Counter = Counter()
    for i, runs in scanned.quote_runs_of.items():
        seg = segments[i]
        called.update(r.form for name in called_before_full_stop(seg.text) for r in name_runs(words(name), name))
        called.update(r.form for r in runs if r.form.lower() in KIN_NAMES and is_vocative_run(text, r, seg.start))
    return called


_TAG_REACH_CHARS = 40  # a tag's name sits this close to its quotation


def _tag_vocative_pairs(text: str, segments: Sequence[Segment], paragraphs: list[Paragraph], scanned: _Scanned) -> list[tuple[NameRun, NameRun]]:
    """(speaker named in the tag, name the quotation addresses) for every tagged quotation."""
    pairs = []
    for para in paragraphs:
        tagged = [r for span in para.narration(segments) for r in scanned.span_runs[span] if is_tagged(text, r)]
        for i in para.quotes:
            seg = segments[i]
            near = [r for r in tagged if 0 <= r.start - seg.end <= _TAG_REACH_CHARS or 0 <= seg.start - r.end <= _TAG_REACH_CHARS]
            called = [r for r in scanned.quote_runs_of[i] if is_vocative_run(text, r, seg.start)]
            pairs.extend((a, b) for a in near for b in called)
    return pairs


def _answering_tags(text: str, segments: Sequence[Segment], paragraphs: list[Paragraph], scanned: _Scanned) -> set[frozenset[str]]:
    """The names (lower case) the tags of two paragraphs of talk in a row give, one turn
    answering the other (``"Morning," Lola said.`` then ``"You slept late," Dolores said.``):
    two speakers, whatever a nicknames table says of their names. A paragraph of talk no tag
    names gives the name that opens its beat (``Elena grinned at her. "I know."``)."""
    pairs: set[frozenset[str]] = set()
    before = None
    for para in paragraphs:
        names = {r.form.lower() for span in para.narration(segments) for r in scanned.span_runs[span] if is_tagged(text, r)
                 and any(0 <= r.start - segments[i].end <= _TAG_REACH_CHARS or 0 <= segments[i].start - r.end <= _TAG_REACH_CHARS for i in para.quotes)}
        if not names and para.quotes:
            names = {n.lower() for n in _beat_opener(text, para, segments, scanned)}
        now = next(iter(names)) if len(names) == 1 else None
        if before and now and before != now:
            pairs.add(frozenset((before, now)))
        before = now
    return pairs


def _beat_opener(text: str, para: Paragraph, segments: Sequence[Segment], scanned: _Scanned) -> set[str]:
    """The name that opens a paragraph of talk as the subject of its beat
    (``Elena grinned at her. "I know."``): the one speaking, though no tag names them."""
    spans = para.narration(segments)
    if not spans or spans[0][0] != para.start:
        return set()
    runs = scanned.span_runs[spans[0]]
    first = runs[0] if runs else None
    if first is None or text[para.start:first.start].strip():
        return set()
    after = text[first.end:first.end + 2]
    return {first.form} if after[:1] == " " and after[1:2].islower() else set()


def _runs_by_sentence(ws: list[Word], runs: list[NameRun]) -> list[list[NameRun]]:
    """The name runs of each sentence of a narration span (a stretch between quotations counts as one)."""
    by_start = {r.start: r for r in runs}
    groups: list[list[NameRun]] = []
    current: list[NameRun] = []
    for w in ws:
        if w.initial and current:
            groups.append(current)
            current = []
        if w.start in by_start:
            current.append(by_start[w.start])
    groups.append(current)
    return groups


def _mentions_of(text: str, para: Paragraph, segments: Sequence[Segment], scanned: _Scanned, roster: Roster, *, you: bool = False) -> list[Mention]:
    """People mentioned in a paragraph's narration, in order (its spans' words as scanned)."""
    return [m for span in para.narration(segments) for m in find_mentions(text, scanned.span_words[span], scanned.span_runs[span], span[1], roster, you=you)]


def find_mentions(text: str, ws: list[Word], runs: list[NameRun], end: int, roster: Roster, *, you: bool = False) -> list[Mention]:
    """People mentioned in one stretch of narration ending at ``end`` (its words ``ws`` and
    their name runs ``runs``), in order.

    ``he``/``she``/``I`` are always subjects; a name or description is a subject when it is
    the first mention of its sentence, does not follow a preposition and the sentence does
    not open on an indefinite subject (``Everybody owed Carmody money.``: Carmody is no
    subject). With ``you`` (a
    story told to you), ``you`` as a subject is a mention too (:func:`you_is_subject`).
    """
    run_at = {r.start: r for r in runs}
    found: list[Mention] = []
    sentence_has_subject = False
    skip_until = -1
    for k, w in enumerate(ws):
        if w.initial or k == 0:
            sentence_has_subject = w.lower in _INDEFINITE_SUBJECTS  # "Everybody owed Carmody money."
        if w.start < skip_until:
            continue
        mention = _mention_at(text, ws, k, run_at, roster, end, you)
        if mention is None:
            continue
        after_preposition = k > 0 and (ws[k - 1].lower in _PREPOSITIONS or ws[k - 1].lower in CAUSATIVE_VERBS)
        is_subject = mention.subject or (not sentence_has_subject and not after_preposition)
        clause_subject = not is_subject and (mention.kind == "name" and is_clause_subject(text, ws, k, mention.end) or mention.kind == "description" and description_opens_clause(text, ws, k, mention))
        if mention.kind == "pronoun" and not mention.subject:
            is_subject = (w.initial or k == 0) and not sentence_has_subject  # "His voice was weak."
        is_subject = is_subject and not (mention.kind == "name" and owns_verbless_fragment(text, mention.end))  # "Well. Sol’s drink."
        is_subject = is_subject and not (mention.kind == "description" and shown_by_there_is(text, mention))
        found.append(_with_subject(mention, is_subject, w.initial or k == 0, clause_subject))
        sentence_has_subject = sentence_has_subject or is_subject
        skip_until = mention.end
    return found


CAUSATIVE_VERBS = frozenset("""
make makes made making let lets letting help helps helped helping
""".split())
"""Causative verbs, whose object is followed by a bare infinitive: the object is no subject, though a verb
follows it (``The door banged open hard enough to make the maid drop a pin, and Prince Corin came
through it.`` -> the prince acts, not the maid)."""
_INDEFINITE_SUBJECTS = frozenset("everybody everyone nobody somebody someone anybody anyone".split())
_CLAUSE_OPENERS = frozenset("""
and but or so yet then when while as because before after until till if though although since once whereas where
""".split())
_VERB_WORDS = frozenset("""
is was are were am be has had have does did do can could will would shall should may might must
isn't wasn't hasn't hadn't doesn't didn't can't couldn't won't wouldn't shouldn't
said came went took made saw knew thought felt stood sat got gave ran left held began shook spoke told found put kept
let brought caught drew fell grew heard hid lay led lost meant met rose sent set shut sang sank slept slid struck
swore threw understood woke wore won wrote broke chose drank drove ate flew forgot froze hung knelt leapt lit
""".split())
_ADVERBS = frozenset("just still already never always finally only also even again suddenly simply merely not".split())
_PARTICIPLES = frozenset("done gone been being getting going gotten starting trying had got never not already always just still".split())


_RELATIVE_WHO = letters.compile(r",\s+who\s+(?!is\b|was\b|had\b|has\b)[a-z]+(?:s|ed)\b")


def description_opens_clause(text: str, ws: list, k: int, m: Mention) -> bool:
    """A description in mid-sentence that acts in its own clause: ``the captain, who turns``,
    and a capitalised epithet written as a name is (``..., and the Warden didn't ask him``);
    a plain ``and the man`` stays an object's (``she saw the door and the man stood``, ambiguous).

    >>> t = "Joss stayed by the fire, and the Warden didn't ask him to."
    >>> m = Mention(29, 39, "description", "the Warden", head="warden")
    >>> description_opens_clause(t, words(t), 6, m)
    True
    """
    epithet = text[m.end - len(m.head):m.end][:1].isupper()
    return bool(_RELATIVE_WHO.match(text, m.end)) or epithet and is_clause_subject(text, ws, k, m.end)


def is_clause_subject(text: str, ws: list, k: int, mention_end: int) -> bool:
    """A name or description in mid-sentence that opens a clause and is followed by a verb
    is that clause's subject: ``Iruka is here when Kakashi arrives``, ``..., and Kakashi
    wants``, ``by the time Kakashi’s done talking`` (``’s`` = is/has before a participle).

    >>> t = "Iruka waits when Kakashi arrives."
    >>> is_clause_subject(t, words(t), 3, 22)
    True
    >>> t = "It has no effect on Ino, who lifts her cup."
    >>> is_clause_subject(t, words(t), 5, 23)
    True
    >>> t = "Iruka waved at Kakashi and smiled."
    >>> is_clause_subject(t, words(t), 3, 22)
    False
    """
    if _RELATIVE_WHO.match(text, mention_end):
        return True  # "It has no effect on Ino, who lifts her teacup": Ino acts
    following = [w for w in ws if w.start >= mention_end][:3]
    while following and (following[0].lower in _ADVERBS or following[0].lower.endswith("ly")):
        following = following[1:]
    if not following or following[0].initial:
        return False
    verb = following[0].lower
    if text[mention_end - 2:mention_end] in ("'s", "’s"):
        return verb in _PARTICIPLES or verb.endswith(("ed", "ing")) or is_predicative_after_s(text, following[0])
    opens_clause = k > 0 and ws[k - 1].lower in _CLAUSE_OPENERS or after_fronted_clause(text, ws, k)
    return opens_clause and (verb in _VERB_WORDS or verb.endswith("ed") or is_present_tense(verb))


_FRONTED_REACH_WORDS = 20


def after_fronted_clause(text: str, ws: list, k: int) -> bool:
    """Word ``k`` follows the comma that closes a side clause opening its sentence, so it
    opens the main clause: ``As the lad stood in a dubious attitude, Durbeyfield put his hand
    in his pocket`` -- Durbeyfield, not the lad, is who the sentence's ``his`` means.

    >>> t = "As the lad stood in a dubious attitude, Durbeyfield put his hand out. Then, Tom left."
    >>> after_fronted_clause(t, words(t), 8), after_fronted_clause(t, words(t), 15)
    (True, False)
    """
    if k == 0 or "," not in text[ws[k - 1].end:ws[k].start]:
        return False
    start = next((j for j in range(k - 1, max(-1, k - 1 - _FRONTED_REACH_WORDS), -1) if ws[j].initial), None)
    return start is not None and ws[start].lower in SUBORDINATORS


_PREDICATIVES = frozenset("""
back here there home gone away out off up down inside outside upstairs downstairs over
right fine okay alright ok sure glad sorry late early ready awake asleep alive dead quiet silent busy
tired angry upset afraid scared nervous worried wrong hungry
""".split())
_AFTER_PREDICATIVE = letters.compile(r"\s*(?:[,.;:!?…—–-]|\w+ing\b|(?:with|from|in|at|for|to)\b)")


def is_predicative_after_s(text: str, word: Word) -> bool:
    """``Iruka’s back, sliding a muffin``: ``’s`` is "is" when a predicative word (an adverb of
    place or state, an adjective) follows it and then a pause, an ``-ing`` word or a preposition;
    ``Iruka’s back ached`` keeps the possessive (a noun before a verb).

    >>> t = "Iruka’s back, sliding a muffin"
    >>> is_predicative_after_s(t, words(t)[1])
    True
    >>> t = "Iruka’s back ached."
    >>> is_predicative_after_s(t, words(t)[1])
    False
    """
    return word.lower in _PREDICATIVES and bool(_AFTER_PREDICATIVE.match(text, word.end))


_OWNS_NEXT_WORD = letters.compile(r"(?<=s)['’]\s+(?!(?:and|or|but|nor)\b)[a-z]")


def is_possessive_name(text: str, mention_end: int) -> bool:
    """Whether a name ending in ``’s`` owns the next word (``Sakura’s eyes``) rather than
    contracting "is"/"has" (``Sakura’s done``, ``Iruka’s back, sliding``); a name ending in
    ``s’`` owns it always (``James’ sister``), unless the mark closes a quoted name (``‘James’ and``).

    >>> is_possessive_name("Sakura’s eyes sting.", 8), is_possessive_name("Sakura’s done.", 8), is_possessive_name("Sakura waits.", 6)
    (True, False, False)
    >>> is_possessive_name("James’ sister came.", 6), is_possessive_name("He said ‘James’ and left.", 15)
    (True, False)
    """
    if _OWNS_NEXT_WORD.match(text, mention_end - 1) or _OWNS_NEXT_WORD.match(text, mention_end):
        return True
    if not is_possessive_end(text, mention_end):
        return False
    following = words(text, mention_end, min(len(text), mention_end + 40))
    if not following:
        return False
    verb = following[0].lower
    return not (verb in _PARTICIPLES or verb.endswith(("ed", "ing")) or is_predicative_after_s(text, following[0]))


_ONE_WORD_SENTENCE_END = letters.compile(r"\s+[\w-]+\s*[.!?…]")


def owns_verbless_fragment(text: str, mention_end: int) -> bool:
    """A possessive name that owns the one word of a sentence without a verb acts in nothing:
    ``You choke on your drink. Well. Sol’s drink. "Three?"`` -- not Sol's beat (but
    ``Sol’s eyes narrow.`` is).

    >>> t = "Well. Sol’s drink. Sol’s eyes narrow."
    >>> owns_verbless_fragment(t, 11), owns_verbless_fragment(t, 24)
    (True, False)
    """
    return bool(_ONE_WORD_SENTENCE_END.match(text, mention_end)) and is_possessive_name(text, mention_end)


_NEXT_WORD = letters.compile(r"\s+([a-z]+)\b")
_THERE_IS = letters.compile(r"\b[Tt]here(?:['’]s|\s+(?:is|are|was|were))\b[^.!?;:]*$")


def shown_by_there_is(text: str, m: Mention) -> bool:
    """An indefinite description that ``there is`` shows is no subject acting: ``there is a
    drum and about four hundred people and a man shouting about goldfish`` (a later ``he``
    is not him before anyone who acts); not one its own verb follows (``There was a knock at
    the door and a man walked in.``: he acts).

    >>> t = "Well, there is a drum and a man shouting. A man shouts."
    >>> shown_by_there_is(t, Mention(25, 30, "description", "a man")), shown_by_there_is(t, Mention(42, 47, "description", "A man"))
    (True, False)
    >>> t = "There was a knock at the door and a man walked in."
    >>> shown_by_there_is(t, Mention(34, 39, "description", "a man"))
    False
    >>> t = "There was a knock and a man dressed in black. There was a man named Bo."
    >>> shown_by_there_is(t, Mention(22, 27, "description", "a man")), shown_by_there_is(t, Mention(56, 61, "description", "a man"))
    (True, True)
    """
    if not m.text.lower().startswith(("a ", "an ")) or not _THERE_IS.search(text, max(0, m.start - 150), m.start):
        return False
    following = _NEXT_WORD.match(text, m.end)
    return not (following and looks_like_verb(following.group(1)) and not _PARTICIPLE_PHRASE.match(text, following.end()))


_PARTICIPLE_PHRASE = letters.compile(r"(?<=ed)\s+(?:by|as|in\s+(?!(?:and|then|to)\b)[a-z]|[A-Z])")
"""What follows an -ed word that describes rather than acts: ``dressed in black``, ``named
Bo``, ``followed by``, ``known as`` (not ``walked in.``, ``walked in and sat``)."""


def looks_like_verb(word: str) -> bool:
    """A finite verb after a subject: ``looks``, ``turned``, ``was``, ``says`` (not ``mouth``).

    >>> looks_like_verb("looks"), looks_like_verb("turned"), looks_like_verb("mouth"), looks_like_verb("glass")
    (True, True, False, False)
    """
    w = word.lower()
    return w in _VERB_WORDS or w in SPEECH_VERBS or w.endswith("ed") or is_present_tense(w)


def _with_subject(m: Mention, subject: bool, initial: bool, clause_subject: bool) -> Mention:
    return Mention(m.start, m.end, m.kind, m.text, m.gender, m.person, subject, m.head, initial, clause_subject)


def _mention_at(text: str, ws: list, k: int, runs: dict[int, NameRun], roster: Roster, end: int, you: bool) -> Mention | None:
    """The person-mention word ``k`` of ``ws`` opens, if any: a subject pronoun, a description
    (``the captain``, ``her brother``), ``his``/``her``, ``I``, a subject ``you`` (in a story
    told to ``you``), or a name the roster knows (``runs``: the span's name runs by start)."""
    w = ws[k]
    low = w.lower
    if low in SUBJECT_PRONOUNS:
        return Mention(w.start, w.end, "pronoun", w.text, SUBJECT_PRONOUNS[low], subject=True)
    if low in ("the", "a", "an", "his", "her", "their", "my", "our"):
        found = description_at(text[w.start:end], roster.speaker_nouns)
        if found:
            phrase, head = found
            return Mention(w.start, w.start + len(phrase), "description", phrase, KIN_GENDER.get(head, Gender.UNKNOWN), head=head)
    if low in ("his", "her"):
        return Mention(w.start, w.end, "pronoun", w.text, Gender.MALE if low == "his" else Gender.FEMALE)
    if low in FIRST_PERSON_SUBJECTS:
        return Mention(w.start, w.end, "first_person", w.text, subject=True)
    if you and low in SECOND_PERSON_SUBJECTS and you_is_subject(text, ws, k):
        return Mention(w.start, w.end, "second_person", w.text, subject=True)
    if w.start in runs and not modifies_noun(text, runs[w.start], roster.nouns) and (person := roster.resolve(runs[w.start])):
        run = runs[w.start]
        return Mention(run.start, run.end, "name", text[run.start:run.end], person.gender, person.name)
    return None


_YOU_CLAUSE_OPENERS = frozenset("that than what how if whether instead now".split())


def you_is_subject(text: str, ws: list, k: int) -> bool:
    """``you`` in narration is a subject where a sentence or clause starts (after a pause, a
    conjunction or an adverb: ``and let her pull you``, ``Instead you hear``) and an object
    after a verb or a preposition (``he asks you``, ``smiles at you``).

    >>> t = "Theo smiles at you, and you laugh. Instead you wave. He asks you."
    >>> [you_is_subject(t, words(t), k) for k, w in enumerate(words(t)) if w.lower == "you"]
    [False, True, True, False]
    """
    if ws[k].initial or k == 0:
        return True
    before = ws[k - 1]
    pause = any(c in text[before.end:ws[k].start] for c in ",;:()—–")
    return pause or before.lower in _CLAUSE_OPENERS or before.lower in _YOU_CLAUSE_OPENERS or before.lower in _ADVERBS or before.lower.endswith("ly")


SECOND_PERSON_MIN_SHARE = 0.3
"""At least this share of ``you`` among narration subject pronouns (and too few ``I`` for a
first-person narrator) makes a story told to "you": a reader-insert whose ``you`` is a
person who speaks. A novel's ``you may imagine`` stays far below it (0.11 at most in the bench; a reader-insert
with a talkative love interest, 0.49)."""


def told_to_you(doc: Document) -> bool:
    """Whether the story is told in the second person: ``you`` is at least
    :data:`SECOND_PERSON_MIN_SHARE` of its narration's subject pronouns and no first-person
    narrator tells it (``I`` talking to a ``you`` keeps
    ``I`` the narrator)."""
    return doc.second_person_share >= SECOND_PERSON_MIN_SHARE and doc.first_person_share < FIRST_PERSON_MIN_SHARE



_YOU = letters.compile(r"(?<![A-Za-z])[Yy]ou(?![A-Za-z])")  # a narration span without it is not searched for a "you" subject


def _you_subjects(text: str, scanned: _Scanned) -> int:
    """How many times the narration makes ``you`` a subject."""
    spans = [ws for span, ws in scanned.span_words.items() if _YOU.search(text, *span)]
    return sum(ws[k].lower in SECOND_PERSON_SUBJECTS and you_is_subject(text, ws, k) for ws in spans for k in range(len(ws)))


def _second_person_share(paragraphs: list[Paragraph], you_subjects: int) -> float:
    """The share of ``you`` among the narration's subject pronouns (he/she, ``I`` and ``you``)."""
    counts = Counter(m.kind for p in paragraphs for m in p.mentions if m.kind in ("pronoun", "first_person") and m.subject)
    total = counts["pronoun"] + counts["first_person"] + you_subjects
    return you_subjects / total if total else 0.0


def _first_person_share(paragraphs: list[Paragraph]) -> float:
    """The share of ``I`` among narration subjects, the author's notes left out (``A/N: I
    have needed to know why...`` is the author, not a narrator)."""
    counts = Counter(m.kind for p in paragraphs if not p.front_matter for m in p.mentions if m.kind in ("pronoun", "first_person") and m.subject)
    total = counts["pronoun"] + counts["first_person"]
    return counts["first_person"] / total if total else 0.0


class Salience:
    """Who was mentioned (or spoke) most recently before a position: the reader's memory."""

    def __init__(self) -> None:
        self._positions: list[int] = []
        self._events: list[tuple[int, str, bool]] = []  # (position, person name, was a subject)
        self.first_seen: dict[str, int] = {}  # person name -> position of their first event

    def add(self, position: int, person: str, subject: bool) -> None:
        k = bisect.bisect_right(self._positions, position)
        self._positions.insert(k, position)
        self._events.insert(k, (position, person, subject))
        self.first_seen[person] = min(position, self.first_seen.get(person, position))

    def rename(self, old: str, new: str) -> None:
        """Every event of ``old`` becomes one of ``new`` (two names found to be one person)."""
        self._events = [(at, new if name == old else name, subject) for at, name, subject in self._events]
        if (first := self.first_seen.pop(old, None)) is not None:
            self.first_seen[new] = min(first, self.first_seen.get(new, first))

    def reassign(self, position: int, person: str) -> None:
        """The event at ``position`` is ``person``'s (a mention read as a voice of its own that a
        rule found to be someone's: ``says the phone`` -> the caller).

        >>> s = Salience(); s.add(5, "the phone", True); s.reassign(5, "Ada"); s.events()
        [(5, 'Ada', True)]
        """
        self._events = [(at, person if at == position else name, subject) for at, name, subject in self._events]

    def events(self) -> list[tuple[int, str, bool]]:
        """Every event read, in text order."""
        return list(self._events)

    def recent(self, before: int, limit: int = 60) -> list[tuple[int, str, bool]]:
        """Events before ``before``, most recent first."""
        k = bisect.bisect_left(self._positions, before)
        return self._events[max(0, k - limit):k][::-1]

    def named_lately(self, before: int, limit: int = 30) -> set[str]:
        """Everyone with one of the last ``limit`` events before ``before``: who the reader has in mind.

        >>> s = Salience(); s.add(0, "Ada", True); s.add(10, "Bo", False); s.add(20, "Cy", True)
        >>> sorted(s.named_lately(20)), sorted(s.named_lately(21, limit=1))
        (['Ada', 'Bo'], ['Cy'])
        """
        return {name for _, name, _ in self.recent(before, limit)}

    def named_between(self, start: int, end: int) -> set[str]:
        """Everyone with an event from ``start`` up to (not at) ``end``: who a stretch of text had in it."""
        return {name for _, name, _ in self._events[bisect.bisect_left(self._positions, start):bisect.bisect_left(self._positions, end)]}
