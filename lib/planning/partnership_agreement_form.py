"""The agreement form of a partnership: what it shows, and saving it (dates and resources held by the partnership)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.db import (
    Agreement,
    log_event,
)
from lib.planning.partnership_agreements import (
    _is_filled,
    agreement_completeness,
    agreement_values,
    get_agreement,
    has_written_agreement,
    missing_agreement_fields,
)
from lib.planning.partnership_editing import clean_partnership_values, get_partnership, update_partnership
from lib.planning.partnership_fields import (
    AGREEMENT_DATE_FIELDS,
    AGREEMENT_EDITABLE,
    DRAFT,
    ENTITY,
    HELD_BY_PARTNERSHIP,
    PARTNERSHIP_FIELDS,
)
from lib.workspace import editing
from lib.workspace.clock import today, workspace_timezone


@requires("view_contacts")
def agreement_form(session: Session, partnership_id: int) -> dict[str, Any]:
    """What the agreement form shows: ``values`` (every field of :data:`AGREEMENT_EDITABLE`; the dates
    and resources are the partnership's even before an agreement is recorded), ``recorded`` (an
    agreement exists), ``completeness`` (0-1), ``missing`` (field names) and ``written_agreement``."""
    partnership = get_partnership(session, partnership_id)
    agreement = get_agreement(session, partnership_id)
    recorded = agreement_values(partnership, agreement)
    values = recorded or {
        **dict.fromkeys(AGREEMENT_EDITABLE),
        **{name: getattr(partnership, held) for name, held in HELD_BY_PARTNERSHIP.items()},
    }
    return {
        "values": values,
        "recorded": recorded is not None,
        "completeness": agreement_completeness(recorded),
        "missing": missing_agreement_fields(recorded),
        "written_agreement": has_written_agreement(partnership, agreement),
    }


@requires("edit")
def save_agreement(session: Session, partnership_id: int, values: Mapping[str, Any], actor: str | None = None) -> int:
    """Create or change the partnership's agreement with ``values`` (fields of :data:`AGREEMENT_EDITABLE`).

    Fields not in ``values`` keep their stored value. The start and end date and the resources
    (:data:`HELD_BY_PARTNERSHIP`) are stored on the partnership (:func:`update_partnership`, with
    its event). Signing (a ``signed_on``) makes the partnership's formalisation written unless it is
    a contract. Raises ValidationFailed for a date that cannot be read, an end date before the
    start date or a signing day after today; then nothing is changed. Returns the agreement's id.
    """
    get_partnership(session, partnership_id)
    editing.reject_unknown_fields(values, AGREEMENT_EDITABLE)
    agreement = get_agreement(session, partnership_id)
    held = {HELD_BY_PARTNERSHIP[name]: value for name, value in values.items() if name in HELD_BY_PARTNERSHIP}
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name in HELD_BY_PARTNERSHIP:
            continue
        if name in AGREEMENT_DATE_FIELDS:
            clean[name] = editing.date_value(value, name)
        elif name == "document_ref":
            clean[name] = editing.text_value(value, name, 500)
        else:
            clean[name] = editing.multiline_value(value)
    signed = clean.get("signed_on", agreement.signed_on if agreement else None)
    if "signed_on" in clean and signed is not None and signed > _workspace_today(session):
        # A day still to come is no signature: "signed" would then mean one thing now and another later.
        raise ValidationFailed("agreement.signed_in_future", field="signed_on", date=signed)
    if signed is not None:
        held["formalisation"] = DRAFT  # written, or contract when so marked
    if held:
        # Checked before the agreement changes: a date that cannot be stored leaves both as they were.
        clean_partnership_values(
            session,
            {**editing.current_values(get_partnership(session, partnership_id), PARTNERSHIP_FIELDS), **held},
            partnership_id,
        )
    if agreement is None:
        agreement = Agreement(partnership_id=partnership_id, **clean)
        session.add(agreement)
        session.flush()
        log_event(
            session,
            "agreement_created",
            entity=ENTITY,
            entity_id=partnership_id,
            actor=actor,
            fields=sorted(k for k, v in clean.items() if _is_filled(v)),
        )
    else:
        changed = editing.apply_changes(agreement, clean)
        if changed:
            log_event(
                session, "agreement_updated", entity=ENTITY, entity_id=partnership_id, actor=actor, changes=changed
            )
        session.flush()
    if held:
        update_partnership(session, partnership_id, held, actor=actor)
    return agreement.id


def _workspace_today(session: Session) -> dt.date:

    return today(workspace_timezone(session))
