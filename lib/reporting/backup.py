"""Backing up the workspace database and restoring it, also while the dashboard runs.

``backup(db_url, out_path)`` writes one file:

* SQLite: a copy made with SQLite's online backup API, which reads a consistent state even while
  other connections write (WAL mode). The copy is an ordinary, self-contained SQLite file (rollback
  journal, no ``-wal`` file next to it), so it can also be opened directly.
* PostgreSQL: ``pg_dump -Fc`` (custom format), which dumps one snapshot of the database.

``restore(db_url, in_path)`` puts such a file back, replacing everything in the workspace:

* The file is checked first, and a file that is not a backup of this product (not SQLite / not a
  ``pg_dump`` archive, damaged, without the product's tables and schema version, or made by a
  newer version of the product, or for the other kind of database) is refused with a message for
  the user; the database is not touched.
* SQLite: the file is checked and read as a private copy (the user's file is never opened for
  writing), then the online backup API copies it in, in the other direction: one write transaction
  on the live file that waits for the writers of the running app (busy timeout) and that they then
  wait for.
* PostgreSQL: ``pg_restore --clean --if-exists`` turns the archive into SQL, which ``psql`` runs as
  one transaction together with dropping the product's tables first (a backup from an older schema
  lacks newer tables, which would otherwise survive the restore). It takes the writers' advisory
  lock (``lib.db.WRITE_LOCK_KEY``), so it waits for a running import and the app's writers wait
  for it. If anything fails, the transaction rolls back and the workspace is as it was.

A backup keeps the schema version it was made with. Restoring an older one brings back that older
schema, and the restore then upgrades it like any older database (``lib.db.open_database``),
so the running app finds the schema it expects.

A backup made before someone was erased on request still holds them. The erasure ledger
(``lib.privacy.erasure_ledger``) is kept out of every backup and out of reach of restore (SQLite: a file
beside the workspace file, which is never copied; PostgreSQL: two tables that ``pg_dump`` leaves out
and restore does not drop). Restore reads it before anything is replaced (and adds the live
workspace's markers to it), and afterwards erases again everyone erased after the backup was made;
:class:`BackupInfo` says how many.

The PostgreSQL tools (``pg_dump``, ``pg_restore``, ``psql``) are taken from ``PATH``, else from
``/usr/lib/postgresql/<newest>/bin`` (Debian). No secret is ever put on their command line, where
every user of the machine can read it (``ps``): the password travels in ``PGPASSWORD`` (also when
``DATABASE_URL`` carries it as ``?password=``), other secret parameters (``sslpassword``) in a
private connection service file that is deleted when the tool is done.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL

from lib.core.config import database_url
from lib.core.errors import UserFacingError
from lib.core.progress import Progress, ProgressStep, report_step
from lib.db import (
    BUSY_TIMEOUT_SECONDS,
    MIGRATIONS_DIR,
    WRITE_LOCK_KEY,
    Base,
    engine_url,
    forget_database,
    open_database,
)
from lib.privacy import erasure_ledger

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
#: Tables every backup of the product has, whatever its schema version.
CORE_TABLES = ("alembic_version", "people", "organisations", "relations", "import_batches")
#: How long pg_dump, pg_restore or psql may take before the backup or restore is given up.
TOOL_TIMEOUT_SECONDS = 3600


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds: the kind of database and the schema version it was made with."""

    kind: str  # "sqlite" | "postgresql"
    schema_version: str
    path: Path
    size_bytes: int
    #: Restore only: people erased again because they were erased after the backup was made.
    erased_again: int = 0
    #: Restore only: erasure markers written back into the restored workspace from the ledger.
    markers_restored: int = 0
    #: Restore only: whether the database's files were cleared after erasing again (see ErasureReport).
    files_cleared: bool | None = None


class BackupRefused(UserFacingError):
    """A backup or restore that was not done; the database is unchanged."""


# --- shared ------------------------------------------------------------------------------------------


def _kind(url: URL) -> str:
    name = url.get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise BackupRefused("backup.unsupported_database", backend=name)
    return name


