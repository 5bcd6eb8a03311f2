"""Scotland's referral to the Children's Reporter through the decision service: finishing
stores the answer and its reason with the child's decision, a reload reads them back,
finishing without them is refused with one plain line and nothing saved, and a decision
recorded elsewhere meanwhile is not overwritten unseen (the row-version stamps the other
decision fields have). Under England the question is never asked and stays ``None``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from cpc_desktop.data import integrity
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.decision_flow import FlowAnswers, FlowContext, path
from cpc_desktop.domain.decision_flow import StepKind as K
from cpc_desktop.domain.enums import ConferenceStatus, CopyKind, ParticipantRole, UserRole
from cpc_desktop.domain.letters import LetterKind, LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.services.errors import EditedElsewhere, NotFound, RuleViolation
from cpc_desktop.services.roles import Actor
from cpc_desktop.services.session import Session
from tests.helpers.meeting import decided_plan
from tests.helpers.records import small_record, uid
from tests.helpers.stores import TickingClock, new_store
from tests.unit.services.test_decisions import CHAIR, REF, events, open_session, quorate

REFER = "Bethany has missed school for a term and the family will not engage."
SW, MUM = uid("sw"), uid("mum")
ADDRESS = ("1 Mill Lane", "Harbury", "HB1 2CD")
NOT_REFER = "The family is working with the plan; compulsory measures are not needed."


def scottish(record: d.ConferenceRecord) -> d.ConferenceRecord:
    return replace(record, conference=replace(record.conference, profile="scotland"))


def referred(ctx: FlowContext, reason: str, refer: bool | None, why: str) -> FlowAnswers:
    """The small record's plan (tests/helpers/meeting.py), with the Reporter answer."""
    answers = decided_plan(ctx, reason)
    (child,) = answers.children
    child = replace(child, reporter_referral=refer, reporter_referral_reason=why)
    return replace(answers, children=(child,))


@pytest.fixture
def scotland(tmp_path: Path) -> Iterator[Session]:
    session = open_session(tmp_path, scottish(quorate(small_record())))
    yield session
    session.close()


def test_the_context_asks_under_scotland_only(scotland: Session, tmp_path: Path) -> None:
    ctx = scotland.decisions.context(REF)
    assert ctx.reporter
    assert path(decided_plan(ctx, "plan"), ctx)[-2].kind is K.REPORTER
    (tmp_path / "england").mkdir()
    england = open_session(tmp_path / "england", quorate(small_record()))
    try:
        ctx = england.decisions.context(REF)
        assert not ctx.reporter
        assert K.REPORTER not in {step.kind for step in path(decided_plan(ctx, "plan"), ctx)}
    finally:
        england.close()


@pytest.mark.parametrize(("refer", "why"), [(True, REFER), (False, NOT_REFER)])
def test_finishing_stores_the_answer_and_its_reason(
    scotland: Session, refer: bool, why: str
) -> None:
    ctx = scotland.decisions.context(REF)
    (decision,) = scotland.decisions.finish(REF, referred(ctx, "plan", refer, f"  {why} "))
    assert decision.reporter_referral is refer
    assert decision.reporter_referral_reason == why
    (stored,) = scotland.conferences.get(REF).decisions  # read back from the store
    assert stored.reporter_referral is refer
    assert stored.reporter_referral_reason == why
    assert stored == decision
    assert integrity.check(scotland.store).sound


@pytest.mark.parametrize(
    ("refer", "why", "said"),
    [
        (None, "", "Whether to refer Bethany Oyelaran to the Children's Reporter is not answered."),
        (True, "  ", "The reason for referring Bethany Oyelaran to the Children's Reporter is"),
        (False, "", "The reason for not referring Bethany Oyelaran to the Children's Reporter"),
    ],
)
def test_finishing_without_the_answer_or_its_reason_is_refused(
    scotland: Session, refer: bool | None, why: str, said: str
) -> None:
    ctx = scotland.decisions.context(REF)
    before, record = len(events(scotland.store)), scotland.conferences.get(REF)
    with pytest.raises(RuleViolation) as caught:
        scotland.decisions.finish(REF, referred(ctx, "plan", refer, why))
    assert said in caught.value.message
    assert "\n" not in caught.value.message
    assert len(events(scotland.store)) == before + 1  # only the get() above
    after = scotland.conferences.get(REF)
    assert after == record and after.decisions == ()
    assert after.conference.status is not ConferenceStatus.CONCLUDED


def test_england_never_records_an_answer(tmp_path: Path) -> None:
    """Even answers that carry one (no screen asks it) leave the decision's ``None``."""
    session = open_session(tmp_path, quorate(small_record()))
    try:
        ctx = session.decisions.context(REF)
        (decision,) = session.decisions.finish(REF, referred(ctx, "plan", True, REFER))
        (stored,) = session.conferences.get(REF).decisions
        assert decision.reporter_referral is None and stored.reporter_referral is None
        assert stored.reporter_referral_reason == ""
    finally:
        session.close()


