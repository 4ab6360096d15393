"""The staff network survey's answers as personal data (``lib.planning.staff_survey``): a staff member's
own invitation and answers, and the answers in which others named them (by record, or as a new person
by e-mail), in their export; erasing a person takes them out of everyone's answers."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.db import Person, StaffSurvey, StaffSurveyInvitation


def _names(entry: Any, person_ids: Collection[int], emails: Collection[str]) -> bool:
    """Whether a survey entry names one of ``person_ids`` or, as a new person, one of ``emails``."""
    if not isinstance(entry, Mapping):
        return False
    ref = str(entry.get("ref") or "")
    if ref.startswith("p") and ref[1:].isdigit() and int(ref[1:]) in person_ids:
        return True
    email = str(entry.get("email") or "").strip().casefold()
    return bool(email) and email in emails


def _survey_part(session: Session, person_id: int, emails: Collection[str]) -> list[dict[str, Any]]:
    """Their own invitations with their answers, then every answer of a colleague that names them."""
    rows: list[dict[str, Any]] = []
    query = (
        select(StaffSurveyInvitation, StaffSurvey.created_at, Person.name)
        .join(StaffSurvey, StaffSurvey.id == StaffSurveyInvitation.survey_id)
        .join(Person, Person.id == StaffSurveyInvitation.person_id)
        .order_by(StaffSurveyInvitation.id)
    )
    wanted = {e.casefold() for e in emails}
    for record, started, name in session.execute(query):
        common = {"survey_started": started, "submitted_at": record.submitted_at, "status": record.status}
        if record.person_id == person_id:
            rows.append(
                {
                    **common,
                    "named_by": None,
                    "expires_at": record.expires_at,
                    "revoked_at": record.revoked_at,
                    "answers": list(record.answers or []),
                }
            )
            continue
        named = [e for e in record.answers or [] if _names(e, {person_id}, wanted)]
        if named:
            rows.append({**common, "named_by": name, "expires_at": None, "revoked_at": None, "answers": named})
    return rows


def _erase_mentions(session: Session, person_ids: Collection[int], emails: Collection[str]) -> int:
    """Take the entries naming ``person_ids`` (or their ``emails``) out of every survey answer; how many
    answers changed. Their own invitations go with their person record (``ondelete``)."""
    wanted = {e.casefold() for e in emails}
    changed = 0
    for record in session.scalars(select(StaffSurveyInvitation).where(StaffSurveyInvitation.answers.is_not(None))):
        kept = [e for e in record.answers or [] if not _names(e, person_ids, wanted)]
        if len(kept) != len(record.answers or []):
            record.answers = kept
            changed += 1
    session.flush()
    return changed
