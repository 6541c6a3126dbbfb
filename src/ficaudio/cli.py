"""``ficaudio`` on the command line: thin commands over the library, one error funnel.

Each command checks its flags, calls one library function and prints the result.
Every ficaudio error ends here as ``error: ...`` and a non-zero exit; a traceback is
shown only with ``-v``. Heavy modules are imported inside the commands so that
``ficaudio --help`` stays fast.
"""

from __future__ import annotations

import functools
import os
import shlex
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import ConfigError, InputError

def usable_cores() -> int:
    """Cores this process may run on: a container or ``taskset`` limit counts, not the host's total.

    >>> usable_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):  # os.cpu_count() reports every core of the host
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


app = typer.Typer(
    help="Turn fan fiction into multi-voice audiobooks: chaptered MP3s for any podcast or audio player.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"verbose": False, "reported": False}

INTERRUPTED = "interrupted: finished work is kept in the cache; run the same command to resume"

VoicesOpt = Annotated[Optional[Path], typer.Option("--voices", help="Voices file (default: ./voices.yaml if present, else built-in defaults).")]
NotesOpt = Annotated[bool, typer.Option("--notes/--no-notes", help="Read author's notes and summaries aloud (announced, in the narrator's voice).")]
InputFormatOpt = Annotated[Optional[str], typer.Option("--input-format", help="Force a reader instead of detecting it: text, html or epub.")]
ScriptFileOpt = Annotated[Optional[Path], typer.Option("--script", help="An edited script (from `ficaudio script`, JSONL or text) whose speaker fixes apply.")]
OUTPUT_FORMATS = ("mp3", "m4b")


class ScriptFormat(str, Enum):
    jsonl = "jsonl"
    text = "text"


def _funnel(command):
    """Turn ficaudio's errors into ``error: ...`` + exit code; tracebacks only with -v."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        from .errors import FicaudioError

        try:
            return command(*args, **kwargs)
        except FicaudioError as exc:
            if _state["verbose"]:
                raise
            _state["reported"] = True
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _state["reported"] = True
            typer.echo(INTERRUPTED, err=True)
            raise typer.Exit(130) from None

    return run


