"""Conferences with their due dates, as listed by ``cpc-desktop list`` and the home screen.

Imports neither SQLAlchemy nor any service that does: the command line's quick listing
(:mod:`cpc_desktop.services.quick_list`) builds the same summaries as
:class:`~cpc_desktop.services.schedule.ScheduleService` from the same values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.calendar import WorkingCalendar
from cpc_desktop.domain.conference import Conference
from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType, Division
from cpc_desktop.domain.inert import for_terminal, json_for_terminal
from cpc_desktop.domain.timescales import DueDates, TimescaleParams, due_dates
from cpc_desktop.services.rules import RuleBook, timescale_params

#: The distribution items whose first sending the due dates depend on.
DECISION_LETTER = "decision_letter"
FULL_MINUTES = "minutes"


@dataclass(frozen=True)
class Overview:
    """Conferences, their children and when their documents first went out.

    Attributes:
        since: ``None`` when ``conferences`` is every conference in the store; else
            they are those not yet concluded or cancelled, and any dated on or after it.
        total: how many conferences the store holds, shown or not.
        older_unsent: conferences concluded before ``since`` (so not in
            ``conferences``) whose decision letter or full minutes never went out.
    """

    conferences: tuple[d.Conference, ...]
    children: dict[str, tuple[d.Child, ...]]
    first_sent: dict[tuple[str, str], datetime]
    since: date | None
    total: int
    older_unsent: int
    #: Conferences whose decisions left no child on a plan: no review follows them.
    without_plan: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ConferenceSummary:
    id: str
    reference: str
    type: ConferenceType
    status: ConferenceStatus
    date: date
    profile: str
    children: int
    due: DueDates

    def next_deadline(self, today: dt.date) -> tuple[str, dt.date] | None:
        """The nearest deadline still ahead (or today) that this conference faces."""
        held = self.status in (ConferenceStatus.CONCLUDED, ConferenceStatus.IN_PROGRESS)
        candidates: list[tuple[str, dt.date | None]] = []
        if self.status in (ConferenceStatus.SCHEDULED, ConferenceStatus.ADJOURNED):
            candidates.append(("conference", self.due.conference_due))
        if held:
            candidates += [
                ("decision letter", self.due.decision_letter_due),
                ("first core group", self.due.first_core_group_due),
                ("minutes", self.due.minutes_due),
            ]
        if self.status is not ConferenceStatus.CANCELLED:
            candidates.append(("review", self.due.next_review_due))
        ahead = [(d, name) for name, d in candidates if d is not None and d >= today]
        if not ahead:
            return None
        when, name = min(ahead)
        return name, when

    @property
    def late(self) -> tuple[str, ...]:
        """What was planned later than the rules allow (e.g. "pre-birth at 35+1 weeks")."""
        gestation = self.due.pre_birth_late
        if gestation is None or self.status is ConferenceStatus.CANCELLED:
            return ()
        return (f"pre-birth at {gestation} weeks",)

    @property
    def overdue(self) -> tuple[str, ...]:
        flags = (
            ("conference", self.due.conference_overdue),
            ("decision letter", self.due.decision_letter_overdue),
            ("minutes", self.due.minutes_overdue),
        )
        return tuple(name for name, late in flags if late)


class DueCounter:
    """Due dates of the conferences of one overview, against one "today".

    A profile's parameters are worked out once, and each division has one calendar
    spanning every conference's date and today (instead of a look-up per conference).
    """

    def __init__(self, rules: RuleBook, overview: Overview, today: date) -> None:
        self._rules = rules
        self._overview = overview
        self._today = today
        dates = [c.date for c in overview.conferences]
        self._span = (today, min(dates, default=today), max(dates, default=today))
        self._params: dict[str, TimescaleParams] = {}
        self._calendars: dict[Division, WorkingCalendar] = {}

    def __call__(self, conference: Conference) -> DueDates:
        profile = self._rules.profile(conference.profile)
        params = self._params.get(conference.profile)
        if params is None:
            params = self._params[conference.profile] = timescale_params(profile)
        calendar = self._calendars.get(profile.division)
        if calendar is None:
            calendar = self._rules.calendar(profile.division, self._span)
            self._calendars[profile.division] = calendar
        sent = self._overview.first_sent
        letter = sent.get((conference.id, DECISION_LETTER))
        minutes = sent.get((conference.id, FULL_MINUTES))
        return due_dates(
            conference,
            self._overview.children.get(conference.id, ()),
            params,
            calendar,
            self._today,
            decision_letter_sent=None if letter is None else letter.date(),
            minutes_issued=None if minutes is None else minutes.date(),
            plan_ended=conference.id in self._overview.without_plan,
        )


def summaries_of(rules: RuleBook, overview: Overview, today: date) -> tuple[ConferenceSummary, ...]:
    """Each conference of ``overview`` with its due dates as of ``today``."""
    due = DueCounter(rules, overview, today)
    return tuple(
        ConferenceSummary(
            id=conference.id,
            reference=conference.reference,
            type=conference.type,
            status=conference.status,
            date=conference.date,
            profile=conference.profile,
            children=len(overview.children.get(conference.id, ())),
            due=due(conference),
        )
        for conference in overview.conferences
    )


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def summary_dict(s: ConferenceSummary) -> dict[str, object]:
    return {
        "reference": s.reference,
        "id": s.id,
        "type": s.type.value,
        "date": s.date.isoformat(),
        "status": s.status.value,
        "profile": s.profile,
        "children": s.children,
        "due": {
            "conference": _iso(s.due.conference_due),
            "next_review": _iso(s.due.next_review_due),
            "first_core_group": _iso(s.due.first_core_group_due),
            "decision_letter": _iso(s.due.decision_letter_due),
            "minutes": _iso(s.due.minutes_due),
        },
        "late": s.due.conference_late,
        "pre_birth_late": None if s.due.pre_birth_late is None else str(s.due.pre_birth_late),
        "overdue": list(s.overdue),
    }


def summary_json(summaries: Sequence[ConferenceSummary]) -> str:
    text = json.dumps([summary_dict(s) for s in summaries], indent=2, ensure_ascii=False)
    return json_for_terminal(text)


def summary_table(summaries: Sequence[ConferenceSummary]) -> str:
    if not summaries:
        return "no conferences in this store"
    header = (
        "REFERENCE",
        "TYPE",
        "DATE",
        "STATUS",
        "CHILDREN",
        "NEXT REVIEW BY",
        "OVERDUE OR LATE",
    )
    rows = [header] + [
        (
            for_terminal(s.reference),
            s.type.value.replace("_", "-"),
            s.date.isoformat(),
            s.status.value.replace("_", " "),
            str(s.children),
            _iso(s.due.next_review_due) or "-",
            for_terminal(", ".join(s.overdue + s.late)) or "-",
        )
        for s in summaries
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
