"""The page "Administration" driven like an administrator would, with AppTest: the event log, one
person's data downloaded and erased, the retention list, and a user who is not an administrator."""

from __future__ import annotations

import datetime as dt
import io
import json
import secrets
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from components import admin_views, informing_views
from lib.core.i18n import t
from lib.db import Database, Event, Person, get_setting
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import prepare_file, run_import
from lib.privacy import personal_data as pdata
from tests import apptest_support
from tests.apptest_support import rerun
from tests.sheets import xlsx

PAGE = "../pages/admin.py"
TODAY = dt.date(2026, 11, 25)
LONG_AGO = dt.datetime(2022, 1, 10, 12, 0)
EDITOR_SECRETS = {
    "auth": {
        "redirect_uri": "http://x/oauth2callback",
        "cookie_secret": secrets.token_urlsafe(48),
        "client_id": "c",
        "client_secret": "s",
        "server_metadata_url": "http://x/.well-known/openid-configuration",
    },
    "roles": {"editors": ["e@bib.dk"]},
}
run_page = partial(apptest_support.run_page, PAGE)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("components.clock.today", lambda: TODAY)


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo_workspace(db, today=dt.date(2026, 11, 1))
    return db


def staff_member(db: Database) -> Person:
    with db.read() as session:
        return session.scalars(
            select(Person).where(Person.is_staff.is_(True), Person.email.is_not(None)).order_by(Person.id)
        ).first()


def open_person(at: AppTest, email: str) -> AppTest:
    at.text_input(key=admin_views.PERSON_EMAIL).set_value(email)
    return rerun(at)


# --- the event log ---------------------------------------------------------------------------------


def test_the_event_log_lists_events_and_filters_by_action(demo: Database) -> None:
    with demo.write() as session:
        pdata.set_retention_months(session, 12, actor="chef@bib.dk")
    at = run_page()
    table = at.dataframe[0].value
    assert table["action_label"].tolist()[0] == "Opbevaringsperiode ændret"
    assert set(table["action"]) >= {"demo_created", "retention_set"}
    at.selectbox(key=admin_views.EVENTS_ACTION).set_value("retention_set")
    rerun(at)
    table = at.dataframe[0].value
    assert table["actor"].tolist() == ["chef@bib.dk"]
    at.text_input(key=admin_views.EVENTS_ACTOR).set_value("nogen-andre")
    rerun(at)
    assert t("admin.events.empty", "da") in [c.value for c in at.caption]


