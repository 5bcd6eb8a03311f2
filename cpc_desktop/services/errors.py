"""Errors a service raises, each with one line for the user."""

from __future__ import annotations

from collections.abc import Sequence


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
