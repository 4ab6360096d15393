"""Issue 10, erasure hardening: an erasure survives restoring an older backup, leaves nothing readable in
SQLite's write-ahead log, reaches JSON keys and remembered mappings, and no database password ever
travels on a PostgreSQL tool's command line."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, CheckConstraint, Date, DateTime, Float, Integer, String, Text, event, select, text

from lib import contacts
from lib.cli.main import main
from lib.core.i18n import TEXTS, t
from lib.db import Base, Database, ErasureMarker, Event, ImportBatch, Person, SavedMapping, log_event, open_database
from lib.privacy import personal_data as pdata
from lib.reporting import backup as backup_module
from tests.privacy.test_personal_data import EMAIL, NAME, OLD_EMAIL, OLD_NAME, build_person, import_rows, stored_texts

#: The phone number build_person gives the erased person, as the workspace stores it (E.164).
PHONE = "+4511223344"


def sqlite_path(url: str) -> Path:
    return Path(url.split("///", 1)[1])


# --- finding 2: restoring an older backup must not undo erasures -------------------------------------


@pytest.mark.slow
def test_finding_2_restoring_an_older_backup_erases_them_again(
    any_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(any_db_url)
    built = build_person(db)
    older = tmp_path / "before-the-erasure.backup"
    assert main(["backup", str(older), "--db", any_db_url]) == 0
    assert main(["person", "erase", EMAIL, "--yes", "--db", any_db_url]) == 0
    capsys.readouterr()

    assert main(["restore", str(older), "--db", any_db_url, "--lang", "en", "--actor", "admin@bib.dk"]) == 0
    printed = capsys.readouterr().out

    db = open_database(any_db_url)
    with db.read() as session:
        assert pdata.find_person(session, EMAIL) is None and pdata.find_person(session, OLD_EMAIL) is None
        assert session.get(Person, built.namesake).name != NAME  # the namesake is someone else, and stays
        assert pdata.was_erased(session, EMAIL) and pdata.was_erased(session, OLD_EMAIL.upper())
        assert session.scalar(select(ErasureMarker.id).limit(1)) is not None
        logged = session.scalars(select(Event).where(Event.action == "erasures_reapplied")).one()
    assert (logged.actor, logged.details) == ("admin@bib.dk", {"people": 1, "markers": 2})
    assert t("erasure_ledger.cli.erased_again", "en", people=1) in printed
    leftovers = [
        (table, column)
        for table, column, value in stored_texts(db)
        if any(n.casefold() in value.casefold() for n in (NAME, EMAIL, OLD_EMAIL, OLD_NAME))
    ]
    assert leftovers == []

    # Every restore of that backup does it again; --json says how many, and so does Danish.
    assert main(["restore", str(older), "--db", any_db_url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["erased_again"] == 1
    assert main(["restore", str(older), "--db", any_db_url]) == 0
    assert t("erasure_ledger.cli.erased_again", "da", people=1) in capsys.readouterr().out
    assert all(TEXTS[key]["da"] and TEXTS[key]["en"] for key in TEXTS if key.startswith("erasure_ledger."))


@pytest.mark.slow
def test_finding_2_the_ledger_beside_a_sqlite_workspace_is_private(db_url: str, tmp_path: Path) -> None:
    db = open_database(db_url)
    built = build_person(db)
    with db.write() as session:
        pdata.erase_person(session, built.person)
    ledger = sqlite_path(db_url).with_name("workspace.sqlite.erasures.sqlite")
    assert stat.S_IMODE(ledger.stat().st_mode) == 0o600
    raw = ledger.read_bytes()
    assert EMAIL.encode() not in raw and NAME.encode() not in raw


@pytest.mark.slow
def test_finding_2_an_erasure_whose_ledger_cannot_be_written_is_not_done(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(db_url)
    build_person(db)
    # Something in the way where the ledger file belongs: the ledger cannot be written.
    sqlite_path(db_url).with_name("workspace.sqlite.erasures.sqlite").mkdir()
    assert main(["person", "erase", EMAIL, "--yes", "--db", db_url, "--lang", "en"]) == 2
    assert capsys.readouterr().err.strip() == t("erasure_ledger.write_failed", "en")
    with db.read() as session:
        assert pdata.find_person(session, EMAIL) is not None
        assert session.scalar(select(ErasureMarker.id).limit(1)) is None


@pytest.mark.slow
def test_finding_2_someone_added_again_with_consent_before_the_backup_stays(db_url: str, tmp_path: Path) -> None:
    db = open_database(db_url)
    built = build_person(db)
    with db.write() as session:
        pdata.erase_person(session, built.person)
    with db.write() as session:
        again = contacts.create_person(session, {"name": NAME, "email": EMAIL})
    made = backup_module.backup(db_url, tmp_path / "with-consent.backup")
    with db.write() as session:
        session.add(Person(name="Efter Backup", name_key="efter backup", email="efter@eksempel.dk"))
    restored = backup_module.restore(db_url, made.path)
    assert restored.erased_again == 0
    with open_database(db_url).read() as session:
        assert session.get(Person, again).email == EMAIL


@pytest.mark.slow
def test_finding_2_markers_of_another_key_still_match_after_a_restore(
    db_url: str, new_db_url: Any, tmp_path: Path
) -> None:
    """The backup comes from a workspace with a key of its own (another workspace's file, say)."""
    other = new_db_url("sqlite")
    other_db = open_database(other)
    import_rows(other_db, "andet.xlsx", [[NAME, EMAIL, None, None], ["Bo Berg", "bo@eksempel.dk", None, None]])
    with other_db.write() as session:
        pdata.erase_person(session, pdata.find_person(session, "bo@eksempel.dk").id)
    made = backup_module.backup(other, tmp_path / "other.backup")

    db = open_database(db_url)
    built = build_person(db)
    with db.write() as session:
        pdata.erase_person(session, built.person)
    restored = backup_module.restore(db_url, made.path)
    assert restored.erased_again == 1
    db = open_database(db_url)
    with db.read() as session:
        assert pdata.find_person(session, EMAIL) is None
        assert pdata.was_erased(session, EMAIL) and pdata.was_erased(session, "bo@eksempel.dk")
    result = import_rows(db, "gammel.xlsx", [[NAME, EMAIL, None, None], ["Bo Berg", "bo@eksempel.dk", None, None]])
    assert result.counts["skipped"] == 2


# --- finding 3: nothing of an erased person left in SQLite's WAL; PostgreSQL vacuumed -----------------


def raw_leftovers(db_url: str) -> list[tuple[str, str]]:
    """(file, needle) for each of the erased person's name, e-mails and phone found in the database's files."""
    path = sqlite_path(db_url)
    found = []
    for suffix in ("", "-wal", "-shm"):
        file = path.with_name(path.name + suffix)
        raw = file.read_bytes() if file.exists() else b""
        for needle in (NAME, OLD_NAME, EMAIL, OLD_EMAIL, PHONE):
            if needle.encode("utf-8") in raw or needle.upper().encode("utf-8") in raw:
                found.append((file.name, needle))
    return found


@pytest.mark.slow
def test_finding_3_erased_data_is_not_left_in_the_sqlite_wal(db_url: str) -> None:
    db = open_database(db_url)
    built = build_person(db)
    # The dashboard keeps connections open between reruns: one of the pool, one of its own.
    dashboard = sqlite3.connect(sqlite_path(db_url))
    try:
        assert dashboard.execute("SELECT count(*) FROM people").fetchone()[0] >= 3
        with db.read() as session:
            assert pdata.find_person(session, EMAIL) is not None
        assert raw_leftovers(db_url) != []
        with db.write() as session:
            report = pdata.erase_person(session, built.person)
        assert raw_leftovers(db_url) == []
        assert report.files_cleared is True
        # The dashboard's connection reads on as before.
        assert dashboard.execute("SELECT count(*) FROM people").fetchone()[0] >= 2
    finally:
        dashboard.close()


@pytest.mark.slow
def test_finding_3_sqlite_builds_without_secure_delete_by_default_are_covered(db_url: str) -> None:
    """Debian's SQLite overwrites deleted content by default; others do not, and then every edit
    of the person before the erasure would leave an old copy of their row in the file's free space."""
    db = open_database(db_url)

    @event.listens_for(db.engine, "connect", insert=True)
    def _build_default(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA secure_delete = OFF")

    db.engine.dispose()
    built = build_person(db)
    with db.write() as session:  # edits that rewrite her row, as the contacts page does
        for note in ("Ring om formiddagen, spørg efter Gunhild", "Foretrækker e-mail", "Ny adresse i 2026"):
            contacts.update_person(session, built.person, {"notes": note, "title": f"Leder ({note[:10]})"})
    with db.write() as session:
        report = pdata.erase_person(session, built.person)
    assert raw_leftovers(db_url) == []
    assert report.files_cleared is True


@pytest.mark.slow
def test_finding_3_a_reader_in_the_way_is_reported_not_hidden(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(db_url)
    build_person(db)
    reader = sqlite3.connect(sqlite_path(db_url), isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM people").fetchone()  # a long page render, mid-read
        assert main(["person", "erase", EMAIL, "--yes", "--db", db_url, "--lang", "en"]) == 0
        captured = capsys.readouterr()
        assert t("erasure_files.not_cleared", "en") in captured.err
        assert captured.out.startswith("The person was erased")
    finally:
        reader.close()


@pytest.mark.slow
def test_finding_3_a_retention_purge_also_clears_the_wal(db_url: str) -> None:
    db = open_database(db_url)
    built = build_person(db)
    dashboard = sqlite3.connect(sqlite_path(db_url))
    try:
        dashboard.execute("SELECT count(*) FROM people").fetchone()
        with db.write() as session:
            report = pdata.erase_people(session, [built.person, built.namesake])
        assert raw_leftovers(db_url) == []
        assert report.files_cleared is True
    finally:
        dashboard.close()


def test_finding_3_postgresql_tables_are_vacuumed_after_an_erasure(pg_url: str) -> None:
    db = open_database(pg_url)
    built = build_person(db)
    with db.write() as session:
        report = pdata.erase_people(session, [built.person, built.namesake])
    with db.engine.connect() as connection:
        connection.execute(text("SELECT pg_stat_clear_snapshot()"))
        rows = dict(
            connection.execute(
                text(
                    "SELECT relname, vacuum_count FROM pg_stat_user_tables "
                    "WHERE relname IN ('people', 'relations', 'events', 'affiliations')"
                )
            ).all()
        )
    assert rows == {"people": 1, "relations": 1, "events": 1, "affiliations": 1}
    assert report.files_cleared is True


# --- finding 4: JSON keys, remembered mappings and every text column ---------------------------------

#: Columns that may hold the erased person's name or e-mail and are kept on purpose (lib.privacy.personal_data):
#: a remaining person's own name and e-mails (a namesake keeps theirs), organisation names (an
#: organisation is not a person), setting names; and erasure markers, which hold only one-way codes.
KEPT = {
    ("people", "name"),
    ("people", "name_key"),
    ("people", "email"),
    ("people", "other_emails"),
    ("organisations", "name"),
    ("organisations", "name_key"),
    ("workspace_settings", "key"),
}
#: Erasure markers hold one-way codes; the data revision a random token written by the database layer.
SKIPPED_TABLES = {"erasure_markers", "data_revision"}
SEEDS = (f"Ring til {NAME} ({EMAIL}, tidligere {OLD_EMAIL})", f"{NAME} {EMAIL}", EMAIL, NAME)


def seeded_json() -> dict[str, Any]:
    return {
        NAME: EMAIL,
        EMAIL: [NAME, OLD_EMAIL, "ok"],
        f"{NAME} kontakter.xlsx › Ark1": {OLD_EMAIL: "email"},
        "note": f"Aftalt med {NAME}",
    }


def code_of(table: Any, column: Any) -> str | None:
    """A value a CHECK constraint allows for ``column``, when one limits it to a list of codes."""
    for constraint in table.constraints:
        if isinstance(constraint, CheckConstraint):
            found = re.search(rf"\b{column.name} IN \('([^']+)'", str(constraint.sqltext))
            if found:
                return found.group(1)
    return None


def seed_every_column(db: Database) -> set[tuple[str, str]]:
    """One row in every table with the erased person's name and e-mails in each text and JSON column
    that can hold them (as values, and as keys in JSON); returns the columns seeded."""
    seeded: set[tuple[str, str]] = set()
    made: dict[str, Any] = {}
    with db.write() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            values: dict[str, Any] = {}
            for column in table.columns:
                if column.primary_key and isinstance(column.type, Integer):
                    continue
                targets = [fk.column.table.name for fk in column.foreign_keys]
                code = code_of(table, column)
                if targets:
                    values[column.name] = (
                        made[targets[0]]
                        if not column.nullable
                        or table.name == "relations"
                        and column.name in ("from_person_id", "to_person_id")
                        else None
                    )
                elif (table.name, column.name) in KEPT or column.primary_key:
                    values[column.name] = (
                        {"people": "Seed Person", "organisations": "Seed Forening"}.get(table.name, "seed")
                        if not isinstance(column.type, JSON)
                        else None
                    )
                    if table.name == "people" and column.name == "email":
                        values[column.name] = None
                elif code is not None:
                    values[column.name] = code
                elif isinstance(column.type, JSON):
                    values[column.name] = seeded_json()
                    seeded.add((table.name, column.name))
                elif isinstance(column.type, (String, Text)):
                    length = getattr(column.type, "length", None)
                    fitting = [s for s in SEEDS if length is None or len(s) <= length]
                    if fitting:
                        values[column.name] = fitting[0]
                        seeded.add((table.name, column.name))
                    else:  # too short for a name or an e-mail: it cannot carry them
                        values[column.name] = "x"
                elif isinstance(column.type, Boolean):
                    values[column.name] = False
                elif isinstance(column.type, DateTime):
                    values[column.name] = dt.datetime(2026, 1, 1, 12, 0)
                elif isinstance(column.type, Date):
                    values[column.name] = dt.date(2026, 1, 1)
                elif isinstance(column.type, (Integer, Float)):
                    values[column.name] = 1
            inserted = session.execute(table.insert().values(**values))
            keys = inserted.inserted_primary_key
            made[table.name] = keys[0] if keys else None
    return seeded


@pytest.mark.slow
def test_finding_4_erasure_reaches_every_text_column_json_keys_and_mappings(any_db_url: str) -> None:
    db = open_database(any_db_url)
    built = build_person(db)
    # A real import of a file and sheet named after her, with a column about her: remembered mapping.
    import_rows(db, f"{NAME} kontakter.xlsx", [["Ny Kontakt", "ny@eksempel.dk", None, None]])
    import_rows(db, f"{NAME.replace(' ', '_')}_liste.xlsx", [["Anden Kontakt", "anden@eksempel.dk", None, None]])
    seeded = seed_every_column(db)
    text_columns = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, (String, Text, JSON))
    }
    constrained = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if code_of(table, column) is not None
    }
    short = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, String) and (column.type.length or 999) < len(NAME)
    }
    assert text_columns - seeded == KEPT | constrained | short | {
        (t.name, c.name)
        for t in Base.metadata.sorted_tables
        if t.name in SKIPPED_TABLES
        for c in t.columns
        if isinstance(c.type, (String, Text, JSON))
    }
    with db.read() as session:
        assert any(NAME in key for batch in session.scalars(select(ImportBatch)) for key in batch.mapping)
        assert session.scalar(select(SavedMapping.id).limit(1)) is not None

    with db.write() as session:
        pdata.erase_person(session, built.person)

    needles = (NAME, OLD_NAME, EMAIL, OLD_EMAIL)
    leftovers = sorted(
        {
            (table, column)
            for table, column, value in stored_texts(db)
            if any(n.casefold() in value.casefold() for n in needles)
        }
    )
    assert leftovers == []
    with db.read() as session:
        # The imports' records stay (they may be undone), without her in file, sheet or mapping.
        files = session.scalars(select(ImportBatch.file_name).order_by(ImportBatch.id)).all()
        mappings = session.scalars(select(ImportBatch.mapping)).all()
    assert files[-3:-1] == [f"{pdata.REDACTED} kontakter.xlsx", f"{pdata.REDACTED}_liste.xlsx"]
    assert not any("Østergaard" in key for mapping in mappings for key in mapping)


