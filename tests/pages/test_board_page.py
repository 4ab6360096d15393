"""The page "Bestyrelse" driven like a user would, with AppTest: presenting section by section,
choosing the period and sections, and the three downloads."""

from __future__ import annotations

import datetime as dt
import io
import json
from functools import partial

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from components import board_views
from lib.db import Database
from lib.reporting.boardpack import SECTIONS, pack_version
from tests import apptest_support
from tests.apptest_support import rerun, values

PAGE = "../pages/board.py"
TODAY = dt.date(2026, 11, 1)
run_page = partial(apptest_support.run_page, PAGE)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("components.clock.today", lambda: TODAY)


def where(at: AppTest) -> str:
    """The "slide k of n" line."""
    return next(m.value for m in at.markdown if m.value.startswith("**Dias") or m.value.startswith("**Slide"))


def test_next_and_previous_move_through_the_sections(demo: Database) -> None:
    at = run_page()
    assert [t.value for t in at.title] == ["Bestyrelsesrapport", "Partnerskaber – status til bestyrelsen"]
    assert where(at) == "**Dias 1 af 8**"
    assert at.button(key="board_previous").disabled
    at.button(key="board_next").click()
    rerun(at)
    assert at.title[1].value == "Nøgletal"
    assert where(at) == "**Dias 2 af 8**"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Mål på rette spor"] == "3"
    assert metrics["Aktive partnerskaber"] == "9"
    at.button(key="board_next").click()
    rerun(at)
    assert at.title[1].value == "Hvor vi er på vej hen: målopfyldelse over tid"
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    lines = [trace for trace in chart["data"] if trace.get("mode") == "lines+markers"]
    assert len(lines) == 6 and max(values(lines[0]["y"])) <= 100
    at.button(key="board_previous").click()
    rerun(at)
    assert at.title[1].value == "Nøgletal"


def test_the_last_section_lists_the_next_steps(demo: Database) -> None:
    at = run_page()
    for _ in range(7):
        at.button(key="board_next").click()
        rerun(at)
    assert at.title[1].value == "Risici og næste skridt"
    assert where(at) == "**Dias 8 af 8**"
    assert at.button(key="board_next").disabled
    assert "Næste skridt" in [h.value for h in at.subheader]
    steps = next(m.value for m in at.markdown if m.value.startswith("1. "))
    assert "Sæt en kollega mere på 1 partnerskab" in steps  # the one rule of lib.reporting.figures, as the start page


def test_the_three_downloads_are_offered_and_made_on_click(demo: Database) -> None:
    at = run_page()
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["PowerPoint", "PDF", "Excel-bilag"]
    # The files are made when a button is clicked (a deferred file), not while the page is drawn.
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons)
    version = pack_version(demo)
    start = TODAY - dt.timedelta(days=board_views.DEFAULT_DAYS)
    data = board_views._file("xlsx", demo.url, start, TODAY, "da", tuple(SECTIONS), version, TODAY)
    assert load_workbook(io.BytesIO(data)).sheetnames == [
        "Forside",
        "Nøgletal",
        "Mål",
        "Partnerskaber",
        "Netværk",
        "Evalueringer",
        "Tjekliste",
        "Risici",
    ]


def test_choosing_sections_changes_the_presentation(demo: Database) -> None:
    at = run_page()
    at.multiselect(key="board_sections").set_value(["radar", "goals"])
    rerun(at)
    assert where(at) == "**Dias 1 af 2**"
    assert at.title[1].value == "Hvor vi er på vej hen: målopfyldelse over tid"
    at.button(key="board_next").click()
    rerun(at)
    assert at.title[1].value == "Tjeklisten: selvvurdering og hvad data viser"
    at.multiselect(key="board_sections").set_value([])
    rerun(at)
    assert at.info[0].value == "Vælg mindst ét afsnit for at se rapporten."
    assert not at.get("download_button")


def test_a_period_that_ends_before_it_starts_is_explained(demo: Database) -> None:
    at = run_page()
    at.date_input(key="board_from").set_value(dt.date(2026, 6, 1))
    at.date_input(key="board_to").set_value(dt.date(2026, 1, 1))
    rerun(at)
    assert at.error[0].value == "Periodens slutdato ligger før startdatoen."
    assert not at.get("download_button")


def test_english(demo: Database) -> None:
    at = run_page("en")
    assert at.title[1].value == "Partnerships – report to the board"
    assert where(at) == "**Slide 1 of 8**"
    assert [b.proto.label for b in at.get("download_button")] == ["PowerPoint", "PDF", "Excel appendix"]


def test_an_empty_workspace_presents_without_errors(db: Database) -> None:
    at = run_page()
    for _ in range(7):
        at.button(key="board_next").click()
        rerun(at)
    assert at.title[1].value == "Risici og næste skridt"
