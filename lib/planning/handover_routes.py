"""Where each thing goes when a handover is chosen per partnership (:mod:`lib.planning.handover`).

A coordinator who says "Læseklubben goes to Bo, Skolesamarbejdet to Eva" means the people and goals of
each partnership too. Of the leaving colleague's partnerships (each with its receiver: the one chosen for
it, else the main receiver):

* a tie to a contact belongs to the partnerships with an organisation the contact currently works at
  (an affiliation without an end date, or ending today or later);
* a tie to an organisation belongs to the partnerships with that organisation;
* a tie the leaving colleague holds between two others belongs to the partnerships of either end;
* a goal belongs to the partnerships it is linked to (``PartnershipGoal``).

What belongs to partnerships that all go to one colleague goes to that colleague (``"partnership"``).
What belongs to none of them (``"none"``; a strength offer always), or to several that go to different
colleagues (``"several"``), goes to the main receiver. Handing everything to one colleague routes
nothing (``"all"``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import Affiliation, PartnershipGoal, PartnershipOrganisation

#: Why something goes where it goes: everything to one colleague, the receiver of its partnership(s),
#: the main receiver because it belongs to no partnership, or to several with different receivers.
REASONS = ("all", "partnership", "none", "several")


@dataclass(frozen=True)
class Route:
    """To whom (``to_id``), why (one of :data:`REASONS`) and the titles of the partnerships it belongs to."""

    to_id: int
    reason: str = "all"
    partnerships: tuple[str, ...] = ()


@dataclass(frozen=True)
class Routes:
    """The partnerships each contact, organisation and goal belongs to, and each partnership's receiver."""

    main: int
    receivers: Mapping[int, int]
    titles: Mapping[int, str]
    chosen: bool
    of_person: Mapping[int, frozenset[int]]
    of_organisation: Mapping[int, frozenset[int]]
    of_goal: Mapping[int, frozenset[int]]

    def route(self, partnership_ids: Iterable[int]) -> Route:
        """Where something belonging to ``partnership_ids`` goes (rules in the module notes)."""
        if not self.chosen:
            return Route(self.main)
        ids = sorted(set(partnership_ids), key=lambda i: (self.titles[i].casefold(), i))
        titles = tuple(self.titles[i] for i in ids)
        if not ids:
            return Route(self.main, "none")
        receivers = {self.receivers[i] for i in ids}
        if len(receivers) == 1:
            return Route(receivers.pop(), "partnership", titles)
        return Route(self.main, "several", titles)

    def party(self, person_id: int | None, organisation_id: int | None) -> frozenset[int]:
        """The partnerships a contact (``person_id``) or an organisation belongs to."""
        if person_id is not None:
            return self.of_person.get(person_id, frozenset())
        return self.of_organisation.get(organisation_id or 0, frozenset())

    def goal(self, goal_id: int) -> Route:
        return self.route(self.of_goal.get(goal_id, frozenset()))


def _grouped(rows: Iterable[Any]) -> dict[int, frozenset[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for key, partnership_id in rows:
        found[key].add(partnership_id)
    return {key: frozenset(ids) for key, ids in found.items()}


@requires("view_contacts")
def handover_routes(
    session: Session,
    main: int,
    receivers: Mapping[int, int],
    titles: Mapping[int, str],
    *,
    chosen: bool,
    today: dt.date,
) -> Routes:
    """The routes of a handover whose partnerships (``{id: title}``) go to ``receivers`` (``{id: staff
    id}``), the rest to ``main``; ``chosen`` is False when everything goes to ``main`` (nothing is read
    then). ``today`` decides which affiliations are current."""
    if not chosen or not receivers:
        return Routes(main, receivers, titles, False, {}, {}, {})
    ids = list(receivers)
    of_organisation = _grouped(
        session.execute(
            select(PartnershipOrganisation.organisation_id, PartnershipOrganisation.partnership_id).where(
                PartnershipOrganisation.partnership_id.in_(ids)
            )
        )
    )
    current = or_(Affiliation.end_date.is_(None), Affiliation.end_date >= today)
    affiliations = session.execute(
        select(Affiliation.person_id, Affiliation.organisation_id).where(
            current, Affiliation.organisation_id.in_(list(of_organisation))
        )
    )
    of_person = _grouped(
        (person_id, partnership_id)
        for person_id, organisation_id in affiliations
        for partnership_id in of_organisation[organisation_id]
    )
    of_goal = _grouped(
        session.execute(
            select(PartnershipGoal.goal_id, PartnershipGoal.partnership_id).where(
                PartnershipGoal.partnership_id.in_(ids)
            )
        )
    )
    return Routes(main, receivers, titles, True, of_person, of_organisation, of_goal)


__all__ = ["REASONS", "Route", "Routes", "handover_routes"]
