"""The library's own set-up: who the library is (name, description, address, e-mail, phone, logo,
time zone) and who works there (staff, teams and roles).

An empty workspace opens with this set-up (the start page); it stays editable later on the page
"Biblioteket" and from the command line (``python -m lib setup``). What it stores is used by the
page title, the network's library node (:mod:`lib.network.graph`), the strengths flyer
(:mod:`lib.library.strengths`), the board pack and the notice of the duty to inform.

Everything lives in workspace settings (:class:`lib.db.WorkspaceSetting`); the logo as a PNG
this module re-drew itself (base64), never the uploaded bytes. Staff are ordinary people
(``Person.is_staff``) with a role and a team.

Services take a ``Session`` and never commit; every value is checked before anything is stored
(one bad value stores nothing) and every change is logged with :func:`lib.db.log_event`.

Examples
--------
>>> role_code("Netværksansvarlig")
'network_lead'
>>> role_code("partnership owner")
'partnership_owner'
>>> role_code("") is None
True
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from struct import error as struct_error
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core import normalize
from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.i18n import Quote, t
from lib.core.normalize import display_phone
from lib.core.vocabulary import fold
from lib.db import STAFF_ROLES, Person, get_setting, log_event, set_setting, workspace_counts
from lib.library.staff_roles import teams
from lib.workspace import clock

# --- the library's profile ---------------------------------------------------------------------------

#: The workspace settings of the profile, by field.
SETTINGS = {
    "name": "library_name",
    "description": "library_description",
    "address": "library_address",
    "email": "library_email",
    "phone": "library_phone",
    "timezone": clock.TIMEZONE_SETTING,
    "accessibility_url": "accessibility_statement_url",
}
PROFILE_FIELDS = tuple(SETTINGS)
LOGO_SETTING = "library_logo"
MAX_LENGTHS = {"name": 120, "description": 200, "address": 200, "accessibility_url": 500}
#: Characters no web address holds as they are (RFC 3986): spaces, quotes, angle brackets and the like.
_NOT_IN_URLS = re.compile(r"[\s<>\"'`{}|\\^\x00-\x1f\x7f]")
_URL_SHOWN = 80

#: An uploaded logo may be at most this large (bytes) …
LOGO_MAX_BYTES = 2 * 1024 * 1024
#: … and at most this many pixels (checked from the header, before anything is decoded).
LOGO_MAX_PIXELS = 4096 * 4096
LOGO_MAX_SIDE = 8000
#: The largest square logo, in the message that refuses one with too many pixels.
LOGO_MAX_SIDE_SHOWN = 4096
#: The stored logo is re-drawn no larger than this (pixels on its longer side).
LOGO_STORED_SIDE = 600
_MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "jpeg": b"\xff\xd8\xff"}
_PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG"}


@dataclass(frozen=True)
class LibraryProfile:
    """Who the library is, as stored (empty strings never: a field not filled in is None)."""

    name: str | None = None
    description: str | None = None
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    timezone: str = clock.DEFAULT_TIMEZONE
    #: The logo as PNG bytes (re-drawn by this module), or None.
    logo: bytes | None = None
    #: Where the municipality publishes the accessibility statement (http or https), or None: the
    #: link on every page then opens the statement the product ships (``docs/accessibility.md``).
    accessibility_url: str | None = None

    @property
    def is_set_up(self) -> bool:
        """Whether the library has told its name (the set-up banner stops inviting then)."""
        return bool(self.name)

    def as_dict(self) -> dict[str, Any]:
        """The profile as JSON-friendly values (the logo as its size in bytes)."""
        values: dict[str, Any] = {name: getattr(self, name) for name in PROFILE_FIELDS}
        values["logo_bytes"] = len(self.logo) if self.logo else 0
        return values


def shown_phone(number: str | None) -> str | None:
    """A stored (E.164) number as people write it: "+45 99 12 34 56" (:func:`lib.core.normalize.display_phone`)."""

    return display_phone(number)


def _stored_text(session: Session, key: str) -> str | None:
    value = get_setting(session, key)
    return " ".join(value.split()) if value and value.strip() else None


@requires("view_board")
def library_profile(session: Session) -> LibraryProfile:
    """The library's profile as stored (missing fields None, the default time zone until one is chosen)."""
    return LibraryProfile(
        name=_stored_text(session, SETTINGS["name"]),
        description=_stored_text(session, SETTINGS["description"]),
        address=_stored_text(session, SETTINGS["address"]),
        email=_stored_text(session, SETTINGS["email"]),
        phone=_stored_text(session, SETTINGS["phone"]),
        timezone=clock.timezone_name(session),
        logo=stored_logo(session),
        accessibility_url=accessibility_url(session),
    )


