"""The `briefreader export`, `import` and `agreement` commands over the annotation store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tui.cli.common import analysis_for, opened_store, read_config, read_corpus
from tui.cli.output import EXIT_OK, fail, say, write_text


def run_export(options: argparse.Namespace) -> int:
    from annotations.exchange.export import ExportError, ExportOptions, export_text, write_output

    with opened_store(options.db) as store:
        corpus = read_corpus(options.paths, store.all())
        wanted = ExportOptions(options.format, options.tag, options.article, options.include_machine)
        needs_analysis = options.format == "md" or options.include_machine
        analysis = analysis_for(store, corpus, options.config) if needs_analysis else None
        try:
            text = export_text(store, corpus, analysis, wanted)
            if options.output:
                write_output(options.output, text, force=options.force)
        except ExportError as error:
            fail(str(error))
    if not options.output:
        write_text(text)
    return EXIT_OK


def run_import(options: argparse.Namespace) -> int:
    from annotations.exchange.importing import ImportFileError, import_rows, read_rows

    try:
        rows = read_rows(options.file)
    except ImportFileError as error:
        fail(str(error))
    known_tags = read_config(options.config).tags
    with opened_store(options.db) as store:
        if store.read_only:
            fail(f"{store.notice}; close it and import again")
        corpus = read_corpus(_recorded_paths(rows), store.all())
        try:
            report = import_rows(store, rows, corpus, options.file, known_tags)
        except ImportFileError as error:
            fail(str(error))
    say(f"briefreader import: {report.message}")
    return EXIT_OK


def _recorded_paths(rows: list[dict[str, Any]]) -> list[str]:
    """The article files an export names that exist here (to place its annotations)."""
    named = {row.get("path") for row in rows}
    return sorted(path for path in named if isinstance(path, str) and path and _is_file(path))


def _is_file(path: str) -> bool:
    try:
        return Path(path).is_file()
    except (OSError, ValueError):  # a name too long, or with a NUL byte: not a file here
        return False


def run_agreement(options: argparse.Namespace) -> int:
    from annotations.exchange.agreement import compare, format_report

    with opened_store(options.db, read_only=True) as store:
        corpus = read_corpus(options.paths, store.all())
        store.reanchor(corpus)
        analysis = analysis_for(store, corpus, options.config)
        first, second = options.analysts
        report = compare(store.all(), corpus, first, second, analysis)
    write_text(format_report(report, corpus))
    return EXIT_OK
