"""Write the note on a passage or sentence (`c` in the reader); an empty note removes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from tui.excerpt import excerpt
from tui.screens.dialog import Dialog

PASSAGE_WIDTH = 240
"""Characters of the annotated passage shown above the editor."""


class NoteEditor(Dialog[str | None]):
    """Returns the note's new text (empty: remove the note), or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note_editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note_editor.cancel"),
    ]

    def __init__(self, note: str, passage: str, where: str = "") -> None:
        super().__init__()
        self.note = note
        self.passage = passage
        self.where = where

    def heading(self) -> str:
        return f"Note on {excerpt(self.where, 60)}" if self.where else "Note"

    def body(self) -> ComposeResult:
        yield Static(Content(excerpt(self.passage, PASSAGE_WIDTH)), id="note-passage")
        yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
        yield Label(Content("ctrl+s: save (an empty note is removed) · esc: cancel"), classes="hint")

    def on_mount(self) -> None:
        text_area = self.query_one(TextArea)
        text_area.move_cursor(text_area.document.end)
        text_area.focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
