"""Hardening of uploads (issue 10): what a big upload leaves in the server's memory, parse children
taking turns, and text too long for where it is stored.

Finding 8: a session keeps only what the import page shows; the rest of an upload waits in a
private file that goes when the import is stored or cancelled, or the session ends; parse children
take turns. Finding 9: text longer than its column holds is a row problem on every database, and
no database error puts row values in the log.
"""

from __future__ import annotations

import gc
import importlib.util
import io
import logging
import os
import stat
import threading
import time
import types
import weakref
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from lib.core.config import ImportLimits
from lib.core.errors import FileRefused, UserFacingError
from lib.core.i18n import t
from lib.db import Database, Person, open_database
from lib.ingest.contact_lists import error_report_xlsx, prepare_file, run_import
from lib.ingest.safe_read import RawWorkbook, read_upload
from tests import apptest_support
from tests.sheets import csv_text, xlsx

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
page = partial(apptest_support.run_page, "../pages/importer.py")

#: A name that occurs in one row far down the sheet only: beyond the example rows the mapping editor
#: shows, and beyond the rows a preview keeps for the page.
SENTINEL = "Zelda Sentinelsdottir"
ROWS = 1_500
SENTINEL_ROW = 1_400


# What the fixes add is imported inside the tests, so that this file also runs against the code
# before them and each test fails there on what it checks.


@pytest.fixture
def spool_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private spool folder of this test's own (the real one is shared by the whole machine)."""
    folder = tmp_path / "spool"
    folder.mkdir(mode=0o700)
    if importlib.util.find_spec("lib.ingest.upload_spool") is not None:
        monkeypatch.setattr("lib.ingest.upload_spool._folder", folder)
    return folder


def big_contact_list(rows: int = ROWS) -> bytes:
    table: list[list[object]] = [["Navn", "E-mail", "Organisation", "Stilling"]]
    for index in range(rows):
        name = SENTINEL if index == SENTINEL_ROW else f"Person {index:05d}"
        table.append([name, f"person{index}@example.dk", f"Forening {index % 7}", "Medlem"])
    return xlsx({"Kontakter": table})


def reachable_texts(root: object) -> Iterator[str]:
    """Every text reachable from ``root`` by following references (classes, modules and functions
    left out: they are shared by the whole process, not held by the session)."""
    skip = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.CodeType)
    seen: set[int] = set()
    stack = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, skip):
            continue
        seen.add(id(obj))
        if isinstance(obj, str):
            yield obj
            continue
        stack.extend(gc.get_referents(obj))


def session_holds(at: AppTest, text: str) -> bool:
    return any(text in value for value in reachable_texts(at._session_state.filtered_state))


def spool_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("spool-*"))


def people_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Person.id))) or 0


# --- finding 8: what a big upload leaves in the server's memory --------------------------------------


@pytest.mark.slow
def test_finding_8_no_sheet_stays_in_the_session_after_commit_or_cancel(
    db: Database, spool_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lib.ingest.contact_lists

    workbooks: list[weakref.ref[RawWorkbook]] = []

    def recording_read_upload(*args: object, **kwargs: object) -> RawWorkbook:
        workbook = read_upload(*args, **kwargs)  # type: ignore[arg-type]
        workbooks.append(weakref.ref(workbook))
        return workbook

    monkeypatch.setattr(lib.ingest.contact_lists, "read_upload", recording_read_upload)
    data = big_contact_list()
    at = page()
    at.file_uploader[0].set_value(("kontakter.xlsx", data, XLSX_MIME))
    apptest_support.rerun(at)
    assert any("1.500 rækker" in box.label for box in at.expander)  # the preview counts every row
    assert next(m.value for m in at.metric if m.label == "Nye") == f"{ROWS:,}".replace(",", r"\.")  # 1.500
    gc.collect()
    assert workbooks and all(ref() is None for ref in workbooks)  # the parsed workbook is gone
    assert not session_holds(at, SENTINEL)  # ... and so is every row the page does not show
    waiting = spool_files(spool_folder)
    assert waiting  # the rows wait on disk instead, readable by the server's user only
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in waiting)
    assert stat.S_IMODE(spool_folder.stat().st_mode) == 0o700

    at.button(key="imp_commit").click()
    apptest_support.rerun(at)
    assert people_count(db) == ROWS  # the commit read every row back from disk
    gc.collect()
    assert not session_holds(at, SENTINEL)
    assert spool_files(spool_folder) == []

    at.file_uploader[0].set_value(("kontakter.xlsx", data, XLSX_MIME))
    apptest_support.rerun(at)
    assert next(m.value for m in at.metric if m.label == "Uændret") == f"{ROWS:,}".replace(",", r"\.")
    at.button(key="imp_clear").click()
    apptest_support.rerun(at)
    gc.collect()
    assert not session_holds(at, SENTINEL)
    assert spool_files(spool_folder) == []


