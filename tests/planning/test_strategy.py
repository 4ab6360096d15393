"""Goals: fulfilment (both directions), the status rule at given dates, staleness, coverage, editing,
the goals import, the demo's goals, and the schema of issue 4 against its migration."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from lib.core.errors import ValidationFailed
from lib.core.i18n import TEXTS
from lib.db import Database, Event, Goal, GoalMeasurement, Partnership, PartnershipGoal
from lib.demo.workspace import create_demo_workspace
from lib.ingest.planning_tables import undo_table_import
from lib.planning import goals as strategy
from tests.planning_builders import add_contact, add_staff, problem_keys
from tests.sheets import xlsx

D = dt.date
BASE = D(2024, 1, 1)
TARGET = D(2025, 1, 1)  # 366 days later (2024 is a leap year)


# --- formulas --------------------------------------------------------------------------------------


def test_fulfilment_goes_from_baseline_to_target() -> None:
    assert strategy.fulfilment(150, 100, 200) == 50.0
    assert strategy.fulfilment(200, 100, 200) == 100.0
    assert strategy.fulfilment(250, 100, 200) == 150.0
    assert strategy.fulfilment(90, 100, 200) == -10.0
    assert strategy.fulfilment(None, 100, 200) is None
    assert strategy.fulfilment(150, 100, 100) is None


def test_fulfilment_of_a_goal_to_reduce() -> None:
    # From 24 % down to 16 %: 20 % is halfway, 14 % is past the target, 26 % went the wrong way.
    assert strategy.fulfilment(20, 24, 16) == 50.0
    assert strategy.fulfilment(14, 24, 16) == 125.0
    assert strategy.fulfilment(26, 24, 16) == -25.0
    assert strategy.clamp_percent(125.0) == 100.0
    assert strategy.clamp_percent(-25.0) == 0.0
    assert strategy.clamp_percent(None) is None


def test_expected_progress_is_the_share_of_time_passed() -> None:
    assert strategy.expected_progress(BASE, TARGET, D(2024, 7, 2)) == 50.0
    assert strategy.expected_progress(BASE, TARGET, D(2023, 6, 1)) == 0.0
    assert strategy.expected_progress(BASE, TARGET, D(2026, 1, 1)) == 100.0


@pytest.mark.parametrize(
    ("fulfilment", "expected", "status"),
    [
        (50.0, 50.0, "on_track"),
        (40.0, 50.0, "on_track"),  # exactly 10 points below
        (39.9, 50.0, "at_risk"),
        (25.0, 50.0, "at_risk"),  # exactly 25 points below
        (24.9, 50.0, "off_track"),
        (100.0, 100.0, "on_track"),
        (0.0, 5.0, "on_track"),
        (None, 50.0, "no_data"),
    ],
)
def test_status_rule(fulfilment: float | None, expected: float, status: str) -> None:
    assert strategy.status_for(fulfilment, expected) == status


# --- statuses from stored goals --------------------------------------------------------------------


def add_goal(
    db: Database,
    measurements: list[tuple[dt.date, float]],
    *,
    baseline: float = 100,
    target: float = 200,
    title: str = "Flere lånere",
) -> int:
    with db.write() as session:
        goal_id = strategy.create_goal(
            session,
            {"title": title, "baseline": baseline, "target": target, "baseline_date": BASE, "target_date": TARGET},
        )
        for on, value in measurements:
            strategy.add_measurement(session, goal_id, {"measured_on": on, "value": value})
    return goal_id


def status_on(db: Database, goal_id: int, as_of: dt.date) -> strategy.GoalStatus:
    with db.read() as session:
        return next(s for s in strategy.goal_statuses(session, as_of) if s.goal_id == goal_id)


def test_status_at_given_dates_uses_the_latest_measurement_then(db: Database) -> None:
    goal_id = add_goal(db, [(D(2024, 4, 1), 120), (D(2024, 10, 1), 150)])
    before = status_on(db, goal_id, D(2024, 3, 1))
    assert (before.status, before.latest_value, before.fulfilment, before.measurements) == ("no_data", None, None, 0)
    spring = status_on(db, goal_id, D(2024, 6, 1))
    # 91 of 366 days had passed on 1 April: 24.9 % expected, 20 % reached, within 10 points.
    assert spring.latest_on == D(2024, 4, 1) and spring.fulfilment == pytest.approx(20.0)
    assert spring.expected == pytest.approx(91 / 366 * 100)
    assert spring.status == "on_track"
    autumn = status_on(db, goal_id, D(2024, 12, 1))
    # 274 of 366 days on 1 October: 74.9 % expected, 50 % reached: 24.9 points behind.
    assert autumn.expected == pytest.approx(274 / 366 * 100)
    assert autumn.fulfilment == pytest.approx(50.0) and autumn.status == "at_risk"
    assert autumn.days_since_measurement == 61 and autumn.measurements == 2
    assert not autumn.achieved and not autumn.reduce


def test_off_track_and_achieved_with_a_goal_to_reduce(db: Database) -> None:
    goal_id = add_goal(db, [(D(2024, 10, 1), 22)], baseline=24, target=16, title="Færre svage læsere")
    late = status_on(db, goal_id, D(2024, 10, 2))
    assert late.reduce and late.fulfilment_raw == pytest.approx(25.0) and late.status == "off_track"
    with db.write() as session:
        strategy.add_measurement(session, goal_id, {"measured_on": D(2024, 12, 1), "value": "15,5"})
    done = status_on(db, goal_id, D(2024, 12, 1))
    assert done.fulfilment_raw == pytest.approx(106.25) and done.fulfilment == 100.0
    assert done.achieved and done.status == "on_track"


def test_stale_after_180_days_without_a_measurement(db: Database) -> None:
    goal_id = add_goal(db, [(D(2024, 10, 1), 150)])
    assert not status_on(db, goal_id, D(2025, 3, 30)).stale  # 180 days
    assert status_on(db, goal_id, D(2025, 3, 31)).stale  # 181 days
    with db.read() as session:
        statuses = strategy.goal_statuses(session, D(2025, 3, 31), stale_days=455)
        assert not any(s.stale for s in statuses)


def test_finding_1_a_goal_never_measured_is_not_yet_measured_never_stale(db: Database) -> None:
    add_goal(db, [(D(2024, 10, 1), 150)])
    never = add_goal(db, [], title="Aldrig målt")
    late = status_on(db, never, D(2026, 6, 30))  # two years after the baseline
    assert late.status == "no_data" and not late.stale and late.days_since_measurement is None
    with db.read() as session:
        counts = strategy.status_counts(strategy.goal_statuses(session, D(2025, 3, 31)))
    assert counts == {"on_track": 0, "at_risk": 1, "off_track": 0, "no_data": 1, "stale": 1}


def test_fulfilment_series_starts_at_the_baseline(db: Database) -> None:
    goal_id = add_goal(db, [(D(2024, 10, 1), 150), (D(2024, 4, 1), 120)])
    with db.read() as session:
        frame = strategy.fulfilment_series(session)
    assert list(frame.columns) == [
        "goal_id",
        "title",
        "date",
        "value",
        "fulfilment_raw",
        "fulfilment",
        "expected",
        "is_baseline",
    ]
    assert frame["goal_id"].tolist() == [goal_id] * 3
    assert frame["date"].tolist() == [BASE, D(2024, 4, 1), D(2024, 10, 1)]
    assert frame["fulfilment"].tolist() == pytest.approx([0.0, 20.0, 50.0])
    assert frame["is_baseline"].tolist() == [True, False, False]
    assert frame["expected"].tolist() == pytest.approx([0.0, 91 / 366 * 100, 274 / 366 * 100])


# --- coverage --------------------------------------------------------------------------------------


def test_coverage_lists_unserved_goals_and_goalless_partnerships(db: Database) -> None:
    with db.write() as session:
        served = strategy.create_goal(
            session, {"title": "A", "baseline": 0, "target": 10, "baseline_date": BASE, "target_date": TARGET}
        )
        planned = strategy.create_goal(
            session, {"title": "B", "baseline": 0, "target": 10, "baseline_date": BASE, "target_date": TARGET}
        )
        records = {
            "running": Partnership(title="Kører", stage="managing_maintaining"),
            "idea": Partnership(title="Idé", stage="idea"),
            "ended": Partnership(title="Slut", stage="sustaining_ending", closed=True),
            "loose": Partnership(title="Uden mål", stage="scoping_building"),
            "loose_ended": Partnership(title="Uden mål, slut", stage="idea", closed=True),
        }
        session.add_all(records.values())
        session.flush()
        session.add_all(
            [
                PartnershipGoal(partnership_id=records["running"].id, goal_id=served),
                PartnershipGoal(partnership_id=records["idea"].id, goal_id=planned),
                PartnershipGoal(partnership_id=records["ended"].id, goal_id=planned),
            ]
        )
    with db.read() as session:
        result = strategy.coverage(session)
    assert result.partnerships_per_goal == {served: [records["running"].id], planned: []}
    assert result.goals_without_partnership == [{"goal_id": planned, "title": "B", "planned": 1}]
    assert result.partnerships_without_goal == [
        {"partnership_id": records["loose"].id, "title": "Uden mål", "stage": "scoping_building"}
    ]


# --- editing ---------------------------------------------------------------------------------------


GOOD = {
    "title": "Flere lånere",
    "baseline": "100",
    "target": "1.200",
    "baseline_date": "01-01-2024",
    "target_date": "31-12-2026",
    "unit": "lånere",
    "theme": "Læsning",
    "description": "Linje 1\nLinje 2",
}


@pytest.mark.parametrize(
    ("change", "key", "field"),
    [
        ({"title": "  "}, "strategy.title_required", "title"),
        ({"baseline": None}, "strategy.baseline_required", "baseline"),
        ({"target": ""}, "strategy.target_required", "target"),
        ({"target": "100"}, "strategy.target_equals_baseline", "target"),
        ({"target_date": "01-01-2024"}, "strategy.dates_order", "target_date"),
        ({"baseline_date": "31-02-2024"}, "value.date_invalid", "baseline_date"),
        ({"baseline": "mange"}, "value.number_invalid", "baseline"),
    ],
)
def test_goal_validation(db: Database, change: dict[str, Any], key: str, field: str) -> None:
    with db.write() as session, pytest.raises(ValidationFailed) as caught:
        strategy.create_goal(session, {**GOOD, **change})
    assert caught.value.key == key and caught.value.params["field"] == field
    assert key in TEXTS


def test_create_and_update_a_goal(db: Database) -> None:
    with db.write() as session:
        staff = add_staff(session, "Mette Sørensen")
        contact = add_contact(session, "Carl Carlsen")
        goal_id = strategy.create_goal(session, {**GOOD, "owner_id": staff}, actor="mette")
    with db.read() as session:
        goal = session.get(Goal, goal_id)
        assert (goal.target, goal.baseline_date, goal.description) == (1200.0, D(2024, 1, 1), "Linje 1\nLinje 2")
    with db.write() as session:
        assert strategy.update_goal(session, goal_id, {"target": 1500, "theme": "Læsning"}) == ["target"]
        with pytest.raises(ValidationFailed) as caught:
            strategy.update_goal(session, goal_id, {"owner_id": contact})
        assert caught.value.key == "editing.not_staff"
        with pytest.raises(ValueError):
            strategy.update_goal(session, goal_id, {"colour": "red"})
    with db.read() as session:
        actions = [e.action for e in session.scalars(select(Event).order_by(Event.id))]
    assert actions == ["goal_created", "goal_updated"]


def test_measurements_are_added_corrected_and_deleted(db: Database) -> None:
    goal_id = add_goal(db, [])
    with db.write() as session:
        first = strategy.add_measurement(session, goal_id, {"measured_on": "01-06-2024", "value": "130"})
        with pytest.raises(ValidationFailed) as caught:
            strategy.add_measurement(session, goal_id, {"measured_on": None, "value": 3})
        assert caught.value.key == "strategy.measured_on_required"
        assert strategy.update_measurement(session, first, {"value": 140}) == ["value"]
    with db.read() as session:
        assert [(m.measured_on, m.value) for m in strategy.measurements(session, goal_id)] == [(D(2024, 6, 1), 140.0)]
    with db.write() as session:
        strategy.delete_measurement(session, first)
        strategy.delete_goal(session, goal_id)
    with db.read() as session:
        assert session.scalars(select(GoalMeasurement)).all() == [] and session.get(Goal, goal_id) is None


# --- import ----------------------------------------------------------------------------------------

GOAL_HEADER = ["Titel", "Udgangspunkt", "Dato for udgangspunkt", "Målværdi", "Måldato", "Ansvarlig"]
MEASUREMENT_HEADER = ["Mål", "Dato", "Værdi"]


def goals_file() -> bytes:
    return xlsx(
        {
            "Mål": [
                GOAL_HEADER,
                ["Flere lånere", 100, "01-01-2024", 200, "01-01-2025", "mette@bib.dk"],
                ["Færre ventetider", 30, "01-01-2024", 10, "01-01-2025", "Ukendt Person"],
                [None, None, None, None, None, None],
                ["Uden dato", 1, None, 2, "01-01-2025", None],
                ["Lige meget", 5, "01-01-2024", 5, "01-01-2025", None],
            ],
            "Målinger": [
                MEASUREMENT_HEADER,
                ["Flere lånere", "01-07-2024", 150],
                ["flere lånere ", "01-10-2024", "160"],
                ["Ukendt mål", "01-10-2024", 3],
                ["Færre ventetider", "32-13-2024", 20],
                ["Færre ventetider", "01-07-2024", "tyve"],
            ],
        }
    )


@pytest.mark.slow
def test_goals_import_accounts_for_every_row_and_undoes(db: Database) -> None:
    with db.write() as session:
        add_staff(session, "Mette Sørensen", "mette@bib.dk")
    preview = strategy.import_goals(db, "mål.xlsx", goals_file(), commit=False)
    assert preview.balanced and not preview.committed and preview.batch_id is None
    with db.read() as session:
        assert session.scalars(select(Goal)).all() == []
    result = strategy.import_goals(db, "mål.xlsx", goals_file(), commit=True, actor="mette")
    assert result.balanced and result.committed
    assert [
        (s["sheet"], s["role"], s["rows"], s["inserted"], s["rejected"], s["skipped"]) for s in result.per_sheet
    ] == [("Mål", "goals", 5, 2, 2, 1), ("Målinger", "measurements", 5, 2, 3, 0)]
    assert result.counts == {"rows": 10, "inserted": 4, "rejected": 5, "skipped": 1}
    assert result.created == {"goals": 2, "goal_measurements": 2}
    assert problem_keys(result) == [
        (3, "strategy.import.unknown_owner", "warning"),
        (5, "strategy.baseline_date_required", "error"),
        (6, "strategy.target_equals_baseline", "error"),
        (4, "strategy.import.unknown_goal", "error"),
        (5, "value.date_invalid", "error"),
        (6, "value.number_invalid", "error"),
    ]
    assert [p.column for p in result.problems][:3] == ["Ansvarlig", "Dato for udgangspunkt", "Målværdi"]
    with db.read() as session:
        goals = {g.title: g for g in session.scalars(select(Goal))}
        assert goals["Flere lånere"].owner_id is not None and goals["Færre ventetider"].owner_id is None
        assert all(g.batch_id == result.batch_id for g in goals.values())
        values = sorted(m.value for m in session.scalars(select(GoalMeasurement)))
    assert values == [150.0, 160.0]

    again = strategy.import_goals(db, "mål.xlsx", goals_file(), commit=True)
    assert again.counts == {"rows": 10, "inserted": 0, "rejected": 5, "skipped": 5} and again.batch_id is None
    assert [p.key for p in again.problems].count("strategy.import.goal_exists") == 2
    assert [p.key for p in again.problems].count("strategy.import.measurement_exists") == 2

    assert undo_table_import(db, result.batch_id) == {"goal_measurements": 2, "goals": 2}
    with db.read() as session:
        assert session.scalars(select(Goal)).all() == [] and session.scalars(select(GoalMeasurement)).all() == []


def test_undo_refuses_when_a_measurement_was_added_since(db: Database) -> None:
    result = strategy.import_goals(db, "mål.xlsx", goals_file(), commit=True)
    with db.write() as session:
        goal_id = session.scalar(select(Goal.id).where(Goal.title == "Færre ventetider"))
        strategy.add_measurement(session, goal_id, {"measured_on": D(2024, 12, 1), "value": 15})
    from lib.core.errors import UndoNotPossible
    from lib.ingest.contact_lists import undo_import

    with pytest.raises(UndoNotPossible) as caught:
        undo_import(db, result.batch_id)  # the contact import's undo hands table imports over
    assert caught.value.key == "table_import.used_since"


def test_a_sheet_without_the_needed_columns_says_which(db: Database) -> None:
    result = strategy.import_goals(db, "x.xlsx", xlsx({"Ark1": [["Titel", "Tema"], ["A", "B"]]}), commit=False)
    assert result.counts == {"rows": 0, "inserted": 0, "rejected": 0, "skipped": 0}
    assert result.ignored_sheets == ["Ark1"]
    [problem] = result.problems
    assert problem.key == "table_import.missing_columns"
    assert problem.message("da") == (
        "Arket er ikke læst, fordi det mangler kolonner til: Udgangspunkt, "
        "Dato for udgangspunkt, Målværdi, Måldato. Brug gerne skabelonen."
    )
    assert "Baseline, Baseline date, Target, Target date" in problem.message("en")
    nothing = strategy.import_goals(db, "x.csv", b"a;b\n1;2\n", commit=False)
    assert [p.key for p in nothing.problems] == ["table_import.no_table"]


# --- the demo --------------------------------------------------------------------------------------

DEMO_TODAY = D(2026, 3, 1)


@pytest.mark.slow
def test_demo_goals_have_three_years_of_quarterly_history(db: Database) -> None:
    create_demo_workspace(db, today=DEMO_TODAY)
    with db.read() as session:
        statuses = {s.title: s for s in strategy.goal_statuses(session, DEMO_TODAY)}
        series = strategy.fulfilment_series(session)
        cover = strategy.coverage(session)
    assert len(statuses) == 6
    assert {title: s.status for title, s in statuses.items()} == {
        "Biblioteket som mødested i Kildebro": "on_track",
        "Flere børn læser i fritiden": "on_track",
        "Flere ældre bliver trygge digitalt": "at_risk",
        "Færre børn med svage læsefærdigheder": "off_track",
        "Grøn omstilling i lokalsamfundet": "off_track",
        "Nye brugere fra nydanske familier": "on_track",
    }
    assert [title for title, s in statuses.items() if s.stale] == ["Nye brugere fra nydanske familier"]
    assert statuses["Færre børn med svage læsefærdigheder"].reduce
    for title in statuses:
        dates = series[(series["title"] == title) & ~series["is_baseline"]]["date"].tolist()
        assert DEMO_TODAY - dates[0] >= dt.timedelta(days=3 * 365) and len(dates) >= 10
        assert all(dt.timedelta(days=85) <= b - a <= dt.timedelta(days=95) for a, b in zip(dates, dates[1:]))
    assert [g["title"] for g in cover.goals_without_partnership] == ["Grøn omstilling i lokalsamfundet"]
    assert {p["title"] for p in cover.partnerships_without_goal} == {
        "Podcast med Radio Solbakke",
        "Sundhedsformidling på biblioteket",
    }


# --- schema ----------------------------------------------------------------------------------------


def test_the_migration_creates_exactly_the_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from lib.db import Base

    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_strategy_texts_exist_in_both_languages() -> None:
    for prefix in ("strategy.", "table_import.", "editing."):
        keys = [key for key in TEXTS if key.startswith(prefix)]
        assert keys
        for key in keys:
            assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key
