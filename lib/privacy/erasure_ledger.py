"""The erasure ledger: erasure markers kept where restoring a backup cannot lose them.

A backup taken before someone was erased on request still holds them. Restoring it replaces the whole
workspace, the ``erasure_markers`` table included, so without this module the person would be back,
with nothing to say they had asked to be erased. The ledger keeps a copy of every marker *beside*
the workspace, out of reach of restore, and :func:`reapply` erases them again after a restore.

What it holds is what the markers hold and nothing more: the one-way HMAC of each e-mail
(``lib.privacy.personal_data.email_hash``) and the day, plus the random HMAC key(s) the markers were made
with. Never a name, never an e-mail. The key must be kept: an older backup may have no key (taken
before the first erasure) or another one (another workspace's file), and a marker only matches under
its own key. After a restore the workspace knows every key of the ledger (``erasure_key`` stays the
key for new markers; the others are kept in ``erasure_keys_other``, and imports check them all).

Where it lives:

* SQLite: a small file next to the workspace file, ``<workspace file>.erasures.sqlite`` (mode 0600,
  made on the first erasure). ``lib.reporting.backup`` copies and restores only the workspace file.
* PostgreSQL (and any other server database): the tables ``erasure_ledger`` and
  ``erasure_ledger_keys`` in the workspace's own database, made here with ``CREATE TABLE IF NOT
  EXISTS`` on the first erasure (not by Alembic: they are no part of the workspace's schema).
  ``lib.reporting.backup`` leaves them out of ``pg_dump``, and restore drops only the workspace's own tables.

When it is written:

* Every erasure (``lib.privacy.personal_data.erase_people``: one person, several, the retention list, the
  command line, and restore's own re-erasure) records its markers before its transaction commits.
  On PostgreSQL that is the same transaction: both happen or neither. On SQLite the ledger is
  another file and is written first: a ledger that cannot be written raises
  :class:`LedgerUnavailable`, the erasure's transaction rolls back, and nothing is erased (the user
  is told; an erasure is never done without its ledger entry). If the erasure itself rolls back
  afterwards, its ledger entries are removed again. Only a crash between the two commits leaves an
  entry for an erasure that did not happen; a later restore then erases that person, whom an
  administrator did ask to erase, and says so.
* Just before a restore, :func:`remember_workspace` copies the live workspace's markers and key into
  the ledger, so erasures made before the ledger existed survive the restore too.

After a restore, :func:`reapply` takes every ledger marker the restored workspace does not hold
(markers it does hold were known when the backup was made: anyone matching them was added again on
purpose, with consent, and stays), writes those markers into it, erases every person whose e-mail
matches one of them, and logs ``erasures_reapplied`` with the counts. Running it again changes nothing.

Losing the ledger itself (the disk or server holding the workspace is lost) loses the erasures made
after the newest backup; see ``docs`` on keeping backups short-lived.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateTable

from lib.core.access import requires
from lib.core.errors import UserFacingError
from lib.db import (
    BUSY_TIMEOUT_SECONDS,
    LEDGER_TABLES,
    WRITE_LOCK_KEY,
    ErasureMarker,
    Person,
    engine_url,
    log_event,
    open_database,
    utcnow,
)

_LOG = logging.getLogger(__name__)

#: The ending of the SQLite ledger file, after the workspace file's own name.
SIDECAR_SUFFIX = ".erasures.sqlite"
#: session.info: the id of this transaction's SQLite ledger entries, removed again on rollback.
_TOKEN = "erasure_ledger_token"
_LISTENING = "erasure_ledger_listening"

# Not lib.db.Base: these tables are no part of the workspace's schema (Alembic, backups).
_metadata = MetaData()
_markers = Table(
    "erasure_ledger",
    _metadata,
    Column("email_hash", String(64), primary_key=True),
    Column("erased_on", Date, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Column("txn", String(32)),
)
_keys = Table(
    "erasure_ledger_keys",
    _metadata,
    Column("key_hex", String(64), primary_key=True),
    Column("recorded_at", DateTime, nullable=False),
    Column("txn", String(32)),
)


class LedgerUnavailable(UserFacingError):
    """The ledger could not be written; the erasure was not done."""


@dataclass(frozen=True)
class Ledger:
    """What the ledger holds: the markers' keys (newest first) and the markers (hash → day erased)."""

    keys: list[bytes] = field(default_factory=list)
    markers: dict[str, dt.date] = field(default_factory=dict)


