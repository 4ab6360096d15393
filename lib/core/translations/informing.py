"""Texts of the duty to inform (GDPR art. 14): lib/privacy/informing.py, its tab on the page "Administration"
(components/informing_views.py), the person view's entry, and ``python -m lib person inform|uninformed``."""

NOTICE_DA = """\
Emne: Vi har registreret dine kontaktoplysninger

Hej

Du får denne besked, fordi {library} har registreret dine kontaktoplysninger i vores oversigt over \
samarbejdspartnere og kontakter. Vi har ikke fået oplysningerne fra dig selv, og derfor fortæller vi dig \
her, hvad vi har registreret, og hvorfor (databeskyttelsesforordningens artikel 14).

Dataansvarlig
{library}, [UDFYLD: adresse, telefon og e-mail].

Hvilke oplysninger
Dit navn, din e-mailadresse, dit telefonnummer, den organisation, du arbejder for eller er tilknyttet, din \
rolle eller stilling dér og vores kontakthistorik med dig (fx møder, aftaler og fælles aktiviteter).

Formål
At planlægge, udvikle og følge bibliotekets samarbejde med partnere (partnerskabsarbejde).

Retsgrundlag
[UDFYLD: fx databeskyttelsesforordningens artikel 6, stk. 1, litra e (en opgave i samfundets interesse, \
som biblioteket løser efter biblioteksloven), eller litra f (legitim interesse: at kunne samarbejde med dig \
og din organisation)].

Hvor oplysningerne kommer fra
Vores medarbejderes kontaktlister, fx adressebøger, deltagerlister og visitkort.

Hvem ser oplysningerne
[UDFYLD: fx kun bibliotekets medarbejdere; oplysningerne gives ikke videre, ud over til vores \
it-leverandør, der behandler dem på vores vegne].

Hvor længe
Vi gennemgår kontakter, der ikke har været brugt i {period}, og sletter dem, vi ikke længere har brug for.

Dine rettigheder
Du har ret til at få indsigt i de oplysninger, vi har om dig, til at få forkerte oplysninger rettet, til at \
få oplysningerne slettet, til at få behandlingen begrænset og til at gøre indsigelse mod, at vi behandler \
dem. Skriv til os, hvis du vil bruge dine rettigheder. Du kan også klage til Datatilsynet \
(www.datatilsynet.dk).

Databeskyttelsesrådgiver
[UDFYLD: navn og e-mail på databeskyttelsesrådgiveren (DPO)].

Venlig hilsen
{library}
"""

NOTICE_EN = """\
Subject: We have recorded your contact details

Hello

You are receiving this message because {library} has recorded your contact details in our overview of \
partners and contacts. We did not receive them from you, so we are telling you here what we have recorded \
and why (Article 14 of the General Data Protection Regulation).

Controller
{library}, [FILL IN: address, phone and e-mail].

What data
Your name, e-mail address and phone number, the organisation you work for or belong to, your role or job \
title there, and our history of contact with you (for example meetings, agreements and joint activities).

Purpose
To plan, develop and follow up the library's work with partners (partnership work).

Lawful basis
[FILL IN: for example Article 6(1)(e) GDPR (a task carried out in the public interest, which the library \
performs under the Danish Act on Library Services), or Article 6(1)(f) (legitimate interest: being able to \
work with you and your organisation)].

Where the data comes from
Our staff's contact lists, for example address books, lists of participants and business cards.

Who sees the data
[FILL IN: for example only the library's staff; the data is not passed on, apart from to our IT supplier, \
who processes it on our behalf].

How long
We review contacts that have not been used for {period} and erase those we no longer need.

Your rights
You have the right to access the data we hold about you, to have incorrect data rectified, to have the data \
erased, to have the processing restricted and to object to our processing it. Write to us if you want to \
use your rights. You can also complain to the Danish Data Protection Agency (Datatilsynet, \
www.datatilsynet.dk).

Data protection officer
[FILL IN: name and e-mail of the data protection officer (DPO)].

Kind regards
{library}
"""

