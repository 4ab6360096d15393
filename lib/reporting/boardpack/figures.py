"""Plotly figures of the board pack's charts, for the presentation page and the PDF.

Each :class:`lib.reporting.boardpack.model.Chart` names a table and its columns; :func:`chart_figure` draws it
with the product's shared look (:func:`lib.core.charts.style`). A chart that carries a ready figure (the
network picture, the checklist radar of :func:`lib.reporting.checklist.radar_figure`) is shown as it is, so the
board sees the same radar as the radar page.

Sizes are for a wide slide or an A4 landscape page: large type, legends below the plot.

Names in a chart (goals, partnerships, organisation types) are data: every text that reaches plotly
is escaped (:func:`lib.core.charts.escape`), while the table keeps it as it is for the PowerPoint chart
and the Excel appendix. Series are looked up in the table by their real names.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from lib.core import charts
from lib.reporting.boardpack.model import Chart, Section

#: Font size of chart text on a board screen or page: readable from the back of a meeting room.
BOARD_FONT = 18
DEFAULT_HEIGHT = 520


def _frame(section: Section, chart: Chart) -> pd.DataFrame:
    return section.table(chart.table).frame


def _values(frame: pd.DataFrame, column: str) -> list[float | None]:
    return [None if value is None or pd.isna(value) else float(value) for value in frame[column]]


def _colour(chart: Chart, index: int) -> str:
    """The colour of the ``index``-th series: the chart's own (a category's colour) or by position."""
    if index < len(chart.colours):
        return chart.colours[index]
    return charts.series_colour(index, line=chart.kind in ("dates", "line", "radar"))


def _unit(chart: Chart) -> str:
    """What the hover writes after a value: the chart's unit ("af 5", "%")."""
    return charts.template_text(chart.unit or chart.y_suffix.strip())


def _dates_figure(chart: Chart, frame: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure()
    day = "%d-%m-%Y" if lang == "da" else "%Y-%m-%d"
    for index, name in enumerate(chart.series):
        points = frame[[chart.category, name]].dropna()
        shown = charts.template_text(name)
        colour = _colour(chart, index)
        dash = chart.dashes[index] if index < len(chart.dashes) else "solid"
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(points[chart.category]),
                y=points[name].astype(float),
                mode="lines+markers",
                name=shown,
                line={"width": 3, "color": colour, "dash": dash},
                marker={"size": 9, "symbol": charts.series_symbol(index), "line": charts.outline(colour)},
                meta=shown,
                hovertemplate=f"{shown}<br>%{{x|{day}}}: %{{y:.1f}} {_unit(chart)}<extra></extra>",
            )
        )
    fig.add_hline(y=100, line={"color": "#000000", "dash": "dash", "width": 1})
    # The measurement dates' own ticks (or months from the span): none written twice.
    fig.update_layout(xaxis=charts.date_axis(frame[chart.category], lang))
    return fig


