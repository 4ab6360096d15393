"""The page "Netværk" driven like a user would, with AppTest, and ``python -m lib network``.

AppTest cannot click a point of a plotly chart. The page reads the chart's selection from session
state, so a test clicks by writing that state (as the browser would send it); the "Find og åbn"
selectbox, the keyboard-friendly way to the same details, is driven directly.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from lib.core import i18n
from lib.db import Database, Person, set_setting
from lib.network import graph as netgraph
from lib.network import layout
from tests import apptest_support
from tests.apptest_support import rerun, values

ROOT = Path(__file__).resolve().parents[2]
PAGE = "../pages/network.py"


def run_page(lang: str | None = None, tab: str | None = None, **state: Any) -> AppTest:
    """The page run once, in ``lang``, on the tab ``tab`` (by default the first), with ``state`` set."""
    return apptest_support.run_page(PAGE, lang, state={**({"net_active_tab": tab} if tab else {}), **state})


def open_tab(at: AppTest, tab: str) -> AppTest:
    at.session_state["net_active_tab"] = tab
    return rerun(at)


def whole_graph(db: Database, as_of: dt.date | None = None) -> nx.Graph:
    with db.read() as session:
        return netgraph.build_graph(session, as_of)


# --- reading the chart ----------------------------------------------------------------------------


def chart_spec(at: AppTest, index: int = 0) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def _length(array: Any) -> int:
    """Number of values in a plotly array, plain or typed (``{"dtype": "f8", "bdata": ...}``)."""
    return 0 if array is None else len(values(array))


def node_points(spec: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Node id → drawn position, from every trace that carries node ids."""
    points = {}
    for trace in spec["data"]:
        ids = trace.get("customdata")
        if not ids:
            continue
        xs, ys = values(trace["x"]), values(trace["y"])
        points.update({str(node): (x, y) for node, x, y in zip(ids, xs, ys, strict=True)})
    return points


