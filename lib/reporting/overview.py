"""The start page's content: key figures with their change over a year, the alerts that need
someone's attention, the latest evaluations and the checklist radar, all read in one session.

Key figures (:func:`key_figures`)
    the six figures of :data:`FIGURE_CODES`, each counted today and on the same day twelve months
    earlier (:func:`comparison_date`); ``delta = value - previous``. What each figure counts is
    defined once, in :mod:`lib.reporting.figures` (the earlier figure by its dated rules).
Alerts (:func:`alerts`)
    agreements due for review or ending (:func:`lib.planning.partnerships.alerts`, kinds :data:`PARTNERSHIP_ALERTS`),
    ties going cold (:func:`lib.network.health.cold_ties`, one summary), goals at risk or off
    track, and active partnerships that hang on one person (:func:`lib.reporting.figures.one_person`);
    serious ones (``high``) first.
Latest evaluations (:func:`latest_evaluations`)
    every partnership's latest round with answers, newest first, with the mean per dimension.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import can, principal_of, requires
from lib.core.dates import months_before
from lib.core.i18n import Quote, quoted, t
from lib.db import Database, Partnership, Person, by_revision, get_setting, workspace_counts
from lib.network.graph import build_graph
from lib.network.health import COLD_AFTER_MONTHS, cold_ties
from lib.planning import partnerships as ps
from lib.planning.evaluations import DIMENSIONS, answers_frame
from lib.planning.goals import GoalStatus, goal_statuses
from lib.reporting import checklist as radar
from lib.reporting import figures
from lib.workspace import clock

#: The pages figures and alerts link to (paths as ``st.page_link`` takes them).
PAGES = {
    "partnerships": "pages/partnerships.py",
    "goals": "pages/goals.py",
    "evaluations": "pages/evaluations.py",
    "contacts": "pages/contacts.py",
    "network": "pages/network.py",
    "radar": "pages/radar.py",
}
#: The key figures, in the order the start page shows them, with the page each links to.
FIGURE_PAGES = {
    "active_partnerships": PAGES["partnerships"],
    "written_agreements": PAGES["partnerships"],
    "goals_on_track": PAGES["goals"],
    "evaluation_score": PAGES["evaluations"],
    "organisations": PAGES["contacts"],
    "contacts": PAGES["contacts"],
}
FIGURE_CODES = tuple(FIGURE_PAGES)
COMPARE_MONTHS = 12
#: The partnership alerts the start page repeats: reviews due and agreements ending.
PARTNERSHIP_ALERTS = ("review_overdue", "end_passed", "review_soon", "ending_soon")
LATEST_EVALUATIONS = 5
EVALUATION_COLUMNS = ["partnership_id", "partnership", "round_id", "held_on", "round_title", *DIMENSIONS, "overall"]


@dataclass(frozen=True)
class KeyFigure:
    """One figure of the start page: now, twelve months earlier, the change, and the page behind it."""

    code: str
    value: float | None
    previous: float | None
    delta: float | None
    page: str


def comparison_date(today: dt.date) -> dt.date:
    """The day the figures are compared with: the same day twelve months earlier."""
    return months_before(today, COMPARE_MONTHS)


def _figure(code: str, value: float | None, previous: float | None) -> KeyFigure:
    delta = value - previous if value is not None and previous is not None else None
    return KeyFigure(code, value, previous, delta, FIGURE_PAGES[code])


@requires("view_board")
def key_figures(
    session: Session,
    today: dt.date,
    *,
    graph: nx.Graph | None = None,
    statuses: Sequence[GoalStatus] | None = None,
    answers: pd.DataFrame | None = None,
    facts: figures.Facts | None = None,
) -> list[KeyFigure]:
    """The start page's figures in :data:`FIGURE_CODES` order, each with its value twelve months
    earlier (:mod:`lib.reporting.figures`). ``graph`` (the network today), ``statuses`` (goal statuses today),
    ``answers`` (every evaluation answer) or the ``facts`` of today may be passed when the caller has them."""
    now = facts or figures.Facts(
        session, today, today=today, given_graph=graph, given_statuses=statuses, given_answers=answers
    )
    then = figures.Facts(session, comparison_date(today), today=today, given_answers=now.answers)
    values, previous = figures.values_of(now, FIGURE_CODES), figures.values_of(then, FIGURE_CODES)
    return [_figure(code, values[code], previous[code]) for code in FIGURE_CODES]


# --- alerts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverviewAlert:
    """Something on the start page that needs attention: its words (a translation key and its
    parameters), how serious it is (``high`` or ``medium``) and the page where it is dealt with."""

    kind: str
    severity: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    page: str = PAGES["partnerships"]

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        """The alert in ``lang``; ``quote`` marks up the titles and names in it."""
        return t(self.key, lang, **quoted(self.params, quote))


def _partnership_alerts(session: Session, today: dt.date) -> list[OverviewAlert]:
    return [
        OverviewAlert(
            a.kind,
            a.severity,
            f"partnerships.alert.{a.kind}",
            {"title": a.title, "date": a.date, "days": abs(a.days) if a.days is not None else ""},
            PAGES["partnerships"],
        )
        for a in ps.alerts(session, today)
        if a.kind in PARTNERSHIP_ALERTS
    ]


def _cold_tie_alert(G: nx.Graph, today: dt.date) -> list[OverviewAlert]:
    cold = cold_ties(G, today=today)
    dated = cold[~cold["no_date"].astype(bool)]  # the rule of lib.reporting.figures' cold_ties
    if dated.empty:
        return []
    key_ties = int((dated["strength"].fillna(0) >= radar.KEY_TIE_STRENGTH).sum())
    return [
        OverviewAlert(
            "cold_ties",
            "medium",
            "overview.alert.cold_ties",
            {"count": len(dated), "key_ties": key_ties, "months": COLD_AFTER_MONTHS},
            PAGES["network"],
        )
    ]


def _goal_alerts(statuses: Sequence[GoalStatus]) -> list[OverviewAlert]:
    found = []
    for status in statuses:
        if status.status in ("off_track", "at_risk"):
            found.append(
                OverviewAlert(
                    f"goal_{status.status}",
                    "high" if status.status == "off_track" else "medium",
                    f"overview.alert.goal_{status.status}",
                    {"title": status.title},
                    PAGES["goals"],
                )
            )
    return found


@requires("view_board")
def single_person_partnerships(
    session: Session, today: dt.date | None = None, *, graph: nx.Graph | None = None
) -> dict[int, int]:
    """``{partnership id: the one staff member it hangs on}`` for partnerships under way on ``today``
    (the one rule: :func:`lib.reporting.figures.one_person`)."""

    day = today or clock.today(clock.workspace_timezone(session))
    return figures.one_person(session, day, graph=graph, today=day).partnerships


def _single_person_alerts(session: Session, dependent: Mapping[int, int]) -> list[OverviewAlert]:
    if not dependent:
        return []
    titles = dict(
        session.execute(select(Partnership.id, Partnership.title).where(Partnership.id.in_(list(dependent)))).all()
    )
    ordered = sorted(dependent.items(), key=lambda item: titles[item[0]].casefold())
    if not can(principal_of(session), "view_contacts"):
        # The board sees the risk, not who carries it (no person names in board views).
        return [
            OverviewAlert(
                "single_person",
                "medium",
                "overview.alert.single_person_unnamed",
                {"title": titles[pid]},
                PAGES["partnerships"],
            )
            for pid, _person in ordered
        ]
    names = dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(list(dependent.values())))).all())
    return [
        OverviewAlert(
            "single_person",
            "medium",
            "overview.alert.single_person",
            {"title": titles[pid], "name": names.get(person, "?")},
            PAGES["partnerships"],
        )
        for pid, person in ordered
    ]


@requires("view_board")
def alerts(
    session: Session,
    today: dt.date,
    *,
    graph: nx.Graph | None = None,
    statuses: Sequence[GoalStatus] | None = None,
    dependent: Mapping[int, int] | None = None,
) -> list[OverviewAlert]:
    """Everything on the start page that needs attention, ``high`` first (sources in the module notes)."""
    graph = graph if graph is not None else build_graph(session, today=today, contact_details=False)
    statuses = statuses if statuses is not None else goal_statuses(session, as_of=today)
    dependent = dependent if dependent is not None else single_person_partnerships(session, today)
    found = (
        _partnership_alerts(session, today)
        + _goal_alerts(statuses)
        + _single_person_alerts(session, dependent)
        + _cold_tie_alert(graph, today)
    )
    return sorted(found, key=lambda a: a.severity != "high")


# --- evaluations -----------------------------------------------------------------------------------


@requires("view_board")
def latest_evaluations(
    session: Session, today: dt.date | None = None, limit: int = LATEST_EVALUATIONS, answers: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every partnership's latest round with answers held on or before ``today`` (default the real
    today), newest first, at most ``limit``.

    Columns :data:`EVALUATION_COLUMNS`: ``partnership_id``, ``partnership`` (title), ``round_id``,
    ``held_on``, ``round_title``, the mean of each dimension (NaN when none of its items was answered)
    and ``overall`` (all answers, both sides).
    """
    today = today or dt.date.today()
    answers = answers if answers is not None else answers_frame(session)
    answers = answers[answers["held_on"] <= today]
    if answers.empty:
        return pd.DataFrame(columns=EVALUATION_COLUMNS)
    rounds = answers[["partnership_id", "held_on", "round_id", "round_title"]].drop_duplicates("round_id")
    latest = (
        rounds.sort_values(["held_on", "round_id"])
        .groupby("partnership_id")
        .tail(1)
        .sort_values(["held_on", "round_id"], ascending=False)
        .head(limit)
    )
    chosen = answers[answers["round_id"].isin(latest["round_id"])]
    by_dimension = chosen.pivot_table(index="round_id", columns="dimension", values="score", aggfunc="mean")
    overall = chosen.groupby("round_id")["score"].mean()
    titles = dict(session.execute(select(Partnership.id, Partnership.title)).all())
    rows = [
        {
            "partnership_id": int(r.partnership_id),
            "partnership": titles.get(int(r.partnership_id), ""),
            "round_id": int(r.round_id),
            "held_on": r.held_on,
            "round_title": r.round_title,
            **{
                d: float(by_dimension.at[r.round_id, d])
                if d in by_dimension.columns and pd.notna(by_dimension.at[r.round_id, d])
                else None
                for d in DIMENSIONS
            },
            "overall": float(overall[r.round_id]),
        }
        for r in latest.itertuples()
    ]
    return pd.DataFrame(rows, columns=EVALUATION_COLUMNS)


