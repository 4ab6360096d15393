"""Who may do what: roles, the permissions they carry, and who a logged-in user is.

Three roles, each including the one below it:

viewer
    the library board and leadership: the start page and the board views, in aggregate only. A
    viewer never sees a person's contact details (names, e-mails, phone numbers), nor free text
    that may name people (notes, reflections, risks, development needs).
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
acting as admin, and the app says so on every page. Because that is admin without login, it serves
only requests from that machine (:func:`from_this_computer`); everyone else is told that login must
be set up first. A login whose cookie secret anyone could know or guess (:func:`cookie_secret_problem`)
is refused outright: the app then serves nobody, and never falls back to local mode.

The rules are enforced where data is read and written, so hiding a button is never the only
protection: ``lib.db.Database`` refuses a write session to a role that may not edit, and every
public function of ``lib`` that takes a session or a database declares and checks what it needs with
:func:`requires` (tests/security/test_hardening_access.py fails for a function that does not).

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

import functools
import inspect
import ipaddress
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lib.core.errors import UserFacingError
from lib.core.i18n import Quote

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
#: What the board (a viewer) may always do: read what names nobody.
BOARD = "view_board"

F = TypeVar("F", bound=Callable[..., Any])


class AccessDenied(UserFacingError):
    """The user's role does not allow what they tried; nothing was read or changed."""

    def __init__(self, permission: str, role: str) -> None:
        super().__init__("access.denied", permission=permission, role=role)
        self.permission = permission
        self.role = role

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        from lib.core.i18n import t

        # Only the table's own words go in (a role, an action): there is nothing to quote.
        return t(
            "access.denied",
            lang,
            role=t(f"access.role.{self.role}", lang),
            action=t(f"access.permission.{self.permission}", lang),
        )


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
        return cls(
            emails=emails,
            claim=str(claim) if claim else None,
            claim_values=values or {role: role for role in ROLES},
            default=default,
        )


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
    return Principal(
        email=str(email).lower() if email else None, role=role, name=str(user["name"]) if user.get("name") else None
    )


def principal_of(session: Any) -> Principal:
    """Who a database session acts for (``lib.db.Database.acting_as``); the local admin for
    sessions opened without one (the command line, scripts, tests)."""
    return session.info.get("principal", LOCAL)


def require_session(session: Any, permission: str) -> None:
    """Raise :class:`AccessDenied` unless the session's principal holds ``permission``."""
    require(principal_of(session), permission)


# --- is login set up safely, and who may use local mode ----------------------------------------------

#: ``cookie_secret`` values that shipped in ``.streamlit/secrets.toml.example``, now or before. Anyone
#: can read them, so a login cookie signed with one can be forged by anybody (as admin, too).
EXAMPLE_COOKIE_SECRETS = frozenset({"change-me-to-a-long-random-secret", "change-me"})
#: Below these a secret can be guessed or was typed by hand (``token_urlsafe(48)`` gives 64
#: characters drawn from 64 different ones).
MIN_COOKIE_SECRET_LENGTH = 32
MIN_COOKIE_SECRET_DISTINCT = 16
#: The command that makes a good secret, as the refusal page and the example file show it.
NEW_SECRET_COMMAND = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'


def cookie_secret_problem(auth: Mapping[str, Any] | None) -> str | None:
    """Why the ``[auth]`` section's ``cookie_secret`` must not be trusted, or None when it may.

    The login cookie is only as good as this secret: whoever knows or guesses it can make a cookie
    naming any user. The problems: ``"missing"``, ``"example"`` (a value from the example file),
    ``"short"`` (under :data:`MIN_COOKIE_SECRET_LENGTH` characters), ``"repetitive"`` (fewer than
    :data:`MIN_COOKIE_SECRET_DISTINCT` different characters).

    >>> cookie_secret_problem({"cookie_secret": "change-me-to-a-long-random-secret"})
    'example'
    >>> cookie_secret_problem({"cookie_secret": "x" * 40})
    'repetitive'
    """
    value = (auth or {}).get("cookie_secret")
    secret = "" if value is None else str(value).strip()
    if not secret:
        return "missing"
    if secret.casefold() in EXAMPLE_COOKIE_SECRETS:
        return "example"
    if len(secret) < MIN_COOKIE_SECRET_LENGTH:
        return "short"
    if len(set(secret)) < MIN_COOKIE_SECRET_DISTINCT:
        return "repetitive"
    return None


