"""The role × action table: every public method of every service, for all three roles.

Each row names a method, a call that succeeds for the chair on the prepared store, and
what the call needs:

* an :class:`Action`: for a role allowed it, the call succeeds and writes exactly one
  audit event (actor, role, action, ``ok``; ``audited_as`` names another action, such
  as a chair-only look audited as ``view``); for a role refused it, it raises
  :class:`PermissionDenied` ("may not <the action in words>"), writes exactly one ``denied`` event,
  and changes nothing else, neither a row of the store nor a file beside it;
* :class:`Everyone`: no role check (locking one's own screen); one ``ok`` event named
  by the row, whatever the role;
* :class:`Helper`: not an audited action (the row says why); the call succeeds for
  every role and writes nothing, not even an audit event.

The completeness tests walk every service the session offers (its attributes and
properties, and theirs in turn) and every service class in ``cpc_desktop.services``,
and fail if one of their public methods is missing from the table.

The prepared store (a conference with its minutes in draft, one approved, one issued,
the small record with a spare agenda item and an action, a hand-over package from
another laptop) is built once per module and copied for each test: the role checks
do not depend on the database, so these run on SQLite files only.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import cpc_desktop.services
from cpc_desktop.data import models as m
from cpc_desktop.data.backups import backup_store
from cpc_desktop.data.keys import StoreKey
from cpc_desktop.data.probe import key_for_file
from cpc_desktop.data.store import create_store, open_store, sidecars
from cpc_desktop.domain import conference as d
from cpc_desktop.domain.decision_flow import FlowAnswers
from cpc_desktop.domain.enums import (
    ActionStatus,
    AgendaStatus,
    AttendanceKind,
    ChildParticipation,
    ConferenceStatus,
    ConferenceType,
    CopyKind,
    Division,
    ParticipantRole,
    UserRole,
)
from cpc_desktop.domain.letters import LetterKind, LetterRequest
from cpc_desktop.domain.minutes_document import MinutesCopy
from cpc_desktop.export.package import FAST_COST
from cpc_desktop.export.signing import ChairCertificate, create_self_signed, load_certificate
from cpc_desktop.services.agenda import AgendaService
from cpc_desktop.services.appeals import AppealService
from cpc_desktop.services.base import ServiceBase
from cpc_desktop.services.complaints import ComplaintService
from cpc_desktop.services.conferences import ConferenceService, NewChild, NewConference
from cpc_desktop.services.corrections import CorrectionService
from cpc_desktop.services.decisions import DecisionService
from cpc_desktop.services.demo import build_demo_record
from cpc_desktop.services.distribution import DECISION_LETTER, DistributionService
from cpc_desktop.services.errors import PermissionDenied
from cpc_desktop.services.handover import HandoverService
from cpc_desktop.services.handover_package import Package
from cpc_desktop.services.letters import LetterService
from cpc_desktop.services.locking import LockService
from cpc_desktop.services.meeting_clock import ClockService
from cpc_desktop.services.meeting_notes import MeetingNotesService
from cpc_desktop.services.minute_entries import MinuteEntryService
from cpc_desktop.services.minutes import MinutesService
from cpc_desktop.services.outputs import VerificationService
from cpc_desktop.services.plan_events import PlanEventService
from cpc_desktop.services.printing import PrintService
from cpc_desktop.services.release import ReleaseService
from cpc_desktop.services.retention import RetentionService
from cpc_desktop.services.reviews import ReviewService
from cpc_desktop.services.roles import ACTION_WORDS, PERMISSIONS, Action, Actor
from cpc_desktop.services.roll_call import NewParticipant, RollCallService
from cpc_desktop.services.rules import RuleBook
from cpc_desktop.services.schedule import ScheduleService
from cpc_desktop.services.search import SearchService
from cpc_desktop.services.session import Session
from cpc_desktop.services.text_writer import TextWriter
from cpc_desktop.services.uploads import UploadService
from cpc_desktop.services.users import UserService
from tests.helpers.appeals import NI_APPEAL, NI_MUM, NI_REF, ni_record
from tests.helpers.meeting import decided_plan
from tests.helpers.plan_events import (
    BABY,
    PRE_BIRTH_REF,
    TRANSFER_REF,
    pre_birth_record,
    transfer_record,
)
from tests.helpers.records import small_record, uid
from tests.helpers.retention import OLD_REF, old_record
from tests.helpers.stores import TickingClock, new_store

CHAIR = Actor("Demo Chair", UserRole.CHAIR)
MINUTER = Actor("Morgan Minutes", UserRole.MINUTE_TAKER)
READER = Actor("Robin Reader", UserRole.READ_ONLY)
ACTORS = (CHAIR, MINUTER, READER)
SECOND = Actor("Sam Second", UserRole.CHAIR)  # the author of the family copy to be checked
PASSWORD = "a password of their own"

# Who may do what, written out here (not read from roles.py): a change to the role
# model must change this too, or the table fails. As docs/store.md's "Roles" says.
_LOOK = {Action.LIST, Action.VIEW, Action.CHECK, Action.SIGN_IN}
MAY: dict[UserRole, frozenset[Action]] = {
    UserRole.CHAIR: frozenset(Action),
    UserRole.MINUTE_TAKER: frozenset(
        _LOOK
        | {Action.RECORD_ATTENDANCE, Action.WRITE_MINUTES, Action.HANDOVER, Action.CHECK_RELEASE}
    ),
    UserRole.READ_ONLY: frozenset(_LOOK),
}

PASSPHRASE = "the role table's store passphrase"
WORDS = "hand-over words"  # the hand-over package's passphrase
TODAY = date(2026, 11, 23)
BUILT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # when the prepared store was made
NOW = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)  # when each test acts
AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)  # the small record's meeting

# The demo conference three times over: minutes in draft, approved, and issued.
DRAFT, APPROVED, ISSUED = "CPC-2026-0101", "CPC-2026-0102", "CPC-2026-0103"
# The small record (tests/helpers/records.py), quorate, with a spare item and an action.
SMALL = "CPC-2026-0042"
ITEM, SW, MUM, POLICE, HV = uid("item"), uid("sw"), uid("mum"), uid("police"), uid("hv")
M1 = uid("m1")
# The conference the hand-over package brings from the other laptop.
ARRIVING = "CPC-2026-0077"


def _chair_starts(s: Session) -> tuple[object, ...]:
    """The chair makes the small record's first item current (the meeting starts), for a
    row whose call needs a running clock; returns the chair's service arguments."""
    chair = (s.store, CHAIR, s.clock, s.rules)
    AgendaService(*chair).set_agenda_status(ITEM, AgendaStatus.CURRENT)  # type: ignore[arg-type]
    return chair


