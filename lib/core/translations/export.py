"""Words of the export: downloading the workspace and tables as Excel or CSV files."""

TEXTS = {
    "export.title": {"da": "Eksportér arbejdsområdet", "en": "Export the workspace"},
    "export.intro": {
        "da": (
            "Hent alle kontakter, organisationer, tilknytninger og relationer som én Excel-fil eller "
            "som CSV-filer. Filen kan importeres igen, også i et andet arbejdsområde."
        ),
        "en": (
            "Download all contacts, organisations, affiliations and relations as one Excel file or as "
            "CSV files. The file can be imported again, also into another workspace."
        ),
    },
    "export.format_xlsx": {"da": "Excel-fil (.xlsx)", "en": "Excel file (.xlsx)"},
    "export.format_csv": {"da": "CSV-filer (én pr. tabel)", "en": "CSV files (one per table)"},
    "export.personal_data": {
        "da": (
            "Filen indeholder personoplysninger (navne, e-mails og telefonnumre). Opbevar den sikkert, "
            "og slet den, når du ikke længere skal bruge den."
        ),
        "en": (
            "The file holds personal data (names, e-mails and phone numbers). Keep it safe, and delete "
            "it when you no longer need it."
        ),
    },
    "export.neutralised_note": {
        "da": (
            "Tekst, der begynder med =, +, -, @ (også i bred form som ＝ eller efter mellemrum) eller et "
            "tabulatortegn, har fået en apostrof (') foran, "
            "så regnearket viser den som tekst og aldrig udfører den som en formel. Apostroffen fjernes "
            "igen, når filen importeres."
        ),
        "en": (
            "Text that begins with =, +, -, @ (also in full-width form such as ＝, or after spaces) or a tab "
            "has been given a leading apostrophe (') so the "
            "spreadsheet shows it as text and never runs it as a formula. The apostrophe is removed "
            "again when the file is imported."
        ),
    },
    "export.done": {
        "da": (
            "Eksporteret: {people} {people:person|personer}, {organisations} {organisations:organisation|organisationer}, {affiliations} "
            "{affiliations:tilknytning|tilknytninger} og {relations} {relations:relation|relationer}."
        ),
        "en": (
            "Exported: {people} {people:person|people}, {organisations} {organisations:organisation|organisations}, {affiliations} {affiliations:affiliation|affiliations} "
            "and {relations} {relations:relation|relations}."
        ),
    },
    "export.unknown_format": {
        "da": "Filformatet »{fmt}« kan ikke bruges til eksport. Vælg xlsx eller csv.",
        "en": 'The file format "{fmt}" cannot be used for export. Choose xlsx or csv.',
    },
}
