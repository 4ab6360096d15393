"""lib.contacts: search, edit, merge and the duplicate review queue, against a real (SQLite) database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib import contacts
from lib.core.errors import ValidationFailed
from lib.core.i18n import t
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    Database,
    DuplicateCandidate,
    Event,
    ImportBatch,
    ImportChange,
    Organisation,
    Person,
    Relation,
)


def add_org(session: Session, name: str, **values: object) -> Organisation:
    organisation = Organisation(name=name, name_key=name_key(name), **values)
    session.add(organisation)
    session.flush()
    return organisation


def add_person(session: Session, name: str, *, orgs: tuple[Organisation, ...] = (), **values: object) -> Person:
    person = Person(name=name, name_key=name_key(name), **values)
    session.add(person)
    session.flush()
    for organisation in orgs:
        session.add(Affiliation(person_id=person.id, organisation_id=organisation.id))
    session.flush()
    return person


def events(session: Session, action: str) -> list[Event]:
    return list(session.scalars(select(Event).where(Event.action == action).order_by(Event.id)))


def people_count(session: Session) -> int:
    return session.scalar(select(func.count(Person.id))) or 0


@pytest.fixture
def workspace(db: Database) -> dict[str, int]:
    """Three people at two organisations; Søren is staff."""
    with db.write() as session:
        library = add_org(session, "Aarhus Bibliotek", org_type="library", sector="public")
        club = add_org(session, "Læseforeningen Østjylland", org_type="association", sector="civil")
        soren = add_person(
            session, "Søren Ærø", email="soren@bib.dk", phone="+4520304050", is_staff=True, orgs=(library,)
        )
        anne = add_person(session, "Anne Hansen", email="anne@laes.dk", orgs=(club,))
        jens = add_person(session, "Jens Ågård", orgs=(club, library))
        return {"library": library.id, "club": club.id, "soren": soren.id, "anne": anne.id, "jens": jens.id}


# --- search ----------------------------------------------------------------------------------------


def test_search_matches_danish_letters_in_any_case(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        assert contacts.search_people(session, "SØREN")["name"].tolist() == ["Søren Ærø"]
        assert contacts.search_people(session, "ågård")["name"].tolist() == ["Jens Ågård"]
        assert contacts.search_people(session, "ærø søren")["id"].tolist() == [workspace["soren"]]


def test_search_matches_email_case_insensitively_and_phone_digits(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        assert contacts.search_people(session, "ANNE@LAES.DK")["id"].tolist() == [workspace["anne"]]
        assert contacts.search_people(session, "20 30 40")["id"].tolist() == [workspace["soren"]]


def test_search_matches_organisation_and_lists_current_organisations(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        found = contacts.search_people(session, "østjylland")
        assert found["name"].tolist() == ["Anne Hansen", "Jens Ågård"]
        jens = found.set_index("name").loc["Jens Ågård"]
        assert jens["organisations"] == "Aarhus Bibliotek; Læseforeningen Østjylland"
        assert list(found.columns) == contacts.PEOPLE_COLUMNS


def test_search_filters_by_organisation_and_staff(db: Database, workspace: dict[str, int]) -> None:
    with db.read() as session:
        at_library = contacts.search_people(session, organisation_id=workspace["library"])
        assert at_library["name"].tolist() == ["Jens Ågård", "Søren Ærø"]
        assert contacts.search_people(session, is_staff=True)["name"].tolist() == ["Søren Ærø"]
        assert contacts.search_people(session, is_staff=False)["name"].tolist() == ["Anne Hansen", "Jens Ågård"]
        assert contacts.search_people(session, "zzz").empty


def test_ended_affiliation_is_not_listed_as_current(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        contacts.end_affiliation(
            session, _affiliation_id(session, workspace["jens"], workspace["library"]), end_date=dt.date(2020, 1, 31)
        )
    with db.read() as session:
        jens = contacts.search_people(session, "jens").iloc[0]
        assert jens["organisations"] == "Læseforeningen Østjylland"


def test_search_organisations_counts_people_and_relations(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        session.add(Relation(from_person_id=workspace["soren"], to_organisation_id=workspace["club"], kind="partner"))
    with db.read() as session:
        found = contacts.search_organisations(session, "læse")
        assert found[["name", "people", "relations"]].values.tolist() == [["Læseforeningen Østjylland", 2, 1]]
        assert contacts.search_organisations(session, org_type="library")["name"].tolist() == ["Aarhus Bibliotek"]
        assert contacts.search_organisations(session, sector="civil")["id"].tolist() == [workspace["club"]]


# --- details ---------------------------------------------------------------------------------------


def test_person_details_show_relations_both_ways_and_import_history(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        session.add(
            Relation(
                from_person_id=workspace["soren"],
                to_person_id=workspace["anne"],
                kind="knows",
                strength=4,
                last_contact=dt.date(2024, 5, 1),
                owner_id=workspace["soren"],
            )
        )
        session.add(Relation(from_organisation_id=workspace["club"], to_person_id=workspace["anne"], kind="member"))
        batch = ImportBatch(file_name="kontakter.xlsx", created_at=dt.datetime(2024, 6, 1, 10, 0))
        session.add(batch)
        session.flush()
        session.add(ImportChange(batch_id=batch.id, table_name="people", record_id=workspace["anne"], action="insert"))
    with db.read() as session:
        details = contacts.person_details(session, workspace["anne"])
    assert details is not None
    assert [(r["direction"], r["other"], r["kind"], r["owner"]) for r in details.relations] == [
        ("incoming", "Søren Ærø", "knows", "Søren Ærø"),
        ("incoming", "Læseforeningen Østjylland", "member", None),
    ]
    assert [(h["file_name"], h["action"], h["status"]) for h in details.imports] == [
        ("kontakter.xlsx", "insert", "committed")
    ]
    assert [a["organisation"] for a in details.affiliations] == ["Læseforeningen Østjylland"]


def test_details_of_missing_record_is_none(db: Database) -> None:
    with db.read() as session:
        assert contacts.person_details(session, 999) is None
        assert contacts.organisation_details(session, 999) is None


# --- editing ---------------------------------------------------------------------------------------


def test_invalid_email_is_refused_with_its_key_and_nothing_changes(db: Database, workspace: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.update_person(session, workspace["anne"], {"title": "Formand", "email": "anne@@laes"})
    assert caught.value.key == "value.email_invalid"
    with db.read() as session:
        anne = session.get(Person, workspace["anne"])
        assert (anne.email, anne.title) == ("anne@laes.dk", None)
        assert events(session, "person_updated") == []


def test_email_of_another_person_is_refused(db: Database, workspace: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.update_person(session, workspace["jens"], {"email": "Soren@Bib.dk"})
    assert caught.value.key == "records.email_taken"
    assert caught.value.params == {"email": "soren@bib.dk", "name": "Søren Ærø"}
    assert caught.value.message("da") == (
        "E-mailadressen soren@bib.dk bruges allerede af Søren Ærø. Hvis det er den samme person, så slå de to "
        "sammen i stedet."
    )


def test_update_stores_clean_values_and_logs_old_and_new(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        changed = contacts.update_person(
            session,
            workspace["anne"],
            {"name": "  Anne   Marie Hansen ", "email": "ANNE.M@Laes.dk", "phone": "20 11 22 33", "title": ""},
            actor="leder@bib.dk",
        )
    assert changed == ["name", "email", "phone"]
    with db.read() as session:
        anne = session.get(Person, workspace["anne"])
        assert (anne.name, anne.name_key, anne.email, anne.phone) == (
            "Anne Marie Hansen",
            "anne marie hansen",
            "anne.m@laes.dk",
            "+4520112233",
        )
        [event] = events(session, "person_updated")
        assert (event.entity, event.entity_id, event.actor) == ("person", workspace["anne"], "leder@bib.dk")
        assert event.details == {
            "changes": {
                "name": ["Anne Hansen", "Anne Marie Hansen"],
                "email": ["anne@laes.dk", "anne.m@laes.dk"],
                "phone": [None, "+4520112233"],
            }
        }


def test_update_without_changes_logs_nothing(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        assert contacts.update_person(session, workspace["anne"], {"email": "anne@laes.dk", "notes": ""}) == []
    with db.read() as session:
        assert events(session, "person_updated") == []


def test_name_is_required(db: Database, workspace: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.update_person(session, workspace["anne"], {"name": "   "})
    assert caught.value.key == "records.name_required"


def test_organisation_codes_and_website_are_checked(db: Database, workspace: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.update_organisation(session, workspace["club"], {"org_type": "Forening"})
    assert (caught.value.key, caught.value.params) == ("records.unknown_org_type", {"value": "Forening"})
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.update_organisation(session, workspace["club"], {"website": "javascript:alert(1)"})
    assert caught.value.key == "value.website_invalid"
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.update_organisation(session, workspace["club"], {"name": "aarhus bibliotek"})
    assert caught.value.key == "records.organisation_exists"
    with db.write() as session:
        changed = contacts.update_organisation(
            session, workspace["club"], {"sector": "public", "website": "WWW.Laes.dk"}
        )
    assert changed == ["sector", "website"]
    with db.read() as session:
        club = session.get(Organisation, workspace["club"])
        assert (club.sector, club.website) == ("public", "https://www.laes.dk")
        [event] = events(session, "organisation_updated")
        assert event.details["changes"] == {"sector": ["civil", "public"], "website": [None, "https://www.laes.dk"]}


def test_create_and_delete_person(db: Database, workspace: dict[str, int]) -> None:
    with db.write() as session:
        new_id = contacts.create_person(session, {"name": "Ida Nørgaard", "email": "IDA@x.dk"})
        contacts.add_affiliation(session, new_id, workspace["club"], role="Kasserer", start_date="01-02-2023")
    with db.read() as session:
        details = contacts.person_details(session, new_id)
        assert details is not None
        assert details.fields["email"] == "ida@x.dk"
        assert [(a["organisation"], a["role"], a["start_date"]) for a in details.affiliations] == [
            ("Læseforeningen Østjylland", "Kasserer", dt.date(2023, 2, 1))
        ]
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.add_affiliation(session, new_id, workspace["club"])
    assert caught.value.key == "records.affiliation_exists"
    with db.write() as session:
        contacts.delete_person(session, new_id)
    with db.read() as session:
        assert session.get(Person, new_id) is None
        assert people_count(session) == 3
        [event] = events(session, "person_deleted")
        assert "Ida" not in str(event.details)


# --- merging ---------------------------------------------------------------------------------------


def test_merge_moves_affiliations_and_relations_and_keeps_filled_fields(db: Database) -> None:
    with db.write() as session:
        library = add_org(session, "Aarhus Bibliotek")
        club = add_org(session, "Læseforeningen")
        staff = add_person(session, "Bo Berg", is_staff=True)
        other = add_person(session, "Lis Lund")
        keep = add_person(session, "Mette Møller", email="mette@a.dk", title="Leder", orgs=(library,))
        remove = add_person(
            session,
            "Mette Moller",
            email="mm@b.dk",
            phone="+4520000001",
            title="Konsulent",
            notes="Kender alle",
            orgs=(library, club),
            other_emails=["mette@privat.dk"],
        )
        session.add(
            Relation(from_person_id=staff.id, to_person_id=remove.id, kind="knows", strength=2, owner_id=remove.id)
        )
        session.add(Relation(from_person_id=staff.id, to_person_id=keep.id, kind="knows", strength=4))
        session.add(Relation(from_person_id=remove.id, to_person_id=other.id, kind="colleague"))
        session.add(Relation(from_person_id=remove.id, to_person_id=keep.id, kind="knows"))
        session.add(DuplicateCandidate(person_a_id=keep.id, person_b_id=remove.id, rule="similar_name", score=92))
        session.add(DuplicateCandidate(person_a_id=remove.id, person_b_id=other.id, rule="similar_name", score=90))
        ids = {
            "keep": keep.id,
            "remove": remove.id,
            "staff": staff.id,
            "other": other.id,
            "library": library.id,
            "club": club.id,
        }

    with db.write() as session:
        contacts.merge_people(session, ids["keep"], ids["remove"], actor="leder@bib.dk")

    with db.read() as session:
        assert session.get(Person, ids["remove"]) is None
        kept = session.get(Person, ids["keep"])
        assert (kept.email, kept.title, kept.phone, kept.notes) == ("mette@a.dk", "Leder", "+4520000001", "Kender alle")
        assert kept.other_emails == ["mm@b.dk", "mette@privat.dk"]
        orgs = sorted(session.scalars(select(Affiliation.organisation_id).where(Affiliation.person_id == kept.id)))
        assert orgs == sorted([ids["library"], ids["club"]])
        relations = session.execute(
            select(
                Relation.from_person_id, Relation.to_person_id, Relation.kind, Relation.strength, Relation.owner_id
            ).order_by(Relation.id)
        ).all()
        # staff→remove and staff→keep became one tie (strongest kept); remove→keep, a tie to itself, is gone.
        assert [tuple(r) for r in relations] == [
            (ids["staff"], ids["keep"], "knows", 4, ids["keep"]),
            (ids["keep"], ids["other"], "colleague", None, None),
        ]
        candidates = session.execute(
            select(DuplicateCandidate.person_a_id, DuplicateCandidate.person_b_id, DuplicateCandidate.status).order_by(
                DuplicateCandidate.id
            )
        ).all()
        assert [tuple(c) for c in candidates] == [
            (ids["keep"], ids["keep"], "merged"),
            (ids["keep"], ids["other"], "open"),
        ]
        [event] = events(session, "people_merged")
        assert event.details["kept"] == {"id": ids["keep"], "name": "Mette Møller"}
        assert event.details["removed"] == {"id": ids["remove"], "name": "Mette Moller", "email": "mm@b.dk"}
        assert event.details["filled"] == ["phone", "notes"]


def test_merge_gives_the_kept_person_the_email_when_it_had_none(db: Database) -> None:
    with db.write() as session:
        keep = add_person(session, "Karen Kjær")
        remove = add_person(session, "Karen Kjær", email="karen@k.dk", phone="+4520000002")
        ids = (keep.id, remove.id)
    with db.write() as session:
        contacts.merge_people(session, *ids)
    with db.read() as session:
        kept = session.get(Person, ids[0])
        assert (kept.email, kept.phone, kept.other_emails, kept.other_phones) == (
            "karen@k.dk",
            "+4520000002",
            None,
            None,
        )


def test_merge_keeps_who_is_responsible_for_partnerships_goals_and_offers(db: Database) -> None:
    from lib.db import Goal, Partnership, StrengthOffer

    with db.write() as session:
        keep = add_person(session, "Mette Sørensen", email="mette@bib.dk")
        remove = add_person(session, "Mette Sorensen")
        keep.is_staff = remove.is_staff = True
        session.flush()
        partnership = Partnership(title="Læseklub", owner_id=remove.id)
        goal = Goal(
            title="Flere læsere",
            owner_id=remove.id,
            baseline=0,
            target=1,
            baseline_date=dt.date(2025, 1, 1),
            target_date=dt.date(2026, 1, 1),
        )
        offer = StrengthOffer(
            category="rooms", title="Mødelokaler", contact_person_id=remove.id, updated_on=dt.date(2026, 1, 1)
        )
        session.add_all([partnership, goal, offer])
        session.flush()
        ids = (keep.id, remove.id, partnership.id, goal.id, offer.id)
    with db.write() as session:
        contacts.merge_people(session, ids[0], ids[1])
    with db.read() as session:
        assert session.get(Partnership, ids[2]).owner_id == ids[0]
        assert session.get(Goal, ids[3]).owner_id == ids[0]
        assert session.get(StrengthOffer, ids[4]).contact_person_id == ids[0]


def test_merge_with_itself_is_refused(db: Database, workspace: dict[str, int]) -> None:
    with pytest.raises(ValidationFailed) as caught, db.write() as session:
        contacts.merge_people(session, workspace["anne"], workspace["anne"])
    assert caught.value.key == "records.merge_same"
    assert t("records.merge_same", "en") == "Choose two different records to merge."


def test_merge_organisations_moves_people_without_duplicates(db: Database) -> None:
    with db.write() as session:
        keep = add_org(session, "Musikskolen", org_type="cultural")
        remove = add_org(session, "Musik-skolen", website="https://musik.dk", sector="public")
        both = add_person(session, "Per Holm", orgs=(keep, remove))
        only_removed = add_person(session, "Ulla Dahl", orgs=(remove,))
        ids = (keep.id, remove.id, both.id, only_removed.id)
    with db.write() as session:
        contacts.merge_organisations(session, ids[0], ids[1])
    with db.read() as session:
        assert session.get(Organisation, ids[1]) is None
        kept = session.get(Organisation, ids[0])
        assert (kept.org_type, kept.sector, kept.website) == ("cultural", "public", "https://musik.dk")
        members = (
            session.execute(
                select(Affiliation.person_id)
                .where(Affiliation.organisation_id == ids[0])
                .order_by(Affiliation.person_id)
            )
            .scalars()
            .all()
        )
        assert members == [ids[2], ids[3]]
        assert [e.details["removed"]["name"] for e in events(session, "organisations_merged")] == ["Musik-skolen"]


# --- the duplicate review queue --------------------------------------------------------------------


def test_same_name_with_different_emails_is_never_merged_only_offered(db: Database) -> None:
    with db.write() as session:
        first = add_person(session, "Anne Hansen", email="anne@skole.dk")
        second = add_person(session, "Anne Hansen", email="anne.hansen@firma.dk")
        ids = (first.id, second.id)
    with db.write() as session:
        pairs = contacts.find_near_duplicate_people(session)
        assert pairs == [contacts.DuplicatePair(ids[0], ids[1], "same_name_other_email", 100.0)]
        assert contacts.queue_near_duplicates(session) == 1
    with db.read() as session:
        assert people_count(session) == 2
        queue = contacts.open_duplicates(session)
        assert queue[["person_a_email", "person_b_email", "rule"]].values.tolist() == [
            ["anne@skole.dk", "anne.hansen@firma.dk", "same_name_other_email"]
        ]


def test_similar_names_with_different_emails_are_not_offered(db: Database) -> None:
    with db.write() as session:
        add_person(session, "Anne Hansen", email="anne@skole.dk")
        add_person(session, "Anna Hansen", email="anna@skole.dk")
    with db.read() as session:
        assert contacts.find_near_duplicate_people(session) == []


def test_similar_name_at_the_same_organisation_is_offered_with_its_rule(db: Database) -> None:
    with db.write() as session:
        club = add_org(session, "Skakklubben")
        first = add_person(session, "Mikkel Sørensen", orgs=(club,))
        second = add_person(session, "Mikkel Sörensen", orgs=(club,))
        elsewhere = add_person(session, "Jakob Lund")
        add_person(session, "Jakob Lunde")
        ids = (first.id, second.id, elsewhere.id)
    with db.read() as session:
        pairs = contacts.find_near_duplicate_people(session)
    # Most similar first: "jakob lund"/"jakob lunde" scores 95, the two Mikkels 93.
    assert pairs == [
        contacts.DuplicatePair(ids[2], ids[2] + 1, "similar_name", 95.0),
        contacts.DuplicatePair(ids[0], ids[1], "similar_name_same_org", 93.0),
    ]


def test_dismissed_pair_is_not_offered_again(db: Database) -> None:
    with db.write() as session:
        first = add_person(session, "Ole Bak")
        second = add_person(session, "Ole Bak")
        session.add(DuplicateCandidate(person_a_id=first.id, person_b_id=second.id, rule="same_name", score=100))
    with db.write() as session:
        [candidate_id] = contacts.open_duplicates(session)["id"].tolist()
        contacts.dismiss_duplicate(session, candidate_id, actor="leder@bib.dk")
    with db.read() as session:
        assert session.get(DuplicateCandidate, candidate_id).status == "dismissed"
        assert contacts.open_duplicates(session).empty
        assert contacts.find_near_duplicate_people(session) == []
        assert people_count(session) == 2
        [event] = events(session, "duplicate_dismissed")
        assert (event.entity_id, event.actor) == (candidate_id, "leder@bib.dk")


def _affiliation_id(session: Session, person_id: int, org_id: int) -> int:
    return session.scalar(
        select(Affiliation.id).where(Affiliation.person_id == person_id, Affiliation.organisation_id == org_id)
    )
