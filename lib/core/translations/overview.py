"""Texts of the start page (Oversigt)."""

TEXTS = {
    "overview.demo_notice": {
        "da": "Du kigger på et demo-arbejdsområde med et opdigtet bibliotek. Alle navne er fiktive.",
        "en": "You are looking at a demo workspace with a made-up library. All names are fictional.",
    },
    "overview.empty_heading": {"da": "Velkommen til Partnerskabsradar", "en": "Welcome to Partnerskabsradar"},
    "overview.empty_text": {
        "da": "Arbejdsområdet er tomt. Prøv værktøjet med et opdigtet demobibliotek, eller importér "
        "bibliotekets egne kontaktlister fra Excel, Outlook eller LinkedIn.",
        "en": "The workspace is empty. Try the tool with a made-up demo library, or import the library's own "
        "contact lists from Excel, Outlook or LinkedIn.",
    },
    "overview.create_demo": {"da": "Opret demo-arbejdsområde", "en": "Create demo workspace"},
    "overview.creating_demo": {"da": "Opretter demobiblioteket …", "en": "Creating the demo library …"},
    "overview.go_import": {"da": "Importér kontaktlister", "en": "Import contact lists"},
    "overview.go_network": {"da": "Se netværket", "en": "See the network"},
    "overview.go_contacts": {"da": "Se kontakter og organisationer", "en": "See contacts and organisations"},
    "overview.contacts": {"da": "Kontakter", "en": "Contacts"},
    "overview.organisations": {"da": "Organisationer", "en": "Organisations"},
    "overview.relations": {"da": "Relationer", "en": "Relations"},
    # --- key figures ---
    "overview.figures_heading": {"da": "Nøgletal", "en": "Key figures"},
    "overview.figures_compared": {
        "da": "Ændringen er i forhold til {date}, tolv måneder før.",
        "en": "The change is compared with {date}, twelve months earlier.",
    },
    "overview.figure.no_value": {"da": "–", "en": "–"},
    # --- sections ---
    "overview.radar_heading": {"da": "Tjeklisten", "en": "The checklist"},
    "overview.radar_self": {
        "da": "Seneste selvvurdering: {date}.",
        "en": "Latest self-assessment: {date}.",
    },
    "overview.radar_no_self": {
        "da": "Ingen selvvurdering endnu: radaren viser kun, hvad data siger.",
        "en": "No self-assessment yet: the radar shows only what the data says.",
    },
    "overview.alerts_heading": {"da": "Kræver opmærksomhed", "en": "Needs attention"},
    "overview.alerts_none": {"da": "Intet kræver opmærksomhed lige nu.", "en": "Nothing needs attention right now."},
    "overview.alerts_more": {"da": "… og {count} mere.", "en": "… and {count} more."},
    "overview.alert.cold_ties": {
        "da": "{count} {count:relation|relationer} har ikke haft kontakt i {months} {months:måned|måneder} eller mere ({key_ties} af dem "
        "nøglerelationer).",
        "en": "{count} {count:tie has|ties have} had no contact for {months} {months:month|months} or more ({key_ties} of them key ties).",
    },
    "overview.alert.goal_off_track": {
        "da": "Målet »{title}« er ikke på rette spor.",
        "en": 'The goal "{title}" is off track.',
    },
    "overview.alert.goal_at_risk": {"da": "Målet »{title}« er i fare.", "en": 'The goal "{title}" is at risk.'},
    "overview.alert.single_person": {
        "da": "»{title}« hænger på én person: {name}.",
        "en": '"{title}" hangs on one person: {name}.',
    },
    "overview.alert.single_person_unnamed": {
        "da": "»{title}« hænger på én medarbejder.",
        "en": '"{title}" hangs on one staff member.',
    },
    "overview.evaluations_heading": {"da": "Seneste evalueringer", "en": "Latest evaluations"},
    "overview.evaluations_none": {"da": "Ingen evalueringer endnu.", "en": "No evaluations yet."},
    "overview.col.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "overview.col.held_on": {"da": "Dato", "en": "Date"},
    "overview.col.overall": {"da": "Samlet", "en": "Overall"},
    "overview.network_heading": {"da": "Netværket", "en": "The network"},
    "overview.link.partnerships": {"da": "Partnerskaber", "en": "Partnerships"},
    "overview.link.goals": {"da": "Mål", "en": "Goals"},
    "overview.link.evaluations": {"da": "Evaluering", "en": "Evaluations"},
    "overview.link.contacts": {"da": "Kontakter og organisationer", "en": "Contacts and organisations"},
    "overview.link.network": {"da": "Netværk", "en": "Network"},
    "overview.link.radar": {"da": "Tjekliste", "en": "Checklist"},
}
