"""Meetings that log themselves: importing a calendar export (.ics) into ties and contact logs.

Each past meeting of the file (:mod:`lib.ingest.calendar_file`) with an external attendee the
workspace knows by e-mail sets, or creates, the tie between the staff member who held it (the
organiser when staff, else the one given, else the importing user) and that person, with the meeting's
date as last contact (never moved backwards), and enters the contact log of every open partnership
with an organisation the person works at. Meetings whose every participant is internal (a staff
e-mail, or the library's own mail domain(s)) are skipped, as are private, cancelled, future and
already logged ones; unknown external attendees are offered as new contacts.

The preview and the commit are the same plan (:func:`plan_meetings`): the commit only stores it, as
one import batch that ``lib.ingest.contact_lists.undo_import`` undoes (the inserted ties, people
and contact-log entries go; the last-contact dates it moved come back). Which meetings a batch
logged is kept (hashed UID + date) in the batch's ``mapping``, so a re-import logs nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.core.errors import UserFacingError
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    ContactLogEntry,
    Database,
    ImportBatch,
    ImportChange,
    Partnership,
    PartnershipOrganisation,
    Person,
    Relation,
    get_setting,
    log_event,
)
from lib.ingest.batches import storage_errors_as_refusal
from lib.ingest.calendar_file import Attendee, CalendarFile, LeftOut, Meeting, read_calendar
from lib.ingest.references import email_domain, is_generic_domain
from lib.ingest.state import jsonable
from lib.privacy.markers import erased_email_check

#: ``ImportBatch.mapping["kind"]`` of a calendar import.
CALENDAR_KIND = "calendar"
#: The kind of tie a meeting sets (the tie the contact import calls "kender").
TIE_KIND = "knows"


@dataclass(frozen=True)
class TieChange:
    """A tie the import creates (``before`` None) or whose last contact it moves forward."""

    staff_id: int
    staff_name: str
    person_id: int | None
    person_email: str
    person_name: str
    last_contact: dt.date
    first_contact: dt.date
    relation_id: int | None = None
    before: dt.date | None = None


@dataclass(frozen=True)
class LogEntry:
    """A contact-log entry the import adds: a meeting on a partnership."""

    partnership_id: int
    partnership_title: str
    staff_id: int
    on: dt.date
    note: str
    meeting_key: str


@dataclass(frozen=True)
class NewContact:
    """An unknown external attendee, offered as a new contact (created only when chosen)."""

    email: str
    name: str
    meetings: int
    chosen: bool


@dataclass
class MeetingsPlan:
    """What a calendar import does, the same in the preview and the commit."""

    file_name: str
    calendar: CalendarFile
    logged: list[tuple[Meeting, str]] = field(default_factory=list)  # (meeting, staff name)
    skipped: list[LeftOut] = field(default_factory=list)
    ties: list[TieChange] = field(default_factory=list)
    entries: list[LogEntry] = field(default_factory=list)
    new_contacts: list[NewContact] = field(default_factory=list)
    batch_id: int | None = None

    @property
    def read(self) -> int:
        return self.calendar.read

    @property
    def rejected(self) -> list[LeftOut]:
        return self.calendar.rejected

    def counts(self) -> dict[str, int]:
        """The accounting: read = logged + skipped + rejected."""
        return {
            "read": self.read,
            "logged": len(self.logged),
            "skipped": len(self.skipped),
            "rejected": len(self.rejected),
            "ties_created": sum(1 for tie in self.ties if tie.relation_id is None),
            "ties_updated": sum(1 for tie in self.ties if tie.relation_id is not None),
            "contact_log_entries": len(self.entries),
            "contacts_created": sum(1 for contact in self.new_contacts if contact.chosen),
        }

    def skip_reasons(self) -> dict[str, int]:
        return dict(Counter(item.reason for item in self.skipped))

    def reject_reasons(self) -> dict[str, int]:
        return dict(Counter(item.reason for item in self.rejected))

    def to_json(self) -> dict[str, Any]:
        """What ``python -m lib calendar import --json`` prints."""

        def left_out(item: LeftOut) -> dict[str, Any]:
            return {"summary": item.summary, "date": item.on.isoformat() if item.on else None, "reason": item.reason}

        return {
            **self.counts(),
            "skip_reasons": self.skip_reasons(),
            "reject_reasons": self.reject_reasons(),
            "new_contacts": [
                {"email": c.email, "name": c.name, "meetings": c.meetings, "created": c.chosen}
                for c in self.new_contacts
            ],
            "meetings": [
                {"date": meeting.on.isoformat(), "summary": meeting.summary, "staff": staff, "uid": meeting.uid}
                for meeting, staff in self.logged
            ],
            "skipped_meetings": [left_out(item) for item in self.skipped],
            "rejected_events": [left_out(item) for item in self.rejected],
            "ties": [
                {
                    "staff": tie.staff_name,
                    "person": tie.person_name,
                    "email": tie.person_email,
                    "last_contact": tie.last_contact.isoformat(),
                    "new": tie.relation_id is None,
                }
                for tie in self.ties
            ],
            "contact_log": [
                {"partnership": entry.partnership_title, "date": entry.on.isoformat(), "note": entry.note}
                for entry in self.entries
            ],
            "batch": self.batch_id,
        }


@requires("import")
def import_meetings(
    db: Database,
    file_name: str,
    data: bytes,
    *,
    staff_email: str | None = None,
    create_contacts: Collection[str] | bool = (),
    commit: bool = False,
    actor: str | None = None,
    today: dt.date | None = None,
    calendar: CalendarFile | None = None,
) -> MeetingsPlan:
    """Read an .ics upload and plan its meetings; with ``commit`` store the plan as one import batch.

    ``create_contacts``: the e-mails of unknown attendees to create as contacts (``True``: all of
    them). ``staff_email`` is the staff member of meetings whose organiser is not staff; without it
    the importing user (the session's, else ``actor``), when staff. ``today`` is the workspace's today
    (Copenhagen by default). ``calendar``: ``data`` as :func:`read_meetings` read it before (a page
    keeps it while the choices change), so the file is not read again.
    Raises FileRefused (``calendar.*``) for a file that is not read, UserFacingError
    (``calendar.unknown_staff``) for a ``staff_email`` that is no staff member's.
    """
    if calendar is None:
        calendar = read_meetings(db, data, today=today)
    choices: dict[str, Any] = {"staff_email": staff_email, "create_contacts": create_contacts, "importer": actor}
    if not commit:
        with db.read() as session:
            return plan_meetings(session, file_name, calendar, **choices)
    with storage_errors_as_refusal("a calendar import"), db.write() as session:
        plan = plan_meetings(session, file_name, calendar, **choices)
        _store(session, plan, actor or principal_of(session).actor)
        return plan


@requires("import")
def read_meetings(db: Database, data: bytes, *, today: dt.date | None = None) -> CalendarFile:
    """The meetings of an .ics upload, read in the workspace's time zone as of ``today`` (the
    workspace's today by default): what :func:`import_meetings` plans. Reads nothing of the workspace
    but its time zone; the same bytes and day always give the same file.
    Raises FileRefused (``calendar.*``) for a file that is not read."""
    from lib.workspace.clock import today as today_in
    from lib.workspace.clock import workspace_zone

    tz = workspace_zone(db)
    return read_calendar(data, today or today_in(tz), tz)


@requires("import")
def plan_meetings(
    session: Session,
    file_name: str,
    calendar: CalendarFile,
    *,
    staff_email: str | None = None,
    create_contacts: Collection[str] | bool = (),
    importer: str | None = None,
) -> MeetingsPlan:
    """What importing ``calendar`` would do to the workspace as ``session`` sees it."""
    known = _Workspace(session, staff_email, importer)
    plan = MeetingsPlan(file_name=file_name, calendar=calendar, skipped=list(calendar.skipped))
    logged_before = _logged_keys(session)
    wanted: dict[str, Attendee] = {}
    offered: Counter[str] = Counter()
    pending: list[tuple[Meeting, Person, list[Attendee]]] = []
    for meeting in sorted(calendar.meetings, key=lambda m: (m.on, m.uid)):
        reason, staff, externals = _meeting_verdict(meeting, known, logged_before)
        for attendee in externals:
            if attendee.email not in known.people and not known.erased(attendee.email):
                wanted.setdefault(attendee.email, attendee)
                offered[attendee.email] += 1
        if reason is None and staff is not None:
            pending.append((meeting, staff, externals))
        elif reason is not None:
            plan.skipped.append(LeftOut(meeting.summary, meeting.on, reason))
    chosen = set(wanted) if create_contacts is True else {e.casefold() for e in create_contacts or ()} & set(wanted)
    plan.new_contacts = [
        NewContact(email, wanted[email].name or email, offered[email], email in chosen) for email in sorted(wanted)
    ]
    known.read_affiliations(
        {known.people[a.email].id for _, _, externals in pending for a in externals if a.email in known.people}
    )
    ties: dict[tuple[int, str], TieChange] = {}
    entries: dict[tuple[str, int], LogEntry] = {}
    for meeting, staff, externals in pending:
        people = [a for a in externals if a.email in known.people or a.email in chosen]
        if not people:
            plan.skipped.append(LeftOut(meeting.summary, meeting.on, "no_known_attendee"))
            continue
        plan.logged.append((meeting, staff.name))
        for attendee in people:
            _add_tie(ties, known, staff, attendee, meeting.on)
            for partnership_id, title in known.partnerships_of(attendee.email, meeting.on):
                entries.setdefault(
                    (meeting.key, partnership_id),
                    LogEntry(partnership_id, title, staff.id, meeting.on, meeting.summary, meeting.key),
                )
    plan.ties = [tie for tie in ties.values() if tie.before is None or tie.last_contact > tie.before]
    plan.entries = list(entries.values())
    return plan


def _meeting_verdict(
    meeting: Meeting, known: _Workspace, logged_before: set[str]
) -> tuple[str | None, Person | None, list[Attendee]]:
    """Why ``meeting`` is skipped (None: it is logged), its staff member and its external participants."""
    externals = [a for a in meeting.participants if not known.is_internal(a.email)]
    if meeting.key in logged_before:
        return "already_logged", None, externals
    staff = known.staff_by_email.get(meeting.organiser.email) if meeting.organiser else None
    staff = staff or known.fallback_staff
    if not externals:
        return "internal_only", staff, externals
    if staff is None:
        return "no_staff", None, externals
    return None, staff, externals


def _add_tie(
    ties: dict[tuple[int, str], TieChange], known: _Workspace, staff: Person, attendee: Attendee, on: dt.date
) -> None:
    key = (staff.id, attendee.email)
    previous = ties.get(key)
    if previous is not None:
        ties[key] = replace(
            previous, last_contact=max(previous.last_contact, on), first_contact=min(previous.first_contact, on)
        )
        return
    person = known.people.get(attendee.email)
    relation = known.tie(staff.id, person.id) if person is not None else None
    ties[key] = TieChange(
        staff_id=staff.id,
        staff_name=staff.name,
        person_id=person.id if person is not None else None,
        person_email=attendee.email,
        person_name=person.name if person is not None else (attendee.name or attendee.email),
        last_contact=on if relation is None or relation.last_contact is None else max(on, relation.last_contact),
        first_contact=on,
        relation_id=relation.id if relation is not None else None,
        before=relation.last_contact if relation is not None else None,
    )


#: Ids in one ``IN (...)`` of a query (well below every database's limit of bound values).
_IDS_PER_QUERY = 500


@dataclass(frozen=True)
class _Known:
    """A contact the workspace holds, as the plan needs it: the record's id and name."""

    id: int
    name: str


class _Workspace:
    """What the plan needs of the workspace, read once: staff, people by e-mail, ties, partnerships."""

    def __init__(self, session: Session, staff_email: str | None, importer: str | None) -> None:
        self.session = session
        staff = list(session.scalars(select(Person).where(Person.is_staff.is_(True))))
        self.staff_by_email = {p.email.casefold(): p for p in staff if p.email}
        self.internal_domains = {
            email_domain(email) for email in self.staff_by_email if not is_generic_domain(email_domain(email))
        }
        library_email = get_setting(session, "library_email")
        if library_email and "@" in library_email:
            self.internal_domains.add(email_domain(library_email.strip()))
        self.fallback_staff: Person | None = None
        if staff_email:
            self.fallback_staff = self.staff_by_email.get(staff_email.strip().casefold())
            if self.fallback_staff is None:
                raise UserFacingError("calendar.unknown_staff", email=staff_email)
        else:
            actor = principal_of(session).email or importer
            self.fallback_staff = self.staff_by_email.get(actor.strip().casefold()) if actor else None
        # Columns, not records: every contact of a big workspace is read, and only these four are used.
        self.people: dict[str, _Known] = {}
        rows = session.execute(
            select(Person.id, Person.name, Person.email, Person.other_emails)
            .where(Person.is_staff.is_(False))
            .order_by(Person.id)
        )
        for person_id, name, email, other_emails in rows:
            known = _Known(person_id, name)
            for address in (email, *(other_emails if isinstance(other_emails, list) else ())):
                if isinstance(address, str) and address:
                    self.people.setdefault(address.casefold(), known)
        self.erased = erased_email_check(session) or (lambda _email: False)
        self._ties: dict[tuple[int, int], Relation] | None = None
        self._partnerships: dict[int, list[tuple[int, str]]] | None = None
        self._affiliations: dict[int, list[tuple[int, dt.date | None, dt.date | None]]] | None = None

    def is_internal(self, email: str) -> bool:
        return email in self.staff_by_email or email_domain(email) in self.internal_domains

    def tie(self, staff_id: int, person_id: int) -> Relation | None:
        if self._ties is None:
            self._ties = {}
            staff_ids = [p.id for p in self.staff_by_email.values()]
            query = select(Relation).where(
                Relation.kind == TIE_KIND,
                or_(Relation.from_person_id.in_(staff_ids), Relation.to_person_id.in_(staff_ids)),
                Relation.from_person_id.is_not(None),
                Relation.to_person_id.is_not(None),
            )
            staff_set = set(staff_ids)
            for relation in self.session.scalars(query.order_by(Relation.id)):
                assert relation.from_person_id is not None and relation.to_person_id is not None
                ends = (relation.from_person_id, relation.to_person_id)
                for mine, theirs in (ends, ends[::-1]):
                    if mine in staff_set:
                        self._ties.setdefault((mine, theirs), relation)
        return self._ties.get((staff_id, person_id))

    def read_affiliations(self, person_ids: Collection[int]) -> None:
        """Read the affiliations of ``person_ids`` (the people the meetings met), not every one held."""
        self._affiliations = {}
        ids = sorted(person_ids)
        for start in range(0, len(ids), _IDS_PER_QUERY):
            query = select(
                Affiliation.person_id, Affiliation.organisation_id, Affiliation.start_date, Affiliation.end_date
            ).where(Affiliation.person_id.in_(ids[start : start + _IDS_PER_QUERY]))
            for row in self.session.execute(query.order_by(Affiliation.id)):
                self._affiliations.setdefault(row.person_id, []).append(
                    (row.organisation_id, row.start_date, row.end_date)
                )

    def partnerships_of(self, email: str, on: dt.date) -> list[tuple[int, str]]:
        """The open partnerships with an organisation ``email``'s person worked at on ``on``."""
        person = self.people.get(email)
        if person is None:
            return []
        if self._affiliations is None:
            self.read_affiliations({person.id})
        assert self._affiliations is not None
        if self._partnerships is None:
            self._partnerships = {}
            query = (
                select(PartnershipOrganisation.organisation_id, Partnership.id, Partnership.title)
                .join(Partnership, Partnership.id == PartnershipOrganisation.partnership_id)
                .where(Partnership.closed.is_(False))
                .order_by(Partnership.id)
            )
            for organisation_id, partnership_id, title in self.session.execute(query):
                self._partnerships.setdefault(organisation_id, []).append((partnership_id, title))
        found: dict[int, str] = {}
        for organisation_id, start, end in self._affiliations.get(person.id, []):
            if (start is None or start <= on) and (end is None or end >= on):
                for partnership_id, title in self._partnerships.get(organisation_id, []):
                    found.setdefault(partnership_id, title)
        return sorted(found.items())


def _logged_keys(session: Session) -> set[str]:
    """The meetings committed calendar imports logged (undone ones do not count)."""
    keys: set[str] = set()
    for mapping in session.scalars(select(ImportBatch.mapping).where(ImportBatch.status == "committed")):
        if isinstance(mapping, dict) and mapping.get("kind") == CALENDAR_KIND:
            keys.update(str(key) for key in mapping.get("meetings", []))
    return keys


def _store(session: Session, plan: MeetingsPlan, actor: str | None) -> None:
    """Store ``plan`` as one import batch (inside the caller's write)."""
    if not plan.logged and not any(contact.chosen for contact in plan.new_contacts):
        return
    counts = plan.counts()
    batch = ImportBatch(
        actor=actor,
        file_name=plan.file_name[:500],
        sheet_name=plan.calendar.name,
        counts={
            "total": {
                "rows": counts["read"],
                "inserted": counts["logged"],
                "skipped": counts["skipped"],
                "rejected": counts["rejected"],
            },
            CALENDAR_KIND: counts,
        },
        mapping={"kind": CALENDAR_KIND, "meetings": sorted({meeting.key for meeting, _ in plan.logged})},
    )
    session.add(batch)
    session.flush()
    created: dict[str, Person] = {}
    for contact in plan.new_contacts:
        if contact.chosen:
            person = Person(
                name=contact.name[:300], name_key=name_key(contact.name), email=contact.email, batch_id=batch.id
            )
            person.source = f"calendar: {plan.file_name}"[:300]
            session.add(person)
            created[contact.email] = person
    session.flush()
    for tie in plan.ties:
        person_id = tie.person_id if tie.person_id is not None else created[tie.person_email].id
        if tie.relation_id is None:
            session.add(
                Relation(
                    kind=TIE_KIND,
                    from_person_id=tie.staff_id,
                    to_person_id=person_id,
                    owner_id=tie.staff_id,
                    first_contact=tie.first_contact,
                    last_contact=tie.last_contact,
                    batch_id=batch.id,
                )
            )
            continue
        relation = session.get(Relation, tie.relation_id)
        assert relation is not None
        session.add(
            ImportChange(
                batch_id=batch.id,
                table_name="relations",
                record_id=relation.id,
                action="update",
                before=jsonable({"last_contact": relation.last_contact}),
            )
        )
        relation.last_contact = tie.last_contact
    for entry in plan.entries:
        session.add(
            ContactLogEntry(
                partnership_id=entry.partnership_id,
                contacted_on=entry.on,
                staff_id=entry.staff_id,
                channel="meeting",
                note=entry.note,
                batch_id=batch.id,
            )
        )
    session.flush()
    plan.batch_id = batch.id
    log_event(
        session,
        "calendar_imported",
        entity="import_batch",
        entity_id=batch.id,
        actor=actor,
        files=plan.file_name,
        rows=counts["read"],
        relations=len(plan.ties),
        contact_log=len(plan.entries),
        people=counts["contacts_created"],
    )


@requires("import")
def staff_for_meetings(db: Database) -> list[tuple[str, str]]:
    """(name, e-mail) of every staff member with an e-mail, by name: the choice of who held meetings an
    outsider organised (the import page)."""
    with db.read() as session:
        rows = session.execute(
            select(Person.name, Person.email)
            .where(Person.is_staff.is_(True), Person.email.is_not(None))
            .order_by(Person.name)
        )
        return [(name, email) for name, email in rows if email]
