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
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import plotly.graph_objects as go

from lib.core.charts import (
    BLACK,
    BLUE,
    CATEGORY_COLOURS,
    COLORWAY,
    GREY,
    OUTLINE,
    contrast,
    escape,
    series_colour,
    style,
)
from lib.core.i18n import format_number, format_value, t
from lib.core.i18n import label as vocabulary_label

__all__ = [
    "COLOR_BY",
    "EDGE_KINDS",
    "KIND_ORDER",
    "LABEL_LIMIT",
    "WEBGL_THRESHOLD",
    "escape",
    "network_figure",
    "node_hover",
    "node_owner",
    "ring_positions",
    "ring_radii",
    "rings_figure",
    "selected_nodes",
]

Position = tuple[float, float]

#: Above this many drawn nodes the figure uses WebGL traces (``Scattergl``) instead of SVG.
WEBGL_THRESHOLD = 1_500
#: At most this many node labels are written on the drawing (the biggest nodes first).
LABEL_LIMIT = 60
#: Communities and owners beyond this many share one grey "other" group, keeping the legend short.
GROUP_LIMIT = 8
#: What nodes can be coloured by.
COLOR_BY = ("kind", "sector", "community", "owner")

KIND_ORDER = ("library", "organisation", "staff", "contact")
KIND_COLOURS = CATEGORY_COLOURS["node_kind"]
#: Shapes tell kinds apart even when colour shows something else (and for colour-blind readers).
KIND_SYMBOLS = {"library": "star", "organisation": "square", "staff": "diamond", "contact": "circle"}
KIND_SIZES = {"library": 26.0, "organisation": 13.0, "staff": 11.0, "contact": 8.0}
SIZE_RANGE = (7.0, 30.0)
#: Markers shrink with the number of nodes drawn, down to this share of their normal size.
_SMALLEST_FACTOR = 0.4

EDGE_KINDS = ("partnership", "staff", "affiliation", "relation")
#: (colour, width) per edge kind; partnerships stand out, the many affiliations stay quiet.
EDGE_STYLES = {
    "partnership": (BLUE, 2.2),
    "staff": ("#E69F00", 1.0),
    "affiliation": ("#b8c0c8", 0.7),
    "relation": ("#7d8a96", 0.9),
}
EDGE_OPACITY = 0.55
HIGHLIGHT_EDGE_COLOUR = "#262730"
#: Opacity of nodes and edges outside the highlighted set.
DIMMED = 0.2

SECTOR_ORDER = ("public", "private", "civil")
SECTOR_COLOURS = CATEGORY_COLOURS["sector"]
#: Organisation types drawn in a colour of their own in the rings; the rest share "other types".
TYPE_PALETTE = tuple(colour for colour in COLORWAY if colour != BLACK)  # black is the library
OTHER_TYPES_COLOUR = "#d5d9de"

#: Room (in ring units) left free on each side of the top of a ring, where its name is written.
_RING_NAME_ROOM = 0.5
#: Rings beyond the partners get labels only when they hold at most this many organisations.
_RING_LABEL_LIMIT = 24
#: Least distance (ring units) between neighbours on a ring; labelled rings get twice as much.
_RING_SPACING = 0.16
_HOVER_LABEL_CHARS = 80
_LABEL_CHARS = 30


# --- text ------------------------------------------------------------------------------------------


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _metric_text(value: Any, lang: str) -> str:
    """A metric for the hover box: about three significant digits, the reader's decimal mark."""
    if isinstance(value, bool) or value is None:
        return format_value(value, lang)
    if isinstance(value, (int, np.integer)):
        return format_number(int(value), lang)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if not math.isfinite(number):
            return ""
        if number == 0 or number.is_integer():
            return format_number(number, lang, 0)
        decimals = min(4, max(0, 2 - math.floor(math.log10(abs(number)))))
        return format_number(number, lang, decimals)
    return format_value(value, lang)


def _kind_label(kind: str, lang: str) -> str:
    return t(f"network_figure.kind.{kind}", lang) if kind in KIND_ORDER else kind


