"""What the reader remembers between runs, per corpus: article, passage, modes, theme, articles read.

One small JSON file in the user data folder, keyed by the corpus's paths, written atomically
(temp file, fsync, rename). A broken file is ignored with a notice and replaced on the next save.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from textual.app import App

from annotations.config import APP_NAME
from annotations.corpus.models import Corpus
from tui.reading import BOILERPLATE_MODES, Reading
from tui.view import SORTS

KEPT = 50
"""Corpora remembered; the least recently used are forgotten past this."""


@dataclass(frozen=True, slots=True)
class Session:
    """The state of one corpus's reader when it was last left."""

    article: str | None = None
    passage: int = 0
    sort: str = "file"
    boilerplate: str = "dim"
    new_only: bool = False
    theme: str | None = None
    read: tuple[str, ...] = field(default_factory=tuple)


def session_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "session.json"


def corpus_key(paths: Sequence[str]) -> str:
    """The same folders or files, however they were typed, name the same corpus."""
    if not paths:
        return "<seeds>"
    return "\n".join(sorted(str(Path(path).resolve()) for path in paths))


def _read(path: Path) -> dict[str, Any]:
    """The whole file; raises ValueError when it is not what this module writes."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(str(error)) from error
    data = json.loads(raw)
    if not isinstance(data, dict) or not all(isinstance(value, dict) for value in data.values()):
        raise ValueError("not a table of corpora")
    return data


def _session(raw: dict[str, Any]) -> Session:
    article, passage, read = raw.get("article"), raw.get("passage", 0), raw.get("read", [])
    theme = raw.get("theme")
    valid = (
        (article is None or isinstance(article, str))
        and isinstance(passage, int) and not isinstance(passage, bool) and passage >= 0
        and isinstance(raw.get("sort", "file"), str)
        and isinstance(raw.get("boilerplate", "dim"), str)
        and isinstance(raw.get("new_only", False), bool)
        and (theme is None or isinstance(theme, str))
        and isinstance(read, list) and all(isinstance(item, str) for item in read)
    )
    if not valid:
        raise ValueError("a field has the wrong type")
    fields = {name: raw[name] for name in ("sort", "boilerplate", "new_only") if name in raw}
    return Session(article, passage, theme=theme, read=tuple(read), **fields)


def load_session(paths: Sequence[str], path: Path | None = None) -> tuple[Session | None, str | None]:
    """The corpus's last session (None if never opened) and a one-line notice when the file is broken."""
    path = path or session_path()
    try:
        raw = _read(path).get(corpus_key(paths))
        return (None if raw is None else _session(raw)), None
    except ValueError as error:
        return None, f"The reading session in {path} could not be read ({error}); starting afresh"


def save_session(paths: Sequence[str], session: Session, path: Path | None = None) -> str | None:
    """Remember `session` for this corpus; a one-line problem when the file cannot be written."""
    path = path or session_path()
    try:
        data = _read(path)
    except ValueError:
        data = {}
    key = corpus_key(paths)
    data.pop(key, None)
    data[key] = {**asdict(session), "read": list(session.read)}
    kept = dict(list(data.items())[-KEPT:])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, json.dumps(kept, ensure_ascii=False))
    except OSError as error:
        return f"The reading session could not be saved: {error}"
    return None


def _write_atomically(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def snapshot(reading: Reading, theme: str | None) -> Session:
    """The reading state worth keeping, as a Session."""
    return Session(
        reading.article_id, reading.passage, reading.sort, reading.boilerplate, reading.new_only, theme,
        tuple(sorted(reading.read)),
    )


def resume(session: Session | None, reading: Reading, corpus: Corpus, app: App[object]) -> int:
    """Apply the last session to a freshly loaded corpus; the passage to show first."""
    reading.article_id = corpus.articles[0].id if corpus.articles else None
    if session is None:
        return 0
    reading.sort = session.sort if session.sort in SORTS else reading.sort
    if session.boilerplate in BOILERPLATE_MODES:
        reading.boilerplate = session.boilerplate
    reading.new_only = session.new_only
    ids = {article.id for article in corpus.articles}
    reading.read = {article for article in session.read if article in ids}
    if session.theme and session.theme in app.available_themes:
        app.theme = session.theme
    article = next((a for a in corpus.articles if a.id == session.article), None)
    if article is None:
        return 0
    reading.article_id = article.id
    return min(session.passage, max(0, len(article.passages) - 1))
