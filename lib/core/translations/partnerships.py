"""Texts of partnerships: stages, depth, formalisation, agreements, contact log, alerts, import."""

TEXTS = {
    # Stages (the pipeline's columns)
    "partnerships.stage.idea": {"da": "Idé", "en": "Idea"},
    "partnerships.stage.scoping_building": {"da": "Afdækning og opbygning", "en": "Scoping and building"},
    "partnerships.stage.managing_maintaining": {"da": "Styring og vedligehold", "en": "Managing and maintaining"},
    "partnerships.stage.reviewing_revising": {"da": "Evaluering og justering", "en": "Reviewing and revising"},
    "partnerships.stage.sustaining_ending": {"da": "Forankring eller afslutning", "en": "Sustaining or ending"},
    "partnerships.stage.ended": {"da": "Afsluttet", "en": "Ended"},
    # Depth ladder
    "partnerships.depth.networking": {"da": "Netværk", "en": "Networking"},
    "partnerships.depth.networking.help": {"da": "I udveksler information.", "en": "You exchange information."},
    "partnerships.depth.coordinating": {"da": "Koordinering", "en": "Coordinating"},
    "partnerships.depth.coordinating.help": {
        "da": "I tilpasser jeres aktiviteter til hinanden.",
        "en": "You adjust your activities to each other.",
    },
    "partnerships.depth.cooperating": {"da": "Samarbejde", "en": "Cooperating"},
    "partnerships.depth.cooperating.help": {"da": "I deler ressourcer.", "en": "You share resources."},
    "partnerships.depth.collaborating": {"da": "Samskabelse", "en": "Collaborating"},
    "partnerships.depth.collaborating.help": {
        "da": "I styrker hinandens evne til at nå jeres mål.",
        "en": "You strengthen each other's capacity to reach your goals.",
    },
    # Formalisation
    "partnerships.formalisation.informal": {"da": "Uformelt", "en": "Informal"},
    "partnerships.formalisation.oral": {"da": "Mundtlig aftale", "en": "Oral agreement"},
    "partnerships.formalisation.written": {"da": "Skriftlig aftale", "en": "Written agreement"},
    "partnerships.formalisation.contract": {"da": "Kontrakt", "en": "Contract"},
    # Contact channels
    "partnerships.channel.meeting": {"da": "Møde", "en": "Meeting"},
    "partnerships.channel.phone": {"da": "Telefon", "en": "Phone"},
    "partnerships.channel.email": {"da": "E-mail", "en": "E-mail"},
    "partnerships.channel.event": {"da": "Arrangement", "en": "Event"},
    "partnerships.channel.other": {"da": "Andet", "en": "Other"},
    # Agreement fields
    "partnerships.agreement.parties": {"da": "Parter", "en": "Parties"},
    "partnerships.agreement.purpose": {"da": "Formål", "en": "Purpose"},
    "partnerships.agreement.target_group": {"da": "Målgruppe", "en": "Target group"},
    "partnerships.agreement.contributions_library": {
        "da": "Bibliotekets bidrag (timer, penge, lokaler, kompetencer)",
        "en": "The library's contribution (hours, money, rooms, skills)",
    },
    "partnerships.agreement.contributions_partner": {
        "da": "Partnerens bidrag (timer, penge, lokaler, kompetencer)",
        "en": "The partner's contribution (hours, money, rooms, skills)",
    },
    "partnerships.agreement.roles": {"da": "Roller og ansvar", "en": "Roles and responsibilities"},
    "partnerships.agreement.contact_persons": {"da": "Kontaktpersoner", "en": "Contact persons"},
    "partnerships.agreement.communication": {"da": "Kommunikation", "en": "Communication"},
    "partnerships.agreement.start_date": {"da": "Startdato", "en": "Start date"},
    "partnerships.agreement.end_date": {"da": "Slutdato", "en": "End date"},
    "partnerships.agreement.review_date": {"da": "Dato for opfølgning", "en": "Review date"},
    "partnerships.agreement.economy": {"da": "Økonomi", "en": "Economy"},
    "partnerships.agreement.rights_branding": {"da": "Rettigheder og afsender", "en": "Rights and branding"},
    "partnerships.agreement.evaluation_method": {"da": "Sådan evaluerer vi", "en": "How it is evaluated"},
    "partnerships.agreement.termination": {"da": "Ophør og opsigelse", "en": "Ending and notice"},
    "partnerships.agreement.signed_on": {"da": "Underskrevet den", "en": "Signed on"},
    "partnerships.agreement.document_ref": {"da": "Dokument (sted eller link)", "en": "Document (location or link)"},
    # One-page summary
    "partnerships.summary.sheet": {"da": "Samarbejdsaftale", "en": "Agreement"},
    "partnerships.summary.what": {"da": "Punkt", "en": "Item"},
    "partnerships.summary.contents": {"da": "Indhold", "en": "Contents"},
    "partnerships.summary.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "partnerships.summary.partners": {"da": "Partnere", "en": "Partners"},
    "partnerships.summary.owner": {"da": "Partnerskabsansvarlig", "en": "Partnership owner"},
    "partnerships.summary.stage": {"da": "Fase", "en": "Stage"},
    "partnerships.summary.depth": {"da": "Samarbejdets dybde", "en": "Depth of collaboration"},
    "partnerships.summary.formalisation": {"da": "Formalisering", "en": "Formalisation"},
    "partnerships.summary.goals": {"da": "Bibliotekets mål", "en": "Library goals served"},
    "partnerships.summary.signed_on": {"da": "Underskrevet den", "en": "Signed on"},
    "partnerships.summary.document": {"da": "Dokument", "en": "Document"},
    "partnerships.summary.completeness": {"da": "Aftalen er udfyldt", "en": "Agreement filled in"},
    "partnerships.written_rule": {
        "da": (
            "Et partnerskab har en skriftlig aftale, når aftalen er registreret med den dato, den blev "
            "underskrevet. Hvor meget af aftalen der er udfyldt, tæller ikke med; formaliseringen følger af det."
        ),
        "en": (
            "A partnership has a written agreement when its agreement is recorded with the day it was signed. "
            "How much of it is filled in does not count; the formalisation follows from it."
        ),
    },
    # Alerts
    "partnerships.alert.review_overdue": {
        "da": "»{title}«: aftalen skulle have været fulgt op {date} ({days} {days:dag|dage} siden).",
        "en": '"{title}": the agreement was due for review on {date} ({days} {days:day|days} ago).',
    },
    "partnerships.alert.review_soon": {
        "da": "»{title}«: aftalen skal følges op {date} (om {days} {days:dag|dage}).",
        "en": '"{title}": the agreement is due for review on {date} (in {days} {days:day|days}).',
    },
    "partnerships.alert.ending_soon": {
        "da": "»{title}«: partnerskabet slutter {date} (om {days} {days:dag|dage}). Skal det forlænges eller afsluttes?",
        "en": '"{title}": the partnership ends on {date} (in {days} {days:day|days}). Extend it or close it?',
    },
    "partnerships.alert.end_passed": {
        "da": "»{title}«: slutdatoen {date} er passeret, men partnerskabet er ikke markeret som afsluttet.",
        "en": '"{title}": the end date {date} has passed, but the partnership is not marked as ended.',
    },
    "partnerships.alert.no_written_agreement": {
        "da": "»{title}« er i gang, men har ingen skriftlig aftale.",
        "en": '"{title}" is under way but has no written agreement.',
    },
    "partnerships.alert.contact_overdue": {
        "da": "»{title}«: næste kontakt var planlagt til {date} ({days} {days:dag|dage} over tid).",
        "en": '"{title}": the next contact was due on {date} ({days} {days:day|days} overdue).',
    },
    "partnerships.severity.high": {"da": "Vigtigt", "en": "Important"},
    "partnerships.severity.medium": {"da": "Snart", "en": "Coming up"},
    # Fields (also the headers of the partnerships template)
    "partnerships.col.title": {"da": "Partnerskab", "en": "Partnership"},
    "partnerships.col.owner": {"da": "Ansvarlig", "en": "Owner"},
    "partnerships.col.stage": {"da": "Fase", "en": "Stage"},
    "partnerships.col.depth": {"da": "Dybde", "en": "Depth"},
    "partnerships.col.formalisation": {"da": "Formalisering", "en": "Formalisation"},
    "partnerships.col.organisations": {"da": "Partnere", "en": "Partners"},
    "partnerships.col.goals": {"da": "Mål", "en": "Goals"},
    "partnerships.col.start_date": {"da": "Startdato", "en": "Start date"},
    "partnerships.col.end_date": {"da": "Slutdato", "en": "End date"},
    "partnerships.col.contact_rhythm_days": {"da": "Kontaktrytme (dage)", "en": "Contact rhythm (days)"},
    "partnerships.col.library_resources": {"da": "Bibliotekets ressourcer", "en": "Library resources"},
    "partnerships.col.partner_resources": {"da": "Partnerens ressourcer", "en": "Partner resources"},
    "partnerships.col.notes": {"da": "Noter", "en": "Notes"},
    "partnerships.col.ended_on": {"da": "Afsluttet den", "en": "Ended on"},
    "partnerships.sheet.partnerships": {"da": "Partnerskaber", "en": "Partnerships"},
    "partnerships.guide.rhythm": {
        "da": "Hvor ofte I vil være i kontakt med partneren, i dage (fx 30).",
        "en": "How often you mean to be in touch with the partner, in days (e.g. 30).",
    },
    "partnerships.guide.ended_on": {
        "da": "Udfyldes kun, når partnerskabet er afsluttet.",
        "en": "Only filled in once the partnership has ended.",
    },
    # Checks
    "partnerships.title_required": {"da": "Partnerskabet skal have en titel.", "en": "The partnership needs a title."},
    "partnerships.title_taken": {
        "da": "Der er allerede et igangværende partnerskab, der hedder »{title}«.",
        "en": 'There already is an open partnership called "{title}".',
    },
    "partnerships.dates_order": {
        "da": "Slutdatoen ligger før startdatoen.",
        "en": "The end date is before the start date.",
    },
    "partnerships.rhythm_invalid": {
        "da": "Kontaktrytmen skal være et helt antal dage fra {low} til {high}.",
        "en": "The contact rhythm must be a whole number of days from {low} to {high}.",
    },
    "partnerships.no_such_partnership": {
        "da": "Partnerskabet (nr. {id}) findes ikke.",
        "en": "The partnership (no. {id}) does not exist.",
    },
    "partnerships.no_such_organisation": {
        "da": "Organisationen (nr. {id}) findes ikke.",
        "en": "The organisation (no. {id}) does not exist.",
    },
    "partnerships.no_such_contact": {
        "da": "Kontakten (nr. {id}) findes ikke i loggen.",
        "en": "The contact (no. {id}) is not in the log.",
    },
    "partnerships.contacted_on_required": {"da": "Angiv datoen for kontakten.", "en": "Enter the date of the contact."},
    # Import
    "partnerships.import.partnership_exists": {
        "da": "Der er allerede et igangværende partnerskab, der hedder »{title}«; rækken er sprunget over.",
        "en": 'There already is an open partnership called "{title}"; the row was skipped.',
    },
    "partnerships.import.unknown_goal": {
        "da": "Målet »{title}« findes ikke i arbejdsområdet; partnerskabet er ikke knyttet til det.",
        "en": 'The goal "{title}" is not in the workspace; the partnership was not linked to it.',
    },
}
