"""What the page "Partnerskaber" shows and the one change that spans several steps: the services its
components call.

Each read service takes the :class:`~lib.db.Database` (acting as the user) and opens its own read.
Saving a partnership's details (fields, organisations, goals) is one change: one transaction, so a
refused part leaves nothing half saved. Other changes go through ``lib.planning.partnerships``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from lib.contacts import search as contact_search
from lib.core.access import requires
from lib.db import Database, by_revision
from lib.planning import goals as strategy
from lib.planning import partnerships as ps


@dataclass(frozen=True)
class PartnershipsPageData:
    """The page's start: every partnership on the day, the pipeline's columns, the alerts and the choices
    of its forms (organisations, staff, goals; id → name)."""

    frame: pd.DataFrame
    columns: list[ps.PipelineColumn]
    alerts: list[ps.Alert]
    organisations: dict[int, str]
    staff: dict[int, str]
    goals: dict[int, str]


@dataclass(frozen=True)
class OpenPartnership:
    """One partnership opened: what its forms show (see :func:`partnership_values`), its agreement's form
    and its contact log."""

    values: dict[str, Any]
    agreement: dict[str, Any]
    contacts: list[dict[str, Any]]


@requires("view_contacts")
@by_revision(max_entries=2)
def partnerships_page_data(db: Database, today: dt.date) -> PartnershipsPageData:
    """Everything the top of the page needs, read at once; no alerts when there is no partnership.
    Kept per data revision (a rerun that changes nothing reads one row); callers do not change it."""
    with db.read() as session:
        frame = ps.partnerships_frame(session, today)
        return PartnershipsPageData(
            frame,
            ps.pipeline(session),
            list(ps.alerts(session, today)) if not frame.empty else [],
            dict(contact_search.organisation_choices(session)),
            dict(strategy.staff_choices(session)),
            dict(strategy.goal_choices(session)),
        )


@requires("view_contacts")
def open_partnership(db: Database, partnership_id: int) -> OpenPartnership:
    """The open partnership's values, agreement form and contact log."""
    with db.read() as session:
        return OpenPartnership(
            partnership_values(session, partnership_id),
            dict(ps.agreement_form(session, partnership_id)),
            ps.contact_log(session, partnership_id),
        )


@requires("view_contacts")
def partnership_values(session: Session, partnership_id: int) -> dict[str, Any]:
    """What the forms of an open partnership show: its fields (the formalisation as shown, with the
    choices it allows), organisation ids and goal ids."""
    p = ps.get_partnership(session, partnership_id)
    agreement = ps.get_agreement(session, partnership_id)
    values = {name: getattr(p, name) for name in ps.PARTNERSHIP_FIELDS}
    values["formalisation"] = ps.formalisation_of(p, agreement)
    values["formalisation_choices"] = ps.formalisation_choices(p, agreement)
    values["written_agreement"] = ps.has_written_agreement(p, agreement)
    values["signed_on"] = agreement.signed_on if agreement else None
    values["organisation_ids"] = [o for o, _ in ps.organisations_of(session, [partnership_id])[partnership_id]]
    values["goal_ids"] = [g for g, _ in ps.goals_of(session, [partnership_id])[partnership_id]]
    return values


@requires("edit")
def save_details(
    session: Session,
    partnership_id: int,
    changes: Mapping[str, Any],
    organisation_ids: Sequence[int],
    goal_ids: Sequence[int],
    *,
    actor: str | None = None,
) -> None:
    """Store the partnership's fields, its organisations and its goals, in the caller's transaction."""
    ps.update_partnership(session, partnership_id, dict(changes), actor=actor)
    ps.set_organisations(session, partnership_id, list(organisation_ids), actor=actor)
    ps.set_goals(session, partnership_id, list(goal_ids), actor=actor)
