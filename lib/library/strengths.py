"""The library's strengths profile ("Vis, hvem du er!"): what each team can offer partners.

An offer (:class:`lib.db.StrengthOffer`) belongs to a team, has one of the seven categories of
:data:`lib.db.OFFER_CATEGORIES`, a title and a description, a contact person (a staff member),
the organisation types it speaks to (codes of :data:`lib.core.vocabulary.ORGANISATION_TYPES`) and the
day someone last confirmed that it still holds (``updated_on``).

Confirming
    creating an offer, saving a change to it and marking it "still true" all set ``updated_on`` to
    today: each means that someone has just looked at it.
Stale
    an offer not confirmed for more than twelve months: ``updated_on`` lies before the same day one
    year before ``today`` (29 February counts back to 28 February).
Freshness
    :func:`profile_freshness` is the share (0-1) of offers that are not stale, None without offers;
    the checklist radar uses it as evidence for "Vis, hvem du er!".
Teams
    the teams of staff members (``Person.team``) together with the teams typed on offers. A team
    typed in another case or spacing than a known one is stored in the known spelling.
The flyer
    :func:`flyer_pdf` draws the profile on one A4 page in the library's name (see :func:`flyer`).

Services take a ``Session`` and never commit; a value that cannot be stored raises
:class:`lib.core.errors.ValidationFailed` with the ``field`` it concerns, and nothing is stored.

Examples
--------
>>> import datetime as dt
>>> is_stale(dt.date(2025, 3, 1), today=dt.date(2026, 3, 1))
False
>>> is_stale(dt.date(2025, 2, 28), today=dt.date(2026, 3, 1))
True
"""

from __future__ import annotations

from lib.library.strengths_flyer import (
    ACCENT,
    COLUMN_GAP,
    FLYER_STEPS,
    FOOTER_SPACE,
    INK,
    LIBRARY_NAME_MAX,
    LOGO_BOX,
    MARGIN,
    MUTED,
    Flyer,
    FlyerDetail,
    FlyerOffer,
    Letterhead,
    flyer,
    flyer_offers,
    flyer_pdf,
    flyer_people,
)
from lib.library.strengths_offers import (
    ENTITY,
    OFFER_COLUMNS,
    OFFER_FIELDS,
    STALE_MONTHS,
    clean_offer_values,
    confirm_offer,
    contact_text,
    create_offer,
    delete_offer,
    is_stale,
    offers_frame,
    partner_type_matrix,
    profile_freshness,
    stale_before,
    teams,
    update_offer,
)

__all__ = [
    "ACCENT",
    "COLUMN_GAP",
    "ENTITY",
    "FLYER_STEPS",
    "FOOTER_SPACE",
    "Flyer",
    "FlyerDetail",
    "FlyerOffer",
    "INK",
    "LIBRARY_NAME_MAX",
    "LOGO_BOX",
    "Letterhead",
    "MARGIN",
    "MUTED",
    "OFFER_COLUMNS",
    "OFFER_FIELDS",
    "STALE_MONTHS",
    "clean_offer_values",
    "confirm_offer",
    "contact_text",
    "create_offer",
    "delete_offer",
    "flyer",
    "flyer_offers",
    "flyer_pdf",
    "flyer_people",
    "is_stale",
    "offers_frame",
    "partner_type_matrix",
    "profile_freshness",
    "stale_before",
    "teams",
    "update_offer",
]
