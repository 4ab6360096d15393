"""Fixed vocabularies of the domain: organisation types, sectors and kinds of relation.

Codes are stored in the database; labels come from the translation table (``lib.core.i18n``) so that the
same record reads in Danish or English. Each code also carries the words people actually write in
their spreadsheets, so an imported "Forening", "foreningerne", "idrætsforening" or "NGO" lands on the
same code.

The words are data (:data:`ORGANISATION_WORDS`, :data:`SECTOR_WORDS`, :data:`RELATION_WORDS`), and
Danish grammar is applied to them by rule rather than typed out form by form:

* **inflection**: every word is recognised in its definite and plural forms (``skole`` → skolen,
  skoler, skolerne; ``museum`` → museet, museer; ``klub`` → klubben; ``teater`` → teatret, teatre;
  ``offentlig`` → offentligt, offentlige), with the genitive ``-s`` and the English plural;
* **compounds**: a word listed as a *head* also names every compound that ends in it
  ("ungdomsskole", "idrætsforeningen", "lokalarkiv", "kunstmuseet"); the longest head wins, and a word
  listed on its own wins over any head ("fagforening" is a union, not an association;
  "professionshøjskole" an education, not adult education);
* **phrases**: the head of a Danish (or English) phrase is its last word ("lokalhistorisk arkiv",
  "bibliotekets fond"), the part before a preposition ("Fonden for Ålykke Kulturliv"), a suspended
  compound its last part ("børne- og ungeforvaltning"); a list of several ("museum/arkiv",
  "tv og radio") counts when all its parts agree.

Words match as words or compound heads, never as arbitrary substrings: "tv" is not found in
"netværk", nor "andet" in "landet", nor "privat" in "privatperson". Words that end in a head without
being one of its compounds ("bestyrelse" is not a "styrelse", "remedie" not a "medie") are listed
under :data:`NOT_A_HEAD`.

Matching is deterministic and cached: a file repeats the same few words on every row.
What no word fits is not guessed: the importer keeps it as written and asks a person
(``lib.contacts.word_choices``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

from lib.core.vocabulary_words import NOT_A_HEAD, ORGANISATION_WORDS, RELATION_WORDS, SECTOR_WORDS

#: Which vocabularies there are, as the importer and ``vocabulary_mappings`` name them.
VOCABULARIES = ("org_type", "sector", "relation_kind")

__all__ = [
    "CODES",
    "DEFAULT_SECTOR_BY_TYPE",
    "NOT_A_HEAD",
    "ORGANISATION_TYPES",
    "ORGANISATION_WORDS",
    "RELATION_KINDS",
    "RELATION_STRENGTHS",
    "RELATION_WORDS",
    "SECTORS",
    "SECTOR_WORDS",
    "VOCABULARIES",
    "all_forms",
    "builtin_code",
    "code_for",
    "collisions",
    "fold",
    "forms",
    "is_code",
    "organisation_type_code",
    "relation_kind_code",
    "sector_code",
    "word_key",
]


def _all_words(table: Mapping[str, Mapping[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    return {code: (*entry.get("heads", ()), *entry.get("words", ())) for code, entry in table.items()}


#: Code → the words people write for it (base forms; see the module's description for the rest).
ORGANISATION_TYPES: dict[str, tuple[str, ...]] = _all_words(ORGANISATION_WORDS)
SECTORS: dict[str, tuple[str, ...]] = _all_words(SECTOR_WORDS)
RELATION_KINDS: dict[str, tuple[str, ...]] = _all_words(RELATION_WORDS)

#: The codes of each vocabulary, in order.
CODES: dict[str, tuple[str, ...]] = {
    "org_type": tuple(ORGANISATION_TYPES),
    "sector": tuple(SECTORS),
    "relation_kind": tuple(RELATION_KINDS),
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

RELATION_STRENGTHS = (1, 2, 3, 4, 5)

_WORDS = {"org_type": ORGANISATION_WORDS, "sector": SECTOR_WORDS, "relation_kind": RELATION_WORDS}

#: A head names compounds only when it has at least this many letters ("råd" would find "område")…
MIN_HEAD_LENGTH = 4
#: … and only in a word with at least this many letters before it ("remedie" is no medium).
MIN_COMPOUND_PREFIX = 3
#: Longer text is a description, not a word for a type: it is kept as written, not taken apart.
LONGEST_PHRASE = 200
#: Marks a form that is a word of its own but no type (:data:`NOT_A_HEAD`).
_NOTHING = ""


# --- folding and cleaning text -----------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case, NFC-normalised, whitespace-collapsed form of ``text`` for matching."""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return " ".join(text.replace("_", " ").split())


