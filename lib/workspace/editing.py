"""Small helpers shared by the planning services (goals, partnerships, assessments, evaluations).

Values typed on a page go through the same parsers as imported values (``lib.core.normalize``); a value
that cannot be stored raises :class:`lib.core.errors.ValidationFailed` with a translation key and the
``field`` it concerns, so a page can put the message next to the right widget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from lib.core import normalize, vocabulary
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import Person, record_to_dict

Record = TypeVar("Record")


def reject_unknown_fields(values: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """A programming error, not something the user typed: fail loudly on a field that is not editable."""
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ValueError(f"not editable: {', '.join(unknown)}")


@requires("edit")
def existing(session: Session, model: type[Record], record_id: Any, missing_key: str) -> Record:
    """The ``model`` row with the key ``record_id``; when there is none (deleted since the page was
    drawn, e.g. in another tab), :class:`ValidationFailed` with ``missing_key`` and ``id``."""
    record = session.get(model, record_id)
    if record is None:
        raise ValidationFailed(missing_key, id=record_id)
    return record


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_value(value: object, field: str, max_length: int) -> str | None:
    """One line of text, tidied (``lib.core.normalize.clean_text``); None when empty."""
    try:
        return normalize.clean_text(value, max_length=max_length)
    except ValidationFailed as error:
        raise ValidationFailed(error.key, field=field, **error.params) from None


def multiline_value(value: object) -> str | None:
    """Free text such as notes: trimmed, line breaks kept, empty → None."""
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def date_value(value: object, field: str) -> dt.date | None:
    """A date from a date, a datetime or typed text (day first); None when empty."""
    if is_empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return normalize.parse_date(value)
    except ValidationFailed as error:
        raise ValidationFailed(error.key, field=field, **error.params) from None


def number_value(value: object, field: str) -> float | None:
    """A number from a number or typed text ("3,5", "1.234"); None when empty."""
    if is_empty(value):
        return None
    try:
        return normalize.parse_number(value)
    except ValidationFailed as error:
        raise ValidationFailed(error.key, field=field, **error.params) from None


def whole_number(value: object, field: str, low: int, high: int, key: str) -> int | None:
    """A whole number from ``low`` to ``high``; None when empty; ``key`` names the problem otherwise."""
    if is_empty(value):
        return None
    number = _number_or_none(value)
    if number is None or not float(number).is_integer() or not low <= number <= high:
        raise ValidationFailed(key, field=field, value=value, low=low, high=high)
    return int(number)


def _number_or_none(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return normalize.parse_number(value)
    except ValidationFailed:
        return None


@requires("edit")
def staff_value(session: Session, value: object, field: str) -> int | None:
    """The id of a staff member (a person with ``is_staff``); None when empty."""
    if is_empty(value):
        return None
    try:
        person_id = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise ValidationFailed("editing.not_staff", field=field, value=value) from None
    person = session.get(Person, person_id)
    if person is None or not person.is_staff:
        raise ValidationFailed("editing.not_staff", field=field, value=value)
    return person_id


def code_value(value: object, codes: Iterable[str], field: str, *, required: bool = False) -> str | None:
    """One of ``codes``; None when empty (unless ``required``)."""
    if is_empty(value):
        if required:
            raise ValidationFailed("editing.required", field=field)
        return None
    if value not in tuple(codes):
        raise ValidationFailed("editing.unknown_code", field=field, value=value)
    return str(value)


def title_key(text: object) -> str:
    """The folded title two records are compared by ("Sprogcafé " and "sprogcafé" are the same)."""
    return normalize.name_key(text) or vocabulary.fold(str(text or ""))


def apply_changes(record: Any, clean: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Set the values that differ; returns ``{field: [old, new]}`` for the event log."""
    changed: dict[str, list[Any]] = {}
    for name, value in clean.items():
        old = getattr(record, name)
        if old != value:
            changed[name] = [old, value]
            setattr(record, name, value)
    return changed


def current_values(record: Any, names: Iterable[str]) -> dict[str, Any]:
    """The stored values of ``names`` of ``record``."""
    return {name: getattr(record, name) for name in names}


def snapshot(record: Any) -> dict[str, Any]:
    """The record's values as plain JSON-friendly data (for an event that deletes it)."""
    return record_to_dict(record)
