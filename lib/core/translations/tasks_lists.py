"""Texts of the task page's long lists (issue 16: a big workspace's tens of thousands of ties going cold)."""

from __future__ import annotations

TEXTS = {
    "tasks.more_everyone": {
        "da": "Viser de første {shown} af {total}. Vælg en medarbejder ovenfor for kun at se vedkommendes opgaver.",
        "en": "Showing the first {shown} of {total}. Choose a staff member above to see only their tasks.",
    },
}
