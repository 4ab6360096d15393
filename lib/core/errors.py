"""Errors that carry a message for the user, in the user's language.

An error names a key of the translation table and its parameters rather than an English sentence, so
that the page or the command line renders it in whichever language the user reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lib.core.i18n import Quote


class UserFacingError(Exception):
    """A problem the user can act on (a refused file, an invalid value), never a crash."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "da", quote: Quote | None = None) -> str:
        """The message in ``lang``; ``quote`` marks up the texts in it (a file name, a value) for where
        it is shown."""
        from lib.core.i18n import quoted, t

        return t(self.key, lang, **quoted(self.params, quote))

    def __str__(self) -> str:  # English in logs and tracebacks
        return self.message("en")


class FileRefused(UserFacingError):
    """An uploaded file that will not be parsed: unsafe, unreadable or of the wrong kind."""


class ValidationFailed(UserFacingError):
    """A value a user entered that cannot be stored."""


class UndoNotPossible(UserFacingError):
    """An import that can no longer be undone because later changes depend on it."""
