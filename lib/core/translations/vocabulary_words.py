"""Texts about the words of a file for types, sectors and kinds of relation (issue 11): the words no
built-in word fits, listed once in the import preview with a choice for each, and kept on the
contacts page until someone chooses."""

TEXTS = {
    # Listed once in the preview (and by the command line)
    "vocab.unknown.org_type": {
        "da": "{count} {count:type|typer} kendes ikke: {words}. Vælg en type for {count:den|hver} – ellers gemmes {count:ordet, som det står|ordene, som de står}, og rækkerne importeres alligevel.",
        "en": "{count} {count:type is|types are} not known: {words}. Choose a type for {count:it|each} – otherwise the {count:word is|words are} kept as written and the rows are imported all the same.",
    },
    "vocab.unknown.sector": {
        "da": "{count} {count:sektor|sektorer} kendes ikke: {words}. Vælg en sektor for {count:den|hver} – ellers gemmes {count:ordet, som det står|ordene, som de står}, og rækkerne importeres alligevel.",
        "en": "{count} {count:sector is|sectors are} not known: {words}. Choose a sector for {count:it|each} – otherwise the {count:word is|words are} kept as written and the rows are imported all the same.",
    },
    "vocab.unknown.relation_kind": {
        "da": "{count} {count:relationstype|relationstyper} kendes ikke: {words}. Vælg en relationstype for {count:den|hver} – ellers gemmes relationerne som »Andet« med {count:ordet, som det står|ordene, som de står}.",
        "en": '{count} {count:kind of relation is|kinds of relation are} not known: {words}. Choose a kind for {count:it|each} – otherwise the relations are stored as "Other" with the {count:word|words} as written.',
    },
    "vocab.all_chosen.org_type": {
        "da": "Der er valgt en type for hvert ord, der ikke kendes. Valgene huskes, når du importerer.",
        "en": "A type has been chosen for every word that is not known. The choices are remembered when you import.",
    },
    "vocab.all_chosen.sector": {
        "da": "Der er valgt en sektor for hvert ord, der ikke kendes. Valgene huskes, når du importerer.",
        "en": "A sector has been chosen for every word that is not known. The choices are remembered when you import.",
    },
    "vocab.all_chosen.relation_kind": {
        "da": "Der er valgt en relationstype for hvert ord, der ikke kendes. Valgene huskes, når du importerer.",
        "en": "A kind of relation has been chosen for every word that is not known. The choices are "
        "remembered when you import.",
    },
    "vocab.more_words": {"da": "…", "en": "…"},
    # The picker
    "vocab.picker.org_type": {"da": "Vælg typer for ordene", "en": "Choose types for the words"},
    "vocab.picker.sector": {"da": "Vælg sektorer for ordene", "en": "Choose sectors for the words"},
    "vocab.picker.relation_kind": {
        "da": "Vælg relationstyper for ordene",
        "en": "Choose kinds of relation for the words",
    },
    "vocab.picker.help": {
        "da": "Valget gælder alle rækker med ordet i denne import, og det huskes, når du importerer, så "
        "næste fil med samme ord får samme valg.",
        "en": "The choice applies to every row with the word in this import, and it is remembered when you "
        "import, so the next file with the same word gets the same choice.",
    },
    "vocab.picker.word": {"da": "»{word}« · {count} {count:række|rækker}", "en": '"{word}" · {count} {count:row|rows}'},
    "vocab.keep.org_type": {"da": "Ingen type – gem ordet, som det står", "en": "No type – keep the word as written"},
    "vocab.keep.sector": {"da": "Ingen sektor – gem ordet, som det står", "en": "No sector – keep the word as written"},
    "vocab.keep.relation_kind": {"da": "Andet – gem ordet, som det står", "en": "Other – keep the word as written"},
    "vocab.remembered": {"da": "Valgt ved en tidligere import.", "en": "Chosen at an earlier import."},
    # A word kept where no code was chosen (contacts page)
    "vocab.kept.org_type": {"da": "{word} (ingen type valgt)", "en": "{word} (no type chosen)"},
    "vocab.kept.sector": {"da": "{word} (ingen sektor valgt)", "en": "{word} (no sector chosen)"},
    "vocab.kept.relation_kind": {
        "da": "{word} (ingen relationstype valgt)",
        "en": "{word} (no kind of relation chosen)",
    },
    "vocab.contacts.kept.org_type": {
        "da": "Importeret som »{word}«, som ikke passer til nogen type. Vælg en type ovenfor.",
        "en": 'Imported as "{word}", which fits no type. Choose a type above.',
    },
    "vocab.contacts.kept.sector": {
        "da": "Importeret som »{word}«, som ikke passer til nogen sektor. Vælg en sektor ovenfor.",
        "en": 'Imported as "{word}", which fits no sector. Choose a sector above.',
    },
    "vocab.contacts.remember.org_type": {
        "da": "Husk »{word}« som den valgte type ved næste import",
        "en": 'Remember "{word}" as the chosen type at the next import',
    },
    "vocab.contacts.remember.sector": {
        "da": "Husk »{word}« som den valgte sektor ved næste import",
        "en": 'Remember "{word}" as the chosen sector at the next import',
    },
    "contacts.field.org_type_text": {"da": "Type som skrevet i filen", "en": "Type as written in the file"},
    "contacts.field.sector_text": {"da": "Sektor som skrevet i filen", "en": "Sector as written in the file"},
    # Command line
    "vocab.cli.word": {"da": "{word} ({count} {count:række|rækker})", "en": "{word} ({count} {count:row|rows})"},
    "vocab.cli.hint.org_type": {
        "da": "Vælg med {option} ORD=KODE (gentag for flere ord); valget huskes til næste import.",
        "en": "Choose with {option} WORD=CODE (repeat for more words); the choice is remembered for the next import.",
    },
    "vocab.cli.hint.sector": {
        "da": "Vælg med {option} ORD=KODE (gentag for flere ord); valget huskes til næste import.",
        "en": "Choose with {option} WORD=CODE (repeat for more words); the choice is remembered for the next import.",
    },
    "vocab.cli.hint.relation_kind": {
        "da": "Vælg med {option} ORD=KODE (gentag for flere ord); valget huskes til næste import.",
        "en": "Choose with {option} WORD=CODE (repeat for more words); the choice is remembered for the next import.",
    },
    "vocab.cli.bad_mapping": {
        "da": "{option} skal skrives som ORD=KODE, ikke »{value}«.",
        "en": '{option} must be written as WORD=CODE, not "{value}".',
    },
    "vocab.cli.bad_code.org_type": {
        "da": "»{code}« er ikke en type. Brug en af: {codes} – eller et ord for en af dem, fx »borgergruppe«.",
        "en": '"{code}" is not a type. Use one of: {codes} – or a word for one of them, e.g. "citizen group".',
    },
    "vocab.cli.bad_code.sector": {
        "da": "»{code}« er ikke en sektor. Brug en af: {codes} – eller et ord for en af dem, fx »offentlig«.",
        "en": '"{code}" is not a sector. Use one of: {codes} – or a word for one of them, e.g. "public".',
    },
    "vocab.cli.bad_code.relation_kind": {
        "da": "»{code}« er ikke en relationstype. Brug en af: {codes} – eller et ord for en af dem, fx »kender«.",
        "en": '"{code}" is not a kind of relation. Use one of: {codes} – or a word for one of them, e.g. "knows".',
    },
}
