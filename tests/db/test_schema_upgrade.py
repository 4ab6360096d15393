"""Upgrading a workspace made by an older release keeps every row and every reference.

SQLite changes constraints by copying a table and dropping the old one; with foreign keys on, the drop
ran every ON DELETE action pointing at ``people``, and the upgrade from 0004 deleted every affiliation
and tie while the people themselves survived.
"""

from __future__ import annotations

from sqlalchemy import create_engine, text

from lib.db import engine_url, head_revision, open_database, schema_version, upgrade_schema

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
    "people": 2,
    "organisations": 1,
    "affiliations": 1,
    "relations": 1,
    "partnerships": 1,
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
            counts = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in COUNTS}
            owners = connection.execute(text("SELECT r.owner_id, p.owner_id FROM relations r, partnerships p")).one()
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


# --- 0009: an agreement belongs to its partnership (issue 12, item 2) -------------------------------

PARTNERSHIPS_0008 = (
    # id, title, formalisation, start, end, library resources, partner resources, notes
    (1, "Tom", "written", None, None, None, "  ", None),
    (2, "Forskellig", "oral", "2024-01-01", "2026-06-30", "Lokaler", "Frivillige", "Første note."),
    (3, "Ens", "contract", "2024-03-01", "2026-12-31", "Rum", "Viden", None),
    (4, "Uden underskrift", "written", "2024-05-01", None, None, None, None),
)
AGREEMENTS_0008 = (
    # id, partnership, signed on, start, end, contributions library, contributions partner
    (1, 1, "2024-02-01", "2024-02-01", "2026-01-31", "Bøger og timer", "Frivillige"),
    (2, 2, None, "2024-02-01", "2026-12-31", "Lokaler og kaffe", "Frivillige"),
    (3, 3, "2024-03-01", "2024-03-01", "2026-12-31", "Rum", "Viden"),
    (4, 4, None, None, None, None, None),
)


def _workspace_at_0008(url: str) -> None:
    engine = create_engine(engine_url(url))
    try:
        upgrade_schema(engine, "0008")
        with engine.begin() as connection:
            for pid, title, formalisation, start, end, library, partner, notes in PARTNERSHIPS_0008:
                connection.execute(
                    text(
                        "INSERT INTO partnerships (id, title, stage, closed, formalisation, start_date, end_date, "
                        "library_resources, partner_resources, notes, created_at, updated_at) VALUES (:id, :title, "
                        "'managing_maintaining', false, :f, :start, :end, :library, :partner, :notes, '2024-01-01', "
                        "'2024-01-01')"
                    ),
                    {
                        "id": pid,
                        "title": title,
                        "f": formalisation,
                        "start": start,
                        "end": end,
                        "library": library,
                        "partner": partner,
                        "notes": notes,
                    },
                )
            for aid, pid, signed, start, end, library, partner in AGREEMENTS_0008:
                connection.execute(
                    text(
                        "INSERT INTO agreements (id, partnership_id, purpose, signed_on, start_date, end_date, "
                        "contributions_library, contributions_partner, created_at, updated_at) VALUES (:id, :pid, "
                        "'Læsning', :signed, :start, :end, :library, :partner, '2024-01-01', '2024-01-01')"
                    ),
                    {
                        "id": aid,
                        "pid": pid,
                        "signed": signed,
                        "start": start,
                        "end": end,
                        "library": library,
                        "partner": partner,
                    },
                )
    finally:
        engine.dispose()


def test_finding_2_upgrade_0009_carries_agreement_dates_and_resources_to_the_partnership(any_db_url: str) -> None:
    import datetime as dt

    from sqlalchemy import inspect, select

    from lib.db import Event, Partnership
    from lib.planning import partnerships as ps

    _workspace_at_0008(any_db_url)
    db = open_database(any_db_url, cached=False)
    try:
        assert schema_version(db.engine) == head_revision()
        columns = {c["name"] for c in inspect(db.engine).get_columns("agreements")}
        assert not columns & {"start_date", "end_date", "contributions_library", "contributions_partner"}
        with db.read() as session:
            found = {p.id: p for p in session.scalars(select(Partnership))}
            events = {
                e.entity_id: e.details for e in session.scalars(select(Event).where(Event.action == "agreement_merged"))
            }
            shown = {pid: ps.formalisation_of(p, ps.get_agreement(session, pid)) for pid, p in found.items()}
            written = {pid: ps.has_written_agreement(p, ps.get_agreement(session, pid)) for pid, p in found.items()}
        # 1: the partnership had nothing (spaces are nothing): it takes the agreement's dates and resources.
        one = found[1]
        assert (one.start_date, one.end_date, one.library_resources, one.partner_resources) == (
            dt.date(2024, 2, 1),
            dt.date(2026, 1, 31),
            "Bøger og timer",
            "Frivillige",
        )
        assert one.notes is None
        # 2: both filled in and different: the partnership's is kept, the agreement's is in the notes
        # and the event log; the equal partner resources are not repeated.
        two = found[2]
        assert (two.start_date, two.end_date, two.library_resources) == (
            dt.date(2024, 1, 1),
            dt.date(2026, 6, 30),
            "Lokaler",
        )
        assert two.notes.startswith("Første note.\n\nFra samarbejdsaftalen")
        assert "Startdato: 01-02-2024" in two.notes and "Slutdato: 31-12-2026" in two.notes
        assert "Lokaler og kaffe" in two.notes and "Frivillige" not in two.notes.split("Første note.")[1]
        assert events[2]["kept_partnership"]["end_date"] == {"partnership": "2026-06-30", "agreement": "2026-12-31"}
        # 3: the same values: nothing to record.
        assert found[3].notes is None and 3 not in events
        # The formalisation follows the signature: 1 was written already, 3 a contract; 4 is a draft.
        assert [found[i].formalisation for i in (1, 2, 3, 4)] == ["written", "oral", "contract", "written"]
        assert shown == {1: "written", 2: "oral", 3: "contract", 4: "draft"}
        assert written == {1: True, 2: False, 3: True, 4: False}
    finally:
        db.dispose()


def test_finding_2_upgrade_0009_makes_a_signed_agreement_written(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    _workspace_at_0008(url)
    engine = create_engine(engine_url(url))
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE partnerships SET formalisation = 'oral' WHERE id = 1"))
        upgrade_schema(engine)
        with engine.connect() as connection:
            assert (
                connection.execute(text("SELECT formalisation FROM partnerships WHERE id = 1")).scalar_one()
                == "written"
            )
            details = connection.execute(
                text("SELECT details FROM events WHERE action = 'agreement_merged' AND entity_id = 1")
            ).scalar_one()
        assert '"before": "oral"' in details and '"after": "written"' in details
    finally:
        engine.dispose()
