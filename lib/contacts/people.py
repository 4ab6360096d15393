"""People: create, update and delete, with the values checked by the same parsers as an import."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lib.contacts.merge import _candidates_involving
from lib.contacts.shared import (
    _MAX_LENGTHS,
    PERSON_ENTITY,
    PERSON_FIELDS,
    _add_record,
    _delete_connections,
    _get_person,
    _multiline_text,
    _name_key,
    _reject_unknown_fields,
    _remove_record,
    _required_name,
    _store_changes,
)
from lib.core import normalize
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import Person, Relation, log_event


def _clean_person_values(session: Session, values: Mapping[str, Any], person_id: int | None) -> dict[str, Any]:
    """The values as they will be stored; raises ValidationFailed for the first value that cannot be."""
    _reject_unknown_fields(values, PERSON_FIELDS)
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name == "name":
            clean[name] = _required_name(value)
        elif name == "email":
            clean[name] = normalize.normalise_email(value)
            _refuse_taken_email(session, clean[name], person_id)
        elif name == "phone":
            clean[name] = normalize.normalise_phone(value)
        elif name == "notes":
            clean[name] = _multiline_text(value)
        elif name == "is_staff":
            clean[name] = bool(value)
        else:
            clean[name] = normalize.clean_text(value, max_length=_MAX_LENGTHS[name])
    return clean


def _refuse_taken_email(session: Session, email: str | None, person_id: int | None) -> None:
    if not email:
        return
    query = select(Person.id, Person.name).where(func.lower(Person.email) == email.lower())
    if person_id is not None:
        query = query.where(Person.id != person_id)
    other = session.execute(query.limit(1)).first()
    if other is not None:
        raise ValidationFailed("records.email_taken", email=email, name=other.name)


@requires("edit")
def create_person(session: Session, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Add a person (a name is required); returns the new id."""
    clean = _clean_person_values(session, {"name": values.get("name"), **values}, person_id=None)
    person = Person(**clean, name_key=_name_key(clean["name"]))
    return _add_record(session, person, "person_created", PERSON_ENTITY, actor)


@requires("edit")
def update_person(session: Session, person_id: int, changes: Mapping[str, Any], actor: str | None = None) -> list[str]:
    """Store the edited values that differ; returns the names of the fields that changed.

    Raises ValidationFailed (nothing stored) for a missing name, an invalid e-mail or phone number, or
    an e-mail that belongs to another person. The event log records every change as [old, new].
    """
    person = _get_person(session, person_id)
    clean = _clean_person_values(session, changes, person_id=person_id)
    return _store_changes(session, person, clean, "person_updated", PERSON_ENTITY, actor)


@requires("edit")
def delete_person(session: Session, person_id: int, actor: str | None = None) -> None:
    """Erase a person with their affiliations, ties and review-queue entries (e.g. on request, GDPR).

    The event log keeps only the id: the point of erasing is that the name and e-mail are gone.
    """
    person = _get_person(session, person_id)
    affiliations, ties = _delete_connections(
        session, person, or_(Relation.from_person_id == person_id, Relation.to_person_id == person_id)
    )
    for relation in session.scalars(select(Relation).where(Relation.owner_id == person_id)):
        relation.owner_id = None
    for candidate in _candidates_involving(session, [person_id]):
        session.delete(candidate)
    _remove_record(session, person)
    log_event(
        session,
        "person_deleted",
        entity=PERSON_ENTITY,
        entity_id=person_id,
        actor=actor,
        affiliations=affiliations,
        relations=ties,
    )
