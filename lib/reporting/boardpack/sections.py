"""The eight sections of the board pack, each built from the database for one period; the title and key figures here.

The other sections are in ``sections_goals`` (goals, portfolio), ``sections_network``,
``sections_evaluations`` (evaluations, radar) and ``sections_risks``; :data:`BUILDERS` names them all.

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

from collections import Counter

import pandas as pd

from lib.reporting import figures
from lib.reporting.boardpack.model import KeyFigure, Section, Table
from lib.reporting.boardpack.privacy import merge_small_groups
from lib.reporting.boardpack.section_context import Context
from lib.reporting.boardpack.sections_evaluations import evaluations_section, radar_section
from lib.reporting.boardpack.sections_goals import goals_section, portfolio_section
from lib.reporting.boardpack.sections_network import network_section
from lib.reporting.boardpack.sections_risks import risks_section


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


BUILDERS = {
    "key_figures": key_figures_section,
    "goals": goals_section,
    "portfolio": portfolio_section,
    "network": network_section,
    "evaluations": evaluations_section,
    "radar": radar_section,
    "risks": risks_section,
}
