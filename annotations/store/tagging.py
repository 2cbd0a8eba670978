"""The analyst's tagging actions on one corpus, each one undoable and described in one line."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import replace

from annotations.config import DEFAULT_TAGS, MAX_TAG_LENGTH
from annotations.corpus.models import Analysis, Annotation, Article, Corpus, PassageKey, Target
from annotations.corpus.segment import sentences
from annotations.store.anchor import make_target, text_hash
from annotations.store.history import Action, History
from annotations.store.storage import StoreError
from annotations.store.store import BOILERPLATE, NOT_BOILERPLATE, Change, Store
from annotations.store.values import Clock, Filter, Outcome, Span, now_iso, plural


class Tagger:
    """One analyst's session over a store and a corpus: tag, note, override, undo and redo."""

    def __init__(
        self,
        store: Store,
        corpus: Corpus,
        analyst: str,
        tags: Sequence[str] = DEFAULT_TAGS,
        clock: Clock | None = None,
    ) -> None:
        self.store = store
        self.corpus = corpus
        self.analyst = analyst
        self.history = History()
        self._clock = clock
        self._tags = list(dict.fromkeys([*tags, *store.tags()]))
        self._hashes: dict[str, str] = {}  # article id -> text hash, once (a long text takes a while)

    @property
    def tags(self) -> tuple[str, ...]:
        """The tag list: number keys 1-9 take the first nine; the picker shows all."""
        return tuple(self._tags)

    def tag_for_number(self, number: int) -> str | None:
        return self._tags[number - 1] if 1 <= number <= min(9, len(self._tags)) else None

    def _marks(self, key: PassageKey) -> tuple[Annotation, ...]:
        """This analyst's annotations on a passage (whole-passage and sentence spans)."""
        return tuple(
            a for a in self.store.for_passage(key) if a.analyst == self.analyst and not a.orphan
        )

    def tags_on(self, key: PassageKey, span: Span | None = None) -> tuple[str, ...]:
        """Tags on the passage (or on exactly `span`), in tag-list order."""
        found = {a.tag for a in self._tag_marks(key, span) if a.tag}
        return tuple(sorted(found, key=self._tag_order))

    def note_on(self, key: PassageKey, span: Span | None = None) -> str:
        note = self._note_mark(key, span)
        return "" if note is None else note.note

    def override_on(self, key: PassageKey) -> bool | None:
        """The analyst's boilerplate override: True/False, or None when the detector decides."""
        mark = self._override_mark(key)
        return None if mark is None else mark.tag == BOILERPLATE

    def sentence_spans(self, key: PassageKey) -> list[Span]:
        """Sentence spans of a passage as article offsets (for sentence mode)."""
        passage = self._article(key[0]).passages[key[1]]
        return [(passage.start + a, passage.start + b) for a, b in sentences(passage.text)]

    def spans(self, article_id: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every sentence-span annotation of the article, for highlighting."""
        return [
            (a.target.start, a.target.end, f"tag:{a.tag}" if a.tag else "note")
            for a in self.store.for_article(article_id)
            if a.target.scope == "span" and a.analyst == self.analyst and not a.orphan
        ]

    def rows(self, where: Filter | None = None) -> list[Annotation]:
        """Every annotation in the store matching `where` (the tags screen), orphans first."""
        chosen = where or Filter()
        found = [a for a in self.store.all() if chosen.matches(a)]
        return sorted(found, key=lambda a: (not a.orphan, a.article, a.target.start, a.tag or ""))

    def add_tag(self, name: str) -> Outcome:
        """Add a tag to the list (the picker creates tags this way)."""
        clean = " ".join(name.split())
        if not clean or len(clean) > MAX_TAG_LENGTH or clean in (BOILERPLATE, NOT_BOILERPLATE):
            return Outcome(f"Not a usable tag name: {clean[:MAX_TAG_LENGTH]!r}", ok=False)
        known = self._known(clean)
        if known is not None and known != clean:
            return Outcome(f"Tag {known} is available (same as {clean} but for case)")
        if known is None:
            self._tags.append(clean)
        return Outcome(f"Tag {clean} is available")

    def _known(self, name: str) -> str | None:
        """The listed tag that `name` names, case aside (`Quote` is `quote`), if any."""
        folded = name.casefold()
        return next((tag for tag in self._tags if tag.casefold() == folded), None)

    def toggle(self, key: PassageKey, tag: str, span: Span | None = None) -> Outcome:
        """Put `tag` on the passage (or sentence span), or take it off if it is there."""
        added = self.add_tag(tag)
        if not added.ok:
            return added
        tag = self._known(" ".join(tag.split())) or tag
        existing = [a for a in self._tag_marks(key, span) if a.tag == tag]
        where = self._where(key, span)
        if existing:
            changes: list[Change] = [(a, None) for a in existing]
            return self._do(changes, f"Removed {tag} from {where}", key)
        annotation = self._new(key, span, tag=tag, kind="tag")
        return self._do([(None, annotation)], f"Tagged {where} as {tag}", key)

    def set_note(self, key: PassageKey, text: str, span: Span | None = None) -> Outcome:
        """Write, change or (with empty text) remove the note on a passage or span."""
        text = text.strip()
        current = self._note_mark(key, span)
        where = self._where(key, span)
        if current is None and not text:
            return Outcome(f"No note on {where}", keys=(key,))
        if current is None:
            created = self._new(key, span, note=text, kind="note")
            return self._do([(None, created)], f"Note added to {where}", key)
        if not text:
            return self._do([(current, None)], f"Note removed from {where}", key)
        if text == current.note:
            return Outcome(f"Note on {where} unchanged", keys=(key,))
        changed = replace(current, note=text, modified=self._now())
        return self._do([(current, changed)], f"Note changed on {where}", key)

    def set_override(self, key: PassageKey, boilerplate: bool | None) -> Outcome:
        """Mark a passage as boilerplate (True), as article text (False), or leave it to the detector."""
        current = self._override_mark(key)
        where = self._where(key, None)
        if boilerplate is None:
            if current is None:
                return Outcome(f"{where.capitalize()} has no override", keys=(key,))
            return self._do([(current, None)], f"Override removed: the detector decides on {where}", key)
        tag = BOILERPLATE if boilerplate else NOT_BOILERPLATE
        label = "boilerplate" if boilerplate else "article text"
        if current is not None and current.tag == tag:
            return Outcome(f"{where.capitalize()} is already marked as {label}", keys=(key,))
        after = self._new(key, None, tag=tag, kind="override")
        changes: list[Change] = [(current, None)] if current else []
        return self._do([*changes, (None, after)], f"Marked {where} as {label}", key)

    def apply_to_duplicates(self, key: PassageKey, analysis: Analysis) -> Outcome:
        """Copy the passage's tags to every copy of it in other articles, as one undoable action."""
        tags = self.tags_on(key)
        if not tags:
            return Outcome("Nothing to apply: this passage has no tags", ok=False, keys=(key,))
        copies = list(dict.fromkeys(
            (d.article, d.passage) for d in analysis.duplicates_of(*key) if d.article != key[0]
        ))
        if not copies:
            return Outcome("This passage has no copies in other articles", ok=False, keys=(key,))
        changes: list[Change] = [
            (None, self._new(copy, None, tag=tag, kind="tag"))
            for copy in copies
            for tag in tags
            if tag not in self.tags_on(copy)
        ]
        articles = len({copy[0] for copy in copies})
        if not changes:
            return Outcome(f"All {len(copies)} copies already have {', '.join(tags)}", keys=(key,))
        message = (f"Applied {', '.join(tags)} to {plural(len(copies), 'copy', 'copies')} "
                   f"in {plural(articles, 'other article', 'other articles')}")
        return self._do(changes, message, *copies)

    def delete(self, annotation_ids: Iterable[str]) -> Outcome:
        """Delete annotations (from the tags screen), as one undoable action."""
        doomed = [a for a in (self.store.get(i) for i in annotation_ids) if a is not None]
        if not doomed:
            return Outcome("Nothing to delete", ok=False)
        keys = tuple(dict.fromkeys(a.key for a in doomed))
        message = f"Deleted {plural(len(doomed), 'annotation', 'annotations')}"
        return self._do([(a, None) for a in doomed], message, *keys)

    def undo(self) -> Outcome:
        action = self.history.undo_peek()
        if action is None:
            return Outcome("Nothing to undo", ok=False)
        inverse = [(after, before) for before, after in reversed(action.changes)]
        outcome = self._write(inverse, f"Undone: {action.label}", action.keys)
        if outcome.ok:
            self.history.undone()
        return outcome

    def redo(self) -> Outcome:
        action = self.history.redo_peek()
        if action is None:
            return Outcome("Nothing to redo", ok=False)
        outcome = self._write(list(action.changes), f"Redone: {action.label}", action.keys)
        if outcome.ok:
            self.history.redone()
        return outcome

    def _do(self, changes: list[Change], message: str, *keys: PassageKey) -> Outcome:
        outcome = self._write(changes, message, keys)
        if outcome.ok:
            self.history.push(Action(message, tuple(changes), tuple(keys)))
        return outcome

    def _write(self, changes: Sequence[Change], message: str, keys: Sequence[PassageKey]) -> Outcome:
        try:
            self.store.apply(changes)
        except StoreError as error:
            return Outcome(f"Not saved: {error.message}", ok=False, keys=tuple(keys))
        return Outcome(message, keys=tuple(keys), count=len(changes))

    def _new(self, key: PassageKey, span: Span | None, *, tag: str | None = None, note: str = "",
             kind: str) -> Annotation:
        article = self._article(key[0])
        stamp = self._now()
        return Annotation(
            id=str(uuid.uuid4()),
            article=article.id,
            article_hash=self._hash(article),
            target=make_target(article, key[1], span),
            tag=tag,
            note=note,
            analyst=self.analyst,
            created=stamp,
            modified=stamp,
            article_path=article.path,
            article_title=article.title,
            kind=kind,
        )

    def _hash(self, article: Article) -> str:
        if article.id not in self._hashes:
            self._hashes[article.id] = text_hash(article.text)
        return self._hashes[article.id]

    def _tag_marks(self, key: PassageKey, span: Span | None) -> list[Annotation]:
        return [a for a in self._marks(key) if a.kind == "tag" and _on(a.target, span)]

    def _note_mark(self, key: PassageKey, span: Span | None) -> Annotation | None:
        return next((a for a in self._marks(key) if a.kind == "note" and _on(a.target, span)), None)

    def _override_mark(self, key: PassageKey) -> Annotation | None:
        return next((a for a in self._marks(key) if a.kind == "override"), None)

    def _article(self, article_id: str) -> Article:
        article = self.corpus.article(article_id)
        if article is None:
            raise KeyError(f"no article {article_id!r} in this corpus")
        return article

    def _where(self, key: PassageKey, span: Span | None) -> str:
        label = self._article(key[0]).label
        return f"passage {key[1] + 1} of {label}" + (" (sentence)" if span else "")

    def _tag_order(self, tag: str | None) -> tuple[int, str]:
        return (self._tags.index(tag) if tag in self._tags else len(self._tags), tag or "")

    def _now(self) -> str:
        return now_iso(self._clock)


def _on(target: Target, span: Span | None) -> bool:
    """Whether a target is the whole passage (span None) or exactly that span."""
    if span is None:
        return target.scope == "passage"
    return target.scope == "span" and (target.start, target.end) == span
