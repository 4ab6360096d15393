"""Texts of the task calendar: the .ics file, the subscription address and its page section (issue 17,
item 3)."""

TEXTS: dict[str, dict[str, str]] = {
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