def test_the_event_log_download_holds_the_events_and_is_logged(
    demo: Database, downloads: dict[str, Callable[[], Any]]
) -> None:
    run_page("en")
    made = downloads[f"haendelseslog-{TODAY.isoformat()}.xlsx"]()
    rows = list(load_workbook(io.BytesIO(made))["Events"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Time", "Done by", "Action")
    assert "Demo workspace created" in [row[2] for row in rows[1:]]
    with demo.read() as session:
        assert session.scalars(select(Event.action).order_by(Event.id.desc())).first() == "events_exported"


# --- one person's data -----------------------------------------------------------------------------


def test_a_persons_data_is_shown_and_the_download_holds_it(
    demo: Database, downloads: dict[str, Callable[[], Any]]
) -> None:
    person = staff_member(demo)
    at = open_person(run_page(), person.email.upper())
    assert at.subheader[0].value == f"Det har vi registreret om {person.name}"
    labels = [e.label for e in at.expander]
    assert labels[0] == "Person (1)" and len(labels) == len(pdata.PARTS)
    with demo.read() as session:
        counts = pdata.part_counts(pdata.person_data(session, person.id))
    assert labels[2] == f"Relationer ({counts['relations']})" and counts["relations"] > 0
    # Nothing is logged until someone actually downloads.
    with demo.read() as session:
        assert not session.scalars(select(Event).where(Event.action == "person_exported")).all()
    exported = json.loads(downloads[f"persondata-{person.id}.json"]())
    assert (exported["person"]["name"], exported["person"]["email"]) == (person.name, person.email)
    assert len(exported["relations"]) == counts["relations"]
    workbook = load_workbook(io.BytesIO(downloads[f"persondata-{person.id}.xlsx"]()))
    record = {row[0]: row[1] for row in workbook["Person"].iter_rows(min_row=2, values_only=True)}
    assert record["E-mail"] == person.email
    with demo.read() as session:
        formats = [
            e.details["format"]
            for e in session.scalars(select(Event).where(Event.action == "person_exported").order_by(Event.id))
        ]
    assert formats == ["json", "xlsx"]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_person_picker_offers_the_people_a_name_search_finds_not_everyone(
    demo: Database, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setattr("lib.contacts.page.PICKER_ROWS", 3)  # the demo holds a few dozen people, not 100,000
    person = staff_member(demo)
    at = run_page(lang)
    picker = at.selectbox(key=admin_views.PERSON_PICK_WIDGET)
    with demo.read() as session:
        everyone = session.scalar(select(func.count(Person.id)))
    assert len(picker.options) == 3 and everyone > 3
    assert at.text_input(key=admin_views.PERSON_SEARCH).label == t("person_picker.search", lang)
    more = t("person_picker.more", lang, shown=3, total=everyone)
    assert more in [c.value for c in at.caption]
    at.text_input(key=admin_views.PERSON_SEARCH).set_value(person.name.upper())
    rerun(at)
    picker = at.selectbox(key=admin_views.PERSON_PICK_WIDGET)
    assert f"{person.name} ({person.email})" in picker.options and len(picker.options) <= 3
    assert more not in [c.value for c in at.caption]
    picker.set_value(person.id)
    rerun(at)
    assert at.subheader[0].value == t("admin.person.heading", lang, name=person.name)
    # Another search keeps the open person offered (and open).
    at.text_input(key=admin_views.PERSON_SEARCH).set_value("zzz-nobody")
    rerun(at)
    assert t("person_picker.none", lang) in [c.value for c in at.caption]
    assert at.selectbox(key=admin_views.PERSON_PICK_WIDGET).value == person.id
    assert at.subheader[0].value == t("admin.person.heading", lang, name=person.name)


def test_an_email_nobody_has_is_explained(demo: Database) -> None:
    at = open_person(run_page(), "ingen@eksempel.dk")
    assert at.info[0].value == "Ingen person har e-mailen ingen@eksempel.dk."
    assert not at.expander


def test_the_purpose_is_saved_from_the_page(demo: Database) -> None:
    person = staff_member(demo)
    at = open_person(run_page(), person.email)
    at.text_area(key=f"admin_purpose_{person.id}").set_value("Medarbejder – ansættelsesforhold")
    at.button(key=f"admin_purpose_{person.id}_save").click()
    rerun(at)
    assert at.success[0].value == "Formålet er gemt."
    with demo.read() as session:
        assert session.get(Person, person.id).purpose == "Medarbejder – ansættelsesforhold"


def test_erasing_needs_the_email_typed_again_and_then_keeps_them_out_of_imports(demo: Database) -> None:
    person = staff_member(demo)
    at = open_person(run_page(), person.email)
    at.text_input(key=f"admin_erase_confirm_{person.id}").set_value("forkert@eksempel.dk")
    at.button(key=f"admin_erase_{person.id}").click()
    rerun(at)
    assert at.warning[0].value == "Det skrevne passer ikke. Intet er slettet."
    with demo.read() as session:
        assert session.get(Person, person.id) is not None

    at.text_input(key=f"admin_erase_confirm_{person.id}").set_value(person.email.upper())
    at.button(key=f"admin_erase_{person.id}").click()
    rerun(at)
    assert at.success[0].value.startswith("Personen er slettet:")
    assert at.text_input(key=admin_views.PERSON_EMAIL).value == ""
    assert not at.expander
    with demo.read() as session:
        assert session.get(Person, person.id) is None
        assert pdata.find_person(session, person.email) is None

    upload = xlsx({"Kontakter": [["Navn", "E-mail"], [person.name, person.email]]})
    prepared = prepare_file(demo, "gammel.xlsx", upload)
    preview = run_import(demo, prepared.sheets, commit=False)
    assert (preview.counts["skipped"], preview.counts["inserted"]) == (1, 0)
    assert [p.message("da") for p in preview.problems] == [t("personal_data.previously_erased", "da")]

    at = open_person(at, person.email)
    assert at.info[0].value.endswith("er tidligere slettet efter anmodning.")


# --- retention -------------------------------------------------------------------------------------


@pytest.fixture
def aged(db: Database) -> Database:
    """Three contacts last used 2022, mid-2025 and 2026, and an old staff member (never listed)."""
    with db.write() as session:
        for name, updated in (
            ("Gammel Kontakt", LONG_AGO),
            ("Mellem Kontakt", dt.datetime(2025, 6, 1)),
            ("Ny Kontakt", dt.datetime(2026, 9, 1)),
            ("Bibliotekar Bo", LONG_AGO),
        ):
            session.add(
                Person(
                    name=name,
                    name_key=name.lower(),
                    email=f"{name.split()[0].lower()}@eksempel.dk",
                    is_staff=name.startswith("Bibliotekar"),
                    created_at=LONG_AGO,
                    updated_at=updated,
                )
            )
    return db


def retention_names(at: AppTest) -> list[str]:
    tables = [d.value for d in at.dataframe if "last_used" in d.value.columns]
    return tables[0]["name"].tolist() if tables else []


def test_the_retention_list_changes_with_the_period(aged: Database) -> None:
    at = run_page()
    assert retention_names(at) == ["Gammel Kontakt"]
    assert "1 kontakt er ikke brugt siden 25-11-2024." in [c.value for c in at.caption]
    at.number_input(key=admin_views.RETENTION_MONTHS).set_value(12)
    at.button(key="admin_retention_save").click()
    rerun(at)
    assert at.success[0].value == "Perioden er gemt: 12 måneder."
    assert retention_names(at) == ["Gammel Kontakt", "Mellem Kontakt"]
    with aged.read() as session:
        assert get_setting(session, "retention_months") == "12"


def test_long_lists_show_their_first_rows_and_offer_only_those(aged: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("components.tables.FIRST_ROWS", 1)  # a big workspace lists 100,000 contacts, not 4
    with aged.write() as session:
        pdata.set_retention_months(session, 12)
    at = run_page()
    assert retention_names(at) == ["Gammel Kontakt"]  # of the two contacts past the period
    assert at.multiselect(key=admin_views.RETENTION_PICK).options == ["Gammel Kontakt (gammel@eksempel.dk)"]
    informing = [d.value for d in at.dataframe if "deadline" in d.value.columns][0]
    assert len(informing) == 1
    assert len(at.multiselect(key=informing_views.PICK).options) == 1
    captions = [c.value for c in at.caption]
    assert "Viser de første 1 af 2." in captions  # the retention list
    assert "Viser de første 1 af 3." in captions  # the contacts not informed (the staff member is not listed)
    assert at.button(key=informing_views.PREFIX + "all").label == "Vælg de 1 viste"


def test_chosen_contacts_are_erased_only_when_confirmed(aged: Database) -> None:
    with aged.write() as session:
        pdata.set_retention_months(session, 12)
    at = run_page()
    with aged.read() as session:
        old = pdata.find_person(session, "gammel@eksempel.dk").id
    at.multiselect(key=admin_views.RETENTION_PICK).set_value([old])
    at.button(key="admin_retention_erase").click()
    rerun(at)
    assert at.warning[0].value == "Sæt kryds ved bekræftelsen først. Intet er slettet."
    assert retention_names(at) == ["Gammel Kontakt", "Mellem Kontakt"]

    at.checkbox(key=admin_views.RETENTION_CONFIRM).check()
    at.button(key="admin_retention_erase").click()
    rerun(at)
    assert at.success[0].value == "1 kontakt er slettet."
    assert retention_names(at) == ["Mellem Kontakt"]
    assert at.checkbox(key=admin_views.RETENTION_CONFIRM).value is False
    with aged.read() as session:
        assert pdata.was_erased(session, "gammel@eksempel.dk")


# --- who may use the page --------------------------------------------------------------------------


def test_a_user_who_is_not_an_administrator_is_refused(demo: Database) -> None:
    at = run_page(secrets=EDITOR_SECRETS, user={"is_logged_in": True, "email": "e@bib.dk"})
    assert [e.value for e in at.error] == [
        t("access.denied", "da", role=t("access.role.editor", "da"), action=t("access.permission.personal_data", "da"))
    ]
    assert not at.dataframe and not at.tabs and not at.get("download_button")


def test_an_administrator_who_logged_in_is_named_in_the_log(demo: Database) -> None:
    at = run_page(
        secrets={**EDITOR_SECRETS, "roles": {"admins": ["chef@bib.dk"]}},
        user={"is_logged_in": True, "email": "chef@bib.dk"},
    )
    at.number_input(key=admin_views.RETENTION_MONTHS).set_value(36)
    at.button(key="admin_retention_save").click()
    rerun(at)
    with demo.read() as session:
        event = session.scalars(select(Event).where(Event.action == "retention_set")).one()
    assert (event.actor, event.details) == ("chef@bib.dk", {"changes": {"months": [24, 36]}})


def test_english(demo: Database) -> None:
    at = run_page("en")
    assert at.title[0].value == "Administration"
    assert [tab.label for tab in at.tabs] == ["Event log", "A person's data", "Retention", "Duty to inform"]
    assert at.dataframe[0].value["action_label"].tolist() == ["Demo workspace created", "Searched for duplicates"]


def test_every_page_text_exists_in_both_languages() -> None:
    import re
    from pathlib import Path

    from lib.core.i18n import TEXTS

    root = Path(__file__).resolve().parents[2]
    source = "".join(
        (root / name).read_text(encoding="utf-8") for name in ("components/admin_views.py", "pages/admin.py")
    )
    used = set(re.findall(r'"(admin\.[a-z_.]+)"', source))
    assert len(used) > 40
    for key in used:
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key
