"""Views derived from the network graph: organisations only, one staff member's network, the
neighbourhood of one node."""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from lib.db.revision import RevisionCache
from lib.network.build import kept_for_graph, primary_kind
from lib.network.nodes import LIBRARY


def has_kind(data: dict[str, Any], kind: str) -> bool:
    return kind in (data.get("kinds") or {data.get("kind")})


def organisations_of(G: nx.Graph, person: str) -> list[str]:
    """The organisations ``person`` is affiliated with in ``G``, sorted."""
    return sorted(
        other
        for other, data in G[person].items()
        if has_kind(data, "affiliation") and G.nodes[other].get("kind") == "organisation"
    )


#: :func:`organisations_by_person` of shared graphs: the organisation view, the staff ties by
#: organisation and the single-person dependencies each ask it of the same graph.
_ORGANISATIONS = RevisionCache(max_entries=3)


def organisations_by_person(G: nx.Graph) -> dict[str, list[str]]:
    """:func:`organisations_of` of every node at once (a node with no organisation is left out): for
    the views that ask it of 100,000 people. For a shared graph of :func:`build_graph` the answer is
    kept and shared: read it, never change it."""
    return kept_for_graph(_ORGANISATIONS, G, None, lambda: _organisations_by_person(G))


def _organisations_by_person(G: nx.Graph) -> dict[str, list[str]]:
    # Walks only the organisations' ties, a few thousand nodes.
    found: dict[str, list[str]] = {}
    for organisation, kind in G.nodes(data="kind"):
        if kind != "organisation":
            continue
        for other, data in G[organisation].items():
            if has_kind(data, "affiliation"):
                found.setdefault(other, []).append(organisation)
    for organisations in found.values():
        organisations.sort()
    return found


def people_of(G: nx.Graph, organisation: str) -> list[str]:
    """The people affiliated with ``organisation`` in ``G``, sorted."""
    return sorted(
        other
        for other, data in G[organisation].items()
        if has_kind(data, "affiliation") and G.nodes[other].get("kind") in ("staff", "contact")
    )


def _folded_into(node: str, kind: str | None, organisations: dict[str, list[str]], library: list[str]) -> list[str]:
    """Where ``node`` (of ``kind``) lands in the organisation view: itself, its ``organisations``
    (:func:`organisations_by_person`), or the ``library`` (``["L"]``, or none when the graph has no library)."""
    if kind in ("library", "organisation"):
        return [node]
    if kind == "staff":
        return library
    return organisations.get(node, [])


def organisation_view(G: nx.Graph) -> nx.Graph:
    """The network between organisations, with people folded into the organisations they work at.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`build_graph` or :func:`apply_filter`.

    Returns
    -------
    networkx.Graph
        The library and every organisation of ``G``. Two of them are joined when a relation or
        partnership runs between them or between their people; ``ties`` (and ``weight``) is the
        number of such ties, ``kinds`` their kinds, ``last_contact`` the most recent contact.
        Organisation nodes get ``people``: how many of ``G``'s people were folded into them.

    Notes
    -----
    Staff fold into the library node ``"L"``. A contact with no organisation is dropped; a contact
    with several organisations counts at each of them. Affiliations and staff ties are what the
    folding follows, so they are not ties in this view; nor is a tie between two people of the
    same organisation.

    Examples
    --------
    >>> view = organisation_view(G)                                    # doctest: +SKIP
    >>> view.edges["L", "O7"]["ties"]                                  # doctest: +SKIP
    4
    """
    view = nx.Graph(**G.graph)
    organisations = organisations_by_person(G)
    kind_of = dict(G.nodes(data="kind"))
    library = [LIBRARY] if LIBRARY in G else []
    folded = {v: _folded_into(v, kind_of[v], organisations, library) for v in G}
    for v, data in G.nodes(data=True):
        if data.get("kind") in ("library", "organisation"):
            view.add_node(v, **data, people=0)
    people: dict[str, int] = {}
    for v, targets in folded.items():
        if kind_of[v] in ("staff", "contact"):
            for target in targets:
                people[target] = people.get(target, 0) + 1
    for target, count in people.items():
        view.nodes[target]["people"] += count
    # Summed per pair of organisations first, in the order the pairs are first met, and then added:
    # the same edges in the same order as adding and updating each tie in the view, without looking
    # each of a quarter of a million ties up in it.
    folded_ties: dict[tuple[str, str], _FoldedTie] = {}
    for u, v, data in G.edges(data=True):
        ends_u, ends_v = folded[u], folded[v]
        if not ends_u or not ends_v:
            continue
        counts = data.get("ties_by_kind") or {data.get("kind"): 1}
        number = sum(c for k, c in counts.items() if k in ("relation", "partnership"))
        if not number:
            continue
        kinds = frozenset(k for k in counts if k in ("relation", "partnership"))
        for a in ends_u:
            for b in ends_v:
                if a != b:
                    pair = (a, b) if a < b else (b, a)
                    tie = folded_ties.get(pair)
                    if tie is None:
                        folded_ties[pair] = _FoldedTie(a, b, number, kinds, data.get("last_contact"))
                    else:
                        tie.add(number, kinds, data.get("last_contact"))
    for tie in folded_ties.values():
        view.add_edge(
            tie.a,
            tie.b,
            ties=tie.ties,
            weight=float(tie.ties),
            kinds=tie.kinds,
            kind=primary_kind(tie.kinds),
            last_contact=tie.last_contact,
        )
    return view