#: The longest folded word a remembered choice keeps (``vocabulary_mappings.word_key``).
WORD_KEY_LENGTH = 100


def word_key(text: object) -> str:
    """The folded form of a word as written, by which a person's choice for it is remembered."""
    return fold(str(text))[:WORD_KEY_LENGTH] if text is not None else ""


_APOSTROPHES = str.maketrans({"’": "", "'": "", "´": "", "`": ""})
_QUOTES = re.compile(r"[\"“”„»«‹›]")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_EDGES = " .,:;!?*-–—"
#: "a/s", "i/s": one word, not a list of two.
_LETTER_SLASH = re.compile(r"(?<![\w])([a-zæøå])/([a-zæøå])(?![\w])")
_SEPARATORS = re.compile(r"\s*(?:[,;/&+|]|\s[-–—]\s)\s*|\s+(?:og|eller|samt|and|or)\s+")
_PREPOSITIONS = frozenset(
    {"for", "af", "i", "på", "til", "ved", "under", "om", "hos", "fra", "of", "in", "at", "on", "with", "med"}
)


def _clean(text: str) -> str:
    """``text`` folded, without quotes, apostrophes ("NGO'er"), parentheses and edge punctuation."""
    key = _QUOTES.sub(" ", fold(text).translate(_APOSTROPHES))
    without = _PARENTHESES.sub(" ", key).strip(_EDGES)
    key = without if without else key.replace("(", " ").replace(")", " ")
    return " ".join(key.split()).strip(_EDGES)


# --- inflection ------------------------------------------------------------------------------------

_VOWELS = "aeiouyæøå"
#: Endings of adjectives, whose neuter adds "-t" (offentligt, kommunalt, civilt, kommercielt).
_ADJECTIVE_ENDINGS = ("ig", "al", "el", "il", "isk", "iv", "ær", "ent", "ant")
_DOUBLING = re.compile(rf"(?<![{_VOWELS}])[{_VOWELS}][bdfgklmnprst]$")


