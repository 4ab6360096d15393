"""A newcomer's walk through the import on an empty workspace (the two files staff made).

1. The column naming the colleague who holds each tie ("Kontaktperson hos os") is read as the
   responsible staff member, and an unused column full of staff names is pointed out in the preview.
2. A first name alone ("Peter") is the one staff member of that first name, never a new one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from lib.db import Database, Person, Relation
from lib.ingest.column_mapping import suggest_mapping
from lib.ingest.contact_lists import ImportResult, prepare_file, run_import
from lib.ingest.sheet_roles import detect_role
from tests.sheets import xlsx

HEADER = ["Navn", "Organisation", "Stilling", "Mail", "Tlf.", "Sidst kontaktet", "Kontaktperson hos os"]

#: "Kontakter 2026.xlsx" as staff made it: a title row, a blank row, seven contacts and a staff sheet.
CONTACTS = [
    ["Bibliotekets kontakter – opdateret marts", None, None, None, None, None, None],
    [None] * 7,
    HEADER,
    ["Mette Lund ", "Aarhus Universitet", "Lektor", "mette.lund@au.dk", "22 33 44 55", "3/2-2026", "Karen Holm"],
    ["Jens Bak", "Aarhus Uni.", "Studievejleder ", "jb@au.dk", "+45 22334466", dt.datetime(2026, 1, 15), "Karen Holm"],
    [
        "Sofie Nielsen",
        "Viby Skole",
        "Skoleleder",
        "sofie.nielsen@aarhus.dk",
        "+45 22334455",
        "12/11-2025",
        "Peter Skov",
    ],
    [None] * 7,
    [
        "Ahmed Hassan",
        "Viby Idrætsforening",
        "Formand",
        "ahmed@vibyif.dk",
        "40 50 60 70",
        dt.datetime(2025, 9, 1),
        "Peter Skov ",
    ],
    [
        "Lone Vestergaard",
        "Aarhus Kommune, Kulturforvaltningen",
        "Konsulent",
        "lone.v@aarhus.dk",
        "8940 2000",
        "1. marts 2026",
        "Anna Berg",
    ],
    ["Ole Thomsen ", "Lokalhistorisk Arkiv Viby", "Arkivar", None, "26 11 22 33", None, "Anna Berg"],
    [
        "Birgitte Kjær",
        "Ældresagen Viby",
        "Frivilligkoordinator",
        "birgitte@aeldresagen.dk",
        None,
        "20-01-2026",
        "Karen Holm",
    ],
]
STAFF = [
    ["Navn", "Mail", "Afdeling"],
    ["Karen Holm", "kaho@bibliotek.dk", "Børn og unge"],
    ["Peter Skov", "pesk@bibliotek.dk", "Læring"],
    ["Anna Berg", "anbe@bibliotek.dk", "Lokalhistorie"],
]


def contacts_file(header: str = "Kontaktperson hos os", *, staff_sheet: bool = True) -> bytes:
    rows = [list(row) for row in CONTACTS]
    rows[2][-1] = header
    sheets: dict[str, Any] = {"Kontakter": rows}
    if staff_sheet:
        sheets["Medarbejdere"] = STAFF
    return xlsx(sheets)


def run(db: Database, name: str, data: bytes, *, commit: bool = False) -> ImportResult:
    prepared = prepare_file(db, name, data)
    assert prepared.error is None
    return run_import(db, prepared.sheets, commit=commit)


def ties_by_owner(db: Database) -> dict[str, set[str]]:
    with db.read() as session:
        names = {p.id: p.name for p in session.scalars(select(Person))}
        found: dict[str, set[str]] = {}
        for tie in session.scalars(select(Relation)):
            found.setdefault(names[tie.owner_id], set()).add(names[tie.to_person_id])
        return found


def staff_names(db: Database) -> list[str]:
    with db.read() as session:
        return sorted(p.name for p in session.scalars(select(Person).where(Person.is_staff.is_(True))))


# --- 1. the column of the colleague who holds the tie ------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Kontaktperson hos os",
        "Vores kontaktperson",
        "Kontakt hos os",
        "Bibliotekets kontaktperson",
        "Kontaktperson (bibliotek)",
        "Ansvarlig hos os",
        "Hvem kender dem",
        "Kendt af",
        "Relation til (medarbejder)",
        "Holdes af",
        "Tovholder",
        "Ejer",
        "Kontaktperson på biblioteket",
    ],
)
def test_the_ways_staff_write_the_tie_holder_column_mean_the_responsible_staff_member(header: str) -> None:
    columns = ["Navn", "Organisation", "Mail", header]
    assert detect_role(columns) == "contacts"
    assert suggest_mapping(columns, "contacts") == ["name", "organisation", "email", "owner"]


def test_a_contact_person_alone_is_still_the_partners_own_person() -> None:
    assert suggest_mapping(["Kontaktperson", "Organisation", "Mail"], "contacts") == ["name", "organisation", "email"]
    assert suggest_mapping(["Organisation", "Kontaktperson"], "organisations") == ["organisation", None]
    # A yes/no column saying whether the row's person is staff keeps its meaning.
    assert suggest_mapping(["Navn", "Medarbejder"], "contacts") == ["name", "is_staff"]


def test_kontakter_2026_gives_every_contact_its_tie_to_the_colleague_who_holds_it(db: Database) -> None:
    preview = run(db, "Kontakter 2026.xlsx", contacts_file())
    assert preview.created["relations"] == 7 and preview.created["staff"] == 3
    assert preview.staff_like_columns == []
    assert not [p for p in preview.problems if p.severity == "error"]
    run(db, "Kontakter 2026.xlsx", contacts_file(), commit=True)
    assert ties_by_owner(db) == {
        "Karen Holm": {"Mette Lund", "Jens Bak", "Birgitte Kjær"},
        "Peter Skov": {"Sofie Nielsen", "Ahmed Hassan"},
        "Anna Berg": {"Lone Vestergaard", "Ole Thomsen"},
    }
    assert staff_names(db) == ["Anna Berg", "Karen Holm", "Peter Skov"]


def test_an_unused_column_of_staff_names_is_pointed_out_in_the_preview(db: Database) -> None:
    preview = run(db, "Kontakter 2026.xlsx", contacts_file("Kollega"))
    assert preview.created["relations"] == 0
    assert preview.staff_like_columns == [("Kontakter 2026.xlsx › Kontakter", "Kollega")]


def test_staff_of_the_workspace_are_recognised_in_an_unused_column_too(db: Database) -> None:
    run(db, "staff.xlsx", xlsx({"Medarbejdere": STAFF}), commit=True)
    preview = run(db, "Kontakter 2026.xlsx", contacts_file("Kollega", staff_sheet=False))
    assert preview.staff_like_columns == [("Kontakter 2026.xlsx › Kontakter", "Kollega")]


def test_an_unused_column_of_other_names_is_not_pointed_out(db: Database) -> None:
    rows = [list(row) for row in CONTACTS]
    rows[2][-1] = "Ledsager"
    for number, row in enumerate(rows[3:]):
        if row[0]:
            row[-1] = f"Gæst Nummer{number}"
    preview = run(db, "Kontakter 2026.xlsx", xlsx({"Kontakter": rows, "Medarbejdere": STAFF}))
    assert preview.staff_like_columns == []


# --- 2. a first name alone -------------------------------------------------------------------------

#: "Peters liste.xlsx": "Ansvarlig = Peter" where the workspace has Peter Skov only, and a total row.
PETERS_LIST = [
    ["Navn", "Organisation", "E-mail", "Telefon", "Bemærkning", "Ansvarlig"],
    ["Mette Lund", "Aarhus Universitet", "Mette.Lund@au.dk ", "22334455", "Vil gerne lave foredrag", "Karen Holm"],
    ["Rasmus Due", "Dokk1 Makerspace", "rasmus@makers.dk", "30 30 30 30", None, "Peter"],
    ["Hanne Friis", "FOF Aarhus", "hf@fof.dk", "+4530313233", "Kursussamarbejde", "Anna Berg"],
    ["I alt: 3 kontakter", None, None, None, None, None],
]


def messages(result: ImportResult, key: str) -> list[dict[str, Any]]:
    return [{"row": p.row, "severity": p.severity, **p.params} for p in result.problems if p.key == key]


def test_peter_is_the_one_staff_member_called_peter_and_the_preview_says_so(db: Database) -> None:
    run(db, "staff.xlsx", xlsx({"Medarbejdere": STAFF}), commit=True)
    preview = run(db, "Peters liste.xlsx", xlsx({"Ark1": PETERS_LIST}))
    assert messages(preview, "import.staff_first_name") == [
        {"row": 3, "severity": "warning", "value": "Peter", "name": "Peter Skov"}
    ]
    assert preview.created["staff"] == 0 and preview.created["relations"] == 3
    run(db, "Peters liste.xlsx", xlsx({"Ark1": PETERS_LIST}), commit=True)
    assert staff_names(db) == ["Anna Berg", "Karen Holm", "Peter Skov"]
    assert ties_by_owner(db)["Peter Skov"] == {"Rasmus Due"}


def test_the_staff_sheet_of_the_same_import_counts_too(db: Database) -> None:
    run(db, "Peters liste.xlsx", xlsx({"Ark1": PETERS_LIST, "Medarbejdere": STAFF}), commit=True)
    assert staff_names(db) == ["Anna Berg", "Karen Holm", "Peter Skov"]
    assert ties_by_owner(db)["Peter Skov"] == {"Rasmus Due"}


def test_with_two_staff_called_peter_the_row_is_refused_with_who_it_could_be(db: Database) -> None:
    run(db, "staff.xlsx", xlsx({"Medarbejdere": [*STAFF, ["Peter Lund", "pelu@bibliotek.dk", "Voksne"]]}), commit=True)
    preview = run(db, "Peters liste.xlsx", xlsx({"Ark1": PETERS_LIST}))
    assert messages(preview, "import.staff_first_name_ambiguous") == [
        {"row": 3, "severity": "error", "value": "Peter", "names": "Peter Lund, Peter Skov"}
    ]
    assert preview.counts["rejected"] == 1 and preview.created["staff"] == 0
    run(db, "Peters liste.xlsx", xlsx({"Ark1": PETERS_LIST}), commit=True)
    assert staff_names(db) == ["Anna Berg", "Karen Holm", "Peter Lund", "Peter Skov"]
    with db.read() as session:
        assert session.scalars(select(Person).where(Person.name == "Rasmus Due")).first() is None


def test_a_whole_name_or_a_first_name_no_staff_member_has_is_read_as_before(db: Database) -> None:
    run(db, "staff.xlsx", xlsx({"Medarbejdere": STAFF}), commit=True)
    rows = [list(row) for row in PETERS_LIST]
    rows[2][-1] = "Ib"
    run(db, "Peters liste.xlsx", xlsx({"Ark1": rows}), commit=True)
    assert staff_names(db) == ["Anna Berg", "Ib", "Karen Holm", "Peter Skov"]


def test_a_tie_list_reads_a_first_name_at_either_end_as_the_staff_member(db: Database) -> None:
    run(db, "staff.xlsx", xlsx({"Medarbejdere": STAFF}), commit=True)
    ties = [["Fra", "Til", "Type"], ["Peter", "Rasmus Due", "kender"], ["Karen", "Anna", "kender"]]
    preview = run(db, "relationer.xlsx", xlsx({"Relationer": ties}))
    assert [(m["value"], m["name"]) for m in messages(preview, "import.staff_first_name")] == [
        ("Peter", "Peter Skov"),
        ("Karen", "Karen Holm"),
        ("Anna", "Anna Berg"),
    ]
    assert preview.created["staff"] == 0 and preview.created["people"] == 1


def test_contact_dates_without_a_staff_column_are_said_to_be_left_out(db: Database) -> None:
    """A merged register's "Sidst i kontakt" has no colleague to belong to: the preview says its dates
    are not stored, and none are; with a staff column they are kept and nothing is said."""
    register = [
        ["Navn", "Organisation", "E-mail", "Sidst i kontakt"],
        ["Sofie Holm", "Solhøj Skole", "sofie.holm@solhoj.dk", "18-09-2024"],
        ["Jens Bak", "Ældresagen Solhøj", "jens.bak@aeldresagen.dk", "02-03-2026"],
    ]
    preview = run(db, "register.xlsx", xlsx({"Register": register}))
    assert preview.unkept_tie_dates == [("register.xlsx › Register", "Sidst i kontakt")]
    assert preview.created["relations"] == 0
    with_staff = [[*row, "Karen Holm" if index else "Ansvarlig medarbejder"] for index, row in enumerate(register)]
    preview = run(db, "register.xlsx", xlsx({"Register": with_staff}))
    assert preview.unkept_tie_dates == [] and preview.created["relations"] == 2
