"""The import as a user meets it: counts that add up, nothing lost, nothing merged silently, undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from lib.core.errors import UndoNotPossible
from lib.db import (
    Affiliation,
    Database,
    DuplicateCandidate,
    ImportBatch,
    Organisation,
    Person,
    Relation,
    SavedMapping,
    record_to_dict,
)
from lib.ingest.contact_lists import prepare_file, run_import, undo_import
from tests.sheets import LINKEDIN_CONNECTIONS, MESSY_DANISH, STAFF, csv_text, outlook_da_rows, xlsx

VOLATILE = {"created_at", "updated_at", "batch_id"}


def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every stored record of the four data tables, without timestamps: what a user can see."""
    with db.read() as session:
        return {
            model.__tablename__: sorted(
                (
                    {k: v for k, v in record_to_dict(r).items() if k not in VOLATILE}
                    for r in session.scalars(select(model))
                ),
                key=lambda values: values["id"],
            )
            for model in (Person, Organisation, Affiliation, Relation)
        }


def import_bytes(db: Database, name: str, data: bytes, *, commit: bool = True):
    prepared = prepare_file(db, name, data)
    assert prepared.error is None, prepared.error and prepared.error.message("en")
    return run_import(db, prepared.sheets, commit=commit)


def person(db: Database, email: str) -> Person:
    with db.read() as session:
        found = session.scalars(select(Person).where(Person.email == email)).one()
        return found


@pytest.mark.slow
def test_messy_danish_list_is_read_with_exact_counts(db: Database) -> None:
    import_bytes(db, "staff.xlsx", xlsx({"Medarbejdere": STAFF}))
    result = import_bytes(db, "kontakter.xlsx", xlsx({"Kontakter": MESSY_DANISH}))

    # Row 9's unreadable e-mail is left out, not the person: "Ukendt Person" has a name to go by.
    assert result.counts == {"rows": 6, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 0, "skipped": 1}
    assert result.balanced
    assert [p for p in result.problems if p.severity == "error"] == []
    warnings = {(p.row, p.column): p for p in result.problems if p.severity == "warning"}
    assert "ikke-en-email" in warnings[(9, "E-mail")].message("da")
    assert (10, "Telefon") in warnings

    soren = person(db, "soren.aero@example.dk")
    assert soren.name == "Søren Ærø"
    assert soren.phone == "+4512345678"
    jens = person(db, "jens@foreningen.dk")
    assert jens.other_emails == ["jh@privat.dk"]
    assert jens.phone == "+4587654321"
    kirsten = person(db, "kirsten@example.dk")
    assert kirsten.name == "Kirsten Hansen"
    with db.read() as session:
        anne = session.scalars(select(Person).where(Person.name == "Anne Møller")).one()
        anne_orgs = sorted(a.organisation.name for a in anne.affiliations)
        assert anne_orgs == ["Solbakke Museum", "Solbakke Musikskole"]
        tie = session.scalars(select(Relation).where(Relation.to_person_id == soren.id)).one()
        mette = session.scalars(select(Person).where(Person.email == "mette@solbakkebib.dk")).one()
        assert (tie.from_person_id, tie.owner_id) == (mette.id, mette.id)
        assert tie.last_contact == dt.date(2023, 12, 24)


def test_importing_the_same_file_again_changes_nothing(db: Database) -> None:
    data = xlsx({"Kontakter": MESSY_DANISH})
    import_bytes(db, "kontakter.xlsx", data)
    before = snapshot(db)
    again = import_bytes(db, "kontakter.xlsx", data)
    assert again.counts["inserted"] == 0 and again.counts["updated"] == 0
    assert again.counts["unchanged"] == 5 and again.balanced
    assert again.batch_id is None
    assert snapshot(db) == before


def test_preview_stores_nothing_and_predicts_the_commit(db: Database) -> None:
    data = xlsx({"Kontakter": MESSY_DANISH})
    preview = import_bytes(db, "kontakter.xlsx", data, commit=False)
    assert snapshot(db) == {"people": [], "organisations": [], "affiliations": [], "relations": []}
    committed = import_bytes(db, "kontakter.xlsx", data)
    assert preview.counts == committed.counts


@pytest.mark.slow
def test_undo_restores_exactly_the_state_before(db: Database) -> None:
    import_bytes(
        db,
        "first.xlsx",
        xlsx({"K": [["Navn", "E-mail", "Stilling"], ["Jens Hansen", "jens@foreningen.dk", "Kasserer"]]}),
    )
    before = snapshot(db)
    second = import_bytes(db, "kontakter.xlsx", xlsx({"Kontakter": MESSY_DANISH}))
    assert second.counts["updated"] == 1  # Jens: new title, phone, organisation
    assert snapshot(db) != before
    undo_import(db, second.batch_id)
    assert snapshot(db) == before
    with db.read() as session:
        assert session.get(ImportBatch, second.batch_id).status == "undone"


