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

from typing import Any

from lib.core import normalize, vocabulary
from lib.db import Affiliation, Organisation, Person, Relation
from lib.ingest.references import (
    has_letters,
    looks_like_organisation,
    name_from_email,
)
from lib.ingest.row_people import _PeopleRows
from lib.ingest.row_records import (
    DIRECTION_WORDS,
    FILL_EMPTY,
    MAX_REVIEW_PER_NAME,
    NEAR_DUPLICATE_SCORE,
    NO_SECTOR_WORDS,
    OVERWRITE,
    UPDATE_MODES,
    NameBlocks,
    Referenced,
    _address_in,
    _is_organisation_type,
    _is_staff_type,
    _name_beside,
    _NewParty,
)
from lib.ingest.row_values import QUOTED_LENGTH, Problem, RowValues, shortened

__all__ = [
    "DIRECTION_WORDS",
    "FILL_EMPTY",
    "MAX_REVIEW_PER_NAME",
    "NEAR_DUPLICATE_SCORE",
    "NO_SECTOR_WORDS",
    "OVERWRITE",
    "QUOTED_LENGTH",
    "UPDATE_MODES",
    "NameBlocks",
    "Problem",
    "Referenced",
    "RowReader",
    "RowValues",
    "shortened",
]
from lib.ingest.state import Party


class RowReader(_PeopleRows):
    """Reads rows of every role into one working state; refs are shared across the batch's sheets.

    ``create_referenced`` and ``update_mode`` are the current sheet's settings (the importer sets
    them before each sheet).
    """

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
        if self.refuses_ambiguous_first_name(row, ("from", "to", "owner")):
            return "rejected"
        source: Party | _NewParty | None = self.resolve_party(source_text) or self._staff_end(row, "from", source_text)
        source = source or self._plan_party(row, "from", source_text)
        if source is None:
            return "rejected"
        target: Party | _NewParty | None = self.resolve_party(target_text) or self._staff_end(row, "to", target_text)
        target = target or self._plan_party(row, "to", target_text)
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

    def _staff_end(self, row: RowValues, field_name: str, text: str) -> Party | None:
        """The staff member a one-word end of a tie is the first name of, when just one is."""
        person_id, _several = self.staff_by_first_name(row, row.column(field_name), text)
        return ("person", person_id) if person_id is not None else None

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
