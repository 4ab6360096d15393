"""Eigenvector centrality: being tied (strongly) to nodes that are themselves well connected."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

_EIGENVECTOR_MAX_ITER = 1000

_EIGENVECTOR_TOL = 1e-9


def eigenvector_centrality(W: sp.csr_array) -> tuple[np.ndarray, bool]:
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
