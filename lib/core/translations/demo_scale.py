"""Words of the demo library at a municipality's scale (``python -m lib demo --scale N``, issue 16)."""

TEXTS = {
    "demo.scale_too_small": {
        "da": "Et skaleret demo-bibliotek skal have mindst {minimum} {minimum:person|personer}. Intet er ændret.",
        "en": "A scaled demo library needs at least {minimum} {minimum:person|people}. Nothing was changed.",
    },
}
