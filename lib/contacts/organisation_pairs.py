"""Pairs of organisations that may be one: the rules, blocking keys, and the reason in words."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import groupby

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from lib.contacts.organisation_names import (
    FOLDINGS,
    MAX_TYPOS,
    MIN_TYPO_WORD,
    RULES,
    SIMILAR_SCORE,
    _fold,
    abbreviated_words,
    abbreviation_words,
    fold_name,
    foldings_needed,
    numbers_in,
)
from lib.core.i18n import DEFAULT_LANGUAGE, t


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
    def abbreviations(self) -> tuple[tuple[str, str], ...]:
        """The (short form, full word) pairs of rule ``abbreviation``, worked out when asked."""
        return abbreviated_words(self.a.name, self.b.name) if self.rule == "abbreviation" else ()

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
    * The same words, but one or more written as a short form of the other's word at the same place
      ("Aarhus Uni." and "Aarhus Universitet", "Kbh. Kommune" and "Københavns Kommune";
      :func:`lib.contacts.organisation_names.abbreviated_words`): ``abbreviation``, scored by
      ``fuzz.ratio``. "Aarhus Sko." is not "Aarhus Skole": a word cut short by a letter or two is
      more likely another word.

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
    >>> classify(OrganisationName(1, "Aarhus Universitet"), OrganisationName(2, "Aarhus Uni.")).rule
    'abbreviation'
    """
    a, b = (first, second) if first.id <= second.id else (second, first)
    if a.cvr and b.cvr:
        return OrganisationPair(a, b, "same_cvr", 100.0) if a.cvr == b.cvr else None
    if a.numbers != b.numbers or not a.key or not b.key:
        return None
    if a.key == b.key:
        return OrganisationPair(a, b, "same_folded_name", 100.0)
    score = fuzz.ratio(a.key, b.key)
    if (
        OSA.distance(a.key, b.key, score_cutoff=MAX_TYPOS) <= MAX_TYPOS
        and _typo_in_a_long_word(a, b)
        and score >= SIMILAR_SCORE
    ):
        return OrganisationPair(a, b, "similar_name", round(score, 1))
    if abbreviated_words(a.name, b.name):
        return OrganisationPair(a, b, "abbreviation", round(score, 1))
    return None


def _typo_in_a_long_word(a: OrganisationName, b: OrganisationName) -> bool:
    """Whether the one typo between the names is in a word of at least :data:`MIN_TYPO_WORD` letters."""
    at = next((i for i, (x, y) in enumerate(zip(a.key, b.key, strict=False)) if x != y), min(len(a.key), len(b.key)))
    return min(len(a.word_at(at)), len(b.word_at(at))) >= MIN_TYPO_WORD


def find_pairs(organisations: Sequence[OrganisationName]) -> list[OrganisationPair]:
    """Every pair of ``organisations`` that may be one, found through blocking keys; most certain first.

    Candidates share a CVR number or a blocking key of their folded names (:func:`blocking_keys`),
    or, for the rule ``abbreviation``, one has a short form and both have as many words with the
    same first letters (:func:`_abbreviation_candidates`); each candidate is judged by
    :func:`classify`: the result is the same as :func:`pairs_by_comparing_all`, without comparing
    every pair.

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
    register. Rows are scored :data:`ALL_PAIRS_ROWS` at a time, so its memory does not. The rule
    ``abbreviation`` takes the candidates :func:`find_pairs` takes (:func:`_abbreviation_candidates`),
    so that the benchmark times the typo rules as before; ``tests/contacts/test_organisation_abbreviations.py``
    checks those candidates against classifying every pair.
    """
    import numpy as np  # here and in _candidates, not at the top: the importer loads this module

    keys = [org.key for org in organisations]
    candidates = _same_cvr(organisations)
    for first in range(0, len(keys), ALL_PAIRS_ROWS):
        scores = process.cdist(
            keys[first : first + ALL_PAIRS_ROWS], keys, scorer=fuzz.ratio, score_cutoff=SIMILAR_SCORE, dtype=np.uint8
        )
        candidates.update((first + int(i), int(j)) for i, j in zip(*scores.nonzero(), strict=True) if first + i < j)
    candidates.update(_abbreviation_candidates(organisations))
    pairs = (classify(organisations[i], organisations[j]) for i, j in candidates)
    return _ordered(pair for pair in pairs if pair is not None)


#: Rows :func:`pairs_by_comparing_all` scores at once (a 1,000 × 20,000 block is 20 MB).
ALL_PAIRS_ROWS = 1000


def _abbreviation_candidates(organisations: Sequence[OrganisationName]) -> set[tuple[int, int]]:
    """Positions (i < j) of names that may abbreviate one another: a name with a short form, and each
    name of as many words with the same first letters ("Aarhus Uni." and "Aarhus Universitet": "åu").

    A short form begins with the first letter of its word (:data:`SHORT_FOR` keeps to that), so every
    pair the rule admits shares its first letters; only names with a short form look for partners.
    """
    groups: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for position, org in enumerate(organisations):
        name_words = abbreviation_words(org.name)
        if len(name_words) < 2:
            continue
        shorts, everyone = groups["".join(word[0] for word, _short in name_words)]
        everyone.append(position)
        if any(short for _word, short in name_words):
            shorts.append(position)
    found: set[tuple[int, int]] = set()
    for shorts, everyone in groups.values():
        for position in shorts:
            found.update((min(position, other), max(position, other)) for other in everyone if other != position)
    return found


def _ordered(pairs: Iterable[OrganisationPair]) -> list[OrganisationPair]:
    rank = {rule: number for number, rule in enumerate(RULES)}
    return sorted(pairs, key=lambda p: (rank[p.rule], -p.score, p.a.id, p.b.id))


def _same_cvr(organisations: Sequence[OrganisationName]) -> set[tuple[int, int]]:
    by_cvr: dict[str, list[int]] = defaultdict(list)
    for position, org in enumerate(organisations):
        if org.cvr:
            by_cvr[org.cvr].append(position)
    return {(i, j) for group in by_cvr.values() for i in group for j in group if i < j}


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
    found = _same_cvr(organisations) | _abbreviation_candidates(organisations)
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
    import numpy as np
    import pandas as pd  # here, not at the top: the importer loads this module and needs neither

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


def reason_text(pair: OrganisationPair, lang: str = DEFAULT_LANGUAGE) -> str:
    """Why the two organisations may be one, as the review queue says it.

    Examples
    --------
    >>> reason_text(classify(OrganisationName(1, "Aarhus Kommune"), OrganisationName(2, "Århus kommune")))
    'Samme navn, når å/aa og store bogstaver ses bort fra'
    >>> reason_text(classify(OrganisationName(1, "Kulturhuset Pavillonen"),
    ...                      OrganisationName(2, "Kulturhuset Pavilonen")), "en")
    'Nearly the same name (97%)'
    >>> reason_text(classify(OrganisationName(1, "Aarhus Universitet"), OrganisationName(2, "Aarhus Uni.")))
    'Samme navn, hvis »uni« er en forkortelse af »universitet«'
    """
    if pair.rule == "same_cvr":
        return t("orgdup.rule.same_cvr", lang, cvr=pair.a.cvr or "")
    if pair.rule == "similar_name":
        return t("orgdup.rule.similar_name", lang, score=int(pair.score))
    if pair.rule == "abbreviation":
        words = [t("orgdup.abbreviation.word", lang, short=short, full=full) for short, full in pair.abbreviations]
        return t("orgdup.rule.abbreviation", lang, words=joined(words, lang))
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
