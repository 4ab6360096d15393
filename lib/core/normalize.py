"""Value parsers for imported cells: text, names, e-mails, phones, dates, numbers, websites.

Every parser takes whatever a spreadsheet reader produced for one cell (``str``, ``int``, ``float``,
``bool``, ``datetime``, ``date`` or ``None``) and returns the clean value, or raises
:class:`lib.core.errors.ValidationFailed` with a ``value.*`` translation key and the offending text as
``value`` so that the importer can tell the user which row has which problem. Empty input (``None``,
``""``, whitespace only) always gives ``None``: a missing value is not an error here; whether a field
is required is the importer's decision.

The conventions are Danish, because the users are Danish library staff: dates are read day first,
``3,5`` is three and a half, and a phone number without a country code is Danish (+45).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

import phonenumbers
from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from lib.core.errors import ValidationFailed
from lib.core.formulas import FORMULA_TRIGGERS, is_guarded

__all__ = [
    "clean_text",
    "name_key",
    "normalise_person_name",
    "split_person_name",
    "join_name",
    "normalise_email",
    "normalise_phone",
    "normalise_website",
    "parse_date",
    "column_is_month_first",
    "parse_strength",
    "parse_weight",
    "parse_bool",
    "parse_number",
    "split_multi",
]

#: Characters that make a spreadsheet treat a text as a formula (the rule is ``lib.core.formulas``);
#: ``lib.core.spreadsheets`` prefixes such texts with one apostrophe, which :func:`clean_text` removes again so
#: that an export imports back unchanged.
FORMULA_STARTS = FORMULA_TRIGGERS

# Invisible characters that arrive with copy-paste and CSV files (the byte-order mark in particular
# sticks to the first header) and would otherwise make two equal texts differ.
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"))
_HAS_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")

_SHOWN_LENGTH = 60


#: Longer text is not kept in the caches below: they live as long as the server, count entries not
#: bytes, and a few huge cells would otherwise stay in memory long after their upload is gone.
CACHED_TEXT_LENGTH = 1_000


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _shown(value: object) -> str:
    """The cell as the user typed it, shortened, for use in a problem message."""
    text = clean_text(value) or ""
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"


def clean_text(value: object, max_length: int | None = None) -> str | None:
    """Tidy text from a cell: one line, single spaces, no formula-guard apostrophe.

    Parameters
    ----------
    value : object
        A cell value. Whole floats become integers first, so ``123.0`` from Excel gives ``"123"``.
    max_length : int, optional
        Longest text accepted; longer text raises ``value.too_long``.

    Returns
    -------
    str or None
        NFC-normalised text with all whitespace runs (spaces, non-breaking spaces, tabs, newlines)
        collapsed to one space and the ends stripped; ``None`` when nothing is left.

    Notes
    -----
    One leading apostrophe is removed when what follows would run as a formula (``= + - @``, also
    full-width or after spaces, tab or carriage return: ``lib.core.formulas``): that is how
    ``lib.core.spreadsheets`` neutralises formulas, and the apostrophe is not part of the value.
    """
    if type(value) is str:  # noqa: E721 - the common case, checked first because imports call this a lot
        text = _clean_string(value) if len(value) <= CACHED_TEXT_LENGTH else _clean_string.__wrapped__(value)
    elif value is None or _is_nan(value):
        return None
    else:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        value = value if isinstance(value, str) else str(value)
        text = _clean_string(value) if len(value) <= CACHED_TEXT_LENGTH else _clean_string.__wrapped__(value)
    if text is None:
        return None
    if max_length is not None and len(text) > max_length:
        raise ValidationFailed("value.too_long", length=len(text), max=max_length)
    return text


@functools.lru_cache(maxsize=131_072)
def _clean_string(text: str) -> str | None:
    """The work of :func:`clean_text` on a string; cached because an import cleans the same cell
    several times (reading, splitting, validating) and lists repeat organisation names and titles."""
    text = unicodedata.normalize("NFC", text)
    # translate() goes character by character in Python objects; a search first keeps a huge cell cheap.
    if _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    if is_guarded(text):
        text = text[1:]
    return " ".join(text.split()) or None


# --------------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------------


def _is_edge_noise(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PS"


def _strip_punctuation(text: str) -> str:
    """``text`` without punctuation, symbols and spaces at either end ("»Jens Hansen«," → "Jens Hansen")."""
    start, end = 0, len(text)
    while start < end and _is_edge_noise(text[start]):
        start += 1
    while end > start and _is_edge_noise(text[end - 1]):
        end -= 1
    return text[start:end]


def name_key(name: object) -> str:
    """A folded key under which the same name written differently compares equal.

    "Jens  Hansen ", "jens hansen" and "JENS HANSEN." give the same key. The key is NFC-normalised,
    case-folded, whitespace-collapsed and stripped of punctuation at both ends.

    Danish letters are kept as they are: "Søren" and "Soren" get different keys, and so do "Århus"
    and "Aarhus". Folding them together would merge names that really differ; the duplicate review
    (``lib.contacts``) catches such near misses with a fuzzy comparison instead.

    Returns ``""`` for empty input.
    """
    text = clean_text(name)
    if text is None:
        return ""
    return _folded_key(text) if len(text) <= CACHED_TEXT_LENGTH else _folded_key.__wrapped__(text)


@functools.lru_cache(maxsize=65_536)
def _folded_key(text: str) -> str:
    return " ".join(_strip_punctuation(text.casefold()).split())


_NAME_WORD = re.compile(r"^[^\W\d_]+(?:[-'’.][^\W\d_]*)*\.?$")


def _looks_like_name_words(text: str, max_words: int) -> bool:
    words = text.split()
    return 1 <= len(words) <= max_words and all(_NAME_WORD.match(word) for word in words)


def normalise_person_name(value: object) -> str | None:
    """A person's name as "First Last", turning "Hansen, Jens" around.

    The text is reordered only when it has exactly one comma and both sides are one or two words of
    letters (hyphens, apostrophes and initials allowed), e.g. "Møller Hansen, Anne-Marie" →
    "Anne-Marie Møller Hansen". Anything else ("Hansen, Jens, bibliotekar", "Aarhus Kommune, Børn
    og Unge" with three words after the comma) is returned cleaned but unchanged.
    """
    text = clean_text(value)
    if text is None or text.count(",") != 1:
        return text
    last, first = (part.strip() for part in text.split(","))
    if _looks_like_name_words(last, 2) and _looks_like_name_words(first, 2):
        return f"{first} {last}"
    return text


#: Surname particles that belong to the last name ("Ludwig van Beethoven" → last "van Beethoven").
_SURNAME_PARTICLES = frozenset({"af", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von", "zu"})


def split_person_name(full: object) -> tuple[str | None, str | None]:
    """Split a full name into (first, last); the last word is the surname, the rest the first names.

    Danish middle names are usually family names, but in a contact list they read as part of what
    people call someone, so "Jens Peter Hansen" gives ("Jens Peter", "Hansen"). Surname particles
    (van, von, de, af …) stay with the last name. "Hansen, Jens" is turned around first (see
    :func:`normalise_person_name`). A single word is a first name: ("Jens", None).
    """
    text = normalise_person_name(full)
    if text is None:
        return None, None
    words = text.split()
    if len(words) == 1:
        return words[0], None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _SURNAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def join_name(first: object = None, middle: object = None, last: object = None) -> str | None:
    """One name from the separate First/Middle/Last columns of Outlook, Google and LinkedIn exports.

    Empty parts are left out; ``None`` when every part is empty.
    """
    parts = [clean_text(part) for part in (first, middle, last)]
    joined = " ".join(part for part in parts if part)
    return joined or None


# --------------------------------------------------------------------------------------------------
# E-mail, phone, website
# --------------------------------------------------------------------------------------------------

_ANGLE_ADDRESS = re.compile(r"<([^<>]*)>")


def _bare_email(text: str) -> str:
    """The address out of "mailto:", "<a@b.dk>" and "Jens Hansen <a@b.dk>" forms."""
    inside = _ANGLE_ADDRESS.search(text)
    if inside:
        text = inside.group(1)
    text = text.strip().strip("\"'").strip()
    if text[:7].casefold() == "mailto:":
        text = text[7:]
    return text.split("?", 1)[0].strip().rstrip(".;,")


#: The everyday address (a dot-atom, Latin-1 letters such as æøå allowed, @ ASCII host names with an
#: alphabetic top level), which
#: email_validator accepts as it is. Recognising it directly makes a 100,000-row import seconds faster;
#: anything else still goes through email_validator. tests/test_normalize.py checks they agree.
_LOCAL_CHARACTERS = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff!#$%&'*+/=?^_`{|}~-"
_PLAIN_ADDRESS = re.compile(
    rf"[{_LOCAL_CHARACTERS}]+(?:\.[{_LOCAL_CHARACTERS}]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
_SPECIAL_USE_SUFFIXES = tuple("." + name for name in SPECIAL_USE_DOMAIN_NAMES)


def _plain_address(text: str) -> str | None:
    """``text`` lower-cased when it is an everyday address that needs no further checks, else None."""
    if len(text) > 254 or not _PLAIN_ADDRESS.fullmatch(text):
        return None
    local, domain = text.rsplit("@", 1)
    if len(local) > 64 or len(domain) > 253 or domain.casefold().endswith(_SPECIAL_USE_SUFFIXES):
        return None
    if "--" in domain:  # IDNA reserves "--" in a label's third and fourth place: leave it to the validator
        return None
    return text.lower()


def normalise_email(value: object) -> str | None:
    """A valid e-mail address in lower case, or ``ValidationFailed("value.email_invalid")``.

    Accepts "mailto:" links, "<a@b.dk>" and "Name <a@b.dk>". The syntax is checked with
    ``email_validator`` without looking the domain up (imports must work offline and quickly). The
    whole address is lower-cased: mail systems treat the local part case-insensitively in practice,
    and one person must not become two because of "Jens@" and "jens@".

    Several addresses in one cell raise ``value.email_several``; split them first with
    :func:`split_multi`.
    """
    text = clean_text(value)
    if text is None:
        return None
    plain = _plain_address(text)
    if plain is not None:
        return plain
    if sum("@" in part for part in split_multi(text, "email")) > 1:
        raise ValidationFailed("value.email_several", value=_shown(text))
    address = _bare_email(text)
    try:
        checked = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        raise ValidationFailed("value.email_invalid", value=_shown(text)) from None
    return checked.normalized.lower()


_EXTENSION = re.compile(r"\s*(?:lok(?:al)?\.?|ext\.?|extension|x)\s*\d{1,6}\s*$", re.IGNORECASE)


def _phone_text(value: object) -> str | None:
    if isinstance(value, bool):
        raise ValidationFailed("value.phone_invalid", value=str(value))
    text = clean_text(value)
    if text is None:
        return None
    if text[:4].casefold() == "tel:":
        text = text[4:]
    return _EXTENSION.sub("", text)


def _parse_phone(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    candidates = [text]
    digits = re.sub(r"\D", "", text)
    # A number that lost its "+" in Excel (4520123456) still carries the country code. Only the home
    # country's code is trusted: a mistyped Danish number must not turn into a foreign one.
    home_code = str(phonenumbers.country_code_for_region(region))
    if not text.lstrip().startswith(("+", "00")) and len(digits) > 8 and digits.startswith(home_code):
        candidates.append("+" + digits)
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        reason = phonenumbers.is_possible_number_with_reason(number)
        if reason == phonenumbers.ValidationResult.IS_POSSIBLE:
            return number
    return None


def display_phone(number: object, region: str = "DK") -> str | None:
    """A stored (E.164) phone number as people write it: "+45 87 15 00 00" for a Danish number, the
    international form ("+46 70 123 45 67") for a foreign one. Storage stays E.164; this is for the
    screen and for files meant for people. Text that is not a phone number is returned as it is."""
    if number is None or (isinstance(number, float) and number != number):
        return None
    text = str(number).strip()
    if not text:
        return None
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_possible_number(parsed):
        return text
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def display_phones(numbers: object, region: str = "DK") -> list[str]:
    """:func:`display_phone` for each of several numbers (a person's further numbers)."""
    return [shown for number in numbers or [] if (shown := display_phone(number, region))]


def normalise_phone(value: object, region: str = "DK") -> str | None:
    """A phone number in E.164 form ("+4520123456"), or ``ValidationFailed("value.phone_invalid")``.

    Parameters
    ----------
    value : object
        "20 12 34 56", "+45 20123456", "0045 2012 3456", "(+45) 20-12-34-56", "tel:+4520123456",
        Excel numbers (20123456 or 20123456.0), foreign numbers with "+" or "00". A trailing
        extension ("lok. 12", "ext 12") is dropped: E.164 has no place for it.
    region : str
        The country assumed for numbers without a country code; Denmark by default.

    Notes
    -----
    A number is accepted when it has a possible length for its country. The stricter range check of
    ``phonenumbers.is_valid_number`` is not used: its tables lag behind newly opened number ranges,
    and refusing a real number is worse than keeping an unusual one.
    """
    text = _phone_text(value)
    if text is None:
        return None
    formatted = _e164(text, region)
    if formatted is None:
        raise ValidationFailed("value.phone_invalid", value=_shown(value))
    return formatted


#: A Danish number written the everyday way: eight digits, first 2–9, in pairs or fours, maybe with
#: +45 or 0045 in front. phonenumbers gives "+45" and the digits for these; it is skipped for speed.
_EVERYDAY_DANISH = re.compile(r"(?:(?:\+|00)45[ .-]?)?([2-9]\d)[ .-]?(\d\d)[ .-]?(\d\d)[ .-]?(\d\d)")


@functools.lru_cache(maxsize=65_536)
def _e164(text: str, region: str) -> str | None:
    """The E.164 form of ``text`` or None; cached, since lists repeat switchboard numbers."""
    if region == "DK":
        everyday = _EVERYDAY_DANISH.fullmatch(text)
        if everyday:
            return "+45" + "".join(everyday.groups())
    number = _parse_phone(text, region)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_HOST_LABEL = re.compile(r"^(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?$")


def _valid_host(host: str) -> bool:
    labels = host.split(".")
    if len(labels) < 2 or len(host) > 253:
        return False
    if not all(_HOST_LABEL.match(label) for label in labels):
        return False
    top = labels[-1]
    return top.isalpha() and len(top) >= 2 or top.startswith("xn--")


def normalise_website(value: object) -> str | None:
    """A website address as "https://example.dk/…", or ``ValidationFailed("value.website_invalid")``.

    "www.bibliotek.dk" and "bibliotek.dk/om" get "https://" in front; an explicit "http://" is kept.
    The host is lower-cased (the path keeps its case) and a bare trailing "/" is dropped. Refused:
    other schemes ("javascript:", "ftp:"), e-mail addresses, text with spaces, hosts without a dot
    and top-level domain, and addresses with a user name or password in them.
    """
    text = clean_text(value)
    if text is None:
        return None
    text = text.strip("<>\"'")
    if text.startswith("//"):
        text = "https:" + text
    elif "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        raise ValidationFailed("value.website_invalid", value=_shown(value)) from None
    acceptable = (
        parts.scheme.casefold() in ("http", "https")
        and " " not in text
        and "@" not in parts.netloc
        and _valid_host(host)
    )
    if not acceptable:
        raise ValidationFailed("value.website_invalid", value=_shown(value))
    netloc = host + (f":{port}" if port else "")
    path = "" if parts.path == "/" and not parts.query and not parts.fragment else parts.path
    return urlunsplit((parts.scheme.casefold(), netloc, path, parts.query, parts.fragment))


# --------------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------------
# Strength, yes/no, numbers
# --------------------------------------------------------------------------------------------------

#: Words people write for a relation's strength on the 1–5 scale.
STRENGTH_WORDS: dict[str, int] = {
    "meget svag": 1,
    "very weak": 1,
    "svag": 2,
    "weak": 2,
    "middel": 3,
    "mellem": 3,
    "medium": 3,
    "moderate": 3,
    "moderat": 3,
    "stærk": 4,
    "strong": 4,
    "meget stærk": 5,
    "very strong": 5,
}
_OUT_OF_FIVE = re.compile(r"^(\d)\s*(?:/|af|of|ud af|out of)\s*5$")
_STARS = re.compile(r"^[★*]{1,5}$")


def _strength_from_text(text: str) -> int | float | None:
    folded = text.casefold()
    if folded in STRENGTH_WORDS:
        return STRENGTH_WORDS[folded]
    if match := _OUT_OF_FIVE.match(folded):
        return int(match.group(1))
    if _STARS.match(folded):
        return len(folded)
    try:
        return parse_number(text)
    except ValidationFailed:
        return None


def parse_strength(value: object) -> int | None:
    """A relation's strength, a whole number from 1 (weak) to 5 (strong).

    Accepts 3, 3.0, "3", "3,0", "4/5", "4 af 5", "★★★" and the words in :data:`STRENGTH_WORDS`
    ("svag", "stærk", "meget stærk" …). Anything else, or a number outside 1–5 or with a fraction,
    raises ``value.strength_invalid``.
    """
    if value is None or _is_nan(value):
        return None
    if isinstance(value, bool):
        raise ValidationFailed("value.strength_invalid", value=str(value))
    if isinstance(value, (int, float)):
        number: int | float | None = value
    else:
        text = clean_text(value)
        if text is None:
            return None
        number = _strength_from_text(text)
    if number is None or not float(number).is_integer() or not 1 <= number <= 5:
        raise ValidationFailed("value.strength_invalid", value=_shown(value))
    return int(number)


def parse_weight(value: object) -> tuple[float, int | None] | None:
    """A tie's weight, and its strength on the 1–5 scale where it has one: ``(weight, strength)``.

    A network file's ``Weight`` (Gephi), ``Strength`` (Kumu) or a list's "Styrke"/"Vægt" is any
    positive number: 2.5 → (2.5, None), 7 → (7.0, None). It is also a strength where it is a whole
    number from 1 to 5, written as a number, "4 af 5", "4/5", stars or a word
    (:data:`STRENGTH_WORDS`): 4 → (4.0, 4), "stærk" → (4.0, 4). Zero, a negative number or text that
    is no number raises ``value.weight_invalid``; an empty cell is ``None``.
    """
    if value is None or _is_nan(value):
        return None
    if isinstance(value, bool):
        raise ValidationFailed("value.weight_invalid", value=str(value))
    if isinstance(value, (int, float)):
        number: int | float | None = value
    else:
        text = clean_text(value)
        if text is None:
            return None
        number = _strength_from_text(text)
    if number is None or not math.isfinite(number) or number <= 0:
        raise ValidationFailed("value.weight_invalid", value=_shown(value))
    weight = float(number)
    return weight, int(weight) if weight.is_integer() and 1 <= weight <= 5 else None


_TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "x", "1", "true", "sand", "✓", "✔", "☑", "☒", "✗"})
_FALSE_WORDS = frozenset({"nej", "n", "no", "0", "false", "falsk", "☐"})


