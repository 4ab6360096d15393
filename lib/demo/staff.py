"""The demo library's staff roles and teams, and competence self-assessments over the years.

Mette Sørensen is the network lead; every other colleague who owns a demo partnership is a partnership
owner; the rest are staff. Five teams: "Børn og unge", "Voksne og kultur", "Digitalt", "Ledelse" and
"Lokalbiblioteker". Most colleagues assessed their partnership competences in up to three rounds (about
two years ago, one year ago and last month), growing a little each time; two colleagues never did, and
one missed the latest round. Internal procedures and knowledge sharing are the library's weak spots,
so the heat map has something to say.

The single-person dependencies the page shows come from the network and partnerships the other demo
parts write (``lib.demo.workspace``, ``lib.demo.planning``): "Skolebiblioteksnetværk" and "Fondsansøgning:
Læselyst for alle" hang on their owners.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import CompetenceAssessment, Partnership, Person
from lib.library.staff import COMPETENCE_GROUPS, SCORE_MAX, SCORE_MIN

NETWORK_LEAD = "Mette Sørensen"
TEAMS: dict[str, str] = {
    "Jørgen Bækgaard": "Ledelse",
    "Mette Sørensen": "Ledelse",
    "Mikkel Dahl": "Ledelse",
    "Anne-Sofie Kjær": "Børn og unge",
    "Birgitte Østergaard": "Børn og unge",
    "Rasmus Holm": "Voksne og kultur",
    "Leyla Haddad": "Voksne og kultur",
    "Karen Mølgaard": "Voksne og kultur",
    "Signe Friis": "Voksne og kultur",
    "Emil Frandsen": "Voksne og kultur",
    "Thomas Winther": "Digitalt",
    "Sidsel Ågaard": "Digitalt",
    "Peter Lund Nielsen": "Lokalbiblioteker",
    "Ulla Grønbæk": "Lokalbiblioteker",
    "Ole Brandt": "Lokalbiblioteker",
}
#: The assessment rounds, in days before today; each person answered within a few weeks of the round.
ROUNDS_DAYS_AGO = (700, 340, 25)
#: Who took part in which rounds (index into ROUNDS_DAYS_AGO); everyone else took part in all three.
ROUNDS_TAKEN: dict[str, tuple[int, ...]] = {
    "Thomas Winther": (1, 2),
    "Sidsel Ågaard": (1, 2),
    "Emil Frandsen": (1, 2),
    "Mikkel Dahl": (0, 1),
    "Ole Brandt": (),
    "Ulla Grønbæk": (),
}
#: The typical level of each item group for each role, before personal variation.
ROLE_LEVEL: dict[str, dict[str, float]] = {
    "network_lead": {"network_lead": 3.8, "partnership_owner": 3.6, "all_staff": 4.0},
    "partnership_owner": {"network_lead": 2.6, "partnership_owner": 3.3, "all_staff": 3.6},
    "staff": {"network_lead": 2.0, "partnership_owner": 2.4, "all_staff": 3.1},
}
#: Colleagues whose job lifts them above their role's level (the library's chief backs partnerships).
PERSONAL_SHIFT = {"Jørgen Bækgaard": 1.2}
#: Where the whole library is weaker (a development area for everyone).
ITEM_SHIFT = {"internal_procedures": -0.8, "knowledge_sharing": -0.6, "celebration": -0.4}
GROWTH_PER_ROUND = 0.3
#: How often a colleague without a partnership role leaves the network lead's items unrated.
SKIP_LEAD_ITEMS = 0.6
NEEDS_CHANCE = 0.65
DEVELOPMENT_NEEDS = (
    "Vil gerne lære at skrive en samarbejdsaftale fra bunden.",
    "Har brug for mere viden om budgettet og om, hvem der godkender hvad.",
    "Kunne bruge sparring på at lede møder med flere partnere på én gang.",
    "Ønsker et kursus i fondsansøgninger.",
    "Vil gerne kende kollegernes partnere bedre, fx via et fast punkt på personalemødet.",
    "Mangler overblik over, hvad de andre teams samarbejder om.",
    "Har brug for tid i kalenderen til at pleje netværket.",
    "Vil gerne lære at evaluere et samarbejde sammen med partneren.",
    "Ønsker træning i at præsentere biblioteket for nye partnere.",
    "Kunne bruge en fælles skabelon til at dele erfaringer fra projekterne.",
)


@requires("edit")
def write_organisation(session: Session, seed: int, today: dt.date) -> dict[str, int]:
    """Add the demo's staff roles and teams, and competence self-assessments over the years.

    Returns how many of each were written.

    Call after the people, organisations and strategy of the demo are flushed.
    """
    rng = random.Random(f"{seed}-organisation")
    staff = list(session.scalars(select(Person).where(Person.is_staff.is_(True)).order_by(Person.name, Person.id)))
    owners = {owner for owner in session.scalars(select(Partnership.owner_id)) if owner is not None}
    for person in staff:
        person.staff_role = _role(person, owners)
        person.team = TEAMS.get(person.name, person.team)  # a scaled demo's colleagues have theirs
    assessments = [record for person in staff for record in _assessments(rng, person, today)]
    session.add_all(assessments)
    session.flush()
    return {
        "staff_roles": sum(1 for p in staff if p.staff_role),
        "staff_teams": sum(1 for p in staff if p.team),
        "competence_assessments": len(assessments),
    }


def _role(person: Person, owners: set[int]) -> str:
    if person.name == NETWORK_LEAD:
        return "network_lead"
    return "partnership_owner" if person.id in owners else "staff"


def _assessments(rng: random.Random, person: Person, today: dt.date) -> list[CompetenceAssessment]:
    """The person's self-assessments, one per round taken, improving a little from round to round."""
    rounds = ROUNDS_TAKEN.get(person.name, tuple(range(len(ROUNDS_DAYS_AGO))))
    level = ROLE_LEVEL[person.staff_role or "staff"]
    personal = rng.uniform(-0.5, 0.5) + PERSONAL_SHIFT.get(person.name, 0.0)
    skips_lead_items = person.staff_role == "staff" and rng.random() < SKIP_LEAD_ITEMS
    records = []
    for round_index in rounds:
        assessed_on = today - dt.timedelta(days=ROUNDS_DAYS_AGO[round_index] - rng.randint(0, 20))
        scores: dict[str, int] = {}
        for group, items in COMPETENCE_GROUPS.items():
            if group == "network_lead" and skips_lead_items:
                continue
            for item in items:
                mean = level[group] + personal + ITEM_SHIFT.get(item, 0.0) + GROWTH_PER_ROUND * round_index
                scores[item] = min(SCORE_MAX, max(SCORE_MIN, round(mean + rng.gauss(0, 0.6))))
        needs = rng.choice(DEVELOPMENT_NEEDS) if rng.random() < NEEDS_CHANCE else None
        records.append(
            CompetenceAssessment(person_id=person.id, assessed_on=assessed_on, scores=scores, development_needs=needs)
        )
    return records
