"""The import page's calendar section: upload an Outlook export, read the preview, tick a new contact,
log the meetings, undo."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from lib.core.i18n import t
from lib.core.translations.calendar_import import TEXTS
from lib.db import ContactLogEntry, Database, Person
from tests import apptest_support
from tests.apptest_support import rerun, workspace_today
from tests.ingest.calendar_files import ANNE, METTE, make_workspace, outlook_export

page = partial(apptest_support.run_page, "../pages/importer.py", state={"cal_open": True})
ICS = "text/calendar"


def uploader(at: AppTest):
    return at.file_uploader(key="cal_uploader_0")


def tables(at: AppTest, column: str) -> list:
    """The section's tables that have ``column``, in the page's order."""
    return [df.value for df in at.dataframe if column in df.value.columns]


def log_entries(db: Database) -> list[str | None]:
    with db.read() as session:
        return sorted(e.note for e in session.scalars(select(ContactLogEntry)))


def test_preview_tick_commit_and_undo(db: Database) -> None:
    make_workspace(db, workspace_today())
    at = page()
    uploader(at).set_value(("Kalender.ics", outlook_export(workspace_today()), ICS))
    rerun(at)
    assert "9 aftaler læst: 3 registreres, 5 springes over, 1 afvises." in [c.value for c in at.caption]
    logged = tables(at, "Medarbejder")[0]
    assert list(logged["Emne"]) == ["Skolesamarbejde", "Planlægning af læseklub", "Ugentlig status <b>AU</b>"]
    skipped, rejected = tables(at, "Årsag")
    reasons = dict(zip(skipped["Årsag"], skipped["Emne"], strict=True))
    assert reasons["privat aftale"] == "—"  # a private meeting's subject is not shown
    assert reasons["kun interne deltagere"] == "Personalemøde"
    assert reasons["ingen kendte eksterne deltagere"] == "Kaffe med foreningen"
    assert list(rejected["Årsag"]) == ["aftalen har intet starttidspunkt"]
    offered = tables(at, "Opret")[0]
    assert [list(row) for row in offered.itertuples(index=False)] == [[False, "Mette Ny", METTE, 1]]
    assert log_entries(db) == []  # the preview stores nothing

    # Ticking the unknown attendee makes her meeting loggable, in the preview first. (AppTest cannot
    # edit a data editor's cell: the tick is set where the section keeps the ticks it read from it.)
    at.session_state["cal_ticked"] = frozenset({METTE})
    rerun(at)
    assert "9 aftaler læst: 4 registreres, 4 springes over, 1 afvises." in [c.value for c in at.caption]

    at.button(key="cal_commit").click()
    rerun(at)
    assert any("4 møder registreret" in s.value for s in at.success)
    assert log_entries(db) == ["Planlægning af læseklub", "Ugentlig status <b>AU</b>"]
    with db.read() as session:
        assert session.scalar(select(Person.name).where(Person.email == METTE)) == "Mette Ny"

    at.button(key="cal_undo").click()
    rerun(at)
    assert log_entries(db) == []
    with db.read() as session:
        assert session.scalar(select(Person.id).where(Person.email == METTE)) is None


def test_a_file_that_is_not_a_calendar_is_refused_with_a_message(db: Database) -> None:
    at = page(lang="en")
    uploader(at).set_value(("contacts.ics", b"Name;E-mail\r\nJens;jens@au.dk\r\n", ICS))
    rerun(at)
    assert any(e.value.startswith("The file is not a calendar (.ics).") for e in at.error)
    assert not [b for b in at.button if b.key == "cal_commit"]


def test_the_section_opens_on_request(db: Database) -> None:
    at = apptest_support.run_page("../pages/importer.py")
    assert [u.label for u in at.file_uploader] == ["Vælg en eller flere filer"]  # only the page's own
    at.toggle(key="cal_open").set_value(True)
    rerun(at)
    assert [u.label for u in at.file_uploader][-1] == "Kalenderfil (.ics)"


def test_staff_choice_is_offered_and_texts_exist_in_both_languages(db: Database) -> None:
    make_workspace(db, workspace_today())
    at = page()
    choice = at.selectbox(key="cal_staff")
    assert choice.options == [f"Anne Vinther <{ANNE}>", "Bo Berg <bo.berg@aarhusbib.dk>"]
    for key in TEXTS:
        assert t(key, "da") and t(key, "en")


def test_the_file_is_read_once_while_the_preview_changes_and_the_meetings_are_logged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lib.ingest import calendar_meetings

    reads: list[int] = []
    real = calendar_meetings.read_calendar

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(len(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(calendar_meetings, "read_calendar", counted)
    make_workspace(db, workspace_today())
    at = page()
    uploader(at).set_value(("Kalender.ics", outlook_export(workspace_today()), ICS))
    rerun(at)
    assert "9 aftaler læst: 3 registreres, 5 springes over, 1 afvises." in [c.value for c in at.caption]
    at.session_state["cal_ticked"] = frozenset({METTE})  # a tick plans again ...
    rerun(at)
    assert "9 aftaler læst: 4 registreres, 4 springes over, 1 afvises." in [c.value for c in at.caption]
    at.button(key="cal_commit").click()  # ... and so does the commit: neither reads the file again
    rerun(at)
    assert log_entries(db) == ["Planlægning af læseklub", "Ugentlig status <b>AU</b>"]
    assert len(reads) == 1
