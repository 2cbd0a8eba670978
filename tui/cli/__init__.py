"""The `briefreader` command line: open the reader, or run one of the commands.

Every command ends with an exit code and, when it fails, one clean line on standard error:
a closed pipe is not an error, and a full disk, an unwritable output or a file nested too deeply
to read is named, never shown as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from tui.background import HeadStart, few_files
from tui.cli.output import EXIT_FAILED, EXIT_OK, CommandFailed, clean, flush, silence_stdout
from tui.cli.parser import COMMANDS, command_parser, reader_parser

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return run_command(command_parser().parse_args(args))
    options = reader_parser().parse_args(args)
    head_start = _head_start(options.paths, options.config)
    from tui.app import run_app  # Textual takes a few tenths of a second: the head start runs meanwhile

    return run_app(
        options.paths, db=options.db, config=options.config, analyst=options.analyst, head_start=head_start
    )


def _head_start(paths: Sequence[str], config: str | None) -> HeadStart | None:
    """For a folder, the analysis child begins now and reads the files while the reader starts."""
    if few_files(paths):
        return None
    from annotations.config import load_config

    return HeadStart(paths, load_config(config))


def run_command(options: argparse.Namespace) -> int:
    """Run the chosen command; turn whatever stops it into an exit code and one line."""
    name = options.command
    try:
        code = _handler(name)(options)
        flush()
        return code
    except BrokenPipeError:
        # The reader of our output (`| head`) left: not an error, and no traceback.
        silence_stdout()
        return EXIT_OK
    except CommandFailed as failure:
        return _report(name, failure.message, failure.code)
    except RecursionError:
        return _report(name, "the input is nested too deeply to read")
    except OSError as error:
        where = f"{error.filename}: " if error.filename is not None else ""
        return _report(name, f"{where}{error.strerror or error}")


def _handler(name: str) -> Callable[[argparse.Namespace], int]:
    if name == "analyze":
        from tui.cli.analyze import run_analyze

        return run_analyze
    from tui.cli import store_commands

    return {
        "export": store_commands.run_export,
        "import": store_commands.run_import,
        "agreement": store_commands.run_agreement,
    }[name]


def _report(name: str, message: str, code: int = EXIT_FAILED) -> int:
    sys.stderr.write(clean(f"briefreader {name}: {' '.join(message.split())}") + "\n")
    return code