def known_revisions() -> set[str]:
    """The schema versions this version of the product knows (its Alembic revisions)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def _check_revision(revision: str | None, file_name: str, *, known: bool) -> str:
    if not revision:
        raise BackupRefused("backup.not_a_backup", file=file_name)
    if known and revision not in known_revisions():
        raise BackupRefused("backup.newer_version", file=file_name, version=revision)
    return revision


@contextlib.contextmanager
def _write_atomically(out_path: Path) -> Iterator[Path]:
    """A temporary path next to ``out_path``, moved onto it only when the block succeeds.

    A backup that fails half-way (disk full, server gone) never leaves a truncated file under the
    name of a good backup, nor replaces the previous backup of that name.
    """
    out_path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".partial", dir=out_path.parent)
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        os.replace(partial, out_path)
    finally:
        partial.unlink(missing_ok=True)


def _after_restore(url: str, ledger: erasure_ledger.Ledger, actor: str | None) -> erasure_ledger.Reapplied:
    # This process's cached engine may hold connections and pages of the replaced database; open it
    # afresh, which also upgrades a backup made with an older schema.
    forget_database(url)
    open_database(url, cached=False).dispose()
    return erasure_ledger.reapply(url, ledger, actor)


def _file_head(path: Path, size: int = 16) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as error:
        raise BackupRefused("backup.cannot_read", file=str(path)) from error


# --- SQLite --------------------------------------------------------------------------------------------


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        raise BackupRefused("backup.unsupported_database", backend="sqlite (in memory)")
    return Path(url.database)


@contextlib.contextmanager
def _private_copy(in_path: Path) -> Iterator[Path]:
    """A copy of the backup file (with its ``-wal`` file, if someone copied a live workspace) in a
    temporary folder: checking and reading it may then create SQLite's side files and replay the
    WAL without touching the user's file."""
    with tempfile.TemporaryDirectory(prefix="partnerskabsradar-restore-") as folder:
        copy = Path(folder) / "backup.sqlite"
        try:
            shutil.copyfile(in_path, copy)
            wal = in_path.with_name(in_path.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        except OSError as error:
            raise BackupRefused("backup.cannot_read", file=str(in_path)) from error
        yield copy


def _sqlite_revision(path: Path, *, name: str | None = None, known: bool = True) -> str:
    """The schema version of a SQLite backup file, after checking that it is one and is intact
    (and, with ``known``, that this version of the product can restore it). ``name`` is the file's
    name for messages, when ``path`` is a private copy."""
    name = name or path.name
    if _file_head(path) != SQLITE_MAGIC:
        if _file_head(path, len(PG_DUMP_MAGIC)) == PG_DUMP_MAGIC:
            raise BackupRefused("backup.wrong_kind", file=name, kind="PostgreSQL", database="SQLite")
        raise BackupRefused("backup.not_a_backup", file=name)
    try:
        connection = sqlite3.connect(path)
        try:
            if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise BackupRefused("backup.damaged", file=name)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not set(CORE_TABLES) <= tables:
                raise BackupRefused("backup.not_a_backup", file=name)
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupRefused("backup.damaged", file=name) from error
    return _check_revision(row[0] if row else None, name, known=known)


#: Pages the SQLite backup copies per step when someone listens to its progress (16 MB of 4 KiB pages);
#: without a listener it copies all in one step, as before.
BACKUP_STEP_PAGES = 4096


def _sqlite_backup(path: Path, out_path: Path, progress: Progress | None = None) -> None:
    if not path.exists():
        raise BackupRefused("backup.no_database", database=str(path))
    if out_path.resolve() == path.resolve():
        # The finished copy would be moved onto the live file, under the running app's feet.
        raise BackupRefused("backup.same_file", file=out_path.name)
    source = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        with _write_atomically(out_path) as partial:
            target = sqlite3.connect(partial)
            try:
                if progress is None:
                    source.backup(target)
                else:

                    def copied(_status: int, remaining: int, total: int) -> None:
                        progress(ProgressStep("progress.step.backup_copy", total - remaining, total, "pages"))

                    source.backup(target, pages=BACKUP_STEP_PAGES, progress=copied)
                # The copy carries the live file's WAL mode; a backup should be one file.
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
    finally:
        source.close()


def _sqlite_restore(path: Path, in_path: Path) -> None:
    """Copy the checked backup ``in_path`` (a private copy, see :func:`_private_copy`) into ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(in_path)
    try:
        target = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            # One write transaction on the live file: readers of the running app see either the old
            # or the restored workspace, never a mixture; writers wait (busy timeout).
            # (The live file stays in WAL mode; a new one becomes WAL when lib.db opens it.)
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


# --- PostgreSQL ----------------------------------------------------------------------------------------


def postgres_tool(name: str) -> str:
    """The path of a PostgreSQL client program: on PATH, else in the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found

    def version(path: str) -> int:
        folder = Path(path).parent.parent.name
        return int(folder) if folder.isdigit() else 0

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    if not candidates:
        raise BackupRefused("backup.tool_missing", tool=name)
    return candidates[-1]


def _conninfo_value(value: object) -> str:
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


#: libpq connection parameters that are secrets: never on a command line.
SECRET_PARAMETERS = frozenset({"password", "sslpassword"})
#: The section of the private service file that carries secrets libpq takes from no environment variable.
_SERVICE = "partnerskabsradar"


@contextlib.contextmanager
def _libpq(url: URL) -> Iterator[tuple[str, dict[str, str]]]:
    """A libpq connection string for ``url`` with no secret in it, and the environment with them.

    The password (from the URL's user part or a ``?password=`` parameter) goes in ``PGPASSWORD``;
    other secrets (``?sslpassword=``, for which libpq reads no environment variable) go in a service
    file only this user can read (``PGSERVICEFILE``), removed when the block ends.
    """
    parts: dict[str, object] = {"dbname": url.database, "host": url.host, "port": url.port, "user": url.username}
    hidden: dict[str, str] = {"password": str(url.password)} if url.password else {}
    for key, value in url.query.items():
        # e.g. ?host=/var/run/postgresql or ?sslmode=require: libpq takes the same names.
        chosen = value[-1] if isinstance(value, tuple) else value
        if key in SECRET_PARAMETERS:
            hidden[key] = str(chosen)
        else:
            parts[key] = chosen
    env = {**os.environ}
    password = hidden.pop("password", None)
    if password:
        env["PGPASSWORD"] = password
    with contextlib.ExitStack() as stack:
        if hidden:
            if parts.get("service"):
                raise BackupRefused("backup.secret_with_service", parameters=", ".join(sorted(hidden)))
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="partnerskabsradar-pg-")))
            service_file = folder / "pg_service.conf"
            handle = os.open(service_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as written:
                written.write(f"[{_SERVICE}]\n" + "".join(f"{key}={value}\n" for key, value in hidden.items()))
            env["PGSERVICEFILE"] = str(service_file)
            parts["service"] = _SERVICE
        conninfo = " ".join(
            f"{key}={_conninfo_value(value)}" for key, value in parts.items() if value not in (None, "")
        )
        yield conninfo, env


def _run(command: list[str], env: dict[str, str], failure_key: str) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=TOOL_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupRefused(failure_key, detail=str(error)) from error
    if done.returncode != 0:
        detail = next((line for line in reversed(done.stderr.splitlines()) if line.strip()), "")
        raise BackupRefused(failure_key, detail=detail)
    return done


def _pg_backup(url: URL, out_path: Path) -> None:
    # The erasure ledger stays out: restoring the backup must not replace it with an older one.
    excluded = [f"--exclude-table=public.{name}" for name in erasure_ledger.LEDGER_TABLES]
    with _libpq(url) as (conninfo, env), _write_atomically(out_path) as partial:
        _run(
            [
                postgres_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *excluded,
                f"--file={partial}",
                f"--dbname={conninfo}",
            ],
            env,
            "backup.failed",
        )


def _pg_revision(in_path: Path, *, known: bool = True) -> str:
    """The schema version of a pg_dump archive, after checking that it is a backup of this product
    (and, with ``known``, that this version of the product can restore it)."""
    head = _file_head(in_path, len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        raise BackupRefused("backup.wrong_kind", file=in_path.name, kind="SQLite", database="PostgreSQL")
    if not head.startswith(PG_DUMP_MAGIC):
        raise BackupRefused("backup.not_a_backup", file=in_path.name)
    pg_restore, env = postgres_tool("pg_restore"), {**os.environ}
    try:
        listing = _run([pg_restore, "--list", str(in_path)], env, "backup.damaged")
        data = _run(
            [pg_restore, "--data-only", "--table=alembic_version", "--file=-", str(in_path)], env, "backup.damaged"
        )
    except BackupRefused as error:
        raise BackupRefused("backup.damaged", file=in_path.name) from error
    tables = set()
    for line in listing.stdout.splitlines():
        # "3345; 0 16390 TABLE DATA public people owner": schema and name follow "TABLE DATA".
        words = line.split()
        for index in range(len(words) - 3):
            if words[index] == "TABLE" and words[index + 1] == "DATA":
                tables.add(words[index + 3])
                break
    if not set(CORE_TABLES) <= tables:
        raise BackupRefused("backup.not_a_backup", file=in_path.name)
    # The data of alembic_version as pg_restore prints it: "COPY ... FROM stdin;", the rows, "\.".
    lines = data.stdout.splitlines()
    revision = None
    for index, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and index + 1 < len(lines):
            revision = lines[index + 1].strip() if lines[index + 1].strip() != "\\." else None
            break
    return _check_revision(revision, in_path.name, known=known)


def _pg_restore(url: URL, in_path: Path) -> None:
    with _libpq(url) as (conninfo, env), tempfile.TemporaryDirectory(prefix="partnerskabsradar-restore-") as folder:
        script = Path(folder) / "restore.sql"
        _run(
            [
                postgres_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                f"--file={script}",
                str(in_path),
            ],
            env,
            "backup.restore_failed",
        )
        # The workspace's own tables only: never the erasure ledger's.
        tables = [*(table.name for table in reversed(Base.metadata.sorted_tables)), "alembic_version"]
        prelude = Path(folder) / "prelude.sql"
        prelude.write_text(
            f"SET lock_timeout = '{BUSY_TIMEOUT_SECONDS}s';\n"
            f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY});\n"
            + "".join(f'DROP TABLE IF EXISTS public."{name}" CASCADE;\n' for name in tables),
            encoding="utf-8",
        )
        # One transaction for the prelude and the whole script: ON_ERROR_STOP makes psql stop at the
        # first error, and --single-transaction then rolls everything back.
        _run(
            [
                postgres_tool("psql"),
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                f"--file={prelude}",
                f"--file={script}",
                f"--dbname={conninfo}",
            ],
            env,
            "backup.restore_failed",
        )


