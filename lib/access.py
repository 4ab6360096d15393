"""Who may do what: roles, the permissions they carry, and who a logged-in user is.

Three roles, each including the one below it:

viewer
    the library board and leadership: the start page and the board views, in aggregate only. A
    viewer never sees a person's contact details (names of contacts, e-mails, phone numbers).
editor
    library staff doing partnership work: import, edit, delete records, export.
admin
    the network lead or the system owner: also the event log, personal-data requests (export
    and erasure of a person) and restoring a backup.

The role of a user who logs in through OpenID Connect comes from configuration (the ``[roles]``
section of ``.streamlit/secrets.toml``, see ``.streamlit/secrets.toml.example``): lists of e-mail
addresses per role, and/or a claim of the identity token (for example Entra ID's ``roles``) whose
values are mapped to roles. The highest role found wins; a user found nowhere gets ``default`` (viewer
unless configured otherwise, or nobody: ``default = "none"`` refuses them).

Without login configured the app runs in local single-user mode: one person on their own machine,
acting as admin, and the app says so on every page.

The rules are enforced where data is read and written (``lib.storage.Database`` checks the principal
it acts for), so hiding a button is never the only protection.

Examples
--------
>>> config = RoleConfig.from_mapping({"admins": ["Chef@Bib.dk"], "claim": "roles"})
>>> role_for("chef@bib.dk", {}, config)
'admin'
>>> role_for("ny@bib.dk", {"roles": ["editor"]}, config)
'editor'
>>> can(Principal(email="ny@bib.dk", role="viewer"), "edit")
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lib.errors import UserFacingError
from lib.i18n import Quote

ROLES = ("viewer", "editor", "admin")
#: The least role that holds each permission.
PERMISSIONS: dict[str, str] = {
    "view_board": "viewer",
    "view_contacts": "editor",
    "edit": "editor",
    "import": "editor",
    "export": "editor",
    "view_events": "admin",
    "personal_data": "admin",
    "erase": "admin",
    "restore": "admin",
}
NO_ACCESS = "none"


class AccessDenied(UserFacingError):
    """The user's role does not allow what they tried; nothing was read or changed."""

    def __init__(self, permission: str, role: str) -> None:
        super().__init__("access.denied", permission=permission, role=role)
        self.permission = permission
        self.role = role

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        from lib.i18n import t

        # Only the table's own words go in (a role, an action): there is nothing to quote.
        return t("access.denied", lang, role=t(f"access.role.{self.role}", lang),
                 action=t(f"access.permission.{self.permission}", lang))


@dataclass(frozen=True)
class Principal:
    """Who is acting: the e-mail (None in local mode and for scripts), and the role."""

    email: str | None
    role: str
    name: str | None = None
    #: True in local single-user mode (no login configured).
    local: bool = False

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role: {self.role!r}")

    @property
    def actor(self) -> str | None:
        """How the event log names this user."""
        return self.email or self.name


#: Local single-user mode and the command line: whoever can reach the file acts as admin.
LOCAL = Principal(email=None, role="admin", local=True)


def _rank(role: str) -> int:
    return ROLES.index(role)


def can(principal: Principal, permission: str) -> bool:
    """Whether ``principal`` holds ``permission`` (one of :data:`PERMISSIONS`)."""
    return _rank(principal.role) >= _rank(PERMISSIONS[permission])


def require(principal: Principal, permission: str) -> None:
    """Raise :class:`AccessDenied` unless ``principal`` holds ``permission``."""
    if not can(principal, permission):
        raise AccessDenied(permission, principal.role)


def _folded(values: Iterable[Any] | None) -> frozenset[str]:
    return frozenset(str(value).strip().casefold() for value in values or () if str(value).strip())


@dataclass(frozen=True)
class RoleConfig:
    """How logged-in users get their role (the ``[roles]`` section of the secrets)."""

    emails: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Name of an identity-token claim holding role names (a string or a list), or None.
    claim: str | None = None
    #: Claim value → role; by default the role names themselves.
    claim_values: Mapping[str, str] = field(default_factory=dict)
    default: str = "viewer"

    @classmethod
    def from_mapping(cls, section: Mapping[str, Any] | None) -> RoleConfig:
        """Read the ``[roles]`` section; unknown roles in it are an error, so a typo cannot grant access."""
        section = dict(section or {})
        emails = {role: _folded(section.get(f"{role}s")) for role in ROLES}
        values = {str(value).casefold(): role for role, value in dict(section.get("claim_values") or {}).items()}
        for role in values.values():
            if role not in ROLES:
                raise ValueError(f"unknown role in roles.claim_values: {role!r}")
        default = str(section.get("default", "viewer"))
        if default not in (*ROLES, NO_ACCESS):
            raise ValueError(f"unknown roles.default: {default!r}")
        claim = section.get("claim")
        return cls(emails=emails, claim=str(claim) if claim else None,
                   claim_values=values or {role: role for role in ROLES}, default=default)


def _claimed_roles(claims: Mapping[str, Any], config: RoleConfig) -> set[str]:
    if not config.claim:
        return set()
    raw = claims.get(config.claim)
    values = [raw] if isinstance(raw, str) else list(raw or ())
    return {config.claim_values[v.casefold()] for v in map(str, values) if v.casefold() in config.claim_values}


def role_for(email: str | None, claims: Mapping[str, Any], config: RoleConfig) -> str | None:
    """The role of a logged-in user, or None when they may not use the app at all."""
    found = _claimed_roles(claims, config)
    if email:
        found |= {role for role, listed in config.emails.items() if email.strip().casefold() in listed}
    if found:
        return max(found, key=_rank)
    return None if config.default == NO_ACCESS else config.default


def principal_for(user: Mapping[str, Any], config: RoleConfig) -> Principal | None:
    """The principal of a logged-in user (``user`` holds the identity token's claims), or None."""
    email = user.get("email")
    role = role_for(str(email) if email else None, user, config)
    if role is None:
        return None
    return Principal(email=str(email).lower() if email else None, role=role,
                     name=str(user["name"]) if user.get("name") else None)


def principal_of(session: Any) -> Principal:
    """Who a database session acts for (``lib.storage.Database.acting_as``); the local admin for
    sessions opened without one (the command line, scripts, tests)."""
    return session.info.get("principal", LOCAL)


def require_session(session: Any, permission: str) -> None:
    """Raise :class:`AccessDenied` unless the session's principal holds ``permission``."""
    require(principal_of(session), permission)
