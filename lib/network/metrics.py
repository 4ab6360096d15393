"""Who sits where in the network: centrality per node, communities and figures for the whole network.

The measures are the usual ones of social network analysis, computed on the undirected graph:

``degree``
    number of ties; ``weighted_degree`` the sum of their weights (stronger ties count more).
``betweenness``
    how often a node lies on the shortest paths between two others (normalised, 0-1): the brokers
    who connect parts of the network that would otherwise not meet.
``closeness``
    how near a node is to everyone it can reach (Wasserman-Faust, as networkx computes it, so small
    components do not look central).
``eigenvector``
    being tied (strongly) to nodes that are themselves well connected.
``reach``
    the share of all other nodes within two steps.
``community``
    the group found by Louvain modularity optimisation, numbered 1, 2, ... by size (1 the largest).

Betweenness, closeness and path lengths count steps and ignore weights; eigenvector, weighted degree
and communities use the ``weight`` attribute (default 1).

Speed
-----
The shortest paths behind betweenness and closeness are found for many sources at once with sparse
matrix products (a level-synchronous form of Brandes' algorithm), so a 10,000-node network takes
seconds, not minutes. Up to ``exact_limit`` nodes everything is exact and communities come from
:func:`networkx.community.louvain_communities`; above it, each large component is sampled from
``sample_size`` source nodes (the estimator of Brandes and Pich, as networkx uses for ``k``) and
communities come from a queue-based Louvain of the same method that needs far fewer passes.
The frame's ``attrs`` say which was done.

One algorithm a module, as networkx does: :mod:`~lib.network.matrices`,
:mod:`~lib.network.shortest_paths`, :mod:`~lib.network.reach`, :mod:`~lib.network.eigenvector` and
:mod:`~lib.network.communities`; this module puts their results together and caches them.

Measured on the project's two-core machine (under load from other work): 10,000 nodes and 50,000
edges take 2.7-4 s for :func:`node_metrics` and :func:`network_figures` together; a graph just
at ``exact_limit`` (3,000 nodes, 15,000 edges, everything exact) about 9 s.

Examples
--------
>>> import networkx as nx
>>> df = node_metrics(nx.florentine_families_graph())
>>> df["betweenness"].idxmax()
'Medici'
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from lib.db.revision import RevisionCache
from lib.network.communities import find_communities
from lib.network.eigenvector import eigenvector_centrality
from lib.network.graph import graph_key
from lib.network.matrices import component_members, step_and_weight_matrices
from lib.network.reach import two_step_reach
from lib.network.shortest_paths import betweenness_and_closeness, distance_totals, sampled_sources

METRIC_COLUMNS = (
    "label",
    "kind",
    "degree",
    "weighted_degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "reach",
    "community",
)

#: Up to this many nodes betweenness, closeness and path lengths are exact; above it they are estimated
#: from SAMPLE_SIZE sources (and the page says so). Exact costs ~3 s at 2,000 nodes and ~9 s at 3,000
#: on a 2-core server, too slow for a page a user waits on.
EXACT_LIMIT = 2000

SAMPLE_SIZE = 300

SEED = 42


def node_metrics(
    G: nx.Graph, *, exact_limit: int = EXACT_LIMIT, sample_size: int = SAMPLE_SIZE, seed: int = SEED
) -> pd.DataFrame:
    """Centrality of every node, one row per node.

    Parameters
    ----------
    G : networkx.Graph
        Undirected; ``weight`` on edges (default 1), ``label`` and ``kind`` on nodes if known.
    exact_limit : int
        Up to this many nodes everything is exact (and communities come from networkx's Louvain).
    sample_size : int
        Above ``exact_limit``, the number of source nodes each large component is sampled from.
    seed : int
        For the sample and for Louvain; the same graph and seed always give the same frame.

    Returns
    -------
    pandas.DataFrame
        Indexed by node id, with the columns of :data:`METRIC_COLUMNS` (see the module notes).
        ``df.attrs`` holds ``betweenness_sample`` (the number of sampled sources, or None when
        exact), ``closeness_sample`` (the same), ``community_method`` (``"louvain"`` or
        ``"louvain_queue"``) and ``eigenvector_converged``.

    Notes
    -----
    Components are handled one by one: paths never cross them. A component of at most
    ``sample_size`` nodes is always computed exactly; a larger one, in a graph above
    ``exact_limit``, from ``sample_size`` sources. For a sampled component the betweenness of a
    node is the sampled sum scaled by (c - 1) / k (k - 1 for the sources themselves, which cannot
    depend on themselves), and closeness uses the mean distance to the sampled sources.

    Eigenvector centrality never raises: on a disconnected graph the nodes of components with a
    smaller leading eigenvalue get values near 0, as with networkx.

    Examples
    --------
    >>> df = node_metrics(nx.path_graph(["a", "b", "c"]))
    >>> float(df.loc["b", "betweenness"])
    1.0
    """
    nodes = list(G.nodes)
    n = len(nodes)
    if n == 0:
        frame = pd.DataFrame(columns=list(METRIC_COLUMNS))
        frame.index.name = "node"
        frame.attrs.update(
            betweenness_sample=None, closeness_sample=None, community_method="louvain", eigenvector_converged=True
        )
        return frame
    exact = n <= exact_limit
    A, W = step_and_weight_matrices(G, nodes)
    betweenness, closeness, sampled = betweenness_and_closeness(A, n, exact=exact, sample_size=sample_size, seed=seed)
    eigenvector, converged = eigenvector_centrality(W)
    communities, method = find_communities(G, nodes, W, exact=exact, seed=seed)
    frame = pd.DataFrame(
        {
            "label": [str(G.nodes[v].get("label", v)) for v in nodes],
            "kind": [G.nodes[v].get("kind", "") for v in nodes],
            "degree": np.diff(A.indptr).astype(np.int64),
            "weighted_degree": np.asarray(W.sum(axis=1)).ravel(),
            "betweenness": betweenness,
            "closeness": closeness,
            "eigenvector": eigenvector,
            "reach": two_step_reach(A),
            "community": communities,
        },
        index=pd.Index(nodes, name="node"),
    )
    frame.attrs.update(
        betweenness_sample=sampled, closeness_sample=sampled, community_method=method, eigenvector_converged=converged
    )
    return frame


def network_figures(
    G: nx.Graph, *, exact_limit: int = EXACT_LIMIT, sample_size: int = SAMPLE_SIZE, seed: int = SEED
) -> dict[str, Any]:
    """Figures for the whole network.

    Parameters
    ----------
    G : networkx.Graph
    exact_limit : int
        Path lengths are exact while the largest component has at most this many nodes.
    sample_size, seed : int
        Above that, the number of breadth-first searches sampled, and their seed.

    Returns
    -------
    dict
        ``nodes``, ``edges``, ``density``, ``components`` (connected components, isolated nodes
        included), ``largest_component`` (its number of nodes), ``average_path_length`` and
        ``diameter`` of the largest component (None for an empty graph), and ``path_sample``:
        None when those two are exact, otherwise the number of sampled sources. Sampled, the
        average is the mean distance from the sampled sources, and the diameter the longest
        distance found from them and from the farthest node they found (a lower bound that is
        usually exact).

    Examples
    --------
    >>> network_figures(nx.path_graph(4))["diameter"]
    3
    """
    nodes = list(G.nodes)
    n = len(nodes)
    figures: dict[str, Any] = {
        "nodes": n,
        "edges": G.number_of_edges(),
        "density": nx.density(G) if n else 0.0,
        "components": 0,
        "largest_component": 0,
        "average_path_length": None,
        "diameter": None,
        "path_sample": None,
    }
    if n == 0:
        return figures
    A, _ = step_and_weight_matrices(G, nodes)
    components = component_members(A)
    largest = components[0]
    figures.update(components=len(components), largest_component=len(largest))
    if len(largest) == 1:
        figures.update(average_path_length=0.0, diameter=0)
        return figures
    inside = A[largest][:, largest]
    if len(largest) <= exact_limit:
        total, longest = distance_totals(inside, np.arange(len(largest)))
        figures.update(average_path_length=total / (len(largest) * (len(largest) - 1)), diameter=longest)
        return figures
    sources = sampled_sources(np.arange(len(largest)), min(sample_size, len(largest)), seed)
    total, longest, farthest = distance_totals(inside, sources, farthest=True)
    _, sweep = distance_totals(inside, np.asarray([farthest]))
    figures.update(
        average_path_length=total / (len(sources) * (len(largest) - 1)),
        diameter=max(longest, sweep),
        path_sample=len(sources),
    )
    return figures


def brokers(metrics: pd.DataFrame, n: int = 5, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """The ``n`` nodes with the highest betweenness above 0: who connects otherwise separate parts.

    Parameters
    ----------
    metrics : pandas.DataFrame
        From :func:`node_metrics`.
    n : int
        How many.
    kinds : iterable of str, optional
        Only nodes of these kinds (e.g. ``{"contact", "organisation"}`` to leave out the library
        and staff, who connect things by definition).

    Returns
    -------
    pandas.DataFrame
        The rows of ``metrics``, highest betweenness first (label breaks ties).
    """
    found = metrics[metrics["betweenness"] > 0]
    if kinds is not None:
        found = found[found["kind"].isin(set(kinds))]
    return found.sort_values(["betweenness", "label"], ascending=[False, True], kind="stable").head(n)


def rank_of(metrics: pd.DataFrame, name: str, node: Hashable) -> tuple[int, int] | None:
    """Where ``node`` stands on the measure ``name`` among every node of ``metrics``: (place, how many),
    highest first and ties sharing a place ("nr. 3 af 120"); None when the node or its value is missing.

    A place reads better than a value such as 0,314, which means nothing to most readers.
    """
    if node not in metrics.index or name not in metrics.columns or pd.isna(metrics.at[node, name]):
        return None
    return int(places(metrics, name)[node]), int(metrics[name].notna().sum())


def places(metrics: pd.DataFrame, name: str) -> pd.Series:
    """Every node's place on the measure ``name``: 1 for the highest, ties sharing a place, missing
    values without a place (nullable integers, so a table sorts them as numbers)."""
    return metrics[name].rank(ascending=False, method="min").astype("Int64")


def isolates(G: nx.Graph) -> list[Hashable]:
    """Nodes without any tie, sorted by kind and label."""
    return sorted(
        nx.isolates(G), key=lambda v: (str(G.nodes[v].get("kind", "")), str(G.nodes[v].get("label", v)), str(v))
    )


#: The measures of a graph, per graph: node measures and the figures of the whole, the node measures
#: kept as the :class:`~concurrent.futures.Future` of their measuring (so that a layout can run beside
#: it). The network page, the Partnere chart and the timeline read the same graph's measures here.
_KEPT = RevisionCache(max_entries=16)
#: Measures a graph in a thread of its own, so that it can run beside the layout.
_MEASURING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="network-measures")


def measuring(G: nx.Graph, key: Hashable | None = None, *, beside: bool = True) -> Future[pd.DataFrame]:
    """The measuring of ``G`` (:func:`node_metrics`, then :func:`network_figures`), started once per
    graph and kept as it runs and after it finished; one that failed before is started again.

    ``key`` names ``G`` (default :func:`~lib.network.graph.graph_key`, free for a graph straight from
    ``build_graph``); a caller that knows a derived graph by a cheaper name passes that. ``beside``:
    measured in a thread of its own (beside a layout), else in the calling thread."""
    name = graph_key(G) if key is None else key
    started_here: list[bool] = []

    def measure() -> pd.DataFrame:
        frame = node_metrics(G)
        # The figures of the whole too, while nobody waits: the figures tab then opens at once.
        _KEPT.get_or_make((name, "figures"), lambda: network_figures(G))
        return frame

    def start() -> Future[pd.DataFrame]:
        started_here.append(True)
        return _MEASURING.submit(measure) if beside else _measured_here(measure)

    started: Future[pd.DataFrame] = _KEPT.get_or_make((name, "metrics"), start)
    if not started_here and started.done() and started.exception() is not None:
        # A measuring that failed is no answer: the next call measures again (rather than raising
        # the same error on every rerun until the data changes).
        _KEPT.drop((name, "metrics"), started)
        started = _KEPT.get_or_make((name, "metrics"), start)
    return started


def _measured_here(measure: Callable[[], pd.DataFrame]) -> Future[pd.DataFrame]:
    """``measure()`` run now, in this thread, as a finished future (its answer or its error)."""
    done: Future[pd.DataFrame] = Future()
    try:
        done.set_result(measure())
    except Exception as error:  # kept in the future: raised by its result(), dropped by the next call
        done.set_exception(error)
    return done


def kept_node_metrics(G: nx.Graph, key: Hashable | None = None) -> pd.DataFrame:
    """:func:`node_metrics` of ``G``, once per graph (see :func:`measuring`; measured in this thread
    unless already under way); shared: read it, never change it."""
    return measuring(G, key, beside=False).result()


def kept_network_figures(G: nx.Graph, key: Hashable | None = None) -> dict[str, Any]:
    """:func:`network_figures` of ``G``, worked out beside its node measures, once per graph; a copy."""
    kept_node_metrics(G, key)
    name = graph_key(G) if key is None else key
    figures: dict[str, Any] = _KEPT.get_or_make((name, "figures"), lambda: network_figures(G))
    return dict(figures)


def cached_node_metrics(G: nx.Graph) -> pd.DataFrame:
    """:func:`node_metrics` once per graph (the kept measures of :func:`kept_node_metrics`); a copy."""
    return kept_node_metrics(G).copy()


def clear_cache() -> None:
    """Forget every kept measure (tests, or after an erasure)."""
    _KEPT.clear()
