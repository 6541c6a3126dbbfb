"""Experiment: let the conversation rules VOTE with learned weights, cross-validated by story.

For an untagged quotation the engine asks ``_CONVERSATION_RULES`` (``ficaudio.attribute``) in a
fixed order and the first rule that proposes a speaker wins. Here every rule is asked; each
proposes a speaker (or nothing); the speaker with the highest sum of its proposers' weights wins
(ties: the proposer earliest in the current order), and the winning proposer's own decision is
kept (so its rule name and confidence flow on as before). Weights ``2**(n-i)`` reproduce the
cascade exactly (checked: ``--check``).

Method (no story is ever fitted and scored at once):

1. Folds: the fixtures (our stories) and the LitBank texts are each dealt round-robin by sorted
   name into ``--folds`` folds; fold k holds both corpora's k-th share.
2. Logging: every text is run once through the real engine with the cascade, logging for each
   quotation where the conversation rules are consulted the proposals of ALL rules and whether
   each proposed speaker is the gold one (the benchmark's strict matcher, before renames).
3. Fitting, per fold: coordinate ascent on the logged proposals of the OTHER folds, each weight
   over ``GRID`` in turn, a few passes, maximising the quotations whose voted speaker is right.
4. Scoring, per fold: the held-out fold's texts are attributed END TO END by the real engine
   with the fitted weights (decisions feed the conversation's state, so logged proposals are not
   enough) and compared with the cascade on the same texts. Seeds (never in any training fold)
   are scored with weights fitted on all the fixtures and LitBank.

Usage::

    PYTHONPATH=src .venv/bin/python bench/conversation_weights.py [--folds 3] [--end-to-end] [--check]

``--end-to-end`` fits step 3 with the real engine in the loop instead (each trial weight scored
by attributing the training texts end to end), a smaller grid around the ranks, one pass.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ficaudio.attribute as engine  # noqa: E402
from attribution import DEFAULT_FIXTURES, DEFAULT_LITBANK, DEFAULT_SEEDS, Tally, _find_line, _story_and_segments, dialogue_lines, gold_judge, load_seeds, load_texts, run_text  # noqa: E402

RULES = engine._CONVERSATION_RULES
NAMES = tuple(r.__name__ for r in RULES)
CASCADE = {name: 2 ** (len(RULES) - i) for i, name in enumerate(NAMES)}
RANKS = {name: len(RULES) - i for i, name in enumerate(NAMES)}  # 13..1: two later rules can outvote one earlier
GRID = tuple(range(0, 2 * len(RULES) + 1))
_weights: dict[str, float] = CASCADE
_log: list | None = None


def vote(resolver, ctx):
    """All conversation rules asked; the speaker with most weight wins, ties to the earlier rule."""
    proposals = [(name, d) for name, rule in zip(NAMES, RULES) if (d := rule(resolver, ctx))]
    if _log is not None:
        _log.append((ctx.segment.start, ctx.segment.end, [(name, d.speaker) for name, d in proposals]))
    return voted(proposals, _weights)


def voted(proposals, weights):
    """The winning proposal's decision (or speaker) among ``(rule name, decision or speaker)``.

    >>> voted([("turn_taking", "Ada"), ("answers_previous", "Bo"), ("salient_character", "Bo")], {"turn_taking": 3, "answers_previous": 2, "salient_character": 1})
    'Ada'
    >>> voted([("turn_taking", "Ada"), ("answers_previous", "Bo"), ("salient_character", "Bo")], {"turn_taking": 3, "answers_previous": 2, "salient_character": 2})
    'Bo'
    """
    totals: dict = {}
    for name, d in proposals:
        speaker = d if isinstance(d, str) else d.speaker
        totals[speaker] = totals.get(speaker, 0) + weights[name]
    best = max(totals.values(), default=0)
    if best <= 0:
        return None
    return next(d for name, d in proposals if totals[d if isinstance(d, str) else d.speaker] == best)


@contextmanager
def voting(weights):
    """The engine with its conversation rules replaced by :func:`vote` under ``weights``."""
    global _weights
    saved, _weights, engine._CONVERSATION_RULES = _weights, weights, (vote,)
    try:
        yield
    finally:
        _weights, engine._CONVERSATION_RULES = saved, RULES


def correct_count(args) -> tuple[str, int, int]:
    """(name, right, gold) for one text attributed end to end with ``weights``."""
    t, weights = args
    tally = Tally()
    with voting(weights):
        run_text(t, tally, roster=False, gold_spans=True)
    return t.name, tally.correct, tally.gold


def logged_records(t) -> list[list[tuple[str, str, bool]]]:
    """Per consulted quotation of ``t`` matched to a gold one: each rule's proposal as (rule,
    proposed speaker, whether that speaker is the gold one)."""
    global _log
    _log = []
    story, segments = _story_and_segments(t, True)
    with voting(CASCADE):
        attribution = engine.attribute(story, segments)
    log, _log = _log, None
    is_gold = gold_judge(t, attribution)
    lines = dialogue_lines(attribution)
    gold = {}
    for g in t.gold:
        if (line := _find_line(lines, g)) is not None:
            gold[(line.segment.start, line.segment.end)] = g
    records = []
    for start, end, proposals in log:
        if (g := gold.get((start, end))) and proposals:
            records.append([(name, speaker, is_gold(g, speaker)) for name, speaker in proposals])
    return records


def speakers(args) -> tuple[str, list[tuple[int, int, str, str]]]:
    """(name, each line's span, speaker and rule) for one text, by the plain engine or (with
    ``weights``) through :func:`vote`."""
    t, weights = args
    story, segments = _story_and_segments(t, True)
    if weights is None:
        attribution = engine.attribute(story, segments)
    else:
        with voting(weights):
            attribution = engine.attribute(story, segments)
    return t.name, [(l.segment.start, l.segment.end, l.speaker, l.rule) for l in attribution.lines]


def check(pool, texts) -> int:
    """Each text attributed by the plain engine and through the vote with the cascade's weights:
    every line that differs is printed; 1 if any did, else 0."""
    plain = pool.map(speakers, [(t, None) for t in texts])
    voted_lines = pool.map(speakers, [(t, CASCADE) for t in texts])
    differing = 0
    for (name, a), (_, b) in zip(plain, voted_lines):
        for line_a, line_b in zip(a, b):
            if line_a != line_b:
                differing += 1
                print(f"DIFFERS {name} {line_a[:2]}: plain {line_a[2:]} vote {line_b[2:]}")
        if len(a) != len(b):
            differing += 1
            print(f"DIFFERS {name}: {len(a)} lines plain, {len(b)} by vote")
    print(f"check: {differing} lines differ over {len(texts)} texts")
    return 1 if differing else 0


def accuracy(records, weights) -> int:
    right = 0
    for proposals in records:
        win = voted([(name, speaker) for name, speaker, _ in proposals], weights)
        right += win is not None and any(ok for name, speaker, ok in proposals if speaker == win)
    return right


def oracle(records) -> int:
    """Consulted quotations where some rule proposes the gold speaker: no weighting can do better."""
    return sum(any(ok for _, _, ok in proposals) for proposals in records)


def fit(records, passes: int = 4) -> dict[str, float]:
    """Coordinate ascent over ``GRID`` from the cascade's order as ranks (``RANKS``)."""
    weights = dict(RANKS)
    best = accuracy(records, weights)
    for _ in range(passes):
        changed = False
        for name in NAMES:
            for value in GRID:
                trial = {**weights, name: value}
                if (score := accuracy(records, trial)) > best:
                    best, weights, changed = score, trial, True
        if not changed:
            break
    return weights


