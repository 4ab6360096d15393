"""``python -m lib calendar import FILE.ics``: log a calendar export's meetings (lib.ingest.calendar_meetings)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.cli.main import _database, _print_json
from lib.cli.parser import _lang
from lib.core.i18n import t


def cmd_calendar_import(args: argparse.Namespace) -> int:
    from lib.ingest.calendar_meetings import import_meetings

    lang = _lang(args)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError:
        print(t("cli.file_not_found", lang, file=args.file), file=sys.stderr)
        return 2
    plan = import_meetings(
        _database(args),
        path.name,
        data,
        staff_email=args.staff,
        create_contacts=bool(args.create_contacts),
        commit=not args.dry_run,
        actor=args.actor,
    )
    if args.json:
        _print_json(plan.to_json())
        return 0
    print(t("calendar.cli.dry_run" if args.dry_run else "calendar.cli.done", lang))
    counts = plan.counts()
    print(t("calendar.cli.counts", lang, **counts))
    print(t("calendar.cli.effects", lang, **counts))
    for reason, n in {**plan.skip_reasons(), **plan.reject_reasons()}.items():
        kind = "skip" if reason in plan.skip_reasons() else "reject"
        print(t("calendar.cli.reason", lang, reason=t(f"calendar.{kind}.{reason}", lang), n=n))
    waiting = [contact for contact in plan.new_contacts if not contact.chosen]
    if waiting:
        print(t("calendar.cli.new_contacts", lang, n=len(waiting)))
        for contact in waiting:
            print(f"  {contact.name} <{contact.email}>")
    if plan.batch_id is not None:
        print(t("calendar.cli.batch", lang, batch=plan.batch_id))
    return 0
