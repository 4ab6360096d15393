""" "Hvem kender du?" – the staff network survey (issue 18, item 2).

Surveys and links
    :func:`start_survey` makes a survey and a personal link for each chosen staff member (all staff by
    default); :func:`make_link` gives one staff member a new link (their old one stops working). The
    token is random (``lib.core.tokens``) and returned once; only its SHA-256 digest is stored. A link
    works for :data:`VALID_DAYS` days, until it is revoked, and, for answering, until the survey closes.
The form
    :func:`form_for` reads what the form at ``/svar/netvaerk/<token>`` shows: the staff member's own
    name, their answers so far and their colleagues' names. :func:`search` finds organisations and
    contacts of the workspace by name for a live token: names and organisations only, never an e-mail
    or a phone. Anything but a live token is None.
    :func:`submit` keeps the answers as a pending submission (an entry per person or organisation named,
    see :func:`read_entries`); a second submission corrects it until the survey closes or the
    coordinator commits it.
Status
    :func:`survey_status` lists the invited staff and their submissions; :func:`answer_count` is
    "svar fra X af Y medarbejdere". The preview, commit, rejection and undo of a submission are in
    :mod:`lib.planning.staff_survey_batch`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lib.core.access import Principal, requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from lib.core.normalize import name_key
from lib.db import (
    Affiliation,
    Database,
    ImportBatch,
    Organisation,
    Person,
    StaffSurvey,
    StaffSurveyInvitation,
    log_event,
)
from lib.planning import personal_links
from lib.planning.personal_links import is_closed
from lib.workspace import clock, editing

#: The form's path on the dashboard's server (under /svar/, which nginx's public server exposes).
LINK_PREFIX = "/svar/netvaerk/"
#: How long a new link works.
VALID_DAYS = 30
#: Who the form's address reads and writes as: one staff member's form and answers.
LINK_READER = Principal(email=None, role="editor", name="netvaerkslink")
#: The most organisations and contacts one search shows.
SEARCH_ROWS = 20
#: The most entries one submission keeps.
MAX_ENTRIES = 100
#: The event-log entity of a survey.
ENTITY = "staff_survey"
STRENGTHS = (1, 2, 3, 4, 5)
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$|^\s*(\d{1,2})[/.-](\d{4})\s*$")


_now = personal_links.utc_now


def link_url(token: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The address of ``token``'s form on :func:`lib.core.config.public_url` (English with ``?lang=en``)."""
    return personal_links.link_url(LINK_PREFIX, token, lang)


def read_month(text: object) -> str | None:
    """A month as ``YYYY-MM`` from "2026-03", "3/2026" or "03.2026"; None for anything else.

    >>> read_month("2026-3"), read_month("03/2026"), read_month("marts"), read_month("2026-13")
    ('2026-03', '2026-03', None, None)
    """
    found = _MONTH.match(str(text or ""))
    if not found:
        return None
    year, month = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
    if not 1 <= int(month) <= 12 or not 1900 <= int(year) <= 2100:
        return None
    return f"{int(year):04d}-{int(month):02d}"


def month_date(month: str | None) -> dt.date | None:
    """The first day of a ``YYYY-MM`` month (how a tie stores "last contact" given as a month)."""
    return dt.date(int(month[:4]), int(month[5:7]), 1) if month else None


# --- surveys and links ----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewLink:
    """A link just made: the token and address are shown this once and never stored."""

    invitation_id: int
    person_id: int
    name: str
    email: str | None
    url: str
    expires_on: dt.date


def _survey(session: Session, survey_id: int) -> StaffSurvey:
    return editing.existing(session, StaffSurvey, survey_id, "staff_survey.no_such_survey")


def _invitation(session: Session, invitation_id: int) -> StaffSurveyInvitation:
    return editing.existing(session, StaffSurveyInvitation, invitation_id, "staff_survey.no_such_invitation")


def _staff(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.is_staff.is_(True)).order_by(Person.name_key, Person.id)))


