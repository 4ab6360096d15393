"""Reading what the network is built from: people, organisations, affiliations, ties and partnerships,
with the rules for a tie's weight and for when it existed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, namedtuple
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.dates import as_date
from lib.core.normalize import name_key
from lib.db import (
    PARTNERSHIP_STAGES,
    Affiliation,
    ContactLogEntry,
    ImportBatch,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    get_setting,
)
from lib.db.bulk import converted_once
from lib.network.nodes import (
    DEFAULT_LIBRARY_NAME,
    DEFAULT_STRENGTH,
    LIBRARY,
    PARTNER_RELATION_KIND,
    STRONGEST,
    organisation_node,
    person_node,
)


@dataclass
class _Tie:
    """One tie read from the database, before ties of the same pair are merged."""

    kind: str
    weight: float
    relation_kind: str | None = None
    strength: int | None = None
    first_contact: dt.date | None = None
    last_contact: dt.date | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    owner: str | None = None
    holders: frozenset[str] = frozenset()
    relation_id: int | None = None
    role: str | None = None


@dataclass
class _Workspace:
    """The rows the graph is built from, read in a handful of queries."""

    library_label: str
    library_org_ids: set[int]
    people: Sequence[Any]
    organisations: Sequence[Any]
    affiliations: Sequence[Any]
    relations: Sequence[Any]
    batch_dates: dict[int, dt.date]
    staff_ids: set[int] = field(default_factory=set)
    #: The largest weight of any relation (a network file's weights), for :func:`relation_weight`.
    largest_weight: float | None = None


def _earliest(*values: dt.date | None) -> dt.date | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def _library_label(session: Session) -> str:
    name = (get_setting(session, "library_name") or "").strip()
    return name or DEFAULT_LIBRARY_NAME


def _library_organisation_ids(session: Session, library_label: str) -> set[int]:
    """Organisation records that are the library itself (an import may list the library by name)."""
    key = name_key(library_label)
    if not key:
        return set()
    return set(session.scalars(select(Organisation.id).where(Organisation.name_key == key)))


def _plain_rows(session: Session, statement: Select[*tuple[Any, ...]]) -> list[Any]:
    """The rows of ``statement`` (columns only, no parameters) read through the database driver (SQLite;
    other databases through SQLAlchemy).

    Each value is converted as SQLAlchemy converts it (dates and times from SQLite's text, flags from
    its numbers), but once per distinct value and column by column; rows are light named tuples. On a
    network of 50,000 ties this is a fraction of SQLAlchemy's row-by-row processing."""
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        # Other drivers (psycopg) hand back typed values and their processors need the cursor's type
        # codes: SQLAlchemy's own rows, which read by name the same way, are right there.
        return list(session.execute(statement).all())
    compiled = statement.compile(dialect=dialect)
    if compiled.params:
        raise ValueError("_plain_rows reads statements without parameters")
    columns = list(statement.selected_columns)
    Row = namedtuple("Row", [column.key for column in columns])  # type: ignore[misc]  # noqa: PYI024
    # The driver's own cursor on the session's connection (same transaction): SQLAlchemy's result
    # would wrap each of a few hundred thousand rows in a Row of its own before they are taken apart.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled))
        raw = cursor.fetchall()
    finally:
        cursor.close()
    if not raw:
        return []
    values: list[Sequence[Any]] = list(zip(*raw, strict=True))
    for position, column in enumerate(columns):
        processor = column.type.dialect_impl(dialect).result_processor(dialect, None)
        if processor is not None:
            values[position] = converted_once(values[position], processor)
    return list(map(Row._make, zip(*values, strict=True)))


def _load(session: Session) -> _Workspace:
    library_label = _library_label(session)
    people = _plain_rows(
        session,
        select(Person.id, Person.name, Person.email, Person.title, Person.is_staff, Person.created_at, Person.batch_id),
    )
    workspace = _Workspace(
        library_label=library_label,
        library_org_ids=_library_organisation_ids(session, library_label),
        people=people,
        organisations=_plain_rows(
            session,
            select(
                Organisation.id,
                Organisation.name,
                Organisation.org_type,
                Organisation.sector,
                Organisation.area,
                Organisation.created_at,
                Organisation.batch_id,
            ),
        ),
        affiliations=_plain_rows(
            session,
            select(
                Affiliation.id,
                Affiliation.person_id,
                Affiliation.organisation_id,
                Affiliation.role,
                Affiliation.start_date,
                Affiliation.end_date,
                Affiliation.batch_id,
            ),
        ),
        relations=_plain_rows(
            session,
            select(
                Relation.id,
                Relation.kind,
                Relation.from_person_id,
                Relation.from_organisation_id,
                Relation.to_person_id,
                Relation.to_organisation_id,
                Relation.strength,
                Relation.weight,
                Relation.first_contact,
                Relation.last_contact,
                Relation.owner_id,
                Relation.created_at,
            ).order_by(Relation.id),
        ),
        batch_dates={
            batch_id: created.date()
            for batch_id, created in session.execute(select(ImportBatch.id, ImportBatch.created_at))
        },
        staff_ids={row.id for row in people if row.is_staff},
    )
    workspace.largest_weight = max((row.weight for row in workspace.relations if row.weight), default=None)
    return workspace


