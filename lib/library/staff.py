"""Forbered organisationen!: staff roles and teams, competence self-assessments, and what hangs on one person.

Roles and teams
    Every staff member (``Person.is_staff``) has a ``staff_role`` (one of :data:`STAFF_ROLES`, or none
    yet) and a ``team``. Teams are free text; a team typed with other capitals or spaces than an
    existing one is stored in the existing spelling, so "børn og unge " joins "Børn og unge".
Competence self-assessment
    A staff member rates themselves 1-5 on the items of :data:`COMPETENCE_GROUPS` (our wording of the
    competences partnership work asks of the network lead, the partnership owners and all staff), on a
    date, with the development needs they see. An item may be left out (not rated). One assessment
    per person and day: saving again on the same day replaces that day's answers.
Team heat map
    Per team and item, the mean of the latest assessment of each team member who rated the item. A
    team where nobody has been assessed (or nobody rated an item) has no value there -- never zero.
Single-person dependencies (:func:`single_person_dependencies`)
    What the library would lose if one staff member left:

    ``"partnership"``
        a partnership under way (past the idea, not ended) they own, where no other staff member
        holds a tie with any of the partner organisations themselves: a relation with the organisation or an affiliation
        with it, a partnership of their own with it, or a logged contact in one of its partnerships.
        Colleagues who merely know someone working there do not carry the partnership.
    ``"organisation"``
        an organisation only they are tied to in any way: the ties above, or knowing (or holding a
        tie with) someone who works there (``lib.network.graph.staff_ties_by_organisation``).
    ``"contact"``
        a contact only they have, or hold, a relation with.

Services take a ``Session`` and never commit (the caller's ``db.write()`` is the transaction); a value
that cannot be stored raises :class:`lib.core.errors.ValidationFailed` before anything is changed, and
every change is logged with ``log_event``.

Examples
--------
>>> group_means({"communication": 4, "big_picture": 2, "openness": 5})
{'network_lead': 3.0, 'partnership_owner': None, 'all_staff': 5.0}
"""

from __future__ import annotations

from lib.db import STAFF_ROLES
from lib.library.staff_competences import (
    TeamHeatmap,
    clean_assessment_values,
    clean_scores,
    competence_history,
    delete_competence_assessment,
    development_needs,
    group_means,
    latest_assessments,
    record_competence_assessment,
    staff_frame,
    team_heatmap,
    update_competence_assessment,
)
from lib.library.staff_dependencies import (
    PARTNERSHIP_COLUMNS,
    RELATION_COLUMNS,
    Dependency,
    dependencies_of,
    dependency_counts,
    owned_partnerships,
    person_relations,
    single_person_dependencies,
)
from lib.library.staff_roles import (
    ASSESSMENT_FIELDS,
    COMPETENCE_GROUPS,
    COMPETENCE_ITEMS,
    DEPENDENCY_KINDS,
    ENTITY,
    ITEM_GROUP,
    NO_TEAM,
    SCORE_MAX,
    SCORE_MIN,
    STAFF_FIELDS,
    role_value,
    team_value,
    teams,
    update_staff,
)

__all__ = [
    "ASSESSMENT_FIELDS",
    "COMPETENCE_GROUPS",
    "COMPETENCE_ITEMS",
    "DEPENDENCY_KINDS",
    "Dependency",
    "ENTITY",
    "ITEM_GROUP",
    "NO_TEAM",
    "PARTNERSHIP_COLUMNS",
    "RELATION_COLUMNS",
    "SCORE_MAX",
    "SCORE_MIN",
    "STAFF_FIELDS",
    "STAFF_ROLES",
    "TeamHeatmap",
    "clean_assessment_values",
    "clean_scores",
    "competence_history",
    "delete_competence_assessment",
    "dependencies_of",
    "dependency_counts",
    "development_needs",
    "group_means",
    "latest_assessments",
    "owned_partnerships",
    "person_relations",
    "record_competence_assessment",
    "role_value",
    "single_person_dependencies",
    "staff_frame",
    "team_heatmap",
    "team_value",
    "teams",
    "update_competence_assessment",
    "update_staff",
]