@requires("view_board")
def stored_logo(session: Session) -> bytes | None:
    """The logo's PNG bytes, or None (also when the stored value is not a logo of ours)."""
    value = get_setting(session, LOGO_SETTING)
    if not value:
        return None
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(_MAGIC["png"]) else None


@requires("view_board")
def library_name(session: Session) -> str | None:
    """The library's name as stored (spaces tidied), or None: one setting, read on every page."""
    return _stored_text(session, SETTINGS["name"])


@requires("view_board")
def accessibility_url(session: Session) -> str | None:
    """The address of the municipality's accessibility statement, or None when none is set (a stored
    value that is no longer acceptable counts as none)."""
    value = get_setting(session, SETTINGS["accessibility_url"])
    try:
        return checked_accessibility_url(value)
    except ValidationFailed:
        return None


def checked_accessibility_url(value: object) -> str | None:
    """The address of an accessibility statement as it will be stored; None for an empty value.

    Only a whole ``https://`` or ``http://`` address with a host is taken, at most 500 characters, and
    without spaces, quotes or angle brackets; anything else (``javascript:``, ``data:``, a relative
    path, ``www.example.dk`` without its scheme) raises ``ValidationFailed`` with ``field`` set:
    ``setup.accessibility_url_invalid`` or ``value.too_long``.

    >>> checked_accessibility_url("  HTTPS://www.was.digst.dk/solhoej-dk ")
    'https://www.was.digst.dk/solhoej-dk'
    >>> checked_accessibility_url("") is None
    True
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    shown = text if len(text) <= _URL_SHOWN else text[: _URL_SHOWN - 1] + "…"
    limit = MAX_LENGTHS["accessibility_url"]
    if len(text) > limit:
        raise ValidationFailed("value.too_long", field="accessibility_url", length=len(text), max=limit)
    refused = ValidationFailed("setup.accessibility_url_invalid", field="accessibility_url", value=shown)
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018 - reading the port checks it is a number
    except ValueError:
        raise refused from None
    if parts.scheme.casefold() not in ("http", "https") or not host or "@" in parts.netloc or _NOT_IN_URLS.search(text):
        raise refused
    return parts.scheme.casefold() + text[len(parts.scheme) :]


@requires("view_board")
def needs_setup(session: Session) -> bool:
    """Whether the library has not told its name yet (the start page then invites the set-up)."""
    return _stored_text(session, SETTINGS["name"]) is None


@requires("view_board")
def is_empty_workspace(session: Session) -> bool:
    """No people and no organisations: the start page opens the set-up itself."""
    counts = workspace_counts(session)
    return counts["people"] == 0 and counts["organisations"] == 0


def _with_field(error: ValidationFailed, name: str) -> ValidationFailed:
    return ValidationFailed(error.key, **{**error.params, "field": name})


def clean_profile_values(values: Mapping[str, Any]) -> dict[str, str | None]:
    """The profile values as they will be stored; ValidationFailed (with ``field``) for the first
    that cannot be. Only the fields given are cleaned; ``name`` is required when given."""
    unknown = sorted(set(values) - set(PROFILE_FIELDS))
    if unknown:
        raise ValueError(f"not a profile field: {', '.join(unknown)}")
    clean: dict[str, str | None] = {}
    for name, value in values.items():
        try:
            if name == "email":
                clean[name] = normalize.normalise_email(value)
            elif name == "phone":
                clean[name] = normalize.normalise_phone(value)
            elif name == "timezone":
                clean[name] = clock.valid_timezone(value)
            elif name == "accessibility_url":
                clean[name] = checked_accessibility_url(value)
            else:
                text = normalize.clean_text(value, max_length=MAX_LENGTHS[name])
                clean[name] = " ".join(text.split()) if text else None
        except ValidationFailed as error:
            raise _with_field(error, name) from None
        if name == "name" and not clean[name]:
            raise ValidationFailed("setup.name_required", field="name")
    return clean


@requires("edit")
def save_library_profile(
    session: Session,
    values: Mapping[str, Any],
    *,
    logo: bytes | None = None,
    remove_logo: bool = False,
    actor: str | None = None,
) -> list[str]:
    """Store the profile fields given in ``values`` (see :data:`PROFILE_FIELDS`) and, when given, a
    new ``logo`` (PNG or JPEG bytes, checked by :func:`checked_logo`) or its removal.

    Returns the fields that changed (``"logo"`` among them); logs ``library_profile_updated`` with
    ``[old, new]`` of each text field (the logo only as changed). Nothing is stored when any value
    is refused.
    """
    clean = clean_profile_values(values)
    new_logo = checked_logo(logo) if logo is not None else None
    changes: dict[str, Any] = {}
    for name, value in clean.items():
        key = SETTINGS[name]
        old = get_setting(session, key)
        if name == "timezone":
            old = clock.timezone_name(session)
        if (old or None) != value:
            changes[name] = [old or None, value]
            set_setting(session, key, value)
    if new_logo is not None or remove_logo:
        encoded = base64.b64encode(new_logo).decode("ascii") if new_logo is not None else None
        if get_setting(session, LOGO_SETTING) != encoded:
            set_setting(session, LOGO_SETTING, encoded)
            changes["logo"] = "removed" if encoded is None else "changed"
    if changes:
        log_event(session, "library_profile_updated", entity="workspace", actor=actor, changes=changes)
    return list(changes)


# --- the logo ------------------------------------------------------------------------------------------


def _logo_kind(data: bytes) -> str:
    for kind, magic in _MAGIC.items():
        if data.startswith(magic):
            return kind
    raise ValidationFailed("setup.logo_kind", field="logo")


def checked_logo(data: bytes) -> bytes:
    """An uploaded logo, checked and re-drawn: PNG bytes at most :data:`LOGO_STORED_SIDE` pixels wide.

    The checks come before any picture is decoded: the size in bytes, the first bytes (PNG or JPEG,
    whatever the file is called), then the width and height Pillow reads from the header (a small
    file that would unpack into a huge picture is refused), then Pillow's ``verify()``. Only then is
    the picture decoded, once, and drawn again as a plain PNG: what is stored carries no metadata
    (a photo's position, say) and no trailing bytes of the upload.

    Raises ``ValidationFailed`` (``field="logo"``): ``setup.logo_empty``, ``setup.logo_too_large``,
    ``setup.logo_kind``, ``setup.logo_too_many_pixels`` or ``setup.logo_broken``.
    """
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise ValidationFailed("setup.logo_empty", field="logo")
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationFailed(
            "setup.logo_too_large", field="logo", size=_megabytes(len(data)), limit=_megabytes(LOGO_MAX_BYTES)
        )
    kind = _logo_kind(data)
    formats = [_PILLOW_FORMATS[kind]]
    too_many_pixels = ValidationFailed("setup.logo_too_many_pixels", field="logo", side=str(LOGO_MAX_SIDE_SHOWN))
    try:
        with warnings.catch_warnings():
            # Pillow's own guard: a picture far beyond its pixel limit is refused while opening.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=formats) as header:
                width, height = header.size  # read from the header: nothing is decoded yet
                if not (0 < width <= LOGO_MAX_SIDE and 0 < height <= LOGO_MAX_SIDE) or width * height > LOGO_MAX_PIXELS:
                    raise too_many_pixels
                header.verify()
            with Image.open(io.BytesIO(data), formats=formats) as picture:
                picture.load()
                shown = picture.convert("RGBA")
    except ValidationFailed:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, IndexError, struct_error):
        raise ValidationFailed("setup.logo_broken", field="logo") from None
    shown.thumbnail((LOGO_STORED_SIDE, LOGO_STORED_SIDE))
    out = io.BytesIO()
    shown.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


# --- staff -------------------------------------------------------------------------------------------

STAFF_COLUMNS = ("person_id", "name", "email", "team", "staff_role")
#: Words people write for the roles (Danish and English), folded.
_ROLE_WORDS = {
    "network_lead": ("netværksansvarlig", "network lead", "netvaerksansvarlig", "netværksleder", "network_lead"),
    "partnership_owner": (
        "partnerskabsansvarlig",
        "partnership owner",
        "partnership_owner",
        "ansvarlig for partnerskab",
    ),
    "staff": ("medarbejder", "staff", "ansat", "employee"),
}
_ROLE_BY_WORD = {fold(word): code for code, words in _ROLE_WORDS.items() for word in words}


def role_code(value: object) -> str | None:
    """The role code for a code or a word ("Netværksansvarlig", "partnership owner"); None when
    empty or unknown."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    return text if text in STAFF_ROLES else _ROLE_BY_WORD.get(fold(text))


@dataclass
class StaffRowProblem:
    """One row of the staff table that cannot be stored: its number (1 = the first row) and why."""

    row: int
    error: ValidationFailed


class StaffNotSaved(ValidationFailed):
    """Rows of the staff table that cannot be stored; nothing was stored."""

    def __init__(self, problems: Sequence[StaffRowProblem]) -> None:
        super().__init__("setup.staff.not_saved", count=len(problems))
        self.problems = list(problems)

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        lines = [t(self.key, lang, count=len(self.problems))]
        lines += [
            t("setup.staff.row_problem", lang, row=p.row, problem=p.error.message(lang, quote)) for p in self.problems
        ]
        return "\n".join(lines)


@dataclass
class StaffSaved:
    """What saving the staff table did: people added, people changed (ids), rows left empty."""

    added: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)


