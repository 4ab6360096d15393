"""The board pack's evaluations and radar (strategic checklist) sections."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select

from lib.core import charts
from lib.core.i18n import t
from lib.db import Partnership
from lib.planning import evaluations
from lib.reporting import checklist as radar
from lib.reporting.boardpack.model import Chart, Section, Table
from lib.reporting.boardpack.section_context import RADAR_GAP, SCORE_RANGE, Context, _round


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
        # "3,7 af 5": the scale's band name ("Tal om det") means nothing to a board out of context.
        ctx.tr("board.evaluations.mean", mean=ctx.number(round(overall, 1), 1)),
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
