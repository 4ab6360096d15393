"""Calendar exports written by hand in the shape Outlook and Google write them, and the workspace they meet.

Dates are relative to ``today`` so that the command-line and page tests (which use the real today)
see the same past and future as the unit tests.
"""

from __future__ import annotations

import datetime as dt

from lib.db import (
    Affiliation,
    Database,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    set_setting,
)

ANNE = "anne.vinther@aarhusbib.dk"
BO = "bo.berg@aarhusbib.dk"
JENS = "jens.holm@au.dk"
KAREN = "karen.lund@skole.dk"
METTE = "mette.ny@foreningen.dk"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_ROMANCE = """BEGIN:VTIMEZONE
TZID:Romance Standard Time
BEGIN:STANDARD
DTSTART:16011028T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010325T020000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE"""


def _stamp(day: dt.date, time: str = "100000") -> str:
    return f"{day:%Y%m%d}T{time}"


def _crlf(text: str) -> bytes:
    return ("\r\n".join(line for line in text.strip().splitlines()) + "\r\n").encode("utf-8")


def _outlook_event(uid: str, summary: str, day: dt.date, attendees: list[tuple[str, str]], extra: str = "") -> str:
    people = "\n".join(
        f'ATTENDEE;CN="{name}";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:{email}'
        for name, email in attendees
    )
    return f"""BEGIN:VEVENT
CLASS:PUBLIC
CREATED:20260101T090000Z
DTSTAMP:20260101T090000Z
DTSTART;TZID="Romance Standard Time":{_stamp(day)}
DTEND;TZID="Romance Standard Time":{_stamp(day, "110000")}
{people}
ORGANIZER;CN="Anne Vinther":mailto:{ANNE}
PRIORITY:5
SEQUENCE:0
SUMMARY;LANGUAGE=da:{summary}
TRANSP:OPAQUE
UID:{uid}
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
X-MICROSOFT-CDO-IMPORTANCE:1
{extra}
END:VEVENT"""