def node_hover(G: nx.Graph, node: Hashable, metrics: Mapping[str, Any] | None = None, lang: str = "da") -> str:
    """The hover text of one node: name, kind, job title or type and sector, organisation, metrics.

    ``metrics`` maps a (translated) metric name to its value. E-mail is never shown. Every text
    from the data is escaped.
    """
    data = G.nodes[node]
    lines = [f"<b>{escape(_short(str(data.get('label') or node), _HOVER_LABEL_CHARS))}</b>"]
    kind = str(data.get("kind") or "")
    details = [_kind_label(kind, lang)] if kind else []
    if data.get("title") and kind in ("staff", "contact"):
        details.append(_short(str(data["title"]), _HOVER_LABEL_CHARS))
    if data.get("org_type"):
        details.append(vocabulary_label("orgtype", str(data["org_type"]), lang))
    if data.get("sector"):
        details.append(vocabulary_label("sector", str(data["sector"]), lang))
    if details:
        lines.append(escape(" · ".join(details)))
    if data.get("organisation") and kind != "organisation":
        organisation = _short(str(data["organisation"]), _HOVER_LABEL_CHARS)
        lines.append(f"{escape(t('network_figure.hover.organisation', lang))}: {escape(organisation)}")
    for name, value in (metrics or {}).items():
        text = _metric_text(value, lang)
        if text != "":
            lines.append(f"{escape(name)}: {escape(text)}")
    return "<br>".join(lines)


# --- groups: what colour each node gets ----------------------------------------------------------------


@dataclass
class _Group:
    key: str
    name: str
    colour: str
    nodes: list[Hashable] = field(default_factory=list)


def _kind_groups(G: nx.Graph, nodes: Sequence[Hashable], lang: str) -> list[_Group]:
    groups = {kind: _Group(kind, _kind_label(kind, lang), KIND_COLOURS[kind]) for kind in KIND_ORDER}
    other: dict[str, _Group] = {}
    for node in nodes:
        kind = str(G.nodes[node].get("kind") or "")
        if kind in groups:
            groups[kind].nodes.append(node)
        else:
            other.setdefault(kind, _Group(kind, escape(kind or "?"), GREY)).nodes.append(node)
    return [*groups.values(), *other.values()]


def _sector_groups(G: nx.Graph, nodes: Sequence[Hashable], lang: str) -> list[_Group]:
    groups = {code: _Group(code, vocabulary_label("sector", code, lang), SECTOR_COLOURS[code]) for code in SECTOR_ORDER}
    unknown = _Group("unknown", t("network_figure.sector.unknown", lang), GREY)
    for node in nodes:
        groups.get(str(G.nodes[node].get("sector") or ""), unknown).nodes.append(node)
    return [*groups.values(), unknown]


def _ranked_groups(
    assignment: Mapping[Hashable, Hashable | None],
    nodes: Sequence[Hashable],
    name_of: Any,
    other_name: str,
    none_name: str | None,
) -> list[_Group]:
    """The :data:`GROUP_LIMIT` biggest groups in colour, the rest in one grey group, none last."""
    members: dict[Hashable, list[Hashable]] = {}
    missing: list[Hashable] = []
    for node in nodes:
        key = assignment.get(node)
        if key is None:
            missing.append(node)
        else:
            members.setdefault(key, []).append(node)
    ranked = sorted(members, key=lambda key: (-len(members[key]), str(key)))
    groups = [
        _Group(str(key), name_of(key, rank), series_colour(rank), members[key])
        for rank, key in enumerate(ranked[:GROUP_LIMIT])
    ]
    rest = [node for key in ranked[GROUP_LIMIT:] for node in members[key]]
    if rest:
        groups.append(_Group("other", other_name, GREY, rest))
    if missing and none_name is not None:
        groups.append(_Group("none", none_name, "#d5d9de", missing))
    elif missing:
        groups.append(_Group("other", other_name, GREY, missing))
    return groups


