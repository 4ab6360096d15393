"""The library side's pages read through lib (lib.library.pages, lib.reporting.strengths_page) and
their tables and charts in words (lib.library.figures)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.core.access import AccessDenied, Principal
from lib.core.i18n import t
from lib.db import Database
from lib.demo.workspace import create_demo_workspace
from lib.library import figures as library_figures
from lib.library import pages as library_pages
from lib.library import staff as org
from lib.reporting.strengths_page import (
    offer_teams,
    offers_of_team,
    strengths_page_data,
    teams_without_offers,
    uncovered_types,
)

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo_workspace(db, today=TODAY)
    return db


def test_the_organisation_page_reads_staff_teams_and_dependencies(demo: Database) -> None:
    staff = library_pages.staff_overview(demo)
    assert not staff.empty
    counts = library_pages.role_counts(staff)
    assert sum(counts.values()) == len(staff)
    heatmap, needs = library_pages.team_overview(demo)
    assert any(heatmap.assessed.values())
    person = int(staff["person_id"].iloc[0])
    found = library_pages.person_dependencies(demo, person, TODAY)
    table = library_pages.dependency_table(found.dependencies, {}, ["partnership", "organisation"], "en")
    assert set(table["kind"]) <= {"partnership", "organisation"}
    order = {"partnership": 0, "organisation": 1}
    assert [order[k] for k in table["kind"]] == sorted(order[k] for k in table["kind"])
    viewer = demo.acting_as(Principal(email=None, role="viewer"))
    with pytest.raises(AccessDenied):
        library_pages.staff_overview(viewer)
    assert library_pages.library_name_of(viewer) == library_pages.library_profile_of(demo).name


def test_history_table_and_entries_in_words() -> None:
    row = {"assessment_id": 5, "assessed_on": dt.date(2026, 3, 2), "development_needs": "Mere netværk"}
    for group in org.COMPETENCE_GROUPS:
        row[f"mean_{group}"] = 3.0
    for item in org.COMPETENCE_ITEMS:
        row[item] = 3
    history = pd.DataFrame([row])
    table = library_pages.history_table(history, "en")
    assert list(table.columns[:2]) == [
        t("organisation.col.date", "en"),
        t("organisation.col.mean", "en", group=t(f"organisation.group.{next(iter(org.COMPETENCE_GROUPS))}", "en")),
    ]
    assert table.iloc[0, 0] == dt.date(2026, 3, 2)
    assert library_pages.history_entries(history, "da") == {
        5: t("organisation.history.entry", "da", date="02-03-2026", mean="3,0")
    }


def test_strengths_page_data_and_the_types_no_offer_speaks_to(demo: Database) -> None:
    data = strengths_page_data(demo, TODAY)
    assert not data.offers.empty and data.staff and data.teams
    uncovered = uncovered_types(data.matrix)
    assert all(int(data.matrix[code].sum()) == 0 for code in uncovered)
    assert set(uncovered) < set(data.matrix.columns)
    fig = library_figures.strengths_matrix_figure(data.matrix, "en")
    assert list(fig.data[0].x)[: len(data.matrix.columns)] and fig.layout.title.text


def test_offers_are_grouped_by_team_in_their_order_and_teams_without_offers_named() -> None:
    offers = pd.DataFrame({"id": [1, 2, 3, 4], "team": ["Børn", None, "Voksne", "Børn"]})
    assert offer_teams(offers) == (["Børn", "Voksne"], True)
    assert offers_of_team(offers, "Børn")["id"].tolist() == [1, 4]
    assert offers_of_team(offers, None)["id"].tolist() == [2]
    assert teams_without_offers(offers, ["Børn", "Musik", "Voksne"]) == ["Musik"]


def test_the_set_up_staff_table_offers_blank_rows_and_saves_empty_cells_as_none() -> None:
    table = library_pages.staff_table([{"person_id": 3, "name": "Ole", "email": None, "team": "Børn"}], empty_rows=2)
    assert len(table) == 3 and table["person_id"].tolist()[0] == 3 and pd.isna(table["person_id"].iloc[1])
    records = library_pages.staff_records(table.iloc[:1])
    assert records == [{"person_id": 3, "name": "Ole", "email": None, "team": "Børn", "staff_role": None}]
