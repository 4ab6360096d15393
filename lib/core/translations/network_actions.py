"""Texts of acting from the network page: a contact on a tie going cold, the way in (issue 17)."""

TEXTS: dict[str, dict[str, str]] = {
    "netpage.tab.way_in": {"da": "Find vejen ind", "en": "Find the way in"},
    "netpage.cold.register": {
        "da": "Har du været i kontakt? Vælg forbindelsen og registrér kontakten i dag",
        "en": "Been in touch? Choose the tie and register the contact today",
    },
    "netpage.cold.choice": {
        "da": "{other} · holdes af {owner} · sidst i kontakt {date}",
        "en": "{other} · held by {owner} · last contact {date}",
    },
}