def test_undo_is_refused_when_a_later_import_changed_the_same_records(db: Database) -> None:
    first = import_bytes(db, "a.xlsx", xlsx({"K": [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]}))
    import_bytes(db, "b.xlsx", xlsx({"K": [["Navn", "E-mail", "Stilling"], ["Jens Hansen", "jens@x.dk", "Formand"]]}))
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(db, first.batch_id)
    assert "senere import" in refused.value.message("da")


def test_same_email_in_any_case_is_one_person(db: Database) -> None:
    rows = [["Navn", "E-mail"], ["Jens Hansen", "JENS@x.dk"], ["J. Hansen", "jens@X.DK"]]
    result = import_bytes(db, "k.xlsx", xlsx({"K": rows}))
    assert result.counts["inserted"] == 1 and result.counts["rows"] == 2
    with db.read() as session:
        assert len(session.scalars(select(Person)).all()) == 1


def test_same_name_and_organisation_without_email_is_one_person(db: Database) -> None:
    rows = [
        ["Navn", "Organisation", "Telefon"],
        ["Jens Hansen", "Solbakke Museum", "12345678"],
        ["Jens  Hansen ", "solbakke museum", None],
    ]
    result = import_bytes(db, "k.xlsx", xlsx({"K": rows}))
    assert (result.counts["inserted"], result.counts["unchanged"]) == (1, 1)
    with db.read() as session:
        assert len(session.scalars(select(Person)).all()) == 1
        assert len(session.scalars(select(Organisation)).all()) == 1


def test_same_name_with_different_emails_stays_two_people(db: Database) -> None:
    rows = [["Navn", "E-mail"], ["Jens Hansen", "jens@a.dk"], ["Jens Hansen", "jens@b.dk"]]
    import_bytes(db, "k.xlsx", xlsx({"K": rows}))
    with db.read() as session:
        assert sorted(p.email for p in session.scalars(select(Person))) == ["jens@a.dk", "jens@b.dk"]


def test_near_duplicates_are_offered_for_review_not_merged(db: Database) -> None:
    rows = [["Navn", "Organisation"], ["Mette Kristensen", "Solbakke Museum"], ["Mette Kristense", "Solbakke Museum"]]
    result = import_bytes(db, "k.xlsx", xlsx({"K": rows}))
    assert result.counts["inserted"] == 2
    assert result.review_pairs == 1
    with db.read() as session:
        assert len(session.scalars(select(Person)).all()) == 2
        pair = session.scalars(select(DuplicateCandidate)).one()
        assert pair.rule == "similar_name_same_org" and pair.status == "open"


def test_outlook_danish_export_lands_people_and_companies(db: Database) -> None:
    data = csv_text(outlook_da_rows()).encode("cp1252")
    result = import_bytes(db, "contacts.CSV", data)
    assert result.counts["inserted"] == 2 and result.balanced
    lise = person(db, "lise@fof-solbakke.dk")
    assert lise.name == "Lise Østergård"
    assert lise.title == "Skoleleder"  # "Stilling", not the honorific "Titel"
    assert lise.phone == "+4540112233"
    bo = person(db, "bo@dagbladet.dk")
    assert bo.name == "Bo Kim Jørgensen" and bo.other_emails == ["bo.privat@example.dk"]
    with db.read() as session:
        assert {o.name for o in session.scalars(select(Organisation))} == {"FOF Solbakke", "Dagbladet Solbakke"}


def test_linkedin_connections_with_notes_preamble(db: Database) -> None:
    result = import_bytes(db, "Connections.csv", LINKEDIN_CONNECTIONS.encode("utf-8"))
    assert result.counts["rows"] == 2 and result.counts["inserted"] == 2
    karen = person(db, "karen@rungstedlund.example")
    assert karen.name == "Karen Blixen" and karen.title == "Direktør"
    with db.read() as session:
        peter = session.scalars(select(Person).where(Person.name == "Peter Sørensen")).one()
        assert peter.email is None
        assert [a.organisation.name for a in peter.affiliations] == ["Solbakke Erhverv"]