def edge_count(spec: dict[str, Any]) -> int:
    """Ties drawn: every edge trace holds one segment of three values (start, end, gap) per tie."""
    return sum(_length(t.get("x")) // 3 for t in spec["data"] if not t.get("customdata") and t.get("mode") == "lines")


def selection(*nodes: str) -> dict[str, Any]:
    """What the browser puts in session state when points are clicked or boxed on the map."""
    points = [
        {"curve_number": 5, "point_number": i, "point_index": i, "x": 0.0, "y": 0.0, "customdata": node}
        for i, node in enumerate(nodes)
    ]
    return {"selection": {"points": points, "point_indices": list(range(len(nodes))), "box": [], "lasso": []}}


def table_with(at: AppTest, *columns: str) -> Any:
    """The first table showing ``columns`` (AppTest knows keys only of tables one can select in)."""
    for frame in at.dataframe:
        if set(columns) <= set(frame.value.columns):
            return frame.value
    raise AssertionError(f"no table with {columns}")


def subheaders(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


def some_organisation(G: nx.Graph) -> tuple[str, str]:
    node = sorted(v for v, kind in G.nodes(data="kind") if kind == "organisation")[0]
    return node, G.nodes[node]["label"]


# --- the map -------------------------------------------------------------------------------------


def test_page_draws_the_whole_network(demo: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Plej netværket!"
    assert len(at.get("plotly_chart")) == 1
    spec = chart_spec(at)
    G = whole_graph(demo)
    assert set(node_points(spec)) == set(G)
    assert edge_count(spec) == G.number_of_edges()
    assert any("398" in c.value or str(G.number_of_nodes()) in c.value for c in at.caption)


def test_empty_workspace_points_to_import(db: Database) -> None:
    at = run_page()
    assert at.info[0].value.startswith("Der er endnu intet netværk at vise.")
    assert not at.get("plotly_chart")


def test_filter_redraws_without_a_new_layout(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"compute_layout": 0, "positions": 0}
    compute, positions = layout.compute_layout, layout.positions

    def counted_compute(*args: Any, **kwargs: Any) -> Any:
        calls["compute_layout"] += 1
        return compute(*args, **kwargs)

    def counted_positions(*args: Any, **kwargs: Any) -> Any:
        calls["positions"] += 1
        return positions(*args, **kwargs)

    monkeypatch.setattr(layout, "compute_layout", counted_compute)
    monkeypatch.setattr(layout, "positions", counted_positions)
    at = run_page()
    before = node_points(chart_spec(at))
    assert calls == {"compute_layout": 1, "positions": 1}

    at.pills(key="net_f_node_kinds").set_value(["library", "organisation"])
    rerun(at)
    after = node_points(chart_spec(at))
    G = whole_graph(demo)
    organisations = {v for v, kind in G.nodes(data="kind") if kind in ("library", "organisation")}
    assert set(after) == organisations
    assert len(after) < len(before)
    assert all(after[v] == before[v] for v in after)  # nothing moved
    assert calls == {"compute_layout": 1, "positions": 1}  # no new layout, not even a new look-up

    at.select_slider(key="net_f_min_strength").set_value(4)
    rerun(at)
    assert calls == {"compute_layout": 1, "positions": 1}
    assert "Filtre (2 i brug)" in [e.label for e in at.expander]


def test_find_box_opens_details_and_the_network_around_it(demo: Database) -> None:
    node, name = some_organisation(whole_graph(demo))
    at = run_page()
    at.selectbox(key="net_find").set_value(node)
    rerun(at)
    assert name in subheaders(at)
    assert len(at.get("plotly_chart")) == 2  # the map and the network around the node
    ego = node_points(chart_spec(at, 1))
    assert node in ego and set(ego) == set(netgraph.ego_network(whole_graph(demo), node, 1))
    assert len(table_with(at, "other", "tie")) == whole_graph(demo).degree(node)

    at.radio(key="net_ego_radius").set_value(2)
    rerun(at)
    assert len(node_points(chart_spec(at, 1))) > len(ego)

    at.button(key="net_close").click()
    rerun(at)
    assert name not in subheaders(at)
    assert len(at.get("plotly_chart")) == 1


def test_click_on_the_map_opens_details(demo: Database) -> None:
    node, name = some_organisation(whole_graph(demo))
    at = run_page()
    at.session_state["net_chart"] = selection(node)
    rerun(at)
    assert name in subheaders(at)
    assert at.selectbox(key="net_find").value == node  # the picker shows what was clicked
    assert len(at.get("plotly_chart")) == 2
    # The same selection surviving a rerun does not take over after the user opened another node.
    other = sorted(v for v, k in whole_graph(demo).nodes(data="kind") if k == "staff")[0]
    at.selectbox(key="net_find").set_value(other)
    rerun(at)
    assert whole_graph(demo).nodes[other]["label"] in subheaders(at)


def test_box_selection_opens_the_first_and_names_the_rest(demo: Database) -> None:
    G = whole_graph(demo)
    staff = sorted(v for v, k in G.nodes(data="kind") if k == "staff")[:3]
    at = run_page()
    at.session_state["net_chart"] = selection(*staff)
    rerun(at)
    assert G.nodes[staff[0]]["label"] in subheaders(at)
    assert any("Du har markeret 3" in info.value for info in at.info)


def test_hostile_names_stay_plain_text(demo: Database) -> None:
    with demo.write() as session:
        person = Person(name="**<img src=x onerror=alert(1)>**", name_key="img src x", is_staff=True)
        session.add(person)
        session.flush()
        node = f"P{person.id}"
    at = run_page()
    at.selectbox(key="net_find").set_value(node)
    rerun(at)
    assert r"\*\*\<img src=x onerror=alert(1)\>\*\*" in subheaders(at)


def test_organisations_and_rings_views_render(demo: Database) -> None:
    G = whole_graph(demo)
    organisations = {v for v, kind in G.nodes(data="kind") if kind in ("library", "organisation")}
    at = run_page()
    at.radio(key="net_view").set_value("organisations")
    rerun(at)
    assert set(node_points(chart_spec(at))) == organisations
    at.radio(key="net_view").set_value("rings")
    rerun(at)
    spec = chart_spec(at)
    assert set(node_points(spec)) == organisations
    assert node_points(spec)["L"] == (0.0, 0.0)  # the library in the centre
    ring_names = {a["text"] for a in spec["layout"]["annotations"]}
    assert "Aktive partnere" in ring_names


def test_my_network_shows_one_staff_members_part(demo: Database) -> None:
    G = whole_graph(demo)
    staff = sorted(v for v, k in G.nodes(data="kind") if k == "staff")[0]
    at = run_page()
    at.radio(key="net_view").set_value("mine")
    rerun(at)
    assert not at.get("plotly_chart")  # nobody chosen yet: a hint instead of an empty map
    assert [info.value for info in at.info if "Vælg dig selv" in info.value]
    at.selectbox(key="net_mine_staff").set_value(staff)
    rerun(at)
    assert set(node_points(chart_spec(at))) == set(netgraph.staff_network(G, staff))


def test_early_date_shows_fewer_ties(demo: Database) -> None:
    at = run_page()
    today_edges = edge_count(chart_spec(at))
    today_points = node_points(chart_spec(at))
    at.slider(key="net_as_of").set_value(dt.date(2020, 1, 1))
    rerun(at)
    assert edge_count(chart_spec(at)) == whole_graph(demo, dt.date(2020, 1, 1)).number_of_edges() < today_edges
    earlier_points = node_points(chart_spec(at))
    assert all(earlier_points[v] == today_points[v] for v in earlier_points)  # back in time, nothing moves
    assert any("01-01-2020" in c.value for c in at.caption)


def test_english_heading(demo: Database) -> None:
    at = run_page(lang="en")
    assert at.title[0].value == "Nurture the network"
    assert [tab.label for tab in at.tabs] == [
        "Network map",
        "Figures and key people",
        "Network health",
        "Find the way in",
        "Over time",
        "Download",
    ]


def test_settings_survive_a_visit_to_another_page(demo: Database) -> None:
    at = run_page()
    at.radio(key="net_view").set_value("organisations")
    at.multiselect(key="net_f_sectors").set_value(["civil"])
    rerun(at)
    # Streamlit drops the state of widgets when another page opens; plain session-state keys stay.
    back = run_page(net_kept=at.session_state["net_kept"])
    assert back.radio(key="net_view").value == "organisations"
    assert back.multiselect(key="net_f_sectors").value == ["civil"]
    assert "Filtre (1 i brug)" in [e.label for e in back.expander]


# --- figures, health, time, downloads -----------------------------------------------------------------


def test_finding_6_the_figures_table_shows_a_bridge_builders_place_not_a_fraction(demo: Database) -> None:
    at = run_page(tab="figures")
    table = next(frame for frame in at.dataframe if "betweenness_place" in frame.value.columns)
    shown = list(table.proto.column_order)
    assert "betweenness_place" in shown and "closeness_place" in shown
    assert "betweenness" not in shown and "closeness" not in shown
    frame = table.value
    top = frame.loc[frame["betweenness"].idxmax()]
    assert top["betweenness_place"] == 1
    assert frame["betweenness_place"].max() <= len(frame)
    assert frame.sort_values("betweenness", ascending=False)["betweenness_place"].is_monotonic_increasing


def test_figures_tab_lists_every_node_in_danish(demo: Database) -> None:
    at = run_page(tab="figures")
    assert len(table_with(at, "kind_label", "betweenness")) == whole_graph(demo).number_of_nodes()
    labels = {metric.label for metric in at.metric}
    assert {
        "Forbindelser",
        "Hvor mange kender hinanden",
        "Grupper uden forbindelse til hinanden",
        "Gennemsnitlig afstand",
        "Største afstand",
    } <= labels
    assert any(c.value == "Alle tal er beregnet præcist (ikke skønnet)." for c in at.caption)
    assert "Brobyggere" in " ".join(m.value for m in at.markdown)
    assert at.get("download_button")[0].proto.label == "Hent tabellen som Excel"


def test_an_english_reader_downloads_the_figures_with_english_headings(
    demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is made when the button is clicked, outside the page run: its words must be the page's.
    made = apptest_support.deferred_downloads(monkeypatch)
    run_page("en", tab="figures")
    (name,) = [name for name in made if name.startswith("network-figures")]
    sheet = openpyxl.load_workbook(io.BytesIO(made[name]())).active
    headings = [cell.value for cell in sheet[1]]
    assert "Name" in headings or any(str(h).startswith("Name") for h in headings), headings
    assert "Navn" not in headings


def test_potential_partners_are_all_listed_with_reasons(demo: Database) -> None:
    at = run_page(tab="health")
    frame = table_with(at, "rank", "reason")
    G = whole_graph(demo)
    non_partners = {v for v, k in G.nodes(data="kind") if k == "organisation"} - netgraph.partners_in(G)
    assert len(frame) == len(non_partners) >= 3  # nobody hidden
    assert all(isinstance(reason, str) and reason.strip() for reason in frame["reason"])
    assert "De tre mest oplagte" in " ".join(m.value for m in at.markdown)


def test_cold_ties_follow_the_months_setting(demo: Database) -> None:
    at = run_page(tab="health")
    twelve = len(table_with(at, "owner_label", "contact_date"))
    at.number_input(key="net_cold_months").set_value(3)
    rerun(at)
    three = len(table_with(at, "owner_label", "contact_date"))
    assert three > twelve > 0
    assert any("3 måneder eller mere" in w.value for w in at.warning)


def test_comparing_two_dates(demo: Database) -> None:
    at = run_page(tab="time")
    at.date_input(key="net_compare_from").set_value(dt.date(2022, 1, 1))
    at.date_input(key="net_compare_to").set_value(dt.date(2025, 1, 1))
    rerun(at)
    summary = next(m.value for m in at.markdown if m.value.startswith("Fra 01-01-2022 til 01-01-2025"))
    with demo.read() as session:
        before = netgraph.build_graph(session, dt.date(2022, 1, 1))
        after = netgraph.build_graph(session, dt.date(2025, 1, 1))
    new = len({frozenset(e) for e in after.edges()} - {frozenset(e) for e in before.edges()})
    assert f"{new} nye" in summary


def test_downloads_offer_gephi_graphml_kumu_and_say_when_images_cannot_be_made(
    demo: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lib.network import export as netexport

    monkeypatch.setattr(netexport, "image_export_available", lambda: False)
    at = run_page(tab="download")
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["Gephi (GEXF)", "GraphML", "Kumu (Excel-fil)"]
    assert any("Chromium mangler" in info.value for info in at.info)
    assert at.checkbox(key="net_contact_details").value is False  # board-safe by default

    monkeypatch.setattr(netexport, "image_export_available", lambda: True)
    rerun(at)
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels[-2:] == ["Billede (PNG)", "Vektorbillede (SVG)"]


def test_every_text_of_the_page_is_translated() -> None:
    from components import network_views as views
    from lib.network import page as netpage
    from lib.network import plotting

    used = {f"network.metric.{m}" for m in netpage.TABLE_METRICS}
    used |= {f"network.metric.{m}.help" for m in netpage.TABLE_METRICS}
    used |= {f"network.kind.{k}" for k in netgraph.NODE_KINDS} | {f"network.edge.{k}" for k in netgraph.EDGE_KINDS}
    used |= {f"netpage.view.{v}" for v in views.VIEWS} | {f"netpage.tab.{t}" for t in views.TABS}
    used |= {f"netpage.view.{v}.help" for v in views.VIEWS}
    used |= {f"network_figure.color_by.{c}" for c in plotting.COLOR_BY}
    used |= {f"network_export.format.{f}" for f in ("gexf", "graphml", "kumu", "png", "svg")}
    used |= {
        f"network.figure.{f}" for f in ("nodes", "edges", "density", "components", "average_path_length", "diameter")
    }
    used |= {f"organisation.kind.{k}" for k in ("partnership", "organisation")}
    for path in (
        ROOT / "pages" / "network.py",
        ROOT / "components" / "network_views.py",
        ROOT / "components" / "network_tabs.py",
        ROOT / "lib" / "network" / "page.py",
        ROOT / "lib" / "network" / "figures.py",
    ):
        used |= set(re.findall(r"""\bt[r]?\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", path.read_text(encoding="utf-8")))
    assert used
    missing = sorted(key for key in used if key not in i18n.TEXTS)
    assert not missing
    for key in used:
        assert i18n.TEXTS[key].get("da") and i18n.TEXTS[key].get("en"), key


# --- the command line -----------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lib", "network", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_cli_prints_the_figures_as_json(demo: Database) -> None:
    result = run_cli("--json", "--db", demo.url)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    G = whole_graph(demo)
    assert payload["nodes"] == G.number_of_nodes() and payload["edges"] == G.number_of_edges()
    for key in ("density", "components", "average_path_length", "diameter"):
        assert payload[key] is not None
    top = payload["top_betweenness"]
    assert len(top) == 10 and all({"name", "value"} <= set(row) for row in top)
    assert [row["value"] for row in top] == sorted((row["value"] for row in top), reverse=True)


def test_cli_as_of_and_plain_text(demo: Database) -> None:
    earlier = run_cli("--json", "--db", demo.url, "--as-of", "01-01-2020")
    assert earlier.returncode == 0, earlier.stderr
    assert json.loads(earlier.stdout)["edges"] == whole_graph(demo, dt.date(2020, 1, 1)).number_of_edges()
    iso = run_cli("--json", "--db", demo.url, "--as-of", "2020-01-01")
    assert json.loads(iso.stdout)["edges"] == json.loads(earlier.stdout)["edges"]
    text = run_cli("--db", demo.url)
    assert text.returncode == 0 and "Netværket i dag" in text.stdout and "brobyggere" in text.stdout


def test_cli_exports_gexf_with_every_node(demo: Database, tmp_path: Path) -> None:
    out = tmp_path / "net.gexf"
    result = run_cli("--db", demo.url, "--export", "gexf", str(out))
    assert result.returncode == 0, result.stderr
    exported = nx.read_gexf(out)
    assert exported.number_of_nodes() == whole_graph(demo).number_of_nodes()
    assert "@" not in out.read_text(encoding="utf-8")  # no e-mail addresses unless asked for


@pytest.mark.parametrize("args", [("--as-of", "31-02-2024"), ("--as-of", "banana"), ("--export", "pdf", "x.pdf")])
def test_cli_refuses_a_bad_date_or_format_in_one_line(demo: Database, args: tuple[str, ...]) -> None:
    result = run_cli("--db", demo.url, *args)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_library_name_is_the_centre_label(demo: Database) -> None:
    with demo.write() as session:
        set_setting(session, "library_name", "Bibliotek & <Co>")
    at = run_page()
    at.selectbox(key="net_find").set_value("L")
    rerun(at)
    assert r"Bibliotek & \<Co\>" in subheaders(at)


def test_partnership_stage_filter_keeps_only_organisations_in_that_stage(demo: Database) -> None:
    at = run_page()
    everyone = node_points(chart_spec(at))
    at.multiselect(key="net_f_stages").set_value(["managing_maintaining"])
    rerun(at)
    shown = node_points(chart_spec(at))
    G = whole_graph(demo)
    organisations = [v for v in shown if G.nodes[v].get("kind") == "organisation"]
    assert organisations, "the demo has partnerships under management"
    assert all(G.nodes[v].get("partner_stage") == "managing_maintaining" for v in organisations)
    assert len(shown) < len(everyone)
