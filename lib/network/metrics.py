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

import random
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph

from lib.network.graph import graph_signature

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
#: Numbers held at once while counting shortest paths: sources per batch x nodes.
_BATCH_CELLS = 3_200_000
#: Below this many (cell, neighbour) pairs a search step avoids the sparse product's overhead.
_SMALL_FRONTIER = 20_000
#: Sparse products per chunk when counting two-step neighbourhoods.
_REACH_CHUNK_WORK = 4_000_000
_EIGENVECTOR_MAX_ITER = 1000
_EIGENVECTOR_TOL = 1e-9


# --- matrices ---------------------------------------------------------------------------------------


def _matrices(G: nx.Graph, nodes: list[Hashable]) -> tuple[sp.csr_array, sp.csr_array]:
    """The 0/1 adjacency matrix (for paths) and the weighted one, both symmetric, without loops."""
    index = {v: i for i, v in enumerate(nodes)}
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    for u, v, weight in G.edges(data="weight", default=1.0):
        if u == v:
            continue
        i, j = index[u], index[v]
        w = float(weight) if weight is not None and float(weight) > 0 else 1.0
        rows += (i, j)
        cols += (j, i)
        weights += (w, w)
    n = len(nodes)
    shape = (n, n)
    weighted = sp.csr_array((np.asarray(weights, dtype=float), (rows, cols)), shape=shape)
    binary = weighted.copy()
    binary.data[:] = 1.0
    return binary, weighted


# --- shortest paths for many sources at once ----------------------------------------------------------


