"""Many rows in and out past SQLAlchemy's per-row machinery: one driver executemany for an insert, and
each column's values converted once per distinct value.

SQLAlchemy converts every value of every row through the column type's processor, one Python call
each; for a 100,000-row import or ten thousand node positions that call dominated the time. Here the
conversion is the same processor (the dialect's own, so PostgreSQL's JSON is encoded by psycopg's
type), run column by column and once per distinct value where equal values are written alike.
Used by the importer (``lib.ingest.state``), the stored layout (``lib.network.layout``) and the
network's reading (``lib.network.load``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from lib.core.access import requires

#: The driver's parameter marker per DB-API paramstyle; a driver of another style goes through SQLAlchemy.
MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}

#: Types whose equal values are written alike (a time zone would make equal datetimes differ).
_REMEMBERED_TYPES = frozenset({str, int, bool, dt.date})


@requires("edit")
def insert_columns(session: Session, table: Table, columns: Mapping[str, Sequence[Any]]) -> None:
    """INSERT the rows given column by column (name → one value per row) with one DBAPI executemany.

    The values go through each column type's own bind processor (JSON, dates, booleans), as
    SQLAlchemy would convert them, but without the per-row statement machinery; working column by
    column keeps the per-row Python work to the columns that need converting, and a value repeated
    down a column (the time of an import, a date) is converted once. None is stored as SQL NULL (also
    for JSON columns). A driver whose paramstyle has no plain marker gets SQLAlchemy's executemany.
    """
    count = len(next(iter(columns.values()), []))
    if not count:
        return
    connection = session.connection()
    dialect = connection.dialect
    marker = MARKERS.get(str(dialect.paramstyle))
    if marker is None:
        rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        session.execute(insert(table), rows)
        return
    # A column every row leaves empty, that the database fills with nothing of its own, is left out:
    # it stores NULL all the same, and each row binds fewer values (a contact list leaves most of a
    # person's columns empty).
    names = [
        name
        for name, values in columns.items()
        if not (table.c[name].nullable and table.c[name].server_default is None and list(values).count(None) == count)
    ] or list(columns)
    bound: list[Sequence[Any]] = []
    for name in names:
        values = list(columns[name])
        # The dialect's own implementation of each type: on PostgreSQL, JSON is only encoded by
        # psycopg's JSON type, not by the generic one (a list would otherwise be sent as an array).
        processor = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        bound.append(converted_once(values, processor) if processor else values)
    quote = dialect.identifier_preparer.quote
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join(marker for _ in names)})"
    )
    connection.exec_driver_sql(statement, list(zip(*bound, strict=True)))


def converted_once(values: Sequence[Any], convert: Callable[[Any], Any]) -> list[Any]:
    """A column's values as ``convert`` makes them (None stays None), each distinct value converted once
    where equal values are converted alike (see :func:`remembering`); any other value each time.

    ``convert`` is a column type's bind processor (values to the driver) or result processor (the
    driver's values back): a column's dates, flags and the time of an import repeat on every row.
    """
    kinds = set(map(type, values))
    kinds.discard(type(None))
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind in _REMEMBERED_TYPES or (
            kind is dt.datetime and not any(value.tzinfo for value in values if value is not None)
        ):
            answers = {value: convert(value) for value in set(values) if value is not None}
            return list(map(answers.get, values))
    remembered = remembering(convert)
    return [None if value is None else remembered(value) for value in values]


def remembering(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``convert``, remembering its answer per value. Only text, numbers, flags, dates and datetimes
    without a time zone are remembered, apart by type (True and 1 are equal but written apart); lists
    (JSON) and anything else are converted each time. Keep it as long as one statement's values."""
    answers: dict[tuple[type, Any], Any] = {}

    def remembered(value: Any) -> Any:
        kind = type(value)
        if kind not in _REMEMBERED_TYPES and not (kind is dt.datetime and value.tzinfo is None):
            return convert(value)
        key = (kind, value)
        if key not in answers:
            answers[key] = convert(value)
        return answers[key]

    return remembered