# --- the two operations ---------------------------------------------------------------------------------


def backup(db_url: str | None, out_path: str | os.PathLike[str], *, progress: Progress | None = None) -> BackupInfo:
    """Write a backup of the database at ``db_url`` (default: the configured one) to ``out_path``.

    ``progress`` hears ``progress.step.backup_copy`` (SQLite: pages copied of all, in steps of
    :data:`BACKUP_STEP_PAGES`; PostgreSQL: 0 then 1 of one file, as ``pg_dump`` tells nothing on the way),
    then ``progress.step.backup_check`` (``lib.core.progress``).
    """
    resolved = database_url(db_url)
    url = engine_url(resolved)
    out = Path(out_path)
    # The written file is read back as a restore would read it: a backup that could not be restored
    # is reported now, not on the day it is needed. (A newer product's database is backed up too.)
    if _kind(url) == "sqlite":
        _sqlite_backup(_sqlite_path(url), out, progress)
        report_step(progress, "progress.step.backup_check")
        revision = _sqlite_revision(out, known=False)
    else:
        report_step(progress, "progress.step.backup_copy", 0, 1, "files")
        _pg_backup(url, out)
        report_step(progress, "progress.step.backup_copy", 1, 1, "files")
        report_step(progress, "progress.step.backup_check")
        revision = _pg_revision(out, known=False)
    return BackupInfo(kind=_kind(url), schema_version=revision, path=out, size_bytes=out.stat().st_size)


