"""What column headers mean: folding header texts, and the field each column most likely holds.

Headers are matched by exact words per role, then telling keywords, Google Contacts' numbered
columns, grouped headers ("Kontaktperson – Fornavn") and small typos; :func:`suggest_mapping` gives
each field to at most one column (except :data:`REPEATABLE_FIELDS`). The words are in
:mod:`lib.ingest.header_words`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import OSA

from lib.core.normalize import clean_text
from lib.ingest.fields import FIELDS, ROLES
from lib.ingest.header_words import IGNORED_HEADERS, ROLE_SYNONYMS, ROLE_WEAK_SYNONYMS, STRONG_SYNONYMS, WEAK_SYNONYMS

#: Joins a merged group label and the label beneath it: "Kontaktperson – Fornavn".
GROUP_SEPARATOR = " – "

#: Fields several columns may map to at once; the importer takes the first non-empty value as the
#: primary one and keeps the others (other_emails, other_phones).
REPEATABLE_FIELDS = frozenset({"email", "phone"})


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


#: Score of a match; the mapping takes the highest-scoring (column, field) pairs first.
_ROLE_SCORE = 100  # a word that means this field in this role in particular

_STRONG_SCORE = 90  # an unambiguous name for the field

_WEAK_SCORE = 60  # a name that yields to a better column ("Title" is Mr./Ms. in Outlook)

_SUB_LABEL_PENALTY = 5  # "Kontaktperson – Fornavn" matched on its "Fornavn" part

_KEYWORD_SCORE = 50  # a header containing a telling word ("Telefon (mobil)")

_FUZZY_SCORE = 40  # a typo of a known header ("Emial")

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
