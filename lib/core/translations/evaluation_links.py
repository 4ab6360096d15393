"""Texts of evaluation by link (issue 18, item 1): the form partners and staff open, the Evaluering
page's section, the e-mail and reminder texts, the command and the event log's words."""

TEXTS: dict[str, dict[str, str]] = {
    # --- errors ---
    "evaluation_links.email_required": {
        "da": "Skriv en e-mailadresse eller vælg en person.",
        "en": "Type an e-mail address or choose a person.",
    },
    "evaluation_links.no_such_respondent": {
        "da": "Modtageren findes ikke længere (nr. {id}).",
        "en": "The respondent no longer exists (no. {id}).",
    },
    "evaluation_links.no_rounds": {
        "da": "Der er ingen evalueringsrunder endnu.",
        "en": "There are no evaluation rounds yet.",
    },
    # --- the form ---
    "evaluation_links.form.title": {"da": "Evaluering af partnerskabet", "en": "Evaluation of the partnership"},
    "evaluation_links.form.intro": {
        "da": "Tak, fordi du vil svare. Sæt et kryds ved hvert udsagn: 1 betyder helt uenig, 5 helt enig. "
        "Vælg \u201cved ikke\u201d, hvis du ikke kan svare. Det tager fem minutter.",
        "en": "Thank you for answering. Mark each statement: 1 means strongly disagree, 5 strongly agree. "
        "Choose \u201cdon't know\u201d if you cannot answer. It takes five minutes.",
    },
    "evaluation_links.form.side.library": {
        "da": "Du svarer for biblioteket.",
        "en": "You are answering for the library.",
    },
    "evaluation_links.form.side.partner": {
        "da": "Du svarer som partner.",
        "en": "You are answering as a partner.",
    },
    "evaluation_links.form.dont_know": {"da": "ved ikke", "en": "don't know"},
    "evaluation_links.form.reflections": {
        "da": "Hvad går godt, og hvad kan blive bedre? (frivilligt)",
        "en": "What is going well, and what could be better? (optional)",
    },
    "evaluation_links.form.submit": {"da": "Send mit svar", "en": "Send my answer"},
    "evaluation_links.form.correct": {"da": "Ret mit svar", "en": "Correct my answer"},
    "evaluation_links.form.closes": {
        "da": "Du kan svare og rette dit svar til og med {date}.",
        "en": "You can answer and correct your answer until {date}.",
    },
    "evaluation_links.form.thanks": {"da": "Tak, vi har dit svar.", "en": "Thank you, we have your answer."},
    "evaluation_links.form.corrected": {
        "da": "Tak, dit svar er rettet.",
        "en": "Thank you, your answer has been corrected.",
    },
    "evaluation_links.form.can_correct": {
        "da": "Du kan rette dit svar herunder, så længe evalueringen er åben.",
        "en": "You can correct your answer below while the evaluation is open.",
    },
    "evaluation_links.form.closed": {
        "da": "Evalueringen er lukket, så der kan ikke længere svares eller rettes.",
        "en": "The evaluation has closed, so answers can no longer be given or corrected.",
    },
    "evaluation_links.form.empty": {
        "da": "Sæt kryds ved mindst ét udsagn med et tal fra 1 til 5, før du sender.",
        "en": "Mark at least one statement with a number from 1 to 5 before you send.",
    },
    "evaluation_links.form.gone_title": {"da": "Linket virker ikke", "en": "The link does not work"},
    "evaluation_links.form.gone": {
        "da": "Linket virker ikke. Det kan være udløbet. Kontakt den, der sendte dig linket, hvis du vil svare.",
        "en": "The link does not work. It may have expired. Contact whoever sent you the link if you want to answer.",
    },
    "evaluation_links.form.too_large": {
        "da": "Svaret er for langt. Gå tilbage og gør begrundelsen kortere.",
        "en": "The answer is too long. Go back and shorten the text.",
    },
    "evaluation_links.form.scale_legend": {
        "da": "1 = helt uenig, 5 = helt enig",
        "en": "1 = strongly disagree, 5 = strongly agree",
    },
    # --- e-mail and reminder texts ---
    "evaluation_links.mail.subject": {
        "da": "Emne: Evaluering af partnerskabet {partnership}",
        "en": "Subject: Evaluation of the partnership {partnership}",
    },
    "evaluation_links.mail.greeting": {"da": "Kære {name}", "en": "Dear {name}"},
    "evaluation_links.mail.hello": {"da": "Hej", "en": "Hello"},
    "evaluation_links.mail.body": {
        "da": "Vi evaluerer vores partnerskab {partnership} og vil meget gerne høre, hvordan du oplever "
        "samarbejdet, fremdriften og resultaterne. Det tager omkring fem minutter. Linket er personligt, så "
        "send det ikke videre:",
        "en": "We are evaluating our partnership {partnership} and would very much like to hear how you see "
        "the collaboration, the progress and the results. It takes about five minutes. The link is personal, "
        "so please do not pass it on:",
    },
    "evaluation_links.mail.until": {
        "da": "Linket virker til og med {date}.",
        "en": "The link works until {date}.",
    },
    "evaluation_links.mail.thanks": {"da": "På forhånd tak.", "en": "Thank you in advance."},
    "evaluation_links.reminder.subject": {
        "da": "Emne: Påmindelse: evaluering af partnerskabet {partnership}",
        "en": "Subject: Reminder: evaluation of the partnership {partnership}",
    },
    "evaluation_links.reminder.body": {
        "da": "Vi mangler stadig dit svar på evalueringen af partnerskabet {partnership}. Brug linket i den "
        "mail, du fik fra os. Har du svaret i mellemtiden, så tak, og se bort fra denne mail.",
        "en": "We are still missing your answer to the evaluation of the partnership {partnership}. Use the "
        "link in the e-mail you had from us. If you have answered in the meantime, thank you, and please "
        "ignore this e-mail.",
    },
    "evaluation_links.reminder.closes": {
        "da": "Evalueringen lukker efter {date}.",
        "en": "The evaluation closes after {date}.",
    },
    # --- the page section ---
    "evaluation_links.section": {"da": "Svar via link", "en": "Answers by link"},
    "evaluation_links.section_intro": {
        "da": "Send partnere og medarbejdere et personligt link, så de selv kan svare. Svarene lander i "
        "denne runde med deres side. Linket virker i {days} {days:dag|dage}, og kun via den offentlige adresse.",
        "en": "Send partners and staff a personal link so they can answer themselves. The answers arrive in "
        "this round with their side. The link works for {days} {days:day|days}, and only on the public address.",
    },
    "evaluation_links.add.person": {"da": "Person", "en": "Person"},
    "evaluation_links.add.email": {"da": "Eller en e-mailadresse", "en": "Or an e-mail address"},
    "evaluation_links.add.email_help": {
        "da": "En adresse, der ikke findes i arbejdsområdet, bliver oprettet som ny person.",
        "en": "An address not in the workspace is added as a new person.",
    },
    "evaluation_links.add.side": {"da": "Svarer for", "en": "Answers for"},
    "evaluation_links.add.side_auto": {"da": "Automatisk", "en": "Automatic"},
    "evaluation_links.add.language": {"da": "Sprog i mail og skema", "en": "Language of e-mail and form"},
    "evaluation_links.lang.da": {"da": "Dansk", "en": "Danish"},
    "evaluation_links.lang.en": {"da": "Engelsk", "en": "English"},
    "evaluation_links.add.submit": {"da": "Lav link", "en": "Make link"},
    "evaluation_links.add.done": {
        "da": "Link lavet til {name}. Kopiér det nu: det vises kun denne ene gang.",
        "en": "Link made for {name}. Copy it now: it is shown only this once.",
    },
    "evaluation_links.add.new_person": {
        "da": "{email} fandtes ikke og er oprettet som ny person.",
        "en": "{email} was not known and has been added as a new person.",
    },
    "evaluation_links.link": {"da": "Link", "en": "Link"},
    "evaluation_links.mail": {"da": "Mail til at sætte ind i Outlook", "en": "E-mail to paste into Outlook"},
    "evaluation_links.status": {
        "da": "{answered} af {total} har svaret",
        "en": "{answered} of {total} have answered",
    },
    "evaluation_links.none": {
        "da": "Ingen har fået et link til denne runde endnu.",
        "en": "Nobody has a link to this round yet.",
    },
    "evaluation_links.col.name": {"da": "Navn", "en": "Name"},
    "evaluation_links.col.email": {"da": "E-mail", "en": "E-mail"},
    "evaluation_links.col.side": {"da": "Side", "en": "Side"},
    "evaluation_links.col.state": {"da": "Status", "en": "Status"},
    "evaluation_links.col.expires_at": {"da": "Linket udløber", "en": "Link expires"},
    "evaluation_links.col.answered_at": {"da": "Svarede", "en": "Answered"},
    "evaluation_links.state.answered": {"da": "Har svaret", "en": "Answered"},
    "evaluation_links.state.waiting": {"da": "Mangler svar", "en": "Not yet"},
    "evaluation_links.state.expired": {"da": "Linket er udløbet", "en": "Link expired"},
    "evaluation_links.state.revoked": {"da": "Linket er lukket", "en": "Link revoked"},
    "evaluation_links.reminder": {"da": "Påmindelse til dem, der mangler", "en": "Reminder to those not yet answered"},
    "evaluation_links.reminder.to": {"da": "Til: {emails}", "en": "To: {emails}"},
    "evaluation_links.reminder.nobody": {"da": "Alle har svaret.", "en": "Everyone has answered."},
    "evaluation_links.revoke": {"da": "Luk et link", "en": "Revoke a link"},
    "evaluation_links.revoke.pick": {"da": "Hvis link", "en": "Whose link"},
    "evaluation_links.revoke.submit": {"da": "Luk linket", "en": "Revoke the link"},
    "evaluation_links.revoke.done": {
        "da": "Linket er lukket. Et svar, der allerede er givet, bliver i runden.",
        "en": "The link is revoked. An answer already given stays in the round.",
    },
    "evaluation_links.revoke.none": {"da": "Linket var allerede lukket.", "en": "The link was already revoked."},
    "evaluation_links.closing": {"da": "Sidste svardag", "en": "Last day to answer"},
    "evaluation_links.closing_help": {
        "da": "Efter denne dag kan ingen svare eller rette via link. Tom: runden er åben.",
        "en": "After this day nobody can answer or correct by link. Empty: the round is open.",
    },
    "evaluation_links.closing.submit": {"da": "Gem sidste svardag", "en": "Save the last day"},
    "evaluation_links.closing.done": {"da": "Sidste svardag er gemt.", "en": "The last day is saved."},
    "evaluation_links.closing.open": {
        "da": "Runden er åben (ingen sidste svardag).",
        "en": "The round is open (no last day).",
    },
    "evaluation_links.made_for_link": {
        "da": "Oprettet via evalueringslink",
        "en": "Added by an evaluation link",
    },
    # --- the command ---
    "evaluation_links.cli.link": {
        "da": "Link til {name} ({side}), virker til og med {date}:",
        "en": "Link for {name} ({side}), works until {date}:",
    },
    "evaluation_links.cli.status": {
        "da": "Runde {round}: {answered} af {total} har svaret.",
        "en": "Round {round}: {answered} of {total} have answered.",
    },
    # --- the event log ---
    "admin.action.evaluation_respondent_added": {
        "da": "Modtager af evalueringslink tilføjet",
        "en": "Evaluation link respondent added",
    },
    "admin.action.evaluation_link_made": {"da": "Evalueringslink lavet", "en": "Evaluation link made"},
    "admin.action.evaluation_link_revoked": {"da": "Evalueringslink lukket", "en": "Evaluation link revoked"},
    "admin.action.evaluation_link_saved": {
        "da": "Svar givet via evalueringslink",
        "en": "Answer given by evaluation link",
    },
    "admin.action.evaluation_link_corrected": {
        "da": "Svar rettet via evalueringslink",
        "en": "Answer corrected by evaluation link",
    },
    "admin.action.evaluation_round_closing_set": {
        "da": "Sidste svardag for evalueringsrunde sat",
        "en": "Last day of an evaluation round set",
    },
    "admin.detail.closes_on": {"da": "Sidste svardag", "en": "Last day to answer"},
    "admin.detail.evaluation_answers": {"da": "Evalueringssvar", "en": "Evaluation answers"},
    # --- personal data ---
    "personal_data.part.evaluation_links": {"da": "Evalueringslinks", "en": "Evaluation links"},
    "personal_data.col.round": {"da": "Evalueringsrunde", "en": "Evaluation round"},
    "personal_data.col.side": {"da": "Side", "en": "Side"},
    "personal_data.col.email": {"da": "E-mail", "en": "E-mail"},
    "personal_data.col.expires_at": {"da": "Linket udløber", "en": "Link expires"},
    "personal_data.col.revoked_at": {"da": "Linket lukket", "en": "Link revoked"},
    "personal_data.col.answered_at": {"da": "Svarede", "en": "Answered"},
    "personal_data.col.answers": {"da": "Svar", "en": "Answers"},
    "personal_data.col.reflections": {"da": "Refleksioner", "en": "Reflections"},
}
