"""Words of the progress of long work (``lib.core.progress``; issue 16): its steps and counts."""

TEXTS = {
    "progress.line": {"da": "{step}: {count}", "en": "{step}: {count}"},
    # --- steps ---
    "progress.step.read_file": {"da": "Læser filen", "en": "Reading the file"},
    "progress.step.find_tables": {"da": "Finder tabellerne", "en": "Finding the tables"},
    "progress.step.load_workspace": {"da": "Henter arbejdsområdet", "en": "Loading the workspace"},
    "progress.step.check_rows": {"da": "Tjekker rækker", "en": "Checking rows"},
    "progress.step.store": {"da": "Gemmer", "en": "Storing"},
    "progress.step.board_sections": {"da": "Samler bestyrelsesrapporten", "en": "Gathering the board report"},
    "progress.step.board_write": {"da": "Skriver filen", "en": "Writing the file"},
    "progress.step.backup_copy": {"da": "Kopierer databasen", "en": "Copying the database"},
    "progress.step.backup_check": {"da": "Tjekker sikkerhedskopien", "en": "Checking the backup"},
    # --- counts: "{done} of {total} <unit>", and without a known total ---
    "progress.unit.rows": {"da": "{done} af {total} {total:række|rækker}", "en": "{done} of {total} {total:row|rows}"},
    "progress.unit.rows.open": {"da": "{done} {done:række|rækker}", "en": "{done} {done:row|rows}"},
    "progress.unit.sheets": {"da": "{done} af {total} ark", "en": "{done} of {total} {total:sheet|sheets}"},
    "progress.unit.sheets.open": {"da": "{done} ark", "en": "{done} {done:sheet|sheets}"},
    "progress.unit.tables": {
        "da": "{done} af {total} {total:tabel|tabeller}",
        "en": "{done} of {total} {total:table|tables}",
    },
    "progress.unit.tables.open": {"da": "{done} {done:tabel|tabeller}", "en": "{done} {done:table|tables}"},
    "progress.unit.sections": {"da": "{done} af {total} afsnit", "en": "{done} of {total} {total:section|sections}"},
    "progress.unit.sections.open": {"da": "{done} afsnit", "en": "{done} {done:section|sections}"},
    "progress.unit.pages": {
        "da": "{done} af {total} {total:side|sider}",
        "en": "{done} of {total} {total:page|pages}",
    },
    "progress.unit.pages.open": {"da": "{done} {done:side|sider}", "en": "{done} {done:page|pages}"},
    "progress.unit.files": {"da": "{done} af {total} {total:fil|filer}", "en": "{done} of {total} {total:file|files}"},
    "progress.unit.files.open": {"da": "{done} {done:fil|filer}", "en": "{done} {done:file|files}"},
}