def _communities(
    G: nx.Graph, nodes: Sequence[Hashable], given: Mapping[Hashable, Hashable] | None
) -> dict[Hashable, Hashable]:
    """Community per node: as given, else the nodes' ``community`` attribute, else Louvain (seeded)."""
    if given is not None:
        return dict(given)
    from_attributes = {node: G.nodes[node].get("community") for node in nodes}
    if any(value is not None for value in from_attributes.values()):
        return from_attributes
    found = nx.community.louvain_communities(G.subgraph(nodes), weight="weight", seed=42)
    ordered = sorted(found, key=lambda members: (-len(members), min(map(str, members))))
    return {node: number for number, members in enumerate(ordered, start=1) for node in members}


def node_owner(G: nx.Graph, node: Hashable) -> Hashable | None:
    """Who holds the library's ties to ``node``: a staff member's node id, or None.

    The node's own ``owner`` attribute if set; a staff member holds their own; otherwise the owner
    of the heaviest share of the node's ties (summed edge ``weight``, ties broken by id).
    """
    data = G.nodes[node]
    if data.get("owner"):
        return data["owner"]
    if data.get("kind") == "staff":
        return node
    totals: Counter[Hashable] = Counter()
    for _, _, edge in G.edges(node, data=True):
        if edge.get("owner"):
            totals[edge["owner"]] += float(edge.get("weight") or 1.0)
    if not totals:
        return None
    return min(totals, key=lambda owner: (-totals[owner], str(owner)))


def _owner_name(G: nx.Graph, owner: Hashable) -> str:
    if owner in G:
        return escape(_short(str(G.nodes[owner].get("label") or owner), _LABEL_CHARS))
    return escape(owner)


def _groups(
    G: nx.Graph,
    nodes: Sequence[Hashable],
    color_by: str,
    lang: str,
    communities: Mapping[Hashable, Hashable] | None,
) -> list[_Group]:
    if color_by == "kind":
        return _kind_groups(G, nodes, lang)
    if color_by == "sector":
        return _sector_groups(G, nodes, lang)
    if color_by == "community":
        return _ranked_groups(
            _communities(G, nodes, communities),
            nodes,
            lambda _key, rank: t("network_figure.community", lang, number=rank + 1),
            t("network_figure.community.other", lang),
            None,
        )
    if color_by == "owner":
        return _ranked_groups(
            {node: node_owner(G, node) for node in nodes},
            nodes,
            lambda key, _rank: _owner_name(G, key),
            t("network_figure.owner.other", lang),
            t("network_figure.owner.none", lang),
        )
    raise ValueError(f"color_by must be one of {COLOR_BY}, not {color_by!r}")


# --- sizes and labels ----------------------------------------------------------------------------------


def _sizes(G: nx.Graph, nodes: Sequence[Hashable], size_by: Mapping[Hashable, float] | None) -> dict[Hashable, float]:
    """Marker size per node: by kind, or scaled from ``size_by`` (square root, so area ~ value)."""
    # Thousands of full-size markers would hide each other and every edge: shrink them with the count.
    factor = min(1.0, max(_SMALLEST_FACTOR, math.sqrt(WEBGL_THRESHOLD / max(len(nodes), 1))))
    if size_by is None:
        default = KIND_SIZES["contact"]
        return {node: factor * KIND_SIZES.get(str(G.nodes[node].get("kind")), default) for node in nodes}
    values = {node: _finite(size_by.get(node)) for node in nodes}
    present = [value for value in values.values() if value is not None]
    low, high = (min(present), max(present)) if present else (0.0, 0.0)
    smallest, largest = (factor * size for size in SIZE_RANGE)
    sizes = {}
    for node, value in values.items():
        if value is None or high <= low:
            sizes[node] = smallest if value is None else (smallest + largest) / 2
        else:
            sizes[node] = smallest + (largest - smallest) * math.sqrt((value - low) / (high - low))
    return sizes


