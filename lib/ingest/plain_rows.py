"""Plain contact rows, read with the work done once per distinct value of each column (issue 16).

A merged register of 100,000 contacts repeats its organisations, titles and dates on thousands of
rows, and the reference path (:meth:`lib.ingest.rows.RowReader.read_contact_row` over a
:class:`~lib.ingest.row_values.RowValues` per row) cleans, splits, checks and folds every cell of every
row again. :class:`PlainContactRows` serves a contact sheet whose mapped columns are only among
:data:`PLAIN_FIELDS`, one column each: every column's values are cleaned, parsed and checked once
per distinct value (e-mails and phones, which are mostly unique, go through the same parsers with
their fast paths for everyday values), and a row whose values are all *plain* goes straight to the
same matching and recording the reference path uses (organisation, person, affiliation).

A sheet may also have columns for the organisation's type and sector, a tie's strength and notes
(issue 16's 10-column register): a type or sector is read once per distinct word, and its code is
asked of the import's :class:`~lib.contacts.word_choices.WordChoices` on every row only where that
counts the row (a word no built-in word fits, or one a person chose); a strength is only checked, as
a row that names no staff member keeps no tie; notes are the person's. Organisations are given the
row's type and sector exactly as the reference path gives them (the usual sector for the type,
"ingen", a later row's other type: fill-empty leaves it, overwrite lets it win). A sheet with a
staff column ("Ansvarlig medarbejder") is read so too, but only its rows that name no staff member
are plain: the tie to a staff member (found, or created, by name or e-mail) is the reference path's.

A row is plain when it has a person's name that is no address and fits, every value can be read
and fits, none of its e-mails is an office mailbox only, none belongs to someone erased on request,
and its first filled cell is no total and no repeated header. Any other row — a problem of any kind,
a mailbox, no name, a name that is an address — is handed back, and the reference path works it
out exactly as before. So every row's outcome, its problems and what is stored are the reference
path's; ``tests/ingest/test_plain_rows.py`` runs both paths over generated messy sheets and compares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice, repeat
from typing import Any

from lib.contacts.word_choices import WordChoices
from lib.core import normalize, vocabulary
from lib.core.contact_details import everyday_danish_phone, everyday_email
from lib.core.errors import ValidationFailed
from lib.core.text import CACHED_TEXT_LENGTH
from lib.db import Affiliation, Organisation, Person
from lib.db.text_limits import max_length, too_long
from lib.ingest.references import _cell_key, _column_names, is_role_mailbox, total_label
from lib.ingest.row_people import _organisation_names_in, _PeopleRows
from lib.ingest.row_records import _KEPT_WORDS, FILL_EMPTY, NO_SECTOR_WORDS, _cut, _is_empty, _words_kept
from lib.ingest.row_values import _name_fits, shortened
from lib.ingest.state import Record
from lib.ingest.tables import header_key

#: The fields a plain contact sheet maps its columns to (the name is required).
PLAIN_FIELDS = frozenset(
    {
        "name",
        "organisation",
        "title",
        "department",
        "email",
        "phone",
        "first_contact",
        "last_contact",
        "org_type",
        "sector",
        "strength",
        "notes",
        "owner",
    }
)

#: How many rows are worked out column by column before they are recorded (bounds the memory it takes).
PLAIN_CHUNK_ROWS = 8192

#: A type or sector as written, with its code when the built-in words give it (else asked per row).
Word = tuple[str, str | None]

#: A plain row's values: (name, folded key, label), organisation names, title, department, e-mails,
#: phones, notes, type and sector (a :data:`Word`, None for an empty cell, or :data:`NO_SECTOR`).
PlainValues = tuple[
    tuple[str, str, str],
    tuple[str, ...],
    str | None,
    str | None,
    tuple[str, ...],
    tuple[str, ...],
    str | None,
    Word | None,
    Any,
]

#: A column's value that only the reference path can work out (it has a problem, or needs a rule).
_NOT_PLAIN: Any = object()
_MISSING: Any = object()
#: A sector cell that says "none" ("ingen"): no sector, and none made up from the type.
NO_SECTOR: Any = object()

#: What a field is when its cell is empty (the reference path leaves the field out of the row).
_EMPTY: dict[str, Any] = {
    "name": _NOT_PLAIN,
    "organisation": (),
    "title": None,
    "department": None,
    "email": (),
    "phone": (),
    "first_contact": None,
    "last_contact": None,
    "org_type": None,
    "sector": None,
    "strength": None,
    "notes": None,
    "owner": None,
}


def plain_sheet_columns(mapped: Sequence[tuple[int, str, str]]) -> dict[str, int] | None:
    """Field → column position when the sheet's mapped columns (``(position, column, field)``) are a
    plain contact sheet's: only :data:`PLAIN_FIELDS`, each once, a name among them; else None."""
    positions: dict[str, int] = {}
    for position, _column, target in mapped:
        if target not in PLAIN_FIELDS or target in positions:
            return None
        positions[target] = position
    return positions if "name" in positions else None


