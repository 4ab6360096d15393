"""The graph model: built from a small hand-made workspace whose every node and tie is known."""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from lib.core.normalize import name_key
from lib.db import Affiliation, Database, ImportBatch, Organisation, Person, Relation, set_setting
from lib.network.graph import (
    LIBRARY,
    NetworkFilter,
    apply_filter,
    build_graph,
    ego_network,
    graph_signature,
    organisation_view,
    organisations_by_person,
    organisations_of,
    partner_organisations,
    rings,
    staff_network,
)

TODAY = dt.date(2026, 11, 1)
PAST = dt.date(2024, 1, 1)
D = dt.date


class SmallWorkspace:
    """Two staff members, four contacts, five organisations, two partnerships.

    Anna holds the partnership with Byens Museum (and knows Carl there) and sits on the board of
    Læseforeningen; Bo holds the partnership with Byskolen, knows Dorte there and Frida (no
    organisation, no dates), and holds the tie between Carl and Erik. Erik left Læseforeningen
    for Kulturfonden. Nobody knows anyone at Lokalavisen.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.node: dict[str, str] = {}
        with db.write() as session:
            set_setting(session, "library_name", "Testbiblioteket")
            batch = ImportBatch(file_name="gammel.xlsx", created_at=dt.datetime(2023, 1, 1, 12))
            session.add(batch)
            session.flush()
            orgs = {
                "museum": self._org(session, "Byens Museum", "cultural", "public"),
                "skole": self._org(session, "Byskolen", "education", "public"),
                "forening": self._org(session, "Læseforeningen", "association", "civil"),
                "fond": self._org(session, "Kulturfonden", "foundation", "civil", batch_id=batch.id),
                "avis": self._org(session, "Lokalavisen", "media", "private", created_at=dt.datetime(2020, 1, 1)),
            }
            people = {
                "anna": self._person(session, "Anna Andersen", staff=True),
                "bo": self._person(session, "Bo Berg", staff=True),
                "carl": self._person(session, "Carl Carlsen"),
                "dorte": self._person(session, "Dorte Dam"),
                "erik": self._person(session, "Erik Eriksen"),
                "frida": self._person(session, "Frida Friis"),
            }
            session.flush()
            self.node.update({k: f"O{o.id}" for k, o in orgs.items()})
            self.node.update({k: f"P{p.id}" for k, p in people.items()})
            for person, org, start, end in (
                ("carl", "museum", D(2020, 1, 1), None),
                ("dorte", "skole", D(2024, 6, 1), None),
                ("erik", "forening", D(2019, 5, 1), D(2025, 1, 1)),
                ("erik", "fond", D(2025, 2, 1), None),
                ("anna", "forening", None, None),
            ):
                session.add(
                    Affiliation(
                        person_id=people[person].id, organisation_id=orgs[org].id, start_date=start, end_date=end
                    )
                )
            ends: dict[str, Any] = {
                **{k: ("person", p) for k, p in people.items()},
                **{k: ("organisation", o) for k, o in orgs.items()},
            }

            def tie(
                source: str,
                target: str,
                kind: str,
                strength: int | None,
                first: dt.date | None,
                last: dt.date | None,
                owner: str | None = None,
                **extra: Any,
            ) -> None:
                (source_kind, s), (target_kind, t) = ends[source], ends[target]
                session.add(
                    Relation(
                        kind=kind,
                        strength=strength,
                        first_contact=first,
                        last_contact=last,
                        from_person_id=s.id if source_kind == "person" else None,
                        from_organisation_id=s.id if source_kind == "organisation" else None,
                        to_person_id=t.id if target_kind == "person" else None,
                        to_organisation_id=t.id if target_kind == "organisation" else None,
                        owner_id=people[owner].id if owner else None,
                        **extra,
                    )
                )

            tie("anna", "museum", "partner", 4, D(2021, 1, 1), D(2026, 9, 1))
            tie("anna", "museum", "knows", 2, D(2022, 1, 1), D(2026, 5, 1))
            tie("anna", "carl", "knows", 3, D(2021, 2, 1), D(2025, 1, 15))
            tie("bo", "dorte", "knows", None, D(2024, 7, 1), D(2026, 10, 1))
            tie("anna", "dorte", "works_with", 5, D(2024, 8, 1), None)
            tie("bo", "frida", "knows", None, None, None, created_at=dt.datetime(2023, 3, 1))
            tie("carl", "erik", "knows", None, D(2023, 1, 1), D(2023, 6, 1), owner="bo")
            tie("bo", "skole", "partner", 3, D(2025, 3, 1), D(2026, 10, 15))

    @staticmethod
    def _org(session: Any, name: str, org_type: str, sector: str, **extra: Any) -> Organisation:
        org = Organisation(name=name, name_key=name_key(name), org_type=org_type, sector=sector, **extra)
        session.add(org)
        return org

    @staticmethod
    def _person(session: Any, name: str, staff: bool = False) -> Person:
        person = Person(name=name, name_key=name_key(name), is_staff=staff)
        session.add(person)
        return person

    def graph(self, as_of: dt.date | None = None) -> nx.Graph:
        with self.db.read() as session:
            return build_graph(session, as_of, today=TODAY)

    def nodes(self, *names: str) -> set[str]:
        return {LIBRARY if name == "L" else self.node[name] for name in names}

    def pairs(self, G: nx.Graph) -> set[frozenset[str]]:
        back = {v: k for k, v in self.node.items()} | {LIBRARY: "L"}
        return {frozenset((back[u], back[v])) for u, v in G.edges()}


def pairs(*specs: str) -> set[frozenset[str]]:
    return {frozenset(spec.split("-")) for spec in specs}


@pytest.fixture
def ws(db: Database) -> SmallWorkspace:
    return SmallWorkspace(db)


NOW_EDGES = pairs(
    "L-anna",
    "L-bo",
    "carl-museum",
    "dorte-skole",
    "erik-fond",
    "anna-forening",
    "anna-museum",
    "anna-carl",
    "bo-dorte",
    "anna-dorte",
    "bo-frida",
    "carl-erik",
    "bo-skole",
    "L-museum",
    "L-skole",
)


def test_the_network_today_holds_every_record_and_current_affiliation(ws: SmallWorkspace) -> None:
    G = ws.graph()
    assert set(G) == ws.nodes(
        "L", "anna", "bo", "carl", "dorte", "erik", "frida", "museum", "skole", "forening", "fond", "avis"
    )
    assert ws.pairs(G) == NOW_EDGES  # Erik's ended affiliation with Læseforeningen is gone
    assert G.nodes[LIBRARY] == {"kind": "library", "label": "Testbiblioteket"}
    assert G.nodes[ws.node["anna"]]["kind"] == "staff"
    assert G.nodes[ws.node["erik"]]["kind"] == "contact"
    assert G.nodes[ws.node["erik"]]["organisation"] == "Kulturfonden"
    assert G.nodes[ws.node["museum"]]["org_type"] == "cultural"
    assert G.nodes[ws.node["avis"]]["sector"] == "private"
    assert nx.is_isolate(G, ws.node["avis"])


def test_ties_of_one_pair_merge_into_one_edge(ws: SmallWorkspace) -> None:
    G = ws.graph()
    edge = G.edges[ws.node["anna"], ws.node["museum"]]
    assert edge["kind"] == "relation" and edge["kinds"] == frozenset({"relation"})
    assert edge["weight"] == 6.0  # strength 4 + strength 2
    assert edge["ties"] == 2 and edge["ties_by_kind"] == {"relation": 2}
    assert edge["relation_kind"] == "partner" and edge["relation_kinds"] == {"partner", "knows"}
    assert edge["strength"] == 4
    assert (edge["first_contact"], edge["last_contact"]) == (D(2021, 1, 1), D(2026, 9, 1))
    assert edge["owner"] == ws.node["anna"]  # a staff member at one end holds the tie


def test_edge_weights_by_kind(ws: SmallWorkspace) -> None:
    G = ws.graph()
    n = ws.node
    assert G.edges[LIBRARY, n["anna"]]["weight"] == 1.0 and G.edges[LIBRARY, n["anna"]]["kind"] == "staff"
    assert G.edges[n["carl"], n["museum"]]["weight"] == 1.0
    assert G.edges[n["carl"], n["museum"]]["start_date"] == D(2020, 1, 1)
    assert G.edges[n["bo"], n["dorte"]]["weight"] == 2.0  # unknown strength counts as 2
    assert G.edges[LIBRARY, n["museum"]]["weight"] == 3.0
    assert G.edges[LIBRARY, n["museum"]]["kind"] == "partnership"
    assert G.edges[LIBRARY, n["museum"]]["holders"] == {n["anna"]}
    assert G.edges[n["carl"], n["erik"]]["owner"] == n["bo"]


def test_partner_organisations_is_the_one_rule(ws: SmallWorkspace) -> None:
    with ws.db.read() as session:
        partners = partner_organisations(session)
        earlier = partner_organisations(session, as_of=PAST)
    museum, skole = (int(ws.node[k][1:]) for k in ("museum", "skole"))
    assert set(partners) == {museum, skole}
    assert partners[museum]["holders"] == {ws.node["anna"]}
    assert partners[museum]["since"] == D(2021, 1, 1)
    assert partners[skole]["owner"] == ws.node["bo"]
    assert set(earlier) == {museum}


def test_the_library_as_an_organisation_record_is_the_library_node(ws: SmallWorkspace) -> None:
    with ws.db.write() as session:
        library = Organisation(name="Testbiblioteket", name_key=name_key("Testbiblioteket"))
        session.add(library)
        session.flush()
        session.add(
            Relation(kind="partner", from_organisation_id=library.id, to_organisation_id=int(ws.node["avis"][1:]))
        )
    G = ws.graph()
    assert f"O{library.id}" not in G
    assert G.edges[LIBRARY, ws.node["avis"]]["kinds"] == {"relation", "partnership"}


def test_as_of_leaves_out_what_did_not_exist_yet(ws: SmallWorkspace) -> None:
    G = ws.graph(as_of=PAST)
    assert set(G) == ws.nodes("L", "anna", "bo", "carl", "erik", "frida", "museum", "forening", "fond", "avis")
    assert ws.pairs(G) == pairs(
        "L-anna",
        "L-bo",
        "anna-museum",
        "anna-carl",
        "carl-erik",
        "carl-museum",
        "erik-forening",
        "anna-forening",
        "L-museum",
        "bo-frida",
    )
    # Dorte and Byskolen came later; the undated tie to Frida counts from the day it was recorded;
    # Kulturfonden was imported before the date, Lokalavisen created before it.
    assert G.nodes[ws.node["erik"]]["organisation"] == "Læseforeningen"
    assert G.graph["as_of"] == PAST


def test_as_of_before_everything_is_only_the_library(ws: SmallWorkspace) -> None:
    G = ws.graph(as_of=D(2010, 1, 1))
    assert set(G) == {LIBRARY} and G.number_of_edges() == 0


def test_edge_kind_filter_recomputes_merged_edges(ws: SmallWorkspace) -> None:
    G = ws.graph()
    H = apply_filter(G, NetworkFilter(edge_kinds=["relation"]))
    assert {d["kind"] for *_, d in H.edges(data=True)} == {"relation"}
    assert H.edges[ws.node["anna"], ws.node["museum"]]["weight"] == 6.0
    # Nodes that only had staff ties or affiliations disappear with them: no node filter chose them.
    assert LIBRARY not in H and ws.node["fond"] not in H
    assert ws.node["avis"] in H  # an isolate from the start stays: that is a finding
    assert G.number_of_edges() == len(NOW_EDGES)  # the original is untouched


def test_min_strength_hides_weak_ties_and_their_lonely_ends(ws: SmallWorkspace) -> None:
    H = apply_filter(ws.graph(), NetworkFilter(min_strength=3))
    assert ws.pairs(H) == NOW_EDGES - pairs("bo-dorte", "carl-erik", "bo-frida")
    assert ws.node["frida"] not in H
    assert ws.node["erik"] in H  # still tied to Kulturfonden


def test_node_filters_keep_the_nodes_they_chose(ws: SmallWorkspace) -> None:
    H = apply_filter(ws.graph(), NetworkFilter(node_kinds={"organisation", "library"}))
    assert set(H) == ws.nodes("L", "museum", "skole", "forening", "fond", "avis")
    assert ws.pairs(H) == pairs("L-museum", "L-skole")
    civil = apply_filter(ws.graph(), NetworkFilter(node_kinds={"organisation"}, sectors={"civil"}))
    assert set(civil) == ws.nodes("forening", "fond")


def test_staff_filter_keeps_what_runs_through_the_chosen_staff(ws: SmallWorkspace) -> None:
    H = apply_filter(ws.graph(), NetworkFilter(staff={ws.node["anna"]}))
    assert set(H) == ws.nodes("L", "anna", "museum", "carl", "dorte", "forening", "skole")
    assert ws.pairs(H) == pairs(
        "L-anna", "anna-museum", "anna-carl", "anna-dorte", "anna-forening", "carl-museum", "dorte-skole", "L-museum"
    )


def test_search_shows_matches_with_their_neighbours(ws: SmallWorkspace) -> None:
    H = apply_filter(ws.graph(), NetworkFilter(search="  MUSEUM "))
    # Byens Museum by name, Carl by his organisation; and everyone next to them.
    assert set(H) == ws.nodes("museum", "carl", "anna", "L", "erik")
    assert ws.pairs(H) == pairs("anna-museum", "anna-carl", "carl-museum", "carl-erik", "L-museum", "L-anna")


def test_contact_date_bounds(ws: SmallWorkspace) -> None:
    H = apply_filter(ws.graph(), NetworkFilter(contact_after=D(2026, 1, 1)))
    assert ws.pairs(H) == NOW_EDGES - pairs("anna-carl", "anna-dorte", "bo-frida", "carl-erik")
    cold = apply_filter(ws.graph(), NetworkFilter(edge_kinds={"relation"}, contact_before=D(2025, 12, 31)))
    assert ws.pairs(cold) == pairs("anna-carl", "carl-erik")


def test_filter_is_hashable_and_empty_selections_mean_everything(ws: SmallWorkspace) -> None:
    flt = NetworkFilter(node_kinds=[], sectors=("civil",))
    assert flt.node_kinds is None and flt.sectors == {"civil"}
    assert hash(flt) == hash(NetworkFilter(sectors=["civil"]))
    G = ws.graph()
    assert graph_signature(apply_filter(G, NetworkFilter())) == graph_signature(G)


def test_organisation_view_counts_ties_between_organisations(ws: SmallWorkspace) -> None:
    view = organisation_view(ws.graph())
    assert set(view) == ws.nodes("L", "museum", "skole", "forening", "fond", "avis")
    n = ws.node
    # Library–museum: Anna's two relations with the museum, Anna–Carl, and the partnership.
    assert view.edges[LIBRARY, n["museum"]]["ties"] == 4 and view.edges[LIBRARY, n["museum"]]["weight"] == 4.0
    # Library–school: Bo–Dorte, Anna–Dorte, Bo–Byskolen and the partnership.
    assert view.edges[LIBRARY, n["skole"]]["ties"] == 4
    assert view.edges[n["museum"], n["fond"]]["ties"] == 1  # Carl knows Erik
    assert view.number_of_edges() == 3  # Frida has no organisation; Anna's board seat is no tie
    assert view.nodes[LIBRARY]["people"] == 2 and view.nodes[n["museum"]]["people"] == 1


def test_organisations_of_everyone_at_once_is_each_ones_organisations(ws: SmallWorkspace) -> None:
    G = nx.Graph(ws.graph())  # a copy that may change
    G.add_edge(ws.node["carl"], ws.node["skole"], kind="affiliation", kinds={"affiliation"})  # two places
    at_once = organisations_by_person(G)
    assert at_once[ws.node["carl"]] == sorted([ws.node["museum"], ws.node["skole"]])
    assert {node: organisations_of(G, node) for node in G} == {node: at_once.get(node, []) for node in G}


def test_staff_network_is_my_network(ws: SmallWorkspace) -> None:
    H = staff_network(ws.graph(), ws.node["bo"])
    assert set(H) == ws.nodes("bo", "dorte", "frida", "skole", "carl", "erik", "museum", "fond")
    assert ws.pairs(H) == pairs(
        "bo-dorte", "bo-frida", "bo-skole", "carl-erik", "dorte-skole", "carl-museum", "erik-fond"
    )
    assert staff_network(ws.graph(), "P9999").number_of_nodes() == 0


def test_ego_network_radius(ws: SmallWorkspace) -> None:
    G = ws.graph()
    assert set(ego_network(G, ws.node["carl"], 1)) == ws.nodes("carl", "anna", "museum", "erik")
    assert set(ego_network(G, ws.node["carl"], 2)) == ws.nodes(
        "carl", "anna", "museum", "erik", "L", "dorte", "forening", "fond"
    )
    assert ego_network(G, "O9999", 1).number_of_nodes() == 0


def test_rings_around_the_library(ws: SmallWorkspace) -> None:
    G = ws.graph()
    n = ws.node
    assert rings(G) == {LIBRARY: 0, n["museum"]: 1, n["skole"]: 1, n["forening"]: 2, n["fond"]: 2, n["avis"]: 3}
    wanted = rings(G, candidates=[n["forening"], n["museum"]])
    assert wanted[n["forening"]] == 3 and wanted[n["museum"]] == 1


def test_signature_is_stable_and_sensitive(ws: SmallWorkspace) -> None:
    first, again = ws.graph(), ws.graph()
    assert graph_signature(first) == graph_signature(again)
    reordered = nx.Graph()
    reordered.add_nodes_from(reversed(list(first.nodes(data=True))))
    reordered.add_edges_from((v, u, d) for u, v, d in reversed(list(first.edges(data=True))))
    assert graph_signature(reordered) == graph_signature(first)
    with ws.db.write() as session:
        session.add(
            Relation(
                kind="knows", from_person_id=int(ws.node["bo"][1:]), to_person_id=int(ws.node["carl"][1:]), strength=2
            )
        )
    assert graph_signature(ws.graph()) != graph_signature(first)
    stronger = first.copy()
    stronger.edges[ws.node["bo"], ws.node["dorte"]]["weight"] = 5.0
    assert graph_signature(stronger) != graph_signature(first)


# --- over time (lib.network.timeline) ----------------------------------------------------------------


def test_compare_two_dates(ws: SmallWorkspace) -> None:
    from lib.network.timeline import compare, graph_as_of

    with ws.db.read() as session:
        before = graph_as_of(session, PAST)
    change = compare(before, ws.graph(), n=3)
    assert change.counts == {
        "nodes_before": 10,
        "nodes_after": 12,
        "edges_before": 10,
        "edges_after": 15,
        "new_nodes": 2,
        "lost_nodes": 0,
        "new_ties": 6,
        "lost_ties": 1,
    }
    lost = change.lost_ties.iloc[0]
    assert {lost["source_label"], lost["target_label"]} == {"Erik Eriksen", "Læseforeningen"}
    assert lost["kind"] == "affiliation"
    assert {frozenset((r.source, r.target)) for r in change.new_ties.itertuples()} == {
        frozenset(ws.nodes(*p))
        for p in (
            ("bo", "dorte"),
            ("anna", "dorte"),
            ("bo", "skole"),
            ("L", "skole"),
            ("dorte", "skole"),
            ("erik", "fond"),
        )
    }
    after = ws.graph()
    old, new = nx.betweenness_centrality(before), nx.betweenness_centrality(after)
    gain = {v: new.get(v, 0.0) - old.get(v, 0.0) for v in set(old) | set(new)}
    assert list(change.risers["node"]) == sorted(gain, key=gain.get, reverse=True)[:3]
    assert change.risers["betweenness_change"].tolist() == pytest.approx(sorted(gain.values(), reverse=True)[:3])
    assert list(change.fallers["node"]) == [LIBRARY, ws.node["forening"]]  # Erik left Læseforeningen
    # The page shows a place on each day ("nr. 1" is the strongest bridge builder), not 0,314.
    place_after = {v: 1 + sum(1 for w in new if new[w] > new[v]) for v in new}
    place_before = {v: 1 + sum(1 for w in old if old[w] > old[v]) for v in old}
    for row in change.risers.itertuples():
        assert row.betweenness_place_after == place_after[row.node]
        assert (
            pd.isna(row.betweenness_place_before)
            if row.node not in old
            else row.betweenness_place_before == place_before[row.node]
        )


def test_timeline_dates_span_the_earliest_dated_tie_to_today(ws: SmallWorkspace, db: Database) -> None:
    from lib.network.timeline import timeline_dates

    with ws.db.read() as session:
        assert timeline_dates(session, today=TODAY) == (D(2019, 5, 1), TODAY)


def test_timeline_dates_of_an_empty_workspace(db: Database) -> None:
    from lib.network.timeline import timeline_dates

    with db.read() as session:
        assert timeline_dates(session, today=TODAY) == (TODAY - dt.timedelta(days=1), TODAY)


@pytest.mark.slow
def test_organisations_carry_their_partnership_stage_and_can_be_filtered_by_it(db) -> None:
    import datetime as dt

    from lib.demo.workspace import create_demo_workspace
    from lib.network.graph import NetworkFilter, apply_filter, build_graph

    create_demo_workspace(db, today=dt.date(2026, 11, 1))
    with db.read() as session:
        G = build_graph(session, today=dt.date(2026, 11, 1))
    stages = {data.get("partner_stage") for _, data in G.nodes(data=True) if data.get("kind") == "organisation"}
    assert {"managing_maintaining", "reviewing_revising", None} <= stages
    shown = apply_filter(G, NetworkFilter(stages={"reviewing_revising"}))
    organisations = [v for v, kind in shown.nodes(data="kind") if kind == "organisation"]
    assert organisations and all(shown.nodes[v]["partner_stage"] == "reviewing_revising" for v in organisations)
    unregistered = apply_filter(G, NetworkFilter(stages={None}))
    assert all(
        unregistered.nodes[v].get("partner_stage") is None
        for v, kind in unregistered.nodes(data="kind")
        if kind == "organisation"
    )


@pytest.mark.parametrize("zone_name", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_today_is_the_workspaces_today_not_the_servers(ws: SmallWorkspace, zone_name: str) -> None:
    """The date slider ends on the library's today: 14 hours ahead of UTC or 11 behind, one of the two
    is another day than the server's at every hour of the day."""
    from lib.network.timeline import timeline_dates
    from lib.workspace.clock import TIMEZONE_SETTING, today, zone

    with ws.db.write() as session:
        set_setting(session, TIMEZONE_SETTING, zone_name)
    library_today = today(zone(zone_name))
    with ws.db.read() as session:
        assert timeline_dates(session)[1] == library_today
