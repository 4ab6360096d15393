"""The duty to inform (GDPR art. 14): contacts whose data the library took from staff's contact lists,
not from the person themselves, must be told within a month that the library holds it.

Each person carries when they were told (``Person.informed_on``), how (``informed_how``, one of
:data:`HOW_CODES`) and an optional note (``informed_note``). Staff of the library are not contacts
to inform and are never listed.

*Obtained* is when the library first held the person's data: the earlier of their record's creation
and the import that created it, as a Danish calendar day. The *deadline* is one calendar month later
(31 January → 28 or 29 February); a contact not informed by then is overdue. A merge of two records
keeps the earlier creation time and the earlier informed date (:func:`merge_informing`); an import
never touches these fields.

Recording that someone was informed is not using their data: the record's ``updated_at`` (the
retention list's "last used") stays as it was. Marking several at once is logged with counts only
(``contacts_informed``); changing one person's entry is logged as an edit of that person
(``person_informed_set``), without the note's text. Only an administrator may read or change any of
this (``personal_data``). Every function works in the caller's session and never commits.

:func:`notice_text` is the letter to send, in Danish or English: who the library is (the workspace's
``library_name``), what data, purpose, lawful basis (for the library to complete), source,
recipients, retention (the configured months), rights and the data protection officer (placeholders
in square brackets for the library to fill in).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from lib.core.access import principal_of, requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.core.normalize import parse_date
from lib.db import Affiliation, ImportBatch, Organisation, Person, get_setting, log_event
from lib.privacy.informing_codes import DEFAULT_HOW, HOW_CODES
from lib.privacy.personal_data import retention_months
from lib.workspace import editing
from lib.workspace.clock import workspace_timezone

NOTE_LIMIT = 500
#: Art. 14(3)(a): at the latest within one month of obtaining the data.
DEADLINE_MONTHS = 1
#: Stored times are UTC without a zone; the day something happened is the day in Denmark.
LOCAL_ZONE = ZoneInfo("Europe/Copenhagen")
LIBRARY_SETTING = "library_name"

#: The columns of :func:`uninformed_contacts`.
UNINFORMED_COLUMNS = ["id", "name", "email", "organisations", "obtained_on", "deadline", "overdue", "days_left"]


# --- dates -----------------------------------------------------------------------------------------


def _today() -> dt.date:
    return dt.date.today()


def local_day(value: dt.datetime | dt.date | None, tz: dt.tzinfo = LOCAL_ZONE) -> dt.date | None:
    """The calendar day in ``tz`` (the workspace's zone) of a stored UTC time (a date stays as it is)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(tz).date()
    return value


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def deadline_for(obtained: dt.date) -> dt.date:
    """The last day to inform a contact whose data was obtained on ``obtained``."""
    return months_after(obtained, DEADLINE_MONTHS)


@requires("personal_data")
def obtained_dates(session: Session, person_ids: Iterable[int] | None = None) -> dict[int, dt.date]:
    """When the library first held each person's data: the earlier of the record's creation and the
    import that created it (a Danish calendar day)."""
    query = select(Person.id, Person.created_at, ImportBatch.created_at).outerjoin(
        ImportBatch, ImportBatch.id == Person.batch_id
    )
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))

    found: dict[int, dt.date] = {}
    tz = workspace_timezone(session)
    for person_id, created, imported in session.execute(query):
        days = [d for d in (local_day(created, tz), local_day(imported, tz)) if d is not None]
        found[person_id] = min(days) if days else _today()
    return found


# --- reading ---------------------------------------------------------------------------------------