def _chair_imports(s: Session, record: d.ConferenceRecord) -> None:
    """The chair imports ``record`` first, for a row acting on a conference of its own."""
    ConferenceService(s.store, CHAIR, s.clock, s.rules).import_record(record)


# --- what a row needs -----------------------------------------------------------------


@dataclass(frozen=True)
class Everyone:
    """Open to every role, and audited as ``action`` (not an :class:`Action`)."""

    action: str


@dataclass(frozen=True)
class Helper:
    """Not an audited action: ``reason`` says why (no store access, or none of its own)."""

    reason: str


@dataclass
class Facts:
    """What the rows act on: built with the prepared store, and one test's folder."""

    folder: Path
    certificate: ChairCertificate
    issued_pdf: bytes
    letter_id: str
    letter: LetterRequest
    sent_to: str  # a professional of the draft conference
    action_id: str  # the small record's action
    answers: FlowAnswers  # the decision wizard's answers for the small record
    package_path: Path
    package: Package
    family_letter: LetterRequest  # a parent's letter: it waits for a second person's check
    check_id: str  # a family copy of the draft minutes held by SECOND, for someone to check
    correction_id: str = ""  # a request to correct the issued minutes, not yet ruled on
    issued_output_id: str = ""  # the issued minutes' stored file (to print)
    review: str = ""  # a review made from the issued conference's plan
    review_action: str = ""  # an action that review carries
    backup: Path | None = None  # made by a row's setup
    complaint_id: str = ""  # a complaint about the small record, received and waiting


Call = Callable[[Session, Facts], object]
Rule = Action | Everyone | Helper


@dataclass(frozen=True)
class Row:
    owner: type
    name: str
    call: Call
    rule: Rule
    passphrase: bool = False  # open the store with the passphrase (not the derived key)
    setup: Callable[[Session, Facts], None] | None = None  # before anything is counted
    audited_as: Action | None = None  # the event's action when allowed, if not ``rule``

    @property
    def id(self) -> str:
        return f"{self.owner.__name__}.{self.name}"


def new_conference() -> NewConference:
    return NewConference(
        ConferenceType.REVIEW,
        date(2027, 2, 10),
        (NewChild("Ada", "Lovelace", date(2019, 1, 1)),),
        previous_conference_date=date(2026, 11, 20),
        review_number=1,
    )


def autosave(s: Session, _: Facts) -> object:
    """One autosave through the writer's own connection, its error raised here."""
    writer = s.entries.text_writer
    outcome = writer.outcome(writer.submit(M1, "Typed while the meeting ran"), wait=True)
    assert outcome is not None
    if outcome.error is not None:
        raise outcome.error
    return outcome.entry


def make_backup(s: Session, facts: Facts) -> None:
    facts.backup = backup_store(s.store, "role-table", NOW)


def restore(s: Session, facts: Facts) -> None:
    assert facts.backup is not None
    s.restore(facts.backup)


