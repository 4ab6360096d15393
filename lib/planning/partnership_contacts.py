"""The contact log of a partnership and its contact rhythm: when the next contact is due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import (
    ContactLogEntry,
    Partnership,
    log_event,
)
from lib.planning.partnership_editing import _staff_names, get_partnership
from lib.planning.partnership_fields import CHANNELS, CONTACT_FIELDS, ENTITY
from lib.workspace import editing


def _clean_contact(session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
    editing.reject_unknown_fields(values, CONTACT_FIELDS)
    clean = {
        "contacted_on": editing.date_value(values.get("contacted_on"), "contacted_on"),
        "staff_id": editing.staff_value(session, values.get("staff_id"), "staff_id"),
        "channel": editing.code_value(values.get("channel") or "meeting", CHANNELS, "channel", required=True),
        "note": editing.multiline_value(values.get("note")),
    }
    if clean["contacted_on"] is None:
        raise ValidationFailed("partnerships.contacted_on_required", field="contacted_on")
    return clean


@requires("edit")
def add_contact(session: Session, partnership_id: int, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Log a contact (``contacted_on``, ``staff_id``, ``channel``, ``note``); returns its id."""
    get_partnership(session, partnership_id)
    entry = ContactLogEntry(partnership_id=partnership_id, **_clean_contact(session, values))
    session.add(entry)
    session.flush()
    log_event(
        session,
        "partnership_contact_logged",
        entity=ENTITY,
        entity_id=partnership_id,
        actor=actor,
        contacted_on=entry.contacted_on,
        channel=entry.channel,
    )
    return entry.id


@requires("edit")
def delete_contact(session: Session, entry_id: int, actor: str | None = None) -> None:
    entry = editing.existing(session, ContactLogEntry, entry_id, "partnerships.no_such_contact")
    log_event(
        session,
        "partnership_contact_deleted",
        entity=ENTITY,
        entity_id=entry.partnership_id,
        actor=actor,
        contacted_on=entry.contacted_on,
    )
    session.delete(entry)
    session.flush()


@requires("view_contacts")
def contact_log(session: Session, partnership_id: int) -> list[dict[str, Any]]:
    """A partnership's contacts, newest first: ``id``, ``contacted_on``, ``staff``, ``channel``, ``note``."""
    names = _staff_names(session)
    return [
        {
            "id": e.id,
            "contacted_on": e.contacted_on,
            "staff_id": e.staff_id,
            "staff": names.get(e.staff_id),
            "channel": e.channel,
            "note": e.note,
        }
        for e in session.scalars(
            select(ContactLogEntry)
            .where(ContactLogEntry.partnership_id == partnership_id)
            .order_by(ContactLogEntry.contacted_on.desc(), ContactLogEntry.id.desc())
        )
    ]


@dataclass(frozen=True)
class ContactDue:
    """When the next contact is due, and whether it is overdue (see the module notes)."""

    last_contact: dt.date | None
    rhythm_days: int | None
    due: dt.date | None
    overdue: bool
    days_overdue: int


def next_contact_due(
    last_contact: dt.date | None, rhythm_days: int | None, today: dt.date, start_date: dt.date | None = None
) -> ContactDue:
    """The next contact: ``(last contact, else start date) + rhythm``; overdue when before ``today``.

    >>> next_contact_due(dt.date(2026, 1, 1), 30, dt.date(2026, 2, 10)).days_overdue
    10
    """
    since = last_contact or start_date
    if rhythm_days is None or since is None:
        return ContactDue(last_contact, rhythm_days, None, False, 0)
    due = since + dt.timedelta(days=rhythm_days)
    overdue = due < today
    return ContactDue(last_contact, rhythm_days, due, overdue, (today - due).days if overdue else 0)


@requires("view_board")
def last_contacts(session: Session) -> dict[int, dt.date]:
    """``{partnership id: date of its newest contact-log entry}``."""
    query = select(ContactLogEntry.partnership_id, func.max(ContactLogEntry.contacted_on)).group_by(
        ContactLogEntry.partnership_id
    )
    return {partnership_id: last for partnership_id, last in session.execute(query)}


def contact_due_of(partnership: Partnership, last: dt.date | None, today: dt.date) -> ContactDue:
    return next_contact_due(last, partnership.contact_rhythm_days, today, partnership.start_date)
