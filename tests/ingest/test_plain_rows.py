"""Issue 16: plain contact rows read once per distinct value (``lib.ingest.plain_rows``) give exactly what
the reference path (one ``RowValues`` per row through ``RowReader.read_contact_row``) gives.

Each case imports the same generated, messy contact sheet into two copies of the same workspace, one
with the column-wise reader and one with every row through the reference path, and compares what a
user can see: the counts, every row's outcome and label, every problem, the lists of created, changed
and kept values, and every stored row.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from lib.db import Database, open_database
from lib.db.engine import forget_database
from lib.ingest import contact_lists, plain_rows
from lib.ingest.contact_lists import prepare_file, run_import
from tests.sheets import xlsx

FIRST = ["Anne", "Søren", "Jens", "Mette", "Ida", "Åse", "Bo", "Lars", "Karen", "Ærling"]
LAST = ["Hansen", "Holm", "Østergaard", "Jensen", "Møller", "Ågesen", "Lund"]
ORGANISATIONS = ["Viby Skole", "Ældre Sagen Viby", "Viby Bibliotek", "Kulturhuset Solbakke", "Foreningen Frivillig"]
TITLES = ["Leder", "Konsulent", "Formand", "Lærer", "  Pædagog  ", "Sekretær"]

#: Columns a plain contact sheet may have (the name always), in the order the header may take them.
COLUMNS = {
    "name": "Navn",
    "organisation": "Organisation",
    "title": "Stilling",
    "department": "Afdeling",
    "email": "E-mail",
    "phone": "Telefon",
    "last_contact": "Sidst i kontakt",
    "first_contact": "Første kontakt",
    "org_type": "Type",
    "sector": "Sektor",
    "strength": "Styrke",
    "notes": "Noter",
    "owner": "Ansvarlig medarbejder",
}

#: The codes a person chose in the import for words no built-in word fits (see ``_org_type``).
CHOSEN_WORDS = {"org_type": {"Bogklub": "association"}, "sector": {"Halvoffentlig": "public"}}


def _name(rng: random.Random) -> Any:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return rng.choice(
        [
            f"{first} {last}",
            f"{first} {last}",
            f"{last}, {first}",  # turned around
            f"  {first}   {last.upper()} ",
            f"{first.lower()}.{last.lower()}@viby.dk",  # an address in the name column
            f"{first} {last} <{first.lower()}@viby.dk>",
            "",
            "   ",
            None,
            "x" * 320,  # too long for a name
            f"'={first}",  # a formula guard
            f"{first}\u00ad{last}",
        ]
    )


def _organisation(rng: random.Random) -> Any:
    return rng.choice(
        [
            *ORGANISATIONS,
            *ORGANISATIONS,
            "viby skole",
            "Viby Skole; Viby Bibliotek",
            "Viby Skole / SFO",
            "Foreningen " + "meget " * 60,  # too long
            None,
            "",
            "-",
        ]
    )


def _email(rng: random.Random, number: int) -> Any:
    local = rng.choice(["anne.holm", "soren", "jh", "Mette.Lund", "ida_b", "åse"])
    domain = rng.choice(["viby.dk", "Viby.DK", "solbakke.dk", "gmail.com"])
    return rng.choice(
        [
            f"{local}{number}@{domain}",
            f"{local}{number}@{domain}",
            f"{local}{number % 7}@{domain}",  # the same person again
            f"{local}@{domain}",
            f"mailto:{local}{number}@{domain}",
            f"Jens Hansen <{local}{number}@{domain}>",
            f"{local}{number}@{domain}; {local}{number}b@{domain}",
            f" {local}{number}@{domain} ",
            "info@viby.dk",  # an office's mailbox
            "kontakt@solbakke.dk",
            "ikke en adresse",
            "a@b",
            f"{local}{number}@{domain}.",
            "x" * 330 + "@viby.dk",
            None,
            "",
            f"'{local}{number}@{domain}",
        ]
    )


def _phone(rng: random.Random) -> Any:
    digits = f"{rng.randint(2, 9)}{rng.randint(0, 9_999_999):07d}"
    return rng.choice(
        [
            f"+45 {digits}",
            f"+45 {digits}",
            digits,
            f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}",
            f"0045{digits}",
            int(digits),
            float(digits),
            f"+45{digits} lok. 12",
            f"{digits}; 87654321",
            "+46 70 123 45 67",
            "123",
            "tlf",
            None,
            "",
            "12345678",
        ]
    )


def _date(rng: random.Random) -> Any:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2026)
    return rng.choice(
        [
            f"{day:02d}-{month:02d}-{year}",
            f"{day}.{month}.{year}",
            f"{year}-{month:02d}-{day:02d}",
            dt.datetime(year, month, day),
            f"{day}. marts {year}",
            "31-02-2024",
            "1-1-1800",
            "snart",
            None,
            "",
            45000,
        ]
    )


def _department(rng: random.Random) -> Any:
    return rng.choice(["Børn og unge", "Kultur", None, "", "x" * 400])


def _org_type(rng: random.Random) -> Any:
    return rng.choice(
        [
            "Forening",
            "Museum",
            "Kommune",
            "Virksomhed",
            " forening  ",
            "Bogklub",  # a word a person chose a code for in this import
            "Bogklub",
            "Græsrodsbevægelse",  # no code: kept as written, and listed with its rows
            "græsrods­bevægelse",
            "Type " + "meget " * 30,  # too long to keep as written
            3,
            None,
            "",
            "  ",
        ]
    )


def _sector(rng: random.Random) -> Any:
    return rng.choice(
        [
            "Offentlig",
            "Privat",
            "Civilsamfund",
            "ingen",  # no sector, and not the usual one for the type
            "Ingen sektor",
            "Halvoffentlig",  # a word a person chose a code for in this import
            "Blandet",
            None,
            "",
            "x" * 150,  # too long to keep as written
        ]
    )


def _strength(rng: random.Random) -> Any:
    return rng.choice([1, 2, 3, 4, 5, "4", "stærk", "Meget svag", "4 af 5", "***", 2.5, 7, 0, -1, "x", None, "", True])


def _notes(rng: random.Random) -> Any:
    return rng.choice(
        [
            "Mødt til arrangement",
            "Mødt til arrangement",
            "  Ringer tilbage i maj  ",
            "Lang note. " * 2000,  # longer than a note may be
            "'=1+1",
            None,
            None,
            "",
        ]
    )


#: All the columns, as issue 16's register (``benchmarks/bench_import.py``) and more.
ALL_FIELDS = list(COLUMNS)


def generate(seed: int, rows: int = 120, fields: list[str] | None = None) -> list[list[Any]]:
    """A contact sheet with a random choice of the plain columns (or ``fields``), and messy rows."""
    rng = random.Random(seed)
    if fields is None:
        fields = ["name", *rng.sample([f for f in COLUMNS if f != "name"], rng.randint(2, len(COLUMNS) - 1))]
        rng.shuffle(fields)
    makers = {
        "name": _name,
        "organisation": _organisation,
        "title": lambda r: r.choice(TITLES + [None, "x" * 400]),
        "department": _department,
        "phone": _phone,
        "last_contact": _date,
        "first_contact": _date,
        "org_type": _org_type,
        "sector": _sector,
        "strength": _strength,
        "notes": _notes,
        # A staff member's row is the reference path's; most rows name none.
        "owner": lambda r: r.choice([None, None, None, None, "", "Mette Holm", "Peter", "mh@viby.dk"]),
    }
    header = [COLUMNS[field] for field in fields]
    sheet: list[list[Any]] = [header]
    for number in range(rows):
        roll = rng.random()
        if roll < 0.02:
            sheet.append(list(header))  # the header again
        elif roll < 0.04:
            sheet.append(["I alt: 14 kontakter", *[None] * (len(fields) - 1)])
        elif roll < 0.06:
            sheet.append([None] * len(fields))
        else:
            sheet.append([_email(rng, number) if field == "email" else makers[field](rng) for field in fields])
    return sheet


def _database(folder: Path, template: bytes) -> Database:
    path = folder / "workspace.sqlite"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(template)
    return open_database(f"sqlite:///{path}")


STORED = {
    "people": "id, name, name_key, email, phone, other_emails, other_phones, title, notes, is_staff, source, "
    "team, staff_role, batch_id",
    "organisations": "id, name, name_key, org_type, sector, org_type_text, sector_text, website, area, email, cvr, "
    "notes, source, batch_id",
    "affiliations": "id, person_id, organisation_id, role, start_date, end_date, batch_id",
    "relations": "id, kind, from_person_id, from_organisation_id, to_person_id, to_organisation_id, strength, "
    "first_contact, last_contact, owner_id, batch_id",
    "organisation_aliases": "id, organisation_id, name, name_key",
    "duplicate_candidates": "person_a_id, person_b_id, rule, score, status, batch_id",
    "import_changes": "batch_id, table_name, record_id, action, before",
}


def _seen(result: Any, db: Database) -> dict[str, Any]:
    """What a user sees of an import: its result and the workspace afterwards."""
    with db.read() as session:
        stored = {
            table: session.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1, 2")).all()  # noqa: S608
            for table, columns in STORED.items()
        }
    return {
        "counts": result.counts,
        "per_sheet": result.per_sheet,
        "entities": result.entities,
        "created": result.created,
        "updated": result.updated_records,
        "review": result.review_pairs,
        "table_changes": result.table_changes,
        "outcomes": [(o.row, o.outcome, o.label) for o in result.outcomes],
        "problems": [(p.row, p.column, p.key, p.params, p.severity, p.message("en")) for p in result.problems],
        "changes": result.changes,
        "kept": result.kept,
        "referenced": result.referenced,
        "words": {name: [use.to_json() for use in uses] for name, uses in result.unknown_words.items()},
        "stored": stored,
    }


def _import(db: Database, data: bytes, update_mode: str) -> Any:
    prepared = prepare_file(db, "register.xlsx", data)
    assert prepared.error is None
    for sheet in prepared.sheets:
        sheet.update_mode = update_mode
    return run_import(db, prepared.sheets, commit=True, words=CHOSEN_WORDS)


def _both_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: bytes) -> Iterator[tuple[bool, Database]]:
    """(column-wise?, a fresh workspace) for the column-wise reader, then for the reference path."""
    for columnwise in (True, False):
        folder = tmp_path / str(columnwise)
        folder.mkdir()
        db = _database(folder, template)
        monkeypatch.setattr(contact_lists, "COLUMNWISE", columnwise)
        try:
            yield columnwise, db
        finally:
            forget_database(db.url)


@pytest.mark.parametrize("seed", range(8))
def test_plain_rows_give_what_the_reference_path_gives(
    seed: int, tmp_path: Path, _upgraded_workspace: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _compare(seed, None, tmp_path, _upgraded_workspace, monkeypatch)


@pytest.mark.parametrize("seed", range(4))
def test_a_register_with_types_sectors_strengths_and_notes_gives_what_the_reference_path_gives(
    seed: int, tmp_path: Path, _upgraded_workspace: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16's register: every column, the same organisation with other types and sectors on other
    rows (and in the workspace already), words for strengths, unreadable ones, long notes, blanks."""
    seen = _compare(seed + 100, ALL_FIELDS, tmp_path, _upgraded_workspace, monkeypatch)
    keys = {problem[2] for problem in seen["problems"]}
    assert {"value.weight_invalid", "limits.too_long_dropped"} <= keys
    organisations = seen["stored"]["organisations"]
    assert all(row.org_type for row in organisations if row.name in ORGANISATIONS)
    # Rows that disagree with the workspace about an organisation's type and sector: kept aside
    # (fill-empty) or changed (overwrite), the same on both paths.
    differing = {(change.table, change.field) for change in [*seen["kept"], *seen["changes"]]}
    assert {("organisations", "org_type"), ("organisations", "sector")} <= differing
    words = seen["words"]["org_type"]
    assert any(use["source"] == "chosen" and use["code"] == "association" for use in words)  # Bogklub
    assert any(use["code"] is None and use["rows"] > 1 for use in words)  # Græsrodsbevægelse
    assert any(row.notes for row in seen["stored"]["people"])


