"""``python -m lib calendar export``: staff members' tasks as an iCalendar file.

    python -m lib calendar export OUT.ics [--staff EMAIL] [--json] [--lang da|en] [--db URL]

Without ``--staff`` the file holds every staff member's tasks, each saying who holds it. The file
names people, so writing it is recorded in the event log (kind ``calendar``), in the same transaction:
a file that could not be written leaves no record. ``lib.cli.parser`` defines the options.
"""

from __future__ import annotations

import argparse
import json
import sys

from lib.cli.files import write_logged_file
from lib.cli.parser import _lang
from lib.core.i18n import t


def cmd_calendar_export(args: argparse.Namespace) -> int:
    """Write the tasks to ``args.out``; returns the exit status (0, or 2 for an unknown staff member or a
    file that cannot be written)."""
    from lib.db import open_database
    from lib.planning.calendar_feed import export_tasks_calendar
    from lib.planning.tasks import staff_member_of
    from lib.workspace import clock

    lang = _lang(args)
    db = open_database(args.db, cached=False)
    try:
        with db.write() as session:
            holder = None
            if args.staff:
                holder = staff_member_of(session, args.staff)
                if holder is None:
                    print(t("calendar.cli.no_staff", lang, email=args.staff), file=sys.stderr)
                    return 2
            today = clock.today(clock.workspace_timezone(session))
            data = export_tasks_calendar(session, today, lang, holder, actor=args.actor)
            if not write_logged_file(session, args.out, data, lang):
                return 2
    finally:
        db.dispose()
    events = data.count(b"BEGIN:VEVENT")
    if args.json:
        print(json.dumps({"out": str(args.out), "events": events, "staff": args.staff}, ensure_ascii=False))
    else:
        print(t("calendar.cli.written", lang, events=events, out=args.out))
    return 0
