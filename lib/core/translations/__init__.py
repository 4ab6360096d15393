"""Sections of the translation table; see ``lib.core.i18n``."""
