"""Finding the table in a raw sheet, recognising what it holds, and suggesting a column mapping.

A sheet as people save it is rarely a clean table: a title and a blank row above the header, a
LinkedIn "Notes:" preamble, a header spread over two rows under merged group labels, empty columns
at the side. :func:`locate_table` finds the header and the data below it; :func:`detect_role` says
what one row describes (``lib.ingest.fields.ROLES``); :func:`suggest_mapping` proposes a field
(``lib.ingest.fields.FIELDS``) for every column, recognising Danish and English words and the real headers
of Outlook, Google Contacts, LinkedIn and Kumu exports as well as the workspace's own export.

The suggestions are only suggestions: the user confirms or corrects the mapping before anything is
imported, and :func:`column_signature` lets a confirmed mapping be remembered for the next file
with the same columns.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz.distance import OSA

from lib.core.normalize import clean_text
from lib.ingest.fields import FIELDS, ROLES

__all__ = [
    "SheetLike",
    "SheetTable",
    "locate_table",
    "detect_role",
    "suggest_mapping",
    "column_signature",
    "header_key",
    "field_label_key",
    "role_label_key",
    "GROUP_SEPARATOR",
    "REPEATABLE_FIELDS",
]


class SheetLike(Protocol):
    """What :func:`locate_table` needs of ``lib.ingest.safe_read.RawSheet``."""

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]]


@dataclass
class SheetTable:
    """The table found in a sheet.

    Attributes
    ----------
    header_row : int
        0-based index of the last header row (a two-row header ends on its lower row); -1 when the
        sheet has no table at all.
    columns : list of str
        One unique, non-empty name per kept column. Columns with neither a header nor any data are
        dropped. A column with data but no header is called "Kolonne C" after its spreadsheet
        letter; a repeated name gets " (2)", " (3)" …. A two-row header under a merged group label
        gives "Group – Sub" (see :data:`GROUP_SEPARATOR`).
    rows : list of list
        The non-blank data rows below the header, each padded or cut to ``len(columns)``. Cell
        values are left as the reader produced them; the importer normalises them per field.
    row_numbers : list of int
        The 1-based spreadsheet row number of each entry of ``rows``, for problem messages.
    title : str or None
        The text of the rows above the header (a title, a LinkedIn "Notes:" preamble), one line per
        row; ``None`` when the header is the first non-blank row.
    blank_rows : int
        Blank rows *between* the header and the last non-blank data row. A row is blank when every
        cell is empty or only whitespace. Blank rows after the last data row are not counted: a
        sheet formatted down to row 1000 has not "skipped" 900 rows.

    Notes
    -----
    The rows the importer has *read* are ``rows_read = len(rows) + blank_rows``, so its accounting
    ``rows_read == inserted + updated + unchanged + rejected + skipped`` holds when it reports the
    ``blank_rows`` as skipped.
    """

    header_row: int
    columns: list[str]
    rows: list[list[object]]
    row_numbers: list[int]
    title: str | None = None
    blank_rows: int = 0
    #: 0-based sheet column index of each entry of ``columns``.
    source_columns: list[int] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        """Data rows below the header, blank ones included (see the class notes)."""
        return len(self.rows) + self.blank_rows


#: Joins a merged group label and the label beneath it: "Kontaktperson – Fornavn".
GROUP_SEPARATOR = " – "

#: Fields several columns may map to at once; the importer takes the first non-empty value as the
#: primary one and keeps the others (other_emails, other_phones).
REPEATABLE_FIELDS = frozenset({"email", "phone"})

#: How many rows from the top are considered as the header.
HEADER_SCAN_ROWS = 30


# --------------------------------------------------------------------------------------------------
# Folding header texts
# --------------------------------------------------------------------------------------------------


def _fold(text: object) -> str:
    """Case-folded, NFC, single-spaced text with "e-mail" spelled "email"."""
    cleaned = clean_text(text) or ""
    folded = unicodedata.normalize("NFC", cleaned).casefold().replace("_", " ")
    return re.sub(r"\be[\s-]?mail", "email", folded)


#: Characters of a cell that :func:`header_key` looks at. Headers are short; the header search folds
#: every cell of the first rows, and folding a cell of megabytes would take seconds for nothing.
HEADER_KEY_CHARS = 200


def header_key(text: object) -> str:
    """The compact key a header is matched under: folded, letters and digits only.

    "E-mail 2 Address", "e-mail2address" and "E‑MAIL 2 ADDRESS" share the key "email2address";
    "Tlf." and "tlf" share "tlf". Danish letters are kept. Only the first :data:`HEADER_KEY_CHARS`
    characters count.
    """
    if isinstance(text, str) and len(text) > HEADER_KEY_CHARS:
        text = text[:HEADER_KEY_CHARS]
    return "".join(ch for ch in _fold(text) if ch.isalnum())


# --------------------------------------------------------------------------------------------------
# What column headers mean
# --------------------------------------------------------------------------------------------------

#: Score of a match; the mapping takes the highest-scoring (column, field) pairs first.
_ROLE_SCORE = 100  # a word that means this field in this role in particular
_STRONG_SCORE = 90  # an unambiguous name for the field
_WEAK_SCORE = 60  # a name that yields to a better column ("Title" is Mr./Ms. in Outlook)
_SUB_LABEL_PENALTY = 5  # "Kontaktperson – Fornavn" matched on its "Fornavn" part
_KEYWORD_SCORE = 50  # a header containing a telling word ("Telefon (mobil)")
_FUZZY_SCORE = 40  # a typo of a known header ("Emial")

#: Unambiguous header words per field (Danish, English, and the exact headers of Outlook, Google,
#: LinkedIn and Kumu exports). The canonical field names are added automatically.
STRONG_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("reference", "referencenummer", "ref nr", "kontakt id", "contact id", "element id"),
    "name": (
        "navn",
        "fulde navn",
        "fuldt navn",
        "full name",
        "name",
        "contact name",
        "kontaktperson",
        "kontaktpersonens navn",
        "personnavn",
        "display name",
        "person",
        "fornavn og efternavn",
        "for og efternavn",
    ),
    "first_name": ("fornavn", "fornavne", "first name", "firstname", "given name"),
    "middle_name": ("mellemnavn", "mellemnavne", "middle name", "additional name"),
    "last_name": ("efternavn", "last name", "lastname", "surname", "family name"),
    "email": (
        "email",
        "mail",
        "email adresse",
        "emailadresse",
        "mailadresse",
        "email address",
        "email 1",
        "email 2",
        "email 3",
        "email 2 address",
        "email 3 address",
        "email 2 adresse",
        "email 3 adresse",
        "primary email",
        "work email",
        "arbejdsmail",
        "email arbejde",
        "other emails",
        "andre emails",
        "alternativ email",
    ),
    "phone": (
        "telefon",
        "telefonnummer",
        "tlf",
        "tlf nr",
        "telefon nr",
        "telefonnr",
        "mobil nr",
        "phone",
        "phone number",
        "telephone",
        "mobil",
        "mobilnummer",
        "mobiltelefon",
        "mobile",
        "mobile phone",
        "mobile number",
        "cell phone",
        "business phone",
        "business phone 2",
        "primary phone",
        "other phone",
        "work phone",
        "telefon arbejde",
        "telefon 2 arbejde",
        "arbejdstelefon",
        "direkte telefon",
        "direkte nummer",
        "anden telefon",
        "primær telefon",
        "other phones",
        "andre telefonnumre",
    ),
    "title": (
        "stilling",
        "stillingsbetegnelse",
        "job title",
        "jobtitel",
        "position",
        "organization title",
    ),
    "organisation": (
        "organisation",
        "organization",
        "organisationsnavn",
        "organisationens navn",
        "organization name",
        "virksomhed",
        "virksomhedsnavn",
        "firma",
        "firmanavn",
        "company",
        "company name",
        "forening",
        "institution",
        "arbejdssted",
        "arbejdsgiver",
        "employer",
        "samarbejdspartner",
        "partnerorganisation",
    ),
    "department": ("afdeling", "department", "organization department", "enhed"),
    # The company register number: the organisation's identity where a file gives one.
    "cvr": (
        "cvr",
        "cvr nr",
        "cvr-nr.",
        "cvr nummer",
        "cvrnummer",
        "cvr no",
        "cvr number",
        "virksomhedsnummer",
        "virksomhedens cvr",
        "cvr nr organisation",
    ),
    # Other spellings of an organisation (the workspace export's "aliases", "; "-joined).
    "aliases": (
        "alias",
        "aliasser",
        "også skrevet",
        "andre stavemåder",
        "other spellings",
        "also known as",
    ),
    "org_type": (
        "organisationstype",
        "organisation type",
        "organization type",
        "org type",
        "type af organisation",
        "virksomhedstype",
    ),
    "sector": ("sektor", "sector"),
    "website": (
        "hjemmeside",
        "website",
        "web site",
        "webside",
        "web",
        "www",
        "web page",
        "homepage",
        "internetadresse",
        "websted",
    ),
    "area": ("område", "area", "by", "city", "kommune", "municipality", "lokalområde", "bydel"),
    "notes": (
        "bemærkninger",
        "bemærkning",
        "noter",
        "note",
        "notes",
        "notat",
        "notater",
        "kommentar",
        "kommentarer",
        "comment",
        "comments",
        "beskrivelse",
        "description",
        "remarks",
    ),
    "is_staff": (
        "medarbejder",
        "staff",
        "is staff",
        "ansat",
        "bibliotekets medarbejder",
        "egen medarbejder",
        "employee",
        "intern",
        "internal",
        "ansat på biblioteket",
        "ansat ved biblioteket",
        "ansat hos os",
        "library staff",
        "staff member",
    ),
    "team": ("team", "teams", "arbejdsgruppe", "staff team"),
    "staff_role": (
        "staff role",
        "personalerolle",
        "rolle i partnerskabsarbejdet",
        "rolle i netværket",
        "partnerskabsrolle",
        "netværksrolle",
    ),
    "owner": (
        "ansvarlig",
        "kontaktansvarlig",
        "relationsansvarlig",
        "bibliotekets kontakt",
        "bibliotekets kontaktperson",
        "ansvarlig medarbejder",
        "owner",
        "relationship owner",
        "contact owner",
        "account owner",
    ),
    "relation_kind": (
        "relation",
        "relationstype",
        "relationens art",
        "relation kind",
        "relation type",
        "relationship",
        "type of relation",
        "forbindelse",
    ),
    "strength": (
        "styrke",
        "relationsstyrke",
        "strength",
        "relation strength",
        "tie strength",
        "styrke 1-5",
        "styrke (1-5)",
        "styrke 1 til 5",
        "strength 1-5",
        "vægt",
        "vaegt",
        "weight",
        "edge weight",
        "kantvægt",
    ),
    "first_contact": (
        "første kontakt",
        "first contact",
        "connected on",
        "kontakt siden",
        "kendt siden",
        "første kontakt dato",
        "date connected",
        "connection date",
        "first contacted",
    ),
    "last_contact": (
        "sidste kontakt",
        "seneste kontakt",
        "senest kontaktet",
        "senest kontakt",
        "sidst kontaktet",
        "last contact",
        "last contacted",
        "last contact date",
        "dato for sidste kontakt",
    ),
    "source": ("kilde", "source", "datakilde", "data source"),
    "person": ("person", "personnavn", "person ref"),
    "role": ("rolle", "role", "funktion"),
    "start_date": ("start", "startdato", "start date", "fra dato", "from date", "begyndt", "since"),
    "end_date": ("slut", "slutdato", "end date", "til dato", "to date", "ophørt", "until"),
    "from": ("from", "fra", "kilde", "source", "fra navn"),
    "to": ("to", "til", "mål", "target", "til navn"),
    "element_type": ("element type", "kumu type"),
}

#: Names that only win when no better column exists for the field.
WEAK_SYNONYMS: dict[str, tuple[str, ...]] = {
    # Outlook's "Title"/"Titel" is the honorific (Mr./Ms.); in a home-made list it is the job title.
    "title": ("title", "titel", "rolle", "role"),
    "name": ("kontakt", "contact"),
    "ref": ("id", "nr"),
    "org_type": ("type", "kategori"),
    "department": ("forvaltning",),
    # Outlook's business address city, a reasonable stand-in for the area of a contact.
    "area": ("business city", "by arbejde", "postnummer og by"),
}

#: Words that mean a field only in one role ("Type" is the element type in Kumu's Elements sheet
#: and the kind of relation in a Connections sheet; "Navn" is the organisation in an organisation
#: list and the person in an affiliation list).
ROLE_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "organisations": {"organisation": ("navn", "name", "organisationsnavn"), "website": ("url",)},
    "affiliations": {
        "person": ("navn", "name", "fulde navn", "full name", "kontaktperson", "medarbejder"),
        "role": ("stilling", "titel", "title", "job title", "position"),
        "start_date": ("fra", "from"),
        "end_date": ("til", "to"),
    },
    "staff": {"team": ("afdeling", "enhed", "department"), "staff_role": ("rolle", "role", "funktion")},
    # In a tie list, a weight column is the tie's weight (any number above 0), apart from a 1–5
    # strength column beside it; alone it is read as both, as before (lib.ingest.rows).
    "relations": {"relation_kind": ("type",), "weight": ("weight", "edge weight", "vægt", "vaegt", "kantvægt")},
    "kumu_elements": {"name": ("label",), "element_type": ("type",), "notes": ("description",)},
    "kumu_connections": {"relation_kind": ("type",), "notes": ("description",)},
}

#: Role-specific words that yield to a better column (Kumu's connection "Label" names the relation
#: only when there is no "Type").
ROLE_WEAK_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "relations": {"relation_kind": ("label",)},
    "kumu_connections": {"relation_kind": ("label",)},
}

#: Headers that are deliberately not imported: personal details the library has no use for (home
#: phone and address, birthday, spouse), export bookkeeping (Yomi, "File As", "- Label" columns)
#: and look-alikes of useful headers ("E-mail Display Name" is not an address).
IGNORED_HEADERS: tuple[str, ...] = (
    # Outlook, English
    "suffix",
    "nickname",
    "given yomi",
    "surname yomi",
    "company yomi",
    "initials",
    "email type",
    "email display name",
    "email 2 type",
    "email 2 display name",
    "email 3 type",
    "email 3 display name",
    "home phone",
    "home phone 2",
    "car phone",
    "pager",
    "business fax",
    "home fax",
    "other fax",
    "company main telephone",
    "callback",
    "radio phone",
    "telex",
    "tty tdd phone",
    "imaddress",
    "office location",
    "manager's name",
    "assistant's name",
    "assistant's phone",
    "business street",
    "business street 2",
    "business street 3",
    "business state",
    "business postal code",
    "business country region",
    "business po box",
    "home street",
    "home street 2",
    "home street 3",
    "home city",
    "home state",
    "home postal code",
    "home country region",
    "home po box",
    "other street",
    "other street 2",
    "other street 3",
    "other city",
    "other state",
    "other postal code",
    "other country region",
    "other po box",
    "personal web page",
    "spouse",
    "schools",
    "hobby",
    "location",
    "birthday",
    "anniversary",
    "categories",
    "gender",
    "language",
    "keywords",
    "mileage",
    "sensitivity",
    "priority",
    "private",
    "account",
    "billing information",
    "directory server",
    "internet free busy",
    "children",
    "organizational id number",
    "government id number",
    "referred by",
    "user 1",
    "user 2",
    "user 3",
    "user 4",
    # Outlook, Danish
    "suffiks",
    "kaldenavn",
    "initialer",
    "email type",
    "email vist navn",
    "email 2 type",
    "email 2 vist navn",
    "email 3 type",
    "email 3 vist navn",
    "telefon privat",
    "telefon 2 privat",
    "biltelefon",
    "personsøger",
    "fax arbejde",
    "fax privat",
    "anden fax",
    "firmaets hovedtelefon",
    "tilbagekald",
    "radiotelefon",
    "kontor",
    "adresse arbejde",
    "gade arbejde",
    "postnummer arbejde",
    "land område arbejde",
    "personlig webside",
    "fødselsdag",
    "mærkedag",
    "kategorier",
    "køn",
    "sprog",
    "ægtefælle",
    "placering",
    "chefens navn",
    "assistentens navn",
    "assistentens telefon",
    # Google Contacts
    "name prefix",
    "name suffix",
    "file as",
    "phonetic first name",
    "phonetic middle name",
    "phonetic last name",
    "photo",
    "labels",
    "group membership",
    "short name",
    "maiden name",
    "yomi name",
    "given name yomi",
    "family name yomi",
    "additional name yomi",
    "occupation",
    "subject",
    # Kumu
    "tags",
    "image",
    "direction",
)

#: Google Contacts repeats fields as "E-mail 1 - Value", "Phone 2 - Value", "Organization 1 - Name".
_GOOGLE_NUMBERED = re.compile(r"^(?P<base>.+?)\s+\d+\s+-\s+(?P<part>.+)$")
_GOOGLE_VALUE_FIELDS = {"email": "email", "phone": "phone", "website": "website"}
_GOOGLE_SKIPPED_PARTS = frozenset({"label", "type"})

#: Words that make a header about e-mail, phone, website or notes even in a longer header, unless
#: one of the blocking words shows it is about something else ("Telefon (privat)", "E-mail type").
_KEYWORDS: dict[str, frozenset[str]] = {
    "email": frozenset({"email", "mail", "emailadresse", "mailadresse"}),
    "phone": frozenset({"telefon", "tlf", "phone", "mobil", "mobile", "telefonnummer", "mobilnummer"}),
    "website": frozenset({"website", "hjemmeside", "webside", "homepage"}),
    "notes": frozenset({"noter", "notes", "bemærkninger", "kommentar", "kommentarer", "comments"}),
}
_KEYWORD_BLOCKERS = frozenset(
    {
        "type",
        "label",
        "display",
        "vist",
        "fax",
        "privat",
        "private",
        "home",
        "hjem",
        "personal",
        "personlig",
        "pager",
        "personsøger",
        "yomi",
        "assistant",
        "assistent",
        "assistentens",
        "car",
        "bil",
        "radio",
        "callback",
        "telex",
        "tty",
        "tdd",
    }
)


def _score_table(role: str) -> dict[str, list[tuple[str, int]]]:
    """Header key → [(field, score)], best first, for the fields of ``role``."""
    allowed = set(FIELDS.get(role, ()))
    best: dict[str, dict[str, int]] = {}

    def add(words: Iterable[str], field_name: str, score: int) -> None:
        if field_name not in allowed:
            return
        for word in words:
            scores = best.setdefault(header_key(word), {})
            scores[field_name] = max(scores.get(field_name, 0), score)

    for field_name, words in ROLE_SYNONYMS.get(role, {}).items():
        add(words, field_name, _ROLE_SCORE)
    for field_name, words in ROLE_WEAK_SYNONYMS.get(role, {}).items():
        add(words, field_name, _WEAK_SCORE)
    for field_name, words in STRONG_SYNONYMS.items():
        add(words, field_name, _STRONG_SCORE)
    for field_name in allowed - {"title"}:  # canonical names; "title" stays weak (see WEAK_SYNONYMS)
        add((field_name,), field_name, _STRONG_SCORE)
    for field_name, words in WEAK_SYNONYMS.items():
        add(words, field_name, _WEAK_SCORE)
    # The workspace export's extra e-mail and phone columns go with the primary ones.
    add(("other_emails",), "email", _STRONG_SCORE)
    add(("other_phones",), "phone", _STRONG_SCORE)
    return {key: sorted(scores.items(), key=lambda entry: -entry[1]) for key, scores in best.items()}


_SCORE_TABLES: dict[str, dict[str, list[tuple[str, int]]]] = {role: _score_table(role) for role in ROLES}
_IGNORED_KEYS = frozenset(header_key(text) for text in IGNORED_HEADERS)
_ALL_KNOWN_KEYS = frozenset(key for table in _SCORE_TABLES.values() for key in table) | _IGNORED_KEYS


def _google_candidates(folded: str, role: str) -> list[tuple[str, int]] | None:
    """Candidates for a Google "X n - Part" header; ``None`` when the header has another form."""
    match = _GOOGLE_NUMBERED.match(folded)
    if match is None:
        return None
    base, part = match.group("base"), match.group("part")
    if part in _GOOGLE_SKIPPED_PARTS:
        return []
    allowed = FIELDS.get(role, ())
    if part == "value":
        target = _GOOGLE_VALUE_FIELDS.get(header_key(base))
        return [(target, _STRONG_SCORE)] if target in allowed else []
    return _exact_candidates(f"{base} {part}", role)


def _exact_candidates(text: str, role: str) -> list[tuple[str, int]]:
    return list(_SCORE_TABLES[role].get(header_key(text), ()))


def _keyword_candidates(folded: str, role: str) -> list[tuple[str, int]]:
    words = set(re.split(r"[^\w]+", folded))
    if words & _KEYWORD_BLOCKERS:
        return []
    allowed = FIELDS.get(role, ())
    return [
        (field_name, _KEYWORD_SCORE)
        for field_name, keywords in _KEYWORDS.items()
        if field_name in allowed and words & keywords
    ]


def _allowed_typos(key: str) -> int:
    """Edits tolerated in a header of this length: none below 5 letters ("Form" is not "From")."""
    if len(key) < 5:
        return 0
    return 2 if len(key) >= 10 else 1


def _fuzzy_candidates(key: str, role: str) -> list[tuple[str, int]]:
    """The field whose known header is within a typo or two of ``key``, if exactly one field is.

    The edit distance counts a swap of two neighbouring letters as one edit ("Emial"). Ratio
    scorers such as ``token_set_ratio`` are not used: they call "E-mail Type" a perfect match for
    "E-mail".
    """
    limit = _allowed_typos(key)
    if limit == 0:
        return []
    best: dict[str, int] = {}
    for known, entries in _SCORE_TABLES[role].items():
        if abs(len(known) - len(key)) > limit or len(known) < 4:
            continue
        distance = OSA.distance(key, known, score_cutoff=limit)
        if distance <= limit:
            for field_name, _ in entries:
                best[field_name] = min(best.get(field_name, distance), distance)
    if not best:
        return []
    closest = min(best.values())
    winners = [name for name, distance in best.items() if distance == closest]
    return [(winners[0], _FUZZY_SCORE)] if len(winners) == 1 else []


def _split_group(header: str) -> tuple[str | None, str]:
    """("Kontaktperson", "Fornavn") for "Kontaktperson – Fornavn"; (None, header) otherwise."""
    group, separator, sub = header.rpartition(GROUP_SEPARATOR)
    return (group, sub) if separator else (None, header)


def _column_candidates(header: str, role: str) -> list[tuple[str, int]]:
    """Every field ``header`` may mean in ``role``, best first."""
    folded = _fold(header)
    key = header_key(header)
    if not key:
        return []
    exact = _exact_candidates(folded, role)
    if exact:
        return exact
    if key in _IGNORED_KEYS:
        return []
    google = _google_candidates(folded, role)
    if google is not None:
        return google
    group, sub = _split_group(header)
    if group is not None:
        return _grouped_candidates(group, sub, role)
    return _keyword_candidates(folded, role) or _fuzzy_candidates(key, role)


def _grouped_candidates(group: str, sub: str, role: str) -> list[tuple[str, int]]:
    """Candidates for "Group – Sub": the sub-label decides, except "Organisation – Navn"."""
    sub_candidates = _column_candidates(sub, role)
    group_fields = [name for name, _ in _column_candidates(group, role)]
    if sub_candidates and sub_candidates[0][0] == "name" and "organisation" in group_fields:
        return [("organisation", _STRONG_SCORE - _SUB_LABEL_PENALTY)]
    return [(name, score - _SUB_LABEL_PENALTY) for name, score in sub_candidates]


def suggest_mapping(columns: Sequence[str], role: str) -> list[str | None]:
    """A suggested field of ``role`` for each column, ``None`` for a column to leave out.

    Parameters
    ----------
    columns : sequence of str
        Column names as :func:`locate_table` gives them.
    role : str
        One of ``lib.ingest.fields.ROLES``; only fields of ``FIELDS[role]`` are suggested.

    Returns
    -------
    list of (str or None)
        One entry per column, in order. Each field is used at most once, except the fields in
        :data:`REPEATABLE_FIELDS` (e-mail, phone): every e-mail column of an Outlook or Google
        export maps to ``email`` and every useful phone column to ``phone``; the importer takes the
        first non-empty one in column order as primary and the rest as other e-mails/phones.

    Notes
    -----
    A header is matched, in this order, on: its exact words after folding (case, spaces,
    punctuation and "e-mail"/"email" do not matter), a Google "E-mail 1 - Value" form, the
    sub-label of a "Group – Sub" header, a telling word inside a longer header ("Telefon
    (mobil)"), and finally a typo of a known header ("Emial", "Telefonnumer"). When two columns
    want the same field the better match wins, then the leftmost: Outlook's "Job Title" takes
    ``title`` and its "Title" (Mr./Ms.) is left out.

    Deliberate choices: LinkedIn's "URL" (the person's profile) is left out in a contact sheet,
    because ``website`` there is the organisation's website; home phones, home addresses and
    birthdays are left out (the library needs work contact details only); Kumu's "Tags",
    "Direction" and "Image" have no field.
    """
    if role not in _SCORE_TABLES:
        raise ValueError(f"unknown role: {role}")
    candidates = [
        (score, index, field_name)
        for index, header in enumerate(columns)
        for field_name, score in _column_candidates(header, role)
    ]
    candidates.sort(key=lambda candidate: (-candidate[0], candidate[1]))
    mapping: list[str | None] = [None] * len(columns)
    taken: set[str] = set()
    for _score, index, field_name in candidates:
        if mapping[index] is not None or (field_name in taken and field_name not in REPEATABLE_FIELDS):
            continue
        mapping[index] = field_name
        taken.add(field_name)
    return mapping


def column_signature(columns: Sequence[str]) -> str:
    """A stable SHA-256 hex digest of the folded column names, in order.

    Two files whose headers differ only in case or spacing ("E-mail " vs "e-mail") get the same
    signature, so a mapping the user confirmed once is offered again.
    """
    joined = "\n".join(_fold(column) for column in columns)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def field_label_key(field_name: str) -> str:
    """The translation key of a field's label, e.g. ``field.email``."""
    return f"field.{field_name}"


