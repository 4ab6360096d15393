"""PostgreSQL for the tests: a server for the session and a fresh, empty database per test.

The server is ``TEST_POSTGRES_URL`` when that is set (a role that may create databases), otherwise a
throwaway cluster started from the Debian binaries (``/usr/lib/postgresql/*/bin``) in a temporary
folder and stopped at the end of the session. PostgreSQL refuses to run as root, so as root the
cluster belongs to the ``postgres`` system user and is started through ``runuser``.

Without PostgreSQL the tests that need it are skipped, except under CI (``CI`` set): there a missing
PostgreSQL fails them, so the suite cannot pass green while silently testing only SQLite.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.engine import URL

from lib.db import engine_url, forget_database, upgrade_schema

DRIVER = "postgresql+psycopg"


def postgres_bin_dir() -> Path | None:
    """The folder with initdb and pg_ctl: on PATH, else the newest Debian version."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent

    def version(path: str) -> int:
        folder = Path(path).parent.parent.name
        return int(folder) if folder.isdigit() else 0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=version)
    return Path(candidates[-1]).parent if candidates else None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class _Cluster:
    folder: Path
    bin_dir: Path
    as_postgres: bool

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


def _start_cluster(bin_dir: Path) -> tuple[_Cluster, URL]:
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="partnerskabsradar-pg-"))
    if as_postgres:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            _unavailable("running as root and there is no 'postgres' system user to run PostgreSQL as")
        shutil.chown(folder, "postgres", "postgres")
    cluster = _Cluster(folder, bin_dir, as_postgres)
    data, socket_dir = folder / "data", folder / "socket"
    done = cluster.run(
        "initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"
    )
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"initdb failed: {done.stderr}", pytrace=False)
    socket_dir.mkdir()
    if as_postgres:
        shutil.chown(socket_dir, "postgres", "postgres")
    port = _free_port()
    # fsync off: the cluster is thrown away after the session, and the kill test kills the client,
    # never the server, so nothing tested depends on flushing to disk; it only makes tests slower.
    options = (
        f"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={socket_dir} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
        "-c shared_buffers=32MB"
    )
    done = cluster.run(
        "pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-o", options, "-w", "-t", "60", "start"
    )
    if done.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start: {done.stderr}\n{log}", pytrace=False)
    return cluster, URL.create(DRIVER, username="postgres", host="127.0.0.1", port=port, database="postgres")


def _stop_cluster(cluster: _Cluster) -> None:
    cluster.run("pg_ctl", "-D", str(cluster.folder / "data"), "-m", "immediate", "-w", "stop", timeout=60)
    shutil.rmtree(cluster.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[URL]:
    """The URL of a PostgreSQL server's maintenance database, for creating test databases."""
    configured = os.environ.get("TEST_POSTGRES_URL", "").strip()
    if configured:
        url = make_url(configured)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername=DRIVER)
        yield url
        return
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        _unavailable("PostgreSQL is not installed (no pg_ctl on PATH or in /usr/lib/postgresql/*/bin)")
    cluster, url = _start_cluster(bin_dir)
    try:
        yield url
    finally:
        _stop_cluster(cluster)


def _as_admin(server: URL, statement: str) -> None:
    """Run ``statement`` on ``server`` outside a transaction (CREATE and DROP DATABASE cannot run in one)."""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(statement))
    finally:
        admin.dispose()


def create_database(server: URL) -> str:
    """A new, empty database on ``server``; returns its URL (password included, for child processes)."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    _as_admin(server, f'CREATE DATABASE "{name}"')
    return server.set(database=name).render_as_string(hide_password=False)


def drop_database(server: URL, url: str) -> None:
    forget_database(url)
    # FORCE: a dashboard or a killed import may still hold a connection.
    _as_admin(server, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


@pytest.fixture
def pg_url(postgres_server: URL, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database, also set as ``DATABASE_URL``."""
    url = create_database(postgres_server)
    monkeypatch.setenv("DATABASE_URL", url)
    try:
        yield url
    finally:
        drop_database(postgres_server, url)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request: pytest.FixtureRequest) -> str:
    """A fresh database URL, once on SQLite and once on PostgreSQL (set as ``DATABASE_URL`` too)."""
    return request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_url")


def wait_until(predicate, seconds: float = 30, interval: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    """Poll ``predicate`` until it is true or ``seconds`` have passed; returns whether it became true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


@pytest.fixture
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Make further empty databases: ``new_db_url("sqlite")`` or ``new_db_url("postgresql")``."""
    made: list[tuple[URL, str]] = []

    def make(kind: str) -> str:
        if kind == "sqlite":
            return f"sqlite:///{tmp_path / f'extra-{uuid.uuid4().hex[:8]}.sqlite'}"
        server = request.getfixturevalue("postgres_server")
        url = create_database(server)
        made.append((server, url))
        return url

    yield make
    for server, url in made:
        drop_database(server, url)


def older_workspace(url: str, revision: str, *, person_id: int | None = None) -> None:
    """Give the empty database at ``url`` the schema of an older release (Alembic ``revision``) and one
    person written as that release would: Søren Ærø <soren@example.dk>, not staff, with the id
    ``person_id`` when given."""
    columns = "name, name_key, email, is_staff, created_at, updated_at"
    values = "'Søren Ærø', 'søren ærø', 'soren@example.dk', :staff, '2024-01-01', '2024-01-01'"
    if person_id is not None:
        columns, values = f"id, {columns}", f"{int(person_id)}, {values}"
    engine = create_engine(engine_url(url))
    try:
        upgrade_schema(engine, revision)
        with engine.begin() as connection:
            connection.execute(text(f"INSERT INTO people ({columns}) VALUES ({values})"), {"staff": False})
    finally:
        engine.dispose()


def kind_of(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def database_snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the schema version included), ordered by primary key.

    Read with a fresh engine, so that nothing cached in this process can hide what is on disk.
    """
    engine = create_engine(engine_url(url))
    try:
        inspector = inspect(engine)
        snapshot: dict[str, list[tuple[object, ...]]] = {}
        with engine.connect() as connection:
            for table in sorted(inspector.get_table_names()):
                keys = inspector.get_pk_constraint(table)["constrained_columns"]
                order = ", ".join(f'"{key}"' for key in keys) if keys else "1"
                rows = connection.execute(text(f'SELECT * FROM "{table}" ORDER BY {order}'))
                snapshot[table] = [tuple(row) for row in rows]
        return snapshot
    finally:
        engine.dispose()
