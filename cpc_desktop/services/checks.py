"""Checking what a person typed, before anything is written.

Each check takes the value and its place in the conference document
(``"$.participants[].name"``) and returns the value to store, or raises
:class:`RuleViolation` naming the place. Lengths, ranges and the message for a blank
field come from that place's rule in :mod:`cpc_desktop.domain.fields`, declared once.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TypeVar

from cpc_desktop.data import models as m
from cpc_desktop.domain.enums import Language, ParticipantRole, Side
from cpc_desktop.domain.fields import FIELDS
from cpc_desktop.services.errors import RuleViolation

E = TypeVar("E", bound=enum.Enum)


def refuse(path: str, message: str) -> RuleViolation:
    return RuleViolation([(path, message)])


def text(value: object, path: str) -> str:
    """Text as given, held to its field's rule (blank, length)."""
    if not isinstance(value, str):
        raise refuse(path, "must be text")
    rule = FIELDS.get(path)
    if rule is None:
        return value
    if rule.blank and not value.strip():
        raise refuse(path, rule.blank)
    problem = rule.problem(value)
    if problem:
        raise refuse(path, problem)
    return value


def reason(value: object, path: str) -> str | None:
    """Optional text: ``None`` or blank is stored as ``None``."""
    if value is None:
        return None
    checked = text(value, path)
    return checked if checked.strip() else None


def flag(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise refuse(path, "must be true or false")
    return value


def day(value: object, path: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise refuse(path, "must be a calendar date")
    return value


def instant(value: object, path: str) -> datetime:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise refuse(path, "must be a time with its time zone")
    return value


def choice(cls: type[E], value: object, path: str) -> E:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(str(member.value) for member in cls)
        raise refuse(path, f"{value!r} is not one of: {choices}") from None


def maybe_choice(cls: type[E], value: object, path: str) -> E | None:
    return None if value is None else choice(cls, value, path)


def new_id(value: str | None, path: str) -> str:
    """A fresh id, or the one given (to bring something back) if it is a proper UUID."""
    if value is None:
        return m.new_id()
    try:
        if isinstance(value, str) and str(uuid.UUID(value)) == value:
            return value
    except ValueError:
        pass
    raise refuse(path, "must be a lower-case UUID")


def whole(value: object, path: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number from ``low`` to ``high`` (by default, its field's range)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(path, "must be a whole number")
    rule = FIELDS.get(path)
    low = low if low is not None else rule.minimum if rule else None
    high = high if high is not None else rule.maximum if rule else None
    assert low is not None and high is not None, f"no range for {path}"
    if not low <= value <= high:
        raise refuse(path, f"must be from {low} to {high}")
    return value


#: How each of a participant's details is checked, where it is added or changed.
PARTICIPANT: Mapping[str, Callable[[object, str], object]] = {
    "name": text,
    "role": lambda v, p: choice(ParticipantRole, v, p),
    "agency": text,
    "relationship": text,
    "direct_contact": flag,
    "invited": flag,
    "report_received": day,
    "report_shared_with_family": day,
    "interpreter_language": reason,
    "advocate_needed": flag,
    "side": lambda v, p: maybe_choice(Side, v, p),
    "side_reason": reason,
    "child_ids": lambda v, p: ids(v, p),
    "address": lambda v, p: text(v, p).strip(),
    "telephone": lambda v, p: text(v, p).strip(),
    "email": lambda v, p: text(v, p).strip(),
    "school_or_workplace": lambda v, p: text(v, p).strip(),
    "withhold_from": lambda v, p: ids(v, p),
    "language": lambda v, p: maybe_choice(Language, v, p),
    "parental_responsibility": flag,
}


def ids(value: object, path: str) -> list[str]:
    """A list of distinct ids (of children or participants), in the order given."""
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise refuse(path, "must be a list of ids")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item:
            raise refuse(path, "must be a list of ids")
        if item not in out:
            out.append(item)
    return out


def participant_details(details: Mapping[str, object]) -> dict[str, object]:
    """``details`` checked field by field; a field that cannot be set here is refused."""
    checked: dict[str, object] = {}
    for name, value in details.items():
        check = PARTICIPANT.get(name)
        if check is None:
            raise refuse(f"$.participants[].{name}", "cannot be changed here")
        checked[name] = check(value, f"$.participants[].{name}")
    return checked