# --- everything at once ----------------------------------------------------------------------------


@dataclass
class Overview:
    """What the start page shows, read in one session."""

    today: dt.date
    compared_with: dt.date
    figures: list[KeyFigure]
    alerts: list[OverviewAlert]
    evaluations: pd.DataFrame
    radar: pd.DataFrame
    evidence: dict[str, radar.Evidence]
    counts: dict[str, int]
    #: Further figures the page shows ({key: value}, :mod:`lib.reporting.figures`).
    values: dict[str, float | int | None] = field(default_factory=dict)


@requires("view_board")
def overview(session: Session, today: dt.date) -> Overview:
    """Everything the start page shows on ``today``; the network is built once (no layout)."""
    facts = figures.Facts(session, today, today=today)
    dependent = facts.one_person.partnerships
    found = radar.evidence(session, today, dependent_partnerships=set(dependent), facts=facts)
    return Overview(
        today=today,
        compared_with=comparison_date(today),
        figures=key_figures(session, today, facts=facts),
        alerts=alerts(session, today, graph=facts.graph, statuses=facts.statuses, dependent=dependent),
        evaluations=latest_evaluations(session, today, answers=facts.answers),
        radar=radar.radar_frame(session, today, found=found, notes=False),
        evidence=found,
        counts=workspace_counts(session),
        values=figures.values_of(facts, ("staff",)),
    )


@dataclass(frozen=True)
class StartPage:
    """The start page in one read: the library's name, whether it is the demo, and the overview."""

    library_name: str | None
    is_demo: bool
    #: None while the workspace holds neither people nor organisations: the set-up is shown instead.
    overview: Overview | None


@requires("view_board")
@by_revision()
def start_page(db: Database, today: dt.date) -> StartPage:
    """What the start page shows on ``today``, read in one session of ``db``; kept until the data
    change (``lib.db.revision``), so a rerun reads one row."""
    with db.read() as session:
        counts = workspace_counts(session)
        empty = counts["people"] == 0 and counts["organisations"] == 0
        return StartPage(
            library_name=get_setting(session, "library_name"),
            is_demo=get_setting(session, "demo") == "1",
            overview=None if empty else overview(session, today),
        )
