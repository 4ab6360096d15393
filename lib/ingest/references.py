"""What a row of an imported list is, and what it names: the rules the importer reads rows by.

A library's own lists are not clean tables of people. Besides people they hold

* rows that are not records: a total at the bottom ("I alt: 14 kontakter", "Total", "Sum", "Antal")
  or the header repeated further down (a list pasted together from two);
* a role mailbox instead of a person (info@, kontakt@, post@ …): that is the organisation's
  general address, not somebody to hold a tie with;
* a person known only by an e-mail address;
* names of people and organisations that the list refers to but does not describe: the staff
  member in "Ansvarlig medarbejder", the ends of a From/To tie.

The functions here decide which is which; ``lib.ingest.rows`` acts on the answers. They are plain
functions of text, so the rules are easy to read and test on their own.

Rules
-----
* **Totals**: the row's first filled cell starts with "I alt", "Total", "Totalt", "Sum", "Antal",
  "Subtotal" or "Samlet", followed by nothing, a colon, or text with a digit in it. "Total
  Energies A/S" is an organisation, "Total: 14" is a total.
* **Repeated header**: every filled cell equals its column's header (at least two cells, or the only
  one), compared as headers are (case, spaces and punctuation do not matter).
* **Role mailboxes**: the part before the @ is one of :data:`ROLE_MAILBOXES` (also with a suffix after
  a dot, dash or underscore: "info.nord@", "kontakt-bib@").
* **A name from an address**: only when the part before the @ is two or three words of letters joined
  by dots ("anne.vinther@", "soeren.bak.holm@"): "Anne Vinther", "Soeren Bak Holm". The guess is
  always reported as a warning, so that the user can correct it; any other address gives no name.
* **Organisation or person**: a name that is not yet in the workspace is an organisation when one of
  its words is a word organisations are called by (:data:`ORGANISATION_WORDS`: Skole, Forening,
  Kommune, ApS, Museum …, also at the end of a compound: "Teaterforening", "Frivilligcenter");
  anything else is a person. A name needs at least two letters to be created at all ("P12" or "17",
  a network file's node id, is not a name).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from lib.core.normalize import clean_text
from lib.core.text import CACHED_TEXT_LENGTH
from lib.ingest.tables import GROUP_SEPARATOR, header_key

#: The part before the @ of an address that belongs to an office, not a person.
ROLE_MAILBOXES = frozenset(
    {
        "info",
        "kontakt",
        "contact",
        "post",
        "mail",
        "email",
        "e-mail",
        "bibliotek",
        "biblioteket",
        "library",
        "admin",
        "administration",
        "sekretariat",
        "sekretariatet",
        "secretariat",
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "kontor",
        "office",
        "reception",
        "hello",
        "hej",
        "support",
        "service",
        "kundeservice",
        "booking",
        "presse",
        "press",
        "webmaster",
        "postmaster",
        "redaktion",
        "redaktionen",
        "faktura",
        "regnskab",
        "bogholderi",
        "job",
        "jobs",
        "ledelse",
        "direktion",
        "borgerservice",
        "kommune",
        "skole",
        "skolen",
        "museum",
        "museet",
        "forening",
        "foreningen",
        "bestyrelse",
        "formand",
    }
)
_MAILBOX_SUFFIX = re.compile(r"^([a-z-]+?)[._-][a-z0-9._-]+$")

#: Mail providers whose domain says nothing about the organisation a person works for.
GENERIC_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.dk",
        "outlook.com",
        "outlook.dk",
        "live.com",
        "live.dk",
        "msn.com",
        "yahoo.com",
        "yahoo.dk",
        "icloud.com",
        "me.com",
        "mac.com",
        "mail.dk",
        "jubii.dk",
        "email.dk",
        "get2net.dk",
        "webspeed.dk",
        "youmail.dk",
        "privat.dk",
        "protonmail.com",
        "proton.me",
        "aol.com",
        "gmx.com",
        "gmx.net",
        "tdcadsl.dk",
        "stofanet.dk",
        "ofir.dk",
        "sol.dk",
        "c.dk",
    }
)

#: The words a total row starts with.
_TOTAL = re.compile(
    r"^(?:i\s*alt|ialt|grand total|subtotal|totalt|total|summa|sum|antal|samlet)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)

#: Words organisations are called by (folded). A word of the name counts when it *is* one of these,
#: or, for the longer ones (:data:`_COMPOUND_MIN` letters or more), when it *ends* with one:
#: "Teaterforening", "Frivilligcenter", "Musikskole".
ORGANISATION_WORDS = frozenset(
    {
        # Danish
        "forening",
        "foreningen",
        "skole",
        "skolen",
        "gymnasium",
        "gymnasiet",
        "universitet",
        "universitetet",
        "højskole",
        "højskolen",
        "professionshøjskole",
        "efterskole",
        "friskole",
        "aftenskole",
        "sprogcenter",
        "kommune",
        "kommunes",
        "region",
        "regionen",
        "styrelse",
        "styrelsen",
        "ministerium",
        "ministeriet",
        "forvaltning",
        "forvaltningen",
        "jobcenter",
        "jobcentret",
        "ppr",
        "museum",
        "museet",
        "museer",
        "arkiv",
        "arkivet",
        "teater",
        "teatret",
        "teatre",
        "bibliotek",
        "biblioteket",
        "biblioteker",
        "bibliotekerne",
        "avis",
        "avisen",
        "dagblad",
        "dagbladet",
        "ugeavis",
        "radio",
        "tv",
        "forlag",
        "forlaget",
        "fond",
        "fonden",
        "center",
        "centret",
        "centeret",
        "centre",
        "klub",
        "klubben",
        "hus",
        "huset",
        "kulturhus",
        "kirke",
        "kirken",
        "sogn",
        "menighedsråd",
        "råd",
        "rådet",
        "lokalråd",
        "netværk",
        "netværket",
        "fagforening",
        "organisation",
        "organisationen",
        "selskab",
        "selskabet",
        "firma",
        "boghandel",
        "boghandlen",
        "butik",
        "institut",
        "instituttet",
        "akademi",
        "akademiet",
        "festival",
        "festivalen",
        "spillested",
        "musikskole",
        "musikskolen",
        "børnehave",
        "vuggestue",
        "dagtilbud",
        "fritidsklub",
        "sfo",
        "plejehjem",
        "plejecenter",
        "hospital",
        "hospitalet",
        "sygehus",
        "sygehuset",
        "fof",
        "aof",
        "lof",
        "daghøjskole",
        "aps",
        "a/s",
        "i/s",
        "p/s",
        "k/s",
        "amba",
        "a.m.b.a.",
        "smba",
        "ivs",
        "gruppen",
        "laug",
        "lauget",
        "ungdomsskole",
        "ungdomsskolen",
        "kulturskole",
        "borgerservice",
        "frivilligcenter",
        "lektiecafé",
        # English
        "school",
        "university",
        "college",
        "council",
        "association",
        "foundation",
        "society",
        "club",
        "library",
        "theatre",
        "theater",
        "agency",
        "department",
        "ministry",
        "institute",
        "academy",
        "company",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "gmbh",
        "plc",
        "ngo",
        "network",
        "trust",
    }
)
_COMPOUND_MIN = 5
_COMPOUND_ENDINGS = tuple(
    sorted((w for w in ORGANISATION_WORDS if len(w) >= _COMPOUND_MIN and "/" not in w), key=len, reverse=True)
)

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_NAME_PART = re.compile(r"^[^\W\d_]{2,}$", re.UNICODE)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def has_letters(text: str | None, count: int = 2) -> bool:
    """Whether ``text`` holds at least ``count`` letters: what it takes to be a name."""
    return bool(text) and len(_LETTERS.findall(text or "")) >= count


# --- rows that are not records ---------------------------------------------------------------------


def total_label(row: Sequence[object]) -> str | None:
    """The text of ``row``'s first filled cell when the row is a total ("I alt: 14"), else None."""
    for value in row:
        text = clean_text(value)
        if text is None:
            continue
        match = _TOTAL.match(text)
        if match is None:
            return None
        rest = match.group("rest")
        if rest and rest[0].isalnum() and not rest[0].isdigit():
            return None  # "Totalbyg ApS", "Summer School": a word that only begins like one
        rest = rest.strip()
        if not rest or rest.startswith(":") or any(ch.isdigit() for ch in rest):
            return text
        return None
    return None


