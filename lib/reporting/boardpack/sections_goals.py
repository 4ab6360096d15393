"""The board pack's goals and portfolio sections."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from lib.core import charts
from lib.core.i18n import label as vocabulary_label
from lib.db import Partnership
from lib.planning import goals as strategy
from lib.planning import partnerships
from lib.reporting.boardpack.model import Chart, Section, Table
from lib.reporting.boardpack.section_context import Context, _round, _unique


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
        low, high = charts.value_range(values, 0, 110)
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
                y_range=(low, high),
                colours=tuple(looks[name]["color"] for name in names),
                dashes=tuple(looks[name]["dash"] for name in names),
            )
        ]
    section.bullets = _goal_bullets(ctx, statuses, labels)
    return section


def _goal_bullets(ctx: Context, statuses: list[strategy.GoalStatus], labels: dict[int, str]) -> list[str]:
    counts = strategy.status_counts(statuses)
    bullets = [ctx.tr("board.goals.counts", total=len(statuses), **counts)]
    measured = [(s, s.fulfilment_raw) for s in statuses if s.fulfilment_raw is not None]
    if measured:
        best, fulfilment = max(measured, key=lambda pair: pair[1])
        bullets.append(ctx.tr("board.goals.best", title=labels[best.goal_id], value=ctx.number(round(fulfilment))))
    behind = [labels[s.goal_id] for s in statuses if s.status == "off_track"]
    if behind:
        bullets.append(ctx.tr("board.goals.behind", titles=", ".join(behind)))
    uncovered = [labels[g["goal_id"]] for g in ctx.coverage.goals_without_partnership if g["goal_id"] in labels]
    if uncovered:
        bullets.append(ctx.tr("board.goals.uncovered", count=len(uncovered), titles=", ".join(uncovered)))
    if counts["stale"]:
        bullets.append(ctx.tr("board.goals.stale", count=counts["stale"], days=strategy.STALE_DAYS))
    return bullets


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
