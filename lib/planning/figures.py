"""The charts of planning's pages (Mål, Partnere, Partnerskaber, Evaluering): pure functions.

Each takes plain data (a service's rows or frames) and the reader's language and returns a plotly
figure in the shared look (``lib.core.charts.style``); no database, no Streamlit. Every text from the
data goes through ``lib.core.charts.escape``; the board pack and the pages draw the same figures.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from lib.core import charts
from lib.core.charts import escape
from lib.core.frames import is_missing
from lib.core.i18n import format_number, format_percent, t
from lib.planning import candidates
from lib.planning import evaluations as ev
from lib.planning import goals as strategy
from lib.planning import partnerships as ps

#: Colour per goal status; the status's word is always written too (never colour alone).
STATUS_COLOURS = {
    status: charts.category_colour("goal_status", status) for status in ("on_track", "at_risk", "off_track", "no_data")
}
#: Where overlapping dots are spread to (in axis units): far enough to see both, close enough to
#: stay in their square.
JITTER = 0.16
#: Colour of each stakeholder group and value/effort group; the group's name is always written too.
QUADRANT_COLOURS = charts.CATEGORY_COLOURS["quadrant"]
GROUP_COLOURS = charts.CATEGORY_COLOURS["value_effort"]
#: Colour per reading band (Okabe-Ito); the band's word is always shown too (legend, hover, text).
BAND_COLOURS = charts.CATEGORY_COLOURS["band"]
#: Where each band lies on the 1-5 scale, for the shaded areas.
BAND_RANGES = {
    "strength": (ev.STRENGTH_AT, 5.0),
    "discuss": (ev.DISCUSS_AT, ev.STRENGTH_AT),
    "concern": (1.0, ev.DISCUSS_AT),
}
#: One colour per dimension and per side, none of them a band colour, so a line never reads as a
#: verdict, and no dimension shares a colour with a side on this page (the eight Okabe-Ito colours).
DIMENSION_COLOURS = charts.CATEGORY_COLOURS["dimension"]
SIDE_COLOURS = charts.CATEGORY_COLOURS["side"]
#: Legends above the plot on the right, clear of the axis title and the long item labels.
TOP_LEGEND = {"orientation": "h", "x": 1, "xanchor": "right", "y": 0.99, "yanchor": "top", "yref": "container"}


# --- goals -----------------------------------------------------------------------------------------


def unique_labels(statuses: Sequence[strategy.GoalStatus]) -> list[str]:
    """Goal titles for a chart axis; a title used twice gets its number, so no bars merge."""
    seen: dict[str, int] = {}
    for entry in statuses:
        seen[entry.title] = seen.get(entry.title, 0) + 1
    return [f"{s.title} (#{s.goal_id})" if seen[s.title] > 1 else s.title for s in statuses]


def overview_figure(statuses: Sequence[strategy.GoalStatus], language: str) -> go.Figure:
    """Horizontal bars of fulfilment (clamped 0-100) per goal, coloured by status, with the expected mark."""
    labels = charts.escape_all(unique_labels(statuses))
    values = [s.fulfilment if s.fulfilment is not None else 0.0 for s in statuses]
    # Words, not emoji, inside the figure: a PNG export or a browser without an emoji font shows boxes.
    words = [strategy.status_label(s.status, language) for s in statuses]
    text = [
        f"{format_number(round(s.fulfilment_raw), language)} % · {w}" if s.fulfilment_raw is not None else w
        for s, w in zip(statuses, words, strict=True)
    ]
    fig = go.Figure()
    colours = [STATUS_COLOURS[s.status] for s in statuses]
    fig.add_trace(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            name=t("strategy.fulfilment", language),
            marker=charts.marker(colours),
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>%{text}<extra></extra>",
        )
    )
    measured = [(label, s.expected) for label, s in zip(labels, statuses, strict=True) if s.expected is not None]
    if measured:
        fig.add_trace(
            go.Scatter(
                x=[e for _, e in measured],
                y=[label for label, _ in measured],
                mode="markers",
                name=t("strategy.expected", language),
                marker={"symbol": "line-ns-open", "size": 22, "color": "#000000", "line": {"width": 3}},
                hovertemplate="%{y}<br>" + t("strategy.expected", language) + ": %{x:.0f} %<extra></extra>",
            )
        )
    fig.update_layout(
        title=t("goalspage.overview.chart_title", language),
        # Room to the right for the bars' words; the expected mark can lie beyond 100 %.
        xaxis={
            "range": charts.value_range([e for _, e in measured], 0, 135),
            "ticksuffix": " %",
            "tickvals": [0, 25, 50, 75, 100],
            "title": t("strategy.fulfilment", language),
        },
        yaxis={"autorange": "reversed"},
        height=max(260, 60 + 46 * len(statuses)),
        legend={"orientation": "h", "y": -0.15},
    )
    return charts.style(fig, language)


def series_figure(series: pd.DataFrame, language: str, order: Sequence[int] | None = None) -> go.Figure:
    """One line per goal (a point per measurement), the expected progress dotted, the 100 % line.

    ``order`` is every goal id in the page's order: a goal's colour (and, past seven goals, its dash)
    follows its place there, so it keeps its colour whichever goals are picked, and the board pack
    (goals by title, as here) draws it in the same colour."""
    fig = go.Figure()
    day = "%d-%m-%Y" if language == "da" else "%Y-%m-%d"
    looks = charts.series_styles([*(order or ()), *series["goal_id"]])
    symbols = charts.series_symbols([*(order or ()), *series["goal_id"]])
    for goal_id, rows in series.groupby("goal_id", sort=False):
        look = looks[goal_id]
        title = charts.template_text(rows["title"].iloc[0])
        measured = rows[~rows["is_baseline"]]
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(measured["date"]),
                y=measured["fulfilment_raw"],
                mode="lines+markers",
                name=title,
                line={**look, "width": 3},
                meta=int(goal_id),
                marker={"size": 8, "symbol": symbols[goal_id], "line": charts.outline(look["color"])},
                customdata=measured["value"],
                hovertemplate=f"{title}<br>%{{x|{day}}}: %{{y:.0f}} %<extra></extra>",
            )
        )
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(rows["date"]),
                y=rows["expected"],
                mode="lines",
                name=t("goalspage.series.expected", language, title=title),
                line={"color": look["color"], "width": 1.5, "dash": "dot"},
                showlegend=False,
                hovertemplate=t("strategy.expected", language) + f" %{{x|{day}}}: %{{y:.0f}} %<extra></extra>",
            )
        )
    fig.add_hline(
        y=100,
        line={"color": "#000000", "dash": "dash", "width": 1},
        annotation_text=t("goalspage.series.target_line", language),
        annotation_position="top left",
    )
    fig.update_layout(
        title=t("goalspage.series.chart_title", language),
        xaxis=charts.date_axis(series["date"], language, title=t("goalspage.series.date", language)),
        # From 0 to at least the 100 % line, and every measurement inside.
        yaxis={
            "ticksuffix": " %",
            "title": t("strategy.fulfilment", language),
            "range": charts.value_range([*series["fulfilment_raw"], *series["expected"]], 0, 110),
        },
        legend={"orientation": "h", "y": -0.25},
        height=460,
    )
    return charts.style(fig, language)


# --- candidates (page Partnere) -------------------------------------------------------------------


def spread(
    xs: Sequence[float], ys: Sequence[float], radius: float = JITTER
) -> tuple[list[float], list[float], list[str]]:
    """Where to draw dots that may share a spot, and where to write their names.

    Dots on the same spot sit on a small circle around it instead of on top of each other, each name
    written on the outer side of its dot, so neither dots nor names cover one another; a dot alone
    stays where it is with its name above. Deterministic: the same data always gives the same drawing.
    """
    totals: dict[tuple[float, float], int] = {}
    for spot in zip(xs, ys, strict=True):
        totals[spot] = totals.get(spot, 0) + 1
    seen: dict[tuple[float, float], int] = {}
    out_x, out_y, places = [], [], []
    for spot in zip(xs, ys, strict=True):
        count, index = totals[spot], seen.get(spot, 0)
        seen[spot] = index + 1
        if count == 1:
            out_x.append(spot[0])
            out_y.append(spot[1])
            places.append("top center")
            continue
        angle = 2 * math.pi * index / count
        dx, dy = math.cos(angle), math.sin(angle)
        out_x.append(spot[0] + radius * dx)
        out_y.append(spot[1] + radius * dy)
        vertical = "top" if dy > 0.3 else "bottom" if dy < -0.3 else "middle"
        horizontal = "right" if dx > 0.3 else "left" if dx < -0.3 else "center"
        places.append(f"{vertical} {horizontal}")
    return out_x, out_y, places


def _group_areas(fig: go.Figure, areas: Mapping[tuple[bool, bool], tuple[str, str]]) -> None:
    """Shade the four groups (split at ``HIGH_AT``) and write each group's name in its corner.

    ``areas`` maps (high on x, high on y) to (name, colour).
    """
    low, high = candidates.SCORE_RANGE[0] - 0.5, candidates.SCORE_RANGE[1] + 0.5
    split = candidates.HIGH_AT - 0.5
    for (x_high, y_high), (name, colour) in areas.items():
        x0, x1 = (split, high) if x_high else (low, split)
        y0, y1 = (split, high) if y_high else (low, split)
        fig.add_shape(
            type="rect", x0=x0, x1=x1, y0=y0, y1=y1, fillcolor=colour, opacity=0.12, line_width=0, layer="below"
        )
        fig.add_annotation(
            x=x1 - 0.06 if x_high else x0 + 0.06,
            y=y1 - 0.06,
            text=f"<b>{escape(name)}</b>",
            showarrow=False,
            xanchor="right" if x_high else "left",
            yanchor="top",
            font={"color": charts.text_colour(colour), "size": 13},
        )


def _axis(title: str) -> dict[str, Any]:
    """A 1-5 axis with room around the ends, so dots on 1 and 5 are drawn whole."""
    low, high = candidates.SCORE_RANGE
    return {"title": title, "range": [low - 0.5, high + 0.5], "dtick": 1, "showgrid": False, "zeroline": False}


def _group_chart(
    points: pd.DataFrame,
    language: str,
    *,
    x: str,
    y: str,
    areas: Mapping[tuple[bool, bool], tuple[str, str]],
    hover: Sequence[str],
    marker: dict[str, Any],
    titles: tuple[str, str, str],
) -> go.Figure:
    """One dot per organisation of ``points`` (its name written by it): the score ``x`` across and ``y``
    up, on the four shaded groups of ``areas`` (see :func:`_group_areas`).

    ``hover`` is each dot's hover text, ``marker`` the dots' plotly marker, and ``titles`` the chart's
    title and the titles of its x and y axes.
    """
    fig = go.Figure()
    _group_areas(fig, areas)
    xs, ys, places = spread(points[x].astype(float).tolist(), points[y].astype(float).tolist())
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=[escape(n) for n in points["name"]],
            textposition=places,
            textfont={"size": 12},
            hovertext=list(hover),
            hovertemplate="%{hovertext}<extra></extra>",
            meta="points",
            customdata=points["organisation_id"].tolist(),
            showlegend=False,
            marker=marker,
        )
    )
    title, x_title, y_title = titles
    fig.update_layout(title=title, height=560, xaxis=_axis(x_title), yaxis=_axis(y_title))
    return charts.style(fig, language)


def stakeholder_figure(points: pd.DataFrame, language: str) -> go.Figure:
    """Influence (up) × interest (across), one dot per organisation, on the four shaded groups."""
    areas = {
        (True, True): (t("partners.quadrant.manage_closely", language), QUADRANT_COLOURS["manage_closely"]),
        (False, True): (t("partners.quadrant.keep_satisfied", language), QUADRANT_COLOURS["keep_satisfied"]),
        (True, False): (t("partners.quadrant.keep_informed", language), QUADRANT_COLOURS["keep_informed"]),
        (False, False): (t("partners.quadrant.monitor", language), QUADRANT_COLOURS["monitor"]),
    }
    scale = escape(t("charts.unit.scale", language))
    hover = [
        f"<b>{escape(row.name)}</b><br>{escape(t('partners.col.influence', language))}: {row.influence} {scale}"
        f"<br>{escape(t('partners.col.interest', language))}: {row.interest} {scale}"
        f"<br>{escape(t(f'partners.quadrant.{row.quadrant}', language))}"
        for row in points.itertuples(index=False)
    ]
    marker = {"size": 14, **charts.marker([QUADRANT_COLOURS[q] for q in points["quadrant"]])}
    titles = (
        t("partners_page.matrix.title", language),
        t("partners_page.matrix.x", language),
        t("partners_page.matrix.y", language),
    )
    return _group_chart(
        points, language, x="interest", y="influence", areas=areas, hover=hover, marker=marker, titles=titles
    )


def value_effort_figure(points: pd.DataFrame, language: str) -> go.Figure:
    """Value (up) × effort (across), a bubble per organisation sized by its reach in the network."""
    areas = {
        (False, True): (t("partners.value_effort.quick_win", language), GROUP_COLOURS["quick_win"]),
        (True, True): (t("partners.value_effort.major_project", language), GROUP_COLOURS["major_project"]),
        (False, False): (t("partners.value_effort.fill_in", language), GROUP_COLOURS["fill_in"]),
        (True, False): (t("partners.value_effort.questionable", language), GROUP_COLOURS["questionable"]),
    }
    reach_label = escape(t("partners_page.hover.reach", language))
    scale = escape(t("charts.unit.scale", language))
    hover = [
        f"<b>{escape(row.name)}</b><br>{escape(t('partners.col.value', language))}: {row.value} {scale}"
        f"<br>{escape(t('partners.col.effort', language))}: {row.effort} {scale}"
        f"<br>{reach_label}: {format_percent(round(row.reach * 100), language)}"
        f"<br>{escape(t(f'partners.value_effort.{row.group}', language))}"
        for row in points.itertuples(index=False)
    ]
    marker = {
        "size": points["size"].tolist(),
        "sizemode": "diameter",
        "opacity": 0.8,
        **charts.marker([GROUP_COLOURS[g] for g in points["group"]]),
    }
    titles = (
        t("partners_page.value_effort.title", language),
        t("partners_page.value_effort.x", language),
        t("partners_page.value_effort.y", language),
    )
    return _group_chart(points, language, x="effort", y="value", areas=areas, hover=hover, marker=marker, titles=titles)


# --- partnerships --------------------------------------------------------------------------------


def stage_chart(counts: Mapping[str, int], language: str) -> go.Figure:
    """A bar per pipeline column with its number of partnerships (the shared template); ideas and ended
    partnerships in grey, the stages under way in blue."""
    stages = list(ps.PIPELINE_COLUMNS)
    unit = t("charts.unit.partnerships", language)
    fig = go.Figure(
        go.Bar(
            x=[t(f"partnerships.stage.{s}", language) for s in stages],
            y=[counts.get(s, 0) for s in stages],
            marker=charts.marker([charts.CATEGORY_COLOURS["pipeline"].get(s, charts.BLUE) for s in stages]),
            hovertemplate="%{x}: %{y} " + unit + "<extra></extra>",
        )
    )
    fig.update_layout(
        title=t("partnerships_page.chart.title", language),
        height=300,
        showlegend=False,
        yaxis={
            "title": t("partnerships_page.chart.count", language),
            "dtick": 1,
            "range": [0, max([*counts.values(), 1]) * 1.1],
        },
    )
    return charts.style(fig, language)


# --- evaluations ---------------------------------------------------------------------------------


def _band_areas(fig: go.Figure, language: str, axis: str) -> None:
    """The three reading bands as faint areas with their names, and the 3.0 and 4.0 lines."""
    for name, (low, high) in BAND_RANGES.items():
        area = {
            "fillcolor": BAND_COLOURS[name],
            "opacity": 0.08,
            "line_width": 0,
            "layer": "below",
            "annotation_text": t(f"evaluations.band.{name}", language),
            "annotation_font": {"color": charts.text_colour(BAND_COLOURS[name]), "size": 12},
        }
        if axis == "y":
            fig.add_hrect(y0=low, y1=high, annotation_position="top right", **area)
        else:
            # Above the plot: inside it the names would sit under the first bars.
            fig.add_vrect(x0=low, x1=high, annotation_position="outside top", **area)
    for at in (ev.DISCUSS_AT, ev.STRENGTH_AT):
        line = {"line": {"color": "#555555", "dash": "dash", "width": 1}}
        if axis == "y":
            fig.add_hline(y=at, **line)
        else:
            fig.add_vline(x=at, **line)


def scores_figure(scores: pd.DataFrame, side: str, language: str) -> go.Figure:
    """One line per dimension, one point per round: the mean of ``side`` (library, partner or all)."""
    shown = scores[scores["side"] == side]
    day = "%d-%m-%Y" if language == "da" else "%Y-%m-%d"
    mean, scale = t("charts.hover.mean", language), t("charts.unit.scale", language)
    answers = t("charts.hover.respondents", language)
    fig = go.Figure()
    _band_areas(fig, language, "y")
    for index, dimension in enumerate(ev.DIMENSIONS):
        rows = shown[shown["dimension"] == dimension]
        name = t(f"evaluations.dimension.{dimension}", language)
        words = [t(f"evaluations.band.{b}", language) for b in rows["band"]]
        colour = DIMENSION_COLOURS[dimension]
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(rows["held_on"]),
                y=rows["mean"],
                mode="lines+markers",
                name=name,
                meta=dimension,
                line={"color": colour, "width": 3},
                marker={"size": 9, "symbol": charts.series_symbol(index), "line": charts.outline(colour)},
                customdata=list(
                    zip(charts.escape_all(rows["round_title"].fillna("")), words, rows["respondents"], strict=True)
                ),
                hovertemplate=(
                    f"{name}<br>%{{x|{day}}} %{{customdata[0]}}<br>{mean} %{{y:.2f}} {scale}"
                    f" · %{{customdata[1]}}<br>{answers}: %{{customdata[2]}}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        title=t("evaluations_page.scores.chart_title", language, side=t(f"evaluations.side.{side}", language)),
        # The rounds' own dates as ticks: two rounds a day apart no longer get "12-03-2026" twice.
        xaxis=charts.date_axis(shown["held_on"], language, title=t("evaluations_page.scores.date", language)),
        yaxis={"range": [1, 5.05], "dtick": 1, "title": t("evaluations_page.mean_axis", language)},
        legend={"orientation": "h", "y": -0.2},
        height=440,
    )
    return charts.style(fig, language)


def items_figure(items: pd.DataFrame, language: str) -> go.Figure:
    """One horizontal bar per answered item (its wording as label), coloured by band, both sides' mean."""
    fig = go.Figure()
    _band_areas(fig, language, "x")
    labels = charts.escape_all(items["text"])
    for index, name in enumerate(ev.BANDS):
        rows = items[items["band"] == name]
        if rows.empty:
            continue
        word = t(f"evaluations.band.{name}", language)
        # The scale starts at 1, so the bars do too (base=1, length mean - 1).
        fig.add_trace(
            go.Bar(
                x=rows["all"] - 1,
                base=1,
                y=charts.escape_all(rows["text"]),
                orientation="h",
                name=word,
                meta=name,
                # The band shows in the fill pattern too, not by colour alone.
                marker={
                    "color": BAND_COLOURS[name],
                    "line": charts.outline(BAND_COLOURS[name]),
                    "pattern": charts.series_pattern(index),
                },
                customdata=rows["all"],
                # The band's word on every bar, not only in the legend: colour is never the only sign.
                text=[f"{format_number(round(v, 1), language, 1)} · {word}" for v in rows["all"]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=(
                    f"%{{y}}<br>{t('charts.hover.mean', language)} %{{customdata:.2f}} "
                    f"{t('charts.unit.scale', language)} · {word}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        title=t("evaluations_page.items.chart_title", language),
        # Room to the right for the words on the bars; ticks only on the 1-5 scale.
        xaxis={"range": [1, 6.2], "tickvals": [1, 2, 3, 4, 5], "title": t("evaluations_page.mean_axis", language)},
        yaxis={"categoryorder": "array", "categoryarray": labels, "autorange": "reversed"},
        barmode="overlay",
        height=max(320, 140 + 34 * len(items)),
        legend=TOP_LEGEND,
        margin={"t": 90},
    )
    return charts.style(fig, language)


def gap_rows(gaps: ev.Gaps, level: str, language: str) -> pd.DataFrame:
    """The rows of the gap chart: ``label``, ``library``, ``partner``, ``gap``, ``flagged``; ``level`` is
    "dimension" or "item"."""
    if level == "item":
        frame = gaps.items.copy()
        frame["label"] = [ev.item_text(code, language) for code in frame["item"]]
    else:
        frame = gaps.dimensions.copy()
        frame["label"] = [t(f"evaluations.dimension.{d}", language) for d in frame["dimension"]]
    return frame[["label", "library", "partner", "gap", "flagged"]]


def gaps_figure(rows: pd.DataFrame, language: str) -> go.Figure:
    """A dumbbell per row: the library's and the partner's mean joined by a line."""
    fig = go.Figure()
    _band_areas(fig, language, "x")
    joined_x: list[float | None] = []
    joined_y: list[str | None] = []
    for row in rows.itertuples():
        if not is_missing(row.library) and not is_missing(row.partner):
            joined_x += [row.library, row.partner, None]
            joined_y += [charts.escape(row.label), charts.escape(row.label), None]
    fig.add_trace(
        go.Scatter(
            x=joined_x,
            y=joined_y,
            mode="lines",
            line={"color": charts.GREY, "width": 4},
            hoverinfo="skip",
            showlegend=False,
            meta="gap",
        )
    )
    for side in ev.SIDES:
        word = t(f"evaluations.side.{side}", language)
        answered = rows[[not is_missing(v) for v in rows[side]]]
        fig.add_trace(
            go.Scatter(
                x=answered[side],
                y=charts.escape_all(answered["label"]),
                mode="markers",
                name=word,
                meta=side,
                marker={
                    "color": SIDE_COLOURS[side],
                    "size": 14,
                    "symbol": "circle" if side == "library" else "diamond",
                    "line": charts.outline(SIDE_COLOURS[side]),
                },
                hovertemplate=(
                    f"%{{y}}<br>{word}: {t('charts.hover.mean', language)} %{{x:.2f}} "
                    f"{t('charts.unit.scale', language)}<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        title=t("evaluations_page.gaps.chart_title", language),
        xaxis={"range": [1, 5.2], "dtick": 1, "title": t("evaluations_page.mean_axis", language)},
        yaxis={"categoryorder": "array", "categoryarray": charts.escape_all(rows["label"]), "autorange": "reversed"},
        height=max(300, 140 + 40 * len(rows)),
        legend=TOP_LEGEND,
        margin={"t": 90},
    )
    return charts.style(fig, language)
