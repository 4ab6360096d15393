"""What the network page decides without Streamlit (lib.network.page, lib.network.figures): the filter
from the chosen values, the views and their places, the tables in words, the drawings."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from lib.core.access import Principal
from lib.db import Database
from lib.demo.workspace import create_demo_workspace
from lib.network import figures as netfigures
from lib.network import graph as netgraph
from lib.network import metrics as netmetrics
from lib.network import page as netpage
from lib.reporting import figures, network_health
from tests.network.test_network_plotting import circle_positions, small_network

DEMO_TODAY = dt.date(2026, 11, 1)
DAY = dt.date(2026, 1, 1)


def positions_of(G):  # noqa: ANN001, ANN202 - a stand-in for the page's cached positions
    calls = []

    def positions(whole, view):  # noqa: ANN001, ANN202
        calls.append(view)
        return circle_positions(netpage.whole_graph_of(whole, view))

    return positions, calls


def test_all_kinds_chosen_is_no_kind_filter_and_none_chosen_shows_nothing() -> None:
    every = netpage.network_filter(
        kinds_apply=True, node_kinds=list(netgraph.NODE_KINDS), edge_kinds=list(netgraph.EDGE_KINDS)
    )
    assert every is not None and every.is_empty
    assert netpage.network_filter(kinds_apply=True, node_kinds=[], edge_kinds=[]) is None
    # In the organisation view the kinds do not apply: an empty choice there still shows the network.
    assert netpage.network_filter(kinds_apply=False, node_kinds=[], edge_kinds=[]) is not None


def test_not_given_stands_for_an_empty_sector_and_strength_one_is_no_filter() -> None:
    flt = netpage.network_filter(
        kinds_apply=True,
        node_kinds=list(netgraph.NODE_KINDS),
        edge_kinds=["relation"],
        sectors=["public", netpage.NOT_GIVEN],
        min_strength=1,
    )
    assert flt is not None
    assert flt.sectors == frozenset({"public", None})
    assert flt.edge_kinds == frozenset({"relation"})
    assert flt.min_strength is None


def test_filters_in_use_are_counted_once_each_with_kinds_compared_as_sets() -> None:
    defaults = {"kinds": ["a", "b"], "sectors": [], "strength": 1}
    assert netpage.filters_in_use({"kinds": ["b", "a"]}, defaults, unordered=("kinds",)) == 0
    assert netpage.filters_in_use({"kinds": ["a"], "sectors": ["x"], "strength": 3}, defaults, ("kinds",)) == 3


def test_filtering_keeps_every_node_where_it_was() -> None:
    G = small_network()
    positions, calls = positions_of(G)
    whole = netpage.current_view(G, "whole", None, None, DAY, positions)
    assert whole.graph.number_of_nodes() == 0  # the chosen kinds leave nothing to show
    flt = netpage.network_filter(kinds_apply=True, node_kinds=["library", "organisation"], edge_kinds=[])
    view = netpage.current_view(G, "whole", flt, None, DAY, positions)
    assert set(view.graph) == {"L", "O1", "O2", "O3"}
    assert view.positions == circle_positions(G)
    assert calls == ["whole", "whole"]


def test_my_network_waits_for_a_staff_member_then_shows_only_their_part() -> None:
    G = small_network()
    positions, _ = positions_of(G)
    assert netpage.current_view(G, "mine", None, None, DAY, positions).waiting
    mine = netpage.current_view(G, "mine", netgraph.NetworkFilter(), "P2", DAY, positions)
    assert "P1" not in mine.graph and {"P2", "P5", "P4"} <= set(mine.graph)
    assert set(mine.positions) <= set(mine.graph)


def test_organisations_view_is_placed_by_the_organisation_layout() -> None:
    G = small_network()
    positions, calls = positions_of(G)
    view = netpage.current_view(G, "organisations", netgraph.NetworkFilter(), None, DAY, positions)
    assert calls == ["organisations"]
    assert {data["kind"] for _, data in view.graph.nodes(data=True)} <= {"library", "organisation"}


def test_stragglers_are_pulled_in_and_the_crowd_stays() -> None:
    crowd = {f"n{i}": (float(i % 5), float(i // 5)) for i in range(25)}
    pos = {**crowd, "far": (1000.0, 0.0)}
    pulled = netpage.pulled_in(pos)
    assert pulled["far"][0] < 20 and pulled["n7"] == crowd["n7"]
    assert netpage.pulled_in(crowd) == crowd


def test_staff_members_by_name_and_the_logged_in_one_found_by_email() -> None:
    G = small_network()
    members = netpage.staff_members(G)
    assert list(members.values()) == ["Mette <b>Lund</b>", "Ole Holm"]
    assert netpage.staff_node_of(G, list(members), " OLE@bib.dk ") == "P1"
    assert netpage.staff_node_of(G, list(members), None) is None


def test_ties_of_a_node_in_words_by_kind_then_name() -> None:
    G = small_network()
    ties = netpage.tie_rows(G, "P4", "en")
    assert ties["other"].tolist() == ["FOF Solbakke", "Mette <b>Lund</b>", "Ole Holm"]
    assert ties["other_kind"].tolist()[0] == "Organisation"
    assert ties.set_index("other").loc["Mette <b>Lund</b>", "owner"] == "Mette <b>Lund</b>"
    assert netpage.filled_columns(netpage.tie_rows(G, "O1", "en"), always=("other", "tie")) == [
        "other",
        "other_kind",
        "tie",
        "ties",
    ]


def test_a_node_is_described_in_the_readers_language() -> None:
    G = small_network()
    assert netpage.describe(G, "P3", "en")[0] == "Contact"
    assert any("Solbakke Museum" in line for line in netpage.describe(G, "P3", "en"))


def test_measures_show_places_for_bridge_builders_and_reach_as_a_percentage() -> None:
    G = small_network()
    metrics = netmetrics.node_metrics(G)
    shown = dict(netpage.node_measures(metrics, "P2", "en"))
    assert set(shown) == {"degree", "betweenness", "closeness", "reach"}
    assert shown["reach"].endswith("%")
    assert "of" in shown["betweenness"]  # "no. 2 of 9"
    assert netpage.node_measures(metrics, "nobody", "en") == []


def test_the_measures_table_is_most_connected_first_and_its_excel_has_the_headings() -> None:
    G = small_network()
    frame = netpage.metrics_frame(netmetrics.node_metrics(G), "da")
    assert frame["degree"].tolist() == sorted(frame["degree"], reverse=True)
    workbook = load_workbook(io.BytesIO(netpage.metrics_xlsx(frame, {"label": "Navn", "degree": "Bånd"}, "Mål")))
    rows = list(workbook["Mål"].values)
    assert rows[0] == ("Navn", "Bånd") and len(rows) == len(frame) + 1


def test_figures_of_a_view_in_danish_numbers() -> None:
    texts = dict(
        netpage.figure_texts(
            {
                "nodes": 9,
                "edges": 10,
                "density": 0.125,
                "components": 1,
                "average_path_length": 2.5,
                "diameter": None,
            },
            "da",
        )
    )
    assert texts == {
        "nodes": "9",
        "edges": "10",
        "density": "12,5 %",
        "components": "1",
        "average_path_length": "2,50",
        "diameter": "",
    }


def test_map_drawing_follows_the_chosen_look_and_puts_organisations_on_top() -> None:
    G = small_network()
    metrics = netmetrics.node_metrics(G)
    view = netpage.NetworkView("whole", G, circle_positions(G), DAY)
    fig = netfigures.view_figure(view, metrics, netfigures.MapLook(labels=True), "en")
    nodes = [trace for trace in fig.data if trace.customdata is not None]
    assert len(nodes) > 1 and nodes[-1].legendrank < nodes[0].legendrank
    assert fig.layout.hoverlabel.font.color == "#262730"
    ego = netfigures.ego_figure(view, metrics, "P1", 1, netfigures.MapLook(), "en")
    drawn = {node for trace in ego.data if trace.customdata is not None for node in trace.customdata}
    assert drawn == {"P1", "L", "P3", "P4"}


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo_workspace(db, today=DEMO_TODAY)
    return db


def test_the_page_services_read_the_demo_and_refuse_a_viewer_the_contacts(demo: Database) -> None:
    first, last = netpage.timeline_bounds(demo)
    assert first < last
    G, today = netpage.page_graphs(demo, None)
    assert today is None and G.number_of_nodes() > 10
    earlier, today = netpage.page_graphs(demo, first)
    assert today is not None and earlier.number_of_nodes() < today.number_of_nodes()
    change = netpage.compare_dates(demo, first, last)
    assert change.counts["new_ties"] > 0
    one = network_health.one_person_on(demo, last, graph=G)
    with demo.read() as session:
        assert one == figures.one_person(session, last, graph=G)
    assert one.organisations  # the demo has organisations that hang on one staff member
    viewer = demo.acting_as(Principal(email=None, role="viewer"))
    from lib.core.access import AccessDenied

    with pytest.raises(AccessDenied):
        netpage.page_graphs(viewer, None)
    assert netpage.timeline_bounds(viewer) == (first, last)


def test_the_map_around_a_busy_point_names_only_a_readable_few() -> None:
    # A hundred neighbours keep their places on the whole map, close together: every name written
    # would pile up into an unreadable blot, so only the biggest are named (the rest on hover).
    G = small_network()
    for number in range(100):
        G.add_node(f"C{number}", kind="contact", label=f"Kontakt nummer {number}", organisation=None)
        G.add_edge("P1", f"C{number}", kind="relation", kinds=frozenset({"relation"}), weight=1.0)
    metrics = netmetrics.node_metrics(G)
    view = netpage.NetworkView("whole", G, circle_positions(G), DAY)
    ego = netfigures.ego_figure(view, metrics, "P1", 1, netfigures.MapLook(), "da")
    names = [text for trace in ego.data if trace.customdata is not None for text in (trace.text or ()) if text]
    drawn = sum(len(trace.customdata) for trace in ego.data if trace.customdata is not None)
    assert drawn > 100
    assert 0 < len(names) <= netfigures.EGO_LABELS
