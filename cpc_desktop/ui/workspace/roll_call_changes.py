"""The roll call's changes: people added and removed, and their attendance.

Each change is made through the roll-call service and pushed on the workspace's undo
stack as a :class:`~cpc_desktop.ui.workspace.undo.ServiceCommand`; a refusal is shown
as one line and nothing is pushed. Someone removed comes back with their id and their
attendance (with its ids), so commands further along the stack still reach them.

:class:`RollCallChanges` is mixed into the Introductions tab
(:class:`~cpc_desktop.ui.workspace.roll_call.RollCallTab`), which provides the
widgets, the selection and the messages named below; the edits of details, the child
and the quorum are :mod:`~cpc_desktop.ui.workspace.roll_call_edits`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6 import QtGui, QtWidgets

from cpc_desktop.domain.conference import AttendanceEvent, ConferenceRecord, Participant
from cpc_desktop.domain.enums import AttendanceKind, AttendanceMode, ParticipantRole
from cpc_desktop.services.errors import ServiceError
from cpc_desktop.services.roll_call import NewParticipant
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.workspace.child_participation import ChildRow
from cpc_desktop.ui.workspace.exclusion_dialog import ExclusionDialog
from cpc_desktop.ui.workspace.exclusion_sharing import ExclusionSharingDialog
from cpc_desktop.ui.workspace.participant_model import (
    MODE_WORDS,
    last_exclusion,
    local_time,
    open_exclusion,
)
from cpc_desktop.ui.workspace.quick_entry import QuickEntry
from cpc_desktop.ui.workspace.roll_call_dialogs import DetailsDialog
from cpc_desktop.ui.workspace.undo import ServiceCommand, run_and_push

if TYPE_CHECKING:
    from PySide6 import QtCore

    from cpc_desktop.domain.profile import Profile
    from cpc_desktop.services.session import Session

__all__ = ["RollCallChanges"]

T = TypeVar("T")

_STAMP_WORDS = {
    AttendanceKind.PRESENT: "present",
    AttendanceKind.APOLOGIES: "apologies",
    AttendanceKind.ABSENT: "absent",
    AttendanceKind.ARRIVED: "arrived",
    AttendanceKind.LEFT: "left",
    AttendanceKind.EXCLUDED: "excluded",
}


#: A participant's details that :class:`NewParticipant` does not carry, as added.
_DEFAULTS = Participant(id="", name="", role=ParticipantRole.PROFESSIONAL)
#: Those details, restored when the removal of a person is undone.
_RESTORED = (
    "invited",
    "report_received",
    "report_shared_with_family",
    "side",
    "side_reason",
    "child_ids",
    "address",
    "telephone",
    "email",
    "school_or_workplace",
    "withhold_from",
    "language",
    "parental_responsibility",
)


class _Change(ServiceCommand):
    """A roll-call change; after an undo or redo the tab reads the record again."""

    def __init__(
        self,
        tab: RollCallChanges,
        text: str,
        forward: Callable[[], object],
        backward: Callable[[], object],
        select_on_undo: str | None = None,
    ) -> None:
        super().__init__(tab, text, forward, backward)
        self._tab = tab
        self._select_on_undo = select_on_undo

    def replayed(self, verb: str) -> None:
        self._tab._changed(f"{'Undone' if verb == 'undo' else 'Redone'}: {self.text()}.")
        if verb == "undo" and self._select_on_undo is not None:
            self._tab.select(self._select_on_undo)


class RollCallChanges:
    """The tab's undoable changes (a mixin: the tab provides what is declared here)."""

    session: Session
    reference: str
    record: ConferenceRecord
    profile: Profile
    undo_stack: QtGui.QUndoStack
    quick: QuickEntry
    table: QtWidgets.QTableView
    completions: QtCore.QStringListModel
    child_rows: dict[str, ChildRow]
    exclusion_dialog: ExclusionDialog | None
    sharing_dialog: ExclusionSharingDialog | None
    details_dialog: DetailsDialog | None

    # What the tab provides.

    def reload(self) -> None:
        raise NotImplementedError

    def selected(self) -> Participant | None:
        raise NotImplementedError

    def select(self, participant_id: str) -> None:
        raise NotImplementedError

    def show_message(self, text: str, *, error: bool = False) -> None:
        raise NotImplementedError

    def describe_agency(self, agency: str) -> str:
        raise NotImplementedError

    def _changed(self, text: str = "") -> None:
        raise NotImplementedError

    def _report(self, error: BaseException) -> None:
        raise NotImplementedError

    def _widget(self) -> QtWidgets.QWidget:
        """The tab itself, as the parent of its dialogs."""
        return cast(QtWidgets.QWidget, self)

    # --- the undo stack ------------------------------------------------------------------

    def _call(self, work: Callable[[], T]) -> T | None:
        """Run a service call; a refusal is shown as one line and ``None`` returned."""
        try:
            return work()
        except Exception as error:
            self._report(error)
            return None

    def _push(
        self,
        text: str,
        forward: Callable[[], object],
        backward: Callable[[], object],
        done: str,
        select_on_undo: str | None = None,
        refused: Callable[[Exception], None] | None = None,
    ) -> bool:
        """Make a change and push it; ``done`` is the line shown once it is made."""
        command = _Change(self, text, forward, backward, select_on_undo)
        if not run_and_push(self.undo_stack, command, refused or self._report):
            return False
        self._changed(done)
        return True

    def command_refused(self, command: ServiceCommand, verb: str, error: ServiceError) -> None:
        """The store refused to ``verb`` ``command`` (now dropped): say why, show the store."""
        message = user_message(error)
        if message is None:
            raise error
        self.reload()
        self.show_message(f"Could not {verb} “{command.text()}”: {message}", error=True)

    # --- people --------------------------------------------------------------------------

    def add_person(self) -> None:
        """Add the person typed in the quick-entry row, then get ready for the next."""
        new = self.quick.value()
        if not new.name:
            self.show_message("Type the person's name first.", error=True)
            self.quick.name.setFocus()
            return
        roll_call = self.session.roll_call
        added: list[str] = []

        def add() -> None:
            person = roll_call.add_participant(
                self.reference, new, participant_id=added[0] if added else None
            )
            added[:] = [person.id]

        if not self._push(
            f"add {new.name}", add, lambda: roll_call.remove_participant(added[0]), ""
        ):
            return
        self.quick.clear()
        self.show_message(f"Added {new.name}.")
        self.select(added[0])
        self.quick.name.setFocus()

    def remove_person(self) -> None:
        """Take the selected person off the roll call; undo brings them back, same id."""
        person = self._need_selection()
        if person is None:
            return
        roll_call = self.session.roll_call

        def back() -> None:
            new = NewParticipant(
                name=person.name,
                role=person.role,
                agency=person.agency,
                relationship=person.relationship,
                direct_contact=person.direct_contact,
                interpreter_language=person.interpreter_language,
                advocate_needed=person.advocate_needed,
            )
            roll_call.add_participant(self.reference, new, participant_id=person.id)
            rest: dict[str, Any] = {
                key: getattr(person, key)
                for key in _RESTORED
                if getattr(person, key) != getattr(_DEFAULTS, key)
            }
            if rest:
                roll_call.update_participant(person.id, **rest)
            for event in person.attendance:
                roll_call.record_attendance(
                    person.id,
                    event.kind,
                    event.at,
                    until=event.until,
                    grounds=event.grounds,
                    note=event.note,
                    event_id=event.id,
                    shared_with_family=event.shared_with_family,
                    shown_to_excluded=event.shown_to_excluded,
                    mode=event.mode,
                )

        self._push(
            f"remove {person.name}",
            lambda: roll_call.remove_participant(person.id),
            back,
            f"Removed {person.name}.",
            select_on_undo=person.id,
        )

    # --- attendance ----------------------------------------------------------------------

    def _need_selection(self) -> Participant | None:
        person = self.selected()
        if person is None:
            self.show_message("Select a person in the table first.", error=True)
        return person

    def stamp(self, kind: AttendanceKind, mode: AttendanceMode | None = None) -> None:
        """Record ``kind`` for the selected person at the session's current time (taking
        part ``mode``, for present or arrived)."""
        person = self._need_selection()
        if person is not None:
            self._record(person, kind, self.session.clock(), mode=mode)

    def _record(
        self,
        person: Participant,
        kind: AttendanceKind,
        at: datetime,
        *,
        until: datetime | None = None,
        grounds: Any = None,
        note: str = "",
        mode: AttendanceMode | None = None,
        **sharing: bool,
    ) -> AttendanceEvent | None:
        service = self.session.roll_call
        recorded: list[AttendanceEvent] = []

        def record() -> None:
            event = service.record_attendance(
                person.id,
                kind,
                at,
                until=until,
                grounds=grounds,
                note=note,
                event_id=recorded[0].id if recorded else None,
                mode=mode,
                **sharing,
            )
            recorded[:] = [event]

        word = _STAMP_WORDS[kind] + ("" if mode is None else f" {MODE_WORDS[mode]}")
        if not self._push(
            f"{word} for {person.name}",
            record,
            lambda: service.remove_attendance(recorded[0].id),
            f"{person.name}: {word} at {local_time(at)}.",
        ):
            return None
        return recorded[0]

    def exclude(self) -> None:
        """Ask for the grounds and times, then record the exclusion."""
        person = self._need_selection()
        if person is None:
            return
        dialog = ExclusionDialog(person.name, self.session.clock(), self._widget())
        dialog.accepted.connect(lambda: self._on_exclusion_accepted(person, dialog))
        dialog.finished.connect(self._on_exclusion_finished)
        self.exclusion_dialog = dialog
        dialog.open()

    def _on_exclusion_accepted(self, person: Participant, dialog: ExclusionDialog) -> None:
        value = dialog.value()
        self._record(
            person,
            AttendanceKind.EXCLUDED,
            value.start,
            until=value.until,
            grounds=value.grounds,
            note=value.note,
            shared_with_family=value.shared_with_family,
            shown_to_excluded=value.shown_to_excluded,
        )

    def _on_exclusion_finished(self) -> None:
        if self.exclusion_dialog is not None:
            self.exclusion_dialog.deleteLater()
            self.exclusion_dialog = None
        self.table.setFocus()

    def end_exclusion(self) -> None:
        """End the selected person's current exclusion at the session's time."""
        person = self._need_selection()
        if person is None:
            return
        now = self.session.clock()
        event = open_exclusion(person, now)
        if event is None:
            self.show_message(f"{person.name} is not excluded at the moment.", error=True)
            return
        roll_call = self.session.roll_call

        def back() -> None:
            if event.until is not None:
                roll_call.end_exclusion(event.id, event.until, expected={"until": now})
                return
            # An exclusion cannot be made open-ended again in place: record it afresh.
            roll_call.remove_attendance(event.id, expected={"until": now})
            roll_call.record_attendance(
                person.id,
                AttendanceKind.EXCLUDED,
                event.at,
                grounds=event.grounds,
                note=event.note,
                event_id=event.id,
                shared_with_family=event.shared_with_family,
                shown_to_excluded=event.shown_to_excluded,
            )

        self._push(
            f"end the exclusion of {person.name}",
            lambda: roll_call.end_exclusion(event.id, now, expected={"until": event.until}),
            back,
            f"{person.name}: exclusion ended at {local_time(now)}.",
        )

    def share_exclusion(self) -> None:
        """Change whether the selected person's last exclusion's grounds are shared."""
        person = self._need_selection()
        event = None if person is None else last_exclusion(person)
        if person is None or event is None:
            if person is not None:
                self.show_message(f"{person.name} has not been excluded.", error=True)
            return
        when = f"from {local_time(event.at)}" + (
            f" to {local_time(event.until)}" if event.until else ""
        )
        dialog = ExclusionSharingDialog(person.name, event, when, self._widget())
        dialog.accepted.connect(lambda: self._on_sharing_accepted(person, event, dialog))
        dialog.finished.connect(self._on_sharing_finished)
        self.sharing_dialog = dialog
        dialog.open()

    def _on_sharing_accepted(
        self, person: Participant, event: AttendanceEvent, dialog: ExclusionSharingDialog
    ) -> None:
        shared, shown = dialog.choice()
        if (shared, shown) == (event.shared_with_family, event.shown_to_excluded):
            return
        roll_call = self.session.roll_call
        words = "shared with the family" if shared else "for professionals only"
        was = {
            "shared_with_family": event.shared_with_family,
            "shown_to_excluded": event.shown_to_excluded,
        }
        now = {"shared_with_family": shared, "shown_to_excluded": shown}
        self._push(
            f"share the grounds of {person.name}'s exclusion",
            lambda: roll_call.share_exclusion(event.id, shared, shown, expected=was),
            lambda: roll_call.share_exclusion(
                event.id, event.shared_with_family, event.shown_to_excluded, expected=now
            ),
            f"{person.name}: the grounds of the exclusion are now {words}.",
        )

    def _on_sharing_finished(self) -> None:
        if self.sharing_dialog is not None:
            self.sharing_dialog.deleteLater()
            self.sharing_dialog = None
        self.table.setFocus()
