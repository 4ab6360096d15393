"""Words of the network drawing (legend, hover, rings) and of its downloads (Gephi, Kumu, images)."""

TEXTS = {
    # --- the drawing (lib.network.plotting) ---
    "network_figure.kind.library": {"da": "Biblioteket", "en": "The library"},
    "network_figure.kind.organisation": {"da": "Organisation", "en": "Organisation"},
    "network_figure.kind.staff": {"da": "Medarbejder", "en": "Staff member"},
    "network_figure.kind.contact": {"da": "Kontaktperson", "en": "Contact"},
    "network_figure.edge.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "network_figure.edge.staff": {"da": "Ansat på biblioteket", "en": "Works at the library"},
    "network_figure.edge.affiliation": {"da": "Tilknyttet organisation", "en": "Belongs to organisation"},
    "network_figure.edge.relation": {"da": "Relation", "en": "Relation"},
    "network_figure.edge.highlighted": {"da": "Fremhævede forbindelser", "en": "Highlighted ties"},
    "network_figure.edge.ties": {"da": "Forbindelser", "en": "Ties"},
    "network_figure.sector.unknown": {"da": "Sektor ikke angivet", "en": "Sector not given"},
    "network_figure.orgtype.unknown": {"da": "Type ikke angivet", "en": "Type not given"},
    "network_figure.community": {"da": "Gruppe {number}", "en": "Group {number}"},
    "network_figure.community.other": {"da": "Øvrige grupper", "en": "Other groups"},
    "network_figure.owner.none": {"da": "Ingen ansvarlig", "en": "No owner"},
    "network_figure.owner.other": {"da": "Andre ansvarlige", "en": "Other owners"},
    "network_figure.hover.organisation": {"da": "Organisation", "en": "Organisation"},
    "network_figure.empty": {
        "da": "Ingen at vise med de valgte filtre.",
        "en": "Nothing to show with these filters.",
    },
    "network_figure.ring.0": {"da": "Biblioteket", "en": "The library"},
    "network_figure.ring.1": {"da": "Aktive partnere", "en": "Active partners"},
    "network_figure.ring.2": {
        "da": "Organisationer vi har kontakter i",
        "en": "Organisations we have contacts in",
    },
    "network_figure.ring.3": {"da": "Mulige partnere", "en": "Candidates"},
    "network_figure.color_by.kind": {"da": "Slags", "en": "Kind"},
    "network_figure.color_by.sector": {"da": "Sektor", "en": "Sector"},
    "network_figure.color_by.community": {"da": "Grupper i netværket", "en": "Groups in the network"},
    "network_figure.color_by.owner": {"da": "Ansvarlig medarbejder", "en": "Owner (staff member)"},
    # --- downloads (lib.network.export) ---
    "network_export.title": {"da": "Hent netværket", "en": "Download the network"},
    "network_export.format.gexf": {"da": "Gephi (GEXF)", "en": "Gephi (GEXF)"},
    "network_export.format.graphml": {"da": "GraphML", "en": "GraphML"},
    "network_export.format.kumu": {"da": "Kumu (Excel-fil)", "en": "Kumu (Excel file)"},
    "network_export.format.png": {"da": "Billede (PNG)", "en": "Image (PNG)"},
    "network_export.format.svg": {"da": "Vektorbillede (SVG)", "en": "Vector image (SVG)"},
    "network_export.include_contact_details": {
        "da": "Tag e-mails og telefonnumre med",
        "en": "Include e-mails and phone numbers",
    },
    "network_export.complete_map": {
        "da": "Tegn hele kortet i Kumu (biblioteket, medarbejdere og tilknytninger som forbindelser)",
        "en": "Draw the whole map in Kumu (the library, staff and affiliations as connections)",
    },
    "network_export.complete_map_help": {
        "da": (
            "Giver et mere sammenhængende kort i Kumu. Importeres filen igen her, bliver de ekstra "
            "forbindelser til relationer, og biblioteket bliver en organisation."
        ),
        "en": (
            "Gives a more connected map in Kumu. If the file is imported here again, the extra "
            "connections become relations and the library becomes an organisation."
        ),
    },
    "network_export.personal_data": {
        "da": (
            "Filen indeholder navne på personer. Del den kun med dem, der har brug for den, og slet "
            "den, når den ikke længere bruges."
        ),
        "en": (
            "The file holds names of people. Share it only with those who need it, and delete it "
            "when it is no longer used."
        ),
    },
    "network_export.image_unavailable": {
        "da": (
            "Billeder kan ikke laves på denne server, fordi browseren Chromium mangler. Bed den, der "
            "driver systemet, om at køre scripts/setup.sh."
        ),
        "en": (
            "Images cannot be made on this server because the Chromium browser is missing. Ask "
            "whoever runs the system to run scripts/setup.sh."
        ),
    },
    "network_export.image_failed": {
        "da": "Billedet kunne ikke laves. Prøv igen, eventuelt med færre noder vist.",
        "en": "The image could not be made. Try again, perhaps with fewer nodes shown.",
    },
    "network_export.unknown_image_format": {
        "da": "Billedformatet »{fmt}« understøttes ikke. Vælg png eller svg.",
        "en": 'The image format "{fmt}" is not supported. Choose png or svg.',
    },
}