def outlook_export(today: dt.date) -> bytes:
    """Anne's Outlook calendar: nine events, each exercising one rule."""

    def d(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    weekly_start = today - dt.timedelta(days=30)
    events = [
        _outlook_event("040000008200E001-plan", "Planlægning af læseklub", d(10), [("Jens Holm", JENS), ("Bo", BO)]),
        _outlook_event(
            "040000008200E001-weekly",
            "Ugentlig status <b>AU</b>",
            weekly_start,
            [("Jens Holm", JENS)],
            extra=f"RRULE:FREQ=WEEKLY;COUNT=10;BYDAY={WEEKDAYS[weekly_start.weekday()]}\n"
            f'EXDATE;TZID="Romance Standard Time":{_stamp(d(2))}',
        ).replace(f'ORGANIZER;CN="Anne Vinther":mailto:{ANNE}', f'ORGANIZER;CN="Bo Berg":mailto:{BO}'),
        _outlook_event("040000008200E001-private", "Lægebesøg", d(6), [("Jens Holm", JENS)]).replace(
            "CLASS:PUBLIC", "CLASS:PRIVATE"
        ),
        _outlook_event(
            "040000008200E001-internal", "Personalemøde", d(4), [("Bo", BO), ("Kontakt", "kontakt@aarhusbib.dk")]
        ),
        _outlook_event(
            "040000008200E001-cancelled", "Aflyst: Møde med AU", d(8), [("Jens Holm", JENS)], "STATUS:CANCELLED"
        ),
        _outlook_event("040000008200E001-future", "Opfølgning", today + dt.timedelta(days=20), [("Jens Holm", JENS)]),
        _outlook_event("040000008200E001-unknown", "Kaffe med foreningen", d(5), [("Mette Ny", METTE)]),
        _outlook_event("040000008200E001-karen", "Skolesamarbejde", d(40), [("Karen Lund", KAREN)]),
        """BEGIN:VEVENT
UID:040000008200E001-broken
SUMMARY:Uden tidspunkt
ORGANIZER;CN="Anne Vinther":mailto:anne.vinther@aarhusbib.dk
ATTENDEE;CN="Jens Holm":mailto:jens.holm@au.dk
END:VEVENT""",
    ]
    body = "\n".join(events)
    return _crlf(f"""BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
X-CALSTART:20240101T000000Z
X-WR-CALNAME:Kalender
{_ROMANCE}
{body}
END:VCALENDAR""")


def google_export(today: dt.date) -> bytes:
    """A Google Calendar export: Europe/Copenhagen, an all-day event, a meeting at 23:30 UTC, an outside organiser."""
    late = today - dt.timedelta(days=21)
    all_day = today - dt.timedelta(days=3)
    return _crlf(f"""BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:anne.vinther@aarhusbib.dk
X-WR-TIMEZONE:Europe/Copenhagen
BEGIN:VEVENT
DTSTART;VALUE=DATE:{all_day:%Y%m%d}
DTEND;VALUE=DATE:{all_day + dt.timedelta(days=1):%Y%m%d}
DTSTAMP:20261201T120000Z
ORGANIZER;CN=Jens Holm:mailto:{JENS}
UID:7kukuqrfedlm2f9t2vr5ra@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=anne.vi
 nther@aarhusbib.dk;X-NUM-GUESTS=0:mailto:{ANNE}
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Jens Ho
 lm;X-NUM-GUESTS=0:mailto:{JENS.upper()}
X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij
CREATED:20261101T100000Z
DESCRIPTION:Temadag
LAST-MODIFIED:20261101T100000Z
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:Temadag hos AU
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
DTSTART:{late:%Y%m%d}T233000Z
DTEND:{late + dt.timedelta(days=1):%Y%m%d}T003000Z
DTSTAMP:20261201T120000Z
ORGANIZER;CN=Anne Vinther:mailto:{ANNE}
UID:0n1l2k3j4h5g6f@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Jens H
 olm;X-NUM-GUESTS=0:mailto:{JENS}
X-GOOGLE-CONFERENCE:https://meet.google.com/xyz-abcd-efg
SUMMARY:Sent opkald
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR""")


def make_workspace(db: Database, today: dt.date) -> dict[str, int]:
    """Two staff, Jens at Aarhus Universitet (a partner), Karen at a school (no partnership) whom Anne
    last met three days ago; the library writes from aarhusbib.dk. Returns the ids by name."""
    with db.write() as session:
        set_setting(session, "library_email", "kontakt@aarhusbib.dk")
        anne = Person(name="Anne Vinther", name_key="anne vinther", email=ANNE, is_staff=True)
        bo = Person(name="Bo Berg", name_key="bo berg", email=BO, is_staff=True)
        jens = Person(name="Jens Holm", name_key="jens holm", email=JENS)
        karen = Person(name="Karen Lund", name_key="karen lund", email=KAREN)
        au = Organisation(name="Aarhus Universitet", name_key="aarhus universitet")
        school = Organisation(name="Skolen", name_key="skolen")
        session.add_all([anne, bo, jens, karen, au, school])
        session.flush()
        session.add_all(
            [
                Affiliation(person_id=jens.id, organisation_id=au.id),
                Affiliation(person_id=karen.id, organisation_id=school.id),
            ]
        )
        club = Partnership(title="Læseklub med AU", owner_id=anne.id)
        closed = Partnership(title="Gammelt projekt med AU", owner_id=anne.id, closed=True)
        session.add_all([club, closed])
        session.flush()
        session.add_all(
            [
                PartnershipOrganisation(partnership_id=club.id, organisation_id=au.id),
                PartnershipOrganisation(partnership_id=closed.id, organisation_id=au.id),
            ]
        )
        tie = Relation(
            kind="knows",
            from_person_id=anne.id,
            to_person_id=karen.id,
            owner_id=anne.id,
            strength=4,
            first_contact=today - dt.timedelta(days=400),
            last_contact=today - dt.timedelta(days=3),
        )
        session.add(tie)
        session.flush()
        return {
            "anne": anne.id,
            "bo": bo.id,
            "jens": jens.id,
            "karen": karen.id,
            "club": club.id,
            "closed": closed.id,
            "karen_tie": tie.id,
        }
