"""The rules of a partnership's agreement: its values, completeness, whether it is signed, formalisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.i18n import t
from lib.db import (
    Agreement,
    Partnership,
)
from lib.planning.partnership_fields import (
    AGREEMENT_EDITABLE,
    AGREEMENT_FIELDS,
    AGREEMENT_OWN_FIELDS,
    DRAFT,
    HELD_BY_PARTNERSHIP,
    WRITTEN_FORMALISATIONS,
)


def _is_filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def agreement_values(partnership: Partnership, agreement: Agreement | None) -> dict[str, Any] | None:
    """The whole agreement, ``{field: value}`` for :data:`AGREEMENT_EDITABLE`: its own fields, and the
    dates and resources the partnership holds (:data:`HELD_BY_PARTNERSHIP`). None without an agreement."""
    if agreement is None:
        return None
    values = {name: getattr(agreement, name) for name in AGREEMENT_OWN_FIELDS}
    values.update({name: getattr(partnership, held) for name, held in HELD_BY_PARTNERSHIP.items()})
    return {name: values[name] for name in AGREEMENT_EDITABLE}


def _contents(
    agreement: Agreement | Mapping[str, Any] | None, partnership: Partnership | None
) -> Mapping[str, Any] | None:
    if agreement is None or isinstance(agreement, Mapping):
        return agreement
    if partnership is None:
        raise TypeError("an agreement's dates and resources are its partnership's: pass the partnership")
    return agreement_values(partnership, agreement)


def agreement_completeness(
    agreement: Agreement | Mapping[str, Any] | None, partnership: Partnership | None = None
) -> float:
    """The share (0-1) of :data:`AGREEMENT_FIELDS` filled in; 0 without an agreement.

    ``agreement`` is a stored agreement (then ``partnership`` is its partnership) or its values.
    """
    values = _contents(agreement, partnership)
    if values is None:
        return 0.0
    return sum(1 for name in AGREEMENT_FIELDS if _is_filled(values.get(name))) / len(AGREEMENT_FIELDS)


def missing_agreement_fields(
    agreement: Agreement | Mapping[str, Any] | None, partnership: Partnership | None = None
) -> list[str]:
    """The fields of :data:`AGREEMENT_FIELDS` not filled in (all of them without an agreement)."""
    values = _contents(agreement, partnership)
    if values is None:
        return list(AGREEMENT_FIELDS)
    return [name for name in AGREEMENT_FIELDS if not _is_filled(values.get(name))]


def has_written_agreement(
    partnership: Partnership | None, agreement: Agreement | None, on: dt.date | None = None
) -> bool:
    """Whether the partnership has a written agreement: its agreement is on record with the day it was
    signed (on or before ``on`` when given). The one rule for every page, figure and board output.

    How complete the agreement is does not matter, nor the formalisation mark (which follows from
    this, :func:`formalisation_of`). ``partnership`` is the agreement's (kept in the signature so a
    caller states whose agreement it asks about; the rule needs only the agreement).
    """
    if agreement is None or agreement.signed_on is None:
        return False
    if (
        partnership is not None
        and agreement.partnership_id is not None
        and partnership.id is not None
        and agreement.partnership_id != partnership.id
    ):
        raise ValueError("the agreement belongs to another partnership")
    return on is None or agreement.signed_on <= on


def formalisation_of(partnership: Partnership, agreement: Agreement | None, on: dt.date | None = None) -> str | None:
    """The formalisation to show (a code of :data:`SHOWN_FORMALISATIONS`, None: not given).

    With a written agreement (:func:`has_written_agreement`) ``contract`` when so marked, else
    ``written``; without one a ``written`` or ``contract`` mark is :data:`DRAFT`; informal and oral
    as marked. So the formalisation shown never says "written" beside "no written agreement".
    """
    if has_written_agreement(partnership, agreement, on):
        return "contract" if partnership.formalisation == "contract" else "written"
    if partnership.formalisation in WRITTEN_FORMALISATIONS:
        return DRAFT
    return partnership.formalisation


def formalisation_choices(partnership: Partnership | None, agreement: Agreement | None) -> tuple[str, ...]:
    """The formalisations a person may choose (``""``: not given): written or contract while a signed
    agreement is on record, else not given, informal, oral or :data:`DRAFT` (a written agreement
    not signed yet); the agreement's signing date makes it written."""
    if partnership is not None and has_written_agreement(partnership, agreement):
        return WRITTEN_FORMALISATIONS
    return ("", "informal", "oral", DRAFT)


@requires("view_contacts")
def get_agreement(session: Session, partnership_id: int) -> Agreement | None:
    return session.scalar(select(Agreement).where(Agreement.partnership_id == partnership_id))


def agreement_field_label(name: str, lang: str = "da") -> str:

    return t(f"partnerships.agreement.{name}", lang)
