"""Words of the page "Kontakter og organisationer" (pages/contacts.py)."""

TEXTS = {
    "contacts.title": {"da": "Kontakter og organisationer", "en": "Contacts and organisations"},
    "contacts.tab.people": {"da": "Personer", "en": "People"},
    "contacts.tab.organisations": {"da": "Organisationer", "en": "Organisations"},
    "contacts.tab.duplicates": {"da": "Mulige dubletter ({count})", "en": "Possible duplicates ({count})"},
    "contacts.empty": {
        "da": "Der er endnu ingen kontakter eller organisationer. Importér en kontaktliste fra Excel eller "
        "Outlook på siden »{import_page}«, eller prøv med demo-biblioteket fra siden »{overview_page}«. "
        "Du kan også tilføje personer og organisationer her.",
        "en": "There are no contacts or organisations yet. Import a contact list from Excel or Outlook on the "
        "\u201c{import_page}\u201d page, or try the demo library from the \u201c{overview_page}\u201d page. "
        "You can also add people and organisations here.",
    },
    "contacts.go_import": {"da": "Gå til import", "en": "Go to import"},
    "contacts.choose": {"da": "(vælg)", "en": "(choose)"},
    "contacts.record_gone": {
        "da": "Posten findes ikke længere. Måske har en kollega slettet eller sammenlagt den.",
        "en": "The record no longer exists. A colleague may have deleted or merged it.",
    },
    "contacts.nothing_changed": {"da": "Der var ingen ændringer at gemme.", "en": "There were no changes to save."},
    "contacts.phone_help": {
        "da": "Danske numre kan skrives uden +45. Nummeret gemmes i international form, fx +4520123456.",
        "en": "Danish numbers can be typed without +45. The number is stored in international form, e.g. +4520123456.",
    },
    "contacts.choose_organisation_first": {
        "da": "Vælg først en organisation.",
        "en": "Choose an organisation first.",
    },
    # Fields and column headers
    "contacts.field.name": {"da": "Navn", "en": "Name"},
    "contacts.field.email": {"da": "E-mail", "en": "E-mail"},
    "contacts.field.phone": {"da": "Telefon", "en": "Phone"},
    "contacts.field.title": {"da": "Stilling", "en": "Job title"},
    "contacts.field.notes": {"da": "Noter", "en": "Notes"},
    "contacts.field.is_staff": {"da": "Ansat på biblioteket", "en": "Library staff"},
    "contacts.field.source": {"da": "Kilde", "en": "Source"},
    "contacts.field.organisations": {"da": "Organisationer", "en": "Organisations"},
    "contacts.field.organisation": {"da": "Organisation", "en": "Organisation"},
    "contacts.field.updated_at": {"da": "Senest ændret", "en": "Last changed"},
    "contacts.field.org_type": {"da": "Type", "en": "Type"},
    "contacts.field.sector": {"da": "Sektor", "en": "Sector"},
    "contacts.field.website": {"da": "Hjemmeside", "en": "Website"},
    "contacts.field.area": {"da": "Område", "en": "Area"},
    "contacts.field.people_count": {"da": "Personer", "en": "People"},
    "contacts.field.relations_count": {"da": "Direkte relationer", "en": "Direct ties"},
    "contacts.field.role": {"da": "Rolle", "en": "Role"},
    "contacts.field.start_date": {"da": "Fra", "en": "From"},
    "contacts.field.end_date": {"da": "Til", "en": "Until"},
    "contacts.field.current": {"da": "Nuværende", "en": "Current"},
    "contacts.field.direction": {"da": "Retning", "en": "Direction"},
    "contacts.field.other_party": {"da": "Hvem", "en": "Who"},
    "contacts.field.kind": {"da": "Slags relation", "en": "Kind of relation"},
    "contacts.field.strength": {"da": "Styrke (1–5)", "en": "Strength (1–5)"},
    "contacts.field.first_contact": {"da": "Første kontakt", "en": "First contact"},
    "contacts.field.last_contact": {"da": "Seneste kontakt", "en": "Last contact"},
    "contacts.field.owner": {"da": "Ansvarlig medarbejder", "en": "Staff member responsible"},
    "contacts.field.imported_at": {"da": "Importeret", "en": "Imported"},
    "contacts.field.file_name": {"da": "Fil", "en": "File"},
    "contacts.field.sheet_name": {"da": "Ark", "en": "Sheet"},
    "contacts.field.import_action": {"da": "Hvad skete der", "en": "What happened"},
    "contacts.field.import_status": {"da": "Importens status", "en": "Import status"},
    "contacts.field.event_at": {"da": "Tidspunkt", "en": "When"},
    "contacts.field.event_action": {"da": "Hændelse", "en": "Event"},
    "contacts.field.event_details": {"da": "Detaljer", "en": "Details"},
    "contacts.field.actor": {"da": "Af", "en": "By"},
    # People tab
    "contacts.people.search": {"da": "Søg efter person", "en": "Search for a person"},
    "contacts.people.search_hint": {
        "da": "Navn, e-mail, telefon eller organisation",
        "en": "Name, e-mail, phone or organisation",
    },
    "contacts.people.filter_org": {"da": "Organisation", "en": "Organisation"},
    "contacts.people.filter_staff": {"da": "Vis", "en": "Show"},
    "contacts.people.staff_all": {"da": "Alle", "en": "Everyone"},
    "contacts.people.staff_staff": {"da": "Kun bibliotekets ansatte", "en": "Library staff only"},
    "contacts.people.staff_external": {"da": "Kun eksterne kontakter", "en": "External contacts only"},
    "contacts.people.count": {"da": "Personer fundet: {count}", "en": "People found: {count}"},
    "contacts.people.none_found": {"da": "Ingen personer passer til søgningen.", "en": "No people match the search."},
    "contacts.people.open": {
        "da": "Åbn en person (eller klik på en række i tabellen)",
        "en": "Open a person (or click a row in the table)",
    },
    "contacts.people.add": {"da": "Tilføj en person", "en": "Add a person"},
    "contacts.people.add_button": {"da": "Tilføj person", "en": "Add person"},
    "contacts.person_created": {"da": "{name} er tilføjet.", "en": "{name} has been added."},
    "contacts.person_deleted": {"da": "Personen er slettet.", "en": "The person has been deleted."},
    "contacts.other_emails": {"da": "Andre e-mailadresser: {values}", "en": "Other e-mail addresses: {values}"},
    "contacts.other_phones": {"da": "Andre telefonnumre: {values}", "en": "Other phone numbers: {values}"},
    # Sections of an open record
    "contacts.affiliations": {"da": "Tilknytninger", "en": "Affiliations"},
    "contacts.no_affiliations": {
        "da": "Ikke tilknyttet nogen organisation.",
        "en": "Not affiliated with any organisation.",
    },
    "contacts.affiliations.change": {"da": "Tilføj eller afslut en tilknytning", "en": "Add or end an affiliation"},
    "contacts.affiliations.add": {"da": "Tilføj tilknytning", "en": "Add affiliation"},
    "contacts.affiliations.pick": {"da": "Eksisterende tilknytning", "en": "Existing affiliation"},
    "contacts.affiliations.end": {"da": "Afslut i dag", "en": "End today"},
    "contacts.affiliations.end_help": {
        "da": "Personen er holdt op i organisationen. Tilknytningen bliver stående i historikken.",
        "en": "The person has left the organisation. The affiliation stays in the history.",
    },
    "contacts.affiliations.remove": {"da": "Fjern", "en": "Remove"},
    "contacts.affiliations.remove_help": {
        "da": "Til tilknytninger, der er registreret ved en fejl.",
        "en": "For affiliations that were recorded by mistake.",
    },
    "contacts.relations": {"da": "Relationer", "en": "Relations"},
    "contacts.no_relations": {"da": "Ingen relationer registreret.", "en": "No relations recorded."},
    "contacts.imports": {"da": "Importeret fra", "en": "Imported from"},
    "contacts.no_imports": {"da": "Ikke kommet ind via en import.", "en": "Not added by an import."},
    "contacts.history": {"da": "Historik", "en": "History"},
    "contacts.no_history": {"da": "Ingen ændringer registreret.", "en": "No changes recorded."},
    "contacts.history.merged_from": {"da": "Fik oplysninger fra {name}", "en": "Took over the details of {name}"},
    "contacts.history.merged_into": {"da": "Lagt sammen med {name}", "en": "Merged into {name}"},
    # Merging and deleting from an open record
    "contacts.merge.person_heading": {"da": "Slå sammen med en anden person", "en": "Merge with another person"},
    "contacts.merge.person_help": {
        "da": "Når den samme person står der to gange. Tilknytninger og relationer samles på den person, du "
        "beholder. Tomme felter udfyldes fra den anden, men intet udfyldt felt bliver overskrevet; den "
        "andens e-mail og telefon gemmes som ekstra oplysninger.",
        "en": "When the same person is listed twice. Affiliations and relations are gathered on the person you "
        "keep. Empty fields are filled from the other one, but no filled-in field is overwritten; the other "
        "one's e-mail and phone are kept as extra details.",
    },
    "contacts.merge.org_heading": {
        "da": "Slå sammen med en anden organisation",
        "en": "Merge with another organisation",
    },
    "contacts.merge.org_help": {
        "da": "Når den samme organisation står der to gange. Personer og relationer samles på den, du beholder. "
        "Tomme felter udfyldes fra den anden, men intet udfyldt felt bliver overskrevet.",
        "en": "When the same organisation is listed twice. People and relations are gathered on the one you keep. "
        "Empty fields are filled from the other one, but no filled-in field is overwritten.",
    },
    "contacts.merge.other_person": {"da": "Den anden person", "en": "The other person"},
    "contacts.merge.other_org": {"da": "Den anden organisation", "en": "The other organisation"},
    "contacts.merge.keep": {"da": "Hvilken skal beholdes?", "en": "Which one should be kept?"},
    "contacts.merge.keep_this": {"da": "Den, der er åben her", "en": "The one open here"},
    "contacts.merge.keep_other": {"da": "Den anden", "en": "The other one"},
    "contacts.merge.confirm": {
        "da": "Ja, det er den samme. Den anden post forsvinder, når de er slået sammen.",
        "en": "Yes, they are the same. The other record disappears once they are merged.",
    },
    "contacts.merge.button": {"da": "Slå sammen", "en": "Merge"},
    "contacts.merged": {"da": "De to er slået sammen.", "en": "The two have been merged."},
    "contacts.delete.person_heading": {"da": "Slet personen", "en": "Delete the person"},
    "contacts.delete.person_help": {
        "da": "Sletter personen med tilknytninger og relationer, fx når nogen beder om at få deres oplysninger "
        "slettet. Det kan ikke fortrydes.",
        "en": "Deletes the person with their affiliations and relations, for example when someone asks for their "
        "data to be erased. This cannot be undone.",
    },
    "contacts.delete.org_heading": {"da": "Slet organisationen", "en": "Delete the organisation"},
    "contacts.delete.org_help": {
        "da": "Sletter organisationen med dens tilknytninger og relationer. Personerne bliver stående. Det kan "
        "ikke fortrydes.",
        "en": "Deletes the organisation with its affiliations and relations. The people stay. This cannot be undone.",
    },
    "contacts.delete.confirm": {"da": "Ja, slet {name}", "en": "Yes, delete {name}"},
    "contacts.delete.button": {"da": "Slet", "en": "Delete"},
    # Organisations tab
    "contacts.orgs.search": {"da": "Søg efter organisation", "en": "Search for an organisation"},
    "contacts.orgs.search_hint": {"da": "Navn, hjemmeside eller område", "en": "Name, website or area"},
    "contacts.orgs.count": {"da": "Organisationer fundet: {count}", "en": "Organisations found: {count}"},
    "contacts.orgs.none_found": {
        "da": "Ingen organisationer passer til søgningen.",
        "en": "No organisations match the search.",
    },
    "contacts.orgs.open": {
        "da": "Åbn en organisation (eller klik på en række i tabellen)",
        "en": "Open an organisation (or click a row in the table)",
    },
    "contacts.orgs.add": {"da": "Tilføj en organisation", "en": "Add an organisation"},
    "contacts.orgs.add_button": {"da": "Tilføj organisation", "en": "Add organisation"},
    "contacts.orgs.people": {"da": "Personer i organisationen", "en": "People at the organisation"},
    "contacts.orgs.no_people": {"da": "Ingen personer tilknyttet.", "en": "No people affiliated."},
    "contacts.organisation_created": {"da": "{name} er tilføjet.", "en": "{name} has been added."},
    "contacts.organisation_deleted": {"da": "Organisationen er slettet.", "en": "The organisation has been deleted."},
    # Possible duplicates tab
    "contacts.dup.intro": {
        "da": "Her er personer, der måske står der to gange. Intet bliver slået sammen, før du har set på det.",
        "en": "These people may be listed twice. Nothing is merged until you have looked at it.",
    },
    "contacts.dup.scan": {"da": "Søg efter mulige dubletter", "en": "Look for possible duplicates"},
    "contacts.dup.scan_help": {
        "da": "Sammenligner navnene på alle personer. Par, du allerede har taget stilling til, kommer ikke igen.",
        "en": "Compares the names of all people. Pairs you have already decided on do not come back.",
    },
    "contacts.dup.scanned": {
        "da": "Nye mulige dubletter fundet: {count}.",
        "en": "New possible duplicates found: {count}.",
    },
    "contacts.dup.none": {
        "da": "Der er ingen mulige dubletter at se på.",
        "en": "There are no possible duplicates to review.",
    },
    "contacts.dup.showing": {
        "da": "Viser de første {shown} af {total}.",
        "en": "Showing the first {shown} of {total}.",
    },
    "contacts.dup.score": {"da": "lighed {score} %", "en": "similarity {score}%"},
    "contacts.dup.field": {"da": "Felt", "en": "Field"},
    "contacts.dup.keep": {"da": "Hvis de er den samme, behold", "en": "If they are the same, keep"},
    "contacts.dup.keep_a": {"da": "A: {name}", "en": "A: {name}"},
    "contacts.dup.keep_b": {"da": "B: {name}", "en": "B: {name}"},
    "contacts.dup.merge": {"da": "Slå sammen", "en": "Merge"},
    "contacts.dup.dismiss": {"da": "Ikke samme person", "en": "Not the same person"},
    "contacts.dup.dismissed": {
        "da": "Noteret: de to er forskellige personer.",
        "en": "Noted: the two are different people.",
    },
}