#: Headers in which a proxy names the client it passes a request on for.
FORWARDING_HEADERS = ("x-forwarded-for", "x-real-ip", "forwarded")


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address in a header entry (``1.2.3.4``, ``1.2.3.4:80``, ``"[::1]:80"``), or None."""
    text = text.strip().strip('"')
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _is_loopback(text: str) -> bool:
    address = _address(text)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address is not None and address.is_loopback


def _forwarded_for(name: str, value: str) -> list[str]:
    if name == "forwarded":  # RFC 7239: for=1.2.3.4;proto=https, for="[::1]:80"
        return [
            part.strip()[4:]
            for element in value.split(",")
            for part in element.split(";")
            if part.strip().lower().startswith("for=")
        ] or [value]
    return value.split(",")


def from_this_computer(ip_address: str | None, headers: Iterable[tuple[str, str]]) -> bool:
    """Whether a request comes from the computer the dashboard runs on: the connection is from a
    loopback address and so is every client a proxy names in its headers.

    ``ip_address`` and ``headers`` are Streamlit's ``st.context.ip_address`` (None for a loopback
    connection) and the headers of the browser's connection. Without any headers there is no
    connection to judge (the browser has gone while its last request runs), and anything that cannot
    be read as an address counts as another computer: local mode is admin without login, so when in
    doubt, no.

    >>> from_this_computer(None, [("Host", "127.0.0.1:8501")])
    True
    >>> from_this_computer("192.168.1.20", [("Host", "192.168.1.5:8501")])
    False
    >>> from_this_computer(None, [("Host", "127.0.0.1:8501"), ("X-Forwarded-For", "10.0.0.7, 127.0.0.1")])
    False
    """
    headers = list(headers)
    if not headers:
        return False
    if ip_address is not None and not _is_loopback(ip_address):
        return False
    for name, value in headers:
        name = name.strip().lower()
        if name in FORWARDING_HEADERS and not all(map(_is_loopback, _forwarded_for(name, value))):
            return False
    return True


def _acting(target: Any) -> Principal:
    """The principal behind a session (its ``info``) or a ``lib.db.Database`` (its ``principal``)."""
    info = getattr(target, "info", None)
    if isinstance(info, dict):
        return info.get("principal", LOCAL)
    if hasattr(target, "principal"):
        return target.principal or LOCAL
    # Anything else would otherwise pass as the local admin.
    raise TypeError(f"not a session or a database: {type(target).__name__}")


def requires(permission: str, *, board_if: Mapping[str, Any] | None = None) -> Callable[[F], F]:
    """Declare and enforce what a function of ``lib`` needs; its first argument is a session or a database.

    The function raises :class:`AccessDenied` before it reads anything when the principal acting
    through that argument lacks ``permission``. With ``board_if`` (``{parameter: value}``) a call
    whose arguments all have those values is the pseudonymised or aggregate variant and needs only
    :data:`BOARD`, e.g. ``build_graph(..., contact_details=False)``.

    The declaration stays readable as ``function.__requires__`` (and ``__requires_board_if__``), so
    a test can find every function that reads or writes the workspace and check each one.
    """
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission: {permission!r}")
    lowered = dict(board_if or {})

    def decorate(function: F) -> F:
        signature = inspect.signature(function)
        first = next(iter(signature.parameters))
        missing = [name for name in lowered if name not in signature.parameters]
        if missing:
            raise TypeError(f"{function.__qualname__} has no parameter {missing[0]!r}")

        def needed(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
            if not lowered:
                return permission
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            return BOARD if all(bound.arguments[k] == v for k, v in lowered.items()) else permission

        @functools.wraps(function)
        def checked(*args: Any, **kwargs: Any) -> Any:
            target = args[0] if args else kwargs.get(first)
            require(_acting(target), needed(args, kwargs))
            return function(*args, **kwargs)

        checked.__requires__ = permission  # type: ignore[attr-defined]
        checked.__requires_board_if__ = lowered  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return decorate


def declared_permission(function: Any) -> str | None:
    """What a function declared with :func:`requires` needs (None: not declared)."""
    return getattr(function, "__requires__", None)