class _FoldedTie:
    """The ties folded onto one pair of nodes of the organisation view, summed."""

    __slots__ = ("a", "b", "kinds", "last_contact", "ties")

    def __init__(self, a: str, b: str, ties: int, kinds: frozenset[str], last_contact: dt.date | None) -> None:
        self.a, self.b, self.ties, self.kinds, self.last_contact = a, b, ties, kinds, last_contact

    def add(self, ties: int, kinds: frozenset[str], last_contact: dt.date | None) -> None:
        self.ties += ties
        self.kinds = self.kinds | kinds
        if last_contact and (self.last_contact is None or last_contact > self.last_contact):
            self.last_contact = last_contact


def staff_reach(G: nx.Graph, staff_node: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The nodes and edges of one staff member's network (see :func:`staff_network`)."""
    nodes = {staff_node}
    edges: set[tuple[str, str]] = set()
    for other in G[staff_node]:
        if other != LIBRARY:
            nodes.add(other)
            edges.add((staff_node, other))
    for u, v, data in G.edges(data=True):
        held = data.get("owner") == staff_node or staff_node in data.get("holders", ())
        if held and LIBRARY not in (u, v):
            nodes |= {u, v}
            edges.add((u, v))
    for person in [n for n in nodes if G.nodes[n].get("kind") in ("staff", "contact") and n != staff_node]:
        for org in organisations_of(G, person):
            nodes.add(org)
            edges.add((person, org))
    return nodes, edges


def staff_network(G: nx.Graph, staff_node: str) -> nx.Graph:
    """ "My network": one staff member, the people and organisations they hold ties with.

    Parameters
    ----------
    G : networkx.Graph
        A graph from :func:`build_graph`.
    staff_node : str
        The staff member's node id, ``"P<id>"``.

    Returns
    -------
    networkx.Graph
        The staff member; everyone they have a direct tie with (the tie to the library itself
        excepted); both ends of every tie they hold (``owner`` or one of the ``holders``); and the
        organisations of those people, with the affiliations leading there. An unknown node gives
        an empty graph, so a page with a stale selection shows nothing instead of failing.

    Examples
    --------
    >>> mine = staff_network(G, "P3")                               # doctest: +SKIP
    """
    if staff_node not in G:
        return nx.Graph(**G.graph)
    nodes, edges = staff_reach(G, staff_node)
    H = nx.Graph(**G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in nodes)
    H.add_edges_from((u, v, G.edges[u, v]) for u, v in edges)
    return H.copy()


def ego_network(G: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """Everything within ``radius`` steps of ``node`` (1: direct ties; 2: ties of ties).

    Parameters
    ----------
    G : networkx.Graph
    node : str
        The centre.
    radius : int
        1 or 2 on the page; any non-negative number works.

    Returns
    -------
    networkx.Graph
        A copy of the induced subgraph; empty when ``node`` is not in ``G``.

    Examples
    --------
    >>> sorted(ego_network(nx.path_graph(["a", "b", "c"]), "a", 1))
    ['a', 'b']
    """
    if node not in G:
        return nx.Graph(**G.graph)
    return nx.ego_graph(G, node, radius=max(0, int(radius))).copy()
