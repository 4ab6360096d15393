"""``python -m lib person inform|uninformed``: the duty to inform (GDPR art. 14) on the command line.

``person inform EMAIL [--on DATE] [--how CODE] [--note TEXT]`` records that the contact with that
e-mail was told that the library holds their data (default: today, by e-mail).
``person uninformed [--as-of DATE] [--json]`` lists the contacts not informed yet, the earliest
deadline first, overdue ones flagged. Both act as the local administrator, like the other ``person``
commands; see ``lib.privacy.informing``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any

from lib.core.errors import UserFacingError
from lib.core.i18n import format_date, t


def _lang(args: argparse.Namespace) -> str:
    return args.lang or os.environ.get("PARTNERSKABSRADAR_LANG", "da")


def _date(value: str | None, lang: str) -> dt.date | None:
    """A date given on the command line; prints why and raises SystemExit(2) when it is not one."""
    from lib.core.normalize import parse_date

    if not value:
        return None
    try:
        day = parse_date(value)
    except UserFacingError as error:
        print(t("informing.cli.bad_date", lang, value=value, problem=error.message(lang)), file=sys.stderr)
        raise SystemExit(2) from None
    return day


def cmd_person_inform(args: argparse.Namespace) -> int:
    """Record that the person with an e-mail was informed (on a date, in a way); logged."""
    from lib.db import open_database
    from lib.privacy.informing import how_labels, set_informed
    from lib.privacy.personal_data import find_person

    lang = _lang(args)
    on = _date(args.on, lang) or dt.date.today()
    with open_database(args.db, cached=False).write() as session:
        person = find_person(session, args.email)
        if person is None:
            print(t("personal_data.cli.not_found", lang, email=args.email), file=sys.stderr)
            return 2
        changed = set_informed(session, person.id, on, args.how, args.note, actor=args.actor)
        result = {
            "id": person.id,
            "informed_on": person.informed_on.isoformat() if person.informed_on else None,
            "informed_how": person.informed_how,
            "changed": changed,
        }
        name = person.name
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        key = "informing.cli.informed" if changed else "informing.cli.unchanged"
        print(t(key, lang, name=name, date=on, how=how_labels(lang)[args.how].lower()))
    return 0


def cmd_person_uninformed(args: argparse.Namespace) -> int:
    """List the contacts not informed yet, the earliest deadline first."""
    from lib.db import open_database
    from lib.privacy.informing import uninformed_contacts, uninformed_rows

    lang = _lang(args)
    as_of = _date(args.as_of, lang)
    with open_database(args.db, cached=False).read() as session:
        frame = uninformed_contacts(session, as_of)
    rows = uninformed_rows(frame)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    _print_rows(frame, lang)
    return 0


def _print_rows(frame: Any, lang: str) -> None:
    total, overdue = len(frame), int(frame["overdue"].sum()) if len(frame) else 0
    if not total:
        print(t("informing.empty", lang))
        return
    line = t("informing.count", lang, count=total)
    if overdue:
        line += " " + t("informing.overdue", lang, count=overdue)
    print(line)
    flag = t("informing.cli.overdue", lang)
    for row in frame.itertuples(index=False):
        who = f"{row.name} <{row.email}>" if row.email else str(row.name)
        where = f"  ({row.organisations})" if row.organisations else ""
        marker = flag if row.overdue else ""
        print(f"  {format_date(row.deadline, lang)}  {marker:<{len(flag)}}  {who}{where}")
