"""Texts of the import page (Importér)."""

TEXTS = {
    "importpage.title": {"da": "Importér kontaktlister", "en": "Import contact lists"},
    "importpage.intro": {
        "da": "Hent dine kontakter ind fra Excel, Outlook, Google Kontakter, LinkedIn eller Kumu. "
        "Du ser præcis, hvad der sker, **før** noget bliver gemt – og en import kan altid fortrydes.",
        "en": "Bring your contacts in from Excel, Outlook, Google Contacts, LinkedIn or Kumu. "
        "You see exactly what will happen **before** anything is stored – and an import can always "
        "be undone.",
    },
    "importpage.upload_label": {"da": "Vælg en eller flere filer", "en": "Choose one or more files"},
    "importpage.upload_help": {
        "da": "Excel (.xlsx, .xlsm, .xls) eller tekstfiler (.csv, .txt) med komma, semikolon eller tabulator.",
        "en": "Excel (.xlsx, .xlsm, .xls) or text files (.csv, .txt) separated by comma, semicolon or tab.",
    },
    "importpage.reading": {"da": "Læser {file} …", "en": "Reading {file} …"},
    "importpage.step_sheets": {"da": "1. Ark og kolonner", "en": "1. Sheets and columns"},
    "importpage.step_preview": {"da": "2. Sådan bliver importen", "en": "2. What the import will do"},
    "importpage.step_commit": {"da": "3. Gem importen", "en": "3. Store the import"},
    "importpage.no_sheets": {"da": "Filen har ingen ark med indhold.", "en": "The file has no sheets with content."},
    "importpage.sheet_title": {
        "da": "Ark »{sheet}« · {rows} {rows:række|rækker}",
        "en": 'Sheet "{sheet}" · {rows} {rows:row|rows}',
    },
    "importpage.hidden_sheet": {"da": "skjult ark", "en": "hidden sheet"},
    "importpage.hidden_sheet_help": {
        "da": "Arket er skjult i Excel. Det læses kun, hvis du selv sætter flueben.",
        "en": "This sheet is hidden in Excel. It is only read if you tick it yourself.",
    },
    "importpage.truncated": {
        "da": "Arket er meget stort: kun de første {kept} af {total} {total:række|rækker} læses. Del filen op for at få resten med.",
        "en": "The sheet is very large: only the first {kept} of {total} {total:row is|rows are} read. Split the file to "
        "import the rest.",
    },
    "importpage.formulas_without_value": {
        "da": "{count} {count:celle|celler} indeholder formler uden gemt resultat og bliver læst som tomme. Åbn filen i Excel, "
        "gem den igen, og importér på ny for at få værdierne med.",
        "en": "{count} {count:cell holds|cells hold} formulas without a saved result and are read as empty. Open the file in Excel, "
        "save it again and re-import to include the values.",
    },
    "importpage.title_rows": {"da": "Overskrift over tabellen: {title}", "en": "Title above the table: {title}"},
    "importpage.include_sheet": {"da": "Importér dette ark", "en": "Import this sheet"},
    "importpage.role": {"da": "Hvad indeholder arket?", "en": "What does the sheet hold?"},
    "importpage.role_help": {
        "da": "Foreslået ud fra kolonnenavnene. Ret det, hvis det er forkert.",
        "en": "Suggested from the column names. Correct it if it is wrong.",
    },
    "importpage.mapping_remembered": {
        "da": "Kolonnerne er sat op som sidst, du importerede en fil med de samme kolonner.",
        "en": "The columns are set up as the last time you imported a file with the same columns.",
    },
    "importpage.ignore_column": {"da": "(bruges ikke)", "en": "(not used)"},
    "importpage.col_column": {"da": "Kolonne i filen", "en": "Column in the file"},
    "importpage.col_example": {"da": "Eksempler", "en": "Examples"},
    "importpage.col_field": {"da": "Gemmes som", "en": "Stored as"},
    "importpage.unmapped": {
        "da": "{count} {count:kolonne|kolonner} bruges ikke: {columns}",
        "en": "{count} {count:column is|columns are} not used: {columns}",
    },
    "importpage.choose_a_sheet": {
        "da": "Vælg mindst ét ark at importere.",
        "en": "Choose at least one sheet to import.",
    },
    "importpage.previewing": {"da": "Beregner forhåndsvisning …", "en": "Working out the preview …"},
    "importpage.preview_caption": {
        "da": "Intet er gemt endnu. Tallene viser, hvad der sker, når du trykker »Importér«.",
        "en": 'Nothing is stored yet. The figures show what happens when you press "Import".',
    },
    "importpage.review_pairs": {
        "da": "{count} {count:mulig dublet|mulige dubletter} (fx stavefejl i navne) bliver ikke slået sammen automatisk. "
        "Du kan gennemgå dem under Kontakter og organisationer.",
        "en": "{count} {count:possible duplicate|possible duplicates} (e.g. typos in names) are not merged automatically. "
        "You can review them under Contacts and organisations.",
    },
    "importpage.problems_heading": {"da": "Problemer ({count})", "en": "Problems ({count})"},
    "importpage.download_report": {"da": "Hent fejlrapport (Excel)", "en": "Download problem report (Excel)"},
    "importpage.report_file_name": {"da": "importrapport", "en": "import-report"},
    "importpage.rows_heading": {"da": "Række for række", "en": "Row by row"},
    "importpage.commit_button": {"da": "Importér", "en": "Import"},
    "importpage.clear_button": {"da": "Start forfra", "en": "Start over"},
    "importpage.committed": {
        "da": "Importen er gemt som import nr. {batch}: {inserted} {inserted:ny|nye}, {updated} "
        "{updated:opdateret|opdaterede}, {unchanged} {unchanged:uændret|uændrede}, {rejected} "
        "{rejected:afvist|afviste} og {skipped} sprunget over af {rows} {rows:række|rækker}.",
        "en": "The import was stored as import no. {batch}: {inserted} new, {updated} updated, "
        "{unchanged} unchanged, {rejected} rejected and {skipped} skipped of {rows} {rows:row|rows}.",
    },
    "importpage.nothing_changed": {
        "da": "Alle {rows} {rows:række|rækker} var allerede i arbejdsområdet (eller blev afvist); intet er ændret.",
        "en": "All {rows} {rows:row was|rows were} already in the workspace (or were rejected); nothing was changed.",
    },
    "importpage.undo_this": {"da": "Fortryd denne import", "en": "Undo this import"},
    "importpage.history": {"da": "Tidligere importer", "en": "Earlier imports"},
    "importpage.no_history": {"da": "Der er ingen importer endnu.", "en": "There are no imports yet."},
    "importpage.col_when": {"da": "Tidspunkt", "en": "When"},
    "importpage.col_status": {"da": "Status", "en": "Status"},
    "importpage.status_committed": {"da": "Gemt", "en": "Stored"},
    "importpage.status_undone": {"da": "Fortrudt", "en": "Undone"},
    "importpage.undo_choose": {"da": "Fortryd en import", "en": "Undo an import"},
    "importpage.undo_confirm": {
        "da": "Ja, fjern alt, hvad denne import tilføjede, og sæt ændrede poster tilbage",
        "en": "Yes, remove everything this import added and restore the records it changed",
    },
    "importpage.undo_button": {"da": "Fortryd import", "en": "Undo import"},
    "importpage.undone": {"da": "Import nr. {batch} er fortrudt.", "en": "Import no. {batch} was undone."},
}
