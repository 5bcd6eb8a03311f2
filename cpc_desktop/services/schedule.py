"""What is due: each conference with its deadlines and what is overdue today."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from cpc_desktop.domain.calendar import add_months
from cpc_desktop.domain.conference import Child, Conference
from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.domain.enums import ConferenceStatus, Division
from cpc_desktop.domain.timescales import (
    conference_due,
    late_pre_birth,
    non_working,
)
from cpc_desktop.services.conferences import ConferenceService, NewConference
from cpc_desktop.services.rules import RuleBook, timescale_params
from cpc_desktop.services.summaries import (
    ConferenceSummary,
    summaries_of,
    summary_dict,
    summary_json,
    summary_table,
)

__all__ = [
    "ConferenceSummary",
    "Listing",
    "ScheduleService",
    "summary_dict",
    "summary_json",
    "summary_table",
]


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
        summaries = summaries_of(self._rules, overview, today)
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
