"""First contact: how often each rule was right on stories the engine had never seen.

Every round two writers who never ran ficaudio write a blind six into ``bench/heldout``; the
round's start engine scores them before anyone reads them, and the next round moves them into
``bench/data``, where the rules are tuned on them. So the commit that added a round's six holds
both an engine that had never seen them and the six themselves: its own harness, run on its own
``bench/heldout``, gives each rule's firings and right lines on unseen text -- what a user's story
is. :data:`CONTACTS` lists those commits; ``measure`` re-runs each (``git archive`` of the commit
into a scratch folder, then that commit's ``bench/attribution.py --gold-spans --only fixtures
--fixtures FOLDER --rules --calibrate``) and writes :data:`DATA` (``bench/first_contact.json``),
one entry per contact with its commit, round, accuracy and per-rule and per-table-entry counts;
``table`` pools the entries and prints, next to the dev precision, the confidence each entry of
``ficaudio.attribute.confidence.CALIBRATED`` should have on unseen text (the method is in that
module's docstring). A maintainer's tool, not a test; it needs a clone with full history::

    .venv/bin/python bench/first_contact.py measure          # about a minute; rewrites bench/first_contact.json
    PYTHONPATH=src .venv/bin/python bench/first_contact.py table   # the pooled table and the proposed CALIBRATED
    PYTHONPATH=src .venv/bin/python bench/first_contact.py check   # leave one round out: each round's ECE and Brier

``table`` also scores the dev stories and seeds with today's engine (``--gold-spans``, no roster),
and LitBank where it is present. ``check`` is the honest test of the method: for each pooled round
it derives the table from the other rounds only and runs that round's engine on its six with it,
next to the ECE and Brier score the round had with its own table (measured on dev stories). To add a round: append its contact to :data:`CONTACTS` (the
commit that put its blind six in ``bench/heldout``; once the six are moved, the moving round's
start engine may stand in for it, as round 42's does) and run both commands.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DATA = BENCH / "first_contact.json"
PYTHON = sys.executable

ROUND_42_SIX = ("circus_winter", "cultivation_sect", "diner_night", "hero_comms", "mafia_dinner", "soccer_club")
ROUND_43_SIX = ("arena_games", "class_reunion", "eighth_year", "ice_station", "knight_quest", "olympus_flats")

CONTACTS = [
    # (round, commit, folder of the six in that commit, their names (None: the whole folder), strict figure recorded then, pooled)
    (30, "abd6c83", "bench/heldout", None, 287, False),  # rounds 30-32: older engines, several of today's entries missing; not pooled
    (31, "516a059", "bench/heldout", None, 381, False),  # the round's end engine
    (32, "f5f4e30", "bench/heldout", None, 326, False),  # reader_insert's reader annotated 'Reader' (made Y/N in ccd5006)
    (33, "391585c", "bench/heldout", None, 327, True),
    (34, "972a0e1", "bench/heldout", None, 397, True),
    (35, "779bb37", "bench/heldout", None, 414, True),  # 416 at the round's start, 414 after 35c/35f: this commit came after them
    (36, "73851e6", "bench/heldout", None, 383, True),
    (37, "0526222", "bench/heldout", None, 419, True),
    (38, "13345a5", "bench/heldout", None, 426, True),
    (39, "8c9bb04", "bench/heldout", None, 419, True),
    (40, "3f45e61", "bench/heldout", None, 402, True),
    (41, "cafba2b", "bench/heldout", None, 383, True),  # with round 41a's reader fixes, made before the six came
    # round 42's six twice: at round 42's start, and at round 43's start (478a803: the six just moved into bench/data,
    # not yet read). The later engine is pooled (its rule names are today's); the earlier is kept as a cross-check,
    # not pooled, so that one six is not counted twice.
    (42, "2402509", "bench/heldout", None, 339, False),
    (42, "478a803", "bench/data", ROUND_42_SIX, 339, True),
    # round 43's six: at round 43's start (e311ff5, the six just written: the true first contact, pooled), and at round
    # 44's start (ef5bf1e, the six just moved; round 43's end engine, whose merges were checked against the six's
    # totals -- 20 lines more, not blind -- kept for reference)
    (43, "e311ff5", "bench/heldout", None, 367, True),
    (43, "ef5bf1e", "bench/data", ROUND_43_SIX, 387, False),
    (44, "1693caa", "bench/heldout", None, 354, True),  # round 44's six just written (a635f38's rules)
]
"""Each round's first contact; ``pooled`` False: kept for reference, not counted in the table."""

