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
    "overview.staff": {"da": "Medarbejdere", "en": "Staff"},
    "overview.contacts": {"da": "Kontakter", "en": "Contacts"},
    "overview.organisations": {"da": "Organisationer", "en": "Organisations"},
    "overview.relations": {"da": "Relationer", "en": "Relations"},
}
