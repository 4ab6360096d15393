"""The demo library at a municipality's scale: ``python -m lib demo --scale N`` (issue 16).

The ordinary demo (``lib.demo.workspace``) plus, drawn from a ``random.Random`` of its own seeded from
the demo's seed, as many staff, organisations, contacts (with their workplaces), relations, goals and
partnerships with three years of history as a workspace of ``N`` people holds in the proportions of a
large municipality (:func:`sizes_for`: 100,000 people → 300 staff, 4,000 organisations, 150,000
relations, 200 partnerships, 20 goals). Never fewer than the demo itself holds, so ``N`` is at least
:data:`MIN_PEOPLE`.

The same shape as the demo: staff with teams (their roles follow from the partnerships they own, as
in the demo), organisations with types, sectors and areas, contacts with titles, e-mails and phones
(names repeat at this size, e-mails never), relations with a strength and first and last contact,
partnerships in every stage with agreements, contact logs and evaluation rounds, goals with quarterly
measurements. Written with bulk inserts in chunks inside the demo's transaction, deterministic for a
seed: 100,000 people take well under two minutes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.normalize import name_key
from lib.db import (
    FORMALISATIONS,
    PARTNERSHIP_DEPTHS,
    PARTNERSHIP_STAGES,
    Affiliation,
    Agreement,
    ContactLogEntry,
    EvaluationResponse,
    EvaluationRound,
    Goal,
    GoalMeasurement,
    Organisation,
    Partnership,
    PartnershipGoal,
    PartnershipOrganisation,
    Person,
    Relation,
    utcnow,
)
from lib.demo.planning import (
    _AGREEMENT_TEXT,
    GOALS,
    LIBRARY_RESOURCES,
    PARTNER_RESOURCES,
    PARTNERSHIPS,
    QUARTER_DAYS,
    REFLECTIONS,
    RESPONDENTS,
)
from lib.demo.planning import (
    CONTACT_NOTES as LOG_NOTES,
)
from lib.demo.staff import TEAMS
from lib.demo.workspace import (
    BOARD_ROLES,
    CLUB_TYPES,
    CONTACT_NOTES,
    HISTORY_DAYS,
    ISOLATED_ORGANISATION,
    LIBRARY_DOMAIN,
    LIBRARY_NAME,
    ORGANISATION_NOTES,
    ORGANISATIONS,
    PRIVATE_DOMAIN,
    SOURCE,
    STAFF,
    TIE_NOTES,
    TITLES,
    TYPE_SIZE,
    DemoPlan,
    _Builder,
    ascii_slug,
)
from lib.planning.evaluation_items import ITEMS

#: The smallest scaled workspace: the demo itself holds about 320 people and 700 relations.
MIN_PEOPLE = 1_000
#: Rows per INSERT batch: big enough to be fast, small enough to keep memory flat.
CHUNK = 5_000


@dataclass(frozen=True)
class ScaleSizes:
    """How many of each a scaled workspace holds (people counts staff too)."""

    people: int
    staff: int
    organisations: int
    relations: int
    partnerships: int
    goals: int


def sizes_for(people: int) -> ScaleSizes:
    """The proportions of issue 16 for ``people`` people, never below what the demo itself holds."""
    return ScaleSizes(
        people=people,
        staff=max(len(STAFF), people * 3 // 1000),
        organisations=max(len(ORGANISATIONS), people // 25),
        relations=people * 3 // 2,
        partnerships=max(len(PARTNERSHIPS), people // 500),
        goals=max(len(GOALS), people // 5000),
    )


# --- words for what is drawn -----------------------------------------------------------------------

#: The first words of a generated organisation's name, by type; a place follows.
ORGANISATION_STEMS: dict[str, tuple[str, ...]] = {
    "association": ("Foreningen", "Idrætsforeningen", "Seniorklubben", "Kulturforeningen", "Grundejerforeningen"),
    "business": ("Tømrerfirmaet", "Revisionshuset", "Blomsterhandlen", "Cykelsmeden", "Købmanden"),
    "education": ("Skolen i", "Børnehuset", "Friskolen i", "Naturbørnehaven"),
    "adult_education": ("Aftenskolen", "Daghøjskolen", "Sprogskolen"),
    "municipal": ("Dagplejen", "Plejecentret", "Fritidscentret", "Familiehuset", "Klubben"),
    "cultural": ("Kulturhuset", "Musikforeningen", "Egnsteatret", "Galleri"),
    "media": ("Lokalavisen", "Lokalradioen"),
    "library": ("Skolebiblioteket", "Bogbussen"),
    "foundation": ("Lokalfonden", "Kulturfonden", "Mindefonden"),
    "union": ("Fagforeningen", "Handelsstandsforeningen"),
    "citizen_group": ("Lokalrådet", "Beboerforeningen", "Forældrerådet"),
    "state": ("Politiet", "Statens Administration"),
    "other": ("Menighedsrådet", "Boligforeningen", "Havneforeningen"),
}
PLACES = (
    "Kildebro",
    "Nørrevang",
    "Østerhøj",
    "Strandby",
    "Møllehøj",
    "Egelund",
    "Vesterled",
    "Solbakke",
    "Bøgely",
    "Hasselbakken",
    "Rønnebær",
    "Fuglsang",
    "Enghaven",
    "Skovly",
    "Søndermark",
    "Vibehøj",
    "Tranemosen",
    "Lindegården",
    "Kastanjebakken",
    "Ådalen",
    "Klinten",
    "Kirkebakken",
    "Toftegård",
    "Hørhaven",
    "Mosevang",
)
#: What a generated partnership is about; its first organisation's name follows.
PARTNERSHIP_THEMES = (
    "Læseklub",
    "Sprogcafé",
    "Lektiehjælp",
    "Foredragsrække",
    "Digital hjælp",
    "Fortælleaftener",
    "Familieværksted",
    "Reparationscafé",
    "Udstilling",
    "Sommerbogen",
)
#: (title, theme, unit, baseline, target) of generated goals; a place follows the title.
GOAL_TEMPLATES: tuple[tuple[str, str, str, float, float], ...] = (
    ("Flere deltagere i læseklubber", "Læselyst", "deltagere pr. år", 120, 300),
    ("Flere besøg af skoleklasser", "Læselyst", "klassebesøg pr. år", 40, 90),
    ("Flere arrangementer med foreninger", "Lokalsamfund", "arrangementer pr. år", 10, 30),
    ("Flere borgere får digital hjælp", "Digital inklusion", "borgere pr. år", 150, 400),
    ("Flere nye lånere", "Inklusion", "nye lånerkort pr. kvartal", 30, 80),
    ("Flere deltagere i grønne værksteder", "Bæredygtighed", "deltagere pr. år", 20, 250),
)
_TYPES = sorted(ORGANISATION_STEMS)
_TYPE_COUNTS = Counter(org_type for _, org_type, _, _, _ in ORGANISATIONS)
_TYPE_SECTORS = {
    org_type: [sector for _, kind, sector, _, _ in ORGANISATIONS if kind == org_type] for org_type in _TYPES
}
_AREAS = sorted({area for _, _, _, area, _ in ORGANISATIONS})
_STAFF_TITLES = sorted({title for _, title, _, _ in STAFF})
_TEAM_NAMES = sorted(set(TEAMS.values()))
#: How common each of PARTNERSHIP_STAGES is among generated partnerships.
_STAGE_WEIGHTS = (10, 15, 45, 15, 15)


def _chunks(rows: Sequence[dict[str, Any]]) -> list[Sequence[dict[str, Any]]]:
    return [rows[start : start + CHUNK] for start in range(0, len(rows), CHUNK)]


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _insert(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """``rows`` inserted in chunks through the driver's executemany (every row has the same keys)."""
    statement = _table(model).insert()
    for chunk in _chunks(rows):
        session.execute(statement, chunk)


