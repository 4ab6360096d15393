"""Contacts and organisations: search, look-up, edit, merge, and the review queue of possible duplicates.

Every function works inside the session it is given and never commits: the caller decides what one
transaction is (``with db.write() as session:``), so a page that edits a person and adds an
affiliation either stores both or neither.

Values typed by a person go through the same parsers as imported values (``lib.core.normalize``), so an
e-mail entered on the page and the same e-mail in a spreadsheet are stored identically. Problems the
user can fix raise :class:`lib.core.errors.ValidationFailed` with a translation key; nothing is changed
when a value is refused.

Two people are never merged without a person deciding: :func:`find_near_duplicate_people` only offers
pairs for review, with the rule that matched, and :func:`merge_people` runs when someone confirms.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from sqlalchemy import UniqueConstraint, func, or_, select, tuple_
from sqlalchemy.orm import Session

from lib.contacts import organisation_duplicates
from lib.contacts.word_choices import remember_word
from lib.core import normalize, vocabulary
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.frames import text_or_none
from lib.db import (
    TABLES_BY_NAME,
    Affiliation,
    DuplicateCandidate,
    Event,
    ImportBatch,
    ImportChange,
    Organisation,
    Person,
    Relation,
    log_event,
    utcnow,
)
from lib.db.text_limits import max_length, too_long
from lib.privacy.informing import merge_informing
from lib.workspace import editing

#: Fields of a person a user may edit; everything else is kept in step by this module.
PERSON_FIELDS = ("name", "email", "phone", "title", "notes", "is_staff", "source")
#: Fields of an organisation a user may edit.
ORGANISATION_FIELDS = ("name", "org_type", "sector", "website", "area", "notes", "source", "cvr")

PEOPLE_COLUMNS = ["id", "name", "email", "phone", "title", "organisations", "is_staff", "source", "updated_at"]
ORGANISATION_COLUMNS = [
    "id",
    "name",
    "org_type",
    "sector",
    "org_type_text",
    "sector_text",
    "website",
    "area",
    "people",
    "relations",
    "source",
]
DUPLICATE_COLUMNS = [
    "id",
    "rule",
    "score",
    "person_a_id",
    "person_a_name",
    "person_a_email",
    "person_a_phone",
    "person_a_organisations",
    "person_b_id",
    "person_b_name",
    "person_b_email",
    "person_b_phone",
    "person_b_organisations",
]

#: Entity names in the event log. The importer's undo looks for these to refuse undoing an import
#: whose records were edited by hand afterwards.
PERSON_ENTITY = "person"
ORGANISATION_ENTITY = "organisation"

#: Same threshold and blocking as the importer (lib.ingest.rows), so a scan here finds what an
#: import would have offered.
NEAR_DUPLICATE_SCORE = 90.0
MIN_KEY_LENGTH_FOR_SIMILARITY = 4

DUPLICATE_RULES = ("same_name", "same_name_other_email", "similar_name_same_org", "similar_name")

_DIGITS = re.compile(r"\D+")

#: Column widths of the one-line text fields (lib.db), so a long value is refused with a message.
_MAX_LENGTHS = {
    "name": min(max_length(Person, "name"), max_length(Organisation, "name")),
    "title": max_length(Person, "title"),
    "source": min(max_length(Person, "source"), max_length(Organisation, "source")),
    "area": max_length(Organisation, "area"),
    "role": max_length(Affiliation, "role"),
}


# --- small helpers ---------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    """The folded name used to recognise the same name written differently (as the importer folds it)."""
    return normalize.name_key(name) or vocabulary.fold(name)


def _multiline_text(value: object) -> str | None:
    """Free text such as notes: trimmed, line breaks kept, empty → None."""
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _as_date(value: object) -> dt.date | None:
    """A date from a date, a datetime or text as people type it (day first)."""
    if _is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return normalize.parse_date(value)


def _today() -> dt.date:
    return dt.date.today()


def _is_current(affiliation_end: dt.date | None) -> bool:
    return affiliation_end is None or affiliation_end >= _today()


def _current_affiliation_clause() -> Any:
    return or_(Affiliation.end_date.is_(None), Affiliation.end_date >= _today())


def _matches(needle_tokens: list[str], needle_digits: str, haystack: str, phone: str | None) -> bool:
    """Every word of the search occurs in the record, or the digits typed occur in its phone number."""
    if needle_tokens and all(token in haystack for token in needle_tokens):
        return True
    return len(needle_digits) >= 3 and bool(phone) and needle_digits in _DIGITS.sub("", phone or "")


def _search_terms(text: str) -> tuple[list[str], str]:
    folded = vocabulary.fold(text or "")
    return folded.split(), _DIGITS.sub("", text or "")


def _unique(values: Iterable[Any], *, exclude: Iterable[Any] = ()) -> list[Any]:
    """Values in their first order, without repeats (case-insensitive for text) and without ``exclude``."""
    seen = {_fold_value(v) for v in exclude if not _is_empty(v)}
    result = []
    for value in values:
        if _is_empty(value) or _fold_value(value) in seen:
            continue
        seen.add(_fold_value(value))
        result.append(value)
    return result


def _fold_value(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _get_person(session: Session, person_id: int) -> Person:
    return editing.existing(session, Person, person_id, "records.person_not_found")


def _get_organisation(session: Session, org_id: int) -> Organisation:
    return editing.existing(session, Organisation, org_id, "records.organisation_not_found")


def _apply_changes(record: Any, values: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Set the values that differ from what ``record`` holds; return {field: [old, new]}."""
    changed: dict[str, list[Any]] = {}
    for name, new in values.items():
        old = getattr(record, name)
        if old != new:
            setattr(record, name, new)
            changed[name] = [old, new]
    return changed