ROWS: list[Row] = [
    # --- the conference service -----------------------------------------------------
    Row(ConferenceService, "overview", lambda s, f: s.conferences.overview(), Action.LIST),
    Row(ConferenceService, "get", lambda s, f: s.conferences.get(DRAFT), Action.VIEW),
    Row(
        ConferenceService,
        "prepare_reading",
        lambda s, f: s.conferences.prepare_reading(),
        Helper("compiles the reader's statements, run for no conference: reads no one's record"),
    ),
    Row(
        ConferenceService,
        "export_record",
        lambda s, f: s.conferences.export_record(DRAFT),
        Action.EXPORT,
    ),
    Row(ConferenceService, "check", lambda s, f: s.conferences.check(), Action.CHECK),
    Row(
        ConferenceService,
        "import_record",
        lambda s, f: s.conferences.import_record(small_record("CPC-2026-0088", salt="new-")),
        Action.IMPORT,
    ),
    Row(
        ConferenceService,
        "add_user",
        lambda s, f: s.conferences.add_user("Casey Newcomer", UserRole.READ_ONLY),
        Action.MANAGE_USERS,
    ),
    Row(
        ConferenceService,
        "create_conference",
        lambda s, f: s.conferences.create_conference(new_conference()),
        Action.CREATE_CONFERENCE,
    ),
    Row(
        ConferenceService,
        "set_status",
        lambda s, f: s.conferences.set_status(SMALL, ConferenceStatus.CONCLUDED),
        Action.EDIT_CONFERENCE,
    ),
    Row(
        ConferenceService,
        "record_decision",
        lambda s, f: s.conferences.record_decision(
            SMALL, d.Decision(id=uid("dec"), child_id=uid("child"))
        ),
        Action.RECORD_DECISION,
    ),
    # --- reviews made from the plan before them -----------------------------------------
    Row(ReviewService, "propose", lambda s, f: s.reviews.propose(APPROVED), Action.VIEW),
    Row(
        ReviewService,
        "new_review",
        lambda s, f: s.reviews.new_review(APPROVED),
        Action.CREATE_CONFERENCE,
    ),
    Row(
        ReviewService,
        "set_action_status",
        lambda s, f: s.reviews.set_action_status(f.review, f.review_action, ActionStatus.DONE),
        Action.RECORD_DECISION,
    ),
    # --- what is due ----------------------------------------------------------------
    Row(ScheduleService, "summaries", lambda s, f: s.schedule.summaries(), Action.LIST),
    Row(ScheduleService, "listing", lambda s, f: s.schedule.listing(), Action.LIST),
    Row(
        ScheduleService,
        "today",
        lambda s, f: s.schedule.today(),
        Helper("the session's date, from its clock: reads nothing"),
    ),
    Row(
        ScheduleService,
        "preview_due",
        lambda s, f: s.schedule.preview_due(new_conference()),
        Helper("a due date worked out from the rules for a conference not yet saved"),
    ),
    Row(
        ScheduleService,
        "date_question",
        lambda s, f: s.schedule.date_question(new_conference()),
        Helper("what is unusual about a date, from the rules, for a conference not yet saved"),
    ),
    # --- the agenda -----------------------------------------------------------------
    Row(
        AgendaService,
        "add_agenda_item",
        lambda s, f: s.agenda.add_agenda_item(SMALL, "AOB", 5),
        Action.MANAGE_AGENDA,
    ),
    Row(
        AgendaService,
        "remove_agenda_item",
        lambda s, f: s.agenda.remove_agenda_item(uid("spare")),
        Action.MANAGE_AGENDA,
    ),
    Row(
        AgendaService,
        "move_agenda_item",
        lambda s, f: s.agenda.move_agenda_item(ITEM, 1),
        Action.MANAGE_AGENDA,
    ),
    Row(
        AgendaService,
        "set_agenda_status",
        lambda s, f: s.agenda.set_agenda_status(ITEM, AgendaStatus.DONE),
        Action.MANAGE_AGENDA,
    ),
    Row(
        ClockService,
        "moments",
        lambda s, f: s.meeting_clock.moments(SMALL),
        Action.VIEW,
    ),
    Row(
        ClockService,
        "pause",
        lambda s, f: s.meeting_clock.pause(SMALL),
        Action.MANAGE_AGENDA,
        setup=lambda s, f: _chair_starts(s),
    ),
    Row(
        ClockService,
        "resume",
        lambda s, f: s.meeting_clock.resume(SMALL),
        Action.MANAGE_AGENDA,
        setup=lambda s, f: ClockService(*_chair_starts(s)).pause(SMALL),
    ),
    Row(
        AgendaService,
        "update_agenda_item",
        lambda s, f: s.agenda.update_agenda_item(ITEM, title="T"),
        Action.MANAGE_AGENDA,
    ),
    # --- the roll call --------------------------------------------------------------
    Row(
        RollCallService,
        "add_participant",
        lambda s, f: s.roll_call.add_participant(
            SMALL, NewParticipant("Jo Nurse", ParticipantRole.PROFESSIONAL, agency="School")
        ),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "update_participant",
        lambda s, f: s.roll_call.update_participant(SW, agency="CSC"),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "remove_participant",
        lambda s, f: s.roll_call.remove_participant(MUM),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "record_attendance",
        lambda s, f: s.roll_call.record_attendance(
            POLICE, AttendanceKind.LEFT, AT + timedelta(hours=1)
        ),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "remove_attendance",
        lambda s, f: s.roll_call.remove_attendance(uid("a1")),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "end_exclusion",
        lambda s, f: s.roll_call.end_exclusion(uid("a2"), AT + timedelta(hours=1)),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "share_exclusion",
        lambda s, f: s.roll_call.share_exclusion(uid("a2"), True),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "set_child_participation",
        lambda s, f: s.roll_call.set_child_participation(
            uid("child"), ChildParticipation.ATTENDS_ALL, None
        ),
        Action.RECORD_ATTENDANCE,
    ),
    Row(
        RollCallService,
        "set_quorum_reason",
        lambda s, f: s.roll_call.set_quorum_reason(SMALL, "R"),
        Action.EDIT_CONFERENCE,
    ),
    # --- minute entries -------------------------------------------------------------
    Row(
        MinuteEntryService,
        "add_entry",
        lambda s, f: s.entries.add_entry(SMALL, ITEM, "x"),
        Action.WRITE_MINUTES,
    ),
    Row(
        MinuteEntryService,
        "restore_entry",
        lambda s, f: s.entries.restore_entry(
            SMALL, replace(small_record().minutes[0], id=uid("restored"))
        ),
        Action.WRITE_MINUTES,
    ),
    Row(
        MinuteEntryService,
        "save_text",
        lambda s, f: s.entries.save_text(M1, "x"),
        Action.WRITE_MINUTES,
    ),
    Row(
        MinuteEntryService,
        "update_entry",
        lambda s, f: s.entries.update_entry(M1, tag=None),
        Action.WRITE_MINUTES,
    ),
    Row(
        MinuteEntryService,
        "move_entry",
        lambda s, f: s.entries.move_entry(M1, 1),
        Action.WRITE_MINUTES,
    ),
    Row(
        MinuteEntryService,
        "rule_on_exclusion",
        lambda s, f: s.entries.rule_on_exclusion(M1, MUM, True),
        Action.APPROVE_MINUTES,
    ),
    Row(
        MinuteEntryService,
        "delete_entry",
        lambda s, f: s.entries.delete_entry(M1),
        Action.WRITE_MINUTES,
    ),
    Row(MinuteEntryService, "entry", lambda s, f: s.entries.entry(M1), Action.VIEW),
    Row(MinuteEntryService, "entries", lambda s, f: s.entries.entries(SMALL), Action.VIEW),
    Row(
        MinuteEntryService,
        "text_writer",
        lambda s, f: s.entries.text_writer,
        Helper("makes the autosave writer; each save it writes is TextWriter.submit's row"),
    ),
    Row(
        TextWriter, "submit", autosave, Action.WRITE_MINUTES
    ),  # through save_text, on its own connection
    Row(
        TextWriter,
        "outcome",
        lambda s, f: s.entries.text_writer.outcome(1, wait=False),
        Helper("hands back what became of a save (checked in submit); reads nothing"),
    ),
    Row(
        TextWriter,
        "close",
        lambda s, f: s.entries.text_writer.close(),
        Helper("ends the writer's thread and its own connection"),
    ),
    # --- actions and safety scales noted in the meeting ------------------------------
    Row(
        MeetingNotesService,
        "add_action",
        lambda s, f: s.notes.add_action(SMALL, "Sam", "Visit"),
        Action.WRITE_MINUTES,
    ),
    Row(
        MeetingNotesService,
        "update_action",
        lambda s, f: s.notes.update_action(f.action_id, owner="Jo"),
        Action.WRITE_MINUTES,
    ),
    Row(
        MeetingNotesService,
        "delete_action",
        lambda s, f: s.notes.delete_action(f.action_id),
        Action.WRITE_MINUTES,
    ),
    Row(
        MeetingNotesService,
        "set_scale",
        lambda s, f: s.notes.set_scale(SMALL, SW, 5),
        Action.WRITE_MINUTES,
    ),
    # --- search -----------------------------------------------------------------------
    Row(SearchService, "search", lambda s, f: s.search.search("bethany"), Action.LIST),
    Row(SearchService, "find", lambda s, f: s.search.find("bethany"), Action.LIST),
    # --- the decision wizard --------------------------------------------------------
    Row(DecisionService, "context", lambda s, f: s.decisions.context(SMALL), Action.VIEW),
    Row(
        DecisionService,
        "finish",
        lambda s, f: s.decisions.finish(SMALL, f.answers),
        Action.RECORD_DECISION,
    ),
    # --- the minutes after the meeting ----------------------------------------------
    Row(MinutesService, "status", lambda s, f: s.minutes.status(DRAFT), Action.VIEW),
    Row(
        MinutesService,
        "ready_to_finalise",
        lambda s, f: s.minutes.ready_to_finalise(SMALL),
        Action.VIEW,
    ),
    Row(MinutesService, "approve", lambda s, f: s.minutes.approve(DRAFT), Action.APPROVE_MINUTES),
    Row(MinutesService, "reopen", lambda s, f: s.minutes.reopen(APPROVED), Action.APPROVE_MINUTES),
    Row(
        MinutesService,
        "amend",
        lambda s, f: s.minutes.amend(ISSUED, "The school's name corrected"),
        Action.APPROVE_MINUTES,
    ),
    Row(
        MinutesService,
        "issue",
        lambda s, f: s.minutes.issue(APPROVED, f.certificate),
        Action.ISSUE_DOCUMENTS,
    ),
    Row(
        MinutesService,
        "issue_document",
        lambda s, f: s.minutes.issue_document(APPROVED),
        Action.VIEW,
    ),
    Row(MinutesService, "preview", lambda s, f: s.minutes.preview(ISSUED), Action.VIEW),
    Row(
        MinutesService,
        "preview_document",
        lambda s, f: s.minutes.preview_document(ISSUED),
        Action.VIEW,
    ),
    Row(MinutesService, "languages", lambda s, f: s.minutes.languages(ISSUED), Action.VIEW),
    Row(MinutesService, "export", lambda s, f: s.minutes.export(ISSUED), Action.EXPORT),
    # --- letters and who was sent what ----------------------------------------------
    Row(LetterService, "plan", lambda s, f: s.letters.plan(DRAFT), Action.VIEW),
    Row(LetterService, "preview", lambda s, f: s.letters.preview(DRAFT, f.letter), Action.VIEW),
    Row(
        LetterService,
        "preview_document",
        lambda s, f: s.letters.preview_document(DRAFT, f.letter),
        Action.VIEW,
    ),
    Row(
        LetterService,
        "issue",
        lambda s, f: s.letters.issue(DRAFT, f.letter),
        Action.ISSUE_DOCUMENTS,
    ),
    Row(
        LetterService,
        "issue_all",
        lambda s, f: s.letters.issue_all(DRAFT, (f.letter,)),
        Action.ISSUE_DOCUMENTS,
    ),
    Row(
        LetterService,
        "letter_bytes",
        lambda s, f: s.letters.letter_bytes(DRAFT, f.letter_id),
        Action.EXPORT,
    ),
    Row(DistributionService, "tracker", lambda s, f: s.distribution.tracker(DRAFT), Action.VIEW),
    Row(
        DistributionService,
        "record_sent",
        lambda s, f: s.distribution.record_sent(
            DRAFT, f.sent_to, DECISION_LETTER, copy=CopyKind.FULL, method="secure e-mail"
        ),
        Action.ISSUE_DOCUMENTS,
    ),
    Row(
        VerificationService,
        "verify",
        lambda s, f: s.verification.verify(f.issued_pdf),
        Action.CHECK,
    ),
    Row(VerificationService, "outputs", lambda s, f: s.verification.outputs(ISSUED), Action.VIEW),
    # --- hand-over ------------------------------------------------------------------
    Row(
        HandoverService,
        "export_package",
        lambda s, f: s.handover.export_package(SMALL, f.folder / "out.cpcx", WORDS, cost=FAST_COST),
        Action.HANDOVER,
    ),
    Row(
        HandoverService,
        "read",
        lambda s, f: s.handover.read(f.package_path, WORDS),
        Helper("opens a package file with its passphrase; the store is not touched"),
    ),
    Row(HandoverService, "preview", lambda s, f: s.handover.preview(f.package), Action.HANDOVER),
    Row(HandoverService, "state", lambda s, f: s.handover.state(SMALL), Action.HANDOVER),
    Row(
        HandoverService,
        "import_package",
        lambda s, f: s.handover.import_package(f.package),
        Action.HANDOVER,
    ),
    # --- a parent's appeal (Northern Ireland) -----------------------------------------
    Row(AppealService, "appeals", lambda s, f: s.appeals.appeals(NI_REF), Action.VIEW),
    Row(
        AppealService,
        "record_appeal",
        lambda s, f: s.appeals.record_appeal(
            NI_REF, NI_MUM, (), ("process",), "The procedures were not followed.", TODAY
        ),
        Action.RECORD_APPEAL,
    ),
    Row(
        AppealService,
        "decide_appeal",
        lambda s, f: s.appeals.decide_appeal(NI_REF, NI_APPEAL, "not_upheld", TODAY, "Heard."),
        Action.DECIDE_APPEAL,
    ),
    # --- corrections and printing ----------------------------------------------------
    Row(CorrectionService, "requests", lambda s, f: s.corrections.requests(ISSUED), Action.VIEW),
    Row(
        CorrectionService,
        "entries",
        lambda s, f: s.corrections.entries(ISSUED),
        Action.APPROVE_MINUTES,
        audited_as=Action.VIEW,  # a chair's look, not a change
    ),
    Row(
        CorrectionService,
        "record_request",
        lambda s, f: s.corrections.record_request(
            ISSUED, requested_by="A Neighbour", received=TODAY, disputed="x", asked="y"
        ),
        Action.APPROVE_MINUTES,
    ),
    Row(
        CorrectionService,
        "rule",
        lambda s, f: s.corrections.rule(ISSUED, f.correction_id, "refused", "It is right"),
        Action.APPROVE_MINUTES,
    ),
    Row(
        PrintService,
        "printed",
        lambda s, f: s.printing.printed(f.issued_output_id, "Office printer", 2),
        Action.PRINT,
    ),
    # --- complaints, retention and deletion -------------------------------------------
    Row(ComplaintService, "complaints", lambda s, f: s.complaints.complaints(SMALL), Action.VIEW),
    Row(
        ComplaintService, "due_complaints", lambda s, f: s.complaints.due_complaints(), Action.LIST
    ),
    Row(
        ComplaintService,
        "record_complaint",
        lambda s, f: s.complaints.record_complaint(
            SMALL, received=TODAY, grounds=["threshold"], complainant_name="Pat Advocate"
        ),
        Action.RECORD_COMPLAINT,
    ),
    Row(
        ComplaintService,
        "acknowledge_complaint",
        lambda s, f: s.complaints.acknowledge_complaint(SMALL, f.complaint_id, TODAY, "Chair"),
        Action.RECORD_COMPLAINT,
    ),
    Row(
        ComplaintService,
        "decide_complaint",
        lambda s, f: s.complaints.decide_complaint(SMALL, f.complaint_id, "withdrawn", TODAY),
        Action.RECORD_COMPLAINT,
    ),
    Row(RetentionService, "retention_list", lambda s, f: s.retention.retention_list(), Action.LIST),
    Row(RetentionService, "tombstones", lambda s, f: s.retention.tombstones(), Action.LIST),
    Row(
        RetentionService,
        "set_hold",
        lambda s, f: s.retention.set_hold(SMALL, True, "Inquiry"),
        Action.MANAGE_RETENTION,
    ),
    Row(
        RetentionService,
        "set_closed",
        lambda s, f: s.retention.set_closed(SMALL, AT.date()),
        Action.MANAGE_RETENTION,
    ),
    Row(
        RetentionService,
        "delete_conference",
        lambda s, f: s.retention.delete_conference(OLD_REF, "Retention period ended"),
        Action.DELETE_RECORDS,
    ),
    Row(
        UploadService,
        "confirm_upload",
        lambda s, f: s.uploads.confirm_upload(ISSUED, "LCS-2026-1"),
        Action.MANAGE_RETENTION,
    ),
    Row(UploadService, "uploads", lambda s, f: s.uploads.uploads(ISSUED), Action.VIEW),
    # --- a plan's events (issue 20) -----------------------------------------------------
    Row(
        PlanEventService,
        "record_birth",
        lambda s, f: s.plan_events.record_birth(
            PRE_BIRTH_REF, BABY, "Amara", "Oyelaran", date(2026, 11, 21)
        ),
        Action.EDIT_CONFERENCE,
        setup=lambda s, f: _chair_imports(s, pre_birth_record()),
    ),
    Row(
        PlanEventService,
        "set_transfer_origin",
        lambda s, f: s.plan_events.set_transfer_origin(TRANSFER_REF, "Northshire Council"),
        Action.EDIT_CONFERENCE,
        setup=lambda s, f: _chair_imports(s, transfer_record()),
    ),
    # --- the release check and signing in --------------------------------------------
    Row(
        MinutesService,
        "hold",
        lambda s, f: s.minutes.hold(DRAFT, MinutesCopy(CopyKind.FAMILY)),
        Action.EXPORT,
    ),
    Row(
        LetterService,
        "hold",
        lambda s, f: s.letters.hold(DRAFT, f.family_letter),
        Action.ISSUE_DOCUMENTS,
    ),
    Row(
        ReleaseService,
        "hold_minutes",
        lambda s, f: s.release.hold_minutes(DRAFT, MinutesCopy(CopyKind.FAMILY)),
        Action.EXPORT,
    ),
    Row(
        ReleaseService,
        "hold_letter",
        lambda s, f: s.release.hold_letter(DRAFT, f.family_letter),
        Action.ISSUE_DOCUMENTS,
    ),
    Row(ReleaseService, "pending", lambda s, f: s.release.pending(DRAFT), Action.VIEW),
    Row(ReleaseService, "review", lambda s, f: s.release.review(f.check_id), Action.VIEW),
    Row(
        ReleaseService,
        "checkers",
        lambda s, f: s.release.checkers(f.check_id),
        Helper("names who may check a held copy: user names and roles only"),
    ),
    Row(
        ReleaseService,
        "confirm",
        lambda s, f: s.release.confirm(f.check_id, s.actor),
        Action.CHECK_RELEASE,
    ),
    Row(
        UserService,
        "users",
        lambda s, f: s.users.users(),
        Helper("the names and roles the sign-in offers; no conference data"),
    ),
    Row(
        UserService,
        "has_password",
        lambda s, f: s.users.has_password(s.actor.name),
        Helper("whether a user has chosen a password, for the sign-in; no conference data"),
    ),
    Row(
        UserService,
        "add_user",
        lambda s, f: s.users.add_user("New Person", UserRole.READ_ONLY, PASSWORD),
        Action.MANAGE_USERS,
    ),
    Row(
        UserService,
        "choose_first",
        lambda s, f: s.users.choose_first(s.actor.name, PASSWORD),
        Action.SIGN_IN,
    ),
    Row(
        UserService,
        "set_password",
        lambda s, f: s.users.set_password("another password", PASSWORD),
        Action.SIGN_IN,
        setup=lambda s, f: s.users.choose_first(s.actor.name, PASSWORD),
    ),
    Row(
        UserService,
        "sign_in",
        lambda s, f: s.users.sign_in(s.actor.name, PASSWORD),
        Action.SIGN_IN,
        setup=lambda s, f: s.users.choose_first(s.actor.name, PASSWORD),
    ),
    Row(
        Session,
        "sign_in",
        lambda s, f: s.sign_in(s.actor.name, PASSWORD),
        Action.SIGN_IN,
        setup=lambda s, f: s.users.choose_first(s.actor.name, PASSWORD),
    ),
    Row(
        Session,
        "act_as",
        lambda s, f: s.act_as(s.actor),
        Helper("makes the services act for someone who signed in; reads nothing"),
    ),
    # --- the session itself ---------------------------------------------------------
    Row(
        ServiceBase,
        "actor",
        lambda s, f: s.agenda.actor,
        Helper("says who is acting; reads nothing"),
    ),
    Row(
        Session,
        "handover",
        lambda s, f: s.handover,
        Helper("makes the hand-over service; its methods are rows of their own"),
    ),
    Row(Session, "restore", restore, Action.RESTORE, setup=make_backup),
    Row(
        Session,
        "watch_pages",
        lambda s, f: s.watch_pages(lambda message: None),
        Helper("checks a large file's pages in the background; reads no record"),
    ),
    Row(Session, "close", lambda s, f: s.close(), Helper("closes this session's connection")),
    Row(
        RuleBook,
        "profile",
        lambda s, f: s.rules.profile("england"),
        Helper("loads a profile shipped with the application; no store access"),
    ),
    Row(
        RuleBook,
        "calendar",
        lambda s, f: s.rules.calendar(Division.ENGLAND_AND_WALES, [TODAY]),
        Helper("builds a calendar of working days; no store access"),
    ),
    Row(
        RuleBook,
        "quorum",
        lambda s, f: s.rules.quorum(build_demo_record(TODAY), NOW),
        Helper("judges quorum in a record the caller already has; no store access"),
    ),
    # --- the screen lock (made by the main window, not the session) ------------------
    Row(
        LockService,
        "lock",
        lambda s, f: LockService(s.store, s.actor, s.clock).lock(),
        Everyone("lock"),
    ),
    Row(
        LockService,
        "unlock",
        lambda s, f: LockService(s.store, s.actor, s.clock).unlock(PASSPHRASE),
        Everyone("unlock"),
        passphrase=True,
    ),
]


