"""What the Organisation page's tab "Overdragelse" reads: the preview of a handover in a read of its own,
the partnerships to choose a colleague for, and the preview's tables in the reader's language
(:mod:`lib.planning.handover` holds the rules)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select

from lib.core.access import requires
from lib.core.i18n import format_date, label, t
from lib.db import Database, Event, Partnership, Person
from lib.planning.handover import APPLIED, UNDONE, HandoverPlan, OwnedMove, TieMove, plan_handover
from lib.workspace.clock import to_local, workspace_timezone

TIE_COLUMNS = ("party", "party_kind_label", "relation_kind_label", "strength", "last_contact", "to", "merged")
OWNED_COLUMNS = ("title", "to")
#: Chosen per partnership, the ties, goals and offers tables also say why each goes to whom.
REASON_COLUMN = "reason"
TASK_COLUMNS = ("task", "due", "to")
#: How many earlier handovers the tab offers to undo.
RECENT = 5


@dataclass(frozen=True)
class PastHandover:
    """A handover not undone yet: its event id, when (the workspace's time), from whom, to whom."""

    event_id: int
    at: dt.datetime | None
    from_name: str
    handed_to: tuple[str, ...]

    def line(self, lang: str) -> str:
        """ "07-12-2026 14:05: Anna Andersen → Bo Berg, Eva Eriksen"."""
        return t(
            "handover.past.line",
            lang,
            when=format_date(self.at, lang),
            name=self.from_name,
            to=", ".join(self.handed_to),
        )


@requires("edit")
def undoable_handovers(db: Database, limit: int = RECENT) -> list[PastHandover]:
    """The latest ``limit`` handovers that have not been undone, newest first (whether one can still be
    undone, nothing having changed since, is known when it is tried)."""
    with db.read() as session:
        undone = {
            details.get("handover")
            for details in session.scalars(select(Event.details).where(Event.action == UNDONE))
            if isinstance(details, dict)
        }
        query = select(Event).where(Event.action == APPLIED, Event.id.not_in(undone)).order_by(Event.id.desc())
        events = list(session.scalars(query.limit(limit)))
        people = select(Person.id, Person.name).where(Person.id.in_({e.entity_id for e in events}))
        names = {row.id: row.name for row in session.execute(people)}
        tz = workspace_timezone(session)
        return [
            PastHandover(
                event.id,
                to_local(event.at, tz),
                names.get(event.entity_id, ""),
                tuple(str(name) for name in (event.details or {}).get("handed_to", [])),
            )
            for event in events
            if event.entity_id in names
        ]


@requires("view_contacts")
def preview_handover(
    db: Database,
    from_id: int,
    to_id: int,
    *,
    per_partnership: Mapping[int, int] | None = None,
    end_staff: bool = False,
    today: dt.date | None = None,
) -> HandoverPlan:
    """:func:`lib.planning.handover.plan_handover` in a read of its own."""
    with db.read() as session:
        return plan_handover(session, from_id, to_id, per_partnership=per_partnership, end_staff=end_staff, today=today)


@requires("view_contacts")
def owned_partnerships(db: Database, person_id: int) -> list[tuple[int, str]]:
    """``(id, title)`` of the partnerships ``person_id`` owns, open ones first: the choices per partnership."""
    with db.read() as session:
        rows = session.execute(
            select(Partnership.id, Partnership.title, Partnership.closed).where(Partnership.owner_id == person_id)
        ).all()
    ordered = sorted(rows, key=lambda row: (row.closed, row.title.casefold(), row.id))
    return [(row.id, row.title) for row in ordered]


def reason(move: TieMove | OwnedMove, lang: str) -> str:
    """Why a tie, goal or offer goes to whom it goes, chosen per partnership: "Følger partnerskabet
    Læseklub", "Hører ikke til et af partnerskaberne", "Hører til flere partnerskaber med hver sin
    modtager (A, B)"; empty when everything goes to one colleague."""
    if move.reason == "all":
        return ""
    titles = ", ".join(move.partnerships)
    return t(f"handover.reason.{move.reason}", lang, titles=titles, n=len(move.partnerships))


def by_receiver_lines(plan: HandoverPlan, lang: str) -> list[str]:
    """Chosen per partnership, one line per receiver: "Bo Berg: 2 forbindelser, 1 partnerskab, …"."""
    if not plan.chosen:
        return []
    return [
        t("handover.by_receiver", lang, name=plan.name(receiver), **counts)
        for receiver, counts in plan.by_receiver().items()
    ]


def _with_reasons(
    frame: pd.DataFrame, plan: HandoverPlan, moves: tuple[TieMove, ...] | tuple[OwnedMove, ...], lang: str
) -> pd.DataFrame:
    if plan.chosen:
        frame[REASON_COLUMN] = [reason(move, lang) for move in moves]
    return frame


def ties_table(plan: HandoverPlan, lang: str) -> pd.DataFrame:
    """The ties that move: the other party, who they are, the kind, strength and last contact after
    the handover (the merged values where the new holder already had one), the new holder, merged or not,
    and, chosen per partnership, why it goes to that colleague (``reason``)."""
    rows = [
        {
            "party": tie.party,
            "party_kind_label": t(f"handover.party.{tie.party_kind}", lang),
            "relation_kind_label": label("relkind", tie.relation_kind, lang),
            "strength": tie.strength_after if tie.merged_into is not None else tie.strength,
            "last_contact": tie.last_contact_after if tie.merged_into is not None else tie.last_contact,
            "to": plan.name(tie.to_id),
            "merged": tie.merged_into is not None,
        }
        for tie in plan.ties
    ]
    frame = pd.DataFrame(rows, columns=list(TIE_COLUMNS))
    frame["strength"] = frame["strength"].astype("Int64")
    return _with_reasons(frame, plan, plan.ties, lang)


def owned_table(plan: HandoverPlan, moves: tuple[OwnedMove, ...], lang: str | None = None) -> pd.DataFrame:
    """Partnerships, goals or offers that move: the title and the new owner; with ``lang``, chosen per
    partnership, also why (``reason``: goals and offers)."""
    frame = pd.DataFrame([{"title": m.title, "to": plan.name(m.to_id)} for m in moves], columns=list(OWNED_COLUMNS))
    return frame if lang is None else _with_reasons(frame, plan, moves, lang)


def tasks_table(plan: HandoverPlan, lang: str) -> pd.DataFrame:
    """This month's tasks that move: what to do, by when, and who does it now."""
    rows = [{"task": m.task.message(lang), "due": m.task.due, "to": plan.name(m.to_id)} for m in plan.tasks]
    return pd.DataFrame(rows, columns=list(TASK_COLUMNS))
