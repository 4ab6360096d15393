"""An import killed half-way (SIGKILL: power cut, OOM killer) leaves the workspace exactly as it was.

The import runs as ``python -m lib import`` in a child process. The test waits until the child is
inside its write transaction and has already written part of its rows to disk (SQLite: uncommitted
frames in the WAL file; PostgreSQL: the ``people`` table's file has grown), kills it with SIGKILL,
and compares every table with the state before. No hook in the product is needed: the write turn is
observed from outside, the way another writer would see it.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from lib.db import WRITE_LOCK_KEY, Person, engine_url, forget_database, open_database
from lib.demo.workspace import create_demo_workspace
from tests.pg import database_snapshot, wait_until
from tests.sheets import xlsx

ROOT = Path(__file__).resolve().parents[2]
ROWS = 30_000
#: How much of the import must be on disk, uncommitted, before the kill.
SQLITE_WAL_GROWTH = 1_000_000
POSTGRES_TABLE_GROWTH = 256 * 1024

pytestmark = pytest.mark.slow


def _big_contact_list(folder: Path) -> Path:
    path = folder / "stor-kontaktliste.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Navn", "E-mail", "Telefon", "Organisation", "Stilling"])
        for number in range(ROWS):
            writer.writerow(
                [
                    f"Kontakt Nummer{number} Efternavn{number % 977}",
                    f"kontakt{number}@forening{number % 50}.dk",
                    f"+45 {20_000_000 + number}",
                    f"Forening nr. {number % 1500}",
                    "Medlem",
                ]
            )
    return path


def _start_import(url: str, data: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "lib", "import", str(data), "--db", url],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill_when(process: subprocess.Popen[bytes], half_way: Callable[[], bool]) -> None:
    try:
        caught = wait_until(lambda: process.poll() is not None or half_way(), seconds=240, interval=0.01)
        assert caught and process.poll() is None, "the import ended before it could be killed half-way"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(30)
    assert process.returncode == -signal.SIGKILL


def _still_usable(url: str, folder: Path) -> None:
    """A later import is stored normally: no lock or half-written state was left behind."""
    forget_database(url)
    data = folder / "efter.xlsx"
    data.write_bytes(xlsx({"Kontakter": [["Navn", "E-mail"], ["Efter Nedbruddet", "efter@eksempel.dk"]]}))
    done = subprocess.run(
        [sys.executable, "-m", "lib", "import", str(data), "--db", url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with open_database(url).read() as session:
        assert session.scalar(select(func.count(Person.id)).where(Person.email == "efter@eksempel.dk")) == 1


def test_sqlite_import_killed_half_way_changes_nothing(db_url: str, tmp_path: Path) -> None:
    create_demo_workspace(open_database(db_url), today=dt.date(2025, 3, 1))
    forget_database(db_url)
    path = Path(make_url(db_url).database or "")
    wal = path.with_name(path.name + "-wal")
    before = database_snapshot(db_url)
    wal_at_start = wal.stat().st_size if wal.exists() else 0
    data = _big_contact_list(tmp_path)

    def importer_is_writing() -> bool:
        # The write lock is held by someone else (a probe cannot get it without waiting) and the
        # WAL has grown: uncommitted pages of the import are on disk.
        probe = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return wal.exists() and wal.stat().st_size > wal_at_start + SQLITE_WAL_GROWTH
        finally:
            probe.close()

    _kill_when(_start_import(db_url, data), importer_is_writing)
    assert wal.stat().st_size > wal_at_start + SQLITE_WAL_GROWTH  # the partial import is on disk

    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    assert database_snapshot(db_url) == before
    _still_usable(db_url, tmp_path)


def test_postgresql_import_killed_half_way_changes_nothing(pg_url: str, tmp_path: Path) -> None:
    create_demo_workspace(open_database(pg_url), today=dt.date(2025, 3, 1))
    forget_database(pg_url)
    before = database_snapshot(pg_url)
    data = _big_contact_list(tmp_path)
    observer = create_engine(engine_url(pg_url), isolation_level="AUTOCOMMIT")
    try:
        with observer.connect() as connection:
            size_at_start = connection.scalar(text("SELECT pg_relation_size('people')"))

            def importer_is_writing() -> bool:
                # Another session holds the writers' advisory lock of this database, and the people
                # table's file has grown by the import's uncommitted rows.
                holders = connection.scalar(
                    text(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        "AND ((classid::bigint << 32) | objid::bigint) = :key"
                    ),
                    {"key": WRITE_LOCK_KEY},
                )
                size = connection.scalar(text("SELECT pg_relation_size('people')"))
                return bool(holders) and size > size_at_start + POSTGRES_TABLE_GROWTH

            _kill_when(_start_import(pg_url, data), importer_is_writing)
            # The server notices the dead client and rolls its transaction back, releasing the lock.
            assert wait_until(
                lambda: (
                    not connection.scalar(
                        text(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                        )
                    )
                ),
                seconds=30,
            )
            assert connection.scalar(text("SELECT pg_relation_size('people')")) > size_at_start + POSTGRES_TABLE_GROWTH
    finally:
        observer.dispose()
    assert database_snapshot(pg_url) == before
    _still_usable(pg_url, tmp_path)