# --- the prepared store ---------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    path: Path
    key: StoreKey  # the derived key: a copy opens without the passphrase's KDF
    facts: Facts


def renamed(record: d.ConferenceRecord, reference: str) -> d.ConferenceRecord:
    return replace(record, conference=replace(record.conference, reference=reference))


def quorate(record: d.ConferenceRecord) -> d.ConferenceRecord:
    """The police present too, and a health visitor: three agency groups."""
    here = (d.AttendanceEvent(uid("a-police"), AttendanceKind.PRESENT, AT),)
    people = tuple(
        replace(p, attendance=here) if p.id == POLICE else p for p in record.participants
    )
    health = d.Participant(
        id=HV,
        name="Hana Visitor",
        role=ParticipantRole.PROFESSIONAL,
        agency="Health visiting service",
        direct_contact=True,
        attendance=(d.AttendanceEvent(uid("a-hv"), AttendanceKind.PRESENT, AT),),
    )
    return replace(record, participants=(*people, health))


def hand_over_from_another_laptop(folder: Path) -> tuple[Path, Package]:
    """A package the minute-taker's laptop made of a conference this store lacks."""
    laptop = new_store(folder, "laptop.db")
    with Session(laptop, MINUTER, TickingClock(BUILT)) as other:
        ConferenceService(laptop, CHAIR, TickingClock(BUILT)).import_record(
            small_record(ARRIVING, salt="laptop-")
        )
        path = folder / "from-the-laptop.cpcx"
        other.handover.export_package(ARRIVING, path, WORDS, cost=FAST_COST)
        return path, other.handover.read(path, WORDS)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    folder = tmp_path_factory.mktemp("role-table")
    p12 = create_self_signed("Demo Chair", b"certificate words")
    certificate = load_certificate(p12, b"certificate words")
    path = folder / "template.db"
    key = StoreKey.from_passphrase(PASSPHRASE)
    store = create_store(path, key, owner=CHAIR.name, now=BUILT)
    with Session(store, CHAIR, TickingClock(BUILT)) as chair:
        chair.conferences.add_user(MINUTER.name, MINUTER.role)
        chair.conferences.add_user(READER.name, READER.role)
        for reference, days_ago in ((DRAFT, 0), (APPROVED, 7), (ISSUED, 14)):
            record = build_demo_record(TODAY - timedelta(days=days_ago), CHAIR.name)
            chair.conferences.import_record(renamed(record, reference))
        chair.minutes.approve(APPROVED)
        chair.minutes.approve(ISSUED)
        issued = chair.minutes.issue(ISSUED, certificate)
        issued_pdf = issued.data
        correction_id = chair.corrections.record_request(
            ISSUED,
            requested_by="A Parent",
            received=TODAY,
            disputed="The second entry",
            asked="Say it differently",
        ).id
        # A letter to a professional: one to the family waits for a second person's check.
        need = next(
            p.need for p in chair.letters.plan(DRAFT) if p.need.kind is LetterKind.PROFESSIONAL
        )
        letter = LetterRequest(
            need.kind, need.recipient_id, need.recipient_name, ("1 Mill Lane", "HB1 2CD")
        )
        chair.letters.issue(DRAFT, letter)
        parent = next(p.need for p in chair.letters.plan(DRAFT) if p.need.kind is LetterKind.PARENT)
        family_letter = LetterRequest(
            parent.kind, parent.recipient_id, parent.recipient_name, ("1 Mill Lane", "HB1 2CD")
        )
        chair.users.add_user(SECOND.name, SECOND.role, PASSWORD)
        second = Session(store, SECOND, TickingClock(BUILT))
        check_id = second.release.hold_minutes(DRAFT, MinutesCopy(CopyKind.FAMILY)).id
        draft = chair.conferences.get(DRAFT)
        sent_to = next(p.id for p in draft.participants if p.role is ParticipantRole.PROFESSIONAL)
        chair.conferences.import_record(quorate(small_record()))
        chair.conferences.import_record(ni_record(NI_REF, appeal=True))
        chair.conferences.import_record(old_record())
        complaint_id = chair.complaints.record_complaint(
            SMALL, received=TODAY, grounds=["process"], complainant_id=MUM
        ).id
        chair.agenda.add_agenda_item(SMALL, "Spare", 5, item_id=uid("spare"))
        action = chair.notes.add_action(SMALL, "Sam", "Visit")
        answers = decided_plan(chair.decisions.context(SMALL), "plan")
        review = chair.reviews.new_review(ISSUED).reference
        review_action = chair.conferences.get(review).plans[0].actions[0].id
    package_path, package = hand_over_from_another_laptop(folder)
    facts = Facts(
        folder=folder,
        certificate=certificate,
        issued_pdf=issued_pdf,
        letter_id=draft.letters[-1].id,
        letter=letter,
        sent_to=sent_to,
        action_id=action.id,
        answers=answers,
        package_path=package_path,
        package=package,
        family_letter=family_letter,
        check_id=check_id,
        correction_id=correction_id,
        issued_output_id=issued.output_id or "",
        review=review,
        review_action=review_action,
        complaint_id=complaint_id,
    )
    return Template(path, key_for_file(key, path), facts)


