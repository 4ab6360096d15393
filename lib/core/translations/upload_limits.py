"""Texts about the limits an upload meets: waiting for a turn, text too long for its field, long lists."""

TEXTS = {
    "limits.parse_waiting": {
        "da": "Venter på, at serveren bliver færdig med at læse en anden fil … Din fil bliver læst, så snart "
        "det er dens tur.",
        "en": "Waiting for the server to finish reading another file … Your file will be read as soon as it "
        "is its turn.",
    },
    "limits.parse_busy": {
        "da": "Serveren læser mange filer lige nu, så din fil blev ikke læst. Prøv igen om lidt.",
        "en": "The server is reading many files right now, so your file was not read. Please try again shortly.",
    },
    "limits.spool_failed": {
        "da": "Filen kunne ikke lægges til side til forhåndsvisningen på serveren. Intet er gemt. Prøv igen "
        "senere, og kontakt din administrator, hvis det sker igen.",
        "en": "The file could not be set aside on the server for the preview. Nothing was stored. Please try "
        "again later, and tell your administrator if it happens again.",
    },
    "limits.upload_expired": {
        "da": "Forhåndsvisningen er udløbet, og intet er gemt. Vælg filen igen.",
        "en": "The preview has expired and nothing was stored. Please choose the file again.",
    },
    "limits.storage_failed": {
        "da": "Importen kunne ikke gemmes på grund af en fejl i databasen. Intet er gemt. Prøv igen, og "
        "kontakt din administrator, hvis det sker igen.",
        "en": "The import could not be stored because of a database error. Nothing was stored. Please try "
        "again, and tell your administrator if it happens again.",
    },
    "limits.too_long_rejected": {
        "da": "Teksten er for lang ({length} tegn; der er plads til {max}). Rækken er afvist, fordi feltet "
        "bruges til at genkende posten.",
        "en": "The text is too long ({length} {length:character|characters}; there is room for {max}). The row is rejected, "
        "because the field is what the record is recognised by.",
    },
    "limits.too_long_dropped": {
        "da": "Teksten er for lang ({length} tegn; der er plads til {max}) og er udeladt. Resten af rækken importeres.",
        "en": "The text is too long ({length} {length:character|characters}; there is room for {max}) and is left out. The rest "
        "of the row is imported.",
    },
    "limits.problems_shown": {
        "da": "Viser de første {shown} af {total} {total:problem|problemer}. Hent rapporten for at se dem alle.",
        "en": "Showing the first {shown} of {total} {total:problem|problems}. Download the report to see them all.",
    },
    "limits.rows_shown": {
        "da": "Viser de første {shown} af {total} {total:række|rækker}.",
        "en": "Showing the first {shown} of {total} {total:row|rows}.",
    },
    "limits.template_problems_shown": {
        "da": "Viser de første {shown} af {total} {total:problem|problemer}.",
        "en": "Showing the first {shown} of {total} {total:problem|problems}.",
    },
}