def role_label_key(role: str) -> str:
    """The translation key of a role's label, e.g. ``role.contacts``."""
    return f"role.{role}"


# --------------------------------------------------------------------------------------------------
# Recognising the role of a sheet
# --------------------------------------------------------------------------------------------------

#: Sheet names that tell the role (Kumu's Excel export names its sheets Elements and Connections).
SHEET_NAME_ROLES: dict[str, str] = {
    "elements": "kumu_elements",
    "elementer": "kumu_elements",
    "connections": "kumu_connections",
    "forbindelser": "kumu_connections",
    "relations": "relations",
    "relationer": "relations",
    "relationships": "relations",
    "organisations": "organisations",
    "organizations": "organisations",
    "organisationer": "organisations",
    "affiliations": "affiliations",
    "tilknytninger": "affiliations",
    "contacts": "contacts",
    "kontakter": "contacts",
    "people": "contacts",
    "personer": "contacts",
    "medarbejdere": "staff",
    "medarbejderliste": "staff",
    "personale": "staff",
    "personaleliste": "staff",
    "ansatte": "staff",
    "staff": "staff",
    "employees": "staff",
    "team": "staff",
    "teams": "staff",
}

#: The field a sheet of each role cannot do without.
_ESSENTIAL: dict[str, tuple[frozenset[str], ...]] = {
    "contacts": (frozenset({"name", "first_name", "last_name", "email"}),),
    "staff": (frozenset({"name", "first_name", "last_name", "email"}),),
    "organisations": (frozenset({"organisation"}),),
    "affiliations": (frozenset({"person"}), frozenset({"organisation"})),
    "relations": (frozenset({"from"}), frozenset({"to"})),
    "kumu_elements": (frozenset({"name"}),),
    "kumu_connections": (frozenset({"from"}), frozenset({"to"})),
}
_PERSON_FIELDS = frozenset({"name", "first_name", "last_name"})
_PERSON_ONLY_FIELDS = frozenset({"first_name", "last_name", "middle_name", "title", "is_staff"})
_ORGANISATION_FIELDS = frozenset({"org_type", "sector", "website"})
_KUMU_CONNECTION_MARKS = frozenset({"direction", "tags"})
_KUMU_ELEMENT_MARKS = frozenset({"type", "description", "tags", "image"})


