"""Names of sheet roles and of the fields a column can be mapped to (``lib.ingest.tables``, ``lib.ingest.fields``)."""

TEXTS = {
    # What one row of a sheet describes
    "role.contacts": {"da": "Kontakter (én person pr. række)", "en": "Contacts (one person per row)"},
    "role.organisations": {
        "da": "Organisationer (én organisation pr. række)",
        "en": "Organisations (one organisation per row)",
    },
    "role.affiliations": {
        "da": "Tilknytninger (hvem arbejder hvor)",
        "en": "Affiliations (who works where)",
    },
    "role.relations": {"da": "Relationer (fra → til)", "en": "Relations (from → to)"},
    "role.kumu_elements": {"da": "Kumu: elementer", "en": "Kumu: elements"},
    "role.kumu_connections": {"da": "Kumu: forbindelser", "en": "Kumu: connections"},
    "role.unknown": {"da": "Ukendt – vælg selv", "en": "Unknown – please choose"},
    # Choosing no field for a column
    "mapping.ignore": {"da": "(brug ikke kolonnen)", "en": "(do not use this column)"},
    # Fields
    "field.ref": {"da": "Reference (ID)", "en": "Reference (ID)"},
    "field.name": {"da": "Navn", "en": "Name"},
    "field.first_name": {"da": "Fornavn", "en": "First name"},
    "field.middle_name": {"da": "Mellemnavn", "en": "Middle name"},
    "field.last_name": {"da": "Efternavn", "en": "Last name"},
    "field.email": {"da": "E-mail", "en": "E-mail"},
    "field.phone": {"da": "Telefon", "en": "Phone"},
    "field.title": {"da": "Stilling", "en": "Job title"},
    "field.organisation": {"da": "Organisation", "en": "Organisation"},
    "field.department": {"da": "Afdeling", "en": "Department"},
    "field.org_type": {"da": "Organisationstype", "en": "Organisation type"},
    "field.sector": {"da": "Sektor", "en": "Sector"},
    "field.website": {"da": "Hjemmeside", "en": "Website"},
    "field.area": {"da": "Område", "en": "Area"},
    "field.notes": {"da": "Noter", "en": "Notes"},
    # Two fields staff confuse: whether the row's person works at the library (yes/no), and which
    # colleague holds the tie to the row's contact (a name).
    "field.is_staff": {
        "da": "Er selv ansat på biblioteket (ja/nej)",
        "en": "Is library staff themselves (yes/no)",
    },
    "field.owner": {
        "da": "Ansvarlig medarbejder (kollegaen, der kender kontakten)",
        "en": "Staff member responsible (the colleague who holds the tie)",
    },
    "field.relation_kind": {"da": "Slags relation", "en": "Kind of relation"},
    "field.strength": {"da": "Styrke (1–5)", "en": "Strength (1–5)"},
    "field.first_contact": {"da": "Første kontakt", "en": "First contact"},
    "field.last_contact": {"da": "Seneste kontakt", "en": "Last contact"},
    "field.source": {"da": "Kilde", "en": "Source"},
    "field.person": {"da": "Person", "en": "Person"},
    "field.role": {"da": "Rolle", "en": "Role"},
    "field.start_date": {"da": "Startdato", "en": "Start date"},
    "field.end_date": {"da": "Slutdato", "en": "End date"},
    "field.from": {"da": "Fra", "en": "From"},
    "field.to": {"da": "Til", "en": "To"},
    "field.element_type": {"da": "Kumu-type", "en": "Kumu type"},
}
