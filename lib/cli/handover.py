"""``python -m lib handover FROM_EMAIL TO_EMAIL``: hand a colleague's work to another (lib.planning.handover).

``[--dry-run] [--end-staff] [--partnership ID=EMAIL ...] [--json] [--db URL] [--actor EMAIL]``. Without
``--dry-run`` the handover is stored (one event, ``handover_applied``, which the Organisation page's
"Overdragelse" tab can undo). With ``--partnership`` the ties and goals that belong to a partnership go
with it (:mod:`lib.planning.handover_routes`). ``--json`` prints ``{"from", "to", "ties", "partnerships",
"goals", "strength_offers", "tasks", "end_staff", "handover", "by_receiver", "dry_run"}``, the people by
e-mail; ``by_receiver`` counts per receiver (``{email: {"ties", "partnerships", "goals",
"strength_offers", "tasks"}}``), and a tie, goal or offer routed per partnership carries ``reason``
("partnership", "none", "several") and ``because_of`` (the partnerships' titles).
"""

from __future__ import annotations

import argparse

from lib.cli.main import _database, _print_json
from lib.cli.parser import _lang
from lib.core.errors import ValidationFailed
from lib.core.i18n import t


def _per_partnership(values: list[str]) -> dict[int, str]:
    chosen: dict[int, str] = {}
    for value in values:
        number, _, email = value.partition("=")
        if not number.strip().isdigit() or not email.strip():
            raise ValidationFailed("handover.cli.bad_partnership", field="partnership", value=value)
        chosen[int(number)] = email.strip()
    return chosen


def cmd_handover(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from lib.db import Person
    from lib.planning.handover import apply_handover, plan_handover, staff_by_email
    from lib.workspace import clock

    lang = _lang(args)
    chosen = _per_partnership(args.partnership)
    db = _database(args)
    with db.read() if args.dry_run else db.write() as session:
        today = clock.today(clock.workspace_timezone(session))
        from_id = staff_by_email(session, args.from_email)
        to_id = staff_by_email(session, args.to_email)
        per_partnership = {number: staff_by_email(session, email) for number, email in chosen.items()}
        end_staff = bool(args.end_staff)
        if args.dry_run:
            plan = plan_handover(
                session, from_id, to_id, per_partnership=per_partnership, end_staff=end_staff, today=today
            )
        else:
            plan = apply_handover(
                session,
                from_id,
                to_id,
                per_partnership=per_partnership,
                end_staff=end_staff,
                today=today,
                actor=args.actor,
            )
        people = session.execute(select(Person.id, Person.email).where(Person.id.in_(set(plan.names))))
        emails = {row.id: row.email for row in people}
    if args.json:
        _print_json({**plan.to_json(emails), "dry_run": bool(args.dry_run)})
        return 0
    name = plan.from_name
    print(
        t("handover.cli.dry_run", lang, name=name)
        if args.dry_run
        else t("handover.cli.done", lang, name=name, handover=plan.event_id)
    )
    print(t("handover.summary", lang, **plan.counts()))
    for move in plan.partnerships:
        print(f"  {move.title} → {plan.name(move.to_id)}")
    if plan.chosen:
        for receiver, counts in plan.by_receiver().items():
            print("  " + t("handover.by_receiver", lang, name=plan.name(receiver), **counts))
    if plan.end_staff and not args.dry_run:
        print(t("handover.cli.ended", lang, name=name))
    if not args.dry_run:
        print(t("handover.cli.undo_hint", lang))
    return 0