class PlainContactRows:
    """Reads the plain rows of one contact sheet (see the module's notes) into ``reader``'s state."""

    def __init__(
        self, reader: _PeopleRows, positions: dict[str, int], columns: Sequence[str], file_name: str, label_length: int
    ) -> None:
        self.reader = reader
        self.label_length = label_length
        self.source = _cut(file_name, Person, "source")
        self.header_names = _column_names(tuple(columns))
        words = reader.words
        converters: dict[str, Callable[[Any], Any]] = {
            # No bound method here: a cycle through self would keep the working state alive for the
            # garbage collector to find, seconds of work at 100,000 rows.
            "name": lambda raw: _name(raw, label_length),
            "organisation": _organisations,
            "title": lambda raw: _fitting_text(raw, Person, "title"),
            "department": lambda raw: _fitting_text(raw, Affiliation, "role"),
            "email": _emails,
            "phone": _phones,
            "first_contact": _date_check,
            "last_contact": _date_check,
            "org_type": lambda raw: _word(raw, "org_type", words),
            "sector": lambda raw: _word(raw, "sector", words),
            "strength": _strength_check,
            "notes": lambda raw: _fitting_text(raw, Person, "notes"),
            "owner": _no_owner,
        }
        #: (field, position, converter, its answers by distinct cell text); e-mails and phones, which
        #: hardly repeat, are kept in no table and try their everyday form first.
        self.columns: list[tuple[str, int, Callable[[Any], Any], dict[Any, Any] | None]] = [
            (field, position, converters[field], None if field in ("email", "phone") else {})
            for field, position in positions.items()
        ]
        self.email_limit = max_length(Person, "email") or 0
        self._first_cells: dict[tuple[int, str], bool | None] = {}
        #: The organisation each organisation name found on an earlier plain row since the last row
        #: handed back, and the values (type, sector) each organisation was last given. Asking
        #: :meth:`~lib.ingest.row_records._RecordRows.organisation` again with the values it was
        #: last given would find the same record and change nothing (fill-empty: each value is set or
        #: another kept, and the same one remembered as kept again; overwrite: each value is set; a
        #: kept word was cleared the first time), so a register's 4,000 organisations are looked up
        #: about 4,000 times, not 100,000. Other values (a row with another type) ask again.
        self._organisations: dict[str, Record] = {}
        self._given: dict[int, tuple[tuple[str, Any], ...]] = {}
        #: The values (and their items) a type and sector give organisations, where no word is counted.
        self._values_of_words: dict[tuple[Any, Any], tuple[dict[str, Any], tuple[tuple[str, Any], ...]]] = {}
        #: Organisations no row's type or sector can change (see :meth:`_settled`).
        self._settled_ids: set[int] = set()

    def with_values(
        self, rows: Iterable[tuple[list[Any], int]], chunk: int = PLAIN_CHUNK_ROWS
    ) -> Iterator[tuple[list[Any], int, PlainValues | None]]:
        """Each (row, row number) of ``rows`` with its plain values (:meth:`values`), ``chunk`` rows at a time."""
        rows = iter(rows)
        while batch := list(islice(rows, chunk)):
            values = self.values([raw_row for raw_row, _row_number in batch])
            for (raw_row, row_number), row_values in zip(batch, values, strict=True):
                yield raw_row, row_number, row_values

    def values(self, raw_rows: list[list[Any]]) -> list[PlainValues | None]:
        """Each row's values, cleaned, parsed and checked column by column (each column's work once per
        distinct text), or None for a row that is not plain (see the module's notes). Nothing here
        depends on the working state, so a batch of rows is done before any of them is recorded."""
        count = len(raw_rows)
        plain = [self._no_total_or_header(raw_row) for raw_row in raw_rows]
        by_field: dict[str, list[Any]] = {}
        for field, position, convert, answers in self.columns:
            cells = [raw_row[position] if position < len(raw_row) else None for raw_row in raw_rows]
            if field == "email":
                column = self._emails_of(cells)
            elif field == "phone":
                column = _phones_of(cells)
            else:
                assert answers is not None
                column = _column_of(cells, field, convert, answers)
            for index, value in enumerate(column):
                if value is _NOT_PLAIN:
                    plain[index] = False
            by_field[field] = column

        def taken(field: str) -> Iterable[Any]:
            return by_field.get(field, repeat(_EMPTY[field], count))

        return [
            (name, organisations, title, department, emails, phones, notes, org_type, sector) if is_plain else None
            for is_plain, name, organisations, title, department, emails, phones, notes, org_type, sector in zip(
                plain,
                by_field["name"],
                taken("organisation"),
                taken("title"),
                taken("department"),
                taken("email"),
                taken("phone"),
                taken("notes"),
                taken("org_type"),
                taken("sector"),
                strict=False,  # repeat() is endless
            )
        ]

    def _emails_of(self, cells: list[Any]) -> list[Any]:
        """An e-mail column's values: an everyday address is answered at once, anything else the whole way."""
        limit = self.email_limit

        def everyday(raw: str) -> tuple[str] | None:
            address = everyday_email(raw)  # None for a blank cell
            if address is not None and len(address) <= limit and not is_role_mailbox(address):
                return (address,)
            return None

        return _unique_values_of(cells, everyday, _emails)

    def record(self, values: PlainValues | None) -> tuple[str, str] | None:
        """(the row's action, its label) when the row is plain (``values`` not None) and has been
        recorded, else None and nothing changed: the reference path reads the row then."""
        if values is None:
            return self._handed_back()
        (name, key, label), organisations, title, department, emails, phones, notes, org_type, sector = values
        reader = self.reader
        if reader.erased is not None and reader._previously_erased(list(emails)):
            return self._handed_back()
        words = (org_type, sector)
        known = self._values_of_words.get(words)
        if known is None:
            org_values = self._organisation_values(org_type, sector)
            given = tuple(org_values.items())
            if (org_type is None or org_type[1] is not None) and (sector in (None, NO_SECTOR) or sector[1] is not None):
                # No word asked of the word choices (which count each row): the same on every row.
                self._values_of_words[words] = (org_values, given)
        else:
            org_values, given = known
        org_records = []
        organisations_changed = False
        for org_name in organisations:
            record = self._organisations.get(org_name)
            if record is None or (self._given.get(record.id) != given and not self._settled(record, org_values)):
                record, changed = reader.organisation(org_name, org_values)
                organisations_changed |= changed
                self._organisations[org_name] = record
                self._given[record.id] = given
            org_records.append(record)
        org_ids = [record.id for record in org_records]
        state = reader.state
        if emails and key not in state.people_without_email_by_name and state.person_by_email.keys().isdisjoint(emails):
            # Nobody to match (no one has these e-mails, and a row with an e-mail matches by name only
            # people without one): a new person, made as _match_or_create_person and _affiliate would.
            self._new_person(name, key, title, notes, emails, phones, org_ids, department)
            return "insert", label
        person_values = {
            "name": name,
            "name_key": key,
            "title": title,
            "notes": notes,
            "is_staff": None,
            "team": None,
            "staff_role": None,
            "source": self.source,
        }
        person, created, person_changed = reader._match_or_create_person(
            person_values, list(emails), list(phones), list(org_ids)
        )
        affiliation_changed = False
        for record in org_records:
            affiliation_changed |= reader._affiliate(person.id, record.id, role=department)
        if created:
            return "insert", label
        return ("update" if person_changed or affiliation_changed or organisations_changed else "unchanged"), label

    def _new_person(
        self,
        name: str,
        key: str,
        title: str | None,
        notes: str | None,
        emails: tuple[str, ...],
        phones: tuple[str, ...],
        organisation_ids: list[int],
        department: str | None,
    ) -> None:
        """Record a person nobody in the working state can be (see :meth:`record`) and their affiliations:
        what :meth:`~lib.ingest.row_people._PeopleRows._match_or_create_person` and ``_affiliate`` do
        then, without their general matching (``tests/ingest/test_plain_rows.py`` compares)."""
        reader = self.reader
        person, affiliations = reader.state.add_new_contact(
            {
                "name": name,
                "name_key": key,
                "email": emails[0],
                "phone": phones[0] if phones else None,
                "other_emails": list(emails[1:]) or None,
                "other_phones": list(phones[1:]) or None,
                "title": title,
                "notes": notes,
                "is_staff": False,
                "source": self.source,
                "team": None,
                "staff_role": None,
            },
            emails,
            organisation_ids,
            department,
        )
        if len(key) >= 4 and reader._names_without_email.block(key):
            reader._queue_near_duplicates(person, list(organisation_ids))
        else:  # no one without an e-mail in the name's block: nobody to offer as the same person
            reader._names.add(key)
        reader.touched["people"].add(person.id)
        for affiliation in affiliations:
            reader._domains_changed("affiliation", affiliation.id)

    def _handed_back(self) -> tuple[str, str] | None:
        """None: the row goes to the reference path, which may change any organisation, so the
        organisations found so far are forgotten."""
        self._organisations.clear()
        self._given.clear()
        self._settled_ids.clear()
        return None

    def _settled(self, record: Record, values: dict[str, Any]) -> bool:
        """Whether :meth:`~lib.ingest.row_records._RecordRows.organisation` would change nothing and
        remember nothing when giving ``record`` ``values``: with fill-empty, an organisation new in
        this import (so no value is kept aside for it) whose fields ``values`` would fill are filled,
        and no kept word is left to clear. A register that gives the same organisations other types
        on later rows then looks each one up once, not on every row."""
        if record.id in self._settled_ids:
            return True
        if self.reader.update_mode != FILL_EMPTY or not record.is_new:
            return False
        current = record.values
        if (
            current.get("org_type")
            and current.get("sector")
            and not (current.get("org_type_text") or current.get("sector_text"))
        ):
            # A type and a sector, and no word kept for either: no row's values change that (a word
            # is only kept where there is no code), so it need not be asked again.
            self._settled_ids.add(record.id)
            return True
        for name, value in _words_kept(current, values).items():
            if value is not None and _is_empty(current.get(name)):
                return False
        return not any(current.get(code) and current.get(text) for code, text in _KEPT_WORDS)

    def _organisation_values(self, org_type: Word | None, sector: Any) -> dict[str, Any]:
        """The values a row gives its organisations, as
        :meth:`~lib.ingest.row_records._RecordRows._organisation_values` gives them (in the same
        order, the empty ones left out as :meth:`~lib.ingest.row_records._RecordRows.organisation`
        leaves them out): a word no built-in word fits is asked of the import's word choices, which
        counts the row, on every row as there."""
        values: dict[str, Any] = {}
        words = self.reader.words
        type_code = None
        for name, word in (("org_type", org_type), ("sector", sector)):
            if word is None or word is NO_SECTOR:
                continue
            written, code = word
            if code is None:
                code = words.code(name, written)
            if code:
                values[name] = code
                if name == "org_type":
                    type_code = code
            else:
                values[f"{name}_text"] = written
        if sector is None and type_code and (usual := vocabulary.DEFAULT_SECTOR_BY_TYPE.get(type_code)):
            values["sector"] = usual  # a list that names the type but not the sector: the usual one
        return values

    def _no_total_or_header(self, raw_row: list[Any]) -> bool:
        """Whether the row's first filled cell shows it is no total and no repeated header (what
        :func:`lib.ingest.contact_lists._not_a_record` asks; both answers hang on that cell)."""
        for position, value in enumerate(raw_row):
            if value is None:
                continue
            if type(value) is str and len(value) <= CACHED_TEXT_LENGTH:  # noqa: E721 - exact str, hot loop
                answer = self._first_cells.get((position, value), _MISSING)
                if answer is _MISSING:
                    answer = self._first_cells[(position, value)] = self._first_cell(position, value)
            else:
                answer = self._first_cell(position, value)
            if answer is not None:
                return answer
        return False  # nothing filled: the reference path skips the row

    def _first_cell(self, position: int, value: object) -> bool | None:
        """None when the cell is empty, True when as a row's first filled cell it makes the row neither
        a total nor a repeated header, False when it might."""
        text = normalize.clean_text(value)
        if text is None:
            return None
        if total_label([value]) is not None:
            return False
        if position >= len(self.header_names):
            return True
        key = _cell_key(text) if len(text) <= CACHED_TEXT_LENGTH else header_key(text)
        return key not in self.header_names[position]


