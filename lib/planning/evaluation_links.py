"""Evaluation by link: partners and staff answer a round themselves (issue 18, item 1).

Respondents
    :func:`add_respondent` asks a person to answer a round: a known person (by id or e-mail), or an
    e-mail nobody has, which becomes a new person record whose ``source`` says it was made for this
    (:data:`PERSON_SOURCE`). Their side is given, or ``library`` for staff and ``partner`` for others.
Links
    :func:`make_link` gives a respondent a personal address ``<PUBLIC_URL>/svar/<token>``. The token
    is random (``lib.core.tokens``) and returned once; only its SHA-256 digest is stored. A new link
    replaces the respondent's old one. A link works for :data:`VALID_DAYS` days, until it is revoked
    (:func:`revoke`), and, for answering or correcting, until the round closes (``closes_on``, the
    last day; a round without one is open).
The form
    :func:`form_for` reads what the form shows for a token: the partnership's name and nothing else of
    the workspace, the round's items, and the answer given so far. Anything but a live token (wrong,
    expired, revoked, malformed) is None, and the form's address answers them alike.
    :func:`submit` stores the answer as one :class:`~lib.db.EvaluationResponse` of the respondent's
    side in the round, so the round's charts show it; a second submission corrects that response.
Status
    :func:`respondents_frame` lists who was asked, whose link is live and who has answered;
    :func:`reminder_text` and :func:`email_text` are texts to paste into Outlook.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import Principal, requires
from lib.core.contact_details import normalise_email
from lib.core.errors import ValidationFailed
from lib.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from lib.db import (
    Affiliation,
    Database,
    EvaluationRespondent,
    EvaluationResponse,
    EvaluationRound,
    Partnership,
    PartnershipOrganisation,
    Person,
    log_event,
)
from lib.planning import personal_links
from lib.planning.evaluation_items import DIMENSIONS, ENTITY, ITEM_CODES, SCALE, SIDES, items_of
from lib.planning.personal_links import is_closed
from lib.workspace import clock, editing

#: The form's path on the dashboard's server: ``/svar/<token>``.
LINK_PREFIX = "/svar/"
#: How long a new link works.
VALID_DAYS = 30
#: What the ``source`` of a person made for an evaluation link says.
PERSON_SOURCE = "Evalueringslink"
#: The longest reflection taken (characters).
MAX_REFLECTIONS = 4000
#: Who the form's address reads and writes as: it shows one round's form and stores one answer.
LINK_READER = Principal(email=None, role="editor", name="evalueringslink")

STATES = ("answered", "waiting", "expired", "revoked")
RESPONDENT_COLUMNS = [
    "respondent_id",
    "person_id",
    "name",
    "email",
    "side",
    "state",
    "created_at",
    "expires_at",
    "answered_at",
    "made_for_link",
]


_now = personal_links.utc_now


def link_url(token: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The address of ``token``'s form on :func:`lib.core.config.public_url` (English with ``?lang=en``)."""
    return personal_links.link_url(LINK_PREFIX, token, lang)


def _round(session: Session, round_id: int) -> EvaluationRound:
    return editing.existing(session, EvaluationRound, round_id, "evaluations.no_such_round")


def _name_from_email(email: str) -> str:
    """A readable name for a person known only by e-mail: "anna.holm@x.dk" → "Anna Holm"."""
    words = [w for w in re.split(r"[._\-+]+", email.split("@", 1)[0]) if w]
    return " ".join(w.capitalize() for w in words) or email


def _person_by_email(session: Session, email: str) -> Person | None:
    return session.scalars(select(Person).where(func.lower(Person.email) == email)).first()


@dataclass(frozen=True)
class Respondent:
    """A respondent added to a round: ``created`` when the person record was made for it."""

    respondent_id: int
    person_id: int
    created: bool


@requires("edit")
def add_respondent(
    session: Session,
    round_id: int,
    *,
    person_id: int | None = None,
    email: str | None = None,
    side: str | None = None,
    actor: str | None = None,
) -> Respondent:
    """Ask a person to answer the round (by ``person_id``, or by ``email``: an e-mail nobody has becomes a
    new person). Already asked: their respondent, with ``side`` changed when given."""
    from lib.contacts.people import create_person  # (the contacts package starts light, PEP 562)

    _round(session, round_id)
    side_code = editing.code_value(side, SIDES, "side") if side else None
    created = False
    if person_id is not None:
        person = editing.existing(session, Person, person_id, "personal_data.person_not_found")
    else:
        address = normalise_email(email)
        if not address:
            raise ValidationFailed("evaluation_links.email_required", field="email")
        found = _person_by_email(session, address)
        if found is None:
            values = {"name": _name_from_email(address), "email": address, "source": PERSON_SOURCE}
            found = session.get(Person, create_person(session, values, actor=actor))
            created = True
        assert found is not None
        person = found
    record = session.scalars(
        select(EvaluationRespondent).where(
            EvaluationRespondent.round_id == round_id, EvaluationRespondent.person_id == person.id
        )
    ).first()
    if record is None:
        record = EvaluationRespondent(
            round_id=round_id,
            person_id=person.id,
            email=person.email,
            side=side_code or ("library" if person.is_staff else "partner"),
        )
        session.add(record)
        session.flush()
        log_event(
            session,
            "evaluation_respondent_added",
            entity=ENTITY,
            entity_id=round_id,
            actor=actor,
            person_id=person.id,
            side=record.side,
        )
    elif side_code and side_code != record.side:
        record.side = side_code
    return Respondent(record.id, person.id, created)


