"""What the page "Mål" shows: the services its components call and the tables they show.

Each service takes the :class:`~lib.db.Database` (acting as the user) and opens its own read; the
pure functions turn a service's values into the tables the user reads. Changes go through
``lib.planning.goals``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select

from lib.core import status_marks
from lib.core.access import requires
from lib.core.frames import is_missing
from lib.core.i18n import format_date, format_number, format_percent, t
from lib.db import Database, Goal, Partnership
from lib.planning import goals as strategy

#: The status's icon beside its word in the page's tables (never colour alone; the icons differ in shape).
STATUS_ICONS = {code: status_mark.emoji for code, status_mark in status_marks.MARKS["goal_status"].items()}
STALE_ICON = "⏳"


@dataclass(frozen=True)
class GoalsPageData:
    """The page's start: every goal's status on the day, the goals to choose and the staff who own them."""

    statuses: list[strategy.GoalStatus]
    choices: dict[int, str]
    staff: dict[int, str]


@dataclass(frozen=True)
class Measurement:
    """One stored measurement of a goal."""

    id: int
    measured_on: dt.date
    value: float
    note: str | None


@dataclass(frozen=True)
class GoalDetail:
    """One goal as its form shows it, with its measurements (oldest first)."""

    id: int
    title: str
    description: str | None
    theme: str | None
    owner_id: int | None
    unit: str | None
    baseline: float
    target: float
    baseline_date: dt.date
    target_date: dt.date
    measurements: list[Measurement]


@dataclass(frozen=True)
class CoverageView:
    """Which goals partnerships serve (:class:`lib.planning.goals.Coverage`) and every partnership's title."""

    coverage: strategy.Coverage
    partnership_titles: dict[int, str]


@requires("view_contacts")
def goals_page_data(db: Database, as_of: dt.date) -> GoalsPageData:
    """Every goal's status on ``as_of``, the goals by title and the staff by name."""
    with db.read() as session:
        return GoalsPageData(
            strategy.goal_statuses(session, as_of=as_of),
            dict(strategy.goal_choices(session)),
            dict(strategy.staff_choices(session)),
        )


@requires("view_contacts")
def goal_detail(db: Database, goal_id: int) -> GoalDetail | None:
    """The goal's fields and measurements; None when it is gone (a colleague deleted it)."""
    with db.read() as session:
        goal = session.get(Goal, goal_id)
        if goal is None:
            return None
        measured = [Measurement(m.id, m.measured_on, m.value, m.note) for m in strategy.measurements(session, goal_id)]
        return GoalDetail(
            goal.id,
            goal.title,
            goal.description,
            goal.theme,
            goal.owner_id,
            goal.unit,
            goal.baseline,
            goal.target,
            goal.baseline_date,
            goal.target_date,
            measured,
        )


@requires("view_contacts")
def fulfilment_series(db: Database, goal_ids: Sequence[int]) -> pd.DataFrame:
    """The fulfilment over time of the chosen goals (:func:`lib.planning.goals.fulfilment_series`)."""
    with db.read() as session:
        return strategy.fulfilment_series(session, list(goal_ids))


@requires("view_contacts")
def coverage_view(db: Database) -> CoverageView:
    """The goals' coverage by partnerships and the titles of the partnerships."""
    with db.read() as session:
        titles = {pid: title for pid, title in session.execute(select(Partnership.id, Partnership.title))}
        return CoverageView(strategy.coverage(session), titles)


def status_text(status: str, language: str) -> str:
    """The status as icon and words, e.g. "⚠️ I fare"."""
    return status_marks.status_text("goal_status", status, language)


def number_text(value: float | None, unit: str | None, language: str) -> str:
    """A measured value with its unit ("1.200 deltagere"); a dash for no value."""
    if value is None or is_missing(value):
        return t("goalspage.no_value", language)
    shown = format_number(value, language)
    return f"{shown} {unit}" if unit else shown


def _percent_text(value: float | None, language: str) -> str:
    return t("goalspage.no_value", language) if value is None else format_percent(round(value), language)


def overview_frame(statuses: Sequence[strategy.GoalStatus], owners: Mapping[int, str], language: str) -> pd.DataFrame:
    """One row per goal, with translated column names."""

    rows = []
    for s in statuses:
        stale_text = (
            t("strategy.stale", language, days=strategy.STALE_DAYS)
            if s.stale
            else t("strategy.status.no_data", language)
            if s.latest_on is None
            else t("goalspage.fresh", language)
        )
        rows.append(
            {
                t("goalspage.col.title", language): s.title,
                t("goalspage.col.theme", language): s.theme or "",
                t("goalspage.col.owner", language): owners.get(s.owner_id, "") if s.owner_id else "",
                t("goalspage.col.latest", language): number_text(s.latest_value, s.unit, language),
                t("goalspage.col.target", language): number_text(s.target, s.unit, language),
                # Text, so a goal not yet measured shows a dash, never "None".
                t("goalspage.col.latest_on", language): format_date(s.latest_on, language)
                or t("goalspage.no_value", language),
                t("goalspage.col.target_date", language): format_date(s.target_date, language),
                t("goalspage.col.fulfilment", language): _percent_text(s.fulfilment_raw, language),
                t("goalspage.col.expected", language): _percent_text(s.expected, language),
                t("goalspage.col.status", language): status_text(s.status, language),
                t("goalspage.col.stale", language): (f"{STALE_ICON} " if s.stale else "") + stale_text,
            }
        )
    return pd.DataFrame(rows)


def unmeasured(series: pd.DataFrame, goal_ids: Sequence[int]) -> list[int]:
    """The chosen goals without a measurement of their own (only their baseline) in ``series``."""
    return [g for g in goal_ids if not (series["goal_id"].eq(g) & ~series["is_baseline"]).any()]


def served_frame(view: CoverageView, goal_titles: Mapping[int, str], language: str) -> pd.DataFrame:
    """Per goal, how many partnerships under way serve it and which."""
    titles = view.partnership_titles
    rows = [
        {
            t("goalspage.col.title", language): goal_titles.get(goal_id, str(goal_id)),
            t("goalspage.coverage.count", language): len(ids),
            t("goalspage.coverage.partnerships_col", language): ", ".join(titles.get(i, str(i)) for i in ids),
        }
        for goal_id, ids in view.coverage.partnerships_per_goal.items()
    ]
    return pd.DataFrame(rows)