@requires("view_contacts")
def staff_rows(session: Session) -> list[dict[str, Any]]:
    """The staff as the set-up's table lists them (by name): :data:`STAFF_COLUMNS`."""
    people = session.scalars(select(Person).where(Person.is_staff.is_(True)).order_by(Person.name_key, Person.id))
    return [
        {"person_id": p.id, "name": p.name, "email": p.email, "team": p.team, "staff_role": p.staff_role}
        for p in people
    ]


def _blank(value: object) -> bool:
    if value is None:
        return True
    try:
        if value != value:  # NaN from a table
            return True
    except (TypeError, ValueError):
        pass
    return not str(value).strip()


def _row_values(row: Mapping[str, Any], known_teams: dict[str, str]) -> dict[str, Any]:
    """One row, cleaned; ValidationFailed with the field for the first value that cannot be stored."""
    name = normalize.clean_text(row.get("name"), max_length=300)
    if not name:
        raise ValidationFailed("setup.staff.name_required", field="name")
    try:
        email = normalize.normalise_email(row.get("email"))
    except ValidationFailed as error:
        raise _with_field(error, "email") from None
    role_text = row.get("staff_role")
    role = role_code(role_text) if not _blank(role_text) else "staff"
    if role is None:
        raise ValidationFailed("setup.staff.unknown_role", field="staff_role", value=str(role_text)[:60])
    team = normalize.clean_text(row.get("team"), max_length=200)
    if team:
        team = known_teams.setdefault(fold(team), team)
    return {"name": name, "email": email, "team": team or None, "staff_role": role}


