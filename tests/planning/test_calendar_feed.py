"""The task calendar: a valid iCalendar file whose events keep their UID when their day moves, and the
subscription tokens behind the feed's address."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from lib.core.errors import ValidationFailed
from lib.db import CalendarToken, Database, Partnership
from lib.planning import calendar_feed as feed
from lib.planning import tasks as tk
from tests.planning_builders import task_workspace

TODAY = dt.date(2026, 3, 4)


@pytest.fixture
def workspace(db: Database) -> dict[str, int]:
    with db.write() as session:
        return task_workspace(session, TODAY)


def events(data: bytes) -> dict[str, dict]:
    calendar = Calendar.from_ical(data)
    return {
        str(e["uid"]): {
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "summary": str(e["summary"]),
            "description": str(e["description"]),
        }
        for e in calendar.walk("VEVENT")
    }


def anna_calendar(db: Database, ids: dict[str, int], lang: str = "da") -> bytes:
    with db.read() as session:
        return feed.tasks_calendar(session, TODAY, lang, ids["anna"])


def test_the_calendar_holds_a_year_of_tasks_as_all_day_events(db: Database, workspace: dict[str, int]) -> None:
    data = anna_calendar(db, workspace)
    calendar = Calendar.from_ical(data)
    assert str(calendar["version"]) == "2.0" and str(calendar["x-wr-calname"]).endswith("Anna Andersen")
    found = events(data)
    club = workspace["club"]
    domain = "bibliotek.partnerskabsradar"
    assert set(found) == {
        f"contact-p{club}@{domain}",
        f"review-p{club}@{domain}",
        f"agreement-end-p{club}@{domain}",
        f"evaluation-r{workspace['round']}@{domain}",
        f"cold-tie-P{workspace['anna']}-P{workspace['carl']}@{domain}",
        f"cold-tie-P{workspace['anna']}-P{workspace['dorte']}@{domain}",
    }
    review = found[f"review-p{club}@{domain}"]
    assert (review["start"], review["end"]) == (dt.date(2026, 3, 20), dt.date(2026, 3, 21))
    assert review["summary"] == "Evaluér samarbejdsaftalen for Læseklub"
    # The contact was due yesterday: it stands on today and says so.
    contact = found[f"contact-p{club}@{domain}"]
    assert contact["start"] == TODAY
    assert contact["description"].startswith("Forsinket: skulle have været gjort 03-03-2026.")


def test_an_event_keeps_its_uid_when_its_day_moves(db: Database, workspace: dict[str, int]) -> None:
    before = events(anna_calendar(db, workspace))
    with db.write() as session:
        tk.register_review(session, workspace["club"], TODAY)
    after = events(anna_calendar(db, workspace))
    assert set(after) == set(before)  # updated in place, not added
    uid = f"review-p{workspace['club']}@bibliotek.partnerskabsradar"
    assert (before[uid]["start"], after[uid]["start"]) == (dt.date(2026, 3, 20), dt.date(2027, 3, 4))


def test_everyone_s_calendar_names_who_holds_each_task_in_english(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        found = events(feed.tasks_calendar(session, TODAY, "en"))
    goal = next(e for uid, e in found.items() if uid.startswith("measurement-"))
    assert goal["summary"] == "Goal: Flere unge lånere – record a measurement"
    assert "Held by Bo Berg" in goal["description"]


def test_a_title_cannot_add_lines_or_properties_to_the_file(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        session.get_one(Partnership, workspace["club"]).title = "Læs\r\nATTENDEE:mailto:x@evil.dk;X=1,2"
    data = anna_calendar(db, workspace)
    assert b"\r\nATTENDEE" not in data
    assert any("ATTENDEE:mailto:x@evil.dk;X=1,2" in e["summary"] for e in events(data).values())


def test_a_token_opens_its_holder_s_feed_until_a_new_one_or_revoking_ends_it(
    db: Database, workspace: dict[str, int], db_url: str
) -> None:
    with db.write() as session:
        first = feed.issue_token(session, workspace["anna"])
    with db.read() as session:
        assert feed.holder_of_token(session, first) == workspace["anna"]
    assert feed.has_live_token(db, workspace["anna"])
    with db.write() as session:
        second = feed.issue_token(session, workspace["anna"])
    with db.read() as session:
        assert feed.holder_of_token(session, first) is None
        assert feed.holder_of_token(session, second) == workspace["anna"]
    with db.write() as session:
        assert feed.revoke_token(session, workspace["anna"])
        assert not feed.revoke_token(session, workspace["anna"])
    with db.read() as session:
        assert feed.holder_of_token(session, second) is None
        assert len(session.scalars(select(CalendarToken)).all()) == 2
    assert not feed.has_live_token(db, workspace["anna"])
    # Only digests are kept: the file holds neither token.
    database_file = Path(db_url.removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in database_file.parent.glob(database_file.name + "*"))
    assert first.encode() not in stored and second.encode() not in stored


def test_anything_but_a_live_token_is_answered_alike(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        for token in ("", "x" * 43, "../../etc/passwd", "a" * 4000, "é" * 43):
            assert feed.holder_of_token(session, token) is None


def test_only_staff_get_a_token(db: Database, workspace: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed), db.write() as session:
        feed.issue_token(session, workspace["carl"])
