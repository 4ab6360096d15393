"""Kom godt i gang: the short guide from set-up to the first board pack (``docs/kom-godt-i-gang.md``,
in English ``docs/getting-started.md``), shown in the reader's language."""

from __future__ import annotations

import streamlit as st

from components.context import lang, require_page
from components.safe_markdown import product_document

GUIDES = {"da": "kom-godt-i-gang", "en": "getting-started"}

require_page("view_contacts")
# The guide is the product's own text (a file in the repository), not data: it is Markdown on purpose.
st.markdown(product_document(GUIDES.get(lang(), GUIDES["da"])))
