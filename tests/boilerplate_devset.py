"""The labelled development set of tests/data/boilerplate: loading and scoring it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotations.corpus.loading import load_corpus, load_text
from annotations.corpus.models import Article, PassageKey
from annotations.leftovers.boilerplate import detect_boilerplate

DATA = Path(__file__).resolve().parent / "data" / "boilerplate"
CONTENT, HEADING = "C", "H"


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
