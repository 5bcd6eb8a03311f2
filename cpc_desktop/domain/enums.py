"""Closed vocabularies shared by every layer.

Each enum's value is the stable spelling used in the store and in the conference
document (design.md §6); never rename a value without a migration.
"""

from __future__ import annotations

from enum import StrEnum


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern_ireland"


class Division(StrEnum):
    """Bank-holiday divisions, as GOV.UK publishes them."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class DayUnit(StrEnum):
    WORKING = "working_days"
    CALENDAR = "calendar_days"


class ConferenceType(StrEnum):
    INITIAL = "initial"
    REVIEW = "review"
    TRANSFER_IN = "transfer_in"
    PRE_BIRTH = "pre_birth"


class ConferenceStatus(StrEnum):
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    ADJOURNED = "adjourned"
    CONCLUDED = "concluded"
    CANCELLED = "cancelled"


class MeetingMode(StrEnum):
    IN_PERSON = "in_person"
    REMOTE = "remote"
    HYBRID = "hybrid"


class ParticipantRole(StrEnum):
    """The part a person plays at the conference (not their store permissions)."""

    CHAIR = "chair"
    MINUTE_TAKER = "minute_taker"
    SOCIAL_WORKER = "social_worker"
    TEAM_MANAGER = "team_manager"
    PROFESSIONAL = "professional"
    PARENT = "parent"
    CARER = "carer"
    FAMILY_MEMBER = "family_member"
    CHILD = "child"
    ADVOCATE = "advocate"
    SUPPORTER = "supporter"
    INTERPRETER = "interpreter"
    OBSERVER = "observer"


PROFESSIONAL_ROLES = frozenset(
    {ParticipantRole.SOCIAL_WORKER, ParticipantRole.TEAM_MANAGER, ParticipantRole.PROFESSIONAL}
)
FAMILY_ROLES = frozenset(
    {
        ParticipantRole.PARENT,
        ParticipantRole.CARER,
        ParticipantRole.FAMILY_MEMBER,
        ParticipantRole.CHILD,
    }
)


class Side(StrEnum):
    """Which side of the table a participant is on, whatever their job title.

    The family side (parents, carers, the child, relatives, supporters, the family's
    solicitor, an advocate or interpreter there for the family) receives only family
    copies made for them; the professional side receives the full copy.
    """

    FAMILY = "family"
    PROFESSIONAL = "professional"


class AttendanceKind(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    ARRIVED = "arrived"
    LEFT = "left"
    EXCLUDED = "excluded"


class ExclusionGround(StrEnum):
    PREJUDICE_TO_WELFARE = "prejudice_to_welfare"
    VIOLENCE_OR_THREATS = "violence_or_threats"
    UNFIT_TO_TAKE_PART = "unfit_to_take_part"
    CHILD_ASKED = "child_asked"
    PREVENTS_OTHERS = "prevents_others"
    CONFIDENTIAL_INFORMATION = "confidential_information"
    FAMILY_CONFLICT = "family_conflict"


class ChildParticipation(StrEnum):
    ATTENDS_ALL = "attends_all"
    ATTENDS_PART = "attends_part"
    WRITTEN_OR_DRAWN = "written_or_drawn"
    THROUGH_ADVOCATE = "through_advocate"
    NOT_TAKING_PART = "not_taking_part"


class AnalysisSection(StrEnum):
    """Where a minute entry sits in a Signs of Safety analysis (the assessment map)."""

    HARM = "harm"
    DANGER = "danger"
    COMPLICATING_FACTORS = "complicating_factors"
    WORKING_WELL = "working_well"
    NEXT_STEPS = "next_steps"
    DANGER_STATEMENTS = "danger_statements"
    SAFETY_GOALS = "safety_goals"


class AgendaStatus(StrEnum):
    PENDING = "pending"
    CURRENT = "current"
    DONE = "done"
    SKIPPED = "skipped"


class ActionStatus(StrEnum):
    """How far a plan action carried into a review has come, as the chair judges it.

    Shown as red, amber or green, always with its words (domain/plan_review.py).
    """

    BEHIND = "behind"  # red: not started, or behind
    UNDER_WAY = "under_way"  # amber
    DONE = "done"  # green


class Tag(StrEnum):
    FACT = "fact"
    OBSERVATION = "observation"
    ALLEGATION = "allegation"
    OPINION = "opinion"


class View(StrEnum):
    """A professional's recommendation for one child (a record of views, not a vote)."""

    PLAN = "plan"
    CHILD_IN_NEED = "child_in_need"
    NO_FURTHER_ACTION = "no_further_action"
    UNSURE = "unsure"


class Outcome(StrEnum):
    CP_PLAN = "child_protection_plan"
    CIN_PLAN = "child_in_need_plan"
    NO_FURTHER_ACTION = "no_further_action"
    ADJOURN = "adjourn"
    END_PLAN = "end_plan"
    ADMINISTRATIVE_END = "administrative_end"


class AdministrativeEnding(StrEnum):
    TURNED_18 = "turned_18"
    MOVED_AUTHORITY = "moved_authority"
    DIED = "died"
    LEFT_UK = "left_uk"


class AdjournReason(StrEnum):
    """Why a conference was adjourned before reaching its decision."""

    INQUORATE = "inquorate"  # too few agencies to make a decision
    MORE_INFORMATION = "more_information"  # not enough information to decide


class MinutesState(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    ISSUED = "issued"


class CopyKind(StrEnum):
    FULL = "full"
    FAMILY = "family"


class UserRole(StrEnum):
    """Permissions in the store (enforced by the services)."""

    CHAIR = "chair"
    MINUTE_TAKER = "minute_taker"
    READ_ONLY = "read_only"


class Language(StrEnum):
    """The language a person chose for what is written to them (Welsh Language Standards).

    A participant's ``language`` is ``None`` when the choice is not known; under the Wales
    profile such a person's letters are bilingual, Welsh first.
    """

    ENGLISH = "en"
    WELSH = "cy"


class StrategyAnchor(StrEnum):
    """Which strategy discussion starts the clock for an initial conference."""

    INITIATED = "initiated"  # the discussion at which the enquiry was started
    LAST = "last"  # the most recent discussion


class AppealGround(StrEnum):
    """Why a parent appeals against a conference's decision (domain.md §8)."""

    PROCESS = "process"  # the procedures were not followed, affecting the outcome
    INFORMATION = "information"  # information inaccurate, incomplete or not considered
    THRESHOLD = "threshold"  # the threshold was not met, or met and ignored
    CATEGORY = "category"  # the category is wrong
    NOT_HEARD = "not_heard"  # not given the chance to be heard, or not treated with respect


class AppealOutcome(StrEnum):
    PENDING = "pending"
    UPHELD = "upheld"
    NOT_UPHELD = "not_upheld"
    WITHDRAWN = "withdrawn"


class CorrectionRuling(StrEnum):
    """The chair's ruling on a request to correct the minutes."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    PARTLY = "partly"  # partly accepted
    REFUSED = "refused"


class AttendanceMode(StrEnum):
    """How a person takes part when they arrive: in the room, on video or by telephone."""

    IN_ROOM = "in_room"
    VIDEO = "video"
    PHONE = "phone"


class ClockKind(StrEnum):
    """A moment on the meeting's clock (:mod:`cpc_desktop.domain.meeting_clock`)."""

    ITEM = "item"  # the current agenda item changed (to an item, or to none)
    PAUSED = "paused"
    RESUMED = "resumed"
    ENDED = "ended"  # the last item was finished
    RESET = "reset"  # every item set back to waiting: the meeting has not started
