"""A whole record checked against its profile: timescales, quorum at the decision, decisions."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from cpc_desktop.domain.enums import PROFESSIONAL_ROLES, AttendanceKind
from cpc_desktop.domain.validation import Severity
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.errors import RuleViolation
from cpc_desktop.services.rules import (
    RuleBook,
    check_record_rules,
    decision_instant,
    quorum_of,
    record_problems,
)

TODAY = date(2026, 11, 22)
CSC = "Children's Social Care"


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return RuleBook()


def _inquorate(record):
    def absent(p):
        if p.role in PROFESSIONAL_ROLES and p.agency != CSC:
            events = tuple(
                dataclasses.replace(e, kind=AttendanceKind.APOLOGIES) for e in p.attendance
            )
            return dataclasses.replace(p, attendance=events)
        return p

    return dataclasses.replace(record, participants=tuple(absent(p) for p in record.participants))


def test_demo_is_quorate_and_has_no_errors(rules: RuleBook) -> None:
    record = build_demo_record(TODAY)
    assert decision_instant(record) is not None
    assert quorum_of(record, rules.profile("england")).quorate
    errors = [p for p in record_problems(record, rules) if p.severity is Severity.ERROR]
    assert errors == []
    check_record_rules(record, rules)


def test_inquorate_conference_needs_a_reason(rules: RuleBook) -> None:
    record = _inquorate(build_demo_record(TODAY))
    assert not quorum_of(record, rules.profile("england")).quorate
    with pytest.raises(RuleViolation) as caught:
        check_record_rules(record, rules)
    assert any(path == "$.conference.quorum_reason" for path, _ in caught.value.problems)
    reasoned = dataclasses.replace(
        record,
        conference=dataclasses.replace(
            record.conference,
            quorum_reason="Delay would leave the children without a plan; police report read.",
        ),
    )
    paths = [p.path for p in record_problems(reasoned, rules) if p.severity is Severity.ERROR]
    assert "conference.quorum_reason" not in paths


def test_the_rule_book_judges_quorum_at_any_instant(rules: RuleBook) -> None:
    record = build_demo_record(TODAY)
    instant = decision_instant(record)
    assert instant is not None
    # At the decision, the same judgement as the rule check's; before anyone came, none.
    assert rules.quorum(record, instant) == quorum_of(record, rules.profile("england"))
    assert rules.quorum(record, instant).quorate
    assert not rules.quorum(_inquorate(record), instant).quorate
    early = rules.quorum(record, instant.replace(year=2000))
    assert not early.quorate and not early.csc_present and early.other_groups == ()


def test_no_decision_minutes_means_no_quorum_judgement(rules: RuleBook) -> None:
    record = build_demo_record(TODAY)
    decision_items = {a.id for a in record.agenda if a.key == "decision"}
    bare = dataclasses.replace(
        record, minutes=tuple(m for m in record.minutes if m.agenda_item_id not in decision_items)
    )
    assert quorum_of(_inquorate(bare), rules.profile("england")) is None


def test_unknown_profile_is_a_problem(rules: RuleBook) -> None:
    record = build_demo_record(TODAY)
    odd = dataclasses.replace(
        record, conference=dataclasses.replace(record.conference, profile="atlantis")
    )
    (problem,) = record_problems(odd, rules)
    assert problem.path == "conference.profile"
    assert "atlantis" in problem.message


def test_final_plan_without_contingency_is_refused(rules: RuleBook) -> None:
    record = build_demo_record(TODAY)
    index, plan = next(
        (i, d)
        for i, d in enumerate(record.decisions)
        if d.outcome and d.outcome.value == "child_protection_plan"
    )
    broken = list(record.decisions)
    broken[index] = dataclasses.replace(plan, contingency_plan="  ")
    with pytest.raises(RuleViolation) as caught:
        check_record_rules(dataclasses.replace(record, decisions=tuple(broken)), rules)
    assert caught.value.problems[0][0] == f"$.decisions[{index}].contingency_plan"


@pytest.mark.parametrize(
    ("nation", "name"),
    [("england", "strategy discussion"), ("scotland", "inter-agency referral discussion")],
)
def test_the_messages_use_the_profiles_name_for_the_strategy_discussion(
    rules: RuleBook, nation: str, name: str
) -> None:
    record = build_demo_record(TODAY)
    conference = dataclasses.replace(
        record.conference, profile=nation, strategy_discussion_date=None
    )
    record = dataclasses.replace(record, conference=conference)
    messages = [p.message for p in record_problems(record, rules)]
    assert f"The date of the {name} is missing." in messages
    assert not any("strategy discussion" in m for m in messages) or nation == "england"
    with pytest.raises(RuleViolation) as caught:  # an import is refused in the same words
        check_record_rules(record, rules)
    assert ("$.conference.strategy_discussion_date", f"The date of the {name} is missing.") in (
        caught.value.problems
    )
