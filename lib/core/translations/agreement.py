"""An agreement belongs to its partnership; "written agreement" has one meaning (issue 12, item 2)."""

TEXTS = {
    "partnerships.formalisation.draft": {
        "da": "Aftaleudkast (ikke underskrevet)",
        "en": "Draft agreement (not signed)",
    },
    "agreement.formalisation_follows": {
        "da": "Aftalen er underskrevet {date}, så formaliseringen er skriftlig aftale eller kontrakt. Gælder "
        "aftalen ikke, så fjern underskriftsdatoen under fanen Samarbejdsaftale.",
        "en": "The agreement was signed on {date}, so the formalisation is a written agreement or a contract. "
        "If the agreement does not apply, remove the signing date on the Agreement tab.",
    },
    "agreement.formalisation.help_signed": {
        "da": "Følger af aftalen, som er underskrevet {date}. Vælg kontrakt, hvis aftalen er en kontrakt.",
        "en": "Follows from the agreement, signed on {date}. Choose contract if the agreement is a contract.",
    },
    "agreement.formalisation.help_unsigned": {
        "da": "Skriftlig aftale eller kontrakt bliver det, når aftalen under fanen Samarbejdsaftale får en "
        "underskriftsdato. Indtil da hedder en skriftlig aftale et aftaleudkast.",
        "en": "It becomes a written agreement or contract when the agreement on the Agreement tab gets a "
        "signing date. Until then a written agreement is a draft.",
    },
    "agreement.form.held": {
        "da": "Start- og slutdato og ressourcer er partnerskabets: ret du dem her, er de også rettet under "
        "»Om partnerskabet«, og omvendt. Slutdatoen er den, påmindelserne om at aftalen slutter regner fra.",
        "en": "The start and end date and the resources are the partnership's: change them here and they are "
        "changed under Details too, and the other way round. The reminders that the agreement ends "
        "count from this end date.",
    },
    "agreement.signed_in_future": {
        "da": "Underskrevet den {date} ligger efter i dag. Skriv datoen, når aftalen er underskrevet.",
        "en": "Signed on {date} is after today. Enter the date once the agreement is signed.",
    },
    "agreement.summary.written": {"da": "Skriftlig aftale", "en": "Written agreement"},
    "agreement.upgrade.note": {
        "da": "Fra samarbejdsaftalen, før aftale og partnerskab fik fælles datoer og ressourcer (partnerskabets "
        "værdi er beholdt):\n{values}",
        "en": "From the agreement, before agreement and partnership shared their dates and resources (the "
        "partnership's value was kept):\n{values}",
    },
    "admin.action.agreement_merged": {
        "da": "Aftalens datoer og ressourcer lagt sammen med partnerskabets",
        "en": "Agreement's dates and resources merged into the partnership's",
    },
}
