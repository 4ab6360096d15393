"""A chart in words: the one-sentence summary under it and the table of its numbers (WCAG 1.1.1).

A chart is a picture; a screen reader, a reader who cannot tell its colours apart and a reader who
wants the exact numbers all need the same facts as text. Both are read off the figure itself, from
its traces, so every chart of the product gets them without its builder doing anything:

* :func:`figure_table`: one row per point (series, point label, x and y; polar charts theta and r;
  heatmaps y, x and the value), the columns named by the chart's axis titles in the reader's language;
* :func:`figure_summary`: one sentence by the kind of chart: a line over dates says where each series
  (up to three) went, bars name the highest and lowest, a polar chart its highest and lowest dimension,
  a heatmap its highest cell, a chart of markers how many points it has and which is highest.

Labels in a plotly figure are HTML-escaped (:func:`lib.core.charts.escape`); here they are plain text
again. Numbers are written as the reader writes them (:func:`lib.core.i18n.format_number`). Traces that
carry no data of their own (``hoverinfo="skip"``: a network's ties, a guide line) are left out.

>>> import plotly.graph_objects as go
>>> fig = go.Figure(go.Bar(name="Antal", x=["Idé", "Aktiv &amp; i gang"], y=[2, 5]))
>>> figure_summary(fig, "da")
'Højest: Aktiv & i gang (5). Lavest: Idé (2).'
>>> figure_table(fig, "en").to_dict("records")
[{'Series': 'Antal', 'X': 'Idé', 'Y': 2}, {'Series': 'Antal', 'X': 'Aktiv & i gang', 'Y': 5}]
>>> figure_summary(go.Figure(), "en")
'The chart has no data yet.'
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.core.charts import _month_label
from lib.core.i18n import format_number, t

__all__ = ["MAX_SERIES", "figure_summary", "figure_table"]

#: A line chart's summary names at most this many series, then how many more there are.
MAX_SERIES = 3
_CARTESIAN = ("scatter", "scattergl", "bar")


@dataclass(frozen=True)
class _Point:
    series: str
    label: str
    x: object
    y: object


def _plain(value: object) -> str:
    """A label of the figure as plain text (plotly's escaped ``&lt;`` back to ``<``)."""
    return html.unescape(str(value)) if value is not None else ""


def _values(values: object) -> list[object]:
    """A trace's array (numpy, tuple, typed array) as a plain list of Python values."""
    if values is None:
        return []
    if isinstance(values, dict) and "bdata" in values and "dtype" in values:
        # plotly's typed array: base64 bytes of a numpy array
        array = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        shape = values.get("shape")
        if shape:
            array = array.reshape([int(n) for n in str(shape).split(",")])
        return _values(array)
    if isinstance(values, np.ndarray):
        if np.issubdtype(values.dtype, np.datetime64):
            return [pd.Timestamp(v).to_pydatetime() if not pd.isna(v) else None for v in values]
        return [v.item() if isinstance(v, np.generic) else v for v in values.tolist()]
    if isinstance(values, (str, bytes)):
        return [values]
    return [v.item() if isinstance(v, np.generic) else v for v in values]  # type: ignore[attr-defined]


def _number(value: object) -> float | None:
    if value is None or isinstance(value, (bool, str, dt.date)):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _add(value: object, base: object) -> object:
    number, start = _number(value), _number(base)
    return value if number is None or start is None else number + start


def _as_day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _axis(fig: go.Figure, name: str) -> Any:
    try:
        return fig.layout[name]
    except (KeyError, ValueError):  # no such axis on this figure
        return None


def _axis_title(fig: go.Figure, name: str) -> str:
    axis = _axis(fig, name)
    text = axis.title.text if axis is not None and axis.title is not None else None
    return _plain(text).replace("<br>", " ") if text else ""


def _is_date_axis(fig: go.Figure, name: str, values: Sequence[object]) -> bool:
    axis = _axis(fig, name)
    if axis is not None and axis.type == "date":
        return True
    shown = [v for v in values if v is not None]
    return bool(shown) and all(isinstance(v, dt.date) for v in shown)


def _data_traces(fig: go.Figure) -> list[Any]:
    return [trace for trace in fig.data if trace.hoverinfo != "skip" and trace.visible is not False]


def _point_labels(trace: Any, count: int) -> list[str]:
    """The words written at each point (a scatter's ``text`` mode), else nothing."""
    if trace.type not in ("scatter", "scattergl") or "text" not in str(trace.mode or ""):
        return [""] * count
    texts = trace.text
    if texts is None or isinstance(texts, str):
        return [_plain(texts) if texts else ""] * count
    labels = [_plain(text) if text is not None else "" for text in _values(texts)]
    return (labels + [""] * count)[:count]


def _cartesian_points(fig: go.Figure, trace: Any) -> list[_Point]:
    xs, ys = _values(trace.x), _values(trace.y)
    count = max(len(xs), len(ys))
    xs = xs or list(range(count))
    ys = ys or list(range(count))
    x_axis = "xaxis" + (str(trace.xaxis)[1:] if trace.xaxis else "")
    y_axis = "yaxis" + (str(trace.yaxis)[1:] if trace.yaxis else "")
    dates_x, dates_y = _is_date_axis(fig, x_axis, xs), _is_date_axis(fig, y_axis, ys)
    labels = _point_labels(trace, count)
    if trace.type == "bar" and trace.base is not None:
        # A bar from ``base``: its value is where it ends (the evaluation scale starts at 1).
        bases = _values(trace.base) if not isinstance(trace.base, (int, float)) else [trace.base] * count
        horizontal = trace.orientation == "h"
        ends = [_add(v, b) for v, b in zip(xs if horizontal else ys, bases, strict=False)]
        xs, ys = (ends, ys) if horizontal else (xs, ends)
    points = []
    for x, y, label in zip(xs, ys, labels, strict=False):
        if y is None and x is None:
            continue
        x_shown = _as_day(x) if dates_x else (_plain(x) if isinstance(x, str) else x)
        y_shown = _as_day(y) if dates_y else (_plain(y) if isinstance(y, str) else y)
        points.append(_Point(_plain(trace.name or ""), label, x_shown, y_shown))
    return points


def _polar_points(trace: Any) -> list[_Point]:
    thetas, rs = _values(trace.theta), _values(trace.r)
    pairs = list(zip(thetas, rs, strict=False))
    if len(pairs) > 1 and pairs[0] == pairs[-1]:
        pairs = pairs[:-1]  # a closed outline repeats its first point
    return [_Point(_plain(trace.name or ""), "", _plain(theta), r) for theta, r in pairs if r is not None]


def _heatmap_points(trace: Any) -> list[_Point]:
    xs, ys = _values(trace.x), _values(trace.y)
    points = []
    for row, values in enumerate(_values(trace.z)):
        for column, value in enumerate(_values(values)):
            if _number(value) is None:
                continue
            x = _plain(xs[column]) if column < len(xs) else column
            y = _plain(ys[row]) if row < len(ys) else row
            points.append(_Point(_plain(trace.name or ""), str(y), x, _number(value)))
    return points


def _kind(trace: Any) -> str:
    if trace.type in ("scatterpolar", "barpolar"):
        return "polar"
    if trace.type == "heatmap":
        return "heatmap"
    if trace.type in _CARTESIAN:
        return "cartesian"
    return "other"


def figure_table(fig: go.Figure, lang: str) -> pd.DataFrame:
    """The numbers of ``fig``, one row per point, columns named in ``lang``.

    Cartesian charts: series, the words at the point (when the chart writes any), x and y, the last two
    named by the axis titles; a date axis holds ``date`` values. Polar charts: series, the dimension
    (theta) and the value (r). Heatmaps: the row (y), the column (x) and the value. Traces that draw no
    data of their own are left out.

    >>> fig = go.Figure(go.Scatterpolar(name="Selv", theta=["A", "B", "A"], r=[3, 4, 3]))
    >>> figure_table(fig, "da").to_dict("records")
    [{'Serie': 'Selv', 'Dimension': 'A', 'Værdi': 3}, {'Serie': 'Selv', 'Dimension': 'B', 'Værdi': 4}]
    >>> heat = go.Figure(go.Heatmap(x=["a", "b"], y=["r"], z=[[1.5, None]]))
    >>> heat.update_layout(xaxis_title="Kolonne")  # doctest: +ELLIPSIS
    Figure(...)
    >>> figure_table(heat, "en").to_dict("records")
    [{'Row': 'r', 'Kolonne': 'a', 'Value': 1.5}]
    """
    rows: list[dict[str, object]] = []
    traces = _data_traces(fig)
    kinds = {_kind(trace) for trace in traces} - {"other"}
    series, label = t("chart_text.col.series", lang), t("chart_text.col.label", lang)
    x_name = _axis_title(fig, "xaxis") or t("chart_text.col.x", lang)
    y_name = _axis_title(fig, "yaxis") or t("chart_text.col.y", lang)
    if y_name == x_name:
        y_name = f"{y_name} (y)"
    if kinds == {"heatmap"}:
        row_name = _axis_title(fig, "yaxis") or t("chart_text.col.row", lang)
        column_name = _axis_title(fig, "xaxis") or t("chart_text.col.column", lang)
        value = t("chart_text.col.value", lang)
        for trace in traces:
            for point in _heatmap_points(trace):
                rows.append({row_name: point.label, column_name: point.x, value: point.y})
        return pd.DataFrame(rows, columns=[row_name, column_name, value])
    if kinds == {"polar"}:
        theta, r = t("chart_text.col.theta", lang), t("chart_text.col.value", lang)
        for trace in traces:
            for point in _polar_points(trace):
                rows.append({series: point.series, theta: point.x, r: point.y})
        return pd.DataFrame(rows, columns=[series, theta, r])
    points = [p for trace in traces if _kind(trace) == "cartesian" for p in _cartesian_points(fig, trace)]
    with_labels = any(point.label for point in points)
    columns = [series, *([label] if with_labels else []), x_name, y_name]
    for point in points:
        row: dict[str, object] = {series: point.series}
        if with_labels:
            row[label] = point.label
        row[x_name], row[y_name] = point.x, point.y
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


# --- the summary --------------------------------------------------------------------------------------


def _number_text(value: float, lang: str, suffix: str = "") -> str:
    return format_number(round(value, 1) if not float(value).is_integer() else value, lang) + suffix


def _suffix(fig: go.Figure, name: str) -> str:
    axis = _axis(fig, name)
    return str(axis.ticksuffix) if axis is not None and axis.ticksuffix else ""


def _day_text(day: dt.date, lang: str) -> str:
    return _month_label(day, lang)


def _line_sentence(name: str, points: list[tuple[dt.date, float]], lang: str, suffix: str) -> str:
    (start, first), (end, last) = points[0], points[-1]
    first_text, last_text = _number_text(first, lang, suffix), _number_text(last, lang, suffix)
    span = {"start": _day_text(start, lang), "end": _day_text(end, lang)}
    if len(points) == 1:
        return t("chart_text.line.single", lang, series=name, value=first_text, start=span["start"])
    if first_text == last_text:
        return t("chart_text.line.flat", lang, series=name, value=first_text, **span)
    key = "chart_text.line.rose" if last > first else "chart_text.line.fell"
    return t(key, lang, series=name, first=first_text, last=last_text, **span)


def _lines_summary(fig: go.Figure, lang: str) -> str | None:
    """Where each series of a chart over dates went, or None when ``fig`` is no such chart."""
    series: dict[str, list[tuple[dt.date, float]]] = {}
    traces = [trace for trace in _data_traces(fig) if _kind(trace) == "cartesian" and trace.type != "bar"]
    in_legend = [trace for trace in traces if trace.showlegend is not False]
    for trace in in_legend or traces:  # a goal's line, not the dotted "expected" line beside it
        for point in _cartesian_points(fig, trace):
            value = _number(point.y)
            if isinstance(point.x, dt.date) and value is not None:
                series.setdefault(point.series or point.label, []).append((point.x, value))
    if not series:
        return None
    suffix = _suffix(fig, "yaxis")
    sentences = [
        _line_sentence(name or t("chart_text.col.y", lang), sorted(points, key=lambda p: p[0]), lang, suffix)
        for name, points in list(series.items())[:MAX_SERIES]
    ]
    text = "; ".join(sentences)
    if len(series) > MAX_SERIES:
        text += " " + t("chart_text.line.more", lang, count=len(series) - MAX_SERIES)
    return text + "."


def _value_and_name(
    fig: go.Figure, trace: Any, point: _Point, several: bool, lang: str
) -> tuple[float, str, str] | None:
    """A point's value (the numeric axis; y when both are), its name and the axis suffix of the value."""
    y, x = _number(point.y), _number(point.x)
    horizontal = trace.type == "bar" and trace.orientation == "h"
    if horizontal or (y is None and x is not None):
        value, category, axis = x, point.y, "xaxis"
    else:
        value, category, axis = y, point.x, "yaxis"
    if value is None:
        return None
    name = point.label or (str(category) if _number(category) is None and category is not None else "")
    if isinstance(category, dt.date):
        name = _day_text(category, lang)
    if several and point.series:
        name = f"{name} – {point.series}" if name else point.series
    return value, name or point.series, _suffix(fig, axis)


def _extremes_summary(fig: go.Figure, lang: str, kind: str) -> str | None:
    traces = [trace for trace in _data_traces(fig) if _kind(trace) == "cartesian"]
    traces = [trace for trace in traces if (trace.type == "bar") == (kind == "bars")]
    named = {trace.name for trace in traces if trace.name}
    values: list[tuple[float, str, str]] = []
    for trace in traces:
        for point in _cartesian_points(fig, trace):
            found = _value_and_name(fig, trace, point, len(named) > 1, lang)
            if found is not None:
                values.append(found)
    if not values:
        return None
    high = max(values, key=lambda v: v[0])
    low = min(values, key=lambda v: v[0])
    highs = _names([v for v in values if v[0] == high[0]])
    if kind == "points":
        return t(
            "chart_text.points",
            lang,
            count=len(values),
            names=highs,
            value=_number_text(high[0], lang, high[2]),
        )
    return t(
        "chart_text.bars",
        lang,
        high=highs,
        high_value=_number_text(high[0], lang, high[2]),
        low=_names([v for v in values if v[0] == low[0]]),
        low_value=_number_text(low[0], lang, low[2]),
    )


def _names(values: list[tuple[float, str, str]], most: int = 3) -> str:
    names = list(dict.fromkeys(name for _, name, _ in values))
    return ", ".join(names[:most]) + (" …" if len(names) > most else "")


def _polar_summary(fig: go.Figure, lang: str) -> str | None:
    sentences = []
    for trace in _data_traces(fig)[:MAX_SERIES]:
        points = [p for p in _polar_points(trace) if _number(p.y) is not None]
        if not points:
            continue
        high = max(points, key=lambda p: float(p.y))  # type: ignore[arg-type]
        low = min(points, key=lambda p: float(p.y))  # type: ignore[arg-type]
        series = trace.name and _plain(trace.name) or t("chart_text.col.value", lang)
        high_value = _number_text(float(high.y), lang)  # type: ignore[arg-type]
        if len(points) == 1:  # "highest on X, lowest on X" would say nothing
            sentences.append(t("chart_text.polar.single", lang, series=series, name=high.x, value=high_value))
        elif float(high.y) == float(low.y):  # type: ignore[arg-type]
            sentences.append(t("chart_text.polar.even", lang, series=series, count=len(points), value=high_value))
        else:
            sentences.append(
                t(
                    "chart_text.polar",
                    lang,
                    series=series,
                    high=high.x,
                    high_value=high_value,
                    low=low.x,
                    low_value=_number_text(float(low.y), lang),  # type: ignore[arg-type]
                )
            )
    return "; ".join(sentences) + "." if sentences else None


def _heatmap_summary(fig: go.Figure, lang: str) -> str | None:
    points = [p for trace in _data_traces(fig) for p in _heatmap_points(trace)]
    if not points:
        return None
    high = max(points, key=lambda p: float(p.y))  # type: ignore[arg-type]
    return t("chart_text.heatmap", lang, row=high.label, column=high.x, value=_number_text(float(high.y), lang))  # type: ignore[arg-type]


def figure_summary(fig: go.Figure, lang: str) -> str:
    """One sentence that says what ``fig`` shows, in ``lang``.

    >>> import datetime as dt
    >>> days = [dt.date(2026, 2, 3), dt.date(2026, 11, 1)]
    >>> fig = go.Figure(go.Scatter(name="Samarbejde", x=days, y=[3.3, 3.94], mode="lines"))
    >>> figure_summary(fig, "da")
    'Samarbejde steg fra 3,3 til 3,9 (feb. 2026 – nov. 2026).'
    >>> figure_summary(fig, "en")
    'Samarbejde rose from 3.3 to 3.9 (Feb 2026 – Nov 2026).'
    >>> flat = go.Figure(go.Scatter(name="Fremdrift", x=days, y=[4, 4], mode="lines"))
    >>> figure_summary(flat, "da")
    'Fremdrift var uændret på 4 (feb. 2026 – nov. 2026).'
    >>> points = go.Figure(go.Scatter(x=[1, 2, 3], y=[2, 5, 1], text=["a", "b", "c"], mode="markers+text"))
    >>> figure_summary(points, "da")
    'Diagrammet viser 3 punkter; højest er b (5).'
    """
    traces = _data_traces(fig)
    kinds = {_kind(trace) for trace in traces}
    text: str | None = None
    if kinds == {"heatmap"}:
        text = _heatmap_summary(fig, lang)
    elif kinds == {"polar"}:
        text = _polar_summary(fig, lang)
    elif "cartesian" in kinds:
        lines = [tr for tr in traces if tr.type != "bar" and "lines" in str(tr.mode or "")]
        bars = [tr for tr in traces if tr.type == "bar"]
        if lines:
            text = _lines_summary(fig, lang)
        if text is None and bars:
            text = _extremes_summary(fig, lang, "bars")
        if text is None:
            text = _extremes_summary(fig, lang, "points")
    return text or t("chart_text.empty", lang)
