"""Words of lib.contacts: problems with edited values, duplicate rules, event and history labels."""

TEXTS = {
    # Problems the user can fix
    "records.name_required": {
        "da": "Navnet skal udfyldes.",
        "en": "The name is required.",
    },
    "records.email_taken": {
        "da": "E-mailadressen {email} bruges allerede af {name}. Hvis det er den samme person, så slå de to "
        "sammen i stedet.",
        "en": "The e-mail address {email} already belongs to {name}. If it is the same person, merge the two instead.",
    },
    "records.organisation_exists": {
        "da": "Der findes allerede en organisation, der hedder {name}. Hvis det er den samme, så slå dem sammen.",
        "en": "There is already an organisation called {name}. If it is the same one, merge them.",
    },
    "records.unknown_org_type": {
        "da": "»{value}« er ikke en af de kendte organisationstyper.",
        "en": "\u201c{value}\u201d is not one of the known organisation types.",
    },
    "records.unknown_sector": {
        "da": "»{value}« er ikke en af de kendte sektorer.",
        "en": "\u201c{value}\u201d is not one of the known sectors.",
    },
    "records.affiliation_exists": {
        "da": "Personen er allerede tilknyttet {organisation}.",
        "en": "The person already belongs to {organisation}.",
    },
    "records.end_before_start": {
        "da": "Slutdatoen ({end}) ligger før startdatoen ({start}).",
        "en": "The end date ({end}) is before the start date ({start}).",
    },
    "records.merge_same": {
        "da": "Vælg to forskellige poster at slå sammen.",
        "en": "Choose two different records to merge.",
    },
    "records.person_not_found": {
        "da": "Personen findes ikke længere. Måske har en kollega slettet eller sammenlagt den.",
        "en": "The person no longer exists. A colleague may have deleted or merged it.",
    },
    "records.organisation_not_found": {
        "da": "Organisationen findes ikke længere. Måske har en kollega slettet eller sammenlagt den.",
        "en": "The organisation no longer exists. A colleague may have deleted or merged it.",
    },
    "records.affiliation_not_found": {
        "da": "Tilknytningen findes ikke længere.",
        "en": "The affiliation no longer exists.",
    },
    "records.duplicate_not_found": {
        "da": "Forslaget findes ikke længere. Måske har en kollega allerede taget stilling til det.",
        "en": "The suggestion no longer exists. A colleague may already have decided on it.",
    },
    # Why two people were offered as possible duplicates
    "records.rule.same_name": {
        "da": "Samme navn, og e-mail skiller dem ikke ad",
        "en": "Same name, and no e-mail tells them apart",
    },
    "records.rule.same_name_other_email": {
        "da": "Samme navn, men forskellige e-mailadresser",
        "en": "Same name, but different e-mail addresses",
    },
    "records.rule.similar_name_same_org": {
        "da": "Næsten samme navn i samme organisation",
        "en": "Nearly the same name at the same organisation",
    },
    "records.rule.similar_name": {
        "da": "Næsten samme navn",
        "en": "Nearly the same name",
    },
    # The event log, as shown in a record's history
    "records.event.person_created": {"da": "Person oprettet", "en": "Person created"},
    "records.event.person_updated": {"da": "Oplysninger rettet", "en": "Details edited"},
    "records.event.person_deleted": {"da": "Person slettet", "en": "Person deleted"},
    "records.event.organisation_created": {"da": "Organisation oprettet", "en": "Organisation created"},
    "records.event.organisation_updated": {"da": "Oplysninger rettet", "en": "Details edited"},
    "records.event.organisation_deleted": {"da": "Organisation slettet", "en": "Organisation deleted"},
    "records.event.affiliation_added": {"da": "Tilknytning tilføjet", "en": "Affiliation added"},
    "records.event.affiliation_ended": {"da": "Tilknytning afsluttet", "en": "Affiliation ended"},
    "records.event.affiliation_removed": {"da": "Tilknytning fjernet", "en": "Affiliation removed"},
    "records.event.people_merged": {"da": "Sammenlagt med en anden person", "en": "Merged with another person"},
    "records.event.person_merged_into": {"da": "Lagt sammen med en anden person", "en": "Merged into another person"},
    "records.event.organisations_merged": {
        "da": "Sammenlagt med en anden organisation",
        "en": "Merged with another organisation",
    },
    "records.event.organisation_merged_into": {
        "da": "Lagt sammen med en anden organisation",
        "en": "Merged into another organisation",
    },
    "records.event.duplicate_dismissed": {"da": "Ikke samme person", "en": "Not the same person"},
    "records.event.duplicates_scanned": {"da": "Søgt efter mulige dubletter", "en": "Searched for possible duplicates"},
    # Import history of a record
    "records.import_action.insert": {"da": "Oprettet", "en": "Created"},
    "records.import_action.update": {"da": "Opdateret", "en": "Updated"},
    "records.batch_status.committed": {"da": "Gennemført", "en": "Completed"},
    "records.batch_status.undone": {"da": "Fortrudt", "en": "Undone"},
    # Direction of a tie, seen from the record
    "records.direction.outgoing": {"da": "Til", "en": "To"},
    "records.direction.incoming": {"da": "Fra", "en": "From"},
}
