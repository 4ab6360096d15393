"""``python -m lib``: the main jobs on the command line, for scripting and black-box tests.

Every command takes ``--db URL``; without it the ``DATABASE_URL`` setting is used, else the local
SQLite file. Messages are in Danish unless ``--lang en`` is given (or ``PARTNERSKABSRADAR_LANG=en``).

This module holds the handlers of most commands; their arguments and the dispatch are in
``lib.cli.parser``, which imports a handler's module only when its command runs. A handler imports
what it needs inside the function, so that one command does not pay for another's libraries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from lib.cli.parser import _lang, build_parser, main
from lib.cli.progress import terminal_progress
from lib.core.errors import UserFacingError
from lib.core.i18n import t

__all__ = ["build_parser", "main"]  # the parser and the dispatch live in lib.cli.parser (imported cheaply)


def _database(args: argparse.Namespace) -> Any:
    from lib.db import open_database

    return open_database(args.db, cached=False)


def _print_json(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))


# --- import ----------------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from lib.ingest.safe_read import read_in_background

    lang = _lang(args)
    files = []
    for path_text in args.files:
        path = Path(path_text)
        try:
            data = path.read_bytes()
        except OSError:
            print(t("cli.file_not_found", lang, file=path_text), file=sys.stderr)
            return 2
        files.append((path, data))
    # The files are read (in the parse child, on the other core) while the import's modules load and
    # the workspace opens: the two used to take turns.
    readings = [read_in_background(path.name, data) for path, data in files]

    from lib.ingest.contact_lists import prepare_file, run_import

    words = _word_choices(args, lang)
    if words is None:
        return 2
    db = _database(args)
    prepared = []
    for (path, data), reading in zip(files, readings, strict=True):
        with terminal_progress(args, lang) as progress:
            prepared_file = prepare_file(db, path.name, data, progress=progress, reading=reading)
        if prepared_file.error is not None:
            print(f"{path.name}: {prepared_file.error.message(lang)}", file=sys.stderr)
            return 2
        for key, params in prepared_file.notices:
            if not args.json:
                print(f"{path.name}: {t(key, lang, **params)}")
        for sheet in prepared_file.sheets:
            sheet.create_referenced = not args.no_create_referenced
            sheet.update_mode = args.update
        prepared.extend(prepared_file.sheets)
    if not any(sheet.include for sheet in prepared):
        print(t("cli.nothing_to_import", lang), file=sys.stderr)
        return 2
    with terminal_progress(args, lang) as progress:
        result = run_import(db, prepared, commit=not args.dry_run, actor=args.actor, words=words, progress=progress)
    if args.json:
        _print_json(result.to_json(lang))
    else:
        _print_import_summary(result, lang, dry_run=args.dry_run)
    return 0


def _print_import_summary(result: Any, lang: str, *, dry_run: bool) -> None:
    counts = result.counts
    print(t("cli.import_dry_run" if dry_run else "cli.import_done", lang))
    print(t("cli.import_counts", lang, **counts))
    print(t("cli.import_entities", lang, **result.entities))
    print(t("cli.import_created", lang, **result.created))
    if any(result.referenced_counts.values()):
        print(t("cli.import_referenced", lang, **result.referenced_counts))
    if result.changes:
        print(t("cli.import_changes", lang, count=len(result.changes)))
    if result.batch_id is not None:
        print(t("cli.import_batch", lang, batch=result.batch_id))
    for problem in result.problems[:200]:
        print(
            f"  {problem.sheet_name} {t('import.col.row', lang).lower()} {problem.row} "
            f"[{problem.column}]: {problem.message(lang)}"
        )
    if len(result.problems) > 200:
        print(t("cli.more_problems", lang, count=len(result.problems) - 200))
    _print_unknown_words(result, lang)


#: The options that choose a code for a word no built-in word fits, by vocabulary.
WORD_OPTIONS = {"org_type": "map_type", "sector": "map_sector", "relation_kind": "map_kind"}


def _word_choices(args: argparse.Namespace, lang: str) -> dict[str, dict[str, str]] | None:
    """``--map-type WORD=CODE`` (and ``--map-sector``, ``--map-kind``) as choices for ``run_import``;
    CODE may be the code or any word the vocabulary knows for it ("borgergruppe"). None (after a
    message) when one cannot be read."""
    from lib.core.vocabulary import CODES, code_for

    choices: dict[str, dict[str, str]] = {}
    for name, option in WORD_OPTIONS.items():
        for given in getattr(args, option, None) or []:
            word, separator, code_text = given.rpartition("=")
            if not separator or not word.strip() or not code_text.strip():
                print(
                    t("vocab.cli.bad_mapping", lang, value=given, option="--" + option.replace("_", "-")),
                    file=sys.stderr,
                )
                return None
            code = code_for(name, code_text)
            if code is None:
                print(
                    t(f"vocab.cli.bad_code.{name}", lang, code=code_text.strip(), codes=", ".join(CODES[name])),
                    file=sys.stderr,
                )
                return None
            choices.setdefault(name, {})[word.strip()] = code
    return choices


def _print_unknown_words(result: Any, lang: str) -> None:
    """The words no code fits, once each with their rows, and how to choose a code for them."""
    from lib.contacts.word_choices import unknown

    for name, option in WORD_OPTIONS.items():
        open_words = unknown(result.unknown_words.get(name, []))
        if open_words:
            words = ", ".join(t("vocab.cli.word", lang, word=use.word, count=use.rows) for use in open_words)
            count = len(open_words)
            print(t(f"vocab.unknown.{name}", lang, count=count, words=words))
            print("  " + t(f"vocab.cli.hint.{name}", lang, option="--" + option.replace("_", "-")))


def cmd_undo(args: argparse.Namespace) -> int:
    from lib.ingest.contact_lists import undo_import

    restored = undo_import(_database(args), args.batch, actor=args.actor)
    if args.json:
        _print_json(restored)
    else:
        print(t("cli.undo_done", _lang(args), batch=args.batch))
    return 0


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def cmd_batches(args: argparse.Namespace) -> int:
    from lib.ingest.contact_lists import batch_counts, list_batches
    from lib.workspace.clock import to_local, workspace_timezone

    with _database(args).read() as session:
        tz = workspace_timezone(session)  # the workspace's time, with its offset: as the pages show it
        rows = [
            {
                "id": b.id,
                "created_at": _iso(to_local(b.created_at, tz)),
                "file": b.file_name,
                "status": b.status,
                **batch_counts(b),
            }
            for b in list_batches(session)
        ]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print(
                f"{row['id']:>5}  {row['created_at']}  {row['status']:<9}  {row['file']}  "
                f"rows={row['rows']} inserted={row['inserted']} updated={row['updated']}"
            )
    return 0


# --- export and demo -------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from lib.reporting.workspace_export import export_workspace

    counts = export_workspace(_database(args), args.format, Path(args.out), actor=args.actor)
    if args.json:
        _print_json(counts)
    else:
        print(t("cli.export_done", _lang(args), out=args.out))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from lib.demo.workspace import create_demo_workspace

    counts = create_demo_workspace(_database(args), if_empty=args.if_empty, scale=args.scale)
    if args.json:
        _print_json(counts)
    elif counts.get("created"):
        print(t("cli.demo_created", _lang(args), **counts))
    else:
        print(t("cli.demo_exists", _lang(args)))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from lib.db import schema_version

    db = _database(args)
    print(schema_version(db.engine))
    return 0


# --- backup and restore ----------------------------------------------------------------------------


def cmd_backup(args: argparse.Namespace) -> int:
    from lib.reporting.backup import backup

    with terminal_progress(args, _lang(args)) as progress:
        info = backup(args.db, Path(args.out), progress=progress)
    _log_backup(args, info)
    if args.json:
        _print_json(
            {"kind": info.kind, "schema_version": info.schema_version, "out": str(info.path), "bytes": info.size_bytes}
        )
    else:
        print(t("cli.backup_done", _lang(args), out=str(info.path), size=info.size_bytes, version=info.schema_version))
    return 0


def _log_backup(args: argparse.Namespace, info: Any) -> None:
    """A backup holds everyone: it is logged like any export (the event itself is not in that backup)."""
    from sqlalchemy import func, select

    from lib.db import Person
    from lib.workspace.events import log_export

    with _database(args).write() as session:
        people = session.scalar(select(func.count(Person.id))) or 0
        log_export(session, "backup", people=people, actor=args.actor, bytes=info.size_bytes)


def cmd_restore(args: argparse.Namespace) -> int:
    from lib.reporting.backup import restore

    lang = _lang(args)
    info = restore(args.db, Path(args.backup_file), actor=args.actor)
    if args.json:
        _print_json(
            {
                "kind": info.kind,
                "schema_version": info.schema_version,
                "restored": str(info.path),
                "erased_again": info.erased_again,
                "markers_restored": info.markers_restored,
            }
        )
    else:
        print(t("cli.restore_done", lang, file=str(info.path), version=info.schema_version))
        if info.markers_restored:
            print(t("erasure_ledger.cli.erased_again", lang, people=info.erased_again))
    _warn_if_not_cleared(info.files_cleared, lang)
    return 0


def _warn_if_not_cleared(files_cleared: bool | None, lang: str) -> None:
    """Say so when an erasure's data could not be cleared from the database's files yet."""
    if files_cleared is False:
        print(t("erasure_files.not_cleared", lang), file=sys.stderr)


# --- network ---------------------------------------------------------------------------------------

NETWORK_EXPORT_FORMATS = ("gexf", "graphml", "kumu")
TOP_BETWEENNESS = 10


def _network_payload(G: Any) -> dict[str, Any]:
    """The figures of the network and its ten highest betweenness values (see ``cmd_network``)."""
    from lib.network.metrics import network_figures, node_metrics

    figures = network_figures(G)
    metrics = node_metrics(G)
    top = metrics.sort_values(["betweenness", "label"], ascending=[False, True], kind="stable").head(TOP_BETWEENNESS)
    return {
        "as_of": G.graph.get("as_of"),
        "nodes": figures["nodes"],
        "edges": figures["edges"],
        "density": figures["density"],
        "components": figures["components"],
        "largest_component": figures["largest_component"],
        "average_path_length": figures["average_path_length"],
        "diameter": figures["diameter"],
        "path_sample": figures["path_sample"],
        "betweenness_sample": metrics.attrs.get("betweenness_sample"),
        "top_betweenness": [
            {"node": str(node), "name": str(row["label"]), "kind": str(row["kind"]), "value": float(row["betweenness"])}
            for node, row in top.iterrows()
        ],
    }


def _print_network(payload: dict[str, Any], lang: str) -> None:
    from lib.core.i18n import format_number

    def number(value: Any, decimals: int | None = None) -> str:
        return "–" if value is None else format_number(value, lang, decimals)

    as_of = payload["as_of"]
    print(t("cli.network_as_of", lang, date=as_of) if as_of else t("cli.network_today", lang))
    print(
        t(
            "cli.network_figures",
            lang,
            nodes=number(payload["nodes"]),
            edges=number(payload["edges"]),
            density="–" if payload["density"] is None else number(100 * payload["density"], 1) + " %",
            components=number(payload["components"]),
        )
    )
    print(
        t(
            "cli.network_paths",
            lang,
            largest=number(payload["largest_component"]),
            average=number(payload["average_path_length"], 2),
            diameter=number(payload["diameter"]),
        )
    )
    if payload["path_sample"] or payload["betweenness_sample"]:
        print(t("cli.network_sampled", lang, sample=payload["path_sample"] or payload["betweenness_sample"]))
    if payload["top_betweenness"]:
        print(t("cli.network_top", lang, count=len(payload["top_betweenness"])))
        for rank, row in enumerate(payload["top_betweenness"], start=1):
            print(f"  {rank:>2}. {row['name']}  {number(row['value'], 4)}")


def cmd_network(args: argparse.Namespace) -> int:
    from lib.core.normalize import parse_date
    from lib.network.graph import build_graph

    lang = _lang(args)
    as_of = None
    if args.as_of:
        try:
            as_of = parse_date(args.as_of)
        except UserFacingError as error:
            print(t("cli.network_bad_date", lang, value=args.as_of, problem=error.message(lang)), file=sys.stderr)
            return 2
    export_format = out = None
    if args.export:
        export_format, out = args.export
        if export_format not in NETWORK_EXPORT_FORMATS:
            print(
                t("cli.network_bad_format", lang, fmt=export_format, formats=", ".join(NETWORK_EXPORT_FORMATS)),
                file=sys.stderr,
            )
            return 2
    with _database(args).read() as session:
        G = build_graph(session, as_of)
    if export_format is not None and out is not None:
        return _export_network(G, export_format, Path(out), args, lang)
    payload = _network_payload(G)
    if args.json:
        _print_json(payload)
    else:
        _print_network(payload, lang)
    return 0


def _export_network(G: Any, export_format: str, out: Path, args: argparse.Namespace, lang: str) -> int:
    from lib.network import export as netexport

    details = bool(args.with_contact_details)
    if export_format == "gexf":
        data = netexport.gexf_bytes(G, include_contact_details=details)
    elif export_format == "graphml":
        data = netexport.graphml_bytes(G, include_contact_details=details)
    else:
        data = netexport.kumu_workbook(G, lang=lang, include_contact_details=details)
    try:
        out.write_bytes(data)
    except OSError:
        print(t("cli.network_cannot_write", lang, out=str(out)), file=sys.stderr)
        return 2
    from lib.workspace.events import log_export

    with _database(args).write() as session:
        log_export(
            session,
            "network",
            people=netexport.people_in(G),
            actor=args.actor,
            format=export_format,
            contact_details=details,
        )
    if args.json:
        _print_json(
            {"format": export_format, "out": str(out), "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
        )
    else:
        print(t("cli.network_exported", lang, out=str(out), nodes=G.number_of_nodes(), edges=G.number_of_edges()))
    return 0


# --- personal data ---------------------------------------------------------------------------------

#: The files ``person export`` writes, by ending.
PERSON_EXPORT_ENDINGS = (".json", ".xlsx")


def cmd_person_export(args: argparse.Namespace) -> int:
    """Write everything held about the person with an e-mail to OUT (.json or .xlsx); logged."""
    from lib.privacy.personal_data import find_person, person_export_json, person_export_xlsx

    lang = _lang(args)
    out = Path(args.out)
    if out.suffix.lower() not in PERSON_EXPORT_ENDINGS:
        print(t("personal_data.cli.bad_out", lang, out=args.out), file=sys.stderr)
        return 2
    with _database(args).write() as session:
        person = find_person(session, args.email)
        if person is None:
            print(t("personal_data.cli.not_found", lang, email=args.email), file=sys.stderr)
            return 2
        name = person.name
        if out.suffix.lower() == ".json":
            data = person_export_json(session, person.id, args.actor)
        else:
            data = person_export_xlsx(session, person.id, args.actor, lang)
        try:
            out.write_bytes(data)
        except OSError:
            # Raised, not returned: the transaction is rolled back, so no export is logged that did not happen.
            raise UserFacingError("personal_data.cli.cannot_write", out=args.out) from None
    if args.json:
        _print_json({"out": str(out), "bytes": len(data)})
    else:
        print(t("personal_data.cli.exported", lang, name=name, out=args.out))
    return 0


def _confirmed_erasure(args: argparse.Namespace, lang: str, name: str, email: str) -> bool | None:
    """True when the user typed the e-mail again; False when they did not; None when nobody can be asked."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        return None
    answer = input(t("personal_data.cli.confirm", lang, name=name, email=email))
    return answer.strip().lower() in {email.strip().lower(), args.email.strip().lower()}


