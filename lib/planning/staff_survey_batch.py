"""A staff member's survey answers as an import: preview, commit, reject, undo (issue 18, item 2).

The preview and the commit are the same plan (:func:`plan_submission`), like a calendar import
(``lib.ingest.calendar_meetings``):

* a new person named with an e-mail someone already has is that person (the same duplicate rule as
  the contact import); a new person with a name like someone's is offered as a possible duplicate
  (stored for review as a :class:`~lib.db.DuplicateCandidate`), never merged;
* a new person with the e-mail of someone erased on request is left out (as every import does);
* an organisation given by a name the workspace knows is that organisation, else a new one;
* a tie staff member → person/organisation is new, or the existing one's strength, last contact and
  role (its notes) change; each colleague named gets a tie to them too, unless they have one.

The commit stores the plan as one import batch, so ``lib.ingest.contact_lists.undo_import`` (the
import page's undo as well as :func:`undo_submission`) restores exactly what was there before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lib.core.access import principal_of, requires
from lib.core.errors import UserFacingError
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    Database,
    DuplicateCandidate,
    ImportBatch,
    ImportChange,
    Organisation,
    OrganisationAlias,
    Person,
    Relation,
    StaffSurveyInvitation,
    log_event,
    utcnow,
)
from lib.ingest.batches import storage_errors_as_refusal
from lib.ingest.contact_lists import undo_import
from lib.ingest.state import jsonable
from lib.planning.staff_survey import ENTITY, Entry, month_date, status_of
from lib.privacy.markers import erased_email_check
from lib.workspace import editing

#: ``ImportBatch.mapping["kind"]`` of a committed survey submission.
SURVEY_KIND = "staff_survey"
#: The kind of tie an answer sets.
TIE_KIND = "knows"
#: What a person made from an answer has as ``source``.
PERSON_SOURCE = "Hvem kender du?"
#: How close a name must be to be offered as a possible duplicate (as the contact import).
NEAR_DUPLICATE_SCORE = 90.0


@dataclass(frozen=True)
class NewPerson:
    key: str  # "n0", "n1" … within the plan
    name: str
    email: str | None
    organisation: str


@dataclass(frozen=True)
class PossibleDuplicate:
    new_key: str
    new_name: str
    existing_id: int
    existing_name: str
    rule: str
    score: float


@dataclass(frozen=True)
class Tie:
    """A tie the commit creates (``relation_id`` None) or changes (``before``: its values now)."""

    staff_id: int
    staff_name: str
    target: str  # "p12", "o7", or a new one's key "n0" / "m0"
    target_name: str
    strength: int | None
    last_contact: dt.date | None
    role: str
    relation_id: int | None = None
    before: dict[str, Any] | None = None
    colleague: bool = False


@dataclass
class SubmissionPlan:
    """What committing a submission does, the same in the preview and the commit."""

    invitation_id: int
    staff_name: str
    new_people: list[NewPerson] = field(default_factory=list)
    new_organisations: dict[str, str] = field(default_factory=dict)  # key "m0" → name
    duplicates: list[PossibleDuplicate] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    same_by_email: list[tuple[str, str]] = field(default_factory=list)  # (name given, person's name)
    affiliations: list[tuple[str, str]] = field(default_factory=list)  # (person key, org ref "o7"/"m0")
    left_out: list[str] = field(default_factory=list)  # names of people erased on request
    batch_id: int | None = None

    @property
    def new_ties(self) -> list[Tie]:
        return [tie for tie in self.ties if tie.relation_id is None]

    @property
    def changed_ties(self) -> list[Tie]:
        return [tie for tie in self.ties if tie.relation_id is not None]

    def counts(self) -> dict[str, int]:
        return {
            "people_created": len(self.new_people),
            "organisations_created": len(self.new_organisations),
            "ties_created": len(self.new_ties),
            "ties_updated": len(self.changed_ties),
            "possible_duplicates": len(self.duplicates),
        }


def _relation(session: Session, one: int, target: str) -> Relation | None:
    """The existing "knows" tie between staff member ``one`` and ``target`` ("p12"/"o7"), if any."""
    other = int(target[1:])
    if target.startswith("o"):
        ends = or_(
            (Relation.from_person_id == one) & (Relation.to_organisation_id == other),
            (Relation.from_organisation_id == other) & (Relation.to_person_id == one),
        )
    else:
        ends = or_(
            (Relation.from_person_id == one) & (Relation.to_person_id == other),
            (Relation.from_person_id == other) & (Relation.to_person_id == one),
        )
    return session.scalars(select(Relation).where(Relation.kind == TIE_KIND, ends).order_by(Relation.id)).first()


class _Known:
    """What the plan looks up in the workspace: people by e-mail, organisations by name, names."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_email: dict[str, Person] = {}
        for person in session.scalars(select(Person).where(Person.email.is_not(None))):
            for email in (person.email, *(person.other_emails or [])):
                if isinstance(email, str) and email:
                    self.by_email.setdefault(email.casefold(), person)
        self.orgs: dict[str, int] = {}
        for org_id, key in session.execute(select(Organisation.id, Organisation.name_key).order_by(Organisation.id)):
            self.orgs.setdefault(str(key), int(org_id))
        for org_id, key in session.execute(select(OrganisationAlias.organisation_id, OrganisationAlias.name_key)):
            self.orgs.setdefault(str(key), int(org_id))
        self.erased = erased_email_check(session) or (lambda _email: False)
        self.names: dict[str, list[tuple[int, str, bool]]] = {}
        for pid, name, key, email in session.execute(select(Person.id, Person.name, Person.name_key, Person.email)):
            self.names.setdefault(str(key), []).append((int(pid), str(name), bool(email)))

    def similar(self, key: str, has_email: bool) -> list[tuple[int, str, float]]:
        """People whose name is the same as or close to ``key``; a pair is offered only when one side
        has no e-mail (two people with different e-mails are two people)."""
        from rapidfuzz import fuzz, process  # (only when a new person is named)

        found: list[tuple[int, str, float]] = []
        if len(key) < 4:
            return found
        for other, score, _pos in process.extract(
            key, list(self.names), scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_SCORE, limit=5
        ):
            for pid, name, other_email in self.names[other]:
                if not (has_email and other_email):
                    found.append((pid, name, float(score)))
        return found[:5]