def _pairs(session: Session, query: Any) -> dict[Any, Any]:
    """A two-column query as {first: second}. (A Result has .keys(), so dict(result) would misread it.)"""
    return {first: second for first, second in session.execute(query)}


def _current_organisation_names(session: Session, person_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Names of the organisations each person currently belongs to, sorted."""
    query = (
        select(Affiliation.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(_current_affiliation_clause())
    )
    if person_ids is not None:
        query = query.where(Affiliation.person_id.in_(list(person_ids)))
    names: dict[int, set[str]] = defaultdict(set)
    for person_id, org_name in session.execute(query):
        names[person_id].add(org_name)
    return {person_id: sorted(found, key=vocabulary.fold) for person_id, found in names.items()}


def _party_names(session: Session, person_ids: set[int], org_ids: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Names of people and organisations by id, for showing the other end of a tie."""
    people: dict[int, str] = {}
    orgs: dict[int, str] = {}
    if person_ids:
        people = _pairs(session, select(Person.id, Person.name).where(Person.id.in_(person_ids)))
    if org_ids:
        query = select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids))
        orgs = _pairs(session, query)
    return people, orgs


# --- search ----------------------------------------------------------------------------------------


@requires("view_contacts")
def search_people(
    session: Session,
    text: str = "",
    *,
    organisation_id: int | None = None,
    is_staff: bool | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """People whose name, e-mail, phone or current organisation matches ``text``, sorted by name.

    Matching ignores case and accents are kept (æ, ø, å match themselves in any case); every word of
    ``text`` must occur somewhere. Digits typed match the phone number whatever its spacing.
    ``organisation_id`` keeps the people currently at that organisation (no end date, or one still
    ahead), the same affiliations the "organisations" column lists.
    """
    query = select(
        Person.id,
        Person.name,
        Person.email,
        Person.phone,
        Person.title,
        Person.is_staff,
        Person.source,
        Person.updated_at,
    ).order_by(Person.name_key, Person.id)
    if is_staff is not None:
        query = query.where(Person.is_staff.is_(is_staff))
    if organisation_id is not None:
        members = select(Affiliation.person_id).where(
            Affiliation.organisation_id == organisation_id, _current_affiliation_clause()
        )
        query = query.where(Person.id.in_(members))
    org_names = _current_organisation_names(session)
    tokens, digits = _search_terms(text)
    rows = []
    for row in session.execute(query):
        organisations = "; ".join(org_names.get(row.id, []))
        if tokens or digits:
            haystack = vocabulary.fold(" ".join(filter(None, (row.name, row.email, row.phone, organisations))))
            if not _matches(tokens, digits, haystack, row.phone):
                continue
        rows.append(
            {
                "id": row.id,
                "name": row.name,
                "email": row.email,
                "phone": row.phone,
                "title": row.title,
                "organisations": organisations,
                "is_staff": bool(row.is_staff),
                "source": row.source,
                "updated_at": row.updated_at,
            }
        )
        if limit is not None and len(rows) >= limit:
            break
    return pd.DataFrame(rows, columns=PEOPLE_COLUMNS)


@requires("view_board")
def search_organisations(
    session: Session, text: str = "", *, org_type: str | None = None, sector: str | None = None
) -> pd.DataFrame:
    """Organisations whose name, website or area matches ``text``, with how many people and ties they have.

    "people" counts the people currently affiliated; "relations" the ties from or to the organisation.
    "org_type_text" and "sector_text" are the words a file wrote where no type or sector fitted (issue 11).
    """
    query = select(
        Organisation.id,
        Organisation.name,
        Organisation.org_type,
        Organisation.sector,
        Organisation.org_type_text,
        Organisation.sector_text,
        Organisation.website,
        Organisation.area,
        Organisation.source,
    ).order_by(Organisation.name_key, Organisation.id)
    if org_type:
        query = query.where(Organisation.org_type == org_type)
    if sector:
        query = query.where(Organisation.sector == sector)
    people_counts = _people_per_organisation(session)
    relation_counts = _relations_per_organisation(session)
    tokens, _digits = _search_terms(text)
    rows = []
    for row in session.execute(query):
        if tokens:
            haystack = vocabulary.fold(" ".join(filter(None, (row.name, row.website, row.area))))
            if not all(token in haystack for token in tokens):
                continue
        rows.append(
            {
                "id": row.id,
                "name": row.name,
                "org_type": row.org_type,
                "sector": row.sector,
                "org_type_text": row.org_type_text,
                "sector_text": row.sector_text,
                "website": row.website,
                "area": row.area,
                "people": people_counts.get(row.id, 0),
                "relations": relation_counts.get(row.id, 0),
                "source": row.source,
            }
        )
    return pd.DataFrame(rows, columns=ORGANISATION_COLUMNS)


def _people_per_organisation(session: Session) -> dict[int, int]:
    query = (
        select(Affiliation.organisation_id, func.count(func.distinct(Affiliation.person_id)))
        .where(_current_affiliation_clause())
        .group_by(Affiliation.organisation_id)
    )
    return _pairs(session, query)


def _relations_per_organisation(session: Session) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    for column in (Relation.from_organisation_id, Relation.to_organisation_id):
        query = select(column, func.count(Relation.id)).where(column.is_not(None)).group_by(column)
        for org_id, count in session.execute(query):
            counts[org_id] += count
    return dict(counts)


def person_choice_label(name: Any, email: Any) -> str:
    """How a person is told apart in a picker: "Name (e-mail)", or the name alone without an e-mail.

    ``name`` and ``email`` may come from a frame, where a missing e-mail is NaN (which is true in an
    ``if``, and would show as "Name (nan)").
    """
    shown, address = text_or_none(name) or "", text_or_none(email)
    return f"{shown} ({address})" if address else shown


@requires("view_contacts")
def person_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "Name (e-mail)") for every person, sorted by name: for pickers."""
    query = select(Person.id, Person.name, Person.email).order_by(Person.name_key, Person.id)
    return [(pid, person_choice_label(name, email)) for pid, name, email in session.execute(query)]


@requires("view_board")
def organisation_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) for every organisation, sorted by name: for pickers."""
    query = select(Organisation.id, Organisation.name).order_by(Organisation.name_key, Organisation.id)
    return [(oid, name) for oid, name in session.execute(query)]


