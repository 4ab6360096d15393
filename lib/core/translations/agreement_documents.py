"""Texts of the agreement as a document to sign: Word and PDF (issue 18, item 3)."""

TEXTS: dict[str, dict[str, str]] = {
    "agreement_document.title": {"da": "Samarbejdsaftale", "en": "Partnership agreement"},
    "agreement_document.between": {
        "da": "mellem {library} og {partners}",
        "en": "between {library} and {partners}",
    },
    "agreement_document.no_partner": {"da": "partneren", "en": "the partner"},
    "agreement_document.and": {"da": "samt", "en": "and"},
    "agreement_document.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "agreement_document.section.parties": {"da": "Parterne", "en": "The parties"},
    "agreement_document.section.purpose": {"da": "Formål", "en": "Purpose"},
    "agreement_document.section.goals": {"da": "Mål", "en": "Goals"},
    "agreement_document.section.resources": {
        "da": "Det bidrager parterne med",
        "en": "What each party contributes",
    },
    "agreement_document.section.contacts": {"da": "Kontaktpersoner", "en": "Contact persons"},
    "agreement_document.section.dates": {"da": "Aftalens varighed", "en": "Duration"},
    "agreement_document.section.review": {"da": "Opfølgning", "en": "Review"},
    "agreement_document.section.termination": {"da": "Ophør og opsigelse", "en": "Ending and notice"},
    "agreement_document.section.signatures": {"da": "Underskrifter", "en": "Signatures"},
    "agreement_document.library": {"da": "Biblioteket", "en": "The library"},
    "agreement_document.partner": {"da": "Partner", "en": "Partner"},
    "agreement_document.partners": {"da": "Partnere", "en": "Partners"},
    "agreement_document.about_parties": {"da": "Om parterne", "en": "About the parties"},
    "agreement_document.goals_intro": {
        "da": "Partnerskabet bidrager til disse af bibliotekets mål:",
        "en": "The partnership serves these goals of the library:",
    },
    "agreement_document.at_library": {"da": "Hos biblioteket", "en": "At the library"},
    "agreement_document.at_partner": {"da": "Kontaktpersoner i aftalen", "en": "Contact persons in the agreement"},
    "agreement_document.rhythm": {"da": "Vi holder kontakt", "en": "We keep in touch"},
    "agreement_document.rhythm_days": {
        "da": "Mindst hver {days}. dag",
        "en": "At least every {days} {days:day|days}",
    },
    "agreement_document.blank": {
        "da": "Ikke udfyldt – skrives i hånden:",
        "en": "Not filled in – write by hand:",
    },
    "agreement_document.sign_for": {"da": "For {party}", "en": "For {party}"},
    "agreement_document.sign_name": {"da": "Navn", "en": "Name"},
    "agreement_document.sign_date": {"da": "Dato", "en": "Date"},
    "agreement_document.sign_signature": {"da": "Underskrift", "en": "Signature"},
    "agreement_document.page": {"da": "Side {page}", "en": "Page {page}"},
    # The agreement tab of the page "Partnerskaber".
    "partnerships_page.agreement.download_docx": {
        "da": "Hent aftalen til underskrift (Word)",
        "en": "Download the agreement to sign (Word)",
    },
    "partnerships_page.agreement.download_pdf": {
        "da": "Hent aftalen til underskrift (PDF)",
        "en": "Download the agreement to sign (PDF)",
    },
    "partnerships_page.agreement.document_help": {
        "da": "Aftalen sat op som en samarbejdsaftale med plads til begge parters underskrift. Punkter, der "
        "ikke er udfyldt, står som tomme linjer, der kan skrives i hånden.",
        "en": "The agreement laid out as a partnership agreement with room for both parties' signatures. Items "
        "not filled in are blank lines to write in by hand.",
    },
    # The event log and the command line.
    "admin.action.agreement_document_exported": {
        "da": "Samarbejdsaftale hentet til underskrift (Word eller PDF)",
        "en": "Partnership agreement downloaded to sign (Word or PDF)",
    },
    "agreement_document.cli.written": {
        "da": "Samarbejdsaftalen for partnerskab {partnership} er skrevet til {out}.",
        "en": "The agreement of partnership {partnership} is written to {out}.",
    },
}
