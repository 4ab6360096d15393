"""Words of the network view: kinds of node and tie, the rings, measures, health findings and the
reasons given for potential partners. Written for library staff, not for network analysts."""

TEXTS = {
    # Kinds of node and tie
    "network.kind.library": {"da": "Biblioteket", "en": "The library"},
    "network.kind.staff": {"da": "Medarbejder", "en": "Staff member"},
    "network.kind.contact": {"da": "Kontakt", "en": "Contact"},
    "network.kind.organisation": {"da": "Organisation", "en": "Organisation"},
    "network.edge.staff": {"da": "Ansat på biblioteket", "en": "Works at the library"},
    "network.edge.affiliation": {"da": "Arbejder i / hører til", "en": "Works at / belongs to"},
    "network.edge.relation": {"da": "Relation", "en": "Relation"},
    "network.edge.partnership": {"da": "Partnerskab", "en": "Partnership"},
    "network.edge.former_affiliation": {"da": "Tidligere tilknyttet", "en": "Formerly at"},
    # The rings around the library
    "network.ring.0": {"da": "Biblioteket", "en": "The library"},
    "network.ring.1": {"da": "Aktive partnere", "en": "Active partners"},
    "network.ring.2": {"da": "Organisationer vi har kontakter i", "en": "Organisations where we have contacts"},
    "network.ring.3": {"da": "Mulige og ønskede partnere", "en": "Possible and wanted partners"},
    "network.ring.1.help": {
        "da": "Organisationer, som biblioteket har et partnerskab med.",
        "en": "Organisations the library is in partnership with.",
    },
    "network.ring.2.help": {
        "da": "En medarbejder kender nogen, der arbejder her, eller har selv kontakt med organisationen.",
        "en": "A staff member knows someone who works here, or is in touch with the organisation itself.",
    },
    "network.ring.3.help": {
        "da": "Organisationer, som ingen medarbejder har forbindelse til endnu, og dem, I gerne vil samarbejde med.",
        "en": "Organisations no staff member is connected to yet, and those you would like to work with.",
    },
    # Measures per node
    "network.metric.degree": {"da": "Antal forbindelser", "en": "Number of ties"},
    "network.metric.degree.help": {
        "da": "Hvor mange personer og organisationer der er direkte forbundet med denne.",
        "en": "How many people and organisations are directly connected to this one.",
    },
    "network.metric.weighted_degree": {"da": "Forbindelsernes samlede styrke", "en": "Total strength of ties"},
    "network.metric.weighted_degree.help": {
        "da": "Som antal forbindelser, men stærke relationer og partnerskaber tæller mere.",
        "en": "Like the number of ties, but strong relations and partnerships count more.",
    },
    "network.metric.betweenness": {"da": "Brobygger", "en": "Bridge builder"},
    "network.metric.betweenness.help": {
        "da": "Forbinder grupper, der ellers ikke kender hinanden: hvor ofte den korteste vej mellem to andre "
        "går gennem denne. Nr. 1 er den vigtigste brobygger i visningen.",
        "en": "Connects groups that would otherwise not know each other: how often the shortest path between "
        "two others runs through this one. No. 1 is the most important bridge builder in the view.",
    },
    "network.metric.closeness": {"da": "Nærhed", "en": "Closeness"},
    "network.metric.closeness.help": {
        "da": "Når hurtigt ud til hele netværket: hvor få skridt der er herfra til alle andre. Nr. 1 har "
        "kortest vej til alle.",
        "en": "Reaches the whole network quickly: how few steps it takes from here to everyone else. No. 1 "
        "has the shortest way to everyone.",
    },
    "network.metric.eigenvector": {"da": "Godt forbundet", "en": "Well connected"},
    "network.metric.eigenvector.help": {
        "da": "Høj værdi: har stærke forbindelser til andre, der selv er godt forbundet.",
        "en": "High: has strong ties to others who are themselves well connected.",
    },
    "network.metric.reach": {"da": "Rækkevidde", "en": "Reach"},
    "network.metric.reach.help": {
        "da": "Andelen af netværket, der kan nås i højst to skridt (en kontakt eller en kontakts kontakt).",
        "en": "The share of the network within two steps (a contact, or a contact's contact).",
    },
    "network.metric.community": {"da": "Gruppe", "en": "Group"},
    "network.metric.community.help": {
        "da": "Personer og organisationer, der hænger tættere sammen med hinanden end med resten. "
        "Gruppe 1 er den største.",
        "en": "People and organisations more closely tied to each other than to the rest. Group 1 is the largest.",
    },
    "network.metric.community_name": {"da": "Gruppe {number}", "en": "Group {number}"},
    "network.metric.sampled": {
        "da": "Netværket er stort, så brobygger- og nærhedstallene er beregnet ud fra {sample} "
        "tilfældigt valgte udgangspunkter. Rækkefølgen er pålidelig; de enkelte tal er skøn.",
        "en": "The network is large, so the bridge-builder and closeness figures are estimated from "
        "{sample} randomly chosen starting points. The order is reliable; single values are estimates.",
    },
    # Figures for the whole network
    "network.figure.nodes": {"da": "Personer og organisationer", "en": "People and organisations"},
    "network.figure.edges": {"da": "Forbindelser", "en": "Ties"},
    "network.figure.density": {"da": "Hvor mange kender hinanden", "en": "How many know each other"},
    "network.figure.density.help": {
        "da": "Hvor stor en del af alle tænkelige forbindelser der findes: 100 % ville betyde, at alle kender "
        "alle. I et stort netværk er tallet altid lavt.",
        "en": "How large a share of all possible ties exists: 100% would mean everyone knows everyone. In a "
        "large network the figure is always low.",
    },
    "network.figure.components": {
        "da": "Grupper uden forbindelse til hinanden",
        "en": "Groups with no tie to each other",
    },
    "network.figure.components.help": {
        "da": "Grupper af personer og organisationer, der ikke har nogen forbindelse til resten. En person "
        "eller organisation helt uden forbindelser tæller som sin egen gruppe.",
        "en": "Groups of people and organisations with no tie to the rest. A person or organisation with no "
        "ties at all counts as a group of its own.",
    },
    "network.figure.largest_component": {"da": "Største sammenhængende del", "en": "Largest connected part"},
    "network.figure.average_path_length": {"da": "Gennemsnitlig afstand", "en": "Average distance"},
    "network.figure.average_path_length.help": {
        "da": "Hvor mange skridt der i gennemsnit er mellem to i den største sammenhængende del.",
        "en": "How many steps there are on average between two in the largest connected part.",
    },
    "network.figure.diameter": {"da": "Største afstand", "en": "Longest distance"},
    "network.figure.diameter.help": {
        "da": "Det største antal skridt mellem to i den største sammenhængende del.",
        "en": "The largest number of steps between two in the largest connected part.",
    },
    "network.figure.path_sample": {
        "da": "Afstandene er skønnet ud fra {sample} tilfældigt valgte udgangspunkter.",
        "en": "The distances are estimated from {sample} randomly chosen starting points.",
    },
    "network.figure.brokers": {"da": "Brobyggere", "en": "Bridge builders"},
    "network.figure.isolates": {"da": "Uden forbindelser", "en": "Without ties"},
    # Health: ties going cold
    "network.cold.title": {"da": "Relationer, der er ved at blive kolde", "en": "Ties going cold"},
    "network.cold.help": {
        "da": "Relationer, hvor der ikke har været kontakt i {months} {months:måned|måneder} eller mere.",
        "en": "Ties with no contact for {months} {months:month|months} or more.",
    },
    "network.cold.months_since": {
        "da": "{months} {months:måned|måneder} siden",
        "en": "{months} {months:month|months} ago",
    },
    "network.cold.no_date": {"da": "Ingen dato", "en": "No date"},
    "network.cold.no_date.help": {
        "da": "Relationer uden nogen kontaktdato. Ingen ved, hvor varme de er.",
        "en": "Ties without any contact date. Nobody knows how warm they are.",
    },
    "network.column.owner": {"da": "Ansvarlig medarbejder", "en": "Staff member responsible"},
    "network.column.other": {"da": "Kontakt", "en": "Contact"},
    "network.column.contact_date": {"da": "Seneste kontakt", "en": "Last contact"},
    "network.column.months_since": {"da": "Måneder siden", "en": "Months ago"},
    "network.column.strength": {"da": "Styrke", "en": "Strength"},
    "network.column.relation_kind": {"da": "Slags relation", "en": "Kind of relation"},
    # Health: one-person dependencies and staff
    "network.single.title": {"da": "Hænger på én person", "en": "Depends on one person"},
    "network.single.help": {
        "da": "Partnerskaber og organisationer, som kun én medarbejder bærer. Stopper personen, mister "
        "biblioteket forbindelsen. Samme regel som på Oversigt, Organisation og i bestyrelsesrapporten.",
        "en": "Partnerships and organisations that only one staff member carries. If that person leaves, the "
        "library loses the connection. The same rule as on the start page, Organisation and the board pack.",
    },
    "network.column.other_staff": {
        "da": "Andre medarbejdere med kontakter der",
        "en": "Other staff with contacts there",
    },
    "network.column.people_known": {"da": "Kendte personer der", "en": "People known there"},
    "network.staff.title": {"da": "Relationer pr. medarbejder", "en": "Relations per staff member"},
    "network.column.ties": {"da": "Relationer", "en": "Relations"},
    "network.column.organisations": {"da": "Organisationer", "en": "Organisations"},
    "network.column.partnerships": {"da": "Partnerskaber", "en": "Partnerships"},
    "network.column.sole_organisations": {"da": "Kun kendt af denne", "en": "Known only by them"},
    "network.column.sole_partnerships": {"da": "Partnerskaber alene", "en": "Partnerships held alone"},
    "network.column.cold_ties": {"da": "Kolde relationer", "en": "Cold ties"},
    # Potential partners
    "network.potential.title": {"da": "Mulige partnere", "en": "Potential partners"},
    "network.potential.help": {
        "da": "Alle organisationer, der ikke er partnere endnu, sorteret efter hvor tæt biblioteket "
        "allerede er på dem. Listen sorterer; den udelukker ingen.",
        "en": "Every organisation that is not a partner yet, ordered by how close the library already "
        "is to it. The list orders; it leaves no one out.",
    },
    "network.column.score": {"da": "Point (0-100)", "en": "Score (0-100)"},
    "network.column.rank": {"da": "Placering", "en": "Rank"},
    "network.column.reason": {"da": "Hvorfor", "en": "Why"},
    "network.reason.known": {
        "da": "{staff} {staff:medarbejder|medarbejdere} kender {people} {people:person|personer} her",
        "en": "{staff} {staff:staff member knows|staff members know} {people} {people:person|people} here",
    },
    "network.reason.direct": {
        "da": "{staff} {staff:medarbejder|medarbejdere} har direkte kontakt med organisationen",
        "en": "{staff} {staff:staff member is|staff members are} in direct touch with the organisation",
    },
    "network.reason.partners": {
        "da": "deler kontakter med {count} {count:nuværende partner|nuværende partnere} ({names})",
        "en": "shares contacts with {count} {count:current partner|current partners} ({names})",
    },
    "network.reason.near_partners": {
        "da": "er to skridt fra {count} {count:nuværende partner|nuværende partnere}",
        "en": "is two steps from {count} {count:current partner|current partners}",
    },
    "network.reason.strong": {
        "da": "stærk relation (styrke {strength} af 5)",
        "en": "a strong tie (strength {strength} of 5)",
    },
    "network.reason.recent_this_month": {"da": "seneste kontakt denne måned", "en": "last contact this month"},
    "network.reason.recent": {
        "da": "seneste kontakt for {months} {months:måned|måneder} siden",
        "en": "last contact {months} {months:month|months} ago",
    },
    "network.reason.none": {
        "da": "ingen på biblioteket kender nogen her endnu",
        "en": "nobody at the library knows anyone here yet",
    },
    "network.reason.and_more": {"da": "og {count} {count:anden|andre}", "en": "and {count} more"},
    # Over time
    "network.timeline.title": {"da": "Netværket over tid", "en": "The network over time"},
    "network.timeline.as_of": {"da": "Netværket den {date}", "en": "The network on {date}"},
    "network.timeline.new_ties": {"da": "Nye forbindelser", "en": "New ties"},
    "network.timeline.lost_ties": {"da": "Mistede forbindelser", "en": "Lost ties"},
    "network.timeline.new_nodes": {"da": "Nye i netværket", "en": "New in the network"},
    "network.timeline.lost_nodes": {"da": "Ikke længere i netværket", "en": "No longer in the network"},
    "network.timeline.risers": {"da": "Fået en mere central plads", "en": "Became more central"},
    "network.timeline.fallers": {"da": "Fået en mindre central plads", "en": "Became less central"},
    "network.timeline.change": {"da": "Ændring", "en": "Change"},
}
