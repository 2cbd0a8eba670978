"""The `briefreader` command line: open the reader, or run one of the subcommands."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence

SUBCOMMANDS = ("analyze", "export", "import", "agreement")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # slow to import; only for --version

    try:
        return version("briefreader")
    except PackageNotFoundError:
        return "0+unknown"


def _analyst() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


class _VersionAction(argparse.Action):
    """Print the version only when asked, so starting the reader skips importlib.metadata."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"briefreader {_version()}")
        parser.exit()


def _common(parser: argparse.ArgumentParser, *, config: bool = True) -> None:
    parser.add_argument(
        "--db", metavar="FILE", help="annotation store (default: briefreader/annotations.json "
        "in the user data folder)"
    )
    if config:
        parser.add_argument(
            "--config", metavar="FILE", help="settings file (default: briefreader/config.toml "
            "in the user config folder, created on first use)"
        )


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH",
        help=".txt/.md article files or folders searched recursively (default: the bundled seeds)",
    )


def app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefreader",
        description="Read how several outlets covered one story: copied passages, "
        "page leftovers and keyboard tagging in the terminal.",
        epilog="commands (run `briefreader COMMAND --help`):\n"
        "  analyze    print what the reader shows, as text or --json\n"
        "  export     write the annotations as jsonl, json, csv, md or W3C JSON-LD\n"
        "  import     read another analyst's jsonl or W3C export into the store\n"
        "  agreement  how far two analysts agree (Cohen's kappa)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _paths(parser)
    _common(parser)
    parser.add_argument(
        "--analyst", metavar="NAME", default=_analyst(),
        help="name recorded on your annotations (default: your login name)",
    )
    parser.add_argument("--version", action=_VersionAction)
    return parser


def analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefreader analyze",
        description="Load the articles, find copied passages and page leftovers, print the result.",
    )
    _paths(parser)
    parser.add_argument(
        "--json", action="store_true", help="print the machine-readable view (schema version 1)"
    )
    _common(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        try:
            return _run_subcommand(args[0], args[1:])
        except BrokenPipeError:
            # The reader of our output (`| head`) left: not an error, and no traceback.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK
    options = app_parser().parse_args(args)
    from tui.app import run_app

    return run_app(options.paths, db=options.db, config=options.config, analyst=options.analyst)


def _run_subcommand(name: str, args: list[str]) -> int:
    if name == "analyze":
        return run_analyze(analyze_parser().parse_args(args))
    from tui import store_commands

    handlers: dict[str, Callable[[list[str]], int]] = {
        "export": store_commands.export_command,
        "import": store_commands.import_command,
        "agreement": store_commands.agreement_command,
    }
    return handlers[name](args)


def run_analyze(options: argparse.Namespace) -> int:
    from annotations.analysis import analyze
    from annotations.config import load_config
    from annotations.corpus.loading import load_corpus
    from annotations.exchange.report import to_json

    config = load_config(options.config)
    if config.problem:
        print(f"briefreader: {config.problem}", file=sys.stderr)
    corpus = load_corpus(options.paths)
    for problem in corpus.problems:
        print(f"briefreader: {problem.path}: {problem.error}", file=sys.stderr)
    if not corpus.articles:
        print("briefreader: no articles could be loaded", file=sys.stderr)
        return EXIT_USAGE
    analysis = analyze(corpus, config, overrides=_overrides(options.db))
    out = sys.stdout
    if options.json:
        out.buffer.write(json.dumps(to_json(corpus, analysis), ensure_ascii=False, indent=1).encode())
        out.buffer.write(b"\n")
        return EXIT_OK
    for article in corpus.articles:
        novelty = analysis.novelty.get(article.id)
        flagged = sum(1 for p in article.passages if (article.id, p.index) in analysis.boilerplate)
        copied = sum(1 for p in article.passages if analysis.duplicates_of(article.id, p.index))
        shown = "  -" if novelty is None else f"{novelty:4.0%}"
        print(
            f"{article.label:<12} {shown} new  {len(article.passages):3d} passages  "
            f"{copied:3d} copied  {flagged:3d} boilerplate  {article.title}"
        )
    return EXIT_OK


def _overrides(db: str | None) -> dict[tuple[str, int], bool]:
    """The analysts' boilerplate overrides from the store (none, with a warning, if it cannot be read)."""
    from annotations.store.store import StoreError, open_store

    try:
        store = open_store(db, read_only=True)
    except StoreError as error:
        print(f"briefreader: {error.message}; boilerplate overrides not applied", file=sys.stderr)
        return {}
    try:
        return store.overrides()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
