"""The labelled sets for the boilerplate detector: loading and scoring them.

Two sets: the one written for this repository (tests/data/boilerplate) and, when present, the
research-only development pages beside the checkout (shared/devdata/boilerplate in a parent folder,
or $BRIEFREADER_DEVDATA), which are read where they lie and never copied.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotations.corpus.loading import load_corpus, load_text
from annotations.corpus.models import Article, Passage, PassageKey
from annotations.leftovers.boilerplate import detect_boilerplate

DATA = Path(__file__).resolve().parent / "data" / "boilerplate"
CONTENT, HEADING = "C", "H"
SCRAPER_PAGES = ("16_", "17_", "18_", "19_", "20_")
"""The written pages in the shape of scraper output (captions, forms and links as sentences)."""
SHINGLE = 4


@dataclass(frozen=True, slots=True)
class DevSet:
    """Articles and the true label of every passage: "C", "H" or a boilerplate kind."""

    articles: tuple[Article, ...]
    labels: dict[PassageKey, str]


@dataclass(slots=True)
class Scores:
    """Counts on the boilerplate class: flagged leftovers are true positives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    kind_hits: list[str] = field(default_factory=list)

    def add(self, truth: bool, guess: bool) -> None:
        if truth and guess:
            self.tp += 1
        elif guess:
            self.fp += 1
        elif truth:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def row(self, name: str) -> str:
        return (
            f"{name:<12} {self.precision:>9.3f} {self.recall:>7.3f} {self.f1:>6.3f} "
            f"{self.tp:>6} {self.fp:>5} {self.fn:>5} {self.tn:>6}"
        )


def load_devset() -> DevSet:
    """The seeds with their hand labels plus the written articles."""
    labels: dict[PassageKey, str] = {}
    seeds = load_corpus().articles
    marks = _seed_marks()
    for article in seeds:
        for passage in article.passages:
            label = marks.get((article.label, passage.index), CONTENT)
            labels[(article.id, passage.index)] = label
    written = [_written(path, labels) for path in sorted((DATA / "articles").glob("*.txt"))]
    return DevSet(tuple(seeds) + tuple(written), labels)


def _seed_marks() -> dict[tuple[str, int], str]:
    marks: dict[tuple[str, int], str] = {}
    for line in (DATA / "seeds.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            prefix, index, label = line.split()
            marks[(prefix, int(index))] = label.removeprefix("B:")
    return marks


def _written(path: Path, labels: dict[PassageKey, str]) -> Article:
    rows = [
        line.split(" ", 1)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    article = load_text("\n\n".join(text for _, text in rows), path.stem, str(path))
    if [p.text for p in article.passages] != [text.strip() for _, text in rows]:
        raise ValueError(f"{path.name}: the loader does not keep one passage per labelled line")
    for passage, (label, _) in zip(article.passages, rows, strict=True):
        labels[(article.id, passage.index)] = label.removeprefix("B:")
    return article


def score_devset(
    devset: DevSet, threshold: float = 0.5, show_errors: bool = False
) -> Scores:
    """Precision and recall of the detector on the set, on the boilerplate class."""
    flagged, _ = detect_boilerplate(devset.articles, threshold=threshold)
    scores = Scores()
    for article in devset.articles:
        for passage in article.passages:
            key = (article.id, passage.index)
            truth = devset.labels[key] not in (CONTENT, HEADING)
            scores.add(truth, key in flagged)
            if truth and key in flagged and flagged[key].kind == devset.labels[key]:
                scores.kind_hits.append(flagged[key].kind)
            if show_errors and (key in flagged) != truth:
                why = flagged[key].reason if key in flagged else devset.labels[key]
                print(f"  {'FP' if key in flagged else 'FN'} {key} {passage.text[:80]!r} {why}")
    return scores


def devdata_dir() -> Path | None:
    """The development pages' folder, if this machine has it."""
    named = os.environ.get("BRIEFREADER_DEVDATA")
    if named:
        return Path(named) if (Path(named) / "labels.jsonl").is_file() else None
    for parent in Path(__file__).resolve().parents:
        folder = parent / "shared" / "devdata" / "boilerplate"
        if (folder / "labels.jsonl").is_file():
            return folder
    return None


def article_from_lines(article_id: str, lines: list[str]) -> Article:
    """One passage per line, as the development pages give them (no re-segmentation)."""
    passages, offset = [], 0
    for index, line in enumerate(lines):
        passages.append(Passage(index, offset, offset + len(line), line))
        offset += len(line) + 1
    return Article(article_id, article_id, "\n".join(lines), lines[0][:80], None, None, tuple(passages))


def load_devdata(folder: Path) -> DevSet:
    """The development pages with labels "C" (content), "B" (boilerplate) or "?" (ambiguous)."""
    marks = {"content": CONTENT, "boilerplate": "B", "ambiguous": "?"}
    labels: dict[PassageKey, str] = {}
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        labels[(record["file"], record["line"])] = marks[record["label"]]
    names = sorted({name for name, _ in labels})
    articles = tuple(
        article_from_lines(name, (folder / name).read_text(encoding="utf-8").split("\n")[:-1])
        for name in names
    )
    return DevSet(articles, labels)


def score_flags(
    devset: DevSet, flagged: Mapping[PassageKey, object], articles: Iterable[Article] | None = None
) -> Scores:
    """Line precision and recall on the boilerplate class; ambiguous lines are left out."""
    scores = Scores()
    for article in devset.articles if articles is None else articles:
        for passage in article.passages:
            key = (article.id, passage.index)
            label = devset.labels[key]
            if label != "?":
                scores.add(label not in (CONTENT, HEADING), key in flagged)
    return scores


def body_kept(devset: DevSet, flagged: Mapping[PassageKey, object]) -> float:
    """How much of each article's text survives: F1 of word 4-gram shingles, averaged over pages."""
    values = []
    for article in devset.articles:
        gold, kept = [], []
        for passage in article.passages:
            key = (article.id, passage.index)
            if devset.labels[key] in (CONTENT, HEADING):
                gold.append(passage.text)
            if key not in flagged:
                kept.append(passage.text)
        values.append(_shingle_f1(_shingles(gold), _shingles(kept)))
    return sum(values) / len(values) if values else 1.0


def _shingles(lines: list[str]) -> set[tuple[str, ...]]:
    words = " ".join(lines).lower().split()
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[start : start + SHINGLE]) for start in range(len(words) - SHINGLE + 1)}


def _shingle_f1(gold: set[tuple[str, ...]], kept: set[tuple[str, ...]]) -> float:
    shared = len(gold & kept)
    if not shared:
        return 0.0 if gold or kept else 1.0
    precision, recall = shared / len(kept), shared / len(gold)
    return 2 * precision * recall / (precision + recall)
