"""A contact registered on a tie between two records (a tie going cold, on the network page or in
"Mine opgaver"): the tie's last contact moves to that day.

Both ends are network node ids (``"P12"`` a person, ``"O3"`` an organisation, see
:mod:`lib.network.nodes`); every stored relation between the two records, whichever way it was
recorded and of whatever kind, gets the day as its last contact, never an earlier day than it had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, or_, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import Relation, log_event
from lib.network.graph import record_id


@requires("edit")
def register_tie_contact(session: Session, ends: Sequence[str], on: dt.date, actor: str | None = None) -> None:
    """Register that the two records of ``ends`` were in contact on ``on``.

    Raises :class:`~lib.core.errors.ValidationFailed` (``tasks.not_a_contact``) when an end is not a
    person or an organisation (the library, a made-up id), and ``tasks.tie_gone`` when no relation
    joins the two any longer (deleted meanwhile) or every one already has a later contact.
    """
    pair = tuple(str(node) for node in ends)
    if len(pair) != 2 or not all(node[:1] in ("P", "O") and record_id(node) is not None for node in pair):
        raise ValidationFailed("tasks.not_a_contact", field="ends", value=list(pair))
    touched: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        update(Relation)
        .where(_between(pair), or_(Relation.last_contact.is_(None), Relation.last_contact < on))
        .values(last_contact=on)
        .execution_options(synchronize_session=False)
    )
    if not touched.rowcount:
        raise ValidationFailed("tasks.tie_gone", field="ends", value=list(pair))
    log_event(
        session,
        "tie_contact_registered",
        entity="relation",
        entity_id=None,
        actor=actor,
        ends=list(pair),
        contacted_on=on,
    )


def _between(ends: Sequence[str]) -> Any:
    """Relations of any kind whose two ends are the two records of ``ends`` (either direction)."""
    a, b = ends

    def side(node: str, person: Any, organisation: Any) -> Any:
        column = person if node.startswith("P") else organisation
        return column == record_id(node)

    forward = and_(
        side(a, Relation.from_person_id, Relation.from_organisation_id),
        side(b, Relation.to_person_id, Relation.to_organisation_id),
    )
    backward = and_(
        side(b, Relation.from_person_id, Relation.from_organisation_id),
        side(a, Relation.to_person_id, Relation.to_organisation_id),
    )
    return or_(forward, backward)
