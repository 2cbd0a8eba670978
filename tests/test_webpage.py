"""Reading saved web pages: every visible block in order, the leftovers named with their evidence."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from annotations.corpus.loading import load_corpus
from annotations.corpus.models import Article
from annotations.corpus.webpage import read_webpage
from tests.bench import devdata_body

DATA = Path(__file__).parent / "data" / "inputs"
NEVER_SHOWN = ("never shown", "never run", "alert", "steal", "color: red", "document.title")


@pytest.fixture(scope="module")
def page() -> Article:
    return read_webpage((DATA / "harbour.html").read_bytes(), "harbour", "harbour.html")


def _kinds(article: Article) -> dict[str, str | None]:
    return {
        p.text[:30]: (article.page_leftovers[p.index].kind if p.index in article.page_leftovers else None)
        for p in article.passages
    }


def test_every_visible_block_is_a_passage_in_reading_order(page: Article) -> None:
    texts = [p.text for p in page.passages]
    assert texts[:6] == ["Home", "News", "Sport", "Weather", "Opinion", "Harbour strike ends after pay deal"]
    assert texts[-1] == "© 2024 Coastal Herald Media. All rights reserved."
    assert "Cargo ships waiting outside the harbour on Tuesday. Photo: Lena Ortiz" in texts
    for passage in page.passages:
        assert page.text[passage.start : passage.end] == passage.text


def test_the_article_body_is_kept_and_the_rest_is_named(page: Article) -> None:
    kinds = _kinds(page)
    assert kinds["Harbour strike ends after pay d"[:30]] is None
    assert kinds["Dock workers at the city harbou"[:30]] is None
    assert kinds["Shipping companies said it woul"[:30]] is None
    assert kinds["The harbour authority said the "[:30]] is None
    assert kinds["Home"] == "navigation"
    assert kinds["By Mara Jensen, Port Affairs Co"[:30]] == "metadata"
    assert kinds["Cargo ships waiting outside the"[:30]] == "caption"
    assert kinds["Share on Facebook | Share on Tw"[:30]] == "social"
    assert kinds["Ferry services resume after win"[:30]] == "related"
    assert kinds["About time the two sides sat do"[:30]] == "comments"
    assert kinds["© 2024 Coastal Herald Media. Al"[:30]] == "copyright"


def test_each_leftover_says_why(page: Article) -> None:
    reasons = {page.passages[i].text: b.reason for i, b in page.page_leftovers.items()}
    assert reasons["Home"] == "outside the article body; inside <nav>; 1 of 1 words are links"
    assert (
        'inside <div> named "share-tools"; 7 of 7 words are links'
        in reasons["Share on Facebook | Share on Twitter | Email"]
    )
    assert "a copyright notice" in reasons["© 2024 Coastal Herald Media. All rights reserved."]


def test_scripts_styles_frames_handlers_and_hidden_text_are_never_shown(page: Article) -> None:
    for needle in NEVER_SHOWN:
        assert needle not in page.text
        assert needle not in page.title


def test_metadata_comes_from_the_page(page: Article) -> None:
    assert page.title == "Harbour strike ends after pay deal"
    assert page.date == "2024-03-08"
    assert page.source == "Coastal Herald"
    assert page.url == "https://www.coastalherald.example/news/harbour-strike-ends"


def test_a_gzipped_page_loads_and_is_labelled_by_its_site(tmp_path: Path) -> None:
    (tmp_path / "harbour.html.gz").write_bytes(gzip.compress((DATA / "harbour.html").read_bytes()))
    corpus = load_corpus([tmp_path])
    [article] = corpus.articles
    assert article.id == "harbour"
    assert article.label == "Coastal Herald"
    assert corpus.problems == ()


def test_a_page_in_a_legacy_charset_declared_in_meta(tmp_path: Path) -> None:
    body = "Депутаты приняли закон о бюджете на следующий год после долгих споров в парламенте. " * 3
    head = '<head><meta charset="windows-1251"><title>Закон</title></head>'
    html = f"<html>{head}<body><p>{body}</p></body></html>"
    (tmp_path / "ru.html").write_bytes(html.encode("cp1251"))
    corpus = load_corpus([tmp_path])
    assert corpus.articles[0].passages[0].text == body.strip()
    assert corpus.problems == ()


def test_a_latin1_page_declared_in_http_equiv(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
        "<body><p>Caf\u00e9 owners in S\u00e3o Paulo said \u00abno\u00bb to the new rules.</p></body></html>"
    )
    (tmp_path / "pt.htm").write_bytes(html.encode("latin-1"))
    article = load_corpus([tmp_path]).articles[0]
    assert (
        article.passages[0].text == "Caf\u00e9 owners in S\u00e3o Paulo said \u00abno\u00bb to the new rules."
    )


def test_entities_and_escape_codes_in_markup_are_text_not_controls(tmp_path: Path) -> None:
    html = "<html><body><p>Tom &amp; Jerry &#27;]0;pwned&#7; &#x9b;31m met [b]here[/b].</p></body></html>"
    (tmp_path / "x.html").write_text(html, encoding="utf-8")
    text = load_corpus([tmp_path]).articles[0].text
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert text.startswith("Tom & Jerry") and "[b]here[/b]" in text


def test_an_old_table_layout_page_with_chrome_the_extractor_kept() -> None:
    page = read_webpage((DATA / "tables.html").read_bytes(), "tables", "tables.html")
    body = [p.text for p in page.passages if p.index not in page.page_leftovers]
    assert body == [
        "Flood waters recede in river towns",
        *(p.text for p in page.passages if p.text.startswith(("Residents", "County", "The river", "Volun"))),
    ]
    assert len(body) == 5
    kinds = _kinds(page)
    assert kinds["Home | Local | World | Contact"] == "navigation"
    assert kinds["Posted 12/14/2007 6:41am"] == "metadata"
    assert kinds["Digg it | Facebook | Newsvine "] == "social"
    assert kinds["Storm warnings issued for the "] == "related"
    assert kinds["My cousin lost everything in t"] == "comments"
    assert kinds["Copyright © 2007 Valley Times "] == "copyright"
    assert page.title == "Flood waters recede in river towns"


@pytest.mark.skipif(not devdata_body.PAGES.is_dir(), reason="no development pages beside the checkout")
def test_body_f1_on_the_development_pages() -> None:
    """The kept text against the hand-made bodies (word 4-grams, per page): guards against regressions."""
    results = []
    for page, body in sorted(devdata_body.bodies().items()):
        article = read_webpage((devdata_body.PAGES / f"{page}.html").read_bytes(), page, page)
        kept = "\n".join(p.text for p in article.passages if p.index not in article.page_leftovers)
        results.append(devdata_body.scores(kept, body))
    precision, recall, f1 = (sum(row[i] for row in results) / len(results) for i in range(3))
    assert len(results) == 120
    assert precision >= 0.90 and recall >= 0.95 and f1 >= 0.92
