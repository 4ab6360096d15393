"""Texts of the command line (``python -m lib``)."""

TEXTS = {
    "cli.file_not_found": {"da": "Filen {file} findes ikke eller kan ikke læses.",
                           "en": "The file {file} does not exist or cannot be read."},
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
    "cli.import_batch": {"da": "Importnummer: {batch} (kan fortrydes med: python -m lib undo {batch})",
                         "en": "Import number: {batch} (undo with: python -m lib undo {batch})"},
    "cli.more_problems": {"da": "… og {count} problemer mere.", "en": "… and {count} more problems."},
    "cli.undo_done": {"da": "Import nr. {batch} er fortrudt.", "en": "Import no. {batch} was undone."},
    "cli.export_done": {"da": "Arbejdsområdet er eksporteret til {out}.", "en": "The workspace was exported to {out}."},
    "cli.demo_created": {
        "da": "Demo-arbejdsområdet er oprettet: {people} personer, {organisations} organisationer, "
              "{relations} relationer.",
        "en": "The demo workspace was created: {people} people, {organisations} organisations, "
              "{relations} relations.",
    },
    "cli.demo_exists": {"da": "Arbejdsområdet har allerede data; demoen er ikke oprettet.",
                        "en": "The workspace already has data; the demo was not created."},
}
