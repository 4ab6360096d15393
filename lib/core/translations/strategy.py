"""Texts of the library's goals: fields, checks, statuses, coverage and the goals import."""

TEXTS = {
    # Fields (also the headers of the goals template)
    "strategy.col.title": {"da": "Titel", "en": "Title"},
    "strategy.col.description": {"da": "Beskrivelse", "en": "Description"},
    "strategy.col.theme": {"da": "Tema", "en": "Theme"},
    "strategy.col.owner": {"da": "Ansvarlig", "en": "Owner"},
    "strategy.col.unit": {"da": "Enhed", "en": "Unit"},
    "strategy.col.baseline": {"da": "Udgangspunkt", "en": "Baseline"},
    "strategy.col.baseline_date": {"da": "Dato for udgangspunkt", "en": "Baseline date"},
    "strategy.col.target": {"da": "Målværdi", "en": "Target"},
    "strategy.col.target_date": {"da": "Måldato", "en": "Target date"},
    "strategy.col.goal": {"da": "Mål", "en": "Goal"},
    "strategy.col.measured_on": {"da": "Dato", "en": "Date"},
    "strategy.col.value": {"da": "Værdi", "en": "Value"},
    "strategy.col.note": {"da": "Note", "en": "Note"},
    "strategy.col.source": {"da": "Kilde", "en": "Source"},
    "strategy.sheet.goals": {"da": "Mål", "en": "Goals"},
    "strategy.sheet.measurements": {"da": "Målinger", "en": "Measurements"},
    "strategy.guide.unit": {
        "da": "Hvad der tælles, fx »deltagere pr. år«.",
        "en": 'What is counted, e.g. "participants per year".',
    },
    "strategy.guide.target": {
        "da": "Tallet, der skal nås. Lavere end udgangspunktet, hvis noget skal mindskes.",
        "en": "The figure to reach. Lower than the baseline when something is to be reduced.",
    },
    "strategy.guide.goal": {
        "da": "Målets titel, som den står på arket »Mål« eller i arbejdsområdet.",
        "en": 'The goal\'s title as on the "Goals" sheet or in the workspace.',
    },
    # Checks
    "strategy.title_required": {"da": "Målet skal have en titel.", "en": "The goal needs a title."},
    "strategy.baseline_required": {
        "da": "Angiv udgangspunktet: tallet, målet starter fra.",
        "en": "Enter the baseline: the figure the goal starts from.",
    },
    "strategy.target_required": {
        "da": "Angiv målværdien: tallet, der skal nås.",
        "en": "Enter the target: the figure to reach.",
    },
    "strategy.baseline_date_required": {
        "da": "Angiv datoen for udgangspunktet.",
        "en": "Enter the date of the baseline.",
    },
    "strategy.target_date_required": {
        "da": "Angiv måldatoen: hvornår målet skal være nået.",
        "en": "Enter the target date: when the goal is to be reached.",
    },
    "strategy.target_equals_baseline": {
        "da": "Målværdien er den samme som udgangspunktet, så der er intet at måle fremdrift på.",
        "en": "The target equals the baseline, so there is no progress to measure.",
    },
    "strategy.dates_order": {
        "da": "Måldatoen skal ligge efter datoen for udgangspunktet.",
        "en": "The target date must come after the baseline date.",
    },
    "strategy.no_such_goal": {"da": "Målet (nr. {id}) findes ikke.", "en": "The goal (no. {id}) does not exist."},
    "strategy.no_such_measurement": {
        "da": "Målingen (nr. {id}) findes ikke.",
        "en": "The measurement (no. {id}) does not exist.",
    },
    "strategy.measured_on_required": {"da": "Angiv datoen for målingen.", "en": "Enter the date of the measurement."},
    "strategy.value_required": {"da": "Angiv den målte værdi.", "en": "Enter the measured value."},
    # Statuses
    "strategy.status.on_track": {"da": "På rette spor", "en": "On track"},
    "strategy.status.at_risk": {"da": "I fare", "en": "At risk"},
    "strategy.status.off_track": {"da": "Bagud", "en": "Off track"},
    "strategy.status.no_data": {"da": "Ingen målinger endnu", "en": "No measurements yet"},
    "strategy.stale": {
        "da": "Ikke målt i over {days} {days:dag|dage}",
        "en": "Not measured for more than {days} {days:day|days}",
    },
    "strategy.achieved": {"da": "Nået", "en": "Achieved"},
    "strategy.reduce": {"da": "Skal mindskes", "en": "To be reduced"},
    "strategy.fulfilment": {"da": "Målopfyldelse", "en": "Fulfilment"},
    "strategy.expected": {"da": "Forventet nu", "en": "Expected by now"},
    "strategy.status_rule": {
        "da": (
            "På rette spor: højst 10 procentpoint under det forventede, ud fra hvor stor en del af "
            "perioden der var gået, da der blev målt. I fare: 10-25 point under. Bagud: mere end 25 "
            "point under."
        ),
        "en": (
            "On track: at most 10 percentage points below what was expected, given how much of the "
            "period had passed when measured. At risk: 10-25 points below. Off track: more than 25 "
            "points below."
        ),
    },
    # Coverage
    "strategy.coverage.goal_unserved": {
        "da": "Intet igangværende partnerskab arbejder for målet »{title}«.",
        "en": 'No partnership under way works towards the goal "{title}".',
    },
    "strategy.coverage.partnership_without_goal": {
        "da": "Partnerskabet »{title}« er ikke knyttet til noget af bibliotekets mål.",
        "en": 'The partnership "{title}" is not linked to any of the library\'s goals.',
    },
    # Import
    "strategy.import.goal_exists": {
        "da": "Målet »{title}« findes allerede; rækken er sprunget over.",
        "en": 'The goal "{title}" already exists; the row was skipped.',
    },
    "strategy.import.unknown_owner": {
        "da": "Medarbejderen »{value}« findes ikke i arbejdsområdet; feltet er ikke udfyldt.",
        "en": 'The staff member "{value}" is not in the workspace; the field was left empty.',
    },
    "strategy.import.unknown_goal": {
        "da": "Målet »{title}« findes hverken i filen eller i arbejdsområdet.",
        "en": 'The goal "{title}" is neither in the file nor in the workspace.',
    },
    "strategy.import.measurement_exists": {
        "da": "Målingen for »{title}« er allerede gemt; rækken er sprunget over.",
        "en": 'The measurement for "{title}" is already stored; the row was skipped.',
    },
}
