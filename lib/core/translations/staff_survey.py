"""Texts of the staff network survey "Hvem kender du?" (issue 18, item 2): the form staff open by their
link, the Organisation page's tab, the e-mail text, the Netværk page's caption and the event log's words."""

TEXTS: dict[str, dict[str, str]] = {
    # --- errors ---
    "staff_survey.no_such_survey": {
        "da": "Rundspørgen findes ikke længere (nr. {id}).",
        "en": "The survey no longer exists (no. {id}).",
    },
    "staff_survey.no_such_invitation": {
        "da": "Invitationen findes ikke længere (nr. {id}).",
        "en": "The invitation no longer exists (no. {id}).",
    },
    "staff_survey.no_staff": {
        "da": "Der er ingen medarbejdere at sende links til. Tilføj medarbejdere først.",
        "en": "There are no staff members to send links to. Add staff first.",
    },
    "staff_survey.not_pending": {
        "da": "Svarene venter ikke længere på en beslutning.",
        "en": "The answers are no longer waiting for a decision.",
    },
    "staff_survey.not_committed": {
        "da": "Svarene er ikke gemt i netværket, så der er intet at fortryde.",
        "en": "The answers are not stored in the network, so there is nothing to undo.",
    },
    # --- the form ---
    "staff_survey.form.title": {"da": "Hvem kender du?", "en": "Who do you know?"},
    "staff_survey.form.hello": {"da": "Hej {name}", "en": "Hello {name}"},
    "staff_survey.form.intro": {
        "da": "Fortæl, hvilke organisationer og personer uden for biblioteket du kender. Søg efter dem, "
        "biblioteket allerede kender, eller skriv nye ind. Sig for hver, hvor godt du kender dem (1 er "
        "flygtigt, 5 er meget godt), hvornår I sidst havde kontakt, og i hvilken rolle.",
        "en": "Tell us which organisations and people outside the library you know. Search for those the "
        "library already knows, or type in new ones. For each, say how well you know them (1 is barely, "
        "5 is very well), when you were last in touch, and in what role.",
    },
    "staff_survey.form.thanks": {
        "da": "Tak, vi har dine svar. Du kan rette dem herunder.",
        "en": "Thank you, we have your answers. You can correct them below.",
    },
    "staff_survey.form.committed": {
        "da": "Tak, dine svar er gemt i bibliotekets netværk.",
        "en": "Thank you, your answers are stored in the library's network.",
    },
    "staff_survey.form.closed": {
        "da": "Rundspørgen er lukket, så svarene kan ikke ændres længere.",
        "en": "The survey has closed, so the answers can no longer be changed.",
    },
    "staff_survey.form.closes": {
        "da": "Du kan svare og rette til og med {date}.",
        "en": "You can answer and correct until {date}.",
    },
    "staff_survey.form.gone_title": {"da": "Linket virker ikke", "en": "The link does not work"},
    "staff_survey.form.gone": {
        "da": "Linket er forkert eller virker ikke længere. Spørg den, der sendte dig det, om et nyt.",
        "en": "The link is wrong or no longer works. Ask the person who sent it to you for a new one.",
    },
    "staff_survey.form.too_large": {
        "da": "Svaret er for stort til at blive modtaget.",
        "en": "The answer is too large to be received.",
    },
    "staff_survey.form.empty": {
        "da": "Der var ingen at gemme. Sæt kryds ved en, du kender, eller skriv et navn.",
        "en": "There was nobody to save. Tick someone you know, or type a name.",
    },
    "staff_survey.form.search": {
        "da": "Søg efter organisation eller person",
        "en": "Search for an organisation or person",
    },
    "staff_survey.form.search_button": {"da": "Søg", "en": "Search"},
    "staff_survey.form.search_note": {
        "da": "Gem dine svar, før du søger igen – en ny søgning glemmer det, du ikke har gemt.",
        "en": "Save your answers before searching again – a new search forgets what you have not saved.",
    },
    "staff_survey.form.results": {"da": "Fundet ved søgningen", "en": "Found by the search"},
    "staff_survey.form.no_results": {
        "da": "Ingen fundet. Skriv dem ind som nye herunder.",
        "en": "Nobody found. Type them in as new below.",
    },
    "staff_survey.form.yours": {"da": "Dem, du har nævnt", "en": "Those you have named"},
    "staff_survey.form.new": {"da": "Nye, biblioteket ikke kender", "en": "New ones the library does not know"},
    "staff_survey.form.new_row": {"da": "Ny nr. {n}", "en": "New no. {n}"},
    "staff_survey.form.keep": {"da": "Med i mine svar", "en": "Part of my answers"},
    "staff_survey.form.add": {"da": "Tilføj til mine svar", "en": "Add to my answers"},
    "staff_survey.form.name": {"da": "Navn på personen", "en": "The person's name"},
    "staff_survey.form.organisation": {"da": "Organisation", "en": "Organisation"},
    "staff_survey.form.email": {"da": "E-mail (hvis du kender den)", "en": "E-mail (if you know it)"},
    "staff_survey.form.strength": {"da": "Hvor godt kender du dem?", "en": "How well do you know them?"},
    "staff_survey.form.strength_none": {"da": "ikke sagt", "en": "not said"},
    "staff_survey.form.month": {
        "da": "Sidste kontakt (måned, fx 2026-03)",
        "en": "Last contact (month, e.g. 2026-03)",
    },
    "staff_survey.form.role": {"da": "I hvilken rolle kender du dem?", "en": "In what role do you know them?"},
    "staff_survey.form.colleagues": {
        "da": "Hvem andre på biblioteket arbejder med dem?",
        "en": "Who else at the library works with them?",
    },
    "staff_survey.form.submit": {"da": "Gem mine svar", "en": "Save my answers"},
    "staff_survey.form.correct": {"da": "Gem rettelserne", "en": "Save the corrections"},
    # --- the e-mail ---
    "staff_survey.mail.subject": {
        "da": "Emne: Hvem kender du? – hjælp os med at kende bibliotekets netværk",
        "en": "Subject: Who do you know? – help us know the library's network",
    },
    "staff_survey.mail.hello": {"da": "Hej", "en": "Hello"},
    "staff_survey.mail.greeting": {"da": "Hej {name}", "en": "Hello {name}"},
    "staff_survey.mail.body": {
        "da": "Vi vil gerne vide, hvilke organisationer og personer du kender i dit arbejde, så vi kan pleje "
        "bibliotekets netværk sammen. Det tager ti minutter. Linket er personligt – send det ikke videre:",
        "en": "We would like to know which organisations and people you know through your work, so that we "
        "can tend the library's network together. It takes ten minutes. The link is personal – do not pass it on:",
    },
    "staff_survey.mail.until": {"da": "Linket virker til og med {date}.", "en": "The link works until {date}."},
    "staff_survey.mail.thanks": {"da": "Tak for hjælpen!", "en": "Thank you for your help!"},
    # --- the Organisation page's tab and the Netværk page ---
    "organisation.tab.survey": {"da": "Hvem kender du?", "en": "Who do you know?"},
    "staff_survey.count": {
        "da": "Svar fra {answered} af {invited} {invited:medarbejder|medarbejdere}",
        "en": "Answers from {answered} of {invited} staff {invited:member|members}",
    },
    "staff_survey.intro": {
        "da": "Send hver medarbejder et personligt link, hvor de fortæller, hvem de kender uden for "
        "biblioteket. Svarene venter her, til du har set dem igennem og gemt dem i netværket eller afvist dem.",
        "en": "Send each staff member a personal link where they tell whom they know outside the library. "
        "The answers wait here until you have looked them through and stored them in the network or rejected them.",
    },
    "staff_survey.start": {"da": "Start en ny rundspørge", "en": "Start a new survey"},
    "staff_survey.start.staff": {"da": "Medarbejdere (tom: alle)", "en": "Staff (empty: everyone)"},
    "staff_survey.start.closes_on": {"da": "Sidste svardag (valgfri)", "en": "Last day to answer (optional)"},
    "staff_survey.start.language": {"da": "Sprog i e-mailen", "en": "Language of the e-mail"},
    "staff_survey.start.submit": {"da": "Lav links", "en": "Make links"},
    "staff_survey.start.done": {
        "da": "Rundspørgen er startet med {n} {n:link|links}. Kopiér dem nu – de vises kun denne ene gang.",
        "en": "The survey has started with {n} {n:link|links}. Copy them now – they are shown this once only.",
    },
    "staff_survey.none": {"da": "Der er ingen rundspørge endnu.", "en": "There is no survey yet."},
    "staff_survey.links": {"da": "Links og e-mails", "en": "Links and e-mails"},
    "staff_survey.new_link": {"da": "Nyt link", "en": "New link"},
    "staff_survey.new_link.done": {
        "da": "Nyt link til {name}. Det gamle virker ikke længere.",
        "en": "New link for {name}. The old one no longer works.",
    },
    "staff_survey.col.name": {"da": "Medarbejder", "en": "Staff member"},
    "staff_survey.col.state": {"da": "Status", "en": "Status"},
    "staff_survey.col.entries": {"da": "Nævnte", "en": "Named"},
    "staff_survey.col.submitted_at": {"da": "Svaret", "en": "Answered"},
    "staff_survey.col.expires_at": {"da": "Linket udløber", "en": "Link expires"},
    "staff_survey.state.waiting": {"da": "Venter på svar", "en": "Waiting for an answer"},
    "staff_survey.state.ended": {"da": "Linket virker ikke længere", "en": "The link no longer works"},
    "staff_survey.state.pending": {"da": "Svar til gennemsyn", "en": "Answers to review"},
    "staff_survey.state.committed": {"da": "Gemt i netværket", "en": "Stored in the network"},
    "staff_survey.state.rejected": {"da": "Afvist", "en": "Rejected"},
    "staff_survey.pending": {"da": "Svar til gennemsyn", "en": "Answers to review"},
    "staff_survey.pending.none": {"da": "Ingen svar venter.", "en": "No answers are waiting."},
    "staff_survey.preview.new_people": {"da": "Nye personer", "en": "New people"},
    "staff_survey.preview.new_organisations": {"da": "Nye organisationer", "en": "New organisations"},
    "staff_survey.preview.duplicates": {
        "da": "Mulige dubletter (lægges til gennemsyn, flettes ikke)",
        "en": "Possible duplicates (offered for review, not merged)",
    },
    "staff_survey.preview.same_by_email": {
        "da": "Samme e-mail som en kendt person – bruges som den person",
        "en": "Same e-mail as a known person – used as that person",
    },
    "staff_survey.preview.new_ties": {"da": "Nye forbindelser", "en": "New ties"},
    "staff_survey.preview.changed_ties": {"da": "Ændrede forbindelser", "en": "Changed ties"},
    "staff_survey.preview.left_out": {
        "da": "Udeladt: slettet efter anmodning (GDPR) og må ikke oprettes igen",
        "en": "Left out: erased on request (GDPR) and not to be created again",
    },
    "staff_survey.preview.nothing": {"da": "Intet at ændre.", "en": "Nothing to change."},
    "staff_survey.col.person": {"da": "Navn", "en": "Name"},
    "staff_survey.col.email": {"da": "E-mail", "en": "E-mail"},
    "staff_survey.col.organisation": {"da": "Organisation", "en": "Organisation"},
    "staff_survey.col.existing": {"da": "Kendt person", "en": "Known person"},
    "staff_survey.col.score": {"da": "Lighed", "en": "Similarity"},
    "staff_survey.col.staff": {"da": "Medarbejder", "en": "Staff member"},
    "staff_survey.col.target": {"da": "Kender", "en": "Knows"},
    "staff_survey.col.strength": {"da": "Styrke", "en": "Strength"},
    "staff_survey.col.last_contact": {"da": "Sidste kontakt", "en": "Last contact"},
    "staff_survey.col.role": {"da": "Rolle", "en": "Role"},
    "staff_survey.col.before": {"da": "Før", "en": "Before"},
    "staff_survey.commit": {"da": "Gem i netværket", "en": "Store in the network"},
    "staff_survey.commit.done": {
        "da": "{name}s svar er gemt i netværket.",
        "en": "{name}'s answers are stored in the network.",
    },
    "staff_survey.reject": {"da": "Afvis", "en": "Reject"},
    "staff_survey.reject.done": {
        "da": "Svarene er afvist; intet er gemt.",
        "en": "The answers are rejected; nothing is stored.",
    },
    "staff_survey.undo": {"da": "Fortryd", "en": "Undo"},
    "staff_survey.undo.done": {
        "da": "Svarene er taget ud af netværket igen og venter på gennemsyn.",
        "en": "The answers are taken out of the network again and wait for review.",
    },
    "staff_survey.committed": {"da": "Gemt i netværket", "en": "Stored in the network"},
    # --- the event log ---
    "admin.entity.staff_survey": {"da": "Hvem kender du?", "en": "Who do you know?"},
    "admin.action.staff_survey_started": {"da": "Rundspørge startet", "en": "Survey started"},
    "admin.action.staff_survey_link_made": {"da": "Netværkslink lavet", "en": "Network link made"},
    "admin.action.staff_survey_link_revoked": {"da": "Netværkslink stoppet", "en": "Network link revoked"},
    "admin.action.staff_survey_submitted": {"da": "Netværkssvar modtaget", "en": "Network answers received"},
    "admin.action.staff_survey_corrected": {"da": "Netværkssvar rettet", "en": "Network answers corrected"},
    "admin.action.staff_survey_committed": {"da": "Netværkssvar gemt", "en": "Network answers stored"},
    "admin.action.staff_survey_rejected": {"da": "Netværkssvar afvist", "en": "Network answers rejected"},
    "admin.detail.people_created": {"da": "Nye personer", "en": "New people"},
    "admin.detail.organisations_created": {"da": "Nye organisationer", "en": "New organisations"},
    "admin.detail.ties_created": {"da": "Nye forbindelser", "en": "New ties"},
    "admin.detail.ties_updated": {"da": "Ændrede forbindelser", "en": "Changed ties"},
    "admin.detail.possible_duplicates": {"da": "Mulige dubletter", "en": "Possible duplicates"},
    "admin.detail.survey_answers": {
        "da": "Svar i \u201cHvem kender du?\u201d",
        "en": "Answers in \u201cWho do you know?\u201d",
    },
    # --- personal data ---
    "personal_data.part.staff_survey": {"da": "Netværksrundspørge", "en": "Network survey"},
    "personal_data.col.survey_started": {"da": "Rundspørge startet", "en": "Survey started"},
    "personal_data.col.named_by": {"da": "Nævnt af", "en": "Named by"},
    "personal_data.col.submitted_at": {"da": "Svarede", "en": "Answered"},
    # --- the command ---
    "staff_survey.cli.link": {
        "da": "Link til {name} (virker til og med {date}):",
        "en": "Link for {name} (works until {date}):",
    },
    "staff_survey.cli.unknown_staff": {
        "da": "Ingen medarbejder har e-mailen {email}.",
        "en": "No staff member has the e-mail {email}.",
    },
}
