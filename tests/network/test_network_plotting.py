"""The network figures: few traces at any size, names shown as text, node ids recoverable."""

from __future__ import annotations

import datetime as dt
import math
import random

import networkx as nx
import plotly.graph_objects as go
import pytest

from lib.core.charts import TEMPLATE, separators, style
from lib.network.plotting import (
    EDGE_KINDS,
    LABEL_LIMIT,
    WEBGL_THRESHOLD,
    network_figure,
    node_hover,
    node_owner,
    ring_positions,
    ring_radii,
    rings_figure,
    selected_nodes,
)

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>')


def small_network() -> nx.Graph:
    """The library, two staff, three contacts (hostile names among them), three organisations."""
    G = nx.Graph()
    G.add_node("L", kind="library", label="Solbakke Bibliotek", sector="public", org_type="library")
    G.add_node("P1", kind="staff", label="Ole Holm", email="ole@bib.dk")
    G.add_node("P2", kind="staff", label="Mette <b>Lund</b>", email="mette@bib.dk")
    G.add_node("P3", kind="contact", label=HOSTILE[0], organisation="Solbakke Museum", email="x@museum.dk")
    G.add_node("P4", kind="contact", label=HOSTILE[1], organisation="FOF Solbakke")
    G.add_node("P5", kind="contact", label="Anna Berg", organisation=HOSTILE[2])
    G.add_node("O1", kind="organisation", label="Solbakke Museum", org_type="cultural", sector="public")
    G.add_node("O2", kind="organisation", label="FOF Solbakke", org_type="adult_education", sector="civil")
    G.add_node("O3", kind="organisation", label=HOSTILE[2], org_type="business", sector="private")
    G.add_edge("L", "P1", kind="staff", weight=1.0)
    G.add_edge("L", "P2", kind="staff", weight=1.0)
    G.add_edge("L", "O1", kind="partnership", weight=5.0)
    G.add_edge("P3", "O1", kind="affiliation", weight=1.0)
    G.add_edge("P4", "O2", kind="affiliation", weight=1.0)
    G.add_edge("P5", "O3", kind="affiliation", weight=1.0)
    for staff, contact, strength in (("P1", "P3", 4), ("P1", "P4", 2), ("P2", "P5", 5), ("P2", "P4", 5)):
        G.add_edge(
            staff,
            contact,
            kind="relation",
            relation_kind="knows",
            strength=strength,
            weight=float(strength),
            last_contact=dt.date(2024, 5, 1),
            owner=staff,
        )
    return G


def circle_positions(G: nx.Graph) -> dict:
    nodes = sorted(G, key=str)
    return {
        node: (math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes)))
        for i, node in enumerate(nodes)
    }


def big_network(nodes: int, edges: int, seed: int = 3) -> nx.Graph:
    rng = random.Random(seed)
    G = nx.gnm_random_graph(nodes, edges, seed=seed)
    G = nx.relabel_nodes(G, {n: f"P{n}" if n % 7 else f"O{n}" for n in G})
    for node in G:
        G.nodes[node].update(kind="organisation" if node.startswith("O") else "contact", label=f"Navn {node}")
    for u, v in G.edges:
        G.edges[u, v].update(kind=rng.choice(EDGE_KINDS), weight=1.0)
    return G


def random_positions(G: nx.Graph, seed: int = 1) -> dict:
    rng = random.Random(seed)
    return {node: (rng.uniform(-1, 1), rng.uniform(-1, 1)) for node in G}


def node_traces(fig: go.Figure) -> list:
    return [trace for trace in fig.data if trace.customdata is not None]


def edge_traces(fig: go.Figure) -> list:
    return [trace for trace in fig.data if trace.mode == "lines"]


# --- structure -------------------------------------------------------------------------------------


def test_all_edges_of_a_kind_are_one_trace_with_gaps() -> None:
    G = small_network()
    fig = network_figure(G, circle_positions(G))
    edges = edge_traces(fig)
    assert sorted(trace.name for trace in edges) == sorted(
        ["Partnerskab", "Ansat på biblioteket", "Tilknyttet organisation", "Relation"]
    )
    segments = sum(sum(1 for x in trace.x if x != x) for trace in edges)  # NaN gaps, one per edge
    assert segments == G.number_of_edges()


