"""Find vejen ind: introduction paths from the staff to an organisation or a person (lib.network.way_in)."""

TEXTS = {
    "wayin.title": {"da": "Find vejen ind", "en": "Find the way in"},
    "wayin.intro": {
        "da": "Hvem af os kan præsentere biblioteket her? Højst tre led fra en medarbejder, aldrig via "
        "biblioteket selv; stærke og friske relationer først.",
        "en": "Which of us can introduce the library here? At most three steps from a staff member, never "
        "through the library itself; strong and fresh ties first.",
    },
    # How well someone knows someone: relation strength 1-5 as an adverb.
    "wayin.strength.1": {"da": "kun lidt", "en": "only slightly"},
    "wayin.strength.2": {"da": "lidt", "en": "a little"},
    "wayin.strength.3": {"da": "nogenlunde", "en": "fairly well"},
    "wayin.strength.4": {"da": "godt", "en": "well"},
    "wayin.strength.5": {"da": "rigtig godt", "en": "very well"},
    "wayin.when.this_month": {"da": "(i kontakt denne måned)", "en": "(in touch this month)"},
    "wayin.when.months": {
        "da": "(sidst i kontakt for {months} {months:måned|måneder} siden)",
        "en": "(last in touch {months} {months:month|months} ago)",
    },
    "wayin.when.undated": {"da": "(ingen kontaktdato)", "en": "(no date of contact)"},
    "wayin.first.knows": {"da": "{who} kender {name} {how} {when}", "en": "{who} knows {name} {how} {when}"},
    "wayin.then.knows": {"da": "som kender {name} {how} {when}", "en": "who knows {name} {how} {when}"},
    "wayin.first.works_at": {"da": "{who} arbejder på {name}", "en": "{who} works at {name}"},
    "wayin.then.works_at": {"da": "som arbejder på {name}", "en": "who works at {name}"},
    "wayin.first.colleague": {"da": "{who}, hvor {name} arbejder", "en": "{who}, where {name} works"},
    "wayin.then.colleague": {"da": "hvor {name} arbejder", "en": "where {name} works"},
    "wayin.joiner": {"da": ", ", "en": ", "},
    "wayin.path": {
        "da": "{sentence} Spørg {staff}. Ældste kontakt på vejen: {fresh}. Point: {score} af 100.",
        "en": "{sentence} Ask {staff}. Oldest contact on the way: {fresh}. Score: {score} of 100.",
    },
    "wayin.fresh.this_month": {"da": "denne måned", "en": "this month"},
    "wayin.fresh.months": {
        "da": "for {months} {months:måned|måneder} siden",
        "en": "{months} {months:month|months} ago",
    },
    "wayin.fresh.undated": {"da": "ukendt", "en": "unknown"},
    "wayin.nearest.one": {"da": "{name} ({steps} {steps:led|led})", "en": "{name} ({steps} {steps:step|steps})"},
    "wayin.none.nearest": {
        "da": "Ingen af os kender nogen her — nærmeste: {names}.",
        "en": "Nobody at the library knows anyone here — nearest: {names}.",
    },
    "wayin.none.nobody": {
        "da": "Ingen af os kender nogen her — og ingen medarbejder er forbundet med {name} ad nogen vej.",
        "en": "Nobody at the library knows anyone here — and no staff member is connected to {name} by any route.",
    },
    "wayin.kind.organisation": {"da": "organisation", "en": "organisation"},
    "wayin.kind.contact": {"da": "person", "en": "person"},
    "wayin.candidate": {"da": "{name} ({kind})", "en": "{name} ({kind})"},
    "wayin.candidate.at": {"da": "{name} ({kind}, {where})", "en": "{name} ({kind}, {where})"},
    "wayin.cli.ambiguous": {
        "da": "»{name}« passer på {count} {count:navn|navne}; skriv et af dem helt:",
        "en": '"{name}" matches {count} {count:name|names}; write one of them in full:',
    },
    "wayin.cli.unknown": {
        "da": "Ingen organisation eller person hedder »{name}«.",
        "en": 'No organisation or person is called "{name}".',
    },
    "wayin.cli.heading": {"da": "Vejen ind til {name}:", "en": "The way in to {name}:"},
    "wayin.not_allowed": {
        "da": "Vejen ind nævner personer og vises kun for medarbejdere, der må se kontakter.",
        "en": "The way in names people and is shown only to staff who may see contacts.",
    },
    "wayin.choose": {"da": "Organisation eller person", "en": "Organisation or person"},
}
