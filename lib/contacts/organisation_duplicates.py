"""Organisations written in several ways: near-duplicates for review, and what an import matches on.

Library staff write the same organisation in many ways: "Aarhus Kommune", "Århus kommune",
"Kultur-huset ApS", "Kulturhuset". This module

* folds a name for comparison (:func:`fold_name`): å/aa, ø/oe, æ/ae, case, "&"/"og", the legal form
  (ApS, A/S, I/S, K/S, P/S, IVS, forening), accents, and punctuation and spacing are ignored;
* finds pairs of organisations that may be one (:func:`find_pairs`, rules in :func:`classify`): the
  same CVR number, the same folded name, or names one typo apart with a rapidfuzz score of at least
  :data:`SIMILAR_SCORE`. Names that differ in their numbers ("Skole 3", "Skole 4") are never a pair,
  nor are two organisations with different CVR numbers. Nothing is merged here: a person decides
  (``lib.contacts.merge_organisations``);
* remembers the pairs a person said are two organisations (:func:`dismiss_pair`), so they are not
  suggested again;
* keeps the removed organisation's name (as an alias), its aliases and its CVR number when two are
  merged (:func:`keep_identity`), and gives an import the organisation a row names
  (:func:`organisation_identity`): its CVR number's, else the one with that name or alias.

Finding pairs does not compare every organisation with every other. Nearly the same names are one
typo apart, so they share a blocking key (:func:`blocking_keys`: the folded name with one character
left out), and only names that share a key, or a CVR number, are compared. Because every pair the
rules admit shares a key, blocking finds exactly the pairs comparing all pairs finds
(:func:`pairs_by_comparing_all` is that reference; ``tests/test_organisation_duplicates.py`` checks
both agree, ``benchmarks/bench_org_duplicates.py`` times them).

The review queue is worked out from the register each time it is shown, so it always matches the
organisations as they are (after an import, an edit or a merge). ``DuplicateCandidate`` holds
people only; the decisions "not the same organisation" are kept in the workspace setting
:data:`DISMISSED_SETTING` until the schema has a table for them. Two stored organisations never share
a CVR number (the column is unique): an import puts a row with a known number on its organisation, so
in the register a pair is found by its names, and ``same_cvr`` judges lists compared in memory.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import DEFAULT_LANGUAGE, t
from lib.db import Affiliation, Organisation, OrganisationAlias, get_setting, log_event, set_setting

if TYPE_CHECKING:
    from lib.ingest.state import WorkingState

#: Least rapidfuzz ``fuzz.ratio`` (0–100) of two folded names for "nearly the same name" (as for
#: people, ``lib.contacts.NEAR_DUPLICATE_SCORE``).
SIMILAR_SCORE = 90
#: Most typos (a letter missing, extra or wrong, two letters swapped) between "nearly the same" names.
MAX_TYPOS = 1
#: Shortest word a typo may be in: one letter more or less makes a short word another word ("FOF" and
#: "AOF" are two adult education associations, "Syd" and "Sud" two places).
MIN_TYPO_WORD = 4
#: Why two organisations may be one, most certain first.
RULES = ("same_cvr", "same_folded_name", "similar_name")
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


# --- CVR numbers -----------------------------------------------------------------------------------


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


# --- folding names ---------------------------------------------------------------------------------


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


# --- pairs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationName:
    """One organisation as the comparison sees it: its folded name and its numbers worked out once."""

    id: int
    name: str
    cvr: str | None = None
    key: str = field(init=False, repr=False, compare=False)
    numbers: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", fold_name(self.name))
        object.__setattr__(self, "numbers", numbers_in(self.name))

    def word_at(self, position: int) -> str:
        """The word of the folded name that holds ``position`` of :attr:`key` (the last one past its end)."""
        end = 0
        words = word_lengths(self.name)
        for number, length in enumerate(words):
            end += length
            if position < end or number == len(words) - 1:
                return self.key[end - length : end]
        return ""


@lru_cache(maxsize=65_536)
def word_lengths(name: str) -> tuple[int, ...]:
    """How long each word of the folded name is: :func:`fold_name` joins these words.

    Examples
    --------
    >>> word_lengths("FOF Solbakke")
    (3, 8)
    """
    text = _fold(name, frozenset(FOLDINGS) - {"punctuation"})
    return tuple(len(list(run)) for is_word, run in groupby(text, key=str.isalnum) if is_word)


@dataclass(frozen=True)
class OrganisationPair:
    """Two organisations that may be one (``a.id`` < ``b.id``), why, and how similar their names are."""

    a: OrganisationName
    b: OrganisationName
    rule: str
    score: float

    @property
    def ids(self) -> tuple[int, int]:
        return self.a.id, self.b.id

    @cached_property
    def ignored(self) -> tuple[str, ...]:
        """The foldings the names needed to be the same (rule ``same_folded_name``), worked out when asked."""
        return foldings_needed(self.a.name, self.b.name) if self.rule == "same_folded_name" else ()


def classify(first: OrganisationName, second: OrganisationName) -> OrganisationPair | None:
    """Whether two organisations may be one, and why; None when they are two.

    * The same CVR number: one organisation, whatever the names (``same_cvr``); two different CVR
      numbers: two organisations, whatever the names.
    * Other numbers in the names ("Skole 3", "Skole 4"): two organisations.
    * The same folded name (:func:`fold_name`): ``same_folded_name``, with the foldings it needed.
    * One typo apart (a letter missing, extra or wrong, or two letters swapped) in a word of at least
      :data:`MIN_TYPO_WORD` letters, and a ``fuzz.ratio`` of at least :data:`SIMILAR_SCORE`:
      ``similar_name``. One typo, because organisations share long words ("Harlev Beboerforening"
      and "Hasle Beboerforening" score 92 but are two); not in a short word, which it makes another
      word ("FOF Solbakke", "AOF Solbakke"); the score, because one letter matters more in a short
      name ("Biblo" and "Bibla" score 80).

    Examples
    --------
    >>> classify(OrganisationName(1, "Aarhus Kommune"), OrganisationName(2, "Århus kommune")).rule
    'same_folded_name'
    >>> classify(OrganisationName(1, "Skole 3"), OrganisationName(2, "Skole 4")) is None
    True
    >>> classify(OrganisationName(1, "Kulturhuset Pavillonen"), OrganisationName(2, "Kulturhuset Pavilonen")).score
    97.6
    >>> classify(OrganisationName(1, "Harlev Beboerforening"), OrganisationName(2, "Hasle Beboerforening")) is None
    True
    >>> classify(OrganisationName(1, "FOF Solbakke"), OrganisationName(2, "AOF Solbakke")) is None
    True
    >>> classify(OrganisationName(1, "Biblo", "12345678"), OrganisationName(2, "Biblo", "87654321")) is None
    True
    """
    a, b = (first, second) if first.id <= second.id else (second, first)
    if a.cvr and b.cvr:
        return OrganisationPair(a, b, "same_cvr", 100.0) if a.cvr == b.cvr else None
    if a.numbers != b.numbers or not a.key or not b.key:
        return None
    if a.key == b.key:
        return OrganisationPair(a, b, "same_folded_name", 100.0)
    if OSA.distance(a.key, b.key, score_cutoff=MAX_TYPOS) > MAX_TYPOS or not _typo_in_a_long_word(a, b):
        return None
    score = fuzz.ratio(a.key, b.key)
    if score >= SIMILAR_SCORE:
        return OrganisationPair(a, b, "similar_name", round(score, 1))
    return None


def _typo_in_a_long_word(a: OrganisationName, b: OrganisationName) -> bool:
    """Whether the one typo between the names is in a word of at least :data:`MIN_TYPO_WORD` letters."""
    at = next((i for i, (x, y) in enumerate(zip(a.key, b.key, strict=False)) if x != y), min(len(a.key), len(b.key)))
    return min(len(a.word_at(at)), len(b.word_at(at))) >= MIN_TYPO_WORD


def find_pairs(organisations: Sequence[OrganisationName]) -> list[OrganisationPair]:
    """Every pair of ``organisations`` that may be one, found through blocking keys; most certain first.

    Candidates share a CVR number or a blocking key of their folded names (:func:`blocking_keys`),
    and each candidate is judged by :func:`classify`: the result is the same as
    :func:`pairs_by_comparing_all`, without comparing every pair.

    Examples
    --------
    >>> found = find_pairs([OrganisationName(1, "Aarhus Kommune"), OrganisationName(2, "Odense Kommune"),
    ...                     OrganisationName(3, "Århus kommune"), OrganisationName(4, "Skole 4"),
    ...                     OrganisationName(5, "Skole 3")])
    >>> [(pair.a.id, pair.b.id, pair.rule) for pair in found]
    [(1, 3, 'same_folded_name')]
    """
    pairs = (classify(organisations[i], organisations[j]) for i, j in _candidates(organisations))
    return _ordered(pair for pair in pairs if pair is not None)


def pairs_by_comparing_all(organisations: Sequence[OrganisationName]) -> list[OrganisationPair]:
    """The same as :func:`find_pairs`, by comparing every organisation with every other (rapidfuzz).

    The reference the blocking is tested and timed against; its work grows with the square of the
    register. Rows are scored :data:`ALL_PAIRS_ROWS` at a time, so its memory does not.
    """
    keys = [org.key for org in organisations]
    candidates = _same_cvr(organisations)
    for first in range(0, len(keys), ALL_PAIRS_ROWS):
        scores = process.cdist(
            keys[first : first + ALL_PAIRS_ROWS], keys, scorer=fuzz.ratio, score_cutoff=SIMILAR_SCORE, dtype=np.uint8
        )
        candidates.update((first + int(i), int(j)) for i, j in zip(*scores.nonzero(), strict=True) if first + i < j)
    pairs = (classify(organisations[i], organisations[j]) for i, j in candidates)
    return _ordered(pair for pair in pairs if pair is not None)


#: Rows :func:`pairs_by_comparing_all` scores at once (a 1,000 × 20,000 block is 20 MB).
ALL_PAIRS_ROWS = 1000


def _ordered(pairs: Iterable[OrganisationPair]) -> list[OrganisationPair]:
    rank = {rule: number for number, rule in enumerate(RULES)}
    return sorted(pairs, key=lambda p: (rank[p.rule], -p.score, p.a.id, p.b.id))


def _same_cvr(organisations: Sequence[OrganisationName]) -> set[tuple[int, int]]:
    by_cvr: dict[str, list[int]] = defaultdict(list)
    for position, org in enumerate(organisations):
        if org.cvr:
            by_cvr[org.cvr].append(position)
    return {(i, j) for group in by_cvr.values() for i in group for j in group if i < j}


# --- blocking --------------------------------------------------------------------------------------


def blocking_keys(key: str) -> set[str]:
    """The blocking keys of a folded name: the name itself, and the name with any one character left out.

    Two names one typo apart share a key: a wrong letter left out of both gives the same text, a
    missing letter is the other name with it left out, two swapped letters give the same text with
    either left out. So comparing only names that share a key finds every pair :func:`classify`
    can admit, and a register of thousands compares a handful of names with each other.

    Examples
    --------
    >>> sorted(blocking_keys("abc"))
    ['ab', 'abc', 'ac', 'bc']
    >>> blocking_keys("pavillonen") & blocking_keys("pavilonen")
    {'pavilonen'}
    """
    return {key, *(key[:at] + key[at + 1 :] for at in range(len(key)))}


def _candidates(organisations: Sequence[OrganisationName]) -> set[tuple[int, int]]:
    """Positions (i < j) of the organisations worth comparing: the same CVR, or a shared blocking key.

    The keys of the whole register are grouped in one go (pandas' hashing), not one dictionary
    entry at a time: a register of 20,000 names has some 400,000 keys.
    """
    found = _same_cvr(organisations)
    texts: list[str] = []
    owners: list[int] = []
    for position, org in enumerate(organisations):
        key = org.key
        if key:
            texts.append(key)
            texts.extend([key[:at] + key[at + 1 :] for at in range(len(key))])
            owners.extend([position] * (len(key) + 1))
    if not texts:
        return found
    codes, _uniques = pd.factorize(pd.Series(texts, dtype=object))
    shared = np.bincount(codes)[codes] > 1
    codes, members = codes[shared], np.asarray(owners, dtype=np.int64)[shared]
    order = np.lexsort((members, codes))
    codes, members = codes[order], members[order]
    bounds = [*np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]).tolist(), len(codes)]
    positions = members.tolist()
    for start, end in zip(bounds, bounds[1:], strict=False):
        group = positions[start:end]
        found.update((i, j) for n, i in enumerate(group) for j in group[n + 1 :] if i != j)
    return found


# --- the reason in words ---------------------------------------------------------------------------


def reason_text(pair: OrganisationPair, lang: str = DEFAULT_LANGUAGE) -> str:
    """Why the two organisations may be one, as the review queue says it.

    Examples
    --------
    >>> reason_text(classify(OrganisationName(1, "Aarhus Kommune"), OrganisationName(2, "Århus kommune")))
    'Samme navn, når å/aa og store bogstaver ses bort fra'
    >>> reason_text(classify(OrganisationName(1, "Kulturhuset Pavillonen"),
    ...                      OrganisationName(2, "Kulturhuset Pavilonen")), "en")
    'Nearly the same name (97%)'
    """
    if pair.rule == "same_cvr":
        return t("orgdup.rule.same_cvr", lang, cvr=pair.a.cvr or "")
    if pair.rule == "similar_name":
        return t("orgdup.rule.similar_name", lang, score=int(pair.score))
    if not pair.ignored:
        return t("orgdup.rule.same_name", lang)
    ignored = [t(f"orgdup.folding.{folding}", lang) for folding in pair.ignored]
    return t("orgdup.rule.same_folded_name", lang, ignored=joined(ignored, lang))


def joined(items: Sequence[str], lang: str = DEFAULT_LANGUAGE) -> str:
    """Items as a sentence lists them: "a", "a og b", "a, b og c" (in English "a, b and c").

    Examples
    --------
    >>> joined(["store bogstaver", "å/aa", "tegnsætning"])
    'store bogstaver, å/aa og tegnsætning'
    """
    if len(items) <= 1:
        return "".join(items)
    return t("orgdup.list", lang, first=", ".join(items[:-1]), last=items[-1])


# --- the register ----------------------------------------------------------------------------------

#: Columns of :func:`review_frame`: both organisations side by side, then why.
REVIEW_COLUMNS = [
    *(f"{side}_{name}" for side in ("a", "b") for name in ("id", "name", "cvr", "org_type", "website", "people")),
    "rule",
    "score",
    "reason",
]


def _register(session: Session) -> tuple[list[OrganisationName], dict[int, str]]:
    """Every organisation as compared, and each one's stored name key (what a dismissal remembers)."""
    rows = session.execute(
        select(Organisation.id, Organisation.name, Organisation.cvr, Organisation.name_key).order_by(Organisation.id)
    ).all()
    return [OrganisationName(row.id, row.name, row.cvr) for row in rows], {row.id: row.name_key for row in rows}


@requires("view_board")
def find_organisation_duplicates(session: Session, *, include_dismissed: bool = False) -> list[OrganisationPair]:
    """The organisations of the register that may be one, most certain first (:func:`find_pairs`).

    Pairs a person dismissed (:func:`dismiss_pair`) are left out unless ``include_dismissed``; a
    dismissed pair comes back only when one of them is renamed.
    """
    organisations, name_keys = _register(session)
    pairs = find_pairs(organisations)
    if include_dismissed:
        return pairs
    dismissed = {tuple(entry) for entry in _dismissed_entries(session)}
    return [
        pair for pair in pairs if (pair.a.id, pair.b.id, name_keys[pair.a.id], name_keys[pair.b.id]) not in dismissed
    ]


@requires("view_board")
def review_frame(session: Session, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The pairs waiting for a decision, with what tells them apart: one row per pair (:data:`REVIEW_COLUMNS`).

    "people" counts the people currently at the organisation; "reason" is :func:`reason_text`.
    """
    pairs = find_organisation_duplicates(session)
    ids = {org_id for pair in pairs for org_id in pair.ids}
    details = _details(session, ids)
    rows = []
    for pair in pairs:
        row: dict[str, Any] = {"rule": pair.rule, "score": pair.score, "reason": reason_text(pair, lang)}
        for side, org in (("a", pair.a), ("b", pair.b)):
            found = details.get(org.id, {})
            row |= {
                f"{side}_id": org.id,
                f"{side}_name": org.name,
                f"{side}_cvr": org.cvr,
                f"{side}_org_type": found.get("org_type"),
                f"{side}_website": found.get("website"),
                f"{side}_people": found.get("people", 0),
            }
        rows.append(row)
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS)


def _details(session: Session, ids: set[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    today = dt.date.today()
    people = {
        org_id: count
        for org_id, count in session.execute(
            select(Affiliation.organisation_id, func.count(func.distinct(Affiliation.person_id)))
            .where(
                Affiliation.organisation_id.in_(ids), or_(Affiliation.end_date.is_(None), Affiliation.end_date >= today)
            )
            .group_by(Affiliation.organisation_id)
        )
    }
    rows = session.execute(
        select(Organisation.id, Organisation.org_type, Organisation.website).where(Organisation.id.in_(ids))
    )
    return {row.id: {"org_type": row.org_type, "website": row.website, "people": people.get(row.id, 0)} for row in rows}


# --- "not the same organisation" -------------------------------------------------------------------


def _dismissed_entries(session: Session) -> list[list[Any]]:
    """[a id, b id, a's name key, b's name key] of every dismissed pair (a < b), as stored."""
    value = get_setting(session, DISMISSED_SETTING)
    if not value:
        return []
    try:
        entries = json.loads(value)
    except ValueError:
        return []
    return [entry for entry in entries if isinstance(entry, list) and len(entry) == 4]


def _store_dismissed(session: Session, entries: Iterable[Sequence[Any]]) -> None:
    """Store ``entries`` without repeats, and without those of organisations that no longer exist."""
    unique = {tuple(entry) for entry in entries}
    ids = {org_id for entry in unique for org_id in entry[:2]}
    existing = set(session.scalars(select(Organisation.id).where(Organisation.id.in_(ids)))) if ids else set()
    kept = sorted(entry for entry in unique if entry[0] in existing and entry[1] in existing)
    set_setting(session, DISMISSED_SETTING, json.dumps([list(entry) for entry in kept], ensure_ascii=False))


@requires("edit")
def dismiss_pair(session: Session, first_id: int, second_id: int, actor: str | None = None) -> None:
    """Record that two organisations are not the same: the pair is not suggested again.

    The decision holds for the two names as they are; renaming one makes them a new question.
    """
    if first_id == second_id:
        raise ValidationFailed("records.merge_same")
    a, b = (_organisation(session, org_id) for org_id in sorted((first_id, second_id)))
    entries = _dismissed_entries(session)
    entries.append([a.id, b.id, a.name_key, b.name_key])
    _store_dismissed(session, entries)
    log_event(
        session,
        "organisation_pair_dismissed",
        entity=PAIR_ENTITY,
        entity_id=a.id,
        actor=actor,
        a={"id": a.id, "name": a.name},
        b={"id": b.id, "name": b.name},
    )


def _organisation(session: Session, org_id: int) -> Organisation:
    organisation = session.get(Organisation, org_id)
    if organisation is None:
        raise ValidationFailed("records.organisation_not_found")
    return organisation


#: The entity of a dismissal in the event log: not "organisation", as a decision about a pair is
#: no edit of either (an edit after an import makes that import's undo refuse, ``lib.ingest.contact_lists``).
PAIR_ENTITY = "organisation_pair"


# --- merging: the other spelling stays ---------------------------------------------------------------


def refuse_different_cvrs(keep: Organisation, remove: Organisation) -> None:
    """Two organisations with different CVR numbers are two, whatever their names: refuse to merge them."""
    if keep.cvr and remove.cvr and keep.cvr != remove.cvr:
        raise ValidationFailed(
            "orgdup.cvr_differs", first=keep.name, first_cvr=keep.cvr, second=remove.name, second_cvr=remove.cvr
        )


@dataclass
class KeptIdentity:
    """What a merge kept of the removed organisation's identity."""

    #: The removed organisation's name, now an alias of the kept one (None: no alias was needed).
    alias: str | None = None
    #: "cvr" when the kept organisation took over the removed one's CVR number.
    filled: list[str] = field(default_factory=list)


@requires("edit")
def keep_identity(session: Session, keep: Organisation, remove: Organisation) -> KeptIdentity:
    """While ``remove`` is merged into ``keep``: keep everything that said which organisation it was.

    * its CVR number, when ``keep`` has none (two different numbers are refused beforehand,
      :func:`refuse_different_cvrs`);
    * its name, as an alias of ``keep`` (source "merge"), unless it folds to ``keep``'s name key
      already, and its own aliases: so a later import of any of these spellings lands on ``keep``;
    * the pairs a person dismissed: "not the same as the removed one" now holds for ``keep``.

    Call it before ``remove`` is deleted (its aliases would go with it).
    """
    kept = KeptIdentity()
    if remove.cvr and not keep.cvr:
        cvr, remove.cvr = remove.cvr, None
        session.flush()  # the CVR column is unique: release it before the kept organisation takes it
        keep.cvr = cvr
        kept.filled.append("cvr")
    for alias in session.scalars(select(OrganisationAlias).where(OrganisationAlias.organisation_id == remove.id)):
        if alias.name_key == keep.name_key:
            session.delete(alias)
        else:
            alias.organisation_id = keep.id
    session.flush()
    if remove.name_key and remove.name_key != keep.name_key:
        taken = session.scalar(select(OrganisationAlias).where(OrganisationAlias.name_key == remove.name_key))
        if taken is None:
            session.add(
                OrganisationAlias(
                    organisation_id=keep.id, name=remove.name, name_key=remove.name_key, source=ALIAS_FROM_MERGE
                )
            )
            kept.alias = remove.name
        elif taken.organisation_id == keep.id:
            kept.alias = taken.name
    _repoint_dismissed(session, keep, remove)
    session.flush()
    return kept


def _repoint_dismissed(session: Session, keep: Organisation, remove: Organisation) -> None:
    entries = _dismissed_entries(session)
    if not any(remove.id in entry[:2] for entry in entries):
        return
    moved = []
    for a_id, b_id, a_key, b_key in entries:
        sides = [
            (keep.id, keep.name_key) if org_id == remove.id else (org_id, key)
            for org_id, key in ((a_id, a_key), (b_id, b_key))
        ]
        sides.sort()
        if sides[0][0] != sides[1][0]:
            moved.append([sides[0][0], sides[1][0], sides[0][1], sides[1][1]])
    _store_dismissed(session, moved)


@requires("view_board")
def aliases_of(session: Session, org_id: int) -> list[str]:
    """The other spellings of an organisation (kept by merges), sorted."""
    return sorted(
        session.scalars(select(OrganisationAlias.name).where(OrganisationAlias.organisation_id == org_id)),
        key=str.casefold,
    )


# --- which organisation an import row names --------------------------------------------------------


@requires("view_board")
def known_spellings(session: Session) -> list[tuple[str, int]]:
    """(name key, organisation id) of every alias: the import's name index takes them after the names."""
    return [
        (key, org_id)
        for key, org_id in session.execute(select(OrganisationAlias.name_key, OrganisationAlias.organisation_id))
    ]


def organisation_identity(state: WorkingState, name_key: str, cvr: str | None) -> int | None:
    """The organisation an import row names, in the import's working state; None when it is new.

    1. A CVR number the workspace (or an earlier row) knows is that organisation, whatever the name.
    2. Else the organisation with that name, or with that name as an alias
       (``WorkingState.organisation_by_name`` holds both, names first) — unless it has another CVR
       number: then the row is another organisation of the same name.

    A row with a CVR number that lands on an organisation without one gives it that number; it is
    remembered here at once, so a later row with the number and another name lands there too (and
    never makes a second organisation with the same number).
    """
    if cvr:
        found = state.organisation_by_cvr.get(cvr)
        if found is not None:
            return found
    found = state.organisation_by_name.get(name_key)
    if found is None or not cvr:
        return found
    own = state.organisations[found].values.get("cvr")
    if own and own != cvr:
        return None
    state.organisation_by_cvr.setdefault(cvr, found)
    return found