@dataclass(frozen=True)
class NewLink:
    """A link just made: the token and address are shown this once and never stored."""

    respondent_id: int
    person_id: int
    name: str
    email: str | None
    side: str
    token: str
    url: str
    expires_on: dt.date
    created_person: bool = False


def _respondent(session: Session, respondent_id: int) -> EvaluationRespondent:
    return editing.existing(session, EvaluationRespondent, respondent_id, "evaluation_links.no_such_respondent")


@requires("edit")
def make_link(
    session: Session,
    respondent_id: int,
    *,
    lang: str = DEFAULT_LANGUAGE,
    days: int = VALID_DAYS,
    actor: str | None = None,
    now: dt.datetime | None = None,
) -> NewLink:
    """A new personal link for the respondent, working ``days`` days; their earlier link stops working."""
    record = _respondent(session, respondent_id)
    person = session.get(Person, record.person_id)
    assert person is not None
    token, expires_at = personal_links.renew(record, days, now)
    session.flush()
    log_event(
        session, "evaluation_link_made", entity=ENTITY, entity_id=record.round_id, actor=actor, person_id=person.id
    )
    return NewLink(
        record.id,
        person.id,
        person.name,
        person.email,
        record.side,
        token,
        link_url(token, lang),
        expires_at.date(),
    )


@requires("edit")
def link_for(
    session: Session,
    round_id: int,
    *,
    person_id: int | None = None,
    email: str | None = None,
    side: str | None = None,
    lang: str = DEFAULT_LANGUAGE,
    actor: str | None = None,
) -> NewLink:
    """:func:`add_respondent` and :func:`make_link` in one: the person's new link to the round."""
    added = add_respondent(session, round_id, person_id=person_id, email=email, side=side, actor=actor)
    made = make_link(session, added.respondent_id, lang=lang, actor=actor)
    return NewLink(**{**made.__dict__, "created_person": added.created})


@requires("edit")
def revoke(session: Session, respondent_id: int, actor: str | None = None) -> bool:
    """End the respondent's link (their answer stays); False when it had already ended or never existed."""
    record = _respondent(session, respondent_id)
    if not personal_links.end(record):
        return False
    log_event(
        session,
        "evaluation_link_revoked",
        entity=ENTITY,
        entity_id=record.round_id,
        actor=actor,
        person_id=record.person_id,
    )
    return True


@requires("edit")
def set_closing(session: Session, round_id: int, closes_on: Any, actor: str | None = None) -> None:
    """The last day answers by link are taken or corrected (None: the round stays open)."""
    record = _round(session, round_id)
    record.closes_on = editing.date_value(closes_on, "closes_on")
    log_event(
        session,
        "evaluation_round_closing_set",
        entity=ENTITY,
        entity_id=round_id,
        actor=actor,
        closes_on=record.closes_on,
    )


# --- the form -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerForm:
    """What the form of a live link shows: the partnership's name, the items by dimension, the answer
    so far (``answers`` item → 1-5; ``answered`` once given) and whether it can still be given or
    changed (``open``: the round has not closed)."""

    partnership: str
    side: str
    closes_on: dt.date | None
    answered: bool
    open: bool
    answers: dict[str, int] = field(default_factory=dict)
    reflections: str = ""
    dimensions: tuple[tuple[str, tuple[str, ...]], ...] = tuple((d, tuple(items_of(d))) for d in DIMENSIONS)


def _live(session: Session, token: str, now: dt.datetime) -> EvaluationRespondent | None:
    return personal_links.live_record(session, EvaluationRespondent, token, now)


