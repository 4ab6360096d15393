"""What a partnership and its agreement consist of: stages, depths, agreement fields, alert kinds and warning days."""

from __future__ import annotations

from lib.db import (
    CONTACT_CHANNELS,
    PARTNERSHIP_DEPTHS,
    PARTNERSHIP_STAGES,
)

STAGES = PARTNERSHIP_STAGES

DEPTHS = PARTNERSHIP_DEPTHS

CHANNELS = CONTACT_CHANNELS

#: Stages in which a partnership is running and should rest on a written agreement.
ACTIVE_STAGES = ("managing_maintaining", "reviewing_revising")

#: The columns of the pipeline: the stages, then the partnerships that have ended.
PIPELINE_COLUMNS = (*STAGES, "ended")

#: The contents of a written collaboration agreement; completeness is the share filled in.
AGREEMENT_FIELDS = (
    "parties",
    "purpose",
    "target_group",
    "contributions_library",
    "contributions_partner",
    "roles",
    "contact_persons",
    "communication",
    "start_date",
    "end_date",
    "review_date",
    "economy",
    "rights_branding",
    "evaluation_method",
    "termination",
)

AGREEMENT_DATE_FIELDS = ("start_date", "end_date", "review_date", "signed_on")

AGREEMENT_EDITABLE = (*AGREEMENT_FIELDS, "signed_on", "document_ref")

#: The agreement's contents that the partnership holds: ``{agreement field: partnership field}``.
HELD_BY_PARTNERSHIP = {
    "start_date": "start_date",
    "end_date": "end_date",
    "contributions_library": "library_resources",
    "contributions_partner": "partner_resources",
}

#: The agreement's contents stored on the agreement itself.
AGREEMENT_OWN_FIELDS = tuple(name for name in AGREEMENT_EDITABLE if name not in HELD_BY_PARTNERSHIP)

#: The formalisations that are a written agreement once it is signed.
WRITTEN_FORMALISATIONS = ("written", "contract")

#: Shown (never stored) for a "written" or "contract" mark without a signed agreement on record.
DRAFT = "draft"

#: Every formalisation a page or the board pack can show, from the loosest to the firmest.
SHOWN_FORMALISATIONS = ("informal", "oral", DRAFT, "written", "contract")

REVIEW_WARNING_DAYS = 30

ENDING_WARNING_DAYS = 60

MAX_RHYTHM_DAYS = 730

ALERT_KINDS = ("review_overdue", "end_passed", "no_written_agreement", "contact_overdue", "review_soon", "ending_soon")

_SEVERITY = {
    "review_overdue": "high",
    "end_passed": "high",
    "no_written_agreement": "high",
    "contact_overdue": "medium",
    "review_soon": "medium",
    "ending_soon": "medium",
}

PARTNERSHIP_FIELDS = (
    "title",
    "owner_id",
    "stage",
    "closed",
    "ended_on",
    "depth",
    "formalisation",
    "start_date",
    "end_date",
    "library_resources",
    "partner_resources",
    "contact_rhythm_days",
    "notes",
)

CONTACT_FIELDS = ("contacted_on", "staff_id", "channel", "note")

ENTITY = "partnership"
