"""The one look of every chart in the product: a shared plotly template.

Every figure the product draws goes through :func:`style`, so the network, the radar chart and the
board report share fonts, colours and margins, and Danish readers see a decimal comma (plotly's
``separators``). Pages render figures with ``st.plotly_chart(fig, theme=None)``: Streamlit's own
theme would otherwise restyle the figure on screen, and a PNG or SVG export (which never sees that
theme) would no longer match what the user saw.

Text from the data is never markup. Plotly reads a few HTML tags in every label, hover text, tick
label, legend name, annotation and title (``<a href>`` becomes a live link, ``<span style>`` styled
text), in the browser and in kaleido's pictures alike, so every builder passes such text through
:func:`escape` (plotly shows ``&lt;`` as ``<``); text written into a ``hovertemplate`` goes through
:func:`template_text`, so it is no template either. Only plotly gets escaped text: the board pack's
native PowerPoint charts and every table show the text as it is.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import plotly.graph_objects as go

__all__ = ["COLORWAY", "FONT_FAMILY", "GREY", "PRIMARY", "TEMPLATE", "escape", "escape_all", "separators", "style",
           "template", "template_text"]

#: The product's primary colour (also Streamlit's ``primaryColor`` in ``.streamlit/config.toml``).
PRIMARY = "#1f5f8b"
#: Neutral grey for "unknown", "other" and background marks.
GREY = "#a3abb3"
#: Colour-blind safe categorical colours (Okabe-Ito order), led by the primary colour.
COLORWAY = (PRIMARY, "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#6b4c9a", "#000000")
#: Streamlit's font first, so charts on screen read like the page around them.
FONT_FAMILY = '"Source Sans Pro", "Source Sans 3", "Helvetica Neue", Arial, sans-serif'
_TEXT = "#262730"
_GRID = "#e6e9ef"

TEMPLATE = go.layout.Template(
    layout={
        "font": {"family": FONT_FAMILY, "size": 14, "color": _TEXT},
        "colorway": list(COLORWAY),
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
        "title": {"x": 0.0, "xanchor": "left", "font": {"size": 18}},
        "hoverlabel": {"bgcolor": "white", "bordercolor": _GRID,
                       "font": {"family": FONT_FAMILY, "size": 13, "color": _TEXT}},
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


def series_colour(index: int) -> str:
    """The colour of the ``index``-th series of a chart: :data:`COLORWAY` in order, from the start again
    after its last colour."""
    return COLORWAY[index % len(COLORWAY)]


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
