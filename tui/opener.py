"""Open an article's source (its web address, else its file) with the system's opener."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from annotations.corpus.models import Article
from tui.excerpt import excerpt


def opener() -> list[str] | None:
    """The command that opens a file or address on this system, None when there is none."""
    if sys.platform == "darwin":
        return ["open"]
    if sys.platform == "win32":
        return ["explorer"]
    found = shutil.which("xdg-open")
    return [found] if found else None


def open_source(article: Article, copy: Callable[[str], None]) -> str:
    """Open the article's address (or file) without waiting; without an opener, copy the address."""
    url = article.url or ""
    web = url.lower().startswith(("http://", "https://"))  # never hand an opener an option or a command
    target = url if web else (str(Path(article.path).resolve()) if article.path else "")
    if not target:
        return f"{article.label} has no address or file to open"
    command = opener()
    if command is None:
        copy(target)
        return excerpt(f"No opener on this system; copied {target}", 100)
    try:
        subprocess.Popen(
            [*command, target], start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    except OSError as error:
        copy(target)
        return excerpt(f"Could not open {target} ({error}); copied it", 100)
    return excerpt(f"Opening {target}", 100)
