"""How organisations are compared: CVR numbers normalised, names folded (aa/å, legal forms, accents ...)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from lib.core.errors import ValidationFailed

#: Least rapidfuzz ``fuzz.ratio`` (0–100) of two folded names for "nearly the same name" (as for
#: people, ``lib.contacts.NEAR_DUPLICATE_SCORE``).
SIMILAR_SCORE = 90

#: Most typos (a letter missing, extra or wrong, two letters swapped) between "nearly the same" names.
MAX_TYPOS = 1

#: Shortest word a typo may be in: one letter more or less makes a short word another word ("FOF" and
#: "AOF" are two adult education associations, "Syd" and "Sud" two places).
MIN_TYPO_WORD = 4

#: Why two organisations may be one, most certain first.
RULES = ("same_cvr", "same_folded_name", "similar_name", "abbreviation")

#: Words that are short forms even without a full stop ("Aarhus Uni", "Viby Gymn"): each stands for
#: any longer word it begins (see :func:`abbreviates`).
SHORT_FORMS = frozenset({"uni", "univ", "gymn", "bibl", "afd", "forv", "kbh", "skt", "st"})

#: Short forms that do not begin the word they stand for (folded; each full word begins with the same
#: letter as its short form, which the blocking of :func:`lib.contacts.organisation_pairs.find_pairs` needs).
SHORT_FOR: dict[str, tuple[str, ...]] = {
    "kbh": ("københavn", "københavns"),
    "kbhs": ("københavns",),
    "skt": ("sankt",),
    "st": ("sankt",),
}

#: Least length of the full word, as a multiple of a short form that begins it: "Uni." is short for
#: "Universitet" and "Gymn." for "Gymnasium", but "Sko." is not "Skole" (nor "Komm." "Kommune"): a
#: word cut a letter or two short is more likely another word than an abbreviation.
ABBREVIATION_RATIO = 2

#: What :func:`fold_name` ignores, in the order it applies them.
FOLDINGS = ("aa", "oe", "ae", "case", "and", "legal_form", "accents", "punctuation")

#: The workspace setting that holds the pairs a person said are two organisations.
DISMISSED_SETTING = "organisation_pairs_dismissed"

#: Where an alias came from (``OrganisationAlias.source``).
ALIAS_FROM_MERGE = "merge"

_CVR_DIGITS = 8

_CVR_NOISE = re.compile(r"^(?:cvr)?[\s.:#-]*(?:nr|nummer|no)?[\s.:#-]*(?:dk)?[\s.:#-]*", re.IGNORECASE)

_LEGAL_FORM = re.compile(
    r"(?<![\w/.])(?:a/s|i/s|k/s|p/s|aps|ivs|a\.m\.b\.a\.?|amba|f\.m\.b\.a\.?|fmba|s\.m\.b\.a\.?|smba"
    r"|foreningen|forening)(?![\w/])",
    re.IGNORECASE,
)

_NUMBER = re.compile(r"\d+")

#: The Danish letters and how they are also written: "Aarhus" is "Århus", "Malmö" is "Malmø". The
#: other way round ("Århus" as "Aarhus") would make "Vestervang" and "Østervang" ("oestervang") one
#: typo apart.
_DANISH = {
    "aa": (re.compile("aa|aA"), "å", re.compile("AA|Aa"), "Å"),
    "oe": (re.compile("oe|oE|ö"), "ø", re.compile("OE|Oe|Ö"), "Ø"),
    "ae": (re.compile("ae|aE|ä"), "æ", re.compile("AE|Ae|Ä"), "Æ"),
}

_KEEP_AS_LETTERS = frozenset("åÅøØæÆ")


def normalise_cvr(value: object) -> str | None:
    """The eight digits of a Danish CVR number as a file or a person writes it.

    Parameters
    ----------
    value : object
        A cell value: text such as ``"DK12345678"``, ``"12 34 56 78"`` or ``"CVR-nr. 12345678"``, or a
        number from Excel.

    Returns
    -------
    str or None
        The eight digits, or None for an empty value.

    Raises
    ------
    ValidationFailed
        ``orgdup.cvr_invalid`` when the value is not eight digits.

    Examples
    --------
    >>> normalise_cvr("DK12345678")
    '12345678'
    >>> normalise_cvr("12 34 56 78")
    '12345678'
    >>> normalise_cvr("CVR-nr.: 29 18 97 27")
    '29189727'
    >>> normalise_cvr(29189727.0)
    '29189727'
    >>> normalise_cvr("  ") is None
    True
    >>> normalise_cvr("1234")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    lib.core.errors.ValidationFailed: “1234” is not a CVR number. A CVR number has 8 digits, ...
    """
    if value is None or isinstance(value, bool):
        return None if value is None else _refuse_cvr(value)
    if isinstance(value, float):
        if not value.is_integer():
            return _refuse_cvr(value)
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    digits = _CVR_NOISE.sub("", text, count=1)
    digits = "".join(digits.replace("-", " ").replace(".", " ").split())
    if len(digits) != _CVR_DIGITS or not digits.isascii() or not digits.isdigit() or digits[0] == "0":
        return _refuse_cvr(value)
    return digits


def _refuse_cvr(value: object) -> str:
    raise ValidationFailed("orgdup.cvr_invalid", value=value)


def fold_name(name: str, foldings: Iterable[str] = FOLDINGS) -> str:
    """The name as it is compared: what ``foldings`` name is ignored.

    Parameters
    ----------
    name : str
        An organisation's name.
    foldings : iterable of str, optional
        Which of :data:`FOLDINGS` to apply (all by default): ``aa`` (aa is å), ``oe`` (oe and ö are
        ø), ``ae`` (ae and ä are æ), ``case``, ``and`` ("&" is "og"), ``legal_form`` (ApS, A/S, I/S,
        K/S, P/S, IVS, a.m.b.a., forening, foreningen), ``accents`` (é is e), ``punctuation`` (and
        spacing).

    Returns
    -------
    str
        The folded name. With every folding it holds lower-case letters (æ, ø and å for ae, oe and
        aa) and digits only.

    Examples
    --------
    >>> fold_name("Århus Kommune") == fold_name("Aarhus kommune")
    True
    >>> fold_name("Kultur-huset ApS")
    'kulturhuset'
    >>> fold_name("Foreningen Læs & Skriv")
    'læsogskriv'
    >>> fold_name("Aarhus Kommune", foldings=("case",))
    'aarhus kommune'
    """
    chosen = frozenset(foldings)
    return _fold(name, chosen)


@lru_cache(maxsize=65_536)
def _fold(name: str, foldings: frozenset[str]) -> str:
    text = unicodedata.normalize("NFC", name)
    for folding, (small, letter, capital, capital_letter) in _DANISH.items():
        if folding in foldings:
            text = capital.sub(capital_letter, small.sub(letter, text))
    if "case" in foldings:
        text = text.casefold()
    if "and" in foldings:
        text = text.replace("&", " og ")
    if "legal_form" in foldings:
        text = _LEGAL_FORM.sub(" ", text)
    if "accents" in foldings and not text.isascii():
        text = "".join(map(_without_accent, text))
    if "punctuation" in foldings:
        return "".join(filter(str.isalnum, text))
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def _without_accent(char: str) -> str:
    if char.isascii() or char in _KEEP_AS_LETTERS:
        return char
    return "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))


def numbers_in(name: str) -> tuple[int, ...]:
    """The numbers written in a name, in order: two names with other numbers are two organisations.

    Examples
    --------
    >>> numbers_in("Skole 3, afd. 12")
    (3, 12)
    >>> numbers_in("Kulturhuset") == numbers_in("Kultur-huset")
    True
    """
    return tuple(int(found) for found in _NUMBER.findall(name))


def foldings_needed(first: str, second: str) -> tuple[str, ...]:
    """Which foldings two names that fold the same need: the ones without which they differ.

    Examples
    --------
    >>> foldings_needed("Aarhus Kommune", "Århus kommune")
    ('aa', 'case')
    >>> foldings_needed("Kultur-huset ApS", "Kulturhuset")
    ('legal_form', 'punctuation')
    """
    every = frozenset(FOLDINGS)
    return tuple(folding for folding in FOLDINGS if _fold(first, every - {folding}) != _fold(second, every - {folding}))


_WORD = re.compile(r"(\w+)(\.)?")


@lru_cache(maxsize=65_536)
def abbreviation_words(name: str) -> tuple[tuple[str, bool], ...]:
    """The folded words of a name, each with whether it is written as a short form.

    A word is a short form when a full stop follows it ("Uni.", "Kbh.") or it is one of
    :data:`SHORT_FORMS`.

    Examples
    --------
    >>> abbreviation_words("Aarhus Uni.")
    (('århus', False), ('uni', True))
    >>> abbreviation_words("Kbh Kommune")
    (('kbh', True), ('kommune', False))
    """
    text = _fold(name, frozenset(FOLDINGS) - {"punctuation"})
    return tuple(
        (match.group(1), bool(match.group(2)) or match.group(1) in SHORT_FORMS) for match in _WORD.finditer(text)
    )


def abbreviates(short: str, word: str) -> bool:
    """Whether the folded word ``short`` may be written for ``word``.

    Examples
    --------
    >>> abbreviates("uni", "universitet"), abbreviates("kbh", "københavns"), abbreviates("sko", "skole")
    (True, True, False)
    """
    if word in SHORT_FOR.get(short, ()):
        return True
    return len(short) >= 2 and word.startswith(short) and len(word) >= ABBREVIATION_RATIO * len(short)


def abbreviated_words(first: str, second: str) -> tuple[tuple[str, str], ...]:
    """The (short form, full word) pairs that make two names one, else ().

    The names have as many words; at every place the words are the same, or one is written as a
    short form (:func:`abbreviation_words`) of the other (:func:`abbreviates`); at least one word is
    a short form, and another the same or a short form too ("Kbh. Uni."); one word alone is too little
    to tell ("Uni." is not always the same university).

    Examples
    --------
    >>> abbreviated_words("Aarhus Uni.", "Århus Universitet")
    (('uni', 'universitet'),)
    >>> abbreviated_words("Kbh. Kommune", "Københavns Kommune")
    (('kbh', 'københavns'),)
    >>> abbreviated_words("Aarhus Sko.", "Aarhus Skole")
    ()
    """
    a, b = abbreviation_words(first), abbreviation_words(second)
    if len(a) != len(b) or len(a) < 2:
        return ()
    found: list[tuple[str, str]] = []
    same = 0
    for (word_a, short_a), (word_b, short_b) in zip(a, b, strict=True):
        if word_a == word_b:
            same += 1
        elif short_a and abbreviates(word_a, word_b):
            found.append((word_a, word_b))
        elif short_b and abbreviates(word_b, word_a):
            found.append((word_b, word_a))
        else:
            return ()
    return tuple(found) if found and (same or len(found) > 1) else ()