@pytest.mark.slow
def test_a_big_graph_is_a_handful_of_webgl_traces() -> None:
    G = big_network(WEBGL_THRESHOLD + 500, 6_000)
    fig = network_figure(G, random_positions(G))
    assert len(fig.data) <= len(EDGE_KINDS) + 4
    assert {type(trace) for trace in fig.data} == {go.Scattergl}
    assert sum(len(trace.customdata) for trace in node_traces(fig)) == len(G)
    small = network_figure(small_network(), circle_positions(small_network()))
    assert {type(trace) for trace in small.data} == {go.Scatter}
    forced = network_figure(G, random_positions(G), webgl=False)
    assert {type(trace) for trace in forced.data} == {go.Scatter}


def test_customdata_carries_node_ids_and_selection_maps_back() -> None:
    G = small_network()
    fig = network_figure(G, circle_positions(G))
    ids = [node for trace in node_traces(fig) for node in trace.customdata]
    assert sorted(ids) == sorted(G)
    points = [
        {"curve_number": 5, "customdata": "P3"},
        {"curve_number": 0, "x": 1.0},
        {"customdata": ["O1"]},
        {"customdata": "P3"},
    ]
    assert selected_nodes(points) == ["P3", "O1"]
    assert selected_nodes(None) == [] and selected_nodes([]) == []


def test_nodes_without_positions_are_left_out_and_the_view_does_not_rezoom() -> None:
    G = small_network()
    pos = circle_positions(G)
    whole = network_figure(G, pos)
    part = network_figure(G.subgraph(["L", "P1", "O1"]), pos)
    assert sorted(n for t in node_traces(part) for n in t.customdata) == ["L", "O1", "P1"]
    assert part.layout.xaxis.range == whole.layout.xaxis.range
    assert part.layout.yaxis.range == whole.layout.yaxis.range
    missing = network_figure(G, {node: xy for node, xy in pos.items() if node != "P5"})
    assert "P5" not in [n for t in node_traces(missing) for n in t.customdata]


def test_empty_graph_says_so() -> None:
    fig = network_figure(nx.Graph(), {}, lang="en")
    assert fig.data == () and "Nothing to show" in fig.layout.annotations[0].text


# --- text is text ----------------------------------------------------------------------------------


def test_names_are_escaped_in_hover_labels_and_legend() -> None:
    G = small_network()
    fig = network_figure(G, circle_positions(G), labels=True, color_by="owner")
    texts = []
    for trace in fig.data:
        texts.append(trace.name or "")
        texts.extend(trace.hovertext or ())
        texts.extend(trace.text or ())
    joined = "\n".join(texts)
    for bad in ("<script", "<img", "<a href", "Mette <b>"):
        assert bad not in joined
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in joined
    assert "&lt;img src=x onerror=alert(1)&gt;" in joined
    assert "Mette &lt;b&gt;Lund&lt;/b&gt;" in joined  # an owner's name in the legend


def test_hover_shows_kind_type_organisation_and_metrics_but_no_email() -> None:
    G = small_network()
    text = node_hover(G, "P3", {"Forbindelser": 3, "Mellemled": 0.12345}, "da")
    assert text.startswith("<b>&lt;script&gt;")
    assert "Kontaktperson" in text and "Organisation: Solbakke Museum" in text
    assert "Forbindelser: 3" in text and "Mellemled: 0,123" in text
    assert "x@museum.dk" not in text
    organisation = node_hover(G, "O1", None, "en")
    assert "Organisation · Cultural institution · Public" in organisation
    assert "Mellemled: 0.123" in node_hover(G, "P3", {"Mellemled": 0.12345}, "en")


def test_a_template_in_hover_text_is_not_evaluated() -> None:
    G = small_network()
    G.nodes["P5"]["label"] = "%{x} %{customdata}"
    fig = network_figure(G, circle_positions(G))
    assert all(trace.hovertemplate is None for trace in fig.data)
    assert any("%{x} %{customdata}" in h for t in node_traces(fig) for h in t.hovertext)


# --- colour, size, highlight -----------------------------------------------------------------------


def test_colour_by_kind_sector_owner_and_community() -> None:
    G = small_network()
    pos = circle_positions(G)
    kinds = {t.name for t in node_traces(network_figure(G, pos, color_by="kind"))}
    assert kinds == {"Biblioteket", "Medarbejder", "Kontaktperson", "Organisation"}
    sectors = {t.name for t in node_traces(network_figure(G, pos, color_by="sector", lang="en"))}
    assert sectors == {"Public", "Private", "Civil society", "Sector not given"}
    owners = {t.name: set(t.customdata) for t in node_traces(network_figure(G, pos, color_by="owner"))}
    assert owners["Ole Holm"] == {"P1", "P3"}
    assert owners["Ingen ansvarlig"] == {"L", "O1", "O2", "O3"}
    assert {"P2", "P5"} <= owners["Mette &lt;b&gt;Lund&lt;/b&gt;"]
    given = {node: (1 if node.startswith("P") else 2) for node in G}
    groups = {
        t.name: set(t.customdata) for t in node_traces(network_figure(G, pos, color_by="community", communities=given))
    }
    assert groups == {"Gruppe 1": {n for n in G if n.startswith("P")}, "Gruppe 2": {"L", "O1", "O2", "O3"}}
    assert node_traces(network_figure(G, pos, color_by="community"))  # Louvain when none are given
    with pytest.raises(ValueError):
        network_figure(G, pos, color_by="colour")


