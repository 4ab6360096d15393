"""Texts added after a newcomer's walk through the pages: the folded ties going cold on "Mine opgaver",
the calendar setting's name for the administrator, one-point chart summaries, the way-in score, the import
and the board pack."""

TEXTS: dict[str, dict[str, str]] = {
    "importpage.blank_rows": {
        "da": "{n} {n:tom række|tomme rækker} mellem kontakterne er talt med som sprunget over og står ikke på listen.",
        "en": "{n} {n:blank row|blank rows} between the contacts {n:is|are} counted as skipped and not listed.",
    },
    "tasks.cold_ties": {"da": "Hold kontakten varm ({n})", "en": "Keep in touch ({n})"},
    "calendar.no_public_address_admin": {
        "da": "Til den, der driver Partnerskabsradar: adressen sættes i PARTNERSKABSRADAR_CALENDAR_URL "
        "(docs/deployment.md).",
        "en": "For whoever runs Partnerskabsradar: the address is set in PARTNERSKABSRADAR_CALENDAR_URL "
        "(docs/deployment.md).",
    },
    "chart_text.polar.single": {
        "da": "{series}: kun data for {name} ({value})",
        "en": "{series}: data only for {name} ({value})",
    },
    "chart_text.polar.even": {
        "da": "{series}: {value} på alle {count} {count:punkt|punkter}",
        "en": "{series}: {value} on all {count} {count:point|points}",
    },
    "wayin.score_help": {
        "da": "Point (0–100) siger, hvor god vejen ind er: stærke relationer og nylig kontakt giver flere point, "
        "og hvert ekstra led trækker ned. 100 er én stærk relation med kontakt denne måned; under 25 er en svag "
        "eller gammel forbindelse.",
        "en": "The score (0–100) says how good the way in is: strong ties and recent contact give more points, "
        "and every extra step takes some off. 100 is one strong tie in touch this month; below 25 is a weak or "
        "old tie.",
    },
}
