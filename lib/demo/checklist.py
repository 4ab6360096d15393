"""The demo library's dated checklist self-assessments over the eight headings.

Four self-assessments over three years, filled in by the network lead (the first together with the
library's head): the library starts low on most headings and improves step by step, fastest where
the strategy work began (goals, agreements, evaluation) and slowest where it is hardest (preparing
the organisation, showing who it is). The first one leaves "Vis, hvem du er!" blank: nobody had
thought about it yet. The scores are fixed, so every seed gives the same history; dates are counted
back from ``today`` like the rest of the demo.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.db import CHECKLIST_HEADINGS, ChecklistAssessment, Person

#: (days before today, assessor, scores in checklist order (None: blank), notes by heading)
ASSESSMENTS: tuple[tuple[int, str, tuple[int | None, ...], dict[str, str]], ...] = (
    (
        3 * 365 - 20,
        "Jørgen Bækgaard",
        (2, 1, 3, 1, 2, 1, None, 2),
        {
            "professionalise": "Mange samarbejder, men de fleste kører på mundtlige aftaler og gode relationer.",
            "be_strategic": "Vi har ingen målbare mål; partnerskaber opstår, når nogen får en idé.",
            "nurture_network": "Netværket er stort, men det ligger i hovedet på få medarbejdere.",
            "prepare_organisation": "Partnerskaber ses som Mettes opgave, ikke som noget alle er en del af.",
        },
    ),
    (
        2 * 365,
        "Mette Sørensen",
        (3, 2, 3, 2, 3, 2, 1, 2),
        {
            "be_strategic": "Første udkast til mål for læselyst og digital inklusion er vedtaget.",
            "choose_partners": "Vi er begyndt at vurdere nye partnere på faste kriterier.",
            "show_who_you_are": "Vi kan ikke sige kort, hvad vi kan tilbyde en partner.",
        },
    ),
    (
        365,
        "Mette Sørensen",
        (3, 3, 4, 2, 3, 3, 2, 3),
        {
            "professionalise": "Alle aktive partnerskaber er registreret med fase og ansvarlig.",
            "nurture_network": "Kontaktlisterne er samlet ét sted, og vi følger op på kolde relationer.",
            "support_partnership": "Fælles evaluering to gange om året i de største partnerskaber.",
        },
    ),
    (
        30,
        "Mette Sørensen",
        (4, 4, 4, 3, 4, 3, 3, 4),
        {
            "professionalise": "Skriftlige aftaler i næsten alle partnerskaber; én mangler stadig.",
            "prepare_organisation": "Kompetenceafklaring gennemført, men flere partnerskaber hænger på én person.",
            "focus_library": "Målene følges hvert kvartal; to mål halter.",
            "show_who_you_are": "Styrkeprofilen er skrevet, men skal holdes ajour.",
        },
    ),
)


@requires("edit")
def write_radar(session: Session, seed: int, today: dt.date) -> dict[str, int]:
    """Add the demo's dated checklist self-assessments over the eight headings; returns how many of each were written.

    Call after the people, organisations and strategy of the demo are flushed. ``seed`` is accepted
    like the other demo parts; the history is fixed (see the module notes).
    """
    del seed  # the self-assessments are the same for every seed
    staff = dict(session.execute(select(Person.name, Person.id).where(Person.is_staff.is_(True))).all())
    for days_ago, assessor, scores, notes in ASSESSMENTS:
        session.add(
            ChecklistAssessment(
                assessed_on=today - dt.timedelta(days=days_ago),
                assessor_id=staff.get(assessor),
                scores={h: s for h, s in zip(CHECKLIST_HEADINGS, scores, strict=True) if s is not None},
                notes=notes,
            )
        )
    session.flush()
    return {"checklist_assessments": len(ASSESSMENTS)}
