"""Words of a file that no built-in word fits, and the codes people choose for them.

A type, sector or kind of relation a file writes is read in this order:

1. the code a person chose for that word in this import (the import page's picker, or
   ``python -m lib import --map-type WORD=CODE``): a person's explicit choice wins;
2. the code a person chose for that word before (``vocabulary_mappings``, remembered at the commit
   of an import or when an editor chooses a type on the contacts page);
3. the built-in words (``lib.core.vocabulary``);
4. none: the row is imported all the same, the word is kept as written (``org_type_text``,
   ``sector_text``, ``kind_text``) and listed once for the person to choose.

Every word that did not come from the built-in words (steps 1, 2 and 4) is listed with the rows it
was on, so the preview can show it once and offer a choice. A preview and its commit read the same
choices and the same remembered words, so they give the same result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lib.core import vocabulary
from lib.core.access import requires
from lib.db import VocabularyMapping, utcnow

#: A person's choices in one import: {vocabulary: {word key: code, or None for "keep the word"}}.
Choices = Mapping[str, Mapping[str, str | None]]


@dataclass
class WordUse:
    """One word of a file that no built-in word fits: as written, how many rows used it, and the code
    it got (from a choice in this import, a remembered choice, or none yet)."""

    vocabulary: str
    word: str
    key: str
    rows: int
    code: str | None
    #: "chosen" (in this import), "remembered" (an earlier choice), or None (no code: kept as written).
    source: str | None

    def to_json(self) -> dict[str, Any]:
        return {"word": self.word, "rows": self.rows, "code": self.code, "source": self.source}


class WordChoices:
    """How the words of one import get their codes, and which words needed a person."""

    def __init__(self, chosen: Choices | None = None, remembered: Choices | None = None) -> None:
        self.chosen = {
            name: {vocabulary.word_key(k): v for k, v in (chosen or {}).get(name, {}).items()}
            for name in vocabulary.VOCABULARIES
        }
        self.remembered = {name: dict((remembered or {}).get(name, {})) for name in vocabulary.VOCABULARIES}
        self._uses: dict[tuple[str, str], WordUse] = {}

    def code(self, name: str, text: str) -> str | None:
        """The code of ``text`` in vocabulary ``name`` (None: no code, keep the word); counts the row."""
        key = vocabulary.word_key(text)
        if key in self.chosen[name]:
            code, source = self.chosen[name][key], "chosen"
        elif key in self.remembered[name]:
            code, source = self.remembered[name][key], "remembered"
        else:
            code = vocabulary.builtin_code(name, text)
            if code is not None:
                return code
            source = None
        use = self._uses.get((name, key))
        if use is None:
            use = self._uses[(name, key)] = WordUse(name, " ".join(str(text).split()), key, 0, code, source)
        use.rows += 1
        return code

    def builtin_only(self, name: str, text: str) -> str | None:
        """The code of ``text`` when :meth:`code` gives it from the built-in words (then it counts
        nothing, so it need not be asked on every row); None when a person's choice or no code
        would answer (then :meth:`code` counts the row)."""
        key = vocabulary.word_key(text)
        if key in self.chosen[name] or key in self.remembered[name]:
            return None
        return vocabulary.builtin_code(name, text)

    def uses(self) -> dict[str, list[WordUse]]:
        """Per vocabulary, the words that did not come from the built-in words: most rows first."""
        listed: dict[str, list[WordUse]] = {name: [] for name in vocabulary.VOCABULARIES}
        for use in self._uses.values():
            listed[use.vocabulary].append(use)
        for uses in listed.values():
            uses.sort(key=lambda use: (-use.rows, use.key))
        return listed


def unknown(uses: Iterable[WordUse]) -> list[WordUse]:
    """The words of ``uses`` that have no code: kept as written until someone chooses."""
    return [use for use in uses if use.code is None]


def checked_choices(choices: Choices) -> dict[str, dict[str, str | None]]:
    """``choices`` with every word folded and every code checked; raises ValueError for a vocabulary
    or code that does not exist (a programming error: pages and the command line offer only codes)."""
    clean: dict[str, dict[str, str | None]] = {}
    for name, words in choices.items():
        if name not in vocabulary.VOCABULARIES:
            raise ValueError(f"no such vocabulary: {name}")
        for word, code in words.items():
            if code is not None and not vocabulary.is_code(name, code):
                raise ValueError(f"not a code of {name}: {code}")
            key = vocabulary.word_key(word)
            if key:
                clean.setdefault(name, {})[key] = code
    return clean


# --- remembered choices ----------------------------------------------------------------------------


@requires("import")
def remembered_words(session: Session) -> dict[str, dict[str, str]]:
    """Every remembered choice: {vocabulary: {word key: code}} (codes no longer known left out)."""
    found: dict[str, dict[str, str]] = {name: {} for name in vocabulary.VOCABULARIES}
    for mapping in session.scalars(select(VocabularyMapping)):
        if mapping.vocabulary in found and vocabulary.is_code(mapping.vocabulary, mapping.code):
            found[mapping.vocabulary][mapping.word_key] = mapping.code
    return found


@requires("edit")
def remember_word(session: Session, name: str, word: str, code: str | None) -> None:
    """Remember ``code`` for ``word`` in vocabulary ``name`` for the next import; None forgets the word
    (the next file keeps it as written again, unless a built-in word fits it)."""
    for key, chosen in checked_choices({name: {word: code}}).get(name, {}).items():
        existing = session.scalar(
            select(VocabularyMapping).where(VocabularyMapping.vocabulary == name, VocabularyMapping.word_key == key)
        )
        if chosen is None:
            if existing is not None:
                session.execute(delete(VocabularyMapping).where(VocabularyMapping.id == existing.id))
        elif existing is None:
            session.add(VocabularyMapping(vocabulary=name, word_key=key, code=chosen))
        elif existing.code != chosen:
            existing.code = chosen
            existing.updated_at = utcnow()
            existing.times_used = (existing.times_used or 0) + 1


@requires("edit")
def remember_choices(session: Session, choices: Choices) -> None:
    """Remember every choice of one import (see :func:`remember_word`)."""
    for name, words in checked_choices(choices).items():
        for key, code in words.items():
            remember_word(session, name, key, code)
