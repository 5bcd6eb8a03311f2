"""Complaints' due dates and states (§10 item 36), retention dates and the deletion rule
(§10 item 40), and the profile tables that set them."""

from __future__ import annotations

from datetime import date

import pytest

from cpc_desktop.domain.calendar import uk_calendar
from cpc_desktop.domain.complaints import (
    DECISION_STANDS,
    Complaint,
    ComplaintStep,
    complaint_state,
    next_step,
)
from cpc_desktop.domain.enums import AppealGround, AppealOutcome, Division
from cpc_desktop.domain.profile import ProfileError
from cpc_desktop.domain.profile_reader import parse_profile
from cpc_desktop.domain.profile_records import ComplaintTimescales, RetentionRule
from cpc_desktop.domain.retention import (
    RetentionState,
    deletion_refusal,
    retain_until,
    retention_state,
)
from tests.unit.domain.test_profile import changed, valid

CALENDAR = uk_calendar(Division.ENGLAND_AND_WALES, 2026, 2027)
RECEIVED = date(2026, 12, 18)  # a Friday before Christmas
COMPLAINT = Complaint(
    id="c1", conference_id="k1", received=RECEIVED, grounds=(AppealGround.PROCESS,)
)


# --- complaints -----------------------------------------------------------------------------


def test_the_decision_stands_is_said_in_plain_words() -> None:
    assert "decision stands while the complaint is considered" in DECISION_STANDS


def test_a_complaint_is_acknowledged_within_working_days_then_answered() -> None:
    timescales = ComplaintTimescales()
    # 5 working days after Friday 18/12: 21-24/12, then past Christmas and Boxing Day
    # (a Saturday, its holiday on Monday 28/12), Tuesday 29/12.
    assert next_step(COMPLAINT, timescales, CALENDAR) == ComplaintStep(
        "acknowledge", date(2026, 12, 29)
    )
    acknowledged = Complaint(**{**COMPLAINT.__dict__, "acknowledged": date(2026, 12, 21)})
    assert next_step(acknowledged, ComplaintTimescales(respond_days=14), CALENDAR) == (
        ComplaintStep("answer", date(2027, 1, 1))
    )
    ended = Complaint(**{**COMPLAINT.__dict__, "outcome": AppealOutcome.WITHDRAWN})
    assert next_step(ended, timescales, CALENDAR) is None


def test_a_step_says_when_it_is_overdue() -> None:
    step = ComplaintStep("answer", date(2027, 1, 15))
    assert step.words(date(2027, 1, 15)) == "answer by 15 Jan 2027"
    assert step.words(date(2027, 1, 16)) == "answer by 15 Jan 2027 (overdue)"


def test_where_a_complaint_stands() -> None:
    assert complaint_state(COMPLAINT) == "received, not yet acknowledged"
    acknowledged = Complaint(**{**COMPLAINT.__dict__, "acknowledged": date(2026, 12, 21)})
    assert complaint_state(acknowledged) == "acknowledged on 21 Dec 2026, being considered"
    upheld = Complaint(
        **{**COMPLAINT.__dict__, "outcome": AppealOutcome.UPHELD, "decided": date(2027, 1, 4)}
    )
    assert complaint_state(upheld) == "upheld on 4 Jan 2027"
    undated = Complaint(**{**COMPLAINT.__dict__, "outcome": AppealOutcome.NOT_UPHELD})
    assert complaint_state(undated) == "not upheld"


# --- retention ------------------------------------------------------------------------------


def test_the_retention_date_runs_from_the_later_of_the_conference_and_closure() -> None:
    rule = RetentionRule(years=35)
    assert retain_until(date(2026, 11, 20), None, rule) == date(2061, 11, 20)
    assert retain_until(date(2026, 11, 20), date(2028, 2, 29), rule) == date(2063, 2, 28)
    assert retain_until(date(2026, 11, 20), date(2026, 1, 1), rule) == date(2061, 11, 20)


def test_a_held_or_kept_conference_is_not_deleted() -> None:
    until = date(2061, 11, 20)
    assert retention_state(until, False, date(2061, 11, 19)) is RetentionState.KEPT
    assert retention_state(until, False, until) is RetentionState.DUE
    assert retention_state(until, True, date(2070, 1, 1)) is RetentionState.HELD
    assert deletion_refusal("R1", until, False, until) is None
    assert deletion_refusal("R1", until, True, until) == (
        "R1 is on legal hold and cannot be deleted until the hold is lifted"
    )
    assert deletion_refusal("R1", until, False, date(2061, 11, 19)) == (
        "R1 is kept until 20 Nov 2061 and cannot be deleted before then"
    )


# --- the profile's tables --------------------------------------------------------------------


def test_a_profile_without_the_tables_gets_the_documented_defaults() -> None:
    profile = parse_profile(valid())
    assert profile.complaints == ComplaintTimescales(5, 28)
    assert profile.retention.years == 35
    assert "35 years" in profile.retention.policy


def test_a_profile_sets_its_own_timescales_and_rule() -> None:
    data = valid() | {
        "complaints": {"respond_days": 20},
        "retention": {"years": 75, "record_type": "Looked-after child's record"},
    }
    profile = parse_profile(data)
    assert profile.complaints == ComplaintTimescales(5, 20)
    assert (profile.retention.years, profile.retention.record_type) == (
        75,
        "Looked-after child's record",
    )
    assert profile.retention.policy == RetentionRule().policy


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("complaints", {"respond_days": 0}, "complaints.respond_days"),
        ("complaints", {"acknowledge_working_days": "five"}, "expected a whole number of days"),
        ("complaints", {"reply_days": 3}, "reply_days"),
        ("retention", {"years": 200}, "retention.years"),
        ("retention", {"record_type": "a\nb"}, "one line"),
        ("retention", {"policy": " "}, "retention.policy"),
    ],
)
def test_a_wrong_table_is_refused_naming_its_key(path: str, value: object, words: str) -> None:
    with pytest.raises(ProfileError, match=words):
        parse_profile(changed(path, value) if path in valid() else valid() | {path: value})
