"""``python -m lib route NAME``: Find vejen ind -- the best introduction paths to an organisation or person.

``route NAME [--json] [--limit N] [--db URL] [--lang en]`` finds NAME among the organisations and
contacts (case and accents folded; an exact name first, else every name containing it) and prints the
way in from each staff member (``lib.network.way_in``): as Danish (or English) sentences, or with
``--json`` as ``{"target": ..., "paths": [{"steps": [{"name", "kind", "tie": {"strength",
"last_contact"}}], "score", ...}], "nearest": [...], "text": [...]}``.

Exit codes: 0 found (with or without a path), 1 no such name, 2 ambiguous (the candidates are listed).
"""

from __future__ import annotations

import argparse
import json
import sys

from lib.cli.parser import _lang
from lib.core.i18n import t

#: Candidates listed for an ambiguous name.
CANDIDATES_SHOWN = 20


def cmd_route(args: argparse.Namespace) -> int:
    """Print the way in to the organisation or person named ``args.name``."""
    from lib.db import open_database
    from lib.network.way_in import answer_json, answer_sentences, find_targets, target_lines, way_in_for
    from lib.workspace import clock

    lang = _lang(args)
    db = open_database(args.db, cached=False)
    try:
        with db.read() as session:
            today = clock.today(clock.workspace_timezone(session))
            targets = find_targets(session, args.name, today=today)
            if len(targets) == 1:
                answer = way_in_for(session, targets[0].node, today=today, limit=args.limit)
    finally:
        db.dispose()
    if not targets:
        print(t("wayin.cli.unknown", lang, name=args.name), file=sys.stderr)
        return 1
    if len(targets) > 1:
        print(t("wayin.cli.ambiguous", lang, name=args.name, count=len(targets)), file=sys.stderr)
        for line in target_lines(targets[:CANDIDATES_SHOWN], lang):
            print(f"  {line}", file=sys.stderr)
        if len(targets) > CANDIDATES_SHOWN:
            print(f"  {t('network.reason.and_more', lang, count=len(targets) - CANDIDATES_SHOWN)}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(answer_json(answer, today, lang), ensure_ascii=False, indent=2))
        return 0
    print(t("wayin.cli.heading", lang, name=answer.name))
    for number, sentence in enumerate(answer_sentences(answer, today, lang), start=1):
        print(f"{number}. {sentence}" if answer.paths else sentence)
    return 0
