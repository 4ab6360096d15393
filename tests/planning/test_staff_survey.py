"""The staff network survey "Hvem kender du?": links (made, hashed, expired, revoked, replaced), the
answers kept pending, the preview of what committing them does, the commit into the network, its exact
undo, a rejection that stores nothing, the duplicate rules and "svar fra X af Y medarbejdere"."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from lib.core.errors import UserFacingError
from lib.core.normalize import name_key
from lib.core.tokens import digest
from lib.db import (
    Affiliation,
    Database,
    DuplicateCandidate,
    Organisation,
    Person,
    Relation,
    StaffSurveyInvitation,
)
from lib.ingest.contact_lists import undo_import
from lib.planning import staff_survey as survey
from lib.planning import staff_survey_batch as batch
from tests.planning_builders import survey_people


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.write() as session:
        return survey_people(session)


def links_for(db: Database, **kwargs: object) -> dict[str, str]:
    """A new survey: staff name → token."""
    with db.write() as session:
        _survey_id, made = survey.start_survey(session, **kwargs)  # type: ignore[arg-type]
    return {link.name: link.url.rsplit("/", 1)[1] for link in made}


def state(db: Database) -> dict[str, object]:
    """Everything the survey's commit may touch, to compare before and after."""
    with db.read() as session:
        return {
            "people": sorted(session.execute(select(Person.id, Person.name, Person.email)).all()),
            "organisations": sorted(session.execute(select(Organisation.id, Organisation.name)).all()),
            "affiliations": sorted(session.execute(select(Affiliation.person_id, Affiliation.organisation_id)).all()),
            "relations": sorted(
                session.execute(
                    select(
                        Relation.id,
                        Relation.from_person_id,
                        Relation.to_person_id,
                        Relation.to_organisation_id,
                        Relation.strength,
                        Relation.last_contact,
                        Relation.notes,
                    )
                ).all()
            ),
            "duplicates": session.scalar(select(func.count(DuplicateCandidate.id))),
        }


def invitation_of(db: Database, token: str) -> int:
    with db.read() as session:
        found = session.scalar(select(StaffSurveyInvitation.id).where(StaffSurveyInvitation.digest == digest(token)))
    assert found is not None
    return int(found)


def answers(ids: dict[str, int]) -> dict[str, list[str]]:
    """Anna knows Carl well now (strength changes), the club, and a new person with Bo as colleague."""
    return {
        "r0_ref": [f"p{ids['carl']}"],
        "r0_keep": ["1"],
        "r0_strength": ["5"],
        "r0_month": ["2026-03"],
        "r0_role": ["Læseklub"],
        "r1_ref": [f"o{ids['club']}"],
        "r1_keep": ["1"],
        "r1_strength": ["3"],
        "r2_ref": ["new"],
        "r2_name": ["Eva Sørensen"],
        "r2_org": ["Aftenskolen Nord"],
        "r2_email": ["eva@aftenskolen.dk"],
        "r2_strength": ["4"],
        "r2_month": ["2/2026"],
        "r2_col": [str(ids["bo"])],
    }


def test_links_are_random_stored_hashed_and_die_when_expired_revoked_or_replaced(
    db: Database, ids: dict[str, int]
) -> None:
    tokens = links_for(db)
    assert set(tokens) == {"Anna Berg", "Bo Lund"}  # every staff member by default
    anna = tokens["Anna Berg"]
    with db.read() as session:
        stored = session.scalars(select(StaffSurveyInvitation.digest)).all()
        assert anna not in stored and digest(anna) in stored
        form = survey.form_for(session, anna)
        assert form is not None and form.staff_name == "Anna Berg" and form.colleagues == {ids["bo"]: "Bo Lund"}
        later = dt.datetime.now() + dt.timedelta(days=survey.VALID_DAYS + 1)
        assert survey.form_for(session, anna, now=later) is None
        assert survey.form_for(session, "A" * 43) is None and survey.form_for(session, "../x") is None
    with db.write() as session:
        new = survey.make_link(session, invitation_of(db, anna))
    replaced_by = new.url.rsplit("/", 1)[1]
    with db.write() as session:
        assert survey.form_for(session, anna) is None
        assert survey.form_for(session, replaced_by) is not None
        assert survey.revoke(session, new.invitation_id) is True
        assert survey.form_for(session, replaced_by) is None
        assert survey.submit(session, replaced_by, answers(ids)) is None


