"""Texts shared by the planning imports (goals, partnerships, assessments, survey answers) and forms."""

TEXTS = {
    "table_import.missing_columns": {
        "da": "Arket er ikke læst, fordi det mangler kolonner til: {da}. Brug gerne skabelonen.",
        "en": "The sheet was not read because it lacks columns for: {en}. The template may help.",
    },
    "table_import.no_table": {
        "da": "Filen har ingen ark med de kolonner, der skal bruges. Hent skabelonen og udfyld den.",
        "en": "The file has no sheet with the columns needed. Download the template and fill it in.",
    },
    "table_import.unknown_value": {
        "da": "»{value}« kendes ikke her; feltet er ikke udfyldt.",
        "en": '"{value}" is not known here; the field was left empty.',
    },
    "table_import.score_invalid": {
        "da": "»{value}« er ikke et helt tal fra {low} til {high}; værdien er udeladt.",
        "en": '"{value}" is not a whole number from {low} to {high}; the value was left out.',
    },
    "table_import.not_a_table_import": {
        "da": "Import nr. {batch} er en import af kontakter; fortryd den på importsiden.",
        "en": "Import no. {batch} is an import of contacts; undo it on the import page.",
    },
    "table_import.used_since": {
        "da": (
            "Importen kan ikke fortrydes, fordi der siden er tilføjet noget til det, den oprettede "
            "(fx en måling, en kontakt eller en evaluering). Slet det først, hvis importen skal fortrydes."
        ),
        "en": (
            "The import cannot be undone because something has since been added to what it created "
            "(such as a measurement, a contact or an evaluation). Delete that first to undo the import."
        ),
    },
    "table_import.template_guide": {"da": "Vejledning", "en": "Guide"},
    "table_import.guide.column": {"da": "Kolonne", "en": "Column"},
    "table_import.guide.explanation": {"da": "Forklaring", "en": "Explanation"},
    "table_import.guide.required": {"da": "Skal udfyldes.", "en": "Required."},
    "table_import.guide.values": {"da": "Mulige værdier: {values}.", "en": "Possible values: {values}."},
    "table_import.guide.list": {
        "da": "Flere navne adskilles med semikolon (;).",
        "en": "Separate several names with a semicolon (;).",
    },
    "table_import.guide.date": {"da": "Dato, fx 31-12-2026.", "en": "A date, e.g. 31-12-2026."},
    "table_import.guide.score": {
        "da": "Et helt tal fra 1 til 5, eller »ved ikke«.",
        "en": 'A whole number from 1 to 5, or "ved ikke" (don\'t know).',
    },
    "table_import.guide.staff": {
        "da": "En medarbejders navn eller e-mail, som de står i arbejdsområdet.",
        "en": "A staff member's name or e-mail as they are in the workspace.",
    },
    # Forms
    "editing.not_staff": {
        "da": "Vælg en medarbejder fra biblioteket.",
        "en": "Choose a member of the library's staff.",
    },
    "editing.required": {"da": "Feltet skal udfyldes.", "en": "This field is required."},
    "editing.unknown_code": {
        "da": "»{value}« er ikke et af valgene.",
        "en": '"{value}" is not one of the choices.',
    },
}
