"""The network as lists on the page "Netværk" (issue 15): under the map, the same points and ties in
tables a screen reader can read (``st.table``), sorted and paged by keyboard."""

from __future__ import annotations

import datetime as dt

import networkx as nx
from streamlit.testing.v1 import AppTest

from lib.db import Database
from lib.network import graph as netgraph
from tests import apptest_support
from tests.apptest_support import rerun

PAGE = "../pages/network.py"


def whole_graph(db: Database, as_of: dt.date | None = None) -> nx.Graph:
    with db.read() as session:
        return netgraph.build_graph(session, as_of)


def tables(at: AppTest) -> list:
    return [table.value for table in at.table]


def captions(at: AppTest) -> list[str]:
    return [caption.value for caption in at.caption]


def test_the_map_has_a_list_of_its_points_and_ties(demo: Database) -> None:
    at = apptest_support.run_page(PAGE)
    G = whole_graph(demo)
    assert "Se netværket som liste" in [e.label for e in at.expander]
    nodes, ties = tables(at)[:2]
    assert list(nodes.columns)[:3] == ["Navn", "Slags", "Organisation eller type"]
    assert list(ties.columns)[:2] == ["Fra", "Til"]
    assert len(nodes) == len(ties) == 50  # one page each
    assert f"Viser 1–50 af {G.number_of_nodes()} · side 1 af 8." in captions(at)
    assert f"Viser 1–50 af {G.number_of_edges():,} · side 1 af 21.".replace(",", ".") in captions(at)
    names = list(nodes["Navn"])
    assert names == sorted(names, key=str.casefold)


def test_sorting_and_paging_the_points_by_keyboard(demo: Database) -> None:
    at = apptest_support.run_page(PAGE)
    G = whole_graph(demo)
    at.selectbox(key="net_list_nodes_sort").set_value("ties")
    at.radio(key="net_list_nodes_order").set_value("descending")
    at = rerun(at)
    nodes = tables(at)[0]
    counts = [int(n.replace(".", "")) for n in nodes["Antal forbindelser"]]
    assert counts == sorted(counts, reverse=True)
    busiest = max(G.degree, key=lambda pair: pair[1])
    assert counts[0] == busiest[1]
    assert nodes["Navn"].iloc[0] == G.nodes[busiest[0]]["label"]  # the library holds the most ties
    at.number_input(key="net_list_nodes_page").set_value(8)
    at = rerun(at)
    last = tables(at)[0]
    assert len(last) == G.number_of_nodes() - 7 * 50
    assert f"Viser 351–{G.number_of_nodes()} af {G.number_of_nodes()} · side 8 af 8." in captions(at)


def test_the_list_follows_the_filters_and_the_view(demo: Database) -> None:
    at = apptest_support.run_page(PAGE, state={"net_f_node_kinds": ["library", "staff"]})
    G = whole_graph(demo)
    staff = [v for v, kind in G.nodes(data="kind") if kind == "staff"]
    nodes, ties = tables(at)[:2]
    assert len(nodes) == len(staff) + 1
    assert set(nodes["Slags"]) == {"Biblioteket", "Medarbejder"}
    assert any(f"af {len(staff) + 1} ·" in c for c in captions(at))
    at = apptest_support.run_page(PAGE, "en", state={"net_view": "organisations"})
    nodes = tables(at)[0]
    assert set(nodes["Kind"]) <= {"The library", "Organisation"}
    assert "See the network as a list" in [e.label for e in at.expander]


def test_the_opened_nodes_network_has_its_list_too(demo: Database) -> None:
    G = whole_graph(demo)
    node = sorted(v for v, kind in G.nodes(data="kind") if kind == "organisation")[0]
    at = apptest_support.run_page(PAGE, state={"net_open": node})
    ego = netgraph.ego_network(G, node, 1)
    assert [e.label for e in at.expander].count("Se netværket som liste") == 2
    ego_nodes = tables(at)[2]
    assert len(ego_nodes) == ego.number_of_nodes()
    assert G.nodes[node]["label"] in set(ego_nodes["Navn"])