def _compare(
    seed: int,
    fields: list[str] | None,
    tmp_path: Path,
    _upgraded_workspace: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, Any]:
    """Import a generated sheet into a workspace that holds some already, column-wise and by the
    reference path; assert both give the same and return what the column-wise import gave."""
    earlier = xlsx({"Kontakter": generate(1000 + seed, rows=60, fields=fields)})  # the workspace holds some
    data_rows = generate(seed, fields=fields)
    data = xlsx({"Kontakter": data_rows})
    update_mode = "overwrite" if seed % 3 == 0 else "fill-empty"
    taken = _count_plain_rows(monkeypatch)
    seen = {}
    for columnwise, db in _both_paths(tmp_path, monkeypatch, _upgraded_workspace):
        _import(db, earlier, "fill-empty")
        erased = _erase_people_the_sheet_names(db, data_rows)
        seen[columnwise] = _seen(_import(db, data, update_mode), db)
    assert seen[True] == seen[False]
    # Both kinds of row were there: plain ones the column-wise reader took, others it handed back.
    assert any(taken) and not all(taken)
    assert seen[True]["problems"] and seen[True]["counts"]["inserted"]
    keys = {problem[2] for problem in seen[True]["problems"]}
    assert not erased or "personal_data.previously_erased" in keys
    return seen[True]


