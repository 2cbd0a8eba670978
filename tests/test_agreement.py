"""Cohen's kappa and raw agreement between two analysts, checked against hand-computed values."""

from __future__ import annotations

import pytest

from annotations.corpus.models import Corpus
from annotations.exchange.agreement import TagAgreement, compare, format_report
from annotations.store.store import memory_store
from annotations.store.tagging import Tagger
from tests.store_helpers import article

TEN = "\n\n".join(f"Paragraph number {n} says something different." for n in range(10)) + "\n"


def _corpus() -> Corpus:
    return Corpus("c", (article(TEN, "ten"), article(TEN.replace("says", "states"), "solo")))


def test_kappa_matches_the_hand_computed_value() -> None:
    corpus = _corpus()
    store = memory_store()
    ann, bob = Tagger(store, corpus, "ann"), Tagger(store, corpus, "bob")
    for index in range(5):
        ann.toggle(("ten", index), "x")
    for index in (0, 1, 2, 5):
        bob.toggle(("ten", index), "x")
    ann.toggle(("solo", 0), "x")
    report = compare(store.all(), corpus, "ann", "bob")
    assert report.articles == ("ten",) and report.passages == 10
    (x,) = report.tags
    assert (x.both, x.only_a, x.only_b, x.neither) == (3, 2, 1, 4)
    assert x.observed == pytest.approx(0.7)
    # p_e = 0.5 * 0.4 + 0.5 * 0.6 = 0.5, so kappa = (0.7 - 0.5) / 0.5
    assert x.kappa == pytest.approx(0.4)
    assert [d.key for d in report.disagreements] == [("ten", 3), ("ten", 4), ("ten", 5)]


def test_overall_pools_every_tag() -> None:
    corpus = _corpus()
    store = memory_store()
    ann, bob = Tagger(store, corpus, "ann"), Tagger(store, corpus, "bob")
    ann.toggle(("ten", 0), "x")
    bob.toggle(("ten", 0), "x")
    ann.toggle(("ten", 1), "y")
    bob.toggle(("ten", 2), "y")
    report = compare(store.all(), corpus, "ann", "bob")
    assert [t.tag for t in report.tags] == ["x", "y"]
    assert report.tags[0].kappa == pytest.approx(1.0)
    assert (report.overall.both, report.overall.only_a, report.overall.only_b) == (1, 1, 1)
    assert report.overall.total == 20
    text = format_report(report, corpus)
    assert "all tags" in text and "1.00" in text and "ten passage 2: ann: y | bob: -" in text


def test_kappa_is_undefined_when_nobody_varies() -> None:
    assert TagAgreement("t", 0, 0, 0, 5).kappa is None
    assert TagAgreement("t", 0, 0, 0, 0).observed is None


def test_no_common_article_says_so() -> None:
    corpus = _corpus()
    store = memory_store()
    Tagger(store, corpus, "ann").toggle(("ten", 0), "x")
    Tagger(store, corpus, "bob").toggle(("solo", 0), "x")
    report = compare(store.all(), corpus, "ann", "bob")
    assert "not annotated any article in common" in format_report(report, corpus)
