"""Issue 11, first real use: a library's own files, imported into an empty workspace, become its network.

What a newcomer meets: the coordinator's contact sheet (a title row, Danish headers, "Ansvarlig
medarbejder" naming the colleague who holds each contact, a total row, a mailbox instead of a person),
a colleague's export with English headers, a staff list, and lists of ties from Gephi and Kumu.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lib.db import Database, Organisation, OrganisationAlias, Person, Relation, open_database
from lib.ingest.contact_lists import ImportResult, prepare_file, run_import, undo_import
from tests import apptest_support
from tests.browser_support import CHROMIUM, open_page, running_dashboard
from tests.ingest.test_importer import snapshot
from tests.sheets import csv_text, xlsx

#: Slow as a whole: a library's whole set of files imported, and the command line.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "examples"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTACT_STAFF = ["Anders Vestergaard", "Jonas Friis", "Lone Bech", "Mette Holm", "Peter Lund", "Sara Kjeldsen"]


def prepared_sheets(db: Database, name: str, data: bytes, **settings: Any) -> list[Any]:
    prepared = prepare_file(db, name, data)
    assert prepared.error is None, prepared.error and prepared.error.message("en")
    for sheet in prepared.sheets:
        for setting, value in settings.items():
            setattr(sheet, setting, value)
    return prepared.sheets


def run(db: Database, name: str, data: bytes | None = None, *, commit: bool = True, **settings: Any) -> ImportResult:
    """Import one file (an example file when ``data`` is None) with the sheets' ``settings``."""
    data = (EXAMPLES / name).read_bytes() if data is None else data
    return run_import(db, prepared_sheets(db, name, data, **settings), commit=commit)


def staff_names(db: Database) -> list[str]:
    with db.read() as session:
        return sorted(p.name for p in session.scalars(select(Person).where(Person.is_staff.is_(True))))


def person_named(db: Database, name: str) -> Person:
    with db.read() as session:
        return session.scalars(select(Person).where(Person.name == name)).one()


def organisation_named(db: Database, name: str) -> Organisation:
    with db.read() as session:
        return session.scalars(select(Organisation).where(Organisation.name == name)).one()


def ties(db: Database) -> dict[tuple[str, str, str], Relation]:
    """Every relation by (from, to, kind), the ends by name."""
    with db.read() as session:
        people = {p.id: p.name for p in session.scalars(select(Person))}
        orgs = {o.id: o.name for o in session.scalars(select(Organisation))}
        found = {}
        for tie in session.scalars(select(Relation)):
            source = people.get(tie.from_person_id) or orgs.get(tie.from_organisation_id)
            target = people.get(tie.to_person_id) or orgs.get(tie.to_organisation_id)
            found[(source, target, tie.kind)] = tie
        return found


def warnings_of(result: ImportResult) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for problem in result.problems:
        if problem.severity == "warning":
            found.setdefault(problem.row, []).append(problem.key)
    return found


# --- 1. what a file names is created ---------------------------------------------------------------


def test_the_coordinators_list_on_an_empty_workspace_gives_staff_ties_and_their_dates(db: Database) -> None:
    preview = run(db, "kontaktliste.xlsx", commit=False)
    assert not [p for p in preview.problems if p.key == "import.owner_not_found"]
    committed = run(db, "kontaktliste.xlsx")
    assert staff_names(db) == CONTACT_STAFF
    found = ties(db)
    assert len(found) == 14
    karen = found[("Mette Holm", "Karen Møller", "knows")]
    assert karen.last_contact == dt.date(2026, 1, 12) and karen.owner_id == person_named(db, "Mette Holm").id
    assert found[("Sara Kjeldsen", "Henrik Lauridsen", "knows")].last_contact == dt.date(2025, 11, 3)
    # The mailbox row's tie goes to its organisation, held by the staff member the row names.
    assert ("Lone Bech", "Ålykke Frivilligcenter", "knows") in found
    # The preview said so, staff member by staff member.
    assert preview.created["staff"] == 6 and preview.referenced_counts["staff"] == 6
    assert sorted(r.name for r in preview.referenced if r.kind == "staff") == CONTACT_STAFF
    assert preview.created["relations"] == 14
    assert committed.counts == preview.counts and committed.created == preview.created


