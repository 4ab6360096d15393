"""Sections of the translation table; see ``lib.i18n``."""
