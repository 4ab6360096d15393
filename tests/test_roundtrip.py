"""An export of the workspace imports back into an empty database as the same workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lib.demo import create_demo_workspace
from lib.export import export_workspace
from lib.importer import prepare_file, run_import
from lib.storage import Affiliation, Database, Organisation, Person, Relation, forget_database, open_database


def workspace(db: Database) -> dict[str, list[Any]]:
    """The workspace by natural keys (names, e-mails), independent of database ids."""
    with db.read() as session:
        people = {p.id: p for p in session.scalars(select(Person))}
        orgs = {o.id: o for o in session.scalars(select(Organisation))}

        def who(person_id: int | None, org_id: int | None = None) -> Any:
            if person_id is not None:
                p = people[person_id]
                return ("person", p.name, p.email)
            if org_id is not None:
                return ("organisation", orgs[org_id].name)
            return None

        return {
            "people": sorted(((p.name, p.email, p.phone, tuple(p.other_emails or ()), tuple(p.other_phones or ()),
                              p.title, p.notes, p.is_staff, p.source) for p in people.values()), key=repr),
            "organisations": sorted(((o.name, o.org_type, o.sector, o.website, o.area, o.notes, o.source)
                                     for o in orgs.values()), key=repr),
            "affiliations": sorted(((who(a.person_id), orgs[a.organisation_id].name, a.role or "",
                                    str(a.start_date), str(a.end_date))
                                   for a in session.scalars(select(Affiliation))), key=repr),
            "relations": sorted((repr(who(r.from_person_id, r.from_organisation_id)),
                                 repr(who(r.to_person_id, r.to_organisation_id)), r.kind, r.strength or 0,
                                 str(r.first_contact), str(r.last_contact), repr(who(r.owner_id)), r.notes or "")
                                for r in session.scalars(select(Relation))),
        }


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_workspace(
    db: Database, tmp_path: Path, fmt: str
) -> None:
    create_demo_workspace(db)
    out = tmp_path / ("workspace.xlsx" if fmt == "xlsx" else "workspace")
    export_workspace(db, fmt, out)
    files = [out] if fmt == "xlsx" else sorted(out.glob("*.csv"))

    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    target = open_database(url)
    try:
        sheets = []
        for path in files:
            prepared = prepare_file(target, path.name, path.read_bytes())
            assert prepared.error is None
            sheets.extend(prepared.sheets)
        assert {s.role for s in sheets} == {"contacts", "organisations", "affiliations", "relations"}
        result = run_import(target, sheets, commit=True)
        assert result.counts["rejected"] == 0 and result.problems == []
        original, restored = workspace(db), workspace(target)
        for table in original:
            assert restored[table] == original[table], table
    finally:
        forget_database(url)
