"""Meetings that log themselves: an Outlook or Google calendar export sets ties and fills contact logs."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from lib.core.errors import FileRefused, UserFacingError
from lib.db import ContactLogEntry, Database, ImportBatch, Person, Relation, record_to_dict
from lib.ingest import calendar_file
from lib.ingest.calendar_file import read_calendar
from lib.ingest.calendar_meetings import import_meetings, read_meetings
from lib.ingest.contact_lists import undo_import
from tests.ingest.calendar_files import ANNE, JENS, KAREN, METTE, google_export, make_workspace, outlook_export

TODAY = dt.date(2026, 12, 7)
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    with db.read() as session:
        return {
            model.__tablename__: sorted(
                ({k: v for k, v in record_to_dict(r).items() if k not in {"created_at", "updated_at"}} for r in rows),
                key=lambda values: values["id"],
            )
            for model, rows in (
                (model, session.scalars(select(model))) for model in (Person, Relation, ContactLogEntry)
            )
        }


def ties(db: Database) -> dict[tuple[str, str], tuple[dt.date | None, dt.date | None]]:
    """(staff e-mail, person e-mail) → (first contact, last contact)."""
    with db.read() as session:
        emails = dict(session.execute(select(Person.id, Person.email)).all())
        return {
            (emails[r.from_person_id], emails[r.to_person_id]): (r.first_contact, r.last_contact)
            for r in session.scalars(select(Relation))
        }


def contact_log(db: Database) -> list[tuple[int, dt.date, str | None, str]]:
    with db.read() as session:
        return sorted(
            (e.partnership_id, e.contacted_on, e.note, e.channel) for e in session.scalars(select(ContactLogEntry))
        )


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    return make_workspace(db, TODAY)


def run(db: Database, data: bytes, **options: Any):
    return import_meetings(db, "kalender.ics", data, today=TODAY, **options)


def test_outlook_export_logs_the_right_ties_and_contacts(db: Database, ids: dict[str, int]) -> None:
    plan = run(db, outlook_export(TODAY), commit=True)

    # read = logged + skipped + rejected; Karen's meeting is logged although her tie's date stays.
    assert plan.counts()["read"] == 9
    assert (plan.counts()["logged"], plan.counts()["skipped"], plan.counts()["rejected"]) == (3, 5, 1)
    skipped = {"private": 1, "cancelled": 1, "future": 1, "internal_only": 1, "no_known_attendee": 1}
    assert plan.skip_reasons() == skipped
    assert plan.reject_reasons() == {"no_start": 1}
    found = ties(db)
    # The organiser's tie to the known attendee, created with the meeting's date …
    assert found[(ANNE, JENS)] == (days_ago(10), days_ago(10))
    # … the weekly series counts at its last past occurrence (the EXDATE two days ago is left out) …
    assert found[("bo.berg@aarhusbib.dk", JENS)] == (days_ago(9), days_ago(9))
    # … and a last contact is never moved backwards (Anne met Karen three days ago already).
    assert found[(ANNE, KAREN)] == (days_ago(400), days_ago(3))
    # Jens works at Aarhus Universitet: both meetings enter the open partnership's log, not the closed one's.
    assert contact_log(db) == [
        (ids["club"], days_ago(10), "Planlægning af læseklub", "meeting"),
        (ids["club"], days_ago(9), "Ugentlig status <b>AU</b>", "meeting"),
    ]
    assert [(c.email, c.name, c.chosen) for c in plan.new_contacts] == [(METTE, "Mette Ny", False)]
    with db.read() as session:
        assert session.scalar(select(Person.id).where(Person.email == METTE)) is None


def test_google_export_time_zones_all_day_and_an_outside_organiser(db: Database, ids: dict[str, int]) -> None:
    # Jens organised the all-day event: the tie is the staff member given, as for any outside organiser.
    plan = run(db, google_export(TODAY), commit=True, staff_email=ANNE.upper())

    assert plan.counts()["logged"] == 2
    assert ties(db)[(ANNE, JENS)] == (days_ago(20), days_ago(3))
    # 23:30 UTC three weeks ago was half past midnight the next day in Copenhagen.
    assert [entry[1] for entry in contact_log(db)] == [days_ago(20), days_ago(3)]


def test_outside_organiser_without_a_staff_member_is_skipped_with_its_reason(db: Database, ids: dict[str, int]) -> None:
    plan = run(db, google_export(TODAY))
    assert plan.skip_reasons() == {"no_staff": 1}
    assert plan.counts()["logged"] == 1


def test_unknown_staff_email_is_refused(db: Database, ids: dict[str, int]) -> None:
    with pytest.raises(UserFacingError) as refused:
        run(db, google_export(TODAY), staff_email="nobody@aarhusbib.dk")
    assert "nobody@aarhusbib.dk" in refused.value.message("en")


def test_unknown_attendee_becomes_a_contact_only_when_chosen(db: Database, ids: dict[str, int]) -> None:
    plan = run(db, outlook_export(TODAY), commit=True, create_contacts=[METTE.upper()])
    assert plan.counts()["logged"] == 4
    assert plan.counts()["contacts_created"] == 1
    with db.read() as session:
        mette = session.scalars(select(Person).where(Person.email == METTE)).one()
        assert (mette.name, mette.is_staff) == ("Mette Ny", False)
    assert ties(db)[(ANNE, METTE)] == (days_ago(5), days_ago(5))


def test_dry_run_stores_nothing_and_equals_the_commit(db: Database, ids: dict[str, int]) -> None:
    before = snapshot(db)
    preview = run(db, outlook_export(TODAY), create_contacts=True)
    assert snapshot(db) == before
    committed = run(db, outlook_export(TODAY), create_contacts=True, commit=True)
    shown = preview.to_json()
    stored = committed.to_json()
    assert shown.pop("batch") is None and stored.pop("batch") is not None
    assert shown == stored


def test_a_calendar_read_before_plans_as_its_file_and_a_contact_is_known_by_another_address(
    db: Database, ids: dict[str, int]
) -> None:
    calendar = read_meetings(db, outlook_export(TODAY), today=TODAY)  # what a page keeps per upload
    with db.write() as session:  # Jens is known by his work address only as another e-mail
        jens = session.get(Person, ids["jens"])
        assert jens is not None
        jens.email, jens.other_emails = "jens.holm@privat.dk", [JENS.upper()]
    kept = import_meetings(db, "kalender.ics", b"", today=TODAY, calendar=calendar)
    assert kept.to_json() == run(db, outlook_export(TODAY)).to_json()
    assert kept.counts()["logged"] == 3
    assert [(entry.partnership_id, entry.on) for entry in kept.entries] == [
        (ids["club"], days_ago(10)),
        (ids["club"], days_ago(9)),
    ]  # his affiliation read for the meetings he was at


def test_re_import_logs_nothing_new_and_undo_restores_everything(db: Database, ids: dict[str, int]) -> None:
    before = snapshot(db)
    first = run(db, outlook_export(TODAY), create_contacts=True, commit=True)
    after_first = snapshot(db)

    again = run(db, outlook_export(TODAY), create_contacts=True, commit=True)
    assert again.counts()["logged"] == 0
    assert again.skip_reasons()["already_logged"] == 4
    assert again.batch_id is None
    assert snapshot(db) == after_first

    # A later Google export moves Anne's tie to Jens forward; undoing it brings the Outlook dates back.
    later = run(db, google_export(TODAY), staff_email=ANNE, commit=True)
    assert ties(db)[(ANNE, JENS)] == (days_ago(10), days_ago(3))
    undo_import(db, later.batch_id)
    assert snapshot(db) == after_first

    undo_import(db, first.batch_id)
    assert snapshot(db) == before
    # Once undone, the meetings count as not logged: importing again logs them again.
    assert run(db, outlook_export(TODAY)).counts()["logged"] == 3
    with db.read() as session:
        statuses = list(session.scalars(select(ImportBatch.status).order_by(ImportBatch.id)))
    assert statuses == ["undone", "undone"]


def test_internal_domain_comes_from_staff_and_the_library_e_mail(db: Database, ids: dict[str, int]) -> None:
    # kontakt@aarhusbib.dk is nobody's address, but the library's domain: the staff meeting stays internal.
    plan = run(db, outlook_export(TODAY))
    internal = [item.summary for item in plan.skipped if item.reason == "internal_only"]
    assert internal == ["Personalemøde"]
    private = [item for item in plan.skipped if item.reason == "private"]
    assert [item.summary for item in private] == [""]  # a private meeting's subject is not shown


# --- the file's checks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"Navn;E-mail\r\nJens;jens@au.dk\r\n", "calendar.not_calendar"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "calendar.not_calendar"),
        (b"", "calendar.not_calendar"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026\x00\r\n", "calendar.not_calendar"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261201\r\n", "calendar.damaged"),
    ],
    ids=["csv", "binary", "empty", "nul", "truncated"],
)
def test_hostile_files_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(FileRefused) as refused:
        read_calendar(data, TODAY, COPENHAGEN)
    assert refused.value.key == reason


def test_a_huge_file_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a file over the limit must not be parsed")

    monkeypatch.setattr("icalendar.Calendar.from_ical", never)
    huge = b"BEGIN:VCALENDAR\r\n" + b"X-FILL:" + b"a" * (calendar_file.MAX_CALENDAR_BYTES) + b"\r\n"
    with pytest.raises(FileRefused) as refused:
        read_calendar(huge, TODAY, COPENHAGEN)
    assert refused.value.key == "calendar.too_large"


def test_too_many_events_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_file, "MAX_EVENTS", 5)
    with pytest.raises(FileRefused) as refused:
        read_calendar(outlook_export(TODAY), TODAY, COPENHAGEN)
    assert refused.value.key == "calendar.too_many_events"


def _one_event(lines: str) -> bytes:
    body = "\r\n".join(lines.strip().splitlines())
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode()


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        ("UID:a\nDTSTART:19900101T100000Z\nRRULE:FREQ=DAILY", "too_many_occurrences"),
        ("UID:b\nDTSTART:20260101T100000Z\nRRULE:FREQ=SECONDLY", "bad_recurrence"),
        ("UID:c\nDTSTART:20260101T100000Z\nRRULE:FREQ=BOGUS", "bad_value"),
        ("DTSTART:20261201T100000Z", "no_uid"),
    ],
    ids=["recurrence-bomb", "secondly", "bogus-rule", "no-uid"],
)
def test_broken_events_are_rejected_with_their_reason(lines: str, reason: str) -> None:
    found = read_calendar(_one_event(lines), TODAY, COPENHAGEN)
    assert [item.reason for item in found.rejected] == [reason]
    assert found.read == 1


def test_a_series_counts_at_its_last_occurrence_and_a_moved_one_on_its_own() -> None:
    # A weekly meeting moved once (RECURRENCE-ID): the moved occurrence is its own meeting.
    data = _one_event(
        f"""UID:serie
DTSTART;TZID=Europe/Copenhagen:{days_ago(21):%Y%m%d}T090000
RRULE:FREQ=WEEKLY;UNTIL={TODAY + dt.timedelta(days=30):%Y%m%d}T000000Z
SUMMARY:Ugemøde
END:VEVENT
BEGIN:VEVENT
UID:serie
RECURRENCE-ID;TZID=Europe/Copenhagen:{days_ago(7):%Y%m%d}T090000
DTSTART;TZID=Europe/Copenhagen:{days_ago(6):%Y%m%d}T090000
SUMMARY:Ugemøde (flyttet)"""
    )
    found = read_calendar(data, TODAY, COPENHAGEN)
    assert sorted((m.summary, m.on) for m in found.meetings) == [
        ("Ugemøde", TODAY),
        ("Ugemøde (flyttet)", days_ago(6)),
    ]
    assert found.read == 2
