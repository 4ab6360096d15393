"""After an erasure commits: what the database's own files still hold of the erased people.

Deleting a row does not remove its bytes from disk, and an erasure should not stop at the rows.

SQLite (WAL mode). Every connection lib.db makes has ``secure_delete`` on, so a deleted row or
the old version of an updated one is overwritten with zeros in its page. But a write goes to the
write-ahead log (``-wal``) first, as whole pages, and the log also holds the earlier versions of
those pages, written by the import or edit that stored the person. The log is copied into the
database file and emptied only at a checkpoint, and while the dashboard keeps connections open
nobody closes the last one, which is when SQLite would otherwise do that. So after the erasure
commits, :func:`clear_sqlite_wal` runs ``PRAGMA wal_checkpoint(TRUNCATE)``: every page goes into the
database file (where the freed space is zeroed) and the log is cut to zero bytes. The shared-memory
index (``-shm``) holds page numbers only. A connection that is in the middle of a read keeps the
older pages alive and the checkpoint cannot finish; it is tried again for a short while, then the
erasure reports ``files_cleared = False`` (the command line and the admin page say so) rather than
pretend: the old pages then stay in the log until a later checkpoint empties it (the next erasure,
or SQLite's own when the last connection closes). Space the file system or the disk itself frees
when the log is cut is not overwritten by SQLite; only an encrypted disk covers that. A workspace file
written before ``secure_delete`` was on may keep older copies in free space until ``VACUUM``.

PostgreSQL. A deleted or updated row stays in the table's files as a dead tuple until VACUUM; plain
VACUUM (run here, on the tables the erasure touched, after the commit, on an autocommit connection
because VACUUM cannot run in a transaction block) removes dead tuples and their index entries and
makes the space reusable, but does not zero it: the bytes remain until new rows overwrite them.
Rows still visible to a transaction older than the erasure cannot be removed yet. ``VACUUM FULL``
rewrites the table into new files, but locks it against every reader while it runs, so it is left
to the database's administrator. Old values also stay in PostgreSQL's WAL segments (and any WAL
archive or replica) until those are recycled.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from lib.core.access import requires

_LOG = logging.getLogger(__name__)

#: How often, and how far apart, a checkpoint blocked by a reader is tried again (about two seconds).
CHECKPOINT_ATTEMPTS = 10
CHECKPOINT_PAUSE_SECONDS = 0.1
#: How long one checkpoint attempt waits for a reader before it gives up (SQLite's busy handler).
CHECKPOINT_WAIT_MS = 100
#: How long VACUUM waits for a table lock (autovacuum working on the same table, say).
VACUUM_LOCK_TIMEOUT = "5s"
#: session.info: the reports and tables of this transaction's erasures, cleaned after the commit.
_PENDING = "erasure_cleanup_pending"
_LISTENING = "erasure_cleanup_listening"


@requires("erase")
def after_commit(session: Session, report: Any, tables: Iterable[str]) -> None:
    """Clear the database's files of ``tables`` once the caller's transaction commits, and set
    ``report.files_cleared`` to the outcome. Nothing happens when it rolls back."""
    pending = session.info.setdefault(_PENDING, {"reports": [], "tables": set()})
    pending["reports"].append(report)
    pending["tables"].update(tables)
    if not session.info.get(_LISTENING):
        session.info[_LISTENING] = True
        event.listen(session, "after_commit", _clean)
        event.listen(session, "after_rollback", _discard)


def _discard(session: Session) -> None:
    session.info.pop(_PENDING, None)


def _clean(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    try:
        cleared = clear_files(engine, sorted(pending["tables"]))
    except Exception:  # noqa: BLE001 - the erasure is committed: a failure here must not look like its failure
        _LOG.exception("the database's files could not be cleared after an erasure")
        cleared = False
    for report in pending["reports"]:
        report.files_cleared = cleared


def clear_files(engine: Engine, tables: list[str]) -> bool | None:
    """Clear what the database's files keep of deleted rows (see the module notes).

    True when done; False when it could not be (reported, never raised: the erasure itself is
    committed); None for a database without files to clear (SQLite in memory, other servers).
    """
    try:
        if engine.dialect.name == "sqlite":
            return clear_sqlite_wal(engine)
        if engine.dialect.name == "postgresql":
            return vacuum_postgresql(engine, tables)
    except (OSError, sqlite3.Error, SQLAlchemyError):
        _LOG.exception("the database's files could not be cleared after an erasure")
        return False
    return None


def clear_sqlite_wal(engine: Engine) -> bool | None:
    """Checkpoint the WAL into the database file and cut it to zero bytes; False if a reader stays in the way."""
    database = engine.url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    wal = path.with_name(path.name + "-wal")
    # A connection of its own: the pool's connections keep their busy timeout of half a minute,
    # which a checkpoint waiting for a reader would otherwise use up.
    connection = sqlite3.connect(path, timeout=CHECKPOINT_WAIT_MS / 1000, isolation_level=None)
    try:
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
        for attempt in range(CHECKPOINT_ATTEMPTS):
            busy, _log_frames, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy == 0 and (not wal.exists() or wal.stat().st_size == 0):
                return True
            if attempt + 1 < CHECKPOINT_ATTEMPTS:
                time.sleep(CHECKPOINT_PAUSE_SECONDS)
    finally:
        connection.close()
    _LOG.warning("the write-ahead log of %s could not be emptied after an erasure: a reader is in the way", path)
    return False


def vacuum_postgresql(engine: Engine, tables: list[str]) -> bool:
    """VACUUM ``tables`` (dead tuples and their index entries removed; space reusable, not zeroed)."""
    if not tables:
        return True
    names = ", ".join('"' + name.replace('"', '""') + '"' for name in tables)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"SET lock_timeout = '{VACUUM_LOCK_TIMEOUT}'")
        # INDEX_CLEANUP ON: with few dead rows PostgreSQL would otherwise leave the index entries.
        connection.exec_driver_sql(f"VACUUM (INDEX_CLEANUP ON) {names}")
        connection.exec_driver_sql("RESET lock_timeout")
    return True


__all__ = ["after_commit", "clear_files", "clear_sqlite_wal", "vacuum_postgresql"]