@requires("view_contacts")
def staff_by_email(session: Session, emails: Iterable[str]) -> list[int]:
    """The ids of the staff members with these e-mails (any case); ``ValidationFailed`` naming the
    e-mails no staff member has."""
    wanted = {e.strip().lower() for e in emails if e.strip()}
    found = {
        str(email): int(pid)
        for email, pid in session.execute(
            select(func.lower(Person.email), Person.id).where(
                Person.is_staff.is_(True), func.lower(Person.email).in_(wanted)
            )
        )
    }
    missing = sorted(wanted - set(found))
    if missing:
        raise ValidationFailed("staff_survey.cli.unknown_staff", email=", ".join(missing))
    return sorted(found.values())


@requires("edit")
def make_link(
    session: Session,
    invitation_id: int,
    *,
    lang: str = DEFAULT_LANGUAGE,
    days: int = VALID_DAYS,
    actor: str | None = None,
    now: dt.datetime | None = None,
) -> NewLink:
    """A new personal link for the invitation's staff member; their earlier link stops working."""
    record = _invitation(session, invitation_id)
    person = session.get(Person, record.person_id)
    assert person is not None
    token, expires_at = personal_links.renew(record, days, now)
    session.flush()
    log_event(session, "staff_survey_link_made", entity=ENTITY, entity_id=record.survey_id, actor=actor)
    return NewLink(record.id, person.id, person.name, person.email, link_url(token, lang), expires_at.date())


@requires("edit")
def start_survey(
    session: Session,
    staff_ids: Iterable[int] | None = None,
    *,
    closes_on: Any = None,
    lang: str = DEFAULT_LANGUAGE,
    actor: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[int, list[NewLink]]:
    """A new survey with a link for each of ``staff_ids`` (every staff member when None): its id and the links."""
    staff = _staff(session)
    wanted = None if staff_ids is None else {int(i) for i in staff_ids}
    chosen = [p for p in staff if wanted is None or p.id in wanted]
    if not chosen:
        raise ValidationFailed("staff_survey.no_staff")
    survey = StaffSurvey(created_by=actor, closes_on=editing.date_value(closes_on, "closes_on"), created_at=_now())
    session.add(survey)
    session.flush()
    links = []
    for person in chosen:
        record = StaffSurveyInvitation(survey_id=survey.id, person_id=person.id)
        session.add(record)
        session.flush()
        links.append(make_link(session, record.id, lang=lang, actor=actor, now=now))
    log_event(session, "staff_survey_started", entity=ENTITY, entity_id=survey.id, actor=actor, people=len(links))
    return survey.id, links


@requires("edit")
def revoke(session: Session, invitation_id: int, actor: str | None = None) -> bool:
    """End the invitation's link (answers stay); False when it had already ended."""
    record = _invitation(session, invitation_id)
    if not personal_links.end(record):
        return False
    log_event(session, "staff_survey_link_revoked", entity=ENTITY, entity_id=record.survey_id, actor=actor)
    return True


@requires("view_contacts")
def latest_survey(session: Session) -> int | None:
    """The newest survey's id, or None."""
    found = session.scalar(select(StaffSurvey.id).order_by(StaffSurvey.id.desc()).limit(1))
    return int(found) if found is not None else None


# --- the form -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One person or organisation a staff member named: a known one (``ref`` "p12"/"o7") or a new one
    (``ref`` "new": ``name``, ``organisation``, ``email``), how well they know them, their last contact
    (``YYYY-MM``), in what role, and the colleagues (staff ids) who also work with them."""

    ref: str
    name: str = ""
    organisation: str = ""
    email: str = ""
    strength: int | None = None
    last_contact: str | None = None
    role: str = ""
    colleagues: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "colleagues": list(self.colleagues)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Entry:
        return cls(
            ref=str(data.get("ref") or "new"),
            name=str(data.get("name") or ""),
            organisation=str(data.get("organisation") or ""),
            email=str(data.get("email") or ""),
            strength=data.get("strength"),
            last_contact=data.get("last_contact"),
            role=str(data.get("role") or ""),
            colleagues=tuple(int(c) for c in data.get("colleagues") or ()),
        )


@dataclass(frozen=True)
class Shown:
    """An entry as the form shows it: the entry, and the known one's name and organisation."""

    entry: Entry
    name: str
    organisation: str


@dataclass(frozen=True)
class SurveyForm:
    """What the form of a live link shows: the staff member's own name, the answers so far, whether
    they can still be changed, and the colleagues to choose from (id → name, without themselves)."""

    staff_name: str
    closes_on: dt.date | None
    submitted: bool
    open: bool
    committed: bool
    entries: tuple[Shown, ...] = ()
    colleagues: dict[int, str] = field(default_factory=dict)


def _live(session: Session, token: str, now: dt.datetime) -> StaffSurveyInvitation | None:
    return personal_links.live_record(session, StaffSurveyInvitation, token, now)


def _org_names(session: Session, person_ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    if not person_ids:
        return found
    rows = session.execute(
        select(Affiliation.person_id, Organisation.name)
        .join(Organisation, Organisation.id == Affiliation.organisation_id)
        .where(Affiliation.person_id.in_(person_ids), Affiliation.end_date.is_(None))
        .order_by(Affiliation.id)
    )
    for person_id, name in rows:
        found.setdefault(int(person_id), str(name))
    return found


def _shown_entries(session: Session, entries: Sequence[Entry]) -> tuple[Shown, ...]:
    """The entries with the names of the known people and organisations (gone ones are left out)."""
    people = [int(e.ref[1:]) for e in entries if e.ref.startswith("p")]
    orgs = [int(e.ref[1:]) for e in entries if e.ref.startswith("o")]
    names = {int(i): str(n) for i, n in session.execute(select(Person.id, Person.name).where(Person.id.in_(people)))}
    org_names = {
        int(i): str(n)
        for i, n in session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(orgs)))
    }
    works_at = _org_names(session, people)
    shown = []
    for entry in entries:
        if entry.ref.startswith("p") and int(entry.ref[1:]) in names:
            pid = int(entry.ref[1:])
            shown.append(Shown(entry, str(names[pid]), works_at.get(pid, "")))
        elif entry.ref.startswith("o") and int(entry.ref[1:]) in org_names:
            shown.append(Shown(entry, str(org_names[int(entry.ref[1:])]), ""))
        elif entry.ref == "new":
            shown.append(Shown(entry, entry.name, entry.organisation))
    return tuple(shown)