def _name_of(session: Session, ref: str) -> str | None:
    if ref.startswith("o"):
        org = session.get(Organisation, int(ref[1:]))
        return org.name if org is not None else None
    person = session.get(Person, int(ref[1:]))
    return person.name if person is not None else None


@requires("import")
def plan_submission(session: Session, invitation_id: int) -> SubmissionPlan:
    """What committing the invitation's pending answers would do to the workspace as ``session`` sees it."""
    record = editing.existing(session, StaffSurveyInvitation, invitation_id, "staff_survey.no_such_invitation")
    staff = session.get(Person, record.person_id)
    assert staff is not None
    plan = SubmissionPlan(invitation_id, staff.name)
    known = _Known(session)
    staff_names = {
        int(i): str(n) for i, n in session.execute(select(Person.id, Person.name).where(Person.is_staff.is_(True)))
    }
    new_orgs: dict[str, str] = {}  # name key → plan key
    new_people: dict[str, str] = {}  # e-mail or name key → plan key
    planned: dict[tuple[int, str], Tie] = {}
    for data in record.answers or []:
        entry = Entry.from_json(data)
        target, name = _target(session, plan, known, entry, new_orgs, new_people)
        if target is None:
            continue
        _plan_tie(session, planned, record.person_id, staff.name, target, name, entry, colleague=False)
        for colleague in entry.colleagues:
            if colleague in staff_names and colleague != record.person_id:
                _plan_tie(session, planned, colleague, str(staff_names[colleague]), target, name, None, colleague=True)
    plan.ties = list(planned.values())
    return plan


def _target(
    session: Session,
    plan: SubmissionPlan,
    known: _Known,
    entry: Entry,
    new_orgs: dict[str, str],
    new_people: dict[str, str],
) -> tuple[str | None, str]:
    """The ref of whom ``entry`` names ("p12", "o7", or a new one's plan key) and their name."""
    if entry.ref != "new":
        name = _name_of(session, entry.ref)
        return (entry.ref, name) if name is not None else (None, "")
    org_ref: str | None = None
    if entry.organisation:
        key = name_key(entry.organisation)
        if key in known.orgs:
            org_ref = f"o{known.orgs[key]}"
        elif key in new_orgs:
            org_ref = new_orgs[key]
        else:
            org_ref = new_orgs[key] = f"m{len(plan.new_organisations)}"
            plan.new_organisations[org_ref] = entry.organisation
    if not entry.name:
        return org_ref, entry.organisation
    email = entry.email.casefold() or None
    if email and email not in known.by_email and known.erased(email):
        plan.left_out.append(entry.name)  # erased on request: never brought back by an answer
        return None, ""
    if email and email in known.by_email:
        person = known.by_email[email]
        plan.same_by_email.append((entry.name, person.name))
        return f"p{person.id}", person.name
    person_key = email or name_key(entry.name)
    if person_key in new_people:
        return new_people[person_key], entry.name
    key = f"n{len(plan.new_people)}"
    new_people[person_key] = key
    plan.new_people.append(NewPerson(key, entry.name, email, entry.organisation))
    if org_ref is not None:
        plan.affiliations.append((key, org_ref))
    for pid, other, score in known.similar(name_key(entry.name), bool(email)):
        rule = "same_name" if score >= 100 else "similar_name"
        plan.duplicates.append(PossibleDuplicate(key, entry.name, pid, other, rule, score))
    return key, entry.name


