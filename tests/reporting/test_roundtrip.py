"""An export of the workspace imports back into an empty database as the same workspace.

"The same" covers everything the import understands: an organisation's CVR number, mailbox, the
type and sector words kept where no code fitted, and its other spellings (aliases); a tie's weight
and the kind word kept where no code fitted; a staff member's team and role. The workspace is
compared by natural keys (names, e-mails), field by field, in both file formats and on both
databases.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lib.contacts.organisation_duplicates import aliases_of
from lib.core.errors import UndoNotPossible
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    Database,
    Organisation,
    OrganisationAlias,
    Person,
    Relation,
    forget_database,
    open_database,
)
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import ImportResult, prepare_file, run_import, undo_import
from lib.reporting.workspace_export import export_workspace
from tests.pg import kind_of
from tests.sheets import xlsx

#: Slow as a whole: whole workspaces exported and imported back, on SQLite and PostgreSQL.
pytestmark = pytest.mark.slow


def workspace(db: Database) -> dict[str, list[Any]]:
    """The workspace by natural keys (names, e-mails), independent of database ids."""
    with db.read() as session:
        people = {p.id: p for p in session.scalars(select(Person))}
        orgs = {o.id: o for o in session.scalars(select(Organisation))}
        aliases: dict[int, list[str]] = {}
        for alias in session.scalars(select(OrganisationAlias)):
            aliases.setdefault(alias.organisation_id, []).append(alias.name)

        def who(person_id: int | None, org_id: int | None = None) -> Any:
            if person_id is not None:
                p = people[person_id]
                return ("person", p.name, p.email)
            if org_id is not None:
                return ("organisation", orgs[org_id].name)
            return None

        return {
            "people": sorted(
                (
                    (
                        p.name,
                        p.email,
                        p.phone,
                        tuple(p.other_emails or ()),
                        tuple(p.other_phones or ()),
                        p.title,
                        p.notes,
                        p.is_staff,
                        p.team,
                        p.staff_role,
                        p.source,
                    )
                    for p in people.values()
                ),
                key=repr,
            ),
            "organisations": sorted(
                (
                    (
                        o.name,
                        o.cvr,
                        o.email,
                        o.org_type,
                        o.org_type_text,
                        o.sector,
                        o.sector_text,
                        o.website,
                        o.area,
                        o.notes,
                        o.source,
                        tuple(sorted(aliases.get(o.id, []))),
                    )
                    for o in orgs.values()
                ),
                key=repr,
            ),
            "affiliations": sorted(
                (
                    (who(a.person_id), orgs[a.organisation_id].name, a.role or "", str(a.start_date), str(a.end_date))
                    for a in session.scalars(select(Affiliation))
                ),
                key=repr,
            ),
            "relations": sorted(
                (
                    repr(who(r.from_person_id, r.from_organisation_id)),
                    repr(who(r.to_person_id, r.to_organisation_id)),
                    r.kind,
                    r.kind_text or "",
                    r.strength or 0,
                    r.weight or 0.0,
                    str(r.first_contact),
                    str(r.last_contact),
                    repr(who(r.owner_id)),
                    r.notes or "",
                )
                for r in session.scalars(select(Relation))
            ),
        }


def round_trip(db: Database, tmp_path: Path, fmt: str, target_url: str) -> tuple[Database, ImportResult]:
    """Export ``db`` as ``fmt`` and import the file(s) into the empty database at ``target_url``."""
    out = tmp_path / ("workspace.xlsx" if fmt == "xlsx" else "workspace")
    export_workspace(db, fmt, out)
    files = [out] if fmt == "xlsx" else sorted(out.glob("*.csv"))
    target = open_database(target_url)
    sheets = []
    for path in files:
        prepared = prepare_file(target, path.name, path.read_bytes())
        assert prepared.error is None
        sheets.extend(prepared.sheets)
    assert {s.role for s in sheets} == {"contacts", "organisations", "affiliations", "relations"}
    return target, run_import(target, sheets, commit=True)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_workspace(
    db: Database, tmp_path: Path, fmt: str
) -> None:
    create_demo_workspace(db)
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    try:
        target, result = round_trip(db, tmp_path, fmt, url)
        assert result.counts["rejected"] == 0 and result.problems == []
        original, restored = workspace(db), workspace(target)
        for table in original:
            assert restored[table] == original[table], table
    finally:
        forget_database(url)


# --- everything the import understands ------------------------------------------------------------


def _organisation(name: str, **values: Any) -> Organisation:
    return Organisation(name=name, name_key=name_key(name), **values)


def _person(name: str, **values: Any) -> Person:
    # A person imported without a source gets the file's name as one: every person here has a source.
    return Person(name=name, name_key=name_key(name), source="Kontaktliste 2025", **values)


def _tie(source: Person | Organisation, target: Person | Organisation, kind: str, **values: Any) -> Relation:
    ends: dict[str, Any] = {}
    for side, end in (("from", source), ("to", target)):
        ends[f"{side}_person_id" if isinstance(end, Person) else f"{side}_organisation_id"] = end.id
    return Relation(kind=kind, **ends, **values)


def full_workspace(db: Database) -> None:
    """A small library whose records use every field the import reads back.

    Aarhus Kommune has a CVR number, a mailbox and two other spellings (one kept by a merge);
    Paraplyen kept the file's words for type and sector; Læseforeningen has a type and no sector.
    Three staff members with a team and a role, a team only, a role only; two contacts. Ties with a
    strength and the same weight, a weight only (2.5, and 12 from a file counting meetings), a
    strength only, a strength edited away from the weight, a kind word no code fits, and "other".
    """
    with db.write() as session:
        aarhus = _organisation(
            "Aarhus Kommune",
            cvr="29189498",
            email="kommunen@aarhus.dk",
            org_type="municipal",
            sector="public",
            website="https://www.aarhus.dk",
        )
        paraply = _organisation(
            "Paraplyen",
            org_type_text="paraplyorg",
            sector_text="halvoffentlig",
            email="post@paraplyen.dk",
            area="Trøjborg",
        )
        forening = _organisation("Læseforeningen", org_type="association", notes="Mødes hver tirsdag")
        mette = _person(
            "Mette Holm",
            email="mh@bib.dk",
            is_staff=True,
            team="Børn og unge",
            staff_role="network_lead",
            title="Bibliotekar",
        )
        ole = _person("Ole Dam", email="od@bib.dk", is_staff=True, team="Voksne")
        ida = _person("Ida Friis", is_staff=True, staff_role="partnership_owner")
        anna = _person("Anna Berg", email="anna@aarhus.dk", phone="+4522334455")
        jens = _person("Jens Kjær")
        session.add_all([aarhus, paraply, forening, mette, ole, ida, anna, jens])
        session.flush()
        session.add_all(
            [
                OrganisationAlias(
                    organisation_id=aarhus.id, name="Århus kommune", name_key=name_key("Århus kommune"), source="merge"
                ),
                OrganisationAlias(
                    organisation_id=aarhus.id, name="Aarhus Komune", name_key=name_key("Aarhus Komune"), source="manual"
                ),
                OrganisationAlias(
                    organisation_id=forening.id,
                    name="Læseforening Trøjborg",
                    name_key=name_key("Læseforening Trøjborg"),
                    source="merge",
                ),
                Affiliation(
                    person_id=anna.id, organisation_id=aarhus.id, role="Kulturkonsulent", start_date=dt.date(2024, 2, 1)
                ),
                _tie(mette, anna, "knows", strength=4, weight=4.0, owner_id=mette.id, last_contact=dt.date(2026, 1, 5)),
                _tie(mette, paraply, "works_with", weight=2.5, owner_id=mette.id),
                _tie(ole, jens, "knows", weight=12.0, first_contact=dt.date(2023, 4, 1)),
                _tie(ida, forening, "partner", strength=3, owner_id=ida.id),
                _tie(anna, jens, "colleague", strength=5, weight=2.0),
                _tie(ole, anna, "other", kind_text="sparring", notes="Hver måned"),
                _tie(mette, jens, "other"),
            ]
        )


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_every_field_the_import_understands_comes_back(
    any_db_url: str, new_db_url: Any, tmp_path: Path, fmt: str
) -> None:
    db = open_database(any_db_url)
    full_workspace(db)
    target_url = new_db_url(kind_of(any_db_url))
    try:
        target, result = round_trip(db, tmp_path, fmt, target_url)
        assert result.counts["rejected"] == 0 and [p for p in result.problems if p.severity == "error"] == []
        original, restored = workspace(db), workspace(target)
        for table in original:
            assert restored[table] == original[table], table

        # The fields themselves, so that the comparison above cannot pass by losing them on both sides.
        with target.read() as session:
            orgs = {o.name: o for o in session.scalars(select(Organisation))}
            aarhus, paraply, forening = orgs["Aarhus Kommune"], orgs["Paraplyen"], orgs["Læseforeningen"]
            assert (aarhus.cvr, aarhus.email) == ("29189498", "kommunen@aarhus.dk")
            assert aliases_of(session, aarhus.id) == ["Aarhus Komune", "Århus kommune"]
            assert aliases_of(session, forening.id) == ["Læseforening Trøjborg"]
            assert (paraply.org_type, paraply.org_type_text) == (None, "paraplyorg")
            assert (paraply.sector, paraply.sector_text) == (None, "halvoffentlig")
            assert (forening.org_type, forening.sector) == ("association", None)  # no sector made up
            people = {p.name: p for p in session.scalars(select(Person))}
            assert (people["Mette Holm"].team, people["Mette Holm"].staff_role) == ("Børn og unge", "network_lead")
            assert (people["Ole Dam"].team, people["Ole Dam"].staff_role) == ("Voksne", None)
            assert (people["Ida Friis"].is_staff, people["Ida Friis"].staff_role) == (True, "partnership_owner")
            assert not people["Anna Berg"].is_staff
            by_ends = {
                (r.from_person_id, r.to_person_id or r.to_organisation_id, r.kind): r
                for r in session.scalars(select(Relation))
            }
            p = {name: person.id for name, person in people.items()}
            assert (
                by_ends[(p["Mette Holm"], p["Anna Berg"], "knows")].strength,
                by_ends[(p["Mette Holm"], p["Anna Berg"], "knows")].weight,
            ) == (4, 4.0)
            assert (
                by_ends[(p["Mette Holm"], paraply.id, "works_with")].strength,
                by_ends[(p["Mette Holm"], paraply.id, "works_with")].weight,
            ) == (None, 2.5)
            assert by_ends[(p["Ole Dam"], p["Jens Kjær"], "knows")].weight == 12.0
            assert by_ends[(p["Ida Friis"], forening.id, "partner")].weight is None
            assert (
                by_ends[(p["Anna Berg"], p["Jens Kjær"], "colleague")].strength,
                by_ends[(p["Anna Berg"], p["Jens Kjær"], "colleague")].weight,
            ) == (5, 2.0)
            assert by_ends[(p["Ole Dam"], p["Anna Berg"], "other")].kind_text == "sparring"
            assert by_ends[(p["Mette Holm"], p["Jens Kjær"], "other")].kind_text is None
    finally:
        forget_database(any_db_url)


def test_the_kept_words_are_listed_once_to_choose_a_type_for_after_the_round_trip(db: Database, tmp_path: Path) -> None:
    # The words come back as words, and the import lists them for a person to choose, as any file's.
    full_workspace(db)
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    try:
        _target, result = round_trip(db, tmp_path, "xlsx", url)
        words = {vocabulary: [use.word for use in uses] for vocabulary, uses in result.unknown_words.items()}
        assert words["org_type"] == ["paraplyorg"]
        assert words["sector"] == ["halvoffentlig"]
        assert words["relation_kind"] == ["sparring"]
    finally:
        forget_database(url)


# --- other spellings in an organisation list --------------------------------------------------------


def organisations_file(rows: list[list[Any]], sheet: str = "Organisationer") -> bytes:
    return xlsx({sheet: [["Organisation", "Også skrevet", "Type"], *rows]})


def import_file(db: Database, name: str, data: bytes, *, commit: bool = True) -> ImportResult:
    prepared = prepare_file(db, name, data)
    assert prepared.error is None
    return run_import(db, prepared.sheets, commit=commit)


def test_other_spellings_in_a_file_are_kept_shown_first_and_undone(db: Database) -> None:
    with db.write() as session:
        session.add(_organisation("Aarhus Kommune", org_type="municipal"))
    data = organisations_file(
        [
            ["Aarhus Kommune", "Århus kommune; Aarhus Komune", "Kommune"],
            ["Trøjborg Lokalarkiv", "Lokalarkivet på Trøjborg", "Arkiv"],
        ]
    )

    preview = import_file(db, "organisationer.xlsx", data, commit=False)
    assert ("organisations", "Aarhus Kommune", "aliases", None, "Århus kommune") in {
        (c.table, c.record, c.field, c.old, c.new) for c in preview.changes
    }
    assert preview.counts["updated"] == 1 and preview.counts["inserted"] == 1

    result = import_file(db, "organisationer.xlsx", data)
    with db.read() as session:
        orgs = {o.name: o.id for o in session.scalars(select(Organisation))}
        assert aliases_of(session, orgs["Aarhus Kommune"]) == ["Aarhus Komune", "Århus kommune"]
        assert aliases_of(session, orgs["Trøjborg Lokalarkiv"]) == ["Lokalarkivet på Trøjborg"]
        assert {a.source for a in session.scalars(select(OrganisationAlias))} == {"import"}

    # A later contact list writing the other spelling lands on the organisation.
    contacts = xlsx({"Kontakter": [["Navn", "E-mail", "Organisation"], ["Anna Berg", "anna@x.dk", "Århus Kommune"]]})
    later = import_file(db, "kontakter.xlsx", contacts)
    with db.read() as session:
        assert session.scalar(select(Organisation.id).where(Organisation.name == "Århus Kommune")) is None
        assert len(session.scalars(select(Organisation)).all()) == 2

    assert result.batch_id is not None and later.batch_id is not None
    undo_import(db, later.batch_id)
    undo_import(db, result.batch_id)
    with db.read() as session:
        assert session.scalars(select(OrganisationAlias)).all() == []
        assert [o.name for o in session.scalars(select(Organisation))] == ["Aarhus Kommune"]


def test_an_import_that_a_later_import_gave_another_spelling_is_not_undone_first(db: Database) -> None:
    first = import_file(db, "a.xlsx", organisations_file([["Trøjborg Lokalarkiv", None, "Arkiv"]]))
    later = import_file(db, "b.xlsx", organisations_file([["Trøjborg Lokalarkiv", "Lokalarkivet", None]]))
    assert first.batch_id is not None and later.batch_id is not None
    with pytest.raises(UndoNotPossible) as refused:
        undo_import(db, first.batch_id)
    assert refused.value.key == "undo.later_import"
    undo_import(db, later.batch_id)
    undo_import(db, first.batch_id)
    with db.read() as session:
        assert session.scalars(select(Organisation)).all() == []


def test_a_spelling_that_is_another_organisations_name_is_left_out_with_the_reason(db: Database) -> None:
    data = organisations_file(
        [["Aarhus Kommune", "Byskolen; Århus kommune", "Kommune"], ["Byskolen", "Aarhus Kommune", "Skole"]]
    )
    result = import_file(db, "organisationer.xlsx", data)
    assert result.counts["inserted"] == 2 and result.counts["rejected"] == 0
    taken = sorted(
        (p.row, p.params["alias"], p.params["organisation"]) for p in result.problems if p.key == "import.alias_taken"
    )
    # Byskolen's row comes after the alias naming it: its own name wins all the same.
    assert taken == [(2, "Byskolen", "Byskolen"), (3, "Aarhus Kommune", "Aarhus Kommune")]
    assert all(p.severity == "warning" for p in result.problems)
    with db.read() as session:
        orgs = {o.name: o.id for o in session.scalars(select(Organisation))}
        assert aliases_of(session, orgs["Aarhus Kommune"]) == ["Århus kommune"]
        assert aliases_of(session, orgs["Byskolen"]) == []
    message = next(p for p in result.problems if p.params["alias"] == "Byskolen").message("da")
    assert message.startswith("Stavemåden »Byskolen« er udeladt") and "én organisation" in message


# --- a tie's strength and weight in two columns -----------------------------------------------------


def test_a_sheet_with_strength_and_weight_keeps_them_apart(db: Database) -> None:
    data = xlsx(
        {
            "Relationer": [
                ["Fra", "Til", "Styrke", "Vægt"],
                ["Anna Berg", "Bo Dam", 4, None],  # a strength, no weight
                ["Anna Berg", "Carl Ek", None, 2.5],  # a weight, no strength
                ["Bo Dam", "Carl Ek", 3, 12],  # both, different
                ["Carl Ek", "Dorte Friis", 7, None],  # a "strength" that is only a weight
            ]
        }
    )
    result = import_file(db, "relationer.xlsx", data)
    assert result.counts["inserted"] == 4 and result.problems == []
    with db.read() as session:
        people = {p.id: p.name for p in session.scalars(select(Person))}
        found = {
            (people[r.from_person_id], people[r.to_person_id]): (r.strength, r.weight)
            for r in session.scalars(select(Relation))
        }
    assert found == {
        ("Anna Berg", "Bo Dam"): (4, None),
        ("Anna Berg", "Carl Ek"): (None, 2.5),
        ("Bo Dam", "Carl Ek"): (3, 12.0),
        ("Carl Ek", "Dorte Friis"): (None, 7.0),
    }


def test_one_weight_column_is_still_weight_and_strength(db: Database) -> None:
    data = xlsx({"Relationer": [["Fra", "Til", "Vægt"], ["Anna Berg", "Bo Dam", 4], ["Anna Berg", "Carl Ek", 2.5]]})
    import_file(db, "relationer.xlsx", data)
    with db.read() as session:
        assert sorted((r.strength or 0, r.weight) for r in session.scalars(select(Relation))) == [(0, 2.5), (4, 4.0)]


def test_a_type_gets_its_usual_sector_unless_the_sector_cell_says_none(db: Database) -> None:
    # "ingen" is how the export writes "a type and no sector"; an empty cell still gets the usual one.
    result = import_file(
        db,
        "o.xlsx",
        xlsx(
            {
                "Organisationer": [
                    ["Organisation", "Type", "Sektor"],
                    ["Læseforeningen", "Forening", "ingen"],
                    ["Byskolen", "Skole", None],
                    ["Lokalarkivet", None, "Ingen"],
                ]
            }
        ),
    )
    assert result.problems == [] and result.unknown_words.get("sector", []) == []
    with db.read() as session:
        sectors = {o.name: (o.sector, o.sector_text) for o in session.scalars(select(Organisation))}
    assert sectors == {"Læseforeningen": (None, None), "Byskolen": ("public", None), "Lokalarkivet": (None, None)}
