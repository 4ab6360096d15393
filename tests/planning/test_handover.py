"""lib.planning.handover on the hand-built library of tests.library.test_organisation, with known answers.

Anna (network lead) knows Xenia (strength 4), works with Museet, holds the tie between Xenia and Willy
and owns the Læseklub (Skolen); Bo knows Xenia too (strength 3). Handing Anna's work to Bo merges the
two ties with Xenia (the stronger stays), moves the rest, and makes the Læseklub and Willy hang on Bo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from lib.core.errors import UndoNotPossible, ValidationFailed
from lib.core.i18n import t
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    Database,
    Event,
    Goal,
    Partnership,
    PartnershipGoal,
    Person,
    Relation,
    StrengthOffer,
)
from lib.library import staff as org
from lib.library.staff import Dependency
from lib.network.graph import organisation_node
from lib.network.way_in import way_in_for
from lib.planning import handover, handover_page
from lib.workspace.events import details_text
from tests.library.test_organisation import Workspace, build_workspace

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def ws(db: Database) -> Workspace:
    workspace = build_workspace(db)
    with db.write() as session:
        anna, bo = workspace.people["anna"], workspace.people["bo"]
        # Bo's tie with Xenia is older and weaker; Anna's holds the fresher contact and the strength 4.
        bo_xenia = session.scalars(
            select(Relation).where(Relation.from_person_id == bo, Relation.to_person_id == workspace.people["xenia"])
        ).one()
        bo_xenia.last_contact = dt.date(2025, 1, 15)
        bo_xenia.first_contact = dt.date(2020, 3, 1)
        session.add(
            Goal(
                title="Flere unge læsere",
                owner_id=anna,
                baseline=10,
                target=20,
                baseline_date=dt.date(2026, 1, 1),
                target_date=dt.date(2027, 12, 31),
            )
        )
        session.add(
            StrengthOffer(category="rooms", title="Lokaler til møder", contact_person_id=anna, updated_on=TODAY)
        )
        # A tie between two colleagues stays where it is.
        session.add(Relation(kind="colleague", from_person_id=anna, to_person_id=workspace.people["cille"]))
        anna_person = session.get(Person, anna)
        assert anna_person is not None
        anna_person.email = "anna@bib.dk"
    return workspace


def relations(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as session:
        return [
            (
                r.id,
                r.kind,
                r.from_person_id,
                r.to_person_id,
                r.to_organisation_id,
                r.owner_id,
                r.strength,
                r.first_contact,
                r.last_contact,
                r.updated_at,
            )
            for r in session.scalars(select(Relation).order_by(Relation.id))
        ]


def owners(db: Database) -> dict[str, Any]:
    with db.read() as session:
        return {
            "partnerships": {p.title: (p.owner_id, p.updated_at) for p in session.scalars(select(Partnership))},
            "goals": {g.title: (g.owner_id, g.updated_at) for g in session.scalars(select(Goal))},
            "offers": {o.title: o.contact_person_id for o in session.scalars(select(StrengthOffer))},
            "staff": {p.name: (p.is_staff, p.staff_role) for p in session.scalars(select(Person))},
        }


def test_the_preview_shows_what_moves_with_the_merge_rule(db: Database, ws: Workspace) -> None:
    p = ws.people
    with db.read() as session:
        plan = handover.plan_handover(session, p["anna"], p["bo"], today=TODAY)
    ties = {(tie.party, tie.relation_kind): tie for tie in plan.ties}
    assert sorted(ties) == [("Museet", "works_with"), ("Xenia Xu", "knows"), ("Xenia Xu – Willy Winther", "colleague")]
    xenia = ties[("Xenia Xu", "knows")]
    # Bo already knows Xenia: the ties become Bo's one, with the stronger strength and the fresher contact.
    assert xenia.merged_into is not None
    assert (xenia.strength_after, xenia.last_contact_after) == (4, dt.date(2026, 6, 1))
    assert ties[("Museet", "works_with")].merged_into is None
    assert ties[("Xenia Xu – Willy Winther", "colleague")].party_kind == "tie"
    assert {tie.to_id for tie in plan.ties} == {p["bo"]}
    assert [(m.title, m.to_id) for m in plan.partnerships] == [("Læseklub", p["bo"])]
    assert [(m.title, m.to_id) for m in plan.goals] == [("Flere unge læsere", p["bo"])]
    assert [(m.title, m.to_id) for m in plan.offers] == [("Lokaler til møder", p["bo"])]
    assert plan.colleague_ties == 1
    # Everything to one colleague: no one needs to be told why.
    assert "reason" not in handover_page.ties_table(plan, "da").columns
    assert plan.counts() == {
        "ties": 3,
        "merged": 1,
        "partnerships": 1,
        "goals": 1,
        "offers": 1,
        "tasks": len(plan.tasks),
        "colleague_ties": 1,
    }
    # The goal's measurement is due (measured never, baseline 1 January): a task that becomes Bo's.
    assert ("measurement", "Flere unge læsere", p["bo"]) in [(m.task.kind, m.task.title, m.to_id) for m in plan.tasks]


def test_apply_does_what_the_preview_showed_and_undo_restores_exactly(db: Database, ws: Workspace) -> None:
    p = ws.people
    before_relations, before_owners = relations(db), owners(db)
    with db.read() as session:
        preview = handover.plan_handover(session, p["anna"], p["bo"], end_staff=True, today=TODAY)
    with db.write() as session:
        applied = handover.apply_handover(session, p["anna"], p["bo"], end_staff=True, today=TODAY, actor="lead@bib.dk")
    assert applied == preview and applied.event_id is not None
    with db.read() as session:
        bo_ties = session.scalars(
            select(Relation).where((Relation.from_person_id == p["bo"]) | (Relation.owner_id == p["bo"]))
        ).all()
        mine = {
            (r.kind, r.to_person_id, r.to_organisation_id): (r.strength, r.first_contact, r.last_contact)
            for r in bo_ties
        }
        assert mine == {
            ("knows", p["xenia"], None): (4, dt.date(2020, 3, 1), dt.date(2026, 6, 1)),
            ("works_with", None, ws.orgs["museet"]): (None, None, dt.date(2026, 6, 1)),
            ("colleague", p["willy"], None): (3, None, dt.date(2026, 6, 1)),
        }
        # Anna is left with the tie to her colleague Cille only.
        left = session.scalars(
            select(Relation.kind).where(
                (Relation.from_person_id == p["anna"])
                | (Relation.to_person_id == p["anna"])
                | (Relation.owner_id == p["anna"])
            )
        ).all()
        assert left == ["colleague"]
        event = session.get(Event, applied.event_id)
        assert event is not None and event.action == "handover_applied" and event.actor == "lead@bib.dk"
        shown = details_text(event.details, "da")
        assert "Overdraget til: Bo Berg" in shown and "Værdier før" not in shown
    after = owners(db)
    assert after["partnerships"]["Læseklub"][0] == p["bo"]
    assert after["goals"]["Flere unge læsere"][0] == p["bo"]
    assert after["offers"]["Lokaler til møder"] == p["bo"]
    assert after["staff"]["Anna Andersen"] == (False, None)

    with db.write() as session:
        counts = handover.undo_handover(session, applied.event_id, actor="lead@bib.dk")
    assert counts == {"relations": 4, "partnerships": 1, "goals": 1, "strength_offers": 1}
    assert relations(db) == before_relations
    assert owners(db) == before_owners
    with db.write() as session, pytest.raises(UndoNotPossible) as refused:
        handover.undo_handover(session, applied.event_id)
    assert refused.value.message("da") == "Overdragelsen er allerede fortrudt."


def test_undo_is_refused_when_the_records_were_changed_since(db: Database, ws: Workspace) -> None:
    p = ws.people
    with db.write() as session:
        applied = handover.apply_handover(session, p["anna"], p["bo"], today=TODAY)
    with db.write() as session:
        laeseklub = session.get(Partnership, ws.partnerships["laeseklub"])
        assert laeseklub is not None
        laeseklub.owner_id = p["cille"]
    with db.write() as session, pytest.raises(UndoNotPossible) as refused:
        assert applied.event_id is not None
        handover.undo_handover(session, applied.event_id)
    assert "ændret siden" in refused.value.message("da")
    with db.read() as session:
        assert session.get(Partnership, ws.partnerships["laeseklub"]).owner_id == p["cille"]  # type: ignore[union-attr]


def test_per_partnership_choice_gives_each_partnership_its_own_colleague(db: Database, ws: Workspace) -> None:
    p, s = ws.people, ws.partnerships
    with db.write() as session:
        plan = handover.apply_handover(
            session, p["cille"], p["bo"], per_partnership={s["udstilling"]: p["eva"]}, today=TODAY
        )
    assert {m.title: m.to_id for m in plan.partnerships} == {
        "Udstilling": p["eva"],
        "Fondsansøgning": p["bo"],
    }
    assert plan.receivers == (p["bo"], p["eva"])
    # Yrsa works at Museet, the Udstilling's partner: the tie goes with it to Eva. Zakarias works at
    # Foreningen, in none of Cille's partnerships: the tie goes to the main receiver, Bo.
    assert {tie.party: (tie.to_id, tie.reason, tie.partnerships) for tie in plan.ties} == {
        "Yrsa Yde": (p["eva"], "partnership", ("Udstilling",)),
        "Zakarias Zink": (p["bo"], "none", ()),
    }
    with db.read() as session:
        assert session.get(Partnership, s["udstilling"]).owner_id == p["eva"]  # type: ignore[union-attr]
        eva_ties = session.scalars(select(Relation.to_person_id).where(Relation.from_person_id == p["eva"])).all()
        assert eva_ties == [p["yrsa"]]


@pytest.mark.parametrize(
    ("who", "to", "message"),
    [
        ("anna", "anna", "En medarbejder kan ikke overdrage til sig selv. Vælg en anden kollega."),
        ("anna", "xenia", "Xenia Xu står ikke på medarbejderlisten og kan ikke overtage. Vælg en medarbejder."),
        ("xenia", "anna", "Xenia Xu står ikke på medarbejderlisten, så der er intet at overdrage fra."),
    ],
)
def test_refusals_say_why_in_danish(db: Database, ws: Workspace, who: str, to: str, message: str) -> None:
    with db.read() as session, pytest.raises(ValidationFailed) as refused:
        handover.plan_handover(session, ws.people[who], ws.people[to], today=TODAY)
    assert refused.value.message("da") == message
    assert refused.value.message("en") != message and refused.value.message("en") == t(
        refused.value.key, "en", **refused.value.params
    )


def test_unknown_people_and_foreign_partnerships_are_refused(db: Database, ws: Workspace) -> None:
    p = ws.people
    with db.read() as session:
        with pytest.raises(ValidationFailed) as unknown:
            handover.plan_handover(session, 99999, p["bo"], today=TODAY)
        assert unknown.value.key == "handover.unknown_person"
        with pytest.raises(ValidationFailed) as foreign:
            handover.plan_handover(
                session, p["anna"], p["bo"], per_partnership={ws.partnerships["udstilling"]: p["eva"]}
            )
        assert foreign.value.key == "handover.not_their_partnership"
        with pytest.raises(ValidationFailed) as email:
            handover.staff_by_email(session, "nobody@bib.dk")
        assert email.value.message("en") == "Nobody in the workspace has the e-mail “nobody@bib.dk”."
        assert handover.staff_by_email(session, " ANNA@bib.dk ") == p["anna"]


def test_single_person_dependencies_and_the_way_in_name_the_new_holder_at_once(db: Database, ws: Workspace) -> None:
    p, o, s = ws.people, ws.orgs, ws.partnerships
    skolen = organisation_node(o["skolen"])
    with db.read() as session:
        before = org.single_person_dependencies(session, today=TODAY)
        way_before = way_in_for(session, skolen, today=TODAY)
    assert Dependency(p["anna"], "partnership", s["laeseklub"], "Læseklub", "Skolen") in before
    assert "Anna Andersen" in {path.steps[0].name for path in way_before.paths}
    with db.write() as session:
        handover.apply_handover(session, p["anna"], p["bo"], end_staff=True, today=TODAY)
    with db.read() as session:
        after = org.single_person_dependencies(session, today=TODAY)
        way_after = way_in_for(session, skolen, today=TODAY)
    assert [d for d in after if d.person_id == p["anna"]] == []
    assert Dependency(p["bo"], "partnership", s["laeseklub"], "Læseklub", "Skolen") in after
    assert Dependency(p["bo"], "contact", p["willy"], "Willy Winther", "Skolen") in after
    # Xenia was known by Anna and Bo; now only by Bo, and the library hangs on him for Skolen.
    assert Dependency(p["bo"], "contact", p["xenia"], "Xenia Xu", "Skolen") in after
    starts = [path.steps[0].name for path in way_after.paths]
    assert "Anna Andersen" not in starts and starts[0] == "Bo Berg"


def test_nothing_to_hand_over_is_refused(db: Database, ws: Workspace) -> None:
    with db.write() as session, pytest.raises(ValidationFailed) as refused:
        handover.apply_handover(session, ws.people["eva"], ws.people["bo"], today=TODAY)
    assert (
        refused.value.message("da")
        == "Eva Eriksen har ingen forbindelser, partnerskaber, mål eller tilbud at overdrage."
    )


def test_a_second_tie_with_the_same_party_merges_into_the_first_moved_one(db: Database) -> None:
    with db.write() as session:
        a = Person(name="Ann", name_key=name_key("Ann"), is_staff=True)
        b = Person(name="Ben", name_key=name_key("Ben"), is_staff=True)
        c = Person(name="Carl", name_key=name_key("Carl"))
        session.add_all([a, b, c])
        session.flush()
        session.add_all(
            [
                Relation(
                    kind="knows", from_person_id=a.id, to_person_id=c.id, strength=2, last_contact=dt.date(2026, 1, 1)
                ),
                Relation(
                    kind="knows", from_person_id=c.id, to_person_id=a.id, strength=5, last_contact=dt.date(2025, 1, 1)
                ),
            ]
        )
        session.flush()
        ids = (a.id, b.id, c.id)
    with db.write() as session:
        plan = handover.apply_handover(session, ids[0], ids[1], today=TODAY)
    assert [tie.merged_into is None for tie in plan.ties] == [True, False]
    with db.read() as session:
        left = [
            (r.from_person_id, r.to_person_id, r.strength, r.last_contact) for r in session.scalars(select(Relation))
        ]
    assert left == [(ids[1], ids[2], 5, dt.date(2026, 1, 1))]


def test_undo_after_the_leaving_colleague_was_erased_is_refused(db: Database, ws: Workspace) -> None:
    with db.write() as session:
        applied = handover.apply_handover(session, ws.people["anna"], ws.people["bo"], today=TODAY)
    with db.write() as session:
        # What lib.privacy.erasure leaves of an event about an erased person.
        event = session.get(Event, applied.event_id)
        assert event is not None
        event.details = {"erased": True}
        event.entity_id = None
    with db.write() as session, pytest.raises(UndoNotPossible) as refused:
        assert applied.event_id is not None
        handover.undo_handover(session, applied.event_id)
    assert refused.value.message("en") == "The handover cannot be found, so it cannot be undone."


def _goal(title: str, owner: int) -> Goal:
    return Goal(
        title=title,
        owner_id=owner,
        baseline=10,
        target=20,
        baseline_date=dt.date(2026, 1, 1),
        target_date=dt.date(2027, 12, 31),
    )


def test_ties_and_goals_go_with_their_partnership_and_the_ambiguous_to_the_main_receiver(
    db: Database, ws: Workspace
) -> None:
    """Cille hands the Udstilling (Museet) to Eva, the Fondsansøgning (Fonden) to Bo, the rest to Dan."""
    p, o, s = ws.people, ws.orgs, ws.partnerships
    with db.write() as session:
        ulla = Person(name="Ulla Ulv", name_key=name_key("Ulla Ulv"))
        session.add(ulla)
        session.flush()
        p = {**p, "ulla": ulla.id}
        session.add_all(
            [
                Affiliation(person_id=ulla.id, organisation_id=o["museet"]),
                # Yrsa works at Museet and at Fonden: two partnerships with different receivers.
                Affiliation(person_id=p["yrsa"], organisation_id=o["fonden"]),
                # Zakarias once worked at Museet; an ended affiliation does not count.
                Affiliation(person_id=p["zakarias"], organisation_id=o["museet"], end_date=dt.date(2025, 6, 30)),
                Relation(kind="knows", from_person_id=p["cille"], to_person_id=ulla.id, strength=5),
                # Eva already knows Ulla: Cille's tie merges into Eva's, not into Dan's.
                Relation(kind="knows", from_person_id=p["eva"], to_person_id=ulla.id, strength=2),
                Relation(kind="works_with", from_person_id=p["cille"], to_organisation_id=o["fonden"]),
                StrengthOffer(category="rooms", title="Lokaler", contact_person_id=p["cille"], updated_on=TODAY),
            ]
        )
        goals = {title: _goal(title, p["cille"]) for title in ("Flere besøgende", "Mere synlighed", "Bedre drift")}
        session.add_all(goals.values())
        session.flush()
        session.add_all(
            [
                PartnershipGoal(partnership_id=s["udstilling"], goal_id=goals["Flere besøgende"].id),
                PartnershipGoal(partnership_id=s["udstilling"], goal_id=goals["Mere synlighed"].id),
                PartnershipGoal(partnership_id=s["fond"], goal_id=goals["Mere synlighed"].id),
            ]
        )
    before_relations, before_owners = relations(db), owners(db)
    chosen = {s["udstilling"]: p["eva"], s["fond"]: p["bo"]}
    with db.read() as session:
        preview = handover.plan_handover(session, p["cille"], p["dan"], per_partnership=chosen, today=TODAY)
    ties = {tie.party: (tie.to_id, tie.reason, tie.partnerships) for tie in preview.ties}
    assert ties == {
        "Ulla Ulv": (p["eva"], "partnership", ("Udstilling",)),
        "Fonden": (p["bo"], "partnership", ("Fondsansøgning",)),
        "Yrsa Yde": (p["dan"], "several", ("Fondsansøgning", "Udstilling")),
        "Zakarias Zink": (p["dan"], "none", ()),
    }
    assert {g.title: (g.to_id, g.reason) for g in preview.goals} == {
        "Flere besøgende": (p["eva"], "partnership"),
        "Mere synlighed": (p["dan"], "several"),
        "Bedre drift": (p["dan"], "none"),
    }
    assert [(m.to_id, m.reason) for m in preview.offers] == [(p["dan"], "none")]
    # The goal's measurement is a task that goes with the goal.
    measured = {m.task.title: m.to_id for m in preview.tasks if m.task.kind == "measurement"}
    assert measured == {"Flere besøgende": p["eva"], "Mere synlighed": p["dan"], "Bedre drift": p["dan"]}
    counts = {who: {k: v for k, v in c.items() if k != "tasks"} for who, c in preview.by_receiver().items()}
    assert counts == {
        p["dan"]: {"ties": 2, "partnerships": 0, "goals": 2, "strength_offers": 1},
        p["bo"]: {"ties": 1, "partnerships": 1, "goals": 0, "strength_offers": 0},
        p["eva"]: {"ties": 1, "partnerships": 1, "goals": 1, "strength_offers": 0},
    }
    assert preview.receivers == (p["dan"], p["bo"], p["eva"])
    # The preview's table says to whom, and why, in Danish.
    shown = handover_page.ties_table(preview, "da").set_index("party")
    assert shown.loc["Ulla Ulv", ["to", "reason"]].tolist() == ["Eva Eriksen", "Følger partnerskabet Udstilling"]
    assert shown.loc["Yrsa Yde", ["to", "reason"]].tolist() == [
        "Dan Dahl",
        "Hører til flere partnerskaber med hver sin modtager (Fondsansøgning, Udstilling)",
    ]
    assert shown.loc["Zakarias Zink", "reason"] == "Hører ikke til et af partnerskaberne"

    with db.write() as session:
        applied = handover.apply_handover(session, p["cille"], p["dan"], per_partnership=chosen, today=TODAY)
    assert applied == preview and applied.event_id is not None
    with db.read() as session:
        held = {
            (r.from_person_id, r.to_person_id, r.to_organisation_id): r.strength
            for r in session.scalars(select(Relation).where(Relation.from_person_id.in_([p["dan"], p["eva"], p["bo"]])))
        }
    assert held[(p["eva"], p["ulla"], None)] == 5  # merged: the stronger strength stays
    assert (p["bo"], None, o["fonden"]) in held
    assert (p["dan"], p["yrsa"], None) in held and (p["dan"], p["zakarias"], None) in held
    after = owners(db)
    assert after["goals"]["Flere besøgende"][0] == p["eva"] and after["goals"]["Mere synlighed"][0] == p["dan"]

    with db.write() as session:
        handover.undo_handover(session, applied.event_id)
    assert relations(db) == before_relations
    assert owners(db) == before_owners
