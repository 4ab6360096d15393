"""Texts of the accessibility statement: its page, the link on every page and its setting (issue 15)."""

TEXTS = {
    "nav.accessibility": {"da": "Tilgængelighedserklæring", "en": "Accessibility statement"},
    # --- the link in the sidebar ---
    "accessibility.link_help.external": {
        "da": "Åbner kommunens tilgængelighedserklæring for Partnerskabsradar.",
        "en": "Opens the municipality's accessibility statement for Partnerskabsradar.",
    },
    "accessibility.link_help.shipped": {
        "da": "Den tilgængelighedserklæring, som Partnerskabsradar leveres med.",
        "en": "The accessibility statement that comes with Partnerskabsradar.",
    },
    # --- the page ---
    "accessibility.page_caption": {
        "da": "Dette er erklæringen, som Partnerskabsradar leveres med (filen docs/accessibility.md). Kommunen "
        "offentliggør sin egen og sætter linket til den på siden Biblioteket.",
        "en": "This is the statement that comes with Partnerskabsradar (the file docs/accessibility.md). The "
        "municipality publishes its own and sets the link to it on the page The library.",
    },
    # --- the setting (page Biblioteket, python -m lib setup) ---
    "setup.field.accessibility_url": {
        "da": "Link til tilgængelighedserklæringen",
        "en": "Link to the accessibility statement",
    },
    "setup.placeholder.accessibility_url": {
        "da": "Fx https://www.solhoej.example.dk/tilgaengelighed",
        "en": "e.g. https://www.solhoej.example.dk/accessibility",
    },
    "setup.help.accessibility_url": {
        "da": "Adressen på kommunens offentliggjorte tilgængelighedserklæring for Partnerskabsradar (normalt lavet "
        "i Digitaliseringsstyrelsens WAS-værktøj). Linket står i menuen på hver side. Lad feltet stå tomt for at "
        "vise den erklæring, programmet leveres med.",
        "en": "The address of the municipality's published accessibility statement for Partnerskabsradar "
        "(usually made in the Danish Agency for Digital Government's WAS tool). The link is in the menu on "
        "every page. Leave it empty to show the statement that comes with the program.",
    },
    "setup.accessibility_url_invalid": {
        "da": "»{value}« kan ikke bruges som link. Skriv hele adressen, så den begynder med https:// "
        "(fx https://www.solhoej.example.dk/tilgaengelighed).",
        "en": "“{value}” cannot be used as a link. Write the whole address, starting with https:// "
        "(e.g. https://www.solhoej.example.dk/accessibility).",
    },
    "setup.cli.name_required": {
        "da": "Biblioteket har intet navn endnu: angiv det med --library-name.",
        "en": "The library has no name yet: give it with --library-name.",
    },
}