def _finite(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _labelled(G: nx.Graph, nodes: Sequence[Hashable], sizes: Mapping[Hashable, float]) -> set[Hashable]:
    """The :data:`LABEL_LIMIT` nodes that get a label: biggest first, the library before anyone."""
    rank = {kind: index for index, kind in enumerate(KIND_ORDER)}
    ordered = sorted(
        nodes,
        key=lambda node: (-sizes[node], rank.get(str(G.nodes[node].get("kind")), len(rank)), str(node)),
    )
    return set(ordered[:LABEL_LIMIT])


# --- traces --------------------------------------------------------------------------------------------


def _scatter(webgl: bool) -> type[go.Scatter] | type[go.Scattergl]:
    return go.Scattergl if webgl else go.Scatter


def _segments(
    pairs: Sequence[tuple[Hashable, Hashable]], pos: Mapping[Hashable, Position]
) -> tuple[np.ndarray, np.ndarray]:
    """x and y arrays of line segments u→v separated by NaN gaps (one trace draws them all)."""
    ends = np.asarray([(*pos[u], *pos[v]) for u, v in pairs], dtype=float).reshape(len(pairs), 4)
    xs = np.full(3 * len(pairs), np.nan)
    ys = np.full(3 * len(pairs), np.nan)
    xs[0::3], ys[0::3], xs[1::3], ys[1::3] = ends[:, 0], ends[:, 1], ends[:, 2], ends[:, 3]
    return xs, ys


def _edge_traces(
    G: nx.Graph,
    shown: set[Hashable],
    pos: Mapping[Hashable, Position],
    highlight: set[Hashable] | None,
    lang: str,
    webgl: bool,
) -> list[go.Scatter | go.Scattergl]:
    """One trace per edge kind (legend and colour), plus one for ties of highlighted nodes."""
    by_kind: dict[str, list[tuple[Hashable, Hashable]]] = {kind: [] for kind in EDGE_KINDS}
    lit: list[tuple[Hashable, Hashable]] = []
    for u, v, kind in G.edges(data="kind"):
        if u not in shown or v not in shown or u == v:
            continue
        if highlight and (u in highlight or v in highlight):
            lit.append((u, v))
        else:
            by_kind.setdefault(str(kind or "relation"), []).append((u, v))
    traces = []
    scatter = _scatter(webgl)
    for kind, pairs in by_kind.items():
        if not pairs:
            continue
        colour, width = EDGE_STYLES.get(kind, (GREY, 0.8))
        xs, ys = _segments(pairs, pos)
        name = t(f"network_figure.edge.{kind}", lang) if kind in EDGE_STYLES else escape(kind)
        traces.append(
            scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=name,
                line={"color": colour, "width": width},
                opacity=DIMMED if highlight else EDGE_OPACITY,
                hoverinfo="skip",
                legendgroup=f"edge-{escape(kind)}",
                legendrank=900,
            )
        )
    if lit:
        xs, ys = _segments(lit, pos)
        traces.append(
            scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=t("network_figure.edge.highlighted", lang),
                line={"color": HIGHLIGHT_EDGE_COLOUR, "width": 1.4},
                opacity=0.8,
                hoverinfo="skip",
                legendgroup="edge-highlighted",
                legendrank=901,
            )
        )
    return traces