def _current_organisations(session: Session, as_of: dt.date) -> dict[int, list[str]]:
    organisations: dict[int, list[str]] = defaultdict(list)
    current = or_(Affiliation.end_date.is_(None), Affiliation.end_date >= as_of)
    for person_id, name in session.execute(
        select(Affiliation.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(current)
    ):
        organisations[person_id].append(name)
    return organisations


@requires("personal_data")
def uninformed_contacts(session: Session, as_of: dt.date | None = None) -> pd.DataFrame:
    """Contacts (not staff) not informed yet, the earliest deadline first (so overdue ones lead).

    Columns: :data:`UNINFORMED_COLUMNS`; ``obtained_on`` and ``deadline`` are dates, ``overdue`` is
    True once ``as_of`` (default today) is past the deadline, ``days_left`` is negative then.
    """
    as_of = as_of or _today()
    people = session.execute(
        select(Person.id, Person.name, Person.name_key, Person.email).where(
            Person.is_staff.is_not(True), Person.informed_on.is_(None)
        )
    ).all()
    obtained = obtained_dates(session, [p.id for p in people]) if people else {}
    organisations = _current_organisations(session, as_of)
    rows = []
    for person in people:
        deadline = deadline_for(obtained[person.id])
        rows.append(
            {
                "id": person.id,
                "name": person.name,
                "email": person.email,
                "organisations": "; ".join(sorted(organisations[person.id])),
                "obtained_on": obtained[person.id],
                "deadline": deadline,
                "overdue": deadline < as_of,
                "days_left": (deadline - as_of).days,
                "_key": person.name_key or "",
            }
        )
    rows.sort(key=lambda row: (row["deadline"], row["_key"], row["id"]))
    # Object columns: a missing e-mail stays None (pandas would make a text column's gap NaN).
    frame = pd.DataFrame(
        [{c: row[c] for c in UNINFORMED_COLUMNS} for row in rows], columns=UNINFORMED_COLUMNS, dtype=object
    )
    return frame.astype({"id": int, "overdue": bool, "days_left": int})


@dataclass(frozen=True)
class InformedStatus:
    """One person's entry, for the person view: informed or not, and by when they must be."""

    person_id: int
    is_staff: bool
    informed_on: dt.date | None
    informed_how: str | None
    informed_note: str | None
    obtained_on: dt.date
    deadline: dt.date
    overdue: bool


@requires("personal_data")
def informed_status(session: Session, person_id: int, as_of: dt.date | None = None) -> InformedStatus:
    """Whether and how ``person_id`` was informed; ``overdue`` only for a contact not informed in time."""
    person = editing.existing(session, Person, person_id, "personal_data.person_not_found")
    obtained = obtained_dates(session, [person_id])[person_id]
    deadline = deadline_for(obtained)
    waiting = not person.is_staff and person.informed_on is None
    return InformedStatus(
        person_id=person_id,
        is_staff=bool(person.is_staff),
        informed_on=person.informed_on,
        informed_how=person.informed_how,
        informed_note=person.informed_note,
        obtained_on=obtained,
        deadline=deadline,
        overdue=waiting and deadline < (as_of or _today()),
    )


# --- changing --------------------------------------------------------------------------------------


def _checked_day(on: object, today: dt.date) -> dt.date:

    if isinstance(on, dt.datetime):
        day: dt.date | None = on.date()
    elif isinstance(on, dt.date):
        day = on
    else:
        day = parse_date(on)
    if day is None:
        raise ValidationFailed("informing.date_missing", field="informed_on")
    if day > today:
        raise ValidationFailed("informing.date_in_future", field="informed_on", date=day, today=today)
    return day


def _checked_how(how: object) -> str:
    code = str(how or "").strip()
    if code not in HOW_CODES:
        raise ValidationFailed("informing.how_invalid", field="informed_how", value=how, codes=", ".join(HOW_CODES))
    return code


def _checked_note(note: object) -> str | None:
    text = " ".join(str(note or "").split()) or None
    if text is not None and len(text) > NOTE_LIMIT:
        raise ValidationFailed("informing.note_too_long", field="informed_note", limit=NOTE_LIMIT)
    return text


def _contact(session: Session, person_id: int) -> Person:
    person = editing.existing(session, Person, person_id, "personal_data.person_not_found")
    if person.is_staff:
        raise ValidationFailed("informing.staff", name=person.name)
    return person


def _store(person: Person, on: dt.date | None, how: str | None, note: str | None) -> None:
    """Write the entry without moving ``updated_at``: informing someone is not using their data."""
    person.informed_on, person.informed_how, person.informed_note = on, how, note
    flag_modified(person, "updated_at")  # written back as it is, so its onupdate does not fire


@dataclass
class InformReport:
    """What a bulk marking did, as counts (the event log keeps exactly these)."""

    marked: int = 0
    #: Chosen, but informed already (e.g. by a colleague meanwhile): their earlier entry is kept.
    already: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@requires("personal_data")
def mark_informed(
    session: Session,
    person_ids: Iterable[int],
    on: object = None,
    how: object = DEFAULT_HOW,
    note: object = None,
    actor: str | None = None,
    today: dt.date | None = None,
) -> InformReport:
    """Record that the chosen contacts were informed on ``on`` (default today) in the way ``how``.

    Someone informed already keeps their earlier entry. A staff member, an unknown id, a date after
    today or an unknown way raises ``ValidationFailed`` before anything changes. Logged as
    ``contacts_informed`` with counts, the date and the way only (no names, no record numbers).
    """
    today = today or _today()
    day = _checked_day(on if on is not None else today, today)
    code, text = _checked_how(how), _checked_note(note)
    people = [_contact(session, int(i)) for i in dict.fromkeys(person_ids)]
    report = InformReport()
    for person in people:
        if person.informed_on is not None:
            report.already += 1
            continue
        _store(person, day, code, text)
        report.marked += 1
    if people:
        log_event(
            session,
            "contacts_informed",
            entity="people",
            actor=actor or principal_of(session).actor,
            informed_on=day,
            how=code,
            **report.as_dict(),
        )
    session.flush()
    return report


@requires("personal_data")
def set_informed(
    session: Session,
    person_id: int,
    on: object,
    how: object = DEFAULT_HOW,
    note: object = None,
    actor: str | None = None,
    today: dt.date | None = None,
) -> bool:
    """Set or correct one contact's entry; ``on`` None clears it (not informed). True when it changed.

    Logged as ``person_informed_set`` with the old and new date and way; the note only as changed or not.
    """
    person = _contact(session, person_id)
    if on is None or (isinstance(on, str) and not on.strip()):
        day, code, text = None, None, None
    else:
        day, code, text = _checked_day(on, today or _today()), _checked_how(how), _checked_note(note)
    before = (person.informed_on, person.informed_how, person.informed_note)
    if before == (day, code, text):
        return False
    changes: dict[str, Any] = {}
    if before[0] != day:
        changes["informed_on"] = [before[0], day]
    if before[1] != code:
        changes["informed_how"] = [before[1], code]
    _store(person, day, code, text)
    log_event(
        session,
        "person_informed_set",
        entity="person",
        entity_id=person_id,
        actor=actor or principal_of(session).actor,
        changes=changes,
        note_changed=before[2] != text,
    )
    session.flush()
    return True


def merge_informing(keep: Person, remove: Person) -> list[str]:
    """Fold ``remove``'s informing into ``keep`` (two records of one person being merged).

    ``keep`` gets the earlier creation time (the deadline counts from when the library first held
    the data) and the earlier informed date, with that entry's way and note. Returns the fields
    that came from ``remove``.
    """
    taken = []
    if remove.created_at is not None and (keep.created_at is None or remove.created_at < keep.created_at):
        keep.created_at = remove.created_at
        taken.append("created_at")
    if remove.informed_on is not None and (keep.informed_on is None or remove.informed_on < keep.informed_on):
        keep.informed_on, keep.informed_how, keep.informed_note = (
            remove.informed_on,
            remove.informed_how,
            remove.informed_note,
        )
        taken.append("informed_on")
    return taken


# --- the notice ------------------------------------------------------------------------------------


@requires("view_board")
def library_name(session: Session) -> str | None:
    """The library's name from the workspace settings, or None when it is not set."""
    return " ".join((get_setting(session, LIBRARY_SETTING) or "").split()) or None


@requires("personal_data")
def notice_text(session: Session, lang: str = "da", months: int | None = None) -> str:
    """The notice to send to contacts not yet informed, in ``lang``, ready to copy.

    Filled in: the library's name (a placeholder when the setting is empty) and the retention period
    (default: the configured months). Left in square brackets for the library to complete: address,
    lawful basis, recipients and the data protection officer.
    """

    months = months if months is not None else retention_months(session)
    library = library_name(session) or t("informing.notice.library_placeholder", lang)
    period = t("informing.notice.months", lang, count=months)
    return t("informing.notice.body", lang, library=library, period=period).strip() + "\n"


def notice_file_name(lang: str) -> str:
    return f"oplysningspligt-{lang}.txt" if lang == "da" else f"privacy-notice-{lang}.txt"


def uninformed_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of :func:`uninformed_contacts` as plain values (dates ISO), e.g. for JSON."""
    rows = []
    for row in frame.to_dict("records"):
        rows.append(
            {
                key: (
                    value.isoformat()
                    if isinstance(value, dt.date)
                    else bool(value)
                    if key == "overdue"
                    else int(value)
                    if key in ("id", "days_left")
                    else value
                )
                for key, value in row.items()
            }
        )
    return rows


def how_labels(lang: str = "da") -> Mapping[str, str]:
    """Each way of informing in ``lang``, in :data:`HOW_CODES` order."""

    return {code: t(f"informing.how.{code}", lang) for code in HOW_CODES}


__all__ = [
    "DEADLINE_MONTHS",
    "DEFAULT_HOW",
    "HOW_CODES",
    "InformReport",
    "InformedStatus",
    "NOTE_LIMIT",
    "UNINFORMED_COLUMNS",
    "deadline_for",
    "how_labels",
    "informed_status",
    "library_name",
    "local_day",
    "mark_informed",
    "merge_informing",
    "months_after",
    "notice_file_name",
    "notice_text",
    "obtained_dates",
    "set_informed",
    "uninformed_contacts",
    "uninformed_rows",
]
