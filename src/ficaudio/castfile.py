"""``ficaudio cast``: review who speaks, and write new characters into voices.yaml.

The voices file is the user's: every line they wrote stays exactly as it was (comments,
order, quoting, blank lines). New characters are *added* as one line each under
``characters:``, so renaming one is a one-word edit and merging two is moving a name into
the other's ``aliases``::

  Sakura: {voice: en-us+f2, gender: female, aliases: [Haruno]}  # added by ficaudio cast: ...

ruamel.yaml reads the file (to find where ``characters`` is and what it holds); the new
lines are inserted as text, which is what guarantees that nothing else moves. A voice the
user chose is never changed; a character already in the file is never rewritten.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from .cast import speakers_by_lines
from .config import DEFAULT_VOICES_NAME, Config, load_config, voice_position
from .errors import ConfigError, EngineError, OutputError
from .models import UNKNOWN_SPEAKER, Character, Gender, Script, Voice

TEMPLATE = "data/voices.template.yaml"
"""The commented voices.yaml a new file starts from (a copy of the project's voices.yaml)."""
ADDED_MARK = "added by ficaudio cast"
DEFAULT_ENTRY_INDENT = 2
_PLAIN_SCALAR = re.compile(r"^[A-Za-z][\w.'+/-]*(?: [\w.'+/-]+)*$")
_EMPTY_VALUE = re.compile(r"^(?P<key>[^#:]+:)\s*(?P<value>\{\}|~|null)?\s*(?P<comment>#.*)?$")
_YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})


@dataclass(frozen=True)
class CastRow:
    """One speaker as ``ficaudio cast`` shows it."""

    name: str
    lines: int  # quotations and thoughts attributed to the speaker
    gender: Gender
    gender_reason: str
    aliases: tuple[str, ...]
    voice: Voice
    voice_reason: str
    status: str  # "added", "in voices file", "not written (unattributed)"


@dataclass(frozen=True)
class CastReview:
    rows: tuple[CastRow, ...]
    voices_path: Path
    added: tuple[str, ...]  # names written into the voices file this run
    created: bool  # the voices file was made from the template
    written: bool  # False for --dry-run, or when nothing was new


# ----------------------------------------------------------------------------- review
def review_cast(
    story_path: Path,
    voices_path: Path | None = None,
    *,
    dry_run: bool = False,
    notes: bool = False,
    format: str | None = None,
) -> CastReview:
    """Attribute and cast ``story_path``; add its new speakers to the voices file."""
    from .pipeline import build_script

    path = Path(voices_path) if voices_path is not None else Path.cwd() / DEFAULT_VOICES_NAME
    created = not path.exists()
    text = template_text() if created else _read(path)
    config = _config_from_text(text, path)
    check_voice_ids(config)
    script = build_script(story_path, config, notes=notes, format=format)
    rows = cast_rows(script, config)
    added = tuple(r.name for r in rows if r.status == "added")
    new_text = add_characters(text, [character_entry(r, config) for r in rows if r.status == "added"], str(path))
    written = not dry_run and (created or new_text != text)
    if written:
        write_voices(path, new_text)
    return CastReview(tuple(rows), path, added, created, written)


def template_text() -> str:
    """The shipped, commented voices.yaml."""
    return resources.files("ficaudio").joinpath(TEMPLATE).read_text("utf-8")


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read voices file: {exc}", path=str(path)) from exc


def _config_from_text(text: str, path: Path) -> Config:
    """Load the voices file (or the template it will be made from) with full validation."""
    if path.exists():
        return load_config(path)
    with resources.as_file(resources.files("ficaudio").joinpath(TEMPLATE)) as template:
        return replace(load_config(template), source=str(path))


def configured_names(config: Config) -> set[str]:
    """Lower-cased names and aliases already in the voices file.

    >>> from ficaudio.config import CharacterConfig
    >>> sorted(configured_names(Config(characters=(CharacterConfig("Sakura", ("Haruno",)),))))
    ['haruno', 'sakura']
    """
    return {n.lower() for c in config.characters for n in (c.name, *c.aliases)}


def cast_rows(script: Script, config: Config) -> list[CastRow]:
    """Every speaker of quotations, most lines first, with voice, reason and file status."""
    found = {c.name: c for c in script.attribution.characters}
    reasons = dict(script.cast.reasons)
    known = configured_names(config)
    rows = []
    for name, count in speakers_by_lines(script.attribution):
        character = found.get(name, Character(name))
        status = "in voices file" if name.lower() in known else "added"
        if name == UNKNOWN_SPEAKER:
            status = "not written (unattributed)"
        voice = script.cast.voice_for(name)
        rows.append(CastRow(name, count, character.gender, character.gender_reason, character.aliases, voice, str(reasons.get(name, "")), status))
    return rows


