"""Organisations written in several ways (issue 11): suggested for review, merged with their other
spelling kept, recognised by CVR number, and listed on the command line.

"Aarhus Kommune" and "Århus kommune" used to become two organisations, no duplicate was suggested,
and after a manual merge the next import of the old spelling created it again.
"""

from __future__ import annotations

import datetime as dt
import doctest
import json
import random
from functools import partial
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from components.safe_markdown import escape_markdown
from lib import contacts
from lib.cli.main import main
from lib.contacts import organisation_duplicates as orgdup
from lib.contacts.organisation_duplicates import (
    OrganisationName,
    classify,
    find_pairs,
    pairs_by_comparing_all,
    reason_text,
)
from lib.core.errors import ValidationFailed
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    Assessment,
    Database,
    DuplicateCandidate,
    Organisation,
    OrganisationAlias,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    open_database,
    record_to_dict,
)
from lib.ingest.contact_lists import prepare_file, run_import, undo_import
from lib.ingest.tables import detect_role, suggest_mapping
from tests import apptest_support
from tests.apptest_support import rerun
from tests.sheets import xlsx

# --- the folding table -------------------------------------------------------------------------------

LEGAL = "selskabsform (ApS, A/S, forening …)"
#: Pairs that must be suggested as the same folded name, with the reason the review queue gives.
SAME_FOLDED_NAME = [
    ("Aarhus Kommune", "Århus kommune", "Samme navn, når å/aa og store bogstaver ses bort fra"),
    ("Randers Kommune", "randers kommune", "Samme navn, når store bogstaver ses bort fra"),
    ("Kultur-huset", "Kulturhuset", "Samme navn, når tegnsætning og mellemrum ses bort fra"),
    ("Kultur huset", "Kulturhuset", "Samme navn, når tegnsætning og mellemrum ses bort fra"),
    ("Kulturhuset Pavillonen ApS", "Kulturhuset Pavillonen", f"Samme navn, når {LEGAL} ses bort fra"),
    ("Byg & Bo A/S", "Byg og Bo", f"Samme navn, når &/og og {LEGAL} ses bort fra"),
    ("Foreningen Norden", "Norden", f"Samme navn, når {LEGAL} ses bort fra"),
    ("Smith I/S", "Smith K/S", f"Samme navn, når {LEGAL} ses bort fra"),
    ("Nørre Skole", "Noerre Skole", "Samme navn, når ø/oe ses bort fra"),
    ("Ærø Museum", "Aeroe Museum", "Samme navn, når ø/oe og æ/ae ses bort fra"),
    ("Café Louise", "Cafe Louise", "Samme navn, når accenter ses bort fra"),
    (
        "Jobcenter Aarhus, afd. 2",
        "Jobcenter Århus afd 2",
        "Samme navn, når å/aa og tegnsætning og mellemrum ses bort fra",
    ),
]
#: Pairs one typo apart, with the similarity the queue shows.
SIMILAR = [
    ("Kulturhuset Pavillonen", "Kulturhuset Pavilonen", "Næsten samme navn (97 %)"),
    ("Holstebro Musikskole", "Holstebro Muiskskole", "Næsten samme navn (94 %)"),
    ("Aarhus Kommune", "Arhus Kommune", "Næsten samme navn (91 %)"),
    ("Solbakke Bibliotek", "Solbakke Bibliotekk", "Næsten samme navn (97 %)"),
]
#: Pairs that are two organisations and must never be suggested.
NEVER = [
    ("Skole 3", "Skole 4"),
    ("Afd. 2", "Afd. 3"),
    ("Kulturhuset 1", "Kultur-huset 2"),  # one typo apart, but other numbers
    ("Aarhus Skole 3", "Århus skole 4"),  # the same folded name, but other numbers
    ("Vestervang Skole", "Østervang Skole"),
    ("Harlev Beboerforening", "Hasle Beboerforening"),  # score 92, but two typos
    ("Biblo", "Bibla"),  # one typo, but short: score 80
    ("FOF Solbakke", "AOF Solbakke"),  # one letter, but of a short word: another word
    ("Solbakke Skole Syd", "Solbakke Skole Sud"),
    ("Aarhus Kommune", "Odense Kommune"),
    ("Lund & Hansen ApS", "Lund & Johansen ApS"),
]


