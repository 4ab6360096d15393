"""The strengths profile "Vis, hvem du er!": offers, the flyer and the page "Styrker"."""

TEXTS = {
    "nav.strengths": {"da": "Styrker", "en": "Strengths"},
    # Categories of an offer (lib.db.OFFER_CATEGORIES)
    "strengths.category.rooms": {"da": "Lokaler", "en": "Rooms and facilities"},
    "strengths.category.outreach_events": {"da": "Formidling og arrangementer", "en": "Outreach and events"},
    "strengths.category.target_groups": {"da": "Målgrupper vi når", "en": "Target groups we reach"},
    "strengths.category.expertise": {"da": "Faglig ekspertise", "en": "Professional expertise"},
    "strengths.category.network": {"da": "Netværk", "en": "Network"},
    "strengths.category.digital": {"da": "Digitale platforme", "en": "Digital platforms"},
    "strengths.category.reputation": {"da": "Omdømme", "en": "Reputation"},
    # Staff roles as a partner reads them on the flyer
    "strengths.role.network_lead": {"da": "netværksansvarlig", "en": "network lead"},
    "strengths.role.partnership_owner": {"da": "partnerskabsansvarlig", "en": "partnership owner"},
    "strengths.role.staff": {"da": "medarbejder", "en": "staff member"},
    # Values that cannot be stored
    "strengths.title_required": {"da": "Tilbuddet skal have en titel.", "en": "The offer needs a title."},
    "strengths.category_required": {
        "da": "Vælg, hvilken slags tilbud det er (kategori).",
        "en": "Choose what kind of offer it is (category).",
    },
    "strengths.unknown_category": {
        "da": "»{value}« er ikke en af kategorierne.",
        "en": '"{value}" is not one of the categories.',
    },
    "strengths.unknown_partner_type": {
        "da": "»{value}« er ikke en kendt organisationstype.",
        "en": '"{value}" is not a known organisation type.',
    },
    "strengths.updated_on_future": {
        "da": "Datoen for seneste bekræftelse kan ikke ligge i fremtiden.",
        "en": "The date last confirmed cannot lie in the future.",
    },
    "strengths.no_such_offer": {
        "da": "Tilbuddet findes ikke længere – en kollega kan have slettet det.",
        "en": "The offer no longer exists – a colleague may have deleted it.",
    },
    # The flyer
    "strengths.flyer.default_library": {"da": "Biblioteket", "en": "The library"},
    "strengths.flyer.subtitle": {"da": "Det kan vi tilbyde partnere", "en": "What we can offer partners"},
    "strengths.flyer.intro": {
        "da": "Vi samarbejder gerne med foreninger, virksomheder, skoler, kulturinstitutioner og alle andre, "
        "der vil gøre en forskel for borgerne. Her er det, vores teams kan bidrage med i et "
        "partnerskab. Kontakt den nævnte medarbejder eller biblioteket for at høre mere.",
        "en": "We are glad to work with associations, businesses, schools, cultural institutions and anyone "
        "else who wants to make a difference for local people. Here is what our teams can bring to "
        "a partnership. Contact the staff member named, or the library, to hear more.",
    },
    "strengths.flyer.contact": {"da": "Kontakt: {name}", "en": "Contact: {name}"},
    "strengths.flyer.partner_types": {"da": "Relevant for: {types}", "en": "Relevant for: {types}"},
    "strengths.flyer.more": {"da": "+{count} flere tilbud", "en": "+{count} {count:more offer|more offers}"},
    "strengths.flyer.none": {
        "da": "Biblioteket har endnu ikke beskrevet sine tilbud til partnere.",
        "en": "The library has not described its offers to partners yet.",
    },
    "strengths.flyer.footer": {"da": "{library} · udarbejdet {date}", "en": "{library} · prepared {date}"},
    # The page "Styrker"
    "strengths_page.title": {
        "da": "Vis, hvem du er! – bibliotekets styrker",
        "en": "Show who you are! – the library's strengths",
    },
    "strengths_page.intro": {
        "da": "Hvad kan biblioteket tilbyde en partner? Hvert team beskriver sine tilbud: lokaler, "
        "arrangementer, målgrupper, ekspertise, netværk, digitale kanaler og omdømme – med en "
        "kontaktperson og de typer af partnere, tilbuddet er relevant for. Hent profilen som en "
        "flyer på én side, når I møder en ny partner.",
        "en": "What can the library offer a partner? Each team describes its offers: rooms, events, "
        "target groups, expertise, network, digital channels and reputation – with a contact person "
        "and the kinds of partner the offer is relevant for. Download the profile as a one-page "
        "flyer when you meet a new partner.",
    },
    "strengths_page.empty": {
        "da": "Der er endnu ingen tilbud i styrkeprofilen. Opret det første under »{tab}«.",
        "en": 'The strengths profile has no offers yet. Create the first one under "{tab}".',
    },
    "strengths_page.metric.offers": {"da": "Tilbud", "en": "Offers"},
    "strengths_page.metric.teams": {"da": "Teams", "en": "Teams"},
    "strengths_page.metric.fresh": {"da": "Bekræftet inden for et år", "en": "Confirmed within a year"},
    "strengths_page.metric.stale": {"da": "Skal tjekkes", "en": "To be checked"},
    "strengths_page.metric.fresh_help": {
        "da": "Andelen af tilbud, som nogen har bekræftet eller rettet inden for de seneste 12 måneder.",
        "en": "The share of offers someone has confirmed or edited within the last 12 months.",
    },
    "strengths_page.stale_warning": {
        "da": "{count} tilbud er ikke bekræftet i over 12 måneder. Tjek, om {count:det|de} stadig holder, før I "
        "sender flyeren ud.",
        "en": "{count} {count:offer has|offers have} not been confirmed for over 12 months. Check that they still hold "
        "before you send the flyer out.",
    },
    "strengths_page.flyer.download": {"da": "Hent flyer (PDF)", "en": "Download flyer (PDF)"},
    "strengths_page.flyer.help": {
        "da": "Én A4-side i bibliotekets navn på {language}. Kontaktpersoner vises med navn og rolle, "
        "aldrig med telefonnummer. Er der mange tilbud, bliver teksten kortere, og en kategori "
        "viser »+N flere«.",
        "en": "One A4 page in the library's name, in {language}. Contact persons are shown with name and "
        "role, never a phone number. With many offers the text gets shorter and a category shows "
        '"+N more".',
    },
    "strengths_page.flyer.language": {"da": "dansk", "en": "English"},
    "strengths_page.flyer.file": {"da": "styrkeprofil", "en": "strengths-profile"},
    "strengths_page.tab.profile": {"da": "Profil pr. team", "en": "Profile by team"},
    "strengths_page.tab.matrix": {"da": "Partnertyper", "en": "Partner types"},
    "strengths_page.tab.edit": {"da": "Opret og redigér", "en": "Create and edit"},
    "strengths_page.team_filter": {"da": "Vis team", "en": "Show team"},
    "strengths_page.all_teams": {"da": "Alle teams", "en": "All teams"},
    "strengths_page.no_team": {"da": "Hele biblioteket", "en": "The whole library"},
    "strengths_page.teams_without": {
        "da": "Teams uden tilbud endnu: {teams}.",
        "en": "Teams without offers so far: {teams}.",
    },
    "strengths_page.team_heading": {"da": "{team} ({count} tilbud)", "en": "{team} ({count} {count:offer|offers})"},
    "strengths_page.card.contact": {"da": "Kontakt: {name}", "en": "Contact: {name}"},
    "strengths_page.card.no_contact": {"da": "Ingen kontaktperson", "en": "No contact person"},
    "strengths_page.card.not_staff": {
        "da": "{name} er ikke (længere) medarbejder og vises ikke på flyeren.",
        "en": "{name} is not (or no longer) staff and is not shown on the flyer.",
    },
    "strengths_page.card.partner_types": {"da": "Relevant for: {types}", "en": "Relevant for: {types}"},
    "strengths_page.card.no_partner_types": {"da": "Ingen partnertyper valgt", "en": "No partner types chosen"},
    "strengths_page.card.updated": {"da": "Bekræftet {date}", "en": "Confirmed {date}"},
    "strengths_page.card.stale": {
        "da": "Ikke bekræftet i over 12 måneder (senest {date})",
        "en": "Not confirmed for over 12 months (last {date})",
    },
    "strengths_page.confirm": {"da": "Stadig rigtigt", "en": "Still true"},
    "strengths_page.confirm_help": {
        "da": "Markér tilbuddet som gennemset i dag.",
        "en": "Mark the offer as checked today.",
    },
    "strengths_page.confirmed": {
        "da": "»{title}« er markeret som stadig rigtigt ({date}).",
        "en": '"{title}" is marked as still true ({date}).',
    },
    "strengths_page.matrix.heading": {
        "da": "Hvilke partnertyper taler tilbuddene til?",
        "en": "Which partner types do the offers speak to?",
    },
    "strengths_page.matrix.caption": {
        "da": "Antal tilbud pr. kategori og partnertype. Et tilbud kan være relevant for flere typer.",
        "en": "Number of offers per category and partner type. One offer can be relevant for several types.",
    },
    "strengths_page.matrix.category": {"da": "Kategori", "en": "Category"},
    "strengths_page.matrix.partner_type": {"da": "Partnertype", "en": "Partner type"},
    "strengths_page.matrix.count": {"da": "Tilbud", "en": "Offers"},
    "strengths_page.matrix.uncovered": {
        "da": "Intet tilbud taler endnu til: {types}.",
        "en": "No offer speaks to these yet: {types}.",
    },
    "strengths_page.matrix.all_covered": {
        "da": "Hver partnertype har mindst ét tilbud.",
        "en": "Every partner type has at least one offer.",
    },
    "strengths_page.matrix.empty": {
        "da": "Når tilbuddene har partnertyper, vises de her.",
        "en": "Once offers have partner types, they are shown here.",
    },
    "strengths_page.edit.pick": {"da": "Tilbud", "en": "Offer"},
    "strengths_page.edit.new": {"da": "– Nyt tilbud –", "en": "– New offer –"},
    "strengths_page.edit.create_heading": {"da": "Nyt tilbud", "en": "New offer"},
    "strengths_page.edit.edit_heading": {"da": "Redigér tilbud", "en": "Edit offer"},
    "strengths_page.edit.create_button": {"da": "Opret tilbud", "en": "Create offer"},
    "strengths_page.edit.created": {"da": "Tilbuddet »{title}« er oprettet.", "en": 'The offer "{title}" was created.'},
    "strengths_page.edit.saved": {
        "da": "Ændringerne er gemt, og tilbuddet er bekræftet i dag.",
        "en": "The changes were saved and the offer is confirmed as of today.",
    },
    "strengths_page.edit.nothing_changed": {
        "da": "Der var ingen ændringer at gemme.",
        "en": "There were no changes to save.",
    },
    "strengths_page.edit.required_hint": {"da": "Felter med * skal udfyldes.", "en": "Fields marked * are required."},
    "strengths_page.edit.save_confirms": {
        "da": "At gemme en ændring tæller også som at bekræfte tilbuddet.",
        "en": "Saving a change also counts as confirming the offer.",
    },
    "strengths_page.edit.last_confirmed": {"da": "Senest bekræftet {date}.", "en": "Last confirmed {date}."},
    "strengths_page.edit.gone": {"da": "Tilbuddet findes ikke længere.", "en": "The offer no longer exists."},
    "strengths_page.field.team": {"da": "Team", "en": "Team"},
    "strengths_page.field.team_placeholder": {"da": "Vælg eller skriv et team …", "en": "Choose or type a team …"},
    "strengths_page.field.category": {"da": "Kategori", "en": "Category"},
    "strengths_page.field.title": {"da": "Titel", "en": "Title"},
    "strengths_page.field.description": {"da": "Beskrivelse", "en": "Description"},
    "strengths_page.field.contact": {"da": "Kontaktperson (medarbejder)", "en": "Contact person (staff)"},
    "strengths_page.field.partner_types": {"da": "Relevant for partnertyper", "en": "Relevant for partner types"},
    "strengths_page.field.choose": {"da": "Vælg …", "en": "Choose …"},
    "strengths_page.delete.heading": {"da": "Slet tilbuddet", "en": "Delete the offer"},
    "strengths_page.delete.confirm": {"da": "Ja, tilbuddet skal slettes", "en": "Yes, delete the offer"},
    "strengths_page.delete.button": {"da": "Slet tilbud", "en": "Delete offer"},
    "strengths_page.delete.needs_confirm": {
        "da": "Sæt først hak i »Ja, tilbuddet skal slettes«.",
        "en": 'First tick "Yes, delete the offer".',
    },
    "strengths_page.delete.done": {"da": "Tilbuddet »{title}« er slettet.", "en": 'The offer "{title}" was deleted.'},
}
