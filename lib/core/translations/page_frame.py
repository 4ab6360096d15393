"""Texts of the frame every page is drawn in (components.page_frame)."""

TEXTS = {
    "frame.skip_to_content": {"da": "Spring til sidens indhold", "en": "Skip to the page's content"},
}
