"""Quote-detection precision and recall of ``ficaudio.segment.find_quotations`` on LitBank.

Usage::

    .venv/bin/python bench/quotes.py [LITBANK_DIR] [--worst N] [--join-continued] [--list]

Reads ``/work/shared/attribution-dev/litbank`` by default (NAME.txt + NAME.gold.jsonl, see
its README); prints "litbank not found at ..., skipping" when absent. Scores exact span
matches and lenient ones (same quotation, each end within +-2 characters), over all gold
quotations and over the "markable" ones (those that open with a quote mark or a dialogue
dash, as in Ulysses: LitBank also annotates a few quotations without marks), over all
excerpts and over the 86 with at least one gold quotation (the 14 others have no
quotation annotated, though some hold quoted speech: every quotation found there counts
as a false positive in the first line).

Most remaining false positives are quotations LitBank does not annotate as speech (quoted
letters and inscriptions, epigraphs, thoughts in quote marks, songs, reported or imagined
words, and plain speech left unannotated); most misses are gold spans that split one
quotation where the text has no mark, or speech without marks (Gulliver's italics); see
bench/data/README.md, "Detection round".

``--list`` prints every miss and every false positive (all excerpts, all gold, lenient +-2, the
scoring of ``bench/attribution.py``) with the words around it, one a line, for diffing.

The attribution engineer can import the scoring: ``from quotes import score_spans, load_excerpts``
(with ``bench/`` on ``sys.path``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ficaudio.segment import find_quotations
from ficaudio.segmentation.quotes import DIALOGUE_DASH_RE, DOUBLE_MARKS, SINGLE_MARKS

DEFAULT_LITBANK = Path("/work/shared/attribution-dev/litbank")
LENIENT_TOLERANCE_CHARS = 2
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS

Span = tuple[int, int]


@dataclass(frozen=True)
class Excerpt:
    name: str
    text: str
    gold: tuple[Span, ...]


@dataclass
class Score:
    """Counts of one comparison; ``matched`` pairs (predicted, gold)."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    missed: list[Span] = field(default_factory=list)  # gold spans nothing matched
    spurious: list[Span] = field(default_factory=list)  # predicted spans matching no gold

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives


def spans_match(predicted: Span, gold: Span, tolerance_chars: int) -> bool:
    """Same quotation: both ends within ``tolerance_chars``.

    >>> spans_match((10, 20), (11, 19), 2), spans_match((10, 20), (10, 23), 2)
    (True, False)
    """
    return abs(predicted[0] - gold[0]) <= tolerance_chars and abs(predicted[1] - gold[1]) <= tolerance_chars


def score_spans(predicted: Sequence[Span], gold: Sequence[Span], tolerance_chars: int = 0) -> Score:
    """One-to-one matching of predicted to gold spans (both sorted by start).

    >>> s = score_spans([(0, 5), (9, 12)], [(0, 5), (20, 25)])
    >>> s.true_positives, s.false_positives, s.false_negatives
    (1, 1, 1)
    """
    score = Score()
    unmatched = list(gold)
    for span in predicted:
        hit = next((g for g in unmatched if spans_match(span, g, tolerance_chars)), None)
        if hit is None:
            score.false_positives += 1
            score.spurious.append(span)
        else:
            unmatched.remove(hit)
            score.true_positives += 1
    score.false_negatives = len(unmatched)
    score.missed = unmatched
    return score


def load_excerpts(folder: Path) -> list[Excerpt]:
    """Every ``NAME.txt`` with its ``NAME.gold.jsonl`` spans, sorted by name."""
    excerpts = []
    for gold_path in sorted(folder.glob("*.gold.jsonl")):
        name = gold_path.name.removesuffix(".gold.jsonl")
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        excerpts.append(Excerpt(name, text, tuple((r["start"], r["end"]) for r in records)))
    return excerpts


def is_markable(text: str, span: Span) -> bool:
    """A gold quotation that opens with a quote mark or a dialogue dash (what the finder
    looks for; dash dialogue only in texts written that way, see ``dash_dialogue``)."""
    return text[span[0]] in QUOTE_MARKS or DIALOGUE_DASH_RE.match(text, span[0]) is not None


