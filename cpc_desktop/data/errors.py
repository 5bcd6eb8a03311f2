"""Typed storage errors, each carrying one line a user can act on.

The data layer never shows anything itself; the command line and the UI print
``error.message``. No message ever contains a bound parameter or minute text.
"""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the store that the user can understand and act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreNotFound(StoreError):
    """The path names no file (opening never creates one)."""


class StoreExists(StoreError):
    """Creation was asked for a path that already holds something."""


class StoreIsDirectory(StoreError):
    """The path is a directory."""


class StoreReadOnly(StoreError):
    """The file (or its folder) cannot be written."""


class StoreLocked(StoreError):
    """Another CPC Desktop window or process has the store open."""


class NotAStore(StoreError):
    """The file is readable but is not a CPC Desktop store (empty, plain SQLite, ...)."""


class WrongKeyOrDamaged(StoreError):
    """SQLCipher cannot tell a wrong passphrase from a damaged first page."""


class StoreDamaged(StoreError):
    """The file decrypts but its pages or structure are damaged."""


class StoreTooNew(StoreError):
    """The store was written by a newer version of the application."""


class IntegrityFailure(StoreError):
    """``check`` found a row or audit event changed outside the application."""


class StoreChecking(StoreError):
    """The store's pages are still being checked for damage: nothing is written yet."""


class RowChanged(StoreError):
    """A row was changed (or deleted) by someone else since the version a change started
    from: nothing was saved. ``version`` is the version stored now (``None``: deleted)."""

    def __init__(self, message: str, version: int | None = None) -> None:
        super().__init__(message)
        self.version = version


class CheckStopped(StoreError):
    """``check`` was stopped before it ended (cancelled): it found nothing, changed nothing."""
