"""Speaker-attribution benchmark: the real engine, end to end, on annotated texts.

Usage::

    .venv/bin/python bench/attribution.py [--litbank DIR] [--fixtures DIR] [--seeds DIR] [--roster] [--gold-spans]
                                          [--only CORPUS] [--rules] [--errors N] [--speed] [--calibrate]

Data (each text: ``NAME.txt`` one paragraph a line, ``NAME.gold.jsonl`` with one quotation per
line ``{start, end, speaker, type?}``, optional ``NAME.characters.json``):

* LitBank (``/work/shared/attribution-dev/litbank``, skipped with a message when absent);
* our own fan-fiction-style stories in ``bench/data/`` (always present; types annotated);
* the real fan fiction of ``/work/shared/seeds`` (skipped with "seeds not found, skipped" when
  absent): the repository keeps only our annotations, ``bench/data/seeds/STEM.gold.jsonl``
  (``{start, end, speaker, type, sha1}``, sha1 of the quotation text, so a changed file is
  reported instead of scored) and ``STEM.characters.json``. Seeds are read the way a user's file
  is (``ficaudio.parse.read_story`` + ``ficaudio.segment.segment``), whatever ``--gold-spans`` says.

What runs: our stories (``bench/data``, ``bench/validation``, ``bench/heldout``) are read as a
user's file is (``read_story``: the header and notes set aside, chapters found) and segmented by
``ficaudio.segment.segment`` (``--gold-spans``: the annotated spans instead, in the reader's
blocks); LitBank's texts, which have no header or chapters, become one chapter of a paragraph a
line, their quotations found by ``ficaudio.segment.find_quotations``. ``ficaudio.attribute.attribute``
attributes them with no roster (``--roster``: the annotated character list is given as
``known``). Reported: detection precision/recall (a found quotation matches a gold one when
both ends are within 2 characters; in our stories a paragraph of a speech that runs on into the
next, which its annotators leave unmarked by their format, is not counted as found), accuracy
over *all gold quotations* (a missed quotation counts as wrong), by type, and per rule how often
it fires and is right.

Matching a predicted speaker to the gold speaker (strict on purpose):

* LitBank: the predicted character's canonical name, normalised (lower case, no periods, one
  space), must equal an alias of exactly one annotated character; failing that, one of its
  capitalised aliases must. That character must be the gold speaker. A name that fits two
  annotated characters, or none, is wrong. The engine's ``I`` (a first-person narrator the
  text never names), when no alias spells it, is the character annotated ``narrator``. (Two
  predicted characters may map to one annotated one, e.g. ``Lizzy`` and ``Elizabeth``: the
  per-line score does not punish a split voice.)
* Fixtures: the gold speaker must equal the predicted canonical name or one of its aliases
  (``--by-alias``: as the seeds instead, so a person split into two voices is not punished).
* Seeds: as LitBank, with the names and aliases of ``STEM.characters.json`` (id = name).

Types: fixtures carry their own (explicit/anaphoric/implicit). LitBank has none, so its
quotations are typed by the rule that fired (a tag naming the speaker: explicit; a pronoun or
description tag: anaphoric; anything else, including nothing: implicit).

Confidence: ``--rules`` also prints accuracy by confidence bucket, the expected calibration
error (ECE: the gap between confidence and accuracy, averaged over the lines by tenth-wide
bucket) and the Brier score (the mean squared gap between confidence and outcome).
``--calibrate`` pools the corpora scored and prints the same for all of them, then for each
entry of the confidence table (``ficaudio.attribute.confidence.CALIBRATED``, a rule or
``rule/case``) its firings, its measured precision and that precision smoothed and rounded as the
table's values are, next to the value it has. Since round 43 the table is set from each rule's
precision on first contact, not on these corpora (``bench/first_contact.py``; the
``confidence`` module's docstring says why), so on our stories most entries are below their
measured precision; ``!`` marks an entry surer than that, which first contact never makes it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ficaudio.attribute import attribute
from ficaudio.attribute.confidence import CALIBRATED, INHERITED, MOST_SURE, UNMEASURED, table_key
from ficaudio.attribute.resolve import FIRST_PERSON_NAME
from ficaudio.models import Attribution, Block, BlockKind, Chapter, Character, Gender, Segment, SegmentKind, Story
from ficaudio.parse.lines import is_scene_break_line
from ficaudio.segmentation.quotes import DOUBLE_CLOSING_GLYPHS

DEFAULT_LITBANK = Path("/work/shared/attribution-dev/litbank")
DEFAULT_FIXTURES = Path(__file__).resolve().parent / "data"
DEFAULT_SEEDS = Path("/work/shared/seeds")
SEED_GOLD = DEFAULT_FIXTURES / "seeds"
TOLERANCE_CHARS = 2
UNNAMED_NARRATOR = "narrator"  # LitBank's label for a first-person narrator the text never names (the engine's "I")
EXPLICIT_RULES = frozenset({"explicit_tag", "first_person_tag"})
ANAPHORIC_RULES = frozenset({"pronoun_tag", "description_tag"})


@dataclass(frozen=True)
class Text:
    name: str
    text: str
    gold: tuple[dict, ...]
    characters: tuple[dict, ...]
    typed: bool  # gold records carry their own "type"
    source: Path | None = None  # a real story file, read and segmented as a user's would be
    file: Path | None = None  # our story's file: read as a user's would be, its quotations the gold spans with --gold-spans


@dataclass
class Tally:
    """Counts for one corpus."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    correct: int = 0
    by_type: dict = field(default_factory=lambda: defaultdict(Counter))  # type -> {n, correct}
    by_rule: dict = field(default_factory=lambda: defaultdict(Counter))  # rule -> {fired, right}
    by_confidence: dict = field(default_factory=lambda: defaultdict(Counter))  # bucket -> {n, right, confidence (sum), squared_error (sum)}
    by_key: dict = field(default_factory=lambda: defaultdict(Counter))  # confidence table key -> {fired, right}
    errors: list = field(default_factory=list)
    voices: list = field(default_factory=list)  # (text, gold speaker, our speaker) per line found
    words: int = 0
    seconds: float = 0.0

    def line(self, label: str) -> str:
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        acc = self.correct / self.gold if self.gold else 0.0
        types = "  ".join(f"{t} {c['correct']}/{c['n']}={c['correct'] / c['n']:.3f}" for t, c in sorted(self.by_type.items()) if c["n"])
        return f"{label}: quotations {self.gold}, detection P {p:.4f} R {r:.4f}, accuracy {self.correct}/{self.gold} = {acc:.3f}\n    by type: {types}"


