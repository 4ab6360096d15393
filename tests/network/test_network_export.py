"""Network downloads: GEXF and GraphML read back, a Kumu workbook imports back, images are real."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import defusedxml.ElementTree as SafeET
import networkx as nx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from lib.core.errors import UserFacingError
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    Database,
    Organisation,
    Person,
    Relation,
    forget_database,
    open_database,
    workspace_counts,
)
from lib.ingest.contact_lists import prepare_file, run_import
from lib.network import export
from lib.network.export import (
    KUMU_CONNECTION_COLUMNS,
    KUMU_ELEMENT_COLUMNS,
    exportable_graph,
    figure_image,
    gexf_bytes,
    graphml_bytes,
    kumu_workbook,
    to_gexf,
    to_graphml,
)
from lib.network.graph import build_graph
from lib.network.plotting import network_figure

FORMULA_NAME = '=HYPERLINK("http://evil.example","klik")'


def _org(name: str, **values: object) -> Organisation:
    return Organisation(name=name, name_key=name_key(name), **values)


def _person(name: str, **values: object) -> Person:
    return Person(name=name, name_key=name_key(name), **values)


def seed_workspace(db: Database) -> None:
    """Staff, contacts and organisations with every kind of tie, and names that are not harmless."""
    with db.write() as session:
        museum = _org("Solbakke Museum", org_type="cultural", sector="public", area="Solbakke")
        fof = _org("FOF Solbakke", org_type="adult_education", sector="civil")
        evil = _org(FORMULA_NAME, org_type="business", sector="private")
        ole = _person("Ole Holm", email="ole@solbakkebib.dk", is_staff=True, title="Bibliotekar")
        mette = _person("Mette Lund", email="mette@solbakkebib.dk", is_staff=True)
        anna = _person("Anna Berg", email="anna@museum.dk", title="Museumsinspektør")
        karl = _person("Karl Øster", email="karl@fof.dk")
        lise = _person("Lise <b>Holm</b>", email="lise@example.dk")
        session.add_all([museum, fof, evil, ole, mette, anna, karl, lise])
        session.flush()
        session.add_all(
            [
                Affiliation(person_id=anna.id, organisation_id=museum.id),
                Affiliation(person_id=karl.id, organisation_id=fof.id),
                Affiliation(person_id=lise.id, organisation_id=museum.id),
                Affiliation(person_id=lise.id, organisation_id=fof.id),
                Relation(
                    kind="knows",
                    from_person_id=ole.id,
                    to_person_id=anna.id,
                    strength=4,
                    first_contact=dt.date(2022, 3, 1),
                    last_contact=dt.date(2024, 6, 1),
                    owner_id=ole.id,
                ),
                Relation(kind="works_with", from_person_id=ole.id, to_person_id=anna.id, strength=2),
                Relation(
                    kind="partner", from_person_id=ole.id, to_organisation_id=museum.id, strength=5, owner_id=ole.id
                ),
                Relation(kind="knows", from_person_id=mette.id, to_person_id=karl.id),
                Relation(kind="colleague", from_person_id=ole.id, to_person_id=mette.id, strength=3),
                Relation(kind="member", from_person_id=anna.id, to_organisation_id=fof.id),
                Relation(kind="funds", from_organisation_id=evil.id, to_organisation_id=fof.id, strength=1),
            ]
        )


def the_graph(db: Database) -> nx.Graph:
    with db.read() as session:
        return build_graph(session)


@pytest.fixture
def other_db(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'imported.sqlite'}"
    database = open_database(url, cached=False)
    yield database
    database.dispose()
    forget_database(url)


def import_workbook(db: Database, data: bytes) -> None:
    prepared = prepare_file(db, "kumu.xlsx", data)
    assert prepared.error is None
    assert {sheet.sheet_name: sheet.role for sheet in prepared.sheets} == {
        "Elements": "kumu_elements",
        "Connections": "kumu_connections",
    }
    result = run_import(db, prepared.sheets, commit=True)
    assert result.counts["rejected"] == 0, [p.message("en") for p in result.problems]


def ties(db: Database) -> set[tuple]:
    with db.read() as session:
        people = {p.id: p.name for p in session.scalars(select(Person))}
        orgs = {o.id: o.name for o in session.scalars(select(Organisation))}
        found = set()
        for tie in session.scalars(select(Relation)):
            ends = frozenset(
                {
                    people.get(tie.from_person_id) or orgs.get(tie.from_organisation_id),
                    people.get(tie.to_person_id) or orgs.get(tie.to_organisation_id),
                }
            )
            found.add((ends, tie.kind))
        found |= {
            (frozenset({people[a.person_id], orgs[a.organisation_id]}), "affiliation")
            for a in session.scalars(select(Affiliation))
        }
        return found


def sheet_rows(data: bytes, name: str) -> list[list]:
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [list(row) for row in workbook[name].iter_rows(values_only=True)]


# --- GEXF and GraphML ------------------------------------------------------------------------------


def test_gexf_reads_back_with_plain_attributes(db: Database) -> None:
    seed_workspace(db)
    G = the_graph(db)
    data = gexf_bytes(G)
    SafeET.fromstring(data)  # well-formed, and no entity tricks
    back = nx.read_gexf(io.BytesIO(data))
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    anna = next(n for n, label in G.nodes(data="label") if label == "Anna Berg")
    ole = next(n for n, label in G.nodes(data="label") if label == "Ole Holm")
    assert back.nodes[anna]["label"] == "Anna Berg" and back.nodes[anna]["kind"] == "contact"
    assert "email" not in back.nodes[anna]  # contact details only on request
    edge = back.edges[ole, anna]
    assert edge["last_contact"] == "2024-06-01" and edge["strength"] == 4
    assert edge["relation_kinds"] == "knows; works_with"  # a set, joined in order
    assert "end_date" not in edge  # None is left out
    with_details = nx.read_gexf(io.BytesIO(gexf_bytes(G, include_contact_details=True)))
    assert with_details.nodes[anna]["email"] == "anna@museum.dk"


def test_graphml_reads_back_and_writes_to_paths_and_streams(db: Database, tmp_path: Path) -> None:
    seed_workspace(db)
    G = the_graph(db)
    path = tmp_path / "netværk.graphml"
    to_graphml(G, path)
    SafeET.parse(str(path))
    back = nx.read_graphml(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    evil = next(n for n, label in G.nodes(data="label") if label == FORMULA_NAME)
    assert back.nodes[evil]["label"] == FORMULA_NAME and back.nodes[evil]["org_type"] == "business"
    stream = io.BytesIO()
    to_gexf(G, stream)
    assert stream.getvalue() == gexf_bytes(G)
    assert graphml_bytes(G) == path.read_bytes()


def test_attribute_types_are_made_consistent() -> None:
    G = nx.Graph(partners={1: {"holders": frozenset({"P1"})}}, as_of=dt.date(2025, 1, 1))
    G.add_node("A", score=1, tags={"b", "a"}, seen=dt.datetime(2024, 5, 1, 12, 30), note=None)
    G.add_node("B", score=2.5, tags=[], flag=True)
    G.add_node("C", score="high", flag=False)
    G.add_edge("A", "B", weights_by_kind={"relation": 4.0, "affiliation": 1.0}, weight=5)
    G.add_edge("B", "C", weight=1.5)
    H = exportable_graph(G)
    assert H.graph == {"as_of": "2025-01-01"}
    assert H.nodes["A"] == {"score": "1", "tags": "a; b", "seen": "2024-05-01T12:30:00"}
    assert H.nodes["B"] == {"score": "2.5", "flag": True} and H.nodes["C"]["score"] == "high"
    assert H.edges["A", "B"] == {"weights_by_kind": "affiliation=1.0; relation=4.0", "weight": 5.0}
    for data in (gexf_bytes(G), graphml_bytes(G)):
        SafeET.fromstring(data)
    assert nx.read_graphml(io.BytesIO(graphml_bytes(G))).edges["A", "B"]["weight"] == 5.0


# --- Kumu ------------------------------------------------------------------------------------------


def test_kumu_workbook_has_kumus_sheets_and_no_formulas(db: Database) -> None:
    seed_workspace(db)
    data = kumu_workbook(the_graph(db))
    elements, connections = sheet_rows(data, "Elements"), sheet_rows(data, "Connections")
    assert tuple(elements[0]) == KUMU_ELEMENT_COLUMNS  # no e-mail or phone columns by default
    assert tuple(connections[0]) == KUMU_CONNECTION_COLUMNS
    labels = {row[1]: row for row in elements[1:]}
    assert "'" + FORMULA_NAME in labels and FORMULA_NAME not in labels
    assert labels["Ole Holm"][2] == "Staff" and labels["Anna Berg"][2] == "Person"
    assert labels["Solbakke Museum"][2] == "Organization" and labels["Solbakke Museum"][9] == "Partnerskab"
    assert labels["Lise <b>Holm</b>"][5] == "FOF Solbakke; Solbakke Museum"
    assert not any("@" in str(cell) for row in elements for cell in row)
    assert "Solbakke Bibliotek" not in labels and "Biblioteket" not in labels
    types = sorted(row[2] for row in connections[1:])
    assert types == sorted(["Kender", "Samarbejder med", "Partner", "Kender", "Kollega", "Medlem", "Finansierer"])


@pytest.mark.slow
def test_kumu_workbook_imports_back_unchanged(db: Database, other_db: Database) -> None:
    seed_workspace(db)
    data = kumu_workbook(the_graph(db), include_contact_details=True)
    import_workbook(other_db, data)
    with db.read() as session:
        before = workspace_counts(session)
    with other_db.read() as session:
        after = workspace_counts(session)
        anna = session.scalars(select(Person).where(Person.email == "anna@museum.dk")).one()
        assert anna.title == "Museumsinspektør"
        museum = session.scalars(select(Organisation).where(Organisation.name == "Solbakke Museum")).one()
        assert (museum.org_type, museum.sector, museum.area) == ("cultural", "public", "Solbakke")
        strong = select(Relation).where(Relation.kind == "knows", Relation.strength == 4)
        knows = session.scalars(strong).one()
        assert knows.last_contact == dt.date(2024, 6, 1) and knows.first_contact == dt.date(2022, 3, 1)
        assert knows.owner_id == session.scalars(select(Person.id).where(Person.name == "Ole Holm")).one()
    for key in ("people", "staff", "organisations", "affiliations", "relations"):
        assert after[key] == before[key], key
    assert ties(other_db) == ties(db)


@pytest.mark.slow
def test_kumu_workbook_without_contact_details_imports_back_by_name(db: Database, other_db: Database) -> None:
    seed_workspace(db)
    import_workbook(other_db, kumu_workbook(the_graph(db), lang="en"))
    assert ties(other_db) == ties(db)
    with other_db.read() as session:
        assert session.scalars(select(Person.email)).all() == [None] * 5
        assert sorted(session.scalars(select(Person.name).where(Person.is_staff.is_(True)))) == [
            "Mette Lund",
            "Ole Holm",
        ]


def test_complete_kumu_map_adds_the_library_and_every_tie(db: Database) -> None:
    seed_workspace(db)
    G = the_graph(db)
    data = kumu_workbook(G, complete_map=True)
    elements, connections = sheet_rows(data, "Elements"), sheet_rows(data, "Connections")
    assert elements[1][:3] == ["L", G.nodes["L"]["label"], "Library"]
    types = [row[2] for row in connections[1:]]
    assert types.count("Ansat på biblioteket") == 2 and types.count("Partnerskab") == 1
    assert types.count("Tilknyttet organisation") == 4


# --- images ----------------------------------------------------------------------------------------

needs_browser = pytest.mark.skipif(export._browser_path() is None, reason="no Chromium for kaleido")


def a_figure() -> object:
    G = nx.path_graph(12)
    G = nx.relabel_nodes(G, {n: f"P{n}" for n in G})
    for node in G:
        G.nodes[node].update(kind="contact" if int(node[1:]) % 3 else "organisation", label=f"<b>{node}</b>")
    for u, v in G.edges:
        G.edges[u, v]["kind"] = "relation"
    pos = {node: (float(i % 4), float(i // 4)) for i, node in enumerate(G)}
    return network_figure(G, pos, labels=True)


@needs_browser
@pytest.mark.slow
def test_png_image_is_a_real_picture() -> None:
    from PIL import Image, ImageStat

    data = figure_image(a_figure(), "png", width=600, height=400)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data)).convert("L")
    assert image.size == (600, 400)
    assert ImageStat.Stat(image).var[0] > 50  # not a blank page


@needs_browser
@pytest.mark.slow
def test_svg_image_is_xml_with_the_escaped_labels() -> None:
    data = figure_image(a_figure(), "svg", width=600, height=400)
    root = SafeET.fromstring(data)
    assert root.tag.endswith("svg")
    labels = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    assert "<b>P3</b>" in labels  # the name shown literally, not turned into bold markup


def test_unknown_image_format_is_refused() -> None:
    with pytest.raises(UserFacingError) as refused:
        figure_image(a_figure(), "gif")
    assert refused.value.key == "network_export.unknown_image_format"


def test_missing_browser_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "_server_started", False)
    monkeypatch.setattr(export, "_browser_path", lambda: None)
    with pytest.raises(export.ImageExportUnavailable) as refused:
        figure_image(a_figure(), "png")
    assert refused.value.key == "network_export.image_unavailable"
    assert not export.image_export_available()
