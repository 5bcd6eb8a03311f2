"""A review made from the conference before it: what it carries, the progress of the
plan, the scale over the plan, and its part in the minutes, the wizard and the letters
(issue 20, point 1; domain.md §10 items 5 and 35)."""

from __future__ import annotations

import itertools
import tomllib
from dataclasses import replace
from datetime import date
from importlib import resources

import pytest

from cpc_desktop.domain.conference import (
    CarriedAction,
    CarriedPlan,
    ConferenceRecord,
    Participant,
    PlanAction,
    SafetyScale,
    ScalePoint,
)
from cpc_desktop.domain.decision_flow import ChildAnswer
from cpc_desktop.domain.decision_start import carried_answer
from cpc_desktop.domain.document import check_references, to_document
from cpc_desktop.domain.enums import (
    ActionStatus,
    ConferenceStatus,
    ConferenceType,
    Outcome,
    ParticipantRole,
)
from cpc_desktop.domain.letters import LetterKind, letters_needed
from cpc_desktop.domain.minutes_document import build_minutes
from cpc_desktop.domain.minutes_plan import plan_progress, status_text
from cpc_desktop.domain.minutes_words_en import ENGLISH
from cpc_desktop.domain.minutes_writer import Writer
from cpc_desktop.domain.plan_review import (
    NOT_JUDGED,
    CannotReview,
    carry,
    plan_of,
    progress,
    review_conference,
    scale_series,
    status_words,
    with_status,
)
from cpc_desktop.domain.printed import Chart, Fields, Para, Table
from cpc_desktop.domain.profile_reader import parse_profile
from tests.strategies import example_record

AMIRA, BABY, JO, SAM, LAYLA = (
    "00000000-0000-0000-0000-00000000000a",
    "00000000-0000-0000-0000-00000000000b",
    "00000000-0000-0000-0000-000000000014",
    "00000000-0000-0000-0000-000000000015",
    "00000000-0000-0000-0000-000000000016",
)


def _ids(prefix: str = "new"):  # type: ignore[no-untyped-def]
    counter = itertools.count(1)
    return lambda: f"{prefix}-{next(counter)}"


def _england():  # type: ignore[no-untyped-def]
    folder = resources.files("cpc_desktop") / "resources" / "profiles"
    return parse_profile(tomllib.loads((folder / "england.toml").read_text("utf-8")))


def _icpc() -> ConferenceRecord:
    """The example: an ICPC that put Amira on a plan (the baby has no decision)."""
    record = example_record()
    (decision,) = record.decisions
    decision = replace(decision, core_group_frequency="every 4 weeks")
    people = tuple(
        replace(p, child_ids=(AMIRA, BABY), withhold_from=(JO, "someone-gone"))
        if p.id == LAYLA
        else p
        for p in record.participants
    )
    aunt = Participant(
        "00000000-0000-0000-0000-000000000017",
        "Rima Haddad",
        ParticipantRole.FAMILY_MEMBER,
        child_ids=(BABY,),
    )
    return replace(
        record,
        decisions=(decision,),
        participants=(*people, aunt),
        plans=(),
        scale_history=(),
    )


# --- carrying -------------------------------------------------------------------------


def test_a_review_carries_the_plan_the_people_and_the_scales() -> None:
    icpc = _icpc()
    carried = carry(icpc, new_id=_ids())
    (child,) = carried.children
    assert (child.given_name, child.participation) == ("Amira", None)
    assert child.id.startswith("new-")
    names = [p.name for p in carried.participants]
    assert names == ["Jo Chair", "Sam Worker", "Layla Haddad"]  # not the baby's aunt
    assert all(p.attendance == () and p.report_received is None for p in carried.participants)
    ids = {p.name: p.id for p in carried.participants}
    layla = carried.participants[2]
    assert layla.child_ids == (child.id,)  # the baby is not carried
    assert layla.withhold_from == (ids["Jo Chair"],)  # one no longer known is dropped
    (plan,) = carried.plans
    assert plan.child_id == child.id
    assert plan.categories == ("neglect",) and plan.primary_category == "neglect"
    assert plan.lead_social_worker_id == ids["Sam Worker"]
    assert plan.core_group == (ids["Sam Worker"], ids["Layla Haddad"])
    assert plan.core_group_frequency == "every 4 weeks"
    assert [(a.owner, a.action, a.status) for a in plan.actions] == [
        ("Sam Worker", "Visit weekly", None)
    ]
    assert [(p.conference_date, p.name, p.agency, p.score) for p in carried.scale_history] == [
        (date(2026, 11, 20), "Sam Worker", "Children's Services", 3),
        (date(2026, 11, 20), "Layla Haddad", "", 7),
    ]
    assert (carried.plan_id, carried.review_number) == (icpc.conference.id, 1)
    assert carried.agreed_date == date(2027, 2, 19)


