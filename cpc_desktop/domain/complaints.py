"""A complaint about a conference (domain.md §8, §10 item 36): the record and its dates.

Parents, those with parental responsibility and the child may complain about how the
conference was run or what it decided; an advocate or supporter may make it for them.
The complaint is logged with the complainant, the grounds, when it was received and
acknowledged, who is considering it (the chair, a panel, a manager's ruling) and how it
ended. The complaints process cannot itself change the decision: it stands meanwhile
(:data:`DECISION_STANDS`, said wherever complaints are shown).

Each step falls due by the profile's ``[complaints]`` timescales
(:class:`~cpc_desktop.domain.profile_records.ComplaintTimescales`). Pure rules only: the
service (:mod:`cpc_desktop.services.complaints`) stores and audits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.dates import short_date
from cpc_desktop.domain.enums import AppealGround, AppealOutcome
from cpc_desktop.domain.profile_records import ComplaintTimescales

__all__ = [
    "DECISION_STANDS",
    "Complaint",
    "ComplaintStep",
    "complaint_state",
    "next_step",
]

#: Said wherever a complaint is recorded or listed (domain.md §8, "Key rules").
DECISION_STANDS = (
    "The conference's decision stands while the complaint is considered: the complaint "
    "cannot change it by itself."
)


@dataclass(frozen=True)
class Complaint:
    """One complaint about a conference.

    ``complainant_id`` names a person of the roll call; ``complainant_name`` someone who
    is not in it (it is "" when the person is named by id). ``child_ids``: the children
    of the conference it concerns; empty (a complaint recorded before they were named):
    every child of the conference.
    """

    id: str
    conference_id: str
    received: date
    grounds: tuple[AppealGround, ...]
    complainant_id: str | None = None
    complainant_name: str = ""
    relation: str = ""
    details: str = ""
    acknowledged: date | None = None
    handled_by: str = ""
    outcome: AppealOutcome = AppealOutcome.PENDING
    decided: date | None = None
    outcome_note: str = ""
    child_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ComplaintStep:
    """What is next due on a complaint: ``"acknowledge"`` or ``"answer"``, and by when."""

    kind: str
    due: date

    def words(self, today: date) -> str:
        """ "acknowledge by 10 Dec 2026", "answer by 3 Jan 2027 (overdue)"."""
        late = " (overdue)" if today > self.due else ""
        return f"{self.kind} by {short_date(self.due)}{late}"


def next_step(
    complaint: Complaint, timescales: ComplaintTimescales, calendar: WorkingCalendar
) -> ComplaintStep | None:
    """The next step due, or ``None`` once the complaint has ended."""
    if complaint.outcome is not AppealOutcome.PENDING:
        return None
    if complaint.acknowledged is None:
        due = calendar.add_working_days(complaint.received, timescales.acknowledge_working_days)
        return ComplaintStep("acknowledge", due)
    return ComplaintStep("answer", complaint.received + timedelta(days=timescales.respond_days))


_ENDED = {
    AppealOutcome.UPHELD: "upheld",
    AppealOutcome.NOT_UPHELD: "not upheld",
    AppealOutcome.WITHDRAWN: "withdrawn",
}


def complaint_state(complaint: Complaint) -> str:
    """Where the complaint stands: "received, not yet acknowledged", "acknowledged on
    5 Dec 2026, being considered", "upheld on 3 Jan 2027"."""
    ended = _ENDED.get(complaint.outcome)
    if ended is not None:
        when = f" on {short_date(complaint.decided)}" if complaint.decided else ""
        return ended + when
    if complaint.acknowledged is not None:
        return f"acknowledged on {short_date(complaint.acknowledged)}, being considered"
    return "received, not yet acknowledged"
