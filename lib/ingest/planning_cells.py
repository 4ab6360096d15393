"""What the planning importers share for one row: cells as text, lists and scores, codes from words, and
indexes to look staff and organisations up by what a sheet writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core import normalize
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.formulas import is_guarded
from lib.core.i18n import t
from lib.db import (
    Organisation,
    Person,
    log_event,
)
from lib.db.text_limits import LONG_TEXT_LIMIT
from lib.ingest.rows import RowValues
from lib.ingest.tables import header_key

#: The kinds of table import; stored as ``ImportBatch.mapping["kind"]``.
KINDS = ("goals", "partnerships", "assessments", "evaluations")

#: Several goals or organisations in one cell are separated by these.
LIST_SEPARATORS = (";", "\n")


def cell(row: RowValues, name: str) -> Any:
    """The first non-empty cell of field ``name`` as it was in the sheet (None when empty)."""
    entries = row.raw(name)
    return entries[0][1] if entries else None


def cell_text(row: RowValues, name: str) -> str | None:
    """Free text of field ``name`` with its line breaks, without the apostrophe ``lib.core.spreadsheets`` puts
    before text that would otherwise be read as a formula."""
    value = cell(row, name)
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if is_guarded(text):
        text = text[1:]
    if len(text) > LONG_TEXT_LIMIT:  # no column takes it (lib.db.text_limits): left out, the row imported
        row.warn(row.column(name), "limits.too_long_dropped", length=len(text), max=LONG_TEXT_LIMIT)
        return None
    return text or None


def split_list(value: object) -> list[str]:
    """The names in a cell listing several ("Byskolen; Museet", or one per line), cleaned, each once,
    in order."""
    if value is None:
        return []
    parts = [str(value).replace("\r\n", "\n").replace("\r", "\n")]
    for separator in LIST_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    names: list[str] = []
    for part in parts:
        cleaned = normalize.clean_text(part)
        if cleaned and cleaned not in names:
            names.append(cleaned)
    return names


def code_from_words(words: Mapping[str, Iterable[str]], label_prefix: str) -> Callable[[Any], str | None]:
    """A parser turning typed words into a vocabulary code.

    A cell matches a code when its folded text (:func:`lib.ingest.tables.header_key`) equals the code, one
    of ``words[code]``, or the code's label (``label_prefix`` + code) in Danish or English. Anything
    else raises ``ValidationFailed("table_import.unknown_value")``.
    """

    table: dict[str, str] = {}
    for code, others in words.items():
        for word in (code, t(f"{label_prefix}.{code}", "da"), t(f"{label_prefix}.{code}", "en"), *others):
            key = header_key(word)
            if key:
                table.setdefault(key, code)

    def parse(value: Any) -> str | None:
        text = normalize.clean_text(value)
        if text is None:
            return None
        code = table.get(header_key(text))
        if code is None:
            raise ValidationFailed("table_import.unknown_value", value=text)
        return code

    return parse


def parse_score(value: Any, low: int = 1, high: int = 5, *, dont_know: Iterable[str] = ()) -> int | None:
    """A whole number from ``low`` to ``high``; None for an empty cell or a "don't know" word.

    Raises ``ValidationFailed("table_import.score_invalid")`` for anything else (3.5, 7, "god").
    """
    text = normalize.clean_text(value)
    if text is None:
        return None
    if header_key(text) in {header_key(word) for word in dont_know}:
        return None
    try:
        number = normalize.parse_number(value)
    except ValidationFailed:
        number = None
    if number is None or not float(number).is_integer() or not low <= number <= high:
        raise ValidationFailed("table_import.score_invalid", value=text, low=low, high=high)
    return int(number)


#: Words people write for "don't know" in a score column.
DONT_KNOW_WORDS = (
    "ved ikke",
    "vedikke",
    "ved ik",
    "?",
    "-",
    "don't know",
    "dont know",
    "unknown",
    "n/a",
    "na",
    "uvist",
    "ikke relevant",
)


def parse_score_or_dont_know(value: Any) -> int | None:
    """:func:`parse_score` for 1-5 with the usual "don't know" words accepted as None."""
    return parse_score(value, dont_know=DONT_KNOW_WORDS)


@dataclass
class StaffIndex:
    """Staff members by folded name and by e-mail: how a row names the responsible colleague."""

    by_key: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> StaffIndex:
        index = cls()
        for person_id, name, email in session.execute(
            select(Person.id, Person.name, Person.email).where(Person.is_staff.is_(True)).order_by(Person.id)
        ):
            index.by_key.setdefault(normalize.name_key(name), person_id)
            if email:
                index.by_key.setdefault(email.lower(), person_id)
        return index

    def find(self, text: str | None) -> int | None:
        if not text:
            return None
        return self.by_key.get(text.strip().lower()) or self.by_key.get(normalize.name_key(text))


@dataclass
class OrganisationIndex:
    """Organisations by folded name; names a row brings that are not known yet are created."""

    by_key: dict[str, int] = field(default_factory=dict)
    #: New organisations to create: folded name → name as written first.
    new: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> OrganisationIndex:
        index = cls()
        for org_id, key in session.execute(select(Organisation.id, Organisation.name_key).order_by(Organisation.id)):
            index.by_key.setdefault(key, org_id)
        return index

    def ref(self, name: str) -> tuple[str, bool]:
        """A reference to the organisation ``name`` (its folded name) and whether it is new."""
        key = normalize.name_key(name)
        if key in self.by_key:
            return key, False
        is_new = key not in self.new
        self.new.setdefault(key, name)
        return key, is_new

    def store_new(self, session: Session, batch_id: int) -> int:
        """Create the new organisations with ``batch_id``; afterwards :meth:`id_of` knows them all."""
        records = [Organisation(name=name, name_key=key, batch_id=batch_id) for key, name in self.new.items()]
        session.add_all(records)
        session.flush()
        for record in records:
            self.by_key[record.name_key] = record.id
        return len(records)

    def id_of(self, key: str) -> int:
        return self.by_key[key]


@requires("edit")
def log_organisation_use(
    session: Session, organisation_ids: Iterable[int], action: str, actor: str | None, **details: Any
) -> None:
    """Note in the event log that organisations were tied to a partnership or an assessment.

    A contact import that created one of them can then no longer be undone silently: its undo
    refuses when an event names a record it created (see ``lib.ingest.contact_lists.undo_import``).
    """
    for organisation_id in sorted(set(organisation_ids)):
        log_event(session, action, entity="organisation", entity_id=organisation_id, actor=actor, **details)
