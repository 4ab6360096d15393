"""Finding the table in a sheet, recognising its role, and suggesting a field per column."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.core.i18n import TEXTS
from lib.ingest.fields import ALL_FIELDS, FIELDS, ROLES
from lib.ingest.tables import (
    REPEATABLE_FIELDS,
    column_signature,
    detect_role,
    field_label_key,
    locate_table,
    role_label_key,
    suggest_mapping,
)


@dataclass
class Sheet:
    """A stand-in for ``lib.ingest.safe_read.RawSheet`` with the attributes ``locate_table`` reads."""

    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    name: str = "Ark1"


def mapped(columns: list[str], role: str) -> dict[str, str]:
    """Column → field for the columns that got a field."""
    return {column: name for column, name in zip(columns, suggest_mapping(columns, role)) if name}


# -- real export formats ---------------------------------------------------------------------------

OUTLOOK_EN = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Title",
    "Suffix",
    "Nickname",
    "Given Yomi",
    "Surname Yomi",
    "E-mail Address",
    "E-mail 2 Address",
    "E-mail 3 Address",
    "Home Phone",
    "Home Phone 2",
    "Business Phone",
    "Business Phone 2",
    "Mobile Phone",
    "Car Phone",
    "Other Phone",
    "Primary Phone",
    "Pager",
    "Business Fax",
    "Home Fax",
    "Other Fax",
    "Company Main Telephone",
    "Callback",
    "Radio Phone",
    "Telex",
    "TTY/TDD Phone",
    "IMAddress",
    "Job Title",
    "Department",
    "Company",
    "Office Location",
    "Manager's Name",
    "Assistant's Name",
    "Assistant's Phone",
    "Company Yomi",
    "Business Street",
    "Business City",
    "Business State",
    "Business Postal Code",
    "Business Country/Region",
    "Home Street",
    "Home City",
    "Home State",
    "Home Postal Code",
    "Home Country/Region",
    "Other Street",
    "Other City",
    "Other State",
    "Other Postal Code",
    "Other Country/Region",
    "Personal Web Page",
    "Spouse",
    "Schools",
    "Hobby",
    "Location",
    "Web Page",
    "Birthday",
    "Anniversary",
    "Notes",
    "E-mail Type",
    "E-mail Display Name",
    "Categories",
]

OUTLOOK_DA = [
    "Fornavn",
    "Mellemnavn",
    "Efternavn",
    "Titel",
    "Suffiks",
    "Kaldenavn",
    "E-mail-adresse",
    "E-mail-type",
    "E-mail-vist navn",
    "E-mail 2-adresse",
    "E-mail 3-adresse",
    "Telefon (privat)",
    "Telefon 2 (privat)",
    "Telefon (arbejde)",
    "Telefon 2 (arbejde)",
    "Mobiltelefon",
    "Biltelefon",
    "Anden telefon",
    "Primær telefon",
    "Personsøger",
    "Fax (arbejde)",
    "Fax (privat)",
    "Anden fax",
    "Firma",
    "Afdeling",
    "Stilling",
    "Kontor",
    "Adresse (arbejde)",
    "By (arbejde)",
    "Postnummer (arbejde)",
    "Land/område (arbejde)",
    "Webside",
    "Personlig webside",
    "Noter",
    "Fødselsdag",
    "Kategorier",
]

GOOGLE_NEW = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "E-mail 2 - Label",
    "E-mail 2 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Phone 2 - Label",
    "Phone 2 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
    "Website 1 - Label",
    "Website 1 - Value",
    "Relation 1 - Label",
    "Relation 1 - Value",
    "Custom Field 1 - Label",
    "Custom Field 1 - Value",
]

GOOGLE_OLD = [
    "Name",
    "Given Name",
    "Additional Name",
    "Family Name",
    "Yomi Name",
    "Given Name Yomi",
    "Additional Name Yomi",
    "Family Name Yomi",
    "Name Prefix",
    "Name Suffix",
    "Initials",
    "Nickname",
    "Short Name",
    "Maiden Name",
    "Birthday",
    "Gender",
    "Location",
    "Billing Information",
    "Directory Server",
    "Mileage",
    "Occupation",
    "Hobby",
    "Sensitivity",
    "Priority",
    "Subject",
    "Notes",
    "Language",
    "Photo",
    "Group Membership",
    "E-mail 1 - Type",
    "E-mail 1 - Value",
    "E-mail 2 - Type",
    "E-mail 2 - Value",
    "Phone 1 - Type",
    "Phone 1 - Value",
    "Organization 1 - Type",
    "Organization 1 - Name",
    "Organization 1 - Yomi Name",
    "Organization 1 - Title",
    "Organization 1 - Department",
    "Organization 1 - Symbol",
    "Organization 1 - Location",
    "Organization 1 - Job Description",
    "Website 1 - Type",
    "Website 1 - Value",
]

LINKEDIN = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]

KUMU_ELEMENTS = ["Label", "Type", "Description", "Tags", "Image", "Organisation", "Email"]
KUMU_CONNECTIONS = ["From", "To", "Type", "Direction", "Label", "Strength", "Tags"]


def test_outlook_english_export():
    columns = OUTLOOK_EN
    assert detect_role(columns) == "contacts"
    assert mapped(columns, "contacts") == {
        "First Name": "first_name",
        "Middle Name": "middle_name",
        "Last Name": "last_name",
        "E-mail Address": "email",
        "E-mail 2 Address": "email",
        "E-mail 3 Address": "email",
        "Business Phone": "phone",
        "Business Phone 2": "phone",
        "Mobile Phone": "phone",
        "Other Phone": "phone",
        "Primary Phone": "phone",
        "Job Title": "title",  # "Title" is Mr./Ms. and stays out
        "Department": "department",
        "Company": "organisation",
        "Business City": "area",
        "Web Page": "website",
        "Notes": "notes",
    }


def test_outlook_title_is_the_job_title_only_without_a_job_title_column():
    assert suggest_mapping(["Title", "Job Title"], "contacts") == [None, "title"]
    assert suggest_mapping(["Navn", "Titel"], "contacts") == ["name", "title"]


def test_outlook_danish_export():
    columns = OUTLOOK_DA
    assert detect_role(columns) == "contacts"
    assert mapped(columns, "contacts") == {
        "Fornavn": "first_name",
        "Mellemnavn": "middle_name",
        "Efternavn": "last_name",
        "E-mail-adresse": "email",
        "E-mail 2-adresse": "email",
        "E-mail 3-adresse": "email",
        "Telefon (arbejde)": "phone",
        "Telefon 2 (arbejde)": "phone",
        "Mobiltelefon": "phone",
        "Anden telefon": "phone",
        "Primær telefon": "phone",
        "Firma": "organisation",
        "Afdeling": "department",
        "Stilling": "title",  # "Titel" is the honorific in Danish Outlook
        "By (arbejde)": "area",
        "Webside": "website",
        "Noter": "notes",
    }


def test_google_contacts_new_export():
    assert detect_role(GOOGLE_NEW) == "contacts"
    assert mapped(GOOGLE_NEW, "contacts") == {
        "First Name": "first_name",
        "Middle Name": "middle_name",
        "Last Name": "last_name",
        "Organization Name": "organisation",
        "Organization Title": "title",
        "Organization Department": "department",
        "Notes": "notes",
        "E-mail 1 - Value": "email",
        "E-mail 2 - Value": "email",
        "Phone 1 - Value": "phone",
        "Phone 2 - Value": "phone",
        "Website 1 - Value": "website",
    }


def test_google_contacts_old_export():
    assert detect_role(GOOGLE_OLD) == "contacts"
    assert mapped(GOOGLE_OLD, "contacts") == {
        "Name": "name",
        "Given Name": "first_name",
        "Additional Name": "middle_name",
        "Family Name": "last_name",
        "Notes": "notes",
        "E-mail 1 - Value": "email",
        "E-mail 2 - Value": "email",
        "Phone 1 - Value": "phone",
        "Organization 1 - Name": "organisation",
        "Organization 1 - Title": "title",
        "Organization 1 - Department": "department",
        "Website 1 - Value": "website",
    }


def test_linkedin_connections_with_its_notes_preamble():
    sheet = Sheet(
        [
            ["Notes:"],
            [
                "When exporting your connection data, you may notice that some of the email addresses are "
                "missing. You will only see email addresses for connections who have allowed their connections "
                "to see or download their email address using this setting "
                "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
                "https://www.linkedin.com/help/linkedin/answer/261"
            ],
            [],
            LINKEDIN,
            [
                "Jens",
                "Hansen",
                "https://www.linkedin.com/in/jens-hansen",
                "",
                "Aarhus Kommune",
                "Bibliotekar",
                "15 Mar 2024",
            ],
            [
                "Åse",
                "Østergård",
                "https://www.linkedin.com/in/aase",
                "aase@dokk1.dk",
                "Dokk1",
                "Formidler",
                "02 Jan 2023",
            ],
        ],
        name="Connections",
    )
    table = locate_table(sheet)
    assert table.header_row == 3
    assert table.columns == LINKEDIN
    assert table.row_numbers == [5, 6]
    assert table.rows[1][3] == "aase@dokk1.dk"
    assert table.title is not None and table.title.startswith("Notes:\nWhen exporting")
    # The sheet name "Connections" does not make this a Kumu sheet: there are no From/To columns.
    assert detect_role(table.columns, sheet.name) == "contacts"
    assert suggest_mapping(table.columns, "contacts") == [
        "first_name",
        "last_name",
        None,
        "email",
        "organisation",
        "title",
        "first_contact",
    ]


def test_kumu_elements_sheet():
    assert detect_role(KUMU_ELEMENTS, "Elements") == "kumu_elements"
    assert detect_role(KUMU_ELEMENTS) == "kumu_elements"
    assert suggest_mapping(KUMU_ELEMENTS, "kumu_elements") == [
        "name",
        "element_type",
        "notes",
        None,
        None,
        "organisation",
        "email",
    ]


def test_kumu_connections_sheet():
    assert detect_role(KUMU_CONNECTIONS) == "kumu_connections"
    assert detect_role(["From", "To", "Type"], "Connections") == "kumu_connections"
    assert suggest_mapping(KUMU_CONNECTIONS, "kumu_connections") == [
        "from",
        "to",
        "relation_kind",
        None,
        None,
        "strength",
        None,
    ]
    # Without a Type column the connection's Label names the relation.
    assert suggest_mapping(["From", "To", "Label"], "kumu_connections") == ["from", "to", "relation_kind"]


# -- generic Danish and English sheets -------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Navn", "name"),
        ("Fulde navn", "name"),
        ("Kontaktperson", "name"),
        ("Full name", "name"),
        ("E-mail", "email"),
        ("Mail", "email"),
        ("Email", "email"),
        ("e-mail ", "email"),
        ("E-mailadresse", "email"),
        ("Telefon", "phone"),
        ("Tlf.", "phone"),
        ("Tlf", "phone"),
        ("Mobil", "phone"),
        ("Phone", "phone"),
        ("Telefon (mobil)", "phone"),
        ("Stilling", "title"),
        ("Job title", "title"),
        ("Organisation", "organisation"),
        ("Virksomhed", "organisation"),
        ("Forening", "organisation"),
        ("Institution", "organisation"),
        ("Arbejdssted", "organisation"),
        ("Organization", "organisation"),
        ("Company", "organisation"),
        ("Afdeling", "department"),
        ("Organisationstype", "org_type"),
        ("Type", "org_type"),
        ("Sektor", "sector"),
        ("Sector", "sector"),
        ("Hjemmeside", "website"),
        ("Web", "website"),
        ("Website", "website"),
        ("By", "area"),
        ("Kommune", "area"),
        ("Område", "area"),
        ("City", "area"),
        ("Area", "area"),
        ("Bemærkninger", "notes"),
        ("Noter", "notes"),
        ("Note", "notes"),
        ("Kommentar", "notes"),
        ("Notes", "notes"),
        ("Ansvarlig", "owner"),
        ("Kontaktansvarlig", "owner"),
        ("Bibliotekets kontakt", "owner"),
        ("Owner", "owner"),
        ("Relation", "relation_kind"),
        ("Styrke", "strength"),
        ("Relationsstyrke", "strength"),
        ("Strength", "strength"),
        ("Første kontakt", "first_contact"),
        ("First contact", "first_contact"),
        ("Sidste kontakt", "last_contact"),
        ("Senest kontaktet", "last_contact"),
        ("Last contact", "last_contact"),
        ("Medarbejder", "is_staff"),
        ("Staff", "is_staff"),
        ("Kilde", "source"),
        ("Source", "source"),
        ("Emial", "email"),
        ("Telefonnumer", "phone"),
        ("Bemærkniger", "notes"),  # typos
        ("Hobby", None),
        ("Fødselsdag", None),
        ("Telefon (privat)", None),
        ("E-mail Display Name", None),
        ("Skonummer", None),
        ("Form", None),
    ],
)
def test_single_contact_headers(header, expected):
    assert suggest_mapping([header], "contacts") == [expected]


def test_danish_contact_list():
    columns = [
        "Navn",
        "E-mail",
        "Tlf.",
        "Stilling",
        "Organisation",
        "Type",
        "Sektor",
        "Hjemmeside",
        "Kommune",
        "Bemærkninger",
        "Kontaktansvarlig",
        "Relation",
        "Styrke",
        "Første kontakt",
        "Senest kontaktet",
        "Medarbejder",
        "Kilde",
    ]
    assert detect_role(columns) == "contacts"
    assert suggest_mapping(columns, "contacts") == [
        "name",
        "email",
        "phone",
        "title",
        "organisation",
        "org_type",
        "sector",
        "website",
        "area",
        "notes",
        "owner",
        "relation_kind",
        "strength",
        "first_contact",
        "last_contact",
        "is_staff",
        "source",
    ]


def test_each_field_is_used_once_except_email_and_phone():
    columns = ["Navn", "Fulde navn", "E-mail", "Mail", "Telefon", "Mobil", "Noter", "Kommentar"]
    assert suggest_mapping(columns, "contacts") == ["name", None, "email", "email", "phone", "phone", "notes", None]
    assert {"email", "phone"} == REPEATABLE_FIELDS


def test_organisation_list():
    columns = ["Organisation", "Organisationstype", "Sektor", "Hjemmeside", "Område", "E-mail", "Telefon"]
    assert detect_role(columns) == "organisations"
    assert suggest_mapping(columns, "organisations") == [
        "organisation",
        "org_type",
        "sector",
        "website",
        "area",
        "email",
        "phone",
    ]
    # A bare "Navn" next to type and website names the organisation.
    assert detect_role(["Navn", "Type", "Hjemmeside"]) == "organisations"
    assert suggest_mapping(["Navn", "Type", "Hjemmeside"], "organisations") == ["organisation", "org_type", "website"]


def test_affiliation_list_reads_fra_and_til_as_dates():
    columns = ["Navn", "Organisation", "Rolle", "Fra", "Til"]
    assert detect_role(columns) == "affiliations"
    assert suggest_mapping(columns, "affiliations") == ["person", "organisation", "role", "start_date", "end_date"]
    english = ["Person", "Organisation", "Role", "Start date", "End date"]
    assert detect_role(english) == "affiliations"
    assert suggest_mapping(english, "affiliations") == ["person", "organisation", "role", "start_date", "end_date"]


def test_relation_list_reads_fra_and_til_as_ends():
    columns = ["Fra", "Til", "Relation", "Styrke", "Første kontakt", "Sidste kontakt", "Ansvarlig", "Noter"]
    assert detect_role(columns) == "relations"
    assert suggest_mapping(columns, "relations") == [
        "from",
        "to",
        "relation_kind",
        "strength",
        "first_contact",
        "last_contact",
        "owner",
        "notes",
    ]
    assert suggest_mapping(["Kilde", "Mål", "Type"], "relations") == ["from", "to", "relation_kind"]
    assert detect_role(["Source", "Target", "Strength"]) == "relations"
    assert detect_role(["Fra", "Til"], "Relationer") == "relations"


@pytest.mark.parametrize(
    ("columns", "role"),
    [
        (
            ["ref", "name", "email", "phone", "other_emails", "other_phones", "title", "notes", "is_staff", "source"],
            "contacts",
        ),
        (["ref", "organisation", "org_type", "sector", "website", "area", "notes", "source"], "organisations"),
        (["person", "organisation", "role", "start_date", "end_date"], "affiliations"),
        (["from", "to", "relation_kind", "strength", "first_contact", "last_contact", "owner", "notes"], "relations"),
    ],
)
def test_workspace_export_maps_back_to_itself(columns, role):
    assert detect_role(columns) == role
    expected = [{"other_emails": "email", "other_phones": "phone"}.get(column, column) for column in columns]
    assert suggest_mapping(columns, role) == expected


@pytest.mark.parametrize("role", [role for role in ROLES if role != "unknown"])
def test_every_canonical_field_name_maps_to_itself(role):
    columns = list(FIELDS[role])
    assert suggest_mapping(columns, role) == columns


def test_unknown_sheets():
    assert detect_role(["Foo", "Bar", "Baz"]) == "unknown"
    assert detect_role([]) == "unknown"
    assert suggest_mapping(["Navn"], "unknown") == [None]
    with pytest.raises(ValueError):
        suggest_mapping(["Navn"], "people")


def test_sheet_name_hint_needs_fitting_columns():
    assert detect_role(["Organisation", "E-mail"], "Organisationer") == "organisations"
    assert detect_role(["Navn", "E-mail"], "Organisationer") == "organisations"  # "Navn" is the organisation
    assert detect_role(["Fornavn", "Efternavn", "E-mail"], "Organisationer") == "contacts"
    assert detect_role(["Navn", "E-mail"], "Connections") == "contacts"


# -- locating the table ----------------------------------------------------------------------------


def test_title_rows_above_the_header_and_blank_rows_counted():
    sheet = Sheet(
        [
            ["Kontaktliste – Kulturhuset 2024", None, None],
            [None, None, None],
            ["Opdateret af Jens", None, None],
            ["Navn", "E-mail", "Telefon"],
            ["Jens Hansen", "jens@kulturhuset.dk", 20123456],
            [None, "  ", None],
            ["Åse Østergård", "aase@dokk1.dk", None],
            [],
            ["Søren Ærø", None, "30 40 50 60"],
            [None, None, None],  # trailing blank rows are not "skipped" rows
            [],
        ],
        merged=[(0, 0, 0, 2)],
    )
    table = locate_table(sheet)
    assert table.header_row == 3
    assert table.columns == ["Navn", "E-mail", "Telefon"]
    assert table.title == "Kontaktliste – Kulturhuset 2024\nOpdateret af Jens"
    assert table.row_numbers == [5, 7, 9]
    assert table.rows[0] == ["Jens Hansen", "jens@kulturhuset.dk", 20123456]
    assert table.rows[2] == ["Søren Ærø", None, "30 40 50 60"]
    assert table.blank_rows == 2
    assert table.rows_read == 5


def test_merged_group_label_over_two_header_rows():
    sheet = Sheet(
        [
            ["Organisation", "Kontaktperson", None, "E-mail"],
            [None, "Fornavn", "Efternavn", None],
            ["Kulturhuset", "Jens", "Hansen", "jens@kulturhuset.dk"],
            ["Dokk1", "Åse", "Østergård", "aase@dokk1.dk"],
        ],
        merged=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 1, 3)],
    )
    table = locate_table(sheet)
    assert table.header_row == 1
    assert table.columns == ["Organisation", "Kontaktperson – Fornavn", "Kontaktperson – Efternavn", "E-mail"]
    assert table.row_numbers == [3, 4]
    assert table.rows[1] == ["Dokk1", "Åse", "Østergård", "aase@dokk1.dk"]
    assert table.title is None
    assert detect_role(table.columns) == "contacts"
    assert suggest_mapping(table.columns, "contacts") == ["organisation", "first_name", "last_name", "email"]


def test_group_row_above_a_full_header_row_under_a_title():
    sheet = Sheet(
        [
            ["Partnere 2024", None, None, None, None],
            ["Kontaktperson", None, None, "Organisation", None],
            ["Fornavn", "Efternavn", "E-mail", "Navn", "Type"],
            ["Jens", "Hansen", "jens@x.dk", "Kulturhuset", "Kulturinstitution"],
        ],
        merged=[(0, 0, 0, 4), (1, 0, 1, 2), (1, 3, 1, 4)],
    )
    table = locate_table(sheet)
    assert table.header_row == 2
    assert table.title == "Partnere 2024"
    assert table.columns == [
        "Kontaktperson – Fornavn",
        "Kontaktperson – Efternavn",
        "Kontaktperson – E-mail",
        "Organisation – Navn",
        "Organisation – Type",
    ]
    assert suggest_mapping(table.columns, "contacts") == [
        "first_name",
        "last_name",
        "email",
        "organisation",
        "org_type",
    ]


def test_two_row_header_from_a_csv_without_merge_information():
    sheet = Sheet(
        [
            ["Organisation", "Kontaktperson", "", "E-mail"],
            ["", "Fornavn", "Efternavn", ""],
            ["Kulturhuset", "Jens", "Hansen", "jens@x.dk"],
        ]
    )
    table = locate_table(sheet)
    assert table.header_row == 1
    assert table.columns == ["Organisation", "Kontaktperson – Fornavn", "Kontaktperson – Efternavn", "E-mail"]


def test_a_title_merged_across_the_table_is_not_a_group_label():
    sheet = Sheet(
        [["Kontaktliste", None, None], ["Navn", "E-mail", "Telefon"], ["Jens", "j@x.dk", "20123456"]],
        merged=[(0, 0, 0, 2)],
    )
    table = locate_table(sheet)
    assert table.columns == ["Navn", "E-mail", "Telefon"]
    assert table.title == "Kontaktliste"
    assert table.row_numbers == [3]


def test_unknown_headers_are_found_before_their_data():
    sheet = Sheet([["Foo", "Bar", "Baz"], ["a", "b", "c"], ["d", "e", "f"]])
    table = locate_table(sheet)
    assert table.header_row == 0
    assert table.rows == [["a", "b", "c"], ["d", "e", "f"]]


def test_empty_columns_dropped_unnamed_and_repeated_columns_named():
    sheet = Sheet(
        [
            ["Navn", None, "E-mail", None, "navn", None],
            ["Jens", None, "j@x.dk", "ekstra", "Jens", None],
            ["Åse", None, None, None, None],  # ragged rows are padded
        ]
    )
    table = locate_table(sheet)
    assert table.columns == ["Navn", "E-mail", "Kolonne D", "navn (2)"]
    assert table.source_columns == [0, 2, 3, 4]
    assert table.rows == [["Jens", "j@x.dk", "ekstra", "Jens"], ["Åse", None, None, None]]


def test_a_header_cell_merged_downwards_does_not_start_the_data():
    sheet = Sheet(
        [["Navn", "E-mail"], [None, None], ["Jens", "j@x.dk"]],
        merged=[(0, 0, 1, 0), (0, 1, 1, 1)],
    )
    table = locate_table(sheet)
    assert table.header_row == 1
    assert table.blank_rows == 0
    assert table.row_numbers == [3]


def test_empty_sheet():
    for rows in ([], [[None, " "], []]):
        table = locate_table(Sheet(rows))
        assert table.header_row == -1
        assert table.columns == [] and table.rows == [] and table.rows_read == 0


def test_header_only():
    table = locate_table(Sheet([["Navn", "E-mail"]]))
    assert table.columns == ["Navn", "E-mail"]
    assert table.rows == [] and table.blank_rows == 0


cells = st.one_of(st.none(), st.just(""), st.text(alphabet="abcæøå@. 1", max_size=6), st.integers(0, 99))


@given(st.lists(st.lists(cells, max_size=5), max_size=12))
@pytest.mark.slow
def test_row_accounting_adds_up(rows):
    sheet = Sheet([["Navn", "E-mail", "Telefon"], *rows])
    table = locate_table(sheet)
    assert len(table.rows) == len(table.row_numbers)
    assert all(len(row) == len(table.columns) for row in table.rows)
    assert len(set(name.casefold() for name in table.columns)) == len(table.columns)
    if table.row_numbers:
        # Every row between the header and the last data row is either a data row or a blank row.
        assert table.rows_read == table.row_numbers[-1] - (table.header_row + 1)


# -- signatures and labels -------------------------------------------------------------------------


def test_column_signature():
    signature = column_signature(["Navn", "E-mail"])
    assert re.fullmatch(r"[0-9a-f]{64}", signature)
    assert column_signature([" navn", "E-MAIL "]) == signature
    assert column_signature(["E-mail", "Navn"]) != signature
    assert column_signature(["Navn", "E-mail", "Telefon"]) != signature


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_field_and_role_has_a_label_in_both_languages():
    keys = [field_label_key(name) for name in ALL_FIELDS] + [role_label_key(role) for role in ROLES]
    keys.append("mapping.ignore")
    for key in keys:
        assert set(TEXTS[key]) == {"da", "en"}, key
        assert TEXTS[key]["da"].strip() and TEXTS[key]["en"].strip(), key
    assert TEXTS["field.phone"] == {"da": "Telefon", "en": "Phone"}


def test_translation_sections_are_complete_and_consistent():
    from lib.core.translations import normalize as normalize_texts
    from lib.core.translations import tabular as tabular_texts

    for section in (normalize_texts.TEXTS, tabular_texts.TEXTS):
        for key, texts in section.items():
            assert set(texts) == {"da", "en"}, key
            assert placeholders(texts["da"]) == placeholders(texts["en"]), key
    ingest = Path(__file__).resolve().parents[2] / "lib" / "ingest"
    modules = ("tables.py", "column_mapping.py", "sheet_roles.py", "header_words.py")
    source = "".join((ingest / name).read_text(encoding="utf-8") for name in modules)
    for key in re.findall(r'"((?:field|role|mapping|value)\.[a-z_]+)"', source):
        assert key in TEXTS, key


_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\t", "x", "Jens Hansen", "0"]),
    st.integers(-3, 3),
    st.floats(allow_nan=True, allow_infinity=False, width=16),
)


@given(
    header=st.lists(
        st.one_of(st.none(), st.sampled_from(["Navn", "E-mail", "Telefon", "Noter"])), min_size=1, max_size=5
    ),
    data=st.lists(st.lists(_CELLS, max_size=7), max_size=12),
)
def test_data_rows_keep_the_filled_rows_and_the_used_columns(header, data):
    """Below the header: every row with a filled cell, in the columns that have a label or a filled
    cell in some data row, padded to that width; blank rows between data rows counted."""
    header = ["Navn", *header[1:]]  # a header the table is found by
    table = locate_table(Sheet([header, *(list(row) for row in data)]))
    assert table.header_row == 0

    def filled(value):
        return value is not None and value == value and not (isinstance(value, str) and not value.strip())

    width = max(len(row) for row in [header, *data])
    kept = [
        col
        for col in range(width)
        if (col < len(header) and header[col]) or any(col < len(row) and filled(row[col]) for row in data)
    ]
    kept_rows = [(number, row) for number, row in enumerate(data, start=2) if any(map(filled, row))]
    assert table.source_columns == kept
    assert table.row_numbers == [number for number, _row in kept_rows]
    assert table.rows == [[row[col] if col < len(row) else None for col in kept] for _number, row in kept_rows]
    last = kept_rows[-1][0] if kept_rows else 1
    assert table.blank_rows == sum(1 for row in data[: last - 1] if not any(map(filled, row)))
