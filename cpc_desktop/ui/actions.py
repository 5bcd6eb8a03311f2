"""Every user command of the UI, declared once: its text, keys, scope, menu place and help.

A command is an :class:`ActionSpec` in :data:`SPECS`, keyed by its :class:`ActionId`.
Every window and pane makes its ``QAction`` s with :func:`make_action`, which gives the
action the declared text, shortcuts, shortcut context and tips, names it after its id
(object name and the ``command`` property) and attaches it to the widget. The main
window fills its menus with :func:`fill_menu`, in the places declared here, and the help
page (F1) lists :func:`cpc_desktop.ui.action_help.help_sections`, grouped by scope. So
menus, shortcuts and help come from one place; ``tests/ui/test_commands.py`` walks the
live windows to keep it so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum

from PySide6 import QtCore, QtGui, QtWidgets

#: The dynamic property that holds a declared action's id (the object name holds it too).
COMMAND_PROPERTY = "command"

Keys = str | QtGui.QKeySequence.StandardKey


class Scope(Enum):
    """Where a command's keys work; the help page lists the commands under these headings."""

    WINDOW = "Anywhere in the window"
    CONFERENCE = "While a conference is open"
    AGENDA = "In the agenda (while the focus is in it)"
    INTRODUCTIONS = "In Introductions"
    MINUTES = "In the minutes of an agenda item"
    ANALYSIS = "In the Signs of Safety analysis (under its minutes)"
    PDF_PREVIEW = "In the preview of minutes or a letter"

    @property
    def window_wide(self) -> bool:
        """True: the keys work wherever the focus is in the window the action is on."""
        return self in _WINDOW_WIDE

    @property
    def within(self) -> Scope | None:
        """The scope that is always active while this one is (None: a window of its own)."""
        return _WITHIN.get(self)

    def enclosing(self) -> tuple[Scope, ...]:
        """This scope and every scope around it, innermost first."""
        chain: list[Scope] = []
        scope: Scope | None = self
        while scope is not None:
            chain.append(scope)
            scope = scope.within
        return tuple(chain)


_WINDOW_WIDE = frozenset({Scope.WINDOW, Scope.CONFERENCE, Scope.PDF_PREVIEW})
_WITHIN = {
    Scope.CONFERENCE: Scope.WINDOW,
    Scope.AGENDA: Scope.CONFERENCE,
    Scope.INTRODUCTIONS: Scope.CONFERENCE,
    Scope.MINUTES: Scope.CONFERENCE,
    Scope.ANALYSIS: Scope.MINUTES,
}


class Menu(Enum):
    """The main window's menus, in the order the menu bar shows them."""

    FILE = "&File"
    EDIT = "&Edit"
    CONFERENCE = "&Conference"  # only while a conference is open
    HELP = "&Help"


