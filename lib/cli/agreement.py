"""``python -m lib agreement export``: a partnership's agreement as a Word document or a PDF to sign.

    python -m lib agreement export PARTNERSHIP_ID --format docx|pdf OUT [--json] [--lang da|en] [--db URL]

The document names people (the contact persons), so writing it is recorded in the event log (kind
``agreement_document``), in the same transaction: a file that could not be written leaves no record.
An unknown partnership is refused with one line and exit status 2. ``lib.cli.parser`` defines the options.
"""

from __future__ import annotations

import argparse
import json

from lib.cli.files import write_logged_file
from lib.cli.parser import _lang
from lib.core.i18n import t


def cmd_agreement_export(args: argparse.Namespace) -> int:
    """Write the agreement of ``args.partnership`` to ``args.out``; returns the exit status (0, or 2 for a
    file that cannot be written; an unknown partnership raises ``ValidationFailed``, which ``main`` shows)."""
    from lib.db import open_database
    from lib.planning.agreement_documents import agreement_file
    from lib.planning.partnerships import agreement_people
    from lib.workspace.events import log_export

    lang = _lang(args)
    db = open_database(args.db, cached=False)
    try:
        with db.write() as session:
            data = agreement_file(session, args.partnership, args.format, lang)
            log_export(
                session,
                "agreement_document",
                people=agreement_people(session, args.partnership),
                actor=args.actor,
                entity="partnership",
                entity_id=args.partnership,
                partnership=args.partnership,
                format=args.format,
            )
            if not write_logged_file(session, args.out, data, lang):
                return 2
    finally:
        db.dispose()
    if args.json:
        shown = {"partnership_id": args.partnership, "format": args.format, "path": str(args.out), "bytes": len(data)}
        print(json.dumps(shown, ensure_ascii=False))
    else:
        print(t("agreement_document.cli.written", lang, partnership=args.partnership, out=args.out))
    return 0