def _column_of(cells: list[Any], field: str, convert: Callable[[Any], Any], answers: dict[Any, Any]) -> list[Any]:
    """A column's values, each distinct text or number worked out once (a blank cell is answered as
    empty). A number or date is kept under its type as well (1, 1.0 and True are equal keys)."""
    empty = _EMPTY[field]
    values: list[Any] = []
    for raw in cells:
        if raw is None:
            values.append(empty)
        elif type(raw) is not str:  # noqa: E721 - exact str, hot loop
            kind = type(raw)
            if kind in _KEPT_KINDS and raw == raw:  # noqa: PLR0124 - not a NaN, which equals no key
                key = (kind, raw)
                value = answers.get(key, _MISSING)
                if value is _MISSING:
                    value = answers[key] = convert(raw)
                values.append(value)
            else:
                values.append(convert(raw))
        else:
            value = answers.get(raw, _MISSING)
            if value is _MISSING:
                value = empty if not raw.strip() else convert(raw)
                if len(raw) <= CACHED_TEXT_LENGTH:
                    answers[raw] = value
            values.append(value)
    return values


#: The kinds of cell other than text whose answers :func:`_column_of` keeps (a strength of 4, a date).
_KEPT_KINDS = frozenset({int, float, dt.datetime, dt.date})


