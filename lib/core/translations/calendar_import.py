"""Texts of importing a calendar export (.ics) as meetings (lib/ingest/calendar_meetings.py, issue 17)."""

TEXTS = {
    # --- the file's checks ---------------------------------------------------------------------------
    "calendar.too_large": {
        "da": "Kalenderfilen er for stor ({size_mb} MB). Den største, der kan indlæses, er {limit_mb} MB: "
        "eksportér en kortere periode.",
        "en": "The calendar file is too large ({size_mb} MB). The largest that can be imported is {limit_mb} MB: "
        "export a shorter period.",
    },
    "calendar.not_calendar": {
        "da": "Filen er ikke en kalender (.ics). Eksportér kalenderen fra Outlook eller Google Kalender "
        "som iCalendar-fil, og prøv igen.",
        "en": "The file is not a calendar (.ics). Export the calendar from Outlook or Google Calendar as an "
        "iCalendar file and try again.",
    },
    "calendar.damaged": {
        "da": "Kalenderfilen kan ikke læses: den er beskadiget eller ufuldstændig.",
        "en": "The calendar file cannot be read: it is damaged or incomplete.",
    },
    "calendar.too_many_events": {
        "da": "Kalenderfilen har {count} {count:aftale|aftaler}; der kan højst indlæses {limit} ad gangen. "
        "Eksportér en kortere periode.",
        "en": "The calendar file holds {count} {count:event|events}; at most {limit} can be imported at a time. "
        "Export a shorter period.",
    },
    "calendar.unknown_staff": {
        "da": "Ingen medarbejder har e-mailen {email}.",
        "en": "No staff member has the e-mail {email}.",
    },
    # --- why a meeting is skipped or rejected --------------------------------------------------------
    "calendar.skip.private": {"da": "privat aftale", "en": "private meeting"},
    "calendar.skip.cancelled": {"da": "aflyst", "en": "cancelled"},
    "calendar.skip.future": {"da": "ligger i fremtiden", "en": "in the future"},
    "calendar.skip.old": {"da": "mere end to år gammel", "en": "more than two years old"},
    "calendar.skip.already_logged": {"da": "allerede registreret", "en": "already logged"},
    "calendar.skip.no_staff": {
        "da": "arrangøren er ikke medarbejder, og ingen medarbejder er valgt",
        "en": "the organiser is not staff, and no staff member was chosen",
    },
    "calendar.skip.internal_only": {"da": "kun interne deltagere", "en": "internal participants only"},
    "calendar.skip.no_known_attendee": {
        "da": "ingen kendte eksterne deltagere",
        "en": "no known external attendee",
    },
    "calendar.reject.no_uid": {"da": "aftalen har intet UID", "en": "the event has no UID"},
    "calendar.reject.no_start": {"da": "aftalen har intet starttidspunkt", "en": "the event has no start"},
    "calendar.reject.bad_value": {"da": "aftalen har en ugyldig værdi", "en": "the event has an invalid value"},
    "calendar.reject.bad_recurrence": {
        "da": "aftalens gentagelse kan ikke læses",
        "en": "the event's recurrence cannot be read",
    },
    "calendar.reject.too_many_occurrences": {
        "da": "aftalen gentages for mange gange",
        "en": "the event recurs too many times",
    },
    "admin.action.calendar_imported": {"da": "Møder indlæst fra kalender", "en": "Meetings imported from a calendar"},
    # --- the command line ----------------------------------------------------------------------------
    "calendar.cli.dry_run": {"da": "Prøvekørsel: intet er gemt.", "en": "Dry run: nothing was stored."},
    "calendar.cli.done": {"da": "Kalenderen er indlæst.", "en": "The calendar was imported."},
    "calendar.cli.counts": {
        "da": "Læst: {read} · registreret: {logged} · sprunget over: {skipped} · afvist: {rejected}",
        "en": "Read: {read} · logged: {logged} · skipped: {skipped} · rejected: {rejected}",
    },
    "calendar.cli.effects": {
        "da": "Relationer oprettet: {ties_created} · opdateret: {ties_updated} · "
        "kontaktlog: {contact_log_entries} · nye kontakter: {contacts_created}",
        "en": "Ties created: {ties_created} · updated: {ties_updated} · "
        "contact log: {contact_log_entries} · new contacts: {contacts_created}",
    },
    "calendar.cli.reason": {"da": "  {reason}: {n}", "en": "  {reason}: {n}"},
    "calendar.cli.new_contacts": {
        "da": "Ukendte eksterne deltagere ({n}); opret dem med --create-contacts:",
        "en": "Unknown external attendees ({n}); create them with --create-contacts:",
    },
    "calendar.cli.batch": {
        "da": "Indlæsning nr. {batch} (fortryd med: python -m lib undo {batch})",
        "en": "Import batch {batch} (undo with: python -m lib undo {batch})",
    },
    # --- the import page ----------------------------------------------------------------------------
    "calendar.page.title": {"da": "Møder fra kalenderen", "en": "Meetings from the calendar"},
    "calendar.page.intro": {
        "da": "Indlæs en kalendereksport (.ics) fra Outlook eller Google Kalender. Hvert afholdt møde med en "
        "ekstern deltager, vi kender, opdaterer relationen til medarbejderen og skrives i kontaktloggen "
        "for partnerskaber med deltagerens organisation. Private og rent interne møder springes over.",
        "en": "Import a calendar export (.ics) from Outlook or Google Calendar. Every meeting held with an "
        "external attendee we know updates the tie to the staff member and enters the contact log of "
        "partnerships with the attendee's organisation. Private and internal-only meetings are skipped.",
    },
    "calendar.page.open": {"da": "Indlæs møder fra en kalender", "en": "Import meetings from a calendar"},
    "calendar.page.upload": {"da": "Kalenderfil (.ics)", "en": "Calendar file (.ics)"},
    "calendar.page.staff": {
        "da": "Medarbejder for møder, som en ekstern har indkaldt til",
        "en": "Staff member for meetings an outsider organised",
    },
    "calendar.page.counts": {
        "da": "{read} {read:aftale|aftaler} læst: {logged} registreres, {skipped} springes over, {rejected} afvises.",
        "en": "{read} {read:event|events} read: {logged} to log, {skipped} skipped, {rejected} rejected.",
    },
    "calendar.page.meetings": {"da": "Møder, der registreres", "en": "Meetings to log"},
    "calendar.page.skipped": {"da": "Sprunget over", "en": "Skipped"},
    "calendar.page.rejected": {"da": "Afvist", "en": "Rejected"},
    "calendar.page.new_contacts": {
        "da": "Ukendte eksterne deltagere: sæt flueben ved dem, der skal oprettes som kontakter",
        "en": "Unknown external attendees: tick those to create as contacts",
    },
    "calendar.page.col.date": {"da": "Dato", "en": "Date"},
    "calendar.page.col.summary": {"da": "Emne", "en": "Subject"},
    "calendar.page.col.staff": {"da": "Medarbejder", "en": "Staff member"},
    "calendar.page.col.reason": {"da": "Årsag", "en": "Reason"},
    "calendar.page.col.create": {"da": "Opret", "en": "Create"},
    "calendar.page.col.name": {"da": "Navn", "en": "Name"},
    "calendar.page.col.email": {"da": "E-mail", "en": "E-mail"},
    "calendar.page.col.meetings": {"da": "Møder", "en": "Meetings"},
    "calendar.page.commit": {"da": "Registrér møderne", "en": "Log the meetings"},
    "calendar.page.nothing": {
        "da": "Der er intet at registrere i denne fil.",
        "en": "There is nothing to log in this file.",
    },
    "calendar.page.done": {
        "da": "{logged} {logged:møde|møder} registreret: {ties_created} nye og {ties_updated} opdaterede relationer, "
        "{contact_log_entries} i kontaktloggen, {contacts_created} {contacts_created:ny kontakt|nye kontakter}.",
        "en": "{logged} {logged:meeting|meetings} logged: {ties_created} new and {ties_updated} updated ties, "
        "{contact_log_entries} in the contact log, {contacts_created} {contacts_created:new contact|new contacts}.",
    },
}
