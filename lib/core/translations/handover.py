"""Texts of the handover ("Overdragelse", issue 17, item 5): the Organisation page's tab, the command
``python -m lib handover`` and the event log's words for it."""

TEXTS: dict[str, dict[str, str]] = {
    # --- refusals -------------------------------------------------------------------------------------
    "handover.same_person": {
        "da": "En medarbejder kan ikke overdrage til sig selv. Vælg en anden kollega.",
        "en": "A staff member cannot hand over to themselves. Choose another colleague.",
    },
    "handover.unknown_person": {
        "da": "Medarbejderen findes ikke (længere) i arbejdsområdet.",
        "en": "The staff member is not (or no longer) in the workspace.",
    },
    "handover.unknown_email": {
        "da": "Ingen person i arbejdsområdet har e-mailen «{value}».",
        "en": "Nobody in the workspace has the e-mail “{value}”.",
    },
    "handover.from_not_staff": {
        "da": "{name} står ikke på medarbejderlisten, så der er intet at overdrage fra.",
        "en": "{name} is not on the staff list, so there is nothing to hand over from.",
    },
    "handover.to_not_staff": {
        "da": "{name} står ikke på medarbejderlisten og kan ikke overtage. Vælg en medarbejder.",
        "en": "{name} is not on the staff list and cannot take over. Choose a staff member.",
    },
    "handover.not_their_partnership": {
        "da": "Partnerskabet er ikke den fratrædende medarbejders, så det kan ikke overdrages herfra.",
        "en": "The partnership is not the leaving colleague's, so it cannot be handed over from here.",
    },
    "handover.nothing": {
        "da": "{name} har ingen forbindelser, partnerskaber, mål eller tilbud at overdrage.",
        "en": "{name} holds no ties, partnerships, goals or offers to hand over.",
    },
    "handover.undo_unknown": {
        "da": "Overdragelsen kan ikke findes, så den kan ikke fortrydes.",
        "en": "The handover cannot be found, so it cannot be undone.",
    },
    "handover.undo_done": {
        "da": "Overdragelsen er allerede fortrudt.",
        "en": "The handover has already been undone.",
    },
    "handover.undo_changed": {
        "da": "Overdragelsen kan ikke fortrydes, fordi forbindelserne, partnerskaberne eller målene er ændret "
        "siden. En fortrydelse ville slette de ændringer.",
        "en": "The handover cannot be undone because the ties, partnerships or goals have been changed since. "
        "Undoing it would throw those changes away.",
    },
    # --- the tab on the Organisation page ---------------------------------------------------------------
    "organisation.tab.handover": {"da": "Overdragelse", "en": "Handover"},
    "handover.heading": {"da": "Overdrag en kollegas opgaver", "en": "Hand over a colleague's work"},
    "handover.help": {
        "da": "Når en kollega stopper eller skifter job, flytter du her på én gang forbindelser, partnerskaber, "
        "mål, tilbud og dermed opgaver og kontaktrytme til en eller flere kolleger. Du ser først, hvad der "
        "flyttes, og kan fortryde bagefter.",
        "en": "When a colleague leaves or changes job, move their ties, partnerships, goals and offers, and with "
        "them their tasks and contact rhythm, to one or more colleagues in one step. You see what moves first, "
        "and you can undo it afterwards.",
    },
    "handover.need_two": {
        "da": "Der skal være mindst to medarbejdere på medarbejderlisten for at overdrage.",
        "en": "There must be at least two people on the staff list to hand over.",
    },
    "handover.from": {"da": "Kollega, der stopper eller skifter job", "en": "Colleague who leaves or changes job"},
    "handover.to": {"da": "Overdrag til", "en": "Hand over to"},
    "handover.to_rest": {
        "da": "Overdrag resten til (det, der ikke følger et partnerskab)",
        "en": "Hand over the rest to (whatever does not go with a partnership)",
    },
    "handover.mode": {"da": "Hvordan", "en": "How"},
    "handover.mode.all": {"da": "Alt til én kollega", "en": "Everything to one colleague"},
    "handover.mode.per_partnership": {"da": "Vælg pr. partnerskab", "en": "Choose per partnership"},
    "handover.per_partnership": {"da": "Hvem overtager hvert partnerskab?", "en": "Who takes over each partnership?"},
    "handover.end_staff": {
        "da": "Tag kollegaen af medarbejderlisten (fratrådt)",
        "en": "Take the colleague off the staff list (left)",
    },
    "handover.preview": {"da": "Det flyttes", "en": "What moves"},
    "handover.summary": {
        "da": "{ties} {ties:forbindelse|forbindelser} ({merged} lagt sammen med en eksisterende), "
        "{partnerships} {partnerships:partnerskab|partnerskaber}, {goals} {goals:mål|mål}, "
        "{offers} {offers:tilbud|tilbud} og {tasks} {tasks:opgave|opgaver} denne måned.",
        "en": "{ties} {ties:tie|ties} ({merged} merged with an existing one), "
        "{partnerships} {partnerships:partnership|partnerships}, {goals} {goals:goal|goals}, "
        "{offers} {offers:offer|offers} and {tasks} {tasks:task|tasks} this month.",
    },
    "handover.colleague_ties": {
        "da": "{n} {n:forbindelse|forbindelser} til kolleger bliver, hvor {n:den|de} er.",
        "en": "{n} {n:tie|ties} with colleagues stay where they are.",
    },
    "handover.nothing_to_move": {
        "da": "{name} har ingen forbindelser, partnerskaber, mål eller tilbud at overdrage.",
        "en": "{name} holds no ties, partnerships, goals or offers to hand over.",
    },
    "handover.section.ties": {"da": "Forbindelser", "en": "Ties"},
    "handover.section.partnerships": {"da": "Partnerskaber", "en": "Partnerships"},
    "handover.section.goals": {"da": "Mål", "en": "Goals"},
    "handover.section.offers": {"da": "Tilbud i styrkeprofilen", "en": "Offers in the strengths profile"},
    "handover.section.tasks": {"da": "Opgaver denne måned", "en": "Tasks this month"},
    "handover.col.party": {"da": "Forbindelse til", "en": "Tie with"},
    "handover.col.party_kind": {"da": "Hvem", "en": "Who"},
    "handover.col.relation_kind": {"da": "Slags", "en": "Kind"},
    "handover.col.strength": {"da": "Styrke", "en": "Strength"},
    "handover.col.last_contact": {"da": "Sidste kontakt", "en": "Last contact"},
    "handover.col.to": {"da": "Overtages af", "en": "Taken over by"},
    "handover.col.merged": {"da": "Lægges sammen", "en": "Merged"},
    "handover.col.title": {"da": "Titel", "en": "Title"},
    "handover.col.reason": {"da": "Hvorfor", "en": "Why"},
    "handover.reason.partnership": {
        "da": "Følger {n:partnerskabet|partnerskaberne} {titles}",
        "en": "Goes with the {n:partnership|partnerships} {titles}",
    },
    "handover.reason.none": {
        "da": "Hører ikke til et af partnerskaberne",
        "en": "Belongs to none of the partnerships",
    },
    "handover.reason.several": {
        "da": "Hører til flere partnerskaber med hver sin modtager ({titles})",
        "en": "Belongs to several partnerships with different receivers ({titles})",
    },
    "handover.routes_note": {
        "da": "Forbindelser og mål følger det partnerskab, de hører til. Det, der ikke hører til et af "
        "partnerskaberne, eller som hører til flere med hver sin modtager, overtages af {name}.",
        "en": "Ties and goals go with the partnership they belong to. Whatever belongs to none of the "
        "partnerships, or to several with different receivers, is taken over by {name}.",
    },
    "handover.by_receiver": {
        "da": "{name}: {ties} {ties:forbindelse|forbindelser}, {partnerships} {partnerships:partnerskab|partnerskaber}, "
        "{goals} {goals:mål|mål}, {strength_offers} {strength_offers:tilbud|tilbud} og {tasks} {tasks:opgave|opgaver}",
        "en": "{name}: {ties} {ties:tie|ties}, {partnerships} {partnerships:partnership|partnerships}, "
        "{goals} {goals:goal|goals}, {strength_offers} {strength_offers:offer|offers} and {tasks} {tasks:task|tasks}",
    },
    "handover.col.task": {"da": "Opgave", "en": "Task"},
    "handover.col.due": {"da": "Dato", "en": "Due"},
    "handover.party.contact": {"da": "Kontakt", "en": "Contact"},
    "handover.party.organisation": {"da": "Organisation", "en": "Organisation"},
    "handover.party.tie": {"da": "Forbindelse mellem to andre", "en": "Tie between two others"},
    "handover.confirm": {"da": "Overdrag", "en": "Hand over"},
    "handover.done": {
        "da": "Overdraget fra {name}: {ties} {ties:forbindelse|forbindelser}, {partnerships} "
        "{partnerships:partnerskab|partnerskaber}, {goals} {goals:mål|mål} og {offers} {offers:tilbud|tilbud}.",
        "en": "Handed over from {name}: {ties} {ties:tie|ties}, {partnerships} {partnerships:partnership|partnerships}, "
        "{goals} {goals:goal|goals} and {offers} {offers:offer|offers}.",
    },
    "handover.undo.open": {"da": "Fortryd overdragelsen", "en": "Undo the handover"},
    "handover.undo.note": {
        "da": "Alt flyttes tilbage, præcis som før overdragelsen.",
        "en": "Everything moves back, exactly as before the handover.",
    },
    "handover.undo.confirm": {"da": "Ja, fortryd overdragelsen", "en": "Yes, undo the handover"},
    "handover.undo.done": {"da": "Overdragelsen er fortrudt.", "en": "The handover has been undone."},
    "handover.past.heading": {"da": "Tidligere overdragelser", "en": "Earlier handovers"},
    "handover.past.help": {
        "da": "De seneste overdragelser, der ikke er fortrudt. En overdragelse kan fortrydes, så længe "
        "forbindelserne, partnerskaberne og målene ikke er ændret siden.",
        "en": "The latest handovers that have not been undone. A handover can be undone as long as the ties, "
        "partnerships and goals have not been changed since.",
    },
    "handover.past.line": {"da": "{when}: {name} til {to}", "en": "{when}: {name} to {to}"},
    # --- the command line --------------------------------------------------------------------------------
    "handover.cli.dry_run": {
        "da": "Prøvekørsel: intet er gemt. Sådan ville overdragelsen fra {name} se ud:",
        "en": "Dry run: nothing was stored. This is how the handover from {name} would look:",
    },
    "handover.cli.done": {
        "da": "Overdraget fra {name} (overdragelse nr. {handover}):",
        "en": "Handed over from {name} (handover no. {handover}):",
    },
    "handover.cli.bad_partnership": {
        "da": "--partnership skal skrives ID=E-MAIL, fx --partnership 12=anne@bib.dk (fik «{value}»).",
        "en": "--partnership is written ID=EMAIL, e.g. --partnership 12=anne@bib.dk (got “{value}”).",
    },
    "handover.cli.undo_hint": {
        "da": "Overdragelsen kan fortrydes på siden Organisation, fanen Overdragelse.",
        "en": "The handover can be undone on the Organisation page, tab Handover.",
    },
    "handover.cli.ended": {
        "da": "{name} er taget af medarbejderlisten.",
        "en": "{name} has been taken off the staff list.",
    },
    # --- the event log -----------------------------------------------------------------------------------
    "admin.action.handover_applied": {"da": "Overdragelse", "en": "Handover"},
    "admin.action.handover_undone": {"da": "Overdragelse fortrudt", "en": "Handover undone"},
    "admin.detail.handed_to": {"da": "Overdraget til", "en": "Handed over to"},
    "admin.detail.staff_ended": {"da": "Taget af medarbejderlisten", "en": "Taken off the staff list"},
    "admin.detail.restore": {"da": "Værdier før overdragelsen", "en": "Values before the handover"},
    "admin.detail.handover": {"da": "Overdragelse nr.", "en": "Handover no."},
}
