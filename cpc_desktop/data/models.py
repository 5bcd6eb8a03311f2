"""The tables of a store.

Every table has a UUID string key and records who created and last changed each row and
when (UTC): ``row_created_at``, ``row_created_by``, ``row_updated_at``, ``row_updated_by``,
and carries a version, ``row_version`` (1 when written, one more at each change), against
which a change is checked so it never overwrites a newer one. Lists that have an order
(agenda, roll call, minutes) keep it in ``position``. The audit table (``audit_event``)
is separate: it is append-only and hash-chained, see :mod:`cpc_desktop.data.audit`.

Tables:
    store_info          key/value facts about the store (format, creation).
    app_user            people who may use the store and their role.
    conference          one conference (type, status, dates, venue, mode, reasons).
    child               a child considered by a conference (DOB or expected delivery).
    participant         a person invited; role, agency, reports, needs.
    attendance_event    present / apologies / absent / arrived / left / excluded.
    agenda_item         the agenda in order, with allowances and progress.
    minute_entry        what was said, by whom, tagged and possibly restricted.
    decision            the decision for one child (threshold, outcome, plan).
    agency_view         each professional's view on that child.
    dissent             a recorded dissent from the decision.
    plan_action         outline plan actions (owner, due date).
    minutes_version     draft / approved / issued versions of the minutes.
    letter              outcome letters produced.
    distribution        who received which document, when.
    conference_action   actions noted while minuting (owner, due date, source entry).
    safety_scale        each participant's 0-10 safety scale (Signs of Safety).
    appeal              a parent's appeal against the decision (Northern Ireland).
    clock_event         the meeting's clock: item changes, pauses, the end.
    output_file         every PDF issued: fingerprint, signer, bytes, redactions.
    handover            hand-over packages exported and imported, with the agreed base.
    release_check       a family copy or family letter held until a second person checks it.

The full-text index ``minute_fts`` (SQLite FTS5, external content over
``minute_entry``) and its shadow tables are made by the migrations, not the models:
they hold no data of their own and are ignored wherever tables are listed (see
:func:`cpc_desktop.data.schema.is_index_name`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cpc_desktop.data.plan_event_columns import EndingNote, TransferAndAdjournment
from cpc_desktop.data.types import InstantSpans, UTCDateTime, enum_column
from cpc_desktop.domain.enums import (
    AdministrativeEnding,
    AgendaStatus,
    AnalysisSection,
    AppealOutcome,
    AttendanceKind,
    AttendanceMode,
    ChildParticipation,
    ClockKind,
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
    UserRole,
    View,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime()}


class Row(Base):
    """Columns every tracked table has."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    row_created_at: Mapped[dt.datetime]
    row_created_by: Mapped[str] = mapped_column(sa.String(200))
    row_updated_at: Mapped[dt.datetime]
    row_updated_by: Mapped[str] = mapped_column(sa.String(200))
    # 1 when written, one more at every change: a save made from an older version is
    # refused (see services.errors.EditedElsewhere), never written over what is newer.
    row_version: Mapped[int] = mapped_column(sa.Integer, default=1, server_default="1")

    @orm.declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # SQLAlchemy checks the version on every ORM UPDATE and DELETE (a row changed
        # since it was read raises StaleDataError); _next_version below raises it.
        return {
            "version_id_col": cls.__table__.c.row_version,
            "version_id_generator": False,
        }


#: Changing only these does not make a new version: a row moving up or down the list
#: because another was added or removed has not been edited.
UNVERSIONED = frozenset({"position", "row_updated_at", "row_updated_by", "row_version"})


@sa.event.listens_for(Row, "before_update", propagate=True)
def _next_version(_mapper: orm.Mapper[Any], _connection: object, target: Row) -> None:
    state = sa.inspect(target)
    edited = any(
        key not in UNVERSIONED and state.attrs[key].history.has_changes()
        for key in state.mapper.column_attrs.keys()  # noqa: SIM118 - a mapper collection
    )
    if edited:
        target.row_version = (target.row_version or 1) + 1


def _fk(target: str, *, nullable: bool = False, index: bool = True) -> Mapped[Any]:
    return mapped_column(
        sa.String(36), sa.ForeignKey(target, ondelete="CASCADE"), nullable=nullable, index=index
    )


def _ref(target: str) -> Mapped[Any]:
    """A nullable reference that must not block deleting its target's parent."""
    return mapped_column(sa.String(36), sa.ForeignKey(target, ondelete="SET NULL"), nullable=True)


