"""Texts of the task calendar: the .ics file, the subscription address and its page section (issue 17,
item 3)."""

TEXTS: dict[str, dict[str, str]] = {
    "calendar.cli.no_staff": {
        "da": "Ingen medarbejder har e-mailen {email}.",
        "en": "No staff member has the e-mail {email}.",
    },
    "calendar.cli.written": {
        "da": "{events} {events:opgave|opgaver} skrevet til {out}.",
        "en": "{events} {events:task|tasks} written to {out}.",
    },
    "admin.action.calendar_exported": {
        "da": "Opgaver hentet som kalenderfil",
        "en": "Tasks downloaded as a calendar file",
    },
    "calendar.section": {"da": "I din kalender", "en": "In your calendar"},
    "calendar.download": {"da": "Hent som kalenderfil (.ics)", "en": "Download as a calendar file (.ics)"},
    "calendar.download_help": {
        "da": "Et år frem: evalueringer, aftaler der udløber, planlagte kontakter, forbindelser der bliver kolde, "
        "målinger og evalueringsrunder. Åbn filen i Outlook eller Google Kalender. Hentes den igen, flyttes de "
        "samme begivenheder i stedet for at komme to gange.",
        "en": "A year ahead: reviews, agreements ending, planned contacts, ties going cold, measurements and "
        "evaluation rounds. Open the file in Outlook or Google Calendar. Downloaded again, the same events move "
        "instead of appearing twice.",
    },
    "calendar.subscribe_intro": {
        "da": "Med et abonnement henter din kalender selv dine opgaver nogle gange om dagen. Adressen er "
        "personlig og hemmelig: den, der har den, kan se dine opgaver. Den vises kun én gang.",
        "en": "With a subscription your calendar fetches your tasks itself a few times a day. The address is "
        "personal and secret: whoever has it can see your tasks. It is shown only once.",
    },
    "calendar.make_address": {"da": "Lav en abonnementsadresse", "en": "Make a subscription address"},
    "calendar.new_address": {
        "da": "Ny abonnementsadresse (den gamle holder op med at virke)",
        "en": "New subscription address (the old one stops working)",
    },
    "calendar.end_address": {"da": "Luk abonnementet", "en": "End the subscription"},
    "calendar.address_made": {
        "da": "Din abonnementsadresse er lavet. Kopiér den nu: i Outlook under Tilføj kalender → Abonnér fra "
        "internettet, i Google Kalender under Andre kalendere → Fra URL.",
        "en": "Your subscription address is made. Copy it now: in Outlook under Add calendar → Subscribe from "
        "web, in Google Calendar under Other calendars → From URL.",
    },
    "calendar.address_ended": {
        "da": "Abonnementet er lukket. Adressen virker ikke længere.",
        "en": "The subscription has ended. The address no longer works.",
    },
    "calendar.has_address": {
        "da": "Du har en abonnementsadresse, der virker.",
        "en": "You have a working subscription address.",
    },
    "calendar.own_only": {
        "da": "Abonnementer laves af den enkelte medarbejder for sig selv: vælg dig selv ovenfor.",
        "en": "Each staff member makes a subscription for themselves: choose yourself above.",
    },
    "calendar.no_public_address": {
        "da": "Abonnement kræver, at it-afdelingen har sat en offentlig adresse til kalenderen op (se vejledningen "
        "for drift). Indtil da kan du hente kalenderfilen ovenfor.",
        "en": "A subscription needs the IT department to set up a public address for the calendar (see the "
        "operations guide). Until then you can download the calendar file above.",
    },
    "calendar.title": {"da": "Partnerskabsradar – opgaver: {name}", "en": "Partnerskabsradar – tasks: {name}"},
    "calendar.due": {"da": "Senest {date}.", "en": "Due {date}."},
    "calendar.overdue": {
        "da": "Forsinket: skulle have været gjort {date}.",
        "en": "Overdue: was due {date}.",
    },
    "calendar.register_here": {
        "da": "Registrér det, når det er gjort, under Mine opgaver i Partnerskabsradar.",
        "en": "Register it when done under My tasks in Partnerskabsradar.",
    },
    "calendar.category": {"da": "Partnerskaber", "en": "Partnerships"},
    "admin.action.calendar_token_issued": {
        "da": "Kalenderabonnement oprettet (ny hemmelig adresse)",
        "en": "Calendar subscription made (new secret address)",
    },
    "admin.action.calendar_token_revoked": {
        "da": "Kalenderabonnement lukket",
        "en": "Calendar subscription ended",
    },
}
