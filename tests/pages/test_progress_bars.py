"""Slow work on a page shows a progress bar with its step and rows (issue 16, item 4); quick work none.

``components.progress`` shows the bar only after ``SHOW_AFTER_SECONDS``; the tests set that to 0 to
stand for slow work. The bar is removed when the work ends (and an import's commit reruns the page),
so the tests note every text the bar showed while the work ran.
"""

from __future__ import annotations

from functools import partial

import pytest
from streamlit.testing.v1 import AppTest

from components import progress as progress_component
from lib.core.progress import ProgressStep, describe
from lib.db import Database
from tests import apptest_support
from tests.apptest_support import rerun
from tests.sheets import xlsx

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
import_page = partial(apptest_support.run_page, "../pages/importer.py")
ROWS = 1200


def contacts() -> bytes:
    return xlsx({"Kontakter": [["Navn", "E-mail"], *([f"Person {i}", f"p{i}@x.dk"] for i in range(ROWS))]})


def bars(at: AppTest) -> list[str]:
    """The texts of the progress bars on the page now."""
    return [element.proto.text for element in at.get("progress")]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text a progress bar showed (a report heard before the bar is shown is not drawn)."""
    shown: list[str] = []
    original = progress_component._Bar.__call__

    def draw(self: progress_component._Bar, report: ProgressStep) -> None:
        original(self, report)
        if self.element is not None:
            shown.append(describe(report, self.lang))

    monkeypatch.setattr(progress_component._Bar, "__call__", draw)
    return shown


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_component, "SHOW_AFTER_SECONDS", 0.0)


def upload(at: AppTest) -> None:
    at.file_uploader[0].set_value(("kontakter.xlsx", contacts(), XLSX_MIME))
    rerun(at)


@pytest.mark.usefixtures("slow")
def test_a_slow_preview_and_import_show_their_steps_and_rows_then_no_bar(db: Database, drawn: list[str]) -> None:
    at = import_page()
    upload(at)
    assert "Læser filen" in drawn
    assert "Tjekker rækker: 1.200 af 1.200 rækker" in drawn
    assert bars(at) == []  # gone when the work is done
    assert any(m.label == "Nye" and m.value == r"1\.200" for m in at.metric)
    drawn.clear()
    at.button(key="imp_commit").click()
    rerun(at)
    assert drawn[-1] == "Gemmer: 5 af 5 tabeller"
    assert any("import nr. 1" in s.value for s in at.success)
    assert bars(at) == []


def test_quick_work_shows_no_bar(db: Database, drawn: list[str]) -> None:
    at = import_page()
    upload(at)
    assert drawn == [] and bars(at) == []
    assert any(m.label == "Nye" and m.value == r"1\.200" for m in at.metric)


@pytest.mark.usefixtures("slow")
def test_the_board_page_shows_the_sections_built_and_reads_the_same_from_the_cache(
    demo: Database, drawn: list[str]
) -> None:
    from components import board_views

    board_views.cached_pack.clear()
    at = apptest_support.run_page("../pages/board.py")
    assert drawn and drawn[-1].startswith("Samler bestyrelsesrapporten: ")
    first = [t.value for t in at.title]
    assert bars(at) == []
    drawn.clear()
    rerun(at)  # the pack comes from the cache now: the page reads the same, with no bar
    assert drawn == [] and bars(at) == []
    assert [t.value for t in at.title] == first