@requires("view_contacts")
def status_of(session: Session, record: StaffSurveyInvitation) -> str | None:
    """The submission's status, where a commit whose import batch was undone (on the import page too)
    counts as ``pending`` again."""
    if record.status != "committed":
        return record.status
    batch = session.get(ImportBatch, record.batch_id) if record.batch_id is not None else None
    return "committed" if batch is not None and batch.status == "committed" else "pending"


def _entries(record: StaffSurveyInvitation) -> list[Entry]:
    return [Entry.from_json(e) for e in record.answers or [] if isinstance(e, Mapping)]


@requires("view_contacts")
def form_for(session: Session, token: str, now: dt.datetime | None = None) -> SurveyForm | None:
    """The form of a live token; None for anything else (wrong, expired, revoked, malformed)."""
    record = _live(session, token, now or _now())
    if record is None:
        return None
    survey = _survey(session, record.survey_id)
    person = session.get(Person, record.person_id)
    assert person is not None
    today = clock.today(clock.workspace_timezone(session))
    colleagues = {p.id: p.name for p in _staff(session) if p.id != person.id}
    committed = status_of(session, record) == "committed"
    return SurveyForm(
        staff_name=person.name,
        closes_on=survey.closes_on,
        submitted=record.submitted_at is not None,
        open=not is_closed(survey.closes_on, today) and not committed,
        committed=committed,
        entries=_shown_entries(session, _entries(record)),
        colleagues=colleagues,
    )


@requires("view_contacts")
def search(
    session: Session, token: str, text: str, now: dt.datetime | None = None
) -> list[tuple[str, str, str]] | None:
    """Up to :data:`SEARCH_ROWS` organisations and contacts whose name holds ``text``, for a live token:
    (ref, name, organisation); never an e-mail or phone. None for a token that is not live."""
    if _live(session, token, now or _now()) is None:
        return None
    key = name_key(text)
    if len(key) < 2:
        return []
    like = f"%{key.replace('%', '').replace('_', '')}%"
    orgs = session.execute(
        select(Organisation.id, Organisation.name)
        .where(Organisation.name_key.like(like))
        .order_by(Organisation.name_key, Organisation.id)
        .limit(SEARCH_ROWS)
    ).all()
    people = session.execute(
        select(Person.id, Person.name)
        .where(Person.name_key.like(like), or_(Person.is_staff.is_(False), Person.is_staff.is_(None)))
        .order_by(Person.name_key, Person.id)
        .limit(SEARCH_ROWS)
    ).all()
    works_at = _org_names(session, [int(p.id) for p in people])
    found = [(f"o{o.id}", str(o.name), "") for o in orgs]
    found += [(f"p{p.id}", str(p.name), works_at.get(int(p.id), "")) for p in people]
    return sorted(found, key=lambda row: name_key(row[1]))[:SEARCH_ROWS]


