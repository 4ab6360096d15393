"""``python -m lib setup``: the library's set-up on the command line (see :mod:`lib.library.setup`).

``setup [--library-name NAME] [--description D] [--email E] [--phone P] [--address A] [--timezone TZ]
[--logo FILE] [--accessibility-url URL] [--json]`` stores what is given and leaves the rest as it is
(``--accessibility-url ""`` clears the link). The name may be left out once the library has one. A
value that cannot be stored (an invalid e-mail or phone number, an unknown time zone, a logo that is
not a PNG or JPEG, a link that is not a whole http(s) address) exits 2 with one line on standard error,
and nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from lib.core.i18n import t

#: Options of the command and the profile field each one sets.
OPTIONS = {
    "library_name": "name",
    "description": "description",
    "email": "email",
    "phone": "phone",
    "address": "address",
    "timezone": "timezone",
    "accessibility_url": "accessibility_url",
}


def _lang(args: argparse.Namespace) -> str:
    return args.lang or os.environ.get("PARTNERSKABSRADAR_LANG", "da")


def cmd_setup(args: argparse.Namespace) -> int:
    """Store the library's profile; print it (``--json``: as JSON)."""
    from lib.db import open_database
    from lib.library.setup import library_profile, save_library_profile

    lang = _lang(args)
    values = {field: getattr(args, option) for option, field in OPTIONS.items() if getattr(args, option) is not None}
    logo = None
    if args.logo:
        try:
            logo = Path(args.logo).read_bytes()
        except OSError:
            print(t("cli.file_not_found", lang, file=args.logo), file=sys.stderr)
            return 2
    # A refused value raises ValidationFailed inside the transaction: nothing is stored, and
    # lib.cli.parser.main prints the one-line message and exits 2.
    with open_database(args.db, cached=False).write() as session:
        if "name" not in values and library_profile(session).name is None:
            print(t("setup.cli.name_required", lang), file=sys.stderr)
            return 2
        changed = save_library_profile(session, values, logo=logo, actor=args.actor)
        profile = library_profile(session)
    if args.json:
        print(json.dumps({**profile.as_dict(), "changed": changed}, ensure_ascii=False, indent=2))
    else:
        _print_profile(profile, changed, lang)
    return 0


def _print_profile(profile: Any, changed: list[str], lang: str) -> None:
    print(t("setup.cli.saved" if changed else "setup.cli.unchanged", lang, name=profile.name))
    for name in ("name", "description", "address", "email", "phone", "timezone", "accessibility_url"):
        value = getattr(profile, name)
        if value:
            print(f"  {t(f'setup.field.{name}', lang)}: {value}")
    if profile.logo:
        print(f"  {t('setup.field.logo', lang)}: {t('setup.cli.logo_set', lang)}")