NOT_RULES = frozenset({"narration", "unattributed", "missed"})


def export(commit: str, into: Path) -> Path:
    """The tree of ``commit`` under ``into/commit`` (``git archive``), made once."""
    target = into / commit
    if not (target / "bench" / "attribution.py").exists():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def stories_folder(tree: Path, folder: str, names: tuple[str, ...] | None, scratch: Path) -> Path:
    """The folder to score: the commit's own, or a copy holding only ``names``."""
    if names is None:
        return tree / folder
    picked = scratch / f"{tree.name}-picked"
    picked.mkdir(parents=True, exist_ok=True)
    for name in names:
        for suffix in (".txt", ".gold.jsonl", ".characters.json"):
            source = tree / folder / f"{name}{suffix}"
            if source.exists():
                shutil.copy(source, picked / source.name)
    return picked


ACCURACY = re.compile(r"quotations (\d+), .*accuracy (\d+)/(\d+)")
ROW = re.compile(r"^    (\S+)\s+(\d+)\s+(\d+)\s+(?:[\d.]+|-)(?:\s|$)")
ECE = re.compile(r"expected calibration error \(ECE\): ([\d.]+), Brier score: ([\d.]+)")


def parse(output: str) -> dict:
    """Accuracy, the rule table (``--rules``) and the table entries (``--calibrate``) of one run.

    >>> out = '''fixtures (6 texts, roster=none, spans=gold): quotations 10, detection P 1.0 R 1.0, accuracy 7/10 = 0.700
    ...     rule                              fired  right precision
    ...     turn_taking                           6      4     0.667
    ...     explicit_tag                          4      3     0.750
    ...     confidence  lines  right   mean accuracy
    ...     0.9-1.0         4      3  0.950    0.750
    ...     expected calibration error (ECE): 0.150, Brier score: 0.200
    ... calibration, pooled (roster=none, spans=gold):
    ...     expected calibration error (ECE): 0.150, Brier score: 0.200
    ...     entry                                     fired  right precision should be  table
    ...     explicit_tag                                  4      3     0.750      0.65   0.95 !
    ...     turn_taking                                   2      1     0.500      0.50   0.80 !
    ...     turn_taking/three_way                         4      3     0.750      0.65   0.60 !
    ...     second_person_tag                             0      0         -      0.50   0.95 !'''
    >>> got = parse(out)
    >>> got["quotations"], got["right"], got["ece"], got["rules"]["turn_taking"], got["entries"]["turn_taking/three_way"]
    (10, 7, 0.15, [6, 4], [4, 3])
    >>> got["entries"]["second_person_tag"]
    [0, 0]
    """
    result: dict = {"rules": {}, "entries": {}}
    section = None
    for line in output.splitlines():
        if m := ACCURACY.search(line):
            result["quotations"], result["right"] = int(m.group(3)), int(m.group(2))
        elif line.strip().startswith("rule ") and "fired" in line:
            section = "rules"
        elif line.strip().startswith("entry ") and "fired" in line:
            section = "entries"
        elif line.strip().startswith("confidence ") and "lines" in line:
            section = None
        elif m := ECE.search(line):
            result["ece"], result["brier"] = float(m.group(1)), float(m.group(2))
        elif section and (m := ROW.match(line)):
            if m.group(1) not in NOT_RULES or section == "rules":
                result[section][m.group(1)] = [int(m.group(2)), int(m.group(3))]
    return result


