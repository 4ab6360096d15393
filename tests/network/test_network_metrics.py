"""Centrality, communities and figures: checked against networkx's own algorithms."""

from __future__ import annotations

import random
import threading

import networkx as nx
import pandas as pd
import pytest

from lib.network import metrics
from lib.network.metrics import (
    METRIC_COLUMNS,
    brokers,
    cached_node_metrics,
    isolates,
    network_figures,
    node_metrics,
)


def weighted_random(n: int, m: int, seed: int) -> nx.Graph:
    G = nx.gnm_random_graph(n, m, seed=seed)
    draw = random.Random(seed)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = draw.randint(1, 5)
    return G


def with_isolates_and_parts() -> nx.Graph:
    G = nx.disjoint_union_all([nx.florentine_families_graph(), nx.path_graph(5), nx.star_graph(4), nx.empty_graph(3)])
    return nx.relabel_nodes(G, {v: f"N{v}" for v in G})


GRAPHS = {
    "florentine": nx.florentine_families_graph,
    "karate": nx.karate_club_graph,
    "parts": with_isolates_and_parts,
    "weighted": lambda: weighted_random(120, 260, 3),
}


def two_step_share(G: nx.Graph, v: object) -> float:
    return (len(nx.single_source_shortest_path_length(G, v, cutoff=2)) - 1) / (len(G) - 1)


@pytest.mark.parametrize("name", GRAPHS)
def test_exact_measures_equal_networkx(name: str) -> None:
    G = GRAPHS[name]()
    df = node_metrics(G)
    assert list(df.columns) == list(METRIC_COLUMNS) and list(df.index) == list(G)
    assert df.attrs["betweenness_sample"] is None and df.attrs["community_method"] == "louvain"
    betweenness = nx.betweenness_centrality(G)
    closeness = nx.closeness_centrality(G)
    eigenvector = nx.eigenvector_centrality(G, weight="weight", max_iter=10_000, tol=1e-12)
    for v in G:
        assert df.loc[v, "betweenness"] == pytest.approx(betweenness[v], abs=1e-12)
        assert df.loc[v, "closeness"] == pytest.approx(closeness[v], abs=1e-12)
        assert df.loc[v, "eigenvector"] == pytest.approx(eigenvector[v], abs=1e-6)
        assert df.loc[v, "reach"] == pytest.approx(two_step_share(G, v), abs=1e-12)
        assert df.loc[v, "degree"] == G.degree(v)
        assert df.loc[v, "weighted_degree"] == pytest.approx(G.degree(v, weight="weight"))


def test_communities_are_networkx_louvain_numbered_by_size() -> None:
    G = nx.karate_club_graph()
    df = node_metrics(G)
    expected = sorted(nx.community.louvain_communities(G, weight="weight", seed=42), key=lambda c: (-len(c), min(c)))
    found = [set(df.index[df["community"] == number]) for number in range(1, len(expected) + 1)]
    assert found == expected
    assert df["community"].min() == 1


def test_sampled_betweenness_is_networkx_with_k_sources() -> None:
    G = nx.connected_watts_strogatz_graph(400, 6, 0.1, seed=5)
    df = node_metrics(G, exact_limit=100, sample_size=40)
    assert df.attrs["betweenness_sample"] == 40 and df.attrs["closeness_sample"] == 40
    expected = nx.betweenness_centrality(G, k=40, seed=42)
    for v in G:
        assert df.loc[v, "betweenness"] == pytest.approx(expected[v], abs=1e-12)


@pytest.mark.slow
def test_sampled_estimates_are_close_to_exact() -> None:
    G = nx.connected_watts_strogatz_graph(800, 8, 0.1, seed=7)
    sampled = node_metrics(G, exact_limit=100, sample_size=200)
    exact = node_metrics(G)
    relative = (sampled["closeness"] - exact["closeness"]).abs() / exact["closeness"]
    assert relative.max() < 0.1
    top = set(exact["betweenness"].nlargest(20).index)
    assert len(top & set(sampled["betweenness"].nlargest(40).index)) >= 16
    assert sampled.attrs["community_method"] == "louvain_queue"


def test_small_components_of_a_large_graph_stay_exact() -> None:
    G = nx.disjoint_union(nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=1), nx.path_graph(5))
    df = node_metrics(G, exact_limit=100, sample_size=50)
    exact = nx.betweenness_centrality(G)
    closeness = nx.closeness_centrality(G)
    for v in range(300, 305):
        assert df.loc[v, "betweenness"] == pytest.approx(exact[v], abs=1e-12)
        assert df.loc[v, "closeness"] == pytest.approx(closeness[v], abs=1e-12)