def is_repeated_header(row: Sequence[object], columns: Sequence[str]) -> bool:
    """Whether ``row`` is the header again: every filled cell is its own column's name."""

    names = _column_names(tuple(columns))
    filled = 0
    for index, value in enumerate(row):
        text = clean_text(value)
        if text is None:
            continue
        if index >= len(names):
            return False
        key = _cell_key(text) if len(text) <= CACHED_TEXT_LENGTH else header_key(text)
        if key not in names[index]:
            return False
        filled += 1
    return filled >= min(2, len(columns)) and filled > 0


@functools.lru_cache(maxsize=64)
def _column_names(columns: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The header keys each column answers to (its name, and the label under a merged group's):
    worked out once per sheet, not once per row."""
    return tuple(
        frozenset({header_key(column), header_key(column.rpartition(GROUP_SEPARATOR)[2])}) for column in columns
    )


#: A cell's header key, cached: :func:`is_repeated_header` asks it of every row's first cell, and a
#: register repeats its names and organisations.
_cell_key = functools.lru_cache(maxsize=16_384)(header_key)


# --- e-mail addresses ------------------------------------------------------------------------------


def local_part(email: str) -> str:
    return email.rsplit("@", 1)[0].casefold()


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].casefold()


def is_role_mailbox(email: str) -> bool:
    """Whether ``email`` (normalised) is an office's mailbox (info@, kontakt@ …), not a person's."""
    local = local_part(email)
    if local in ROLE_MAILBOXES:
        return True
    match = _MAILBOX_SUFFIX.match(local)
    return match is not None and match.group(1) in ROLE_MAILBOXES


def name_from_email(email: str) -> str | None:
    """ "Anne Vinther" for anne.vinther@…: only for two or three words of letters joined by dots."""
    parts = local_part(email).split(".")
    if not 2 <= len(parts) <= 3 or not all(_NAME_PART.match(part) for part in parts):
        return None
    return " ".join(part[:1].upper() + part[1:] for part in parts)


def website_domain(website: str | None) -> str | None:
    """The host of a stored website without "www.": what its people's addresses end in."""
    if not website:
        return None
    try:
        host = urlsplit(website if "//" in website else f"//{website}").hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.casefold()
    return host[4:] if host.startswith("www.") else host


def is_generic_domain(domain: str) -> bool:
    return domain in GENERIC_DOMAINS


# --- names -----------------------------------------------------------------------------------------


def looks_like_organisation(name: str) -> bool:
    """Whether a name not yet in the workspace names an organisation rather than a person."""
    for word in _fold(name).replace(",", " ").split():
        word = word.strip("()\"'«»")
        if word in ORGANISATION_WORDS:
            return True
        if len(word) > _COMPOUND_MIN and word.endswith(_COMPOUND_ENDINGS):
            return True
    return False
