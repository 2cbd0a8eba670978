"""How far two analysts agree: Cohen's kappa and raw agreement per tag over the passages both saw.

"Both saw" means every passage (boilerplate excluded when the analysis is given) of each article
that both analysts annotated at least once: a passage one of them left untagged counts as a
deliberate "no" for every tag.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from annotations.corpus.models import Analysis, Annotation, Corpus, PassageKey


@dataclass(frozen=True, slots=True)
class TagAgreement:
    """Counts for one tag (or all tags pooled) and the statistics drawn from them."""

    tag: str
    both: int
    only_a: int
    only_b: int
    neither: int

    @property
    def total(self) -> int:
        return self.both + self.only_a + self.only_b + self.neither

    @property
    def observed(self) -> float | None:
        return (self.both + self.neither) / self.total if self.total else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None when chance agreement is total (neither analyst varies)."""
        if not self.total:
            return None
        n = self.total
        a_yes, b_yes = (self.both + self.only_a) / n, (self.both + self.only_b) / n
        expected = a_yes * b_yes + (1 - a_yes) * (1 - b_yes)
        if expected >= 1:
            return None
        return ((self.both + self.neither) / n - expected) / (1 - expected)


@dataclass(frozen=True, slots=True)
class Disagreement:
    key: PassageKey
    tags_a: tuple[str, ...]
    tags_b: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class AgreementReport:
    analyst_a: str
    analyst_b: str
    articles: tuple[str, ...]
    passages: int
    tags: tuple[TagAgreement, ...]
    overall: TagAgreement
    disagreements: tuple[Disagreement, ...]


def compare(
    annotations: tuple[Annotation, ...] | list[Annotation],
    corpus: Corpus,
    analyst_a: str,
    analyst_b: str,
    analysis: Analysis | None = None,
) -> AgreementReport:
    """Agreement of two analysts' passage tags on the articles both annotated."""
    mine = [a for a in annotations if not a.orphan and a.analyst in (analyst_a, analyst_b)]
    touched: dict[str, set[str]] = defaultdict(set)
    for annotation in mine:
        touched[annotation.analyst].add(annotation.article)
    shared = sorted(touched[analyst_a] & touched[analyst_b])
    units = _units(shared, corpus, analysis, mine)
    tags_a, tags_b = _tags(mine, analyst_a), _tags(mine, analyst_b)
    vocabulary = sorted({t for key in units for t in tags_a.get(key, set()) | tags_b.get(key, set())})
    per_tag = tuple(_count(tag, units, tags_a, tags_b) for tag in vocabulary)
    overall = TagAgreement(
        "all tags",
        sum(t.both for t in per_tag),
        sum(t.only_a for t in per_tag),
        sum(t.only_b for t in per_tag),
        sum(t.neither for t in per_tag),
    )
    return AgreementReport(
        analyst_a, analyst_b, tuple(shared), len(units), per_tag, overall,
        _disagreements(units, tags_a, tags_b, corpus),
    )


def _units(
    articles: list[str], corpus: Corpus, analysis: Analysis | None, annotations: list[Annotation]
) -> list[PassageKey]:
    """The passages both analysts saw: all passages of the shared articles that are loaded."""
    units: list[PassageKey] = []
    for article_id in articles:
        article = corpus.article(article_id)
        if article is None:
            units.extend(sorted({a.key for a in annotations if a.article == article_id}))
            continue
        units.extend(
            (article.id, p.index) for p in article.passages
            if analysis is None or analysis.boilerplate_of(article.id, p.index) is None
        )
    return units


def _tags(annotations: list[Annotation], analyst: str) -> dict[PassageKey, set[str]]:
    found: dict[PassageKey, set[str]] = defaultdict(set)
    for annotation in annotations:
        if annotation.analyst == analyst and annotation.kind == "tag" and annotation.tag:
            found[annotation.key].add(annotation.tag)
    return found


def _count(
    tag: str, units: list[PassageKey], tags_a: dict[PassageKey, set[str]], tags_b: dict[PassageKey, set[str]]
) -> TagAgreement:
    counts = [0, 0, 0, 0]
    for key in units:
        a, b = tag in tags_a.get(key, ()), tag in tags_b.get(key, ())
        counts[0 if a and b else 1 if a else 2 if b else 3] += 1
    return TagAgreement(tag, *counts)


def _disagreements(
    units: list[PassageKey],
    tags_a: dict[PassageKey, set[str]],
    tags_b: dict[PassageKey, set[str]],
    corpus: Corpus,
) -> tuple[Disagreement, ...]:
    found = []
    for key in units:
        a, b = tags_a.get(key, set()), tags_b.get(key, set())
        if a != b:
            article = corpus.article(key[0])
            text = article.passages[key[1]].text if article and 0 <= key[1] < len(article.passages) else ""
            found.append(Disagreement(key, tuple(sorted(a)), tuple(sorted(b)), text))
    return tuple(found)


def format_report(report: AgreementReport, corpus: Corpus) -> str:
    """The report as a table and a list of the passages in dispute."""
    a, b = report.analyst_a, report.analyst_b
    if not report.articles:
        return f"{a} and {b} have not annotated any article in common; nothing to compare.\n"
    lines = [
        f"Agreement between {a} and {b} on {report.passages} passages of "
        f"{len(report.articles)} article(s) both annotated",
        "",
        f"{'tag':<16} {'both':>5} {'only ' + a:>12} {'only ' + b:>12} {'neither':>8} "
        f"{'agree':>7} {'kappa':>6}",
    ]
    for row in (*report.tags, report.overall):
        lines.append(
            f"{row.tag[:16]:<16} {row.both:>5} {row.only_a:>12} {row.only_b:>12} {row.neither:>8} "
            f"{_percent(row.observed):>7} {_kappa(row.kappa):>6}"
        )
    lines += ["", f"Passages they disagree on ({len(report.disagreements)}):"]
    for item in report.disagreements:
        article = corpus.article(item.key[0])
        label = article.label if article else item.key[0]
        snippet = " ".join(item.text.split())[:70]
        lines.append(
            f"  {label} passage {item.key[1] + 1}: {a}: {', '.join(item.tags_a) or '-'} | "
            f"{b}: {', '.join(item.tags_b) or '-'}  {snippet!r}"
        )
    return "\n".join(lines) + "\n"


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _kappa(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value, 2) + 0.0:.2f}"
