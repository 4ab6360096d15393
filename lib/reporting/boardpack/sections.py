"""The eight sections of the board pack, each built from the database for one period.

Every builder takes a :class:`Context` (the session, the period, the language and the privacy
setting) and returns a :class:`lib.reporting.boardpack.model.Section`. The rules of what is shown:

Period
    ``start``/``end`` limit what *happened*: measurements, partnerships started or ended, evaluation
    rounds. Where things *stand* is judged on ``as_of``: the end of the period, or today when the
    period is open or ends later. A partnership belongs to the period unless it ended before the
    start, or began (its start date, else the day it was recorded) after an end that lies before
    today. A partnership's stage is only known as it is now.
Network
    drawn at organisation level only: people are folded into their organisations
    (:func:`lib.network.graph.organisation_view`). With an end date before today the network is
    the one that stood on that date.
Privacy
    see :mod:`lib.reporting.boardpack.privacy`: roles instead of names, counts of people under five as "< 5",
    and no free text (notes, reflections, risks) at all.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import charts
from lib.core.i18n import format_date, format_number, t
from lib.core.i18n import label as vocabulary_label
from lib.db import Agreement, Partnership, Person, get_setting
from lib.network.graph import LIBRARY, build_graph, organisation_view, record_id, rings
from lib.network.plotting import rings_figure
from lib.planning import evaluations, partnerships
from lib.planning import goals as strategy
from lib.reporting import checklist as radar
from lib.reporting import figures
from lib.reporting.boardpack.model import Chart, KeyFigure, Section, Table
from lib.reporting.boardpack.privacy import merge_small_groups, people_count, role_label

#: Evaluation means at or above this are a strength, below the next a concern (lib.planning.evaluations).
SCORE_RANGE = (1.0, 5.0)
#: How many alerts are spelled out in the risks section's bullets.
ALERTS_SPELLED_OUT = 3
#: How far apart self-assessment and evidence must be (points) before the radar section says so.
RADAR_GAP = 1.0
#: Risk categories of the risks chart, in the order shown.
RISK_KINDS = (*partnerships.ALERT_KINDS, "goal_at_risk", "goal_off_track", "goal_stale", "single_person")


@dataclass
class Context:
    """What every section builder needs: the database, the period, the language, the privacy rule."""

    session: Session
    lang: str
    start: dt.date | None
    end: dt.date | None
    today: dt.date
    pseudonymise: bool = True
    _notes: dict[str, Any] = field(default_factory=dict)

    @property
    def as_of(self) -> dt.date:
        """The day things are judged on: the end of the period, or today when that comes first."""
        return min(self.end, self.today) if self.end else self.today

    def tr(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def number(self, value: float | int | None, decimals: int | None = None) -> str:
        if value is None or pd.isna(value):
            return "–"
        return format_number(value, self.lang, decimals)

    def date(self, value: dt.date | None) -> str:
        return format_date(value, self.lang)

    def in_period(self, day: dt.date | None) -> bool:
        """Whether ``day`` lies in the period (up to :attr:`as_of`: nothing is known after it)."""
        return day is not None and (self.start is None or day >= self.start) and day <= self.as_of

    def period_text(self) -> str:
        """The period in words: "01-11-2025 – 01-11-2026", "fra …", "til …" or "alle data til …"."""
        if self.start and self.end:
            return self.tr("board.period.both", start=self.date(self.start), end=self.date(self.end))
        if self.start:
            return self.tr("board.period.from", start=self.date(self.start), end=self.date(self.as_of))
        if self.end:
            return self.tr("board.period.to", end=self.date(self.end))
        return self.tr("board.period.all", end=self.date(self.as_of))

    def source(self, key: str) -> str:
        """The speaker notes of a section: where its numbers come from, and for which period."""
        return (
            self.tr(
                "board.source.common",
                period=self.period_text(),
                as_of=self.date(self.as_of),
                made=self.date(self.today),
            )
            + " "
            + self.tr(f"board.source.{key}")
        )

    # Read once, shared by the sections that need them.

    @cached_property
    def library_name(self) -> str:
        return (get_setting(self.session, "library_name") or "").strip() or self.tr("board.library_default")

    @cached_property
    def statuses(self) -> list[strategy.GoalStatus]:
        return strategy.goal_statuses(self.session, as_of=self.as_of)

    @cached_property
    def coverage(self) -> strategy.Coverage:
        return strategy.coverage(self.session)

    @cached_property
    def partnerships(self) -> list[Partnership]:
        """The partnerships of the period (see the module notes), by title."""
        found = []
        for p in self.session.scalars(select(Partnership).order_by(Partnership.title, Partnership.id)):
            began = p.start_date or (p.created_at.date() if p.created_at else None)
            if p.closed and p.ended_on is not None and self.start is not None and p.ended_on < self.start:
                continue
            # A period reaching today includes everything recorded so far, whatever clock the
            # records were stamped with.
            if self.end is not None and self.end < self.today and began is not None and began > self.end:
                continue
            found.append(p)
        return found

    @cached_property
    def agreements(self) -> dict[int, Agreement]:
        return {a.partnership_id: a for a in self.session.scalars(select(Agreement))}

    @cached_property
    def alerts(self) -> list[partnerships.Alert]:
        return partnerships.alerts(self.session, today=self.as_of)

    @cached_property
    def staff(self) -> list[tuple[int, str, str | None, str | None]]:
        """``(id, name, staff role, team)`` of every staff member."""
        return [
            tuple(row)
            for row in self.session.execute(
                select(Person.id, Person.name, Person.staff_role, Person.team).where(Person.is_staff.is_(True))
            )
        ]

    @cached_property
    def graph(self) -> nx.Graph:

        as_of = self.end if self.end is not None and self.end < self.today else None
        return build_graph(self.session, as_of, today=self.today, contact_details=not self.pseudonymise)

    @cached_property
    def answers(self) -> pd.DataFrame:
        """Every evaluation answer of a round held in the period (see ``lib.planning.evaluations.answers_frame``)."""
        frame = evaluations.answers_frame(self.session)
        return frame[[self.in_period(day) for day in frame["held_on"]]].reset_index(drop=True)

    @cached_property
    def facts(self) -> figures.Facts:
        """What the key figures are counted from on :attr:`as_of` (:mod:`lib.reporting.figures`)."""
        return figures.Facts(
            self.session, self.as_of, today=self.today, given_graph=self.graph, given_statuses=self.statuses
        )

    @cached_property
    def figure_values(self) -> dict[str, float | int | None]:
        """Every key figure on :attr:`as_of`, unrounded."""
        return figures.values_of(self.facts)

    @cached_property
    def single_person(self) -> dict[int, int]:
        """``{partnership id: staff id}``: the partnerships that hang on one person (:mod:`lib.reporting.figures`)."""
        return self.facts.one_person.partnerships

    def owner_text(self, person_id: int | None) -> str:
        """Who holds something: their role when pseudonymised, else their name."""
        if person_id is None:
            return ""
        for staff_id, name, role, _team in self.staff:
            if staff_id == person_id:
                return role_label(role, self.lang) if self.pseudonymise else name
        return self.tr("board.role.unknown")

    def people(self, count: int) -> int | str:
        return people_count(count, self.pseudonymise)


def _unique(labels: list[str]) -> list[str]:
    """Labels made unique by numbering repeats, so two goals with one title stay two columns."""
    seen: Counter[str] = Counter()
    result = []
    for text in labels:
        seen[text] += 1
        result.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return result


def _round(value: Any, decimals: int = 1) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), decimals)


# --- title -----------------------------------------------------------------------------------------


def title_section(ctx: Context, keys: list[str]) -> Section:
    """The front page: the library, the period, the date made and what follows."""
    meta = pd.DataFrame(
        [
            (ctx.tr("board.meta.library"), ctx.library_name),
            (ctx.tr("board.meta.period"), ctx.period_text()),
            (ctx.tr("board.meta.from"), ctx.start),
            (ctx.tr("board.meta.to"), ctx.end),
            (ctx.tr("board.meta.as_of"), ctx.as_of),
            (ctx.tr("board.meta.made"), ctx.today),
            (ctx.tr("board.meta.pseudonymised"), ctx.tr("common.yes" if ctx.pseudonymise else "common.no")),
        ],
        columns=[ctx.tr("board.col.field"), ctx.tr("board.col.value")],
    )
    return Section(
        key="title",
        title=ctx.tr("board.title.heading"),
        subtitle=ctx.tr(
            "board.title.subtitle", library=ctx.library_name, period=ctx.period_text(), made=ctx.date(ctx.today)
        ),
        bullets=[ctx.tr(f"board.section.{key}") for key in keys if key != "title"],
        tables=[Table("title.meta", ctx.tr("board.table.meta"), meta)],
        source=ctx.source("title"),
    )


# --- key figures -----------------------------------------------------------------------------------


#: The key figures shown as big numbers (every figure is in the appendix's table).
BIG_NUMBERS = (
    "active_partnerships",
    "written_agreements",
    "goals_on_track",
    "evaluation_score",
    "partner_organisations",
    "single_person_partnerships",
    "reviews_due",
    "staff",
)


def key_figures_table(ctx: Context) -> pd.DataFrame:
    """Every key figure of :mod:`lib.reporting.figures`: its key, label, value (unrounded; "< 5" for a small
    group of people when pseudonymised) and definition."""
    values = ctx.figure_values
    shown = [figures.board_value(key, value) if ctx.pseudonymise else value for key, value in values.items()]
    return pd.DataFrame(
        {
            ctx.tr("figures.col.key"): list(values),
            ctx.tr("board.col.figure"): [figures.label(key, ctx.lang) for key in values],
            ctx.tr("board.col.value"): pd.Series(shown, dtype=object),
            ctx.tr("figures.col.definition"): [figures.definition(key, ctx.lang) for key in values],
        }
    )


def key_figures_section(ctx: Context) -> Section:
    """The key figures (:mod:`lib.reporting.figures`) and the staff by team (small teams merged)."""
    values = ctx.figure_values
    table = key_figures_table(ctx)
    board = dict(zip(values, table[ctx.tr("board.col.value")], strict=True))
    started = [p for p in ctx.partnerships if ctx.in_period(p.start_date)]
    teams = Counter((team or "").strip() or ctx.tr("board.team.none") for _id, _name, _role, team in ctx.staff)
    merged = merge_small_groups(teams, ctx.tr("board.team.other"), ctx.pseudonymise)
    team_table = pd.DataFrame(merged, columns=[ctx.tr("board.col.team"), ctx.tr("board.col.staff")])
    bullets = [
        ctx.tr("board.kf.bullet.goals", on_track=values["goals_on_track"], total=values["goals"]),
        ctx.tr("board.kf.bullet.partnerships", under_way=values["active_partnerships"], started=len(started)),
    ]
    if values["evaluation_score"] is not None:
        bullets.append(
            ctx.tr(
                "board.kf.bullet.evaluations",
                mean=figures.shown("evaluation_score", values["evaluation_score"], ctx.lang),
            )
        )
    bullets.append(
        ctx.tr(
            "board.kf.bullet.people",
            staff=figures.shown("staff", board["staff"], ctx.lang),
            contacts=figures.shown("contacts", board["contacts"], ctx.lang),
        )
    )
    return Section(
        key="key_figures",
        title=ctx.tr("board.section.key_figures"),
        bullets=bullets,
        figures=[
            KeyFigure(figures.label(key, ctx.lang), figures.shown(key, board[key], ctx.lang), key)
            for key in BIG_NUMBERS
        ],
        tables=[
            Table("key_figures.figures", ctx.tr("board.table.key_figures"), table),
            Table("key_figures.teams", ctx.tr("board.table.teams"), team_table),
        ],
        source=ctx.source("key_figures"),
    )


# --- goals -----------------------------------------------------------------------------------------


def goal_labels(statuses: list[strategy.GoalStatus]) -> dict[int, str]:
    """``{goal id: label}``: titles, numbered where two goals share one."""
    return dict(zip([s.goal_id for s in statuses], _unique([s.title for s in statuses]), strict=True))


def goals_series_frame(ctx: Context) -> pd.DataFrame:
    """Fulfilment (raw, in percent, one decimal) per date and goal, measurements of the period only.

    One row per date, one column per goal (labelled as in :func:`goal_labels`); a goal not measured
    on a date has no value there. Each goal's baseline counts as a point when it lies in the period.
    """
    labels = goal_labels(ctx.statuses)
    date_column = ctx.tr("board.col.date")
    series = strategy.fulfilment_series(ctx.session)
    series = series[[ctx.in_period(day) for day in series["date"]]]
    if series.empty:
        return pd.DataFrame(columns=[date_column, *labels.values()])
    series = series.assign(label=series["goal_id"].map(labels), value=series["fulfilment_raw"].map(_round))
    wide = series.pivot_table(index="date", columns="label", values="value", aggfunc="last", sort=True)
    wide = wide.reindex(columns=[label for label in labels.values() if label in wide.columns])
    wide = wide.astype(object).where(wide.notna(), None)
    wide.index.name = date_column
    wide.columns.name = None
    return wide.reset_index()


def goals_section(ctx: Context) -> Section:
    """Where the library is going: fulfilment over time and where each goal stands now."""
    statuses = ctx.statuses
    section = Section(key="goals", title=ctx.tr("board.section.goals"), source=ctx.source("goals"))
    if not statuses:
        section.bullets = [ctx.tr("board.goals.none")]
        return section
    labels = goal_labels(statuses)
    series = goals_series_frame(ctx)
    serving = ctx.coverage.partnerships_per_goal
    status_rows = [
        {
            ctx.tr("board.col.goal"): labels[s.goal_id],
            ctx.tr("board.col.theme"): s.theme or "",
            ctx.tr("board.col.status"): strategy.status_label(s.status, ctx.lang),
            ctx.tr("board.col.fulfilment"): _round(s.fulfilment_raw),
            ctx.tr("board.col.expected"): _round(s.expected),
            ctx.tr("board.col.latest_on"): s.latest_on,
            ctx.tr("board.col.target_date"): s.target_date,
            ctx.tr("board.col.partnerships"): len(serving.get(s.goal_id, [])),
        }
        for s in statuses
    ]
    status_table = pd.DataFrame(status_rows)
    section.tables = [
        Table("goals.series", ctx.tr("board.table.goals_series"), series, percent_columns=tuple(series.columns[1:])),
        Table(
            "goals.status",
            ctx.tr("board.table.goals_status"),
            status_table,
            percent_columns=(ctx.tr("board.col.fulfilment"), ctx.tr("board.col.expected")),
        ),
    ]
    if len(series):
        # Each goal's look by its place among all goals (by title, as on the goals page); the value axis
        # from 0 to at least 110 % and round every point (a goal can be below its baseline or past 100 %).
        looks = charts.series_styles(labels.values())
        names = tuple(series.columns[1:])
        values = [v for name in names for v in series[name] if v is not None]
        section.charts = [
            Chart(
                key="goals.fulfilment",
                kind="dates",
                title=ctx.tr("board.chart.goals"),
                table="goals.series",
                category=ctx.tr("board.col.date"),
                series=names,
                y_suffix=" %",
                y_title=ctx.tr("board.col.fulfilment"),
                y_range=tuple(charts.value_range(values, 0, 110)),
                colours=tuple(looks[name]["color"] for name in names),
                dashes=tuple(looks[name]["dash"] for name in names),
            )
        ]
    section.bullets = _goal_bullets(ctx, statuses, labels)
    return section


def _goal_bullets(ctx: Context, statuses: list[strategy.GoalStatus], labels: dict[int, str]) -> list[str]:
    counts = strategy.status_counts(statuses)
    bullets = [ctx.tr("board.goals.counts", total=len(statuses), **counts)]
    measured = [s for s in statuses if s.fulfilment_raw is not None]
    if measured:
        best = max(measured, key=lambda s: s.fulfilment_raw)
        bullets.append(
            ctx.tr("board.goals.best", title=labels[best.goal_id], value=ctx.number(round(best.fulfilment_raw)))
        )
    behind = [labels[s.goal_id] for s in statuses if s.status == "off_track"]
    if behind:
        bullets.append(ctx.tr("board.goals.behind", titles=", ".join(behind)))
    uncovered = [labels[g["goal_id"]] for g in ctx.coverage.goals_without_partnership if g["goal_id"] in labels]
    if uncovered:
        bullets.append(ctx.tr("board.goals.uncovered", count=len(uncovered), titles=", ".join(uncovered)))
    if counts["stale"]:
        bullets.append(ctx.tr("board.goals.stale", count=counts["stale"], days=strategy.STALE_DAYS))
    return bullets


# --- portfolio -------------------------------------------------------------------------------------


def portfolio_section(ctx: Context) -> Section:
    """With whom, and how far: the partnerships of the period by stage, and each with its facts."""
    section = Section(key="portfolio", title=ctx.tr("board.section.portfolio"), source=ctx.source("portfolio"))
    found = ctx.partnerships
    if not found:
        section.bullets = [ctx.tr("board.portfolio.none")]
        return section
    organisations = partnerships.organisations_of(ctx.session, [p.id for p in found])
    stage_column, count_column = ctx.tr("board.col.stage"), ctx.tr("board.col.partnerships")
    columns = Counter(partnerships.pipeline_column(p) for p in found)
    pipeline = pd.DataFrame(
        [(ctx.tr(f"partnerships.stage.{stage}"), columns.get(stage, 0)) for stage in partnerships.PIPELINE_COLUMNS],
        columns=[stage_column, count_column],
    )
    listing = pd.DataFrame(
        [
            {
                ctx.tr("board.col.partnership"): p.title,
                ctx.tr("board.col.organisations"): "; ".join(name for _, name in organisations.get(p.id, [])),
                stage_column: ctx.tr(f"partnerships.stage.{partnerships.pipeline_column(p)}"),
                ctx.tr("board.col.depth"): vocabulary_label("partnerships.depth", p.depth, ctx.lang),
                ctx.tr("board.col.formalisation"): vocabulary_label(
                    "partnerships.formalisation",
                    partnerships.formalisation_of(p, ctx.agreements.get(p.id), ctx.as_of),
                    ctx.lang,
                ),
                ctx.tr("board.col.written"): partnerships.has_written_agreement(p, ctx.agreements.get(p.id), ctx.as_of),
                ctx.tr("board.col.start"): p.start_date,
                ctx.tr("board.col.end"): p.ended_on if p.closed else p.end_date,
                ctx.tr("board.col.owner"): ctx.owner_text(p.owner_id),
            }
            for p in found
        ]
    )
    section.tables = [
        Table("portfolio.pipeline", ctx.tr("board.table.pipeline"), pipeline),
        Table("portfolio.partnerships", ctx.tr("board.table.partnerships"), listing),
    ]
    section.charts = [
        Chart(
            key="portfolio.pipeline",
            kind="bar",
            title=ctx.tr("board.chart.pipeline"),
            table="portfolio.pipeline",
            category=stage_column,
            series=(count_column,),
            horizontal=True,
        )
    ]
    section.bullets = _portfolio_bullets(ctx, found)
    return section


def _portfolio_bullets(ctx: Context, found: list[Partnership]) -> list[str]:
    under_way = ctx.facts.active
    ideas = sum(1 for p in found if not p.closed and p.stage == "idea")
    started = sum(1 for p in found if ctx.in_period(p.start_date))
    ended = sum(1 for p in found if p.closed and ctx.in_period(p.ended_on))
    written = ctx.figure_values["written_agreements"]
    deep = sum(1 for p in under_way if p.depth in ("cooperating", "collaborating"))
    bullets = [
        ctx.tr("board.portfolio.under_way", count=len(under_way), ideas=ideas),
        ctx.tr("board.portfolio.started_ended", started=started, ended=ended),
    ]
    if under_way:
        bullets.append(ctx.tr("board.portfolio.written", written=written, active=len(under_way)))
    if under_way:
        bullets.append(ctx.tr("board.portfolio.deep", deep=deep, count=len(under_way)))
    return bullets


# --- network ---------------------------------------------------------------------------------------


def network_section(ctx: Context) -> Section:
    """The network at organisation level: organisations, ties and partnerships per type, and the rings."""

    G = ctx.graph
    view = organisation_view(G)
    placed = rings(G)
    section = Section(key="network", title=ctx.tr("board.section.network"), source=ctx.source("network"))
    organisations = [v for v, kind in view.nodes(data="kind") if kind == "organisation"]
    if not organisations:
        section.bullets = [ctx.tr("board.network.none")]
        return section
    partners = G.graph.get("partners", {})
    by_type = _network_by_type(ctx, view, placed, partners)
    partner_rows = _partner_rows(ctx, view, placed, partners)
    type_column = ctx.tr("board.col.org_type")
    section.tables = [
        Table("network.types", ctx.tr("board.table.network_types"), by_type),
        Table("network.partners", ctx.tr("board.table.network_partners"), partner_rows),
    ]
    section.charts = [
        Chart(
            key="network.types",
            kind="bar",
            title=ctx.tr("board.chart.network_types"),
            table="network.types",
            category=type_column,
            horizontal=True,
            series=(
                ctx.tr("board.col.organisations_count"),
                ctx.tr("board.col.ties"),
                ctx.tr("board.col.partnerships"),
            ),
            # Partnerships in the blue of the pipeline chart's partnerships, organisations in the
            # green of organisations on the network page.
            colours=(charts.category_colour("node_kind", "organisation"), charts.ORANGE, charts.BLUE),
        ),
        Chart(
            key="network.picture",
            kind="picture",
            title=ctx.tr("board.chart.network_picture"),
            figure=_network_picture(view, placed, ctx.lang, rings_figure),
        ),
    ]
    ring_counts = Counter(ring for node, ring in placed.items() if node != LIBRARY)
    ties = by_type.set_index(type_column)[ctx.tr("board.col.ties")]
    bullets = [
        ctx.tr(
            "board.network.counts",
            organisations=len(organisations),
            partners=ring_counts.get(1, 0),
            contacts=ring_counts.get(2, 0),
        )
    ]
    if len(ties) and ties.max() > 0:
        bullets.append(ctx.tr("board.network.most_ties", org_type=str(ties.idxmax()), ties=int(ties.max())))
    bullets.append(
        ctx.tr("board.network.types", count=int((by_type[ctx.tr("board.col.partners")] > 0).sum()), total=len(by_type))
    )
    if ring_counts.get(3, 0):
        bullets.append(ctx.tr("board.network.untouched", count=ring_counts[3]))
    section.bullets = bullets
    return section


def _library_ties(view: nx.Graph, node: str) -> int:

    return int(view.edges[LIBRARY, node].get("ties", 0)) if view.has_edge(LIBRARY, node) else 0


def _network_by_type(
    ctx: Context, view: nx.Graph, placed: dict[str, int], partners: dict[int, dict[str, Any]]
) -> pd.DataFrame:
    """Per organisation type: organisations, partners, organisations with contacts, ties, partnerships."""

    rows: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"organisations": 0, "partners": 0, "contacts": 0, "ties": 0, "partnerships": set()}
    )
    for node, data in view.nodes(data=True):
        if data.get("kind") != "organisation":
            continue
        entry = rows[data.get("org_type") or ""]
        entry["organisations"] += 1
        entry["partners"] += placed.get(node) == 1
        entry["contacts"] += placed.get(node) == 2
        entry["ties"] += _library_ties(view, node)
        entry["partnerships"].update(partners.get(record_id(node), {}).get("partnership_ids", ()))
    ordered = sorted(rows.items(), key=lambda item: (-item[1]["organisations"], item[0]))
    return pd.DataFrame(
        [
            {
                ctx.tr("board.col.org_type"): vocabulary_label("orgtype", code, ctx.lang)
                or ctx.tr("board.orgtype.unknown"),
                ctx.tr("board.col.organisations_count"): entry["organisations"],
                ctx.tr("board.col.partners"): entry["partners"],
                ctx.tr("board.col.with_contacts"): entry["contacts"],
                ctx.tr("board.col.ties"): entry["ties"],
                ctx.tr("board.col.partnerships"): len(entry["partnerships"]),
            }
            for code, entry in ordered
        ]
    )


def _partner_rows(
    ctx: Context, view: nx.Graph, placed: dict[str, int], partners: dict[int, dict[str, Any]]
) -> pd.DataFrame:
    """The partner organisations (ring 1), most ties with the library first."""

    rows = []
    for node in (n for n, ring in placed.items() if ring == 1 and n in view):
        data = view.nodes[node]
        partner = partners.get(record_id(node), {})
        rows.append(
            {
                ctx.tr("board.col.organisation"): data.get("label") or "",
                ctx.tr("board.col.org_type"): vocabulary_label("orgtype", data.get("org_type"), ctx.lang),
                ctx.tr("board.col.sector"): vocabulary_label("sector", data.get("sector"), ctx.lang),
                ctx.tr("board.col.stage"): (
                    ctx.tr(f"partnerships.stage.{partner['stage']}")
                    if partner.get("stage")
                    else ctx.tr("board.network.by_relation")
                ),
                ctx.tr("board.col.ties"): _library_ties(view, node),
                ctx.tr("board.col.last_contact"): partner.get("last_contact"),
            }
        )
    columns = [
        ctx.tr(f"board.col.{name}") for name in ("organisation", "org_type", "sector", "stage", "ties", "last_contact")
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values([columns[4], columns[0]], ascending=[False, True], kind="stable").reset_index(drop=True)


def _network_picture(view: nx.Graph, placed: dict[str, int], lang: str, draw: Any) -> dict[str, Any]:
    """The rings around the library at organisation level, as a plotly figure's JSON dict."""
    fig = draw(view, {node: ring for node, ring in placed.items() if node in view}, lang, labels=True, height=640)
    return fig.to_plotly_json()