class ActionId(StrEnum):
    # The window: File, Edit and Help.
    NEW_CONFERENCE = "new_conference"
    NEW_REVIEW = "new_review"
    OPEN_CONFERENCE = "open_conference"
    HOME = "home"
    SEARCH = "search"
    REFRESH = "refresh"
    LOCK = "lock"
    HAND_OVER = "hand_over"
    IMPORT_HANDOVER = "import_handover"
    VERIFY_PDF = "verify_pdf"
    CHECK_STORE = "check_store"
    SIGNING_CERTIFICATE = "signing_certificate"
    CREATE_CERTIFICATE = "create_certificate"
    PREFERENCES = "preferences"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    HELP = "help"
    ABOUT = "about"
    # The open conference: the Conference menu.
    SHOW_INTRODUCTIONS = "show_introductions"
    SHOW_MINUTES = "show_minutes"
    DECISION_WIZARD = "decision_wizard"
    MINUTES_READY = "minutes_ready"
    AGENDA_NEXT = "agenda_next"
    AGENDA_PREVIOUS = "agenda_previous"
    AGENDA_MAKE_CURRENT = "agenda_make_current"
    AGENDA_SKIP = "agenda_skip"
    AGENDA_ADD = "agenda_add"
    AGENDA_REMOVE = "agenda_remove"
    AGENDA_MOVE_UP = "agenda_move_up"
    AGENDA_MOVE_DOWN = "agenda_move_down"
    CLOCK_PAUSE = "agenda_clock_pause"
    MINUTES_APPROVAL = "minutes_approval"
    OUTCOME_LETTERS = "outcome_letters"
    DISTRIBUTION = "distribution"
    FAMILY_SCREEN = "family_screen"
    # Introductions: the selected person.
    ROLL_CALL_PRESENT = "rollCall_present"
    ROLL_CALL_APOLOGIES = "rollCall_apologies"
    ROLL_CALL_ABSENT = "rollCall_absent"
    ROLL_CALL_ARRIVED = "rollCall_arrived"
    ROLL_CALL_LEFT = "rollCall_left"
    ROLL_CALL_EXCLUDE = "rollCall_exclude"
    ROLL_CALL_END_EXCLUSION = "rollCall_end_exclusion"
    ROLL_CALL_SHARE_EXCLUSION = "rollCall_share_exclusion"
    ROLL_CALL_EDIT = "rollCall_edit"
    ROLL_CALL_REMOVE = "rollCall_remove"
    ROLL_CALL_IN_ROOM = "rollCall_in_room"
    ROLL_CALL_VIDEO = "rollCall_video"
    ROLL_CALL_PHONE = "rollCall_phone"
    # The minutes of an agenda item.
    ENTRY_NEXT = "entry_next"
    ENTRY_SPEAKER = "entry_speaker"
    ENTRY_TAG_FACT = "entry_tag_fact"
    ENTRY_TAG_OBSERVATION = "entry_tag_observation"
    ENTRY_TAG_ALLEGATION = "entry_tag_allegation"
    ENTRY_TAG_OPINION = "entry_tag_opinion"
    ENTRY_TAG_NONE = "entry_tag_none"
    ENTRY_RESTRICTED = "entry_restricted"
    ENTRY_ACTION = "entry_action"
    ENTRY_PREVIOUS = "entry_previous"
    ENTRY_FOLLOWING = "entry_following"
    ENTRY_DELETE = "entry_delete"
    # Signs of Safety: the section of the assessment map (analysis.SECTION_ORDER).
    SECTION_HARM = "analysis_harm"
    SECTION_DANGER = "analysis_danger"
    SECTION_COMPLICATING_FACTORS = "analysis_complicating_factors"
    SECTION_WORKING_WELL = "analysis_working_well"
    SECTION_DANGER_STATEMENTS = "analysis_danger_statements"
    SECTION_SAFETY_GOALS = "analysis_safety_goals"
    SECTION_NEXT_STEPS = "analysis_next_steps"
    SECTION_GENERAL = "analysis_general"
    # The PDF preview.
    PREVIEW_PRINT = "preview_print"
    PREVIEW_SAVE = "preview_save"
    PREVIEW_ZOOM_IN = "preview_zoom_in"
    PREVIEW_ZOOM_OUT = "preview_zoom_out"
    PREVIEW_FIT_WIDTH = "preview_fit_width"
    PREVIEW_NEXT_PAGE = "preview_next_page"
    PREVIEW_PREVIOUS_PAGE = "preview_previous_page"
    PREVIEW_FIRST_PAGE = "preview_first_page"
    PREVIEW_LAST_PAGE = "preview_last_page"


@dataclass(frozen=True)
class ActionSpec:
    """One user command.

    ``text`` is what the menu (or the button) says, with its mnemonic; ``keys`` its
    shortcuts, the first the one shown on buttons (a string Qt parses, or a
    ``QKeySequence.StandardKey``); ``tip`` one line saying what it does (status bar,
    tool tip, help page). ``menu`` and ``section`` place it in the main window's menus,
    in :data:`SPECS` order, with a separator where the section changes. What role may
    use it is ui/permissions.py's (from the services' one permission table).
    """

    text: str
    keys: tuple[Keys, ...]
    scope: Scope
    tip: str
    menu: Menu | None = None
    section: int = 0

    @property
    def name(self) -> str:
        """The text without its mnemonic or ellipsis, as the help page says it."""
        return self.text.replace("&", "").rstrip("…")

    def sequences(self) -> list[QtGui.QKeySequence]:
        found: list[QtGui.QKeySequence] = []
        for key in self.keys:
            if isinstance(key, str):
                found.append(QtGui.QKeySequence(key))
            else:
                found.extend(QtGui.QKeySequence.keyBindings(key))
        return found


def _spec(
    text: str,
    keys: Keys | tuple[Keys, ...],
    scope: Scope,
    tip: str,
    menu: Menu | None = None,
    section: int = 0,
) -> ActionSpec:
    return ActionSpec(text, keys if isinstance(keys, tuple) else (keys,), scope, tip, menu, section)


