"""ficaudio: turn fan fiction into multi-voice audiobooks.

The pipeline (ordered in one place, :mod:`ficaudio.pipeline`):
parse -> segment -> attribute -> cast -> render -> stitch -> tag.
"""

__version__ = "0.1.0"
