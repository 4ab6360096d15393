"""Words of the page "Mål" (pages/goals.py)."""

TEXTS = {
    "goalspage.title": {"da": "Vær strategisk – bibliotekets mål", "en": "Be strategic – the library's goals"},
    "goalspage.intro": {
        "da": "Her står bibliotekets mål, hver med et udgangspunkt og en målværdi. Registrér målinger, følg målopfyldelsen "
        "over tid, og se hvilke mål intet partnerskab arbejder for (»Fokusér biblioteket!«).",
        "en": "Here are the library's goals, each with a baseline and a target. Record measurements, follow fulfilment "
        "over time, and see which goals no partnership works towards (\u201cFocus the library!\u201d).",
    },
    "goalspage.empty": {
        "da": "Der er endnu ingen mål. Opret det første mål under fanen »{create_tab}«, indlæs mål fra Excel "
        "under »{import_tab}«, eller prøv med demo-biblioteket fra siden »{overview_page}«.",
        "en": "There are no goals yet. Create the first goal on the \u201c{create_tab}\u201d tab, load goals from "
        "Excel on \u201c{import_tab}\u201d, or try the demo library from the \u201c{overview_page}\u201d page.",
    },
    "goalspage.tab.overview": {"da": "Overblik", "en": "At a glance"},
    "goalspage.tab.series": {"da": "Udvikling over tid", "en": "Over time"},
    "goalspage.tab.edit": {"da": "Opret og redigér", "en": "Create and edit"},
    "goalspage.tab.coverage": {"da": "Dækning", "en": "Coverage"},
    "goalspage.tab.import": {"da": "Indlæs fra Excel", "en": "Load from Excel"},
    # Overview
    "goalspage.overview.chart_title": {"da": "Alle mål på én gang", "en": "All goals at a glance"},
    "goalspage.overview.counts": {
        "da": "{on_track} på rette spor · {at_risk} i fare · {off_track} bagud · {no_data} uden målinger · "
        "{stale} ikke målt længe",
        "en": "{on_track} on track · {at_risk} at risk · {off_track} off track · {no_data} without measurements · "
        "{stale} not measured for long",
    },
    "goalspage.overview.marker_help": {
        "da": "Søjlen viser målopfyldelsen (0 % ved udgangspunktet, 100 % når målet er nået). Den sorte streg "
        "viser, hvor langt målet burde være nået, da der sidst blev målt.",
        "en": "The bar shows fulfilment (0 % at the baseline, 100 % when the target is reached). The black mark "
        "shows how far the goal should have come when it was last measured.",
    },
    "goalspage.col.title": {"da": "Mål", "en": "Goal"},
    "goalspage.col.theme": {"da": "Tema", "en": "Theme"},
    "goalspage.col.owner": {"da": "Ansvarlig", "en": "Owner"},
    "goalspage.col.latest": {"da": "Seneste værdi", "en": "Latest value"},
    "goalspage.col.target": {"da": "Målværdi", "en": "Target"},
    "goalspage.col.latest_on": {"da": "Målt den", "en": "Measured on"},
    "goalspage.col.target_date": {"da": "Måldato", "en": "Target date"},
    "goalspage.col.fulfilment": {"da": "Målopfyldelse %", "en": "Fulfilment %"},
    "goalspage.col.expected": {"da": "Forventet %", "en": "Expected %"},
    "goalspage.col.status": {"da": "Status", "en": "Status"},
    "goalspage.col.stale": {"da": "Aktualitet", "en": "Up to date"},
    "goalspage.fresh": {"da": "Målt for nylig", "en": "Recently measured"},
    "goalspage.no_value": {"da": "–", "en": "–"},
    # Series
    "goalspage.series.pick": {"da": "Vælg mål", "en": "Choose goals"},
    "goalspage.series.choose": {
        "da": "Vælg et eller flere mål for at se deres udvikling.",
        "en": "Choose one or more goals to see how they develop.",
    },
    "goalspage.series.chart_title": {"da": "Målopfyldelse over tid", "en": "Fulfilment over time"},
    "goalspage.series.target_line": {"da": "Målet nået (100 %)", "en": "Target reached (100 %)"},
    "goalspage.series.expected": {"da": "Forventet: {title}", "en": "Expected: {title}"},
    "goalspage.series.no_measurements": {
        "da": "Målet »{title}« har ingen målinger endnu.",
        "en": "The goal \u201c{title}\u201d has no measurements yet.",
    },
    "goalspage.series.date": {"da": "Dato", "en": "Date"},
    # Create and edit
    "goalspage.edit.pick": {"da": "Mål", "en": "Goal"},
    "goalspage.edit.new": {"da": "(nyt mål)", "en": "(new goal)"},
    "goalspage.edit.create_heading": {"da": "Opret et nyt mål", "en": "Create a new goal"},
    "goalspage.edit.edit_heading": {"da": "Redigér målet", "en": "Edit the goal"},
    "goalspage.edit.create_button": {"da": "Opret mål", "en": "Create goal"},
    "goalspage.edit.created": {"da": "Målet »{title}« er oprettet.", "en": "The goal \u201c{title}\u201d was created."},
    "goalspage.edit.saved": {"da": "Ændringerne er gemt.", "en": "The changes were saved."},
    "goalspage.edit.nothing_changed": {
        "da": "Der var ingen ændringer at gemme.",
        "en": "There were no changes to save.",
    },
    "goalspage.edit.required_hint": {
        "da": "Titel, udgangspunkt, målværdi og begge datoer skal udfyldes. Er målværdien lavere end "
        "udgangspunktet, er det et mål om at mindske noget.",
        "en": "Title, baseline, target and both dates are required. A target below the baseline is a goal to "
        "reduce something.",
    },
    "goalspage.edit.gone": {
        "da": "Målet findes ikke længere. Måske har en kollega slettet det.",
        "en": "The goal no longer exists. A colleague may have deleted it.",
    },
    "goalspage.measure.heading": {"da": "Tilføj en måling", "en": "Add a measurement"},
    "goalspage.measure.button": {"da": "Gem måling", "en": "Save measurement"},
    "goalspage.measure.saved": {"da": "Målingen er gemt.", "en": "The measurement was saved."},
    "goalspage.measure.list_heading": {"da": "Målinger ({count})", "en": "Measurements ({count})"},
    "goalspage.measure.delete": {"da": "Slet en måling", "en": "Delete a measurement"},
    "goalspage.measure.none": {"da": "Ingen målinger endnu.", "en": "No measurements yet."},
    "goalspage.delete.heading": {"da": "Slet målet", "en": "Delete the goal"},
    "goalspage.delete.confirm": {
        "da": "Ja, slet målet med alle dets målinger og koblinger til partnerskaber",
        "en": "Yes, delete the goal with all its measurements and links to partnerships",
    },
    "goalspage.delete.button": {"da": "Slet mål", "en": "Delete goal"},
    "goalspage.delete.needs_confirm": {
        "da": "Sæt flueben for at bekræfte, at målet skal slettes.",
        "en": "Tick the box to confirm that the goal should be deleted.",
    },
    "goalspage.delete.done": {"da": "Målet »{title}« er slettet.", "en": "The goal \u201c{title}\u201d was deleted."},
    # Coverage
    "goalspage.coverage.goals_heading": {"da": "Mål uden partnerskab", "en": "Goals without a partnership"},
    "goalspage.coverage.partnerships_heading": {"da": "Partnerskaber uden mål", "en": "Partnerships without a goal"},
    "goalspage.coverage.all_goals_served": {
        "da": "Alle mål har mindst ét igangværende partnerskab.",
        "en": "Every goal has at least one partnership under way.",
    },
    "goalspage.coverage.all_partnerships_linked": {
        "da": "Alle aktive partnerskaber er knyttet til mindst ét mål.",
        "en": "Every active partnership is linked to at least one goal.",
    },
    "goalspage.coverage.planned": {
        "da": " ({count} {count:idé|idéer} på vej)",
        "en": " ({count} {count:idea|ideas} in the pipeline)",
    },
    "goalspage.coverage.served_heading": {"da": "Partnerskaber pr. mål", "en": "Partnerships per goal"},
    "goalspage.coverage.partnerships_col": {"da": "Partnerskaber", "en": "Partnerships"},
    "goalspage.coverage.count": {"da": "Igangværende partnerskaber", "en": "Partnerships under way"},
}
