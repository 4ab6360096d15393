"""The page "Mål" driven like a user would, with AppTest, on the demo library and on an empty workspace."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial

import pandas as pd
import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from lib.core.spreadsheets import xlsx_bytes
from lib.db import Database, Goal, GoalMeasurement
from lib.planning import goals as strategy
from lib.planning.templates import template_frames
from tests import apptest_support
from tests.apptest_support import figure, rerun, values

PAGE = "../pages/goals.py"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
run_page = partial(apptest_support.run_page, PAGE)


def goal_ids(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {title: goal_id for goal_id, title in strategy.goal_choices(session)}


def measurement_count(db: Database, goal_id: int) -> int:
    with db.read() as session:
        return session.scalar(
            select(func.count()).select_from(GoalMeasurement).where(GoalMeasurement.goal_id == goal_id)
        )


def latest_value(db: Database, goal_id: int) -> float | None:
    with db.read() as session:
        return strategy.goal_status(
            session.get(Goal, goal_id), strategy.measurements(session, goal_id), dt.date.today()
        ).latest_value


def test_empty_workspace_points_to_the_first_goal(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Vær strategisk – bibliotekets mål"
    assert at.info[0].value.startswith("Der er endnu ingen mål.")
    assert "»Opret og redigér«" in at.info[0].value
    assert not at.get("plotly_chart")


def test_overview_has_one_bar_per_goal_with_status_words(demo: Database) -> None:
    at = run_page()
    ids = goal_ids(demo)
    assert len(ids) == 6
    spec = figure(at, "goals_overview_chart")
    bars = [trace for trace in spec["data"] if trace["type"] == "bar"]
    assert len(bars) == 1
    assert sorted(bars[0]["y"]) == sorted(ids)
    assert spec["layout"]["separators"] == ",."
    table = at.dataframe[0].value
    assert len(table) == 6
    with demo.read() as session:
        statuses = strategy.goal_statuses(session, dt.date.today())
    # Every status carries its word beside an icon of its own shape, never a colour alone (WCAG 1.4.1).
    icons = {"on_track": "✅", "at_risk": "⚠️", "off_track": "⛔", "no_data": "❔"}
    expected_words = [f"{icons[s.status]} {strategy.status_label(s.status)}" for s in statuses]
    assert table["Status"].tolist() == expected_words
    assert {"⛔ Bagud", "✅ På rette spor"} <= set(expected_words)


def test_choosing_a_goal_draws_one_point_per_measurement(demo: Database) -> None:
    at = run_page()
    ids = goal_ids(demo)
    goal_id = sorted(ids.values())[-1]
    at.multiselect(key="goals_series_pick").set_value([goal_id])
    rerun(at)
    spec = figure(at, "goals_series_chart")
    line = [trace for trace in spec["data"] if trace.get("meta") == goal_id]
    assert len(line) == 1
    count = measurement_count(demo, goal_id)
    assert count > 3
    assert len(values(line[0]["x"])) == count
    # The axis writes its own ticks in Danish (days, or "jan. 2026" style months), none twice.
    ticks = spec["layout"]["xaxis"]["ticktext"]
    assert ticks and len(set(ticks)) == len(ticks)
    assert all(re.fullmatch(r"\d\d-\d\d-\d{4}|[a-zæøå]{3}\.? \d{4}|\d{4}", tick) for tick in ticks), ticks
    assert any(shape.get("y0") == 100 for shape in spec["layout"]["shapes"])


def test_a_goal_without_a_title_is_refused_in_danish(demo: Database) -> None:
    at = run_page()
    before = len(goal_ids(demo))
    at.number_input(key="goals_new_baseline").set_value(10)
    at.number_input(key="goals_new_target").set_value(20)
    at.date_input(key="goals_new_baseline_date").set_value(dt.date(2026, 1, 1))
    at.date_input(key="goals_new_target_date").set_value(dt.date(2027, 1, 1))
    at.button(key="goals_new_submit").click()
    rerun(at)
    assert [e.value for e in at.error] == ["Målet skal have en titel."]
    assert len(goal_ids(demo)) == before


def create_goal_through_form(at: AppTest, title: str) -> AppTest:
    at.text_input(key="goals_new_title").input(title)
    at.text_input(key="goals_new_unit").input("arrangementer")
    at.number_input(key="goals_new_baseline").set_value(10)
    at.number_input(key="goals_new_target").set_value(30)
    at.date_input(key="goals_new_baseline_date").set_value(dt.date(2026, 1, 1))
    at.date_input(key="goals_new_target_date").set_value(dt.date(2027, 12, 31))
    at.button(key="goals_new_submit").click()
    return rerun(at)


def test_creating_a_goal_then_measuring_it(demo: Database) -> None:
    at = run_page()
    at = create_goal_through_form(at, "Flere sprogcaféer")
    ids = goal_ids(demo)
    assert "Flere sprogcaféer" in ids
    goal_id = ids["Flere sprogcaféer"]
    with demo.read() as session:
        goal = session.get(Goal, goal_id)
        assert (goal.baseline, goal.target, goal.unit, goal.target_date) == (
            10,
            30,
            "arrangementer",
            dt.date(2027, 12, 31),
        )
    assert at.success[0].value == "Målet »Flere sprogcaféer« er oprettet."
    assert at.selectbox(key="goals_edit_pick").value == goal_id  # the new goal is open
    assert latest_value(demo, goal_id) is None

    at.multiselect(key="goals_series_pick").set_value([goal_id])
    rerun(at)
    line = [t for t in figure(at, "goals_series_chart")["data"] if t.get("meta") == goal_id]
    assert len(values(line[0]["x"])) == 0

    prefix = f"goals_measure_{goal_id}_"
    at.date_input(key=prefix + "measured_on").set_value(dt.date.today())
    at.number_input(key=prefix + "value").set_value(17.5)
    at.text_input(key=prefix + "note").input("Efterårstælling")
    at.button(key=prefix + "submit").click()
    rerun(at)
    assert latest_value(demo, goal_id) == 17.5
    assert measurement_count(demo, goal_id) == 1
    line = [t for t in figure(at, "goals_series_chart")["data"] if t.get("meta") == goal_id]
    assert len(values(line[0]["x"])) == 1
    assert values(line[0]["y"]) == [pytest.approx(37.5)]


def test_deleting_needs_the_confirm_box(demo: Database) -> None:
    at = run_page()
    goal_id = goal_ids(demo)[sorted(goal_ids(demo))[0]]
    at.selectbox(key="goals_edit_pick").set_value(goal_id)
    rerun(at)
    at.button(key=f"goals_delete_{goal_id}").click()
    rerun(at)
    assert goal_id in goal_ids(demo).values()
    assert "Sæt flueben for at bekræfte, at målet skal slettes." in [w.value for w in at.warning]
    at.checkbox(key=f"goals_delete_confirm_{goal_id}").check()
    at.button(key=f"goals_delete_{goal_id}").click()
    rerun(at)
    assert goal_id not in goal_ids(demo).values()
    assert len(goal_ids(demo)) == 5


def test_a_single_measurement_can_be_deleted(demo: Database) -> None:
    at = run_page()
    goal_id = sorted(goal_ids(demo).values())[-1]
    at.selectbox(key="goals_edit_pick").set_value(goal_id)
    rerun(at)
    before = measurement_count(demo, goal_id)
    pick = f"goals_edit_{goal_id}_measure_delete"
    at.button(key=pick + "_button").click()
    rerun(at)
    assert "Vælg først den post, der skal slettes." in [w.value for w in at.warning]
    assert measurement_count(demo, goal_id) == before
    with demo.read() as session:
        newest = strategy.measurements(session, goal_id)[-1]
        newest_id, newest_day = newest.id, newest.measured_on
    assert at.selectbox(key=pick + "_pick").options[0].startswith(newest_day.strftime("%d-%m-%Y"))
    at.selectbox(key=pick + "_pick").set_value(newest_id)
    at.button(key=pick + "_button").click()
    rerun(at)
    assert measurement_count(demo, goal_id) == before - 1
    with demo.read() as session:
        assert newest_id not in [m.id for m in strategy.measurements(session, goal_id)]
    assert "Posten er slettet." in [s.value for s in at.success]


def filled_template() -> bytes:
    frames = template_frames("goals", "da")
    sheets = list(frames)
    goals, measurements = sheets[0], sheets[1]
    frames[goals] = pd.DataFrame(
        [
            ["Flere frivillige", "", "Fællesskab", "", "frivillige", 20, "01-01-2026", 40, "31-12-2027"],
            ["", "Uden titel", "", "", "", 1, "01-01-2026", 2, "31-12-2027"],
            ["Kortere ventetid", "", "Service", "", "dage", 30, "01-01-2026", 10, "31-12-2027"],
        ],
        columns=frames[goals].columns,
    )
    frames[measurements] = pd.DataFrame(
        [
            ["Flere frivillige", "01-06-2026", 25, "", ""],
            ["Kortere ventetid", "01-06-2026", 24, "", ""],
            ["Findes ikke", "01-06-2026", 3, "", ""],
        ],
        columns=frames[measurements].columns,
    )
    return xlsx_bytes(frames)


def test_template_upload_previews_imports_and_undoes(demo: Database) -> None:
    at = run_page()
    assert at.get("download_button")[0].proto.label == "Hent Excel-skabelon"
    before = goal_ids(demo)
    at.file_uploader(key="goals_uploader_0").set_value(("mål.xlsx", filled_template(), XLSX_MIME))
    rerun(at)
    metrics = {m.label: m.value for m in at.metric if not m.label.startswith("Mål")}  # the goal figures apart
    assert metrics == {"Rækker læst": "6", "Nye": "4", "Afvist": "2", "Sprunget over": "0"}
    assert goal_ids(demo) == before  # a preview stores nothing

    at.button(key="goals_import_commit").click()
    rerun(at)
    after = goal_ids(demo)
    assert set(after) - set(before) == {"Flere frivillige", "Kortere ventetid"}
    assert latest_value(demo, after["Kortere ventetid"]) == 24
    assert at.success[0].value.startswith("Indlæst: 2 mål, 2 målinger")

    at.button(key="goals_import_undo").click()
    rerun(at)
    assert goal_ids(demo) == before
    assert any(s.value.startswith("Indlæsning nr.") and s.value.endswith("er fortrudt.") for s in at.success)


def test_the_page_speaks_english(demo: Database) -> None:
    at = run_page("en")
    assert at.title[0].value == "Be strategic – the library's goals"
    spec = figure(at, "goals_overview_chart")
    assert spec["layout"]["title"]["text"] == "All goals at a glance"
    assert spec["layout"]["separators"] == ".,"
    assert "Status" in at.dataframe[0].value.columns
    assert [tab.label for tab in at.tabs] == [
        "At a glance",
        "Over time",
        "Create and edit",
        "Coverage",
        "Load from Excel",
    ]


def test_every_text_of_the_page_exists_in_both_languages() -> None:
    import re
    from pathlib import Path

    from lib.core.i18n import t
    from lib.core.translations.goals_page import TEXTS

    assert all(entry["da"].strip() and entry["en"].strip() for entry in TEXTS.values())
    root = Path(__file__).resolve().parents[2]
    used = set()
    for name in (
        "pages/goals.py",
        "components/goals_views.py",
        "lib/planning/goals_page.py",
        "lib/planning/figures.py",
    ):
        used |= set(re.findall(r'\b(?:tr|t)\("([a-z_.]+)"', (root / name).read_text(encoding="utf-8")))
    assert "goalspage.title" in used and len(used) > 40
    for key in used:
        assert t(key, "da") != key and t(key, "en") != key, key
