"""lib.privacy.admin_page: what the page "Administration" shows, read through the Database the page
passes (no Streamlit)."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.contacts import page as contacts_page
from lib.core.access import AccessDenied, Principal
from lib.db import Database
from lib.privacy import admin_page
from lib.privacy import personal_data as pdata
from lib.workspace.events import log_event
from tests.privacy.test_hardening_informing import add_contact

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    with db.write() as session:
        old = add_contact(session, "Gustav Gammel", dt.datetime(2019, 1, 31, 12, 0))
        late = add_contact(session, "Åse Overskredet", dt.datetime(2026, 9, 10, 10, 0))
        new = add_contact(session, "Cecilie Ny", dt.datetime(2026, 11, 20, 9, 0))
        log_event(session, "person_updated", entity="person", entity_id=new.id, actor=None)
        return {"old": old.id, "late": late.id, "new": new.id}


def test_an_event_without_an_actor_says_it_was_done_locally(db: Database, people: dict[str, int]) -> None:
    log = admin_page.event_log(db, "en", action="person_updated")
    assert list(log["actor"]) == ["(local user)"]
    assert "person_updated" in admin_page.event_actions(db)


def test_an_email_finds_its_person_or_says_it_was_erased(db: Database, people: dict[str, int]) -> None:
    assert admin_page.person_by_email(db, "cecilie@eksempel.dk") == admin_page.EmailLookup(people["new"])
    assert admin_page.person_by_email(db, "nobody@eksempel.dk") == admin_page.EmailLookup(None, erased=False)
    with db.write() as session:
        pdata.erase_person(session, people["new"], None, TODAY)
    assert admin_page.person_by_email(db, "cecilie@eksempel.dk") == admin_page.EmailLookup(None, erased=True)


def test_the_retention_list_holds_the_contacts_not_used_within_the_period(db: Database, people: dict[str, int]) -> None:
    found = admin_page.retention_list(db, TODAY)
    assert found.cutoff == pdata.months_before(TODAY, found.months)
    assert list(found.candidates["name"]) == ["Gustav Gammel"]
    assert admin_page.held_data(db, people["old"], TODAY)["person"]["name"] == "Gustav Gammel"


def test_the_contacts_to_inform_show_their_deadline_in_words(db: Database, people: dict[str, int]) -> None:
    found = admin_page.informing_list(db, TODAY, "en")
    statuses = dict(zip(found.contacts["name"], found.contacts["status"], strict=True))
    assert statuses["Åse Overskredet"] == "Deadline passed"
    assert statuses["Cecilie Ny"].endswith("days left")
    assert found.overdue >= 1 and set(found.notices) == {"da", "en"}
    assert admin_page.informed_status(db, people["late"], TODAY).overdue
    assert admin_page.status_label(False, 0, "da") == "Frist i dag"
    assert admin_page.status_label(False, 1, "en") == "1 day left"


def test_an_editor_may_not_read_the_administration(db: Database, people: dict[str, int]) -> None:
    editor = db.acting_as(Principal(email="e@bib.dk", role="editor"))
    with pytest.raises(AccessDenied):
        admin_page.retention_list(editor, TODAY)
    with pytest.raises(AccessDenied):
        admin_page.event_log(editor, "da")
    assert contacts_page.people_choices(editor, "cecilie").labels == {people["new"]: "Cecilie Ny (cecilie@eksempel.dk)"}
