"""The network over time: as it stood on a date, and what changed between two dates.

Examples
--------
>>> with db.read() as session:                                      # doctest: +SKIP
...     first, last = timeline_dates(session)
...     before, after = graph_as_of(session, date(2025, 1, 1)), graph_as_of(session, last)
>>> change = compare(before, after)                                 # doctest: +SKIP
>>> change.counts["new_ties"]                                       # doctest: +SKIP
57
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import Affiliation, ImportBatch, Relation
from lib.network.graph import build_graph
from lib.network.metrics import cached_node_metrics, places
from lib.workspace.clock import session_today

TIE_COLUMNS = ("source", "target", "source_label", "target_label", "kind", "kinds")
CHANGE_COLUMNS = (
    "node",
    "label",
    "kind",
    "degree_before",
    "degree_after",
    "degree_change",
    "betweenness_before",
    "betweenness_after",
    "betweenness_change",
    "betweenness_place_before",
    "betweenness_place_after",
)


@requires("view_contacts")
def graph_as_of(session: Session, date: dt.date) -> nx.Graph:
    """The network as it stood on ``date``: :func:`~lib.network.graph.build_graph` with ``as_of``."""
    return build_graph(session, as_of=date)


@dataclass
class GraphComparison:
    """What changed between two graphs of the same workspace.

    Attributes
    ----------
    new_ties, lost_ties : pandas.DataFrame
        Pairs joined in one graph and not the other, with both labels (:data:`TIE_COLUMNS`).
    risers, fallers : pandas.DataFrame
        Nodes whose betweenness (then degree) rose or fell most (:data:`CHANGE_COLUMNS`); a node
        missing from one graph counts 0 there.
    counts : dict
        ``nodes_before``, ``nodes_after``, ``edges_before``, ``edges_after``, ``new_nodes``,
        ``lost_nodes``, ``new_ties``, ``lost_ties``.
    """

    new_ties: pd.DataFrame
    lost_ties: pd.DataFrame
    risers: pd.DataFrame
    fallers: pd.DataFrame
    counts: dict[str, int] = field(default_factory=dict)


def _pair(u: Any, v: Any) -> tuple[Any, Any]:
    return (u, v) if str(u) <= str(v) else (v, u)


def _ties(G: nx.Graph, pairs: list[tuple[Any, Any]]) -> pd.DataFrame:
    rows = [
        {
            "source": u,
            "target": v,
            "source_label": G.nodes[u].get("label", u),
            "target_label": G.nodes[v].get("label", v),
            "kind": G.edges[u, v].get("kind"),
            "kinds": tuple(sorted(G.edges[u, v].get("kinds") or (G.edges[u, v].get("kind"),))),
        }
        for u, v in sorted(pairs, key=lambda p: (str(p[0]), str(p[1])))
    ]
    return pd.DataFrame(rows, columns=list(TIE_COLUMNS))


def _centrality_changes(G_old: nx.Graph, G_new: nx.Graph) -> pd.DataFrame:
    before = cached_node_metrics(G_old)[["label", "kind", "degree", "betweenness"]].copy()
    after = cached_node_metrics(G_new)[["label", "kind", "degree", "betweenness"]].copy()
    # A place among the nodes of that day reads better than a change from 0,014 to 0,102.
    before["betweenness_place"] = places(before, "betweenness")
    after["betweenness_place"] = places(after, "betweenness")
    joined = before.merge(after, how="outer", left_index=True, right_index=True, suffixes=("_before", "_after"))
    for name in ("degree", "betweenness"):
        joined[f"{name}_before"] = joined[f"{name}_before"].fillna(0)
        joined[f"{name}_after"] = joined[f"{name}_after"].fillna(0)
        joined[f"{name}_change"] = joined[f"{name}_after"] - joined[f"{name}_before"]
    joined["label"] = joined["label_after"].fillna(joined["label_before"])
    joined["kind"] = joined["kind_after"].fillna(joined["kind_before"])
    joined["degree_before"] = joined["degree_before"].astype(int)
    joined["degree_after"] = joined["degree_after"].astype(int)
    joined["degree_change"] = joined["degree_change"].astype(int)
    joined.index.name = "node"
    return joined.reset_index()[list(CHANGE_COLUMNS)]


def compare(G_old: nx.Graph, G_new: nx.Graph, n: int = 5) -> GraphComparison:
    """What changed from ``G_old`` to ``G_new``.

    Parameters
    ----------
    G_old, G_new : networkx.Graph
        Two graphs of the same workspace, e.g. from :func:`graph_as_of` on two dates.
    n : int
        How many risers and fallers.

    Returns
    -------
    GraphComparison

    Notes
    -----
    Ties are compared by the pair of nodes they join, whatever their kind. Centrality comes from
    :func:`~lib.network.metrics.cached_node_metrics`, so comparing the same dates again is quick.
    Risers are the nodes with the largest gain in betweenness (degree breaks ties), fallers the
    largest loss; nodes that did not change are in neither.

    Examples
    --------
    >>> old, new = nx.path_graph(["a", "b", "c"]), nx.star_graph(["b", "a", "c", "d"])
    >>> change = compare(old, new)
    >>> change.counts["new_ties"], change.counts["lost_ties"]
    (1, 0)
    """
    old_pairs = {_pair(u, v) for u, v in G_old.edges()}
    new_pairs = {_pair(u, v) for u, v in G_new.edges()}
    changes = _centrality_changes(G_old, G_new)
    order = ["betweenness_change", "degree_change"]
    risers = changes[(changes["betweenness_change"] > 0) | (changes["degree_change"] > 0)]
    fallers = changes[(changes["betweenness_change"] < 0) | (changes["degree_change"] < 0)]
    risers = risers.sort_values([*order, "label"], ascending=[False, False, True], kind="stable").head(n)
    fallers = fallers.sort_values([*order, "label"], ascending=[True, True, True], kind="stable").head(n)
    new_nodes = set(G_new) - set(G_old)
    lost_nodes = set(G_old) - set(G_new)
    return GraphComparison(
        new_ties=_ties(G_new, list(new_pairs - old_pairs)),
        lost_ties=_ties(G_old, list(old_pairs - new_pairs)),
        risers=risers.reset_index(drop=True),
        fallers=fallers.reset_index(drop=True),
        counts={
            "nodes_before": G_old.number_of_nodes(),
            "nodes_after": G_new.number_of_nodes(),
            "edges_before": G_old.number_of_edges(),
            "edges_after": G_new.number_of_edges(),
            "new_nodes": len(new_nodes),
            "lost_nodes": len(lost_nodes),
            "new_ties": len(new_pairs - old_pairs),
            "lost_ties": len(old_pairs - new_pairs),
        },
    )


@requires("view_board")
def timeline_dates(session: Session, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """Bounds for a date slider: from the earliest dated tie or import to today.

    The earliest of: first and last contacts of relations, start dates of affiliations, and the
    days of import batches. The start is always at least one day before the end, so a slider
    can be drawn even for an empty workspace.

    Returns
    -------
    (date, date)
    """
    today = today or session_today(session)
    candidates = [
        session.scalar(select(func.min(Relation.first_contact))),
        session.scalar(select(func.min(Relation.last_contact))),
        session.scalar(select(func.min(Affiliation.start_date))),
        session.scalar(select(func.min(ImportBatch.created_at))),
    ]
    dates = [c.date() if isinstance(c, dt.datetime) else c for c in candidates if c is not None]
    start = min(dates, default=today)
    return min(start, today - dt.timedelta(days=1)), today