def test_a_later_review_keeps_the_plan_and_adds_to_the_history() -> None:
    icpc = _icpc()
    (decision,) = icpc.decisions
    review = replace(
        icpc,
        conference=replace(
            icpc.conference,
            type=ConferenceType.REVIEW,
            review_number=1,
            plan_id="the-plan",
        ),
        decisions=(replace(decision, review_date=None, lead_social_worker_id=None),),
        scale_history=(ScalePoint("old", date(2026, 8, 1), "Sam Worker", "CSC", 1),),
        scaling=(*icpc.scaling, SafetyScale("stray", "nobody-here", 5)),
    )
    carried = carry(review, new_id=_ids())
    assert (carried.plan_id, carried.review_number, carried.agreed_date) == ("the-plan", 2, None)
    assert carried.plans[0].lead_social_worker_id is None
    assert [p.score for p in carried.scale_history] == [1, 3, 7]
    assert carried.scale_history[0].id != "old"


def test_what_cannot_be_reviewed_says_why() -> None:
    icpc = _icpc()
    busy = replace(icpc, conference=replace(icpc.conference, status=ConferenceStatus.IN_PROGRESS))
    with pytest.raises(CannotReview, match="is not concluded yet"):
        carry(busy, new_id=_ids())
    (decision,) = icpc.decisions
    no_plan = replace(icpc, decisions=(replace(decision, outcome=Outcome.NO_FURTHER_ACTION),))
    with pytest.raises(CannotReview, match="no child of CPC-2026-0001 has a plan to review"):
        carry(no_plan, new_id=_ids())


def test_the_review_itself_links_to_the_conference_before_and_the_plan() -> None:
    icpc = _icpc()
    carried = carry(icpc, new_id=_ids())
    review = review_conference(
        icpc.conference, carried, id="rev", reference="CPC-2027-0001", on=date(2027, 2, 19)
    )
    assert (review.type, review.status, review.date) == (
        ConferenceType.REVIEW,
        ConferenceStatus.SCHEDULED,
        date(2027, 2, 19),
    )
    assert (review.previous_conference_id, review.plan_id) == (icpc.conference.id,) * 2
    assert (review.previous_conference_date, review.review_number) == (date(2026, 11, 20), 1)
    assert (review.venue, review.local_authority) == ("Room 2, Civic Centre", "Borsetshire")


# --- progress -------------------------------------------------------------------------

PLAN = CarriedPlan(
    "plan",
    AMIRA,
    core_group_frequency="fortnightly",
    actions=(
        CarriedAction("a1", "Sam Worker", "Visit weekly", date(2026, 12, 1)),
        CarriedAction("a2", "Layla Haddad", "Attend the course"),
        CarriedAction("a3", "GP", "Health check", status=ActionStatus.DONE),
    ),
)


def test_the_status_is_always_in_words() -> None:
    assert status_words(None) == NOT_JUDGED == "Not yet judged"
    assert status_words(ActionStatus.BEHIND) == "Not started / behind (red)"
    assert status_words(ActionStatus.UNDER_WAY) == "Under way (amber)"
    assert status_words(ActionStatus.DONE) == "Done (green)"
    assert [status_text(ENGLISH, s) for s in (None, *ActionStatus)] == [
        "Not yet judged",
        "Not started or behind (red)",
        "Under way (amber)",
        "Done (green)",
    ]


def test_one_actions_status_changes_and_nothing_else() -> None:
    plan, changed = with_status((PLAN,), "a2", ActionStatus.UNDER_WAY)
    assert changed == replace(PLAN.actions[1], status=ActionStatus.UNDER_WAY)
    assert plan.actions == (PLAN.actions[0], changed, PLAN.actions[2])
    with pytest.raises(KeyError):
        with_status((PLAN,), "nothing", ActionStatus.DONE)


def test_progress_lists_each_childs_carried_actions_in_order() -> None:
    record = replace(example_record(), plans=(PLAN,))
    assert plan_of(record, BABY) is None
    lines = progress(record)
    assert [(line.child.given_name, line.action.id, line.status) for line in lines] == [
        ("Amira", "a1", "Not yet judged"),
        ("Amira", "a2", "Not yet judged"),
        ("Amira", "a3", "Done (green)"),
    ]


