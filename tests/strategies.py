"""Hypothesis strategies for the conference model.

``records()`` draws whole, internally consistent ``ConferenceRecord`` values: every
reference points at something in the same record, ids are unique, exclusions give
grounds, attendance never ends before it starts. Text is deliberately hostile: any
Unicode scalar value (NUL and other controls included, surrogates excluded because
they are not Unicode text), plus right-to-left scripts, bidi controls, emoji
sequences and combining marks. Instants are UTC with microseconds.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any, TypeVar

from hypothesis import strategies as st

from cpc_desktop.domain.conference import (
    AgencyView,
    AgendaItem,
    Appeal,
    AttendanceEvent,
    CarriedAction,
    CarriedPlan,
    Child,
    Complaint,
    Conference,
    ConferenceAction,
    ConferenceRecord,
    CorrectionRequest,
    Decision,
    Dissent,
    Distribution,
    Letter,
    MinuteEntry,
    MinutesVersion,
    Participant,
    PlanAction,
    SafetyScale,
    ScalePoint,
)
from cpc_desktop.domain.enums import (
    ActionStatus,
    AdjournReason,
    AdministrativeEnding,
    AgendaStatus,
    AnalysisSection,
    AppealGround,
    AppealOutcome,
    AttendanceKind,
    AttendanceMode,
    ChildParticipation,
    ClockKind,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    CorrectionRuling,
    ExclusionGround,
    Language,
    MeetingMode,
    MinutesState,
    Outcome,
    ParticipantRole,
    Side,
    StrategyAnchor,
    Tag,
    View,
)
from cpc_desktop.domain.meeting_clock import ClockEvent

T = TypeVar("T")

# Pieces of awkward text, none longer than four code points.
_FRAGMENTS = (
    "a",
    " ",
    "\n",
    "\x00",
    "\t",
    '"',
    "\\",
    "<b>",
    "&amp",
    "שלום",
    "سلام",
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u200f",  # right-to-left mark
    "👩\u200d👧",  # ZWJ sequence
    "🇬🇧",
    "e\u0301",  # e + combining acute
    "\u0928\u093f",  # Devanagari with a vowel sign
    "中文",
    "Ω",
    "\ufeff",
    "\U0010fffd",
)


@cache
def texts(max_size: int = 30, min_size: int = 0) -> st.SearchStrategy[str]:
    """Any Unicode text (no surrogates) of at most ``max_size`` code points."""
    hostile = st.lists(
        st.sampled_from(_FRAGMENTS), min_size=min_size, max_size=max(max_size // 4, min_size)
    ).map("".join)
    return st.one_of(st.text(min_size=min_size, max_size=max_size), hostile)


@cache
def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@cache
def choice(values: Any) -> st.SearchStrategy[Any]:
    """One member of an enum (or other hashable collection of values)."""
    return st.sampled_from(values)


@cache
def counts(most: int, least: int = 0) -> st.SearchStrategy[int]:
    return st.integers(least, most)


@cache
def instants() -> st.SearchStrategy[datetime]:
    """UTC-aware instants with microsecond precision."""
    return st.datetimes(timezones=st.just(UTC))


@cache
def start_times() -> st.SearchStrategy[time]:
    """A start time on the minute (the document keeps ``HH:MM``)."""
    return st.builds(time, st.integers(0, 23), st.integers(0, 59))


@cache
def sha256s() -> st.SearchStrategy[str]:
    return st.binary(min_size=32, max_size=32).map(bytes.hex)


@cache
def _indices(size: int, most: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, size - 1), unique=True, max_size=most)


# Strategies are built once: building them inside the draw loop would dominate the time.
_DATE = st.dates()
_MAYBE_DATE = optional(_DATE)
_MAYBE_INSTANT = optional(instants())
_TEXT = texts()
_MAYBE_TEXT = optional(_TEXT)
_BOOL = st.booleans()
_MAYBE_BOOL = optional(_BOOL)
_ID_BASE = st.integers(0, (1 << 128) - 1)


class _Ids:
    """Unique UUID strings for one record: a drawn base plus a counter."""

    _STEP = 0x9E3779B97F4A7C15F39CC0605CEDC835  # odd, so no two steps meet within 2**128

    def __init__(self, base: int) -> None:
        self._base = base
        self._count = 0

    def __call__(self) -> str:
        self._count += 1
        return str(uuid.UUID(int=(self._base + self._count * self._STEP) % (1 << 128)))


def _pick(draw: st.DrawFn, items: Sequence[str]) -> str:
    return items[draw(counts(len(items) - 1))]


def _maybe_pick(draw: st.DrawFn, items: Sequence[str]) -> str | None:
    """A member of ``items`` or None (always None when there is nothing to pick)."""
    if not items:
        return None
    index = draw(counts(len(items) - 1, least=-1))
    return None if index < 0 else items[index]


def _subset(draw: st.DrawFn, items: Sequence[str], most: int = 3) -> list[str]:
    """Up to ``most`` distinct members of ``items``, in drawn order."""
    if not items:
        return []
    return [items[index] for index in draw(_indices(len(items), most))]


_TAKES_PART = (AttendanceKind.PRESENT, AttendanceKind.ARRIVED)


def _attendance(draw: st.DrawFn, new_id: _Ids) -> AttendanceEvent:
    kind = draw(choice(AttendanceKind))
    at = draw(instants())
    until = draw(_MAYBE_INSTANT)
    if until is not None and until < at:
        at, until = until, at
    grounds = draw(choice(ExclusionGround)) if kind is AttendanceKind.EXCLUDED else None
    return AttendanceEvent(
        id=new_id(),
        kind=kind,
        at=at,
        until=until,
        grounds=grounds,
        note=draw(_TEXT),
        shared_with_family=draw(_BOOL),
        shown_to_excluded=draw(_BOOL),
        # Only someone present or arriving takes part in a way (room, video, phone).
        mode=draw(optional(choice(AttendanceMode))) if kind in _TAKES_PART else None,
    )


def _spans(draw: st.DrawFn) -> tuple[tuple[datetime, datetime], ...]:
    moments = sorted(draw(st.lists(instants(), max_size=4)))
    return tuple(zip(moments[::2], moments[1::2], strict=False))


@st.composite
def records(draw: st.DrawFn, max_children: int = 4, max_participants: int = 12) -> ConferenceRecord:
    """A whole conference whose references all resolve."""
    new_id = _Ids(draw(_ID_BASE))

    conference = Conference(
        id=new_id(),
        reference=draw(texts(40, min_size=1)),
        type=draw(choice(ConferenceType)),
        status=draw(choice(ConferenceStatus)),
        date=draw(_DATE),
        profile=draw(choice(("england", "wales", "scotland", "northern_ireland"))),
        start_time=draw(optional(start_times())),
        local_authority=draw(texts(200)),
        venue=draw(texts(60)),
        mode=draw(choice(MeetingMode)),
        strategy_discussion_date=draw(_MAYBE_DATE),
        transfer_notice_date=draw(_MAYBE_DATE),
        previous_conference_date=draw(_MAYBE_DATE),
        review_number=draw(counts(1000)),
        delay_reason=draw(_MAYBE_TEXT),
        quorum_reason=draw(_MAYBE_TEXT),
        reconvene_of=draw(optional(st.uuids().map(str))),
        delay_reason_shared=draw(_BOOL),
        quorum_reason_shared=draw(_BOOL),
        last_strategy_discussion_date=draw(_MAYBE_DATE),
        strategy_anchor=draw(optional(choice(StrategyAnchor))),
        previous_conference_id=draw(optional(st.uuids().map(str))),
        plan_id=draw(optional(st.uuids().map(str))),
        transfer_from=draw(texts(200)),
        transfer_contact=draw(texts(200)),
        transfer_contact_details=draw(_TEXT),
        adjourned_for=draw(optional(choice(AdjournReason))),
        adjourn_reason=draw(_TEXT),
    )

    children = tuple(
        Child(
            id=new_id(),
            given_name=draw(texts(200)),
            family_name=draw(texts(200)),
            date_of_birth=draw(_MAYBE_DATE),
            expected_date_of_delivery=draw(_MAYBE_DATE),
            participation=draw(optional(choice(ChildParticipation))),
            participation_reason=draw(_MAYBE_TEXT),
        )
        for _ in range(draw(counts(max_children, least=1)))
    )

    participants = tuple(
        Participant(
            id=new_id(),
            name=draw(texts(200)),
            role=draw(choice(ParticipantRole)),
            agency=draw(texts(200)),
            relationship=draw(texts(200)),
            direct_contact=draw(_BOOL),
            invited=draw(_BOOL),
            report_received=draw(_MAYBE_DATE),
            report_shared_with_family=draw(_MAYBE_DATE),
            interpreter_language=draw(optional(texts(200))),
            advocate_needed=draw(_BOOL),
            attendance=tuple(_attendance(draw, new_id) for _ in range(draw(counts(3)))),
            side=draw(optional(choice(Side))),
            side_reason=draw(_MAYBE_TEXT),
            child_ids=tuple(_subset(draw, [child.id for child in children])),
            address=draw(texts(500)),
            telephone=draw(texts(30)),
            email=draw(texts(60)),
            school_or_workplace=draw(texts(200)),
            language=draw(optional(choice(Language))),
            parental_responsibility=draw(_BOOL),
        )
        for _ in range(draw(counts(max_participants)))
    )
    people = [p.id for p in participants]
    participants = tuple(
        dataclasses.replace(person, withhold_from=tuple(_subset(draw, people, most=2)))
        for person in participants
    )

    agenda = tuple(
        AgendaItem(
            id=new_id(),
            key=draw(texts(60, min_size=1)),
            title=draw(texts(100)),
            allowance_minutes=draw(counts(1440)),
            status=draw(choice(AgendaStatus)),
            not_obtained_reason=draw(_MAYBE_TEXT),
        )
        for _ in range(draw(counts(5)))
    )
    items = [item.id for item in agenda]

    minutes = tuple(
        MinuteEntry(
            id=new_id(),
            agenda_item_id=_pick(draw, items),
            text=draw(texts(200)),
            author=draw(texts(200)),
            created_at=draw(instants()),
            updated_at=draw(instants()),
            speaker_id=_maybe_pick(draw, people),
            tag=draw(optional(choice(Tag))),
            restricted=draw(_BOOL),
            section=draw(optional(choice(AnalysisSection))),
            changes=_spans(draw),
            shown_to=tuple(_subset(draw, people, most=2)),
            kept_from=tuple(_subset(draw, people, most=2)),
        )
        for _ in range(draw(counts(8)) if items else 0)
    )

    decisions = tuple(
        Decision(
            id=new_id(),
            child_id=child_id,
            threshold_met=draw(_MAYBE_BOOL),
            threshold_rationale=draw(_TEXT),
            outcome=draw(optional(choice(Outcome))),
            reason=draw(_TEXT),
            categories=tuple(draw(st.lists(texts(60, min_size=1), unique=True, max_size=3))),
            primary_category=draw(optional(texts(60, min_size=1))),
            lead_social_worker_id=_maybe_pick(draw, people),
            lead_social_worker_contact=draw(texts(100)),
            core_group=tuple(_subset(draw, people, most=5)),
            first_core_group_date=draw(_MAYBE_DATE),
            first_core_group_reason=draw(_MAYBE_TEXT),
            review_date=draw(_MAYBE_DATE),
            review_date_reason=draw(_MAYBE_TEXT),
            contingency_plan=draw(_TEXT),
            core_group_frequency=draw(texts(200)),
            parents_view=draw(_TEXT),
            child_view=draw(_TEXT),
            ending=draw(optional(choice(AdministrativeEnding))),
            ending_date=draw(_MAYBE_DATE),
            final=draw(_BOOL),
            reporter_referral=draw(_MAYBE_BOOL),
            reporter_referral_reason=draw(_TEXT),
            ending_note=draw(_TEXT),
            views=tuple(
                AgencyView(
                    id=new_id(),
                    participant_id=person,
                    view=draw(choice(View)),
                    reason=draw(_TEXT),
                    shared_with_family=draw(_BOOL),
                )
                for person in _subset(draw, people)
            ),
            dissents=tuple(
                Dissent(
                    id=new_id(),
                    participant_id=person,
                    reasons=draw(_TEXT),
                    shared_with_family=draw(_BOOL),
                )
                for person in _subset(draw, people, most=2)
            ),
            actions=tuple(
                PlanAction(
                    id=new_id(),
                    owner=draw(texts(200)),
                    action=draw(_TEXT),
                    due_date=draw(_MAYBE_DATE),
                    outcome=draw(_TEXT),
                )
                for _ in range(draw(counts(3)))
            ),
        )
        for child_id in _subset(draw, [child.id for child in children], most=4)
    )

    versions: list[MinutesVersion] = []
    for number in range(draw(counts(3))):
        versions.append(
            MinutesVersion(
                id=new_id(),
                version=f"{number + 1}.0",
                state=draw(choice(MinutesState)),
                created_at=draw(instants()),
                content_hash=draw(st.just("") | sha256s()),
                approved_by=draw(optional(texts(200))),
                approved_at=draw(_MAYBE_INSTANT),
                issued_at=draw(_MAYBE_INSTANT),
                file_sha256=draw(optional(sha256s())),
                supersedes_id=_maybe_pick(draw, [v.id for v in versions]),
                amendment_note=draw(_TEXT),
            )
        )

    letters = tuple(
        Letter(
            id=new_id(),
            kind=draw(choice(("outcome_parent", "outcome_agency", "invitation"))),
            recipient_id=_maybe_pick(draw, people),
            created_at=draw(instants()),
            file_sha256=draw(optional(sha256s())),
        )
        for _ in range(draw(counts(3)))
    )

    distributions = tuple(
        Distribution(
            id=new_id(),
            participant_id=_pick(draw, people),
            item=draw(choice(("minutes", "letter", "plan"))),
            copy=draw(choice(CopyKind)),
            sent_at=draw(instants()),
            minutes_version_id=_maybe_pick(draw, [v.id for v in versions]),
            letter_id=_maybe_pick(draw, [letter.id for letter in letters]),
            method=draw(texts(200)),
        )
        for _ in range(draw(counts(3)) if people else 0)
    )

    actions = tuple(
        ConferenceAction(
            id=new_id(),
            owner=draw(texts(200)),
            action=draw(_TEXT),
            due_date=draw(_MAYBE_DATE),
            minute_entry_id=_maybe_pick(draw, [entry.id for entry in minutes]),
            created_at=draw(instants()),
        )
        for _ in range(draw(counts(3)))
    )

    scaling = tuple(
        SafetyScale(
            id=new_id(),
            participant_id=person,
            score=draw(counts(10)),
            note=draw(_TEXT),
        )
        for person in _subset(draw, people, most=4)
    )

    plans = tuple(
        CarriedPlan(
            id=new_id(),
            child_id=child_id,
            categories=tuple(draw(st.lists(texts(60, min_size=1), unique=True, max_size=3))),
            primary_category=draw(optional(texts(60, min_size=1))),
            lead_social_worker_id=_maybe_pick(draw, people),
            lead_social_worker_contact=draw(texts(100)),
            core_group=tuple(_subset(draw, people, most=5)),
            core_group_frequency=draw(texts(200)),
            contingency_plan=draw(_TEXT),
            actions=tuple(
                CarriedAction(
                    id=new_id(),
                    owner=draw(texts(200)),
                    action=draw(_TEXT),
                    due_date=draw(_MAYBE_DATE),
                    status=draw(optional(choice(ActionStatus))),
                )
                for _ in range(draw(counts(3)))
            ),
        )
        for child_id in _subset(draw, [child.id for child in children], most=2)
    )
    scale_history = tuple(
        ScalePoint(
            id=new_id(),
            conference_date=draw(_DATE),
            name=draw(texts(200)),
            agency=draw(texts(200)),
            score=draw(counts(10)),
        )
        for _ in range(draw(counts(3)))
    )

    appeals = []
    for _ in range(draw(counts(2))):
        received = draw(_DATE)
        decided = draw(_MAYBE_DATE)
        appeals.append(
            Appeal(
                id=new_id(),
                received=received,
                appellant_id=_maybe_pick(draw, people),
                child_ids=tuple(_subset(draw, [child.id for child in children], most=2)),
                grounds=tuple(draw(st.lists(choice(AppealGround), unique=True, max_size=3))),
                details=draw(_TEXT),
                outcome=draw(choice(AppealOutcome)),
                decided=None if decided is None else max(decided, received),
                outcome_note=draw(_TEXT),
            )
        )

    clock = tuple(
        ClockEvent(
            id=new_id(),
            kind=draw(choice(ClockKind)),
            at=draw(instants()),
            agenda_item_id=_maybe_pick(draw, items),
        )
        for _ in range(draw(counts(4)))
    )

    complaints = []
    kids = [child.id for child in children]
    for _ in range(draw(counts(2))):
        received = draw(_DATE)
        acknowledged, decided = draw(_MAYBE_DATE), draw(_MAYBE_DATE)
        complaints.append(
            Complaint(
                id=new_id(),
                conference_id=conference.id,
                received=received,
                grounds=tuple(draw(st.lists(choice(AppealGround), unique=True, max_size=3))),
                complainant_id=_maybe_pick(draw, people),
                complainant_name=draw(texts(200)),
                relation=draw(texts(80)),
                details=draw(_TEXT),
                acknowledged=None if acknowledged is None else max(acknowledged, received),
                handled_by=draw(_TEXT),
                outcome=draw(choice(AppealOutcome)),
                decided=None if decided is None else max(decided, received),
                outcome_note=draw(_TEXT),
                # the store gives them in the conference's order of children
                child_ids=tuple(sorted(_subset(draw, kids), key=kids.index)),
            )
        )
    version_ids = [version.id for version in versions]
    corrections = []
    disputable = any(version.state is MinutesState.ISSUED for version in versions)
    for _ in range(draw(counts(2)) if disputable else 0):
        ruling = draw(choice(CorrectionRuling))
        ruled = ruling is not CorrectionRuling.PENDING
        with_statement = ruling in (CorrectionRuling.REFUSED, CorrectionRuling.PARTLY)
        corrections.append(
            CorrectionRequest(
                id=new_id(),
                received=draw(_DATE),
                requested_by=draw(texts(200, min_size=1)),
                disputed=draw(_TEXT),
                asked=draw(_TEXT),
                participant_id=_maybe_pick(draw, people),
                entry_id=draw(optional(st.uuids().map(str))),
                version_id=_maybe_pick(draw, version_ids),
                ruling=ruling,
                reasons=draw(_TEXT) if ruled else "",
                ruled_at=draw(instants()) if ruled else None,
                ruled_by=draw(texts(200)) if ruled else None,
                statement=draw(_TEXT) if with_statement else "",
                correction_version_id=_maybe_pick(draw, version_ids) if ruled else None,
            )
        )

    return ConferenceRecord(
        conference=conference,
        children=children,
        participants=participants,
        agenda=agenda,
        minutes=minutes,
        decisions=decisions,
        minutes_versions=tuple(versions),
        letters=letters,
        distributions=distributions,
        actions=actions,
        scaling=scaling,
        appeals=tuple(appeals),
        clock=clock,
        plans=plans,
        scale_history=scale_history,
        # The store lists complaints by the date received, then id (they have no position).
        complaints=tuple(sorted(complaints, key=lambda c: (c.received, c.id))),
        corrections=tuple(corrections),
    )


def example_record() -> ConferenceRecord:
    """A small, fixed, consistent conference for example-based tests.

    Ids are ``uuid.UUID(int=n)``: conference 1, children 10-11, participants 20-22,
    attendance 30-32, agenda 40-42, minutes 50-52, decision 60 (views 61-62, dissent 63,
    action 64), minutes versions 70-71, letter 80, distribution 90, conference action 100,
    safety scales 110-111, appeal 120, clock 130-133, carried plan 140 (action 141), scale
    history 150, complaint 160, correction requests 170-171.
    """

    def ident(number: int) -> str:
        return str(uuid.UUID(int=number))

    def at(hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 11, 20, hour, minute, tzinfo=UTC)

    return ConferenceRecord(
        conference=Conference(
            id=ident(1),
            reference="CPC-2026-0001",
            type=ConferenceType.INITIAL,
            status=ConferenceStatus.CONCLUDED,
            date=date(2026, 11, 20),
            start_time=time(10, 0),
            local_authority="Borsetshire",
            venue="Room 2, Civic Centre",
            strategy_discussion_date=date(2026, 11, 2),
        ),
        children=(
            Child(ident(10), "Amira", "Haddad", date_of_birth=date(2019, 4, 1)),
            Child(ident(11), "Baby", "Haddad", expected_date_of_delivery=date(2027, 1, 9)),
        ),
        participants=(
            Participant(ident(20), "Jo Chair", ParticipantRole.CHAIR, agency="Safeguarding Unit"),
            Participant(
                ident(21),
                "Sam Worker",
                ParticipantRole.SOCIAL_WORKER,
                agency="Children's Services",
                report_received=date(2026, 11, 17),
                report_shared_with_family=date(2026, 11, 18),
                attendance=(AttendanceEvent(ident(30), AttendanceKind.PRESENT, at(10)),),
            ),
            Participant(
                ident(22),
                "Layla Haddad",
                ParticipantRole.PARENT,
                relationship="mother",
                attendance=(
                    AttendanceEvent(ident(31), AttendanceKind.PRESENT, at(10)),
                    AttendanceEvent(
                        ident(32),
                        AttendanceKind.EXCLUDED,
                        at(10, 40),
                        until=at(11, 5),
                        grounds=ExclusionGround.CONFIDENTIAL_INFORMATION,
                        note="police update",
                    ),
                ),
            ),
        ),
        agenda=(
            AgendaItem(ident(40), "introductions", "Welcome and introductions", 5),
            AgendaItem(
                ident(42),
                "childs_views",
                "The children's views",
                10,
                not_obtained_reason="The baby is not yet born; Amira's views came in a drawing.",
            ),
            AgendaItem(ident(41), "decision", "Decision", 15),
        ),
        minutes=(
            MinuteEntry(
                ident(50),
                ident(40),
                "Everyone introduced themselves.",
                "Minute Taker",
                at(10, 1),
                at(10, 2),
            ),
            MinuteEntry(
                ident(51),
                ident(41),
                "The threshold is met.",
                "Minute Taker",
                at(11, 30),
                at(11, 31),
                speaker_id=ident(21),
                tag=Tag.OPINION,
            ),
            MinuteEntry(
                ident(52),
                ident(41),
                "Missed health appointments are the main worry.",
                "Minute Taker",
                at(11, 32),
                at(11, 32),
                speaker_id=ident(21),
                section=AnalysisSection.HARM,
            ),
        ),
        decisions=(
            Decision(
                ident(60),
                ident(10),
                threshold_met=True,
                outcome=Outcome.CP_PLAN,
                categories=("neglect",),
                primary_category="neglect",
                lead_social_worker_id=ident(21),
                core_group=(ident(21), ident(22)),
                review_date=date(2027, 2, 19),
                views=(
                    AgencyView(ident(61), ident(21), View.PLAN),
                    AgencyView(ident(62), ident(20), View.UNSURE),
                ),
                dissents=(Dissent(ident(63), ident(20), "prefers a child in need plan"),),
                actions=(PlanAction(ident(64), "Sam Worker", "Visit weekly"),),
            ),
        ),
        minutes_versions=(
            MinutesVersion(ident(70), "1.0", MinutesState.ISSUED, at(15)),
            MinutesVersion(ident(71), "1.1", MinutesState.DRAFT, at(16), supersedes_id=ident(70)),
        ),
        letters=(Letter(ident(80), "outcome_parent", ident(22), at(12)),),
        distributions=(
            Distribution(
                ident(90),
                ident(22),
                "minutes",
                CopyKind.FAMILY,
                at(17),
                minutes_version_id=ident(70),
                letter_id=ident(80),
            ),
        ),
        actions=(
            ConferenceAction(
                ident(100),
                "Sam Worker",
                "Book the health review",
                date(2026, 11, 27),
                ident(52),
                at(11, 33),
            ),
        ),
        scaling=(
            SafetyScale(ident(110), ident(21), 3, "Worried about health care"),
            SafetyScale(ident(111), ident(22), 7),
        ),
        appeals=(
            Appeal(
                ident(120),
                date(2026, 11, 27),
                appellant_id=ident(22),
                child_ids=(ident(10),),
                grounds=(AppealGround.CATEGORY,),
                details="The category does not match what was said",
                outcome=AppealOutcome.NOT_UPHELD,
                decided=date(2026, 12, 11),
                outcome_note="The panel found the category was supported by the reports",
            ),
        ),
        clock=(
            ClockEvent(ident(130), ClockKind.ITEM, at(10, 2), ident(40)),
            ClockEvent(ident(131), ClockKind.PAUSED, at(10, 40)),
            ClockEvent(ident(132), ClockKind.RESUMED, at(10, 50)),
            ClockEvent(ident(133), ClockKind.ENDED, at(11, 45)),
        ),
        plans=(
            CarriedPlan(
                ident(140),
                ident(10),
                categories=("neglect",),
                lead_social_worker_id=ident(21),
                core_group=(ident(21),),
                core_group_frequency="every 4 weeks",
                actions=(
                    CarriedAction(
                        ident(141), "Sam Worker", "Visit weekly", status=ActionStatus.UNDER_WAY
                    ),
                ),
            ),
        ),
        scale_history=(ScalePoint(ident(150), date(2026, 8, 20), "Sam Worker", "CSC", 2),),
        complaints=(
            Complaint(
                ident(160),
                ident(1),
                date(2026, 11, 30),
                (AppealGround.NOT_HEARD,),
                complainant_id=ident(22),
                relation="mother",
                details="I was not given time to speak",
                acknowledged=date(2026, 12, 2),
                handled_by="Service manager",
                child_ids=(ident(11),),
            ),
        ),
        corrections=(
            CorrectionRequest(
                ident(170),
                date(2026, 11, 28),
                "Jo Parent",
                "The entry about the missed appointment",
                "Say that the appointment was moved by the clinic",
                participant_id=ident(22),
                entry_id=ident(50),
                version_id=ident(70),
                ruling=CorrectionRuling.REFUSED,
                reasons="The clinic's letter says the appointment was missed",
                ruled_at=at(17),
                ruled_by="Chair Person",
                statement="I still say the clinic moved the appointment.",
            ),
            CorrectionRequest(ident(171), date(2026, 12, 1), "Dr A Patel", "Item 3", "Add my view"),
        ),
    )


def holds_nul(value: object) -> bool:
    """Whether any text anywhere inside ``value`` (a record, or lists of them) holds NUL.

    PostgreSQL text cannot hold NUL, so a server store refuses such a record whole
    (the round-trip test checks that refusal); other server tests pass over them.
    """
    if isinstance(value, str):
        return "\x00" in value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(holds_nul(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    return False