@pytest.mark.slow
def test_finding_8_what_waits_on_disk_goes_when_the_session_ends(db: Database, spool_folder: Path) -> None:
    # Through the dashboard, as the server runs pages: a page run on its own is the script's
    # __main__ module, which Streamlit leaves in sys.modules until the next run of any session.
    at = apptest_support.run_page("../dashboard.py")
    at.switch_page("pages/importer.py")
    apptest_support.rerun(at)
    at.file_uploader[0].set_value(("kontakter.xlsx", big_contact_list(), XLSX_MIME))
    apptest_support.rerun(at)
    assert any("1.500 rækker" in box.label for box in at.expander)
    assert spool_files(spool_folder)
    del at  # Streamlit drops a session's state when it cleans the session up; nothing else is told
    gc.collect()
    assert spool_files(spool_folder) == []


def test_finding_8_leftovers_of_a_killed_process_are_swept(spool_folder: Path) -> None:
    from lib.ingest import upload_spool

    stale = spool_folder / f"{upload_spool.FILE_PREFIX}left-by-a-killed-process"
    stale.write_bytes(b"rows")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    recent = spool_folder / f"{upload_spool.FILE_PREFIX}another-session-in-use"
    recent.write_bytes(b"rows")

    spool = upload_spool.Spool([["Jens Hansen", "jens@x.dk"]])  # the next upload sweeps
    assert not stale.exists() and recent.exists()
    assert list(spool) == [["Jens Hansen", "jens@x.dk"]]
    spool.delete()
    assert not Path(spool.path).exists()


@pytest.mark.slow
def test_finding_8_a_big_preview_keeps_the_first_problems_and_the_report_has_all(
    db: Database, spool_folder: Path
) -> None:
    bad = [["Navn", "E-mail"]] + [[f"Person {i}", f"ikke-en-email-{i}"] for i in range(1_200)]
    at = page()
    at.file_uploader[0].set_value(("kontakter.xlsx", xlsx({"Kontakter": bad}), XLSX_MIME))
    apptest_support.rerun(at)
    assert any("1.200" in heading.value for heading in at.subheader)
    assert any("første 1.000 af 1.200 problemer" in caption.value for caption in at.caption)
    shown = next(df.value for df in at.dataframe if "Besked" in df.value.columns)
    assert len(shown) == 1_000

    from lib.ingest.contact_lists import for_session

    prepared = prepare_file(db, "kontakter.xlsx", xlsx({"Kontakter": bad}), spool=True)
    kept = for_session(run_import(db, prepared.sheets, commit=False))
    assert len(kept.problems) == 1_000 and kept.problem_total == 1_200
    report = load_workbook(io.BytesIO(error_report_xlsx(kept, "da")), read_only=True)
    assert len(list(report.worksheets[0].iter_rows())) == 1_201  # a header and every problem
    kept.discard()
    prepared.discard()


