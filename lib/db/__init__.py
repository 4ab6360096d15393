"""The one module that owns the database.

Everything the product stores is declared here as SQLAlchemy tables, and every connection is made
here. SQLite is the default (a file next to the app, no set-up); any SQLAlchemy URL, PostgreSQL in
particular, works through the ``DATABASE_URL`` setting (see ``lib.core.config``).

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

import datetime as dt
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    URL,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    make_url,
    select,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    sessionmaker,
)

from lib.core.access import Principal, require, requires
from lib.core.config import database_url
from lib.db.errors import keep_row_values_out_of_errors

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Organisation(Base):
    __tablename__ = "organisations"
    __table_args__ = (Index("uq_organisations_cvr", "cvr", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    #: Folded name used to recognise the same organisation written differently.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    org_type: Mapped[str | None] = mapped_column(String(40))
    sector: Mapped[str | None] = mapped_column(String(20))
    #: The type and sector as a file wrote them when no code fits ("bydelsnetværk"): kept, never
    #: thrown away, until someone chooses a type for the word (``lib.core.vocabulary``).
    org_type_text: Mapped[str | None] = mapped_column(String(100))
    sector_text: Mapped[str | None] = mapped_column(String(100))
    website: Mapped[str | None] = mapped_column(String(500))
    #: The organisation's general mailbox (info@, kontakt@ …): a mailbox is not a person.
    email: Mapped[str | None] = mapped_column(String(320))
    #: The Danish company register number (CVR, eight digits): where a file gives one, it is the
    #: organisation's identity, whatever the name is spelled.
    cvr: Mapped[str | None] = mapped_column(String(8))
    area: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    affiliations: Mapped[list[Affiliation]] = relationship(back_populates="organisation")


class OrganisationAlias(Base):
    """Another spelling of an organisation ("Århus kommune" for "Aarhus Kommune"), kept when two
    records are merged, so a later import of that spelling lands on the organisation that was kept."""

    __tablename__ = "organisation_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    #: Folded like ``Organisation.name_key``; one spelling belongs to one organisation.
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    #: How the alias came about: "merge", "import" or "manual".
    source: Mapped[str] = mapped_column(String(20), default="merge")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Person(Base):
    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint(
            "staff_role IS NULL OR staff_role IN ('network_lead', 'partnership_owner', 'staff')",
            name="person_staff_role",
        ),
        CheckConstraint(
            "informed_how IS NULL OR informed_how IN ('email', 'letter', 'in_person', 'agreement', 'other')",
            name="person_informed_how",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    #: Lower-cased; the same e-mail in any case is the same person.
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    #: Further e-mails and phone numbers found for the same person (a cell with "a; b" is split).
    other_emails: Mapped[list[Any] | None] = mapped_column(JSON)
    other_phones: Mapped[list[Any] | None] = mapped_column(JSON)
    title: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    #: For staff: network lead, partnership owner or staff (see STAFF_ROLES); None for contacts.
    staff_role: Mapped[str | None] = mapped_column(String(30))
    #: For staff: the team or department they belong to.
    team: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(300))
    #: Why the library holds this person's data and on what lawful basis (GDPR), e.g.
    #: "Samarbejdspartner – legitim interesse"; see ``lib.privacy.personal_data``.
    purpose: Mapped[str | None] = mapped_column(Text)
    #: When and how the person was told that the library holds their data (GDPR art. 14: contacts
    #: taken from staff's lists); None while they have not been. ``informed_how`` is one of
    #: ``lib.privacy.informing.HOW_CODES``; see ``lib.privacy.informing``.
    informed_on: Mapped[dt.date | None] = mapped_column(Date)
    informed_how: Mapped[str | None] = mapped_column(String(20))
    informed_note: Mapped[str | None] = mapped_column(String(500))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    affiliations: Mapped[list[Affiliation]] = relationship(back_populates="person")


class Affiliation(Base):
    """A person works at (or belongs to) an organisation, optionally from/to a date."""

    __tablename__ = "affiliations"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    role: Mapped[str | None] = mapped_column(String(300))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))

    person: Mapped[Person] = relationship(back_populates="affiliations")
    organisation: Mapped[Organisation] = relationship(back_populates="affiliations")


class Relation(Base):
    """A tie between two parties; each end is either a person or an organisation."""

    __tablename__ = "relations"
    __table_args__ = (
        CheckConstraint("(from_person_id IS NULL) <> (from_organisation_id IS NULL)", name="relation_one_source"),
        CheckConstraint("(to_person_id IS NULL) <> (to_organisation_id IS NULL)", name="relation_one_target"),
        CheckConstraint("strength IS NULL OR (strength BETWEEN 1 AND 5)", name="relation_strength_1_5"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default="knows")
    from_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    from_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    to_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    to_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    strength: Mapped[int | None] = mapped_column(Integer)
    #: The tie's weight as a network file gives it (Gephi's ``Weight``, Kumu's ``Strength``), any
    #: positive number; ``strength`` holds it too where it is a whole number from 1 to 5.
    weight: Mapped[float | None] = mapped_column(Float)
    #: The kind as a file wrote it when no code fits; ``kind`` is then "other".
    kind_text: Mapped[str | None] = mapped_column(String(100))
    first_contact: Mapped[dt.date | None] = mapped_column(Date)
    last_contact: Mapped[dt.date | None] = mapped_column(Date)
    #: The staff member who holds this tie for the library.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ImportBatch(Base):
    """One committed import: which files and sheets, when, by whom, the counts and mappings used."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str | None] = mapped_column(String(320))
    file_name: Mapped[str] = mapped_column(String(500))
    sheet_name: Mapped[str | None] = mapped_column(String(500))
    #: inserted / updated / unchanged / rejected / skipped / rows, overall and per sheet.
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: The column mapping used for each sheet: {"file › sheet": {column: field}}.
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="committed")
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    changes: Mapped[list[ImportChange]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", order_by="ImportChange.id"
    )


