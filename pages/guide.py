"""Kom godt i gang: the short guide from set-up to the first board pack (``docs/kom-godt-i-gang.md``,
in English ``docs/getting-started.md``), shown in the reader's language."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.context import lang, require_page, tr

GUIDES = {"da": "kom-godt-i-gang.md", "en": "getting-started.md"}
DOCS = Path(__file__).resolve().parent.parent / "docs"

require_page("view_contacts")
# The guide is the product's own text (a file in the repository), not data: it is Markdown on purpose.
text = (DOCS / GUIDES.get(lang(), GUIDES["da"])).read_text(encoding="utf-8")
st.caption(tr("setup.guide_caption"))
st.markdown(text)
