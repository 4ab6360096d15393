"""Charts in words (lib.core.chart_text, components.charts): the summary under a chart and its table."""

TEXTS = {
    "chart.numbers": {"da": "Se tallene som tabel", "en": "Show the numbers as a table"},
    "chart.capped": {
        "da": "Tabellen viser de første {shown} af {total} {total:række|rækker}.",
        "en": "The table shows the first {shown} of {total} {total:row|rows}.",
    },
    "chart_text.empty": {"da": "Diagrammet har ingen data endnu.", "en": "The chart has no data yet."},
    "chart_text.col.series": {"da": "Serie", "en": "Series"},
    "chart_text.col.label": {"da": "Navn", "en": "Name"},
    "chart_text.col.x": {"da": "X", "en": "X"},
    "chart_text.col.y": {"da": "Y", "en": "Y"},
    "chart_text.col.row": {"da": "Række", "en": "Row"},
    "chart_text.col.column": {"da": "Kolonne", "en": "Column"},
    "chart_text.col.theta": {"da": "Dimension", "en": "Dimension"},
    "chart_text.col.value": {"da": "Værdi", "en": "Value"},
    "chart_text.line.rose": {
        "da": "{series} steg fra {first} til {last} ({start} – {end})",
        "en": "{series} rose from {first} to {last} ({start} – {end})",
    },
    "chart_text.line.fell": {
        "da": "{series} faldt fra {first} til {last} ({start} – {end})",
        "en": "{series} fell from {first} to {last} ({start} – {end})",
    },
    "chart_text.line.flat": {
        "da": "{series} var uændret på {value} ({start} – {end})",
        "en": "{series} stayed at {value} ({start} – {end})",
    },
    "chart_text.line.single": {
        "da": "{series} var {value} ({start})",
        "en": "{series} was {value} ({start})",
    },
    "chart_text.line.more": {
        "da": "og {count} {count:serie|serier} mere",
        "en": "and {count} more {count:series|series}",
    },
    "chart_text.bars": {
        "da": "Højest: {high} ({high_value}). Lavest: {low} ({low_value}).",
        "en": "Highest: {high} ({high_value}). Lowest: {low} ({low_value}).",
    },
    "chart_text.points": {
        "da": "Diagrammet viser {count} {count:punkt|punkter}; højest er {names} ({value}).",
        "en": "The chart shows {count} {count:point|points}; the highest is {names} ({value}).",
    },
    "chart_text.polar": {
        "da": "{series}: højest på {high} ({high_value}), lavest på {low} ({low_value})",
        "en": "{series}: highest on {high} ({high_value}), lowest on {low} ({low_value})",
    },
    "chart_text.heatmap": {
        "da": "Højeste felt: {row} / {column} ({value}).",
        "en": "Highest cell: {row} / {column} ({value}).",
    },
    "chart_title.network": {"da": "Netværket", "en": "The network"},
    "chart_title.ego": {"da": "Netværket omkring {name}", "en": "The network around {name}"},
    "chart_title.rings": {
        "da": "Biblioteket og organisationerne omkring det",
        "en": "The library and the organisations around it",
    },
    "chart_title.radar": {"da": "Selvvurdering og hvad data viser", "en": "Self-assessment and what the data shows"},
}
