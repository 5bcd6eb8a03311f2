"""Scotland's referral to the Children's Reporter in the domain: the decision check, the
wizard's path, the minutes' decision section and the letters' words.

The letter records are test_letters.py's Harland sibling group under the shipped profiles;
the flow's context is test_decision_flow.py's.
"""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any

import pytest
import textstat
from textstat.backend.counts import _count_syllables

from cpc_desktop.domain import reporter
from cpc_desktop.domain.calendar import uk_calendar
from cpc_desktop.domain.conference import ConferenceRecord, Decision
from cpc_desktop.domain.decision_flow import Step, StepKind, path, start, step_problems
from cpc_desktop.domain.decision_flow import to_decisions as flow_decisions
from cpc_desktop.domain.enums import AdministrativeEnding, CopyKind, Division, Outcome
from cpc_desktop.domain.letters import (
    LetterIncomplete,
    LetterKind,
    LetterRequest,
    compose_letter,
    jargon_terms,
    missing_facts,
)
from cpc_desktop.domain.minutes_document import MinutesCopy, build_minutes
from cpc_desktop.domain.printed_text import document_text
from cpc_desktop.domain.profile_reader import parse_profile
from cpc_desktop.domain.timescales import TimescaleParams
from cpc_desktop.domain.validation import Severity, check_decision
from tests.unit.domain import test_decision_flow as flow_tests
from tests.unit.domain.test_letters import (
    KAI,
    LILY,
    MUM,
    PROFILES,
    THEO,
    compose,
    ended,
    harland,
    text_of,
    with_decision,
)

SCOTLAND, ENGLAND = PROFILES["scotland"], PROFILES["england"]
REFER = "Lily has been out of school for a term and her parents will not agree to help."
NOT_REFER = "The family is working well with the plan."
CALENDAR = uk_calendar(Division.SCOTLAND, 2026, 2027)


