"""The contacts search on a big workspace (issue 16): the database does the matching, a table shows the
first rows and says how many matched in all, and a search still finds what it found before."""

from __future__ import annotations

import datetime as dt

import pytest

from lib import contacts
from lib.contacts import page
from lib.contacts.organisation_duplicates import find_organisation_duplicates
from lib.db import Affiliation, Database, open_database
from tests.contacts.test_records import add_org, add_person


@pytest.fixture
def db(any_db_url: str) -> Database:
    """The matching is done by the database now: every test here runs on SQLite and on PostgreSQL."""
    return open_database(any_db_url)


@pytest.fixture
def workspace(db: Database) -> dict[str, int]:
    """Five people named Hansen (one with a phone) at a library, one of them there no longer, and Søren."""
    with db.write() as session:
        library = add_org(session, "Aarhus Bibliotek", area="Østjylland")
        club = add_org(session, "Læse_klub 100%")
        ids = {"library": library.id, "club": club.id}
        for first in ("Anne", "Bo", "Carl", "Dorte"):
            ids[first.lower()] = add_person(session, f"{first} Hansen", orgs=(library,)).id
        ids["eva"] = add_person(session, "Eva Hansen", phone="+4520304050", email="eva@hansen.dk").id
        ids["soren"] = add_person(session, "Søren Ærø", email="soren@bib.dk").id
        session.add(Affiliation(person_id=ids["eva"], organisation_id=library.id, end_date=dt.date(2001, 1, 31)))
    return ids


def names(hits: contacts.Hits) -> list[str]:
    return list(hits.rows["name"])


def test_a_search_beyond_the_limit_gives_the_first_rows_and_the_whole_count(
    db: Database, workspace: dict[str, int]
) -> None:
    with db.read() as session:
        hits = contacts.people_hits(session, "hansen", limit=2)
        assert (names(hits), hits.total, hits.more) == (["Anne Hansen", "Bo Hansen"], 5, True)
        everyone = contacts.people_hits(session, limit=10)
        assert (everyone.total, everyone.more) == (6, False)
        # The organisations column is filled for the rows shown.
        assert list(hits.rows["organisations"]) == ["Aarhus Bibliotek", "Aarhus Bibliotek"]


def test_the_page_shows_at_most_its_limit(db: Database, workspace: dict[str, int], monkeypatch) -> None:
    monkeypatch.setattr(page, "SHOWN_ROWS", 3)
    hits = page.find_people(db, "")
    assert (len(hits.rows), hits.total) == (3, 6)
    organisations = page.find_organisations(db, "", "da")
    assert (len(organisations.rows), organisations.total) == (2, 2)


def test_phone_digits_find_the_person_however_they_are_spaced(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        for typed in ("2030 4050", "20-30-40-50", "+45 20 30", "304"):
            assert names(contacts.people_hits(session, typed, limit=10)) == ["Eva Hansen"], typed
        assert contacts.people_hits(session, "99", limit=10).total == 0  # two digits are not a phone search


def test_name_email_and_current_organisation_words_all_count(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        assert names(contacts.people_hits(session, "SØREN ærø")) == ["Søren Ærø"]
        assert names(contacts.people_hits(session, "EVA@HANSEN")) == ["Eva Hansen"]
        assert names(contacts.people_hits(session, "hansen,")) == names(contacts.people_hits(session, "hansen"))
        # Eva left the library: its name finds the four who are there now, and only with their own words.
        assert names(contacts.people_hits(session, "aarhus bibliotek")) == [
            "Anne Hansen",
            "Bo Hansen",
            "Carl Hansen",
            "Dorte Hansen",
        ]
        assert names(contacts.people_hits(session, "bibliotek dorte")) == ["Dorte Hansen"]


def test_like_wildcards_typed_are_plain_characters(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        assert contacts.people_hits(session, "%").total == 0
        assert contacts.people_hits(session, "h%n").total == 0
        assert names(contacts.organisation_hits(session, "100%")) == ["Læse_klub 100%"]
        assert names(contacts.organisation_hits(session, "østjylland")) == ["Aarhus Bibliotek"]


def test_organisations_beyond_the_limit_count_people_and_ties_for_those_shown(
    db: Database, workspace: dict[str, int]
) -> None:
    with db.read() as session:
        hits = contacts.organisation_hits(session, limit=1)
        assert (names(hits), hits.total, hits.more) == (["Aarhus Bibliotek"], 2, True)
        assert list(hits.rows["people"]) == [4]


def test_the_merge_list_holds_what_its_search_finds(db: Database, workspace: dict[str, int], monkeypatch) -> None:
    record = page.open_record(db, "person", workspace["anne"], "da", others_text="ærø")
    assert record is not None and record.others == {workspace["soren"]: "Søren Ærø (soren@bib.dk)"}
    assert not record.others_more
    monkeypatch.setattr(page, "SHOWN_ROWS", 2)
    record = page.open_record(db, "person", workspace["anne"], "da", others_text="hansen")
    assert record is not None
    # Anne herself is left out: the first two of the other Hansens, and word that there are more.
    assert (list(record.others.values()), record.others_more) == (["Bo Hansen", "Carl Hansen"], True)


def test_the_organisation_pairs_follow_a_rename_at_once(db: Database, workspace: dict[str, int]) -> None:
    # The pairs are kept for a register compared before (the page asks on every rerun); a rename is new.
    def pairs() -> list[tuple[int, int]]:
        with db.read() as session:
            return [pair.ids for pair in find_organisation_duplicates(session)]

    assert pairs() == []
    with db.write() as session:
        contacts.update_organisation(session, workspace["club"], {"name": "Århus bibliotek"})
    assert pairs() == [(workspace["library"], workspace["club"])]
    with db.write() as session:
        contacts.update_organisation(session, workspace["club"], {"name": "Læseklubben"})
    assert pairs() == []