# ----------------------------------------------------------------------------- loading
def load_texts(folder: Path, typed: bool) -> list[Text]:
    texts = []
    for path in sorted(folder.glob("*.gold.jsonl")):
        name = path.name[: -len(".gold.jsonl")]
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        gold = tuple(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        chars_path = folder / f"{name}.characters.json"
        characters = tuple(json.loads(chars_path.read_text())["characters"]) if chars_path.exists() else ()
        texts.append(Text(name, text, gold, characters, typed, file=folder / f"{name}.txt"))
    return texts


def load_seeds(folder: Path, gold_folder: Path = SEED_GOLD) -> list[Text]:
    """Annotated seeds whose story file is present and unchanged (sha1 of every quotation)."""
    from ficaudio.parse import read_story

    texts = []
    for gold_path in sorted(gold_folder.glob("*.gold.jsonl")):
        stem = gold_path.name[: -len(".gold.jsonl")]
        source = folder / f"{stem}.txt"
        if not source.exists():
            print(f"seed {stem}: story not found, skipped")
            continue
        text = read_story(source).text
        gold = tuple(json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip())
        drifted = [g for g in gold if hashlib.sha1(text[g["start"]:g["end"]].encode()).hexdigest() != g["sha1"]]
        if drifted:
            print(f"seed {stem}: {len(drifted)} quotations changed since annotation, skipped")
            continue
        gold = tuple({**g, "text": text[g["start"]:g["end"]], "speaker_id": g["speaker"]} for g in gold)
        characters = tuple(json.loads((gold_folder / f"{stem}.characters.json").read_text())["characters"])
        characters = tuple({**c, "id": c["name"]} for c in characters)
        texts.append(Text(stem, text, gold, characters, True, source))
    return texts


def story_of(name: str, text: str) -> Story:
    """One chapter; each line a paragraph, one blank line between paragraphs allowed; two or more
    blank lines, or a line of symbols only (``* * *``, ``~``), a scene break, as the parser makes
    them (fan fiction saved as text; LitBank has none)."""
    blocks = []
    for m in re.finditer(r"[^\n]+|\n{3,}", text):
        if m.group().startswith("\n") or is_scene_break_line(m.group()):
            if blocks and blocks[-1].kind is BlockKind.PARAGRAPH:
                blocks.append(Block(BlockKind.SCENE_BREAK, m.start(), m.end()))
        elif m.group().strip():
            blocks.append(Block(BlockKind.PARAGRAPH, m.start(), m.end()))
    return Story(text, name, None, name, (Chapter(1, None, None, tuple(blocks)),))


def with_thoughts(segments: list[Segment], thoughts: list[Segment]) -> list[Segment]:
    """``segments`` with each thought (``*I should go*``, as the real segmenter marks it) that lies
    wholly inside a narration segment split out of it: the gold gives the quotations, not the
    thoughts, and a user's run hears a thought as the thinker's, not as narration to resolve
    tags against.

    >>> n = Segment(0, 0, SegmentKind.NARRATION, 0, 20, "He sat. *Go.* He sat")
    >>> [(s.kind.value, s.text) for s in with_thoughts([n], [Segment(0, 0, SegmentKind.THOUGHT, 8, 13, "*Go.*")])]
    [('narration', 'He sat. '), ('thought', '*Go.*'), ('narration', ' He sat')]
    """
    out = []
    thoughts = sorted(thoughts, key=lambda t: t.start)
    for seg in segments:
        inside = [t for t in thoughts if seg.kind is SegmentKind.NARRATION and seg.start <= t.start and t.end <= seg.end] if thoughts else []
        cursor = seg.start
        for t in inside:
            if t.start > cursor:
                out.append(Segment(seg.chapter, seg.paragraph, SegmentKind.NARRATION, cursor, t.start, seg.text[cursor - seg.start:t.start - seg.start]))
            out.append(Segment(seg.chapter, seg.paragraph, SegmentKind.THOUGHT, t.start, t.end, t.text))
            cursor = t.end
        if not inside:
            out.append(seg)
        elif cursor < seg.end:
            out.append(Segment(seg.chapter, seg.paragraph, SegmentKind.NARRATION, cursor, seg.end, seg.text[cursor - seg.start:]))
    return out


def segments_of(story: Story, spans: list[tuple[int, int]]) -> list[Segment]:
    """Dialogue segments for the spans, narration for the gaps, each in the block it starts in."""
    segments = []
    spans = sorted(spans)
    for chapter in story.chapters:
        c = chapter.index
        for b, block in enumerate(chapter.blocks):
            if block.kind is BlockKind.SCENE_BREAK:
                segments.append(Segment(c, b, SegmentKind.SCENE_BREAK, block.start, block.end, ""))
                continue
            cursor = block.start
            for s, e in spans:
                if not block.start <= s < block.end:
                    continue
                if s > cursor:
                    segments.append(Segment(c, b, SegmentKind.NARRATION, cursor, s, story.text[cursor:s]))
                segments.append(Segment(c, b, SegmentKind.DIALOGUE, s, e, story.text[s:e]))
                cursor = e
            if cursor < block.end:
                segments.append(Segment(c, b, SegmentKind.NARRATION, cursor, block.end, story.text[cursor:block.end]))
    return segments


def detected_spans(text: str) -> list[tuple[int, int]]:
    from ficaudio.segment import find_quotations

    return [tuple(s) for s in find_quotations(text)]


def known_of(t: Text) -> list[Character]:
    """The annotated character list as a user's roster: aliases shared by two characters dropped."""
    counts = Counter(_norm(a) for c in t.characters for a in set(map(_norm, c.get("aliases") or [c["name"]])))
    known = []
    for c in t.characters:
        aliases = tuple(a for a in (c.get("aliases") or []) if a != c["name"] and counts[_norm(a)] == 1)
        gender = Gender(c["gender"]) if c.get("gender") in ("male", "female") else Gender.UNKNOWN
        known.append(Character(c["name"], aliases, gender))
    return known


# ---------------------------------------------------------------------------- matching
def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace(".", "").replace("’", "'")).strip()


