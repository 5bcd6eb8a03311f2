"""How each person takes part: in the room, on video or by phone (remote and hybrid).

Three buttons next to the attendance commands (Ctrl+1, Ctrl+2, Ctrl+3) show the mode
the next Present or Arrived records. Selecting someone who is here shows how they take
part now; selecting anyone else shows the conference's own way of meeting (in person:
in the room; remote: on video; hybrid: in the room). Choosing a mode for someone who is
here and taking part another way records that they joined that way now (a video call
that dropped, rung back in by phone): a new arrival at the session's time, undoable, so
the minutes and the quorum follow what happened when.

:class:`RollCallModes` is mixed into the Introductions tab
(:class:`~cpc_desktop.ui.workspace.roll_call.RollCallTab`).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.enums import AttendanceKind, AttendanceMode, MeetingMode
from cpc_desktop.domain.quorum import present_at
from cpc_desktop.ui.actions import ActionId, make_action
from cpc_desktop.ui.workspace.participant_model import MODE_WORDS, local_time, mode_now
from cpc_desktop.ui.workspace.roll_call_changes import RollCallChanges

__all__ = ["MODE_COMMANDS", "RollCallModes", "default_mode"]

#: The mode commands (declared in ui/actions.py), in the order of their buttons.
MODE_COMMANDS: dict[AttendanceMode, ActionId] = {
    AttendanceMode.IN_ROOM: ActionId.ROLL_CALL_IN_ROOM,
    AttendanceMode.VIDEO: ActionId.ROLL_CALL_VIDEO,
    AttendanceMode.PHONE: ActionId.ROLL_CALL_PHONE,
}


def default_mode(meeting: MeetingMode) -> AttendanceMode:
    """How someone takes part unless the chair says otherwise, by the way the conference
    meets: on video when it is remote, in the room otherwise."""
    return AttendanceMode.VIDEO if meeting is MeetingMode.REMOTE else AttendanceMode.IN_ROOM


class RollCallModes(RollCallChanges):
    """The mode chooser and its commands (a mixin, as :class:`RollCallChanges` is)."""

    mode_actions: dict[AttendanceMode, QtGui.QAction]

    def _build_mode_chooser(self) -> QtWidgets.QWidget:
        """The labelled mode buttons, their actions made on the tab."""
        box = QtWidgets.QWidget()
        box.setObjectName("rollCallModes")
        box.setAccessibleName("How the person takes part")
        row = QtWidgets.QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        label = QtWidgets.QLabel("Taking part:")
        row.addWidget(label)
        group = QtGui.QActionGroup(self._widget())
        group.setExclusive(True)
        self.mode_actions = {}
        for mode, command in MODE_COMMANDS.items():
            # (a checkable action's triggered passes the new check state first)
            chosen = lambda _checked=False, m=mode: self.take_part(m)  # noqa: E731
            action = make_action(command, self._widget(), chosen)
            action.setCheckable(True)
            group.addAction(action)
            native = action.shortcut().toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            action.setIconText(f"{action.text()}\n{native}")
            button = QtWidgets.QToolButton()
            button.setObjectName(f"rollCallMode_{mode.value}")
            button.setDefaultAction(action)
            button.setAccessibleName(f"{action.text()} ({native})")
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)
            button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
            self.mode_actions[mode] = action
        self.show_chosen_mode(self.meeting_default())
        return box

    # --- the choice --------------------------------------------------------------------

    def meeting_default(self) -> AttendanceMode:
        return default_mode(self.record.conference.mode)

    def chosen_mode(self) -> AttendanceMode:
        """The mode the next Present or Arrived records."""
        for mode, action in self.mode_actions.items():
            if action.isChecked():
                return mode
        return self.meeting_default()

    def show_chosen_mode(self, mode: AttendanceMode) -> None:
        self.mode_actions[mode].setChecked(True)

    def _follow_selection(self, *_: object) -> None:
        """Show how the newly selected person takes part now (or the meeting's way)."""
        person = self.selected()
        now = self.session.clock()
        here = None if person is None else mode_now(person, now)
        self.show_chosen_mode(here or self.meeting_default())

    # --- the command -------------------------------------------------------------------

    def take_part(self, mode: AttendanceMode) -> None:
        """Choose ``mode``; someone selected who is here another way joins so now."""
        self.show_chosen_mode(mode)
        words = MODE_WORDS[mode]
        person = self.selected()
        if person is None:
            self.show_message(f"Present and Arrived will record people {words}.")
            return
        now = self.session.clock()
        if not present_at(person, now):
            self.show_message(
                f"{person.name} is not here now: Present or Arrived will record them {words}."
            )
            return
        if mode_now(person, now) is mode:
            self.show_message(f"{person.name} is already taking part {words}.")
            return
        service = self.session.roll_call
        recorded: list[str] = []

        def join() -> None:
            event = service.record_attendance(
                person.id,
                AttendanceKind.ARRIVED,
                now,
                mode=mode,
                event_id=recorded[0] if recorded else None,
            )
            recorded[:] = [event.id]

        if not self._push(
            f"{person.name} joined {words}",
            join,
            lambda: service.remove_attendance(recorded[0]),
            f"{person.name}: joined {words} at {local_time(now)}.",
        ):
            self._follow_selection()
