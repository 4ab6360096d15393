"""Find vejen ind on the pages (AppTest): beside a candidate on Partnere, and the search for a tab."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lib.db import Database
from tests.apptest_support import rerun
from tests.network.test_network_graph import SmallWorkspace
from tests.pages.test_partners_page import choose, run_page
from tests.pages.test_roles import SECRETS, USERS


def markdown_texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_way_in_beside_a_candidate_shows_only_when_asked(db: Database) -> None:
    ws = SmallWorkspace(db)
    at = choose(run_page(), int(ws.node["skole"][1:]))
    toggle = at.toggle(key=f"wayin_org_{ws.node['skole'][1:]}")
    assert toggle.label == "Find vejen ind" and toggle.value is False
    assert not any("kender" in text for text in markdown_texts(at))
    toggle.set_value(True)
    rerun(at)
    [paths] = [text for text in markdown_texts(at) if text.startswith("1. ")]
    lines = paths.splitlines()
    assert lines[0].startswith("1. Bo Berg kender Byskolen nogenlunde (sidst i kontakt for ")
    assert lines[1].startswith("2. Anna Andersen kender Dorte Dam rigtig godt (ingen kontaktdato), som arbejder")
    assert "Spørg Anna Andersen." in lines[1]


def section() -> None:
    from components import way_in_views

    way_in_views.way_in_section()


def test_the_search_finds_a_person_and_says_what_is_missing(db: Database) -> None:
    ws = SmallWorkspace(db)
    at = AppTest.from_function(section, default_timeout=60)
    rerun(at)
    assert markdown_texts(at) == []
    at.text_input(key="wayin_search").input("ERIK eriksen")
    rerun(at)
    assert [c.value for c in at.caption][-2] == "Vejen ind til Erik Eriksen:"
    [paths] = [text for text in markdown_texts(at) if text.startswith("1. ")]
    # Below the paths: what their points mean.
    assert [c.value for c in at.caption][-1].startswith("Point (0–100) siger, hvor god vejen ind er")
    assert paths.startswith("1. Anna Andersen kender Byens Museum godt")
    assert "hvor Carl Carlsen arbejder, som kender Erik Eriksen (sidst i kontakt for " in paths
    # Two matches: nothing is shown until one is chosen; Lokalavisen has no way in at all.
    at.text_input(key="wayin_search").input("by")
    rerun(at)
    box = at.selectbox(key="wayin_choice")
    assert box.options == ["Byens Museum (organisation)", "Byskolen (organisation)"] and box.value is None
    assert not any(text.startswith("1. ") for text in markdown_texts(at))
    box.set_value(ws.node["skole"])
    rerun(at)
    assert any(text.startswith("1. Bo Berg kender Byskolen") for text in markdown_texts(at))
    at.text_input(key="wayin_search").input("lokalavisen")
    rerun(at)
    assert "Ingen af os kender nogen her" in " ".join(markdown_texts(at))
    at.text_input(key="wayin_search").input("Ingen Her")
    rerun(at)
    assert [i.value for i in at.info] == ["Ingen organisation eller person hedder »Ingen Her«."]


def test_a_board_member_is_not_shown_the_way_in(db: Database) -> None:
    SmallWorkspace(db)
    at = AppTest.from_function(section, default_timeout=60)
    at.secrets = dict(SECRETS)
    at.user = {"is_logged_in": True, "email": USERS["viewer"], "name": "viewer"}
    rerun(at)
    assert [i.value for i in at.info] == [
        "Vejen ind nævner personer og vises kun for medarbejdere, der må se kontakter."
    ]
    assert len(at.text_input) == 0


def node_details() -> None:
    import streamlit as st

    from components import way_in_views

    for node in st.session_state["nodes"]:
        way_in_views.show_way_in(node)


def test_node_details_show_the_way_in_to_a_contact_and_nothing_for_staff(db: Database) -> None:
    ws = SmallWorkspace(db)
    at = AppTest.from_function(node_details, default_timeout=60)
    at.session_state["nodes"] = [ws.node["bo"], "L", ws.node["frida"]]
    rerun(at)
    [paths] = markdown_texts(at)
    assert paths.startswith("1. Bo Berg kender Frida Friis (ingen kontaktdato). Spørg Bo Berg.")
