"""Write the note on a passage or sentence (`c` in the reader); an empty note removes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from tui.excerpt import excerpt

PASSAGE_WIDTH = 240
"""Characters of the annotated passage shown above the editor."""


class NoteEditor(ModalScreen[str | None]):
    """Returns the note's new text (empty: remove the note), or None when cancelled."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NoteEditor #note-passage { color: $text-muted; margin-bottom: 1; max-height: 5; }
    NoteEditor TextArea { height: 10; }
    NoteEditor .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note_editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note_editor.cancel"),
    ]

    def __init__(self, note: str, passage: str, where: str = "") -> None:
        super().__init__()
        self.note = note
        self.passage = passage
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Note on {self.where}" if self.where else "Note"))
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
