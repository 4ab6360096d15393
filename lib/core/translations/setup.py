"""Texts of the library's set-up (first run, the page "Biblioteket", the banner, ``python -m lib setup``),
the time zone, the guide and the example files of the import page."""

TEXTS = {
    "nav.library": {"da": "Biblioteket", "en": "The library"},
    "nav.guide": {"da": "Kom godt i gang", "en": "Getting started"},
    # --- the page ---
    "setup.page_title": {"da": "Biblioteket", "en": "The library"},
    "setup.page_intro": {
        "da": "Bibliotekets navn, adresse og logo bruges i fanens titel, midt i netværket, på styrkeprofilen og i "
        "bestyrelsesmaterialet. Her retter du også medarbejdere, teams og roller.",
        "en": "The library's name, address and logo appear in the browser tab, at the centre of the network, on the "
        "strengths flyer and in the board pack. Staff, teams and roles are edited here too.",
    },
    "setup.profile_heading": {"da": "Om biblioteket", "en": "About the library"},
    "setup.staff_heading": {"da": "Medarbejdere og teams", "en": "Staff and teams"},
    "setup.guide_link": {"da": "Kom godt i gang – en kort vejledning", "en": "Getting started – a short guide"},
    # --- fields ---
    "setup.field.name": {"da": "Bibliotekets navn", "en": "The library's name"},
    "setup.field.description": {"da": "Kort beskrivelse (én linje)", "en": "Short description (one line)"},
    "setup.field.address": {"da": "Adresse", "en": "Address"},
    "setup.field.email": {"da": "Fælles e-mail", "en": "General e-mail"},
    "setup.field.phone": {"da": "Telefon", "en": "Phone"},
    "setup.field.timezone": {"da": "Tidszone", "en": "Time zone"},
    "setup.field.logo": {"da": "Logo (PNG eller JPEG)", "en": "Logo (PNG or JPEG)"},
    "setup.placeholder.name": {"da": "Fx Solhøj Bibliotek", "en": "e.g. Solhøj Library"},
    "setup.placeholder.description": {
        "da": "Fx Folkebibliotek med fire filialer og et bogbusstop i hver landsby",
        "en": "e.g. Public library with four branches and a mobile library",
    },
    "setup.placeholder.address": {"da": "Fx Torvet 1, 9999 Solhøj", "en": "e.g. Torvet 1, 9999 Solhøj"},
    "setup.placeholder.email": {"da": "Fx bibliotek@solhoej.example.dk", "en": "e.g. library@solhoej.example.dk"},
    "setup.placeholder.phone": {"da": "Fx 99 99 99 99", "en": "e.g. 99 99 99 99"},
    "setup.help.phone": {
        "da": "Et dansk nummer kan skrives uden +45.",
        "en": "A Danish number may be written without +45.",
    },
    "setup.help.timezone": {
        "da": "Alle tidspunkter (importhistorik, hændelseslog, eksport) vises i denne tidszone.",
        "en": "Every time (import history, event log, exports) is shown in this time zone.",
    },
    "setup.help.logo": {
        "da": "Højst {limit} MB. Logoet tegnes om og gemmes i arbejdsområdet; billedets metadata gemmes ikke.",
        "en": "At most {limit} MB. The logo is redrawn and stored in the workspace; the picture's metadata is not kept.",
    },
    "setup.logo_current": {"da": "Nuværende logo", "en": "Current logo"},
    "setup.logo_none": {"da": "Intet logo endnu.", "en": "No logo yet."},
    "setup.logo_remove": {"da": "Fjern logoet", "en": "Remove the logo"},
    "setup.save_profile": {"da": "Gem oplysningerne", "en": "Save the details"},
    "setup.profile_saved": {"da": "Bibliotekets oplysninger er gemt.", "en": "The library's details were saved."},
    "setup.profile_unchanged": {"da": "Intet var ændret.", "en": "Nothing had changed."},
    # --- refused values ---
    "setup.name_required": {"da": "Skriv bibliotekets navn.", "en": "Type the library's name."},
    "setup.timezone_invalid": {
        "da": "Tidszonen »{value}« kendes ikke. Skriv fx Europe/Copenhagen.",
        "en": 'The time zone "{value}" is not known. Write e.g. Europe/Copenhagen.',
    },
    "setup.logo_empty": {"da": "Logofilen er tom.", "en": "The logo file is empty."},
    "setup.logo_too_large": {
        "da": "Logoet fylder {size} MB; der er plads til {limit} MB.",
        "en": "The logo is {size} MB; there is room for {limit} MB.",
    },
    "setup.logo_kind": {
        "da": "Logoet skal være et PNG- eller JPEG-billede.",
        "en": "The logo must be a PNG or JPEG picture.",
    },
    "setup.logo_too_many_pixels": {
        "da": "Logoet har for mange billedpunkter (højst {side} × {side}). Gem det mindre – fx 600 punkter bredt – "
        "og prøv igen.",
        "en": "The logo has too many pixels (at most {side} × {side}). Save it smaller – e.g. 600 pixels wide – "
        "and try again.",
    },
    "setup.logo_broken": {
        "da": "Logoet kan ikke læses som billede. Gem det igen som PNG eller JPEG.",
        "en": "The logo cannot be read as a picture. Save it again as PNG or JPEG.",
    },
    # --- staff ---
    "setup.staff.help": {
        "da": "Skriv bibliotekets medarbejdere ind: navn, e-mail, team og rolle. Tilføj en række nederst i tabellen. "
        "Gemmes samlet; er én række forkert, gemmes intet. At slette en række her sletter ikke medarbejderen – "
        "det gøres under Kontakter og organisationer.",
        "en": "Type in the library's staff: name, e-mail, team and role. Add a row at the bottom of the table. "
        "Saved together; if one row is wrong, nothing is saved. Deleting a row here does not delete the staff "
        "member – that is done under Contacts and organisations.",
    },
    "setup.staff.col.name": {"da": "Navn", "en": "Name"},
    "setup.staff.col.email": {"da": "E-mail", "en": "E-mail"},
    "setup.staff.col.team": {"da": "Team", "en": "Team"},
    "setup.staff.col.role": {"da": "Rolle", "en": "Role"},
    "setup.staff.role_help": {
        "da": "Netværksansvarlig, partnerskabsansvarlig eller medarbejder (tom: medarbejder).",
        "en": "Network lead, partnership owner or staff (empty: staff).",
    },
    "setup.staff.save": {"da": "Gem medarbejdere", "en": "Save staff"},
    "setup.staff.import_instead": {
        "da": "Har I en medarbejderliste i Excel? Importér den i stedet",
        "en": "Have a staff list in Excel? Import it instead",
    },
    "setup.staff.more_on_organisation": {
        "da": "Kompetencer og hvem der bærer hvilke relationer: Organisation",
        "en": "Competences and who holds which ties: Organisation",
    },
    "setup.staff.added": {
        "da": "{count} {count:medarbejder|medarbejdere} er tilføjet.",
        "en": "{count} {count:staff member was|staff members were} added.",
    },
    "setup.staff.changed": {
        "da": "{count} {count:medarbejder|medarbejdere} er rettet.",
        "en": "{count} {count:staff member was|staff members were} changed.",
    },
    "setup.staff.nothing": {"da": "Intet at gemme.", "en": "Nothing to save."},
    "setup.staff.not_saved": {
        "da": "Intet er gemt: {count} {count:række|rækker} skal rettes.",
        "en": "Nothing was saved: {count} {count:row needs|rows need} correcting.",
    },
    "setup.staff.row_problem": {"da": "Række {row}: {problem}", "en": "Row {row}: {problem}"},
    "setup.staff.name_required": {"da": "Navnet mangler.", "en": "The name is missing."},
    "setup.staff.unknown_role": {
        "da": "Rollen »{value}« kendes ikke (netværksansvarlig, partnerskabsansvarlig eller medarbejder).",
        "en": 'The role "{value}" is not known (network lead, partnership owner or staff).',
    },
    "setup.staff.email_twice": {
        "da": "E-mailen {email} står også i række {other}.",
        "en": "The e-mail {email} is also on row {other}.",
    },
    "setup.staff.email_taken": {
        "da": "E-mailen {email} tilhører allerede {name}.",
        "en": "The e-mail {email} already belongs to {name}.",
    },
    "setup.staff.gone": {
        "da": "{name} er slettet i mellemtiden. Genindlæs siden.",
        "en": "{name} was deleted meanwhile. Reload the page.",
    },
    # --- the banner ---
    "setup.banner.text": {
        "da": "**Sæt biblioteket op:** skriv bibliotekets navn, adresse og logo, så de står på netværket, "
        "styrkeprofilen og bestyrelsesmaterialet.",
        "en": "**Set the library up:** type the library's name, address and logo, so they appear on the network, "
        "the strengths flyer and the board pack.",
    },
    "setup.banner.go": {"da": "Gå til Biblioteket", "en": "Go to The library"},
    "setup.banner.dismiss": {"da": "Ikke nu", "en": "Not now"},
    # --- the first run ---
    "setup.first.heading": {"da": "Velkommen til Partnerskabsradar", "en": "Welcome to Partnerskabsradar"},
    "setup.first.text": {
        "da": "Arbejdsområdet er tomt. Sæt biblioteket op på et par minutter – alt kan rettes senere under "
        "**Biblioteket**. Vil du hellere se værktøjet først, så prøv demobiblioteket nederst på siden.",
        "en": "The workspace is empty. Set the library up in a few minutes – everything can be changed later under "
        "**The library**. Rather see the tool first? Try the demo library at the bottom of the page.",
    },
    "setup.first.ask_an_editor": {
        "da": "Arbejdsområdet er tomt. Bed en redaktør om at sætte biblioteket op og importere kontaktlisterne.",
        "en": "The workspace is empty. Ask an editor to set the library up and import the contact lists.",
    },
    "setup.first.step_library": {"da": "1. Biblioteket", "en": "1. The library"},
    "setup.first.step_staff": {"da": "2. Medarbejdere og teams", "en": "2. Staff and teams"},
    "setup.first.step_import": {"da": "3. Bibliotekets egne lister", "en": "3. The library's own lists"},
    "setup.first.import_text": {
        "da": "Hent kontaktlister fra Excel, Outlook eller LinkedIn ind. Du ser altid en forhåndsvisning, før noget "
        "gemmes, og en import kan fortrydes. Har du ingen liste ved hånden, kan du prøve med et af "
        "eksemplerne på importsiden.",
        "en": "Bring in contact lists from Excel, Outlook or LinkedIn. You always see a preview before anything is "
        "stored, and an import can be undone. No list at hand? Try one of the examples on the import page.",
    },
    "setup.first.go_import": {"da": "Importér kontaktlister", "en": "Import contact lists"},
    "setup.first.demo_text": {
        "da": "Eller se først værktøjet med et opdigtet bibliotek (det kan ikke blandes med jeres egne data):",
        "en": "Or first see the tool with a made-up library (it cannot be mixed with your own data):",
    },
    # --- command line ---
    "setup.cli.saved": {
        "da": "Bibliotekets oplysninger er gemt: {name}",
        "en": "The library's details were saved: {name}",
    },
    "setup.cli.unchanged": {"da": "Intet var ændret: {name}", "en": "Nothing had changed: {name}"},
    "setup.cli.logo_set": {"da": "sat", "en": "set"},
    # --- the event log ---
    "admin.action.library_profile_updated": {
        "da": "Bibliotekets oplysninger rettet",
        "en": "Library details edited",
    },
    "admin.action.staff_added": {"da": "Medarbejder tilføjet", "en": "Staff member added"},
    # --- the import page's examples ---
    "examples.heading": {"da": "Prøv med et eksempel", "en": "Try with an example"},
    "examples.intro": {
        "da": "Ingen liste ved hånden? Prøv importen med en af disse opdigtede filer. Du ser en forhåndsvisning, "
        "før noget gemmes, og en import kan fortrydes. Alle navne er fiktive.",
        "en": "No list at hand? Try the import with one of these made-up files. You see a preview before anything "
        "is stored, and an import can be undone. All names are fictional.",
    },
    "examples.kontaktliste": {
        "da": "En kontaktliste, som en koordinator fører den i Excel: titelrække, kontakter og organisationer på "
        "hvert sit ark, datoer skrevet på flere måder og en sum nederst.",
        "en": "A contact list as a coordinator keeps it in Excel: a title row, contacts and organisations on sheets "
        "of their own, dates written several ways and a total at the bottom.",
    },
    "examples.outlook": {
        "da": "Kontakter eksporteret fra Outlook på dansk (semikolonsepareret CSV).",
        "en": "Contacts exported from Outlook in Danish (semicolon-separated CSV).",
    },
    "examples.medarbejdere": {
        "da": "Bibliotekets medarbejdere med team og rolle.",
        "en": "The library's staff with team and role.",
    },
    "examples.relationer": {
        "da": "Hvem kender hvem: fra medarbejder til kontakt eller organisation, med styrke og seneste kontakt.",
        "en": "Who knows whom: from staff member to contact or organisation, with strength and last contact.",
    },
}
