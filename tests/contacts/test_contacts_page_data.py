"""lib.contacts.page and lib.ingest.entered_people: what the contacts page shows and stores, read and
written through the Database the page passes (no Streamlit)."""

from __future__ import annotations

import pytest

from lib import contacts
from lib.contacts import page
from lib.core.access import AccessDenied, Principal
from lib.core.errors import ValidationFailed
from lib.db import Affiliation, Database, Person
from lib.ingest.entered_people import create_person_from_form
from tests.contacts.test_records import add_org, add_person


@pytest.fixture
def workspace(db: Database) -> dict[str, int]:
    """A library with staff member Søren, an association with Anne, and a club whose type a file wrote."""
    with db.write() as session:
        library = add_org(session, "Aarhus Bibliotek", org_type="library", sector="public")
        club = add_org(session, "Læseforeningen", org_type="association", sector="civil")
        kept = add_org(session, "Bydelsnetværket", org_type_text="bydelsnetværk")
        soren = add_person(session, "Søren Ærø", email="soren@bib.dk", is_staff=True, orgs=(library,))
        anne = add_person(session, "Anne Holm", email="anne@example.dk", phone="+4520304050", orgs=(club,))
        return {"library": library.id, "club": club.id, "kept": kept.id, "soren": soren.id, "anne": anne.id}


def test_the_overview_counts_and_lists_organisations_by_name(db: Database, workspace: dict[str, int]) -> None:
    overview = page.contacts_overview(db, "en")
    assert (overview.counts["people"], overview.counts["organisations"], overview.empty) == (2, 3, False)
    assert list(overview.org_choices.values()) == ["Aarhus Bibliotek", "Bydelsnetværket", "Læseforeningen"]
    assert overview.duplicates.empty


def test_an_empty_workspace_is_empty(db: Database) -> None:
    assert page.contacts_overview(db, "da").empty


def test_the_staff_filter_keeps_staff_or_everyone_else(db: Database, workspace: dict[str, int]) -> None:
    def names(staff: str) -> list[str]:
        return list(page.find_people(db, "", staff=staff).rows["name"])

    assert (names("all"), names("staff"), names("external")) == (
        ["Anne Holm", "Søren Ærø"],
        ["Søren Ærø"],
        ["Anne Holm"],
    )
    assert list(page.find_people(db, "", organisation_id=workspace["club"]).rows["name"]) == ["Anne Holm"]


def test_organisations_show_their_type_in_words_or_the_word_a_file_wrote(
    db: Database, workspace: dict[str, int]
) -> None:
    found = page.find_organisations(db, "", "en").rows.set_index("name")
    assert found.loc["Læseforeningen", "type_label"] == "Association / NGO"
    assert found.loc["Bydelsnetværket", "type_label"] == "bydelsnetværk (no type chosen)"
    assert found.loc["Bydelsnetværket", "sector_label"] == ""
    assert list(page.find_organisations(db, "", "en", org_type="library").rows["name"]) == ["Aarhus Bibliotek"]


def test_an_open_person_has_their_history_in_words_and_the_others_to_merge_with(
    db: Database, workspace: dict[str, int]
) -> None:
    with db.write() as session:
        contacts.update_person(session, workspace["anne"], {"title": "Formand", "phone": "+4530405060"})
    record = page.open_record(db, "person", workspace["anne"], "en")
    assert record is not None
    assert record.details.fields["name"] == "Anne Holm"
    assert record.others == {workspace["soren"]: "Søren Ærø (soren@bib.dk)"}
    updated = record.events[record.events["action"] == "person_updated"]
    assert list(updated["action_label"]) == ["Details edited"]
    summary = updated["summary"].iloc[0]
    assert "Job title: – → Formand" in summary and "Phone: +45 20 30 40 50 → +45 30 40 50 60" in summary


def test_an_open_organisation_lists_its_other_spellings(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        contacts.merge_organisations(session, workspace["club"], workspace["kept"])
    record = page.open_record(db, "organisation", workspace["club"], "da")
    assert record is not None and record.aliases == ["Bydelsnetværket"]
    assert workspace["kept"] not in record.others


def test_a_record_that_is_gone_opens_as_nothing(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        contacts.delete_person(session, workspace["anne"])
    assert page.open_record(db, "person", workspace["anne"], "da") is None
    assert page.record_fields(db, "person", workspace["anne"]) is None
    assert page.person_label(db, workspace["anne"]) is None
    assert page.person_label(db, workspace["soren"]) == "Søren Ærø (soren@bib.dk)"


def test_the_edit_forms_show_stored_values_as_typed(db: Database, workspace: dict[str, int]) -> None:
    person = page.record_fields(db, "person", workspace["anne"])
    organisation = page.record_fields(db, "organisation", workspace["kept"])
    assert person is not None and organisation is not None
    values = page.person_form_values(person)
    assert (values["phone"], values["title"], values["is_staff"]) == ("+45 20 30 40 50", "", False)
    assert page.organisation_form_values(organisation)["org_type"] == page.BLANK


def test_remembering_a_chosen_type_for_a_kept_word(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        changed = page.update_organisation_form(
            session, workspace["kept"], {"org_type": "citizen_group", "remember_org_type": True}
        )
    assert "org_type" in changed
    with db.read() as session:
        assert list(contacts.word_choices.remembered_words(session)["org_type"].values()) == ["citizen_group"]


def test_a_staff_member_is_added_with_team_role_and_organisation_at_once(
    db: Database, workspace: dict[str, int]
) -> None:
    values = {
        "name": "Mette Lund",
        "email": "mette@bib.dk",
        "is_staff": True,
        "team": "Børn",
        "staff_role": "",
        "org": workspace["library"],
    }
    with db.write() as session:
        person_id = create_person_from_form(session, values)
    with db.read() as session:
        person = session.get(Person, person_id)
        assert person is not None and (person.is_staff, person.team, person.staff_role) == (True, "Børn", None)
        assert session.query(Affiliation).filter_by(person_id=person_id).one().organisation_id == workspace["library"]


def test_a_refused_person_stores_nothing(db: Database, workspace: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed), db.write() as session:
        create_person_from_form(session, {"name": "", "org": workspace["library"]})
    assert page.contacts_overview(db, "da").counts["people"] == 2


def test_a_board_member_may_not_search_people(db: Database, workspace: dict[str, int]) -> None:
    board = db.acting_as(Principal(email="board@example.dk", role="viewer"))
    with pytest.raises(AccessDenied):
        page.find_people(board, "")
    assert list(page.find_organisations(board, "Aarhus", "da").rows["name"]) == ["Aarhus Bibliotek"]
