"""Errors a service raises, each with one line for the user."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class ServiceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(ServiceError):
    """The actor's role does not allow the action (recorded in the audit log)."""


class NotFound(ServiceError):
    """No conference, participant or entry with that reference or id."""


class Conflict(ServiceError):
    """The change clashes with what the store holds (duplicate reference or id)."""


class RuleViolation(ServiceError):
    """The change breaks a rule of the conference; ``problems`` lists each one."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        first_path, first_message = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{first_path}: {first_message}{more}")
        self.problems = tuple(problems)


class EditedElsewhere(ServiceError):
    """Someone else saved the row after the editor read it: nothing was saved.

    Never written over silently: the person chooses. ``theirs`` is what the store holds
    now (``None`` if it was deleted); ``version`` is its version (for a minute entry, an
    int; for decisions, each child's), which a save passes as ``base`` to keep its own
    knowingly (refused again if it changes once more).
    """

    def __init__(self, message: str, theirs: Any, version: Any) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.version = version
