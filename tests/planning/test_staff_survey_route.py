"""The staff survey's form as a staff member meets it at /svar/netvaerk/<token>: a plain page with their
own name, a search that shows names and organisations only, rows to add known and new ones; a post
keeps the answers pending; a dead token gets the one plain page."""

from __future__ import annotations

import re

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from components import answer_route, staff_survey_route
from components.page_frame import ServedLanguage
from lib.db import Database, StaffSurveyInvitation
from lib.planning import staff_survey as survey
from tests.planning_builders import survey_people


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.write() as session:
        return survey_people(session)


@pytest.fixture
def client(db: Database) -> TestClient:
    app = Starlette(routes=[*staff_survey_route.ROUTES, *answer_route.ROUTES], middleware=[Middleware(ServedLanguage)])
    return TestClient(app, follow_redirects=False)


def new_link(db: Database) -> str:
    with db.write() as session:
        _id, made = survey.start_survey(session)
    return next(link.url.rsplit("/", 1)[1] for link in made if link.name == "Anna Berg")


def path(token: str) -> str:
    return survey.LINK_PREFIX + token


def test_the_form_shows_the_staff_member_s_name_and_a_search_with_names_only(
    client: TestClient, db: Database, ids: dict[str, int]
) -> None:
    token = new_link(db)
    answer = client.get(path(token))
    assert answer.status_code == 200
    page = answer.text
    assert page.startswith("<!DOCTYPE html>") and 'lang="da"' in page
    assert "Hej Anna Berg" in page and "Hvem andre på biblioteket arbejder med dem?" in page
    assert "Bo Lund" in page  # a colleague to tick
    for secret in ("Carl Holm", "Foreningen Læselyst", "carl@laeselyst.dk", "12345678", "anna@bibliotek.dk"):
        assert secret not in page
    # No navigation, no script; the search form (GET) and the answer form (POST) post back to themselves.
    assert "<a " not in page and "<script" not in page and "<link" not in page and "<img" not in page
    assert page.count("<form") == 2 and f'action="{path(token)}"' in page
    assert "set-cookie" not in answer.headers and answer.headers["cache-control"] == "no-store"
    # Every field has a label.
    ids_ = re.findall(r'<(?:input|select) type="(?:text|email|month|search)" id="([^"]+)"|<select id="([^"]+)"', page)
    for found in ids_:
        field = found[0] or found[1]
        assert f'<label for="{field}">' in page, field
    searched = client.get(path(token) + "?q=carl").text
    assert "Carl Holm (Foreningen Læselyst)" in searched
    assert "carl@laeselyst.dk" not in searched and "12345678" not in searched
    assert "<script>" not in client.get(path(token) + "?q=<script>").text
    english = client.get(path(token) + "?lang=en").text
    assert 'lang="en"' in english and "Who else at the library works with them?" in english


def test_a_post_keeps_the_answers_pending_and_a_second_visit_shows_them_to_correct(
    client: TestClient, db: Database, ids: dict[str, int]
) -> None:
    token = new_link(db)
    posted = client.post(
        path(token),
        data={
            "r0_ref": f"p{ids['carl']}",
            "r0_keep": "1",
            "r0_strength": "4",
            "r1_ref": "new",
            "r1_name": "<b>Eva</b>",
            "r1_org": "Aftenskolen",
            "r1_col": str(ids["bo"]),
        },
    )
    assert posted.status_code == 303 and posted.headers["location"] == path(token)
    with db.read() as session:
        record = session.query(StaffSurveyInvitation).filter(StaffSurveyInvitation.status == "pending").one()
        assert [e["ref"] for e in record.answers or []] == [f"p{ids['carl']}", "new"]
    again = client.get(path(token)).text
    assert "Tak, vi har dine svar." in again and "Gem rettelserne" in again
    assert "Carl Holm (Foreningen Læselyst)" in again  # what they named themselves
    assert "&lt;b&gt;Eva&lt;/b&gt;" in again and "<b>Eva</b>" not in again
    assert '<option value="4" selected>' in again
    empty = client.post(path(token), data={"r0_ref": "new"})
    assert empty.status_code == 400 and "Der var ingen at gemme" in empty.text


def test_every_dead_token_gets_the_same_page_and_stores_nothing(
    client: TestClient, db: Database, ids: dict[str, int]
) -> None:
    token = new_link(db)
    with db.write() as session:
        record = session.query(StaffSurveyInvitation).filter(StaffSurveyInvitation.person_id == ids["anna"]).one()
        survey.revoke(session, record.id)
    pages = [client.get(path(value)) for value in ("A" * 43, token, token[:-1], "..%2F..%2Fetc")]
    first = pages[0]
    assert first.status_code == 404 and "Linket virker ikke" in first.text
    assert all((p.status_code, p.text) == (first.status_code, first.text) for p in pages)
    assert client.get(path(token) + "?q=carl").status_code == 404
    posted = client.post(path(token), data={"r0_ref": "new", "r0_name": "X"})
    assert (posted.status_code, posted.text) == (first.status_code, first.text)
    with db.read() as session:
        assert session.query(StaffSurveyInvitation).filter(StaffSurveyInvitation.submitted_at.is_not(None)).count() == 0


def test_a_flood_and_an_oversized_post_are_refused(
    client: TestClient, db: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = new_link(db)
    big = client.post(
        path(token),
        content=b"r0_ref=new&r0_name=" + b"x" * (staff_survey_route.MAX_BODY + 1),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert big.status_code == 413
    monkeypatch.setattr(answer_route, "LIMIT", answer_route.RateLimit(2, 600))
    assert [client.get(path("B" * 43)).status_code for _ in range(3)] == [404, 404, 429]