@pytest.mark.slow
def test_finding_4_redacted_json_keys_that_meet_keep_both_values(db: Database) -> None:
    built = build_person(db)
    with db.write() as session:
        log_event(session, "mapping_noted", mapping={NAME: "a", EMAIL: "b", pdata.REDACTED: "c"})
    with db.write() as session:
        pdata.erase_person(session, built.person)
    with db.read() as session:
        event = session.scalars(select(Event).where(Event.action == "mapping_noted")).one()
    assert not any(NAME in key or EMAIL in key for key in event.details["mapping"])
    assert sorted(event.details["mapping"].values()) == ["a", "b", "c"]


# --- finding 11: no password on a PostgreSQL tool's command line --------------------------------------


def test_finding_11_no_secret_reaches_the_tools_command_line(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret, key_secret = "Hemmeligt-Pw-7431", "Noegle-Pw-9902"
    url = f"{pg_url}?password={secret}&sslpassword={key_secret}&connect_timeout=10"
    open_database(url)
    calls: list[tuple[list[str], dict[str, str]]] = []
    real_run = subprocess.run

    def recording_run(command: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.append((list(command), dict(kwargs.get("env") or {})))
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(backup_module.subprocess, "run", recording_run)
    made = backup_module.backup(url, tmp_path / "pw.backup")
    backup_module.restore(url, made.path)

    assert {Path(command[0]).name for command, _ in calls} >= {"pg_dump", "pg_restore", "psql"}
    for command, _env in calls:
        assert not any(secret in part or key_secret in part for part in command), command
    connecting = [env for command, env in calls if Path(command[0]).name in ("pg_dump", "psql")]
    assert connecting and all(env.get("PGPASSWORD") == secret for env in connecting)
    # The key's password travels in a private service file that is gone afterwards.
    service_files = {env.get("PGSERVICEFILE") for env in connecting}
    assert None not in service_files and not any(Path(f).exists() for f in service_files)


def test_finding_11_the_conninfo_on_argv_holds_no_secret_parameter() -> None:
    from sqlalchemy import make_url

    url = make_url("postgresql://radar@db.example/radar?password=p%C3%A6ssword&sslpassword=kpw&sslmode=require")
    with backup_module._libpq(url) as (conninfo, env):
        assert "pæssword" not in conninfo and "kpw" not in conninfo
        assert "sslmode='require'" in conninfo and env["PGPASSWORD"] == "pæssword"
        assert "kpw" in Path(env["PGSERVICEFILE"]).read_text(encoding="utf-8")
        assert stat.S_IMODE(Path(env["PGSERVICEFILE"]).stat().st_mode) == 0o600
