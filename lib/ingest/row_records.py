"""The row reader's state and what every kind of row shares: records that exist, organisations, ties, refs.

:class:`_RecordRows` is the base of :class:`lib.ingest.rows.RowReader`: the working state and the
batch's refs, assigning a file's values to records by the update mode, organisation rows (with their
aliases, types and sectors), creating or updating a relation, and finding what a ref names. The
helpers below it tell what a row or a name is. See :mod:`lib.ingest.rows` for the rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lib.contacts.organisation_duplicates import normalise_cvr, organisation_identity
from lib.contacts.word_choices import WordChoices
from lib.core import normalize, vocabulary
from lib.core.errors import ValidationFailed
from lib.db import Organisation, OrganisationAlias, Relation
from lib.db.text_limits import too_long
from lib.ingest.references import email_domain, is_generic_domain, name_from_email, website_domain
from lib.ingest.row_values import Problem, RowValues
from lib.ingest.state import Party, Record, WorkingState, relation_key

NEAR_DUPLICATE_SCORE = 90.0
#: A common name shared by many people is compared with only this many of them.
MAX_REVIEW_PER_NAME = 5

#: How a file's values meet the values of a record that exists: fill only its empty fields, or win.
FILL_EMPTY = "fill-empty"
OVERWRITE = "overwrite"
UPDATE_MODES = (FILL_EMPTY, OVERWRITE)

#: A sector cell that says the organisation has none: the usual sector for its type is then not filled in.
NO_SECTOR_WORDS = frozenset({"ingen", "ingen sektor", "none", "no sector"})

#: A network file's "Type" that is the direction of the tie (Gephi: Directed/Undirected), not its kind.
DIRECTION_WORDS = frozenset({"directed", "undirected", "mutual", "rettet", "urettet", "gensidig"})


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


class _RecordRows:
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
        if _ORGANISATION_DETAILS.isdisjoint(row.cells):
            # The usual contact row names its organisation and nothing about it: no value to read.
            return dict.fromkeys(("website", "area", "notes", "source", "cvr"))
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

    # --- organisations by e-mail domain ---------------------------------------------------------

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

    # --- ties ---------------------------------------------------------------------------------------

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

#: The fields :meth:`_RecordRows._organisation_values` reads: a row with none of them gives only empty values.
_ORGANISATION_DETAILS = frozenset({"org_type", "sector", "website", "area", "notes", "source", "cvr"})


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
