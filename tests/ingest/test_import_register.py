"""Issue 16: the import at a municipality's scale keeps every rule while it does less work per row.

Each speed lever (``benchmarks/bench_register.py`` measures them) has its behaviour pinned here: what is
worked out once per sheet or once per distinct value gives what the row-by-row work gave.
"""

from __future__ import annotations

import gc
from typing import Any

import pytest
from sqlalchemy import select, text

from lib.db import Affiliation, Database, Organisation, Person
from lib.ingest import contact_lists, state
from lib.ingest.references import is_repeated_header
from tests.ingest.test_importer import import_bytes
from tests.sheets import xlsx


def test_the_header_again_is_recognised_per_sheet_whichever_sheet_came_before() -> None:
    contacts = ["Navn", "E-mail"]
    reversed_columns = ["E-mail", "Navn"]
    grouped = ["Kontaktperson – Fornavn", "Kontaktperson – Efternavn"]
    for _ in range(2):  # alternating sheets: what one sheet's columns answer to never sticks to another's
        assert is_repeated_header(["navn", " E-MAIL "], contacts)
        assert not is_repeated_header(["navn", "E-mail"], reversed_columns)
        assert is_repeated_header(["E-mail", "Navn"], reversed_columns)
        assert is_repeated_header(["Fornavn", "Efternavn"], grouped)  # the label under a merged group
        assert is_repeated_header(["Kontaktperson – Fornavn", "Efternavn"], grouped)
        assert not is_repeated_header(["Navn", "Jens Hansen"], contacts)
        assert not is_repeated_header(["Navn", None, "E-mail"], contacts)  # a cell past the last column
        assert not is_repeated_header(["Navn"], contacts)  # one cell alone is a name, not the header


def memberships(db: Database) -> dict[str, list[str]]:
    """Each person's organisations by name, as the contacts page lists them."""
    with db.read() as session:
        rows = session.execute(
            select(Person.name, Organisation.name)
            .join(Affiliation, Affiliation.person_id == Person.id)
            .join(Organisation, Organisation.id == Affiliation.organisation_id)
        ).all()
    found: dict[str, list[str]] = {}
    for person_name, organisation_name in rows:
        found.setdefault(person_name, []).append(organisation_name)
    return {name: sorted(names) for name, names in found.items()}


def test_organisation_cells_repeated_over_rows_name_the_same_organisations_on_every_row(db: Database) -> None:
    rows = [["Navn", "E-mail", "Organisation"]]
    cells = ["Viby Skole; Viby Bibliotek", "Viby Skole", "viby skole; VIBY BIBLIOTEK; Viby Skole", "Viby Skole / SFO"]
    for number in range(40):  # every cell many times: the same answer each time
        rows.append([f"Person {number}", f"p{number}@example.dk", cells[number % len(cells)]])
    rows.append(["Tal Person", "tal@example.dk", 1234])  # a number as the name: not text, read as ever
    result = import_bytes(db, "register.xlsx", xlsx({"Kontakter": rows}))
    assert result.counts["inserted"] == 41 and result.counts["rejected"] == 0
    found = memberships(db)
    assert found["Person 0"] == found["Person 2"] == ["Viby Bibliotek", "Viby Skole"]
    assert found["Person 4"] == found["Person 38"] == ["Viby Bibliotek", "Viby Skole"]
    assert found["Person 1"] == found["Person 37"] == ["Viby Skole"]
    assert found["Person 3"] == found["Person 39"] == ["SFO", "Viby Skole"]
    assert found["Tal Person"] == ["1234"]
    with db.read() as session:
        assert sorted(session.scalars(select(Organisation.name))) == ["1234", "SFO", "Viby Bibliotek", "Viby Skole"]


def import_rows(db: Database, rows: list[list[Any]], *, commit: bool = True) -> Any:
    """Import one contact sheet of ``rows`` (the header first)."""
    return import_bytes(db, "kontakter.xlsx", xlsx({"Kontakter": rows}), commit=commit)


def test_a_contact_row_without_organisation_details_leaves_them_as_a_row_with_details_sets_them(db: Database) -> None:
    columns = ["Navn", "E-mail", "Organisation"]
    import_rows(db, [columns, ["Anne Holm", "anne@viby.dk", "Viby Skole"]])
    details = [*columns, "Hjemmeside", "Område"]
    import_rows(db, [details, ["Bo Lund", "bo@viby.dk", "Viby Skole", "www.viby-skole.dk", "Viby"]])
    import_rows(db, [columns, ["Ida Bach", "ida@viby.dk", "Viby Skole"]])
    with db.read() as session:
        school = session.scalars(select(Organisation).where(Organisation.name == "Viby Skole")).one()
        assert (school.website, school.area) == ("https://www.viby-skole.dk", "Viby")


