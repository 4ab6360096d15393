"""The database: settings, SQLite safety, schema upgrades that keep data."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from lib.config import database_url
from lib.storage import (
    Organisation,
    Person,
    Relation,
    forget_database,
    open_database,
    schema_version,
    upgrade_schema,
)


def test_database_url_prefers_explicit_then_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/from-setting.sqlite")
    assert database_url("sqlite:////tmp/explicit.sqlite") == "sqlite:////tmp/explicit.sqlite"
    assert database_url() == "sqlite:////tmp/from-setting.sqlite"
    monkeypatch.delenv("DATABASE_URL")
    assert database_url().endswith("data/workspace.sqlite")


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db) -> None:
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_foreign_keys_are_enforced(db) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with db.write() as session:
            session.add(Relation(kind="knows", from_person_id=999, to_person_id=998))


def test_relation_strength_outside_1_to_5_is_refused(db) -> None:
    with db.write() as session:
        a, b = Person(name="A", name_key="a"), Person(name="B", name_key="b")
        session.add_all([a, b])
    with pytest.raises(Exception, match="CHECK"):
        with db.write() as session:
            session.add(Relation(kind="knows", from_person_id=a.id, to_person_id=b.id, strength=9))


def test_a_failed_write_stores_nothing(db) -> None:
    with pytest.raises(RuntimeError):
        with db.write() as session:
            session.add(Organisation(name="Half", name_key="half"))
            session.flush()
            raise RuntimeError("boom")
    with db.read() as session:
        assert session.scalars(select(Organisation)).all() == []


def test_concurrent_read_then_write_transactions_lose_nothing(db_url: str) -> None:
    """Writers that read a counter and write it back: BEGIN IMMEDIATE serialises them, none fails."""
    db = open_database(db_url)
    with db.write() as session:
        session.add(Organisation(name="Counter", name_key="counter", notes="0"))
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(40):
                with db.write() as session:
                    org = session.scalars(select(Organisation)).one()
                    org.notes = str(int(org.notes or "0") + 1)
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.read() as session:
        assert session.scalars(select(Organisation)).one().notes == "160"


def test_an_older_database_is_upgraded_in_place_keeping_its_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    upgrade_schema(engine, "0001")
    assert schema_version(engine) == "0001"
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO people (id, name, name_key, email, is_staff, created_at, updated_at) "
            "VALUES (7, 'Søren Ærø', 'søren ærø', 'soren@example.dk', 0, '2024-01-01', '2024-01-01')"))
    assert "saved_mappings" not in inspect(engine).get_table_names()
    engine.dispose()

    db = open_database(url, cached=False)
    try:
        assert schema_version(db.engine) == "0005"
        assert "saved_mappings" in inspect(db.engine).get_table_names()
        with db.read() as session:
            person = session.get(Person, 7)
            assert person is not None and person.name == "Søren Ærø" and person.email == "soren@example.dk"
            assert person.other_emails is None
    finally:
        db.dispose()
        forget_database(url)
