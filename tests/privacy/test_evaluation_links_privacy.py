"""Respondents' e-mails and answers given by link are personal data: in the person's export, gone with
their erasure, and counted as use for the retention list."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from lib.db import Database, EvaluationRespondent, EvaluationResponse
from lib.planning import evaluation_links as links
from lib.planning import evaluations as ev
from lib.privacy import personal_data as pdata
from lib.privacy import retention
from tests.planning_builders import link_round


def answered_by_carl(db: Database) -> dict[str, int]:
    with db.write() as session:
        ids = link_round(session)
        token = links.link_for(session, ids["round"], person_id=ids["carl"]).token
        links.link_for(session, ids["round"], person_id=ids["anna"])
    assert links.save_answer(db, token, {"sam1": "2", "res1": "3"}, "Vi ses for sjældent") == "saved"
    return ids


def test_the_export_holds_the_link_the_e_mail_and_the_answer(db: Database) -> None:
    ids = answered_by_carl(db)
    with db.write() as session:
        data = pdata.person_export(session, ids["carl"], actor="admin@bib.dk")
    (row,) = data["evaluation_links"]
    assert (row["partnership"], row["side"], row["email"]) == ("Læseklub for unge", "partner", "carl@laeselyst.dk")
    assert row["round"] == "2026-03-01 · Forår"
    assert (row["answers"], row["reflections"]) == ({"sam1": 2, "res1": 3}, "Vi ses for sjældent")
    assert row["answered_at"] is not None and row["revoked_at"] is None
    frames = pdata.readable_frames(data, "da")
    sheet = frames["Evalueringslinks"]
    assert sheet["Side"].tolist() == ["Partneren"] and sheet["E-mail"].tolist() == ["carl@laeselyst.dk"]


def test_erasure_removes_the_respondent_and_their_answer_from_the_round(db: Database) -> None:
    ids = answered_by_carl(db)
    with db.read() as session:
        assert set(ev.dimension_means(session, ids["round"])["side"]) == {"partner", "all"}
    with db.write() as session:
        report = pdata.erase_person(session, ids["carl"], actor="admin@bib.dk")
    assert report.evaluation_answers == 1
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(EvaluationResponse)) == 0
        left = session.scalars(select(EvaluationRespondent.person_id)).all()
        assert ev.dimension_means(session, ids["round"]).empty
    assert left == [ids["anna"]]  # the other respondent is untouched


def test_being_asked_and_answering_count_as_use(db: Database) -> None:
    ids = answered_by_carl(db)
    with db.write() as session:
        table = EvaluationRespondent.__table__
        session.execute(table.update().values(created_at=dt.datetime(2031, 1, 1)))
        session.execute(
            table.update().where(table.c.person_id == ids["carl"]).values(answered_at=dt.datetime(2031, 2, 1))
        )
    with db.read() as session:
        used = retention.last_used(session)
    assert used[ids["carl"]] == dt.date(2031, 2, 1)
    assert used[ids["anna"]] == dt.date(2031, 1, 1)
