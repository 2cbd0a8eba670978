"""The `briefreader export`, `import` and `agreement` commands over the annotation store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotations.analysis import analyze
from annotations.config import load_config
from annotations.corpus.models import Analysis, Corpus
from annotations.corpus.sources import corpus_for
from annotations.exchange.agreement import compare, format_report
from annotations.exchange.export import FORMATS, ExportError, ExportOptions, export_text, write_output
from annotations.exchange.importing import ImportFileError, import_rows, read_rows
from annotations.store.storage import StoreError
from annotations.store.store import Store, open_store

EXIT_OK = 0
EXIT_FAILED = 1


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", help="annotation store (default: "
                        "briefreader/annotations.json in the user data folder)")
    parser.add_argument("--config", metavar="FILE", help="settings file (default: the user config folder)")


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or folders (default: the files recorded in the store, "
                        "else the bundled seeds)")


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefreader export",
        description="Write the annotations, placed in the current text of the articles.",
    )
    _paths(parser)
    _common(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--tag", metavar="T", help="only annotations with this tag")
    parser.add_argument("--article", metavar="ID", help="only annotations of this article")
    parser.add_argument("--include-machine", action="store_true",
                        help="add the copied-text and boilerplate findings as annotations")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return parser


def import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefreader import",
        description="Add another analyst's jsonl, json or W3C export to the store (nothing is added twice).",
    )
    parser.add_argument("file", metavar="FILE", help="the export to read")
    _common(parser)
    return parser


def agreement_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefreader agreement",
        description="Cohen's kappa and raw agreement, per tag and overall, between two analysts "
        "on the passages of the articles both annotated.",
    )
    _paths(parser)
    _common(parser)
    parser.add_argument("--analysts", nargs=2, metavar=("A", "B"), required=True, help="the two analysts")
    return parser


def _fail(command: str, message: str) -> int:
    print(f"briefreader {command}: {message}", file=sys.stderr)
    return EXIT_FAILED


def _open(db: str | None, *, read_only: bool = False) -> Store:
    return open_store(db, read_only=read_only)


def _analysis(store: Store, corpus: Corpus, config_path: str | None) -> Analysis:
    config = load_config(config_path)
    if config.problem:
        print(f"briefreader: {config.problem}", file=sys.stderr)
    return analyze(corpus, config, overrides=store.overrides())


def _warn_problems(corpus: Corpus) -> None:
    for problem in corpus.problems:
        print(f"briefreader: {problem.path}: {problem.error}", file=sys.stderr)


def export_command(args: Sequence[str]) -> int:
    options = export_parser().parse_args(list(args))
    try:
        store = _open(options.db)
    except StoreError as error:
        return _fail("export", error.message)
    try:
        corpus = corpus_for(store.all(), options.paths)
        _warn_problems(corpus)
        wanted = ExportOptions(options.format, options.tag, options.article, options.include_machine)
        needs_analysis = options.format == "md" or options.include_machine
        analysis = _analysis(store, corpus, options.config) if needs_analysis else None
        text = export_text(store, corpus, analysis, wanted)
        if options.output:
            write_output(options.output, text, force=options.force)
        else:
            sys.stdout.write(text)
    except ExportError as error:
        return _fail("export", str(error))
    finally:
        store.close()
    return EXIT_OK


def import_command(args: Sequence[str]) -> int:
    options = import_parser().parse_args(list(args))
    try:
        rows = read_rows(options.file)
        store = _open(options.db)
    except (ImportFileError, StoreError) as error:
        return _fail("import", getattr(error, "message", str(error)))
    try:
        if store.read_only:
            return _fail("import", f"{store.notice}; close it and import again")
        corpus = corpus_for(store.all(), _recorded_paths(rows))
        report = import_rows(store, rows, corpus, options.file)
    except (ImportFileError, StoreError) as error:
        return _fail("import", getattr(error, "message", str(error)))
    finally:
        store.close()
    print(f"briefreader import: {report.message}")
    return EXIT_OK


def _recorded_paths(rows: list[dict[str, Any]]) -> list[str]:
    """The article files an export names that exist here (to place its annotations)."""
    named = {row.get("path") for row in rows}
    return sorted(path for path in named if isinstance(path, str) and path and Path(path).is_file())


def agreement_command(args: Sequence[str]) -> int:
    options = agreement_parser().parse_args(list(args))
    try:
        store = _open(options.db, read_only=True)
    except StoreError as error:
        return _fail("agreement", error.message)
    try:
        corpus = corpus_for(store.all(), options.paths)
        _warn_problems(corpus)
        store.reanchor(corpus)
        analysis = _analysis(store, corpus, options.config)
        first, second = options.analysts
        report = compare(store.all(), corpus, first, second, analysis)
        sys.stdout.write(format_report(report, corpus))
    finally:
        store.close()
    return EXIT_OK
