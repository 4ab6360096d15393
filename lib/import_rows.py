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

A contact row whose e-mail belongs to a person erased on request (``lib.personal_data``) is skipped
with a warning, unless someone in the workspace has that e-mail again (created with consent).

Text longer than its column holds (``lib.text_limits``): a name or an e-mail, which is what a record
is recognised by, rejects the row; any other text (title, department, website, area, source) is
left out with a warning and the rest of the row is imported. Values quoted in problem messages are
shortened, so that a huge cell is never repeated on the page, in the report or in a log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from lib import normalize, vocabulary
from lib.errors import ValidationFailed
from lib.i18n import Quote
from lib.import_state import Party, Record, ReviewPair, WorkingState, relation_key
from lib.storage import Affiliation, Organisation, Person, Relation
from lib.text_limits import too_long
from lib.word_choices import WordChoices

NEAR_DUPLICATE_SCORE = 90.0
#: A common name shared by many people is compared with only this many of them.
MAX_REVIEW_PER_NAME = 5
#: Longest text a problem message quotes from a cell (long enough for a list of column names).
QUOTED_LENGTH = 200


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
        from lib.i18n import quoted, t

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
        self.problems.append(Problem(self.file_name, self.sheet_name, self.row, column, error.key,
                                     dict(error.params), severity))

    def reject(self, column: str, key: str, **params: Any) -> str:
        self.problems.append(Problem(self.file_name, self.sheet_name, self.row, column, key, params))
        return "rejected"

    def warn(self, column: str, key: str, **params: Any) -> None:
        self.problems.append(Problem(self.file_name, self.sheet_name, self.row, column, key, params,
                                     "warning"))

    @property
    def has_errors(self) -> bool:
        return bool(self.problems) and any(p.severity == "error" for p in self.problems)

    # --- text that must fit its column (lib.text_limits) -----------------------------------------

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
        return self.fits(model, "name", name, column) and self.fits(model, "name_key", normalize.name_key(name),
                                                                     column)

    def fitting(self, model: type, name: str, value: Any, column: str) -> Any:
        """``value``, or None with a warning in the sheet's ``column`` when it does not fit ``model.name``."""
        limit = too_long(model, name, value)
        if limit is None:
            return value
        self.warn(column, "limits.too_long_dropped", length=len(value), max=limit)
        return None

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


