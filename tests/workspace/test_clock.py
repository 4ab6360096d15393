"""One clock: times are stored in UTC and read in the workspace's time zone everywhere.

A person imported at a fixed UTC moment (once in summer, once in winter) must show the same local
time on the import history, in the event log, on the person's page, in the exports (the event log's
Excel file, the person export as JSON with its offset and as Excel in local time) and on the command
line, and the workspace's own time zone (a setting of the set-up) must be the one used.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from lib.core.errors import UndoNotPossible, ValidationFailed
from lib.db import Database, Event, ImportBatch, Person, log_event, set_setting
from lib.ingest.contact_lists import prepare_file, run_import, undo_import
from lib.privacy import personal_data as pdata
from lib.workspace import clock
from lib.workspace import events as eventlog
from tests import apptest_support
from tests.apptest_support import rerun
from tests.sheets import xlsx

ROOT = Path(__file__).resolve().parents[2]
COPENHAGEN = clock.zone("Europe/Copenhagen")
#: Stored UTC moments and what a reader in Copenhagen sees: summer time (+2) and winter time (+1).
SUMMER = (
    dt.datetime(2026, 6, 1, 18, 44),
    dt.datetime(2026, 6, 1, 20, 44),
    "01-06-2026 20:44",
    "2026-06-01T20:44:00+02:00",
)
WINTER = (
    dt.datetime(2026, 1, 15, 18, 44),
    dt.datetime(2026, 1, 15, 19, 44),
    "15-01-2026 19:44",
    "2026-01-15T19:44:00+01:00",
)
SEASONS = pytest.mark.parametrize("season", [SUMMER, WINTER], ids=["summer", "winter"])
EMAIL = "anne.holm@aalykke.example.dk"


# --- the clock itself ------------------------------------------------------------------------------


def test_a_stored_time_is_read_in_copenhagen_summer_and_winter() -> None:
    for stored, local, _shown, iso in (SUMMER, WINTER):
        assert clock.to_local(stored, COPENHAGEN).isoformat() == iso
        assert clock.local_naive(stored, COPENHAGEN) == local
    assert clock.format_local(SUMMER[0], "da", COPENHAGEN) == "01-06-2026 20:44"
    assert clock.format_local(SUMMER[0], "en", COPENHAGEN) == "2026-06-01 20:44"
    assert clock.to_local(None, COPENHAGEN) is None


def test_a_column_of_stored_times_becomes_local_wall_clock_times() -> None:
    shown = clock.local_series(pd.Series([SUMMER[0], WINTER[0], None]), COPENHAGEN)
    assert shown.tolist()[:2] == [pd.Timestamp(SUMMER[1]), pd.Timestamp(WINTER[1])]
    assert pd.isna(shown.tolist()[2])


def test_today_is_the_day_in_the_workspaces_zone_not_in_utc() -> None:
    # 22:30 UTC on 1 June is half past midnight on 2 June in Copenhagen.
    late = dt.datetime(2026, 6, 1, 22, 30)
    assert clock.today(COPENHAGEN, at=late) == dt.date(2026, 6, 2)
    assert clock.today(clock.zone("UTC"), at=late) == dt.date(2026, 6, 1)


def test_today_of_a_missing_time_is_today() -> None:
    # A column of stored times gives NaT where a time is missing: that day is today, not an error.
    assert clock.today(COPENHAGEN, at=pd.NaT) == clock.today(COPENHAGEN)


def test_a_local_day_starts_at_local_midnight() -> None:
    start, end = clock.utc_bounds(dt.date(2026, 6, 1), dt.date(2026, 6, 1), COPENHAGEN)
    assert (start, end) == (dt.datetime(2026, 5, 31, 22, 0), dt.datetime(2026, 6, 1, 22, 0))
    start, end = clock.utc_bounds(dt.date(2026, 1, 15), None, COPENHAGEN)
    assert (start, end) == (dt.datetime(2026, 1, 14, 23, 0), None)


def test_time_zone_names_are_checked() -> None:
    assert clock.valid_timezone(" europe/copenhagen ") == "Europe/Copenhagen"
    assert clock.valid_timezone("") == clock.DEFAULT_TIMEZONE
    for bad in ("Mars/Olympus", "CET+1", "../../etc/passwd"):
        with pytest.raises(ValidationFailed) as refused:
            clock.valid_timezone(bad)
        assert refused.value.key == "setup.timezone_invalid" and refused.value.params["field"] == "timezone"
    # A stored value that is no longer a zone never breaks a page: the default is used.
    assert clock.zone("Mars/Olympus").key == clock.DEFAULT_TIMEZONE


# --- a workspace with an import at a fixed moment -----------------------------------------------------


def imported_at(db: Database, moment: dt.datetime) -> int:
    """One person imported, edited once; the import, the record and every event stamped ``moment`` (UTC)."""
    data = xlsx({"Kontakter": [["Navn", "E-mail"], ["Anne Holm", EMAIL]]})
    run_import(db, prepare_file(db, "kontakter.xlsx", data).sheets, commit=True)
    with db.write() as session:
        person_id = session.scalars(select(Person.id)).one()
        log_event(session, "person_updated", entity="person", entity_id=person_id, changes={"title": [None, "Leder"]})
        session.execute(update(ImportBatch).values(created_at=moment))
        session.execute(update(Person).values(created_at=moment, updated_at=moment))
        session.execute(update(Event).values(at=moment))
    return person_id


@SEASONS
@pytest.mark.slow
def test_the_import_history_shows_copenhagen_time(db: Database, season: tuple) -> None:
    stored, _local, shown, _iso = season
    imported_at(db, stored)
    at = apptest_support.run_page("../pages/importer.py")
    history = at.dataframe[0].value
    assert history["Tidspunkt"].tolist() == [shown]


@SEASONS
@pytest.mark.slow
def test_the_event_log_shows_copenhagen_time(db: Database, season: tuple) -> None:
    stored, local, _shown, _iso = season
    imported_at(db, stored)
    at = apptest_support.run_page("../pages/admin.py")
    log = next(df.value for df in at.dataframe if "action_label" in df.value.columns)
    times = log["at"].tolist()
    assert times and set(times) == {pd.Timestamp(local)}


@SEASONS
@pytest.mark.slow
def test_the_person_page_shows_copenhagen_time(db: Database, season: tuple) -> None:
    stored, local, _shown, _iso = season
    person_id = imported_at(db, stored)
    at = apptest_support.run_page("../pages/contacts.py", timeout=30)
    people = next(df.value for df in at.dataframe if "updated_at" in df.value.columns)
    assert people["updated_at"].tolist() == [pd.Timestamp(local)]
    at.selectbox(key="contacts_person_picker").set_value(person_id)
    rerun(at)
    imports = next(df.value for df in at.dataframe if "file_name" in df.value.columns)
    history = next(df.value for df in at.dataframe if "summary" in df.value.columns)
    assert imports["created_at"].tolist() == [pd.Timestamp(local)]
    assert set(history["at"].tolist()) == {pd.Timestamp(local)}


@pytest.mark.slow
def test_the_workspaces_own_time_zone_is_used(db: Database) -> None:
    imported_at(db, SUMMER[0])
    with db.write() as session:
        set_setting(session, clock.TIMEZONE_SETTING, "America/New_York")
    at = apptest_support.run_page("../pages/importer.py")
    assert at.dataframe[0].value["Tidspunkt"].tolist() == ["01-06-2026 14:44"]  # UTC-4 in summer


@SEASONS
def test_exports_carry_copenhagen_time(db: Database, season: tuple) -> None:
    stored, local, _shown, iso = season
    person_id = imported_at(db, stored)
    with db.write() as session:  # the log first: each export below is logged too
        events = load_workbook(io.BytesIO(eventlog.events_xlsx(session)))
    with db.write() as session:
        exported = json.loads(pdata.person_export_json(session, person_id))
    with db.write() as session:
        workbook = load_workbook(io.BytesIO(pdata.person_export_xlsx(session, person_id)))
    assert exported["person"]["imported_at"] == iso
    assert exported["person"]["updated_at"] == iso
    assert {event["at"] for event in exported["events"] if event["action"] != "person_exported"} == {iso}
    record = {row[0]: row[1] for row in workbook["Person"].iter_rows(min_row=2, values_only=True)}
    assert record["Importeret"] == local
    rows = list(events.active.iter_rows(values_only=True))
    assert rows[0][0] == "Tidspunkt"
    stamped = [row[0] for row in rows[1:]]
    assert stamped and set(stamped) == {local}


def test_the_event_log_filters_by_the_local_day(db: Database) -> None:
    # 00:30 on 1 June in Copenhagen is still 31 May in UTC.
    imported_at(db, dt.datetime(2026, 5, 31, 22, 30))
    with db.read() as session:
        first_of_june = eventlog.events_frame(session, since=dt.date(2026, 6, 1), until=dt.date(2026, 6, 1))
        last_of_may = eventlog.events_frame(session, since=dt.date(2026, 5, 31), until=dt.date(2026, 5, 31))
    assert len(first_of_june) > 0
    assert last_of_may.empty


def test_an_undo_refused_because_of_an_edit_names_the_local_time(db: Database) -> None:
    imported_at(db, SUMMER[0])
    with db.write() as session:
        session.execute(update(ImportBatch).values(created_at=SUMMER[0] - dt.timedelta(hours=1)))
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(db, 1)
    assert "01-06-2026 20:44" in refused.value.message("da")


@SEASONS
@pytest.mark.slow
def test_the_command_line_lists_imports_in_copenhagen_time(db: Database, db_url: str, season: tuple) -> None:
    stored, _local, _shown, iso = season
    imported_at(db, stored)
    done = subprocess.run(
        [sys.executable, "-m", "lib", "batches", "--json", "--db", db_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert [row["created_at"] for row in json.loads(done.stdout)] == [iso]
