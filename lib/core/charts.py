"""The one look of every chart in the product: a shared plotly template.

Every figure the product draws goes through :func:`style`, so the network, the radar chart and the
board report share fonts, colours and margins, and Danish readers see a decimal comma (plotly's
``separators``). Pages render figures with ``components.charts.show_chart``, which calls
``st.plotly_chart(fig, theme=None)``: Streamlit's own theme would otherwise restyle the figure on
screen, and a PNG or SVG export (which never sees that theme) would no longer match what the user saw.

Text from the data is never markup. Plotly reads a few HTML tags in every label, hover text, tick
label, legend name, annotation and title (``<a href>`` becomes a live link, ``<span style>`` styled
text), in the browser and in kaleido's pictures alike, so every builder passes such text through
:func:`escape` (plotly shows ``&lt;`` as ``<``); text written into a ``hovertemplate`` goes through
:func:`template_text`, so it is no template either. Only plotly gets escaped text: the board pack's
native PowerPoint charts and every table show the text as it is.

The rules every chart keeps (tested in ``tests/core/test_chart_rules.py``):

* *Colours* are the Okabe-Ito set (:data:`OKABE_ITO`), told apart with every common colour-vision
  deficiency, plus :data:`GREY` for "unknown" and "other". A category of a fixed vocabulary (a goal
  status, an evaluation band, dimension or side, a sector, a kind of node) has one colour
  everywhere (:func:`category_colour`); an open set (goals, organisation types) gets its colours by
  its place in an order the caller gives (:func:`category_colours`), so the same goal keeps its
  colour on the page and in the board pack. Yellow is too light for a thin line on white (1.2:1,
  below the 3:1 that WCAG asks of graphics): lines never get it (:data:`LINE_COLOURS`), and a
  marker or bar in it gets a dark outline (:func:`outline`).
* *Ticks* never repeat: a date axis gets explicit ticks from :func:`date_axis` (the dates
  themselves when they are few, else whole months, quarters or years from the span), written
  "03-02-2026" or "feb. 2026" in Danish.
* *Ranges*: an axis with a fixed range covers every point (:func:`value_range`).
* *Words and numbers*: axis titles and hover texts in the reader's language, the hover naming the
  unit; plotly's ``separators`` give Danish readers "1.234,5".
* *Not by colour alone* (WCAG 1.4.1): series of one chart differ in something besides colour: a marker
  symbol (:func:`series_symbol`) or dash for lines and point groups, a fill pattern
  (:func:`series_pattern`) for bar series, or words at the points. The Okabe-Ito colours stay at least
  ΔE 15 apart under simulated protanopia, deuteranopia and tritanopia.
* *In words* (WCAG 1.1.1): every chart has a title; ``components.charts.show_chart`` draws it with the
  sentence and the table of numbers of ``lib.core.chart_text``.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import plotly.graph_objects as go

from lib.core.dates import as_date

__all__ = [
    "CATEGORY_COLOURS",
    "COLORWAY",
    "DASHES",
    "FONT_FAMILY",
    "GREY",
    "LINE_COLOURS",
    "OKABE_ITO",
    "PATTERNS",
    "PRIMARY",
    "SYMBOLS",
    "TEMPLATE",
    "category_colour",
    "category_colours",
    "contrast",
    "date_axis",
    "date_ticks",
    "escape",
    "escape_all",
    "marker",
    "outline",
    "separators",
    "series_colour",
    "series_pattern",
    "series_style",
    "series_symbol",
    "series_symbols",
    "style",
    "template",
    "template_text",
    "series_styles",
    "text_colour",
    "value_range",
]

#: The product's primary colour (also Streamlit's ``primaryColor`` in ``.streamlit/config.toml``): titles
#: and headings of the board pack; marks in charts take :data:`OKABE_ITO` colours.
PRIMARY = "#1f5f8b"
#: Neutral grey for "unknown", "other" and background marks.
GREY = "#a3abb3"
#: Okabe & Ito's colour-blind safe set (2008), by name.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
BLACK, ORANGE, SKY_BLUE, GREEN = (OKABE_ITO[k] for k in ("black", "orange", "sky_blue", "bluish_green"))
YELLOW, BLUE, VERMILLION, PURPLE = (OKABE_ITO[k] for k in ("yellow", "blue", "vermillion", "reddish_purple"))
#: The order series take the colours in: the eight Okabe-Ito colours, yellow last.
COLORWAY = (BLUE, ORANGE, GREEN, PURPLE, SKY_BLUE, VERMILLION, BLACK, YELLOW)
#: Colours a line may have: every colour of :data:`COLORWAY` but yellow, which at 1.3:1 on white all but
#: disappears as a line (orange and sky blue, at 2.3:1, are drawn at least 3 px wide with outlined markers).
LINE_COLOURS = tuple(colour for colour in COLORWAY if colour != YELLOW)
#: Dash patterns that tell series apart once the colours are used up (colour first, then the dash).
DASHES = ("solid", "dash", "dot", "dashdot")
#: Marker symbols that tell the lines or point groups of one chart apart without their colours (WCAG 1.4.1).
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "triangle-down", "star", "cross")
#: Fill patterns that tell the bar series of one chart apart without their colours (the first is plain).
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
#: The colour of each category of a fixed vocabulary, the same in every chart and the board pack.
#: Within a page no two categories share a colour where both are drawn (the evaluation page uses all
#: eight: three bands, three dimensions, two sides).
CATEGORY_COLOURS: dict[str, dict[str, str]] = {
    "goal_status": {"on_track": GREEN, "at_risk": ORANGE, "off_track": VERMILLION, "no_data": GREY},
    "band": {"strength": GREEN, "discuss": ORANGE, "concern": VERMILLION},
    "dimension": {"samarbejde": BLUE, "fremdrift": SKY_BLUE, "resultater": PURPLE},
    "side": {"library": BLACK, "partner": YELLOW},
    "radar": {"self": BLUE, "evidence": ORANGE},
    "sector": {"public": BLUE, "private": VERMILLION, "civil": GREEN},
    "node_kind": {"library": BLACK, "organisation": GREEN, "staff": ORANGE, "contact": SKY_BLUE},
    "quadrant": {"manage_closely": VERMILLION, "keep_satisfied": ORANGE, "keep_informed": BLUE, "monitor": GREY},
    "value_effort": {"quick_win": GREEN, "major_project": BLUE, "fill_in": GREY, "questionable": VERMILLION},
    "competence_group": {"network_lead": BLUE, "partnership_owner": ORANGE, "all_staff": GREEN},
    "pipeline": {"idea": GREY, "ended": GREY},
}
#: Streamlit's font first, so charts on screen read like the page around them.
FONT_FAMILY = '"Source Sans Pro", "Source Sans 3", "Helvetica Neue", Arial, sans-serif'
_TEXT = "#262730"
_GRID = "#e6e9ef"
#: The dark rim of a light marker (:func:`outline`).
OUTLINE = _TEXT

TEMPLATE = go.layout.Template(
    layout={
        "font": {"family": FONT_FAMILY, "size": 14, "color": _TEXT},
        "colorway": list(COLORWAY),
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "title": {"x": 0.0, "xanchor": "left", "font": {"size": 18}},
        "hoverlabel": {
            "bgcolor": "white",
            "bordercolor": _GRID,
            "font": {"family": FONT_FAMILY, "size": 13, "color": _TEXT},
        },
        "legend": {"bgcolor": "rgba(255,255,255,0.8)", "font": {"size": 13}},
        "xaxis": {"gridcolor": _GRID, "zeroline": False, "linecolor": _GRID, "automargin": True},
        "yaxis": {"gridcolor": _GRID, "zeroline": False, "linecolor": _GRID, "automargin": True},
        "polar": {"radialaxis": {"gridcolor": _GRID}, "angularaxis": {"gridcolor": _GRID}},
    }
)


def escape(value: object) -> str:
    """``value`` as text plotly shows literally: ``&``, ``<`` and ``>`` escaped."""
    return html.escape(str(value), quote=False)


def escape_all(values: Iterable[object]) -> list[str]:
    """:func:`escape` of each of ``values``, in order (categories, tick labels, hover texts)."""
    return [escape(value) for value in values]


def template_text(value: object) -> str:
    """``value`` escaped for a place plotly fills in (``hovertemplate``, a trace name): as
    :func:`escape`, and a ``%{`` in it is written as an entity, so it shows as typed and is never
    replaced by the point's data."""
    return escape(value).replace("%{", "%&#123;")


def series_colour(index: int, *, line: bool = False) -> str:
    """The colour of the ``index``-th series of a chart: :data:`COLORWAY` in order (:data:`LINE_COLOURS`
    for lines), from the start again after its last colour."""
    palette = LINE_COLOURS if line else COLORWAY
    return palette[index % len(palette)]


def series_style(index: int) -> dict[str, str]:
    """Colour and dash of the ``index``-th line: every line colour solid first, then dashed, then
    dotted, so up to 28 lines differ in colour or dash."""
    return {"color": series_colour(index, line=True), "dash": DASHES[(index // len(LINE_COLOURS)) % len(DASHES)]}


def series_symbol(index: int) -> str:
    """The marker symbol of the ``index``-th line or point group of a chart (:data:`SYMBOLS` in order),
    so two series differ in shape as well as colour."""
    return SYMBOLS[index % len(SYMBOLS)]


def series_symbols(order: Iterable[Hashable]) -> dict[Hashable, str]:
    """:func:`series_symbol` of each of ``order`` by its place in it (as :func:`series_styles`)."""
    return {key: series_symbol(index) for index, key in enumerate(dict.fromkeys(order))}


def series_pattern(index: int) -> dict[str, str]:
    """The plotly ``marker.pattern`` of the ``index``-th bar series of a chart (:data:`PATTERNS`), drawn
    over the bar's colour in dark grey or white, whichever stands out."""
    return {"shape": PATTERNS[index % len(PATTERNS)], "fillmode": "overlay"}


def series_styles(order: Iterable[Hashable]) -> dict[Hashable, dict[str, str]]:
    """:func:`series_style` of each of ``order`` (every goal, in one stable order) by its place in it,
    so a line keeps its colour and dash in every chart given the same order."""
    return {key: series_style(index) for index, key in enumerate(dict.fromkeys(order))}


def category_colour(vocabulary: str, code: str) -> str:
    """The colour of ``code`` of a fixed ``vocabulary`` (a key of :data:`CATEGORY_COLOURS`), e.g.
    ``category_colour("band", "concern")``; :data:`GREY` for a code the vocabulary has no colour for."""
    return CATEGORY_COLOURS[vocabulary].get(code, GREY)


def category_colours(order: Iterable[Hashable], *, palette: Sequence[str] = COLORWAY) -> dict[Hashable, str]:
    """A colour for each of ``order`` (an open set: goals, organisation types), by its place in it.

    Pass the whole set in one stable order (every goal, every type drawn on the page), not only what
    one chart shows, so a category keeps its colour in every chart that gets the same order. Beyond
    ``palette`` the colours repeat; a caller that draws more categories than that tells them apart
    another way (a dash, :func:`series_style`) or gathers the rest as "other" in :data:`GREY`.
    """
    return {key: palette[index % len(palette)] for index, key in enumerate(dict.fromkeys(order))}


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour: str, background: str = "#ffffff") -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    first, second = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (first + 0.05) / (second + 0.05)


def outline(colour: str) -> dict[str, Any]:
    """The outline of a marker or bar in ``colour``: dark when ``colour`` has less than 3:1 contrast on
    white (yellow 1.3:1, orange and sky blue 2.3:1), so its shape still stands out against the page; a
    thin white rim, which keeps touching markers apart, otherwise."""
    if contrast(colour) < 3.0:
        return {"color": OUTLINE, "width": 1.5}
    return {"color": "white", "width": 1}


def marker(colours: str | Sequence[str], **extra: Any) -> dict[str, Any]:
    """A plotly ``marker`` in ``colours`` (one, or one per point) with each colour's :func:`outline`;
    ``extra`` (size, symbol) is merged in."""
    if isinstance(colours, str):
        return {"color": colours, "line": outline(colours)} | extra
    rims = [outline(colour) for colour in colours]
    return {
        "color": list(colours),
        "line": {"color": [r["color"] for r in rims], "width": [r["width"] for r in rims]},
    } | extra


def text_colour(colour: str) -> str:
    """``colour`` for words written on white when it has the 4.5:1 contrast text needs, else the page's
    text colour (a band's name over its faint area is then dark, the area keeps the colour)."""
    return colour if contrast(colour) >= 4.5 else _TEXT


# --- axes --------------------------------------------------------------------------------------------

_MONTHS_DA = ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Up to this many different dates, each is a tick of its own; more get ticks at whole months or years.
FEW_DATES = 8


def _month_label(day: dt.date, lang: str) -> str:
    return f"{(_MONTHS_DA if lang == 'da' else _MONTHS_EN)[day.month - 1]} {day.year}"


def date_ticks(dates: Iterable[object], lang: str = "da") -> tuple[list[str], list[str]]:
    """Tick places (ISO dates) and labels for a date axis over ``dates``; no label twice.

    Few dates (up to :data:`FEW_DATES`): each date, written "03-02-2026" (Danish) or "2026-02-03".
    More: the first of every month, every third month, or every year from the span, as few as keep
    at most eight ticks, written "feb. 2026" ("Feb 2026") or "2026".
    """
    days = sorted({day for day in map(as_date, dates) if day is not None})
    if not days:
        return [], []
    if len(days) <= FEW_DATES:
        pattern = "%d-%m-%Y" if lang == "da" else "%Y-%m-%d"
        return [d.isoformat() for d in days], [d.strftime(pattern) for d in days]
    first, last = days[0], days[-1]
    pattern = "%d-%m-%Y" if lang == "da" else "%Y-%m-%d"
    if (last - first).days <= 120:
        # Weeks: every few days from the first date, at most eight ticks, each a different day.
        step = max(1, math.ceil((last - first).days / 7))
        ticks = [first + dt.timedelta(days=step * i) for i in range((last - first).days // step + 1)]
        return [d.isoformat() for d in ticks], [d.strftime(pattern) for d in ticks]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= 8 * 12:
        step = next((s for s in (1, 2, 3, 6, 12) if math.ceil(months / s) <= 8), 12)
    else:
        step = 12 * math.ceil(months / 12 / 8)
    if step >= 12:
        start = dt.date(first.year if first.month == 1 and first.day == 1 else first.year + 1, 1, 1)
        ticks = []
        year = start.year
        while dt.date(year, 1, 1) <= last:
            ticks.append(dt.date(year, 1, 1))
            year += step // 12
        if not ticks:  # a span inside one calendar year: its months instead
            return date_ticks_months(first, last, 3, lang)
        return [d.isoformat() for d in ticks], [str(d.year) for d in ticks]
    return date_ticks_months(first, last, step, lang)


def date_ticks_months(first: dt.date, last: dt.date, step: int, lang: str) -> tuple[list[str], list[str]]:
    """The first day of every ``step``-th month from the first after ``first`` up to ``last``, labelled
    "feb. 2026" (Danish) or "Feb 2026"."""
    month = first.month - 1 + (0 if first.day == 1 else 1)
    year, month = first.year + month // 12, month % 12
    if step in (3, 6, 12):
        # Quarters and half years start in January, April, July and October.
        while month % step:
            year, month = year + (month + 1) // 12, (month + 1) % 12
    ticks = []
    while dt.date(year, month + 1, 1) <= last:
        ticks.append(dt.date(year, month + 1, 1))
        year, month = year + (month + step) // 12, (month + step) % 12
    if not ticks:
        return [first.isoformat()], [first.strftime("%d-%m-%Y" if lang == "da" else "%Y-%m-%d")]
    return [d.isoformat() for d in ticks], [_month_label(d, lang) for d in ticks]


def date_axis(dates: Iterable[object], lang: str = "da", **extra: Any) -> dict[str, Any]:
    """A plotly date axis over ``dates`` with the explicit ticks of :func:`date_ticks` (plotly's own
    ticks on a short span fall every twelve hours, and "dd-mm-yyyy" then writes each day twice);
    ``extra`` is merged in (a title, say)."""
    values, labels = date_ticks(dates, lang)
    axis: dict[str, Any] = {"type": "date", "tickmode": "array", "tickvals": values, "ticktext": labels}
    return axis | extra


def value_range(values: Iterable[object], low: float, high: float, *, pad: float = 0.06) -> list[float]:
    """An axis range from ``low`` to ``high`` widened to cover every one of ``values`` (None and NaN
    ignored), with ``pad`` of the span as room wherever a value lies beyond the given ends."""
    numbers = [float(v) for v in values if v is not None and isinstance(v, (int, float)) and math.isfinite(float(v))]
    smallest, largest = min([low, *numbers]), max([high, *numbers])
    room = (largest - smallest) * pad
    return [smallest - room if smallest < low else low, largest + room if largest > high else high]


def separators(lang: str = "da") -> str:
    """Plotly's decimal and thousands separators for ``lang``: "1.234,5" in Danish."""
    return ",." if lang == "da" else ".,"


def template(lang: str = "da") -> go.layout.Template:
    """:data:`TEMPLATE` with the number separators of ``lang``."""
    result = go.layout.Template(TEMPLATE)
    result.layout.separators = separators(lang)
    return result


def style(fig: go.Figure, lang: str = "da") -> go.Figure:
    """Apply the shared template and separators to ``fig`` (in place) and return it."""
    fig.update_layout(template=template(lang), separators=separators(lang))
    return fig
