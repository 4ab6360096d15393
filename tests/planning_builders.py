"""Small builders shared by the tests of goals, partnerships, assessments and evaluations."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

import openpyxl
from sqlalchemy.orm import Session

from lib.core.normalize import name_key
from lib.db import Organisation, Person


def add_staff(session: Session, name: str, email: str | None = None) -> int:
    person = Person(name=name, name_key=name_key(name), email=email, is_staff=True)
    session.add(person)
    session.flush()
    return person.id


def add_contact(session: Session, name: str) -> int:
    person = Person(name=name, name_key=name_key(name), is_staff=False)
    session.add(person)
    session.flush()
    return person.id


def add_org(session: Session, name: str) -> int:
    org = Organisation(name=name, name_key=name_key(name))
    session.add(org)
    session.flush()
    return org.id


def fill_workbook(data: bytes, rows_by_sheet: dict[str, Sequence[Sequence[Any]]]) -> bytes:
    """``data`` (an xlsx file) with ``rows`` appended below the header of each named sheet."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    for sheet_name, rows in rows_by_sheet.items():
        for row in rows:
            workbook[sheet_name].append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def problem_keys(result: Any) -> list[tuple[int, str, str]]:
    """``(row, key, severity)`` of every problem of an import result."""
    return [(p.row, p.key, p.severity) for p in result.problems]


def task_workspace(session: Session, today: dt.date = dt.date(2026, 3, 4)) -> dict[str, int]:
    """A workspace where Anna and Bo each have something to do on ``today`` (a Wednesday by default):
    Anna's partnership "Læseklub" is a day late for its monthly contact, her tie to Carl goes cold
    two days on, the agreement is to be reviewed and a round held later in the month, the agreement
    ends in four months and her tie to Dorte goes cold in two; Bo's goal has never been measured.
    A closed partnership whose end date is tomorrow gives nothing. Returns the ids by name."""
    from lib.db import Agreement, ContactLogEntry, EvaluationRound, Relation
    from lib.planning import goals
    from lib.planning import partnerships as ps

    def D(year: int, month: int, day: int) -> dt.date:  # noqa: N802 - reads like the dates it moves
        return today + (dt.date(year, month, day) - dt.date(2026, 3, 4))

    ids = {
        "anna": add_staff(session, "Anna Andersen", "Anna@Bib.dk"),
        "bo": add_staff(session, "Bo Berg", "bo@bib.dk"),
        "carl": add_contact(session, "Carl Carlsen"),
        "dorte": add_contact(session, "Dorte Due"),
        "museum": add_org(session, "Byens Museum"),
    }
    ids["club"] = ps.create_partnership(
        session,
        {
            "title": "Læseklub",
            "owner_id": ids["anna"],
            "stage": "managing_maintaining",
            "start_date": D(2026, 1, 1),
            "end_date": D(2026, 6, 30),
            "contact_rhythm_days": 30,
        },
        organisation_ids=[ids["museum"]],
    )
    session.add(Agreement(partnership_id=ids["club"], purpose="Læselyst", review_date=D(2026, 3, 20)))
    session.add(ContactLogEntry(partnership_id=ids["club"], contacted_on=D(2026, 2, 1), staff_id=ids["anna"]))
    ids["closed"] = ps.create_partnership(
        session,
        {
            "title": "Gammel aftale",
            "owner_id": ids["anna"],
            "stage": "managing_maintaining",
            "end_date": D(2026, 3, 5),
        },
    )
    ps.update_partnership(session, ids["closed"], {"closed": True, "ended_on": D(2026, 2, 1)})
    round_ = EvaluationRound(partnership_id=ids["club"], held_on=D(2026, 3, 25), title="Forår")
    session.add(round_)
    ids["goal"] = goals.create_goal(
        session,
        {
            "title": "Flere unge lånere",
            "owner_id": ids["bo"],
            "baseline": 100,
            "target": 200,
            "baseline_date": D(2025, 9, 1),
            "target_date": D(2027, 1, 1),
        },
    )
    session.add_all(
        [
            # Anna holds a tie to Carl last used a year ago: cold from 6 March.
            Relation(
                from_person_id=ids["anna"],
                to_person_id=ids["carl"],
                owner_id=ids["anna"],
                strength=4,
                last_contact=D(2025, 3, 5),
            ),
            # ... and one to Dorte that goes cold in May: not this month's.
            Relation(
                from_person_id=ids["anna"],
                to_person_id=ids["dorte"],
                owner_id=ids["anna"],
                last_contact=D(2025, 5, 1),
            ),
        ]
    )
    session.flush()
    ids["round"] = round_.id
    return ids


def link_round(session: Session, held_on: dt.date = dt.date(2026, 3, 1)) -> dict[str, int]:
    """A partnership "Læseklub for unge" with Foreningen Læselyst, whose contact Carl Holm works there,
    the staff member Anna Berg, a second partnership "Hemmeligt projekt" and one evaluation round of
    the first: for evaluation by link (``lib.planning.evaluation_links``)."""
    from lib.db import Affiliation
    from lib.planning import evaluations as ev
    from lib.planning import partnerships as ps

    anna = add_staff(session, "Anna Berg", "anna@bibliotek.dk")
    org = add_org(session, "Foreningen Læselyst")
    carl = Person(name="Carl Holm", name_key=name_key("Carl Holm"), email="carl@laeselyst.dk", is_staff=False)
    session.add(carl)
    session.flush()
    session.add(Affiliation(person_id=carl.id, organisation_id=org))
    partnership = ps.create_partnership(session, {"title": "Læseklub for unge"}, organisation_ids=[org])
    other = ps.create_partnership(session, {"title": "Hemmeligt projekt"})
    round_id = ev.create_round(session, partnership, held_on, "Forår")
    session.flush()
    return {"anna": anna, "carl": carl.id, "org": org, "partnership": partnership, "other": other, "round": round_id}


def survey_people(session: Session) -> dict[str, int]:
    """Staff Anna Berg and Bo Lund; Carl Holm (e-mail and phone) at Foreningen Læselyst, whom Anna knows
    a little (strength 2, last contact 9 January 2025); Dorthe Jensen without e-mail: for the staff
    network survey (``lib.planning.staff_survey``)."""
    from lib.db import Affiliation, Relation

    anna = add_staff(session, "Anna Berg", "anna@bibliotek.dk")
    bo = add_staff(session, "Bo Lund", "bo@bibliotek.dk")
    club = add_org(session, "Foreningen Læselyst")
    carl = Person(name="Carl Holm", name_key=name_key("Carl Holm"), email="carl@laeselyst.dk", phone="12345678")
    dorte = Person(name="Dorthe Jensen", name_key=name_key("Dorthe Jensen"))
    session.add_all([carl, dorte])
    session.flush()
    session.add(Affiliation(person_id=carl.id, organisation_id=club))
    session.add(
        Relation(kind="knows", from_person_id=anna, to_person_id=carl.id, strength=2, last_contact=dt.date(2025, 1, 9))
    )
    session.flush()
    return {"anna": anna, "bo": bo, "club": club, "carl": carl.id, "dorte": dorte.id}
