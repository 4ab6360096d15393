"""The services and pure helpers behind the planning pages (lib.planning.*_page, lib.planning.figures):
what each page reads in one go, the tables it shows, and the one multi-step change (a partnership's
details). Plain pytest, no Streamlit: what a user would see on the page, asserted at its source."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.core.errors import UserFacingError
from lib.db import Database
from lib.planning import candidates_page as cp
from lib.planning import evaluations as ev
from lib.planning import evaluations_page as evp
from lib.planning import figures
from lib.planning import goals as strategy
from lib.planning import goals_page as gp
from lib.planning import partnerships as ps
from lib.planning import partnerships_page as psp
from tests.planning_builders import add_org, add_staff

D = dt.date
TODAY = D(2026, 3, 1)
GOAL = {"baseline": 0, "target": 100, "baseline_date": D(2025, 1, 1), "target_date": D(2026, 12, 31)}


def _goal(db: Database, title: str, **values: object) -> int:
    with db.write() as session:
        return strategy.create_goal(session, {"title": title, **GOAL, **values})


def _partnership(db: Database, title: str, **values: object) -> int:
    with db.write() as session:
        return ps.create_partnership(session, {"title": title, "stage": "scoping_building", **values})


# --- Evaluering ------------------------------------------------------------------------------------


def test_the_evaluations_page_opens_on_a_running_partnership_with_answers(db: Database) -> None:
    empty = _partnership(db, "Anden")
    ended = _partnership(db, "Afsluttet")
    running = _partnership(db, "Læseklub")
    with db.write() as session:
        for partnership_id in (ended, running):
            ev.create_round(session, partnership_id, D(2026, 1, 10), "Forår")
        ps.close_partnership(session, ended, D(2026, 2, 1))

    start = evp.evaluations_start(db, TODAY, "da")

    assert start.default == running
    assert list(start.choices) == [ended, empty, running]  # by title
    assert "Afsluttet" in start.choices[ended] and start.choices[ended] != start.choices[running]
    assert "1" in start.choices[running] and "0" in start.choices[empty]


def test_the_partnership_to_open_with_falls_back_in_order() -> None:
    assert evp.default_partnership([1, 2, 3], {2: 1, 3: 2}, ended={2}) == 3
    assert evp.default_partnership([1, 2, 3], {2: 1}, ended={2}) == 2
    assert evp.default_partnership([1, 2, 3], {}, ended=set()) == 1
    assert evp.default_partnership([], {}, ended=set()) is None


def test_an_empty_workspace_has_no_partnership_to_open(db: Database) -> None:
    start = evp.evaluations_start(db, TODAY, "en")
    assert start.choices == {} and start.default is None and start.overview.empty


def test_round_labels_and_health_rounded_as_the_table_shows_them() -> None:
    assert evp.round_label(D(2026, 3, 5), "Forår", "da") == "05-03-2026 · Forår"
    assert evp.round_label(D(2026, 3, 5), None, "en") == "2026-03-05"
    overview = pd.DataFrame({"title": ["A"], "score": [72.6], **{name: [None] for name in ev.HEALTH_WEIGHTS}})
    shown = evp.health_frame(overview)
    assert shown.loc[0, "score"] == 73 and all(shown.loc[0, name] is None for name in ev.HEALTH_WEIGHTS)


def test_only_written_reflections_are_shown() -> None:
    responses = pd.DataFrame({"reflections": ["Godt samarbejde", "  ", None], "side": ["library"] * 3})
    assert evp.written_reflections(responses)["reflections"].tolist() == ["Godt samarbejde"]


def test_flagged_gaps_and_response_names_read_as_the_page_shows_them() -> None:
    rows = pd.DataFrame({"label": ["Tillid", "Mål"], "gap": [1.26, 0.2], "flagged": [True, False]})
    assert evp.flagged_gaps(rows, "da") == "Tillid (1,3)"
    assert evp.flagged_gaps(rows.assign(flagged=False), "da") is None
    responses = pd.DataFrame({"response_id": [7, 9], "side": ["library", "partner"], "respondent": [None, "Anna"]})
    assert evp.response_labels(responses, "da") == {7: "1. Biblioteket", 9: "2. Partneren · Anna"}
    assert evp.score_text(None, "da") == "–" and evp.score_text(72.4, "da") == "72"


def test_only_rounds_with_answers_have_results() -> None:
    rounds = pd.DataFrame({"round_id": [3, 2, 1], "responses": [0, 4, 1]})
    assert evp.answered_rounds(rounds)["round_id"].tolist() == [2, 1]


# --- Mål -------------------------------------------------------------------------------------------


def test_a_goal_opens_with_its_measurements_oldest_first_and_a_deleted_one_is_gone(db: Database) -> None:
    goal_id = _goal(db, "Flere lånere", unit="lånere")
    with db.write() as session:
        strategy.add_measurement(session, goal_id, {"measured_on": D(2025, 9, 1), "value": 40})
        strategy.add_measurement(session, goal_id, {"measured_on": D(2025, 6, 1), "value": 20, "note": "sommer"})

    detail = gp.goal_detail(db, goal_id)

    assert detail is not None and detail.title == "Flere lånere" and detail.unit == "lånere"
    assert [(m.measured_on, m.value, m.note) for m in detail.measurements] == [
        (D(2025, 6, 1), 20, "sommer"),
        (D(2025, 9, 1), 40, None),
    ]
    assert gp.goal_detail(db, goal_id + 1) is None


def test_the_goals_overview_reads_as_the_user_reads_it(db: Database) -> None:
    with db.write() as session:
        owner = add_staff(session, "Anna Holm")
    _goal(db, "Ikke målt", owner_id=owner, unit="besøg")

    data = gp.goals_page_data(db, TODAY)
    frame = gp.overview_frame(data.statuses, data.staff, "da")

    values = frame.iloc[0].tolist()
    assert values[0] == "Ikke målt"
    assert "Anna Holm" in values and "100 besøg" in values
    assert "–" in values  # no measurement: a dash, never "None"
    assert "❔ Ingen målinger endnu" in values  # the status with its icon and word


def test_numbers_keep_their_unit_and_missing_ones_show_a_dash() -> None:
    assert gp.number_text(1200, "deltagere", "da") == "1.200 deltagere"
    assert gp.number_text(None, "deltagere", "da") == gp.number_text(float("nan"), None, "da")


def test_coverage_names_the_partnerships_serving_each_goal(db: Database) -> None:
    goal_id = _goal(db, "Læselyst")
    with db.write() as session:
        ps.create_partnership(session, {"title": "Bogklub", "stage": "scoping_building"}, goal_ids=[goal_id])

    view = gp.coverage_view(db)
    served = gp.served_frame(view, {goal_id: "Læselyst"}, "da")

    assert served.iloc[0].tolist() == ["Læselyst", 1, "Bogklub"]


def test_a_goal_without_own_measurements_is_named() -> None:
    series = pd.DataFrame({"goal_id": [1, 1, 2], "is_baseline": [True, False, True]})
    assert gp.unmeasured(series, [1, 2]) == [2]


# --- Partnere --------------------------------------------------------------------------------------


def test_the_ranking_says_who_is_not_assessed_and_rounds_to_one_decimal(db: Database) -> None:
    with db.write() as session:
        add_org(session, "Byskolen")

    ranked = cp.ranking(db)
    frame = cp.ranking_frame(ranked, "da")

    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["Organisation"] == "Byskolen" and row["Nr."] is pd.NA  # no score, no rank
    assert cp.decision_text(False, None, "da") in [v for v in row if isinstance(v, str)]
    assert cp.one_decimal(3.66, "da") == "3,7" and cp.one_decimal(None, "da") is None


def test_an_assessment_history_lists_the_newest_first_with_its_score(db: Database) -> None:
    from lib.planning import candidates

    with db.write() as session:
        org = add_org(session, "Byskolen")
        for day, score in ((D(2025, 1, 1), 2), (D(2025, 6, 1), 4)):
            candidates.create_assessment(
                session, {"organisation_id": org, "assessed_on": day, "scores": {candidates.CRITERIA[0]: score}}
            )

    history = cp.assessment_history(db, org)
    frame = cp.history_frame(history, {}, "en")

    assert [entry["assessed_on"] for entry in history] == [D(2025, 6, 1), D(2025, 1, 1)]
    newest = frame.iloc[0].tolist()
    assert newest[0] == D(2025, 6, 1) and "4.0" in newest


def test_an_assessment_with_the_usual_weights_stores_none_and_unrated_goals_are_left_out() -> None:
    values = cp.assessment_values(
        {"a": 4, "b": None}, {"a": 1.0, "b": None}, {7: 2, 8: None}, assessed_on=D(2026, 1, 5), risks="Tid"
    )
    assert values == {
        "assessed_on": D(2026, 1, 5),
        "risks": "Tid",
        "scores": {"a": 4, "b": None},
        "weights": None,
        "goal_fit": {"7": 2},
    }
    assert cp.assessment_values({}, {"a": 2.5}, {})["weights"] == {"a": 2.5}


def test_no_value_for_effort_chart_without_values_and_no_network_built(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lib.network import graph

    def no_graph(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network is built only when there is something to draw")

    monkeypatch.setattr(graph, "build_graph", no_graph)
    chart = cp.value_effort_chart(db)
    assert chart.points.empty and chart.assessed == 0


# --- Partnerskaber ---------------------------------------------------------------------------------


def test_saving_details_stores_fields_organisations_and_goals_together(db: Database) -> None:
    partnership_id = _partnership(db, "Fortællinger")
    goal_id = _goal(db, "Læselyst")
    with db.write() as session:
        org = add_org(session, "Byskolen")

    with db.write() as session:
        psp.save_details(session, partnership_id, {"title": "Fortællinger 2"}, [org], [goal_id])

    values = psp.open_partnership(db, partnership_id).values
    assert values["title"] == "Fortællinger 2"
    assert values["organisation_ids"] == [org] and values["goal_ids"] == [goal_id]


def test_a_refused_part_of_the_details_saves_nothing(db: Database) -> None:
    partnership_id = _partnership(db, "Fortællinger")

    with pytest.raises(UserFacingError), db.write() as session:
        psp.save_details(session, partnership_id, {"title": "Nyt navn"}, [], [999])

    assert psp.open_partnership(db, partnership_id).values["title"] == "Fortællinger"


def test_the_page_start_has_no_alerts_without_partnerships(db: Database) -> None:
    data = psp.partnerships_page_data(db, TODAY)
    assert data.frame.empty and data.alerts == [] and len(data.columns) == len(ps.PIPELINE_COLUMNS)


# --- figures ---------------------------------------------------------------------------------------


def test_the_stage_chart_has_a_bar_per_column_and_zero_for_an_empty_one() -> None:
    fig = figures.stage_chart({"idea": 2}, "en")
    assert len(fig.data[0].x) == len(ps.PIPELINE_COLUMNS)
    assert list(fig.data[0].y) == [2 if stage == "idea" else 0 for stage in ps.PIPELINE_COLUMNS]


def test_the_value_for_effort_chart_reads_the_measures_the_network_page_made(
    demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lib.network import graph as netgraph
    from lib.network import metrics as netmetrics
    from lib.network import page as netpage

    netmetrics.clear_cache()
    measured: list[int] = []
    real = netmetrics.node_metrics

    def counted(G: object, **options: object) -> pd.DataFrame:
        measured.append(1)
        return real(G, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(netmetrics, "node_metrics", counted)
    with demo.read() as session:
        G = netgraph.build_graph(session)
    page_reach = netpage.graph_metrics(G)["reach"]  # the network page measures today's network
    chart = cp.value_effort_chart(demo)
    assert len(measured) == 1  # the chart measured nothing again
    assert not chart.points.empty
    assert dict(zip(chart.points["organisation_id"], chart.points["reach"], strict=True)) == {
        org_id: float(page_reach.get(f"O{org_id}", 0.0)) for org_id in chart.points["organisation_id"]
    }
    assert chart.points["reach"].max() > 0
    netmetrics.clear_cache()
