"""Texts of long lists on a big workspace (issue 16: 100,000 people): the person picker that searches
instead of listing everyone, and tables that show their first rows."""

from __future__ import annotations

TEXTS = {
    "person_picker.search": {"da": "… eller søg efter navnet", "en": "… or search for the name"},
    "person_picker.search_placeholder": {"da": "Skriv en del af navnet", "en": "Type part of the name"},
    "person_picker.search_help": {
        "da": "Navn, e-mail, telefon eller organisation; hvert ord skal findes.",
        "en": "Name, e-mail, phone or organisation; every word must be found.",
    },
    "person_picker.more": {
        "da": "Viser de første {shown} af {total}. Skriv mere af navnet for at finde personen.",
        "en": "Showing the first {shown} of {total}. Type more of the name to find the person.",
    },
    "person_picker.none": {"da": "Ingen personer passer til søgningen.", "en": "Nobody matches the search."},
    "big_lists.first_rows": {
        "da": "Viser de første {shown} af {total}.",
        "en": "Showing the first {shown} of {total}.",
    },
    "big_lists.choose_shown": {"da": "Vælg de {shown} viste", "en": "Choose the {shown} shown"},
}