def test_the_staff_list_marks_staff_with_their_team_and_role_and_the_contact_list_finds_them(db: Database) -> None:
    staff = run(db, "medarbejdere.xlsx")
    assert staff.per_sheet[0]["role"] == "staff" and staff.created == {
        "staff": 8,
        "people": 0,
        "organisations": 0,
        "affiliations": 0,
        "relations": 0,
    }
    mette, lone, karin = (person_named(db, n) for n in ("Mette Holm", "Lone Bech", "Karin Dahl"))
    assert (mette.is_staff, mette.team, mette.staff_role) == (True, "Børn og familie", "network_lead")
    assert lone.staff_role == "partnership_owner" and lone.email == "lone.bech@aalykkebib.example.dk"
    assert (karin.staff_role, karin.title) == (None, "Leder")  # a role no code fits is the job title
    contacts = run(db, "kontaktliste.xlsx")
    assert contacts.created["staff"] == 0 and contacts.referenced == []
    assert contacts.created["relations"] == 14 and len(staff_names(db)) == 8


def test_staff_the_contact_list_created_get_their_details_from_the_staff_list_later(db: Database) -> None:
    run(db, "kontaktliste.xlsx")
    later = run(db, "medarbejdere.xlsx")
    assert len(staff_names(db)) == 8
    assert later.created["staff"] == 2  # Karin Dahl and Emil Skov hold no contact in the list
    mette = person_named(db, "Mette Holm")
    assert (mette.email, mette.team, mette.staff_role) == (
        "mette.holm@aalykkebib.example.dk",
        "Børn og familie",
        "network_lead",
    )
    assert ties(db)[("Mette Holm", "Karen Møller", "knows")].owner_id == mette.id


def test_a_responsible_staff_cell_with_an_address_is_matched_by_it_and_an_unknown_one_created(db: Database) -> None:
    run(db, "staff.xlsx", xlsx({"Medarbejdere": [["Navn", "E-mail"], ["Mette Holm", "mh@bib.dk"]]}))
    result = run(
        db,
        "k.xlsx",
        xlsx(
            {
                "Kontakter": [
                    ["Navn", "E-mail", "Bibliotekets kontaktperson", "Sidst i kontakt"],
                    ["Anna Berg", "anna@museum.dk", "M. Holm <MH@bib.dk>", "01-03-2026"],
                    ["Bo Dam", "bo@skole.dk", "Ida Friis <ida.friis@bib.dk>", "02-03-2026"],
                ]
            }
        ),
    )
    found = ties(db)
    assert found[("Mette Holm", "Anna Berg", "knows")].last_contact == dt.date(2026, 3, 1)
    assert found[("Ida Friis", "Bo Dam", "knows")].last_contact == dt.date(2026, 3, 2)
    ida = person_named(db, "Ida Friis")
    assert ida.is_staff and ida.email == "ida.friis@bib.dk"
    assert [(r.kind, r.name) for r in result.referenced] == [("staff", "Ida Friis")]


def test_a_relation_sheet_alone_creates_the_people_and_organisations_it_names(db: Database) -> None:
    result = run(db, "relationer.xlsx")
    assert result.counts["rejected"] == 0 and result.counts["inserted"] == 15
    assert result.referenced_counts == {"staff": 0, "people": 14, "organisations": 7}
    kinds = {r.name: r.kind for r in result.referenced}
    assert kinds["Ålykke Avis"] == kinds["FOF Ålykke"] == kinds["Ålykke Teaterforening"] == "organisations"
    assert kinds["Karen Møller"] == kinds["Mette Holm"] == "people"
    found = ties(db)
    assert len(found) == 15
    jens = found[("Mette Holm", "Jens Kjær", "knows")]
    assert (jens.strength, jens.weight) == (4, 4.0)  # "4 af 5"
    assert found[("Karen Møller", "Ålykke Teaterforening", "member")].strength is None


