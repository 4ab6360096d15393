"""What the page "Styrker" shows, read in one go (the staff one may name as contact come from planning)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from lib.core.access import requires
from lib.db import Database
from lib.library import strengths
from lib.planning import goals


@dataclass(frozen=True)
class StrengthsPageData:
    """The offers (stale ones flagged), the teams, the staff, the category × partner type matrix and
    the share of offers confirmed lately."""

    offers: pd.DataFrame
    teams: list[str]
    staff: Mapping[int, str]
    matrix: pd.DataFrame
    freshness: float | None


@requires("view_contacts")
def strengths_page_data(db: Database, today: dt.date) -> StrengthsPageData:
    """The page's data on ``today``, in one read."""
    with db.read() as session:
        return StrengthsPageData(
            offers=strengths.offers_frame(session, today),
            teams=strengths.teams(session),
            staff=dict(goals.staff_choices(session)),
            matrix=strengths.partner_type_matrix(session),
            freshness=strengths.profile_freshness(session, today),
        )


def uncovered_types(matrix: pd.DataFrame) -> list[str]:
    """The partner types (codes, in the matrix's order) that no offer speaks to."""
    return [code for code in matrix.columns if int(matrix[code].sum()) == 0]


def offer_teams(offers: pd.DataFrame) -> tuple[list[str], bool]:
    """The teams with offers, in the offers' order, and whether some offers have no team."""
    return list(dict.fromkeys(offers["team"].dropna())), bool(offers["team"].isna().any())


def teams_without_offers(offers: pd.DataFrame, teams: list[str]) -> list[str]:
    """The ``teams`` no offer belongs to."""
    with_offers = set(offers["team"].dropna())
    return [team for team in teams if team not in with_offers]


def offers_of_team(offers: pd.DataFrame, team: str | None) -> pd.DataFrame:
    """The offers of ``team`` (None: the offers without a team)."""
    return offers[offers["team"].isna()] if team is None else offers[offers["team"] == team]


__all__ = [
    "StrengthsPageData",
    "offer_teams",
    "offers_of_team",
    "strengths_page_data",
    "teams_without_offers",
    "uncovered_types",
]
