"""The short ways through a big network give what the plain ways gave, on any small network.

The organisation view, the staff ties by organisation, the cold ties (and their count) and the adding
of the network's edges were made faster for a network of 100,000 people (the board pack built from scratch). The plain
versions they replaced are kept here as the reference: on random small networks of every shape (no
library, people without organisations, holders at neither end, edges with several kinds of tie,
ties without dates) the answers must be the same, down to the order of edges and rows.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

import networkx as nx
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core.dates import months_before
from lib.core.frames import typed_frame
from lib.network.build import _add_edges, _merge_ties, primary_kind
from lib.network.health import (
    COLD_TIE_COLUMNS,
    _held_relations,
    _label,
    cold_tie_count,
    cold_ties,
    months_between,
)
from lib.network.load import _Tie
from lib.network.nodes import LIBRARY
from lib.network.rings import StaffTie, staff_ties_by_organisation
from lib.network.views import has_kind, organisation_view, organisations_by_person

TODAY = dt.date(2026, 11, 1)
KINDS = ("relation", "affiliation", "partnership", "staff")


def random_network(seed: int) -> nx.Graph:
    """A small network shaped like ``build_graph``'s, drawn from ``seed``."""
    rng = random.Random(seed)
    G = nx.Graph(as_of=None)
    if rng.random() < 0.85:
        G.add_node(LIBRARY, kind="library", label="Biblioteket")
    for i in range(rng.randint(0, 5)):
        G.add_node(f"O{i}", kind="organisation", label=f"Org {i}", org_type=rng.choice(["school", None]))
    for i in range(rng.randint(0, 12)):
        G.add_node(f"P{i}", kind=rng.choice(["staff", "contact", "contact"]), label=f"Person {i}")
    staff = [n for n, kind in G.nodes(data="kind") if kind == "staff"]
    nodes = list(G)

    def day() -> dt.date | None:
        return rng.choice([None, TODAY - dt.timedelta(days=rng.randint(0, 900))])

    for _ in range(rng.randint(0, 30) if len(nodes) > 1 else 0):
        u, v = rng.sample(nodes, 2)
        kinds = rng.sample(KINDS, rng.randint(1, 2))
        holders = frozenset(rng.sample([*staff, "P99"], rng.randint(0, min(2, len(staff) + 1))))
        data: dict[str, Any] = {
            "kind": primary_kind(kinds),
            "owner": rng.choice([None, *sorted(holders)]),
            "holders": holders,
            "strength": rng.choice([None, 1, 3, 5]),
            "relation_kind": rng.choice([None, "colleague"]),
            "first_contact": day(),
            "last_contact": day(),
        }
        if rng.random() < 0.9:  # a graph made elsewhere may name one kind only
            data |= {"kinds": frozenset(kinds), "ties_by_kind": {kind: rng.randint(1, 2) for kind in kinds}}
        G.add_edge(u, v, **data)
    return G


networks = st.integers(min_value=0, max_value=10**9).map(random_network)


# --- the plain ways, as they were -----------------------------------------------------------------


def plain_organisation_view(G: nx.Graph) -> nx.Graph:
    view = nx.Graph(**G.graph)
    organisations = organisations_by_person(G)

    def folded_into(node: str) -> list[str]:
        kind = G.nodes[node].get("kind")
        if kind in ("library", "organisation"):
            return [node]
        if kind == "staff":
            return [LIBRARY] if LIBRARY in G else []
        return organisations.get(node, [])

    folded = {v: folded_into(v) for v in G}
    for v, data in G.nodes(data=True):
        if data.get("kind") in ("library", "organisation"):
            view.add_node(v, **data, people=0)
    for v, targets in folded.items():
        if G.nodes[v].get("kind") in ("staff", "contact"):
            for target in targets:
                view.nodes[target]["people"] += 1
    for u, v, data in G.edges(data=True):
        counts = data.get("ties_by_kind") or {data.get("kind"): 1}
        number = sum(c for k, c in counts.items() if k in ("relation", "partnership"))
        if not number:
            continue
        kinds = frozenset(k for k in counts if k in ("relation", "partnership"))
        last_contact = data.get("last_contact")
        for a in folded[u]:
            for b in folded[v]:
                if a == b:
                    continue
                if view.has_edge(a, b):
                    edge = view.edges[a, b]
                    edge["ties"] += number
                    edge["weight"] = float(edge["ties"])
                    edge["kinds"] = edge["kinds"] | kinds
                    edge["kind"] = primary_kind(edge["kinds"])
                    if last_contact and (edge["last_contact"] is None or last_contact > edge["last_contact"]):
                        edge["last_contact"] = last_contact
                else:
                    view.add_edge(
                        a,
                        b,
                        ties=number,
                        weight=float(number),
                        kinds=kinds,
                        kind=primary_kind(kinds),
                        last_contact=last_contact,
                    )
    return view