def test_kumu_workbook_imports_elements_and_connections(db: Database) -> None:
    data = xlsx(
        {
            "Elements": [
                ["Label", "Type", "Description", "Email"],
                ["Solbakke Museum", "Organization", "Byens museum", None],
                ["Anna Berg", "Person", "Museumsinspektør", "anna@museum.dk"],
                ["Ole Bibliotekar", "Staff", None, "ole@solbakkebib.dk"],
            ],
            "Connections": [
                ["From", "To", "Type", "Strength"],
                ["Anna Berg", "Solbakke Museum", "Works with", 4],
                ["Ole Bibliotekar", "Anna Berg", "Knows", 3],
            ],
        }
    )
    result = import_bytes(db, "kumu.xlsx", data)
    assert result.counts == {"rows": 5, "inserted": 5, "updated": 0, "unchanged": 0, "rejected": 0, "skipped": 0}
    with db.read() as session:
        assert [o.name for o in session.scalars(select(Organisation))] == ["Solbakke Museum"]
        ole = session.scalars(select(Person).where(Person.email == "ole@solbakkebib.dk")).one()
        assert ole.is_staff
        ties = session.scalars(select(Relation).order_by(Relation.id)).all()
        assert [(t.kind, t.strength) for t in ties] == [("works_with", 4), ("knows", 3)]
        assert ties[0].to_organisation_id is not None


def test_relation_sheet_with_danish_fra_til(db: Database) -> None:
    import_bytes(
        db, "k.xlsx", xlsx({"K": [["Navn", "E-mail"], ["Anna Berg", "anna@museum.dk"], ["Ole Holm", "ole@bib.dk"]]})
    )
    prepared = prepare_file(
        db,
        "r.xlsx",
        xlsx(
            {
                "Relationer": [
                    ["Fra", "Til", "Relation", "Styrke", "Sidste kontakt"],
                    ["ole@bib.dk", "Anna Berg", "kender", "4", "01-06-2024"],
                    ["Ole Holm", "Ingen Kendt", "kender", "2", None],
                ]
            }
        ),
    )
    prepared.sheets[0].create_referenced = False  # "Opret det, som arket nævner" unticked: refused as before
    result = run_import(db, prepared.sheets, commit=True)
    assert (result.counts["inserted"], result.counts["rejected"]) == (1, 1)
    assert "Ingen Kendt" in result.problems[0].message("da")
    with db.read() as session:
        tie = session.scalars(select(Relation)).one()
        assert tie.strength == 4 and tie.last_contact == dt.date(2024, 6, 1)


def test_hidden_sheets_are_not_read_unless_chosen(db: Database) -> None:
    data = xlsx(
        {
            "Synlig": [["Navn", "E-mail"], ["A Person", "a@x.dk"]],
            "Skjult": [["Navn", "E-mail"], ["B Person", "b@x.dk"]],
        },
        hidden=["Skjult"],
    )
    prepared = prepare_file(db, "k.xlsx", data)
    hidden = [s for s in prepared.sheets if s.sheet_name == "Skjult"][0]
    assert hidden.hidden and not hidden.include
    run_import(db, prepared.sheets, commit=True)
    with db.read() as session:
        assert [p.email for p in session.scalars(select(Person))] == ["a@x.dk"]


def test_a_confirmed_mapping_is_remembered_for_the_same_columns(db: Database) -> None:
    rows = [["Hvem", "Hvorhen"], ["Jens Hansen", "jens@x.dk"]]
    prepared = prepare_file(db, "k.xlsx", xlsx({"K": rows}))
    sheet = prepared.sheets[0]
    sheet.set_role("contacts")
    sheet.mapping = ["name", "email"]
    sheet.include = True
    run_import(db, [sheet], commit=True)
    again = prepare_file(db, "k2.xlsx", xlsx({"Andet": [["Hvem", "Hvorhen"], ["Lise Holm", "lise@x.dk"]]}))
    assert again.sheets[0].mapping_source == "saved"
    assert again.sheets[0].mapping == ["name", "email"] and again.sheets[0].role == "contacts"
    with db.read() as session:
        assert len(session.scalars(select(SavedMapping)).all()) == 1


def test_rows_with_their_own_different_ids_stay_two_people(db: Database) -> None:
    rows = [["ref", "name", "email"], ["P1", "Henrik Knudsen", "henrik@x.dk"], ["P2", "Henrik Knudsen", None]]
    result = import_bytes(db, "people.xlsx", xlsx({"people": rows}))
    assert result.counts["inserted"] == 2
    with db.read() as session:
        assert sorted(str(p.email) for p in session.scalars(select(Person))) == ["None", "henrik@x.dk"]


def test_undo_is_refused_after_a_manual_edit_of_an_imported_record(db: Database) -> None:
    from lib.contacts import update_person

    result = import_bytes(db, "a.xlsx", xlsx({"K": [["Navn", "E-mail"], ["Jens Hansen", "jens@x.dk"]]}))
    with db.write() as session:
        update_person(session, person(db, "jens@x.dk").id, {"title": "Formand"})
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(db, result.batch_id)
    assert "redigeret" in refused.value.message("da")