def litbank_matcher(t: Text, attribution: Attribution):
    """predicted speaker -> annotated character id, or None (see the module docstring)."""
    alias_owner: dict[str, set[str]] = defaultdict(set)
    for c in t.characters:
        for a in c.get("aliases") or [c["name"]]:
            alias_owner[_norm(a)].add(c["id"] if "id" in c else c["name"])  # our fixtures: the name is the id
    ours = {c.name: c for c in attribution.characters}

    def match(speaker: str) -> str | None:
        owners = alias_owner.get(_norm(speaker), set())
        if not owners and speaker == FIRST_PERSON_NAME:
            owners = alias_owner.get(UNNAMED_NARRATOR, set())  # the same unnamed person under the annotators' label
        if len(owners) == 1:
            return next(iter(owners))
        if owners:
            return None
        character = ours.get(speaker)
        hits = {o for a in (character.aliases if character else ()) if a[:1].isupper() for o in alias_owner.get(_norm(a), ())}
        return next(iter(hits)) if len(hits) == 1 else None

    return match


def fixture_matcher(t: Text, attribution: Attribution):
    ours = {c.name: {_norm(c.name), *map(_norm, c.aliases)} for c in attribution.characters}

    def match(speaker: str) -> str | None:
        return speaker  # compared against gold below through _fixture_equal

    match.names = ours  # type: ignore[attr-defined]
    return match


