"""The demo library at a municipality's scale (``python -m lib demo --scale N``, issue 16): the asked
proportions, the demo's shape, the same workspace for the same seed, and pages that open on it."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lib.core.errors import UserFacingError
from lib.db import (
    PARTNERSHIP_STAGES,
    ContactLogEntry,
    EvaluationResponse,
    EvaluationRound,
    Goal,
    GoalMeasurement,
    Organisation,
    Partnership,
    Person,
    Relation,
    forget_database,
    open_database,
    workspace_counts,
)
from lib.db.engine import Database
from lib.demo import scale
from lib.demo.workspace import create_demo_workspace
from tests import apptest_support
from tests.cli.test_cli import run_cli
from tests.demo.test_demo import snapshot

TODAY = dt.date(2026, 3, 1)
#: Bigger than 2,000 people would ask for, so that staff, partnerships and goals beyond the demo's are drawn.
GROWN = scale.ScaleSizes(people=2_000, staff=40, organisations=150, relations=3_200, partnerships=45, goals=11)


def _build(folder: Path, people: int) -> Database:
    db = open_database(f"sqlite:///{folder / 'scaled.sqlite'}")
    create_demo_workspace(db, today=TODAY, scale=people)
    return db


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo at 2,000 people, as ``--scale 2000`` makes it."""
    db = _build(tmp_path_factory.mktemp("scaled"), 2_000)
    yield db
    forget_database(db.url)


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A scaled demo with more staff, partnerships and goals than the demo's own (GROWN)."""
    patch = pytest.MonkeyPatch()
    patch.setattr(scale, "sizes_for", lambda people: GROWN)
    try:
        db = _build(tmp_path_factory.mktemp("grown"), GROWN.people)
    finally:
        patch.undo()
    yield db
    forget_database(db.url)


def test_the_proportions_of_a_municipality() -> None:
    assert scale.sizes_for(100_000) == scale.ScaleSizes(
        people=100_000, staff=300, organisations=4_000, relations=150_000, partnerships=200, goals=20
    )
    small = scale.sizes_for(2_000)
    assert (small.organisations, small.relations) == (80, 3_000)
    # Never fewer than the demo itself holds: its fifteen colleagues and twelve partnerships.
    assert (small.staff, small.partnerships, small.goals) == (15, 12, 6)


def test_a_scaled_workspace_holds_the_asked_counts(scaled: Database) -> None:
    sizes = scale.sizes_for(2_000)
    with scaled.read() as session:
        counts = workspace_counts(session)
        partnerships = session.scalar(select(func.count(Partnership.id)))
        emails = list(session.scalars(select(Person.email).where(Person.email.is_not(None))))
        names = Counter(session.scalars(select(Person.name)))
    assert (counts["people"], counts["staff"], counts["organisations"], counts["relations"]) == (
        sizes.people,
        sizes.staff,
        sizes.organisations,
        sizes.relations,
    )
    assert partnerships == sizes.partnerships
    assert len(emails) == len(set(emails)) > 1_500
    # As in a merged municipal register: names repeat, e-mails never.
    assert max(names.values()) > 1


def test_relations_have_strengths_and_dates_like_the_demo(scaled: Database) -> None:
    with scaled.read() as session:
        rows = session.execute(select(Relation.kind, Relation.strength, Relation.first_contact, Relation.last_contact))
        relations = list(rows)
    assert {strength for _, strength, _, _ in relations} == {1, 2, 3, 4, 5}
    assert all(first <= last <= TODAY for _, _, first, last in relations)
    cold = sum(1 for _, _, _, last in relations if (TODAY - last).days > 365)
    assert 0.1 < cold / len(relations) < 0.35
    kinds = Counter(kind for kind, _, _, _ in relations)
    assert {"knows", "colleague", "works_with", "partner"} <= set(kinds)


def test_generated_staff_organisations_partnerships_and_goals_have_the_demo_shape(grown: Database) -> None:
    with grown.read() as session:
        counts = workspace_counts(session)
        staff = session.execute(select(Person.name, Person.team, Person.staff_role).where(Person.is_staff)).all()
        organisations = session.execute(select(Organisation.org_type, Organisation.sector)).all()
        partnerships = session.execute(select(Partnership.id, Partnership.stage, Partnership.start_date)).all()
        owners = set(session.scalars(select(Partnership.owner_id)))
        owner_roles = set(session.scalars(select(Person.staff_role).where(Person.id.in_(owners))))
        goals = session.scalar(select(func.count(Goal.id)))
        measured = Counter(session.scalars(select(GoalMeasurement.goal_id)))
        log = session.execute(select(ContactLogEntry.partnership_id, ContactLogEntry.contacted_on)).all()
        sides = session.execute(
            select(EvaluationRound.partnership_id, EvaluationResponse.respondent_side).join(
                EvaluationResponse, EvaluationResponse.round_id == EvaluationRound.id
            )
        ).all()
    assert (counts["people"], counts["staff"], counts["organisations"], counts["relations"]) == (
        2_000,
        GROWN.staff,
        GROWN.organisations,
        GROWN.relations,
    )
    assert len({name for name, _, _ in staff}) == GROWN.staff  # colleagues are never namesakes
    assert all(team for _, team, _ in staff)
    assert {role for _, _, role in staff} == {"network_lead", "partnership_owner", "staff"}
    assert owner_roles <= {"network_lead", "partnership_owner"}
    assert all(org_type and sector for org_type, sector in organisations)
    assert len(partnerships) == GROWN.partnerships
    assert {stage for _, stage, _ in partnerships} == set(PARTNERSHIP_STAGES)
    assert goals == GROWN.goals
    # Three years, every quarter; the demo's own goal not measured for nine months has fewer.
    assert len(measured) == GROWN.goals
    assert sum(1 for count in measured.values() if count >= 12) == GROWN.goals - 1
    started = {pid: start for pid, _, start in partnerships}
    assert len(log) > 10 * GROWN.partnerships
    assert all(started[pid] is not None and started[pid] <= day <= TODAY for pid, day in log)
    evaluated = {pid for pid, _ in sides}
    assert len(evaluated) > 5
    assert all({side for pid, side in sides if pid == each} == {"library", "partner"} for each in evaluated)


@pytest.mark.slow
def test_the_same_seed_gives_the_same_workspace(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = _build(tmp_path / "one", 1_000), _build(tmp_path / "two", 1_000)
    assert snapshot(first) == snapshot(second)
    assert len(snapshot(first)["people"]) == 1_000


def test_a_scale_smaller_than_the_demo_is_refused(db: Database) -> None:
    with pytest.raises(UserFacingError) as refused:
        create_demo_workspace(db, scale=scale.MIN_PEOPLE - 1)
    assert refused.value.key == "demo.scale_too_small"
    assert "1000" in refused.value.message("en").replace(".", "").replace(",", "")
    with db.read() as session:
        assert workspace_counts(session)["people"] == 0


@pytest.mark.slow
def test_the_command_line_builds_a_scaled_demo(db_url: str) -> None:
    done = run_cli("demo", "--scale", "1000", "--json", "--db", db_url)
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert (counts["people"], counts["relations"], counts["created"]) == (1_000, 1_500, True)


PAGES = (
    "../dashboard.py",
    "../pages/contacts.py",
    "../pages/partnerships.py",
    "../pages/goals.py",
    "../pages/evaluations.py",
    "../pages/organisation.py",
    "../pages/board.py",
)


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_pages_open_on_a_scaled_workspace(grown: Database, page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", grown.url)
    at = apptest_support.run_page(page, "en", timeout=120)  # fails on an exception
    assert apptest_support.shown_texts(at)
