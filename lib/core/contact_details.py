"""E-mail addresses, phone numbers and websites from imported cells, and phones for display.

Part of the value parsers of :mod:`lib.core.normalize` (which re-exports the public names): each takes
one cell and returns the clean value, ``None`` for an empty cell, or raises
:class:`lib.core.errors.ValidationFailed` with a ``value.*`` key. A phone number without a country code
is Danish (+45).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

import phonenumbers
from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from lib.core.errors import ValidationFailed
from lib.core.text import _shown, clean_text, split_multi

__all__ = [
    "display_phone",
    "display_phones",
    "everyday_danish_phone",
    "everyday_email",
    "normalise_email",
    "normalise_phone",
    "normalise_website",
]

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
#: anything else still goes through email_validator. tests/core/test_normalize.py checks they agree.
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


def everyday_email(cell: str) -> str | None:
    """The one address of an e-mail cell that holds an everyday address exactly as it stands (no
    spaces, separators, brackets, "mailto:", invisible characters or formula apostrophe), lower-cased;
    None for any other cell, which then goes the whole way (``split_multi`` and :func:`normalise_email`).

    On the cells it answers, the answer is that whole way's (one address): such a cell is its own
    cleaned text and a single piece. ``tests/core/test_normalize.py`` checks both with hypothesis,
    and against ``email_validator``.
    """
    if cell[:1] == "'":  # an apostrophe before a formula character is the export's guard, not the address
        return None
    return _plain_address(cell)


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


def display_phones(numbers: Iterable[object] | None, region: str = "DK") -> list[str]:
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


def everyday_danish_phone(cell: str) -> str | None:
    """The E.164 form of a phone cell that holds one Danish number written the everyday way
    (:data:`_EVERYDAY_DANISH`: "+45 20123456", "20 12 34 56", "0045-2012-3456"), None for any other
    cell, which then goes the whole way (``split_multi`` and :func:`normalise_phone`, region DK).

    Such a cell is its own cleaned text, a single piece with no extension, so the answer is the
    whole way's; ``tests/core/test_normalize.py`` checks it with hypothesis, and against phonenumbers.
    """
    everyday = _EVERYDAY_DANISH.fullmatch(cell)
    return "+45" + "".join(everyday.groups()) if everyday else None


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
