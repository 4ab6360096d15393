"""Texts of the task list ("Mine opgaver") and of registering what was done (issue 17, item 2)."""

TEXTS: dict[str, dict[str, str]] = {
    "tasks.kind.review": {
        "da": "Evaluér samarbejdsaftalen for {title}",
        "en": "Review the agreement of {title}",
    },
    "tasks.kind.agreement_end": {
        "da": "Samarbejdsaftalen for {title} udløber: forlæng eller afslut",
        "en": "The agreement of {title} ends: renew or close",
    },
    "tasks.kind.contact": {
        "da": "Tag kontakt til partnerne i {title}",
        "en": "Get in touch with the partners of {title}",
    },
    "tasks.kind.cold_tie": {
        "da": "Hold kontakten med {title} varm (sidst i kontakt {last_contact})",
        "en": "Keep in touch with {title} (last contact {last_contact})",
    },
    "tasks.kind.measurement": {
        "da": "Mål målet {title}",
        "en": "Measure the goal {title}",
    },
    "tasks.kind.evaluation": {
        "da": "Evalueringsrunde i {title}",
        "en": "Evaluation round in {title}",
    },
    "tasks.not_a_contact": {
        "da": "Denne opgave er ikke en kontakt, der kan registreres.",
        "en": "This task is not a contact that can be registered.",
    },
    "tasks.tie_gone": {
        "da": "Forbindelsen findes ikke længere. Den kan være slettet eller flettet med en anden.",
        "en": "The tie no longer exists. It may have been deleted or merged with another.",
    },
    "tasks.no_agreement": {
        "da": "Partnerskabet har ingen samarbejdsaftale at evaluere.",
        "en": "The partnership has no agreement to review.",
    },
    "tasks.next_review_after": {
        "da": "Næste evaluering skal ligge efter den, der registreres nu.",
        "en": "The next review must come after the one being registered.",
    },
    "admin.action.tie_contact_registered": {
        "da": "Kontakt med en forbindelse registreret",
        "en": "Contact on a tie registered",
    },
    "admin.action.agreement_reviewed": {"da": "Samarbejdsaftale evalueret", "en": "Agreement reviewed"},
}
