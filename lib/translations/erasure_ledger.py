"""Texts of secrets kept off the PostgreSQL tools' command line."""

TEXTS = {
    "backup.secret_with_service": {
        "da": "Databaseindstillingen angiver både en forbindelsestjeneste (service) og hemmelige parametre "
              "({parameters}). Læg dem i tjenestefilen i stedet. Intet er ændret.",
        "en": "The database setting names a connection service and also secret parameters ({parameters}). "
              "Put them in the service file instead. Nothing was changed.",
    },
}