def test_an_import_holds_the_garbage_collector_off_while_it_works_and_leaves_it_on(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    original = contact_lists._read_sheets

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(contact_lists, "_read_sheets", watched)
    data = xlsx({"Kontakter": [["Navn", "E-mail"], ["Anne Holm", "anne@viby.dk"]]})
    import_bytes(db, "a.xlsx", data, commit=False)
    import_bytes(db, "a.xlsx", data)
    assert seen == [False, False] and gc.isenabled()
    refused = contact_lists.prepare_file(db, "a.xlsx", b"PK\x03\x04 not a workbook")
    assert refused.error is not None and gc.isenabled()


def test_a_name_too_long_is_refused_on_every_row_it_appears_on_and_a_fitting_one_on_none(db: Database) -> None:
    long_organisation = "Foreningen " + "meget " * 60  # over the 300 characters a name holds
    rows = [["Navn", "E-mail", "Organisation"]]
    for number in range(3):
        rows.append([f"Anne Holm {number}", f"anne{number}@viby.dk", "Viby Skole"])
        rows.append([f"Bo Lund {number}", f"bo{number}@viby.dk", long_organisation])
    result = import_bytes(db, "register.xlsx", xlsx({"Kontakter": rows}), commit=False)
    assert [o.outcome for o in result.outcomes] == ["inserted", "rejected"] * 3
    assert [p.key for p in result.problems] == ["limits.too_long_rejected"] * 3
    assert [p.row for p in result.problems] == [3, 5, 7]


def test_new_records_whose_values_name_other_columns_are_stored_column_by_column_all_the_same() -> None:
    even = [state.Record(-n, {"person_id": n, "organisation_id": 1}, is_new=True) for n in (1, 2)]
    assert state._new_columns(even, ("person_id", "organisation_id")) == {
        "person_id": [1, 2],
        "organisation_id": [1, 1],
    }
    uneven = [*even, state.Record(-3, {"person_id": 3, "role": "Leder"}, is_new=True)]
    assert state._new_columns(uneven, ("person_id", "organisation_id")) == {
        "person_id": [1, 2, 3],
        "organisation_id": [1, 1, None],
        "role": [None, None, "Leder"],
    }


def test_an_import_writes_with_a_roomy_page_cache_and_leaves_the_usual_one(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cache_size(session: Any) -> int:
        return int(session.execute(text("PRAGMA cache_size")).scalar_one())

    with db.read() as session:
        usual = cache_size(session)
    seen: list[int] = []
    original = contact_lists.WorkingState.load

    def load(session: Any) -> Any:
        seen.append(cache_size(session))
        return original(session)

    monkeypatch.setattr(contact_lists.WorkingState, "load", load)
    import_bytes(db, "a.xlsx", xlsx({"Kontakter": [["Navn", "E-mail"], ["Anne Holm", "anne@viby.dk"]]}))
    assert seen == [-contact_lists.IMPORT_PAGE_CACHE_KIB] and usual > -contact_lists.IMPORT_PAGE_CACHE_KIB
    for _ in range(3):  # whichever pooled connection comes next
        with db.write() as session:
            assert cache_size(session) == usual


def test_a_column_every_row_leaves_empty_is_stored_empty_and_one_with_a_default_still_gets_null(db: Database) -> None:
    """Storing leaves a column out of its INSERT when every row leaves it empty (fewer values bound per
    row): it is NULL all the same; a column the database would fill itself is never left out."""
    from sqlalchemy import Column, Integer, MetaData, String, Table

    table = Table(
        "bulk_probe",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String(20)),
        Column("empty", String(20)),
        Column("filled_by_database", String(20), server_default="from the database"),
    )
    rows = [{"id": n, "name": f"n{n}", "empty": None, "filled_by_database": None} for n in range(1, 4)]
    with db.write() as session:
        table.create(session.connection())
        state.bulk_execute(session, table, rows)
        stored = session.execute(select(table).order_by(table.c.id)).all()
    assert [tuple(row) for row in stored] == [(n, f"n{n}", None, None) for n in range(1, 4)]
