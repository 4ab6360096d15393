"""How much text each stored column holds, read from the schema in ``lib.storage``.

A ``String(n)`` column holds at most ``n`` characters on PostgreSQL (a longer value fails the whole
transaction) and anything on SQLite; ``Text`` columns have no limit. Everything that stores text
from outside (the imports, the forms) checks it here first, so that an over-long value is a problem
the user is told about, the same on both databases, and never a database error. The numbers are
never copied: change the schema and every check follows.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import String


@cache
def max_length(model: type, column: str) -> int | None:
    """The most characters ``model.column`` holds, or None when it has no limit (``Text``, JSON)."""
    column_type = model.__table__.c[column].type  # type: ignore[attr-defined]
    return column_type.length if isinstance(column_type, String) else None


def too_long(model: type, column: str, value: Any) -> int | None:
    """The limit of ``model.column`` when ``value`` is text longer than it holds, else None."""
    if isinstance(value, str):
        limit = max_length(model, column)
        if limit is not None and len(value) > limit:
            return limit
    return None