@pytest.fixture
def open_copy(
    template: Template, tmp_path: Path
) -> Iterator[Callable[[Actor, bool], tuple[Session, Facts]]]:
    """A session for ``actor`` on this test's copy of the prepared store."""
    opened: list[Session] = []

    def open_as(actor: Actor, passphrase: bool) -> tuple[Session, Facts]:
        path = tmp_path / "store.db"
        shutil.copyfile(template.path, path)
        key = StoreKey.from_passphrase(PASSPHRASE) if passphrase else template.key
        session = Session(open_store(path, key), actor, TickingClock(NOW))
        opened.append(session)
        return session, replace(template.facts, folder=tmp_path)

    yield open_as
    for session in opened:
        session.close()


# --- what the store holds -------------------------------------------------------------


def events(session: Session) -> list[tuple[str, str, str, str]]:
    """Every audit event as (actor, role, action, outcome), oldest first."""
    with session.store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "select actor, role, action, outcome from audit_event order by seq"
        ).all()
    return [(a, r, x, o) for a, r, x, o in rows]


def snapshot(session: Session) -> dict[str, list[str]]:
    """Every row of every table but the audit log, in a stable order."""
    out = {}
    with session.store.engine.connect() as conn:
        for table in m.Base.metadata.sorted_tables:
            if table.name != m.AuditEvent.__tablename__:
                out[table.name] = sorted(repr(tuple(row)) for row in conn.execute(table.select()))
    return out


