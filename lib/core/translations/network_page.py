"""Texts of the page "Netværk" (pages/network.py, components/network_views.py).

The words for kinds, measures, rings and health findings live in ``network.py`` and the drawing's
and downloads' words in ``network_export.py``; this file holds what only the page says.
"""

TEXTS = {
    "netpage.title": {"da": "Plej netværket!", "en": "Nurture the network"},
    "netpage.intro": {
        "da": "Kortet viser bibliotekets medarbejdere, deres kontakter og de organisationer, I samarbejder "
        "med. Brug det til at se, hvem der kender hvem, hvilke relationer der er ved at blive kolde, "
        "og hvilke organisationer der kunne blive nye partnere.",
        "en": "The map shows the library's staff, their contacts and the organisations you work with. Use it "
        "to see who knows whom, which ties are going cold, and which organisations could become new "
        "partners.",
    },
    "netpage.empty": {
        "da": "Der er endnu intet netværk at vise. Importér jeres kontaktlister under »{import_page}«, eller "
        "opret demo-biblioteket på »{overview_page}«.",
        "en": 'There is no network to show yet. Import your contact lists under "{import_page}", or create '
        'the demo library on "{overview_page}".',
    },
    "netpage.go_import": {"da": "Gå til import", "en": "Go to import"},
    # The date
    "netpage.as_of": {"da": "Netværket pr.", "en": "The network as of"},
    "netpage.as_of.help": {
        "da": "Træk til venstre for at se netværket, som det så ud på en tidligere dato. En relation tæller "
        "fra den første kontakt.",
        "en": "Drag to the left to see the network as it was on an earlier date. A relation counts from the "
        "first contact.",
    },
    "netpage.as_of.today": {"da": "Viser netværket i dag ({date}).", "en": "Showing the network today ({date})."},
    "netpage.as_of.past": {
        "da": "Viser netværket, som det så ud den {date}. Træk helt til højre for at se det i dag.",
        "en": "Showing the network as it was on {date}. Drag all the way to the right to see it today.",
    },
    # Views
    "netpage.view": {"da": "Visning", "en": "View"},
    "netpage.view.whole": {"da": "Hele netværket", "en": "The whole network"},
    "netpage.view.organisations": {"da": "Kun organisationer", "en": "Organisations only"},
    "netpage.view.mine": {"da": "Mit netværk", "en": "My network"},
    "netpage.view.rings": {"da": "Ringe omkring biblioteket", "en": "Rings around the library"},
    "netpage.view.whole.help": {
        "da": "Alle personer og organisationer og forbindelserne mellem dem.",
        "en": "Every person and organisation and the ties between them.",
    },
    "netpage.view.organisations.help": {
        "da": "Personerne er lagt ind under de organisationer, de arbejder i; medarbejderne under biblioteket. "
        "Åbn en organisation for at se, hvor mange forbindelser den har til hver af de andre.",
        "en": "People are folded into the organisations they work at, staff into the library. Open an "
        "organisation to see how many ties it has with each of the others.",
    },
    "netpage.view.mine.help": {
        "da": "Én medarbejders netværk: de personer og organisationer, medarbejderen har forbindelse til.",
        "en": "One staff member's network: the people and organisations they are tied to.",
    },
    "netpage.view.rings.help": {
        "da": "Biblioteket i midten. Inderste ring: aktive partnere. Midterste ring: organisationer, hvor I "
        "kender nogen. Yderste ring: de {count} mest oplagte mulige partnere (se »{health_tab}«) og "
        "organisationer, som ingen kender endnu.",
        "en": "The library in the centre. Inner ring: active partners. Middle ring: organisations where you "
        'know someone. Outer ring: the {count} most promising potential partners (see "{health_tab}") '
        "and organisations nobody knows yet.",
    },
    "netpage.staff": {"da": "Medarbejder", "en": "Staff member"},
    "netpage.staff.placeholder": {"da": "Vælg en medarbejder", "en": "Choose a staff member"},
    "netpage.mine.choose": {
        "da": "Vælg dig selv eller en kollega på listen for at se netværket omkring den person.",
        "en": "Choose yourself or a colleague in the list to see the network around that person.",
    },
    "netpage.mine.no_staff": {
        "da": "Der er ingen medarbejdere i netværket endnu. Markér personer som medarbejdere under »{contacts_page}«.",
        "en": 'There are no staff members in the network yet. Mark people as staff under "{contacts_page}".',
    },
    "netpage.mine.no_staff_then": {
        "da": "Der var ingen medarbejdere i netværket den {date}. Træk datoen frem.",
        "en": "There were no staff members in the network on {date}. Move the date forward.",
    },
    # Filters
    "netpage.filters": {"da": "Filtre", "en": "Filters"},
    "netpage.filters.active": {"da": "Filtre ({count} i brug)", "en": "Filters ({count} in use)"},
    "netpage.filter.node_kinds": {"da": "Vis disse", "en": "Show these"},
    "netpage.filter.edge_kinds": {"da": "Vis disse forbindelser", "en": "Show these ties"},
    "netpage.filter.kinds_not_here": {
        "da": "Gælder kun »{whole}« og »{mine}«.",
        "en": 'Applies only to "{whole}" and "{mine}".',
    },
    "netpage.filter.sectors": {"da": "Organisationer i sektoren", "en": "Organisations in the sector"},
    "netpage.filter.org_types": {"da": "Organisationer af typen", "en": "Organisations of the type"},
    "netpage.filter.all": {"da": "Alle", "en": "All"},
    "netpage.filter.not_given": {"da": "Ikke angivet", "en": "Not given"},
    "netpage.filter.staff": {
        "da": "Kun forbindelser, som disse medarbejdere har",
        "en": "Only ties these staff members hold",
    },
    "netpage.filter.staff.help": {
        "da": "Viser medarbejderens egne kontakter, de relationer medarbejderen er ansvarlig for, og de "
        "partnerskaber, medarbejderen holder.",
        "en": "Shows the staff member's own contacts, the relations they are responsible for, and the "
        "partnerships they hold.",
    },
    "netpage.filter.min_strength": {"da": "Relationer med mindst styrke", "en": "Relations of at least strength"},
    "netpage.filter.min_strength.help": {
        "da": "Styrke 1 (svag) til 5 (stærk). En relation uden styrke tæller som 2. Andre forbindelser påvirkes ikke.",
        "en": "Strength 1 (weak) to 5 (strong). A relation without a strength counts as 2. Other ties are "
        "not affected.",
    },
    "netpage.filter.after": {"da": "Seneste kontakt fra og med", "en": "Last contact on or after"},
    "netpage.filter.before": {"da": "Seneste kontakt til og med", "en": "Last contact on or before"},
    "netpage.filter.dates.help": {
        "da": "Gælder relationer og partnerskaber. Når en dato er valgt, skjules forbindelser uden kontaktdato.",
        "en": "Applies to relations and partnerships. When a date is chosen, ties without a contact date are hidden.",
    },
    "netpage.filter.reset": {"da": "Nulstil filtre", "en": "Reset filters"},
    "netpage.filter.no_kinds": {
        "da": "Vælg mindst én slags at vise under »Filtre«.",
        "en": 'Choose at least one kind to show under "Filters".',
    },
    "netpage.filter.dates_swapped": {
        "da": "Datoen »fra og med« ligger efter »til og med«, så intet kan vises. Byt om på dem.",
        "en": 'The "on or after" date is later than the "on or before" date, so nothing can be shown. Swap them.',
    },
    # Sections
    "netpage.tab.map": {"da": "Netværkskort", "en": "Network map"},
    "netpage.tab.figures": {"da": "Tal og nøglepersoner", "en": "Figures and key people"},
    "netpage.tab.health": {"da": "Netværkets sundhed", "en": "Network health"},
    "netpage.tab.time": {"da": "Over tid", "en": "Over time"},
    "netpage.tab.download": {"da": "Hent", "en": "Download"},
    # The map
    "netpage.color_by": {"da": "Farve efter", "en": "Colour by"},
    "netpage.size_by": {"da": "Størrelse efter", "en": "Size by"},
    "netpage.size.kind": {"da": "Slags (fast størrelse)", "en": "Kind (fixed size)"},
    "netpage.labels": {"da": "Vis navne", "en": "Show names"},
    "netpage.not_in_rings": {
        "da": "I ringvisningen viser farven organisationstypen.",
        "en": "In the rings view the colour shows the organisation type.",
    },
    "netpage.find": {"da": "Find og åbn", "en": "Find and open"},
    "netpage.find.placeholder": {"da": "Skriv et navn …", "en": "Type a name …"},
    "netpage.find.help": {
        "da": "Skriv en del af et navn for at finde en person eller organisation på kortet. Det er det samme "
        "som at klikke på punktet.",
        "en": "Type part of a name to find a person or organisation on the map. It is the same as clicking the point.",
    },
    "netpage.chart_hint": {
        "da": "Hold musen over et punkt for at se, hvem det er. Klik på et punkt for at åbne det, eller træk en "
        "firkant for at markere flere. Zoom og flyt med knapperne øverst til højre på kortet.",
        "en": "Hover over a point to see who it is. Click a point to open it, or drag a box to mark several. "
        "Zoom and pan with the buttons at the top right of the map.",
    },
    "netpage.shown": {
        "da": "Viser {nodes} {nodes:punkt|punkter} og {edges} {edges:forbindelse|forbindelser}.",
        "en": "Showing {nodes} {nodes:point|points} and {edges} {edges:tie|ties}.",
    },
    "netpage.selected_many": {
        "da": "Du har markeret {count}: {names}. Den første er åbnet herunder; vælg en anden i »Find og åbn«.",
        "en": 'You marked {count}: {names}. The first is opened below; choose another in "Find and open".',
    },
    # Details of one node
    "netpage.details.organisation": {"da": "Organisation: {organisation}", "en": "Organisation: {organisation}"},
    "netpage.details.job_title": {"da": "Stilling: {title}", "en": "Job title: {title}"},
    "netpage.details.people": {
        "da": "Personer fra organisationen i netværket: {count}",
        "en": "People from the organisation in the network: {count}",
    },
    "netpage.details.owner": {"da": "Ansvarlig medarbejder: {owner}", "en": "Staff member responsible: {owner}"},
    "netpage.details.no_owner": {
        "da": "Ingen medarbejder står som ansvarlig for forbindelserne hertil.",
        "en": "No staff member is responsible for the ties here.",
    },
    "netpage.details.partner": {"da": "Partner", "en": "Partner"},
    "netpage.details.ties": {"da": "Forbindelser", "en": "Ties"},
    "netpage.details.no_ties": {"da": "Ingen forbindelser i denne visning.", "en": "No ties in this view."},
    "netpage.details.ego": {"da": "Netværket omkring punktet", "en": "The network around this point"},
    "netpage.details.close": {"da": "Luk", "en": "Close"},
    "netpage.ego.radius": {"da": "Vis", "en": "Show"},
    "netpage.ego.1": {"da": "Direkte forbindelser", "en": "Direct ties"},
    "netpage.ego.2": {"da": "Også deres forbindelser (to skridt)", "en": "Their ties too (two steps)"},
    "netpage.col.name": {"da": "Navn", "en": "Name"},
    "netpage.col.kind": {"da": "Slags", "en": "Kind"},
    "netpage.col.other": {"da": "Forbundet med", "en": "Tied to"},
    "netpage.col.tie_kind": {"da": "Forbindelse", "en": "Tie"},
    "netpage.col.ties": {"da": "Antal", "en": "Number"},
    "netpage.col.org_type": {"da": "Type", "en": "Type"},
    "netpage.col.sector": {"da": "Sektor", "en": "Sector"},
    "netpage.col.partner": {"da": "Partner", "en": "Partner"},
    "netpage.col.scope": {"da": "Hvad hænger på personen", "en": "What depends on the person"},
    "netpage.col.between": {"da": "Mellem", "en": "Between"},
    "netpage.col.and": {"da": "og", "en": "and"},
    "netpage.col.degree_before": {"da": "Forbindelser før", "en": "Ties before"},
    "netpage.col.degree_after": {"da": "Forbindelser efter", "en": "Ties after"},
    "netpage.col.betweenness_place": {"da": "Brobygger, nr.", "en": "Bridge builder, place"},
    "netpage.col.closeness_place": {"da": "Nærhed, nr.", "en": "Closeness, place"},
    "netpage.col.betweenness_before": {"da": "Brobygger, nr. før", "en": "Bridge builder, place before"},
    "netpage.col.betweenness_after": {"da": "Brobygger, nr. efter", "en": "Bridge builder, place after"},
    # Figures and key people
    "netpage.figures.title": {"da": "Netværket i tal", "en": "The network in figures"},
    "netpage.figures.view": {
        "da": "Tallene gælder visningen »{view}« med de valgte filtre.",
        "en": 'The figures are for the view "{view}" with the chosen filters.',
    },
    "netpage.figures.exact": {
        "da": "Alle tal er beregnet præcist (ikke skønnet).",
        "en": "All figures are computed exactly (not estimated).",
    },
    "netpage.brokers.title": {"da": "Brobyggere", "en": "Bridge builders"},
    "netpage.brokers.text": {
        "da": "Disse forbinder dele af netværket, som ellers ikke ville mødes. Mister biblioteket kontakten "
        "til dem, falder netværket mere fra hinanden:",
        "en": "These connect parts of the network that would otherwise not meet. If the library loses touch "
        "with them, the network falls further apart:",
    },
    "netpage.brokers.none": {
        "da": "Ingen i denne visning forbinder grupper, der ellers ikke kender hinanden.",
        "en": "Nobody in this view connects groups that would otherwise not know each other.",
    },
    "netpage.isolates.title": {"da": "Uden forbindelser", "en": "Without ties"},
    "netpage.isolates": {
        "da": "{count} står uden nogen forbindelse i denne visning:",
        "en": "{count} {count:has|have} no tie at all in this view:",
    },
    "netpage.isolates.none": {
        "da": "Alle i visningen har mindst én forbindelse.",
        "en": "Everyone in the view has at least one tie.",
    },
    "netpage.and_more": {"da": "… og {count} flere.", "en": "… and {count} more."},
    "netpage.metrics.title": {"da": "Alle i visningen", "en": "Everyone in the view"},
    "netpage.metrics.help": {
        "da": "Klik på en kolonneoverskrift for at sortere. Hold musen over overskriften for en forklaring.",
        "en": "Click a column heading to sort. Hover over the heading for an explanation.",
    },
    "netpage.metrics.download": {"da": "Hent tabellen som Excel", "en": "Download the table as Excel"},
    "netpage.metrics.sheet": {"da": "Netværkstal", "en": "Network figures"},
    "netpage.metrics.file_stem": {"da": "netvaerkstal", "en": "network-figures"},
    # Health
    "netpage.health.basis": {
        "da": "Beregnet for hele netværket pr. {date}. Filtrene og visningen gælder ikke her.",
        "en": "Computed for the whole network as of {date}. The filters and the view do not apply here.",
    },
    "netpage.cold.months": {"da": "Kold efter antal måneder uden kontakt", "en": "Cold after months without contact"},
    "netpage.cold.count": {
        "da": "{count} {count:relation|relationer} har ikke haft kontakt i {months} {months:måned|måneder} eller mere.",
        "en": "{count} {count:tie has|ties have} had no contact for {months} {months:month|months} or more.",
    },
    "netpage.cold.none": {
        "da": "Ingen relationer har været uden kontakt i {months} {months:måned|måneder}. Flot!",
        "en": "No tie has gone {months} {months:month|months} without contact. Well done!",
    },
    "netpage.cold.undated": {
        "da": "{count} {count:relation|relationer} har ingen kontaktdato",
        "en": "{count} {count:tie has|ties have} no contact date",
    },
    "netpage.single.none": {
        "da": "Intet partnerskab og ingen organisation hænger på én enkelt medarbejder.",
        "en": "No partnership and no organisation depends on one single staff member.",
    },
    "netpage.staff.none": {"da": "Der er ingen medarbejdere i netværket.", "en": "There are no staff in the network."},
    "netpage.potential.top": {"da": "De tre mest oplagte", "en": "The three most promising"},
    "netpage.potential.card": {"da": "Nr. {rank} · {score} point", "en": "No. {rank} · {score} {score:point|points}"},
    "netpage.potential.all": {
        "da": "Alle {count} {count:organisation|organisationer}, der ikke er partnere endnu",
        "en": "All {count} {count:organisation|organisations} that are not partners yet",
    },
    "netpage.potential.none": {
        "da": "Alle organisationer i netværket er allerede partnere.",
        "en": "Every organisation in the network is a partner already.",
    },
    # Over time
    "netpage.compare.title": {"da": "Sammenlign to datoer", "en": "Compare two dates"},
    "netpage.compare.from": {"da": "Fra", "en": "From"},
    "netpage.compare.to": {"da": "Til", "en": "To"},
    "netpage.compare.same": {"da": "Vælg to forskellige datoer.", "en": "Choose two different dates."},
    "netpage.compare.swapped": {
        "da": "»Fra« lå efter »Til«; datoerne er byttet om.",
        "en": '"From" was after "To"; the dates were swapped.',
    },
    "netpage.compare.summary": {
        "da": "Fra {start} til {end}: {new_ties} {new_ties:ny|nye} og {lost_ties} {lost_ties:mistet forbindelse|mistede forbindelser}; {new_nodes} {new_nodes:ny|nye} i "
        "netværket og {lost_nodes}, der ikke længere er med.",
        "en": "From {start} to {end}: {new_ties} new and {lost_ties} {lost_ties:lost tie|lost ties}; {new_nodes} new in the network "
        "and {lost_nodes} no longer in it.",
    },
    "netpage.compare.nodes": {"da": "Personer og organisationer", "en": "People and organisations"},
    "netpage.compare.edges": {"da": "Forbindelser", "en": "Ties"},
    "netpage.compare.none": {"da": "Ingen.", "en": "No changes."},
    "netpage.compare.central_help": {
        "da": "Målt på »Brobygger« (hvor ofte de ligger på vejen mellem to andre); antal forbindelser afgør, "
        "når den er uændret.",
        "en": 'Measured by "Bridge builder" (how often they lie on the path between two others); the number of '
        "ties decides when it is unchanged.",
    },
    # Downloads
    "netpage.download.scope": {
        "da": "Filerne indeholder netværket, som det vises nu: »{view}« pr. {date}, med de valgte filtre.",
        "en": 'The files hold the network as it is shown now: "{view}" as of {date}, with the chosen filters.',
    },
    "netpage.download.graphs": {"da": "Til netværksprogrammer", "en": "For network programs"},
    "netpage.download.graphs.help": {
        "da": "GEXF åbnes i Gephi; GraphML i de fleste netværksprogrammer; Kumu-filen er et Excel-ark, som "
        "kan indlæses på kumu.io.",
        "en": "GEXF opens in Gephi; GraphML in most network programs; the Kumu file is an Excel workbook "
        "that can be loaded on kumu.io.",
    },
    "netpage.download.images": {"da": "Billede af kortet", "en": "Picture of the map"},
    "netpage.download.images.help": {
        "da": "Kortet, som det ser ud nu, til en præsentation eller en rapport. Det kan tage et par sekunder.",
        "en": "The map as it looks now, for a presentation or a report. It may take a few seconds.",
    },
    "netpage.download.board_safe": {
        "da": "E-mails og telefonnumre er ikke med, så filerne kan deles med fx ledelse og udvalg.",
        "en": "E-mails and phone numbers are left out, so the files can be shared with e.g. management and the board.",
    },
    "netpage.download.file_stem": {"da": "netvaerk", "en": "network"},
    "netpage.filter.stages": {"da": "Partnerskabsfase", "en": "Partnership stage"},
    "netpage.filter.stages.help": {
        "da": "Vis organisationer efter fasen i deres partnerskab med biblioteket (den længst fremme, hvis der "
        "er flere). Personer og biblioteket påvirkes ikke.",
        "en": "Show organisations by the stage of their partnership with the library (the furthest one if "
        "there are several). People and the library are not affected.",
    },
    "netpage.filter.no_partnership": {"da": "Intet registreret partnerskab", "en": "No registered partnership"},
}
