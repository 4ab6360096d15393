"""``python -m lib calendar export`` as a script meets it: the file, its record in the event log, and
clear refusals that write nothing."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar
from sqlalchemy import select

from lib.db import Database, Event
from tests.apptest_support import workspace_today
from tests.cli.test_cli import run_cli
from tests.planning_builders import task_workspace


def exports(db: Database) -> list[Event]:
    with db.read() as session:
        return list(session.scalars(select(Event).where(Event.action == "calendar_exported")))


def test_one_staff_member_s_tasks_are_written_and_the_file_is_logged(tmp_path: Path, db: Database, db_url: str) -> None:
    with db.write() as session:
        task_workspace(session, workspace_today())
    out = tmp_path / "anna.ics"
    done = run_cli("calendar", "export", str(out), "--staff", "ANNA@bib.dk", "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert summary == {"out": str(out), "events": len(events), "staff": "ANNA@bib.dk"}
    assert "Tag kontakt til partnerne i Læseklub" in {str(e["summary"]) for e in events}
    assert not any(str(e["summary"]).startswith("Mål: ") for e in events)  # Bo's
    (logged,) = exports(db)
    assert logged.details["people"] >= 2  # Anna and the people at the other end of her ties


def test_everyone_s_tasks_in_english_say_who_holds_them(tmp_path: Path, db: Database, db_url: str) -> None:
    with db.write() as session:
        task_workspace(session, workspace_today())
    out = tmp_path / "all.ics"
    done = run_cli("calendar", "export", str(out), "--lang", "en", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"tasks written to {out}.")
    descriptions = [str(e["description"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert any("Held by Bo Berg" in d for d in descriptions)


def test_an_unknown_staff_member_or_an_unwritable_file_writes_and_logs_nothing(
    tmp_path: Path, db: Database, db_url: str
) -> None:
    with db.write() as session:
        task_workspace(session, workspace_today())
    out = tmp_path / "x.ics"
    done = run_cli("calendar", "export", str(out), "--staff", "ukendt@bib.dk", "--db", db_url)
    assert (done.returncode, done.stderr.strip()) == (2, "Ingen medarbejder har e-mailen ukendt@bib.dk.")
    assert not out.exists()
    done = run_cli("calendar", "export", str(tmp_path / "mangler" / "x.ics"), "--db", db_url)
    assert done.returncode == 2 and "mangler" in done.stderr
    assert exports(db) == []
