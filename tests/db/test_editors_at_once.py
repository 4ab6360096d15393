"""One editor imports a contact list while another edits records, at the same time, on SQLite and on
PostgreSQL: both succeed, the import stores every row, and every edit is kept."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from lib import contacts
from lib.core.access import Principal
from lib.db import Person, forget_database, open_database
from lib.ingest.contact_lists import prepare_file, run_import
from tests.sheets import xlsx

IMPORTED = 3000
EDITED = 60


@pytest.mark.slow
def test_an_import_and_edits_at_the_same_time_lose_nothing(any_db_url: str) -> None:
    db = open_database(any_db_url)
    with db.write() as session:
        ids = [
            contacts.create_person(session, {"name": f"Kollega {n}", "email": f"kollega{n}@bib.dk"})
            for n in range(EDITED)
        ]
    rows = [
        ["Navn", "E-mail", "Organisation"],
        *([f"Kontakt {n}", f"kontakt{n}@eksempel.dk", f"Forening {n % 40}"] for n in range(IMPORTED)),
    ]
    prepared = prepare_file(db, "kontakter.xlsx", xlsx({"Kontakter": rows}))
    importer = db.acting_as(Principal(email="anne@bib.dk", role="editor"))
    editor = db.acting_as(Principal(email="mette@bib.dk", role="editor"))
    failures: list[BaseException] = []
    results = []
    started = threading.Barrier(2)

    def import_file() -> None:
        try:
            started.wait()
            results.append(run_import(importer, prepared.sheets, commit=True, actor="anne@bib.dk"))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)

    def edit_records() -> None:
        try:
            started.wait()
            for person_id in ids:  # one transaction per save, as on the contacts page
                with editor.write() as session:
                    contacts.update_person(session, person_id, {"title": "Bibliotekar"}, actor="mette@bib.dk")
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)

    threads = [threading.Thread(target=import_file), threading.Thread(target=edit_records)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not failures, failures
    (result,) = results
    assert result.counts["inserted"] == IMPORTED and result.counts["rejected"] == 0
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == EDITED + IMPORTED
        titles = session.scalars(select(Person.title).where(Person.id.in_(ids))).all()
    assert titles == ["Bibliotekar"] * EDITED
    forget_database(any_db_url)
