"""A failure while measuring or preparing the whole map is not kept as if it were the answer: the next
visit tries again, instead of showing the same error until somebody changes the data."""

from __future__ import annotations

import contextlib
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from lib.db import Database
from lib.network import metrics as netmetrics
from lib.network import page as netpage
from lib.network import whole_map


def test_measures_that_failed_are_measured_again_on_the_next_call(monkeypatch: pytest.MonkeyPatch) -> None:
    G = nx.relabel_nodes(nx.path_graph(9), {n: f"retry-{n}" for n in range(9)})  # a graph no other test measured
    real = netmetrics.node_metrics
    calls: list[int] = []

    def once_failing(graph: nx.Graph, **options: Any) -> pd.DataFrame:
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError("a passing shortage")
        return real(graph, **options)

    monkeypatch.setattr(netmetrics, "node_metrics", once_failing)
    with contextlib.suppress(MemoryError):  # raised, unless the failure was seen and measured again at once
        netpage.graph_metrics(G)
    measured = netpage.graph_metrics(G)  # the rerun measures again rather than raising the same error
    assert len(measured) == 9 and measured.loc["retry-4", "degree"] == 2
    assert netpage.graph_metrics(G) is measured and len(calls) == 2  # a success is kept


def test_a_whole_map_preparation_that_failed_is_started_again(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whole_map, "GRACE", 0)
    monkeypatch.setattr(whole_map, "_start", lambda work: work())  # the background work runs at once
    real = netpage.view_positions
    calls: list[str] = []

    def busy_once(db: Database, G: nx.Graph, view: str) -> Any:
        calls.append(view)
        if len(calls) == 1:
            raise RuntimeError("database is locked")
        return real(db, G, view)

    monkeypatch.setattr(netpage, "view_positions", busy_once)
    whole_map.forget_preparations()
    try:
        failed = whole_map.prepare_whole_map(db)
        assert failed.error == "database is locked" and not failed.finished
        again = whole_map.prepare_whole_map(db)  # same data: still a fresh preparation
        assert again is not failed
        assert again.finished and again.error is None
        assert whole_map.prepare_whole_map(db) is again  # one that worked is kept for its data
    finally:
        whole_map.forget_preparations()