class RowReader:
    """Reads rows of every role into one working state; refs are shared across the batch's sheets."""

    def __init__(self, state: WorkingState, erased: Callable[[str], bool] | None = None,
                 words: WordChoices | None = None) -> None:
        self.state = state
        #: How types, sectors and kinds of relation get their codes, and the words none fits (issue 11).
        self.words = words if words is not None else WordChoices()
        #: Tells whether an e-mail belonged to a person erased on request (lib.personal_data), or None.
        self.erased = erased
        self.refs: dict[str, Party] = {}
        #: The ref each person got in this batch: two different refs are two people.
        self.ref_of_person: dict[int, str] = {}
        self._names = NameBlocks(state.people_by_name)
        self._names_without_email = NameBlocks(state.people_without_email_by_name)
        self.touched: dict[str, set[int]] = {"people": set(), "organisations": set(), "relations": set()}

    # --- organisations ---------------------------------------------------------------------------

    def organisation(self, name: str, values: dict[str, Any] | None = None) -> tuple[Record, bool]:
        """The organisation called ``name`` (matched on its folded name), created when unknown.

        Returns the record and whether this row changed anything about it.
        """
        key = normalize.name_key(name)
        values = {k: v for k, v in (values or {}).items() if v is not None}
        existing_id = self.state.organisation_by_name.get(key)
        if existing_id is None:
            record = self.state.new_organisation({"name": name, "name_key": key, **values})
            self.touched["organisations"].add(record.id)
            return record, True
        record = self.state.organisations[existing_id]
        values = _words_kept(record.values, values)
        changed = False
        for name_of_field, value in values.items():
            changed |= record.set(name_of_field, value)
        self.touched["organisations"].add(record.id)
        return record, changed

    def read_organisation_row(self, row: RowValues) -> str:
        name = row.text("organisation")
        if not name:
            return row.reject(row.column("organisation"), "import.no_organisation_name")
        if not row.name_fits(Organisation, name, row.column("organisation")):
            return "rejected"
        values = self._organisation_values(row)
        if row.has_errors:
            return "rejected"
        existed = normalize.name_key(name) in self.state.organisation_by_name
        record, changed = self.organisation(name, values)
        self._remember_ref(row, ("organisation", record.id))
        if not existed:
            return "insert"
        return "update" if changed else "unchanged"

    def _organisation_values(self, row: RowValues) -> dict[str, Any]:
        values: dict[str, Any] = self._type_and_sector(row)
        values["website"] = row.fitting(Organisation, "website", row.parsed("website", normalize.normalise_website),
                                        row.column("website"))
        values["area"] = row.fitting(Organisation, "area", row.text("area"), row.column("area"))
        values["notes"] = row.text("notes") if "name" not in row.cells and "first_name" not in row.cells \
            else None
        values["source"] = row.fitting(Organisation, "source", row.text("source"), row.column("source"))
        if "sector" not in row.cells and values.get("org_type"):
            # A list that names the type but has no sector column: the usual sector for that type.
            values["sector"] = vocabulary.DEFAULT_SECTOR_BY_TYPE.get(values["org_type"])
        return values

    def _type_and_sector(self, row: RowValues) -> dict[str, Any]:
        """The row's type and sector: a code where one fits (``lib.word_choices``), else the word as
        written, kept in ``org_type_text`` / ``sector_text`` and listed once for a person to choose.
        An unknown word never rejects the row, nor is it a row problem of its own."""
        values: dict[str, Any] = {}
        for name, text_name in _KEPT_WORDS:
            written = row.text(name)
            if written:
                code = self.words.code(name, written)
                values[name] = code
                values[text_name] = None if code else row.fitting(Organisation, text_name, written, row.column(name))
        return values

    def _relation_kind(self, row: RowValues) -> tuple[str, str | None]:
        """The kind of the row's relation and, where no code fits, the word as written (kind "other")."""
        written = row.text("relation_kind")
        if not written:
            return "knows", None
        code = self.words.code("relation_kind", written)
        if code is not None:
            return code, None
        return "other", row.fitting(Relation, "kind_text", written, row.column("relation_kind"))

    # --- people ----------------------------------------------------------------------------------

    def read_contact_row(self, row: RowValues) -> str:
        """A row of a contact list: a person, their organisation(s) and the library's tie to them."""
        emails = row.many("email", normalize.normalise_email, severity="error")
        phones = row.many("phone", normalize.normalise_phone, severity="warning")
        name = self._person_name(row)
        organisations = self._organisation_names(row)
        if row.has_errors or not self._identities_fit(row, name, emails, organisations):
            return "rejected"
        if self._previously_erased(emails):
            row.warn(row.column("email"), "personal_data.previously_erased")
            return "skipped"
        if not name and not emails:
            if organisations:
                return self._organisation_only_row(row, organisations)
            return row.reject("", "import.no_name_or_email")
        name = name or emails[0]
        is_staff = row.parsed("is_staff", normalize.parse_bool)
        person_values: dict[str, Any] = {
            "name": name,
            "name_key": normalize.name_key(name),
            "title": row.fitting(Person, "title", row.text("title"), row.column("title")),
            "notes": row.text("notes"),
            "is_staff": is_staff,
            "source": (row.fitting(Person, "source", row.text("source"), row.column("source"))
                       or _cut(row.file_name, Person, "source")),
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
            person_values, emails, phones, [r.id for r in org_records], ref=row.text("ref"))
        self._remember_ref(row, ("person", person.id))
        affiliation_changed = False
        department = row.fitting(Affiliation, "role", row.text("department"), row.column("department"))
        for record in org_records:
            affiliation_changed |= self._affiliate(person.id, record.id, role=department)
        relation_changed = self._owner_relation(row, person.id)
        if created:
            return "insert"
        return "update" if (person_changed or affiliation_changed or relation_changed or
                            organisations_changed) else "unchanged"

    @staticmethod
    def _identities_fit(row: RowValues, name: str | None, emails: list[str], organisations: list[str]) -> bool:
        """Whether the person's name, e-mails and organisations' names fit where they are stored."""
        name_column = row.column("name") or row.column("first_name") or row.column("last_name")
        if name and not row.name_fits(Person, name, name_column):
            return False
        if not all(row.fits(Person, "email", email, row.column("email")) for email in emails):
            return False
        return all(row.name_fits(Organisation, org_name, row.column("organisation")) for org_name in organisations)

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
        self, values: dict[str, Any], emails: list[str], phones: list[str], organisation_ids: list[int],
        ref: str | None = None,
    ) -> tuple[Record, bool, bool]:
        state = self.state
        person_id = next((state.person_by_email[e] for e in emails if e in state.person_by_email), None)
        if person_id is None:
            person_id = self._same_name_without_email(values["name_key"], bool(emails), organisation_ids, ref)
        if person_id is None:
            record = state.new_person({**values, "email": emails[0] if emails else None,
                                       "other_emails": emails[1:] or None,
                                       "phone": phones[0] if phones else None,
                                       "other_phones": phones[1:] or None})
            self._queue_near_duplicates(record, organisation_ids)
            self.touched["people"].add(record.id)
            return record, True, False
        record = state.people[person_id]
        changed = False
        for name in ("name", "name_key", "title", "notes", "source"):
            if values.get(name) and not (name == "source" and record.values.get("source")):
                if name in ("name", "name_key") and record.values.get("name_key") == values["name_key"]:
                    continue
                changed |= record.set(name, values[name])
        if values.get("is_staff") is not None:
            changed |= record.set("is_staff", bool(values["is_staff"]))
        changed |= self._merge_contact_values(record, "email", "other_emails", emails)
        changed |= self._merge_contact_values(record, "phone", "other_phones", phones)
        if changed:
            state.index_person_emails(record)
        self.touched["people"].add(record.id)
        return record, False, changed

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

    def _same_name_without_email(self, key: str, row_has_email: bool, organisation_ids: list[int],
                                 ref: str | None = None) -> int | None:
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

    def _affiliate(self, person_id: int, organisation_id: int, role: str | None = None,
                   start: dt.date | None = None, end: dt.date | None = None) -> bool:
        pair = (person_id, organisation_id)
        existing = self.state.affiliation_by_pair.get(pair)
        if existing is None:
            self.state.new_affiliation({"person_id": person_id, "organisation_id": organisation_id,
                                        "role": role, "start_date": start, "end_date": end})
            return True
        record = self.state.affiliations[existing]
        changed = False
        for name, value in (("role", role), ("start_date", start), ("end_date", end)):
            if value is not None:
                changed |= record.set(name, value)
        return changed

    def _owner_relation(self, row: RowValues, person_id: int) -> bool:
        """The library's tie to this contact, when the row names who holds it."""
        owner_text = row.text("owner")
        strength = row.parsed("strength", normalize.parse_strength)
        first = row.parsed("first_contact", normalize.parse_date)
        last = row.parsed("last_contact", normalize.parse_date)
        if not owner_text:
            return False
        owner = self.resolve_party(owner_text, prefer="person")
        if owner is None or owner[0] != "person":
            row.warn(row.column("owner"), "import.owner_not_found", value=owner_text)
            return False
        if owner[1] == person_id:
            return False
        kind, kind_text = self._relation_kind(row)
        return self._relation(("person", owner[1]), ("person", person_id), kind,
                              {"strength": strength, "first_contact": first, "last_contact": last,
                               "owner_id": owner[1], "kind_text": kind_text})[1]

    # --- affiliations and relations --------------------------------------------------------------

    def read_affiliation_row(self, row: RowValues) -> str:
        person_text, org_text = row.text("person"), row.text("organisation")
        if not person_text:
            return row.reject(row.column("person"), "import.missing_party", value="")
        if not org_text:
            return row.reject(row.column("organisation"), "import.no_organisation_name")
        person = self.resolve_party(person_text, prefer="person")
        if person is None or person[0] != "person":
            return row.reject(row.column("person"), "import.unknown_party", value=person_text)
        organisation = self.resolve_party(org_text, prefer="organisation")
        if organisation is None or organisation[0] != "organisation":
            if not row.name_fits(Organisation, org_text, row.column("organisation")):
                return "rejected"
            record, _ = self.organisation(org_text)
            organisation = ("organisation", record.id)
        start = row.parsed("start_date", normalize.parse_date)
        end = row.parsed("end_date", normalize.parse_date)
        role = row.fitting(Affiliation, "role", row.text("role"), row.column("role"))
        if row.has_errors:
            return "rejected"
        existed = (person[1], organisation[1]) in self.state.affiliation_by_pair
        changed = self._affiliate(person[1], organisation[1], role, start, end)
        if not existed:
            return "insert"
        return "update" if changed else "unchanged"

    def read_relation_row(self, row: RowValues) -> str:
        source_text, target_text = row.text("from"), row.text("to")
        if not source_text:
            return row.reject(row.column("from"), "import.missing_party", value="")
        if not target_text:
            return row.reject(row.column("to"), "import.missing_party", value="")
        source = self.resolve_party(source_text)
        if source is None:
            return row.reject(row.column("from"), "import.unknown_party", value=source_text)
        target = self.resolve_party(target_text)
        if target is None:
            return row.reject(row.column("to"), "import.unknown_party", value=target_text)
        kind, kind_text = self._relation_kind(row)
        values: dict[str, Any] = {
            "kind_text": kind_text,
            "strength": row.parsed("strength", normalize.parse_strength),
            "first_contact": row.parsed("first_contact", normalize.parse_date),
            "last_contact": row.parsed("last_contact", normalize.parse_date),
            "notes": row.text("notes"),
        }
        owner_text = row.text("owner")
        if owner_text:
            owner = self.resolve_party(owner_text, prefer="person")
            if owner is None or owner[0] != "person":
                row.warn(row.column("owner"), "import.owner_not_found", value=owner_text)
            else:
                values["owner_id"] = owner[1]
        if row.has_errors:
            return "rejected"
        created, changed = self._relation(source, target, kind, values)
        if created:
            return "insert"
        return "update" if changed else "unchanged"

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
            changed |= record.set(name, value)
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
            values["notes"] = row.text("notes")
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
        organisation_id = self.state.organisation_by_name.get(key)
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