def fit_end_to_end(pool, texts, passes: int = 1) -> dict[str, float]:
    """Coordinate ascent with the real engine in the loop (state fed by each decision): each
    weight tried at 0 and within +-2 (and +4) of its rank, on ``texts`` attributed end to end."""
    weights = dict(RANKS)
    best = sum(end_to_end(pool, texts, weights).values())
    for _ in range(passes):
        for name in NAMES:
            for value in sorted({0, *(max(0, RANKS[name] + d) for d in (-2, -1, 1, 2, 4))} - {weights[name]}):
                trial = {**weights, name: value}
                if (score := sum(end_to_end(pool, texts, trial).values())) > best:
                    best, weights = score, trial
    return weights


def folds_of(texts, k: int) -> list[list]:
    ordered = sorted(texts, key=lambda t: t.name)
    return [ordered[i::k] for i in range(k)]


def end_to_end(pool, texts, weights) -> dict[str, int]:
    return {name: right for name, right, _ in pool.map(correct_count, [(t, weights) for t in texts])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--end-to-end", action="store_true", help="fit with the real engine in the loop (slow: ~10 minutes) instead of on logged proposals")
    parser.add_argument("--check", action="store_true", help="only check that the cascade weights reproduce the plain engine line for line (exit 1 if not)")
    args = parser.parse_args(argv)
    corpora = {"fixtures": load_texts(DEFAULT_FIXTURES, typed=True), "litbank": load_texts(DEFAULT_LITBANK, typed=False)}
    seeds = load_seeds(DEFAULT_SEEDS) if DEFAULT_SEEDS.is_dir() else []
    with Pool(2) as pool:
        if args.check:
            return check(pool, [t for texts in corpora.values() for t in texts] + seeds)
        base = {c: end_to_end(pool, texts, CASCADE) for c, texts in corpora.items()}
        for c, r in base.items():
            print(f"cascade via vote, {c}: {sum(r.values())}/{sum(len(t.gold) for t in corpora[c])}")
        logs = {t.name: recs for c, texts in corpora.items() for t, recs in zip(texts, pool.map(logged_records, texts))}
        folds = {c: folds_of(texts, args.folds) for c, texts in corpora.items()}
        totals = {c: [0, 0] for c in corpora}
        for k in range(args.folds):
            held = {t.name for c in corpora for t in folds[c][k]}
            train = [r for name, recs in logs.items() if name not in held for r in recs]
            weights = fit_end_to_end(pool, [t for c in corpora for i, f in enumerate(folds[c]) if i != k for t in f]) if args.end_to_end else fit(train)
            print(f"fold {k}: trained on {len(train)} consulted quotations, logged cascade {accuracy(train, CASCADE)}, ranks {accuracy(train, RANKS)}, fitted {accuracy(train, weights)}, oracle {oracle(train)}; weights {weights}")
            for c in corpora:
                texts = folds[c][k]
                voted_right = end_to_end(pool, texts, weights)
                cascade_right = sum(base[c][t.name] for t in texts)
                gained = sorted(n for n in voted_right if voted_right[n] > base[c][n])
                lost = sorted(n for n in voted_right if voted_right[n] < base[c][n])
                print(f"  held-out {c} ({len(texts)} texts): cascade {cascade_right} -> voted {sum(voted_right.values())}; gained on {len(gained)} {gained[:8]}, lost on {len(lost)} {lost[:8]}")
                totals[c][0] += cascade_right
                totals[c][1] += sum(voted_right.values())
        for c, (a, b) in totals.items():
            print(f"CROSS-VALIDATED {c}: cascade {a} -> voted {b} ({b - a:+d})")
        if seeds:
            all_weights = fit_end_to_end(pool, [t for texts in corpora.values() for t in texts]) if args.end_to_end else fit([r for recs in logs.values() for r in recs])
            s_base = sum(end_to_end(pool, seeds, CASCADE).values())
            s_vote = sum(end_to_end(pool, seeds, all_weights).values())
            print(f"seeds (weights fitted on all fixtures+LitBank {all_weights}): cascade {s_base} -> voted {s_vote}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
