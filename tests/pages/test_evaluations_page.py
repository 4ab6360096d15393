"""The page "Evaluering" driven like a user would, with AppTest, on the demo and on an empty workspace."""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from components import clock
from components import evaluations_views as views
from lib.core.i18n import TEXTS, format_number, t
from lib.core.spreadsheets import xlsx_bytes
from lib.db import Database, EvaluationResponse, EvaluationRound, Partnership
from lib.planning import evaluations as ev
from lib.planning.templates import template_frames
from tests import apptest_support
from tests.apptest_support import chart_keys, figure, rerun, shown_texts, values

PAGE = "../pages/evaluations.py"
TODAY = dt.date(2026, 11, 1)
PICK = "evals_pick_widget"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
run_page = partial(apptest_support.run_page, PAGE)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    # The demo is dated back from TODAY; the page's health must be computed on the same day.
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def pick(at: AppTest, partnership_id: int) -> AppTest:
    at.selectbox(key=PICK).set_value(partnership_id)
    return rerun(at)


def partnership_with(db: Database, rounds: int) -> int:
    """A running partnership with exactly ``rounds`` evaluation rounds (0: one never evaluated)."""
    with db.read() as session:
        counts = ev.round_counts(session)
        ids = session.scalars(
            select(Partnership.id)
            .where(Partnership.closed.is_(False), Partnership.stage != "idea")
            .order_by(Partnership.title)
        ).all()
    return next(pid for pid in ids if counts.get(pid, 0) == rounds)


def stored(db: Database, partnership_id: int) -> tuple[int, int]:
    """(rounds, responses) of a partnership."""
    with db.read() as session:
        rounds = session.scalar(
            select(func.count()).select_from(EvaluationRound).where(EvaluationRound.partnership_id == partnership_id)
        )
        responses = session.scalar(
            select(func.count())
            .select_from(EvaluationResponse)
            .join(EvaluationRound, EvaluationRound.id == EvaluationResponse.round_id)
            .where(EvaluationRound.partnership_id == partnership_id)
        )
    return rounds, responses


def all_means(db: Database, partnership_id: int, side: str = "all") -> dict[str, list[float]]:
    with db.read() as session:
        scores = ev.scores_over_time(session, partnership_id)
    shown = scores[scores["side"] == side]
    return {d: shown[shown["dimension"] == d]["mean"].tolist() for d in ev.DIMENSIONS}


def bars(spec: dict) -> list[tuple[str, float, str]]:
    """(item text, mean, band) of every bar of the items chart."""
    found = []
    for trace in spec["data"]:
        if trace["type"] == "bar":
            found += [
                (y, mean, trace["meta"])
                for y, mean in zip(values(trace["y"]), values(trace["customdata"]), strict=True)
            ]
    return found


# --- empty -----------------------------------------------------------------------------------------


