"""One clock for the whole product: stored times are UTC, people read them in the workspace's time zone.

Every time the product stores (``created_at``, ``updated_at``, ``Event.at``, ``undone_at`` …) is a
naive datetime in UTC (:func:`lib.db.utcnow`). Whatever shows or exports such a time goes
through this module, so the import history, the event log, a person's page, the exports, the board
pack and the command line all tell the same time: the workspace's own (setting ``timezone``,
default Europe/Copenhagen, chosen in the library set-up).

>>> import datetime as dt
>>> copenhagen = zone("Europe/Copenhagen")
>>> to_local(dt.datetime(2026, 6, 1, 18, 44), copenhagen).isoformat()
'2026-06-01T20:44:00+02:00'
>>> local_naive(dt.datetime(2026, 1, 15, 18, 44), copenhagen)
datetime.datetime(2026, 1, 15, 19, 44)
"""

from __future__ import annotations

import datetime as dt
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import format_date
from lib.db import Database, get_setting

if TYPE_CHECKING:
    import pandas as pd  # loaded where a column of times is converted: the importer needs no pandas

#: The workspace setting holding the time zone's IANA name.
TIMEZONE_SETTING = "timezone"
DEFAULT_TIMEZONE = "Europe/Copenhagen"
UTC = dt.UTC


@lru_cache(maxsize=1)
def timezone_names() -> tuple[str, ...]:
    """Every IANA time zone name the machine knows (``tzdata``), sorted, for a choice list."""
    return tuple(sorted(name for name in available_timezones() if "/" in name or name == "UTC"))


def valid_timezone(value: object) -> str:
    """The IANA name of a time zone ("Europe/Copenhagen"); the default when empty.

    Raises ``ValidationFailed("setup.timezone_invalid", field="timezone")`` for a name the machine
    does not know (a typo, "CET+1", a path).
    """
    text = "" if value is None else str(value).strip()
    if not text:
        return DEFAULT_TIMEZONE
    known = {name.casefold(): name for name in timezone_names()}
    name = known.get(text.casefold())
    if name is None:
        raise ValidationFailed("setup.timezone_invalid", field="timezone", value=text[:60])
    return name


def zone(name: str | None) -> ZoneInfo:
    """The time zone called ``name``; the default zone for an empty or unknown name (a stored value
    is never a reason for a page to fail)."""
    try:
        return ZoneInfo(valid_timezone(name))
    except (ValidationFailed, ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


@requires("view_board")
def timezone_name(session: Session) -> str:
    """The workspace's time zone name (the default until one is chosen)."""

    return zone(get_setting(session, TIMEZONE_SETTING)).key


@requires("view_board")
def workspace_timezone(session: Session) -> ZoneInfo:
    """The workspace's time zone."""
    return ZoneInfo(timezone_name(session))


@requires("view_board")
def session_today(session: Session) -> dt.date:
    """Today in the workspace's time zone, read in ``session`` (what a missing ``today`` means)."""
    return today(workspace_timezone(session))


@requires("view_board")
def workspace_zone(db: Database) -> ZoneInfo:
    """The workspace's time zone, read in a read of its own (for pages, which open no session)."""
    with db.read() as session:
        return workspace_timezone(session)


@requires("view_board")
def workspace_today(db: Database) -> dt.date:
    """Today in the workspace's time zone, whatever zone the server runs in."""
    return today(workspace_zone(db))


def to_local(value: dt.datetime | None, tz: dt.tzinfo) -> dt.datetime | None:
    """A stored time (naive = UTC; an aware one is converted) as an aware datetime in ``tz``."""
    if value is None:
        return None
    pandas = sys.modules.get("pandas")  # a pandas value exists only once pandas is loaded
    if pandas is not None:
        if value is pandas.NaT:  # NaT (a missing time in a column) is no Timestamp
            return None
        if isinstance(value, pandas.Timestamp):
            value = value.to_pydatetime()
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
    return aware.astimezone(tz)


def local_naive(value: dt.datetime | None, tz: dt.tzinfo) -> dt.datetime | None:
    """A stored time as the wall-clock time in ``tz``, without a zone (what Excel can hold)."""
    local = to_local(value, tz)
    return None if local is None else local.replace(tzinfo=None)


def local_series(values: Any, tz: dt.tzinfo) -> pd.Series:
    """A column of stored times (naive UTC) as wall-clock times in ``tz`` (naive), for tables."""
    import pandas as pd

    times = pd.to_datetime(pd.Series(values), errors="coerce")
    if times.dt.tz is None:
        times = times.dt.tz_localize("UTC")
    return times.dt.tz_convert(str(tz)).dt.tz_localize(None)


def now(tz: dt.tzinfo) -> dt.datetime:
    """The current time in ``tz`` (aware)."""
    return dt.datetime.now(UTC).astimezone(tz)


def today(tz: dt.tzinfo, at: dt.datetime | None = None) -> dt.date:
    """Today's date in ``tz`` (at the stored time ``at``, default now): between midnight and two in
    the morning in Copenhagen it is already tomorrow there while UTC (and a server set to UTC) still
    says yesterday. A missing ``at`` (None, or pandas' NaT) is now.

    >>> today(zone("Europe/Copenhagen"), at=dt.datetime(2026, 6, 1, 22, 30))
    datetime.date(2026, 6, 2)
    """
    local = None if at is None else to_local(at, tz)
    return (now(tz) if local is None else local).date()


def utc_bounds(
    since: dt.date | None, until: dt.date | None, tz: dt.tzinfo
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The stored-time (naive UTC) limits of the local days ``since`` through ``until``: the start
    of ``since`` and the start of the day after ``until``, each midnight in ``tz``."""

    def start_of(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(UTC).replace(tzinfo=None)

    return (
        start_of(since) if since is not None else None,
        start_of(until + dt.timedelta(days=1)) if until is not None else None,
    )


def localise_values(value: Any, tz: dt.tzinfo) -> Any:
    """``value`` with every datetime in it (also inside dicts and lists) turned into an aware local
    time: JSON writes them as ISO with the offset, Excel as the local wall-clock time."""
    if isinstance(value, dt.datetime):
        return to_local(value, tz)
    if isinstance(value, dict):
        return {key: localise_values(item, tz) for key, item in value.items()}
    if isinstance(value, list):
        return [localise_values(item, tz) for item in value]
    return value


def format_local(value: dt.datetime | None, lang: str, tz: dt.tzinfo) -> str:
    """A stored time as the reader writes it, in ``tz``: "01-06-2026 20:44" / "2026-06-01 20:44"."""

    return format_date(local_naive(value, tz), lang)


__all__ = [
    "DEFAULT_TIMEZONE",
    "TIMEZONE_SETTING",
    "format_local",
    "local_naive",
    "local_series",
    "localise_values",
    "now",
    "timezone_name",
    "timezone_names",
    "to_local",
    "today",
    "utc_bounds",
    "valid_timezone",
    "workspace_timezone",
    "workspace_today",
    "workspace_zone",
    "zone",
]
