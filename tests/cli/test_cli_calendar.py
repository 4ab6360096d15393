"""``python -m lib calendar import``: a calendar export's meetings from the command line, as a script sees it."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from lib.db import ContactLogEntry, Database, Person
from lib.workspace.clock import workspace_today
from tests.cli.test_cli import run_cli
from tests.ingest.calendar_files import ANNE, METTE, google_export, make_workspace, outlook_export


def test_calendar_import_json_dry_run_then_commit_then_undo(tmp_path: Path, db: Database, db_url: str) -> None:
    today = workspace_today(db)
    make_workspace(db, today)
    ics = tmp_path / "Kalender.ics"
    ics.write_bytes(outlook_export(today))

    dry = run_cli("calendar", "import", str(ics), "--dry-run", "--json", "--db", db_url)
    assert dry.returncode == 0, dry.stderr
    shown = json.loads(dry.stdout)
    assert {key: shown[key] for key in ("read", "logged", "skipped", "rejected")} == {
        "read": 9,
        "logged": 3,
        "skipped": 5,
        "rejected": 1,
    }
    assert [(c["email"], c["created"]) for c in shown["new_contacts"]] == [(METTE, False)]
    with db.read() as session:
        assert session.scalar(select(ContactLogEntry.id)) is None

    done = run_cli("calendar", "import", str(ics), "--create-contacts", "--json", "--db", db_url)
    stored = json.loads(done.stdout)
    assert (stored["logged"], stored["contacts_created"], stored["contact_log_entries"]) == (4, 1, 2)
    with db.read() as session:
        assert session.scalar(select(Person.name).where(Person.email == METTE)) == "Mette Ny"

    again = run_cli("calendar", "import", str(ics), "--json", "--db", db_url)
    assert json.loads(again.stdout)["logged"] == 0

    undone = run_cli("undo", str(stored["batch"]), "--db", db_url)
    assert undone.returncode == 0, undone.stderr
    with db.read() as session:
        assert session.scalar(select(ContactLogEntry.id)) is None
        assert session.scalar(select(Person.id).where(Person.email == METTE)) is None


def test_calendar_import_text_summary_and_staff_option(tmp_path: Path, db: Database, db_url: str) -> None:
    make_workspace(db, workspace_today(db))
    ics = tmp_path / "google.ics"
    ics.write_bytes(google_export(workspace_today(db)))
    result = run_cli("calendar", "import", str(ics), "--staff", ANNE, "--lang", "en", "--db", db_url)
    assert result.returncode == 0, result.stderr
    assert "Read: 2 · logged: 2 · skipped: 0 · rejected: 0" in result.stdout
    assert "python -m lib undo" in result.stdout


def test_calendar_import_refuses_what_is_not_a_calendar(tmp_path: Path, db_url: str) -> None:
    not_ics = tmp_path / "kontakter.ics"
    not_ics.write_bytes(b"Navn;E-mail\r\nJens;jens@au.dk\r\n")
    result = run_cli("calendar", "import", str(not_ics), "--lang", "en", "--db", db_url)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("The file is not a calendar (.ics).")
    unknown = run_cli("calendar", "import", str(not_ics), "--staff", "x@y.dk", "--lang", "en", "--db", db_url)
    assert unknown.returncode == 2


def test_help_says_when_contacts_are_created() -> None:
    result = run_cli("calendar", "import", "--help")
    text = " ".join(result.stdout.split())
    assert "--create-contacts create the unknown external attendees as contacts" in text
    assert "without it they are only listed" in text