def _erase_people_the_sheet_names(db: Database, rows: list[list[Any]]) -> int:
    """Store, then erase on request, the people of the first two rows of ``rows`` with an ordinary
    name and a personal e-mail: those rows are then skipped with the reason. How many were erased."""
    from lib.ingest.references import is_role_mailbox
    from lib.privacy.personal_data import erase_people

    header = rows[0]
    if "E-mail" not in header:
        return 0
    name_at, email_at = header.index("Navn"), header.index("E-mail")
    ordinary = re.compile(r"[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]+")
    people = [
        [row[name_at], row[email_at]]
        for row in rows[1:]
        if isinstance(row[name_at], str)
        and ordinary.fullmatch(row[name_at])
        and isinstance(row[email_at], str)
        and re.fullmatch(r"[a-zA-Z0-9_.åÅ]+@[a-zA-Z]+\.[a-zA-Z]+", row[email_at])
        and not is_role_mailbox(row[email_at].lower())  # an office's rows are never plain
        and not any(isinstance(cell, str) and len(cell) > 100 for cell in row)  # a too long name rejects it
    ][:2]
    if not people:
        return 0
    _import(db, xlsx({"Kontakter": [["Navn", "E-mail"], *people]}), "fill-empty")
    with db.write() as session:
        emails = [email.lower() for _name, email in people]
        found = session.execute(text("SELECT id, email FROM people")).all()
        erase_people(session, [person_id for person_id, email in found if email in emails])
    return len(people)


