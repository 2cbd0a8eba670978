"""Choose what to export and where (`e` in the reader); an existing file is only replaced after a yes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from annotations.corpus.models import Analysis, Corpus
from annotations.exchange.export import FORMATS, RENDERERS, ExportOptions, gather, write_output
from annotations.store.store import Store
from tui.excerpt import excerpt
from tui.screens.dialog import Dialog

EXTENSIONS = {"jsonl": "jsonl", "json": "json", "csv": "csv", "md": "md", "w3c": "jsonld"}
FORMAT_LABELS = {
    "jsonl": "JSON lines (one annotation a line)",
    "json": "JSON (one list)",
    "csv": "CSV (spreadsheets)",
    "md": "Markdown brief",
    "w3c": "W3C Web Annotations (JSON-LD)",
}
MACHINE_LABEL = {
    False: "Machine findings (leftovers, copies): not included",
    True: "Machine findings (leftovers, copies): included",
}
ALL = ""
"""The select value meaning "no filter" (no tag or article id is empty)."""


def default_name(fmt: str) -> str:
    return f"briefreader-export.{EXTENSIONS[fmt]}"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the analyst asked for; `overwrite` is True only after they confirmed replacing the file."""

    format: str
    path: Path
    tag: str | None = None
    article: str | None = None
    include_machine: bool = False
    overwrite: bool = False

    def options(self) -> ExportOptions:
        return ExportOptions(format=self.format, tag=self.tag, article=self.article,
                             include_machine=self.include_machine)


def run_export(request: ExportRequest, store: Store, corpus: Corpus, analysis: Analysis | None) -> str:
    """Write the export and say what went where, in one line; ExportError (one line) when it cannot."""
    annotations = gather(store, corpus, analysis, request.options())
    text = RENDERERS[request.format](annotations, corpus, analysis)
    target = write_output(request.path, text, force=request.overwrite)
    count = f"{len(annotations)} annotation{'' if len(annotations) == 1 else 's'}"
    return f"Exported {count} ({scope(request, corpus)}) as {request.format} to {target}"


def scope(request: ExportRequest, corpus: Corpus) -> str:
    """Which annotations the request covers, in words: "all articles", "tag claim, article 002"."""
    article = corpus.article(request.article) if request.article else None
    parts = [f"tag {excerpt(request.tag, 40)}"] if request.tag else []
    if request.article:
        parts.append(f"article {excerpt(article.label if article else request.article, 40)}")
    else:
        parts.append("all articles" if not request.tag else "in all articles")
    if request.include_machine:
        parts.append("with machine findings")
    return ", ".join(parts)


def path_problem(path: Path) -> str | None:
    """Why the export cannot go to `path`, or None."""
    if path.is_dir():
        return f"{path} is a folder: give a file name"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist"
    return None


class ConfirmOverwrite(Dialog[bool]):
    """Asks before an existing file is replaced."""

    TONE = "warning"
    BINDINGS = [
        Binding("y", "answer(True)", "Overwrite", id="confirm_overwrite.yes"),
        Binding("n,escape", "answer(False)", "Keep it", id="confirm_overwrite.no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def heading(self) -> str:
        return "Replace the file?"

    def body(self) -> ComposeResult:
        yield Label(Content(f"{excerpt(str(self.path), 200)} exists. Overwrite it?"))
        with Horizontal(classes="dialog-buttons"):
            yield Button("Overwrite (y)", variant="warning", id="overwrite-yes")
            yield Button("Keep it (n)", variant="primary", id="overwrite-no")

    def on_mount(self) -> None:
        self.query_one("#overwrite-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "overwrite-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ExportDialog(Dialog[ExportRequest | None]):
    """Format, filters and file, each labelled; returns the request (written by `run_export`) or None.

    Everything is exported unless the analyst narrows it, so `e` then enter writes every annotation.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(
        self,
        tags: Sequence[str],
        articles: Sequence[tuple[str, str]],
        current_article: str | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.tags = tuple(dict.fromkeys(tags))
        self.articles = tuple(articles)
        """(article id, label shown) pairs."""
        self.current_article = current_article if any(a == current_article for a, _ in articles) else None
        self.folder = folder or Path.cwd()

    def heading(self) -> str:
        return "Export annotations"

    def body(self) -> ComposeResult:
        yield from self._field("Format", Select([(Content(FORMAT_LABELS[f]), f) for f in FORMATS],
                                                value="jsonl", allow_blank=False, id="export-format"))
        tags = [(Content(excerpt(t, 60)), t) for t in self.tags]
        yield from self._field("Tag", Select([(Content("All tags"), ALL), *tags], value=ALL,
                                             allow_blank=False, id="export-tag"))
        yield from self._field("Articles", Select(self._article_choices(), value=ALL, allow_blank=False,
                                                  id="export-article"))
        yield Checkbox(Content(MACHINE_LABEL[False]), id="export-machine")
        yield Label(Content(f"File (relative to {excerpt(str(self.folder), 50)})"), classes="dialog-label")
        yield Input(default_name("jsonl"), id="export-path")
        yield Static(id="export-problem")
        with Horizontal(classes="dialog-buttons"):
            yield Button("Export", variant="primary", id="export-go")
            yield Button("Cancel", id="export-cancel")

    @staticmethod
    def _field(label: str, widget: Select[str]) -> ComposeResult:
        with Horizontal(classes="dialog-field"):
            yield Label(Content(label), classes="dialog-label")
            yield widget

    def _article_choices(self) -> list[tuple[Content, str]]:
        """All articles first, then the one being read, then the rest in list order."""
        choices = [(Content("All articles"), ALL)]
        for article, label in self.articles:
            if article == self.current_article:
                choices.insert(1, (Content(f"{excerpt(label, 50)} (reading now)"), article))
            else:
                choices.append((Content(excerpt(label, 60)), article))
        return choices

    def on_mount(self) -> None:
        # Enter in the file name exports, so `e` then enter writes the default export.
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        if path.value.strip() in {default_name(f) for f in FORMATS}:
            path.value = default_name(str(event.value))

    @on(Checkbox.Changed, "#export-machine")
    def _machine_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = Content(MACHINE_LABEL[event.value])

    def request(self) -> ExportRequest:
        """The request as the widgets stand (not yet confirmed for overwriting)."""
        fmt = str(self.query_one("#export-format", Select).value)
        tag = self.query_one("#export-tag", Select).value
        article = self.query_one("#export-article", Select).value
        return ExportRequest(
            format=fmt,
            path=self.folder / Path(self.query_one("#export-path", Input).value.strip()).expanduser(),
            tag=tag if isinstance(tag, str) and tag != ALL else None,
            article=article if isinstance(article, str) and article != ALL else None,
            include_machine=self.query_one("#export-machine", Checkbox).value,
        )

    @on(Button.Pressed, "#export-go")
    @on(Input.Submitted, "#export-path")
    def _export(self) -> None:
        request = self.request()
        problem = "give a file name" if not self.query_one("#export-path", Input).value.strip() else None
        problem = problem or path_problem(request.path)
        if problem:
            self.query_one("#export-problem", Static).update(Content(excerpt(problem, 200)))
            return
        if not request.path.exists():
            self.dismiss(request)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(replace(request, overwrite=True))

        self.app.push_screen(ConfirmOverwrite(request.path), answered)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
