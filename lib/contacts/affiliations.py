"""Affiliations: who works where, from when to when."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from lib.contacts.shared import (
    _MAX_LENGTHS,
    PERSON_ENTITY,
    _get_organisation,
    _get_person,
    _is_current,
    _today,
)
from lib.core import normalize
from lib.core.access import requires
from lib.core.dates import as_date
from lib.core.errors import ValidationFailed
from lib.db import Affiliation, log_event
from lib.workspace import editing


@requires("edit")
def add_affiliation(
    session: Session,
    person_id: int,
    organisation_id: int,
    *,
    role: str | None = None,
    start_date: object = None,
    end_date: object = None,
    actor: str | None = None,
) -> int:
    """Record that a person belongs to an organisation; returns the affiliation id."""
    person = _get_person(session, person_id)
    organisation = _get_organisation(session, organisation_id)
    start, end = as_date(start_date), as_date(end_date)
    _refuse_end_before_start(start, end)
    for existing in person.affiliations:
        if existing.organisation_id == organisation_id and _is_current(existing.end_date):
            raise ValidationFailed("records.affiliation_exists", organisation=organisation.name)
    clean_role = normalize.clean_text(role, max_length=_MAX_LENGTHS["role"])
    affiliation = Affiliation(person=person, organisation=organisation, role=clean_role, start_date=start, end_date=end)
    session.add(affiliation)
    session.flush()
    log_event(
        session,
        "affiliation_added",
        entity=PERSON_ENTITY,
        entity_id=person_id,
        actor=actor,
        organisation=organisation.name,
        organisation_id=organisation_id,
    )
    return affiliation.id


@requires("edit")
def end_affiliation(session: Session, affiliation_id: int, end_date: object = None, actor: str | None = None) -> None:
    """Mark an affiliation as ended (today unless ``end_date`` says otherwise); the history is kept."""
    affiliation = _get_affiliation(session, affiliation_id)
    end = as_date(end_date) or _today()
    _refuse_end_before_start(affiliation.start_date, end)
    old = affiliation.end_date
    affiliation.end_date = end
    log_event(
        session,
        "affiliation_ended",
        entity=PERSON_ENTITY,
        entity_id=affiliation.person_id,
        actor=actor,
        organisation=affiliation.organisation.name,
        changes={"end_date": [old, end]},
    )


@requires("edit")
def remove_affiliation(session: Session, affiliation_id: int, actor: str | None = None) -> None:
    """Delete an affiliation that was recorded by mistake."""
    affiliation = _get_affiliation(session, affiliation_id)
    person_id, org_name = affiliation.person_id, affiliation.organisation.name
    session.delete(affiliation)
    session.flush()
    log_event(
        session, "affiliation_removed", entity=PERSON_ENTITY, entity_id=person_id, actor=actor, organisation=org_name
    )


def _get_affiliation(session: Session, affiliation_id: int) -> Affiliation:
    return editing.existing(session, Affiliation, affiliation_id, "records.affiliation_not_found")


def _refuse_end_before_start(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationFailed("records.end_before_start", start=start, end=end)
