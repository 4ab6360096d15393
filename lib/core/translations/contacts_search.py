"""Words of the contacts search when it finds more than a table shows (issue 16: big workspaces)."""

TEXTS = {
    "contacts.search.more": {
        "da": "Viser de første {shown} af {total}. Skriv flere ord i søgefeltet for at finde den, du leder efter.",
        "en": "Showing the first {shown} of {total}. Type more words in the search box to find the one you want.",
    },
    "contacts.search.merge_find": {"da": "Søg efter den anden", "en": "Search for the other one"},
    "contacts.search.merge_more": {
        "da": "Listen viser de første {shown}. Søg for at finde andre.",
        "en": "The list shows the first {shown}. Search to find others.",
    },
}
