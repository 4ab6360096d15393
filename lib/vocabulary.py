"""Fixed vocabularies of the domain: organisation types, sectors and kinds of relation.

Codes are stored in the database; labels come from the translation table (``lib.i18n``) so that the
same record reads in Danish or English. Each code also carries the words people actually type in
their spreadsheets, so an imported "Forening" or "NGO" lands on the same code.
"""

from __future__ import annotations

import functools
import unicodedata

ORGANISATION_TYPES: dict[str, tuple[str, ...]] = {
    "association": ("forening", "association", "ngo", "frivillig forening", "klub", "club"),
    "business": ("virksomhed", "business", "company", "firma", "erhverv", "selskab", "a/s", "aps"),
    "education": (
        "uddannelsesinstitution", "education", "school", "skole", "university", "universitet",
        "gymnasium", "professionshøjskole", "college", "educational institution",
    ),
    "adult_education": (
        "folkeoplysning", "adult education", "aftenskole", "evening school", "højskole", "folkeuniversitet",
    ),
    "municipal": (
        "kommunal forvaltning", "municipal department", "municipality", "kommune", "jobcenter", "ppr",
        "sundhed", "børn og unge", "forvaltning", "municipal",
    ),
    "cultural": (
        "kulturinstitution", "cultural institution", "museum", "teater", "theatre", "theater",
        "musikskole", "music school", "arkiv", "archive", "spillested",
    ),
    "media": ("medie", "media", "avis", "newspaper", "radio", "tv", "presse"),
    "library": ("andet bibliotek", "other library", "bibliotek", "library"),
    "foundation": ("fond", "foundation", "fonden", "trust"),
    "union": (
        "faglig organisation", "union", "interest organisation", "interesseorganisation", "fagforening",
        "brancheforening",
    ),
    "citizen_group": ("borgergruppe", "citizen group", "netværk", "borgere", "lokalråd"),
    "state": ("region/stat", "regional or state body", "region", "stat", "state", "styrelse", "ministerium"),
    "other": ("andet", "other"),
}

SECTORS: dict[str, tuple[str, ...]] = {
    "public": ("offentlig", "public", "kommunal", "statslig"),
    "private": ("privat", "private", "erhverv", "business"),
    "civil": ("civilsamfund", "civil society", "civil", "frivillig", "ngo", "forening"),
}

#: Which sector a type usually belongs to, used when a file names the type but not the sector.
DEFAULT_SECTOR_BY_TYPE: dict[str, str] = {
    "association": "civil",
    "business": "private",
    "education": "public",
    "adult_education": "civil",
    "municipal": "public",
    "cultural": "public",
    "media": "private",
    "library": "public",
    "foundation": "civil",
    "union": "civil",
    "citizen_group": "civil",
    "state": "public",
}

RELATION_KINDS: dict[str, tuple[str, ...]] = {
    "knows": ("kender", "knows", "kontakt", "contact", "relation"),
    "colleague": ("kollega", "colleague", "kolleger"),
    "works_with": ("samarbejder med", "works with", "samarbejde", "collaboration", "samarbejdspartner"),
    "partner": ("partner", "partnerskab", "partnership"),
    "member": ("medlem", "member", "member of"),
    "funds": ("finansierer", "funds", "sponsor", "støtter"),
    "other": ("andet", "other"),
}

RELATION_STRENGTHS = (1, 2, 3, 4, 5)


def fold(text: str) -> str:
    """Lower-case, NFC-normalised, whitespace-collapsed form of ``text`` for matching."""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return " ".join(text.replace("_", " ").split())


def _lookup(table: dict[str, tuple[str, ...]], text: object) -> str | None:
    if text is None:
        return None
    key = fold(str(text))
    if not key:
        return None
    if key in table:
        return key
    for code, words in table.items():
        if key in words:
            return code
    for code, words in table.items():
        if any(word in key for word in words if len(word) > 3):
            return code
    return None


def organisation_type_code(text: object) -> str | None:
    """The organisation-type code for free text such as "Forening" or "Museum", or None."""
    return None if text is None else _cached_lookup("org_type", str(text))


def sector_code(text: object) -> str | None:
    """The sector code for free text such as "Offentlig" or "civil society", or None."""
    return None if text is None else _cached_lookup("sector", str(text))


def relation_kind_code(text: object) -> str | None:
    """The relation-kind code for free text such as "kender" or "works with", or None."""
    return None if text is None else _cached_lookup("relation_kind", str(text))


_TABLES = {"org_type": ORGANISATION_TYPES, "sector": SECTORS, "relation_kind": RELATION_KINDS}


@functools.lru_cache(maxsize=4096)
def _cached_lookup(table: str, text: str) -> str | None:
    # Lists repeat the same few words on every row; matching them once is enough.
    return _lookup(_TABLES[table], text)