def test_a_sheet_with_a_column_beyond_the_plain_ones_is_read_by_the_reference_path() -> None:
    plain = [(0, "Navn", "name"), (1, "E-mail", "email"), (2, "Telefon", "phone")]
    assert plain_rows.plain_sheet_columns(plain) == {"name": 0, "email": 1, "phone": 2}
    assert plain_rows.plain_sheet_columns([*plain, (3, "Hjemmeside", "website")]) is None
    assert plain_rows.plain_sheet_columns([*plain, (3, "Mail 2", "email")]) is None  # a field twice
    assert plain_rows.plain_sheet_columns(plain[1:]) is None  # no name column


def test_a_plain_import_leaves_its_working_state_to_be_freed_at_once(db: Database) -> None:
    """Nothing the column-wise reader builds holds itself in a cycle: the working state of a large
    import goes when the import ends, not when the garbage collector gets round to walking it."""
    import gc

    data = xlsx({"Kontakter": [["Navn", "E-mail", "Organisation"], ["Anne Holm", "anne@viby.dk", "Viby Skole"]]})
    gc.collect()
    gc.disable()
    try:
        _import(db, data, "fill-empty")
        left = [o for o in gc.get_objects() if type(o).__name__ in ("WorkingState", "RowReader", "PlainContactRows")]
    finally:
        gc.enable()
    assert left == []


