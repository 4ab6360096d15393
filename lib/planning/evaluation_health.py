"""The health score of a partnership: evaluation, contact rhythm and goals, weighted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import Partnership, PartnershipGoal
from lib.planning.evaluation_answers import answers_frame, latest_round
from lib.planning.evaluation_items import HEALTH_WEIGHTS
from lib.planning.goals import goal_statuses
from lib.planning.partnership_contacts import contact_due_of, last_contacts


@dataclass(frozen=True)
class HealthPart:
    """One part of the health score: its value (0-100, None when it cannot be computed) and weight."""

    name: str
    value: float | None
    weight: float
    #: The weight after renormalising over the parts that could be computed (0 for the others).
    share: float


@dataclass
class HealthScore:
    """A partnership's health (0-100 or None) and the parts it was made of."""

    score: float | None
    parts: list[HealthPart] = field(default_factory=list)

    def part(self, name: str) -> HealthPart:
        return next(p for p in self.parts if p.name == name)


def combine_health(values: Mapping[str, float | None], weights: Mapping[str, float] = HEALTH_WEIGHTS) -> HealthScore:
    """The weighted mean of the parts that have a value, weights renormalised over them."""
    available = {name: value for name, value in values.items() if value is not None}
    total = sum(weights[name] for name in available)
    parts = [
        HealthPart(
            name, values.get(name), weights[name], weights[name] / total if name in available and total > 0 else 0.0
        )
        for name in weights
    ]
    if total <= 0:
        return HealthScore(None, parts)
    return HealthScore(sum(weights[n] * v for n, v in available.items()) / total, parts)


@requires("view_board")
def evaluation_part(session: Session, partnership_id: int, today: dt.date) -> float | None:
    """The latest round's mean over all answers, on 0-100; None without a round."""
    record = latest_round(session, partnership_id, on=today)
    if record is None:
        return None
    frame = answers_frame(session, round_ids=[record.id])
    return (float(frame["score"].mean()) - 1.0) / 4.0 * 100.0 if not frame.empty else None


def contact_part(partnership: Partnership, last_contact: dt.date | None, today: dt.date) -> float | None:
    """100 while the contact rhythm is kept, down to 0 when overdue by a whole rhythm; None without one."""
    due = contact_due_of(partnership, last_contact, today)
    if due.due is None or not partnership.contact_rhythm_days:
        return None
    return 100.0 * max(0.0, 1.0 - due.days_overdue / partnership.contact_rhythm_days)


@requires("view_board")
def goals_part(session: Session, partnership_id: int, today: dt.date) -> float | None:
    """The mean fulfilment (0-100) of the goals the partnership serves; None when none is measured."""
    served = set(
        session.scalars(select(PartnershipGoal.goal_id).where(PartnershipGoal.partnership_id == partnership_id))
    )
    values = [
        s.fulfilment for s in goal_statuses(session, as_of=today) if s.goal_id in served and s.fulfilment is not None
    ]
    return sum(values) / len(values) if values else None


@requires("view_board")
def partnership_health(session: Session, partnership_id: int, today: dt.date | None = None) -> HealthScore:
    """The health score of a partnership on ``today`` with its parts (formula in the module notes)."""
    today = today or dt.date.today()
    # Not partnerships.get_partnership: the record's notes are not the board's, only its rhythm is.
    partnership = session.get(Partnership, partnership_id)
    if partnership is None:
        raise ValidationFailed("partnerships.no_such_partnership", id=partnership_id)
    last = last_contacts(session).get(partnership_id)
    return combine_health(
        {
            "evaluation": evaluation_part(session, partnership_id, today),
            "contact": contact_part(partnership, last, today),
            "goals": goals_part(session, partnership_id, today),
        }
    )


@requires("view_board")
def health_overview(session: Session, today: dt.date | None = None) -> pd.DataFrame:
    """The health of every partnership under way (beyond an idea, not ended): ``partnership_id``,
    ``title``, ``score`` and one column per part (``evaluation``, ``contact``, ``goals``)."""
    today = today or dt.date.today()
    rows = []
    for p in session.scalars(
        select(Partnership)
        .where(Partnership.closed.is_(False), Partnership.stage != "idea")
        .order_by(Partnership.title)
    ):
        health = partnership_health(session, p.id, today)
        rows.append(
            {
                "partnership_id": p.id,
                "title": p.title,
                "score": health.score,
                **{part.name: part.value for part in health.parts},
            }
        )
    return pd.DataFrame(rows, columns=["partnership_id", "title", "score", *HEALTH_WEIGHTS])