TEXTS = {
    # --- the fields of a person (export, person view) ----------------------------------------------
    "personal_data.field.informed_on": {"da": "Oplyst den", "en": "Informed on"},
    "personal_data.field.informed_how": {"da": "Hvordan de blev oplyst", "en": "How they were informed"},
    "personal_data.field.informed_note": {"da": "Note om oplysningen", "en": "Note on informing"},
    "informing.how.email": {"da": "E-mail", "en": "E-mail"},
    "informing.how.letter": {"da": "Brev", "en": "Letter"},
    "informing.how.in_person": {"da": "Personligt", "en": "In person"},
    "informing.how.agreement": {"da": "I aftalen eller på mødet", "en": "In the agreement or at the meeting"},
    "informing.how.other": {"da": "Andet", "en": "Other"},
    # --- problems ------------------------------------------------------------------------------------
    "informing.date_missing": {
        "da": "Skriv datoen, hvor personen fik besked.",
        "en": "Enter the date the person was told.",
    },
    "informing.date_in_future": {
        "da": "Datoen {date} ligger efter i dag ({today}). Registrér oplysningen, når beskeden er sendt.",
        "en": "The date {date} is after today ({today}). Record it once the notice has been sent.",
    },
    "informing.how_invalid": {
        "da": "»{value}« er ikke en kendt måde at oplyse på. Brug en af disse: {codes}.",
        "en": "\u201c{value}\u201d is not a known way of informing. Use one of these: {codes}.",
    },
    "informing.note_too_long": {
        "da": "Noten må højst fylde {limit} tegn.",
        "en": "The note may be at most {limit} {limit:character|characters} long.",
    },
    "informing.staff": {
        "da": "{name} er medarbejder på biblioteket og skal ikke oplyses her.",
        "en": "{name} is on the library's staff and is not a contact to inform.",
    },
    # --- the event log -------------------------------------------------------------------------------
    "admin.action.contacts_informed": {"da": "Kontakter markeret som oplyst", "en": "Contacts marked as informed"},
    "admin.action.person_informed_set": {
        "da": "Oplysning om registrering rettet",
        "en": "Informing of a person edited",
    },
    # --- the tab "Oplysningspligt" -------------------------------------------------------------------
    "informing.tab": {"da": "Oplysningspligt", "en": "Duty to inform"},
    "informing.intro": {
        "da": "Kontakter, vi har fra medarbejdernes lister og ikke fra personen selv, skal senest en måned "
        "efter have besked om, at biblioteket har deres oplysninger (databeskyttelsesforordningens "
        "artikel 14). Medarbejdere er ikke med på listen.",
        "en": "Contacts we have from staff's lists, not from the person themselves, must be told within a "
        "month that the library holds their data (Article 14 of the GDPR). Staff are not on the list.",
    },
    "informing.count": {
        "da": "{count} {count:kontakt|kontakter} er ikke oplyst endnu.",
        "en": "{count} {count:contact has|contacts have} not been informed yet.",
    },
    "informing.overdue": {
        "da": "For {count} af dem er fristen overskredet.",
        "en": "{count} of them {count:is|are} past the deadline.",
    },
    "informing.empty": {"da": "Alle kontakter er oplyst.", "en": "Every contact has been informed."},
    "informing.status.overdue": {"da": "Frist overskredet", "en": "Deadline passed"},
    "informing.status.today": {"da": "Frist i dag", "en": "Due today"},
    "informing.status.days": {"da": "{count} {count:dag|dage} tilbage", "en": "{count} {count:day|days} left"},
    "informing.col.name": {"da": "Navn", "en": "Name"},
    "informing.col.email": {"da": "E-mail", "en": "E-mail"},
    "informing.col.organisations": {"da": "Organisationer", "en": "Organisations"},
    "informing.col.obtained_on": {"da": "Registreret", "en": "Obtained"},
    "informing.col.deadline": {"da": "Frist", "en": "Deadline"},
    "informing.col.status": {"da": "Status", "en": "Status"},
    "informing.col.informed_on": {"da": "Oplyst den", "en": "Informed on"},
    "informing.mark.heading": {"da": "Markér som oplyst", "en": "Mark as informed"},
    "informing.mark.pick": {"da": "Kontakter, der har fået besked", "en": "Contacts who have been told"},
    "informing.mark.pick_placeholder": {"da": "Vælg kontakter …", "en": "Choose contacts …"},
    "informing.mark.all": {"da": "Vælg alle på listen", "en": "Choose everyone on the list"},
    "informing.mark.on": {"da": "Oplyst den", "en": "Informed on"},
    "informing.mark.how": {"da": "Hvordan", "en": "How"},
    "informing.mark.note": {"da": "Note (kan udelades)", "en": "Note (optional)"},
    "informing.mark.note_help": {
        "da": "Fx hvilken tekst der blev sendt, eller hvor kopien ligger.",
        "en": "For example which text was sent, or where the copy is kept.",
    },
    "informing.mark.button": {"da": "Markér som oplyst", "en": "Mark as informed"},
    "informing.mark.choose_first": {"da": "Vælg mindst én kontakt først.", "en": "Choose at least one contact first."},
    "informing.marked": {
        "da": "{count} {count:kontakt|kontakter} er markeret som oplyst.",
        "en": "{count} {count:contact was|contacts were} marked as informed.",
    },
    "informing.already": {
        "da": "{count} var allerede markeret og {count:beholder sin dato|beholder deres dato}.",
        "en": "{count} {count:was marked already and keeps its date|were marked already and keep their dates}.",
    },
    "informing.notice.heading": {"da": "Tekst at sende", "en": "Notice to send"},
    "informing.notice.caption": {
        "da": "Udfyld det, der står i [firkantede parenteser], før teksten sendes. Bibliotekets navn kommer fra "
        "arbejdsområdets indstillinger og opbevaringsperioden fra fanen Opbevaring.",
        "en": "Fill in what is in [square brackets] before sending. The library's name comes from the "
        "workspace settings and the retention period from the Retention tab.",
    },
    "informing.notice.da": {"da": "Dansk tekst", "en": "Danish text"},
    "informing.notice.en": {"da": "Engelsk tekst", "en": "English text"},
    "informing.notice.download": {"da": "Hent teksten", "en": "Download the text"},
    "informing.notice.library_placeholder": {
        "da": "[UDFYLD: bibliotekets navn]",
        "en": "[FILL IN: the library's name]",
    },
    "informing.notice.months": {"da": "{count} {count:måned|måneder}", "en": "{count} {count:month|months}"},
    "informing.notice.body": {"da": NOTICE_DA, "en": NOTICE_EN},
    # --- one person's entry (the person view) --------------------------------------------------------
    "informing.person.heading": {"da": "Oplysningspligt", "en": "Duty to inform"},
    "informing.person.staff": {
        "da": "Medarbejdere på biblioteket skal ikke oplyses her.",
        "en": "The library's staff are not contacts to inform.",
    },
    "informing.person.waiting": {
        "da": "Ikke oplyst endnu. Registreret {obtained}, frist {deadline}.",
        "en": "Not informed yet. Obtained {obtained}, deadline {deadline}.",
    },
    "informing.person.overdue": {
        "da": "Ikke oplyst endnu, og fristen {deadline} er overskredet (registreret {obtained}).",
        "en": "Not informed yet, and the deadline {deadline} has passed (obtained {obtained}).",
    },
    "informing.person.informed": {"da": "Oplyst {date} ({how}).", "en": "Informed on {date} ({how})."},
    "informing.person.on_help": {
        "da": "Tøm feltet, hvis personen alligevel ikke har fået besked.",
        "en": "Clear the field if the person has not been told after all.",
    },
    "informing.person.save": {"da": "Gem oplysningen", "en": "Save"},
    "informing.person.saved": {"da": "Oplysningen er gemt.", "en": "Saved."},
    "informing.person.cleared": {
        "da": "Personen står nu som ikke oplyst.",
        "en": "The person is now shown as not informed.",
    },
    "informing.person.unchanged": {"da": "Intet er ændret.", "en": "Nothing changed."},
    # --- the command line ----------------------------------------------------------------------------
    "informing.cli.informed": {
        "da": "{name} er registreret som oplyst den {date} ({how}).",
        "en": "{name} is recorded as informed on {date} ({how}).",
    },
    "informing.cli.unchanged": {
        "da": "{name} stod allerede som oplyst den {date} ({how}).",
        "en": "{name} was already recorded as informed on {date} ({how}).",
    },
    "informing.cli.bad_date": {
        "da": "Datoen »{value}« kan ikke bruges: {problem}",
        "en": "The date \u201c{value}\u201d cannot be used: {problem}",
    },
    "informing.cli.overdue": {"da": "FRIST OVERSKREDET", "en": "DEADLINE PASSED"},
}
