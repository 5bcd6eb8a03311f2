"""What is due: each conference with its deadlines and what is overdue today."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from cpc_desktop.domain.calendar import WorkingCalendar, add_months
from cpc_desktop.domain.conference import Child, Conference
from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType, Division
from cpc_desktop.domain.inert import for_terminal, json_for_terminal
from cpc_desktop.domain.timescales import (
    DueDates,
    TimescaleParams,
    conference_due,
    due_dates,
    late_pre_birth,
    non_working,
)
from cpc_desktop.services.conferences import ConferenceService, NewConference, Overview
from cpc_desktop.services.distribution import DECISION_LETTER, FULL_MINUTES
from cpc_desktop.services.rules import RuleBook, timescale_params


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


#: Months a concluded conference stays on the home screen: the longest review interval
#: of the shipped profiles, so every conference whose next review is still ahead, and
#: every letter and minutes deadline (weeks after the meeting), is among those shown.
CURRENT_MONTHS = 6


@dataclass(frozen=True)
class Listing:
    """Conferences with their due dates, and what part of the store they are.

    Attributes:
        summaries: the conferences listed, by date then reference.
        total: how many conferences the store holds.
        since: ``None`` when every conference is listed; else the listed ones are
            those not yet concluded or cancelled (whatever their date) and any dated
            on or after ``since``.
        older_unsent: conferences concluded before ``since`` (not listed) whose
            decision letter or full minutes were never recorded as sent.
    """

    summaries: tuple[ConferenceSummary, ...]
    total: int
    since: date | None
    older_unsent: int

    @property
    def complete(self) -> bool:
        return self.since is None


class ScheduleService:
    """Due dates for every conference, from the store and the profiles' rules."""

    def __init__(
        self, conferences: ConferenceService, rules: RuleBook, today: Callable[[], date]
    ) -> None:
        self._conferences = conferences
        self._rules = rules
        self._today = today

    def summaries(self) -> tuple[ConferenceSummary, ...]:
        """Every conference in the store with its due dates."""
        return self.listing(everything=True).summaries

    def listing(self, *, everything: bool = False) -> Listing:
        """The current conferences (see :data:`CURRENT_MONTHS`), or all of them."""
        today = self._today()
        since = None if everything else add_months(today, -CURRENT_MONTHS)
        overview = self._conferences.overview(since)
        due = _DueCounter(self._rules, overview, today)
        summaries = tuple(
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
        return Listing(summaries, overview.total, overview.since, overview.older_unsent)

    def today(self) -> date:
        return self._today()

    def date_question(self, new: NewConference) -> str | None:
        """What is unusual about the date of a conference set up like ``new``, to ask the
        chair about before it is made: a weekend or a bank holiday of the profile's
        division, or a pre-birth conference later in the pregnancy than the profile
        allows. ``None`` when nothing is."""
        profile = self._rules.profile(new.profile)
        calendar = self._rules.calendar(profile.division, [new.date])
        said = []
        why = non_working(new.date, calendar)
        if why == "a bank holiday":
            why += f" in {_DIVISION_NAMES[profile.division]}"
        if why is not None:
            said.append(f"{weekday_date(new.date)} is {why}, not a working day.")
        conference, children = _preview(new)
        params = timescale_params(profile)
        gestation = late_pre_birth(conference, children, params)
        if gestation is not None:
            said.append(
                f"The pregnancy will be at {gestation} weeks, later than the "
                f"{params.pre_birth_latest_week} weeks the procedures allow."
            )
        return " ".join(said) or None

    def preview_due(self, new: NewConference) -> date | None:
        """The date by which a conference set up like ``new`` should be held."""
        profile = self._rules.profile(new.profile)
        conference, children = _preview(new)
        anchors = [
            d
            for d in (
                new.date,
                new.strategy_discussion_date,
                new.last_strategy_discussion_date,
                new.transfer_notice_date,
                new.previous_conference_date,
            )
            if d is not None
        ]
        calendar = self._rules.calendar(profile.division, anchors)
        return conference_due(conference, children, timescale_params(profile), calendar)


def _preview(new: NewConference) -> tuple[Conference, list[Child]]:
    """The conference and children ``new`` would make, for working out its dates."""
    conference = Conference(
        id="preview",
        reference="preview",
        type=new.type,
        status=ConferenceStatus.SCHEDULED,
        date=new.date,
        profile=new.profile,
        strategy_discussion_date=new.strategy_discussion_date,
        last_strategy_discussion_date=new.last_strategy_discussion_date,
        strategy_anchor=new.strategy_anchor,
        transfer_notice_date=new.transfer_notice_date,
        previous_conference_date=new.previous_conference_date,
        review_number=new.review_number,
        reconvene_of=new.reconvene_of,
    )
    children = [
        Child(
            id=str(i),
            given_name=c.given_name,
            family_name=c.family_name,
            date_of_birth=c.date_of_birth,
            expected_date_of_delivery=c.expected_date_of_delivery,
        )
        for i, c in enumerate(new.children)
    ]
    return conference, children


_DIVISION_NAMES = {
    Division.ENGLAND_AND_WALES: "England and Wales",
    Division.SCOTLAND: "Scotland",
    Division.NORTHERN_IRELAND: "Northern Ireland",
}


class _DueCounter:
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
