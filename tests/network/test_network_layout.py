"""The network layout: computed fast at any size, never hanging, and stable between visits."""

from __future__ import annotations

import math
import stat
import time
from pathlib import Path

import networkx as nx
import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from lib.db import Database, NodePosition, forget_database, head_revision, open_database, schema_version, upgrade_schema
from lib.network import layout
from lib.network.layout import BOX, compute_layout, forget_positions, positions


def people_graph(count: int, seed: int = 1, extra: int = 2) -> nx.Graph:
    """A connected graph whose nodes are named like the contract's ("P1" …)."""
    graph = nx.barabasi_albert_graph(count, extra, seed=seed)
    return nx.relabel_nodes(graph, {n: f"P{n}" for n in graph})


def within_box(pos: dict, box: float = BOX) -> bool:
    return all(abs(x) <= box + 1e-9 and abs(y) <= box + 1e-9 for x, y in pos.values())


def stored_rows(db: Database, view: str | None = None) -> int:
    with db.read() as session:
        query = select(NodePosition)
        if view is not None:
            query = query.where(NodePosition.view == view)
        return len(session.scalars(query).all())


# --- compute_layout --------------------------------------------------------------------------------


def test_small_graph_fills_the_box_and_is_deterministic() -> None:
    graph = people_graph(60)
    first = compute_layout(graph)
    assert set(first) == set(graph) and list(first) == list(graph)
    assert within_box(first)
    assert math.isclose(max(max(abs(x), abs(y)) for x, y in first.values()), BOX, rel_tol=1e-4)
    assert compute_layout(graph) == first


def test_layout_does_not_depend_on_insertion_order() -> None:
    graph = people_graph(40)
    reordered = nx.Graph()
    reordered.add_nodes_from(reversed(list(graph.nodes)))
    reordered.add_edges_from(reversed([(v, u) for u, v in graph.edges]))
    assert compute_layout(reordered) == compute_layout(graph)


def test_lonely_nodes_do_not_squeeze_the_network_into_a_corner() -> None:
    graph = people_graph(120)
    graph.add_nodes_from(["O_alone_1", "O_alone_2", "O_alone_3"])
    graph.add_edge("P_pair_1", "P_pair_2")
    pos = compute_layout(graph)
    main = [pos[node] for node in graph if node.startswith("P") and "pair" not in node]
    width = max(x for x, _ in main) - min(x for x, _ in main)
    height = max(y for _, y in main) - min(y for _, y in main)
    assert max(width, height) > 0.8 * BOX  # the real network keeps most of the picture
    centre = (sum(x for x, _ in main) / len(main), sum(y for _, y in main) / len(main))
    reach = max(math.dist(p, centre) for p in main)
    assert all(math.dist(pos[node], centre) > reach for node in ("O_alone_1", "O_alone_2", "O_alone_3"))


def test_empty_and_single_node_graphs() -> None:
    assert compute_layout(nx.Graph()) == {}
    single = nx.Graph()
    single.add_node("L")
    assert compute_layout(single) == {"L": (0.0, 0.0)}


@pytest.mark.skipif(not layout.sfdp_available(), reason="Graphviz sfdp is not installed")
def test_big_graph_uses_sfdp(monkeypatch: pytest.MonkeyPatch) -> None:
    graph = people_graph(layout.SMALL_GRAPH + 100)
    calls = []
    original = layout._sfdp
    monkeypatch.setattr(layout, "_sfdp", lambda *args: calls.append(1) or original(*args))
    pos = compute_layout(graph)
    assert calls == [1]
    assert len(pos) == len(graph) and within_box(pos)
    assert compute_layout(graph) == pos


def test_node_ids_never_reach_graphviz_as_text() -> None:
    graph = nx.Graph()
    graph.add_edge('P1"; rm -rf /', "O<2>")
    nodes = layout._sorted_nodes(graph)
    source = layout._dot_source(nodes, layout._edge_index(graph, {n: i for i, n in enumerate(nodes)}), 42)
    assert "rm -rf" not in source and "O<2>" not in source and '"n0" -- "n1"' in source


@pytest.mark.slow
def test_big_graph_without_graphviz_uses_the_builtin_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "_sfdp_executable", lambda: None)
    graph = people_graph(layout.SMALL_GRAPH + 100)
    started = time.perf_counter()
    pos = compute_layout(graph)
    assert time.perf_counter() - started < 30
    assert len(pos) == len(graph) and within_box(pos)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len(set(pos.values())) == len(graph)  # no two nodes on the same spot
    assert compute_layout(graph) == pos