@pytest.fixture(autouse=True)
def _offline_syllables(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in test_letters.py: Pyphen's syllables, not NLTK's download."""
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)


def answered(record: ConferenceRecord, **by_child: tuple[bool | None, str]) -> ConferenceRecord:
    """``record`` with the Reporter answer and reason for the children named (kai, lily…)."""
    ids = {"kai": KAI, "lily": LILY, "theo": THEO}
    for key, (refer, why) in by_child.items():
        record = with_decision(
            record, ids[key], reporter_referral=refer, reporter_referral_reason=why
        )
    return record


def scottish_harland(**conference: Any) -> ConferenceRecord:
    """Lily referred; Kai and Theo not."""
    return answered(
        harland(**conference),
        kai=(False, NOT_REFER),
        lily=(True, REFER),
        theo=(False, NOT_REFER),
    )


def check(decision: Decision, *, reporter_asked: bool) -> set[str]:
    record = harland()
    child = next(c for c in record.children if c.id == decision.child_id)
    problems = check_decision(
        decision,
        record.conference,
        child,
        record.participants,
        [c.key for c in SCOTLAND.categories],
        TimescaleParams(),
        CALENDAR,
        reporter=reporter_asked,
    )
    return {p.message for p in problems if p.severity is Severity.ERROR}


def lily(record: ConferenceRecord) -> Decision:
    return next(d for d in record.decisions if d.child_id == LILY)


# --------------------------------------------------------------------------- the check


def test_a_scottish_decision_cannot_be_final_without_the_answer() -> None:
    unanswered = lily(harland())
    assert "Whether to refer Lily Harland to the Children's Reporter is not answered." in check(
        unanswered, reporter_asked=True
    )
    answered_ = lily(scottish_harland())
    assert not {m for m in check(answered_, reporter_asked=True) if "Reporter" in m}


@pytest.mark.parametrize(("refer", "doing"), [(True, "referring"), (False, "not referring")])
def test_the_reason_is_needed_either_way(refer: bool, doing: str) -> None:
    decision = dataclasses.replace(
        lily(harland()), reporter_referral=refer, reporter_referral_reason="  "
    )
    assert f"The reason for {doing} Lily Harland to the Children's Reporter is missing." in check(
        decision, reporter_asked=True
    )


def test_england_asks_nothing_and_keeps_none() -> None:
    assert not {m for m in check(lily(harland()), reporter_asked=False) if "Reporter" in m}
    recorded = lily(scottish_harland())
    assert check(recorded, reporter_asked=False) >= {
        "A referral to the Children's Reporter is recorded, but these rules do not consider one."
    }


def test_not_asked_after_an_administrative_ending_or_an_adjournment() -> None:
    for outcome in (Outcome.ADMINISTRATIVE_END, Outcome.ADJOURN):
        assert not reporter.asked(True, outcome)
        decision = dataclasses.replace(
            lily(harland()),
            outcome=outcome,
            ending=AdministrativeEnding.TURNED_18,
            ending_date=date(2026, 12, 1),
        )
        assert not {m for m in check(decision, reporter_asked=True) if "Reporter" in m}
    for outcome in (None, *(o for o in Outcome if o not in reporter._NOT_ASKED)):
        assert reporter.asked(True, outcome)
        assert not reporter.asked(False, outcome)


# --------------------------------------------------------------------------- the wizard's path


def test_each_scottish_child_ends_with_the_reporter_step() -> None:
    ctx = flow_tests.context(children=(flow_tests.BETH, flow_tests.TOMI), reporter=True)
    answers = start(ctx)
    steps = path(answers, ctx)
    for index in (0, 1):
        mine = [s for s in steps if s.child == index]
        assert mine[-1] == Step(StepKind.REPORTER, index)
    step = Step(StepKind.REPORTER, 0)
    messages = [p.message for p in step_problems(step, answers, ctx)]
    assert (
        "Whether to refer Bethany Oyelaran to the Children's Reporter is not answered." in messages
    )
    # The answer belongs to the Reporter step: no other step shows it.
    for other in steps:
        if other.kind not in (StepKind.REPORTER, StepKind.SUMMARY):
            assert not any(p.code in reporter.CODES for p in step_problems(other, answers, ctx)), (
                other
            )


def test_england_never_asks_and_its_decisions_keep_none() -> None:
    ctx = flow_tests.context(children=(flow_tests.BETH, flow_tests.TOMI))
    answers = start(ctx)
    assert StepKind.REPORTER not in {s.kind for s in path(answers, ctx)}
    child = dataclasses.replace(
        answers.children[0], reporter_referral=True, reporter_referral_reason=REFER
    )
    answers = dataclasses.replace(answers, children=(child, answers.children[1]))
    for decision in flow_decisions(answers, ctx, new_id=flow_tests.ids()):
        assert decision.reporter_referral is None
        assert decision.reporter_referral_reason == ""


# --------------------------------------------------------------------------- the minutes


def _utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC)


def minutes_text(record: ConferenceRecord, profile: Any, copy: CopyKind = CopyKind.FULL) -> str:
    built = build_minutes(record, profile, MinutesCopy(copy), local=_utc)
    return document_text(built.document)


def test_the_scottish_minutes_state_each_answer_and_why() -> None:
    record = scottish_harland()
    for copy in (CopyKind.FULL, CopyKind.FAMILY):
        text = minutes_text(record, SCOTLAND, copy)
        assert (
            "Children's Reporter: Referred to the Children's Reporter, who decides whether a "
            f"children's hearing is needed. Reason: {REFER}" in text
        )
        assert (
            "Children's Reporter: The meeting decided not to refer the child to the "
            f"Children's Reporter. Reason: {NOT_REFER}" in text
        )
    # Each child's section says its own answer, after the decision's reasons.
    lily_section = minutes_text(record, SCOTLAND).split("Lily Harland\n")[1]
    assert lily_section.index("Reasons:") < lily_section.index("Referred to the Children's")


def test_scottish_minutes_before_the_question_is_answered_say_so() -> None:
    text = minutes_text(harland(), SCOTLAND)
    assert text.count("Children's Reporter: Not yet considered.") == 3


def test_minutes_elsewhere_print_no_reporter() -> None:
    assert "Reporter" not in minutes_text(harland(), ENGLAND)
    ended_text = minutes_text(ended(), SCOTLAND)  # Theo's plan ended: he moved away
    assert ended_text.count("Children's Reporter") == 2  # Kai and Lily only


# --------------------------------------------------------------------------- the letters


def test_the_parent_letter_explains_the_reporter_then_each_answer() -> None:
    body = text_of(compose(scottish_harland(), LetterKind.PARENT, profile=SCOTLAND))
    explained = (
        "The Children's Reporter is the person who decides whether a child needs a children's "
        "hearing. A children's hearing is a meeting that decides what help and care a child "
        "needs to be safe."
    )
    referred = (
        "We have asked the Children's Reporter to look at what is happening for Lily. The "
        f"Reporter will get in touch with you about what happens next. This is why: {REFER}"
    )
    not_referred = (
        "We talked about asking the Children's Reporter to look at what is happening for Kai "
        f"and Theo, and we decided not to. This is why: {NOT_REFER}"
    )
    paragraphs = body.split("\n\n")
    at = paragraphs.index(explained)
    assert paragraphs[at + 1 : at + 3] == [not_referred, referred]  # in the children's order
    assert body.index("About Theo:") < body.index(explained)  # after the decision's reasons


def test_the_professional_letter_lists_each_answer_briefly() -> None:
    body = text_of(
        compose(scottish_harland(), LetterKind.PROFESSIONAL, "Dr Thomas Ewing", SCOTLAND)
    )
    assert f"Lily Harland: referred to the Children's Reporter. Reason: {REFER}" in body
    assert (
        "Kai Harland and Theo Harland: not referred to the Children's Reporter. "
        f"Reason: {NOT_REFER}" in body
    )
    assert "is the person who decides" not in body  # professionals know the Reporter


def test_the_childs_letter_says_it_in_a_childs_words() -> None:
    body = text_of(compose(scottish_harland(), LetterKind.CHILD, "Lily Harland", SCOTLAND))
    assert "We have asked the Children's Reporter to look at how things are for you." in body
    assert "Kai" not in body.split("Children's Reporter is a person")[1]


@pytest.mark.parametrize(
    ("kind", "name", "least"),
    [
        (LetterKind.PARENT, "Justyna Harland", 60),
        (LetterKind.EXCLUDED_PARENT, "Dean Harland", 60),
        (LetterKind.CHILD, "Lily Harland", 70),
    ],
)
def test_family_letters_stay_easy_to_read(kind: LetterKind, name: str, least: int) -> None:
    letter = compose(scottish_harland(), kind, name, SCOTLAND)
    body = text_of(letter)
    assert "Children's Reporter" in body
    assert float(textstat.flesch_reading_ease(body)) >= least
    assert jargon_terms(body) == ()


def test_a_letter_waits_for_the_answer_and_its_reason() -> None:
    record = answered(harland(), kai=(False, NOT_REFER), lily=(True, " "), theo=(None, ""))
    assert missing_facts(record, SCOTLAND, LetterKind.PARENT) == (
        "whether the meeting referred Lily Harland to the Children's Reporter, and why",
        "whether the meeting referred Theo Harland to the Children's Reporter, and why",
    )
    with pytest.raises(LetterIncomplete, match="Theo Harland to the Children's Reporter"):
        compose_letter(
            record,
            SCOTLAND,
            LetterRequest(LetterKind.PARENT, MUM, "Justyna Harland", ("1 Mill Lane",)),
            date(2026, 12, 9),
        )
    assert missing_facts(record, ENGLAND, LetterKind.PARENT) == ()


def test_english_letters_never_mention_the_reporter() -> None:
    for kind, name in (
        (LetterKind.PARENT, "Justyna Harland"),
        (LetterKind.PROFESSIONAL, "Dr Thomas Ewing"),
    ):
        assert "Reporter" not in text_of(compose(scottish_harland(), kind, name, ENGLAND))


def test_a_profile_may_not_put_the_referral_beside_the_outcomes() -> None:
    """{reporter_referral} may be empty, so its paragraph may be left out: never the
    outcomes' or the reasons' paragraph (profile.py's optional placeholders)."""
    folder = resources.files("cpc_desktop") / "resources" / "profiles"
    data = tomllib.loads((folder / "scotland.toml").read_text("utf-8"))
    body = data["letters"]["parent"]["body"]
    data["letters"]["parent"]["body"] = body.replace(
        "{reasons}\n\n{reporter_referral}", "{reasons} {reporter_referral}"
    )
    with pytest.raises(ValueError, match="reporter_referral"):
        parse_profile(data)