_CHILDREN = "all, delete-orphan"


class StoreInfo(Row):
    __tablename__ = "store_info"

    key: Mapped[str] = mapped_column(sa.String(60), unique=True)
    value: Mapped[str] = mapped_column(sa.Text)


class AppUser(Row):
    __tablename__ = "app_user"

    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole))
    # The sign-in secret as a salted scrypt hash (hex); none until the user chooses one.
    secret_hash: Mapped[str | None] = mapped_column(sa.String(128))
    secret_salt: Mapped[str | None] = mapped_column(sa.String(32))


class ConferenceRow(TransferAndAdjournment, Row):
    __tablename__ = "conference"

    reference: Mapped[str] = mapped_column(sa.String(40), unique=True)
    type: Mapped[ConferenceType] = mapped_column(enum_column(ConferenceType))
    status: Mapped[ConferenceStatus] = mapped_column(enum_column(ConferenceStatus))
    date: Mapped[dt.date] = mapped_column(sa.Date, index=True)
    profile: Mapped[str] = mapped_column(sa.String(60))
    start_time: Mapped[dt.time | None] = mapped_column(sa.Time)
    local_authority: Mapped[str] = mapped_column(sa.String(200))
    venue: Mapped[str] = mapped_column(sa.Text)
    mode: Mapped[MeetingMode] = mapped_column(enum_column(MeetingMode))
    strategy_discussion_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    transfer_notice_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    previous_conference_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    review_number: Mapped[int] = mapped_column(sa.Integer)
    delay_reason: Mapped[str | None] = mapped_column(sa.Text)
    quorum_reason: Mapped[str | None] = mapped_column(sa.Text)
    delay_reason_shared: Mapped[bool] = mapped_column(default=False)
    quorum_reason_shared: Mapped[bool] = mapped_column(default=False)
    # Not a foreign key: the inquorate conference may live in another store.
    reconvene_of: Mapped[str | None] = mapped_column(sa.String(36))
    last_strategy_discussion_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    strategy_anchor: Mapped[StrategyAnchor | None] = mapped_column(enum_column(StrategyAnchor))

    children: Mapped[list[ChildRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="ChildRow.position"
    )
    participants: Mapped[list[ParticipantRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="ParticipantRow.position"
    )
    agenda: Mapped[list[AgendaItemRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="AgendaItemRow.position"
    )
    minutes: Mapped[list[MinuteEntryRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="MinuteEntryRow.position"
    )
    decisions: Mapped[list[DecisionRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="DecisionRow.position"
    )
    minutes_versions: Mapped[list[MinutesVersionRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="MinutesVersionRow.position"
    )
    letters: Mapped[list[LetterRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="LetterRow.position"
    )
    distributions: Mapped[list[DistributionRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="DistributionRow.position"
    )
    actions: Mapped[list[ConferenceActionRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="ConferenceActionRow.position"
    )
    scaling: Mapped[list[SafetyScaleRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="SafetyScaleRow.position"
    )
    appeals: Mapped[list[AppealRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="AppealRow.position"
    )
    clock: Mapped[list[ClockEventRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="ClockEventRow.position"
    )


class ChildRow(Row):
    __tablename__ = "child"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    given_name: Mapped[str] = mapped_column(sa.String(200))
    family_name: Mapped[str] = mapped_column(sa.String(200))
    date_of_birth: Mapped[dt.date | None] = mapped_column(sa.Date)
    expected_date_of_delivery: Mapped[dt.date | None] = mapped_column(sa.Date)
    participation: Mapped[ChildParticipation | None] = mapped_column(
        enum_column(ChildParticipation)
    )
    participation_reason: Mapped[str | None] = mapped_column(sa.Text)


class ParticipantRow(Row):
    __tablename__ = "participant"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    name: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[ParticipantRole] = mapped_column(enum_column(ParticipantRole))
    agency: Mapped[str] = mapped_column(sa.String(200))
    relationship: Mapped[str] = mapped_column(sa.String(200))
    direct_contact: Mapped[bool]
    invited: Mapped[bool]
    report_received: Mapped[dt.date | None] = mapped_column(sa.Date)
    report_shared_with_family: Mapped[dt.date | None] = mapped_column(sa.Date)
    interpreter_language: Mapped[str | None] = mapped_column(sa.String(200))
    advocate_needed: Mapped[bool]
    side: Mapped[Side | None] = mapped_column(enum_column(Side))
    side_reason: Mapped[str | None] = mapped_column(sa.Text)
    child_ids: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    address: Mapped[str] = mapped_column(sa.Text, default="")
    telephone: Mapped[str] = mapped_column(sa.String(254), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    school_or_workplace: Mapped[str] = mapped_column(sa.String(200), default="")
    withhold_from: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    language: Mapped[Language | None] = mapped_column(enum_column(Language))
    parental_responsibility: Mapped[bool] = mapped_column(default=False)

    attendance: Mapped[list[AttendanceEventRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="AttendanceEventRow.position"
    )


class AttendanceEventRow(Row):
    __tablename__ = "attendance_event"

    participant_id: Mapped[str] = _fk("participant.id")
    position: Mapped[int]
    kind: Mapped[AttendanceKind] = mapped_column(enum_column(AttendanceKind))
    at: Mapped[dt.datetime]
    until: Mapped[dt.datetime | None]
    grounds: Mapped[ExclusionGround | None] = mapped_column(enum_column(ExclusionGround))
    note: Mapped[str] = mapped_column(sa.Text)
    shared_with_family: Mapped[bool] = mapped_column(default=False)
    shown_to_excluded: Mapped[bool] = mapped_column(default=False)
    mode: Mapped[AttendanceMode | None] = mapped_column(enum_column(AttendanceMode))


class AgendaItemRow(Row):
    __tablename__ = "agenda_item"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    key: Mapped[str] = mapped_column(sa.String(60))
    title: Mapped[str] = mapped_column(sa.Text)
    allowance_minutes: Mapped[int]
    status: Mapped[AgendaStatus] = mapped_column(enum_column(AgendaStatus))
    not_obtained_reason: Mapped[str | None] = mapped_column(sa.Text)


class MinuteEntryRow(Row):
    __tablename__ = "minute_entry"

    conference_id: Mapped[str] = _fk("conference.id")
    agenda_item_id: Mapped[str] = _fk("agenda_item.id")
    position: Mapped[int]
    speaker_id: Mapped[str | None] = _ref("participant.id")
    text: Mapped[str] = mapped_column(sa.Text)
    tag: Mapped[Tag | None] = mapped_column(enum_column(Tag))
    restricted: Mapped[bool]
    author: Mapped[str] = mapped_column(sa.String(200))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    section: Mapped[AnalysisSection | None] = mapped_column(enum_column(AnalysisSection))
    changes: Mapped[tuple[tuple[dt.datetime, dt.datetime], ...]] = mapped_column(
        InstantSpans, default=tuple
    )
    shown_to: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    kept_from: Mapped[list[str]] = mapped_column(sa.JSON, default=list)


class DecisionRow(EndingNote, Row):
    __tablename__ = "decision"

    conference_id: Mapped[str] = _fk("conference.id")
    child_id: Mapped[str] = mapped_column(
        sa.String(36), sa.ForeignKey("child.id", ondelete="CASCADE"), unique=True
    )
    position: Mapped[int]
    threshold_met: Mapped[bool | None]
    threshold_rationale: Mapped[str] = mapped_column(sa.Text)
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome))
    reason: Mapped[str] = mapped_column(sa.Text)
    categories: Mapped[list[str]] = mapped_column(sa.JSON)
    primary_category: Mapped[str | None] = mapped_column(sa.String(60))
    lead_social_worker_id: Mapped[str | None] = _ref("participant.id")
    lead_social_worker_contact: Mapped[str] = mapped_column(sa.Text)
    core_group: Mapped[list[str]] = mapped_column(sa.JSON)
    first_core_group_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    first_core_group_reason: Mapped[str | None] = mapped_column(sa.Text)
    review_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    review_date_reason: Mapped[str | None] = mapped_column(sa.Text)
    contingency_plan: Mapped[str] = mapped_column(sa.Text)
    parents_view: Mapped[str] = mapped_column(sa.Text)
    child_view: Mapped[str] = mapped_column(sa.Text)
    ending: Mapped[AdministrativeEnding | None] = mapped_column(enum_column(AdministrativeEnding))
    ending_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    final: Mapped[bool]
    reporter_referral: Mapped[bool | None]
    reporter_referral_reason: Mapped[str] = mapped_column(sa.Text, default="")

    views: Mapped[list[AgencyViewRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="AgencyViewRow.position"
    )
    dissents: Mapped[list[DissentRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="DissentRow.position"
    )
    actions: Mapped[list[PlanActionRow]] = orm.relationship(
        cascade=_CHILDREN, order_by="PlanActionRow.position"
    )


class AgencyViewRow(Row):
    __tablename__ = "agency_view"

    decision_id: Mapped[str] = _fk("decision.id")
    position: Mapped[int]
    participant_id: Mapped[str] = _fk("participant.id")
    view: Mapped[View] = mapped_column(enum_column(View))
    reason: Mapped[str] = mapped_column(sa.Text)
    shared_with_family: Mapped[bool] = mapped_column(default=False)


class DissentRow(Row):
    __tablename__ = "dissent"

    decision_id: Mapped[str] = _fk("decision.id")
    position: Mapped[int]
    participant_id: Mapped[str] = _fk("participant.id")
    reasons: Mapped[str] = mapped_column(sa.Text)
    shared_with_family: Mapped[bool] = mapped_column(default=False)


class PlanActionRow(Row):
    __tablename__ = "plan_action"

    decision_id: Mapped[str] = _fk("decision.id")
    position: Mapped[int]
    owner: Mapped[str] = mapped_column(sa.String(200))
    action: Mapped[str] = mapped_column(sa.Text)
    due_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    outcome: Mapped[str] = mapped_column(sa.Text)


class MinutesVersionRow(Row):
    __tablename__ = "minutes_version"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    version: Mapped[str] = mapped_column(sa.String(20))
    state: Mapped[MinutesState] = mapped_column(enum_column(MinutesState))
    created_at: Mapped[dt.datetime]
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    approved_by: Mapped[str | None] = mapped_column(sa.String(200))
    approved_at: Mapped[dt.datetime | None]
    issued_at: Mapped[dt.datetime | None]
    file_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    # Checked at commit: a version may be listed before the one it supersedes.
    supersedes_id: Mapped[str | None] = mapped_column(
        sa.String(36),
        sa.ForeignKey(
            "minutes_version.id", ondelete="SET NULL", deferrable=True, initially="DEFERRED"
        ),
    )
    amendment_note: Mapped[str] = mapped_column(sa.Text)


class LetterRow(Row):
    __tablename__ = "letter"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(sa.String(60))
    recipient_id: Mapped[str | None] = _ref("participant.id")
    created_at: Mapped[dt.datetime]
    file_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    recipient_name: Mapped[str] = mapped_column(sa.String(200), default="")
    recipient_address: Mapped[str] = mapped_column(sa.Text, default="")


class DistributionRow(Row):
    __tablename__ = "distribution"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    participant_id: Mapped[str] = _fk("participant.id")
    item: Mapped[str] = mapped_column(sa.String(60))
    copy: Mapped[CopyKind] = mapped_column(enum_column(CopyKind))
    sent_at: Mapped[dt.datetime]
    minutes_version_id: Mapped[str | None] = _ref("minutes_version.id")
    letter_id: Mapped[str | None] = _ref("letter.id")
    method: Mapped[str] = mapped_column(sa.String(200))


class ConferenceActionRow(Row):
    __tablename__ = "conference_action"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    owner: Mapped[str] = mapped_column(sa.String(200))
    action: Mapped[str] = mapped_column(sa.Text)
    due_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    minute_entry_id: Mapped[str | None] = _ref("minute_entry.id")
    created_at: Mapped[dt.datetime]


class SafetyScaleRow(Row):
    __tablename__ = "safety_scale"
    __table_args__ = (
        sa.UniqueConstraint("conference_id", "participant_id"),
        sa.CheckConstraint("score >= 0 AND score <= 10", name="score_range"),
    )

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    participant_id: Mapped[str] = _fk("participant.id")
    score: Mapped[int]
    note: Mapped[str] = mapped_column(sa.Text)


class AppealRow(Row):
    __tablename__ = "appeal"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    received: Mapped[dt.date] = mapped_column(sa.Date)
    appellant_id: Mapped[str | None] = _ref("participant.id")
    child_ids: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    grounds: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    details: Mapped[str] = mapped_column(sa.Text, default="")
    outcome: Mapped[AppealOutcome] = mapped_column(enum_column(AppealOutcome))
    decided: Mapped[dt.date | None] = mapped_column(sa.Date)
    outcome_note: Mapped[str] = mapped_column(sa.Text, default="")


class ClockEventRow(Row):
    __tablename__ = "clock_event"

    conference_id: Mapped[str] = _fk("conference.id")
    position: Mapped[int]
    kind: Mapped[ClockKind] = mapped_column(enum_column(ClockKind))
    at: Mapped[dt.datetime]
    agenda_item_id: Mapped[str | None] = _ref("agenda_item.id")


class OutputFileRow(Row):
    """A file that left the application: its fingerprint, signer and exact bytes.

    Not part of the conference document: it is this store's record of what it issued,
    which ``verify`` checks a file against. ``redactions`` lists, as JSON, the minute
    entries a family copy left out and why (ids and reasons only).
    """

    __tablename__ = "output_file"

    conference_id: Mapped[str] = _fk("conference.id")
    kind: Mapped[str] = mapped_column(sa.String(40))
    copy: Mapped[CopyKind | None] = mapped_column(enum_column(CopyKind))
    minutes_version_id: Mapped[str | None] = _ref("minutes_version.id")
    letter_id: Mapped[str | None] = _ref("letter.id")
    recipient_id: Mapped[str | None] = _ref("participant.id")
    file_sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    signer_fingerprint: Mapped[str | None] = mapped_column(sa.String(64))
    signer_certificate: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
    redactions: Mapped[str] = mapped_column(sa.Text, default="[]")
    created_at: Mapped[dt.datetime]


class HandoverRow(Row):
    """One hand-over package this store exported or imported for a conference.

    Not part of the conference document. ``base_document`` is the canonical JSON of the
    conference both sides agreed on after this event: the base of the next three-way
    merge. A package id is recorded at most once per ``direction``.
    """

    __tablename__ = "handover"
    __table_args__ = (
        sa.UniqueConstraint("package_id", "direction"),
        sa.CheckConstraint("direction IN ('exported', 'imported')", name="direction"),
    )

    conference_id: Mapped[str] = _fk("conference.id")
    package_id: Mapped[str] = mapped_column(sa.String(36))
    direction: Mapped[str] = mapped_column(sa.String(20))
    at: Mapped[dt.datetime]
    peer: Mapped[str] = mapped_column(sa.String(200), default="")
    base_document: Mapped[str] = mapped_column(sa.Text)


class ReleaseCheckRow(Row):
    """A family copy of the minutes or a family letter, held until someone checks it.

    Not part of the conference document. The exact PDF is kept once, in ``output_file``
    (``output_file_id``), from the moment it is made; only a checked copy is written
    out or recorded as sent. ``kind`` is ``minutes_family`` or ``letter``; a held letter
    keeps its request (``letter_kind``, the confirmed name and address) and gets its
    ``letter_id`` when released. ``check_note`` says why a copy went without a check
    when the profile turns the check off.
    """

    __tablename__ = "release_check"

    conference_id: Mapped[str] = _fk("conference.id")
    kind: Mapped[str] = mapped_column(sa.String(40))
    minutes_version_id: Mapped[str | None] = _ref("minutes_version.id")
    letter_id: Mapped[str | None] = _ref("letter.id")
    letter_kind: Mapped[str | None] = mapped_column(sa.String(60))
    recipient_id: Mapped[str | None] = _ref("participant.id")
    recipient_name: Mapped[str] = mapped_column(sa.String(200), default="")
    recipient_address: Mapped[str] = mapped_column(sa.Text, default="")
    file_name: Mapped[str] = mapped_column(sa.String(200))
    file_sha256: Mapped[str] = mapped_column(sa.String(64))
    # What the copy was made from (a hash of the laid-out text): a check holds only
    # while the minutes or letter would still come out the same.
    source_hash: Mapped[str] = mapped_column(sa.String(64))
    author: Mapped[str] = mapped_column(sa.String(200))
    made_at: Mapped[dt.datetime]
    checked_by: Mapped[str | None] = mapped_column(sa.String(200))
    checked_at: Mapped[dt.datetime | None]
    check_note: Mapped[str] = mapped_column(sa.Text, default="")
    released_at: Mapped[dt.datetime | None]
    output_file_id: Mapped[str | None] = _ref("output_file.id")


class AuditEvent(Base):
    """One audited act: ids and hashes only, never content."""

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[str] = mapped_column(sa.String(40))
    action: Mapped[str] = mapped_column(sa.String(60))
    object_type: Mapped[str] = mapped_column(sa.String(60))
    object_id: Mapped[str] = mapped_column(sa.String(64))
    outcome: Mapped[str] = mapped_column(sa.String(40))
    rows: Mapped[str] = mapped_column(sa.Text)
    prev_hash: Mapped[str] = mapped_column(sa.String(64))
    hash: Mapped[str] = mapped_column(sa.String(64), unique=True)


from cpc_desktop.data.models_extra import *  # noqa: E402, F403 (tables in modules of their own)

TRACKED_TABLES: tuple[sa.Table, ...] = tuple(
    t for t in Base.metadata.sorted_tables if t.name != "audit_event"
)