# --- one record in detail --------------------------------------------------------------------------


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
    person_ids = {r.from_person_id for r in relations} | {r.to_person_id for r in relations}
    person_ids |= {r.owner_id for r in relations}
    org_ids = {r.from_organisation_id for r in relations} | {r.to_organisation_id for r in relations}
    people, orgs = _party_names(session, person_ids - {None}, org_ids - {None})
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
                "other": people.get(other_person) if other_person is not None else orgs.get(other_org),
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


# --- validating what a user typed ------------------------------------------------------------------


def _reject_unknown_fields(values: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        # A programming error, not something the user typed: fail loudly.
        raise ValueError(f"not editable: {', '.join(unknown)}")


def _required_name(value: object) -> str:
    name = normalize.clean_text(value, max_length=_MAX_LENGTHS["name"])
    if not name:
        raise ValidationFailed("records.name_required")
    # Folding can lengthen a name ("ß" becomes "ss"), and the folded key is stored as well.
    limit = too_long(Person, "name_key", _name_key(name)) or too_long(Organisation, "name_key", _name_key(name))
    if limit is not None:
        raise ValidationFailed("value.too_long", length=len(name), max=limit)
    return name


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


def _clean_organisation_values(session: Session, values: Mapping[str, Any], org_id: int | None) -> dict[str, Any]:
    _reject_unknown_fields(values, ORGANISATION_FIELDS)
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name == "name":
            clean[name] = _required_name(value)
            _refuse_taken_organisation_name(session, clean[name], org_id)
        elif name == "org_type":
            clean[name] = _vocabulary_code(value, vocabulary.ORGANISATION_TYPES, "records.unknown_org_type")
        elif name == "sector":
            clean[name] = _vocabulary_code(value, vocabulary.SECTORS, "records.unknown_sector")
        elif name == "website":
            clean[name] = normalize.normalise_website(value)
            limit = too_long(Organisation, "website", clean[name])
            if limit is not None:
                raise ValidationFailed("value.too_long", length=len(clean[name]), max=limit)
        elif name == "notes":
            clean[name] = _multiline_text(value)
        elif name == "cvr":
            clean[name] = organisation_duplicates.normalise_cvr(value)
            _refuse_taken_cvr(session, clean[name], org_id)
        else:
            clean[name] = normalize.clean_text(value, max_length=_MAX_LENGTHS[name])
    return clean


def _refuse_taken_cvr(session: Session, cvr: str | None, org_id: int | None) -> None:
    """A CVR number is one organisation's identity: another one with it is the same organisation."""
    if not cvr:
        return
    query = select(Organisation.name).where(Organisation.cvr == cvr)
    if org_id is not None:
        query = query.where(Organisation.id != org_id)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise ValidationFailed("orgdup.cvr_taken", cvr=cvr, name=other)


def _vocabulary_code(value: object, codes: Mapping[str, Any], error_key: str) -> str | None:
    if _is_empty(value):
        return None
    if value not in codes:
        raise ValidationFailed(error_key, value=value)
    return str(value)


def _refuse_taken_organisation_name(session: Session, name: str, org_id: int | None) -> None:
    """Two organisations with the same folded name would make imports unable to tell them apart."""
    query = select(Organisation.name).where(Organisation.name_key == _name_key(name))
    if org_id is not None:
        query = query.where(Organisation.id != org_id)
    existing = session.scalar(query.limit(1))
    if existing is not None:
        raise ValidationFailed("records.organisation_exists", name=existing)


# --- people: create, update, delete ----------------------------------------------------------------


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


# --- organisations: create, update, delete ---------------------------------------------------------


@requires("edit")
def create_organisation(session: Session, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Add an organisation (a name not already used is required); returns the new id."""
    clean = _clean_organisation_values(session, {"name": values.get("name"), **values}, org_id=None)
    organisation = Organisation(**clean, name_key=_name_key(clean["name"]))
    return _add_record(session, organisation, "organisation_created", ORGANISATION_ENTITY, actor)


@requires("edit")
def update_organisation(
    session: Session,
    org_id: int,
    changes: Mapping[str, Any],
    actor: str | None = None,
    *,
    remember: Iterable[str] = (),
) -> list[str]:
    """Store the edited values that differ; returns the names of the fields that changed.

    Type and sector must be codes from ``lib.core.vocabulary``; the website is normalised to an http(s)
    address; the name must not be another organisation's.

    A type or sector chosen for an organisation that kept a file's word for it (``org_type_text``,
    ``sector_text``) replaces the word; with "org_type" / "sector" in ``remember`` the choice is also
    remembered for that word (``lib.contacts.word_choices``), so the next import gives it the same code.
    """
    organisation = _get_organisation(session, org_id)
    clean = _clean_organisation_values(session, changes, org_id=org_id)
    words = {"org_type": organisation.org_type_text, "sector": organisation.sector_text}
    for name, text_name in (("org_type", "org_type_text"), ("sector", "sector_text")):
        if clean.get(name) and getattr(organisation, text_name):
            clean[text_name] = None
    changed = _store_changes(session, organisation, clean, "organisation_updated", ORGANISATION_ENTITY, actor)
    for name in remember:
        if words.get(name) and clean.get(name):
            remember_word(session, name, words[name], clean[name])
    return changed


@requires("edit")
def delete_organisation(session: Session, org_id: int, actor: str | None = None) -> None:
    """Delete an organisation with its affiliations and ties; the people themselves stay."""
    organisation = _get_organisation(session, org_id)
    affiliations, ties = _delete_connections(
        session, organisation, or_(Relation.from_organisation_id == org_id, Relation.to_organisation_id == org_id)
    )
    _remove_record(session, organisation)
    log_event(
        session,
        "organisation_deleted",
        entity=ORGANISATION_ENTITY,
        entity_id=org_id,
        actor=actor,
        name=organisation.name,
        affiliations=affiliations,
        relations=ties,
    )


# --- shared by people and organisations ------------------------------------------------------------


def _add_record(session: Session, record: Person | Organisation, action: str, entity: str, actor: str | None) -> int:
    """Store a new person or organisation and log ``action`` with its name; returns the new id."""
    session.add(record)
    session.flush()
    log_event(session, action, entity=entity, entity_id=record.id, actor=actor, name=record.name)
    return record.id


def _store_changes(
    session: Session,
    record: Person | Organisation,
    clean: Mapping[str, Any],
    action: str,
    entity: str,
    actor: str | None,
) -> list[str]:
    """Set the cleaned values that differ and log ``action`` with [old, new] each; returns the fields changed."""
    changed = _apply_changes(record, clean)
    if "name" in changed:
        # Sorting, the duplicate scan and imports match records by the folded name, not the name itself.
        record.name_key = _name_key(record.name)
    if changed:
        log_event(session, action, entity=entity, entity_id=record.id, actor=actor, changes=changed)
    return list(changed)


def _delete_connections(session: Session, record: Person | Organisation, ties_clause: Any) -> tuple[int, int]:
    """Delete the record's affiliations and the relations ``ties_clause`` selects; returns both counts."""
    affiliations = list(record.affiliations)
    for affiliation in affiliations:
        session.delete(affiliation)
    ties = list(session.scalars(select(Relation).where(ties_clause)))
    for relation in ties:
        session.delete(relation)
    return len(affiliations), len(ties)


def _remove_record(session: Session, record: Person | Organisation) -> None:
    """Delete a person or organisation whose affiliations were moved or deleted beforehand."""
    session.flush()
    # The loaded list of affiliations still holds those just moved or deleted; deleting the record with
    # it would make the ORM detach them again, so it is read afresh (now empty) first.
    session.expire(record, ["affiliations"])
    session.delete(record)
    session.flush()


# --- affiliations ----------------------------------------------------------------------------------


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
    start, end = _as_date(start_date), _as_date(end_date)
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
    end = _as_date(end_date) or _today()
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


# --- merging ---------------------------------------------------------------------------------------


@requires("edit")
def merge_people(session: Session, keep_id: int, remove_id: int, actor: str | None = None) -> None:
    """Make two records of the same person one: ``keep_id`` stays, ``remove_id`` is folded into it.

    Affiliations and ties move to the kept person (without creating duplicates); the kept person's
    empty fields are filled from the other, a value already there is never overwritten; the other's
    e-mail and phone are kept as further e-mails/phones; the earlier creation time and the earlier
    informed date are kept (``lib.privacy.informing.merge_informing``). Staff wins: when either record is
    the library's staff member, the merged one is, with the kept record's team and role in
    partnership work, or the other's where the kept record has none. Review-queue entries for the
    pair are marked "merged".
    """
    if keep_id == remove_id:
        raise ValidationFailed("records.merge_same")
    keep, remove = _get_person(session, keep_id), _get_person(session, remove_id)
    removed_snapshot = {"id": remove.id, "name": remove.name, "email": remove.email}
    filled = _fill_person_from(session, keep, remove)
    _move_person_affiliations(session, keep, remove)
    _move_person_relations(session, keep_id, remove_id)
    _settle_candidates_after_merge(session, keep_id, remove_id)
    _move_other_references(session, keep_id, remove_id)
    _remove_record(session, remove)
    log_event(
        session,
        "people_merged",
        entity=PERSON_ENTITY,
        entity_id=keep_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
        removed=removed_snapshot,
        filled=filled,
    )
    # Also under the removed id, so that undoing the import that created it is refused rather than
    # silently losing what was merged from it.
    log_event(
        session,
        "person_merged_into",
        entity=PERSON_ENTITY,
        entity_id=remove_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
    )


#: References to a person that merging handles itself (ties are collapsed, not just moved).
_MERGED_APART = {
    ("affiliations", "person_id"),
    ("relations", "from_person_id"),
    ("relations", "to_person_id"),
    ("duplicate_candidates", "person_a_id"),
    ("duplicate_candidates", "person_b_id"),
}


def _move_other_references(session: Session, keep_id: int, remove_id: int) -> None:
    """Point every other reference to the removed person (partnership owner, goal owner, assessor,
    contact person of an offer, competence assessments …) at the kept one.

    Found from the schema, so a table added later is not silently left pointing at nobody (its
    ``SET NULL`` would otherwise lose who was responsible).
    """
    people = Person.__table__
    for table in Person.metadata.sorted_tables:
        for column in table.columns:
            if (table.name, column.name) in _MERGED_APART:
                continue
            if any(fk.column.table is people for fk in column.foreign_keys):
                session.execute(table.update().where(column == remove_id).values({column.name: keep_id}))


def _fill_person_from(session: Session, keep: Person, remove: Person) -> list[str]:
    """Fill keep's empty fields from remove; collect remove's e-mails and phones; returns fields filled."""
    remove_email, remove_phone = remove.email, remove.phone
    if remove_email:
        # The e-mail column is unique: release it before the kept person may take it.
        remove.email = None
        session.flush()
    filled = []
    for name in ("email", "phone", "title", "notes", "source", "team", "staff_role"):
        value = {"email": remove_email, "phone": remove_phone}.get(name, getattr(remove, name))
        if _is_empty(getattr(keep, name)) and not _is_empty(value):
            setattr(keep, name, value)
            filled.append(name)
    if remove.is_staff and not keep.is_staff:
        keep.is_staff = True
        filled.append("is_staff")
    filled += merge_informing(keep, remove)
    other_emails = _unique(
        [*(keep.other_emails or []), remove_email, *(remove.other_emails or [])], exclude=[keep.email]
    )
    other_phones = _unique(
        [*(keep.other_phones or []), remove_phone, *(remove.other_phones or [])], exclude=[keep.phone]
    )
    # Assign new lists: JSON columns only notice a new value, not a changed list.
    keep.other_emails = other_emails or None
    keep.other_phones = other_phones or None
    return filled


def _move_person_affiliations(session: Session, keep: Person, remove: Person) -> None:
    by_org = {a.organisation_id: a for a in keep.affiliations}
    for affiliation in list(remove.affiliations):
        existing = by_org.get(affiliation.organisation_id)
        if existing is None:
            affiliation.person = keep
            by_org[affiliation.organisation_id] = affiliation
        else:
            _combine_affiliations(existing, affiliation)
            session.delete(affiliation)


def _combine_affiliations(target: Affiliation, other: Affiliation) -> None:
    """One affiliation covering both periods; the role is filled only where target has none."""
    if _is_empty(target.role) and not _is_empty(other.role):
        target.role = other.role
    starts = [d for d in (target.start_date, other.start_date) if d is not None]
    target.start_date = min(starts) if starts else None
    # Either still current → the combined one is current.
    if target.end_date is not None and other.end_date is not None:
        target.end_date = max(target.end_date, other.end_date)
    else:
        target.end_date = None


def _move_person_relations(session: Session, keep_id: int, remove_id: int) -> None:
    query = select(Relation).where(
        or_(
            Relation.from_person_id == remove_id,
            Relation.to_person_id == remove_id,
            Relation.owner_id == remove_id,
        )
    )
    for relation in session.scalars(query):
        if relation.from_person_id == remove_id:
            relation.from_person_id = keep_id
        if relation.to_person_id == remove_id:
            relation.to_person_id = keep_id
        if relation.owner_id == remove_id:
            relation.owner_id = keep_id
    _collapse_relations(session, or_(Relation.from_person_id == keep_id, Relation.to_person_id == keep_id))


def _collapse_relations(session: Session, involving: Any) -> None:
    """After a merge: drop ties from the record to itself and join ties that are now the same tie."""
    session.flush()
    kept: dict[tuple[Any, ...], Relation] = {}
    for relation in session.scalars(select(Relation).where(involving).order_by(Relation.id)):
        source = (relation.from_person_id, relation.from_organisation_id)
        target = (relation.to_person_id, relation.to_organisation_id)
        if source == target:
            session.delete(relation)
            continue
        key = (*source, *target, relation.kind)
        if key in kept:
            _combine_relations(kept[key], relation)
            session.delete(relation)
        else:
            kept[key] = relation


def _combine_relations(target: Relation, other: Relation) -> None:
    """The strongest strength and the largest weight, the earliest first and latest last contact;
    empty fields (owner, notes, the kind as a file wrote it) filled."""
    strengths = [s for s in (target.strength, other.strength) if s is not None]
    target.strength = max(strengths) if strengths else None
    weights = [w for w in (target.weight, other.weight) if w is not None]
    target.weight = max(weights) if weights else None
    if _is_empty(target.kind_text) and not _is_empty(other.kind_text):
        target.kind_text = other.kind_text
    firsts = [d for d in (target.first_contact, other.first_contact) if d is not None]
    target.first_contact = min(firsts) if firsts else None
    lasts = [d for d in (target.last_contact, other.last_contact) if d is not None]
    target.last_contact = max(lasts) if lasts else None
    if target.owner_id is None:
        target.owner_id = other.owner_id
    if _is_empty(target.notes) and not _is_empty(other.notes):
        target.notes = other.notes


def _candidates_involving(session: Session, person_ids: list[int]) -> list[DuplicateCandidate]:
    query = select(DuplicateCandidate).where(
        or_(DuplicateCandidate.person_a_id.in_(person_ids), DuplicateCandidate.person_b_id.in_(person_ids))
    )
    return list(session.scalars(query.order_by(DuplicateCandidate.id)))


def _settle_candidates_after_merge(session: Session, keep_id: int, remove_id: int) -> None:
    """Mark the pair's queue entries "merged"; point the removed person's other entries at the kept one.

    A merged entry is kept as the record of the decision. It then names the kept person on both sides,
    because the removed person no longer exists (the table's foreign keys would otherwise delete it).
    """
    candidates = _candidates_involving(session, [keep_id, remove_id])
    pairs_of_keep = {
        frozenset((c.person_a_id, c.person_b_id)) for c in candidates if remove_id not in (c.person_a_id, c.person_b_id)
    }
    for candidate in candidates:
        pair = {candidate.person_a_id, candidate.person_b_id}
        if pair == {keep_id, remove_id}:
            candidate.status = "merged"
            candidate.person_a_id = candidate.person_b_id = keep_id
        elif remove_id in pair:
            other = (pair - {remove_id}).pop()
            if frozenset((keep_id, other)) in pairs_of_keep:
                session.delete(candidate)
            else:
                if candidate.person_a_id == remove_id:
                    candidate.person_a_id = keep_id
                else:
                    candidate.person_b_id = keep_id
                pairs_of_keep.add(frozenset((keep_id, other)))


@requires("edit")
def merge_organisations(session: Session, keep_id: int, remove_id: int, actor: str | None = None) -> str | None:
    """Make two records of the same organisation one: ``keep_id`` stays, ``remove_id`` is folded into it.

    People, ties, partnerships and assessments move to the kept organisation (without duplicates);
    empty fields (the mailbox among them) are filled from the other, a value already there is never
    overwritten. Type and sector: the kept organisation's own code; else the other's code, which
    replaces a word the kept one kept (a type known beats a file's word no type fitted, as in an import,
    ``lib.ingest.rows``); else the kept one's own word (``org_type_text`` / ``sector_text``), else the
    other's word. The other's name stays as an alias and its CVR number is taken over
    (``organisation_duplicates.keep_identity``), so a later import of either lands on the kept
    organisation. Two organisations with different CVR numbers are refused: they are two.

    Returns the removed organisation's name when it was kept as an alias (None when it folds to the
    kept one's name anyway).
    """
    if keep_id == remove_id:
        raise ValidationFailed("records.merge_same")
    keep, remove = _get_organisation(session, keep_id), _get_organisation(session, remove_id)
    organisation_duplicates.refuse_different_cvrs(keep, remove)
    removed_snapshot = {"id": remove.id, "name": remove.name, "cvr": remove.cvr}
    filled = _fill_organisation_from(keep, remove)
    _move_organisation_affiliations(session, keep, remove)
    _move_organisation_relations(session, keep_id, remove_id)
    _move_other_organisation_references(session, keep_id, remove_id)
    kept = organisation_duplicates.keep_identity(session, keep, remove)
    filled += kept.filled
    _remove_record(session, remove)
    log_event(
        session,
        "organisations_merged",
        entity=ORGANISATION_ENTITY,
        entity_id=keep_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
        removed=removed_snapshot,
        filled=filled,
        alias=kept.alias,
    )
    log_event(
        session,
        "organisation_merged_into",
        entity=ORGANISATION_ENTITY,
        entity_id=remove_id,
        actor=actor,
        kept={"id": keep.id, "name": keep.name},
    )
    return kept.alias


#: A type or sector code and the field that keeps a file's word for it where no code fitted.
_KEPT_WORDS = (("org_type", "org_type_text"), ("sector", "sector_text"))


def _fill_organisation_from(keep: Organisation, remove: Organisation) -> list[str]:
    """Fill keep's empty fields from remove (see :func:`merge_organisations`); returns the fields filled."""
    filled = []
    for name in ("website", "email", "area", "notes", "source"):
        if _is_empty(getattr(keep, name)) and not _is_empty(getattr(remove, name)):
            setattr(keep, name, getattr(remove, name))
            filled.append(name)
    for code_name, word_name in _KEPT_WORDS:
        if getattr(keep, code_name):
            continue
        if getattr(remove, code_name):
            # A type known for the other record beats a word no type fitted, as in an import.
            setattr(keep, code_name, getattr(remove, code_name))
            filled.append(code_name)
            if getattr(keep, word_name):
                setattr(keep, word_name, None)
        elif _is_empty(getattr(keep, word_name)) and not _is_empty(getattr(remove, word_name)):
            setattr(keep, word_name, getattr(remove, word_name))
            filled.append(word_name)
    return filled


def _move_organisation_affiliations(session: Session, keep: Organisation, remove: Organisation) -> None:
    by_person = {a.person_id: a for a in keep.affiliations}
    for affiliation in list(remove.affiliations):
        existing = by_person.get(affiliation.person_id)
        if existing is None:
            affiliation.organisation = keep
            by_person[affiliation.person_id] = affiliation
        else:
            _combine_affiliations(existing, affiliation)
            session.delete(affiliation)


#: References to an organisation that merging handles itself (ties are collapsed, aliases kept).
_ORGANISATION_MERGED_APART = {
    ("affiliations", "organisation_id"),
    ("relations", "from_organisation_id"),
    ("relations", "to_organisation_id"),
    ("organisation_aliases", "organisation_id"),
}


def _move_other_organisation_references(session: Session, keep_id: int, remove_id: int) -> None:
    """Point every other reference to the removed organisation (partnerships, assessments …) at the kept one.

    Found from the schema, like a person's (:func:`_move_other_references`): the database would
    otherwise delete them with the removed organisation. Where a unique index allows one row per
    organisation (a partnership names each organisation once), the removed one's row is dropped when
    the kept one has its own.
    """
    organisations = Organisation.__table__
    for table in Organisation.metadata.sorted_tables:
        for column in table.columns:
            if (table.name, column.name) in _ORGANISATION_MERGED_APART:
                continue
            if not any(fk.column.table is organisations for fk in column.foreign_keys):
                continue
            for others in _unique_with(table, column):
                taken = select(*others).where(column == keep_id)
                session.execute(table.delete().where(column == remove_id, tuple_(*others).in_(taken)))
            session.execute(table.update().where(column == remove_id).values({column.name: keep_id}))


def _unique_with(table: Any, column: Any) -> list[list[Any]]:
    """The other columns of each unique index or constraint of ``table`` that includes ``column``."""
    sets = [list(index.columns) for index in table.indexes if index.unique]
    sets += [list(constraint.columns) for constraint in table.constraints if isinstance(constraint, UniqueConstraint)]
    return [
        [c for c in columns if c is not column]
        for columns in sets
        if any(c is column for c in columns) and len(columns) > 1
    ]


def _move_organisation_relations(session: Session, keep_id: int, remove_id: int) -> None:
    query = select(Relation).where(
        or_(Relation.from_organisation_id == remove_id, Relation.to_organisation_id == remove_id)
    )
    for relation in session.scalars(query):
        if relation.from_organisation_id == remove_id:
            relation.from_organisation_id = keep_id
        if relation.to_organisation_id == remove_id:
            relation.to_organisation_id = keep_id
    _collapse_relations(session, or_(Relation.from_organisation_id == keep_id, Relation.to_organisation_id == keep_id))


# --- the review queue of possible duplicates -------------------------------------------------------


@requires("view_contacts")
def open_duplicates(session: Session) -> pd.DataFrame:
    """Pairs waiting for a decision, most likely first, with both people's name, e-mail, phone and orgs."""
    candidates = list(
        session.scalars(
            select(DuplicateCandidate)
            .where(DuplicateCandidate.status == "open")
            .order_by(DuplicateCandidate.score.desc(), DuplicateCandidate.id)
        )
    )
    person_ids = {c.person_a_id for c in candidates} | {c.person_b_id for c in candidates}
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))} if person_ids else {}
    orgs = _current_organisation_names(session, person_ids) if person_ids else {}
    rows = []
    for candidate in candidates:
        row: dict[str, Any] = {"id": candidate.id, "rule": candidate.rule, "score": float(candidate.score or 0)}
        for side, person_id in (("person_a", candidate.person_a_id), ("person_b", candidate.person_b_id)):
            person = people.get(person_id)
            row[f"{side}_id"] = person_id
            row[f"{side}_name"] = person.name if person else None
            row[f"{side}_email"] = person.email if person else None
            row[f"{side}_phone"] = person.phone if person else None
            row[f"{side}_organisations"] = "; ".join(orgs.get(person_id, []))
        rows.append(row)
    return pd.DataFrame(rows, columns=DUPLICATE_COLUMNS)


