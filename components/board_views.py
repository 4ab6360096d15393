"""The pieces of the page "Bestyrelse" (pages/board.py): the choices, the presentation and the downloads.

The board pack is built by ``lib.reporting.boardpack`` and cached per period, sections, language and data
version (:func:`cached_pack`), so paging through the presentation does not rebuild it. The files are
made only when a download button is clicked (Streamlit calls :func:`_file` then, on a thread of its
own) and are cached the same way, so a second click is instant and the page itself stays fast.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from components import clock
from components.charts import show_chart
from components.context import database, lang, tr
from components.downloads import download_naming_nobody
from components.progress import progress_bar
from components.safe_markdown import escape_markdown, tr_md
from components.tables import date_input_format
from lib.core.progress import Progress
from lib.reporting import boardpack, figures
from lib.reporting.boardpack.content import BoardPack, Section, chosen_sections
from lib.reporting.boardpack.figures import chart_figure
from lib.reporting.boardpack.model import SECTIONS, cell_text

FROM_KEY = "board_from"
TO_KEY = "board_to"
SECTIONS_KEY = "board_sections"
SLIDE_KEY = "board_slide"
#: How far back the period reaches until the user picks another start: one year.
DEFAULT_DAYS = boardpack.DEFAULT_PERIOD_DAYS
FORMAT_ICONS = {"pptx": ":material/slideshow:", "pdf": ":material/picture_as_pdf:", "xlsx": ":material/table:"}
CHART_HEIGHT = 520
#: Larger type for the presentation's bullets: the only styling the page adds, scoped to its screen.
_SCREEN_CSS = "<style>.st-key-board_screen li {font-size: 1.35rem; line-height: 1.5;}</style>"


# --- the pack and its files, cached -----------------------------------------------------------------


@st.cache_data(max_entries=16, ttl=900, show_spinner=False)
def cached_pack(
    db_url: str,
    start: dt.date | None,
    end: dt.date | None,
    language: str,
    sections: tuple[str, ...],
    version: str,
    day: dt.date,
    _progress: Progress | None = None,
) -> BoardPack:
    """The board pack for these choices; ``version`` (the data's fingerprint) makes a changed workspace
    a new entry, so an edit shows at once. ``_progress`` (not part of the cache key) hears the sections
    built when the pack is not cached yet."""
    return boardpack.board_pack(database(), start, end, language, sections, today=day, progress=_progress)


@st.cache_data(max_entries=6, ttl=900, show_spinner=False)
def _file(
    fmt: str,
    db_url: str,
    start: dt.date | None,
    end: dt.date | None,
    language: str,
    sections: tuple[str, ...],
    version: str,
    day: dt.date,
) -> bytes:
    """The report as ``fmt``, made when its download button is clicked."""
    return boardpack.render(cached_pack(db_url, start, end, language, sections, version, day), fmt)


# --- choices ---------------------------------------------------------------------------------------


def choices() -> tuple[dt.date | None, dt.date | None, list[str]]:
    """The period and sections the user chose (all sections and the last year until they choose)."""
    day = clock.today()
    st.session_state.setdefault(FROM_KEY, day - dt.timedelta(days=DEFAULT_DAYS))
    st.session_state.setdefault(TO_KEY, day)
    st.session_state.setdefault(SECTIONS_KEY, list(SECTIONS))
    left, right, wide = st.columns([1, 1, 3])
    start = left.date_input(tr("board.page.from"), key=FROM_KEY, format=date_input_format())
    end = right.date_input(tr("board.page.to"), key=TO_KEY, format=date_input_format())
    sections = wide.multiselect(
        tr("board.page.sections"),
        options=list(SECTIONS),
        select_all=False,
        placeholder=tr("widget.choose_many"),
        key=SECTIONS_KEY,
        format_func=lambda key: tr(f"board.section.{key}"),
    )
    return start, end, sections


def load_pack(start: dt.date | None, end: dt.date | None, sections: list[str]) -> tuple[BoardPack, tuple]:
    """The cached pack for the choices, and the cache key its files are made under."""
    db = database()
    key = (db.url, start, end, lang(), tuple(chosen_sections(sections)), boardpack.pack_version(db), clock.today())
    with progress_bar() as progress:  # shown only when the pack takes a while to build
        return cached_pack(*key, _progress=progress), key


# --- presentation ----------------------------------------------------------------------------------


def _move(step: int, count: int) -> None:
    st.session_state[SLIDE_KEY] = min(max(0, st.session_state.get(SLIDE_KEY, 0) + step), count - 1)


def presentation(pack: BoardPack) -> None:
    """One section per screen, with previous/next buttons and "slide k of n"."""
    count = len(pack.sections)
    index = min(max(0, st.session_state.get(SLIDE_KEY, 0)), count - 1)
    st.session_state[SLIDE_KEY] = index
    back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
    back.button(
        tr("board.page.previous"),
        icon=":material/arrow_back:",
        key="board_previous",
        disabled=index == 0,
        on_click=_move,
        args=(-1, count),
        width="stretch",
    )
    where.markdown(f"**{tr_md('board.slide_of', slide=index + 1, slides=count)}**", text_alignment="center")
    forward.button(
        tr("board.page.next"),
        icon=":material/arrow_forward:",
        key="board_next",
        disabled=index == count - 1,
        on_click=_move,
        args=(1, count),
        width="stretch",
    )
    st.markdown(_SCREEN_CSS, unsafe_allow_html=True)
    with st.container(key="board_screen", border=True):
        screen(pack, pack.sections[index])


def _bullet_list(lines: list[str], *, numbered: bool = False) -> None:
    if lines:
        st.markdown(
            "\n".join(
                f"{f'{i}.' if numbered else '-'} {escape_markdown(line)}" for i, line in enumerate(lines, start=1)
            )
        )


def screen(pack: BoardPack, section: Section) -> None:
    """One section as a screen: title, big numbers or charts, bullets, next steps, and its tables."""
    # A section's words come from lib with data in them (the library's name in the subtitle).
    st.title(escape_markdown(section.title))
    if section.subtitle:
        st.subheader(escape_markdown(section.subtitle))
    if section.figures:
        columns = st.columns(4)
        for position, figure in enumerate(section.figures):
            columns[position % 4].metric(
                escape_markdown(figure.label),
                escape_markdown(figure.value),
                help=escape_markdown(figures.definition(figure.key, pack.lang)) if figure.key else None,
            )
    for position, chart in enumerate(section.charts):
        show_chart(
            chart_figure(section, chart, pack.lang, height=CHART_HEIGHT), key=f"board_chart_{section.key}_{position}"
        )
    _bullet_list(section.bullets)
    if section.next_steps:
        st.subheader(tr("board.next_steps_title"))
        _bullet_list(section.next_steps, numbered=True)
    if section.tables:
        with st.expander(tr("board.page.numbers"), icon=":material/table:"):
            for table in section.tables:
                st.markdown(f"**{escape_markdown(table.title)}**")
                st.dataframe(
                    shown_frame(table.frame, table.percent_columns, pack.lang),
                    hide_index=True,
                    key=f"board_table_{table.key}",
                    placeholder="",
                )


def shown_frame(frame: pd.DataFrame, percent_columns: tuple[str, ...], language: str) -> pd.DataFrame:
    """``frame`` as the reader sees it: dd-mm-yyyy, decimal comma, " %" on percentages, "< 5" as it is."""
    return pd.DataFrame(
        {
            column: [cell_text(value, language, percent=column in percent_columns) for value in frame[column]]
            for column in frame.columns
        }
    )


# --- downloads -------------------------------------------------------------------------------------


def downloads(key: tuple) -> None:
    """Buttons for PowerPoint, PDF and Excel; each file is made when its button is clicked."""
    st.subheader(tr("board.page.downloads"))
    st.caption(tr("board.page.downloads_help"))
    name = tr("board.page.file_name")
    for column, fmt in zip(st.columns(len(boardpack.FORMATS)), boardpack.FORMATS, strict=True):
        with column:  # pseudonymised: no person's name, e-mail or phone number, no group under five
            download_naming_nobody(
                tr(f"board.page.{fmt}"),
                partial(_file, fmt, *key),
                file_name=f"{name}.{fmt}",
                mime=boardpack.MIME_TYPES[fmt],
                icon=FORMAT_ICONS[fmt],
                key=f"board_download_{fmt}",
                on_click="ignore",
                width="stretch",
            )
