"""``python -m lib report``: the board pack as a file, from the command line.

    python -m lib report --format pptx|pdf|xlsx OUT [--from DATE] [--to DATE] [--lang da|en] [--db URL]

Dates are written dd-mm-yyyy or yyyy-mm-dd. A wrong date, a period that ends before it starts, an
unknown section or a file that cannot be written prints one clear sentence (in the chosen language)
and exits with status 2; nothing is written then.

``lib.cli.parser`` defines the command's options; :func:`run_report` is its handler.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from lib.core.errors import UserFacingError, ValidationFailed
from lib.core.i18n import DEFAULT_LANGUAGE, t

DATE_FORMATS = ("%d-%m-%Y", "%Y-%m-%d")


def parse_cli_date(text: str | None) -> dt.date | None:
    """A date written dd-mm-yyyy or yyyy-mm-dd; None for None; ValidationFailed otherwise."""
    if text is None:
        return None
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise ValidationFailed("board.error.bad_date", value=text)


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or os.environ.get("PARTNERSKABSRADAR_LANG", DEFAULT_LANGUAGE)


def run_report(args: argparse.Namespace) -> int:
    """Write the board pack as ``args.format`` to ``args.out``; returns the exit status (0, or 2)."""
    from lib.cli.progress import terminal_progress
    from lib.db import open_database
    from lib.reporting.boardpack import report

    lang = _lang(args)
    try:
        start, end = parse_cli_date(args.start), parse_cli_date(args.end)
        sections = [name.strip() for name in args.sections.split(",") if name.strip()] if args.sections else None
        db = open_database(getattr(args, "db", None), cached=False)
        try:
            with terminal_progress(args, lang) as progress:
                pack = report(db, args.format, Path(args.out), start, end, lang, sections, progress=progress)
        finally:
            db.dispose()
    except UserFacingError as error:
        print(error.message(lang), file=sys.stderr)
        return 2
    except OSError:
        print(t("board.error.cannot_write", lang, out=args.out), file=sys.stderr)
        return 2
    if getattr(args, "json", False):
        print(
            json.dumps(
                {
                    "out": str(args.out),
                    "format": args.format,
                    "sections": pack.keys,
                    "start": start,
                    "end": end,
                    "as_of": pack.as_of,
                },
                default=str,
                ensure_ascii=False,
            )
        )
    else:
        print(t("board.cli.done", lang, out=str(args.out), sections=len(pack.sections)))
    return 0
