"""Alerts on partnerships, the overview table and the one-page agreement summary (also as Excel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.i18n import Quote, format_percent, label, quoted, t
from lib.core.spreadsheets import xlsx_bytes
from lib.db import (
    Agreement,
    Partnership,
    Person,
)
from lib.planning.partnership_agreements import (
    _is_filled,
    agreement_completeness,
    agreement_field_label,
    agreement_values,
    formalisation_of,
    get_agreement,
    has_written_agreement,
)
from lib.planning.partnership_contacts import contact_due_of, last_contacts
from lib.planning.partnership_editing import _staff_names, get_partnership, goals_of, organisations_of, pipeline_column
from lib.planning.partnership_fields import (
    _SEVERITY,
    ACTIVE_STAGES,
    AGREEMENT_FIELDS,
    ALERT_KINDS,
    ENDING_WARNING_DAYS,
    REVIEW_WARNING_DAYS,
)


@dataclass(frozen=True)
class Alert:
    """Something about a partnership that needs attention. ``days`` is until ``date`` (negative: since)."""

    partnership_id: int
    title: str
    kind: str
    severity: str
    date: dt.date | None
    days: int | None

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        """The alert in ``lang``; ``quote`` marks up the partnership's title."""

        return t(
            f"partnerships.alert.{self.kind}",
            lang,
            **quoted(
                {"title": self.title, "date": self.date, "days": abs(self.days) if self.days is not None else ""}, quote
            ),
        )


@requires("view_board")
def alerts(session: Session, today: dt.date | None = None) -> list[Alert]:
    """Every alert of the partnerships that have not ended, most serious first (rules in the module notes)."""
    today = today or dt.date.today()
    agreements = {a.partnership_id: a for a in session.scalars(select(Agreement))}
    last = last_contacts(session)
    found: list[Alert] = []
    for p in session.scalars(select(Partnership).where(Partnership.closed.is_(False)).order_by(Partnership.id)):
        found.extend(partnership_alerts(p, agreements.get(p.id), last.get(p.id), today))
    order = {kind: index for index, kind in enumerate(ALERT_KINDS)}
    return sorted(found, key=lambda a: (a.severity != "high", a.date or dt.date.max, order[a.kind], a.title))


def partnership_alerts(
    p: Partnership, agreement: Agreement | None, last_contact: dt.date | None, today: dt.date
) -> list[Alert]:
    """The alerts of one partnership on ``today``."""
    if p.closed:
        return []

    def alert(kind: str, date: dt.date | None) -> Alert:
        return Alert(p.id, p.title, kind, _SEVERITY[kind], date, (date - today).days if date else None)

    found: list[Alert] = []
    review = agreement.review_date if agreement else None
    if review is not None:
        if review < today:
            found.append(alert("review_overdue", review))
        elif (review - today).days <= REVIEW_WARNING_DAYS:
            found.append(alert("review_soon", review))
    end = p.end_date  # the agreement's end date is the partnership's
    if end is not None:
        if end < today:
            found.append(alert("end_passed", end))
        elif (end - today).days <= ENDING_WARNING_DAYS:
            found.append(alert("ending_soon", end))
    if p.stage in ACTIVE_STAGES and not has_written_agreement(p, agreement):
        found.append(alert("no_written_agreement", None))
    if p.stage != "idea":
        due = contact_due_of(p, last_contact, today)
        if due.overdue:
            found.append(alert("contact_overdue", due.due))
    return found


@requires("view_contacts")
def partnerships_frame(session: Session, today: dt.date | None = None) -> pd.DataFrame:
    """One row per partnership for the list page.

    Columns: ``id``, ``title``, ``owner_id``, ``owner``, ``organisations`` ("; "-joined), ``goals``
    (number served), ``stage``, ``column`` (pipeline column), ``closed``, ``ended_on``, ``depth``,
    ``formalisation`` (as shown, :func:`formalisation_of`), ``start_date``, ``end_date``,
    ``agreement_completeness`` (0-1),
    ``written_agreement``, ``review_date``, ``last_contact``, ``next_contact``, ``contact_overdue``,
    ``days_overdue``, ``alerts`` (number).
    """
    today = today or dt.date.today()
    owners = _staff_names(session)
    orgs = organisations_of(session)
    goals = goals_of(session)
    agreements = {a.partnership_id: a for a in session.scalars(select(Agreement))}
    last = last_contacts(session)
    rows = []
    for p in session.scalars(select(Partnership).order_by(Partnership.title, Partnership.id)):
        agreement = agreements.get(p.id)
        due = contact_due_of(p, last.get(p.id), today)
        rows.append(
            {
                "id": p.id,
                "title": p.title,
                "owner_id": p.owner_id,
                "owner": owners.get(p.owner_id),
                "organisations": "; ".join(name for _, name in orgs[p.id]),
                "goals": len(goals[p.id]),
                "stage": p.stage,
                "column": pipeline_column(p),
                "closed": p.closed,
                "ended_on": p.ended_on,
                "depth": p.depth,
                "formalisation": formalisation_of(p, agreement),
                "start_date": p.start_date,
                "end_date": p.end_date,
                "agreement_completeness": agreement_completeness(agreement, p),
                "written_agreement": has_written_agreement(p, agreement),
                "review_date": agreement.review_date if agreement else None,
                "last_contact": last.get(p.id),
                "next_contact": due.due,
                "contact_overdue": due.overdue and not p.closed and p.stage != "idea",
                "days_overdue": due.days_overdue,
                "alerts": len(partnership_alerts(p, agreement, last.get(p.id), today)),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "id",
            "title",
            "owner_id",
            "owner",
            "organisations",
            "goals",
            "stage",
            "column",
            "closed",
            "ended_on",
            "depth",
            "formalisation",
            "start_date",
            "end_date",
            "agreement_completeness",
            "written_agreement",
            "review_date",
            "last_contact",
            "next_contact",
            "contact_overdue",
            "days_overdue",
            "alerts",
        ],
    )


