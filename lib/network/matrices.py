"""The network as sparse matrices: who is tied to whom (steps) and how strongly (weights), and its
connected components."""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph


def step_and_weight_matrices(G: nx.Graph, nodes: list[Hashable]) -> tuple[sp.csr_array, sp.csr_array]:
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


def component_members(A: sp.csr_array) -> list[np.ndarray]:
    """Connected components as arrays of node positions, largest first (then by first position)."""
    if A.shape[0] == 0:
        return []
    count, labels = csgraph.connected_components(A, directed=False)
    members = [np.flatnonzero(labels == c) for c in range(count)]
    members.sort(key=lambda m: (-len(m), m[0]))
    return members
