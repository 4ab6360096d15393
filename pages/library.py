"""Biblioteket: who the library is (name, description, address, e-mail, phone, logo, time zone) and
who works there (staff, teams, roles). The same set-up an empty workspace opens with, editable later.

Widgets only: the pieces are in ``components.setup_views``, the logic in ``lib.library.setup``.
"""

from __future__ import annotations

from components import setup_views as views
from components.context import require_page

require_page("edit")
views.library_page()
