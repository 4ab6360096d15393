"""Published network results, reproduced from data that went in through the importer.

Each classic data set is written as the Excel file a user would make, imported with the real
importer, built into the graph and measured; the figures asserted are the ones published.

* Padgett's Florentine families (marriage ties, Padgett and Ansell 1993): the Medici have the highest
  betweenness, 0.522 normalised, on the 15 families joined by marriage. The Pucci married none of
  the others; with them, 16 families, the same 47.5 shortest paths normalise to 0.452.
* Zachary's karate club (Zachary 1977): 34 members, 78 ties, two factions after the split.
* Davis, Gardner and Gardner's Southern Women (1941): 18 women at 14 social events, 89 attendances.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import networkx as nx
import pytest
from sqlalchemy import func, select

from lib.db import Affiliation, Database, Organisation, Person, Relation
from lib.demo.workspace import create_demo_workspace
from lib.ingest.contact_lists import prepare_file, run_import
from lib.network.graph import LIBRARY, build_graph, partners_in, rings
from lib.network.health import cold_ties, potential_partners, reason_text, relations_per_staff
from lib.network.metrics import brokers, network_figures, node_metrics
from tests.sheets import xlsx

TODAY = dt.date(2026, 11, 1)


def import_workbook(db: Database, name: str, sheets: dict[str, list[list[object]]]) -> None:
    prepared = prepare_file(db, name, xlsx(sheets))
    assert prepared.error is None, prepared.error and prepared.error.message("en")
    result = run_import(db, prepared.sheets, commit=True)
    assert result.balanced and result.counts["rejected"] == 0, result.counts


def graph_of(db: Database) -> nx.Graph:
    with db.read() as session:
        return build_graph(session, today=TODAY)


def by_label(G: nx.Graph) -> dict[str, str]:
    return {data["label"]: v for v, data in G.nodes(data=True)}


# --- Padgett's Florentine families ---------------------------------------------------------------------


@pytest.fixture
def florentine(db: Database) -> nx.Graph:
    marriages = nx.florentine_families_graph()
    families = sorted(marriages) + ["Pucci"]
    import_workbook(
        db,
        "firenze.xlsx",
        {
            "Organisationer": [["Organisation"], *[[family] for family in families]],
            "Relationer": [["Fra", "Til"], *[[u, v] for u, v in marriages.edges]],
        },
    )
    return graph_of(db)


def test_florentine_families_import_as_sixteen_organisations(florentine: nx.Graph, db: Database) -> None:
    with db.read() as session:
        assert session.scalar(select(func.count(Organisation.id))) == 16
        assert session.scalar(select(func.count(Relation.id))) == 20
    families = florentine.subgraph(v for v in florentine if v != LIBRARY)
    assert families.number_of_nodes() == 16 and families.number_of_edges() == 20
    assert {d["kind"] for _, d in families.nodes(data=True)} == {"organisation"}


def test_medici_have_the_published_betweenness(florentine: nx.Graph) -> None:
    names = by_label(florentine)
    married = florentine.subgraph(nx.node_connected_component(florentine, names["Medici"]))
    assert married.number_of_nodes() == 15  # the Pucci married none of the other families
    df = node_metrics(married)
    assert df["betweenness"].idxmax() == names["Medici"]
    assert df.loc[names["Medici"], "betweenness"] == pytest.approx(0.522, abs=0.001)
    all_families = node_metrics(florentine.subgraph(v for v in florentine if v != LIBRARY))
    assert all_families.loc[names["Medici"], "betweenness"] == pytest.approx(47.5 / 105, abs=1e-9)
    assert brokers(df, n=1)["label"].tolist() == ["Medici"]


# --- Zachary's karate club -----------------------------------------------------------------------------


def test_karate_club_members_ties_and_factions(db: Database) -> None:
    club = nx.karate_club_graph()
    name = {v: f"Medlem {v + 1:02d}" for v in club}
    import_workbook(
        db,
        "karate.xlsx",
        {
            "Kontakter": [["Navn"], *[[name[v]] for v in club]],
            "Relationer": [["Fra", "Til"], *[[name[u], name[v]] for u, v in club.edges]],
        },
    )
    G = graph_of(db)
    members = [v for v, kind in G.nodes(data="kind") if kind == "contact"]
    assert len(members) == 34
    assert sum(1 for *_, d in G.edges(data=True) if d["kind"] == "relation") == 78
    assert G.subgraph(members).number_of_edges() == 78

    faction = {name[v]: club.nodes[v]["club"] for v in club}
    df = node_metrics(G.subgraph(members))
    communities: dict[int, list[str]] = {}
    for _, row in df.iterrows():
        communities.setdefault(int(row["community"]), []).append(faction[row["label"]])
    agreeing = sum(Counter(sides).most_common(1)[0][1] for sides in communities.values())
    assert agreeing / 34 >= 0.9


# --- Davis' Southern Women -----------------------------------------------------------------------------


def test_southern_women_import_as_people_and_events(db: Database) -> None:
    davis = nx.davis_southern_women_graph()
    women = davis.graph["top"]
    import_workbook(
        db,
        "davis.xlsx",
        {
            "Personer": [["Navn"], *[[w] for w in women]],
            "Tilknytninger": [["Person", "Organisation"], *[[w, e] for w in women for e in davis[w]]],
        },
    )
    with db.read() as session:
        assert session.scalar(select(func.count(Person.id))) == 18
        assert session.scalar(select(func.count(Organisation.id))) == 14
        assert session.scalar(select(func.count(Affiliation.id))) == 89
    G = graph_of(db)
    names = by_label(G)
    assert sum(1 for *_, d in G.edges(data=True) if d["kind"] == "affiliation") == 89
    # The published attendance table: Evelyn, Theresa and Nora at eight events each; E8 had 14 women.
    for woman in ("Evelyn Jefferson", "Theresa Anderson", "Nora Fayette"):
        assert G.degree(names[woman]) == 8
    assert G.degree(names["E8"]) == 14
    assert {G.degree(names[w]) for w in women} == {davis.degree(w) for w in women}
    assert network_figures(G.subgraph(v for v in G if v != LIBRARY))["components"] == 1


# --- the demo workspace --------------------------------------------------------------------------------


@pytest.mark.slow
def test_demo_workspace_shows_every_finding(db: Database) -> None:
    create_demo_workspace(db, today=TODAY)
    G = graph_of(db)
    df = node_metrics(G)
    assert len(brokers(df, n=5)) == 5
    assert len(brokers(df, n=5, kinds={"contact", "organisation"})) == 5
    cold = cold_ties(G, today=TODAY)
    assert (~cold["no_date"]).sum() > 10
    assert relations_per_staff(G, today=TODAY)["ties"].sum() > 0

    ranked = potential_partners(G, today=TODAY)
    organisations = {v for v, kind in G.nodes(data="kind") if kind == "organisation"}
    assert set(ranked["node"]) == organisations - partners_in(G)  # nobody left out
    assert len(ranked) >= 3
    for _, row in ranked.head(3).iterrows():
        assert row["score"] > 0
        for lang in ("da", "en"):
            text = reason_text(row, lang)
            assert text and "network.reason" not in text
    assert ranked["score"].is_monotonic_decreasing
    assert ranked.iloc[-1]["label"] == "Makerspace Solbakke"  # nobody knows the new makerspace
    assert set(rings(G).values()) == {0, 1, 2, 3}