def relation_weight(strength: int | None, weight: float | None, largest_weight: float | None) -> float:
    """A relation's edge weight: stronger ties count more, on the scale of the 1-5 strength.

    * A strength (1-5) is the weight: 1.0 … 5.0.
    * Without one, a network file's weight (``Relation.weight``: Gephi's Weight, Kumu's Strength,
      a "Vægt" column; any number above 0) counts on the same scale. Where every weight in the
      workspace is at most 5 it is taken as it is (2.5 counts as between strength 2 and 3); where
      some weight is larger (a file counting meetings: 12, 40 …) all are scaled so that the largest
      counts as 5: ``weight × 5 / largest weight``. So a weight never counts for more than the
      strongest tie, and the file's proportions between its ties are kept.
    * Neither: :data:`DEFAULT_STRENGTH` (2), an ordinary tie.

    ``largest_weight`` is the largest weight among all the workspace's relations (not only those
    shown, and not only on a date), so a tie's weight does not change with a filter or a date.

    >>> relation_weight(4, 12.0, 40.0), relation_weight(None, 2.5, 4.0), relation_weight(None, 12.0, 40.0)
    (4.0, 2.5, 1.5)
    >>> relation_weight(None, None, 40.0)
    2.0
    """
    if strength is not None:
        return float(strength)
    if weight is not None and weight > 0:
        return float(weight) * STRONGEST / max(float(STRONGEST), float(largest_weight or 0.0))
    return float(DEFAULT_STRENGTH)


def relation_start(
    first_contact: dt.date | None, last_contact: dt.date | None, created_at: dt.date | dt.datetime | None
) -> dt.date | None:
    """The date from which a relation counts as existing.

    The first contact when it is known; otherwise the earlier of the last contact and the day the
    record was created (a tie with a last contact two years ago existed two years ago, even when it
    was typed in yesterday).
    """
    if first_contact is not None:
        return first_contact
    return _earliest(last_contact, as_date(created_at))


def _relation_exists(row: Any, as_of: dt.date | None) -> bool:
    if as_of is None:
        return True
    start = relation_start(row.first_contact, row.last_contact, row.created_at)
    return start is None or start <= as_of


def _affiliation_exists(row: Any, as_of: dt.date) -> bool:
    started = row.start_date is None or row.start_date <= as_of
    return started and (row.end_date is None or row.end_date >= as_of)


def _end_node(person_id: int | None, organisation_id: int | None, library_org_ids: set[int]) -> str:
    if person_id is not None:
        return person_node(person_id)
    assert organisation_id is not None  # the schema demands exactly one end
    return LIBRARY if organisation_id in library_org_ids else organisation_node(organisation_id)


@requires("view_board")
def partner_organisations(session: Session, as_of: dt.date | None = None) -> dict[int, dict[str, Any]]:
    """Organisations the library is in partnership with, by organisation id.

    An organisation counts as a partner when

    * a staff member, or the library itself, holds a relation of kind ``"partner"`` with it; or
    * it takes part in a registered partnership (``lib.db.Partnership``) that is under way: its
      stage is not ``"idea"`` and it has not ended (``closed``).

    This is the only place that rule lives.

    Parameters
    ----------
    session : Session
        An open database session.
    as_of : date, optional
        Count only the partner relations that existed on that date (see :func:`relation_start`), and
        the partnerships under way then: started by that date (its start date, else the day it was
        recorded) and not ended before it (``ended_on`` after it; a closed partnership without an
        end date counts as ended). A partnership's stage is only known as it is now, so one that is
        an idea today is not counted for any date.

    Returns
    -------
    dict
        ``{organisation_id: {"holders": frozenset of staff node ids, "since": date | None,
        "last_contact": date | None, "owner": staff node id | None, "relation_ids": tuple,
        "partnership_ids": tuple, "stage": str | None, "stages": tuple}}``.
        ``holders`` are the staff members holding a partner relation, owning a partnership or
        logging a contact with it; ``owner`` is the holder with the most recent contact.
        ``since`` is the earliest start of a partner relation or partnership, ``last_contact`` the
        most recent contact of either (relations' last contact, partnerships' contact log).
        ``stages`` are the stages of its partnerships under way, ``stage`` the furthest of them
        (None for a partner by relation only).
    """
    library_org_ids = _library_organisation_ids(session, _library_label(session))
    staff_ids = set(session.scalars(select(Person.id).where(Person.is_staff.is_(True))))
    rows = session.execute(
        select(
            Relation.id,
            Relation.from_person_id,
            Relation.from_organisation_id,
            Relation.to_person_id,
            Relation.to_organisation_id,
            Relation.first_contact,
            Relation.last_contact,
            Relation.created_at,
        )
        .where(Relation.kind == PARTNER_RELATION_KIND)
        .order_by(Relation.id)
    ).all()
    partners: dict[int, dict[str, Any]] = {}
    for row in rows:
        if not _relation_exists(row, as_of):
            continue
        ends = [(row.from_person_id, row.from_organisation_id), (row.to_person_id, row.to_organisation_id)]
        for org_id_end, other in ((ends[0][1], ends[1]), (ends[1][1], ends[0])):
            if org_id_end is None or org_id_end in library_org_ids:
                continue
            other_person, other_org = other
            holder = person_node(other_person) if other_person in staff_ids else None
            if holder is None and other_org not in library_org_ids:
                continue
            entry = partners.setdefault(
                org_id_end,
                {
                    "holders": set(),
                    "since": None,
                    "last_contact": None,
                    "relation_ids": [],
                    "_latest": {},
                },
            )
            if holder is not None:
                entry["holders"].add(holder)
                previous = entry["_latest"].get(holder)
                entry["_latest"][holder] = max(filter(None, (previous, row.last_contact)), default=None)
            start = relation_start(row.first_contact, row.last_contact, row.created_at)
            entry["since"] = _earliest(entry["since"], start)
            entry["last_contact"] = max(filter(None, (entry["last_contact"], row.last_contact)), default=None)
            entry["relation_ids"].append(row.id)
    _add_partnerships(session, partners, staff_ids, library_org_ids, as_of)
    for entry in partners.values():
        latest = entry.pop("_latest")
        # The holder in closest touch speaks for the partnership.
        entry["owner"] = min(latest, key=lambda h: (-(latest[h] or dt.date.min).toordinal(), h), default=None)
        entry["holders"] = frozenset(entry["holders"])
        entry["relation_ids"] = tuple(entry["relation_ids"])
        entry["partnership_ids"] = tuple(entry.get("partnership_ids", ()))
        stages = tuple(sorted(set(entry.get("stages", ())), key=PARTNERSHIP_STAGES.index))
        entry["stages"] = stages
        entry["stage"] = stages[-1] if stages else None
    return partners