def test_owner_of_a_contact_is_who_holds_most_of_its_ties() -> None:
    G = small_network()
    assert node_owner(G, "P4") == "P2"  # strength 5 with Mette beats 2 with Ole
    assert node_owner(G, "P1") == "P1" and node_owner(G, "O2") is None


def test_size_by_a_metric_and_labels_for_the_biggest() -> None:
    G = small_network()
    degree = dict(G.degree())
    fig = network_figure(G, circle_positions(G), size_by=degree, labels=True)
    sizes = {n: s for t in node_traces(fig) for n, s in zip(t.customdata, t.marker.size)}
    assert max(sizes, key=sizes.get) == max(degree, key=degree.get)
    labelled = [text for t in node_traces(fig) for text in t.text if text]
    assert len(labelled) == min(len(G), LABEL_LIMIT)


def test_highlight_fades_the_rest_and_draws_their_ties_on_top() -> None:
    G = small_network()
    fig = network_figure(G, circle_positions(G), highlight={"P3"})
    opacity = {n: o for t in node_traces(fig) for n, o in zip(t.customdata, t.marker.opacity)}
    assert opacity["P3"] == 1.0 and opacity["L"] < 0.5
    lit = [t for t in edge_traces(fig) if t.name == "Fremhævede forbindelser"]
    assert len(lit) == 1 and sum(1 for x in lit[0].x if x != x) == G.degree("P3")


# --- template and rings ----------------------------------------------------------------------------


def test_shared_template_with_danish_decimal_comma() -> None:
    assert separators("da") == ",." and separators("en") == ".,"
    G = small_network()
    assert network_figure(G, circle_positions(G), lang="da").layout.separators == ",."
    assert network_figure(G, circle_positions(G), lang="en").layout.separators == ".,"
    fig = style(go.Figure(go.Bar(x=["a"], y=[1.5])), "da")
    assert fig.layout.template.layout.font.family == TEMPLATE.layout.font.family


def test_crowded_rings_are_widened_but_keep_their_order() -> None:
    rings = {"L": 0, **{f"O{i}": 1 for i in range(60)}, "O100": 2, "O101": 3}
    radii = ring_radii(rings)
    assert radii[1] > 1.5 and radii[2] >= radii[1] + 1 and radii[3] >= radii[2] + 1
    assert ring_radii({"L": 0, "O1": 1}) == {1: 1.0, 2: 2.0, 3: 3.0}


def test_rings_put_the_library_in_the_middle_and_organisations_on_their_ring() -> None:
    G = small_network()
    G.add_node("O4", kind="organisation", label="Gymnasiet", org_type="education")
    G.add_node("O5", kind="organisation", label="Aftenskolen", org_type="adult_education")
    rings = {"L": 0, "O1": 1, "O2": 2, "O3": 2, "O5": 2, "O4": 3}
    pos = ring_positions(G, rings)
    assert pos["L"] == (0.0, 0.0)
    for node, ring in rings.items():
        assert math.isclose(math.hypot(*pos[node]), ring, abs_tol=1e-9)

    # Clockwise from the top, by type then name: both adult-education organisations come first.
    def clockwise_from_top(node: str) -> float:
        return (math.pi / 2 - math.atan2(pos[node][1], pos[node][0])) % (2 * math.pi)

    clockwise = sorted(["O2", "O3", "O5"], key=clockwise_from_top)
    assert clockwise == ["O5", "O2", "O3"]
    fig = rings_figure(G, rings, "en")
    names = [a.text for a in fig.layout.annotations]
    assert names == ["Active partners", "Organisations we have contacts in", "Candidates"]
    assert sorted(n for t in node_traces(fig) for n in t.customdata) == sorted(rings)
    assert "Cultural institution" in {t.name for t in node_traces(fig)}
    assert "&lt;a href" in "".join(h for t in node_traces(fig) for h in t.hovertext)
