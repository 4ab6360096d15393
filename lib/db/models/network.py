"""Where each node of the network graph was drawn."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from lib.db.base import Base, utcnow


class NodePosition(Base):
    """Where a node of the network graph was drawn, so the picture stays still between visits.

    ``node_key`` is the graph's node id ("L", "P12", "O7"); ``view`` names the drawing ("whole",
    "organisations" …). Rows of nodes that have since disappeared are kept on purpose: a contact who
    is filtered out, or removed and imported again, comes back where it was.
    """

    __tablename__ = "node_positions"
    __table_args__ = (Index("ux_node_positions_view_node_key", "view", "node_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    view: Mapped[str] = mapped_column(String(100))
    node_key: Mapped[str] = mapped_column(String(100))
    x: Mapped[float] = mapped_column()
    y: Mapped[float] = mapped_column()
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
