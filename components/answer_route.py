"""The evaluation form partners and staff open from their personal link: ``/svar/<token>``.

Plain server-rendered HTML on the dashboard's own server (a Starlette route beside the calendar feed's),
reached from the internet without logging in, so it shows the round's items, the partnership's name and
the respondent's own answer, and nothing else of the workspace: no navigation, no script, no other name.

* GET shows the form (or "tak, vi har dit svar" with the answer to correct while the round is open);
  POST stores the answer (``lib.planning.evaluation_links.save_answer``) and sends the browser back to
  the form (303), so reloading does not post again.
* A wrong, expired, revoked or malformed token gets one plain page, the same for all of them, that
  says nothing about whether the link ever existed.
* The token in the path is the only credential: no cookie is set or read, so another site cannot post
  with a visitor's credentials (CSRF); a post from anyone who does not know the token reaches nothing.
* Each caller may ask :data:`REQUESTS_PER_WINDOW` times per :data:`WINDOW_SECONDS` (429 after that); a
  body over :data:`MAX_BODY` bytes is refused (413). Every text is escaped with ``html.escape``.
"""

from __future__ import annotations

import html
import urllib.parse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from components.public_routes import RateLimit, client, too_many
from lib.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from lib.planning.evaluation_links import LINK_PREFIX, LINK_READER, MAX_REFLECTIONS, AnswerForm, open_form, save_answer
from lib.workspace.opening import workspace_database

WINDOW_SECONDS = 600
REQUESTS_PER_WINDOW = 60
#: The largest form post taken: 13 scores and a reflection of 4,000 characters fit easily.
MAX_BODY = 32 * 1024
SCORES = ("1", "2", "3", "4", "5")
DONT_KNOW = "ved_ikke"

LIMIT = RateLimit(REQUESTS_PER_WINDOW, WINDOW_SECONDS)

HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
}

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f6f4;color:#1c1c1c;
line-height:1.5}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:1.75rem 0 .25rem}
fieldset{border:1px solid #bbb;border-radius:.4rem;margin:.75rem 0;padding:.5rem .9rem}
legend{font-weight:600;padding:0 .3rem}
.scale label{display:inline-block;margin:.2rem .9rem .2rem 0;white-space:nowrap}
input[type=radio]{width:1.15rem;height:1.15rem;vertical-align:middle}
textarea{width:100%;box-sizing:border-box;font:inherit}
button{font:inherit;font-size:1.05rem;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#1f5fa8;color:#fff;
cursor:pointer}
button:focus,input:focus,textarea:focus{outline:3px solid #f2a900;outline-offset:2px}
.note{padding:.6rem .9rem;border-radius:.4rem;background:#e8f3ea;border:1px solid #7bb38a}
.problem{padding:.6rem .9rem;border-radius:.4rem;background:#fdecea;border:1px solid #d9534f}
"""


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _page(lang: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    # (``dir`` first: components.page_frame.ServedLanguage rewrites a page that starts '<html lang="en">')
    document = (
        f'<!DOCTYPE html>\n<html dir="ltr" lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex, nofollow">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return HTMLResponse(document, status_code=status, headers=HEADERS)


def gone(lang: str = DEFAULT_LANGUAGE) -> HTMLResponse:
    """The one page for every token that is not live: nothing says whether it ever existed."""
    title = t("evaluation_links.form.gone_title", lang)
    return _page(lang, title, f"<h1>{_e(title)}</h1><p>{_e(t('evaluation_links.form.gone', lang))}</p>", 404)


def _item(code: str, chosen: int | None, lang: str) -> str:
    name = _e(code)
    options = [(score, score) for score in SCORES] + [(DONT_KNOW, t("evaluation_links.form.dont_know", lang))]
    picked = str(chosen) if chosen is not None else DONT_KNOW
    radios = "".join(
        f'<label><input type="radio" name="{name}" value="{_e(value)}"'
        f"{' checked' if value == picked else ''}> {_e(shown)}</label>"
        for value, shown in options
    )
    return f'<fieldset class="scale"><legend>{_e(t(f"evaluations.item.{code}", lang))}</legend>{radios}</fieldset>'


def _form_html(form: AnswerForm, action: str, lang: str, chosen: dict[str, int], reflections: str) -> str:
    parts = [f'<form method="post" action="{_e(action)}">']
    parts.append(f"<p>{_e(t('evaluation_links.form.scale_legend', lang))}</p>")
    for dimension, codes in form.dimensions:
        parts.append(f"<h2>{_e(t(f'evaluations.dimension.{dimension}', lang))}</h2>")
        parts.append(f"<p>{_e(t(f'evaluations.dimension.{dimension}.help', lang))}</p>")
        parts.extend(_item(code, chosen.get(code), lang) for code in codes)
    parts.append(
        f'<p><label for="reflections">{_e(t("evaluation_links.form.reflections", lang))}</label><br>'
        f'<textarea id="reflections" name="reflections" rows="5" maxlength="{MAX_REFLECTIONS}">'
        f"{_e(reflections)}</textarea></p>"
    )
    submit = "evaluation_links.form.correct" if form.answered else "evaluation_links.form.submit"
    parts.append(f'<p><button type="submit">{_e(t(submit, lang))}</button></p></form>')
    return "".join(parts)


def render(
    form: AnswerForm,
    action: str,
    lang: str,
    *,
    problem: str | None = None,
    chosen: dict[str, int] | None = None,
    reflections: str | None = None,
) -> HTMLResponse:
    """The form page of a live link, in ``lang``; ``problem`` (a text key) shown above the form."""
    title = t("evaluation_links.form.title", lang)
    body = [f"<h1>{_e(title)}</h1>", f"<p><strong>{_e(form.partnership)}</strong></p>"]
    if form.answered:
        body.append(f'<p class="note" role="status">{_e(t("evaluation_links.form.thanks", lang))}</p>')
    if not form.open:
        body.append(f"<p>{_e(t('evaluation_links.form.closed', lang))}</p>")
        return _page(lang, title, "".join(body))
    body.append(
        f"<p>{_e(t('evaluation_links.form.can_correct' if form.answered else 'evaluation_links.form.intro', lang))}</p>"
    )
    body.append(f"<p>{_e(t(f'evaluation_links.form.side.{form.side}', lang))}</p>")
    if form.closes_on is not None:
        body.append(f"<p>{_e(t('evaluation_links.form.closes', lang, date=format_date(form.closes_on, lang)))}</p>")
    if problem:
        body.append(f'<p class="problem" role="alert">{_e(t(problem, lang))}</p>')
    shown = form.answers if chosen is None else chosen
    text = form.reflections if reflections is None else reflections
    body.append(_form_html(form, action, lang, shown, text))
    return _page(lang, title, "".join(body), 400 if problem else 200)


def _action(token: str, lang: str) -> str:
    path = LINK_PREFIX + urllib.parse.quote(token, safe="")
    return path if lang == DEFAULT_LANGUAGE else f"{path}?lang={lang}"


async def answer_page(request: Request) -> Response:
    if not LIMIT.allow(client(request)):
        return too_many(WINDOW_SECONDS)
    lang, token = _lang(request), request.path_params["token"]
    db = workspace_database(LINK_READER)
    if request.method == "GET":
        form = await run_in_threadpool(open_form, db, token)
        return gone(lang) if form is None else render(form, _action(token, lang), lang)
    declared = request.headers.get("content-length", "")
    if not declared.isdigit() or int(declared) > MAX_BODY:
        return _page(lang, t("evaluation_links.form.title", lang), _e(t("evaluation_links.form.too_large", lang)), 413)
    body = await request.body()
    if len(body) > MAX_BODY:
        return _page(lang, t("evaluation_links.form.title", lang), _e(t("evaluation_links.form.too_large", lang)), 413)
    try:
        fields = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), max_num_fields=50)
    except ValueError:  # more fields than the form has
        fields = {}
    values = {name: found[0] for name, found in fields.items() if found}
    reflections = values.pop("reflections", "")
    outcome = await run_in_threadpool(save_answer, db, token, values, reflections)
    if outcome is None:
        return gone(lang)
    if outcome == "empty":
        form = await run_in_threadpool(open_form, db, token)
        if form is None:
            return gone(lang)
        return render(
            form, _action(token, lang), lang, problem="evaluation_links.form.empty", chosen={}, reflections=reflections
        )
    return RedirectResponse(_action(token, lang), status_code=303, headers=HEADERS)


# ":path": anything under /svar/, slashes included, gets the same page as a dead token.
ROUTES = [Route(LINK_PREFIX + "{token:path}", answer_page, methods=["GET", "POST"])]