# --- evaluations -----------------------------------------------------------------------------------


def _quarter(day: dt.date, lang: str) -> tuple[tuple[int, int], str]:
    quarter = (day.month - 1) // 3 + 1
    return (day.year, quarter), t("board.quarter", lang, quarter=quarter, year=str(day.year))


def evaluations_section(ctx: Context) -> Section:
    """What came of it: dimension means per quarter, and each partnership's latest round."""
    section = Section(key="evaluations", title=ctx.tr("board.section.evaluations"), source=ctx.source("evaluations"))
    answers = ctx.answers
    if answers.empty:
        section.bullets = [ctx.tr("board.evaluations.none")]
        return section
    dims = {d: ctx.tr(f"evaluations.dimension.{d}") for d in evaluations.DIMENSIONS}
    over_time = _evaluation_quarters(ctx, answers, dims)
    latest = _latest_rounds(ctx, answers, dims)
    quarter_column, partnership_column = ctx.tr("board.col.quarter"), ctx.tr("board.col.partnership")
    section.tables = [
        Table("evaluations.over_time", ctx.tr("board.table.evaluations_over_time"), over_time),
        Table("evaluations.latest", ctx.tr("board.table.evaluations_latest"), latest),
    ]
    # The dimensions in the colours the evaluation page gives them.
    colours = tuple(charts.category_colour("dimension", d) for d in dims)
    scale = ctx.tr("charts.unit.scale")
    section.charts = [
        Chart(
            key="evaluations.over_time",
            kind="line",
            title=ctx.tr("board.chart.evaluations_over_time"),
            table="evaluations.over_time",
            category=quarter_column,
            series=tuple(dims.values()),
            y_range=SCORE_RANGE,
            y_title=ctx.tr("board.col.mean"),
            unit=scale,
            colours=colours,
        ),
        Chart(
            key="evaluations.latest",
            kind="bar",
            title=ctx.tr("board.chart.evaluations_latest"),
            table="evaluations.latest",
            category=partnership_column,
            series=tuple(dims.values()),
            horizontal=True,
            y_range=(0.0, 5.0),
            y_title=ctx.tr("board.col.mean"),
            unit=scale,
            colours=colours,
        ),
    ]
    section.bullets = _evaluation_bullets(ctx, answers, latest, dims)
    return section


