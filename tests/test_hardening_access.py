"""Issue 10, item 10: what ``lib`` enforces is what the documentation promises.

* A session of ``Database.read()`` never writes, whoever uses it (admins too), on SQLite and
  PostgreSQL: ORM changes, INSERT/UPDATE/DELETE and commits are refused, and raw SQL is stopped by the
  database itself.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DBAPIError

from lib.access import Principal
from lib.storage import Person, ReadOnlySession, open_database

VIEWER = Principal(email="udvalg@kommune.dk", role="viewer")
ADMIN = Principal(email="chef@bib.dk", role="admin")


# --- read sessions are read-only --------------------------------------------------------------------


def _people(db) -> list[str]:
    with db.read() as session:
        return sorted(session.scalars(select(Person.name)))


@pytest.mark.parametrize("principal", [VIEWER, ADMIN, None], ids=["viewer", "admin", "local"])
def test_finding_10_a_read_session_refuses_every_write(any_db_url: str, principal: Principal | None) -> None:
    db = open_database(any_db_url)
    with db.write() as session:
        session.add(Person(name="Anne Holm", name_key="anne holm", email="anne@holm.dk"))
    reader = db.acting_as(principal) if principal else db
    attempts = {
        "new record": lambda s: (s.add(Person(name="Bo Ny", name_key="bo ny")), s.flush()),
        "changed record and commit": lambda s: (setattr(s.scalar(select(Person)), "name", "Anne X"), s.commit()),
        "deleted record": lambda s: (s.delete(s.scalar(select(Person))), s.flush()),
        "insert statement": lambda s: s.execute(insert(Person).values(name="Cai", name_key="cai", is_staff=False)),
        "commit": lambda s: s.commit(),
    }
    for what, attempt in attempts.items():
        with pytest.raises(ReadOnlySession), reader.read() as session:
            attempt(session)
        assert _people(db) == ["Anne Holm"], what
    raw = ("INSERT INTO people (name, name_key, is_staff, created_at, updated_at) "
           "VALUES ('Dan', 'dan', false, '2026-01-01', '2026-01-01')")
    for statement in (raw, "UPDATE people SET name = 'Anne X'", "DELETE FROM people"):
        with pytest.raises(DBAPIError), reader.read() as session:
            session.execute(text(statement))
        assert _people(db) == ["Anne Holm"], statement


def test_finding_10_a_connection_a_read_session_used_writes_again_afterwards(any_db_url: str) -> None:
    from lib import records

    db = open_database(any_db_url)
    for round_ in range(3):
        with db.read() as session:
            session.scalar(select(func.count(Person.id)))
        with db.write() as session:
            records.create_person(session, {"name": f"Person {round_}"})
    assert _people(db) == ["Person 0", "Person 1", "Person 2"]
    if db.is_sqlite:
        raw = db.engine.raw_connection()
        try:
            assert raw.cursor().execute("PRAGMA query_only").fetchone()[0] == 0
        finally:
            raw.close()
