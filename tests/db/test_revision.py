"""The data revision (lib.db.revision): a token that every saved change renews, and what is kept by it.

What a user would notice if it went wrong: a page showing yesterday's figures after an import (a kept
answer outliving its data), or a page recomputing the whole network on every click (nothing kept)."""

from __future__ import annotations

import pytest

from lib.core.access import Principal
from lib.db import Database, Person, by_revision, data_revision, open_database
from lib.network.graph import build_graph


def _add_person(db: Database, name: str, email: str) -> None:
    with db.write() as session:
        session.add(Person(name=name, name_key=name.casefold(), email=email))


def test_every_saved_change_renews_the_token_and_reading_never_does(db: Database) -> None:
    before = data_revision(db)
    with db.read() as session:
        session.get(Person, 1)
    assert data_revision(db) == before
    _add_person(db, "Anne Holm", "anne@example.dk")
    assert data_revision(db) != before


def test_a_failed_write_keeps_the_token(db: Database) -> None:
    before = data_revision(db)
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Person(name="Anne Holm", name_key="anne holm", email="anne@example.dk"))
        raise RuntimeError("stopped half-way")
    assert data_revision(db) == before


def test_another_process_sees_the_change(db: Database) -> None:
    # A dashboard (this Database) beside a command-line import (another engine on the same file).
    other = open_database(db.url, cached=False)
    try:
        before = data_revision(db)
        _add_person(other, "Jens Lund", "jens@example.dk")
        assert data_revision(db) != before
    finally:
        other.dispose()


def test_a_kept_answer_lasts_until_the_data_change(db: Database) -> None:
    calls: list[int] = []

    @by_revision()
    def people(db: Database) -> int:
        calls.append(1)
        with db.read() as session:
            return session.query(Person).count()

    assert (people(db), people(db)) == (0, 0)
    assert len(calls) == 1
    _add_person(db, "Anne Holm", "anne@example.dk")
    assert people(db) == 1
    assert len(calls) == 2


def test_each_role_gets_its_own_answer_and_each_user_where_it_is_about_them(db: Database) -> None:
    seen: list[str | None] = []

    def who(db: Database) -> str | None:
        seen.append(db.principal.email if db.principal else None)
        return seen[-1]

    by_role, per_user = by_revision()(who), by_revision(per_user=True)(who)
    board = db.acting_as(Principal(email="board@kommune.dk", role="viewer"))
    editor = db.acting_as(Principal(email="anne@kommune.dk", role="editor"))
    colleague = db.acting_as(Principal(email="jens@kommune.dk", role="editor"))
    assert [by_role(board), by_role(editor), by_role(colleague)] == [
        "board@kommune.dk",
        "anne@kommune.dk",
        "anne@kommune.dk",  # the same role sees the same answer
    ]
    assert [per_user(editor), per_user(colleague)] == ["anne@kommune.dk", "jens@kommune.dk"]


def test_the_network_is_built_once_per_state_and_shared_frozen(db: Database) -> None:
    _add_person(db, "Anne Holm", "anne@example.dk")
    with db.read() as session:
        first = build_graph(session)
    with db.read() as session:
        assert build_graph(session) is first
    with pytest.raises(Exception, match="[Ff]rozen"):
        first.add_node("X")
    _add_person(db, "Jens Lund", "jens@example.dk")
    with db.read() as session:
        after = build_graph(session)
    assert after is not first
    assert after.number_of_nodes() == first.number_of_nodes() + 1


def test_a_write_session_builds_the_network_with_its_own_changes(db: Database) -> None:
    with db.read() as session:
        before = build_graph(session)
    with db.write() as session:
        session.add(Person(name="Anne Holm", name_key="anne holm", email="anne@example.dk"))
        session.flush()
        during = build_graph(session)
        assert during.number_of_nodes() == before.number_of_nodes() + 1
        during.add_node("scratch")  # not shared: the caller may change it


def test_a_part_of_a_shared_network_is_never_answered_for_the_whole(demo: Database) -> None:
    # A subgraph view carries the shared graph's attributes (its key) but not all its nodes.
    from lib.network.rings import _staff_ties, staff_ties_by_organisation

    with demo.read() as session:
        G = build_graph(session)
    whole = staff_ties_by_organisation(G)
    assert staff_ties_by_organisation(G) is whole  # kept
    some = [v for v, kind in G.nodes(data="kind") if kind != "contact"]
    part = G.subgraph(some)
    assert staff_ties_by_organisation(part) == _staff_ties(part) != whole
