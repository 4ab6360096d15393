"""The demo library's strengths profile: what each team can offer partners.

Sixteen offers of four teams ("Børn og unge", "Voksne og kultur", "Digitalt", "Ledelse") cover all
seven categories; each names a staff member of the demo as contact and the kinds of partner it
speaks to. Most were confirmed within the last year; three have not been looked at for more than
twelve months, so the page and the radar have something to flag. Deterministic: the days come from
``random.Random(f"{seed}-strengths")`` and are counted back from ``today``.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.vocabulary import ORGANISATION_TYPES
from lib.db import Person, StrengthOffer

# (team, category, title, contact (a demo staff member), partner types, stale, description)
OFFERS: tuple[tuple[str, str, str, str, tuple[str, ...], bool, str], ...] = (
    (
        "Børn og unge",
        "rooms",
        "Læsehulen og børneværkstedet",
        "Anne-Sofie Kjær",
        ("education", "municipal", "association"),
        False,
        "Et lyst rum til 25 børn med værkstedsborde og projektor. Skoler, dagtilbud og foreninger kan "
        "booke det gratis på hverdage før kl. 14.",
    ),
    (
        "Børn og unge",
        "target_groups",
        "Vi møder børnefamilierne hver uge",
        "Anne-Sofie Kjær",
        ("municipal", "association", "cultural", "citizen_group"),
        False,
        "Babysalmesang, lørdagsværksteder og Sommerbogen samler omkring 300 familier om måneden – også "
        "familier, som kommunens andre tilbud har svært ved at nå.",
    ),
    (
        "Børn og unge",
        "expertise",
        "Læselyst og sprogstimulering",
        "Birgitte Østergaard",
        ("education", "municipal", "adult_education"),
        False,
        "Vores læringskonsulent har mange års erfaring med dialogisk læsning og holder kurser for "
        "pædagoger, lærere og forældre.",
    ),
    (
        "Børn og unge",
        "outreach_events",
        "Skolernes bogfestival",
        "Birgitte Østergaard",
        ("education", "foundation", "media"),
        True,
        "En uge hvert efterår med forfatterbesøg for alle 4.-6. klasser i kommunen. Vi står for "
        "program, forfatteraftaler og logistik.",
    ),
    (
        "Voksne og kultur",
        "rooms",
        "Salen på Hovedbiblioteket",
        "Emil Frandsen",
        ("association", "adult_education", "cultural", "citizen_group"),
        False,
        "120 siddepladser, scene, lyd og lys. Gratis for foreninger, der holder åbne arrangementer; vi "
        "hjælper med teknikken på dagen.",
    ),
    (
        "Voksne og kultur",
        "outreach_events",
        "Forfattermøder og debataftener",
        "Rasmus Holm",
        ("cultural", "media", "association", "adult_education"),
        False,
        "Omkring 40 arrangementer om året. Vi markedsfører i bibliotekets kanaler og deler gerne scenen "
        "med partnere, der har en sag eller en fortælling.",
    ),
    (
        "Voksne og kultur",
        "target_groups",
        "Ældre og deres pårørende",
        "Signe Friis",
        ("municipal", "association", "union"),
        False,
        "Læsekredse, IT-hjælp og demensvenlige formiddage bringer hver uge ældre borgere ind i huset – "
        "mange af dem bor alene.",
    ),
    (
        "Voksne og kultur",
        "target_groups",
        "Nye danskere i sprogcaféen",
        "Leyla Haddad",
        ("municipal", "adult_education", "association"),
        True,
        "Sprogcaféen har fast besøg af borgere med mange forskellige modersmål, og frivillige fra "
        "lokalsamfundet er med hver gang.",
    ),
    (
        "Voksne og kultur",
        "network",
        "Foreningslivet i hele kommunen",
        "Karen Mølgaard",
        ("association", "adult_education", "citizen_group"),
        False,
        "Gennem Foreningsforum kender vi over 60 foreninger og aftenskoler. Vi kan åbne døre og samle "
        "de rette parter omkring et bord.",
    ),
    (
        "Digitalt",
        "digital",
        "Hjemmeside, nyhedsbrev og sociale medier",
        "Sidsel Ågaard",
        ("association", "cultural", "business", "adult_education"),
        False,
        "Nyhedsbrevet har omkring 9.000 modtagere. Partnere kan få deres arrangementer med i kalenderen "
        "og i vores opslag.",
    ),
    (
        "Digitalt",
        "expertise",
        "Digital dannelse og IT-hjælp",
        "Thomas Winther",
        ("municipal", "adult_education", "state", "business"),
        False,
        "Vi hjælper borgere med MitID, digital post og sikkerhed på nettet og underviser gerne "
        "medarbejdere hos partnere i at gøre det samme.",
    ),
    (
        "Digitalt",
        "rooms",
        "Makerspace med 3D-printer og lydstudie",
        "Thomas Winther",
        ("education", "business", "association"),
        True,
        "Udstyr og vejledning til at prøve ny teknologi af. Skoler og virksomheder kan låne rummet til workshops.",
    ),
    (
        "Digitalt",
        "digital",
        "Streaming af arrangementer",
        "Emil Frandsen",
        ("cultural", "library", "adult_education"),
        False,
        "Vi kan streame og optage foredrag, så de også når borgere, der ikke kan komme til biblioteket.",
    ),
    (
        "Ledelse",
        "reputation",
        "Et troværdigt og ikke-kommercielt mødested",
        "Jørgen Bækgaard",
        ("foundation", "business", "state", "municipal"),
        False,
        "Borgerne har stor tillid til biblioteket. Et partnerskab med os giver et projekt legitimitet og "
        "adgang til et bredt publikum.",
    ),
    (
        "Ledelse",
        "network",
        "Adgang til kommunens forvaltninger",
        "Mette Sørensen",
        ("municipal", "state", "library", "foundation"),
        False,
        "Vi samarbejder tæt med jobcenter, sundhed og børn og unge og kan bygge bro mellem en partner "
        "og den rette afdeling.",
    ),
    (
        "Ledelse",
        "expertise",
        "Fondsansøgninger og projektledelse",
        "Mikkel Dahl",
        ("foundation", "association", "cultural"),
        False,
        "Vi har skrevet ansøgninger, der har givet over to millioner kroner til fælles projekter, og "
        "leder gerne projektet sammen med partneren.",
    ),
)

#: Fresh offers were confirmed this many days ago at most; stale ones between these bounds.
FRESH_DAYS = (5, 330)
STALE_DAYS = (400, 800)


@requires("edit")
def write_strengths(session: Session, seed: int, today: dt.date) -> dict[str, int]:
    """Add the demo's strengths profile: what each team can offer partners; returns how many were written.

    Call after the people, organisations and strategy of the demo are flushed (contacts are found by name).
    """
    rng = random.Random(f"{seed}-strengths")
    staff = {name: pid for pid, name in session.execute(select(Person.id, Person.name).where(Person.is_staff))}
    offers = []
    for team, category, title, contact, partner_types, stale, description in OFFERS:
        days = rng.randint(*(STALE_DAYS if stale else FRESH_DAYS))
        offers.append(
            StrengthOffer(
                team=team,
                category=category,
                title=title,
                description=description,
                contact_person_id=staff.get(contact),
                # In the vocabulary's order, as lib.library.strengths stores them.
                partner_types=[code for code in ORGANISATION_TYPES if code in partner_types],
                updated_on=today - dt.timedelta(days=days),
            )
        )
    session.add_all(offers)
    session.flush()
    return {"strength_offers": len(offers)}