def files(folder: Path, session: Session) -> set[str]:
    """The files beside the store (not the store's own journal)."""
    path = session.store.path
    assert path is not None
    journal = {p.name for p in sidecars(path)}
    return {p.name for p in folder.iterdir()} - journal


# --- the table ------------------------------------------------------------------------


@pytest.mark.sqlite_only
@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: a.role.value)
@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_each_method_checks_the_role(
    open_copy: Callable[[Actor, bool], tuple[Session, Facts]],
    tmp_path: Path,
    row: Row,
    actor: Actor,
) -> None:
    session, facts = open_copy(actor, row.passphrase)
    if row.setup is not None:
        row.setup(session, facts)
    before_events = len(events(session))
    before_rows, before_files = snapshot(session), files(tmp_path, session)
    me = (actor.name, actor.role.value)
    rule = row.rule
    if isinstance(rule, Action) and rule not in MAY[actor.role]:
        with pytest.raises(PermissionDenied) as refused:
            row.call(session, facts)
        who, may_not = actor.role.value.replace("_", " "), ACTION_WORDS[rule]
        assert refused.value.message == f"{actor.name} ({who}) may not {may_not}"
        assert events(session)[before_events:] == [(*me, rule.value, "denied")]
        assert snapshot(session) == before_rows
        assert files(tmp_path, session) == before_files
        return
    row.call(session, facts)
    new = events(session)[before_events:]
    if isinstance(rule, Action):
        assert new == [(*me, (row.audited_as or rule).value, "ok")]
    elif isinstance(rule, Everyone):
        assert new == [(*me, rule.action, "ok")]
    else:
        assert new == []
    if not isinstance(rule, Action):
        assert snapshot(session) == before_rows


