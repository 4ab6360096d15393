"""Texts of the page "Partnerskaber": alerts, pipeline, editing, agreement and contact log."""

TEXTS = {
    "partnerships_page.title": {"da": "Partnerskaber", "en": "Partnerships"},
    "partnerships_page.intro": {
        "da": "Hvert samarbejde registreret, formaliseret og fulgt op (»Professionalisér!« og "
        "»Understøt partnerskabet!«).",
        "en": "Every collaboration registered, formalised and followed up (\u201cProfessionalise!\u201d and "
        "\u201cSupport the partnership!\u201d).",
    },
    "partnerships_page.empty": {
        "da": "Der er endnu ingen partnerskaber. Registrér det første nedenfor under »Registrér et nyt "
        "partnerskab«, eller indlæs en liste fra Excel under »Indlæs partnerskaber fra Excel«.",
        "en": 'There are no partnerships yet. Register the first one below under "Register a new '
        'partnership", or load a list from Excel under "Load partnerships from Excel".',
    },
    "partnerships_page.bulk": {"da": "Indlæs partnerskaber fra Excel", "en": "Load partnerships from Excel"},
    # Alerts
    "partnerships_page.alerts.heading": {"da": "Kræver opmærksomhed", "en": "Needs attention"},
    "partnerships_page.alerts.count": {
        "da": "{count} ting kræver opmærksomhed.",
        "en": "{count} things need attention.",
    },
    "partnerships_page.alerts.none": {
        "da": "Intet kræver opmærksomhed lige nu.",
        "en": "Nothing needs attention right now.",
    },
    # Pipeline
    "partnerships_page.pipeline.heading": {"da": "Partnerskaber efter fase", "en": "Partnerships by stage"},
    "partnerships_page.pipeline.column": {"da": "{stage} ({count})", "en": "{stage} ({count})"},
    "partnerships_page.pipeline.empty_column": {"da": "Ingen", "en": "No partnerships"},
    "partnerships_page.pipeline.no_owner": {"da": "ingen ansvarlig", "en": "no owner"},
    "partnerships_page.chart.title": {"da": "Antal partnerskaber pr. fase", "en": "Partnerships per stage"},
    "partnerships_page.chart.count": {"da": "Antal", "en": "Number"},
    # Opening and registering
    "partnerships_page.open": {"da": "Åbn partnerskab", "en": "Open partnership"},
    "partnerships_page.open.none": {"da": "(vælg et partnerskab)", "en": "(choose a partnership)"},
    "partnerships_page.open.ended": {"da": "{title} (afsluttet)", "en": "{title} (ended)"},
    "partnerships_page.new.heading": {"da": "Registrér et nyt partnerskab", "en": "Register a new partnership"},
    "partnerships_page.new.submit": {"da": "Registrér partnerskab", "en": "Register partnership"},
    "partnerships_page.new.done": {
        "da": "»{title}« er registreret og åbnet nedenfor.",
        "en": '"{title}" is registered and opened below.',
    },
    # Fields
    "partnerships_page.field.title": {"da": "Titel", "en": "Title"},
    "partnerships_page.field.organisations": {"da": "Partnerorganisationer", "en": "Partner organisations"},
    "partnerships_page.field.owner": {"da": "Partnerskabsansvarlig", "en": "Partnership owner"},
    "partnerships_page.field.goals": {"da": "Mål, som partnerskabet understøtter", "en": "Goals it serves"},
    "partnerships_page.field.stage": {"da": "Fase", "en": "Stage"},
    "partnerships_page.field.depth": {"da": "Samarbejdets dybde", "en": "Depth of collaboration"},
    "partnerships_page.field.formalisation": {"da": "Formalisering", "en": "Formalisation"},
    "partnerships_page.field.start_date": {"da": "Startdato", "en": "Start date"},
    "partnerships_page.field.end_date": {"da": "Slutdato", "en": "End date"},
    "partnerships_page.field.library_resources": {"da": "Bibliotekets ressourcer", "en": "The library's resources"},
    "partnerships_page.field.partner_resources": {"da": "Partnerens ressourcer", "en": "The partner's resources"},
    "partnerships_page.field.contact_rhythm_days": {"da": "Kontaktrytme (dage)", "en": "Contact rhythm (days)"},
    "partnerships_page.field.notes": {"da": "Noter", "en": "Notes"},
    "partnerships_page.field.none": {"da": "(ikke angivet)", "en": "(not set)"},
    # Tabs of an open partnership
    "partnerships_page.tab.details": {"da": "Om partnerskabet", "en": "Details"},
    "partnerships_page.tab.agreement": {"da": "Samarbejdsaftale", "en": "Agreement"},
    "partnerships_page.tab.contacts": {"da": "Kontaktlog", "en": "Contact log"},
    "partnerships_page.save": {"da": "Gem", "en": "Save"},
    "partnerships_page.saved": {"da": "Ændringerne er gemt.", "en": "The changes are saved."},
    "partnerships_page.unchanged": {"da": "Der var ingen ændringer at gemme.", "en": "There were no changes to save."},
    "partnerships_page.ended_on": {
        "da": "Partnerskabet blev afsluttet {date}.",
        "en": "The partnership ended on {date}.",
    },
    "partnerships_page.close": {"da": "Afslut partnerskabet", "en": "End the partnership"},
    "partnerships_page.closed_done": {
        "da": "Partnerskabet er markeret som afsluttet.",
        "en": "The partnership is marked as ended.",
    },
    "partnerships_page.reopen": {"da": "Genåbn partnerskabet", "en": "Reopen the partnership"},
    "partnerships_page.reopened_done": {"da": "Partnerskabet er genåbnet.", "en": "The partnership is reopened."},
    # Agreement
    "partnerships_page.agreement.completeness": {
        "da": "Aftalen er {percent} % udfyldt ({filled} af {total} {total:punkt|punkter}).",
        "en": "The agreement is {percent}% filled in ({filled} of {total} items).",
    },
    "partnerships_page.agreement.missing": {"da": "Mangler: {fields}", "en": "Missing: {fields}"},
    "partnerships_page.agreement.complete": {"da": "Alle punkter er udfyldt.", "en": "Every item is filled in."},
    "partnerships_page.agreement.saved": {"da": "Aftalen er gemt.", "en": "The agreement is saved."},
    "partnerships_page.agreement.download": {
        "da": "Hent aftaleoversigt (Excel, én side)",
        "en": "Download agreement summary (Excel, one page)",
    },
    "partnerships_page.agreement.file": {"da": "samarbejdsaftale", "en": "agreement"},
    # Contact log
    "partnerships_page.contacts.due": {"da": "Næste kontakt: {date}.", "en": "Next contact: {date}."},
    "partnerships_page.contacts.overdue": {
        "da": "Næste kontakt var planlagt til {date} – {days} {days:dag|dage} over tid.",
        "en": "The next contact was due on {date}, {days} {days:day|days} overdue.",
    },
    "partnerships_page.contacts.no_rhythm": {
        "da": "Ingen kontaktrytme er sat, så der er ingen næste kontakt at vise. Sæt den under »Om partnerskabet«.",
        "en": 'No contact rhythm is set, so there is no next contact to show. Set it under "Details".',
    },
    "partnerships_page.contacts.empty": {"da": "Ingen kontakter registreret endnu.", "en": "No contacts logged yet."},
    "partnerships_page.contacts.delete": {"da": "Slet en registreret kontakt", "en": "Delete a logged contact"},
    "partnerships_page.contacts.add": {"da": "Registrér en kontakt", "en": "Log a contact"},
    "partnerships_page.contacts.added": {"da": "Kontakten er registreret.", "en": "The contact is logged."},
    "partnerships_page.contacts.date": {"da": "Dato", "en": "Date"},
    "partnerships_page.contacts.who": {"da": "Hvem fra biblioteket", "en": "Who from the library"},
    "partnerships_page.contacts.channel": {"da": "Kanal", "en": "Channel"},
    "partnerships_page.contacts.note": {"da": "Note", "en": "Note"},
}
