"""The command line's parser and dispatch: ``python -m lib`` starts here (``lib/__main__.py``).

Building the parser imports nothing heavy (no pandas, numpy, networkx, sqlalchemy, plotly, openpyxl,
streamlit, no translation table, no domain module beyond a few constants), so ``--help`` and a mistyped
option answer at once. Each command names its handler as ``"module:function"``; :func:`main` imports
that module only for the command that runs, and the handler imports the rest of what it needs.
``tests/cli/test_cli_start.py`` checks both.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from lib.core.errors import UserFacingError
from lib.core.languages import DEFAULT_LANGUAGE, LANGUAGES
from lib.privacy.informing_codes import DEFAULT_HOW, HOW_CODES
from lib.reporting.board_formats import FORMATS, SECTIONS

Handler = Callable[[argparse.Namespace], int]


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or os.environ.get("PARTNERSKABSRADAR_LANG", DEFAULT_LANGUAGE)


def handler_of(spec: str) -> Handler:
    """The function a ``"module:function"`` names, importing its module."""
    module_name, _, name = spec.partition(":")
    handler: Handler = getattr(importlib.import_module(module_name), name)
    return handler


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="SQLAlchemy database URL (default: DATABASE_URL or the local SQLite file)")
    common.add_argument("--lang", choices=LANGUAGES, help="language of messages (da or en)")
    common.add_argument("--json", action="store_true", help="print the result as JSON")
    common.add_argument("--actor", help="who is acting, for the event log")

    parser = argparse.ArgumentParser(prog="python -m lib", description="Partnerskabsradar command line")
    commands = parser.add_subparsers(dest="command", required=True)

    importing = commands.add_parser("import", parents=[common], help="import contact lists")
    importing.add_argument("files", nargs="+", help=".xlsx, .xlsm, .xls, .csv or .txt files")
    importing.add_argument("--dry-run", action="store_true", help="show what would happen; store nothing")
    importing.add_argument(
        "--no-create-referenced",
        action="store_true",
        help="do not create the staff, people and organisations a file only names (in "
        "'Ansvarlig medarbejder', From/To …): refuse such rows with the reason",
    )
    importing.add_argument(
        "--update",
        choices=("fill-empty", "overwrite"),
        default="fill-empty",
        help="records that exist: fill only their empty fields (default), or let the file win",
    )
    importing.add_argument(
        "--map-type",
        action="append",
        metavar="WORD=CODE",
        help="the organisation type of a word the file uses (repeatable; remembered)",
    )
    importing.add_argument(
        "--map-sector",
        action="append",
        metavar="WORD=CODE",
        help="the sector of a word the file uses (repeatable; remembered)",
    )
    importing.add_argument(
        "--map-kind",
        action="append",
        metavar="WORD=CODE",
        help="the kind of relation of a word the file uses (repeatable; remembered)",
    )
    importing.set_defaults(handler="lib.cli.main:cmd_import")

    undo = commands.add_parser("undo", parents=[common], help="undo an import batch")
    undo.add_argument("batch", type=int)
    undo.set_defaults(handler="lib.cli.main:cmd_undo")

    batches = commands.add_parser("batches", parents=[common], help="list import batches")
    batches.set_defaults(handler="lib.cli.main:cmd_batches")

    export = commands.add_parser("export", parents=[common], help="export the whole workspace")
    export.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    export.add_argument("out", help="an .xlsx file, or a folder for csv")
    export.set_defaults(handler="lib.cli.main:cmd_export")

    demo = commands.add_parser("demo", parents=[common], help="create the demo workspace")
    demo.add_argument("--if-empty", action="store_true", help="only when the workspace is empty")
    demo.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="N people, and staff, organisations, relations and partnerships in proportion (at least 1000)",
    )
    demo.set_defaults(handler="lib.cli.main:cmd_demo")

    network = commands.add_parser(
        "network", parents=[common], help="print the network's figures, or export it for Gephi or Kumu"
    )
    network.add_argument("--as-of", metavar="DATE", help="the network as it stood on a date (dd-mm-yyyy or yyyy-mm-dd)")
    network.add_argument(
        "--export",
        nargs=2,
        metavar=("FORMAT", "OUT"),
        help="write the network to OUT as gexf, graphml or kumu (an .xlsx workbook)",
    )
    network.add_argument(
        "--with-contact-details",
        action="store_true",
        help="include e-mails and phone numbers in an export (left out by default)",
    )
    network.set_defaults(handler="lib.cli.main:cmd_network")

    backup = commands.add_parser(
        "backup", parents=[common], help="write a backup of the database (SQLite file copy or pg_dump archive)"
    )
    backup.add_argument("out", help="the backup file to write")
    backup.set_defaults(handler="lib.cli.main:cmd_backup")

    restore = commands.add_parser(
        "restore", parents=[common], help="replace the whole database with a backup made by 'backup'"
    )
    restore.add_argument("backup_file", metavar="IN", help="a backup file written by 'backup'")
    restore.set_defaults(handler="lib.cli.main:cmd_restore")

    _add_person_parsers(commands, common)
    _add_report_parser(commands, common)
    _add_calendar_parsers(commands, common)
    _add_survey_parsers(commands, common)
    _add_setup_parser(commands, common)
    _add_agreement_parser(commands, common)
    _add_handover_parser(commands, common)
    duplicates = commands.add_parser(
        "duplicates",
        parents=[common],
        help="list the pairs of people and of organisations that may be the same, and why (read-only)",
    )
    duplicates.set_defaults(handler="lib.cli.duplicates:cmd_duplicates")
    key_figures = commands.add_parser("figures", parents=[common], help="print the key figures with their definitions")
    key_figures.add_argument(
        "--as-of",
        "--to",
        dest="as_of",
        metavar="DATE",
        help="the day counted (the board period's end; default today; dd-mm-yyyy or yyyy-mm-dd)",
    )
    key_figures.set_defaults(handler="lib.cli.main:cmd_figures")
    route = commands.add_parser(
        "route",
        parents=[common],
        help="Find vejen ind: the best introduction paths from the staff to an organisation or person",
    )
    route.add_argument("name", help="the organisation's or person's name (case and accents do not matter)")
    route.add_argument("--limit", type=int, default=10, metavar="N", help="show at most N paths (default 10)")
    route.set_defaults(handler="lib.cli.route:cmd_route")
    schema = commands.add_parser("schema", parents=[common], help="print the schema version (upgrading it)")
    schema.set_defaults(handler="lib.cli.main:cmd_schema")
    return parser


def _add_person_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """``person export|erase`` (``lib.cli.main``) and ``person inform|uninformed`` (``lib.cli.informing``)."""
    person = commands.add_parser(
        "person", help="a person's data (GDPR): export it, erase it on request, record that they were informed"
    )
    person_commands = person.add_subparsers(dest="person_command", required=True)
    person_export = person_commands.add_parser(
        "export", parents=[common], help="write everything held about a person to OUT (.json or .xlsx)"
    )
    person_export.add_argument("email", help="the person's e-mail (or one of their other e-mails)")
    person_export.add_argument("out", help="the file to write: .json or .xlsx")
    person_export.set_defaults(handler="lib.cli.main:cmd_person_export")
    person_erase = person_commands.add_parser(
        "erase", parents=[common], help="erase a person everywhere; asks to confirm unless --yes"
    )
    person_erase.add_argument("email", help="the person's e-mail (or one of their other e-mails)")
    person_erase.add_argument("--yes", action="store_true", help="erase without asking (scripts)")
    person_erase.set_defaults(handler="lib.cli.main:cmd_person_erase")

    # inform, uninformed (GDPR art. 14)
    inform = person_commands.add_parser(
        "inform",
        parents=[common],
        help="record that a contact was told that the library holds their data (GDPR art. 14); "
        "replaces an earlier entry of theirs",
    )
    inform.add_argument("email", help="the person's e-mail (or one of their other e-mails)")
    inform.add_argument("--on", metavar="DATE", help="when they were told (dd-mm-yyyy or yyyy-mm-dd; default today)")
    inform.add_argument(
        "--how", choices=HOW_CODES, default=DEFAULT_HOW, help=f"how they were told (default {DEFAULT_HOW})"
    )
    inform.add_argument("--note", help="a short note, e.g. which text was sent")
    inform.set_defaults(handler="lib.cli.informing:cmd_person_inform")
    uninformed = person_commands.add_parser(
        "uninformed",
        parents=[common],
        help="list the contacts not told yet, the earliest deadline (one month after obtaining) first",
    )
    uninformed.add_argument("--as-of", metavar="DATE", help="the day to count deadlines from (default today)")
    uninformed.set_defaults(handler="lib.cli.informing:cmd_person_uninformed")


def _add_calendar_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """``calendar import`` (``lib.cli.calendar``) and ``calendar export`` (``lib.cli.calendar_export``)."""
    calendar = commands.add_parser(
        "calendar", help="calendar files (.ics): import meetings as contacts, export staff members' tasks"
    )
    calendar_commands = calendar.add_subparsers(dest="calendar_command", required=True)
    meetings = calendar_commands.add_parser(
        "import",
        parents=[common],
        help="log the past meetings of an Outlook or Google calendar export (.ics): ties to known external "
        "attendees and contact-log entries on their partnerships; private, cancelled, future and "
        "internal-only meetings are skipped",
    )
    meetings.add_argument("file", help="the calendar export (.ics)")
    meetings.add_argument(
        "--staff",
        metavar="EMAIL",
        help="the staff member of meetings whose organiser is not staff (default: the one acting, when staff)",
    )
    meetings.add_argument("--dry-run", action="store_true", help="show what would happen; store nothing")
    meetings.add_argument(
        "--create-contacts",
        action="store_true",
        help="create the unknown external attendees as contacts (name and e-mail from the invitation); "
        "without it they are only listed",
    )
    meetings.set_defaults(handler="lib.cli.calendar:cmd_calendar_import")
    export = calendar_commands.add_parser(
        "export",
        parents=[common],
        help="write staff members' tasks a year ahead (reviews, agreement ends, planned contacts, ties going "
        "cold, measurements, evaluation rounds) as an iCalendar file for Outlook or Google Calendar",
    )
    export.add_argument("out", help="the file to write (.ics)")
    export.add_argument("--staff", metavar="EMAIL", help="only this staff member's tasks (default: everyone's)")
    export.set_defaults(handler="lib.cli.calendar_export:cmd_calendar_export")


def _add_agreement_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """``agreement export`` (``lib.cli.agreement``)."""
    agreement = commands.add_parser("agreement", help="a partnership's agreement as a document to sign")
    agreement_commands = agreement.add_subparsers(dest="agreement_command", required=True)
    export = agreement_commands.add_parser(
        "export",
        parents=[common],
        help="write the agreement of a partnership as a Word document or a PDF to sign: both parties, purpose, "
        "goals, resources, contact persons, dates, review, termination and signature lines",
    )
    export.add_argument("partnership", type=int, metavar="PARTNERSHIP_ID", help="the partnership's number")
    export.add_argument("--format", required=True, choices=("docx", "pdf"), help="docx (Word) or pdf")
    export.add_argument("out", help="the file to write")
    export.set_defaults(handler="lib.cli.agreement:cmd_agreement_export")


def _add_survey_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """``survey link`` and ``survey status`` (``lib.cli.survey``): evaluation by link; ``survey staff-links``
    (``lib.cli.staff_survey``): the staff network survey."""
    survey = commands.add_parser("survey", help="evaluation by link: personal links to a round and who has answered")
    survey_commands = survey.add_subparsers(dest="survey_command", required=True)
    link = survey_commands.add_parser(
        "link",
        parents=[common],
        help="print a new personal link to an evaluation round for an e-mail (an unknown e-mail is added as "
        "a new person); the person's earlier link to the round stops working",
    )
    link.add_argument("--round", required=True, metavar="ID|latest", help="the round's number, or latest")
    link.add_argument("--email", required=True, metavar="E", help="the respondent's e-mail")
    link.add_argument("--side", choices=("partner", "library"), help="answers for the partner (default) or the library")
    link.set_defaults(handler="lib.cli.survey:cmd_survey_link")
    status = survey_commands.add_parser(
        "status", parents=[common], help="list a round's respondents and whether they have answered"
    )
    status.add_argument("--round", required=True, metavar="ID|latest", help="the round's number, or latest")
    status.set_defaults(handler="lib.cli.survey:cmd_survey_status")
    staff = survey_commands.add_parser(
        "staff-links",
        parents=[common],
        help='start the staff network survey "Hvem kender du?": print a personal link per staff member '
        "(shown this once) and the count of answers so far",
    )
    staff.add_argument(
        "--staff", action="append", metavar="E", help="only this staff member's e-mail (repeat for more; default: all)"
    )
    staff.add_argument("--closes-on", metavar="YYYY-MM-DD", help="the last day to answer (default: open)")
    staff.set_defaults(handler="lib.cli.staff_survey:cmd_survey_staff_links")


def _add_report_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """``report`` (``lib.cli.report``)."""
    report = commands.add_parser("report", parents=[common], help="write the board pack (PowerPoint, PDF or Excel)")
    report.add_argument("--format", required=True, choices=FORMATS, help="pptx, pdf or xlsx")
    report.add_argument("out", help="the file to write")
    report.add_argument(
        "--from", dest="start", metavar="DATE", help="first day of the period (dd-mm-yyyy or yyyy-mm-dd)"
    )
    report.add_argument("--to", dest="end", metavar="DATE", help="last day of the period (dd-mm-yyyy or yyyy-mm-dd)")
    report.add_argument(
        "--sections", metavar="NAMES", help=f"comma-separated sections (default all): {', '.join(SECTIONS)}"
    )
    report.set_defaults(handler="lib.cli.report:run_report")


def _add_setup_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """``setup`` (``lib.cli.setup``)."""
    setup = commands.add_parser(
        "setup",
        parents=[common],
        help="the library's name, description, address, e-mail, phone, logo, time zone and the link to "
        "its accessibility statement; options left out stay as they are",
    )
    setup.add_argument("--library-name", metavar="NAME", help="the library's name (required until the library has one)")
    setup.add_argument("--description", metavar="TEXT", help="one line about the library")
    setup.add_argument("--email", metavar="EMAIL", help="the library's general e-mail")
    setup.add_argument("--phone", metavar="PHONE", help="the library's general phone number (+45 assumed)")
    setup.add_argument("--address", metavar="TEXT", help="the library's address, on one line")
    setup.add_argument(
        "--timezone", metavar="TZ", help="the time zone times are shown in (IANA name; default Europe/Copenhagen)"
    )
    setup.add_argument("--logo", metavar="FILE", help="a logo: PNG or JPEG, at most 2 MB")
    setup.add_argument(
        "--accessibility-url",
        metavar="URL",
        help="the address of the municipality's published accessibility statement (https://…), "
        'linked from every page; "" clears it (the statement the program ships is shown then)',
    )
    setup.set_defaults(handler="lib.cli.setup:cmd_setup")


def _add_handover_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """``handover`` (``lib.cli.handover``)."""
    handover = commands.add_parser(
        "handover",
        parents=[common],
        help="hand a leaving colleague's ties, partnerships, goals and strength offers (and with them their "
        "tasks and contact rhythm) to a colleague; undo it on the Organisation page, tab Handover",
    )
    handover.add_argument("from_email", metavar="FROM_EMAIL", help="the e-mail of the colleague who leaves")
    handover.add_argument("to_email", metavar="TO_EMAIL", help="the e-mail of the colleague who takes over")
    handover.add_argument("--dry-run", action="store_true", help="show what would move; store nothing")
    handover.add_argument(
        "--end-staff", action="store_true", help="take the leaving colleague off the staff list as well"
    )
    handover.add_argument(
        "--partnership",
        action="append",
        default=[],
        metavar="ID=EMAIL",
        help="give partnership ID to the colleague with EMAIL instead (repeatable)",
    )
    handover.set_defaults(handler="lib.cli.handover:cmd_handover")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        handler = handler_of(args.handler)  # imported only now: the command that runs pays for its imports
        return handler(args)
    except UserFacingError as error:
        print(error.message(_lang(args)), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (e.g. "| head"): not an error of ours, and no traceback either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
