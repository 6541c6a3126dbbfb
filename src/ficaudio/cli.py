"""``ficaudio`` on the command line: thin commands over the library, one error funnel.

Each command checks its flags, calls one library function and prints the result.
Every ficaudio error ends here as ``error: ...`` and a non-zero exit; a traceback is
shown only with ``-v``. Heavy modules are imported inside the commands so that
``ficaudio --help`` stays fast.
"""

from __future__ import annotations

import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="Turn fan fiction into multi-voice audiobooks: chaptered MP3s for any podcast or audio player.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"verbose": False}

VoicesOpt = Annotated[Optional[Path], typer.Option("--voices", help="Voices file (default: ./voices.yaml if present, else built-in defaults).")]
NotesOpt = Annotated[bool, typer.Option("--notes/--no-notes", help="Read author's notes and summaries aloud (announced, in the narrator's voice).")]
InputFormatOpt = Annotated[Optional[str], typer.Option("--input-format", help="Force a reader instead of detecting it (text, ao3-text, ...).")]


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
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("interrupted: finished work is kept in the cache; run the same command to resume", err=True)
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
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Worker processes for synthesis and encoding (default: all cores).")] = os.cpu_count() or 1,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or keep the shared clip cache.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the result lines.")] = False,
    input_format: InputFormatOpt = None,
) -> None:
    """Render stories to chapter MP3s plus a whole-book MP3 with chapter marks."""
    from .config import load_config
    from .parse import find_stories
    from .pipeline import RenderOptions, render_story
    from .progress import choose_reporter

    config = load_config(voices)
    options = RenderOptions(out_dir=out, jobs=jobs, use_cache=not no_cache, notes=notes, format=input_format)
    reporter = choose_reporter(quiet)
    for path in find_stories(stories):
        book = render_story(path, config, options, reporter)
        typer.echo(f"{book.book_path}  ({_clock(book.duration_ms)}, {len(book.chapters)} chapters, {book.synthesized} new clips)")


@app.command()
@_funnel
def script(
    story: Annotated[Path, typer.Argument(help="A story file.", show_default=False)],
    voices: VoicesOpt = None,
    format: Annotated[ScriptFormat, typer.Option("--format", help="jsonl: one JSON object per segment; text: aligned, for reading.")] = ScriptFormat.jsonl,
    notes: NotesOpt = False,
    input_format: InputFormatOpt = None,
) -> None:
    """Print the attributed script (who says what, which rule decided) without rendering."""
    from .config import load_config
    from .parse import find_stories
    from .pipeline import build_script
    from .script_io import to_jsonl, to_text

    from .errors import InputError

    paths = find_stories([story])
    if len(paths) != 1:
        raise InputError(f"{story} holds {len(paths)} stories; `ficaudio script` takes one story file")
    result = build_script(paths[0], load_config(voices), notes=notes, format=input_format)
    sys.stdout.write(to_jsonl(result) if format == ScriptFormat.jsonl else to_text(result))


@app.command("voices")
@_funnel
def list_voices(
    engine: Annotated[Optional[str], typer.Option("--engine", help="Engine to ask (default: the one in voices.yaml).")] = None,
    voices: VoicesOpt = None,
) -> None:
    """List the voices the speech engine offers (ids to use in voices.yaml)."""
    from .config import load_config
    from .engines import load_engine

    chosen = load_engine(engine or load_config(voices).engine)
    typer.echo(f"engine: {chosen.name} {chosen.version} ({chosen.sample_rate_hz} Hz)")
    for info in chosen.voices():
        typer.echo(f"  {info.id:<28} {info.language:<12} {info.name}")
    if chosen.name == "espeak":
        typer.echo("Any language id also takes a variant: en-us+f2, en+m3, en-us+belinda ... (see voices.yaml)")


@app.command()
@_funnel
def cache(clear: Annotated[bool, typer.Option("--clear", help="Delete every cached clip.")] = False) -> None:
    """Show where synthesised clips are cached and how much space they take."""
    from .cache import ClipCache, default_cache_dir

    store = ClipCache(default_cache_dir())
    if clear:
        store.clear()
    typer.echo(f"{store.root}  {store.size_bytes() / 1e6:.1f} MB")


def _clock(duration_ms: int) -> str:
    seconds = round(duration_ms / 1000)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def main() -> None:
    app()


if __name__ == "__main__":
    main()