def test_a_gephi_edge_list_keeps_its_weights_and_refuses_no_row(db: Database) -> None:
    gephi = csv_text(
        [
            ["Source", "Target", "Type", "Id", "Label", "Weight"],
            ["Mette Holm", "Ålykke Museum", "Directed", "0", "", "2.5"],
            ["Mette Holm", "Karen Møller", "Undirected", "1", "", "1.0"],
            ["Karen Møller", "Jonas Friis", "Directed", "2", "", "7"],
            ["Jonas Friis", "17", "Directed", "3", "", "0"],
        ]
    ).encode()
    result = run(db, "edges.csv", gephi)
    assert result.per_sheet[0]["role"] == "relations"
    assert (result.counts["inserted"], result.counts["rejected"]) == (3, 1)
    rejected = next(p for p in result.problems if p.severity == "error")
    assert (rejected.row, rejected.key) == (5, "import.reference_not_a_name")  # a node id is no name
    assert "import.unknown_relation_kind" not in {p.key for p in result.problems}  # "Directed" is no kind
    found = ties(db)
    museum = found[("Mette Holm", "Ålykke Museum", "knows")]
    assert (museum.weight, museum.strength) == (2.5, None)
    karen, jonas = found[("Mette Holm", "Karen Møller", "knows")], found[("Karen Møller", "Jonas Friis", "knows")]
    assert (karen.weight, karen.strength) == (1.0, 1)
    assert (jonas.weight, jonas.strength) == (7.0, None)


def test_a_weight_that_is_no_number_is_left_out_not_a_reason_to_reject(db: Database) -> None:
    result = run(db, "r.xlsx", xlsx({"Relationer": [["Fra", "Til", "Vægt"], ["Anna Berg", "Bo Dam", "meget"]]}))
    assert result.counts["inserted"] == 1 and result.counts["rejected"] == 0
    assert warnings_of(result)[2] == ["value.weight_invalid"]
    tie = next(iter(ties(db).values()))
    assert (tie.weight, tie.strength) == (None, None)


def test_a_kumu_connections_sheet_without_elements_creates_its_ends(db: Database) -> None:
    data = xlsx(
        {
            "Connections": [
                ["From", "To", "Type", "Direction", "Strength"],
                ["Anna Berg", "Solbakke Museum", "works with", "directed", 4],
                ["Ole Holm", "Anna Berg", "knows", "mutual", 2.5],
            ]
        }
    )
    result = run(db, "kumu.xlsx", data)
    assert result.per_sheet[0]["role"] == "kumu_connections"
    found = ties(db)
    assert found[("Anna Berg", "Solbakke Museum", "works_with")].strength == 4
    assert found[("Ole Holm", "Anna Berg", "knows")].weight == 2.5
    assert sorted((r.kind, r.name) for r in result.referenced) == [
        ("organisations", "Solbakke Museum"),
        ("people", "Anna Berg"),
        ("people", "Ole Holm"),
    ]


def test_a_name_that_is_an_organisations_other_spelling_is_that_organisation(db: Database) -> None:
    with db.write() as session:
        organisation = Organisation(name="Aarhus Kommune", name_key="aarhus kommune")
        session.add(organisation)
        session.flush()
        session.add(OrganisationAlias(organisation_id=organisation.id, name="Århus kommune", name_key="århus kommune"))
    result = run(db, "r.xlsx", xlsx({"Relationer": [["Fra", "Til"], ["Anna Berg", "Århus Kommune"]]}))
    assert ("Anna Berg", "Aarhus Kommune", "knows") in ties(db)
    assert [(r.kind, r.name) for r in result.referenced] == [("people", "Anna Berg")]


def test_unticked_the_sheet_refuses_what_it_names_as_before(db: Database) -> None:
    contacts = run(db, "kontaktliste.xlsx", create_referenced=False)
    assert contacts.created["staff"] == 0 and contacts.created["relations"] == 0 and contacts.referenced == []
    assert sum(p.key == "import.owner_not_found" for p in contacts.problems) == 14
    relations = run(db, "relationer.xlsx", create_referenced=False)
    refused = {p.params["value"] for p in relations.problems if p.key == "import.unknown_party"}
    # Only "Karen Møller → Ålykke Teaterforening" has both ends in the workspace (from the contact list).
    assert (relations.counts["inserted"], relations.counts["rejected"]) == (1, 14) and "Mette Holm" in refused
    assert staff_names(db) == []