def forms(word: str, *, head: bool = False) -> set[str]:
    """The forms of ``word`` people write: definite, plural, definite plural, genitive, English plural.

    Only the last word of a phrase is inflected, and the adjectives before it get their plural
    ("faglig organisation" → "faglige organisationer"). ``head``: the forms a compound may
    end in, which leaves out the forms that are rarely more than a chance ending (an adjective's
    "-t", a consonant-final noun's "-e" plural is kept only for heads of five letters or more).
    """
    word = _clean(word)
    prefix, _, last = word.rpartition(" ")
    prefix = prefix + " " if prefix else ""
    found = {last}
    if not re.search(r"[a-zæøå]$", last):  # "a/s", "3f", "tv 2": as written, or with a genitive -s
        found.add(last + "s")
    elif last.endswith("um") and len(last) > 4:  # museum → museet, museer, museerne
        stem = last[:-2]
        found |= {last + "s", stem + "et", stem + "ets", stem + "er", stem + "erne", stem + "ernes"}
    elif last.endswith("e"):  # skole → skolen, skoler, skolerne; medie → mediet
        found |= {last + "s", last + "n", last + "ns", last + "t", last + "ts", last + "r", last + "rne", last + "rnes"}
    elif last[-1] in _VOWELS:  # kollega → kollegaen, kollegaer; galleri → galleriet; ngo → ngoer
        found |= {
            last + "s",
            last + "en",
            last + "ens",
            last + "et",
            last + "ets",
            last + "er",
            last + "erne",
            last + "ernes",
            last + "s",
        }
        if last.endswith("y"):  # library → libraries
            found.add(last[:-1] + "ies")
    else:  # forening → foreningen, foreninger, foreningerne; råd → rådet, rådene
        found |= {
            last + "s",
            last + "es",
            last + "en",
            last + "ens",
            last + "et",
            last + "ets",
            last + "er",
            last + "erne",
            last + "ernes",
            last + "ene",
            last + "enes",
        }
        if not head or len(last) >= 5:
            found.add(last + "e")  # fond → fonde, hus → huse
        if not head and last.endswith(_ADJECTIVE_ENDINGS):
            found.add(last + "t")  # offentlig → offentligt, privat → privatt is harmless
        if _DOUBLING.search(last):  # klub → klubben, hjem → hjemmet, butik → butikken
            double = last + last[-1]
            found |= {
                double + "en",
                double + "ens",
                double + "et",
                double + "ets",
                double + "er",
                double + "erne",
                double + "e",
                double + "ene",
            }
        if last.endswith(("er", "el")):  # teater → teatret, teatre; partner → partnerne
            stem = last[:-2] + last[-1]
            found |= {stem + "et", stem + "ets", stem + "e", stem + "ene", last + "ne", last + "nes"}
    prefixes = {prefix}
    if prefix:  # "faglig organisation" → "faglige organisationer": the adjectives' plural too
        plural = " ".join(w + "e" if w.endswith(_ADJECTIVE_ENDINGS) else w for w in prefix.split())
        prefixes.add(plural + " ")
    return {start + form for start in prefixes for form in found}


@functools.cache
def _tables(vocabulary: str) -> tuple[dict[str, str], dict[str, str]]:
    """Every form of every word of ``vocabulary`` → its code, and every form of a compound head → its code.

    A form two codes would claim is a mistake in the lists above (``collisions`` finds them); the
    first code keeps it, so the result is still deterministic.
    """
    words: dict[str, str] = {}
    heads: dict[str, str] = {}
    for code, entry in _WORDS[vocabulary].items():
        for base in entry.get("heads", ()):
            for form in forms(base, head=True):
                if len(_clean(base)) >= MIN_HEAD_LENGTH and " " not in form:
                    heads.setdefault(form, code)
        for base in (*entry.get("heads", ()), *entry.get("words", ())):
            for form in forms(base):
                words.setdefault(form, code)
        words.setdefault(_clean(code), code)  # the code itself ("adult_education") is its own word
    for base in NOT_A_HEAD.get(vocabulary, ()):
        for form in forms(base, head=True):
            heads.setdefault(form, _NOTHING)
            words.setdefault(form, _NOTHING)
    return words, heads


def collisions(vocabulary: str) -> dict[str, set[str]]:
    """Forms that the words of two codes both make, with the codes: the lists should have none."""
    claimed: dict[str, set[str]] = {}
    for code, entry in _WORDS[vocabulary].items():
        for base in (*entry.get("heads", ()), *entry.get("words", ())):
            for form in forms(base):
                claimed.setdefault(form, set()).add(code)
    return {form: codes for form, codes in claimed.items() if len(codes) > 1}


# --- matching --------------------------------------------------------------------------------------


def _compound(vocabulary: str, word: str) -> str | None:
    """The code of the longest head ``word`` ends in, after a real first part; None when none does."""
    _words, heads = _tables(vocabulary)
    for start in range(MIN_COMPOUND_PREFIX, len(word)):  # the longest ending first
        code = heads.get(word[start:])
        if code is not None:
            return code
    return None


