"""The board pack's network picture on a big workspace: the organisations nearest the library, partners
first, and a sentence saying how many are left out."""

from __future__ import annotations

import networkx as nx

from lib.network.graph import LIBRARY
from lib.reporting.boardpack.sections_network import PICTURE_ORGANISATIONS, picture_nodes


def _view(organisations: int) -> tuple[nx.Graph, dict[str, int]]:
    G = nx.Graph()
    G.add_node(LIBRARY, kind="library")
    placed = {LIBRARY: 0}
    for number in range(organisations):
        node = f"O{number}"
        G.add_node(node, kind="organisation")
        # Every tenth a partner (ring 1); the rest contacts (ring 2), with more ties the lower the number.
        placed[node] = 1 if number % 10 == 0 else 2
        G.add_edge(LIBRARY, node)
        for other in range(max(0, number - (organisations - number) // 50), number):
            G.add_edge(node, f"O{other}")
    return G, placed


def test_a_small_network_is_drawn_whole() -> None:
    view, placed = _view(PICTURE_ORGANISATIONS)
    assert picture_nodes(view, placed) == set(view)


def test_a_big_network_keeps_the_library_the_partners_and_the_most_tied_contacts() -> None:
    view, placed = _view(1_000)
    kept = picture_nodes(view, placed)
    organisations = kept - {LIBRARY}
    assert LIBRARY in kept and len(organisations) == PICTURE_ORGANISATIONS
    partners = {node for node, ring in placed.items() if ring == 1}
    assert partners <= kept  # all 100 partners
    contacts = organisations - partners
    left_out = set(view) - kept
    assert min(view.degree(n) for n in contacts) >= max(view.degree(n) for n in left_out)
