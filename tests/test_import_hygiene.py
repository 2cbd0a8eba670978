"""The core never pulls in the UI toolkit: it must stay usable without a terminal."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import annotations


def test_core_modules_import_no_textual_or_rich() -> None:
    modules = [f"annotations.{info.name}" for info in pkgutil.iter_modules(annotations.__path__)]
    assert "annotations.loading" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