# ----------------------------------------------------------------------------- scoring
def run_text(t: Text, tally: Tally, *, roster: bool, gold_spans: bool, by_alias: bool = False) -> None:
    story, segments = _story_and_segments(t, gold_spans)
    known = known_of(t) if roster else []
    started = time.perf_counter()
    attribution = attribute(story, segments, known=known)
    tally.seconds += time.perf_counter() - started
    tally.words += len(t.text.split())
    lines = dialogue_lines(attribution)
    tally.found += sum(not (t.typed and runs_on(line.segment.text)) for line in lines.values())
    tally.gold += len(t.gold)
    is_gold = gold_judge(t, attribution, by_alias)
    for g in t.gold:
        line = _find_line(lines, g)
        tally.matched += line is not None
        right = line is not None and is_gold(g, line.speaker)
        tally.correct += right
        if line is not None:
            tally.voices.append((t.name, g["speaker"], line.speaker))
        qtype = g.get("type") if t.typed else _type_of_rule(line.rule if line else "missed")
        tally.by_type[qtype]["n"] += 1
        tally.by_type[qtype]["correct"] += right
        rule = line.rule if line else "missed"
        confidence = line.confidence if line else 0.0
        bucket = confidence_bucket(confidence)
        tally.by_confidence[bucket]["n"] += 1
        tally.by_confidence[bucket]["right"] += right
        tally.by_confidence[bucket]["confidence"] += confidence
        tally.by_confidence[bucket]["squared_error"] += (confidence - right) ** 2
        tally.by_rule[rule]["fired"] += 1
        tally.by_rule[rule]["right"] += right
        key = table_key(rule, line.case if line else "")
        tally.by_key[key]["fired"] += 1
        tally.by_key[key]["right"] += right
        if not right:
            tally.errors.append((t.name, g, line.speaker if line else "(missed)", rule))


def runs_on(quotation: str) -> bool:
    """``"So here's what I think.`` with no closing mark: one paragraph of a speech that goes on in
    the next. Our annotators mark a quotation only where its closing mark is (bench/data/make_fixtures.py),
    so such a paragraph has no gold span, and finding it is no false detection."""
    return quotation.rstrip()[-1:] not in CLOSING_MARKS


CLOSING_MARKS = frozenset('"' + DOUBLE_CLOSING_GLYPHS + "'\u2019")


def dialogue_lines(attribution: Attribution) -> dict:
    """The attribution's spoken lines (thoughts left out) by their span, to match gold quotations to."""
    return {(l.segment.start, l.segment.end): l for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE}


