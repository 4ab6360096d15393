"""Staff members' tasks in the calendar they already use: an iCalendar file (RFC 5545) to download,
and a subscription address with a secret token per person that a calendar service fetches.

The calendar
    One all-day event per task of :mod:`lib.planning.tasks` due within :data:`HORIZON_DAYS` days:
    reviews, agreement ends, planned contacts, ties going cold, measurements and evaluation rounds.
    An overdue task stands on today, with the day it was due in its description, so it stays in sight
    until it is registered. Each event's ``UID`` names the thing the task is about (never its day),
    so a calendar that fetches the file again moves the event instead of adding a second one; the
    events are free time (``TRANSP:TRANSPARENT``) and carry no alarm.
Tokens
    :func:`issue_token` makes a new secret for a staff member and revokes the one they had; only its
    SHA-256 digest is stored, so a copy of the database hands out no working address.
    :func:`revoke_token` ends it. :func:`holder_of_token` answers a live token with its staff member
    and anything else (a revoked, unknown, malformed token) with None: the feed answers them alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from icalendar import Calendar, Event
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lib.core.access import Principal, requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from lib.core.normalize import name_key
from lib.core.tokens import TOKEN_SHAPE, digest, new_token
from lib.db import CalendarToken, Database, Person, get_setting, log_event
from lib.planning.tasks import Task, tasks
from lib.workspace import clock
from lib.workspace.events import log_export

#: How far ahead the calendar reaches.
HORIZON_DAYS = 365
#: The feed's path in the dashboard's server: ``/kalender/<token>.ics``.
FEED_PREFIX = "/kalender/"
#: How often a calendar service is asked to fetch the feed again.
REFRESH = dt.timedelta(hours=6)


def _uid_domain(session: Session) -> str:
    # The library's name keeps two workspaces' events apart in one person's calendar.
    name = re.sub(r"[^a-z0-9]+", "-", name_key(get_setting(session, "library_name") or "")).strip("-")
    return f"{name or 'bibliotek'}.partnerskabsradar"


def _event(task: Task, today: dt.date, lang: str, domain: str, now: dt.datetime, holder: str | None) -> Event:
    day = max(task.due, today)
    event = Event()
    event.add("uid", f"{task.uid}@{domain}")
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", task.message(lang))
    lines = [t("calendar.due", lang, date=format_date(task.due, lang))]
    if task.overdue(today):
        lines = [t("calendar.overdue", lang, date=format_date(task.due, lang))]
    if holder:
        lines.append(t("tasks.holder_is", lang, name=holder))
    lines.append(t("calendar.register_here", lang))
    event.add("description", "\n".join(lines))
    event.add("categories", [t("calendar.category", lang)])
    event.add("transp", "TRANSPARENT")
    return event


def calendar_bytes(
    found: Sequence[Task],
    *,
    today: dt.date,
    lang: str,
    title: str,
    domain: str,
    names: Mapping[int, str] | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """``found`` as an iCalendar file named ``title``; ``names`` (staff id → name) adds who holds each."""
    calendar = Calendar()
    calendar.add("prodid", "-//Partnerskabsradar//Opgaver//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    stamp = now or dt.datetime.now(dt.UTC)
    for task in found:
        holder = (names or {}).get(task.holder_id) if task.holder_id is not None else None
        calendar.add_component(_event(task, today, lang, domain, stamp, holder))
    return calendar.to_ical()


@requires("view_contacts")
def tasks_calendar(session: Session, today: dt.date, lang: str, holder_id: int | None = None) -> bytes:
    """The tasks of ``holder_id`` (everyone's for None) due within :data:`HORIZON_DAYS` days, as iCalendar."""
    return _calendar_of(session, _due(session, today, holder_id), today, lang, holder_id)


@requires("export")
def export_tasks_calendar(
    session: Session, today: dt.date, lang: str, holder_id: int | None = None, *, actor: str | None = None
) -> bytes:
    """:func:`tasks_calendar`, its export logged with how many people it names (who holds each task,
    and the person at the other end of each tie going cold): the file a download or the command hands out."""
    found = _due(session, today, holder_id)
    data = _calendar_of(session, found, today, lang, holder_id)
    named = {f"P{task.holder_id}" for task in found if task.holder_id is not None}
    named |= {end for task in found if task.ends for end in task.ends if end.startswith("P")}
    log_export(session, "calendar", people=len(named), actor=actor, format="ics")
    return data


def _due(session: Session, today: dt.date, holder_id: int | None) -> list[Task]:
    return tasks(session, today, until=today + dt.timedelta(days=HORIZON_DAYS), holder_id=holder_id)


def _calendar_of(session: Session, found: list[Task], today: dt.date, lang: str, holder_id: int | None) -> bytes:
    staff = {
        pid: name for pid, name in session.execute(select(Person.id, Person.name).where(Person.is_staff.is_(True)))
    }
    whose = staff.get(holder_id) if holder_id is not None else t("tasks.everyone", lang)
    return calendar_bytes(
        found,
        today=today,
        lang=lang,
        title=t("calendar.title", lang, name=whose or ""),
        domain=_uid_domain(session),
        names=None if holder_id is not None else staff,
    )


# --- subscription tokens ---------------------------------------------------------------------------


def _staff_member(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or not person.is_staff:
        raise ValidationFailed("editing.not_staff", field="person_id", value=person_id)
    return person


def _revoke_live(session: Session, person_id: int) -> int:
    result = session.execute(
        update(CalendarToken)
        .where(CalendarToken.person_id == person_id, CalendarToken.revoked_at.is_(None))
        .values(revoked_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


@requires("edit")
def issue_token(session: Session, person_id: int, actor: str | None = None) -> str:
    """A new subscription token for the staff member ``person_id``; the one they had stops working.
    The token is returned once and never stored as it is."""
    _staff_member(session, person_id)
    _revoke_live(session, person_id)
    token = new_token()
    session.add(CalendarToken(person_id=person_id, digest=digest(token)))
    log_event(session, "calendar_token_issued", entity="person", entity_id=person_id, actor=actor)
    return token


@requires("edit")
def revoke_token(session: Session, person_id: int, actor: str | None = None) -> bool:
    """End the staff member's subscription address; False when they had none."""
    ended = _revoke_live(session, person_id) > 0
    if ended:
        log_event(session, "calendar_token_revoked", entity="person", entity_id=person_id, actor=actor)
    return ended


@requires("view_contacts")
def has_live_token(db: Database, person_id: int) -> bool:
    """Whether the staff member has a subscription address that works."""
    query = select(CalendarToken.id).where(CalendarToken.person_id == person_id, CalendarToken.revoked_at.is_(None))
    with db.read() as session:
        return session.scalars(query).first() is not None


@requires("view_contacts")
def holder_of_token(session: Session, token: str) -> int | None:
    """The staff member whose live token ``token`` is; None for anything else."""
    if not TOKEN_SHAPE.match(token):
        return None
    query = (
        select(CalendarToken.person_id)
        .join(Person, Person.id == CalendarToken.person_id)
        .where(CalendarToken.digest == digest(token), CalendarToken.revoked_at.is_(None), Person.is_staff.is_(True))
    )
    return session.scalars(query).first()


def feed_path(token: str) -> str:
    """The path of the feed of ``token`` on the dashboard's server."""
    return f"{FEED_PREFIX}{token}.ics"


#: Who the feed reads as: it shows one staff member's tasks, which name people, and changes nothing.
FEED_READER = Principal(email=None, role="editor", name="kalenderabonnement")


@requires("view_contacts")
def feed_calendar(db: Database, token: str, lang: str = DEFAULT_LANGUAGE) -> bytes | None:
    """The calendar a subscription address with ``token`` answers; None when the token is not live.
    The server calls it as :data:`FEED_READER`."""
    with db.read() as session:
        holder = holder_of_token(session, token)
        if holder is None:
            return None
        today = clock.today(clock.workspace_timezone(session))
        return tasks_calendar(session, today, lang if lang in LANGUAGES else DEFAULT_LANGUAGE, holder)
