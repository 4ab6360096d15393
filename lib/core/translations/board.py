"""Words of the board pack (lib/reporting/boardpack), its page "Bestyrelse" (pages/board.py) and ``python -m lib report``."""

TEXTS = {
    "nav.board": {"da": "Bestyrelse", "en": "Board"},
    # Sections
    "board.section.title": {"da": "Forside", "en": "Front page"},
    "board.section.key_figures": {"da": "Nøgletal", "en": "Key figures"},
    "board.section.goals": {
        "da": "Hvor vi er på vej hen: målopfyldelse over tid",
        "en": "Where we are going: goal fulfilment over time",
    },
    "board.section.portfolio": {
        "da": "Med hvem: partnerskaber og idéer på vej",
        "en": "With whom: partnerships and pipeline",
    },
    "board.section.network": {"da": "Netværket på organisationsniveau", "en": "The network at organisation level"},
    "board.section.evaluations": {"da": "Hvad kom der ud af det: evalueringer", "en": "What came of it: evaluations"},
    "board.section.radar": {
        "da": "Tjeklisten: selvvurdering og hvad data viser",
        "en": "The checklist: self-assessment and what the data shows",
    },
    "board.section.risks": {"da": "Risici og næste skridt", "en": "Risks and next steps"},
    # Sheet names of the Excel appendix (at most 31 characters)
    "board.sheet.title": {"da": "Forside", "en": "Front page"},
    "board.sheet.key_figures": {"da": "Nøgletal", "en": "Key figures"},
    "board.sheet.goals": {"da": "Mål", "en": "Goals"},
    "board.sheet.portfolio": {"da": "Partnerskaber", "en": "Partnerships"},
    "board.sheet.network": {"da": "Netværk", "en": "Network"},
    "board.sheet.evaluations": {"da": "Evalueringer", "en": "Evaluations"},
    "board.sheet.radar": {"da": "Tjekliste", "en": "Checklist"},
    "board.sheet.risks": {"da": "Risici", "en": "Risks"},
    "board.next_steps_title": {"da": "Næste skridt", "en": "Next steps"},
    # Title
    "board.title.heading": {"da": "Partnerskaber – status til bestyrelsen", "en": "Partnerships – report to the board"},
    "board.title.subtitle": {
        "da": "{library} · {period} · udarbejdet {made}",
        "en": "{library} · {period} · prepared {made}",
    },
    "board.library_default": {"da": "Biblioteket", "en": "The library"},
    "board.period.both": {"da": "Perioden {start} – {end}", "en": "The period {start} – {end}"},
    "board.period.from": {"da": "Perioden {start} – {end}", "en": "The period {start} – {end}"},
    "board.period.to": {"da": "Alle data til og med {end}", "en": "All data up to {end}"},
    "board.period.all": {"da": "Alle data til og med {end}", "en": "All data up to {end}"},
    "board.meta.library": {"da": "Bibliotek", "en": "Library"},
    "board.meta.period": {"da": "Periode", "en": "Period"},
    "board.meta.from": {"da": "Fra", "en": "From"},
    "board.meta.to": {"da": "Til", "en": "To"},
    "board.meta.as_of": {"da": "Status opgjort pr.", "en": "Status as of"},
    "board.meta.made": {"da": "Udarbejdet", "en": "Prepared"},
    "board.meta.pseudonymised": {"da": "Pseudonymiseret", "en": "Pseudonymised"},
    # Sources (speaker notes)
    "board.source.common": {
        "da": "Kilde: Partnerskabsradar. {period}; status opgjort pr. {as_of}; udarbejdet {made}.",
        "en": "Source: Partnerskabsradar. {period}; status as of {as_of}; prepared {made}.",
    },
    "board.source.title": {
        "da": "Personer vises kun ved deres rolle, og grupper under fem personer vises som »< 5«. Tallene bag "
        "alle diagrammer står i Excel-bilaget.",
        "en": "People appear only by their role, and groups of fewer than five people are shown as \u201c< 5\u201d. "
        "The numbers behind every chart are in the Excel appendix.",
    },
    "board.source.key_figures": {
        "da": "Hvert nøgletal tælles på statusdagen efter én definition, den samme som på dashboardets sider; "
        "definitionen står i bilagets kolonne »Definition«.",
        "en": "Each key figure is counted on the status day by one definition, the same as on the dashboard's "
        "pages; the definition is in the appendix's column \u201cDefinition\u201d.",
    },
    "board.source.goals": {
        "da": "Målopfyldelse = (målt værdi − udgangspunkt) / (målværdi − udgangspunkt) × 100. Status sammenligner "
        "med den forventede fremdrift på måledagen.",
        "en": "Fulfilment = (measured value − baseline) / (target − baseline) × 100. The status compares it with "
        "the progress expected on the day of measurement.",
    },
    "board.source.portfolio": {
        "da": "Partnerskaber, der ikke sluttede før perioden og ikke begyndte efter den. Fasen er den aktuelle. "
        "Ansvarlige vises ved deres rolle.",
        "en": "Partnerships that did not end before the period and did not begin after it. The stage is the "
        "current one. Owners are shown by their role.",
    },
    "board.source.network": {
        "da": "Netværket på organisationsniveau: personer er lagt sammen med deres organisationer. Bånd til "
        "biblioteket tæller relationer fra medarbejdere og partnerskaber.",
        "en": "The network at organisation level: people are folded into their organisations. Ties with the "
        "library count relations held by staff and partnerships.",
    },
    "board.source.evaluations": {
        "da": "Evalueringsrunder holdt i perioden, begge parters svar (1–5). 4,0 og derover er en styrke, 3,0–3,9 "
        "værd at drøfte, under 3,0 en bekymring. Forskel: største afstand mellem bibliotekets og "
        "partnerens gennemsnit i en dimension.",
        "en": "Evaluation rounds held in the period, both partners' answers (1–5). 4.0 and above is a strength, "
        "3.0–3.9 worth discussing, below 3.0 a concern. Gap: the largest distance between the library's "
        "and the partner's mean in one dimension.",
    },
    "board.source.radar": {
        "da": "Den seneste selvvurdering på statusdagen ved siden af det, data viser (1 + 4 × andel, samme skala 1–5).",
        "en": "The latest self-assessment on the status day against evidence from the data (1 + 4 × share, "
        "the same 1–5 scale).",
    },
    "board.source.risks": {
        "da": "Opmærksomhedspunkter på statusdagen, mål i fare eller bagud, og partnerskaber som kun én medarbejder "
        "kender.",
        "en": "Alerts on the status day, goals at risk or off track, and partnerships known to only one staff member.",
    },
    # Roles
    "board.role.network_lead": {"da": "Netværksansvarlig", "en": "Network lead"},
    "board.role.partnership_owner": {"da": "Partnerskabsansvarlig", "en": "Partnership owner"},
    "board.role.staff": {"da": "Medarbejder", "en": "Staff member"},
    "board.role.unknown": {"da": "Tidligere medarbejder", "en": "Former staff member"},
    "board.team.none": {"da": "Uden team", "en": "No team"},
    "board.team.other": {"da": "Øvrige", "en": "Other"},
    "board.orgtype.unknown": {"da": "Uden type", "en": "No type"},
    "board.quarter": {"da": "K{quarter} {year}", "en": "Q{quarter} {year}"},
    # Columns
    "board.col.field": {"da": "Felt", "en": "Field"},
    "board.col.value": {"da": "Værdi", "en": "Value"},
    "board.col.figure": {"da": "Nøgletal", "en": "Key figure"},
    "board.col.team": {"da": "Team", "en": "Team"},
    "board.col.staff": {"da": "Medarbejdere", "en": "Staff"},
    "board.col.date": {"da": "Dato", "en": "Date"},
    "board.col.goal": {"da": "Mål", "en": "Goal"},
    "board.col.theme": {"da": "Tema", "en": "Theme"},
    "board.col.status": {"da": "Status", "en": "Status"},
    "board.col.fulfilment": {"da": "Målopfyldelse %", "en": "Fulfilment %"},
    "board.col.expected": {"da": "Forventet %", "en": "Expected %"},
    "board.col.latest_on": {"da": "Seneste måling", "en": "Last measured"},
    "board.col.target_date": {"da": "Måldato", "en": "Target date"},
    "board.col.partnerships": {"da": "Partnerskaber", "en": "Partnerships"},
    "board.col.stage": {"da": "Fase", "en": "Stage"},
    "board.col.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "board.col.organisations": {"da": "Organisationer", "en": "Organisations"},
    "board.col.depth": {"da": "Dybde", "en": "Depth"},
    "board.col.formalisation": {"da": "Formalisering", "en": "Formalisation"},
    "board.col.written": {"da": "Skriftlig aftale", "en": "Written agreement"},
    "board.col.start": {"da": "Start", "en": "Start"},
    "board.col.end": {"da": "Slut", "en": "End"},
    "board.col.owner": {"da": "Ansvarlig (rolle)", "en": "Owner (role)"},
    "board.col.org_type": {"da": "Organisationstype", "en": "Organisation type"},
    "board.col.organisations_count": {"da": "Organisationer", "en": "Organisations"},
    "board.col.ties": {"da": "Bånd til biblioteket", "en": "Ties with the library"},
    "board.col.partners": {"da": "Partnere", "en": "Partners"},
    "board.col.with_contacts": {"da": "Med kontakter", "en": "With contacts"},
    "board.col.organisation": {"da": "Organisation", "en": "Organisation"},
    "board.col.sector": {"da": "Sektor", "en": "Sector"},
    "board.col.last_contact": {"da": "Seneste kontakt", "en": "Last contact"},
    "board.col.quarter": {"da": "Kvartal", "en": "Quarter"},
    "board.col.rounds": {"da": "Runder", "en": "Rounds"},
    "board.col.responses": {"da": "Besvarelser", "en": "Responses"},
    "board.col.held_on": {"da": "Holdt den", "en": "Held on"},
    "board.col.mean": {"da": "Gennemsnit (1–5)", "en": "Mean (1–5)"},
    "board.col.band": {"da": "Vurdering", "en": "Reading"},
    "board.col.gap": {"da": "Forskel bibliotek/partner", "en": "Gap library/partner"},
    "board.col.heading": {"da": "Overskrift", "en": "Heading"},
    "board.col.self": {"da": "Selvvurdering", "en": "Self-assessment"},
    "board.col.evidence": {"da": "Evidens", "en": "Evidence"},
    "board.col.evidence_share": {"da": "Evidens %", "en": "Evidence %"},
    "board.col.risk": {"da": "Opmærksomhedspunkt", "en": "Point of attention"},
    "board.col.count": {"da": "Antal", "en": "Number"},
    "board.col.severity": {"da": "Hastegrad", "en": "Urgency"},
    "board.col.holder": {"da": "Hænger på", "en": "Depends on"},
    # Tables
    "board.table.meta": {"da": "Om rapporten", "en": "About this report"},
    "board.table.key_figures": {"da": "Nøgletal", "en": "Key figures"},
    "board.table.teams": {"da": "Medarbejdere pr. team", "en": "Staff per team"},
    "board.table.goals_series": {"da": "Målopfyldelse pr. måling (%)", "en": "Fulfilment per measurement (%)"},
    "board.table.goals_status": {"da": "Målenes status", "en": "Where each goal stands"},
    "board.table.pipeline": {"da": "Partnerskaber pr. fase", "en": "Partnerships per stage"},
    "board.table.partnerships": {"da": "Partnerskaberne", "en": "The partnerships"},
    "board.table.network_types": {"da": "Organisationer pr. type", "en": "Organisations per type"},
    "board.table.network_partners": {"da": "Partnerorganisationer", "en": "Partner organisations"},
    "board.table.evaluations_over_time": {"da": "Gennemsnit pr. kvartal", "en": "Means per quarter"},
    "board.table.evaluations_latest": {
        "da": "Seneste evaluering pr. partnerskab",
        "en": "Latest evaluation per partnership",
    },
    "board.table.radar": {"da": "Selvvurdering og evidens", "en": "Self-assessment and evidence"},
    "board.table.risks": {"da": "Opmærksomhedspunkter", "en": "Points of attention"},
    "board.table.alerts": {"da": "Partnerskaber, der kræver opmærksomhed", "en": "Partnerships that need attention"},
    "board.table.goals_behind": {"da": "Mål i fare eller bagud", "en": "Goals at risk or off track"},
    "board.table.single_person": {
        "da": "Partnerskaber, der hænger på én person",
        "en": "Partnerships that hang on one person",
    },
    # Charts
    "board.chart.goals": {"da": "Målopfyldelse over tid", "en": "Goal fulfilment over time"},
    "board.chart.pipeline": {"da": "Partnerskaber pr. fase", "en": "Partnerships per stage"},
    "board.chart.network_types": {
        "da": "Organisationer, bånd og partnerskaber pr. type",
        "en": "Organisations, ties and partnerships per type",
    },
    "board.chart.network_picture": {
        "da": "Biblioteket og organisationerne omkring det",
        "en": "The library and the organisations around it",
    },
    "board.chart.evaluations_over_time": {
        "da": "Evalueringer: gennemsnit pr. kvartal",
        "en": "Evaluations: means per quarter",
    },
    "board.chart.evaluations_latest": {
        "da": "Seneste evaluering pr. partnerskab",
        "en": "Latest evaluation per partnership",
    },
    "board.chart.radar": {"da": "Selvvurdering og hvad data viser", "en": "Self-assessment and what the data shows"},
    "board.chart.risks": {"da": "Opmærksomhedspunkter", "en": "Points of attention"},
    # Key figures
    "board.kf.bullet.goals": {
        "da": "{on_track} af {total} mål er på rette spor.",
        "en": "{on_track} of {total} {total:goal is|goals are} on track.",
    },
    "board.kf.bullet.partnerships": {
        "da": "{under_way} {under_way:partnerskab|partnerskaber} er i gang; {started} er startet i perioden.",
        "en": "{under_way} {under_way:partnership is|partnerships are} under way; {started} started in the period.",
    },
    "board.kf.bullet.evaluations": {
        "da": "Partnerne og biblioteket giver samarbejdet {mean} ud af 5 i gennemsnit.",
        "en": "The partners and the library rate the collaboration {mean} out of 5 on average.",
    },
    "board.kf.bullet.people": {
        "da": "Medarbejdere: {staff}. Kontaktpersoner i netværket: {contacts}.",
        "en": "Staff: {staff}. Contact persons in the network: {contacts}.",
    },
    # Goals
    "board.goals.none": {"da": "Der er ingen mål registreret endnu.", "en": "No goals have been recorded yet."},
    "board.goals.counts": {
        "da": "{total} mål: {on_track} på rette spor, {at_risk} i fare, {off_track} bagud, {no_data} uden målinger.",
        "en": "{total} {total:goal|goals}: {on_track} on track, {at_risk} at risk, {off_track} off track, {no_data} without "
        "measurements.",
    },
    "board.goals.best": {
        "da": "Længst fremme: »{title}« ({value} %).",
        "en": "Furthest ahead: \u201c{title}\u201d ({value}%).",
    },
    "board.goals.behind": {"da": "Bagud: {titles}.", "en": "Off track: {titles}."},
    "board.goals.uncovered": {
        "da": "{count} mål har intet partnerskab i gang: {titles}.",
        "en": "{count} {count:goal has|goals have} no partnership under way: {titles}.",
    },
    "board.goals.stale": {
        "da": "{count} mål er ikke målt i over {days} {days:dag|dage}.",
        "en": "{count} {count:goal has|goals have} not been measured for more than {days} {days:day|days}.",
    },
    # Portfolio
    "board.portfolio.none": {
        "da": "Der er ingen partnerskaber i perioden.",
        "en": "There are no partnerships in the period.",
    },
    "board.portfolio.under_way": {
        "da": "{count} {count:partnerskab|partnerskaber} i gang og {ideas} {ideas:idé|idéer} på vej.",
        "en": "{count} {count:partnership|partnerships} under way and {ideas} {ideas:idea|ideas} in the pipeline.",
    },
    "board.portfolio.started_ended": {
        "da": "{started} startet og {ended} afsluttet i perioden.",
        "en": "{started} started and {ended} ended in the period.",
    },
    "board.portfolio.written": {
        "da": "{written} af {active} {active:aktivt partnerskab|aktive partnerskaber} har en skriftlig aftale.",
        "en": "{written} of {active} active {active:partnership|partnerships} {written:has|have} a written agreement.",
    },
    "board.portfolio.deep": {
        "da": "{deep} af {count} {count:partnerskab|partnerskaber} i gang deler ressourcer eller skaber sammen.",
        "en": "{deep} of {count} {count:partnership|partnerships} under way {deep:shares|share} resources or co-create{deep:s|}.",
    },
    # Network
    "board.network.none": {
        "da": "Der er ingen organisationer i netværket endnu.",
        "en": "There are no organisations in the network yet.",
    },
    "board.network.counts": {
        "da": "{organisations} {organisations:organisation|organisationer} i netværket: {partners} {partners:partner|partnere}, og hos {contacts} flere har "
        "biblioteket kontakter.",
        "en": "{organisations} {organisations:organisation|organisations} in the network: {partners} {partners:partner|partners}, and the library has contacts at "
        "{contacts} more.",
    },
    "board.network.most_ties": {
        "da": "Flest bånd til biblioteket: {org_type} ({ties} bånd).",
        "en": "Most ties with the library: {org_type} ({ties} {ties:tie|ties}).",
    },
    "board.network.types": {
        "da": "Partnere inden for {count} af {total} {total:organisationstype|organisationstyper}.",
        "en": "Partners in {count} of {total} {total:organisation type|organisation types}.",
    },
    "board.network.untouched": {
        "da": "{count} {count:organisation|organisationer} har ingen kontakt med biblioteket endnu.",
        "en": "{count} {count:organisation has|organisations have} no contact with the library yet.",
    },
    "board.network.by_relation": {"da": "Partner (relation)", "en": "Partner (relation)"},
    # Evaluations
    "board.evaluations.none": {
        "da": "Der er ingen evalueringer i perioden.",
        "en": "There are no evaluations in the period.",
    },
    "board.evaluations.counts": {
        "da": "{rounds} {rounds:evalueringsrunde|evalueringsrunder} i {partnerships} {partnerships:partnerskab|partnerskaber} med {responses} {responses:besvarelse|besvarelser}.",
        "en": "{rounds} {rounds:evaluation round|evaluation rounds} in {partnerships} {partnerships:partnership|partnerships} with {responses} {responses:response|responses}.",
    },
    "board.evaluations.mean": {
        "da": "Gennemsnit af alle svar: {mean} af 5 (1 er helt uenig, 5 helt enig).",
        "en": "Mean of all answers: {mean} of 5 (1 is strongly disagree, 5 strongly agree).",
    },
    "board.evaluations.strongest": {
        "da": "Stærkest: {strongest} ({strong}). Svagest: {weakest} ({weak}).",
        "en": "Strongest: {strongest} ({strong}). Weakest: {weakest} ({weak}).",
    },
    "board.evaluations.gaps": {
        "da": "I {count} {count:partnerskab|partnerskaber} ser biblioteket og partneren forskelligt på tingene (1 point eller mere).",
        "en": "In {count} {count:partnership|partnerships} the library and the partner see things differently (1 point or more).",
    },
    "board.evaluations.concern": {
        "da": "{count} {count:partnerskab|partnerskaber} ligger under 3,0 i seneste runde.",
        "en": "{count} {count:partnership is|partnerships are} below 3.0 in their latest round.",
    },
    # Radar
    "board.radar.no_self": {
        "da": "Biblioteket har endnu ikke lavet en selvvurdering; kun evidensen vises.",
        "en": "The library has not made a self-assessment yet; only the evidence is shown.",
    },
    "board.radar.means": {
        "da": "Selvvurdering {date}: {own} i gennemsnit; data viser {shown}.",
        "en": "Self-assessment {date}: {own} on average; the data show {shown}.",
    },
    "board.radar.higher": {
        "da": "Vi vurderer os højere, end data viser: {headings}",
        "en": "We rate ourselves higher than the data show: {headings}",
    },
    "board.radar.lower": {
        "da": "Data viser mere, end vi giver os selv: {headings}",
        "en": "The data show more than we give ourselves: {headings}",
    },
    "board.radar.agree": {
        "da": "Selvvurdering og data stemmer overens under alle overskrifter.",
        "en": "Self-assessment and data agree under every heading.",
    },
    "board.radar.no_evidence": {
        "da": "Ingen data at vurdere ud fra: {headings}",
        "en": "No data to judge by: {headings}",
    },
    # Risks
    "board.risk.review_overdue": {"da": "Opfølgning på aftale overskredet", "en": "Agreement review overdue"},
    "board.risk.end_passed": {"da": "Slutdato passeret", "en": "End date passed"},
    "board.risk.no_written_agreement": {"da": "Ingen skriftlig aftale", "en": "No written agreement"},
    "board.risk.contact_overdue": {"da": "Kontakt over tid", "en": "Contact overdue"},
    "board.risk.review_soon": {"da": "Opfølgning snart", "en": "Review soon"},
    "board.risk.ending_soon": {"da": "Slutter snart", "en": "Ending soon"},
    "board.risk.goal_at_risk": {"da": "Mål i fare", "en": "Goal at risk"},
    "board.risk.goal_off_track": {"da": "Mål bagud", "en": "Goal off track"},
    "board.risk.goal_stale": {"da": "Mål ikke målt længe", "en": "Goal not measured for long"},
    "board.risk.single_person": {"da": "Hænger på én person", "en": "Hangs on one person"},
    "board.risks.alerts": {
        "da": "{count} {count:opmærksomhedspunkt|opmærksomhedspunkter} i partnerskaberne, heraf {high} vigtige.",
        "en": "{count} {count:point of attention|points of attention} in the partnerships, {high} of them important.",
    },
    "board.risks.goals": {
        "da": "{count} mål i fare eller bagud: {titles}.",
        "en": "{count} {count:goal|goals} at risk or off track: {titles}.",
    },
    "board.risks.single_person": {
        "da": "{count} {count:partnerskab|partnerskaber} kendes kun af én medarbejder.",
        "en": "{count} {count:partnership is|partnerships are} known to only one staff member.",
    },
    "board.risks.none": {"da": "Ingen risici lige nu.", "en": "No risks right now."},
    "board.next.review": {
        "da": "Følg op på {count} {count:samarbejdsaftale|samarbejdsaftaler}, der er eller snart bliver forfaldne.",
        "en": "Review {count} {count:collaboration agreement|collaboration agreements} that are or will soon be due.",
    },
    "board.next.agreements": {
        "da": "Skriv aftaler for {count} {count:partnerskab|partnerskaber}, der kører uden skriftlig aftale.",
        "en": "Write agreements for {count} {count:partnership|partnerships} running without a written one.",
    },
    "board.next.endings": {
        "da": "Beslut forlængelse eller afslutning for {count} {count:partnerskab|partnerskaber}.",
        "en": "Decide to extend or end {count} {count:partnership|partnerships}.",
    },
    "board.next.contact": {
        "da": "Tag kontakt til partneren i {count} {count:partnerskab|partnerskaber}, hvor kontakten er over tid.",
        "en": "Contact the partner in {count} {count:partnership|partnerships} where contact is overdue.",
    },
    "board.next.goals": {
        "da": "Drøft indsatsen for {count} mål i fare eller bagud.",
        "en": "Discuss what to do about {count} {count:goal|goals} at risk or off track.",
    },
    "board.next.measure": {
        "da": "Tag en ny måling af {count} mål, der ikke er målt længe.",
        "en": "Measure {count} {count:goal|goals} that have not been measured for long.",
    },
    "board.next.second_person": {
        "da": "Sæt en kollega mere på {count} {count:partnerskab|partnerskaber}, der hænger på én person.",
        "en": "Add a second colleague to {count} {count:partnership|partnerships} that hang on one person.",
    },
    "board.next.none": {"da": "Hold kursen: ingen akutte skridt.", "en": "Stay the course: no urgent steps."},
    # Errors
    "board.error.unknown_section": {
        "da": "Ukendt afsnit: {section}. Mulige afsnit: {sections}.",
        "en": "Unknown section: {section}. Possible sections: {sections}.",
    },
    "board.error.no_sections": {"da": "Vælg mindst ét afsnit.", "en": "Choose at least one section."},
    "board.error.period_order": {
        "da": "Periodens slutdato ligger før startdatoen.",
        "en": "The period's end date is before its start date.",
    },
    "board.error.language": {
        "da": "Ukendt sprog: {lang}. Mulige sprog: {languages}.",
        "en": "Unknown language: {lang}. Possible languages: {languages}.",
    },
    "board.error.format": {
        "da": "Ukendt format: {fmt}. Mulige formater: {formats}.",
        "en": "Unknown format: {fmt}. Possible formats: {formats}.",
    },
    "board.error.bad_date": {
        "da": "»{value}« er ikke en dato (skriv dd-mm-åååå eller åååå-mm-dd).",
        "en": "\u201c{value}\u201d is not a date (write dd-mm-yyyy or yyyy-mm-dd).",
    },
    "board.error.cannot_write": {"da": "Kan ikke skrive filen {out}.", "en": "Cannot write the file {out}."},
    # Renderers
    "board.image_unavailable": {
        "da": "Billedet kan ikke tegnes på denne server (ingen browser til diagrammer). Tallene står i tabellen.",
        "en": "The picture cannot be drawn on this server (no browser for charts). The numbers are in the table.",
    },
    "board.more_rows": {
        "da": "… og {count} {count:række|rækker} mere i Excel-bilaget.",
        "en": "… and {count} {count:more row|more rows} in the Excel appendix.",
    },
    "board.page_of": {"da": "Side {page} af {pages}", "en": "Page {page} of {pages}"},
    "board.slide_of": {"da": "Dias {slide} af {slides}", "en": "Slide {slide} of {slides}"},
    "board.notes.appendix": {
        "da": "Tallene bag diagrammet: fanen »{sheet}« i Excel-bilaget.",
        "en": "The numbers behind the chart: the sheet \u201c{sheet}\u201d of the Excel appendix.",
    },
    # Command line
    "board.cli.done": {
        "da": "Rapporten er gemt i {out} ({sections} afsnit).",
        "en": "The report was saved to {out} ({sections} {sections:section|sections}).",
    },
    # Page
    "board.page.title": {"da": "Bestyrelsesrapport", "en": "Board report"},
    "board.page.intro": {
        "da": "Ti minutter med klare billeder til bibliotekschef og udvalg: hvor vi er på vej hen, med hvem, hvad "
        "der kom ud af det, og hvad der er i fare. Personer vises kun ved deres rolle.",
        "en": "Ten minutes of clear pictures for the head of libraries and the committee: where we are going, with "
        "whom, what came of it and what is at risk. People appear only by their role.",
    },
    "board.page.from": {"da": "Fra", "en": "From"},
    "board.page.to": {"da": "Til", "en": "To"},
    "board.page.sections": {"da": "Afsnit", "en": "Sections"},
    "board.page.previous": {"da": "Forrige", "en": "Previous"},
    "board.page.next": {"da": "Næste", "en": "Next"},
    "board.page.numbers": {"da": "Tallene bag", "en": "The numbers behind"},
    "board.page.downloads": {"da": "Hent rapporten", "en": "Download the report"},
    "board.page.downloads_help": {
        "da": "Filen laves, når du klikker. PowerPoint-diagrammerne kan redigeres; Excel-bilaget har tallene bag.",
        "en": "The file is made when you click. The PowerPoint charts can be edited; the Excel appendix holds the "
        "numbers behind them.",
    },
    "board.page.pptx": {"da": "PowerPoint", "en": "PowerPoint"},
    "board.page.pdf": {"da": "PDF", "en": "PDF"},
    "board.page.xlsx": {"da": "Excel-bilag", "en": "Excel appendix"},
    "board.page.no_sections": {
        "da": "Vælg mindst ét afsnit for at se rapporten.",
        "en": "Choose at least one section to see the report.",
    },
    "board.page.file_name": {"da": "bestyrelsesrapport", "en": "board-report"},
}
