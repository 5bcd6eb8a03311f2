"""The schedule: current conferences or all of them, with the same due dates either way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from cpc_desktop.data.store import Store
from cpc_desktop.domain.calendar import add_months
from cpc_desktop.domain.enums import ConferenceStatus, ConferenceType, UserRole
from cpc_desktop.domain.timescales import due_dates
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.demo import build_demo_records
from cpc_desktop.services.distribution import DECISION_LETTER, FULL_MINUTES
from cpc_desktop.services.profiles import available_profiles, load_profile
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.rules import RuleBook, timescale_params
from cpc_desktop.services.schedule import (
    CURRENT_MONTHS,
    ScheduleService,
    summary_dict,
    summary_table,
)
from tests.helpers.stores import TickingClock, new_store

TODAY = date(2026, 11, 23)
SINCE = add_months(TODAY, -CURRENT_MONTHS)  # 23 May 2026


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_store(tmp_path)
    yield store
    store.close()


@pytest.fixture
def chair(store: Store) -> ConferenceService:
    return ConferenceService(store, Actor("Alex Chair", UserRole.CHAIR), TickingClock())


def _schedule(chair: ConferenceService, rules: RuleBook | None = None) -> ScheduleService:
    return ScheduleService(chair, rules or RuleBook(), lambda: TODAY)


def _conference(
    chair: ConferenceService, day: date, status: ConferenceStatus, profile: str = "england"
) -> str:
    created = chair.create_conference(
        NewConference(
            ConferenceType.INITIAL,
            day,
            (NewChild("Sam", "Reed", day - timedelta(days=2000)),),
            profile=profile,
            strategy_discussion_date=day - timedelta(days=7),
        )
    )
    if status is not ConferenceStatus.SCHEDULED:
        chair.set_status(created.reference, status)
    return created.reference


@pytest.fixture
def mixed(chair: ConferenceService) -> dict[str, str]:
    """Conferences either side of the window, in each state; name -> reference."""
    for record in build_demo_records(TODAY):  # three scheduled, one concluded recently
        chair.import_record(record)
    made = {
        "old concluded": (date(2021, 3, 4), ConferenceStatus.CONCLUDED),
        "old cancelled": (date(2022, 6, 1), ConferenceStatus.CANCELLED),
        "old, never held": (date(2023, 1, 10), ConferenceStatus.SCHEDULED),
        "old, still under way": (date(2024, 2, 6), ConferenceStatus.IN_PROGRESS),
        "old adjourned": (date(2025, 9, 2), ConferenceStatus.ADJOURNED),
        "just before the window": (SINCE - timedelta(days=1), ConferenceStatus.CONCLUDED),
        "first day of the window": (SINCE, ConferenceStatus.CONCLUDED),
        "recent cancelled": (date(2026, 10, 1), ConferenceStatus.CANCELLED),
        "Scottish, recent": (date(2026, 9, 15), ConferenceStatus.CONCLUDED),
        "Northern Irish, next year": (date(2027, 1, 12), ConferenceStatus.SCHEDULED),
    }
    profiles = {"Scottish, recent": "scotland", "Northern Irish, next year": "northern_ireland"}
    return {
        name: _conference(chair, day, status, profiles.get(name, "england"))
        for name, (day, status) in made.items()
    }


def test_the_current_listing_leaves_out_only_history(
    chair: ConferenceService, mixed: dict[str, str]
) -> None:
    listing = _schedule(chair).listing()
    listed = {s.reference for s in listing.summaries}
    hidden = {mixed["old concluded"], mixed["old cancelled"], mixed["just before the window"]}
    every = {s.reference for s in _schedule(chair).listing(everything=True).summaries}
    assert listed == every - hidden
    # Not yet held or under way, however old, stays: it needs attention.
    assert {mixed["old, never held"], mixed["old, still under way"]} <= listed
    assert listing.since == SINCE and not listing.complete
    assert listing.total == len(every) == 14
    # The two old concluded conferences sent neither letter nor minutes: said, not listed.
    assert listing.older_unsent == 2
    assert [s.date for s in listing.summaries] == sorted(s.date for s in listing.summaries)


def test_everything_is_the_whole_store_and_summaries_stay_whole(
    chair: ConferenceService, mixed: dict[str, str]
) -> None:
    schedule = _schedule(chair)
    everything = schedule.listing(everything=True)
    assert everything.complete and everything.since is None and everything.older_unsent == 0
    assert len(everything.summaries) == everything.total == 14
    assert schedule.summaries() == everything.summaries
    current = {s.reference: s for s in schedule.listing().summaries}
    for summary in everything.summaries:  # the same due dates, whichever list
        assert current.get(summary.reference, summary) == summary


def test_due_dates_are_those_of_each_conference_on_its_own(
    chair: ConferenceService, mixed: dict[str, str]
) -> None:
    """One calendar per division for the whole list gives each conference's own answer."""
    rules = RuleBook()
    summaries = _schedule(chair, rules).summaries()
    overview = chair.overview()
    by_id = {c.id: c for c in overview.conferences}
    assert len(summaries) == len(by_id)
    for summary in summaries:
        conference = by_id[summary.id]
        profile = RuleBook().profile(conference.profile)
        own_calendar = RuleBook().calendar(profile.division, [conference.date, TODAY])
        letter = overview.first_sent.get((conference.id, DECISION_LETTER))
        minutes = overview.first_sent.get((conference.id, FULL_MINUTES))
        assert summary.due == due_dates(
            conference,
            overview.children.get(conference.id, ()),
            timescale_params(profile),
            own_calendar,
            TODAY,
            decision_letter_sent=None if letter is None else letter.date(),
            minutes_issued=None if minutes is None else minutes.date(),
        )
    assert any(s.due.decision_letter_overdue for s in summaries)