def partnership_under_way(row: Any, as_of: dt.date | None = None) -> bool:
    """Whether a partnership (a ``Partnership`` or a row with its columns) is under way on ``as_of``
    (now when None): the one rule of "active" (``lib.reporting.figures``), stated in :func:`partner_organisations`."""
    if row.stage == "idea":
        return False
    if as_of is None:
        return not row.closed
    started = row.start_date or as_date(row.created_at)
    if started is not None and started > as_of:
        return False
    if row.closed:
        return row.ended_on is not None and row.ended_on > as_of
    return True


def _add_partnerships(
    session: Session,
    partners: dict[int, dict[str, Any]],
    staff_ids: set[int],
    library_org_ids: set[int],
    as_of: dt.date | None,
) -> None:
    """Add the organisations of registered partnerships under way to ``partners`` (see above)."""
    rows = session.execute(
        select(
            Partnership.id,
            Partnership.stage,
            Partnership.closed,
            Partnership.ended_on,
            Partnership.start_date,
            Partnership.created_at,
            Partnership.owner_id,
            PartnershipOrganisation.organisation_id,
        )
        .join(PartnershipOrganisation, PartnershipOrganisation.partnership_id == Partnership.id)
        .order_by(Partnership.id, PartnershipOrganisation.organisation_id)
    ).all()
    rows = [row for row in rows if row.organisation_id not in library_org_ids and partnership_under_way(row, as_of)]
    if not rows:
        return
    contacts: dict[int, dict[str | None, dt.date]] = defaultdict(dict)
    log = select(ContactLogEntry.partnership_id, ContactLogEntry.staff_id, ContactLogEntry.contacted_on)
    if as_of is not None:
        log = log.where(ContactLogEntry.contacted_on <= as_of)
    for partnership_id, staff_id, contacted_on in session.execute(log):
        holder = person_node(staff_id) if staff_id in staff_ids else None
        previous = contacts[partnership_id].get(holder)
        contacts[partnership_id][holder] = max(filter(None, (previous, contacted_on)))
    for row in rows:
        entry = partners.setdefault(
            row.organisation_id,
            {
                "holders": set(),
                "since": None,
                "last_contact": None,
                "relation_ids": [],
                "_latest": {},
            },
        )
        entry.setdefault("partnership_ids", []).append(row.id)
        entry.setdefault("stages", []).append(row.stage)
        entry["since"] = _earliest(entry["since"], row.start_date or as_date(row.created_at))
        logged = contacts.get(row.id, {})
        owner = person_node(row.owner_id) if row.owner_id in staff_ids else None
        holders = {h for h in logged if h is not None} | ({owner} if owner else set())
        for holder in holders:
            entry["holders"].add(holder)
            previous = entry["_latest"].get(holder)
            entry["_latest"][holder] = max(filter(None, (previous, logged.get(holder))), default=None)
        newest = max(logged.values(), default=None)
        entry["last_contact"] = max(filter(None, (entry["last_contact"], newest)), default=None)