def test_the_role_model_is_the_tables() -> None:
    assert PERMISSIONS == MAY


def test_every_action_is_in_the_table() -> None:
    assert {row.rule for row in ROWS if isinstance(row.rule, Action)} == set(Action)


def test_every_action_has_words_for_its_refusal() -> None:
    assert set(ACTION_WORDS) == set(Action)
    assert all(words.strip() and "_" not in words for words in ACTION_WORDS.values())


def test_each_row_is_one_public_method() -> None:
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids))
    for row in ROWS:
        assert (row.owner, row.name) in public_methods(row.owner), f"{row.id} is gone"
        if isinstance(row.rule, Helper):
            assert row.rule.reason.strip()


# --- that the table is complete -------------------------------------------------------


def _ours(cls: type) -> bool:
    return cls.__module__.startswith("cpc_desktop.services")


def public_methods(cls: type) -> set[tuple[type, str]]:
    """(class, name) of every public method or property ``cls`` has from the services."""
    found = set()
    for owner in cls.__mro__:
        if not _ours(owner):
            continue
        for name, value in vars(owner).items():
            if name.startswith("_"):
                continue
            if isinstance(value, property | staticmethod | classmethod) or inspect.isfunction(
                value
            ):
                found.add((owner, name))
    return found


def offered(session: Session) -> set[type]:
    """Every services class reachable from the session by public attributes and properties."""
    seen: set[type] = {Session}
    todo: list[object] = [session]
    while todo:
        here = todo.pop()
        names = set(vars(here)) | {
            name
            for name, _ in inspect.getmembers(
                type(here),
                # a property, or a service the session makes on first use (session.py)
                lambda v: isinstance(v, property) or type(v).__name__ == "_Service",
            )
        }
        for name in sorted(names):
            if name.startswith("_"):
                continue
            value = getattr(here, name)
            cls = type(value)
            if _ours(cls) and cls not in seen:
                seen.add(cls)
                todo.append(value)
    return seen