def cmd_person_erase(args: argparse.Namespace) -> int:
    """Erase the person with an e-mail everywhere (GDPR), after a confirmation unless --yes."""
    from lib.privacy.personal_data import erase_person, find_person

    lang = _lang(args)
    db = _database(args)
    with db.read() as session:
        person = find_person(session, args.email)
        if person is None:
            print(t("personal_data.cli.not_found", lang, email=args.email), file=sys.stderr)
            return 2
        person_id, name, email = person.id, person.name, person.email or args.email
    confirmed = _confirmed_erasure(args, lang, name, email)
    if confirmed is None:
        print(t("personal_data.cli.needs_yes", lang), file=sys.stderr)
        return 2
    if not confirmed:
        print(t("personal_data.cli.not_confirmed", lang), file=sys.stderr)
        return 1
    with db.write() as session:
        report = erase_person(session, person_id, actor=args.actor)
    if args.json:
        _print_json(report.as_dict())
    else:
        print(
            t(
                "personal_data.cli.erased",
                lang,
                affiliations=report.affiliations,
                relations=report.relations,
                events=report.events_erased + report.rows_redacted,
            )
        )
    _warn_if_not_cleared(report.files_cleared, lang)
    return 0


# --- key figures -----------------------------------------------------------------------------------


def cmd_figures(args: argparse.Namespace) -> int:
    """Print every key figure (``lib.reporting.figures``) on a day: the board period's end, today by default."""
    from lib.cli.report import parse_cli_date
    from lib.reporting import figures
    from lib.workspace import clock

    lang = _lang(args)
    as_of = parse_cli_date(args.as_of)
    db = _database(args)
    try:
        with db.read() as session:
            today = clock.today(clock.workspace_timezone(session))
            day = min(as_of, today) if as_of else today
            found = figures.figures_json(session, day, lang, today=today)
    finally:
        db.dispose()
    if args.json:
        _print_json(found)
        return 0
    from lib.core.i18n import format_date

    print(t("figures.cli.heading", lang, date=format_date(day, lang)))
    for key, entry in found.items():
        print(f"{entry['label']}: {figures.shown(key, entry['value'], lang)}  ({key})")
    return 0
