"""Texts of "Forbered organisationen!": staff roles and teams, competences, and single-person dependencies."""

TEXTS = {
    "nav.organisation": {"da": "Organisation", "en": "Organisation"},
    # Roles (lib.db.STAFF_ROLES)
    "organisation.role.network_lead": {"da": "Netværksansvarlig", "en": "Network lead"},
    "organisation.role.partnership_owner": {"da": "Partnerskabsansvarlig", "en": "Partnership owner"},
    "organisation.role.staff": {"da": "Medarbejder", "en": "Staff"},
    # Competence groups and items (lib.library.staff.COMPETENCE_GROUPS)
    "organisation.group.network_lead": {"da": "Netværksansvarlig", "en": "Network lead"},
    "organisation.group.partnership_owner": {"da": "Partnerskabsansvarlig", "en": "Partnership owner"},
    "organisation.group.all_staff": {"da": "Alle medarbejdere", "en": "All staff"},
    "organisation.item.communication": {"da": "Kommunikation", "en": "Communication"},
    "organisation.item.big_picture": {"da": "Overblik", "en": "The big picture"},
    "organisation.item.coordination": {"da": "Koordinering", "en": "Coordination"},
    "organisation.item.leadership_backing": {"da": "Ledelsens opbakning", "en": "Backing from leadership"},
    "organisation.item.organisation_view": {"da": "Blik for hele huset", "en": "View across the organisation"},
    "organisation.item.resource_knowledge": {"da": "Kender ressourcerne", "en": "Knows the resources"},
    "organisation.item.internal_procedures": {"da": "Interne gange", "en": "Internal procedures"},
    "organisation.item.cross_professional": {"da": "Taler på tværs af fag", "en": "Talks across professions"},
    "organisation.item.knowledge_sharing": {"da": "Deler viden", "en": "Shares knowledge"},
    "organisation.item.openness": {"da": "Åben for samarbejde", "en": "Open to partnerships"},
    "organisation.item.celebration": {"da": "Fejrer nye partnerskaber", "en": "Celebrates new partnerships"},
    "organisation.item.strategy_relay": {"da": "Bringer strategien videre", "en": "Passes the strategy on"},
    "organisation.item.strengths_weaknesses": {
        "da": "Kender styrker og svagheder",
        "en": "Knows strengths and weaknesses",
    },
    "organisation.statement.communication": {
        "da": "Jeg formidler klart og lytter – også til folk uden for biblioteket.",
        "en": "I explain things clearly and listen, also to people outside the library.",
    },
    "organisation.statement.big_picture": {
        "da": "Jeg har overblik over bibliotekets samarbejder og ser, hvordan de hænger sammen.",
        "en": "I keep track of the library's collaborations and see how they fit together.",
    },
    "organisation.statement.coordination": {
        "da": "Jeg får aktiviteter og mennesker til at spille sammen på tværs af samarbejderne.",
        "en": "I make activities and people work together across the collaborations.",
    },
    "organisation.statement.leadership_backing": {
        "da": "Jeg har ledelsens mandat og opbakning til at indgå og prioritere samarbejder.",
        "en": "I have the mandate and backing of leadership to enter into and prioritise collaborations.",
    },
    "organisation.statement.organisation_view": {
        "da": "Jeg kender hele organisationen og ved, hvem der kan hvad.",
        "en": "I know the whole organisation and who can do what.",
    },
    "organisation.statement.resource_knowledge": {
        "da": "Jeg ved, hvilke lokaler, timer, kompetencer og midler biblioteket kan sætte i spil.",
        "en": "I know which rooms, hours, skills and money the library can bring to a collaboration.",
    },
    "organisation.statement.internal_procedures": {
        "da": "Jeg kender bibliotekets interne gange: aftaler, økonomi og godkendelser.",
        "en": "I know the library's internal routines: agreements, budgets and approvals.",
    },
    "organisation.statement.cross_professional": {
        "da": "Jeg taler let med folk fra andre fag og sektorer.",
        "en": "I talk easily with people from other professions and sectors.",
    },
    "organisation.statement.knowledge_sharing": {
        "da": "Jeg deler løbende det, vi lærer i samarbejdet, med mine kolleger.",
        "en": "I keep my colleagues informed about what we learn in the collaboration.",
    },
    "organisation.statement.openness": {
        "da": "Jeg er nysgerrig på samarbejder og tager godt imod nye partnere.",
        "en": "I am curious about collaborations and welcome new partners.",
    },
    "organisation.statement.celebration": {
        "da": "Jeg er med til at fejre og synliggøre nye partnerskaber.",
        "en": "I help celebrate new partnerships and make them visible.",
    },
    "organisation.statement.strategy_relay": {
        "da": "Jeg kan forklare bibliotekets strategi, og hvorfor vi samarbejder.",
        "en": "I can explain the library's strategy and why we collaborate.",
    },
    "organisation.statement.strengths_weaknesses": {
        "da": "Jeg kender bibliotekets styrker og svagheder som samarbejdspartner.",
        "en": "I know the library's strengths and weaknesses as a partner.",
    },
    # Dependency kinds (lib.library.staff.DEPENDENCY_KINDS)
    "organisation.kind.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "organisation.kind.organisation": {"da": "Organisation", "en": "Organisation"},
    "organisation.kind.contact": {"da": "Kontakt", "en": "Contact"},
    # Checks
    "organisation.not_staff": {
        "da": "Personen (nr. {id}) er ikke registreret som medarbejder.",
        "en": "The person (no. {id}) is not registered as staff.",
    },
    "organisation.unknown_role": {
        "da": "»{value}« er ikke en rolle, {name} kan have. Vælg netværksansvarlig, partnerskabsansvarlig "
        "eller medarbejder.",
        "en": '"{value}" is not a role {name} can have. Choose network lead, partnership owner or staff.',
    },
    "organisation.unknown_item": {
        "da": "»{item}« er ikke en af kompetencerne i selvvurderingen.",
        "en": '"{item}" is not one of the competences of the self-assessment.',
    },
    "organisation.score_range": {
        "da": "En vurdering skal være et helt tal fra 1 til 5 (ikke »{value}«).",
        "en": 'A rating must be a whole number from 1 to 5 (not "{value}").',
    },
    "organisation.scores_required": {
        "da": "Vurdér mindst én kompetence, før du gemmer.",
        "en": "Rate at least one competence before saving.",
    },
    "organisation.date_required": {
        "da": "Angiv datoen for selvvurderingen.",
        "en": "Enter the date of the self-assessment.",
    },
    "organisation.date_in_future": {
        "da": "Datoen {date} ligger i fremtiden. En selvvurdering gælder i dag eller tidligere.",
        "en": "The date {date} lies in the future. A self-assessment is for today or earlier.",
    },
    "organisation.date_taken": {
        "da": "Der findes allerede en selvvurdering den {date} for denne medarbejder.",
        "en": "This staff member already has a self-assessment on {date}.",
    },
    "organisation.needs_too_long": {
        "da": "Udviklingsbehovene må højst fylde {max} tegn.",
        "en": "The development needs may be at most {max} {max:character|characters} long.",
    },
    "organisation.no_such_assessment": {
        "da": "Selvvurderingen (nr. {id}) findes ikke.",
        "en": "The self-assessment (no. {id}) does not exist.",
    },
    # The page
    "organisation.title": {"da": "Forbered organisationen", "en": "Prepare the organisation"},
    "organisation.intro": {
        "da": "Hvem gør hvad i partnerskabsarbejdet, hvilke kompetencer har vi – og hvad hænger på én person?",
        "en": "Who does what in partnership work, which competences do we have – and what hangs on one person?",
    },
    "organisation.tab.staff": {"da": "Medarbejdere", "en": "Staff"},
    "organisation.tab.assessment": {"da": "Selvvurdering", "en": "Self-assessment"},
    "organisation.tab.teams": {"da": "Teams", "en": "Teams"},
    "organisation.tab.dependencies": {"da": "Relationer og sårbarhed", "en": "Relations and risk"},
    "organisation.empty": {
        "da": "Der er endnu ingen medarbejdere. Markér personer som medarbejdere under »{contacts}« "
        "eller importér en medarbejderliste under »{import_page}«.",
        "en": 'There are no staff yet. Mark people as staff under "{contacts}" or import a staff list '
        'under "{import_page}".',
    },
    # Staff table
    "organisation.staff.heading": {"da": "Roller og teams", "en": "Roles and teams"},
    "organisation.staff.help": {
        "da": "Ret rolle og team direkte i tabellen, og tryk på »Gem roller og teams«. Intet gemmes før.",
        "en": 'Change role and team right in the table, then press "Save roles and teams". Nothing is stored before.',
    },
    "organisation.staff.save": {"da": "Gem roller og teams", "en": "Save roles and teams"},
    "organisation.staff.saved": {
        "da": "Gemt: {count} {count:medarbejder|medarbejdere} ændret.",
        "en": "Saved: {count} {count:staff member|staff members} changed.",
    },
    "organisation.staff.nothing_changed": {
        "da": "Intet at gemme – tabellen er som før.",
        "en": "Nothing to save – the table is unchanged.",
    },
    "organisation.staff.role_counts": {
        "da": "{network_lead} {network_lead:netværksansvarlig|netværksansvarlige} · {partnership_owner} "
        "{partnership_owner:partnerskabsansvarlig|partnerskabsansvarlige} · "
        "{staff} {staff:medarbejder|medarbejdere} · {none} uden rolle",
        "en": "{network_lead} {network_lead:network lead|network leads} · {partnership_owner} "
        "{partnership_owner:partnership owner|partnership owners} · {staff} {staff:staff member|staff members} · "
        "{none} without a role",
    },
    "organisation.staff.no_lead": {
        "da": "Ingen har rollen som netværksansvarlig. Nogen bør holde overblikket over alle partnerskaber.",
        "en": "Nobody has the network lead role. Someone should keep the overview of all partnerships.",
    },
    "organisation.col.name": {"da": "Navn", "en": "Name"},
    "organisation.col.title": {"da": "Stilling", "en": "Job title"},
    "organisation.col.role": {"da": "Rolle", "en": "Role"},
    "organisation.col.team": {"da": "Team", "en": "Team"},
    "organisation.col.assessed_on": {"da": "Seneste selvvurdering", "en": "Latest self-assessment"},
    "organisation.col.partnerships": {"da": "Ejer partnerskaber", "en": "Owns partnerships"},
    "organisation.col.date": {"da": "Dato", "en": "Date"},
    "organisation.col.needs": {"da": "Udviklingsbehov", "en": "Development needs"},
    "organisation.col.party": {"da": "Relation til", "en": "Tie with"},
    "organisation.col.party_kind": {"da": "Hvem", "en": "Who"},
    "organisation.col.works_at": {"da": "Arbejder hos", "en": "Works at"},
    "organisation.col.relation_kind": {"da": "Slags", "en": "Kind"},
    "organisation.col.strength": {"da": "Styrke", "en": "Strength"},
    "organisation.col.last_contact": {"da": "Seneste kontakt", "en": "Last contact"},
    "organisation.col.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "organisation.col.stage": {"da": "Fase", "en": "Stage"},
    "organisation.col.partners": {"da": "Partnere", "en": "Partners"},
    "organisation.col.single": {"da": "Hænger på én person", "en": "Hangs on one person"},
    "organisation.col.person": {"da": "Medarbejder", "en": "Staff member"},
    "organisation.col.kind": {"da": "Hvad", "en": "What"},
    "organisation.col.label": {"da": "Navn", "en": "Name"},
    "organisation.col.detail": {"da": "Detaljer", "en": "Details"},
    "organisation.col.mean": {"da": "Gennemsnit: {group}", "en": "Mean: {group}"},
    "organisation.no_team": {"da": "(uden team)", "en": "(no team)"},
    "organisation.party.staff": {"da": "Kollega", "en": "Colleague"},
    "organisation.party.contact": {"da": "Kontakt", "en": "Contact"},
    "organisation.party.organisation": {"da": "Organisation", "en": "Organisation"},
    "organisation.party.tie": {"da": "Holder båndet for biblioteket", "en": "Holds the tie for the library"},
    "organisation.ended": {"da": "Afsluttet", "en": "Ended"},
    # Self-assessment
    "organisation.assessment.pick": {"da": "Medarbejder", "en": "Staff member"},
    "organisation.assessment.heading": {"da": "Ny selvvurdering for {name}", "en": "New self-assessment for {name}"},
    "organisation.assessment.help": {
        "da": "1 = passer slet ikke på mig · 5 = passer helt. Spring over, hvad der ikke er relevant for dig. "
        "Svarene fra seneste selvvurdering er sat ind, så du kun skal rette det, der har ændret sig.",
        "en": "1 = not like me at all · 5 = very much like me. Skip what is not relevant to you. The answers "
        "of the latest self-assessment are filled in, so you only change what has changed.",
    },
    "organisation.assessment.date": {"da": "Dato", "en": "Date"},
    "organisation.assessment.needs": {"da": "Udviklingsbehov", "en": "Development needs"},
    "organisation.assessment.needs_help": {
        "da": "Hvad vil du gerne blive bedre til – og hvad skal der til?",
        "en": "What would you like to get better at – and what would it take?",
    },
    "organisation.assessment.save": {"da": "Gem selvvurdering", "en": "Save self-assessment"},
    "organisation.assessment.created": {
        "da": "Selvvurderingen for {name} den {date} er gemt.",
        "en": "The self-assessment of {name} on {date} was saved.",
    },
    "organisation.assessment.replaced": {
        "da": "Selvvurderingen for {name} den {date} er opdateret (samme dag som en tidligere).",
        "en": "The self-assessment of {name} on {date} was updated (same day as an earlier one).",
    },
    "organisation.history.heading": {"da": "Tidligere selvvurderinger", "en": "Earlier self-assessments"},
    "organisation.history.none": {
        "da": "{name} har ikke lavet en selvvurdering endnu.",
        "en": "{name} has no self-assessment yet.",
    },
    "organisation.history.chart_title": {
        "da": "Gennemsnit pr. kompetenceområde over tid",
        "en": "Mean per competence area over time",
    },
    "organisation.history.delete": {
        "da": "Slet en selvvurdering, der er lavet ved en fejl",
        "en": "Delete a self-assessment made by mistake",
    },
    "organisation.history.entry": {"da": "{date}: gennemsnit {mean}", "en": "{date}: mean {mean}"},
    "organisation.score_axis": {"da": "Gennemsnit (1–5)", "en": "Mean (1–5)"},
    # Teams
    "organisation.heatmap.heading": {"da": "Kompetencer pr. team", "en": "Competences by team"},
    "organisation.heatmap.title": {
        "da": "Gennemsnit af seneste selvvurdering (1–5)",
        "en": "Mean of the latest self-assessment (1–5)",
    },
    "organisation.heatmap.help": {
        "da": "Hver celle er gennemsnittet af teamets seneste selvvurderinger. Tomme celler: ingen i teamet "
        "har vurderet kompetencen endnu – det er ikke det samme som 0.",
        "en": "Each cell is the mean of the team's latest self-assessments. Empty cells: nobody in the team "
        "has rated the competence yet – which is not the same as 0.",
    },
    "organisation.heatmap.assessed": {
        "da": "{team}: {assessed} af {members} har lavet en selvvurdering",
        "en": "{team}: {assessed} of {members} have done a self-assessment",
    },
    "organisation.heatmap.none": {
        "da": "Ingen har lavet en selvvurdering endnu. Start under fanen »{tab}«.",
        "en": 'Nobody has done a self-assessment yet. Start in the "{tab}" tab.',
    },
    "organisation.heatmap.hover_people": {"da": "personer i teamet", "en": "people in the team"},
    "organisation.needs.heading": {"da": "Udviklingsbehov", "en": "Development needs"},
    "organisation.needs.help": {
        "da": "Fra hver medarbejders seneste selvvurdering.",
        "en": "From each staff member's latest self-assessment.",
    },
    "organisation.needs.none": {
        "da": "Ingen har skrevet udviklingsbehov i deres seneste selvvurdering.",
        "en": "Nobody wrote development needs in their latest self-assessment.",
    },
    # Relations and dependencies
    "organisation.person.pick": {"da": "Vælg en medarbejder", "en": "Choose a staff member"},
    "organisation.person.relations": {
        "da": "Relationer, som {name} har eller står for ({count})",
        "en": "Ties {name} has or looks after ({count})",
    },
    "organisation.person.no_relations": {
        "da": "Ingen relationer er registreret for denne medarbejder.",
        "en": "No ties are recorded for this staff member.",
    },
    "organisation.person.partnerships": {
        "da": "Partnerskaber, som {name} er ansvarlig for ({count})",
        "en": "Partnerships {name} owns ({count})",
    },
    "organisation.person.no_partnerships": {
        "da": "Medarbejderen er ikke ansvarlig for nogen partnerskaber.",
        "en": "This staff member owns no partnerships.",
    },
    "organisation.person.lost_heading": {
        "da": "Hvad går tabt, hvis {name} stopper?",
        "en": "What would be lost if {name} left?",
    },
    "organisation.person.lost_nothing": {
        "da": "Intet hænger alene på {name}: andre kolleger har bånd til de samme partnere og kontakter.",
        "en": "Nothing hangs on {name} alone: colleagues have ties with the same partners and contacts.",
    },
    "organisation.person.lost_partnerships": {
        "da": "{count} {count:partnerskab|partnerskaber}, hvor ingen anden kollega har bånd til partneren",
        "en": "{count} {count:partnership|partnerships} where no other colleague has a tie with the partner",
    },
    "organisation.person.lost_organisations": {
        "da": "{count} {count:organisation|organisationer}, som kun kendes gennem {name}",
        "en": "{count} {count:organisation|organisations} known only through {name}",
    },
    "organisation.person.lost_contacts": {
        "da": "{count} {count:kontakt|kontakter}, som kun {name} har en relation til",
        "en": "{count} {count:contact|contacts} only {name} has a tie with",
    },
    "organisation.person.lost_advice": {
        "da": "Introducér en kollega til partnerne og kontakterne, så de ikke forsvinder med én person.",
        "en": "Introduce a colleague to these partners and contacts, so they do not leave with one person.",
    },
    "organisation.library.heading": {
        "da": "Hele biblioteket: det, der hænger på én person",
        "en": "The whole library: what hangs on one person",
    },
    "organisation.library.rule": {
        "da": "Et partnerskab hænger på den ansvarlige medarbejder, når ingen anden medarbejder har bånd til partnerorganisationen "
        "selv (en relation, en tilknytning, et andet partnerskab eller en logget kontakt). En organisation "
        "eller kontakt hænger på én person, når kun den medarbejder har nogen forbindelse til den.",
        "en": "A partnership hangs on its owner when no other staff member has a tie with the partner "
        "organisation itself (a relation, an affiliation, another partnership or a logged contact). An "
        "organisation or contact hangs on one person when only that staff member is connected to it at all.",
    },
    "organisation.library.kinds": {"da": "Vis", "en": "Show"},
    "organisation.library.summary": {
        "da": "{partnership} {partnership:partnerskab|partnerskaber} · {organisation} "
        "{organisation:organisation|organisationer} · {contact} {contact:kontakt|kontakter}",
        "en": "{partnership} {partnership:partnership|partnerships} · {organisation} "
        "{organisation:organisation|organisations} · {contact} {contact:contact|contacts}",
    },
    "organisation.library.none": {
        "da": "Intet hænger på én person – godt forankret!",
        "en": "Nothing hangs on one person – well anchored!",
    },
}