@dataclass(frozen=True)
class Reapplied:
    """What :func:`reapply` did to a restored workspace."""

    #: People of the restored workspace erased again.
    people: int = 0
    #: Markers written into the restored workspace from the ledger.
    markers: int = 0
    #: How the erased data was cleared from the database's files (``ErasureReport.files_cleared``).
    files_cleared: bool | None = None


# --- where the ledger lives ----------------------------------------------------------------------------


def sidecar_path(url: URL) -> Path | None:
    """The ledger file of a SQLite workspace, or None for a database that is not a file."""
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def _private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only, before SQLite opens it (its journal takes the same mode)."""
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(handle)
    os.chmod(path, 0o600)


@contextlib.contextmanager
def _sidecar(path: Path, *, create: bool) -> Iterator[Connection | None]:
    """A transaction on the ledger file (None when it does not exist and ``create`` is false)."""
    if not path.exists():
        if not create:
            yield None
            return
        _private_file(path)
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def _create_tables(connection: Connection) -> None:
    for table in (_markers, _keys):
        connection.execute(CreateTable(table, if_not_exists=True))


def _has_tables(connection: Connection) -> bool:
    return set(LEDGER_TABLES) <= set(inspect(connection).get_table_names())


def _insert_ignoring_known(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    name = connection.dialect.name
    if name == "postgresql":
        connection.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    elif name == "sqlite":
        connection.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)
    else:
        primary = next(iter(table.primary_key.columns))
        known = set(connection.scalars(select(primary)))
        fresh = [row for row in rows if row[primary.name] not in known]
        if fresh:
            connection.execute(table.insert(), fresh)


def _write(connection: Connection, keys: Iterable[bytes], hashes: dict[str, dt.date], txn: str | None) -> None:
    _create_tables(connection)
    now = utcnow()
    _insert_ignoring_known(
        connection, _keys, [{"key_hex": key.hex(), "recorded_at": now, "txn": txn} for key in dict.fromkeys(keys)]
    )
    _insert_ignoring_known(
        connection,
        _markers,
        [{"email_hash": digest, "erased_on": day, "recorded_at": now, "txn": txn} for digest, day in hashes.items()],
    )


def _read(connection: Connection) -> Ledger:
    if not _has_tables(connection):
        return Ledger()
    # The newest key first: a restored workspace without a key of its own takes that one.
    keys = [
        bytes.fromhex(k)
        for k in connection.scalars(select(_keys.c.key_hex).order_by(_keys.c.recorded_at.desc(), _keys.c.key_hex))
    ]
    hashes = {digest: day for digest, day in connection.execute(select(_markers.c.email_hash, _markers.c.erased_on))}
    return Ledger(keys, hashes)


# --- written by every erasure --------------------------------------------------------------------------


@requires("erase")
def record(session: Session, key: bytes, hashes: dict[str, dt.date]) -> None:
    """Keep the markers of an erasure in the ledger, before the erasure's transaction commits.

    Raises :class:`LedgerUnavailable` when the ledger cannot be written; the caller's transaction
    must then roll back (``with db.write()`` does), so the erasure is not done without it.
    """
    if not hashes:
        return
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        # The same transaction as the erasure: both happen or neither.
        _write(session.connection(), [key], hashes, None)
        return
    path = sidecar_path(bind.engine.url)
    if path is None:
        return  # a database in memory: no backup of it can be restored over it
    if not session.info.get(_LISTENING):
        session.info[_LISTENING] = True
        event.listen(session, "after_rollback", _forget_rolled_back)
        event.listen(session, "after_commit", _keep_committed)
    token = session.info.setdefault(_TOKEN, uuid.uuid4().hex)
    try:
        with _sidecar(path, create=True) as connection:
            assert connection is not None
            _write(connection, [key], hashes, token)
    except (OSError, SQLAlchemyError) as error:
        _LOG.exception("the erasure ledger %s could not be written", path)
        raise LedgerUnavailable("erasure_ledger.write_failed") from error


def _keep_committed(session: Session) -> None:
    session.info.pop(_TOKEN, None)


def _forget_rolled_back(session: Session) -> None:
    token = session.info.pop(_TOKEN, None)
    path = sidecar_path(session.get_bind().engine.url)
    if token is None or path is None:
        return
    try:
        with _sidecar(path, create=False) as connection:
            if connection is not None:
                connection.execute(delete(_markers).where(_markers.c.txn == token))
                connection.execute(delete(_keys).where(_keys.c.txn == token))
    except (OSError, SQLAlchemyError):
        # Left behind, the entries only make a later restore erase people an admin asked to erase.
        _LOG.exception("the erasure ledger %s kept entries of an erasure that was rolled back", path)


# --- around a restore ----------------------------------------------------------------------------------


def _write_back(session: Session, ledger: Ledger) -> None:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        _write(session.connection(), ledger.keys, ledger.markers, None)
        return
    path = sidecar_path(bind.engine.url)
    if path is not None:
        with _sidecar(path, create=True) as connection:
            assert connection is not None
            _write(connection, ledger.keys, ledger.markers, None)


@contextlib.contextmanager
def _server_ledger(url: URL, *, write: bool) -> Iterator[Connection]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            if write and connection.dialect.name == "postgresql":
                # The writers' turn (lib.db): an erasure running now writes its entries first.
                connection.execute(text(f"SET LOCAL lock_timeout = '{BUSY_TIMEOUT_SECONDS}s'"))
                connection.execute(text(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"))
            yield connection
    finally:
        engine.dispose()


def read_ledger(db_url: str) -> Ledger:
    """The ledger of the workspace at ``db_url`` (empty when none was written yet)."""
    url = engine_url(db_url)
    if url.get_backend_name() == "sqlite":
        path = sidecar_path(url)
        if path is None:
            return Ledger()
        with _sidecar(path, create=False) as connection:
            return _read(connection) if connection is not None else Ledger()
    with _server_ledger(url, write=False) as connection:
        return _read(connection)


def before_restore(db_url: str) -> Ledger:
    """The ledger to re-apply after restoring over the workspace at ``db_url``, with the live
    workspace's own markers added to it first (:func:`remember_workspace`).

    Raises :class:`LedgerUnavailable` when the ledger cannot be read or written: the restore must
    then not go ahead, since it could not erase again those erased after the backup.
    """
    try:
        remember_workspace(db_url)
        return read_ledger(db_url)
    except (OSError, SQLAlchemyError, ValueError) as error:
        _LOG.exception("the erasure ledger of %s could not be read before a restore", db_url)
        raise LedgerUnavailable("erasure_ledger.unreadable") from error


def _workspace_markers(engine: Engine) -> tuple[list[bytes], dict[str, dt.date]]:
    """The keys and markers a workspace database holds (none when it has no such tables yet)."""
    from lib.privacy.personal_data import KEY_SETTING, OTHER_KEYS_SETTING

    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not {"erasure_markers", "workspace_settings"} <= tables:
            return [], {}
        settings: dict[str, str] = dict(
            connection.execute(
                text('SELECT "key", value FROM workspace_settings WHERE "key" IN (:primary, :others)'),
                {"primary": KEY_SETTING, "others": OTHER_KEYS_SETTING},
            ).all()
        )
        hashes = {
            digest: day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
            for digest, day in connection.execute(text("SELECT email_hash, erased_on FROM erasure_markers"))
        }
    keys = [
        bytes.fromhex(k)
        for k in [settings.get(KEY_SETTING) or "", *(settings.get(OTHER_KEYS_SETTING) or "").split()]
        if k
    ]
    return keys, hashes


def remember_workspace(db_url: str) -> int:
    """Copy the live workspace's markers and keys into its ledger, before a restore replaces them.

    Returns how many markers the workspace held. A workspace that cannot be read (missing, damaged,
    of an older schema) has nothing to add: the ledger keeps what it has.
    """
    url = engine_url(db_url)
    if url.get_backend_name() == "sqlite":
        path = sidecar_path(url)
        if path is None or not Path(url.database or "").exists():
            return 0
    engine = create_engine(url, poolclass=NullPool)
    try:
        keys, hashes = _workspace_markers(engine)
    except (SQLAlchemyError, ValueError):
        _LOG.warning("the workspace's erasure markers could not be read before the restore", exc_info=True)
        return 0
    finally:
        engine.dispose()
    if not hashes:
        return 0
    if url.get_backend_name() == "sqlite":
        assert path is not None
        with _sidecar(path, create=True) as connection:
            assert connection is not None
            _write(connection, keys, hashes, None)
    else:
        with _server_ledger(url, write=True) as connection:
            _write(connection, keys, hashes, None)
    return len(hashes)


def reapply(db_url: str, ledger: Ledger, actor: str | None = None, today: dt.date | None = None) -> Reapplied:
    """Erase again, in the restored workspace at ``db_url``, everyone ``ledger`` says was erased.

    Only ledger markers the workspace does not hold count (see the module notes). Logs
    ``erasures_reapplied`` when it wrote any. Idempotent. Raises :class:`LedgerUnavailable` (the
    restore is done, the erasures are not: restoring again repeats both) when it fails.
    """
    try:
        return _reapply(db_url, ledger, actor, today)
    except (OSError, SQLAlchemyError) as error:
        _LOG.exception("erasures could not be applied again after a restore of %s", db_url)
        raise LedgerUnavailable("erasure_ledger.reapply_failed", count=len(ledger.markers)) from error


def _reapply(db_url: str, ledger: Ledger, actor: str | None, today: dt.date | None) -> Reapplied:
    from lib.privacy import personal_data as pdata

    if not ledger.markers:
        return Reapplied()
    keys = ledger.keys
    db = open_database(db_url, cached=False)
    try:
        with db.write() as session:
            # Written back first: an archive made by other means than lib.reporting.backup might have carried
            # (and so replaced) the ledger's tables.
            _write_back(session, ledger)
            present = set(session.scalars(select(ErasureMarker.email_hash)))
            missing = {digest: day for digest, day in ledger.markers.items() if digest not in present}
            if not missing:
                return Reapplied()
            pdata.adopt_marker_keys(session, keys)
            session.add_all(ErasureMarker(email_hash=digest, erased_on=day) for digest, day in sorted(missing.items()))
            session.flush()
            erased = [
                person_id
                for person_id, email, others in session.execute(
                    select(Person.id, Person.email, Person.other_emails).order_by(Person.id)
                )
                if any(
                    pdata.email_hash(key, address) in missing
                    for key in keys
                    for address in [email, *(others or [])]
                    if address
                )
            ]
            report = pdata.erase_people(session, erased, actor=actor, today=today) if erased else None
            log_event(session, "erasures_reapplied", actor=actor, people=len(erased), markers=len(missing))
    finally:
        db.dispose()
    return Reapplied(
        people=len(erased), markers=len(missing), files_cleared=report.files_cleared if report is not None else None
    )


__all__ = [
    "LEDGER_TABLES",
    "Ledger",
    "LedgerUnavailable",
    "Reapplied",
    "before_restore",
    "read_ledger",
    "reapply",
    "record",
    "remember_workspace",
    "sidecar_path",
]
