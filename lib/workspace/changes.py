"""A page's change or file, made in one transaction inside lib: pages pass the work, never a session.

:func:`run_change` runs a change (a lib function of a session) in one write transaction and turns a
database failure into :class:`ChangeNotSaved` (nothing was saved; the cause stays chained for the
log). :func:`export_file` makes a file with personal data and logs its export in the same transaction,
so a file that leaves is always in the event log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import Database
from lib.workspace import events as eventlog

T = TypeVar("T")

#: How many people a file names: a number known beforehand, or counted in the file's transaction;
#: None when the function making the file logs the export itself (a person's data, the event log).
People = int | Callable[[Session], int] | None


class ChangeNotSaved(RuntimeError):
    """The database refused a change (e.g. a colleague stored the same e-mail a moment earlier):
    nothing was saved. The database's own error is the ``__cause__``, for the log only."""


@requires("edit")
def run_change(db: Database, work: Callable[[Session], T]) -> T:
    """``work`` in one write transaction; raises :class:`ChangeNotSaved` when the database fails.

    What ``work`` may do is checked by the lib functions it calls (each declares its permission);
    a :class:`lib.core.errors.UserFacingError` passes through unchanged."""
    try:
        with db.write() as session:
            return work(session)
    except SQLAlchemyError as error:
        raise ChangeNotSaved(type(error).__name__) from error


@requires("edit")
def export_file(
    db: Database,
    make: Callable[[Session], bytes],
    *,
    kind: str,
    people: People,
    details: Mapping[str, Any] | None = None,
) -> bytes:
    """The file ``make`` builds, its export of ``kind`` logged with ``people`` and ``details`` in the
    same transaction (``people`` None: ``make`` must have logged it, else nothing is handed out)."""
    with db.write() as session:
        data = make(session)
        if people is None:
            if not eventlog.export_logged(session, kind):
                raise RuntimeError(f"the {kind} export was not logged by the function that made it")
        else:
            count = people(session) if callable(people) else people
            eventlog.log_export(session, kind, people=count, **dict(details or {}))
        return data


__all__ = ["ChangeNotSaved", "People", "export_file", "run_change"]