@app.callback()
def _root(verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show tracebacks for errors.")] = False) -> None:
    _state["verbose"] = verbose


@app.command()
@_funnel
def render(
    stories: Annotated[list[Path], typer.Argument(help="Story files, or folders of stories.", show_default=False)],
    voices: VoicesOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder; each story gets OUT/<story-slug>/.")] = Path("output"),
    notes: NotesOpt = False,
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Worker processes for synthesis and encoding (default: all cores).")] = usable_cores(),
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or keep the shared clip cache.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the result lines.")] = False,
    input_format: InputFormatOpt = None,
    script: ScriptFileOpt = None,
    formats: Annotated[str, typer.Option("--format", help="Audio outputs, comma-separated: mp3 (chapters + book with chapter marks), m4b (one audiobook file).")] = "mp3",
) -> None:
    """Render stories to chapter MP3s plus a whole-book MP3 with chapter marks."""
    from .config import load_config
    from .parse import find_stories
    from .pipeline import RenderOptions, render_stories
    from .progress import choose_reporter

    chosen_formats = _output_formats(formats)
    stories_found = find_stories(stories)
    if script is not None and len(stories_found) != 1:
        raise ConfigError(f"--script fixes one story, but {len(stories_found)} were given", hint="render the story the script was made from on its own")
    config = load_config(voices)
    options = RenderOptions(out_dir=out, jobs=jobs, use_cache=not no_cache, notes=notes, format=input_format, formats=chosen_formats, script=script)
    reporter = choose_reporter(quiet)
    for book in render_stories(stories_found, config, options, reporter):
        chapters = _count(len(book.chapters), "chapter")
        typer.echo(f"{book.book_path}  ({_clock(book.duration_ms)}, {chapters}, {_count(book.synthesized, 'new clip')})")


@app.command()
@_funnel
def script(
    story: Annotated[Path, typer.Argument(help="A story file.", show_default=False)],
    voices: VoicesOpt = None,
    format: Annotated[ScriptFormat, typer.Option("--format", help="jsonl: one JSON object per segment; text: one aligned row per segment, to edit and give back with --script.")] = ScriptFormat.jsonl,
    notes: NotesOpt = False,
    input_format: InputFormatOpt = None,
    corrections: ScriptFileOpt = None,
) -> None:
    """Print the attributed script (who says what, which rule decided) without rendering.

    Save it, change a SPEAKER (or write Narrator), and give it back with
    `ficaudio render STORY --script FILE`.
    """
    from .config import load_config
    from .pipeline import script_pieces
    from .progress import PlainReporter

    for piece in script_pieces(_one_story(story, "script"), load_config(voices), as_text=format == ScriptFormat.text, notes=notes,
                               format=input_format, corrections=corrections, reporter=PlainReporter()):  # fmt: skip
        sys.stdout.write(piece)


@app.command("voices")
@_funnel
def list_voices(
    engine: Annotated[Optional[str], typer.Option("--engine", help="Engine to ask (default: the one in voices.yaml).")] = None,
    voices: VoicesOpt = None,
    sample: Annotated[Optional[Path], typer.Option("--sample", help="Also render one short sentence per voice into this folder as MP3s, to pick by ear.")] = None,
    language: Annotated[str, typer.Option("--language", help="Only voices whose language starts with this ('all' for every language).")] = "en",
) -> None:
    """List the voices the speech engine offers (ids to use in voices.yaml) with their pitch range."""
    from .config import load_config
    from .engines import load_engine
    from .preview import list_voices as voice_listing, render_voice_samples
    from .progress import choose_reporter

    config = load_config(voices)
    chosen = load_engine(engine or config.engine)
    typer.echo(f"engine: {chosen.name} {chosen.version} ({chosen.sample_rate_hz} Hz)")
    listing = [v for v in voice_listing(chosen) if language == "all" or v.language.lower().startswith(language.lower())]
    width = max((len(v.id) for v in listing), default=0)
    for info in listing:
        pitch = f"{min(info.pitch_hz)}-{max(info.pitch_hz)} Hz" if info.pitch_hz else "?"
        typer.echo(f"  {info.id:<{width}}  {info.language:<14} {pitch:<12} {info.name}")
    if chosen.name == "espeak":
        typer.echo("Any language id also takes a variant: en-us+f2, en+m3, en-us+belinda ... (see voices.yaml)")
        typer.echo("Pitch: the voice file's range at pitch 50; voices.yaml's pitch (0..99) moves it.")
    if sample is not None:
        written = render_voice_samples(chosen, sample, language="" if language == "all" else language, bitrate_kbps=config.bitrate_kbps, reporter=choose_reporter(False))
        typer.echo(f"{sample}  ({len(written)} samples)")


@app.command("cast")
@_funnel
def cast_command(
    story: Annotated[Path, typer.Argument(help="A story file.", show_default=False)],
    voices: Annotated[Optional[Path], typer.Option("--voices", help="Voices file to create or update (default: ./voices.yaml).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only show the table; write nothing.")] = False,
    notes: NotesOpt = False,
    input_format: InputFormatOpt = None,
) -> None:
    """Show who speaks (lines, gender and why, aliases, voice and why) and add new characters to voices.yaml.

    Everything already in the voices file stays as written, comments included; a voice you
    chose is never changed. Rename a character by editing its name; merge two by moving one
    name into the other's aliases and deleting its line.
    """
    from rich.console import Console

    from .castfile import cast_table, review_cast, summary

    review = review_cast(_one_story(story, "cast"), voices, dry_run=dry_run, notes=notes, format=input_format)
    Console(highlight=False).print(cast_table(review))
    typer.echo(summary(review))


@app.command()
@_funnel
def preview(
    story: Annotated[Path, typer.Argument(help="A story file.", show_default=False)],
    chapter: Annotated[Optional[int], typer.Option("--chapter", min=1, help="Only lines of this chapter.")] = None,
    lines: Annotated[Optional[str], typer.Option("--lines", help="Script lines A:B (numbers from `ficaudio script --format text`, both included).")] = None,
    voices: VoicesOpt = None,
    out: Annotated[Path, typer.Option("--out", help="The MP3 to write.")] = Path("output/preview.mp3"),
    script: ScriptFileOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the result line.")] = False,
) -> None:
    """Render a few lines to a small MP3 to check the voices quickly (first 20 lines by default)."""
    from .config import load_config
    from .preview import render_preview
    from .progress import choose_reporter

    result = render_preview(_one_story(story, "preview"), load_config(voices), chapter=chapter, lines=lines, out=out, script_file=script, reporter=choose_reporter(quiet))
    typer.echo(f"{result.path}  ({_clock(result.duration_ms)}, {_count(result.lines, 'line')}, {_count(result.synthesized, 'new clip')})")


@app.command()
@_funnel
def cache(clear: Annotated[bool, typer.Option("--clear", help="Delete every cached clip.")] = False) -> None:
    """Show where synthesised clips are cached, how much space they take and the cap
    (FICAUDIO_CACHE_MAX_GB, default 4: least recently used clips go first)."""
    from .cache import ClipCache, default_cache_dir, max_cache_bytes

    store = ClipCache(default_cache_dir())
    if clear:
        store.clear()
    typer.echo(f"{store.root}  {store.size_bytes() / 1e6:.1f} MB (cap {max_cache_bytes() / 1e9:g} GB)")


@app.command()
@_funnel
def serve(
    folder: Annotated[Path, typer.Argument(help="Output folder to serve (what `ficaudio render --out` wrote).")] = Path("output"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on; 0.0.0.0 lets phones on your network in.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    qr: Annotated[bool, typer.Option("--qr/--no-qr", help="Print a QR code of the feed address.")] = True,
) -> None:
    """Serve rendered books over HTTP: podcast feeds and a player page, until Ctrl-C."""
    from .listen.serve import serve as serve_folder

    serve_folder(folder, host=host, port=port, open_qr=qr)


def _one_story(story: Path, command: str) -> Path:
    from .parse import find_stories

    paths = find_stories([story])
    if len(paths) != 1:
        names = ", ".join(path.name for path in paths[:3]) + (", ..." if len(paths) > 3 else "")
        raise InputError(f"{story} holds {len(paths)} stories; `ficaudio {command}` takes one story file",
                         hint=f"name one of them ({names}), e.g. `ficaudio {command} {shlex.quote(str(paths[0]))}`")  # fmt: skip
    return paths[0]


def _output_formats(text: str) -> tuple[str, ...]:
    """``"mp3,m4b"`` -> ("mp3", "m4b"); unknown names refused with the known ones."""
    names = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [name for name in names if name not in OUTPUT_FORMATS]
    if unknown or not names:
        raise ConfigError(f"unknown output format {', '.join(map(repr, unknown)) or repr(text)} in --format",
                          hint=f"choose from {', '.join(OUTPUT_FORMATS)}, comma-separated (e.g. mp3,m4b)")
    return names


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _clock(duration_ms: int) -> str:
    seconds = round(duration_ms / 1000)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def main() -> None:
    try:
        app()
    except SystemExit as exc:
        # typer turns a Ctrl-C outside a command (while it parses arguments) into a silent 130
        if exc.code == 130 and not _state.get("reported"):
            sys.stderr.write(INTERRUPTED + "\n")
        raise
    finally:
        # The work is done (or reported): a Ctrl-C while Python shuts down must not turn
        # the run into one killed by a signal, with no message.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    main()
