"""Texts of the command line (``python -m lib``)."""

TEXTS = {
    "cli.file_not_found": {
        "da": "Filen {file} findes ikke eller kan ikke læses.",
        "en": "The file {file} does not exist or cannot be read.",
    },
    "cli.nothing_to_import": {
        "da": "Der er intet at importere: ingen ark med kontakter, organisationer eller relationer blev fundet.",
        "en": "Nothing to import: no sheet with contacts, organisations or relations was found.",
    },
    "cli.import_dry_run": {"da": "Prøvekørsel – intet er gemt.", "en": "Dry run – nothing was stored."},
    "cli.import_done": {"da": "Importen er gemt.", "en": "The import was stored."},
    "cli.import_counts": {
        "da": "Rækker: {rows} · nye: {inserted} · opdateret: {updated} · uændret: {unchanged} · "
        "afvist: {rejected} · sprunget over: {skipped}",
        "en": "Rows: {rows} · inserted: {inserted} · updated: {updated} · unchanged: {unchanged} · "
        "rejected: {rejected} · skipped: {skipped}",
    },
    "cli.import_entities": {
        "da": "Personer: {people} · organisationer: {organisations} · relationer: {relations}",
        "en": "People: {people} · organisations: {organisations} · relations: {relations}",
    },
    "cli.import_batch": {
        "da": "Importnummer: {batch} (kan fortrydes med: python -m lib undo {batch})",
        "en": "Import number: {batch} (undo with: python -m lib undo {batch})",
    },
    "cli.more_problems": {
        "da": "… og {count} {count:problem|problemer} mere.",
        "en": "… and {count} {count:more problem|more problems}.",
    },
    "cli.undo_done": {"da": "Import nr. {batch} er fortrudt.", "en": "Import no. {batch} was undone."},
    "cli.export_done": {"da": "Arbejdsområdet er eksporteret til {out}.", "en": "The workspace was exported to {out}."},
    "cli.demo_created": {
        "da": "Demo-arbejdsområdet er oprettet: {people} {people:person|personer}, {organisations} {organisations:organisation|organisationer}, "
        "{relations} {relations:relation|relationer}.",
        "en": "The demo workspace was created: {people} {people:person|people}, {organisations} {organisations:organisation|organisations}, "
        "{relations} {relations:relation|relations}.",
    },
    "cli.demo_exists": {
        "da": "Arbejdsområdet har allerede data; demoen er ikke oprettet.",
        "en": "The workspace already has data; the demo was not created.",
    },
    "cli.network_today": {"da": "Netværket i dag", "en": "The network today"},
    "cli.network_as_of": {"da": "Netværket den {date}", "en": "The network on {date}"},
    "cli.network_figures": {
        "da": "Personer og organisationer: {nodes} · forbindelser: {edges} · andel af mulige forbindelser, "
        "der findes: {density} · grupper uden forbindelse til hinanden: {components}",
        "en": "People and organisations: {nodes} · ties: {edges} · share of possible ties that exist: "
        "{density} · groups with no tie to each other: {components}",
    },
    "cli.network_paths": {
        "da": "Største sammenhængende del: {largest} · gennemsnitlig afstand: {average} · største afstand: {diameter}",
        "en": "Largest connected part: {largest} · average distance: {average} · longest distance: {diameter}",
    },
    "cli.network_sampled": {
        "da": "(skønnet ud fra {sample} tilfældigt valgte udgangspunkter)",
        "en": "(estimated from {sample} randomly chosen starting points)",
    },
    "cli.network_top": {"da": "De {count} største brobyggere:", "en": "The {count} biggest bridge builders:"},
    "cli.network_bad_date": {"da": "--as-of: {problem}", "en": "--as-of: {problem}"},
    "cli.network_bad_format": {
        "da": "Ukendt format »{fmt}«; vælg et af: {formats}.",
        "en": 'Unknown format "{fmt}"; choose one of: {formats}.',
    },
    "cli.network_cannot_write": {"da": "Kan ikke skrive filen {out}.", "en": "Cannot write the file {out}."},
    "cli.network_exported": {
        "da": "Netværket ({nodes} {nodes:punkt|punkter}, {edges} {edges:forbindelse|forbindelser}) er gemt i {out}.",
        "en": "The network ({nodes} {nodes:node|nodes}, {edges} {edges:tie|ties}) was written to {out}.",
    },
}
