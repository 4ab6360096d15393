"""A person entered by hand on the contacts page: the person, a staff member's team and role, and the
organisation they belong to, stored in one transaction (all or nothing).

It lives in ``lib.ingest`` because it joins ``lib.contacts`` (the person, the affiliation) and
``lib.library`` (a staff member's team and role), which may not import each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from lib import contacts
from lib.core.access import requires
from lib.library.staff import update_staff

#: The add form's fields that are not the person's own.
_NOT_PERSON_FIELDS = ("org", "team", "staff_role")


def _chosen(value: Any) -> Any:
    """None for a blank choice ("" is a selectbox's "nothing chosen")."""
    return None if value in (None, "") else value


@requires("edit")
def create_person_from_form(session: Session, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Add a person, with their team and role when they are staff and their affiliation when the form
    names an organisation ("org": its id); returns the person's id."""
    person_values = {name: value for name, value in values.items() if name not in _NOT_PERSON_FIELDS}
    person_values["is_staff"] = bool(values.get("is_staff"))
    staff_values = {"team": values.get("team"), "staff_role": _chosen(values.get("staff_role"))}
    person_id = contacts.create_person(session, person_values, actor=actor)
    if person_values["is_staff"] and any(staff_values.values()):
        update_staff(session, {person_id: staff_values}, actor=actor)
    org_id = _chosen(values.get("org"))
    if org_id is not None:
        contacts.add_affiliation(session, person_id, org_id, actor=actor)
    return person_id
