"""Texts of evaluations: the item bank, dimensions, reading bands, sides, health, survey import.

The statements are the product's own wording, written for both the library and the partner to
answer about the same partnership.
"""

TEXTS = {
    # Dimensions
    "evaluations.dimension.samarbejde": {"da": "Samarbejde", "en": "Working together"},
    "evaluations.dimension.samarbejde.help": {
        "da": "Hvordan vi arbejder sammen: tillid, roller og kommunikation.",
        "en": "How we work together: trust, roles and communication.",
    },
    "evaluations.dimension.fremdrift": {"da": "Fremdrift", "en": "Progress"},
    "evaluations.dimension.fremdrift.help": {
        "da": "Om vi kommer videre: plan, tempo og ressourcer.",
        "en": "Whether we move forward: plan, pace and resources.",
    },
    "evaluations.dimension.resultater": {"da": "Resultater", "en": "Results"},
    "evaluations.dimension.resultater.help": {
        "da": "Hvad samarbejdet fører til for begge parter og for borgerne.",
        "en": "What the collaboration achieves for both parties and for citizens.",
    },
    # Items: samarbejde
    "evaluations.item.sam1": {"da": "Vi har tillid til hinanden.", "en": "We trust each other."},
    "evaluations.item.sam2": {
        "da": "Begge parter ved, hvem der gør hvad.",
        "en": "Both parties know who does what.",
    },
    "evaluations.item.sam3": {
        "da": "Vi taler åbent sammen, også når noget går skævt.",
        "en": "We talk openly with each other, also when something goes wrong.",
    },
    "evaluations.item.sam4": {
        "da": "Hver part har en kontaktperson, som er let at få fat i.",
        "en": "Each party has a contact person who is easy to reach.",
    },
    "evaluations.item.sam5": {
        "da": "Samarbejdet foregår ikke kun på den ene parts præmisser.",
        "en": "The collaboration is not run on one party's terms only.",
    },
    # Items: fremdrift
    "evaluations.item.frem1": {"da": "Vi følger den plan, vi har aftalt.", "en": "We keep to the plan we agreed."},
    "evaluations.item.frem2": {
        "da": "Beslutninger bliver truffet i et passende tempo.",
        "en": "Decisions are made at a suitable pace.",
    },
    "evaluations.item.frem3": {
        "da": "Der er afsat tid og ressourcer nok til det, vi har aftalt.",
        "en": "Enough time and resources are set aside for what we agreed.",
    },
    "evaluations.item.frem4": {
        "da": "Vi tilpasser planen, når forudsætningerne ændrer sig.",
        "en": "We adjust the plan when circumstances change.",
    },
    # Items: resultater
    "evaluations.item.res1": {
        "da": "Partnerskabet når de mål, vi har sat os.",
        "en": "The partnership reaches the goals we set ourselves.",
    },
    "evaluations.item.res2": {
        "da": "Sammen når vi borgere, som ingen af os ville nå alene.",
        "en": "Together we reach people neither of us would reach alone.",
    },
    "evaluations.item.res3": {
        "da": "Min organisation får mere ud af samarbejdet, end det koster.",
        "en": "My organisation gets more out of the collaboration than it costs.",
    },
    "evaluations.item.res4": {
        "da": "Jeg vil anbefale, at vi fortsætter samarbejdet.",
        "en": "I would recommend that we continue the collaboration.",
    },
    "evaluations.scale": {
        "da": "1 = helt uenig, 2 = uenig, 3 = hverken enig eller uenig, 4 = enig, 5 = helt enig",
        "en": "1 = strongly disagree, 2 = disagree, 3 = neither agree nor disagree, 4 = agree, 5 = strongly agree",
    },
    # Bands
    "evaluations.band.strength": {"da": "Styrke", "en": "Strength"},
    "evaluations.band.discuss": {"da": "Tal om det", "en": "Worth discussing"},
    "evaluations.band.concern": {"da": "Bekymring", "en": "Concern"},
    "evaluations.band_rule": {
        "da": "Gennemsnit på 4,0 og derover er en styrke, 3,0-3,9 er værd at tale om, under 3,0 en bekymring.",
        "en": "A mean of 4.0 and above is a strength, 3.0-3.9 worth discussing, below 3.0 a concern.",
    },
    # Sides
    "evaluations.side.library": {"da": "Biblioteket", "en": "Library"},
    "evaluations.side.partner": {"da": "Partneren", "en": "Partner"},
    "evaluations.side.all": {"da": "Begge", "en": "Both"},
    "evaluations.gap": {"da": "Forskel (bibliotek - partner)", "en": "Gap (library - partner)"},
    "evaluations.gap_flagged": {
        "da": "I ser forskelligt på dette: forskellen er mindst 1 point.",
        "en": "You see this differently: the gap is 1 point or more.",
    },
    # Health
    "evaluations.health": {"da": "Sundhed", "en": "Health"},
    "evaluations.health.evaluation": {"da": "Seneste evaluering", "en": "Latest evaluation"},
    "evaluations.health.contact": {"da": "Kontaktrytme overholdt", "en": "Contact rhythm kept"},
    "evaluations.health.goals": {"da": "Fremdrift på mål", "en": "Progress on goals"},
    "evaluations.health_rule": {
        "da": (
            "Sundhed (0-100) vægter seneste evaluering 50 %, kontaktrytmen 25 % og fremdriften på de "
            "mål, partnerskabet arbejder for, 25 %. Dele, der ikke kan beregnes, udelades, og vægtene "
            "fordeles på resten."
        ),
        "en": (
            "Health (0-100) weighs the latest evaluation 50%, the contact rhythm 25% and the progress "
            "on the goals the partnership serves 25%. Parts that cannot be computed are left out and "
            "the weights shared among the rest."
        ),
    },
    # Fields (also the headers of the survey template)
    "evaluations.col.side": {"da": "Side", "en": "Side"},
    "evaluations.col.respondent": {"da": "Respondent", "en": "Respondent"},
    "evaluations.col.reflections": {"da": "Refleksioner", "en": "Reflections"},
    "evaluations.col.items": {
        "da": "udsagnene (fx »sam1« eller udsagnets tekst)",
        "en": 'the statements (e.g. "sam1" or the statement\'s text)',
    },
    "evaluations.sheet.responses": {"da": "Besvarelser", "en": "Responses"},
    "evaluations.guide.side": {
        "da": "»bibliotek« eller »partner«: hvem svaret er fra.",
        "en": '"bibliotek" (library) or "partner": who the answer is from.',
    },
    "evaluations.guide.respondent": {
        "da": "Et kaldenavn eller en rolle, fx »Bibliotek 1«. Navne er ikke nødvendige.",
        "en": 'A label or a role, e.g. "Library 1". Names are not needed.',
    },
    # Checks and import
    "evaluations.held_on_required": {
        "da": "Angiv, hvornår evalueringen fandt sted.",
        "en": "Enter when the evaluation took place.",
    },
    "evaluations.no_such_round": {
        "da": "Evalueringsrunden (nr. {id}) findes ikke for dette partnerskab.",
        "en": "The evaluation round (no. {id}) does not exist for this partnership.",
    },
    "evaluations.no_such_response": {
        "da": "Besvarelsen (nr. {id}) findes ikke.",
        "en": "The response (no. {id}) does not exist.",
    },
    "evaluations.score_invalid": {
        "da": "Svar med et helt tal fra {low} til {high}, eller lad feltet stå tomt.",
        "en": "Answer with a whole number from {low} to {high}, or leave the field empty.",
    },
    "evaluations.import.score_outside": {
        "da": "»{value}« er ikke et svar fra 1 til 5; netop dette svar er udeladt.",
        "en": '"{value}" is not an answer from 1 to 5; this one answer was left out.',
    },
    "evaluations.import.side_missing": {
        "da": "Rækken siger ikke, om svaret er fra biblioteket eller partneren; den er ikke importeret.",
        "en": "The row does not say whether the answer is from the library or the partner; it was not imported.",
    },
    "evaluations.import.no_answers": {
        "da": "Rækken har ingen gyldige svar på 1-5; den er ikke importeret.",
        "en": "The row has no valid answers from 1 to 5; it was not imported.",
    },
    "evaluations.import.response_exists": {
        "da": "Den samme besvarelse findes allerede i runden; rækken er sprunget over.",
        "en": "The same response is already in the round; the row was skipped.",
    },
}