def test_an_empty_store_lists_nothing(chair: ConferenceService) -> None:
    listing = _schedule(chair).listing()
    assert (listing.summaries, listing.total, listing.older_unsent) == ((), 0, 0)


@pytest.mark.parametrize("profile_id", available_profiles())
def test_every_review_falls_due_within_the_current_window(profile_id: str) -> None:
    """A concluded conference leaves the current list only once its next review is past."""
    t = load_profile(profile_id).timescales
    assert t.later_review_months <= CURRENT_MONTHS
    if t.first_review_months is not None:
        assert t.first_review_months <= CURRENT_MONTHS
    if t.first_review_days is not None:
        assert TODAY + timedelta(days=t.first_review_days) <= add_months(TODAY, CURRENT_MONTHS)


def _pre_birth(chair: ConferenceService, day: date, due: date, profile: str = "england") -> str:
    created = chair.create_conference(
        NewConference(
            ConferenceType.PRE_BIRTH,
            day,
            (NewChild("Unborn", "Reed", expected_date_of_delivery=due),),
            profile=profile,
            strategy_discussion_date=day - timedelta(days=7),
        )
    )
    return created.reference


def test_a_pre_birth_conference_later_than_the_profile_allows_is_shown_as_late(
    chair: ConferenceService,
) -> None:
    # Due 6 January 2027: on 14 December 2026 the pregnancy is at 36+5 weeks (limit 34).
    late = _pre_birth(chair, date(2026, 12, 14), date(2027, 1, 6))
    # Due 1 March 2027: 29+0 weeks, within the limit.
    on_time = _pre_birth(chair, date(2026, 12, 14), date(2027, 3, 1))
    # Scotland's limit is 28 weeks: the same dates are late there.
    scottish = _pre_birth(chair, date(2026, 12, 14), date(2027, 3, 1), profile="scotland")
    rows = {s.reference: s for s in _schedule(chair).listing().summaries}
    assert rows[late].late == ("pre-birth at 36+5 weeks",)
    assert rows[on_time].late == ()
    assert rows[scottish].late == ("pre-birth at 29+0 weeks",)
    assert summary_dict(rows[late])["pre_birth_late"] == "36+5"
    assert summary_dict(rows[on_time])["pre_birth_late"] is None
    table = summary_table([rows[late], rows[on_time]]).splitlines()
    assert table[0].split()[-3:] == ["OVERDUE", "OR", "LATE"]
    assert table[1].endswith("pre-birth at 36+5 weeks")
    assert table[2].endswith("-")
    # A cancelled conference is late for nothing.
    chair.set_status(late, ConferenceStatus.CANCELLED)
    rows = {s.reference: s for s in _schedule(chair).listing().summaries}
    assert rows[late].late == ()


def test_the_new_conference_question_names_a_weekend_and_a_late_pregnancy(
    chair: ConferenceService,
) -> None:
    schedule = _schedule(chair)

    def new(day: date, due: date, profile: str = "england") -> NewConference:
        child = NewChild("Unborn", "Reed", expected_date_of_delivery=due)
        return NewConference(ConferenceType.PRE_BIRTH, day, (child,), profile=profile)

    assert schedule.date_question(new(date(2026, 12, 14), date(2027, 3, 1))) is None
    assert schedule.date_question(new(date(2026, 12, 14), date(2027, 1, 6))) == (
        "The pregnancy will be at 36+5 weeks, later than the 34 weeks the procedures allow."
    )
    assert schedule.date_question(new(date(2026, 12, 13), date(2027, 3, 1), "scotland")) == (
        "Sun 13 Dec 2026 is a Sunday, not a working day. The pregnancy will be at 28+6 "
        "weeks, later than the 28 weeks the procedures allow."
    )
    # 17 March is a bank holiday in Northern Ireland only.
    assert schedule.date_question(new(date(2027, 3, 17), date(2027, 9, 1), "northern_ireland")) == (
        "Wed 17 Mar 2027 is a bank holiday in Northern Ireland, not a working day."
    )
    assert schedule.date_question(new(date(2027, 3, 17), date(2027, 9, 1))) is None
