"""What the contacts page shows, read for it in one call each (issue 14: components are UI only).

Each public function takes the :class:`~lib.db.Database` (acting as the user) and opens its own read;
the page and ``components.records_views`` only draw what they get. The words of the history tables
(what an event changed, a kept file word instead of a code) are made here, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from sqlalchemy.orm import Session

from lib.contacts.details import RecordDetails, organisation_details, person_details
from lib.contacts.duplicates import open_duplicates
from lib.contacts.organisation_duplicates import aliases_of, review_frame
from lib.contacts.organisations import update_organisation
from lib.contacts.search import (
    Hits,
    organisation_choices,
    organisation_hits,
    people_hits,
    person_choice_label,
)
from lib.core.access import requires
from lib.core.i18n import label, t
from lib.core.normalize import display_phone
from lib.core.vocabulary import ORGANISATION_TYPES, SECTORS
from lib.db import Database, Person, by_revision, workspace_counts

Entity = Literal["person", "organisation"]
#: The translation prefix of each vocabulary's labels.
LABEL_PREFIX = {"org_type": "orgtype", "sector": "sector", "relation_kind": "relkind"}
#: The fields of a person's edit form.
PERSON_FORM_FIELDS = ("name", "email", "phone", "title", "notes", "is_staff")
#: What a selectbox holds when nothing is chosen (``components.widgets.BLANK``).
BLANK = ""
#: What the people filter "staff" keeps: everyone, staff members only, or everyone else.
STAFF_FILTER = {"all": None, "staff": True, "external": False}
#: The most rows a search table, or a picker of other records, shows; the page says how many more
#: matched and asks for a narrower search (issue 16: a table of 100,000 people is neither fast nor read).
SHOWN_ROWS = 500


@dataclass(frozen=True)
class ContactsOverview:
    """What the contacts page needs before its tabs: counts, the review queues, the organisations."""

    counts: dict[str, int]
    #: Pairs of people waiting for a decision (``lib.contacts.open_duplicates``).
    duplicates: pd.DataFrame
    #: Pairs of organisations that may be one, in the reader's language (``review_frame``).
    organisation_pairs: pd.DataFrame
    #: Every organisation, id → name, for the pickers.
    org_choices: dict[int, str]

    @property
    def empty(self) -> bool:
        """Whether the workspace holds neither people nor organisations yet."""
        return self.counts["people"] == 0 and self.counts["organisations"] == 0


@dataclass(frozen=True)
class OpenRecord:
    """One open person or organisation, with its history tables ready to show."""

    details: RecordDetails
    #: The other records of its kind, id → label: what it may be merged with (those matching the merge
    #: section's search, at most :data:`SHOWN_ROWS`).
    others: dict[int, str]
    #: An organisation's other spellings (none for a person).
    aliases: list[str] = field(default_factory=list)
    relations: pd.DataFrame = field(default_factory=pd.DataFrame)
    imports: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: Whether more records matched the merge section's search than ``others`` holds.
    others_more: bool = False


@requires("view_contacts")
@by_revision(max_entries=4)
def contacts_overview(db: Database, lang: str) -> ContactsOverview:
    """Counts, both review queues and the organisations, in one read; kept per data revision (a rerun
    of the page, a word typed in a search, reads one row for it). Callers do not change it."""
    with db.read() as session:
        return ContactsOverview(
            counts=workspace_counts(session),
            duplicates=open_duplicates(session),
            organisation_pairs=review_frame(session, lang),
            org_choices=dict(organisation_choices(session)),
        )


@requires("view_contacts")
def find_people(db: Database, text: str, *, organisation_id: int | None = None, staff: str = "all") -> Hits:
    """The people tab's search: ``text``, at ``organisation_id``, and ``staff`` ("all", "staff", "external");
    the first :data:`SHOWN_ROWS` people and how many match in all."""
    with db.read() as session:
        return people_hits(
            session, text, organisation_id=organisation_id, is_staff=STAFF_FILTER.get(staff), limit=SHOWN_ROWS
        )


@requires("view_board")
@by_revision(max_entries=8)
def find_organisations(
    db: Database, text: str, lang: str, *, org_type: str | None = None, sector: str | None = None
) -> Hits:
    """The organisations tab's search (the first :data:`SHOWN_ROWS`), with "type_label" and
    "sector_label" in the reader's language (a file's word where no code was chosen: :func:`code_or_word`).
    Kept per data revision and search: a rerun for the people tab does not search again."""
    with db.read() as session:
        hits = organisation_hits(session, text, org_type=org_type, sector=sector, limit=SHOWN_ROWS)
    found = hits.rows
    for name in ("org_type", "sector"):
        found[name.removeprefix("org_") + "_label"] = [
            code_or_word(name, code, word, lang) for code, word in zip(found[name], found[f"{name}_text"], strict=True)
        ]
    return hits


@requires("view_contacts")
def person_label(db: Database, person_id: int) -> str | None:
    """How a picker names a stored person ("Name (e-mail)"); None when the person is gone."""
    with db.read() as session:
        person = session.get(Person, person_id)
        return None if person is None else person_choice_label(person.name, person.email)


#: How many people a picker offers at most (a search narrows them: issue 16, 100,000 people).
PICKER_ROWS = 50


@dataclass(frozen=True)
class PersonChoices:
    """What a person picker offers for a search: id → "Name (e-mail)" of the first people by name,
    and how many match in all."""

    labels: dict[int, str]
    total: int

    @property
    def more(self) -> bool:
        """Whether more people match than the picker offers (the page asks for more of the name)."""
        return self.total > len(self.labels)


@requires("view_contacts")
def people_choices(db: Database, text: str = "", *, limit: int | None = None) -> PersonChoices:
    """The people a picker offers for the search ``text`` (as the people tab searches: name, e-mail,
    phone, organisation): the first ``limit`` (:data:`PICKER_ROWS`) by name, never the whole register."""
    with db.read() as session:
        hits = people_hits(session, text, limit=limit or PICKER_ROWS)
    found = hits.rows
    labels = map(person_choice_label, found["name"], found["email"])
    return PersonChoices({int(pid): label for pid, label in zip(found["id"], labels, strict=True)}, hits.total)


@requires("view_contacts")
def record_fields(db: Database, entity: Entity, record_id: int) -> dict[str, Any] | None:
    """The stored fields of a person or organisation (what its edit form shows); None when it is gone."""
    with db.read() as session:
        details = _details(session, entity, record_id)
    return None if details is None else details.fields


@requires("view_contacts")
def open_record(db: Database, entity: Entity, record_id: int, lang: str, *, others_text: str = "") -> OpenRecord | None:
    """An open person or organisation with its history in words; None when it is gone.

    The records it may be merged with are those the search ``others_text`` finds (all, while it is
    empty), the first :data:`SHOWN_ROWS` of them by name.
    """
    with db.read() as session:
        details = _details(session, entity, record_id)
        if details is None:
            return None
        if entity == "person":
            hits = people_hits(session, others_text, limit=SHOWN_ROWS + 1)
            labels = map(person_choice_label, hits.rows["name"], hits.rows["email"])
        else:
            hits = organisation_hits(session, others_text, limit=SHOWN_ROWS + 1)
            labels = iter(hits.rows["name"])
        aliases = aliases_of(session, record_id) if entity == "organisation" else []
    found = {int(rid): str(text) for rid, text in zip(hits.rows["id"], labels, strict=True)}
    itself = 1 if found.pop(record_id, None) is not None else 0
    others = dict(list(found.items())[:SHOWN_ROWS])
    return OpenRecord(
        details=details,
        others=others,
        others_more=hits.total - itself > len(others),
        aliases=aliases,
        relations=relations_frame(details.relations, lang),
        imports=_labelled(
            details.imports,
            {"action_label": ("action", "records.import_action"), "status_label": ("status", "records.batch_status")},
            lang,
        ),
        events=events_frame(details.events, lang),
    )


@requires("edit")
def update_organisation_form(
    session: Session, org_id: int, values: Mapping[str, Any], actor: str | None = None
) -> list[str]:
    """Store the organisation edit form: with a ticked "remember_org_type"/"remember_sector" box, the
    type or sector chosen for a kept word is remembered for that word at the next import."""
    values = dict(values)
    remember = [name for name in ("org_type", "sector") if values.pop(f"remember_{name}", False)]
    return update_organisation(session, org_id, values, actor=actor, remember=remember)


def person_form_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """What the edit form shows for a stored person: text for every field, the phone as people write it."""
    values: dict[str, Any] = {name: fields[name] or "" for name in PERSON_FORM_FIELDS if name != "is_staff"}
    values["phone"] = display_phone(fields["phone"]) or ""
    values["is_staff"] = bool(fields["is_staff"])
    return values


def organisation_form_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """What the edit form shows for a stored organisation (a code outside the vocabulary shows as blank)."""
    values: dict[str, Any] = {name: fields[name] or "" for name in ("name", "website", "area", "cvr", "notes")}
    values["org_type"] = fields["org_type"] if fields["org_type"] in ORGANISATION_TYPES else BLANK
    values["sector"] = fields["sector"] if fields["sector"] in SECTORS else BLANK
    values["remember_org_type"] = values["remember_sector"] = False
    return values


def _details(session: Session, entity: Entity, record_id: int) -> RecordDetails | None:
    return (person_details if entity == "person" else organisation_details)(session, record_id)


# --- words of the tables ----------------------------------------------------------------------------


def code_or_word(vocabulary: str, code: Any, word: Any, lang: str) -> str:
    """The label of ``code``; where no code is set, the word a file wrote ("bydelsnetværk (ingen type
    valgt)"), kept until someone chooses (issue 11); else nothing."""
    shown = label(LABEL_PREFIX[vocabulary], code, lang)
    untyped = not shown or (vocabulary == "relation_kind" and code == "other")  # a kind no code fitted is "other"
    if untyped and isinstance(word, str) and word:
        return t(f"vocab.kept.{vocabulary}", lang, word=word)
    return shown