def _evaluation_quarters(ctx: Context, answers: pd.DataFrame, dims: dict[str, str]) -> pd.DataFrame:
    """Mean per dimension (both sides, every answer counting once) per quarter in which rounds were held."""
    rows = []
    keyed = answers.assign(_q=[_quarter(day, ctx.lang) for day in answers["held_on"]])
    for (_order, label), here in sorted(keyed.groupby("_q", sort=False), key=lambda item: item[0][0]):
        means = here.groupby("dimension")["score"].mean()
        rows.append(
            {
                ctx.tr("board.col.quarter"): label,
                **{dims[d]: _round(means.get(d), 2) for d in evaluations.DIMENSIONS},
                ctx.tr("board.col.rounds"): int(here["round_id"].nunique()),
                ctx.tr("board.col.responses"): ctx.people(int(here["response_id"].nunique())),
            }
        )
    return pd.DataFrame(rows)


def _latest_rounds(ctx: Context, answers: pd.DataFrame, dims: dict[str, str]) -> pd.DataFrame:
    """Each partnership's latest round of the period: dimension means, overall band, side gap, responses."""
    titles = {pid: title for pid, title in ctx.session.execute(select(Partnership.id, Partnership.title))}
    rows = []
    for partnership_id, here in answers.groupby("partnership_id"):
        held = here["held_on"].max()
        last = here[here["held_on"] == held]
        last = last[last["round_id"] == last["round_id"].max()]
        means = last.groupby("dimension")["score"].mean()
        sides = last.groupby(["dimension", "side"])["score"].mean()
        gaps = [
            abs(sides[(d, "library")] - sides[(d, "partner")])
            for d in evaluations.DIMENSIONS
            if (d, "library") in sides and (d, "partner") in sides
        ]
        overall = float(last["score"].mean())
        rows.append(
            {
                ctx.tr("board.col.partnership"): titles.get(int(partnership_id), ""),
                ctx.tr("board.col.held_on"): held,
                **{dims[d]: _round(means.get(d), 2) for d in evaluations.DIMENSIONS},
                ctx.tr("board.col.mean"): _round(overall, 2),
                ctx.tr("board.col.band"): ctx.tr(f"evaluations.band.{evaluations.band(overall)}"),
                ctx.tr("board.col.gap"): _round(max(gaps), 2) if gaps else None,
                ctx.tr("board.col.responses"): ctx.people(int(last["response_id"].nunique())),
            }
        )
    frame = pd.DataFrame(rows)
    return frame.sort_values(ctx.tr("board.col.partnership"), kind="stable").reset_index(drop=True)


