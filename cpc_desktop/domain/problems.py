"""What a check finds wrong, and the building blocks the conference and decision checks
share.

A :class:`Problem` of severity ``error`` blocks finalising; a ``warning`` is shown and may
be accepted. Codes are stable machine keys (``"decision.contingency_missing"``); the
message is one plain English sentence; the path points at the field
(``"decisions[0].contingency_plan"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cpc_desktop.domain.conference import Participant
from cpc_desktop.domain.dates import plain_date
from cpc_desktop.domain.quorum import QuorumResult


class Severity(StrEnum):
    """How much a problem matters: errors block finalising, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record.

    Attributes:
        code: a stable machine key, e.g. ``"decision.contingency_missing"``.
        message: one English sentence saying what is missing or wrong.
        path: the field at fault, e.g. ``"decisions[0].contingency_plan"``; which item
            of a list that is, read it from :attr:`about` or :meth:`index_in`, not by
            slicing the text.
        severity: whether it blocks finalising.
    """

    code: str
    message: str
    path: str
    severity: Severity = Severity.ERROR

    @property
    def about(self) -> Place | None:
        """The item of a list the problem is about, read from the start of its path:
        ``Place("participants", 3)`` for ``"participants[3].report_shared_with_family"``;
        ``None`` for a path that does not start at an item (``"conference.date"``)."""
        return place_of(self.path)

    def index_in(self, collection: str) -> int | None:
        """The index in ``collection`` the problem is about (3 for ``participants[3]...``
        asked about ``"participants"``), or ``None`` when it is about something else."""
        place = self.about
        return place.index if place is not None and place.collection == collection else None


@dataclass(frozen=True)
class Place:
    """One item of a record's list: ``collection`` ("participants", "children",
    "decisions", "agenda") and the item's ``index`` in it."""

    collection: str
    index: int


# "participants[3]", "$.children[0].name", "decisions[1]": a list and an item at the start.
_PLACE = re.compile(r"(?:\$\.)?([a-z_]+)\[(\d+)\](?=$|[.\[])")


def place_of(path: str) -> Place | None:
    """The list item a problem path starts at (:attr:`Problem.about`), with or without
    the ``$.`` the services put in front; ``None`` when it starts at no item."""
    found = _PLACE.match(path)
    return None if found is None else Place(found.group(1), int(found.group(2)))


def error(code: str, message: str, path: str) -> Problem:
    return Problem(code, message, path, Severity.ERROR)


def warning(code: str, message: str, path: str) -> Problem:
    return Problem(code, message, path, Severity.WARNING)


def can_finalise(problems: Iterable[Problem]) -> bool:
    """Return whether none of ``problems`` is an error."""
    return all(p.severity is not Severity.ERROR for p in problems)


def blank(text: str | None) -> bool:
    return text is None or not text.strip()


# --- building blocks ---------------------------------------------------------------


def check_timescale(
    scheduled: date,
    due: date,
    reason: str | None,
    *,
    code: str,
    what: str,
    path: str,
) -> tuple[Problem, ...]:
    """A date later than its due date needs a recorded reason.

    Args:
        scheduled: the date set.
        due: the latest date the timescale allows.
        reason: the recorded reason for lateness, if any.
        code: the problem code to report.
        what: the thing scheduled, capitalised, e.g. ``"The first core group"``.
        path: the reason field.
    """
    if scheduled <= due or not blank(reason):
        return ()
    return (
        error(
            code,
            f"{what} on {plain_date(scheduled)} is after its due date of "
            f"{plain_date(due)}, so a reason for the delay must be recorded.",
            path,
        ),
    )


def check_inquorate_reason(
    quorum: QuorumResult, reason: str | None, path: str = "conference.quorum_reason"
) -> tuple[Problem, ...]:
    """Going ahead without a quorum needs the chair's recorded reason."""
    if quorum.quorate or not blank(reason):
        return ()
    return (
        error(
            "conference.quorum_reason_missing",
            "The conference is not quorate, so the chair's reason for going ahead "
            "must be recorded.",
            path,
        ),
    )


def person_name(person: Participant, *, start: bool = False) -> str:
    """The participant's name, or a description when it is blank."""
    return person.name.strip() or ("An unnamed participant" if start else "an unnamed participant")
