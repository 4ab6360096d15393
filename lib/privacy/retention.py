"""Retention: contacts nobody has used for longer than the workspace keeps them, offered for review."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pandas as pd
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.core.dates import as_date, months_before
from lib.core.errors import ValidationFailed
from lib.core.frames import typed_frame
from lib.db import (
    Affiliation,
    ContactLogEntry,
    EvaluationRespondent,
    ImportBatch,
    ImportChange,
    Organisation,
    PartnershipOrganisation,
    Person,
    Relation,
    get_setting,
    log_event,
    set_setting,
)
from lib.privacy.shared import _today

RETENTION_SETTING = "retention_months"

DEFAULT_RETENTION_MONTHS = 24
MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS = 1, 240

RETENTION_COLUMNS = ["id", "name", "email", "organisations", "last_used", "source", "purpose", "informed_on"]


@requires("personal_data")
def retention_months(session: Session) -> int:
    """After how many months without use a contact is listed for review (default 24)."""
    value = get_setting(session, RETENTION_SETTING)
    try:
        months = int(value) if value is not None else DEFAULT_RETENTION_MONTHS
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
    return months if MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS else DEFAULT_RETENTION_MONTHS


@requires("personal_data")
def set_retention_months(session: Session, months: object, actor: str | None = None) -> int:
    """Store the retention period (whole months, 1–240); raises ValidationFailed otherwise."""
    try:
        number = int(str(months).strip())
    except ValueError:
        number = 0
    if not MIN_RETENTION_MONTHS <= number <= MAX_RETENTION_MONTHS:
        raise ValidationFailed(
            "personal_data.retention_invalid", value=months, low=MIN_RETENTION_MONTHS, high=MAX_RETENTION_MONTHS
        )
    before = retention_months(session)
    if number != before:
        set_setting(session, RETENTION_SETTING, str(number))
        log_event(
            session, "retention_set", actor=actor or principal_of(session).actor, changes={"months": [before, number]}
        )
    return number


def _latest_by_person(session: Session, queries: Iterable[Any]) -> dict[int, dt.date]:
    """The latest date per person over ``queries`` of (person id, date or datetime) rows."""
    latest: dict[int, dt.date] = {}
    for query in queries:
        for person_id, value in session.execute(query):
            day = as_date(value)
            if person_id is not None and day is not None and (person_id not in latest or day > latest[person_id]):
                latest[person_id] = day
    return latest


def _use_queries() -> list[Any]:
    """(person id, date) rows of everything that counts as using a contact's data."""
    committed = ImportBatch.status == "committed"
    queries: list[Any] = [select(Person.id, Person.updated_at)]
    for column in (Relation.from_person_id, Relation.to_person_id):
        queries += [
            select(column, func.max(date)).group_by(column)
            for date in (Relation.last_contact, Relation.first_contact, Relation.updated_at)
        ]
    queries += [
        select(Affiliation.person_id, func.max(date)).group_by(Affiliation.person_id)
        for date in (Affiliation.start_date, Affiliation.end_date)
    ]
    # Contact with a partnership counts for the people of its organisations, and for the staff member.
    queries.append(
        select(ContactLogEntry.staff_id, func.max(ContactLogEntry.contacted_on)).group_by(ContactLogEntry.staff_id)
    )
    queries.append(
        select(Affiliation.person_id, func.max(ContactLogEntry.contacted_on))
        .join(PartnershipOrganisation, PartnershipOrganisation.organisation_id == Affiliation.organisation_id)
        .join(ContactLogEntry, ContactLogEntry.partnership_id == PartnershipOrganisation.partnership_id)
        .group_by(Affiliation.person_id)
    )
    # Being asked to evaluate a partnership by link, and answering.
    queries += [
        select(EvaluationRespondent.person_id, func.max(date)).group_by(EvaluationRespondent.person_id)
        for date in (EvaluationRespondent.created_at, EvaluationRespondent.answered_at)
    ]
    queries.append(
        select(Person.id, ImportBatch.created_at).join(ImportBatch, ImportBatch.id == Person.batch_id).where(committed)
    )
    queries.append(
        select(ImportChange.record_id, func.max(ImportBatch.created_at))
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(ImportChange.table_name == "people", committed)
        .group_by(ImportChange.record_id)
    )
    return queries


@requires("personal_data")
def last_used(session: Session) -> dict[int, dt.date]:
    """When each person's data was last used: the latest of their record's last change, their ties'
    contact dates and changes, their affiliations' dates, contact with partnerships of their
    organisations, and the imports that touched them; never used → when the record was created."""
    latest = _latest_by_person(session, _use_queries())
    for person_id, created in session.execute(select(Person.id, Person.created_at)):
        latest.setdefault(person_id, as_date(created) or dt.date.min)
    return latest


@requires("personal_data")
def retention_candidates(session: Session, today: dt.date | None = None, months: int | None = None) -> pd.DataFrame:
    """Contacts (not staff) not used for the retention period, least recently used first.

    Columns: :data:`RETENTION_COLUMNS` (``last_used`` a date; ``informed_on`` the date they were told
    that the library holds their data, ``lib.privacy.informing``, or None). They are for a person to review:
    nothing is erased here.
    """
    cutoff = months_before(today or _today(), months if months is not None else retention_months(session))
    used = last_used(session)
    organisations: dict[int, list[str]] = defaultdict(list)
    current = or_(Affiliation.end_date.is_(None), Affiliation.end_date >= (today or _today()))
    for person_id, org_name in session.execute(
        select(Affiliation.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(current)
    ):
        organisations[person_id].append(org_name)
    rows = [
        {
            "id": p.id,
            "name": p.name,
            "email": p.email,
            "organisations": "; ".join(sorted(organisations[p.id])),
            "last_used": used[p.id],
            "source": p.source,
            "purpose": p.purpose,
            "informed_on": p.informed_on,
        }
        for p in session.execute(
            select(Person.id, Person.name, Person.email, Person.source, Person.purpose, Person.informed_on)
            .where(Person.is_staff.is_not(True))
            .order_by(Person.name_key, Person.id)
        )
        if used.get(p.id, dt.date.min) <= cutoff
    ]
    rows.sort(key=lambda row: (row["last_used"], row["name"] or ""))
    # Object columns: a missing e-mail, source or purpose stays None (pandas would make it NaN).
    return typed_frame(rows, RETENTION_COLUMNS, integers=["id"])
