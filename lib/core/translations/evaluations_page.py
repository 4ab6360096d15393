"""Texts of the page "Evaluering": health, scores over time, latest round, gaps, rounds and import."""

TEXTS = {
    "nav.evaluations": {"da": "Evaluering", "en": "Evaluations"},
    "evaluations_page.title": {"da": "Evaluering af partnerskaber", "en": "Evaluating partnerships"},
    "evaluations_page.intro": {
        "da": "Evaluér løbende, lad begge parter svare, og følg udviklingen over tid (»Understøt partnerskabet!«).",
        "en": "Evaluate continuously, let both partners answer, and follow the development over time "
        "(\u201cSupport the partnership!\u201d).",
    },
    "evaluations_page.empty": {
        "da": "Der er endnu ingen partnerskaber at evaluere. Registrér det første på siden »{partnerships_page}«; "
        "derefter kan du oprette evalueringsrunder her eller indlæse svar fra et spørgeskema.",
        "en": "There are no partnerships to evaluate yet. Register the first one on the page "
        "\u201c{partnerships_page}\u201d; then you can create evaluation rounds here or load the answers "
        "of a survey.",
    },
    "evaluations_page.no_rounds": {
        "da": "Partnerskabet er endnu ikke evalueret. Opret en runde og tilføj besvarelser under fanen "
        "»{rounds_tab}«, eller indlæs svarene fra et spørgeskema under »{import_tab}«.",
        "en": "This partnership has not been evaluated yet. Create a round and add responses in the tab "
        "\u201c{rounds_tab}\u201d, or load the answers of a survey in \u201c{import_tab}\u201d.",
    },
    "evaluations_page.imported": {"da": "Indlæst fra fil", "en": "Loaded from file"},
    "evaluations_page.mean_axis": {"da": "Gennemsnit (1-5)", "en": "Mean (1-5)"},
    # Tabs
    "evaluations_page.tab.results": {"da": "Resultater", "en": "Results"},
    "evaluations_page.tab.rounds": {"da": "Runder og besvarelser", "en": "Rounds and responses"},
    "evaluations_page.tab.import": {"da": "Indlæs fra Excel", "en": "Load from Excel"},
    # Choosing a partnership
    "evaluations_page.pick": {"da": "Partnerskab", "en": "Partnership"},
    "evaluations_page.pick.label": {
        "da": "{title} ({count} {count:runde|runder})",
        "en": "{title} ({count} {count:round|rounds})",
    },
    "evaluations_page.pick.ended": {"da": "{label} – afsluttet", "en": "{label} – ended"},
    # Health
    "evaluations_page.health.heading": {"da": "Partnerskabernes sundhed", "en": "Health of the partnerships"},
    "evaluations_page.health.none": {
        "da": "Ingen partnerskaber er i gang endnu (ud over idéer og afsluttede).",
        "en": "No partnerships are under way yet (beyond ideas and ended ones).",
    },
    "evaluations_page.health.table_caption": {
        "da": "Partnerskaber i gang (ikke idéer, ikke afsluttede). Alle tal er 0-100; et tomt felt betyder, at "
        "delen ikke kan beregnes.",
        "en": "Partnerships under way (not ideas, not ended). All figures are 0-100; an empty cell means the "
        "part cannot be computed.",
    },
    "evaluations_page.health.weight": {
        "da": "Vægt {weight} % (her {share} %).",
        "en": "Weight {weight}% (here {share}%).",
    },
    "evaluations_page.health.rule.evaluation": {
        "da": "Gennemsnittet af alle svar fra begge parter i seneste runde, omregnet til 0-100 (1 giver 0, 5 "
        "giver 100).",
        "en": "The mean of all answers of both partners in the latest round, converted to 0-100 (1 gives 0, 5 "
        "gives 100).",
    },
    "evaluations_page.health.rule.contact": {
        "da": "100, når kontaktrytmen er overholdt; falder jævnt til 0, når en kontakt er en hel rytme forsinket.",
        "en": "100 when the contact rhythm is kept; falls evenly to 0 when a contact is a whole rhythm overdue.",
    },
    "evaluations_page.health.rule.goals": {
        "da": "Den gennemsnitlige opfyldelse (0-100 %) af de mål, partnerskabet arbejder for, ud fra deres "
        "seneste måling.",
        "en": "The mean fulfilment (0-100%) of the goals the partnership serves, from their latest measurement.",
    },
    "evaluations_page.health.missing.evaluation": {
        "da": "Beregnes ikke: ingen runde med svar endnu.",
        "en": "Not computed: no round with answers yet.",
    },
    "evaluations_page.health.missing.contact": {
        "da": "Beregnes ikke: partnerskabet har ingen kontaktrytme.",
        "en": "Not computed: the partnership has no contact rhythm.",
    },
    "evaluations_page.health.missing.goals": {
        "da": "Beregnes ikke: ingen målte mål knyttet til partnerskabet.",
        "en": "Not computed: no measured goals linked to the partnership.",
    },
    "evaluations_page.health.no_score": {
        "da": "Sundheden kan ikke beregnes endnu: evaluér partnerskabet, giv det en kontaktrytme, eller knyt "
        "det til et mål på siden for partnerskaber.",
        "en": "The health cannot be computed yet: evaluate the partnership, give it a contact rhythm, or link "
        "it to a goal on the partnerships page.",
    },
    "evaluations_page.health.how": {"da": "Sådan beregnes sundheden", "en": "How the health is computed"},
    # Columns
    "evaluations_page.col.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "evaluations_page.col.held_on": {"da": "Dato", "en": "Date"},
    "evaluations_page.col.title": {"da": "Titel", "en": "Title"},
    "evaluations_page.col.library": {"da": "Svar fra biblioteket", "en": "Library respondents"},
    "evaluations_page.col.partner": {"da": "Svar fra partneren", "en": "Partner respondents"},
    "evaluations_page.col.imported": {"da": "Kilde", "en": "Source"},
    "evaluations_page.col.side": {"da": "Svarer for", "en": "Answers for"},
    "evaluations_page.col.respondent": {"da": "Navn på den, der svarer", "en": "Name of the person answering"},
    "evaluations_page.col.answered": {"da": "Besvarede udsagn", "en": "Statements answered"},
    "evaluations_page.col.reflections": {"da": "Refleksioner", "en": "Reflections"},
    # Scores over time
    "evaluations_page.scores.heading": {"da": "Udvikling over tid", "en": "Development over time"},
    "evaluations_page.scores.side": {"da": "Vis svar fra", "en": "Show answers from"},
    "evaluations_page.scores.chart_title": {
        "da": "Gennemsnit pr. dimension og runde ({side})",
        "en": "Mean per dimension and round ({side})",
    },
    "evaluations_page.scores.date": {"da": "Runde (dato)", "en": "Round (date)"},
    "evaluations_page.scores.caption": {
        "da": "Ét punkt pr. runde med svar; de stiplede linjer ligger ved 3,0 og 4,0.",
        "en": "One point per round with answers; the dashed lines are at 3.0 and 4.0.",
    },
    # One round in detail
    "evaluations_page.detail.pick": {"da": "Runde vist nedenfor", "en": "Round shown below"},
    "evaluations_page.detail.latest": {"da": "Seneste runde ({round})", "en": "Latest round ({round})"},
    "evaluations_page.items.heading": {"da": "Udsagn for udsagn", "en": "Statement by statement"},
    "evaluations_page.items.chart_title": {
        "da": "Gennemsnit pr. udsagn (begge parter)",
        "en": "Mean per statement (both partners)",
    },
    "evaluations_page.items.caption": {
        "da": "Én søjle pr. besvaret udsagn, farvet efter læsningen: styrke, tal om det eller bekymring.",
        "en": "One bar per answered statement, coloured by its reading: strength, worth discussing or concern.",
    },
    "evaluations_page.gaps.heading": {
        "da": "Biblioteket og partneren side om side",
        "en": "The library and the partner side by side",
    },
    "evaluations_page.gaps.level": {"da": "Vis", "en": "Show"},
    "evaluations_page.gaps.per_dimension": {"da": "Pr. dimension", "en": "Per dimension"},
    "evaluations_page.gaps.per_item": {"da": "Pr. udsagn", "en": "Per statement"},
    "evaluations_page.gaps.chart_title": {
        "da": "Bibliotekets og partnerens gennemsnit",
        "en": "The library's and the partner's mean",
    },
    "evaluations_page.gaps.side_missing": {
        "da": "{side} har ingen svar i denne runde, så forskellen mellem parterne kan ikke vises.",
        "en": "{side} has no answers in this round, so the gap between the partners cannot be shown.",
    },
    "evaluations_page.gaps.flagged": {"da": "Det gælder: {items}.", "en": "This applies to: {items}."},
    "evaluations_page.gaps.none_flagged": {
        "da": "Parterne ser ens på tingene: ingen forskel er på 1 point eller mere.",
        "en": "The partners see things alike: no gap is 1 point or more.",
    },
    "evaluations_page.reflections.heading": {"da": "Refleksioner", "en": "Reflections"},
    "evaluations_page.reflections.none": {
        "da": "Ingen skrev refleksioner i denne runde.",
        "en": "Nobody wrote reflections in this round.",
    },
    # Rounds
    "evaluations_page.rounds.none": {
        "da": "Ingen runder endnu. Opret den første nedenfor.",
        "en": "No rounds yet. Create the first one below.",
    },
    "evaluations_page.rounds.pick": {"da": "Runde", "en": "Round"},
    "evaluations_page.rounds.option": {
        "da": "{round} ({count} {count:besvarelse|besvarelser})",
        "en": "{round} ({count} {count:response|responses})",
    },
    "evaluations_page.new_round.heading": {"da": "Ny evalueringsrunde", "en": "New evaluation round"},
    "evaluations_page.new_round.title_hint": {"da": "fx Forårsevaluering", "en": "e.g. Spring evaluation"},
    "evaluations_page.new_round.submit": {"da": "Opret runde", "en": "Create round"},
    "evaluations_page.new_round.done": {
        "da": "Runden den {date} er oprettet. Tilføj besvarelserne nedenfor.",
        "en": "The round of {date} was created. Add the responses below.",
    },
    "evaluations_page.response.heading": {"da": "Tilføj en besvarelse", "en": "Add a response"},
    "evaluations_page.response.blank": {"da": "Intet svar", "en": "No answer"},
    "evaluations_page.response.submit": {"da": "Gem besvarelse", "en": "Save response"},
    "evaluations_page.response.no_answers": {
        "da": "Besvarelsen er ikke gemt: vælg et svar fra 1 til 5 ved mindst ét udsagn.",
        "en": "The response was not saved: choose an answer from 1 to 5 for at least one statement.",
    },
    "evaluations_page.response.saved": {
        "da": "Besvarelsen fra {side} er gemt ({count} svar).",
        "en": "The response from {side} was saved ({count} {count:answer|answers}).",
    },
    "evaluations_page.responses.heading": {"da": "Besvarelser ({count})", "en": "Responses ({count})"},
    "evaluations_page.responses.none": {
        "da": "Runden har ingen besvarelser endnu.",
        "en": "The round has no responses yet.",
    },
    "evaluations_page.responses.delete_heading": {"da": "Slet en besvarelse", "en": "Delete a response"},
    "evaluations_page.responses.delete_pick": {"da": "Besvarelse", "en": "Response"},
    "evaluations_page.responses.confirm": {
        "da": "Ja, slet den valgte besvarelse",
        "en": "Yes, delete the chosen response",
    },
    "evaluations_page.responses.delete": {"da": "Slet besvarelse", "en": "Delete response"},
    "evaluations_page.responses.needs_confirm": {
        "da": "Sæt flueben for at bekræfte, at besvarelsen skal slettes.",
        "en": "Tick the box to confirm that the response is to be deleted.",
    },
    "evaluations_page.responses.deleted": {"da": "Besvarelsen er slettet.", "en": "The response was deleted."},
    "evaluations_page.round.delete_heading": {"da": "Slet runden", "en": "Delete the round"},
    "evaluations_page.round.confirm": {
        "da": "Ja, slet runden med dens {count} {count:besvarelse|besvarelser}",
        "en": "Yes, delete the round with its {count} {count:response|responses}",
    },
    "evaluations_page.round.delete": {"da": "Slet runde", "en": "Delete round"},
    "evaluations_page.round.needs_confirm": {
        "da": "Sæt flueben for at bekræfte, at runden skal slettes.",
        "en": "Tick the box to confirm that the round is to be deleted.",
    },
    "evaluations_page.round.deleted": {"da": "Runden {round} er slettet.", "en": "The round {round} was deleted."},
    # Import
    "evaluations_page.import.target": {"da": "Indlæs svarene i", "en": "Load the answers into"},
    "evaluations_page.import.new_round": {"da": "En ny runde", "en": "A new round"},
}
