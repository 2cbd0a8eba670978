"""The core never pulls in the UI toolkit, and its capabilities only lean on the ones below them."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import annotations

CORE = Path(annotations.__file__).parent

# Lower layers first: a subpackage may import its own layer's modules and any lower layer's.
LAYERS: dict[str, int] = {
    "corpus": 0,
    "leftovers": 1,
    "copies": 1,
    "stories": 2,
    "store": 2,
    "exchange": 3,
}
"""`config` and `parallel` are leaves anyone may import; `analysis` sits on top and may import everything."""
LEAVES = ("config", "parallel")


def core_modules() -> list[str]:
    return [info.name for info in pkgutil.walk_packages(annotations.__path__, "annotations.")]


def test_core_modules_import_no_textual_or_rich() -> None:
    modules = core_modules()
    assert "annotations.corpus.loading" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def imported_core_names(path: Path) -> set[str]:
    """Every `annotations.…` module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.split(".")[0] == "annotations"}


def test_subpackages_import_only_lower_layers() -> None:
    wrong: list[str] = []
    for package, level in LAYERS.items():
        for path in sorted((CORE / package).glob("*.py")):
            for name in imported_core_names(path):
                parts = name.split(".")
                if len(parts) < 2 or parts[1] in LEAVES:
                    continue
                other = parts[1]
                if other not in LAYERS or (other != package and LAYERS[other] >= level):
                    wrong.append(f"{package}/{path.name} imports {name}")
    assert wrong == []


def test_every_subpackage_says_what_it_owns() -> None:
    for package in LAYERS:
        doc = ast.get_docstring(ast.parse((CORE / package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, package


def test_reading_text_and_records_loads_no_page_or_feed_parser() -> None:
    """trafilatura, lxml and feedparser cost a tenth of a second at import: only pages and feeds pay it."""
    code = (
        "import sys\n"
        "import annotations.analysis, tui.cli, tui.cli.analyze\n"
        "from annotations.corpus.loading import load_corpus, seeds_dir\n"
        "corpus = load_corpus([seeds_dir()])\n"
        "assert corpus.articles\n"
        "heavy = ('trafilatura', 'lxml', 'feedparser')\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_app_starts_without_numpy() -> None:
    """numpy takes a tenth of a second to import: the analysis needs it, the first frame does not."""
    code = "import sys\nimport tui.app, tui.cli\nprint('numpy' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
