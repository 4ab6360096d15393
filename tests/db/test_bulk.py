"""lib/db/bulk.py: many rows inserted through the driver, values converted once per distinct value."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from lib.db import Person, bulk, open_database


def test_rows_inserted_column_by_column_read_back_as_the_orm_wrote_them(any_db_url: str) -> None:
    db = open_database(any_db_url)
    now = dt.datetime(2025, 3, 1, 12, 30)
    columns: dict[str, list[Any]] = {
        "name": ["Bo Lund", "Åse Ørn", "Lis Berg"],
        "name_key": ["bo lund", "ase orn", "lis berg"],
        "email": ["bo@viby.dk", None, "lis@viby.dk"],
        "other_emails": [["bo.lund@viby.dk"], None, []],
        "is_staff": [True, False, True],
        "informed_on": [dt.date(2025, 2, 1), None, dt.date(2025, 2, 1)],
        "title": [None, None, None],  # left out of the statement, stored as NULL all the same
        "created_at": [now] * 3,
        "updated_at": [now] * 3,
    }
    with db.write() as session:
        bulk.insert_columns(session, Person.__table__, columns)
    with db.read() as session:
        rows = session.execute(
            select(
                Person.name,
                Person.email,
                Person.other_emails,
                Person.is_staff,
                Person.informed_on,
                Person.title,
                Person.created_at,
            ).order_by(Person.id)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("Bo Lund", "bo@viby.dk", ["bo.lund@viby.dk"], True, dt.date(2025, 2, 1), None, now),
        ("Åse Ørn", None, None, False, None, None, now),
        ("Lis Berg", "lis@viby.dk", [], True, dt.date(2025, 2, 1), None, now),
    ]


def test_values_converted_for_storing_are_remembered_only_where_equal_means_written_alike() -> None:
    calls: list[Any] = []

    def convert(value: Any) -> str:
        calls.append(value)
        return value.isoformat() if hasattr(value, "isoformat") else repr(value)

    remembered = bulk.remembering(convert)
    day, noon = dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 12)
    assert [remembered(v) for v in (day, day, noon, noon, True, 1, True)] == [
        "2025-03-01",
        "2025-03-01",
        "2025-03-01T12:00:00",
        "2025-03-01T12:00:00",
        "True",
        "1",
        "True",
    ]
    assert calls == [day, noon, True, 1]  # each value converted once; True and 1 apart
    utc = dt.datetime(2025, 3, 1, 11, tzinfo=dt.UTC)
    copenhagen = dt.datetime(2025, 3, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert utc == copenhagen and remembered(utc) != remembered(copenhagen)  # equal, but written apart
    assert remembered(["a@x.dk"]) == remembered(["a@x.dk"]) == "['a@x.dk']"  # lists: converted each time


def test_a_column_is_converted_once_per_distinct_value_only_where_equal_means_written_alike() -> None:
    calls: list[Any] = []

    def convert(value: Any) -> str:
        calls.append(value)
        return value.isoformat() if hasattr(value, "isoformat") else repr(value)

    noon = dt.datetime(2025, 3, 1, 12)
    assert (
        bulk.converted_once([noon, None, noon, noon], convert)
        == ["2025-03-01T12:00:00", None] + ["2025-03-01T12:00:00"] * 2
    )
    assert calls == [noon]  # one kind, remembered: converted once
    calls.clear()
    assert bulk.converted_once([True, 1, None, True], convert) == ["True", "1", None, "True"]  # two kinds: apart
    utc = dt.datetime(2025, 3, 1, 11, tzinfo=dt.UTC)
    copenhagen = dt.datetime(2025, 3, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert bulk.converted_once([utc, copenhagen], convert) == [utc.isoformat(), copenhagen.isoformat()]  # equal, apart
    assert bulk.converted_once([["a@x.dk"], None], convert) == ["['a@x.dk']", None]
