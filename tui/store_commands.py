"""Subcommands over the annotation store (filled in with the store)."""

from __future__ import annotations

import sys


def _unavailable(name: str) -> int:
    print(f"briefreader {name}: not available in this build", file=sys.stderr)
    return 2


def export_command(args: list[str]) -> int:
    return _unavailable("export")


def import_command(args: list[str]) -> int:
    return _unavailable("import")


def agreement_command(args: list[str]) -> int:
    return _unavailable("agreement")
