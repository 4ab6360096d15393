"""The workspace as the importer sees it: in-memory indexes, pending changes, and applying them.

An import is first worked out entirely in memory against a snapshot of the workspace (the *working
state*), which is what the preview shows; committing applies the same pending changes in one
transaction, with bulk statements, and records each change with its values before, so that the
import can be undone exactly.

New records get negative temporary ids until they are inserted.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from lib.contacts import organisation_duplicates
from lib.core.access import requires
from lib.core.progress import Progress, report_step
from lib.db import (
    Affiliation,
    Base,
    DuplicateCandidate,
    ImportChange,
    Organisation,
    OrganisationAlias,
    Person,
    Relation,
)
from lib.db.bulk import insert_columns
from lib.ingest.batches import _table_of

PERSON_FIELDS = (
    "name",
    "name_key",
    "email",
    "phone",
    "other_emails",
    "other_phones",
    "title",
    "notes",
    "is_staff",
    "source",
    "team",
    "staff_role",
)
ORGANISATION_FIELDS = (
    "name",
    "name_key",
    "org_type",
    "sector",
    "org_type_text",
    "sector_text",
    "website",
    "area",
    "notes",
    "source",
    "email",
    "cvr",
)
AFFILIATION_FIELDS = ("person_id", "organisation_id", "role", "start_date", "end_date")
RELATION_FIELDS = (
    "kind",
    "kind_text",
    "from_person_id",
    "from_organisation_id",
    "to_person_id",
    "to_organisation_id",
    "strength",
    "first_contact",
    "last_contact",
    "owner_id",
    "notes",
    "weight",
)
ALIAS_FIELDS = ("organisation_id", "name", "name_key", "source")
#: ``OrganisationAlias.source`` of a spelling an import file gave (a merge's is "merge").
ALIAS_FROM_IMPORT = "import"
#: ``ImportChange.table_name`` of an alias an import added (recorded as an "insert", since aliases
#: have no batch column): undo removes it again.
ALIAS_TABLE = OrganisationAlias.__tablename__

#: A party of a relation: ("person", id) or ("organisation", id).
Party = tuple[str, int]
RelationKey = tuple[str, int, str, int, str]


@dataclass
class Record:
    """One record in the working state: its current values and whether the import changed it."""

    id: int
    values: dict[str, Any]
    before: dict[str, Any] | None = None  # values before the import, for existing records changed
    is_new: bool = False

    def set(self, name: str, value: Any) -> bool:
        """Set ``name`` to ``value``; True when that changes the record."""
        current = self.values.get(name)
        if current == value:
            return False
        if not self.is_new:
            if self.before is None:
                self.before = {}
            self.before.setdefault(name, current)
        self.values[name] = value
        return True

    @property
    def changed(self) -> bool:
        return self.is_new or bool(self.before)


@dataclass
class ReviewPair:
    """Two people who may be the same, to be decided by a person (never merged silently)."""

    person_a: int
    person_b: int
    rule: str
    score: float


class WorkingState:
    """Indexes over the workspace plus the changes an import wants to make."""

    def __init__(self) -> None:
        self.people: dict[int, Record] = {}
        self.organisations: dict[int, Record] = {}
        self.affiliations: dict[int, Record] = {}
        self.relations: dict[int, Record] = {}
        #: Other spellings of organisations this import adds (an organisation sheet's "aliases").
        self.aliases: list[Record] = []
        self.person_by_email: dict[str, int] = {}
        self.people_by_name: dict[str, list[int]] = {}
        #: People who had no e-mail when indexed; the only ones a row with an e-mail can match by name.
        self.people_without_email_by_name: dict[str, list[int]] = {}
        self.organisation_by_name: dict[str, int] = {}
        #: Other spellings of organisations (kept when two were merged): folded name → organisation id.
        self.organisation_by_alias: dict[str, int] = {}
        #: Organisations by CVR number: a row's CVR number names its organisation, whatever the name.
        self.organisation_by_cvr: dict[str, int] = {}
        self.affiliation_by_pair: dict[tuple[int, int], int] = {}
        self.relation_by_key: dict[RelationKey, int] = {}
        self.organisations_of_person: dict[int, set[int]] = {}
        self.review_pairs: list[ReviewPair] = []
        self._next_temp_id = -1
        #: Folded names of people by their first word, built on first use (:meth:`staff_by_first_name`).
        self._names_by_first_word: dict[str, set[str]] | None = None

    # --- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, session: Session) -> WorkingState:
        """A snapshot of the workspace with the indexes the importer matches against."""
        state = cls()
        for row in session.execute(select(Organisation.id, *[getattr(Organisation, f) for f in ORGANISATION_FIELDS])):
            state._add_organisation(Record(row[0], dict(zip(ORGANISATION_FIELDS, row[1:], strict=True))))
        for alias_key, organisation_id in organisation_duplicates.known_spellings(session):
            # Aliases come after the names: a name of its own always wins over another's old spelling.
            state.organisation_by_alias.setdefault(alias_key, organisation_id)
            state.organisation_by_name.setdefault(alias_key, organisation_id)
        for row in session.execute(select(Person.id, *[getattr(Person, f) for f in PERSON_FIELDS])):
            state._add_person(Record(row[0], dict(zip(PERSON_FIELDS, row[1:], strict=True))))
        for row in session.execute(select(Affiliation.id, *[getattr(Affiliation, f) for f in AFFILIATION_FIELDS])):
            state._add_affiliation(Record(row[0], dict(zip(AFFILIATION_FIELDS, row[1:], strict=True))))
        for row in session.execute(select(Relation.id, *[getattr(Relation, f) for f in RELATION_FIELDS])):
            state._add_relation(Record(row[0], dict(zip(RELATION_FIELDS, row[1:], strict=True))))
        return state

    def organisation_id(self, key: str) -> int | None:
        """The organisation with the folded name ``key``, or with it as another spelling (an alias)."""
        found = self.organisation_by_name.get(key)
        return found if found is not None else self.organisation_by_alias.get(key)

    def _temp_id(self) -> int:
        temp = self._next_temp_id
        self._next_temp_id -= 1
        return temp

    def _add_person(self, record: Record) -> None:
        self.people[record.id] = record
        self.index_person_emails(record)
        self.people_by_name.setdefault(record.values["name_key"], []).append(record.id)
        self.index_first_word(record.values["name_key"])
        if not record.values.get("email"):
            self.people_without_email_by_name.setdefault(record.values["name_key"], []).append(record.id)

    def index_first_word(self, key: str) -> None:
        """Index the folded name ``key`` by its first word, once the index exists (a name given to a person)."""
        if self._names_by_first_word is not None and " " in key:
            self._names_by_first_word.setdefault(key.split(" ", 1)[0], set()).add(key)

    def staff_by_first_name(self, first: str) -> list[int]:
        """The staff members whose name is more than the word ``first`` (a folded key) and begins with it.

        "peter" finds Peter Skov and Peter Lund, not a staff member called just "Peter" (the name
        itself finds them). The index of first words is built at the first call, in one pass over
        the names, and kept up to date as the import names people.
        """
        if self._names_by_first_word is None:
            self._names_by_first_word = {}
            for key in self.people_by_name:
                self.index_first_word(key)
        found: dict[int, None] = {}
        for key in sorted(self._names_by_first_word.get(first, ())):
            for person_id in self.people_by_name.get(key, ()):
                record = self.people.get(person_id)
                if record is not None and record.values.get("is_staff") and record.values.get("name_key") == key:
                    found[person_id] = None
        return list(found)

    def index_person_emails(self, record: Record) -> None:
        for email in [record.values.get("email"), *(record.values.get("other_emails") or [])]:
            if email:
                self.person_by_email.setdefault(email, record.id)

    def _add_organisation(self, record: Record) -> None:
        self.organisations[record.id] = record
        self.organisation_by_name.setdefault(record.values["name_key"], record.id)
        if record.values.get("cvr"):
            self.organisation_by_cvr.setdefault(record.values["cvr"], record.id)

    def _add_affiliation(self, record: Record) -> None:
        self.affiliations[record.id] = record
        pair = (record.values["person_id"], record.values["organisation_id"])
        self.affiliation_by_pair.setdefault(pair, record.id)
        self.organisations_of_person.setdefault(pair[0], set()).add(pair[1])

    def _add_relation(self, record: Record) -> None:
        self.relations[record.id] = record
        self.relation_by_key.setdefault(relation_key(record.values), record.id)

    # --- creating --------------------------------------------------------------------------------

    def new_person(self, values: dict[str, Any]) -> Record:
        record = Record(self._temp_id(), {f: values.get(f) for f in PERSON_FIELDS}, is_new=True)
        record.values["is_staff"] = bool(record.values.get("is_staff"))
        self._add_person(record)
        return record

    def add_new_contact(
        self, values: dict[str, Any], emails: Sequence[str], organisation_ids: Sequence[int], role: str | None
    ) -> tuple[Record, list[Record]]:
        """A new person (``values`` hold exactly :data:`PERSON_FIELDS`, ``is_staff`` a bool; ``emails``
        are its e-mail and other e-mails, in order) affiliated to each of ``organisation_ids`` with
        ``role`` and no dates: what :meth:`new_person` and :meth:`new_affiliation` record, in one call
        (a plain contact row's new person, ``lib.ingest.plain_rows``; a new register has 100,000)."""
        person_id = self._next_temp_id
        person = Record(person_id, values, None, True)
        self.people[person_id] = person
        by_email = self.person_by_email
        for email in emails:
            by_email.setdefault(email, person_id)
        key = values["name_key"]
        self.people_by_name.setdefault(key, []).append(person_id)
        if self._names_by_first_word is not None:
            self.index_first_word(key)
        next_id = person_id - 1
        affiliations = []
        for organisation_id in organisation_ids:
            affiliation = Record(
                next_id,
                {
                    "person_id": person_id,
                    "organisation_id": organisation_id,
                    "role": role,
                    "start_date": None,
                    "end_date": None,
                },
                None,
                True,
            )
            self.affiliations[next_id] = affiliation
            self.affiliation_by_pair.setdefault((person_id, organisation_id), next_id)
            affiliations.append(affiliation)
            next_id -= 1
        if organisation_ids:
            self.organisations_of_person.setdefault(person_id, set()).update(organisation_ids)
        self._next_temp_id = next_id
        return person, affiliations

    def new_organisation(self, values: dict[str, Any]) -> Record:
        record = Record(self._temp_id(), {f: values.get(f) for f in ORGANISATION_FIELDS}, is_new=True)
        self._add_organisation(record)
        return record

    def new_affiliation(self, values: dict[str, Any]) -> Record:
        record = Record(self._temp_id(), {f: values.get(f) for f in AFFILIATION_FIELDS}, is_new=True)
        self._add_affiliation(record)
        return record

    def new_relation(self, values: dict[str, Any]) -> Record:
        record = Record(self._temp_id(), {f: values.get(f) for f in RELATION_FIELDS}, is_new=True)
        self._add_relation(record)
        return record

    def new_alias(self, organisation_id: int, name: str, key: str) -> Record:
        """Another spelling of an organisation, found by later rows as :meth:`load` finds stored ones."""
        record = Record(
            self._temp_id(),
            {"organisation_id": organisation_id, "name": name, "name_key": key, "source": ALIAS_FROM_IMPORT},
            is_new=True,
        )
        self.aliases.append(record)
        self.organisation_by_alias.setdefault(key, organisation_id)
        self.organisation_by_name.setdefault(key, organisation_id)
        return record

    # --- applying --------------------------------------------------------------------------------

    def apply(self, session: Session, batch_id: int, *, progress: Progress | None = None) -> dict[str, dict[str, int]]:
        """Write every pending change in ``session`` and record it under import batch ``batch_id``.

        Inserted records get ``batch_id``; each update is recorded as an ``ImportChange`` with the
        values before it, so that :func:`lib.ingest.contact_lists.undo_import` can restore them.

        Returns how many records of each table were inserted and updated. ``progress`` hears
        ``progress.step.store`` with the tables written (``lib.core.progress``).
        """
        #: Table → temporary id → the id it was stored with.
        real_ids: dict[str, dict[int, int]] = {table: {} for table in ("organisations", "people", "affiliations")}
        changes: list[dict[str, Any]] = []
        summary: dict[str, dict[str, int]] = {}

        def resolve(table: str, temp_or_real: int | None) -> int | None:
            if temp_or_real is None or temp_or_real > 0:
                return temp_or_real
            return real_ids[table][temp_or_real]

        plan: list[tuple[str, type[Base], dict[int, Record], tuple[str, ...], dict[str, str]]] = [
            ("organisations", Organisation, self.organisations, ORGANISATION_FIELDS, {}),
            ("people", Person, self.people, PERSON_FIELDS, {}),
            (
                "affiliations",
                Affiliation,
                self.affiliations,
                AFFILIATION_FIELDS,
                {"person_id": "people", "organisation_id": "organisations"},
            ),
            (
                "relations",
                Relation,
                self.relations,
                RELATION_FIELDS,
                {
                    "from_person_id": "people",
                    "to_person_id": "people",
                    "owner_id": "people",
                    "from_organisation_id": "organisations",
                    "to_organisation_id": "organisations",
                },
            ),
        ]
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        steps = len(plan) + 1  # the four tables, then the aliases, the change log and the review pairs
        for step, (table, model, records, fields, references) in enumerate(plan):
            report_step(progress, "progress.step.store", step, steps, "tables")
            new = [r for r in records.values() if r.is_new]
            changed = [r for r in records.values() if not r.is_new and r.before]
            if new:
                columns = _new_columns(new, fields)
                for column, target in references.items():
                    ids = real_ids[target]
                    columns[column] = [v if v is None or v > 0 else ids[v] for v in columns[column]]
                columns["batch_id"] = [batch_id] * len(new)
                if hasattr(model, "created_at"):
                    columns["created_at"] = columns["updated_at"] = [now] * len(new)
                inserted_ids = _insert_with_ids(session, _table_of(model), columns)
                # New records carry the batch in their batch_id column: that is what undo removes,
                # so they need no change rows of their own (a large import would write 100,000s).
                if table in real_ids:
                    real_ids[table] = dict(zip([record.id for record in new], inserted_ids, strict=True))
            updates = []
            for record in changed:
                row: dict[str, Any] = {"id": record.id}
                for name in record.before or {}:
                    value = record.values[name]
                    if name in references:
                        value = resolve(references[name], value)
                    row[name] = value
                if hasattr(model, "updated_at"):
                    row["updated_at"] = now
                updates.append(row)
                changes.append(
                    {
                        "batch_id": batch_id,
                        "table_name": table,
                        "record_id": record.id,
                        "action": "update",
                        "before": jsonable(record.before or {}),
                    }
                )
            for row in updates:
                # Rows differ in which columns they set, so each is its own UPDATE by primary key.
                session.execute(
                    update(model)
                    .where(_table_of(model).c.id == row["id"])
                    .values(**{k: v for k, v in row.items() if k != "id"})
                )
            summary[table] = {"inserted": len(new), "updated": len(changed)}
        report_step(progress, "progress.step.store", len(plan), steps, "tables")
        if self.aliases:
            rows = [
                {
                    **{f: alias.values[f] for f in ALIAS_FIELDS},
                    "organisation_id": resolve("organisations", alias.values["organisation_id"]),
                    "created_at": now,
                }
                for alias in self.aliases
            ]
            for alias_id in _insert_with_ids(session, _table_of(OrganisationAlias), _columns_of(rows)):
                changes.append(
                    {
                        "batch_id": batch_id,
                        "table_name": ALIAS_TABLE,
                        "record_id": alias_id,
                        "action": "insert",
                        "before": None,
                    }
                )
            summary[ALIAS_TABLE] = {"inserted": len(rows), "updated": 0}
        bulk_execute(session, _table_of(ImportChange), changes)
        pairs = []
        for pair in self.review_pairs:
            a, b = resolve("people", pair.person_a), resolve("people", pair.person_b)
            if a is not None and b is not None and a != b:
                pairs.append(
                    {
                        "person_a_id": a,
                        "person_b_id": b,
                        "rule": pair.rule,
                        "score": pair.score,
                        "status": "open",
                        "batch_id": batch_id,
                        "created_at": now,
                    }
                )
        if pairs:
            session.execute(insert(_table_of(DuplicateCandidate)), pairs)
        report_step(progress, "progress.step.store", steps, steps, "tables")
        return summary


_VALUES = operator.attrgetter("values")


def _new_columns(new: list[Record], fields: tuple[str, ...]) -> dict[str, list[Any]]:
    """The new records' values column by column (``fields`` in order; one value per record).

    A record whose values hold other names than ``fields`` (none does today) puts its names in too,
    empty for the records without them, as one INSERT needs the same columns on every row."""
    if set(map(len, map(_VALUES, new))) != {len(fields)}:
        return _uneven_columns(new)
    take = operator.itemgetter(*fields)
    try:
        values = list(map(take, map(_VALUES, new)))
    except KeyError:
        return _uneven_columns(new)
    if len(fields) == 1:
        return {fields[0]: list(values)}
    return {name: list(column) for name, column in zip(fields, zip(*values, strict=True), strict=True)}


def _uneven_columns(new: list[Record]) -> dict[str, list[Any]]:
    names = list(dict.fromkeys(name for record in new for name in record.values))
    return {name: [record.values.get(name) for record in new] for name in names}


def _columns_of(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Rows that all set the same names, column by column."""
    names = list(rows[0])
    return {name: [row[name] for row in rows] for name in names}


def _insert_with_ids(session: Session, table: Table, columns: dict[str, list[Any]]) -> list[int]:
    """Insert the rows given column by column with one executemany and return their new ids, in order.

    The ids are reserved first (SQLite: above the current maximum, safe because writes hold the
    database lock from BEGIN IMMEDIATE; PostgreSQL: from the table's sequence). Asking the database
    to return ids in parameter order instead makes SQLAlchemy insert row by row on SQLite, which is
    many times slower for a large contact list.
    """
    count = len(next(iter(columns.values())))
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        start = (session.scalar(select(func.max(table.c.id))) or 0) + 1
        ids = list(range(start, start + count))
    elif dialect == "postgresql":
        sequence = session.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name})
        ids = list(session.scalars(text("SELECT nextval(:s) FROM generate_series(1, :n)"), {"s": sequence, "n": count}))
    else:
        rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        return list(session.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))
    insert_columns(session, table, {**columns, "id": ids})
    return ids


@requires("edit")
def bulk_execute(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` into ``table`` with one DBAPI executemany (see :func:`lib.db.bulk.insert_columns`)."""
    if not rows:
        return
    names = list(rows[0])
    if any(len(row) != len(names) for row in rows):
        # Rows that do not all set the same columns: the general (slower) path.
        session.execute(insert(table), rows)
        return
    insert_columns(session, table, _columns_of(rows))


def relation_key(values: dict[str, Any]) -> RelationKey:
    """What makes two relations the same tie: both ends and the kind."""
    source = (
        ("person", values["from_person_id"])
        if values.get("from_person_id") is not None
        else ("organisation", values["from_organisation_id"])
    )
    target = (
        ("person", values["to_person_id"])
        if values.get("to_person_id") is not None
        else ("organisation", values["to_organisation_id"])
    )
    return (source[0], source[1], target[0], target[1], values.get("kind") or "knows")


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with dates as ISO text, so they fit a JSON column and can be restored."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, dt.datetime):
            result[name] = {"datetime": value.isoformat()}
        elif isinstance(value, dt.date):
            result[name] = {"date": value.isoformat()}
        else:
            result[name] = value
    return result


def from_jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`jsonable`."""
    result: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, dict) and set(value) == {"date"}:
            result[name] = dt.date.fromisoformat(value["date"])
        elif isinstance(value, dict) and set(value) == {"datetime"}:
            result[name] = dt.datetime.fromisoformat(value["datetime"])
        else:
            result[name] = value
    return result
