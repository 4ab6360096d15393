"""What every page is drawn in, made for everyone (WCAG 2.1 AA): the navigation as plain links, the
document's language, readable captions and a focus one can see.

* Streamlit's own sidebar navigation is a ``<ul>`` whose section headers are not list items, which a
  screen reader announces as a broken list (axe: ``list``/``listitem``, serious). The router hides it
  (``st.navigation(..., position="hidden")``) and :func:`navigation_links` draws the same pages as
  links under their section names, so every page stays one link away.
* Streamlit serves ``<html lang="en">`` whatever the user reads; :func:`page_frame` sets the
  attribute to the chosen language on every run (a screen reader then reads Danish as Danish), and
  :data:`LANG_PATCH` makes the served page say Danish, the default, before any script has run.
* The sidebar comes first in the page, so a keyboard user would tab through every page link before
  reaching the page itself (WCAG 2.4.1): a "skip to the page's content" link is the first control,
  shown when it has the focus, and moves the focus to the page's heading (Streamlit's own, in
  English only, is hidden).
* A redraw that removes the focused control (a form saved) carries the focus on to that control
  drawn anew, the message the redraw brought, or the page's heading, not back to the page's top.
* Captions are drawn in a faded grey (the text colour at 60 % opacity: #828180 on white, 3.88:1);
    :data:`PAGE_CSS` darkens them to at least 4.5:1 on the white page and on the grey sidebar, and
  gives every focused control a 3 px outline in the primary colour (6.9:1 against white).
* A code block (a letter to copy, a command) wraps its lines instead of scrolling sideways: a
  region that scrolls but cannot take the keyboard's focus is out of reach without a mouse, and a
  narrow window (320 px, 400 % zoom) must not scroll in two directions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from components.safe_markdown import escape_markdown
from lib.core import i18n

#: The page's own styles, a constant (tests/security/test_security.py allows no HTML built from data).
#: Captions in #4a4d55 (7.6:1 on white, 6.8:1 on the sidebar's #f0f2f6); the focus outline and the skip
#: link in the primary colour of ``.streamlit/config.toml``, #1f5f8b (6.9:1 on white).
PAGE_CSS = """<style>
[data-testid="stCaptionContainer"] { color: #4a4d55; opacity: 1; }
.stCode pre, .stCode code { white-space: pre-wrap !important; overflow-wrap: anywhere; }
:focus-visible { outline: 3px solid #1f5f8b !important; outline-offset: 2px; }
[data-testid="stSidebarNavLink"]:focus-visible, [data-testid="stPageLink-NavLink"]:focus-visible
{ outline: 3px solid #1f5f8b !important; outline-offset: -3px; }
#skip-to-content { position: absolute; left: -10000px; top: 0.5rem; z-index: 1000002; padding: 0.5rem 1rem;
  background: #ffffff; color: #1f5f8b; border: 3px solid #1f5f8b; border-radius: 0.5rem; font-weight: 600; }
#skip-to-content:focus { left: 0.5rem; }
[data-testid="stSkipToContent"] { display: none; }
.st-key-nav_links [data-testid="stMarkdownContainer"] p { margin: 0.75rem 0 0 0; font-weight: 600; }
.st-key-partnerships_pipeline [data-testid="stHorizontalBlock"]
{ display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); }
.st-key-partnerships_pipeline [data-testid="stColumn"] { width: auto; min-width: 0; }
.st-key-partnerships_pipeline [data-testid="stMarkdownContainer"] p
{ overflow-wrap: break-word; word-break: normal; hyphens: auto; -webkit-hyphens: auto; }
</style>"""

#: What the served page says before the first run: the default language, not Streamlit's "en".
LANG_PATCH = (b'<html lang="en">', f'<html lang="{i18n.DEFAULT_LANGUAGE}">'.encode())


class ServedLanguage:
    """ASGI middleware: the HTML page the server sends says :data:`LANG_PATCH`'s language.

    Only an uncompressed ``text/html`` answer is read and changed (the one page Streamlit serves,
    8 kB, so a browser asking for HTML is sent it uncompressed); everything else, scripts and the
    websocket included, passes through untouched."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        if any(name == b"accept" and b"text/html" in value for name, value in headers):
            scope = {**scope, "headers": [(n, v) for n, v in headers if n != b"accept-encoding"]}
        start: dict[str, Any] | None = None
        body: list[bytes] = []

        async def patched_send(message: dict[str, Any]) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                sent = {name.lower(): value for name, value in message.get("headers", [])}
                if b"text/html" in sent.get(b"content-type", b"") and b"content-encoding" not in sent:
                    start = message
                    return
                await send(message)
            elif start is not None and message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                page = b"".join(body).replace(*LANG_PATCH)
                kept = [(n, v) for n, v in start.get("headers", []) if n.lower() != b"content-length"]
                await send({**start, "headers": [*kept, (b"content-length", str(len(page)).encode())]})
                await send({"type": "http.response.body", "body": page})
            else:
                await send(message)

        await self.app(scope, receive, patched_send)


#: The script run on every run: the document's language, and the skip link as the page's first
#: control. The link lives outside Streamlit's React tree (first in ``<body>``), so a redraw keeps it.
_FRAME_SCRIPT = """<script>
(() => {
  document.documentElement.lang = LANGUAGE;
  let link = document.getElementById("skip-to-content");
  if (!link) {
    link = document.createElement("a");
    link.id = "skip-to-content";
    link.href = "#";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const main = document.querySelector('[data-testid="stMain"]');
      const target = (main && main.querySelector("h1")) || main;
      if (target) { target.setAttribute("tabindex", "-1"); target.focus(); }
    });
    document.body.insertBefore(link, document.body.firstChild);
  }
  link.textContent = LABEL;
  // The sidebar scrolls on a short screen; a region that scrolls takes the focus, so the keyboard can
  // scroll it too (also while its links are being redrawn, WCAG 2.1.1).
  const sidebar = document.querySelector('[data-testid="stSidebarContent"]');
  if (sidebar && !sidebar.hasAttribute("tabindex")) { sidebar.setAttribute("tabindex", "0"); }
  if (window.radarFocusKeeper) { return; }
  // A redraw can remove the control that has the focus (a form saved, a step done), and the focus
  // then falls back to the top of the page. Carry it on instead (WCAG 2.4.3): to the same control
  // drawn anew, else to the message the redraw brought, else to the page's heading.
  window.radarFocusKeeper = true;
  let focused;
  let focusedKey = "";
  let fresh = [];
  document.addEventListener("focusin", (event) => {
    focused = event.target;
    const holder = focused.closest('[class*="st-key-"]');
    focusedKey = holder ? [...holder.classList].find((name) => name.startsWith("st-key-")) : "";
  });
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) { continue; }
        const alert = '[data-testid="stAlert"]';
        const alerts = node.matches(alert) ? [node] : node.querySelectorAll(alert);
        fresh.push(...alerts);
      }
    }
    fresh = fresh.filter((alert) => alert.isConnected).slice(-5);
    const now = document.activeElement;
    const lost = focused && !focused.isConnected && (!now || now === document.body);
    if (!lost) { return; }
    const main = document.querySelector('[data-testid="stMain"]');
    const holder = focusedKey && document.querySelector("." + CSS.escape(focusedKey));
    const again = holder && holder.querySelector("button, input, textarea, [tabindex]");
    const target = again || fresh[fresh.length - 1] || (main && main.querySelector("h1"));
    if (!target) { return; }
    if (!again) { target.setAttribute("tabindex", "-1"); }
    focused = undefined;
    target.focus();
  }).observe(document.body, { childList: true, subtree: true });
})();
</script>"""


def _script_text(value: str) -> str:
    """``value`` as a JavaScript string literal in which no ``<`` can start or end a tag."""
    return json.dumps(value).replace("<", "\\u003c")


def frame_script(language: str, skip_label: str) -> str:
    """The frame's script for ``language``, its skip link saying ``skip_label``.

    >>> 'lang = "da"' in frame_script("da", "Spring")
    True
    >>> "</script>" in frame_script("da", "</script><script>alert(1)")[:-10]
    False
    """
    return _FRAME_SCRIPT.replace("LANGUAGE", _script_text(language)).replace("LABEL", _script_text(skip_label))


def page_frame(language: str) -> None:
    """The page's styles and its ``lang`` attribute, drawn before anything else on every run."""
    language = language if language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    st.html(PAGE_CSS)
    st.html(frame_script(language, i18n.t("frame.skip_to_content", language)), unsafe_allow_javascript=True)


def navigation_links(sections: Mapping[str, Sequence[Any]]) -> None:
    """Every page as a link under its section's name, in the sidebar (``st.Page`` objects)."""
    with st.sidebar.container(key="nav_links"):
        for section, pages in sections.items():
            if section:
                st.markdown(escape_markdown(section))
            for page in pages:
                st.page_link(page)