def _evaluation_bullets(ctx: Context, answers: pd.DataFrame, latest: pd.DataFrame, dims: dict[str, str]) -> list[str]:
    overall = float(answers["score"].mean())
    means = answers.groupby("dimension")["score"].mean()
    strongest, weakest = means.idxmax(), means.idxmin()
    responses = ctx.people(int(answers["response_id"].nunique()))
    bullets = [
        ctx.tr(
            "board.evaluations.counts",
            rounds=int(answers["round_id"].nunique()),
            partnerships=int(answers["partnership_id"].nunique()),
            responses=responses if isinstance(responses, str) else ctx.number(responses),
        ),
        ctx.tr(
            "board.evaluations.mean",
            mean=ctx.number(round(overall, 1), 1),
            band=ctx.tr(f"evaluations.band.{evaluations.band(overall)}"),
        ),
        ctx.tr(
            "board.evaluations.strongest",
            strongest=dims[strongest],
            strong=ctx.number(round(means[strongest], 1), 1),
            weakest=dims[weakest],
            weak=ctx.number(round(means[weakest], 1), 1),
        ),
    ]
    gap_column = ctx.tr("board.col.gap")
    flagged = int((latest[gap_column].fillna(0) >= evaluations.GAP_FLAG).sum())
    if flagged:
        bullets.append(ctx.tr("board.evaluations.gaps", count=flagged))
    concern = int((latest[ctx.tr("board.col.mean")] < evaluations.DISCUSS_AT).sum())
    if concern:
        bullets.append(ctx.tr("board.evaluations.concern", count=concern))
    return bullets


