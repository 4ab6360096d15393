"""The board pack's risks section: alerts, goals at risk, single-person dependencies, next steps."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from lib.planning import goals as strategy
from lib.planning import partnerships
from lib.reporting.boardpack.model import Chart, Section, Table
from lib.reporting.boardpack.section_context import ALERTS_SPELLED_OUT, RISK_KINDS, Context, _round
from lib.reporting.boardpack.sections_goals import goal_labels


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
