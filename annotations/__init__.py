"""briefreader's core: everything but the screen, usable without a terminal.

The capabilities, each a subpackage, from the ground up:

- `corpus`: articles and passages, reading files of every format, metadata, segmentation;
- `leftovers`: which passages are web-page leftovers (navigation, promos, captions) and why;
- `copies`: which passages were copied between articles, down to the shared words;
- `stories`: articles grouped into news stories, and who published copied text first;
- `store`: the analysts' tags in a TinyDB file that survives crashes, with undo and re-anchoring;
- `exchange`: exports, imports, the Markdown brief, the JSON report and agreement between analysts.

`analysis` runs the detectors in order; `config` reads the analyst's settings. A subpackage imports
only those below it (corpus is the ground); nothing here imports the UI.
"""