def _form(session: Session, record: EvaluationRespondent, today: dt.date) -> AnswerForm:
    rnd = _round(session, record.round_id)
    title = session.scalar(select(Partnership.title).where(Partnership.id == rnd.partnership_id)) or ""
    response = session.get(EvaluationResponse, record.response_id) if record.response_id is not None else None
    return AnswerForm(
        partnership=title,
        side=record.side,
        closes_on=rnd.closes_on,
        answered=response is not None,
        open=not is_closed(rnd.closes_on, today),
        answers={k: int(v) for k, v in (response.answers or {}).items() if v is not None} if response else {},
        reflections=(response.reflections or "") if response else "",
    )


@requires("view_contacts")
def form_for(session: Session, token: str, now: dt.datetime | None = None) -> AnswerForm | None:
    """The form of a live token; None for anything else (wrong, expired, revoked, malformed)."""
    record = _live(session, token, now or _now())
    if record is None:
        return None
    return _form(session, record, clock.today(clock.workspace_timezone(session)))


def read_answers(values: Mapping[str, Any]) -> dict[str, int]:
    """The scores of a submitted form (item code → "1" … "5"); "ved ikke", blanks and anything else
    are no answer.

    >>> read_answers({"sam1": "4", "sam2": "ved_ikke", "frem1": "9", "res1": "", "x": "3"})
    {'sam1': 4}
    """
    low, high = SCALE
    scores = {}
    for code in ITEM_CODES:
        value = str(values.get(code) or "").strip()
        if value.isdigit() and low <= int(value) <= high:
            scores[code] = int(value)
    return scores


#: What :func:`submit` did: ``saved`` (first answer), ``corrected``, ``closed`` (round closed,
#: nothing stored), ``empty`` (no item answered, nothing stored).
OUTCOMES = ("saved", "corrected", "closed", "empty")


@requires("edit")
def submit(
    session: Session,
    token: str,
    values: Mapping[str, Any],
    reflections: str | None = None,
    now: dt.datetime | None = None,
) -> str | None:
    """Store the answer of a live token's respondent in the round (or correct it); one of
    :data:`OUTCOMES`, or None for a token that is not live (nothing stored)."""
    stamp = now or _now()
    record = _live(session, token, stamp)
    if record is None:
        return None
    rnd = _round(session, record.round_id)
    if is_closed(rnd.closes_on, clock.today(clock.workspace_timezone(session))):
        return "closed"
    answers = read_answers(values)
    if not answers:
        return "empty"
    text = editing.multiline_value((reflections or "")[:MAX_REFLECTIONS])
    response = session.get(EvaluationResponse, record.response_id) if record.response_id is not None else None
    person = session.get(Person, record.person_id)
    label = person.name if person is not None else None
    outcome = "corrected" if response is not None else "saved"
    if response is None:
        response = EvaluationResponse(round_id=rnd.id, respondent_side=record.side, respondent=label)
        session.add(response)
    response.answers = answers
    response.reflections = text
    session.flush()
    record.response_id = response.id
    record.answered_at = stamp
    action = "evaluation_link_corrected" if outcome == "corrected" else "evaluation_link_saved"
    log_event(
        session,
        action,
        entity=ENTITY,
        entity_id=rnd.id,
        actor=LINK_READER.name,
        person_id=record.person_id,
        side=record.side,
        answers=len(answers),
    )
    return outcome


@requires("view_contacts")
def open_form(db: Database, token: str) -> AnswerForm | None:
    """:func:`form_for` in its own read (the form's address calls it as :data:`LINK_READER`)."""
    with db.read() as session:
        return form_for(session, token)


@requires("edit")
def save_answer(db: Database, token: str, values: Mapping[str, Any], reflections: str | None) -> str | None:
    """:func:`submit` in its own transaction (nothing stored unless it saved or corrected)."""
    with db.write() as session:
        return submit(session, token, values, reflections)


# --- status and texts -----------------------------------------------------------------------------


def state_of(record: EvaluationRespondent, now: dt.datetime) -> str:
    """``answered``, ``revoked``, ``expired`` or ``waiting`` (a live link, no answer yet)."""
    if record.response_id is not None:
        return "answered"
    if record.digest is None or record.revoked_at is not None:
        return "revoked"
    if record.expires_at is not None and record.expires_at <= now:
        return "expired"
    return "waiting"


@requires("view_contacts")
def respondents_frame(session: Session, round_id: int, now: dt.datetime | None = None) -> pd.DataFrame:
    """Everyone asked to answer the round, by name: :data:`RESPONDENT_COLUMNS` (``state`` one of
    :data:`STATES`, ``made_for_link`` when their person record was made by an evaluation link)."""
    stamp = now or _now()
    rows = [
        {
            "respondent_id": r.id,
            "person_id": p.id,
            "name": p.name,
            "email": r.email or p.email,
            "side": r.side,
            "state": state_of(r, stamp),
            "created_at": r.created_at,
            "expires_at": r.expires_at,
            "answered_at": r.answered_at if r.response_id is not None else None,
            "made_for_link": p.source == PERSON_SOURCE,
        }
        for r, p in session.execute(
            select(EvaluationRespondent, Person)
            .join(Person, Person.id == EvaluationRespondent.person_id)
            .where(EvaluationRespondent.round_id == round_id)
            .order_by(Person.name_key, Person.id)
        )
    ]
    return pd.DataFrame(rows, columns=RESPONDENT_COLUMNS)


