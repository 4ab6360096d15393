"""Acting from the network page (issue 17): a contact registered on a tie going cold leaves the list,
and the way in is shown in its own tab and in an opened organisation's details."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from lib.db import Database, Relation
from lib.network import graph as netgraph
from lib.network import page as netpage
from tests.apptest_support import rerun, workspace_today
from tests.pages.test_network_page import run_page, selection, some_organisation, table_with, whole_graph


def test_a_contact_registered_on_a_cold_tie_takes_it_off_the_list(demo: Database) -> None:
    at = run_page(tab="health")
    before = table_with(at, "owner_label", "contact_date")
    picker = at.selectbox(key="net_cold_pick")
    assert len(picker.options) == len(before) > 0
    dated, _ = netpage.cold_tie_frames(whole_graph(demo), 12, workspace_today(), "da")
    source, target, other = dated.iloc[0][["source", "target", "other_label"]]
    assert list(before["other_label"]) == list(dated["other_label"])
    first = picker.options[0]
    assert first.startswith(f"{other} · holdes af ")
    picker.set_value(f"{source}|{target}")
    at.button(key="net_cold_register").click()
    rerun(at)
    assert f"Kontakten med {other} er registreret, og opgaven er fjernet fra listen." in [s.value for s in at.success]
    after = table_with(at, "owner_label", "contact_date")
    assert len(after) == len(before) - 1 and first not in at.selectbox(key="net_cold_pick").options
    with demo.read() as session:
        dates = {
            r.last_contact
            for r in session.scalars(select(Relation))
            if {
                netgraph.person_node(r.from_person_id)
                if r.from_person_id
                else netgraph.organisation_node(r.from_organisation_id),
                netgraph.person_node(r.to_person_id)
                if r.to_person_id
                else netgraph.organisation_node(r.to_organisation_id),
            }
            == {source, target}
        }
    assert dates == {workspace_today()}


def test_back_in_time_the_cold_ties_are_only_read(demo: Database) -> None:
    at = run_page(tab="health")
    yesterday = at.slider(key="net_as_of").value - dt.timedelta(days=1)
    at.slider(key="net_as_of").set_value(yesterday)
    rerun(at)
    assert table_with(at, "owner_label", "contact_date") is not None
    assert "net_cold_pick" not in [s.key for s in at.selectbox]


def test_the_way_in_tab_finds_an_organisation_by_name(demo: Database) -> None:
    node, name = some_organisation(whole_graph(demo))
    at = run_page(tab="way_in")
    at.text_input(key="wayin_search").input(name.upper())
    rerun(at)
    shown = " ".join(m.value for m in at.markdown)
    assert shown.startswith("1. ") or "ingen af os" in shown.casefold(), shown


def test_an_opened_organisation_shows_its_way_in(demo: Database) -> None:
    node, _ = some_organisation(whole_graph(demo))
    at = run_page()
    at.session_state["net_chart"] = selection(node)
    rerun(at)
    assert "**Find vejen ind**" in [m.value for m in at.markdown]


def test_the_cold_tie_picker_offers_the_rows_the_table_shows(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from components import tables

    dated, _ = netpage.cold_tie_frames(whole_graph(demo), 12, workspace_today(), "da")
    assert len(dated) > 2
    monkeypatch.setattr(tables, "FIRST_ROWS", 2)  # a big workspace: more cold ties than the table shows
    at = run_page(tab="health")
    shown = table_with(at, "owner_label", "contact_date")
    assert list(shown["other_label"]) == list(dated["other_label"][:2])
    assert f"Viser de første 2 af {len(dated)}." in [c.value for c in at.caption]
    options = at.selectbox(key="net_cold_pick").options
    assert len(options) == 2
    assert all(o.startswith(other) for o, other in zip(options, shown["other_label"], strict=True))
