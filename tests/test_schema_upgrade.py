"""Upgrading a workspace made by an older release keeps every row and every reference.

SQLite changes constraints by copying a table and dropping the old one; with foreign keys on, the drop
ran every ON DELETE action pointing at ``people``, and the upgrade from 0004 deleted every affiliation
and tie while the people themselves survived.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text

from lib.storage import engine_url, head_revision, open_database, schema_version, upgrade_schema

OLD_ROWS = [
    "INSERT INTO people (id, name, name_key, email, is_staff, created_at, updated_at) VALUES "
    "(1, 'Anne Holm', 'anne holm', 'anne@bib.dk', true, '2024-01-01', '2024-01-01'), "
    "(2, 'Jens Berg', 'jens berg', 'jens@museum.dk', false, '2024-01-01', '2024-01-01')",
    "INSERT INTO organisations (id, name, name_key, created_at, updated_at) VALUES "
    "(1, 'Byens Museum', 'byens museum', '2024-01-01', '2024-01-01')",
    "INSERT INTO affiliations (id, person_id, organisation_id, role) VALUES (1, 2, 1, 'Formidler')",
    "INSERT INTO relations (id, kind, from_person_id, to_person_id, strength, owner_id, created_at, updated_at) "
    "VALUES (1, 'knows', 1, 2, 4, 1, '2024-01-01', '2024-01-01')",
    "INSERT INTO partnerships (id, title, stage, closed, owner_id, created_at, updated_at) "
    "VALUES (1, 'Sommerlæsning', 'managing_maintaining', false, 1, '2024-01-01', '2024-01-01')",
]

COUNTS = {
    "people": 2, "organisations": 1, "affiliations": 1, "relations": 1, "partnerships": 1,
}


def _older_workspace(url: str) -> None:
    """A workspace at schema 0004 with people, an affiliation, a tie and a partnership, written the way
    that release wrote them (a plain engine: the tables, not our models)."""
    engine = create_engine(engine_url(url))
    try:
        upgrade_schema(engine, "0004")
        with engine.begin() as connection:
            for statement in OLD_ROWS:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_an_upgrade_from_0004_keeps_affiliations_ties_and_owners(any_db_url: str) -> None:
    _older_workspace(any_db_url)
    db = open_database(any_db_url, cached=False)
    try:
        assert schema_version(db.engine) == head_revision()
        with db.engine.connect() as connection:
            counts = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                      for table in COUNTS}
            owners = connection.execute(text(
                "SELECT r.owner_id, p.owner_id FROM relations r, partnerships p")).one()
        assert counts == COUNTS
        assert tuple(owners) == (1, 1)
    finally:
        db.dispose()


def test_foreign_keys_are_enforced_again_after_an_upgrade(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    _older_workspace(url)
    db = open_database(url, cached=False)
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    finally:
        db.dispose()
