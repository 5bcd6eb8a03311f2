"""The rules of the conference, configured by its profile.

Turns a :class:`Profile` into the explicit numbers and calendars the pure rules in
:mod:`cpc_desktop.domain` take, and checks a whole conference record against them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from cpc_desktop.domain import fields
from cpc_desktop.domain.calendar import WorkingCalendar, uk_calendar
from cpc_desktop.domain.conference import ConferenceRecord
from cpc_desktop.domain.enums import Division
from cpc_desktop.domain.profile import Profile, ProfileError
from cpc_desktop.domain.quorum import QuorumResult, record_quorum
from cpc_desktop.domain.terms import terms_of
from cpc_desktop.domain.timescales import TimescaleParams
from cpc_desktop.domain.validation import Problem, Severity, check_conference, check_decision
from cpc_desktop.services.errors import RuleViolation
from cpc_desktop.services.profiles import load_profile

#: The agenda item at which the decision is made.
DECISION_ITEM = "decision"
#: Years either side of the dates asked about for which holidays are loaded.
_YEARS_MARGIN = 2


def timescale_params(profile: Profile) -> TimescaleParams:
    t = profile.timescales
    return TimescaleParams(
        unit=t.unit,
        initial_conference_days=t.initial_conference_days,
        transfer_in_days=t.transfer_in_days,
        first_core_group_days=t.first_core_group_days,
        reconvene_days=t.reconvene_days,
        decision_letter_days=t.decision_letter_days,
        minutes_days=t.minutes_days,
        first_review_months=t.first_review_months or 3,
        pre_birth_first_review_months=t.pre_birth_first_review_months,
        first_review_calendar_days=t.first_review_days,
        later_review_months=t.later_review_months,
        post_birth_review_days=t.post_birth_review_days,
        pre_birth_earliest_week=t.pre_birth_earliest_week,
        pre_birth_latest_week=t.pre_birth_latest_week,
        pre_birth_no_plan_before_week=t.pre_birth_no_plan_before_week,
        report_shared_before_initial_days=t.report_shared_before_initial_days,
        report_shared_before_review_days=t.report_shared_before_review_days,
        strategy_anchor=t.strategy_anchor,
    )


@dataclass
class RuleBook:
    """Profiles and calendars, loaded once each and kept for the life of a session."""

    _profiles: dict[str, Profile] = field(default_factory=dict)
    _calendars: dict[tuple[Division, int, int], WorkingCalendar] = field(default_factory=dict)

    def profile(self, profile_id: str) -> Profile:
        if profile_id not in self._profiles:
            self._profiles[profile_id] = load_profile(profile_id)
        return self._profiles[profile_id]

    def quorum(self, record: ConferenceRecord, instant: datetime) -> QuorumResult:
        """Quorum of ``record`` at ``instant``, by its profile's rule (the roll call asks)."""
        return record_quorum(record, self.profile(record.conference.profile).quorum, instant)

    def calendar(self, division: Division, dates: Iterable[date]) -> WorkingCalendar:
        years = [d.year for d in dates]
        first = min(years, default=2000) - _YEARS_MARGIN
        last = max(years, default=2000) + _YEARS_MARGIN
        for (div, lo, hi), cal in self._calendars.items():
            if div is division and lo <= first and last <= hi:
                return cal
        cal = uk_calendar(division, first, last)
        self._calendars[(division, first, last)] = cal
        return cal


def _record_dates(record: ConferenceRecord) -> list[date]:
    c = record.conference
    found = [c.date]
    found += [
        d
        for d in (c.strategy_discussion_date, c.transfer_notice_date, c.previous_conference_date)
        if d is not None
    ]
    found += [d.review_date for d in record.decisions if d.review_date is not None]
    return found


def decision_instant(record: ConferenceRecord) -> datetime | None:
    """When the conference reached its decision: the first minute under "decision"."""
    items = {item.id for item in record.agenda if item.key == DECISION_ITEM}
    times = [entry.created_at for entry in record.minutes if entry.agenda_item_id in items]
    return min(times, default=None)


def quorum_of(record: ConferenceRecord, profile: Profile) -> QuorumResult | None:
    """Quorum at the decision, or ``None`` if the conference has not reached it."""
    instant = decision_instant(record)
    return None if instant is None else record_quorum(record, profile.quorum, instant)


def record_problems(record: ConferenceRecord, rules: RuleBook) -> tuple[Problem, ...]:
    """Every rule problem of a whole record (final decisions only are held to the end)."""
    try:
        profile = rules.profile(record.conference.profile)
    except ProfileError as error:
        return (Problem("conference.profile", str(error), "conference.profile"),)
    params = timescale_params(profile)
    calendar = rules.calendar(profile.division, _record_dates(record))
    quorum = quorum_of(record, profile)
    problems = list(
        check_conference(
            record.conference,
            record.children,
            record.participants,
            params,
            calendar,
            quorum,
            terms=terms_of(profile),
        )
    )
    children = {child.id: child for child in record.children}
    for index, decision in enumerate(record.decisions):
        if not decision.final or decision.child_id not in children:
            continue
        problems += check_decision(
            decision,
            record.conference,
            children[decision.child_id],
            record.participants,
            profile.category_keys,
            params,
            calendar,
            quorum=quorum,
            path=f"decisions[{index}]",
            reporter=profile.consider_reporter_referral,
            terms=terms_of(profile),
        )
    return tuple(problems)


def check_record_rules(record: ConferenceRecord, rules: RuleBook | None = None) -> None:
    """Raise :class:`RuleViolation` naming every error (warnings do not block): every
    value past its field's limits (:mod:`cpc_desktop.domain.fields`), then every rule."""
    errors = [
        p for p in record_problems(record, rules or RuleBook()) if p.severity is Severity.ERROR
    ]
    limits = list(fields.record_problems(record))
    if limits or errors:
        raise RuleViolation(limits + [("$." + p.path, p.message) for p in errors])
