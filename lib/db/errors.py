"""Database errors whose text carries no row values, wherever they end up (a log, a traceback).

An error nobody catches is written to the server log with its whole text. SQLAlchemy adds the
statement's values to that text unless the engine hides them (``hide_parameters=True``, set in
``lib.db``), but PostgreSQL puts values in its own message too: a unique violation says
``Key (email)=(anne@example.dk) already exists``, a failed check ``Failing row contains (...)`` with
the whole row. So for PostgreSQL errors both the driver's error and SQLAlchemy's keep only the
primary message (which names constraints, tables and columns, not values) and the SQLSTATE; the
DETAIL and the rest of the diagnostics stay on the driver's error (``.diag``) for code that wants
them. SQLite's messages name constraints and columns only, and are left as they are.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event


def keep_row_values_out_of_errors(engine: Engine) -> None:
    """Make every PostgreSQL error raised through ``engine`` say what failed, never with which values."""

    @event.listens_for(engine, "handle_error")
    def _terse(context: Any) -> None:
        original = context.original_exception
        text = value_free_text(original)
        if text is None:
            return
        # The driver's error is chained to SQLAlchemy's and printed with it in a traceback.
        original.args = (text,)
        wrapped = context.sqlalchemy_exception
        if wrapped is not None and wrapped.args:
            wrapped.args = (f"({type(original).__module__}.{type(original).__name__}) {text}",)


def value_free_text(error: BaseException) -> str | None:
    """A description of a PostgreSQL (psycopg) error without row values; None for other errors.

    The primary message names constraints, tables and columns, except for data exceptions (SQLSTATE
    class 22: "invalid input syntax for type date: ..."), which quote the value: for those only the
    kind of error and the column and type concerned are said.
    """
    diag = getattr(error, "diag", None)
    sqlstate = getattr(diag, "sqlstate", None)
    if diag is None or sqlstate is None:
        return None
    if not sqlstate.startswith("22") and diag.message_primary:
        return f"{diag.message_primary} (SQLSTATE {sqlstate})"
    parts = [f"{type(error).__name__} (SQLSTATE {sqlstate})"]
    where = ".".join(name for name in (diag.table_name, diag.column_name) if name)
    if where:
        parts.append(f"on {where}")
    if diag.datatype_name:
        parts.append(f"type {diag.datatype_name}")
    return ", ".join(parts)