@dataclass(frozen=True)
class LinkStatus:
    """A round's respondents with its partnership's name and closing date (the page's section)."""

    partnership: str
    closes_on: dt.date | None
    respondents: pd.DataFrame


@requires("view_contacts")
def round_status(db: Database, round_id: int) -> LinkStatus:
    """:func:`respondents_frame` with the round's partnership and closing date, in one read."""
    with db.read() as session:
        rnd = _round(session, round_id)
        title = session.scalar(select(Partnership.title).where(Partnership.id == rnd.partnership_id)) or ""
        return LinkStatus(title, rnd.closes_on, respondents_frame(session, round_id))


@requires("view_contacts")
def people_to_ask(session: Session, partnership_id: int, today: dt.date) -> dict[int, str]:
    """Who may be asked: the people working at the partnership's organisations now, then the staff
    (person id → "Name · e-mail")."""
    current = (Affiliation.end_date.is_(None)) | (Affiliation.end_date >= today)
    contacts = (
        select(Person.id, Person.name, Person.email)
        .join(Affiliation, Affiliation.person_id == Person.id)
        .join(PartnershipOrganisation, PartnershipOrganisation.organisation_id == Affiliation.organisation_id)
        .where(PartnershipOrganisation.partnership_id == partnership_id, current, Person.is_staff.is_not(True))
        .distinct()
        .order_by(Person.name, Person.id)
    )
    staff = select(Person.id, Person.name, Person.email).where(Person.is_staff.is_(True)).order_by(Person.name_key)
    found: dict[int, str] = {}
    for person_id, name, email in [*session.execute(contacts), *session.execute(staff)]:
        found.setdefault(int(person_id), f"{name} · {email}" if email else str(name))
    return found


@requires("view_contacts")
def choices_for(db: Database, round_id: int) -> dict[int, str]:
    """:func:`people_to_ask` for the round's partnership, in its own read."""
    with db.read() as session:
        rnd = _round(session, round_id)
        return people_to_ask(session, rnd.partnership_id, clock.today(clock.workspace_timezone(session)))


def email_text(partnership: str, url: str, expires_on: dt.date, lang: str, name: str | None = None) -> str:
    """A ready e-mail (subject line first) inviting a respondent to answer by their link."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    greeting = t("evaluation_links.mail.greeting", lang, name=name) if name else t("evaluation_links.mail.hello", lang)
    return "\n".join(
        [
            t("evaluation_links.mail.subject", lang, partnership=partnership),
            "",
            greeting,
            "",
            t("evaluation_links.mail.body", lang, partnership=partnership),
            "",
            url,
            "",
            t("evaluation_links.mail.until", lang, date=format_date(expires_on, lang)),
            "",
            t("evaluation_links.mail.thanks", lang),
        ]
    )


def reminder_text(partnership: str, closes_on: dt.date | None, lang: str) -> str:
    """A ready reminder to those who have not answered yet (their links are the ones they already have)."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    lines = [
        t("evaluation_links.reminder.subject", lang, partnership=partnership),
        "",
        t("evaluation_links.mail.hello", lang),
        "",
        t("evaluation_links.reminder.body", lang, partnership=partnership),
    ]
    if closes_on is not None:
        lines += ["", t("evaluation_links.reminder.closes", lang, date=format_date(closes_on, lang))]
    return "\n".join([*lines, "", t("evaluation_links.mail.thanks", lang)])


def waiting_emails(respondents: pd.DataFrame) -> list[str]:
    """The e-mails of those asked who have not answered (for the reminder's "To" line)."""
    waiting = respondents[respondents["state"] != "answered"]
    return [str(e) for e in waiting["email"] if isinstance(e, str) and e]


@requires("view_contacts")
def round_of(session: Session, choice: str) -> int:
    """The round ``choice`` names: its id, or ``latest`` (the newest round held)."""
    if choice == "latest":
        found = session.scalar(
            select(EvaluationRound.id).order_by(EvaluationRound.held_on.desc(), EvaluationRound.id.desc()).limit(1)
        )
        if found is None:
            raise ValidationFailed("evaluation_links.no_rounds")
        return int(found)
    if not choice.isdigit():
        raise ValidationFailed("evaluations.no_such_round", id=choice)
    return _round(session, int(choice)).id
