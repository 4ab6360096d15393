"""Texts of the erasure ledger (erasures surviving a restore), of clearing the database's files after an
erasure, and of secrets kept off the PostgreSQL tools' command line."""

TEXTS = {
    "erasure_ledger.write_failed": {
        "da": "Sletningen er ikke gennemført: den kunne ikke noteres i sletteregistret ved siden af databasen. "
        "Kontrollér, at der kan skrives i databasens mappe, og prøv igen.",
        "en": "The erasure was not done: it could not be noted in the erasure ledger beside the database. "
        "Check that the database's folder can be written to, and try again.",
    },
    "erasure_ledger.unreadable": {
        "da": "Sletteregistret ved siden af databasen kunne ikke læses, så sletninger foretaget efter "
        "sikkerhedskopien ville ikke blive gennemført igen. Intet er ændret.",
        "en": "The erasure ledger beside the database could not be read, so erasures made after the backup "
        "would not be applied again. Nothing was changed.",
    },
    "erasure_ledger.reapply_failed": {
        "da": "Sikkerhedskopien er gendannet, men de {count} sletninger i sletteregistret kunne ikke gennemføres "
        "igen. Gendan sikkerhedskopien en gang til, når fejlen er rettet: personer, der er slettet efter "
        "anmodning, må ikke blive i arbejdsområdet.",
        "en": "The backup was restored, but the {count} erasures in the erasure ledger could not be applied "
        "again. Restore the backup once more when the problem is fixed: people erased on request must "
        "not stay in the workspace.",
    },
    "erasure_ledger.cli.erased_again": {
        "da": "Sletninger foretaget efter denne sikkerhedskopi er gennemført igen: {people} {people:person|personer} er slettet "
        "igen.",
        "en": "Erasures made after this backup were applied again: {people} {people:person|people} erased again.",
    },
    "admin.action.erasures_reapplied": {
        "da": "Sletninger gennemført igen efter gendannelse",
        "en": "Erasures applied again after a restore",
    },
    "erasure_files.not_cleared": {
        "da": "Bemærk: de slettede oplysninger kan ligge et stykke tid endnu i databasens skrivelog, fordi "
        "en anden del af programmet læste i databasen lige da. Loggen tømmes ved næste sletning, "
        "eller når dashboardet stoppes.",
        "en": "Note: the erased data may stay in the database's write-ahead log for a while, because another "
        "part of the program was reading the database at that moment. The log is emptied at the next "
        "erasure, or when the dashboard stops.",
    },
    "backup.secret_with_service": {
        "da": "Databaseindstillingen angiver både en forbindelsestjeneste (service) og hemmelige parametre "
        "({parameters}). Læg dem i tjenestefilen i stedet. Intet er ændret.",
        "en": "The database setting names a connection service and also secret parameters ({parameters}). "
        "Put them in the service file instead. Nothing was changed.",
    },
}
