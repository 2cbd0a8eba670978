"""The reader's view of stories: articles grouped by story, and what works per story (repeats, overview)."""

from __future__ import annotations

from collections.abc import Sequence

from annotations.corpus.models import Analysis, Article, Duplicate, PassageKey, Story
from tui.view import repeats

STORY_ORDERS = ("size", "latest")
"""Stories largest first, or with the latest article first."""

Group = tuple[Story | None, list[Article]]
"""A story and its articles in list order; None holds articles no story lists (before the analysis)."""


def story_groups(order: Sequence[Article], stories: Sequence[Story], by: str = "size") -> list[Group]:
    """The articles of `order` grouped by story, each group in `order`'s order; stories sorted `by`."""
    story_of = {article_id: story for story in stories for article_id in story.articles}
    grouped: dict[str, list[Article]] = {}
    loose: list[Article] = []
    for article in order:
        story = story_of.get(article.id)
        if story is None:
            loose.append(article)
        else:
            grouped.setdefault(story.id, []).append(article)
    by_id = {story.id: story for story in stories}
    groups: list[Group] = [(by_id[story_id], articles) for story_id, articles in grouped.items()]
    if by == "latest":
        groups.sort(key=lambda group: _latest(group[1]), reverse=True)
    else:
        groups.sort(key=lambda group: -len(group[1]))
    if loose:
        groups.append((None, loose))
    return groups


def _latest(articles: list[Article]) -> str:
    return max((article.date or "" for article in articles), default="")


def story_articles(
    order: Sequence[Article], stories: Sequence[Story], article_id: str | None
) -> list[Article]:
    """The articles sharing a story with `article_id`, in `order`'s order (all of them without stories)."""
    for story, articles in story_groups(order, stories):
        if story is not None and article_id in story.articles:
            return articles
    return list(order)


def story_repeats(order: Sequence[Article], analysis: Analysis) -> dict[PassageKey, Duplicate]:
    """New-only mode per story: a passage repeats only what an earlier article of its own story said."""
    found: dict[PassageKey, Duplicate] = {}
    for _, articles in story_groups(order, analysis.stories):
        found.update(repeats(articles, analysis))
    return found