def gold_judge(t: Text, attribution: Attribution, by_alias: bool = False):
    """``(gold quotation, speaker) -> whether the speaker is the gold one``, by the text's matcher
    (LitBank's and the seeds' entity ids; a fixture's gold name among a character's aliases)."""
    names = {c.name: {_norm(c.name), *map(_norm, c.aliases)} for c in attribution.characters}
    matcher = litbank_matcher(t, attribution) if not t.typed or t.source or by_alias else None
    return lambda g, speaker: _is_right(t, g, speaker, matcher, names)


def _story_and_segments(t: Text, gold_spans: bool) -> tuple[Story, list[Segment]]:
    if (path := t.source or t.file) is not None:  # a seed (always segmented as a user's), or our story's file
        from ficaudio.parse import read_story
        from ficaudio.segment import segment

        story = read_story(path)
        if t.file is not None and gold_spans:
            thoughts = [seg for seg in segment(story) if seg.kind is SegmentKind.THOUGHT]
            return story, with_thoughts(segments_of(story, [(g["start"], g["end"]) for g in t.gold]), thoughts)
        return story, list(segment(story))
    story = story_of(t.name, t.text)
    spans = [(g["start"], g["end"]) for g in t.gold] if gold_spans else detected_spans(t.text)
    return story, segments_of(story, spans)


def confidence_bucket(confidence: float) -> str:
    """``0.87`` -> ``"0.8-0.9"``: a tenth-wide bucket for the calibration table."""
    low = min(9, int(confidence * 10 + 1e-9))
    return f"{low / 10:.1f}-{(low + 1) / 10:.1f}"


def calibration_table(tally: Tally) -> str:
    """Accuracy per confidence bucket: a calibrated engine is right about as often as it says."""
    rows = [f"    {'confidence':10} {'lines':>6} {'right':>6} {'mean':>6} {'accuracy':>8}"]
    for bucket, c in sorted(tally.by_confidence.items()):
        rows.append(f"    {bucket:10} {c['n']:6d} {c['right']:6d} {c['confidence'] / c['n']:6.3f} {c['right'] / c['n']:8.3f}")
    rows.append(f"    expected calibration error (ECE): {expected_calibration_error(tally):.3f}, Brier score: {brier_score(tally):.3f}")
    return "\n".join(rows)


def expected_calibration_error(tally: Tally) -> float:
    """The gap between mean confidence and accuracy in each confidence bucket, weighted by its lines:
    0 when every bucket is right exactly as often as it says."""
    total = sum(c["n"] for c in tally.by_confidence.values())
    gaps = sum(abs(c["confidence"] - c["right"]) for c in tally.by_confidence.values())
    return gaps / total if total else 0.0


def brier_score(tally: Tally) -> float:
    """The mean squared gap between each line's confidence and its outcome (1 right, 0 wrong):
    unlike the ECE, it also rewards telling sure lines from unsure ones (one confidence for every
    line, the overall accuracy, has an ECE of 0 but a poor Brier score)."""
    total = sum(c["n"] for c in tally.by_confidence.values())
    return sum(c["squared_error"] for c in tally.by_confidence.values()) / total if total else 0.0


def should_be(fired: int, right: int) -> float:
    """A precision as the confidence table rounds it: with one right and one wrong
    firing added (Laplace's rule of succession, so a rule seen twice is not called certain, and
    one never seen gets the even :data:`UNMEASURED`), rounded to 0.05, at most :data:`MOST_SURE`.

    >>> should_be(820, 656), should_be(2, 2), should_be(0, 0), should_be(513, 507)
    (0.8, 0.75, 0.5, 0.95)
    """
    return min(MOST_SURE, int((right + 1) / (fired + 2) * 20 + 0.5) / 20)


def pooled(tallies: list[Tally]) -> Tally:
    """The confidence counts of several corpora together (for the calibration report)."""
    total = Tally()
    for tally in tallies:
        for counts, more in ((total.by_confidence, tally.by_confidence), (total.by_key, tally.by_key)):
            for key, c in more.items():
                counts[key].update(c)
    return total


