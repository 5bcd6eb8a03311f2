"""Turning a service or store error into the sentence a user sees."""

from __future__ import annotations


def user_message(error: BaseException) -> str | None:
    """The one line to show, or ``None`` if this is not a user-facing error (a bug)."""
    problems = getattr(error, "problems", None)
    if problems:
        message = str(problems[0][1])
        return message if len(problems) == 1 else f"{message} (and {len(problems) - 1} more)"
    raw = getattr(error, "message", None)
    if raw is None:
        return None
    text = str(raw)
    return text[:1].upper() + text[1:]