def test_a_referral_recorded_meanwhile_is_not_overwritten(scotland: Session) -> None:
    other = Session(scotland.store, Actor("Jo Chair", UserRole.CHAIR), scotland.clock)
    mine, theirs = scotland.decisions.context(REF), other.decisions.context(REF)
    other.decisions.finish(REF, referred(theirs, "theirs", True, REFER))
    with pytest.raises(EditedElsewhere) as caught:
        scotland.decisions.finish(REF, referred(mine, "mine", False, NOT_REFER))
    assert "someone else recorded the decision for Bethany Oyelaran" in caught.value.message
    (shown,) = caught.value.theirs
    assert shown.reporter_referral is True and shown.reporter_referral_reason == REFER
    (kept,) = scotland.conferences.get(REF).decisions
    assert kept.reporter_referral is True and kept.reporter_referral_reason == REFER
    # Keeping mine, knowingly, over the referral shown.
    scotland.decisions.finish(
        REF, referred(mine, "mine", False, NOT_REFER), base=caught.value.version
    )
    (kept,) = scotland.conferences.get(REF).decisions
    assert kept.reporter_referral is False and kept.reporter_referral_reason == NOT_REFER
    with pytest.raises(EditedElsewhere):
        other.decisions.finish(REF, referred(theirs, "theirs again", True, REFER))
    assert integrity.check(scotland.store).sound


def test_a_decision_recorded_directly_is_held_to_the_same_rule(scotland: Session) -> None:
    """The command line's record_decision checks a final decision against the profile."""
    ctx = scotland.decisions.context(REF)
    (decision,) = scotland.decisions.finish(REF, referred(ctx, "plan", False, NOT_REFER))
    blank = replace(decision, id=decision.id + "-2", reporter_referral=None)
    blank = replace(
        blank,
        views=tuple(replace(v, id=v.id + "-2") for v in blank.views),
        actions=tuple(replace(a, id=a.id + "-2") for a in blank.actions),
    )
    with pytest.raises(RuleViolation) as caught:
        scotland.conferences.record_decision(REF, blank)
    assert "Children's Reporter is not answered" in caught.value.message
    assert scotland.conferences.get(REF).decisions == (decision,)


# --- on paper ---------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_the_minutes_and_letters_say_it_in_the_pdf(tmp_path: Path) -> None:
    """Decided through the wizard, then printed: the minutes (full and family copies), the
    excluded mother's letter and a professional's letter each say what was decided."""
    record = scottish(quorate(small_record()))
    chair = d.Participant(id=uid("chair"), name="Alex Chair", role=ParticipantRole.CHAIR)
    session = open_session(tmp_path, replace(record, participants=(chair, *record.participants)))
    try:
        ctx = session.decisions.context(REF)
        answers = referred(ctx, "The plan keeps Bethany safe.", True, REFER)
        (child,) = answers.children
        child = replace(child, lead_social_worker_contact="01632 960 000")
        session.decisions.finish(REF, replace(answers, children=(child,)))
        full = pdf_text(session.minutes.preview(REF).data)
        assert (
            "Children's Reporter Referred to the Children's Reporter, who decides whether a "
            f"children's hearing is needed. Reason: {REFER}" in full
        )
        family = pdf_text(session.minutes.preview(REF, MinutesCopy(CopyKind.FAMILY, MUM)).data)
        assert f"Reason: {REFER}" in family
        assert all(plan.missing == () for plan in session.letters.plan(REF))
        mum = LetterRequest(LetterKind.EXCLUDED_PARENT, MUM, "Ola Oyelaran", ADDRESS)
        letter = pdf_text(session.letters.preview(REF, mum).data)
        assert (
            "The Children's Reporter is the person who decides whether a child needs a "
            "children's hearing." in letter
        )
        assert (
            "We have asked the Children's Reporter to look at what is happening for Bethany."
            in letter
        )
        assert f"This is why: {REFER}" in letter
        sam = LetterRequest(LetterKind.PROFESSIONAL, SW, "Sam Worker", ADDRESS)
        letter = pdf_text(session.letters.preview(REF, sam).data)
        assert f"Bethany Oyelaran: referred to the Children's Reporter. Reason: {REFER}" in letter
    finally:
        session.close()


def test_england_prints_no_reporter(tmp_path: Path) -> None:
    session = open_session(tmp_path, quorate(small_record()))
    try:
        ctx = session.decisions.context(REF)
        session.decisions.finish(REF, decided_plan(ctx, "The plan keeps Bethany safe."))
        full = pdf_text(session.minutes.preview(REF).data)
        assert "The plan keeps Bethany safe." in full and "Reporter" not in full
    finally:
        session.close()


def test_an_import_is_held_to_the_same_rule(tmp_path: Path) -> None:
    """A conference document is refused whole: a Scottish final decision without the
    answer, or an English one carrying an answer."""
    session = open_session(tmp_path, scottish(quorate(small_record())))
    try:
        ctx = session.decisions.context(REF)
        (decision,) = session.decisions.finish(REF, referred(ctx, "plan", False, NOT_REFER))
        record = session.conferences.get(REF)
    finally:
        session.close()
    moved = replace(record.conference, reference="CPC-2026-0099")
    cases = [
        (
            replace(
                record, conference=moved, decisions=(replace(decision, reporter_referral=None),)
            ),
            (
                "$.decisions[0].reporter_referral",
                "Whether to refer Bethany Oyelaran to the Children's Reporter is not answered.",
            ),
        ),
        (
            replace(record, conference=replace(moved, profile="england")),
            (
                "$.decisions[0].reporter_referral",
                "A referral to the Children's Reporter is recorded, but these rules do not "
                "consider one.",
            ),
        ),
    ]
    for number, (bad, said) in enumerate(cases):
        (tmp_path / str(number)).mkdir()
        empty = Session(new_store(tmp_path / str(number)), CHAIR, TickingClock())
        try:
            with pytest.raises(RuleViolation) as caught:
                empty.conferences.import_record(bad)
            assert said in caught.value.problems
            with pytest.raises(NotFound):
                empty.conferences.get("CPC-2026-0099")
        finally:
            empty.close()
