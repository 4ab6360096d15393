"""The progress of a long command as one line on a terminal: "Tjekker rækker: 12.000 af 100.000 rækker".

The line is written to stderr and rewritten in place (``\\r``), at most every 0.2 s
(``lib.core.progress.throttled``), and wiped when the command is done, so what the command prints
afterwards starts on a clean line. It is shown only when stderr is a terminal and ``--json`` is not
given: a pipe, a log file and a script reading JSON see nothing of it.

    with terminal_progress(args, lang) as progress:
        result = run_import(db, sheets, commit=True, progress=progress)
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from lib.core.progress import Progress, ProgressStep, describe, throttled


def wants_progress(args: argparse.Namespace, stream: TextIO) -> bool:
    """Progress is shown on a terminal, and not with ``--json``."""
    if getattr(args, "json", False):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


class TerminalLine:
    """One line of ``stream`` rewritten with each report; :meth:`clear` wipes it."""

    def __init__(self, stream: TextIO, lang: str) -> None:
        self.stream = stream
        self.lang = lang
        self.width = 0

    def __call__(self, report: ProgressStep) -> None:
        text = describe(report, self.lang)
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


@contextmanager
def terminal_progress(args: argparse.Namespace, lang: str, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """A listener that draws the progress line on ``stream`` (default stderr), or None when it should
    stay quiet (see :func:`wants_progress`); the line is wiped when the block ends, also on an error."""
    import sys

    out = stream if stream is not None else sys.stderr
    if not wants_progress(args, out):
        yield None
        return
    line = TerminalLine(out, lang)
    try:
        yield throttled(line)
    finally:
        line.clear()