def test_empty_workspace_points_to_the_partnerships_page(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Evaluering af partnerskaber"
    assert [i.value for i in at.info] == [t("evaluations_page.empty", "da", partnerships_page="Partnerskaber")]
    assert "»Partnerskaber«" in at.info[0].value
    assert not at.get("plotly_chart") and not at.dataframe and not at.tabs


def test_a_partnership_without_rounds_says_where_to_start(demo: Database) -> None:
    pid = partnership_with(demo, 0)
    at = pick(run_page(), pid)
    expected = t("evaluations_page.no_rounds", "da", rounds_tab="Runder og besvarelser", import_tab="Indlæs fra Excel")
    assert expected in [i.value for i in at.info]
    assert "evals_scores_chart" not in chart_keys(at)
    assert t("evaluations_page.rounds.none", "da") in [c.value for c in at.caption]
    assert t("evaluations_page.health.missing.evaluation", "da") in [c.value for c in at.caption]


# --- health ----------------------------------------------------------------------------------------


def test_health_table_has_one_row_per_partnership_under_way(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        overview = ev.health_overview(session, TODAY)
        every = session.scalar(select(func.count()).select_from(Partnership))
    # A read-only table has no element id: it is known by its columns.
    table = [d for d in at.dataframe if '"score"' in d.proto.columns]
    assert len(table) == 1
    shown = table[0].value
    assert len(shown) == len(overview) == 9 and every == 12  # ideas and the ended one are not "under way"
    assert shown["title"].tolist() == overview["title"].tolist()
    expected = [None if pd.isna(v) else round(v) for v in overview["score"]]
    assert [None if pd.isna(v) else v for v in shown["score"]] == expected
    assert any(pd.isna(v) for v in overview["goals"]) and all(pd.notna(v) for v in overview["score"])
    labels = json.loads(table[0].proto.columns)
    headers = {name: config.get("label") for name, config in labels.items()}
    assert headers["score"] == "Sundhed" and headers["contact"] == "Kontaktrytme overholdt"
    assert headers["title"] == "Partnerskab"


def test_the_chosen_partnership_shows_its_score_and_parts(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page(), pid)
    with demo.read() as session:
        health = ev.partnership_health(session, pid, TODAY)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Sundhed"] == format_number(round(health.score), "da")
    for part in health.parts:
        label = t(f"evaluations.health.{part.name}", "da")
        assert metrics[label] == ("–" if part.value is None else format_number(round(part.value), "da"))
    assert t("evaluations.health_rule", "da") in [m.value for m in at.markdown]


# --- charts ----------------------------------------------------------------------------------------


def test_four_rounds_give_three_lines_of_four_points_with_the_bands(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page(), pid)
    spec = figure(at, "evals_scores_chart")
    assert [trace["meta"] for trace in spec["data"]] == list(ev.DIMENSIONS)
    assert [trace["name"] for trace in spec["data"]] == ["Samarbejde", "Fremdrift", "Resultater"]
    means = all_means(demo, pid)
    for trace in spec["data"]:
        assert len(values(trace["x"])) == 4
        assert values(trace["y"]) == pytest.approx(means[trace["meta"]])
    lines = {shape["y0"] for shape in spec["layout"]["shapes"] if shape["type"] == "line"}
    assert lines == {3.0, 4.0}
    assert {a["text"] for a in spec["layout"]["annotations"]} == {"Styrke", "Tal om det", "Bekymring"}

    at.radio(key="evals_side").set_value("partner")
    rerun(at)
    spec = figure(at, "evals_scores_chart")
    partner = all_means(demo, pid, "partner")
    assert values(spec["data"][0]["y"]) == pytest.approx(partner["samarbejde"])
    assert partner["samarbejde"] != pytest.approx(means["samarbejde"])


def test_latest_round_has_one_bar_per_answered_item_in_its_band(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page(), pid)
    with demo.read() as session:
        items = ev.latest_round_items(session, pid, "da")
    shown = bars(figure(at, "evals_items_chart"))
    assert len(shown) == len(items) == 13
    assert sorted(shown) == sorted(zip(items["text"], items["all"], items["band"], strict=True))
    assert len({band for _, _, band in shown}) >= 2  # coloured by band, not one colour


def test_gap_chart_shows_both_sides_and_flags_big_gaps(demo: Database) -> None:
    with demo.read() as session:
        pid = session.scalar(select(Partnership.id).where(Partnership.title == "Kulturnat i Kildebro"))
        latest = ev.latest_round(session, pid)
        gaps = ev.side_gaps(session, latest.id)
        reflections = ev.responses_frame(session, latest.id)["reflections"].dropna().tolist()
    at = pick(run_page(), pid)
    at.radio(key="evals_gap_level").set_value("item")
    rerun(at)
    spec = figure(at, "evals_gaps_chart")
    sides = {trace["meta"]: values(trace["x"]) for trace in spec["data"] if trace["meta"] in ev.SIDES}
    assert sides["library"] == pytest.approx(gaps.items["library"].tolist())
    assert sides["partner"] == pytest.approx(gaps.items["partner"].tolist())
    flagged = gaps.items[gaps.items["flagged"]]
    assert len(flagged) >= 1  # in the demo the two sides of this partnership see things differently
    warnings = [w.value for w in at.warning if w.value.startswith(t("evaluations.gap_flagged", "da"))]
    assert len(warnings) == 1
    assert all(ev.item_text(code, "da") in warnings[0] for code in flagged["item"])
    written = [m.value for m in at.markdown]
    assert reflections and all(views.escape_markdown(text) in written for text in reflections)


# --- rounds and responses --------------------------------------------------------------------------


def create_round(at: AppTest, pid: int, held_on: dt.date | None, title: str) -> AppTest:
    prefix = f"evals_new_round_{pid}_"
    at.date_input(key=prefix + "held_on").set_value(held_on)
    at.text_input(key=prefix + "title").input(title)
    at.button(key=prefix + "submit").click()
    return rerun(at)


def test_a_new_round_with_a_response_adds_a_point(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page(), pid)
    rounds_before, responses_before = stored(demo, pid)
    at = create_round(at, pid, TODAY, "Efterårsevaluering")
    assert stored(demo, pid) == (rounds_before + 1, responses_before)
    with demo.read() as session:
        round_id = int(ev.rounds_frame(session, pid)["round_id"].iloc[0])
    assert t("evaluations_page.new_round.done", "da", date=TODAY) in [s.value for s in at.success]
    assert at.selectbox(key=f"evals_manage_{pid}").value == round_id  # the new round is ready for answers

    prefix = f"evals_response_{round_id}_"
    at.radio(key=prefix + "side").set_value("library")
    at.text_input(key=prefix + "respondent").input("Bibliotek 1")
    for code, score in (("sam1", 5), ("sam2", 4), ("frem1", 2)):
        at.radio(key=prefix + code).set_value(score)
    at.text_area(key=prefix + "reflections").input("Vi mangler tid.")
    at.button(key=prefix + "submit").click()
    rerun(at)
    with demo.read() as session:
        response = session.scalars(select(EvaluationResponse).where(EvaluationResponse.round_id == round_id)).one()
        assert (response.respondent_side, response.respondent, response.answers, response.reflections) == (
            "library",
            "Bibliotek 1",
            {"sam1": 5, "sam2": 4, "frem1": 2},
            "Vi mangler tid.",
        )
    assert t("evaluations_page.response.saved", "da", side="Biblioteket", count=3) in [s.value for s in at.success]
    assert at.radio(key=prefix + "sam1").value == ""  # the form is empty for the next respondent

    spec = figure(at, "evals_scores_chart")
    assert [len(values(trace["x"])) for trace in spec["data"]] == [5, 5, 4]  # nobody answered "resultater"
    assert values(spec["data"][0]["y"])[-1] == 4.5
    assert [text for text, _, _ in bars(figure(at, "evals_items_chart"))] == [
        ev.item_text(code, "da") for code in ("sam1", "sam2", "frem1")
    ]
    assert t("evaluations_page.gaps.side_missing", "da", side="Partneren") in [w.value for w in at.warning]


def test_a_response_without_answers_and_a_round_without_a_date_are_refused(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page(), pid)
    before = stored(demo, pid)
    at = create_round(at, pid, None, "Uden dato")
    assert t("evaluations.held_on_required", "da") in [e.value for e in at.error]
    assert stored(demo, pid) == before

    round_id = at.selectbox(key=f"evals_manage_{pid}").value
    prefix = f"evals_response_{round_id}_"
    at.radio(key=prefix + "side").set_value("partner")
    at.text_area(key=prefix + "reflections").input("Kun en kommentar")
    at.button(key=prefix + "submit").click()
    rerun(at)
    assert [w.value for w in at.warning if "ikke gemt" in w.value] == [t("evaluations_page.response.no_answers", "da")]
    assert stored(demo, pid) == before


def test_deleting_a_response_and_a_round_needs_the_confirm_box(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page(), pid)
    rounds, responses = stored(demo, pid)
    round_id = at.selectbox(key=f"evals_manage_{pid}").value
    with demo.read() as session:
        in_round = ev.responses_frame(session, round_id)
    prefix = f"evals_response_{round_id}_"
    at.button(key=prefix + "delete").click()
    rerun(at)
    assert t("evaluations_page.responses.needs_confirm", "da") in [w.value for w in at.warning]
    assert stored(demo, pid) == (rounds, responses)

    at.selectbox(key=prefix + "delete_pick").set_value(int(in_round["response_id"].iloc[-1]))
    at.checkbox(key=prefix + "delete_confirm").check()
    at.button(key=prefix + "delete").click()
    rerun(at)
    assert stored(demo, pid) == (rounds, responses - 1)
    with demo.read() as session:
        assert ev.responses_frame(session, round_id)["response_id"].tolist() == in_round["response_id"].tolist()[:-1]

    at.button(key=f"evals_round_delete_{round_id}").click()
    rerun(at)
    assert t("evaluations_page.round.needs_confirm", "da") in [w.value for w in at.warning]
    assert stored(demo, pid)[0] == rounds
    at.checkbox(key=f"evals_round_delete_confirm_{round_id}").check()
    at.button(key=f"evals_round_delete_{round_id}").click()
    rerun(at)
    assert stored(demo, pid) == (rounds - 1, responses - len(in_round))
    assert [len(values(trace["x"])) for trace in figure(at, "evals_scores_chart")["data"]] == [3, 3, 3]


# --- survey import ---------------------------------------------------------------------------------


def survey_file() -> bytes:
    """The survey template filled in as a survey tool would: three respondents, one of them unusable."""
    frames = template_frames("evaluations", "da")
    sheet = next(iter(frames))
    columns = list(frames[sheet].columns)
    side, respondent, *item_columns, reflections = columns
    rows = [
        {side: "bibliotek", respondent: "B1", **dict.fromkeys(item_columns, 4), reflections: "Fint forløb"},
        {side: "partner", respondent: "P1", **dict.fromkeys(item_columns, 2), reflections: None},
        {side: "", respondent: "Ukendt", **dict.fromkeys(item_columns, 3), reflections: None},
    ]
    frames[sheet] = pd.DataFrame(rows, columns=columns)
    return xlsx_bytes(frames)


def test_survey_import_previews_loads_and_undoes(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page(), pid)
    before = stored(demo, pid)
    key = f"evals_import_{pid}_0"
    assert at.selectbox(key=f"evals_import_{pid}_target").value == views.NEW_ROUND
    at.date_input(key=f"evals_import_{pid}_held_on").set_value(dt.date(2026, 10, 20))
    at.text_input(key=f"evals_import_{pid}_title").input("Spørgeskema oktober")
    rerun(at)
    at.file_uploader(key=f"{key}_uploader_0").set_value(("svar.xlsx", survey_file(), XLSX_MIME))
    rerun(at)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Rækker læst"], metrics["Nye"], metrics["Afvist"]) == ("3", "2", "1")
    assert stored(demo, pid) == before  # a preview stores nothing

    at.button(key=f"{key}_import_commit").click()
    rerun(at)
    assert stored(demo, pid) == (before[0] + 1, before[1] + 2)
    with demo.read() as session:
        newest = ev.rounds_frame(session, pid).iloc[0]
    assert (newest["held_on"], newest["title"], newest["library"], newest["partner"], newest["imported"]) == (
        dt.date(2026, 10, 20),
        "Spørgeskema oktober",
        1,
        1,
        True,
    )
    assert any(s.value.startswith("Indlæst: 1 evalueringsrunde, 2 besvarelser") for s in at.success)
    assert [len(values(trace["x"])) for trace in figure(at, "evals_scores_chart")["data"]] == [5, 5, 5]

    at.button(key=f"{key}_import_undo").click()
    rerun(at)
    assert stored(demo, pid) == before
    assert [len(values(trace["x"])) for trace in figure(at, "evals_scores_chart")["data"]] == [4, 4, 4]


# --- language --------------------------------------------------------------------------------------


def test_english_shows_no_raw_keys(demo: Database) -> None:
    pid = partnership_with(demo, 4)
    at = pick(run_page("en"), pid)
    texts = shown_texts(at)
    assert at.title[0].value == "Evaluating partnerships"
    assert [tab.label for tab in at.tabs] == ["Results", "Rounds and responses", "Load from Excel"]
    assert "Mean per dimension and round (Both)" in texts and "Working together" in texts
    raw = [text for text in texts if re.search(r"\b(evaluations_page|evaluations|template_import)\.[a-z_]", text)]
    assert raw == []
    assert len(texts) > 80


def test_every_text_of_the_page_exists_in_both_languages() -> None:
    from lib.core.translations.evaluations_page import TEXTS as PAGE_TEXTS

    assert all(entry["da"].strip() and entry["en"].strip() for entry in PAGE_TEXTS.values())
    for key, entry in PAGE_TEXTS.items():  # the same {placeholders} in both languages
        assert set(re.findall(r"{(\w+)}", entry["da"])) == set(re.findall(r"{(\w+)}", entry["en"])), key
    assert PAGE_TEXTS["nav.evaluations"] == {"da": "Evaluering", "en": "Evaluations"}
    root = Path(__file__).resolve().parents[2]
    source = "".join(
        (root / name).read_text(encoding="utf-8")
        for name in (
            "pages/evaluations.py",
            "components/evaluations_views.py",
            "lib/planning/evaluations_page.py",
            "lib/planning/figures.py",
        )
    )
    used = set(re.findall(r'"(evaluations_page\.[a-z_.]+[a-z_])"', source))
    # Keys made from a name: the health parts' rules and reasons.
    used |= {f"evaluations_page.health.{kind}.{name}" for kind in ("rule", "missing") for name in ev.HEALTH_WEIGHTS}
    assert len(used) > 60
    for key in used:
        assert key in TEXTS and TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key
    assert "template_import.intro.evaluations" in TEXTS
    unused = set(PAGE_TEXTS) - used - {"nav.evaluations"}
    assert unused == set()