def _node_traces(
    G: nx.Graph,
    groups: Sequence[_Group],
    pos: Mapping[Hashable, Position],
    sizes: Mapping[Hashable, float],
    hover: Mapping[Hashable, str],
    labelled: set[Hashable],
    highlight: set[Hashable] | None,
    webgl: bool,
    text_positions: Mapping[Hashable, str] | None = None,
) -> list[go.Scatter | go.Scattergl]:
    traces = []
    scatter = _scatter(webgl)
    crowd = sum(len(group.nodes) for group in groups)
    # Later points are drawn on top: contacts first, the library last. The first point also gives
    # the legend its symbol, so a mixed group shows the plain circle.
    on_top = {kind: -index for index, kind in enumerate(KIND_ORDER)}
    for group in groups:
        if not group.nodes:
            continue
        nodes = sorted(group.nodes, key=lambda node: on_top.get(str(G.nodes[node].get("kind")), -len(KIND_ORDER)))
        texts = [
            escape(_short(str(G.nodes[node].get("label") or node), _LABEL_CHARS)) if node in labelled else ""
            for node in nodes
        ]
        marker: dict[str, Any] = {
            "color": group.colour,
            "size": np.asarray([sizes[node] for node in nodes], dtype=float),
            "symbol": [KIND_SYMBOLS.get(str(G.nodes[node].get("kind")), "circle") for node in nodes],
            # A white rim separates touching markers; on thousands of tiny ones it only hides them. A
            # light colour (yellow, orange, sky blue: under 3:1 on white) gets a dark rim instead.
            "line": {"width": 0.6 if crowd <= WEBGL_THRESHOLD else 0.0, "color": "white"}
            if contrast(group.colour) >= 3.0
            else {"width": 1.0, "color": OUTLINE},
        }
        if highlight:
            marker["opacity"] = [1.0 if node in highlight else DIMMED for node in nodes]
            marker["line"] = {
                "width": [1.8 if node in highlight else 0.4 for node in nodes],
                "color": [HIGHLIGHT_EDGE_COLOUR if node in highlight else "white" for node in nodes],
            }
        # numpy arrays travel to the browser as compact typed arrays, not as lists of numbers.
        coords = np.asarray([pos[node] for node in nodes], dtype=float).reshape(len(nodes), 2)
        traces.append(
            scatter(
                x=coords[:, 0],
                y=coords[:, 1],
                mode="markers+text" if any(texts) else "markers",
                name=group.name,
                legendgroup=f"nodes-{escape(group.key)}",
                marker=marker,
                text=texts if any(texts) else None,
                textposition=[text_positions.get(node, "top center") for node in nodes]
                if text_positions
                else "top center",
                textfont={"size": 11},
                hovertext=[hover[node] for node in nodes],
                hoverinfo="text",
                customdata=[str(node) for node in nodes],
            )
        )
    return traces


def _bounds(pos: Mapping[Hashable, Position], margin: float = 0.06) -> tuple[list[float], list[float]]:
    """Axis ranges covering every position, so filtering never re-zooms (nodes stay put on screen)."""
    if not pos:
        return [-1.0, 1.0], [-1.0, 1.0]
    coords = np.asarray(list(pos.values()), dtype=float)
    low, high = coords.min(axis=0), coords.max(axis=0)
    pad = max(float((high - low).max()), 1e-6) * margin
    return [float(low[0] - pad), float(high[0] + pad)], [float(low[1] - pad), float(high[1] + pad)]


def _network_layout(fig: go.Figure, x_range: list[float], y_range: list[float], height: int, lang: str) -> go.Figure:
    style(fig, lang)
    hidden = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    fig.update_layout(
        height=height,
        showlegend=True,
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -0.01,
            "xanchor": "left",
            "x": 0.0,
            "itemsizing": "constant",
        },
        hovermode="closest",
        # Keeps the user's zoom and legend choices when the page redraws after a filter change.
        uirevision="network",
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={**hidden, "range": x_range},
        yaxis={**hidden, "range": y_range, "scaleanchor": "x", "scaleratio": 1},
    )
    return fig


def _empty(fig: go.Figure, lang: str) -> go.Figure:
    fig.add_annotation(
        text=escape(t("network_figure.empty", lang)),
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": 16, "color": GREY},
    )
    return fig


# --- public --------------------------------------------------------------------------------------------


def network_figure(
    G: nx.Graph,
    pos: Mapping[Hashable, Position],
    *,
    color_by: str = "kind",
    size_by: Mapping[Hashable, float] | None = None,
    highlight: Iterable[Hashable] | None = None,
    lang: str = "da",
    labels: bool = False,
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
    labels : bool, default False
        Write the names of the :data:`LABEL_LIMIT` biggest nodes on the drawing.
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
            _labelled(G, shown, sizes) if labels else set(),
            lit,
            use_webgl,
        )
    )
    return fig


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
    _network_layout(fig, [-outer * 1.2, outer * 1.2], [-outer * 1.1, outer * 1.15], height, lang)
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
