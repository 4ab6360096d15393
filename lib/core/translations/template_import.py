"""Texts of the bulk load from Excel templates (components/template_import.py)."""

TEXTS = {
    "template_import.intro.goals": {
        "da": "Hent skabelonen, udfyld arket med mål og evt. arket med målinger, og indlæs filen.",
        "en": "Download the template, fill in the goals sheet and, if you like, the measurements sheet, and "
        "load the file.",
    },
    "template_import.intro.partnerships": {
        "da": "Hent skabelonen, udfyld en række pr. partnerskab (partnerorganisationer adskilt med semikolon), "
        "og indlæs filen. Ukendte organisationer oprettes.",
        "en": "Download the template, fill in one row per partnership (partner organisations separated by "
        "semicolons), and load the file. Organisations not yet known are created.",
    },
    "template_import.intro.assessments": {
        "da": "Hent skabelonen, udfyld en række pr. vurdering af en mulig partner (1–5 eller »ved ikke«), og "
        "indlæs filen. Ukendte organisationer oprettes.",
        "en": "Download the template, fill in one row per assessment of a possible partner (1–5 or "
        "\u201cdon't know\u201d), and load the file. Organisations not yet known are created.",
    },
    "template_import.intro.evaluations": {
        "da": "Indlæs svarene fra en spørgeskemaundersøgelse: én række pr. besvarelse, én kolonne pr. "
        "spørgsmål, sådan som spørgeskemaværktøjer eksporterer dem. Svarene lægges i den "
        "valgte evalueringsrunde – en ny eller en, der allerede findes.",
        "en": "Load the answers of a survey: one row per respondent, one column per question, as survey "
        "tools export them. The answers go into the chosen evaluation round – a new one or one that already exists.",
    },
    "template_import.how": {
        "da": "Du ser først, hvad der vil ske; intet gemmes, før du trykker »Indlæs«, og en indlæsning kan fortrydes.",
        "en": "You first see what will happen; nothing is saved until you press \u201cLoad\u201d, and a load "
        "can be undone.",
    },
    "template_import.template": {"da": "Hent Excel-skabelon", "en": "Download Excel template"},
    "template_import.upload": {"da": "Udfyldt skabelon (Excel eller CSV)", "en": "Filled template (Excel or CSV)"},
    "template_import.preview_caption": {
        "da": "Forhåndsvisning – intet er gemt endnu.",
        "en": "Preview – nothing has been saved yet.",
    },
    "template_import.problems": {"da": "Bemærkninger ({count})", "en": "Remarks ({count})"},
    "template_import.button": {"da": "Indlæs", "en": "Load"},
    "template_import.clear": {"da": "Fortryd valg af fil", "en": "Clear the file"},
    "template_import.nothing_to_import": {
        "da": "Filen indeholder intet nyt at indlæse.",
        "en": "The file holds nothing new to load.",
    },
    "template_import.done": {
        "da": "Indlæst: {created} (indlæsning nr. {batch}).",
        "en": "Loaded: {created} (import no. {batch}).",
    },
    "template_import.undo": {"da": "Fortryd denne indlæsning", "en": "Undo this import"},
    "template_import.undone": {"da": "Indlæsning nr. {batch} er fortrudt.", "en": "Import no. {batch} was undone."},
    "template_import.created.nothing": {"da": "intet nyt", "en": "nothing new"},
    "template_import.created.goals": {"da": "{count} mål", "en": "{count} {count:goal|goals}"},
    "template_import.created.goal_measurements": {
        "da": "{count} {count:måling|målinger}",
        "en": "{count} {count:measurement|measurements}",
    },
    "template_import.created.partnerships": {
        "da": "{count} {count:partnerskab|partnerskaber}",
        "en": "{count} {count:partnership|partnerships}",
    },
    "template_import.created.organisations": {
        "da": "{count} {count:ny organisation|nye organisationer}",
        "en": "{count} {count:new organisation|new organisations}",
    },
    "template_import.created.assessments": {
        "da": "{count} {count:vurdering|vurderinger}",
        "en": "{count} {count:assessment|assessments}",
    },
    "template_import.created.evaluation_rounds": {
        "da": "{count} {count:evalueringsrunde|evalueringsrunder}",
        "en": "{count} {count:evaluation round|evaluation rounds}",
    },
    "template_import.created.evaluation_responses": {
        "da": "{count} {count:besvarelse|besvarelser}",
        "en": "{count} {count:response|responses}",
    },
}