def _phones_of(cells: list[Any]) -> list[Any]:
    """A phone column's values: a Danish number in everyday form is answered at once."""

    def everyday(raw: str) -> tuple[str] | None:
        number = everyday_danish_phone(raw)
        return None if number is None else (number,)

    return _unique_values_of(cells, everyday, _phones)


def _unique_values_of(
    cells: list[Any], everyday: Callable[[str], tuple[str] | None], whole_way: Callable[[Any], Any]
) -> list[Any]:
    """The values of a column whose cells hardly repeat (e-mails, phones), so kept in no table: a text
    in everyday form is answered by ``everyday``, an empty one as empty, any other cell the whole way."""
    values: list[Any] = []
    for raw in cells:
        if raw is None:
            values.append(())
        elif type(raw) is not str:  # noqa: E721 - exact str, hot loop
            values.append(whole_way(raw))
        else:
            answer = everyday(raw)
            values.append(answer if answer is not None else () if not raw.strip() else whole_way(raw))
    return values


def _name(raw: object, label_length: int) -> Any:
    """(name, folded key, the row's label) of a name cell, or not plain."""
    text = normalize.clean_text(raw)
    if not text:
        return _NOT_PLAIN
    name = normalize.normalise_person_name(text)
    if not name or "@" in name or len(name) > CACHED_TEXT_LENGTH or not _name_fits(Person, name):
        return _NOT_PLAIN
    return name, normalize.name_key(name), shortened(text, label_length)


