"""The argument parsers: the reader's own, and one with a subparser per command, sharing their options."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from typing import NoReturn

from tui.cli.output import EXIT_USAGE, clean

COMMANDS: dict[str, str] = {
    "analyze": "print what the reader shows, as text or --json",
    "export": "write the annotations as jsonl, json, csv, md or W3C JSON-LD",
    "import": "read another analyst's jsonl or W3C export into the store",
    "agreement": "how far two analysts agree (Cohen's kappa)",
}


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


class Parser(argparse.ArgumentParser):
    """argparse, with its error line cleaned: it repeats arguments (file names) as they were given."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, clean(f"{self.prog}: error: {message}") + "\n")


class _VersionAction(argparse.Action):
    """Print the version only when asked, so starting the reader skips importlib.metadata."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"briefreader {_version()}")
        parser.exit()


def _store_options() -> Parser:
    """--db and --config, the same for the reader and every command."""
    parent = Parser(add_help=False)
    parent.add_argument(
        "--db", metavar="FILE",
        help="annotation store (default: briefreader/annotations.json in the user data folder)",
    )
    parent.add_argument(
        "--config", metavar="FILE",
        help="settings file (default: briefreader/config.toml in the user config folder, "
        "created on first use)",
    )
    return parent


def _paths(default: str) -> Parser:
    parent = Parser(add_help=False)
    parent.add_argument(
        "paths", nargs="*", metavar="PATH",
        help=f"article files or folders, searched recursively (default: {default})",
    )
    return parent


def reader_parser() -> argparse.ArgumentParser:
    """`briefreader [PATH ...]`: open the reader."""
    epilog = "commands (run `briefreader COMMAND --help`):\n" + "\n".join(
        f"  {name:<10} {text}" for name, text in COMMANDS.items()
    )
    parser = Parser(
        prog="briefreader",
        description="Read how several outlets covered one story: copied passages, "
        "page leftovers and keyboard tagging in the terminal.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_paths("the bundled seeds"), _store_options()],
    )
    parser.add_argument(
        "--analyst", metavar="NAME", default=_analyst(),
        help="name recorded on your annotations (default: your login name)",
    )
    parser.add_argument("--version", action=_VersionAction)
    return parser


def _positive(text: str) -> int:
    """A count of one or more, for argparse (its message names the option)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return value


def command_parser() -> argparse.ArgumentParser:
    """`briefreader COMMAND ...`: one subparser per command; `command` names the one chosen."""
    parser = Parser(prog="briefreader")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    store = _store_options()
    recorded = _paths("the files recorded in the store, else the bundled seeds")

    analyze = commands.add_parser(
        "analyze", help=COMMANDS["analyze"], parents=[_paths("the bundled seeds"), store],
        description="Load the articles, find copied passages and page leftovers, print the result.",
    )
    analyze.add_argument("--json", action="store_true",
                         help="print the machine-readable view (schema version 1), as compact JSON")
    analyze.add_argument("--pretty", action="store_true", help="with --json: indent it for people")
    analyze.add_argument("--jobs", type=_positive, metavar="N",
                         help="processes to analyse with (default: one per core)")

    export = commands.add_parser(
        "export", help=COMMANDS["export"], parents=[recorded, store],
        description="Write the annotations, placed in the current text of the articles.",
    )
    from annotations.exchange.export import FORMATS

    export.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    export.add_argument("--tag", metavar="T", help="only annotations with this tag")
    export.add_argument("--article", metavar="ID", help="only annotations of this article")
    export.add_argument("--include-machine", action="store_true",
                        help="add the copied-text and boilerplate findings as annotations")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--force", action="store_true",
                        help="replace FILE if it exists (a symlink is written through to its target)")

    imported = commands.add_parser(
        "import", help=COMMANDS["import"], parents=[store],
        description="Add another analyst's jsonl, json or W3C export to the store (nothing is added twice).",
    )
    imported.add_argument("file", metavar="FILE", help="the export to read")

    agreement = commands.add_parser(
        "agreement", help=COMMANDS["agreement"], parents=[recorded, store],
        description="Cohen's kappa and raw agreement, per tag and overall, between two analysts "
        "on the passages of the articles both annotated.",
    )
    agreement.add_argument("--analysts", nargs=2, metavar=("A", "B"), required=True,
                           help="the two analysts")
    return parser