def test_queue_louvain_finds_planted_groups() -> None:
    G = nx.planted_partition_graph(8, 60, 0.3, 0.005, seed=3)
    df = node_metrics(G, exact_limit=10, sample_size=50)
    groups = [set(df.index[df["community"] == c]) for c in sorted(df["community"].unique())]
    found_q = nx.community.modularity(G, groups)
    reference_q = nx.community.modularity(G, nx.community.louvain_communities(G, seed=42))
    assert found_q >= reference_q - 0.01
    assert len(groups) == 8


def test_eigenvector_never_fails() -> None:
    bipartite = nx.complete_bipartite_graph(3, 5)
    df = node_metrics(bipartite)
    assert df.attrs["eigenvector_converged"]
    assert df.loc[0, "eigenvector"] > df.loc[3, "eigenvector"]
    two_parts = nx.disjoint_union(nx.complete_graph(5), nx.path_graph(3))
    values = node_metrics(two_parts)["eigenvector"]
    assert values[:5].min() > 0.4 and values[5:].max() < 1e-3


def test_empty_and_tiny_graphs() -> None:
    empty = node_metrics(nx.Graph())
    assert empty.empty and list(empty.columns) == list(METRIC_COLUMNS)
    single = node_metrics(nx.empty_graph(["a"]))
    assert single.loc["a", "betweenness"] == 0 and single.loc["a", "closeness"] == 0
    assert network_figures(nx.Graph())["average_path_length"] is None
    pair = network_figures(nx.path_graph(2))
    assert (pair["average_path_length"], pair["diameter"], pair["density"]) == (1.0, 1, 1.0)


def test_network_figures_exact() -> None:
    G = with_isolates_and_parts()
    figures = network_figures(G)
    largest = G.subgraph(max(nx.connected_components(G), key=len))
    assert figures["nodes"] == 28 and figures["edges"] == G.number_of_edges()
    assert figures["components"] == 6 and figures["largest_component"] == 15
    assert figures["density"] == pytest.approx(nx.density(G))
    assert figures["average_path_length"] == pytest.approx(nx.average_shortest_path_length(largest))
    assert figures["diameter"] == nx.diameter(largest)
    assert figures["path_sample"] is None


@pytest.mark.slow
def test_network_figures_sampled() -> None:
    G = nx.connected_watts_strogatz_graph(1500, 6, 0.05, seed=2)
    figures = network_figures(G, exact_limit=500, sample_size=100)
    assert figures["path_sample"] == 100
    assert figures["average_path_length"] == pytest.approx(nx.average_shortest_path_length(G), rel=0.05)
    assert nx.diameter(G) - 1 <= figures["diameter"] <= nx.diameter(G)


def test_brokers_and_isolates() -> None:
    G = nx.florentine_families_graph()
    G.add_node("Pucci")
    for v in G:
        G.nodes[v].update(label=v, kind="organisation")
    df = node_metrics(G)
    top = brokers(df, n=3)
    assert list(top.index) == ["Medici", "Guadagni", "Albizzi"]
    assert (brokers(df, n=50)["betweenness"] > 0).all()
    assert brokers(df, kinds={"contact"}).empty
    assert isolates(G) == ["Pucci"]


def test_cache_computes_once_per_graph_and_stays_small(monkeypatch: pytest.MonkeyPatch) -> None:
    metrics.clear_cache()
    calls: list[int] = []
    real = metrics.node_metrics

    def counting(G: nx.Graph, **options: object) -> pd.DataFrame:
        calls.append(1)
        return real(G, **options)

    monkeypatch.setattr(metrics, "node_metrics", counting)
    G = nx.karate_club_graph()
    first = cached_node_metrics(G)
    first.loc[0, "degree"] = -1  # a copy: changing it does not change the cache
    again = cached_node_metrics(nx.karate_club_graph())
    assert len(calls) == 1 and again.loc[0, "degree"] == 16
    assert again.attrs["betweenness_sample"] is None
    for n in range(10):
        cached_node_metrics(nx.path_graph(n + 3))
    cached_node_metrics(G)
    assert len(calls) == 12  # the karate graph was pushed out by ten newer ones
    assert metrics.kept_network_figures(G) == network_figures(G)
    metrics.clear_cache()


def test_cache_is_safe_across_threads() -> None:
    metrics.clear_cache()
    graphs = [nx.path_graph(n) for n in range(3, 15)]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for G in graphs:
                assert len(cached_node_metrics(G)) == len(G)
        except BaseException as error:  # collected, so the main thread can fail the test
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    metrics.clear_cache()
