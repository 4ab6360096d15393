"""Contact dates that an import cannot store: they belong to a tie, and the sheet names no colleague."""

TEXTS = {
    # The preview, for a first/last-contact column on a sheet without a staff column (lib.ingest.staff_columns)
    "importpage.unkept_tie_dates": {
        "da": (
            "Datoerne i kolonnen »{column}« i {sheet} gemmes ikke: en dato for kontakt hører til relationen "
            "mellem en kollega og kontaktpersonen, og arket har ingen kolonne med bibliotekets medarbejder. "
            "Har arket en kolonne, der siger, hvem hos jer der kender personen, så vælg »Ansvarlig "
            "medarbejder« for den under »Gemmes som« ovenfor, så kommer datoerne med."
        ),
        "en": (
            'The dates in the column "{column}" in {sheet} are not stored: a contact date belongs to the tie '
            "between a colleague and the contact person, and the sheet has no column with the library's "
            'staff. If it has a column saying who at the library knows the person, choose "Staff member '
            'responsible" for it under "Stored as" above, and the dates are kept.'
        ),
    },
}