_W, _C, _A, _I, _M = (
    Scope.WINDOW,
    Scope.CONFERENCE,
    Scope.AGENDA,
    Scope.INTRODUCTIONS,
    Scope.MINUTES,
)
_FILE, _EDIT, _CONF, _HELP = Menu.FILE, Menu.EDIT, Menu.CONFERENCE, Menu.HELP


def _rc(text: str, keys: Keys, tip: str) -> ActionSpec:
    return _spec(text, keys, Scope.INTRODUCTIONS, tip)


#: What a mode command does (ui/workspace/roll_call_modes.py).
_HOW = " (with Present and Arrived; someone already here joins that way now)"


def _section(text: str, keys: Keys | tuple[Keys, ...]) -> ActionSpec:
    return _spec(f"Analysis section: {text}", keys, Scope.ANALYSIS, "The minute is about: " + text)


#: Every command, in menu and help order. (Ctrl+Shift+H is Home and Ctrl+Shift+I adds an
#: agenda item, so the hand-over commands use X and G.)
SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_CONFERENCE: _spec(
        "&New conference…", "Ctrl+N", _W, "Set up a new conference", _FILE
    ),
    ActionId.NEW_REVIEW: _spec(
        "Ne&w review…", "Ctrl+Shift+N", _W, "Review the selected conference's plan", _FILE
    ),
    ActionId.OPEN_CONFERENCE: _spec(
        "&Open conference", "Ctrl+O", _W, "Open the conference selected on the home screen", _FILE
    ),
    ActionId.HOME: _spec("&Home", "Ctrl+Shift+H", _W, "Back to the list of conferences", _FILE),
    ActionId.SEARCH: _spec(
        "&Search minutes…", ("Ctrl+F", "Ctrl+Shift+F"), _W, "Search the minutes, as you type", _FILE
    ),
    ActionId.REFRESH: _spec("&Refresh", "F5", _W, "Read the list again", _FILE),
    ActionId.LOCK: _spec(
        "&Lock now", "Ctrl+L", _W, "Hide everything until the passphrase is typed", _FILE
    ),
    ActionId.HAND_OVER: _spec(
        "Han&d over a conference…",
        "Ctrl+Shift+X",
        _W,
        "Save the open (or selected) conference in a locked file for the other laptop",
        _FILE,
        1,
    ),
    ActionId.IMPORT_HANDOVER: _spec(
        "&Import a hand-over…",
        "Ctrl+Shift+G",
        _W,
        "See what a hand-over file from the other laptop changes, settle it and import it",
        _FILE,
        1,
    ),
    ActionId.VERIFY_PDF: _spec(
        "&Verify a signed PDF…", (), _W, "Check a PDF's signature", _FILE, 2
    ),
    ActionId.CHECK_STORE: _spec(
        "Chec&k the store", (), _W, "Check every page and row against the audit log", _FILE, 2
    ),
    ActionId.SIGNING_CERTIFICATE: _spec(
        "Si&gning certificate…",
        (),
        _W,
        "Choose the certificate file that signs minutes and letters",
        _FILE,
        2,
    ),
    ActionId.CREATE_CERTIFICATE: _spec(
        "Create a self-signed &certificate…",
        (),
        _W,
        "Make a certificate file to sign with",
        _FILE,
        2,
    ),
    ActionId.PREFERENCES: _spec(
        "&Preferences…",
        "Ctrl+,",
        _W,
        "When to lock and to clear copied text; the screen language",
        _FILE,
        3,
    ),
    ActionId.QUIT: _spec("&Quit", "Ctrl+Q", _W, "Save and close CPC Desktop", _FILE, 4),
    ActionId.UNDO: _spec(
        "&Undo", "Ctrl+Z", _W, "Undo the last change to entries, people or the agenda", _EDIT
    ),
    ActionId.REDO: _spec("&Redo", "Ctrl+Shift+Z", _W, "Do again the change just undone", _EDIT),
    ActionId.HELP: _spec("CPC Desktop &help", "F1", _W, "How to use CPC Desktop", _HELP),
    ActionId.ABOUT: _spec("&About CPC Desktop", (), _W, "Version and store", _HELP),
    # --- the open conference ----------------------------------------------------------
    ActionId.SHOW_INTRODUCTIONS: _spec(
        "&Introductions", "Ctrl+I", _C, "Who is here, attendance and quorum", _CONF
    ),
    ActionId.SHOW_MINUTES: _spec(
        "&Minutes", "Ctrl+M", _C, "The minutes of the selected agenda item", _CONF
    ),
    ActionId.DECISION_WIZARD: _spec(
        "&Decision wizard…",
        "Ctrl+Shift+E",
        _C,
        "Record the conference's decision for each child, step by step",
        _CONF,
    ),
    ActionId.MINUTES_READY: _spec(
        "Are the minutes &ready?",
        "Ctrl+Shift+R",
        _C,
        "Say what still stops the minutes being finalised",
        _CONF,
    ),
    # Ctrl+PgDown first: a text editor claims Ctrl+Shift+Right for selecting words.
    ActionId.AGENDA_NEXT: _spec(
        "&Start / next item",
        ("Ctrl+PgDown", "Ctrl+Shift+Right"),
        _C,
        "Make the next item current and mark this one done",
        _CONF,
    ),
    ActionId.AGENDA_PREVIOUS: _spec(
        "&Previous item",
        ("Ctrl+PgUp", "Ctrl+Shift+Left"),
        _C,
        "Go back to the item before this one",
        _CONF,
    ),
    ActionId.AGENDA_MAKE_CURRENT: _spec(
        "&Make selected item current",
        "Ctrl+Shift+Return",
        _C,
        "Jump to the item selected in the agenda",
        _CONF,
    ),
    ActionId.AGENDA_SKIP: _spec(
        "S&kip item",
        "Ctrl+Shift+K",
        _C,
        "Skip the selected item (or bring a skipped one back)",
        _CONF,
    ),
    # Editing the list works only with the focus in the agenda, so a typed Alt+Up or
    # Ctrl+Shift+Delete never changes the agenda from the minutes editor.
    ActionId.AGENDA_ADD: _spec(
        "&Add agenda item…", "Ctrl+Shift+I", _A, "Add an item after the selected one", _CONF
    ),
    ActionId.AGENDA_REMOVE: _spec(
        "&Remove agenda item",
        "Ctrl+Shift+Delete",
        _A,
        "Remove the selected item (only if it has no minutes)",
        _CONF,
    ),
    ActionId.AGENDA_MOVE_UP: _spec(
        "Move item &up", "Alt+Up", _A, "Move the selected item one place earlier", _CONF
    ),
    ActionId.AGENDA_MOVE_DOWN: _spec(
        "Move item &down", "Alt+Down", _A, "Move the selected item one place later", _CONF
    ),
    ActionId.CLOCK_PAUSE: _spec(
        "Pause / resume the cl&ock", "Ctrl+Shift+Space", _C, "Stop the clock for a break", _CONF
    ),
    ActionId.MINUTES_APPROVAL: _spec(
        "Minutes and appro&val…",
        "Ctrl+Shift+M",
        _C,
        "Approve, issue, correct and export the minutes",
        _CONF,
        1,
    ),
    ActionId.OUTCOME_LETTERS: _spec(
        "Outcome &letters…",
        "Ctrl+Shift+L",
        _C,
        "Preview and issue the outcome letters",
        _CONF,
        1,
    ),
    ActionId.DISTRIBUTION: _spec(
        "Dis&tribution…",
        "Ctrl+Shift+T",
        _C,
        "Who was sent the decision letter and the minutes, and what is late",
        _CONF,
        1,
    ),
    ActionId.FAMILY_SCREEN: _spec(
        "Who is &here…", "Ctrl+Shift+W", _C, "Show the family the agenda and who is here", _CONF, 2
    ),
    # --- Introductions: the selected person -------------------------------------------
    ActionId.ROLL_CALL_PRESENT: _rc("Present", "Ctrl+Shift+P", "Mark the selected person present"),
    ActionId.ROLL_CALL_APOLOGIES: _rc(
        "Apologies", "Ctrl+Shift+O", "Record the selected person's apologies"
    ),
    ActionId.ROLL_CALL_ABSENT: _rc("Absent", "Ctrl+Shift+B", "Record the selected person absent"),
    ActionId.ROLL_CALL_ARRIVED: _rc("Arrived now", "F6", "The selected person has just arrived"),
    ActionId.ROLL_CALL_LEFT: _rc("Left now", "F7", "The selected person has just left"),
    ActionId.ROLL_CALL_EXCLUDE: _rc(
        "Exclude…", "F8", "Ask the selected person to leave for part of the conference, with why"
    ),
    ActionId.ROLL_CALL_END_EXCLUSION: _rc(
        "End exclusion now", "F9", "The selected person may come back in now"
    ),
    ActionId.ROLL_CALL_SHARE_EXCLUSION: _rc(
        "Share grounds…", "Shift+F8", "Whether their last exclusion's grounds go to the family"
    ),
    ActionId.ROLL_CALL_EDIT: _rc(
        "Edit details…", "F2", "Reports, interpreter, advocate, role and agency of the person"
    ),
    ActionId.ROLL_CALL_REMOVE: _rc(
        "Remove person",
        "Ctrl+Shift+Delete",
        "Take them off the roll call (only if nothing recorded needs them)",
    ),
    ActionId.ROLL_CALL_IN_ROOM: _rc("In the room", "Ctrl+1", "Takes part in the room" + _HOW),
    ActionId.ROLL_CALL_VIDEO: _rc("On video", "Ctrl+2", "Takes part on video" + _HOW),
    ActionId.ROLL_CALL_PHONE: _rc("By phone", "Ctrl+3", "Takes part by phone" + _HOW),
    # --- the minutes of an agenda item ------------------------------------------------
    ActionId.ENTRY_NEXT: _spec(
        "Next entry", "Ctrl+Return", _M, "Finish this entry and start the next"
    ),
    ActionId.ENTRY_SPEAKER: _spec(
        "Choose the speaker", "Ctrl+K", _M, "Type a few letters of the name, then Enter"
    ),
    ActionId.ENTRY_TAG_FACT: _spec("Tag: fact", "Ctrl+1", _M, "Mark the entry as fact"),
    ActionId.ENTRY_TAG_OBSERVATION: _spec(
        "Tag: observation", "Ctrl+2", _M, "Mark the entry as an observation"
    ),
    ActionId.ENTRY_TAG_ALLEGATION: _spec(
        "Tag: allegation", "Ctrl+3", _M, "Mark the entry as an allegation"
    ),
    ActionId.ENTRY_TAG_OPINION: _spec("Tag: opinion", "Ctrl+4", _M, "Mark the entry as an opinion"),
    ActionId.ENTRY_TAG_NONE: _spec("Clear the tag", "Ctrl+0", _M, "Take the entry's tag off"),
    ActionId.ENTRY_RESTRICTED: _spec(
        "Restricted", "Ctrl+R", _M, "Restricted: left out of the family's copy"
    ),
    ActionId.ENTRY_ACTION: _spec(
        "Record an action", "Ctrl+J", _M, "Who does what by when, without leaving the keyboard"
    ),
    ActionId.ENTRY_PREVIOUS: _spec(
        "Previous entry", "Ctrl+Up", _M, "Show the entry before this one"
    ),
    ActionId.ENTRY_FOLLOWING: _spec(
        "Next entry in the list", "Ctrl+Down", _M, "Show the entry after this one"
    ),
    ActionId.ENTRY_DELETE: _spec(
        "Delete the entry", "Ctrl+Shift+D", _M, "Delete the entry (it can be undone)"
    ),
    # --- Signs of Safety: the section of the map (the order of analysis.SECTION_ORDER) ---
    ActionId.SECTION_HARM: _section("Past harm", "Ctrl+Shift+1"),
    ActionId.SECTION_DANGER: _section("Future danger", "Ctrl+Shift+2"),
    ActionId.SECTION_COMPLICATING_FACTORS: _section("Complicating factors", "Ctrl+Shift+3"),
    ActionId.SECTION_WORKING_WELL: _section("Strengths and existing safety", "Ctrl+Shift+4"),
    ActionId.SECTION_DANGER_STATEMENTS: _section("Danger statements", "Ctrl+Shift+5"),
    ActionId.SECTION_SAFETY_GOALS: _section("Safety goals", "Ctrl+Shift+6"),
    ActionId.SECTION_NEXT_STEPS: _section("Next steps", "Ctrl+Shift+7"),
    ActionId.SECTION_GENERAL: _section("General (no section)", ("Ctrl+Shift+8", "Ctrl+Shift+0")),
    # --- the PDF preview --------------------------------------------------------------
    ActionId.PREVIEW_PRINT: _spec("&Print…", "Ctrl+P", Scope.PDF_PREVIEW, "Print the document"),
    ActionId.PREVIEW_SAVE: _spec(
        "&Save as…", "Ctrl+S", Scope.PDF_PREVIEW, "Save the document as a PDF file"
    ),
    ActionId.PREVIEW_ZOOM_IN: _spec(
        "Zoom in", ("Ctrl+=", "Ctrl++"), Scope.PDF_PREVIEW, "Show the pages larger"
    ),
    ActionId.PREVIEW_ZOOM_OUT: _spec(
        "Zoom out", "Ctrl+-", Scope.PDF_PREVIEW, "Show the pages smaller"
    ),
    ActionId.PREVIEW_FIT_WIDTH: _spec(
        "Fit the page width", "Ctrl+0", Scope.PDF_PREVIEW, "Zoom so a page fills the width"
    ),
    ActionId.PREVIEW_NEXT_PAGE: _spec("Next page", "PgDown", Scope.PDF_PREVIEW, "Go a page on"),
    ActionId.PREVIEW_PREVIOUS_PAGE: _spec(
        "Previous page", "PgUp", Scope.PDF_PREVIEW, "Go a page back"
    ),
    ActionId.PREVIEW_FIRST_PAGE: _spec(
        "First page", "Home", Scope.PDF_PREVIEW, "Go to the first page"
    ),
    ActionId.PREVIEW_LAST_PAGE: _spec("Last page", "End", Scope.PDF_PREVIEW, "Go to the last page"),
}