def _step(
    A: sp.csr_array, degree: np.ndarray, sources: np.ndarray, nodes: np.ndarray, values: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Spread ``values`` held at (source, node) cells to the nodes' neighbours, summed per cell.

    A big frontier goes through one sparse matrix product; a small one is expanded with plain
    array operations, because a sparse product costs about a millisecond of overhead however
    little it does, and a long thin network has thousands of small frontiers.
    """
    n = A.shape[0]
    counts = degree[nodes]
    work = int(counts.sum())
    if work > _SMALL_FRONTIER:
        frontier = sp.csr_array((values, (sources, nodes)), shape=(k, n))
        reached = (frontier @ A).tocoo()  # A is symmetric: frontier @ A spreads along every tie
        return reached.row, reached.col, reached.data
    if work == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    offsets = np.arange(work) - np.repeat(np.cumsum(counts) - counts, counts)
    neighbours = A.indices[np.repeat(A.indptr[nodes], counts) + offsets]
    cells = np.repeat(sources.astype(np.int64), counts) * n + neighbours
    unique, position = np.unique(cells, return_inverse=True)
    return unique // n, unique % n, np.bincount(position, weights=np.repeat(values, counts))


def _path_counts(
    A: sp.csr_array, degree: np.ndarray, sources: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[tuple]]:
    """Breadth-first search from every source at once.

    Returns the distances (k x n, -1 where unreachable), the number of shortest paths (k x n)
    and, per depth, the (source, node) cells first reached at that depth. The work is
    proportional to the ties met, as in one ordinary breadth-first search per source.
    """
    n, k = A.shape[0], len(sources)
    rows = np.arange(k)
    dist = np.full((k, n), -1, dtype=np.int32)
    sigma = np.zeros((k, n))
    dist[rows, sources] = 0
    sigma[rows, sources] = 1.0
    levels: list[tuple[np.ndarray, np.ndarray]] = [(rows, sources)]
    values = np.ones(k)
    depth = 0
    while True:
        r, c, paths = _step(A, degree, *levels[-1], values, k)
        new = dist[r, c] < 0
        if not new.any():
            break
        r, c, values = r[new], c[new], paths[new]
        depth += 1
        dist[r, c] = depth
        sigma[r, c] = values
        levels.append((r, c))
    return dist, sigma, levels


def _dependencies(
    A: sp.csr_array, degree: np.ndarray, dist: np.ndarray, sigma: np.ndarray, levels: list[tuple]
) -> np.ndarray:
    """Brandes' dependency of each source on each node (k x n), accumulated from the deepest level up."""
    k = dist.shape[0]
    delta = np.zeros(dist.shape)
    for depth in range(len(levels) - 1, 1, -1):
        rows, cols = levels[depth]
        share = (1.0 + delta[rows, cols]) / sigma[rows, cols]
        r, c, back = _step(A, degree, rows, cols, share, k)
        before = dist[r, c] == depth - 1
        r, c = r[before], c[before]
        delta[r, c] += sigma[r, c] * back[before]
    return delta


class _PathSums:
    """What betweenness and closeness need from the breadth-first searches, summed per node."""

    def __init__(self, n: int) -> None:
        self.dependency = np.zeros(n)
        self.distance = np.zeros(n)
        self.sources_reached = np.zeros(n)

    def add(self, A: sp.csr_array, sources: np.ndarray) -> None:
        degree = np.diff(A.indptr)
        batch = max(1, _BATCH_CELLS // max(A.shape[0], 1))
        for start in range(0, len(sources), batch):
            chunk = sources[start : start + batch]
            dist, sigma, levels = _path_counts(A, degree, chunk)
            self.dependency += _dependencies(A, degree, dist, sigma, levels).sum(axis=0)
            # Undirected: the distance from a source to v is the distance from v to the source.
            away = dist > 0
            self.distance += np.where(away, dist, 0).sum(axis=0)
            self.sources_reached += away.sum(axis=0)


def _components(A: sp.csr_array) -> list[np.ndarray]:
    """Connected components as arrays of node positions, largest first (then by first position)."""
    if A.shape[0] == 0:
        return []
    count, labels = csgraph.connected_components(A, directed=False)
    members = [np.flatnonzero(labels == c) for c in range(count)]
    members.sort(key=lambda m: (-len(m), m[0]))
    return members


def _sampled_sources(members: np.ndarray, size: int, seed: int) -> np.ndarray:
    """``size`` of ``members``, drawn the way networkx draws ``k`` sources.

    ``random.Random(seed).sample`` over the nodes in graph order is what networkx does, so a
    connected graph gets the same sources, and the same estimate, as ``betweenness_centrality(k=...)``.
    """
    return np.asarray(random.Random(seed).sample(list(members), size), dtype=np.int64)


def _betweenness_and_closeness(
    A: sp.csr_array, n: int, *, exact: bool, sample_size: int, seed: int
) -> tuple[np.ndarray, np.ndarray, int | None]:
    """Normalised betweenness and Wasserman-Faust closeness per node; the sample size if sampled."""
    raw = np.zeros(n)
    mean_distance = np.zeros(n)
    component_size = np.ones(n)
    exact_members: list[np.ndarray] = []
    sampled_with: int | None = None
    for members in _components(A):
        size = len(members)
        component_size[members] = size
        if size < 2:
            continue
        if exact or size <= sample_size:
            exact_members.append(members)
            continue
        # A large component of a large graph: estimated from a sample of sources.
        sources = _sampled_sources(members, sample_size, seed)
        sampled_with = sample_size
        sums = _PathSums(n)
        sums.add(A, sources)
        is_source = np.isin(members, sources)
        # Sources never depend on themselves: their estimate rests on the other k - 1 sources.
        used = np.where(is_source, sample_size - 1, sample_size)
        raw[members] = sums.dependency[members] * (size - 1) / used
        mean_distance[members] = sums.distance[members] / np.maximum(sums.sources_reached[members], 1)
    if exact_members:
        # Searches from different components never meet, so all exact ones run together.
        members = np.concatenate(exact_members)
        sums = _PathSums(n)
        sums.add(A, members)
        raw[members] = sums.dependency[members]
        mean_distance[members] = sums.distance[members] / (component_size[members] - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        closeness = np.where(mean_distance > 0, 1.0 / mean_distance, 0.0)
    closeness *= (component_size - 1) / max(n - 1, 1)
    betweenness = raw / ((n - 1) * (n - 2)) if n > 2 else np.zeros(n)
    return betweenness, closeness, sampled_with


# --- other measures ----------------------------------------------------------------------------------


def _two_step_reach(A: sp.csr_array) -> np.ndarray:
    """The share of other nodes within two steps of each node, counted in chunks of rows."""
    n = A.shape[0]
    if n < 2:
        return np.zeros(n)
    degree = np.diff(A.indptr)
    # Rows whose neighbours have many neighbours cost more; chunk by that work, not by row count.
    work = A @ degree.astype(float) + degree + 1
    counts = np.zeros(n)
    start = 0
    while start < n:
        stop = start + 1
        total = work[start]
        while stop < n and total + work[stop] <= _REACH_CHUNK_WORK:
            total += work[stop]
            stop += 1
        rows = A[start:stop]
        within = rows + rows @ A
        # A node with any tie reaches itself in two steps (there and back): not counted.
        counts[start:stop] = np.diff(within.indptr) - (degree[start:stop] > 0)
        start = stop
    return counts / (n - 1)


def _eigenvector(W: sp.csr_array) -> tuple[np.ndarray, bool]:
    """Eigenvector centrality by power iteration on W + I, from a uniform start; never raises.

    This is networkx's ``eigenvector_centrality`` done with a sparse matrix: adding the identity
    keeps bipartite graphs from oscillating, and starting uniform makes a disconnected graph give
    the same answer networkx gives (nodes of components with a smaller leading eigenvalue fade
    towards 0). When it has not converged after the iteration limit, the last iterate is returned
    and the flag is False.
    """
    n = W.shape[0]
    if n == 0:
        return np.zeros(0), True
    x = np.full(n, 1.0 / n)
    for _ in range(_EIGENVECTOR_MAX_ITER):
        previous = x
        x = W @ previous + previous
        norm = np.linalg.norm(x)
        if norm == 0:
            return np.zeros(n), True
        x = x / norm
        if np.abs(x - previous).sum() < n * _EIGENVECTOR_TOL:
            return x, True
    return x, False


def _louvain_level(W: sp.csr_array, rng: np.random.Generator, resolution: float) -> tuple[np.ndarray, bool]:
    """One level of Louvain: move nodes between communities while modularity improves.

    Nodes wait in a queue (visited in random order first); a node that moves puts its neighbours
    outside its new community back in the queue, so later passes touch only what changed.
    """
    n = W.shape[0]
    indptr, indices, data = W.indptr.tolist(), W.indices.tolist(), W.data.tolist()
    loops = W.diagonal()
    degree = (np.asarray(W.sum(axis=1)).ravel() + loops).tolist()  # a loop counts twice
    total = sum(degree)
    community = list(range(n))
    community_degree = list(degree)
    queue = deque(rng.permutation(n).tolist())
    waiting = [True] * n
    moved = False
    while queue:
        node = queue.popleft()
        waiting[node] = False
        current = community[node]
        links: dict[int, float] = {}
        for p in range(indptr[node], indptr[node + 1]):
            other = indices[p]
            if other != node:
                links[community[other]] = links.get(community[other], 0.0) + data[p]
        community_degree[current] -= degree[node]
        scale = resolution * degree[node] / total
        best, best_gain = current, links.get(current, 0.0) - scale * community_degree[current]
        for candidate, weight in links.items():
            gain = weight - scale * community_degree[candidate]
            if gain > best_gain + 1e-12:
                best, best_gain = candidate, gain
        community_degree[best] += degree[node]
        if best != current:
            community[node] = best
            moved = True
            for p in range(indptr[node], indptr[node + 1]):
                other = indices[p]
                if not waiting[other] and community[other] != best:
                    waiting[other] = True
                    queue.append(other)
    return np.asarray(community), moved


def _fast_louvain(W: sp.csr_array, seed: int, resolution: float = 1.0) -> np.ndarray:
    """Community of each node by Louvain with queue-based local moving (see :func:`_louvain_level`)."""
    n = W.shape[0]
    labels = np.arange(n)
    if W.nnz == 0:
        return labels
    rng = np.random.default_rng(seed)
    while True:
        community, moved = _louvain_level(W, rng, resolution)
        if not moved:
            return labels
        _, community = np.unique(community, return_inverse=True)
        labels = community[labels]
        size = community.max() + 1
        fold = sp.csr_array(
            (np.ones(len(community)), (np.arange(len(community)), community)), shape=(len(community), size)
        )
        W = (fold.T @ W @ fold).tocsr()


def _community_numbers(groups: Iterable[Iterable[int]], n: int) -> np.ndarray:
    """Number groups 1, 2, ... by size, largest first (ties: the group holding the earliest node)."""
    ordered = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))
    numbers = np.zeros(n, dtype=np.int64)
    for number, group in enumerate(ordered, start=1):
        numbers[group] = number
    return numbers


def _communities(
    G: nx.Graph, nodes: list[Hashable], W: sp.csr_array, *, exact: bool, seed: int
) -> tuple[np.ndarray, str]:
    n = len(nodes)
    if exact:
        index = {v: i for i, v in enumerate(nodes)}
        found = nx.community.louvain_communities(G, weight="weight", seed=seed)
        return _community_numbers(([index[v] for v in c] for c in found), n), "louvain"
    labels = _fast_louvain(W, seed)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(i)
    return _community_numbers(groups.values(), n), "louvain_queue"


# --- public -----------------------------------------------------------------------------------------


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
    A, W = _matrices(G, nodes)
    betweenness, closeness, sampled = _betweenness_and_closeness(A, n, exact=exact, sample_size=sample_size, seed=seed)
    eigenvector, converged = _eigenvector(W)
    communities, method = _communities(G, nodes, W, exact=exact, seed=seed)
    frame = pd.DataFrame(
        {
            "label": [str(G.nodes[v].get("label", v)) for v in nodes],
            "kind": [G.nodes[v].get("kind", "") for v in nodes],
            "degree": np.diff(A.indptr).astype(np.int64),
            "weighted_degree": np.asarray(W.sum(axis=1)).ravel(),
            "betweenness": betweenness,
            "closeness": closeness,
            "eigenvector": eigenvector,
            "reach": _two_step_reach(A),
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
    A, _ = _matrices(G, nodes)
    components = _components(A)
    largest = components[0]
    figures.update(components=len(components), largest_component=len(largest))
    if len(largest) == 1:
        figures.update(average_path_length=0.0, diameter=0)
        return figures
    inside = A[largest][:, largest]
    if len(largest) <= exact_limit:
        total, longest = _distance_totals(inside, np.arange(len(largest)))
        figures.update(average_path_length=total / (len(largest) * (len(largest) - 1)), diameter=longest)
        return figures
    sources = _sampled_sources(np.arange(len(largest)), min(sample_size, len(largest)), seed)
    total, longest, farthest = _distance_totals(inside, sources, farthest=True)
    _, sweep = _distance_totals(inside, np.asarray([farthest]))
    figures.update(
        average_path_length=total / (len(sources) * (len(largest) - 1)),
        diameter=max(longest, sweep),
        path_sample=len(sources),
    )
    return figures


def _distance_totals(A: sp.csr_array, sources: np.ndarray, farthest: bool = False) -> Any:
    """Sum and maximum of the distances from ``sources`` within one component (in batches)."""
    total, longest, far_node = 0.0, 0, int(sources[0])
    batch = max(1, _BATCH_CELLS // max(A.shape[0], 1))
    for start in range(0, len(sources), batch):
        dist = csgraph.shortest_path(A, unweighted=True, directed=False, indices=sources[start : start + batch])
        total += float(dist.sum())
        if dist.max() > longest:
            longest = int(dist.max())
            far_node = int(np.unravel_index(np.argmax(dist), dist.shape)[1])
    return (total, longest, far_node) if farthest else (total, longest)


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


# --- cache ------------------------------------------------------------------------------------------


class _BoundedCache:
    """At most ``size`` results, least recently used dropped first; safe to share between sessions."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        # Computed outside the lock: other sessions keep reading while a big graph is measured.
        value = compute()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_CACHE = _BoundedCache(size=8)


def cached_node_metrics(G: nx.Graph, **options: Any) -> pd.DataFrame:
    """:func:`node_metrics` computed once per graph (keyed by :func:`graph_signature`); a copy is returned."""
    key = ("node_metrics", graph_signature(G), tuple(sorted(options.items())))
    return _CACHE.get_or_compute(key, lambda: node_metrics(G, **options)).copy()


def cached_network_figures(G: nx.Graph, **options: Any) -> dict[str, Any]:
    """:func:`network_figures` computed once per graph; a copy is returned."""
    key = ("network_figures", graph_signature(G), tuple(sorted(options.items())))
    return dict(_CACHE.get_or_compute(key, lambda: network_figures(G, **options)))


def clear_cache() -> None:
    """Forget every cached result (tests, or after a restore)."""
    _CACHE.clear()
