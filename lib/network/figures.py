"""The network page's drawings: the map of a view and the network around an opened node.

Pure functions of plain data (a :class:`lib.network.page.NetworkView`, its measures and the look the
reader chose); ``lib.network.plotting`` draws, and escapes every name itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib.core import charts
from lib.core.i18n import t
from lib.db.revision import RevisionCache
from lib.network import graph as netgraph
from lib.network import plotting
from lib.network.page import SIZE_BY_KIND, SIZE_METRICS, NetworkView, node_label, tie_index, view_metrics
from lib.network.plot_elements import DIMMED, HIGHLIGHT_EDGE_COLOUR, _labelled, _lit_edge_trace, label_text


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
    big = view.name != "rings" and view.graph.number_of_nodes() > plotting.WEBGL_THRESHOLD
    if highlight and big:
        # A click on a big map: the drawing already kept, dimmed, with the opened node and its ties on top.
        base = view_figure(view, metrics, look, lang)
        return _kept(key, lambda: _lit_up(base, view, metrics, look, lang, highlight))
    whole = view.unfiltered
    if big and whole is not None and whole.key is not None and look.color_by != "owner":
        # A filter of a big map: the unfiltered drawing (kept) with the hidden points and ties left out.
        return _kept(key, lambda: _masked(view, whole, look, lang))
    return _kept(key, lambda: _view_figure(view, metrics, look, lang, highlight))


def _masked(view: NetworkView, whole: NetworkView, look: MapLook, lang: str) -> go.Figure:
    """The drawing of ``view``, a filter of ``whole`` (same places, same ties), from ``whole``'s drawing:
    every node and edge trace keeps the points and segments ``view`` shows, as numpy masks over the
    kept arrays instead of ten thousand hover texts and fifty thousand ties drawn again.

    What stays looks as it did unfiltered: the same colours, groups and sizes (a node does not
    change size or colour group because others are hidden); names, when shown, go to the biggest
    nodes still shown. Traces left empty are dropped."""
    base = view_figure(whole, view_metrics(whole, whole.graph), look, lang)
    H = view.graph
    index = tie_index(whole)
    shown = index.shown(H)
    drawn = iter(index.drawn)
    traces: list[dict[str, Any]] = []
    for trace in base.data:
        if trace.customdata is None:  # an edge trace: its ties in drawing order
            u, v, pairs = next(drawn)
            keep = shown[u] & shown[v]
            if view.ties_filtered:
                keep[keep] = [H.has_edge(*pairs[i]) for i in np.flatnonzero(keep).tolist()]
            keep = np.repeat(keep, 3)
        else:
            keep = shown[[index.number[node] for node in trace.customdata]]
        if keep.any():
            traces.append(_taken(trace, keep))
    if look.labels:
        _relabel(H, traces)
    return go.Figure({"data": traces, "layout": base.layout.to_plotly_json()}, _validate=False)


def _taken(trace: Any, keep: np.ndarray) -> dict[str, Any]:
    """``trace`` as a dict with only the points where ``keep`` is True (arrays of its length are cut)."""
    length = len(keep)
    index = np.flatnonzero(keep)

    def cut(value: Any) -> Any:
        if isinstance(value, dict):
            return {name: cut(inner) for name, inner in value.items()}
        if isinstance(value, np.ndarray) and value.shape[:1] == (length,):
            return value[index]
        if isinstance(value, (list, tuple)) and len(value) == length:
            return [value[i] for i in index.tolist()]
        return value

    taken: dict[str, Any] = cut(trace.to_plotly_json())
    return taken


def _relabel(H: nx.Graph, traces: list[dict[str, Any]]) -> None:
    """Names on the :data:`~lib.network.plotting.LABEL_LIMIT` biggest nodes still shown, picked as
    :func:`~lib.network.plotting.network_figure` picks them."""
    points = [trace for trace in traces if trace.get("customdata") is not None]
    sizes = {
        node: float(size)
        for trace in points
        for node, size in zip(
            trace["customdata"], np.broadcast_to(trace["marker"]["size"], len(trace["customdata"])), strict=True
        )
    }
    labelled = _labelled(H, list(sizes), sizes)
    for trace in points:
        texts = [label_text(H, node) if node in labelled else "" for node in trace["customdata"]]
        trace["text"] = texts if any(texts) else None
        trace["mode"] = "markers+text" if any(texts) else "markers"


def _lit_up(
    base: go.Figure, view: NetworkView, metrics: pd.DataFrame, look: MapLook, lang: str, highlight: Sequence[Hashable]
) -> go.Figure:
    """``base`` with everything dimmed and ``highlight``'s nodes and ties drawn over it: a copy of the
    kept drawing plus two small traces, instead of drawing ten thousand points again."""
    G, pos = view.graph, view.positions
    lit = [node for node in highlight if node in G and node in pos]
    fig = go.Figure(data=list(base.data), layout=base.layout, _validate=False)  # a copy of a checked drawing
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


#: Names written on the small map around one point: it keeps the whole map's places, where a hundred
#: neighbours can sit close together and their names would pile up (the rest are named on hover).
EGO_LABELS = 15


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
            labels=EGO_LABELS,
            hover_metrics=hover_metrics(metrics, look.size_by, lang),
            communities=metrics["community"].to_dict(),
            height=480,
        )
    )
    name = charts.escape(node_label(view.graph, node))
    return fig.update_layout(title={"text": t("chart_title.ego", lang, name=name)})


__all__ = ["MapLook", "ego_figure", "finished", "hover_metrics", "view_figure"]
