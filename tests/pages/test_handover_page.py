"""The tab "Overdragelse" of the page "Organisation" driven like a user would, with AppTest: choose the
leaving colleague and who takes over, see what moves, hand over, undo."""

from __future__ import annotations

import datetime as dt
from functools import partial

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from lib.db import Database, Event, Partnership, Person, Relation
from lib.planning import handover
from tests import apptest_support
from tests.apptest_support import rerun
from tests.library.test_organisation import Workspace, build_workspace

PAGE = "../pages/organisation.py"
run_page = partial(apptest_support.run_page, PAGE)
TODAY = dt.date(2026, 11, 1)


def state_of(db: Database) -> tuple[list[tuple[object, ...]], dict[str, int | None], dict[str, bool]]:
    with db.read() as session:
        ties = [
            (r.id, r.from_person_id, r.to_person_id, r.owner_id, r.strength, r.last_contact)
            for r in session.scalars(select(Relation).order_by(Relation.id))
        ]
        owners = {p.title: p.owner_id for p in session.scalars(select(Partnership))}
        staff = {p.name: p.is_staff for p in session.scalars(select(Person))}
    return ties, owners, staff


def choose(at: AppTest, key: str, value: object) -> AppTest:
    at.selectbox(key=key).select(value)
    return rerun(at)


def markdown_texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_preview_confirm_and_undo_in_danish(db: Database) -> None:
    ws: Workspace = build_workspace(db)
    before = state_of(db)
    at = run_page()
    assert "Overdragelse" in [tab.label for tab in at.tabs]
    leaving = at.selectbox(key="org_handover_from")
    assert leaving.label == "Kollega, der stopper eller skifter job" and leaving.value is None
    at = choose(at, "org_handover_from", ws.people["anna"])
    # Nobody hands over to themselves: the leaving colleague is not among those who can take over.
    assert "Anna Andersen" not in at.selectbox(key="org_handover_to").options
    at = choose(at, "org_handover_to", ws.people["bo"])
    texts = markdown_texts(at)
    assert (
        "3 forbindelser (1 lagt sammen med en eksisterende), 1 partnerskab, 0 mål, 0 tilbud og 0 opgaver denne måned."
        in [text.replace("\\", "") for text in texts]
    )
    ties = next(df.value for df in at.dataframe if "merged" in df.value.columns)
    assert sorted(ties["party"]) == ["Museet", "Xenia Xu", "Xenia Xu – Willy Winther"]
    assert set(ties["to"]) == {"Bo Berg"}
    assert ties.set_index("party").loc["Xenia Xu", "merged"]
    assert state_of(db) == before  # a preview stores nothing

    at.checkbox(key="org_handover_end_staff").check()
    at = rerun(at)
    at.button(key="org_handover_confirm").click()
    at = rerun(at)
    assert "Overdraget fra Anna Andersen: 3 forbindelser, 1 partnerskab, 0 mål og 0 tilbud." in [
        s.value.replace("\\", "") for s in at.success
    ]
    ties_after, owners_after, staff_after = state_of(db)
    assert owners_after["Læseklub"] == ws.people["bo"] and staff_after["Anna Andersen"] is False
    assert at.selectbox(key="org_handover_from").value is None

    at.button(key="org_handover_undo").click()
    at = rerun(at)
    assert "Overdragelsen er fortrudt." in [s.value for s in at.success]
    assert state_of(db) == before
    with db.read() as session:
        assert session.scalars(select(Event.action).where(Event.action.like("handover%"))).all() == [
            "handover_applied",
            "handover_undone",
        ]


