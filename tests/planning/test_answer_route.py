"""The evaluation form as a partner meets it at /svar/<token>: a plain page with the partnership's name
and the items and nothing else of the workspace; every dead token gets the same page; a post saves or
corrects the answer; a flood and an oversized post are refused."""

from __future__ import annotations

import re

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from components import answer_route
from components.page_frame import ServedLanguage
from lib.db import Database
from lib.planning import evaluation_links as links
from lib.planning import evaluations as ev
from tests.planning_builders import link_round


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.write() as session:
        return link_round(session)


@pytest.fixture
def client(db: Database) -> TestClient:
    app = Starlette(routes=answer_route.ROUTES, middleware=[Middleware(ServedLanguage)])
    return TestClient(app, follow_redirects=False)


def new_link(db: Database, round_id: int, person_id: int) -> str:
    with db.write() as session:
        return links.link_for(session, round_id, person_id=person_id).token


def path(token: str) -> str:
    return links.LINK_PREFIX + token


def visible_text(page: str) -> str:
    return re.sub(r"<[^>]+>", " ", page)


def test_the_form_shows_the_partnership_s_name_and_items_and_nothing_else(
    client: TestClient, db: Database, ids: dict[str, int]
) -> None:
    token = new_link(db, ids["round"], ids["carl"])
    answer = client.get(path(token), headers={"accept": "text/html"})
    assert answer.status_code == 200
    page = answer.text
    assert page.startswith("<!DOCTYPE html>") and '<html dir="ltr" lang="da">' in page
    assert "Læseklub for unge" in page
    assert "Vi har tillid til hinanden." in page  # an item of samarbejde
    # Nothing else of the workspace: no other partnership, person, e-mail, organisation.
    for secret in ("Hemmeligt projekt", "Anna Berg", "Carl Holm", "carl@laeselyst.dk", "Foreningen Læselyst", "Forår"):
        assert secret not in page
    # No navigation, no script, nothing fetched from elsewhere; one form posting back to itself.
    assert "<a " not in page and "<script" not in page and "<link" not in page and "<img" not in page
    assert page.count("<form") == 1 and f'action="{path(token)}"' in page
    assert answer.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert "set-cookie" not in answer.headers
    # Every input has a label: each radio sits in its <label>, the text area is named by one.
    radios = re.findall(r"<label><input type=\"radio\"", page)
    assert len(radios) == len(ev.ITEM_CODES) * 6
    assert '<label for="reflections">' in page and 'id="reflections"' in page
    english = client.get(path(token) + "?lang=en", headers={"accept": "text/html"}).text
    assert 'lang="en"' in english and "We trust each other." in english


def test_a_post_saves_the_answer_and_a_second_visit_thanks_and_allows_a_correction(
    client: TestClient, db: Database, ids: dict[str, int]
) -> None:
    token = new_link(db, ids["round"], ids["carl"])
    posted = client.post(path(token), data={"sam1": "5", "sam2": "ved_ikke", "res1": "3", "reflections": "<b>Godt</b>"})
    assert posted.status_code == 303 and posted.headers["location"] == path(token)
    with db.read() as session:
        rows = ev.responses_frame(session, ids["round"])
    assert rows[["side", "answered", "reflections"]].values.tolist() == [["partner", 2, "<b>Godt</b>"]]
    again = client.get(path(token)).text
    assert "Tak, vi har dit svar." in again and "Ret mit svar" in again
    assert "&lt;b&gt;Godt&lt;/b&gt;" in again and "<b>Godt</b>" not in again  # escaped
    assert '<input type="radio" name="sam1" value="5" checked>' in again
    client.post(path(token), data={"sam1": "2"})
    with db.read() as session:
        means = ev.dimension_means(session, ids["round"])
        assert len(ev.responses_frame(session, ids["round"])) == 1
    assert means[(means["side"] == "partner") & (means["dimension"] == "samarbejde")]["mean"].tolist() == [2.0]


def test_a_post_without_a_score_stores_nothing_and_says_what_to_do(
    client: TestClient, db: Database, ids: dict[str, int]
) -> None:
    token = new_link(db, ids["round"], ids["carl"])
    answer = client.post(path(token), data={"sam1": "ved_ikke", "reflections": "hmm"})
    assert answer.status_code == 400
    assert "Sæt kryds ved mindst ét udsagn" in answer.text and "hmm" in answer.text
    with db.read() as session:
        assert ev.responses_frame(session, ids["round"]).empty


def test_every_dead_token_gets_the_same_page(client: TestClient, db: Database, ids: dict[str, int]) -> None:
    token = new_link(db, ids["round"], ids["carl"])
    replaced = new_link(db, ids["round"], ids["anna"])
    revoked = new_link(db, ids["round"], ids["anna"])  # replaces the one before
    with db.write() as session:
        respondent = links.respondents_frame(session, ids["round"]).set_index("name")["respondent_id"]["Anna Berg"]
        links.revoke(session, int(respondent))
    never = "A" * 43
    pages = {
        name: client.get(path(value))
        for name, value in {
            "never": never,
            "replaced": replaced,
            "revoked": revoked,
            "short": token[:-1],
            "odd": "..%2F..%2Fetc",
        }.items()
    }
    first = pages["never"]
    assert first.status_code == 404 and "Linket virker ikke" in first.text
    for name, answer in pages.items():
        assert (answer.status_code, answer.text) == (first.status_code, first.text), name
    posted = client.post(path(revoked), data={"sam1": "5"})
    assert (posted.status_code, posted.text) == (first.status_code, first.text)
    with db.read() as session:
        assert ev.responses_frame(session, ids["round"]).empty


def test_a_flood_and_an_oversized_post_are_refused(
    client: TestClient, db: Database, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = new_link(db, ids["round"], ids["carl"])
    big = client.post(
        path(token),
        content=b"reflections=" + b"x" * (answer_route.MAX_BODY + 1),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert big.status_code == 413
    with db.read() as session:
        assert ev.responses_frame(session, ids["round"]).empty
    monkeypatch.setattr(answer_route, "LIMIT", answer_route.RateLimit(3, 600))
    codes = [client.get(path("B" * 43)).status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]
    assert client.get(path(token)).status_code == 429  # a right token does not get round it
