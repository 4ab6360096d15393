"""The network page's drawings: the map of a view and the network around an opened node.

Pure functions of plain data (a :class:`lib.network.page.NetworkView`, its measures and the look the
reader chose); ``lib.network.plotting`` draws, and escapes every name itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from lib.core import charts
from lib.core.i18n import t
from lib.db.revision import RevisionCache
from lib.network import graph as netgraph
from lib.network import plotting
from lib.network.page import SIZE_BY_KIND, SIZE_METRICS, NetworkView, node_label
from lib.network.plot_elements import DIMMED, HIGHLIGHT_EDGE_COLOUR, _lit_edge_trace


@dataclass(frozen=True)
class MapLook:
    """What the reader chose for the map: colour by, size by, names on the map."""

    color_by: str = "kind"
    size_by: str = SIZE_BY_KIND
    labels: bool = False


def hover_metrics(metrics: pd.DataFrame, size_by: str, lang: str) -> dict[Hashable, dict[str, Any]]:
    """Per node the measures its hover box shows: ties, bridge builder, and the size measure."""
    columns = ["degree", "betweenness"]
    if size_by in SIZE_METRICS and size_by not in columns:
        columns.append(size_by)
    names = {column: t(f"network.metric.{column}", lang) for column in columns}
    return {
        node: {names[column]: value for column, value in row.items()}
        for node, row in metrics[columns].to_dict("index").items()
    }


def finished(fig: go.Figure) -> go.Figure:
    """Two touches to a drawing from ``lib.network.plotting`` before it is shown.

    * Node traces are drawn in reverse, so the library and the organisations lie on top of the
      crowd of contacts instead of under it; the legend keeps its order.
    * Hover boxes get dark text: without a font colour plotly writes in the point's own colour,
      which is unreadable in a white box for light colours.
    """
    nodes = [trace for trace in fig.data if trace.customdata is not None]
    if len(nodes) > 1:
        others = [trace for trace in fig.data if trace.customdata is None]
        for rank, trace in enumerate(nodes):
            trace.legendrank = 1000 + rank
        fig.data = tuple(others + nodes[::-1])
    fig.update_layout(hoverlabel={"font": {"color": "#262730"}, "bgcolor": "white"})
    return fig


def _sizes(metrics: pd.DataFrame, size_by: str) -> dict[Hashable, float] | None:
    return metrics[size_by].to_dict() if size_by in SIZE_METRICS else None


#: Drawings per view, look, language and highlighted node: a rerun that changes nothing, or a click
#: back to a node seen before, draws nothing again.
_FIGURES = RevisionCache(max_entries=12)


def _kept(key: Hashable | None, draw: Callable[[], go.Figure]) -> go.Figure:
    return draw() if key is None else _FIGURES.get_or_make(key, draw)


def view_figure(
    view: NetworkView, metrics: pd.DataFrame, look: MapLook, lang: str, highlight: Sequence[Hashable] | None = None
) -> go.Figure:
    """The drawing of ``view`` with the colour, size and names chosen on the map (rings: their own drawing).

    Kept per view (``view.key``), look, language and highlight: shared between sessions, so it is
    shown as it is and never changed."""
    key = None if view.key is None else (view.key, "map", look, lang, tuple(highlight or ()))
    if highlight and view.name != "rings" and view.graph.number_of_nodes() > plotting.WEBGL_THRESHOLD:
        # A click on a big map: the drawing already kept, dimmed, with the opened node and its ties on top.
        base = view_figure(view, metrics, look, lang)
        return _kept(key, lambda: _lit_up(base, view, metrics, look, lang, highlight))
    return _kept(key, lambda: _view_figure(view, metrics, look, lang, highlight))


def _lit_up(
    base: go.Figure, view: NetworkView, metrics: pd.DataFrame, look: MapLook, lang: str, highlight: Sequence[Hashable]
) -> go.Figure:
    """``base`` with everything dimmed and ``highlight``'s nodes and ties drawn over it: a copy of the
    kept drawing plus two small traces, instead of drawing ten thousand points again."""
    G, pos = view.graph, view.positions
    lit = [node for node in highlight if node in G and node in pos]
    fig = go.Figure(data=list(base.data), layout=base.layout)
    fig.update_traces(opacity=DIMMED)
    if not lit:
        return fig
    pairs = [(u, v) for node in lit for u, v in G.edges(node) if u != v and u in pos and v in pos]
    if pairs:
        fig.add_trace(_lit_edge_trace(pairs, pos, lang, webgl=True))
    shown = [node for node in lit if node in metrics.index]
    hover = hover_metrics(metrics.loc[shown], look.size_by, lang)
    fig.add_trace(
        plotting.scatter_type(True)(
            x=[pos[node][0] for node in lit],
            y=[pos[node][1] for node in lit],
            mode="markers",
            marker={"size": 14, "color": "rgba(0,0,0,0)", "line": {"width": 2.5, "color": HIGHLIGHT_EDGE_COLOUR}},
            hovertext=[plotting.node_hover(G, node, hover.get(node), lang) for node in lit],
            hoverinfo="text",
            customdata=[str(node) for node in lit],
            showlegend=False,
        )
    )
    return fig


def _view_figure(
    view: NetworkView, metrics: pd.DataFrame, look: MapLook, lang: str, highlight: Sequence[Hashable] | None
) -> go.Figure:
    hover = hover_metrics(metrics, look.size_by, lang)
    if view.name == "rings":
        return finished(plotting.rings_figure(view.graph, view.rings or {}, lang, hover_metrics=hover, height=800))
    return finished(
        plotting.network_figure(
            view.graph,
            view.positions,
            color_by=look.color_by,
            size_by=_sizes(metrics, look.size_by),
            highlight=highlight,
            lang=lang,
            labels=look.labels,
            hover_metrics=hover,
            communities=metrics["community"].to_dict(),
        )
    )


def ego_figure(
    view: NetworkView, metrics: pd.DataFrame, node: Hashable, radius: int, look: MapLook, lang: str
) -> go.Figure:
    """The network within ``radius`` steps of ``node``, in the places it has on the map, names shown
    (kept as :func:`view_figure` is)."""
    key = None if view.key is None else (view.key, "ego", node, radius, look, lang)
    return _kept(key, lambda: _ego_figure(view, metrics, node, radius, look, lang))


def _ego_figure(
    view: NetworkView, metrics: pd.DataFrame, node: Hashable, radius: int, look: MapLook, lang: str
) -> go.Figure:
    ego = netgraph.ego_network(view.graph, str(node), radius)
    fig = finished(
        plotting.network_figure(
            ego,
            {v: view.positions[v] for v in ego if v in view.positions},
            color_by=look.color_by if view.name != "rings" else "kind",
            size_by=_sizes(metrics, look.size_by),
            lang=lang,
            labels=True,
            hover_metrics=hover_metrics(metrics, look.size_by, lang),
            communities=metrics["community"].to_dict(),
            height=480,
        )
    )
    name = charts.escape(node_label(view.graph, node))
    return fig.update_layout(title={"text": t("chart_title.ego", lang, name=name)})


__all__ = ["MapLook", "ego_figure", "finished", "hover_metrics", "view_figure"]
