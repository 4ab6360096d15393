"""Shortest paths from many sources at once with sparse matrix products: betweenness, closeness and
distances (a level-synchronous form of Brandes' algorithm; sampled sources above a size)."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from lib.network.matrices import component_members

#: Numbers held at once while counting shortest paths: sources per batch x nodes.
_BATCH_CELLS = 3_200_000

#: Below this many (cell, neighbour) pairs a search step avoids the sparse product's overhead.
_SMALL_FRONTIER = 20_000


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


def sampled_sources(members: np.ndarray, size: int, seed: int) -> np.ndarray:
    """``size`` of ``members``, drawn the way networkx draws ``k`` sources.

    ``random.Random(seed).sample`` over the nodes in graph order is what networkx does, so a
    connected graph gets the same sources, and the same estimate, as ``betweenness_centrality(k=...)``.
    """
    return np.asarray(random.Random(seed).sample(list(members), size), dtype=np.int64)


def betweenness_and_closeness(
    A: sp.csr_array, n: int, *, exact: bool, sample_size: int, seed: int
) -> tuple[np.ndarray, np.ndarray, int | None]:
    """Normalised betweenness and Wasserman-Faust closeness per node; the sample size if sampled."""
    raw = np.zeros(n)
    mean_distance = np.zeros(n)
    component_size = np.ones(n)
    exact_members: list[np.ndarray] = []
    sampled_with: int | None = None
    for members in component_members(A):
        size = len(members)
        component_size[members] = size
        if size < 2:
            continue
        if exact or size <= sample_size:
            exact_members.append(members)
            continue
        # A large component of a large graph: estimated from a sample of sources.
        sources = sampled_sources(members, sample_size, seed)
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


def distance_totals(A: sp.csr_array, sources: np.ndarray, farthest: bool = False) -> Any:
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
