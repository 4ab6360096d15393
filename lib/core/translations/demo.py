"""Words of the demo library: creating it, and telling people that its data is made up."""

TEXTS = {
    "demo.not_empty": {
        "da": (
            "Demo-biblioteket kan kun oprettes i et tomt arbejdsområde, og der er allerede kontakter "
            "eller organisationer her. Intet er ændret."
        ),
        "en": (
            "The demo library can only be created in an empty workspace, and this one already holds "
            "contacts or organisations. Nothing was changed."
        ),
    },
    "demo.create": {"da": "Opret demo-bibliotek", "en": "Create the demo library"},
    "demo.create_help": {
        "da": (
            "Fylder arbejdsområdet med et opdigtet bibliotek, Solbakke Bibliotekerne, med medarbejdere, "
            "kontakter, organisationer og relationer, så du kan prøve alt af uden at bruge rigtige data."
        ),
        "en": (
            "Fills the workspace with a made-up library, Solbakke Bibliotekerne, with staff, contacts, "
            "organisations and relations, so you can try everything without using real data."
        ),
    },
    "demo.created": {
        "da": (
            "Demo-biblioteket er oprettet: {staff} {staff:medarbejder|medarbejdere}, {people} {people:person|personer} i alt, "
            "{organisations} {organisations:organisation|organisationer} og {relations} {relations:relation|relationer}."
        ),
        "en": (
            "The demo library has been created: {staff} staff, {people} {people:person|people} in all, "
            "{organisations} {organisations:organisation|organisations} and {relations} {relations:relation|relations}."
        ),
    },
    "demo.skipped": {
        "da": "Arbejdsområdet har allerede data, så demo-biblioteket blev ikke oprettet.",
        "en": "The workspace already holds data, so the demo library was not created.",
    },
    "demo.banner": {
        "da": (
            "Dette er et demo-arbejdsområde. Alle personer, organisationer og relationer er opdigtede; "
            "ligheder med virkelige personer er tilfældige."
        ),
        "en": (
            "This is a demo workspace. All people, organisations and relations are made up; any "
            "resemblance to real people is coincidental."
        ),
    },
}
