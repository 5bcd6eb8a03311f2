"""The conference aggregate as immutable values.

These frozen dataclasses are what services return and what the conference document
(design.md §6) serialises. Ids are UUID strings; instants are timezone-aware UTC
``datetime`` values; calendar dates are ``date`` values. Tuples keep their order:
the order is part of the record (agenda order, roll-call order, minute order).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cpc_desktop.domain.complaints import Complaint as Complaint
from cpc_desktop.domain.corrections import CorrectionRequest as CorrectionRequest
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
    ConferenceStatus,
    ConferenceType,
    CopyKind,
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
from cpc_desktop.domain.meeting_clock import ClockEvent as ClockEvent


@dataclass(frozen=True)
class Conference:
    id: str
    reference: str
    type: ConferenceType
    status: ConferenceStatus
    date: dt.date
    profile: str = "england"
    start_time: dt.time | None = None
    local_authority: str = ""
    venue: str = ""
    mode: MeetingMode = MeetingMode.IN_PERSON
    strategy_discussion_date: dt.date | None = None
    transfer_notice_date: dt.date | None = None
    previous_conference_date: dt.date | None = None
    review_number: int = 0
    delay_reason: str | None = None
    quorum_reason: str | None = None
    reconvene_of: str | None = None
    #: Whether the chair shares the reason for delay (or for going ahead without a quorum)
    #: with the family; otherwise family copies leave it out.
    delay_reason_shared: bool = False
    quorum_reason_shared: bool = False
    #: A later strategy discussion (or Scotland's inter-agency referral discussion), if
    #: there was more than one, and which of the two starts the clock (``None``: the
    #: profile's default, ``timescales.strategy_anchor``).
    last_strategy_discussion_date: dt.date | None = None
    strategy_anchor: StrategyAnchor | None = None
    #: A review made from the conference before it: that conference's id (not a key: it
    #: may live in another store), and the plan's identity, the id of the conference
    #: that made the plan, shared by every conference of that plan.
    previous_conference_id: str | None = None
    plan_id: str | None = None
    #: A transfer-in: the authority the child protection plan comes from (which keeps
    #: responsibility until this conference), its contact's name, and how to reach them
    #: (address lines, email, telephone; the transfer letter goes there).
    transfer_from: str = ""
    transfer_contact: str = ""
    transfer_contact_details: str = ""
    #: Why the conference was adjourned (``None``: it was not), in the chair's words too.
    adjourned_for: AdjournReason | None = None
    adjourn_reason: str = ""


@dataclass(frozen=True)
class Child:
    id: str
    given_name: str
    family_name: str
    date_of_birth: dt.date | None = None
    expected_date_of_delivery: dt.date | None = None
    participation: ChildParticipation | None = None
    participation_reason: str | None = None


@dataclass(frozen=True)
class AttendanceEvent:
    id: str
    kind: AttendanceKind
    at: dt.datetime
    until: dt.datetime | None = None
    grounds: ExclusionGround | None = None
    note: str = ""
    #: An exclusion's grounds and note go into family copies only when the chair shares
    #: them, and into the excluded person's own copy only when the chair also says so.
    shared_with_family: bool = False
    shown_to_excluded: bool = False
    #: How the person took part from this arrival on (in the room, video, phone), if said.
    mode: AttendanceMode | None = None


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    role: ParticipantRole
    agency: str = ""
    relationship: str = ""
    direct_contact: bool = False
    invited: bool = True
    report_received: dt.date | None = None
    report_shared_with_family: dt.date | None = None
    interpreter_language: str | None = None
    advocate_needed: bool = False
    attendance: tuple[AttendanceEvent, ...] = ()
    #: ``None``: the side the role implies (``domain/sides.py``); set, with a reason,
    #: when the chair puts the person on the other side.
    side: Side | None = None
    side_reason: str | None = None
    #: The children this person is related to (ids); empty means every child of the
    #: conference. A family copy carries only what concerns these children.
    child_ids: tuple[str, ...] = ()
    # Private details: printed only on this person's own letters and the full copy.
    address: str = ""
    telephone: str = ""
    email: str = ""
    school_or_workplace: str = ""
    #: People (participant ids) this person asked not to be given their details.
    withhold_from: tuple[str, ...] = ()
    #: The language the person chose for what is written to them; ``None`` when the
    #: choice is not known (under a profile with Welsh, they are written to in both).
    language: Language | None = None
    #: The person has parental responsibility for a child of the conference (Wales: every
    #: such person is invited and sent the outcome, whether or not they attended).
    parental_responsibility: bool = False


@dataclass(frozen=True)
class AgendaItem:
    id: str
    key: str
    title: str
    allowance_minutes: int = 10
    status: AgendaStatus = AgendaStatus.PENDING
    #: Why views could not be gathered (used on the child's and parents' views items).
    not_obtained_reason: str | None = None


@dataclass(frozen=True)
class MinuteEntry:
    id: str
    agenda_item_id: str
    text: str
    author: str
    created_at: dt.datetime
    updated_at: dt.datetime
    speaker_id: str | None = None
    tag: Tag | None = None
    restricted: bool = False
    #: The part of a Signs of Safety analysis the entry belongs to, if any.
    section: AnalysisSection | None = None
    #: When the entry was written, edited or moved: ``(from, to)`` spans of instants,
    #: oldest first (a burst of saves is one span).
    changes: tuple[tuple[dt.datetime, dt.datetime], ...] = ()
    #: The chair's rulings on an entry begun before a person's exclusion and changed
    #: during it: people whose copy includes it, and people whose copy leaves it out.
    shown_to: tuple[str, ...] = ()
    kept_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgencyView:
    id: str
    participant_id: str
    view: View
    reason: str = ""
    #: Family copies print the reason only when the chair shares it.
    shared_with_family: bool = False


@dataclass(frozen=True)
class Dissent:
    id: str
    participant_id: str
    reasons: str
    #: Family copies print the reasons only when the chair shares them.
    shared_with_family: bool = False


@dataclass(frozen=True)
class PlanAction:
    id: str
    owner: str
    action: str
    due_date: dt.date | None = None
    outcome: str = ""


@dataclass(frozen=True)
class Decision:
    id: str
    child_id: str
    threshold_met: bool | None = None
    threshold_rationale: str = ""
    outcome: Outcome | None = None
    reason: str = ""
    categories: tuple[str, ...] = ()
    primary_category: str | None = None
    lead_social_worker_id: str | None = None
    lead_social_worker_contact: str = ""
    core_group: tuple[str, ...] = ()
    first_core_group_date: dt.date | None = None
    first_core_group_reason: str | None = None
    review_date: dt.date | None = None
    review_date_reason: str | None = None
    contingency_plan: str = ""
    #: How often the core group meets, in words ("every 4 weeks").
    core_group_frequency: str = ""
    parents_view: str = ""
    child_view: str = ""
    ending: AdministrativeEnding | None = None
    ending_date: dt.date | None = None
    final: bool = False
    #: Scotland: whether the child is referred to the Children's Reporter (``None``: not
    #: yet considered), and why.
    reporter_referral: bool | None = None
    reporter_referral_reason: str = ""
    #: An administrative ending: who was consulted about it and what they said.
    ending_note: str = ""
    views: tuple[AgencyView, ...] = ()
    dissents: tuple[Dissent, ...] = ()
    actions: tuple[PlanAction, ...] = ()


@dataclass(frozen=True)
class ConferenceAction:
    """Something agreed during the meeting and noted while minuting.

    Distinct from a decision's :class:`PlanAction`: these are captured as they come up
    and may point at the minute entry where they were agreed.
    """

    id: str
    owner: str
    action: str
    due_date: dt.date | None
    minute_entry_id: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class SafetyScale:
    """One participant's 0-10 judgement of how safe the child is (Signs of Safety)."""

    id: str
    participant_id: str
    score: int
    note: str = ""


