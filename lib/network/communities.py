"""Communities by Louvain modularity optimisation: networkx's exact method on small graphs, a
queue-based Louvain of the same method that needs far fewer passes on large ones."""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable

import networkx as nx
import numpy as np
import scipy.sparse as sp


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


def fast_louvain(W: sp.csr_array, seed: int, resolution: float = 1.0) -> np.ndarray:
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


def find_communities(
    G: nx.Graph, nodes: list[Hashable], W: sp.csr_array, *, exact: bool, seed: int
) -> tuple[np.ndarray, str]:
    n = len(nodes)
    if exact:
        index = {v: i for i, v in enumerate(nodes)}
        found = nx.community.louvain_communities(G, weight="weight", seed=seed)
        return _community_numbers(([index[v] for v in c] for c in found), n), "louvain"
    labels = fast_louvain(W, seed)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(i)
    return _community_numbers(groups.values(), n), "louvain_queue"
