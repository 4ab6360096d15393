"""Find vejen ind: path ranking on small hand-made graphs with known answers (docs/way_in.md)."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest

from lib.core.access import AccessDenied, Principal
from lib.db import Database, Relation
from lib.network.nodes import LIBRARY
from lib.network.way_in import (
    answer_json,
    answer_sentences,
    find_targets,
    fold,
    freshness,
    matching_targets,
    path_sentence,
    way_in,
    way_in_for,
)
from tests.network.test_network_graph import TODAY, SmallWorkspace

D = dt.date


def graph(*people: tuple[str, str], orgs: tuple[str, ...] = ()) -> nx.Graph:
    """A network with the library, ``people`` as (node, name) -- staff when the node starts with "S"
    -- and organisations ``orgs`` (their node is their name)."""
    G = nx.Graph()
    G.add_node(LIBRARY, kind="library", label="Biblioteket")
    for node, name in people:
        G.add_node(node, kind="staff" if node.startswith("S") else "contact", label=name, organisation=None)
        if node.startswith("S"):
            G.add_edge(LIBRARY, node, kind="staff", kinds=frozenset({"staff"}))
    for org in orgs:
        G.add_node(org, kind="organisation", label=org)
    return G


def knows(G: nx.Graph, u: str, v: str, strength: int | None, last: dt.date | None) -> None:
    G.add_edge(
        u,
        v,
        kind="relation",
        kinds=frozenset({"relation"}),
        strength=strength,
        last_contact=last,
        weights_by_kind={"relation": float(strength or 2)},
        ties_by_kind={"relation": 1},
    )


def works_at(G: nx.Graph, person: str, org: str) -> None:
    G.add_edge(person, org, kind="affiliation", kinds=frozenset({"affiliation"}), last_contact=None)


def askers(G: nx.Graph, target: str) -> list[tuple[str, float, int]]:
    """(who to ask, score, steps) of each path, best first."""
    return [(p.staff.name, p.score, len(p.steps) - 1) for p in way_in(G, target, TODAY).paths]


def test_strength_beats_length_and_the_shorter_of_equal_ties_wins() -> None:
    G = graph(("S1", "Anne"), ("S2", "Bo"), ("S3", "Cecilie"), ("X", "Xenia"), ("T", "Tove"))
    knows(G, "S1", "T", 2, TODAY)  # direct but weak: 2/5 = 40
    knows(G, "S2", "X", 5, TODAY)
    knows(G, "X", "T", 5, TODAY)  # two strong fresh ties: 0.8 (one step more) = 80
    knows(G, "S3", "T", 5, TODAY)  # direct and strong: 100
    assert askers(G, "T") == [("Cecilie", 100.0, 1), ("Bo", 80.0, 2), ("Anne", 40.0, 1)]


def test_a_fresh_tie_beats_a_cold_one_of_the_same_strength() -> None:
    G = graph(("S1", "Anne"), ("S2", "Bo"), ("T", "Tove"))
    knows(G, "S1", "T", 4, D(2024, 11, 1))  # two years cold: 0.8 × 0.25
    knows(G, "S2", "T", 4, D(2026, 10, 1))  # last month: 0.8 × 0.5^(1/12)
    assert askers(G, "T") == [("Bo", 75.5, 1), ("Anne", 20.0, 1)]
    assert freshness(None, TODAY) == freshness(D(2025, 11, 1), TODAY) == 0.5
    assert freshness(D(2010, 1, 1), TODAY) == 0.25


def test_the_library_node_is_never_passed() -> None:
    G = graph(("S1", "Anne"), ("S2", "Bo"), ("X", "Xenia"), orgs=("Museet",))
    G.add_edge(LIBRARY, "Museet", kind="partnership", kinds=frozenset({"partnership"}), last_contact=TODAY)
    knows(G, "S2", "X", 3, TODAY)
    knows(G, "X", LIBRARY, 5, TODAY)  # a contact tied to the library's own node
    answer = way_in(G, "Museet", TODAY)
    assert answer.paths == () and answer.nearest == ()
    assert answer_sentences(answer, TODAY, "da") == [
        "Ingen af os kender nogen her — og ingen medarbejder er forbundet med Museet ad nogen vej."
    ]


def test_three_steps_at_most_and_the_nearest_when_no_path() -> None:
    G = graph(("S1", "Anne"), ("A", "Aase"), ("B", "Bent"), ("C", "Carla"), ("T", "Tove"))
    for u, v in (("S1", "A"), ("A", "B"), ("B", "C"), ("C", "T")):
        knows(G, u, v, 5, TODAY)
    answer = way_in(G, "T", TODAY)
    assert answer.paths == ()
    assert [(n.name, n.steps) for n in answer.nearest] == [("Anne", 4)]
    assert answer_sentences(answer, TODAY, "da") == ["Ingen af os kender nogen her — nærmeste: Anne (4 led)."]
    G.remove_edge("A", "B")
    knows(G, "A", "C", 5, TODAY)  # now three steps: Anne – Aase – Carla – Tove
    assert askers(G, "T") == [("Anne", 64.0, 3)]


def test_a_colleague_in_the_middle_is_the_one_to_ask() -> None:
    G = graph(("S1", "Anne"), ("S2", "Bo"), ("T", "Tove"))
    knows(G, "S1", "S2", 5, TODAY)
    knows(G, "S2", "T", 3, TODAY)
    assert askers(G, "T") == [("Bo", 60.0, 1)]


@pytest.mark.parametrize("order", [("S1", "S2"), ("S2", "S1")])
def test_equal_scores_come_out_by_name_whatever_the_graph_order(order: tuple[str, str]) -> None:
    names = {"S1": "Bo", "S2": "Anne"}
    G = graph(*((node, names[node]) for node in order), ("T", "Tove"))
    for node in order:
        knows(G, node, "T", 3, D(2026, 5, 1))
    assert [name for name, _, _ in askers(G, "T")] == ["Anne", "Bo"]


def test_an_organisation_is_reached_through_the_people_who_work_there() -> None:
    G = graph(("S1", "Anne"), ("S2", "Bo"), ("J", "Jens Holm"), orgs=("Aarhus Universitet",))
    knows(G, "S1", "J", 4, D(2026, 9, 1))
    works_at(G, "J", "Aarhus Universitet")
    knows(G, "S2", "Aarhus Universitet", 2, D(2026, 10, 1))  # a weak tie with the organisation itself
    answer = way_in(G, "Aarhus Universitet", TODAY)
    best = answer.paths[0]
    assert [(s.name, s.tie) for s in best.steps] == [
        ("Anne", None),
        ("Jens Holm", "relation"),
        ("Aarhus Universitet", "affiliation"),
    ]
    assert best.score == 57.0 and best.oldest_contact == D(2026, 9, 1)
    assert path_sentence(best, TODAY, "da") == (
        "Anne kender Jens Holm godt (sidst i kontakt for 2 måneder siden), som arbejder på Aarhus Universitet"
    )
    assert path_sentence(best, TODAY, "en") == (
        "Anne knows Jens Holm well (last in touch 2 months ago), who works at Aarhus Universitet"
    )
    assert [p.staff.name for p in answer.paths] == ["Anne", "Bo"]
    assert answer_sentences(answer, TODAY, "da")[0].endswith(
        "Spørg Anne. Ældste kontakt på vejen: for 2 måneder siden. Point: 57 af 100."
    )


def test_a_name_ending_in_a_full_stop_gets_no_second_one() -> None:
    def sentence(org: str, lang: str) -> str:
        G = graph(("S1", "Karen Holm"), ("J", "Jens Holm"), orgs=(org,))
        knows(G, "S1", "J", 4, D(2026, 9, 1))
        works_at(G, "J", org)
        (only,) = answer_sentences(way_in(G, org, TODAY), TODAY, lang)
        return only

    assert "som arbejder på Aarhus Uni. Spørg Karen Holm." in sentence("Aarhus Uni.", "da")
    assert "who works at Aarhus Uni. Ask Karen Holm." in sentence("Aarhus Uni.", "en")
    assert ".." not in sentence("Aarhus Uni.", "da")
    # A name without one still ends its sentence.
    assert "som arbejder på AU. Spørg Karen Holm." in sentence("AU", "da")


def test_a_person_target_through_a_colleague_at_their_workplace() -> None:
    G = graph(("S1", "Anne"), ("J", "Jens Holm"), ("M", "Mette Lund"), orgs=("Aarhus Universitet",))
    knows(G, "S1", "J", 5, TODAY)
    works_at(G, "J", "Aarhus Universitet")
    works_at(G, "M", "Aarhus Universitet")
    [path] = way_in(G, "M", TODAY).paths
    assert path.score == 32.0  # 1 × 0.8 × 1 × 0.8 × 0.5: a colleague of someone Anne knows
    assert path_sentence(path, TODAY, "da") == (
        "Anne kender Jens Holm rigtig godt (i kontakt denne måned), som arbejder på Aarhus Universitet, "
        "hvor Mette Lund arbejder"
    )


def test_the_json_names_steps_ties_and_score() -> None:
    G = graph(("S1", "Anne"), ("J", "Jens Holm"), orgs=("AU",))
    knows(G, "S1", "J", None, None)  # no strength, no date: none is claimed (ranked as 2, a year old)
    works_at(G, "J", "AU")
    payload = answer_json(way_in(G, "AU", TODAY), TODAY, "da")
    assert payload["target"] == {"name": "AU", "kind": "organisation", "node": "AU"}
    assert payload["paths"][0]["steps"] == [
        {"name": "Anne", "kind": "staff", "tie": None},
        {"name": "Jens Holm", "kind": "contact", "tie": {"kind": "relation", "strength": None, "last_contact": None}},
        {"name": "AU", "kind": "organisation", "tie": {"kind": "affiliation", "strength": None, "last_contact": None}},
    ]
    assert payload["paths"][0]["score"] == 16.0 and payload["paths"][0]["ask"] == "Anne"


def test_names_are_found_with_accents_and_case_folded() -> None:
    G = graph(("S1", "Anne"), ("J", "Jens Holm"), orgs=("Århus Universitet", "Aarhus Kommune", "Århus Teater"))
    assert fold("  ÅRHUS  universitet") == "arhus universitet"
    assert [t.name for t in matching_targets(G, "arhus universitet")] == ["Århus Universitet"]
    assert [t.name for t in matching_targets(G, "ARHUS")] == ["Aarhus Kommune", "Århus Teater", "Århus Universitet"]
    assert [t.name for t in matching_targets(G, "teater")] == ["Århus Teater"]
    assert [t.name for t in matching_targets(G, "anne")] == []  # staff are not a way-in target
    assert [t.kind for t in matching_targets(G, "jens holm")] == ["contact"]


# --- on a workspace ------------------------------------------------------------------------------------


@pytest.fixture
def ws(db: Database) -> SmallWorkspace:
    return SmallWorkspace(db)


def test_the_way_in_to_a_workspace_organisation(ws: SmallWorkspace) -> None:
    with ws.db.read() as session:
        [erik] = find_targets(session, "erik eriksen", today=TODAY)
        answer = way_in_for(session, erik.node, today=TODAY)
        [museum] = find_targets(session, "BYENS MUSEUM", today=TODAY)
        to_museum = way_in_for(session, museum.node, today=TODAY)
        [avis] = find_targets(session, "lokalavisen", today=TODAY)
        to_avis = way_in_for(session, avis.node, today=TODAY)
    # Erik: Carl knows him (June 2023). Anna knows Carl herself (3, Jan 2025: 0.6 × 0.28), but her
    # fresh, strong tie with Byens Museum, where Carl works, is worth more (0.71 × 0.8 × 0.5).
    assert [[s.name for s in p.steps] for p in answer.paths] == [
        ["Anna Andersen", "Byens Museum", "Carl Carlsen", "Erik Eriksen"]
    ]
    # The museum: Anna's own tie (the partner relation, strength 4) beats the way through Carl.
    assert to_museum.paths[0].staff.name == "Anna Andersen" and len(to_museum.paths[0].steps) == 2
    # Lokalavisen: nobody, and no route but the library.
    assert to_avis.paths == () and to_avis.nearest == ()


def test_a_viewer_is_not_shown_the_way_in(ws: SmallWorkspace) -> None:
    board = ws.db.acting_as(Principal(email="bestyrelse@bib.dk", role="viewer"))
    with board.read() as session, pytest.raises(AccessDenied):
        way_in_for(session, ws.node["erik"], today=TODAY)


def test_a_new_organisation_is_found_by_the_next_search(ws: SmallWorkspace) -> None:
    with ws.db.read() as session:
        assert find_targets(session, "nyt sted", today=TODAY) == []
    with ws.db.write() as session:
        ws._org(session, "Nyt Sted", "cultural", "public")
    with ws.db.read() as session:
        assert [t.name for t in find_targets(session, "nyt sted", today=TODAY)] == ["Nyt Sted"]


def test_a_new_tie_opens_the_way_in_at_the_next_look(ws: SmallWorkspace) -> None:
    # The answer is kept while nothing changes (the page asks again at every rerun), never past a change.
    with ws.db.read() as session:
        assert way_in_for(session, ws.node["avis"], today=TODAY).paths == ()
    with ws.db.write() as session:
        session.add(
            Relation(
                kind="knows",
                strength=4,
                last_contact=TODAY,
                from_person_id=int(ws.node["bo"][1:]),
                to_organisation_id=int(ws.node["avis"][1:]),
            )
        )
    with ws.db.read() as session:
        paths = way_in_for(session, ws.node["avis"], today=TODAY).paths
    assert [[s.name for s in p.steps] for p in paths] == [["Bo Berg", "Lokalavisen"]]


def test_a_tie_without_a_strength_is_not_said_to_be_weak() -> None:
    # A contact list rarely says how well; the sentence then says only that they know each other.
    G = graph(("S1", "Karen Holm"), ("M", "Mette Lund"), orgs=("Aarhus Universitet",))
    knows(G, "S1", "M", None, TODAY)
    works_at(G, "M", "Aarhus Universitet")
    [path] = way_in(G, "Aarhus Universitet", TODAY).paths
    assert path.steps[1].strength is None
    assert path_sentence(path, TODAY, "da").startswith("Karen Holm kender Mette Lund (i kontakt denne måned)")
    assert path.score == way_in(G, "Aarhus Universitet", TODAY).paths[0].score > 0
