"""The staff network survey's form "Hvem kender du?" at ``/svar/netvaerk/<token>``.

Plain server-rendered HTML beside the evaluation form (``components.answer_route``, whose page frame,
headers, rate limit and dead-token page it shares): no login, no navigation, no script. It shows the
staff member's own name, their answers so far, their colleagues' names (to tick who else works with
someone) and, for a search (``GET ?q=``), up to 20 organisations and contacts of the workspace by name
and organisation only – never an e-mail or a phone (``lib.planning.staff_survey.search``).

* GET shows the form; POST keeps the answers as a pending submission
  (``lib.planning.staff_survey.save_answers``) and sends the browser back (303).
* A wrong, expired, revoked or malformed token gets the same plain page as a dead evaluation link.
* Each caller shares the evaluation form's limit; a body over :data:`MAX_BODY` bytes is refused (413).
"""

from __future__ import annotations

import urllib.parse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from components import answer_route
from components.answer_route import HEADERS, WINDOW_SECONDS, _e, _lang, _page
from components.public_routes import client, too_many
from lib.core.i18n import DEFAULT_LANGUAGE, format_date, t
from lib.planning.staff_survey import (
    LINK_PREFIX,
    LINK_READER,
    MAX_ENTRIES,
    STRENGTHS,
    Entry,
    SurveyForm,
    open_form,
    save_answers,
    search_for,
)
from lib.workspace.opening import workspace_database

#: The largest post taken: 100 entries with their colleagues fit.
MAX_BODY = 256 * 1024
#: Blank rows for new people and organisations on each visit.
NEW_ROWS = 3
_STYLE_EXTRA = (
    "<style>.row{border:1px solid #ccc;border-radius:.4rem;padding:.5rem .8rem;margin:.6rem 0}"
    ".row label{display:block;margin:.3rem 0 0}.row input[type=text],.row input[type=email],"
    ".row input[type=month],.row select{font:inherit;width:100%;max-width:24rem;box-sizing:border-box}"
    ".row fieldset label{display:inline-block;margin-right:1rem}</style>"
)


def gone(lang: str = DEFAULT_LANGUAGE) -> HTMLResponse:
    """The one page for every token that is not live."""
    title = t("staff_survey.form.gone_title", lang)
    return _page(lang, title, f"<h1>{_e(title)}</h1><p>{_e(t('staff_survey.form.gone', lang))}</p>", 404)


def _row(i: int, lang: str, form: SurveyForm, *, ref: str, title: str, entry: Entry | None, keep_label: str) -> str:
    """One named person or organisation: its fields, labelled, in a fieldset."""
    entry = entry or Entry(ref)
    rid = f"r{i}"
    parts = [
        f'<fieldset class="row"><legend>{_e(title)}</legend>',
        f'<input type="hidden" name="{rid}_ref" value="{_e(ref)}">',
    ]
    if ref == "new":
        for name, key, kind, value in (
            ("name", "staff_survey.form.name", "text", entry.name),
            ("org", "staff_survey.form.organisation", "text", entry.organisation),
            ("email", "staff_survey.form.email", "email", entry.email),
        ):
            parts.append(
                f'<label for="{rid}_{name}">{_e(t(key, lang))}</label>'
                f'<input type="{kind}" id="{rid}_{name}" name="{rid}_{name}" value="{_e(value)}" maxlength="300">'
            )
    else:
        checked = " checked" if keep_label == "staff_survey.form.keep" else ""
        parts.append(
            f'<label><input type="checkbox" name="{rid}_keep" value="1"{checked}> {_e(t(keep_label, lang))}</label>'
        )
    options = [("", t("staff_survey.form.strength_none", lang))] + [(str(s), str(s)) for s in STRENGTHS]
    chosen = str(entry.strength) if entry.strength is not None else ""
    parts.append(
        f'<label for="{rid}_strength">{_e(t("staff_survey.form.strength", lang))}</label>'
        f'<select id="{rid}_strength" name="{rid}_strength">'
        + "".join(
            f'<option value="{_e(v)}"{" selected" if v == chosen else ""}>{_e(shown)}</option>' for v, shown in options
        )
        + "</select>"
    )
    parts.append(
        f'<label for="{rid}_month">{_e(t("staff_survey.form.month", lang))}</label>'
        f'<input type="month" id="{rid}_month" name="{rid}_month" value="{_e(entry.last_contact or "")}">'
    )
    parts.append(
        f'<label for="{rid}_role">{_e(t("staff_survey.form.role", lang))}</label>'
        f'<input type="text" id="{rid}_role" name="{rid}_role" value="{_e(entry.role)}" maxlength="300">'
    )
    if form.colleagues:
        boxes = "".join(
            f'<label><input type="checkbox" name="{rid}_col" value="{pid}"'
            f"{' checked' if pid in entry.colleagues else ''}> {_e(name)}</label>"
            for pid, name in form.colleagues.items()
        )
        parts.append(f"<fieldset><legend>{_e(t('staff_survey.form.colleagues', lang))}</legend>{boxes}</fieldset>")
    parts.append("</fieldset>")
    return "".join(parts)


def _label(name: str, organisation: str) -> str:
    return f"{name} ({organisation})" if organisation else name


