"""The Markdown brief shows whatever articles and analysts wrote literally, under any renderer."""

from __future__ import annotations

from dataclasses import replace

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from annotations.corpus.loading import load_text
from annotations.corpus.models import Corpus
from annotations.exchange.brief import inline, to_markdown
from annotations.store.store import memory_store
from annotations.store.tagging import Tagger

HOSTILE_PASSAGES = (
    "<script>alert(1)</script> opens the story",
    "<img src=x onerror=alert(2)> and an image",
    "[click here](javascript:alert(3)) for more",
    "# A heading from the article",
    "1. a list item from the article",
    "- another list item",
    "![pixel](http://evil.example/p.gif) tracking",
    "<http://evil.example> an autolink &amp; an entity",
    "> a quote inside a quote | with | a table",
    "`code` and *emphasis* and __strong__ \\",
    "www.evil.example, reuters.com, http://x and mail@evil.example",
)


def _text(inline_token: Token) -> str:
    return "".join(child.content for child in inline_token.children or ())


@pytest.fixture
def brief() -> str:
    text = "Title: <b>Bold</b> [title](http://x)\n\n" + "\n\n".join(HOSTILE_PASSAGES) + "\n"
    article = load_text(text, "evil", "/nowhere/evil.txt")
    article = replace(article, source="<i>Outlet</i>")
    corpus = Corpus("# corpus <u>name</u>", (article,))
    store = memory_store()
    tagger = Tagger(store, corpus, "<em>ann</em> [me](http://x)")
    for index in range(len(article.passages)):
        tagger.toggle(("evil", index), "<script>tag</script>")
    tagger.toggle(("evil", 1), "# [tag](http://x)")
    tagger.set_note(("evil", 2), "<img src=y onerror=alert(4)> # [note](javascript:x)")
    tagger.set_note(("evil", 0), "- a note alone <b>x</b>")
    return to_markdown(store.all(), corpus, None)


@pytest.mark.parametrize("preset", ["commonmark", "default", "gfm-like"])
def test_no_html_links_or_headings_come_from_article_text(brief: str, preset: str) -> None:
    renderer = MarkdownIt(preset)
    tokens = renderer.parse(brief)
    flat = [t for token in tokens for t in [token, *(token.children or [])]]
    kinds = {t.type for t in flat}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_inline", "table_open"}
    headings = [_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Brief: # corpus <u>name</u>",
        "<script>tag</script> (11)",
        "# [tag](http://x) (1)",
    ]
    assert not [t for t in tokens if t.type in ("bullet_list_open", "ordered_list_open")]
    html = renderer.render(brief)
    for raw in ("<script", "<img", "<b>", "<i>", "<em>ann", "<em>emphasis", "<strong>", "<u>", "<a "):
        assert raw not in html
    for passage in HOSTILE_PASSAGES[:3]:
        assert passage.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html


def test_inline_escapes_only_what_renderers_read() -> None:
    assert inline("key-fact 5 (AP) said: yes, it's \"done\".") == "key-fact 5 (AP) said: yes, it's \"done\"."
    assert inline("1. a\n\n b \x1b]0;x\x07") == "1\\. a b"
    assert inline("see x.com") == "see x\\.com"
