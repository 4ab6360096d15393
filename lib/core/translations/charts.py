"""Words inside charts: hover texts and units (lib.core.charts and the chart builders)."""

TEXTS = {
    "charts.hover.mean": {"da": "Gennemsnit", "en": "Mean"},
    "charts.unit.scale": {"da": "af 5", "en": "of 5"},
    "charts.hover.respondents": {"da": "Besvarelser", "en": "Responses"},
    "charts.unit.partnerships": {"da": "partnerskaber", "en": "partnerships"},
    "charts.unit.offers": {"da": "tilbud", "en": "offers"},
    "charts.other_types": {"da": "Øvrige typer", "en": "Other types"},
    "charts.axis.date": {"da": "Dato", "en": "Date"},
}