@pytest.mark.slow
def test_failing_or_hanging_graphviz_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    graph = people_graph(layout.SMALL_GRAPH + 10)
    monkeypatch.setattr(layout, "_sfdp_executable", lambda: "/bin/false")
    assert len(compute_layout(graph)) == len(graph)

    sleeper = tmp_path / "sfdp"
    sleeper.write_text("#!/bin/sh\nsleep 30\n")
    sleeper.chmod(sleeper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(layout, "_sfdp_executable", lambda: str(sleeper))
    monkeypatch.setattr(layout, "SFDP_TIMEOUT", 0.5)
    started = time.perf_counter()
    assert len(compute_layout(graph)) == len(graph)
    assert time.perf_counter() - started < 25


def test_fixed_nodes_keep_their_exact_places() -> None:
    graph = people_graph(50)
    fixed = {"P0": (0.123456, -0.5), "P1": (0.9, 0.9), "P2": (-0.7, 0.2), "not in graph": (5.0, 5.0)}
    pos = compute_layout(graph, fixed=fixed)
    assert "not in graph" not in pos
    for node in ("P0", "P1", "P2"):
        assert pos[node] == fixed[node]


# --- stored positions ------------------------------------------------------------------------------


def test_positions_are_stored_once_and_identical_on_every_call(db: Database) -> None:
    graph = people_graph(80)
    first = positions(db, graph)
    assert stored_rows(db) == len(graph)
    assert positions(db, graph) == first
    assert stored_rows(db) == len(graph)
    assert list(first) == list(graph)


def test_new_nodes_go_next_to_their_neighbours_and_nothing_old_moves(db: Database) -> None:
    graph = people_graph(100)
    before = positions(db, graph)
    grown = graph.copy()
    grown.add_edge("P5", "P_new_1")
    grown.add_edge("P_new_1", "P_new_2")  # a chain: placed wave by wave
    grown.add_node("P_lonely")
    after = positions(db, grown)
    assert all(after[node] == before[node] for node in graph)
    spacing = 2 * BOX / math.sqrt(len(grown))
    assert math.dist(after["P_new_1"], after["P5"]) < 6 * spacing
    assert math.dist(after["P_new_2"], after["P_new_1"]) < 6 * spacing
    reach = max(math.hypot(*p) for p in before.values())
    assert math.hypot(*after["P_lonely"]) > 0.8 * reach  # out at the rim, not in the crowd
    assert positions(db, grown) == after


def test_removed_nodes_keep_their_rows_and_come_back_in_place(db: Database) -> None:
    graph = people_graph(60)
    before = positions(db, graph)
    smaller = graph.copy()
    smaller.remove_nodes_from(["P10", "P11"])
    assert positions(db, smaller) == {node: before[node] for node in smaller}
    assert stored_rows(db) == len(graph)
    assert positions(db, graph) == before


def test_many_new_nodes_get_a_full_layout_fitted_to_the_known_ones(db: Database) -> None:
    graph = people_graph(100)
    part = graph.subgraph([f"P{n}" for n in range(30)]).copy()
    known = positions(db, part)
    whole = positions(db, graph)
    assert all(whole[node] == known[node] for node in part)
    assert len(set(whole.values())) == len(graph)
    assert stored_rows(db) == len(graph)


def test_views_are_separate_and_can_be_forgotten(db: Database) -> None:
    graph = people_graph(30)
    positions(db, graph, view="whole")
    positions(db, graph, view="organisations")
    assert stored_rows(db, "whole") == stored_rows(db, "organisations") == len(graph)
    assert forget_positions(db, "organisations") == len(graph)
    assert stored_rows(db, "organisations") == 0 and stored_rows(db, "whole") == len(graph)
    assert forget_positions(db) == len(graph)
    assert stored_rows(db) == 0


def test_a_position_stored_meanwhile_by_someone_else_wins(db: Database) -> None:
    with db.write() as session:
        session.add(NodePosition(view="whole", node_key="P1", x=0.5, y=0.25))
    saved = layout._save(db, "whole", {"P1": (0.9, 0.9), "P2": (0.1, 0.1)})
    assert saved == {"P1": (0.5, 0.25), "P2": (0.1, 0.1)}
    assert stored_rows(db) == 2


def test_one_position_per_view_and_node(db: Database) -> None:
    with pytest.raises(IntegrityError), db.write() as session:
        session.add(NodePosition(view="whole", node_key="P1", x=0.0, y=0.0))
        session.add(NodePosition(view="whole", node_key="P1", x=1.0, y=1.0))


def test_a_database_at_0002_is_upgraded_with_the_positions_table(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    upgrade_schema(engine, "0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organisations (id, name, name_key, created_at, updated_at) "
                "VALUES (3, 'Solbakke Museum', 'solbakke museum', '2024-01-01', '2024-01-01')"
            )
        )
    assert "node_positions" not in inspect(engine).get_table_names()
    engine.dispose()
    db = open_database(url, cached=False)
    try:
        assert schema_version(db.engine) == head_revision()
        assert "node_positions" in inspect(db.engine).get_table_names()
        graph = nx.Graph()
        graph.add_edge("L", "O3")
        assert set(positions(db, graph)) == {"L", "O3"}
        with db.read() as session:
            name = session.execute(text("SELECT name FROM organisations WHERE id = 3")).scalar()
            assert name == "Solbakke Museum"
    finally:
        db.dispose()
        forget_database(url)
