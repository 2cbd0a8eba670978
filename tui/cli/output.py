"""What the commands print: exit codes, and text cleaned of control characters on its way out.

File names, titles, tags, notes and analyst names come from outside; printed raw, an escape
sequence in one of them could retitle the terminal or write to its clipboard. Every line the
commands write to standard output or standard error goes through `clean`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from annotations.corpus.decode import sanitise

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandFailed(Exception):
    """A command cannot go on; `message` is the one line the user sees, `code` the exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def clean(text: str) -> str:
    """`text` without escape sequences or control characters, except tab, newline and CRLF line ends."""
    return "\r\n".join(sanitise(part) for part in text.split("\r\n"))


def say(text: str) -> None:
    """One line (or more) on standard output."""
    with _stdout():
        sys.stdout.write(clean(text) + "\n")


def warn(text: str) -> None:
    """One line on standard error, prefixed with the program's name."""
    sys.stderr.write(clean(f"briefreader: {text}") + "\n")


def write_text(text: str) -> None:
    """A document (an export) on standard output, as it is, but cleaned."""
    with _stdout():
        sys.stdout.write(clean(text))


def write_bytes(data: bytes) -> None:
    """Bytes already safe to print (the JSON encoder escapes every control)."""
    with _stdout():
        sys.stdout.flush()
        sys.stdout.buffer.write(data)


def flush() -> None:
    """Push out what is buffered, so a full device is reported while we can still say so."""
    with _stdout():
        sys.stdout.flush()


@contextmanager
def _stdout() -> Iterator[None]:
    """A failed write to standard output (a full device) becomes one line; a closed pipe passes."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        silence_stdout()
        fail(f"cannot write to standard output ({error.strerror or error})")


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    raise CommandFailed(message, code)


def silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail again."""
    try:
        sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will be flushed at exit
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
