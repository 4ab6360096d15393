"""One person or organisation in detail: fields, affiliations, ties, where the values came from and
what happened to the record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lib.contacts.shared import ORGANISATION_ENTITY, PERSON_ENTITY, _is_current, _party_names
from lib.core.access import requires
from lib.db import TABLES_BY_NAME, Affiliation, Event, ImportBatch, ImportChange, Organisation, Person, Relation


@dataclass
class RecordDetails:
    """One person or organisation with everything connected to it, as plain values."""

    id: int
    fields: dict[str, Any]
    #: Person: the organisations they belong to. Organisation: the people who belong to it.
    affiliations: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    imports: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


def _fields_of(record: Any, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


@requires("view_contacts")
def person_details(session: Session, person_id: int) -> RecordDetails | None:
    """The person with affiliations, relations (both directions), import history and events; None if gone."""
    person = session.get(Person, person_id)
    if person is None:
        return None
    fields = _fields_of(
        person,
        (
            "id",
            "name",
            "email",
            "phone",
            "other_emails",
            "other_phones",
            "title",
            "notes",
            "is_staff",
            "source",
            "created_at",
            "updated_at",
        ),
    )
    return RecordDetails(
        id=person_id,
        fields=fields,
        affiliations=_affiliations_of_person(session, person_id),
        relations=_relations_of(session, Relation.from_person_id, Relation.to_person_id, person_id),
        imports=_import_history(session, "people", person_id),
        events=_events_about(session, (PERSON_ENTITY, "people"), person_id),
    )


@requires("view_contacts")
def organisation_details(session: Session, org_id: int) -> RecordDetails | None:
    """The organisation with its people, relations, import history and events; None if gone."""
    organisation = session.get(Organisation, org_id)
    if organisation is None:
        return None
    fields = _fields_of(
        organisation,
        (
            "id",
            "name",
            "org_type",
            "sector",
            "org_type_text",
            "sector_text",
            "website",
            "area",
            "notes",
            "source",
            "cvr",
            "email",
            "created_at",
            "updated_at",
        ),
    )
    return RecordDetails(
        id=org_id,
        fields=fields,
        affiliations=_affiliations_of_organisation(session, org_id),
        relations=_relations_of(session, Relation.from_organisation_id, Relation.to_organisation_id, org_id),
        imports=_import_history(session, "organisations", org_id),
        events=_events_about(session, (ORGANISATION_ENTITY, "organisations"), org_id),
    )


def _affiliations_of_person(session: Session, person_id: int) -> list[dict[str, Any]]:
    query = (
        select(Affiliation, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(Affiliation.person_id == person_id)
        .order_by(Organisation.name_key, Affiliation.id)
    )
    return [
        {
            "affiliation_id": aff.id,
            "organisation_id": aff.organisation_id,
            "organisation": org_name,
            "role": aff.role,
            "start_date": aff.start_date,
            "end_date": aff.end_date,
            "current": _is_current(aff.end_date),
        }
        for aff, org_name in session.execute(query)
    ]


def _affiliations_of_organisation(session: Session, org_id: int) -> list[dict[str, Any]]:
    query = (
        select(Affiliation, Person.name, Person.email)
        .join(Person, Person.id == Affiliation.person_id)
        .where(Affiliation.organisation_id == org_id)
        .order_by(Person.name_key, Affiliation.id)
    )
    return [
        {
            "affiliation_id": aff.id,
            "person_id": aff.person_id,
            "person": name,
            "email": email,
            "role": aff.role,
            "start_date": aff.start_date,
            "end_date": aff.end_date,
            "current": _is_current(aff.end_date),
        }
        for aff, name, email in session.execute(query)
    ]


def _relations_of(session: Session, from_column: Any, to_column: Any, record_id: int) -> list[dict[str, Any]]:
    """Ties from and to one record, each with the name of the party at the other end and of its owner."""
    relations = list(
        session.scalars(
            select(Relation).where(or_(from_column == record_id, to_column == record_id)).order_by(Relation.id)
        )
    )
    person_ids = {i for r in relations for i in (r.from_person_id, r.to_person_id, r.owner_id) if i is not None}
    org_ids = {i for r in relations for i in (r.from_organisation_id, r.to_organisation_id) if i is not None}
    people, orgs = _party_names(session, person_ids, org_ids)
    rows = []
    for relation in relations:
        outgoing = getattr(relation, from_column.key) == record_id
        other_person = relation.to_person_id if outgoing else relation.from_person_id
        other_org = relation.to_organisation_id if outgoing else relation.from_organisation_id
        rows.append(
            {
                "relation_id": relation.id,
                "direction": "outgoing" if outgoing else "incoming",
                "other_kind": "person" if other_person is not None else "organisation",
                "other_id": other_person if other_person is not None else other_org,
                "other": people.get(other_person)
                if other_person is not None
                else (orgs.get(other_org) if other_org is not None else None),
                "kind": relation.kind,
                "kind_text": relation.kind_text,
                "strength": relation.strength,
                "first_contact": relation.first_contact,
                "last_contact": relation.last_contact,
                "owner": people.get(relation.owner_id) if relation.owner_id is not None else None,
            }
        )
    return rows


def _import_history(session: Session, table_name: str, record_id: int) -> list[dict[str, Any]]:
    """Which imports inserted or updated this record, oldest first.

    The inserting import is the record's own ``batch_id``; updates are recorded as import changes.
    """
    model = TABLES_BY_NAME[table_name]
    inserted = session.scalars(
        select(ImportBatch).join(model, model.batch_id == ImportBatch.id).where(model.id == record_id)
    ).all()
    updated = session.execute(
        select(ImportChange.action, ImportBatch)
        .join(ImportBatch, ImportBatch.id == ImportChange.batch_id)
        .where(ImportChange.table_name == table_name, ImportChange.record_id == record_id)
        .order_by(ImportBatch.created_at, ImportChange.id)
    ).all()
    return [
        {
            "batch_id": batch.id,
            "file_name": batch.file_name,
            "sheet_name": batch.sheet_name,
            "created_at": batch.created_at,
            "action": action,
            "status": batch.status,
            "actor": batch.actor,
        }
        for action, batch in [*(("insert", b) for b in inserted), *updated]
    ]


def _events_about(session: Session, entities: tuple[str, ...], record_id: int) -> list[dict[str, Any]]:
    """Events logged about one record, newest first."""
    query = (
        select(Event)
        .where(Event.entity.in_(entities), Event.entity_id == record_id)
        .order_by(Event.at.desc(), Event.id.desc())
    )
    return [
        {"event_id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "details": dict(e.details or {})}
        for e in session.scalars(query)
    ]
