"""How long a conference's record is kept, and when it may be deleted (domain.md §10
item 40; security.md U2).

A conference is kept for the profile's ``retention.years`` after the case closed: the
conference's date, or a later closure date the chair records. A legal hold (an inquiry,
proceedings, a subject access request) stops deletion whatever the date. The application
never deletes on its own: :func:`deletion_refusal` is asked only when a chair asks to
delete, and the list of what falls due (:func:`retention_state`) only reports. Once the
newest issued minutes are confirmed as uploaded to the authority's case system, the
local copy may be wiped before its date (:func:`upload_words` says so in the
tombstone); a legal hold still stops it.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from cpc_desktop.domain.calendar import add_months
from cpc_desktop.domain.dates import short_date
from cpc_desktop.domain.profile_records import RetentionRule

__all__ = [
    "RetentionState",
    "deletion_refusal",
    "retain_until",
    "retention_state",
    "upload_words",
]


class RetentionState(StrEnum):
    KEPT = "kept"  # its retention date is still ahead
    DUE = "due"  # past its retention date: a chair may delete it
    HELD = "held"  # on legal hold: not deleted whatever its date


def retain_until(conference_date: date, closed: date | None, rule: RetentionRule) -> date:
    """The day from which the record may be deleted: ``rule.years`` after closure."""
    start = max(conference_date, closed) if closed is not None else conference_date
    return add_months(start, 12 * rule.years)


def retention_state(until: date, held: bool, today: date) -> RetentionState:
    if held:
        return RetentionState.HELD
    return RetentionState.DUE if today >= until else RetentionState.KEPT


def deletion_refusal(
    reference: str, until: date, held: bool, today: date, *, uploaded: bool = False
) -> str | None:
    """Why conference ``reference`` may not be deleted today, in one line; ``None`` if
    it may. ``uploaded``: its newest issued minutes are confirmed as uploaded to the case
    system, so its local copy may go before its date."""
    state = retention_state(until, held, today)
    if state is RetentionState.HELD:
        return f"{reference} is on legal hold and cannot be deleted until the hold is lifted"
    if state is RetentionState.KEPT and not uploaded:
        return f"{reference} is kept until {short_date(until)} and cannot be deleted before then"
    return None


def upload_words(uploaded_on: date, case_ref: str, version: str) -> str:
    """How a confirmed upload is told, in a tombstone or a list."""
    return (
        f"uploaded to the case system on {short_date(uploaded_on)}, ref {case_ref} "
        f"(version {version})"
    )
