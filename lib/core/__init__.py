"""What every part of the product stands on and that touches no database: settings, errors, the
translation table, roles, value parsers, vocabularies, spreadsheets and the look of charts."""
