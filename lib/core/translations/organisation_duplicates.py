"""Words of organisation duplicates (``lib.contacts.organisation_duplicates``): CVR numbers, why two organisations
may be one, their review on the contacts page, and ``python -m lib duplicates``."""

TEXTS = {
    # CVR numbers
    "field.cvr": {"da": "CVR-nummer", "en": "CVR number"},
    "contacts.field.cvr": {"da": "CVR-nummer", "en": "CVR number"},
    "orgdup.cvr_invalid": {
        "da": "»{value}« er ikke et CVR-nummer. Et CVR-nummer har 8 cifre, fx 12345678 eller DK12345678.",
        "en": "\u201c{value}\u201d is not a CVR number. A CVR number has 8 digits, e.g. 12345678 or DK12345678.",
    },
    "orgdup.cvr_taken": {
        "da": "CVR-nummeret {cvr} er allerede {name}s. Hvis det er den samme organisation, så slå de to sammen "
        "i stedet.",
        "en": "The CVR number {cvr} is already {name}\u2019s. If it is the same organisation, merge the two instead.",
    },
    "orgdup.cvr_differs": {
        "da": "{first} og {second} har hvert sit CVR-nummer ({first_cvr} og {second_cvr}) og er derfor to "
        "organisationer. Ret CVR-nummeret først, hvis et af dem er forkert.",
        "en": "{first} and {second} have different CVR numbers ({first_cvr} and {second_cvr}), so they are two "
        "organisations. Correct the CVR number first if one of them is wrong.",
    },
    # Why two organisations may be one
    "orgdup.rule.same_cvr": {"da": "Samme CVR-nummer ({cvr})", "en": "The same CVR number ({cvr})"},
    "orgdup.rule.same_name": {"da": "Samme navn", "en": "The same name"},
    "orgdup.rule.same_folded_name": {
        "da": "Samme navn, når {ignored} ses bort fra",
        "en": "The same name, ignoring {ignored}",
    },
    "orgdup.rule.similar_name": {"da": "Næsten samme navn ({score} %)", "en": "Nearly the same name ({score}%)"},
    "orgdup.folding.and": {"da": "&/og", "en": "&/og"},
    "orgdup.folding.legal_form": {
        "da": "selskabsform (ApS, A/S, forening …)",
        "en": "the legal form (ApS, A/S, forening …)",
    },
    "orgdup.folding.case": {"da": "store bogstaver", "en": "capital letters"},
    "orgdup.folding.aa": {"da": "å/aa", "en": "å/aa"},
    "orgdup.folding.oe": {"da": "ø/oe", "en": "ø/oe"},
    "orgdup.folding.ae": {"da": "æ/ae", "en": "æ/ae"},
    "orgdup.folding.accents": {"da": "accenter", "en": "accents"},
    "orgdup.folding.punctuation": {"da": "tegnsætning og mellemrum", "en": "punctuation and spacing"},
    "orgdup.list": {"da": "{first} og {last}", "en": "{first} and {last}"},
    # The review on the contacts page
    "orgdup.page.heading": {"da": "Organisationer", "en": "Organisations"},
    "orgdup.page.people_heading": {"da": "Personer", "en": "People"},
    "orgdup.page.intro": {
        "da": "Organisationer, der måske står der to gange, fordi navnet er skrevet forskelligt. Intet bliver "
        "slået sammen, før du har set på det. Når I slår to sammen, huskes det andet navn, så en senere "
        "import med det navn lander på den organisation, I beholdt.",
        "en": "Organisations that may be listed twice because the name is written differently. Nothing is merged "
        "until you have looked at it. When you merge two, the other name is remembered, so a later import "
        "with that name lands on the organisation you kept.",
    },
    "orgdup.page.count": {
        "da": "{count} par organisationer ligner hinanden.",
        "en": "{count} {count:pair|pairs} of organisations look alike.",
    },
    "orgdup.page.none": {"da": "Ingen organisationer ligner hinanden.", "en": "No organisations look alike."},
    "orgdup.page.showing": {"da": "Viser de første {shown} af {total}.", "en": "Showing the first {shown} of {total}."},
    "orgdup.page.keep": {"da": "Hvis de er den samme, behold", "en": "If they are the same, keep"},
    "orgdup.page.merge": {"da": "Slå sammen", "en": "Merge"},
    "orgdup.page.dismiss": {"da": "Ikke samme organisation", "en": "Not the same organisation"},
    "orgdup.page.dismissed": {
        "da": "Noteret: de to er forskellige organisationer.",
        "en": "Noted: the two are different organisations.",
    },
    "orgdup.page.merged": {
        "da": "De to er slået sammen. En import, der skriver »{alias}«, lander fremover på {name}.",
        "en": "The two have been merged. An import that writes \u201c{alias}\u201d will land on {name} from now on.",
    },
    "orgdup.page.aliases": {"da": "Også skrevet: {names}", "en": "Also written: {names}"},
    # The event log
    "admin.action.organisation_pair_dismissed": {
        "da": "Organisationer markeret som forskellige",
        "en": "Organisations marked as different",
    },
    # python -m lib duplicates
    "orgdup.cli.people.none": {
        "da": "Ingen par personer, der måske er den samme.",
        "en": "No pairs of people who may be the same.",
    },
    "orgdup.cli.people": {
        "da": "{count} par personer, der måske er den samme:",
        "en": "{count} {count:pair|pairs} of people who may be the same:",
    },
    "orgdup.cli.organisations.none": {
        "da": "Ingen par organisationer, der måske er den samme.",
        "en": "No pairs of organisations that may be the same.",
    },
    "orgdup.cli.organisations": {
        "da": "{count} par organisationer, der måske er den samme:",
        "en": "{count} {count:pair|pairs} of organisations that may be the same:",
    },
    "orgdup.cli.reason": {"da": "Hvorfor", "en": "Why"},
    "orgdup.cli.with_score": {"da": "{reason} ({score} %)", "en": "{reason} ({score}%)"},
}