def test_per_partnership_choice_and_english(db: Database) -> None:
    ws = build_workspace(db)
    at = run_page("en")
    at = choose(at, "org_handover_from", ws.people["cille"])
    at.radio(key="org_handover_mode").set_value("per_partnership")
    at = rerun(at)
    assert (
        at.selectbox(key="org_handover_to").label == "Hand over the rest to (whatever does not go with a partnership)"
    )
    at = choose(at, "org_handover_to", ws.people["bo"])
    udstilling = f"org_handover_p{ws.partnerships['udstilling']}"
    assert at.selectbox(key=udstilling).value == ws.people["bo"]
    at = choose(at, udstilling, ws.people["eva"])
    # Another main receiver: the partnership left to the main one follows, the one chosen apart stays.
    at = choose(at, "org_handover_to", ws.people["dan"])
    assert at.selectbox(key=f"org_handover_p{ws.partnerships['fond']}").value == ws.people["dan"]
    assert at.selectbox(key=udstilling).value == ws.people["eva"]
    at = choose(at, "org_handover_to", ws.people["bo"])
    # The ties go with their partnership: Yrsa works at Museet (the Udstilling's partner) and goes to
    # Eva; Zakarias belongs to none of Cille's partnerships and goes to the main receiver, Bo.
    ties = next(df.value for df in at.dataframe if "merged" in df.value.columns).set_index("party")
    assert ties.loc["Yrsa Yde", ["to", "reason"]].tolist() == ["Eva Eriksen", "Goes with the partnership Udstilling"]
    assert ties.loc["Zakarias Zink", ["to", "reason"]].tolist() == ["Bo Berg", "Belongs to none of the partnerships"]
    lines = [m.value.replace("\\", "") for m in at.markdown]
    # Per receiver (the tasks depend on today's date, the rest does not).
    assert any(line.startswith("- Eva Eriksen: 1 tie, 1 partnership, 0 goals, 0 offers and ") for line in lines)
    assert any(line.startswith("- Bo Berg: 1 tie, 1 partnership, 0 goals, 0 offers and ") for line in lines)
    shown = next(df.value for df in at.dataframe if list(df.value.columns) == ["title", "to"])
    assert dict(zip(shown["title"], shown["to"], strict=True)) == {
        "Udstilling": "Eva Eriksen",
        "Fondsansøgning": "Bo Berg",
    }
    at.button(key="org_handover_confirm").click()
    at = rerun(at)
    assert any(s.value.startswith("Handed over from Cille Carlsen") for s in at.success)
    _, owners, _ = state_of(db)
    assert owners["Udstilling"] == ws.people["eva"] and owners["Fondsansøgning"] == ws.people["bo"]
    with db.read() as session:
        yrsa = session.scalars(select(Relation).where(Relation.to_person_id == ws.people["yrsa"])).all()
        assert {r.from_person_id for r in yrsa if r.kind == "knows"} == {ws.people["eva"]}


def test_a_colleague_with_nothing_to_hand_over_is_told_so(db: Database) -> None:
    ws = build_workspace(db)
    at = run_page()
    at = choose(at, "org_handover_from", ws.people["eva"])
    at = choose(at, "org_handover_to", ws.people["bo"])
    assert "Eva Eriksen har ingen forbindelser, partnerskaber, mål eller tilbud at overdrage." in [
        i.value for i in at.info
    ]
    assert not [b for b in at.button if b.key == "org_handover_confirm"]


def test_an_earlier_handover_is_undone_from_the_list_or_refused_when_changed_since(db: Database) -> None:
    ws = build_workspace(db)
    before = state_of(db)
    with db.write() as session:
        first = handover.apply_handover(session, ws.people["anna"], ws.people["bo"], today=TODAY)
    with db.write() as session:
        second = handover.apply_handover(session, ws.people["cille"], ws.people["dan"], today=TODAY)
    with db.write() as session:
        fonden = session.scalars(select(Partnership).where(Partnership.title == "Fondsansøgning")).one()
        fonden.owner_id = ws.people["eva"]  # changed since the second handover
    at = run_page()
    lines = [m.value for m in at.markdown if " til " in m.value]
    assert [line.split(": ", 1)[1] for line in lines] == ["Cille Carlsen til Dan Dahl", "Anna Andersen til Bo Berg"]
    assert second.event_id is not None and first.event_id is not None
    at.button(key=f"org_handover_undo_{second.event_id}").click()
    at = rerun(at)
    assert [e.value for e in at.error] == [
        "Overdragelsen kan ikke fortrydes, fordi forbindelserne, partnerskaberne eller målene er ændret siden. "
        "En fortrydelse ville slette de ændringer."
    ]
    at.button(key=f"org_handover_undo_{first.event_id}").click()
    at = rerun(at)
    assert "Overdragelsen er fortrudt." in [s.value for s in at.success]
    _, owners, _ = state_of(db)
    assert owners["Læseklub"] == ws.people["anna"] and owners["Udstilling"] == ws.people["dan"]
    assert before[1]["Læseklub"] == ws.people["anna"]
    assert not [b for b in at.button if b.key == f"org_handover_undo_{first.event_id}"]