def _organisations(raw: object) -> Any:
    """The organisation names in a cell (as the reference path splits them), or not plain when one
    may not fit."""
    names = (
        _organisation_names_in((raw,))
        if type(raw) is str and len(raw) <= CACHED_TEXT_LENGTH  # noqa: E721 - exact str, as the reference path
        else _organisation_names_in.__wrapped__((raw,))
    )
    if all(len(name) <= CACHED_TEXT_LENGTH and _name_fits(Organisation, name) for name in names):
        return names
    return _NOT_PLAIN


def _fitting_text(raw: object, model: type, name: str) -> Any:
    text = normalize.clean_text(raw)
    return _NOT_PLAIN if too_long(model, name, text) is not None else text


def _several(raw: object, field: str, parse: Callable[[Any], Any]) -> Any:
    """Every value of a cell, parsed, each once, in order (as ``RowValues.many``), or not plain when
    one cannot be read."""
    values: list[Any] = []
    for part in normalize.split_multi(raw, field):
        try:
            value = parse(part)
        except ValidationFailed:
            return _NOT_PLAIN
        if value is not None and value not in values:
            values.append(value)
    return tuple(values)


def _emails(raw: object) -> Any:
    emails = _several(raw, "email", normalize.normalise_email)
    if emails is _NOT_PLAIN or any(too_long(Person, "email", email) is not None for email in emails):
        return _NOT_PLAIN
    if emails and all(is_role_mailbox(email) for email in emails):
        return _NOT_PLAIN  # an office's mailbox: the reference path decides whose it is
    return emails


