"""The declarative base every table derives from, and small helpers of the table definitions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CursorResult, Result
from sqlalchemy.orm import DeclarativeBase


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def record_to_dict(record: Base) -> dict[str, Any]:
    """The column values of ``record`` as plain JSON-friendly values (dates as ISO text)."""
    values: dict[str, Any] = {}
    for column in record.__table__.columns:
        value = getattr(record, column.key)
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        values[column.key] = value
    return values


def one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    check = f"{column} IN ({listed})"
    return f"{column} IS NULL OR {check}" if nullable else check


def between(column: str, low: int, high: int) -> str:
    return f"{column} IS NULL OR ({column} BETWEEN {low} AND {high})"


def rows_changed(result: Result[Any]) -> int:
    """How many rows a DELETE or UPDATE changed. ``Session.execute`` is typed as returning a plain
    ``Result``; for such a statement it is a ``CursorResult``, which knows the count."""
    return (result.rowcount or 0) if isinstance(result, CursorResult) else 0
