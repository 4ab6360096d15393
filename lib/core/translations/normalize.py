"""Problems with single values in an imported row (``lib.core.normalize``)."""

TEXTS = {
    "value.too_long": {
        "da": "Teksten er for lang ({length} tegn). Der er plads til højst {max} tegn.",
        "en": "The text is too long ({length} {length:character|characters}). There is room for at most {max} {max:character|characters}.",
    },
    "value.email_invalid": {
        "da": "»{value}« er ikke en gyldig e-mailadresse.",
        "en": "“{value}” is not a valid e-mail address.",
    },
    "value.email_several": {
        "da": "»{value}« indeholder flere e-mailadresser, men her er kun plads til én.",
        "en": "“{value}” contains several e-mail addresses, but there is only room for one here.",
    },
    "value.phone_invalid": {
        "da": (
            "»{value}« ligner ikke et telefonnummer. Danske numre har 8 cifre; "
            "udenlandske numre skal begynde med + og landekoden."
        ),
        "en": (
            "“{value}” does not look like a phone number. Danish numbers have 8 digits; "
            "foreign numbers must start with + and the country code."
        ),
    },
    "value.website_invalid": {
        "da": "»{value}« er ikke en hjemmesideadresse. Skriv den fx som www.bibliotek.dk.",
        "en": "“{value}” is not a website address. Write it like www.library.org, for example.",
    },
    "value.date_invalid": {
        "da": "»{value}« kan ikke læses som en dato. Skriv den fx som 24-12-2023 eller 3. marts 2024.",
        "en": "“{value}” cannot be read as a date. Write it like 24-12-2023 or 3 March 2024, for example.",
    },
    "value.date_out_of_range": {
        "da": "Datoen »{value}« ligger før år 1900 eller efter år 2100. Tjek årstallet.",
        "en": "The date “{value}” is before the year 1900 or after 2100. Check the year.",
    },
    "value.strength_invalid": {
        "da": "Styrken skal være et helt tal fra 1 (svag) til 5 (stærk), men der står »{value}«.",
        "en": "The strength must be a whole number from 1 (weak) to 5 (strong), but it says “{value}”.",
    },
    "value.bool_invalid": {
        "da": "»{value}« kan ikke læses som ja eller nej. Skriv fx ja, nej eller x.",
        "en": "“{value}” cannot be read as yes or no. Write yes, no or x, for example.",
    },
    "value.number_invalid": {
        "da": "»{value}« er ikke et tal.",
        "en": "“{value}” is not a number.",
    },
}
