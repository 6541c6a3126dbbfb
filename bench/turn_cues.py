"""Measure a cue for who speaks next in a talk of three or more before coding it as a rule.

Every quotation the conversation rules decide (``ficaudio.attribute._CONVERSATION_RULES``: no
tag, no beat) is logged with the talk as the engine sees it then -- its turns, the quotation's
words and calls, the calls of the turns before. Each cue of :data:`CUES` proposes a speaker
from that alone; it is scored against the gold speaker next to the engine's own final line
(after the second pass): where the two differ, how often each is right, and on how many texts
the cue would gain or lose lines. Only fired cues are counted; ``alternation`` (the one before
the last speaker) is the bar each cue must beat. Round 38b's table (bench/data/README.md).
Each moment also logs who is present in the scene (:func:`present_in_scene`), and the report
says where the gold speaker stood against that cast (round 38f's table).

Usage::

    PYTHONPATH=src .venv/bin/python bench/turn_cues.py [--only fixtures|seeds|litbank]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ficaudio.attribute as engine  # noqa: E402
from attribution import DEFAULT_FIXTURES, DEFAULT_LITBANK, DEFAULT_SEEDS, _find_line, _story_and_segments, dialogue_lines, gold_judge, load_seeds, load_texts  # noqa: E402
from ficaudio.attribute.rules import named_in_quote, vocatives  # noqa: E402


@dataclass
class Moment:
    """The talk when a quotation with no tag of its own is decided."""

    turns: list[str]  # speakers of the scene's turns, most recent last
    text: str  # the quotation
    named: list[str]  # people it names (its speaker is none of them)
    calls_before: list[list[str]]  # the people each earlier turn called by name, most recent last
    present: set[str] = field(default_factory=set)  # who the scene has put in the room (:func:`present_in_scene`)


def present_in_scene(resolver, before: int) -> set[str]:
    """Who the scene has put in the room before ``before``: everyone its narration named (as
    subject or object) or its tags gave a line since the scene began, less those the narration
    sent away since the talk began (``departures``). A scene break empties the room."""
    return resolver.salience.named_between(resolver.scene_start, before) - resolver.conversation.departed


def alternation(m: Moment) -> str | None:
    """A, B, then A again."""
    return m.turns[-2] if len(m.turns) >= 2 and m.turns[-2] != m.turns[-1] else None


def one_before_that(m: Moment) -> str | None:
    """The speaker before the last two: the third of a talk of three (the latest speaker of the
    scene who is neither of the last two nor named in the line)."""
    last_two = set(m.turns[-2:])
    return next((t for t in reversed(m.turns) if t not in last_two and t not in m.named), None)


def busiest_of_late(m: Moment) -> str | None:
    """Who took most of the last six turns, other than the last speaker (a talk led by one)."""
    counts = Counter(t for t in m.turns[-6:] if t != m.turns[-1] and t not in m.named)
    return counts.most_common(1)[0][0] if counts else None


_PAIR = re.compile(r"\b(?:you\s+two|you\s+both|both\s+of\s+you|the\s+two\s+of\s+you|the\s+pair\s+of\s+you)\b(?!-)", re.IGNORECASE)
_VERDICT = re.compile(r"^\W*(?:(?:yeah|yes|no|well|oh),?\s+)?(?:he|she|they)(?:['’]s|\s+is|['’]re|\s+are|\s+has)\s+(?:right|wrong|not\s+wrong|got\s+a\s+point|a\s+point|joking|kidding|lying)\b"
                      r"|^\W*what\s+(?:he|she)\s+said\b", re.IGNORECASE)
_AGREEMENT = re.compile(r"^\W*(?:me\s+too|me\s+neither|same(?:\s+here)?|seconded|agreed|ditto)\W*$", re.IGNORECASE)


def pair_called(m: Moment) -> str | None:
    """``"Both of you, stop."``: spoken to the two talking, so by a third."""
    return one_before_that(m) if _PAIR.search(m.text) else None


def pair_called_present(m: Moment) -> str | None:
    """``"Both of you, stop."`` by the one person present (spoken or not) who is neither of
    the last two speakers -- the candidate the turns alone cannot give (round 38f)."""
    third = {n for n in m.present | set(m.turns) if n not in m.turns[-2:] and n not in m.named}
    return third.pop() if _PAIR.search(m.text) and len(third) == 1 else None


def verdict_on_the_last(m: Moment) -> str | None:
    """``"He's right."``, ``"What she said."``: of the last speaker to someone else, by a third."""
    return one_before_that(m) if _VERDICT.search(m.text) else None


def agreement(m: Moment) -> str | None:
    """``"Me too."``, ``"Seconded."``: joining the last speaker, so neither of the two talking."""
    return one_before_that(m) if _AGREEMENT.search(m.text) else None


def called_and_unanswered(m: Moment) -> str | None:
    """One called by name in the turn before the last who has not spoken since."""
    if len(m.calls_before) < 2:
        return None
    waiting = [n for n in m.calls_before[-2] if n not in m.turns[-2:] and n not in m.named]
    return waiting[0] if len(waiting) == 1 else None


CUES: dict[str, Callable[[Moment], str | None]] = {f.__name__: f for f in (
    alternation, one_before_that, busiest_of_late, pair_called, pair_called_present, verdict_on_the_last, agreement, called_and_unanswered)}


@contextmanager
def logging_moments(log: dict[tuple[int, int], Moment]) -> Iterator[None]:
    """Log a :class:`Moment` for each quotation the engine's conversation rules are asked about."""
    decide, rules = engine.decide, engine._CONVERSATION_RULES
    calls: dict[int, list[str]] = {}

    def logged(rule):
        def ask(resolver, ctx):
            turns = list(resolver.conversation.turns)
            key = (ctx.segment.start, ctx.segment.end)
            if key not in log and turns:
                log[key] = Moment(turns, ctx.segment.text, named_in_quote(ctx), [calls.get(k, []) for k in range(len(turns))],
                                  present_in_scene(resolver, ctx.segment.start))
            return rule(resolver, ctx)
        return ask

    def deciding(resolver, ctx, previous):
        calls[len(resolver.conversation.turns)] = vocatives(ctx)
        return decide(resolver, ctx, previous)

    engine.decide, engine._CONVERSATION_RULES = deciding, tuple(logged(r) for r in rules)
    try:
        yield
    finally:
        engine.decide, engine._CONVERSATION_RULES = decide, rules