def test_the_search_gives_names_and_organisations_only_and_only_to_a_live_token(
    db: Database, ids: dict[str, int]
) -> None:
    token = links_for(db)["Anna Berg"]
    with db.read() as session:
        found = survey.search(session, token, "carl")
        assert found == [(f"p{ids['carl']}", "Carl Holm", "Foreningen Læselyst")]
        assert survey.search(session, token, "læse") == [(f"o{ids['club']}", "Foreningen Læselyst", "")]
        assert survey.search(session, token, "bo lund") == []  # staff are not searched
        assert survey.search(session, "B" * 43, "carl") is None


def test_answers_wait_pending_and_can_be_corrected_until_committed(db: Database, ids: dict[str, int]) -> None:
    token = links_for(db)["Anna Berg"]
    before = state(db)
    with db.write() as session:
        assert survey.submit(session, token, {"r0_ref": ["new"], "r0_name": [""]}) == "empty"
        assert survey.submit(session, token, answers(ids)) == "saved"
    assert state(db) == before  # nothing in the network yet
    with db.write() as session:
        form = survey.form_for(session, token)
        assert form is not None and form.submitted and len(form.entries) == 3
        assert [s.name for s in form.entries] == ["Carl Holm", "Foreningen Læselyst", "Eva Sørensen"]
        assert survey.submit(session, token, answers(ids)) == "corrected"
    assert survey.answer_count(db) == (1, 2)
    status = survey.survey_status(db)
    assert status is not None and [i.status for i in status.invited] == ["pending", None]


def test_the_preview_lists_new_people_ties_and_changed_strengths_and_the_commit_stores_them_and_undo_restores(
    db: Database, ids: dict[str, int]
) -> None:
    token = links_for(db)["Anna Berg"]
    with db.write() as session:
        survey.submit(session, token, answers(ids))
    invitation = invitation_of(db, token)
    before = state(db)
    plan = batch.preview(db, invitation)
    assert [p.name for p in plan.new_people] == ["Eva Sørensen"]
    assert list(plan.new_organisations.values()) == ["Aftenskolen Nord"]
    assert sorted((t.staff_name, t.target_name, t.strength) for t in plan.new_ties) == [
        ("Anna Berg", "Eva Sørensen", 4),
        ("Anna Berg", "Foreningen Læselyst", 3),
        ("Bo Lund", "Eva Sørensen", None),  # the colleague who also works with her
    ]
    [changed] = plan.changed_ties
    assert (changed.target_name, changed.before, changed.strength, changed.last_contact) == (
        "Carl Holm",
        {"strength": 2, "last_contact": dt.date(2025, 1, 9), "notes": None},
        5,
        dt.date(2026, 3, 1),
    )
    assert state(db) == before  # the preview stores nothing
    committed = batch.commit_submission(db, invitation)
    assert committed.batch_id is not None
    with db.read() as session:
        eva = session.scalars(select(Person).where(Person.email == "eva@aftenskolen.dk")).one()
        knows_eva = {r.from_person_id for r in session.scalars(select(Relation).where(Relation.to_person_id == eva.id))}
        assert knows_eva == {ids["anna"], ids["bo"]}
        carl_tie = session.scalars(select(Relation).where(Relation.to_person_id == ids["carl"])).one()
        assert (carl_tie.strength, carl_tie.last_contact, carl_tie.notes) == (5, dt.date(2026, 3, 1), "Læseklub")
        works = session.scalars(select(Organisation.name).join(Affiliation).where(Affiliation.person_id == eva.id))
        assert works.all() == ["Aftenskolen Nord"]
    # The network the pages draw has the ties.
    from lib.network.build import build_graph

    with db.read() as session:
        graph = build_graph(session)
    assert graph.has_edge(f"P{ids['anna']}", f"P{eva.id}")
    with db.write() as session:  # committed: no more corrections
        assert survey.submit(session, token, answers(ids)) == "closed"
    with pytest.raises(UserFacingError):
        batch.reject_submission(db, invitation)
    batch.undo_submission(db, invitation)
    assert state(db) == before
    status = survey.survey_status(db)
    assert status is not None and status.invited[0].status == "pending"


