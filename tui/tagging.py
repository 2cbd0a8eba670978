"""What the tagging keys do, for any screen that shows passages: a controller the screen delegates to.

The screen gives it a way to find the current target and a way to redraw; it holds the tagger
once the store is open. Keys pressed before then wait, with the target they were pressed on, and
apply in order when the store opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.notifications import SeverityLevel
from textual.screen import Screen

from annotations.corpus.models import Analysis, Corpus, PassageKey
from tui.excerpt import excerpt
from tui.tagging_keys import TAGGING_BINDINGS, next_override

# The store, the tagger and the dialogs are imported when first used: the reader paints before.
if TYPE_CHECKING:
    from annotations.store.store import Store
    from annotations.store.tagging import Tagger
    from annotations.store.values import Outcome, Span
    from tui.screens.export_dialog import ExportRequest

Target = tuple[PassageKey, "Span | None"]
"""The passage under the cursor, and the sentence in it when the screen has a sentence cursor."""
Act = Callable[["Tagger", PassageKey, "Span | None"], None]

NEEDS_TARGET = frozenset({"tag", "pick_tag", "edit_note", "apply_to_copies", "cycle_override"})
TAGGING_ACTIONS = frozenset(binding.action.split("(")[0] for binding in TAGGING_BINDINGS)
METHODS = {"sentence_mode": "switch_sentence_mode"}
"""Controller methods named otherwise than their action (`sentence_mode` is also the mode's flag)."""


class TaggingController:
    """Tag, note, override, undo/redo, list and export, on the target the screen points at."""

    def __init__(
        self,
        screen: Screen[Any],
        target: Callable[[], Target | None],
        redraw: Callable[[Outcome], None],
        analysis: Callable[[], Analysis | None] = lambda: None,
        go_to: Callable[[PassageKey], None] = lambda key: None,
        modes_changed: Callable[[], None] = lambda: None,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.screen = screen
        self.target = target
        self.redraw = redraw
        self.analysis = analysis
        """The finished analysis (None until it is done: `A` needs the copies)."""
        self.go_to = go_to
        self.modes_changed = modes_changed
        self.say = say
        """Where short confirmations go (a status line); problems are always toasts."""
        self.tagger: Tagger | None = None
        self.sentence_mode = False
        self.last_sentence = 0
        """Which sentence the sentence picker highlights first (the one chosen last)."""
        self._keys_state: tuple[bool, bool] | None = None
        self.waiting: list[Callable[[Tagger], None]] = []
        """Keys pressed before the store opened, applied in order once it is."""

    def start(self, store: Store, corpus: Corpus, analyst: str, tags: tuple[str, ...]) -> Tagger:
        """Place the store's annotations in this corpus, then apply the keys that waited for it."""
        from annotations.store.tagging import Tagger
        from annotations.store.values import Outcome
        from tui.screens.store_problem import read_only_notice

        report = store.reanchor(corpus)
        self.tagger = tagger = Tagger(store, corpus, analyst, tags)
        for line in (report.message, read_only_notice(store)):
            if line:
                self.screen.notify(excerpt(line, 300), severity="warning", markup=False)
        self.redraw(Outcome("", keys=()))
        waiting, self.waiting = self.waiting, []
        for act in waiting:
            act(tagger)
        self.screen.refresh_bindings()
        return tagger

    def check(self, action: str) -> bool | None:
        """Whether a tagging action applies now (None greys it out); keys wait while the store opens."""
        if action == "sentence_mode":
            return True
        if self.tagger is None:
            return True  # the key waits for the store (and the corpus), see `when_open`
        if action == "undo":
            return self.tagger.history.can_undo or None
        if action == "redo":
            return self.tagger.history.can_redo or None
        if action == "apply_to_copies" and self.analysis() is None:
            return None
        return action not in NEEDS_TARGET or self.target() is not None or None

    def when_open(self, act: Callable[[Tagger], None]) -> None:
        """Run `act` now, or once the store is open (in the order the keys came)."""
        if self.tagger is None:
            self.waiting.append(act)
        else:
            act(self.tagger)

    def _on_target(self, act: Act) -> None:
        """Run `act` on the target as it is now; in sentence mode, on the sentence picked first."""
        target = self.target()
        if target is not None:
            self.when_open(lambda tagger: self._on_sentence(tagger, target, act))

    def _on_sentence(self, tagger: Tagger, target: Target, act: Act) -> None:
        key, span = target
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

        picker = SentencePicker(sentences, self.where(tagger, key, None), self.last_sentence)
        self.screen.app.push_screen(picker, chosen)

    def done(self, outcome: Outcome) -> None:
        """Say what happened, redraw what changed, and update which keys apply."""
        if outcome.ok and self.say is not None:
            self.say(excerpt(outcome.message, 100))
        else:
            severity: SeverityLevel = "information" if outcome.ok else "warning"
            self.screen.notify(excerpt(outcome.message, 200), severity=severity, markup=False)
        if outcome.count:
            self.redraw(outcome)
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Tell the footer only when undo or redo became (un)available: redrawing it costs a relayout."""
        history = self.tagger.history if self.tagger is not None else None
        state = (history.can_undo, history.can_redo) if history is not None else None
        if state != self._keys_state:
            self._keys_state = state
            self.screen.refresh_bindings()

    def tag(self, number: int) -> None:
        def toggle(tagger: Tagger, key: PassageKey, span: Span | None) -> None:
            tag = tagger.tag_for_number(number)
            if tag is None:
                count = len(tagger.tags)
                self.screen.notify(f"No tag on key {number}: the list has {count}", severity="warning")
            else:
                self.done(tagger.toggle(key, tag, span))

        self._on_target(toggle)

    def pick_tag(self) -> None:
        self._on_target(self._pick_tag)

    def _pick_tag(self, tagger: Tagger, key: PassageKey, span: Span | None) -> None:
        from tui.screens.tag_picker import TagPicker

        def picked(name: str | None) -> None:
            if name:
                self.done(tagger.toggle(key, name, span))

        picker = TagPicker(tagger.tags, tagger.tags_on(key, span), self.where(tagger, key, span))
        self.screen.app.push_screen(picker, picked)

    def edit_note(self) -> None:
        self._on_target(self._edit_note)

    def _edit_note(self, tagger: Tagger, key: PassageKey, span: Span | None) -> None:
        from tui.screens.note_editor import NoteEditor

        article = tagger.corpus.article(key[0])
        if article is None:
            return
        quoted = article.text[span[0] : span[1]] if span else article.passages[key[1]].text

        def written(text: str | None) -> None:
            if text is not None:
                self.done(tagger.set_note(key, text, span))

        editor = NoteEditor(tagger.note_on(key, span), quoted, self.where(tagger, key, span))
        self.screen.app.push_screen(editor, written)

    def switch_sentence_mode(self) -> None:
        self.sentence_mode = not self.sentence_mode
        self.modes_changed()

    def apply_to_copies(self) -> None:
        target, analysis = self.target(), self.analysis()
        if target is not None and analysis is not None:
            self.when_open(lambda tagger: self.done(tagger.apply_to_duplicates(target[0], analysis)))

    def cycle_override(self) -> None:
        target = self.target()
        if target is not None:
            key = target[0]

            def cycle(tagger: Tagger) -> None:
                self.done(tagger.set_override(key, next_override(tagger.override_on(key))))

            self.when_open(cycle)

    def undo(self) -> None:
        self.when_open(lambda tagger: self.done(tagger.undo()))

    def redo(self) -> None:
        self.when_open(lambda tagger: self.done(tagger.redo()))

    def tags_screen(self) -> None:
        self.when_open(self._tags_screen)

    def _tags_screen(self, tagger: Tagger) -> None:
        from annotations.store.values import Outcome
        from tui.screens.tags_screen import TagsScreen

        def closed(key: PassageKey | None) -> None:
            self.redraw(Outcome("", keys=()))
            self.screen.refresh_bindings()
            if key is not None:
                self.go_to(key)

        self.screen.app.push_screen(TagsScreen(tagger), closed)

    def export(self) -> None:
        target = self.target()
        self.when_open(lambda tagger: self._export_dialog(tagger, target))

    def _export_dialog(self, tagger: Tagger, target: Target | None) -> None:
        from tui.screens.export_dialog import ExportDialog

        articles = [(a.id, f"{a.label}  {a.title}") for a in tagger.corpus.articles]
        dialog = ExportDialog(tagger.tags, articles, target[0][0] if target else None, folder=Path.cwd())
        self.screen.app.push_screen(dialog, lambda request: self._export(tagger, request))

    def _export(self, tagger: Tagger, request: ExportRequest | None) -> None:
        # On the UI thread: the export re-anchors through the store, which only this thread may touch.
        from annotations.exchange.export import ExportError
        from tui.screens.export_dialog import run_export

        if request is None:
            return
        try:
            message = run_export(request, tagger.store, tagger.corpus, self.analysis())
        except ExportError as error:
            self.screen.notify(excerpt(str(error), 300), severity="error", markup=False)
            return
        self.screen.notify(excerpt(message, 300), markup=False)

    @staticmethod
    def where(tagger: Tagger, key: PassageKey, span: Span | None) -> str:
        article = tagger.corpus.article(key[0])
        label = article.label if article else key[0]
        return f"passage {key[1] + 1} of {label}" + (" (sentence)" if span else "")