@dataclass(frozen=True)
class CarriedAction:
    """An action of the plan before a review, and how far it has come (``None``: not yet
    judged)."""

    id: str
    owner: str
    action: str
    due_date: dt.date | None = None
    status: ActionStatus | None = None


@dataclass(frozen=True)
class CarriedPlan:
    """The plan a review starts from for one child: what the conference before it decided."""

    id: str
    child_id: str
    categories: tuple[str, ...] = ()
    primary_category: str | None = None
    lead_social_worker_id: str | None = None
    lead_social_worker_contact: str = ""
    core_group: tuple[str, ...] = ()
    core_group_frequency: str = ""
    contingency_plan: str = ""
    actions: tuple[CarriedAction, ...] = ()


@dataclass(frozen=True)
class ScalePoint:
    """A safety scale given at an earlier conference of the plan, carried into the review."""

    id: str
    conference_date: dt.date
    name: str
    agency: str
    score: int


@dataclass(frozen=True)
class MinutesVersion:
    id: str
    version: str
    state: MinutesState
    created_at: dt.datetime
    content_hash: str = ""
    approved_by: str | None = None
    approved_at: dt.datetime | None = None
    issued_at: dt.datetime | None = None
    file_sha256: str | None = None
    supersedes_id: str | None = None
    amendment_note: str = ""