def _labelled(rows: Sequence[Mapping[str, Any]], labels: Mapping[str, tuple[str, str]], lang: str) -> pd.DataFrame:
    """``rows`` as a frame plus, for each ``{label_column: (code_column, prefix)}``, the codes' words."""
    frame = pd.DataFrame(rows)
    if not frame.empty:
        for label_column, (code_column, prefix) in labels.items():
            frame[label_column] = [label(prefix, code, lang) for code in frame[code_column]]
    return frame


def relations_frame(relations: Sequence[Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """A record's ties with "direction_label" and "kind_label" (a kept file word where no kind fitted)."""
    frame = _labelled(relations, {"direction_label": ("direction", "records.direction")}, lang)
    if not frame.empty:
        words = frame["kind_text"] if "kind_text" in frame else [None] * len(frame)
        frame["kind_label"] = [
            code_or_word("relation_kind", kind, word, lang) for kind, word in zip(frame["kind"], words, strict=True)
        ]
    return frame


def events_frame(events: Sequence[Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """A record's events with "action_label" and a "summary" of what each changed."""
    frame = _labelled(events, {"action_label": ("action", "records.event")}, lang)
    if not frame.empty:
        frame["summary"] = [
            event_summary(action, details, lang)
            for action, details in zip(frame["action"], frame["details"], strict=True)
        ]
    return frame


def event_summary(action: str, details: Mapping[str, Any], lang: str) -> str:
    """One line saying what an event changed, in the reader's language."""
    if "changes" in details:
        return "; ".join(_change_text(name, old, new, lang) for name, (old, new) in details["changes"].items())
    if action in ("people_merged", "organisations_merged"):
        return t("contacts.history.merged_from", lang, name=details.get("removed", {}).get("name", ""))
    if action in ("person_merged_into", "organisation_merged_into"):
        return t("contacts.history.merged_into", lang, name=details.get("kept", {}).get("name", ""))
    if "organisation" in details:
        return str(details["organisation"])
    return ""


def _change_text(name: str, old: Any, new: Any, lang: str) -> str:
    def shown(value: Any) -> str:
        if name in ("org_type", "sector"):
            return label(LABEL_PREFIX[name], value, lang)
        if name == "phone" and value:
            return display_phone(value) or str(value)
        if isinstance(value, bool):
            return t("common.yes" if value else "common.no", lang)
        return "–" if value in (None, "") else str(value)

    return f"{t(f'contacts.field.{name}', lang)}: {shown(old)} → {shown(new)}"
