"""The one cleaning of a cell's text: one line, single spaces, NFC, no invisible characters.

Every parser of :mod:`lib.core.normalize` (and :mod:`lib.core.dates`, :mod:`lib.core.contact_details`)
starts from :func:`clean_text`; ``_shown`` is how a problem message quotes what the user typed.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata

from lib.core.errors import ValidationFailed
from lib.core.formulas import FORMULA_TRIGGERS, is_guarded

__all__ = ["CACHED_TEXT_LENGTH", "FORMULA_STARTS", "clean_text", "split_multi"]

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