def _line_figure(chart: Chart, frame: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    categories = charts.escape_all(frame[chart.category].astype(str))
    for index, name in enumerate(chart.series):
        shown = charts.template_text(name)
        colour = _colour(chart, index)
        fig.add_trace(
            go.Scatter(
                x=categories,
                y=_values(frame, name),
                mode="lines+markers",
                name=shown,
                meta=shown,
                line={"width": 3, "color": colour},
                marker={"size": 9, "symbol": charts.series_symbol(index), "line": charts.outline(colour)},
                hovertemplate=f"{shown}<br>%{{x}}: %{{y:.2f}} {_unit(chart)}<extra></extra>",
            )
        )
    fig.update_layout(xaxis={"type": "category"})
    return fig


def _bar_figure(chart: Chart, frame: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    categories = charts.escape_all(frame[chart.category].astype(str))
    for index, name in enumerate(chart.series):
        values = _values(frame, name)
        colour = _colour(chart, index)
        shown = charts.template_text(name)
        # Several series: each its own fill pattern too, so bars differ by more than colour.
        pattern = charts.series_pattern(index) if len(chart.series) > 1 else {"shape": ""}
        marker = {"color": colour, "line": charts.outline(colour), "pattern": pattern}
        # A count's series name is its unit ("Partnerskaber: 3"); a mean names its scale ("3,5 af 5").
        value, category = ("x", "y") if chart.horizontal else ("y", "x")
        number = f"%{{{value}:.2f}} {_unit(chart)}" if chart.unit else f"%{{{value}}}"
        hover = f"%{{{category}}}<br>{shown}: {number}<extra></extra>"
        if chart.horizontal:
            fig.add_trace(
                go.Bar(
                    x=values, y=categories, orientation="h", name=shown, meta=shown, marker=marker, hovertemplate=hover
                )
            )
        else:
            fig.add_trace(go.Bar(x=categories, y=values, name=shown, meta=shown, marker=marker, hovertemplate=hover))
    if chart.horizontal:
        fig.update_layout(yaxis={"autorange": "reversed", "type": "category"})
    else:
        fig.update_layout(xaxis={"type": "category"})
    fig.update_layout(barmode="group", showlegend=len(chart.series) > 1)
    return fig


def _radar_figure(chart: Chart, frame: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    labels = charts.escape_all(frame[chart.category].astype(str))
    for index, name in enumerate(chart.series):
        values = _values(frame, name)
        shown = charts.template_text(name)
        fig.add_trace(
            go.Scatterpolar(
                r=[*values, values[0]],
                theta=[*labels, labels[0]],
                name=shown,
                meta=shown,
                fill="toself",
                mode="lines+markers",
                line={"color": _colour(chart, index), "dash": charts.DASHES[index % len(charts.DASHES)]},
                marker={"symbol": charts.series_symbol(index)},
            )
        )
    return fig


def chart_figure(section: Section, chart: Chart, lang: str, *, height: int = DEFAULT_HEIGHT) -> go.Figure:
    """The plotly figure of ``chart`` (a chart of ``section``), styled for a board screen or page."""
    if chart.figure is not None:
        fig = go.Figure(chart.figure)
    else:
        frame = _frame(section, chart)
        if chart.kind == "dates":
            fig = _dates_figure(chart, frame, lang)
        elif chart.kind == "line":
            fig = _line_figure(chart, frame)
        elif chart.kind == "bar":
            fig = _bar_figure(chart, frame)
        elif chart.kind == "radar":
            fig = _radar_figure(chart, frame)
        else:
            raise ValueError(f"cannot draw a chart of kind {chart.kind!r}")
        _axes(fig, chart)
    charts.style(fig, lang)
    fig.update_layout(
        title={"text": charts.template_text(chart.title), "font": {"size": BOARD_FONT + 4}},
        height=height,
        margin={"l": 20, "r": 20, "t": 70, "b": 20},
    )
    if chart.kind == "picture":
        # A drawing full of names: its own small labels, and the legend beside the rings, where a
        # wide page has room, so the rings themselves can be as large as the height allows.
        fig.update_layout(
            legend={
                "orientation": "v",
                "yanchor": "top",
                "y": 1,
                "xanchor": "left",
                "x": 1.0,
                "font": {"size": BOARD_FONT - 4},
            }
        )
    else:
        fig.update_layout(
            font={"size": BOARD_FONT},
            legend={
                "orientation": "h",
                "yanchor": "top",
                "y": -0.12,
                "xanchor": "left",
                "x": 0,
                "font": {"size": BOARD_FONT - 2},
            },
        )
    return fig


def _axes(fig: go.Figure, chart: Chart) -> None:
    """The value axis: its range, suffix and title (x for sideways bars, radial for a radar)."""
    axis: dict[str, Any] = {}
    if chart.y_range is not None:
        axis["range"] = list(chart.y_range)
    if chart.y_suffix:
        axis["ticksuffix"] = chart.y_suffix
    if chart.y_title and chart.kind != "bar":
        # Bars are read off their own labels; an axis title under them would collide with the legend.
        axis["title"] = {"text": charts.template_text(chart.y_title)}
    counts = _whole_numbers(fig) if chart.kind == "bar" and chart.y_range is None else None
    if counts is not None:
        axis["dtick"] = max(1, math.ceil(counts / 8))
        axis["range"] = [0, max(counts, 1) * 1.08]
    if chart.kind == "radar":
        fig.update_layout(polar={"radialaxis": {k: v for k, v in axis.items() if k == "range"}})
    elif chart.kind == "bar" and chart.horizontal:
        fig.update_layout(xaxis=axis)
    else:
        fig.update_layout(yaxis=axis)


def _whole_numbers(fig: go.Figure) -> float | None:
    """The largest bar value when every value is a whole number (counts: ticks at whole steps), else None."""
    values = [
        v for trace in fig.data for v in ((trace.x if trace.orientation == "h" else trace.y) or ()) if v is not None
    ]
    if not values or any(float(v) != int(v) for v in values):
        return None
    return float(max(values))


def section_figures(section: Section, lang: str, *, height: int = DEFAULT_HEIGHT) -> list[go.Figure]:
    """Every chart of ``section`` as a figure, in order."""
    return [chart_figure(section, chart, lang, height=height) for chart in section.charts]