def score(texts) -> dict[str, Counter]:
    """Per cue: fired, right, where it differs from the engine which of the two is right, and
    the texts it would gain or lose lines on."""
    tallies: dict[str, Counter] = defaultdict(Counter)
    for t in texts:
        log: dict[tuple[int, int], Moment] = {}
        with logging_moments(log):
            story, segments = _story_and_segments(t, True)
            attribution = engine.attribute(story, segments)
        lines, judge = dialogue_lines(attribution), gold_judge(t, attribution)
        net: Counter = Counter()
        for g in t.gold:
            line = _find_line(lines, g)
            moment = line and log.get((line.segment.start, line.segment.end))
            if not moment:
                continue
            engine_right = judge(g, line.speaker)
            _count_presence(tallies["presence"], moment, judge, g, engine_right)
            for name, cue in CUES.items():
                if (proposed := cue(moment)) is None:
                    continue
                right = judge(g, proposed)
                tallies[name].update({"fired": 1, "right": right, "engine right": engine_right})
                if proposed != line.speaker:
                    tallies[name].update({"differs": 1, "cue alone right": right and not engine_right, "engine alone right": engine_right and not right})
                    net[name] += right - engine_right
        for name, n in net.items():
            tallies[name].update({"texts gained": n > 0, "texts lost": n < 0})
    return tallies


def _count_presence(tally: Counter, m: Moment, judge, g: dict, engine_right: bool) -> None:
    """Where the gold speaker stood: one of the last two speakers, an older turn's, present
    and not heard yet (the missing candidate), or absent; and how long the lists are."""
    unheard = m.present - set(m.turns)
    where = ("last two" if any(judge(g, n) for n in m.turns[-2:]) else "older turn" if any(judge(g, n) for n in m.turns)
             else "present, not heard" if any(judge(g, n) for n in unheard) else "absent")
    tally.update({"lines": 1, f"gold {where}": 1, f"wrong, gold {where}": not engine_right, "present listed": len(m.present), "unheard listed": len(unheard)})


def presence_report(tally: Counter) -> str:
    n = tally["lines"] or 1
    rows = [f"    {k}: {v}" for k, v in sorted(tally.items()) if k.startswith(("gold", "wrong"))]
    return "\n".join([f"    lines {tally['lines']}; listed present {tally['present listed'] / n:.2f}, of them not heard {tally['unheard listed'] / n:.2f} on average", *rows])


def report(tallies: dict[str, Counter]) -> str:
    cols = ("fired", "right", "engine right", "differs", "cue alone right", "engine alone right", "texts gained", "texts lost")
    rows = [f"    {'cue':24}" + "".join(f"{c:>20}" for c in cols)]
    rows += [f"    {name:24}" + "".join(f"{tallies[name][c]:>20}" for c in cols) for name in CUES if name in tallies]
    return "\n".join([*rows, "  presence:", presence_report(tallies["presence"])])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("fixtures", "seeds", "litbank"), action="append")
    args = parser.parse_args()
    loaders = {"fixtures": lambda: load_texts(DEFAULT_FIXTURES, typed=True), "seeds": lambda: load_seeds(DEFAULT_SEEDS),
               "litbank": lambda: load_texts(DEFAULT_LITBANK, typed=False)}
    for corpus in args.only or loaders:
        print(f"{corpus}:\n{report(score(loaders[corpus]()))}")


if __name__ == "__main__":
    main()
