"""Every annotation in the store, filterable, with jump, delete, undo and redo (`T` in the reader)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widgets import DataTable, Footer, Input, Label, Static

from annotations.corpus.models import Annotation, Corpus, PassageKey
from annotations.store.tagging import Tagger
from annotations.store.values import Outcome
from tui.excerpt import excerpt
from tui.screens.late_keys import KeepsTypedKeys
from tui.tag_filter import FILTER_HELP, FilterInput, parse_query, to_filter
from tui.tagging_keys import SENTENCE_SUFFIX

COLUMNS = ("article", "¶", "tag", "note", "quote", "analyst", "modified")
ORPHAN = "⚠ orphan"
KIND_PREFIX = {"override": "⚑ "}
DETAIL_WIDTH = 300
"""Characters of each note line and of the quote shown below the table."""
NOTE_LINES = 4
OPENING_QUOTES = frozenset("“\"‘'«„‚‹")
CELL_PADDING = 2
"""Cells DataTable adds around each column (one each side)."""
SCROLLBAR = 2
WIDE = 120
BASE_WIDTHS = {"article": 10, "¶": 8, "tag": 14, "note": 8, "quote": 12, "analyst": 8, "modified": 16}
"""The narrowest useful columns; at 80 cells all but the modification time fit."""
SPARE_SHARES = {"article": 0.15, "tag": 0.15, "note": 0.3}
"""How extra width is shared out; the quote takes the rest."""


def widths(total: int) -> dict[str, int]:
    """Each column's width for a table `total` cells wide: no horizontal scrolling from 100 columns up,
    and at 80 only the modification time lies past the edge."""
    budget = total - CELL_PADDING * len(COLUMNS) - SCROLLBAR
    found = dict(BASE_WIDTHS)
    spare = budget - sum(found.values())
    if spare > 0:
        for column, share in SPARE_SHARES.items():
            found[column] += int(spare * share)
        found["quote"] += budget - sum(found.values())
    return found


def cells(annotation: Annotation, corpus: Corpus, width: dict[str, int] | None = None) -> tuple[Text, ...]:
    """One table row: literal text only (tags, notes, quotes and ids come from outside)."""
    width = width or widths(WIDE)
    article = corpus.article(annotation.article)
    label = article.label if article else annotation.article
    where = Text(ORPHAN, style="bold") if annotation.orphan else Text(str(annotation.target.passage + 1))
    tag = KIND_PREFIX.get(annotation.kind, "") + (annotation.tag or "")
    if tag and annotation.target.scope == "span":
        tag += SENTENCE_SUFFIX
    return (
        Text(excerpt(label, width["article"])),
        where,
        Text(excerpt(tag, width["tag"])),
        Text(excerpt(annotation.note, width["note"])),
        Text(excerpt(annotation.target.exact, width["quote"])),
        Text(excerpt(annotation.analyst, width["analyst"])),
        Text(annotation.modified[:16].replace("T", " ")),
    )


def quoted(text: str) -> str:
    """The text in quotation marks, unless it already opens with one (no ““We're)."""
    line = excerpt(text, DETAIL_WIDTH)
    return line if line[:1] in OPENING_QUOTES else f"“{line}”"


def note_lines(note: str) -> list[str]:
    """The note as written, line by line (controls removed, at most NOTE_LINES lines)."""
    written = [excerpt(line, DETAIL_WIDTH) for line in note.strip().splitlines()]
    shown = written[:NOTE_LINES]
    if len(written) > NOTE_LINES:
        shown[-1] += " …"
    return shown


def detail(annotation: Annotation | None, corpus: Corpus) -> Content:
    """The highlighted annotation in full: where, the note (with its line breaks) and the quoted text."""
    if annotation is None:
        return Content("")
    article = corpus.article(annotation.article)
    title = article.title if article else annotation.article_title or annotation.article
    scope = " (sentence)" if annotation.target.scope == "span" else ""
    lines = [f"{excerpt(title, 100)} · ¶{annotation.target.passage + 1}{scope}"]
    if annotation.note:
        note = note_lines(annotation.note)
        lines += [f"✎ {note[0]}", *(f"  {line}" for line in note[1:])]
    lines.append(quoted(annotation.target.exact))
    return Content("\n".join(lines))


class TagsScreen(KeepsTypedKeys[PassageKey | None]):
    """Lists the store's annotations; dismisses with the passage to jump to, or None.

    The filter works like search's: typing there is filter text (x and u too), `down` or enter
    moves to the list, and esc clears the filter before it closes the screen; keys typed ahead
    keep their order (see FilterInput), and those typed after a jump go to the reader.
    """

    DEFAULT_CSS = """
    TagsScreen #tags-filter { margin: 0 1; }
    TagsScreen #tags-status { color: $text-muted; padding: 0 1; }
    TagsScreen DataTable { height: 1fr; }
    TagsScreen #tags-detail { height: auto; max-height: 8; padding: 0 1; border-top: solid $primary; }
    """

    BINDINGS = [
        Binding("enter", "enter", "Go to", id="tags.jump", priority=True),
        Binding("x", "delete", "Delete", id="tags.delete"),
        Binding("u", "undo", "Undo", id="tags.undo"),
        Binding("ctrl+r", "redo", "Redo", id="tags.redo"),
        # At once, so the letters typed after it reach the filter rather than the list's keys (u undoes).
        Binding("slash", "focus_filter", "Filter", id="tags.filter", priority=True),
        Binding("down", "focus_table", "To the list", id="tags.to_table", show=False),
        Binding("escape", "back", "Clear filter / close", id="tags.close"),
    ]

    @dataclass
    class Changed(Message):
        """Annotations were deleted, or a change undone or redone, here: redraw these passages."""

        keys: tuple[PassageKey, ...]

    def __init__(self, tagger: Tagger, query: str = "") -> None:
        super().__init__()
        self.tagger = tagger
        self.initial_query = query
        self.query_text = query
        self._widths = widths(WIDE)

    def compose(self) -> ComposeResult:
        yield Label(Content("Annotations"), id="tags-title")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="tags-table")
        yield FilterInput(self.initial_query, table, placeholder=FILTER_HELP, id="tags-filter")
        yield table
        yield Static(id="tags-detail")
        yield Label(id="tags-status")
        yield Footer()

    def on_mount(self) -> None:
        self._lay_out(self.size.width)
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if widths(event.size.width) != self._widths:
            self._lay_out(event.size.width)

    def _lay_out(self, width: int) -> None:
        """Columns sized to the screen (a wider screen gives the note and quote more room)."""
        self._widths = widths(width or WIDE)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for column in COLUMNS:
            table.add_column(column, key=column, width=self._widths[column])
        self.refresh_rows()

    @on(Input.Changed, "#tags-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Fill the table from the store, keeping the cursor near where it was."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        rows = self.tagger.rows(to_filter(parse_query(self.query_text), self.tagger.corpus))
        table.clear()
        for annotation in rows:
            table.add_row(*cells(annotation, self.tagger.corpus, self._widths), key=annotation.id)
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
            self.refresh_rows()
            self.post_message(self.Changed(outcome.keys))

    def action_enter(self) -> None:
        """Go to the highlighted passage at once (keys typed after go to the reader); in the filter,
        the filter takes the enter after the letters before it."""
        query = self.query_one(FilterInput)
        if self.focused is query:
            query.post_message(events.Key("enter", "\r"))
        else:
            self.action_jump()

    def action_focus_filter(self) -> None:
        query = self.query_one(FilterInput)
        if self.focused is query:
            query.post_message(events.Key("slash", "/"))  # typed in the filter, after the letters before it
        else:
            self.set_focus(query)

    def action_focus_table(self) -> None:
        self.set_focus(self.query_one(DataTable))

    def action_back(self) -> None:
        """Back out one level: clear the filter if there is one, else close the screen."""
        query = self.query_one(Input)
        if query.value:
            query.value = ""
            self.set_focus(self.query_one(DataTable))
        else:
            self.dismiss(None)