def parse_bool(value: object) -> bool | None:
    """Yes or no from "ja"/"nej", "yes"/"no", "x", "1"/"0", "true"/"false", "sand"/"falsk", "✓".

    A cross ("x", "✗", "☒") means yes: it is how people tick a box in a spreadsheet. Unrecognised
    text raises ``value.bool_invalid``; an empty cell is ``None``, not "no".
    """
    if value is None or _is_nan(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = clean_text(value)
    if text is None:
        return None
    folded = text.casefold()
    if folded in _TRUE_WORDS:
        return True
    if folded in _FALSE_WORDS:
        return False
    raise ValidationFailed("value.bool_invalid", value=_shown(value))


_NUMBER_TEXT = re.compile(r"^[+-]?[\d.,]+$")


def _grouped(digits: str, separator: str) -> bool:
    """Whether ``digits`` is thousands-grouped with ``separator`` ("1.234.567")."""
    return re.fullmatch(rf"\d{{1,3}}(?:{re.escape(separator)}\d{{3}})+", digits) is not None


def _number_from_text(text: str) -> float | None:
    compact = re.sub(r"[\s\u202f']", "", text)  # spaces and apostrophes group thousands too
    if not _NUMBER_TEXT.match(compact):
        return None
    sign = -1.0 if compact.startswith("-") else 1.0
    digits = compact.lstrip("+-")
    plain = _plain_digits(digits)
    if plain is None or not re.fullmatch(r"\d+(\.\d+)?|\.\d+", plain):
        return None
    return sign * float(plain)


def _plain_digits(digits: str) -> str | None:
    """``digits`` with thousands separators removed and "." as the decimal point, or ``None``."""
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        whole, _, fraction = digits.rpartition(decimal)
        return whole.replace(grouping, "") + "." + fraction if _grouped(whole, grouping) else None
    for separator in (",", "."):
        if digits.count(separator) > 1:
            return digits.replace(separator, "") if _grouped(digits, separator) else None
    if "." in digits and _grouped(digits, ".") and not digits.startswith("0"):
        return digits.replace(".", "")  # "1.234" is one thousand two hundred and thirty-four
    return digits.replace(",", ".")


def parse_number(value: object) -> float | None:
    """A number from a cell, reading Danish and English separators.

    "3,5" → 3.5 and "1.234,5" → 1234.5 (Danish); "1,234.5" → 1234.5 and "1,234,567" → 1234567
    (English, unambiguous because both separators or several groups appear). A single separator is
    read the Danish way: "1,234" is 1.234 and "1.234" is 1234, while "3.5" (not a group of three
    digits) is 3.5. Spaces between thousands are allowed. Anything else raises
    ``value.number_invalid``.
    """
    if value is None or _is_nan(value):
        return None
    if isinstance(value, bool):
        raise ValidationFailed("value.number_invalid", value=str(value))
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValidationFailed("value.number_invalid", value=_shown(value))
        return float(value)
    text = clean_text(value)
    if text is None:
        return None
    number = _number_from_text(text)
    if number is None:
        raise ValidationFailed("value.number_invalid", value=_shown(value))
    return number


# --------------------------------------------------------------------------------------------------
# Several values in one cell
# --------------------------------------------------------------------------------------------------

#: How a cell holding several values is cut, per field. Organisation names are not cut at commas
#: ("Aarhus Kommune, Børn og Unge" is one organisation) nor at a bare "/" ("A/S"); phones are not cut
#: at spaces ("20 12 34 56").
_SEPARATORS: dict[str, re.Pattern[str]] = {
    "email": re.compile(r"[;,\n]+"),
    "phone": re.compile(r"[;,\n/]+|\s+(?:eller|or|og|and)\s+", re.IGNORECASE),
    "organisation": re.compile(r"[;\n]+|\s+/\s+"),
    # An organisation's other spellings: at ";" and line breaks only ("A/S", "Skole / SFO" stay whole).
    "aliases": re.compile(r"[;\n]+"),
}


#: Besides the separators, a space or angle bracket in an e-mail cell means more than one piece.
_EMAIL_LIST_MARKS = re.compile(r"[\s<]")
_ADDRESS_IN_LIST = re.compile(r"<([^<>]*)>|[^\s<>;,]+@[^\s<>;,]+")


def _email_parts(text: str) -> list[str]:
    """The addresses in an e-mail cell, in order.

    A list copied from Outlook ("Hansen, Jens <jh@x.dk>; Ærø, Søren <s@x.dk>") has commas inside
    the display names, so when angle brackets appear only the addresses are taken (the names are
    dropped). Otherwise the cell is cut at ``;``, ``,``, line breaks and spaces, keeping every piece
    so that a piece that is not an address is reported rather than silently lost.
    """
    if "<" in text:
        return [
            match.group(1) if match.group(1) is not None else match.group(0)
            for match in _ADDRESS_IN_LIST.finditer(text)
        ]
    return [part for chunk in _SEPARATORS["email"].split(text) for part in chunk.split()]


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _meaningful(part: str) -> bool:
    return _LETTER_OR_DIGIT.search(part) is not None


def split_multi(value: object, field: str) -> list[str]:
    """The separate values in a cell that holds several ("a@x.dk; b@y.dk"), in order, without repeats.

    Parameters
    ----------
    value : object
        The cell.
    field : str
        Decides where to cut:

        * ``email``: at ``;``, ``,``, line breaks and spaces; from "Name <a@b.dk>" entries only
          the addresses are kept (Outlook's "Hansen, Jens <jh@x.dk>" has a comma in the name);
        * ``phone``: at ``;``, ``,``, ``/``, line breaks and the words "eller"/"or"/"og"/"and",
          never at spaces;
        * ``organisation``: at ``;``, line breaks and " / " with spaces around it, never at commas;
        * ``aliases`` (an organisation's other spellings): at ``;`` and line breaks only;
        * any other field: not cut; the cleaned cell is the only value.

    Returns
    -------
    list of str
        Cleaned parts; empty parts and parts without a letter or digit are dropped, and a repeat of
        an earlier part (compared case-insensitively) is dropped.
    """
    text = clean_text(value) if not isinstance(value, str) else unicodedata.normalize("NFC", value)
    if text is None:
        return []
    separator = _SEPARATORS.get(field)
    if separator is None or not (separator.search(text) or field == "email" and _EMAIL_LIST_MARKS.search(text)):
        # One value, the usual case: no splitting and re-cleaning needed.
        single = clean_text(text)
        return [single] if single is not None and _meaningful(single) else []
    if field == "email":
        chunks = _email_parts(text)
    else:
        chunks = separator.split(text)
    parts: list[str] = []
    seen: set[str] = set()
    for chunk in chunks:
        part = clean_text(chunk)
        if part is None or not _meaningful(part) or part.casefold() in seen:
            continue
        seen.add(part.casefold())
        parts.append(part)
    return parts
