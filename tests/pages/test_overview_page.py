"""The start page through the real router: an empty workspace offers the demo; then figures show."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lib.db import Database, NodePosition, workspace_counts
from lib.demo.workspace import create_demo_workspace
from lib.reporting import checklist, overview
from tests import apptest_support
from tests.apptest_support import figure, rerun, values

#: The whole app: the router, which opens the start page.
run_start_page = partial(apptest_support.run_page, "../dashboard.py")


def test_an_empty_workspace_offers_the_demo_and_creates_it(db: Database) -> None:
    at = run_start_page()
    assert at.title[0].value == "Partnerskabsradar"
    at.button(key="overview_demo").click()
    rerun(at)
    with db.read() as session:
        counts = workspace_counts(session)
    assert counts["staff"] == 15 and counts["organisations"] == 80
    assert at.title[0].value == "Solbakke Bibliotekerne"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Organisationer"] == "80"
    assert metrics["Medarbejdere"] == "15"


def test_the_start_page_in_english(db: Database) -> None:
    at = run_start_page("en")
    assert any(b.label == "Create demo workspace" for b in at.button)
    assert "Language" in [s.label for s in at.selectbox]


# --- the start page of a workspace with data --------------------------------------------------------

DEMO_TODAY = dt.date(2026, 11, 1)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The demo library, with the start page's today set to the demo's today."""
    create_demo_workspace(db, today=DEMO_TODAY)
    monkeypatch.setattr("components.clock.today", lambda: DEMO_TODAY)
    return db


def registered(page: str) -> bool:
    """Whether the router lists ``page`` (a page link can only point at a page in the navigation)."""
    return f'"{page}"' in (ROOT / "dashboard.py").read_text(encoding="utf-8")


def test_key_figures_show_the_change_since_a_year_earlier(demo: Database) -> None:
    at = run_start_page()
    figures = {m.label: (m.value, m.proto.delta) for m in at.metric}
    assert figures["Aktive partnerskaber"] == ("9", "+1")
    assert figures["Aktive partnerskaber med skriftlig aftale"] == ("5", "-1")
    assert figures["Mål på rette spor"] == ("3", "±0")
    assert figures["Evalueringsscore (1–5)"] == ("3,7", "±0")
    assert figures["Organisationer"] == ("80", "+2")
    assert figures["Kontaktpersoner"] == ("302", "+11")
    assert "Ændringen er i forhold til 01-11-2025, tolv måneder før." in [c.value for c in at.caption]
    with demo.read() as session:
        expected = {f.code: f for f in overview.key_figures(session, DEMO_TODAY)}
    assert expected["evaluation_score"].value == pytest.approx(3.746, abs=0.001)


def test_the_start_page_draws_the_checklist_radar(demo: Database) -> None:
    at = run_start_page()
    traces = {t["meta"]: t for t in figure(at, "overview_radar")["data"]}
    assert values(traces["self"]["r"]) == [4, 4, 4, 3, 4, 3, 3, 4, 4]
    with demo.read() as session:
        frame = checklist.radar_frame(session, DEMO_TODAY)
    assert values(traces["evidence"]["r"]) == pytest.approx([*frame["evidence_score"], frame["evidence_score"][0]])
    assert "Seneste selvvurdering: 02-10-2026." in [c.value for c in at.caption]


def test_alerts_and_latest_evaluations_are_listed(demo: Database) -> None:
    at = run_start_page()
    text = "\n".join(m.value.replace("\\", "") for m in at.markdown)
    assert "»Sprogcafé på biblioteket«: aftalen skulle have været fulgt op 22-09-2026 (40 dage siden)." in text
    assert "Målet »Grøn omstilling i lokalsamfundet« er ikke på rette spor." in text
    assert "»Skolebiblioteksnetværk« hænger på én person: Birgitte Østergaard." in text
    assert "relationer har ikke haft kontakt i 12 måneder eller mere" in text
    (shown,) = [d.value for d in at.dataframe if "round_title" in d.value.columns]
    assert shown["partnership"].tolist()[0] == "Sundhedsformidling på biblioteket"
    assert len(shown) == 5


def test_every_figure_links_to_its_page(demo: Database) -> None:
    at = run_start_page()
    links = {(link.proto.label, link.proto.page) for link in at.get("page_link")}
    assert {
        ("Partnerskaber", "partnerskaber"),
        ("Mål", "maal"),
        ("Kontakter og organisationer", "kontakter"),
        ("Netværk", "netvaerk"),
    } <= links
    labels = {label for label, _ in links}
    assert ("Tjekliste" in labels) == registered("pages/radar.py")
    assert ("Evaluering" in labels) == registered("pages/evaluations.py")


def test_the_start_page_lays_out_no_network(demo: Database) -> None:
    run_start_page()
    with demo.read() as session:
        assert session.scalar(select(func.count(NodePosition.id))) == 0


def test_the_start_page_with_data_in_english(demo: Database) -> None:
    at = run_start_page("en")
    labels = [m.label for m in at.metric]
    assert labels[:6] == [
        "Active partnerships",
        "Active partnerships with a written agreement",
        "Goals on track",
        "Evaluation score (1–5)",
        "Organisations",
        "Contacts",
    ]
    assert {m.label: m.value for m in at.metric}["Evaluation score (1–5)"] == "3.7"
    assert "Needs attention" in [h.value for h in at.subheader]
