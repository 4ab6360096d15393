"""``python -m lib survey link|status``: evaluation by link (``lib.planning.evaluation_links``)."""

from __future__ import annotations

import argparse

from lib.cli.main import _database, _print_json
from lib.cli.parser import _lang
from lib.core.i18n import format_date, t


def cmd_survey_link(args: argparse.Namespace) -> int:
    """A new personal link to the round for ``--email`` (partner side unless ``--side library``)."""
    from lib.planning import evaluation_links as links

    lang = _lang(args)
    with _database(args).write() as session:
        round_id = links.round_of(session, args.round)
        made = links.link_for(
            session, round_id, email=args.email, side=args.side or "partner", lang=lang, actor=args.actor
        )
    if args.json:
        _print_json(
            {
                "round_id": round_id,
                "respondent_id": made.respondent_id,
                "person_id": made.person_id,
                "name": made.name,
                "email": made.email,
                "side": made.side,
                "url": made.url,
                "expires_on": made.expires_on.isoformat(),
                "created_person": made.created_person,
            }
        )
        return 0
    side = t(f"evaluations.side.{made.side}", lang)
    print(t("evaluation_links.cli.link", lang, name=made.name, side=side, date=format_date(made.expires_on, lang)))
    print(made.url)
    if made.created_person:
        print(t("evaluation_links.add.new_person", lang, email=made.email))
    return 0


def cmd_survey_status(args: argparse.Namespace) -> int:
    """The round's respondents and whether each has answered."""
    from lib.planning import evaluation_links as links

    lang = _lang(args)
    with _database(args).read() as session:
        round_id = links.round_of(session, args.round)
        frame = links.respondents_frame(session, round_id)
    rows = [
        {
            "respondent_id": int(r.respondent_id),
            "person_id": int(r.person_id),
            "name": r.name,
            "email": r.email,
            "side": r.side,
            "state": r.state,
            "answered": r.state == "answered",
            "answered_at": r.answered_at.isoformat() if r.state == "answered" else None,
            "expires_at": r.expires_at.isoformat() if r.expires_at is not None else None,
        }
        for r in frame.astype(object).itertuples()
    ]
    answered = sum(row["answered"] for row in rows)
    if args.json:
        _print_json({"round_id": round_id, "answered": answered, "respondents": rows})
        return 0
    print(t("evaluation_links.cli.status", lang, round=round_id, answered=answered, total=len(rows)))
    for row in rows:
        state = t(f"evaluation_links.state.{row['state']}", lang)
        side = t(f"evaluations.side.{row['side']}", lang)
        print(f"  {row['name']} <{row['email'] or ''}> · {side} · {state}")
    return 0
