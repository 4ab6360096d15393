"""lib/planning/tie_contacts.py: a contact registered on a tie between two records."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from lib.core.errors import ValidationFailed
from lib.db import Database, Event, Relation
from lib.network.graph import build_graph
from lib.network.health import cold_ties
from lib.planning.tie_contacts import register_tie_contact
from tests.planning_builders import task_workspace

TODAY = dt.date(2026, 3, 4)


@pytest.fixture
def workspace(db: Database) -> dict[str, int]:
    with db.write() as session:
        return task_workspace(session, TODAY)


def last_contacts(db: Database) -> dict[int | None, dt.date | None]:
    with db.read() as session:
        return {r.to_person_id: r.last_contact for r in session.scalars(select(Relation))}


def test_a_contact_registered_on_a_tie_warms_it_whichever_way_it_was_recorded(
    db: Database, workspace: dict[str, int]
) -> None:
    anna, carl, dorte = workspace["anna"], workspace["carl"], workspace["dorte"]
    before = last_contacts(db)
    with db.write() as session:  # the ends as the network names them, the other way round
        register_tie_contact(session, (f"P{carl}", f"P{anna}"), TODAY, actor="anna@bib.dk")
    after = last_contacts(db)
    assert after[carl] == TODAY and after[dorte] == before[dorte]  # the other tie is left alone
    with db.read() as session:
        G = build_graph(session, today=TODAY)
        assert "Carl Carlsen" not in set(cold_ties(G, today=TODAY)["other_label"])
        event = session.scalars(select(Event).where(Event.action == "tie_contact_registered")).one()
    assert event.actor == "anna@bib.dk"


def test_a_tie_is_never_moved_back_and_only_people_and_organisations_have_ties_to_warm(
    db: Database, workspace: dict[str, int]
) -> None:
    anna, carl = workspace["anna"], workspace["carl"]
    with db.write() as session:
        register_tie_contact(session, (f"P{anna}", f"P{carl}"), TODAY)
    with pytest.raises(ValidationFailed) as earlier, db.write() as session:
        register_tie_contact(session, (f"P{anna}", f"P{carl}"), dt.date(2026, 1, 1))
    assert earlier.value.key == "tasks.tie_gone"
    assert last_contacts(db)[carl] == TODAY
    for ends in [("L", f"P{carl}"), (f"P{anna}", "Pxyz"), (f"P{anna}",)]:
        with pytest.raises(ValidationFailed) as refused, db.write() as session:
            register_tie_contact(session, ends, TODAY)
        assert refused.value.key == "tasks.not_a_contact"
