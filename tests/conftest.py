"""Fixtures shared by the command-line and preview tests."""

import pytest
from typer.testing import CliRunner

LANTERN = """Chapter 1: the lantern

Mira lifted the lantern. "Does it work?" she asked.

"Only one way to find out," said Tomas.

Chapter 2: the dark

The hall went dark. "Mira?" Tomas called.

"Here," she said.
"""
"""A two-chapter story with two speakers (a test module may override ``story`` with its own)."""


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "lantern.txt"
    path.write_text(LANTERN, encoding="utf-8")
    return path
