"""Small builders shared by the tests of goals, partnerships, assessments and evaluations."""

from __future__ import annotations

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