# --- radar -----------------------------------------------------------------------------------------


def radar_section(ctx: Context) -> Section:
    """The checklist: the latest self-assessment against what the data shows, heading by heading."""

    frame = radar.radar_frame(
        ctx.session, ctx.as_of, found=radar.evidence(ctx.session, ctx.as_of, facts=ctx.facts), notes=False
    )
    heading, own, shown = ctx.tr("board.col.heading"), ctx.tr("board.col.self"), ctx.tr("board.col.evidence")
    share = ctx.tr("board.col.evidence_share")
    table = pd.DataFrame(
        {
            heading: [radar.heading_label(code, ctx.lang) for code in frame["heading"]],
            own: [_round(v, 1) for v in frame["self_score"]],
            shown: [_round(v, 1) for v in frame["evidence_score"]],
            share: [_round(v * 100, 0) if not pd.isna(v) else None for v in frame["evidence_share"]],
        }
    )
    figure = radar.radar_figure(frame.drop(columns=["note"]), ctx.lang)
    assessed_on = frame.attrs.get("assessed_on")
    section = Section(
        key="radar",
        title=ctx.tr("board.section.radar"),
        source=ctx.source("radar"),
        tables=[Table("radar.scores", ctx.tr("board.table.radar"), table, percent_columns=(share,))],
        charts=[
            Chart(
                key="radar.checklist",
                kind="radar",
                title=ctx.tr("board.chart.radar"),
                table="radar.scores",
                category=heading,
                series=(own, shown),
                y_range=(0.0, 5.0),
                figure=figure.to_plotly_json(),
            )
        ],
    )
    section.bullets = _radar_bullets(ctx, table, assessed_on)
    return section


