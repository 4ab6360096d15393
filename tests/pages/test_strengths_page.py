"""The page "Styrker" driven like a user would, with AppTest, on the demo library and on an empty workspace."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from components import clock, strengths_views
from lib.db import Database, Person, StrengthOffer
from lib.library import strengths
from tests import apptest_support
from tests.apptest_support import figure, matrix, rerun

PAGE = "../pages/strengths.py"
TODAY = dt.date(2026, 11, 1)
run_page = partial(apptest_support.run_page, PAGE)


@pytest.fixture(autouse=True)
def page_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's today is the demo's today, whatever day the tests run."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def offers_by_title(db: Database) -> dict[str, StrengthOffer]:
    with db.read() as session:
        found = {o.title: o for o in session.scalars(select(StrengthOffer))}
        session.expunge_all()
    return found


def staff_id(db: Database, name: str) -> int:
    with db.read() as session:
        return session.scalar(select(Person.id).where(Person.name == name))


def stale_warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith("Ikke bekræftet i over 12 måneder")]


def test_empty_workspace_points_to_the_first_offer(db: Database) -> None:
    at = run_page()
    assert at.title[0].value == "Vis, hvem du er! – bibliotekets styrker"
    assert at.info[0].value == (
        "Der er endnu ingen tilbud i styrkeprofilen. Opret det første under »Opret og redigér«."
    )
    assert {m.label: m.value for m in at.metric}["Tilbud"] == "0"
    assert not at.get("plotly_chart")
    assert at.selectbox(key="strengths_edit_pick").value == strengths_views.NEW


def test_demo_profile_shows_every_team_and_flags_the_stale_offers(demo: Database) -> None:
    at = run_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Tilbud"] == "16"
    assert metrics["Skal tjekkes"] == "3"
    assert metrics["Bekræftet inden for et år"] == "81 %"  # 13 of 16 confirmed within twelve months
    assert at.warning[0].value.startswith("3 tilbud er ikke bekræftet i over 12 måneder")
    assert len(stale_warnings(at)) == 3
    headings = [h.value.replace("\\", "") for h in at.subheader]
    assert {
        "Børn og unge (4 tilbud)",
        "Voksne og kultur (5 tilbud)",
        "Digitalt (4 tilbud)",
        "Ledelse (3 tilbud)",
    } <= set(headings)
    captions = [c.value.replace("\\", "") for c in at.caption]  # shown as typed: Markdown escaped
    assert "Teams uden tilbud endnu: Lokalbiblioteker." in captions  # the demo's fifth team
    assert any(c.startswith("Kontakt: Anne-Sofie Kjær, ") for c in captions)
    assert any("Bekræftet " in c and "-2026" in c for c in captions)  # dd-mm-yyyy


def test_the_team_filter_shows_one_team(demo: Database) -> None:
    at = run_page()
    at.selectbox(key="strengths_team_filter").set_value("Digitalt")
    rerun(at)
    headings = [h.value.replace("\\", "") for h in at.subheader]
    assert "Digitalt (4 tilbud)" in headings
    assert not any(h.startswith("Ledelse") for h in headings)


def test_marking_a_stale_offer_as_still_true_clears_its_flag(demo: Database) -> None:
    stale = [o for o in offers_by_title(demo).values() if strengths.is_stale(o.updated_on, TODAY)]
    assert len(stale) == 3
    target = stale[0]
    at = run_page()
    at.button(key=f"strengths_confirm_{target.id}").click()
    rerun(at)
    assert offers_by_title(demo)[target.title].updated_on == TODAY
    assert len(stale_warnings(at)) == 2
    assert {m.label: m.value for m in at.metric}["Skal tjekkes"] == "2"
    assert any(s.value == f"»{target.title}« er markeret som stadig rigtigt (01-11-2026)." for s in at.success)


def test_creating_an_offer_through_the_form(demo: Database) -> None:
    at = run_page()
    mette = staff_id(demo, "Mette Sørensen")
    at.selectbox(key="strengths_new_team").set_value("Ledelse")
    at.selectbox(key="strengths_new_category").set_value("outreach_events")
    at.text_input(key="strengths_new_title").input("Bibliotekets fødselsdag")
    at.text_area(key="strengths_new_description").input("En fest for hele byen hvert år i maj.")
    at.selectbox(key="strengths_new_contact_person_id").set_value(mette)
    at.multiselect(key="strengths_new_partner_types").set_value(["business", "media"])
    at.button(key="strengths_new_submit").click()
    rerun(at)
    created = offers_by_title(demo)["Bibliotekets fødselsdag"]
    assert (created.team, created.category, created.contact_person_id) == ("Ledelse", "outreach_events", mette)
    assert created.partner_types == ["business", "media"]
    assert created.updated_on == TODAY
    assert "Tilbuddet »Bibliotekets fødselsdag« er oprettet." in [s.value for s in at.success]
    assert at.selectbox(key="strengths_edit_pick").value == created.id  # the new offer is open for editing
    assert {m.label: m.value for m in at.metric}["Tilbud"] == "17"
    assert "Ledelse (4 tilbud)" in [h.value.replace("\\", "") for h in at.subheader]


def test_an_offer_without_a_category_is_refused_in_danish(demo: Database) -> None:
    at = run_page()
    at.text_input(key="strengths_new_title").input("Uden kategori")
    at.button(key="strengths_new_submit").click()
    rerun(at)
    assert [e.value for e in at.error] == ["Vælg, hvilken slags tilbud det er (kategori)."]
    assert "Uden kategori" not in offers_by_title(demo)
    assert at.text_input(key="strengths_new_title").value == "Uden kategori"  # what was typed stays


def test_editing_an_offer_saves_and_confirms_it(demo: Database) -> None:
    target = next(o for o in offers_by_title(demo).values() if strengths.is_stale(o.updated_on, TODAY))
    at = run_page()
    at.selectbox(key="strengths_edit_pick").set_value(target.id)
    rerun(at)
    prefix = f"strengths_edit_{target.id}_"
    assert at.text_input(key=prefix + "title").value == target.title
    assert at.multiselect(key=prefix + "partner_types").value == target.partner_types
    at.text_input(key=prefix + "title").input(target.title + " (udvidet)")
    at.multiselect(key=prefix + "partner_types").set_value([*target.partner_types, "other"])
    at.button(key=prefix + "submit").click()
    rerun(at)
    edited = offers_by_title(demo)[target.title + " (udvidet)"]
    assert edited.partner_types[-1] == "other"
    assert edited.updated_on == TODAY
    assert "Ændringerne er gemt, og tilbuddet er bekræftet i dag." in [s.value for s in at.success]
    assert "Hver partnertype har mindst ét tilbud." in [s.value for s in at.success]  # "other" was the gap


def test_deleting_needs_the_confirmation(demo: Database) -> None:
    target = offers_by_title(demo)["Streaming af arrangementer"]
    at = run_page()
    at.selectbox(key="strengths_edit_pick").set_value(target.id)
    rerun(at)
    at.button(key=f"strengths_delete_{target.id}").click()
    rerun(at)
    assert "Streaming af arrangementer" in offers_by_title(demo)
    assert any(w.value == "Sæt først hak i »Ja, tilbuddet skal slettes«." for w in at.warning)
    at.checkbox(key=f"strengths_delete_confirm_{target.id}").check()
    at.button(key=f"strengths_delete_{target.id}").click()
    rerun(at)
    assert "Streaming af arrangementer" not in offers_by_title(demo)
    assert any(s.value == "Tilbuddet »Streaming af arrangementer« er slettet." for s in at.success)
    assert at.selectbox(key="strengths_edit_pick").value == strengths_views.NEW


def test_the_flyer_download_gives_a_pdf_in_the_users_language(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[dict[str, Any]] = []
    original = MediaFileManager.add_deferred

    def remember(
        self: MediaFileManager,
        data_callable: Any,
        mimetype: str | None,
        coordinates: str,
        file_name: str | None = None,
        **kwargs: Any,
    ) -> str:
        made.append({"make": data_callable, "mimetype": mimetype, "file_name": file_name})
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", remember)
    at = run_page("en")
    buttons = [b for b in at.get("download_button") if b.key == "strengths_flyer_download"]
    assert len(buttons) == 1 and buttons[0].proto.label == "Download flyer (PDF)"
    assert len(made) == 1
    assert made[0]["mimetype"] == "application/pdf"
    assert made[0]["file_name"] == "strengths-profile-2026-11-01.pdf"
    data = made[0]["make"]()
    assert data.startswith(b"%PDF")
    with demo.read() as session:
        assert data == strengths.flyer_pdf(session, "en", TODAY)


def test_the_matrix_counts_offers_per_category_and_partner_type(demo: Database) -> None:
    at = run_page()
    heatmap = figure(at, "strengths_matrix_chart")["data"][0]
    with demo.read() as session:
        counts = strengths.partner_type_matrix(session)
    assert matrix(heatmap["z"]) == counts.to_numpy().tolist()
    assert heatmap["y"][0] == "Lokaler" and heatmap["x"][0] == "Forening"
    uncovered = [i.value for i in at.info if i.value.startswith("Intet tilbud taler endnu til")]
    missing = [code for code in counts.columns if counts[code].sum() == 0]
    assert len(uncovered) == (1 if missing else 0)


def test_english(demo: Database) -> None:
    at = run_page("en")
    assert at.title[0].value == "Show who you are! – the library's strengths"
    assert [tab.label for tab in at.tabs] == ["Profile by team", "Partner types", "Create and edit"]
    assert at.warning[0].value.startswith("3 offers have not been confirmed")
    assert any(w.value.startswith("Not confirmed for over 12 months (last 20") for w in at.warning)
