"""Edges of this session's domain code that the feature tests pass by: an appeal decided
before it was received, a nameless participant on the family screen, a clock with only a
pause, children's social care with no listed agency, a referral without a reason, the
transfer letter in the closing check, words paired with a blank side."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from cpc_desktop.domain import conference as d
from cpc_desktop.domain.document import check_references, to_document
from cpc_desktop.domain.enums import AttendanceKind, ClockKind, Outcome, ParticipantRole
from cpc_desktop.domain.family_view import family_view
from cpc_desktop.domain.letters import LetterKind, LetterNeed
from cpc_desktop.domain.minutes_document import build_minutes
from cpc_desktop.domain.minutes_words import joined
from cpc_desktop.domain.profile import Quorum
from cpc_desktop.domain.quorum import CSC_NAME, csc_name
from cpc_desktop.domain.reporter import letter_items
from cpc_desktop.domain.unfinished import _letter_line
from cpc_desktop.services.profiles import load_profile
from tests.strategies import example_record


def test_an_appeal_decided_before_it_was_received_is_named() -> None:
    record = example_record()
    appeal = dataclasses.replace(record.appeals[0], decided=date(2026, 11, 26))
    doc = to_document(dataclasses.replace(record, appeals=(appeal,)))
    problems = [(p.path, p.message) for p in check_references(doc)]
    assert ("$.appeals[0].decided", "is before the appeal was received") in problems
    assert not check_references(to_document(record))


def test_a_participant_with_no_name_is_not_listed_on_the_family_screen() -> None:
    record = example_record()
    at = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    here = d.AttendanceEvent("e-here", AttendanceKind.PRESENT, at)
    people = (
        d.Participant("p-named", "Sam Parent", ParticipantRole.PARENT, attendance=(here,)),
        d.Participant("p-blank", "   ", ParticipantRole.PARENT, attendance=(here,)),
    )
    view = family_view(dataclasses.replace(record, participants=people), at)
    assert [a.name for a in view.present] == ["Sam Parent"]


def test_a_clock_that_never_started_prints_no_meeting_time() -> None:
    record = example_record()
    paused_only = (d.ClockEvent("c1", ClockKind.PAUSED, datetime(2026, 11, 20, 10, tzinfo=UTC)),)
    printed = build_minutes(
        dataclasses.replace(record, clock=paused_only), load_profile("england")
    ).document
    texts = [x for s in printed.sections for b in s.blocks for x in getattr(b, "pairs", ())]
    assert not any(label == "Meeting time" for label, _ in texts)


def test_childrens_social_care_with_no_listed_agency_keeps_the_usual_name() -> None:
    assert csc_name(Quorum(csc_group="csc", min_other_agencies=2, agencies=())) == CSC_NAME


def test_a_referral_without_its_reason_is_not_put_in_a_letter() -> None:
    decision = d.Decision(
        "d1", "k1", outcome=Outcome.CP_PLAN, reporter_referral=True, reporter_referral_reason=" "
    )
    items = letter_items(
        True, (("Ada", decision),), "professional", lambda names: " and ".join(names)
    )
    assert not any("Ada" in item for item in items)


def test_the_closing_check_names_the_transfer_letter_without_a_recipient() -> None:
    line = _letter_line(LetterNeed(LetterKind.TRANSFER, None, ""))
    assert line.render() == "the transfer letter"


def test_paired_words_with_a_blank_first_side_print_the_other_once() -> None:
    assert joined("", "Present", " / ") == "Present"
    assert joined("Yn bresennol", "", " / ") == "Yn bresennol"
    assert joined("Yn bresennol", "Present", " / ") == "Yn bresennol / Present"
