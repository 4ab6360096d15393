"""Connections to the database: engines, sessions and the rules every read and write follows.

Every connection is made here. SQLite is the default (a file next to the app, no set-up); any
SQLAlchemy URL, PostgreSQL in particular, works through the ``DATABASE_URL`` setting (see
``lib.core.config``).

Several users (sessions of one dashboard, several dashboard processes, the command line) may write
at the same time. Every write goes through :meth:`Database.write`, and write transactions take turns:

* SQLite is opened in WAL mode with foreign keys on and a busy timeout, and write transactions start
  with ``BEGIN IMMEDIATE``: a read-then-write transaction that only took its write lock at the first
  write could otherwise fail under concurrent use ("database is locked").
* PostgreSQL runs at its default isolation (READ COMMITTED), and a write transaction first takes one
  transaction-scoped advisory lock (``pg_advisory_xact_lock``), the same for every writer. That is
  the PostgreSQL counterpart of ``BEGIN IMMEDIATE``: writers wait for each other, so everything a
  writer reads after the lock is the last committed state and no other write can slip in before its
  own write (no lost updates), while readers never wait. SERIALIZABLE with retries would let writers
  overlap, but a retry has to run the caller's block again, which a ``with db.write()`` block cannot
  do; the writes of this product are few and short (even a large import holds the turn for seconds
  only), so taking turns costs little. The lock is released at commit or rollback, and by the server when a client
  dies. Waiting for it is bounded like SQLite's busy timeout (``lock_timeout``).

Both also hold for schema upgrades: two processes starting on a new database take turns, and the
second finds the schema already current.

The schema carries a version (Alembic, ``lib/db/migrations``); :func:`open_database` upgrades an older
database in place before anything else touches it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from lib.core.access import Principal, require
from lib.core.config import database_url
from lib.db.errors import keep_row_values_out_of_errors
from lib.db.revision import READ_ONLY_INFO, renew_revision
from lib.db.schema import upgrade_schema

# --- engine and sessions ---------------------------------------------------------------------------


#: How long a writer waits for another writer to finish before it gives up with an error.
BUSY_TIMEOUT_SECONDS = 30
#: The key of the advisory lock that PostgreSQL writers take turns on (any fixed 64-bit number; this
#: one spells "PRADAR" so that it is recognisable in ``pg_locks``).
WRITE_LOCK_KEY = 0x5052_4144_4152


def _use_wal(cursor: Any) -> None:
    """Put the database file in WAL mode (a property of the file: only its first connection switches).

    The switch needs the file to itself for a moment, and SQLite answers "database is locked" at once,
    without waiting out the busy timeout, when another process opens the same new file at that
    moment (two dashboard processes starting together). So ask again until the timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
        # Deleted rows and the old versions of updated ones are overwritten with zeros, not left
        # readable in free space: whichever connection rewrites a person's row (an edit, a merge,
        # an erasure) must not leave a copy behind (lib.privacy.erasure_cleanup).
        cursor.execute("PRAGMA secure_delete=ON")
        if engine.url.database not in (None, "", ":memory:"):
            _use_wal(cursor)
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        writing = options.get("write", False)
        # query_only belongs to the connection, not the transaction: it stays on until _on_checkin.
        if options.get("read_only", False):
            connection.exec_driver_sql("PRAGMA query_only=ON")
            connection.info[_QUERY_ONLY] = True
        elif connection.info.pop(_QUERY_ONLY, False):
            connection.exec_driver_sql("PRAGMA query_only=OFF")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        # A pooled connection must not stay read-only for whoever checks it out next.
        if dbapi_connection is not None and record.info.pop(_QUERY_ONLY, False):
            dbapi_connection.execute("PRAGMA query_only=OFF")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # See the module docstring: writers take turns on one advisory lock, held until the
        # transaction ends. SET LOCAL keeps the timeout to this transaction.
        if connection.get_execution_options().get("write", False):
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_TIMEOUT_SECONDS}s'")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        elif connection.get_execution_options().get("read_only", False):
            # Ends with the transaction, so the pooled connection needs no reset.
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")


#: ``Session.info`` key of the sessions made by :meth:`Database.read`.
_READ_ONLY = READ_ONLY_INFO
#: Connection-record ``info`` key: this SQLite connection has ``PRAGMA query_only`` switched on.
_QUERY_ONLY = "query_only"


class ReadOnlySession(RuntimeError):
    """Something tried to change the workspace through a session of :meth:`Database.read`.

    Always a mistake in the code (a change belongs in ``Database.write()``), so it is not worded
    for users; nothing was changed.
    """


def _refuse_in_read_session(session: Session, what: str) -> None:
    if session.info.get(_READ_ONLY):
        raise ReadOnlySession(f"{what} in a read session: use Database.write()")


