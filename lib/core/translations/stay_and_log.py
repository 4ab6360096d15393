"""Texts of staying where you were after a save, and of the exports the event log records (issue 12,
items 3 and 4)."""

TEXTS: dict[str, dict[str, str]] = {
    "partnerships_page.new.drafted": {
        "da": "Udfyldt fra vurderingen af kandidaten: organisationen og de mål, den passer til. Tjek og registrér.",
        "en": "Filled in from the candidate's assessment: the organisation and the goals it fits. Check and register.",
    },
    # The event log: files with personal data that left the system (lib.workspace.events.log_export).
    "admin.action.network_exported": {
        "da": "Netværket hentet som fil (Gephi, Kumu eller billede)",
        "en": "Network downloaded as a file (Gephi, Kumu or image)",
    },
    "admin.action.network_table_exported": {
        "da": "Netværkets tabel over personer og organisationer hentet",
        "en": "Network table of people and organisations downloaded",
    },
    "admin.action.import_report_exported": {
        "da": "Importens fejlrapport hentet",
        "en": "Import problem report downloaded",
    },
    "admin.action.agreement_exported": {
        "da": "Resumé af en samarbejdsaftale hentet",
        "en": "Agreement summary downloaded",
    },
    "admin.action.strengths_flyer_exported": {"da": "Styrkeprofilens flyer hentet", "en": "Strengths flyer downloaded"},
    "admin.action.backup_exported": {
        "da": "Sikkerhedskopi af hele arbejdsområdet taget",
        "en": "Backup of the whole workspace made",
    },
}