def _fits(role: str, fields: set[str]) -> bool:
    return all(fields & needed for needed in _ESSENTIAL.get(role, ()))


def _role_from_sheet_name(sheet_name: str | None) -> str | None:
    return SHEET_NAME_ROLES.get(header_key(sheet_name)) if sheet_name else None


def _tie_role(keys: set[str], mapped: dict[str, set[str]], hinted: str | None) -> str:
    """A sheet with From and To columns: an affiliation, a Kumu connection or a relation."""
    if _fits("affiliations", mapped["affiliations"]):
        return "affiliations"
    if hinted == "kumu_connections" or keys & _KUMU_CONNECTION_MARKS:
        return "kumu_connections"
    return "relations"


def _is_affiliation_sheet(keys: set[str], mapped: dict[str, set[str]]) -> bool:
    fields = mapped["affiliations"]
    if not _fits("affiliations", fields) or mapped["contacts"] & {"email", "phone"}:
        return False
    return bool(fields & {"start_date", "end_date"}) or {"person", "organisation"} <= keys


def _person_or_organisation_role(mapped: dict[str, set[str]]) -> str:
    contact_fields = mapped["contacts"]
    people = contact_fields & _PERSON_FIELDS
    if people:
        only_a_name = people == {"name"} and "organisation" not in contact_fields
        of_organisations = contact_fields & _ORGANISATION_FIELDS or "cvr" in mapped["organisations"]
        if only_a_name and of_organisations and not contact_fields & _PERSON_ONLY_FIELDS:
            return "organisations"  # "Navn, Type, Sektor, Hjemmeside" or "Navn, CVR" lists organisations
        return "contacts"
    if contact_fields & {"email", "phone"} and "organisation" not in contact_fields:
        return "contacts"
    if _fits("organisations", mapped["organisations"]):
        return "organisations"
    return "unknown"


