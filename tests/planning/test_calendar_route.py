"""The subscription feed as a calendar service meets it: a live token gets the holder's calendar,
anything else the same 404 as an address that does not exist, and a flood is cut off."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from starlette.applications import Starlette
from starlette.testclient import TestClient

from components import calendar_route
from lib.db import Database
from lib.planning import calendar_feed as feed
from tests.apptest_support import workspace_today
from tests.planning_builders import task_workspace


@pytest.fixture
def client(db: Database) -> TestClient:
    return TestClient(Starlette(routes=calendar_route.ROUTES))


@pytest.fixture
def token(db: Database) -> str:
    with db.write() as session:
        ids = task_workspace(session, workspace_today())
        return feed.issue_token(session, ids["anna"])


def test_a_live_token_gets_its_holder_s_calendar(client: TestClient, token: str) -> None:
    answer = client.get(feed.feed_path(token))
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(answer.content)
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert "Tag kontakt til partnerne i Læseklub" in summaries
    assert not any(s.startswith("Mål: ") for s in summaries)  # Bo's goal, not Anna's
    english = Calendar.from_ical(client.get(feed.feed_path(token) + "?lang=en").content)
    assert "Get in touch with the partners of Læseklub" in {str(e["summary"]) for e in english.walk("VEVENT")}


def test_every_other_address_is_answered_as_one_that_does_not_exist(
    client: TestClient, token: str, db: Database
) -> None:
    missing = client.get("/findes-ikke")
    assert missing.status_code == 404
    wrong = [
        feed.feed_path("A" * 43),
        feed.feed_path(token[:-1]),
        feed.FEED_PREFIX + token,  # without .ics
        feed.FEED_PREFIX + "..%2F..%2Fetc%2Fpasswd.ics",
    ]
    with db.write() as session:
        anna = feed.holder_of_token(session, token)
        assert anna is not None
        feed.revoke_token(session, anna)
    for path in [*wrong, feed.feed_path(token)]:
        answer = client.get(path)
        assert (answer.status_code, answer.content, answer.headers["content-type"]) == (
            404,
            missing.content,
            missing.headers["content-type"],
        ), path


def test_a_flood_from_one_address_is_cut_off(client: TestClient, token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_route, "LIMIT", calendar_route.RateLimit(3, 600))
    codes = [client.get(feed.feed_path("B" * 43)).status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]
    assert client.get(feed.feed_path(token)).status_code == 429  # a right token does not get round it


def test_the_limit_forgets_old_requests_and_old_clients() -> None:
    limit = calendar_route.RateLimit(2, 10, keys=2)
    assert [limit.allow("a", now) for now in (0, 1, 2)] == [True, True, False]
    assert limit.allow("a", 10.5)  # the first has left the window
    limit.allow("b", 11)
    limit.allow("c", 11)  # "a" is the oldest client and is forgotten
    assert limit.allow("a", 11) and limit.allow("a", 11)
