"""PostgreSQL: the same product as on SQLite, and writers that take turns without blocking readers.

The storage tests that hold for both databases are in ``test_storage.py`` (run on both); these are
the ones about PostgreSQL itself.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from lib.db import Base, Organisation, Person, open_database, workspace_counts
from lib.db import engine as db_engine
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import prepare_file, run_import, undo_import
from lib.network.graph import build_graph, graph_signature
from lib.planning.goals import goal_statuses
from lib.reporting.workspace_export import export_workspace_frames
from tests.sheets import MESSY_DANISH, STAFF, xlsx

TODAY = dt.date(2025, 3, 1)


def _workspace(url: str) -> dict[str, object]:
    """What a user sees of a workspace: counts, the exported tables, the network, the goals."""
    db = open_database(url)
    with db.read() as session:
        frames = export_workspace_frames(session)
        return {
            "counts": workspace_counts(session),
            "frames": {name: frame.to_dict("records") for name, frame in frames.items()},
            "network": graph_signature(build_graph(session, today=TODAY)),
            "goals": [(status.title, status.status) for status in goal_statuses(session, as_of=TODAY)],
        }


def _import(url: str) -> int:
    db = open_database(url)
    prepared = prepare_file(db, "kontakter.xlsx", xlsx({"Personale": STAFF, "Kontakter": MESSY_DANISH}))
    result = run_import(db, prepared.sheets, commit=True)
    assert result.batch_id is not None
    return result.batch_id


def test_the_demo_and_an_import_give_the_same_workspace_as_on_sqlite(db_url: str, pg_url: str) -> None:
    for url in (db_url, pg_url):
        create_demo_workspace(open_database(url), today=TODAY)
    demo = _workspace(db_url)
    assert demo["counts"]["people"] > 300
    assert _workspace(pg_url) == demo

    batches = {url: _import(url) for url in (db_url, pg_url)}
    assert _workspace(pg_url) == _workspace(db_url) != demo
    with open_database(pg_url).read() as session:
        # "jens@foreningen.dk; jh@privat.dk": the second address is kept in a JSON list column.
        jens = session.scalars(select(Person).where(Person.email == "jens@foreningen.dk")).one()
        assert jens.other_emails == ["jh@privat.dk"]
        assert session.scalar(select(func.count(Person.id)).where(Person.is_staff.is_(True))) == 16

    for url, batch in batches.items():
        undo_import(open_database(url), batch)
    assert _workspace(pg_url) == _workspace(db_url) == demo


def test_new_rows_get_free_ids_in_every_table_after_the_demo_and_an_import(pg_url: str) -> None:
    # The importer reserves ids itself; if it ever wrote ids past a table's sequence, the next
    # record someone adds by hand would collide with an imported one.
    create_demo_workspace(open_database(pg_url), today=TODAY)
    _import(pg_url)
    db = open_database(pg_url)
    checked = 0
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            if "id" not in table.c:
                continue
            sequence = session.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name})
            if sequence is None:
                continue
            last, called = session.execute(text(f"SELECT last_value, is_called FROM {sequence}")).one()
            next_id = last + 1 if called else last
            largest = session.scalar(select(func.max(table.c.id))) or 0
            assert next_id > largest, table.name
            checked += 1
    assert checked >= 20
    with db.write() as session:
        session.add(Organisation(name="Ny Forening", name_key="ny forening"))


@pytest.mark.slow
def test_writers_take_turns_while_readers_never_wait(pg_url: str) -> None:
    db = open_database(pg_url)
    first_inside, let_first_commit = threading.Event(), threading.Event()
    seen_by_second: list[int] = []

    def first() -> None:
        with db.write() as session:
            session.add(Organisation(name="Først", name_key="først"))
            session.flush()
            first_inside.set()
            let_first_commit.wait(30)

    def second() -> None:
        with db.write() as session:
            seen_by_second.append(session.scalar(select(func.count(Organisation.id))) or 0)
            session.add(Organisation(name="Anden", name_key="anden"))

    one = threading.Thread(target=first)
    one.start()
    assert first_inside.wait(30)
    two = threading.Thread(target=second)
    two.start()

    started = time.monotonic()
    with db.read() as session:  # a reader is answered at once, and sees no uncommitted row
        assert session.scalar(select(func.count(Organisation.id))) == 0
    assert time.monotonic() - started < 5
    two.join(1.0)
    assert two.is_alive(), "the second writer went ahead while the first was still writing"

    let_first_commit.set()
    one.join(30)
    two.join(30)
    # The second writer's read came after the first writer's commit: it counted that organisation.
    assert seen_by_second == [1]
    with db.read() as session:
        assert session.scalar(select(func.count(Organisation.id))) == 2


@pytest.mark.slow
def test_a_writer_waiting_too_long_gets_an_error_instead_of_hanging(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(pg_url)
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_SECONDS", 1)
    holding, release = threading.Event(), threading.Event()

    def holder() -> None:
        with db.write():
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert holding.wait(30)
        started = time.monotonic()
        with pytest.raises(OperationalError, match="lock timeout"), db.write() as session:
            session.add(Organisation(name="Venter", name_key="venter"))
        assert time.monotonic() - started < 10
    finally:
        release.set()
        thread.join(30)
    with db.write() as session:  # the turn is free again once the holder is done
        session.add(Organisation(name="Bagefter", name_key="bagefter"))
