"""Texts of what an import creates from references, rows that are not people, and updates you can see
(``lib.ingest.references``, ``lib.ingest.rows``, the import page, ``python -m lib import``)."""

TEXTS = {
    # --- row problems -------------------------------------------------------------------------------
    "import.total_row": {
        "da": "Rækken »{value}« er en sammentælling, ikke en kontakt. Den er sprunget over.",
        "en": 'The row "{value}" is a total, not a contact. It was skipped.',
    },
    "import.repeated_header": {
        "da": "Rækken gentager kolonneoverskrifterne. Den er sprunget over.",
        "en": "The row repeats the column headers. It was skipped.",
    },
    "import.mailbox_skipped": {
        "da": "»{email}« er en fælles postkasse, ikke en person, og rækken siger ikke, hvilken organisation den "
        "hører til. Rækken er sprunget over. Skriv organisationen i rækken, hvis postkassen skal gemmes.",
        "en": '"{email}" is a shared mailbox, not a person, and the row does not say which organisation it '
        "belongs to. The row was skipped. Add the organisation to the row to keep the mailbox.",
    },
    "import.mailbox_phone_left_out": {
        "da": "Rækken er en fælles postkasse, som er gemt som organisationens e-mail. Telefonnummeret "
        "»{value}« er ikke gemt, for organisationer har intet telefonfelt.",
        "en": 'The row is a shared mailbox, stored as the organisation\'s e-mail. The phone number "{value}" '
        "was not stored, as organisations have no phone field.",
    },
    "import.name_from_email": {
        "da": "Rækken har intet navn. Navnet »{name}« er læst ud af e-mailadressen {email}; ret det på personens "
        "side, hvis det er forkert.",
        "en": 'The row has no name. The name "{name}" was read from the e-mail address {email}; correct it on '
        "the person's page if it is wrong.",
    },
    "import.name_is_email": {
        "da": "Rækken har intet navn, og e-mailadressen {email} afslører det ikke. Personen er gemt med adressen "
        "som navn; skriv det rigtige navn på personens side.",
        "en": "The row has no name, and the e-mail address {email} does not tell it. The person was stored with "
        "the address as their name; write the real name on the person's page.",
    },
    "import.staff_role_left_out": {
        "da": "Rollen »{value}« er ikke netværksansvarlig, partnerskabsansvarlig eller medarbejder, og rækken har "
        "allerede en stilling. Rollen er ikke gemt.",
        "en": 'The role "{value}" is not network lead, partnership owner or staff, and the row already has a '
        "job title. The role was not stored.",
    },
    "import.reference_not_a_name": {
        "da": "»{value}« ligner ikke et navn på en person eller en organisation, så der er ikke oprettet nogen.",
        "en": '"{value}" does not look like the name of a person or an organisation, so nobody was created.',
    },
    "value.weight_invalid": {
        "da": "»{value}« er ikke en styrke eller vægt (et tal over 0, fx 3, 2,5 eller 4 af 5). Værdien er ikke gemt.",
        "en": '"{value}" is not a strength or weight (a number above 0, e.g. 3, 2.5 or 4 of 5). The value was '
        "not stored.",
    },
    # --- roles and fields ---------------------------------------------------------------------------
    "role.staff": {
        "da": "Medarbejdere (bibliotekets egne, én pr. række)",
        "en": "Staff (the library's own, one per row)",
    },
    "field.team": {"da": "Team", "en": "Team"},
    "field.staff_role": {"da": "Rolle i partnerskabsarbejdet", "en": "Role in partnership work"},
    # --- the import page: settings ------------------------------------------------------------------
    "importrefs.create_referenced": {"da": "Opret det, som arket nævner", "en": "Create what the sheet names"},
    "importrefs.create_referenced_help": {
        "da": "Medarbejdere i fx »Ansvarlig medarbejder« og personer og organisationer i Fra/Til, som ikke findes "
        "endnu, bliver oprettet. Uden flueben bliver de ikke oprettet: rækkerne afvises eller mister "
        "relationen, med en forklaring.",
        "en": 'Staff named in e.g. "Responsible staff member", and people and organisations in From/To that do '
        "not exist yet, are created. Without the tick they are not created: the rows are rejected or lose "
        "the tie, with an explanation.",
    },
    "importrefs.update_label": {
        "da": "Når en kontakt eller organisation findes i forvejen",
        "en": "When a contact or organisation already exists",
    },
    "importrefs.update.fill-empty": {"da": "Udfyld kun tomme felter", "en": "Fill in empty fields only"},
    "importrefs.update.overwrite": {"da": "Lad denne fil vinde", "en": "Let this file win"},
    "importrefs.update_help": {
        "da": "»Udfyld kun tomme felter« beholder det, der står i forvejen, så to lister, der importeres efter "
        "hinanden, ikke skifter værdierne frem og tilbage. »Lad denne fil vinde« skriver filens værdier "
        "over de gamle. E-mails og telefonnumre bliver altid tilføjet, aldrig erstattet.",
        "en": '"Fill in empty fields only" keeps what is already there, so two lists imported one after the '
        'other do not switch values back and forth. "Let this file win" writes the file\'s values over '
        "the old ones. E-mails and phone numbers are always added, never replaced.",
    },
    # --- the import page: what will be created and changed -------------------------------------------
    "importrefs.created_heading": {"da": "Nye poster", "en": "New records"},
    "importrefs.created.staff": {"da": "Medarbejdere", "en": "Staff"},
    "importrefs.created.people": {"da": "Kontaktpersoner", "en": "Contacts"},
    "importrefs.created.organisations": {"da": "Organisationer", "en": "Organisations"},
    "importrefs.created.relations": {"da": "Relationer", "en": "Relations"},
    "importrefs.created.affiliations": {"da": "Tilknytninger", "en": "Affiliations"},
    "importrefs.referenced_heading": {
        "da": "Oprettes, fordi filerne nævner dem",
        "en": "Created because the files name them",
    },
    "importrefs.referenced.staff": {
        "da": "{count} {count:medarbejder|medarbejdere}",
        "en": "{count} {count:staff member|staff members}",
    },
    "importrefs.referenced.people": {"da": "{count} {count:person|personer}", "en": "{count} {count:person|people}"},
    "importrefs.referenced.organisations": {
        "da": "{count} {count:organisation|organisationer}",
        "en": "{count} {count:organisation|organisations}",
    },
    "importrefs.referenced_intro": {
        "da": "Filerne nævner {what}, som ikke findes i arbejdsområdet. De bliver oprettet. Vil du ikke det, så "
        "fjern fluebenet »Opret det, som arket nævner« ved arket.",
        "en": "The files name {what} that are not in the workspace. They will be created. If you do not want "
        'that, untick "Create what the sheet names" on the sheet.',
    },
    "importrefs.and": {"da": "og", "en": "and"},
    "importrefs.col.kind": {"da": "Slags", "en": "Kind"},
    "importrefs.col.name": {"da": "Navn", "en": "Name"},
    "importrefs.kind.staff": {"da": "Medarbejder", "en": "Staff member"},
    "importrefs.kind.people": {"da": "Person", "en": "Person"},
    "importrefs.kind.organisations": {"da": "Organisation", "en": "Organisation"},
    "importrefs.changes_heading": {
        "da": "Ændringer i poster, der findes i forvejen ({count})",
        "en": "Changes to records that already exist ({count})",
    },
    "importrefs.changes_shown": {
        "da": "Viser de første {shown} af {total} {total:ændring|ændringer}.",
        "en": "Showing the first {shown} of {total} {total:change|changes}.",
    },
    "importrefs.referenced_shown": {
        "da": "Viser de første {shown} af {total}.",
        "en": "Showing the first {shown} of {total}.",
    },
    "importrefs.kept_heading": {
        "da": "Værdier i filerne, som ikke bliver brugt ({count})",
        "en": "Values in the files that will not be used ({count})",
    },
    "importrefs.kept_intro": {
        "da": "Felterne er allerede udfyldt, så det, der står i forvejen, bliver stående. Vælg »Lad denne fil "
        "vinde« ved filen, hvis filens værdier skal bruges i stedet.",
        "en": 'These fields are already filled in, so what is there stays. Choose "Let this file win" for the '
        "file if its values should be used instead.",
    },
    "importrefs.col.file": {"da": "I filen", "en": "In the file"},
    "importrefs.col.record": {"da": "Post", "en": "Record"},
    "importrefs.col.field": {"da": "Felt", "en": "Field"},
    "importrefs.col.old": {"da": "Før", "en": "Before"},
    "importrefs.col.new": {"da": "Efter", "en": "After"},
    "importrefs.table.people": {"da": "Person", "en": "Person"},
    "importrefs.table.organisations": {"da": "Organisation", "en": "Organisation"},
    "importrefs.table.affiliations": {"da": "Tilknytning", "en": "Affiliation"},
    "importrefs.table.relations": {"da": "Relation", "en": "Relation"},
    "importrefs.field.name": {"da": "Navn", "en": "Name"},
    "importrefs.field.email": {"da": "E-mail", "en": "E-mail"},
    "importrefs.field.phone": {"da": "Telefon", "en": "Phone"},
    "importrefs.field.other_emails": {"da": "Andre e-mails", "en": "Other e-mails"},
    "importrefs.field.other_phones": {"da": "Andre telefonnumre", "en": "Other phone numbers"},
    "importrefs.field.title": {"da": "Stilling", "en": "Job title"},
    "importrefs.field.notes": {"da": "Noter", "en": "Notes"},
    "importrefs.field.is_staff": {"da": "Bibliotekets medarbejder", "en": "Library staff member"},
    "importrefs.field.source": {"da": "Kilde", "en": "Source"},
    "importrefs.field.team": {"da": "Team", "en": "Team"},
    "importrefs.field.staff_role": {"da": "Rolle i partnerskabsarbejdet", "en": "Role in partnership work"},
    "importrefs.field.org_type": {"da": "Organisationstype", "en": "Organisation type"},
    "importrefs.field.sector": {"da": "Sektor", "en": "Sector"},
    "importrefs.field.website": {"da": "Hjemmeside", "en": "Website"},
    "importrefs.field.area": {"da": "Område", "en": "Area"},
    "importrefs.field.role": {"da": "Stilling eller rolle dér", "en": "Position or role there"},
    "importrefs.field.start_date": {"da": "Startdato", "en": "Start date"},
    "importrefs.field.end_date": {"da": "Slutdato", "en": "End date"},
    "importrefs.field.strength": {"da": "Styrke (1–5)", "en": "Strength (1–5)"},
    "importrefs.field.weight": {"da": "Vægt", "en": "Weight"},
    "importrefs.field.first_contact": {"da": "Første kontakt", "en": "First contact"},
    "importrefs.field.last_contact": {"da": "Seneste kontakt", "en": "Last contact"},
    "importrefs.field.owner_id": {"da": "Ansvarlig medarbejder", "en": "Responsible staff member"},
    "importrefs.field.kind": {"da": "Slags relation", "en": "Kind of relation"},
    # --- the command line --------------------------------------------------------------------------
    "cli.import_created": {
        "da": "Nye poster – medarbejdere: {staff} · kontaktpersoner: {people} · organisationer: {organisations} · "
        "relationer: {relations} · tilknytninger: {affiliations}",
        "en": "New records – staff: {staff} · contacts: {people} · organisations: {organisations} · "
        "relations: {relations} · affiliations: {affiliations}",
    },
    "cli.import_referenced": {
        "da": "Oprettet, fordi filerne nævner dem – medarbejdere: {staff} · personer: {people} · "
        "organisationer: {organisations}",
        "en": "Created because the files name them – staff: {staff} · people: {people} · "
        "organisations: {organisations}",
    },
    "cli.import_changes": {
        "da": "Felter ændret i poster, der fandtes i forvejen: {count}",
        "en": "Fields changed in records that existed before: {count}",
    },
    # --- the contacts page: adding a staff member --------------------------------------------------
    "contacts.new.is_staff": {"da": "Bibliotekets medarbejder", "en": "Library staff member"},
    "contacts.new.team": {"da": "Team", "en": "Team"},
    "contacts.new.staff_role": {"da": "Rolle i partnerskabsarbejdet", "en": "Role in partnership work"},
    "contacts.new.staff_help": {
        "da": "Team og rolle gemmes kun for bibliotekets egne medarbejdere.",
        "en": "Team and role are only stored for the library's own staff.",
    },
}