def _insert_ids(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> list[int]:
    """``rows`` inserted with ids of their own, counted on from the highest one; their ids, in order.

    The demo is only written into an empty workspace, inside the write turn, so nobody else takes an
    id meanwhile; PostgreSQL's id sequence is moved past the last one. (An INSERT … RETURNING per
    row, which would give the ids too, takes minutes at 100,000 rows.)
    """
    first = (session.scalar(select(func.max(model.id))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    _insert(session, model, rows)
    if ids and session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last)"),
            {"table": _table(model).name, "last": ids[-1]},
        )
    return ids


class _Grower(_Builder):
    """Draws and writes the rows a demo plan lacks to reach :class:`ScaleSizes`."""

    def __init__(self, seed: int, plan: DemoPlan, today: dt.date, sizes: ScaleSizes) -> None:
        super().__init__(seed)
        self.rng = random.Random(f"{seed}-scale")
        self.plan = plan
        self.sizes = sizes
        self.today = today
        self.now = utcnow()
        self.names = {person.name for person in plan.people}
        self.emails = {email for p in plan.people for email in (p.email, *p.other_emails) if email}
        self.org_names = {org.name for org in plan.organisations}
        self.day_cache: dict[int, dt.date] = {}
        self.key_cache: dict[str, str] = {}
        self.relation_rows: list[dict[str, Any]] = []
        self.relation_ends: set[tuple[str, int, int, int, int]] = set()

    # -- small helpers --

    def day(self, days_ago: int | None) -> dt.date | None:
        if days_ago is None:
            return None
        if days_ago not in self.day_cache:
            self.day_cache[days_ago] = self.today - dt.timedelta(days=days_ago)
        return self.day_cache[days_ago]

    def key(self, name: str) -> str:
        if name not in self.key_cache:
            self.key_cache[name] = name_key(name)
        return self.key_cache[name]

    def stamped(self, row: dict[str, Any], *, updated: bool = True) -> dict[str, Any]:
        row["created_at"] = self.now
        if updated:
            row["updated_at"] = self.now
        return row

    def add_relation(
        self, kind: str, source: tuple[str, int], target: tuple[str, int], owner: int | None, note_chance: float = 0.1
    ) -> bool:
        """Queue a tie (ends are ("person", id) or ("organisation", id)) unless the same one exists."""
        ends = (kind, source[0] == "person", source[1], target[0] == "person", target[1])
        if ends in self.relation_ends or source == target:
            return False
        self.relation_ends.add(ends)
        first, last = self.tie_days()
        self.relation_rows.append(
            self.stamped(
                {
                    "kind": kind,
                    "from_person_id": source[1] if source[0] == "person" else None,
                    "from_organisation_id": source[1] if source[0] == "organisation" else None,
                    "to_person_id": target[1] if target[0] == "person" else None,
                    "to_organisation_id": target[1] if target[0] == "organisation" else None,
                    "strength": self.strength_for(last),
                    "first_contact": self.day(first),
                    "last_contact": self.day(last),
                    "owner_id": owner,
                    "notes": self.rng.choice(TIE_NOTES) if self.rng.random() < note_chance else None,
                }
            )
        )
        return True

    # -- steps --

    def write(self, session: Session) -> dict[str, int]:
        staff = self.write_staff(session)
        organisations = self.write_organisations(session)
        contacts = self.write_contacts(session, organisations)
        self.write_relations(session, staff, organisations, contacts)
        goals = self.write_goals(session, staff)
        partnerships = self.write_partnerships(session, staff, organisations, goals)
        return {
            "staff": len(staff) - len(STAFF),
            "organisations": self.sizes.organisations - len(ORGANISATIONS),
            "people": len(contacts),
            "relations": len(self.relation_rows),
            "goals": len(goals),
            "partnerships": partnerships,
        }

    def write_staff(self, session: Session) -> list[tuple[int, int]]:
        """Colleagues beyond the demo's fifteen, each in a team; (id, weight) of every staff member."""
        rows = []
        for _ in range(self.sizes.staff - len(STAFF)):
            name = self.new_name()
            rows.append(
                self.stamped(
                    {
                        "name": name,
                        "name_key": self.key(name),
                        "email": self.unique_email(ascii_slug(name), LIBRARY_DOMAIN),
                        "phone": self.phone(),
                        "title": self.rng.choice(_STAFF_TITLES),
                        "team": self.rng.choice(_TEAM_NAMES),
                        "is_staff": True,
                        "source": SOURCE,
                    }
                )
            )
        new_ids = _insert_ids(session, Person, rows)
        weights = {name: weight for name, _, weight, _ in STAFF}
        demo = session.execute(select(Person.id, Person.name).where(Person.is_staff.is_(True))).all()
        new = set(new_ids)
        return [(pid, weights.get(name, 2)) for pid, name in demo if pid not in new] + [(pid, 2) for pid in new_ids]

    def organisation_name(self, org_type: str) -> str:
        base = f"{self.rng.choice(ORGANISATION_STEMS[org_type])} {self.rng.choice(PLACES)}"
        name, number = base, 2
        while name in self.org_names:
            name = f"{base} (afd. {number})"
            number += 1
        self.org_names.add(name)
        return name

    def write_organisations(self, session: Session) -> list[tuple[int, str, int, str | None]]:
        """Organisations beyond the demo's: (id, type, size, e-mail domain) of every connected one."""
        rows, extra = [], []
        weights = [_TYPE_COUNTS[org_type] for org_type in _TYPES]
        for _ in range(self.sizes.organisations - len(ORGANISATIONS)):
            org_type = self.rng.choices(_TYPES, weights=weights)[0]
            name = self.organisation_name(org_type)
            slug = ascii_slug(name).replace(".", "-")
            domain = f"{slug}.dk" if self.rng.random() < 0.7 else None
            rows.append(
                self.stamped(
                    {
                        "name": name,
                        "name_key": self.key(name),
                        "org_type": org_type,
                        "sector": self.rng.choice(_TYPE_SECTORS[org_type]),
                        "website": f"https://www.{domain}" if domain else None,
                        "area": self.rng.choice(_AREAS),
                        "notes": self.rng.choice(ORGANISATION_NOTES) if self.rng.random() < 0.1 else None,
                        "source": SOURCE,
                    }
                )
            )
            extra.append((org_type, TYPE_SIZE[org_type] * self.rng.randint(1, 3), domain))
        ids = _insert_ids(session, Organisation, rows)
        new = set(ids)
        demo = session.execute(select(Organisation.id, Organisation.name, Organisation.org_type, Organisation.website))
        connected = [
            (oid, kind or "other", TYPE_SIZE.get(kind or "other", 2), (site or "").removeprefix("https://www.") or None)
            for oid, name, kind, site in demo
            if name != ISOLATED_ORGANISATION and oid not in new
        ]
        return connected + [(oid, kind, size, domain) for oid, (kind, size, domain) in zip(ids, extra, strict=True)]

    def write_contacts(
        self, session: Session, organisations: list[tuple[int, str, int, str | None]]
    ) -> list[tuple[int, int | None]]:
        """Contacts up to the size, each at an organisation (a few private), with affiliations; (id, org index)."""
        count = self.sizes.people - len(self.plan.people) - (self.sizes.staff - len(STAFF))
        cum: list[int] = []
        for _, _, size, _ in organisations:
            cum.append((cum[-1] if cum else 0) + size)
        homes: list[int | None] = list(self.rng.choices(range(len(organisations)), cum_weights=cum, k=count))
        rows = []
        for number, home in enumerate(homes):
            if self.rng.random() < 0.04:
                homes[number] = home = None
            org = organisations[home] if home is not None else None
            name = self.draw_name()
            pool = TITLES["private"] if org is None else TITLES[org[1]]
            domain = (org[3] if org is not None else None) or PRIVATE_DOMAIN
            rows.append(
                self.stamped(
                    {
                        "name": name,
                        "name_key": self.key(name),
                        "email": f"{ascii_slug(name)}.{number}@{domain}" if self.rng.random() < 0.85 else None,
                        "phone": self.phone() if self.rng.random() < 0.55 else None,
                        "title": self.rng.choice(pool) if self.rng.random() < 0.9 else None,
                        "notes": self.rng.choice(CONTACT_NOTES) if self.rng.random() < 0.05 else None,
                        "is_staff": False,
                        "source": SOURCE,
                    }
                )
            )
        ids = _insert_ids(session, Person, rows)
        self.write_affiliations(session, organisations, list(zip(ids, homes, (r["title"] for r in rows), strict=True)))
        return list(zip(ids, homes, strict=True))

    def write_affiliations(
        self,
        session: Session,
        organisations: list[tuple[int, str, int, str | None]],
        contacts: list[tuple[int, int | None, str | None]],
    ) -> None:
        """Everyone with a home works there; some changed jobs lately, some sit on a board as well."""
        clubs = [index for index, org in enumerate(organisations) if org[1] in CLUB_TYPES]
        rows = []
        for person_id, home, title in contacts:
            if home is None:
                continue
            start = self.rng.randint(90, 4000) if self.rng.random() < 0.6 else None
            roll = self.rng.random()
            if roll < 0.04:
                ended = self.rng.randint(30, 900)
                start = max(ended - self.rng.randint(1, 60), 0)
                earlier = self.rng.randrange(len(organisations))
                rows.append(self.affiliation(person_id, organisations[earlier][0], title, ended + 400, ended))
            elif roll < 0.06 and clubs:
                club = organisations[self.rng.choice(clubs)][0]
                rows.append(self.affiliation(person_id, club, self.rng.choice(BOARD_ROLES), None, None))
            rows.append(self.affiliation(person_id, organisations[home][0], title, start, None))
        _insert(session, Affiliation, rows)

    def affiliation(
        self, person_id: int, organisation_id: int, role: str | None, start: int | None, end: int | None
    ) -> dict[str, Any]:
        return {
            "person_id": person_id,
            "organisation_id": organisation_id,
            "role": role,
            "start_date": self.day(start),
            "end_date": self.day(end),
        }

    def write_relations(
        self,
        session: Session,
        staff: list[tuple[int, int]],
        organisations: list[tuple[int, str, int, str | None]],
        contacts: list[tuple[int, int | None]],
    ) -> None:
        """Staff who know contacts and organisations, ties between organisations, then colleagues at
        the same place until the workspace holds its relations."""
        budget = self.sizes.relations - len(self.plan.relations)
        staff_ids = [pid for pid, _ in staff]
        staff_cum: list[int] = []
        for _, weight in staff:
            staff_cum.append((staff_cum[-1] if staff_cum else 0) + weight)

        def holder() -> int:
            return self.rng.choices(staff_ids, cum_weights=staff_cum)[0]

        known_by: dict[int, int] = {}
        for person_id, _home in contacts:
            if len(self.relation_rows) >= budget or self.rng.random() >= 0.65:
                continue
            for _ in range(1 if self.rng.random() < 0.8 else 2):
                owner = holder()
                kind = "works_with" if self.rng.random() < 0.15 else "knows"
                if self.add_relation(kind, ("person", owner), ("person", person_id), owner):
                    known_by.setdefault(person_id, owner)
        for org_id, _, _, _ in organisations:
            if self.rng.random() < 0.6:
                for _ in range(self.rng.randint(1, 2)):
                    owner = holder()
                    kind = "partner" if self.rng.random() < 0.45 else "works_with"
                    self.add_relation(kind, ("person", owner), ("organisation", org_id), owner, note_chance=0.35)
            if self.rng.random() < 0.02:
                other = organisations[self.rng.randrange(len(organisations))][0]
                kind = "funds" if self.rng.random() < 0.4 else "partner"
                self.add_relation(kind, ("organisation", org_id), ("organisation", other), None, 0.3)
        by_org: dict[int, list[int]] = {}
        for person_id, home in contacts:
            if home is not None:
                by_org.setdefault(home, []).append(person_id)
        pairs = [(left, right) for people in by_org.values() for left, right in zip(people, people[1:], strict=False)]
        self.rng.shuffle(pairs)
        for left, right in pairs:
            if len(self.relation_rows) >= budget:
                break
            self.add_relation("colleague", ("person", left), ("person", right), known_by.get(left))
        people = [person_id for person_id, _ in contacts]
        while len(self.relation_rows) < budget:
            left, right = self.rng.choice(people), self.rng.choice(people)
            self.add_relation("works_with", ("person", left), ("person", right), known_by.get(left))
        _insert(session, Relation, self.relation_rows)

    def write_goals(self, session: Session, staff: list[tuple[int, int]]) -> list[int]:
        """Goals beyond the demo's, each measured every quarter for three years."""
        rows, paces = [], []
        baseline_date = self.today - dt.timedelta(days=HISTORY_DAYS + QUARTER_DAYS)
        target_date = self.today + dt.timedelta(days=365)
        for number in range(self.sizes.goals - len(GOALS)):
            title, theme, unit, baseline, target = GOAL_TEMPLATES[number % len(GOAL_TEMPLATES)]
            place = PLACES[(number // len(GOAL_TEMPLATES)) % len(PLACES)]
            rows.append(
                self.stamped(
                    {
                        "title": f"{title} i {place}",
                        "theme": theme,
                        "owner_id": self.rng.choice(staff)[0],
                        "unit": unit,
                        "baseline": baseline,
                        "target": target,
                        "baseline_date": baseline_date,
                        "target_date": target_date,
                        "description": None,
                    }
                )
            )
            paces.append(self.rng.uniform(0.4, 1.25))
        ids = _insert_ids(session, Goal, rows)
        total = (target_date - baseline_date).days
        measurements = []
        for goal_id, row, pace in zip(ids, rows, paces, strict=True):
            measured_on = baseline_date + dt.timedelta(days=QUARTER_DAYS)
            while measured_on <= self.today:
                share = pace * (measured_on - baseline_date).days / total + self.rng.uniform(-0.03, 0.03)
                value = round(row["baseline"] + share * (row["target"] - row["baseline"]))
                measurements.append(
                    {"goal_id": goal_id, "measured_on": measured_on, "value": value, "source": "Bibliotekets statistik"}
                )
                measured_on += dt.timedelta(days=QUARTER_DAYS)
        _insert(session, GoalMeasurement, [self.stamped(row, updated=False) for row in measurements])
        return ids

    def write_partnerships(
        self,
        session: Session,
        staff: list[tuple[int, int]],
        organisations: list[tuple[int, str, int, str | None]],
        goals: list[int],
    ) -> int:
        """Partnerships beyond the demo's, in every stage, with agreements, contact logs and evaluations."""
        names = {oid: name for oid, name in session.execute(select(Organisation.id, Organisation.name))}
        specs: list[dict[str, Any]] = []
        rows = []
        for _ in range(self.sizes.partnerships - len(PARTNERSHIPS)):
            stage = self.rng.choices(PARTNERSHIP_STAGES, weights=_STAGE_WEIGHTS)[0]
            partners = [org[0] for org in self.rng.sample(organisations, self.rng.randint(1, 3))]
            started = None if stage == "idea" else self.rng.randint(90, HISTORY_DAYS)
            closed = stage == "sustaining_ending" and self.rng.random() < 0.4
            ended = self.rng.randint(30, min(400, (started or 90) - 30)) if closed else None
            rhythm = None if started is None else self.rng.choice((21, 30, 45, 60, 90))
            spec: dict[str, Any] = {
                "partners": partners,
                "started": started,
                "ended": ended,
                "rhythm": rhythm,
                "stage": stage,
            }
            specs.append(spec)
            rows.append(
                self.stamped(
                    {
                        "title": f"{self.rng.choice(PARTNERSHIP_THEMES)} med {names[partners[0]]}",
                        "owner_id": self.rng.choice(staff)[0],
                        "stage": stage,
                        "closed": closed,
                        "ended_on": self.day(ended),
                        "depth": None if started is None else self.rng.choice(PARTNERSHIP_DEPTHS),
                        "formalisation": None if started is None else self.rng.choice(FORMALISATIONS),
                        "start_date": self.day(started),
                        "end_date": self.day(-self.rng.randint(30, 700))
                        if started and self.rng.random() < 0.3
                        else None,
                        "contact_rhythm_days": rhythm,
                        "library_resources": LIBRARY_RESOURCES if started else None,
                        "partner_resources": PARTNER_RESOURCES if started else None,
                        "notes": None,
                    }
                )
            )
        ids = _insert_ids(session, Partnership, rows)
        links, goal_links, agreements, log = [], [], [], []
        for partnership_id, spec, row in zip(ids, specs, rows, strict=True):
            links += [{"partnership_id": partnership_id, "organisation_id": org} for org in spec["partners"]]
            for goal_id in self.rng.sample(goals, min(len(goals), self.rng.randint(0, 2))):
                goal_links.append({"partnership_id": partnership_id, "goal_id": goal_id})
            if spec["started"] is None:
                continue
            if self.rng.random() < 0.6:
                agreements.append(self.agreement(partnership_id, row, spec["partners"], names))
            log += self.contact_log(partnership_id, row["owner_id"], staff, spec)
        _insert(session, PartnershipOrganisation, links)
        _insert(session, PartnershipGoal, goal_links)
        _insert(session, Agreement, agreements)
        _insert(session, ContactLogEntry, log)
        self.write_evaluations(session, ids, specs)
        return len(ids)

    def agreement(
        self, partnership_id: int, row: dict[str, Any], partners: list[int], names: dict[int, str]
    ) -> dict[str, Any]:
        return self.stamped(
            {
                "partnership_id": partnership_id,
                "parties": f"{LIBRARY_NAME} og {' og '.join(names[org] for org in partners)}",
                "review_date": self.day(-self.rng.randint(-60, 365)),
                "signed_on": row["start_date"],
                "document_ref": f"Sag {self.today.year - 1}-{partnership_id:04d}",
                **_AGREEMENT_TEXT,
            }
        )

    def contact_log(
        self, partnership_id: int, owner: int, staff: list[tuple[int, int]], spec: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Contacts from the start to the last one (at the end for a closed partnership), about every rhythm."""
        rows = []
        day = spec["ended"] if spec["ended"] is not None else self.rng.randint(0, spec["rhythm"] * 2)
        while day <= spec["started"]:
            rows.append(
                self.stamped(
                    {
                        "partnership_id": partnership_id,
                        "contacted_on": self.day(day),
                        "staff_id": owner if self.rng.random() < 0.8 else self.rng.choice(staff)[0],
                        "channel": self.rng.choices(("meeting", "email", "phone", "event"), weights=(4, 3, 2, 1))[0],
                        "note": self.rng.choice(LOG_NOTES) if self.rng.random() < 0.6 else None,
                    },
                    updated=False,
                )
            )
            day += max(7, round(spec["rhythm"] * self.rng.uniform(0.6, 1.0)))
        return rows

    def write_evaluations(self, session: Session, ids: list[int], specs: list[dict[str, Any]]) -> None:
        """Half the partnerships under way for over half a year were evaluated every half year by both sides."""
        rounds, means = [], []
        for partnership_id, spec in zip(ids, specs, strict=True):
            started = spec["started"]
            if started is None or started < 200 or self.rng.random() < 0.5:
                continue
            last = spec["ended"] if spec["ended"] is not None else self.rng.randint(10, 90)
            count = max(1, min(6, (started - last) // 180))
            first_mean, last_mean = self.rng.uniform(2.6, 4.4), self.rng.uniform(2.6, 4.4)
            for index in range(count):
                held = last + 180 * (count - 1 - index)
                rounds.append(
                    self.stamped(
                        {
                            "partnership_id": partnership_id,
                            "held_on": self.day(held),
                            "title": f"Evaluering {index + 1}",
                        },
                        updated=False,
                    )
                )
                means.append(first_mean + (last_mean - first_mean) * index / max(1, count - 1))
        round_ids = _insert_ids(session, EvaluationRound, rounds)
        responses = []
        for round_id, mean in zip(round_ids, means, strict=True):
            for side, labels in RESPONDENTS.items():
                for label in labels[: self.rng.randint(2, len(labels))]:
                    answers = {code: min(5, max(1, round(mean + self.rng.gauss(0, 0.55)))) for code, _ in ITEMS}
                    reflection = self.rng.choice(REFLECTIONS) if self.rng.random() < 0.4 else None
                    responses.append(
                        self.stamped(
                            {
                                "round_id": round_id,
                                "respondent_side": side,
                                "respondent": label,
                                "answers": answers,
                                "reflections": reflection,
                            },
                            updated=False,
                        )
                    )
        _insert(session, EvaluationResponse, responses)


@requires("edit")
def grow_workspace(session: Session, plan: DemoPlan, seed: int, today: dt.date, people: int) -> dict[str, int]:
    """Add to the demo plan, already written in ``session``, what a workspace of ``people`` people holds
    beyond it (:func:`sizes_for`); returns how many of each were added."""
    return _Grower(seed, plan, today, sizes_for(people)).write(session)
