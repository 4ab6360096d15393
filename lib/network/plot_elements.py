"""What the network figures are made of: styles, hover texts, colour groups, sizes, labels, traces.

Used by :mod:`lib.network.plotting`, whose docstring says how the figures are drawn and why."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import plotly.graph_objects as go

from lib.core.charts import (
    BLUE,
    CATEGORY_COLOURS,
    GREY,
    OUTLINE,
    contrast,
    escape,
    series_colour,
    style,
)
from lib.core.i18n import format_number, format_value, t
from lib.core.i18n import label as vocabulary_label

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

_HOVER_LABEL_CHARS = 80

_LABEL_CHARS = 30


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
    totals: defaultdict[Hashable, float] = defaultdict(float)
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


def _labelled(
    G: nx.Graph, nodes: Sequence[Hashable], sizes: Mapping[Hashable, float], limit: int = LABEL_LIMIT
) -> set[Hashable]:
    """The ``limit`` nodes that get a label: biggest first, the library before anyone."""
    rank = {kind: index for index, kind in enumerate(KIND_ORDER)}
    ordered = sorted(
        nodes,
        key=lambda node: (-sizes[node], rank.get(str(G.nodes[node].get("kind")), len(rank)), str(node)),
    )
    return set(ordered[:limit])


def label_text(G: nx.Graph, node: Hashable) -> str:
    """A node's name as written on the drawing: escaped, shortened."""
    return escape(_short(str(G.nodes[node].get("label") or node), _LABEL_CHARS))


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


def edge_pairs(
    G: nx.Graph, shown: set[Hashable], highlight: set[Hashable] | None = None
) -> tuple[dict[str, list[tuple[Hashable, Hashable]]], list[tuple[Hashable, Hashable]]]:
    """The ties drawn between ``shown`` nodes, per edge kind in the order the edge traces are drawn
    (kinds without ties included), and apart from them the ties of ``highlight``'s nodes."""
    by_kind: dict[str, list[tuple[Hashable, Hashable]]] = {kind: [] for kind in EDGE_KINDS}
    lit: list[tuple[Hashable, Hashable]] = []
    for u, v, kind in G.edges(data="kind"):
        if u not in shown or v not in shown or u == v:
            continue
        if highlight and (u in highlight or v in highlight):
            lit.append((u, v))
        else:
            by_kind.setdefault(str(kind or "relation"), []).append((u, v))
    return by_kind, lit


def _edge_traces(
    G: nx.Graph,
    shown: set[Hashable],
    pos: Mapping[Hashable, Position],
    highlight: set[Hashable] | None,
    lang: str,
    webgl: bool,
) -> list[go.Scatter | go.Scattergl]:
    """One trace per edge kind (legend and colour), plus one for ties of highlighted nodes."""
    by_kind, lit = edge_pairs(G, shown, highlight)
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
                # Values made here, not typed in: checking 50,000 ties' numbers one by one buys nothing.
                _validate=not webgl,
            )
        )
    if lit:
        traces.append(_lit_edge_trace(lit, pos, lang, webgl))
    return traces


def _lit_edge_trace(
    pairs: Sequence[tuple[Hashable, Hashable]], pos: Mapping[Hashable, Position], lang: str, webgl: bool
) -> go.Scatter | go.Scattergl:
    """The ties of highlighted nodes, dark, in one trace."""
    xs, ys = _segments(pairs, pos)
    return _scatter(webgl)(
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
        texts = [label_text(G, node) if node in labelled else "" for node in nodes]
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
                # Ten thousand symbols and hover texts made here: plotly's check of each costs seconds.
                _validate=not webgl,
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


def _network_layout(
    fig: go.Figure, x_range: list[float], y_range: list[float], height: int, lang: str, title: str | None = None
) -> go.Figure:
    """The look of a network map: hidden axes, legend below; ``title`` (plotly text, escaped) or "Netværket"."""
    style(fig, lang)
    hidden = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    fig.update_layout(
        title={"text": title or t("chart_title.network", lang)},
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
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
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
