"""Personal data: erasure markers and what the erasure ledger keeps beside the schema."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from lib.db.base import Base, utcnow

# --- personal data (schema 0006) -------------------------------------------------------------------


#: The erasure ledger's tables (:mod:`lib.privacy.erasure_ledger`): no part of the schema Alembic keeps,
#: left out of migrations and PostgreSQL dumps.
LEDGER_TABLES = ("erasure_ledger", "erasure_ledger_keys")


class ErasureMarker(Base):
    """A trace of a person erased on request (GDPR): a one-way hash of one e-mail they had.

    ``email_hash`` is an HMAC-SHA256 of the e-mail under a random key of the workspace (see
    ``lib.privacy.personal_data``), so the e-mail cannot be read back, yet an import can recognise it and
    skip the row instead of bringing the person back.
    """

    __tablename__ = "erasure_markers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_hash: Mapped[str] = mapped_column(String(64), unique=True)
    erased_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