def measure_one(round_: int, commit: str, folder: str, names, recorded: int, pooled: bool, scratch: Path) -> dict:
    tree = export(commit, scratch)
    stories = stories_folder(tree, folder, names, scratch)
    command = [PYTHON, "bench/attribution.py", "--gold-spans", "--only", "fixtures", "--fixtures", str(stories), "--rules", "--calibrate"]
    run = subprocess.run(command, cwd=tree, env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=True)
    got = parse(run.stdout)
    full = subprocess.run(["git", "-C", str(REPO), "rev-parse", commit], check=True, capture_output=True, text=True).stdout.strip()
    stories_scored = sorted(p.name[: -len(".gold.jsonl")] for p in stories.glob("*.gold.jsonl"))
    entry = {"round": round_, "commit": full, "folder": folder, "stories": stories_scored, "pooled": pooled,
             "recorded_right": recorded, **got}
    if got.get("right") != recorded:
        print(f"round {round_} {commit}: {got.get('right')} right, the round recorded {recorded}", file=sys.stderr)
    return entry


def measure(scratch: Path | None = None) -> list[dict]:
    """Re-run every contact of :data:`CONTACTS` and write :data:`DATA`."""
    with tempfile.TemporaryDirectory(prefix="first_contact-") as tmp:
        where = scratch or Path(tmp)
        entries = [measure_one(*contact, where) for contact in CONTACTS]
    text = json.dumps({"command": "bench/attribution.py --gold-spans --only fixtures --fixtures FOLDER --rules --calibrate, "
                                  "each commit's own harness and engine on its own blind six",
                       "contacts": entries}, indent=1)
    text = re.sub(r"\[\s+(\d+),\s+(\d+)\s+\]", r"[\1, \2]", text)  # a (fired, right) pair on one line
    DATA.write_text(text + "\n", encoding="utf-8")
    return entries


def load(path: Path = DATA) -> list[dict]:
    """The contacts of :data:`DATA`."""
    return json.loads(path.read_text(encoding="utf-8"))["contacts"]


def pooled_entries(contacts: list[dict]) -> dict[str, Counter]:
    """Table entry -> {fired, right, contacts} summed over the pooled contacts (an entry counts
    in the contacts whose engine had it in its table or fired it)."""
    total: dict[str, Counter] = {}
    for contact in contacts:
        if not contact["pooled"]:
            continue
        for key, (fired, right) in contact["entries"].items():
            c = total.setdefault(key, Counter())
            c["fired"] += fired
            c["right"] += right
            c["contacts"] += 1
    return total


def dev_counts(litbank: bool = True) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """Today's engine: table entry -> {fired, right} on our dev stories and seeds, and on LitBank
    (empty where it is absent), quotation spans given, no roster."""
    sys.path.insert(0, str(BENCH))
    import attribution as bench

    corpora = [bench.score(bench.load_texts(bench.DEFAULT_FIXTURES, typed=True), gold_spans=True)]
    if bench.DEFAULT_SEEDS.is_dir():
        corpora.append(bench.score(bench.load_seeds(bench.DEFAULT_SEEDS), gold_spans=True))
    novels = bench.Tally()
    if litbank and bench.DEFAULT_LITBANK.is_dir():
        novels = bench.score(bench.load_texts(bench.DEFAULT_LITBANK, typed=False), gold_spans=True)
    return bench.pooled(corpora).by_key, novels.by_key


POOL_UNDER = 20
"""An entry fired fewer times than this in fan fiction is measured with LitBank's firings added."""

PRIOR_WEIGHT = 20
"""How many first-contact firings the prior of an entry is worth (see :func:`unseen_precision`)."""


def kind(key: str) -> str:
    """``tag`` for a tag or an action beat (the speaker written beside the quotation), else
    ``context`` (who is talking read from the turns, the address, the scene).

    >>> kind("pronoun_action_beat"), kind("second_person_tag"), kind("turn_taking/three_way")
    ('tag', 'tag', 'context')
    """
    return "tag" if key.split("/")[0].endswith(("_tag", "_action_beat")) else "context"


def dev_of(key: str, fan: dict, novels: dict) -> Counter:
    """An entry's dev counts: fan fiction, with LitBank's added where it fired under :data:`POOL_UNDER` times."""
    counts = Counter(fan.get(key, Counter()))
    return counts + Counter(novels.get(key, Counter())) if counts["fired"] < POOL_UNDER else counts