def _first(fields: Mapping[str, Sequence[str]], name: str) -> str:
    values = fields.get(name) or []
    return str(values[0]).strip() if values else ""


def read_entries(fields: Mapping[str, Sequence[str]], colleagues: Iterable[int]) -> list[Entry]:
    """The entries of a posted form: row ``i`` has ``r{i}_ref`` ("p12", "o7" or "new"), ``r{i}_keep``
    (a known one is kept only when ticked), ``r{i}_name``/``_org``/``_email`` (a new one), ``_strength``
    (1-5), ``_month``, ``_role`` and ``_col`` (colleagues' ids, several). A new row without a name or an
    organisation, and anything past :data:`MAX_ENTRIES`, is left out; a known one named twice counts once.

    >>> rows = {"r0_ref": ["p3"], "r0_keep": ["1"], "r0_strength": ["4"], "r0_month": ["2026-02"],
    ...         "r0_col": ["9", "8", "x"], "r1_ref": ["new"], "r1_name": [""], "r2_ref": ["o5"]}
    >>> [(e.ref, e.strength, e.last_contact, e.colleagues) for e in read_entries(rows, [8, 9])]
    [('p3', 4, '2026-02', (8, 9))]
    """
    allowed = set(colleagues)
    rows = sorted(
        {int(m.group(1)) for name in fields if (m := re.match(r"^r(\d{1,4})_ref$", name))},
    )
    entries: list[Entry] = []
    seen: set[str] = set()
    for i in rows:
        ref = _first(fields, f"r{i}_ref")
        if not re.match(r"^(new|[po]\d{1,12})$", ref):
            continue
        strength_text = _first(fields, f"r{i}_strength")
        strength = int(strength_text) if strength_text in {str(s) for s in STRENGTHS} else None
        chosen = {int(c) for c in fields.get(f"r{i}_col") or [] if str(c).isdigit()}
        common = Entry(
            ref,
            strength=strength,
            last_contact=read_month(_first(fields, f"r{i}_month")),
            role=_first(fields, f"r{i}_role")[:300],
            colleagues=tuple(sorted(chosen & allowed)),
        )
        if ref == "new":
            name, org = _first(fields, f"r{i}_name")[:300], _first(fields, f"r{i}_org")[:300]
            if not name and not org:
                continue
            email = _first(fields, f"r{i}_email")[:320].lower()
            entry = replace(common, name=name, organisation=org, email=email if "@" in email else "")
        else:
            if not _first(fields, f"r{i}_keep") or ref in seen:
                continue
            seen.add(ref)
            entry = common
        entries.append(entry)
        if len(entries) >= MAX_ENTRIES:
            break
    return entries


#: What :func:`submit` did: ``saved``, ``corrected``, ``closed`` (survey closed or already committed:
#: nothing stored), ``empty`` (nothing named, nothing stored).
OUTCOMES = ("saved", "corrected", "closed", "empty")


@requires("edit")
def submit(
    session: Session, token: str, fields: Mapping[str, Sequence[str]], now: dt.datetime | None = None
) -> str | None:
    """Keep the answers of a live token's staff member as a pending submission (or correct it); one of
    :data:`OUTCOMES`, or None for a token that is not live (nothing stored)."""
    stamp = now or _now()
    record = _live(session, token, stamp)
    if record is None:
        return None
    survey = _survey(session, record.survey_id)
    if status_of(session, record) == "committed" or is_closed(
        survey.closes_on, clock.today(clock.workspace_timezone(session))
    ):
        return "closed"
    colleagues = [p.id for p in _staff(session) if p.id != record.person_id]
    entries = read_entries(fields, colleagues)
    if not entries:
        return "empty"
    outcome = "corrected" if record.submitted_at is not None else "saved"
    action = "staff_survey_corrected" if record.submitted_at is not None else "staff_survey_submitted"
    record.answers = [e.to_json() for e in entries]
    record.status, record.batch_id = "pending", None
    record.submitted_at = stamp
    record.decided_at = None
    log_event(
        session,
        action,
        entity=ENTITY,
        entity_id=record.survey_id,
        actor=LINK_READER.name,
        person_id=record.person_id,
        answers=len(entries),
    )
    return outcome


