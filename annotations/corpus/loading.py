"""Find article files under the paths a user gives and load them, never failing as a whole."""

from __future__ import annotations

import errno
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotations.corpus.decode import UndecodableError, decode
from annotations.corpus.metadata import read_metadata
from annotations.corpus.models import Article, Corpus, Problem
from annotations.corpus.segment import segment

SUFFIXES = (".txt", ".md")
MAX_BYTES = 8 * 1024 * 1024
"""News articles are kilobytes; a file past this is a mistake or an attack, and is skipped."""

Progress = Callable[[int, int], None]


def seeds_dir() -> Path:
    """The bundled articles: inside the package when installed, beside it in a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "seeds"
    return installed if installed.is_dir() else package.parent / "seeds"


def load_corpus(
    paths: Iterable[str | os.PathLike[str]] = (),
    progress: Progress | None = None,
    first: Callable[[Article], None] | None = None,
) -> Corpus:
    """Load every article under `paths` (the bundled seeds when none), collecting problems.

    `first` receives the first article as soon as it is read (a reader can show it while the rest load).
    """
    given = [Path(path) for path in paths]
    if not given:
        given = [seeds_dir()]
        name = "bundled seeds"
    else:
        name = ", ".join(path.name or str(path) for path in given[:3]) + (" …" if len(given) > 3 else "")
    problems: list[Problem] = []
    files = list(_discover(given, problems))
    ids = _assign_ids(files)
    articles: list[Article] = []
    for number, (path, article_id) in enumerate(zip(files, ids, strict=True), start=1):
        article = _load_one(path, article_id, problems)
        if article is not None:
            articles.append(article)
            if first is not None and len(articles) == 1:
                first(article)
        if progress is not None:
            progress(number, len(files))
    return Corpus(name, tuple(articles), tuple(problems))


def load_text(text: str, article_id: str, path: str = "") -> Article:
    """An article from text already in memory (tests, pasted text)."""
    from annotations.corpus.decode import sanitise

    return _build(sanitise(text), article_id, path)


def _discover(paths: list[Path], problems: list[Problem]) -> Iterator[Path]:
    seen: set[Path] = set()
    for path in paths:
        for found in _expand(path, problems):
            key = found.absolute()
            if key not in seen:
                seen.add(key)
                yield found


def _expand(path: Path, problems: list[Problem]) -> Iterator[Path]:
    try:
        if path.is_dir():
            yield from _walk(path, problems)
            return
        path.stat()
    except OSError as error:
        problems.append(Problem(str(path), _os_reason(error, path)))
        return
    yield path


def _walk(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """Article files under `root`, sorted; symlinked folders are not followed (no loops)."""

    def on_error(error: OSError) -> None:
        problems.append(Problem(str(error.filename or root), _os_reason(error, root)))

    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs.sort()
        for name in files:
            if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                found.append(Path(folder, name))
    yield from sorted(found, key=lambda path: path.relative_to(root).parts)


def _assign_ids(files: list[Path]) -> list[str]:
    """File stems, made distinct with their parent folder (and a number if still needed)."""
    stems = Counter(path.stem for path in files)
    ids: list[str] = []
    taken: set[str] = set()
    for path in files:
        candidate = path.stem if stems[path.stem] == 1 else f"{path.parent.name}/{path.stem}"
        unique, number = candidate, 2
        while unique in taken:
            unique, number = f"{candidate}~{number}", number + 1
        taken.add(unique)
        ids.append(unique)
    return ids


def _load_one(path: Path, article_id: str, problems: list[Problem]) -> Article | None:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            limit = f"limit {MAX_BYTES // 2**20} MB"
            problems.append(Problem(str(path), f"skipped: too large ({size / 2**20:.1f} MB, {limit})"))
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        problems.append(Problem(str(path), _os_reason(error, path)))
        return None
    try:
        decoded = decode(data)
    except UndecodableError as error:
        problems.append(Problem(str(path), f"skipped: {error}"))
        return None
    if not decoded.text.strip():
        problems.append(Problem(str(path), "skipped: empty file"))
        return None
    if decoded.warning:
        problems.append(Problem(str(path), f"loaded: {decoded.warning}"))
    article = _build(decoded.text, article_id, str(path))
    if not article.passages:
        problems.append(Problem(str(path), "skipped: no text after the header"))
        return None
    return article


def _build(text: str, article_id: str, path: str) -> Article:
    meta = read_metadata(text)
    passages = segment(text, meta.body_start)
    title = meta.title or article_id
    return Article(article_id, path, text, title, meta.date, meta.source, passages)


def _os_reason(error: OSError, path: Path) -> str:
    if error.errno == errno.ELOOP:
        return "skipped: symbolic link loop"
    if error.errno == errno.ENOENT:
        return "skipped: broken symbolic link" if os.path.islink(path) else "skipped: no such file or folder"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "skipped: permission denied"
    if error.errno == errno.EISDIR:
        return "skipped: is a folder"
    return f"skipped: {error.strerror or error}"