def test_a_rejection_stores_nothing(db: Database, ids: dict[str, int]) -> None:
    token = links_for(db)["Anna Berg"]
    with db.write() as session:
        survey.submit(session, token, answers(ids))
    before = state(db)
    batch.reject_submission(db, invitation_of(db, token))
    assert state(db) == before
    with pytest.raises(UserFacingError):
        batch.commit_submission(db, invitation_of(db, token))


def test_the_same_e_mail_is_the_same_person_and_a_similar_name_is_offered_for_review(
    db: Database, ids: dict[str, int]
) -> None:
    token = links_for(db)["Bo Lund"]
    fields = {
        "r0_ref": ["new"],
        "r0_name": ["Carl H."],
        "r0_email": ["CARL@laeselyst.dk"],
        "r0_strength": ["3"],
        "r1_ref": ["new"],
        "r1_name": ["Dorte Jensen"],
        "r1_strength": ["2"],
    }
    with db.write() as session:
        survey.submit(session, token, fields)
    invitation = invitation_of(db, token)
    plan = batch.preview(db, invitation)
    assert plan.same_by_email == [("Carl H.", "Carl Holm")]
    assert [p.name for p in plan.new_people] == ["Dorte Jensen"]
    assert [(d.new_name, d.existing_name) for d in plan.duplicates] == [("Dorte Jensen", "Dorthe Jensen")]
    batch.commit_submission(db, invitation)
    with db.read() as session:
        assert session.scalar(select(func.count(Person.id)).where(Person.name_key == name_key("Carl H."))) == 0
        assert session.scalars(select(Relation.to_person_id).where(Relation.from_person_id == ids["bo"])).all()
        pair = session.scalars(select(DuplicateCandidate)).one()
        assert pair.person_a_id == ids["dorte"] and pair.status == "open"  # offered, not merged
        assert session.get(Person, ids["dorte"]) is not None


def test_the_import_page_s_undo_restores_a_committed_submission_too(db: Database, ids: dict[str, int]) -> None:
    token = links_for(db)["Anna Berg"]
    with db.write() as session:
        survey.submit(session, token, answers(ids))
    before = state(db)
    plan = batch.commit_submission(db, invitation_of(db, token))
    assert plan.batch_id is not None
    undo_import(db, plan.batch_id)
    assert state(db) == before
    status = survey.survey_status(db)  # the answers wait for review again
    assert status is not None and status.invited[0].status == "pending"
    plan = batch.commit_submission(db, invitation_of(db, token))
    assert len(plan.new_people) == 1 and state(db) != before


def test_the_count_is_answered_of_invited_of_the_newest_survey(db: Database, ids: dict[str, int]) -> None:
    assert survey.answer_count(db) is None
    tokens = links_for(db, staff_ids=[ids["anna"]])
    assert survey.answer_count(db) == (0, 1)
    with db.write() as session:
        survey.submit(session, tokens["Anna Berg"], answers(ids))
    assert survey.answer_count(db) == (1, 1)
    links_for(db)
    assert survey.answer_count(db) == (0, 2)


def test_an_answer_does_not_bring_back_someone_erased_on_request(db: Database, ids: dict[str, int]) -> None:
    from lib.privacy import personal_data as pdata

    with db.write() as session:
        pdata.erase_person(session, ids["carl"], actor="admin@bib.dk")
    token = links_for(db)["Anna Berg"]
    with db.write() as session:
        survey.submit(session, token, {"r0_ref": ["new"], "r0_name": ["Carl Holm"], "r0_email": ["carl@laeselyst.dk"]})
    plan = batch.preview(db, invitation_of(db, token))
    assert plan.new_people == [] and plan.ties == [] and plan.left_out == ["Carl Holm"]
