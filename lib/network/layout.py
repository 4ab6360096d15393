"""Where each node of the network graph is drawn: a layout that scales and stays still.

Two promises shape this module.

*It scales.* A small graph (fewer than :data:`SMALL_GRAPH` nodes) is laid out with networkx's
``spring_layout``, which is quick and pleasant at that size. A big graph goes to Graphviz's ``sfdp``
(a multilevel force-directed layout written in C) in a child process with a time limit; when Graphviz
is missing or fails, a numpy force layout with grid-approximated repulsion takes over, so a layout is
always produced in seconds and never hangs the page.

*It stays still.* People find their way in a network drawing by where things are. :func:`positions`
remembers every node's place in the database (``node_positions``) and only places what is new:
next to its already-placed neighbours, followed by a brief relaxation in which nothing old moves.
Only when most of the picture is new (more than :data:`NEW_NODE_SHARE` of the nodes) is a full
layout computed, and even then it is turned and scaled to fit the nodes already known, which keep
their stored places exactly. Filtering never re-lays out: the page computes positions for the whole
graph once, and a filter only chooses which of those nodes to draw.

All layouts are deterministic: the same graph, seed and stored positions give the same coordinates.
"""

from __future__ import annotations

import logging
import math
import shutil
import subprocess
import zlib
from collections.abc import Hashable, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import Database, NodePosition, rows_changed, utcnow
from lib.db.bulk import insert_columns

__all__ = [
    "BOX",
    "DEFAULT_VIEW",
    "NEW_NODE_SHARE",
    "SMALL_GRAPH",
    "Position",
    "compute_layout",
    "forget_positions",
    "positions",
    "sfdp_available",
]

log = logging.getLogger(__name__)

Position = tuple[float, float]

#: Below this many nodes ``spring_layout`` is used. networkx switches to a scipy-only sparse solver
#: at 500 nodes, so staying under it keeps the small path free of optional dependencies.
SMALL_GRAPH = 500
#: Share of new nodes above which a full layout is computed instead of placing them one by one.
NEW_NODE_SHARE = 0.3
#: Full layouts are scaled into the square [-BOX, BOX]², aspect ratio kept.
BOX = 1.0
#: The view name of the whole network; other drawings (organisation view …) use their own name.
DEFAULT_VIEW = "whole"
#: Seconds ``sfdp`` may take before the numpy fallback is used instead.
SFDP_TIMEOUT = 120.0
#: Decimals kept: enough for any screen, and values round-trip through the database unchanged.
DECIMALS = 6

_SFDP_OPTIONS = (
    # Overlap removal ("prism", the default) costs sfdp six times its layout time on 10,000 nodes
    # and buys nothing for dots a few pixels wide; the fast quadtree is indistinguishable on screen.
    "-Goverlap=true",
    "-Gquadtree=fast",
)
#: Node pairs per repulsion block: bounds the memory of one block to a few tens of MB.
_BLOCK_PAIRS = 2_000_000
#: Above this many node pairs, repulsion is computed against grid cells instead of every node.
_EXACT_PAIRS = 1_000_000


# --- the full layout -------------------------------------------------------------------------------


def sfdp_available() -> bool:
    """True when Graphviz's ``sfdp`` can be run on this machine."""
    return _sfdp_executable() is not None


def _sfdp_executable() -> str | None:
    return shutil.which("sfdp")


def _sorted_nodes(G: nx.Graph) -> list[Hashable]:
    """The nodes in a fixed order, so the layout does not depend on the order they were added in."""
    return sorted(G, key=str)


def _edge_index(G: nx.Graph, index: Mapping[Hashable, int]) -> np.ndarray:
    """The edges as an (m, 2) array of node indices, self-loops left out, in a fixed order."""
    flat = np.fromiter((index[node] for edge in G.edges() for node in edge), dtype=np.int64)
    ends = flat.reshape(-1, 2)
    low, high = ends.min(axis=1), ends.max(axis=1)
    kept = low != high
    low, high = low[kept], high[kept]
    order = np.lexsort((high, low))  # by the lower index, then the higher: as sorted pairs
    return np.column_stack((low[order], high[order])).astype(np.int64, copy=False)