def test_the_scale_over_the_plan_is_each_persons_line_by_date() -> None:
    record = replace(
        example_record(),
        scale_history=(
            ScalePoint("h2", date(2026, 8, 20), "Sam Worker", "Children's Services", 2),
            ScalePoint("h1", date(2026, 5, 20), "Sam Worker", "Children's Services", 1),
            ScalePoint("h3", date(2026, 8, 20), "Pat Gone", "", 4),
        ),
        scaling=(*example_record().scaling, SafetyScale("stray", "nobody", 9)),
    )
    assert scale_series(record) == (
        (
            "Sam Worker (Children's Services)",
            ((date(2026, 5, 20), 1), (date(2026, 8, 20), 2), (date(2026, 11, 20), 3)),
        ),
        ("Pat Gone", ((date(2026, 8, 20), 4),)),
        ("Layla Haddad", ((date(2026, 11, 20), 7),)),
    )
    assert scale_series(replace(record, scale_history=(), scaling=())) == ()


# --- the minutes ----------------------------------------------------------------------


def _writer(record: ConferenceRecord) -> Writer:
    return Writer(record, lambda instant: instant)


def test_a_review_without_a_carried_plan_has_no_progress_section() -> None:
    assert plan_progress(_writer(replace(example_record(), plans=(), scale_history=()))) == []


def test_the_progress_section_has_the_frequency_the_actions_and_the_chart() -> None:
    record = replace(example_record(), plans=(PLAN,))
    (section,) = plan_progress(_writer(record))
    assert section.title == "Progress on the plan"
    frequency, table, intro, chart = section.blocks
    assert isinstance(frequency, Fields)
    assert frequency.pairs == (("The core group meets (Amira)", "fortnightly"),)
    assert isinstance(table, Table) and not isinstance(table, Chart)
    assert table.header == ("Child", "Outline plan: action", "Who", "By", "Progress")
    assert table.rows[0] == ("Amira", "Visit weekly", "Sam Worker", "1 Dec 2026", "Not yet judged")
    assert table.rows[1][3:] == ("-", "Not yet judged")
    assert table.rows[2][4] == "Done (green)"
    assert isinstance(intro, Para) and intro.label == "Safety scale over the plan."
    assert isinstance(chart, Chart) and (chart.low, chart.high) == (0, 10)
    assert chart.header == ("Who", "20 Aug 2026", "20 Nov 2026")
    assert chart.rows == (
        ("Sam Worker (CSC)", "2", ""),
        ("Sam Worker (Children's Services)", "", "3"),
        ("Layla Haddad", "", "7"),
    )


def test_only_what_was_carried_is_printed() -> None:
    record = replace(example_record(), scaling=())
    (section,) = plan_progress(_writer(record))
    assert [type(b) for b in section.blocks] == [Fields, Table, Para, Chart]
    bare = replace(record, plans=(replace(PLAN, core_group_frequency="", actions=()),))
    (section,) = plan_progress(_writer(replace(bare, scale_history=())))
    assert section.blocks == ()
    history_only = replace(record, plans=())
    (section,) = plan_progress(_writer(history_only))
    assert [type(b) for b in section.blocks] == [Para, Chart]


def test_the_minutes_print_the_progress_and_how_often_the_core_group_meets() -> None:
    record = _icpc()
    record = replace(record, plans=(PLAN,))
    titles = [s.title for s in build_minutes(record, _england()).document.sections]
    assert titles.index("Progress on the plan") + 1 == titles.index("Decisions")
    decision = next(
        s for s in build_minutes(record, _england()).document.sections if s.title == "Amira Haddad"
    )
    fields = next(b for b in decision.blocks if isinstance(b, Fields))
    assert ("The core group meets", "every 4 weeks") in fields.pairs


# --- the wizard starts from the plan ----------------------------------------------------


