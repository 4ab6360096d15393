"""Pseudonymisation rules of the board pack: roles instead of names, no group smaller than five.

A board report is read by people who do not need to know who holds which tie, so by default

* no person's name, e-mail or phone number appears: a person is shown by their role in
  partnership work (:func:`role_label`, e.g. "Partnerskabsansvarlig");
* a count of people below :data:`lib.reporting.boardpack.model.MIN_GROUP` is shown as
  :data:`lib.reporting.boardpack.model.SMALL_GROUP` ("< 5"), zero included, so that a reader cannot tell a
  group of one from a group of four (:func:`people_count`);
* a breakdown of people by group (team) merges every group under five into one "Other" group, and
  keeps merging the smallest remaining group into it until "Other" has five or more (or holds
  everyone): otherwise the total minus the groups shown would give the small group away
  (:func:`merge_small_groups`);
* free-text fields (notes, reflections, risks, development needs) are never read, because they can
  hold names.

``pseudonymise=False`` lifts the first three rules, for internal use only; it is never the default.
"""

from __future__ import annotations

from collections.abc import Mapping

from lib.core.i18n import t
from lib.reporting.boardpack.model import MIN_GROUP, SMALL_GROUP

#: The role a partnership owner is shown by when their staff role is not recorded.
DEFAULT_OWNER_ROLE = "partnership_owner"


def people_count(count: int, pseudonymise: bool = True) -> int | str:
    """``count`` people as shown: the number, or "< 5" when pseudonymised and below five."""
    if pseudonymise and count < MIN_GROUP:
        return SMALL_GROUP
    return int(count)


def merge_small_groups(counts: Mapping[str, int], other: str, pseudonymise: bool = True) -> list[tuple[str, int | str]]:
    """People per group, largest first, with groups under five merged into ``other``.

    Parameters
    ----------
    counts : mapping
        ``{group name: number of people}``; groups with no one are left out.
    other : str
        The name of the merged group ("Øvrige" / "Other"), listed last.
    pseudonymise : bool
        False returns every group as it is.

    Returns
    -------
    list of (name, count)
        A count is a number, or "< 5" for an ``other`` group that holds everyone and is still small.

    Examples
    --------
    >>> merge_small_groups({"Børn": 6, "Voksne": 7, "Lokalhistorie": 2}, "Øvrige")
    [('Voksne', 7), ('Øvrige', 8)]
    """
    ranked = sorted(((name, n) for name, n in counts.items() if n > 0), key=lambda item: (-item[1], item[0]))
    if not pseudonymise:
        return list(ranked)
    shown = [(name, n) for name, n in ranked if n >= MIN_GROUP]
    merged = sum(n for _, n in ranked if n < MIN_GROUP)
    while 0 < merged < MIN_GROUP and shown:
        _, smallest = shown.pop()
        merged += smallest
    result: list[tuple[str, int | str]] = list(shown)
    if merged:
        result.append((other, people_count(merged)))
    return result


def role_label(staff_role: str | None, lang: str = "da") -> str:
    """A staff member as a role: "Netværksansvarlig", "Partnerskabsansvarlig" or "Medarbejder"."""
    return t(f"board.role.{staff_role or DEFAULT_OWNER_ROLE}", lang)