def _spring(G: nx.Graph, nodes: Sequence[Hashable], seed: int, radius: float) -> np.ndarray:
    """networkx's Fruchterman-Reingold layout of one component, centred, fitted to ``radius``."""
    if len(nodes) == 1:
        return np.zeros((1, 2))
    if len(nodes) == 2:
        return np.array([[-radius / 2, 0.0], [radius / 2, 0.0]])
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    for a, b in _edge_index(G.subgraph(nodes), index).tolist():
        weight = G.edges[nodes[a], nodes[b]].get("weight")
        # A stronger tie pulls harder; missing or odd weights count as an ordinary tie.
        ordered.add_edge(nodes[a], nodes[b], weight=_positive(weight))
    spring = nx.spring_layout(ordered, seed=seed, weight="weight")
    coords = np.asarray([spring[node] for node in nodes], dtype=float)
    coords -= coords.mean(axis=0)
    reach = float(np.sqrt((coords**2).sum(axis=1)).max())
    return coords * (radius / reach) if reach > 0 else coords


def _packed_springs(G: nx.Graph, nodes: Sequence[Hashable], seed: int) -> np.ndarray:
    """Each connected component laid out on its own, the others packed in rings around the biggest.

    One spring layout of a disconnected graph pushes small components and lonely nodes far out,
    which squeezes the real network into a corner once the picture is scaled to the screen. Here
    every component gets room in proportion to its size (radius ~ √nodes), and the smaller ones sit
    side by side on rings just outside the biggest, largest first.
    """
    index = {node: i for i, node in enumerate(nodes)}
    components = sorted(
        (sorted(component, key=str) for component in nx.connected_components(G.subgraph(nodes))),
        key=lambda component: (-len(component), str(component[0])),
    )
    coords = np.zeros((len(nodes), 2))
    gap = 1.0
    ring_radius = ring_width = angle = 0.0
    for number, component in enumerate(components):
        radius = max(0.5, math.sqrt(len(component)))
        local = _spring(G, component, seed, radius)
        if number == 0:
            centre = np.zeros(2)
            ring_radius, ring_width = radius + gap + 0.5, 0.0
        else:
            if angle + (2 * radius + gap) / ring_radius > 2 * math.pi:  # this ring is full
                ring_radius += 2 * ring_width + gap
                angle, ring_width = 0.0, 0.0
            if ring_width == 0.0:
                ring_radius += radius  # the first (largest) component of a ring sets its width
                ring_width = radius
            angle += (radius + gap / 2) / ring_radius
            centre = ring_radius * np.array([math.cos(angle), math.sin(angle)])
            angle += (radius + gap / 2) / ring_radius
        coords[[index[node] for node in component]] = local + centre
    return coords