def calibration_report(tally: Tally) -> str:
    """Each confidence-table entry: firings, measured precision, that precision smoothed and
    rounded, and the value it has (``!`` where the table is surer than the smoothed precision);
    then the rules the lines fell to that have no
    entry (:func:`decided` gives them :data:`UNMEASURED`; or they inherit)."""
    counts = tally.by_key
    rows = [f"    {'entry':40} {'fired':>6} {'right':>6} {'precision':>9} {'smoothed':>9} {'table':>6}"]
    for key in CALIBRATED:
        c = counts.get(key, Counter())
        precision = f"{c['right'] / c['fired']:9.3f}" if c["fired"] else f"{'-':>9}"
        mark = " !" if c["fired"] and CALIBRATED[key] > should_be(c["fired"], c["right"]) else ""
        rows.append(f"    {key:40} {c['fired']:6d} {c['right']:6d} {precision} {should_be(c['fired'], c['right']):9.2f} {CALIBRATED[key]:6.2f}{mark}")
    for key in sorted(set(counts) - set(CALIBRATED) - {"narration", "unattributed", "missed"}):
        c = counts[key]
        has = "(as sure as the line it continues)" if key in INHERITED else f"none: add one (decided() gives it {UNMEASURED})"
        rows.append(f"    {key:40} {c['fired']:6d} {c['right']:6d} {c['right'] / c['fired']:9.3f} {should_be(c['fired'], c['right']):9.2f} {has}")
    return "\n".join(rows)


def _find_line(lines: dict, g: dict):
    if (g["start"], g["end"]) in lines:
        return lines[(g["start"], g["end"])]
    for (s, e), line in lines.items():
        if abs(s - g["start"]) <= TOLERANCE_CHARS and abs(e - g["end"]) <= TOLERANCE_CHARS:
            return line
    return None


def _is_right(t: Text, g: dict, speaker: str, matcher, names: dict) -> bool:
    if matcher is not None:
        return matcher(speaker) == g.get("speaker_id", g["speaker"])
    gold = _norm(g["speaker"])
    owners = [n for n, forms in names.items() if gold in forms]
    return len(owners) == 1 and owners[0] == speaker or (not owners and _norm(speaker) == gold)


def _type_of_rule(rule: str) -> str:
    if rule in EXPLICIT_RULES:
        return "explicit"
    if rule in ANAPHORIC_RULES:
        return "anaphoric"
    return "implicit"


def score(texts: list[Text], *, roster: bool = False, gold_spans: bool = False, by_alias: bool = False) -> Tally:
    tally = Tally()
    for t in texts:
        run_text(t, tally, roster=roster, gold_spans=gold_spans, by_alias=by_alias)
    return tally


def voices_report(tally: Tally) -> str:
    """How often one annotated person is heard in two or more of our voices.

    Each of our voices belongs to the person most of its lines are annotated to; a person owning
    two or more voices is split (a surname, title or nickname never joined to the name), and the
    lines in the voices other than that person's biggest one are heard in the wrong voice even
    when every turn is right. Lines of a voice annotated to other people are attribution errors,
    counted by the accuracy already, not here.
    """
    by_text: dict = defaultdict(lambda: defaultdict(Counter))  # text -> our voice -> gold speaker -> lines
    for name, gold, ours in tally.voices:
        by_text[name][ours][gold] += 1
    people = split_people = second_voice_lines = voices = 0
    for owners in by_text.values():
        owned: dict = defaultdict(list)  # person -> lines of each voice they own
        for counts in owners.values():
            person, lines = counts.most_common(1)[0]
            owned[person].append(lines)
        people += len({g for counts in owners.values() for g in counts})
        voices += len(owners)
        for lines in owned.values():
            split_people += len(lines) > 1
            second_voice_lines += sum(lines) - max(lines)
    return (f"    voices: {people} speaking people, {voices} voices; {split_people} people heard in two or more voices, "
            f"{second_voice_lines} of {len(tally.voices)} lines in a person's second voice")


def rule_table(tally: Tally) -> str:
    rows = [f"    {'rule':32} {'fired':>6} {'right':>6} {'precision':>9}"]
    for rule, c in sorted(tally.by_rule.items(), key=lambda kv: -kv[1]["fired"]):
        rows.append(f"    {rule:32} {c['fired']:6d} {c['right']:6d} {c['right'] / c['fired']:9.3f}")
    return "\n".join(rows)