def shortcut_text(action_id: ActionId) -> str:
    """The command's keys as the user reads them: "Ctrl+PgDown or Ctrl+Shift+Right"."""
    native = QtGui.QKeySequence.SequenceFormat.NativeText
    return " or ".join(key.toString(native) for key in SPECS[action_id].sequences())


def tool_tip(action_id: ActionId) -> str:
    """What the command does and its keys: "Print the document (Ctrl+P)"."""
    keys = shortcut_text(action_id)
    return f"{SPECS[action_id].tip} ({keys})" if keys else SPECS[action_id].tip


_DRESS: dict[ActionId, tuple[list[QtGui.QKeySequence], str]] = {}


def _keys_and_tip(action_id: ActionId) -> tuple[list[QtGui.QKeySequence], str]:
    """The command's keys and tool tip, worked out once (opening a conference makes
    a few dozen actions)."""
    found = _DRESS.get(action_id)
    if found is None:
        found = _DRESS[action_id] = (SPECS[action_id].sequences(), tool_tip(action_id))
    return found


def dress_every_command() -> None:
    """Work out every command's keys and tip now (the warm-up before the first open)."""
    for action_id in SPECS:
        _keys_and_tip(action_id)


def make_action(
    action_id: ActionId,
    owner: QtWidgets.QWidget,
    slot: Callable[[], object] | None = None,
    *,
    action: QtGui.QAction | None = None,
) -> QtGui.QAction:
    """Make the declared action (or dress ``action``, e.g. a QUndoGroup's) on ``owner``.

    The action gets the declared text, keys and tips, a shortcut context from its scope,
    its id as object name and ``command`` property, and ``owner`` as parent and widget.
    """
    spec = SPECS[action_id]
    made = action if action is not None else QtGui.QAction(owner)
    made.setText(spec.text)
    made.setObjectName(action_id.value)
    made.setProperty(COMMAND_PROPERTY, action_id.value)
    keys, tip = _keys_and_tip(action_id)
    made.setShortcuts(keys)
    made.setShortcutContext(
        QtCore.Qt.ShortcutContext.WindowShortcut
        if spec.scope.window_wide
        else QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut
    )
    made.setStatusTip(spec.tip)
    made.setToolTip(tip)
    if slot is not None:
        made.triggered.connect(slot)
    owner.addAction(made)
    return made


def command_of(action: QtGui.QAction) -> ActionId | None:
    """The id an action was made from by :func:`make_action` (None if it was not)."""
    value = action.property(COMMAND_PROPERTY)
    try:
        return ActionId(value)
    except ValueError:
        return None


def declared_actions(*owners: QtCore.QObject) -> dict[ActionId, QtGui.QAction]:
    """The declared actions made with ``owners`` or their children as parent, by id."""
    found: dict[ActionId, QtGui.QAction] = {}
    for owner in owners:
        for action in owner.findChildren(QtGui.QAction):
            action_id = command_of(action)
            if action_id is not None:
                found.setdefault(action_id, action)
    return found


def fill_menu(
    menu: QtWidgets.QMenu, place: Menu, actions: Mapping[ActionId, QtGui.QAction]
) -> None:
    """Put in ``menu`` every command declared for ``place``, separated by section.

    Every such command must be in ``actions``: a menu shows what is declared, all of it.
    """
    section: int | None = None
    for action_id, spec in SPECS.items():
        if spec.menu is not place:
            continue
        if section is not None and spec.section != section:
            menu.addSeparator()
        section = spec.section
        menu.addAction(actions[action_id])
