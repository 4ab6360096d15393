"""The start page through the real router: an empty workspace offers the demo; then figures show."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lib.storage import Database, workspace_counts


def test_an_empty_workspace_offers_the_demo_and_creates_it(db: Database) -> None:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Partnerskabsradar"
    at.button(key="overview_demo").click()
    at.run()
    assert not at.exception
    with db.read() as session:
        counts = workspace_counts(session)
    assert counts["staff"] == 15 and counts["organisations"] == 80
    assert at.title[0].value == "Solbakke Bibliotekerne"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Organisationer"] == "80"
    assert metrics["Medarbejdere"] == "15"


def test_the_start_page_in_english(db: Database) -> None:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception
    assert any(b.label == "Create demo workspace" for b in at.button)
    assert "Language" in [s.label for s in at.selectbox]
