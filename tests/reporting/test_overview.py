"""The start page's content on a small hand-built workspace with dated history: exact key figures now
and twelve months earlier, the alerts, and the latest evaluations."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lib.db import (
    Affiliation,
    Agreement,
    Database,
    EvaluationResponse,
    EvaluationRound,
    Goal,
    GoalMeasurement,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    set_setting,
)
from lib.reporting import overview as ov

TODAY = dt.date(2026, 6, 15)
EARLIER = dt.date(2025, 6, 15)
HALF_AGREEMENT = {
    "parties": "A og B",
    "purpose": "Læsning",
    "target_group": "Børn",
    "roles": "Klare",
    "contact_persons": "Anna",
    "communication": "Møder",
}


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _round(session, partnership: Partnership, held_on: dt.date, *answers: tuple[str, dict[str, int]]) -> None:
    record = EvaluationRound(partnership_id=partnership.id, held_on=held_on, title=f"Runde {held_on.year}")
    session.add(record)
    session.flush()
    session.add_all(
        EvaluationResponse(round_id=record.id, respondent_side=side, answers=scores) for side, scores in answers
    )


@pytest.fixture
def dated(db: Database) -> Database:
    """Two staff, four contacts, six organisations, seven partnerships, four goals and evaluation
    rounds, dated so that today (2026-06-15) and a year earlier differ in every figure.

    Active now: A, B, C, G; a year ago: A, D (ended since), G. Written agreements: A and B now; A and D
    then (B's agreement was signed later). E ended on an unknown day, F is an idea.
    """
    with db.write() as s:
        anna = Person(name="Anna Holm", name_key="anna holm", is_staff=True)
        bo = Person(name="Bo Lund", name_key="bo lund", is_staff=True)
        p1, p2, p3, p4 = (Person(name=n, name_key=n.lower()) for n in ("Per", "Pia", "Poul", "Pernille"))
        o1, o2, o3, o4, o5, o6 = (
            Organisation(name=n, name_key=n.lower())
            for n in ("Skolen", "Museet", "Foreningen", "Avisen", "Klubben", "Kirken")
        )
        s.add_all([anna, bo, p1, p2, p3, p4, o1, o2, o3, o4, o5, o6])
        s.flush()
        a = Partnership(
            title="A",
            owner_id=anna.id,
            stage="managing_maintaining",
            formalisation="written",
            start_date=dt.date(2024, 1, 1),
        )
        b = Partnership(
            title="B",
            owner_id=bo.id,
            stage="reviewing_revising",
            formalisation="contract",
            start_date=dt.date(2025, 9, 1),
            end_date=days(30),
        )
        c = Partnership(title="C", owner_id=bo.id, stage="scoping_building")
        d = Partnership(
            title="D",
            owner_id=anna.id,
            stage="managing_maintaining",
            formalisation="written",
            start_date=dt.date(2023, 1, 1),
            closed=True,
            ended_on=dt.date(2025, 12, 1),
        )
        e = Partnership(
            title="E", owner_id=anna.id, stage="managing_maintaining", start_date=dt.date(2020, 1, 1), closed=True
        )
        f = Partnership(title="F", owner_id=anna.id, stage="idea", start_date=dt.date(2020, 1, 1))
        g = Partnership(
            title="G",
            owner_id=anna.id,
            stage="managing_maintaining",
            formalisation="oral",
            start_date=dt.date(2024, 5, 1),
        )
        s.add_all([a, b, c, d, e, f, g])
        s.flush()
        s.add_all(
            [
                PartnershipOrganisation(partnership_id=p.id, organisation_id=o.id)
                for p, o in ((a, o1), (b, o3), (c, o5), (d, o2), (g, o6))
            ]
        )
        s.add_all(
            [
                Agreement(partnership_id=a.id, signed_on=dt.date(2024, 2, 1), review_date=days(-10), **HALF_AGREEMENT),
                Agreement(partnership_id=b.id, signed_on=dt.date(2025, 9, 1), **HALF_AGREEMENT),
                Agreement(partnership_id=d.id, signed_on=dt.date(2023, 2, 1), **HALF_AGREEMENT),
            ]
        )
        s.add(Affiliation(person_id=p1.id, organisation_id=o2.id, start_date=dt.date(2023, 1, 1)))
        s.add_all(
            [
                Relation(
                    from_person_id=anna.id,
                    to_organisation_id=o1.id,
                    strength=4,
                    first_contact=dt.date(2024, 1, 1),
                    last_contact=dt.date(2024, 2, 1),
                ),  # cold, key tie
                Relation(
                    from_person_id=bo.id,
                    to_person_id=p2.id,
                    strength=2,
                    first_contact=dt.date(2025, 1, 1),
                    last_contact=dt.date(2025, 1, 2),
                ),  # cold
                Relation(
                    from_person_id=anna.id,
                    to_organisation_id=o3.id,
                    strength=3,
                    first_contact=dt.date(2026, 1, 1),
                    last_contact=dt.date(2026, 5, 1),
                ),
                Relation(
                    from_person_id=anna.id, to_organisation_id=o5.id, strength=3, first_contact=dt.date(2026, 3, 1)
                ),
                Relation(from_person_id=bo.id, to_organisation_id=o5.id, strength=3, first_contact=dt.date(2026, 4, 1)),
                Relation(
                    from_person_id=bo.id,
                    to_organisation_id=o6.id,
                    strength=5,
                    first_contact=dt.date(2024, 6, 1),
                    last_contact=dt.date(2026, 6, 1),
                ),
                Relation(from_person_id=anna.id, to_person_id=p3.id, strength=3, last_contact=dt.date(2026, 2, 1)),
            ]
        )
        goals = [
            Goal(
                title=f"G{i}",
                baseline=0,
                target=300,
                baseline_date=dt.date(2024, 6, 15),
                target_date=dt.date(2027, 6, 15),
            )
            for i in range(1, 5)
        ]
        s.add_all(goals)
        s.flush()
        s.add_all(
            GoalMeasurement(goal_id=goals[i].id, measured_on=on, value=value)
            for i, on, value in (
                (0, dt.date(2025, 6, 1), 100),
                (0, dt.date(2026, 6, 1), 100),  # on track then, off track now
                (1, dt.date(2026, 6, 1), 200),  # on track now, no data then
                (2, dt.date(2025, 6, 10), 50),
                (2, dt.date(2026, 6, 10), 190),  # at risk then, on track now
                (3, dt.date(2026, 6, 1), 150),  # at risk now
            )
        )
        _round(s, a, dt.date(2025, 3, 1), ("library", {"sam1": 4, "frem1": 4}))
        _round(s, a, dt.date(2026, 3, 1), ("library", {"sam1": 3, "frem1": 3}), ("partner", {"res1": 4}))
        _round(s, d, dt.date(2025, 5, 1), ("library", {"sam1": 2, "frem1": 2}))
        _round(s, g, dt.date(2024, 1, 1), ("partner", {"sam1": 5}))
        _round(s, g, days(16), ("library", {"sam1": 1}))  # planned after today: not counted yet
    return db


def test_key_figures_now_and_a_year_earlier(dated: Database) -> None:
    with dated.read() as s:
        figures = ov.key_figures(s, TODAY)
    assert [f.code for f in figures] == list(ov.FIGURE_CODES)
    found = {f.code: (f.value, f.previous, f.delta) for f in figures}
    assert found["active_partnerships"] == (4, 3, 1)
    assert found["written_agreements"] == (2, 2, 0)
    assert found["goals_on_track"] == (2, 1, 1)
    assert found["organisations"] == (6, 3, 3)
    assert found["contacts"] == (4, 2, 2)
    score, previous, delta = found["evaluation_score"]
    assert score == pytest.approx((10 / 3 + 5) / 2)
    assert previous == pytest.approx((4 + 2 + 5) / 3)
    assert delta == pytest.approx(0.5)
    assert {f.code: f.page for f in figures} == {
        "active_partnerships": "pages/partnerships.py",
        "written_agreements": "pages/partnerships.py",
        "goals_on_track": "pages/goals.py",
        "evaluation_score": "pages/evaluations.py",
        "organisations": "pages/contacts.py",
        "contacts": "pages/contacts.py",
    }


def test_the_comparison_is_twelve_calendar_months_back() -> None:
    assert ov.comparison_date(TODAY) == EARLIER
    assert ov.comparison_date(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)


def test_an_empty_workspace_has_zero_figures_and_no_evaluation_score(db: Database) -> None:
    with db.read() as s:
        figures = ov.key_figures(s, TODAY)
        assert ov.alerts(s, TODAY) == []
        assert ov.latest_evaluations(s, TODAY).empty
    found = {f.code: (f.value, f.previous, f.delta) for f in figures}
    assert found["evaluation_score"] == (None, None, None)
    assert all(found[code] == (0, 0, 0) for code in ov.FIGURE_CODES if code != "evaluation_score")


def test_alerts_are_reviews_endings_goals_single_people_and_cold_ties_serious_first(dated: Database) -> None:
    with dated.read() as s:
        found = ov.alerts(s, TODAY)
    assert [(a.kind, a.severity, a.page) for a in found] == [
        ("review_overdue", "high", "pages/partnerships.py"),
        ("goal_off_track", "high", "pages/goals.py"),
        ("ending_soon", "medium", "pages/partnerships.py"),
        ("goal_at_risk", "medium", "pages/goals.py"),
        ("single_person", "medium", "pages/partnerships.py"),
        ("cold_ties", "medium", "pages/network.py"),
    ]
    assert [a.message("da") for a in found] == [
        "»A«: aftalen skulle have været fulgt op 05-06-2026 (10 dage siden).",
        "Målet »G1« er ikke på rette spor.",
        "»B«: partnerskabet slutter 15-07-2026 (om 30 dage). Skal det forlænges eller afsluttes?",
        "Målet »G4« er i fare.",
        "»A« hænger på én person: Anna Holm.",
        "2 relationer har ikke haft kontakt i 12 måneder eller mere (1 af dem nøglerelationer).",
    ]
    assert found[-1].message("en") == "2 ties have had no contact for 12 months or more (1 of them key ties)."


def test_latest_evaluations_are_each_partnerships_latest_round_newest_first(dated: Database) -> None:
    with dated.read() as s:
        latest = ov.latest_evaluations(s, TODAY)
        two = ov.latest_evaluations(s, TODAY, limit=2)
    assert list(latest.columns) == ov.EVALUATION_COLUMNS
    assert latest["partnership"].tolist() == ["A", "D", "G"]
    assert latest["held_on"].tolist() == [dt.date(2026, 3, 1), dt.date(2025, 5, 1), dt.date(2024, 1, 1)]
    first = latest.iloc[0]
    assert (first["samarbejde"], first["fremdrift"], first["resultater"]) == (3.0, 3.0, 4.0)
    assert first["overall"] == pytest.approx(10 / 3)
    assert pd.isna(latest.iloc[2]["fremdrift"]) and latest.iloc[2]["overall"] == 5.0
    assert two["partnership"].tolist() == ["A", "D"]


def test_the_overview_reads_everything_for_the_start_page(dated: Database) -> None:
    with dated.read() as s:
        data = ov.overview(s, TODAY)
        figures = ov.key_figures(s, TODAY)
    assert data.compared_with == EARLIER
    assert data.figures == figures
    assert len(data.alerts) == 6
    assert data.radar["heading"].tolist()[0] == "professionalise"
    # A and B have a signed agreement: 2 of 4 active.
    assert data.evidence["professionalise"].explanation("da") == "2 af 4 aktive partnerskaber har en skriftlig aftale"
    assert data.radar["evidence_score"][0] == pytest.approx(3.0)
    assert data.counts["staff"] == 2


def test_the_start_page_shows_the_set_up_until_someone_is_stored(db: Database) -> None:
    empty = ov.start_page(db, TODAY)
    assert (empty.library_name, empty.is_demo, empty.overview) == (None, False, None)
    with db.write() as session:
        set_setting(session, "library_name", "Odder Bibliotek")
        set_setting(session, "demo", "1")
        session.add(Organisation(name="Læseforeningen", name_key="læseforeningen"))
    shown = ov.start_page(db, TODAY)
    assert (shown.library_name, shown.is_demo) == ("Odder Bibliotek", True)
    assert shown.overview is not None and shown.overview.counts["organisations"] == 1
