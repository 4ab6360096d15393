"""The demo library's strategy: goals with three years of measurements, partnerships in every stage,
agreements, contact logs, partner assessments and evaluation rounds.

Part of the demo workspace (``lib.demo.workspace``), written in the same transaction. Like the rest of the
demo it is fictional, deterministic (its own ``random.Random``, seeded from the demo's seed) and
dated back from ``today``, so it always looks current:

* six goals measured every quarter for three years (the baseline a quarter before that): some on
  track, one at risk, two off track (one of them a goal to *reduce* something), one not measured
  for nine months, one that no partnership serves;
* twelve partnerships: two ideas, two being scoped, four running, two under review, one being
  rounded off and one that has ended; an agreement due for review soon, one overdue, one ending
  within two months, an active partnership with no agreement and one whose agreement is a draft,
  mostly empty and not signed (so it is no written agreement); three contact rhythms not kept. An
  agreement's dates and resources are its partnership's: the agreements ending below are the
  partnerships' end dates;
* nine assessments of eight candidates (go ahead, keep exploring, decline, undecided); every other
  organisation is a candidate nobody has assessed yet;
* nineteen evaluation rounds of five partnerships, answered by both sides, with scores that drift:
  one partnership getting better, one whose collaboration is wearing thin, one where the library
  and the partner see things quite differently.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import (
    Agreement,
    Assessment,
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
)
from lib.planning.candidates import CRITERIA
from lib.planning.evaluations import DIMENSIONS, ITEMS

QUARTER_DAYS = 91
HISTORY_DAYS = 3 * 365

# --- goals -----------------------------------------------------------------------------------------

# key: (title, theme, owner, unit, baseline, target, decimals, days from today to the target date,
#       pace = fulfilment / expected progress, days since the last measurement, description)
GOALS: dict[str, tuple[str, str, str, str, float, float, int, int, float, int, str]] = {
    "read": (
        "Flere børn læser i fritiden",
        "Læselyst",
        "Anne-Sofie Kjær",
        "deltagere i Sommerbogen",
        850,
        1300,
        0,
        365,
        1.05,
        0,
        "Flere børn og unge skal læse for sjov, også uden for skoletiden.",
    ),
    "digital": (
        "Flere ældre bliver trygge digitalt",
        "Digital inklusion",
        "Signe Friis",
        "deltagere i IT-hjælp pr. år",
        220,
        500,
        0,
        365,
        0.75,
        0,
        "Ældre borgere skal kunne klare selvbetjening og kontakt til det offentlige.",
    ),
    "meeting": (
        "Biblioteket som mødested i Kildebro",
        "Lokalsamfund",
        "Emil Frandsen",
        "arrangementer med lokale partnere pr. år",
        12,
        40,
        0,
        365,
        1.2,
        0,
        "Biblioteket i Kildebro skal være et sted, hvor byens foreninger og borgere mødes.",
    ),
    "weak_readers": (
        "Færre børn med svage læsefærdigheder",
        "Læselyst",
        "Birgitte Østergaard",
        "% elever i 3. klasse under middel i læsetest",
        24.0,
        16.0,
        1,
        365,
        0.55,
        0,
        "Sammen med skolerne vil vi mindske andelen af børn, der læser under middel.",
    ),
    "newcomers": (
        "Nye brugere fra nydanske familier",
        "Inklusion",
        "Leyla Haddad",
        "nye lånerkort pr. kvartal",
        40,
        90,
        0,
        365,
        0.95,
        270,
        "Familier, der er nye i Danmark, skal kende og bruge biblioteket.",
    ),
    "green": (
        "Grøn omstilling i lokalsamfundet",
        "Bæredygtighed",
        "Peter Lund Nielsen",
        "deltagere i reparationscaféer pr. år",
        0,
        600,
        0,
        730,
        0.3,
        0,
        "Biblioteket skal være et sted for deling, reparation og viden om bæredygtighed.",
    ),
}

# --- partnerships ----------------------------------------------------------------------------------

# key: (title, owner, organisations, stage, closed, depth, formalisation, start days ago,
#       contact rhythm, goals, days since the last contact, notes)
PARTNERSHIPS: dict[str, tuple[Any, ...]] = {
    "sommerbog": (
        "Sommerbogen i skolerne",
        "Anne-Sofie Kjær",
        ("Kildebro Skole", "Nørrevangskolen"),
        "managing_maintaining",
        False,
        "collaborating",
        "contract",
        900,
        30,
        ("read", "weak_readers"),
        10,
        "Fælles kampagne hver sommer; skolerne står for tilmelding, biblioteket for bøger og events.",
    ),
    "sprogcafe": (
        "Sprogcafé på biblioteket",
        "Leyla Haddad",
        ("Solbakke Sprogcenter", "Røde Kors Solbakke"),
        "managing_maintaining",
        False,
        "cooperating",
        "written",
        700,
        45,
        ("newcomers",),
        20,
        "Sprogcafé hver torsdag med frivillige fra Røde Kors og kursister fra sprogcentret.",
    ),
    "it_hjaelp": (
        "IT-hjælp for seniorer",
        "Signe Friis",
        ("Ældre Sagen Solbakke", "Frivilligcenter Solbakke"),
        "reviewing_revising",
        False,
        "cooperating",
        "oral",
        800,
        60,
        ("digital",),
        30,
        "Frivillige IT-hjælpere i alle filialer; aftalen har kun været mundtlig.",
    ),
    "lokalhistorie": (
        "Lokalhistoriske fortællinger",
        "Rasmus Holm",
        ("Solbakke Stadsarkiv", "Solbakke Lokalhistoriske Forening"),
        "sustaining_ending",
        False,
        "collaborating",
        "written",
        1000,
        60,
        ("meeting",),
        15,
        "Fortælleaftener og udstillinger; projektmidlerne udløber snart.",
    ),
    "job": (
        "Job og læsning",
        "Leyla Haddad",
        ("Jobcenter Solbakke",),
        "scoping_building",
        False,
        "coordinating",
        "informal",
        120,
        30,
        ("digital", "newcomers"),
        50,
        "Afklarer, om jobcentrets borgere kan få læse- og IT-forløb på biblioteket.",
    ),
    "plejecentre": (
        "Læseklubber på plejecentre",
        "Signe Friis",
        ("Ældre og Sundhed, Solbakke Kommune",),
        "managing_maintaining",
        False,
        "coordinating",
        "written",
        500,
        30,
        ("digital",),
        75,
        "Højtlæsning og læseklubber på tre plejecentre.",
    ),
    "kulturnat": (
        "Kulturnat i Kildebro",
        "Emil Frandsen",
        ("Kunsthal Kildebro", "Beboerrådet Kildebro Vest"),
        "managing_maintaining",
        False,
        "cooperating",
        "contract",
        600,
        21,
        ("meeting",),
        40,
        "Fælles kulturnat hvert efterår med udstilling, musik og fortællinger.",
    ),
    "podcast": (
        "Podcast med Radio Solbakke",
        "Sidsel Ågaard",
        ("Radio Solbakke",),
        "idea",
        False,
        None,
        None,
        None,
        None,
        (),
        None,
        "Idé: en månedlig bogpodcast produceret sammen med lokalradioen.",
    ),
    "laeselyst": (
        "Fondsansøgning: Læselyst for alle",
        "Mikkel Dahl",
        ("Lyngfonden for Læsning",),
        "idea",
        False,
        None,
        None,
        None,
        None,
        ("read",),
        None,
        "Idé: en fælles ansøgning om midler til læseklubber.",
    ),
    "skolebib": (
        "Skolebiblioteksnetværk",
        "Birgitte Østergaard",
        ("Pædagogisk Læringscenter, Kildebro Skole", "Kildeby Bibliotek"),
        "scoping_building",
        False,
        "networking",
        "oral",
        200,
        90,
        ("read",),
        30,
        "Netværk for skolebibliotekarer og folkebiblioteket om læsekampagner.",
    ),
    "bogcafe": (
        "Bogcafé med Solbakke Boghandel",
        "Karen Mølgaard",
        ("Solbakke Boghandel", "Café Kildebro"),
        "sustaining_ending",
        True,
        "cooperating",
        "written",
        1000,
        60,
        ("meeting",),
        250,
        "Forfatteraftener i caféen; afsluttet, da boghandlen flyttede.",
    ),
    "sundhed": (
        "Sundhedsformidling på biblioteket",
        "Mette Sørensen",
        ("Sundhedscenter Solbakke",),
        "reviewing_revising",
        False,
        "cooperating",
        "written",
        450,
        45,
        (),
        20,
        "Sundhedscentret holder oplæg og åben rådgivning på biblioteket.",
    ),
}
#: Days the closed partnership has been over.
ENDED_DAYS_AGO = 240

#: What each side brings to a partnership under way (also the agreement's contributions).
LIBRARY_RESOURCES = "Lokaler, materialer, formidling og ca. 4 timer om ugen fra en bibliotekar."
PARTNER_RESOURCES = "Frivillige eller medarbejdere, faglig viden og kontakt til deltagerne."

# key: (kind, review date in days from today, end date of the partnership in days from today); a
# "sparse" agreement is a draft (not signed), the others are signed on the partnership's start date.
AGREEMENTS: dict[str, tuple[str, int | None, int | None]] = {
    "sommerbog": ("full", 20, 400),
    "sprogcafe": ("most", -40, 300),
    "lokalhistorie": ("full", 200, 45),
    "plejecentre": ("sparse", None, None),
    "kulturnat": ("full", 150, 500),
    "bogcafe": ("full", -300, -ENDED_DAYS_AGO),
    "sundhed": ("full", 90, 200),
}
_AGREEMENT_TEXT = {
    "purpose": "At give flere borgere adgang til læsning, viden og fællesskab gennem et fælles tilbud.",
    "target_group": "Borgere i Solbakke Kommune, især dem, der ikke selv finder vej til biblioteket.",
    "roles": "Biblioteket står for rammer og markedsføring; partneren for indhold og deltagere.",
    "contact_persons": "Én fast kontaktperson hos hver part; se kontaktlisten.",
    "communication": "Statusmøde hvert kvartal; løbende kontakt pr. e-mail og telefon.",
    "economy": "Hver part afholder egne udgifter; fælles udgifter deles ligeligt efter aftale.",
    "rights_branding": "Begge parters logo på materialer; billeder kun med samtykke.",
    "evaluation_method": "Fælles evaluering hvert halve år med spørgeskema til begge parter.",
    "termination": "Kan opsiges af begge parter med tre måneders varsel.",
}
_SPARSE_FIELDS = ("purpose", "target_group", "contact_persons")
_MOST_MISSING = ("economy", "rights_branding")

CONTACT_NOTES = (
    "Statusmøde om planen for næste halvår.",
    "Kort opfølgning på telefon.",
    "Aftalt datoer for arrangementer.",
    "Evaluering af sidste arrangement.",
    "Nye frivillige introduceret.",
    "Drøftet ønsker til materialer.",
    "Fælles opslag til sociale medier aftalt.",
    "Afklaret lokaler og udstyr.",
)

# --- assessments -----------------------------------------------------------------------------------

# (organisation, days ago, assessor, scores in lib.planning.candidates.CRITERIA order (None: don't know),
#  influence, interest, value, effort, decision, decided days ago, contribution to us, from us, risks)
ASSESSMENTS: tuple[tuple[Any, ...], ...] = (
    (
        "Radio Solbakke",
        500,
        "Sidsel Ågaard",
        (3, 3, None, 2, 4, None, None, None, None, 3, 3),
        2,
        3,
        3,
        3,
        None,
        None,
        "Sendeflade og lokale lyttere.",
        "Indhold og fortællere.",
        "Få faste medarbejdere.",
    ),
    (
        "Lyngfonden for Læsning",
        90,
        "Mikkel Dahl",
        (5, 5, 4, 5, 3, 4, 5, 4, 4, 3, 5),
        5,
        4,
        5,
        4,
        "go_ahead",
        60,
        "Midler til læseklubber.",
        "Adgang til børn og familier.",
        "Krav om dokumentation.",
    ),
    (
        "Radio Solbakke",
        60,
        "Sidsel Ågaard",
        (3, 4, 3, 2, 4, 3, None, 2, 3, 4, 4),
        2,
        4,
        4,
        2,
        "explore",
        45,
        "Sendeflade og lokale lyttere.",
        "Indhold og fortællere.",
        "Afhænger af få frivillige.",
    ),
    (
        "IT-Huset Østerhøj ApS",
        150,
        "Thomas Winther",
        (2, 2, 1, 3, 3, 3, 2, None, 2, 1, 2),
        2,
        3,
        2,
        4,
        "decline",
        140,
        "Udstyr og teknisk viden.",
        "Synlighed.",
        "Kommercielle interesser; lille overlap med vores mål.",
    ),
    (
        "Sparekassefonden Solbakke",
        200,
        "Jørgen Bækgaard",
        (4, 5, 4, 5, 2, 5, 5, 4, 4, 3, 4),
        4,
        3,
        4,
        2,
        "go_ahead",
        180,
        "Økonomisk støtte til lokale projekter.",
        "Synlighed i lokalsamfundet.",
        "Bevillinger er etårige.",
    ),
    (
        "Spillestedet Remisen",
        120,
        "Rasmus Holm",
        (4, 3, 4, 3, 5, None, 2, 3, None, 4, 4),
        3,
        4,
        4,
        3,
        "explore",
        100,
        "Musik og unge publikummer.",
        "Rum og litteratur.",
        "Usikker økonomi.",
    ),
    (
        "Grønne Solbakke",
        40,
        "Peter Lund Nielsen",
        (3, 3, 5, 2, 4, None, None, None, 4, 4, 5),
        2,
        5,
        4,
        2,
        "explore",
        30,
        "Frivillige og viden om reparation.",
        "Lokaler og formidling.",
        "Drives af få ildsjæle.",
    ),
    (
        "Solbakke Erhvervsforening",
        300,
        "Jørgen Bækgaard",
        (3, 4, 3, 4, 2, 4, 4, 3, 3, 1, 1),
        4,
        1,
        1,
        3,
        "decline",
        290,
        "Sponsorater.",
        "Arrangementer for medlemmer.",
        "Passer dårligt til vores mål.",
    ),
    (
        "Solbakke Højskole",
        20,
        "Karen Mølgaard",
        (4, None, None, 3, 4, None, None, None, None, 3, 4),
        2,
        3,
        3,
        3,
        None,
        None,
        "Foredragsholdere og kurser.",
        "Publikum og lokaler.",
        "Uafklaret endnu.",
    ),
    # Today's partners were assessed once too, before the library went ahead with them.
    (
        "Kildebro Skole",
        940,
        "Anne-Sofie Kjær",
        (4, 4, 3, 3, 4, 4, 4, 3, 4, 5, 5),
        4,
        5,
        5,
        3,
        "go_ahead",
        930,
        "Alle skolens elever.",
        "Bøger, formidling og sommeraktiviteter.",
        "Travlt ved skoleårets start.",
    ),
    (
        "Røde Kors Solbakke",
        740,
        "Leyla Haddad",
        (4, 4, 4, 3, 4, 4, 3, 2, 4, 4, 5),
        3,
        5,
        4,
        2,
        "go_ahead",
        720,
        "Frivillige og erfaring med sprogtræning.",
        "Lokaler og materialer.",
        "Frivillige skifter ofte.",
    ),
    (
        "Sundhedscenter Solbakke",
        480,
        "Mette Sørensen",
        (3, 4, 3, 4, 4, 4, 5, 4, 3, 3, 4),
        4,
        3,
        3,
        2,
        "go_ahead",
        470,
        "Fagpersoner og viden om sundhed.",
        "Et offentligt rum og nye brugere.",
        "Kommunale omprioriteringer.",
    ),
)

# --- evaluations -----------------------------------------------------------------------------------

# key: (rounds, days between rounds, days since the last round,
#       {side: {dimension: (mean in the first round, mean in the last round)}})
EVALUATIONS: dict[str, tuple[int, int, int, dict[str, dict[str, tuple[float, float]]]]] = {
    "sommerbog": (
        5,
        180,
        30,
        {
            "library": {"samarbejde": (3.3, 4.5), "fremdrift": (3.0, 4.2), "resultater": (2.8, 4.3)},
            "partner": {"samarbejde": (3.1, 4.3), "fremdrift": (2.9, 4.0), "resultater": (2.7, 4.1)},
        },
    ),
    "sprogcafe": (
        4,
        150,
        60,
        {
            "library": {"samarbejde": (4.4, 2.7), "fremdrift": (3.9, 3.1), "resultater": (4.0, 3.4)},
            "partner": {"samarbejde": (4.2, 2.6), "fremdrift": (3.8, 3.0), "resultater": (3.9, 3.5)},
        },
    ),
    "kulturnat": (
        4,
        130,
        45,
        {
            "library": {"samarbejde": (4.2, 4.5), "fremdrift": (4.0, 4.3), "resultater": (4.1, 4.4)},
            "partner": {"samarbejde": (3.2, 2.9), "fremdrift": (3.1, 2.9), "resultater": (3.5, 3.2)},
        },
    ),
    "sundhed": (
        4,
        100,
        25,
        {
            "library": {"samarbejde": (3.7, 3.9), "fremdrift": (3.5, 3.7), "resultater": (3.6, 3.8)},
            "partner": {"samarbejde": (3.8, 3.9), "fremdrift": (3.4, 3.6), "resultater": (3.7, 3.9)},
        },
    ),
    "bogcafe": (
        2,
        200,
        ENDED_DAYS_AGO + 20,
        {
            "library": {"samarbejde": (3.6, 3.1), "fremdrift": (3.4, 2.8), "resultater": (3.5, 3.0)},
            "partner": {"samarbejde": (3.7, 3.2), "fremdrift": (3.3, 2.9), "resultater": (3.4, 2.9)},
        },
    ),
}
RESPONDENTS = {"library": ("Bibliotek 1", "Bibliotek 2", "Bibliotek 3"), "partner": ("Partner 1", "Partner 2")}
REFLECTIONS = (
    "Godt samarbejde, men vi mangler tid til at planlægge.",
    "Vi når nye deltagere, som ingen af os ville nå alene.",
    "Møderne er blevet sjældnere, og det kan mærkes.",
    "Roller og ansvar kunne godt være tydeligere.",
    "Det er værd at fortsætte, hvis vi får flere hænder.",
)


def _days(today: dt.date, days: int) -> dt.date:
    return today + dt.timedelta(days=days)


def _ids(session: Session, model: Any, column: Any) -> dict[str, int]:
    return {name: record_id for record_id, name in session.execute(select(model.id, column))}


@requires("edit")
def write_strategy(session: Session, seed: int, today: dt.date) -> dict[str, int]:
    """Add the demo's goals, partnerships, assessments and evaluations; returns how many of each.

    Call after the people and organisations of the demo are flushed (they are found by name).
    """
    rng = random.Random(f"{seed}-strategy")
    staff = {name: pid for pid, name in session.execute(select(Person.id, Person.name).where(Person.is_staff))}
    orgs = _ids(session, Organisation, Organisation.name)
    goals = _write_goals(session, rng, staff, today)
    partnerships = _write_partnerships(session, staff, orgs, goals, today)
    agreements = _write_agreements(session, partnerships, today)
    contacts = _write_contacts(session, rng, staff, partnerships, today)
    assessments = _write_assessments(session, staff, orgs, goals, today)
    rounds, responses = _write_evaluations(session, rng, partnerships, today)
    session.flush()
    return {
        "goals": len(goals),
        "partnerships": len(partnerships),
        "agreements": agreements,
        "contact_log": contacts,
        "assessments": assessments,
        "evaluation_rounds": rounds,
        "evaluation_responses": responses,
    }


def _write_goals(session: Session, rng: random.Random, staff: dict[str, int], today: dt.date) -> dict[str, int]:
    # The baseline lies a quarter before the first measurement, three years ago.
    baseline_date = _days(today, -(HISTORY_DAYS + QUARTER_DAYS))
    records: dict[str, Goal] = {}
    measurements: list[tuple[str, dt.date, float]] = []
    for key, (
        title,
        theme,
        owner,
        unit,
        baseline,
        target,
        decimals,
        target_in,
        pace,
        last_ago,
        description,
    ) in GOALS.items():
        target_date = _days(today, target_in)
        records[key] = Goal(
            title=title,
            theme=theme,
            owner_id=staff[owner],
            unit=unit,
            baseline=baseline,
            target=target,
            baseline_date=baseline_date,
            target_date=target_date,
            description=description,
        )
        total = (target_date - baseline_date).days
        measured_on = baseline_date + dt.timedelta(days=QUARTER_DAYS)
        while measured_on <= _days(today, -last_ago):
            expected = (measured_on - baseline_date).days / total
            share = pace * expected + rng.uniform(-0.025, 0.025)
            measurements.append((key, measured_on, round(baseline + share * (target - baseline), decimals)))
            measured_on += dt.timedelta(days=QUARTER_DAYS)
    session.add_all(records.values())
    session.flush()
    session.add_all(
        GoalMeasurement(goal_id=records[key].id, measured_on=on, value=value, source="Bibliotekets statistik")
        for key, on, value in measurements
    )
    return {key: record.id for key, record in records.items()}


def _write_partnerships(
    session: Session, staff: dict[str, int], orgs: dict[str, int], goals: dict[str, int], today: dt.date
) -> dict[str, Partnership]:
    records: dict[str, Partnership] = {}
    for key, (
        title,
        owner,
        _organisations,
        stage,
        closed,
        depth,
        formalisation,
        start_ago,
        rhythm,
        _goals,
        _last,
        notes,
    ) in PARTNERSHIPS.items():
        records[key] = Partnership(
            title=title,
            owner_id=staff[owner],
            stage=stage,
            closed=closed,
            ended_on=_days(today, -ENDED_DAYS_AGO) if closed else None,
            depth=depth,
            formalisation=formalisation,
            start_date=_days(today, -start_ago) if start_ago is not None else None,
            contact_rhythm_days=rhythm,
            notes=notes,
            library_resources=LIBRARY_RESOURCES if stage != "idea" else None,
            partner_resources=PARTNER_RESOURCES if stage != "idea" else None,
            end_date=_end_date(key, today),
        )
    session.add_all(records.values())
    session.flush()
    for key, spec in PARTNERSHIPS.items():
        session.add_all(
            PartnershipOrganisation(partnership_id=records[key].id, organisation_id=orgs[name]) for name in spec[2]
        )
        session.add_all(PartnershipGoal(partnership_id=records[key].id, goal_id=goals[goal]) for goal in spec[9])
    return records


def _end_date(key: str, today: dt.date) -> dt.date | None:
    end_in = AGREEMENTS[key][2] if key in AGREEMENTS else None
    return _days(today, end_in) if end_in is not None else None


def _write_agreements(session: Session, partnerships: dict[str, Partnership], today: dt.date) -> int:
    for key, (kind, review_in, _end_in) in AGREEMENTS.items():
        partnership = partnerships[key]
        names = PARTNERSHIPS[key][2]
        texts = dict(_AGREEMENT_TEXT)
        if kind == "sparse":
            texts = {name: value for name, value in texts.items() if name in _SPARSE_FIELDS}
        elif kind == "most":
            texts = {name: value for name, value in texts.items() if name not in _MOST_MISSING}
        full = kind != "sparse"
        session.add(
            Agreement(
                partnership_id=partnership.id,
                parties=f"Solbakke Bibliotekerne og {' og '.join(names)}" if full else None,
                review_date=_days(today, review_in) if review_in is not None else None,
                signed_on=partnership.start_date if full else None,
                document_ref=f"Sag {2023 + len(key) % 3}-{partnership.id:04d}" if full else None,
                **texts,
            )
        )
    return len(AGREEMENTS)


def _write_contacts(
    session: Session, rng: random.Random, staff: dict[str, int], partnerships: dict[str, Partnership], today: dt.date
) -> int:
    colleagues = sorted(staff.values())
    entries = []
    for key, spec in PARTNERSHIPS.items():
        rhythm, last_ago, start_ago = spec[8], spec[10], spec[7]
        if rhythm is None or last_ago is None:
            continue
        owner = staff[spec[1]]
        day = last_ago
        while day <= start_ago:
            entries.append(
                ContactLogEntry(
                    partnership_id=partnerships[key].id,
                    contacted_on=_days(today, -day),
                    staff_id=owner if rng.random() < 0.8 else rng.choice(colleagues),
                    channel=rng.choices(("meeting", "email", "phone", "event"), weights=(4, 3, 2, 1))[0],
                    note=rng.choice(CONTACT_NOTES) if rng.random() < 0.6 else None,
                )
            )
            day += max(7, round(rhythm * rng.uniform(0.6, 1.0)))
    session.add_all(entries)
    return len(entries)


def _write_assessments(
    session: Session, staff: dict[str, int], orgs: dict[str, int], goals: dict[str, int], today: dt.date
) -> int:

    for (
        name,
        days_ago,
        assessor,
        scores,
        influence,
        interest,
        value,
        effort,
        decision,
        decided_ago,
        to_us,
        from_us,
        risks,
    ) in ASSESSMENTS:
        session.add(
            Assessment(
                organisation_id=orgs[name],
                assessed_on=_days(today, -days_ago),
                assessor_id=staff[assessor],
                scores=dict(zip(CRITERIA, scores, strict=True)),
                weights={"goal_fit": 2.0, "target_group_reach": 2.0},
                goal_fit={
                    str(goals["read"]): _fit(scores[9]),
                    str(goals["meeting"]): _fit(scores[10]),
                    str(goals["green"]): _fit(scores[2]),
                },
                influence=influence,
                interest=interest,
                value=value,
                effort=effort,
                decision=decision,
                decided_on=_days(today, -decided_ago) if decided_ago is not None else None,
                decided_by_id=staff["Jørgen Bækgaard"] if decision else None,
                contribution_to_us=to_us,
                contribution_from_us=from_us,
                risks=risks,
            )
        )
    return len(ASSESSMENTS)


def _fit(score: int | None) -> int:
    """A goal fit (0-3) that follows a criterion score (1-5): 1-2 none, 3 a little, 4 clearly, 5 central."""
    return 0 if score is None else max(0, min(3, score - 2))


def _mean_at(first: float, last: float, index: int, rounds: int) -> float:
    return first if rounds == 1 else first + (last - first) * index / (rounds - 1)


def _answer(rng: random.Random, mean: float) -> int:
    return min(5, max(1, round(mean + rng.gauss(0, 0.55))))


def _write_evaluations(
    session: Session, rng: random.Random, partnerships: dict[str, Partnership], today: dt.date
) -> tuple[int, int]:
    items_by_dimension = {dimension: [code for code, dim in ITEMS if dim == dimension] for dimension in DIMENSIONS}
    rounds = responses = 0
    for key, (count, spacing, last_ago, means) in EVALUATIONS.items():
        partnership = partnerships[key]
        for index in range(count):
            held_on = _days(today, -(last_ago + spacing * (count - 1 - index)))
            record = EvaluationRound(partnership_id=partnership.id, held_on=held_on, title=f"Evaluering {index + 1}")
            session.add(record)
            session.flush()
            rounds += 1
            for side, labels in RESPONDENTS.items():
                for label in _respondents(rng, labels):
                    answers = {
                        code: _answer(rng, _mean_at(*means[side][dimension], index, count))
                        for dimension, codes in items_by_dimension.items()
                        for code in codes
                    }
                    session.add(
                        EvaluationResponse(
                            round_id=record.id,
                            respondent_side=side,
                            respondent=label,
                            answers=answers,
                            reflections=rng.choice(REFLECTIONS) if rng.random() < 0.4 else None,
                        )
                    )
                    responses += 1
    return rounds, responses


def _respondents(rng: random.Random, labels: Sequence[str]) -> Sequence[str]:
    return labels[: max(2, rng.randint(2, len(labels)))]