def _positive(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0
    return number if math.isfinite(number) and number > 0 else 1.0


def _dot_source(nodes: Sequence[Hashable], edges: np.ndarray, seed: int) -> str:
    """The graph in DOT with nodes named ``n0`` … by index: no user text ever reaches Graphviz."""
    lines = [
        "graph G {",
        f"graph [start={int(seed)}];",
        'node [shape=point, width=0.05, height=0.05, label=""];',
    ]
    lines.extend(f'"n{i}";' for i in range(len(nodes)))
    lines.extend(f'"n{a}" -- "n{b}";' for a, b in edges.tolist())
    lines.append("}")
    return "\n".join(lines)


def _parse_plain(output: str, count: int) -> np.ndarray | None:
    """Coordinates from ``sfdp -Tplain`` output, one row per node index; None if any is missing."""
    coords = np.full((count, 2), np.nan)
    for line in output.splitlines():
        if not line.startswith("node "):
            continue
        parts = line.split()
        name = parts[1].strip('"')
        if not name.startswith("n") or not name[1:].isdigit():
            continue
        coords[int(name[1:])] = (float(parts[2]), float(parts[3]))
    if np.isnan(coords).any():
        return None
    return coords


def _sfdp(nodes: Sequence[Hashable], edges: np.ndarray, seed: int) -> np.ndarray | None:
    """Graphviz ``sfdp`` coordinates, or None when it is missing, fails or takes too long."""
    executable = _sfdp_executable()
    if executable is None:
        return None
    source = _dot_source(nodes, edges, seed)
    try:
        run = subprocess.run(
            [executable, "-Tplain", *_SFDP_OPTIONS],
            input=source,
            capture_output=True,
            text=True,
            timeout=SFDP_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("sfdp did not finish (%s); using the built-in layout", error)
        return None
    if run.returncode != 0:
        log.warning("sfdp failed (%s): %s", run.returncode, run.stderr[:500])
        return None
    coords = _parse_plain(run.stdout, len(nodes))
    if coords is None:
        log.warning("sfdp output lacked some nodes; using the built-in layout")
    return coords


def _smoothed_start(count: int, edges: np.ndarray, rng: np.random.Generator, rounds: int = 60) -> np.ndarray:
    """Random points pulled towards their neighbours' mean, re-spread after each round.

    This is power iteration towards the graph's smoothest (spectral) coordinates, done with sparse
    sums only: a start in which connected nodes are already close, which a short force layout can
    then untangle. Each axis is kept at unit spread and y uncorrelated with x, so the picture neither
    shrinks to a point nor flattens to a line.
    """
    coords = rng.uniform(-1.0, 1.0, size=(count, 2))
    if len(edges) == 0:
        return coords
    degree = np.bincount(edges.ravel(), minlength=count).astype(float)
    linked = degree > 0
    for _ in range(rounds):
        summed = np.empty_like(coords)
        for axis in (0, 1):
            summed[:, axis] = np.bincount(
                edges[:, 0], weights=coords[edges[:, 1], axis], minlength=count
            ) + np.bincount(edges[:, 1], weights=coords[edges[:, 0], axis], minlength=count)
        coords[linked] = 0.5 * coords[linked] + 0.5 * summed[linked] / degree[linked, None]
        coords -= coords.mean(axis=0)
        x = coords[:, 0]
        coords[:, 1] -= x * (x @ coords[:, 1]) / max(float(x @ x), 1e-12)
        coords /= np.maximum(coords.std(axis=0), 1e-12)
    return coords


def _repulsion(coords: np.ndarray, movable: np.ndarray, k: float) -> np.ndarray:
    """Fruchterman-Reingold repulsion (k²/d) on the movable nodes from all nodes.

    For big graphs the other nodes are summarised by grid cells (their count and centre of mass),
    which turns n² pairs into n × cells; a softening term keeps a node's own cell from blowing up.
    """
    pairs = len(movable) * len(coords)
    if pairs <= _EXACT_PAIRS:
        centres, mass, soft = coords, np.ones(len(coords)), (0.01 * k) ** 2
    else:
        centres, mass, soft = _grid_summary(coords, cells=int(np.clip(math.sqrt(len(coords)) / 4, 8, 32)))
    force = np.zeros((len(movable), 2))
    block = max(1, _BLOCK_PAIRS // max(len(centres), 1))
    # Per-axis vectors and matrix-vector products: numpy's matrix product with an inner size of 2
    # is many times slower than these on OpenBLAS.
    cx, cy = np.ascontiguousarray(centres[:, 0]), np.ascontiguousarray(centres[:, 1])
    for start in range(0, len(movable), block):
        rows = movable[start : start + block]
        px, py = coords[rows, 0], coords[rows, 1]
        # d² + soft, computed in place: this block is the hot loop of the built-in layout.
        squared = np.subtract.outer(px, cx)
        squared *= squared
        dy = np.subtract.outer(py, cy)
        dy *= dy
        squared += dy
        squared += soft
        inverse = np.divide(mass[None, :], squared, out=squared)
        # Σ_c m_c (p - c) / d²  =  p Σ_c m_c/d²  -  Σ_c (m_c/d²) c
        total = inverse.sum(axis=1)
        force[start : start + block, 0] = px * total - inverse @ cx
        force[start : start + block, 1] = py * total - inverse @ cy
    return force * k * k


def _grid_summary(coords: np.ndarray, cells: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Occupied grid cells as (centres of mass, node counts, softening²)."""
    low = coords.min(axis=0)
    span = float((coords.max(axis=0) - low).max()) or 1.0
    cell = np.minimum(((coords - low) / span * cells).astype(np.int64), cells - 1)
    cell_id = cell[:, 0] * cells + cell[:, 1]
    size = cells * cells
    count = np.bincount(cell_id, minlength=size).astype(float)
    occupied = count > 0
    centres = (
        np.stack([np.bincount(cell_id, weights=coords[:, axis], minlength=size)[occupied] for axis in (0, 1)], axis=1)
        / count[occupied, None]
    )
    return centres, count[occupied], (0.5 * span / cells) ** 2


def _attraction(coords: np.ndarray, edges: np.ndarray, k: float) -> np.ndarray:
    """Fruchterman-Reingold attraction (d²/k) along every edge, summed per node."""
    force = np.zeros_like(coords)
    if len(edges) == 0:
        return force
    delta = coords[edges[:, 1]] - coords[edges[:, 0]]
    pull = delta * (np.sqrt((delta**2).sum(axis=1)) / k)[:, None]
    for axis in (0, 1):
        force[:, axis] += np.bincount(edges[:, 0], weights=pull[:, axis], minlength=len(coords))
        force[:, axis] -= np.bincount(edges[:, 1], weights=pull[:, axis], minlength=len(coords))
    return force


def _relax(
    coords: np.ndarray,
    edges: np.ndarray,
    movable: np.ndarray,
    *,
    iterations: int,
    k: float,
    temperature: float,
    centre: np.ndarray,
    radius: float,
) -> np.ndarray:
    """Move only the ``movable`` nodes by force steps that shrink each round; the rest stay still.

    Besides repulsion and attraction a gentle gravity pulls towards ``centre``. Its strength,
    n·k²/radius², exactly balances the repulsion inside an evenly filled disc of that ``radius`` (the
    1/d force of a uniform disc grows linearly from its centre), so the drawing keeps its size and
    nodes without ties settle at its rim instead of drifting off and squeezing everything else
    into a corner once the picture is scaled to the screen.
    """
    coords = coords.copy()
    if len(movable) == 0:
        return coords
    gravity = len(coords) * k * k / max(radius, k) ** 2
    for step in range(iterations):
        force = _repulsion(coords, movable, k) + _attraction(coords, edges, k)[movable]
        force -= gravity * (coords[movable] - centre)
        length = np.sqrt((force**2).sum(axis=1))
        limit = temperature * (1.0 - step / iterations)
        scale = np.minimum(length, limit) / np.maximum(length, 1e-12)
        coords[movable] += force * scale[:, None]
    return coords


def _force_layout(count: int, edges: np.ndarray, seed: int, iterations: int = 50) -> np.ndarray:
    """The built-in layout for big graphs when Graphviz is not there: smoothed start + force steps."""
    rng = np.random.default_rng(seed)
    coords = _smoothed_start(count, edges, rng)
    coords = _fit_box(coords)
    k = 2.0 * BOX / math.sqrt(max(count, 1))
    return _relax(
        coords,
        edges,
        np.arange(count),
        iterations=iterations,
        k=k,
        temperature=0.1 * BOX,
        centre=np.zeros(2),
        radius=BOX,
    )


def _full_layout(G: nx.Graph, nodes: Sequence[Hashable], seed: int) -> np.ndarray:
    """Raw coordinates (any scale) for ``nodes`` in order, by the method that suits the size."""
    if len(nodes) < SMALL_GRAPH:
        return _packed_springs(G, nodes, seed)
    index = {node: i for i, node in enumerate(nodes)}
    edges = _edge_index(G, index)
    coords = _sfdp(nodes, edges, seed)
    if coords is None:
        coords = _force_layout(len(nodes), edges, seed)
    return coords


def _fit_box(coords: np.ndarray) -> np.ndarray:
    """``coords`` centred and scaled so the larger side spans [-BOX, BOX]; one node sits at 0."""
    if len(coords) == 0:
        return coords
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = float((high - low).max())
    centred = coords - (low + high) / 2.0
    return centred * (2.0 * BOX / span) if span > 0 else centred * 0.0


# --- fitting a new layout to the nodes already placed ------------------------------------------------


def _align(raw: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, float, np.ndarray]:
    """The similarity transform (rotation or reflection, scale, shift) taking ``raw`` onto ``target``.

    Returns (matrix, scale, shift) with ``aligned = raw @ matrix * scale + shift``: least-squares
    Procrustes over the points both share.
    """
    raw_mean, target_mean = raw.mean(axis=0), target.mean(axis=0)
    a, b = raw - raw_mean, target - target_mean
    spread = float((a**2).sum())
    if len(raw) < 3 or spread <= 1e-12:
        # Too few shared points to fix a rotation: keep the orientation, match the place only.
        return np.eye(2), 1.0, target_mean - raw_mean
    u, singular, vt = np.linalg.svd(a.T @ b)
    matrix = u @ vt
    scale = float(singular.sum()) / spread
    return matrix, scale, target_mean - raw_mean @ matrix * scale


def _merge_with_fixed(
    G: nx.Graph, nodes: Sequence[Hashable], raw: np.ndarray, fixed: Mapping[Hashable, Position]
) -> np.ndarray:
    """A fresh layout turned and scaled onto the fixed nodes, which then keep their exact places."""
    index = {node: i for i, node in enumerate(nodes)}
    shared = [index[node] for node in nodes if node in fixed]
    target = np.asarray([fixed[nodes[i]] for i in shared], dtype=float)
    if len(shared) >= 3:
        matrix, scale, shift = _align(raw[shared], target)
        coords = raw @ matrix * scale + shift
    else:
        coords = _fit_box(raw)
        coords += (target - coords[shared]).mean(axis=0)
    coords[shared] = target
    movable = np.asarray([i for i in range(len(nodes)) if nodes[i] not in fixed], dtype=np.int64)
    return _settle(coords, _edge_index(G, index), movable)


def _settle(coords: np.ndarray, edges: np.ndarray, movable: np.ndarray, iterations: int = 30) -> np.ndarray:
    """A brief relaxation of the new nodes only, so they neither overlap nor stretch their ties."""
    k = 2.0 * BOX / math.sqrt(max(len(coords), 1))
    anchored = np.ones(len(coords), dtype=bool)
    anchored[movable] = False
    reference = coords[anchored] if anchored.any() else coords
    centre = (reference.min(axis=0) + reference.max(axis=0)) / 2.0
    radius = float(np.sqrt(((reference - centre) ** 2).sum(axis=1)).max()) if len(reference) else BOX
    return _relax(coords, edges, movable, iterations=iterations, k=k, temperature=k, centre=centre, radius=radius)


# --- placing new nodes next to the known ones ---------------------------------------------------------


def _unit_hash(node: Hashable, salt: str) -> float:
    """A number in [0, 1) that depends only on the node id: jitter that is the same on every run."""
    return zlib.crc32(f"{salt}:{node}".encode()) / 2**32


def _near(points: Sequence[Position], node: Hashable, spacing: float) -> Position:
    """The mean of ``points`` moved a node-specific small step in a node-specific direction."""
    angle = 2 * math.pi * _unit_hash(node, "angle")
    radius = spacing * (0.5 + 0.5 * _unit_hash(node, "radius"))
    mean_x = sum(p[0] for p in points) / len(points)
    mean_y = sum(p[1] for p in points) / len(points)
    return (mean_x + radius * math.cos(angle), mean_y + radius * math.sin(angle))


def _on_ring(node: Hashable, radius: float) -> Position:
    """A place on the outer ring, in a direction given by the node id alone."""
    angle = 2 * math.pi * _unit_hash(node, "ring")
    return (radius * math.cos(angle), radius * math.sin(angle))


def _spread_from(
    G: nx.Graph, placed: dict[Hashable, Position], pending: set[Hashable], start: Iterable[Hashable], spacing: float
) -> None:
    """Place pending nodes wave by wave outwards from ``start``, each near its placed neighbours.

    A whole wave is computed before any of it is placed, so the result does not depend on the order
    within a wave.
    """
    frontier = set(start)
    while frontier:
        wave = sorted({nb for node in frontier for nb in G[node] if nb in pending}, key=str)
        found = {node: _near([placed[nb] for nb in G[node] if nb in placed], node, spacing) for node in wave}
        placed.update(found)
        pending.difference_update(found)
        frontier = set(found)


def _place_new(G: nx.Graph, known: Mapping[Hashable, Position]) -> dict[Hashable, Position]:
    """Known nodes where they are; new ones beside their neighbours, or on an outer ring; then settle."""
    spacing = 2.0 * BOX / math.sqrt(max(len(G), 1))
    placed: dict[Hashable, Position] = dict(known)
    pending = {node for node in G if node not in known}
    _spread_from(G, placed, pending, known, spacing)
    reach = max((math.hypot(*p) for p in known.values()), default=BOX)
    while pending:
        # A new component with no tie to anything placed: start it on the ring, grow it from there.
        first = min(pending, key=str)
        placed[first] = _on_ring(first, reach + 2 * spacing)
        pending.discard(first)
        _spread_from(G, placed, pending, [first], spacing)
    nodes = _sorted_nodes(G)
    index = {node: i for i, node in enumerate(nodes)}
    coords = np.asarray([placed[node] for node in nodes], dtype=float)
    movable = np.asarray([index[node] for node in nodes if node not in known], dtype=np.int64)
    settled = _settle(coords, _edge_index(G, index), movable)
    return {node: (float(settled[i, 0]), float(settled[i, 1])) for i, node in enumerate(nodes)}


# --- public: layouts ---------------------------------------------------------------------------------


def _rounded(node_coords: Iterable[tuple[Hashable, Sequence[float]]]) -> dict[Hashable, Position]:
    return {node: (round(float(x), DECIMALS), round(float(y), DECIMALS)) for node, (x, y) in node_coords}


def compute_layout(
    G: nx.Graph, fixed: Mapping[Hashable, Position] | None = None, seed: int = 42
) -> dict[Hashable, Position]:
    """Compute a layout of the whole graph.

    Parameters
    ----------
    G : networkx.Graph
        The graph to draw. Node and edge order do not matter: nodes are laid out in sorted order.
    fixed : dict, optional
        Positions that must not change, ``{node: (x, y)}``; entries for nodes not in ``G`` are
        ignored. The fresh layout is rotated, scaled and shifted to fit these nodes best, they are
        then put exactly at their given places, and the other nodes get a brief relaxation.
    seed : int, default 42
        Seed of the random start; the same graph and seed always give the same layout.

    Returns
    -------
    dict
        ``{node: (x, y)}`` for every node of ``G``, in ``G``'s node order, rounded to
        :data:`DECIMALS` decimals. Without ``fixed`` the coordinates fill the square
        [-:data:`BOX`, :data:`BOX`]² with the aspect ratio kept.

    Notes
    -----
    Fewer than :data:`SMALL_GRAPH` nodes: ``networkx.spring_layout`` (edge ``weight`` pulls).
    More: Graphviz ``sfdp`` in a child process (about 3 s for 10,000 nodes and 50,000 edges); if it
    is not installed, fails, or runs over :data:`SFDP_TIMEOUT`, a numpy force layout with grid-
    approximated repulsion, which takes seconds, not minutes.
    """
    nodes = _sorted_nodes(G)
    if not nodes:
        return {}
    fixed = {node: fixed[node] for node in nodes if fixed and node in fixed}
    raw = _full_layout(G, nodes, seed)
    coords = _merge_with_fixed(G, nodes, raw, fixed) if fixed else _fit_box(raw)
    result = _rounded(zip(nodes, coords.tolist(), strict=True))
    if fixed:
        result.update({node: (float(x), float(y)) for node, (x, y) in fixed.items()})
    return {node: result[node] for node in G}


# --- public: stored positions ------------------------------------------------------------------------


def _key(node: Hashable) -> str:
    return str(node)


def _load(db: Database, view: str) -> dict[str, Position]:
    with db.read() as session:
        rows = session.execute(
            select(NodePosition.node_key, NodePosition.x, NodePosition.y).where(NodePosition.view == view)
        )
        return {key: (x, y) for key, x, y in rows}


def _save(db: Database, view: str, fresh: Mapping[Hashable, Position]) -> dict[Hashable, Position]:
    """Store the fresh positions in one transaction; a position someone else stored meanwhile wins.

    Returns the positions as stored, so two sessions drawing the same new node at the same moment
    both end up showing it in the same place.
    """
    by_key = {_key(node): node for node in fresh}
    stored: dict[Hashable, Position] = {}
    # Where nodes are drawn is no change to the data: the data revision (and all kept for it) stays.
    with db.write(renew=False) as session:
        # One query for the view's stored rows (not one per 500 keys): at most every node ever drawn.
        rows = session.execute(
            select(NodePosition.node_key, NodePosition.x, NodePosition.y).where(NodePosition.view == view)
        )
        stored.update({by_key[key]: (x, y) for key, x, y in rows if key in by_key})
        values = [(view, key, *fresh[node]) for key, node in by_key.items() if node not in stored]
        if values:
            _insert_positions(session, values)
    return {node: stored.get(node, fresh[node]) for node in fresh}


def _insert_positions(session: Session, values: Sequence[tuple[str, str, float, float]]) -> None:
    """Insert ``(view, node_key, x, y)`` rows in one executemany through the driver: ten thousand
    positions are one statement, the time written converted once (not once per row)."""
    views, keys, xs, ys = zip(*values, strict=True)
    columns = {"view": views, "node_key": keys, "x": xs, "y": ys, "updated_at": [utcnow()] * len(values)}
    insert_columns(session, NodePosition.__table__, columns)  # type: ignore[arg-type]


@requires("edit")
def positions(db: Database, G: nx.Graph, *, view: str = DEFAULT_VIEW, seed: int = 42) -> dict[Hashable, Position]:
    """Stable positions for every node of ``G``: stored ones kept, new ones placed and stored.

    Parameters
    ----------
    db : lib.db.Database
        Where positions are remembered (table ``node_positions``).
    G : networkx.Graph
        The whole graph of the view. Compute positions for the unfiltered graph once and let filters
        pick nodes from the result: a filter must never cause a new layout.
    view : str, default "whole"
        Name of the drawing; each view remembers its own positions.
    seed : int, default 42
        Seed of a full layout (see :func:`compute_layout`).

    Returns
    -------
    dict
        ``{node: (x, y)}`` in ``G``'s node order. For the same graph and stored positions the result
        is identical on every call.

    Notes
    -----
    * No stored positions, or more than :data:`NEW_NODE_SHARE` of the nodes new: a full layout,
      fitted onto the known nodes (which keep their exact places).
    * Otherwise each new node goes to the mean of its placed neighbours plus a small step whose
      direction and length come from a hash of its id; a new node with no placed neighbour starts
      on a ring just outside the drawing. Then only the new nodes relax briefly.
    * New positions are written in one transaction. Rows of nodes that are no longer in ``G`` are
      kept, so a node that comes back returns to its old place; :func:`forget_positions` clears them.
    """
    stored = _load(db, view)
    known = {node: stored[_key(node)] for node in G if _key(node) in stored}
    if len(known) == len(G):
        return known
    new_count = len(G) - len(known)
    if not known or new_count > NEW_NODE_SHARE * len(G):
        computed = compute_layout(G, fixed=known or None, seed=seed)
    else:
        computed = _rounded(_place_new(G, known).items())
    fresh = {node: computed[node] for node in G if node not in known}
    result = {**known, **_save(db, view, fresh)}
    return {node: result[node] for node in G}


@requires("edit")
def forget_positions(db: Database, view: str | None = None) -> int:
    """Delete stored positions of one ``view``, or of every view; returns how many rows went.

    The next :func:`positions` call then computes a fresh layout ("tidy the drawing").
    """
    with db.write() as session:
        statement = delete(NodePosition)
        if view is not None:
            statement = statement.where(NodePosition.view == view)
        return rows_changed(session.execute(statement))
