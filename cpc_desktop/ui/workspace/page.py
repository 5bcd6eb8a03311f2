"""One open conference: the agenda on the left; introductions and minutes on the right.

Under the agenda, the actions agreed so far (:mod:`.actions_list`), growing as Ctrl+J
records them (Enter on one changes it: :mod:`.action_fix`); over the minutes, who is
excluded now (:mod:`.exclusion_banner`).

The agenda's selected item decides which minutes pane shows; a change to the roll
call refreshes every pane's list of speakers. All structural edits share one undo
stack, which the window's Edit menu drives.

Signals:
    saved(str): the save state to show in the status line ("Saved 14:03:12").
    message(str): one line for the status bar.
    participants_changed(): the roll call changed (the family screen follows it).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop.domain.dates import weekday_date
from cpc_desktop.domain.family_view import FamilyView, family_view
from cpc_desktop.domain.labels import child_name
from cpc_desktop.domain.terms import terms_of
from cpc_desktop.services.roles import Action
from cpc_desktop.ui.actions import ActionId, make_action
from cpc_desktop.ui.family.window import FamilyWindow
from cpc_desktop.ui.permissions import apply_roles_within, may, refuse_widget, why_not
from cpc_desktop.ui.screen_fit import scrolling
from cpc_desktop.ui.workspace.action_fix import open_action
from cpc_desktop.ui.workspace.actions_list import ActionsList
from cpc_desktop.ui.workspace.agenda_panel import AgendaPanel
from cpc_desktop.ui.workspace.appeals_dialog import appeals_button
from cpc_desktop.ui.workspace.birth_dialog import BirthForm, awaits_birth, birth_button, said
from cpc_desktop.ui.workspace.complaints_dialog import complaints_button
from cpc_desktop.ui.workspace.decisions_buttons import with_buttons
from cpc_desktop.ui.workspace.decisions_tab import DecisionsTab
from cpc_desktop.ui.workspace.emphasis import emphasise
from cpc_desktop.ui.workspace.header import ElidedLabel, SaveStateLabel
from cpc_desktop.ui.workspace.lazy_page import LazyPage
from cpc_desktop.ui.workspace.minutes_tab import MinutesTab
from cpc_desktop.ui.workspace.plan_progress import PlanProgressTab
from cpc_desktop.ui.workspace.roll_call import RollCallTab

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

INTRODUCTIONS, MINUTES = 0, 1


class WorkspacePage(QtWidgets.QWidget):
    saved = QtCore.Signal(str)
    message = QtCore.Signal(str)
    decided = QtCore.Signal()
    participants_changed = QtCore.Signal()

    def __init__(self, session: Session, ref: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record = session.conferences.get(ref)
        self.reference: str = self.record.conference.reference
        self.undo_stack = QtGui.QUndoStack(self)
        self.family_screen: FamilyWindow | None = None
        #: The closing check's list, or the dialog it opened (``closing.py``).
        self.closing_dialog: QtWidgets.QDialog | None = None
        self._build_ui()
        self._connect()
        first = next(iter(self.record.agenda), None)
        current = next((i for i in self.record.agenda if i.status.value == "current"), first)
        if current is not None:
            self.agenda.select_item(current.id)
            self.minutes.show_item(current.id)

    def _build_ui(self) -> None:
        c = self.record.conference
        names = ", ".join(child_name(child, blank="") for child in self.record.children)
        self.header = ElidedLabel()  # one line, "…" on a narrow screen
        self.header.setObjectName("conferenceHeader")
        kind = terms_of(self.session.rules.profile(c.profile)).conference_type(c.type)
        self.header.set_full_text(f"{c.reference} · {kind} · {weekday_date(c.date)} · {names}")
        emphasise(self.header, 12)
        self.header.setAccessibleName("Conference")
        self.save_state = SaveStateLabel()
        # The record is read once (an audited read of the whole conference) and handed down.
        self.agenda = AgendaPanel(
            self.session,
            self.reference,
            self.undo_stack,
            agenda=self.record.agenda,
            moments=self.record.clock,
        )
        self.agenda.setMinimumWidth(250)  # with the tabs, fits 1366 pixels at 150 %
        self.actions_agreed = ActionsList(self.record.actions)  # Ctrl+J adds to it
        self.introductions = LazyPage(self._make_roll_call)
        profile = self.session.rules.profile(self.record.conference.profile)
        self.minutes = MinutesTab(
            self.session,
            self.record,
            self.undo_stack,
            self.session.clock,
            signs_of_safety=profile.signs_of_safety,
        )
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.addTab(self.introductions, "&Introductions")
        self.tabs.addTab(self.minutes, "&Minutes")
        self.decisions = DecisionsTab()
        self.decisions.show_record(self.record, profile)
        self.decisions_page: QtWidgets.QWidget = self.decisions
        self.appeals_button: QtWidgets.QPushButton | None = None
        self.appeals_dialog: QtWidgets.QDialog | None = None
        self.complaints_dialog: QtWidgets.QDialog | None = None
        self.complaints_button = complaints_button(self.open_complaints)
        buttons = [self.complaints_button]
        if profile.appeals:  # Northern Ireland: a parent may appeal against the decision
            self.appeals_button = appeals_button(self.open_appeals)
            buttons.insert(0, self.appeals_button)
        self.birth_button: QtWidgets.QPushButton | None = None
        self.birth_form: QtWidgets.QDialog | None = None
        if awaits_birth(self.record):  # a pre-birth conference: the birth comes later
            self.birth_button = birth_button(self.open_birth)
            buttons.append(self.birth_button)
        self.decisions_page = with_buttons(self.decisions, buttons)
        self.tabs.addTab(self.decisions_page, "&Decisions")
        self.plan_progress: PlanProgressTab | None = None
        if self.record.plans or self.record.scale_history:  # a review made from the plan
            self.plan_progress = PlanProgressTab(self.session, self.record)
            self.plan_progress.message.connect(self.message)
            self.tabs.addTab(self.plan_progress, "Plan pro&gress")
        self.tabs.setCurrentIndex(
            MINUTES
            if any(i.status.value != "pending" for i in self.record.agenda)
            else INTRODUCTIONS
        )
        left = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        left.addWidget(self.agenda)
        left.addWidget(self.actions_agreed)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 1000])
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.save_state, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        outer = scrolling(splitter)
        outer.setObjectName("workspaceScroll")
        layout.addWidget(outer, 1)  # scrolls only on a very small screen

        make_action(ActionId.SHOW_INTRODUCTIONS, self, self.show_introductions)
        make_action(ActionId.SHOW_MINUTES, self, self.show_minutes)
        make_action(ActionId.DECISION_WIZARD, self, self.open_decisions)
        make_action(ActionId.MINUTES_READY, self, self.check_ready)
        make_action(ActionId.FAMILY_SCREEN, self, self.show_family_screen)

    def _connect(self) -> None:
        self.agenda.selected_item_changed.connect(self._on_item_selected)
        self.agenda.message.connect(self.message)
        self.minutes.saved.connect(self.saved)
        self.minutes.saved.connect(self.save_state.show_state)
        self.minutes.message.connect(self.message)
        self.minutes.action_recorded.connect(self.actions_agreed.add)
        self.actions_agreed.opened.connect(self._open_action)

    def _open_action(self, action_id: str) -> None:
        """Enter or a double-click on an action under the agenda: change it; back to the
        list afterwards."""
        dialog = open_action(self, action_id)
        if dialog is not None:
            dialog.finished.connect(lambda _result: self.actions_agreed.table.setFocus())

    def _make_roll_call(self) -> RollCallTab:
        tab = RollCallTab(self.session, self.reference, self.undo_stack, record=self.record)
        actor = self.session.actor
        apply_roles_within(actor, tab)  # made on first sight: after the window's pass
        if not may(actor, Action.RECORD_ATTENDANCE):
            refuse_widget(tab.quick, why_not(actor, Action.RECORD_ATTENDANCE))
        tab.participants_changed.connect(self._on_participants_changed)
        tab.message.connect(self.message)
        return tab

    @property
    def roll_call(self) -> RollCallTab:
        """The introductions (made when first shown: not needed to resume minuting)."""
        return self.introductions.content()

    def _on_item_selected(self, item_id: str) -> None:
        self.minutes.set_agenda(self.agenda.items, self.record)
        if not self.minutes.show_item(item_id):  # its text is not saved: it stays
            shown = self.minutes.current_pane()
            if shown is not None:
                self.agenda.select_item(shown.item.id)

    def _on_participants_changed(self) -> None:
        self.record = self.roll_call.record
        self.minutes.set_participants(self.record.participants)
        self.participants_changed.emit()

    def family_view(self) -> FamilyView:
        """What the family screen shows now: the live agenda and the roll call."""
        record = dataclasses.replace(self.record, agenda=self.agenda.items)
        return family_view(record, self.session.clock())

    def show_family_screen(self) -> None:
        """Open (or bring forward) the "Who is here" window, which follows the meeting."""
        if self.family_screen is None:
            profile = self.session.rules.profile(self.record.conference.profile)
            screen = FamilyWindow(profile, self.family_view, self)
            follow = screen.refresh
            self.agenda.current_item_changed.connect(follow)
            self.agenda.model.modelReset.connect(follow)
            self.agenda.model.dataChanged.connect(follow)
            self.participants_changed.connect(follow)
            self.family_screen = screen
        else:
            self.family_screen.refresh()
        self.family_screen.show()
        self.family_screen.raise_()
        self.family_screen.activateWindow()

    def close_family_screen(self) -> None:
        """Close the family screen (on lock, or when the conference is closed)."""
        if self.family_screen is not None:
            self.family_screen.close()

    def open_decisions(self) -> None:
        """Walk the statutory decision for every child, then show what was recorded."""
        from cpc_desktop.ui.decision.wizard import open_decision_wizard

        self.flush()
        if open_decision_wizard(self, self.session, self.reference) != (
            QtWidgets.QDialog.DialogCode.Accepted
        ):
            return
        self.record = self.session.conferences.get(self.reference)
        profile = self.session.rules.profile(self.record.conference.profile)
        self.decisions.show_record(self.record, profile)
        self.tabs.setCurrentWidget(self.decisions_page)
        self.message.emit("Decisions recorded.")
        self.decided.emit()

    def open_appeals(self) -> None:
        """A parent's appeals against the decision, and how each ended (the decision
        stands meanwhile; the minutes do not change)."""
        from cpc_desktop.ui.workspace.appeals_dialog import open_appeals

        self.appeals_dialog = open_appeals(self, self.session, self.reference)
        if self.appeals_dialog is not None:
            self.appeals_dialog.finished.connect(self._show_appeals)

    def open_birth(self) -> None:
        """Record the baby's birth (the chair's), then read back the conference."""
        form = BirthForm(self.session.plan_events, self.record, self.session.today(), self)
        self.birth_form = form
        form.accepted.connect(lambda: self._born(form))
        form.open()

    def _born(self, form: BirthForm) -> None:
        self._show_appeals()
        if self.birth_button is not None:
            self.birth_button.setEnabled(awaits_birth(self.record))
        if form.result_ is not None:
            self.message.emit(said(form.result_))

    def _show_appeals(self) -> None:
        """The Decisions tab reads back the appeals as they now stand."""
        self.record = self.session.conferences.get(self.reference)
        profile = self.session.rules.profile(self.record.conference.profile)
        self.decisions.show_record(self.record, profile)

    def open_complaints(self) -> None:
        """Complaints about the conference (the decision stands meanwhile)."""
        from cpc_desktop.ui.workspace.complaints_dialog import open_complaints

        self.complaints_dialog = open_complaints(self, self.session, self.reference)

    def close_appeals(self) -> None:
        """Close the Appeals and Complaints dialogs and any form open over them (before
        the screen locks)."""
        dialogs = (self.appeals_dialog, self.complaints_dialog)
        self.appeals_dialog = self.complaints_dialog = None
        for dialog in dialogs:
            if dialog is None or not shiboken6.isValid(dialog):
                continue
            form = getattr(dialog, "form", None)
            if form is not None:
                form.reject()
            dialog.reject()

    def minutes_state_changed(self) -> None:
        """The minutes were approved, reopened, issued or corrected in their window:
        read the record again and make the panes read-only, or editable, to match."""
        self.record = self.session.conferences.get(self.reference)
        self.minutes.set_record_state(self.record)
        self.actions_agreed.set_actions(self.record.actions)

    def show_introductions(self) -> None:
        self.tabs.setCurrentIndex(INTRODUCTIONS)
        self.roll_call.name.setFocus()

    def check_ready(self) -> None:
        """Say what still stops the minutes being finalised (the views headings)."""
        problems = self.session.minutes.ready_to_finalise(self.reference)
        if problems:
            text = "\n".join(f"• {p.message}" for p in problems)
            self.message.emit(problems[0].message)
        else:
            text = "The child's views and the parents' views are both recorded."
            self.message.emit(text)
        QtWidgets.QMessageBox.information(self, "Minutes", text)

    def show_minutes(self) -> None:
        self.tabs.setCurrentIndex(MINUTES)
        self.minutes.focus_editor()

    def show_entry(self, entry_id: str) -> bool:
        """The minutes of the entry's agenda item, the entry selected (a search hit).

        False when the entry is not in this conference's minutes (nothing moves)."""
        entry = next((e for e in self.record.minutes if e.id == entry_id), None)
        if entry is None:
            return False
        self.tabs.setCurrentIndex(MINUTES)
        self.agenda.select_item(entry.agenda_item_id)
        if not self.minutes.show_item(entry.agenda_item_id):
            return False  # the pane shown has unsaved text: it stays
        pane = self.minutes.current_pane()
        if pane is None or pane.item.id != entry.agenda_item_id:
            return False
        row = pane.model.row_of(entry_id)
        if row < 0:
            return False
        pane.table.selectRow(row)
        pane.table.setFocus()
        return True

    def flush(self) -> bool:
        """Write anything typed but not yet saved; True when everything is stored."""
        return self.minutes.flush()

    def can_leave(self, what: str) -> bool:
        """Before closing, locking or leaving: everything typed is saved, or the person
        took the unsaved text out (asked, with the minutes on screen)."""
        if self.minutes.flush():
            return True
        self.show_minutes()
        return self.minutes.can_leave(what)
