"""The page "Kontakter og organisationer" driven like a user would, with AppTest.

AppTest cannot click a row of ``st.dataframe``; the page reads the table's selection from session
state, so a test selects a row by writing that state (as the browser would send it). The page also
offers an "open a person" selectbox, driven here directly, which is the keyboard-friendly way in.
"""

from __future__ import annotations

from functools import partial

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.core.normalize import name_key, normalise_email
from lib.db import Affiliation, Database, DuplicateCandidate, Event, Organisation, Person
from tests import apptest_support
from tests.apptest_support import rerun

PAGE = "../pages/contacts.py"
run_page = partial(apptest_support.run_page, PAGE, timeout=30)


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    """Three people (one with an HTML name) at one organisation, and one pair waiting for review."""
    with db.write() as session:
        club = Organisation(name="Læseforeningen", name_key=name_key("Læseforeningen"), org_type="association")
        session.add(club)
        session.flush()
        soren = Person(name="Søren Ærø", name_key=name_key("Søren Ærø"), email="soren@bib.dk", is_staff=True)
        twin = Person(name="Soren Ærø", name_key=name_key("Soren Ærø"), phone="+4520304050")
        hostile = Person(name="<script>alert(1)</script>", name_key="script alert(1) /script")
        session.add_all([soren, twin, hostile])
        session.flush()
        session.add(Affiliation(person_id=soren.id, organisation_id=club.id, role="Formand"))
        candidate = DuplicateCandidate(person_a_id=soren.id, person_b_id=twin.id, rule="similar_name", score=93)
        session.add(candidate)
        session.flush()
        return {"soren": soren.id, "twin": twin.id, "hostile": hostile.id, "club": club.id, "candidate": candidate.id}


def table_names(at: AppTest) -> list[str]:
    return at.dataframe(key="contacts_people_table").value["name"].tolist()


def open_person(at: AppTest, person_id: int) -> AppTest:
    at.selectbox(key="contacts_person_picker").set_value(person_id)
    return rerun(at)


def save_person(at: AppTest, person_id: int) -> AppTest:
    at.button(key=f"contacts_person_save_{person_id}").click()
    return rerun(at)


def stored_email(db: Database, person_id: int) -> str | None:
    with db.read() as session:
        return session.get(Person, person_id).email