def pair_of(first: str, second: str, first_cvr: str | None = None, second_cvr: str | None = None):
    return classify(OrganisationName(1, first, first_cvr), OrganisationName(2, second, second_cvr))


@pytest.mark.parametrize(("first", "second", "reason"), SAME_FOLDED_NAME)
def test_names_written_differently_are_suggested_with_the_reason_in_words(first: str, second: str, reason: str) -> None:
    pair = pair_of(first, second)
    assert pair is not None and pair.rule == "same_folded_name"
    assert reason_text(pair) == reason
    assert reason_text(pair_of(second, first)) == reason


@pytest.mark.parametrize(("first", "second", "reason"), SIMILAR)
def test_a_typo_is_suggested_with_its_similarity(first: str, second: str, reason: str) -> None:
    pair = pair_of(first, second)
    assert pair is not None and pair.rule == "similar_name"
    assert reason_text(pair) == reason


@pytest.mark.parametrize(("first", "second"), NEVER)
def test_other_organisations_are_never_suggested(first: str, second: str) -> None:
    assert pair_of(first, second) is None


def test_the_reason_in_english() -> None:
    assert (
        reason_text(pair_of("Aarhus Kommune", "Århus kommune"), "en")
        == "The same name, ignoring å/aa and capital letters"
    )
    assert reason_text(pair_of("Kulturhuset Pavillonen", "Kulturhuset Pavilonen"), "en") == "Nearly the same name (97%)"
    assert (
        reason_text(pair_of("Biblo", "Kulturhus Biblo", "29189727", "29189727"), "en")
        == "The same CVR number (29189727)"
    )


def test_the_same_cvr_is_one_organisation_whatever_the_names() -> None:
    pair = pair_of("Kulturhuset Pavillonen", "Pavillonen I/S", "29189727", "29189727")
    assert pair is not None and pair.rule == "same_cvr"
    assert reason_text(pair) == "Samme CVR-nummer (29189727)"
    # Even with other numbers in the names: the register number says who they are.
    assert pair_of("Skole 3", "Skole 4", "29189727", "29189727").rule == "same_cvr"


def test_different_cvr_numbers_are_two_organisations_even_with_the_same_name() -> None:
    assert pair_of("Aarhus Kommune", "Århus kommune", "55133018", "29189727") is None
    assert pair_of("Biblo", "Biblo", "12345678", "87654321") is None
    # One number known, the other not: the names decide.
    assert pair_of("Aarhus Kommune", "Århus kommune", "55133018", None).rule == "same_folded_name"


@pytest.mark.parametrize(
    ("written", "cvr"),
    [
        ("12345678", "12345678"),
        ("DK12345678", "12345678"),
        ("DK-12345678", "12345678"),
        ("12 34 56 78", "12345678"),
        ("CVR-nr. 12 34 56 78", "12345678"),
        ("cvr: 29189727", "29189727"),
        (29189727, "29189727"),
        (29189727.0, "29189727"),
        ("", None),
        (None, None),
    ],
)
def test_cvr_numbers_are_read_as_people_write_them(written: object, cvr: str | None) -> None:
    assert orgdup.normalise_cvr(written) == cvr


@pytest.mark.parametrize("written", ["1234", "123456789", "012345678", "1234567a", "DK 1234", 1234.5, True])
def test_a_value_that_is_no_cvr_number_is_refused(written: object) -> None:
    with pytest.raises(ValidationFailed) as refused:
        orgdup.normalise_cvr(written)
    assert refused.value.key == "orgdup.cvr_invalid"
    assert refused.value.message("da").endswith("Et CVR-nummer har 8 cifre, fx 12345678 eller DK12345678.")