@dataclass(frozen=True)
class Letter:
    id: str
    kind: str
    recipient_id: str | None
    created_at: dt.datetime
    file_sha256: str | None = None
    recipient_name: str = ""  # as confirmed when the letter was made
    recipient_address: str = ""  # lines joined by newlines, as confirmed


@dataclass(frozen=True)
class Distribution:
    id: str
    participant_id: str
    item: str
    copy: CopyKind
    sent_at: dt.datetime
    minutes_version_id: str | None = None
    letter_id: str | None = None
    method: str = ""


@dataclass(frozen=True)
class Appeal:
    """A parent's appeal against the conference's decision (Northern Ireland), and how it
    ended. Recorded after the conference; the decision stands while it is considered."""

    id: str
    received: dt.date
    appellant_id: str | None = None
    child_ids: tuple[str, ...] = ()
    grounds: tuple[AppealGround, ...] = ()
    details: str = ""
    outcome: AppealOutcome = AppealOutcome.PENDING
    decided: dt.date | None = None
    outcome_note: str = ""


@dataclass(frozen=True)
class ConferenceRecord:
    """One whole conference: the unit of import, export and hand-over."""

    conference: Conference
    children: tuple[Child, ...] = ()
    participants: tuple[Participant, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    minutes: tuple[MinuteEntry, ...] = ()
    decisions: tuple[Decision, ...] = ()
    minutes_versions: tuple[MinutesVersion, ...] = ()
    letters: tuple[Letter, ...] = ()
    distributions: tuple[Distribution, ...] = field(default=())
    actions: tuple[ConferenceAction, ...] = ()
    scaling: tuple[SafetyScale, ...] = ()
    appeals: tuple[Appeal, ...] = ()
    #: The meeting's clock: when items became current, pauses, the end.
    clock: tuple[ClockEvent, ...] = ()
    #: A review made from the plan before it: the plan carried, per child, and the safety
    #: scales of the plan's earlier conferences.
    plans: tuple[CarriedPlan, ...] = ()
    scale_history: tuple[ScalePoint, ...] = ()
    #: Kept about the conference after it, and carried with it wherever it goes: the
    #: complaints, and the requests to correct the minutes with the chair's rulings and
    #: any statement of disagreement. Not part of what the minutes say
    #: (``approval.content_document`` leaves them out); the document omits them when empty.
    complaints: tuple[Complaint, ...] = ()
    corrections: tuple[CorrectionRequest, ...] = ()