def _person_id(row: Mapping[str, Any]) -> int | None:
    value = row.get("person_id")
    if value is None or _blank(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@requires("edit")
def save_staff(session: Session, rows: Sequence[Mapping[str, Any]], actor: str | None = None) -> StaffSaved:
    """Store the staff table in one go: rows with a ``person_id`` change that staff member, rows
    without one add a staff member (or make the person with that e-mail staff). Empty rows are
    left out; staff not in ``rows`` stay as they are (removing someone is done on their record).

    Every row is checked first: a missing name, an invalid e-mail, an unknown role, one e-mail on
    two rows or an e-mail another person already has stores nothing and raises
    :class:`StaffNotSaved` listing every such row. Logs ``staff_added`` / ``staff_updated``.
    """

    known_teams = {fold(team): team for team in teams(session)}
    problems: list[StaffRowProblem] = []
    cleaned: list[tuple[int | None, dict[str, Any]]] = []
    seen_emails: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        if all(_blank(row.get(name)) for name in ("name", "email", "team", "staff_role")):
            continue
        try:
            values = _row_values(row, known_teams)
            email = values["email"]
            if email and email in seen_emails:
                raise ValidationFailed("setup.staff.email_twice", field="email", email=email, other=seen_emails[email])
            if email:
                seen_emails[email] = number
            person_id = _person_id(row)
            if person_id is not None and session.get(Person, person_id) is None:
                raise ValidationFailed("setup.staff.gone", field="name", name=values["name"])
            if email:
                holder = session.execute(
                    select(Person.id, Person.name, Person.is_staff).where(func.lower(Person.email) == email).limit(1)
                ).first()
                if holder is not None and holder.id != person_id:
                    if person_id is not None or holder.is_staff:
                        raise ValidationFailed("setup.staff.email_taken", field="email", email=email, name=holder.name)
                    person_id = holder.id  # a contact who is also staff: the same person
        except ValidationFailed as error:
            problems.append(StaffRowProblem(number, error))
            continue
        cleaned.append((person_id, values))
    if problems:
        raise StaffNotSaved(problems)
    saved = StaffSaved()
    for person_id, values in cleaned:
        if person_id is None:
            added = Person(
                name=values["name"],
                name_key=normalize.name_key(values["name"]),
                email=values["email"],
                is_staff=True,
                staff_role=values["staff_role"],
                team=values["team"],
                source="setup",
            )
            session.add(added)
            session.flush()
            saved.added.append(added.id)
            log_event(
                session,
                "staff_added",
                entity="person",
                entity_id=added.id,
                actor=actor,
                name=added.name,
                staff_role=added.staff_role,
                team=added.team,
            )
            continue
        person = session.get(Person, person_id)
        assert person is not None
        changed: dict[str, list[Any]] = {}
        for name in ("name", "email", "team", "staff_role"):
            if getattr(person, name) != values[name]:
                changed[name] = [getattr(person, name), values[name]]
                setattr(person, name, values[name])
        if not person.is_staff:
            changed["is_staff"] = [False, True]
            person.is_staff = True
        if "name" in changed:
            person.name_key = normalize.name_key(person.name)
        if changed:
            saved.changed.append(person.id)
            log_event(session, "staff_updated", entity="person", entity_id=person.id, actor=actor, changes=changed)
    return saved


__all__ = [
    "LOGO_MAX_BYTES",
    "LOGO_MAX_PIXELS",
    "PROFILE_FIELDS",
    "LibraryProfile",
    "StaffNotSaved",
    "StaffSaved",
    "accessibility_url",
    "checked_accessibility_url",
    "checked_logo",
    "clean_profile_values",
    "is_empty_workspace",
    "library_name",
    "library_profile",
    "needs_setup",
    "role_code",
    "save_library_profile",
    "save_staff",
    "shown_phone",
    "staff_rows",
    "stored_logo",
]