def kind_ratios(keys, first: dict, fan: dict, novels: dict) -> dict[str, float]:
    """Per kind, first-contact precision over dev precision, pooled over the entries of that kind
    that fired at least :data:`POOL_UNDER` times on first contact.

    >>> first = {"a_tag": Counter(fired=100, right=80), "b": Counter(fired=50, right=25), "c": Counter(fired=5, right=5)}
    >>> fan = {"a_tag": Counter(fired=200, right=180), "b": Counter(fired=100, right=80), "c": Counter(fired=40, right=40)}
    >>> {k: round(v, 3) for k, v in kind_ratios(["a_tag", "b", "c"], first, fan, {}).items()}
    {'tag': 0.889, 'context': 0.625}
    """
    sums: dict[str, Counter] = {}
    for key in keys:
        f = first.get(key, Counter())
        if f["fired"] < POOL_UNDER:
            continue
        d = dev_of(key, fan, novels)
        s = sums.setdefault(kind(key), Counter())
        s.update(fc_fired=f["fired"], fc_right=f["right"], dev_fired=d["fired"], dev_right=d["right"])
    return {k: (s["fc_right"] / s["fc_fired"]) / (s["dev_right"] / s["dev_fired"]) for k, s in sums.items()}


def unseen_precision(fc_fired: int, fc_right: int, dev_fired: int, dev_right: int, ratio: float) -> float:
    """An entry's expected precision on unseen text: its first-contact firings with a prior worth
    :data:`PRIOR_WEIGHT` firings added, the prior being its dev precision (Laplace-smoothed) times
    its kind's first-contact/dev ratio. An entry that fired often on first contact gets about
    its first-contact precision; one seldom or never seen there its dev precision, scaled down.

    >>> round(unseen_precision(918, 599, 1365, 1107, 0.8), 3)   # often seen: about 599/918 = 0.653
    0.652
    >>> round(unseen_precision(2, 0, 49, 42, 0.8), 3)   # twice seen, both wrong: mostly the scaled dev precision
    0.613
    >>> round(unseen_precision(0, 0, 1, 1, 0.8), 3)   # never seen on first contact
    0.533
    """
    prior = (dev_right + 1) / (dev_fired + 2) * ratio
    return (fc_right + PRIOR_WEIGHT * prior) / (fc_fired + PRIOR_WEIGHT)


def rounded(precision: float) -> float:
    """To 0.05, at least 0.05 and at most ``MOST_SURE``.

    >>> rounded(0.652), rounded(0.99), rounded(0.01)
    (0.65, 0.95, 0.05)
    """
    from ficaudio.attribute.confidence import MOST_SURE

    return max(0.05, min(MOST_SURE, int(precision * 20 + 0.5) / 20))


def proposed(first: dict, fan: dict, novels: dict, keys) -> dict[str, tuple[float, Counter, Counter]]:
    """table entry -> (confidence on unseen text, first-contact counts, dev counts). An entry with
    no firing on first contact nor in dev keeps ``UNMEASURED``."""
    from ficaudio.attribute.confidence import UNMEASURED

    ratios = kind_ratios(keys, first, fan, novels)
    result = {}
    for key in keys:
        f, d = Counter(first.get(key, Counter())), dev_of(key, fan, novels)
        if not f["fired"] and not d["fired"]:
            result[key] = (UNMEASURED, f, d)
            continue
        result[key] = (rounded(unseen_precision(f["fired"], f["right"], d["fired"], d["right"], ratios[kind(key)])), f, d)
    return result


