"""Every annotation in the store, filterable, with jump, delete, undo and redo (`T` in the reader)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, Static

from annotations.corpus.models import Annotation, Corpus, PassageKey
from annotations.store.tagging import Filter, Outcome, Tagger
from tui.excerpt import excerpt

COLUMNS = ("article", "¶", "tag", "note", "quote", "analyst", "modified")
ORPHAN = "⚠ orphan"
KIND_PREFIX = {"override": "⚑ "}
DETAIL_WIDTH = 300
"""Characters of note and quote shown below the table."""
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


def cells(annotation: Annotation, corpus: Corpus) -> tuple[Text, ...]:
    """One table row: literal text only (tags, notes, quotes and ids come from outside)."""
    article = corpus.article(annotation.article)
    label = article.label if article else annotation.article
    where = Text(ORPHAN, style="bold") if annotation.orphan else Text(str(annotation.target.passage + 1))
    tag = KIND_PREFIX.get(annotation.kind, "") + (annotation.tag or "")
    return (
        Text(excerpt(label, 24)),
        where,
        Text(excerpt(tag, 24)),
        Text(excerpt(annotation.note, 30)),
        Text(excerpt(annotation.target.exact, 50)),
        Text(excerpt(annotation.analyst, 16)),
        Text(annotation.modified[:16].replace("T", " ")),
    )


def detail(annotation: Annotation | None, corpus: Corpus) -> Content:
    """The highlighted annotation in full: where, the note and the quoted text (literal)."""
    if annotation is None:
        return Content("")
    article = corpus.article(annotation.article)
    title = article.title if article else annotation.article_title or annotation.article
    lines = [f"{excerpt(title, 100)} · ¶{annotation.target.passage + 1}"]
    if annotation.note:
        lines.append(f"✎ {excerpt(annotation.note, DETAIL_WIDTH)}")
    lines.append(f"“{excerpt(annotation.target.exact, DETAIL_WIDTH)}”")
    return Content("\n".join(lines))


class TagsScreen(Screen[PassageKey | None]):
    """Lists the store's annotations; dismisses with the passage to jump to, or None."""

    DEFAULT_CSS = """
    TagsScreen #tags-filter { margin: 0 1; }
    TagsScreen #tags-status { color: $text-muted; padding: 0 1; }
    TagsScreen DataTable { height: 1fr; }
    TagsScreen #tags-detail { height: auto; max-height: 6; padding: 0 1; border-top: solid $primary; }
    """

    BINDINGS = [
        Binding("enter", "jump", "Go to", id="tags.jump"),
        Binding("x", "delete", "Delete", id="tags.delete"),
        Binding("u", "undo", "Undo", id="tags.undo"),
        Binding("ctrl+r", "redo", "Redo", id="tags.redo"),
        Binding("slash", "focus_filter", "Filter", id="tags.filter"),
        Binding("escape,q", "close", "Close", id="tags.close"),
    ]

    def __init__(self, tagger: Tagger, query: str = "") -> None:
        super().__init__()
        self.tagger = tagger
        self.initial_query = query
        self.query_text = query

    def compose(self) -> ComposeResult:
        yield Label(Content("Annotations"), id="tags-title")
        yield Input(self.initial_query, placeholder=FILTER_HELP, id="tags-filter")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="tags-table")
        yield Static(id="tags-detail")
        yield Label(id="tags-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in COLUMNS:
            table.add_column(column, key=column)
        self.refresh_rows()
        table.focus()

    @on(Input.Changed, "#tags-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.refresh_rows()

    @on(Input.Submitted, "#tags-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def refresh_rows(self) -> None:
        """Fill the table from the store, keeping the cursor near where it was."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        rows = self.tagger.rows(to_filter(parse_query(self.query_text), self.tagger.corpus))
        table.clear()
        for annotation in rows:
            table.add_row(*cells(annotation, self.tagger.corpus), key=annotation.id)
        if rows:
            table.move_cursor(row=min(row, len(rows) - 1))
        self._row_highlighted()
        self._show_status(rows)

    def _show_status(self, rows: list[Annotation]) -> None:
        orphans = sum(a.orphan for a in rows)
        total = len(self.tagger.store)
        if not total:
            line = "No annotations yet: tag passages in the reader with 1-9 or t"
        elif not rows:
            line = f"No annotation matches the filter ({total} in the store)"
        else:
            extra = f", {orphans} orphaned (listed first)" if orphans else ""
            line = f"{len(rows)} of {total} annotations{extra} · enter: go to the passage"
        self.query_one("#tags-status", Label).update(Content(line))

    def highlighted(self) -> Annotation | None:
        """The annotation under the cursor, if any."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.tagger.store.get(key) if key is not None else None

    @on(DataTable.RowHighlighted, "#tags-table")
    def _row_highlighted(self) -> None:
        self.query_one("#tags-detail", Static).update(detail(self.highlighted(), self.tagger.corpus))

    @on(DataTable.RowSelected, "#tags-table")
    def _row_chosen(self) -> None:
        self.action_jump()

    def action_jump(self) -> None:
        annotation = self.highlighted()
        if annotation is None:
            return
        if annotation.orphan:
            self.notify("Its text is no longer in the article: it cannot be shown", severity="warning",
                        markup=False)
        elif self.tagger.corpus.article(annotation.article) is None:
            self.notify(f"Article {excerpt(annotation.article, 40)} is not loaded", severity="warning",
                        markup=False)
        else:
            self.dismiss(annotation.key)

    def action_delete(self) -> None:
        annotation = self.highlighted()
        if annotation is not None:
            self._done(self.tagger.delete([annotation.id]))

    def action_undo(self) -> None:
        self._done(self.tagger.undo())

    def action_redo(self) -> None:
        self._done(self.tagger.redo())

    def _done(self, outcome: Outcome) -> None:
        severity: SeverityLevel = "information" if outcome.ok else "warning"
        self.notify(excerpt(outcome.message, 200), severity=severity, markup=False)
        if outcome.count:
            self.refresh_rows()  # the reader redraws everything when this screen closes

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)
