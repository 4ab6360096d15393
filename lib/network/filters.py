"""Filtering the network graph: by kind of node and tie, strength, type, sector, staff member and
search text (:class:`NetworkFilter`, :func:`apply_filter`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from lib.core.vocabulary import fold
from lib.network.build import primary_kind
from lib.network.nodes import (
    _AFFILIATION_ATTRIBUTES,
    _CONTACT_ATTRIBUTES,
    _RELATION_ATTRIBUTES,
    DEFAULT_STRENGTH,
    LIBRARY,
)
from lib.network.views import staff_reach


def _frozen(values: Iterable[Any] | None) -> frozenset[Any] | None:
    """A filter value as a frozenset; None or an empty selection means "no filter"."""
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    values = frozenset(values)
    return values or None


@dataclass(frozen=True)
class NetworkFilter:
    """What the network page shows: every field left at None (or empty) shows everything.

    Attributes
    ----------
    node_kinds : set of str, optional
        Node kinds to show (:data:`NODE_KINDS`).
    edge_kinds : set of str, optional
        Edge kinds to show (:data:`EDGE_KINDS`). An edge holding several kinds stays with the
        allowed ones and its weight recomputed.
    sectors, org_types : set of str, optional
        Organisations to show by sector or type; ``None`` inside the set stands for "not given".
        People and the library are not affected.
    stages : set of str, optional
        Organisations to show by the stage of their partnership with the library (the furthest
        stage of the registered partnerships under way, see :func:`partner_organisations`);
        ``None`` inside the set stands for organisations without a registered partnership.
    staff : set of str, optional
        Staff node ids: show only the ties held by or running through these staff members, as
        :func:`staff_network` shows them, together with the library and its partnerships held by
        them.
    min_strength : int, optional
        Relations weaker than this are hidden; a relation of unknown strength counts as
        :data:`DEFAULT_STRENGTH`. Other kinds of tie are not affected.
    contact_before, contact_after : date, optional
        Show relations and partnerships whose last contact lies within these bounds (inclusive);
        ties without a last contact are hidden while a bound is set. Affiliations and staff ties
        are not affected.
    search : str
        Show nodes whose name, organisation or e-mail contains the text (any case), with their
        neighbours.
    """

    node_kinds: frozenset[str] | None = None
    edge_kinds: frozenset[str] | None = None
    sectors: frozenset[str | None] | None = None
    org_types: frozenset[str | None] | None = None
    stages: frozenset[str | None] | None = None
    staff: frozenset[str] | None = None
    min_strength: int | None = None
    contact_before: dt.date | None = None
    contact_after: dt.date | None = None
    search: str = ""

    def __post_init__(self) -> None:
        # Widgets hand over lists; a frozen, hashable filter can be a cache key.
        for name in ("node_kinds", "edge_kinds", "sectors", "org_types", "stages", "staff"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        object.__setattr__(self, "search", (self.search or "").strip())

    @property
    def selects_nodes(self) -> bool:
        """True when a node filter (kinds, sectors, types or search) picks what is shown."""
        return bool(self.node_kinds or self.sectors or self.org_types or self.stages or self.search)

    @property
    def filters_ties(self) -> bool:
        """True when a tie filter (kinds, strength, dates, staff or search) may hide ties between
        nodes that are shown."""
        ties = (self.edge_kinds, self.min_strength, self.contact_before, self.contact_after, self.staff)
        return any(value is not None for value in ties) or bool(self.search)

    @property
    def is_empty(self) -> bool:
        return self == NetworkFilter()


def _node_passes(data: dict[str, Any], flt: NetworkFilter) -> bool:
    if flt.node_kinds is not None and data.get("kind") not in flt.node_kinds:
        return False
    if data.get("kind") == "organisation":
        if flt.sectors is not None and data.get("sector") not in flt.sectors:
            return False
        if flt.org_types is not None and data.get("org_type") not in flt.org_types:
            return False
        if flt.stages is not None and data.get("partner_stage") not in flt.stages:
            return False
    return True


def _kept_kinds(data: dict[str, Any], flt: NetworkFilter) -> frozenset[str]:
    kinds = set(data.get("kinds") or {data.get("kind")})
    if flt.edge_kinds is not None:
        kinds &= flt.edge_kinds
    if flt.min_strength is not None and "relation" in kinds:
        strength = data.get("strength")
        if (strength if strength is not None else DEFAULT_STRENGTH) < flt.min_strength:
            kinds.discard("relation")
    if flt.contact_before is not None or flt.contact_after is not None:
        last = data.get("last_contact")
        inside = last is not None and not (
            (flt.contact_before is not None and last > flt.contact_before)
            or (flt.contact_after is not None and last < flt.contact_after)
        )
        if not inside:
            kinds -= {"relation", "partnership"}
    return frozenset(kinds)


def _with_kinds(data: dict[str, Any], kinds: frozenset[str]) -> dict[str, Any]:
    """Edge attributes restricted to ``kinds``: weight, counts and kind-specific values follow."""
    out = dict(data)
    # The per-kind dicts are copied so that changing the filtered graph never changes ``G``.
    out["weights_by_kind"] = dict(data.get("weights_by_kind") or {})
    out["ties_by_kind"] = dict(data.get("ties_by_kind") or {})
    if kinds == data.get("kinds"):
        return out
    weights = {k: w for k, w in (data.get("weights_by_kind") or {}).items() if k in kinds}
    counts = {k: c for k, c in (data.get("ties_by_kind") or {}).items() if k in kinds}
    out.update(
        kind=primary_kind(kinds),
        kinds=kinds,
        weights_by_kind=weights,
        ties_by_kind=counts,
        weight=float(sum(weights.values())),
        ties=sum(counts.values()),
    )
    if "relation" not in kinds:
        out.update(dict.fromkeys(_RELATION_ATTRIBUTES))
        out["relation_kinds"], out["relation_ids"] = frozenset(), ()
    if not kinds & {"relation", "partnership"}:
        out.update(dict.fromkeys(_CONTACT_ATTRIBUTES))
        out.update(owner=None, holders=frozenset())
    if "affiliation" not in kinds:
        out.update(dict.fromkeys(_AFFILIATION_ATTRIBUTES))
    return out


def _matches(data: dict[str, Any], needle: str) -> bool:
    text = " ".join(str(data.get(name) or "") for name in ("label", "organisation", "email"))
    return needle in fold(text)


def apply_filter(G: nx.Graph, flt: NetworkFilter) -> nx.Graph:
    """The part of ``G`` that ``flt`` shows, as a new graph (``G`` is not changed).

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`build_graph` (or a view of it).
    flt : NetworkFilter
        The filters.

    Returns
    -------
    networkx.Graph
        A copy with the nodes and edges that pass; edge attributes follow the kinds kept.

    Notes
    -----
    Node filters (kinds, sectors, types) decide which nodes can be shown; edge filters (kinds,
    strength, contact dates) decide which ties between them are shown. A node that had ties among
    the shown nodes but lost all of them to the edge filters disappears too -- unless a node filter
    (kinds, sectors, types or search) is set, in which case the user chose those nodes and they stay.
    Nodes that had no ties in the first place (isolates) stay: they are a finding.
    The staff filter and the search narrow the nodes further (see :class:`NetworkFilter`).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("L", kind="library")
    >>> G.add_node("O1", kind="organisation")
    >>> G.add_node("P1", kind="person")
    >>> sorted(apply_filter(G, NetworkFilter(node_kinds={"organisation", "library"})))
    ['L', 'O1']
    """
    nodes, edges = _chosen(G, flt)
    H = nx.Graph(**G.graph)
    for (u, v), kinds in edges.items():
        H.add_edge(u, v, **_with_kinds(G.edges[u, v], kinds))
    for v in G:
        if v in nodes:
            H.add_node(v)
    for v in H.nodes:
        H.nodes[v].update(G.nodes[v])
    return H


def _chosen(G: nx.Graph, flt: NetworkFilter) -> tuple[set[str], dict[tuple[str, str], frozenset[str]]]:
    """The nodes :func:`apply_filter` shows and its edges with the kinds each keeps."""
    nodes = {v for v, data in G.nodes(data=True) if _node_passes(data, flt)}
    edges: dict[tuple[str, str], frozenset[str]] = {}
    for u, v, data in G.edges(data=True):
        if u in nodes and v in nodes:
            kinds = _kept_kinds(data, flt)
            if kinds:
                edges[(u, v)] = kinds
    had_ties = {n for u, v in G.edges() if u in nodes and v in nodes for n in (u, v)}
    if flt.staff is not None:
        nodes, edges = _restrict_to_staff(G, nodes, edges, flt.staff)
    if flt.search:
        nodes, edges = _restrict_to_search(G, nodes, edges, fold(flt.search))
    keep_isolated = flt.selects_nodes
    with_ties = {n for edge in edges for n in edge}
    return {v for v in nodes if v in with_ties or keep_isolated or v not in had_ties}, edges


def filtered_view(G: nx.Graph, flt: NetworkFilter) -> nx.Graph | None:
    """What :func:`apply_filter` shows, as a read-only view of ``G`` that shares its node and edge data
    (nothing is copied: a filter of a network of 50,000 ties costs a pass over the nodes, not a new graph).

    None when some edge that stays loses part of its kinds (an edge-kind, strength or date filter
    on an edge of several kinds): its weight and attributes change, which only :func:`apply_filter`'s
    copy can show. The view keeps ``G``'s order of nodes and edges.
    """
    if not flt.filters_ties:
        nodes = {v for v, data in G.nodes(data=True) if _node_passes(data, flt)}
        return nx.subgraph_view(G, filter_node=nodes.__contains__)
    nodes, edges = _chosen(G, flt)
    for (u, v), kinds in edges.items():
        data = G.edges[u, v]
        if kinds != (data.get("kinds") or {data.get("kind")}):
            return None
    kept = set(edges) | {(v, u) for u, v in edges}
    return nx.subgraph_view(G, filter_node=nodes.__contains__, filter_edge=lambda u, v: (u, v) in kept)


def _restrict_to_staff(
    G: nx.Graph, nodes: set[str], edges: dict[tuple[str, str], frozenset[str]], staff: frozenset[str]
) -> tuple[set[str], dict[tuple[str, str], frozenset[str]]]:
    reached: set[str] = {LIBRARY}
    held: set[frozenset[str]] = set()
    for member in staff:
        if member not in G:
            continue
        member_nodes, member_edges = staff_reach(G, member)
        reached |= member_nodes
        held |= {frozenset(e) for e in member_edges}
        held.add(frozenset((LIBRARY, member)))
    for u, v, data in G.edges(LIBRARY, data=True):
        if "partnership" in (data.get("kinds") or ()) and data.get("holders", frozenset()) & staff:
            held.add(frozenset((u, v)))
            reached.add(v if u == LIBRARY else u)
    nodes = nodes & reached
    edges = {e: k for e, k in edges.items() if frozenset(e) in held and e[0] in nodes and e[1] in nodes}
    return nodes, edges


def _restrict_to_search(
    G: nx.Graph, nodes: set[str], edges: dict[tuple[str, str], frozenset[str]], needle: str
) -> tuple[set[str], dict[tuple[str, str], frozenset[str]]]:
    found = {v for v in nodes if _matches(G.nodes[v], needle)}
    shown = set(found)
    for u, v in edges:
        if u in found:
            shown.add(v)
        if v in found:
            shown.add(u)
    edges = {e: k for e, k in edges.items() if e[0] in shown and e[1] in shown}
    return shown, edges
