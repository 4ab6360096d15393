"""Texts of the checklist radar (lib/reporting/checklist.py) and its page "Tjekliste" (pages/radar.py)."""

TEXTS = {
    "nav.radar": {"da": "Tjekliste", "en": "Checklist"},
    # --- the eight headings, named as in the checklist "Byg partnerskaber!" ---
    "radar.heading.professionalise": {"da": "Professionalisér!", "en": "Professionalise!"},
    "radar.heading.be_strategic": {"da": "Vær strategisk!", "en": "Be strategic!"},
    "radar.heading.nurture_network": {"da": "Plej netværket!", "en": "Nurture the network!"},
    "radar.heading.prepare_organisation": {"da": "Forbered organisationen!", "en": "Prepare the organisation!"},
    "radar.heading.focus_library": {"da": "Fokusér biblioteket!", "en": "Focus the library!"},
    "radar.heading.choose_partners": {"da": "Vælg partnere med omhu!", "en": "Choose partners with care!"},
    "radar.heading.show_who_you_are": {"da": "Vis, hvem du er!", "en": "Show who you are!"},
    "radar.heading.support_partnership": {"da": "Understøt partnerskabet!", "en": "Support the partnership!"},
    # --- a short help text per heading: our own wording ---
    "radar.help.professionalise": {
        "da": "Er vores samarbejder registreret med fase, ansvarlig, skriftlig aftale og dato for opfølgning?",
        "en": "Are our collaborations registered with a stage, an owner, a written agreement and a review date?",
    },
    "radar.help.be_strategic": {
        "da": "Har biblioteket mål, der kan måles, og ved vi, hvilke mål hvert partnerskab skal hjælpe med?",
        "en": "Does the library have measurable goals, and do we know which goals each partnership helps with?",
    },
    "radar.help.nurture_network": {
        "da": "Kender vi vores kontakter, holder vi de vigtige relationer ved lige, og ser vi nye muligheder?",
        "en": "Do we know our contacts, keep the important ties alive and spot new opportunities?",
    },
    "radar.help.prepare_organisation": {
        "da": "Har medarbejderne lyst og evner til at samarbejde udadtil, og deles relationerne på flere hænder?",
        "en": "Are staff willing and able to work with outside partners, and are ties shared by more than one person?",
    },
    "radar.help.focus_library": {
        "da": "Ved vi, hvor biblioteket skal hen, og bruger vi partnerskaberne til at komme derhen?",
        "en": "Do we know where the library is heading, and do we use partnerships to get there?",
    },
    "radar.help.choose_partners": {
        "da": "Vurderer vi mulige partnere ens og åbent, uden at udelukke nogen på forhånd?",
        "en": "Do we assess possible partners on the same criteria, openly, without ruling anyone out beforehand?",
    },
    "radar.help.show_who_you_are": {
        "da": "Kan vi fortælle kort og klart, hvad biblioteket kan tilbyde en partner, og er beskrivelsen ajour?",
        "en": "Can we say briefly and clearly what the library offers a partner, and is that description up to date?",
    },
    "radar.help.support_partnership": {
        "da": "Har partnerskaberne klare aftaler, løbende kontakt og en fast rytme for fælles evaluering?",
        "en": "Do partnerships have clear agreements, regular contact and a steady rhythm of joint evaluation?",
    },
    # --- evidence in words ---
    "radar.evidence.professionalise": {
        "da": "{numerator} af {denominator} {denominator:aktivt partnerskab|aktive partnerskaber} har en skriftlig aftale",
        "en": "{numerator} of {denominator} {denominator:active partnership has|active partnerships have} a written agreement",
    },
    "radar.evidence.professionalise.none": {
        "da": "Ingen aktive partnerskaber at måle på endnu",
        "en": "No active partnerships to measure yet",
    },
    "radar.evidence.be_strategic": {
        "da": "{numerator} af {denominator} {denominator:aktivt partnerskab|aktive partnerskaber} er knyttet til mindst ét mål",
        "en": "{numerator} of {denominator} {denominator:active partnership is|active partnerships are} linked to at least one goal",
    },
    "radar.evidence.be_strategic.none": {
        "da": "Ingen aktive partnerskaber at måle på endnu",
        "en": "No active partnerships to measure yet",
    },
    "radar.evidence.nurture_network": {
        "da": "{numerator} af {denominator} nøglerelationer (styrke 4-5) har haft kontakt inden for seks måneder",
        "en": "{numerator} of {denominator} key ties (strength 4-5) have had contact within six months",
    },
    "radar.evidence.nurture_network.none": {
        "da": "Ingen nøglerelationer (styrke 4-5) mellem medarbejdere og kontakter endnu",
        "en": "No key ties (strength 4-5) between staff and contacts yet",
    },
    "radar.evidence.prepare_organisation.staff": {
        "da": "{numerator} af {denominator} {denominator:medarbejder|medarbejdere} har vurderet deres kompetencer",
        "en": "{numerator} of {denominator} {denominator:staff member has|staff members have} assessed their competences",
    },
    "radar.evidence.prepare_organisation.partnerships": {
        "da": "{numerator} af {denominator} {denominator:aktivt partnerskab|aktive partnerskaber} hænger ikke på én person",
        "en": "{numerator} of {denominator} {denominator:active partnership does|active partnerships do} not hang on one person",
    },
    "radar.evidence.prepare_organisation.none": {
        "da": "Ingen medarbejdere eller aktive partnerskaber at måle på endnu",
        "en": "No staff or active partnerships to measure yet",
    },
    "radar.evidence.focus_library": {
        "da": "{numerator} af {denominator} mål er på rette spor",
        "en": "{numerator} of {denominator} {denominator:goal is|goals are} on track",
    },
    "radar.evidence.focus_library.none": {"da": "Ingen mål registreret endnu", "en": "No goals registered yet"},
    "radar.evidence.choose_partners": {
        "da": "{numerator} af {denominator} {denominator:aktivt partnerskab|aktive partnerskaber} har en vurderet partnerorganisation",
        "en": "{numerator} of {denominator} {denominator:active partnership has|active partnerships have} an assessed partner organisation",
    },
    "radar.evidence.choose_partners.none": {
        "da": "Ingen aktive partnerskaber at måle på endnu",
        "en": "No active partnerships to measure yet",
    },
    "radar.evidence.show_who_you_are": {
        "da": "{numerator} af {denominator} tilbud i styrkeprofilen er gennemgået inden for et år",
        "en": "{numerator} of {denominator} {denominator:offer|offers} in the strengths profile were checked within a year",
    },
    "radar.evidence.show_who_you_are.none": {
        "da": "Styrkeprofilen er tom: ingen tilbud beskrevet endnu",
        "en": "The strengths profile is empty: no offers described yet",
    },
    "radar.evidence.support_partnership": {
        "da": "{numerator} af {denominator} {denominator:aktivt partnerskab|aktive partnerskaber} er evalueret inden for et år",
        "en": "{numerator} of {denominator} {denominator:active partnership was|active partnerships were} evaluated within a year",
    },
    "radar.evidence.support_partnership.none": {
        "da": "Ingen aktive partnerskaber at måle på endnu",
        "en": "No active partnerships to measure yet",
    },
    # --- validation ---
    "radar.no_score": {
        "da": "Giv mindst ét af de otte punkter en vurdering fra 1 til 5. Intet er gemt.",
        "en": "Score at least one of the eight headings from 1 to 5. Nothing was saved.",
    },
    "radar.score_range": {
        "da": "Vurderingen af »{heading}« skal være et helt tal fra 1 til 5 (ikke {value}).",
        "en": 'The score of "{heading}" must be a whole number from 1 to 5 (not {value}).',
    },
    "radar.note_too_long": {
        "da": "Noten til »{heading}« er for lang (højst {limit} tegn).",
        "en": 'The note on "{heading}" is too long (at most {limit} {limit:character|characters}).',
    },
    "radar.date_required": {"da": "Vælg datoen for selvvurderingen.", "en": "Choose the date of the self-assessment."},
    "radar.date_future": {
        "da": "Datoen {date} ligger i fremtiden. En selvvurdering dateres i dag eller tidligere.",
        "en": "The date {date} lies in the future. A self-assessment is dated today or earlier.",
    },
    "radar.date_taken": {
        "da": "Der er allerede en selvvurdering dateret {date}. Slet den under »Udvikling«, eller vælg en anden dato.",
        "en": 'There already is a self-assessment dated {date}. Delete it under "Change over time", or choose '
        "another date.",
    },
    "radar.no_such_assessment": {
        "da": "Selvvurderingen findes ikke længere.",
        "en": "The self-assessment no longer exists.",
    },
    # --- charts ---
    "radar.chart.self": {"da": "Selvvurdering", "en": "Self-assessment"},
    "radar.chart.self_dated": {"da": "Selvvurdering {date}", "en": "Self-assessment {date}"},
    "radar.chart.evidence": {"da": "Data fra arbejdsområdet", "en": "Evidence from the data"},
    "radar.chart.no_value": {"da": "ingen værdi", "en": "no value"},
    "radar.history.chart_title": {"da": "Selvvurderingen over tid", "en": "The self-assessment over time"},
    "radar.history.score": {"da": "Vurdering (1-5)", "en": "Score (1-5)"},
    # --- the page ---
    "radar_page.title": {"da": "Tjekliste: Byg partnerskaber", "en": "Checklist: Build partnerships"},
    "radar_page.intro": {
        "da": "Tjeklisten har otte punkter. Vurdér jævnligt, hvor biblioteket står på hvert punkt (1-5), og "
        "sammenlign med det, data i arbejdsområdet viser. Data omregnes til samme skala: 1 + 4 × andelen.",
        "en": "The checklist has eight headings. Now and then, score where the library stands on each (1-5) and "
        "compare with what the data in the workspace shows. Data is put on the same scale: 1 + 4 × the share.",
    },
    "radar_page.tab.radar": {"da": "Radar", "en": "Radar"},
    "radar_page.tab.assess": {"da": "Ny selvvurdering", "en": "New self-assessment"},
    "radar_page.tab.history": {"da": "Udvikling", "en": "Change over time"},
    "radar_page.no_assessment": {
        "da": "Der er ingen selvvurdering endnu. Radaren viser kun data; udfyld fanen »Ny selvvurdering«.",
        "en": 'There is no self-assessment yet. The radar shows the data only; fill in the tab "New self-assessment".',
    },
    "radar_page.latest": {
        "da": "Seneste selvvurdering: {date}",
        "en": "Latest self-assessment: {date}",
    },
    "radar_page.latest_by": {
        "da": "Seneste selvvurdering: {date}, ved {name}",
        "en": "Latest self-assessment: {date}, by {name}",
    },
    "radar_page.evidence_heading": {"da": "Hvad data viser", "en": "What the data shows"},
    "radar_page.self_value": {"da": "Selvvurdering: {value}", "en": "Self-assessment: {value}"},
    "radar_page.evidence_value": {"da": "Data: {value}", "en": "Data: {value}"},
    "radar_page.no_value": {"da": "–", "en": "–"},
    "radar_page.gap": {
        "da": "Selvvurderingen ligger {gap} over det, data viser.",
        "en": "The self-assessment is {gap} above what the data shows.",
    },
    "radar_page.note": {"da": "Note: {note}", "en": "Note: {note}"},
    "radar_page.form.intro": {
        "da": "Vurdér hvert punkt fra 1 (slet ikke) til 5 (fuldt ud). Lad et punkt stå tomt, hvis I ikke vil "
        "vurdere det nu. Mindst ét punkt skal vurderes.",
        "en": "Score each heading from 1 (not at all) to 5 (fully). Leave a heading blank if you do not want to "
        "score it now. At least one heading must be scored.",
    },
    "radar_page.form.date": {"da": "Dato", "en": "Date"},
    "radar_page.form.assessor": {"da": "Udfyldt af", "en": "Filled in by"},
    "radar_page.form.score": {"da": "Vurdering", "en": "Score"},
    "radar_page.form.note": {"da": "Note (hvorfor, hvad mangler)", "en": "Note (why, what is missing)"},
    "radar_page.form.previous": {"da": "Sidst: {score} ({date})", "en": "Last time: {score} ({date})"},
    "radar_page.form.submit": {"da": "Gem selvvurdering", "en": "Save self-assessment"},
    "radar_page.form.saved": {
        "da": "Selvvurderingen dateret {date} er gemt.",
        "en": "The self-assessment dated {date} was saved.",
    },
    "radar_page.scale.0": {"da": "Ikke vurderet", "en": "Not scored"},
    "radar_page.scale.1": {"da": "1 – slet ikke", "en": "1 – not at all"},
    "radar_page.scale.2": {"da": "2 – i ringe grad", "en": "2 – a little"},
    "radar_page.scale.3": {"da": "3 – delvist", "en": "3 – partly"},
    "radar_page.scale.4": {"da": "4 – i høj grad", "en": "4 – largely"},
    "radar_page.scale.5": {"da": "5 – fuldt ud", "en": "5 – fully"},
    "radar_page.history.none": {
        "da": "Der er ingen selvvurderinger endnu.",
        "en": "There are no self-assessments yet.",
    },
    "radar_page.history.table": {"da": "Selvvurderinger", "en": "Self-assessments"},
    "radar_page.history.col.date": {"da": "Dato", "en": "Date"},
    "radar_page.history.col.assessor": {"da": "Udfyldt af", "en": "Filled in by"},
    "radar_page.history.col.mean": {"da": "Gennemsnit", "en": "Mean"},
    "radar_page.history.delete": {
        "da": "Slet en selvvurdering (vælg den på datoen)",
        "en": "Delete a self-assessment (choose it by date)",
    },
    "radar_page.history.one_point": {
        "da": "Med én selvvurdering er der ingen udvikling at vise endnu; linjerne kommer med den næste.",
        "en": "With one self-assessment there is no change to show yet; the lines appear with the next one.",
    },
}
