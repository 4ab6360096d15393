"""Reading one mapped row of each sheet role into the working state.

Each ``read_*_row`` function takes the values of one row by field (``RowValues``), matches them against
what the workspace already holds, and records the changes in the :class:`WorkingState`. It returns the
row's outcome: ``insert`` (its main record is new), ``update`` (it changed something that existed),
``unchanged``, or ``rejected`` (with the reason among the row's problems).

Matching rules for people, in order:
1. the same e-mail, in any case, is the same person (primary or further e-mails);
2. without an e-mail on either side, the same normalised name at the same organisation is the same
   person;
3. a similar name (typo, spacing) is *not* merged: the new person is created and the pair is put on
   the review list with the rule that matched. The same name with different e-mails stays two people.

A contact row whose e-mail belongs to a person erased on request (``lib.privacy.personal_data``) is skipped
with a warning, unless someone in the workspace has that e-mail again (created with consent).

Text longer than its column holds (``lib.db.text_limits``): a name, which is what a record is
recognised by, rejects the row; any other text (title, department, website, area, source) is left
out with a warning and the rest of the row is imported. Values quoted in problem messages are
shortened, so that a huge cell is never repeated on the page, in the report or in a log.

A value that cannot be read (an e-mail, a phone number, a date, a strength) is left out with a
warning, and the rest of the row is imported: one bad value does not cost the whole person. The
exception is the row's identity: a row with no name whose e-mail cannot be read (or is too long)
is rejected, because nothing is left to tell who it is about.

What a row names is created (``create_referenced``, on by default, per sheet): the staff member in
"Ansvarlig medarbejder" (matched by e-mail, else by name among staff, then among people; created
as staff when unknown), and the people and organisations at the ends of a From/To tie or in an
affiliation (``lib.ingest.references`` tells an organisation from a person). Each creation is
listed in :attr:`RowReader.referenced`. Off, such a row is refused with the reason, as before.

Rows that are not people (``lib.ingest.references``): a role mailbox (info@, kontakt@ …) with no
person's name becomes its organisation's e-mail; a row with an e-mail but no name gets a name only
when the address reads "first.last" (with a warning), and is otherwise kept under its address, with
a warning.

An organisation row's other spellings ("aliases", "; "-joined, as the workspace export writes them)
are kept as aliases once the sheet is read (:meth:`RowReader.finish_sheet`); a tie's strength and
weight are kept apart where a sheet has a column for each (:meth:`RowReader._tie_values`).

Existing records (``update_mode``): ``fill-empty`` (the default) fills only fields that are empty,
so importing two lists in turn never flips a value back and forth; ``overwrite`` lets the file win.
Either way e-mails and phone numbers are added, never replaced, the last contact only moves
forward and the first contact only back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from lib.contacts.organisation_duplicates import normalise_cvr, organisation_identity
from lib.contacts.word_choices import WordChoices
from lib.core import normalize, vocabulary
from lib.core.errors import ValidationFailed
from lib.core.i18n import Quote, quoted, t
from lib.db import Affiliation, Organisation, OrganisationAlias, Person, Relation
from lib.db.text_limits import too_long
from lib.ingest.references import (
    email_domain,
    has_letters,
    is_generic_domain,
    is_role_mailbox,
    looks_like_organisation,
    name_from_email,
    website_domain,
)
from lib.ingest.state import Party, Record, ReviewPair, WorkingState, relation_key
from lib.library.setup import role_code

NEAR_DUPLICATE_SCORE = 90.0
#: A common name shared by many people is compared with only this many of them.
MAX_REVIEW_PER_NAME = 5
#: Longest text a problem message quotes from a cell (long enough for a list of column names).
QUOTED_LENGTH = 200

#: How a file's values meet the values of a record that exists: fill only its empty fields, or win.
FILL_EMPTY = "fill-empty"
OVERWRITE = "overwrite"
UPDATE_MODES = (FILL_EMPTY, OVERWRITE)

#: A sector cell that says the organisation has none: the usual sector for its type is then not filled in.
NO_SECTOR_WORDS = frozenset({"ingen", "ingen sektor", "none", "no sector"})

#: A network file's "Type" that is the direction of the tie (Gephi: Directed/Undirected), not its kind.
DIRECTION_WORDS = frozenset({"directed", "undirected", "mutual", "rettet", "urettet", "gensidig"})


def shortened(value: Any, length: int = QUOTED_LENGTH) -> Any:
    """``value`` cut to ``length`` characters (ending in "…") when it is longer text."""
    if isinstance(value, str) and len(value) > length:
        return value[: length - 1] + "…"
    return value


@dataclass
class Problem:
    """Something wrong with one cell or row, shown to the user before anything is stored."""

    file_name: str
    sheet_name: str
    row: int
    column: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: str = "error"  # "error": the row is rejected; "warning": the value is left out

    def __post_init__(self) -> None:
        # A cell can hold megabytes; the message only needs to say which value it was.
        self.params = {name: shortened(value) for name, value in self.params.items()}

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        """The problem in ``lang``; ``quote`` marks up the cell values and names in it."""

        return t(self.key, lang, **quoted(self.params, quote))


@dataclass
class RowValues:
    """The values of one row, by field, with the column each came from (for problem messages)."""

    file_name: str
    sheet_name: str
    row: int
    cells: dict[str, list[tuple[str, Any]]]  # field -> [(column name, raw value), …]
    problems: list[Problem] = field(default_factory=list)

    def raw(self, name: str) -> list[tuple[str, Any]]:
        return self.cells.get(name, [])

    def column(self, name: str) -> str:
        entries = self.cells.get(name)
        return entries[0][0] if entries else ""

    def problem(self, column: str, error: ValidationFailed, severity: str = "error") -> None:
        self.problems.append(
            Problem(self.file_name, self.sheet_name, self.row, column, error.key, dict(error.params), severity)
        )

    def reject(self, column: str, key: str, **params: Any) -> str:
        self.problems.append(Problem(self.file_name, self.sheet_name, self.row, column, key, params))
        return "rejected"

    def warn(self, column: str, key: str, **params: Any) -> None:
        self.problems.append(Problem(self.file_name, self.sheet_name, self.row, column, key, params, "warning"))

    @property
    def has_errors(self) -> bool:
        return bool(self.problems) and any(p.severity == "error" for p in self.problems)

    # --- text that must fit its column (lib.db.text_limits) -----------------------------------------

    def fits(self, model: type, name: str, value: Any, column: str) -> bool:
        """Whether ``value`` fits ``model.name``; if not, the row is rejected with a problem in the
        sheet's ``column``. For what a record is recognised by (names, e-mails, titles): cutting it
        would store, and match on, something the file does not say."""
        limit = too_long(model, name, value)
        if limit is None:
            return True
        self.reject(column, "limits.too_long_rejected", length=len(value), max=limit)
        return False

    def name_fits(self, model: type, name: str, column: str) -> bool:
        """:meth:`fits` for a record's name and its folded key (folding can make text longer)."""
        return self.fits(model, "name", name, column) and self.fits(model, "name_key", normalize.name_key(name), column)

    def fitting(self, model: type, name: str, value: Any, column: str) -> Any:
        """``value``, or None with a warning in the sheet's ``column`` when it does not fit ``model.name``."""
        limit = too_long(model, name, value)
        if limit is None:
            return value
        self.warn(column, "limits.too_long_dropped", length=len(value), max=limit)
        return None

    def notes(self, model: type) -> str | None:
        """The row's notes for ``model``, or None with a warning when they are longer than it takes."""
        return self.fitting(model, "notes", self.text("notes"), self.column("notes"))

    # --- typed access ----------------------------------------------------------------------------

    def text(self, name: str) -> str | None:
        """The first non-empty text of field ``name``."""
        entries = self.cells.get(name)
        if not entries:
            return None
        for _column, raw in entries:
            value = normalize.clean_text(raw)
            if value:
                return value
        return None

    def parsed(self, name: str, parser: Callable[[Any], Any], severity: str = "warning") -> Any:
        """The first non-empty value of ``name`` through ``parser``; a bad value becomes a problem."""
        for column, raw in self.raw(name):
            try:
                value = parser(raw)
            except ValidationFailed as error:
                self.problem(column, error, severity)
                continue
            if value is not None:
                return value
        return None

    def many(self, name: str, parser: Callable[[Any], Any], severity: str) -> list[Any]:
        """Every value of ``name`` (several columns, several values per cell), parsed, in order."""
        values: list[Any] = []
        for column, raw in self.raw(name):
            for part in normalize.split_multi(raw, name):
                try:
                    value = parser(part)
                except ValidationFailed as error:
                    self.problem(column, error, severity)
                    continue
                if value is not None and value not in values:
                    values.append(value)
        return values


