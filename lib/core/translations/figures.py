"""The key figures (``lib.reporting.figures``): each figure's label (its unit named) and its one-line definition."""

TEXTS = {
    "figures.active_partnerships.label": {"da": "Aktive partnerskaber", "en": "Active partnerships"},
    "figures.active_partnerships.definition": {
        "da": "Partnerskaber i gang på dagen: forbi idéstadiet, startet og ikke afsluttet.",
        "en": "Partnerships under way on the day: past the idea, started and not ended.",
    },
    "figures.written_agreements.label": {
        "da": "Aktive partnerskaber med skriftlig aftale",
        "en": "Active partnerships with a written agreement",
    },
    "figures.written_agreements.definition": {
        "da": "Aktive partnerskaber med en skriftlig aftale: aftalen er registreret med den dag, den blev underskrevet.",
        "en": "Active partnerships with a written agreement: the agreement is on record with the day it was signed.",
    },
    "figures.goals.label": {"da": "Mål", "en": "Goals"},
    "figures.goals.definition": {
        "da": "Alle bibliotekets mål, målt eller ej.",
        "en": "All the library's goals, measured or not.",
    },
    "figures.goals_on_track.label": {"da": "Mål på rette spor", "en": "Goals on track"},
    "figures.goals_on_track.definition": {
        "da": "Mål, hvis seneste måling højst er 10 procentpoint efter den forventede fremdrift.",
        "en": "Goals whose latest measurement is at most 10 percentage points behind the expected progress.",
    },
    "figures.goals_at_risk.label": {"da": "Mål i fare", "en": "Goals at risk"},
    "figures.goals_at_risk.definition": {
        "da": "Mål, hvis seneste måling er mere end 10 og højst 25 procentpoint efter den forventede fremdrift.",
        "en": "Goals whose latest measurement is more than 10 and at most 25 percentage points behind the "
        "expected progress.",
    },
    "figures.goals_off_track.label": {"da": "Mål bagud", "en": "Goals off track"},
    "figures.goals_off_track.definition": {
        "da": "Mål, hvis seneste måling er mere end 25 procentpoint efter den forventede fremdrift.",
        "en": "Goals whose latest measurement is more than 25 percentage points behind the expected progress.",
    },
    "figures.goals_not_measured.label": {"da": "Mål, der endnu ikke er målt", "en": "Goals not yet measured"},
    "figures.goals_not_measured.definition": {
        "da": "Mål uden nogen måling endnu; de tæller ikke som »ikke målt længe«.",
        "en": "Goals without any measurement yet; they do not count as \u201cnot measured for long\u201d.",
    },
    "figures.evaluation_score.label": {"da": "Evalueringsscore (1–5)", "en": "Evaluation score (1–5)"},
    "figures.evaluation_score.definition": {
        "da": "Gennemsnit over de aktive partnerskaber af alle svar (begge parter, 1–5) i deres seneste "
        "evalueringsrunde.",
        "en": "The mean over the active partnerships of all answers (both sides, 1–5) in their latest "
        "evaluation round.",
    },
    "figures.partner_organisations.label": {"da": "Partnerorganisationer", "en": "Partner organisations"},
    "figures.partner_organisations.definition": {
        "da": "Organisationer i et aktivt partnerskab eller med en partnerrelation til biblioteket.",
        "en": "Organisations in an active partnership or with a partner relation to the library.",
    },
    "figures.organisations.label": {"da": "Organisationer", "en": "Organisations"},
    "figures.organisations.definition": {
        "da": "Organisationer i netværket på dagen, partnere eller ej.",
        "en": "Organisations in the network on the day, partners or not.",
    },
    "figures.contacts.label": {"da": "Kontaktpersoner", "en": "Contacts"},
    "figures.contacts.definition": {
        "da": "Personer uden for biblioteket i netværket på dagen (ikke medarbejdere).",
        "en": "People outside the library in the network on the day (not staff).",
    },
    "figures.staff.label": {"da": "Medarbejdere", "en": "Staff"},
    "figures.staff.definition": {
        "da": "Bibliotekets egne medarbejdere i netværket på dagen.",
        "en": "The library's own staff in the network on the day.",
    },
    "figures.single_person_partnerships.label": {
        "da": "Partnerskaber, der hænger på én person",
        "en": "Partnerships that hang on one person",
    },
    "figures.single_person_partnerships.definition": {
        "da": "Aktive partnerskaber, hvor ingen anden medarbejder end ejeren har sit eget bånd til "
        "partnerorganisationerne.",
        "en": "Active partnerships where no staff member but the owner has a tie of their own with the partner "
        "organisations.",
    },
    "figures.single_person_organisations.label": {
        "da": "Organisationer, der hænger på én person",
        "en": "Organisations that hang on one person",
    },
    "figures.single_person_organisations.definition": {
        "da": "Organisationer, som kun én medarbejder har nogen forbindelse til: direkte, gennem folk der "
        "arbejder der, eller gennem et partnerskab.",
        "en": "Organisations only one staff member is connected to at all: directly, through people working "
        "there, or through a partnership.",
    },
    "figures.cold_ties.label": {"da": "Bånd, der bliver kolde", "en": "Ties going cold"},
    "figures.cold_ties.definition": {
        "da": "Bibliotekets bånd uden kontakt i 12 måneder eller mere (bånd uden dato tælles ikke med).",
        "en": "The library's ties without contact for 12 months or more (ties without a date are not counted).",
    },
    "figures.reviews_due.label": {
        "da": "Partnerskaber, hvis aftale skal gennemgås",
        "en": "Partnerships with an agreement review due",
    },
    "figures.reviews_due.definition": {
        "da": "Partnerskaber, der ikke er afsluttet, hvis aftales gennemgangsdato er passeret eller ligger "
        "inden for 30 dage.",
        "en": "Partnerships not ended whose agreement's review date has passed or is within 30 days.",
    },
    "figures.agreements_ending.label": {
        "da": "Partnerskaber, hvis aftale udløber",
        "en": "Partnerships whose agreement is ending",
    },
    "figures.agreements_ending.definition": {
        "da": "Partnerskaber, der ikke er afsluttet, hvis slutdato er passeret eller ligger inden for 60 dage.",
        "en": "Partnerships not ended whose end date has passed or is within 60 days.",
    },
    "figures.goals.stale_note": {
        "da": "Ikke målt i over {days} {days:dag|dage}: {stale} mål.",
        "en": "Goals not measured for more than {days} {days:day|days}: {stale}.",
    },
    # The command line: python -m lib figures
    "figures.cli.heading": {"da": "Nøgletal pr. {date}", "en": "Key figures on {date}"},
    "figures.cli.help": {"da": "Nøgletallene med deres definitioner", "en": "The key figures with their definitions"},
    "figures.col.key": {"da": "Nøgle", "en": "Key"},
    "figures.col.definition": {"da": "Definition", "en": "Definition"},
}
