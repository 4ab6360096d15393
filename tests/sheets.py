"""Builders for the spreadsheets the tests import: real formats written the way other tools write them."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook


def xlsx(
    sheets: dict[str, Sequence[Sequence[Any]]], hidden: Iterable[str] = (), merged: dict[str, list[str]] | None = None
) -> bytes:
    """An .xlsx file with one sheet per entry (rows as lists), some hidden, some cells merged."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if name in set(hidden):
            sheet.sheet_state = "hidden"
        for cell_range in (merged or {}).get(name, []):
            sheet.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(rows: Sequence[Sequence[Any]], sep: str = ",") -> str:
    """CSV text with every field quoted, as Outlook and Google write it."""

    def quote(value: Any) -> str:
        text = "" if value is None else str(value)
        return '"' + text.replace('"', '""') + '"'

    return "\r\n".join(sep.join(quote(v) for v in row) for row in rows) + "\r\n"


MESSY_DANISH = [
    ["Kontaktliste – Kulturhuset Solbakke", None, None, None, None, None, None],
    ["Opdateret 03.02.2025", None, None, None, None, None, None],
    [None, None, None, None, None, None, None],
    ["Navn", "E-mail", "Telefon", "Organisation", "Stilling", "Sidste kontakt", "Ansvarlig"],
    [
        "  Søren   Ærø ",
        "Soren.Aero@Example.DK",
        "12 34 56 78",
        "Solbakke Gymnasium",
        "Lektor",
        "24-12-2023",
        "Mette Bibliotekar",
    ],
    [
        "Jens Hansen",
        "jens@foreningen.dk; jh@privat.dk",
        "+45 87 65 43 21",
        "Ældre Sagen Solbakke",
        "Formand",
        45000,
        None,
    ],
    ["Anne Møller", None, "0045 2233 4455", "Solbakke Museum / Solbakke Musikskole", "Formidler", None, None],
    [None, None, None, None, None, None, None],
    ["Ukendt Person", "ikke-en-email", None, "Solbakke Gymnasium", None, None, None],
    ["Hansen, Kirsten", "KIRSTEN@example.dk", "ugyldigt nr", "Jobcenter Solbakke", "Konsulent", "3. marts 2024", None],
]

STAFF = [
    ["Navn", "E-mail", "Medarbejder", "Stilling"],
    ["Mette Bibliotekar", "mette@solbakkebib.dk", "ja", "Bibliotekar"],
]

OUTLOOK_DA_HEADER = [
    "Fornavn",
    "Mellemnavn",
    "Efternavn",
    "Titel",
    "Suffiks",
    "Kaldenavn",
    "E-mail-adresse",
    "E-mail 2-adresse",
    "E-mail 3-adresse",
    "Telefon (privat)",
    "Telefon 2 (privat)",
    "Telefon (arbejde)",
    "Telefon 2 (arbejde)",
    "Mobiltelefon",
    "Firma",
    "Afdeling",
    "Stilling",
    "Adresse (arbejde)",
    "By (arbejde)",
    "Postnummer (arbejde)",
    "Webside",
    "Noter",
    "Fødselsdag",
    "Kategorier",
]


def outlook_da_rows() -> list[list[str]]:
    blank = [""] * len(OUTLOOK_DA_HEADER)

    def row(**values: str) -> list[str]:
        out = list(blank)
        for header, value in values.items():
            out[OUTLOOK_DA_HEADER.index(header.replace("_", " "))] = value
        return out

    return [
        OUTLOOK_DA_HEADER,
        row(
            Fornavn="Lise",
            Efternavn="Østergård",
            **{
                "E-mail-adresse": "lise@fof-solbakke.dk",
                "Mobiltelefon": "+45 40 11 22 33",
                "Firma": "FOF Solbakke",
                "Stilling": "Skoleleder",
                "Titel": "Fru",
            },
        ),
        row(
            Fornavn="Bo",
            Mellemnavn="Kim",
            Efternavn="Jørgensen",
            **{
                "E-mail-adresse": "bo@dagbladet.dk",
                "E-mail 2-adresse": "bo.privat@example.dk",
                "Telefon (arbejde)": "33 44 55 66",
                "Firma": "Dagbladet Solbakke",
                "Stilling": "Journalist",
            },
        ),
    ]


LINKEDIN_CONNECTIONS = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Karen,Blixen,https://www.linkedin.com/in/karen-blixen,karen@rungstedlund.example,Rungstedlund Fonden,"
    "Direktør,12 Mar 2023\r\n"
    "Peter,Sørensen,https://www.linkedin.com/in/peter-s,,Solbakke Erhverv,Chef,01 Feb 2022\r\n"
)
