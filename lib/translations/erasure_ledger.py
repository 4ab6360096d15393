"""Texts of clearing the database's files after an erasure, and of secrets kept off the PostgreSQL
tools' command line."""

TEXTS = {
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
