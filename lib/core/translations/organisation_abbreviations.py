"""Why two organisations may be one because one name abbreviates a word of the other ("Aarhus Uni.")."""

TEXTS = {
    "orgdup.rule.abbreviation": {
        "da": "Samme navn, hvis {words}",
        "en": "The same name if {words}",
    },
    "orgdup.abbreviation.word": {
        "da": "»{short}« er en forkortelse af »{full}«",
        "en": '"{short}" is short for "{full}"',
    },
}