@event.listens_for(Session, "before_flush")
def _no_flush_when_reading(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.deleted or any(session.is_modified(record) for record in session.dirty):
        _refuse_in_read_session(session, "a change")


@event.listens_for(Session, "do_orm_execute")
def _no_dml_when_reading(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _refuse_in_read_session(state.session, "an INSERT, UPDATE or DELETE")


@event.listens_for(Session, "before_commit")
def _no_commit_when_reading(session: Session) -> None:
    _refuse_in_read_session(session, "a commit")


class Database:
    """A connected, upgraded database: an engine plus the sessions made from it."""

    def __init__(
        self,
        url: str,
        engine: Engine,
        *,
        principal: Principal | None = None,
        sessions: sessionmaker[Session] | None = None,
    ) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessions or sessionmaker(engine, expire_on_commit=False)
        #: Who uses the database through this object (None: the local admin, e.g. the command line).
        self.principal = principal

    def acting_as(self, principal: Principal) -> Database:
        """The same database used by ``principal``: each session carries who acts
        (``session.info["principal"]``, read by ``lib.core.access.principal_of``), and a write is refused
        unless their role may edit. Sharing the engine, it costs nothing to make one per request."""
        return Database(self.url, self.engine, principal=principal, sessions=self._sessions)

    def _session(self) -> Session:
        session = self._sessions()
        if self.principal is not None:
            session.info["principal"] = self.principal
        return session

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only, whoever the principal is (admins too).

        A change in it (an added, changed or deleted object, an INSERT, UPDATE or DELETE, a commit)
        raises :class:`ReadOnlySession`, and the transaction itself is read-only in the database
        (SQLite ``PRAGMA query_only``, PostgreSQL ``SET TRANSACTION READ ONLY``), which also stops
        raw SQL. Writing needs :meth:`write`, which checks the role.

        Closing (rather than rolling back) keeps the loaded objects readable after the block.
        """
        with self._session() as session:
            session.info[_READ_ONLY] = True
            session.connection(execution_options={"read_only": True})
            yield session

    @contextmanager
    def write(self, *, renew: bool = True) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all.

        The transaction first takes the database's write turn (SQLite: ``BEGIN IMMEDIATE``;
        PostgreSQL: the writers' advisory lock) so that a read-then-write cannot be overtaken by
        another writer between its read and its write.

        ``renew=False`` keeps the data revision (``lib.db.revision``): only for writes that store
        what was worked out from the data and change nothing it means (where the network map's
        nodes were drawn), so everything kept for the data stays valid.
        """
        if self.principal is not None:
            require(self.principal, "edit")
        with self._session() as session:
            session.connection(execution_options={"write": True})
            try:
                yield session
                if renew:
                    renew_revision(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def engine_url(url: str) -> URL:
    """``url`` as SQLAlchemy should connect to it.

    A plain ``postgresql://`` (or Heroku-style ``postgres://``) URL would make SQLAlchemy look for
    psycopg2; the driver this product installs is psycopg 3.
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _create_private_file(path: Path) -> None:
    """Create a new workspace file readable by its owner only (0600; a new folder 0700) before SQLite
    does: it holds personal data, and SQLite gives its -wal and -shm files the same mode. An existing
    file or folder keeps the mode it has."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:  # also when another process created it a moment ago
        pass


def _make_engine(url: str) -> Engine:
    # An error's text would otherwise quote the statement's values (rows of personal data), and an
    # uncaught error's text ends up in the server log.
    kwargs: dict[str, Any] = {"future": True, "hide_parameters": True}
    if url.startswith("sqlite"):
        parsed = make_url(url)
        path = parsed.database or ""
        if path and path != ":memory:" and "uri" not in parsed.query:  # a file: URI is SQLite's to open
            _create_private_file(Path(path))
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(engine_url(url), **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
        keep_row_values_out_of_errors(engine)
    return engine


_open_lock = threading.Lock()
_open: dict[str, Database] = {}


def open_database(url: str | None = None, *, cached: bool = True) -> Database:
    """Connect to the database at ``url`` (default: the configured one) and upgrade its schema.

    With ``cached`` the same :class:`Database` is returned for the same URL within the process, so
    every page and request shares one connection pool.
    """
    resolved = database_url(url)
    with _open_lock:
        if cached and resolved in _open:
            return _open[resolved]
        engine = _make_engine(resolved)
        upgrade_schema(engine)
        database = Database(resolved, engine)
        if cached:
            _open[resolved] = database
        return database


def forget_database(url: str | None = None) -> None:
    """Close a cached database (tests, restore)."""
    resolved = database_url(url)
    with _open_lock:
        database = _open.pop(resolved, None)
    if database is not None:
        database.dispose()
