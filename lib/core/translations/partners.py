"""Texts of choosing partners: criteria, stakeholder and value/effort groups, decisions, import."""

TEXTS = {
    # Criteria (codes in lib.planning.candidates.CRITERIA)
    "partners.criterion.track_record": {"da": "Resultater hidtil", "en": "Track record"},
    "partners.criterion.track_record.help": {
        "da": "Har organisationen vist, at den kan gennemføre det, den sætter i gang?",
        "en": "Has the organisation shown that it carries through what it starts?",
    },
    "partners.criterion.standing": {"da": "Omdømme", "en": "Standing"},
    "partners.criterion.standing.help": {
        "da": "Hvordan ses organisationen i sin egen sektor og af andre?",
        "en": "How is the organisation seen in its own sector and by others?",
    },
    "partners.criterion.shared_contacts": {"da": "Kontakter, den vil dele", "en": "Contacts it will share"},
    "partners.criterion.shared_contacts.help": {
        "da": "Vil organisationen åbne sit netværk for biblioteket?",
        "en": "Will the organisation open its network to the library?",
    },
    "partners.criterion.resources": {"da": "Ressourcer og viden", "en": "Resources and knowledge"},
    "partners.criterion.resources.help": {
        "da": "Har den adgang til midler, lokaler, udstyr eller viden, som samarbejdet kan bruge?",
        "en": "Does it have access to money, rooms, equipment or knowledge the collaboration can use?",
    },
    "partners.criterion.complementary_skills": {
        "da": "Kompetencer, der supplerer bibliotekets",
        "en": "Skills that complement the library's",
    },
    "partners.criterion.complementary_skills.help": {
        "da": "Kan den noget, biblioteket ikke selv kan?",
        "en": "Can it do something the library cannot do itself?",
    },
    "partners.criterion.management": {"da": "God ledelse", "en": "Sound management"},
    "partners.criterion.management.help": {
        "da": "Er der en klar og stabil ledelse, der kan træffe beslutninger?",
        "en": "Is there clear, steady leadership that can make decisions?",
    },
    "partners.criterion.financial_stability": {"da": "Økonomisk stabilitet", "en": "Financial stability"},
    "partners.criterion.financial_stability.help": {
        "da": "Kan organisationen økonomisk holde til et samarbejde over tid?",
        "en": "Can the organisation afford to stay in a collaboration over time?",
    },
    "partners.criterion.stable_staff": {"da": "Stabil medarbejderstab", "en": "Stable staff"},
    "partners.criterion.stable_staff.help": {
        "da": "Er det de samme mennesker, man møder fra gang til gang?",
        "en": "Does one meet the same people from one time to the next?",
    },
    "partners.criterion.staying_power": {"da": "Vedholdenhed", "en": "Staying power"},
    "partners.criterion.staying_power.help": {
        "da": "Bliver den ved, også når det bliver svært eller trækker ud?",
        "en": "Does it keep going, also when things get hard or take long?",
    },
    "partners.criterion.target_group_reach": {
        "da": "Når bibliotekets målgrupper",
        "en": "Reaches the library's target groups",
    },
    "partners.criterion.target_group_reach.help": {
        "da": "Har den kontakt til de mennesker, biblioteket gerne vil nå?",
        "en": "Is it in touch with the people the library wants to reach?",
    },
    "partners.criterion.goal_fit": {
        "da": "Passer til bibliotekets mål og værdier",
        "en": "Fits the library's goals and values",
    },
    "partners.criterion.goal_fit.help": {
        "da": "Trækker samarbejdet i samme retning som bibliotekets strategi?",
        "en": "Does the collaboration pull in the same direction as the library's strategy?",
    },
    "partners.dont_know": {"da": "Ved ikke", "en": "Don't know"},
    # Scores and groups
    "partners.score": {"da": "Vurdering", "en": "Score"},
    "partners.completeness": {"da": "Besvaret", "en": "Answered"},
    "partners.not_assessed": {"da": "Ikke vurderet endnu", "en": "Not assessed yet"},
    "partners.score_rule": {
        "da": (
            "Gennemsnit af de besvarede kriterier, vægtet. »Ved ikke« tæller hverken for eller imod. "
            "Vurderingen er et grundlag for at vælge; ingen sorteres fra."
        ),
        "en": (
            'Weighted mean of the criteria answered. "Don\'t know" counts neither for nor against. '
            "The score informs the choice; nobody is ruled out."
        ),
    },
    "partners.quadrant.manage_closely": {"da": "Inddrag tæt", "en": "Manage closely"},
    "partners.quadrant.keep_satisfied": {"da": "Hold tilfreds", "en": "Keep satisfied"},
    "partners.quadrant.keep_informed": {"da": "Hold informeret", "en": "Keep informed"},
    "partners.quadrant.monitor": {"da": "Hold øje med", "en": "Monitor"},
    "partners.value_effort.quick_win": {"da": "Nem gevinst", "en": "Quick win"},
    "partners.value_effort.major_project": {"da": "Stor satsning", "en": "Major project"},
    "partners.value_effort.fill_in": {"da": "Lille opgave", "en": "Fill-in"},
    "partners.value_effort.questionable": {"da": "Tvivlsom", "en": "Questionable"},
    "partners.decision.decline": {"da": "Afvis", "en": "Decline"},
    "partners.decision.explore": {"da": "Undersøg videre", "en": "Keep exploring"},
    "partners.decision.go_ahead": {"da": "Gå videre", "en": "Go ahead"},
    "partners.decision.none": {"da": "Ingen beslutning endnu", "en": "No decision yet"},
    # Fields (also the headers of the assessment template)
    "partners.col.organisation": {"da": "Organisation", "en": "Organisation"},
    "partners.col.assessed_on": {"da": "Vurderet den", "en": "Assessed on"},
    "partners.col.assessor": {"da": "Vurderet af", "en": "Assessed by"},
    "partners.col.influence": {"da": "Indflydelse (1-5)", "en": "Influence (1-5)"},
    "partners.col.interest": {"da": "Interesse (1-5)", "en": "Interest (1-5)"},
    "partners.col.value": {"da": "Værdi for os (1-5)", "en": "Value to us (1-5)"},
    "partners.col.effort": {"da": "Indsats (1-5)", "en": "Effort (1-5)"},
    "partners.col.contribution_to_us": {"da": "Hvad de kan bidrage med", "en": "What they can bring"},
    "partners.col.contribution_from_us": {"da": "Hvad vi kan bidrage med", "en": "What we can bring"},
    "partners.col.risks": {"da": "Risici", "en": "Risks"},
    "partners.col.decision": {"da": "Beslutning", "en": "Decision"},
    "partners.col.decided_on": {"da": "Besluttet den", "en": "Decided on"},
    "partners.col.decided_by": {"da": "Besluttet af", "en": "Decided by"},
    "partners.sheet.assessments": {"da": "Vurderinger", "en": "Assessments"},
    # Checks
    "partners.organisation_required": {
        "da": "Vælg den organisation, der vurderes.",
        "en": "Choose the organisation being assessed.",
    },
    "partners.assessed_on_required": {"da": "Angiv datoen for vurderingen.", "en": "Enter the date of the assessment."},
    "partners.decided_on_required": {"da": "Angiv datoen for beslutningen.", "en": "Enter the date of the decision."},
    "partners.score_invalid": {
        "da": "Giv et helt tal fra {low} til {high}, eller lad feltet stå tomt.",
        "en": "Give a whole number from {low} to {high}, or leave the field empty.",
    },
    "partners.weight_invalid": {
        "da": "En vægt skal være et tal på 0 eller derover.",
        "en": "A weight must be a number of 0 or more.",
    },
    "partners.goal_fit_invalid": {
        "da": "Angiv, hvor godt partneren passer til målet, fra 0 (slet ikke) til 3 (helt centralt).",
        "en": "Rate how well the partner fits the goal, from 0 (not at all) to 3 (central).",
    },
    "partners.no_such_assessment": {
        "da": "Vurderingen (nr. {id}) findes ikke.",
        "en": "The assessment (no. {id}) does not exist.",
    },
    # Import
    "partners.import.organisation_created": {
        "da": "Organisationen »{name}« fandtes ikke og er oprettet.",
        "en": 'The organisation "{name}" did not exist and was created.',
    },
    "partners.import.assessment_exists": {
        "da": "Den samme vurdering af »{name}« er allerede gemt; rækken er sprunget over.",
        "en": 'The same assessment of "{name}" is already stored; the row was skipped.',
    },
}
