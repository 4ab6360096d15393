"""Texts of the import: row problems, undo, the import page and its report."""

TEXTS = {
    # Row problems
    "import.no_name_or_email": {
        "da": "Rækken har hverken navn eller e-mail, så den kan ikke knyttes til en person.",
        "en": "The row has neither a name nor an e-mail, so it cannot be tied to a person.",
    },
    "import.no_organisation_name": {
        "da": "Rækken mangler navnet på organisationen.",
        "en": "The row is missing the organisation's name.",
    },
    "import.unknown_org_type": {
        "da": "Organisationstypen »{value}« kendes ikke; typen er ikke udfyldt.",
        "en": 'The organisation type "{value}" is not known; the type was left empty.',
    },
    "import.unknown_sector": {
        "da": "Sektoren »{value}« kendes ikke (offentlig, privat eller civilsamfund); den er ikke udfyldt.",
        "en": 'The sector "{value}" is not known (public, private or civil society); it was left empty.',
    },
    "import.unknown_relation_kind": {
        "da": "Relationstypen »{value}« kendes ikke; relationen er gemt som »Kender«.",
        "en": 'The relation type "{value}" is not known; the relation was stored as "Knows".',
    },
    "import.owner_not_found": {
        "da": "Den ansvarlige medarbejder »{value}« findes ikke i arbejdsområdet; relationen er ikke oprettet.",
        "en": 'The responsible staff member "{value}" is not in the workspace; the relation was not created.',
    },
    "import.missing_party": {
        "da": "Rækken mangler den ene part i relationen.",
        "en": "The row is missing one party of the relation.",
    },
    "import.unknown_party": {
        "da": "»{value}« findes hverken blandt personer eller organisationer. Importér kontakterne først, "
        "eller i samme omgang.",
        "en": '"{value}" is neither a known person nor a known organisation. Import the contacts first, '
        "or together with this sheet.",
    },
    # Undo
    "undo.no_such_batch": {"da": "Importen nr. {batch} findes ikke.", "en": "Import no. {batch} does not exist."},
    "undo.already_undone": {
        "da": "Importen nr. {batch} er allerede fortrudt.",
        "en": "Import no. {batch} has already been undone.",
    },
    "undo.later_import": {
        "da": "Importen kan ikke fortrydes, fordi en senere import (nr. {batch}, {file}) har ændret de samme "
        "poster. Fortryd den senere import først.",
        "en": "This import cannot be undone because a later import (no. {batch}, {file}) changed the same "
        "records. Undo the later import first.",
    },
    "undo.edited_since": {
        "da": "Importen kan ikke fortrydes, fordi nogen har redigeret de importerede poster bagefter ({when}).",
        "en": "This import cannot be undone because the imported records were edited afterwards ({when}).",
    },
    # Report columns and counts
    "import.col.file": {"da": "Fil", "en": "File"},
    "import.col.sheet": {"da": "Ark", "en": "Sheet"},
    "import.col.row": {"da": "Række", "en": "Row"},
    "import.col.column": {"da": "Kolonne", "en": "Column"},
    "import.col.message": {"da": "Besked", "en": "Message"},
    "import.col.severity": {"da": "Alvor", "en": "Severity"},
    "import.col.outcome": {"da": "Resultat", "en": "Outcome"},
    "import.col.record": {"da": "Post", "en": "Record"},
    "import.severity.error": {"da": "Afvist", "en": "Rejected"},
    "import.severity.warning": {"da": "Advarsel", "en": "Warning"},
    "import.count.rows": {"da": "Rækker læst", "en": "Rows read"},
    "import.count.inserted": {"da": "Nye", "en": "New"},
    "import.count.updated": {"da": "Opdateret", "en": "Updated"},
    "import.count.unchanged": {"da": "Uændret", "en": "Unchanged"},
    "import.count.rejected": {"da": "Afvist", "en": "Rejected"},
    "import.count.skipped": {"da": "Sprunget over", "en": "Skipped"},
    "import.report.problems": {"da": "Problemer", "en": "Problems"},
    "import.report.summary": {"da": "Opsummering", "en": "Summary"},
}