def test_the_examples_in_the_module_hold() -> None:
    assert doctest.testmod(orgdup).failed == 0


# --- blocking finds what comparing every pair finds --------------------------------------------------

#: Few letters, the Danish ones and their spellings, numbers, "&", legal forms and punctuation: names
#: drawn from these often fold the same or are one typo apart.
ALPHABET = "abkoeåøæAÅØ &-./3"
PLACES = ("Aarhus", "Århus", "Arhus", "Nørre", "Noerre", "Vestervang", "Østervang", "Harlev", "Hasle", "Viby")
KINDS = (
    "Kommune",
    "kommune",
    "Kulturhus",
    "Kultur-huset",
    "Kulturhuset",
    "Skole",
    "Bibliotek",
    "Biblioteket",
    "Beboerforening",
    "Borgerforening",
    "Musikskole",
)
SUFFIXES = ("", " ApS", " A/S", " I/S", " & Co", " og Co", ", afd. 2", " 3", " 4")


def _typo(name: str, at: int, letter: str) -> str:
    at %= len(name) + 1
    return name[:at] + letter + name[at + 1 :]


realistic_names = st.builds(
    lambda place, kind, suffix, typo: _typo(f"{place} {kind}{suffix}", *typo) if typo else f"{place} {kind}{suffix}",
    st.sampled_from(PLACES),
    st.sampled_from(KINDS),
    st.sampled_from(SUFFIXES),
    st.none() | st.tuples(st.integers(0, 40), st.sampled_from(("", "e", "k", "å"))),
)
registers = st.lists(
    st.tuples(
        st.text(alphabet=ALPHABET, max_size=12) | realistic_names, st.none() | st.sampled_from(("12345678", "87654321"))
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers)
@pytest.mark.slow
def test_blocking_finds_the_same_pairs_as_comparing_every_pair(register: list[tuple[str, str | None]]) -> None:
    organisations = [OrganisationName(number, name, cvr) for number, (name, cvr) in enumerate(register, start=1)]
    assert find_pairs(organisations) == pairs_by_comparing_all(organisations)


def generated_register(size: int, seed: int = 11) -> list[OrganisationName]:
    """A register like a library's: place + kind names, some written twice in another way."""
    rng = random.Random(seed)
    places = [f"{rng.choice(PLACES)}{rng.choice(('', 's', 'gård', 'høj', 'bro', 'vang'))}" for _ in range(60)]
    seen: set[str] = set()
    organisations = []
    while len(organisations) < size:
        name = f"{rng.choice(places)} {rng.choice(KINDS)}{rng.choice(SUFFIXES)}"
        if rng.random() < 0.2:
            name = _typo(name, rng.randrange(40), rng.choice("aeikoø"))
        if name_key(name) not in seen:
            seen.add(name_key(name))
            organisations.append(OrganisationName(len(organisations) + 1, name))
    return organisations


def test_blocking_agrees_with_comparing_every_pair_on_a_generated_register() -> None:
    organisations = generated_register(1500)
    found = find_pairs(organisations)
    assert found == pairs_by_comparing_all(organisations)
    assert {pair.rule for pair in found} == {"same_folded_name", "similar_name"}


# --- the register: import, review, merge, undo -------------------------------------------------------


def import_file(db: Database, name: str, sheets: dict[str, list[list[Any]]]):
    prepared = prepare_file(db, name, xlsx(sheets))
    assert prepared.error is None
    return run_import(db, prepared.sheets, commit=True)


def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every record a user could see, aliases included, without timestamps."""
    volatile = {"created_at", "updated_at", "batch_id"}
    with db.read() as session:
        return {
            model.__tablename__: sorted(
                (
                    {k: v for k, v in record_to_dict(r).items() if k not in volatile}
                    for r in session.scalars(select(model))
                ),
                key=lambda r: r["id"],
            )
            for model in (Person, Organisation, Affiliation, Relation, OrganisationAlias)
        }


def organisations(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {o.name: o.id for o in session.scalars(select(Organisation))}


def affiliated(db: Database, email: str) -> list[str]:
    with db.read() as session:
        return sorted(
            session.scalars(
                select(Organisation.name)
                .join(Affiliation)
                .join(Person, Person.id == Affiliation.person_id)
                .where(Person.email == email)
            )
        )


@pytest.fixture
def any_db(any_db_url: str) -> Database:
    """An empty database, once on SQLite and once on PostgreSQL."""
    return open_database(any_db_url)


CONTACTS = [
    ["Navn", "E-mail", "Organisation"],
    ["Anne Holm", "anne@holm.dk", "Aarhus Kommune"],
    ["Bo Lund", "bo@lund.dk", "Århus kommune"],
]


@pytest.mark.slow
def test_merge_keeps_the_other_spelling_and_the_next_import_lands_on_the_kept_one(any_db: Database) -> None:
    db = any_db
    import_file(db, "kontakter.xlsx", {"Kontakter": CONTACTS})
    ids = organisations(db)
    assert set(ids) == {"Aarhus Kommune", "Århus kommune"}  # as before: two organisations …
    with db.read() as session:
        [pair] = orgdup.find_organisation_duplicates(session)  # … but now they are suggested
    assert (pair.a.name, pair.b.name, reason_text(pair)) == (
        "Aarhus Kommune",
        "Århus kommune",
        "Samme navn, når å/aa og store bogstaver ses bort fra",
    )
    with db.write() as session:
        alias = contacts.merge_organisations(session, ids["Aarhus Kommune"], ids["Århus kommune"])
    assert alias == "Århus kommune"
    with db.read() as session:
        [kept] = session.scalars(select(OrganisationAlias)).all()
        assert (kept.organisation_id, kept.name, kept.source) == (ids["Aarhus Kommune"], "Århus kommune", "merge")
        assert orgdup.find_organisation_duplicates(session) == []
    assert affiliated(db, "bo@lund.dk") == ["Aarhus Kommune"]

    before = snapshot(db)
    later = [
        ["Navn", "E-mail", "Organisation"],
        ["Carl Berg", "carl@berg.dk", "ÅRHUS KOMMUNE"],
        ["Bo Lund", "bo@lund.dk", "Århus kommune"],
    ]
    result = import_file(db, "kontakter-2.xlsx", {"Kontakter": later})
    assert set(organisations(db)) == {"Aarhus Kommune"}  # the old spelling is not created again
    assert affiliated(db, "carl@berg.dk") == ["Aarhus Kommune"]
    assert (result.counts["inserted"], result.counts["unchanged"]) == (1, 1)
    undo_import(db, result.batch_id)
    assert snapshot(db) == before  # the alias hit was an existing organisation: undo restores exactly


def test_an_organisation_list_naming_an_alias_leaves_the_kept_organisation_unchanged(db: Database) -> None:
    import_file(db, "kontakter.xlsx", {"Kontakter": CONTACTS})
    ids = organisations(db)
    with db.write() as session:
        contacts.merge_organisations(session, ids["Aarhus Kommune"], ids["Århus kommune"])
    before = snapshot(db)
    result = import_file(
        db,
        "organisationer.xlsx",
        {"Organisationer": [["Organisation", "Type"], ["Århus kommune", "Kommunal forvaltning"]]},
    )
    assert (result.counts["inserted"], result.counts["updated"]) == (0, 1)
    with db.read() as session:
        assert session.get(Organisation, ids["Aarhus Kommune"]).org_type == "municipal"
    undo_import(db, result.batch_id)
    assert snapshot(db) == before


def test_a_relation_file_naming_an_alias_ties_to_the_kept_organisation(db: Database) -> None:
    import_file(db, "kontakter.xlsx", {"Kontakter": CONTACTS})
    ids = organisations(db)
    with db.write() as session:
        contacts.merge_organisations(session, ids["Aarhus Kommune"], ids["Århus kommune"])
    import_file(
        db, "relationer.xlsx", {"Relationer": [["Fra", "Til", "Relation"], ["anne@holm.dk", "Århus kommune", "kender"]]}
    )
    with db.read() as session:
        [tie] = session.scalars(select(Relation)).all()
        assert tie.to_organisation_id == ids["Aarhus Kommune"]


def test_the_manual_merge_moves_partnerships_and_assessments_too(any_db: Database) -> None:
    db = any_db
    with db.write() as session:
        keep = contacts.create_organisation(session, {"name": "Kulturhuset Pavillonen"})
        remove = contacts.create_organisation(session, {"name": "Kultur-huset Pavillonen"})
        both, only_removed = Partnership(title="Læsefest"), Partnership(title="Sommerbogen")
        session.add_all([both, only_removed])
        session.flush()
        session.add_all(
            [
                PartnershipOrganisation(partnership_id=both.id, organisation_id=keep),
                PartnershipOrganisation(partnership_id=both.id, organisation_id=remove),
                PartnershipOrganisation(partnership_id=only_removed.id, organisation_id=remove),
                Assessment(organisation_id=remove, assessed_on=dt.date(2025, 3, 1), scores={}),
            ]
        )
    with db.write() as session:
        contacts.merge_organisations(session, keep, remove)
    with db.read() as session:
        links = sorted(
            session.execute(
                select(PartnershipOrganisation.partnership_id, PartnershipOrganisation.organisation_id)
            ).all()
        )
        assert links == [(both.id, keep), (only_removed.id, keep)]
        assert [a.organisation_id for a in session.scalars(select(Assessment))] == [keep]


def test_merge_takes_over_the_cvr_number_and_refuses_two_different_ones(db: Database) -> None:
    with db.write() as session:
        keep = contacts.create_organisation(session, {"name": "Pavillonen"})
        remove = contacts.create_organisation(session, {"name": "Kulturhuset Pavillonen", "cvr": "DK 29 18 97 27"})
        other = contacts.create_organisation(session, {"name": "Pavillonen Aarhus", "cvr": "55133018"})
    with db.write() as session:
        contacts.merge_organisations(session, keep, remove)
    with db.read() as session:
        assert session.get(Organisation, keep).cvr == "29189727"
    with pytest.raises(ValidationFailed) as refused, db.write() as session:
        contacts.merge_organisations(session, keep, other)
    assert refused.value.message("da") == (
        "Pavillonen og Pavillonen Aarhus har hvert sit CVR-nummer (29189727 og 55133018) og er derfor to "
        "organisationer. Ret CVR-nummeret først, hvis et af dem er forkert."
    )
    assert set(organisations(db)) == {"Pavillonen", "Pavillonen Aarhus"}


def test_a_cvr_number_belongs_to_one_organisation(db: Database) -> None:
    with db.write() as session:
        contacts.create_organisation(session, {"name": "Kulturhuset Pavillonen", "cvr": "29189727"})
        other = contacts.create_organisation(session, {"name": "Pavillonen"})
    with pytest.raises(ValidationFailed) as refused, db.write() as session:
        contacts.update_organisation(session, other, {"cvr": "DK29189727"})
    assert refused.value.key == "orgdup.cvr_taken"


def test_a_dismissed_pair_is_not_suggested_again_and_the_decision_follows_a_merge(db: Database) -> None:
    with db.write() as session:
        north = contacts.create_organisation(session, {"name": "Kulturhuset Nord"})
        north_again = contacts.create_organisation(session, {"name": "Kulturhuset-Nord"})
        nord = contacts.create_organisation(session, {"name": "Kulturhuset Nordd"})
    with db.read() as session:
        assert {p.ids for p in orgdup.find_organisation_duplicates(session)} == {
            (north, north_again),
            (north, nord),
            (north_again, nord),
        }
    with db.write() as session:
        orgdup.dismiss_pair(session, nord, north)
    with db.read() as session:
        assert {p.ids for p in orgdup.find_organisation_duplicates(session)} == {
            (north, north_again),
            (north_again, nord),
        }
    with db.write() as session:
        contacts.merge_organisations(session, north_again, north)  # "not the same as Nord" now holds for the kept
    with db.read() as session:
        assert orgdup.find_organisation_duplicates(session) == []
        assert len(orgdup.find_organisation_duplicates(session, include_dismissed=True)) == 1
    with db.write() as session:
        contacts.update_organisation(session, nord, {"name": "Kulturhuset Nordd "})  # the same name, tidied
    with db.read() as session:
        assert orgdup.find_organisation_duplicates(session) == []


def test_cvr_is_the_identity_whatever_the_name(db: Database) -> None:
    result = import_file(
        db,
        "organisationer.xlsx",
        {
            "Organisationer": [
                ["Organisation", "CVR-nr."],
                ["Kulturhuset Pavillonen", "DK 29 18 97 27"],
                ["Pavillonen", "29189727"],
            ]
        },
    )
    assert (result.counts["inserted"], result.counts["unchanged"]) == (1, 1)
    import_file(db, "kontakter.xlsx", {"Organisationer": [["Navn", "CVR"], ["Pavillonen I/S", 29189727]]})
    with db.read() as session:
        [pavillonen] = session.scalars(select(Organisation)).all()
        assert (pavillonen.name, pavillonen.cvr) == ("Kulturhuset Pavillonen", "29189727")


def test_a_different_cvr_number_is_another_organisation_of_the_same_name(db: Database) -> None:
    import_file(
        db,
        "organisationer.xlsx",
        {"Organisationer": [["Organisation", "CVR"], ["Biblo", "12345678"], ["Biblo", "87654321"], ["biblo", None]]},
    )
    with db.read() as session:
        assert sorted(tuple(row) for row in session.execute(select(Organisation.name, Organisation.cvr))) == [
            ("Biblo", "12345678"),
            ("Biblo", "87654321"),
        ]
        assert orgdup.find_organisation_duplicates(session) == []


@pytest.mark.slow
def test_a_row_gives_an_organisation_its_cvr_number_and_undo_takes_it_back(any_db: Database) -> None:
    db = any_db
    with db.write() as session:
        org_id = contacts.create_organisation(session, {"name": "Kulturhuset"})
    before = snapshot(db)
    result = import_file(
        db,
        "organisationer.xlsx",
        {
            "Organisationer": [
                ["Organisation", "Virksomhedsnummer"],
                ["Kulturhuset", "DK12345678"],
                ["Kulturhus Syd", "12345678"],
            ]
        },
    )
    assert (result.counts["updated"], result.counts["unchanged"], result.counts["inserted"]) == (1, 1, 0)
    with db.read() as session:
        assert session.get(Organisation, org_id).cvr == "12345678"
    undo_import(db, result.batch_id)
    assert snapshot(db) == before


def test_a_value_that_is_no_cvr_number_is_left_out_with_a_warning(db: Database) -> None:
    result = import_file(
        db, "organisationer.xlsx", {"Organisationer": [["Organisation", "CVR nummer"], ["Kulturhuset", "1234"]]}
    )
    assert result.counts["inserted"] == 1
    [problem] = result.problems
    assert (problem.severity, problem.column) == ("warning", "CVR nummer")
    assert problem.message("da").startswith("»1234« er ikke et CVR-nummer.")
    with db.read() as session:
        assert session.scalars(select(Organisation.cvr)).all() == [None]


@pytest.mark.parametrize("header", ["CVR", "CVR-nr.", "CVR nummer", "Virksomhedsnummer", "cvr nr"])
def test_cvr_columns_are_recognised(header: str) -> None:
    columns = ["Organisation", header, "Hjemmeside"]
    assert detect_role(columns) == "organisations"
    assert suggest_mapping(columns, "organisations") == ["organisation", "cvr", "website"]
    assert detect_role(["Navn", header]) == "organisations"  # a name next to a CVR number is an organisation


# --- the command line --------------------------------------------------------------------------------


@pytest.fixture
def register(db: Database) -> dict[str, int]:
    """Two spellings of a municipality, two numbered schools, and a pair of people on the queue."""
    with db.write() as session:
        ids = {
            name: contacts.create_organisation(session, {"name": name})
            for name in ("Aarhus Kommune", "Århus kommune", "Skole 3", "Skole 4")
        }
        soren = contacts.create_person(session, {"name": "Søren Ærø", "email": "soren@bib.dk"})
        twin = contacts.create_person(session, {"name": "Soren Ærø"})
        session.add(DuplicateCandidate(person_a_id=soren, person_b_id=twin, rule="similar_name", score=93))
        return {**ids, "soren": soren, "twin": twin}


def test_cli_lists_pairs_of_people_and_organisations_as_json(
    db_url: str, register: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["duplicates", "--json", "--db", db_url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == {
        "people": [
            {
                "a": {"id": register["soren"], "name": "Søren Ærø"},
                "b": {"id": register["twin"], "name": "Soren Ærø"},
                "rule": "similar_name",
                "reason": "Næsten samme navn (93 %)",
                "score": 93.0,
                "queued": True,
            }
        ],
        "organisations": [
            {
                "a": {"id": register["Aarhus Kommune"], "name": "Aarhus Kommune", "cvr": None},
                "b": {"id": register["Århus kommune"], "name": "Århus kommune", "cvr": None},
                "rule": "same_folded_name",
                "reason": "Samme navn, når å/aa og store bogstaver ses bort fra",
                "score": 100.0,
            }
        ],
    }
    assert main(["duplicates", "--json", "--db", db_url, "--lang", "en"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["organisations"][0]["reason"] == "The same name, ignoring å/aa and capital letters"
    assert listed["people"][0]["reason"] == "Nearly the same name (93%)"


def test_cli_prints_a_readable_table(db_url: str, register: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duplicates", "--db", db_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "1 par organisationer, der måske er den samme:" in lines
    header = lines.index("1 par organisationer, der måske er den samme:") + 1
    assert lines[header].split() == ["A", "B", "Hvorfor"]
    row = lines[header + 1]
    assert row.startswith(f"  #{register['Aarhus Kommune']} Aarhus Kommune")
    assert row.endswith("Samme navn, når å/aa og store bogstaver ses bort fra")
    assert row.index(f"#{register['Århus kommune']} Århus kommune") == lines[header].index("B")
    assert lines[0] == "1 par personer, der måske er den samme:"


# --- the review on the contacts page -----------------------------------------------------------------

PAGE = "../pages/contacts.py"
run_page = partial(apptest_support.run_page, PAGE, timeout=30)
HOSTILE = "[Kulturhuset](http://evil.example/x) **Nord**"
HOSTILE_TWIN = "Kulturhuset http evil.example x Nord"


@pytest.fixture
def lookalikes(db: Database) -> dict[str, int]:
    with db.write() as session:
        ids = {
            name: contacts.create_organisation(session, {"name": name})
            for name in ("Aarhus Kommune", "Århus kommune", HOSTILE, HOSTILE_TWIN, "Skole 3", "Skole 4")
        }
        anne = contacts.create_person(session, {"name": "Anne Holm", "email": "anne@holm.dk"})
        contacts.add_affiliation(session, anne, ids["Århus kommune"])
        return ids


def card_prefix(ids: dict[str, int], first: str, second: str) -> str:
    return f"contacts_orgdup_{ids[first]}_{ids[second]}_"


@pytest.mark.slow
def test_the_review_queue_shows_organisation_pairs_with_the_reason_and_escaped_names(
    db: Database, lookalikes: dict[str, int]
) -> None:
    at = run_page()
    assert at.tabs[2].label == "Mulige dubletter (2)"  # the numbered schools are not suggested
    reasons = [m.value for m in at.markdown if m.value.startswith("**")]
    assert "**Samme navn, når å/aa og store bogstaver ses bort fra**" in reasons
    assert "**Samme navn, når tegnsætning og mellemrum ses bort fra**" in reasons
    prefix = card_prefix(lookalikes, HOSTILE, HOSTILE_TWIN)
    radio = at.radio(key=prefix + "keep")
    assert radio.options == [f"A: {escape_markdown(HOSTILE)}", f"B: {escape_markdown(HOSTILE_TWIN)}"]
    tables = [frame.value for frame in at.dataframe]
    shown = next(table for table in tables if "A" in table and HOSTILE in table["A"].tolist())  # as written
    assert shown["B"].tolist()[0] == HOSTILE_TWIN
    assert "2 par organisationer ligner hinanden." in [c.value for c in at.caption]


@pytest.mark.slow
def test_merging_a_pair_on_the_page_keeps_the_other_spelling(db: Database, lookalikes: dict[str, int]) -> None:
    at = run_page()
    prefix = card_prefix(lookalikes, "Aarhus Kommune", "Århus kommune")
    at.radio(key=prefix + "keep").set_value("a")
    at.button(key=prefix + "merge").click()
    rerun(at)
    assert [s.value for s in at.success] == [
        "De to er slået sammen. En import, der skriver »Århus kommune«, lander fremover på Aarhus Kommune."
    ]
    assert at.tabs[2].label == "Mulige dubletter (1)"
    with db.read() as session:
        assert session.get(Organisation, lookalikes["Århus kommune"]) is None
        [alias] = session.scalars(select(OrganisationAlias)).all()
        assert (alias.organisation_id, alias.name) == (lookalikes["Aarhus Kommune"], "Århus kommune")
    assert affiliated(db, "anne@holm.dk") == ["Aarhus Kommune"]


@pytest.mark.slow
def test_dismissing_a_pair_on_the_page_keeps_both_and_it_stays_away(db: Database, lookalikes: dict[str, int]) -> None:
    at = run_page("en")
    prefix = card_prefix(lookalikes, HOSTILE, HOSTILE_TWIN)
    assert at.button(key=prefix + "dismiss").label == "Not the same organisation"
    at.button(key=prefix + "dismiss").click()
    rerun(at)
    assert [s.value for s in at.success] == ["Noted: the two are different organisations."]
    assert at.tabs[2].label == "Possible duplicates (1)"
    at = run_page()
    assert at.tabs[2].label == "Mulige dubletter (1)"
    assert len(organisations(db)) == 6


@pytest.mark.slow
def test_an_open_organisation_shows_its_other_spellings_and_its_cvr_number(
    db: Database, lookalikes: dict[str, int]
) -> None:
    with db.write() as session:
        contacts.merge_organisations(session, lookalikes["Aarhus Kommune"], lookalikes["Århus kommune"])
    at = run_page()
    kept = lookalikes["Aarhus Kommune"]
    at.selectbox(key="contacts_org_picker").set_value(kept)
    rerun(at)
    assert "Også skrevet: Århus kommune" in [c.value for c in at.caption]
    at.text_input(key=f"contacts_oform_{kept}_cvr").set_value("DK 55 13 30 18")
    at.button(key=f"contacts_org_save_{kept}").click()
    rerun(at)
    assert [s.value for s in at.success] == ["Gemt."]
    assert at.text_input(key=f"contacts_oform_{kept}_cvr").value == "55133018"
