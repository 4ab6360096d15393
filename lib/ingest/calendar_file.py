"""An uploaded calendar export (.ics from Outlook or Google) → the past meetings it holds.

The file is untrusted: it is checked before ``icalendar`` sees it (size, that it is text, that it is a
VCALENDAR, how many events it holds), and recurring meetings are expanded with ``dateutil.rrule``
within a bounded window and a bounded number of occurrences. Every event ends up in exactly one
list: a meeting to consider (:class:`Meeting`), a skipped one with its reason (private, cancelled,
future, older than the window) or a rejected one (broken, with its reason). Nothing here touches the
workspace; :mod:`lib.ingest.calendar_meetings` matches the meetings to people.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lib.core.errors import FileRefused

#: The largest .ics accepted (a year of a busy person's calendar is a few MB).
MAX_CALENDAR_BYTES = 10 * 1024 * 1024
#: Events (VEVENT blocks) one file may hold.
MAX_EVENTS = 20_000
#: Occurrences one recurring meeting may be expanded to, and all of a file's together.
MAX_OCCURRENCES_PER_SERIES = 5_000
MAX_OCCURRENCES = 100_000
#: How far back meetings count: older ones are skipped.
WINDOW_DAYS = 2 * 365
#: The longest note (the meeting's summary) a contact-log entry gets.
NOTE_CHARS = 200
#: Recurrence frequencies of meetings; anything faster is not a meeting series.
_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
_PRIVATE_CLASSES = {"PRIVATE", "CONFIDENTIAL"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")

#: Why a meeting is skipped (translation keys ``calendar.skip.<reason>``), in the order they are checked.
SKIP_REASONS = (
    "private",
    "cancelled",
    "future",
    "old",
    "already_logged",
    "no_staff",
    "internal_only",
    "no_known_attendee",
)
#: Why an event is rejected (``calendar.reject.<reason>``).
REJECT_REASONS = ("no_uid", "no_start", "bad_value", "too_many_occurrences", "bad_recurrence")


@dataclass(frozen=True)
class Attendee:
    """One address on a meeting: the e-mail case-folded, and the name it was given (CN)."""

    email: str
    name: str | None


@dataclass(frozen=True)
class Meeting:
    """One past meeting of the file: a single event, or a recurring series at its last past occurrence."""

    uid: str
    on: dt.date
    summary: str
    organiser: Attendee | None
    attendees: tuple[Attendee, ...]
    occurrences: int = 1

    @property
    def key(self) -> str:
        """Stable across imports: the event's UID and the occurrence's date, hashed."""
        return meeting_key(self.uid, self.on)

    @property
    def participants(self) -> tuple[Attendee, ...]:
        """The organiser and the attendees, each address once."""
        seen: dict[str, Attendee] = {}
        for person in (*((self.organiser,) if self.organiser else ()), *self.attendees):
            seen.setdefault(person.email, person)
        return tuple(seen.values())


@dataclass(frozen=True)
class LeftOut:
    """An event not logged: skipped (``reason`` in :data:`SKIP_REASONS`) or rejected (:data:`REJECT_REASONS`)."""

    summary: str
    on: dt.date | None
    reason: str


@dataclass
class CalendarFile:
    """What a calendar export holds: meetings to consider, events skipped and events rejected."""

    name: str | None = None
    meetings: list[Meeting] = field(default_factory=list)
    skipped: list[LeftOut] = field(default_factory=list)
    rejected: list[LeftOut] = field(default_factory=list)
    occurrences: int = 0

    @property
    def read(self) -> int:
        return len(self.meetings) + len(self.skipped) + len(self.rejected)


def meeting_key(uid: str, on: dt.date) -> str:
    """The stable key of a meeting (hashed: the batch keeps no calendar text)."""
    return hashlib.sha256(f"{uid}\n{on.isoformat()}".encode()).hexdigest()[:32]


def clean_text(value: object, limit: int = NOTE_CHARS) -> str:
    """A file's text on one line, without control characters, at most ``limit`` characters."""
    text = " ".join(_CONTROL.sub(" ", str(value or "")).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_calendar_bytes(data: bytes) -> str:
    """The upload's text, after the checks every upload gets; FileRefused (``calendar.*``) otherwise."""
    from lib.ingest.parse_csv import decode_errors
    from lib.ingest.text_encoding import detect_text_encoding

    if len(data) > MAX_CALENDAR_BYTES:
        raise FileRefused(
            "calendar.too_large",
            size_mb=round(len(data) / 1024 / 1024, 1),
            limit_mb=MAX_CALENDAR_BYTES // 1024 // 1024,
        )
    try:
        encoding = detect_text_encoding(data)
    except FileRefused:
        raise FileRefused("calendar.not_calendar") from None
    text = data.decode(encoding, errors=decode_errors(encoding))
    if not text.lstrip("\ufeff \t\r\n").upper().startswith("BEGIN:VCALENDAR"):
        raise FileRefused("calendar.not_calendar")
    events = len(re.findall(r"^BEGIN:VEVENT\s*$", text, flags=re.IGNORECASE | re.MULTILINE))
    if events > MAX_EVENTS:
        raise FileRefused("calendar.too_many_events", count=events, limit=MAX_EVENTS)
    return text


def read_calendar(data: bytes, today: dt.date, tz: dt.tzinfo) -> CalendarFile:
    """The meetings of an uploaded .ics, as of ``today`` in time zone ``tz`` (the workspace's)."""
    import icalendar

    text = check_calendar_bytes(data)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except Exception:  # noqa: BLE001 - any parse failure of an untrusted file is the same refusal
        raise FileRefused("calendar.damaged") from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise FileRefused("calendar.not_calendar")
    result = CalendarFile(name=clean_text(calendar.get("X-WR-CALNAME"), 100) or None)
    events = list(calendar.walk("VEVENT"))
    overridden = {
        (str(event.get("UID")), _local_date(event.get("RECURRENCE-ID").dt, tz))
        for event in events
        if event.get("RECURRENCE-ID") is not None and event.get("UID") is not None
    }
    budget = _Budget()
    for event in events:
        try:
            _read_event(event, result, today, tz, overridden, budget)
        except _Rejected as rejected:
            result.rejected.append(LeftOut(_summary(event), None, rejected.reason))
    return result


class _Rejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Budget:
    used: int = 0


def _summary(event: Any) -> str:
    return clean_text(event.get("SUMMARY")) or "—"


def _read_event(
    event: Any,
    result: CalendarFile,
    today: dt.date,
    tz: dt.tzinfo,
    overridden: set[tuple[str, dt.date]],
    budget: _Budget,
) -> None:
    summary = _summary(event)
    if getattr(event, "errors", None):
        raise _Rejected("bad_value")
    uid = clean_text(event.get("UID"), 1000)
    if not uid:
        raise _Rejected("no_uid")
    start_property = event.get("DTSTART")
    if start_property is None or not isinstance(start_property.dt, dt.date):
        raise _Rejected("no_start")
    start = start_property.dt
    window_start = today - dt.timedelta(days=WINDOW_DAYS)
    if event.get("RRULE") is not None and event.get("RECURRENCE-ID") is None:
        on, count, first = _last_occurrence(event, start, today, window_start, tz, overridden, budget)
        result.occurrences += count
    else:
        on = first = _local_date(start, tz)
        count = 1
    reason = _skip_reason(event, on, first, today)
    if reason is not None:
        # A private meeting's subject is nobody else's business: the preview does not show it.
        result.skipped.append(LeftOut("" if reason == "private" else summary, on or first, reason))
        return
    assert on is not None  # a meeting not skipped has a past occurrence
    result.meetings.append(
        Meeting(
            uid=uid,
            on=on,
            summary=summary,
            organiser=_address(event.get("ORGANIZER")),
            attendees=tuple(_addresses(event.get("ATTENDEE"))),
            occurrences=count,
        )
    )


def _skip_reason(event: Any, on: dt.date | None, first: dt.date, today: dt.date) -> str | None:
    if str(event.get("CLASS") or "").upper() in _PRIVATE_CLASSES:
        return "private"
    if str(event.get("STATUS") or "").upper() == "CANCELLED":
        return "cancelled"
    if on is None:
        return "future" if first > today else "old"
    if on > today:
        return "future"
    if on < today - dt.timedelta(days=WINDOW_DAYS):
        return "old"
    return None


def _last_occurrence(
    event: Any,
    start: dt.date,
    today: dt.date,
    window_start: dt.date,
    tz: dt.tzinfo,
    overridden: set[tuple[str, dt.date]],
    budget: _Budget,
) -> tuple[dt.date | None, int, dt.date]:
    """The last occurrence of a recurring event up to ``today`` (None: none in the window), how many
    occurrences fell in the window, and the first occurrence's date."""
    from dateutil.rrule import rruleset, rrulestr

    rule_text = event["RRULE"].to_ical().decode("ascii", "replace")
    frequency = str(event["RRULE"].get("FREQ", [""])[0]).upper()
    if frequency not in _FREQUENCIES:
        raise _Rejected("bad_recurrence")
    all_day = not isinstance(start, dt.datetime)
    begin = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    try:
        rule = rrulestr(rule_text, dtstart=begin, ignoretz=False)
    except (ValueError, TypeError):
        raise _Rejected("bad_recurrence") from None
    series = rruleset()
    series.rrule(rule)
    for excluded in _date_list(event.get("EXDATE")):
        series.exdate(_as_datetime(excluded, all_day, begin))
    uid = str(event.get("UID"))
    first = _local_date(start, tz)
    last: dt.date | None = None
    count = 0
    try:
        for steps, occurrence in enumerate(series, start=1):
            budget.used += 1
            if steps > MAX_OCCURRENCES_PER_SERIES or budget.used > MAX_OCCURRENCES:
                raise _Rejected("too_many_occurrences")
            on = _local_date(occurrence if not all_day else occurrence.date(), tz)
            if on > today:
                break
            if on < window_start or (uid, on) in overridden:
                continue
            last = on
            count += 1
    except TypeError:  # an EXDATE or UNTIL that cannot be compared with the start (aware with naive)
        raise _Rejected("bad_recurrence") from None
    return last, count, first


def _date_list(value: Any) -> Iterator[dt.date]:
    for item in value if isinstance(value, list) else [value] if value is not None else []:
        for entry in getattr(item, "dts", []):
            if isinstance(entry.dt, dt.date):
                yield entry.dt


def _as_datetime(value: dt.date, all_day: bool, begin: dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        if all_day:
            return value.replace(tzinfo=None)
        if value.tzinfo is None and begin.tzinfo is not None:
            return value.replace(tzinfo=begin.tzinfo)
        return value
    return dt.datetime.combine(value, begin.timetz() if not all_day else dt.time())


def _local_date(value: dt.date, tz: dt.tzinfo) -> dt.date:
    """A start's date where the library is: an all-day date as it is, a floating time as written."""
    if isinstance(value, dt.datetime):
        return value.astimezone(tz).date() if value.tzinfo is not None else value.date()
    return value


def _addresses(value: Any) -> Iterable[Attendee]:
    for item in value if isinstance(value, list) else [value] if value is not None else []:
        address = _address(item)
        if address is not None:
            yield address


def _address(value: Any) -> Attendee | None:
    """``mailto:Jens@Example.dk`` with ``CN=Jens Holm`` → Attendee("jens@example.dk", "Jens Holm")."""
    if value is None:
        return None
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    email = text.strip().casefold()
    if not _EMAIL.match(email) or len(email) > 320:
        return None
    name = clean_text(getattr(value, "params", {}).get("CN"), 300) or None
    return Attendee(email, name)
