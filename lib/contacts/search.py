"""Finding people and organisations: search by any part of a name, e-mail or phone, and the choices
of a picker."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from lib.contacts.shared import (
    _current_affiliation_clause,
    _current_organisation_names,
    _pairs,
    _search_terms,
)
from lib.core import normalize, vocabulary
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


@dataclass(frozen=True)
class Hits:
    """What a search found: the first rows (all of them without a limit) and how many matched in all."""

    rows: pd.DataFrame
    total: int

    @property
    def more(self) -> bool:
        """Whether more matched than ``rows`` holds (the page then asks for a narrower search)."""
        return self.total > len(self.rows)


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
    ahead), the same affiliations the "organisations" column lists. See :func:`people_hits`.
    """
    return people_hits(session, text, organisation_id=organisation_id, is_staff=is_staff, limit=limit).rows


@requires("view_contacts")
def people_hits(
    session: Session,
    text: str = "",
    *,
    organisation_id: int | None = None,
    is_staff: bool | None = None,
    limit: int | None = None,
) -> Hits:
    """:func:`search_people`'s first ``limit`` rows and how many people match in all.

    The database does the matching (issue 16: 100,000 people): a word matches the folded name
    (``name_key``, the key the list is sorted by: case-folded, punctuation at its ends left out),
    the e-mail, the phone as stored or the folded name of a current organisation; only the rows
    shown are read, and their organisations only for them.
    """
    where, by_words = _people_clauses(session, text, organisation_id, is_staff)
    columns = [
        Person.id,
        Person.name,
        Person.email,
        Person.phone,
        Person.title,
        Person.is_staff,
        Person.source,
        Person.updated_at,
    ]
    if by_words:
        # Words typed leave few of many: the table is read once, what matches is counted (a window over
        # the matches) and sorted. Sorting by the bare column would make the database walk the name
        # index row by row, all the way for a rare word.
        query = select(*columns, func.count().over().label("total")).where(*where)
        query = query.order_by(func.coalesce(Person.name_key, ""), Person.id)
    else:
        # No words: the first rows in the order of the name index, and a count of its own.
        query = select(*columns).where(*where).order_by(Person.name_key, Person.id)
    if limit is not None:
        query = query.limit(limit)
    found = session.execute(query).all()
    org_names = _current_organisation_names(session, [row.id for row in found]) if found else {}
    rows = [
        {
            "id": row.id,
            "name": row.name,
            "email": row.email,
            "phone": row.phone,
            "title": row.title,
            "organisations": "; ".join(org_names.get(row.id, [])),
            "is_staff": bool(row.is_staff),
            "source": row.source,
            "updated_at": row.updated_at,
        }
        for row in found
    ]
    if by_words:
        total = found[0].total if found else 0
    elif limit is not None and len(rows) >= limit:
        total = session.scalar(select(func.count(Person.id)).where(*where)) or 0
    else:
        total = len(rows)
    return Hits(pd.DataFrame(rows, columns=PEOPLE_COLUMNS), total)


def _people_clauses(
    session: Session, text: str, organisation_id: int | None, is_staff: bool | None
) -> tuple[list[Any], bool]:
    """The WHERE clauses of a people search (every value a bound parameter), and whether words were typed."""
    clauses: list[Any] = []
    if is_staff is not None:
        clauses.append(Person.is_staff.is_(is_staff))
    if organisation_id is not None:
        clauses.append(Person.id.in_(_current_members([organisation_id])))
    tokens, digits = _search_terms(text)
    if tokens:
        every_word = and_(*(_person_has_word(session, token) for token in tokens))
        # Every word somewhere, or three or more digits typed inside the phone number.
        clauses.append(or_(every_word, _contains(_digits_of(Person.phone), digits)) if len(digits) >= 3 else every_word)
    return clauses, bool(tokens)


def _current_members(org_ids: list[int]) -> Any:
    """The ids of the people currently at one of ``org_ids`` (a subquery)."""
    return select(Affiliation.person_id).where(Affiliation.organisation_id.in_(org_ids), _current_affiliation_clause())


