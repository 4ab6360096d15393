"""How an import finds the library's staff in a file: the column that names them, and first names."""

TEXTS = {
    # The help of the mapping grid's column of fields (components.import_views.mapping_editor)
    "importpage.col_field_help": {
        "da": (
            "Hvad kolonnen indeholder. En kolonne med navnet på den kollega, der kender kontakten "
            "(fx »Kontaktperson hos os«), gemmes som »Ansvarlig medarbejder«: så bliver det en relation "
            "i netværket. »Er selv ansat på biblioteket« er kun til en ja/nej-kolonne, der siger, om "
            "personen i rækken er ansat hos jer."
        ),
        "en": (
            "What the column holds. A column with the name of the colleague who knows the contact (e.g. "
            '"Our contact person") is stored as "Staff member responsible": that makes a tie in the '
            'network. "Is library staff themselves" is only for a yes/no column saying whether the '
            "row's person works at the library."
        ),
    },
    # The preview, when an unused column holds staff names (lib.ingest.staff_columns)
    "importpage.staff_like_column": {
        "da": (
            "Kolonnen »{column}« i {sheet} ligner bibliotekets medarbejdere – skal den bruges som "
            "»Ansvarlig medarbejder«? Vælg det under »Gemmes som« ovenfor, så bliver hver række en "
            "relation mellem kollegaen og kontakten."
        ),
        "en": (
            'The column "{column}" in {sheet} looks like the library\'s staff – should it be used as '
            '"Staff member responsible"? Choose that under "Stored as" above, and each row becomes a '
            "tie between the colleague and the contact."
        ),
    },
    # A staff member named by first name only (lib.ingest.row_people)
    "import.staff_first_name": {
        "da": "»{value}« er læst som {name}.",
        "en": '"{value}" is read as {name}.',
    },
    "import.staff_first_name_ambiguous": {
        "da": (
            "»{value}« kan være flere medarbejdere: {names}. Skriv det fulde navn, så ved vi, hvem det er; "
            "rækken er ikke importeret."
        ),
        "en": (
            '"{value}" could be several staff members: {names}. Write the full name so we know who it is; '
            "the row was not imported."
        ),
    },
}