@requires("view_contacts")
def agreement_summary(session: Session, partnership_id: int, lang: str = "da") -> dict[str, Any]:
    """The one-page summary of a partnership's agreement, as plain data (labels in ``lang``).

    Returns
    -------
    dict
        ``partnership_id``, ``title``, ``owner``, ``organisations`` (names), ``goals`` (titles),
        ``stage``/``depth``/``formalisation`` (codes; the formalisation as shown, :func:`formalisation_of`)
        with ``*_label`` texts, ``closed``,
        ``fields``: ``[{"field", "label", "value", "filled"}]`` in :data:`AGREEMENT_FIELDS` order,
        ``completeness`` (0-1), ``missing`` (labels), ``signed_on``, ``document_ref``,
        ``written_agreement`` (bool).
    """

    p = get_partnership(session, partnership_id)
    agreement = get_agreement(session, partnership_id)
    values = agreement_values(p, agreement) or {}
    owner = session.get(Person, p.owner_id) if p.owner_id else None
    formalisation = formalisation_of(p, agreement)
    fields = [
        {
            "field": name,
            "label": agreement_field_label(name, lang),
            "value": values.get(name),
            "filled": bool(agreement) and _is_filled(values.get(name)),
        }
        for name in AGREEMENT_FIELDS
    ]
    return {
        "partnership_id": p.id,
        "title": p.title,
        "owner": owner.name if owner else None,
        "organisations": [name for _, name in organisations_of(session, [p.id])[p.id]],
        "goals": [title for _, title in goals_of(session, [p.id])[p.id]],
        "stage": p.stage,
        "stage_label": label("partnerships.stage", p.stage, lang),
        "depth": p.depth,
        "depth_label": label("partnerships.depth", p.depth, lang),
        "formalisation": formalisation,
        "formalisation_label": label("partnerships.formalisation", formalisation, lang),
        "closed": p.closed,
        "fields": fields,
        "completeness": agreement_completeness(agreement, p),
        "missing": [f["label"] for f in fields if not f["filled"]],
        "signed_on": agreement.signed_on if agreement else None,
        "document_ref": agreement.document_ref if agreement else None,
        "written_agreement": has_written_agreement(p, agreement),
    }


def agreement_summary_frame(summary: Mapping[str, Any], lang: str = "da") -> pd.DataFrame:
    """The summary as a two-column table (what, contents), the layout of the download."""

    rows: list[tuple[str, Any]] = [
        (t("partnerships.summary.partnership", lang), summary["title"]),
        (t("partnerships.summary.partners", lang), "; ".join(summary["organisations"])),
        (t("partnerships.summary.owner", lang), summary["owner"]),
        (t("partnerships.summary.stage", lang), summary["stage_label"]),
        (t("partnerships.summary.depth", lang), summary["depth_label"]),
        (t("partnerships.summary.formalisation", lang), summary["formalisation_label"]),
        (t("agreement.summary.written", lang), t("common.yes" if summary["written_agreement"] else "common.no", lang)),
        (t("partnerships.summary.goals", lang), "; ".join(summary["goals"])),
        *((f["label"], f["value"]) for f in summary["fields"]),
        (t("partnerships.summary.signed_on", lang), summary["signed_on"]),
        (t("partnerships.summary.document", lang), summary["document_ref"]),
        (t("partnerships.summary.completeness", lang), format_percent(round(summary["completeness"] * 100), lang)),
    ]
    return pd.DataFrame(
        rows, columns=[t("partnerships.summary.what", lang), t("partnerships.summary.contents", lang)], dtype=object
    )


@requires("view_contacts")
def agreement_people(session: Session, partnership_id: int) -> int:
    """How many people the agreement summary names: the owner, and each name in the contact persons
    field (written as the library writes it: one per line, or separated by "," ";" "og" "and")."""
    import re

    p = get_partnership(session, partnership_id)
    agreement = get_agreement(session, partnership_id)
    text = (agreement.contact_persons if agreement is not None else None) or ""
    names = [part for part in re.split(r"[,;\n]|\bog\b|\band\b", text) if part.strip()]
    return (1 if p.owner_id else 0) + len(names)


@requires("view_contacts")
def agreement_summary_xlsx(session: Session, partnership_id: int, lang: str = "da") -> bytes:
    """The one-page agreement summary as an Excel file (``lib.core.spreadsheets.xlsx_bytes``: formula-safe)."""

    summary = agreement_summary(session, partnership_id, lang)
    return xlsx_bytes({t("partnerships.summary.sheet", lang): agreement_summary_frame(summary, lang)})
