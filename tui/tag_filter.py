"""The tags screen's filter line (`tag:x article:y analyst:z is:orphan` and free text) and its field."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from textual import events
from textual.widget import Widget
from textual.widgets import Input

from annotations.corpus.models import Corpus
from annotations.store.values import Filter
from tui.screens.late_keys import pass_on

FILTER_HELP = "tag:NAME  article:ID  analyst:NAME  is:orphan  and free text (in quote, note or tag)"


@dataclass(frozen=True, slots=True)
class Query:
    """The filter line split into its fields (`tag:x article:y words`)."""

    tag: str | None = None
    article: str | None = None
    analyst: str | None = None
    orphans: bool = False
    text: str = ""


def parse_query(line: str) -> Query:
    """Read `tag:x article:y analyst:z is:orphan free text`; quotes group words ("tag:"two words"")."""
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    fields: dict[str, str] = {}
    free: list[str] = []
    for word in words:
        name, colon, value = word.partition(":")
        if colon and value and name.lower() in ("tag", "article", "analyst"):
            fields[name.lower()] = value
        elif word.lower() == "is:orphan":
            fields["orphans"] = "yes"
        else:
            free.append(word)
    return Query(fields.get("tag"), fields.get("article"), fields.get("analyst"), "orphans" in fields,
                 " ".join(free))


def to_filter(query: Query, corpus: Corpus) -> Filter:
    """The store filter for a query; an article may be named by id, label ("002") or id prefix."""
    return Filter(tag=query.tag, article=_article_id(query.article, corpus), text=query.text,
                  analyst=query.analyst, orphans_only=query.orphans)


def _article_id(name: str | None, corpus: Corpus) -> str | None:
    if name is None:
        return None
    folded = name.casefold()
    found = [a.id for a in corpus.articles if folded in (a.id.casefold(), a.label.casefold())]
    found = found or [a.id for a in corpus.articles if a.id.casefold().startswith(folded)]
    return found[0] if len(found) == 1 else name


class FilterInput(Input):
    """The filter line. `down` and enter hand over to the list, esc clears the line (or, empty, closes).

    It hands over itself, as it reads the key; the keys typed after that, already queued here, are
    passed on to the list, so typed-ahead keys keep their order: in `claim` down `x`, the x deletes,
    it is not filter text.
    """

    def __init__(self, value: str, hand_to: Widget, *, placeholder: str = "", id: str = "") -> None:
        super().__init__(value, placeholder=placeholder, id=id or None, select_on_focus=False)
        self.hand_to = hand_to

    def on_key(self, event: events.Key) -> None:
        if pass_on(event, self):
            return
        if event.key in ("down", "enter") or (event.key == "escape" and self.value):
            if event.key == "escape":
                self.value = ""
            event.stop()
            event.prevent_default()
            self.screen.set_focus(self.hand_to)
