"""The tagging keys' actions, for the screen that shows passages (it subclasses TaggingScreen)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from annotations.corpus.models import Analysis, Corpus, PassageKey
from tui.screens.excerpt import excerpt
from tui.tagging_keys import TAGGING_BINDINGS, next_override

# The store, the tagger and the dialogs are imported when first used: the reader paints before.
if TYPE_CHECKING:
    from collections.abc import Callable

    from annotations.store.store import Store
    from annotations.store.tagging import Outcome, Span, Tagger
    from tui.screens.export_dialog import ExportRequest

    Target = tuple[PassageKey, Span | None]
    """The passage under the cursor, and the sentence in it when the screen has a sentence cursor."""
    Act = Callable[[Tagger, PassageKey, Span | None], None]

NEEDS_TARGET = frozenset({"tag", "pick_tag", "edit_note", "apply_to_copies", "cycle_override"})
TAGGING_ACTIONS = frozenset(binding.action.split("(")[0] for binding in TAGGING_BINDINGS)


class TaggingScreen(Screen[None]):
    """Tag, note, override, undo/redo, list and export from the keys in TAGGING_BINDINGS.

    Subclasses provide `tagging_target` (what the cursor is on) and `tagging_changed` (redraw
    after a change, e.g. set chips from `chips_for`), set `analysis` when it is known, and call
    `start_tagging` once the corpus is loaded. `go_to(key)` is called when the tags screen
    picks a passage.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*TAGGING_BINDINGS]

    tagger: Tagger | None = None
    analysis: Analysis | None = None
    sentence_mode: bool = False
    last_sentence: int = 0
    """Which sentence the sentence picker highlights first (the one chosen last)."""

    # Hooks -------------------------------------------------------------------------------

    def tagging_target(self) -> Target | None:
        """The passage the tagging keys act on; a sentence span too when the screen has a sentence cursor."""
        return None

    def tagging_changed(self, outcome: Outcome) -> None:
        """Annotations changed (passages in `outcome.keys`; all when empty): redraw them."""

    def go_to(self, key: PassageKey, remember: bool = True) -> None:
        """Show the passage `key` (the tags screen's choice)."""

    def sentence_mode_changed(self) -> None:
        """Sentence mode was switched (tag keys then ask which sentence unless the target has a span)."""

    # Setup -------------------------------------------------------------------------------

    def start_tagging(self, store: Store, corpus: Corpus, analyst: str, tags: tuple[str, ...]) -> Tagger:
        """Place the store's annotations in this corpus and start tagging; says what moved or is read-only."""
        from annotations.store.tagging import Outcome, Tagger
        from tui.screens.store_problem import read_only_notice

        report = store.reanchor(corpus)
        self.tagger = Tagger(store, corpus, analyst, tags)
        for line in (report.message, read_only_notice(store)):
            if line:
                self.notify(excerpt(line, 300), severity="warning", markup=False)
        self.tagging_changed(Outcome("", keys=()))
        self.refresh_bindings()
        return self.tagger

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in TAGGING_ACTIONS:
            return super().check_action(action, parameters)
        if self.tagger is None:
            return None
        if action == "undo":
            return self.tagger.history.can_undo or None
        if action == "redo":
            return self.tagger.history.can_redo or None
        if action == "apply_to_copies" and self.analysis is None:
            return None
        return action not in NEEDS_TARGET or self.tagging_target() is not None or None

    # Actions -----------------------------------------------------------------------------

    def _done(self, outcome: Outcome) -> None:
        severity: SeverityLevel = "information" if outcome.ok else "warning"
        self.notify(excerpt(outcome.message, 200), severity=severity, markup=False)
        if outcome.count:
            self.tagging_changed(outcome)
        self.refresh_bindings()

    def _ready(self) -> tuple[Tagger, Target] | None:
        target = self.tagging_target()
        if self.tagger is None or target is None:
            return None
        return self.tagger, target

    def _on_target(self, act: Act) -> None:
        """Run `act` on the target; in sentence mode, on the sentence the analyst picks first."""
        ready = self._ready()
        if ready is None:
            return
        tagger, (key, span) = ready
        if span is not None or not self.sentence_mode:
            act(tagger, key, span)
            return
        spans = tagger.sentence_spans(key)
        if len(spans) == 1:
            act(tagger, key, spans[0])
            return
        from tui.screens.sentence_picker import SentencePicker

        article = tagger.corpus.article(key[0])
        text = article.text if article else ""
        sentences = [(s, text[s[0] : s[1]], tagger.tags_on(key, s)) for s in spans]

        def chosen(picked: Span | None) -> None:
            if picked is not None:
                self.last_sentence = spans.index(picked)
                act(tagger, key, picked)

        picker = SentencePicker(sentences, self._where(key, None), self.last_sentence)
        self.app.push_screen(picker, chosen)

    def action_tag(self, number: int) -> None:
        if self.tagger is None:
            return
        tag = self.tagger.tag_for_number(number)
        if tag is None:
            self.notify(f"No tag on key {number}: the list has {len(self.tagger.tags)}", severity="warning")
            return
        self._on_target(lambda tagger, key, span: self._done(tagger.toggle(key, tag, span)))

    def action_pick_tag(self) -> None:
        self._on_target(self._pick_tag)

    def _pick_tag(self, tagger: Tagger, key: PassageKey, span: Span | None) -> None:
        from tui.screens.tag_picker import TagPicker

        def picked(name: str | None) -> None:
            if name:
                self._done(tagger.toggle(key, name, span))

        picker = TagPicker(tagger.tags, tagger.tags_on(key, span), self._where(key, span))
        self.app.push_screen(picker, picked)

    def action_edit_note(self) -> None:
        self._on_target(self._edit_note)

    def _edit_note(self, tagger: Tagger, key: PassageKey, span: Span | None) -> None:
        from tui.screens.note_editor import NoteEditor

        article = tagger.corpus.article(key[0])
        if article is None:
            return
        quoted = article.text[span[0] : span[1]] if span else article.passages[key[1]].text

        def written(text: str | None) -> None:
            if text is not None:
                self._done(tagger.set_note(key, text, span))

        editor = NoteEditor(tagger.note_on(key, span), quoted, self._where(key, span))
        self.app.push_screen(editor, written)

    def action_sentence_mode(self) -> None:
        self.sentence_mode = not self.sentence_mode
        on = "Tagging sentences: the tag keys ask which one"
        self.notify(on if self.sentence_mode else "Tagging whole passages")
        self.sentence_mode_changed()

    def action_apply_to_copies(self) -> None:
        ready = self._ready()
        if ready is not None and self.analysis is not None:
            self._done(ready[0].apply_to_duplicates(ready[1][0], self.analysis))

    def action_cycle_override(self) -> None:
        ready = self._ready()
        if ready is not None:
            tagger, (key, _) = ready
            self._done(tagger.set_override(key, next_override(tagger.override_on(key))))

    def action_undo(self) -> None:
        if self.tagger is not None:
            self._done(self.tagger.undo())

    def action_redo(self) -> None:
        if self.tagger is not None:
            self._done(self.tagger.redo())

    def action_tags_screen(self) -> None:
        from annotations.store.tagging import Outcome
        from tui.screens.tags_screen import TagsScreen

        if self.tagger is None:
            return

        def closed(key: PassageKey | None) -> None:
            self.tagging_changed(Outcome("", keys=()))
            self.refresh_bindings()
            if key is not None:
                self.go_to(key)

        self.app.push_screen(TagsScreen(self.tagger), closed)

    def action_export(self) -> None:
        from tui.screens.export_dialog import ExportDialog

        if self.tagger is None:
            return
        tagger = self.tagger
        target = self.tagging_target()
        articles = [(a.id, f"{a.label}  {a.title}") for a in tagger.corpus.articles]
        dialog = ExportDialog(tagger.tags, articles, target[0][0] if target else None, folder=Path.cwd())
        self.app.push_screen(dialog, lambda request: self._export(tagger, request))

    def _export(self, tagger: Tagger, request: ExportRequest | None) -> None:
        # On the UI thread: the export re-anchors through the store, which only this thread may touch.
        from annotations.exchange.export import ExportError
        from tui.screens.export_dialog import run_export

        if request is None:
            return
        try:
            message = run_export(request, tagger.store, tagger.corpus, self.analysis)
        except ExportError as error:
            self.notify(excerpt(str(error), 300), severity="error", markup=False)
            return
        self.notify(excerpt(message, 300), markup=False)

    def _where(self, key: PassageKey, span: Span | None) -> str:
        article = self.tagger.corpus.article(key[0]) if self.tagger else None
        label = article.label if article else key[0]
        return f"passage {key[1] + 1} of {label}" + (" (sentence)" if span else "")

