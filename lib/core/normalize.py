"""Value parsers for imported cells: text, names, e-mails, phones, dates, numbers, websites.

This module is their public face: names, strengths, yes/no and numbers live here; text cleaning and
cutting in :mod:`lib.core.text`, dates in :mod:`lib.core.dates`, e-mails, phones and websites in
:mod:`lib.core.contact_details`, each re-exported below.

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

import functools
import math
import re
import unicodedata

from lib.core.contact_details import display_phone, display_phones, normalise_email, normalise_phone, normalise_website
from lib.core.dates import column_is_month_first, parse_date
from lib.core.errors import ValidationFailed
from lib.core.text import CACHED_TEXT_LENGTH, _is_nan, _shown, clean_text, split_multi

__all__ = [
    "clean_text",
    "name_key",
    "normalise_person_name",
    "split_person_name",
    "join_name",
    "normalise_email",
    "normalise_phone",
    "display_phone",
    "display_phones",
    "normalise_website",
    "parse_date",
    "column_is_month_first",
    "parse_strength",
    "parse_weight",
    "parse_bool",
    "parse_number",
    "split_multi",
]


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
