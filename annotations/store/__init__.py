"""The analysts' tags and notes: a TinyDB file that never loses what the screen acknowledged.

Owns the journaled storage and its lock, the `Store` with its lookups, anchoring of targets that
survive article edits, undo/redo history, and the tagging actions the reader performs.
"""