def test_finding_8_parse_children_take_turns_and_the_user_is_told(spool_folder: Path) -> None:
    from lib.ingest.safe_read import notify_when_waiting, parse_slot

    limits = ImportLimits(max_parallel_parses=1, parse_queue_seconds=120)
    data = csv_text([["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]).encode()
    told = threading.Event()
    outcome: list[object] = []

    def upload() -> None:
        with notify_when_waiting(told.set):
            outcome.append(read_upload("k.csv", data, limits))

    with parse_slot(limits):  # another user's file is being read
        reader = threading.Thread(target=upload)
        reader.start()
        assert told.wait(60)  # the second user is told that their file waits for its turn
        assert not outcome
    reader.join(60)
    assert isinstance(outcome[0], RawWorkbook)  # ... and it is read once the turn is free

    impatient = ImportLimits(max_parallel_parses=1, parse_queue_seconds=0.05)
    with parse_slot(impatient), pytest.raises(FileRefused) as refused:
        read_upload("k.csv", data, impatient)
    assert refused.value.key == "limits.parse_busy"
    assert "prøv igen" in refused.value.message("da").lower()
    assert "try again" in refused.value.message("en").lower()
    assert "Venter" in t("limits.parse_waiting", "da")


# --- finding 9: text too long for where it is stored -------------------------------------------------

#: About 12 MB in the file: a name nobody types, which SQLite would store and PostgreSQL refuse.
HUGE_NAME = "Anne " + "Møller" * 1_750_000
LONG_TITLE = "Souschef for børn og unge " * 20  # 520 characters for a 300-character column
SECRET_NAME = "Hemmelig Hansen"
SECRET_EMAIL = "hemmelig.hansen@example.dk"


@pytest.mark.slow
def test_finding_9_over_long_text_is_a_row_problem_and_the_other_rows_are_imported(any_db_url: str) -> None:
    db = open_database(any_db_url)
    rows = [
        ["Navn", "E-mail", "Organisation", "Stilling", "Afdeling"],
        [HUGE_NAME, "anne@example.dk", "Solbakke Museum", "Formidler", None],
        ["Jens Hansen", "jens@example.dk", "Solbakke Museum", LONG_TITLE, "Børn og unge " * 30],
        ["Lise Holm", "lise@example.dk", "Foreningen for " * 30, "Formand", None],
        ["Søren Ærø", "soren@example.dk", "Solbakke Gymnasium", "Lektor", None],
    ]
    prepared = prepare_file(db, "kontakter.csv", csv_text(rows).encode())
    assert prepared.error is None

    result = run_import(db, prepared.sheets, commit=True)  # on PostgreSQL this used to crash

    assert result.counts["rows"] == 4 and result.counts["inserted"] == 2 and result.counts["rejected"] == 2
    rejected = {(p.row, p.column) for p in result.problems if p.severity == "error"}
    assert rejected == {(2, "Navn"), (4, "Organisation")}  # a name is what a record is recognised by
    left_out = {(p.row, p.column) for p in result.problems if p.severity == "warning"}
    assert {(3, "Stilling"), (3, "Afdeling")} <= left_out  # other text is left out, the row imported
    messages = [p.message("da") for p in result.problems] + [p.message("en") for p in result.problems]
    assert any("for lang" in m for m in messages) and any("too long" in m for m in messages)
    assert all(len(message) < 500 for message in messages)  # no message repeats the huge cell
    assert all(len(outcome.label) < 200 for outcome in result.outcomes)
    with db.read() as session:
        stored = {p.name: p for p in session.scalars(select(Person))}
        assert sorted(stored) == ["Jens Hansen", "Søren Ærø"]
        assert stored["Jens Hansen"].title is None
        assert [a.role for a in stored["Jens Hansen"].affiliations] == [None]


@pytest.mark.slow
def test_finding_9_planning_imports_refuse_or_leave_out_over_long_text(any_db_url: str) -> None:
    from lib.db import EvaluationResponse, Partnership
    from lib.planning.evaluations import ITEM_CODES, import_survey
    from lib.planning.partnerships import import_partnerships

    db = open_database(any_db_url)
    partnerships = xlsx(
        {
            "Partnerskaber": [
                ["title", "organisations", "notes"],
                [LONG_TITLE, "Solbakke Museum", "Titlen er for lang"],
                ["Læseklub for seniorer", "Foreningen for " * 30, "Partnerens navn er for langt"],
                ["Sprogcafé", "Solbakke Museum", "Alt i orden"],
            ]
        }
    )
    result = import_partnerships(db, "partnerskaber.xlsx", partnerships, commit=True)
    assert result.counts == {"rows": 3, "inserted": 1, "rejected": 2, "skipped": 0}
    assert sorted(p.row for p in result.problems if p.severity == "error") == [2, 3]
    with db.read() as session:
        assert list(session.scalars(select(Partnership.title))) == ["Sprogcafé"]
        partnership_id = session.scalar(select(Partnership.id))

    survey = xlsx(
        {
            "Svar": [
                ["side", "respondent", ITEM_CODES[0]],
                ["library", "Bibliotekets projektleder " * 20, 4],
                ["partner", "Museets formidler", 5],
            ]
        }
    )
    answers = import_survey(db, partnership_id, "svar.xlsx", survey, commit=True, held_on="01-03-2026")
    assert answers.counts == {"rows": 2, "inserted": 2, "rejected": 0, "skipped": 0}
    assert [p.row for p in answers.problems if p.severity == "warning"] == [2]
    with db.read() as session:
        assert set(session.scalars(select(EvaluationResponse.respondent))) == {None, "Museets formidler"}


def _someone_else_takes_the_email(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the import's commit fail in the database: between the preview and the commit another
    user stored the same e-mail (as if two people imported at once)."""
    from lib.ingest.state import WorkingState

    original = WorkingState.apply

    def apply(self: WorkingState, session: Session, batch_id: int, **options: Any) -> dict[str, dict[str, int]]:
        session.execute(insert(Person).values(name="Anden", name_key="anden", email=SECRET_EMAIL, is_staff=False))
        return original(self, session, batch_id, **options)

    monkeypatch.setattr(WorkingState, "apply", apply)


@pytest.mark.slow
def test_finding_9_notes_longer_than_any_column_takes_are_left_out(any_db_url: str) -> None:
    """Notes have no limit in the database (Text); the product still takes no cell of megabytes."""
    from lib.db import Partnership
    from lib.db.text_limits import LONG_TEXT_LIMIT
    from lib.planning.partnerships import import_partnerships

    db = open_database(any_db_url)
    huge_note = "Bemærk: " + "x" * LONG_TEXT_LIMIT
    contacts = [
        ["Navn", "E-mail", "Organisation", "Noter"],
        ["Jens Hansen", "jens@example.dk", "Solbakke Museum", huge_note],
        ["Søren Ærø", "soren@example.dk", "Solbakke Museum", "Ringer tilbage i maj"],
    ]
    prepared = prepare_file(db, "kontakter.csv", csv_text(contacts).encode())
    result = run_import(db, prepared.sheets, commit=True)
    assert result.counts["inserted"] == 2 and result.counts["rejected"] == 0
    assert [(p.row, p.column, p.severity) for p in result.problems] == [(2, "Noter", "warning")]
    with db.read() as session:
        notes = {name: note for name, note in session.execute(select(Person.name, Person.notes))}
    assert notes == {"Jens Hansen": None, "Søren Ærø": "Ringer tilbage i maj"}

    planned = xlsx(
        {"Partnerskaber": [["title", "organisations", "notes"], ["Sprogcafé", "Solbakke Museum", huge_note]]}
    )
    done = import_partnerships(db, "partnerskaber.xlsx", planned, commit=True)
    assert done.counts["inserted"] == 1
    assert [p.severity for p in done.problems] == ["warning"]
    with db.read() as session:
        assert session.scalar(select(Partnership.notes)) is None


def test_finding_9_a_database_error_logs_no_row_values(
    any_db_url: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(any_db_url)
    prepared = prepare_file(db, "k.xlsx", xlsx({"K": [["Navn", "E-mail"], [SECRET_NAME, SECRET_EMAIL]]}))
    _someone_else_takes_the_email(monkeypatch)
    caplog.set_level(logging.DEBUG)

    with pytest.raises(UserFacingError) as refused:
        run_import(db, prepared.sheets, commit=True)

    assert refused.value.key == "limits.storage_failed"  # a message in the user's language, not a crash
    assert "Intet er gemt" in refused.value.message("da")
    assert any("could not be stored" in record.getMessage() for record in caplog.records)
    assert SECRET_EMAIL not in caplog.text and SECRET_NAME not in caplog.text
    assert people_count(db) == 0  # nothing stored half-way


def test_finding_9_database_error_text_quotes_no_values(any_db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    db = open_database(any_db_url)
    with pytest.raises(SQLAlchemyError) as failed, db.write() as session:
        session.execute(
            insert(Person),
            [
                {
                    "name": SECRET_NAME,
                    "name_key": "hemmelig hansen",
                    "email": SECRET_EMAIL,
                    "is_staff": False,
                    "staff_role": "chef",
                }
            ],
        )
    # What an uncaught error leaves in the server log: its text, its cause's, the whole traceback.
    logging.getLogger("streamlit.error_util").error("Uncaught app execution", exc_info=failed.value)
    assert "person_staff_role" in caplog.text  # it still says what failed ...
    assert SECRET_NAME not in caplog.text and SECRET_EMAIL not in caplog.text  # ... never with which values


@pytest.mark.slow
def test_finding_9_the_import_page_shows_a_database_error_without_row_values(
    db: Database, spool_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = page()
    at.file_uploader[0].set_value(("k.xlsx", xlsx({"K": [["Navn", "E-mail"], [SECRET_NAME, SECRET_EMAIL]]}), XLSX_MIME))
    apptest_support.rerun(at)
    _someone_else_takes_the_email(monkeypatch)
    at.button(key="imp_commit").click()
    apptest_support.rerun(at)
    assert any("Importen kunne ikke gemmes" in error.value for error in at.error)
    assert not any(SECRET_EMAIL in error.value or SECRET_NAME in error.value for error in at.error)
    assert people_count(db) == 0