def test_the_command_line_switches_it_off_and_chooses_the_update(db: Database, db_url: str) -> None:
    def cli(*args: str) -> dict[str, Any]:
        done = subprocess.run(
            [sys.executable, "-m", "lib", "import", *args, "--json", "--db", db_url],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    off = cli(str(EXAMPLES / "relationer.xlsx"), "--no-create-referenced", "--dry-run")
    assert off["rejected"] == 15 and off["referenced"] == []
    on = cli(str(EXAMPLES / "kontaktliste.xlsx"))
    assert on["created"]["staff"] == 6 and len([r for r in on["referenced"] if r["kind"] == "staff"]) == 6
    winning = cli(str(EXAMPLES / "outlook-kontakter.csv"), "--update", "overwrite")
    assert {
        "table": "people",
        "record": "Birgitte Juhl",
        "field": "title",
        "old": "Konsulent, Kultur og Fritid",
        "new": "Konsulent",
    } in winning["changes"]


# --- 3. rows that are not people -------------------------------------------------------------------


def test_the_total_row_is_skipped_and_the_mailbox_becomes_its_organisations_email(db: Database) -> None:
    result = run(db, "kontaktliste.xlsx")
    outcomes = {o.row: o for o in result.outcomes if o.sheet_name == "Kontakter"}
    assert outcomes[20].outcome == "skipped" and outcomes[20].label == "I alt: 14 kontakter"
    assert "import.total_row" in warnings_of(result)[20]
    assert result.counts["skipped"] == 3  # the blank row, the blank row above the total, the total
    with db.read() as session:
        assert session.scalars(select(Person).where(Person.name.like("I alt%"))).all() == []
        assert session.scalars(select(Person).where(Person.email.like("info@%"))).all() == []
    assert organisation_named(db, "Ålykke Frivilligcenter").email == "info@frivilligcenter-aalykke.example.dk"
    outlook = run(db, "outlook-kontakter.csv")
    assert organisation_named(db, "Ålykke Museum").email == "info@aalykke-museum.example.dk"
    assert "import.mailbox_phone_left_out" in warnings_of(outlook)[7]


def test_a_mailbox_alone_finds_its_organisation_by_domain_or_is_skipped_with_the_reason(db: Database) -> None:
    run(db, "o.xlsx", xlsx({"Organisationer": [["Navn", "Hjemmeside"], ["Solbakke Museum", "www.museum.dk"]]}))
    result = run(
        db,
        "k.xlsx",
        xlsx(
            {
                "Kontakter": [
                    ["Navn", "E-mail"],
                    [None, "kontakt@museum.dk"],
                    ["Solbakke Museum", "post@museum.dk"],
                    [None, "info@ukendt.dk"],
                    ["Navn", "E-mail"],  # the header again, under a list pasted onto another
                    ["Sum: 3", None],
                ]
            }
        ),
    )
    assert [o.outcome for o in result.outcomes] == ["updated", "unchanged", "skipped", "skipped", "skipped"]
    assert result.counts == {"rows": 5, "inserted": 0, "updated": 1, "unchanged": 1, "rejected": 0, "skipped": 3}
    warnings = warnings_of(result)
    assert warnings[4] == ["import.mailbox_skipped"] and warnings[5] == ["import.repeated_header"]
    assert warnings[6] == ["import.total_row"]
    assert organisation_named(db, "Solbakke Museum").email == "kontakt@museum.dk"  # filled once, then kept
    with db.read() as session:
        assert session.scalars(select(Person)).all() == []


def test_a_row_known_only_by_its_address(db: Database) -> None:
    result = run(
        db,
        "k.xlsx",
        xlsx(
            {
                "Kontakter": [
                    ["Navn", "E-mail", "Organisation"],
                    [None, "anne.vinther@gym.dk", "Ålykke Gymnasium"],
                    [None, "mn@fonden.dk", "Fonden"],
                    ["kasper@torvet.dk", None, "Boghandlen"],
                ]
            }
        ),
    )
    assert result.counts["inserted"] == 3
    warnings = warnings_of(result)
    assert warnings[2] == ["import.name_from_email"] and warnings[3] == ["import.name_is_email"]
    assert person_named(db, "Anne Vinther").email == "anne.vinther@gym.dk"
    assert person_named(db, "mn@fonden.dk").email == "mn@fonden.dk"
    assert person_named(db, "kasper@torvet.dk").email == "kasper@torvet.dk"  # an address in the name column
    # A later list with the real name replaces the made-up one, also when filling only empty fields.
    run(
        db,
        "k2.xlsx",
        xlsx(
            {
                "Kontakter": [
                    ["Navn", "E-mail"],
                    ["Maria Nygaard", "mn@fonden.dk"],
                    ["Anne-Marie Vinther", "anne.vinther@gym.dk"],
                ]
            }
        ),
    )
    assert person_named(db, "Maria Nygaard").email == "mn@fonden.dk"
    assert person_named(db, "Anne-Marie Vinther").email == "anne.vinther@gym.dk"


# --- 6. updates you can see and choose -------------------------------------------------------------

DANISH = xlsx(
    {
        "Kontakter": [
            ["Navn", "E-mail", "Stilling", "Organisation"],
            ["Lise Østergård", "lise@fof.dk", "Skoleleder", "FOF Solbakke"],
        ]
    }
)
ENGLISH = csv_text(
    [
        ["First Name", "Last Name", "E-mail Address", "Job Title", "Company", "Mobile Phone"],
        ["Lise", "Østergård", "LISE@fof.dk", "Headmaster", "FOF Solbakke", "40 11 22 33"],
    ]
).encode()


def test_two_files_in_turn_fill_only_empty_fields_and_never_flip(db: Database) -> None:
    run(db, "kontakter.xlsx", DANISH)
    english = run(db, "colleague.csv", ENGLISH)
    lise = person_named(db, "Lise Østergård")
    assert (lise.title, lise.phone) == ("Skoleleder", "+4540112233")  # the empty phone is filled in
    assert [(c.record, c.field, c.old, c.new) for c in english.changes] == [
        ("Lise Østergård", "phone", None, "+4540112233")
    ]
    assert [(c.record, c.field, c.old, c.new) for c in english.kept] == [
        ("Lise Østergård", "title", "Skoleleder", "Headmaster")
    ]
    before = snapshot(db)
    for name, data in (("kontakter.xlsx", DANISH), ("colleague.csv", ENGLISH), ("kontakter.xlsx", DANISH)):
        again = run(db, name, data)
        assert again.batch_id is None and again.changes == []
    assert snapshot(db) == before


def test_a_file_that_wins_shows_old_and_new_and_the_next_file_does_not_flip_it_back(db: Database) -> None:
    run(db, "kontakter.xlsx", DANISH)
    preview = run(db, "colleague.csv", ENGLISH, commit=False, update_mode="overwrite")
    assert ("people", "Lise Østergård", "title", "Skoleleder", "Headmaster") in [
        (c.table, c.record, c.field, c.old, c.new) for c in preview.changes
    ]
    assert preview.updated_records["people"] == 1
    committed = run(db, "colleague.csv", ENGLISH, update_mode="overwrite")
    assert committed.changes == preview.changes
    assert person_named(db, "Lise Østergård").title == "Headmaster"
    back = run(db, "kontakter.xlsx", DANISH)  # filling only empty fields: Headmaster stays
    assert person_named(db, "Lise Østergård").title == "Headmaster" and back.batch_id is None
    undo_import(db, committed.batch_id)
    assert person_named(db, "Lise Østergård").title == "Skoleleder"


def test_a_bad_value_rejects_only_its_field_unless_it_is_all_that_says_who(db: Database) -> None:
    result = run(
        db,
        "k.xlsx",
        xlsx(
            {
                "Kontakter": [
                    ["Navn", "E-mail", "Telefon", "Organisation"],
                    ["Jens Hansen", "jens@foreningen.dk", "ugyldigt nr", "Ældre Sagen"],
                    ["Anne Møller", "anne(at)museum.dk", "22 33 44 55", "Solbakke Museum"],
                    [None, "ikke-en-email", "22 33 44 56", "Solbakke Museum"],
                ]
            }
        ),
    )
    assert [o.outcome for o in result.outcomes] == ["inserted", "inserted", "rejected"]
    problems = {(p.row, p.column): p for p in result.problems}
    assert problems[(2, "Telefon")].severity == "warning" and problems[(3, "E-mail")].severity == "warning"
    assert problems[(4, "E-mail")].severity == "error"
    jens, anne = person_named(db, "Jens Hansen"), person_named(db, "Anne Møller")
    assert (jens.email, jens.phone) == ("jens@foreningen.dk", None)
    assert (anne.email, anne.phone) == (None, "+4522334455")


def test_with_first_and_last_name_columns_the_row_is_labelled_by_the_person(db: Database) -> None:
    result = run(db, "colleague.csv", ENGLISH, commit=False)
    assert [o.label for o in result.outcomes] == ["Lise Østergård"]
    outlook = run(db, "outlook-kontakter.csv", commit=False)
    labels = {o.row: o.label for o in outlook.outcomes}
    assert labels[2] == "Karen Møller" and labels[10] == "Søren Bak Holm"
    assert labels[7] == "Ålykke Museum"  # the mailbox row is about the organisation


def test_the_preview_counts_the_organisations_and_staff_it_creates(db: Database) -> None:
    run(db, "kontakter.xlsx", DANISH)
    moved = xlsx(
        {
            "Kontakter": [
                ["Navn", "E-mail", "Organisation", "Ansvarlig medarbejder"],
                ["Lise Østergård", "lise@fof.dk", "Solbakke Sprogcenter", "Mette Holm"],
            ]
        }
    )
    preview = run(db, "k.xlsx", moved, commit=False)
    assert preview.counts["inserted"] == 0 and preview.counts["updated"] == 1  # no row is a new record …
    assert preview.created == {"staff": 1, "people": 0, "organisations": 1, "affiliations": 1, "relations": 1}
    committed = run(db, "k.xlsx", moved)  # … yet an organisation, a staff member and a tie are
    assert committed.created == preview.created and staff_names(db) == ["Mette Holm"]
    assert ("Mette Holm", "Lise Østergård", "knows") in ties(db)


# --- the guarantees still hold ---------------------------------------------------------------------


def test_undo_of_an_import_that_created_what_it_named_restores_the_empty_workspace(any_db_url: str) -> None:
    db = open_database(any_db_url)  # SQLite and PostgreSQL
    empty = snapshot(db)
    first = run(db, "kontaktliste.xlsx")
    again = run(db, "kontaktliste.xlsx")
    assert again.batch_id is None and again.counts["inserted"] == again.counts["updated"] == 0
    relations = run(db, "relationer.xlsx")
    undo_import(db, relations.batch_id)
    undo_import(db, first.batch_id)
    assert snapshot(db) == empty


# --- the pages -------------------------------------------------------------------------------------

import_page = partial(apptest_support.run_page, "../pages/importer.py")


def test_the_page_lists_what_it_creates_and_lets_the_user_untick_it(db: Database) -> None:
    at = import_page()
    at.file_uploader[0].set_value(("kontaktliste.xlsx", (EXAMPLES / "kontaktliste.xlsx").read_bytes(), XLSX_MIME))
    at.run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Medarbejdere"], metrics["Organisationer"], metrics["Relationer"]) == ("6", "14", "14")
    assert any("6 medarbejdere" in m.value for m in at.markdown)
    listed = next(df.value for df in at.dataframe if "Slags" in df.value.columns and "Navn" in df.value.columns)
    assert sorted(listed["Navn"]) == CONTACT_STAFF
    assert [r.value for r in at.radio][:1] == ["fill-empty"]
    create = next(c for c in at.checkbox if c.label == "Opret det, som arket nævner" and c.value)
    create.uncheck()
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Medarbejdere"], metrics["Relationer"]) == ("0", "0")
    at.button(key="imp_commit").click()
    at.run()
    assert staff_names(db) == []


def test_the_page_shows_old_and_new_when_a_file_wins(db: Database) -> None:
    run(db, "kontakter.xlsx", DANISH)
    at = import_page()
    at.file_uploader[0].set_value(("colleague.csv", ENGLISH, "text/csv"))
    at.run()
    kept = next(df.value for df in at.dataframe if "I filen" in df.value.columns)
    assert kept.iloc[0].tolist() == ["Person", "Lise Østergård", "Stilling", "Skoleleder", "Headmaster"]
    at.radio[0].set_value("overwrite")
    at.run()
    changes = next(df.value for df in at.dataframe if "Efter" in df.value.columns)
    assert ["Person", "Lise Østergård", "Stilling", "Skoleleder", "Headmaster"] in changes.values.tolist()
    at.button(key="imp_commit").click()
    at.run()
    assert not at.exception
    assert person_named(db, "Lise Østergård").title == "Headmaster"


def test_add_a_person_on_the_contacts_page_as_staff_with_team_and_role(db: Database) -> None:
    at = apptest_support.run_page("../pages/contacts.py")
    at.text_input(key="contacts_new_person_name").input("Emil Skov")
    at.checkbox(key="contacts_new_person_is_staff").check()
    at.text_input(key="contacts_new_person_team").input("Børn og familie")
    at.selectbox(key="contacts_new_person_staff_role").set_value("partnership_owner")
    at.button(key="contacts_new_person_submit").click()
    at.run()
    assert not at.exception
    emil = person_named(db, "Emil Skov")
    assert (emil.is_staff, emil.team, emil.staff_role) == (True, "Børn og familie", "partnership_owner")


@pytest.fixture(autouse=True)
def _danish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARTNERSKABSRADAR_LANG", raising=False)


# --- in a real browser: from an empty workspace to the library's network ---------------------------


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_from_an_empty_workspace_the_examples_become_the_librarys_network(
    browser: object,  # noqa: F811
    tmp_path: Path,
) -> None:
    folder = tmp_path / "workspace"
    folder.mkdir()
    with running_dashboard(folder, lambda _env: None) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        open_page(page, base)
        page.get_by_text("Velkommen til Partnerskabsradar").wait_for(timeout=60_000)
        page.get_by_role("textbox", name="Bibliotekets navn", exact=True).fill("Ålykke Bibliotekerne")
        page.get_by_role("button", name="Gem oplysningerne").click()
        page.get_by_text("Bibliotekets oplysninger er gemt.").wait_for(timeout=60_000)

        open_page(page, f"{base}/importer")
        for number, name in enumerate(("kontaktliste.xlsx", "medarbejdere.xlsx", "relationer.xlsx"), start=1):
            examples = page.locator("[data-testid='stExpander'] details", has_text="Prøv med et eksempel")
            examples.wait_for(timeout=60_000)
            if not examples.evaluate("element => element.open"):  # folded away once the workspace holds data
                examples.locator("summary").click()
            page.get_by_role("button", name=name, exact=True).click()
            page.get_by_text("Rækker læst").first.wait_for(timeout=60_000)
            if name == "kontaktliste.xlsx":  # the staff the list names are listed before anything is stored
                page.get_by_text("Filerne nævner 6 medarbejdere").wait_for(timeout=30_000)
                # The viewport only: a full-page shot resizes the page in the middle of the walk.
                page.screenshot(path=str(tmp_path / "1-kontaktliste-preview.png"))
            # The preview is made before the button is drawn: on a busy machine that takes a while.
            page.get_by_role("button", name="Importér", exact=True).click(timeout=60_000)
            page.get_by_text(f"Importen er gemt som import nr. {number}").wait_for(timeout=60_000)
        page.screenshot(path=str(tmp_path / "2-imported.png"), full_page=True)

        open_page(page, f"{base}/netvaerk")
        workspace = page.get_by_text(re.compile(r"\d+ personer · \d+ organisationer · \d+ relationer"))
        relations_count = int(re.search(r"(\d+) relationer", workspace.inner_text()).group(1))
        assert relations_count >= 14, workspace.inner_text()  # the contact list's ties and the relation list's
        page.get_by_text("Mit netværk", exact=True).click(timeout=60_000)
        page.get_by_role("combobox", name="Medarbejder", exact=True).click(timeout=60_000)
        page.get_by_role("option", name="Mette Holm").click()
        shown = page.get_by_text(re.compile(r"Viser \d+ punkter og \d+ forbindelser"))
        shown.wait_for(timeout=60_000)
        points, ties_shown = map(int, re.findall(r"\d+", shown.inner_text())[:2])
        assert ties_shown > 1, shown.inner_text()  # her ties, not only the one to the library
        page.screenshot(path=str(tmp_path / "3-mette-holm.png"), full_page=True)

        mine_shown = shown.inner_text()
        page.get_by_text("Hele netværket", exact=True).click()
        # Until the whole network's run has replaced it, "Mit netværk" stays on screen (greyed) with its own
        # "Vis navne": wait for its count line to go and for one toggle, drawn by a finished run.
        page.get_by_text(mine_shown, exact=True).wait_for(state="detached", timeout=60_000)
        page.wait_for_function(
            "[...document.querySelectorAll('p')].filter(p => p.textContent === 'Vis navne').length === 1"
            " && document.querySelectorAll('[data-stale=\"true\"]').length === 0",
            timeout=60_000,
        )
        page.get_by_text("Vis navne").click()
        page.locator("[data-testid='stPlotlyChart'] svg text", has_text="Ålykke Bibliotekerne").first.wait_for(
            timeout=60_000
        )
        page.locator("[data-testid='stPlotlyChart']").first.screenshot(path=str(tmp_path / "4-network.png"))
        page.close()
