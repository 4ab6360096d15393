"""Partnerships: registered, formalised and followed up (Professionalise, Support the partnership).

A partnership goes from an idea through the four stages of the partnering cycle
(:data:`STAGES`); when it ends it keeps its last stage and is ``closed`` (with ``ended_on``). It has
an owner (a staff member), one or more partner organisations, the goals it serves, a depth on the
collaboration ladder and a degree of formalisation, a contact rhythm, a contact log, and at most one
written agreement.

Rules
-----
Next contact due
    ``last contact + contact_rhythm_days``, where the last contact is the newest contact-log entry
    (or, before the first one, the start date). Overdue when that day lies before today. No rhythm,
    or neither a contact nor a start date: nothing is due.
One agreement, one partnership
    the agreement's start and end date and what each party contributes are the partnership's
    (:data:`HELD_BY_PARTNERSHIP`), stored once on the partnership: the agreement form shows and
    changes the partnership's, and the partnership's end date is the agreement's end date.
    :func:`agreement_values` reads the whole agreement.
Agreement completeness
    the share of the fields in :data:`AGREEMENT_FIELDS` that are filled in (15 fields: the
    contents a written collaboration agreement usually covers, with start, end and review date
    counted separately); 0 when no agreement is recorded. ``signed_on`` and ``document_ref``
    record the signing and are not counted. Completeness is a figure of its own: it says nothing
    about whether there *is* a written agreement.
Written agreement (:func:`has_written_agreement`, the only rule)
    a partnership has a written agreement when its agreement is on record with the day it was
    signed (``signed_on``; as of a day: signed on or before it). How complete the agreement is
    does not matter: a signed agreement with 11 of 15 items filled in counts.
Formalisation (:func:`formalisation_of`, what every page and the board pack show)
    follows the written agreement: with a signed agreement it is ``contract`` when so marked,
    else ``written``; without one, a ``written`` or ``contract`` mark is shown as ``draft`` (an
    agreement not signed yet), and informal or oral as marked. Stored, the mark of a partnership
    with a signed agreement is always ``written`` or ``contract``: signing sets it, and a change to
    informal or oral is refused while the signature is on record.
Alerts (:func:`alerts`, for partnerships that have not ended)
    ``review_overdue`` the agreement's review date has passed; ``review_soon`` it is within
    :data:`REVIEW_WARNING_DAYS` (30) days; ``ending_soon`` the partnership's end date (which is the
    agreement's) is within :data:`ENDING_WARNING_DAYS` (60) days; ``end_passed`` it has passed
    but the partnership is not closed; ``no_written_agreement`` an active partnership (stage
    :data:`ACTIVE_STAGES`) without a written agreement (above); ``contact_overdue`` the next
    contact is overdue (ideas are not chased).
"""

from __future__ import annotations

from lib.db import FORMALISATIONS
from lib.planning.partnership_agreement_form import agreement_form, save_agreement
from lib.planning.partnership_agreements import (
    agreement_completeness,
    agreement_field_label,
    agreement_values,
    formalisation_choices,
    formalisation_of,
    get_agreement,
    has_written_agreement,
    missing_agreement_fields,
)
from lib.planning.partnership_contacts import (
    ContactDue,
    add_contact,
    contact_due_of,
    contact_log,
    delete_contact,
    last_contacts,
    next_contact_due,
)
from lib.planning.partnership_editing import (
    PipelineColumn,
    clean_partnership_values,
    close_partnership,
    create_partnership,
    delete_partnership,
    get_partnership,
    goals_of,
    organisations_of,
    pipeline,
    pipeline_column,
    pipeline_counts,
    reopen_partnership,
    set_goals,
    set_organisations,
    update_partnership,
)
from lib.planning.partnership_fields import (
    ACTIVE_STAGES,
    AGREEMENT_DATE_FIELDS,
    AGREEMENT_EDITABLE,
    AGREEMENT_FIELDS,
    AGREEMENT_OWN_FIELDS,
    ALERT_KINDS,
    CHANNELS,
    CONTACT_FIELDS,
    DEPTHS,
    DRAFT,
    ENDING_WARNING_DAYS,
    ENTITY,
    HELD_BY_PARTNERSHIP,
    MAX_RHYTHM_DAYS,
    PARTNERSHIP_FIELDS,
    PIPELINE_COLUMNS,
    REVIEW_WARNING_DAYS,
    SHOWN_FORMALISATIONS,
    STAGES,
    WRITTEN_FORMALISATIONS,
)
from lib.planning.partnership_import import PARTNERSHIP_SHEET, PartnershipsImporter, import_partnerships
from lib.planning.partnership_overview import (
    Alert,
    agreement_people,
    agreement_summary,
    agreement_summary_frame,
    agreement_summary_xlsx,
    alerts,
    partnership_alerts,
    partnerships_frame,
)

__all__ = [
    "ACTIVE_STAGES",
    "AGREEMENT_DATE_FIELDS",
    "AGREEMENT_EDITABLE",
    "AGREEMENT_FIELDS",
    "AGREEMENT_OWN_FIELDS",
    "ALERT_KINDS",
    "Alert",
    "CHANNELS",
    "CONTACT_FIELDS",
    "ContactDue",
    "DEPTHS",
    "DRAFT",
    "ENDING_WARNING_DAYS",
    "ENTITY",
    "FORMALISATIONS",
    "HELD_BY_PARTNERSHIP",
    "MAX_RHYTHM_DAYS",
    "PARTNERSHIP_FIELDS",
    "PARTNERSHIP_SHEET",
    "PIPELINE_COLUMNS",
    "PartnershipsImporter",
    "PipelineColumn",
    "REVIEW_WARNING_DAYS",
    "SHOWN_FORMALISATIONS",
    "STAGES",
    "WRITTEN_FORMALISATIONS",
    "add_contact",
    "agreement_completeness",
    "agreement_field_label",
    "agreement_form",
    "agreement_people",
    "agreement_summary",
    "agreement_summary_frame",
    "agreement_summary_xlsx",
    "agreement_values",
    "alerts",
    "clean_partnership_values",
    "close_partnership",
    "contact_due_of",
    "contact_log",
    "create_partnership",
    "delete_contact",
    "delete_partnership",
    "formalisation_choices",
    "formalisation_of",
    "get_agreement",
    "get_partnership",
    "goals_of",
    "has_written_agreement",
    "import_partnerships",
    "last_contacts",
    "missing_agreement_fields",
    "next_contact_due",
    "organisations_of",
    "partnership_alerts",
    "partnerships_frame",
    "pipeline",
    "pipeline_column",
    "pipeline_counts",
    "reopen_partnership",
    "save_agreement",
    "set_goals",
    "set_organisations",
    "update_partnership",
]
