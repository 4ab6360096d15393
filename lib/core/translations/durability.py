"""Texts of backing up and restoring the workspace (``lib.reporting.backup``, ``python -m lib backup|restore``)."""

TEXTS = {
    "backup.not_a_backup": {
        "da": "{file} er ikke en sikkerhedskopi af Partnerskabsradar. Intet er ændret.",
        "en": "{file} is not a Partnerskabsradar backup. Nothing was changed.",
    },
    "backup.damaged": {
        "da": "{file} er beskadiget og kan ikke gendannes. Intet er ændret.",
        "en": "{file} is damaged and cannot be restored. Nothing was changed.",
    },
    "backup.newer_version": {
        "da": "{file} er lavet af en nyere version af Partnerskabsradar (skemaversion {version}). Opdatér "
        "programmet først. Intet er ændret.",
        "en": "{file} was made by a newer version of Partnerskabsradar (schema version {version}). Update "
        "the program first. Nothing was changed.",
    },
    "backup.wrong_kind": {
        "da": "{file} er en sikkerhedskopi af en {kind}-database og kan ikke gendannes i en {database}-database. "
        "Intet er ændret.",
        "en": "{file} is a backup of a {kind} database and cannot be restored into a {database} database. "
        "Nothing was changed.",
    },
    "backup.cannot_read": {
        "da": "Filen {file} findes ikke eller kan ikke læses. Intet er ændret.",
        "en": "The file {file} does not exist or cannot be read. Nothing was changed.",
    },
    "backup.same_file": {
        "da": "{file} er selve databasen, ikke en kopi af den. Intet er ændret.",
        "en": "{file} is the database itself, not a copy of it. Nothing was changed.",
    },
    "backup.no_database": {
        "da": "Der er ingen database at tage sikkerhedskopi af: {database} findes ikke.",
        "en": "There is no database to back up: {database} does not exist.",
    },
    "backup.unsupported_database": {
        "da": "Sikkerhedskopi og gendannelse virker med SQLite og PostgreSQL, ikke med {backend}.",
        "en": "Backup and restore work with SQLite and PostgreSQL, not with {backend}.",
    },
    "backup.tool_missing": {
        "da": "PostgreSQL-programmet {tool} er ikke installeret (Debian: apt-get install postgresql-client).",
        "en": "The PostgreSQL program {tool} is not installed (Debian: apt-get install postgresql-client).",
    },
    "backup.failed": {
        "da": "Sikkerhedskopien kunne ikke laves: {detail}",
        "en": "The backup could not be made: {detail}",
    },
    "backup.restore_failed": {
        "da": "Gendannelsen mislykkedes og er rullet tilbage, så intet er ændret: {detail}",
        "en": "The restore failed and was rolled back, so nothing was changed: {detail}",
    },
    "cli.backup_done": {
        "da": "Sikkerhedskopien er gemt i {out} ({size} byte, skemaversion {version}).",
        "en": "The backup was saved to {out} ({size} bytes, schema version {version}).",
    },
    "cli.restore_done": {
        "da": "Arbejdsområdet er gendannet fra {file} (skemaversion {version}).",
        "en": "The workspace was restored from {file} (schema version {version}).",
    },
}
