"""Finding people and organisations: search by any part of a name, e-mail or phone, and the choices
of a picker."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.contacts.shared import (
    _current_affiliation_clause,
    _current_organisation_names,
    _matches,
    _pairs,
    _search_terms,
)
from lib.core import vocabulary
from lib.core.access import requires
from lib.core.frames import text_or_none
from lib.db import Affiliation, Organisation, Person, Relation

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
            if org_id is not None:  # the query leaves ties without an organisation out
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