def detect_role(columns: Sequence[str], sheet_name: str | None = None) -> str:
    """What one row of a sheet with these columns describes: one of ``lib.ingest.fields.ROLES``.

    Parameters
    ----------
    columns : sequence of str
        Column names from :func:`locate_table`.
    sheet_name : str, optional
        A sheet called "Elements", "Connections", "Relationer", "Organisationer" … is taken at its
        word when its columns fit that role.

    Returns
    -------
    str
        * ``kumu_connections`` / ``relations`` / ``affiliations`` for From/To (Fra/Til, Kilde/Mål)
          columns: an affiliation when there are also person and organisation columns (then
          Fra/Til are dates), Kumu when there is a Direction or Tags column, else a relation;
        * ``kumu_elements`` for Label with Type, Description, Tags or Image;
        * ``affiliations`` for person + organisation + start/end date (or the export's literal
          "person" and "organisation" headers) without e-mail or phone;
        * ``staff`` for a sheet called "Medarbejdere", "Personale", "Ansatte" or "Staff", or with a
          "Team" column and no organisation or responsible-staff column: the library's own staff;
        * ``contacts`` when there is a person's name, e-mail or phone column, except a bare "Navn"
          next to organisation type/sector/website or a CVR number, which is ``organisations``;
        * ``organisations`` for an organisation column without person columns;
        * ``unknown`` otherwise.
    """
    keys = {header_key(column) for column in columns}
    mapped = {role: {f for f in suggest_mapping(columns, role) if f} for role in ROLES}
    hinted = _role_from_sheet_name(sheet_name)
    if hinted and _fits(hinted, mapped[hinted]):
        return hinted
    if _fits("relations", mapped["relations"]):
        return _tie_role(keys, mapped, hinted)
    if "label" in keys and keys & _KUMU_ELEMENT_MARKS:
        return "kumu_elements"
    if _is_affiliation_sheet(keys, mapped):
        return "affiliations"
    role = _person_or_organisation_role(mapped)
    if role == "contacts" and "team" in mapped["staff"] and not mapped["contacts"] & {"organisation", "owner"}:
        return "staff"  # "Navn, E-mail, Team, Rolle": the library's own staff
    return role