def _plan_tie(
    session: Session,
    planned: dict[tuple[int, str], Tie],
    staff_id: int,
    staff_name: str,
    target: str,
    name: str,
    entry: Entry | None,
    *,
    colleague: bool,
) -> None:
    if (staff_id, target) in planned:
        return
    existing = _relation(session, staff_id, target) if target[0] in "po" else None
    if entry is None:  # a colleague named as also working with them: a tie when they have none
        if existing is None and not (target.startswith("p") and int(target[1:]) == staff_id):
            planned[(staff_id, target)] = Tie(staff_id, staff_name, target, name, None, None, "", colleague=True)
        return
    last = month_date(entry.last_contact)
    if existing is None:
        planned[(staff_id, target)] = Tie(staff_id, staff_name, target, name, entry.strength, last, entry.role)
        return
    before: dict[str, Any] = {
        "strength": existing.strength,
        "last_contact": existing.last_contact,
        "notes": existing.notes,
    }
    strength = entry.strength if entry.strength is not None else existing.strength
    moved = last is not None and (
        existing.last_contact is None or existing.last_contact.strftime("%Y-%m") != entry.last_contact
    )
    last_contact = last if moved else existing.last_contact
    notes = entry.role if entry.role else existing.notes
    if (strength, last_contact, notes) != (existing.strength, existing.last_contact, existing.notes):
        planned[(staff_id, target)] = Tie(
            staff_id,
            staff_name,
            target,
            name,
            strength,
            last_contact,
            notes or "",
            relation_id=existing.id,
            before=before,
            colleague=colleague,
        )


@requires("import")
def preview(db: Database, invitation_id: int) -> SubmissionPlan:
    """:func:`plan_submission` in its own read."""
    with db.read() as session:
        return plan_submission(session, invitation_id)


def _pending(session: Session, invitation_id: int) -> StaffSurveyInvitation:
    record = editing.existing(session, StaffSurveyInvitation, invitation_id, "staff_survey.no_such_invitation")
    if status_of(session, record) != "pending":
        raise UserFacingError("staff_survey.not_pending")
    return record


@requires("import")
def commit_submission(db: Database, invitation_id: int, actor: str | None = None) -> SubmissionPlan:
    """Store the pending answers as one import batch (undone by ``undo_import``); the plan, with its batch."""
    with storage_errors_as_refusal("a staff survey submission"), db.write() as session:
        record = _pending(session, invitation_id)
        plan = plan_submission(session, invitation_id)
        who = actor or principal_of(session).actor
        _store(session, plan, who)
        record.status = "committed"
        record.batch_id = plan.batch_id
        record.decided_at = utcnow()
        return plan


def _store(session: Session, plan: SubmissionPlan, actor: str | None) -> None:
    counts = plan.counts()
    batch = ImportBatch(
        actor=actor,
        file_name=f"{PERSON_SOURCE} – {plan.staff_name}"[:500],
        counts={
            "total": {"rows": len(plan.ties), "inserted": counts["ties_created"], "updated": counts["ties_updated"]},
            SURVEY_KIND: counts,
        },
        mapping={"kind": SURVEY_KIND, "invitation": plan.invitation_id},
    )
    session.add(batch)
    session.flush()
    made: dict[str, tuple[str, int]] = {}
    for key, name in plan.new_organisations.items():
        org = Organisation(name=name[:300], name_key=name_key(name), source=PERSON_SOURCE, batch_id=batch.id)
        session.add(org)
        session.flush()
        made[key] = ("o", org.id)
    for new in plan.new_people:
        person = Person(
            name=new.name[:300], name_key=name_key(new.name), email=new.email, source=PERSON_SOURCE, batch_id=batch.id
        )
        session.add(person)
        session.flush()
        made[new.key] = ("p", person.id)
    for person_key, org_ref in plan.affiliations:
        org_id = made[org_ref][1] if org_ref in made else int(org_ref[1:])
        session.add(Affiliation(person_id=made[person_key][1], organisation_id=org_id, batch_id=batch.id))
    for dup in plan.duplicates:
        session.add(
            DuplicateCandidate(
                person_a_id=dup.existing_id,
                person_b_id=made[dup.new_key][1],
                rule=dup.rule,
                score=dup.score,
                batch_id=batch.id,
            )
        )
    for tie in plan.ties:
        kind, target_id = made[tie.target] if tie.target in made else (tie.target[0], int(tie.target[1:]))
        if tie.relation_id is None:
            session.add(
                Relation(
                    kind=TIE_KIND,
                    from_person_id=tie.staff_id,
                    to_person_id=target_id if kind == "p" else None,
                    to_organisation_id=target_id if kind == "o" else None,
                    owner_id=tie.staff_id,
                    strength=tie.strength,
                    last_contact=tie.last_contact,
                    notes=tie.role or None,
                    batch_id=batch.id,
                )
            )
            continue
        relation = session.get(Relation, tie.relation_id)
        assert relation is not None and tie.before is not None
        session.add(
            ImportChange(
                batch_id=batch.id,
                table_name="relations",
                record_id=relation.id,
                action="update",
                before=jsonable(tie.before),
            )
        )
        relation.strength, relation.last_contact, relation.notes = tie.strength, tie.last_contact, tie.role or None
    session.flush()
    plan.batch_id = batch.id
    log_event(session, "staff_survey_committed", entity="import_batch", entity_id=batch.id, actor=actor, **counts)