def test_new_people_made_without_matching_are_what_the_reference_path_makes(
    tmp_path: Path, _upgraded_workspace: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain row nobody in the workspace can be (its e-mails are new, and no one without an e-mail
    has its name) is recorded at once (``PlainContactRows._new_person``): the same people, affiliations,
    near-duplicate pairs and outcomes as the reference path, also beside namesakes without an e-mail."""
    earlier = [["Navn", "Organisation"], ["Anne Holm", "Viby Skole"], ["Jens Hansen", "Viby Skole"]]
    rows = [
        ["Navn", "Organisation", "E-mail", "Telefon", "Afdeling"],
        ["Anne Holm", "Viby Skole", "anne@viby.dk", "+45 12345678", "Børn"],  # a namesake without e-mail
        ["Anne Holms", "Viby Bibliotek", "anne2@viby.dk", "12345678; 87654321", None],  # a near namesake
        ["Bo Lund", "Viby Skole; Viby Bibliotek", "bo@viby.dk; bo.lund@viby.dk", None, "Kultur"],
        ["Bo", None, "bo2@viby.dk", "+45 22334455", None],  # a name too short to compare
        ["Bo Lund", "Viby Skole", "bo@viby.dk", None, None],  # the same person again: matched
        ["Ida Møller", "Solbakken", "ida@solbakke.dk", None, None],
        ["Jens Hanssen", "Viby Bibliotek", "jens@viby.dk", None, None],  # near Jens Hansen, who has none
    ]
    made: list[str] = []
    new_person = plain_rows.PlainContactRows._new_person

    def counted(self: plain_rows.PlainContactRows, name: str, *args: Any) -> None:
        made.append(name)
        new_person(self, name, *args)

    monkeypatch.setattr(plain_rows.PlainContactRows, "_new_person", counted)
    seen = {}
    for columnwise, db in _both_paths(tmp_path, monkeypatch, _upgraded_workspace):
        _import(db, xlsx({"Kontakter": earlier}), "fill-empty")
        seen[columnwise] = _seen(_import(db, xlsx({"Kontakter": rows}), "fill-empty"), db)
    assert seen[True] == seen[False]
    assert made == ["Anne Holms", "Bo Lund", "Bo", "Ida Møller", "Jens Hanssen"]  # Anne Holm: her namesake
    assert [(row, outcome) for row, outcome, _label in seen[True]["outcomes"]] == [
        (2, "updated"),
        *[(row, "inserted") for row in (3, 4, 5)],
        (6, "unchanged"),
        (7, "inserted"),
        (8, "inserted"),
    ]
    assert [rule for _a, _b, rule, _score, *_ in seen[True]["stored"]["duplicate_candidates"]] == ["similar_name"]


@pytest.mark.parametrize("update_mode", ["fill-empty", "overwrite"])
def test_rows_that_give_one_organisation_other_types_give_what_the_reference_path_gives(
    update_mode: str, tmp_path: Path, _upgraded_workspace: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every row plain, as in issue 16's register: the same organisations with other types and sectors
    on rows one after another, known in the workspace (Viby Skole) or new (Viby Bibliotek)."""
    earlier = [["Organisation", "Type", "Sektor"], ["Viby Skole", "Virksomhed", "Privat"]]
    header = ["Navn", "E-mail", "Organisation", "Type", "Sektor", "Styrke", "Noter"]
    rows = [
        ["Anne Holm", "anne@viby.dk", "Viby Skole", "Forening", "Offentlig", 4, None],
        ["Bo Lund", "bo@viby.dk", "Viby Skole", "Museum", None, "stærk", "Mødt til arrangement"],
        ["Ida Møller", "ida@viby.dk", "Viby Skole", "Forening", "Offentlig", 2, None],
        ["Jens Holm", "jens@viby.dk", "viby skole", "Kommune", "ingen", None, None],
        ["Karen Lund", "karen@viby.dk", "Viby Bibliotek", "Bogklub", None, "4 af 5", None],
        ["Lars Holm", "lars@viby.dk", "Viby Bibliotek", "Græsrodsbevægelse", "Halvoffentlig", 3, None],
        ["Mette Lund", "mette@viby.dk", "Viby Bibliotek", None, None, None, "Ringer tilbage"],
        ["Anne Holm", "anne@viby.dk", "Viby Bibliotek", "Forening", "Privat", 5, "Ny note"],
        ["Bo Lund", "bo@viby.dk", "Viby Skole", "Forening", "Offentlig", 1, None],
        ["Ida Holm", "ida.holm@viby.dk", "Viby Museum", "Museum", "ingen", None, None],  # a type, no sector
        ["Jens Lund", "jens.lund@viby.dk", "Viby Museum", "Museum", None, None, None],
        ["Karen Holm", "karen.holm@viby.dk", "Viby Museum", "Kommune", "Privat", None, None],
    ]
    taken = _count_plain_rows(monkeypatch)
    seen = {}
    for columnwise, db in _both_paths(tmp_path, monkeypatch, _upgraded_workspace):
        prepared = prepare_file(db, "organisationer.xlsx", xlsx({"Organisationer": earlier}))
        run_import(db, prepared.sheets, commit=True)
        seen[columnwise] = _seen(_import(db, xlsx({"Kontakter": [header, *rows]}), update_mode), db)
    assert seen[True] == seen[False]
    assert taken == [True] * len(rows)
    types = {row.name: (row.org_type, row.sector) for row in seen[True]["stored"]["organisations"]}
    if update_mode == "overwrite":  # the last row wins
        assert types == {
            "Viby Skole": ("association", "public"),
            "Viby Bibliotek": ("association", "private"),
            "Viby Museum": ("municipal", "private"),
        }
    else:  # the workspace's type stays, and the file's other one is listed; a new one keeps its first
        assert types == {
            "Viby Skole": ("business", "private"),
            "Viby Bibliotek": ("association", "civil"),
            "Viby Museum": ("cultural", "public"),  # the usual sector for a museum, from the second row
        }
        assert ("Viby Skole", "org_type", "business", "association") in {
            (change.record, change.field, change.old, change.new) for change in seen[True]["kept"]
        }


def _count_plain_rows(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """A list that gets, for each row the column-wise reader is offered, whether it took the row."""
    taken: list[bool] = []
    record = plain_rows.PlainContactRows.record

    def counted(self: plain_rows.PlainContactRows, values: Any) -> Any:
        done = record(self, values)
        taken.append(done is not None)
        return done

    monkeypatch.setattr(plain_rows.PlainContactRows, "record", counted)
    return taken
