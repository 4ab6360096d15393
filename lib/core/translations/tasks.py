"""Texts of the task list ("Mine opgaver") and of registering what was done (issue 17, item 2)."""

TEXTS: dict[str, dict[str, str]] = {
    "nav.tasks": {"da": "Mine opgaver", "en": "My tasks"},
    "tasks.title": {"da": "Mine opgaver", "en": "My tasks"},
    "tasks.intro": {
        "da": "Det, der skal gøres for de partnerskaber, mål og forbindelser, du har ansvaret for: aftaler, der skal "
        "evalueres, kontakter, forbindelser, der er ved at blive kolde, mål, der skal måles, og evalueringsrunder. "
        "Registrér det, du har gjort, her – så forsvinder opgaven fra listen.",
        "en": "What is due for the partnerships, goals and ties you hold: agreements to review, contacts, ties going "
        "cold, goals to measure and evaluation rounds. Register what you have done here, and the task leaves the list.",
    },
    "tasks.holder": {"da": "Vis opgaver for", "en": "Show the tasks of"},
    "tasks.everyone": {"da": "Alle medarbejdere", "en": "All staff"},
    "tasks.not_on_staff": {
        "da": "Din e-mail står ikke på medarbejderlisten, så dine egne opgaver kan ikke vælges for dig. Vælg en "
        "medarbejder ovenfor.",
        "en": "Your e-mail is not on the staff list, so your own tasks cannot be chosen for you. Choose a staff member "
        "above.",
    },
    "tasks.period": {"da": "Periode", "en": "Period"},
    "tasks.period.week": {"da": "Denne uge", "en": "This week"},
    "tasks.period.month": {"da": "Denne måned", "en": "This month"},
    "tasks.none": {"da": "Ingen opgaver i perioden.", "en": "No tasks in this period."},
    "tasks.group.overdue": {"da": "Forsinket ({n})", "en": "Overdue ({n})"},
    "tasks.group.week": {"da": "Denne uge ({n})", "en": "This week ({n})"},
    "tasks.group.later": {"da": "Senere på måneden ({n})", "en": "Later this month ({n})"},
    "tasks.due.overdue": {
        "da": "Skulle have været gjort {date} ({days} {days:dag|dage} siden)",
        "en": "Was due {date} ({days} {days:day|days} ago)",
    },
    "tasks.due.by": {"da": "Senest {date}", "en": "By {date}"},
    "tasks.holder_is": {"da": "Ansvarlig: {name}", "en": "Held by {name}"},
    "tasks.no_holder": {"da": "Ingen ansvarlig", "en": "Nobody holds it"},
    "tasks.do.contact": {"da": "Kontakt registreret i dag", "en": "Contact made today"},
    "tasks.do.review": {"da": "Aftalen er evalueret i dag", "en": "Agreement reviewed today"},
    "tasks.do.measure": {"da": "Gem måling", "en": "Save measurement"},
    "tasks.measured_value": {"da": "Målt værdi i dag", "en": "Value measured today"},
    "tasks.value_first": {"da": "Skriv den målte værdi først.", "en": "Enter the measured value first."},
    "tasks.open.agreement_end": {"da": "Åbn Partnerskaber", "en": "Open Partnerships"},
    "tasks.open.evaluation": {"da": "Åbn Evaluering", "en": "Open Evaluation"},
    "tasks.done.contact": {
        "da": "Kontakten med {title} er registreret, og opgaven er fjernet fra listen.",
        "en": "The contact with {title} is registered and the task has left the list.",
    },
    "tasks.done.review": {
        "da": "Evalueringen af aftalen for {title} er registreret. Næste evaluering: {date}.",
        "en": "The review of the agreement of {title} is registered. Next review: {date}.",
    },
    "tasks.done.measurement": {
        "da": "Målingen af {title} er gemt, og opgaven er fjernet fra listen.",
        "en": "The measurement of {title} is saved and the task has left the list.",
    },
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
        "da": "Mål: {title} – registrér en måling",
        "en": "Goal: {title} – record a measurement",
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
    "admin.entity.relation": {"da": "Forbindelse", "en": "Tie"},
    "admin.detail.ends": {"da": "Forbindelsens to ender", "en": "The tie's two ends"},
    "admin.detail.reviewed_on": {"da": "Evalueret den", "en": "Reviewed on"},
    "admin.detail.next_review": {"da": "Næste evaluering", "en": "Next review"},
    "admin.action.agreement_reviewed": {"da": "Samarbejdsaftale evalueret", "en": "Agreement reviewed"},
}
