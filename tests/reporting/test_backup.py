"""Backup and restore, on SQLite and on PostgreSQL: the drill, refused files, older backups, busy apps."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from lib.contacts import delete_person, update_organisation
from lib.db import (
    Event,
    Organisation,
    Person,
    Relation,
    engine_url,
    head_revision,
    log_event,
    open_database,
    schema_version,
)
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import prepare_file, run_import
from lib.reporting.backup import BackupRefused, backup, restore
from tests.pg import database_snapshot, kind_of, older_workspace
from tests.sheets import MESSY_DANISH, xlsx

#: Slow as a whole: backup and restore drills of whole workspaces.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2025, 3, 1)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lib", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def _import_contacts(url: str, tmp_path: Path) -> None:
    db = open_database(url)
    prepared = prepare_file(db, "kontakter.xlsx", xlsx({"Kontakter": MESSY_DANISH}))
    assert run_import(db, prepared.sheets, commit=True).batch_id is not None


@pytest.mark.slow
def test_restore_drill_brings_back_every_table_exactly(any_db_url: str, tmp_path: Path) -> None:
    create_demo_workspace(open_database(any_db_url), today=TODAY)
    before = database_snapshot(any_db_url)
    out = tmp_path / "radar.backup"

    done = run_cli("backup", str(out), "--db", any_db_url, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema_version"] == head_revision()
    assert out.stat().st_size > 10_000

    # A working day goes wrong: relations deleted, a person removed, an organisation renamed, an import.
    db = open_database(any_db_url)
    with db.write() as session:
        session.query(Relation).delete()
        delete_person(session, session.scalars(select(Person.id).order_by(Person.id)).first())
        update_organisation(session, session.scalars(select(Organisation.id)).first(), {"name": "Omdøbt"})
    _import_contacts(any_db_url, tmp_path)
    assert database_snapshot(any_db_url) != before

    done = run_cli("restore", str(out), "--db", any_db_url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "restored" in done.stdout
    after = database_snapshot(any_db_url)
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table

    # The restored workspace carries on: a new import gets fresh ids (PostgreSQL's sequences too).
    _import_contacts(any_db_url, tmp_path)
    with open_database(any_db_url).read() as session:
        assert session.scalar(select(func.count(Person.id))) > len(before["people"])


def _not_sqlite_database(folder: Path) -> Path:
    path = folder / "other-program.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.commit()
    connection.close()
    return path


@pytest.mark.slow
def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(any_db_url: str, tmp_path: Path) -> None:
    create_demo_workspace(open_database(any_db_url), today=TODAY)
    before = database_snapshot(any_db_url)
    good = tmp_path / "good.backup"
    backup(any_db_url, good)
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    text_file = tmp_path / "notes.txt"
    text_file.write_text("Møde med biblioteket tirsdag\n", encoding="utf-8")
    empty = tmp_path / "empty.backup"
    empty.write_bytes(b"")
    refused = {
        text_file: "backup.not_a_backup",
        empty: "backup.not_a_backup",
        truncated: "backup.damaged",
        tmp_path / "missing.backup": "backup.cannot_read",
    }
    if kind_of(any_db_url) == "sqlite":
        refused[_not_sqlite_database(tmp_path)] = "backup.not_a_backup"
    for path, key in refused.items():
        with pytest.raises(BackupRefused) as caught:
            restore(any_db_url, path)
        assert caught.value.key == key, path.name
        assert "Nothing was changed" in caught.value.message("en")
    assert database_snapshot(any_db_url) == before

    done = run_cli("restore", str(text_file), "--db", any_db_url, "--lang", "en")
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == ["notes.txt is not a Partnerskabsradar backup. Nothing was changed."]
    assert database_snapshot(any_db_url) == before


def test_a_backup_of_the_other_kind_of_database_is_refused(db_url: str, pg_url: str, tmp_path: Path) -> None:
    for url in (db_url, pg_url):
        create_demo_workspace(open_database(url), today=TODAY)
    backup(db_url, tmp_path / "sqlite.backup")
    backup(pg_url, tmp_path / "pg.backup")
    before = {url: database_snapshot(url) for url in (db_url, pg_url)}
    for url, path in ((db_url, tmp_path / "pg.backup"), (pg_url, tmp_path / "sqlite.backup")):
        with pytest.raises(BackupRefused) as caught:
            restore(url, path)
        assert caught.value.key == "backup.wrong_kind"
        assert database_snapshot(url) == before[url]


def test_a_backup_from_a_newer_version_is_refused(
    any_db_url: str, new_db_url: Callable[[str], str], tmp_path: Path
) -> None:
    newer = new_db_url(kind_of(any_db_url))
    create_demo_workspace(open_database(newer), today=TODAY)
    engine = create_engine(engine_url(newer))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9001'"))
    engine.dispose()
    made = backup(newer, tmp_path / "newer.backup")
    assert made.schema_version == "9001"

    _import_contacts(any_db_url, tmp_path)
    before = database_snapshot(any_db_url)
    with pytest.raises(BackupRefused) as caught:
        restore(any_db_url, made.path)
    assert caught.value.key == "backup.newer_version"
    assert "9001" in caught.value.message("da")
    assert database_snapshot(any_db_url) == before


def test_an_older_backup_is_restored_and_upgraded(
    any_db_url: str, new_db_url: Callable[[str], str], tmp_path: Path
) -> None:
    old = new_db_url(kind_of(any_db_url))
    older_workspace(old, "0001")
    made = backup(old, tmp_path / "old.backup")
    assert made.schema_version == "0001"

    create_demo_workspace(open_database(any_db_url), today=TODAY)
    restored = restore(any_db_url, made.path)
    assert restored.schema_version == "0001"
    db = open_database(any_db_url)
    assert schema_version(db.engine) == head_revision()
    with db.read() as session:
        people = session.scalars(select(Person)).all()
        assert [(p.name, p.email, p.other_emails) for p in people] == [("Søren Ærø", "soren@example.dk", None)]
        assert session.scalar(select(func.count(Organisation.id))) == 0  # the demo's are gone
    _import_contacts(any_db_url, tmp_path)  # and the newer tables work


def test_a_backup_taken_while_someone_writes_is_consistent(
    any_db_url: str, new_db_url: Callable[[str], str], tmp_path: Path
) -> None:
    """Each write adds an organisation and its event together; a backup holds both or neither."""
    db = open_database(any_db_url)
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            number = 0
            while not stop.is_set():
                number += 1
                with db.write() as session:
                    org = Organisation(name=f"Forening {number}", name_key=f"forening {number}")
                    session.add(org)
                    session.flush()
                    log_event(session, "organisation_created", entity="organisation", entity_id=org.id)
        except BaseException as error:  # noqa: BLE001 - asserted below
            errors.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backups = []
        for index in range(3):
            while True:  # let some writes happen between the backups
                with db.read() as session:
                    if (session.scalar(select(func.count(Organisation.id))) or 0) >= 20 * (index + 1):
                        break
                time.sleep(0.02)
            backups.append(backup(any_db_url, tmp_path / f"busy-{index}.backup"))
    finally:
        stop.set()
        thread.join(30)
    assert errors == []

    counts = []
    for made in backups:
        target = new_db_url(kind_of(any_db_url))
        restore(target, made.path)
        with open_database(target).read() as session:
            organisations = session.scalars(select(Organisation.id).order_by(Organisation.id)).all()
            logged = session.scalars(
                select(Event.entity_id).where(Event.action == "organisation_created").order_by(Event.entity_id)
            ).all()
        assert organisations == logged
        counts.append(len(organisations))
    assert counts == sorted(counts) and counts[0] >= 20


def test_a_sqlite_backup_is_one_self_contained_file(db_url: str, tmp_path: Path) -> None:
    create_demo_workspace(open_database(db_url), today=TODAY)
    out = tmp_path / "copy" / "radar.sqlite"
    backup(db_url, out)
    assert sorted(p.name for p in out.parent.iterdir()) == ["radar.sqlite"]
    moved = tmp_path / "elsewhere.sqlite"
    shutil.copy(out, moved)  # copying the file alone must carry everything
    connection = sqlite3.connect(moved)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert connection.execute("SELECT count(*) FROM people").fetchone()[0] > 300
    finally:
        connection.close()


def test_the_live_sqlite_file_is_never_its_own_backup(db_url: str) -> None:
    create_demo_workspace(open_database(db_url), today=TODAY)
    before = database_snapshot(db_url)
    live = Path(db_url.removeprefix("sqlite:///"))
    for operation in (backup, restore):
        with pytest.raises(BackupRefused) as caught:
            operation(db_url, live)
        assert caught.value.key == "backup.same_file"
    assert database_snapshot(db_url) == before
