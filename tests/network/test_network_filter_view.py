"""A filter of a big network without copies (issue 16): the filtered graph is a view of the whole that
shows what ``apply_filter`` shows, and the filtered map is the whole map with points and ties left out."""

from __future__ import annotations

import datetime as D

import networkx as nx
import pytest

from lib.network import figures as netfigures
from lib.network import page as netpage
from lib.network.graph import NetworkFilter, apply_filter, filtered_view
from lib.network.plot_elements import WEBGL_THRESHOLD
from tests.network.test_network_graph import SmallWorkspace, ws  # noqa: F401 - the fixture
from tests.network.test_network_page_logic import DAY, positions_of
from tests.network.test_network_plotting import big_network, edge_traces, node_traces


def same_graph(view: nx.Graph, copy: nx.Graph) -> None:
    assert dict(view.nodes(data=True)) == dict(copy.nodes(data=True))
    assert {frozenset(e): d for *e, d in view.edges(data=True)} == {frozenset(e): d for *e, d in copy.edges(data=True)}


FILTERS = [
    NetworkFilter(node_kinds={"organisation", "library"}),
    NetworkFilter(node_kinds={"organisation"}, sectors={"civil"}),
    NetworkFilter(sectors={"public", None}),
    NetworkFilter(min_strength=3),
    NetworkFilter(contact_after=D.date(2026, 1, 1)),
    NetworkFilter(search="museum"),
]


@pytest.mark.parametrize("flt", FILTERS, ids=range(len(FILTERS)))
def test_a_filter_view_shows_what_the_filtered_copy_shows(ws: SmallWorkspace, flt: NetworkFilter) -> None:  # noqa: F811
    G = ws.graph()
    view = filtered_view(G, flt)
    assert view is not None and nx.is_frozen(view)
    same_graph(view, apply_filter(G, flt))
    assert list(view) == [v for v in G if v in view]  # the whole graph's order, whatever the set order


def test_a_tie_that_loses_one_of_its_kinds_needs_the_copy() -> None:
    # Anna works at the museum and knows it well: without the affiliation the tie weighs less.
    G = nx.Graph()
    G.add_node("P1", kind="contact", label="Anna")
    G.add_node("O1", kind="organisation", label="Museet")
    G.add_edge(
        "P1",
        "O1",
        kind="relation",
        kinds=frozenset({"relation", "affiliation"}),
        weight=5.0,
        weights_by_kind={"relation": 4.0, "affiliation": 1.0},
        ties_by_kind={"relation": 1, "affiliation": 1},
        ties=2,
    )
    assert filtered_view(G, NetworkFilter(edge_kinds={"relation"})) is None
    assert apply_filter(G, NetworkFilter(edge_kinds={"relation"})).edges["P1", "O1"]["weight"] == 4.0
    kept = filtered_view(G, NetworkFilter(edge_kinds={"relation", "affiliation"}))
    assert kept is not None and kept.edges["P1", "O1"]["weight"] == 5.0


def sectors_on(G: nx.Graph) -> nx.Graph:
    for number, node in enumerate(sorted(v for v in G if v.startswith("O"))):
        G.nodes[node]["sector"] = ("public", "private", "civil")[number % 3]
    return G


@pytest.mark.parametrize(
    ("flt", "look"),
    [
        (NetworkFilter(sectors={"public"}), netfigures.MapLook()),
        (NetworkFilter(edge_kinds={"relation", "staff"}, sectors={"civil", "public"}), netfigures.MapLook()),
        (NetworkFilter(node_kinds={"contact"}), netfigures.MapLook(color_by="sector", size_by="degree", labels=True)),
    ],
)
def test_a_filtered_big_map_is_the_whole_map_less_what_the_filter_hides(
    flt: NetworkFilter, look: netfigures.MapLook
) -> None:
    G = sectors_on(big_network(WEBGL_THRESHOLD + 300, 3_000))
    positions, _ = positions_of(G)
    view = netpage.current_view(G, "whole", flt, None, DAY, positions)
    assert view.unfiltered is not None and view.graph.number_of_nodes() > WEBGL_THRESHOLD
    metrics = netpage.view_metrics(view, G)
    masked = netfigures.view_figure(view, metrics, look, "da")
    drawn = netfigures._view_figure(view, metrics, look, "da", None)  # drawn again from the filtered graph

    def points(fig):  # noqa: ANN001, ANN202
        return {trace.name: sorted(trace.customdata) for trace in node_traces(fig)}

    def ties(fig):  # noqa: ANN001, ANN202
        return {
            trace.name: sorted(zip(trace.x[0::3], trace.y[0::3], trace.x[1::3], trace.y[1::3], strict=True))
            for trace in edge_traces(fig)
        }

    assert points(masked) == points(drawn)
    assert ties(masked) == ties(drawn)
    assert sum(len(trace.x) // 3 for trace in edge_traces(masked)) == view.graph.number_of_edges()
    assert netpage.view_size(view) == (view.graph.number_of_nodes(), view.graph.number_of_edges())
    whole = netfigures.view_figure(view.unfiltered, netpage.view_metrics(view.unfiltered, G), look, "da")
    colours = {trace.name: trace.marker.color for trace in node_traces(whole)}
    assert {trace.name: trace.marker.color for trace in node_traces(masked)}.items() <= colours.items()
    if look.labels:
        named = {node for t in node_traces(masked) for node, text in zip(t.customdata, t.text, strict=True) if text}
        assert len(named) == netfigures.plotting.LABEL_LIMIT and named <= set(view.graph)
