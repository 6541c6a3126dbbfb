"""The ``ficaudio`` console command: a Ctrl-C while the CLI is still loading exits 130 too.

Kept apart from :mod:`ficaudio.cli` so that nothing heavy is imported before the handler.
"""

import sys


def main() -> None:
    try:
        from .cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    cli_main()
