"""The staff survey's answers name people: the named person's export shows who named them and how, the
staff member's export holds their own answers, and erasing a named person takes them out of the answers."""

from __future__ import annotations

from sqlalchemy import select

from lib.db import Database, StaffSurveyInvitation
from lib.planning import staff_survey as survey
from lib.privacy import personal_data as pdata
from tests.planning_builders import survey_people


def answered(db: Database) -> dict[str, int]:
    with db.write() as session:
        ids = survey_people(session)
        _id, made = survey.start_survey(session, [ids["anna"]])
        token = made[0].url.rsplit("/", 1)[1]
        fields = {
            "r0_ref": [f"p{ids['carl']}"],
            "r0_keep": ["1"],
            "r0_strength": ["4"],
            "r0_role": ["Læseklub"],
            "r1_ref": ["new"],
            "r1_name": ["Eva Sørensen"],
            "r1_email": ["eva@aftenskolen.dk"],
        }
        assert survey.submit(session, token, fields) == "saved"
    return ids


def test_the_export_of_a_named_person_and_of_the_staff_member_hold_the_answers(db: Database) -> None:
    ids = answered(db)
    with db.write() as session:
        carl = pdata.person_export(session, ids["carl"], actor="admin@bib.dk")["staff_survey"]
        anna = pdata.person_export(session, ids["anna"], actor="admin@bib.dk")["staff_survey"]
    assert [(row["named_by"], [e["role"] for e in row["answers"]]) for row in carl] == [("Anna Berg", ["Læseklub"])]
    assert [len(row["answers"]) for row in anna] == [2] and anna[0]["status"] == "pending"
    with db.write() as session:
        data = pdata.person_export(session, ids["carl"], actor="admin@bib.dk")
    sheet = pdata.readable_frames(data, "da")["Netværksrundspørge"]
    assert sheet["Nævnt af"].tolist() == ["Anna Berg"]


def test_erasing_a_named_person_takes_them_out_of_the_answers(db: Database) -> None:
    ids = answered(db)
    with db.write() as session:
        report = pdata.erase_person(session, ids["carl"], actor="admin@bib.dk")
    assert report.survey_answers == 1
    with db.read() as session:
        (answers,) = session.scalars(select(StaffSurveyInvitation.answers)).all()
    assert [e["name"] for e in answers or []] == ["Eva Sørensen"]
