"""Import batches shared by both importers: looking one up for undo, and storing one safely.

Both the contact-list importer (:mod:`lib.ingest.contact_lists`) and the planning-table importer
(:mod:`lib.ingest.planning_tables`) record what they stored as an import batch; what they share
lives here, so neither imports the other to reach it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import CursorResult, Result, Table
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import UndoNotPossible, UserFacingError
from lib.db import Base, ImportBatch

log = logging.getLogger(__name__)


@contextmanager
def storage_errors_as_refusal(what: str) -> Iterator[None]:
    """Turn a database error while storing an import into ``limits.storage_failed`` for the user.

    The database's own message may quote the rows' values (a key that already exists, say), and an
    uncaught error ends up in the server log with its whole text: so only the kind of error and
    the database's error code are logged, and the user is told that nothing was stored (the write
    transaction was rolled back).
    """
    try:
        yield
    except SQLAlchemyError as error:
        original = getattr(error, "orig", None)
        code = getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", None) or ""
        log.error(
            "%s could not be stored: %s %s %s",
            what,
            type(error).__name__,
            type(original).__name__ if original is not None else "",
            code,
        )
        raise UserFacingError("limits.storage_failed") from None


@requires("import")
def committed_batch(session: Session, batch_id: int) -> ImportBatch:
    """Import batch ``batch_id``, which must exist and not be undone already (else UndoNotPossible)."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise UndoNotPossible("undo.no_such_batch", batch=batch_id)
    if batch.status != "committed":
        raise UndoNotPossible("undo.already_undone", batch=batch_id)
    return batch


def _table_of(model: type[Base]) -> Table:
    """The table a model of :mod:`lib.db` is mapped to (each is mapped to exactly one ``Table``)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


def _rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE matched (0 when the driver does not say)."""
    return max(result.rowcount, 0) if isinstance(result, CursorResult) else 0