def _word(vocabulary: str, word: str) -> str | None:
    """One word: a form of a listed word, a hyphenated compound, or a compound with a known head."""
    words, _heads = _tables(vocabulary)
    if word in words:
        return words[word]
    if "-" in word.strip("-"):
        joined = word.replace("-", "")
        if joined in words:
            return words[joined]
        last = word.rstrip("-").rsplit("-", 1)[-1]  # "tv-avis": an avis; "it-virksomhed": a virksomhed
        found = _word(vocabulary, last)
        if found is not None:
            return found
        word = joined
    return _compound(vocabulary, word)


def _phrase(vocabulary: str, key: str) -> str | None:
    words, _heads = _tables(vocabulary)
    if key in words:
        return words[key]
    protected = _LETTER_SLASH.sub("\\1\0\\2", key)
    parts = [part.replace("\0", "/").strip(_EDGES) for part in _SEPARATORS.split(protected)]
    parts = [part for part in parts if part]
    if len(parts) > 1:
        if re.search(r"\w-\s+(?:og|eller|samt|and|or)\s", key):
            return _phrase(vocabulary, parts[-1])  # "kultur- og fritidsforvaltning": the last part's head
        codes = {_phrase(vocabulary, part) for part in parts}
        return codes.pop() if len(codes) == 1 else None  # all parts agree, or it is not for us to say
    if not parts:
        return None
    tokens = parts[0].split()
    cut = next((i for i, token in enumerate(tokens) if i > 0 and token in _PREPOSITIONS), None)
    if cut is not None:
        return _phrase(vocabulary, " ".join(tokens[:cut]))  # "fonden for ålykke kulturliv"
    for start in range(1, len(tokens)):
        tail = " ".join(tokens[start:])
        if tail in words:
            return words[tail]
    head = _word(vocabulary, tokens[-1])
    if head is not None or len(tokens) == 1:
        return head
    # "municipal office", "offentlig institution": no head, but every word it knows says the same.
    known = {words[token] for token in tokens[:-1] if words.get(token)}
    return known.pop() if len(known) == 1 else None


@functools.lru_cache(maxsize=8192)
def builtin_code(vocabulary: str, text: str) -> str | None:
    """The code the built-in words give ``text`` in ``vocabulary`` ("org_type", "sector",
    "relation_kind"), or None when no word fits."""
    key = _clean(text)
    if not key or len(key) > LONGEST_PHRASE:
        return None
    return _phrase(vocabulary, key) or None


def organisation_type_code(text: object) -> str | None:
    """The organisation-type code for free text such as "Forening" or "Museum", or None."""
    return None if text is None else builtin_code("org_type", str(text))


def sector_code(text: object) -> str | None:
    """The sector code for free text such as "Offentlig" or "civil society", or None."""
    return None if text is None else builtin_code("sector", str(text))


def relation_kind_code(text: object) -> str | None:
    """The relation-kind code for free text such as "kender" or "works with", or None."""
    return None if text is None else builtin_code("relation_kind", str(text))


def is_code(vocabulary: str, value: object) -> bool:
    """Whether ``value`` is one of the codes of ``vocabulary``."""
    return isinstance(value, str) and value in CODES[vocabulary]


def code_for(vocabulary: str, text: object) -> str | None:
    """A code as a person names it when choosing: the code itself ("citizen_group") or any word the
    vocabulary knows for it ("borgergruppe", "Citizen group"); None when neither."""
    if text is None:
        return None
    value = str(text).strip()
    if is_code(vocabulary, value):
        return value
    return builtin_code(vocabulary, value)


def all_forms(vocabulary: str) -> Iterable[str]:
    """Every form the built-in words of ``vocabulary`` make (for tests and documentation)."""
    return tuple(_tables(vocabulary)[0])