def evaluate(excerpts: Sequence[Excerpt], find: Callable[[str], list[Span]], *, markable_only: bool, tolerance_chars: int) -> tuple[Score, dict[str, Score]]:
    """Total and per-excerpt scores of ``find`` over ``excerpts``."""
    total, per_excerpt = Score(), {}
    for excerpt in excerpts:
        gold = [g for g in excerpt.gold if not markable_only or is_markable(excerpt.text, g)]
        score = score_spans(find(excerpt.text), gold, tolerance_chars)
        total.add(score)
        per_excerpt[excerpt.name] = score
    return total, per_excerpt


def describe(text: str, span: Span, width: int = 70) -> str:
    shown = text[span[0] : span[1]].replace("\n", "⏎")
    return repr(shown if len(shown) <= width else shown[: width // 2] + " … " + shown[-width // 2 :])


def print_worst(excerpts: Sequence[Excerpt], per_excerpt: dict[str, Score], worst: int) -> None:
    texts = {e.name: e.text for e in excerpts}
    ranked = sorted(per_excerpt.items(), key=lambda kv: -(kv[1].false_positives + kv[1].false_negatives))
    for name, score in ranked[:worst]:
        if not score.false_positives + score.false_negatives:
            break
        print(f"  {name}: {score.false_negatives} missed, {score.false_positives} spurious")
        for span in score.missed[:4]:
            print(f"    missed   {span} {describe(texts[name], span)}")
        for span in score.spurious[:4]:
            print(f"    spurious {span} {describe(texts[name], span)}")


def in_context(text: str, span: Span, width: int = 50) -> str:
    """The span in brackets with up to ``width`` characters either side, on one line.

    >>> in_context("He said 'Go.' Then", (8, 13), 4)
    "aid ['Go.'] The"
    """
    before = text[max(0, span[0] - width) : span[0]]
    after = text[span[1] : span[1] + width]
    return f"{before}[{text[span[0] : span[1]]}]{after}".replace("\n", "⏎")


def print_all_errors(excerpts: Sequence[Excerpt], per_excerpt: dict[str, Score]) -> None:
    """Every miss and false positive, ``MISS``/``FALSE name start-end context``."""
    for excerpt in excerpts:
        score = per_excerpt[excerpt.name]
        for label, spans in (("MISS", score.missed), ("FALSE", score.spurious)):
            for span in spans:
                print(f"{label:5} {excerpt.name} {span[0]}-{span[1]} {in_context(excerpt.text, span)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_LITBANK)
    parser.add_argument("--worst", type=int, default=8, help="list misses of the N worst excerpts")
    parser.add_argument("--join-continued", action="store_true", help="one span across a paragraph break")
    parser.add_argument("--list", action="store_true", help="list every miss and false positive (all gold, lenient)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"litbank not found at {args.folder}, skipping")
        return 0
    excerpts = load_excerpts(args.folder)

    def find(text: str) -> list[Span]:
        return find_quotations(text, join_continued=args.join_continued)

    if args.list:
        _, per_excerpt = evaluate(excerpts, find, markable_only=False, tolerance_chars=LENIENT_TOLERANCE_CHARS)
        print_all_errors(excerpts, per_excerpt)
        return 0
    annotated = [e for e in excerpts if e.gold]
    print(f"{len(excerpts)} excerpts, {len(annotated)} with gold quotations, "
          f"{sum(len(e.gold) for e in excerpts)} gold quotations")
    for label, chosen, markable_only in (
        ("all excerpts, all gold", excerpts, False),
        ("annotated excerpts, all gold", annotated, False),
        ("annotated excerpts, markable gold", annotated, True),
    ):
        for tolerance in (0, LENIENT_TOLERANCE_CHARS):
            total, _ = evaluate(chosen, find, markable_only=markable_only, tolerance_chars=tolerance)
            kind = "exact" if tolerance == 0 else f"lenient +-{tolerance}"
            print(f"{label:34} {kind:12} P {total.precision:7.2%}  R {total.recall:7.2%}  "
                  f"(tp {total.true_positives}, fp {total.false_positives}, fn {total.false_negatives})")
    print(f"worst excerpts (markable gold, exact), {len(excerpts)} excerpts:")
    _, per_excerpt = evaluate(excerpts, find, markable_only=True, tolerance_chars=0)
    print_worst(excerpts, per_excerpt, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