# --------------------------------------------------------------------------------------------------
# Locating the table
# --------------------------------------------------------------------------------------------------


def _is_blank(value: object) -> bool:
    return (
        value is None
        or (isinstance(value, str) and not value.strip())
        or (
            isinstance(value, float) and value != value  # NaN from pandas
        )
    )


def _cell(rows: list[list[object]], row: int, col: int) -> object:
    if 0 <= row < len(rows) and col < len(rows[row]):
        return rows[row][col]
    return None


def _filled_columns(row: Sequence[object]) -> list[int]:
    # _is_blank inlined: this runs on every cell of a sheet that may have a million of them.
    return [
        index
        for index, value in enumerate(row)
        if value is not None and value == value and not (type(value) is str and not value.strip())
    ]  # noqa: E721


def _is_text(value: object) -> bool:
    return isinstance(value, str) and clean_text(value) is not None


def _is_known_header(value: object) -> bool:
    if not isinstance(value, str):
        return False
    return header_key(value) in _ALL_KNOWN_KEYS or bool(_GOOGLE_NUMBERED.match(_fold(value)))


def _header_score(rows: list[list[object]], index: int) -> float | None:
    """How much row ``index`` looks like the header row; ``None`` for a blank row.

    Counts distinct text cells and, double, cells that are known header words; subtracts numbers
    and dates (data, not labels) and, heavily, each row above with at least half as many filled
    cells (a header comes before the data, so a row with table-like rows above it is data).
    """
    filled = _filled_columns(rows[index])
    if not filled:
        return None
    values = [rows[index][col] for col in filled]
    texts = [value for value in values if _is_text(value)]
    distinct = len({_fold(text) for text in texts})
    known = sum(1 for value in values if _is_known_header(value))
    wide = max(2, (len(filled) + 1) // 2)
    wide_rows_above = sum(1 for above in rows[:index] if len(_filled_columns(above)) >= wide)
    has_rows_below = any(_filled_columns(below) for below in rows[index + 1 : index + 4])
    return distinct + 2 * known - (len(values) - len(texts)) - 3 * wide_rows_above + (0.5 if has_rows_below else 0)


def _find_header_row(rows: list[list[object]]) -> int | None:
    window = rows[:HEADER_SCAN_ROWS]
    best: tuple[float, int] | None = None
    for index in range(len(window)):
        score = _header_score(window, index)
        if score is not None and (best is None or score > best[0]):
            best = (score, index)
    return None if best is None else best[1]


@dataclass(frozen=True)
class _Span:
    first_col: int
    last_col: int
    value: object


def _merged_spans(sheet: SheetLike, row: int) -> list[_Span]:
    """Ranges merged across several columns that cover ``row``, with their top-left value."""
    spans = []
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row <= row <= last_row and last_col > first_col:
            spans.append(_Span(first_col, last_col, _cell(sheet.rows, first_row, first_col)))
    return spans


def _filled_right_spans(rows: list[list[object]], row: int, width: int) -> list[_Span]:
    """Without merge information (CSV), a label is taken to cover the blank cells to its right."""
    filled = _filled_columns(_cell_row(rows, row))
    ends = filled[1:] + [width]
    return [_Span(start, max(start, end - 1), rows[row][start]) for start, end in zip(filled, ends)]


def _cell_row(rows: list[list[object]], row: int) -> list[object]:
    return rows[row] if 0 <= row < len(rows) else []


def _span_at(spans: list[_Span], col: int) -> _Span | None:
    return next((span for span in spans if span.first_col <= col <= span.last_col), None)


def _group_spans(sheet: SheetLike, upper: int, lower: int, width: int) -> list[_Span] | None:
    """The group labels of ``upper`` over the sub-labels of ``lower``, or ``None`` if not a pair.

    ``upper`` and ``lower`` form a two-row header when every label in ``lower`` sits under a blank
    cell or under a label spanning several columns, and at least one sits under such a span. A
    single label starting in the first column is a title, not a group. Without merge information
    the labels must be known header words on both rows, so that a data row is never taken for a
    sub-header.
    """
    lower_filled = _filled_columns(_cell_row(sheet.rows, lower))
    upper_filled = _filled_columns(_cell_row(sheet.rows, upper))
    if not lower_filled or not upper_filled or upper < 0:
        return None
    if not all(_is_text(sheet.rows[lower][col]) for col in lower_filled):
        return None
    if len(upper_filled) == 1 and upper_filled[0] == min(upper_filled + lower_filled):
        return None
    spans = _merged_spans(sheet, upper)
    if not spans:
        if len(upper_filled) < 2 or not all(_is_known_header(sheet.rows[upper][c]) for c in upper_filled):
            return None
        if not all(_is_known_header(sheet.rows[lower][col]) for col in lower_filled):
            return None
        spans = _filled_right_spans(sheet.rows, upper, width)
    grouped = 0
    for col in lower_filled:
        span = _span_at(spans, col)
        if span is not None and span.last_col > span.first_col:
            grouped += 1
        elif not _is_blank(_cell(sheet.rows, upper, col)):
            return None
    return spans if grouped else None


def _header_labels(sheet: SheetLike, upper: int, lower: int, width: int) -> list[str | None]:
    """Column labels of a header on rows ``upper``..``lower`` (equal for a one-row header)."""
    labels: list[str | None] = []
    spans = _group_spans(sheet, upper, lower, width) if upper != lower else None
    for col in range(width):
        below = clean_text(_cell(sheet.rows, lower, col))
        if spans is None:
            labels.append(below)
            continue
        span = _span_at(spans, col)
        group = clean_text(span.value) if span and span.last_col > span.first_col else None
        above = group or clean_text(_cell(sheet.rows, upper, col))
        if below and group:
            labels.append(f"{group}{GROUP_SEPARATOR}{below}")
        else:
            labels.append(below or above)
    return labels


def _header_rows(sheet: SheetLike, found: int, width: int) -> tuple[int, int]:
    """(first, last) header row around the row that scored best: a group row above or below it."""
    if found > 0 and _group_spans(sheet, found - 1, found, width) is not None:
        return found - 1, found
    if _group_spans(sheet, found, found + 1, width) is not None:
        return found, found + 1
    return found, found


def _last_header_row(sheet: SheetLike, first: int, last: int) -> int:
    """The header's last row, extended over header cells merged downwards (A1:A2)."""
    extended = last
    for first_row, _c1, last_row, _c2 in sheet.merged:
        if first <= first_row <= last and last_row > extended:
            extended = min(last_row, last + 2)
    return extended


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _unique_names(labels: list[str | None], source_columns: list[int]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for label, col in zip(labels, source_columns):
        base = label or f"Kolonne {_column_letter(col)}"
        name, counter = base, 1
        while _fold(name) in seen:
            counter += 1
            name = f"{base} ({counter})"
        seen.add(_fold(name))
        names.append(name)
    return names


def _title_text(rows: list[list[object]], first_header_row: int) -> str | None:
    lines = []
    for row in rows[:first_header_row]:
        parts = [clean_text(value) for value in row if not _is_blank(value)]
        line = " ".join(part for part in parts if part)
        if line:
            lines.append(line)
    return "\n".join(lines) or None


def locate_table(sheet: SheetLike) -> SheetTable:
    """Find the header and the data rows of the table in ``sheet``.

    The header is the row among the first :data:`HEADER_SCAN_ROWS` that looks most like one: many
    distinct text cells, known header words, no table-like rows above it. Title rows and a
    LinkedIn "Notes:" preamble above it become :attr:`SheetTable.title`. A row of merged group
    labels over a row of sub-labels ("Kontaktperson" over "Fornavn", "Efternavn") is read as one
    header with columns "Kontaktperson – Fornavn", "Kontaktperson – Efternavn"; a header cell
    merged downwards keeps the data from starting inside the header.

    See :class:`SheetTable` for what is returned, in particular how blank rows are counted. A sheet
    with no non-blank cell gives an empty table with ``header_row == -1``.
    """
    rows = sheet.rows
    found = _find_header_row(rows)
    if found is None:
        return SheetTable(header_row=-1, columns=[], rows=[], row_numbers=[])
    width = max((len(row) for row in rows), default=0)
    first, last = _header_rows(sheet, found, width)
    labels = _header_labels(sheet, first, last, width)
    data_start = _last_header_row(sheet, first, last) + 1
    data = rows[data_start:]
    filled_by_row = [_filled_columns(row) for row in data]
    used = {col for filled in filled_by_row for col in filled}
    kept = [col for col in range(width) if labels[col] or col in used]
    table_rows, row_numbers, blank_rows, pending_blank = [], [], 0, 0
    for offset, (row, filled) in enumerate(zip(data, filled_by_row)):
        if not filled:
            pending_blank += 1
            continue
        blank_rows += pending_blank  # blank rows count only once a data row follows them
        pending_blank = 0
        table_rows.append([row[col] if col < len(row) else None for col in kept])
        row_numbers.append(data_start + offset + 1)
    return SheetTable(
        header_row=data_start - 1,
        columns=_unique_names([labels[col] for col in kept], kept),
        rows=table_rows,
        row_numbers=row_numbers,
        title=_title_text(rows, first),
        blank_rows=blank_rows,
        source_columns=kept,
    )