# ------------------------------------------------------------------- file editing
def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that reads back the same, else double-quoted.

    >>> yaml_scalar("Mrs. O'Brien"), yaml_scalar("No"), yaml_scalar("Kakashi: sensei")
    ("Mrs. O'Brien", '"No"', '"Kakashi: sensei"')
    """
    import json

    if _PLAIN_SCALAR.match(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def voice_fields(voice: Voice, base: Voice) -> list[str]:
    """``key: value`` for the voice id and each setting that differs from ``base``.

    >>> voice_fields(Voice("en+f4", rate_wpm=170, pitch=62), Voice("en-us", rate_wpm=170))
    ['voice: en+f4', 'pitch: 62']
    """
    fields = [f"voice: {yaml_scalar(voice.id)}"]
    if voice.rate_wpm != base.rate_wpm:
        fields.append(f"rate: {voice.rate_wpm}")
    if voice.pitch != base.pitch:
        fields.append(f"pitch: {voice.pitch}")
    if voice.volume != base.volume:
        fields.append(f"volume: {voice.volume:g}")
    return fields


def character_entry(row: CastRow, config: Config) -> str:
    """One line (no indent) for a new character, with what ficaudio found as a comment.

    >>> row = CastRow("Gai", 12, Gender.MALE, "he x4", ("Maito Gai",), Voice("en-us+m7", 170), "pool male #1", "added")
    >>> character_entry(row, Config(narrator=Voice("en-us", rate_wpm=170)))
    'Gai: {voice: en-us+m7, gender: male, aliases: [Maito Gai]}  # added by ficaudio cast: 12 lines; gender: he x4; pool male #1'
    """
    base = Voice(config.narrator.id, rate_wpm=config.narrator.rate_wpm)  # what config.py fills in
    fields = voice_fields(row.voice, base)
    if row.gender != Gender.UNKNOWN:
        fields.append(f"gender: {row.gender.value}")
    if row.aliases:
        fields.append(f"aliases: [{', '.join(map(yaml_scalar, row.aliases))}]")
    why = "; ".join(part for part in (f"{row.lines} lines", row.gender_reason and f"gender: {row.gender_reason}", row.voice_reason) if part)
    return f"{yaml_scalar(row.name)}: {{{', '.join(fields)}}}  # {ADDED_MARK}: {why}"


def add_characters(text: str, entries: list[str], source: str) -> str:
    """``text`` with ``entries`` inserted under ``characters:``; every other line unchanged."""
    if not entries:
        return text
    from ruamel.yaml import YAML

    data = YAML(typ="rt").load(text) or {}
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if "characters" not in data:
        return "".join(lines) + "\n# Characters found by `ficaudio cast` (edit freely: see `ficaudio cast --help`).\ncharacters:\n" + _indented(entries, DEFAULT_ENTRY_INDENT)
    key_line = data.lc.key("characters")[0]
    value = data["characters"]
    if value:
        _refuse_flow_style(lines, value, source)
        indent = value.lc.key(next(iter(value)))[1]
    else:
        lines[key_line] = _empty_value_removed(lines[key_line], source, key_line)
        indent = DEFAULT_ENTRY_INDENT
    at = _block_end(lines, key_line, _next_key_line(data, "characters", len(lines)))
    return "".join(lines[:at]) + _indented(entries, indent) + "".join(lines[at:])


def _indented(entries: list[str], indent: int) -> str:
    return "".join(" " * indent + entry + "\n" for entry in entries)


def _next_key_line(data, key: str, end: int) -> int:
    """Line of the top-level key after ``key`` (``end`` when ``key`` is the last one)."""
    keys = list(data)
    after = keys[keys.index(key) + 1 :]
    return data.lc.key(after[0])[0] if after else end


def _block_end(lines: list[str], key_line: int, next_key_line: int) -> int:
    """Index after the last indented line of the block; comments at column 0 before the
    next key belong to that key, so new entries go above them."""
    last = key_line
    for index in range(key_line + 1, next_key_line):
        if lines[index].strip() and lines[index][0] in " \t":
            last = index
    return last + 1


def _empty_value_removed(line: str, source: str, key_line: int) -> str:
    """``characters: {}  # x`` -> ``characters:  # x`` so block entries can follow.

    >>> _empty_value_removed("characters: {}  # mine\\n", "v.yaml", 0)
    'characters:  # mine\\n'
    """
    match = _EMPTY_VALUE.match(line.rstrip("\r\n"))
    if match is None:
        raise ConfigError(f"cannot add characters after {line.strip()!r}", path=source, line=key_line + 1,
                          hint="write characters as a block: 'characters:' then one 'Name: {...}' line each")
    if not match["value"]:
        return line  # already a bare key: leave the user's line byte for byte
    comment = f"  {match['comment']}" if match["comment"] else ""
    return f"{match['key']}{comment}\n"


def _refuse_flow_style(lines: list[str], value, source: str) -> None:
    """A ``characters: {A: x, B: y}`` mapping cannot take new lines without rewriting it."""
    line, column = value.lc.line, value.lc.col
    if lines[line][column:column + 1] == "{":
        raise ConfigError("characters is written on one line ({...}); ficaudio cast adds one line per character",
                          path=source, line=line + 1, column=column + 1,
                          hint="write characters as a block: 'characters:' then one 'Name: {...}' line each")


def write_voices(path: Path, text: str) -> None:
    """Write the voices file atomically, after checking the new text loads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        load_config(Path(tmp))  # never replace a working file with one that does not load
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            from .files import default_mode

            default_mode(Path(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write voices file: {exc.strerror}", path=str(path)) from exc
    finally:
        Path(tmp).unlink(missing_ok=True)


# ------------------------------------------------------------------------- checking
def check_voice_ids(config: Config) -> None:
    """Refuse voice ids of the user's file the engine does not have, all at once, each with its place.

    Built-in pool voices are not checked here: only those a cast hands out matter, and the
    render refuses them before any work.
    """
    from .engines import load_engine

    engine = load_engine(config.engine)
    written = [voice.id for voice in config.all_voices() if voice_position(config.source, voice.id)[0] is not None]
    problems = [unknown_voice_problem(engine, config.source, voice_id) for voice_id in dict.fromkeys(written)]
    problems = list(dict.fromkeys(p for p in problems if p))
    if problems:
        count = f"{len(problems)} unknown voice id{'s' if len(problems) > 1 else ''}"
        raise ConfigError(f"{count} for the {engine.name} engine:\n" + "\n".join(f"  {p}" for p in problems),
                          hint="run `ficaudio voices` to list the voices your engine offers")


def unknown_voice_problem(engine, source: str, voice_id: str) -> str | None:
    """``voices.yaml:3:10: unknown voice 'en+f9' (did you mean 'en+f4'?)``, or None when known."""
    try:
        engine.check_voice(voice_id)
    except EngineError as exc:
        line, column = voice_position(source, voice_id)
        place = ":".join(str(p) for p in (source, line, column) if p is not None)
        return f"{place}: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")
    return None


# ---------------------------------------------------------------------------- showing
def cast_table(review: CastReview):
    """The review as a rich table (who, how much, gender, voice, aliases) that fits 80
    columns, then one line per speaker saying why: the gender's evidence, the voice's source."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"cast ({count(len(review.rows), 'speaker')})", title_justify="left")
    for column in ("speaker", "lines", "gender", "voice", "voices file", "aliases merged"):
        table.add_column(column, overflow="fold")
    for row in review.rows:
        table.add_row(row.name, str(row.lines), row.gender.value, _voice_label(row.voice), row.status, ", ".join(row.aliases) or "-")
    why = Table.grid(padding=(0, 2))
    why.add_column(no_wrap=True)
    why.add_column(overflow="fold")
    for row in review.rows:
        why.add_row(f"  {row.name}", f"{row.gender.value}: {row.gender_reason or 'no evidence'}; voice: {row.voice_reason}")
    return Group(table, Text("why:"), why) if review.rows else table


def _voice_label(voice: Voice) -> str:
    return voice.id if voice.pitch == 50 else f"{voice.id} pitch {voice.pitch}"


def summary(review: CastReview) -> str:
    """The closing line of ``ficaudio cast``."""
    if not review.written:
        if review.added:
            return f"dry run: {count(len(review.added), 'new character')} not written to {review.voices_path}"
        return f"{review.voices_path}: no new characters"
    made = "created" if review.created else "updated"
    return f"{review.voices_path}: {made}, {count(len(review.added), 'character')} added"


def count(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless it is one.

    >>> count(1, "new character"), count(3, "speaker")
    ('1 new character', '3 speakers')
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
