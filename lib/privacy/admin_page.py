"""What the page "Administration" shows, read for it in one call each (issue 14: components are UI only).

Each public function takes the :class:`~lib.db.Database` (acting as the user) and opens its own read,
so the role check of the functions it calls applies; ``components.admin_views`` and
``components.informing_views`` only draw what they get. Words the tables show (the deadline status,
"locally" for an event without an actor) are made here, in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.core.access import requires
from lib.core.i18n import LANGUAGES, t
from lib.db import Database, by_revision
from lib.privacy import informing
from lib.privacy.holdings import find_person, person_data
from lib.privacy.markers import was_erased
from lib.privacy.retention import months_before, retention_candidates, retention_months
from lib.workspace import events as eventlog


@dataclass(frozen=True)
class EmailLookup:
    """Who an e-mail typed on the page belongs to: a person's id, or None and whether it was erased."""

    person_id: int | None
    erased: bool = False


@dataclass(frozen=True)
class RetentionList:
    """The retention period stored, the day before which "not used" begins, and the contacts not used since."""

    months: int
    cutoff: dt.date
    candidates: pd.DataFrame


@dataclass(frozen=True)
class InformingList:
    """The contacts not informed yet (overdue first) with their "status" in words, and the notice in
    every language."""

    contacts: pd.DataFrame
    notices: dict[str, str]

    @property
    def overdue(self) -> int:
        """How many of the contacts are past their deadline."""
        return int(self.contacts["overdue"].sum()) if not self.contacts.empty else 0


@requires("view_events")
def event_actions(db: Database) -> list[str]:
    """The actions the event log holds (the choices of its filter)."""
    with db.read() as session:
        return eventlog.event_actions(session)


@requires("view_events")
def event_log(db: Database, lang: str, **filters: Any) -> pd.DataFrame:
    """The newest events matching ``filters`` (``lib.workspace.events.events_frame``); an event with no
    actor was done on the dashboard's own computer and says so."""
    with db.read() as session:
        frame = eventlog.events_frame(session, lang=lang, **filters)
    frame["actor"] = frame["actor"].fillna(t("admin.local_actor", lang))
    return frame


@requires("personal_data")
def person_by_email(db: Database, email: str) -> EmailLookup:
    """The person with ``email``; for nobody, whether somebody with it was erased."""
    with db.read() as session:
        person = find_person(session, email)
        if person is not None:
            return EmailLookup(person.id)
        return EmailLookup(None, erased=was_erased(session, email))


@requires("personal_data")
def held_data(db: Database, person_id: int, today: dt.date) -> dict[str, Any]:
    """Everything held about the person (``lib.privacy.holdings.person_data``)."""
    with db.read() as session:
        return person_data(session, person_id, today=today)


@requires("personal_data")
@by_revision()
def retention_list(db: Database, today: dt.date) -> RetentionList:
    """The stored retention period and the contacts nobody has used within it."""
    with db.read() as session:
        months = retention_months(session)
        return RetentionList(months, months_before(today, months), retention_candidates(session, today, months))


def status_label(overdue: bool, days_left: int, lang: str) -> str:
    """ "Frist overskredet", "Frist i dag" or how many days are left."""
    if overdue:
        return t("informing.status.overdue", lang)
    if days_left == 0:
        return t("informing.status.today", lang)
    return t("informing.status.days", lang, count=days_left)


@requires("personal_data")
@by_revision()
def informing_list(db: Database, today: dt.date, lang: str) -> InformingList:
    """The contacts still to be told (with "status") and the notice to send them, in every language."""
    with db.read() as session:
        frame = informing.uninformed_contacts(session, today)
        notices = {language: informing.notice_text(session, language) for language in LANGUAGES}
    statuses = [
        status_label(bool(overdue), int(days), lang)
        for overdue, days in zip(frame.get("overdue", []), frame.get("days_left", []), strict=True)
    ]
    return InformingList(frame.assign(status=statuses), notices)


@requires("personal_data")
def informed_status(db: Database, person_id: int, today: dt.date) -> informing.InformedStatus:
    """Whether and how the person was informed (``lib.privacy.informing.informed_status``)."""
    with db.read() as session:
        return informing.informed_status(session, person_id, today)
