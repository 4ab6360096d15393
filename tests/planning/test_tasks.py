"""Tasks per staff member ("Mine opgaver"): which rule gives which task on which day, the week and
month cut, and that registering what was done takes the task off the list."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from lib.core.dates import months_before
from lib.core.errors import ValidationFailed
from lib.db import Agreement, ContactLogEntry, Database, Relation
from lib.network.graph import build_graph
from lib.network.health import cold_ties
from lib.planning import goals
from lib.planning import tasks as tk
from tests.planning_builders import task_workspace

D = dt.date
TODAY = D(2026, 3, 4)  # a Wednesday: the week ends on Sunday 8 March, the month on 31 March


@pytest.fixture
def workspace(db: Database) -> dict[str, int]:
    with db.write() as session:
        return task_workspace(session)


def mine(db: Database, holder: int, until: dt.date | None = None) -> list[tuple[str, dt.date]]:
    with db.read() as session:
        return [(task.kind, task.due) for task in tk.tasks(session, TODAY, until=until, holder_id=holder)]


def test_this_week_holds_the_overdue_contact_and_the_tie_going_cold(db: Database, workspace: dict[str, int]) -> None:
    week = tk.period_end("week", TODAY)
    assert week == D(2026, 3, 8)
    assert mine(db, workspace["anna"], week) == [("contact", D(2026, 3, 3)), ("cold_tie", D(2026, 3, 6))]


def test_this_month_adds_the_review_and_the_planned_round_but_not_what_comes_later(
    db: Database, workspace: dict[str, int]
) -> None:
    assert mine(db, workspace["anna"]) == [
        ("contact", D(2026, 3, 3)),
        ("cold_tie", D(2026, 3, 6)),
        ("review", D(2026, 3, 20)),
        ("evaluation", D(2026, 3, 25)),
    ]
    # The agreement ends in June and Dorte's tie goes cold in May: on the list when the horizon reaches them.
    later = mine(db, workspace["anna"], D(2026, 7, 1))
    assert ("cold_tie", D(2026, 5, 2)) in later and ("agreement_end", D(2026, 6, 30)) in later


def test_a_closed_partnership_gives_no_task(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        everything = tk.tasks(session, TODAY, until=D(2027, 1, 1))
    assert workspace["closed"] not in {task.partnership_id for task in everything}


def test_each_holder_sees_their_own(db: Database, workspace: dict[str, int]) -> None:
    # Bo's goal has never been measured: due 180 days after its baseline, so already overdue.
    assert mine(db, workspace["bo"]) == [("measurement", D(2026, 2, 28))]
    with db.read() as session:
        task = tk.tasks(session, TODAY, holder_id=workspace["bo"])[0]
        assert task.overdue(TODAY)
        assert task.message("da") == "Mål: Flere unge lånere – registrér en måling"
        assert task.message("en") == "Goal: Flere unge lånere – record a measurement"


def test_the_signed_in_staff_member_is_found_by_e_mail_whatever_its_case(
    db: Database, workspace: dict[str, int]
) -> None:
    with db.read() as session:
        assert tk.staff_member_of(session, " anna@bib.DK ") == workspace["anna"]
        assert tk.staff_member_of(session, "nobody@bib.dk") is None
        assert tk.staff_member_of(session, None) is None


def _task(db: Database, holder: int, kind: str) -> tk.Task:
    with db.read() as session:
        return next(task for task in tk.tasks(session, TODAY, holder_id=holder) if task.kind == kind)


def test_registering_the_contact_logs_it_and_moves_the_next_one_on(db: Database, workspace: dict[str, int]) -> None:
    task = _task(db, workspace["anna"], "contact")
    with db.write() as session:
        tk.register_contact(session, task, TODAY, note="Møde om foråret")
    assert ("contact", D(2026, 3, 3)) not in mine(db, workspace["anna"])
    later = _task_in(db, workspace["anna"], "contact", D(2026, 12, 31))
    assert later.due == TODAY + dt.timedelta(days=30)
    assert later.uid == task.uid  # the same thing, a new day: a calendar moves the event
    with db.read() as session:
        entry = session.scalars(select(ContactLogEntry).where(ContactLogEntry.contacted_on == TODAY)).one()
        assert (entry.staff_id, entry.channel, entry.note) == (workspace["anna"], "meeting", "Møde om foråret")


def _task_in(db: Database, holder: int, kind: str, until: dt.date) -> tk.Task:
    with db.read() as session:
        return next(t for t in tk.tasks(session, TODAY, until=until, holder_id=holder) if t.kind == kind)


def test_registering_a_contact_on_a_cold_tie_warms_it(db: Database, workspace: dict[str, int]) -> None:
    task = _task(db, workspace["anna"], "cold_tie")
    assert task.title == "Carl Carlsen"
    with db.write() as session:
        tk.register_contact(session, task, TODAY)
    assert [kind for kind, _ in mine(db, workspace["anna"])] == ["contact", "review", "evaluation"]
    with db.read() as session:
        G = build_graph(session, today=TODAY)
        assert "Carl Carlsen" not in set(cold_ties(G, today=TODAY)["other_label"])
        dorte = session.scalars(select(Relation).where(Relation.to_person_id == workspace["dorte"])).one()
        assert dorte.last_contact == D(2025, 5, 1)  # the other tie is left alone


def test_a_tie_is_never_moved_back_in_time(db: Database, workspace: dict[str, int]) -> None:
    task = _task(db, workspace["anna"], "cold_tie")
    with db.write() as session:
        tk.register_contact(session, task, TODAY)
    with pytest.raises(ValidationFailed), db.write() as session:
        tk.register_contact(session, task, D(2026, 1, 1))
    with db.read() as session:
        carl = session.scalars(select(Relation).where(Relation.to_person_id == workspace["carl"])).one()
        assert carl.last_contact == TODAY


def test_registering_a_review_sets_the_next_one_a_year_on(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        assert tk.register_review(session, workspace["club"], TODAY) == D(2027, 3, 4)
    assert "review" not in [kind for kind, _ in mine(db, workspace["anna"])]
    with pytest.raises(ValidationFailed), db.write() as session:
        tk.register_review(session, workspace["club"], TODAY, next_review=TODAY)
    with db.read() as session:
        assert session.scalars(select(Agreement.review_date)).one() == D(2027, 3, 4)


def test_a_measurement_takes_the_goal_off_the_list(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        goals.add_measurement(session, workspace["goal"], {"measured_on": TODAY, "value": 130})
    assert mine(db, workspace["bo"]) == []
    assert mine(db, workspace["bo"], D(2026, 9, 30)) == [("measurement", TODAY + dt.timedelta(days=goals.STALE_DAYS))]


def test_a_round_with_answers_is_no_longer_a_task(db: Database, workspace: dict[str, int]) -> None:
    from lib.db import EvaluationResponse

    with db.write() as session:
        session.add(EvaluationResponse(round_id=workspace["round"], respondent_side="library", answers={"trust": 4}))
    assert "evaluation" not in [kind for kind, _ in mine(db, workspace["anna"])]


def test_only_contacts_and_ties_can_be_registered_as_contacts(db: Database, workspace: dict[str, int]) -> None:
    task = _task(db, workspace["anna"], "review")
    with pytest.raises(ValidationFailed), db.write() as session:
        tk.register_contact(session, task, TODAY)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)))
def test_a_tie_goes_cold_on_the_first_day_cold_ties_calls_it_cold(contact: dt.date) -> None:
    day = tk.went_cold_on(contact)
    assert contact < months_before(day, tk.COLD_AFTER_MONTHS)
    assert not contact < months_before(day - dt.timedelta(days=1), tk.COLD_AFTER_MONTHS)


def test_a_group_puts_the_partnership_work_before_the_ties_going_cold() -> None:
    def task(kind: str, due: dt.date, title: str) -> tk.Task:
        return tk.Task(kind, f"{kind}-{title}", due, title)

    old_tie = task("cold_tie", D(2025, 1, 1), "Carl")
    late_review = task("review", D(2026, 3, 3), "Læseklub")
    late_goal = task("measurement", D(2026, 2, 1), "Unge lånere")
    this_week_tie = task("cold_tie", D(2026, 3, 6), "Dorte")
    later_round = task("evaluation", D(2026, 3, 25), "Læseklub")
    groups = tk.task_groups([later_round, this_week_tie, late_review, old_tie, late_goal], TODAY)
    assert [(g.name, g.work, g.cold_ties, g.count) for g in groups] == [
        ("overdue", (late_goal, late_review), (old_tie,), 3),
        ("week", (), (this_week_tie,), 1),
        ("later", (later_round,), (), 1),
    ]
    assert tk.task_groups([], TODAY) == []
