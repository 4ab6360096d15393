"""The demo library: deterministic, realistic, varied, and never poured over someone's real data."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from lib.core.errors import UserFacingError
from lib.core.i18n import TEXTS
from lib.core.normalize import name_key
from lib.core.vocabulary import ORGANISATION_TYPES, RELATION_KINDS, SECTORS
from lib.db import (
    Affiliation,
    Database,
    Event,
    Organisation,
    Person,
    Relation,
    get_setting,
    open_database,
    workspace_counts,
)
from lib.demo import workspace as demo

TODAY = dt.date(2026, 3, 1)
THREE_YEARS_AGO = TODAY - dt.timedelta(days=3 * 365)


@pytest.fixture
def other_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'other.sqlite'}", cached=False)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
    demo.create_demo_workspace(db, today=TODAY)
    return db


def snapshot(db: Database) -> dict[str, Any]:
    """Everything the demo holds, by names rather than ids."""
    with db.read() as session:
        people = {p.id: p for p in session.scalars(select(Person).order_by(Person.id))}
        orgs = {o.id: o for o in session.scalars(select(Organisation).order_by(Organisation.id))}

        def end(person_id: int | None, org_id: int | None) -> str:
            return people[person_id].name if person_id else orgs[org_id].name  # type: ignore[index]

        return {
            "people": [
                (p.name, p.email, p.other_emails, p.phone, p.other_phones, p.title, p.notes, p.is_staff)
                for p in people.values()
            ],
            "organisations": [(o.name, o.org_type, o.sector, o.website, o.area, o.notes) for o in orgs.values()],
            "affiliations": [
                (people[a.person_id].name, orgs[a.organisation_id].name, a.role, a.start_date, a.end_date)
                for a in session.scalars(select(Affiliation).order_by(Affiliation.id))
            ],
            "relations": [
                (
                    r.kind,
                    end(r.from_person_id, r.from_organisation_id),
                    end(r.to_person_id, r.to_organisation_id),
                    r.strength,
                    r.first_contact,
                    r.last_contact,
                    people[r.owner_id].name if r.owner_id else None,
                    r.notes,
                )
                for r in session.scalars(select(Relation).order_by(Relation.id))
            ],
        }


def load(db: Database) -> tuple[list[Person], list[Organisation], list[Affiliation], list[Relation]]:
    """All records, detached with their values loaded (the read session rolls back, expiring them)."""
    with db.read() as session:
        records = (
            list(session.scalars(select(Person))),
            list(session.scalars(select(Organisation))),
            list(session.scalars(select(Affiliation))),
            list(session.scalars(select(Relation))),
        )
        session.expunge_all()
    return records


# --- determinism -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_same_seed_and_day_give_identical_workspaces(db: Database, other_db: Database) -> None:
    demo.create_demo_workspace(db, today=TODAY)
    demo.create_demo_workspace(other_db, today=TODAY)
    first, second = snapshot(db), snapshot(other_db)
    assert first == second
    assert len(first["relations"]) > 500


@pytest.mark.slow
def test_another_day_shifts_dates_but_keeps_the_structure(db: Database, other_db: Database) -> None:
    demo.create_demo_workspace(db, today=TODAY)
    demo.create_demo_workspace(other_db, today=TODAY + dt.timedelta(days=100))
    before, after = snapshot(db), snapshot(other_db)
    assert before["people"] == after["people"]
    assert before["organisations"] == after["organisations"]
    for old, new in zip(before["relations"], after["relations"], strict=True):
        assert old[:4] == new[:4] and old[6:] == new[6:]
        assert new[4] - old[4] == dt.timedelta(days=100)
        assert new[5] - old[5] == dt.timedelta(days=100)


@pytest.mark.slow
def test_another_seed_gives_other_contacts(db: Database, other_db: Database) -> None:
    demo.create_demo_workspace(db, today=TODAY)
    demo.create_demo_workspace(other_db, seed=7, today=TODAY)
    names = {row[0] for row in snapshot(db)["people"] if not row[7]}
    other_names = {row[0] for row in snapshot(other_db)["people"] if not row[7]}
    assert len(names & other_names) < len(names) / 2


def test_the_global_random_generator_is_not_used() -> None:
    import random

    random.seed(1)
    expected = random.random()
    random.seed(1)
    demo.build_demo_plan()
    assert random.random() == expected


# --- content ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_counts_are_in_range_and_reported(db: Database) -> None:
    result = demo.create_demo_workspace(db, today=TODAY)
    assert set(result) == {"people", "staff", "organisations", "affiliations", "relations", "created"}
    assert result["created"] is True
    assert result["staff"] == 15
    assert 280 <= result["people"] - result["staff"] <= 320
    assert 75 <= result["organisations"] <= 85
    assert result["affiliations"] >= 280
    assert result["relations"] >= 500
    with db.read() as session:
        counts = workspace_counts(session)
    assert {key: counts[key] for key in result if key != "created"} == {
        key: value for key, value in result.items() if key != "created"
    }


@pytest.mark.slow
def test_every_organisation_type_and_sector_is_present(demo_db: Database) -> None:
    _, orgs, _, _ = load(demo_db)
    assert {o.org_type for o in orgs} == set(ORGANISATION_TYPES)
    assert {o.sector for o in orgs} == set(SECTORS)
    assert len({o.name for o in orgs}) == len(orgs)
    assert all(o.name_key == name_key(o.name) and o.source == "Demo" and o.area for o in orgs)
    assert sum(1 for o in orgs if o.website) > 60
    assert all(o.website.startswith("https://www.") for o in orgs if o.website)


@pytest.mark.slow
def test_people_look_like_a_real_contact_list(demo_db: Database) -> None:
    people, _, _, _ = load(demo_db)
    staff = [p for p in people if p.is_staff]
    contacts = [p for p in people if not p.is_staff]
    assert all(p.email and p.email.endswith("@solbakkebib.dk") and p.title for p in staff)
    emails = [p.email for p in people if p.email] + [e for p in people for e in p.other_emails or []]
    assert len(emails) == len(set(emails))
    assert all(e == e.lower() and re.fullmatch(r"[a-z0-9.\-]+@[a-z0-9.\-]+\.dk", e) for e in emails)
    phones = [p.phone for p in people if p.phone] + [n for p in people for n in p.other_phones or []]
    assert all(re.fullmatch(r"\+45[2-9]\d{7}", n) for n in phones)
    assert 20 <= sum(1 for p in contacts if p.email is None) <= 90
    assert sum(1 for p in contacts if p.other_emails) >= 5
    assert sum(1 for p in contacts if p.other_phones) >= 3
    assert 60 <= sum(1 for p in contacts if p.phone is None) <= 220
    assert sum(1 for p in contacts if re.search("[æøåÆØÅ]", p.name)) >= 30
    assert sum(1 for p in contacts if p.notes) >= 20
    # One namesake on purpose (see add_review_cases); every other name is unique.
    assert len({p.name for p in people}) == len(people) - 1
    assert all(p.source == "Demo" and p.name_key == name_key(p.name) for p in people)


@pytest.mark.slow
def test_affiliations_include_job_changes_and_second_roles(demo_db: Database) -> None:
    people, _, affiliations, _ = load(demo_db)
    contact_ids = {p.id for p in people if not p.is_staff}
    assert {a.person_id for a in affiliations} <= contact_ids
    ended = [a for a in affiliations if a.end_date]
    assert len(ended) >= 10
    assert all(a.start_date and a.start_date < a.end_date <= TODAY for a in ended)
    current = Counter(a.person_id for a in affiliations if a.end_date is None)
    assert sum(1 for n in current.values() if n >= 2) >= 5
    assert sum(1 for a in affiliations if a.start_date) > len(affiliations) / 3
    # Someone who changed jobs started the new one after leaving the old.
    for old in ended:
        new = [a for a in affiliations if a.person_id == old.person_id and a.end_date is None]
        assert any(a.start_date and a.start_date >= old.end_date for a in new)


@pytest.mark.slow
def test_relations_have_valid_kinds_strengths_and_dates(demo_db: Database) -> None:
    _, _, _, relations = load(demo_db)
    assert {r.kind for r in relations} <= set(RELATION_KINDS)
    assert {"knows", "colleague", "works_with", "partner", "funds", "member"} <= {r.kind for r in relations}
    assert all(r.strength in (1, 2, 3, 4, 5) for r in relations)
    assert set(Counter(r.strength for r in relations)) == {1, 2, 3, 4, 5}
    for r in relations:
        assert THREE_YEARS_AGO <= r.first_contact <= r.last_contact <= TODAY


@pytest.mark.slow
def test_some_ties_are_going_cold(demo_db: Database) -> None:
    _, _, _, relations = load(demo_db)
    age = [(TODAY - r.last_contact).days for r in relations]
    assert sum(1 for days in age if days > 365) >= len(relations) // 10
    assert any(days > 730 for days in age)
    assert sum(1 for days in age if days <= 90) >= len(relations) // 4


@pytest.mark.slow
def test_the_network_has_hubs_dependencies_and_isolates(demo_db: Database) -> None:
    people, orgs, affiliations, relations = load(demo_db)
    staff = {p.id for p in people if p.is_staff}
    staff_ties = [r for r in relations if r.from_person_id in staff]
    # Ties a staff member holds are owned by that staff member.
    assert all(r.owner_id == r.from_person_id for r in staff_ties)
    per_staff = Counter(r.from_person_id for r in staff_ties)
    busiest, quietest = per_staff.most_common()[0][1], per_staff.most_common()[-1][1]
    assert set(per_staff) == staff
    assert busiest >= 4 * sorted(per_staff.values())[len(per_staff) // 2] / 2
    assert quietest <= 10
    holders: defaultdict[int, set[int]] = defaultdict(set)
    for r in staff_ties:
        if r.to_organisation_id:
            holders[r.to_organisation_id].add(r.from_person_id)  # type: ignore[arg-type]
    assert sum(1 for h in holders.values() if len(h) == 1) >= 10  # hangs on one person
    assert sum(1 for h in holders.values() if len(h) >= 3) >= 3  # known across the library
    contact_ties = [r for r in relations if r.from_person_id and r.to_person_id and r.from_person_id not in staff]
    assert Counter(r.kind for r in contact_ties).keys() >= {"colleague", "works_with"}
    brokers = Counter(r.from_person_id for r in contact_ties if r.kind == "works_with")
    assert sum(1 for n in brokers.values() if n >= 5) >= 3
    assert any(r.from_organisation_id and r.to_organisation_id and r.kind == "partner" for r in relations)
    linked_people = {a.person_id for a in affiliations} | {
        i for r in relations for i in (r.from_person_id, r.to_person_id, r.owner_id) if i
    }
    linked_orgs = {a.organisation_id for a in affiliations} | {
        i for r in relations for i in (r.from_organisation_id, r.to_organisation_id) if i
    }
    assert 2 <= sum(1 for p in people if p.id not in linked_people) <= 5
    assert [o.name for o in orgs if o.id not in linked_orgs] == [demo.ISOLATED_ORGANISATION]


# --- the workspace around it -----------------------------------------------------------------------


@pytest.mark.slow
def test_settings_and_event_are_recorded(demo_db: Database) -> None:
    with demo_db.read() as session:
        assert get_setting(session, "demo") == "1"
        assert get_setting(session, "library_name") == "Solbakke Bibliotekerne"
        events = session.scalars(select(Event).where(Event.action == "demo_created")).all()
        assert len(events) == 1
        assert events[0].details["staff"] == 15 and events[0].details["seed"] == demo.DEFAULT_SEED


def existing_workspace(db: Database) -> None:
    with db.write() as session:
        session.add(Person(name="Eksisterende Kontakt", name_key="eksisterende kontakt", email="ek@x.dk"))


def test_if_empty_leaves_an_existing_workspace_untouched(db: Database) -> None:
    existing_workspace(db)
    before = snapshot(db)
    result = demo.create_demo_workspace(db, today=TODAY, if_empty=True)
    assert result == {
        "people": 1,
        "staff": 0,
        "organisations": 0,
        "affiliations": 0,
        "relations": 0,
        "created": False,
    }
    assert snapshot(db) == before
    with db.read() as session:
        assert get_setting(session, "demo") is None
        assert session.scalars(select(Event)).all() == []


def test_an_organisation_alone_also_counts_as_existing_data(db: Database) -> None:
    with db.write() as session:
        session.add(Organisation(name="Solbakke Museum", name_key="solbakke museum"))
    assert demo.create_demo_workspace(db, today=TODAY, if_empty=True)["created"] is False
    with pytest.raises(UserFacingError):
        demo.create_demo_workspace(db, today=TODAY)


def test_a_non_empty_workspace_is_refused(db: Database) -> None:
    existing_workspace(db)
    with pytest.raises(UserFacingError) as caught:
        demo.create_demo_workspace(db, today=TODAY)
    assert caught.value.key == "demo.not_empty"
    assert "tomt arbejdsområde" in caught.value.message("da")
    assert "empty workspace" in caught.value.message("en")
    with db.read() as session:
        assert workspace_counts(session)["people"] == 1


@pytest.mark.slow
def test_creating_twice_is_refused_and_if_empty_is_idempotent(db: Database) -> None:
    first = demo.create_demo_workspace(db, today=TODAY, if_empty=True)
    assert first["created"] is True
    again = demo.create_demo_workspace(db, today=TODAY, if_empty=True)
    assert again == {**first, "created": False}
    with pytest.raises(UserFacingError):
        demo.create_demo_workspace(db, today=TODAY)


@pytest.mark.slow
def test_default_today_is_the_real_today(db: Database) -> None:
    demo.create_demo_workspace(db)
    _, _, _, relations = load(db)
    newest = max(r.last_contact for r in relations)
    assert dt.date.today() - dt.timedelta(days=14) <= newest <= dt.date.today()


def test_demo_texts_exist_in_both_languages() -> None:
    keys = [key for key in TEXTS if key.startswith("demo.")]
    assert {"demo.not_empty", "demo.created", "demo.banner"} <= set(keys)
    for key in keys:
        assert TEXTS[key]["da"] and TEXTS[key]["en"] and TEXTS[key]["da"] != TEXTS[key]["en"], key


def test_ascii_slug_spells_danish_letters_out() -> None:
    assert demo.ascii_slug("Søren Ågaard-Bæk") == "soeren.aagaard.baek"
    assert demo.ascii_slug("Ayşe Yılmaz") == "ayse.yilmaz"


@pytest.mark.slow
def test_the_duplicate_review_has_the_two_planted_cases(demo_db: Database) -> None:
    from sqlalchemy import select

    from lib.db import DuplicateCandidate

    with demo_db.read() as session:
        rules = sorted(c.rule for c in session.scalars(select(DuplicateCandidate)))
    assert rules == ["same_name", "similar_name_same_org"]
