"""The page "Tjekliste" driven like a user would, with AppTest, on the demo library and on an empty
workspace: the radar, a new self-assessment, refusals, the history and deleting."""

from __future__ import annotations

from functools import partial

from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from components import radar_views
from lib.db import ChecklistAssessment, Database
from lib.reporting import checklist
from tests import apptest_support
from tests.apptest_support import figure, rerun, values

PAGE = "../pages/radar.py"
FORM = radar_views.FORM_PREFIX
ENTERED = (3, 4, 2, 5, 1, 3, 4, 2)
run_page = partial(apptest_support.run_page, PAGE)


def trace(at: AppTest, meta: str) -> dict:
    (found,) = [t for t in figure(at, "radar_chart")["data"] if t.get("meta") == meta]
    return found


def history_dates(at: AppTest) -> set[str]:
    return {x for t in figure(at, "radar_history_chart")["data"] for x in values(t["x"])}


def stored(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(ChecklistAssessment.id)))


def fill_form(at: AppTest, scores: tuple[int, ...], notes: dict[str, str] | None = None) -> None:
    for heading, score in zip(checklist.HEADINGS, scores, strict=True):
        at.selectbox(key=FORM + "score_" + heading).set_value(score)
    for heading, note in (notes or {}).items():
        at.text_input(key=FORM + "note_" + heading).input(note)


def submit(at: AppTest) -> AppTest:
    at.button(key=FORM + "submit").click()
    return rerun(at)


def test_an_empty_workspace_shows_the_evidence_frame_and_invites_a_first_assessment(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Tjekliste: Byg partnerskaber"
    assert "Der er ingen selvvurdering endnu" in at.caption[0].value
    assert all(r is None for r in values(trace(at, "self")["r"]))
    assert "Ingen aktive partnerskaber at måle på endnu" in [c.value for c in at.caption]
    assert at.info[0].value == "Der er ingen selvvurderinger endnu."


def test_the_demo_radar_sets_the_latest_self_assessment_against_the_data(demo: Database) -> None:
    at = run_page()
    assert at.caption[0].value == "Seneste selvvurdering: 02-10-2026, ved Mette Sørensen"
    own = trace(at, "self")
    assert values(own["r"]) == [4, 4, 4, 3, 4, 3, 3, 4, 4]
    assert own["theta"][0] == own["theta"][-1] == "Professionalisér!"
    evidence = values(trace(at, "evidence")["r"])
    assert len(evidence) == 9 and all(1 <= e <= 5 for e in evidence)
    assert len(history_dates(at)) == 4


def test_saving_an_assessment_draws_it_on_the_radar_and_in_the_history(demo: Database) -> None:
    at = run_page()
    before = history_dates(at)
    fill_form(at, ENTERED, {"choose_partners": "Vi vurderer nu alle nye partnere"})
    at = submit(at)
    today = apptest_support.workspace_today()
    assert at.success[0].value == f"Selvvurderingen dateret {today.strftime('%d-%m-%Y')} er gemt."
    own = trace(at, "self")
    assert values(own["r"]) == [*ENTERED, ENTERED[0]]
    assert own["name"] == f"Selvvurdering {today.strftime('%d-%m-%Y')}"
    after = history_dates(at)
    assert len(after) == len(before) + 1 and before < after
    assert stored(demo) == 5
    with demo.read() as session:
        latest = checklist.latest_self_assessment(session)
    assert latest.notes == {"choose_partners": "Vi vurderer nu alle nye partnere"}
    assert at.selectbox(key=FORM + "score_professionalise").value == 0  # an empty form again


def test_a_form_without_any_score_is_refused_and_nothing_is_stored(demo: Database) -> None:
    at = run_page()
    fill_form(at, (0,) * 8, {"professionalise": "Bare en note"})
    at = submit(at)
    assert at.error[0].value == "Giv mindst ét af de otte punkter en vurdering fra 1 til 5. Intet er gemt."
    assert stored(demo) == 4
    assert values(trace(at, "self")["r"]) == [4, 4, 4, 3, 4, 3, 3, 4, 4]


def test_a_second_assessment_on_the_same_day_is_refused(demo: Database) -> None:
    at = run_page()
    fill_form(at, ENTERED)
    at = submit(at)
    fill_form(at, (5,) * 8)
    at = submit(at)
    assert "Der er allerede en selvvurdering dateret" in at.error[0].value
    assert stored(demo) == 5
    assert values(trace(at, "self")["r"]) == [*ENTERED, ENTERED[0]]


def test_deleting_an_assessment_takes_it_off_the_radar_and_the_history(demo: Database) -> None:
    at = run_page()
    with demo.read() as session:
        newest = checklist.latest_self_assessment(session)
    at.selectbox(key="radar_delete_pick").set_value(newest.id)
    at.button(key="radar_delete_button").click()
    at = rerun(at)
    assert at.success[0].value == "Posten er slettet."
    assert stored(demo) == 3
    assert len(history_dates(at)) == 3
    assert at.caption[0].value.startswith("Seneste selvvurdering: ")
    assert "02-10-2026" not in at.caption[0].value


def test_the_page_in_english(demo: Database) -> None:
    at = run_page("en")
    assert at.title[0].value == "Checklist: Build partnerships"
    assert [t.label for t in at.tabs] == ["Radar", "New self-assessment", "Change over time"]
    assert trace(at, "evidence")["name"] == "Evidence from the data"
    assert trace(at, "self")["theta"][1] == "Be strategic!"
    fill_form(at, (0,) * 8)
    at = submit(at)
    assert at.error[0].value == "Score at least one of the eight headings from 1 to 5. Nothing was saved."