def test_empty_workspace_points_to_import(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Kontakter og organisationer"
    assert at.info[0].value.startswith("Der er endnu ingen kontakter eller organisationer.")
    assert "»Importér«" in at.info[0].value
    assert [tab.label for tab in at.tabs] == ["Personer", "Organisationer", "Mulige dubletter (0)"]


def test_people_table_lists_everyone_as_plain_text(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    assert table_names(at) == ["<script>alert(1)</script>", "Soren Ærø", "Søren Ærø"]
    assert not at.info  # not the empty-workspace message
    at.text_input(key="contacts_people_search").set_value("læseforen")
    rerun(at)
    assert table_names(at) == ["Søren Ærø"]


def test_selecting_a_table_row_opens_the_record(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    position = table_names(at).index("Søren Ærø")
    at.session_state["contacts_people_table"] = {"selection": {"rows": [position], "columns": [], "cells": []}}
    rerun(at)
    assert [s.value for s in at.subheader] == ["Søren Ærø"]
    assert at.text_input(key=f"contacts_pform_{people['soren']}_email").value == "soren@bib.dk"
    assert at.selectbox(key="contacts_person_picker").value == people["soren"]


def test_hostile_name_is_escaped_in_the_heading(db: Database, people: dict[str, int]) -> None:
    at = open_person(run_page(), people["hostile"])
    # Markdown with every character that would mean something escaped: shown literally, never as HTML.
    assert at.subheader[0].value == r"\<script\>alert(1)\</script\>"


def test_invalid_email_shows_a_danish_error_and_stores_nothing(db: Database, people: dict[str, int]) -> None:
    at = open_person(run_page(), people["twin"])
    at.text_input(key=f"contacts_pform_{people['twin']}_email").set_value("soren@@bib")
    save_person(at, people["twin"])
    with pytest.raises(ValidationFailed) as expected:
        normalise_email("soren@@bib")
    assert [e.value for e in at.error] == [expected.value.message("da")]
    assert stored_email(db, people["twin"]) is None


def test_email_of_another_person_is_refused_in_danish(db: Database, people: dict[str, int]) -> None:
    at = open_person(run_page(), people["twin"])
    at.text_input(key=f"contacts_pform_{people['twin']}_email").set_value("SOREN@bib.dk")
    save_person(at, people["twin"])
    assert [e.value for e in at.error] == [
        "E-mailadressen soren@bib.dk bruges allerede af Søren Ærø. Hvis det er den samme person, så slå de to "
        "sammen i stedet."
    ]
    assert stored_email(db, people["twin"]) is None


def test_valid_email_is_saved_and_logged(db: Database, people: dict[str, int]) -> None:
    at = open_person(run_page(), people["twin"])
    at.text_input(key=f"contacts_pform_{people['twin']}_email").set_value("  Soren.Aero@Firma.DK ")
    save_person(at, people["twin"])
    assert not at.error
    assert [s.value for s in at.success] == ["Gemt."]
    assert stored_email(db, people["twin"]) == "soren.aero@firma.dk"
    # The form shows the stored (cleaned) value again, not what was typed.
    assert at.text_input(key=f"contacts_pform_{people['twin']}_email").value == "soren.aero@firma.dk"
    with db.read() as session:
        event = session.scalars(select(Event).where(Event.action == "person_updated")).one()
        assert event.details == {"changes": {"email": [None, "soren.aero@firma.dk"]}}


def test_merge_from_the_duplicates_tab_leaves_one_person(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    assert at.tabs[2].label == "Mulige dubletter (1)"
    candidate = people["candidate"]
    at.radio(key=f"contacts_dup_{candidate}_keep").set_value("a")
    at.button(key=f"contacts_dup_{candidate}_merge").click()
    rerun(at)
    assert [s.value for s in at.success] == ["De to er slået sammen."]
    assert at.tabs[2].label == "Mulige dubletter (0)"
    with db.read() as session:
        names = sorted(p.name for p in session.scalars(select(Person)))
        assert names == ["<script>alert(1)</script>", "Søren Ærø"]
        kept = session.get(Person, people["soren"])
        assert (kept.email, kept.phone) == ("soren@bib.dk", "+4520304050")
        assert session.get(DuplicateCandidate, candidate).status == "merged"


def test_dismiss_from_the_duplicates_tab_keeps_both(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    at.button(key=f"contacts_dup_{people['candidate']}_dismiss").click()
    rerun(at)
    assert at.tabs[2].label == "Mulige dubletter (0)"
    with db.read() as session:
        assert len(session.scalars(select(Person)).all()) == 3
        assert session.get(DuplicateCandidate, people["candidate"]).status == "dismissed"


def test_merge_from_an_open_record(db: Database, people: dict[str, int]) -> None:
    at = open_person(run_page(), people["soren"])
    prefix = f"contacts_pmerge_{people['soren']}_"
    assert at.button(key=prefix + "button").disabled
    at.selectbox(key=prefix + "other").set_value(people["twin"])
    at.checkbox(key=prefix + "confirm").check()
    rerun(at)
    at.button(key=prefix + "button").click()
    rerun(at)
    assert [s.value for s in at.success] == ["De to er slået sammen."]
    with db.read() as session:
        assert session.get(Person, people["twin"]) is None
        assert session.get(Person, people["soren"]).phone == "+4520304050"


def test_add_person_with_organisation(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    at.text_input(key="contacts_new_person_name").set_value("Ida Nørgaard")
    at.text_input(key="contacts_new_person_email").set_value("ida@laes.dk")
    at.selectbox(key="contacts_new_person_org").set_value(people["club"])
    at.button(key="contacts_new_person_submit").click()
    rerun(at)
    assert "Ida Nørgaard" in table_names(at)
    assert [s.value for s in at.subheader] == ["Ida Nørgaard"]  # the new person is opened
    with db.read() as session:
        ida = session.scalars(select(Person).where(Person.email == "ida@laes.dk")).one()
        assert [a.organisation_id for a in ida.affiliations] == [people["club"]]


def test_organisation_type_is_edited_with_vocabulary_labels(db: Database, people: dict[str, int]) -> None:
    at = run_page()
    at.selectbox(key="contacts_org_picker").set_value(people["club"])
    rerun(at)
    prefix = f"contacts_oform_{people['club']}_"
    assert at.selectbox(key=prefix + "org_type").value == "association"
    at.selectbox(key=prefix + "org_type").set_value("cultural")
    at.selectbox(key=prefix + "sector").set_value("civil")
    at.text_input(key=prefix + "website").set_value("laes.dk")
    at.button(key=f"contacts_org_save_{people['club']}").click()
    rerun(at)
    assert [s.value for s in at.success] == ["Gemt."]
    with db.read() as session:
        club = session.get(Organisation, people["club"])
        assert (club.org_type, club.sector, club.website) == ("cultural", "civil", "https://laes.dk")


def test_english_headings(db: Database, people: dict[str, int]) -> None:
    at = run_page(lang="en")
    assert at.title[0].value == "Contacts and organisations"
    assert [tab.label for tab in at.tabs] == ["People", "Organisations", "Possible duplicates (1)"]
    at = open_person(at, people["soren"])
    assert at.button(key=f"contacts_person_save_{people['soren']}").label == "Save"
    assert t("contacts.dup.dismiss", "en") == "Not the same person"


def test_affiliation_is_added_with_a_danish_date_and_ended(db: Database, people: dict[str, int]) -> None:
    import datetime as dt

    twin = people["twin"]
    at = open_person(run_page(), twin)
    at.selectbox(key=f"contacts_aff_{twin}_org").set_value(people["club"])
    at.text_input(key=f"contacts_aff_{twin}_role").set_value("Kasserer")
    at.date_input(key=f"contacts_aff_{twin}_start").set_value(dt.date(2001, 3, 15))
    at.button(key=f"contacts_aff_add_{twin}").click()
    rerun(at)
    assert not at.error
    with db.read() as session:
        [affiliation] = session.scalars(select(Affiliation).where(Affiliation.person_id == twin)).all()
        assert (affiliation.role, affiliation.start_date, affiliation.end_date) == (
            "Kasserer",
            dt.date(2001, 3, 15),
            None,
        )
    at.button(key=f"contacts_aff_end_{twin}").click()
    rerun(at)
    with db.read() as session:
        assert session.get(Affiliation, affiliation.id).end_date == dt.date.today()


def test_person_is_deleted_after_confirmation(db: Database, people: dict[str, int]) -> None:
    soren = people["soren"]
    at = open_person(run_page(), soren)
    assert at.button(key=f"contacts_pdelete_{soren}_button").disabled
    at.checkbox(key=f"contacts_pdelete_{soren}_confirm").check()
    rerun(at)
    at.button(key=f"contacts_pdelete_{soren}_button").click()
    rerun(at)
    assert [s.value for s in at.success] == ["Personen er slettet."]
    assert not at.subheader
    with db.read() as session:
        assert session.get(Person, soren) is None
        assert session.scalars(select(Affiliation)).all() == []


def test_scan_offers_same_name_pairs_for_review(db: Database, people: dict[str, int]) -> None:
    with db.write() as session:
        session.add(Person(name="Søren Ærø", name_key=name_key("Søren Ærø"), email="soren@privat.dk"))
    at = run_page()
    at.button(key="contacts_dup_scan").click()
    rerun(at)
    # Only the new pair: the two Sørens were already waiting for review.
    assert [s.value for s in at.success] == ["Nye mulige dubletter fundet: 1."]
    assert at.tabs[2].label == "Mulige dubletter (2)"
    assert "Samme navn, men forskellige e-mailadresser" in [
        m.value.split("**")[1] for m in at.markdown if m.value.startswith("**")
    ]


def test_stored_utc_times_are_shown_in_danish_time() -> None:
    import datetime as dt

    import pandas as pd

    from components.tables import Col, _with_local_times, escape_markdown

    stored = pd.DataFrame({"at": [dt.datetime(2024, 7, 1, 10, 0), dt.datetime(2024, 12, 1, 10, 0)]})
    shown = _with_local_times(stored, [Col("at", "contacts.field.event_at", "datetime")])
    assert shown["at"].tolist() == [pd.Timestamp(2024, 7, 1, 12, 0), pd.Timestamp(2024, 12, 1, 11, 0)]
    assert stored["at"][0] == dt.datetime(2024, 7, 1, 10, 0)  # the caller's frame is left alone
    assert escape_markdown("**Jens** [x](y)") == r"\*\*Jens\*\* \[x\](y)"
