"""Contact and staff rows: matching a person by e-mail or name, mailboxes, affiliations, near duplicates.

The people half of :class:`lib.ingest.rows.RowReader` (the matching rules are in :mod:`lib.ingest.rows`).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from rapidfuzz import fuzz, process

from lib.core import normalize
from lib.core.errors import ValidationFailed
from lib.core.text import CACHED_TEXT_LENGTH
from lib.db import Affiliation, Organisation, Person
from lib.db.text_limits import too_long
from lib.ingest.references import (
    has_letters,
    is_role_mailbox,
    name_from_email,
)
from lib.ingest.row_records import (
    MAX_REVIEW_PER_NAME,
    NEAR_DUPLICATE_SCORE,
    OVERWRITE,
    _address_in,
    _cut,
    _name_beside,
    _name_is_placeholder,
    _RecordRows,
    _unreadable_identity,
)
from lib.ingest.row_values import RowValues
from lib.ingest.state import Party, Record, ReviewPair
from lib.library.setup import role_code


class _PeopleRows(_RecordRows):
    """Reading contact and staff rows."""

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
        if self.refuses_ambiguous_first_name(row, ("owner",)):
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
        """The organisations the row names, each once (by folded name), in order."""
        raws = tuple(raw for _column, raw in row.raw("organisation"))
        if all(type(raw) is str and len(raw) <= CACHED_TEXT_LENGTH for raw in raws):  # noqa: E721 - exact str
            # A register names the same organisations on many rows: worked out once per distinct cell.
            return list(_organisation_names_in(raws))
        return list(_organisation_names_in.__wrapped__(raws))

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
        self.state.index_first_word(key)
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
        if person_id is None and name and not email:
            person_id, several = self.staff_by_first_name(row, column, name)
            if several:
                return None, False
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

    def staff_by_first_name(self, row: RowValues, column: str, text: str) -> tuple[int | None, bool]:
        """The one staff member whose first name a one-word reference is ("Peter" is Peter Skov).

        Returns (person id, False) with a warning that says who the word was read as; (None, True)
        when several staff members have that first name (the caller refuses the row or makes no
        tie, never a new staff member); (None, False) for a reference of more words, or no match.
        """
        key = normalize.name_key(text)
        if not key or " " in key:
            return None, False
        found = self.state.staff_by_first_name(key)
        if len(found) == 1:
            row.warn(column, "import.staff_first_name", value=text, name=self.state.people[found[0]].values["name"])
            return found[0], False
        return None, len(found) > 1

    def refuses_ambiguous_first_name(self, row: RowValues, fields: tuple[str, ...]) -> bool:
        """Refuse the row (True) when one of ``fields`` is a first name several staff members have and
        no one's whole name: checked before the row creates anything."""
        for field_name in fields:
            text = row.text(field_name)
            key = normalize.name_key(text) if text else ""
            if not key or " " in key or "@" in key or self.state.people_by_name.get(key):
                continue
            found = self.state.staff_by_first_name(key)
            if len(found) > 1:
                names = sorted(self.state.people[i].values["name"] for i in found)
                row.reject(
                    row.column(field_name), "import.staff_first_name_ambiguous", value=text, names=", ".join(names)
                )
                return True
        return False

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
        found = staff or ids
        return found[0] if found else None


@functools.lru_cache(maxsize=16_384)
def _organisation_names_in(raws: tuple[object, ...]) -> tuple[str, ...]:
    """The organisation names in a row's organisation cells: split, cleaned, a repeat (same folded
    name) left out. Cached by :meth:`_PeopleRows._organisation_names` for cells of ordinary text."""
    names: list[str] = []
    keys: set[str] = set()
    for raw in raws:
        for part in normalize.split_multi(raw, "organisation"):
            text = normalize.clean_text(part)
            if text and (key := normalize.name_key(text)) not in keys:
                keys.add(key)
                names.append(text)
    return tuple(names)
