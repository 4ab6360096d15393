"""Building the board pack from the database: :func:`build`.

"A board (bibliotekschef, kultur- og fritidsudvalg) wants ten minutes of clear pictures: where we
are going, with whom, what came of it, what is at risk." The pack answers in eight sections
(:data:`SECTIONS`): a title, key figures, goal fulfilment over time, the partnership portfolio and
pipeline, the network at organisation level, evaluation results, the checklist radar, and risks with
next steps. The rules of each are in :mod:`lib.reporting.boardpack.sections`; what may be shown about people
is in :mod:`lib.reporting.boardpack.privacy`.

Examples
--------
>>> with db.read() as session:                                        # doctest: +SKIP
...     pack = build(session, date(2025, 11, 1), date(2026, 10, 31), "da")
>>> [s.key for s in pack.sections][:3]                                # doctest: +SKIP
['title', 'key_figures', 'goals']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import ValidationFailed
from lib.core.gc_pause import gc_paused
from lib.core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from lib.core.progress import Progress, report_step
from lib.library.setup import stored_logo
from lib.reporting.boardpack.model import SECTIONS, BoardPack, Chart, KeyFigure, Section, Table
from lib.reporting.boardpack.section_context import Context
from lib.reporting.boardpack.sections import BUILDERS, title_section

__all__ = [
    "SECTIONS",
    "BoardPack",
    "Chart",
    "KeyFigure",
    "Section",
    "Table",
    "build",
    "chosen_sections",
]


def chosen_sections(sections: Iterable[str] | None) -> list[str]:
    """``sections`` in presentation order, every one when None; ValidationFailed for an unknown name
    or an empty choice."""
    if sections is None:
        return list(SECTIONS)
    wanted = list(dict.fromkeys(sections))
    unknown = [name for name in wanted if name not in SECTIONS]
    if unknown:
        raise ValidationFailed("board.error.unknown_section", section=", ".join(unknown), sections=", ".join(SECTIONS))
    if not wanted:
        raise ValidationFailed("board.error.no_sections")
    return [name for name in SECTIONS if name in wanted]


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    """ValidationFailed when the period ends before it starts."""
    if start is not None and end is not None and end < start:
        raise ValidationFailed("board.error.period_order", field="end")


@requires("view_contacts", board_if={"pseudonymise": True})
def build(
    session: Session,
    start: dt.date | None,
    end: dt.date | None,
    lang: str = DEFAULT_LANGUAGE,
    sections: Iterable[str] | None = None,
    today: dt.date | None = None,
    *,
    pseudonymise: bool = True,
    progress: Progress | None = None,
) -> BoardPack:
    """The board pack for the period ``start``-``end`` (either open), in ``lang``.

    Parameters
    ----------
    session : Session
        An open session (``Database.read()``); nothing is written.
    start, end : date or None
        The period. What happened counts when it falls inside it; where things stand is judged on
        its end, or today when that is earlier or the period is open (see ``lib.reporting.boardpack.sections``).
    lang : {"da", "en"}
        Language of every title, text and column header.
    sections : iterable of str, optional
        Which of :data:`SECTIONS` to include (always in their order); all by default.
    today : date, optional
        The day the pack is made (default the real today).
    pseudonymise : bool, default True
        Roles instead of names and no group of people under five (``lib.reporting.boardpack.privacy``).
        False is for internal use only and needs ``view_contacts``; True is open to the board.
    progress : Progress, optional
        Hears ``progress.step.board_sections`` with the sections built (``lib.core.progress``).

    Raises
    ------
    lib.core.errors.ValidationFailed
        An unknown section, no section, an unknown language or a period that ends before it starts.
    """
    if lang not in LANGUAGES:
        raise ValidationFailed("board.error.language", lang=lang, languages=", ".join(LANGUAGES))
    check_period(start, end)
    keys = chosen_sections(sections)
    if today is None:
        from lib.workspace import clock

        today = clock.today(clock.workspace_timezone(session))
    ctx = Context(session=session, lang=lang, start=start, end=end, today=today, pseudonymise=pseudonymise)
    built: list[Section] = []
    # The network of a big workspace is millions of objects that all stay alive while the sections
    # are counted from it: the cyclic collector would walk them again and again for nothing.
    with gc_paused():
        for done, key in enumerate(keys):
            report_step(progress, "progress.step.board_sections", done, len(keys), "sections")
            built.append(title_section(ctx, keys) if key == "title" else BUILDERS[key](ctx))
    report_step(progress, "progress.step.board_sections", len(keys), len(keys), "sections")

    return BoardPack(
        lang=lang,
        library_name=ctx.library_name,
        start=start,
        end=end,
        as_of=ctx.as_of,
        made_on=ctx.today,
        pseudonymised=pseudonymise,
        sections=built,
        logo=stored_logo(session),
    )