@requires("import")
def reject_submission(db: Database, invitation_id: int, actor: str | None = None) -> None:
    """Store nothing of the pending answers (they stay, rejected, until the staff member corrects them)."""
    with db.write() as session:
        record = _pending(session, invitation_id)
        record.status = "rejected"
        record.decided_at = utcnow()
        log_event(session, "staff_survey_rejected", entity=ENTITY, entity_id=record.survey_id, actor=actor)


@requires("import")
def undo_submission(db: Database, invitation_id: int, actor: str | None = None) -> dict[str, int]:
    """Undo a committed submission's batch exactly (``undo_import``); the answers are pending again."""
    with db.read() as session:
        record = editing.existing(session, StaffSurveyInvitation, invitation_id, "staff_survey.no_such_invitation")
        batch_id = record.batch_id if status_of(session, record) == "committed" else None
    if batch_id is None:
        raise UserFacingError("staff_survey.not_committed")
    restored = undo_import(db, batch_id, actor)
    with db.write() as session:
        record = editing.existing(session, StaffSurveyInvitation, invitation_id, "staff_survey.no_such_invitation")
        record.status, record.batch_id, record.decided_at = "pending", None, None
    return restored


# --- what the page shows --------------------------------------------------------------------------

#: The preview's tables and their columns.
PREVIEW_COLUMNS: dict[str, tuple[str, ...]] = {
    "new_people": ("person", "email", "organisation"),
    "new_organisations": ("organisation",),
    "duplicates": ("person", "existing", "score"),
    "same_by_email": ("person", "existing"),
    "new_ties": ("staff", "target", "strength", "last_contact", "role"),
    "changed_ties": ("staff", "target", "before", "strength", "last_contact", "role"),
    "left_out": ("person",),
}


def _before_text(before: dict[str, Any] | None) -> str:
    if not before:
        return ""
    parts = [str(before["strength"]) if before.get("strength") is not None else "–"]
    if before.get("last_contact") is not None:
        parts.append(before["last_contact"].strftime("%Y-%m"))
    return " · ".join(parts)


def plan_frames(plan: SubmissionPlan) -> dict[str, Any]:
    """The preview as tables (:data:`PREVIEW_COLUMNS`), each a DataFrame, for the page."""
    import pandas as pd

    def tie_row(tie: Tie) -> dict[str, Any]:
        return {
            "staff": tie.staff_name,
            "target": tie.target_name,
            "before": _before_text(tie.before),
            "strength": tie.strength,
            "last_contact": tie.last_contact.strftime("%Y-%m") if tie.last_contact else None,
            "role": tie.role,
        }

    rows: dict[str, list[dict[str, Any]]] = {
        "new_people": [{"person": p.name, "email": p.email, "organisation": p.organisation} for p in plan.new_people],
        "new_organisations": [{"organisation": name} for name in plan.new_organisations.values()],
        "duplicates": [
            {"person": d.new_name, "existing": d.existing_name, "score": round(d.score)} for d in plan.duplicates
        ],
        "same_by_email": [{"person": given, "existing": known} for given, known in plan.same_by_email],
        "new_ties": [tie_row(tie) for tie in plan.new_ties],
        "changed_ties": [tie_row(tie) for tie in plan.changed_ties],
        "left_out": [{"person": name} for name in plan.left_out],
    }
    return {name: pd.DataFrame(rows[name], columns=list(columns)) for name, columns in PREVIEW_COLUMNS.items()}
