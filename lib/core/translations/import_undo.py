"""Texts of the one undo flow of every import (components/importer.py, issue 14)."""

TEXTS = {
    "import_undo.note": {
        "da": "Fortrydelsen afvises, hvis nogen har ændret eller brugt posterne siden; så ændres intet.",
        "en": "The undo is refused when someone has edited or used the records since; nothing is changed then.",
    },
    "import_undo.confirm_table": {
        "da": "Ja, fjern alt, hvad denne indlæsning tilføjede",
        "en": "Yes, remove everything this import added",
    },
}
