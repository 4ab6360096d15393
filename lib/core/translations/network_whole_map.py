"""Texts of the whole network's map prepared in the background on a big workspace (issue 16)."""

TEXTS = {
    "netmap.preparing": {
        "da": "Netværkskortet beregnes … {percent}",
        "en": "The network map is being prepared … {percent}",
    },
    "netmap.stage.graph": {"da": "Netværket læses ind.", "en": "Reading the network."},
    "netmap.stage.organisations": {
        "da": "Organisationernes kort tegnes og måles.",
        "en": "Drawing and measuring the organisations' map.",
    },
    "netmap.stage.layout": {"da": "Hele netværkets kort tegnes.", "en": "Drawing the whole network's map."},
    "netmap.stage.metrics": {"da": "Hele netværkets nøgletal beregnes.", "en": "Measuring the whole network."},
    "netmap.big": {
        "da": "Netværket er stort ({nodes} {nodes:person eller organisation|personer og organisationer}), så siden viser organisationerne. "
        "Hele netværkets kort beregnes i baggrunden én gang og gemmes; det kan vælges, når det er klar.",
        "en": "The network is big ({nodes} {nodes:person or organisation|people and organisations}), so the page shows the organisations. "
        "The whole network's map is prepared once in the background and stored; you can choose it when it is ready.",
    },
    "netmap.wait": {
        "da": "Siden viser netværket, så snart det er læst ind. Du kan bruge resten af dashboardet imens.",
        "en": "The page shows the network as soon as it has been read. You can use the rest of the dashboard meanwhile.",
    },
    "netmap.refresh": {"da": "Opdater", "en": "Refresh"},
    "netmap.failed": {
        "da": "Hele netværkets kort kunne ikke beregnes: {error}",
        "en": "The whole network's map could not be prepared: {error}",
    },
}
