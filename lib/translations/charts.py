"""Words inside charts: hover texts and units (lib.charts and the chart builders)."""

TEXTS = {
    "charts.hover.mean": {"da": "Gennemsnit", "en": "Mean"},
    "charts.unit.scale": {"da": "af 5", "en": "of 5"},
    "charts.hover.respondents": {"da": "Besvarelser", "en": "Responses"},
    "charts.hover.score": {"da": "Score", "en": "Score"},
    "charts.unit.partnerships": {"da": "partnerskaber", "en": "partnerships"},
    "charts.unit.offers": {"da": "tilbud", "en": "offers"},
    "charts.unit.people_rated": {"da": "har vurderet sig selv", "en": "have rated themselves"},
    "charts.other_types": {"da": "Øvrige typer", "en": "Other types"},
    "charts.axis.date": {"da": "Dato", "en": "Date"},
    "charts.axis.partnerships": {"da": "Antal partnerskaber", "en": "Number of partnerships"},
}
