"""Build the annotated fan-fiction fixtures in ``bench/data`` from their annotated sources.

Usage::

    .venv/bin/python bench/data/make_fixtures.py            # bench/data
    .venv/bin/python bench/data/make_fixtures.py bench/heldout   # the held-out stories

A source ``FOLDER/src/NAME.ann`` is the story text with each quotation followed by its
annotation ``{Speaker/t}`` (t: ``e`` explicit = the paragraph names the speaker in a tag or
action beat, ``a`` anaphoric = a pronoun or description does, ``i`` implicit = nothing in the
paragraph does), plus ``@character Name | gender | alias, alias`` lines at the top. Writes
``NAME.txt`` (markers removed), ``NAME.gold.jsonl`` (``{start, end, text, speaker, type}``)
and ``NAME.characters.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent
MARKER = re.compile(r"\{([^{}]+)/([eai])\}")  # the speaker may hold a slash: Y/N
TYPES = {"e": "explicit", "a": "anaphoric", "i": "implicit"}
OPENING = {'"': '"', "”": "“", "’": "‘"}


def convert(source: str) -> tuple[str, list[dict], list[dict]]:
    characters, body = _header(source)
    text, gold = "", []
    cursor = 0
    for m in MARKER.finditer(body):
        text += body[cursor:m.start()]
        cursor = m.end()
        end = len(text)
        start = text.rindex(OPENING[text[end - 1]], 0, end - 1)
        gold.append({"start": start, "end": end, "text": text[start:end], "speaker": m.group(1), "type": TYPES[m.group(2)]})
    text += body[cursor:]
    return text, gold, characters


def _header(source: str) -> tuple[list[dict], str]:
    characters, lines = [], source.split("\n")
    while lines and lines[0].startswith("@character "):
        name, gender, aliases = (part.strip() for part in lines.pop(0)[len("@character "):].split("|"))
        characters.append({"name": name, "gender": gender, "aliases": [name, *filter(None, map(str.strip, aliases.split(",")))]})
    return characters, "\n".join(lines)


def main(folder: Path = DATA) -> None:
    total = 0
    for path in sorted((folder / "src").glob("*.ann")):
        text, gold, characters = convert(path.read_text(encoding="utf-8"))
        name = path.stem
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / f"{name}.gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
        (folder / f"{name}.characters.json").write_text(json.dumps({"characters": characters}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        total += len(gold)
        print(f"{name}: {len(gold)} quotations")
    print(f"total: {total}")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
