"""How often the engine gives a character the annotated gender, over our fixtures.

Usage::

    .venv/bin/python bench/genders.py [--fixtures DIR]

Each character the engine finds is matched to the one annotated character whose name or an alias
is among its names (characters matching none or several are left out, as are annotated genders
``unknown``); printed: every disagreement, then the counts (matched / agree / unknown / wrong).
A gender decides which voice pool a character is cast from, and which ``he``/``she`` may mean them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as bench  # noqa: E402

from ficaudio.attribute import attribute  # noqa: E402


def audit(folder: Path) -> Counter:
    counts: Counter = Counter()
    for t in bench.load_texts(folder, typed=True):
        story, segments = bench._story_and_segments(t, True)
        for c in attribute(story, segments).characters:
            names = {c.name, *c.aliases}
            gold = [g for g in t.characters if g["name"] in names or set(g.get("aliases", [])) & names]
            if len(gold) != 1 or gold[0].get("gender", "unknown") == "unknown":
                continue
            want, got = gold[0]["gender"], c.gender.value
            counts["matched"] += 1
            counts["agree" if got == want else "unknown" if got == "unknown" else "wrong"] += 1
            if got != want:
                print(f"{t.name:22} {c.name:24} engine {got:8} annotated {want}")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=bench.DEFAULT_FIXTURES)
    counts = audit(parser.parse_args(argv).fixtures)
    print(f"matched {counts['matched']}: agree {counts['agree']}, unknown {counts['unknown']}, wrong {counts['wrong']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