def _radar_bullets(ctx: Context, table: pd.DataFrame, assessed_on: dt.date | None) -> list[str]:
    heading, own, shown = ctx.tr("board.col.heading"), ctx.tr("board.col.self"), ctx.tr("board.col.evidence")
    bullets = []
    if assessed_on is None:
        bullets.append(ctx.tr("board.radar.no_self"))
    else:
        bullets.append(
            ctx.tr(
                "board.radar.means",
                date=ctx.date(assessed_on),
                own=ctx.number(_round(pd.to_numeric(table[own]).mean(), 1), 1),
                shown=ctx.number(_round(pd.to_numeric(table[shown]).mean(), 1), 1),
            )
        )
    both = table.dropna(subset=[own, shown])
    higher = both[both[own] - both[shown] >= RADAR_GAP][heading].tolist()
    lower = both[both[shown] - both[own] >= RADAR_GAP][heading].tolist()
    if higher:
        bullets.append(ctx.tr("board.radar.higher", headings=", ".join(higher)))
    if lower:
        bullets.append(ctx.tr("board.radar.lower", headings=", ".join(lower)))
    if assessed_on is not None and not higher and not lower:
        bullets.append(ctx.tr("board.radar.agree"))
    missing = table[table[shown].isna()][heading].tolist()
    if missing:
        bullets.append(ctx.tr("board.radar.no_evidence", headings=", ".join(missing)))
    return bullets


