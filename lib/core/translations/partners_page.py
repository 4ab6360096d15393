"""Texts of the page "Partnere" (pages/partners.py, components/partners_views.py).

Criteria, groups, decisions and field names come from ``lib/core/translations/partners.py``; only the
page's own words are here.
"""

TEXTS = {
    "nav.partners": {"da": "Partnere", "en": "Partners"},
    "partners_page.title": {"da": "Vælg partnere med omhu", "en": "Choose partners with care"},
    "partners_page.intro": {
        "da": (
            "Vurdér alle mulige partnere på de samme kriterier. Ingen sorteres fra på forhånd: listen "
            "rangerer kandidaterne, den afviser ingen. Beslutningen træffer I selv."
        ),
        "en": (
            "Assess every possible partner on the same criteria. Nobody is left out in advance: the list "
            "ranks the candidates, it rejects no one. You make the decision yourselves."
        ),
    },
    "partners_page.empty": {
        "da": (
            "Der er endnu ingen organisationer at vurdere. Importér en kontaktliste på siden »{import_page}«, "
            "opret organisationer på siden »{contacts_page}«, eller indlæs færdige vurderinger under fanen "
            "»{import_tab}«."
        ),
        "en": (
            "There are no organisations to assess yet. Import a contact list on the page \u201c{import_page}\u201d, "
            "add organisations on the page \u201c{contacts_page}\u201d, or load finished assessments in the tab "
            "\u201c{import_tab}\u201d."
        ),
    },
    "partners_page.go_import": {"da": "Importér en kontaktliste", "en": "Import a contact list"},
    "partners_page.go_contacts": {"da": "Kontakter og organisationer", "en": "Contacts and organisations"},
    # Tabs
    "partners_page.tab.ranking": {"da": "Alle kandidater", "en": "All candidates"},
    "partners_page.tab.assess": {"da": "Vurdér og beslut", "en": "Assess and decide"},
    "partners_page.tab.stakeholders": {"da": "Indflydelse og interesse", "en": "Influence and interest"},
    "partners_page.tab.value_effort": {"da": "Værdi og indsats", "en": "Value and effort"},
    "partners_page.tab.import": {"da": "Indlæs fra Excel", "en": "Load from Excel"},
    # The ranked list
    "partners_page.ranking.summary": {
        "da": "{total} {total:organisation|organisationer}, heraf {assessed} vurderet og {declined} afvist. Alle står på listen.",
        "en": "{total} {total:organisation|organisations}, {assessed} of them assessed and {declined} declined. Everyone is listed.",
    },
    "partners_page.ranking.hint": {
        "da": "Vurdér en organisation eller træf en beslutning under fanen »{tab}«.",
        "en": "Assess an organisation or make a decision in the tab \u201c{tab}\u201d.",
    },
    "partners_page.ranking.empty": {
        "da": "Listen er tom, fordi der endnu ingen organisationer er.",
        "en": "The list is empty because there are no organisations yet.",
    },
    "partners_page.col.rank": {"da": "Nr.", "en": "Rank"},
    "partners_page.col.name": {"da": "Organisation", "en": "Organisation"},
    "partners_page.col.org_type": {"da": "Type", "en": "Type"},
    "partners_page.col.score": {"da": "Vurdering (1-5)", "en": "Score (1-5)"},
    "partners_page.col.completeness": {"da": "Besvaret", "en": "Answered"},
    "partners_page.col.goal_fit": {"da": "Passer til målene (0-3)", "en": "Fit with goals (0-3)"},
    "partners_page.col.quadrant": {"da": "Interessentgruppe", "en": "Stakeholder group"},
    "partners_page.col.value_effort": {"da": "Værdi for indsatsen", "en": "Value for effort"},
    "partners_page.col.decision": {"da": "Beslutning", "en": "Decision"},
    "partners_page.col.decided_on": {"da": "Besluttet den", "en": "Decided on"},
    "partners_page.col.assessed_on": {"da": "Vurderet den", "en": "Assessed on"},
    "partners_page.col.is_partner": {"da": "Partner nu", "en": "Partner now"},
    "partners_page.col.assessor": {"da": "Vurderet af", "en": "Assessed by"},
    # Assessing
    "partners_page.assess.pick": {"da": "Organisation", "en": "Organisation"},
    "partners_page.assess.pick_placeholder": {
        "da": "Vælg den organisation, der skal vurderes",
        "en": "Choose the organisation to assess",
    },
    "partners_page.assess.choose": {
        "da": "Vælg en organisation ovenfor for at vurdere den.",
        "en": "Choose an organisation above to assess it.",
    },
    "partners_page.assess.none_yet": {
        "da": "Der er ingen organisationer at vurdere endnu.",
        "en": "There are no organisations to assess yet.",
    },
    "partners_page.assess.which": {"da": "Vurdering", "en": "Assessment"},
    "partners_page.assess.new": {"da": "Ny vurdering", "en": "New assessment"},
    "partners_page.assess.existing": {"da": "Vurdering fra {date}", "en": "Assessment of {date}"},
    "partners_page.assess.latest": {"da": "Vurdering fra {date} (seneste)", "en": "Assessment of {date} (latest)"},
    "partners_page.assess.not_latest": {
        "da": "Ranglisten og diagrammerne bruger den seneste vurdering af organisationen, ikke denne.",
        "en": "The ranked list and the charts use the organisation's latest assessment, not this one.",
    },
    "partners_page.assess.criteria_heading": {"da": "Kriterier", "en": "Criteria"},
    "partners_page.assess.criteria_help": {
        "da": (
            "1 = svagt, 5 = stærkt. Vælg »Ved ikke«, når I ikke ved det: det tæller hverken for eller imod. "
            "Vægten siger, hvor meget et kriterium tæller: 1 er normalt, 2 dobbelt, 0 tæller ikke med."
        ),
        "en": (
            "1 = weak, 5 = strong. Choose \u201cDon't know\u201d when you do not know: it counts neither for nor "
            "against. The weight says how much a criterion counts: 1 is normal, 2 double, 0 leaves it out."
        ),
    },
    "partners_page.assess.weight": {"da": "Vægt", "en": "Weight"},
    "partners_page.assess.weight_help": {
        "da": "Hvor meget kriteriet tæller i den samlede vurdering. 0 = tæller ikke med.",
        "en": "How much the criterion counts in the overall score. 0 = left out.",
    },
    "partners_page.assess.live_score": {"da": "Samlet vurdering", "en": "Overall score"},
    "partners_page.assess.live_score_value": {"da": "{score} af 5", "en": "{score} of 5"},
    "partners_page.assess.live_none": {"da": "Ingen svar endnu", "en": "No answers yet"},
    "partners_page.assess.live_completeness_value": {
        "da": "{answered} af {total} {total:kriterium|kriterier}",
        "en": "{answered} of {total} {total:criterion|criteria}",
    },
    "partners_page.assess.live_help": {
        "da": "Regnes ud, mens du udfylder; intet er gemt, før du trykker »Gem vurderingen«.",
        "en": "Worked out as you fill in; nothing is saved until you press \u201cSave the assessment\u201d.",
    },
    "partners_page.assess.goals_heading": {"da": "Passer til bibliotekets mål", "en": "Fit with the library's goals"},
    "partners_page.assess.goals_help": {
        "da": "0 = slet ikke, 1 = lidt, 2 = tydeligt, 3 = helt centralt. Lad stå tomt, hvis I ikke ved det.",
        "en": "0 = not at all, 1 = a little, 2 = clearly, 3 = central. Leave empty if you do not know.",
    },
    "partners_page.assess.no_goals": {
        "da": "Der er endnu ingen mål at holde kandidaten op imod. Opret dem på siden »{goals_page}«.",
        "en": "There are no goals to hold the candidate against yet. Create them on the page \u201c{goals_page}\u201d.",
    },
    "partners_page.assess.position_heading": {"da": "Placering", "en": "Position"},
    "partners_page.assess.position_help": {
        "da": "1-5, eller tomt, hvis I ikke ved det. 3 og derover tæller som højt.",
        "en": "1-5, or empty if you do not know. 3 and above counts as high.",
    },
    "partners_page.help.influence": {
        "da": "Hvor meget kan organisationen påvirke det, biblioteket vil opnå?",
        "en": "How much can the organisation affect what the library wants to achieve?",
    },
    "partners_page.help.interest": {
        "da": "Hvor interesseret er organisationen i at arbejde sammen med biblioteket?",
        "en": "How interested is the organisation in working with the library?",
    },
    "partners_page.help.value": {
        "da": "Hvor meget vil et samarbejde give biblioteket og dets brugere?",
        "en": "How much would a collaboration give the library and its users?",
    },
    "partners_page.help.effort": {
        "da": "Hvor meget tid, arbejde og penge vil samarbejdet kræve af biblioteket?",
        "en": "How much time, work and money would the collaboration take from the library?",
    },
    "partners_page.assess.texts_heading": {"da": "Bidrag og risici", "en": "Contributions and risks"},
    "partners_page.assess.save": {"da": "Gem vurderingen", "en": "Save the assessment"},
    "partners_page.assess.created": {
        "da": "Vurderingen af »{name}« er gemt.",
        "en": "The assessment of \u201c{name}\u201d has been saved.",
    },
    "partners_page.assess.saved": {"da": "Ændringerne er gemt.", "en": "The changes have been saved."},
    "partners_page.assess.nothing_changed": {
        "da": "Intet at gemme: vurderingen er uændret.",
        "en": "Nothing to save: the assessment is unchanged.",
    },
    "partners_page.assess.gone": {
        "da": "Vurderingen findes ikke længere; måske har en kollega slettet den.",
        "en": "The assessment no longer exists; a colleague may have deleted it.",
    },
    # History and deleting
    "partners_page.history.heading": {
        "da": "Alle vurderinger af organisationen ({count})",
        "en": "All assessments of the organisation ({count})",
    },
    "partners_page.history.none": {
        "da": "Organisationen er ikke vurderet før.",
        "en": "The organisation has not been assessed before.",
    },
    "partners_page.delete.heading": {"da": "Slet denne vurdering", "en": "Delete this assessment"},
    "partners_page.delete.confirm": {
        "da": "Ja, slet vurderingen fra {date}",
        "en": "Yes, delete the assessment of {date}",
    },
    "partners_page.delete.button": {"da": "Slet vurderingen", "en": "Delete the assessment"},
    "partners_page.delete.needs_confirm": {
        "da": "Sæt flueben for at bekræfte, at vurderingen skal slettes.",
        "en": "Tick the box to confirm that the assessment should be deleted.",
    },
    "partners_page.delete.done": {
        "da": "Vurderingen fra {date} er slettet.",
        "en": "The assessment of {date} has been deleted.",
    },
    # Deciding
    "partners_page.decision.heading": {"da": "Beslutning", "en": "Decision"},
    "partners_page.decision.intro": {
        "da": "Vurderingen er et grundlag; beslutningen træffer I. Skriv datoen og hvem der besluttede.",
        "en": "The assessment informs; you make the decision. Record the date and who decided.",
    },
    "partners_page.decision.first": {
        "da": "Gem vurderingen først; derefter kan I registrere en beslutning.",
        "en": "Save the assessment first; then you can record a decision.",
    },
    "partners_page.decision.pick": {"da": "Beslutning", "en": "Decision"},
    "partners_page.decision.save": {"da": "Gem beslutningen", "en": "Save the decision"},
    "partners_page.decision.saved": {
        "da": "Beslutningen er gemt: {decision}.",
        "en": "The decision has been saved: {decision}.",
    },
    "partners_page.decision.withdrawn": {
        "da": "Beslutningen er trukket tilbage.",
        "en": "The decision has been withdrawn.",
    },
    "partners_page.decision.current": {
        "da": "Nuværende beslutning: {decision} ({date}).",
        "en": "Current decision: {decision} ({date}).",
    },
    "partners_page.decision.next_step": {
        "da": "Næste skridt: registrér partnerskabet med »{name}« på siden »{page}«, så det får en ansvarlig, "
        "en aftale og en plan for kontakt.",
        "en": "Next step: register the partnership with \u201c{name}\u201d on the page \u201c{page}\u201d, so it gets "
        "an owner, an agreement and a contact plan.",
    },
    "partners_page.decision.next_link": {"da": "Registrér partnerskabet", "en": "Register the partnership"},
    # Charts
    "partners_page.matrix.title": {"da": "Indflydelse og interesse", "en": "Influence and interest"},
    "partners_page.matrix.x": {"da": "Interesse (1-5)", "en": "Interest (1-5)"},
    "partners_page.matrix.y": {"da": "Indflydelse (1-5)", "en": "Influence (1-5)"},
    "partners_page.matrix.caption": {
        "da": (
            "{count} af {assessed} vurderede organisationer har både indflydelse og interesse. "
            "3 og derover tæller som højt. Prikker med samme placering er flyttet en smule fra hinanden."
        ),
        "en": (
            "{count} of {assessed} assessed organisations have both influence and interest. "
            "3 and above counts as high. Dots at the same place are moved slightly apart."
        ),
    },
    "partners_page.matrix.none": {
        "da": "Ingen vurderinger har både indflydelse og interesse endnu. Udfyld dem under fanen »{tab}«.",
        "en": "No assessment has both influence and interest yet. Fill them in in the tab \u201c{tab}\u201d.",
    },
    "partners_page.value_effort.title": {"da": "Værdi for indsatsen", "en": "Value for effort"},
    "partners_page.value_effort.x": {"da": "Indsats (1-5)", "en": "Effort (1-5)"},
    "partners_page.value_effort.y": {"da": "Værdi for os (1-5)", "en": "Value to us (1-5)"},
    "partners_page.value_effort.caption": {
        "da": (
            "{count} af {assessed} vurderede organisationer har både værdi og indsats. Boblens størrelse er "
            "organisationens rækkevidde i netværket: hvor stor en del af netværket den når inden for to skridt."
        ),
        "en": (
            "{count} of {assessed} assessed organisations have both value and effort. The size of a bubble is "
            "the organisation's reach in the network: the share of the network it reaches within two steps."
        ),
    },
    "partners_page.value_effort.none": {
        "da": "Ingen vurderinger har både værdi og indsats endnu. Udfyld dem under fanen »{tab}«.",
        "en": "No assessment has both value and effort yet. Fill them in in the tab \u201c{tab}\u201d.",
    },
    "partners_page.hover.reach": {"da": "Rækkevidde i netværket", "en": "Reach in the network"},
}