def speed_check() -> str:
    """Attribute one story of about 100,000 words, the target's size, made by joining our stories in
    name order until it is reached (and, to show how the cost grows, all of them joined: a longer
    story with more characters than any real one); report wall-clock and CPU seconds (one process,
    one thread: CPU time is what one core spent, unswayed by other work on the machine)."""
    texts = sorted(load_texts(DEFAULT_FIXTURES, typed=True), key=lambda t: t.name)
    first, words = [], 0
    for t in texts:
        if words >= 100_000:
            break
        first.append(t.text)
        words += len(t.text.split())
    rows = []
    for label, bodies in (("100,000-word story", first), (f"all {len(texts)} joined", [t.text for t in texts])):
        body = "\n\n".join(bodies)
        repeats = -(-100_000 // max(1, len(body.split())))  # enough copies to reach 100,000 words
        text = "\n\n".join([body] * repeats)
        story = story_of("speed", text)
        segments = segments_of(story, detected_spans(text))
        started, cpu_started = time.perf_counter(), time.process_time()
        attribution = attribute(story, segments)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        quotes = sum(1 for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE)
        n = len(text.split())
        per = 100_000 / n
        rows.append(f"speed, {label}: {n} words, {quotes} quotations attributed in {seconds:.2f} s ({seconds * per:.2f} s per 100,000 words;"
                    f" CPU {cpu * per:.2f} s, the figure to trust on a shared machine)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--litbank", type=Path, default=DEFAULT_LITBANK)
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the real fan fiction seeds")
    parser.add_argument("--only", choices=("fixtures", "seeds", "litbank"), action="append", help="score only these corpora")
    parser.add_argument("--roster", action="store_true", help="give the annotated characters as known")
    parser.add_argument("--gold-spans", action="store_true", help="use annotated quotation spans instead of detection")
    parser.add_argument("--by-alias", action="store_true", help="score our stories as the seeds are: a voice is right when one of its names is an alias of the gold speaker only (one person split into two voices is not punished)")
    parser.add_argument("--rules", action="store_true", help="per-rule table")
    parser.add_argument("--voices", action="store_true", help="how many annotated people are heard in two or more voices, and their lines in the second")
    parser.add_argument("--errors", type=int, default=0, help="print the first N wrong attributions")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--calibrate", action="store_true", help="measured precision of each confidence-table entry, pooled over the corpora scored")
    args = parser.parse_args(argv)
    mode = f"roster={'given' if args.roster else 'none'}, spans={'gold' if args.gold_spans else 'detected'}"
    corpora = [("fixtures", load_texts(args.fixtures, typed=True))]
    if args.seeds.is_dir():
        corpora.append(("seeds", load_seeds(args.seeds)))
    else:
        print(f"seeds not found at {args.seeds}, skipped")
    if args.litbank.is_dir():
        corpora.append(("litbank", load_texts(args.litbank, typed=False)))
    else:
        print(f"litbank not found at {args.litbank}, skipping")
    tallies = []
    for label, texts in corpora:
        if args.only and label not in args.only:
            continue
        tally = score(texts, roster=args.roster, gold_spans=args.gold_spans, by_alias=args.by_alias)
        tallies.append(tally)
        print(tally.line(f"{label} ({len(texts)} texts, {mode})"))
        if args.voices:
            print(voices_report(tally))
        if args.rules:
            print(rule_table(tally))
            print(calibration_table(tally))
        for name, g, said, rule in tally.errors[: args.errors]:
            print(f"    ERR {name} {g['start']}: gold {g['speaker']!r} got {said!r} by {rule}: {g['text'][:70]!r}")
        if args.speed:
            print(f"    one text at a time: {tally.seconds:.2f} s for {tally.words} words ({tally.seconds * 100_000 / max(1, tally.words):.2f} s per 100,000 words)")
    if args.calibrate:
        print(f"calibration, pooled ({mode}):")
        print(calibration_table(pooled(tallies)))
        print(calibration_report(pooled(tallies)))
    if args.speed:
        print(speed_check())
    return 0


if __name__ == "__main__":
    sys.exit(main())
