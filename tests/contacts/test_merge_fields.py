"""Merging two records keeps what the import now understands (issue 11).

Two organisations: the kept one's type and sector (a code, else the word a file wrote where no code
fitted), else the other's; the mailbox likewise. Two people: staff wins, with the kept one's team
and role unless it has none. Two ties that become one keep the larger weight and the kind's word.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from lib import contacts
from lib.core.normalize import name_key
from lib.db import Database, Event, Organisation, Person, Relation


def organisation(db: Database, name: str, **values: Any) -> int:
    with db.write() as session:
        record = Organisation(name=name, name_key=name_key(name), **values)
        session.add(record)
        session.flush()
        return record.id


def person(db: Database, name: str, **values: Any) -> int:
    with db.write() as session:
        record = Person(name=name, name_key=name_key(name), **values)
        session.add(record)
        session.flush()
        return record.id


def merged_organisation(db: Database, keep: dict[str, Any], remove: dict[str, Any]) -> Organisation:
    keep_id = organisation(db, "Trøjborg Bydelsnetværk", **keep)
    remove_id = organisation(db, "Trøjborg Bydelsnetværket", **remove)
    with db.write() as session:
        contacts.merge_organisations(session, keep_id, remove_id)
    with db.read() as session:
        (kept,) = session.scalars(select(Organisation)).all()
        session.expunge(kept)
        return kept


def words(org: Organisation) -> tuple[Any, ...]:
    return org.org_type, org.org_type_text, org.sector, org.sector_text


# --- organisations ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_removed_organisations_words_and_mailbox_fill_what_the_kept_one_lacks(db: Database) -> None:
    kept = merged_organisation(
        db, {}, {"org_type_text": "bydelsnetværk", "sector_text": "halvoffentlig", "email": "post@trojborg.dk"}
    )
    assert words(kept) == (None, "bydelsnetværk", None, "halvoffentlig")
    assert kept.email == "post@trojborg.dk"


def test_the_kept_organisations_own_words_and_mailbox_stay(db: Database) -> None:
    kept = merged_organisation(
        db,
        {"org_type_text": "paraplyorg", "sector": "civil", "email": "info@trojborg.dk"},
        {"org_type_text": "bydelsnetværk", "sector_text": "halvoffentlig", "email": "post@trojborg.dk"},
    )
    assert words(kept) == (None, "paraplyorg", "civil", None)
    assert kept.email == "info@trojborg.dk"


def test_the_kept_organisations_code_stays_and_the_other_word_is_not_added(db: Database) -> None:
    kept = merged_organisation(
        db,
        {"org_type": "citizen_group", "sector": "civil"},
        {"org_type_text": "bydelsnetværk", "sector_text": "halvoffentlig"},
    )
    assert words(kept) == ("citizen_group", None, "civil", None)


def test_a_type_the_other_record_has_replaces_a_word_no_type_fitted(db: Database) -> None:
    # As in an import: once a type is known, the word that stood in for it goes.
    kept = merged_organisation(
        db,
        {"org_type_text": "bydelsnetværk", "sector_text": "halvoffentlig"},
        {"org_type": "citizen_group", "sector": "civil"},
    )
    assert words(kept) == ("citizen_group", None, "civil", None)


def test_the_merge_is_logged_with_the_fields_it_filled(db: Database) -> None:
    merged_organisation(db, {"org_type": "citizen_group"}, {"sector_text": "halvoffentlig", "email": "p@t.dk"})
    with db.read() as session:
        event = session.scalars(select(Event).where(Event.action == "organisations_merged")).one()
    assert sorted(event.details["filled"]) == ["email", "sector_text"]


# --- people ----------------------------------------------------------------------------------------


def merged_person(db: Database, keep: dict[str, Any], remove: dict[str, Any]) -> Person:
    keep_id = person(db, "Mette Holm", **keep)
    remove_id = person(db, "Mette Holm ", **remove)
    with db.write() as session:
        contacts.merge_people(session, keep_id, remove_id)
    with db.read() as session:
        (kept,) = session.scalars(select(Person)).all()
        session.expunge(kept)
        return kept


@pytest.mark.parametrize(
    ("keep", "remove", "expected"),
    [
        # staff wins, and brings the team and role with it
        (
            {"is_staff": False},
            {"is_staff": True, "team": "Børn og unge", "staff_role": "network_lead"},
            (True, "Børn og unge", "network_lead"),
        ),
        # the kept record's team and role stay
        (
            {"is_staff": True, "team": "Voksne", "staff_role": "staff"},
            {"is_staff": True, "team": "Børn og unge", "staff_role": "network_lead"},
            (True, "Voksne", "staff"),
        ),
        # … unless empty: then the other's
        (
            {"is_staff": True, "team": "Voksne"},
            {"is_staff": False, "team": None, "staff_role": "partnership_owner"},
            (True, "Voksne", "partnership_owner"),
        ),
        (
            {"is_staff": True, "staff_role": "staff"},
            {"is_staff": True, "team": "Børn og unge"},
            (True, "Børn og unge", "staff"),
        ),
        # two contacts stay a contact
        ({"is_staff": False}, {"is_staff": False}, (False, None, None)),
    ],
)
def test_merging_two_people_keeps_staff_status_team_and_role(
    db: Database, keep: dict[str, Any], remove: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    kept = merged_person(db, keep, remove)
    assert (kept.is_staff, kept.team, kept.staff_role) == expected


# --- ties that become one --------------------------------------------------------------------------


def test_two_ties_that_become_one_keep_the_larger_weight_and_the_kinds_word(db: Database) -> None:
    anna = person(db, "Anna Berg", email="anna@x.dk")
    bo, bo_again = person(db, "Bo Dam", email="bo@x.dk"), person(db, "Bo Dam", email="bo.dam@x.dk")
    with db.write() as session:
        session.add_all(
            [
                Relation(kind="other", from_person_id=anna, to_person_id=bo, weight=2.5),
                Relation(
                    kind="other",
                    from_person_id=anna,
                    to_person_id=bo_again,
                    weight=12.0,
                    kind_text="sparring",
                    last_contact=dt.date(2026, 1, 5),
                ),
            ]
        )
    with db.write() as session:
        contacts.merge_people(session, bo, bo_again)
    with db.read() as session:
        (tie,) = session.scalars(select(Relation)).all()
    assert (tie.weight, tie.kind_text, tie.last_contact) == (12.0, "sparring", dt.date(2026, 1, 5))
