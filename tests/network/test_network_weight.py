"""The network uses a tie's weight from a network file where it has no 1-5 strength (issue 11).

The rule (``lib.network.graph.relation_weight``): a strength is the edge weight; without one, the
file's weight on the same scale (as it is while every weight is at most 5, else scaled so that the
largest weight in the workspace counts as 5); neither, 2. Weighted degree follows, with known answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
import pytest

from lib.core.normalize import name_key
from lib.db import Database, Person, Relation, set_setting
from lib.network.graph import LIBRARY, build_graph, relation_weight
from lib.network.metrics import node_metrics

TODAY = dt.date(2026, 6, 1)


def library(db: Database, ties: list[tuple[str, str, dict[str, Any]]]) -> dict[str, str]:
    """Anna (staff) and the contacts the ties name; returns node ids by first name."""
    names = sorted({name for a, b, _ in ties for name in (a, b)})
    with db.write() as session:
        set_setting(session, "library_name", "Testbiblioteket")
        people = {name: Person(name=name, name_key=name_key(name), is_staff=name == "Anna") for name in names}
        session.add_all(people.values())
        session.flush()
        for a, b, values in ties:
            session.add(Relation(kind="knows", from_person_id=people[a].id, to_person_id=people[b].id, **values))
        return {name: f"P{p.id}" for name, p in people.items()}


def graph(db: Database, as_of: dt.date | None = None) -> nx.Graph:
    with db.read() as session:
        return build_graph(session, as_of, today=TODAY)


def test_weights_above_five_are_scaled_so_the_largest_counts_as_the_strongest_tie(db: Database) -> None:
    n = library(
        db,
        [
            ("Anna", "Bo", {"strength": 4, "weight": 40.0}),  # a strength wins: 4
            ("Anna", "Carl", {"weight": 20.0}),  # 20 × 5 / 40 = 2.5
            ("Anna", "Dorte", {"weight": 40.0}),  # the largest: 5
            ("Anna", "Erik", {}),  # neither: 2
            ("Bo", "Carl", {"weight": 8.0}),  # 8 × 5 / 40 = 1
        ],
    )
    G = graph(db)
    weight = {frozenset((u, v)): w for u, v, w in G.edges(data="weight")}
    assert weight[frozenset((n["Anna"], n["Bo"]))] == 4.0
    assert weight[frozenset((n["Anna"], n["Carl"]))] == 2.5
    assert weight[frozenset((n["Anna"], n["Dorte"]))] == 5.0
    assert weight[frozenset((n["Anna"], n["Erik"]))] == 2.0
    assert weight[frozenset((n["Bo"], n["Carl"]))] == 1.0
    assert G.edges[n["Anna"], n["Carl"]]["strength"] is None  # the weight is no strength

    metrics = node_metrics(G)
    # Anna: the library (1) + Bo 4 + Carl 2.5 + Dorte 5 + Erik 2.
    assert metrics.loc[n["Anna"], "weighted_degree"] == pytest.approx(14.5)
    assert metrics.loc[n["Carl"], "weighted_degree"] == pytest.approx(3.5)
    assert metrics.loc[n["Bo"], "weighted_degree"] == pytest.approx(5.0)
    assert metrics.loc[LIBRARY, "weighted_degree"] == pytest.approx(1.0)


def test_weights_of_at_most_five_count_as_they_are(db: Database) -> None:
    n = library(
        db, [("Anna", "Bo", {"weight": 2.5}), ("Anna", "Carl", {"weight": 0.5}), ("Anna", "Dorte", {"strength": 3})]
    )
    metrics = node_metrics(graph(db))
    assert metrics.loc[n["Bo"], "weighted_degree"] == pytest.approx(2.5)
    assert metrics.loc[n["Carl"], "weighted_degree"] == pytest.approx(0.5)
    assert metrics.loc[n["Anna"], "weighted_degree"] == pytest.approx(1 + 2.5 + 0.5 + 3)


def test_the_scale_is_the_whole_workspaces_not_the_dates(db: Database) -> None:
    # On a date before the heaviest tie existed, Carl's tie still counts 2.5, not 5.
    n = library(
        db,
        [
            ("Anna", "Carl", {"weight": 20.0, "first_contact": dt.date(2024, 1, 1)}),
            ("Anna", "Dorte", {"weight": 40.0, "first_contact": dt.date(2026, 1, 1)}),
        ],
    )
    earlier = graph(db, as_of=dt.date(2025, 1, 1))
    assert not earlier.has_edge(n["Anna"], n["Dorte"])
    assert earlier.edges[n["Anna"], n["Carl"]]["weight"] == 2.5


def test_a_file_weight_and_a_strength_on_one_pair_add_up(db: Database) -> None:
    # Two ties between the same two people are one edge whose weight is the sum (module notes).
    n = library(db, [("Anna", "Bo", {"weight": 10.0}), ("Bo", "Anna", {"strength": 2})])
    assert graph(db).edges[n["Anna"], n["Bo"]]["weight"] == 5.0 + 2.0


@pytest.mark.parametrize(
    ("strength", "weight", "largest", "expected"),
    [
        (5, None, None, 5.0),
        (1, 100.0, 100.0, 1.0),
        (None, 3.0, 3.0, 3.0),
        (None, 3.0, 30.0, 0.5),
        (None, 60.0, 60.0, 5.0),
        (None, None, None, 2.0),
        (None, 0.0, 10.0, 2.0),
    ],
)
def test_relation_weight(strength: int | None, weight: float | None, largest: float | None, expected: float) -> None:
    assert relation_weight(strength, weight, largest) == expected
