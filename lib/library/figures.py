"""The library side's charts: the strengths matrix (page Styrker), a person's competence history and
the team heat map (page Organisation). Pure functions of plain data; names from the data are escaped."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from lib.core import charts
from lib.core.i18n import format_number, t
from lib.library import staff as org

#: Light blue to the product colour: a higher mean is a darker cell, the number is written in it, and an
#: empty cell (nobody rated it) stays white, unlike the lightest blue of a 1.
HEAT_COLOURS = [[0.0, "#d6e4ef"], [0.5, "#8fb3cc"], [1.0, charts.PRIMARY]]
#: Line colours of the three competence areas in a person's history.
GROUP_COLOURS = {group: charts.category_colour("competence_group", group) for group in org.COMPETENCE_GROUPS}


def strengths_matrix_figure(matrix: pd.DataFrame, language: str) -> go.Figure:
    """A heatmap of categories × partner types with the count written in every non-empty cell."""
    x = charts.escape_all(t(f"orgtype.{code}", language) for code in matrix.columns)
    y = charts.escape_all(t(f"strengths.category.{code}", language) for code in matrix.index)
    counts = matrix.to_numpy().tolist()
    fig = go.Figure(
        go.Heatmap(
            z=counts,
            x=x,
            y=y,
            text=[[str(n) if n else "" for n in row] for row in counts],
            texttemplate="%{text}",
            colorscale=[[0, "#ffffff"], [1, charts.BLUE]],
            zmin=0,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{y} · %{x}: %{z} " + t("charts.unit.offers", language) + "<extra></extra>",
        )
    )
    fig.update_layout(
        title=t("strengths_page.matrix.heading", language),
        height=440,
        xaxis={"side": "top", "tickangle": -35, "showgrid": False},
        yaxis={"autorange": "reversed", "showgrid": False},
        margin={"t": 140},
    )
    return charts.style(fig, language)


def competence_history_figure(history: pd.DataFrame, language: str) -> go.Figure:
    """One line per competence area: its mean in each of the person's assessments, oldest first."""
    ordered = history.sort_values("assessed_on")
    day = "%d-%m-%Y" if language == "da" else "%Y-%m-%d"
    mean, scale = t("charts.hover.mean", language), t("charts.unit.scale", language)
    fig = go.Figure()
    for index, (group, colour) in enumerate(GROUP_COLOURS.items()):
        name = t(f"organisation.group.{group}", language)
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(ordered["assessed_on"]),
                y=ordered[f"mean_{group}"],
                mode="lines+markers",
                name=name,
                line={"color": colour, "width": 3},
                marker={"size": 8, "symbol": charts.series_symbol(index), "line": charts.outline(colour)},
                connectgaps=True,
                hovertemplate=f"{name}<br>%{{x|{day}}}: {mean} %{{y:.1f}} {scale}<extra></extra>",
            )
        )
    fig.update_layout(
        title=t("organisation.history.chart_title", language),
        height=340,
        xaxis=charts.date_axis(ordered["assessed_on"], language, title=t("charts.axis.date", language)),
        yaxis={"range": [0.8, 5.2], "dtick": 1, "title": t("organisation.score_axis", language)},
        legend={"orientation": "h", "y": -0.2},
    )
    return charts.style(fig, language)


def team_heatmap_figure(heatmap: org.TeamHeatmap, language: str) -> go.Figure:
    """Teams (rows) by competence items (columns); each cell the team's mean, written in the cell.

    A cell nobody in the team has rated stays empty: no colour, no number.
    """
    means = heatmap.means
    teams = charts.escape_all(team or t("organisation.no_team", language) for team in means.index)
    items = [t(f"organisation.item.{code}", language) for code in means.columns]
    z = [[None if pd.isna(value) else round(float(value), 2) for value in row] for row in means.to_numpy()]
    text = [["" if value is None else format_number(value, language, 1) for value in row] for row in z]
    people = t("organisation.heatmap.hover_people", language)
    custom = [[f"{heatmap.assessed[team]}/{heatmap.members[team]}"] * len(items) for team in means.index]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=items,
            y=teams,
            text=text,
            texttemplate="%{text}",
            customdata=custom,
            zmin=1,
            zmax=5,
            colorscale=HEAT_COLOURS,
            hoverongaps=False,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "1–5"}, "tickvals": [1, 2, 3, 4, 5]},
            hovertemplate=(
                "%{y} · %{x}<br>"
                + t("charts.hover.mean", language)
                + " %{text} "
                + t("charts.unit.scale", language)
                + "<br>%{customdata} "
                + people
                + "<extra></extra>"
            ),
        )
    )
    fig.update_layout(
        title=t("organisation.heatmap.title", language),
        height=160 + 52 * len(teams),
        xaxis={"type": "category", "tickangle": -35, "showgrid": False},
        yaxis={"type": "category", "autorange": "reversed", "showgrid": False},
    )
    return charts.style(fig, language)


__all__ = [
    "GROUP_COLOURS",
    "HEAT_COLOURS",
    "competence_history_figure",
    "strengths_matrix_figure",
    "team_heatmap_figure",
]
