"""Texts about the limits an upload meets: waiting for a turn, long lists."""

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
    "limits.problems_shown": {
        "da": "Viser de første {shown} af {total} problemer. Hent rapporten for at se dem alle.",
        "en": "Showing the first {shown} of {total} problems. Download the report to see them all.",
    },
    "limits.rows_shown": {
        "da": "Viser de første {shown} af {total} rækker.",
        "en": "Showing the first {shown} of {total} rows.",
    },
    "limits.template_problems_shown": {
        "da": "Viser de første {shown} af {total} problemer.",
        "en": "Showing the first {shown} of {total} problems.",
    },
}