# --- risks -----------------------------------------------------------------------------------------


def risks_section(ctx: Context) -> Section:
    """What is at risk, and what to do next: alerts, goals behind, partnerships that hang on one person."""
    alerts = [a for a in ctx.alerts if a.partnership_id in {p.id for p in ctx.partnerships}]
    behind = [s for s in ctx.statuses if s.status in ("at_risk", "off_track")]
    labels = goal_labels(ctx.statuses)
    single = ctx.single_person
    counts = Counter(a.kind for a in alerts)
    counts.update(
        {
            "goal_at_risk": sum(1 for s in behind if s.status == "at_risk"),
            "goal_off_track": sum(1 for s in behind if s.status == "off_track"),
            "goal_stale": sum(1 for s in ctx.statuses if s.stale),
            "single_person": len(single),
        }
    )
    risk_column, count_column = ctx.tr("board.col.risk"), ctx.tr("board.col.count")
    overview = pd.DataFrame(
        [(ctx.tr(f"board.risk.{kind}"), counts.get(kind, 0)) for kind in RISK_KINDS],
        columns=[risk_column, count_column],
    )
    alert_table = pd.DataFrame(
        [
            {
                ctx.tr("board.col.partnership"): a.title,
                risk_column: ctx.tr(f"board.risk.{a.kind}"),
                ctx.tr("board.col.date"): a.date,
                ctx.tr("board.col.severity"): ctx.tr(f"partnerships.severity.{a.severity}"),
            }
            for a in alerts
        ],
        columns=[ctx.tr("board.col.partnership"), risk_column, ctx.tr("board.col.date"), ctx.tr("board.col.severity")],
    )
    goal_table = pd.DataFrame(
        [
            {
                ctx.tr("board.col.goal"): labels[s.goal_id],
                ctx.tr("board.col.status"): strategy.status_label(s.status, ctx.lang),
                ctx.tr("board.col.fulfilment"): _round(s.fulfilment_raw),
                ctx.tr("board.col.expected"): _round(s.expected),
            }
            for s in behind
        ],
        columns=[ctx.tr(f"board.col.{c}") for c in ("goal", "status", "fulfilment", "expected")],
    )
    titles = {p.id: p.title for p in ctx.partnerships}
    single_table = pd.DataFrame(
        [
            {
                ctx.tr("board.col.partnership"): titles.get(partnership_id, ""),
                ctx.tr("board.col.holder"): ctx.owner_text(person_id),
            }
            for partnership_id, person_id in single.items()
        ],
        columns=[ctx.tr("board.col.partnership"), ctx.tr("board.col.holder")],
    )
    return Section(
        key="risks",
        title=ctx.tr("board.section.risks"),
        source=ctx.source("risks"),
        tables=[
            Table("risks.overview", ctx.tr("board.table.risks"), overview),
            Table("risks.alerts", ctx.tr("board.table.alerts"), alert_table),
            Table(
                "risks.goals",
                ctx.tr("board.table.goals_behind"),
                goal_table,
                percent_columns=(ctx.tr("board.col.fulfilment"), ctx.tr("board.col.expected")),
            ),
            Table("risks.single_person", ctx.tr("board.table.single_person"), single_table),
        ],
        charts=[
            Chart(
                key="risks.overview",
                kind="bar",
                title=ctx.tr("board.chart.risks"),
                table="risks.overview",
                category=risk_column,
                series=(count_column,),
                horizontal=True,
            )
        ],
        bullets=_risk_bullets(ctx, alerts, behind, labels, len(single)),
        next_steps=_next_steps(ctx, counts),
    )