def restore(db_url: str | None, in_path: str | os.PathLike[str], *, actor: str | None = None) -> BackupInfo:
    """Replace the database at ``db_url`` (default: the configured one) with the backup ``in_path``.

    Raises :class:`BackupRefused` before changing anything when the file is not a backup that can be
    restored here. Returns what was restored; the database is then at the current schema version,
    and everyone erased on request after the backup was made is erased again (``erased_again``;
    logged as ``erasures_reapplied`` by ``actor``).
    """
    resolved = database_url(db_url)
    url = engine_url(resolved)
    kind = _kind(url)
    path = Path(in_path)
    if not path.is_file():
        raise BackupRefused("backup.cannot_read", file=str(path))
    if kind == "sqlite":
        live = _sqlite_path(url)
        if live.exists() and live.resolve() == path.resolve():
            raise BackupRefused("backup.same_file", file=path.name)
        with _private_copy(path) as copy:
            revision = _sqlite_revision(copy, name=path.name)
            ledger = erasure_ledger.before_restore(resolved)
            _sqlite_restore(live, copy)
    else:
        revision = _pg_revision(path)
        ledger = erasure_ledger.before_restore(resolved)
        _pg_restore(url, path)
    reapplied = _after_restore(resolved, ledger, actor)
    return BackupInfo(
        kind=kind,
        schema_version=revision,
        path=path,
        size_bytes=path.stat().st_size,
        erased_again=reapplied.people,
        markers_restored=reapplied.markers,
        files_cleared=reapplied.files_cleared,
    )
