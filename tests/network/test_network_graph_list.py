"""The network as lists (lib.network.graph_list): the same nodes and ties as the graph, sorted and paged
the way a reader asked, in the reader's words."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd

from lib.network import graph as netgraph
from lib.network import graph_list
from lib.network import metrics as netmetrics
from tests.network.test_network_plotting import small_network


def test_the_lists_hold_exactly_the_nodes_and_ties_of_the_graph() -> None:
    G = small_network()
    nodes = graph_list.node_list(G, netmetrics.node_metrics(G), "da")
    ties = graph_list.tie_list(G, "da")
    assert len(nodes) == G.number_of_nodes()
    assert set(graph_list.node_ids(nodes)) == set(G)
    assert len(ties) == G.number_of_edges()
    pairs = {frozenset((row.source, row.target)) for row in ties.itertuples()}
    assert pairs == {frozenset((G.nodes[u]["label"], G.nodes[v]["label"])) for u, v in G.edges}
    # Each node's number of ties is its number of rows in the ties table.
    for row in nodes.itertuples():
        assert row.ties == ((ties["source"] == row.name) | (ties["target"] == row.name)).sum()


def test_a_filtered_graph_gives_the_filtered_lists() -> None:
    G = small_network()
    H = netgraph.apply_filter(
        G, netgraph.NetworkFilter(node_kinds=frozenset({"library", "staff", "contact"}), min_strength=5)
    )
    nodes, ties = graph_list.node_list(H, None, "en"), graph_list.tie_list(H, "en")
    assert len(nodes) == H.number_of_nodes() < G.number_of_nodes()
    assert len(ties) == H.number_of_edges() < G.number_of_edges()
    assert set(ties["strength"].dropna()) <= {5}


def test_nodes_in_words_kind_organisation_sector_and_measures() -> None:
    G = small_network()
    nodes = graph_list.node_list(G, netmetrics.node_metrics(G), "da").set_index("node")
    assert nodes.at["P1", "kind"] == "Medarbejder"
    assert nodes.at["P5", "organisation"] == G.nodes["P5"]["organisation"]
    assert nodes.at["O1", "organisation"] == "Kulturinstitution"  # an organisation's own type
    assert nodes.at["O2", "sector"] == "Civilsamfund"
    assert nodes.at["L", "ties"] == 3
    # P1 and P2 are the bridges between the library and the contacts: highest betweenness, place 1 or 2.
    assert nodes["betweenness_place"].min() == 1
    assert nodes.loc[nodes["betweenness_place"] == 1].index[0] in {"L", "P1", "P2", "O1"}


def test_sorting_by_name_ignores_case_and_by_a_number_in_either_direction() -> None:
    G = nx.Graph()
    for node, name in (("a", "Bo"), ("b", "anna"), ("c", "carl"), ("d", "Åse")):
        G.add_node(node, kind="contact", label=name)
    G.add_edges_from([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    nodes = graph_list.node_list(G, None, "da")
    assert list(graph_list.sort_rows(nodes, "name")["name"]) == ["anna", "Bo", "carl", "Åse"]
    assert list(graph_list.sort_rows(nodes, "name", descending=True)["name"]) == ["Åse", "carl", "Bo", "anna"]
    by_ties = graph_list.sort_rows(nodes, "ties", descending=True)
    assert list(by_ties["ties"]) == [3, 2, 2, 1]
    assert list(by_ties["name"]) == ["Bo", "anna", "carl", "Åse"]  # equal counts keep the order by name


def test_empty_cells_go_last_whichever_the_direction() -> None:
    G = small_network()
    ties = graph_list.tie_list(G, "da")
    for descending in (False, True):
        strengths = list(graph_list.sort_rows(ties, "strength", descending=descending)["strength"])
        given = [s for s in strengths if not pd.isna(s)]
        assert given == sorted(given, reverse=descending)
        assert all(pd.isna(s) for s in strengths[len(given) :])


def test_pages_of_fifty_say_where_they_are() -> None:
    frame = pd.DataFrame({"name": [f"n{i:03}" for i in range(317)]})
    assert graph_list.page_count(317) == 7
    first = graph_list.page_of(frame, 1)
    assert (first.first, first.last, first.total, first.pages) == (1, 50, 317, 7)
    last = graph_list.page_of(frame, 7)
    assert (last.first, last.last) == (301, 317) and len(last.rows) == 17
    beyond = graph_list.page_of(frame, 99)  # a page left from a larger graph: the last there is
    assert beyond.number == 7
    empty = graph_list.page_of(frame.iloc[:0], 1)
    assert (empty.first, empty.last, empty.total) == (0, 0, 0)


def test_a_page_is_shown_in_the_readers_words_numbered_by_row() -> None:
    G = small_network()
    G.edges["P1", "P3"]["last_contact"] = dt.date(2024, 3, 9)
    ties = graph_list.sort_rows(graph_list.tie_list(G, "da"), "last_contact")
    headings = {c: c.upper() for c in graph_list.TIE_COLUMNS}
    shown = graph_list.shown_page(graph_list.page_of(ties, 1), graph_list.TIE_COLUMNS, headings, "da")
    assert list(shown.columns) == [c.upper() for c in graph_list.TIE_COLUMNS]
    assert list(shown.index) == list(range(1, len(ties) + 1))
    assert shown.iloc[0]["LAST_CONTACT"] == "09-03-2024"
    assert shown.iloc[-1]["STRENGTH"] == "" and shown.iloc[-1]["LAST_CONTACT"] == ""
    nodes = graph_list.node_list(G, netmetrics.node_metrics(G), "da")
    shown_nodes = graph_list.shown_page(
        graph_list.page_of(nodes, 1), ["name", "reach"], {"name": "N", "reach": "R"}, "da"
    )
    assert all(text.endswith("%") for text in shown_nodes["R"])