def _phones(raw: object) -> Any:
    return _several(raw, "phone", normalize.normalise_phone)


def _word(raw: object, name: str, words: WordChoices) -> Any:
    """A type or sector cell: (the word as written, its built-in code or None to ask on each row),
    :data:`NO_SECTOR` for a sector of "ingen", or not plain when it is too long to keep as written
    (or is only characters the reference path reads as nothing, which still counts as a cell)."""
    written = normalize.clean_text(raw)
    if not written:
        return _NOT_PLAIN
    if name == "sector" and vocabulary.fold(written) in NO_SECTOR_WORDS:
        return NO_SECTOR
    if too_long(Organisation, f"{name}_text", written) is not None:
        return _NOT_PLAIN
    return written, words.builtin_only(name, written)


def _no_owner(raw: object) -> Any:
    """A staff column's cell that is not empty: the row's tie is worked out by the reference path."""
    return _NOT_PLAIN


def _strength_check(raw: object) -> Any:
    """A tie's strength: only read for its warning here (a contact row without a staff member keeps
    no tie), so plain when it reads."""
    try:
        normalize.parse_weight(raw)
    except ValidationFailed:
        return _NOT_PLAIN
    return None


def _date_check(raw: object) -> Any:
    """A first or last contact: only read for its warning here (a contact row without a staff member
    keeps no tie), so plain when it reads."""
    try:
        normalize.parse_date(raw)
    except ValidationFailed:
        return _NOT_PLAIN
    return None
