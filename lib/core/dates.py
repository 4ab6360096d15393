"""Dates, once: reading a cell as a date (Danish, day first), any value as a date, and month arithmetic.

:func:`parse_date` reads what people type in a contact list (and Excel serial numbers) and raises
:class:`lib.core.errors.ValidationFailed` with a ``value.*`` key for what is not a date;
:func:`as_date` turns whatever a database row, a pandas frame or a form holds into a ``date`` or
``None``; :func:`months_before` is calendar-month arithmetic. Today's date is
``lib.workspace.clock.today()``'s business, not this module's.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable

from lib.core.errors import ValidationFailed
from lib.core.text import _is_nan, _shown, clean_text

__all__ = [
    "EARLIEST_YEAR",
    "LATEST_YEAR",
    "MONTHS",
    "as_date",
    "column_is_month_first",
    "months_before",
    "parse_date",
]

#: Excel's 1900 date system: serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that never
#: existed (serial 60), so from serial 61 on the days are counted from 1899-12-30.
_EXCEL_BASE_BEFORE_LEAP_BUG = dt.date(1899, 12, 31)
_EXCEL_BASE = dt.date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_LAST_SERIAL = 2958465  # 9999-12-31

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

MONTHS: dict[str, int] = {
    # Danish
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "okt": 10,
    # English (Danish abbreviations jan, feb, mar, apr, jun, jul, aug, sep, nov, dec are the same)
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_WEEKDAYS = (
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "man",
    "tir",
    "tirs",
    "ons",
    "tor",
    "tors",
    "fre",
    "lør",
    "søn",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
)
_WEEKDAY_PREFIX = re.compile(rf"^(?:{'|'.join(_WEEKDAYS)})\.?,?\s+(?:den\s+)?", re.IGNORECASE)
_TIME_SUFFIX = r"(?:[T\s]+(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME_SUFFIX}$")
_NUMERIC = re.compile(rf"^(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}|\d{{2}}){_TIME_SUFFIX}$")
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})\.?[\s-]*([^\W\d_]+)\.?[\s,-]*(\d{{4}}){_TIME_SUFFIX}$")
_MONTH_DAY_YEAR = re.compile(rf"^([^\W\d_]+)\.?\s*(\d{{1,2}})(?:st|nd|rd|th)?\.?,?\s+(\d{{4}}){_TIME_SUFFIX}$")


def _full_year(year_text: str) -> int:
    """Two-digit years as the POSIX convention reads them: 00–68 → 2000s, 69–99 → 1900s."""
    year = int(year_text)
    if len(year_text) == 2:
        return year + (2000 if year <= 68 else 1900)
    return year


def _checked_date(year: int, month: int, day: int, shown: str) -> dt.date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValidationFailed("value.date_out_of_range", value=shown)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValidationFailed("value.date_invalid", value=shown) from None


def _date_from_serial(serial: float) -> dt.date:
    """The date of an Excel serial number (the time of day, the fraction, is dropped)."""
    if not math.isfinite(serial):
        raise ValidationFailed("value.date_invalid", value=_shown(serial))
    days = int(serial)
    if days < 1 or days > _EXCEL_LAST_SERIAL:
        raise ValidationFailed("value.date_invalid", value=_shown(serial))
    if days == _EXCEL_FAKE_LEAP_DAY:
        raise ValidationFailed("value.date_invalid", value=_shown(serial))
    if days < _EXCEL_FAKE_LEAP_DAY:
        return _EXCEL_BASE_BEFORE_LEAP_BUG + dt.timedelta(days=days)
    return _EXCEL_BASE + dt.timedelta(days=days)


@functools.lru_cache(maxsize=16_384)
def _date_from_text(text: str, month_first: bool) -> dt.date:
    # Cached: a contact list repeats the same few hundred dates thousands of times.
    text = _WEEKDAY_PREFIX.sub("", text)
    if match := _ISO.match(text):
        year, month, day = match.groups()
        return _checked_date(int(year), int(month), int(day), text)
    if match := _NUMERIC.match(text):
        first, second, year = match.groups()
        day, month = (second, first) if month_first else (first, second)
        return _checked_date(_full_year(year), int(month), int(day), text)
    if (match := _DAY_MONTH_YEAR.match(text)) and match.group(2).casefold() in MONTHS:
        day, month_name, year = match.groups()
        return _checked_date(int(year), MONTHS[month_name.casefold()], int(day), text)
    if (match := _MONTH_DAY_YEAR.match(text)) and match.group(1).casefold() in MONTHS:
        month_name, day, year = match.groups()
        return _checked_date(int(year), MONTHS[month_name.casefold()], int(day), text)
    raise ValidationFailed("value.date_invalid", value=_shown(text))


def parse_date(value: object, month_first: bool = False) -> dt.date | None:
    """A calendar date from a cell, read the Danish way (day first).

    Parameters
    ----------
    value : object
        ``date``/``datetime`` objects (the time is dropped); Excel serial numbers (45000 →
        2023-03-15, with Excel's 1900 leap-year bug: serial 60, the non-existent 29-02-1900, is
        refused); text such as "24-12-2023", "24.12.2023", "24/12/2023", "24/12/23",
        "2023-12-24", "2023-12-24T10:00:00", "3. marts 2024", "3 mar 2024", "15 Mar 2024",
        "March 3, 2024", "mandag den 4. marts 2024", optionally followed by a time.
    month_first : bool
        Read "03/04/2024" as 4 March. Off by default: ambiguous numeric dates are never guessed to be
        American. :func:`column_is_month_first` tells when a whole column is clearly month first.

    Raises
    ------
    ValidationFailed
        ``value.date_invalid`` for text that is not a date (or a date that does not exist, such as
        31-02-2024); ``value.date_out_of_range`` for a year before 1900 or after 2100, which is a
        typing error in a contact list.
    """
    if value is None or _is_nan(value):
        return None
    if isinstance(value, bool):
        raise ValidationFailed("value.date_invalid", value=str(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _checked_date(value.year, value.month, value.day, value.isoformat())
    if isinstance(value, (int, float)):
        return _date_from_serial(value)
    text = clean_text(value)
    if text is None:
        return None
    return _date_from_text(text, month_first)


def column_is_month_first(values: Iterable[object]) -> bool:
    """Whether a column of numeric dates is clearly written month first (American "03/15/2024").

    True only when some value has a second number above 12 and no value has a first number above
    12; a column that fits both readings is day first.
    """
    second_over_12 = False
    for value in values:
        text = clean_text(value) if isinstance(value, str) else None
        match = _NUMERIC.match(text) if text else None
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12:
            return False
        second_over_12 = second_over_12 or second > 12
    return second_over_12


def as_date(value: object) -> dt.date | None:
    """Whatever holds a day (a row's date or datetime, a pandas value, an ISO or typed text) as a ``date``.

    ``None``, NaN, ``NaT``, blank text and an empty list are ``None``; a ``datetime`` (a pandas
    ``Timestamp`` too) loses its time; anything else is read by :func:`parse_date`.

    >>> as_date(dt.datetime(2026, 3, 1, 14, 30))
    datetime.date(2026, 3, 1)
    >>> as_date("2026-03-01T14:30:00"), as_date("1. marts 2026"), as_date("  ")
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 1), None)
    >>> as_date(float("nan")) is None
    True

    Raises
    ------
    ValidationFailed
        ``value.date_invalid`` / ``value.date_out_of_range`` for text or a number that is no date.
    """
    if value is None or value != value or (isinstance(value, list) and not value):  # NaN, NaT: not equal to self
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(value)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter).

    >>> months_before(dt.date(2026, 3, 31), 1)
    datetime.date(2026, 2, 28)
    >>> months_before(dt.date(2026, 1, 15), 13)
    datetime.date(2024, 12, 15)
    """
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    first_of_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (first_of_next - dt.timedelta(days=1)).day))