def _person_has_word(session: Session, token: str) -> Any:
    """A person whose name, e-mail, phone or a current organisation's name holds ``token`` (folded).

    The few thousand organisations are searched first, so the people are then found through the
    index of affiliations by organisation rather than by reading every affiliation.
    """
    key = normalize.name_key(token) or token  # "hansen," finds "Hansen" as the folded name is stored
    # E-mails are stored lower-cased (lib.core.normalize.normalise_email), as the words typed are folded.
    in_own_words = [_contains(Person.name_key, key), _contains(Person.email, token), _contains(Person.phone, token)]
    org_ids = list(session.scalars(select(Organisation.id).where(_contains(Organisation.name_key, key))))
    if org_ids:
        in_own_words.append(Person.id.in_(_current_members(org_ids)))
    return or_(*in_own_words)


def _contains(column: Any, text: str) -> Any:
    """``column`` holds ``text`` anywhere: LIKE with its wildcards escaped, the text a bound parameter."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def _digits_of(column: Any) -> Any:
    """The digits of a stored phone number (E.164, "+4520304050"; spaces and dashes too, should a row hold them)."""
    for mark in ("+", " ", "-"):
        column = func.replace(column, mark, "")
    return column


@requires("view_board")
def search_organisations(
    session: Session, text: str = "", *, org_type: str | None = None, sector: str | None = None
) -> pd.DataFrame:
    """Organisations whose name, website or area matches ``text``, with how many people and ties they have.

    "people" counts the people currently affiliated; "relations" the ties from or to the organisation.
    "org_type_text" and "sector_text" are the words a file wrote where no type or sector fitted (issue 11).
    """
    return organisation_hits(session, text, org_type=org_type, sector=sector).rows


@requires("view_board")
def organisation_hits(
    session: Session,
    text: str = "",
    *,
    org_type: str | None = None,
    sector: str | None = None,
    limit: int | None = None,
) -> Hits:
    """:func:`search_organisations`' first ``limit`` rows and how many organisations match in all.

    A workspace holds thousands of organisations, not a hundred thousand: the words are matched here
    (folded, as :func:`lib.core.vocabulary.fold`), and people and ties are counted for the rows shown.
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
    tokens, _digits = _search_terms(text)
    matching = [
        row
        for row in session.execute(query)
        if not tokens
        or all(token in vocabulary.fold(" ".join(filter(None, (row.name, row.website, row.area)))) for token in tokens)
    ]
    shown = matching if limit is None else matching[:limit]
    ids = None if limit is None else [row.id for row in shown]  # every organisation: counted without a list
    people_counts = _people_per_organisation(session, ids)
    relation_counts = _relations_per_organisation(session, ids)
    rows = [
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
        for row in shown
    ]
    return Hits(pd.DataFrame(rows, columns=ORGANISATION_COLUMNS), len(matching))


def _people_per_organisation(session: Session, org_ids: list[int] | None) -> dict[int, int]:
    """People currently at each organisation: of ``org_ids``, or of every one (None)."""
    query = (
        select(Affiliation.organisation_id, func.count(func.distinct(Affiliation.person_id)))
        .where(_current_affiliation_clause())
        .group_by(Affiliation.organisation_id)
    )
    if org_ids is not None:
        query = query.where(Affiliation.organisation_id.in_(org_ids))
    return _pairs(session, query) if org_ids is None or org_ids else {}


def _relations_per_organisation(session: Session, org_ids: list[int] | None) -> dict[int, int]:
    """Ties from or to each organisation: of ``org_ids``, or of every one (None)."""
    counts: dict[int, int] = defaultdict(int)
    if org_ids is not None and not org_ids:
        return {}
    for column in (Relation.from_organisation_id, Relation.to_organisation_id):
        query = select(column, func.count(Relation.id)).where(column.is_not(None)).group_by(column)
        if org_ids is not None:
            query = query.where(column.in_(org_ids))
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


@requires("view_board")
def organisation_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) for every organisation, sorted by name: for pickers."""
    query = select(Organisation.id, Organisation.name).order_by(Organisation.name_key, Organisation.id)
    return [(oid, name) for oid, name in session.execute(query)]
