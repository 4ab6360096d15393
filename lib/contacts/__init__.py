"""Contacts and organisations: search, look-up, edit, merge, and the review queue of possible duplicates.

Every function works inside the session it is given and never commits: the caller decides what one
transaction is (``with db.write() as session:``), so a page that edits a person and adds an
affiliation either stores both or neither.

Values typed by a person go through the same parsers as imported values (``lib.core.normalize``), so an
e-mail entered on the page and the same e-mail in a spreadsheet are stored identically. Problems the
user can fix raise :class:`lib.core.errors.ValidationFailed` with a translation key; nothing is changed
when a value is refused.

Two people are never merged without a person deciding: :func:`find_near_duplicate_people` only offers
pairs for review, with the rule that matched, and :func:`merge_people` runs when someone confirms.

The rest of the product imports from here (``from lib import contacts``); each job has its module:
:mod:`~lib.contacts.search`, :mod:`~lib.contacts.details`, :mod:`~lib.contacts.people`,
:mod:`~lib.contacts.organisations`, :mod:`~lib.contacts.affiliations`, :mod:`~lib.contacts.merge`,
:mod:`~lib.contacts.duplicates`; organisations written in several ways are found by
:mod:`~lib.contacts.organisation_duplicates`, and words no vocabulary fits are kept by
:mod:`~lib.contacts.word_choices`.
"""

import importlib
from typing import TYPE_CHECKING, Any

# The names are imported on first use (PEP 562), not here: ``lib.contacts.word_choices`` and the other
# modules the importer needs would otherwise pull in merging, personal data and the network (networkx,
# scipy, pandas) — seconds of start-up for ``python -m lib import``. Type checkers see the imports.
if TYPE_CHECKING:
    from lib.contacts.affiliations import add_affiliation, end_affiliation, remove_affiliation
    from lib.contacts.details import RecordDetails, organisation_details, person_details
    from lib.contacts.duplicates import (
        DUPLICATE_COLUMNS,
        DUPLICATE_RULES,
        MIN_KEY_LENGTH_FOR_SIMILARITY,
        NEAR_DUPLICATE_SCORE,
        DuplicatePair,
        dismiss_duplicate,
        find_near_duplicate_people,
        open_duplicates,
        queue_near_duplicates,
    )
    from lib.contacts.merge import merge_organisations, merge_people
    from lib.contacts.organisations import create_organisation, delete_organisation, update_organisation
    from lib.contacts.people import create_person, delete_person, update_person
    from lib.contacts.search import (
        ORGANISATION_COLUMNS,
        PEOPLE_COLUMNS,
        Hits,
        organisation_choices,
        organisation_hits,
        people_hits,
        person_choice_label,
        search_organisations,
        search_people,
    )
    from lib.contacts.shared import ORGANISATION_ENTITY, ORGANISATION_FIELDS, PERSON_ENTITY, PERSON_FIELDS

_HOMES = {
    "add_affiliation": "lib.contacts.affiliations",
    "end_affiliation": "lib.contacts.affiliations",
    "remove_affiliation": "lib.contacts.affiliations",
    "RecordDetails": "lib.contacts.details",
    "organisation_details": "lib.contacts.details",
    "person_details": "lib.contacts.details",
    "DUPLICATE_COLUMNS": "lib.contacts.duplicates",
    "DUPLICATE_RULES": "lib.contacts.duplicates",
    "MIN_KEY_LENGTH_FOR_SIMILARITY": "lib.contacts.duplicates",
    "NEAR_DUPLICATE_SCORE": "lib.contacts.duplicates",
    "DuplicatePair": "lib.contacts.duplicates",
    "dismiss_duplicate": "lib.contacts.duplicates",
    "find_near_duplicate_people": "lib.contacts.duplicates",
    "open_duplicates": "lib.contacts.duplicates",
    "queue_near_duplicates": "lib.contacts.duplicates",
    "merge_organisations": "lib.contacts.merge",
    "merge_people": "lib.contacts.merge",
    "create_organisation": "lib.contacts.organisations",
    "delete_organisation": "lib.contacts.organisations",
    "update_organisation": "lib.contacts.organisations",
    "create_person": "lib.contacts.people",
    "delete_person": "lib.contacts.people",
    "update_person": "lib.contacts.people",
    "ORGANISATION_COLUMNS": "lib.contacts.search",
    "PEOPLE_COLUMNS": "lib.contacts.search",
    "Hits": "lib.contacts.search",
    "organisation_choices": "lib.contacts.search",
    "organisation_hits": "lib.contacts.search",
    "people_hits": "lib.contacts.search",
    "person_choice_label": "lib.contacts.search",
    "search_organisations": "lib.contacts.search",
    "search_people": "lib.contacts.search",
    "ORGANISATION_ENTITY": "lib.contacts.shared",
    "ORGANISATION_FIELDS": "lib.contacts.shared",
    "PERSON_ENTITY": "lib.contacts.shared",
    "PERSON_FIELDS": "lib.contacts.shared",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "DUPLICATE_COLUMNS",
    "DUPLICATE_RULES",
    "DuplicatePair",
    "Hits",
    "MIN_KEY_LENGTH_FOR_SIMILARITY",
    "NEAR_DUPLICATE_SCORE",
    "ORGANISATION_COLUMNS",
    "ORGANISATION_ENTITY",
    "ORGANISATION_FIELDS",
    "PEOPLE_COLUMNS",
    "PERSON_ENTITY",
    "PERSON_FIELDS",
    "RecordDetails",
    "add_affiliation",
    "create_organisation",
    "create_person",
    "delete_organisation",
    "delete_person",
    "dismiss_duplicate",
    "end_affiliation",
    "find_near_duplicate_people",
    "merge_organisations",
    "merge_people",
    "open_duplicates",
    "organisation_choices",
    "organisation_details",
    "organisation_hits",
    "people_hits",
    "person_choice_label",
    "person_details",
    "queue_near_duplicates",
    "remove_affiliation",
    "search_organisations",
    "search_people",
    "update_organisation",
    "update_person",
]
