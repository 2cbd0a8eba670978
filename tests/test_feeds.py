"""Reading RSS and Atom feeds: one article per entry, the feed's title as the outlet."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotations.corpus.loading import load_corpus

DATA = Path(__file__).parent / "data" / "inputs"


def test_rss_entries_with_full_content(tmp_path: Path) -> None:
    shutil.copy(DATA / "wire.rss", tmp_path)
    corpus = load_corpus([tmp_path])
    first, second = corpus.articles
    assert (first.id, first.label, first.source) == ("wire#1", "Harbour Wire·1", "Harbour Wire")
    assert (first.title, first.date, first.url) == (
        "Strike ends after pay deal",
        "2024-03-08",
        "https://harbourwire.example/strike-ends",
    )
    assert [p.text for p in first.passages] == [
        "Dock workers returned to work on Friday.",
        "The deal raises pay by six percent.",
    ]
    assert "alert" not in first.text and "onerror" not in first.text
    assert [p.text for p in second.passages] == ["The first ships were unloaded overnight."]
    assert [p.error for p in corpus.problems] == ["skipped entry 3: no content or summary"]


def test_an_atom_feed_read_by_content_whatever_its_name(tmp_path: Path) -> None:
    shutil.copy(DATA / "port.atom", tmp_path / "port.txt")
    [article] = load_corpus([tmp_path]).articles
    assert (article.label, article.title, article.date) == (
        "Port Authority News",
        "Backlog to clear in ten days",
        "2024-03-10",
    )
    assert article.passages[0].text == "Ten days to clear the backlog, the authority said."


def test_a_feed_of_5000_entries(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Entry {n}</title><link>https://big.example/{n}</link>"
        f"<description>Entry number {n} says something new.</description></item>"
        for n in range(5000)
    )
    feed = f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'
    (tmp_path / "big.xml").write_text(feed)
    corpus = load_corpus([tmp_path])
    assert len(corpus.articles) == 5000
    assert corpus.articles[-1].label == "Big·5000"
    assert len({a.id for a in corpus.articles}) == 5000