@requires("edit")
def dismiss_duplicate(session: Session, candidate_id: int, actor: str | None = None) -> None:
    """Record that the two people are not the same; the pair is not offered again by a scan."""
    candidate = editing.existing(session, DuplicateCandidate, candidate_id, "records.duplicate_not_found")
    if candidate.status != "open":
        return  # someone else decided already; deciding twice changes nothing
    candidate.status = "dismissed"
    log_event(
        session,
        "duplicate_dismissed",
        entity="duplicate_candidate",
        entity_id=candidate_id,
        actor=actor,
        person_a_id=candidate.person_a_id,
        person_b_id=candidate.person_b_id,
        rule=candidate.rule,
    )


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who may be the same (``person_a_id`` < ``person_b_id``) and the rule that matched."""

    person_a_id: int
    person_b_id: int
    rule: str
    score: float


@dataclass
class _PersonKeyRow:
    id: int
    key: str
    email: str | None
    organisations: set[int]


@requires("view_contacts")
def find_near_duplicate_people(session: Session, *, exclude_known: bool = True) -> list[DuplicatePair]:
    """Pairs of people who may be the same, for a person to review. Nothing is merged here.

    Rules, as in the importer: the same folded name ("same_name"; "same_name_other_email" when both have
    different e-mails, which keeps them two people until someone decides), or a name at least
    ``NEAR_DUPLICATE_SCORE`` similar ("similar_name_same_org" when they share a current organisation,
    else "similar_name"). Similar names with different e-mails are not offered. With
    ``exclude_known`` pairs already in the queue (open, dismissed or merged) are left out.
    """
    people = _people_for_matching(session)
    found: dict[tuple[int, int], DuplicatePair] = {}
    for group in _comparison_groups(people):
        for first, second, score in _similar_pairs(group):
            pair = _classify_pair(first, second, score)
            if pair is not None:
                key = (pair.person_a_id, pair.person_b_id)
                if key not in found or _rule_rank(pair) < _rule_rank(found[key]):
                    found[key] = pair
    if exclude_known:
        known = _known_pairs(session)
        found = {key: pair for key, pair in found.items() if key not in known}
    return sorted(found.values(), key=lambda p: (-p.score, p.person_a_id, p.person_b_id))


@requires("edit")
def queue_near_duplicates(session: Session, batch_id: int | None = None, actor: str | None = None) -> int:
    """Put the pairs :func:`find_near_duplicate_people` finds on the review queue; returns how many."""
    pairs = find_near_duplicate_people(session)
    now = utcnow()
    for pair in pairs:
        session.add(
            DuplicateCandidate(
                person_a_id=pair.person_a_id,
                person_b_id=pair.person_b_id,
                rule=pair.rule,
                score=pair.score,
                status="open",
                batch_id=batch_id,
                created_at=now,
            )
        )
    if pairs:
        session.flush()
        log_event(session, "duplicates_scanned", actor=actor, found=len(pairs))
    return len(pairs)


def _people_for_matching(session: Session) -> list[_PersonKeyRow]:
    org_ids: dict[int, set[int]] = defaultdict(set)
    for person_id, org_id in session.execute(
        select(Affiliation.person_id, Affiliation.organisation_id).where(_current_affiliation_clause())
    ):
        org_ids[person_id].add(org_id)
    return [
        _PersonKeyRow(pid, key or "", email, org_ids.get(pid, set()))
        for pid, key, email in session.execute(select(Person.id, Person.name_key, Person.email).order_by(Person.id))
        if key
    ]


def _comparison_groups(people: list[_PersonKeyRow]) -> list[list[_PersonKeyRow]]:
    """Groups within which every pair is compared: same first letters (as the importer), same organisation.

    Comparing every person with every other grows with the square of the workspace; these groups keep
    a scan fast while still finding typos after the first letters and anyone at the same organisation.
    """
    by_block: dict[str, list[_PersonKeyRow]] = defaultdict(list)
    by_org: dict[int, list[_PersonKeyRow]] = defaultdict(list)
    for person in people:
        by_block[person.key[:2]].append(person)
        for org_id in person.organisations:
            by_org[org_id].append(person)
    return [group for group in (*by_block.values(), *by_org.values()) if len(group) > 1]


def _similar_pairs(group: list[_PersonKeyRow]) -> Iterable[tuple[_PersonKeyRow, _PersonKeyRow, float]]:
    keys = [person.key for person in group]
    # uint8 scores: a large organisation compared with itself stays small in memory.
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_SCORE, dtype=np.uint8)
    for i, j in zip(*scores.nonzero(), strict=True):
        if i < j:
            yield group[i], group[j], float(scores[i, j])


def _classify_pair(first: _PersonKeyRow, second: _PersonKeyRow, score: float) -> DuplicatePair | None:
    a, b = sorted((first, second), key=lambda p: p.id)
    both_have_email = bool(a.email and b.email)
    if a.key == b.key:
        rule = "same_name_other_email" if both_have_email else "same_name"
        return DuplicatePair(a.id, b.id, rule, 100.0)
    if min(len(a.key), len(b.key)) < MIN_KEY_LENGTH_FOR_SIMILARITY:
        return None
    if both_have_email and vocabulary.fold(a.email or "") != vocabulary.fold(b.email or ""):
        return None  # a similar name with another e-mail is another person
    rule = "similar_name_same_org" if a.organisations & b.organisations else "similar_name"
    return DuplicatePair(a.id, b.id, rule, round(score, 1))


def _rule_rank(pair: DuplicatePair) -> int:
    return DUPLICATE_RULES.index(pair.rule)


def _known_pairs(session: Session) -> set[tuple[int, int]]:
    rows = session.execute(select(DuplicateCandidate.person_a_id, DuplicateCandidate.person_b_id))
    return {tuple(sorted((a, b))) for a, b in rows}  # type: ignore[misc]


__all__ = [
    "DUPLICATE_RULES",
    "ORGANISATION_FIELDS",
    "PERSON_FIELDS",
    "DuplicatePair",
    "RecordDetails",
    "add_affiliation",
    "create_organisation",
    "create_person",
    "delete_organisation",
    "delete_person",
    "dismiss_duplicate",
    "end_affiliation",
    "find_near_duplicate_people",
    "merge_organisations",
    "merge_people",
    "open_duplicates",
    "organisation_choices",
    "organisation_details",
    "person_choice_label",
    "person_choices",
    "person_details",
    "queue_near_duplicates",
    "remove_affiliation",
    "search_organisations",
    "search_people",
    "update_organisation",
    "update_person",
]
