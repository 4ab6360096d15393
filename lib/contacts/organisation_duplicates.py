"""Organisations written in several ways: near-duplicates for review, and what an import matches on.

Library staff write the same organisation in many ways: "Aarhus Kommune", "Århus kommune",
"Kultur-huset ApS", "Kulturhuset". This module

* folds a name for comparison (:func:`fold_name`): å/aa, ø/oe, æ/ae, case, "&"/"og", the legal form
  (ApS, A/S, I/S, K/S, P/S, IVS, forening), accents, and punctuation and spacing are ignored;
* finds pairs of organisations that may be one (:func:`find_pairs`, rules in :func:`classify`): the
  same CVR number, the same folded name, or names one typo apart with a rapidfuzz score of at least
  :data:`SIMILAR_SCORE`, or the same words with one written short ("Aarhus Uni.", "Kbh. Kommune":
  rule ``abbreviation``, :func:`abbreviated_words`). Names that differ in their numbers ("Skole 3",
  "Skole 4") are never a pair, nor are two organisations with different CVR numbers. Nothing is
  merged here: a person decides (``lib.contacts.merge_organisations``);
* remembers the pairs a person said are two organisations (:func:`dismiss_pair`), so they are not
  suggested again;
* keeps the removed organisation's name (as an alias), its aliases and its CVR number when two are
  merged (:func:`keep_identity`), and gives an import the organisation a row names
  (:func:`organisation_identity`): its CVR number's, else the one with that name or alias.

Finding pairs does not compare every organisation with every other. Nearly the same names are one
typo apart, so they share a blocking key (:func:`blocking_keys`: the folded name with one character
left out), and only names that share a key, or a CVR number, are compared. Because every pair the
rules admit shares a key, blocking finds exactly the pairs comparing all pairs finds (names with a short
form are compared with the names of as many words and the same first letters)
(:func:`pairs_by_comparing_all` is that reference; ``tests/contacts/test_organisation_duplicates.py`` checks
both agree, ``benchmarks/bench_org_duplicates.py`` times them).

The review queue is worked out from the register each time it is shown, so it always matches the
organisations as they are (after an import, an edit or a merge). ``DuplicateCandidate`` holds
people only; the decisions "not the same organisation" are kept in the workspace setting
:data:`DISMISSED_SETTING` until the schema has a table for them. Two stored organisations never share
a CVR number (the column is unique): an import puts a row with a known number on its organisation, so
in the register a pair is found by its names, and ``same_cvr`` judges lists compared in memory.
"""

from __future__ import annotations

from lib.contacts.organisation_names import (
    ABBREVIATION_RATIO,
    ALIAS_FROM_MERGE,
    DISMISSED_SETTING,
    FOLDINGS,
    MAX_TYPOS,
    MIN_TYPO_WORD,
    RULES,
    SHORT_FOR,
    SHORT_FORMS,
    SIMILAR_SCORE,
    abbreviated_words,
    abbreviates,
    abbreviation_words,
    fold_name,
    foldings_needed,
    normalise_cvr,
    numbers_in,
)
from lib.contacts.organisation_pairs import (
    ALL_PAIRS_ROWS,
    OrganisationName,
    OrganisationPair,
    blocking_keys,
    classify,
    find_pairs,
    joined,
    pairs_by_comparing_all,
    reason_text,
    word_lengths,
)
from lib.contacts.organisation_register import (
    PAIR_ENTITY,
    REVIEW_COLUMNS,
    KeptIdentity,
    aliases_of,
    dismiss_pair,
    find_organisation_duplicates,
    keep_identity,
    known_spellings,
    organisation_identity,
    refuse_different_cvrs,
    review_frame,
)

__all__ = [
    "ABBREVIATION_RATIO",
    "ALIAS_FROM_MERGE",
    "ALL_PAIRS_ROWS",
    "DISMISSED_SETTING",
    "FOLDINGS",
    "KeptIdentity",
    "MAX_TYPOS",
    "MIN_TYPO_WORD",
    "OrganisationName",
    "OrganisationPair",
    "PAIR_ENTITY",
    "REVIEW_COLUMNS",
    "RULES",
    "SHORT_FOR",
    "SHORT_FORMS",
    "SIMILAR_SCORE",
    "abbreviated_words",
    "abbreviates",
    "abbreviation_words",
    "aliases_of",
    "blocking_keys",
    "classify",
    "dismiss_pair",
    "find_organisation_duplicates",
    "find_pairs",
    "fold_name",
    "foldings_needed",
    "joined",
    "keep_identity",
    "known_spellings",
    "normalise_cvr",
    "numbers_in",
    "organisation_identity",
    "pairs_by_comparing_all",
    "reason_text",
    "refuse_different_cvrs",
    "review_frame",
    "word_lengths",
]
