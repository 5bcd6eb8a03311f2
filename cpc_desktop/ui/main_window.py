"""The main window: a thin shell around the home screen, a conference and the lock.

It owns the actions and menus, the protective-marking band, the status line and
locking; the pages do the work, and the dialogs opened over it (outputs, signing,
hand-over) are :class:`OutputWindows`'s.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets

from cpc_desktop import __version__
from cpc_desktop.services.locking import LockService
from cpc_desktop.services.profiles import profile_choices
from cpc_desktop.services.search import SearchResults
from cpc_desktop.ui.action_help import help_sections
from cpc_desktop.ui.actions import (
    SPECS,
    ActionId,
    Menu,
    declared_actions,
    fill_menu,
    make_action,
)
from cpc_desktop.ui.clipboard_guard import ClipboardGuard
from cpc_desktop.ui.errors import user_message
from cpc_desktop.ui.help_dialog import HelpDialog, PreferencesDialog
from cpc_desktop.ui.home.home_page import HomePage
from cpc_desktop.ui.home.new_conference_dialog import NewConferenceDialog
from cpc_desktop.ui.home.new_review import new_review
from cpc_desktop.ui.i18n import use_language
from cpc_desktop.ui.keyboard import install as install_keyboard
from cpc_desktop.ui.lock import IdleWatcher, LockPage
from cpc_desktop.ui.output_windows import OutputWindows
from cpc_desktop.ui.permissions import (
    apply_roles,
    apply_roles_within,
    enable,
    refuse_widget,
    refused,
)
from cpc_desktop.ui.screen_fit import keep_windows_on_screen
from cpc_desktop.ui.settings import Preferences
from cpc_desktop.ui.store_check import StoreCheck
from cpc_desktop.ui.store_state import StoreState
from cpc_desktop.ui.window_place import place_main_window, remember_main_window

if TYPE_CHECKING:
    from cpc_desktop.services.session import Session

DEFAULT_PROFILE = "england"

#: The window's own commands (declared in ui/actions.py), by what they do.
WINDOW_COMMANDS = (
    ActionId.NEW_CONFERENCE,
    ActionId.NEW_REVIEW,
    ActionId.OPEN_CONFERENCE,
    ActionId.HOME,
    ActionId.SEARCH,
    ActionId.REFRESH,
    ActionId.LOCK,
    ActionId.PREFERENCES,
    ActionId.QUIT,
    ActionId.HELP,
    ActionId.ABOUT,
)
#: The conference's outputs: on only while a conference is open.
OUTPUT_COMMANDS = (ActionId.MINUTES_APPROVAL, ActionId.OUTCOME_LETTERS, ActionId.DISTRIBUTION)
SIGNING_COMMANDS = (ActionId.VERIFY_PDF, ActionId.SIGNING_CERTIFICATE, ActionId.CREATE_CERTIFICATE)
HANDOVER_COMMANDS = (ActionId.HAND_OVER, ActionId.IMPORT_HANDOVER)


def all_shortcuts() -> list[tuple[str, str]]:
    """Every keyboard shortcut, as the help page lists them: (command, keys)."""
    return [(name, keys) for _scope, rows in help_sections() for name, keys, _tip in rows]


class MainWindow(QtWidgets.QMainWindow):
    """The window a chair works in, for one open store (a services ``Session``).

    The state of the store (its pages being checked, or damaged) is :class:`StoreState`'s.
    """

    def __init__(self, session: Session, preferences: Preferences) -> None:
        super().__init__()
        self.session = session
        self.preferences = preferences
        self.workspace: Any = None
        self.conference_menu: QtWidgets.QMenu | None = None
        self._closing = False
        self.locker = LockService(session.store, session.actor, session.clock)
        self.setWindowTitle("CPC Desktop")
        keep_windows_on_screen(QtWidgets.QApplication.instance())
        self._build_ui()
        self.keyboard = install_keyboard(
            self, lambda text: self.statusBar().showMessage(text, 8000)
        )
        self.actions_by_id = {
            action_id: make_action(action_id, self) for action_id in WINDOW_COMMANDS
        }
        self._connect_actions()
        #: The dialogs opened over this window: outputs, signing, hand-over.
        self.outputs = OutputWindows(self)
        self._build_edit_actions()
        self._build_output_actions()
        self._build_handover_actions()
        self._build_menus()
        apply_roles(self.session.actor, self.window_actions.values())
        if refused(self.actions_by_id[ActionId.NEW_CONFERENCE]):  # and the home's button
            refuse_widget(
                self.home.new_button, self.actions_by_id[ActionId.NEW_CONFERENCE].toolTip()
            )
        self.clipboard = ClipboardGuard.for_app(preferences.clipboard_clear_seconds)
        self.idle = IdleWatcher(preferences.idle_lock_minutes, self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        self.refresh()
        self.store_state.watch()
        place_main_window(self, preferences)

    # --- building ------------------------------------------------------------------

    def _build_ui(self) -> None:
        profile = self.session.rules.profile(DEFAULT_PROFILE)
        self.marking = QtWidgets.QLabel(profile.protective_marking)
        self.marking.setObjectName("protectiveMarking")
        self.marking.setAccessibleName("Protective marking")
        self.marking.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.marking.setStyleSheet(
            "font-weight: bold; padding: 3px; background: #fde68a; color: #111827;"
        )
        search = getattr(getattr(self.session, "search", None), "find", None)

        def search_now(text: str) -> SearchResults:  # a restored backup renews the services
            found: SearchResults = self.session.search.find(text)
            return found

        self.home = HomePage(self.session.today(), search_now if search is not None else None)
        self.home.open_requested.connect(self.open_conference)
        self.home.entry_requested.connect(self.open_entry)
        self.home.new_requested.connect(self.new_conference)
        self.home.show_all_changed.connect(lambda _everything: self.refresh())
        self.lock_page = LockPage()
        self.lock_page.unlock_requested.connect(self._on_unlock_requested)
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.lock_page)
        central = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(central)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.marking)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.save_state = QtWidgets.QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setAccessibleName("Save state")
        self.statusBar().addPermanentWidget(self.save_state)
        self.store_state = StoreState(self)
        self.store_check = StoreCheck(self)
        self.read_only = self.store_state.read_only
        self.statusBar().addPermanentWidget(self.store_state.checking)
        self.statusBar().addPermanentWidget(self.read_only)
        who = f"{self.session.actor.name} ({self.session.actor.role.value.replace('_', ' ')})"
        self.signed_in = QtWidgets.QLabel(f"Signed in: {who}")
        self.signed_in.setObjectName("signedIn")
        self.signed_in.setAccessibleName("Signed in as")
        self.statusBar().addPermanentWidget(self.signed_in)
        self.statusBar().showMessage(f"{who} — {self.session.store.location}")

    def _build_edit_actions(self) -> None:
        """Undo and redo follow whichever conference is open (one stack each)."""
        self.undo_group = QtGui.QUndoGroup(self)
        self.undo_action = make_action(
            ActionId.UNDO,
            self,
            action=self.undo_group.createUndoAction(self, SPECS[ActionId.UNDO].text),
        )
        self.redo_action = make_action(
            ActionId.REDO,
            self,
            action=self.undo_group.createRedoAction(self, SPECS[ActionId.REDO].text),
        )

    def _build_output_actions(self) -> None:
        """The conference's outputs (Conference menu) and the signing commands (File menu)."""
        slots = {
            ActionId.MINUTES_APPROVAL: self.outputs.show_minutes_approval,
            ActionId.OUTCOME_LETTERS: self.outputs.show_outcome_letters,
            ActionId.DISTRIBUTION: self.outputs.show_distribution,
            ActionId.VERIFY_PDF: self.outputs.verify_pdf,
            ActionId.SIGNING_CERTIFICATE: self.outputs.signing_certificate,
            ActionId.CREATE_CERTIFICATE: self.outputs.create_certificate,
        }
        self.output_actions = {i: make_action(i, self, slots[i]) for i in OUTPUT_COMMANDS}
        for action in self.output_actions.values():
            action.setEnabled(False)  # only while a conference is open
        self.signing_actions = {i: make_action(i, self, slots[i]) for i in SIGNING_COMMANDS}

    def _build_handover_actions(self) -> None:
        """Hand over and import (File menu)."""
        slots = {
            ActionId.HAND_OVER: self.outputs.hand_over,
            ActionId.IMPORT_HANDOVER: self.outputs.import_handover,
        }
        self.handover_actions = {i: make_action(i, self, slots[i]) for i in HANDOVER_COMMANDS}

    def _build_menus(self) -> None:
        """File, Edit and Help, as declared (the Conference menu comes with a conference)."""
        actions = {
            **self.actions_by_id,
            ActionId.UNDO: self.undo_action,
            ActionId.REDO: self.redo_action,
            **self.output_actions,
            **self.signing_actions,
            **self.handover_actions,
            ActionId.CHECK_STORE: self.store_check.action,
        }
        self.menus: dict[Menu, QtWidgets.QMenu] = {}
        for place in (Menu.FILE, Menu.EDIT, Menu.HELP):
            self.menus[place] = self.menuBar().addMenu(place.value)
            fill_menu(self.menus[place], place, actions)
        self.window_actions = actions

    def _connect_actions(self) -> None:
        a = self.actions_by_id
        a[ActionId.NEW_CONFERENCE].triggered.connect(self.new_conference)
        a[ActionId.NEW_REVIEW].triggered.connect(lambda: new_review(self))
        a[ActionId.OPEN_CONFERENCE].triggered.connect(self._open_selected)
        a[ActionId.HOME].triggered.connect(self.show_home)
        a[ActionId.SEARCH].triggered.connect(self._search)
        a[ActionId.REFRESH].triggered.connect(self.refresh)
        a[ActionId.LOCK].triggered.connect(lambda: self.lock())
        a[ActionId.PREFERENCES].triggered.connect(self._preferences)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.HELP].triggered.connect(self.show_help)
        a[ActionId.ABOUT].triggered.connect(self._about)

    # --- pages ---------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_page

    def refresh(self) -> None:
        try:
            listing = self.session.schedule.listing(everything=self.home.showing_all)
        except Exception as error:
            self.report(error)
            return
        self.home.set_listing(listing, self.session.today())
        self.home.records.show_for(self.session)  # complaints due, retention

    def show_home(self, *, ask: bool = True) -> None:
        if self.locked or not self._may_leave(
            "leave this conference", (lambda: self.show_home(ask=False)) if ask else None
        ):
            return
        self._close_workspace()
        self.pages.setCurrentWidget(self.home)
        self.refresh()
        self.home.table.setFocus()

    def _open_selected(self) -> None:
        ref = self.home.selected_reference()
        if ref is not None:
            self.open_conference(ref)

    def open_conference(self, ref: str, *, ask: bool = True) -> None:
        from cpc_desktop.ui.workspace.page import WorkspacePage

        if self.locked or not self._may_leave(
            "leave this conference", (lambda: self.open_conference(ref, ask=False)) if ask else None
        ):
            return
        try:
            # Built apart from the window and added whole: its style is worked out once.
            page = WorkspacePage(self.session, ref)
        except Exception as error:
            self.report(error)
            return
        self._close_workspace()
        self.workspace = page
        page.saved.connect(self.save_state.setText)
        page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        page.decided.connect(self.refresh)
        apply_roles_within(self.session.actor, page)
        self.undo_group.addStack(page.undo_stack)
        self.undo_group.setActiveStack(page.undo_stack)
        self.conference_menu = QtWidgets.QMenu(Menu.CONFERENCE.value, self)
        fill_menu(
            self.conference_menu, Menu.CONFERENCE, {**self.window_actions, **declared_actions(page)}
        )
        for action in self.output_actions.values():
            enable(action)
        self.menuBar().insertMenu(self.menus[Menu.HELP].menuAction(), self.conference_menu)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.setWindowTitle(f"CPC Desktop — {page.reference}")
        page.setFocus()

    def open_entry(self, ref: str, entry_id: str) -> None:
        """Open conference ``ref`` at minute entry ``entry_id`` (a search hit)."""
        self.open_conference(ref)
        if self.workspace is not None and self.workspace.reference == ref:
            self.workspace.show_entry(entry_id)

    def _close_workspace(self) -> None:
        if self.workspace is None:
            return
        self.workspace.flush()
        self.workspace.close_family_screen()
        self.undo_group.removeStack(self.workspace.undo_stack)
        for action in self.output_actions.values():
            action.setEnabled(False)
        if self.conference_menu is not None:
            self.menuBar().removeAction(self.conference_menu.menuAction())
            self.conference_menu.deleteLater()
            self.conference_menu = None
        self.pages.removeWidget(self.workspace)
        self.workspace.deleteLater()
        self.workspace = None
        self.save_state.clear()
        self.setWindowTitle("CPC Desktop")

    def new_conference(self) -> None:
        if self.locked or refused(self.actions_by_id[ActionId.NEW_CONFERENCE]):
            return
        dialog = NewConferenceDialog(
            self.session.today(),
            self.session.schedule.preview_due,
            self.session.conferences.create_conference,
            self,
            question=self.session.schedule.date_question,
            choices=profile_choices(),
            chosen=self.preferences.default_profile,
            authority=self.preferences.local_authority,
        )
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.created:
            self.preferences.default_profile = dialog.profile_id
            if dialog.local_authority:
                self.preferences.local_authority = dialog.local_authority
            self.refresh()
            self.open_conference(dialog.created.reference)

    def _search(self) -> None:
        if self.locked:
            return
        self.show_home()
        self.home.focus_search()

    # --- locking -------------------------------------------------------------------

    def _may_leave(self, what: str, then: Callable[[], None] | None = None) -> bool:
        """The save guard, then (given ``then``, the leaving done again) the closing check."""
        from cpc_desktop.ui.workspace.closing import may_leave

        return may_leave(self, what, then)

    def lock(self, *, idle: bool = False) -> None:
        """Lock now. Asked for, it waits for unsaved minutes (or their taking out); on
        idle it hides them anyway: the text stays in its editor, still being retried."""
        if self.locked:
            return
        unsaved = self.workspace is not None and not self.workspace.flush()
        if unsaved and not idle and not self.workspace.can_leave("lock"):
            return
        self._before_lock: QtWidgets.QWidget = self.pages.currentWidget() or self.home
        self.pages.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)
        for action_id, action in self.actions_by_id.items():
            action.setEnabled(action_id is ActionId.QUIT)
        for action in (
            *self.output_actions.values(),
            *self.signing_actions.values(),
            *self.handover_actions.values(),
        ):
            action.setEnabled(False)
        self.outputs.close_all()
        if self.workspace is not None:
            self.workspace.close_family_screen()  # it names the people: hidden too
            self.workspace.close_appeals()  # names and grounds do not stay over the lock
        self.home.records.close_dialog()  # nor the Retention window
        self.clipboard.clear()  # minute text copied before locking goes with the lock
        from cpc_desktop.ui.output.certificates import forget_certificates

        forget_certificates()
        self.setWindowTitle("CPC Desktop — locked")
        self.lock_page.reset()
        try:
            self.locker.lock()
        except Exception as error:
            self.report(error)

    def _on_unlock_requested(self, passphrase: str) -> None:
        try:
            ok = self.locker.unlock(passphrase)
        except Exception as error:
            self.report(error)
            return
        if not ok:
            self.lock_page.show_error("That is not the passphrase. Try again.")
            return
        self.menuBar().setEnabled(True)
        for action in self.actions_by_id.values():
            enable(action)
        for action in (*self.signing_actions.values(), *self.handover_actions.values()):
            enable(action)
        for action in self.output_actions.values():
            enable(action, self.workspace is not None)
        self.pages.setCurrentWidget(self._before_lock)
        title = f"CPC Desktop — {self.workspace.reference}" if self.workspace else "CPC Desktop"
        self.setWindowTitle(title)
        self.idle.restart()

    # --- dialogs -------------------------------------------------------------------

    def show_help(self) -> None:
        HelpDialog(help_sections(), self).exec()

    def _preferences(self) -> None:
        edit_preferences(self)

    # --- hand-over between laptops -----------------------------------------------------

    def restore_backup(self, backup: Path) -> None:
        """Undo an import: close the open conference, put the store back, show the list.

        Restoring reopens the store and renews every service on the session, so the
        lock keeper is made again too.
        """
        self.show_home(ask=False)
        self._close_workspace()
        self.session.restore(backup)
        self.read_only.setVisible(self.session.store.damage is not None)
        self.locker = LockService(self.session.store, self.session.actor, self.session.clock)
        self.pages.setCurrentWidget(self.home)
        self.refresh()

    @property
    def damage_box(self) -> QtWidgets.QMessageBox | None:
        """The dialog saying the background page check found damage, once shown."""
        return self.store_state.damage_box

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            "About CPC Desktop",
            f"<p><b>CPC Desktop {__version__}</b></p>"
            f"<p>Store: {html.escape(self.session.store.location)}</p>",
        )

    def report(self, error: BaseException) -> None:
        message = user_message(error)
        if message is None:
            raise error
        QtWidgets.QMessageBox.warning(self, "CPC Desktop", message)

    # --- closing -------------------------------------------------------------------

    def _close_anyway(self) -> None:
        self._closing = True  # Close anyway was chosen: the list is not asked for again
        self.close()
        self._closing = False

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.locked and self.workspace is not None and not self.workspace.flush():
            event.ignore()  # unlock first: the minutes are not saved
            self.lock_page.show_error("The minutes are not saved: unlock to deal with them.")
            return
        if not self._may_leave("close", None if self._closing else self._close_anyway):
            event.ignore()
            return
        self.clipboard.clear()
        remember_main_window(self, self.preferences)
        self.session.close()
        event.accept()


def edit_preferences(window: MainWindow) -> None:
    """The Preferences dialog (Ctrl+,): idle lock, clipboard clearing, screen language."""
    preferences = window.preferences
    dialog = PreferencesDialog(
        preferences.idle_lock_minutes,
        window,
        clipboard_seconds=preferences.clipboard_clear_seconds,
        language=preferences.ui_language,
    )
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return
    preferences.idle_lock_minutes = dialog.idle.value()
    window.idle.set_minutes(dialog.idle.value())
    preferences.clipboard_clear_seconds = dialog.clipboard.value()
    window.clipboard.set_seconds(dialog.clipboard.value())
    if dialog.chosen_language is not preferences.ui_language:
        try:
            use_language(dialog.chosen_language)
        except FileNotFoundError as error:  # a broken install: nothing is changed
            QtWidgets.QMessageBox.warning(window, "CPC Desktop", str(error))
        else:
            preferences.ui_language = dialog.chosen_language