def _risk_bullets(
    ctx: Context,
    alerts: list[partnerships.Alert],
    behind: list[strategy.GoalStatus],
    labels: dict[int, str],
    single: int,
) -> list[str]:
    high = [a for a in alerts if a.severity == "high"]
    bullets = [ctx.tr("board.risks.alerts", count=len(alerts), high=len(high))]
    bullets += [a.message(ctx.lang) for a in alerts[:ALERTS_SPELLED_OUT]]
    if behind:
        bullets.append(
            ctx.tr("board.risks.goals", count=len(behind), titles=", ".join(labels[s.goal_id] for s in behind))
        )
    if single:
        bullets.append(ctx.tr("board.risks.single_person", count=single))
    if len(bullets) == 1 and not alerts:
        bullets = [ctx.tr("board.risks.none")]
    return bullets


#: Which next step answers which risks; a step is proposed when any of its risks is present.
NEXT_STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("review", ("review_overdue", "review_soon")),
    ("agreements", ("no_written_agreement",)),
    ("endings", ("end_passed", "ending_soon")),
    ("contact", ("contact_overdue",)),
    ("goals", ("goal_at_risk", "goal_off_track")),
    ("measure", ("goal_stale",)),
    ("second_person", ("single_person",)),
)


def _next_steps(ctx: Context, counts: Counter[str]) -> list[str]:
    steps = []
    for step, kinds in NEXT_STEPS:
        count = sum(counts.get(kind, 0) for kind in kinds)
        if count:
            steps.append(ctx.tr(f"board.next.{step}", count=count))
    return steps or [ctx.tr("board.next.none")]


BUILDERS = {
    "key_figures": key_figures_section,
    "goals": goals_section,
    "portfolio": portfolio_section,
    "network": network_section,
    "evaluations": evaluations_section,
    "radar": radar_section,
    "risks": risks_section,
}
