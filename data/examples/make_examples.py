"""Write the example files of the import page ("Prøv med et eksempel") into this folder.

    .venv/bin/python data/examples/make_examples.py

The files are what a Danish library's coordinator really has at hand, mess included: a contact list
kept in Excel for years (a title row, Danish headers, dates typed as text next to real dates, extra
spaces, a blank row, a mailbox instead of a person, the municipality spelt two ways, a total row at
the bottom), an Outlook export (the Danish headers, semicolons, Windows encoding), a staff list with
teams and roles, and a list of who knows whom. They are written as they are, not tuned to what the
importer reads today.

Everyone and everything in them is made up: the municipality of Ålykke does not exist, the e-mail
addresses are on example.dk, and the phone numbers are invented. Running the script again writes
the same bytes (fixed creation date, fixed order), so the committed files can be checked against it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

HERE = Path(__file__).resolve().parent
#: The files' creation date: fixed, so that the output is the same on every run.
CREATED = dt.datetime(2026, 3, 2, 9, 0, 0)
AUTHOR = "Ålykke Bibliotekerne (eksempel)"
LIBRARY_DOMAIN = "aalykkebib.example.dk"
MUNICIPAL_DOMAIN = "aalykke-kommune.example.dk"

# --- the library's staff -----------------------------------------------------------------------------

STAFF_HEADER = ["Navn", "E-mail", "Team", "Rolle"]
STAFF: list[list[Any]] = [
    ["Mette Holm", f"mette.holm@{LIBRARY_DOMAIN}", "Børn og familie", "Netværksansvarlig"],
    ["Jonas Friis", f"jonas.friis@{LIBRARY_DOMAIN}", "Voksne og læring", "Partnerskabsansvarlig"],
    ["Sara Kjeldsen", f"sara.kjeldsen@{LIBRARY_DOMAIN}", "Børn og familie", "Medarbejder"],
    ["Peter Lund", f"peter.lund@{LIBRARY_DOMAIN}", "Borgerservice og digital", "Medarbejder"],
    ["Lone Bech", f"Lone.Bech@{LIBRARY_DOMAIN}", "Voksne og læring", "partnerskabsansvarlig "],
    ["Anders Vestergaard", f"anders.vestergaard@{LIBRARY_DOMAIN}", "Formidling og events", "Medarbejder"],
    ["Karin Dahl", f"karin.dahl@{LIBRARY_DOMAIN}", "Ledelse", "Leder"],
    ["Emil Skov", None, "Børn og familie", "Medarbejder"],  # new this month: no e-mail yet
]

# --- the contact list -------------------------------------------------------------------------------

CONTACTS_TITLE = "Kontakter – Biblioteket, opdateret marts 2026"
CONTACTS_HEADER = ["Navn", "Organisation", "Stilling", "E-mail", "Telefon", "Type", "Ansvarlig medarbejder",
                   "Sidst i kontakt"]
#: None is an empty cell; a date object is a real Excel date, "dd-mm-yyyy" text is a date typed as text.
CONTACTS: list[list[Any] | None] = [
    ["Karen Møller", "Ålykke Musikskole", "Musikskoleleder", "karen.moller@aalykke-musikskole.example.dk ",
     "23 45 67 01", "kultur", "Mette Holm", "12-01-2026"],
    ["  Henrik  Lauridsen ", "Egebjerg Skole", "Skolebibliotekar", "henrik.lauridsen@egebjerg-skole.example.dk",
     "+45 23456702", "skole", "Sara Kjeldsen", dt.date(2025, 11, 3)],
    ["Birgitte Juhl", "Ålykke Kommune", "Konsulent, Kultur og Fritid", f"bju@{MUNICIPAL_DOMAIN}", "2345 6703",
     "kommune", "Jonas Friis", "05-02-2026"],
    ["Rasmus Thomsen", "Jobcenter Ålykke", "Virksomhedskonsulent", f"rasmus.thomsen@{MUNICIPAL_DOMAIN}",
     "23 45 67 04", "kommune", "Lone Bech", dt.date(2025, 9, 18)],
    ["Hanne Sørensen", "Aalykke Kommune", "Sundhedskoordinator", f"hanne.sorensen@{MUNICIPAL_DOMAIN}", None,
     "Kommune", "Mette Holm", "03-03-2026"],
    ["Ole Kristensen", "Ålykke Teaterforening", "Formand", "ole.k@teaterforening-aalykke.example.dk",
     "23 45 67 06", "Forening", "Anders Vestergaard", "20-10-2025"],
    None,
    ["Lise Andersen", "FOF Ålykke", "Afdelingsleder", "lise.andersen@fof-aalykke.example.dk", "23 45 67 07",
     "aftenskole", "Jonas Friis", dt.date(2026, 2, 24)],
    ["Torben Mikkelsen", "Seniorklubben Ålykke", "Kasserer", None, "23 45 67 08", "forening", "Peter Lund",
     "15-12-2025"],
    ["Signe Poulsen", "Ålykke Lokalhistoriske Arkiv", "Arkivar", "signe@lokalarkiv-aalykke.example.dk", None,
     "kultur", "Anders Vestergaard", dt.date(2025, 6, 2)],
    ["Jens Kjær", "Ålykke Avis", "Kulturjournalist", "jens.kjaer@aalykkeavis.example.dk", "23 45 67 10", "medie",
     "Mette Holm", "28-02-2026"],
    ["Maria Nygaard", "Fonden for Ålykke Kulturliv", "Sekretariatsleder", "mn@kulturfonden-aalykke.example.dk",
     "23 45 67 11", "Fond", "Mette Holm", dt.date(2026, 1, 30)],
    [None, "Ålykke Frivilligcenter", None, "info@frivilligcenter-aalykke.example.dk", "23 45 67 12", "forening",
     "Lone Bech", None],
    ["Anne Vinther", "Ålykke Gymnasium", "Lektor, dansk", "anne.vinther@aalykke-gym.example.dk", "23 45 67 13",
     "skole", "Sara Kjeldsen", "09-01-2026"],
    ["Kasper Holt", "Boghandlen på Torvet ApS", "Indehaver", "kasper@boghandlen-torvet.example.dk", "23 45 67 14",
     "virksomhed", "Peter Lund", dt.date(2025, 12, 1)],
]
CONTACTS_TOTAL = "I alt: 14 kontakter"

ORGANISATIONS_HEADER = ["Navn", "Type", "Sektor", "Hjemmeside"]
ORGANISATIONS: list[list[Any]] = [
    ["Ålykke Kommune", "kommune", "offentlig", f"www.{MUNICIPAL_DOMAIN}"],
    ["Jobcenter Ålykke", "kommune", "Offentlig", f"www.{MUNICIPAL_DOMAIN}/jobcenter"],
    ["Ålykke Musikskole", "kultur", "offentlig", "aalykke-musikskole.example.dk"],
    ["Egebjerg Skole", "skole", "offentlig", "https://egebjerg-skole.example.dk"],
    ["Ålykke Gymnasium", "skole", "offentlig", None],
    ["Ålykke Teaterforening", "Forening", "frivillig", "www.teaterforening-aalykke.example.dk"],
    ["FOF Ålykke", "aftenskole", "civilsamfund", "www.fof-aalykke.example.dk"],
    ["Seniorklubben Ålykke", "forening", "Civilsamfund", None],
    ["Ålykke Lokalhistoriske Arkiv", "kultur", "offentlig", None],
    ["Ålykke Avis", "medie", "privat", "www.aalykkeavis.example.dk"],
    ["Fonden for Ålykke Kulturliv", "Fond", "civilsamfund", None],
    ["Boghandlen på Torvet ApS", "virksomhed", "privat", "boghandlen-torvet.example.dk"],
    ["Ålykke Frivilligcenter", "forening", "civilsamfund", "www.frivilligcenter-aalykke.example.dk"],
]

# --- the relations ----------------------------------------------------------------------------------

RELATIONS_HEADER = ["Fra", "Til", "Relation", "Styrke (1–5)", "Sidst i kontakt"]
RELATIONS: list[list[Any]] = [
    ["Mette Holm", "Karen Møller", "samarbejde", 5, "12-01-2026"],
    ["Mette Holm", "Ålykke Avis", "kontakt", 3, dt.date(2026, 2, 28)],
    ["Mette Holm", "Fonden for Ålykke Kulturliv", "partner", 4, dt.date(2026, 1, 30)],
    ["Mette Holm", "Jens Kjær", "kender", "4 af 5", "28-02-2026"],
    ["Jonas Friis", "Birgitte Juhl", "samarbejde", 4, "05-02-2026"],
    ["Jonas Friis", "FOF Ålykke", "partner", 5, dt.date(2026, 2, 24)],
    ["Sara Kjeldsen", "Egebjerg Skole", "partner", 4, dt.date(2025, 11, 3)],
    ["Sara Kjeldsen", "Anne Vinther", "kender", 3, "09-01-2026"],
    ["Lone Bech", "Rasmus Thomsen", "samarbejde", 2, "18-09-2025"],
    ["Lone Bech", "Ålykke Frivilligcenter", "kontakt", 2, None],
    ["Anders Vestergaard", "Ole Kristensen", "kender", 3, "20-10-2025"],
    ["Anders Vestergaard", "Ålykke Lokalhistoriske Arkiv", "samarbejde", "4", dt.date(2025, 6, 2)],
    ["Peter Lund", "Kasper Holt", "kontakt", 1, dt.date(2025, 12, 1)],
    ["Peter Lund", "Torben Mikkelsen", "kender", None, "15-12-2025"],
    ["Karen Møller", "Ålykke Teaterforening", "medlem", None, None],
]

# --- the Outlook export -----------------------------------------------------------------------------

#: The headers of Outlook's export to a CSV file in Danish (the ones lib/ingest/tables.py recognises).
OUTLOOK_HEADER = [
    "Fornavn", "Mellemnavn", "Efternavn", "Titel", "Suffiks", "Kaldenavn", "E-mail-adresse", "E-mail 2-adresse",
    "E-mail 3-adresse", "Telefon (privat)", "Telefon 2 (privat)", "Telefon (arbejde)", "Telefon 2 (arbejde)",
    "Mobiltelefon", "Firma", "Afdeling", "Stilling", "Adresse (arbejde)", "By (arbejde)", "Postnummer (arbejde)",
    "Webside", "Noter", "Fødselsdag", "Kategorier",
]
OUTLOOK_CONTACTS: list[dict[str, str]] = [
    {"Fornavn": "Karen", "Efternavn": "Møller", "Titel": "Fru", "E-mail-adresse": "karen.moller@aalykke-musikskole.example.dk",
     "Mobiltelefon": "+45 23 45 67 01", "Firma": "Ålykke Musikskole", "Stilling": "Musikskoleleder",
     "By (arbejde)": "Ålykke", "Kategorier": "Partnere"},
    {"Fornavn": "Henrik", "Efternavn": "Lauridsen", "E-mail-adresse": "henrik.lauridsen@egebjerg-skole.example.dk",
     "E-mail 2-adresse": "henrik.l@privatpost.example.dk", "Telefon (arbejde)": "23 45 67 02",
     "Firma": "Egebjerg Skole", "Stilling": "Skolebibliotekar", "Kategorier": "Skoler"},
    {"Fornavn": "Nanna", "Efternavn": "Winther", "E-mail-adresse": f"nanna.winther@{MUNICIPAL_DOMAIN}",
     "Telefon (arbejde)": "23 45 67 21", "Firma": "Ålykke Kommune", "Afdeling": "Børn og Unge",
     "Stilling": "Pædagogisk konsulent", "Kategorier": "Kommunen"},
    {"Fornavn": "Frederik", "Efternavn": "Dam", "E-mail-adresse": "formand@aalykke-if.example.dk",
     "Mobiltelefon": "23 45 67 22", "Firma": "Ålykke Idrætsforening", "Stilling": "Formand",
     "Telefon (privat)": "23 45 67 99", "Fødselsdag": "14-05-1971"},
    {"Fornavn": "Camilla", "Efternavn": "Bruun", "E-mail-adresse": "cb@aalykke-museum.example.dk",
     "Telefon (arbejde)": "23 45 67 23", "Firma": "Ålykke Museum", "Stilling": "Museumsinspektør",
     "Webside": "www.aalykke-museum.example.dk"},
    {"E-mail-adresse": "info@aalykke-museum.example.dk", "Firma": "Ålykke Museum",
     "Telefon (arbejde)": "23 45 67 20"},
    {"Fornavn": "Mads", "Efternavn": "Overgaard", "E-mail-adresse": "mads@overgaard-toemrer.example.dk",
     "Mobiltelefon": "2345 6724", "Firma": "Overgaard Tømrer ApS", "Stilling": "Indehaver"},
    {"Fornavn": "Pia", "Efternavn": "Lykke", "E-mail-adresse": "pia.lykke@aalykke-sprogcenter.example.dk",
     "Firma": "Ålykke Sprogcenter", "Stilling": "Underviser",
     "Noter": "Mødtes til sprogcaféen i januar; vil gerne lave læsegruppe for kursister."},
    {"Fornavn": "Søren", "Mellemnavn": "Bak", "Efternavn": "Holm", "E-mail-adresse": "soeren.bak.holm@privatpost.example.dk",
     "Mobiltelefon": "23 45 67 25", "Noter": "Frivillig i lektiecafeen"},
    {"Fornavn": "Birgitte", "Efternavn": "Juhl", "E-mail-adresse": f"BJU@{MUNICIPAL_DOMAIN}",
     "Telefon (arbejde)": "23 45 67 03", "Firma": "Ålykke Kommune", "Afdeling": "Kultur og Fritid",
     "Stilling": "Konsulent"},
]

#: The example files, in the order the import page offers them.
FILES = ("kontaktliste.xlsx", "outlook-kontakter.csv", "medarbejdere.xlsx", "relationer.xlsx")


def _workbook(path: Path) -> xlsxwriter.Workbook:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False})
    workbook.set_properties({"title": path.stem, "author": AUTHOR, "created": CREATED})
    return workbook


def _write_rows(workbook: xlsxwriter.Workbook, sheet: Any, first_row: int, rows: Sequence[Sequence[Any] | None],
                widths: Sequence[int]) -> int:
    """Write ``rows`` from ``first_row``; real dates with a Danish date format. Returns the next row."""
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    row_number = first_row
    for row in rows:
        for column, value in enumerate(row or []):
            if isinstance(value, dt.date):
                sheet.write_datetime(row_number, column, dt.datetime.combine(value, dt.time()), date_format)
            elif value is not None:
                sheet.write(row_number, column, value)
        row_number += 1
    return row_number


def write_contact_list(path: Path) -> None:
    workbook = _workbook(path)
    bold = workbook.add_format({"bold": True})
    title = workbook.add_format({"bold": True, "font_size": 14})
    contacts = workbook.add_worksheet("Kontakter")
    contacts.write(0, 0, CONTACTS_TITLE, title)
    contacts.write_row(2, 0, CONTACTS_HEADER, bold)
    next_row = _write_rows(workbook, contacts, 3, CONTACTS, [22, 28, 26, 42, 14, 12, 22, 15])
    contacts.write(next_row + 1, 0, CONTACTS_TOTAL, bold)
    contacts.freeze_panes(3, 0)
    organisations = workbook.add_worksheet("Organisationer")
    organisations.write_row(0, 0, ORGANISATIONS_HEADER, bold)
    _write_rows(workbook, organisations, 1, ORGANISATIONS, [30, 12, 14, 40])
    workbook.close()


def write_staff_list(path: Path) -> None:
    workbook = _workbook(path)
    bold = workbook.add_format({"bold": True})
    sheet = workbook.add_worksheet("Medarbejdere")
    sheet.write(0, 0, "Medarbejdere – Ålykke Bibliotekerne 2026", workbook.add_format({"bold": True, "font_size": 14}))
    sheet.write_row(2, 0, STAFF_HEADER, bold)
    _write_rows(workbook, sheet, 3, STAFF, [22, 36, 26, 24])
    workbook.close()


def write_relations(path: Path) -> None:
    workbook = _workbook(path)
    bold = workbook.add_format({"bold": True})
    sheet = workbook.add_worksheet("Relationer")
    sheet.write_row(0, 0, RELATIONS_HEADER, bold)
    _write_rows(workbook, sheet, 1, RELATIONS, [20, 30, 12, 14, 16])
    workbook.close()


def outlook_csv() -> bytes:
    """The Outlook export as Danish Outlook writes it: every field quoted, semicolons, CRLF, Windows-1252."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(OUTLOOK_HEADER)
    for contact in OUTLOOK_CONTACTS:
        writer.writerow([contact.get(header, "") for header in OUTLOOK_HEADER])
    return buffer.getvalue().encode("cp1252")


def write_all(folder: Path = HERE) -> list[Path]:
    """Write every example file into ``folder``; returns their paths, in :data:`FILES` order."""
    folder.mkdir(parents=True, exist_ok=True)
    write_contact_list(folder / FILES[0])
    (folder / FILES[1]).write_bytes(outlook_csv())
    write_staff_list(folder / FILES[2])
    write_relations(folder / FILES[3])
    return [folder / name for name in FILES]


if __name__ == "__main__":
    for written in write_all():
        print(written.relative_to(HERE.parent.parent), written.stat().st_size, "bytes")
