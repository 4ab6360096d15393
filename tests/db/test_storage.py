"""The database: settings, safety on SQLite and PostgreSQL, many writers, schema upgrades that keep data.

Tests taking ``any_db_url`` run twice: on a SQLite file and on a PostgreSQL database (``tests/pg.py``).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.exc import IntegrityError

from lib.core.config import database_url
from lib.db import (
    Event,
    Organisation,
    Person,
    Relation,
    engine_url,
    forget_database,
    get_setting,
    head_revision,
    log_event,
    open_database,
    schema_version,
    set_setting,
)
from tests.pg import older_workspace

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 8
TRANSACTIONS_PER_WRITER = 150


def test_database_url_prefers_explicit_then_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/from-setting.sqlite")
    assert database_url("sqlite:////tmp/explicit.sqlite") == "sqlite:////tmp/explicit.sqlite"
    assert database_url() == "sqlite:////tmp/from-setting.sqlite"
    monkeypatch.delenv("DATABASE_URL")
    assert database_url().endswith("data/workspace.sqlite")


def test_a_plain_postgresql_url_uses_the_installed_driver() -> None:
    # SQLAlchemy would pick psycopg2 for "postgresql://", which is not installed.
    assert engine_url("postgresql://u:secret@db.example/radar").drivername == "postgresql+psycopg"
    assert engine_url("postgres://u@db.example/radar").drivername == "postgresql+psycopg"
    assert engine_url("sqlite:////tmp/x.sqlite").drivername == "sqlite"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db) -> None:
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_foreign_keys_are_enforced(any_db_url: str) -> None:
    db = open_database(any_db_url)
    with pytest.raises(IntegrityError, match="(?i)foreign key"), db.write() as session:
        session.add(Relation(kind="knows", from_person_id=999, to_person_id=998))


def test_relation_strength_outside_1_to_5_is_refused(any_db_url: str) -> None:
    db = open_database(any_db_url)
    with db.write() as session:
        a, b = Person(name="A", name_key="a"), Person(name="B", name_key="b")
        session.add_all([a, b])
    with pytest.raises(IntegrityError, match="(?i)check constraint|CHECK"), db.write() as session:
        session.add(Relation(kind="knows", from_person_id=a.id, to_person_id=b.id, strength=9))
    with db.read() as session:
        assert session.scalar(select(func.count(Relation.id))) == 0


def test_a_failed_write_stores_nothing(any_db_url: str) -> None:
    db = open_database(any_db_url)
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Organisation(name="Half", name_key="half"))
        session.flush()
        raise RuntimeError("boom")
    with db.read() as session:
        assert session.scalars(select(Organisation)).all() == []


@pytest.mark.slow
def test_many_writers_reading_then_writing_lose_nothing(any_db_url: str) -> None:
    """8 writers × 150 transactions that each read a counter, write it back plus one and log an event.

    If two transactions ever read the same value, one increment is lost and two events carry the
    same number; the writers' turns (BEGIN IMMEDIATE, the PostgreSQL advisory lock) prevent both.
    """
    db = open_database(any_db_url)
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer(number: int) -> None:
        try:
            start.wait()
            for _ in range(TRANSACTIONS_PER_WRITER):
                with db.write() as session:
                    value = int(get_setting(session, "counter", "0") or "0") + 1
                    set_setting(session, "counter", str(value))
                    log_event(session, "counter_incremented", entity="counter", entity_id=value, writer=number)
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    total = WRITERS * TRANSACTIONS_PER_WRITER
    with db.read() as session:
        assert get_setting(session, "counter") == str(total)
        numbers = session.scalars(select(Event.entity_id).where(Event.action == "counter_incremented")).all()
        assert sorted(numbers) == list(range(1, total + 1))
        writers = session.scalars(select(Event.details).where(Event.action == "counter_incremented")).all()
        assert {details["writer"] for details in writers} == set(range(WRITERS))


@pytest.mark.slow
def test_processes_opening_a_new_database_at_once_all_succeed(any_db_url: str) -> None:
    # Each creates the schema unless the other already has: they take turns instead of both trying.
    commands = [
        subprocess.Popen(
            [sys.executable, "-m", "lib", "schema", "--db", any_db_url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [command.communicate(timeout=120) for command in commands]
    for command, (out, err) in zip(commands, results, strict=True):
        assert command.returncode == 0, err
        assert out.strip() == head_revision()


def test_the_newest_schema_version_is_0013() -> None:
    # 0013: the staff network survey (lib.planning.staff_survey).
    # 0012: evaluation by link (lib.planning.evaluation_links).
    # 0011: calendar subscription tokens (lib.planning.calendar_feed); 0010: the data revision token.
    assert head_revision() == "0013"


def test_an_older_database_is_upgraded_in_place_keeping_its_data(any_db_url: str) -> None:
    older_workspace(any_db_url, "0001", person_id=7)
    engine = create_engine(engine_url(any_db_url))
    assert schema_version(engine) == "0001"
    assert "saved_mappings" not in inspect(engine).get_table_names()
    engine.dispose()

    db = open_database(any_db_url, cached=False)
    try:
        assert schema_version(db.engine) == head_revision()
        assert "saved_mappings" in inspect(db.engine).get_table_names()
        with db.read() as session:
            person = session.get(Person, 7)
            assert person is not None and person.name == "Søren Ærø" and person.email == "soren@example.dk"
            assert person.other_emails is None
    finally:
        db.dispose()
        forget_database(any_db_url)


def test_switching_a_new_file_to_wal_waits_while_another_process_holds_it() -> None:
    # Seen in CI: the second of two processes opening a brand-new file got "database is locked" at
    # once from the WAL switch (SQLite does not wait out the busy timeout there). It must ask again.
    import sqlite3

    from lib.db.engine import _use_wal

    class Busy:
        def __init__(self) -> None:
            self.mode, self.refusals = "delete", 2

        def execute(self, sql: str) -> Busy:
            if self.refusals:
                self.refusals -= 1
                raise sqlite3.OperationalError("database is locked")
            if sql.endswith("=WAL"):
                self.mode = "wal"
            return self

        def fetchone(self) -> tuple[str]:
            return (self.mode,)

    cursor = Busy()
    _use_wal(cursor)
    assert cursor.mode == "wal" and cursor.refusals == 0
