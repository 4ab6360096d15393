"""Evaluation by link: a respondent's token from creation to answer, correction, expiry and revocation;
only its digest is stored; answers land in the round with the respondent's side."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from lib.core.errors import ValidationFailed
from lib.db import Database, EvaluationRespondent, EvaluationResponse, Person
from lib.planning import evaluation_links as links
from lib.planning import evaluations as ev
from tests.planning_builders import link_round

ANSWERS = {"sam1": "5", "sam2": "4", "frem1": "ved_ikke", "res1": "2"}


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.write() as session:
        return link_round(session)


def make(db: Database, round_id: int, **who: object) -> links.NewLink:
    with db.write() as session:
        return links.link_for(session, round_id, **who)  # type: ignore[arg-type]


def test_a_link_opens_a_form_with_the_partnership_s_name_and_a_first_answer_lands_in_the_round(
    db: Database, ids: dict[str, int]
) -> None:
    link = make(db, ids["round"], person_id=ids["carl"])
    assert link.url == f"http://localhost:8501/svar/{link.token}"
    assert link.side == "partner" and link.name == "Carl Holm"
    assert link.expires_on == (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).date()
    form = links.open_form(db, link.token)
    assert form is not None
    assert (form.partnership, form.answered, form.open) == ("Læseklub for unge", False, True)

    assert links.save_answer(db, link.token, ANSWERS, "Godt samarbejde") == "saved"
    with db.read() as session:
        means = ev.dimension_means(session, ids["round"])
        responses = ev.responses_frame(session, ids["round"])
    partner = means[(means["side"] == "partner") & (means["dimension"] == "samarbejde")]
    assert float(partner["mean"].iloc[0]) == 4.5
    assert responses["side"].tolist() == ["partner"]
    assert responses["reflections"].tolist() == ["Godt samarbejde"]
    form = links.open_form(db, link.token)
    assert form is not None and form.answered and form.answers == {"sam1": 5, "sam2": 4, "res1": 2}


def test_a_second_submission_corrects_the_answer_until_the_round_closes(db: Database, ids: dict[str, int]) -> None:
    link = make(db, ids["round"], person_id=ids["anna"])
    assert link.side == "library"  # staff answer for the library
    assert links.save_answer(db, link.token, ANSWERS, None) == "saved"
    assert links.save_answer(db, link.token, {"sam1": "1"}, "Rettet") == "corrected"
    with db.read() as session:
        rows = session.scalars(select(EvaluationResponse)).all()
        assert [(r.respondent_side, r.answers, r.reflections) for r in rows] == [("library", {"sam1": 1}, "Rettet")]
    with db.write() as session:
        links.set_closing(session, ids["round"], dt.date(2020, 1, 1))
    form = links.open_form(db, link.token)
    assert form is not None and form.answered and not form.open
    assert links.save_answer(db, link.token, {"sam1": "5"}, None) == "closed"
    with db.read() as session:
        assert session.scalars(select(EvaluationResponse.answers)).all() == [{"sam1": 1}]


def test_nothing_answered_is_not_stored(db: Database, ids: dict[str, int]) -> None:
    link = make(db, ids["round"], person_id=ids["carl"])
    assert links.save_answer(db, link.token, {"sam1": "ved_ikke", "sam2": "7"}, "kun tekst") == "empty"
    with db.read() as session:
        assert session.scalars(select(EvaluationResponse)).all() == []


def test_expired_revoked_replaced_and_wrong_tokens_all_read_as_nothing(db: Database, ids: dict[str, int]) -> None:
    old = make(db, ids["round"], person_id=ids["carl"])
    new = make(db, ids["round"], person_id=ids["carl"])  # a new link replaces the old one
    assert links.open_form(db, old.token) is None
    assert links.open_form(db, new.token) is not None
    for wrong in ("", "A" * 43, new.token[:-1], new.token + "x", "../../etc/passwd"):
        assert links.open_form(db, wrong) is None
        assert links.save_answer(db, wrong, ANSWERS, None) is None
    with db.write() as session:
        assert links.revoke(session, new.respondent_id) is True
        assert links.revoke(session, new.respondent_id) is False
    assert links.open_form(db, new.token) is None
    assert links.save_answer(db, new.token, ANSWERS, None) is None

    expiring = make(db, ids["round"], person_id=ids["anna"])
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=30, minutes=1)
    with db.read() as session:
        assert links.form_for(session, expiring.token) is not None
        assert links.form_for(session, expiring.token, now=later) is None
        assert links.submit(session, expiring.token, ANSWERS, now=later) is None
    with db.read() as session:
        states = links.respondents_frame(session, ids["round"], now=later).set_index("name")["state"].to_dict()
    assert states == {"Anna Berg": "expired", "Carl Holm": "revoked"}


def test_the_raw_token_is_stored_nowhere(db: Database, ids: dict[str, int]) -> None:
    link = make(db, ids["round"], email="dorte@laeselyst.dk")
    assert links.save_answer(db, link.token, ANSWERS, "svar") == "saved"
    with db.read() as session:
        stored = session.scalars(select(EvaluationRespondent.digest)).all()
        assert stored and all(d is not None and len(d) == 64 and d != link.token for d in stored)
        tables = [r[0] for r in session.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))]
        for table in tables:
            for row in session.execute(text(f'SELECT * FROM "{table}"')):
                assert all(link.token not in str(value) for value in row), table


def test_an_unknown_e_mail_becomes_a_new_person_made_for_the_link(db: Database, ids: dict[str, int]) -> None:
    link = make(db, ids["round"], email=" Dorte.Vang@Laeselyst.dk ", side="partner")
    assert link.created_person and link.name == "Dorte Vang" and link.email == "dorte.vang@laeselyst.dk"
    again = make(db, ids["round"], email="dorte.vang@laeselyst.dk")
    assert not again.created_person and again.respondent_id == link.respondent_id
    known = make(db, ids["round"], email="carl@laeselyst.dk")
    assert known.person_id == ids["carl"] and not known.created_person
    with db.read() as session:
        person = session.get(Person, link.person_id)
        assert person is not None and person.source == links.PERSON_SOURCE
        frame = links.respondents_frame(session, ids["round"])
    assert frame.set_index("name")["made_for_link"].to_dict() == {"Carl Holm": False, "Dorte Vang": True}
    with db.write() as session, pytest.raises(ValidationFailed):
        links.link_for(session, ids["round"], email="ikke en adresse")


def test_status_lists_who_answered_and_the_texts_to_paste(db: Database, ids: dict[str, int]) -> None:
    carl = make(db, ids["round"], person_id=ids["carl"])
    make(db, ids["round"], person_id=ids["anna"])
    links.save_answer(db, carl.token, ANSWERS, None)
    with db.write() as session:
        links.set_closing(session, ids["round"], dt.date(2026, 4, 30))
    status = links.round_status(db, ids["round"])
    frame = status.respondents
    assert frame.set_index("name")["state"].to_dict() == {"Anna Berg": "waiting", "Carl Holm": "answered"}
    assert links.waiting_emails(frame) == ["anna@bibliotek.dk"]
    reminder = links.reminder_text(status.partnership, status.closes_on, "da")
    assert "Læseklub for unge" in reminder and "30-04-2026" in reminder
    mail = links.email_text("Læseklub for unge", carl.url, carl.expires_on, "en", name="Carl Holm")
    assert mail.startswith("Subject: Evaluation of the partnership Læseklub for unge")
    assert carl.url in mail and "Dear Carl Holm" in mail
    assert "Kære" in links.email_text("Læseklub for unge", carl.url, carl.expires_on, "da", name="Carl")


def test_people_to_ask_are_the_partnership_s_contacts_and_the_staff(db: Database, ids: dict[str, int]) -> None:
    choices = links.choices_for(db, ids["round"])
    assert list(choices) == [ids["carl"], ids["anna"]]
    assert choices[ids["carl"]] == "Carl Holm · carl@laeselyst.dk"


def test_latest_round_and_unknown_rounds(db: Database, ids: dict[str, int]) -> None:
    with db.write() as session:
        newer = ev.create_round(session, ids["other"], dt.date(2026, 5, 1))
        assert links.round_of(session, "latest") == newer
        assert links.round_of(session, str(ids["round"])) == ids["round"]
        with pytest.raises(ValidationFailed):
            links.round_of(session, "999")
