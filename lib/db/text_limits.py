"""How much text each stored column holds, read from the schema in ``lib.db``.

A ``String(n)`` column holds at most ``n`` characters on PostgreSQL (a longer value fails the whole
transaction) and anything on SQLite; ``Text`` columns have no limit in the database, and the product
holds them to :data:`LONG_TEXT_LIMIT` (a note of a few pages; a cell of megabytes is a mistake or an
attack, and every page that shows the record would carry it). Everything that stores text
from outside (the imports, the forms) checks it here first, so that an over-long value is a problem
the user is told about, the same on both databases, and never a database error. The numbers are
never copied: change the schema and every check follows.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import String

#: The most characters a ``Text`` column (notes, descriptions, agreement texts) takes from outside.
LONG_TEXT_LIMIT = 20_000


@cache
def max_length(model: type, column: str) -> int | None:
    """The most characters ``model.column`` holds: its ``String(n)``, :data:`LONG_TEXT_LIMIT` for
    ``Text``, None for anything else (JSON, numbers, dates)."""
    column_type = model.__table__.c[column].type  # type: ignore[attr-defined]
    if isinstance(column_type, String):  # Text is a String without a length
        return column_type.length or LONG_TEXT_LIMIT
    return None


def too_long(model: type, column: str, value: Any) -> int | None:
    """The limit of ``model.column`` when ``value`` is text longer than it holds, else None."""
    if isinstance(value, str):
        limit = max_length(model, column)
        if limit is not None and len(value) > limit:
            return limit
    return None