def test_the_wizard_starts_from_the_carried_plan_less_what_is_done() -> None:
    plan = replace(
        PLAN,
        categories=("neglect",),
        primary_category="neglect",
        lead_social_worker_id=SAM,
        lead_social_worker_contact="01632 960000",
        core_group=(SAM, LAYLA),
        contingency_plan="A legal planning meeting",
    )
    answer = carried_answer(ChildAnswer(AMIRA), plan, new_id=_ids("act"))
    assert answer.categories == ("neglect",) and answer.core_group == (SAM, LAYLA)
    assert answer.core_group_frequency == "fortnightly"
    assert (answer.lead_social_worker_id, answer.contingency_plan) == (
        SAM,
        "A legal planning meeting",
    )
    assert answer.actions == (
        PlanAction("act-1", "Sam Worker", "Visit weekly", date(2026, 12, 1)),
        PlanAction("act-2", "Layla Haddad", "Attend the course"),
    )
    mine = ChildAnswer(
        AMIRA,
        categories=("emotional",),
        core_group=(JO,),
        core_group_frequency="weekly",
        actions=(PlanAction("x", "Jo", "Chair"),),
    )
    kept = carried_answer(mine, plan)
    assert (kept.categories, kept.core_group, kept.core_group_frequency) == (
        ("emotional",),
        (JO,),
        "weekly",
    )
    assert kept.actions == mine.actions


# --- the document --------------------------------------------------------------------------


def test_a_carried_plan_refers_only_to_its_own_children_and_people() -> None:
    record = example_record()
    assert check_references(to_document(record)) == ()
    wrong = replace(
        record,
        plans=(
            replace(PLAN, child_id="c-gone", lead_social_worker_id="p-gone", core_group=(JO, "q")),
        ),
    )
    found = [(p.path, p.message) for p in check_references(to_document(wrong))]
    assert found == [
        ("$.plans[0].child_id", "no child has the id c-gone"),
        ("$.plans[0].lead_social_worker_id", "no participant has the id p-gone"),
        ("$.plans[0].core_group[1]", "no participant has the id q"),
    ]


# --- §10 item 35: plan-ended letters ------------------------------------------------------


def _ending(carried_from: str | None) -> ConferenceRecord:
    record = _icpc()
    (decision,) = record.decisions
    police = Participant(
        "police", "DC Dee", ParticipantRole.PROFESSIONAL, agency="Police", invited=False
    )
    conference = replace(
        record.conference, type=ConferenceType.REVIEW, previous_conference_id=carried_from
    )
    return replace(
        record,
        conference=conference,
        participants=(*record.participants, police),
        decisions=(replace(decision, outcome=Outcome.END_PLAN),),
    )


def test_plan_ended_letters_reach_every_agency_the_plans_conferences_invited() -> None:
    def told(record: ConferenceRecord) -> list[str]:
        return [
            need.recipient_name
            for need in letters_needed(record)
            if need.kind is LetterKind.PLAN_ENDED
        ]

    assert told(_ending(None)) == ["Sam Worker"]
    assert told(_ending("the-icpc")) == ["Sam Worker", "DC Dee"]


def test_the_wizard_opens_on_the_plan_each_child_carried() -> None:
    from cpc_desktop.domain.decision_flow import start
    from cpc_desktop.domain.decision_start import minuted_start
    from tests.unit.domain.test_decision_flow import BETH, TOMI, context

    ctx = context(ConferenceType.REVIEW, children=(BETH, TOMI), review_number=1)
    plan = replace(PLAN, child_id=BETH.id, categories=("neglect",), core_group=("sw", "pc"))
    record = ConferenceRecord(conference=ctx.conference, children=ctx.children, plans=(plan,))
    beth, tomi = minuted_start(start(ctx), ctx, record).children
    assert (beth.categories, beth.core_group, beth.core_group_frequency) == (
        ("neglect",),
        ("sw", "pc"),
        "fortnightly",
    )
    assert [a.action for a in beth.actions] == ["Visit weekly", "Attend the course"]
    assert len({a.id for a in beth.actions}) == 2  # new ids, one each
    assert (tomi.categories, tomi.actions) == ((), ())


def test_the_closing_check_lists_each_carried_action_not_yet_judged() -> None:
    from cpc_desktop.domain.unfinished import Place, unfinished

    record = replace(example_record(), plans=(PLAN,))
    found = [item for item in unfinished(record) if item.place is Place.PROGRESS]
    assert [(item.line, item.fix, item.target) for item in found] == [
        (
            "The progress of “Visit weekly” in Amira Haddad's plan is not yet judged.",
            "Judge its progress…",
            "a1",
        ),
        (
            "The progress of “Attend the course” in Amira Haddad's plan is not yet judged.",
            "Judge its progress…",
            "a2",
        ),
    ]
    not_begun = replace(record, minutes=(), clock=(), agenda=())
    not_begun = replace(
        not_begun, conference=replace(record.conference, status=ConferenceStatus.SCHEDULED)
    )
    assert not [item for item in unfinished(not_begun) if item.place is Place.PROGRESS]
