"""A short fingerprint of a network graph, equal for equal graphs: the key of caches and stored
layouts."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import networkx as nx

_NODE_KEYS = ("kind", "label", "org_type", "sector")

_EDGE_KEYS = ("kind", "kinds", "weight", "strength", "first_contact", "last_contact", "start_date", "end_date", "owner")

#: Separates values inside one node's or edge's line; no name or date contains it.
_SEPARATOR = "\x1f"


def _plain(value: Any) -> str:
    if isinstance(value, (set, frozenset)):
        return ",".join(sorted(map(str, value)))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return repr(value)


def graph_signature(G: nx.Graph) -> str:
    """A stable hash of the nodes, edges and their key attributes: the cache key for layouts and metrics.

    The same network gives the same signature whatever order it was built in; any change to a node,
    an edge, a weight, a kind or a contact date changes it.

    Examples
    --------
    >>> graph_signature(nx.path_graph(3)) == graph_signature(nx.path_graph([2, 1, 0]))
    True
    """
    lines = [
        _SEPARATOR.join(["N", repr(v), *(_plain(data.get(k)) for k in _NODE_KEYS)]) for v, data in G.nodes(data=True)
    ]
    lines += [
        _SEPARATOR.join(["E", *sorted((repr(u), repr(v))), *(_plain(data.get(k)) for k in _EDGE_KEYS)])
        for u, v, data in G.edges(data=True)
    ]
    lines.sort()
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def graph_key(G: nx.Graph) -> Any:
    """What names ``G`` in a cache: the key a shared graph was built for (``G.graph["built_for"]``, see
    :func:`lib.network.build.build_graph`; reading it costs nothing), else :func:`graph_signature`.

    Only the shared graph itself carries that key truthfully: a graph derived from it (a filter, a
    view, a subgraph) copies or shares ``G.graph`` but is not the frozen original, so it is hashed."""
    key = G.graph.get("built_for")
    if key is not None and nx.is_frozen(G) and getattr(G, "_graph", None) is None:
        return key
    return graph_signature(G)
