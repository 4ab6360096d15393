"""Names where one writes a word short ("Aarhus Uni.", "Kbh. Kommune") are offered as a pair, never merged.

A newcomer's two lists named "Aarhus Universitet" and "Aarhus Uni."; the organisation duplicates
said none were alike. The rule ``abbreviation`` offers such pairs for review.
"""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from sqlalchemy import select

from lib.contacts import organisation_duplicates as orgdup
from lib.contacts.organisation_duplicates import (
    OrganisationName,
    classify,
    find_pairs,
    pairs_by_comparing_all,
    reason_text,
)
from lib.db import Database, Organisation
from lib.ingest.contact_lists import prepare_file, run_import
from tests.sheets import xlsx


def pair_of(first: str, second: str) -> orgdup.OrganisationPair | None:
    return classify(OrganisationName(1, first), OrganisationName(2, second))


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        ("Aarhus Universitet", "Aarhus Uni.", "Samme navn, hvis »uni« er en forkortelse af »universitet«"),
        ("Aarhus Univ.", "Aarhus Universitet", "Samme navn, hvis »univ« er en forkortelse af »universitet«"),
        ("Aarhus Uni", "Aarhus Universitet", "Samme navn, hvis »uni« er en forkortelse af »universitet«"),
        ("Kbh. Kommune", "Københavns Kommune", "Samme navn, hvis »kbh« er en forkortelse af »københavns«"),
        ("Viby Gymn.", "Viby Gymnasium", "Samme navn, hvis »gymn« er en forkortelse af »gymnasium«"),
        ("St. Jørgens Skole", "Sankt Jørgens Skole", "Samme navn, hvis »st« er en forkortelse af »sankt«"),
        (
            "Kbh. Uni.",
            "Københavns Universitet",
            "Samme navn, hvis »kbh« er en forkortelse af »københavns« og »uni« er en forkortelse af »universitet«",
        ),
        ("Viby Skole, afd. 2", "Viby Skole, afdeling 2", "Samme navn, hvis »afd« er en forkortelse af »afdeling«"),
    ],
)
def test_a_word_written_short_is_a_pair_with_the_reason_in_words(first: str, second: str, reason: str) -> None:
    pair = pair_of(first, second)
    assert pair is not None and pair.rule == "abbreviation"
    assert reason_text(pair) == reason


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Aarhus Skole", "Aarhus Sko."),  # a word cut a letter or two short is more likely another word
        ("Aarhus Kommune", "Aarhus Komm."),
        ("Aalborg Universitet", "Aarhus Uni."),  # another place
        ("Aarhus Ungdomsskole", "Aarhus Uni."),  # "uni" does not begin "ungdomsskole"
        ("Aarhus Uni.", "Aarhus Univ."),  # two short forms: both pair with the full name, not each other
        ("Universitet", "Uni."),  # no word the same: nothing says it is the same place
        ("Kolding Kommune", "Kbh. Kommune"),
        ("Viby Skole, afd. 2", "Viby Skole, afdeling 3"),  # other numbers: two organisations
        ("Aarhus Universitet Sport", "Aarhus Uni."),  # not as many words
    ],
)
def test_names_that_are_not_abbreviations_of_each_other_are_not_a_pair(first: str, second: str) -> None:
    assert pair_of(first, second) is None


def test_the_english_reason() -> None:
    pair = pair_of("Aarhus Universitet", "Aarhus Uni.")
    assert pair is not None
    assert reason_text(pair, "en") == 'The same name if "uni" is short for "universitet"'


WORDS = ("Aarhus", "Viby", "Kbh.", "Københavns", "Kolding", "Uni.", "Univ.", "Universitet", "Ungdomsskole")
KINDS = ("Skole", "Sko.", "Gymn.", "Gymnasium", "Kommune", "Bibliotek", "Bibl.", "Afd.", "Afdeling", "Uni")


def register_with_short_forms(size: int, seed: int) -> list[OrganisationName]:
    rng = random.Random(seed)
    names: list[str] = []
    while len(names) < size:
        name = " ".join(rng.choice(WORDS + KINDS) for _ in range(rng.choice((1, 2, 2, 3))))
        if name not in names:
            names.append(name)
    return [OrganisationName(number, name) for number, name in enumerate(names, start=1)]


@pytest.mark.parametrize("seed", range(5))
def test_blocking_finds_every_abbreviation_pair_comparing_every_pair_finds(seed: int) -> None:
    organisations = register_with_short_forms(120, seed)
    every = [pair for a, b in combinations(organisations, 2) if (pair := classify(a, b)) is not None]
    found = find_pairs(organisations)
    assert sorted(p.ids for p in found) == sorted(p.ids for p in every)
    assert "abbreviation" in {p.rule for p in found}
    assert found == pairs_by_comparing_all(organisations)


def test_the_newcomers_two_spellings_of_aarhus_university_are_offered_and_not_merged(db: Database) -> None:
    sheet = [
        ["Navn", "Organisation", "Mail"],
        ["Mette Lund", "Aarhus Universitet", "mette.lund@au.dk"],
        ["Jens Bak", "Aarhus Uni.", "jb@au.dk"],
        ["Sofie Nielsen", "Viby Skole", "sofie.nielsen@aarhus.dk"],
    ]
    prepared = prepare_file(db, "Kontakter 2026.xlsx", xlsx({"Kontakter": sheet}))
    run_import(db, prepared.sheets, commit=True)
    with db.read() as session:
        assert sorted(session.scalars(select(Organisation.name))) == ["Aarhus Uni.", "Aarhus Universitet", "Viby Skole"]
        pairs = orgdup.find_organisation_duplicates(session)
        assert [(p.a.name, p.b.name, p.rule) for p in pairs] == [("Aarhus Universitet", "Aarhus Uni.", "abbreviation")]
        frame = orgdup.review_frame(session)
        assert list(frame["reason"]) == ["Samme navn, hvis »uni« er en forkortelse af »universitet«"]
    with db.write() as session:
        orgdup.dismiss_pair(session, pairs[0].a.id, pairs[0].b.id)
    with db.read() as session:
        assert orgdup.find_organisation_duplicates(session) == []
