"""Reach: the share of all other nodes within two steps of each node."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

#: Sparse products per chunk when counting two-step neighbourhoods.
_REACH_CHUNK_WORK = 4_000_000


def two_step_reach(A: sp.csr_array) -> np.ndarray:
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