def render(
    form: SurveyForm,
    action: str,
    lang: str,
    *,
    query: str = "",
    results: list[tuple[str, str, str]] | None = None,
    problem: str | None = None,
) -> HTMLResponse:
    """The form page of a live link, in ``lang``, with the search's ``results`` when searched."""
    title = t("staff_survey.form.title", lang)
    body = [f"<h1>{_e(title)}</h1>", f"<p>{_e(t('staff_survey.form.hello', lang, name=form.staff_name))}</p>"]
    if form.committed:
        body.append(f'<p class="note" role="status">{_e(t("staff_survey.form.committed", lang))}</p>')
        return _page(lang, title, "".join(body))
    if form.submitted:
        body.append(f'<p class="note" role="status">{_e(t("staff_survey.form.thanks", lang))}</p>')
    if not form.open:
        body.append(f"<p>{_e(t('staff_survey.form.closed', lang))}</p>")
        return _page(lang, title, "".join(body))
    body.append(f"<p>{_e(t('staff_survey.form.intro', lang))}</p>")
    if form.closes_on is not None:
        body.append(f"<p>{_e(t('staff_survey.form.closes', lang, date=format_date(form.closes_on, lang)))}</p>")
    if problem:
        body.append(f'<p class="problem" role="alert">{_e(t(problem, lang))}</p>')
    hidden_lang = "" if lang == DEFAULT_LANGUAGE else f'<input type="hidden" name="lang" value="{_e(lang)}">'
    body.append(
        f'<form method="get" action="{_e(action.split("?")[0])}" role="search">{hidden_lang}'
        f'<label for="q">{_e(t("staff_survey.form.search", lang))}</label><br>'
        f'<input type="search" id="q" name="q" value="{_e(query)}" maxlength="100"> '
        f'<button type="submit">{_e(t("staff_survey.form.search_button", lang))}</button></form>'
        f"<p>{_e(t('staff_survey.form.search_note', lang))}</p>"
    )
    rows: list[str] = []
    index = 0
    named = {shown.entry.ref for shown in form.entries if shown.entry.ref != "new"}
    if results is not None:
        rows.append(f"<h2>{_e(t('staff_survey.form.results', lang))}</h2>")
        fresh = [r for r in results if r[0] not in named]
        if not fresh:
            rows.append(f"<p>{_e(t('staff_survey.form.no_results', lang))}</p>")
        for ref, name, organisation in fresh:
            rows.append(
                _row(
                    index,
                    lang,
                    form,
                    ref=ref,
                    title=_label(name, organisation),
                    entry=None,
                    keep_label="staff_survey.form.add",
                )
            )
            index += 1
    if form.entries:
        rows.append(f"<h2>{_e(t('staff_survey.form.yours', lang))}</h2>")
        for shown in form.entries[:MAX_ENTRIES]:
            rows.append(
                _row(
                    index,
                    lang,
                    form,
                    ref=shown.entry.ref,
                    title=_label(shown.name, shown.organisation),
                    entry=shown.entry,
                    keep_label="staff_survey.form.keep",
                )
            )
            index += 1
    rows.append(f"<h2>{_e(t('staff_survey.form.new', lang))}</h2>")
    for n in range(NEW_ROWS):
        rows.append(
            _row(
                index,
                lang,
                form,
                ref="new",
                title=t("staff_survey.form.new_row", lang, n=n + 1),
                entry=None,
                keep_label="",
            )
        )
        index += 1
    submit = "staff_survey.form.correct" if form.submitted else "staff_survey.form.submit"
    body.append(
        f'<form method="post" action="{_e(action)}">{_STYLE_EXTRA}{"".join(rows)}'
        f'<p><button type="submit">{_e(t(submit, lang))}</button></p></form>'
    )
    return _page(lang, title, "".join(body), 400 if problem else 200)


def _action(token: str, lang: str) -> str:
    path = LINK_PREFIX + urllib.parse.quote(token, safe="")
    return path if lang == DEFAULT_LANGUAGE else f"{path}?lang={lang}"


async def survey_page(request: Request) -> Response:
    if not answer_route.LIMIT.allow(client(request)):
        return too_many(WINDOW_SECONDS)
    lang, token = _lang(request), request.path_params["token"]
    db = workspace_database(LINK_READER)
    if request.method == "GET":
        form = await run_in_threadpool(open_form, db, token)
        if form is None:
            return gone(lang)
        query = request.query_params.get("q", "")[:100].strip()
        results = await run_in_threadpool(search_for, db, token, query) if query else None
        return render(form, _action(token, lang), lang, query=query, results=results)
    declared = request.headers.get("content-length", "")
    too_large = _page(lang, t("staff_survey.form.title", lang), _e(t("staff_survey.form.too_large", lang)), 413)
    if not declared.isdigit() or int(declared) > MAX_BODY:
        return too_large
    body = await request.body()
    if len(body) > MAX_BODY:
        return too_large
    try:
        fields = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), max_num_fields=20_000)
    except ValueError:
        fields = {}
    outcome = await run_in_threadpool(save_answers, db, token, fields)
    if outcome is None:
        return gone(lang)
    if outcome == "empty":
        form = await run_in_threadpool(open_form, db, token)
        return (
            gone(lang) if form is None else render(form, _action(token, lang), lang, problem="staff_survey.form.empty")
        )
    return RedirectResponse(_action(token, lang), status_code=303, headers=HEADERS)


# Before the evaluation form's route, whose ":path" would take /svar/netvaerk/… too.
ROUTES = [Route(LINK_PREFIX + "{token:path}", survey_page, methods=["GET", "POST"])]
