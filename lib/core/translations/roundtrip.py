"""Texts of the workspace round trip (issue 11): fields the export writes and the import reads back."""

TEXTS = {
    # --- fields a column can be mapped to (the import page's mapping editor) -----------------------
    "field.aliases": {"da": "Også skrevet (andre stavemåder)", "en": "Also written (other spellings)"},
    "field.weight": {"da": "Vægt (et tal over 0)", "en": "Weight (a number above 0)"},
    # --- the lists of what an import changes in records that exist ---------------------------------
    "importrefs.field.aliases": {"da": "Også skrevet", "en": "Also written"},
    "importrefs.field.cvr": {"da": "CVR-nummer", "en": "CVR number"},
    "importrefs.field.org_type_text": {"da": "Typen, som filen skrev den", "en": "Type as the file wrote it"},
    "importrefs.field.sector_text": {"da": "Sektoren, som filen skrev den", "en": "Sector as the file wrote it"},
    "importrefs.field.kind_text": {
        "da": "Slags relation, som filen skrev den",
        "en": "Kind of relation as the file wrote it",
    },
    # --- row problems -----------------------------------------------------------------------------
    "import.alias_taken": {
        "da": "Stavemåden »{alias}« er udeladt: den er allerede navnet på (eller en anden stavemåde af) "
        "»{organisation}«, og én stavemåde hører til én organisation.",
        "en": 'The spelling "{alias}" is left out: it is already the name (or another spelling) of '
        '"{organisation}", and one spelling belongs to one organisation.',
    },
}
