"""The analysts' tags and notes: a TinyDB file that never loses what the screen acknowledged.

Owns the snapshot (TinyDB's JSON) and the fsync'd journal of each action's changes, the lock
that keeps one writer per store, the `Store` with its lookups, anchoring of targets that survive
article edits, undo/redo history, and the tagging actions the reader performs. The rest of the
code uses `store.open_store`/`Store`, `storage.StoreError`/`set_aside`, `tagging.Tagger` and
`anchor`'s target helpers.
"""
