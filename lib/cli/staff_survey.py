"""``python -m lib survey staff-links``: the staff network survey "Hvem kender du?"
(``lib.planning.staff_survey``)."""

from __future__ import annotations

import argparse

from lib.cli.main import _database, _print_json
from lib.cli.parser import _lang
from lib.core.i18n import format_date, t


def cmd_survey_staff_links(args: argparse.Namespace) -> int:
    """A new survey with a personal link for each staff member (or those of ``--staff``)."""
    from lib.planning import staff_survey as survey

    lang = _lang(args)
    db = _database(args)
    with db.write() as session:
        staff_ids = survey.staff_by_email(session, args.staff) if args.staff else None
        survey_id, made = survey.start_survey(session, staff_ids, closes_on=args.closes_on, lang=lang, actor=args.actor)
    answered, invited = survey.answer_count(db) or (0, 0)
    if args.json:
        _print_json(
            {
                "survey_id": survey_id,
                "answered": answered,
                "invited": invited,
                "links": [
                    {
                        "person_id": link.person_id,
                        "name": link.name,
                        "email": link.email,
                        "url": link.url,
                        "expires_on": link.expires_on.isoformat(),
                    }
                    for link in made
                ],
            }
        )
        return 0
    print(t("staff_survey.count", lang, answered=answered, invited=invited))
    for link in made:
        print(t("staff_survey.cli.link", lang, name=link.name, date=format_date(link.expires_on, lang)))
        print(f"  {link.url}")
    return 0
