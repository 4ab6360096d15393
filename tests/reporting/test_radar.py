"""The checklist radar on a small hand-built workspace: exact evidence per heading for a fixed today,
the self-assessment's rules, the frames and the figures."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import func, select

from lib.core.dates import months_before
from lib.core.errors import ValidationFailed
from lib.db import (
    Agreement,
    Assessment,
    ChecklistAssessment,
    CompetenceAssessment,
    Database,
    EvaluationRound,
    Event,
    Goal,
    GoalMeasurement,
    Organisation,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
    Person,
    Relation,
    StrengthOffer,
)
from lib.reporting import checklist as radar

TODAY = dt.date(2026, 6, 15)


def days(n: int) -> dt.date:
    """``n`` days from TODAY (negative: before)."""
    return TODAY + dt.timedelta(days=n)


#: Six of the fifteen agreement fields and the day it was signed: a written agreement (how much of it
#: is filled in does not count).
HALF_AGREEMENT = {
    "parties": "A og B",
    "purpose": "Læsning",
    "target_group": "Børn",
    "roles": "Klare",
    "contact_persons": "Anna",
    "communication": "Møder",
    "signed_on": days(-100),
}


def _person(session, name: str, staff: bool) -> Person:
    person = Person(name=name, name_key=name.lower(), is_staff=staff)
    session.add(person)
    return person


def _org(session, name: str) -> Organisation:
    org = Organisation(name=name, name_key=name.lower())
    session.add(org)
    return org


def _tie(session, source, target, strength, first=None, last=None) -> None:
    ends = {}
    for side, end in (("from", source), ("to", target)):
        key = "person_id" if isinstance(end, Person) else "organisation_id"
        ends[f"{side}_{key}"] = end.id
    session.add(Relation(kind="knows", strength=strength, first_contact=first, last_contact=last, **ends))


@pytest.fixture
def small(db: Database) -> Database:
    """Three staff, three contacts, four organisations, five partnerships (three active), three goals,
    eight ties, competence assessments and four strength offers, with dates around TODAY."""
    with db.write() as s:
        anna, bo, cai = (_person(s, name, True) for name in ("Anna", "Bo", "Cai"))
        c1, c2, c3 = (_person(s, name, False) for name in ("Dorte", "Erik", "Frida"))
        o1, o2, o3, o4 = (_org(s, name) for name in ("Skolen", "Museet", "Foreningen", "Avisen"))
        s.flush()
        # Active: P1 (written agreement, a goal, evaluated 3 months ago), P2 (a "contract" mark on an
        # agreement nobody signed, no goal, its organisation assessed, evaluated 13 months ago), P3 (a goal,
        # evaluated exactly 12 months ago). Not active: P4 an idea, P5 ended.
        p1 = Partnership(title="P1", owner_id=anna.id, stage="managing_maintaining", formalisation="written")
        p2 = Partnership(title="P2", owner_id=bo.id, stage="reviewing_revising", formalisation="contract")
        p3 = Partnership(title="P3", owner_id=cai.id, stage="scoping_building", formalisation="oral")
        p4 = Partnership(title="P4", owner_id=anna.id, stage="idea", formalisation="written")
        p5 = Partnership(
            title="P5",
            owner_id=anna.id,
            stage="managing_maintaining",
            closed=True,
            ended_on=days(-10),
            formalisation="written",
        )
        s.add_all([p1, p2, p3, p4, p5])
        s.flush()
        s.add_all(
            [
                Agreement(partnership_id=p1.id, **HALF_AGREEMENT),
                Agreement(partnership_id=p2.id, parties="B og Museet", purpose="Udstillinger"),
                Agreement(partnership_id=p4.id, **HALF_AGREEMENT),
                Agreement(partnership_id=p5.id, **HALF_AGREEMENT),
            ]
        )
        s.add_all(
            [
                PartnershipOrganisation(partnership_id=p.id, organisation_id=o.id)
                for p, o in ((p1, o1), (p2, o2), (p3, o3), (p4, o1), (p5, o4))
            ]
        )
        g1 = Goal(title="G1", baseline=0, target=100, baseline_date=days(-365), target_date=days(365))
        g2 = Goal(title="G2", baseline=0, target=100, baseline_date=days(-365), target_date=days(365))
        g3 = Goal(title="G3", baseline=0, target=100, baseline_date=days(-365), target_date=days(365))
        s.add_all([g1, g2, g3])
        s.flush()
        s.add_all(
            [
                GoalMeasurement(goal_id=g1.id, measured_on=days(-1), value=50),  # on track
                GoalMeasurement(goal_id=g2.id, measured_on=days(-1), value=0),
            ]
        )  # off track; G3 unmeasured
        s.add_all(
            [PartnershipGoal(partnership_id=p.id, goal_id=g.id) for p, g in ((p1, g1), (p3, g2), (p4, g1), (p5, g1))]
        )
        s.add_all(
            [
                Assessment(organisation_id=o2.id, assessed_on=days(-100), scores={}),
                Assessment(organisation_id=o1.id, assessed_on=days(5), scores={}),
            ]
        )  # after today
        s.add_all(
            [
                EvaluationRound(partnership_id=p1.id, held_on=days(-90)),
                EvaluationRound(partnership_id=p2.id, held_on=months_before(TODAY, 13)),
                EvaluationRound(partnership_id=p3.id, held_on=months_before(TODAY, 12)),
                EvaluationRound(partnership_id=p5.id, held_on=days(-20)),
            ]
        )
        # Key ties: R1, R2, R3, R7, R8; tended within six months: R1, R2 (first contact), R8 (on the day).
        _tie(s, anna, c1, 5, last=days(-30))  # R1
        _tie(s, anna, o3, 4, first=days(-60))  # R2
        _tie(s, c2, bo, 4, first=days(-400), last=months_before(TODAY, 7))  # R3
        _tie(s, bo, c3, 3, last=days(-5))  # R4: not strong enough
        _tie(s, anna, bo, 5, last=days(-5))  # R5: staff to staff
        _tie(s, c1, o1, 5, last=days(-5))  # R6: no staff at either end
        _tie(s, cai, c1, 4)  # R7: no date
        _tie(s, cai, o4, 5, last=months_before(TODAY, 6))  # R8
        _tie(s, bo, o1, 2, last=days(-300))  # a second colleague tied to P1's organisation
        s.add_all(
            [
                CompetenceAssessment(person_id=anna.id, assessed_on=days(-200), scores={"a": 3}),
                CompetenceAssessment(person_id=bo.id, assessed_on=days(-20), scores={"a": 4}),
                CompetenceAssessment(person_id=bo.id, assessed_on=days(-10), scores={"a": 4}),
                CompetenceAssessment(person_id=cai.id, assessed_on=days(3), scores={"a": 2}),
            ]
        )
        s.add_all(
            [
                StrengthOffer(category="rooms", title="Mødelokaler", updated_on=days(-30)),
                StrengthOffer(category="digital", title="Makerspace", updated_on=months_before(TODAY, 12)),
                StrengthOffer(category="expertise", title="Læsevejledning", updated_on=days(-400)),
                StrengthOffer(category="network", title="Foreninger", updated_on=days(10)),
            ]
        )
    return db


def test_every_heading_has_its_exact_evidence(small: Database) -> None:
    with small.read() as s:
        found = radar.evidence(s, TODAY)
    assert list(found) == list(radar.HEADINGS)
    counts = {h: (e.numerator, e.denominator) for h, e in found.items()}
    assert counts == {
        "professionalise": (1, 3),
        "be_strategic": (2, 3),
        "nurture_network": (3, 5),
        "prepare_organisation": (4, 6),
        "focus_library": (1, 3),
        "choose_partners": (1, 3),
        "show_who_you_are": (2, 4),
        "support_partnership": (2, 3),
    }
    shares = {h: e.share for h, e in found.items()}
    assert shares == pytest.approx(
        {
            "professionalise": 1 / 3,
            "be_strategic": 2 / 3,
            "nurture_network": 0.6,
            "prepare_organisation": 2 / 3,
            "focus_library": 1 / 3,
            "choose_partners": 1 / 3,
            "show_who_you_are": 0.5,
            "support_partnership": 2 / 3,
        }
    )
    assert found["nurture_network"].score == pytest.approx(3.4)
    assert found["show_who_you_are"].score == pytest.approx(3.0)
    assert found["professionalise"].score == pytest.approx(1 + 4 / 3)


def test_prepare_organisation_is_the_mean_of_its_two_shares(small: Database) -> None:
    with small.write() as s:
        s.add(Person(name="Gitte", name_key="gitte", is_staff=True))  # a fourth colleague, not assessed
    with small.read() as s:
        prepared = radar.evidence(s, TODAY)["prepare_organisation"]
    assert prepared.parts == (("prepare_organisation.staff", 2, 4), ("prepare_organisation.partnerships", 2, 3))
    assert prepared.share == pytest.approx((2 / 4 + 2 / 3) / 2)
    assert (prepared.numerator, prepared.denominator) == (4, 7)
    assert prepared.explanation("da") == (
        "2 af 4 medarbejdere har vurderet deres kompetencer; 2 af 3 aktive partnerskaber hænger ikke på én person"
    )


def test_explanations_read_as_sentences_in_both_languages(small: Database) -> None:
    with small.read() as s:
        found = radar.evidence(s, TODAY)
    assert found["professionalise"].explanation("da") == "1 af 3 aktive partnerskaber har en skriftlig aftale"
    assert found["professionalise"].explanation("en") == "1 of 3 active partnerships have a written agreement"
    assert found["nurture_network"].explanation("da") == (
        "3 af 5 nøglerelationer (styrke 4-5) har haft kontakt inden for seks måneder"
    )
    assert found["focus_library"].explanation("en") == "1 of 3 goals are on track"


def test_an_empty_workspace_has_no_evidence_and_says_why(db: Database) -> None:
    with db.read() as s:
        found = radar.evidence(s, TODAY)
    assert all(e.share is None and e.score is None and e.denominator == 0 for e in found.values())
    assert found["show_who_you_are"].explanation("da") == "Styrkeprofilen er tom: ingen tilbud beskrevet endnu"
    assert found["professionalise"].explanation("en") == "No active partnerships to measure yet"
    frame = None
    with db.read() as s:
        frame = radar.radar_frame(s, TODAY)
    assert frame["heading"].tolist() == list(radar.HEADINGS)
    assert frame["self_score"].isna().all() and frame["evidence_score"].isna().all()
    assert frame.attrs["assessed_on"] is None


def test_heading_labels_are_the_checklists_names() -> None:
    assert [radar.heading_label(h) for h in radar.HEADINGS] == [
        "Professionalisér!",
        "Vær strategisk!",
        "Plej netværket!",
        "Forbered organisationen!",
        "Fokusér biblioteket!",
        "Vælg partnere med omhu!",
        "Vis, hvem du er!",
        "Understøt partnerskabet!",
    ]
    assert radar.heading_label("choose_partners", "en") == "Choose partners with care!"


# --- self-assessments ------------------------------------------------------------------------------


def _count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(ChecklistAssessment.id)))


def test_a_self_assessment_is_stored_with_its_scores_and_notes(small: Database) -> None:
    with small.read() as s:
        anna = s.scalar(select(Person.id).where(Person.name == "Anna"))
    with small.write() as s:
        new_id = radar.save_self_assessment(
            s,
            days(-3),
            {"professionalise": 4, "be_strategic": None, "support_partnership": 2},
            {"professionalise": "  Aftaler er på plads.  ", "be_strategic": "   ", "support_partnership": None},
            assessor_id=anna,
            actor="anna@bib.dk",
            today=TODAY,
        )
    with small.read() as s:
        record = s.get(ChecklistAssessment, new_id)
        event = s.scalar(select(Event).where(Event.action == "checklist_assessment_created"))
    assert record.assessed_on == days(-3) and record.assessor_id == anna
    assert record.scores == {"professionalise": 4, "support_partnership": 2}
    assert record.notes == {"professionalise": "Aftaler er på plads."}
    assert event.actor == "anna@bib.dk" and event.entity_id == new_id


@pytest.mark.parametrize(
    ("day", "scores", "notes", "key"),
    [
        (days(-1), {"professionalise": None, "be_strategic": None}, {}, "radar.no_score"),
        (days(-1), {}, {"professionalise": "kun en note"}, "radar.no_score"),
        (days(-1), {"professionalise": 6}, {}, "radar.score_range"),
        (days(-1), {"professionalise": 0}, {}, "radar.score_range"),
        (days(-1), {"professionalise": 2.5}, {}, "radar.score_range"),
        (days(-1), {"professionalise": True}, {}, "radar.score_range"),
        (days(-1), {"professionalise": "4"}, {}, "radar.score_range"),
        (days(1), {"professionalise": 3}, {}, "radar.date_future"),
        (None, {"professionalise": 3}, {}, "radar.date_required"),
        (days(-1), {"professionalise": 3}, {"professionalise": "x" * 2001}, "radar.note_too_long"),
    ],
)
@pytest.mark.slow
def test_invalid_self_assessments_are_refused_and_nothing_is_stored(small: Database, day, scores, notes, key) -> None:
    with pytest.raises(ValidationFailed) as caught, small.write() as s:
        radar.save_self_assessment(s, day, scores, notes, today=TODAY)
    assert caught.value.key == key
    assert _count(small) == 0


def test_a_second_assessment_on_the_same_date_is_refused(small: Database) -> None:
    with small.write() as s:
        radar.save_self_assessment(s, days(-1), {"professionalise": 3}, {}, today=TODAY)
    with pytest.raises(ValidationFailed) as caught, small.write() as s:
        radar.save_self_assessment(s, days(-1), {"professionalise": 4}, {}, today=TODAY)
    assert caught.value.key == "radar.date_taken"
    assert "Slet den under »Udvikling«" in caught.value.message("da")
    assert _count(small) == 1


def test_the_assessor_must_be_staff(small: Database) -> None:
    with small.read() as s:
        contact = s.scalar(select(Person.id).where(Person.name == "Dorte"))
    with pytest.raises(ValidationFailed) as caught, small.write() as s:
        radar.save_self_assessment(s, days(-1), {"professionalise": 3}, {}, assessor_id=contact, today=TODAY)
    assert caught.value.key == "editing.not_staff"
    assert _count(small) == 0


def test_assessments_are_listed_oldest_first_and_the_latest_is_found_by_date(small: Database) -> None:
    with small.write() as s:
        for offset, score in ((-30, 3), (-300, 1), (-100, 2)):
            radar.save_self_assessment(s, days(offset), {"focus_library": score}, {}, today=TODAY)
    with small.read() as s:
        assert [a.assessed_on for a in radar.self_assessments(s)] == [days(-300), days(-100), days(-30)]
        assert radar.latest_self_assessment(s).assessed_on == days(-30)
        assert radar.latest_self_assessment(s, on=days(-31)).assessed_on == days(-100)
        assert radar.latest_self_assessment(s, on=days(-301)) is None


def test_deleting_an_assessment_removes_it_and_is_logged(small: Database) -> None:
    with small.write() as s:
        keep = radar.save_self_assessment(s, days(-30), {"focus_library": 3}, {}, today=TODAY)
        gone = radar.save_self_assessment(s, days(-3), {"focus_library": 4}, {}, today=TODAY)
    with small.write() as s:
        radar.delete_self_assessment(s, gone, actor="lead")
    with small.read() as s:
        assert [a.id for a in radar.self_assessments(s)] == [keep]
        event = s.scalar(select(Event).where(Event.action == "checklist_assessment_deleted"))
    assert event.details["scores"] == {"focus_library": 4} and event.actor == "lead"
    with pytest.raises(ValidationFailed) as caught, small.write() as s:
        radar.delete_self_assessment(s, gone)
    assert caught.value.key == "radar.no_such_assessment"


# --- frames and figures ----------------------------------------------------------------------------


def _assess_twice(db: Database) -> None:
    with db.write() as s:
        radar.save_self_assessment(s, days(-400), {"professionalise": 2, "nurture_network": 1}, {}, today=TODAY)
        radar.save_self_assessment(
            s,
            days(-10),
            {h: score for h, score in zip(radar.HEADINGS, (4, 3, 2, None, 5, 3, 2, 4), strict=True)},
            {"focus_library": "Ny strategi vedtaget"},
            today=TODAY,
        )


def test_the_radar_frame_sets_the_latest_self_assessment_against_the_evidence(small: Database) -> None:
    _assess_twice(small)
    with small.write() as s:  # dated after the radar's today: not yet part of it
        radar.save_self_assessment(s, days(5), {"professionalise": 1}, {}, today=days(5))
    with small.read() as s:
        frame = radar.radar_frame(s, TODAY)
    assert list(frame.columns) == radar.FRAME_COLUMNS
    assert frame["heading"].tolist() == list(radar.HEADINGS)
    assert frame["self_score"].tolist()[:3] == [4.0, 3.0, 2.0] and pd.isna(frame["self_score"][3])
    assert frame["self_score"].tolist()[4:] == [5.0, 3.0, 2.0, 4.0]
    assert frame["evidence_share"].tolist() == pytest.approx([1 / 3, 2 / 3, 0.6, 2 / 3, 1 / 3, 1 / 3, 0.5, 2 / 3])
    assert frame["evidence_score"][2] == pytest.approx(3.4)
    assert frame.loc[frame["heading"] == "focus_library", "note"].item() == "Ny strategi vedtaget"
    assert sum(note is None for note in frame["note"]) == 7
    assert frame.attrs["assessed_on"] == days(-10)


def test_the_history_has_one_row_per_scored_heading_and_date(small: Database) -> None:
    _assess_twice(small)
    with small.read() as s:
        history = radar.radar_history(s)
    assert list(history.columns) == radar.HISTORY_COLUMNS
    assert len(history) == 2 + 7
    assert history.iloc[:2].to_dict("records") == [
        {"assessed_on": days(-400), "heading": "professionalise", "score": 2},
        {"assessed_on": days(-400), "heading": "nurture_network", "score": 1},
    ]
    assert history["assessed_on"].nunique() == 2


def test_the_radar_figure_draws_two_closed_polygons_on_a_one_to_five_axis(small: Database) -> None:
    _assess_twice(small)
    with small.read() as s:
        frame = radar.radar_frame(s, TODAY)
    fig = radar.radar_figure(frame, "da")
    own, data = fig.data
    assert (own.meta, data.meta) == (radar.SELF_TRACE, radar.EVIDENCE_TRACE)
    assert own.type == data.type == "scatterpolar"
    assert list(own.r) == [4.0, 3.0, 2.0, None, 5.0, 3.0, 2.0, 4.0, 4.0]
    shares = (1 / 3, 2 / 3, 0.6, 2 / 3, 1 / 3, 1 / 3, 0.5, 2 / 3, 1 / 3)
    assert list(data.r) == pytest.approx([1 + 4 * x for x in shares])
    assert list(own.theta)[0] == list(own.theta)[-1] == "Professionalisér!"
    assert len(own.theta) == 9
    assert own.name == f"Selvvurdering {days(-10).strftime('%d-%m-%Y')}"
    assert list(fig.layout.polar.radialaxis.range) == [1, 5]
    assert fig.layout.separators == ",."
    english = radar.radar_figure(frame, "en")
    assert english.data[1].name == "Evidence from the data"
    assert list(english.data[0].theta)[4] == "Focus the library!"


def test_the_history_figure_has_a_line_per_scored_heading(small: Database) -> None:
    _assess_twice(small)
    with small.read() as s:
        fig = radar.history_figure(radar.radar_history(s), "da")
    assert [trace.meta for trace in fig.data] == [h for h in radar.HEADINGS if h != "prepare_organisation"]
    professionalise = fig.data[0]
    assert list(professionalise.y) == [2, 4]
    assert professionalise.name == "Professionalisér!"


def test_the_radar_sentence_with_data_on_one_heading_names_it_once() -> None:
    # A new workspace: one heading has data, the rest none (the walk found "højest på X (1), lavest på X (1)").
    from lib.core.chart_text import figure_summary

    scores = [1.0 if code == "prepare_organisation" else None for code in radar.HEADINGS]
    frame = pd.DataFrame(
        {
            "heading": list(radar.HEADINGS),
            "self_score": [None] * len(radar.HEADINGS),
            "evidence_score": scores,
            "evidence_share": [None if s is None else 0.1 for s in scores],
        }
    )
    summary = figure_summary(radar.radar_figure(frame, "da"), "da")
    assert summary == "Data fra arbejdsområdet: kun data for Forbered organisationen! (1)."
