"""Find article files under the paths a user gives and load them, never failing as a whole.

Each file's format is told by its content (see `reading.sniff`), not its suffix: web pages, JSON records,
feeds and text each have their reader; a file that cannot be used is a one-line problem.
"""

from __future__ import annotations

import errno
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from annotations.corpus.decode import UndecodableError, clean_line, decode, sanitise
from annotations.corpus.feeds import read_feed
from annotations.corpus.metadata import read_metadata
from annotations.corpus.models import Annotation, Article, Corpus, Problem
from annotations.corpus.outlets import with_labels
from annotations.corpus.reading import FEED, HTML, JSON, Unreadable, read_capped, sniff
from annotations.corpus.records import read_records
from annotations.corpus.segment import segment
from annotations.corpus.webpage import read_webpage

SUFFIXES = (".txt", ".md", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom")
"""Files picked up in folders (also gzipped: `.html.gz`); what they hold is read from their content."""
MAX_BYTES = 8 * 1024 * 1024
"""News articles are kilobytes; a file past this (or decompressing past it) is a mistake or an attack."""

MAX_NOTES = 20
"""Problems listed per file; a scrape with thousands of bad lines gets a count for the rest."""

Progress = Callable[[int, int], None]
Found = tuple[Path, str | None]
"""A file to load and the folder inside the given one that holds it (a hint of its outlet)."""


def is_article_file(name: str) -> bool:
    """Whether a file of this name is picked up from a folder."""
    return not name.startswith(".") and name.lower().removesuffix(".gz").endswith(SUFFIXES)


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
    found = list(_discover(given, problems))
    ids = _assign_ids([path for path, _ in found])
    articles: list[Article] = []
    folders: list[str | None] = []
    for number, ((path, folder), article_id) in enumerate(zip(found, ids, strict=True), start=1):
        loaded = _load_one(path, article_id, problems)
        if first is not None and loaded and not articles:
            first(with_labels(loaded[:1], [folder])[0])
        articles += loaded
        folders += [folder] * len(loaded)
        if progress is not None:
            progress(number, len(found))
    return Corpus(name, tuple(with_labels(_unique(articles), folders)), tuple(problems))


def load_text(text: str, article_id: str, path: str = "") -> Article:
    """An article from text already in memory (tests, pasted text)."""
    return _build(sanitise(text), article_id, path)


def _discover(paths: list[Path], problems: list[Problem]) -> Iterator[Found]:
    seen: set[str] = set()
    for path in paths:
        for found in _expand(path, problems):
            key = os.path.abspath(found[0])
            if key not in seen:
                seen.add(key)
                yield found


def _expand(path: Path, problems: list[Problem]) -> Iterator[Found]:
    try:
        if path.is_dir():
            found = _walk(path, problems)
            if not found:
                problems.append(_problem(path, "skipped: a folder with no article files in it"))
            yield from found
            return
        path.stat()
    except OSError as error:
        problems.append(_problem(path, _os_reason(error, path)))
        return
    yield path, None


def _walk(root: Path, problems: list[Problem]) -> list[Found]:
    """Article files under `root`, sorted; symlinked folders are not followed (no loops).

    A folder named like an article file ("x.txt") that holds none is reported, not silently passed.
    """

    def on_error(error: OSError) -> None:
        problems.append(_problem(Path(error.filename or root), _os_reason(error, root)))

    found: list[tuple[tuple[str, ...], str]] = []
    lookalikes: list[tuple[str, ...]] = []
    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs.sort()
        inner = os.path.relpath(folder, root)
        parts = () if inner == os.curdir else tuple(inner.split(os.sep))
        lookalikes += [(*parts, name) for name in dirs if is_article_file(name)]
        found += [((*parts, name), folder) for name in files if is_article_file(name)]
    folders = {parts[:-1] for parts, _ in found}
    for lookalike in lookalikes:
        if not any(held[: len(lookalike)] == lookalike for held in folders):
            reason = "skipped: a folder (named like a file) with no article files in it"
            problems.append(_problem(root.joinpath(*lookalike), reason))
    found.sort()
    return [(Path(folder, parts[-1]), parts[-2] if len(parts) > 1 else None) for parts, folder in found]


def _stem(path: Path) -> str:
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return clean_line(os.path.splitext(name)[0]) or "article"


def _assign_ids(files: list[Path]) -> list[str]:
    """File stems, made distinct with their folder, or their suffix beside a namesake (and a number)."""
    all_stems = [_stem(path) for path in files]
    stems = Counter(all_stems)
    folders = [os.path.dirname(path) for path in files]
    beside = Counter(zip(folders, all_stems, strict=True))
    ids: list[str] = []
    taken: set[str] = set()
    for path, folder, stem in zip(files, folders, all_stems, strict=True):
        if stems[stem] == 1:
            candidate = stem
        elif beside[(folder, stem)] > 1:
            candidate = clean_line(path.name)
        else:
            candidate = f"{clean_line(path.parent.name)}/{stem}"
        unique, number = candidate, 2
        while unique in taken:
            unique, number = f"{candidate}~{number}", number + 1
        taken.add(unique)
        ids.append(unique)
    return ids


def _unique(articles: list[Article]) -> list[Article]:
    """Records and entries carry ids of their own: keep every id distinct across the corpus."""
    taken: set[str] = set()
    result = []
    for article in articles:
        unique, number = article.id, 2
        while unique in taken:
            unique, number = f"{article.id}~{number}", number + 1
        taken.add(unique)
        result.append(article if unique == article.id else replace(article, id=unique))
    return result


def _load_one(path: Path, article_id: str, problems: list[Problem]) -> list[Article]:
    try:
        data = read_capped(path, MAX_BYTES)
    except OSError as error:
        problems.append(_problem(path, _os_reason(error, path)))
        return []
    except Unreadable as error:
        problems.append(_problem(path, f"skipped: {error}"))
        return []
    shown = clean_line(str(path))
    try:
        articles, notes = read_articles(data, article_id, shown)
    except (Unreadable, UndecodableError) as error:
        problems.append(_problem(path, f"skipped: {error}"))
        return []
    if len(notes) > MAX_NOTES:
        notes = [*notes[:MAX_NOTES], f"… and {len(notes) - MAX_NOTES:,} more records or entries skipped"]
    problems += [_problem(path, note) for note in notes]
    return articles


def read_articles(data: bytes, article_id: str, path: str) -> tuple[list[Article], list[str]]:
    """The articles in one file's bytes, by the format its content shows, and notes on what was left out."""
    kind = sniff(data)
    if kind in (HTML, FEED):
        try:
            if kind == HTML:
                return [read_webpage(data, article_id, path)], []
            return read_feed(data, article_id, path)
        except (Unreadable, UndecodableError):
            raise
        except Exception as error:  # the parsers' own failures on hostile markup are this file's problem only
            what = "page" if kind == HTML else "feed"
            raise Unreadable(f"could not read the {what} ({type(error).__name__})") from error
    decoded = decode(data)
    notes = [f"loaded: {decoded.warning}"] if decoded.warning else []
    if not decoded.text.strip():
        raise Unreadable("empty file")
    if kind == JSON:
        articles, problems = read_records(decoded.text, article_id, path)
        return articles, notes + problems
    article = _build(decoded.text, article_id, path)
    if not article.passages:
        raise Unreadable("no text after the header")
    return [article], notes


def _build(text: str, article_id: str, path: str) -> Article:
    meta = read_metadata(text)
    passages = segment(text, meta.body_start)
    title = meta.title or article_id
    guessed = meta.title_guessed or not meta.title
    return Article(article_id, path, text, title, meta.date, meta.source, passages, title_guessed=guessed)


def _problem(path: Path, reason: str) -> Problem:
    """A problem whose path and reason are safe to print (file names can hold escape sequences)."""
    return Problem(clean_line(str(path)), clean_line(reason))


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


# Which articles a store command reads: the paths given, else those the store recorded.

MAX_SIBLINGS = 500
"""A folder with more article files than this is not one story's coverage: only the recorded files load."""


def corpus_for(annotations: Iterable[Annotation], paths: Sequence[str | os.PathLike[str]] = ()) -> Corpus:
    """The given paths; else the recorded files with the articles beside them; else the bundled seeds."""
    if paths:
        return load_corpus(paths)
    recorded = sorted({a.article_path for a in annotations if a.article_path})
    present = [Path(path) for path in recorded if Path(path).is_file()]
    if not present:
        return load_corpus()
    files: list[Path] = []
    for folder in sorted({path.parent for path in present}):
        files.extend(_siblings(folder) or [p for p in present if p.parent == folder])
    return load_corpus(files)


def _siblings(folder: Path) -> list[Path]:
    """The article files directly in `folder` (the other outlets' versions of the story), if few."""
    try:
        found = sorted(p for p in folder.iterdir() if is_article_file(p.name) and p.is_file())
    except OSError:
        return []
    return found if len(found) <= MAX_SIBLINGS else []
