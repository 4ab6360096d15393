"""Plotly figures of the network: the whole graph, and the rings around the library.

Pure functions: a graph and positions in, a ``plotly.graph_objects.Figure`` out. The page shows
exactly this figure (``st.plotly_chart(fig, theme=None)``) and :func:`lib.network.export.figure_image`
turns the same figure into PNG or SVG, so a download looks like the screen.

Drawing many nodes quickly comes down to few traces: all edges of one kind are one trace whose
segments are separated by gaps (NaN), and the nodes are one trace per colour group, so a graph of
10,000 nodes and 50,000 edges is about a dozen traces, not 60,000. Above :data:`WEBGL_THRESHOLD`
nodes the traces are WebGL (``Scattergl``), which the browser draws on the graphics card.

Names are data, never markup. Plotly reads a few HTML tags in hover texts and labels (``<b>``,
``<a href>`` …), so every user-supplied text is escaped (``&``, ``<``, ``>``) before it goes in; a
contact called ``<img src=x onerror=alert(1)>`` is shown as those characters. Hover texts are given
as ``hovertext`` (not ``hovertemplate``), so a name containing ``%{x}`` is not a template either.

Every node marker carries its node id in ``customdata``: :func:`selected_nodes` maps the points of a
plotly selection event (``st.plotly_chart(..., on_select="rerun")``) back to node ids.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from lib.core.charts import BLACK, COLORWAY, GREY, escape
from lib.core.i18n import label as vocabulary_label
from lib.core.i18n import t
from lib.network.plot_elements import (
    COLOR_BY,
    EDGE_KINDS,
    KIND_COLOURS,
    KIND_ORDER,
    LABEL_LIMIT,
    WEBGL_THRESHOLD,
    Position,
    _bounds,
    _edge_traces,
    _empty,
    _Group,
    _groups,
    _kind_label,
    _labelled,
    _network_layout,
    _node_traces,
    _scatter,
    _segments,
    _sizes,
    edge_pairs,
    node_hover,
    node_owner,
)

__all__ = [
    "COLOR_BY",
    "EDGE_KINDS",
    "KIND_ORDER",
    "edge_pairs",
    "LABEL_LIMIT",
    "WEBGL_THRESHOLD",
    "escape",
    "network_figure",
    "node_hover",
    "node_owner",
    "ring_positions",
    "ring_radii",
    "rings_figure",
    "scatter_type",
    "selected_nodes",
]

#: Organisation types drawn in a colour of their own in the rings; the rest share "other types".
TYPE_PALETTE = tuple(colour for colour in COLORWAY if colour != BLACK)  # black is the library

OTHER_TYPES_COLOUR = "#d5d9de"

#: Room (in ring units) left free on each side of the top of a ring, where its name is written.
_RING_NAME_ROOM = 0.5

#: Rings beyond the partners get labels only when they hold at most this many organisations.
_RING_LABEL_LIMIT = 24

#: Least distance (ring units) between neighbours on a ring; labelled rings get twice as much.
_RING_SPACING = 0.16


def network_figure(
    G: nx.Graph,
    pos: Mapping[Hashable, Position],
    *,
    color_by: str = "kind",
    size_by: Mapping[Hashable, float] | None = None,
    highlight: Iterable[Hashable] | None = None,
    lang: str = "da",
    labels: bool | int = False,
    hover_metrics: Mapping[Hashable, Mapping[str, Any]] | None = None,
    communities: Mapping[Hashable, Hashable] | None = None,
    webgl: bool | None = None,
    height: int = 650,
) -> go.Figure:
    """Draw the network graph.

    Parameters
    ----------
    G : networkx.Graph
        The graph to draw: usually the filtered graph. Nodes carry the contract's attributes
        (``kind``, ``label``, ``org_type``, ``sector``, ``organisation``); edges ``kind`` and ``owner``.
    pos : dict
        ``{node: (x, y)}``, typically :func:`lib.network.layout.positions` of the *whole* graph.
        Nodes of ``G`` without a position are left out. The axes span all of ``pos``, so filtering
        the graph never moves or re-zooms what stays on screen.
    color_by : {"kind", "sector", "community", "owner"}
        What the colour of a node shows. One node trace per colour; communities and owners beyond
        :data:`GROUP_LIMIT` share a grey "other" trace. The shape always shows the kind.
    size_by : dict, optional
        A number per node (a metric); sizes are scaled between :data:`SIZE_RANGE` by square root.
        Without it the size shows the kind.
    highlight : iterable of nodes, optional
        Nodes to bring forward; everything else fades, and their ties are drawn dark on top.
    lang : {"da", "en"}
        Language of legend and hover texts; Danish uses a decimal comma.
    labels : bool or int, default False
        Write the names of the :data:`LABEL_LIMIT` biggest nodes on the drawing (a number: of that many).
    hover_metrics : dict, optional
        ``{node: {metric name: value}}`` shown in the hover box, names already translated.
    communities : dict, optional
        ``{node: community}`` for ``color_by="community"``; else the ``community`` node attribute,
        else Louvain communities of the drawn graph (seeded, so stable).
    webgl : bool, optional
        Force WebGL (True) or SVG (False) traces; by default WebGL above :data:`WEBGL_THRESHOLD`
        drawn nodes.
    height : int, default 650
        Figure height in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
        Edge traces first (one per edge kind, legend rank 900+), then one node trace per colour
        group. Every node point has its node id (a string) as ``customdata``.
    """
    shown = [node for node in G if node in pos]
    shown_set = set(shown)
    lit = {node for node in (highlight or ()) if node in shown_set} or None
    use_webgl = len(shown) > WEBGL_THRESHOLD if webgl is None else webgl
    x_range, y_range = _bounds(pos)
    fig = go.Figure()
    _network_layout(fig, x_range, y_range, height, lang)
    if not shown:
        return _empty(fig, lang)
    sizes = _sizes(G, shown, size_by)
    metrics = hover_metrics or {}
    hover = {node: node_hover(G, node, metrics.get(node), lang) for node in shown}
    fig.add_traces(_edge_traces(G, shown_set, pos, lit, lang, use_webgl))
    fig.add_traces(
        _node_traces(
            G,
            _groups(G, shown, color_by, lang, communities),
            pos,
            sizes,
            hover,
            _labelled(G, shown, sizes, LABEL_LIMIT if labels is True else int(labels)) if labels else set(),
            lit,
            use_webgl,
        )
    )
    return fig


def scatter_type(webgl: bool) -> type[go.Scatter] | type[go.Scattergl]:
    """``go.Scattergl`` (WebGL, drawn by the graphics card) or ``go.Scatter`` (SVG)."""
    return _scatter(webgl)


def ring_radii(rings: Mapping[Hashable, int]) -> dict[int, float]:
    """The radius of every ring from 1 to the outermost: at least one apart, and wide enough.

    A ring is widened until its organisations are :data:`_RING_SPACING` apart along the circle
    (labelled rings more), so forty partners do not sit on top of each other; the order of the
    rings, and so their meaning, stays.
    """
    counts = Counter(int(ring) for ring in rings.values())
    outer = max([3, *counts])
    radii: dict[int, float] = {}
    previous = 0.0
    for ring in range(1, outer + 1):
        spacing = _RING_SPACING * (2 if ring <= 1 or counts[ring] <= _RING_LABEL_LIMIT else 1)
        previous = radii[ring] = max(previous + 1.0, counts[ring] * spacing / (2 * math.pi))
    return radii


def ring_positions(G: nx.Graph, rings: Mapping[Hashable, int]) -> dict[Hashable, Position]:
    """Places on concentric circles: ring 0 at the centre, ring r on the circle of :func:`ring_radii`.

    Within a ring the nodes are spread evenly by angle, clockwise from just right of the top (the
    top is left free for the ring's name), sorted by organisation type and then name, with one
    empty slot between types so each type reads as a group.
    """
    result: dict[Hashable, Position] = {}
    radii = ring_radii(rings)
    members: dict[int, list[Hashable]] = {}
    for node, ring in rings.items():
        if node in G:
            members.setdefault(int(ring), []).append(node)
    for ring, nodes in members.items():
        if ring <= 0:
            for node in nodes:
                result[node] = (0.0, 0.0)
            continue
        ordered = sorted(
            nodes,
            key=lambda n: (
                str(G.nodes[n].get("org_type") or "~"),
                str(G.nodes[n].get("label") or n).casefold(),
                str(n),
            ),
        )
        slots: list[Hashable | None] = []
        for index, node in enumerate(ordered):
            if index and G.nodes[node].get("org_type") != G.nodes[ordered[index - 1]].get("org_type"):
                slots.append(None)  # the gap between two types
            slots.append(node)
        # The top of each circle is kept free for the ring's name: the same width on every ring.
        radius = radii[ring]
        gap = min(0.6, _RING_NAME_ROOM / radius)
        step = (2 * math.pi - 2 * gap) / max(len(slots) - 1, 1)
        for slot, node in enumerate(slots):
            if node is not None:
                angle = math.pi / 2 - gap - step * slot
                result[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return result


def type_colours(G: nx.Graph, nodes: Iterable[Hashable]) -> dict[str, str]:
    """The colour of each organisation type among ``nodes``: the most common types first (ties by
    code), one Okabe-Ito colour each (:data:`TYPE_PALETTE`, seven); types beyond that are missing
    here and share the "other types" group. The same graph gives the same colours on the network
    page and in the board pack."""
    counts = Counter(
        str(G.nodes[n]["org_type"])
        for n in nodes
        if G.nodes[n].get("kind") == "organisation" and G.nodes[n].get("org_type")
    )
    ranked = sorted(counts, key=lambda code: (-counts[code], code))
    return {code: colour for code, colour in zip(ranked, TYPE_PALETTE, strict=False)}


def _type_groups(G: nx.Graph, nodes: Sequence[Hashable], lang: str) -> list[_Group]:
    """Organisations by type (a colour each, no two types alike), other nodes by kind."""
    groups: dict[str, _Group] = {}
    colours = type_colours(G, nodes)
    for node in nodes:
        data = G.nodes[node]
        kind = str(data.get("kind") or "")
        if kind == "organisation" and data.get("org_type") and str(data["org_type"]) in colours:
            code = str(data["org_type"])
            key, name, colour = code, escape(vocabulary_label("orgtype", code, lang)), colours[code]
        elif kind == "organisation" and data.get("org_type"):
            key, name, colour = "other_types", t("charts.other_types", lang), OTHER_TYPES_COLOUR
        elif kind == "organisation":
            key, name, colour = "untyped", t("network_figure.orgtype.unknown", lang), GREY
        else:
            key, name, colour = kind, escape(_kind_label(kind, lang)), KIND_COLOURS.get(kind, GREY)
        group = groups.setdefault(key, _Group(key, name, colour))
        group.nodes.append(node)
    first = [groups.pop(kind) for kind in KIND_ORDER if kind in groups]
    last = [groups.pop(key) for key in ("other_types", "untyped") if key in groups]
    return [*first, *sorted(groups.values(), key=lambda group: group.name.casefold()), *last]


def rings_figure(
    G: nx.Graph,
    rings: Mapping[Hashable, int],
    lang: str = "da",
    *,
    hover_metrics: Mapping[Hashable, Mapping[str, Any]] | None = None,
    labels: bool = True,
    height: int = 650,
) -> go.Figure:
    """The library at the centre, its partners and candidates on rings around it.

    Parameters
    ----------
    G : networkx.Graph
        The network (node attributes as in :func:`network_figure`).
    rings : dict
        ``{node: ring}`` as from ``lib.network.graph.rings``: 0 the library, 1 active partners,
        2 organisations the library has contacts in, 3 candidates. Nodes not in ``rings`` are not
        drawn.
    lang : {"da", "en"}
        Language of ring names, legend and hover texts.
    hover_metrics : dict, optional
        As in :func:`network_figure`.
    labels : bool, default True
        Write names next to the nodes, pointing outwards: the library and the active partners
        always, an outer ring when it holds at most 24 organisations (the rest show on hover).
    height : int, default 650

    Returns
    -------
    plotly.graph_objects.Figure
        Dotted circles for rings 1–3 (:func:`ring_radii`) with their names, ties between drawn nodes in one trace, and
        one node trace per organisation type; node ids in ``customdata`` as in :func:`network_figure`.
    """
    pos = ring_positions(G, rings)
    nodes = [node for node in G if node in pos]
    radii = ring_radii(rings)
    outer = max(radii.values())
    fig = go.Figure()
    _network_layout(
        fig, [-outer * 1.2, outer * 1.2], [-outer * 1.1, outer * 1.15], height, lang, t("chart_title.rings", lang)
    )
    for ring, radius in radii.items():
        fig.add_shape(
            type="circle",
            x0=-radius,
            y0=-radius,
            x1=radius,
            y1=radius,
            layer="below",
            line={"color": "#c9d0d7", "width": 1, "dash": "dot"},
        )
        fig.add_annotation(
            x=0,
            y=radius,
            yshift=10,
            showarrow=False,
            font={"size": 12, "color": "#5b6670"},
            text=escape(t(f"network_figure.ring.{ring}", lang)),
            bgcolor="rgba(255,255,255,0.85)",
        )
    if not nodes:
        return _empty(fig, lang)
    sizes = _sizes(G, nodes, None)
    metrics = hover_metrics or {}
    hover = {node: node_hover(G, node, metrics.get(node), lang) for node in nodes}
    shown = set(nodes)
    webgl = len(nodes) > WEBGL_THRESHOLD
    pairs = [(u, v) for u, v in G.edges() if u in shown and v in shown and u != v]
    if pairs:
        xs, ys = _segments(pairs, pos)
        fig.add_trace(
            _scatter(webgl)(
                x=xs,
                y=ys,
                mode="lines",
                name=t("network_figure.edge.ties", lang),
                line={"color": "#9aa5b1", "width": 0.8},
                opacity=0.5,
                hoverinfo="skip",
                legendrank=900,
            )
        )
    labelled = _ring_labelled(rings, nodes) if labels else set()
    fig.add_traces(
        _node_traces(G, _type_groups(G, nodes, lang), pos, sizes, hover, labelled, None, webgl, _outward(pos))
    )
    return fig


def _ring_labelled(rings: Mapping[Hashable, int], nodes: Sequence[Hashable]) -> set[Hashable]:
    """The library and the partners always; an outer ring only when its names can fit."""
    counts = Counter(int(rings[node]) for node in nodes)
    chosen = [node for node in nodes if int(rings[node]) <= 1 or counts[int(rings[node])] <= _RING_LABEL_LIMIT]
    return set(chosen[:LABEL_LIMIT])


def _outward(pos: Mapping[Hashable, Position]) -> dict[Hashable, str]:
    """Label positions pointing away from the centre, so names on a ring do not cross its circle."""
    result = {}
    for node, (x, y) in pos.items():
        radius = math.hypot(x, y)
        if radius == 0:
            result[node] = "top center"
        elif y < 0 and abs(x) < 0.35 * radius:
            result[node] = "bottom center"
        else:
            # Sideways, also near the top, where the ring's name is written.
            result[node] = "middle right" if x >= 0 else "middle left"
    return result


def selected_nodes(points: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """Node ids of the points in a plotly selection event, in order, each once.

    Pass ``event.selection.points`` (or ``event["selection"]["points"]``) from
    ``st.plotly_chart(fig, on_select="rerun")``. Points without ``customdata`` (edge traces,
    annotations) are ignored; ``customdata`` may arrive as the id or as a one-element list.
    """
    found: dict[str, None] = {}
    for point in points or ():
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, (list, tuple)):
            data = data[0] if data else None
        if data is not None:
            found.setdefault(str(data), None)
    return list(found)