def services_in_the_package() -> set[type]:
    """Every class in cpc_desktop.services that is a service (by base class or by name)."""
    found = set()
    for info in pkgutil.iter_modules(cpc_desktop.services.__path__):
        module = importlib.import_module(f"cpc_desktop.services.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and (
                issubclass(cls, ServiceBase) or cls.__name__.endswith("Service")
            ):
                found.add(cls)
    return found


@pytest.fixture
def bare_session(tmp_path: Path) -> Iterator[Session]:
    store = new_store(tmp_path)
    with Session(store, CHAIR, TickingClock(NOW)) as session:
        yield session


def test_every_service_the_session_offers_is_in_the_table(bare_session: Session) -> None:
    classes = offered(bare_session)
    assert {
        ConferenceService,
        ScheduleService,
        AgendaService,
        RollCallService,
        MinuteEntryService,
        MeetingNotesService,
        SearchService,
        TextWriter,
        DecisionService,
        MinutesService,
        LetterService,
        DistributionService,
        VerificationService,
        HandoverService,
        RuleBook,
        AppealService,
        ComplaintService,
        RetentionService,
        UploadService,
    } <= classes
    wanted = set().union(*(public_methods(cls) for cls in classes))
    listed = {(row.owner, row.name) for row in ROWS}
    missing = sorted(f"{cls.__name__}.{name}" for cls, name in wanted - listed)
    assert missing == []


def test_every_service_class_in_the_package_is_in_the_table() -> None:
    classes = services_in_the_package()
    assert LockService in classes and ServiceBase in classes
    wanted = set().union(*(public_methods(cls) for cls in classes))
    listed = {(row.owner, row.name) for row in ROWS}
    missing = sorted(f"{cls.__name__}.{name}" for cls, name in wanted - listed)
    assert missing == []