@dataclass(frozen=True)
class Referenced:
    """A record created because a row named it: the staff member holding a tie, the end of a tie."""

    kind: str  # "staff", "people" or "organisations"
    name: str
    file_name: str
    sheet_name: str
    row: int


@dataclass(frozen=True)
class _PlannedAlias:
    """Another spelling an organisation row gives (its "aliases" cell), kept once the sheet is read."""

    organisation_id: int
    name: str
    key: str
    file_name: str
    sheet_name: str
    row: int
    column: str


@dataclass(frozen=True)
class _NewParty:
    """A party a relation row names that is not in the workspace: created once the row is accepted."""

    text: str
    column: str
    kind: str  # "person" or "organisation"
    name: str
    email: str | None = None
    guessed: bool = False


class RowReader:
    """Reads rows of every role into one working state; refs are shared across the batch's sheets.

    ``create_referenced`` and ``update_mode`` are the current sheet's settings (the importer sets
    them before each sheet).
    """

    def __init__(
        self, state: WorkingState, erased: Callable[[str], bool] | None = None, words: WordChoices | None = None
    ) -> None:
        self.state = state
        #: How types, sectors and kinds of relation get their codes, and the words none fits (issue 11).
        self.words = words if words is not None else WordChoices()
        #: Tells whether an e-mail belonged to a person erased on request (lib.privacy.personal_data), or None.
        self.erased = erased
        self.refs: dict[str, Party] = {}
        #: The ref each person got in this batch: two different refs are two people.
        self.ref_of_person: dict[int, str] = {}
        self._names = NameBlocks(state.people_by_name)
        self._names_without_email = NameBlocks(state.people_without_email_by_name)
        self.touched: dict[str, set[int]] = {"people": set(), "organisations": set(), "relations": set()}
        self.create_referenced = True
        self.update_mode = FILL_EMPTY
        #: The fields the current sheet has a column for (filled in or not in a given row): "the
        #: sheet has a weight column" differs from "this row's weight cell is empty".
        self.sheet_fields: frozenset[str] = frozenset()
        #: Other spellings the current sheet's organisation rows give, by folded name: kept when the
        #: sheet has been read (:meth:`finish_sheet`), so that a row's own name always wins over an
        #: alias another row gives.
        self._pending_aliases: dict[str, _PlannedAlias] = {}
        #: Everything created because a row named it, in the order it was created.
        self.referenced: list[Referenced] = []
        #: File values left out by "fill-empty" because the field of an existing record had another:
        #: (table, record id, field) → the file's value (the last one, when several rows differ).
        self.kept: dict[tuple[str, int, str], Any] = {}
        #: Domain → organisations, for a mailbox row without an organisation (see _domain_index).
        self._domains: dict[str, set[int]] | None = None
        self._domains_pending: list[tuple[str, int]] = []

    # --- values of records that exist ------------------------------------------------------------

    def _assign(self, table: str, record: Record, name: str, value: Any) -> bool:
        """Set ``name`` of ``record`` to ``value`` as the update mode allows; True when it changed.

        ``fill-empty`` sets only a field that is empty (None, "", no list, or "no" for is_staff);
        ``overwrite`` sets any. A value of None never empties a field. A different value that
        ``fill-empty`` leaves out for a record that existed is remembered in :attr:`kept`.
        """
        if value is None:
            return False
        current = record.values.get(name)
        if self.update_mode == FILL_EMPTY and not _is_empty(current):
            if current != value and not record.is_new:
                self.kept[(table, record.id, name)] = value
            return False
        return record.set(name, value)

    def _referenced(self, kind: str, name: str, row: RowValues) -> None:
        self.referenced.append(Referenced(kind, name, row.file_name, row.sheet_name, row.row))

    def _sheet_has(self, row: RowValues, name: str) -> bool:
        """Whether the row's sheet has a column for field ``name`` (the row's cell may be empty)."""
        return name in row.cells or name in self.sheet_fields

    def finish_sheet(self) -> list[Problem]:
        """Keep the other spellings the sheet's organisation rows gave, now that every row's own name
        is known; returns a warning for each spelling that is already another organisation's name
        or alias (it is left out: one spelling names one organisation)."""
        problems: list[Problem] = []
        for planned in self._pending_aliases.values():
            owner = self.state.organisation_id(planned.key)
            if owner is None:
                self.state.new_alias(planned.organisation_id, planned.name, planned.key)
            elif owner != planned.organisation_id:
                problems.append(
                    Problem(
                        planned.file_name,
                        planned.sheet_name,
                        planned.row,
                        planned.column,
                        "import.alias_taken",
                        {"alias": planned.name, "organisation": self.state.organisations[owner].values.get("name")},
                        "warning",
                    )
                )
        self._pending_aliases.clear()
        return problems

    # --- organisations ---------------------------------------------------------------------------

    def organisation(self, name: str, values: dict[str, Any] | None = None) -> tuple[Record, bool]:
        """The organisation called ``name`` (matched on its folded name), created when unknown.

        Returns the record and whether this row changed anything about it.
        """
        key = normalize.name_key(name)
        values = {k: v for k, v in (values or {}).items() if v is not None}
        existing_id = organisation_identity(self.state, key, values.get("cvr"))
        if existing_id is None:
            record = self.state.new_organisation({"name": name, "name_key": key, **values})
            self.touched["organisations"].add(record.id)
            self._domains_changed("organisation", record.id)
            return record, True
        record = self.state.organisations[existing_id]
        values = _words_kept(record.values, values)
        changed = False
        for name_of_field, value in values.items():
            changed |= self._assign("organisations", record, name_of_field, value)
        for code_name, text_name in _KEPT_WORDS:
            # A kept word only stands in for a missing type: once the organisation has one, it goes,
            # whichever update mode the file has.
            if record.values.get(code_name) and record.values.get(text_name):
                changed |= record.set(text_name, None)
        self.touched["organisations"].add(record.id)
        if changed:
            self._domains_changed("organisation", record.id)
        return record, changed

    def read_organisation_row(self, row: RowValues) -> str:
        name = row.text("organisation")
        if not name:
            return row.reject(row.column("organisation"), "import.no_organisation_name")
        if not row.name_fits(Organisation, name, row.column("organisation")):
            return "rejected"
        values = self._organisation_values(row)
        values["email"] = row.parsed("email", normalize.normalise_email)
        if row.has_errors:
            return "rejected"
        existed = organisation_identity(self.state, normalize.name_key(name), values.get("cvr")) is not None
        record, changed = self.organisation(name, values)
        changed |= self._plan_aliases(row, record)
        self._remember_ref(row, ("organisation", record.id))
        if not existed:
            return "insert"
        return "update" if changed else "unchanged"

    def _plan_aliases(self, row: RowValues, record: Record) -> bool:
        """The other spellings in the row's "aliases" cell ("Århus kommune; Aarhus Komune"), kept for
        :meth:`finish_sheet`; True when one is new to the organisation. A spelling that folds to the
        organisation's own name is no alias; one that is another organisation's name or alias, or
        too long to store, is left out with a warning (never a reason to reject the row)."""
        new = False
        for column, raw in row.raw("aliases"):
            for alias in normalize.split_multi(raw, "aliases"):
                key = normalize.name_key(alias)
                if not key or key == record.values.get("name_key"):
                    continue
                limit = too_long(OrganisationAlias, "name", alias) or too_long(OrganisationAlias, "name_key", key)
                if limit is not None:
                    row.warn(column, "limits.too_long_dropped", length=len(alias), max=limit)
                    continue
                planned = self._pending_aliases.get(key)
                owner = self.state.organisation_id(key)
                if owner is None and planned is not None:
                    owner = planned.organisation_id
                if owner == record.id:
                    continue
                if owner is not None:
                    row.warn(
                        column,
                        "import.alias_taken",
                        alias=alias,
                        organisation=self.state.organisations[owner].values.get("name"),
                    )
                    continue
                self._pending_aliases[key] = _PlannedAlias(
                    record.id, alias, key, row.file_name, row.sheet_name, row.row, column
                )
                new = True
        return new

    def _organisation_values(self, row: RowValues) -> dict[str, Any]:
        values: dict[str, Any] = self._type_and_sector(row)
        values["website"] = row.fitting(
            Organisation, "website", row.parsed("website", normalize.normalise_website), row.column("website")
        )
        values["area"] = row.fitting(Organisation, "area", row.text("area"), row.column("area"))
        values["notes"] = row.notes(Organisation) if "name" not in row.cells and "first_name" not in row.cells else None
        values["source"] = row.fitting(Organisation, "source", row.text("source"), row.column("source"))
        values["cvr"] = row.parsed("cvr", normalise_cvr)
        if "sector" not in row.cells and values.get("org_type"):
            # A list that names the type but not the sector: the usual sector for that type.
            values["sector"] = vocabulary.DEFAULT_SECTOR_BY_TYPE.get(values["org_type"])
        return values

    def _type_and_sector(self, row: RowValues) -> dict[str, Any]:
        """The row's type and sector: a code where one fits (``lib.contacts.word_choices``), else the word as
        written, kept in ``org_type_text`` / ``sector_text`` and listed once for a person to choose.
        An unknown word never rejects the row, nor is it a row problem of its own."""
        values: dict[str, Any] = {}
        for name, text_name in _KEPT_WORDS:
            written = row.text(name)
            if name == "sector" and written and vocabulary.fold(written) in NO_SECTOR_WORDS:
                # "ingen": no sector, and none made up from the type (the workspace export writes it).
                values[name] = values[text_name] = None
            elif written:
                code = self.words.code(name, written)
                values[name] = code
                values[text_name] = None if code else row.fitting(Organisation, text_name, written, row.column(name))
        return values

    def _relation_kind(self, row: RowValues) -> tuple[str, str | None]:
        """The kind of the row's relation and, where no code fits, the word as written (kind "other")."""
        written = row.text("relation_kind")
        if not written or vocabulary.fold(written) in DIRECTION_WORDS:
            # Gephi's "Directed"/"Undirected" says how the tie is drawn, not what kind it is.
            return "knows", None
        code = self.words.code("relation_kind", written)
        if code is not None:
            return code, None
        return "other", row.fitting(Relation, "kind_text", written, row.column("relation_kind"))

    # --- people ----------------------------------------------------------------------------------

    def read_contact_row(self, row: RowValues) -> str:
        """A row of a contact list: a person, their organisation(s) and the library's tie to them."""
        name = self._person_name(row)
        emails = row.many("email", normalize.normalise_email, severity="warning")
        if name and "@" in name and (address := _address_in(name)) is not None:
            # The name column holds an address ("jh@x.dk", "Jens Hansen <jh@x.dk>"): it is the
            # person's e-mail, and only a name written beside it is their name.
            name = _name_beside(name)
            if address not in emails:
                emails.append(address)
        phones = row.many("phone", normalize.normalise_phone, severity="warning")
        organisations = self._organisation_names(row)
        if not name and not emails and _unreadable_identity(row):
            return "rejected"
        fitting_emails = self._fitting_emails(row, emails, has_name=bool(name))
        if fitting_emails is None or row.has_errors or not self._identities_fit(row, name, organisations):
            return "rejected"
        emails = fitting_emails
        if self._previously_erased(emails):
            row.warn(row.column("email"), "personal_data.previously_erased")
            return "skipped"
        if (
            emails
            and all(is_role_mailbox(email) for email in emails)
            and (not name or self._names_an_organisation(name, organisations))
        ):
            return self._mailbox_row(row, emails[0], name, organisations, phones)
        if not name and not emails:
            if organisations:
                return self._organisation_only_row(row, organisations)
            return row.reject("", "import.no_name_or_email")
        guessed = False
        if not name:
            name = name_from_email(emails[0])
            guessed = name is not None
            if name is not None:
                row.warn(row.column("email"), "import.name_from_email", name=name, email=emails[0])
            else:
                name = emails[0]
                row.warn(row.column("email"), "import.name_is_email", email=emails[0])
        is_staff = row.parsed("is_staff", normalize.parse_bool)
        title = row.fitting(Person, "title", row.text("title"), row.column("title"))
        team, staff_role, title = self._staff_values(row, is_staff, title)
        person_values: dict[str, Any] = {
            "name": name,
            "name_key": normalize.name_key(name),
            "title": title,
            "notes": row.notes(Person),
            "is_staff": is_staff,
            "team": team,
            "staff_role": staff_role,
            "source": (
                row.fitting(Person, "source", row.text("source"), row.column("source"))
                or _cut(row.file_name, Person, "source")
            ),
        }
        org_records = []
        organisations_changed = False
        org_values = self._organisation_values(row)
        org_values.pop("notes", None)
        org_values.pop("source", None)
        for org_name in organisations:
            record, changed = self.organisation(org_name, org_values)
            org_records.append(record)
            organisations_changed |= changed
        person, created, person_changed = self._match_or_create_person(
            person_values, emails, phones, [r.id for r in org_records], ref=row.text("ref"), guessed=guessed
        )
        self._remember_ref(row, ("person", person.id))
        affiliation_changed = False
        department = row.fitting(Affiliation, "role", row.text("department"), row.column("department"))
        for record in org_records:
            affiliation_changed |= self._affiliate(person.id, record.id, role=department)
        relation_changed = self._owner_relation(row, ("person", person.id))
        if created:
            return "insert"
        return (
            "update"
            if (person_changed or affiliation_changed or relation_changed or organisations_changed)
            else "unchanged"
        )

    def read_staff_row(self, row: RowValues) -> str:
        """A row of the library's staff list: a contact row whose person is staff (unless it says no)."""
        cells = dict(row.cells)
        cells.setdefault("is_staff", [("", True)])
        return self.read_contact_row(RowValues(row.file_name, row.sheet_name, row.row, cells, row.problems))

    @staticmethod
    def _staff_values(row: RowValues, is_staff: bool | None, title: str | None) -> tuple[Any, Any, Any]:
        """(team, staff role, title) of a staff member's row; a role no code fits is the job title."""
        if not is_staff:
            return None, None, title

        team = row.fitting(Person, "team", row.text("team"), row.column("team"))
        role_text = row.text("staff_role")
        staff_role = role_code(role_text) if role_text else None
        if role_text and staff_role is None:
            if title is None:
                title = row.fitting(Person, "title", role_text, row.column("staff_role"))
            else:
                row.warn(row.column("staff_role"), "import.staff_role_left_out", value=role_text)
        return team, staff_role, title

    @staticmethod
    def _fitting_emails(row: RowValues, emails: list[str], *, has_name: bool) -> list[str] | None:
        """The e-mails that fit where they are stored. One that does not is left out with a warning when
        the row has a name; without a name it is the row's identity, and the row is rejected (None)."""
        fitting = []
        for email in emails:
            limit = too_long(Person, "email", email)
            if limit is None:
                fitting.append(email)
            elif has_name:
                row.warn(row.column("email"), "limits.too_long_dropped", length=len(email), max=limit)
            else:
                row.reject(row.column("email"), "limits.too_long_rejected", length=len(email), max=limit)
                return None
        return fitting

    @staticmethod
    def _identities_fit(row: RowValues, name: str | None, organisations: list[str]) -> bool:
        """Whether the person's name and the organisations' names fit where they are stored."""
        name_column = row.column("name") or row.column("first_name") or row.column("last_name")
        if name and not row.name_fits(Person, name, name_column):
            return False
        return all(row.name_fits(Organisation, org_name, row.column("organisation")) for org_name in organisations)

    def _names_an_organisation(self, name: str, organisations: list[str]) -> bool:
        """Whether a row's "name" is its organisation's (or a known organisation's) name, not a person's."""
        key = normalize.name_key(name)
        return key in {normalize.name_key(o) for o in organisations} or self.state.organisation_id(key) is not None

    def _mailbox_row(
        self, row: RowValues, email: str, name: str | None, organisations: list[str], phones: list[str]
    ) -> str:
        """A row whose only address is an office's (info@ …): the organisation's e-mail, not a person.

        The organisation is the row's own (or the one its "name" names), else the one whose website,
        mailbox or people use the address's domain, when exactly one does; without one the row is
        skipped with the reason.
        """
        if organisations:
            org_values = self._organisation_values(row)
            org_values.pop("notes", None)
            org_values.pop("source", None)
            existed = normalize.name_key(organisations[0]) in self.state.organisation_by_name
            record, changed = self.organisation(organisations[0], {**org_values, "email": email})
            for other in organisations[1:]:
                changed |= self.organisation(other, org_values)[1]
        else:
            # The row's "name" is a known organisation's (see _names_an_organisation), else the domain tells.
            organisation_id = (
                self.state.organisation_id(normalize.name_key(name)) if name else None
            ) or self._organisation_by_domain(email)
            if organisation_id is None:
                row.warn(row.column("email"), "import.mailbox_skipped", email=email)
                return "skipped"
            record, existed = self.state.organisations[organisation_id], True
            changed = self._assign("organisations", record, "email", email)
            self.touched["organisations"].add(record.id)
            if changed:
                self._domains_changed("organisation", record.id)
        if phones:
            row.warn(row.column("phone"), "import.mailbox_phone_left_out", value=phones[0])
        self._remember_ref(row, ("organisation", record.id))
        relation_changed = self._owner_relation(row, ("organisation", record.id))
        if not existed:
            return "insert"
        return "update" if changed or relation_changed else "unchanged"

    def _organisation_by_domain(self, email: str) -> int | None:
        """The one organisation whose website, mailbox or people's addresses use ``email``'s domain."""
        domain = email_domain(email)
        if is_generic_domain(domain):
            return None
        found = self._domain_index().get(domain, set())
        return next(iter(found)) if len(found) == 1 else None

    def _domain_index(self) -> dict[str, set[int]]:
        """Domain → organisations (their websites and mailboxes, their people's addresses): built from
        the workspace when first needed, then kept up to date with what this import adds."""
        state = self.state
        if self._domains is None:
            self._domains = {}
            for organisation_id in state.organisations:
                self._index_organisation_domains(organisation_id)
            for affiliation_id in state.affiliations:
                self._index_affiliation_domain(affiliation_id)
        else:
            for kind, record_id in self._domains_pending:
                if kind == "organisation":
                    self._index_organisation_domains(record_id)
                else:
                    self._index_affiliation_domain(record_id)
        self._domains_pending.clear()
        return self._domains

    def _domains_changed(self, kind: str, record_id: int) -> None:
        """An organisation or affiliation this import added or changed, for :meth:`_domain_index`."""
        if self._domains is not None:
            self._domains_pending.append((kind, record_id))

    def _index_organisation_domains(self, organisation_id: int) -> None:
        assert self._domains is not None
        values = self.state.organisations[organisation_id].values
        mailbox = values.get("email")
        for domain in (website_domain(values.get("website")), email_domain(mailbox) if mailbox else None):
            if domain:
                self._domains.setdefault(domain, set()).add(organisation_id)

    def _index_affiliation_domain(self, affiliation_id: int) -> None:
        assert self._domains is not None
        values = self.state.affiliations[affiliation_id].values
        person = self.state.people.get(values["person_id"])
        if person is None:
            return
        for address in [person.values.get("email"), *(person.values.get("other_emails") or [])]:
            if address:
                self._domains.setdefault(email_domain(address), set()).add(values["organisation_id"])

    def _previously_erased(self, emails: list[str]) -> bool:
        """Whether the row names a person erased on request: one of its e-mails has an erasure marker
        and none belongs to someone in the workspace (a person re-created with consent is updated)."""
        if self.erased is None or not emails:
            return False
        if any(email in self.state.person_by_email for email in emails):
            return False
        return any(self.erased(email) for email in emails)

    def _organisation_only_row(self, row: RowValues, organisations: list[str]) -> str:
        values = self._organisation_values(row)
        outcomes = []
        for org_name in organisations:
            existed = normalize.name_key(org_name) in self.state.organisation_by_name
            _record, changed = self.organisation(org_name, values)
            outcomes.append("update" if existed and changed else "unchanged" if existed else "insert")
        return "insert" if "insert" in outcomes else "update" if "update" in outcomes else "unchanged"

    def _person_name(self, row: RowValues) -> str | None:
        name = row.text("name")
        if name:
            return normalize.normalise_person_name(name)
        parts = [row.text("first_name"), row.text("middle_name"), row.text("last_name")]
        joined = normalize.join_name(*parts)
        return joined or None

    def _organisation_names(self, row: RowValues) -> list[str]:
        names: list[str] = []
        for _column, raw in row.raw("organisation"):
            for part in normalize.split_multi(raw, "organisation"):
                text = normalize.clean_text(part)
                if text and normalize.name_key(text) not in {normalize.name_key(n) for n in names}:
                    names.append(text)
        return names

    def _match_or_create_person(
        self,
        values: dict[str, Any],
        emails: list[str],
        phones: list[str],
        organisation_ids: list[int],
        ref: str | None = None,
        guessed: bool = False,
    ) -> tuple[Record, bool, bool]:
        """The person a contact row is about, matched or created; (record, created, changed).

        ``guessed``: the row's name was made from its e-mail address, so it never replaces a name.
        """
        state = self.state
        person_id = next((state.person_by_email[e] for e in emails if e in state.person_by_email), None)
        if person_id is None:
            person_id = self._same_name_without_email(values["name_key"], bool(emails), organisation_ids, ref)
        if person_id is None:
            record = state.new_person(
                {
                    **values,
                    "email": emails[0] if emails else None,
                    "other_emails": emails[1:] or None,
                    "phone": phones[0] if phones else None,
                    "other_phones": phones[1:] or None,
                }
            )
            self._queue_near_duplicates(record, organisation_ids)
            self.touched["people"].add(record.id)
            return record, True, False
        record = state.people[person_id]
        changed = False
        if record.values.get("name_key") != values["name_key"] and not guessed:
            if self.update_mode == OVERWRITE or _name_is_placeholder(record):
                changed |= self._rename(record, values["name"], values["name_key"])
            elif not record.is_new:
                self.kept[("people", record.id, "name")] = values["name"]
        for name in ("title", "notes", "team", "staff_role"):
            changed |= self._assign("people", record, name, values.get(name))
        if values.get("source") and not record.values.get("source"):
            changed |= record.set("source", values["source"])
        if values.get("is_staff") is not None:
            changed |= self._assign("people", record, "is_staff", bool(values["is_staff"]))
        changed |= self._merge_contact_values(record, "email", "other_emails", emails)
        changed |= self._merge_contact_values(record, "phone", "other_phones", phones)
        if changed:
            state.index_person_emails(record)
        self.touched["people"].add(record.id)
        return record, False, changed

    def _rename(self, record: Record, name: str, key: str) -> bool:
        """Give a person the name a file has for them (indexed, so later rows find them by it)."""
        changed = record.set("name", name)
        changed |= record.set("name_key", key)
        ids = self.state.people_by_name.setdefault(key, [])
        if record.id not in ids:
            ids.append(record.id)
        return changed

    @staticmethod
    def _merge_contact_values(record: Record, primary: str, others: str, found: list[str]) -> bool:
        """Add e-mails or phones found in the file without dropping any the person already has."""
        if not found:
            return False
        changed = False
        current_primary = record.values.get(primary)
        current_others = list(record.values.get(others) or [])
        if not current_primary:
            changed |= record.set(primary, found[0])
            current_primary = found[0]
        known = {current_primary, *current_others}
        extra = [value for value in found if value not in known]
        if extra:
            changed |= record.set(others, current_others + extra)
        return changed

    def _same_name_without_email(
        self, key: str, row_has_email: bool, organisation_ids: list[int], ref: str | None = None
    ) -> int | None:
        """A person with the same normalised name and organisation, where e-mails do not tell them apart.

        Rows that carry their own ids (``ref``, as in the workspace export) are two people when their
        ids differ, whatever their names.
        """
        index = self.state.people_without_email_by_name if row_has_email else self.state.people_by_name
        ref_key = normalize.name_key(ref) if ref else None
        for candidate_id in index.get(key, []):
            if ref_key and self.ref_of_person.get(candidate_id, ref_key) != ref_key:
                continue
            candidate = self.state.people[candidate_id]
            if row_has_email and candidate.values.get("email"):
                continue  # same name, different e-mails: two people
            candidate_orgs = self.state.organisations_of_person.get(candidate_id, set())
            if not organisation_ids and not candidate_orgs:
                return candidate_id
            if candidate_orgs.intersection(organisation_ids):
                return candidate_id
        return None

    def _queue_near_duplicates(self, record: Record, organisation_ids: list[int]) -> None:
        """Offer people with the same or a similar name for review; never merge them here.

        Two people whose e-mails differ are two people (a namesake is common in Denmark), so only
        pairs where at least one side has no e-mail are offered: a person with an e-mail is compared
        with people without one only, which also keeps large lists of e-mail contacts fast.
        """
        key = record.values["name_key"]
        own_email = record.values.get("email")
        if len(key) >= 4:
            for other_id, score in self._similar_names(key, exclude=record.id, without_email_only=bool(own_email)):
                other_orgs = self.state.organisations_of_person.get(other_id, set())
                if score >= 100:
                    rule = "same_name"
                else:
                    rule = "similar_name_same_org" if other_orgs.intersection(organisation_ids) else "similar_name"
                self.state.review_pairs.append(ReviewPair(other_id, record.id, rule, float(score)))
        self._names.add(key)
        if not own_email:
            self._names_without_email.add(key)

    def _similar_names(self, key: str, exclude: int, without_email_only: bool) -> list[tuple[int, float]]:
        """Up to five people whose names are the same as or close to ``key`` (same block only)."""
        names = self._names_without_email if without_email_only else self._names
        ids_by_name = self.state.people_without_email_by_name if without_email_only else self.state.people_by_name
        block = names.block(key)
        matches: list[tuple[int, float]] = []
        if not block:
            return matches
        for other_key, score, _position in process.extract(
            key, block, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_SCORE, limit=5
        ):
            for other_id in ids_by_name.get(other_key, [])[:MAX_REVIEW_PER_NAME]:
                other = self.state.people[other_id]
                if other_id != exclude and not (without_email_only and other.values.get("email")):
                    matches.append((other_id, score))
        return matches[:5]

    def _affiliate(
        self,
        person_id: int,
        organisation_id: int,
        role: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> bool:
        pair = (person_id, organisation_id)
        existing = self.state.affiliation_by_pair.get(pair)
        if existing is None:
            record = self.state.new_affiliation(
                {
                    "person_id": person_id,
                    "organisation_id": organisation_id,
                    "role": role,
                    "start_date": start,
                    "end_date": end,
                }
            )
            self._domains_changed("affiliation", record.id)
            return True
        record = self.state.affiliations[existing]
        changed = False
        for name, value in (("role", role), ("start_date", start), ("end_date", end)):
            changed |= self._assign("affiliations", record, name, value)
        return changed

    def _owner_relation(self, row: RowValues, target: Party) -> bool:
        """The library's tie to this contact (or organisation), when the row names who holds it.

        The staff member is found, or created (see :meth:`_staff_member`). True when the row changed
        the tie or the staff member.
        """
        owner_text = row.text("owner")
        values = self._tie_values(row)
        if not owner_text:
            return False
        owner_id, owner_changed = self._staff_member(row, owner_text)
        if owner_id is None or target == ("person", owner_id):
            return owner_changed
        kind, kind_text = self._relation_kind(row)
        changed = self._relation(
            ("person", owner_id), target, kind, {**values, "owner_id": owner_id, "kind_text": kind_text}
        )[1]
        return changed or owner_changed

    def _tie_values(self, row: RowValues) -> dict[str, Any]:
        """A tie's strength and weight (``lib.core.normalize.parse_weight``) and its dates.

        One column (a strength, or a network file's weight) is both: 4 is weight 4.0 and strength 4,
        2.5 weight 2.5 and no strength. A sheet with both a strength and a weight column (the
        workspace export, a list with "Styrke" and "Vægt") keeps them apart: the strength comes from
        its column only, the weight from its column, or from the strength column where that holds a
        number that is no 1–5 strength (7, 2.5). So an empty cell says "none" in such a sheet.

        A value that cannot be read is left out with a warning; it never rejects the row.
        """
        by_strength = self._first_weight(row, "strength")
        by_weight = self._first_weight(row, "weight")
        weight = by_weight[0] if by_weight is not None else None
        if (
            weight is None
            and by_strength is not None
            and (by_strength[1] is None or not self._sheet_has(row, "weight"))
        ):
            weight = by_strength[0]
        strength = by_strength[1] if by_strength is not None else None
        if strength is None and by_weight is not None and not self._sheet_has(row, "strength"):
            strength = by_weight[1]
        return {
            "strength": strength,
            "weight": weight,
            "first_contact": row.parsed("first_contact", normalize.parse_date),
            "last_contact": row.parsed("last_contact", normalize.parse_date),
        }

    @staticmethod
    def _first_weight(row: RowValues, name: str) -> tuple[float, int | None] | None:
        """The first readable (weight, strength) in the row's columns for field ``name``."""
        for column, raw in row.raw(name):
            try:
                parsed = normalize.parse_weight(raw)
            except ValidationFailed as error:
                row.problem(column, error, "warning")
                continue
            if parsed is not None:
                return parsed
        return None

    def _staff_member(self, row: RowValues, text: str) -> tuple[int | None, bool]:
        """The staff member a "responsible staff" cell names: (person id or None, whether that changed them).

        Found by a ref of this batch, else by e-mail when the cell holds one ("Mette Holm
        <mh@bib.dk>"), else by name among staff, then among people; a person found by e-mail or name
        is marked as staff. When nobody is found and the sheet creates what it names, the staff member
        is created (listed in :attr:`referenced`); otherwise the row gets a warning and no tie.
        """
        column = row.column("owner")
        ref = self.refs.get(normalize.name_key(text))
        if ref is not None and ref[0] == "person":
            return ref[1], False
        email = _address_in(text)
        name = _name_beside(text) if email else normalize.normalise_person_name(text)
        person_id = self.state.person_by_email.get(email) if email else None
        if person_id is None and name:
            person_id = self._staff_by_name(name, email)
        if person_id is not None:
            record = self.state.people[person_id]
            changed = self._assign("people", record, "is_staff", True)
            if email and self._merge_contact_values(record, "email", "other_emails", [email]):
                self.state.index_person_emails(record)
                changed = True
            if changed:
                self.touched["people"].add(person_id)
            return person_id, changed
        if not self.create_referenced:
            row.warn(column, "import.owner_not_found", value=text)
            return None, False
        new_name = name or (name_from_email(email) if email else None) or email
        if (
            not new_name
            or not has_letters(new_name)
            or too_long(Person, "name", new_name) is not None
            or too_long(Person, "name_key", normalize.name_key(new_name)) is not None
        ):
            row.warn(column, "import.reference_not_a_name", value=text)
            return None, False
        record = self._new_referenced_person(row, new_name, email, is_staff=True)
        return record.id, True

    def _new_referenced_person(self, row: RowValues, name: str, email: str | None, *, is_staff: bool) -> Record:
        record = self.state.new_person(
            {
                "name": name,
                "name_key": normalize.name_key(name),
                "email": email,
                "is_staff": is_staff,
                "source": _cut(row.file_name, Person, "source"),
            }
        )
        self._queue_near_duplicates(record, [])
        self.touched["people"].add(record.id)
        self._referenced("staff" if is_staff else "people", name, row)
        return record

    def _staff_by_name(self, name: str, email: str | None) -> int | None:
        """A person called ``name`` (staff first) whose e-mail, if any, is not another than ``email``."""
        people = self.state.people
        ids = [
            i
            for i in self.state.people_by_name.get(normalize.name_key(name), [])
            if i in people and not (email and people[i].values.get("email") and people[i].values["email"] != email)
        ]
        staff = [i for i in ids if people[i].values.get("is_staff")]
        return (staff or ids or [None])[0]

    # --- affiliations and relations --------------------------------------------------------------

    def read_affiliation_row(self, row: RowValues) -> str:
        person_text, org_text = row.text("person"), row.text("organisation")
        if not person_text:
            return row.reject(row.column("person"), "import.missing_party", value="")
        if not org_text:
            return row.reject(row.column("organisation"), "import.no_organisation_name")
        person = self.resolve_party(person_text, prefer="person")
        new_person: _NewParty | None = None
        if person is not None and person[0] != "person":
            return row.reject(row.column("person"), "import.unknown_party", value=person_text)
        if person is None:
            new_person = self._plan_party(row, "person", person_text, kind="person")
            if new_person is None:
                return "rejected"
        organisation = self.resolve_party(org_text, prefer="organisation")
        if (organisation is None or organisation[0] != "organisation") and not row.name_fits(
            Organisation, org_text, row.column("organisation")
        ):
            return "rejected"
        start = row.parsed("start_date", normalize.parse_date)
        end = row.parsed("end_date", normalize.parse_date)
        role = row.fitting(Affiliation, "role", row.text("role"), row.column("role"))
        if row.has_errors:
            return "rejected"
        if organisation is None or organisation[0] != "organisation":
            record, _ = self.organisation(org_text)
            organisation = ("organisation", record.id)
        if new_person is not None:
            person = self._create_party(row, new_person)
        assert person is not None
        existed = (person[1], organisation[1]) in self.state.affiliation_by_pair
        changed = self._affiliate(person[1], organisation[1], role, start, end)
        if not existed:
            return "insert"
        return "update" if changed else "unchanged"

    def read_relation_row(self, row: RowValues) -> str:
        """A tie From → To. An end that is not in the workspace is created when the sheet creates what it
        names (a person, or an organisation when its name says so), and refused otherwise."""
        source_text, target_text = row.text("from"), row.text("to")
        if not source_text:
            return row.reject(row.column("from"), "import.missing_party", value="")
        if not target_text:
            return row.reject(row.column("to"), "import.missing_party", value="")
        source = self.resolve_party(source_text) or self._plan_party(row, "from", source_text)
        if source is None:
            return "rejected"
        target = self.resolve_party(target_text) or self._plan_party(row, "to", target_text)
        if target is None:
            return "rejected"
        kind, kind_text = self._relation_kind(row)
        values: dict[str, Any] = {**self._tie_values(row), "notes": row.notes(Relation), "kind_text": kind_text}
        if row.has_errors:
            return "rejected"
        if isinstance(source, _NewParty):
            source = self._create_party(row, source)
        if isinstance(target, _NewParty):
            target = self._create_party(row, target)
        owner_changed = False
        owner_text = row.text("owner")
        if owner_text:
            owner_id, owner_changed = self._staff_member(row, owner_text)
            if owner_id is not None:
                values["owner_id"] = owner_id
        created, changed = self._relation(source, target, kind, values)
        if created:
            return "insert"
        return "update" if changed or owner_changed else "unchanged"

    def _plan_party(self, row: RowValues, field_name: str, text: str, kind: str | None = None) -> _NewParty | None:
        """The party ``text`` will be once the row is accepted; None (the row rejected, with the reason)
        when the sheet does not create what it names or ``text`` cannot be a name."""
        column = row.column(field_name)
        if not self.create_referenced:
            row.reject(column, "import.unknown_party", value=text)
            return None
        email = _address_in(text)
        guessed = False
        if email:
            name = _name_beside(text) or name_from_email(email)
            guessed = name is not None and not _name_beside(text)
            name = name or email
            kind = "person"
        else:
            name = normalize.normalise_person_name(text) or ""
            if kind is None:
                kind = "organisation" if looks_like_organisation(name) else "person"
            if kind == "organisation":
                name = normalize.clean_text(text) or ""
        if not has_letters(name):
            row.reject(column, "import.reference_not_a_name", value=text)
            return None
        model = Organisation if kind == "organisation" else Person
        if not row.name_fits(model, name, column):
            return None
        return _NewParty(text, column, kind, name, email, guessed)

    def _create_party(self, row: RowValues, planned: _NewParty) -> Party:
        """Create what :meth:`_plan_party` planned (unless the row's other end already did)."""
        existing = self.resolve_party(planned.text, prefer=planned.kind)
        if existing is not None and existing[0] == planned.kind:
            return existing
        if planned.kind == "organisation":
            record, _ = self.organisation(planned.name)
            self._referenced("organisations", planned.name, row)
            return ("organisation", record.id)
        if planned.guessed and planned.email:
            row.warn(planned.column, "import.name_from_email", name=planned.name, email=planned.email)
        return ("person", self._new_referenced_person(row, planned.name, planned.email, is_staff=False).id)

    def _relation(self, source: Party, target: Party, kind: str, values: dict[str, Any]) -> tuple[bool, bool]:
        """Create or update the tie source → target of ``kind``; (created, changed)."""
        ends = {
            "from_person_id": source[1] if source[0] == "person" else None,
            "from_organisation_id": source[1] if source[0] == "organisation" else None,
            "to_person_id": target[1] if target[0] == "person" else None,
            "to_organisation_id": target[1] if target[0] == "organisation" else None,
            "kind": kind,
        }
        key = relation_key(ends)
        existing = self.state.relation_by_key.get(key)
        present = {k: v for k, v in values.items() if v is not None}
        if existing is None:
            record = self.state.new_relation({**ends, **present})
            self.touched["relations"].add(record.id)
            return True, True
        record = self.state.relations[existing]
        changed = False
        for name, value in present.items():
            if name == "last_contact" and record.values.get(name) and record.values[name] > value:
                continue  # an older list must not move the last contact back in time
            if name == "first_contact" and record.values.get(name) and record.values[name] < value:
                continue
            if name in ("first_contact", "last_contact"):
                changed |= record.set(name, value)  # news about the tie, whatever the update mode
            else:
                changed |= self._assign("relations", record, name, value)
        self.touched["relations"].add(record.id)
        return False, changed

    # --- Kumu ------------------------------------------------------------------------------------

    def read_kumu_element_row(self, row: RowValues) -> str:
        label = row.text("name") or row.text("ref")
        if not label:
            return row.reject(row.column("name"), "import.no_name_or_email")
        element_type = row.text("element_type") or ""
        if _is_organisation_type(element_type, has_email=bool(row.text("email"))):
            if not row.name_fits(Organisation, label, row.column("name") or row.column("ref")):
                return "rejected"
            values = self._organisation_values(row)
            if not values.get("org_type"):
                values["org_type"] = vocabulary.organisation_type_code(element_type)
            values["notes"] = row.notes(Organisation)
            values["email"] = row.parsed("email", normalize.normalise_email)
            existed = normalize.name_key(label) in self.state.organisation_by_name
            record, changed = self.organisation(label, values)
            self.refs[normalize.name_key(label)] = ("organisation", record.id)
            self._remember_ref(row, ("organisation", record.id))
            return "insert" if not existed else "update" if changed else "unchanged"
        cells = dict(row.cells)
        cells.setdefault("name", [(row.column("name"), label)])
        if _is_staff_type(element_type):
            cells["is_staff"] = [("", True)]
        as_contact = RowValues(row.file_name, row.sheet_name, row.row, cells, row.problems)
        outcome = self.read_contact_row(as_contact)
        party = self._find_person(label)
        if party is not None:
            self.refs[normalize.name_key(label)] = party
        return outcome

    # --- refs ------------------------------------------------------------------------------------

    def _remember_ref(self, row: RowValues, party: Party) -> None:
        ref = row.text("ref")
        if ref:
            self.refs[normalize.name_key(ref)] = party
            if party[0] == "person":
                self.ref_of_person[party[1]] = normalize.name_key(ref)

    def resolve_party(self, text: str, prefer: str | None = None) -> Party | None:
        """Who ``text`` names: a ref from this batch, an e-mail, a person's or organisation's name."""
        key = normalize.name_key(text)
        if key in self.refs:
            return self.refs[key]
        try:
            email = normalize.normalise_email(text) if "@" in text else None
        except ValidationFailed:
            email = None
        if email and email in self.state.person_by_email:
            return ("person", self.state.person_by_email[email])
        person = self._find_person(text)
        organisation_id = self.state.organisation_id(key)
        organisation = ("organisation", organisation_id) if organisation_id is not None else None
        if prefer == "organisation":
            return organisation or person
        return person or organisation

    def _find_person(self, name: str) -> Party | None:
        ids = self.state.people_by_name.get(normalize.name_key(name), [])
        if not ids:
            return None
        staff = [i for i in ids if self.state.people[i].values.get("is_staff")]
        return ("person", (staff or ids)[0])


#: A code and the field that keeps the file's word when no code fits it.
_KEPT_WORDS = (("org_type", "org_type_text"), ("sector", "sector_text"))


def _words_kept(current: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """``values`` for an organisation that holds ``current``: a code found clears the kept word (now
    it has a type), and a word no code fits is kept only where the organisation has no code yet."""
    values = dict(values)
    for name, text_name in _KEPT_WORDS:
        if values.get(name):
            values[text_name] = None
        elif current.get(name):
            values.pop(text_name, None)
    return values


def _cut(text: str, model: type, name: str) -> str:
    """``text`` cut to what ``model.name`` holds: for values the product makes up, not the user's data."""
    limit = too_long(model, name, text)
    return text[:limit] if limit is not None else text


def _is_empty(value: Any) -> bool:
    """Whether a stored field counts as empty for "fill only empty fields" ("no" for is_staff does)."""
    return value is None or value is False or value == "" or value == []


def _address_in(text: str) -> str | None:
    """The e-mail address in a cell ("mh@bib.dk", "Mette Holm <mh@bib.dk>"), or None."""
    if "@" not in text:
        return None
    try:
        return normalize.normalise_email(text)
    except ValidationFailed:
        return None


def _name_beside(text: str) -> str | None:
    """The name in front of an address in angle brackets ("Mette Holm <mh@bib.dk>"), or None."""
    if "<" not in text:
        return None
    name = normalize.clean_text(text.split("<", 1)[0].strip().strip("\"',;"))
    return normalize.normalise_person_name(name) if name and "@" not in name else None


def _unreadable_identity(row: RowValues) -> bool:
    """A row with no name whose e-mail could not be read: nothing tells who it is, so the e-mail's
    problem rejects the row (elsewhere a bad e-mail is only left out). True when that happened."""
    bad = [p for p in row.problems if p.severity == "warning" and p.key.startswith("value.email")]
    for problem in bad:
        problem.severity = "error"
    return bool(bad)


def _name_is_placeholder(record: Record) -> bool:
    """Whether a person's name was only made from their address (the address itself, or "first.last"
    read as "First Last"), so that a file with the real name may replace it."""
    email = record.values.get("email")
    if not email:
        return False
    key = record.values.get("name_key")
    guessed = name_from_email(email)
    return key == normalize.name_key(email) or (guessed is not None and key == normalize.name_key(guessed))


_ORGANISATION_WORDS = ("organisation", "organization", "org", "virksomhed", "company", "institution")
_PERSON_WORDS = ("person", "people", "kontakt", "contact", "staff", "medarbejder", "employee", "individual")


def _is_organisation_type(element_type: str, has_email: bool) -> bool:
    folded = vocabulary.fold(element_type)
    if any(word in folded for word in _PERSON_WORDS):
        return False
    if any(word in folded for word in _ORGANISATION_WORDS):
        return True
    if folded and vocabulary.organisation_type_code(folded):
        return True
    return not has_email and bool(folded) and folded not in ("", "other", "andet")


def _is_staff_type(element_type: str) -> bool:
    folded = vocabulary.fold(element_type)
    return any(word in folded for word in ("staff", "medarbejder", "employee", "bibliotekar"))


def _block_of(key: str) -> str:
    """Names are compared for near-duplicates only within a block (first letters), to stay fast."""
    return key[:2]


class NameBlocks:
    """Distinct name keys grouped by their block, for the near-duplicate comparison."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._blocks: dict[str, list[str]] = {}
        self._known: set[str] = set()
        for key in keys:
            self.add(key)

    def add(self, key: str) -> None:
        if key not in self._known:
            self._known.add(key)
            self._blocks.setdefault(_block_of(key), []).append(key)

    def block(self, key: str) -> list[str]:
        return self._blocks.get(_block_of(key), [])