def table(contacts: list[dict]) -> str:
    """Each entry of today's table: first contact pooled, dev precision, the value it has and the
    value it should have on unseen text; then the entries written as ``CALIBRATED``'s lines."""
    from ficaudio.attribute.confidence import CALIBRATED

    first = pooled_entries(contacts)
    fan, novels = dev_counts()
    keys = list(CALIBRATED)
    ratios = kind_ratios(keys, first, fan, novels)
    values = proposed(first, fan, novels, keys)
    rows = [f"    {'entry':36} {'first contact':>16} {'dev':>18} {'table':>6} {'unseen':>7}"]
    for key in keys:
        value, f, d = values[key]
        fc = f"{f['right']:4d}/{f['fired']:<4d} {f['right'] / f['fired']:.2f}" if f["fired"] else f"{'-':>14}"
        dv = f"{d['right']:5d}/{d['fired']:<5d} {d['right'] / d['fired']:.2f}" if d["fired"] else f"{'-':>16}"
        rows.append(f"    {key:36} {fc:>16} {dv:>18} {CALIBRATED[key]:6.2f} {value:7.2f}{'' if value == CALIBRATED[key] else ' !'}")
    pooled_contacts = [c for c in contacts if c["pooled"]]
    rows.append(f"    pooled: {len(pooled_contacts)} contacts, {sum(c['right'] for c in pooled_contacts)}/"
                f"{sum(c['quotations'] for c in pooled_contacts)} right; first contact / dev: "
                + ", ".join(f"{k} {v:.3f}" for k, v in sorted(ratios.items())))
    rows.append("CALIBRATED = {")
    for key in keys:
        value, f, d = values[key]
        pooled_note = " (dev pooled with LitBank)" if fan.get(key, Counter())["fired"] < POOL_UNDER and d["fired"] else ""
        rows.append(f'    "{key}": {value},  # first contact {f["right"]}/{f["fired"]}, dev {d["right"]}/{d["fired"]}{pooled_note}')
    rows.append("}")
    return "\n".join(rows)


def with_table(tree: Path, values: dict[str, float], into: Path) -> Path:
    """A copy of an exported commit whose ``CALIBRATED`` is ``values`` (the engine otherwise as it was)."""
    copy = into / f"{tree.name}-table"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(tree, copy)
    module = copy / "src" / "ficaudio" / "attribute" / "confidence.py"
    block = "CALIBRATED = {\n" + "".join(f'    "{k}": {v},\n' for k, v in values.items()) + "}\n"
    module.write_text(re.sub(r"CALIBRATED = \{.*?\n\}\n", lambda _: block, module.read_text(encoding="utf-8"), count=1, flags=re.S), encoding="utf-8")
    return copy


def leave_one_round_out(contacts: list[dict], scratch: Path) -> list[dict]:
    """Each pooled round's engine on its own six, with the table it had then and with a table
    derived as today's is but without that round's counts: the calibration a new story would get."""
    from ficaudio.attribute.confidence import CALIBRATED

    fan, novels = dev_counts()
    by_commit = {commit: (folder, names) for _r, commit, folder, names, _rec, _p in CONTACTS}
    results = []
    for contact in contacts:
        if not contact["pooled"]:
            continue
        others = [c for c in contacts if c is not contact]
        values = {k: v[0] for k, v in proposed(pooled_entries(others), fan, novels, list(CALIBRATED)).items()}
        folder, names = by_commit[contact["commit"][:7]]
        tree = with_table(export(contact["commit"][:7], scratch), values, scratch)
        stories = stories_folder(tree, folder, names, scratch)
        command = [PYTHON, "bench/attribution.py", "--gold-spans", "--only", "fixtures", "--fixtures", str(stories), "--rules"]
        run = subprocess.run(command, cwd=tree, env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
                             capture_output=True, text=True, check=True)
        results.append({"round": contact["round"], "commit": contact["commit"][:7], **{k: v for k, v in parse(run.stdout).items() if k in ("right", "ece", "brier")},
                        "ece_then": contact["ece"], "brier_then": contact["brier"]})
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("measure", "table", "check"))
    parser.add_argument("--scratch", type=Path, help="keep the exported commits here (default: a temporary folder)")
    args = parser.parse_args(argv)
    if args.what == "measure":
        for c in measure(args.scratch):
            print(f"round {c['round']} {c['commit'][:7]} {'pooled' if c['pooled'] else 'cross-check'}: "
                  f"{c['right']}/{c['quotations']} (recorded {c['recorded_right']}), ECE {c['ece']:.3f}, Brier {c['brier']:.3f}")
    elif args.what == "table":
        print(table(load()))
    else:
        with tempfile.TemporaryDirectory(prefix="first_contact-") as tmp:
            for r in leave_one_round_out(load(), args.scratch or Path(tmp)):
                print(f"round {r['round']} {r['commit']}: {r['right']} right; ECE {r['ece_then']:.3f} with the table it had -> "
                      f"{r['ece']:.3f} without its own counts; Brier {r['brier_then']:.3f} -> {r['brier']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
