"""What the network page shows, decided without Streamlit: the view drawn, the filter from the chosen
values, and every table of the page in the reader's words (``components.network_views`` shows them).

*Nothing moves.* A view's positions come from the whole graph of that view (``positions``, a callable
the page caches), and filters only choose which of those nodes are drawn.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from lib.core.access import requires
from lib.db import PARTNERSHIP_STAGES, Database
from lib.db.revision import RevisionCache
from lib.network import graph as netgraph
from lib.network import health, layout, plotting, timeline
from lib.network import metrics as netmetrics
from lib.network.page_texts import (
    METRIC_DECIMALS,
    RANKED_METRICS,
    TIE_FIELDS,
    broker_lines,
    changes_frame,
    cold_tie_frames,
    describe,
    figure_texts,
    filled_columns,
    isolate_names,
    kind_label,
    metric_text,
    metrics_frame,
    metrics_xlsx,
    node_label,
    node_measures,
    number_text,
    potential_partners_frame,
    single_person_frame,
    tie_rows,
    tie_text,
)

Position = tuple[float, float]
#: Positions for a whole graph, per layout view ("whole" or "organisations"); the page caches them.
PositionsOf = Callable[[nx.Graph, str], Mapping[Hashable, Position]]

VIEWS = ("whole", "organisations", "mine", "rings")
SIZE_METRICS = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "reach")
TABLE_METRICS = (*SIZE_METRICS, "community")
#: The size choice that keeps the plotting default (size by kind).
SIZE_BY_KIND = "kind"
#: Stands for "not given" among the sectors, types and stages to filter by.
NOT_GIVEN = "-"
#: The partnership stages a filter offers (an idea is no tie yet).
FILTER_STAGES = tuple(code for code in PARTNERSHIP_STAGES if code != "idea")
#: Organisations put on the outer ring as the most promising candidates.
RING_CANDIDATES = 10


@dataclass
class NetworkView:
    """What the page shows: the drawn graph, where its nodes go, and for the rings where they sit."""

    name: str
    graph: nx.Graph
    positions: Mapping[Hashable, Position]
    day: dt.date
    rings: dict[Hashable, int] | None = None
    candidates: list[str] = field(default_factory=list)
    #: "Mit netværk" before a staff member is chosen: nothing to draw yet.
    waiting: bool = False
    #: What names this view in a cache: the graphs it comes from (their :func:`graph_key`), the view,
    #: the filter and the staff member. None: not kept (a view made by hand).
    key: Hashable | None = None
    #: The same view without its filter, when this view draws a part of it in the same places with
    #: the same ties (its graph a view of the unfiltered one): its drawing is then the unfiltered
    #: drawing with the hidden points and ties left out (:func:`lib.network.figures.view_figure`).
    unfiltered: NetworkView | None = None
    #: With ``unfiltered``: whether the filter also hides ties between nodes it shows.
    ties_filtered: bool = False


# --- the date and the graphs -------------------------------------------------------------------------


@requires("view_board")
def timeline_bounds(db: Database) -> tuple[dt.date, dt.date]:
    """The first and last day the date slider offers."""
    with db.read() as session:
        return timeline.timeline_dates(session)


@requires("view_contacts")
def page_graphs(db: Database, as_of: dt.date | None) -> tuple[nx.Graph, nx.Graph | None]:
    """The network on ``as_of`` (None: today) and, back in time, today's network, whose places the
    nodes keep."""
    with db.read() as session:
        G = netgraph.build_graph(session, as_of)
        return G, (netgraph.build_graph(session) if as_of is not None else None)


@requires("view_contacts")
def compare_dates(db: Database, start: dt.date, end: dt.date, n: int = 10) -> timeline.GraphComparison:
    """How the network changed from ``start`` to ``end``: ties and nodes won and lost, who rose and fell."""
    with db.read() as session:
        before, after = timeline.graph_as_of(session, start), timeline.graph_as_of(session, end)
    return timeline.compare(before, after, n=n)


# --- the view ----------------------------------------------------------------------------------------


def pulled_in(pos: Mapping[Hashable, Position]) -> dict[Hashable, Position]:
    """``pos`` with far-flung stragglers drawn just outside the crowd instead of at the edge of the box.

    A force layout pushes nodes without ties (and tiny separate groups) far away, which shrinks the
    rest of the network to a blob in the middle of the drawing. Every node further from the median
    than 1.15 times the 95th-percentile distance is moved inwards along its own direction, into a
    narrow band just outside that distance, keeping the order of distances. Display only: nothing
    is stored, and the same positions always give the same result.
    """
    if len(pos) < 20:
        return dict(pos)
    nodes = list(pos)
    coords = np.asarray([pos[v] for v in nodes], dtype=float)
    centre = np.median(coords, axis=0)
    offsets = coords - centre
    radius = np.hypot(offsets[:, 0], offsets[:, 1])
    usual = float(np.quantile(radius, 0.95))
    limit = 1.15 * usual
    if usual <= 0 or radius.max() <= limit * 1.05:
        return dict(pos)
    far = radius > limit
    squeezed = limit + 0.3 * usual * (1 - np.exp(-(radius[far] - limit) / usual))
    offsets[far] *= (squeezed / radius[far])[:, None]
    moved = centre + offsets
    return {v: (round(float(x), 6), round(float(y), 6)) for v, (x, y) in zip(nodes, moved.tolist(), strict=True)}


def whole_graph_of(G: nx.Graph, view: str) -> nx.Graph:
    """The graph whose layout gives view ``view`` its places: ``G`` itself or its organisation view."""
    return G if view == "whole" else organisation_graph(G)


# --- kept per graph: what a rerun, a filter or another session must not work out again --------------

#: Filtered graphs and organisation views, per graph (:func:`lib.network.graph.graph_key`) and filter.
#: A few: at 100,000 people one is a few hundred MB.
_GRAPHS = RevisionCache(max_entries=6)
#: Positions of a view's whole graph, per graph and view (shared between sessions, never changed).
_POSITIONS = RevisionCache(max_entries=8)
#: Measures (node table and figures) per graph, view and filter.
_MEASURES = RevisionCache(max_entries=24)


def graph_key(G: nx.Graph) -> Hashable:
    """:func:`lib.network.graph.graph_key`: free for a graph straight from ``build_graph``."""
    key: Hashable = netgraph.graph_key(G)
    return key


def _filtered(G: nx.Graph, flt: netgraph.NetworkFilter | None) -> nx.Graph:
    """``G`` as ``flt`` shows it: a read-only view of ``G`` where the kept edges keep their data (no
    copy of 50,000 edges for a sector), else the filtered copy; kept per graph and filter."""
    if flt is None or flt.is_empty:
        return G

    def filtered() -> nx.Graph:
        view = netgraph.filtered_view(G, flt)
        return view if view is not None else netgraph.apply_filter(G, flt)

    found: nx.Graph = _GRAPHS.get_or_make((graph_key(G), "filtered", flt), filtered)
    return found


def organisation_graph(G: nx.Graph, flt: netgraph.NetworkFilter | None = None) -> nx.Graph:
    """The organisation view of ``G`` (filtered by ``flt``), worked out once per graph and filter."""
    return _GRAPHS.get_or_make(
        (graph_key(G), "organisations", None if flt is None or flt.is_empty else flt),
        lambda: netgraph.organisation_view(_filtered(G, flt)),
    )


@requires("edit")
def view_positions(db: Database, G: nx.Graph, view: str) -> Mapping[Hashable, Position]:
    """Positions of every node of view ``view``'s whole graph (``G`` or its organisation view), stored
    (``lib.network.layout.positions``) and kept per graph: a rerun or a filter never lays out again.

    The result is shared between sessions and must not be changed. While a layout is computed (Graphviz
    works in a child process) the same graph is measured beside it (:func:`graph_metrics`), so the
    first visit uses both cores."""

    def laid_out() -> Mapping[Hashable, Position]:
        netmetrics.measuring(whole_graph_of(G, view), _whole_key(G, view))
        return pulled_in(layout.positions(db, whole_graph_of(G, view), view=view))

    found: Mapping[Hashable, Position] = _POSITIONS.get_or_make((db.url, graph_key(G), view), laid_out)
    return found


def _whole_key(G: nx.Graph, view: str) -> Hashable | None:
    """The name under which view ``view``'s whole graph is measured: the shared graph's own key for the
    whole network (the one every other reader of its measures uses), else the graph's and the view's."""
    return None if view == "whole" else (graph_key(G), view)


def graph_metrics(G: nx.Graph, view: str = "whole") -> pd.DataFrame:
    """:func:`lib.network.metrics.node_metrics` of view ``view``'s whole graph, once per graph and kept
    with every other reader's (:func:`lib.network.metrics.kept_node_metrics`; shared: read it, never
    change it)."""
    return netmetrics.kept_node_metrics(whole_graph_of(G, view), _whole_key(G, view))


def view_metrics(view: NetworkView, G: nx.Graph) -> pd.DataFrame:
    """The measures of the nodes ``view`` draws (``G``: the graph of the date shown).

    The whole network and "Mit netværk" show each node's measures in the whole network, and the
    organisation view each organisation's in the whole organisation view, whatever the filter: a
    filter only chooses what is drawn, so it neither moves a node nor costs a new computation, and a
    node's place ("nr. 3 af 120") does not jump with it. The rings are measured on their own.
    Shared between sessions: read, never change.
    """
    if view.name == "rings" or view.key is None:
        key = view.key if view.key is not None else graph_key(view.graph)
        return _MEASURES.get_or_make((key, "metrics"), lambda: netmetrics.node_metrics(view.graph))
    whole = graph_metrics(G, "organisations" if view.name == "organisations" else "whole")
    if view.graph.number_of_nodes() == len(whole) and all(v in whole.index for v in view.graph):
        return whole

    def part() -> pd.DataFrame:
        frame = whole.loc[[v for v in view.graph if v in whole.index]]
        frame.attrs.update(whole.attrs)
        return frame

    return _MEASURES.get_or_make((view.key, "metrics"), part)


def view_figures(view: NetworkView, G: nx.Graph | None = None) -> dict[str, Any]:
    """:func:`lib.network.metrics.network_figures` of the drawn graph, once per view (a copy). When the
    view draws the whole graph of its kind (``G``'s, unfiltered) they were worked out beside its measures."""
    if G is not None and view.name in ("whole", "organisations") and view.graph is whole_graph_of(G, view.name):
        return netmetrics.kept_network_figures(view.graph, _whole_key(G, view.name))
    key = view.key if view.key is not None else graph_key(view.graph)
    return dict(_MEASURES.get_or_make((key, "figures"), lambda: _figures_of(view.graph)))


def _figures_of(G: nx.Graph) -> dict[str, Any]:
    figures: dict[str, Any] = netmetrics.network_figures(G)
    return figures


def _without_kinds(flt: netgraph.NetworkFilter | None) -> netgraph.NetworkFilter | None:
    """The filter for the organisation and ring views, which fold people in and so need every kind."""
    return None if flt is None else dataclasses.replace(flt, node_kinds=None, edge_kinds=None)


def current_view(
    G: nx.Graph,
    name: str,
    flt: netgraph.NetworkFilter | None,
    staff: str | None,
    day: dt.date,
    positions: PositionsOf,
    today: nx.Graph | None = None,
) -> NetworkView:
    """The graph the page draws for view ``name``, with positions that no filter ever changes.

    ``today`` is the network today when ``G`` is an earlier one: positions then come from today's
    network, so going back in time leaves every node where it is and only hides what came later.
    ``flt`` None means the chosen kinds leave nothing to show (an empty drawing). Graphs derived
    here are kept per graph and filter, so a rerun that changes nothing derives nothing.
    """
    placed = today if today is not None else G
    key = (graph_key(G), None if today is None else graph_key(today), name, flt, staff)
    if name == "organisations":
        drawn_flt = _without_kinds(flt)
        return NetworkView(name, organisation_graph(G, drawn_flt), positions(placed, "organisations"), day, key=key)
    if name == "rings":

        def ringed() -> NetworkView:
            H = _filtered(G, _without_kinds(flt))
            ranked = health.potential_partners(H, today=day)
            candidates = [str(v) for v in ranked[ranked["score"] > 0]["node"].head(RING_CANDIDATES)]
            rings: dict[Hashable, int] = {node: ring for node, ring in netgraph.rings(H, candidates).items()}
            organisations = organisation_graph(G, _without_kinds(flt))
            drawn = organisations.subgraph([v for v in organisations if v in rings]).copy()
            positions_ = plotting.ring_positions(drawn, rings)
            return NetworkView(name, drawn, positions_, day, rings, candidates, key=(*key, day))

        found: NetworkView = _GRAPHS.get_or_make((*key, day), ringed)
        return found
    pos = positions(placed, "whole")
    if name == "mine":
        if staff is None:
            return NetworkView(name, nx.Graph(**G.graph), {}, day, waiting=True)

        def mine_view() -> NetworkView:
            mine = netgraph.staff_network(G, staff)
            # Only the staff member's part of the drawing: the map zooms in, and filters do not re-zoom it.
            return NetworkView(name, mine, {v: pos[v] for v in mine if v in pos}, day)

        base = _GRAPHS.get_or_make((*key[:3], staff), mine_view)
        if flt is None:
            return NetworkView(name, nx.Graph(**G.graph), base.positions, day, key=key)
        return NetworkView(name, _filtered(base.graph, flt), base.positions, day, key=key)
    if flt is None:
        return NetworkView(name, nx.Graph(**G.graph), pos, day, key=key)
    H = _filtered(G, flt)
    if H is G or getattr(H, "_graph", None) is not G:
        return NetworkView(name, H, pos, day, key=key)
    # The view as it is unfiltered (what current_view gives for no filter), whose drawing is kept.
    whole = NetworkView(name, G, pos, day, key=(*key[:3], netgraph.NetworkFilter(), staff))
    return NetworkView(name, H, pos, day, key=key, unfiltered=whole, ties_filtered=flt.filters_ties)


# --- the filters ---------------------------------------------------------------------------------------


def _given(values: Sequence[str]) -> frozenset[str | None] | None:
    return frozenset(None if v == NOT_GIVEN else v for v in values) or None


def network_filter(
    *,
    kinds_apply: bool,
    node_kinds: Sequence[str],
    edge_kinds: Sequence[str],
    sectors: Sequence[str] = (),
    org_types: Sequence[str] = (),
    stages: Sequence[str] = (),
    staff: Sequence[str] = (),
    min_strength: int = 1,
    after: dt.date | None = None,
    before: dt.date | None = None,
) -> netgraph.NetworkFilter | None:
    """The filter the chosen values make; None when the chosen kinds leave nothing to show.

    Kinds count only where they apply (``kinds_apply``: the whole network and "Mit netværk"); all
    kinds chosen is no kind filter; :data:`NOT_GIVEN` stands for an empty sector, type or stage."""
    if kinds_apply and not node_kinds:
        return None
    return netgraph.NetworkFilter(
        node_kinds=frozenset(node_kinds) if kinds_apply and set(node_kinds) != set(netgraph.NODE_KINDS) else None,
        edge_kinds=frozenset(edge_kinds or ["__none__"])
        if kinds_apply and set(edge_kinds) != set(netgraph.EDGE_KINDS)
        else None,
        sectors=_given(sectors),
        org_types=_given(org_types),
        stages=_given(stages),
        staff=frozenset(staff) or None,
        min_strength=min_strength if min_strength > 1 else None,
        contact_after=after,
        contact_before=before,
    )


def filters_in_use(values: Mapping[str, Any], defaults: Mapping[str, Any], unordered: Sequence[str] = ()) -> int:
    """How many of ``values`` differ from their ``defaults`` (the keys ``unordered`` compared as sets)."""
    count = 0
    for key, default in defaults.items():
        value = values.get(key, default)
        if key in unordered:
            count += set(value or ()) != set(default)
        else:
            count += value != default
    return count


# --- words for nodes and ties -------------------------------------------------------------------------


def staff_members(G: nx.Graph) -> dict[str, str]:
    """The staff members of ``G`` (node: name), by name."""
    members = [v for v, kind in G.nodes(data="kind") if kind == "staff"]
    return {v: node_label(G, v) for v in sorted(members, key=lambda v: (node_label(G, v).casefold(), v))}


def staff_node_of(G: nx.Graph, members: Sequence[str], email: str | None) -> str | None:
    """The staff member among ``members`` with the e-mail ``email`` (any case), or None."""
    wanted = (email or "").strip().casefold()
    mine = [v for v in members if wanted and str(G.nodes[v].get("email") or "").casefold() == wanted]
    return mine[0] if mine else None


def view_find_choices(view: NetworkView, lang: str) -> dict[Hashable, str]:
    """:func:`find_choices` of the drawn graph, kept per view (shared: read it, never change it); a
    filtered view takes its nodes' choices from the unfiltered view's instead of naming every node again."""
    if view.key is None:
        return find_choices(view.graph, lang)

    def make() -> dict[Hashable, str]:
        if view.unfiltered is None:
            return find_choices(view.graph, lang)
        shown = view.graph
        return {v: text for v, text in view_find_choices(view.unfiltered, lang).items() if v in shown}

    found: dict[Hashable, str] = _MEASURES.get_or_make((view.key, "find", lang), make)
    return found


@dataclass(frozen=True)
class TieIndex:
    """The ties of a view's graph as arrays of node numbers, so a filter of it is a numpy mask."""

    #: Each node's number.
    number: dict[Hashable, int]
    #: Both ends of every tie.
    ends: tuple[np.ndarray, np.ndarray]
    #: The ties of each edge trace of the view's drawing, in drawing order (see
    #: :func:`lib.network.plot_elements.edge_pairs`): the node numbers of both ends and the pairs.
    drawn: tuple[tuple[np.ndarray, np.ndarray, list[tuple[Hashable, Hashable]]], ...]

    def shown(self, nodes: Iterable[Hashable]) -> np.ndarray:
        """A mask over the node numbers: True for ``nodes``."""
        mask = np.zeros(len(self.number), dtype=bool)
        mask[[self.number[v] for v in nodes if v in self.number]] = True
        return mask


def tie_index(view: NetworkView) -> TieIndex:
    """:class:`TieIndex` of ``view``'s graph, kept per view."""

    def make() -> TieIndex:
        G = view.graph
        number = {v: i for i, v in enumerate(G)}

        def ends(pairs: Sequence[tuple[Hashable, Hashable]]) -> tuple[np.ndarray, np.ndarray]:
            flat = np.fromiter((number[v] for pair in pairs for v in pair), dtype=np.int64, count=2 * len(pairs))
            return flat[0::2], flat[1::2]

        placed = {v for v in G if v in view.positions}
        by_kind, _ = plotting.edge_pairs(G, placed)
        drawn = tuple((*ends(pairs), pairs) for pairs in by_kind.values() if pairs)
        return TieIndex(number, ends(list(G.edges())), drawn)

    if view.key is None:
        return make()
    found: TieIndex = _MEASURES.get_or_make((view.key, "tie index"), make)
    return found


def view_size(view: NetworkView) -> tuple[int, int]:
    """How many nodes and ties the view draws, kept per view: counting the ties of a filtered view of
    a big graph edge by edge costs more than the rest of a rerun."""

    def count() -> tuple[int, int]:
        G = view.graph
        whole = view.unfiltered
        if whole is None or view.ties_filtered:
            return G.number_of_nodes(), G.number_of_edges()
        index = tie_index(whole)
        shown = index.shown(G)
        return int(shown.sum()), int((shown[index.ends[0]] & shown[index.ends[1]]).sum())

    if view.key is None:
        return count()
    found: tuple[int, int] = _MEASURES.get_or_make((view.key, "size"), count)
    return found


def find_choices(G: nx.Graph, lang: str) -> dict[Hashable, str]:
    """Every node of ``G`` by name, as "name · kind · organisation", for the find box."""

    def shown(v: Hashable) -> str:
        data = G.nodes[v]
        parts = [node_label(G, v), kind_label(data.get("kind"), lang)]
        if data.get("organisation") and data.get("kind") != "organisation":
            parts.append(str(data["organisation"]))
        return " · ".join(parts)

    return {v: shown(v) for v in sorted(G, key=lambda v: (node_label(G, v).casefold(), str(v)))}


__all__ = [
    "FILTER_STAGES",
    "METRIC_DECIMALS",
    "NOT_GIVEN",
    "RANKED_METRICS",
    "RING_CANDIDATES",
    "SIZE_BY_KIND",
    "SIZE_METRICS",
    "TABLE_METRICS",
    "TIE_FIELDS",
    "VIEWS",
    "NetworkView",
    "broker_lines",
    "changes_frame",
    "cold_tie_frames",
    "compare_dates",
    "current_view",
    "describe",
    "figure_texts",
    "filled_columns",
    "filters_in_use",
    "find_choices",
    "graph_key",
    "graph_metrics",
    "organisation_graph",
    "view_figures",
    "view_find_choices",
    "view_metrics",
    "view_size",
    "tie_index",
    "TieIndex",
    "view_positions",
    "isolate_names",
    "kind_label",
    "metric_text",
    "metrics_frame",
    "metrics_xlsx",
    "network_filter",
    "node_label",
    "node_measures",
    "number_text",
    "page_graphs",
    "potential_partners_frame",
    "pulled_in",
    "single_person_frame",
    "staff_members",
    "staff_node_of",
    "tie_rows",
    "tie_text",
    "timeline_bounds",
    "whole_graph_of",
]