class ImportChange(Base):
    """What one import did to one record, with the values before it, so the import can be undone."""

    __tablename__ = "import_changes"
    __table_args__ = (Index("ix_import_changes_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))  # insert | update
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    batch: Mapped[ImportBatch] = relationship(back_populates="changes")


class VocabularyMapping(Base):
    """A word a file used for a type, sector or kind of relation, and the code a person chose for it,
    remembered like a column mapping so the next file with that word needs no choosing."""

    __tablename__ = "vocabulary_mappings"
    __table_args__ = (
        UniqueConstraint("vocabulary", "word_key", name="vocabulary_mapping_word"),
        CheckConstraint("vocabulary IN ('org_type', 'sector', 'relation_kind')", name="vocabulary_mapping_vocabulary"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Which vocabulary: "org_type", "sector" or "relation_kind".
    vocabulary: Mapped[str] = mapped_column(String(20))
    #: The word folded (``lib.core.vocabulary.fold``).
    word_key: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    times_used: Mapped[int] = mapped_column(Integer, default=1)


class SavedMapping(Base):
    """A column mapping the user confirmed, remembered for the next file with the same columns."""

    __tablename__ = "saved_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    signature: Mapped[str] = mapped_column(String(64), unique=True)
    columns: Mapped[list[Any]] = mapped_column(JSON)
    role: Mapped[str] = mapped_column(String(40))
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    times_used: Mapped[int] = mapped_column(Integer, default=1)


class DuplicateCandidate(Base):
    """Two people who may be the same, waiting for a person to decide. Never merged silently."""

    __tablename__ = "duplicate_candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_a_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    person_b_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(40))
    score: Mapped[float] = mapped_column(default=0.0)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | merged | dismissed
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Event(Base):
    """The event log: who did what to which record, and when."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str | None] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class WorkspaceSetting(Base):
    """Small key/value settings of the workspace (library name, demo flag)."""

    __tablename__ = "workspace_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


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
_READ_ONLY = "read_only"
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
    def write(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all.

        The transaction first takes the database's write turn (SQLite: ``BEGIN IMMEDIATE``;
        PostgreSQL: the writers' advisory lock) so that a read-then-write cannot be overtaken by
        another writer between its read and its write.
        """
        if self.principal is not None:
            require(self.principal, "edit")
        with self._session() as session:
            session.connection(execution_options={"write": True})
            try:
                yield session
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


# --- schema versions -------------------------------------------------------------------------------


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def head_revision() -> str | None:
    """The newest schema version this version of the product knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest), keeping all data."""
    from alembic import command

    # A current schema needs no write turn: a dashboard starting during a long import must not
    # wait for the import to finish.
    if revision == "head" and schema_version(engine) == head_revision():
        return
    config = _alembic_config(engine)
    # A write transaction: two processes opening a new database at once take turns instead of both
    # creating the tables (PostgreSQL's DDL is transactional; the second one finds nothing to do).
    with (
        engine.connect().execution_options(write=True) as connection,
        _foreign_keys_deferred_on_sqlite(connection),
        connection.begin(),
    ):
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        _refuse_broken_references(connection)


@contextmanager
def _foreign_keys_deferred_on_sqlite(connection: Any) -> Iterator[None]:
    """Switch SQLite's foreign-key actions off while the schema changes.

    SQLite changes a table's constraints by copying it into a new table and dropping the old one.
    With foreign keys on, dropping ``people`` runs every ``ON DELETE CASCADE`` and ``SET NULL`` that
    points at it: an upgrade would silently delete every affiliation and tie. The pragma only takes
    effect outside a transaction, so it is set on the driver's connection before the upgrade begins,
    and set back afterwards for the pool.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.dbapi_connection
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def _refuse_broken_references(connection: Any) -> None:
    """Roll the upgrade back if it left a reference to a row that does not exist (SQLite only: with
    the foreign-key actions off, SQLite would not notice by itself)."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"schema upgrade left {len(broken)} broken references, e.g. {tuple(broken[0])}")


def schema_version(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# --- small shared helpers --------------------------------------------------------------------------


@requires("edit")
def log_event(
    session: Session,
    action: str,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    actor: str | None = None,
    **details: Any,
) -> Event:
    """Record what happened in the event log (inside the caller's transaction)."""
    record = Event(
        action=action,
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        details=json.loads(json.dumps(details, default=str)),
    )
    session.add(record)
    return record


@requires("view_board")
def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(WorkspaceSetting, key)
    return row.value if row is not None else default


@requires("edit")
def set_setting(session: Session, key: str, value: str | None) -> None:
    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        row.value = value


@requires("view_board")
def workspace_counts(session: Session) -> dict[str, int]:
    """How many people, organisations, relations and import batches the workspace holds."""
    return {
        "people": session.scalar(select(func.count(Person.id))) or 0,
        "staff": session.scalar(select(func.count(Person.id)).where(Person.is_staff.is_(True))) or 0,
        "organisations": session.scalar(select(func.count(Organisation.id))) or 0,
        "affiliations": session.scalar(select(func.count(Affiliation.id))) or 0,
        "relations": session.scalar(select(func.count(Relation.id))) or 0,
        "batches": session.scalar(select(func.count(ImportBatch.id)).where(ImportBatch.status == "committed")) or 0,
    }


def record_to_dict(record: Base) -> dict[str, Any]:
    """The column values of ``record`` as plain JSON-friendly values (dates as ISO text)."""
    values: dict[str, Any] = {}
    for column in record.__table__.columns:
        value = getattr(record, column.key)
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        values[column.key] = value
    return values


TABLES_BY_NAME: dict[str, type[Base]] = {
    "people": Person,
    "organisations": Organisation,
    "affiliations": Affiliation,
    "relations": Relation,
}


class NodePosition(Base):
    """Where a node of the network graph was drawn, so the picture stays still between visits.

    ``node_key`` is the graph's node id ("L", "P12", "O7"); ``view`` names the drawing ("whole",
    "organisations" …). Rows of nodes that have since disappeared are kept on purpose: a contact who
    is filtered out, or removed and imported again, comes back where it was.
    """

    __tablename__ = "node_positions"
    __table_args__ = (Index("ux_node_positions_view_node_key", "view", "node_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    view: Mapped[str] = mapped_column(String(100))
    node_key: Mapped[str] = mapped_column(String(100))
    x: Mapped[float] = mapped_column()
    y: Mapped[float] = mapped_column()
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# --- strategy: goals, partnerships, agreements, assessments, evaluations (issue 4) ------------------

#: The lifecycle of a partnership: an idea, then the four stages of the partnering cycle. A
#: partnership that has ended keeps its last stage and has ``closed`` set (with ``ended_on``).
PARTNERSHIP_STAGES = (
    "idea",
    "scoping_building",
    "managing_maintaining",
    "reviewing_revising",
    "sustaining_ending",
)
#: The depth ladder, shallow to deep.
PARTNERSHIP_DEPTHS = ("networking", "coordinating", "cooperating", "collaborating")
#: How formal the collaboration is, least to most.
FORMALISATIONS = ("informal", "oral", "written", "contract")
CONTACT_CHANNELS = ("meeting", "phone", "email", "event", "other")
#: What was decided about a prospective partner.
DECISIONS = ("decline", "explore", "go_ahead")
RESPONDENT_SIDES = ("library", "partner")


def _one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    check = f"{column} IN ({listed})"
    return f"{column} IS NULL OR {check}" if nullable else check


def _between(column: str, low: int, high: int) -> str:
    return f"{column} IS NULL OR ({column} BETWEEN {low} AND {high})"


class Goal(Base):
    """A goal of the library with a measurable target: from ``baseline`` (at ``baseline_date``)
    to ``target`` (by ``target_date``). A target below the baseline is a goal to reduce something."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    theme: Mapped[str | None] = mapped_column(String(200))
    #: The staff member responsible for the goal.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    #: What is counted, e.g. "deltagere pr. år".
    unit: Mapped[str | None] = mapped_column(String(100))
    baseline: Mapped[float] = mapped_column()
    target: Mapped[float] = mapped_column()
    baseline_date: Mapped[dt.date] = mapped_column(Date)
    target_date: Mapped[dt.date] = mapped_column(Date)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class GoalMeasurement(Base):
    """One measured value of a goal's indicator on a date."""

    __tablename__ = "goal_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    measured_on: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    #: Where the figure comes from (a report, a count, a file).
    source: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Partnership(Base):
    """A collaboration of the library with one or more organisations, through its lifecycle."""

    __tablename__ = "partnerships"
    __table_args__ = (
        CheckConstraint(_one_of("stage", PARTNERSHIP_STAGES), name="partnership_stage"),
        CheckConstraint(_one_of("depth", PARTNERSHIP_DEPTHS, nullable=True), name="partnership_depth"),
        CheckConstraint(_one_of("formalisation", FORMALISATIONS, nullable=True), name="partnership_formalisation"),
        CheckConstraint("contact_rhythm_days IS NULL OR contact_rhythm_days > 0", name="partnership_contact_rhythm"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    #: The partnership owner: the staff member who keeps it going.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    stage: Mapped[str] = mapped_column(String(30), default="idea")
    #: True once the partnership has ended (whatever its last stage was).
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    depth: Mapped[str | None] = mapped_column(String(20))
    formalisation: Mapped[str | None] = mapped_column(String(20))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    library_resources: Mapped[str | None] = mapped_column(Text)
    partner_resources: Mapped[str | None] = mapped_column(Text)
    #: How often the owner means to be in touch with the partner, in days.
    contact_rhythm_days: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class PartnershipOrganisation(Base):
    """An organisation taking part in a partnership (a partnership may have several)."""

    __tablename__ = "partnership_organisations"
    __table_args__ = (Index("ux_partnership_organisations_pair", "partnership_id", "organisation_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)


class PartnershipGoal(Base):
    """A goal of the library that a partnership serves."""

    __tablename__ = "partnership_goals"
    __table_args__ = (Index("ux_partnership_goals_pair", "partnership_id", "goal_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"))
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)


class Agreement(Base):
    """The written collaboration agreement (samarbejdsaftale) of a partnership: at most one each.

    Its start and end date and what each party contributes are the partnership's own
    (``Partnership.start_date``, ``end_date``, ``library_resources``, ``partner_resources``), stored
    once there (migration 0009); ``lib.planning.partnerships.agreement_values`` reads the whole agreement.
    """

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), unique=True)
    parties: Mapped[str | None] = mapped_column(Text)
    purpose: Mapped[str | None] = mapped_column(Text)
    target_group: Mapped[str | None] = mapped_column(Text)
    roles: Mapped[str | None] = mapped_column(Text)
    contact_persons: Mapped[str | None] = mapped_column(Text)
    communication: Mapped[str | None] = mapped_column(Text)
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    economy: Mapped[str | None] = mapped_column(Text)
    rights_branding: Mapped[str | None] = mapped_column(Text)
    evaluation_method: Mapped[str | None] = mapped_column(Text)
    #: How the agreement ends: notice period and terms.
    termination: Mapped[str | None] = mapped_column(Text)
    #: The day it was signed: an agreement with this date is a written agreement on record.
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    #: Where the signed document is kept (a file name, a case number, a link).
    document_ref: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ContactLogEntry(Base):
    """One contact with the partner: a meeting, a call, an e-mail, an event."""

    __tablename__ = "contact_log"
    __table_args__ = (CheckConstraint(_one_of("channel", CONTACT_CHANNELS), name="contact_log_channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), index=True)
    contacted_on: Mapped[dt.date] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    channel: Mapped[str] = mapped_column(String(20), default="meeting")
    note: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Assessment(Base):
    """A dated assessment of a (prospective) partner organisation on the common criteria.

    ``scores`` is ``{criterion: 1-5 or None}`` (None: "don't know"), ``weights`` ``{criterion:
    weight}`` (missing: 1), ``goal_fit`` ``{goal id as text: 0-3}``.
    """

    __tablename__ = "assessments"
    __table_args__ = (
        CheckConstraint(_between("influence", 1, 5), name="assessment_influence_1_5"),
        CheckConstraint(_between("interest", 1, 5), name="assessment_interest_1_5"),
        CheckConstraint(_between("value", 1, 5), name="assessment_value_1_5"),
        CheckConstraint(_between("effort", 1, 5), name="assessment_effort_1_5"),
        CheckConstraint(_one_of("decision", DECISIONS, nullable=True), name="assessment_decision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    weights: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    goal_fit: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    contribution_to_us: Mapped[str | None] = mapped_column(Text)
    contribution_from_us: Mapped[str | None] = mapped_column(Text)
    risks: Mapped[str | None] = mapped_column(Text)
    influence: Mapped[int | None] = mapped_column(Integer)
    interest: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[int | None] = mapped_column(Integer)
    effort: Mapped[int | None] = mapped_column(Integer)
    decision: Mapped[str | None] = mapped_column(String(20))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class EvaluationRound(Base):
    """One evaluation of a partnership: both sides answer the same items on the same occasion."""

    __tablename__ = "evaluation_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(String(300))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EvaluationResponse(Base):
    """One respondent's answers in a round: ``answers`` is ``{item code: 1-5}``.

    ``respondent`` is a label ("Bibliotek 1", a role); no personal data is needed.
    """

    __tablename__ = "evaluation_responses"
    __table_args__ = (CheckConstraint(_one_of("respondent_side", RESPONDENT_SIDES), name="evaluation_response_side"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("evaluation_rounds.id", ondelete="CASCADE"), index=True)
    respondent_side: Mapped[str] = mapped_column(String(10))
    respondent: Mapped[str | None] = mapped_column(String(200))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reflections: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# --- the library's own side: organisation, strengths, checklist (schema 0005) ------------------------

#: What a staff member does in partnership work (domain notes: "Who uses it").
STAFF_ROLES = ("network_lead", "partnership_owner", "staff")
#: What the library can offer, by kind (the strengths profile, "Vis, hvem du er!").
OFFER_CATEGORIES = ("rooms", "outreach_events", "target_groups", "expertise", "network", "digital", "reputation")
#: The eight headings of the checklist "Byg partnerskaber!", in the checklist's order.
CHECKLIST_HEADINGS = (
    "professionalise",
    "be_strategic",
    "nurture_network",
    "prepare_organisation",
    "focus_library",
    "choose_partners",
    "show_who_you_are",
    "support_partnership",
)


class CompetenceAssessment(Base):
    """A staff member's dated self-assessment of their partnership competences: ``scores`` is
    ``{item code: 1-5}`` (items in ``lib.library.staff``), with the development needs they see."""

    __tablename__ = "competence_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    development_needs: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StrengthOffer(Base):
    """One thing the library (a team of it) can offer partners, for the strengths profile.

    ``partner_types`` lists the organisation types (codes of ``lib.core.vocabulary.ORGANISATION_TYPES``)
    the offer speaks to; ``updated_on`` is when someone last checked that the offer still holds.
    """

    __tablename__ = "strength_offers"
    __table_args__ = (CheckConstraint(_one_of("category", OFFER_CATEGORIES), name="strength_offer_category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    contact_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    partner_types: Mapped[list[Any] | None] = mapped_column(JSON)
    updated_on: Mapped[dt.date] = mapped_column(Date)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ChecklistAssessment(Base):
    """The library's dated self-assessment over the eight checklist headings: ``scores`` is
    ``{heading: 1-5}`` and ``notes`` ``{heading: text}`` (headings in :data:`CHECKLIST_HEADINGS`)."""

    __tablename__ = "checklist_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    assessor_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    notes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# --- personal data (schema 0006) -------------------------------------------------------------------


#: The erasure ledger's tables (:mod:`lib.privacy.erasure_ledger`): no part of the schema Alembic keeps,
#: left out of migrations and PostgreSQL dumps.
LEDGER_TABLES = ("erasure_ledger", "erasure_ledger_keys")


class ErasureMarker(Base):
    """A trace of a person erased on request (GDPR): a one-way hash of one e-mail they had.

    ``email_hash`` is an HMAC-SHA256 of the e-mail under a random key of the workspace (see
    ``lib.privacy.personal_data``), so the e-mail cannot be read back, yet an import can recognise it and
    skip the row instead of bringing the person back.
    """

    __tablename__ = "erasure_markers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_hash: Mapped[str] = mapped_column(String(64), unique=True)
    erased_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