def plain_staff_ties(G: nx.Graph) -> dict[str, list[StaffTie]]:
    found: dict[str, set[StaffTie]] = defaultdict(set)
    kind_of = dict(G.nodes(data="kind"))
    staff = {v for v, kind in kind_of.items() if kind == "staff"}
    organisations = organisations_by_person(G)

    def note(member: str, other: str, data: dict[str, Any]) -> None:
        kind = kind_of.get(other)
        if kind == "organisation":
            found[other].add(StaffTie(member, other, data.get("strength"), data.get("last_contact")))
        elif kind == "contact":
            tie = StaffTie(member, other, data.get("strength"), data.get("last_contact"))
            for org in organisations.get(other, ()):
                found[org].add(tie)

    for member in staff:
        for other, data in G[member].items():
            if has_kind(data, "relation") or has_kind(data, "affiliation"):
                note(member, other, data)
    for u, v, data in G.edges(data=True):
        holders = data.get("holders")
        if not holders or not has_kind(data, "relation"):
            continue
        for member in holders:
            if member in staff:
                for end in (u, v):
                    if end != member:
                        note(member, end, data)
    return {
        org: sorted(ties, key=lambda t: (t.staff, t.via, t.strength or 0, t.last_contact or dt.date.min))
        for org, ties in found.items()
    }


def plain_cold_ties(G: nx.Graph, months: int, today: dt.date) -> pd.DataFrame:
    cutoff = months_before(today, months)
    dated: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    for u, v, data in _held_relations(G):
        owner = data["owner"]
        source, target = (v, u) if v == owner else (u, v)
        other = target if source == owner else None
        contact = data.get("last_contact") or data.get("first_contact")
        row = {
            "source": source,
            "target": target,
            "owner": owner,
            "owner_label": _label(G, owner),
            "other": other,
            "other_label": _label(G, other) if other else f"{_label(G, source)} – {_label(G, target)}",
            "relation_kind": data.get("relation_kind"),
            "strength": data.get("strength"),
            "contact_date": contact,
            "months_since": months_between(contact, today) if contact else None,
            "no_date": contact is None,
        }
        if contact is None:
            undated.append(row)
        elif contact < cutoff:
            dated.append(row)
    dated.sort(key=lambda r: (r["contact_date"], r["owner_label"] or "", r["other_label"] or ""))
    undated.sort(key=lambda r: (r["owner_label"] or "", r["other_label"] or ""))
    return typed_frame(
        dated + undated, COLD_TIE_COLUMNS, whole_or_missing=("strength", "months_since"), booleans=("no_date",)
    )


# --- the same answers -------------------------------------------------------------------------------


def layout_of(G: nx.Graph) -> tuple[Any, ...]:
    """Everything a reader of ``G`` can see, in order: the graph's attributes, the nodes with theirs,
    and each node's neighbours with the edges' attributes."""
    return (G.graph, list(G.nodes(data=True)), [(n, list(G[n].items())) for n in G])


@settings(max_examples=150, deadline=None)
@given(networks)
def test_the_organisation_view_is_the_plain_one(G: nx.Graph) -> None:
    assert layout_of(organisation_view(G)) == layout_of(plain_organisation_view(G))


@settings(max_examples=150, deadline=None)
@given(networks)
def test_the_staff_ties_by_organisation_are_the_plain_ones(G: nx.Graph) -> None:
    found = staff_ties_by_organisation(G)
    assert found == plain_staff_ties(G)
    assert all(type(tie) is StaffTie for ties in found.values() for tie in ties)


@settings(max_examples=150, deadline=None)
@given(networks, st.sampled_from([0, 6, 12, 24]))
def test_the_cold_ties_are_the_plain_ones(G: nx.Graph, months: int) -> None:
    found = plain_cold_ties(G, months, TODAY)
    pd.testing.assert_frame_equal(cold_ties(G, months, TODAY), found)
    # The key figure counts the dated ones without making the rows.
    assert cold_tie_count(G, months, TODAY) == int((~found["no_date"]).sum())


ties = st.builds(
    _Tie,
    kind=st.sampled_from(KINDS),
    weight=st.floats(min_value=0.5, max_value=5),
    strength=st.none() | st.integers(min_value=1, max_value=5),
    last_contact=st.none() | st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)),
    holders=st.frozensets(st.sampled_from(["P1", "P2"])),
)
pairs = st.tuples(st.sampled_from(["L", "O1", "P1", "P2", "P3"]), st.sampled_from(["O1", "P1", "P2", "P9"]))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(pairs, st.lists(ties, min_size=1, max_size=3)))
def test_the_edges_go_in_as_add_edge_puts_them(pair_ties: dict[tuple[str, str], list[_Tie]]) -> None:
    pair_ties = {pair: found for pair, found in pair_ties.items() if pair[0] != pair[1]}
    fast, plain = nx.Graph(), nx.Graph()
    for G in (fast, plain):  # "P9" is in neither: an end the graph does not hold yet is added
        G.add_nodes_from(["L", "O1", "P1", "P2", "P3"])
    _add_edges(fast, pair_ties)
    for (u, v), found in pair_ties.items():
        plain.add_edge(u, v, **_merge_ties(found))
    assert layout_of(fast) == layout_of(plain)