@requires("view_contacts")
def open_form(db: Database, token: str) -> SurveyForm | None:
    """:func:`form_for` in its own read (the form's address calls it as :data:`LINK_READER`)."""
    with db.read() as session:
        return form_for(session, token)


@requires("view_contacts")
def search_for(db: Database, token: str, text: str) -> list[tuple[str, str, str]] | None:
    """:func:`search` in its own read."""
    with db.read() as session:
        return search(session, token, text)


@requires("edit")
def save_answers(db: Database, token: str, fields: Mapping[str, Sequence[str]]) -> str | None:
    """:func:`submit` in its own transaction."""
    with db.write() as session:
        return submit(session, token, fields)


# --- status and texts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Invited:
    """One invited staff member: their link's state and their submission's."""

    invitation_id: int
    person_id: int
    name: str
    email: str | None
    expires_at: dt.datetime | None
    live: bool
    submitted_at: dt.datetime | None
    status: str | None
    entries: int
    batch_id: int | None


@dataclass(frozen=True)
class SurveyStatus:
    """A survey's invitations (by name) with its closing day."""

    survey_id: int
    closes_on: dt.date | None
    invited: tuple[Invited, ...]

    @property
    def answered(self) -> int:
        return sum(1 for i in self.invited if i.submitted_at is not None)


@requires("view_contacts")
def survey_status(db: Database, survey_id: int | None = None) -> SurveyStatus | None:
    """The survey ``survey_id`` (the newest when None) with everyone invited; None when there is none."""
    with db.read() as session:
        chosen = survey_id if survey_id is not None else latest_survey(session)
        if chosen is None:
            return None
        survey = _survey(session, chosen)
        now = _now()
        rows = session.execute(
            select(StaffSurveyInvitation, Person)
            .join(Person, Person.id == StaffSurveyInvitation.person_id)
            .where(StaffSurveyInvitation.survey_id == chosen)
            .order_by(Person.name_key, Person.id)
        )
        invited = tuple(
            Invited(
                r.id,
                p.id,
                p.name,
                p.email,
                r.expires_at,
                r.digest is not None and r.revoked_at is None and (r.expires_at is None or r.expires_at > now),
                r.submitted_at,
                status_of(session, r),
                len(r.answers or []),
                r.batch_id if status_of(session, r) == "committed" else None,
            )
            for r, p in rows
        )
        return SurveyStatus(survey.id, survey.closes_on, invited)


@requires("view_contacts")
def answer_count(db: Database) -> tuple[int, int] | None:
    """(answered, invited) of the newest survey – "svar fra X af Y medarbejdere"; None without a survey."""
    with db.read() as session:
        chosen = latest_survey(session)
        if chosen is None:
            return None
        submitted = StaffSurveyInvitation.submitted_at.is_not(None)
        answered, invited = session.execute(
            select(func.count().filter(submitted), func.count()).where(StaffSurveyInvitation.survey_id == chosen)
        ).one()
        return int(answered or 0), int(invited or 0)


def email_text(url: str, expires_on: dt.date, lang: str, name: str | None = None) -> str:
    """A ready e-mail (subject line first) inviting a staff member to answer by their link."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    greeting = t("staff_survey.mail.greeting", lang, name=name) if name else t("staff_survey.mail.hello", lang)
    return "\n".join(
        [
            t("staff_survey.mail.subject", lang),
            "",
            greeting,
            "",
            t("staff_survey.mail.body", lang),
            "",
            url,
            "",
            t("staff_survey.mail.until", lang, date=format_date(expires_on, lang)),
            "",
            t("staff_survey.mail.thanks", lang),
        ]
    )
